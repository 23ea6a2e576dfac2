"""Where the shipped profiles live: ``profiles/<name>.yaml`` at the top of the repository."""

from pathlib import Path

from django.conf import settings

PROFILES_DIR = Path(settings.BASE_DIR) / "profiles"


def resolve(name_or_file: str) -> Path:
    """A path as given, or the shipped profile of that name (``bang-mak`` → profiles/bang-mak.yaml)."""
    path = Path(name_or_file)
    if path.suffix in (".yaml", ".yml") or path.exists():
        return path
    return PROFILES_DIR / f"{name_or_file}.yaml"


def shipped() -> list[str]:
    return sorted(path.stem for path in PROFILES_DIR.glob("*.yaml"))

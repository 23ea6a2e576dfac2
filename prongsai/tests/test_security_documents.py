"""R42, ASVS 11.1.2 and 15.1.1: the cryptographic inventory and the dependency document stay
true to the code — a new module using a cryptographic primitive, or a new direct dependency,
fails here until the document has its entry."""

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
INVENTORY = ROOT / "docs" / "security" / "crypto-inventory.md"
DEPENDENCIES = ROOT / "docs" / "security" / "dependencies.md"
CRYPTO_IMPORT = re.compile(
    r"^\s*(import (hashlib|hmac|secrets)\b|from (hashlib|hmac|secrets|cryptography)\b"
    r"|from django\.core import signing|from django\.core\.signing"
    r"|from django\.utils\.crypto import|from django\.contrib\.auth\.hashers import)",
    re.MULTILINE,
)


def modules_using_cryptography() -> list[str]:
    found = []
    for path in sorted((ROOT / "prongsai").rglob("*.py")):
        relative = path.relative_to(ROOT / "prongsai").as_posix()
        if "/tests/" in relative or "/migrations/" in relative or relative.endswith("testing.py"):
            continue
        if CRYPTO_IMPORT.search(path.read_text(encoding="utf-8")):
            found.append(relative)
    return found


def test_r42_every_module_using_a_cryptographic_primitive_is_in_the_inventory():
    text = INVENTORY.read_text(encoding="utf-8")
    modules = modules_using_cryptography()
    assert "operations/crypto.py" in modules  # the scan finds what it should
    missing = [module for module in modules if module not in text]
    assert missing == [], f"add these to {INVENTORY.name}: {missing}"


def test_r42_the_inventory_names_every_key_setting():
    text = INVENTORY.read_text(encoding="utf-8")
    for name in (
        "SECRET_KEY",
        "SECRET_KEY_FALLBACKS",
        "PRONGSAI_BACKUP_PUBLIC_KEY",
        "PRONGSAI_PROVINCE_TOKEN",
        "X25519",
        "AES-256-GCM",
        "Argon2",
        "HMAC-SHA256",
    ):
        assert name in text, name


def _package_names(requirements: list[str]) -> list[str]:
    return [re.split(r"[\[=<>~ ]", requirement, maxsplit=1)[0] for requirement in requirements]


def test_r42_every_direct_dependency_has_a_risk_class_and_is_pinned():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    direct = [*project["dependencies"], *project["optional-dependencies"]["dev"]]
    text = DEPENDENCIES.read_text(encoding="utf-8").lower()
    missing = [name for name in _package_names(direct) if name.lower() not in text]
    assert missing == [], f"add a risk class for these to {DEPENDENCIES.name}: {missing}"
    assert all("==" in requirement for requirement in direct)
    locked = (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines()
    assert all("==" in line for line in locked if line and not line.startswith("#"))


def test_r42_remediation_time_frames_are_documented():
    text = DEPENDENCIES.read_text(encoding="utf-8")
    assert "Remediation time frames" in text
    for severity in ("Critical", "High", "Medium", "Low"):
        assert re.search(rf"^\| {severity}\b.*\|", text, re.MULTILINE), severity

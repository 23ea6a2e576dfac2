"""Printable Thai documents: WeasyPrint with the self-hosted Sarabun typeface embedded."""

from pathlib import Path

FONT_DIR = Path(__file__).resolve().parent / "static" / "core" / "fonts"


def font_face_css() -> str:
    """@font-face rules pointing WeasyPrint at the bundled Sarabun files (no network)."""
    rules = []
    for weight in (400, 600, 700):
        for script in ("thai", "latin"):
            path = FONT_DIR / f"sarabun-{script}-{weight}-normal.woff2"
            rules.append(
                f"@font-face{{font-family:'Sarabun';font-weight:{weight};"
                f"src:url('{path.as_uri()}') format('woff2')}}"
            )
    return "".join(rules)

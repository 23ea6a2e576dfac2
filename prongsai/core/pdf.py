"""Printable Thai documents: WeasyPrint with the self-hosted Sarabun typeface embedded.

Use ``font_face_css()`` in a PDF's <style> and ``font-family: Sarabun`` (or ``PDF_FONT_FAMILY``).

The PDFs must also read back correctly when someone copies or extracts their text (assessors
search them; our tests extract them). Two things broke that with the bundled web fonts:

1. Sarabun ships as two subset files (Thai, Latin). Declared as two faces of one family, WeasyPrint
   keys embedded fonts by family + weight, so both files shared one ToUnicode map and colliding
   glyph numbers extracted wrongly ("ABC" read back as "กBC"). We merge the two subsets into one
   file per weight, so one family has exactly one file.
2. HarfBuzz splits sara am (ำ) into nikhahit + sara aa, and that sara aa glyph is the one plain
   า uses. A ToUnicode map holds one text per glyph, so "สำนักงาน" extracted as "สานักงาน" or
   "สำนักงำน". We add glyphs ``uni0E32.am`` (and one per tone mark that may sit between) with
   the same outlines, substituted for sara aa right after a nikhahit. See docs/adr/0018.

The derived fonts are built once and cached on disk (keyed by the source files and this
module's recipe version), so later processes start instantly.
"""

import copy
import hashlib
import os
import tempfile
from functools import lru_cache
from pathlib import Path

FONT_DIR = Path(__file__).resolve().parent / "static" / "core" / "fonts"
WEIGHTS = (400, 600, 700)
#: Font family to use in PDF stylesheets (kept "Sarabun" so existing templates work).
PDF_FONT_FAMILY = "'Sarabun'"
_RECIPE_VERSION = "2"  # bump when merge/patch changes, to rebuild cached fonts

SARA_AA = "uni0E32"
TONES = ("48", "49", "4A", "4B")  # mai ek, mai tho, mai tri, mai chattawa


def _variant(tone: str = "") -> str:
    return f"{SARA_AA}.am{tone}"


def _coverage(glyphs):
    from fontTools.ttLib.tables import otTables as ot

    coverage = ot.Coverage()
    coverage.glyphs = list(glyphs)
    return coverage


def _single_subst_lookup(target: str):
    from fontTools.ttLib.tables import otTables as ot

    subst = ot.SingleSubst()
    subst.mapping = {SARA_AA: target}
    lookup = ot.Lookup()
    lookup.LookupType, lookup.LookupFlag, lookup.SubTable = 1, 0, [subst]
    return lookup


def _chain_subtable(backtrack, single_index):
    from fontTools.ttLib.tables import otTables as ot

    subtable = ot.ChainContextSubst()
    subtable.Format = 3
    # OpenType stores backtrack coverages nearest-first.
    subtable.BacktrackCoverage = [_coverage(glyphs) for glyphs in backtrack]
    subtable.InputCoverage = [_coverage([SARA_AA])]
    subtable.LookAheadCoverage = []
    record = ot.SubstLookupRecord()
    record.SequenceIndex, record.LookupListIndex = 0, single_index
    subtable.SubstLookupRecord = [record]
    subtable.BacktrackGlyphCount = len(subtable.BacktrackCoverage)
    subtable.InputGlyphCount = 1
    subtable.LookAheadGlyphCount = 0
    subtable.SubstCount = 1
    return subtable


def _add_glyph(font, name: str) -> None:
    font["glyf"].glyphs[name] = copy.deepcopy(font["glyf"][SARA_AA])
    font["hmtx"].metrics[name] = font["hmtx"].metrics[SARA_AA]
    font.setGlyphOrder([*font.getGlyphOrder(), name])
    font["glyf"].glyphOrder = font.getGlyphOrder()
    font["maxp"].numGlyphs = len(font.getGlyphOrder())
    if "GDEF" in font and font["GDEF"].table.GlyphClassDef:
        classes = font["GDEF"].table.GlyphClassDef.classDefs
        classes[name] = classes.get(SARA_AA, 1)


def patch_sara_am(font):
    """Give sara aa its own glyph after a nikhahit: one per tone mark that may sit between.

    With a tone mark, HarfBuzz puts the mark in sara am's cluster ("้ำ"), so each tone needs
    its own glyph for the text to map back exactly.
    """
    from fontTools.ttLib.tables import otTables as ot

    order = font.getGlyphOrder()
    if _variant() in order:
        return font
    plain_nikhahit = [name for name in order if name in ("uni0E4D", "uni0E4D.narrow")]
    gsub = font["GSUB"].table
    lookups = gsub.LookupList.Lookup
    chain = ot.Lookup()
    chain.LookupType, chain.LookupFlag, chain.SubTable = 6, 0, []
    for tone in (*TONES, ""):
        _add_glyph(font, _variant(tone))
        lookups.append(_single_subst_lookup(_variant(tone)))
        single_index = len(lookups) - 1
        if tone:
            marks = [name for name in order if name.startswith(f"uni0E{tone}")]
            ligatures = [name for name in order if name.startswith(f"uni0E4D0E{tone}")]
            chain.SubTable.append(_chain_subtable([ligatures], single_index))
            chain.SubTable.append(_chain_subtable([marks, plain_nikhahit], single_index))
        else:
            chain.SubTable.append(_chain_subtable([plain_nikhahit], single_index))
    lookups.append(chain)
    gsub.LookupList.LookupCount = len(lookups)
    for record in gsub.FeatureList.FeatureRecord:
        if record.FeatureTag == "ccmp":
            record.Feature.LookupListIndex.append(len(lookups) - 1)
            record.Feature.LookupCount = len(record.Feature.LookupListIndex)
    return font


def _sources(weight: int) -> list[Path]:
    # Thai first: its glyph names (uni0E32 …) must survive the merge unchanged for the patch.
    return [FONT_DIR / f"sarabun-{script}-{weight}-normal.woff2" for script in ("thai", "latin")]


def _build(weight: int, target: Path) -> None:
    from fontTools.merge import Merger
    from fontTools.ttLib import TTFont

    with tempfile.TemporaryDirectory(prefix="prongsai-sarabun-src-") as work:
        plain = []
        for source in _sources(weight):
            font = TTFont(source)
            font.flavor = None
            path = Path(work) / f"{source.stem}.ttf"
            font.save(path)
            plain.append(str(path))
        merged = patch_sara_am(Merger().merge(plain))
        partial = target.with_suffix(f".{os.getpid()}.tmp")
        merged.save(partial)
    # Another process may build the same file at the same time; the rename is atomic.
    os.replace(partial, target)


def _cache_key() -> str:
    digest = hashlib.sha256(_RECIPE_VERSION.encode())
    for weight in WEIGHTS:
        for source in _sources(weight):
            digest.update(source.read_bytes())
    return digest.hexdigest()[:16]


@lru_cache(maxsize=1)
def pdf_font_dir() -> Path:
    """Folder with the merged, sara-am-safe Sarabun TTFs (built on first use, then cached)."""
    folder = Path(tempfile.gettempdir()) / f"prongsai-pdf-sarabun-{_cache_key()}"
    folder.mkdir(exist_ok=True)
    for weight in WEIGHTS:
        target = folder / f"sarabun-{weight}.ttf"
        if not target.exists():
            _build(weight, target)
    return folder


def font_face_css() -> str:
    """@font-face rules pointing WeasyPrint at the bundled Sarabun (no network): family Sarabun."""
    folder = pdf_font_dir()
    return "".join(
        f"@font-face{{font-family:'Sarabun';font-weight:{weight};"
        f"src:url('{(folder / f'sarabun-{weight}.ttf').as_uri()}') format('truetype')}}"
        for weight in WEIGHTS
    )

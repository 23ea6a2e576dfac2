"""A copy of Sarabun whose text layer survives copy-and-paste of sara am (ำ).

HarfBuzz splits sara am (U+0E33) into two glyphs, nikhahit + sara aa, and the sara aa glyph is
the same one plain sara aa (า) uses. WeasyPrint can give each glyph only one Unicode value in the
PDF's ToUnicode map, so whichever it meets first wins: "สำนักงาน" extracts as "สานักงาน" or
"สำนักงำน". This module derives, once per process, a Sarabun variant with a separate glyph
``uni0E32.am`` (and one per tone mark) (identical outlines) that the font substitutes for sara aa right after a
nikhahit (optionally with a tone mark between). The two uses of sara aa then map to their own
text and the PDF reads back exactly as written. See docs/adr/0018-pdf-sara-am.md.
"""

import copy
import tempfile
from functools import lru_cache
from pathlib import Path

from fontTools.ttLib import TTFont
from fontTools.ttLib.tables import otTables as ot

from prongsai.core.pdf import FONT_DIR

SARA_AA = "uni0E32"
TONES = ("48", "49", "4A", "4B")  # mai ek, mai tho, mai tri, mai chattawa


def _variant(tone: str = "") -> str:
    return f"{SARA_AA}.am{tone}"


def _coverage(glyphs) -> ot.Coverage:
    coverage = ot.Coverage()
    coverage.glyphs = list(glyphs)
    return coverage


def _single_subst_lookup(target: str) -> ot.Lookup:
    subst = ot.SingleSubst()
    subst.mapping = {SARA_AA: target}
    lookup = ot.Lookup()
    lookup.LookupType, lookup.LookupFlag, lookup.SubTable = 1, 0, [subst]
    return lookup


def _chain_subtable(backtrack, single_index) -> ot.ChainContextSubst:
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


def _add_glyph(font: TTFont, name: str) -> None:
    font["glyf"].glyphs[name] = copy.deepcopy(font["glyf"][SARA_AA])
    font["hmtx"].metrics[name] = font["hmtx"].metrics[SARA_AA]
    font.setGlyphOrder([*font.getGlyphOrder(), name])
    font["glyf"].glyphOrder = font.getGlyphOrder()
    font["maxp"].numGlyphs = len(font.getGlyphOrder())
    if "GDEF" in font and font["GDEF"].table.GlyphClassDef:
        classes = font["GDEF"].table.GlyphClassDef.classDefs
        classes[name] = classes.get(SARA_AA, 1)


def patch(font: TTFont) -> TTFont:
    """Give sara aa its own glyph after a nikhahit: one per tone mark that may sit between.

    With a tone mark, HarfBuzz puts the mark in sara am's cluster ("้ำ"), so each tone needs
    its own glyph for the text to map back exactly.
    """
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


@lru_cache(maxsize=1)
def patched_font_dir() -> Path:
    target = Path(tempfile.mkdtemp(prefix="prongsai-sarabun-"))
    for weight in (400, 600, 700):
        font = TTFont(FONT_DIR / f"sarabun-thai-{weight}-normal.woff2")
        font.flavor = None
        patch(font).save(target / f"sarabun-thai-{weight}.ttf")
    return target


#: Use as ``font-family`` in PDF templates. Latin first: the Thai file has no Latin letters.
PDF_FONT_FAMILY = "'ProngsaiSarabunLatin', 'ProngsaiSarabunThai'"


def font_face_css() -> str:
    """@font-face rules for PDFs: patched Thai faces and the bundled Latin faces.

    Each file gets its own family name. WeasyPrint keys embedded fonts by family + weight; two
    files both called "Sarabun" (Thai and Latin subsets) would share one ToUnicode map and
    colliding glyph numbers would extract wrongly ("ABC" read back as "กBC").
    """
    rules, thai_dir = [], patched_font_dir()
    for weight in (400, 600, 700):
        thai = thai_dir / f"sarabun-thai-{weight}.ttf"
        latin = FONT_DIR / f"sarabun-latin-{weight}-normal.woff2"
        rules.append(
            f"@font-face{{font-family:'ProngsaiSarabunThai';font-weight:{weight};"
            f"src:url('{thai.as_uri()}') format('truetype')}}"
        )
        rules.append(
            f"@font-face{{font-family:'ProngsaiSarabunLatin';font-weight:{weight};"
            f"src:url('{latin.as_uri()}') format('woff2')}}"
        )
    return "".join(rules)

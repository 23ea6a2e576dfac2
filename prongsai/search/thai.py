"""Thai text for the search index: normalisation, word segmentation and compound expansion.

Thai is written without spaces between words, so a database full-text index sees a whole run of
Thai as one token. Everything that reaches the index and every query goes through this module:
text is normalised, Thai runs are cut into words by the tokenizer chosen in ADR 0060 (nlpo3, the
Rust implementation of PyThaiNLP's newmm dictionary algorithm), and the words are joined with
spaces. Latin words and numbers are kept whole ("O12", "ITA", "2569").
"""

import contextlib
import functools
import re
import unicodedata

from django.conf import settings

from prongsai.core.thaidate import arabic_digits

# Cuts a string into runs the tokenizer handles (Thai letters and marks) and runs kept whole
# (letters/digits of any other script). Everything else (spaces, punctuation) separates words.
_THAI_RUN = "[\u0e01-\u0e3a\u0e40-\u0e4e]+"
_OTHER_RUN = "[^\\W_\u0e00-\u0e7f]+"
# Latin words joined by hyphens ("e-service") are one run, a compound of its pieces.
_RUNS = re.compile(rf"({_THAI_RUN})|({_OTHER_RUN}(?:-{_OTHER_RUN})*)")
# Where a Latin word written together splits: "NoGiftPolicy", "eService", "OneStopService",
# "ITAOnline" (capitals then a capitalised word), letters and digits ("O12" stays whole).
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
#: Compound words shorter than this are not split further (keeps the index small).
MIN_COMPOUND_LENGTH = 5
#: A split into pieces shorter than this is noise ("คอนกรีต" is not "คอ" + "นก" + "รีต").
MIN_PART_LENGTH = 3


# Legacy Thai fonts place shifted tone marks and vowels in the Private Use Area.
_PUA_THAI = dict(
    zip(
        range(0xF700, 0xF71B),
        "\u0e10\u0e34\u0e35\u0e36\u0e37\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e48\u0e49\u0e4a\u0e4b"
        "\u0e4c\u0e0d\u0e31\u0e4d\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e38\u0e39\u0e3a",
        strict=True,
    )
)
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_TONE_MARKS = "\u0e48\u0e49\u0e4a\u0e4b"
_BROKEN_SARA_AM = re.compile(rf"\u0e4d([{_TONE_MARKS}]?)\s?\u0e32")
_TONE_BEFORE_BROKEN_AM = re.compile(rf"([{_TONE_MARKS}])\s?\u0e4d\s?\u0e32")
_THAI = re.compile("[\u0e01-\u0e5b]")
_LEGACY_OR_INVISIBLE = re.compile("[\uf700-\uf71a\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# TIS-620 bytes shown as Latin-1 (legacy fonts without a Unicode map): "»ÃÐ¡ÒÈ" is "ประกาศ".
_TIS620_AS_LATIN1 = re.compile("[\u00a1-\u00fb]")


def repair_thai(text: str) -> str:
    """Fix what PDF extraction and legacy fonts do to Thai text, keeping it readable.

    NFC, Private Use Area glyphs mapped back, sara am written as nikhahit + sara aa joined
    (``"ทํา"`` → ``"ทำ"``), zero-width characters removed, TIS-620-as-Latin-1 decoded.
    """
    text = unicodedata.normalize("NFC", text)
    if _LEGACY_OR_INVISIBLE.search(text):  # translate() with a dict is slow: only when needed
        text = text.translate(_PUA_THAI).translate(_INVISIBLE)
    if not _THAI.search(text) and len(_TIS620_AS_LATIN1.findall(text)) > 20:
        with contextlib.suppress(UnicodeEncodeError, UnicodeDecodeError):
            text = text.encode("latin-1", errors="strict").decode("cp874")
    text = _BROKEN_SARA_AM.sub(lambda m: m.group(1) + "\u0e33", text)
    text = _TONE_BEFORE_BROKEN_AM.sub(lambda m: m.group(1) + "\u0e33", text)
    return text


# Abbreviations agencies and citizens use for the same words; both sides of the index see the
# full form (ADR 0062, 0221). Dots and spaces between the letters are optional.
ABBREVIATIONS = {
    "พรบ": "พระราชบัญญัติ",
    "พรก": "พระราชกำหนด",
    "พรฎ": "พระราชกฤษฎีกา",
    "ครม": "คณะรัฐมนตรี",
    "อบต": "องค์การบริหารส่วนตำบล",
    "อบจ": "องค์การบริหารส่วนจังหวัด",
    "อปท": "องค์กรปกครองส่วนท้องถิ่น",
    "อสม": "อาสาสมัครสาธารณสุขประจำหมู่บ้าน",
    "สตง": "สำนักงานการตรวจเงินแผ่นดิน",
    "ปปช": "คณะกรรมการป้องกันและปราบปรามการทุจริตแห่งชาติ",
    "พศ": "พุทธศักราช",
    "คศ": "คริสต์ศักราช",
    "สขร": "สรุปผลการจัดซื้อจัดจ้าง",
    "คสล": "คอนกรีตเสริมเหล็ก",
    "หจก": "ห้างหุ้นส่วนจำกัด",
}
#: One letter and a period, written before a place name ("จ.ขอนแก่น", "ม.3"); only where the
#: letter does not end a Thai word, so "ขอ." stays "ขอ", and not in a month ("ม.ค.").
SINGLE_LETTER_ABBREVIATIONS = {"จ": "จังหวัด", "อ": "อำเภอ", "ต": "ตำบล", "ม": "หมู่"}
_NOT_AFTER_THAI = r"(?<![\u0e01-\u0e4e])"
_NOT_BEFORE_THAI = r"(?![\u0e01-\u0e4e])"
_ABBREVIATION = re.compile(
    "|".join(
        # Written with every dot, an abbreviation is recognised even glued to the word before
        # it ("ของราชการพ.ศ.2540"): no Thai word ends in a letter followed by ".ศ.".
        [r"\s?".join(re.escape(letter) + r"\." for letter in short) for short in ABBREVIATIONS]
        + [
            _NOT_AFTER_THAI + r"\.?\s?".join(map(re.escape, short)) + r"\.?" + _NOT_BEFORE_THAI
            for short in ABBREVIATIONS
        ]
        # Not a month ("ม.ค.", "ต.ค."): another letter and a dot follow those.
        + [
            _NOT_AFTER_THAI + re.escape(letter) + r"\.(?![\u0e01-\u0e4e]{1,2}\.)"
            for letter in SINGLE_LETTER_ABBREVIATIONS
        ]
    )
)
_ALL_ABBREVIATIONS = {**ABBREVIATIONS, **SINGLE_LETTER_ABBREVIATIONS}
# "ฯลฯ" (et cetera), the abbreviation mark of "กรุงเทพฯ" and the repetition mark "ๆ" are not
# words: they separate ("ต่างๆ" = "ต่าง ๆ" = "ต่าง").
_THAI_MARKS = re.compile("ฯลฯ|[ฯๆ]+")
# Matching ignores tone marks and the nikhahit of sara am: PDFs made with common Thai fonts
# lose them on extraction ("น้ำ" comes out as "นา"), and visitors mistype them. Sara ai maimuan
# and sara ai maimalai are confused in typing ("ใช้"/"ไช้") and are folded together too.
_FOLD = str.maketrans(
    {"\u0e33": "\u0e32", "\u0e4d": None, "\u0e43": "\u0e44", **dict.fromkeys(_TONE_MARKS, None)}
)


def _normalize_keep_case(text: str) -> str:
    text = arabic_digits(repair_thai(str(text)))
    text = _ABBREVIATION.sub(
        lambda m: " " + _ALL_ABBREVIATIONS[re.sub(r"[.\s]", "", m.group(0))] + " ", text
    )
    return _THAI_MARKS.sub(" ", text)


def normalize(text: str) -> str:
    """Canonical form of text before matching: repaired Thai, Arabic digits, lower case,
    abbreviations spelled out, Thai marks that are not words removed."""
    return _normalize_keep_case(text).lower()


@functools.lru_cache(maxsize=200_000)
def fold(word: str) -> str:
    """The form a word is stored and matched under (tone marks and nikhahit ignored)."""
    return word.translate(_FOLD)


def tokenizer_name() -> str:
    return getattr(settings, "PRONGSAI_SEARCH_TOKENIZER", "nlpo3")


@functools.cache
def _segmenter(engine: str):
    from pythainlp.tokenize import word_tokenize

    def segment(text: str, keep_whitespace: bool = False) -> list[str]:
        return word_tokenize(text, engine=engine, keep_whitespace=keep_whitespace)

    return segment


def segment_thai(run: str, engine: str | None = None) -> list[str]:
    """Words of one run of Thai letters."""
    return [word for word in _segmenter(engine or tokenizer_name())(run) if word.strip()]


def _segment_runs(runs: list[str], engine: str | None) -> list[list[str]]:
    """Words of each Thai run, with one tokenizer call for all of them (the call has overhead)."""
    if not runs:
        return []
    tokens = _segmenter(engine or tokenizer_name())(" ".join(runs), keep_whitespace=True)
    groups: list[list[str]] = [[]]
    for token in tokens:
        if token.isspace():
            groups.append([])
        elif token:
            groups[-1].append(token)
    groups = [group for group in groups if group]
    if len(groups) != len(runs):  # a tokenizer that merged across a space: fall back per run
        return [segment_thai(run, engine) for run in runs]
    return groups


def latin_parts(run: str) -> tuple[str, ...]:
    """Pieces of a Latin run written together or with hyphens, lower case ("eService" → e,
    service); () for a plain word."""
    pieces = [p for chunk in run.split("-") for p in _CAMEL.split(chunk) if p]
    return tuple(p.lower() for p in pieces) if len(pieces) > 1 else ()


def tokens(text: str, engine: str | None = None) -> list[tuple[str, tuple[str, ...]]]:
    """The words of ``text`` in order, each with its Latin pieces: Thai runs segmented, other
    runs kept whole (a hyphenated or CamelCase Latin run as one word, lower case)."""
    matches = [match.groups() for match in _RUNS.finditer(_normalize_keep_case(text))]
    segmented = iter(_segment_runs([thai for thai, _other in matches if thai], engine))
    result = []
    for thai, other in matches:
        if thai:
            result.extend((word, ()) for word in next(segmented))
        else:
            result.append((other.replace("-", "").lower(), latin_parts(other)))
    return result


def words(text: str, engine: str | None = None) -> list[str]:
    """The words of ``text`` in order: Thai runs segmented, other runs kept whole."""
    return [word for word, _parts in tokens(text, engine)]


@functools.cache
def _dictionary():
    from pythainlp.corpus import thai_words

    return frozenset(thai_words())


@functools.lru_cache(maxsize=200_000)
def compound_parts(word: str) -> tuple[str, ...]:
    """Dictionary words a compound is made of, recursively ("คอนกรีตเสริมเหล็ก" → คอนกรีต, เสริม, เหล็ก).

    The tokenizer keeps a dictionary compound whole, so a visitor searching for one of its
    parts would not find it. The parts are the fewest dictionary words (other than the word
    itself) that spell it, cut at Thai character-cluster boundaries.
    """
    if len(word) < MIN_COMPOUND_LENGTH or not re.fullmatch(_THAI_RUN, word):
        return ()
    from pythainlp.tokenize.tcc import tcc_pos

    dictionary = _dictionary()
    bounds = sorted({0, len(word), *tcc_pos(word)})
    best: dict[int, tuple[str, ...]] = {0: ()}
    for end in bounds[1:]:
        for start in bounds:
            if start >= end:
                break
            piece = word[start:end]
            if (
                start in best
                and len(piece) >= MIN_PART_LENGTH
                and piece != word
                and piece in dictionary
            ):
                candidate = (*best[start], piece)
                if end not in best or len(candidate) < len(best[end]):
                    best[end] = candidate
    parts = best.get(len(word), ())
    expanded: list[str] = []
    for part in parts:
        expanded.append(part)
        expanded.extend(compound_parts(part))
    return tuple(expanded)


def index_text(text: str, engine: str | None = None) -> str:
    """Text as stored in the index: folded words separated by spaces, compounds followed by
    their parts."""
    stored = []
    for word, pieces in tokens(text, engine):
        stored.append(fold(word))
        stored.extend(fold(part) for part in pieces or compound_parts(word))
    return " ".join(stored)


def query_words(query: str, engine: str | None = None) -> list[str]:
    """The distinct words of a query, in order (as typed, for highlighting)."""
    return [word for word, _parts in _query_tokens(query, engine)]


@functools.lru_cache(maxsize=2048)
def _query_tokens(query: str, engine: str | None) -> tuple[tuple[str, tuple[str, ...]], ...]:
    # One search segments its query several times (words, terms, phrase): once is enough.
    return tuple(dict.fromkeys(tokens(query, engine)))


@functools.lru_cache(maxsize=2048)
def query_phrase(query: str) -> str:
    """The query as the index holds it (``index_text``), for phrase matching."""
    return index_text(query)


def query_terms(query: str, engine: str | None = None) -> list[tuple[str, tuple[str, ...]]]:
    """Each distinct query word folded, with its folded compound parts.

    A word matches either whole or as all of its parts, so "ผู้ประสบภัย" also finds
    "ผู้ประสบอุทกภัย" … "ภัย" and "ผลตรวจ" finds "ผลการตรวจ".
    """
    terms = {}
    for word, pieces in _query_tokens(query, engine):
        leaves = pieces or [part for part in compound_parts(word) if not compound_parts(part)]
        parts = tuple(dict.fromkeys(fold(part) for part in leaves))
        terms.setdefault(fold(word), parts)
    return [(word, parts) for word, parts in terms.items() if word]


_NOT_LETTER_OR_DIGIT = re.compile(r"[\W_]+")
_THAI_DIGIT = re.compile("[\u0e50-\u0e59]")


def compact(text: str) -> str:
    """Text lower-cased, folded, Thai digits as Arabic, everything but letters and digits
    removed: the same string whether a phrase was typed with spaces or written unspaced. Cheap
    (no segmentation, no abbreviation expansion): it runs on the titles of 100 candidates per
    search. Tone marks and the nikhahit are combining marks, which ``\\W`` removes with the
    punctuation, so only sara am and sara ai maimuan are left to fold — with ``replace``, several
    times faster than ``fold``'s ``translate`` on a whole title."""
    kept = _NOT_LETTER_OR_DIGIT.sub("", str(text).lower())
    kept = kept.replace("\u0e33", "\u0e32").replace("\u0e43", "\u0e44")
    return arabic_digits(kept) if _THAI_DIGIT.search(kept) else kept

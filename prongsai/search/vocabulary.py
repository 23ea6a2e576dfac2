"""Spelling correction from a site's own vocabulary ("did you mean", issue 18, ADR 0270).

Pure functions and an in-memory lexicon; the terms come from ``VocabularyTerm`` (the words of
the site's live, public pages) and the lexicon is cached per process (``suggestions.py``).

Thai is written without spaces, and a misspelled word is cut by the segmenter into pieces that
may each be real words ("ไข้เลือกออก" → ไข้ เลือก ออก), so a Thai run is not corrected word by
word: it is re-segmented against the vocabulary with a dynamic programme that may read a piece
as a vocabulary word it resembles. Resemblance, cheapest first:

* the same **skeleton**: the index's folding (tone marks, nikhahit, ใ/ไ) plus the misspellings
  Thai typists make most: vowel length (ะ/า, ิ/ี, ึ/ื, ุ/ู, ั), ร/ล, and letters of one sound
  (ศ/ษ/ส, ณ/น, ธ/ท/ฑ/ฒ, ภ/พ, …), the karan and mai taikhu;
* one letter more, less or different in the skeleton (symmetric deletion, SymSpell): a wrong
  key, as in ``เลือก``/``เลือด``; also Latin typos (``publc``, ``pubilc``).

A run is read as the fewest pieces, each correction costing more than a piece, so a run that
is all real words is left alone unless a longer real word explains it with a single fix.
"""

import dataclasses
import functools
import re

from . import thai

#: Letters and marks Thai typists confuse, mapped to one representative, after the index's
#: own folding (one table: ``translate`` is the cost of building a lexicon).
_SKELETON = str.maketrans(
    {
        "\u0e33": "\u0e32",  # sara am → sara aa (as thai.fold)
        "\u0e4d": None,  # nikhahit
        "\u0e43": "\u0e44",  # sara ai maimuan → sara ai maimalai
        **dict.fromkeys("\u0e48\u0e49\u0e4a\u0e4b", None),  # tone marks
        "\u0e30": "\u0e32",  # sara a → sara aa (vowel length)
        "\u0e31": "\u0e32",  # mai han-akat → sara aa
        "\u0e34": "\u0e35",  # sara i → sara ii
        "\u0e36": "\u0e37",  # sara ue → sara uee
        "\u0e38": "\u0e39",  # sara u → sara uu
        "\u0e47": None,  # mai taikhu
        "\u0e4c": None,  # thanthakhat (karan)
        "\u0e25": "\u0e23",  # lo ling → ro ruea (ร/ล)
        "\u0e2c": "\u0e23",  # lo chula
        "\u0e28": "\u0e2a",  # so sala → so suea
        "\u0e29": "\u0e2a",  # so ruesi → so suea
        "\u0e13": "\u0e19",  # no nen → no nu
        "\u0e18": "\u0e17",  # tho thong → tho thahan
        "\u0e11": "\u0e17",  # tho montho
        "\u0e12": "\u0e17",  # tho phuthao
        "\u0e20": "\u0e1e",  # pho samphao → pho phan
        "\u0e06": "\u0e04",  # kho rakhang → kho khwai
        "\u0e05": "\u0e04",  # kho khon
        "\u0e03": "\u0e02",  # kho khuat → kho khai
        "\u0e0d": "\u0e22",  # yo ying → yo yak
        "\u0e10": "\u0e16",  # tho than → tho thung
        "\u0e0c": "\u0e0a",  # cho choe → cho chang
        "\u0e0e": "\u0e14",  # do chada → do dek
        "\u0e0f": "\u0e15",  # to patak → to tao
    }
)
#: Skeletons at least this long are also matched with one letter more, less or different.
MIN_FUZZY_LENGTH = 4
#: Longest vocabulary word considered (characters); longer ones are not words but noise.
MAX_WORD_LENGTH = 40
#: Extra cost of reading a piece as a word with the same skeleton / one letter off, beside
#: the cost of a piece (1): a misspelled word cut into two real words (cost 2) is read as the
#: word it resembles (1.75), not one cut into three by a letter off (3 against 2.5) … and the
#: result must still find more than the query as typed (``suggestions.py``).
SKELETON_COST = 0.75
EDIT_COST = 1.5
#: Cost of a character no vocabulary word explains (kept as typed).
UNKNOWN_COST = 4.0
_THAI_RUN = re.compile("[\u0e01-\u0e3a\u0e40-\u0e4e]+")
_LATIN_OR_DIGIT = re.compile(r"[^\W_\u0e00-\u0e7f]+")


@functools.lru_cache(maxsize=100_000)
def skeleton(word: str) -> str:
    """The form under which common misspellings of ``word`` coincide."""
    return word.lower().translate(_SKELETON)


def _deletions(text: str) -> set[str]:
    return {text[:i] + text[i + 1 :] for i in range(len(text))}


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance (with adjacent transpositions counted once)."""
    if a == b:
        return 0
    previous2, previous = None, list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cost = min(cost, previous2[j - 2] + 1)
            current.append(cost)
        previous2, previous = previous, current
    return previous[-1]


@dataclasses.dataclass(frozen=True)
class Term:
    word: str  # as written on the site's pages (tone marks kept; Latin in lower case)
    pages: int  # how many pages hold it


class Lexicon:
    """A site's words, looked up by exact (folded) form, skeleton and skeleton one letter off."""

    def __init__(self, terms=()):
        self.known: set[str] = set()
        self.written: set[str] = set()
        self.by_fold: dict[str, list[Term]] = {}
        self.by_skeleton: dict[str, list[Term]] = {}
        self.by_deletion: dict[str, list[Term]] = {}
        self.longest = 1
        self.add(terms)

    def add(self, terms) -> None:
        """Add (word, pages) pairs."""
        for word, pages in terms:
            if not word or len(word) > MAX_WORD_LENGTH:
                continue
            term = Term(word, pages)
            folded = thai.fold(word.lower())
            self.known.add(folded)
            self.written.add(word.lower())
            self.by_fold.setdefault(folded, []).append(term)
            key = skeleton(word)
            self.by_skeleton.setdefault(key, []).append(term)
            if len(key) >= MIN_FUZZY_LENGTH:
                for deleted in _deletions(key):
                    self.by_deletion.setdefault(deleted, []).append(term)
            self.longest = max(self.longest, len(word))

    def __len__(self) -> int:
        return len(self.known)

    def is_known(self, piece: str) -> bool:
        return thai.fold(piece.lower()) in self.known

    def closest(self, piece: str) -> tuple[float, str] | None:
        """(extra cost, word) of the vocabulary word ``piece`` most likely misspells, or None."""
        key = skeleton(piece)
        if not key:
            return None
        same = self.by_skeleton.get(key)
        if same:
            return SKELETON_COST, self._best(piece, same)
        if len(key) < MIN_FUZZY_LENGTH - 1:
            return None
        # One letter off: a word one letter longer (its deletions hold the key), one letter
        # shorter (a deletion of the key), or one different (a deletion on each side).
        near: dict[str, Term] = {term.word: term for term in self.by_deletion.get(key, ())}
        if len(key) >= MIN_FUZZY_LENGTH:
            for deleted in _deletions(key):
                for term in (
                    *self.by_skeleton.get(deleted, ()),
                    *self.by_deletion.get(deleted, ()),
                ):
                    near[term.word] = term
        # Deleting one letter on each side also pairs some words two letters apart: drop them.
        close = [t for t in near.values() if edit_distance(key, skeleton(t.word)) <= 1]
        if not close:
            return None
        return EDIT_COST, self._best(piece, close)

    def written_form(self, piece: str) -> str:
        """``piece`` as the site writes it: a known word typed with other tone marks (which
        matching ignores) is shown with the site's marks."""
        if piece.lower() in self.written:
            return piece
        forms = self.by_fold.get(thai.fold(piece.lower()), ())
        return max(forms, key=lambda t: (t.pages, t.word)).word if forms else piece

    @staticmethod
    def _best(piece: str, terms: list[Term]) -> str:
        folded = thai.fold(piece.lower())
        return min(
            terms, key=lambda t: (edit_distance(folded, thai.fold(t.word)), -t.pages, t.word)
        ).word


def _cluster_bounds(run: str) -> list[int]:
    from pythainlp.tokenize.tcc import tcc_pos

    return sorted({0, len(run), *tcc_pos(run)})


def correct_thai_run(run: str, lexicon: Lexicon) -> str | None:
    """``run`` re-read as vocabulary words with the fewest pieces and corrections; None when
    no correction is part of the best reading (the run is already written as the site does)."""
    bounds = _cluster_bounds(run)
    infinity = float("inf")
    best: list[tuple[float, int, str, bool]] = [(0.0, -1, "", False)] + [
        (infinity, -1, "", False) for _ in bounds[1:]
    ]
    for end_index, end in enumerate(bounds[1:], 1):
        for start_index in range(end_index - 1, -1, -1):
            start = bounds[start_index]
            if end - start > lexicon.longest + 1:
                break
            base = best[start_index][0]
            if base == infinity:
                continue
            piece = run[start:end]
            options = []
            if lexicon.is_known(piece):
                options.append((1.0, lexicon.written_form(piece), False))
            else:
                found = lexicon.closest(piece)
                if found:
                    options.append((1.0 + found[0], found[1], True))
                if end_index - start_index == 1:
                    options.append((UNKNOWN_COST * (end - start), piece, None))
            for cost, word, corrected in options:
                if base + cost < best[end_index][0]:
                    best[end_index] = (base + cost, start_index, word, corrected)
    pieces, corrections, index = [], set(), len(bounds) - 1
    while index > 0:
        _cost, previous, word, corrected = best[index]
        pieces.append(word)
        corrections.add(corrected)
        index = previous
    # A run not wholly explained by the site's words is left alone: "ธนาคารขยะ" on a site
    # that has only "อาคาร" is not "ธ" + "อาคาร" + ….
    if True not in corrections or None in corrections:
        return None
    return "".join(reversed(pieces))


def correct_latin_word(word: str, lexicon: Lexicon) -> str | None:
    """The vocabulary word a Latin word misspells (one letter off), or None."""
    if word.isdigit() or lexicon.is_known(word) or len(word) < MIN_FUZZY_LENGTH:
        return None
    found = lexicon.closest(word)
    return found[1] if found else None


def correct(query: str, lexicon: Lexicon) -> str | None:
    """The query with its misspelled runs replaced by vocabulary words, or None if nothing
    changes. Runs are Thai (re-segmented) or Latin words; everything else is kept."""
    text = thai.normalize(query)
    pieces, cursor, changed = [], 0, False
    for match in re.finditer(f"{_THAI_RUN.pattern}|{_LATIN_OR_DIGIT.pattern}", text):
        run = match.group(0)
        if _THAI_RUN.fullmatch(run):
            fixed = correct_thai_run(run, lexicon)
        else:
            fixed = correct_latin_word(run, lexicon)
        pieces.append(text[cursor : match.start()])
        pieces.append(fixed or run)
        changed = changed or bool(fixed and fixed != run)
        cursor = match.end()
    pieces.append(text[cursor:])
    return " ".join("".join(pieces).split()) if changed else None

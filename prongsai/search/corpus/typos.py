""" "Did you mean" on the ranking set's queries typed with misspellings (ADR 0270)."""

import dataclasses

import yaml

from . import CORPUS_DIR, queries


@dataclasses.dataclass
class TypoEvaluation:
    cases: int
    offered: int  # a suggestion was shown
    exact: int  # the suggestion is the query as meant
    corrected: int  # the suggestion finds an expected item in its top 10
    typed_found: int  # the misspelled query itself finds an expected item in its top 10
    failures: list[tuple[str, str]]  # typed query and the suggestion ("" for none)

    def line(self, name: str) -> str:
        count = self.cases or 1
        return (
            f"{name:<40} correction rate = {self.corrected / count:.3f}   "
            f"exact = {self.exact}/{self.cases}   offered = {self.offered}/{self.cases}   "
            f"(typed as-is finds it: {self.typed_found / count:.3f})"
        )


def typo_cases(sets=None) -> list[dict]:
    """Typo cases with the expected items of the query they misspell (of the chosen sets)."""
    by_query = {case["query"]: case for case in (queries(sets) if sets else queries())}
    cases = yaml.safe_load((CORPUS_DIR / "typo_queries.yaml").read_text(encoding="utf-8"))
    return [
        {**case, "expected": by_query[case["meant"]]["expected"]}
        for case in cases
        if case["meant"] in by_query
    ]


def evaluate_typos(loaded, site, cases: list[dict]) -> TypoEvaluation:
    """Run each misspelled query as the search page does and judge the suggestion."""
    from ..selectors import candidates
    from ..suggestions import did_you_mean

    def top(query: str) -> set:
        return {(c.kind, c.pk) for c in candidates(query, site=site)[:10]}

    result = TypoEvaluation(len(cases), 0, 0, 0, 0, [])
    for case in cases:
        wanted = {loaded[item] for item in case["expected"] if item in loaded}
        found = candidates(case["typed"], site=site)
        result.typed_found += bool(wanted & {(c.kind, c.pk) for c in found[:10]})
        suggestion = did_you_mean(
            case["typed"],
            site,
            found=len(found),
            all_words=found.all_words,
            count=lambda text: len(candidates(text, site=site, any_word=False)),
        )
        result.offered += bool(suggestion)
        result.exact += suggestion.lower() == case["meant"].lower()
        if suggestion and wanted & top(suggestion):
            result.corrected += 1
        else:
            result.failures.append((case["typed"], suggestion))
    return result

"""Recall and ranking of the Thai search on the corpus in prongsai/search/corpus (docs/search.md).

The full set (about 540 items, 500 graded queries) runs in bench/search_recall.py on SQLite and
PostgreSQL; the suite keeps floors on the base set and on a third of the agency set, so a change
that loses recall or puts the right page lower fails here.
"""

import pytest
from wagtail.models import Site

from prongsai.search import corpus
from prongsai.search.corpus.typos import evaluate_typos, typo_cases
from prongsai.search.services import rebuild_vocabulary

pytestmark = pytest.mark.django_db


def test_corpus_has_at_least_500_items_and_500_graded_queries():
    assert len(corpus.items()) >= 500
    cases = corpus.queries()
    assert len(cases) >= 500
    assert all(grade in (1, 2) for case in cases for grade in case["expected"].values())
    assert sum(1 for case in cases if case.get("holdout")) >= 50


def test_recall_at_10_on_the_thai_base_corpus_is_at_least_098(home_page, unit):
    loaded = corpus.load(home_page, unit, sets=("base",))
    result = corpus.evaluate(loaded, corpus.prongsai_search, corpus.queries(("base",)))
    print(result.line("Prongsai, base set"), *result.misses, sep="\n")
    assert result.recall_at_10 >= 0.98, result.misses
    assert result.mrr >= 0.9, result.late
    # "Did you mean" on the base set's queries typed with misspellings (ADR 0270).
    site = Site.objects.get(is_default_site=True)
    rebuild_vocabulary(site)
    typos = evaluate_typos(loaded, site, typo_cases(("base",)))
    print(typos.line("Did you mean, base set"), *typos.failures, sep="\n")
    assert typos.cases >= 25
    assert typos.corrected / typos.cases >= 0.8, typos.failures


def test_agency_subset_keeps_recall_098_mrr_085_and_ndcg_085(home_page, unit):
    loaded = corpus.load(home_page, unit, sets=("agency",), every=3)
    cases = corpus.queries(("agency",))
    result = corpus.evaluate(loaded, corpus.prongsai_search, cases)
    print(result.line("Prongsai, agency subset"), *result.late, sep="\n")
    assert result.queries >= 50
    assert result.recall_at_10 >= 0.98, result.misses
    assert result.mrr >= 0.85, result.late
    assert result.ndcg_at_10 >= 0.85, result.late

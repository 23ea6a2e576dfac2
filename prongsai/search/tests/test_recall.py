"""Recall of the Thai search on the corpus in prongsai/search/corpus (see docs/search.md)."""

import pytest

from prongsai.search import corpus

pytestmark = pytest.mark.django_db


def test_corpus_has_at_least_100_items_and_200_queries():
    assert len(corpus.items()) >= 100
    assert len(corpus.queries()) >= 200


def test_recall_at_10_on_the_thai_corpus_is_at_least_095(home_page, unit):
    loaded = corpus.load(home_page, unit)
    result = corpus.evaluate(loaded, corpus.prongsai_search)
    print(result.line("Prongsai"), *result.misses, sep="\n")
    assert result.recall_at_10 >= 0.95, result.misses

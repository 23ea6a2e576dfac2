import pytest

from prongsai.filecheck.tests.hostile.make_corpus import corpus_fixture


@pytest.fixture(scope="session")
def corpus(tmp_path_factory):
    return corpus_fixture(tmp_path_factory)

"""'Did you mean' from the site's own vocabulary (issue 18 item 3, ADR 0270)."""

import random
import statistics
import time

import pytest
from django.urls import reverse
from wagtail.models import PageViewRestriction, Site

from prongsai.search import suggestions, vocabulary
from prongsai.search.models import VocabularyTerm
from prongsai.search.services import rebuild_vocabulary
from prongsai.sitepages import models as m
from prongsai.sitepages.tests.factories import add_page, metadata

pytestmark = pytest.mark.django_db

TITLES = {
    "dengue": "รณรงค์ป้องกันโรคไข้เลือดออกในหมู่บ้าน",
    "water": "รายงานผลการตรวจคุณภาพน้ำประปาหมู่บ้าน",
    "procurement": "ประกาศผลการจัดซื้อจัดจ้างโครงการก่อสร้างถนน",
    "elderly": "การลงทะเบียนรับเบี้ยยังชีพผู้สูงอายุ",
    "permit": "คู่มือขอใบอนุญาตก่อสร้างอาคาร",
    "eservice": "ระบบ e-Service สำหรับประชาชน Public Service",
}


@pytest.fixture
def site_pages(home_page, unit):
    index = add_page(home_page, m.NewsIndexPage, title="ข่าวประชาสัมพันธ์", slug="news")
    return {
        key: add_page(index, m.NewsPage, title=title, slug=key, **metadata(unit))
        for key, title in TITLES.items()
    }


def search(client, query, **filters):
    return client.get(reverse("search:search"), {"q": query, **filters})


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("ไข้เลือกออก", "ไข้เลือดออก"),  # a wrong key (ด/ก)
        ("คุนภาพน้ำ", "คุณภาพน้ำ"),  # ณ/น
        ("จัดชื้อจัดจ้าง", "จัดซื้อจัดจ้าง"),  # ซ/ช
        ("ผู้สูงอายู", "ผู้สูงอายุ"),  # vowel length ุ/ู
        ("ใบอนุญาติ", "ใบอนุญาต"),  # an extra vowel
        ("ก่อสล้าง", "ก่อสร้าง"),  # ร/ล
        ("pubilc servise", "public service"),  # Latin typos
    ],
)
def test_issue18_misspelled_query_gets_a_correction_that_finds_the_page(
    client, site_pages, typed, meant
):
    response = search(client, typed)
    assert response.context["did_you_mean"] == meant
    html = response.content.decode()
    assert "คุณหมายถึง:" in html
    link = reverse("search:search") + "?" + response.context["did_you_mean_query"]
    assert f'href="{link.replace("&", "&amp;")}"' in html
    assert search(client, meant).context["total"] >= 1


def test_issue18_tone_marks_typed_wrongly_are_shown_as_the_site_writes_them(client, site_pages):
    # "คุนภาพน้า": matching ignores tone marks, the suggestion shows the site's "น้ำ".
    assert search(client, "คุนภาพน้า").context["did_you_mean"] == "คุณภาพน้ำ"


def test_issue18_no_suggestion_when_the_query_finds_enough(client, site_pages):
    response = search(client, "ไข้เลือดออก")
    assert response.context["total"] >= 1
    assert response.context["did_you_mean"] == ""
    assert "คุณหมายถึง" not in response.content.decode()


def test_issue18_no_suggestion_for_words_the_site_does_not_hold(client, site_pages):
    response = search(client, "ฟุตบอลโลก")
    assert response.context["did_you_mean"] == ""
    assert search(client, "zzqxw").context["did_you_mean"] == ""


def test_issue18_suggestion_keeps_the_filters(client, site_pages):
    response = search(client, "ไข้เลือกออก", category="news")
    assert response.context["did_you_mean"] == "ไข้เลือดออก"
    assert "category=news" in response.context["did_you_mean_query"]


def test_issue18_words_of_unpublished_pages_are_never_suggested(client, site_pages):
    site_pages["dengue"].unpublish()  # the rebuild is queued for the worker: not run here
    assert VocabularyTerm.objects.filter(word="ไข้เลือดออก").exists()
    assert search(client, "ไข้เลือกออก").context["did_you_mean"] == ""


def test_issue18_words_of_private_pages_are_never_suggested(client, site_pages):
    PageViewRestriction.objects.create(
        page=site_pages["dengue"], restriction_type=PageViewRestriction.LOGIN
    )
    assert search(client, "ไข้เลือกออก").context["did_you_mean"] == ""
    rebuild_vocabulary(Site.objects.get(is_default_site=True))
    assert not VocabularyTerm.objects.filter(word="ไข้เลือดออก").exists()


def test_issue18_unpublishing_rebuilds_the_vocabulary_after_the_commit(
    site_pages, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        site_pages["dengue"].unpublish()
        site_pages["water"].unpublish()
    rebuilds = [c for c in callbacks if getattr(c, "vocabulary_site_id", None)]
    assert len(rebuilds) == 1  # one rebuild per site and transaction
    assert not VocabularyTerm.objects.filter(word="ไข้เลือดออก").exists()
    assert not VocabularyTerm.objects.filter(word="คุณภาพ").exists()
    assert VocabularyTerm.objects.filter(word="จัดซื้อจัดจ้าง").exists()


def test_issue18_words_of_another_site_are_never_suggested(client, site_pages, unit):
    other_home = add_page(
        Site.objects.get(is_default_site=True).root_page.get_parent(),
        m.HomePage,
        title="อีกเว็บไซต์",
        slug="other",
    )
    Site.objects.create(hostname="other.example", port=80, root_page=other_home)
    add_page(other_home, m.NewsPage, title="โครงการธนาคารขยะรีไซเคิล", slug="bank", **metadata(unit))
    assert VocabularyTerm.objects.filter(site__hostname="other.example").exists()
    # ธนาคารขยะ exists on the other site only.
    assert search(client, "ธนาคารขยาะ").context["did_you_mean"] == ""
    other = client.get(reverse("search:search"), {"q": "ธนาคารขยาะ"}, HTTP_HOST="other.example")
    assert other.context["did_you_mean"] == "ธนาคารขยะ"


def test_issue18_rebuild_counts_pages_per_word(site_pages):
    site = Site.objects.get(is_default_site=True)
    VocabularyTerm.objects.all().delete()
    assert rebuild_vocabulary(site) > 10
    assert VocabularyTerm.objects.get(site=site, word="หมู่บ้าน").pages == 2


def test_issue18_lexicon_follows_new_words_and_rebuilds(site_pages, unit):
    site = Site.objects.get(is_default_site=True)
    lexicon = suggestions.lexicon_for(site)
    assert not lexicon.is_known("ธนาคาร")
    add_page(site.root_page, m.NewsPage, title="ธนาคารขยะ", slug="bank", **metadata(unit))
    assert suggestions.lexicon_for(site) is lexicon  # grown in place
    assert lexicon.is_known("ธนาคาร")
    rebuild_vocabulary(site)
    assert suggestions.lexicon_for(site) is not lexicon


def test_issue18_correction_is_fast_on_10k_words():
    """A correction on a 10,000-word vocabulary takes well under 50 ms (ADR 0270)."""
    from pythainlp.corpus import thai_words

    words = sorted(thai_words())
    random.Random(2569).shuffle(words)
    site_words = ["ไข้เลือดออก", "คุณภาพ", "น้ำ", "จัดซื้อจัดจ้าง", "ผู้สูงอายุ", "public"]
    lexicon = vocabulary.Lexicon([(w, 3) for w in site_words] + [(w, 1) for w in words[:9994]])
    assert len(lexicon) > 9000
    queries = ["ไข้เลือกออก", "คุนภาพน้า", "จัดชื้อจัดจ้าง", "ผู้สูงอายู", "pubilc", "งบประมาน"]
    timings = []
    for _round in range(3):
        for query in queries:
            vocabulary.skeleton.cache_clear()
            started = time.perf_counter()
            vocabulary.correct(query, lexicon)
            timings.append(time.perf_counter() - started)
    assert vocabulary.correct("ไข้เลือกออก", lexicon) == "ไข้เลือดออก"
    assert statistics.median(timings) < 0.05


def test_issue18_bad_input_gets_no_suggestion_and_no_error(client, site_pages):
    for query in ["ก" * 2000, "\u0e48\u0e49\u0e4a", '" OR * NEAR -', "x" * 90]:
        response = search(client, query)
        assert response.status_code == 200
        assert response.context.get("did_you_mean", "") == ""


def test_edit_distance():
    assert vocabulary.edit_distance("public", "pubilc") == 1
    assert vocabulary.edit_distance("public", "publc") == 1
    assert vocabulary.edit_distance("kitten", "sitting") == 3

"""The fast page queries give exactly the answers of Wagtail's own (slower) ones."""

import pytest
from wagtail.models import Page, PageViewRestriction, Site

from prongsai.core import sitecache
from prongsai.core.pagequeries import exclude_private, paginate, view_restrictions_for
from prongsai.sitepages import models as m
from prongsai.sitepages.tests.factories import add_page, metadata

pytestmark = pytest.mark.django_db


def _tree(home_page, unit, news_items):
    news = add_page(home_page, m.NewsIndexPage, slug="news")
    laws = add_page(home_page, m.LawIndexPage, slug="laws")
    items = [
        add_page(news, m.NewsPage, slug=f"n{i}", news_kind="general", **metadata(unit))
        for i in range(news_items)
    ]
    law = add_page(laws, m.LawPage, slug="law", law_kind="act", **metadata(unit))
    return home_page, news, laws, items, law


@pytest.fixture
def tree(home_page, unit):
    """Four news items: what the restriction and routing tests use. (Each published page
    costs about half a second on PostgreSQL; 25 for every test made these the slowest set-ups
    of the suite after the demo.)"""
    return _tree(home_page, unit, 4)


@pytest.fixture
def long_tree(home_page, unit):
    """25 news items: more than one listing page of 20."""
    return _tree(home_page, unit, 25)


def test_exclude_private_matches_wagtail_public(tree):
    home, news, laws, items, law = tree
    PageViewRestriction.objects.create(page=laws, restriction_type=PageViewRestriction.LOGIN)
    PageViewRestriction.objects.create(page=items[3], restriction_type=PageViewRestriction.LOGIN)
    everything = Page.objects.descendant_of(home, inclusive=True)
    assert set(exclude_private(everything)) == set(everything.public())
    assert law.page_ptr not in set(exclude_private(everything))


def test_view_restrictions_match_wagtail_including_aliases(tree):
    home, news, laws, items, law = tree
    restriction = PageViewRestriction.objects.create(
        page=laws, restriction_type=PageViewRestriction.LOGIN
    )
    on_law = PageViewRestriction.objects.create(page=law, restriction_type="login")
    alias_of_law = law.create_alias(parent=news, update_slug="law-alias").specific
    for page in (law, items[0], alias_of_law, laws, home):
        assert set(view_restrictions_for(page)) == set(Page.get_view_restrictions(page)), page
    assert set(view_restrictions_for(law)) == {restriction, on_law}
    # An alias takes its source page's own restrictions, not those of the source's parents.
    assert list(view_restrictions_for(alias_of_law)) == [on_law]


def test_paginate_keeps_the_count_per_site_generation_and_clamps_the_page_number(
    long_tree, django_assert_num_queries
):
    home, news, _laws, items, _law = long_tree
    site = Site.objects.get(root_page=home)
    queryset = m.NewsPage.objects.child_of(news).order_by("path")
    with django_assert_num_queries(2):  # the count, then the page
        first = paginate(queryset, 20, None, count_key=sitecache.key(site.pk, "n"))
        assert len(first.object_list) == 20
        assert first.paginator.count == 25 and first.paginator.num_pages == 2
    with django_assert_num_queries(1):  # the count comes from the cache
        second = paginate(queryset, 20, "2", count_key=sitecache.key(site.pk, "n"))
    assert len(second.object_list) == 5 and second.number == 2 and not second.has_next()
    assert paginate(queryset, 20, "99").number == 2
    assert paginate(queryset, 20, "abc").number == 1
    assert paginate(queryset.none(), 20, "3").paginator.count == 0
    # A change to the site's pages gives it a new generation: the count is taken again.
    items[0].unpublish()
    fresh = paginate(queryset.live(), 20, None, count_key=sitecache.key(site.pk, "n"))
    assert fresh.paginator.count == 24


def test_paginate_stops_deep_pages_at_the_cap(long_tree):
    _home, news, _laws, _items, _law = long_tree
    queryset = m.NewsPage.objects.child_of(news).order_by("path")
    deep = paginate(queryset, 5, "999999", max_pages=2)
    assert deep.number == 2 and deep.paginator.num_pages == 2 and deep.paginator.truncated
    assert [p.slug for p in deep.object_list] == ["n5", "n6", "n7", "n8", "n9"]
    assert not paginate(queryset, 5, "1", max_pages=5).paginator.truncated


def _routing_queries(client, path):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    routed = [q for q in queries if '"wagtailcore_page"."url_path" IN' in q["sql"]]
    return response, len(routed)


def test_issue20_a_routed_page_is_kept_until_its_site_changes(client, tree):
    """ADR 0312: the second view of a page is routed without a query; an edit, an
    unpublication, a move and a view restriction each show at the next view."""
    home, news, laws, items, law = tree
    client.get("/news/n1/")  # the site's settings rows are created on the first view
    first, routed_first = _routing_queries(client, "/news/n1/")
    second, routed_second = _routing_queries(client, "/news/n1/")
    assert routed_first == 1 and routed_second == 0
    assert second.content == first.content

    item = items[1]
    item.title = "หัวข้อใหม่"
    item.save_revision().publish()
    response, routed = _routing_queries(client, "/news/n1/")
    assert routed == 1 and "หัวข้อใหม่" in response.content.decode()

    # A document (its title or window, shown in attachments) saved anywhere: routed anew.
    from django.core.files.base import ContentFile

    from prongsai.sitepages.models import AgencyDocument

    assert _routing_queries(client, "/news/n1/")[1] == 0
    document = AgencyDocument(title="ประกาศ", **metadata(items[1].owner_unit))
    document.file.save("notice.pdf", ContentFile(b"%PDF-1.4 test"), save=False)
    document.save()
    assert _routing_queries(client, "/news/n1/")[1] == 1

    PageViewRestriction.objects.create(page=item, restriction_type=PageViewRestriction.LOGIN)
    assert client.get("/news/n1/").status_code == 302  # to the sign-in page, as Wagtail does
    PageViewRestriction.objects.filter(page=item).delete()
    assert client.get("/news/n1/").status_code == 200

    Page.objects.get(pk=item.pk).move(laws, pos="last-child")
    moved = client.get("/news/n1/")  # Wagtail's redirect to the new address, not the old page
    assert (moved.status_code, moved["Location"]) == (301, "/laws/n1/")
    m.NewsPage.objects.get(pk=items[2].pk).unpublish()
    assert client.get("/news/n2/").status_code in (404, 410)


def test_issue20_what_a_request_sets_on_its_page_does_not_reach_the_next(client, tree, rf):
    from prongsai.core import sitestate
    from prongsai.core.pagequeries import route_descendant

    home, news, laws, items, law = tree
    client.get("/news/n1/")
    request = rf.get("/news/n1/", HTTP_HOST="localhost")
    sitestate.for_request(request)
    first = route_descendant(home, request, ["news", "n1"]).page
    first.title = "แก้ในคำขอนี้เท่านั้น"
    first.route_ancestors.append("something")
    request = rf.get("/news/n1/", HTTP_HOST="localhost")
    sitestate.for_request(request)
    second = route_descendant(home, request, ["news", "n1"]).page
    assert second is not first and second.title != "แก้ในคำขอนี้เท่านั้น"
    assert "something" not in second.route_ancestors

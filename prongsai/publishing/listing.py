"""Wagtail's page list with a filter "เผยแพร่โดยไม่มีคำขอ" (docs/adr/0080).

A flat listing of every page (Wagtail's ``PageListingViewSet``) whose filters add one: pages
whose latest publication did not come through a publish request, optionally only those no
policy allowed.
"""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.pages.listing import GenericPageFilterSet
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.models import Page

DIRECT_ANY = "direct"
DIRECT_NOT_ALLOWED = "not-allowed"


def directly_published_page_ids(*, only_not_allowed: bool = False) -> list[int]:
    from .direct import latest_direct
    from .models import DirectPublication

    latest = latest_direct(DirectPublication.objects.values_list("page_id", flat=True))
    return [
        page_id for page_id, record in latest.items() if not (only_not_allowed and record.allowed)
    ]


class PublicationFilterSet(GenericPageFilterSet):
    published_without_request = django_filters.ChoiceFilter(
        label=_("เผยแพร่โดยไม่มีคำขอ"),
        empty_label=_("ทั้งหมด"),
        choices=[
            (DIRECT_ANY, _("เผยแพร่โดยไม่มีคำขอ")),
            (DIRECT_NOT_ALLOWED, _("เผยแพร่โดยไม่มีคำขอและนโยบายไม่ได้ยกเว้น")),
        ],
        widget=forms.RadioSelect,
        method="filter_published_without_request",
    )

    def filter_published_without_request(self, queryset, name, value):
        if not value:
            return queryset
        ids = directly_published_page_ids(only_not_allowed=value == DIRECT_NOT_ALLOWED)
        return queryset.filter(pk__in=ids, live=True)

    class Meta(GenericPageFilterSet.Meta):
        model = Page


class PublicationPagesViewSet(PageListingViewSet):
    model = Page
    icon = "doc-full-inverse"
    menu_label = _("หน้าเว็บและการเผยแพร่")
    name = "publication_pages"
    add_to_admin_menu = True
    menu_order = 215
    filterset_class = PublicationFilterSet


publication_pages_viewset = PublicationPagesViewSet()

"""Staff views: the completeness dashboard, with inline evidence and not-applicable forms."""

import dataclasses

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import permissions, services
from .approvals import publication_records
from .evidence import Evidence
from .forms import EvidenceLinkForm, NotApplicableForm
from .models import Catalogue, CatalogueItem, EvidenceLink
from .selectors import ItemResult, Status, active_catalogues, catalogue_completeness
from .views import site_for_request


def require_dashboard_access(user) -> None:
    if not permissions.can_view_dashboard(user):
        raise PermissionDenied


def require_editor(user) -> None:
    # The service refuses too; asking first keeps a refusal a 403, not a form error.
    if not permissions.can_edit(user):
        raise PermissionDenied


@dataclasses.dataclass
class ItemRow:
    """One item on the dashboard: its result, evidence with approval records, and its forms."""

    result: ItemResult
    evidence: list[tuple[Evidence, object]]  # (evidence, PublicationRecord or None)
    links: list[EvidenceLink]
    link_form: EvidenceLinkForm | None
    na_form: NotApplicableForm | None
    is_open: bool = False


def dashboard_index(request):
    require_dashboard_access(request.user)
    site = site_for_request(request)
    today = timezone.localdate()
    reports = [catalogue_completeness(c, site, today) for c in active_catalogues()]
    return render(request, "compliance/admin/index.html", {"reports": reports, "Status": Status})


def _rows(request, report, *, bound: dict | None = None) -> list[tuple[str, list[ItemRow]]]:
    editable = permissions.can_edit(request.user)
    page_ids = {e.pk for r in report.results for e in r.evidence if e.kind == "page"}
    records = publication_records(page_ids)
    links_by_item: dict[int, list[EvidenceLink]] = {}
    for link in EvidenceLink.objects.filter(
        item__catalogue=report.catalogue, site=report.site
    ).select_related("page", "document"):
        links_by_item.setdefault(link.item_id, []).append(link)
    bound = bound or {}
    groups = []
    for group, results in report.by_group():
        rows = []
        for result in results:
            pk = result.item.pk
            prefix = f"item{pk}"
            link_form = na_form = None
            if editable:
                link_form = bound.get(("link", pk)) or EvidenceLinkForm(prefix=prefix)
                na_form = bound.get(("na", pk)) or NotApplicableForm(prefix=prefix)
            evidence = [
                (e, records.get(e.pk) if e.kind == "page" else None) for e in result.evidence
            ]
            rows.append(
                ItemRow(
                    result,
                    evidence,
                    links_by_item.get(pk, []),
                    link_form,
                    na_form,
                    is_open=("link", pk) in bound or ("na", pk) in bound,
                )
            )
        groups.append((group, rows))
    return groups


def _render_detail(request, catalogue, *, bound=None, status=200):
    report = catalogue_completeness(catalogue, site_for_request(request), timezone.localdate())
    return render(
        request,
        "compliance/admin/detail.html",
        {
            "report": report,
            "groups": _rows(request, report, bound=bound),
            "Status": Status,
            "can_edit": permissions.can_edit(request.user),
            "media": EvidenceLinkForm().media,
        },
        status=status,
    )


def dashboard_detail(request, slug):
    require_dashboard_access(request.user)
    return _render_detail(request, get_object_or_404(Catalogue, slug=slug))


def _item(slug, item_pk) -> CatalogueItem:
    return get_object_or_404(CatalogueItem, pk=item_pk, catalogue__slug=slug)


def _back(item):
    url = reverse("compliance_admin:detail", args=(item.catalogue.slug,))
    return redirect(f"{url}#item-{item.pk}")


def _service_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, messages_ in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages_)
    else:
        form.add_error(None, error.messages)


@require_POST
def add_evidence(request, slug, item_pk):
    require_dashboard_access(request.user)
    require_editor(request.user)
    item = _item(slug, item_pk)
    form = EvidenceLinkForm(request.POST, prefix=f"item{item.pk}")
    if form.is_valid():
        try:
            services.link_evidence(
                user=request.user,
                item=item,
                site=site_for_request(request),
                page=form.cleaned_data["page"],
                document=form.cleaned_data["document"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            _service_errors(form, error)
        else:
            messages.success(request, _("บันทึกหลักฐานของข้อ %s แล้ว") % item.code)
            return _back(item)
    return _render_detail(request, item.catalogue, bound={("link", item.pk): form}, status=400)


@require_POST
def remove_evidence(request, slug, item_pk, link_pk):
    require_dashboard_access(request.user)
    require_editor(request.user)
    item = _item(slug, item_pk)
    link = get_object_or_404(EvidenceLink, pk=link_pk, item=item, site=site_for_request(request))
    services.unlink_evidence(user=request.user, link=link)
    messages.success(request, _("นำหลักฐานออกจากข้อ %s แล้ว") % item.code)
    return _back(item)


@require_POST
def mark_not_applicable(request, slug, item_pk):
    require_dashboard_access(request.user)
    require_editor(request.user)
    item = _item(slug, item_pk)
    form = NotApplicableForm(request.POST, prefix=f"item{item.pk}")
    if form.is_valid():
        try:
            services.mark_not_applicable(
                user=request.user,
                item=item,
                site=site_for_request(request),
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            _service_errors(form, error)
        else:
            messages.success(request, _("บันทึกว่าข้อ %s ไม่เกี่ยวข้องแล้ว") % item.code)
            return _back(item)
    return _render_detail(request, item.catalogue, bound={("na", item.pk): form}, status=400)


@require_POST
def clear_not_applicable(request, slug, item_pk):
    require_dashboard_access(request.user)
    require_editor(request.user)
    item = _item(slug, item_pk)
    services.clear_not_applicable(user=request.user, item=item, site=site_for_request(request))
    messages.success(request, _("ยกเลิกการบันทึกว่าข้อ %s ไม่เกี่ยวข้องแล้ว") % item.code)
    return _back(item)

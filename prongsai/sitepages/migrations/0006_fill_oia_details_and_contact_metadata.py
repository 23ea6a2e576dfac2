"""Fill what the new fields can know from existing data; nothing is removed (ADR 0275).

- OIA item pages: each attached document of an item whose kind is a list (rules, decisions,
  contracts, สขร.1 …) becomes one entry of that kind; 7(3) gets a contact place from the
  agency's settings and its contact page (the contact person stays empty for the editor to
  fill, so the completeness check keeps reporting it until then). Body and attachments stay.
- Contact and web-link pages get R12 metadata: the data is valid from their first
  publication, the source is the agency.

The page row and its latest revision (what the editor opens) get the same values.
"""

import json
import uuid

from django.db import migrations
from django.utils import timezone

LIST_KINDS = {
    "7(4)": "record",
    "7(5)": "record",
    "9(1)": "record",
    "9(2)": "record",
    "9(4)": "record",
    "9(5)": "record",
    "9(7)": "record",
    "9(3)": "plan",
    "9(6)": "contract",
    "9(8)": "procurement_summary",
}


def _local_date(value):
    return timezone.localdate(value) if value else None


def _site_settings(apps, page):
    Site = apps.get_model("wagtailcore", "Site")
    AgencySettings = apps.get_model("core", "AgencySettings")
    for site in Site.objects.select_related("root_page"):
        if page.path.startswith(site.root_page.path):
            return site, AgencySettings.objects.filter(site=site).first()
    return None, None


def _update_revision(apps, page, values: dict) -> None:
    Revision = apps.get_model("wagtailcore", "Revision")
    if not page.latest_revision_id:
        return
    revision = Revision.objects.filter(pk=page.latest_revision_id).first()
    if revision is None or not isinstance(revision.content, dict):
        return
    content = dict(revision.content)
    for name, value in values.items():
        content.setdefault(name, value)
        if content.get(name) in (None, "", "[]"):
            content[name] = value
    revision.content = content
    revision.save(update_fields=["content"])


def _entry(kind, document, page):
    date = document.info_period_start or page.published_date
    if kind == "record":
        value = {
            "title": document.title,
            "reference": "",
            "date": date.isoformat(),
            "summary": "",
            "document": document.pk,
            "url": "",
        }
    elif kind == "plan":
        year = date.year + 1 if date.month >= 10 else date.year
        value = {"fiscal_year": year + 543, "title": document.title, "budget": None, "document": document.pk}
    elif kind == "contract":
        value = {
            "subject": document.title,
            "party": "",
            "contract_number": "",
            "signed": date.isoformat(),
            "term": "",
            "value": None,
            "document": document.pk,
        }
    else:
        value = {"month": date.replace(day=1).isoformat(), "document": document.pk}
    return {"type": kind, "value": value, "id": str(uuid.uuid4())}


def _contact(apps, page):
    site, agency = _site_settings(apps, page)
    ContactPage = apps.get_model("sitepages", "ContactPage")
    root_path = site.root_page.path if site else page.path[:4]
    contact_page = ContactPage.objects.filter(path__startswith=root_path).first()
    return {
        "type": "contact",
        "value": {
            "place": agency.name_th if agency else "",
            "address": agency.address if agency else "",
            "office_hours": contact_page.office_hours if contact_page else "",
            "contact_person": "",
            "contact_position": "",
            "phone": agency.phone if agency else "",
            "email": agency.email if agency else "",
            "map_url": (contact_page.map_url if contact_page else "") or (agency.map_url if agency else ""),
        },
        "id": str(uuid.uuid4()),
    }


def fill_oia_details(apps, schema_editor):
    OIAItemPage = apps.get_model("sitepages", "OIAItemPage")
    Document = apps.get_model("sitepages", "AgencyDocument")
    for page in OIAItemPage.objects.all():
        raw = page.details.raw_data if hasattr(page.details, "raw_data") else page.details
        if raw:
            continue
        blocks = []
        if page.oia_item == "7(3)":
            blocks.append(_contact(apps, page))
        kind = LIST_KINDS.get(page.oia_item)
        if kind:
            attached = page.attachments.raw_data if hasattr(page.attachments, "raw_data") else page.attachments
            ids = [block.get("value") for block in attached or [] if block.get("type") == "document"]
            documents = {doc.pk: doc for doc in Document.objects.filter(pk__in=ids)}
            blocks += [_entry(kind, documents[pk], page) for pk in ids if pk in documents]
        if not blocks:
            continue
        OIAItemPage.objects.filter(pk=page.pk).update(details=blocks)
        _update_revision(apps, page, {"details": json.dumps(blocks)})


def fill_contact_metadata(apps, schema_editor):
    for name in ("ContactPage", "LinkCollectionPage"):
        model = apps.get_model("sitepages", name)
        for page in model.objects.all():
            if page.source:
                continue
            _site, agency = _site_settings(apps, page)
            since = _local_date(page.first_published_at) or timezone.localdate()
            source = agency.name_th if agency else ""
            model.objects.filter(pk=page.pk).update(
                source=source, info_period_start=since, published_date=since
            )
            _update_revision(
                apps,
                page,
                {
                    "source": source,
                    "info_period_start": since.isoformat(),
                    "published_date": since.isoformat(),
                },
            )


class Migration(migrations.Migration):
    dependencies = [
        ("sitepages", "0005_oia_fields_procurement_contact_links_metadata"),
        ("core", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunPython(fill_oia_details, migrations.RunPython.noop),
        migrations.RunPython(fill_contact_metadata, migrations.RunPython.noop),
    ]

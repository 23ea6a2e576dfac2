"""Authorisation matrix (issue 12, R41, R42): every admin and staff URL the resolver knows ×
every role × an object of the user's own unit and of another unit, against the table kept
beside this file (authorization_matrix.csv).

One GET per cell, by a user made the way production makes one (accounts.testing.give_role).
A URL that is not in the table fails the test, and so does any answer that differs from it:
a new screen gets an entry (decided, reviewed) before it ships. Regenerate a first draft of
the table with PRONGSAI_AUTHZ_RECORD=1 and review every changed cell before committing it.

Real objects stand behind the URLs: pages and publish requests of the own and another unit;
parent-body submissions and attachments of the agency the data owner reports for and of
another agency; one periodic report, compliance catalogue (with items, evidence and a
not-applicable decision), information request, reporting round and staff account, so each
screen answers for an object that exists rather than 404.

Outcomes: ok (2xx), login (sent to sign in), denied (403, or Wagtail's "permission denied"
redirect to the dashboard), redirect (elsewhere), 400, 404, 405, 410.
"""

import csv
import io
import os
import re
import struct
import zlib
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from prongsai.accounts.roles import Role
from prongsai.accounts.testing import give_role, login_with_otp
from prongsai.accounts.tests.factories import UnitFactory, UserFactory

TABLE = Path(__file__).with_name("authorization_matrix.csv")
ROLES = {
    "anonymous": None,
    "data_owner": Role.DATA_OWNER,
    "approver": Role.APPROVER,
    "publisher": Role.PUBLISHER,
    "webmaster": Role.WEBMASTER,
    "administrator": Role.ADMINISTRATOR,
    "moderator": Role.MODERATOR,
    "coordinator": Role.TRAFFIC_COORDINATOR,
    "executive": Role.EXECUTIVE,
}
STAFF_PREFIXES = ("admin/", "staff/", "publish-requests/")
# Kwargs naming a page, a publish request or its file: filled once with the own unit's
# object and once with the other unit's.
PAGE_KWARGS = {"page_id", "parent_page_id", "page_to_move_id", "page_pk"}
MISSING = 999999
# What a signed-out visitor may open under /admin/: signing in and out, password reset, the
# admin's icons and translations.
SIGN_IN_ROUTES = {
    "admin/login/",
    "admin/logout/",
    "admin/password_reset/",
    "admin/password_reset/done/",
    "admin/password_reset/confirm/<uidb64>/<token>/",
    "admin/password_reset/complete/",
    "admin/sprite/",
    "admin/jsi18n/",
}
_PARAM = re.compile(r"<(?:(?P<conv>\w+):)?(?P<name>\w+)>")


def staff_patterns():
    """(pattern, view name, callback) for every admin and staff URL, in resolver order."""
    found = []

    def walk(patterns, prefix="", namespace=None):
        for entry in patterns:
            if isinstance(entry, URLResolver):
                inner = namespace
                if entry.namespace:
                    inner = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
                walk(entry.url_patterns, prefix + str(entry.pattern), inner)
            elif isinstance(entry, URLPattern):
                route = prefix + str(entry.pattern)
                if route.startswith(STAFF_PREFIXES):
                    name = f"{namespace}:{entry.name}" if namespace and entry.name else entry.name
                    found.append((route, name or "", entry.callback))

    walk(get_resolver().url_patterns)
    # A route mounted twice (Prongsai's override before Wagtail's view) resolves to the first.
    unique, seen = [], set()
    for entry in found:
        if entry[0] not in seen:
            seen.add(entry[0])
            unique.append(entry)
    return unique


def _png():
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    raw = b"\x00\xff\x00\x00"
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def _build_world():
    from wagtail.documents.models import Document
    from wagtail.images.models import Image
    from wagtail.models import Collection

    from prongsai.feedback.models import Question
    from prongsai.publishing.models import ApprovalRoute, InformationClass, RouteKind
    from prongsai.publishing.services import request_submit
    from prongsai.sitepages import models as site
    from prongsai.sitepages.tests.factories import add_page, build_site, metadata

    home = build_site()
    news = add_page(home, site.NewsIndexPage, title="ข่าวประชาสัมพันธ์", slug="news")
    own_unit = UnitFactory(code="authz-own", name="กลุ่มงานของผู้ใช้")
    other_unit = UnitFactory(code="authz-other", name="กลุ่มงานอื่น")
    users = {}
    for key, role in ROLES.items():
        if role is None:
            continue
        user = UserFactory(username=f"authz-{key}", unit=own_unit)
        users[key] = give_role(user, role)
    outsider = give_role(UserFactory(username="authz-outsider", unit=other_unit), Role.DATA_OWNER)

    route = ApprovalRoute.objects.create(name="งานประจำ", kind=RouteKind.EXEMPT)
    information_class = InformationClass.objects.create(
        code="routine", name="ข้อมูลประจำ", route=route
    )

    def publish_request(user, title):
        return request_submit(
            user,
            data={
                "title": title,
                "summary": "สรุป",
                "category": "news",
                "content": "เนื้อหา",
                "source": "กลุ่มงาน",
                "info_period_start": __import__("datetime").date(2026, 5, 1),
                "information_class": information_class,
            },
        )

    world = {
        "own": {
            "page": add_page(news, site.NewsPage, title="ข่าวของกลุ่มงาน", **metadata(own_unit)),
            "request": publish_request(users["data_owner"], "คำขอของกลุ่มงาน"),
        },
        "other": {
            "page": add_page(news, site.NewsPage, title="ข่าวของกลุ่มงานอื่น", **metadata(other_unit)),
            "request": publish_request(outsider, "คำขอของกลุ่มงานอื่น"),
        },
    }
    root_collection = Collection.get_first_root_node()
    Image.objects.create(
        title="ภาพ", file=ContentFile(_png(), name="authz.png"), collection=root_collection
    )
    Document.objects.create(
        title="เอกสาร",
        file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="authz.pdf"),
        collection=root_collection,
    )
    from django.utils import timezone

    Question.objects.create(
        title="คำถาม", body="รายละเอียด", asker_name="ผู้ถาม", due_date=timezone.localdate()
    )
    _add_unscoped_objects(users)
    for scope, objects in _province_objects(users).items():
        world[scope].update(objects)
    return users, world


def _add_unscoped_objects(users):
    """One real object each for screens that are per site, not per unit (reports, compliance
    catalogues, information requests), so their URLs answer for an object that exists."""
    import datetime as dt

    from django.utils import timezone
    from wagtail.models import Site

    from prongsai.compliance.models import Catalogue, CatalogueItem, EvidenceLink, NotApplicable
    from prongsai.inforequests.models import InfoRequest
    from prongsai.reports.models import Report

    site = Site.objects.get(is_default_site=True)
    Report.objects.create(
        site=site,
        fiscal_year=2026,
        round="r6",
        period_start=dt.date(2025, 10, 1),
        period_end=dt.date(2026, 3, 31),
        due_date=dt.date(2026, 4, 30),
    )
    catalogue = Catalogue.objects.create(slug="ita", scheme="ita-oit", year=2569, title="ITA")
    items = [
        CatalogueItem.objects.create(catalogue=catalogue, code=code, title_th=f"ข้อ {code}")
        for code in ("O1", "O2")
    ]
    EvidenceLink.objects.create(item=items[0], site=site, page=site.root_page)
    NotApplicable.objects.create(
        item=items[1], site=site, reason="ไม่มีภารกิจนี้", decided_by=users["webmaster"]
    )
    InfoRequest.objects.create(
        reference="IR2569-0001",
        requester_name="ผู้ขอข้อมูล",
        subject="สำเนาคำสั่ง",
        submitted_at=timezone.now(),
        due_date=timezone.localdate() + dt.timedelta(days=15),
        # The citizen's file, so its download answers for a file that exists.
        attachment=ContentFile(b"%PDF-1.4\n%%EOF\n", name="authz.pdf"),
        attachment_name="authz.pdf",
        attachment_size=15,
    )


def _province_objects(users):
    """Parent-body objects: the data owner reports for the "own" member agency; each agency
    has a submission with an attachment in one round."""
    import datetime as dt

    from prongsai.parentbody.models import (
        Attachment,
        Deadline,
        MemberAgency,
        Reporter,
        ReportingRound,
        Submission,
    )

    round_ = ReportingRound.objects.create(
        title="รอบ 6 เดือน",
        fiscal_year=2026,
        kind="r6",
        opens_on=dt.date(2026, 4, 1),
        closes_on=dt.date(2026, 5, 31),
        categories="ข้อมูลพื้นฐาน",
    )
    Deadline.objects.create(round=round_, label="รายงาน", due_on=dt.date(2026, 4, 30))
    objects = {}
    for scope in ("own", "other"):
        agency = MemberAgency.objects.create(name=f"หน่วยงานสมาชิก {scope}", kind="provincial")
        round_.agencies.add(agency)
        submission = Submission.objects.create(round=round_, agency=agency)
        attachment = Attachment.objects.create(
            submission=submission,
            file=ContentFile(b"%PDF-1.4\n%%EOF\n", name=f"{scope}.pdf"),
            name=f"{scope}.pdf",
        )
        objects[scope] = {"agency": agency, "submission": submission, "attachment": attachment}
    Reporter.objects.create(user=users["data_owner"], agency=objects["own"]["agency"])
    return objects


# Views without a model of their own whose pk names a unit-scoped (own/other) object …
_BY_NAME_SCOPED = {
    "parentbody_admin:submission": "submission",
    "parentbody_admin:submission-action": "submission",
    "parentbody_admin:submission-pdf": "submission",
    "parentbody_admin:attachment": "attachment",
    "parentbody_admin:agency-access": "agency",
}
# … or a per-site object (by URL name prefix).
_BY_NAME_UNSCOPED = {
    "reports_admin:": "report",
    "inforequests_admin_": "inforequest",
    "parentbody_admin:round": "round",
    # Account screens about another person: a real account, so the role check is what answers.
    "prongsai_accounts:unlock_sign_in": "user",
    "prongsai_accounts:two_factor_reset": "user",
    "prongsai_accounts:user_sessions": "user",
}


def _model_of(callback):
    initkwargs = getattr(callback, "view_initkwargs", None) or {}
    model = initkwargs.get("model")
    if model is None:
        model = getattr(getattr(callback, "view_class", None), "model", None)
    return model if isinstance(model, type) else None


def _fill(route, name, callback, scope_objects):
    """The route with its parameters filled; whether it used a unit-scoped object."""
    from wagtail.documents.models import Document
    from wagtail.images.models import Image
    from wagtail.models import Collection, Page

    from prongsai.accounts.models import User
    from prongsai.compliance.models import CatalogueItem, EvidenceLink
    from prongsai.inforequests.models import InfoRequest
    from prongsai.parentbody.models import ReportingRound
    from prongsai.publishing.models import PublishRequest
    from prongsai.reports.models import Report

    page, publish_request = scope_objects["page"], scope_objects["request"]
    scoped = False
    by_name = {**_BY_NAME_UNSCOPED}

    def first_pk(model):
        row = model.objects.order_by("pk").values_list("pk", flat=True).first() if model else None
        return MISSING if row is None else row

    def value(match):
        nonlocal scoped
        key = match.group("name")
        if key == "destination_id":
            return str(page.get_parent().pk)
        if key in PAGE_KWARGS:
            scoped = True
            return str(page.pk)
        if key == "round_pk":
            return str(first_pk(ReportingRound))
        if key == "item_pk":
            return str(first_pk(CatalogueItem))
        if key == "link_pk":
            return str(first_pk(EvidenceLink))
        if key in ("pk", "object_id") and name in _BY_NAME_SCOPED:
            scoped = True
            return str(scope_objects[_BY_NAME_SCOPED[name]].pk)
        if key in ("pk", "object_id") and name.startswith(tuple(by_name)):
            prefix = next(prefix for prefix in by_name if name.startswith(prefix))
            model = {
                "report": Report,
                "inforequest": InfoRequest,
                "round": ReportingRound,
                "user": User,
            }[by_name[prefix]]
            return str(first_pk(model))
        if key in ("pk", "object_id"):
            model = _model_of(callback)
            if "publishing_attachment" in name or (model and issubclass(model, PublishRequest)):
                scoped = True
                if "publishing_attachment" in name:
                    attachment = publish_request.attachments.first()
                    return str(attachment.pk if attachment else MISSING)
                return str(publish_request.pk)
            if model and issubclass(model, Page):
                scoped = True
                return str(page.pk)
            if name.startswith("publish_requests") or "publish-requests" in route:
                scoped = True
                return str(publish_request.pk)
            return str(first_pk(model))
        if key == "revision_id":
            scoped = True
            return str(page.latest_revision_id)
        if key in ("image_id",):
            return str(first_pk(Image))
        if key in ("document_id", "doc_id"):
            return str(first_pk(Document))
        if key == "collection_id":
            return str(Collection.get_first_root_node().pk)
        if key in ("content_type_app_name", "app_name", "app_label"):
            return "sitepages" if "pages/" in route else "core"
        if key in ("content_type_model_name", "model_name"):
            return "newspage" if "pages/" in route else "agencysettings"
        if key == "filter_spec":
            return "original"
        if key in ("action_name", "action"):
            return "delete"
        if key == "uidb64":
            return "MQ"
        if key == "token":
            return "set-password"
        if key == "slug":
            return "ita"
        return str(MISSING)

    path = _PARAM.sub(value, route)
    path = path.replace("(?P<revision_id_a>live|earliest|\\d+)", "earliest")
    path = path.replace("(?P<revision_id_b>live|latest|\\d+)", "latest")
    if "(?P<" in path or path.startswith("^") or "^" in path:
        return None, scoped
    return "/" + path, scoped


def _outcome(response):
    code = response.status_code
    if 200 <= code < 300:
        return "ok"
    if code in (301, 302, 303, 307, 308):
        location = response.headers.get("Location", "")
        if "/login/" in location:
            return "login"
        if location.rstrip("/").endswith("/admin") or location == "/admin/":
            return "denied"
        return "redirect"
    if code == 403:
        return "denied"
    return str(code)


def _read_table():
    if not TABLE.exists():
        return {}
    with TABLE.open(newline="", encoding="utf-8") as handle:
        return {(row["route"], row["scope"]): row for row in csv.DictReader(handle)}


def _write_table(rows):
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, ["route", "name", "scope", *ROLES], lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(row)
    TABLE.write_text(buffer.getvalue(), encoding="utf-8")


@pytest.mark.slow
@pytest.mark.django_db
def test_r41_every_admin_and_staff_url_answers_each_role_as_the_table_says(settings):
    settings.PRONGSAI_REQUIRE_2FA = False
    users, world = _build_world()
    clients = {"anonymous": Client(raise_request_exception=False)}
    for key, user in users.items():
        clients[key] = Client(raise_request_exception=False)
        # Signed in as production signs staff in: password and a verified second factor.
        login_with_otp(clients[key], user)

    observed = []
    for route, name, callback in staff_patterns():
        for scope in ("own", "other"):
            path, scoped = _fill(route, name, callback, world[scope])
            if scope == "other" and not scoped:
                break
            row = {"route": route, "name": name, "scope": scope if scoped else "-"}
            for key, client in clients.items():
                row[key] = "unroutable" if path is None else _outcome(client.get(path))
            observed.append(row)

    # Whatever the table says, these hold (a recorded table cannot make them true).
    for row in observed:
        allowed = {key for key in ROLES if row[key] == "ok"}
        if row["route"].startswith("staff/traffic-data/"):
            assert allowed <= {"coordinator"}, row
        if row["route"].startswith(("admin/users/", "admin/groups/", "admin/units/")):
            assert allowed <= {"administrator"}, row
        if "anonymous" in allowed:
            assert row["route"] in SIGN_IN_ROUTES, row

    if os.environ.get("PRONGSAI_AUTHZ_RECORD"):
        _write_table(observed)
    expected = _read_table()
    problems = []
    for row in observed:
        want = expected.get((row["route"], row["scope"]))
        if want is None:
            problems.append(
                f"no entry in {TABLE.name}: {row['route']} ({row['name']}) {row['scope']}"
            )
            continue
        for key in ROLES:
            if want[key] != row[key]:
                problems.append(
                    f"{row['route']} [{row['scope']}] as {key}: expected {want[key]}, got {row[key]}"
                )
    seen = {(row["route"], row["scope"]) for row in observed}
    problems += [
        f"stale entry (no such URL): {route} {scope}"
        for route, scope in expected
        if (route, scope) not in seen
    ]
    assert problems == [], "\n".join(problems)

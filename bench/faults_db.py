"""The fault harness's look into its own database (bench/faults.py), run inside
`manage.py shell` with the harness's environment: ``FAULTS_DB_ACTION=seed`` makes the site, the
staff and the approval route; ``FAULTS_DB_ACTION=state`` prints what was stored (JSON), for the
reconciliation. Prints one JSON line prefixed ``FAULTS-DB `` (the shell may print other lines).
"""

import json
import os

PASSWORD = "Fault-harness-password-2569"  # noqa: S105 - a throwaway cluster's staff


def seed() -> dict:
    from prongsai.accounts.roles import Role
    from prongsai.accounts.testing import give_role
    from prongsai.accounts.tests.factories import UnitFactory, UserFactory
    from prongsai.publishing.models import ApprovalRoute, InformationClass, RouteKind, RouteStep
    from prongsai.sitepages import models as site
    from prongsai.sitepages.tests.factories import add_page, build_site

    home = build_site("127.0.0.1")
    add_page(home, site.NewsIndexPage, title="ข่าวประชาสัมพันธ์", slug="news")
    unit = UnitFactory(code="faults", name="กลุ่มงานทดสอบความทนทาน")
    people = {}
    for username, role in (
        ("faults-owner", Role.DATA_OWNER),
        ("faults-approver", Role.APPROVER),
        ("faults-publisher", Role.PUBLISHER),
    ):
        user = UserFactory(username=username, unit=unit)
        user.set_password(PASSWORD)
        user.save()
        people[username] = give_role(user, role).pk
    route = ApprovalRoute.objects.create(name="หัวหน้ากลุ่มงานเห็นชอบ", kind=RouteKind.COMMUNICATIONS)
    RouteStep.objects.create(
        route=route,
        sort_order=0,
        name="หัวหน้ากลุ่มงานเห็นชอบ",
        approver_role=Role.APPROVER.value,
        approver_unit=unit,
    )
    general = InformationClass.objects.create(code="general", name="ข่าวทั่วไป", route=route)
    return {"information_class": general.pk, "people": people, "password": PASSWORD}


def state() -> dict:
    from django.db.models import Count
    from django_tasks_db.models import DBTaskResult

    from prongsai.core.models import MailDelivery, MailFailure
    from prongsai.feedback.models import Question, SurveyResponse
    from prongsai.publishing.models import PublishRequest, RequestEvent

    marker = os.environ.get("FAULTS_MARKER", "faults-")
    return {
        "questions": list(
            Question.objects.filter(title__contains=marker).values_list("title", flat=True)
        ),
        "surveys": list(
            SurveyResponse.objects.filter(comment__contains=marker).values_list(
                "comment", flat=True
            )
        ),
        "requests": {
            title: pk
            for pk, title in PublishRequest.objects.filter(title__contains=marker).values_list(
                "pk", "title"
            )
        },
        "events": [
            [request, action, count]
            for request, action, count in RequestEvent.objects.filter(
                request__title__contains=marker
            )
            .values_list("request", "action")
            .annotate(count=Count("pk"))
        ],
        "mail_keys": {
            key: sent is not None
            for key, sent in MailDelivery.objects.values_list("key", "sent_at")
        },
        "mail_failures": MailFailure.objects.count(),
        "tasks": dict(DBTaskResult.objects.values_list("status").annotate(count=Count("pk"))),
    }


print("FAULTS-DB " + json.dumps({"seed": seed, "state": state}[os.environ["FAULTS_DB_ACTION"]]()))

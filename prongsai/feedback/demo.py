"""Demo survey answers, answered questions, one overdue question and the Q&A e-service link.

Idempotent: each piece is created only when missing.
"""

import datetime as dt
import random

from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from prongsai.accounts.models import User
from prongsai.accounts.roles import Role
from prongsai.core.workdays import add_working_days
from prongsai.sitepages.demo import add_eservice_link

from .models import Question, RespondentGroup, SurveyAnswer, SurveyQuestion, SurveyResponse

MODERATOR = ("qa_moderator", "Prongsai-QA-2569", "ผู้ดูแลกระดานถาม-ตอบ (moderator)")

ANSWERED = [
    (
        "ฉีดวัคซีนไข้หวัดใหญ่ฟรีได้ที่ไหนบ้าง",
        "ผู้สูงอายุอายุ 65 ปีขึ้นไป ต้องไปฉีดวัคซีนไข้หวัดใหญ่ที่ไหนครับ",
        "ผู้สูงอายุ 65 ปีขึ้นไปฉีดวัคซีนไข้หวัดใหญ่ได้ฟรีที่โรงพยาบาลส่งเสริมสุขภาพตำบลและโรงพยาบาลชุมชนทุกแห่ง ระหว่างเดือนพฤษภาคม–สิงหาคม โปรดนำบัตรประชาชนไปด้วย",
    ),
    (
        "ขอใบอนุญาตจำหน่ายอาหารต้องใช้เอกสารอะไร",
        "จะเปิดร้านอาหารเล็ก ๆ ต้องขออนุญาตที่ไหนและใช้เอกสารอะไรบ้างคะ",
        "ยื่นคำขอที่องค์กรปกครองส่วนท้องถิ่นในพื้นที่ตั้งร้าน ใช้สำเนาบัตรประชาชน สำเนาทะเบียนบ้าน และแผนที่ตั้งร้าน รายละเอียดดูได้ที่ https://www.fda.moph.go.th/",
    ),
    (
        "สำนักงานเปิดทำการวันเสาร์หรือไม่",
        "อยากทราบว่าวันเสาร์ติดต่อราชการได้ไหม",
        "สำนักงานเปิดทำการวันจันทร์–ศุกร์ เวลา 08.30–16.30 น. ยกเว้นวันหยุดราชการ",
    ),
]


def _moderator():
    user, created = User.objects.get_or_create(
        username=MODERATOR[0],
        defaults={"first_name": "ปิยะนุช", "last_name": "ตอบไว", "is_staff": True},
    )
    if created:
        user.set_password(MODERATOR[1])
        user.email = "qa@example.go.th"
        user.position = "นักประชาสัมพันธ์"
        user.save()
    group, _ = Group.objects.get_or_create(name=Role.MODERATOR.value)
    user.groups.add(group)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def _survey():
    if SurveyResponse.objects.exists():
        return
    rng = random.Random(2570)  # noqa: S311 - demo figures
    questions = list(SurveyQuestion.objects.filter(is_active=True))
    groups = list(RespondentGroup.objects.filter(is_active=True)) + [None]
    now = timezone.now()
    for n in range(48):
        response = SurveyResponse.objects.create(
            submitted_at=now
            - dt.timedelta(days=n * 7 + rng.randint(0, 6), hours=rng.randint(0, 8)),
            respondent_group=rng.choice(groups),
            comment=rng.choice(["", "", "ค้นหาข้อมูลได้ง่าย", "อยากให้มีข่าวสารมากขึ้น"]),
        )
        SurveyAnswer.objects.bulk_create(
            SurveyAnswer(response=response, question=q, score=rng.choice([3, 4, 4, 5, 5]))
            for q in questions
        )


def _questions(moderator):
    now = timezone.now()
    for n, (title, body, answer) in enumerate(ANSWERED):
        if Question.objects.filter(title=title).exists():
            continue
        asked = now - dt.timedelta(days=40 - n * 10)
        Question.objects.create(
            title=title,
            body=body,
            public_title=title,
            public_body=body,
            answer=answer,
            submitted_at=asked,
            due_date=add_working_days(timezone.localdate(asked), 7),
            status=Question.Status.PUBLISHED,
            answered_by=moderator,
            answered_at=asked + dt.timedelta(days=2),
            published_at=asked + dt.timedelta(days=2),
        )
    overdue_title = "ขอทราบผลการตรวจน้ำประปาหมู่บ้าน"
    if not Question.objects.filter(title=overdue_title).exists():
        asked = now - dt.timedelta(days=21)
        Question.objects.create(
            title=overdue_title,
            body="ยื่นขอให้ตรวจคุณภาพน้ำประปาหมู่บ้านไปเมื่อเดือนที่แล้ว ยังไม่ทราบผล",
            asker_name="ชาวบ้านหมู่ 4",
            asker_email="villager@example.com",
            email_consent_at=asked,
            submitted_at=asked,
            due_date=add_working_days(timezone.localdate(asked), 7),
        )


def _eservice_link():
    add_eservice_link(
        "questions",
        "กระดานถาม-ตอบ",
        "<p>ถามเรื่องที่สงสัยเกี่ยวกับงานของหน่วยงาน เจ้าหน้าที่ตอบภายใน 7 วันทำการ</p>"
        '<p><a href="/questions/">เข้าสู่กระดานถาม-ตอบ</a></p>',
    )


def load(stdout):
    moderator = _moderator()
    _survey()
    _questions(moderator)
    _eservice_link()
    stdout.write("แบบประเมินความพึงพอใจและกระดานถาม-ตอบตัวอย่าง")
    return [MODERATOR]

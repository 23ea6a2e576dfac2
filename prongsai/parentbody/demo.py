"""The province's side of the demo (R36, R64): Phang Nga with four member agencies, a 6-month
round of the current fiscal year with its two deadlines (first report, final report, as in the
governor's order, 004), and submissions in every state, so the board shows real-looking data.
"""

import datetime as dt

from django.utils import timezone

from prongsai.accounts.models import User
from prongsai.core.thaidate import buddhist_year, fiscal_year

from . import services
from .models import Deadline, MemberAgency, ReportingRound, Submission, SubmissionStatus

AGENCIES = [
    # name, kind, contact, website, runs Prongsai
    ("สำนักงานสาธารณสุขจังหวัดพังงา", "health", "นางสาวพิมพ์ใจ รักษ์ข้อมูล", "https://pngo.moph.go.th", True),
    (
        "สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดพังงา",
        "provincial",
        "นายสมศักดิ์ ใจงาม",
        "https://phangnga.m-society.go.th",
        False,
    ),
    (
        "ที่ทำการปกครองอำเภอตะกั่วป่า",
        "district",
        "นายอำนาจ ปกครอง",
        "https://takuapa.phangnga.go.th",
        False,
    ),
    ("องค์การบริหารส่วนจังหวัดพังงา", "local", "นางวิไล ท้องถิ่น", "https://www.pnpao.go.th", False),
    ("สำนักงานเกษตรจังหวัดพังงา", "provincial", "นายเกษม นาดี", "https://phangnga.doae.go.th", False),
]
COORDINATOR = ("province", "Prongsai-Province-2569", "ผู้ประสาน", "การรายงานจังหวัดพังงา")
REPORTERS = [
    ("reporter1", "Prongsai-Reporter-2569", 1),
    ("reporter2", "Prongsai-Reporter2-2569", 2),
]


def _answers(agency, problems: str) -> dict:
    round_categories = [
        {
            "title": title,
            "published": index != 2,
            "url": f"{agency.website}/p{index}/" if index != 2 else "",
        }
        for index, title in enumerate(
            ReportingRound._meta.get_field("categories").default.splitlines()
        )
    ]
    return {
        "categories": round_categories,
        "results": "เผยแพร่ข้อมูลครบ 7 จาก 8 หมวด ปรับปรุงข้อมูลผู้บริหารและแผนปฏิบัติราชการแล้ว",
        "problems": problems,
        "obstacles": "เจ้าหน้าที่ดูแลเว็บไซต์มีภารกิจอื่นหลายด้าน",
        "suggestions": "ขอให้จังหวัดจัดอบรมการเผยแพร่ข้อมูลตามแนวทาง ITA",
        "head_name": f"หัวหน้า{agency.name}",
        "head_position": "หัวหน้าส่วนราชการ",
    }


def _user(username, password, first, last) -> User:
    user, created = User.objects.get_or_create(username=username)
    if created:
        user.first_name, user.last_name = first, last
        user.email = f"{username}@phangnga.example"
        user.is_staff = True
        user.set_password(password)
        user.save()
    return user


def load(stdout):
    if ReportingRound.objects.exists():
        return [(COORDINATOR[0], COORDINATOR[1], "ผู้ประสานการรายงานของจังหวัด")]
    agencies = [
        MemberAgency.objects.get_or_create(
            name=name,
            defaults={
                "kind": kind,
                "contact_name": contact,
                "website": site,
                "runs_prongsai": prongsai,
                "contact_email": f"contact{i}@phangnga.example",
                "oit_slug": "oit" if prongsai else "",
            },
        )[0]
        for i, (name, kind, contact, site, prongsai) in enumerate(AGENCIES)
    ]
    coordinator = _user(*COORDINATOR)
    coordinator.groups.add(services.coordinator_group())
    printed = [(COORDINATOR[0], COORDINATOR[1], "ผู้ประสานการรายงานของจังหวัด")]
    for username, password, index in REPORTERS:
        person = _user(username, password, "ผู้รายงาน", agencies[index].name[:40])
        services.add_reporter(coordinator, agencies[index], person)
        printed.append((username, password, f"ผู้รายงานของ{agencies[index].name}"))

    today = timezone.localdate()
    year = fiscal_year(today)
    round_ = ReportingRound.objects.create(
        title=f"รอบ 6 เดือน ปีงบประมาณ พ.ศ. {buddhist_year(year)}",
        fiscal_year=year,
        kind="r6",
        opens_on=today - dt.timedelta(days=30),
        closes_on=today + dt.timedelta(days=40),
        reminder_days=3,
    )
    Deadline.objects.create(round=round_, label="รายงานครั้งที่ 1", due_on=today + dt.timedelta(days=2))
    Deadline.objects.create(
        round=round_, label="รายงานผลการดำเนินการเสร็จเรียบร้อย", due_on=today + dt.timedelta(days=25)
    )
    round_.agencies.set(agencies)
    # Submissions in each state (written directly: the demo's history, not a reporter's action).
    states = [
        (agencies[0], SubmissionStatus.ACCEPTED, False, "api", "ไม่มี"),
        (agencies[1], SubmissionStatus.SUBMITTED, False, "form", "ลิงก์หมวดคลังความรู้ยังไม่ครบ"),
        (agencies[3], SubmissionStatus.LATE, True, "form", "ขาดงบประมาณจ้างดูแลเว็บไซต์"),
        (agencies[4], SubmissionStatus.RETURNED, False, "form", "ขาดบุคลากรด้านไอที"),
    ]
    for agency, status, late, channel, problems in states:
        Submission.objects.create(
            round=round_,
            agency=agency,
            status=status,
            is_late=late,
            channel=channel,
            answers=_answers(agency, problems),
            submitted_at=timezone.now() - dt.timedelta(days=3),
            return_reason="กรุณาแนบ URL หมวดคลังความรู้" if status == SubmissionStatus.RETURNED else "",
        )
    stdout.write(
        "จังหวัดพังงา: หน่วยงานในสังกัด 5 แห่ง รอบการรายงาน 1 รอบ (เมนู “รายงานจากหน่วยงานในสังกัด”)\n"
    )
    return printed

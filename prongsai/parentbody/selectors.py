"""Reads of the province's board (R36). Views and exports only call these."""

import dataclasses

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import LinkCheck, ReportingRound, Submission, SubmissionStatus

NOT_YET = "not_yet"
BOARD_LABELS = {
    SubmissionStatus.SUBMITTED: _("ส่งแล้ว"),
    SubmissionStatus.LATE: _("ส่งช้า"),
    SubmissionStatus.RETURNED: _("ส่งกลับให้แก้ไข"),
    SubmissionStatus.ACCEPTED: _("รับรายงานแล้ว"),
    NOT_YET: _("ยังไม่ส่ง"),
}
BOARD_ORDER = [
    SubmissionStatus.SUBMITTED,
    SubmissionStatus.LATE,
    SubmissionStatus.ACCEPTED,
    SubmissionStatus.RETURNED,
    NOT_YET,
]


@dataclasses.dataclass
class BoardRow:
    agency: object
    submission: Submission | None
    state: str
    broken: list

    @property
    def label(self):
        return BOARD_LABELS[self.state]


def board_state(submission: Submission | None) -> str:
    if submission is None or submission.status == SubmissionStatus.DRAFT:
        return NOT_YET
    return submission.status


def broken_links(submission) -> list[LinkCheck]:
    return [c for c in submission.link_checks.all() if not c.ok or not c.on_own_domain]


def board(round_: ReportingRound) -> list[BoardRow]:
    submissions = {
        s.agency_id: s
        for s in round_.submissions.prefetch_related("link_checks").select_related("agency")
    }
    rows = []
    for agency in round_.agencies.order_by("name"):
        submission = submissions.get(agency.pk)
        rows.append(
            BoardRow(
                agency=agency,
                submission=submission,
                state=board_state(submission),
                broken=broken_links(submission) if submission else [],
            )
        )
    return rows


def counts(rows: list[BoardRow]) -> list[tuple[str, str, int]]:
    return [
        (state, str(BOARD_LABELS[state]), sum(1 for r in rows if r.state == state))
        for state in BOARD_ORDER
    ]


def rounds_for_board():
    return ReportingRound.objects.prefetch_related("deadlines").order_by("-opens_on")


def open_rounds_for(agency, today=None):
    today = today or timezone.localdate()
    return (
        agency.rounds.filter(opens_on__lte=today)
        .prefetch_related("deadlines")
        .order_by("-opens_on")
    )


def answer_rows(round_: ReportingRound, rows: list[BoardRow]) -> tuple[list[str], list[list]]:
    """Each agency's answers side by side: one column per agency, one row per question."""
    header = [str(_("คำถาม")), *[r.agency.name for r in rows]]

    def answers(r):
        return r.submission.answers if r.submission and r.state != NOT_YET else {}

    table = [[str(_("สถานะ")), *[str(r.label) for r in rows]]]
    for title in round_.category_list():
        line = [title]
        for r in rows:
            given = {c.get("title"): c for c in answers(r).get("categories", [])}.get(title, {})
            if not answers(r):
                line.append("")
            elif given.get("published"):
                line.append(f"{_('เผยแพร่แล้ว')} {given.get('url', '')}")
            else:
                line.append(str(_("ยังไม่เผยแพร่")))
        table.append(line)
    for key, label in QUESTION_LABELS:
        table.append([str(label), *[answers(r).get(key, "") for r in rows]])
    return header, table


QUESTION_LABELS = (
    ("results", _("ผลการดำเนินงาน")),
    ("problems", _("ปัญหา")),
    ("obstacles", _("อุปสรรค")),
    ("suggestions", _("ข้อเสนอแนะ")),
    ("head_name", _("หัวหน้าหน่วยงานผู้รับรอง")),
    ("head_position", _("ตำแหน่ง")),
)


def common_problems(rows: list[BoardRow]) -> list[tuple[str, str]]:
    """(agency, problem or obstacle) for every answered report, for the governor's summary."""
    found = []
    for r in rows:
        if r.submission is None or r.state == NOT_YET:
            continue
        for key in ("problems", "obstacles"):
            text = (r.submission.answers.get(key) or "").strip()
            if text:
                found.append((r.agency.name, text))
    return found

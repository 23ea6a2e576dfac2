"""The whole agency policy of a site, as the rows of one page a webmaster can read (in Thai)."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from prongsai.accounts.models import Unit
from prongsai.accounts.roles import Role, users_with_role
from prongsai.compliance.models import Catalogue
from prongsai.core.categories import CATEGORIES
from prongsai.core.models import AgencySettings
from prongsai.policy.selectors import enabled_categories, policy_for
from prongsai.publishing.models import InformationClass
from prongsai.reports.models import ReportingSettings


def _people(users) -> str:
    return (
        ", ".join(
            f"{u.display_name()} ({u.position})" if u.position else u.display_name() for u in users
        )
        or "—"
    )


def _days(count: int) -> str:
    return ngettext("%(n)s วัน", "%(n)s วัน", count) % {"n": count}


def _working_days(count: int) -> str:
    return ngettext("%(n)s วันทำการ", "%(n)s วันทำการ", count) % {"n": count}


def policy_overview(site) -> list[dict]:
    policy = policy_for(site)
    agency = AgencySettings.for_site(site)
    reporting = ReportingSettings.for_site(site)
    categories = enabled_categories(site)
    intervals = [
        f"{CATEGORIES[code].name_th if code in CATEGORIES else _('หมวดอื่น ๆ')}: {_days(days)}"
        for code, days in sorted(
            policy.review_interval_days.items(), key=lambda kv: kv[0] != "default"
        )
    ]
    classes = []
    for item in InformationClass.objects.select_related("route").order_by("sort_order", "name"):
        steps = [
            step.name
            + (
                f" ({step.describe_decider()})"
                if step.is_unit_head_step or step.approver_unit
                else ""
            )
            for step in item.route.ordered_steps()
        ]
        classes.append(
            (
                item.name,
                f"{item.route.get_kind_display()} — " + (" → ".join(steps) or _("ไม่มีขั้นตอนอนุมัติ")),
            )
        )
    units = [
        (
            unit.name,
            _("หัวหน้า: %(head)s · ผู้เผยแพร่: %(publishers)s")
            % {
                "head": unit.head.display_name() if unit.head else "—",
                "publishers": _people(unit.publishers.all()),
            },
        )
        for unit in Unit.objects.select_related("head").order_by("code")
    ]
    return [
        {
            "heading": _("หน่วยงาน"),
            "rows": [
                (_("ชื่อหน่วยงาน"), agency.name_th),
                (_("สังกัด"), agency.parent_body or "—"),
                (_("แนวปฏิบัติที่เป็นที่มา"), policy.guideline or "—"),
                (_("โปรไฟล์ที่ใช้ตั้งต้น"), policy.profile_name or "—"),
            ],
        },
        {
            "heading": _("การขอเผยแพร่และการเผยแพร่"),
            "rows": [
                (_("เผยแพร่ภายในหลังอนุมัติ"), _working_days(policy.publish_deadline_working_days)),
                (_("ยืนยันการอนุมัติด้วยวาจาภายใน"), _working_days(policy.verbal_confirm_working_days)),
                (
                    _("ชนิดไฟล์ที่รับแนบกับคำขอ"),
                    ", ".join(policy.accepted_file_kinds) or _("ทุกชนิดที่ระบบรองรับ"),
                ),
                *classes,
            ],
        },
        {
            "heading": _("การทบทวนและความทันสมัยของข้อมูล"),
            "rows": [
                (_("รอบการทบทวนตามหมวด"), " · ".join(intervals)),
                (_("เตือนเจ้าของข้อมูลซ้ำทุก"), _days(policy.review_reminder_every_days)),
                (_("แจ้งหัวหน้าหน่วยงานเมื่อเลยกำหนด"), _days(policy.review_escalate_after_days)),
                (_("แจ้งล่วงหน้าก่อนครบกำหนดเผยแพร่"), _days(policy.expiry_notice_days)),
            ],
        },
        {
            "heading": _("คำขอข้อมูลข่าวสารของราชการ (มาตรา 11)"),
            "rows": [
                (
                    _("แจ้งผลคำขอภายใน (นับจากวันที่ได้รับคำขอ)"),
                    _days(policy.info_request_response_days),
                ),
            ],
        },
        {
            "heading": _("ผู้ดูแลเว็บไซต์ ผู้บังคับบัญชา และผู้บริหาร"),
            "rows": [
                (
                    _("ผู้ดูแลเว็บไซต์ (ขั้นต่ำ %(n)s คน)") % {"n": policy.min_webmasters},
                    _people(users_with_role(Role.WEBMASTER)),
                ),
                (_("ผู้บังคับบัญชาที่รับรายงานผลการตรวจประจำวัน"), _people(policy.supervisors.all())),
                (_("ผู้บริหาร"), _people(users_with_role(Role.EXECUTIVE))),
            ],
        },
        {
            "heading": _("หมวดข้อมูลบนเว็บไซต์"),
            "rows": [(category.standard.name_th, category.label) for category in categories],
        },
        {"heading": _("หน่วยงานภายในและผู้เผยแพร่ประจำหน่วยงาน"), "rows": units},
        {
            "heading": _("การรายงานผลการดำเนินงานและการตรวจความครบถ้วน"),
            "rows": [
                (_("รอบการรายงาน"), reporting.get_cadence_display()),
                (_("ส่งรายงานภายใน (วันหลังสิ้นรอบ)"), _days(reporting.due_days)),
                (
                    _("ผู้พิจารณารายงาน"),
                    reporting.supervisor.display_name()
                    if reporting.supervisor
                    else _("ผู้มีบทบาทผู้บริหาร"),
                ),
                (
                    _("รายการตรวจความครบถ้วนที่ใช้"),
                    ", ".join(c.title for c in Catalogue.objects.filter(is_active=True)) or "—",
                ),
            ],
        },
    ]

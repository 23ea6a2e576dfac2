"""The report's figures as tables: the PDF prints them, the XLSX has one sheet per table.

Both outputs read this one list, so the spreadsheet always holds the PDF's numbers.
"""

import dataclasses
import datetime as dt

from prongsai.core.thaidate import thai_date


@dataclasses.dataclass(frozen=True)
class Table:
    key: str
    title: str
    header: list[str]
    rows: list[list]


def _date(iso: str) -> str:
    return thai_date(dt.date.fromisoformat(iso))


def _change(value) -> str:
    if value is None:
        return "–"
    return f"{value:+g}"


def summary_rows(f: dict) -> list[list]:
    r, d, v, q, t = f["requests"], f["deadline"], f["verbal"], f["qa"], f["traffic"]
    return [
        ["เนื้อหาที่เผยแพร่ใหม่", f["published"]["total"]],
        ["คำขอเผยแพร่ที่ยื่น", r["submitted"]],
        ["คำขอที่อนุมัติ", r["approved"]],
        ["คำขอที่ไม่อนุมัติ", r["rejected"]],
        ["การส่งกลับให้แก้ไข", r["returned"]],
        ["เผยแพร่ทันกำหนด", d["on_time"]],
        ["เผยแพร่เกินกำหนด", d["late"]],
        ["ค้างเผยแพร่เกินกำหนด ณ สิ้นรอบ", d["overdue"]],
        ["อนุมัติด้วยวาจา", v["recorded"]],
        ["ยืนยันการอนุมัติด้วยวาจาทันกำหนด", v["in_time"]],
        ["ทบทวนเนื้อหาแล้ว", f["reviews"]["done"]],
        ["ค้างทบทวน ณ สิ้นรอบ", f["reviews"]["overdue"]],
        ["แจ้งหัวหน้าหน่วยงานเรื่องค้างทบทวน", f["reviews"]["escalated"]],
        ["วันที่ลงนามตรวจประจำวัน", f["daily"]["signed"]],
        ["วันทำการที่ไม่ได้ลงนามตรวจ", f["daily"]["missed"]],
        ["ปัญหาที่พบจากการตรวจประจำวัน", f["daily"]["problems"]],
        ["รายการที่หมดระยะเผยแพร่", f["expiry"]["expired"]],
        ["หน้าที่ถูกนำออกจากเว็บไซต์", f["expiry"]["taken_down"]],
        ["จำนวนการเปิดหน้า", f["visitors"]["views"]],
        ["ผู้เข้าชม (รวมรายวัน)", f["visitors"]["visitors"]],
        ["ผู้ตอบแบบประเมินความพึงพอใจ", f["satisfaction"]["responses"]],
        ["คำถามที่ได้รับ", q["received"]],
        ["ตอบคำถามทันกำหนด", q["in_time"]],
        ["ตอบคำถามเกินกำหนด", q["late"]],
        ["คำถามค้างตอบเกินกำหนด ณ สิ้นรอบ", q["overdue"]],
        *info_request_rows(f),
        ["วันที่ตรวจความครบถ้วนของข้อมูลจราจร", t["checked"]],
        ["วันที่ข้อมูลจราจรผ่านการตรวจ", t["passed"]],
    ]


def info_request_rows(f: dict) -> list[list]:
    # Reports approved before these figures existed keep their snapshot as it was.
    i = f.get("info_requests")
    if i is None:
        return []
    return [
        ["คำขอข้อมูลข่าวสารที่ได้รับ (มาตรา 11)", i["received"]],
        ["แจ้งผลคำขอข้อมูลข่าวสารทันกำหนด", i["in_time"]],
        ["แจ้งผลคำขอข้อมูลข่าวสารเกินกำหนด", i["late"]],
        ["คำขอที่ไม่เปิดเผยข้อมูลทั้งหมดหรือบางส่วน", i["refused"]],
        ["คำขอข้อมูลข่าวสารค้างแจ้งผลเกินกำหนด ณ สิ้นรอบ", i["overdue"]],
    ]


def report_tables(f: dict) -> list[Table]:
    r, d = f["requests"], f["deadline"]
    return [
        Table("summary", "สรุปตัวเลขสำคัญ", ["รายการ", "จำนวน"], summary_rows(f)),
        Table(
            "by_category",
            "เนื้อหาที่เผยแพร่ตามหมวด",
            ["หมวด", "จำนวน"],
            [[name, n] for _code, name, n in f["published"]["by_category"]],
        ),
        Table(
            "by_unit",
            "เนื้อหาที่เผยแพร่ตามหน่วยงานเจ้าของข้อมูล",
            ["หน่วยงาน", "จำนวน"],
            f["published"]["by_unit"],
        ),
        Table(
            "requests_month",
            "คำขอเผยแพร่รายเดือน",
            ["เดือน", "จำนวนคำขอ"],
            [[label, n] for _iso, label, n in r["per_month"]],
        ),
        Table(
            "requests_class",
            "คำขอเผยแพร่ตามประเภทข้อมูล",
            ["ประเภทข้อมูล", "ยื่น", "อนุมัติ", "ไม่อนุมัติ", "ส่งกลับแก้ไข"],
            r["by_class"],
        ),
        Table(
            "rejections", "คำขอที่ไม่อนุมัติและเหตุผล", ["เลขที่", "เรื่อง", "เหตุผล", "วันที่"], r["rejections"]
        ),
        Table(
            "deadline",
            "การเผยแพร่ตามกำหนดเวลา",
            ["ผล", "จำนวน"],
            [
                ["ครบกำหนดในรอบ", d["due"]],
                ["ทันกำหนด", d["on_time"]],
                ["เกินกำหนด", d["late"]],
                ["ค้างเกินกำหนด ณ สิ้นรอบ", d["overdue"]],
                ["ยังอยู่ในกำหนด", d["pending"]],
            ],
        ),
        Table(
            "worst",
            "คำขอที่ล่าช้าที่สุด",
            ["เลขที่", "เรื่อง", "กำหนด", "สถานะ", "ล่าช้า (วันทำการ)"],
            [
                [n, t, due, "เผยแพร่เกินกำหนด" if s == "late" else "ยังไม่เผยแพร่", behind]
                for n, t, due, s, behind in d["worst"]
            ],
        ),
        Table(
            "reviews",
            "การทบทวนเนื้อหาตามหน่วยงาน",
            ["หน่วยงาน", "ทบทวนแล้ว", "ค้างทบทวน", "แจ้งหัวหน้าหน่วยงาน"],
            f["reviews"]["by_unit"],
        ),
        Table(
            "completeness",
            "ความครบถ้วนตามรายการตรวจ ณ สิ้นรอบ",
            ["รายการตรวจ", "ครบถ้วน", "ข้อที่เกี่ยวข้อง", "ร้อยละ", "รอบก่อน", "เปลี่ยนแปลง"],
            [
                [
                    c["title"],
                    c["met"],
                    c["applicable"],
                    c["score"],
                    "–" if c["previous"] is None else c["previous"],
                    _change(c["change"]),
                ]
                for c in f["completeness"]
            ],
        ),
        Table("expired", "รายการที่หมดระยะเผยแพร่", ["ชื่อเรื่อง", "ที่อยู่", "วันที่"], f["expiry"]["items"]),
        Table(
            "visitors",
            "ผู้เข้าชมรายเดือน",
            ["เดือน", "ผู้เข้าชม", "การเปิดหน้า"],
            [
                [label, visitors, views]
                for _iso, label, visitors, views in f["visitors"]["per_month"]
            ],
        ),
        Table(
            "top_pages",
            "หน้าที่มีผู้อ่านมากที่สุด",
            ["ชื่อหน้า", "ที่อยู่", "การเปิดหน้า"],
            f["visitors"]["top_pages"],
        ),
        Table(
            "satisfaction",
            "ความพึงพอใจรายข้อ",
            ["ข้อคำถาม", "จำนวนคำตอบ", "คะแนนเฉลี่ย (เต็ม 5)"],
            [
                [text, n, "–" if avg is None else avg]
                for text, n, avg in f["satisfaction"]["per_question"]
            ],
        ),
    ]


def period_line(f: dict) -> str:
    return f"{_date(f['period']['start'])} – {_date(f['period']['end'])}"

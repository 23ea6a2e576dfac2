"""Demo news (R8) as an agency publishes it: procurement notices with their e-GP project number,
budget, method and documents; results dated after their notice; a job announcement with its
application form; each item's data period the period it covers (R12). Idempotent (by slug).
"""

import datetime as dt

from . import models as m


def _rich(*paragraphs):
    return [{"type": "paragraph", "value": "".join(f"<p>{p}</p>" for p in paragraphs)}]


def _docs(*documents):
    return [{"type": "document", "value": document.pk} for document in documents]


def add_news(news, units, today, make_pdf, make_docx, make_document) -> None:
    admin, disease, pr, ict = units["admin"], units["disease"], units["pr"], units["ict"]
    procurement = "งานพัสดุ กลุ่มงานบริหารทั่วไป"

    def pdf(title, filename, lines, unit, start):
        return make_document(title, filename, make_pdf(title, lines), unit, procurement, start)

    road_notice_date = today - dt.timedelta(days=40)
    road_result_date = today - dt.timedelta(days=6)
    road_notice_doc = pdf(
        "ประกาศและเอกสารประกวดราคาจ้างก่อสร้างถนนคอนกรีตเสริมเหล็ก (e-bidding)",
        "road-e-bidding-notice.pdf",
        [
            "เลขที่โครงการ 69109123456",
            "ราคากลาง 1,320,000 บาท วงเงินงบประมาณ 1,350,000 บาท",
            "กำหนดยื่นข้อเสนอผ่านระบบ e-GP ภายใน 15 วันนับจากวันประกาศ",
        ],
        admin,
        road_notice_date,
    )
    road_price_doc = pdf(
        "ตารางแสดงวงเงินงบประมาณและราคากลาง (บก.01) ถนนคอนกรีตเสริมเหล็ก",
        "road-reference-price.pdf",
        ["วงเงินงบประมาณ 1,350,000 บาท", "ราคากลาง 1,320,000 บาท คำนวณ ณ วันที่กำหนดราคากลาง"],
        admin,
        road_notice_date,
    )
    road_result_doc = pdf(
        "ประกาศผลผู้ชนะการเสนอราคา จ้างก่อสร้างถนนคอนกรีตเสริมเหล็ก",
        "procurement-result-road.pdf",
        [
            "เลขที่โครงการ 69109123456",
            "ผู้ชนะ บริษัท ตัวอย่างก่อสร้าง จำกัด ราคา 1,250,000 บาท",
        ],
        admin,
        road_result_date,
    )
    xray_notice_date = today - dt.timedelta(days=200)
    xray_notice_doc = pdf(
        "ประกาศประกวดราคาซื้อเครื่องเอกซเรย์ดิจิทัล (e-bidding)",
        "xray-e-bidding-notice.pdf",
        ["เลขที่โครงการ 68079111222", "วงเงินงบประมาณ 2,800,000 บาท"],
        admin,
        xray_notice_date,
    )
    xray_result_date = xray_notice_date + dt.timedelta(days=35)
    xray_result_doc = pdf(
        "ประกาศผลผู้ชนะการเสนอราคา ซื้อเครื่องเอกซเรย์ดิจิทัล",
        "xray-result.pdf",
        ["เลขที่โครงการ 68079111222", "ผู้ชนะ บริษัท รังสีการแพทย์ไทย จำกัด ราคา 2,715,000 บาท"],
        admin,
        xray_result_date,
    )
    job_date = today - dt.timedelta(days=3)
    job_notice = pdf(
        "ประกาศรับสมัครบุคคลเพื่อเลือกสรรเป็นพนักงานราชการ ตำแหน่งพยาบาลวิชาชีพ",
        "job-nurse-announcement.pdf",
        [
            "จำนวน 2 อัตรา ค่าตอบแทน 19,500 บาท",
            "คุณสมบัติ: ปริญญาตรีพยาบาลศาสตร์ และใบอนุญาตประกอบวิชาชีพ",
            "รับสมัคร 15 วันนับจากวันประกาศ ณ กลุ่มงานบริหารทั่วไป หรือทางอีเมล",
        ],
        admin,
        job_date,
    )
    job_form = make_document(
        "ใบสมัครคัดเลือกพนักงานราชการ ตำแหน่งพยาบาลวิชาชีพ",
        "job-nurse-application-form.docx",
        make_docx(
            "ใบสมัครคัดเลือกพนักงานราชการ",
            [
                "ชื่อ-สกุล ......................",
                "วุฒิการศึกษา ......................",
                "เลขที่ใบอนุญาต ......................",
            ],
        ),
        admin,
        "กลุ่มงานบริหารทั่วไป",
        job_date,
    )

    def meta(unit, source, start, end=None, published=None):
        return {
            "owner_unit": unit,
            "source": source,
            "info_period_start": start,
            "info_period_end": end,
            "published_date": published or start,
        }

    items = [
        (
            "dengue-campaign",
            "general",
            "รณรงค์ป้องกันโรคไข้เลือดออกช่วงฤดูฝน",
            "ขอเชิญชวนประชาชนร่วมกำจัดแหล่งเพาะพันธุ์ยุงลายตามมาตรการ 3 เก็บ 3 โรค",
            {},
            meta(disease, disease.name, today),
        ),
        (
            "health-fair-photos",
            "photo",
            "ภาพกิจกรรมมหกรรมสุขภาพดีวิถีไทย ประจำปี 2569",
            "ภาพบรรยากาศกิจกรรมตรวจสุขภาพฟรีและนิทรรศการให้ความรู้",
            {},
            meta(pr, pr.name, today - dt.timedelta(days=1)),
        ),
        (
            "flood-alert",
            "alert",
            "แจ้งเตือนระวังโรคที่มากับน้ำท่วม",
            "ประชาชนในพื้นที่น้ำท่วมระวังโรคฉี่หนู โรคน้ำกัดเท้า และโรคอุจจาระร่วง",
            {},
            meta(disease, disease.name, today - dt.timedelta(days=2)),
        ),
        (
            "job-nurse",
            "job",
            "ประกาศรับสมัครบุคคลเพื่อเลือกสรรเป็นพนักงานราชการ ตำแหน่งพยาบาลวิชาชีพ",
            "รับสมัคร 15 วันนับจากวันประกาศ ดาวน์โหลดประกาศและใบสมัครด้านล่าง ยื่นด้วยตนเองที่กลุ่มงานบริหารทั่วไป ชั้น 2 หรือทางอีเมล saraban@example.go.th",
            {"attachments": _docs(job_notice, job_form)},
            meta(admin, "กลุ่มงานบริหารทั่วไป", job_date, job_date + dt.timedelta(days=15)),
        ),
        (
            "procurement-notice-road",
            "procurement-notice",
            "ประกาศจัดซื้อจัดจ้างโครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก",
            "ประกวดราคาจ้างก่อสร้างถนนคอนกรีตเสริมเหล็กภายในสำนักงาน กว้าง 6 เมตร ยาว 420 เมตร ผู้สนใจยื่นข้อเสนอผ่านระบบ e-GP",
            {
                "egp_project_number": "69109123456",
                "procurement_method": "e-bidding",
                "budget": "1350000.00",
                "attachments": _docs(road_notice_doc, road_price_doc),
            },
            meta(admin, procurement, road_notice_date),
        ),
        (
            "procurement-result-road",
            "procurement-result",
            "ประกาศผลการจัดซื้อจัดจ้างโครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก",
            "ประกาศผลผู้ชนะการเสนอราคาโครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก ตามประกาศประกวดราคาเลขที่โครงการ 69109123456",
            {
                "egp_project_number": "69109123456",
                "procurement_method": "e-bidding",
                "budget": "1350000.00",
                "winner": "บริษัท ตัวอย่างก่อสร้าง จำกัด",
                "awarded_amount": "1250000.00",
                "attachments": _docs(road_result_doc),
            },
            meta(admin, procurement, road_result_date),
        ),
        (
            "procurement-notice-xray",
            "procurement-notice",
            "ประกาศประกวดราคาซื้อเครื่องเอกซเรย์ดิจิทัล ด้วยวิธีประกวดราคาอิเล็กทรอนิกส์ (e-bidding)",
            "ซื้อเครื่องเอกซเรย์ดิจิทัลชนิดเคลื่อนที่ 1 เครื่อง สำหรับโรงพยาบาลชุมชนในสังกัด",
            {
                "egp_project_number": "68079111222",
                "procurement_method": "e-bidding",
                "budget": "2800000.00",
                "attachments": _docs(xray_notice_doc),
            },
            meta(admin, procurement, xray_notice_date),
        ),
        (
            "procurement-result-xray",
            "procurement-result",
            "ประกาศผู้ชนะการเสนอราคา ซื้อเครื่องเอกซเรย์ดิจิทัล",
            "ประกาศผลผู้ชนะการเสนอราคาซื้อเครื่องเอกซเรย์ดิจิทัล เลขที่โครงการ 68079111222",
            {
                "egp_project_number": "68079111222",
                "procurement_method": "e-bidding",
                "budget": "2800000.00",
                "winner": "บริษัท รังสีการแพทย์ไทย จำกัด",
                "awarded_amount": "2715000.00",
                "attachments": _docs(xray_result_doc),
            },
            meta(admin, procurement, xray_result_date),
        ),
        (
            "training-ita",
            "training",
            "อบรมเชิงปฏิบัติการการเปิดเผยข้อมูลสาธารณะ (ITA) ปี 2570",
            "อบรมเจ้าหน้าที่ผู้รับผิดชอบการเผยแพร่ข้อมูลบนเว็บไซต์",
            {},
            meta(ict, ict.name, today - dt.timedelta(days=8)),
        ),
    ]
    for slug, kind, title, text, fields, metadata in items:
        if m.NewsPage.objects.child_of(news).filter(slug=slug).exists():
            continue
        page = m.NewsPage(
            slug=slug,
            title=title,
            news_kind=kind,
            introduction=text,
            body=_rich(text),
            **fields,
            **metadata,
        )
        news.add_child(instance=page)
        page.save_revision().publish()

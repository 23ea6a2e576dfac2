"""Demo: the information centre's items of OIA sections 7 and 9 filled as a provincial health
office would (fictional agency), each with the fields the Act asks and documents made as real
Thai PDFs. 9(6) lists what such an office really signs under that section: the concession of
the canteen in its compound, space let to a bank's cash machine, and a joint venture with a
private company running a dialysis unit at a community hospital it supervises. Idempotent (found
by slug).
"""

import datetime as dt

from django.utils import timezone

from prongsai.core.thaidate import BUDDHIST_ERA_OFFSET, MONTHS_LONG

from . import models as m
from .oia_items import OIA_ITEMS


def _rich(*paragraphs) -> str:
    return "".join(f"<p>{p}</p>" for p in paragraphs)


def _record(title, reference, date, summary, document=None):
    return {
        "type": "record",
        "value": {
            "title": title,
            "reference": reference,
            "date": date.isoformat(),
            "summary": summary,
            "document": document.pk if document else None,
            "url": "",
        },
    }


def _pdf_document(make_pdf, make_document, unit, title, filename, lines, start):
    return make_document(
        title, filename, make_pdf(title, lines), unit, "สำนักงานสาธารณสุขจังหวัดตัวอย่าง", start
    )


def add_oia_items(oia, units, agency, make_pdf, make_document) -> None:
    """One page per item of sections 7 and 9 under the corner ``oia``."""
    office, law, strategy = units["office"], units["law"], units["strategy"]
    admin = units["admin"]
    today = timezone.localdate()
    fy_start = dt.date(today.year if today.month >= 10 else today.year - 1, 10, 1)
    fy_be = fy_start.year + 544

    def doc(unit, title, filename, lines, start):
        return _pdf_document(make_pdf, make_document, unit, title, filename, lines, start)

    chart = doc(
        office,
        "แผนภูมิโครงสร้างสำนักงานสาธารณสุขจังหวัดตัวอย่าง",
        "organisation-chart.pdf",
        [
            "นายแพทย์สาธารณสุขจังหวัด",
            "รองนายแพทย์สาธารณสุขจังหวัด 2 ตำแหน่ง",
            "12 กลุ่มงาน · โรงพยาบาลในสังกัด 7 แห่ง · สำนักงานสาธารณสุขอำเภอ 7 แห่ง",
        ],
        dt.date(2024, 10, 1),
    )
    oia_order = doc(
        law,
        "คำสั่งแต่งตั้งเจ้าหน้าที่ประจำศูนย์ข้อมูลข่าวสาร",
        "oia-centre-order.pdf",
        ["คำสั่งสำนักงานสาธารณสุขจังหวัดตัวอย่าง ที่ 412/2569", "เรื่อง แต่งตั้งเจ้าหน้าที่ประจำศูนย์ข้อมูลข่าวสาร"],
        dt.date(2026, 6, 3),
    )
    fee_rule = doc(
        law,
        "ประกาศ เรื่อง ค่าธรรมเนียมการทำสำเนาและรับรองสำเนาข้อมูลข่าวสาร",
        "copy-fees.pdf",
        ["สำเนาเอกสารขนาด A4 หน้าละ 1 บาท", "การรับรองสำเนาถูกต้อง คำรับรองละ 5 บาท"],
        dt.date(2025, 2, 14),
    )
    licence_decision = doc(
        units["consumer"],
        "สรุปผลการพิจารณาอนุญาตสถานที่ผลิตอาหาร ไตรมาส 1/2570",
        "food-licence-decisions-q1.pdf",
        ["อนุญาต 18 ราย", "ไม่อนุญาต 2 ราย (สถานที่ไม่เป็นไปตามหลักเกณฑ์ GMP)"],
        fy_start,
    )
    plan_doc = doc(
        strategy,
        f"แผนปฏิบัติราชการประจำปีงบประมาณ พ.ศ. {fy_be}",
        f"action-plan-{fy_be}.pdf",
        ["ยุทธศาสตร์ที่ 1 ส่งเสริมสุขภาพและป้องกันโรค", "ยุทธศาสตร์ที่ 2 บริการเป็นเลิศ"],
        fy_start,
    )
    manual_doc = doc(
        admin,
        "คู่มือการปฏิบัติงานการให้บริการข้อมูลข่าวสารของราชการ",
        "oia-service-manual.pdf",
        ["ขั้นตอนที่ 1 รับคำขอและลงทะเบียน", "ขั้นตอนที่ 2 พิจารณาและแจ้งผลภายใน 15 วัน"],
        dt.date(2025, 10, 1),
    )
    annual_report = doc(
        strategy,
        f"รายงานประจำปี {fy_be - 1}",
        f"annual-report-{fy_be - 1}.pdf",
        ["ผลการดำเนินงานตามตัวชี้วัด 42 ตัว", "ผ่านเกณฑ์ 38 ตัว (ร้อยละ 90.5)"],
        dt.date(fy_start.year - 1, 10, 1),
    )
    resolution_doc = doc(
        strategy,
        "รายงานการประชุมคณะกรรมการประสานงานสาธารณสุขระดับจังหวัด ครั้งที่ 3/2569",
        "provincial-health-board-3-2569.pdf",
        ["มติที่ 1 เห็นชอบแผนรับมือโรคไข้เลือดออก", "มติที่ 2 เห็นชอบการจัดสรรงบประมาณค่าเสื่อม"],
        dt.date(2026, 7, 22),
    )

    contracts = contract_entries(law, doc)
    content = {
        "7(1)": (
            [
                {
                    "type": "structure",
                    "value": {
                        "description": _rich(
                            "สำนักงานสาธารณสุขจังหวัดตัวอย่างเป็นราชการบริหารส่วนภูมิภาค สังกัดสำนักงานปลัดกระทรวงสาธารณสุข "
                            "มีนายแพทย์สาธารณสุขจังหวัดเป็นผู้บังคับบัญชา แบ่งส่วนราชการภายในเป็น 12 กลุ่มงาน "
                            "และกำกับดูแลโรงพยาบาลในสังกัด 7 แห่ง สำนักงานสาธารณสุขอำเภอ 7 แห่ง"
                        ),
                        "units": [
                            "กลุ่มงานบริหารทั่วไป",
                            "กลุ่มงานยุทธศาสตร์สาธารณสุข",
                            "กลุ่มงานควบคุมโรคติดต่อ",
                            "กลุ่มงานคุ้มครองผู้บริโภคและเภสัชสาธารณสุข",
                            "กลุ่มงานกฎหมาย",
                            "ศูนย์เทคโนโลยีสารสนเทศ",
                        ],
                        "chart": chart.pk,
                    },
                }
            ],
            dt.date(2024, 10, 1),
            None,
        ),
        "7(2)": (
            [
                {
                    "type": "powers",
                    "value": {
                        "powers": _rich(
                            "จัดทำแผนยุทธศาสตร์ด้านสุขภาพในเขตจังหวัด",
                            "ดำเนินการและประสานงานเกี่ยวกับงานสาธารณสุขในเขตจังหวัด",
                            "กำกับ ดูแล ประเมินผล และสนับสนุนการปฏิบัติงานของหน่วยงานสาธารณสุขในจังหวัด",
                            "บังคับใช้กฎหมายด้านสาธารณสุข เช่น กฎหมายอาหาร ยา และสถานพยาบาล",
                        ),
                        "methods": _rich(
                            "ดำเนินงานตามแผนปฏิบัติราชการประจำปี ผ่านคณะกรรมการวางแผนและประเมินผลระดับจังหวัด "
                            "ติดตามผลรายไตรมาส และรายงานต่อผู้ตรวจราชการกระทรวงสาธารณสุขรอบ 6 และ 12 เดือน"
                        ),
                        "legal_basis": "กฎกระทรวงแบ่งส่วนราชการสำนักงานปลัดกระทรวง กระทรวงสาธารณสุข พ.ศ. 2560",
                    },
                }
            ],
            dt.date(2017, 6, 1),
            None,
        ),
        "7(3)": (
            [
                {
                    "type": "contact",
                    "value": {
                        "place": "ศูนย์ข้อมูลข่าวสาร ชั้น 1 อาคารสำนักงานสาธารณสุขจังหวัดตัวอย่าง",
                        "address": agency.address,
                        "office_hours": "วันจันทร์ - วันศุกร์ เวลา 08.30 - 16.30 น. (เว้นวันหยุดราชการ)",
                        "contact_person": "นางสาวสุภาพร ใจซื่อ",
                        "contact_position": "นักจัดการงานทั่วไปชำนาญการ",
                        "phone": "0 7471 1071 ต่อ 120",
                        "email": "info@example.go.th",
                        "map_url": agency.map_url,
                    },
                }
            ],
            dt.date(2026, 6, 3),
            None,
        ),
        "7(4)": (
            [
                _record(
                    "ประกาศ เรื่อง ค่าธรรมเนียมการทำสำเนาและรับรองสำเนาข้อมูลข่าวสาร",
                    "ประกาศ ลงวันที่ 14 กุมภาพันธ์ 2568",
                    dt.date(2025, 2, 14),
                    "อัตราค่าสำเนาเอกสารและค่ารับรองสำเนาที่ประชาชนขอจากศูนย์ข้อมูลข่าวสาร",
                    fee_rule,
                ),
                _record(
                    "คำสั่งแต่งตั้งเจ้าหน้าที่ประจำศูนย์ข้อมูลข่าวสาร",
                    "ที่ 412/2569",
                    dt.date(2026, 6, 3),
                    "ผู้รับผิดชอบรับคำขอและให้บริการข้อมูลข่าวสารตามมาตรา 9 และมาตรา 11",
                    oia_order,
                ),
            ],
            dt.date(2025, 2, 14),
            None,
        ),
        "7(5)": (
            [
                _record(
                    "หลักเกณฑ์และวิธีการจัดให้มีข้อมูลข่าวสารของราชการไว้ให้ประชาชนเข้าตรวจดู",
                    "ประกาศคณะกรรมการข้อมูลข่าวสารของราชการ",
                    dt.date(2021, 5, 1),
                    "หน่วยงานจัดข้อมูลข่าวสารตามประกาศนี้ไว้ ณ ศูนย์ข้อมูลข่าวสาร และบนเว็บไซต์นี้",
                    oia_order,
                )
            ],
            dt.date(2021, 5, 1),
            None,
        ),
        "9(1)": (
            [
                _record(
                    "สรุปผลการพิจารณาอนุญาตสถานที่ผลิตอาหาร ไตรมาส 1/2570",
                    "คส. 1/2570",
                    licence_decision.info_period_start,
                    "ผลการพิจารณาคำขออนุญาตที่มีผลโดยตรงต่อผู้ประกอบการ พร้อมเหตุผลกรณีไม่อนุญาต",
                    licence_decision,
                )
            ],
            dt.date(fy_start.year, 10, 1),
            None,
        ),
        "9(2)": (
            [
                _record(
                    f"นโยบายการบริหารงานของนายแพทย์สาธารณสุขจังหวัด ปีงบประมาณ พ.ศ. {fy_be}",
                    "นโยบาย 5 ด้าน",
                    fy_start,
                    "สุขภาพดีทุกช่วงวัย บริการไร้รอยต่อ องค์กรโปร่งใส บุคลากรมีความสุข ระบบข้อมูลเชื่อมโยง",
                    plan_doc,
                )
            ],
            fy_start,
            None,
        ),
        "9(3)": (
            [
                {
                    "type": "plan",
                    "value": {
                        "fiscal_year": fy_be,
                        "title": title,
                        "budget": budget,
                        "document": plan_doc.pk,
                    },
                }
                for title, budget in [
                    ("แผนงานส่งเสริมสุขภาพและป้องกันโรค", "18250000.00"),
                    ("แผนงานพัฒนาระบบบริการสุขภาพ", "21470000.00"),
                    ("แผนงานบริหารจัดการองค์กรและธรรมาภิบาล", "8800000.00"),
                ]
            ],
            fy_start,
            dt.date(fy_start.year + 1, 9, 30),
        ),
        "9(4)": (
            [
                _record(
                    "คู่มือการปฏิบัติงานการให้บริการข้อมูลข่าวสารของราชการ",
                    "ฉบับปรับปรุง พ.ศ. 2568",
                    dt.date(2025, 10, 1),
                    "วิธีรับคำขอ การพิจารณา และการแจ้งผลแก่ผู้ขอ ซึ่งมีผลต่อสิทธิของประชาชน",
                    manual_doc,
                )
            ],
            dt.date(2025, 10, 1),
            None,
        ),
        "9(5)": (
            [
                _record(
                    f"รายงานประจำปี {fy_be - 1}",
                    "สิ่งพิมพ์ของหน่วยงาน",
                    annual_report.info_period_start,
                    "ตรวจดูฉบับพิมพ์ได้ที่ศูนย์ข้อมูลข่าวสาร ชั้น 1",
                    annual_report,
                )
            ],
            dt.date(fy_start.year - 1, 10, 1),
            dt.date(fy_start.year, 9, 30),
        ),
        "9(6)": (
            contracts,
            min(dt.date.fromisoformat(c["value"]["signed"]) for c in contracts),
            None,
        ),
        "9(7)": (
            [
                _record(
                    "มติคณะกรรมการประสานงานสาธารณสุขระดับจังหวัด",
                    "ครั้งที่ 3/2569",
                    dt.date(2026, 7, 22),
                    "เห็นชอบแผนรับมือโรคไข้เลือดออก และการจัดสรรงบค่าเสื่อมให้หน่วยบริการ",
                    resolution_doc,
                )
            ],
            dt.date(2026, 7, 22),
            None,
        ),
    }
    for item in OIA_ITEMS:
        slug = "section-" + item.code.replace("(", "-").rstrip(")")
        if m.OIAItemPage.objects.child_of(oia).filter(slug=slug).exists():
            continue
        if item.code == "9(8)":
            details, start, end = procurement_summaries(units, make_pdf, make_document, today)
        else:
            details, start, end = content[item.code]
        page = m.OIAItemPage(
            slug=slug,
            title=item.title_th,
            oia_item=item.code,
            details=details,
            owner_unit=admin if item.code == "9(8)" else law,
            source="สำนักงานสาธารณสุขจังหวัดตัวอย่าง",
            info_period_start=start,
            info_period_end=end,
            published_date=today,
        )
        oia.add_child(instance=page)
        page.save_revision().publish()


def _contract(subject, party, number, signed, term, value, document):
    return {
        "type": "contract",
        "value": {
            "subject": subject,
            "party": party,
            "contract_number": number,
            "signed": signed.isoformat(),
            "term": term,
            "value": value,
            "document": document.pk,
        },
    }


def contract_entries(law, doc) -> list:
    """9(6): the office's concession and joint-venture contracts, each with its summary PDF."""
    canteen = doc(
        law,
        "สรุปสาระสำคัญสัญญาให้สิทธิประกอบกิจการร้านจำหน่ายอาหารและเครื่องดื่ม",
        "contract-canteen-3-2568.pdf",
        [
            "สัญญาเลขที่ สสจ.ตย. 3/2568 ลงวันที่ 25 กันยายน 2568",
            "ผู้ได้รับสิทธิ: นางสมศรี อิ่มใจ (ร้านครัวสมศรี) คัดเลือกโดยวิธีประกาศเชิญชวนทั่วไป",
            "พื้นที่โรงอาหาร 120 ตารางเมตร ค่าตอบแทนเดือนละ 2,500 บาท ตลอดอายุสัญญา 60,000 บาท",
            "ราคาอาหารจานเดียวไม่เกิน 45 บาท ตามที่คณะกรรมการสวัสดิการกำหนด",
        ],
        dt.date(2025, 10, 1),
    )
    cash_machine = doc(
        law,
        "สรุปสาระสำคัญสัญญาให้ใช้พื้นที่ติดตั้งเครื่องรับจ่ายเงินอัตโนมัติ",
        "contract-atm-7-2569.pdf",
        [
            "สัญญาเลขที่ สสจ.ตย. 7/2569 ลงวันที่ 12 มีนาคม 2569",
            "ผู้ได้รับสิทธิ: ธนาคารตัวอย่าง จำกัด (มหาชน)",
            "พื้นที่ 4 ตารางเมตร หน้าอาคาร 1 ค่าตอบแทนปีละ 18,000 บาท อายุสัญญา 3 ปี",
        ],
        dt.date(2026, 4, 1),
    )
    dialysis = doc(
        law,
        "สรุปสาระสำคัญสัญญาร่วมลงทุนจัดบริการฟอกเลือดด้วยเครื่องไตเทียม โรงพยาบาลชุมชนตัวอย่าง",
        "contract-dialysis-1-2567.pdf",
        [
            "สัญญาเลขที่ สสจ.ตย. 1/2567 ลงวันที่ 8 มกราคม 2567",
            "คู่สัญญา: บริษัท ไตดี เมดิคอล จำกัด จัดหาเครื่องไตเทียม 10 เครื่องและพยาบาลเฉพาะทาง",
            "โรงพยาบาลจัดสถานที่และแพทย์ ผู้ป่วยสิทธิหลักประกันสุขภาพแห่งชาติไม่เสียค่าใช้จ่าย",
            "ส่วนแบ่งรายได้: โรงพยาบาลร้อยละ 20 บริษัทร้อยละ 80 ของค่าบริการที่เบิกได้ อายุสัญญา 7 ปี",
        ],
        dt.date(2024, 2, 1),
    )
    return [
        _contract(
            "ให้สิทธิประกอบกิจการร้านจำหน่ายอาหารและเครื่องดื่ม ภายในสำนักงานสาธารณสุขจังหวัดตัวอย่าง",
            "นางสมศรี อิ่มใจ (ร้านครัวสมศรี)",
            "สสจ.ตย. 3/2568",
            dt.date(2025, 9, 25),
            "2 ปี (1 ตุลาคม 2568 – 30 กันยายน 2570)",
            "60000.00",
            canteen,
        ),
        _contract(
            "ให้ใช้พื้นที่ติดตั้งเครื่องรับจ่ายเงินอัตโนมัติ (ATM) หน้าอาคาร 1",
            "ธนาคารตัวอย่าง จำกัด (มหาชน)",
            "สสจ.ตย. 7/2569",
            dt.date(2026, 3, 12),
            "3 ปี (1 เมษายน 2569 – 31 มีนาคม 2572)",
            "54000.00",
            cash_machine,
        ),
        _contract(
            "ร่วมลงทุนจัดบริการฟอกเลือดด้วยเครื่องไตเทียม โรงพยาบาลชุมชนตัวอย่าง",
            "บริษัท ไตดี เมดิคอล จำกัด",
            "สสจ.ตย. 1/2567",
            dt.date(2024, 1, 8),
            "7 ปี (1 กุมภาพันธ์ 2567 – 31 มกราคม 2574) แบ่งรายได้ โรงพยาบาลร้อยละ 20",
            None,
            dialysis,
        ),
    ]


def procurement_summaries(units, make_pdf, make_document, today):
    """9(8): สขร.1 for each of the last three finished months (PDF tables made by the demo)."""
    blocks = []
    first_of_month = today.replace(day=1)
    months = []
    month = first_of_month
    for _ in range(3):
        month = (month - dt.timedelta(days=1)).replace(day=1)
        months.append(month)
    for month in reversed(months):
        label = f"{MONTHS_LONG[month.month - 1]} {month.year + BUDDHIST_ERA_OFFSET}"
        document = make_document(
            f"สรุปผลการจัดซื้อจัดจ้าง (สขร.1) ประจำเดือน{label}",
            f"sor-kor-ror-1-{month:%Y-%m}.pdf",
            make_pdf(
                f"แบบ สขร.1 สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน{label}",
                [
                    "1. จัดซื้อวัสดุการแพทย์ วงเงิน 95,000 บาท วิธีเฉพาะเจาะจง ผู้ได้รับคัดเลือก ร้านสุขใจเวชภัณฑ์ 94,500 บาท",
                    "2. จ้างซ่อมแซมเครื่องปรับอากาศ วงเงิน 38,000 บาท วิธีเฉพาะเจาะจง ผู้ได้รับคัดเลือก ร้านเย็นฉ่ำแอร์ 37,800 บาท",
                    "เหตุผลที่คัดเลือก: เสนอราคาต่ำสุดและคุณสมบัติครบถ้วน",
                ],
            ),
            units["admin"],
            "งานพัสดุ กลุ่มงานบริหารทั่วไป",
            month,
        )
        blocks.append(
            {
                "type": "procurement_summary",
                "value": {"month": month.isoformat(), "document": document.pk},
            }
        )
    last_day = first_of_month - dt.timedelta(days=1)
    return blocks, months[-1], last_day

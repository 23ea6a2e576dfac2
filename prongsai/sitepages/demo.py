"""The demo agency's public website: every category R1–R11 with realistic Thai content.

Idempotent: pages are found by slug under their parent and created only when missing.
"""

import datetime as dt
import functools
import io

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils import timezone
from wagtail.images.models import Image
from wagtail.models import Page, Site

from prongsai.accounts.models import Unit
from prongsai.core.demo import ensure_wagtail_roots
from prongsai.core.models import AgencySettings

from . import models as m
from .demo_look import load_look
from .demo_news import add_news
from .demo_oia import add_oia_items
from .demo_policies import add_policies


def _rich(*paragraphs):
    return [{"type": "paragraph", "value": "".join(f"<p>{p}</p>" for p in paragraphs)}]


def _child(parent, cls, slug, **fields):
    existing = Page.objects.child_of(parent).filter(slug=slug).first()
    if existing:
        return existing.specific
    page = cls(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def add_eservice_link(slug: str, title: str, html: str) -> None:
    """An e-service page (R9) pointing at one of Prongsai's own public forms; other apps' demos
    use it. Its metadata copies the first e-service page's, so it is complete (R12)."""
    index = Page.objects.type(m.EServiceIndexPage).first()
    if index is None or Page.objects.child_of(index).filter(slug=slug).exists():
        return
    template = Page.objects.type(m.EServicePage).child_of(index).first()
    if template is None:
        return
    template = template.specific
    page = m.EServicePage(
        slug=slug,
        title=title,
        # service_url must be absolute; the demo's host is not known here, so link from the body.
        owner_unit=template.owner_unit,
        source=template.source,
        info_period_start=template.info_period_start,
        published_date=timezone.localdate(),
        body=[{"type": "paragraph", "value": html}],
    )
    index.add_child(instance=page)
    page.save_revision().publish()


def _pdf(title: str, lines: list[str]) -> bytes:
    return _drawn_pdf(title, tuple(lines))


@functools.cache
def _drawn_pdf(title: str, lines: tuple[str, ...]) -> bytes:
    """Drawn once per process: loading the demo again (it is idempotent, and the tests load it
    in every process) makes the same PDFs, and WeasyPrint takes a quarter of a second each."""
    from weasyprint import HTML

    from prongsai.core.pdf import font_face_css

    body = "".join(f"<p>{line}</p>" for line in lines)
    html = f"<html lang='th'><style>{font_face_css()} body{{font-family:Sarabun}}</style><h1>{title}</h1>{body}</html>"
    return HTML(string=html).write_pdf()


def _xlsx(rows: list[list]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _docx(title: str, lines: list[str]) -> bytes:
    import docx

    document = docx.Document()
    document.add_heading(title, 1)
    for line in lines:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _document(title, filename, content, unit, source, start):
    doc = m.AgencyDocument.objects.filter(title=title).first()
    if doc:
        return doc
    doc = m.AgencyDocument(
        title=title,
        owner_unit=unit,
        source=source,
        info_period_start=start,
        published_date=start,
    )
    doc.file.save(filename, ContentFile(content), save=False)
    doc.file_size = len(content)
    doc.save()
    return doc


def _portrait(name: str, colour: tuple[int, int, int]) -> Image:
    image = Image.objects.filter(title=name).first()
    if image:
        return image
    from PIL import Image as PILImage
    from PIL import ImageDraw

    picture = PILImage.new("RGB", (300, 400), colour)
    draw = ImageDraw.Draw(picture)
    draw.ellipse((90, 70, 210, 190), fill=(240, 224, 200))
    draw.rectangle((60, 220, 240, 400), fill=(30, 50, 90))
    buffer = io.BytesIO()
    picture.save(buffer, "PNG")
    filename = f"portrait-{len(name)}-{sum(map(ord, name)) % 100000}.png"
    image = Image(title=name, description=f"รูปถ่ายของ {name}", file=ImageFile(buffer, name=filename))
    image.save()
    return image


def load(stdout):
    units = {unit.code: unit for unit in Unit.objects.all()}
    office, ict, pr, law, disease, strategy, consumer = (
        units["office"],
        units["ict"],
        units["pr"],
        units["law"],
        units["disease"],
        units["strategy"],
        units["consumer"],
    )
    today = timezone.localdate()
    fy_start = dt.date(today.year if today.month >= 10 else today.year - 1, 10, 1)

    root = ensure_wagtail_roots()
    home = Page.objects.type(m.HomePage).first()
    if home is None:
        # Wagtail's first migration leaves a placeholder "Welcome" page; the demo replaces it.
        for placeholder in Page.objects.filter(depth=2):
            if placeholder.specific_class is Page and not placeholder.get_children().exists():
                placeholder.delete()
        home = m.HomePage(
            title="หน้าแรก",
            slug="home",
            introduction="ส่งเสริมสุขภาพ ป้องกันโรค คุ้มครองผู้บริโภค เพื่อประชาชนสุขภาพดี",
        )
        root.add_child(instance=home)
        home.save_revision().publish()
    home = home.specific
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={
            "hostname": "localhost",
            "port": 80,
            "root_page": home,
            "site_name": "สสจ.ตัวอย่าง",
        },
    )

    site = Site.objects.get(is_default_site=True)
    agency, _ = AgencySettings.objects.get_or_create(site=site)
    agency.name_th = "สำนักงานสาธารณสุขจังหวัดตัวอย่าง"
    agency.name_en = "Example Provincial Public Health Office"
    agency.parent_body = "สำนักงานปลัดกระทรวงสาธารณสุข"
    agency.address = "123 ถนนศาลากลาง ตำบลพิมาน อำเภอเมือง จังหวัดตัวอย่าง 91000"
    agency.phone = "0 7471 1071"
    agency.fax = "0 7472 1149"
    agency.email = "saraban@example.go.th"
    agency.webmaster_email = "webmaster@example.go.th"
    agency.map_url = (
        "https://www.openstreetmap.org/?mlat=6.6238&mlon=100.0674#map=16/6.6238/100.0674"
    )
    agency.main_domain = "www.example.go.th"
    agency.save()

    fy_end = dt.date(fy_start.year + 1, 9, 30)

    def meta(unit, source, start, end=None):
        # R12: every item states the period it covers; there is no "current fiscal year"
        # default (issue 19: the history since 2517 showed "1 ตุลาคม 2569 – ปัจจุบัน").
        return {
            "owner_unit": unit,
            "source": source,
            "info_period_start": start,
            "info_period_end": end,
            "published_date": today,
        }

    # R1 agency information
    about = _child(
        home,
        m.AgencyIndexPage,
        "about",
        title="ข้อมูลหน่วยงาน",
        show_in_menus=True,
        introduction="ประวัติ วิสัยทัศน์ พันธกิจ โครงสร้าง ผู้บริหาร และแผนงานของหน่วยงาน",
    )
    periods = {
        "history": (dt.date(1974, 1, 1), None),  # founded in B.E. 2517
        "vision": (dt.date(2022, 10, 1), dt.date(2027, 9, 30)),  # the 2566-2570 strategy
        "structure": (dt.date(2024, 10, 1), None),
        "authority": (dt.date(2017, 6, 1), None),  # the 2560 ministerial regulation
        "strategy": (fy_start, fy_end),
        "budget": (fy_start, fy_end),
        "performance": (fy_start, None),
    }
    for slug, topic, title, text in [
        (
            "history",
            "history",
            "ประวัติความเป็นมา",
            "สำนักงานสาธารณสุขจังหวัดตัวอย่างจัดตั้งขึ้นเมื่อปี พ.ศ. 2517 ตามพระราชบัญญัติปรับปรุงกระทรวง ทบวง กรม เป็นหน่วยงานราชการบริหารส่วนภูมิภาค สังกัดสำนักงานปลัดกระทรวงสาธารณสุข",
        ),
        (
            "vision",
            "vision",
            "วิสัยทัศน์ พันธกิจ",
            "วิสัยทัศน์: ประชาชนสุขภาพดี เจ้าหน้าที่มีความสุข ระบบสุขภาพยั่งยืน พันธกิจ: พัฒนาและอภิบาลระบบสุขภาพอย่างมีส่วนร่วมและยั่งยืน",
        ),
        (
            "structure",
            "structure",
            "โครงสร้างองค์กร",
            "โครงสร้างประกอบด้วย 12 กลุ่มงาน และโรงพยาบาลในสังกัด 7 แห่ง สำนักงานสาธารณสุขอำเภอ 7 แห่ง",
        ),
        (
            "authority",
            "authority",
            "อำนาจหน้าที่",
            "จัดทำแผนยุทธศาสตร์ด้านสุขภาพในเขตจังหวัด ดำเนินการและประสานงานเกี่ยวกับงานสาธารณสุขในเขตจังหวัด กำกับ ดูแล ประเมินผล และสนับสนุนการปฏิบัติงานของหน่วยงานสาธารณสุข",
        ),
        (
            "strategy",
            "strategy",
            "แผนปฏิบัติราชการประจำปีงบประมาณ พ.ศ. 2570",
            "แผนปฏิบัติราชการประจำปีงบประมาณ พ.ศ. 2570 ประกอบด้วย 4 ยุทธศาสตร์ 12 แผนงาน 36 โครงการ",
        ),
        (
            "budget",
            "budget",
            "แผนการใช้จ่ายงบประมาณประจำปี พ.ศ. 2570",
            "งบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. 2570 จำนวน 48,520,000 บาท จำแนกตามแผนงานและโครงการ",
        ),
        (
            "performance",
            "performance",
            "รายงานผลการดำเนินงานรอบ 6 เดือน",
            "รายงานผลการดำเนินงานตามแผนปฏิบัติราชการ รอบ 6 เดือน (ตุลาคม - มีนาคม)",
        ),
    ]:
        _child(
            about,
            m.AgencyInfoPage,
            slug,
            title=title,
            topic=topic,
            body=_rich(text),
            **meta(
                strategy if topic in ("strategy", "budget", "performance") else office,
                "สำนักงานสาธารณสุขจังหวัดตัวอย่าง",
                *periods[slug],
            ),
        )
    if not Page.objects.child_of(about).filter(slug="executives").exists():
        directory = m.ExecutiveDirectoryPage(
            slug="executives",
            title="ทำเนียบผู้บริหาร",
            **meta(office, "กลุ่มงานบริหารทั่วไป", dt.date(2025, 10, 1)),
        )
        for index, (name, position, phone) in enumerate(
            [
                ("นายแพทย์ประเสริฐ มั่นคง", "นายแพทย์สาธารณสุขจังหวัด", "0 7471 1071 ต่อ 101"),
                ("นายแพทย์วีระ ศักดิ์สิทธิ์", "นายแพทย์เชี่ยวชาญ (ด้านเวชกรรมป้องกัน)", "0 7471 1071 ต่อ 102"),
                ("นางสาวปราณี ทองดี", "นักวิชาการสาธารณสุขเชี่ยวชาญ", "0 7471 1071 ต่อ 103"),
            ]
        ):
            directory.executives.add(
                m.Executive(
                    name=name,
                    position=position,
                    phone=phone,
                    email=f"exec{index + 1}@example.go.th",
                    photo=_portrait(name, (180 - index * 30, 200, 220)),
                    sort_order=index,
                )
            )
        about.add_child(instance=directory)
        directory.save_revision().publish()
    _child(
        about,
        m.ContactPage,
        "contact",
        title="ติดต่อหน่วยงาน",
        introduction="ติดต่อสอบถาม ขอรับข้อมูลข่าวสาร หรือร้องเรียนได้ตามช่องทางด้านล่าง",
        **meta(office, "กลุ่มงานบริหารทั่วไป", dt.date(2017, 6, 1)),
    )

    # R2 laws
    laws = _child(home, m.LawIndexPage, "laws", title="กฎหมาย ระเบียบ ข้อบังคับ", show_in_menus=True)
    public_health_act = _document(
        "พระราชบัญญัติการสาธารณสุข พ.ศ. 2535",
        "public-health-act-2535.pdf",
        _pdf(
            "พระราชบัญญัติการสาธารณสุข พ.ศ. 2535",
            ["ให้ไว้ ณ วันที่ 29 มีนาคม พ.ศ. 2535", "เป็นปีที่ 47 ในรัชกาลปัจจุบัน"],
        ),
        law,
        "ราชกิจจานุเบกษา เล่ม 109 ตอนที่ 38",
        dt.date(1992, 4, 5),
    )
    for slug, kind, title, source, effective in [
        (
            "public-health-act",
            "act",
            "พระราชบัญญัติการสาธารณสุข พ.ศ. 2535",
            "ราชกิจจานุเบกษา เล่ม 109 ตอนที่ 38 ลงวันที่ 5 เมษายน 2535",
            dt.date(1992, 4, 5),
        ),
        (
            "oia-act",
            "act",
            "พระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. 2540",
            "ราชกิจจานุเบกษา เล่ม 114 ตอนที่ 46 ก ลงวันที่ 10 กันยายน 2540",
            dt.date(1997, 12, 9),
        ),
        (
            "procurement-act",
            "act",
            "พระราชบัญญัติการจัดซื้อจัดจ้างและการบริหารพัสดุภาครัฐ พ.ศ. 2560",
            "ราชกิจจานุเบกษา เล่ม 134 ตอนที่ 24 ก ลงวันที่ 24 กุมภาพันธ์ 2560",
            dt.date(2017, 8, 23),
        ),
        (
            "website-announcement",
            "announcement",
            "ประกาศแนวทางการเผยแพร่ข้อมูลต่อสาธารณะผ่านเว็บไซต์ของหน่วยงาน",
            "ประกาศสำนักงานสาธารณสุขจังหวัดตัวอย่าง ลงวันที่ 1 ตุลาคม 2569",
            dt.date(2026, 10, 1),
        ),
    ]:
        _child(
            laws,
            m.LawPage,
            slug,
            title=title,
            law_kind=kind,
            effective_date=effective,
            attachments=[{"type": "document", "value": public_health_act.pk}]
            if slug == "public-health-act"
            else [],
            body=_rich(f"{title} ฉบับที่ใช้บังคับในปัจจุบัน"),
            **meta(law, source, effective),
        )

    # R3 knowledge
    knowledge = _child(
        home, m.KnowledgeIndexPage, "knowledge", title="คลังความรู้และสถิติ", show_in_menus=True
    )
    stats_xlsx = _document(
        "สถิติผู้ป่วยโรคไข้เลือดออก ปี 2569",
        "dengue-2569.xlsx",
        _xlsx([["อำเภอ", "จำนวนผู้ป่วย"], ["เมือง", 152], ["ควนโดน", 48], ["ละงู", 97]]),
        disease,
        "รายงาน 506 กลุ่มงานควบคุมโรคติดต่อ",
        fy_start,
    )
    for slug, kind, title, reference, ref_date in [
        (
            "dengue-statistics",
            "statistics",
            "สถิติผู้ป่วยโรคไข้เลือดออกรายอำเภอ ปีงบประมาณ 2569",
            "ระบบรายงานเฝ้าระวังโรค 506 กองระบาดวิทยา กรมควบคุมโรค",
            dt.date(2026, 9, 30),
        ),
        (
            "elderly-care-research",
            "research",
            "งานวิจัยรูปแบบการดูแลผู้สูงอายุระยะยาวในชุมชน",
            "สุนทร ใจงาม. (2568). วารสารวิชาการสาธารณสุข 34(2), 210-225.",
            dt.date(2025, 6, 1),
        ),
        (
            "handwashing-infographic",
            "infographic",
            "อินโฟกราฟิก ล้างมือ 7 ขั้นตอน ป้องกันโรค",
            "กรมอนามัย กระทรวงสาธารณสุข",
            dt.date(2026, 1, 15),
        ),
    ]:
        _child(
            knowledge,
            m.KnowledgePage,
            slug,
            title=title,
            knowledge_kind=kind,
            reference=reference,
            reference_date=ref_date,
            body=_rich(f"{title} จัดทำเพื่อเผยแพร่ความรู้แก่ประชาชน"),
            attachments=[{"type": "document", "value": stats_xlsx.pk}]
            if kind == "statistics"
            else [],
            **meta(disease, reference, ref_date),
        )

    # R4 links
    links = _child(home, m.LinkIndexPage, "links", title="เว็บลิงก์", show_in_menus=True)
    if not Page.objects.child_of(links).exists():
        collection = m.LinkCollectionPage(
            slug="agencies",
            title="หน่วยงานที่เกี่ยวข้อง",
            # The list was last checked today: it is valid from then.
            **meta(ict, "ศูนย์เทคโนโลยีสารสนเทศ", today),
        )
        for index, (title, url, kind) in enumerate(
            [
                ("โรงพยาบาลประจำจังหวัด", "https://hospital.example.go.th/", "internal-unit"),
                ("สำนักงานสาธารณสุขอำเภอเมือง", "https://muang.example.go.th/", "internal-unit"),
                ("กระทรวงสาธารณสุข", "https://www.moph.go.th/", "external-agency"),
                ("กรมควบคุมโรค", "https://ddc.moph.go.th/", "external-agency"),
                ("สำนักงานคณะกรรมการข้อมูลข่าวสารของราชการ", "https://www.oic.go.th/", "other-site"),
                ("ระบบสารบรรณอิเล็กทรอนิกส์", "https://saraban.example.go.th/", "own-system"),
                ("วีดิทัศน์ แนะนำหน่วยงาน", "https://video.example.go.th/intro", "video"),
            ]
        ):
            collection.links.add(m.WebLink(title=title, url=url, kind=kind, sort_order=index))
        links.add_child(instance=collection)
        collection.save_revision().publish()

    # R5 OIA public-inspection corner
    oia = _child(
        home,
        m.OIAIndexPage,
        "oia",
        title="ศูนย์ข้อมูลข่าวสาร",
        show_in_menus=True,
        introduction="ข้อมูลข่าวสารตามมาตรา 7 และมาตรา 9 แห่งพระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. 2540",
    )
    add_oia_items(oia, units, agency, _pdf, _document)

    # R6 operations manuals
    ops = _child(
        home,
        m.OperationsManualIndexPage,
        "operations-manuals",
        title="คู่มือการปฏิบัติงาน",
        show_in_menus=True,
    )
    ops_doc = _document(
        "คู่มือการปฏิบัติงานด้านการร้องเรียน",
        "complaint-handling-manual.docx",
        _docx("คู่มือการปฏิบัติงานด้านการร้องเรียน", ["ขั้นตอนที่ 1 รับเรื่อง", "ขั้นตอนที่ 2 ตรวจสอบ"]),
        units["admin"],
        "กลุ่มงานบริหารทั่วไป",
        fy_start,
    )
    _child(
        ops,
        m.OperationsManualPage,
        "complaint-handling",
        title="คู่มือการปฏิบัติงานการจัดการเรื่องร้องเรียน",
        steps=[
            {
                "type": "step",
                "value": {"title": t, "description": d, "duration": du, "responsible": r},
            }
            for t, d, du, r in [
                ("รับเรื่องร้องเรียน", "ลงทะเบียนรับเรื่องจากทุกช่องทาง", "1 วันทำการ", "งานสารบรรณ"),
                (
                    "ตรวจสอบและมอบหมาย",
                    "พิจารณาประเด็นและมอบหมายหน่วยงานที่เกี่ยวข้อง",
                    "3 วันทำการ",
                    "หัวหน้ากลุ่มงานบริหารทั่วไป",
                ),
                (
                    "แจ้งผลผู้ร้องเรียน",
                    "แจ้งผลการดำเนินการเป็นลายลักษณ์อักษร",
                    "15 วันทำการ",
                    "กลุ่มงานบริหารทั่วไป",
                ),
            ]
        ],
        total_duration="19 วันทำการ",
        attachments=[{"type": "document", "value": ops_doc.pk}],
        **meta(units["admin"], "กลุ่มงานบริหารทั่วไป", dt.date(2025, 10, 1)),
    )

    # R7 citizen service manuals
    services = _child(
        home,
        m.ServiceManualIndexPage,
        "service-manuals",
        title="คู่มือสำหรับประชาชน",
        show_in_menus=True,
    )
    form_doc = _document(
        "แบบคำขออนุญาตจัดตั้งสถานที่จำหน่ายอาหาร",
        "food-shop-application-form.pdf",
        _pdf(
            "แบบคำขออนุญาตจัดตั้งสถานที่จำหน่ายอาหาร",
            ["ชื่อผู้ขออนุญาต ...............", "ที่อยู่ ..............."],
        ),
        consumer,
        "กลุ่มงานคุ้มครองผู้บริโภคและเภสัชสาธารณสุข",
        fy_start,
    )
    _child(
        services,
        m.ServiceManualPage,
        "food-business-licence",
        title="การขออนุญาตผลิตอาหาร (สถานที่ผลิตอาหารที่ไม่เข้าข่ายโรงงาน)",
        service_channel="กลุ่มงานคุ้มครองผู้บริโภคฯ ชั้น 2 สำนักงานสาธารณสุขจังหวัด",
        fee="ตามกฎกระทรวง ไม่เกิน 1,000 บาท",
        steps=[
            {
                "type": "step",
                "value": {"title": t, "description": d, "duration": du, "responsible": r},
            }
            for t, d, du, r in [
                (
                    "ยื่นคำขอและตรวจสอบเอกสาร",
                    "ผู้ขอยื่นแบบ สบ.1 พร้อมเอกสารประกอบ",
                    "30 นาที",
                    "เจ้าหน้าที่รับคำขอ",
                ),
                ("ตรวจสถานที่ผลิต", "ตรวจตามหลักเกณฑ์ GMP", "15 วันทำการ", "พนักงานเจ้าหน้าที่"),
                (
                    "พิจารณาอนุญาตและออกใบอนุญาต",
                    "เสนอผู้มีอำนาจลงนาม",
                    "7 วันทำการ",
                    "นายแพทย์สาธารณสุขจังหวัด",
                ),
            ]
        ],
        total_duration="22 วันทำการ 30 นาที",
        attachments=[{"type": "document", "value": form_doc.pk}],
        body=[
            {"type": "heading", "value": {"text": "เอกสารหลักฐานที่ต้องใช้", "level": "h2"}},
            {
                "type": "paragraph",
                "value": "<ul><li>แบบคำขออนุญาต (สบ.1) 1 ฉบับ</li>"
                "<li>สำเนาบัตรประจำตัวประชาชนของผู้ขออนุญาต 1 ฉบับ</li>"
                "<li>สำเนาทะเบียนบ้าน 1 ฉบับ</li>"
                "<li>แผนที่ตั้งและแผนผังภายในสถานที่ผลิต 1 ชุด</li>"
                "<li>หนังสือมอบอำนาจ (กรณีให้ผู้อื่นยื่นแทน) พร้อมอากรแสตมป์ 30 บาท</li></ul>",
            },
            {"type": "heading", "value": {"text": "ช่องทางการร้องเรียน", "level": "h2"}},
            {
                "type": "paragraph",
                "value": "<ul><li>กลุ่มงานคุ้มครองผู้บริโภคฯ ชั้น 2 สำนักงานสาธารณสุขจังหวัด โทรศัพท์ 0 7471 1071 ต่อ 208</li>"
                "<li>อีเมล saraban@example.go.th</li>"
                "<li>ระบบรับเรื่องร้องเรียนออนไลน์ (เมนูบริการอิเล็กทรอนิกส์)</li>"
                "<li>ศูนย์ดำรงธรรมจังหวัด สายด่วน 1567</li></ul>",
            },
        ],
        **meta(consumer, "กลุ่มงานคุ้มครองผู้บริโภคและเภสัชสาธารณสุข", dt.date(2025, 10, 1)),
    )

    # R8 news
    news = _child(home, m.NewsIndexPage, "news", title="ข่าวประชาสัมพันธ์", show_in_menus=True)
    add_news(news, units, today, _pdf, _docx, _document)
    calendar = _child(news, m.EventCalendarPage, "events", title="ปฏิทินกิจกรรม")
    start = timezone.make_aware(dt.datetime.combine(today + dt.timedelta(days=14), dt.time(9, 0)))
    _child(
        calendar,
        m.EventPage,
        "world-aids-day",
        title="กิจกรรมวันเอดส์โลก",
        starts_at=start,
        ends_at=start + dt.timedelta(hours=3),
        location="ลานหน้าศาลากลางจังหวัด",
        body=_rich("ขอเชิญร่วมกิจกรรมรณรงค์วันเอดส์โลก ตรวจเลือดฟรี"),
        **meta(disease, "กลุ่มงานควบคุมโรคติดต่อ", timezone.localdate(start)),
    )
    _child(
        news,
        m.GalleryPage,
        "gallery",
        title="คลังภาพกิจกรรม",
        images=[
            {
                "type": "image",
                "value": {
                    "image": _portrait("ผู้บริหารเปิดงานมหกรรมสุขภาพ", (120, 160, 120)).pk,
                    "decorative": False,
                    "alt_text": "ผู้บริหารกล่าวเปิดงานมหกรรมสุขภาพ",
                },
            }
        ],
        **meta(pr, "งานประชาสัมพันธ์", today - dt.timedelta(days=1)),
    )

    # R9 e-services
    eservices = _child(
        home, m.EServiceIndexPage, "e-services", title="บริการอิเล็กทรอนิกส์", show_in_menus=True
    )
    _child(
        eservices,
        m.EServicePage,
        "complaints",
        title="ระบบรับเรื่องร้องเรียนออนไลน์",
        service_url="https://complaint.example.go.th/",
        body=_rich("แจ้งเรื่องร้องเรียนและติดตามสถานะได้ตลอด 24 ชั่วโมง"),
        **meta(units["admin"], "กลุ่มงานบริหารทั่วไป", dt.date(2024, 1, 15)),
    )
    _child(
        eservices,
        m.EServicePage,
        "health-certificate",
        title="ขอใบรับรองแพทย์ออนไลน์",
        service_url="https://eservice.example.go.th/cert",
        body=_rich("ยื่นคำขอและนัดหมายรับใบรับรองแพทย์"),
        **meta(consumer, "กลุ่มงานคุ้มครองผู้บริโภคฯ", dt.date(2025, 3, 1)),
    )

    # R10 statistics, R11 CIO, and general pages
    _child(
        home,
        m.StatisticsPage,
        "statistics",
        title="สถิติการเข้าใช้บริการเว็บไซต์",
        show_in_menus=True,
        introduction="จำนวนผู้เข้าชมและระดับความพึงพอใจต่อเว็บไซต์ นับโดยระบบของหน่วยงานเอง",
    )
    _child(
        home,
        m.CIOPage,
        "cio",
        title="ผู้บริหารเทคโนโลยีสารสนเทศระดับสูง (CIO)",
        show_in_menus=True,
        cio_name="นายแพทย์วีระ ศักดิ์สิทธิ์",
        cio_position="นายแพทย์เชี่ยวชาญ (ด้านเวชกรรมป้องกัน)",
        phone="0 7471 1071 ต่อ 102",
        email="cio@example.go.th",
        photo=_portrait("นายแพทย์วีระ ศักดิ์สิทธิ์", (150, 200, 220)),
        body=_rich("กำกับดูแลการพัฒนาระบบเทคโนโลยีสารสนเทศและการรักษาความมั่นคงปลอดภัยไซเบอร์ของหน่วยงาน"),
        **meta(ict, "ศูนย์เทคโนโลยีสารสนเทศ", dt.date(2025, 10, 1)),
    )
    add_policies(home, agency.name_th, agency.email, agency.phone)
    _child(home, m.SitemapPage, "sitemap", title="แผนผังเว็บไซต์")
    load_look(home)
    stdout.write(f"เว็บไซต์ตัวอย่าง: {Page.objects.descendant_of(home).live().count()} หน้า")
    return []

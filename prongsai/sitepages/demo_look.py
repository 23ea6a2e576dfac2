"""The demo agency's own look: an emblem, a banner, an album of activity photos, a map of the
office and a month of events. Every picture is drawn here with Pillow (nothing downloaded);
each has Thai alternative text and a caption. Safe to run again."""

import datetime as dt
import io
import math
import random
from decimal import Decimal

from django.core.files.images import ImageFile
from django.utils import timezone
from wagtail.images.models import Image
from wagtail.models import Site

from prongsai.core.appearance import SiteAppearance

from . import models as m

SKY = (158, 203, 235)
GRASS = (96, 156, 84)


def _save(title: str, description: str, picture, filename: str) -> Image:
    image = Image.objects.filter(title=title).first()
    if image:
        return image
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG" if filename.endswith(".jpg") else "PNG", quality=82)
    image = Image(title=title, description=description, file=ImageFile(buffer, name=filename))
    image.save()
    return image


def _scene(width: int, height: int, seed: int, people: int, tent: bool = True):
    """An outdoor activity: sky, hills, a tent and a crowd, varied by ``seed``."""
    from PIL import Image as PILImage
    from PIL import ImageDraw

    rng = random.Random(seed)
    picture = PILImage.new("RGB", (width, height), SKY)
    draw = ImageDraw.Draw(picture)
    for row in range(height // 2):  # the sky lightens towards the horizon
        shade = 235 - row * 60 // height
        draw.line([(0, row), (width, row)], fill=(150 + row * 60 // height, 195, shade))
    draw.ellipse(
        (width * 0.78, height * 0.08, width * 0.9, height * 0.08 + width * 0.12),
        fill=(255, 226, 120),
    )
    horizon = int(height * 0.55)
    for hill in range(3):
        centre = rng.randint(0, width)
        radius = rng.randint(width // 4, width // 2)
        draw.ellipse(
            (centre - radius, horizon - radius // 3, centre + radius, horizon + radius),
            fill=(70 + hill * 20, 130, 80),
        )
    draw.rectangle((0, horizon, width, height), fill=GRASS)
    if tent:
        left, top = int(width * 0.15), int(height * 0.3)
        draw.polygon(
            [
                (left, top + 60),
                (left + width * 0.35, top + 60),
                (left + width * 0.3, top),
                (left + width * 0.05, top),
            ],
            fill=(250, 250, 250),
        )
        draw.rectangle((left, top + 60, left + width * 0.35, horizon + 20), fill=(18, 59, 109))
    colours = [
        (200, 60, 60),
        (240, 180, 40),
        (40, 110, 180),
        (230, 230, 230),
        (120, 70, 160),
        (30, 140, 120),
    ]
    for _person in range(people):
        x = rng.randint(20, width - 20)
        y = rng.randint(horizon + 10, height - 40)
        scale = 0.6 + (y - horizon) / (height - horizon)
        head = 9 * scale
        draw.ellipse((x - head, y - 4 * head, x + head, y - 2 * head), fill=(236, 200, 160))
        draw.rounded_rectangle(
            (x - 1.6 * head, y - 2 * head, x + 1.6 * head, y + 2.5 * head),
            radius=int(head),
            fill=rng.choice(colours),
        )
    return picture


def _emblem():
    from PIL import Image as PILImage
    from PIL import ImageDraw

    size = 192
    picture = PILImage.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(picture)
    draw.ellipse((4, 4, size - 4, size - 4), fill=(255, 255, 255), outline=(201, 162, 39), width=8)
    centre = size / 2
    for spoke in range(12):  # a stylised lotus of twelve petals
        angle = spoke * math.pi / 6
        x, y = centre + 48 * math.cos(angle), centre + 48 * math.sin(angle)
        draw.ellipse((x - 20, y - 20, x + 20, y + 20), fill=(18, 59, 109))
    draw.ellipse((centre - 34, centre - 34, centre + 34, centre + 34), fill=(201, 162, 39))
    draw.rectangle((centre - 7, centre - 24, centre + 7, centre + 24), fill=(255, 255, 255))
    draw.rectangle((centre - 24, centre - 7, centre + 24, centre + 7), fill=(255, 255, 255))
    return picture


def _map():
    """The streets around the office, drawn as a simple plan with the office marked."""
    from PIL import Image as PILImage
    from PIL import ImageDraw

    width, height = 960, 540
    picture = PILImage.new("RGB", (width, height), (238, 234, 224))
    draw = ImageDraw.Draw(picture)
    draw.rectangle((0, 380, width, height), fill=(170, 211, 223))  # the river
    draw.rectangle((620, 60, 900, 300), fill=(200, 226, 180))  # a park
    for x in (120, 380, 600):
        draw.line([(x, 0), (x, 380)], fill=(255, 255, 255), width=18)
    for y in (90, 250):
        draw.line([(0, y), (width, y)], fill=(255, 255, 255), width=18)
    draw.line([(0, 360), (width, 330)], fill=(255, 214, 120), width=24)  # the main road
    draw.rectangle((200, 130, 330, 220), fill=(18, 59, 109))  # the office
    draw.polygon([(265, 40), (240, 95), (290, 95)], fill=(200, 40, 40))
    draw.ellipse((245, 20, 285, 60), fill=(200, 40, 40))
    draw.ellipse((257, 32, 273, 48), fill=(255, 255, 255))
    return picture


PHOTOS = (
    (
        "มหกรรมสุขภาพประจำปี",
        "ประชาชนร่วมงานมหกรรมสุขภาพ หน้าเต็นท์ตรวจสุขภาพฟรี",
        "งานมหกรรมสุขภาพประจำปี ณ ลานหน้าศาลากลางจังหวัด",
        24,
    ),
    (
        "รณรงค์วันเอดส์โลก",
        "เจ้าหน้าที่และเยาวชนเดินรณรงค์วันเอดส์โลกกลางแจ้ง",
        "เดินรณรงค์วันเอดส์โลก ร่วมกับเครือข่ายเยาวชน",
        36,
    ),
    (
        "ตรวจคัดกรองเบาหวานในชุมชน",
        "อาสาสมัครสาธารณสุขตรวจน้ำตาลในเลือดให้ผู้สูงอายุในชุมชน",
        "ตรวจคัดกรองเบาหวานและความดันโลหิตสูงในชุมชน",
        14,
    ),
    (
        "อบรมการปฐมพยาบาลเบื้องต้น",
        "ผู้เข้าอบรมฝึกปฐมพยาบาลกลางแจ้งกับวิทยากร",
        "อบรมการปฐมพยาบาลและการช่วยฟื้นคืนชีพ (CPR)",
        18,
    ),
    (
        "ตลาดนัดอาหารปลอดภัย",
        "ร้านค้าในตลาดนัดอาหารปลอดภัยและผู้มาซื้อสินค้า",
        "ตลาดนัดอาหารปลอดภัย ตรวจสารปนเปื้อนในอาหารสด",
        30,
    ),
    (
        "ฉีดวัคซีนไข้หวัดใหญ่",
        "ประชาชนต่อแถวรับวัคซีนไข้หวัดใหญ่หน้าหน่วยบริการ",
        "หน่วยบริการฉีดวัคซีนไข้หวัดใหญ่เคลื่อนที่",
        20,
    ),
)


def load_look(home, stdout=None) -> None:
    """Give the demo agency its look, fill the photo album and the month's events."""
    site = Site.objects.filter(root_page=home).first() or Site.objects.get(is_default_site=True)
    appearance = SiteAppearance.for_site(site)
    appearance.logo = _save("ตราสัญลักษณ์หน่วยงาน", "ตราสัญลักษณ์ของหน่วยงาน", _emblem(), "demo-emblem.png")
    appearance.banner_image = _save(
        "แบนเนอร์หน้าแรก", "งานมหกรรมสุขภาพ", _scene(1600, 600, 7, 40), "demo-banner.jpg"
    )
    appearance.banner_alt = "ประชาชนจำนวนมากร่วมงานมหกรรมสุขภาพประจำปีกลางแจ้ง หน้าเต็นท์บริการตรวจสุขภาพ"
    appearance.hotlines = "ศูนย์ดำรงธรรม: 1567\nสายด่วนกรมควบคุมโรค: 1422\nแจ้งเหตุฉุกเฉินทางการแพทย์: 1669"
    appearance.map_image = _save("แผนที่ที่ตั้งหน่วยงาน", "แผนที่ที่ตั้งสำนักงาน", _map(), "demo-office-map.png")
    appearance.latitude, appearance.longitude = Decimal("8.451200"), Decimal("98.525300")
    appearance.full_clean()
    appearance.save()

    gallery = (
        m.GalleryPage.objects.child_of(home).first()
        or m.GalleryPage.objects.descendant_of(home).first()
    )
    if gallery is not None and not any(block.block_type == "photo" for block in gallery.images):
        gallery.images = [
            {
                "type": "photo",
                "value": {
                    "image": _save(
                        title, alt, _scene(1200, 900, seed, people), f"demo-photo-{seed}.jpg"
                    ).pk,
                    "alt_text": alt,
                    "caption": caption,
                },
            }
            for seed, (title, alt, caption, people) in enumerate(PHOTOS, start=1)
        ]
        gallery.save_revision().publish()

    calendar = m.EventCalendarPage.objects.descendant_of(home).first()
    if calendar is not None:
        _month_events(calendar)


def _month_events(calendar) -> None:
    from prongsai.accounts.models import Unit

    today = timezone.localdate()
    unit = Unit.objects.filter(code="pr").first() or Unit.objects.first()
    for offset, hour, slug, title, location in (
        (-9, 9, "staff-meeting", "ประชุมคณะกรรมการบริหารประจำเดือน", "ห้องประชุมชั้น 2"),
        (-2, 13, "food-safety-market", "ตลาดนัดอาหารปลอดภัย", "ตลาดสดเทศบาล"),
        (3, 9, "flu-vaccine", "หน่วยฉีดวัคซีนไข้หวัดใหญ่เคลื่อนที่", "โรงพยาบาลส่งเสริมสุขภาพตำบล"),
        (6, 8, "diabetes-screening", "ตรวจคัดกรองเบาหวานในชุมชน", "ศาลาประชาคมหมู่ 3"),
        (10, 9, "cpr-training", "อบรมการปฐมพยาบาลและ CPR", "หอประชุมสำนักงาน"),
    ):
        if m.EventPage.objects.child_of(calendar).filter(slug=slug).exists():
            continue
        start = timezone.make_aware(
            dt.datetime.combine(today + dt.timedelta(days=offset), dt.time(hour, 0))
        )
        page = m.EventPage(
            title=title,
            slug=slug,
            starts_at=start,
            ends_at=start + dt.timedelta(hours=3),
            location=location,
            owner_unit=unit,
            source=unit.name if unit else "งานประชาสัมพันธ์",
            info_period_start=today,
            published_date=today,
        )
        calendar.add_child(instance=page)
        page.save_revision().publish()

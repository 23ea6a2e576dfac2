"""PDFs made with font_face_css() read back exactly as written (copy/paste, search, assessors)."""

import io

from pypdf import PdfReader
from weasyprint import HTML

from prongsai.core.pdf import PDF_FONT_FAMILY, font_face_css


def render_text(body: str, family: str = "Sarabun") -> str:
    html = (
        f"<html lang='th'><style>{font_face_css()} body{{font-family:{family}}}</style>"
        f"<body>{body}</body></html>"
    )
    pdf = HTML(string=html).write_pdf()
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_thai_and_latin_text_extract_exactly_in_one_family():
    text = render_text(
        "<p>ABC สำนักงานสาธารณสุขจังหวัด</p>"
        "<p>น้ำท่วม ค่ำ ซ้ำ กำหนด 30 เมษายน 2569</p>"
        "<p>https://www.example.go.th/news/ข่าว-1/ Report XYZ 2026</p>"
        "<p><b>ABC ตัวหนา สำนักงาน</b></p>"
    )
    for expected in (
        "ABC สำนักงานสาธารณสุขจังหวัด",  # Latin stays Latin ("ABC", not "กBC")
        "น้ำท่วม ค่ำ ซ้ำ กำหนด 30 เมษายน 2569",  # sara am with and without tone marks
        "https://www.example.go.th/news/ข่าว-1/",
        "Report XYZ 2026",
        "ABC ตัวหนา สำนักงาน",
    ):
        assert expected in text, (expected, text)
    assert "กBC" not in text and "สานักงาน" not in text and "งำน" not in text


def test_pdf_font_family_constant_names_the_same_faces():
    assert "ABC สำนักงาน" in render_text("<p>ABC สำนักงาน</p>", family=PDF_FONT_FAMILY)

"""The content categories of the Government Website Standard, as the seeds list them (R1–R11).

This module is the one list of categories: page types point at a code here, navigation and the
compliance catalogues read it. Thai and English names; ``gws`` is the part of the Government
Website Standard 2.0 content structure the category falls under (standards.md §1.2).
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Category:
    code: str
    requirement: str
    name_th: str
    name_en: str
    gws: str
    slug: str

    def __str__(self) -> str:
        return self.name_th


_CATEGORY_LIST = [
    Category("agency", "R1", "ข้อมูลหน่วยงาน", "Agency information", "1 ข้อมูลพื้นฐาน", "about"),
    Category("laws", "R2", "กฎหมาย ระเบียบ ข้อบังคับ", "Laws and regulations", "1 ข้อมูลพื้นฐาน", "laws"),
    Category(
        "knowledge", "R3", "คลังความรู้และสถิติ", "Knowledge and statistics", "1 ข้อมูลพื้นฐาน", "knowledge"
    ),
    Category("links", "R4", "เว็บลิงก์", "Web links", "1 ข้อมูลพื้นฐาน", "links"),
    Category(
        "oia",
        "R5",
        "ข้อมูลข่าวสารตาม พ.ร.บ.ข้อมูลข่าวสารของราชการ พ.ศ. 2540",
        "Official information (OIA sections 7 and 9)",
        "1 ข้อมูลพื้นฐาน",
        "oia",
    ),
    Category(
        "operations-manuals",
        "R6",
        "คู่มือมาตรฐานการปฏิบัติงาน",
        "Operations manuals",
        "1 ข้อมูลพื้นฐาน",
        "operations-manuals",
    ),
    Category(
        "service-manuals",
        "R7",
        "คู่มือสำหรับประชาชน",
        "Citizen service manuals",
        "3 e-Service",
        "service-manuals",
    ),
    Category("news", "R8", "ข่าวประชาสัมพันธ์", "News and announcements", "1 ข้อมูลพื้นฐาน", "news"),
    Category("eservices", "R9", "บริการอิเล็กทรอนิกส์", "e-Services", "2 การสร้างปฏิสัมพันธ์", "e-services"),
    Category(
        "statistics",
        "R10",
        "สถิติการเข้าใช้บริการเว็บไซต์",
        "Website statistics and satisfaction",
        "2 การสร้างปฏิสัมพันธ์",
        "statistics",
    ),
    Category(
        "cio",
        "R11",
        "ผู้บริหารเทคโนโลยีสารสนเทศระดับสูง (CIO)",
        "Chief Information Officer",
        "1 ข้อมูลพื้นฐาน",
        "cio",
    ),
]

CATEGORIES: dict[str, Category] = {category.code: category for category in _CATEGORY_LIST}
CATEGORY_CHOICES = [(category.code, category.name_th) for category in _CATEGORY_LIST]


def all_categories() -> list[Category]:
    return list(_CATEGORY_LIST)

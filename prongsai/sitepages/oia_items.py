"""The items of sections 7 and 9 of the Official Information Act B.E. 2540 (standards.md §2).

They are the structure of the public-inspection corner (R5): one page per item.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class OIAItem:
    code: str
    section: int
    title_th: str
    title_en: str


OIA_ITEMS = [
    OIAItem("7(1)", 7, "โครงสร้างและการจัดองค์กรในการดำเนินงาน", "Structure and organisation"),
    OIAItem("7(2)", 7, "สรุปอำนาจหน้าที่ที่สำคัญและวิธีการดำเนินงาน", "Main powers, duties and methods"),
    OIAItem("7(3)", 7, "สถานที่ติดต่อเพื่อขอรับข้อมูลข่าวสารหรือคำแนะนำ", "Place of contact for information"),
    OIAItem(
        "7(4)",
        7,
        "กฎ มติคณะรัฐมนตรี ข้อบังคับ คำสั่ง หนังสือเวียน ระเบียบ แบบแผน นโยบาย หรือการตีความ",
        "By-laws, cabinet resolutions, regulations, orders, circulars, policies, interpretations",
    ),
    OIAItem(
        "7(5)", 7, "ข้อมูลข่าวสารอื่นตามที่คณะกรรมการกำหนด", "Other information set by the Commission"
    ),
    OIAItem(
        "9(1)",
        9,
        "ผลการพิจารณาหรือคำวินิจฉัยที่มีผลโดยตรงต่อเอกชน",
        "Decisions directly affecting private persons",
    ),
    OIAItem(
        "9(2)",
        9,
        "นโยบายหรือการตีความที่ไม่เข้าข่ายต้องลงพิมพ์ในราชกิจจานุเบกษา",
        "Policies and interpretations not gazetted",
    ),
    OIAItem(
        "9(3)",
        9,
        "แผนงาน โครงการ และงบประมาณรายจ่ายประจำปีของปีที่กำลังดำเนินการ",
        "Work plans, projects and the current annual budget",
    ),
    OIAItem(
        "9(4)",
        9,
        "คู่มือหรือคำสั่งเกี่ยวกับวิธีปฏิบัติงานของเจ้าหน้าที่ซึ่งมีผลกระทบถึงสิทธิหน้าที่ของเอกชน",
        "Manuals and orders on officials' working procedures",
    ),
    OIAItem(
        "9(5)", 9, "สิ่งพิมพ์ที่ได้มีการอ้างอิงถึงตามมาตรา 7 วรรคสอง", "Publications referred to under s.7"
    ),
    OIAItem(
        "9(6)",
        9,
        "สัญญาสัมปทาน สัญญาที่มีลักษณะเป็นการผูกขาดตัดตอน หรือสัญญาร่วมทุนกับเอกชนในการจัดทำบริการสาธารณะ",
        "Concession, monopoly and public-service joint-venture contracts",
    ),
    OIAItem(
        "9(7)",
        9,
        "มติคณะรัฐมนตรีหรือมติคณะกรรมการที่แต่งตั้งโดยกฎหมายหรือโดยมติคณะรัฐมนตรี",
        "Resolutions of the cabinet or of boards appointed by law",
    ),
    OIAItem(
        "9(8)",
        9,
        "ข้อมูลข่าวสารอื่นตามที่คณะกรรมการกำหนด (เช่น ผลการจัดซื้อจัดจ้าง สขร.1)",
        "Other information set by the Commission (e.g. procurement results)",
    ),
]

OIA_ITEM_CHOICES = [(item.code, f"มาตรา {item.code} {item.title_th}") for item in OIA_ITEMS]

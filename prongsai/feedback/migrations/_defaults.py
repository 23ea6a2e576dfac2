"""The common Thai government website satisfaction form: the questions and respondent groups
seeded by migration 0002 and restored after a flush (apps.py)."""

QUESTIONS = [
    "ความพึงพอใจด้านเนื้อหา (ถูกต้อง ครบถ้วน เป็นประโยชน์ ทันสมัย)",
    "ความพึงพอใจด้านการนำเสนอ (รูปแบบ ความสวยงาม อ่านง่าย)",
    "ความพึงพอใจด้านความสะดวกในการใช้งาน (ค้นหาง่าย เมนูชัดเจน)",
    "ความพึงพอใจด้านความรวดเร็วในการเข้าถึงข้อมูล",
    "ความพึงพอใจโดยรวมต่อเว็บไซต์",
]
GROUPS = [
    "ประชาชนทั่วไป",
    "นักเรียน/นักศึกษา",
    "ข้าราชการ/เจ้าหน้าที่ของรัฐ",
    "ผู้ประกอบการ/ภาคเอกชน",
    "อื่น ๆ",
]


def create_defaults(apps, schema_editor):
    SurveyQuestion = apps.get_model("feedback", "SurveyQuestion")
    RespondentGroup = apps.get_model("feedback", "RespondentGroup")
    if not SurveyQuestion.objects.exists():
        for order, text in enumerate(QUESTIONS, start=1):
            SurveyQuestion.objects.create(text=text, sort_order=order)
    if not RespondentGroup.objects.exists():
        for order, name in enumerate(GROUPS, start=1):
            RespondentGroup.objects.create(name=name, sort_order=order)

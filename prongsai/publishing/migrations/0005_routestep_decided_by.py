from django.db import migrations, models

APPROVER_GROUP = "ผู้อนุมัติ"


def unit_head_steps_for_routes_no_approver_could_decide(apps, schema_editor):
    """Before this field, the requesting unit's head could decide any "approver" step. A step
    that only worked that way (approver role, no unit, while no active account held the role,
    e.g. the DCY profile's director step) becomes an explicit unit-head step, so it keeps
    working now that the implicit power is gone (docs/adr/0300-unit-head-approval-step.md)."""
    RouteStep = apps.get_model("publishing", "RouteStep")
    User = apps.get_model("accounts", "User")
    if User.objects.filter(is_active=True, groups__name=APPROVER_GROUP).exists():
        return
    RouteStep.objects.filter(approver_role=APPROVER_GROUP, approver_unit__isnull=True).update(
        decided_by="unit-head"
    )


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("publishing", "0004_private_attachments"),
    ]

    operations = [
        migrations.AddField(
            model_name="routestep",
            name="decided_by",
            field=models.CharField(
                choices=[
                    ("role", "ผู้มีบทบาทผู้อนุมัติตามที่กำหนด (บทบาทและหน่วยงานด้านล่าง)"),
                    ("unit-head", "หัวหน้าหน่วยงานเจ้าของข้อมูล (หัวหน้าหน่วยงานของผู้ขอ)"),
                ],
                default="role",
                help_text=(
                    "หัวหน้าหน่วยงานเจ้าของข้อมูล: เฉพาะหัวหน้าของหน่วยงานที่ยื่นคำขอ (และผู้ได้รับมอบหมาย)"
                    " พิจารณาได้ ไม่ใช้บทบาทและหน่วยงานด้านล่าง"
                ),
                max_length=20,
                verbose_name="ผู้พิจารณาขั้นตอนนี้",
            ),
        ),
        migrations.AlterField(
            model_name="approvalroute",
            name="kind",
            field=models.CharField(
                choices=[
                    ("executive", "ต้องได้รับอนุมัติจากผู้บริหารสูงสุดหรือผู้ได้รับมอบหมาย"),
                    ("prior", "ได้รับอนุมัติจากที่อื่นแล้ว (อ้างเลขที่หนังสือและวันที่)"),
                    ("communications", "ข้อมูลทั่วไป ตรวจโดยหน่วยงานประชาสัมพันธ์"),
                    ("unit", "ผู้อำนวยการหรือหัวหน้าหน่วยงานเจ้าของข้อมูลให้ความเห็นชอบ"),
                    ("exempt", "งานประจำ ไม่ต้องขออนุมัติ"),
                ],
                max_length=20,
                verbose_name="ลักษณะ",
            ),
        ),
        migrations.RunPython(
            unit_head_steps_for_routes_no_approver_could_decide, migrations.RunPython.noop
        ),
    ]

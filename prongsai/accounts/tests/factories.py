import factory

from prongsai.accounts.models import Unit, UnitKind, User


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit
        django_get_or_create = ("code",)

    name = factory.Sequence(lambda n: f"กลุ่มงานทดสอบ {n}")
    code = factory.Sequence(lambda n: f"unit-{n}")
    kind = UnitKind.GROUP


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"staff{n}")
    first_name = "สมหญิง"
    last_name = factory.Sequence(lambda n: f"ทดสอบ{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.go.th")
    position = "นักวิชาการสาธารณสุข"
    unit = factory.SubFactory(UnitFactory)
    is_staff = True
    password = factory.PostGenerationMethodCall("set_password", "Correct-Horse-Battery-9")

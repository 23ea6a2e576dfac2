import pytest

from prongsai.accounts.roles import Role
from prongsai.accounts.testing import give_role
from prongsai.accounts.tests.factories import UserFactory
from prongsai.feedback.models import RespondentGroup, SurveyQuestion

ITEMS = ["เนื้อหา", "การนำเสนอ", "ความสะดวกในการใช้งาน", "ความรวดเร็ว", "ความพึงพอใจโดยรวม"]


@pytest.fixture
def survey_items(db):
    SurveyQuestion.objects.all().delete()
    return [SurveyQuestion.objects.create(text=text, sort_order=i) for i, text in enumerate(ITEMS)]


@pytest.fixture
def respondent_group(db):
    return RespondentGroup.objects.create(name="ประชาชนทั่วไป (ทดสอบ)")


@pytest.fixture
def moderator(db):
    return give_role(UserFactory(username="moderator"), Role.MODERATOR)


@pytest.fixture
def staff_client(client, moderator):
    from django.contrib.auth.models import Permission

    moderator.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(moderator)
    return client

import pytest
from django.contrib.auth.models import Group

from prongsai.accounts.roles import Role
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
    user = UserFactory(username="moderator")
    group, _ = Group.objects.get_or_create(name=Role.MODERATOR.value)
    user.groups.add(group)
    return user


@pytest.fixture
def staff_client(client, moderator):
    from django.contrib.auth.models import Permission

    moderator.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(moderator)
    return client

"""R41, ASVS 6.1.2 / 6.2.11 / 6.2.1: passwords may not contain context-specific words — the
documented list (context_words.txt), the agency's names and domain, the site name, the
username — and are 12 characters at least (ADR 0257)."""

import pytest
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.models import Site

from prongsai.accounts.roles import Role
from prongsai.accounts.testing import give_role
from prongsai.accounts.tests.factories import UserFactory
from prongsai.accounts.validators import CONTEXT_WORDS_FILE, listed_context_words
from prongsai.core.models import AgencySettings

GOOD = "ฟ้าใส-Longer-Passphrase-2569"


@pytest.fixture
def agency(home_page):
    site = Site.objects.get(is_default_site=True)
    site.hostname = "www.ddc-example.go.th"
    site.site_name = "Khonkaen Health Portal"
    site.save()
    settings_row = AgencySettings.for_site(site)
    settings_row.name_th = "สำนักงานสาธารณสุขจังหวัดขอนแก่น"
    settings_row.name_en = "Khon Kaen Provincial Public Health Office"
    settings_row.main_domain = "www.kkpho.go.th"
    settings_row.save()
    return settings_row


@pytest.fixture
def account(db):
    return give_role(
        UserFactory(username="somchai.k", email="skittisak@example.go.th"), Role.DATA_OWNER
    )


def refusal(password, user=None) -> str | None:
    try:
        validate_password(password, user)
    except ValidationError as error:
        return " ".join(error.messages)
    return None


@pytest.mark.parametrize(
    "password",
    [
        "my-Prongsai-site-2569!",
        "Pr0ngs@i-is-my-home-77",
        "Wagtail-Editor-Blue-88",
        "the-Admin-of-the-hill-9",
        "ratchakan-forever-2569",
        "Rachakarn-Sunset-Tiger",
        "ราชการไทยมั่นคงตลอดไป",
        "Sawasdee-Morning-Tiger",
        "ฟหกดเ้่าสวงมากมาย99",
        "l;ylfu-morning-1234x",
        "zaq12wsx-winter-cloud",
    ],
)
def test_r41_listed_context_words_are_refused_in_thai(db, password):
    """Fails before this change: none of these was refused (12+ characters, not in the
    common-password list, not all digits)."""
    message = refusal(password)
    assert message is not None, password
    assert "คำที่เดาได้ง่าย" in message


@pytest.mark.parametrize(
    "password",
    [
        "go-KhonKaen-rainy-2569",  # a word of the English agency name
        "สำนักงานสาธารณสุขจังหวัดขอนแก่น1",  # the Thai agency name
        "blue-KKPHO-winter-sky",  # the main domain's label
        "my-ddc-example-rocks-9",  # the site's host name label
        "health-Portal-Tiger-42",  # a word of the site name
    ],
)
def test_r41_the_agencys_own_names_and_domains_are_refused(agency, password):
    message = refusal(password)
    assert message is not None, password
    assert "คำที่เดาได้ง่าย" in message


def test_r41_the_username_and_mail_name_inside_a_password_are_refused(account):
    assert refusal("Blue-somchai.k-Sky-2025", account) is not None
    assert refusal("zz-SKITTISAK-winter-01", account) is not None
    assert refusal(GOOD, account) is None


def test_r41_a_good_passphrase_passes_with_the_agency_in_place(agency, account):
    assert refusal(GOOD, account) is None


def test_r41_minimum_length_is_12_characters(db):
    """ASVS 6.2.1: 8 at least, 15 recommended; Prongsai requires 12."""
    assert "อย่างน้อย 12 ตัวอักษร" in refusal("Blue-Sky-91")  # 11
    assert refusal("Blue-Sky-912") is None  # 12


def test_r41_the_word_list_is_documented_and_used_by_the_settings():
    names = [entry["NAME"] for entry in settings.AUTH_PASSWORD_VALIDATORS]
    assert "prongsai.accounts.validators.ContextWordsValidator" in names
    text = CONTEXT_WORDS_FILE.read_text(encoding="utf-8")
    assert "ASVS 5.0 6.1.2" in text
    words = listed_context_words()
    assert {"prongsai", "wagtail", "admin", "ratchakan"} <= words
    assert all(len(word) >= 4 for word in words)


def test_r41_change_password_page_refuses_a_context_word_and_nothing_changes(client, account):
    client.force_login(account)
    response = client.post(
        reverse("prongsai_accounts:change_password"),
        {
            "current_password": "Correct-Horse-Battery-9",
            "new_password1": "Prongsai-Spring-Tiger-1",
            "new_password2": "Prongsai-Spring-Tiger-1",
        },
    )
    assert response.status_code == 200
    assert "คำที่เดาได้ง่าย" in response.content.decode()
    account.refresh_from_db()
    assert account.check_password("Correct-Horse-Battery-9")

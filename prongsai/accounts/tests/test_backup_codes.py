"""R41, ASVS 6.5.2: backup (recovery) codes are kept only as salted hashes, work once, and the
clear codes of before are hashed by a data migration (ADR 0255)."""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth.hashers import identify_hasher
from django.test import override_settings
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken

from prongsai.accounts.models import BackupCode, BackupCodeDevice
from prongsai.accounts.roles import Role
from prongsai.accounts.testing import give_role
from prongsai.accounts.tests.factories import UserFactory
from prongsai.accounts.two_factor import replace_backup_codes

VERIFY = reverse("prongsai_accounts:verify")

pytestmark = pytest.mark.usefixtures("require_2fa")


@pytest.fixture
def require_2fa():
    with override_settings(PRONGSAI_REQUIRE_2FA=True):
        yield


@pytest.fixture
def webmaster(db):
    return give_role(UserFactory(username="webmaster"), Role.WEBMASTER)


def test_r41_backup_codes_are_stored_as_salted_hashes_never_in_clear(webmaster):
    """Fails before this change: django-otp's StaticToken kept every code in clear."""
    codes = replace_backup_codes(webmaster)
    stored = list(
        BackupCode.objects.filter(device__user=webmaster).values_list("hashed", flat=True)
    )
    assert len(stored) == len(codes) == 10
    assert not StaticToken.objects.exists()
    for code, hashed in zip(codes, stored, strict=True):
        assert code not in hashed
        hasher = identify_hasher(hashed)  # a Django password hash, with its own salt
        assert hasher.decode(hashed)["salt"]
    assert len(set(stored)) == 10


def test_r41_the_same_code_hashes_differently_each_time(webmaster):
    """Per-code salt: equal codes of two people do not give equal hashes."""
    from django.contrib.auth.hashers import make_password

    assert make_password("abcd2345") != make_password("abcd2345")


def test_r41_a_hashed_backup_code_opens_the_session_once(client, webmaster):
    code = replace_backup_codes(webmaster)[3]
    client.force_login(webmaster)
    response = client.post(VERIFY, {"token": code.upper()})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200
    assert BackupCode.objects.filter(device__user=webmaster).count() == 9
    client.logout()
    client.force_login(webmaster)
    again = client.post(VERIFY, {"token": code})
    assert "รหัสยืนยันไม่ถูกต้อง" in again.content.decode()
    assert client.get("/admin/").status_code == 302


def test_r41_new_codes_replace_the_old_ones(client, webmaster):
    old = replace_backup_codes(webmaster)[0]
    replace_backup_codes(webmaster)
    client.force_login(webmaster)
    response = client.post(VERIFY, {"token": old})
    assert "รหัสยืนยันไม่ถูกต้อง" in response.content.decode()
    assert BackupCodeDevice.objects.filter(user=webmaster).count() == 1


def test_r41_data_migration_hashes_the_clear_codes_people_already_hold(client, webmaster):
    """Codes made before this change (in clear) keep working after the migration, and no clear
    code is left in the database."""
    device = StaticDevice.objects.create(user=webmaster, name="รหัสสำรอง", confirmed=True)
    StaticToken.objects.bulk_create(
        StaticToken(device=device, token=token) for token in ("aaaa2222", "bbbb3333")
    )
    migration = importlib.import_module("prongsai.accounts.migrations.0004_backup_codes_hashed")
    migration.hash_clear_backup_codes(apps, None)

    assert not StaticDevice.objects.exists()
    assert not StaticToken.objects.exists()
    hashes = BackupCode.objects.filter(device__user=webmaster).values_list("hashed", flat=True)
    assert len(hashes) == 2
    assert all("aaaa2222" not in hashed and "bbbb3333" not in hashed for hashed in hashes)
    client.force_login(webmaster)
    assert client.post(VERIFY, {"token": "bbbb3333"}).status_code == 302
    assert client.get("/admin/").status_code == 200

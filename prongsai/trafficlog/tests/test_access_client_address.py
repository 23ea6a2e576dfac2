"""R40: the access audit records the real client address behind our reverse proxy."""

from django.test import override_settings

from prongsai.accounts.tests.factories import UserFactory
from prongsai.trafficlog.services import record_access


@override_settings(TRUSTED_PROXIES=["127.0.0.1/32"])
def test_r40_access_audit_records_the_client_not_the_proxy(rf, db):
    """Fails before this change: it stored 127.0.0.1 (the proxy)."""
    request = rf.get("/admin/traffic/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9")
    request.user = UserFactory(username="coordinator-ip")
    access = record_access(request, action="search", outcome="denied")
    assert access.client_ip == "203.0.113.9"


@override_settings(TRUSTED_PROXIES=["127.0.0.1/32"])
def test_r40_a_forged_forwarded_header_from_outside_is_ignored(rf, db):
    request = rf.get("/admin/traffic/", REMOTE_ADDR="198.51.100.3", HTTP_X_FORWARDED_FOR="10.9.9.9")
    request.user = UserFactory(username="coordinator-ip2")
    access = record_access(request, action="search", outcome="denied")
    assert access.client_ip == "198.51.100.3"

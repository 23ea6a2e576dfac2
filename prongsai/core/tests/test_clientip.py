"""R40, R41: one client address for traffic data, visitor counts, rate limits and the lockout."""

import json

import pytest
from axes.models import AccessAttempt
from django.test import RequestFactory, override_settings
from django.urls import reverse
from django.utils import timezone

from prongsai.accounts.tests.factories import UserFactory
from prongsai.analytics.models import DailyVisitor
from prongsai.analytics.services import visitor_hash
from prongsai.analytics.tasks import count_new_visits
from prongsai.core.clientip import axes_client_ip, client_ip
from prongsai.feedback.ratelimit import client_key
from prongsai.trafficlog import chain, store
from prongsai.trafficlog.records import as_dict

PROXY_NETWORK = ["10.0.0.0/8"]
PROXY = "10.0.0.2"
VISITOR = "203.0.113.77"
FORGER = "198.51.100.23"
BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/140.0 Safari/537.36"
# The left-most entry is written by the client itself; the proxy appends the address it saw.
THROUGH_PROXY = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": f"1.2.3.4, {VISITOR}"}
FORGED = {"REMOTE_ADDR": FORGER, "HTTP_X_FORWARDED_FOR": VISITOR}


def request(**meta):
    return RequestFactory().get("/", **meta)


@override_settings(TRUSTED_PROXIES=PROXY_NETWORK)
def test_r40_r41_forged_x_forwarded_for_from_untrusted_peer_is_ignored():
    assert client_ip(request(**FORGED)) == FORGER
    assert axes_client_ip(request(**FORGED)) == FORGER


@override_settings(TRUSTED_PROXIES=PROXY_NETWORK)
def test_r40_r41_client_behind_trusted_proxy_is_used_and_its_own_entries_are_not():
    assert client_ip(request(**THROUGH_PROXY)) == VISITOR
    assert axes_client_ip(request(**THROUGH_PROXY)) == VISITOR
    # A chain of our own proxies is walked through to the first address none of them is.
    chained = request(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=f"{VISITOR}, 10.9.9.9")
    assert client_ip(chained) == VISITOR


def test_changed_trusted_proxies_setting_is_used_at_once():
    with override_settings(TRUSTED_PROXIES=PROXY_NETWORK):
        assert client_ip(request(**THROUGH_PROXY)) == VISITOR
    with override_settings(TRUSTED_PROXIES=[]):
        assert client_ip(request(**THROUGH_PROXY)) == PROXY


def test_r41_lockout_gets_no_address_rather_than_garbage():
    assert client_ip(request(REMOTE_ADDR="not-an-address")) == "not-an-address"
    assert axes_client_ip(request(REMOTE_ADDR="not-an-address")) is None


def _traffic_rows(directory) -> list[dict]:
    rows = []
    for info in store.list_segments(directory):
        with open(info.path, "rb") as handle:
            rows += [as_dict(json.loads(chain.body_of(line))) for line in list(handle)[1:]]
    return rows


@pytest.fixture
def traffic_dir(settings, tmp_path):
    settings.TRAFFIC_DIR = tmp_path / "traffic"
    yield settings.TRAFFIC_DIR
    store.process_writer().close()


def test_r40_r41_traffic_visitors_rate_limit_and_lockout_see_the_same_client(
    client, home_page, settings, traffic_dir, tmp_path
):
    settings.TRUSTED_PROXIES = PROXY_NETWORK
    settings.PRONGSAI_VISITS_DIR = tmp_path / "visits"
    UserFactory(username="target")

    # Traffic capture (R40) and visitor counting (R10) on one page view through the proxy.
    assert client.get("/", HTTP_USER_AGENT=BROWSER, **THROUGH_PROXY).status_code == 200
    assert [row["client_ip"] for row in _traffic_rows(traffic_dir)] == [VISITOR]
    count_new_visits.call()  # views are counted from the visits log by this job (ADR 0131)
    visitor = DailyVisitor.objects.get()
    assert visitor.visitor_hash == visitor_hash(timezone.localdate(), VISITOR, BROWSER)

    # The rate limiter (R9) keys the visitor, not the proxy, and not what a forger claims.
    assert client_key(request(**THROUGH_PROXY), "ask") == client_key(
        request(REMOTE_ADDR=VISITOR), "ask"
    )
    assert client_key(request(**FORGED), "ask") == client_key(request(REMOTE_ADDR=FORGER), "ask")
    assert client_key(request(**FORGED), "ask") != client_key(request(**THROUGH_PROXY), "ask")

    # The lockout (R41) counts the failure against the visitor's address.
    credentials = {"username": "target", "password": "wrong-password"}
    client.post(reverse("wagtailadmin_login"), credentials, **THROUGH_PROXY)
    client.post(reverse("wagtailadmin_login"), credentials, **FORGED)
    attempts = dict(AccessAttempt.objects.values_list("ip_address", "failures_since_start"))
    assert attempts == {VISITOR: 1, FORGER: 1}

"""Security headers on a public page, an admin page and an error page (issue 12 item 5,
ADR 0160): a script policy without 'unsafe-inline', every inline script of the admin carrying
the response's nonce, and a Permissions-Policy that denies the powerful features."""

import re

import pytest
from django.test import override_settings

from prongsai.accounts.tests.factories import UserFactory
from prongsai.core.csp import PERMISSIONS_POLICY

pytestmark = pytest.mark.django_db

DENIED = ("camera", "microphone", "geolocation", "payment", "usb", "serial", "midi")
_SCRIPT = re.compile(r"<script\b([^>]*)>", re.IGNORECASE)
_NONCE = re.compile(r"'nonce-([^']+)'")


def _directives(response):
    policy = response.headers["Content-Security-Policy"]
    return {
        part.split()[0]: part.split()[1:] for part in (p.strip() for p in policy.split(";")) if part
    }


def _assert_headers(response):
    directives = _directives(response)
    assert "'unsafe-inline'" not in directives["script-src"]
    assert "'unsafe-eval'" not in directives["script-src"]
    assert directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'self'"]
    permissions = response.headers["Permissions-Policy"]
    assert permissions == PERMISSIONS_POLICY
    for feature in DENIED:
        assert f"{feature}=()" in permissions
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert "Access-Control-Allow-Origin" not in response.headers


def _inline_scripts_without_the_nonce(response):
    html = response.content.decode()
    nonces = _NONCE.findall(response.headers["Content-Security-Policy"])
    missing = []
    for attrs in _SCRIPT.findall(html):
        if "src=" in attrs or re.search(r'type="(application/json|text/template)"', attrs):
            continue
        if not nonces or f'nonce="{nonces[0]}"' not in attrs:
            missing.append(attrs)
    return missing


def test_r42_public_page_headers(client, home_page):
    response = client.get(home_page.url)
    assert response.status_code == 200
    _assert_headers(response)
    assert _inline_scripts_without_the_nonce(response) == []


def test_r42_error_page_headers(client, home_page):
    response = client.get("/no-such-page-anywhere/")
    assert response.status_code == 404
    _assert_headers(response)


@override_settings(DEBUG=False, DEBUG_PROPAGATE_EXCEPTIONS=False)
def test_r42_server_error_page_headers(client, home_page, monkeypatch):
    from wagtail.models import Page

    def boom(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(Page, "serve", boom)
    client.raise_request_exception = False
    response = client.get(home_page.url)
    assert response.status_code == 500
    _assert_headers(response)


def test_r42_admin_page_editor_inline_scripts_carry_the_nonce(client, home_page):
    """Wagtail's date/time pickers and inline panels write inline scripts; each gets the nonce
    named in this response's header (failed before: the admin relied on 'unsafe-inline')."""
    from prongsai.sitepages.models import LinkIndexPage
    from prongsai.sitepages.tests.factories import add_page

    index = add_page(home_page, LinkIndexPage, title="เว็บลิงก์")
    client.force_login(UserFactory(username="csp-admin", is_superuser=True))
    response = client.get(f"/admin/pages/add/sitepages/linkcollectionpage/{index.pk}/")
    assert response.status_code == 200
    _assert_headers(response)
    assert _NONCE.search(response.headers["Content-Security-Policy"])
    assert _inline_scripts_without_the_nonce(response) == []
    assert response.content.decode().count("nonce=") >= 1


def test_r42_admin_login_page_headers(client, home_page):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    _assert_headers(response)
    assert _inline_scripts_without_the_nonce(response) == []

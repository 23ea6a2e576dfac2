"""Production settings: refuse to start without their required environment, and pass
`check --deploy` with nothing silenced (docs/deployment.md §6)."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
REQUIRED = {
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "www.example.go.th",
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/prongsai",
}


def _run(args, **env_overrides):
    env = {key: value for key, value in os.environ.items() if key not in REQUIRED}
    env.update({"DJANGO_SETTINGS_MODULE": "config.settings.production", **env_overrides})
    return subprocess.run(
        [sys.executable, *args], cwd=REPO, env=env, capture_output=True, text=True, timeout=120
    )


def test_r42_check_deploy_is_clean_with_nothing_silenced():
    """Failed before: security.W021 (HSTS preload) was silenced."""
    result = _run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], **REQUIRED)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)" in result.stdout

    silenced = _run(
        [
            "-c",
            "import django; django.setup(); from django.conf import settings; "
            "print(repr(settings.SILENCED_SYSTEM_CHECKS))",
        ],
        **REQUIRED,
    ).stdout.strip()
    assert silenced == "[]"


@pytest.mark.parametrize("missing", sorted(REQUIRED))
def test_production_refuses_to_start_without_required_variable(missing):
    present = {key: value for key, value in REQUIRED.items() if key != missing}
    result = _run(["-c", "import django; django.setup()"], **present)
    assert result.returncode != 0
    assert f"Environment variable {missing} is required" in result.stderr


def test_production_refuses_a_short_secret_key():
    result = _run(["-c", "import django; django.setup()"], **{**REQUIRED, "SECRET_KEY": "short"})
    assert result.returncode != 0
    assert "SECRET_KEY must be at least 50 random characters" in result.stderr


COOKIES_SCRIPT = """
import django
django.setup()
from django.contrib.sessions.middleware import SessionMiddleware
from django.http import HttpResponse
from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.test import RequestFactory, override_settings

def view(request):
    get_token(request)
    request.session["seen"] = 1
    return HttpResponse()

# A session engine that needs no database; the cookie is written the same way.
with override_settings(SESSION_ENGINE="django.contrib.sessions.backends.signed_cookies"):
    chain = SessionMiddleware(CsrfViewMiddleware(view))
    response = chain(RequestFactory().get("/", secure=True, HTTP_HOST="www.example.go.th"))
for morsel in response.cookies.values():
    print(morsel.OutputString())
"""


def test_r42_production_cookies_carry_the_host_prefix():
    """ASVS 3.3.3 (ADR 0256). Failed before: the cookies were plain `sessionid`/`csrftoken`.
    A `__Host-` cookie is kept by browsers only when Secure, Path=/ and without Domain."""
    result = _run(["-c", COOKIES_SCRIPT], **REQUIRED)
    assert result.returncode == 0, result.stderr
    cookies = {line.split("=", 1)[0]: line for line in result.stdout.split("\n") if line}
    assert set(cookies) == {"__Host-sessionid", "__Host-csrftoken"}
    for line in cookies.values():
        attributes = [part.strip().lower() for part in line.split(";")[1:]]
        assert "secure" in attributes
        assert "path=/" in attributes
        assert not any(part.startswith("domain") for part in attributes)
    assert "httponly" in cookies["__Host-sessionid"].lower()
    assert "samesite=lax" in cookies["__Host-sessionid"].lower()

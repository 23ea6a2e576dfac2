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

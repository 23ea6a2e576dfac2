"""The nginx site in deploy/ is valid for nginx, and never serves private files (R41)."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
TEMPLATE = REPO / "deploy" / "nginx" / "prongsai.conf.in"


def render(template: Path, values: dict[str, str]) -> str:
    args = [sys.executable, str(REPO / "deploy" / "render.py"), str(template)]
    args += [f"{key}={value}" for key, value in values.items()]
    result = subprocess.run(args, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    return result.stdout


def site_values(tmp_path: Path) -> dict[str, str]:
    return {
        "SERVER_NAME": "www.example.go.th",
        "HTTP_LISTEN": "127.0.0.1:8175",
        "HTTPS_LISTEN": "127.0.0.1:8176",
        "HTTPS_PORT_SUFFIX": "",
        "PURGE_LISTEN": "127.0.0.1:8177",
        "UPSTREAM": "127.0.0.1:8107",
        "TLS_CERT": str(tmp_path / "cert.pem"),
        "TLS_KEY": str(tmp_path / "key.pem"),
        "STATIC_ROOT": "/var/lib/prongsai/static",
        "MEDIA_ROOT": "/var/lib/prongsai/media",
        "CACHE_DIR": str(tmp_path / "cache"),
        "CACHE_MAX_SIZE": "64m",
        "LOG_DIR": str(tmp_path / "log"),
    }


def test_r41_media_is_never_aliased_as_a_whole_only_public_images():
    text = TEMPLATE.read_text()
    aliases = re.findall(r"alias @@MEDIA_ROOT@@(\S*);", text)
    assert aliases == ["/images/", "/original_images/"]
    assert re.search(r"location /media/ \{\s*return 404;", text)


def test_render_refuses_a_missing_value(tmp_path):
    values = site_values(tmp_path)
    del values["TLS_KEY"]
    args = [sys.executable, str(REPO / "deploy" / "render.py"), str(TEMPLATE)]
    args += [f"{key}={value}" for key, value in values.items()]
    result = subprocess.run(args, capture_output=True, text=True, check=False)
    assert result.returncode != 0 and "TLS_KEY" in result.stderr


def test_the_rendered_site_passes_nginx_t(tmp_path):
    """Needs Debian's nginx-light and libnginx-mod-http-cache-purge (deploy/stack.sh installs
    them)."""
    assert shutil.which("nginx"), "install nginx-light and libnginx-mod-http-cache-purge"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=www.example.go.th", "-keyout", str(tmp_path / "key.pem"),
         "-out", str(tmp_path / "cert.pem")],
        capture_output=True, check=True,
    )  # fmt: skip
    for folder in ("log", "cache", "nginx/tmp", "run"):
        (tmp_path / folder).mkdir(parents=True, exist_ok=True)
    (tmp_path / "nginx" / "prongsai.conf").write_text(render(TEMPLATE, site_values(tmp_path)))
    main = render(
        REPO / "deploy" / "nginx" / "stack-main.conf.in",
        {"STACK_DIR": str(tmp_path), "USER_DIRECTIVE": ""},
    )
    (tmp_path / "nginx" / "nginx.conf").write_text(main)
    result = subprocess.run(
        ["nginx", "-t", "-q", "-p", str(tmp_path / "nginx"), "-c", str(tmp_path / "nginx/nginx.conf"),
         "-e", str(tmp_path / "log" / "error.log")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr

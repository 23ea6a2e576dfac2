"""R40: the shipped nginx site logs what the ingest needs, the client port included.

A real nginx (Debian's nginx-light, ``make system-deps``) runs the ``log_format`` and headers
of the shipped nginx site (deploy/nginx/prongsai.conf.in, which docs/deployment.md points at); its own log line is ingested and must carry the source port the
client really used. The guide had no ``log_format`` at all, so every nginx record had no port.
"""

import http.client
import re
import socket
import subprocess
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from prongsai.trafficlog.nginx import ingest_files
from prongsai.trafficlog.selectors import Query, search

REPO = Path(__file__).resolve().parents[3]
DOCS = REPO / "docs"
NGINX_SITE = REPO / "deploy" / "nginx" / "prongsai.conf.in"
NGINX = "/usr/sbin/nginx"


def _nginx_blocks(name: str) -> str:
    return "\n".join(re.findall(r"```nginx\n(.*?)```", (DOCS / name).read_text(), re.S))


def _log_format(text: str) -> str:
    match = re.search(r"(log_format prongsai .*?;)", text, re.S)
    assert match, "no `log_format prongsai` in the guide"
    return match.group(1)


def test_r40_shipped_nginx_site_and_traffic_guide_give_the_same_nginx_format_and_headers():
    deployment = NGINX_SITE.read_text()
    assert _log_format(deployment) == _log_format(_nginx_blocks("traffic-data.md"))
    assert "$remote_port" in _log_format(deployment)
    assert re.search(r"access_log \S+ prongsai;", deployment)
    assert "proxy_set_header X-Client-Port $remote_port;" in deployment
    assert "proxy_set_header X-Request-ID $request_id;" in deployment


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.django_db
def test_r40_a_real_nginx_line_in_the_documented_format_records_the_client_port(tmp_path):
    port = _free_port()
    log = tmp_path / "access.log"
    (tmp_path / "nginx.conf").write_text(
        f"""
pid {tmp_path}/nginx.pid;
error_log {tmp_path}/error.log;
events {{}}
http {{
    {_log_format(NGINX_SITE.read_text())}
    access_log {log} prongsai;
    client_body_temp_path {tmp_path}/body;
    proxy_temp_path {tmp_path}/proxy;
    fastcgi_temp_path {tmp_path}/fastcgi;
    uwsgi_temp_path {tmp_path}/uwsgi;
    scgi_temp_path {tmp_path}/scgi;
    server {{
        listen 127.0.0.1:{port};
        location / {{ return 200 "ok"; }}
    }}
}}
"""
    )
    server = subprocess.Popen([NGINX, "-p", str(tmp_path), "-c", "nginx.conf", "-g", "daemon off;"])
    try:
        for _attempt in range(100):
            try:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                connection.connect()
                break
            except OSError:
                time.sleep(0.05)
        source_port = connection.sock.getsockname()[1]
        connection.request("GET", "/news/?page=2", headers={"Host": "www.example.go.th"})
        assert connection.getresponse().status == 200
        connection.close()
        for _attempt in range(100):
            if log.exists() and log.read_bytes().endswith(b"\n"):
                break
            time.sleep(0.05)
    finally:
        server.terminate()
        server.wait(timeout=10)
    summary = ingest_files([log])
    assert summary.ingested == 1 and not summary.malformed
    now = timezone.localtime()
    found, _segments = search(Query(now - timedelta(hours=1), now + timedelta(hours=1)))
    (record,) = found
    assert record.values["client_port"] == source_port
    assert record.values["host"] == "www.example.go.th"
    assert record.values["path"] == "/news/?page=2"

"""Serve the demo site, with the background worker and scheduler in the same process."""

import re
from urllib.parse import urlsplit

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.core.management.commands.runserver import naiveip_re

DEFAULT_ADDR = "127.0.0.1"
DEFAULT_PORT = "8000"


def demo_url(addrport: str) -> str:
    """The address runserver will really listen on, as a browser would type it.

    Parsed with runserver's own pattern, so "8005" is http://127.0.0.1:8005/ (not
    http://8005/) and an IPv6 address keeps its brackets.
    """
    match = re.match(naiveip_re, addrport or f"{DEFAULT_ADDR}:{DEFAULT_PORT}")
    if match is None:
        raise CommandError(f"ที่อยู่ไม่ถูกต้อง: {addrport!r} (ตัวอย่าง 127.0.0.1:8000 หรือ 8000)")
    addr, ipv4, ipv6, fqdn, port = match.groups()
    if not port.isdigit():
        raise CommandError(f"หมายเลขพอร์ตไม่ถูกต้อง: {port!r}")
    host = addr or DEFAULT_ADDR  # runserver's pattern keeps an IPv6 address's brackets
    if host in ("0.0.0.0", "[::]"):  # noqa: S104 - printed, not bound here
        # Listening on every interface: the address to type on this machine is loopback.
        host = "127.0.0.1" if host == "0.0.0.0" else "[::1]"  # noqa: S104
    return f"http://{host}:{port}/"


def point_demo_at(url: str) -> None:
    """Make every absolute address the demo prints its own.

    Public links in sitemaps, feeds, evidence PDFs and exports come from the default Site's root
    URL; staff links in e-mails from WAGTAILADMIN_BASE_URL. The demo content says "localhost", and
    the demo may serve on any address (DEMO_ADDR), so both follow the address served here. The
    setting is changed in this process only, which is also where the demo's worker runs.
    """
    from django.conf import settings
    from wagtail.models import Site

    parts = urlsplit(url)
    host = parts.netloc.rsplit(":", 1)[0] if parts.port else parts.netloc  # keeps [::1]
    Site.objects.filter(is_default_site=True).update(hostname=host, port=parts.port or 80)
    settings.WAGTAILADMIN_BASE_URL = url.rstrip("/")


class Command(BaseCommand):
    help = "เปิดเว็บไซต์ตัวอย่างพร้อมงานเบื้องหลัง (worker และ scheduler) ในโปรเซสเดียว"

    def add_arguments(self, parser):
        parser.add_argument("addrport", nargs="?", default=f"{DEFAULT_ADDR}:{DEFAULT_PORT}")

    def handle(self, *args, addrport, **options):
        url = demo_url(addrport)
        point_demo_at(url)
        # Apps that need background threads in the demo expose `demo_background.start()`.
        from prongsai.core.appmodules import app_modules

        for module in app_modules("demo_background"):
            module.start(self.stdout)
        self.stdout.write(f"Prongsai demo: {url}  (ระบบหลังบ้าน / admin: {url}admin/)")
        call_command("runserver", addrport, use_reloader=False)

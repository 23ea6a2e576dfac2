"""Checking the agencies' websites themselves (R36): do the reported URLs answer, and are they
on the agency's own domain? For agencies running Prongsai, their public OIT export is read too.

Polite and bounded: at most ``MAX_URLS`` addresses per submission, ``TIMEOUT`` seconds each,
no more than ``MAX_BYTES`` read from any answer, a short pause between requests to one host,
and an honest User-Agent.
"""

import csv
import http.client
import io
import time
from urllib.parse import urlsplit

from django.db import transaction
from django.utils import timezone

from prongsai.core import outbound

from .models import LinkCheck, Submission

MAX_URLS = 50
TIMEOUT = 5
MAX_BYTES = 512 * 1024
HOST_DELAY = 0.2
USER_AGENT = "Prongsai-parentbody-check/1 (+link check of reported pages)"


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


def on_domain(url: str, website: str) -> bool:
    """The URL's host is the agency's website host or one of its sub-domains (port ignored)."""
    host, own = _host(url), _host(website)
    if not host or not own:
        return False
    own = own.removeprefix("www.")
    return host == own or host.endswith("." + own) or host == "www." + own


def _fetch(url: str) -> tuple[int | None, bytes, str]:
    """(status, first bytes, error). Never raises for network trouble.

    Through the outbound guard (ADR 0250): a member agency's URL that points inside our
    network (loopback, private, link-local, ...) at any redirect hop is not requested.
    """
    try:
        answer = outbound.fetch(
            url,
            headers={"User-Agent": USER_AGENT},
            timeout=TIMEOUT,
            total_seconds=2 * TIMEOUT,
            max_bytes=MAX_BYTES,
        )
    except outbound.OutboundRefused as refused:
        return None, b"", "internal-address" if refused.reason == "address" else refused.reason
    except (OSError, ValueError, http.client.HTTPException) as error:
        return None, b"", type(error).__name__
    return answer.status, answer.body[:MAX_BYTES], ""


def oit_urls(agency) -> list[str]:
    """The evidence URLs in the agency's public OIT export (a Prongsai site's /oit/<slug>/)."""
    if not (agency.runs_prongsai and agency.oit_slug and agency.website):
        return []
    status, body, _error = _fetch(f"{agency.website.rstrip('/')}/oit/{agency.oit_slug}/export.csv")
    if status != 200:
        return []
    text = body.decode("utf-8-sig", errors="replace")
    urls = []
    for row in list(csv.reader(io.StringIO(text)))[1:]:
        if len(row) > 4:
            urls += [u.strip() for u in row[4].splitlines() if u.strip()]
    return urls


def check_submission(submission: Submission) -> list[LinkCheck]:
    agency = submission.agency
    targets = [(url, "reported") for url in submission.reported_urls()]
    targets += [(url, "oit") for url in oit_urls(agency) if url not in dict(targets)]
    results, last_by_host = [], {}
    for url, source in targets[:MAX_URLS]:
        host = _host(url)
        wait = HOST_DELAY - (time.monotonic() - last_by_host.get(host, 0))
        if wait > 0:
            time.sleep(wait)
        status, _body, error = _fetch(url)
        last_by_host[host] = time.monotonic()
        results.append(
            LinkCheck(
                submission=submission,
                url=url[:2000],
                source=source,
                on_own_domain=on_domain(url, agency.website),
                status_code=status,
                ok=status is not None and 200 <= status < 400,
                error=error,
                checked_at=timezone.now(),
            )
        )
    with transaction.atomic():
        LinkCheck.objects.filter(submission=submission).delete()
        LinkCheck.objects.bulk_create(results)
    return results

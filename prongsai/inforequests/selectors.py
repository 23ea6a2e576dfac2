"""Reads of information requests (R16)."""

from django.utils import timezone

from .models import InfoRequest


def find_for_tracking(reference: str, token: str) -> InfoRequest | None:
    """The request only for its reference and its secret token together: a guessed or mistyped
    reference gives nothing, and the answer does not tell whether the number exists."""
    info_request = InfoRequest.objects.filter(reference=reference).first()
    if info_request is None or not _same(info_request.tracking_token, token):
        return None
    return info_request


def _same(expected: str, given: str) -> bool:
    import hmac

    return hmac.compare_digest(expected.encode(), (given or "").encode())


def queue(status: str = "", overdue_only: bool = False):
    queryset = InfoRequest.objects.all()
    if status:
        queryset = queryset.filter(status=status)
    if overdue_only:
        queryset = queryset.filter(status__in=InfoRequest.OPEN, due_date__lt=timezone.localdate())
    return queryset


def overdue_count() -> int:
    return queue(overdue_only=True).count()

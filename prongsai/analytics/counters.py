"""Lossless counters shared by many worker processes (see docs/adr/0050-visitor-counting.md).

``UPDATE … SET n = n + 1`` is atomic in both SQLite and PostgreSQL. When the row does not
exist yet, two processes may both try to create it: the loser gets an IntegrityError and
retries, and its retry is an UPDATE that now finds the row. SQLite may also answer
"database is locked" under write contention; that is retried with a short back-off.
"""

import random
import time

from django.db import IntegrityError, OperationalError, transaction
from django.db.models import F

ATTEMPTS = 12


def increment(model, lookup: dict, *, field: str = "views", by: int = 1, defaults=None) -> None:
    for attempt in range(ATTEMPTS):
        try:
            with transaction.atomic():
                if model.objects.filter(**lookup).update(**{field: F(field) + by}):
                    return
                model.objects.create(**lookup, **(defaults or {}), **{field: by})
                return
        except IntegrityError:
            continue
        except OperationalError:
            if attempt == ATTEMPTS - 1:
                raise
            time.sleep(0.005 * (attempt + 1) + random.random() * 0.01)  # noqa: S311
    raise IntegrityError(f"could not increment {model.__name__} {lookup}")


def insert_once(model, **fields) -> bool:
    """Create the row unless it exists; True when this call created it."""
    if model.objects.filter(**fields).exists():
        return False
    for attempt in range(ATTEMPTS):
        try:
            with transaction.atomic():
                model.objects.create(**fields)
            return True
        except IntegrityError:
            return False
        except OperationalError:
            if attempt == ATTEMPTS - 1:
                raise
            time.sleep(0.005 * (attempt + 1) + random.random() * 0.01)  # noqa: S311
    return False


def bump(model, lookup: dict, *, defaults=None, **amounts) -> None:
    """Add ``amounts`` to a row inside the caller's transaction, creating it if needed.

    The caller retries the whole transaction on OperationalError (SQLite busy)."""
    increments = {field: F(field) + by for field, by in amounts.items() if by}
    if not increments:
        return
    if model.objects.filter(**lookup).update(**increments):
        return
    try:
        with transaction.atomic():
            model.objects.create(**lookup, **(defaults or {}), **amounts)
    except IntegrityError:
        # Another process created the row between our UPDATE and INSERT; it exists now.
        model.objects.filter(**lookup).update(**increments)


def create_if_missing(model, **fields) -> bool:
    """Inside the caller's transaction: True when this call created the row."""
    if model.objects.filter(**fields).exists():
        return False
    try:
        with transaction.atomic():
            model.objects.create(**fields)
    except IntegrityError:
        return False
    return True


def retry_transaction(work) -> None:
    """Run ``work`` in one transaction (one commit), retrying when SQLite reports busy."""
    for attempt in range(ATTEMPTS):
        try:
            with transaction.atomic():
                work()
            return
        except OperationalError:
            if attempt == ATTEMPTS - 1:
                raise
            time.sleep(0.005 * (attempt + 1) + random.random() * 0.01)  # noqa: S311

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

"""Re-indexing in small batches so the site keeps serving (ADR 0063).

No global lock and no index-wide transaction: each batch of objects is written in its own short
transaction (Wagtail's per-row upsert), so searches keep answering from the rows already there
and editors keep saving pages. Stale rows are deleted per model at the end.
"""

import time
from collections.abc import Callable, Iterator

from django.db import transaction
from modelsearch.backends import get_search_backend
from modelsearch.index import get_indexed_models

DEFAULT_BATCH_SIZE = 200

Progress = Callable[[str, int, int], None]


def _batches(queryset, size: int) -> Iterator[list]:
    """Objects in primary-key order, ``size`` at a time, without holding a cursor open."""
    last_pk = None
    while True:
        batch_qs = queryset.order_by("pk")
        if last_pk is not None:
            batch_qs = batch_qs.filter(pk__gt=last_pk)
        batch = list(batch_qs[:size])
        if not batch:
            return
        yield batch
        last_pk = batch[-1].pk


def reindex_all(
    backend=None, *, batch_size: int = DEFAULT_BATCH_SIZE, progress: Progress | None = None
) -> dict:
    """Index every indexed object again with ``backend`` (default: the configured one).

    Returns counts and the throughput in items per second.
    """
    backend = backend or get_search_backend()
    started = time.perf_counter()
    total = 0
    models = list(get_indexed_models())
    index = None
    for model in models:
        index = backend.get_index_for_model(model)
        queryset = model.get_indexed_objects()
        count = queryset.count()
        done = 0
        if progress:
            progress(model._meta.label, done, count)
        for batch in _batches(queryset, batch_size):
            with transaction.atomic():
                index.add_items(model, batch)
            done += len(batch)
            total += len(batch)
            if progress:
                progress(model._meta.label, done, count)
    for model in models:
        index = backend.get_index_for_model(model)
        if not model._meta.parents and hasattr(index, "delete_stale_model_entries"):
            index.delete_stale_model_entries(model)
    if index is not None and hasattr(index, "_refresh_title_norms"):
        index._refresh_title_norms(full=True)
    elapsed = time.perf_counter() - started
    return {
        "items": total,
        "seconds": elapsed,
        "items_per_second": total / elapsed if elapsed else 0,
    }

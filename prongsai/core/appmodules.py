"""Find the optional module of the same name in every Prongsai app (demo, dailychecks, tasks…).

This is how apps contribute to shared features without the core importing them.
"""

import importlib
from collections.abc import Iterator
from types import ModuleType

from django.conf import settings


def app_modules(name: str) -> Iterator[ModuleType]:
    """Yield ``<app>.<name>`` for each app in PRONGSAI_APPS order that has it.

    A module that exists but fails to import raises: only a missing module is skipped.
    """
    for app in settings.PRONGSAI_APPS:
        dotted = f"{app}.{name}"
        try:
            yield importlib.import_module(dotted)
        except ModuleNotFoundError as exc:
            if exc.name != dotted:
                raise

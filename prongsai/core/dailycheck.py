"""The registry of automatic checks shown on the webmasters' daily check (R32).

Any app contributes a check without the monitoring app importing it:

    from prongsai.core.dailycheck import Finding, register

    @register("verbal-approvals", title="อนุมัติด้วยวาจารอการยืนยัน")
    def unconfirmed_verbal_approvals(*, today) -> list[Finding]:
        ...

Modules named ``dailychecks`` in each Prongsai app are imported by ``autodiscover()``.
"""

import dataclasses
from collections.abc import Callable

from prongsai.core.appmodules import app_modules


@dataclasses.dataclass(frozen=True)
class Finding:
    summary: str
    detail: str = ""
    url: str = ""
    severity: str = "error"  # "error" or "warning"


@dataclasses.dataclass(frozen=True)
class Check:
    key: str
    title: str
    run: Callable[..., list[Finding]]


_REGISTRY: dict[str, Check] = {}


def register(key: str, *, title: str):
    def decorator(func):
        _REGISTRY[key] = Check(key=key, title=title, run=func)
        return func

    return decorator


def autodiscover() -> None:
    for _module in app_modules("dailychecks"):
        pass  # importing registers the app's checks


def registered_checks() -> list[Check]:
    autodiscover()
    return list(_REGISTRY.values())

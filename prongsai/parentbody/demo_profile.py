"""``make demo PROFILE=phang-nga``: the province's collection comes with its agencies, a round
with its deadlines and submissions in every state (R64), as in the default demo."""

from . import demo

#: Profiles of parent bodies whose guideline has agencies reporting to them (seed 004).
PARENT_BODY_PROFILES = {"phang-nga"}


def load(name: str, stdout) -> list[tuple[str, str, str]]:
    if name not in PARENT_BODY_PROFILES:
        return []
    return demo.load(stdout) or []

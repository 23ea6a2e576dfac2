"""Settings of the two real sites in the parent-body walk (``e2e/twosites.py``).

They are the test settings, but the sites reach each other on loopback, which the outbound
guard refuses by default (ADR 0250); only this walk lists loopback as allowed.
"""

from config.settings.test import *  # noqa: F403

PRONGSAI_OUTBOUND_ALLOWED_NETWORKS = ["127.0.0.0/8"]

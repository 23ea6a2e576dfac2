"""Signals other apps may listen to without trafficlog importing them."""

from django.dispatch import Signal

# Sent when a request was refused because its traffic record could not be stored (the disk is
# full, the folder unwritable). Arguments: ``error`` (the OSError's text). The operations app
# counts them for the daily check: the refusals stop once space is back, the check remembers.
write_failed = Signal()

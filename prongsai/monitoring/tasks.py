"""Loaded by `manage.py crontask` (it imports each app's ``tasks`` module); the jobs live in jobs.py."""

from .jobs import *  # noqa: F403

"""`make demo`: the development settings run like production (DEBUG off).

A newcomer sees what an agency's visitors see: the Thai 404 and 500 pages, never Django's
debug page or its list of URLs. WhiteNoise serves the collected static files (as in
production); uploaded images are served by Django because the demo has no nginx in front
(docs/adr/0111).
"""

from .dev import *  # noqa: F403

DEBUG = False
PRONGSAI_DEMO_SERVE_MEDIA = True

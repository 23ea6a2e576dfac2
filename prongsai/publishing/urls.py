"""Public URLs. Not namespaced: the serve pattern below must answer to Wagtail's own name.

Pages created from publish requests have readable Thai slugs that keep vowel and tone marks
(``prongsai.core.text.thai_slugify``). Wagtail's serve pattern accepts only ``\\w``, which
excludes those marks, so the page would neither get a URL nor be served. This pattern is
Wagtail's, widened to the Thai block; it is included before Wagtail's and both carry the name
``wagtail_serve``, so ``reverse()`` uses whichever matches. It only matches paths that contain
a Thai mark (which Wagtail's pattern refuses), so it never shadows the other apps' URLs
included after this one. The lead may move it to config/urls.py.
"""

from django.urls import path, re_path
from wagtail import views
from wagtail.coreutils import WAGTAIL_APPEND_SLASH

from .views import attachment_download

_SEGMENT = r"[\w\-\u0e00-\u0e7f]"
_HAS_THAI_MARK = r"(?=.*[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e])"
serve_pattern = (
    rf"^{_HAS_THAI_MARK}((?:{_SEGMENT}+/)*)$"
    if WAGTAIL_APPEND_SLASH
    else rf"^{_HAS_THAI_MARK}((?:{_SEGMENT}|/)*)$"
)

urlpatterns = [
    # Outside /admin/ so that a visitor who may not see the request gets a plain 404 (not a
    # sign-in page that would confirm the file exists).
    path("publish-requests/files/<int:pk>/", attachment_download, name="publishing_attachment"),
    re_path(serve_pattern, views.serve, name="wagtail_serve"),
]

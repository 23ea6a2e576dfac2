"""Staff guides from docs/ shown inside the admin's help menu (R44).

Only the guides in GUIDES are served: a slug is looked up here, never joined onto a path, so
no other file can be read. The Markdown is rendered by markdown-it-py with raw HTML turned
off (any HTML in a guide is shown as text) and its own link check (no javascript: links).
"""

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _
from markdown_it import MarkdownIt


@dataclass(frozen=True)
class Guide:
    slug: str
    filename: str
    title: str

    @property
    def path(self) -> Path:
        return Path(settings.BASE_DIR) / "docs" / self.filename


#: The allow-list, in menu order.
GUIDES = [
    Guide("publishing", "publishing.md", _("คู่มือการขอเผยแพร่ข้อมูล")),
    Guide("monitoring", "monitoring.md", _("คู่มือการตรวจเว็บไซต์และรอบทบทวนเนื้อหา")),
    Guide("compliance", "compliance.md", _("คู่มือความครบถ้วนตามมาตรฐานและ ITA/OIT")),
    Guide("staff-accounts", "staff-accounts.md", _("คู่มือบัญชีเจ้าหน้าที่และการเข้าสู่ระบบ")),
    Guide("feedback", "feedback.md", _("คู่มือแบบประเมินและกระดานถาม-ตอบ")),
    Guide("information-requests", "information-requests.md", _("คู่มือคำขอข้อมูลข่าวสาร")),
    Guide("traffic-data", "traffic-data.md", _("คู่มือข้อมูลจราจรทางคอมพิวเตอร์")),
    Guide("analytics", "analytics.md", _("คู่มือสถิติผู้เข้าชม")),
    Guide("agency-policy", "agency-policy.md", _("คู่มือนโยบายเว็บไซต์ของหน่วยงาน")),
    Guide("parent-body", "parent-body.md", _("คู่มือการรับรายงานจากหน่วยงานในสังกัด")),
]
GUIDES_BY_SLUG = {guide.slug: guide for guide in GUIDES}
_BY_FILENAME = {guide.filename: guide for guide in GUIDES}


def _markdown() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")

    def link_open(renderer, tokens, idx, options, env):
        # A link to another guide in the allow-list opens that guide in the admin.
        href = tokens[idx].attrGet("href") or ""
        target, _sep, anchor = href.partition("#")
        if target in _BY_FILENAME:
            url = env["guide_url"](_BY_FILENAME[target].slug)
            tokens[idx].attrSet("href", f"{url}#{anchor}" if anchor else url)
        return renderer.renderToken(tokens, idx, options, env)

    md.add_render_rule("link_open", link_open)
    return md


@lru_cache(maxsize=32)
def _render(slug: str, mtime_ns: int, guide_url_prefix: str) -> str:
    guide = GUIDES_BY_SLUG[slug]
    env = {"guide_url": lambda other: f"{guide_url_prefix}{other}/"}
    md = _markdown()
    tokens = md.parse(guide.path.read_text(encoding="utf-8"), env)
    # The admin's header is the page's one <h1>; the guide's headings sit one level below it.
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            token.tag = f"h{min(int(token.tag[1]) + 1, 6)}"
    return md.renderer.render(tokens, md.options, env)


def render_guide(guide: Guide, guide_url_prefix: str) -> SafeString:
    """The guide as HTML; re-rendered when its file changes."""
    html = _render(guide.slug, guide.path.stat().st_mtime_ns, guide_url_prefix)
    # Safe: markdown-it escaped every character of the source that is not Markdown syntax.
    return mark_safe(html)  # noqa: S308

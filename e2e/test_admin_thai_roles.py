"""The back office in Thai for every demo role (ADR 0335), in a real browser.

One sign-in per role; each walks the screens that role uses at 1440 px (a few at 360 px too),
including the editor's status panel, schedule and privacy dialogs and a validation error.
A screen fails on any of the English strings Prongsai's catalogues translate (found in
``inner_text``, which is what a sighted reader sees, screen-reader-only text included) and
on Wagtail's known bad Thai. Screenshots: test-artifacts/screenshots/admin-roles-*.
"""

import re

import pytest

from .conftest import screenshot, signed_in

pytestmark = pytest.mark.browser

#: Wagtail and Django strings our catalogues translate, as they read untranslated, plus the
#: known bad Thai of Wagtail's own catalogue. Any of them on a screen is a regression.
ENGLISH = [
    "new item in this menu",
    "new items in this menu",
    "Select an option",
    "Workflow history",
    "Workflow progress",
    "Workflow states",
    "Task states",
    "Task submitted by",
    "Task started",
    "Incomplete task",
    "Privacy and access",
    "By workflow",
    "Completed at",
    "Page types usage",
    "Last edited page",
    "Initial Revision",
    "Timeline",
    "Edit / Review",
    "Requested by",
    "Started at",
    "started. Next step",
    "Approved at",
    "Rejected",
    "Unpublished scheduled draft",
    "In Moderation",
    "Locked by workflow",
    "Submitted",
    "See full history",
    "Only reviewers",
    "awaiting moderation",
    "View details",
    "has unsaved changes",
    "Autosave is",
    "validation errors",
    "Save schedule",
    "should go live",
    "Schedule to publish",
    "Choose who can view",
    "Private, accessible",
    "There are no",
    "Why not add one",
    "Give your workflow a name",
    "Add tasks to your workflow",
    "Assign your workflow",
    "Choose which type of task",
    "Members of the chosen",
    "Toggle all",
    "View users in this group",
    "Collection management permissions",
    "Add a collection permission",
    "Can access Wagtail admin",
    "Admin theme",
    "Contrast",
    "Density",
    "Locale",
    "GMT",
    "ago",
    "from now",
    "Page explorer",
    "Toggle sidebar",
    "Main menu",
]
ENGLISH_RE = re.compile(r"(?<![A-Za-z])(" + "|".join(map(re.escape, ENGLISH)) + r")(?![A-Za-z])")
#: A table cell or label that is a Python value printed as it is, or a listing's count in
#: English ("1 item" above a report without a model).
RAW_VALUE_RE = re.compile(r"^(True|False|None)$|\b\d+ items?\b", re.MULTILINE)
KNOWN_BAD = ["หลายหน้า", "เว็บไซด์", "เรีบยร้อย", "ที่ผ่านมา", "ลงชื่อเข้าใช้ในWagtail", "แผงควบคุม , "]


def english_on(page) -> list[str]:
    text = page.inner_text("body")
    found = ENGLISH_RE.findall(text) + [m.group(0) for m in RAW_VALUE_RE.finditer(text)]
    return sorted(set(found + [bad for bad in KNOWN_BAD if bad in text]))


def _ids():
    """Objects of the demo each walk opens, found by what they are, not by number."""
    from django.contrib.auth.models import Group
    from wagtail.models import Page, WorkflowState

    from prongsai.accounts.roles import Role

    moderated = WorkflowState.objects.filter(status="in_progress").first()
    finished = WorkflowState.objects.exclude(status__in=["in_progress", "needs_changes"]).first()
    in_workflow = {int(state.object_id) for state in WorkflowState.objects.all()}
    home = Page.objects.get(depth=2)
    plain = Page.objects.filter(depth=4, live=True).exclude(pk__in=in_workflow).first()
    return {
        "home": home.pk,
        "news": Page.objects.get(slug="news").pk,
        "moderated": int(moderated.object_id),
        "plain": plain.pk,
        "history": f"{finished.object_id}/workflow_history/detail/{finished.pk}",
        "webmasters": Group.objects.get(name=Role.WEBMASTER.value).pk,
    }


def walks(ids):
    common = ["/admin/", "/admin/account/", "/admin/accounts/two-factor/", "/admin/pages/"]
    return {
        "owner": [
            *common,
            f"/admin/pages/{ids['moderated']}/edit/",
            f"/admin/pages/{ids['moderated']}/workflow_history/",
            "/admin/publish-requests/",
            "/admin/publish-requests/new/",
            "/admin/reports/site-history/",
        ],
        "approver": [*common, "/admin/publish-requests/", f"/admin/pages/{ids['news']}/"],
        "publisher": [*common, "/admin/publish-requests/", "/admin/documents/", "/admin/images/"],
        "webmaster1": [
            *common,
            f"/admin/pages/{ids['news']}/",
            f"/admin/pages/{ids['plain']}/edit/",
            "/admin/documents/",
            "/admin/images/",
            "/admin/redirects/add/",
            "/admin/reports/workflow/",
            "/admin/reports/workflow_tasks/",
            "/admin/reports/aging-pages/",
            "/admin/reports/page-types-usage/",
            "/admin/monitoring/reports/stale-content/",
            "/admin/help/publishing/",
        ],
        "admin": [
            "/admin/",
            f"/admin/pages/{ids['history']}/",
            "/admin/workflows/list/",
            "/admin/workflows/add/",
            "/admin/workflows/tasks/index/",
            "/admin/workflows/tasks/select_type/",
            f"/admin/groups/edit/{ids['webmasters']}/",
            "/admin/users/",
            "/admin/snippets/publishing/agencyholiday/",
            "/admin/reports/locked/",
        ],
        "coordinator": ["/admin/", "/admin/accounts/two-factor/", "/admin/accounts/sessions/"],
        "qa_moderator": ["/admin/", "/admin/feedback/questions/"],
        "province": ["/admin/", "/admin/province/", "/admin/province-agencies/"],
        "reporter1": ["/admin/", "/admin/province/my/"],
    }


def _check(page, name, problems):
    page.wait_for_load_state("networkidle")
    found = english_on(page)
    if found:
        problems.append((name, found))
    screenshot(page, f"admin-roles-{name}")


def _editor_panels(page, url, name, problems):
    """The status side panel and the dialogs it opens (schedule, privacy)."""
    page.goto(url)
    page.locator("[data-side-panel-toggle='status']").first.click()
    panel = page.locator("[data-side-panel='status']")
    panel.wait_for(state="visible")
    _check(page, f"{name}-status", problems)
    for toggle in panel.locator("[data-a11y-dialog-show]").all():
        if not toggle.is_visible():  # the same dialog's toggle for another state of the page
            continue
        dialog = toggle.get_attribute("data-a11y-dialog-show")
        toggle.click()
        page.locator(f"#{dialog}").wait_for(state="visible")
        _check(page, f"{name}-{dialog}", problems)
        page.keyboard.press("Escape")


def test_r44_every_role_walks_the_admin_in_thai(demo_site, open_page):
    from prongsai.accounts.models import User

    ids = _ids()
    problems = []
    for username, paths in walks(ids).items():
        User.objects.filter(username=username).update(must_change_password=False)
        page = signed_in(open_page, demo_site.url, username, "/admin/")
        for path in paths:
            page.goto(demo_site.url + path)
            _check(page, f"{username}{path.rstrip('/').replace('/', '-')}", problems)
        if username == "admin":
            edit = f"{demo_site.url}/admin/pages/{ids['plain']}/edit/"
            _editor_panels(page, edit, "admin-editor", problems)
            page.goto(edit)
            page.fill("#id_title", "")  # a validation error: the title is required
            page.get_by_role("button", name="บันทึกฉบับร่าง").click()
            page.locator(".w-field--error, .error-message").first.wait_for()
            _check(page, "admin-editor-invalid", problems)
        if username == "owner":
            moderated = f"{demo_site.url}/admin/pages/{ids['moderated']}/edit/"
            _editor_panels(page, moderated, "owner-moderated", problems)
        page.context.close()
    assert not problems, "\n".join(f"{name}: {found}" for name, found in problems)


@pytest.mark.parametrize("width", [360])
def test_r44_webmaster_screens_read_in_thai_at_360(demo_site, open_page, width):
    """The narrow screen shows the menu and panels another way (the sidebar collapsed)."""
    ids = _ids()
    problems = []
    page = signed_in(open_page, demo_site.url, "webmaster1", "/admin/", width)
    for name, path in {
        "dashboard": "/admin/",
        "explorer": f"/admin/pages/{ids['news']}/",
        "editor": f"/admin/pages/{ids['plain']}/edit/",
        "account": "/admin/account/",
    }.items():
        page.goto(demo_site.url + path)
        _check(page, f"webmaster1-{name}-{width}", problems)
    page.get_by_role("button", name="ย่อ/ขยายแถบเมนู").first.click()
    _check(page, f"webmaster1-menu-{width}", problems)
    assert not problems, "\n".join(f"{name}: {found}" for name, found in problems)

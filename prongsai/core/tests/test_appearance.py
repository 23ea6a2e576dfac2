"""The agency's own look (issue 19 item 7, R13): logo, colours checked for WCAG AA contrast,
the home-page banner, hotlines; rendered as CSS custom properties, never a style attribute."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.images import get_image_model
from wagtail.images.forms import get_image_form
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Site

from prongsai.core.appearance import SiteAppearance, parse_hotlines
from prongsai.core.colours import contrast_ratio, darker

pytestmark = pytest.mark.django_db


def appearance(**values) -> SiteAppearance:
    look = SiteAppearance.for_site(Site.objects.get(is_default_site=True))
    for name, value in values.items():
        setattr(look, name, value)
    return look


def an_image(title="ตรา"):
    return get_image_model().objects.create(title=title, file=get_test_image_file())


def test_r13_contrast_ratio_is_wcag_s():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21)
    assert contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1)
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    assert contrast_ratio("#777777", "#ffffff") < 4.5
    # The menu's darker shade only gains contrast against white.
    assert contrast_ratio(darker("#2f6fb0"), "#ffffff") > contrast_ratio("#2f6fb0", "#ffffff")


def test_r13_colours_failing_aa_contrast_are_refused_with_the_ratio_in_thai(home_page):
    look = appearance(primary_colour="#66aaff", accent_colour="#ffcc00")
    with pytest.raises(ValidationError) as refused:
        look.full_clean()
    errors = refused.value.message_dict
    assert "2.39:1" in errors["primary_colour"][0]
    assert "4.5:1" in errors["primary_colour"][0]
    assert "ตัวอักษรสีขาว" in errors["primary_colour"][0]
    assert "1.51:1" in errors["accent_colour"][0]


def test_r13_colour_must_be_six_hex_digits(home_page):
    with pytest.raises(ValidationError) as refused:
        appearance(primary_colour="navy").full_clean()
    assert "เลขฐานสิบหก" in refused.value.message_dict["primary_colour"][0]


def test_r13_colours_refused_in_the_settings_screen_nothing_saved(client, superuser, home_page):
    site = Site.objects.get(is_default_site=True)
    client.force_login(superuser)
    url = f"/admin/settings/core/siteappearance/{site.pk}/"
    response = client.post(url, {"primary_colour": "#8ab4f8", "accent_colour": "#a4512d"})
    assert response.status_code == 200
    assert "ต่ำกว่าเกณฑ์ WCAG 2.1 ระดับ AA" in response.content.decode()
    assert SiteAppearance.for_site(site).primary_colour == "#123b6d"


def test_r13_banner_needs_its_alternative_text(home_page):
    with pytest.raises(ValidationError) as refused:
        appearance(banner_image=an_image("แบนเนอร์"), banner_alt=" ").full_clean()
    assert "banner_alt" in refused.value.message_dict


def test_r13_a_logo_that_is_not_an_image_is_refused_at_upload(superuser):
    """The logo is chosen from the image library; a file that is not an image never gets in."""
    form_class = get_image_form(get_image_model())
    form = form_class(
        data={"title": "ตรา"},
        files={"file": SimpleUploadedFile("logo.png", b"%PDF-1.4 not an image")},
        user=superuser,
    )
    assert not form.is_valid()
    assert "file" in form.errors


def test_r13_logo_and_colours_reach_every_page_as_custom_properties(client, home_page):
    look = appearance(logo=an_image(), primary_colour="#1d4d2b", accent_colour="#8a3b12")
    look.full_clean()
    look.save()

    html = client.get("/").content.decode()

    style = re.search(r"<style>(.*?)</style>", html, re.S).group(1)
    assert "--c-primary:#1d4d2b" in style
    assert "--c-accent:#8a3b12" in style
    assert f"--c-primary-dark:{darker('#1d4d2b')}" in style
    assert re.search(r'<img class="brand-logo" src="[^"]+\.webp"[^>]* alt="">', html)
    assert " style=" not in html  # the style policy may refuse inline style attributes


def test_r13_default_colours_add_no_style_element(client, home_page):
    assert "<style>" not in client.get("/").content.decode()


def test_r13_home_page_banner_with_alt_and_srcset_and_hotlines_dialable(client, home_page):
    look = appearance(
        banner_image=an_image("แบนเนอร์"),
        banner_alt="ประชาชนร่วมงานมหกรรมสุขภาพ",
        hotlines="ศูนย์ดำรงธรรม: 1567\nบรรทัดที่ไม่มีหมายเลข\nสายด่วน: ๑๔๒๒",
    )
    look.full_clean()
    look.save()

    html = client.get("/").content.decode()

    banner = re.search(r'<figure class="banner">\s*<img ([^>]+)>', html).group(1)
    assert 'alt="ประชาชนร่วมงานมหกรรมสุขภาพ"' in banner
    # One rendition a width (the test image is too small for the larger ones to differ).
    assert re.search(r'srcset="\S+\.webp \d+w, \S+\.webp \d+w, \S+\.webp \d+w"', banner)
    assert 'href="tel:1567">1567</a>' in html
    assert 'href="tel:1422">๑๔๒๒</a>' in html
    assert [line.label for line in parse_hotlines(look.hotlines)] == ["ศูนย์ดำรงธรรม", "สายด่วน"]


def test_r13_home_page_puts_the_citizen_s_tasks_first(client, home_page):
    html = client.get("/").content.decode()
    tasks = html.index('id="tasks-heading"')
    assert tasks < html.index('id="latest-news"') < html.index('id="oit-heading"')
    for url in ("/questions/ask/", "/information-requests/", "/questions/"):
        assert f'href="{url}"' in html[tasks : html.index('id="latest-news"')]

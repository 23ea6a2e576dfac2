"""Every file of the hostile corpus against the validator, for every upload path (R42)."""

import io
import re

import pytest
from django.core.files import File
from PIL import Image

from prongsai.filecheck.names import display_name
from prongsai.filecheck.policy import ATTACHMENT, DEFAULT_POLICY, DOCUMENT, IMAGE, REPORT
from prongsai.filecheck.refusals import UploadRefused
from prongsai.filecheck.tests.hostile.make_corpus import sample_id, samples
from prongsai.filecheck.validator import check_upload

SAMPLES = samples()
BY_NAME = {sample.upload_name: sample for sample in SAMPLES}
THAI = re.compile("[\u0e01-\u0e5b]")


def _check(corpus, sample, purpose):
    with open(corpus[sample.id], "rb") as handle:
        # The install-wide defaults: the table's outcomes (a site's policy may narrow them).
        return check_upload(File(handle, name=sample.upload_name), purpose, policy=DEFAULT_POLICY)


def test_r42_corpus_has_at_least_60_hostile_files_and_benign_ones_of_every_kind():
    hostile = [sample for sample in SAMPLES if sample.hostile]
    assert len(hostile) >= 60
    accepted = {purpose for sample in SAMPLES for purpose in sample.accepted_by}
    assert accepted == {DOCUMENT, IMAGE, ATTACHMENT}


@pytest.mark.parametrize("purpose", [DOCUMENT, IMAGE, ATTACHMENT])
@pytest.mark.parametrize("sample", SAMPLES, ids=sample_id)
def test_r42_corpus_file_is_accepted_or_refused_as_its_table_says(corpus, sample, purpose):
    if purpose in sample.accepted_by:
        checked = _check(corpus, sample, purpose)
        assert checked.data
    else:
        with pytest.raises(UploadRefused) as refused:
            _check(corpus, sample, purpose)
        message = refused.value.messages[0].replace(display_name(sample.upload_name), "")
        assert THAI.search(message)
        # Staff see what to do, never a parser's words or a stack trace.
        assert not re.search(r"Traceback|Error|pypdf|zipfile|PIL|\\x00", message)


def test_r42_jpeg_is_accepted_with_its_gps_position_removed(corpus):
    sample = BY_NAME["gps.jpg"]
    original = Image.open(corpus[sample.id])
    assert original.getexif().get_ifd(0x8825)  # the camera's position is in the upload
    stored = Image.open(io.BytesIO(_check(corpus, sample, IMAGE).data))
    assert not stored.getexif()
    assert stored.size == original.size and stored.format == "JPEG"


def test_r42_data_appended_to_an_image_is_not_stored(corpus):
    sample = BY_NAME["แนบท้าย.jpg"]
    assert b"PK\x03\x04" in corpus[sample.id].read_bytes()
    assert b"PK\x03\x04" not in _check(corpus, sample, ATTACHMENT).data


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("html.pdf", "ไม่ตรงกับนามสกุล .pdf"),
        ("macro.docx", "มีมาโคร"),
        ("bomb.docx", "โครงสร้างที่ไม่ปลอดภัย"),
        ("huge.png", "50 ล้านพิกเซล"),
        ("large.pdf", "ใหญ่เกิน 20 MB"),
        ("run.exe", "ชื่อไฟล์"),
        ("empty.pdf", "ว่างเปล่า"),
    ],
)
def test_r42_refusal_tells_staff_in_thai_what_is_wrong_and_what_is_accepted(corpus, name, expected):
    with pytest.raises(UploadRefused) as refused:
        _check(corpus, BY_NAME[name], ATTACHMENT if name != "huge.png" else IMAGE)
    assert expected in refused.value.messages[0]


def test_r42_a_name_with_a_direction_override_is_shown_without_it(corpus):
    with pytest.raises(UploadRefused) as refused:
        _check(corpus, BY_NAME["invoice\u202egnp.pdf"], DOCUMENT)
    assert "invoicegnp.pdf" in refused.value.messages[0]
    assert "\u202e" not in refused.value.messages[0]


def test_r42_wrong_kind_lists_the_accepted_extensions(corpus):
    with pytest.raises(UploadRefused) as refused:
        _check(corpus, BY_NAME["pdf.docx"], ATTACHMENT)
    message = refused.value.messages[0]
    assert ".pdf" in message and ".docx" in message and ".jpg" in message


def test_r42_truncated_image_is_refused_even_after_weasyprint_relaxed_pillow(corpus):
    """WeasyPrint sets Pillow's LOAD_TRUNCATED_IMAGES on import; truncated uploads passed then."""
    import weasyprint  # noqa: F401 - imported for its side effect on Pillow
    from PIL import ImageFile

    assert ImageFile.LOAD_TRUNCATED_IMAGES
    for name in ("truncated.jpg", "truncated.png"):
        with pytest.raises(UploadRefused):
            _check(corpus, BY_NAME[name], IMAGE)
    assert ImageFile.LOAD_TRUNCATED_IMAGES  # left as WeasyPrint wants it


SVG_SAMPLES = [s for s in SAMPLES if "svg" in s.upload_name or "svg" in s.what.lower()]


@pytest.mark.parametrize("purpose", [DOCUMENT, IMAGE, ATTACHMENT, REPORT])
def test_asvs_1_3_4_svg_is_refused_on_every_path_whatever_it_is_called(corpus, purpose, settings):
    """SVG can carry script; it is not an accepted kind, and SVG inside a text file (also behind
    a namespace prefix or a default namespace, which the text check once let through) is
    refused as markup."""
    assert len(SVG_SAMPLES) >= 6
    for sample in SVG_SAMPLES:
        with pytest.raises(UploadRefused):
            _check(corpus, sample, purpose)
    assert "svg" not in settings.WAGTAILIMAGES_EXTENSIONS + settings.WAGTAILDOCS_EXTENSIONS

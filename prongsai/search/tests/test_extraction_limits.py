"""Text extraction runs in a child process with memory and time limits (R42, issue 12)."""

import resource
import time

import pytest

from prongsai.filecheck.tests.hostile import builders
from prongsai.search.extraction import ExtractionLimit, extract_text

MB = 1024 * 1024


def test_r42_zip_bomb_docx_ends_the_child_process_not_the_worker(settings):
    settings.PRONGSAI_EXTRACTION_MEMORY_MB = 256
    bomb = builders.office_bomb(builders.DOCX_MAIN, "/word/document.xml", 300 * MB)
    assert len(bomb) < 2 * MB  # a small upload that inflates to 300 MB of XML
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.monotonic()
    with pytest.raises(ExtractionLimit):
        extract_text(bomb, "docx")
    assert time.monotonic() - started < 20
    # The worker itself did not grow by the inflated size (ru_maxrss is in kilobytes).
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 100 * 1024


def test_r42_extraction_past_its_time_limit_is_stopped(settings):
    settings.PRONGSAI_EXTRACTION_SECONDS = 1
    workbook = builders.xlsx_many_cells(500_000)  # 5 million cells in about a megabyte
    assert len(workbook) < 2 * MB
    started = time.monotonic()
    with pytest.raises(ExtractionLimit):
        extract_text(workbook, "xlsx")
    assert time.monotonic() - started < 15


def test_r42_ordinary_files_are_still_extracted_in_the_child():
    assert "ประกาศ" in extract_text(builders.docx(), "docx")
    assert "2569" in extract_text(builders.xlsx(), "xlsx")

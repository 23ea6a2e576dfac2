"""R12, R26: Thai file names keep their vowel and tone marks when stored, linked and downloaded
(issue 11 item 6: "…รณรงค์.pdf" was served as "…รณรงค.pdf")."""

import pytest
from django.core.exceptions import SuspiciousFileOperation

from prongsai.core.storage import thai_valid_filename


def test_r12_thai_file_name_keeps_marks():
    assert thai_valid_filename("แผน รณรงค์ ปี ๒๕๖๙.pdf") == "แผน_รณรงค์_ปี_๒๕๖๙.pdf"
    assert thai_valid_filename("report<script>.pdf") == "reportscript.pdf"


@pytest.mark.parametrize("name", ["", "..", "<>"])
def test_r12_file_name_of_nothing_usable_is_refused(name):
    with pytest.raises(SuspiciousFileOperation):
        thai_valid_filename(name)

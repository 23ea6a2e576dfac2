"""Clean text pasted from Word before it is stored: the PDF then lays it out like typed text."""

import re
import unicodedata

# Zero-width characters and soft hyphens Word leaves behind; they break text extraction and
# can glue a whole paragraph into one unbreakable "word".
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
# No-break, en/em/thin, narrow no-break, ideographic spaces and tabs: plain spaces.
_ODD_SPACES = re.compile("[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_CONTROL = re.compile("[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]")
_RUNS = re.compile(" {2,}")


def clean_pasted(text: str) -> str:
    value = unicodedata.normalize("NFC", str(text or ""))
    value = value.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    value = value.replace("\u2029", "\n\n")
    value = _CONTROL.sub("", _INVISIBLE.sub("", value))
    value = _ODD_SPACES.sub(" ", value)
    lines = [_RUNS.sub(" ", line).strip() for line in value.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()

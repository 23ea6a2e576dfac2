"""Make the hostile upload corpus: every file from code, nothing downloaded or committed.

    .venv/bin/python -m prongsai.filecheck.tests.hostile.make_corpus OUT_DIR

writes each file as ``NNN.bin`` (names with NUL or direction characters cannot live on disk)
and ``expected.csv``: id, the name the file is uploaded under, the upload paths that must
accept it (document, image, attachment; empty = refused everywhere) and what it is.
Oversize files are sparse. The tests build the corpus into a temporary folder.
"""

import csv
import os
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from . import builders as b

DOC, IMG, ATT = "document", "image", "attachment"
MB = 1024 * 1024


@dataclass(frozen=True)
class Sample:
    id: int
    upload_name: str
    accepted_by: frozenset
    what: str
    make: object = field(repr=False, compare=False)
    sparse_size: int = 0  # the file is padded (sparse) to this many bytes

    @property
    def hostile(self) -> bool:
        return not self.accepted_by

    @property
    def accepted_through_forms(self) -> frozenset:
        """Where the upload screens accept it: Django's upload parser removes unprintable
        characters from names before any check, so those names arrive harmless."""
        return frozenset(FORM_OUTCOMES.get(self.upload_name, self.accepted_by))


def _oversize_pdf() -> bytes:
    return b.pdf()[:-6]  # padded with zeros, then "%%EOF" is written at the end


SAMPLES_SPEC = [
    # --- benign: must be accepted wherever the policy allows the kind -------------------
    ("ประกาศ.pdf", {DOC, ATT}, "a real one-page PDF", b.pdf),
    ("รายงาน ประจำปี 2569.pdf", {DOC, ATT}, "Thai name with spaces", b.pdf),
    ("หนังสือ.docx", {DOC, ATT}, "Word file made by python-docx", b.docx),
    ("สถิติ.xlsx", {DOC, ATT}, "Excel file made by openpyxl", b.xlsx),
    ("นำเสนอ.pptx", {DOC}, "minimal PowerPoint package", b.pptx),
    (
        "บันทึก.odt",
        {DOC, ATT},
        "OpenDocument text",
        lambda: b.odf(b"application/vnd.oasis.opendocument.text"),
    ),
    (
        "ตาราง.ods",
        {DOC, ATT},
        "OpenDocument spreadsheet",
        lambda: b.odf(b"application/vnd.oasis.opendocument.spreadsheet"),
    ),
    ("ข้อมูล.csv", {DOC}, "UTF-8 CSV in Thai", lambda: "ปี,จำนวน\n2569,42\n".encode()),
    ("อ่านก่อน.txt", {DOC}, "Thai text in Windows-874", lambda: "ประกาศ".encode("cp874")),
    (
        "ชุดเอกสาร.zip",
        {DOC},
        "zip of a text and a PDF",
        lambda: b.zip_bytes([("a.txt", b"hello"), ("b/c.pdf", b.pdf())]),
    ),
    ("หนังสือเก่า.doc", {DOC, ATT}, "legacy Word compound file", lambda: b.ole("WordDocument")),
    ("ภาพ.jpg", {IMG, ATT}, "JPEG", lambda: b.image("JPEG")),
    ("gps.jpg", {IMG, ATT}, "JPEG with EXIF GPS: accepted, GPS stripped", b.jpeg_with_gps),
    ("ภาพ.png", {IMG, ATT}, "PNG", lambda: b.image("PNG")),
    ("ภาพ.gif", {IMG, ATT}, "animated GIF, 3 frames", lambda: b.animated_gif(3)),
    ("ภาพ.webp", {IMG, ATT}, "WebP", lambda: b.image("WEBP")),
    (
        "แนบท้าย.jpg",
        {IMG, ATT},
        "JPEG with a ZIP appended (dropped by re-encoding)",
        lambda: b.image("JPEG") + b.zip_bytes([("evil.txt", b"x")]),
    ),
    # --- archive bombs ----------------------------------------------------------------
    (
        "flat-bomb.zip",
        set(),
        "one entry inflating to 150 MB",
        lambda: b.bomb_zip("a.txt", 150 * MB),
    ),
    (
        "ratio-bomb.zip",
        set(),
        "30 entries of 2 MB zeros (ratio ~1000)",
        lambda: b.zip_bytes([(f"{n}.txt", b"\0" * 2 * MB) for n in range(30)]),
    ),
    (
        "many.zip",
        set(),
        "2000 entries",
        lambda: b.zip_bytes([(f"{n}.txt", b"x") for n in range(2000)]),
    ),
    (
        "overlap-bomb.zip",
        set(),
        "overlapping entries sharing one body",
        lambda: b.overlapping_zip(200, 2 * MB),
    ),
    ("nested-bomb.zip", set(), "zip of zips, 4 levels x 4 copies", lambda: b.nested_bomb(4, 4)),
    ("nested.zip", set(), "zip in zip in zip in zip (too deep)", lambda: b.nested_bomb(3, 1)),
    (
        "bomb.docx",
        set(),
        "Word file whose document.xml inflates to 120 MB",
        lambda: b.office_bomb(b.DOCX_MAIN, "/word/document.xml", 120 * MB),
    ),
    (
        "bomb.xlsx",
        set(),
        "Excel file whose sheet inflates to 120 MB",
        lambda: b.office_bomb(b.XLSX_MAIN, "/xl/workbook.xml", 120 * MB),
    ),
    # --- macros and active content in Office files ---------------------------------------
    (
        "macro.docx",
        set(),
        "docm renamed docx",
        lambda: b.ooxml(
            b.DOCM_MAIN,
            "/word/document.xml",
            ("word/vbaProject.bin", b.ole("VBA")),
            types_extra=[("/word/vbaProject.bin", "application/vnd.ms-office.vbaProject")],
        ),
    ),
    ("macro.xlsx", set(), "xlsm renamed xlsx", lambda: b.ooxml(b.XLSM_MAIN, "/xl/workbook.xml")),
    (
        "macro.pptx",
        set(),
        "pptm renamed pptx",
        lambda: b.ooxml(b.PPTM_MAIN, "/ppt/presentation.xml"),
    ),
    (
        "hidden-vba.docx",
        set(),
        "docx content type with a vbaProject.bin part",
        lambda: b.ooxml(b.DOCX_MAIN, "/word/document.xml", ("word/vbaProject.bin", b"\0" * 64)),
    ),
    (
        "xlm.xlsx",
        set(),
        "Excel 4 macro sheet in an xlsx",
        lambda: b.ooxml(
            b.XLSX_MAIN,
            "/xl/workbook.xml",
            ("xl/macrosheets/sheet1.xml", b"<x/>"),
            types_extra=[("/xl/macrosheets/sheet1.xml", "application/vnd.ms-excel.macrosheet+xml")],
        ),
    ),
    (
        "activex.docx",
        set(),
        "ActiveX control part",
        lambda: b.ooxml(b.DOCX_MAIN, "/word/document.xml", ("word/activeX/activeX1.xml", b"<x/>")),
    ),
    (
        "macro.odt",
        set(),
        "OpenDocument with Basic macros",
        lambda: b.odf(
            b"application/vnd.oasis.opendocument.text", ("Basic/Standard/Module1.xml", b"<x/>")
        ),
    ),
    (
        "macro.doc",
        set(),
        "legacy Word with a VBA storage",
        lambda: b.ole("WordDocument", "Macros", "VBA"),
    ),
    (
        "macro.xls",
        set(),
        "legacy Excel with _VBA_PROJECT_CUR",
        lambda: b.ole("Workbook", "_VBA_PROJECT_CUR"),
    ),
    (
        "encrypted.docx",
        set(),
        "password-protected Office (OLE EncryptedPackage) as docx",
        lambda: b.ole("EncryptionInfo", "EncryptedPackage"),
    ),
    ("sheet.doc", set(), "legacy Excel named .doc", lambda: b.ole("Workbook")),
    (
        "xxe.docx",
        set(),
        "[Content_Types].xml with an external entity",
        lambda: b.zip_bytes(
            [
                (
                    "[Content_Types].xml",
                    b'<?xml version="1.0"?><!DOCTYPE t [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                    b"<Types>&x;</Types>",
                ),
                ("word/document.xml", b.WORD_XML),
            ]
        ),
    ),
    (
        "laughs.xlsx",
        set(),
        "[Content_Types].xml billion laughs",
        lambda: b.zip_bytes(
            [
                (
                    "[Content_Types].xml",
                    b'<?xml version="1.0"?><!DOCTYPE t [<!ENTITY a "aaaa">'
                    b'<!ENTITY b "&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;">]>'
                    b"<Types>&c;</Types>",
                )
            ]
        ),
    ),
    (
        "template.docx",
        set(),
        "Word template (dotx) renamed docx",
        lambda: b.ooxml(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
        ),
    ),
    (
        "wrongtype.odt",
        set(),
        "OpenDocument with an unknown mimetype",
        lambda: b.odf(b"application/x-evil"),
    ),
    # --- zip-slip and archive tricks -----------------------------------------------------
    (
        "slip.zip",
        set(),
        "entry ../../evil.sh",
        lambda: b.zip_with_raw_names([("../../evil.txt", b"x")]),
    ),
    (
        "absolute.zip",
        set(),
        "entry /etc/cron.d/x",
        lambda: b.zip_with_raw_names([("/etc/cron.d/x", b"x")]),
    ),
    (
        "backslash.zip",
        set(),
        "entry ..\\..\\evil",
        lambda: b.zip_with_raw_names([("..\\..\\evil", b"x")]),
    ),
    (
        "drive.zip",
        set(),
        "entry C:/Windows/x",
        lambda: b.zip_with_raw_names([("C:/Windows/x", b"x")]),
    ),
    (
        "slip.docx",
        set(),
        "Word file with a ../ entry",
        lambda: b.zip_with_raw_names(
            [
                ("[Content_Types].xml", b.content_types(("/word/document.xml", b.DOCX_MAIN))),
                ("word/document.xml", b.WORD_XML),
                ("../../../x.xml", b"<x/>"),
            ]
        ),
    ),
    ("symlink.zip", set(), "symlink entry to /etc/passwd", b.symlink_zip),
    ("encrypted.zip", set(), "encrypted entry", b.encrypted_zip),
    ("duplicate.zip", set(), "the same name twice", b.duplicate_zip),
    ("tools.zip", set(), "zip with an .exe", lambda: b.zip_bytes([("setup.exe", b.EXE)])),
    (
        "elf.zip",
        set(),
        "ELF binary named readme.txt inside a zip",
        lambda: b.zip_bytes([("readme.txt", b.ELF)]),
    ),
    (
        "macro-inside.zip",
        set(),
        "zip with a macro .doc inside",
        lambda: b.zip_bytes([("a.doc", b.ole("WordDocument", "Macros"))]),
    ),
    (
        "bzip2.zip",
        set(),
        "entry compressed with bzip2",
        lambda: b.zip_bytes([("a.txt", b"x" * 100)], method=zipfile.ZIP_BZIP2),
    ),
    (
        "selfextract.zip",
        set(),
        "EXE with a zip appended (polyglot)",
        lambda: b.EXE + b.zip_bytes([("a.txt", b"x")]),
    ),
    (
        "truncated.docx",
        set(),
        "Word file cut in half",
        lambda: (lambda d: d[: len(d) // 2])(b.docx()),
    ),
    (
        "truncated.zip",
        set(),
        "zip without its central directory",
        lambda: b.zip_bytes([("a.txt", b"x" * 500)])[:-40],
    ),
    # --- PDFs with active content, broken PDFs --------------------------------------------
    (
        "openaction.pdf",
        set(),
        "/OpenAction JavaScript",
        lambda: b.pdf(
            b"<< /S /JavaScript /JS (app.alert(1)) >>", catalog_extra=b"/OpenAction 5 0 R"
        ),
    ),
    (
        "launch.pdf",
        set(),
        "/Launch action",
        lambda: b.pdf(b"<< /S /Launch /F (cmd.exe) >>", catalog_extra=b"/OpenAction 5 0 R"),
    ),
    (
        "embedded.pdf",
        set(),
        "/EmbeddedFile in /Names",
        lambda: b.pdf(
            b"<< /Type /EmbeddedFile /Length 2 >>\nstream\nMZ\nendstream",
            catalog_extra=b"/Names << /EmbeddedFiles << /Names [(a.exe) << /EF << /F 5 0 R >> >>] >> >>",
        ),
    ),
    (
        "escaped.pdf",
        set(),
        "/J#61vaScript with hex-escaped names",
        lambda: b.pdf(
            b"<< /S /J#61vaScript /J#53 (app.alert(1)) >>", catalog_extra=b"/OpenAction 5 0 R"
        ),
    ),
    (
        "page-aa.pdf",
        set(),
        "page /AA open action with JS",
        lambda: b.pdf(
            b"<< /S /JavaScript /JS (this.exportDataObject({cName:'a'})) >>",
            page_extra=b"/AA << /O 5 0 R >>",
        ),
    ),
    ("open-js.pdf", set(), "JavaScript open action added with pypdf", b.pypdf_js),
    (
        "objstm-js.pdf",
        set(),
        "JavaScript hidden in a compressed object stream",
        b.pdf_js_in_object_stream,
    ),
    (
        "xfa.pdf",
        set(),
        "XFA form",
        lambda: b.pdf(catalog_extra=b"/AcroForm << /XFA [] /Fields [] >>"),
    ),
    ("truncated.pdf", set(), "PDF cut in half", lambda: b.pdf()[:200]),
    (
        "header-only.pdf",
        set(),
        "%PDF- header then HTML",
        lambda: b"%PDF-1.4\n<html><script>alert(1)</script></html>",
    ),
    (
        "pdf-zip.pdf",
        set(),
        "PDF with a zip appended (polyglot)",
        lambda: b.pdf() + b.zip_bytes([("evil.html", b"<script>x</script>" * 200)]),
    ),
    (
        "html.pdf",
        set(),
        "HTML named .pdf",
        lambda: b"<!DOCTYPE html><html><script>alert(1)</script></html>",
    ),
    ("exe.pdf", set(), "Windows executable named .pdf", lambda: b.EXE),
    # --- executables and markup under document names -------------------------------------
    ("exe.docx", set(), "Windows executable named .docx", lambda: b.EXE),
    ("elf.xlsx", set(), "ELF executable named .xlsx", lambda: b.ELF),
    ("script.pptx", set(), "shell script named .pptx", lambda: b"#!/bin/sh\nrm -rf /\n"),
    ("html.txt", set(), "HTML named .txt", lambda: b"<html><body onload=alert(1)>x</body></html>"),
    (
        "svg.csv",
        set(),
        "SVG named .csv",
        lambda: b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
    ),
    (
        "svg-prefixed.txt",
        set(),
        "SVG with script behind a namespace prefix, named .txt",
        lambda: (
            b'<s:svg xmlns:s="http://www.w3.org/2000/svg"><s:script>alert(1)</s:script></s:svg>'
        ),
    ),
    (
        "svg-default-ns.csv",
        set(),
        "any element put in the SVG namespace, named .csv",
        lambda: b'ok,<p xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>\n',
    ),
    ("binary.csv", set(), "CSV with NUL and control bytes", lambda: b"a,b\n\x00\x01\x02,\x03\n"),
    ("random.txt", set(), "bytes in no text encoding", lambda: bytes(range(0x80, 0x100)) * 4),
    # --- images: markup, polyglots, pixel bombs, broken ------------------------------------
    (
        "svg.jpg",
        set(),
        "SVG with script named .jpg",
        lambda: b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    ),
    (
        "vector.svg",
        set(),
        "SVG with script",
        lambda: b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
    ),
    (
        "svg.png",
        set(),
        "SVG named .png",
        lambda: b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>',
    ),
    ("html.jpg", set(), "HTML named .jpg", lambda: b"<html><script>alert(1)</script></html>"),
    (
        "gif-js.gif",
        set(),
        "GIF header then JavaScript (polyglot)",
        lambda: b"GIF89a/*\x00\x00*/=1;alert(1);//",
    ),
    ("exe.jpg", set(), "Windows executable named .jpg", lambda: b.EXE),
    ("png.jpg", set(), "PNG named .jpg", lambda: b.image("PNG")),
    ("jpeg.gif", set(), "JPEG named .gif", lambda: b.image("JPEG")),
    ("huge.png", set(), "11000 x 11000 PNG (121 megapixels)", lambda: b.huge_png(11000, 11000)),
    (
        "bomb.jpg",
        set(),
        "JPEG header claiming 60000 x 60000",
        lambda: b.jpeg_header_only(60000, 60000),
    ),
    ("canvas.webp", set(), "WebP canvas 16000 x 16000", lambda: b.webp_canvas(16000, 16000)),
    ("screen.gif", set(), "GIF screen 65535 x 65535", lambda: b.gif_screen(65535, 65535)),
    ("frames.gif", set(), "GIF with 500 frames", lambda: b.animated_gif(500)),
    (
        "truncated.jpg",
        set(),
        "JPEG cut in half",
        lambda: (lambda d: d[: len(d) // 2])(b.image("JPEG", (256, 256))),
    ),
    (
        "truncated.png",
        set(),
        "PNG cut in half",
        lambda: (lambda d: d[: len(d) // 2])(b.image("PNG", (256, 256))),
    ),
    # --- empty, oversize --------------------------------------------------------------------
    ("empty.pdf", set(), "empty file", lambda: b""),
    ("empty.docx", set(), "empty file", lambda: b""),
    ("empty.jpg", set(), "empty file", lambda: b""),
    ("large.pdf", set(), "21 MB PDF (limit 20 MB)", _oversize_pdf, 21 * MB),
    ("large.csv", set(), "6 MB CSV (limit 5 MB)", lambda: b"a,b\n", 6 * MB),
    ("large.jpg", set(), "11 MB JPEG (limit 10 MB)", lambda: b.image("JPEG"), 11 * MB),
    # --- names ---------------------------------------------------------------------------------
    ("ประกาศ.pdf.exe", set(), "double extension, real PDF inside", b.pdf),
    ("scan.exe.pdf", set(), "executable extension inside the name", b.pdf),
    ("invoice\u202egnp.pdf", set(), "right-to-left override in the name", b.pdf),
    ("report\u2067.pdf", set(), "bidi isolate in the name", b.pdf),
    ("report.pdf\x00.jpg", set(), "NUL byte in the name", b.pdf),
    ("report\r\n.pdf", set(), "line break in the name", b.pdf),
    ("report", set(), "no extension", b.pdf),
    ("report.pdf.", set(), "trailing dot", b.pdf),
    ("x" * 240 + ".pdf", set(), "name longer than 200 characters", b.pdf),
    ("page.html", set(), "HTML file", lambda: b"<html></html>"),
    ("run.exe", set(), "executable", lambda: b.EXE),
    ("pdf.docx", set(), "real PDF named .docx", b.pdf),
    ("docx.pdf", set(), "real Word file named .pdf", b.docx),
    ("xlsx.docx", set(), "real Excel file named .docx", b.xlsx),
    ("zip.docx", set(), "plain zip named .docx", lambda: b.zip_bytes([("a.txt", b"x")])),
    ("docx.zip", set(), "Word file named .zip", b.docx),
    ("jpeg.pdf", set(), "JPEG named .pdf", lambda: b.image("JPEG")),
]


# Names Django's parser cleans (the PDF inside is real): accepted through the forms under the
# cleaned name, refused when the raw name reaches the validator.
FORM_OUTCOMES = {
    "invoice\u202egnp.pdf": {DOC, ATT},
    "report\u2067.pdf": {DOC, ATT},
}


def samples() -> list[Sample]:
    out = []
    for number, spec in enumerate(SAMPLES_SPEC, start=1):
        name, accepted, what, make, *rest = spec
        out.append(Sample(number, name, frozenset(accepted), what, make, rest[0] if rest else 0))
    return out


def write(sample: Sample, folder: Path) -> Path:
    path = folder / f"{sample.id:03d}.bin"
    data = sample.make()
    with open(path, "wb") as handle:
        handle.write(data)
        if sample.sparse_size:
            tail = b"%%EOF\n" if sample.upload_name.endswith(".pdf") else b""
            handle.seek(sample.sparse_size - len(tail))
            handle.write(tail)
            handle.truncate(sample.sparse_size)
    return path


def make_corpus(folder: Path) -> dict[int, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = {sample.id: write(sample, folder) for sample in samples()}
    with open(folder / "expected.csv", "w", newline="", encoding="utf-8") as handle:
        table = csv.writer(handle)
        table.writerow(["id", "upload_name", "accepted_by", "accepted_through_forms", "what"])
        for sample in samples():
            table.writerow(
                [
                    sample.id,
                    repr(sample.upload_name),
                    " ".join(sorted(sample.accepted_by)),
                    " ".join(sorted(sample.accepted_through_forms)),
                    sample.what,
                ]
            )
    return paths


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "hostile-corpus")
    made = make_corpus(target)
    hostile = sum(1 for sample in samples() if sample.hostile)
    print(f"{len(made)} files ({hostile} hostile) in {os.fspath(target)}")


def corpus_fixture(tmp_path_factory) -> dict[int, Path]:
    """For a session-scoped pytest fixture: the corpus built once into a temporary folder."""
    return make_corpus(tmp_path_factory.mktemp("hostile-corpus"))


def sample_id(sample: Sample) -> str:
    safe = "".join(
        ch if ch.isascii() and ch.isalnum() or ch in ".-" else "_" for ch in sample.upload_name
    )
    return f"{sample.id:03d}-{safe[:30]}"

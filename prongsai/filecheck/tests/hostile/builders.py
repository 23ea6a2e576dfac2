"""Small makers of real and hostile file structures (PDF, ZIP/Office/OpenDocument, OLE, images)."""

import io
import struct
import zipfile
import zlib

EXE = (
    b"MZ\x90\x00\x03\x00\x00\x00\x04\x00"
    + b"\x00" * 50
    + b"This program cannot be run in DOS mode."
)
ELF = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 8 + b"\x02\x00\x3e\x00" + b"\x00" * 200

DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
XLSX_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
PPTX_MAIN = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
DOCM_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml"
XLSM_MAIN = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
PPTM_MAIN = "application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml"


# --- PDF -----------------------------------------------------------------------------------


def pdf(*extra_objects: bytes, catalog_extra: bytes = b"", page_extra: bytes = b"") -> bytes:
    """A one-page PDF with a correct cross-reference table; extra objects are numbered from 5."""
    text = b"BT /F1 18 Tf 50 750 Td (Prongsai test) Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R " + catalog_extra + b" >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> "
        + page_extra
        + b" >>",
        b"<< /Length %d >>\nstream\n" % len(text) + text + b"\nendstream",
        *extra_objects,
    ]
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


# --- ZIP, Office Open XML, OpenDocument ---------------------------------------------------


def zip_bytes(entries, *, method=zipfile.ZIP_DEFLATED) -> bytes:
    """entries: (name, bytes) pairs or ZipInfo/bytes pairs, in order."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, data in entries:
            archive.writestr(name, data)
    return buffer.getvalue()


def content_types(*overrides: tuple[str, str], defaults=()) -> bytes:
    parts = [
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">',
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
        '<Default Extension="xml" ContentType="application/xml"/>',
        *(f'<Default Extension="{ext}" ContentType="{ctype}"/>' for ext, ctype in defaults),
        *(f'<Override PartName="{part}" ContentType="{ctype}"/>' for part, ctype in overrides),
        "</Types>",
    ]
    return "".join(parts).encode()


RELS = (
    b'<?xml version="1.0" encoding="UTF-8"?><Relationships '
    b'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" '
    b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    b'Target="word/document.xml"/></Relationships>'
)
WORD_XML = (
    b'<?xml version="1.0" encoding="UTF-8"?><w:document '
    b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>'
    b"<w:t>\xe0\xb8\x9b\xe0\xb8\xa3\xe0\xb8\xb0\xe0\xb8\x81\xe0\xb8\xb2\xe0\xb8\xa8</w:t>"
    b"</w:r></w:p></w:body></w:document>"
)


def ooxml(main_type: str, main_part: str = "/word/document.xml", *extra, types_extra=()) -> bytes:
    return zip_bytes(
        [
            ("[Content_Types].xml", content_types((main_part, main_type), *types_extra)),
            ("_rels/.rels", RELS),
            (main_part.lstrip("/"), WORD_XML),
            *extra,
        ]
    )


def docx() -> bytes:
    from docx import Document

    document = Document()
    document.add_paragraph("ประกาศสำนักงานสาธารณสุขจังหวัด")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def xlsx() -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["ปีงบประมาณ", "จำนวน"])
    book.active.append([2569, 42])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def pptx() -> bytes:
    return ooxml(PPTX_MAIN, "/ppt/presentation.xml")


def odf(mimetype: bytes, *extra) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), mimetype, zipfile.ZIP_STORED)
        archive.writestr(
            "META-INF/manifest.xml",
            '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
            'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>',
        )
        archive.writestr("content.xml", '<?xml version="1.0" encoding="UTF-8"?><office/>')
        for name, data in extra:
            archive.writestr(name, data)
    return buffer.getvalue()


def zip_with_raw_names(entries) -> bytes:
    """A zip whose entry names are written as given (``zipfile`` would not write ``../``)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            info = zipfile.ZipInfo("#" * len(name.encode()))
            archive.writestr(info, data)
    raw = buffer.getvalue()
    for name, _data in entries:
        raw = raw.replace(b"#" * len(name.encode()), name.encode(), 2)
    return raw


def deflated_zeros_entry(name: str, size: int) -> tuple[zipfile.ZipInfo, bytes]:
    return name, b"\x00" * size


def bomb_zip(name: str, size: int, *, repeat=b"\x00") -> bytes:
    """One entry of ``size`` repeated bytes, compressed without holding it all at once."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        info = zipfile.ZipInfo(name)
        info.compress_type = zipfile.ZIP_DEFLATED
        with archive.open(info, "w", force_zip64=True) as stream:
            block = repeat * (1024 * 1024 // len(repeat))
            for _ in range(size // len(block)):
                stream.write(block)
    return buffer.getvalue()


def office_bomb(main_type: str, main_part: str, size: int) -> bytes:
    """A real-looking Office file whose main part inflates to ``size`` bytes of XML."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", content_types((main_part, main_type)))
        archive.writestr("_rels/.rels", RELS)
        info = zipfile.ZipInfo(main_part.lstrip("/"))
        info.compress_type = zipfile.ZIP_DEFLATED
        with archive.open(info, "w", force_zip64=True) as stream:
            stream.write(b'<?xml version="1.0"?><w:document><w:body>')
            block = b"<w:p><w:r><w:t>A</w:t></w:r></w:p>" * 30000
            for _ in range(size // len(block)):
                stream.write(block)
            stream.write(b"</w:body></w:document>")
    return buffer.getvalue()


def nested_bomb(levels: int, copies: int) -> bytes:
    data = bomb_zip("0.txt", 1024 * 1024)
    for level in range(levels):
        data = zip_bytes([(f"{level}-{n}.zip", data) for n in range(copies)])
    return data


def overlapping_zip(entries: int, size: int) -> bytes:
    """Fifield's flat bomb: many central-directory records pointing at one compressed body."""
    body = zlib.compressobj(9, zlib.DEFLATED, -15)
    compressed = body.compress(b"\x00" * size) + body.flush()
    crc = zlib.crc32(b"\x00" * size)
    name = b"a.txt"
    local = struct.pack(
        "<4s5H3L2H", b"PK\x03\x04", 20, 0, 8, 0, 0, crc, len(compressed), size, len(name), 0
    )
    out = bytearray(local + name + compressed)
    central = bytearray()
    for n in range(entries):
        entry_name = b"%04d.txt" % n
        central += (
            struct.pack(
                "<4s6H3L5H2L",
                b"PK\x01\x02",
                20,
                20,
                0,
                8,
                0,
                0,
                crc,
                len(compressed),
                size,
                len(entry_name),
                0,
                0,
                0,
                0,
                0,
                0,
            )
            + entry_name
        )
    start = len(out)
    out += central
    out += struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, entries, entries, len(central), start, 0)
    return bytes(out)


# --- legacy Office (OLE compound file) ------------------------------------------------------


def ole(*streams: str) -> bytes:
    """A compound file whose directory names the given streams (enough for a name check)."""
    header = bytearray(512)
    header[0:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHHH", header, 0x18, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<L", header, 0x30, 0)  # first directory sector
    directory = bytearray()
    for index, (name, kind) in enumerate([("Root Entry", 5), *((s, 2) for s in streams)]):
        entry = bytearray(128)
        encoded = name.encode("utf-16-le") + b"\x00\x00"
        entry[: len(encoded)] = encoded
        struct.pack_into("<H", entry, 64, len(encoded))
        entry[66] = kind
        struct.pack_into("<lll", entry, 68, -1, -1, 1 if index == 0 and streams else -1)
        directory += entry
    directory += b"\x00" * (-len(directory) % 512)
    return bytes(header + directory + b"\x00" * 1024)


# --- images ----------------------------------------------------------------------------------


def image(fmt: str, size=(64, 48), **save) -> bytes:
    from PIL import Image

    picture = Image.new("RGB", size, (30, 120, 200))
    buffer = io.BytesIO()
    picture.save(buffer, fmt, **save)
    return buffer.getvalue()


def jpeg_with_gps() -> bytes:
    from PIL import Image

    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    gps = exif.get_ifd(0x8825)
    gps.update({1: "N", 2: (13.0, 45.0, 12.5), 3: "E", 4: (100.0, 30.0, 5.0)})
    return image("JPEG", exif=exif.tobytes())


def animated_gif(frames: int, size=(8, 8)) -> bytes:
    from PIL import Image

    pictures = [Image.new("RGB", size, (n % 256, n // 256 * 40, 90)) for n in range(frames)]
    buffer = io.BytesIO()
    pictures[0].save(buffer, "GIF", save_all=True, append_images=pictures[1:], duration=50)
    return buffer.getvalue()


def huge_png(width: int, height: int) -> bytes:
    """A complete, valid grey PNG of the given size, compressed row by row."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">L", len(data)) + kind + data + struct.pack(">L", zlib.crc32(kind + data))
        )

    compressor = zlib.compressobj(9)
    row = b"\x00" * (width + 1)
    rows = bytearray()
    for _ in range(height):
        rows += compressor.compress(row)
    rows += compressor.flush()
    header = struct.pack(">LLBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", bytes(rows))
        + chunk(b"IEND", b"")
    )


def jpeg_header_only(width: int, height: int) -> bytes:
    sof = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, height, width, 1) + b"\x01\x11\x00"
    return (
        b"\xff\xd8\xff\xe0"
        + struct.pack(">H", 16)
        + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
        + sof
        + b"\xff\xd9"
    )


def webp_canvas(width: int, height: int) -> bytes:
    vp8x = (
        b"\x00\x00\x00\x00" + (width - 1).to_bytes(3, "little") + (height - 1).to_bytes(3, "little")
    )
    body = b"WEBP" + b"VP8X" + struct.pack("<L", len(vp8x)) + vp8x
    return b"RIFF" + struct.pack("<L", len(body)) + body


def gif_screen(width: int, height: int) -> bytes:
    return (
        b"GIF89a"
        + struct.pack("<HH", width, height)
        + b"\x00\x00\x00"
        + b",\x00\x00\x00\x00"
        + struct.pack("<HH", width, height)
        + b"\x00\x02\x02\x44\x01\x00;"
    )


def pdf_js_in_object_stream() -> bytes:
    """PDF 1.5 whose JavaScript action sits compressed in an object stream (xref stream)."""
    text = b"BT /F1 18 Tf 50 750 Td (x) Tj ET"
    hidden = b"<< /S /JavaScript /JS (app.alert(1)) >>"
    header = b"5 0 "
    packed = zlib.compress(header + hidden)
    plain = [
        b"<< /Type /Catalog /Pages 2 0 R /OpenAction 5 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(text) + text + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.5\n")
    offsets = {}
    for number, body in enumerate(plain, start=1):
        offsets[number] = len(out)
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    offsets[6] = len(out)
    out += (
        b"6 0 obj\n<< /Type /ObjStm /N 1 /First %d /Filter /FlateDecode /Length %d >>\nstream\n"
        % (len(header), len(packed))
        + packed
        + b"\nendstream\nendobj\n"
    )
    offsets[7] = len(out)
    rows = bytearray(b"\x00" + struct.pack(">L", 0) + b"\xff\xff")
    for number in range(1, 8):
        if number == 5:
            rows += b"\x02" + struct.pack(">L", 6) + struct.pack(">H", 0)
        else:
            rows += b"\x01" + struct.pack(">L", offsets[number]) + b"\x00\x00"
    out += (
        b"7 0 obj\n<< /Type /XRef /Size 8 /W [1 4 2] /Root 1 0 R /Length %d >>\nstream\n"
        % len(rows)
        + bytes(rows)
        + b"\nendstream\nendobj\n"
    )
    out += b"startxref\n%d\n%%%%EOF\n" % offsets[7]
    return bytes(out)


def xlsx_many_cells(rows: int, columns: int = 10) -> bytes:
    """A valid workbook with ``rows`` x ``columns`` numbers: small on disk, slow to read."""
    sheet_ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel_ns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    package_rels = "http://schemas.openxmlformats.org/package/2006/relationships"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            content_types(
                ("/xl/workbook.xml", XLSX_MAIN),
                (
                    "/xl/worksheets/sheet1.xml",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
                ),
            ),
        )
        archive.writestr(
            "_rels/.rels",
            f'<Relationships xmlns="{package_rels}"><Relationship Id="rId1" '
            f'Type="{rel_ns}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        )
        archive.writestr(
            "xl/workbook.xml",
            f'<workbook xmlns="{sheet_ns}" xmlns:r="{rel_ns}"><sheets>'
            '<sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
        )
        archive.writestr(
            "xl/_rels/workbook.xml.rels",
            f'<Relationships xmlns="{package_rels}"><Relationship Id="rId1" '
            f'Type="{rel_ns}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        )
        info = zipfile.ZipInfo("xl/worksheets/sheet1.xml")
        info.compress_type = zipfile.ZIP_DEFLATED
        with archive.open(info, "w", force_zip64=True) as stream:
            stream.write(f'<worksheet xmlns="{sheet_ns}"><sheetData>'.encode())
            row = "".join(f"<c><v>{n}</v></c>" for n in range(columns)).encode()
            block = b"<row>" + row + b"</row>"
            for _ in range(rows // 1000):
                stream.write(block * 1000)
            stream.write(b"</sheetData></worksheet>")
    return buffer.getvalue()


def symlink_zip() -> bytes:
    import io

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        info = zipfile.ZipInfo("link")
        info.external_attr = 0o120777 << 16
        archive.writestr(info, "/etc/passwd")
    return buffer.getvalue()


def encrypted_zip() -> bytes:
    data = bytearray(zip_bytes([("secret.txt", b"x" * 50)]))
    # Set the "encrypted" flag in the local header and the central directory record.
    data[6] |= 1
    central = data.index(b"PK\x01\x02")
    data[central + 8] |= 1
    return bytes(data)


def duplicate_zip() -> bytes:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return zip_bytes([("a.txt", b"one"), ("a.txt", b"two")])


def pypdf_js() -> bytes:
    import io

    from pypdf import PdfReader, PdfWriter
    from pypdf.actions import JavaScript

    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(pdf())))
    writer.add_open_action(JavaScript("app.alert('x');"))
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()

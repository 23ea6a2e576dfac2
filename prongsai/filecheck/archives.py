"""ZIP-based files (Office, OpenDocument, ZIP) and legacy Office (OLE) files, by structure.

Every archive is measured from its central directory (entry count, declared sizes, ratio) and
then read entry by entry with a byte budget, so a lying header cannot make us decompress more
than the policy allows; archives inside archives are opened the same way, to a fixed depth.
"""

import io
import posixpath
import stat
import struct
import zipfile

from defusedxml import ElementTree

from . import refusals
from .names import DANGEROUS_EXTENSIONS
from .refusals import Refused

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

_OOXML_MAIN = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": "docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": "xlsx",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml": "pptx",
}
_ODF_MIMETYPES = {
    b"application/vnd.oasis.opendocument.text": "odt",
    b"application/vnd.oasis.opendocument.spreadsheet": "ods",
    b"application/vnd.oasis.opendocument.presentation": "odp",
}
# Content types and parts that carry code: VBA projects, Excel 4 macro sheets, ActiveX.
_ACTIVE_MARKERS = ("macroenabled", "vbaproject", "macrosheet", "activex", "vnd.ms-office.vba")
_ACTIVE_PARTS = ("vbaproject.bin", "vbadata.xml", "/activex/", "macrosheets/", "basic/", "scripts/")
_SMALL_ENTRY = 1024 * 1024  # below this a high ratio is ordinary XML, not a bomb
_CHUNK = 64 * 1024


class _Budget:
    def __init__(self, policy):
        self.entries = policy.max_entries
        self.bytes = policy.max_uncompressed_bytes

    def take(self, entries: int = 0, size: int = 0) -> None:
        self.entries -= entries
        self.bytes -= size
        if self.entries < 0 or self.bytes < 0:
            raise Refused(refusals.UNSAFE, why="budget")


def _safe_entry_name(name: str) -> bool:
    if not name or "\x00" in name or "\\" in name or name.startswith("/"):
        return False
    if len(name) > 1 and name[1] == ":":
        return False
    parts = name.rstrip("/").split("/")
    if any(part in {"..", "."} or any(ord(ch) < 32 for ch in part) for part in parts):
        return False
    return posixpath.normpath(name).split("/")[0] != ".."


def _inspect_zip(data: bytes, policy, budget: _Budget, depth: int, *, plain: bool):
    """Open, measure and read a zip; return its entry names and a reader of small parts."""
    if not data.startswith(ZIP_MAGIC):
        raise Refused(refusals.UNSAFE, why="zip-prefix")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as exc:
        raise Refused(refusals.UNSAFE, why="zip-open") from exc
    budget.take(entries=len(infos))
    if not infos or min(info.header_offset for info in infos) != 0:
        raise Refused(refusals.UNSAFE, why="zip-layout")
    seen = set()
    for info in infos:
        if not _safe_entry_name(info.filename):
            raise Refused(refusals.UNSAFE, why="zip-path")
        key = info.filename.lower()
        if key in seen:
            raise Refused(refusals.UNSAFE, why="zip-duplicate")
        seen.add(key)
        if stat.S_ISLNK(info.external_attr >> 16):
            raise Refused(refusals.UNSAFE, why="zip-symlink")
        if info.flag_bits & 0x1:
            raise Refused(refusals.UNSAFE, why="zip-encrypted")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise Refused(refusals.UNSAFE, why="zip-method")
        budget.take(size=info.file_size)
        if info.file_size > _SMALL_ENTRY and info.file_size > policy.max_ratio * max(
            info.compress_size, 1
        ):
            raise Refused(refusals.UNSAFE, why="zip-ratio")
        lowered = info.filename.lower()
        if plain and any(
            part in DANGEROUS_EXTENSIONS for part in posixpath.basename(lowered).split(".")[1:]
        ):
            raise Refused(refusals.ACTIVE, why="zip-executable")
        if not plain and any(marker in "/" + lowered for marker in _ACTIVE_PARTS):
            raise Refused(refusals.ACTIVE, why="macro-part")
    for info in infos:
        if info.is_dir():
            continue
        head = _read_entry(archive, info)
        if head.startswith(ZIP_MAGIC):
            if depth + 1 > policy.max_nesting:
                raise Refused(refusals.UNSAFE, why="zip-nesting")
            inner = _read_entry(archive, info, whole=True)
            _inspect_zip(inner, policy, budget, depth + 1, plain=plain)
        elif plain and head.startswith(OLE_MAGIC):
            ole_kind(_read_entry(archive, info, whole=True))
        elif plain and head.startswith((b"MZ", b"\x7fELF", b"#!")):
            raise Refused(refusals.ACTIVE, why="zip-executable")
    return archive, infos


def _read_entry(archive, info, *, whole: bool = False) -> bytes:
    """Read an entry to its end (checking its CRC); keep its head, or all of it if asked."""
    kept = bytearray()
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(_CHUNK):
                if whole or len(kept) < 16:
                    kept.extend(chunk)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
        raise Refused(refusals.UNSAFE, why="zip-read") from exc
    return bytes(kept)


def zip_kind(data: bytes, policy) -> str:
    """``docx``/``xlsx``/``pptx``/``odt``/``ods``/``odp`` or ``zip``; refuses anything unsafe."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = {info.filename for info in archive.infolist()}
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as exc:
        raise Refused(refusals.UNSAFE, why="zip-open") from exc
    office = "[Content_Types].xml" in names or "mimetype" in names
    archive, infos = _inspect_zip(data, policy, _Budget(policy), 0, plain=not office)
    if "[Content_Types].xml" in names:
        return _ooxml_kind(archive.read("[Content_Types].xml"))
    if "mimetype" in names:
        mimetype = archive.read("mimetype").strip()
        if any(name.lower().startswith(("basic/", "scripts/")) for name in names):
            raise Refused(refusals.ACTIVE, why="odf-macro")
        if mimetype not in _ODF_MIMETYPES:
            raise Refused(refusals.MISMATCH, why="odf-type")
        return _ODF_MIMETYPES[mimetype]
    return "zip"


def _ooxml_kind(content_types: bytes) -> str:
    try:
        root = ElementTree.fromstring(content_types)
    except Exception as exc:  # noqa: BLE001 - any XML error (including defused attacks) refuses
        raise Refused(refusals.UNSAFE, why="ooxml-types") from exc
    types = {(element.get("ContentType") or "").strip() for element in root.iter()}
    if any(marker in value.lower() for value in types for marker in _ACTIVE_MARKERS):
        raise Refused(refusals.ACTIVE, why="ooxml-macro")
    kinds = {_OOXML_MAIN[value] for value in types if value in _OOXML_MAIN}
    if len(kinds) != 1:
        raise Refused(refusals.MISMATCH, why="ooxml-main")
    return kinds.pop()


# --- legacy Office (OLE compound files) ----------------------------------------------------

_OLE_MAIN_STREAMS = {
    "WordDocument": "doc",
    "Workbook": "xls",
    "Book": "xls",
    "PowerPoint Document": "ppt",
}
_OLE_ACTIVE_STREAMS = (
    "_VBA_PROJECT_CUR",
    "_VBA_PROJECT",
    "VBA",
    "Macros",
    "ObjectPool",
    "\x01Ole10Native",
    "MBD",
)


def _ole_directory_names(data: bytes) -> set[str]:
    """Names of the compound file's directory entries (128-byte records, UTF-16 names)."""
    if len(data) < 512 + 128:
        raise Refused(refusals.UNSAFE, why="ole-truncated")
    shift = struct.unpack_from("<H", data, 0x1E)[0]
    if shift not in (9, 12):
        raise Refused(refusals.UNSAFE, why="ole-header")
    sector = 1 << shift
    names = set()
    # Directory entries sit on 128-byte boundaries of sectors; an entry's name length field
    # (bytes, with the terminator) must match its NUL-terminated UTF-16 name.
    for offset in range(sector, len(data) - 127, 128):
        length = struct.unpack_from("<H", data, offset + 64)[0]
        kind = data[offset + 66]
        if not (2 <= length <= 64 and length % 2 == 0 and kind in (1, 2, 5)):
            continue
        raw = data[offset : offset + length - 2]
        if data[offset + length - 2 : offset + length] != b"\x00\x00":
            continue
        try:
            name = raw.decode("utf-16-le")
        except UnicodeDecodeError:
            continue
        if name and all(ch.isprintable() or ch in "\x01\x05" for ch in name):
            names.add(name)
    return names


def ole_kind(data: bytes) -> str:
    names = _ole_directory_names(data)
    if "Root Entry" not in names:
        raise Refused(refusals.UNSAFE, why="ole-root")
    if any(name in names for name in _OLE_ACTIVE_STREAMS):
        raise Refused(refusals.ACTIVE, why="ole-macro")
    kinds = {kind for stream, kind in _OLE_MAIN_STREAMS.items() if stream in names}
    if len(kinds) != 1:
        raise Refused(refusals.MISMATCH, why="ole-main")
    return kinds.pop()

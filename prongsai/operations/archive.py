"""The archive: one tar with every member hashed, the manifest as its last member.

The manifest comes last so that media and the traffic store are streamed straight from disk
(no second copy on a disk that may be nearly full), each hashed while it is written. A tar cut
anywhere therefore has no manifest, or a member that does not match it: both are refused.
Files that are appended to while the backup runs (traffic segments, the checkpoint file) are
copied up to their last whole line, so the copy is a consistent prefix the chain verifies.
"""

import hashlib
import io
import json
import tarfile
from pathlib import Path

MANIFEST = "manifest.json"
FORMAT = 1
_APPENDED = (".seg", ".log")


class _HashingReader(io.RawIOBase):
    def __init__(self, handle, limit: int):
        self._handle = handle
        self._left = limit
        self.digest = hashlib.sha256()

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        if size < 0 or size > self._left:
            size = self._left
        data = self._handle.read(size)
        self._left -= len(data)
        self.digest.update(data)
        return data


def whole_lines_size(path: Path) -> int:
    """The size up to and including the last end of line (a write in progress is left out)."""
    size = path.stat().st_size
    if path.suffix not in _APPENDED or size == 0:
        return size
    with open(path, "rb") as handle:
        position = size
        while position > 0:
            step = min(65536, position)
            handle.seek(position - step)
            block = handle.read(step)
            found = block.rfind(b"\n")
            if found >= 0:
                return position - step + found + 1
            position -= step
    return 0


class ArchiveWriter:
    def __init__(self, path: Path):
        self._tar = tarfile.open(path, "w", format=tarfile.PAX_FORMAT)  # noqa: SIM115
        self.files: dict[str, dict] = {}

    def add_file(self, source: Path, name: str) -> None:
        size = whole_lines_size(source)
        info = tarfile.TarInfo(name)
        info.size = size
        info.mtime = int(source.stat().st_mtime)
        info.mode = 0o640
        with open(source, "rb") as handle:
            reader = _HashingReader(handle, size)
            self._tar.addfile(info, reader)
        self.files[name] = {"sha256": reader.digest.hexdigest(), "size": size}

    def add_tree(self, root: Path, prefix: str, order=None) -> None:
        if not root.exists():
            return
        paths = [path for path in root.rglob("*") if path.is_file() and not path.is_symlink()]
        for path in sorted(paths, key=order or (lambda p: str(p))):
            self.add_file(path, f"{prefix}/{path.relative_to(root).as_posix()}")

    def close(self, manifest: dict) -> None:
        manifest = {**manifest, "format": FORMAT, "files": self.files}
        data = json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True).encode()
        info = tarfile.TarInfo(MANIFEST)
        info.size = len(data)
        info.mode = 0o640
        self._tar.addfile(info, io.BytesIO(data))
        self._tar.close()


class DamagedArchive(ValueError):
    pass


def sha256_of(path: Path) -> str:
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def unpack(path: Path, staging: Path) -> dict:
    """Extract into ``staging`` and check every member against the manifest; return it."""
    try:
        with tarfile.open(path, "r:") as tar:
            members = tar.getmembers()
            for member in members:
                if not member.isfile():
                    raise DamagedArchive(f"unexpected member {member.name!r} (not a file)")
            tar.extractall(staging, filter="data")
    except (tarfile.TarError, EOFError) as exc:  # a full disk (OSError) is not the archive's fault
        raise DamagedArchive(f"the archive cannot be read ({exc})") from exc
    names = {member.name for member in members}
    if MANIFEST not in names:
        raise DamagedArchive("the manifest is missing: the archive is truncated or not a backup")
    try:
        manifest = json.loads((staging / MANIFEST).read_text("utf-8"))
        files = manifest["files"]
    except (ValueError, KeyError, TypeError) as exc:
        raise DamagedArchive(f"the manifest is unreadable ({exc})") from exc
    extra = names - set(files) - {MANIFEST}
    if extra:
        raise DamagedArchive(f"members not in the manifest: {', '.join(sorted(extra)[:5])}")
    for name, expected in files.items():
        target = staging / name
        if not target.is_file():
            raise DamagedArchive(f"{name} is missing: the archive is truncated")
        if target.stat().st_size != expected["size"] or sha256_of(target) != expected["sha256"]:
            raise DamagedArchive(f"{name} does not match its hash in the manifest (damaged)")
    return manifest

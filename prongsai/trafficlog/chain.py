"""The line format of every traffic-data file: one hash-chained record per line.

    <hash:64 hex> SP <prev:64 hex> SP <body>\\n      hash = SHA-256(<prev> SP <body>)

The hash covers the previous record's hash, so deleting, inserting, reordering or editing a
line breaks the chain at that line. Anyone can re-check one line with standard tools:
``cut -c66- <<<"$line" | tr -d '\\n' | sha256sum`` equals its first 64 characters.
Each file starts its own chain from a genesis value derived from the file's name, so files
are verified independently and a renamed file is detected (ADR 0040).
"""

import hashlib

HASH_LEN = 64
BODY_START = 2 * HASH_LEN + 2  # after "<hash> <prev> "
FORMAT_VERSION = "prongsai-traffic-v1"


def genesis(name: str) -> str:
    return hashlib.sha256(f"{FORMAT_VERSION} {name}".encode()).hexdigest()


def make_line(prev: str, body: str) -> tuple[str, bytes]:
    """Return (hash, encoded line) for ``body`` (one line of text, no newline) after ``prev``."""
    chained = f"{prev} {body}".encode()
    digest = hashlib.sha256(chained).hexdigest()
    return digest, digest.encode() + b" " + chained + b"\n"


def body_of(line: bytes) -> bytes:
    return line[BODY_START:].rstrip(b"\n")

"""Encrypt an archive to an X25519 public key; only the holder of the private key restores it.

The server holds only the public key, so a stolen backup disk or a compromised server cannot
read old archives (ADR 0200). Format: a magic line, the 32-byte ephemeral public key, then
chunks of ``4-byte length + AES-256-GCM ciphertext``. Each chunk's nonce is its counter and its
associated data says whether it is the last one, so a reordered, cut or extended file fails to
decrypt instead of restoring part of a backup.
"""

import struct
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

MAGIC = b"PRONGSAI-BACKUP-X25519-AESGCM-1\n"
CHUNK = 1024 * 1024
_RAW = serialization.Encoding.Raw, serialization.PublicFormat.Raw


class DecryptionError(ValueError):
    pass


def is_encrypted(path: Path) -> bool:
    with open(path, "rb") as handle:
        return handle.read(len(MAGIC)) == MAGIC


def load_public_key(path: Path) -> X25519PublicKey:
    key = serialization.load_pem_public_key(Path(path).read_bytes())
    if not isinstance(key, X25519PublicKey):
        raise ValueError(
            "the backup public key must be an X25519 key (openssl genpkey -algorithm x25519)"
        )
    return key


def load_private_key(path: Path) -> X25519PrivateKey:
    key = serialization.load_pem_private_key(Path(path).read_bytes(), password=None)
    if not isinstance(key, X25519PrivateKey):
        raise ValueError("the backup private key must be an X25519 key")
    return key


def _aead(shared: bytes, ephemeral: bytes, recipient: bytes) -> AESGCM:
    key = HKDF(
        algorithm=hashes.SHA256(),
        length=32,
        salt=ephemeral + recipient,
        info=b"prongsai backup archive",
    ).derive(shared)
    return AESGCM(key)


def _nonce(counter: int) -> bytes:
    return b"\0\0\0\0" + struct.pack(">Q", counter)


def _aad(header: bytes, last: bool) -> bytes:
    return header + (b"\1" if last else b"\0")


def encrypt_file(source: Path, target: Path, public_key: X25519PublicKey) -> None:
    ephemeral = X25519PrivateKey.generate()
    ephemeral_raw = ephemeral.public_key().public_bytes(*_RAW)
    aead = _aead(ephemeral.exchange(public_key), ephemeral_raw, public_key.public_bytes(*_RAW))
    header = MAGIC + ephemeral_raw
    with open(source, "rb") as src, open(target, "wb") as out:
        out.write(header)
        counter = 0
        chunk = src.read(CHUNK)
        while True:
            following = src.read(CHUNK)
            last = not following
            sealed = aead.encrypt(_nonce(counter), chunk, _aad(header, last))
            out.write(struct.pack(">I", len(sealed)) + sealed)
            if last:
                break
            counter += 1
            chunk = following


def decrypt_file(source: Path, target: Path, private_key: X25519PrivateKey) -> None:
    recipient = private_key.public_key().public_bytes(*_RAW)
    with open(source, "rb") as src, open(target, "wb") as out:
        header = src.read(len(MAGIC) + 32)
        if len(header) != len(MAGIC) + 32 or not header.startswith(MAGIC):
            raise DecryptionError("not an encrypted Prongsai backup")
        ephemeral_raw = header[len(MAGIC) :]
        shared = private_key.exchange(X25519PublicKey.from_public_bytes(ephemeral_raw))
        aead = _aead(shared, ephemeral_raw, recipient)
        counter = 0
        while True:
            size_bytes = src.read(4)
            if len(size_bytes) != 4:
                raise DecryptionError("the archive ends before its last block (truncated)")
            (size,) = struct.unpack(">I", size_bytes)
            sealed = src.read(size)
            if len(sealed) != size or size > CHUNK + 16:
                raise DecryptionError("the archive ends inside a block (truncated)")
            last = not src.peek(1) if hasattr(src, "peek") else False
            try:
                plain = aead.decrypt(_nonce(counter), sealed, _aad(header, last))
            except InvalidTag as exc:
                raise DecryptionError(
                    "a block does not decrypt: wrong key, damaged or truncated archive"
                ) from exc
            out.write(plain)
            if last:
                return
            counter += 1

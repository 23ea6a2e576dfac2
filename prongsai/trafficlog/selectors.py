"""Reading traffic records for investigations: search and the export manifest."""

import hashlib
import ipaddress
import json
from dataclasses import dataclass
from datetime import datetime

from . import chain, checkpoints, records, store
from .verify import segment_in_range

SEARCH_LIMIT = 10_000


@dataclass(frozen=True)
class Query:
    start: datetime
    end: datetime
    ip: str = ""
    user_id: str = ""
    path_contains: str = ""

    def as_dict(self) -> dict:
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "ip": self.ip,
            "user_id": self.user_id,
            "path_contains": self.path_contains,
        }


@dataclass(frozen=True)
class Found:
    """One record and where it is, so an official can check it against the segment file."""

    segment: str
    line: int
    hash: str
    values: dict


def search(query: Query, limit: int = SEARCH_LIMIT) -> tuple[list[Found], list[str]]:
    """Matching records (oldest first) and the names of the segments that were read."""
    ledgers, _problem = checkpoints.read_ledger()
    network = _network(query.ip)
    start_text, end_text = query.start.isoformat(), query.end.isoformat()
    found: list[Found] = []
    read: list[str] = []
    for info in store.list_segments():
        name = store.relative_name(info.path)
        if not segment_in_range(info, ledgers.get(name), query.start, query.end):
            continue
        read.append(name)
        with open(info.path, "rb") as handle:
            for number, line in enumerate(handle, 1):
                if number == 1 or not line.endswith(b"\n"):
                    continue
                values = json.loads(chain.body_of(line))
                if not _matches(values, query, network, start_text, end_text):
                    continue
                found.append(Found(name, number, line[: chain.HASH_LEN].decode(), _as_dict(values)))
                if len(found) >= limit:
                    return _sorted(found), read
    return _sorted(found), read


def _as_dict(values: list) -> dict:
    return records.as_dict(values)


def _sorted(found: list[Found]) -> list[Found]:
    return sorted(found, key=lambda item: datetime.fromisoformat(item.values["time"]))


def _network(text: str):
    if not text:
        return None
    return ipaddress.ip_network(text, strict=False)


def _matches(values, query: Query, network, start_text: str, end_text: str) -> bool:
    when = datetime.fromisoformat(values[1])
    if when < query.start or when > query.end:
        return False
    if network is not None:
        try:
            if ipaddress.ip_address(values[4]) not in network:
                return False
        except ValueError:
            return False
    if query.user_id and str(values[14]) != query.user_id:
        return False
    return not (query.path_contains and query.path_contains not in (values[8] or ""))


def manifest(segment_names: list[str]) -> list[dict]:
    """Per segment: SHA-256 of the file now, and what the checkpoint file sealed (if sealed)."""
    ledgers, _problem = checkpoints.read_ledger()
    rows = []
    root = store.traffic_dir()
    for name in segment_names:
        path = root / name
        with open(path, "rb") as handle:
            digest = hashlib.file_digest(handle, "sha256").hexdigest()
        ledger = ledgers.get(name)
        seal = ledger.seal if ledger else None
        rows.append(
            {
                "segment": name,
                "sha256": digest,
                "genesis": chain.genesis(name),
                "sealed": bool(seal),
                "sealed_sha256": seal["sha256"] if seal else None,
                "sealed_count": seal["count"] if seal else None,
                "sealed_head": seal["head"] if seal else None,
                "matches_seal": (seal["sha256"] == digest) if seal else None,
            }
        )
    return rows

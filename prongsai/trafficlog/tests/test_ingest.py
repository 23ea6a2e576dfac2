"""R40: nginx access logs join the same store, idempotently, and bad lines are reported."""

import gzip

import pytest
from django.core.management import call_command

from prongsai.trafficlog import store
from prongsai.trafficlog.nginx import ingest_files
from prongsai.trafficlog.verify import verify_all

GOOD = (
    '203.0.113.5 - - [15/Jan/2026:10:00:{second:02d} +0700] "GET /static/app.css?v={n} HTTP/1.1" '
    '200 5120 "https://www.example.go.th/" "Mozilla/5.0 (Thai)" {rid:032x} 53211 '
    '17684460{second:02d}.123 0.004 "www.example.go.th"\n'
)
COMBINED_PLUS_ID = (
    '198.51.100.7 - - [15/Jan/2026:11:30:00 +0700] "POST /feedback/ HTTP/2.0" 302 0 "-" '
    '"curl/8" 0123456789abcdef0123456789abcdef\n'
)


def records_in_store():
    count = 0
    for info in store.list_segments():
        count += len(info.path.read_bytes().splitlines()) - 1
    return count


def write_log(path, lines):
    path.write_text("".join(lines))
    return path


def test_r40_ingest_twice_adds_nothing_the_second_time(tmp_path):
    log = write_log(tmp_path / "access.log", [GOOD.format(second=s, n=s, rid=s) for s in range(30)])
    assert ingest_files([log]).ingested == 30
    assert ingest_files([log]).ingested == 0
    assert records_in_store() == 30
    assert verify_all().ok


def test_lines_appended_later_are_picked_up_and_a_renamed_or_gzipped_copy_is_recognised(tmp_path):
    log = write_log(tmp_path / "access.log", [GOOD.format(second=s, n=s, rid=s) for s in range(10)])
    ingest_files([log])
    with open(log, "a") as handle:
        handle.write(GOOD.format(second=40, n=40, rid=40))
        handle.write(GOOD.format(second=41, n=41, rid=41)[:50])  # nginx still writing
    assert ingest_files([log]).ingested == 1
    compressed = tmp_path / "access.log.1.gz"
    compressed.write_bytes(gzip.compress(log.read_bytes()))
    assert ingest_files([compressed]).ingested == 0
    assert records_in_store() == 11


def test_fields_of_the_documented_format_and_of_combined_plus_request_id(tmp_path):
    log = write_log(tmp_path / "a.log", [GOOD.format(second=1, n=7, rid=255), COMBINED_PLUS_ID])
    ingest_files([log])
    from datetime import datetime

    from prongsai.trafficlog.records import BANGKOK
    from prongsai.trafficlog.selectors import Query, search

    found, _ = search(
        Query(datetime(2026, 1, 15, tzinfo=BANGKOK), datetime(2026, 1, 16, tzinfo=BANGKOK))
    )
    first, second = (item.values for item in found)
    assert first["time"] == "2026-01-15T10:00:01.123000+07:00"
    assert first["client_port"] == 53211
    assert first["path"] == "/static/app.css?v=7"
    assert first["host"] == "www.example.go.th"
    assert first["duration_us"] == 4000
    assert first["source"] == "nginx"
    assert second["time"] == "2026-01-15T11:30:00.000000+07:00"
    assert second["method"] == "POST" and second["status"] == 302
    assert second["request_id"] == "0123456789abcdef0123456789abcdef"
    assert second["referrer"] == ""


def test_r40_malformed_lines_are_counted_with_line_numbers_and_the_rest_is_ingested(tmp_path):
    lines = [GOOD.format(second=s, n=s, rid=s) for s in range(6)]
    lines.insert(2, "this is not an access log line\n")
    lines.insert(
        5, '203.0.113.5 - - [99/Foo/2026:10:00:00 +0700] "GET / HTTP/1.1" 200 1 "-" "-" abc\n'
    )
    log = write_log(tmp_path / "access.log", lines)
    summary = ingest_files([log])
    assert summary.ingested == 6
    assert [(bad.line, bad.text[:12]) for bad in summary.malformed] == [
        (3, "this is not "),
        (6, "203.0.113.5 "),
    ]


def test_command_reports_malformed_lines_and_exits_non_zero(tmp_path, capsys):
    log = write_log(tmp_path / "access.log", [GOOD.format(second=1, n=1, rid=1), "garbage\n"])
    with pytest.raises(SystemExit) as exit_info:
        call_command("traffic_ingest_nginx", str(log))
    assert exit_info.value.code == 2
    output = capsys.readouterr()
    assert f"{log}:2" in output.err
    assert "นำเข้า 1 รายการ" in output.out


def test_a_crash_between_writing_and_remembering_repeats_nothing(tmp_path, traffic_dir):
    """The batch write and the offset move are one unit even if the process dies between them."""
    import json

    from prongsai.trafficlog import nginx

    log = write_log(tmp_path / "access.log", [GOOD.format(second=s, n=s, rid=s) for s in range(5)])
    state_path = traffic_dir / nginx.STATE_FILE
    traffic_dir.mkdir(parents=True, exist_ok=True)
    # Simulate the state a run leaves when killed right after its single write.
    writer = store.SegmentWriter(traffic_dir, "nginx")
    rows = [nginx.parse_line(line, nginx._TimeCache()) for line in log.read_text().splitlines()]
    writer.ensure_open_for(rows[0][0])
    key = __import__("hashlib").sha256(log.read_bytes().splitlines(keepends=True)[0]).hexdigest()
    pending = {
        "key": key,
        "segment": str(writer.path),
        "size_before": writer.size,
        "offset": log.stat().st_size,
        "line": 5,
        "path": str(log),
    }
    state_path.write_text(json.dumps({"_pending": pending}))
    writer.append_many(rows)
    writer.close()
    assert ingest_files([log]).ingested == 0
    assert records_in_store() == 5


FAST = [  # the last one: leading zeros and a $msec with four decimals
    GOOD.format(second=5, n=5, rid=5),
    COMBINED_PLUS_ID,
    '198.51.100.7 - alice [15/Jan/2026:11:30:00 +0000] "GET / HTTP/1.1" 200 - "-" "-" abc -\n',
    '::1 - - [15/Jan/2026:11:30:01 +0700] "GET /a b HTTP/1.1" 200 1 "-" "<b>&\'" v6 65535 '
    '1768451401.9 99.999 ""\n',
    '198.51.100.7 - - [15/Jan/2026:11:30:01 +0700] "GET /a HTTP/1.1" 200 00012 "-" "-" z 00080 '
    "1768451401.1234 0.0005\n",
]
GENERAL = [  # nginx escapes, Thai text, a request line without a path
    '198.51.100.7 - - [15/Jan/2026:11:30:01 +0700] "GET /x\\x22y HTTP/1.1" 200 0 "a\\x5Cb" "-" '
    'z2 1 1768451401.100 0.1 "h"\n',
    '198.51.100.7 - - [15/Jan/2026:11:30:01 +0700] "GET /ไทย HTTP/1.1" 200 0 "-" "-" z3\n',
    '198.51.100.7 - - [15/Jan/2026:11:30:01 +0700] "-" 400 0 "-" "-" z4 - 1768451401.5 -\n',
]


@pytest.mark.parametrize(
    ("line", "fast"), [(line, True) for line in FAST] + [(line, False) for line in GENERAL]
)
def test_the_fast_path_stores_byte_for_byte_what_the_json_encoder_stores(line, fast):
    """Existing segments and traffic_verify rely on one stored text per record (ADR 0044);
    lines the fast path cannot encode exactly are left to the general path."""
    from prongsai.trafficlog import nginx, nginx_lines, records

    data = line.encode()
    [(start, end, _day, when, tail)] = list(nginx_lines.BlockParser().lines(data, 0, len(data)))
    assert (start, end) == (0, len(data))
    assert (tail is not None) == fast
    if fast:
        row = nginx.parse_line(line, nginx._TimeCache())
        assert tail.decode() == records.encode(row)[1:]
        assert when.decode() == row[0]


def test_lines_cut_by_read_blocks_and_batches_are_stored_once_and_in_order(tmp_path, settings):
    from prongsai.trafficlog import nginx

    lines = [GOOD.format(second=s % 60, n=s, rid=s) for s in range(200)]
    lines.insert(50, "garbage\n")
    log = write_log(tmp_path / "access.log", lines)
    settings.TRAFFIC_DIR = tmp_path / "whole"
    ingest_files([log])
    expected = [line.split(b" ", 2)[2] for line in _stored_lines()]
    settings.TRAFFIC_DIR = tmp_path / "pieces"
    original = nginx.READ_BYTES, nginx.BATCH_LINES
    nginx.READ_BYTES, nginx.BATCH_LINES = 97, 7  # blocks end mid-line; many small batches
    try:
        summary = ingest_files([log])
    finally:
        nginx.READ_BYTES, nginx.BATCH_LINES = original
    assert summary.ingested == 200
    assert [bad.line for bad in summary.malformed] == [51]
    assert [line.split(b" ", 2)[2] for line in _stored_lines()] == expected
    assert verify_all().ok


def _stored_lines():
    found = []
    for info in store.list_segments():
        found += info.path.read_bytes().splitlines()[1:]
    return found

"""R40, issue 12 item 6: whole records written after the last checkpoint cannot be cut off the
end of a segment unnoticed; the signed running head (ADR 0102) knows how many there were."""

import json

import pytest

from prongsai.trafficlog import runninghead, store
from prongsai.trafficlog.sealing import seal_and_checkpoint
from prongsai.trafficlog.verify import verify_all


def row(number):
    return [
        "2026-01-15T10:00:00.000000+07:00",
        "app",
        f"r{number}",
        "203.0.113.1",
        40000 + number,
        "GET",
        "www.example.go.th",
        f"/?n={number}",
        200,
        1,
        1,
        "",
        "",
        None,
    ]


@pytest.fixture
def open_segment(traffic_dir):
    """A worker's segment, still open: 10 records checkpointed, then 10 more after the checkpoint."""
    writer = store.SegmentWriter(traffic_dir, "app")
    for number in range(10):
        writer.append(row(number))
    assert len(seal_and_checkpoint().checkpointed) == 1
    for number in range(10, 20):
        writer.append(row(number))
    yield writer
    writer.close()


def cut_last(path, count):
    lines = path.read_bytes().splitlines(keepends=True)
    path.write_bytes(b"".join(lines[:-count]))


@pytest.mark.parametrize("deleted", [1, 3, 10])
def test_r40_deleting_the_newest_whole_records_after_the_last_checkpoint_is_detected(
    open_segment, deleted
):
    assert verify_all().ok
    cut_last(open_segment.path, deleted)
    result = verify_all()
    assert not result.ok
    problem = result.first_problem()
    assert "truncated tail" in problem
    assert f"ends after {20 - deleted} records but its running head recorded 20" in problem


def test_r40_the_running_head_cannot_be_rewritten_without_the_key(open_segment):
    cut_last(open_segment.path, 3)
    head_file = runninghead.head_path(open_segment.path)
    data = json.loads(head_file.read_bytes())
    lines = open_segment.path.read_bytes().splitlines()
    data["count"], data["head"] = 17, lines[-1][:64].decode()
    head_file.write_bytes(json.dumps(data).encode())
    problem = verify_all().first_problem()
    assert "running head" in problem and "signature does not match" in problem


def test_r40_deleting_the_running_head_with_the_records_is_detected(open_segment):
    cut_last(open_segment.path, 3)
    runninghead.head_path(open_segment.path).unlink()
    assert "running head missing" in verify_all().first_problem()


def test_a_sealed_segment_and_an_ingest_batch_keep_a_matching_head(open_segment, traffic_dir):
    open_segment.close()
    seal_and_checkpoint()
    assert verify_all().ok
    ingest = store.SegmentWriter(traffic_dir, "nginx")
    ingest.append_many([row(number) for number in range(5)])
    ingest.close()
    assert verify_all().ok
    head, problem = runninghead.read(ingest.path, store.relative_name(ingest.path))
    assert problem is None and head["count"] == 5


def test_r40_running_heads_still_verify_after_the_secret_key_is_rotated(open_segment, settings):
    old = settings.SECRET_KEY
    settings.SECRET_KEY = "a-new-secret-key-after-rotation-" + "x" * 30
    settings.SECRET_KEY_FALLBACKS = [old]
    assert verify_all().ok
    settings.SECRET_KEY_FALLBACKS = []  # the old key dropped too early: the heads no longer verify
    assert "signature does not match" in verify_all().first_problem()


def test_r40_a_segment_whose_header_does_not_fit_on_the_disk_leaves_nothing_behind(traffic_dir):
    """Found by bench/faults.py: a worker started while the disk was full kept a segment with
    half a header and no running head; its next requests answered 500 and the chain broke."""
    import resource
    import signal

    writer = store.SegmentWriter(traffic_dir, "app")
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    previous = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (100, hard))  # files stop growing at 100 bytes
    try:
        for number in range(2):
            with pytest.raises(OSError):
                writer.append(row(number))
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, previous)
    writer.append(row(2))  # space is back
    writer.close()
    result = verify_all()
    assert result.ok, result.first_problem()
    assert result.records == 1

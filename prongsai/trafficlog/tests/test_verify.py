"""R40: tampering with stored traffic data is detected, at the exact line, every time."""

import random

import pytest

from prongsai.trafficlog import checkpoints, store
from prongsai.trafficlog.sealing import seal_and_checkpoint
from prongsai.trafficlog.verify import verify_all, verify_segment


def lines_of(path):
    return path.read_bytes().splitlines(keepends=True)


def rewrite(path, lines):
    path.chmod(0o640)
    path.write_bytes(b"".join(lines))


def problem_of(path):
    ledgers, _ = checkpoints.read_ledger()
    return verify_segment(path, ledgers.get(store.relative_name(path))).problem


def test_untouched_segment_verifies(write_segment):
    write_segment(50)
    result = verify_all()
    assert result.ok and result.records == 50


def test_r40_deleted_record_is_reported_at_its_line(write_segment):
    path = write_segment(30)
    lines = lines_of(path)
    del lines[11]  # line 12 holds record #11
    rewrite(path, lines)
    problem = problem_of(path)
    assert problem.startswith(
        "line 12: deleted records: 1 record(s) missing before this line (#11)"
    )


def test_r40_swapped_records_are_reported_as_reordered(write_segment):
    path = write_segment(30)
    lines = lines_of(path)
    lines[5], lines[20] = lines[20], lines[5]
    rewrite(path, lines)
    assert problem_of(path) == (
        "line 6: reordered records: record #20 appears where #5 belongs; #5 is at line 21"
    )


@pytest.mark.parametrize("seed", range(3))
def test_r40_a_flipped_byte_anywhere_is_detected_at_its_line(write_segment, seed):
    path = write_segment(40)
    original = path.read_bytes()
    randomness = random.Random(seed)
    for _ in range(150):
        position = randomness.randrange(len(original))
        damaged = bytearray(original)
        damaged[position] ^= 1 << randomness.randrange(8)
        rewrite(path, [bytes(damaged)])
        line = original.count(b"\n", 0, position) + 1
        problem = problem_of(path)
        assert problem is not None, position
        assert problem.startswith(f"line {line}:"), (position, problem)


def test_r40_incomplete_last_line_is_a_truncated_tail(write_segment):
    path = write_segment(10)
    data = path.read_bytes()
    rewrite(path, [data[:-40]])
    assert problem_of(path).startswith("line 11: truncated tail: the last record is incomplete")


def test_r40_whole_records_cut_from_the_tail_are_detected_by_the_checkpoint(write_segment):
    path = write_segment(10)
    seal_and_checkpoint()
    rewrite(path, lines_of(path)[:-3])
    assert problem_of(path).startswith(
        "line 9: truncated tail: the segment ends after 7 records but a checkpoint recorded 10"
    )


def test_chain_recomputed_after_a_change_is_caught_by_the_checkpoint(write_segment, traffic_dir):
    path = write_segment(10)
    seal_and_checkpoint()
    # An attacker rewrites record 3 and recomputes every later hash consistently.
    from prongsai.trafficlog import chain

    lines = lines_of(path)
    prev = chain.genesis(store.relative_name(path))
    rebuilt = []
    for number, line in enumerate(lines):
        body = chain.body_of(line).decode()
        if number == 4:
            body = body.replace("203.0.113.9", "203.0.113.8")
        prev, new_line = chain.make_line(prev, body)
        rebuilt.append(new_line)
    rewrite(path, rebuilt)
    assert problem_of(path).startswith("line 11: rewritten")


def test_records_appended_after_sealing_are_reported(write_segment):
    path = write_segment(5)
    seal_and_checkpoint()
    from prongsai.trafficlog import chain

    last = lines_of(path)[-1]
    _digest, extra = chain.make_line(last[:64].decode(), '[6,"2026-01-15T10:00:00+07:00"]')
    rewrite(path, [*lines_of(path), extra])
    assert "appended after sealing" in problem_of(path)


def test_a_deleted_segment_is_reported_missing(write_segment):
    path = write_segment(5)
    seal_and_checkpoint()
    path.chmod(0o640)
    path.unlink()
    result = verify_all()
    assert not result.ok
    assert "segment missing" in result.first_problem()


def test_a_renamed_segment_fails_at_its_first_line(write_segment):
    path = write_segment(5)
    renamed = path.with_name("20260101T000000.000000-other-1-aaaaaa-app.seg")
    path.rename(renamed)
    assert problem_of(renamed).startswith("line 1:")


def test_sealing_skips_segments_still_held_by_their_writer(traffic_dir):
    writer = store.SegmentWriter(traffic_dir, "app")
    writer.append(
        [
            "2026-01-15T10:00:00.000000+07:00",
            "app",
            "r1",
            "203.0.113.1",
            None,
            "GET",
            "h",
            "/",
            200,
            1,
            1,
            "",
            "",
            None,
        ]
    )
    summary = seal_and_checkpoint()
    assert summary.sealed == [] and len(summary.checkpointed) == 1
    writer.close()
    summary = seal_and_checkpoint()
    assert len(summary.sealed) == 1
    assert verify_all().ok


def test_r40_a_segment_deleted_before_any_checkpoint_is_reported_missing(write_segment):
    """The writer notes a new segment in the checkpoint file before its first record."""
    path = write_segment(5)  # the sealer has not run: no checkpoint, no seal
    path.unlink()
    result = verify_all()
    assert not result.ok
    assert result.first_problem() == (
        f"{store.relative_name(path)}: segment missing: the checkpoint file knows it, "
        "no retention deletion was recorded"
    )


def test_a_segment_forged_from_scratch_before_any_checkpoint_is_caught_at_line_1(
    write_segment,
):
    from prongsai.trafficlog import chain

    path = write_segment(5)
    prev = chain.genesis(store.relative_name(path))
    forged = []
    for number, line in enumerate(lines_of(path)):
        body = chain.body_of(line).decode()
        if number == 0:
            body = body.replace('"pid":', '"pid":1')  # any different first line
        prev, new_line = chain.make_line(prev, body)
        forged.append(new_line)
    rewrite(path, forged)
    assert problem_of(path).startswith("line 1: rewritten")


def test_records_are_still_written_when_the_checkpoint_file_refuses_the_open_note(traffic_dir):
    traffic_dir.mkdir(parents=True)
    (traffic_dir / store.CHECKPOINT_FILE).mkdir()  # unwritable as a file
    writer = store.SegmentWriter(traffic_dir, "app")
    writer.append(
        ["2026-01-15T10:00:00.000000+07:00", "app", "r1", "203.0.113.1", None, "GET", "h", "/"]
        + [200, 1, 1, "", "", None]
    )
    writer.close()
    assert len(lines_of(writer.path)) == 2

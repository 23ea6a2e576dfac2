import pytest

from prongsai.trafficlog import store


@pytest.fixture(autouse=True)
def traffic_dir(settings, tmp_path):
    directory = tmp_path / "traffic"
    settings.TRAFFIC_DIR = directory
    yield directory
    store.process_writer().close()


@pytest.fixture
def write_segment(traffic_dir):
    """Write ``count`` request records into one closed segment; return its path."""

    def write(count=20, *, when="2026-01-15T10:00:00.000000+07:00", ip="203.0.113.9", path="/"):
        writer = store.SegmentWriter(traffic_dir, "app")
        for number in range(count):
            writer.append(
                [
                    when,
                    "app",
                    f"rid{number:06d}",
                    ip,
                    40000 + number,
                    "GET",
                    "www.example.go.th",
                    f"{path}?n={number}",
                    200,
                    1000 + number,
                    1500,
                    "Mozilla/5.0",
                    "",
                    None,
                ]
            )
        writer.close()
        return writer.path

    return write

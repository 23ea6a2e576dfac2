"""Small inline SVG charts for the PDF and the dashboards: no JavaScript, no images to fetch.

Every chart has a <title> (its accessible name) and the numbers are also printed as tables,
so a chart is a reading aid, never the only place a figure appears.
"""

from django.utils.html import escape
from django.utils.safestring import mark_safe

FONT = 'font-family="Sarabun, sans-serif"'
INK, ACCENT, GOOD, WARN, BAD, GRID = (
    "#1f2937",
    "#1d4ed8",
    "#15803d",
    "#b45309",
    "#b91c1c",
    "#d1d5db",
)


def _svg(width: int, height: int, title: str, body: list[str]) -> str:
    return mark_safe(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="100%" role="img" aria-label="{escape(title)}" class="chart">'
        f"<title>{escape(title)}</title>{''.join(body)}</svg>"
    )


def columns(title: str, points: list[tuple[str, float]], *, color: str = ACCENT) -> str:
    """Vertical bars, one per point (label, value), value printed on top."""
    width, height, left, bottom, top = 640, 220, 30, 30, 20
    count = max(len(points), 1)
    slot = (width - left) / count
    peak = max([value for _label, value in points] + [1])
    body = [
        f'<line x1="{left}" y1="{height - bottom}" x2="{width}" y2="{height - bottom}" stroke="{GRID}"/>'
    ]
    for index, (label, value) in enumerate(points):
        bar = (height - bottom - top) * value / peak
        x = left + index * slot + slot * 0.15
        y = height - bottom - bar
        body.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{slot * 0.7:.1f}" height="{bar:.1f}" fill="{color}"/>'
        )
        centre = x + slot * 0.35
        body.append(
            f'<text x="{centre:.1f}" y="{y - 4:.1f}" text-anchor="middle" font-size="12" fill="{INK}" {FONT}>{value:g}</text>'
        )
        body.append(
            f'<text x="{centre:.1f}" y="{height - 10}" text-anchor="middle" font-size="12" fill="{INK}" {FONT}>{escape(label)}</text>'
        )
    return _svg(width, height, title, body)


def share(title: str, parts: list[tuple[str, float, str]]) -> str:
    """One bar split into parts (label, value, colour), with a legend below."""
    width, height, total = 640, 90, sum(value for _l, value, _c in parts) or 1
    body, x = [], 0.0
    for _label, value, color in parts:
        w = width * value / total
        if w:
            body.append(f'<rect x="{x:.1f}" y="0" width="{w:.1f}" height="36" fill="{color}"/>')
        x += w
    legend_x = 0
    for label, value, color in parts:
        body.append(f'<rect x="{legend_x}" y="52" width="14" height="14" fill="{color}"/>')
        body.append(
            f'<text x="{legend_x + 20}" y="64" font-size="13" fill="{INK}" {FONT}>{escape(label)} {value:g}</text>'
        )
        legend_x += 160
    return _svg(width, height, title, body)


def rows(title: str, points: list[tuple[str, float]], *, maximum: float, unit: str = "") -> str:
    """Horizontal bars against a fixed maximum (a percentage, a score out of 5)."""
    row_height, label_width, width = 26, 250, 640
    height = max(len(points), 1) * row_height + 6
    body = []
    for index, (label, value) in enumerate(points):
        y = index * row_height + 4
        short = label if len(label) <= 34 else label[:33] + "…"
        bar = (width - label_width - 70) * min(value or 0, maximum) / maximum
        body.append(
            f'<text x="0" y="{y + 15}" font-size="12" fill="{INK}" {FONT}>{escape(short)}</text>'
        )
        body.append(
            f'<rect x="{label_width}" y="{y}" width="{width - label_width - 70}" height="18" fill="{GRID}"/>'
        )
        body.append(
            f'<rect x="{label_width}" y="{y}" width="{bar:.1f}" height="18" fill="{GOOD}"/>'
        )
        body.append(
            f'<text x="{width - 64}" y="{y + 15}" font-size="12" fill="{INK}" {FONT}>{(value or 0):g}{unit}</text>'
        )
    return _svg(width, height, title, body)


def report_charts(figures: dict) -> dict[str, str]:
    """The five trends a reader would rather see than read."""
    deadline = figures["deadline"]
    return {
        "requests": columns(
            "คำขอเผยแพร่รายเดือน", [(row[1], row[2]) for row in figures["requests"]["per_month"]]
        ),
        "deadline": share(
            "การเผยแพร่ตามกำหนดเวลา",
            [
                ("ทันกำหนด", deadline["on_time"], GOOD),
                ("เกินกำหนด", deadline["late"], WARN),
                ("ค้างเกินกำหนด", deadline["overdue"], BAD),
                ("ยังอยู่ในกำหนด", deadline["pending"], GRID),
            ],
        ),
        "completeness": rows(
            "ความครบถ้วนตามรายการตรวจ (ร้อยละ)",
            [(row["title"], row["score"]) for row in figures["completeness"]],
            maximum=100,
            unit="%",
        ),
        "visitors": columns(
            "ผู้เข้าชมรายเดือน",
            [(row[1], row[2]) for row in figures["visitors"]["per_month"]],
            color=GOOD,
        ),
        "satisfaction": rows(
            "คะแนนความพึงพอใจเฉลี่ย (เต็ม 5)",
            [(row[0], row[2] or 0) for row in figures["satisfaction"]["per_question"]],
            maximum=5,
        ),
    }

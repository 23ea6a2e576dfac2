"""Prints "X of Y covered" for docs/security/asvs-l2.md and fails if a named test is missing.

Y: the requirements that apply (status other than "not applicable"). X: those met or partly met
that name at least one test. A named test must exist: its file in the tree and a function (or
method) of that name in it. Run from the repository root: .venv/bin/python scripts/asvs_coverage.py
"""

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHECKLIST = ROOT / "docs" / "security" / "asvs-l2.md"
STATUSES = {"met", "partly", "not met", "not applicable"}
_ROW = re.compile(r"^\| (\d+\.\d+\.\d+) \| ([12]) \| .*? \| ([a-z ]+) \| (.*?) \| .*\|$")
_TEST = re.compile(r"`([^`]+::[^`]+)`")


def test_exists(node_id: str) -> bool:
    path, _, name = node_id.partition("::")
    name = name.split("::")[-1].split("[")[0]
    file = ROOT / path
    if not file.is_file():
        return False
    return (
        re.search(rf"^\s*def {re.escape(name)}\(", file.read_text(encoding="utf-8"), re.M)
        is not None
    )


def check(text: str):
    rows, problems = [], []
    for number, line in enumerate(text.splitlines(), 1):
        if not re.match(r"^\| \d+\.\d+\.\d+ \|", line):
            continue
        match = _ROW.match(line)
        if match is None:
            problems.append(f"line {number}: not a checklist row: {line[:60]}")
            continue
        requirement, _level, status, tests_cell = match.groups()
        status = status.strip()
        if status not in STATUSES:
            problems.append(f"{requirement}: unknown status {status!r}")
        tests = _TEST.findall(tests_cell)
        problems += [f"{requirement}: no such test {t}" for t in tests if not test_exists(t)]
        rows.append((requirement, status, tests))
    seen = [r[0] for r in rows]
    problems += [f"{r}: listed twice" for r in sorted({r for r in seen if seen.count(r) > 1})]
    return rows, problems


def main() -> int:
    rows, problems = check(CHECKLIST.read_text(encoding="utf-8"))
    applicable = [r for r in rows if r[1] != "not applicable"]
    covered = [r for r in applicable if r[1] in ("met", "partly") and r[2]]
    met = sum(1 for r in applicable if r[1] == "met")
    for problem in problems:
        print(f"asvs-l2.md: {problem}", file=sys.stderr)
    print(
        f"ASVS 5.0 L1+L2: {len(covered)} of {len(applicable)} covered "
        f"({met} met; {len(rows) - len(applicable)} not applicable; {len(rows)} listed)"
    )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

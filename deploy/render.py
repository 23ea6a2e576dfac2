"""Fill a deploy template's @@NAME@@ placeholders from KEY=VALUE files and NAME=value arguments.

    python deploy/render.py deploy/nginx/prongsai.conf.in deploy/site.env > prongsai.conf

A placeholder without a value, or a value nobody asked for, stops it with a message: a config
with a hole in it must never reach nginx.
"""

import re
import sys
from pathlib import Path

PLACEHOLDER = re.compile(r"@@([A-Z][A-Z0-9_]*)@@")


def read_values(sources: list[str]) -> dict[str, str]:
    values: dict[str, str] = {}
    for source in sources:
        if "=" in source and not Path(source).exists():
            key, _eq, value = source.partition("=")
            values[key.strip()] = value
            continue
        for line in Path(source).read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                key, _eq, value = line.partition("=")
                values[key.strip()] = value.strip()
    return values


def render(template: str, values: dict[str, str]) -> str:
    wanted = set(PLACEHOLDER.findall(template))
    missing = sorted(wanted - values.keys())
    if missing:
        raise SystemExit(f"render.py: no value for {', '.join(missing)}")
    return PLACEHOLDER.sub(lambda match: values[match.group(1)], template)


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    template = Path(argv[1]).read_text(encoding="utf-8")
    sys.stdout.write(render(template, read_values(argv[2:])))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))

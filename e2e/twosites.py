"""Two Prongsai sites at once on loopback for the parent-body tests (R36): the province and an
agency, each a real `runserver` process with its own SQLite database and its own settings.

Ports 18401 (province) and 18402 (agency). Set-up and look-ups inside a site run as
`manage.py shell -c` in that site's environment, so each site only ever touches its own data.
"""

import json
import os
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROVINCE_PORT, AGENCY_PORT = 18401, 18402


class SiteProcess:
    def __init__(self, name: str, folder: Path, port: int, extra_env: dict | None = None):
        self.name, self.port = name, port
        self.url = f"http://127.0.0.1:{port}"
        self.database = folder / f"{name}.sqlite3"
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "e2e.twosite_settings",
            "DATABASE_URL": f"sqlite:///{self.database}",
            "PRONGSAI_DATA_DIR": str(folder / name),
            **(extra_env or {}),
        }
        self.server = None
        self.log = folder / f"{name}.log"

    def shell(self, code: str):
        """Run Python inside this site; the code prints one JSON value as its last line."""
        result = subprocess.run(
            [sys.executable, "manage.py", "shell", "-c", code],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        if result.returncode != 0:
            raise AssertionError(f"{self.name} shell failed:\n{result.stderr[-4000:]}")
        return json.loads(result.stdout.strip().splitlines()[-1])

    def start(self, extra_env: dict | None = None):
        self.env.update(extra_env or {})
        self.server = subprocess.Popen(  # noqa: S603 (our own manage.py, fixed arguments)
            [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{self.port}"],
            cwd=ROOT,
            env=self.env,
            stdout=self.log.open("w"),
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"{self.url}/admin/login/", timeout=2)  # noqa: S310
                return
            except OSError:
                time.sleep(0.3)
        raise AssertionError(f"{self.name} did not start:\n{self.log.read_text()[-3000:]}")

    def stop(self):
        if self.server is not None:
            self.server.terminate()
            self.server.wait(timeout=20)


def migrated_pair(folder: Path) -> tuple[SiteProcess, SiteProcess]:
    """Migrate one database and copy it: two independent sites from one migration run."""
    province = SiteProcess("province", folder, PROVINCE_PORT)
    agency = SiteProcess("agency", folder, AGENCY_PORT)
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"],
        cwd=ROOT,
        env=province.env,
        check=True,
        timeout=600,
    )
    shutil.copy(province.database, agency.database)
    return province, agency

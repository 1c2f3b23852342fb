"""A throwaway PostgreSQL from Debian's `postgresql` package, on loopback, for the tests of the
PostgreSQL state. Skips, saying why, where the server or psycopg is not installed."""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest


def _bindir() -> Path | None:
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parent.parent.name))
    return versions[-1].parent if versions else None


@contextlib.contextmanager
def postgres_url() -> Iterator[str]:
    pytest.importorskip("psycopg", reason="psycopg is not installed: pip install 'factcheck[postgres]'")
    bindir = _bindir()
    if bindir is None:
        pytest.skip("Debian's postgresql is not installed: apt-get install postgresql")
    # PostgreSQL refuses to run as root: as root, run it as the package's own user.
    as_user: list[str] = []
    folder = Path(tempfile.mkdtemp(prefix="factcheck-pg-"))
    if os.geteuid() == 0:
        try:
            user = pwd.getpwnam("postgres")
        except KeyError:
            pytest.skip("running as root and there is no postgres user to run PostgreSQL as")
        os.chown(folder, user.pw_uid, user.pw_gid)
        as_user = ["runuser", "-u", "postgres", "--"]
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    data = folder / "data"
    try:
        subprocess.run([*as_user, str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "factcheck", "--no-sync"],
                       check=True, capture_output=True, timeout=120)
        options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off"
        subprocess.run([*as_user, str(bindir / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(folder / "log"), "-w", "start"],
                       check=True, capture_output=True, timeout=120)
        yield f"postgresql://factcheck@127.0.0.1:{port}/postgres"
    finally:
        if data.exists():
            subprocess.run([*as_user, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"], capture_output=True, timeout=60)
        shutil.rmtree(folder, ignore_errors=True)

"""SQLite `--state` paths that cannot be used, for the CLI tests of batch, schedule and serve (each gives one
line and exit 22), and a way to run the CLI so that file modes apply even to root."""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

# kind -> what the one line says after "cannot use the state database <path> (--state or FACTCHECK_STATE): "
BAD_STATES = {
    "folder": r"it is a folder; give a file, e.g. .*/state\.sqlite3",
    "not a database": r"it is not a SQLite database; give a new file, or the state of an earlier run",
    "another program's database": r"it is not a factcheck state \(no such column: .*\); give a new file",
    "parent is a file": r".*/a-file is not a folder",
    "read-only file": r"the file is read-only",
    "read-only folder, new file": r"cannot open it: .*/locked is not writable",
    "read-only folder, file in a new folder": r"cannot make its folder: Permission denied",
}


def bad_state(kind: str, tmp_path: Path) -> Path:
    """A --state path of that kind, made under tmp_path."""
    if kind == "folder":
        path = tmp_path / "states"
        path.mkdir()
    elif kind == "not a database":
        path = tmp_path / "notes.txt"
        path.write_text("Not a database: an editor's notes, long enough to fill SQLite's 100-byte header." * 3)
    elif kind == "another program's database":
        path = tmp_path / "other.sqlite3"
        with sqlite3.connect(path) as db:
            db.execute("CREATE TABLE articles (id INTEGER PRIMARY KEY, headline TEXT)")
        db.close()
    elif kind == "parent is a file":
        (tmp_path / "a-file").write_text("")
        path = tmp_path / "a-file" / "state.sqlite3"
    elif kind == "read-only file":
        path = tmp_path / "state.sqlite3"
        with sqlite3.connect(path) as db:
            db.execute("CREATE TABLE x (y)")
        db.close()
        path.chmod(0o444)
    else:
        locked = tmp_path / "locked"
        locked.mkdir()
        locked.chmod(0o555)
        path = locked / "state.sqlite3" if kind == "read-only folder, new file" else locked / "sub" / "state.sqlite3"
    return path


def expected(kind: str, path: Path) -> str:
    """The whole standard error, as a regular expression."""
    return rf"factcheck: error: cannot use the state database {re.escape(str(path))} \(--state or FACTCHECK_STATE\): {BAD_STATES[kind]}\n"


def run_cli(*args: str, env: dict[str, str], module: str = "factcheck", timeout: float = 120) -> subprocess.CompletedProcess:
    """`python -m <module> ...` in `env`, as a user whom file modes bind: root runs it without CAP_DAC_OVERRIDE."""
    command = [sys.executable, "-m", module, *args]
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("root ignores file modes, and setpriv (util-linux) is not there to drop that")
        caps = "-dac_override,-dac_read_search"
        command = [setpriv, f"--inh-caps={caps}", f"--bounding-set={caps}", *command]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=timeout, cwd=ROOT)

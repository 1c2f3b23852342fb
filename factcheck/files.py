"""Writing files so that an interrupted run never leaves half of one."""

from __future__ import annotations

import errno
import os
import secrets
import stat
from pathlib import Path


def write_atomic(path: Path, text: str) -> None:
    """Write via a temporary file and a rename, so an interrupted run never leaves half a file.

    The temporary file is hidden and ends in .tmp, so a reader globbing `*.json` never sees it.
    A new file gets the mode the umask gives (as `open()` would: a report is meant to be read by
    others, a web server or a colleague); a file replaced keeps its mode.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.parent / f".{path.name}.{secrets.token_hex(6)}.tmp"
    # Not mkstemp: it creates 0600 whatever the umask. os.open with 0666 lets the kernel apply the
    # umask, without os.umask(), which changes the whole process's and races other threads.
    handle = os.fdopen(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666), "w", encoding="utf-8")
    try:
        with handle:
            if path.exists():
                os.fchmod(handle.fileno(), stat.S_IMODE(path.stat().st_mode))
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())  # the bytes reach the disk before the name does: a crash leaves the old file or the new
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def check_writable(path: Path) -> None:
    """Raise OSError now if `write_atomic(path, ...)` could not write there: before an hour of work,
    not after it. Creates the missing folders (as the write would) and a temporary file, removed."""
    if path.is_dir():
        raise IsADirectoryError(errno.EISDIR, "a folder, not a file", str(path))
    check_writable_dir(path.parent)


def check_writable_dir(folder: Path) -> None:
    """Raise OSError now if files cannot be created in `folder` (created if missing)."""
    if folder.exists() and not folder.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, "not a folder", str(folder))
    folder.mkdir(parents=True, exist_ok=True)
    probe = folder / f".factcheck-probe.{secrets.token_hex(6)}.tmp"
    os.close(os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    probe.unlink()

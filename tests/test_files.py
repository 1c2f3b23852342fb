"""write_atomic: new files follow the umask, replaced files keep their mode, nothing half-written."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from factcheck.files import check_writable, write_atomic


@pytest.fixture
def umask():
    def set_(mask: int) -> None:
        os.umask(mask)

    before = os.umask(0o022)
    yield set_
    os.umask(before)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize(("mask", "expected"), [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_a_new_file_follows_the_umask(tmp_path: Path, umask, mask: int, expected: int) -> None:
    umask(mask)
    path = tmp_path / "report.json"
    write_atomic(path, "{}\n")
    assert path.read_text() == "{}\n"
    assert mode(path) == expected  # mkstemp made it 0600 whatever the umask


def test_a_replaced_file_keeps_its_mode(tmp_path: Path, umask) -> None:
    path = tmp_path / "digest.html"
    path.write_text("old")
    path.chmod(0o640)
    write_atomic(path, "new")
    assert path.read_text() == "new" and mode(path) == 0o640
    path.chmod(0o604)
    write_atomic(path, "newer")
    assert mode(path) == 0o604


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    path = tmp_path / "report.json"
    path.write_text("old")
    with pytest.raises(UnicodeEncodeError):
        write_atomic(path, "half \udc80 written")  # a lone surrogate: the encoder fails mid-write
    assert path.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_check_writable_refuses_before_the_work(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    with pytest.raises(NotADirectoryError):
        check_writable(blocker / "report.json")
    with pytest.raises(NotADirectoryError):
        check_writable(blocker / "deeper" / "report.json")
    with pytest.raises(IsADirectoryError):
        check_writable(tmp_path)
    check_writable(tmp_path / "new" / "report.json")  # a missing folder is made, as the write would
    assert [p.name for p in (tmp_path / "new").iterdir()] == []  # and the probe is gone

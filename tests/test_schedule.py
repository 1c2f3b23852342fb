"""Schedules: the TOML, the systemd user timer and the crontab line, written for a temporary home.

HOME and the XDG directories point at a temporary folder; `systemctl` is replaced at the subprocess
boundary (`schedule.run_command`) by a recorder, and the crontab by a temporary file, so no test can
touch the real ones (`open_crontab` fails the test if anything reaches it).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import tomllib
from pathlib import Path

import pytest
from crontab import CronTab
from typer.testing import CliRunner

from factcheck import schedule as schedules
from factcheck.cli import app
from factcheck.errors import ScheduleError

from .bad_state import BAD_STATES, bad_state, expected, run_cli
from .batch_double import double_backend

runner = CliRunner()
REAL_OPEN_CRONTAB = schedules.open_crontab  # before any fixture replaces them
REAL_RUN_COMMAND = schedules.run_command
FACTCHECK = ["/opt/factcheck venv/bin/factcheck"]  # a space, to see the quoting


class Systemctl:
    """Records every command; answers with the exit code and stderr given for a subcommand."""

    def __init__(self, fail: dict[str, tuple[int, str]] | None = None) -> None:
        self.calls: list[list[str]] = []
        self.fail = fail or {}

    def __call__(self, argv: list[str]) -> subprocess.CompletedProcess:
        self.calls.append(argv)
        assert argv[:2] == ["systemctl", "--user"], argv
        code, err = self.fail.get(argv[2], (0, ""))
        return subprocess.CompletedProcess(argv, code, "", err)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    for name, sub in (("XDG_CONFIG_HOME", ".config"), ("XDG_DATA_HOME", ".local/share"),
                      ("XDG_STATE_HOME", ".local/state"), ("XDG_CACHE_HOME", ".cache")):
        monkeypatch.setenv(name, str(home / sub))
    return home


@pytest.fixture
def systemctl(monkeypatch: pytest.MonkeyPatch) -> Systemctl:
    fake = Systemctl()
    monkeypatch.setattr(schedules, "run_command", fake)
    return fake


@pytest.fixture
def crontab_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "crontab"
    path.write_text("MAILTO=desk@example.org\n30 6 * * 1-5 /usr/bin/backup --all # someone else's job\n", encoding="utf-8")
    monkeypatch.setattr(schedules, "open_crontab", lambda: CronTab(tabfile=str(path)))
    return path


@pytest.fixture(autouse=True)
def never_the_real_system(home, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_a, **_k):
        raise AssertionError("a test reached the real systemctl or crontab")

    monkeypatch.setattr(schedules, "run_command", refuse)
    monkeypatch.setattr(schedules, "open_crontab", refuse)


def install(**kw):
    args = dict(name="nightly", at="2:00", sources=["./inbox", "https://example.org/feed.xml"], out=Path("reports"),
                command=FACTCHECK)
    args.update(kw)
    return schedules.install(**args)


# --- systemd -------------------------------------------------------------------------------------


def test_systemd_timer_and_service_are_written_enabled_and_printed(home, systemctl, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    done = install(backend="systemd", digest=Path("digest.html"))
    unit_dir = home / ".config" / "systemd" / "user"
    service, timer = unit_dir / "factcheck-nightly.service", unit_dir / "factcheck-nightly.timer"
    assert service.read_text() == (
        "[Unit]\n"
        "Description=factcheck schedule nightly: batch over its sources, then the digest\n"
        f"# Configuration: {home}/.config/factcheck/schedules/nightly.toml\n"
        "\n"
        "[Service]\n"
        "Type=oneshot\n"
        'ExecStart="/opt/factcheck venv/bin/factcheck" schedule run nightly\n'
    )
    text = timer.read_text()
    assert "OnCalendar=*-*-* 02:00:00\n" in text and "Persistent=true\n" in text
    assert "Unit=factcheck-nightly.service\n" in text and "[Install]\nWantedBy=timers.target\n" in text
    assert systemctl.calls == [
        ["systemctl", "--user", "daemon-reload"],
        ["systemctl", "--user", "enable", "--now", "factcheck-nightly.timer"],
    ]
    assert done.failed == [] and done.cron_line is None
    assert set(done.files) == {home / ".config/factcheck/schedules/nightly.toml", service, timer}
    assert all(done.files[p] == p.read_text() for p in done.files)
    # Nothing outside the temporary home.
    assert all(str(p).startswith(str(home)) for p in done.files)


def test_the_schedule_is_a_readable_toml_with_absolute_paths(home, systemctl, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    install(backend="systemd", digest=Path("out/digest.md"), concurrency=8, sources=["./inbox", 'we"ird\\dir', "https://x.org/f.xml"])
    path = home / ".config" / "factcheck" / "schedules" / "nightly.toml"
    text = path.read_text()
    assert text.startswith("# factcheck schedule 'nightly': edit freely")
    data = tomllib.loads(text)
    assert data == {
        "name": "nightly", "at": "02:00", "backend": "systemd",
        "sources": [str(tmp_path / "inbox"), str(tmp_path / 'we"ird\\dir'), "https://x.org/f.xml"],
        "out": str(tmp_path / "reports"), "digest": str(tmp_path / "out" / "digest.md"), "digest_since": "24h",
        "concurrency": 8,
    }
    assert schedules.load("nightly").digest_format == "markdown"


def test_exec_start_quotes_what_systemd_would_split_or_expand():
    assert schedules._systemd_quote("/usr/bin/factcheck") == "/usr/bin/factcheck"
    assert schedules._systemd_quote("/a b/factcheck") == '"/a b/factcheck"'
    assert schedules._systemd_quote("/100%/x") == "/100%%/x"
    assert schedules._systemd_quote('/a"b\\c') == '"/a\\"b\\\\c"'


def test_systemd_is_detected_by_its_user_manager(monkeypatch):
    monkeypatch.setattr(schedules.os, "getuid", lambda: 987654)  # no /run/user/987654/systemd
    assert schedules.systemd_available(Systemctl()) is True
    assert schedules.systemd_available(Systemctl({"show-environment": (1, "Failed to connect to bus")})) is False
    missing = REAL_RUN_COMMAND(["/nonexistent/systemctl", "--user", "show-environment"])  # not the real one
    assert missing.returncode == 127


def test_without_systemd_the_default_is_cron(monkeypatch, crontab_file):
    monkeypatch.setattr(schedules.os, "getuid", lambda: 987654)
    fake = Systemctl({"show-environment": (1, "Failed to connect to bus: No medium found")})
    done = install(runner=fake)
    assert fake.calls == [["systemctl", "--user", "show-environment"]]
    assert done.schedule.backend == "cron" and "factcheck-schedule:nightly" in crontab_file.read_text()


def test_a_failing_systemctl_is_said_clearly_and_the_files_stay(home, monkeypatch, tmp_path):
    monkeypatch.setattr(schedules, "run_command", Systemctl({"enable": (1, "Failed to connect to bus: No medium found")}))
    monkeypatch.setattr(schedules, "factcheck_command", lambda: FACTCHECK)
    result = runner.invoke(app, ["schedule", "install", "--at", "02:00", "-s", str(tmp_path), "--out", str(tmp_path / "r"),
                                 "--backend", "systemd"])
    assert result.exit_code == ScheduleError.exit_code
    assert "Ran: systemctl --user daemon-reload\n" in result.stdout
    assert "Ran: systemctl --user enable --now factcheck-nightly.timer  -> FAILED (exit 1): Failed to connect to bus" in result.stdout
    assert "the timer is not active" in result.stderr and "systemctl --user enable --now factcheck-nightly.timer" in result.stderr
    assert (home / ".config/systemd/user/factcheck-nightly.timer").exists()
    assert "To remove it: factcheck schedule remove nightly" in result.stdout


# --- cron ----------------------------------------------------------------------------------------


def test_cron_line_is_written_once_and_others_lines_are_kept(crontab_file, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    done = install(at="02:05", backend="cron")
    line = "5 2 * * * '/opt/factcheck venv/bin/factcheck' schedule run nightly --quiet # factcheck-schedule:nightly"
    assert done.cron_line == line
    assert crontab_file.read_text().splitlines() == [
        "MAILTO=desk@example.org", "30 6 * * 1-5 /usr/bin/backup --all # someone else's job", line,
    ]
    install(at="23:30", backend="cron")  # installing again replaces our line
    lines = crontab_file.read_text().splitlines()
    assert [entry for entry in lines if "factcheck-schedule:nightly" in entry] == [line.replace("5 2 ", "30 23 ")]
    assert len(lines) == 3


def test_cron_without_a_crontab_program_is_a_clear_error(monkeypatch):
    import crontab

    monkeypatch.setattr(crontab, "CRON_COMMAND", "/nonexistent/crontab")  # never the machine's own
    monkeypatch.setattr(schedules, "open_crontab", REAL_OPEN_CRONTAB)
    with pytest.raises(ScheduleError, match="cannot read the crontab: .*No crontab program '/nonexistent/crontab'"):
        install(backend="cron")
    assert schedules.list_schedules() == []  # nothing half-installed


def test_remove_forgets_a_cron_schedule_even_when_the_crontab_is_gone(crontab_file, monkeypatch):
    import crontab

    install(backend="cron")
    monkeypatch.setattr(crontab, "CRON_COMMAND", "/nonexistent/crontab")
    monkeypatch.setattr(schedules, "open_crontab", REAL_OPEN_CRONTAB)
    result = runner.invoke(app, ["schedule", "remove", "nightly"])
    assert result.exit_code == ScheduleError.exit_code
    assert "look for '# factcheck-schedule:nightly' with crontab -l" in result.stderr
    assert "Deleted " in result.stdout and schedules.list_schedules() == []


# --- list, remove, through the CLI ---------------------------------------------------------------


def test_install_list_remove_round_trip(home, systemctl, crontab_file, monkeypatch, tmp_path):
    monkeypatch.setattr(schedules, "factcheck_command", lambda: ["/usr/bin/factcheck"])
    inbox = tmp_path / "inbox"
    first = runner.invoke(app, ["schedule", "install", "--at", "02:00", "--source", str(inbox), "--source",
                                "https://example.org/feed.xml", "--out", str(tmp_path / "reports"), "--digest",
                                str(tmp_path / "digest.html"), "--backend", "systemd"])
    assert first.exit_code == 0, first.output
    assert "Installed schedule 'nightly' as a systemd user timer: every day at 02:00." in first.stdout
    assert f"Wrote {home}/.config/systemd/user/factcheck-nightly.timer:\n" in first.stdout
    assert "    OnCalendar=*-*-* 02:00:00\n" in first.stdout  # the content, printed
    assert "Ran: systemctl --user enable --now factcheck-nightly.timer\n" in first.stdout
    second = runner.invoke(app, ["schedule", "install", "--name", "wires", "--at", "6:30", "-s", str(inbox), "--out",
                                 str(tmp_path / "wires"), "--backend", "cron"])
    assert second.exit_code == 0, second.output
    cron_line = "30 6 * * * /usr/bin/factcheck schedule run wires --quiet # factcheck-schedule:wires"
    assert f"Added to the user's crontab (crontab -l):\n    {cron_line}\n" in second.stdout
    assert "To remove it: factcheck schedule remove wires" in second.stdout

    listed = runner.invoke(app, ["schedule", "list", "--format", "json"])
    assert listed.exit_code == 0
    assert [(s["name"], s["at"], s["backend"], s["sources"], s["out"]) for s in json.loads(listed.stdout)] == [
        ("nightly", "02:00", "systemd", [str(inbox), "https://example.org/feed.xml"], str(tmp_path / "reports")),
        ("wires", "06:30", "cron", [str(inbox)], str(tmp_path / "wires")),
    ]
    table = runner.invoke(app, ["schedule", "list"]).stdout.splitlines()
    assert table[0].split("\t") == ["name", "at", "backend", "sources", "out", "digest"]
    assert table[1].split("\t")[:3] == ["nightly", "02:00", "systemd"]

    systemctl.calls.clear()
    removed = runner.invoke(app, ["schedule", "remove", "nightly"])
    assert removed.exit_code == 0, removed.output
    assert systemctl.calls == [
        ["systemctl", "--user", "disable", "--now", "factcheck-nightly.timer"],
        ["systemctl", "--user", "daemon-reload"],
    ]
    assert not list((home / ".config/systemd/user").iterdir())
    assert f"Deleted {home}/.config/factcheck/schedules/nightly.toml" in removed.stdout
    removed = runner.invoke(app, ["schedule", "remove", "wires"])
    assert removed.exit_code == 0 and f"Removed crontab line: {cron_line}" in removed.stdout
    assert crontab_file.read_text().splitlines() == [
        "MAILTO=desk@example.org", "30 6 * * 1-5 /usr/bin/backup --all # someone else's job",
    ]
    assert runner.invoke(app, ["schedule", "list", "--format", "json"]).stdout.strip() == "[]"
    gone = runner.invoke(app, ["schedule", "remove", "wires"])
    assert gone.exit_code == ScheduleError.exit_code and "no schedule named 'wires'" in gone.stderr


def test_bad_input_is_one_line_and_an_exit_code(home, systemctl, tmp_path):
    base = ["schedule", "install", "-s", str(tmp_path), "--out", str(tmp_path / "r"), "--backend", "systemd"]
    for at in ("25:00", "2pm", "02:60"):
        result = runner.invoke(app, [*base, "--at", at])
        assert result.exit_code == 2 and "HH:MM" in result.stderr, result.output
    bad_name = runner.invoke(app, [*base, "--at", "02:00", "--name", "../evil"])
    assert bad_name.exit_code == ScheduleError.exit_code and "not a schedule name" in bad_name.stderr
    bad_window = runner.invoke(app, [*base, "--at", "02:00", "--digest-since", "soon"])
    assert bad_window.exit_code == 2 and "--since" in bad_window.stderr
    assert systemctl.calls == [] and not (home / ".config").exists()
    missing = runner.invoke(app, ["schedule", "run", "nope"])
    assert missing.exit_code == ScheduleError.exit_code and "no schedule named 'nope'" in missing.stderr


def test_a_hand_edited_toml_that_is_wrong_is_a_config_error(home, systemctl, tmp_path):
    install(backend="systemd")
    path = home / ".config/factcheck/schedules/nightly.toml"
    path.write_text(path.read_text().replace('at = "02:00"', 'at = "2 am"'))
    result = runner.invoke(app, ["schedule", "run", "nightly"])
    assert result.exit_code == 11 and f"{path}: at: " in result.stderr and "HH:MM" in result.stderr
    path.write_text("sources = [")
    assert runner.invoke(app, ["schedule", "list"]).exit_code == 11
    path.write_text('name = "nightly"\nat = "02:00"\nbackend = "systemd"\nsources = ["x"]\n'
                    'out = "r"\ndigest = "d.html"\ndigest_since = "last week"\n')
    result = runner.invoke(app, ["schedule", "run", "nightly"])
    assert result.exit_code == 11 and "digest_since" in result.stderr and "neither a duration" in result.stderr


def test_a_schedule_moves_to_another_backend_only_through_remove(home, systemctl, crontab_file):
    install(backend="systemd")
    with pytest.raises(ScheduleError, match="installed with systemd: remove it first"):
        install(backend="cron")
    assert "factcheck-schedule" not in crontab_file.read_text()
    install(backend="systemd", at="03:15")  # the same backend: updated in place
    assert "OnCalendar=*-*-* 03:15:00" in (home / ".config/systemd/user/factcheck-nightly.timer").read_text()


@pytest.mark.parametrize("kind", BAD_STATES)
def test_install_with_a_state_that_cannot_be_used_is_one_line_and_installs_nothing(kind, home, tmp_path):
    """Through the real command, in a process of its own (so that file modes bind, even for root): it fails
    now rather than at night, and reaches neither systemctl nor crontab (stand-ins on PATH record any call)."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in ("systemctl", "crontab"):
        (bin_dir / tool).write_text(f'#!/bin/sh\necho "{tool} $*" >> {tmp_path / "calls"}\nexit 1\n')
        (bin_dir / tool).chmod(0o755)
    state = bad_state(kind, tmp_path)
    result = run_cli("schedule", "install", "--at", "02:00", "--source", str(tmp_path / "inbox"), "--out",
                     str(tmp_path / "reports"), "--state", str(state), "--backend", "cron",
                     env={**os.environ, "PATH": str(bin_dir), "FACTCHECK_CONFIG": str(tmp_path / "none.toml")})
    assert result.returncode == 22, result.stderr
    assert re.fullmatch(expected(kind, state), result.stderr), result.stderr
    assert not (tmp_path / "calls").exists() and not list(home.rglob("*.toml"))


def test_run_whose_state_became_unusable_is_one_line(home, systemctl, tmp_path):
    install(backend="systemd", sources=[str(tmp_path / "inbox")], out=tmp_path / "reports", state=tmp_path / "state.sqlite3")
    (tmp_path / "state.sqlite3").unlink()
    (tmp_path / "state.sqlite3").mkdir()  # since installed: a folder where the state was
    result = runner.invoke(app, ["schedule", "run", "nightly"])
    assert result.exit_code == 22, result.output
    assert result.stderr == (
        f"factcheck: error: cannot use the state database {tmp_path / 'state.sqlite3'} (--state or FACTCHECK_STATE): "
        f"it is a folder; give a file, e.g. {tmp_path / 'state.sqlite3' / 'state.sqlite3'}\n"
    )


# --- run: what the timer executes ----------------------------------------------------------------


ARTICLE = """---
title: {title}
published: 2026-11-25
source: Test Wire
---
In {title}, the city council approved a budget of 4.2 million euros on Monday, the mayor said.
Officials expect the new bridge to open in March 2027.
Anna Berg, the city's finance chief, said the deficit would shrink, which surprised analysts.
"""


def test_run_executes_a_real_batch_then_writes_the_digest(home, systemctl, monkeypatch, tmp_path):
    import factcheck.llm

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for i in range(2):
        (inbox / f"story{i}.md").write_text(ARTICLE.format(title=f"Budget story {i}"), encoding="utf-8")
    log = tmp_path / "calls.log"
    monkeypatch.setattr(factcheck.llm, "build_backend", lambda settings: double_backend(str(log)))
    install(backend="systemd", sources=[str(inbox)], out=tmp_path / "reports", digest=tmp_path / "digest.json",
            state=tmp_path / "state.sqlite3")

    result = runner.invoke(app, ["schedule", "run", "nightly"])
    assert result.exit_code == 0, result.output
    reports = sorted((tmp_path / "reports").glob("*.json"))
    assert len(reports) == 2
    index = json.loads((tmp_path / "digest.json").read_text())
    assert sorted(a["title"] for a in index["articles"]) == ["Budget story 0", "Budget story 1"]
    assert sorted(a["report"] for a in index["articles"]) == [str(p) for p in reports]
    assert "digest of 2 articles written to" in result.stderr
    calls = len(log.read_text().splitlines())
    assert calls > 0

    # The next night: nothing new, no model call; the digest is written again.
    (tmp_path / "digest.json").unlink()
    again = runner.invoke(app, ["schedule", "run", "nightly", "--quiet"])
    assert again.exit_code == 0, again.output
    assert len(log.read_text().splitlines()) == calls
    assert json.loads((tmp_path / "digest.json").read_text())["counts"]["articles"] == 2


def test_run_exits_as_batch_does_when_an_article_fails(home, systemctl, monkeypatch, tmp_path):
    import factcheck.llm

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "good.md").write_text(ARTICLE.format(title="Good"), encoding="utf-8")
    (inbox / "empty.md").write_text("---\ntitle: nothing\n---\n", encoding="utf-8")
    monkeypatch.setattr(factcheck.llm, "build_backend", lambda settings: double_backend())
    install(backend="systemd", sources=[str(inbox)], out=tmp_path / "reports", digest=tmp_path / "digest.html",
            state=tmp_path / "state.sqlite3")
    result = runner.invoke(app, ["schedule", "run", "nightly"])
    assert result.exit_code == 19, result.output
    assert "1 of 2 articles failed" in result.stderr
    html = (tmp_path / "digest.html").read_text()
    assert html.count('<article class="entry"') == 1 and ">Good</h2>" in html

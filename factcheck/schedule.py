"""Nightly runs through the system's own scheduler: a systemd user timer, else a crontab line.

A schedule is a TOML file the user can read and edit (`schedules/NAME.toml` in the user config
directory); the timer or crontab line only runs `factcheck schedule run NAME`, which reads that file,
runs the batch and writes the digest. factcheck keeps no daemon of its own.

Everything that touches the system goes through two seams the tests replace: `run_command` (the
`systemctl` calls, at the subprocess boundary) and `open_crontab` (the user's crontab, or a file).
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import platformdirs
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .errors import ConfigError, ScheduleError
from .state import check_state, state_location

if TYPE_CHECKING:
    from .batch import BatchResult

Backend = Literal["systemd", "cron"]
CRON_TAG = "factcheck-schedule:"  # the comment that marks our crontab lines, followed by the name
NAME_PATTERN = r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}"  # safe in a unit file name, a path and a cron comment

Runner = Callable[[list[str]], subprocess.CompletedProcess]


class Schedule(BaseModel):
    """One schedule, as stored in its TOML file (the user may edit it; `run` validates it again)."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(pattern=f"^{NAME_PATTERN}$")
    at: str = Field(description="time of day, HH:MM (local time)")
    backend: Backend
    sources: list[str] = Field(min_length=1, description="folders, files, URL lists, feeds, OPML, URLs")
    out: str = Field(description="folder of the reports")
    digest: str | None = Field(None, description="digest file written after each run (.html, .md or .json)")
    digest_since: str = Field("24h", description="the digest's window: 24h, 7d or a date")
    state: str | None = Field(None, description="the batch's state: a SQLite file (default: in the user data directory) or a postgresql:// URL")
    concurrency: int | None = Field(None, ge=1, le=64)

    @field_validator("at")
    @classmethod
    def _time_of_day(cls, value: str) -> str:
        return parse_time(value)

    @field_validator("digest_since")
    @classmethod
    def _window(cls, value: str) -> str:
        from .digest import parse_since

        parse_since(value)  # a ValueError names what is wrong
        return value

    @property
    def digest_format(self) -> str:
        suffix = Path(self.digest or "").suffix.lower()
        return {".md": "markdown", ".markdown": "markdown", ".json": "json"}.get(suffix, "html")

    def to_toml(self) -> str:
        lines = [
            f"# factcheck schedule {self.name!r}: edit freely; `factcheck schedule run {self.name}` reads it at each run.",
            f"# Changing `at` here does not move the {self.backend} entry: reinstall with `factcheck schedule install`.",
        ]
        for key, value in self.model_dump(exclude_none=True).items():
            lines.append(f"{key} = {_toml_value(value)}")
        return "\n".join(lines) + "\n"


def _toml_value(value: object) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    # A TOML basic string: JSON's escaping of quotes, backslashes and control characters is valid TOML.
    import json

    return json.dumps(str(value), ensure_ascii=False)


def parse_time(value: str) -> str:
    match = re.fullmatch(r"\s*(\d{1,2}):(\d{2})\s*", value)
    if not match or int(match[1]) > 23 or int(match[2]) > 59:
        raise ValueError(f"{value!r} is not a time of day in the form HH:MM (00:00 to 23:59)")
    return f"{int(match[1]):02d}:{match[2]}"


def check_name(name: str) -> str:
    if not re.fullmatch(NAME_PATTERN, name):
        raise ScheduleError(f"{name!r} is not a schedule name: letters, digits, '-' and '_' (at most 64)")
    return name


# --- where things live ----------------------------------------------------------------------------


def schedules_dir() -> Path:
    return Path(platformdirs.user_config_dir("factcheck")) / "schedules"


def schedule_path(name: str) -> Path:
    return schedules_dir() / f"{check_name(name)}.toml"


def systemd_user_dir() -> Path:
    """Where systemd looks for a user's own units: $XDG_CONFIG_HOME/systemd/user (~/.config/...)."""
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "systemd" / "user"


def unit_names(name: str) -> tuple[str, str]:
    return f"factcheck-{name}.service", f"factcheck-{name}.timer"


def factcheck_command() -> list[str]:
    """How the timer starts this very factcheck: its console script by absolute path when this process
    is it, else this interpreter with `-m factcheck` (a venv's python keeps its venv)."""
    argv0 = Path(sys.argv[0])
    if argv0.name == "factcheck" and argv0.exists():
        return [str(argv0.resolve())]
    script = Path(sys.executable).parent / "factcheck"
    if script.exists():
        return [str(script.absolute())]
    return [str(Path(sys.executable).absolute()), "-m", "factcheck"]


# --- the two seams --------------------------------------------------------------------------------


def run_command(argv: list[str]) -> subprocess.CompletedProcess:
    """Run a system command (systemctl), capturing its output; a missing program is exit 127."""
    try:
        return subprocess.run(argv, capture_output=True, text=True, timeout=60, check=False)
    except FileNotFoundError as exc:
        return subprocess.CompletedProcess(argv, 127, "", str(exc))
    except subprocess.TimeoutExpired:
        return subprocess.CompletedProcess(argv, 124, "", f"{argv[0]} did not answer within 60 s")


def open_crontab():
    """The user's crontab (through the `crontab` program)."""
    from crontab import CronTab

    try:
        return CronTab(user=True)
    except OSError as exc:
        raise ScheduleError(f"cannot read the crontab: {exc} (install cron, or use --backend systemd)") from None


def _runner(runner: Runner | None) -> Runner:
    return runner or run_command  # looked up at call time, so a test can replace the module's seam


def _crontab(crontab_file: Path | None):
    if crontab_file is None:
        return open_crontab()
    from crontab import CronTab

    if not crontab_file.exists():
        crontab_file.parent.mkdir(parents=True, exist_ok=True)
        crontab_file.write_text("", encoding="utf-8")
    return CronTab(tabfile=str(crontab_file))


def systemd_available(runner: Runner | None = None) -> bool:
    """Whether this user has a systemd user manager to talk to."""
    if Path(f"/run/user/{os.getuid()}/systemd").is_dir():
        return True
    return _runner(runner)(["systemctl", "--user", "show-environment"]).returncode == 0


# --- install, list, remove ------------------------------------------------------------------------


@dataclass
class Step:
    """A command run for the user, and how it went."""

    argv: list[str]
    returncode: int
    output: str

    @property
    def ok(self) -> bool:
        return self.returncode == 0

    @property
    def command(self) -> str:
        return shlex.join(self.argv)


@dataclass
class Installed:
    schedule: Schedule
    files: dict[Path, str] = field(default_factory=dict)  # path -> the content written
    cron_line: str | None = None
    crontab: str = "the user's crontab"
    steps: list[Step] = field(default_factory=list)

    @property
    def failed(self) -> list[Step]:
        return [s for s in self.steps if not s.ok]


def install(
    *,
    name: str,
    at: str,
    sources: list[str],
    out: Path,
    digest: Path | None = None,
    digest_since: str = "24h",
    state: Path | str | None = None,
    concurrency: int | None = None,
    backend: Backend | None = None,
    runner: Runner | None = None,
    crontab_file: Path | None = None,
    command: list[str] | None = None,
) -> Installed:
    """Write the schedule's TOML, then its systemd timer (enabled) or its crontab line."""
    check_name(name)
    if not sources:
        raise ScheduleError("a schedule needs at least one --source")
    backend = backend or ("systemd" if systemd_available(runner) else "cron")
    try:
        schedule = Schedule(
            name=name,
            at=at,
            backend=backend,
            sources=[_absolute_source(s) for s in sources],
            out=str(out.expanduser().absolute()),
            digest=str(digest.expanduser().absolute()) if digest else None,
            digest_since=digest_since,
            state=str(state_location(state)) if state else None,
            concurrency=concurrency,
        )
    except ValidationError as exc:
        raise ScheduleError(f"invalid schedule: {_problem(exc)}") from None
    if schedule.state:
        check_state(state_location(schedule.state))  # a --state that cannot be used fails now, not at night
    if schedule_path(name).is_file() and (previous := _load_file(schedule_path(name))).backend != backend:
        raise ScheduleError(
            f"schedule {name!r} is installed with {previous.backend}: remove it first (factcheck schedule remove {name})"
        )
    argv = [*(command or factcheck_command()), "schedule", "run", name]
    installed = Installed(schedule)
    cron = _crontab(crontab_file) if backend == "cron" else None  # unreadable: fail before writing anything
    toml_path = schedule_path(name)
    _write(toml_path, schedule.to_toml())
    installed.files[toml_path] = schedule.to_toml()
    if backend == "systemd":
        service_name, timer_name = unit_names(name)
        units = {service_name: service_unit(schedule, argv), timer_name: timer_unit(schedule)}
        for unit, text in units.items():
            _write(systemd_user_dir() / unit, text)
            installed.files[systemd_user_dir() / unit] = text
        for step in (["systemctl", "--user", "daemon-reload"], ["systemctl", "--user", "enable", "--now", timer_name]):
            done = _runner(runner)(step)
            installed.steps.append(Step(step, done.returncode, (done.stderr or done.stdout or "").strip()))
            if done.returncode != 0:
                break  # enabling after a failed reload would only fail again, less clearly
    else:
        cron.remove_all(comment=CRON_TAG + name)
        hour, minute = schedule.at.split(":")
        # cron mails whatever a job prints: --quiet keeps it to the failures.
        job = cron.new(command=shlex.join([*argv, "--quiet"]), comment=CRON_TAG + name)
        job.setall(f"{int(minute)} {int(hour)} * * *")
        try:
            _write_crontab(cron)
        except ScheduleError:
            toml_path.unlink(missing_ok=True)  # not scheduled: do not list it
            raise
        installed.cron_line = job.render()
        installed.crontab = str(crontab_file) if crontab_file else "the user's crontab (crontab -l)"
    return installed


def _absolute_source(source: str) -> str:
    """URLs as given; paths made absolute, since the timer runs from another directory."""
    if re.match(r"(?i)^[a-z][a-z0-9+.-]*://", source):
        return source
    return str(Path(source).expanduser().absolute())


def _write(path: Path, text: str) -> None:
    from .files import write_atomic

    write_atomic(path, text)


def _write_crontab(cron) -> None:
    try:
        cron.write()
    except OSError as exc:
        raise ScheduleError(f"cannot write the crontab: {exc}") from None


def _systemd_quote(arg: str) -> str:
    """One ExecStart argument: double-quoted when needed; '%' doubled (systemd's specifier escape)."""
    arg = arg.replace("%", "%%")
    if re.fullmatch(r"[A-Za-z0-9_@%+=:,./-]+", arg):
        return arg
    return '"' + arg.replace("\\", "\\\\").replace('"', '\\"') + '"'


def service_unit(schedule: Schedule, argv: list[str]) -> str:
    return (
        "[Unit]\n"
        f"Description=factcheck schedule {schedule.name}: batch over its sources, then the digest\n"
        f"# Configuration: {schedule_path(schedule.name)}\n"
        "\n"
        "[Service]\n"
        "Type=oneshot\n"
        f"ExecStart={' '.join(_systemd_quote(a) for a in argv)}\n"
    )


def timer_unit(schedule: Schedule) -> str:
    return (
        "[Unit]\n"
        f"Description=Run factcheck schedule {schedule.name} every day at {schedule.at}\n"
        "\n"
        "[Timer]\n"
        f"OnCalendar=*-*-* {schedule.at}:00\n"
        "# A run missed while the machine was off happens at the next boot.\n"
        "Persistent=true\n"
        f"Unit={unit_names(schedule.name)[0]}\n"
        "\n"
        "[Install]\n"
        "WantedBy=timers.target\n"
    )


def load(name: str) -> Schedule:
    path = schedule_path(name)
    if not path.is_file():
        raise ScheduleError(f"no schedule named {name!r} ({path} does not exist); see factcheck schedule list")
    return _load_file(path)


def _load_file(path: Path) -> Schedule:
    try:
        return Schedule.model_validate(tomllib.loads(path.read_text(encoding="utf-8")))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: {exc}") from None
    except ValidationError as exc:
        raise ConfigError(f"{path}: {_problem(exc)}") from None


def _problem(exc: ValidationError) -> str:
    """The first problem pydantic found, as 'field: message'."""
    problem = exc.errors()[0]
    message = problem["msg"].removeprefix("Value error, ")
    return f"{'.'.join(map(str, problem['loc'])) or 'the file'}: {message}"


def list_schedules() -> list[Schedule]:
    """Every schedule's configuration, by name; an unreadable file is an error naming it."""
    folder = schedules_dir()
    return [_load_file(p) for p in sorted(folder.glob("*.toml"))] if folder.is_dir() else []


@dataclass
class Removed:
    name: str
    files: list[Path] = field(default_factory=list)
    cron_lines: list[str] = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def failed(self) -> list[Step]:
        return [s for s in self.steps if not s.ok]


def remove(name: str, *, runner: Runner | None = None, crontab_file: Path | None = None) -> Removed:
    """Disable and delete the timer (or the crontab line), then the schedule's TOML."""
    schedule = load(name)
    removed = Removed(name)
    if schedule.backend == "systemd":
        service_name, timer_name = unit_names(name)
        timer = systemd_user_dir() / timer_name
        if timer.exists():
            step = ["systemctl", "--user", "disable", "--now", timer_name]
            done = _runner(runner)(step)
            removed.steps.append(Step(step, done.returncode, (done.stderr or done.stdout or "").strip()))
        for unit in (timer, systemd_user_dir() / service_name):
            if unit.exists():
                unit.unlink()
                removed.files.append(unit)
        step = ["systemctl", "--user", "daemon-reload"]
        done = _runner(runner)(step)
        removed.steps.append(Step(step, done.returncode, (done.stderr or done.stdout or "").strip()))
    else:
        try:
            cron = _crontab(crontab_file)
            jobs = list(cron.find_comment(CRON_TAG + name))
            removed.cron_lines = [job.render() for job in jobs]
            if jobs:
                cron.remove(*jobs)
                _write_crontab(cron)
        except ScheduleError as exc:  # still forget the schedule: the user is told to check the crontab
            removed.problems.append(f"{exc}; look for '# {CRON_TAG}{name}' with crontab -l")
    path = schedule_path(name)
    path.unlink()
    removed.files.append(path)
    return removed


# --- what the timer runs ---------------------------------------------------------------------------


@dataclass
class RunOutcome:
    schedule: Schedule
    result: BatchResult
    digest: Path | None = None
    digest_articles: int = 0


def run(name: str, *, progress=None, backend=None) -> RunOutcome:
    """Read the schedule's TOML, run the batch over its sources, then write its digest (if any).

    The digest is written even when some articles failed: it shows what was done."""
    from . import digest as digests
    from .batch import run_batch
    from .settings import load_settings

    schedule = load(name)
    result = run_batch(
        schedule.sources,
        out_dir=Path(schedule.out),
        settings=load_settings(),
        state_path=schedule.state,
        concurrency=schedule.concurrency,
        progress=progress,
        backend=backend,
    )
    outcome = RunOutcome(schedule, result)
    if schedule.digest:
        since = digests.parse_since(schedule.digest_since)
        Path(schedule.out).mkdir(parents=True, exist_ok=True)  # a run that found no article made no folder
        collected = digests.collect(Path(schedule.out), since=since)
        outcome.digest = Path(schedule.digest)
        outcome.digest_articles = len(collected.entries)
        _write(outcome.digest, digests.render(collected, schedule.digest_format))
    return outcome

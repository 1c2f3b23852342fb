"""The API key never leaks: a recognisable fake key is planted in the environment and in the config
file, commands that succeed and fail are run against tests/fault_server.py, and everything they
produce is searched for it: stdout, stderr, log records (DEBUG, every logger), every file written
under a private HOME (reports in JSON, Markdown and HTML, `--out` files, the batch state database
and its journal), and FACTCHECK_DEBUG tracebacks.

The fault server's 401 answer quotes the Authorization header it got, as a careless server might:
the openai client puts that body in its exception message, so a leak is one print away.
"""

from __future__ import annotations

import logging
import os
import secrets
import sqlite3
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from factcheck.cli import app

from .conftest import SEED
from .llama_server import MODEL  # the recordings' model name: the fault server looks answers up by request

TOKEN_ENV, TOKEN_CONFIG = secrets.token_hex(12), secrets.token_hex(12)
KEY_ENV = f"sk-factcheck-canary-{TOKEN_ENV}"
KEY_CONFIG = f"sk-factcheck-canary-{TOKEN_CONFIG}"
# The random parts alone: a key printed half-masked ("sk-...a1b2c3") still shows them.
NEEDLES = (KEY_ENV, KEY_CONFIG, TOKEN_ENV[-8:], TOKEN_CONFIG[-8:])


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private HOME (and XDG folders) holding everything the commands write, and a config file."""
    home = tmp_path / "home"
    for name, sub in [("HOME", ""), ("XDG_CONFIG_HOME", ".config"), ("XDG_DATA_HOME", ".local/share"),
                      ("XDG_CACHE_HOME", ".cache"), ("XDG_STATE_HOME", ".local/state")]:
        (home / sub).mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv(name, str(home / sub))
    config = tmp_path / "config.toml"  # outside HOME: the one file that holds the key on purpose
    config.write_text(
        f'api_key = "{KEY_CONFIG}"\nmodel = "{MODEL}"\nconcurrency = 1\ntimeout = 1\nmax_retries = 1\n'
        "max_events = 1\nmax_claims = 1\nsummary_sentences = 1\nmax_reasks = 1\n"
    )
    monkeypatch.setenv("FACTCHECK_CONFIG", str(config))
    monkeypatch.chdir(home)
    return home


@pytest.fixture(params=["env", "config"])
def key(request, home: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """The key in use: OPENAI_API_KEY (which wins over the config file's), or the config file's alone."""
    if request.param == "env":
        monkeypatch.setenv("OPENAI_API_KEY", KEY_ENV)
        return KEY_ENV
    return KEY_CONFIG


@pytest.fixture
def logs(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    caplog.set_level(logging.DEBUG)  # openai, httpx, LangChain: everything they log
    return caplog


def produced(folder: Path, *texts: str) -> str:
    """Everything: the texts given, and every file under `folder` (bytes, so a database counts too)."""
    files = [p.read_bytes().decode("latin-1") for p in sorted(folder.rglob("*")) if p.is_file()]
    return "\n".join([*texts, *files])


def assert_no_key(everything: str) -> None:
    for needle in NEEDLES:
        assert needle not in everything, f"the key leaked: {everything[max(0, everything.find(needle) - 200):][:400]!r}"


def cli(*args: str):
    return CliRunner().invoke(app, list(args))


def test_the_server_saw_the_key_and_would_echo_it(fault_server, key) -> None:
    """The premise of the other tests: the key is sent, and the 401 body quotes it."""
    url = fault_server.base_url("401")
    reply = httpx.post(f"{url}/chat/completions", json={}, headers={"Authorization": f"Bearer {key}"})
    assert reply.status_code == 401 and key in reply.text


def test_successful_runs(fault_server, home, key, logs) -> None:
    url = fault_server.base_url("ok")
    outputs = []
    for fmt in ("json", "markdown", "html"):
        result = cli("timeline", str(SEED), "--base-url", url, "--format", fmt, "--out", f"reports/timeline.{fmt}")
        assert result.exit_code == 0, result.output
        outputs += [result.stdout, result.stderr]
    # A whole report (with stand-ins and warnings: the recordings hold no whole report for these
    # settings), to stdout and to a file, then rendered again from the file.
    for args in (["--format", "json"], ["--format", "json", "--out", "reports/report.json"]):
        result = cli("summarize", str(SEED), "--base-url", fault_server.base_url("bad-ids"), *args)
        assert result.exit_code == 0, result.output
        outputs += [result.stdout, result.stderr]
    for fmt in ("markdown", "html"):
        result = cli("render", "reports/report.json", "--format", fmt, "--out", f"reports/again.{fmt}")
        assert result.exit_code == 0, result.output
    assert {a.authorization for a in fault_server.attempts(url)} == {f"Bearer {key}"}
    assert (home / "reports" / "timeline.html").stat().st_size > 1000
    assert_no_key(produced(home, *outputs, logs.text))


@pytest.mark.parametrize(("scenario", "code"), [("401", 9), ("400", 11), ("500", 17), ("hang", 8), ("truncated", 8)])
def test_failing_runs(fault_server, home, key, logs, scenario, code) -> None:
    url = fault_server.base_url(scenario)
    result = cli("summarize", str(SEED), "--base-url", url, "--format", "html", "--out", "reports/r.html")
    assert result.exit_code == code, result.output
    assert fault_server.attempts(url)[0].authorization == f"Bearer {key}"
    assert_no_key(produced(home, result.stdout, result.stderr, logs.text))


@pytest.mark.parametrize("scenario", ["401", "500"])
def test_debug_tracebacks(fault_server, home, key, scenario) -> None:
    """FACTCHECK_DEBUG=1 prints the traceback with the client's chained exceptions (whose message
    holds the 401 body), in a process of its own with the openai client's debug log on."""
    url = fault_server.base_url(scenario)
    env = {**os.environ, "FACTCHECK_DEBUG": "1", "OPENAI_LOG": "debug"}
    command = [sys.executable, "-m", "factcheck", "claims", str(SEED), "--base-url", url, "--out", "c.md"]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120, cwd=home)
    assert done.returncode == (9 if scenario == "401" else 17), done.stderr[-2000:]
    assert "Traceback (most recent call last)" in done.stderr
    assert ("AuthenticationError" if scenario == "401" else "InternalServerError") in done.stderr
    assert "[redacted]" in done.stderr or scenario != "401"  # the echoed key was there, and was masked
    assert_no_key(produced(home, done.stdout, done.stderr))


@pytest.mark.parametrize("debug", ["0", "1"])
@pytest.mark.parametrize(
    "broken",
    [
        'timeout = "soon"\n',  # a bad value next to the key
        f'provider = "{KEY_CONFIG}"\n',  # the key pasted into the wrong setting
        f"api_key = {KEY_CONFIG}\n",  # unquoted: not TOML
        f'api_key = ["{KEY_CONFIG}"]\n',  # the wrong type
    ],
)
def test_invalid_configuration(home, monkeypatch, debug, broken) -> None:
    config = Path(os.environ["FACTCHECK_CONFIG"])
    # Were the file valid after all, the run would stop at a loopback port where nothing listens.
    given = f'api_key = "{KEY_CONFIG}"\n' if broken.startswith(("timeout", "provider")) else ""
    config.write_text('base_url = "http://127.0.0.1:9/v1"\n' + given + broken)
    monkeypatch.setenv("FACTCHECK_DEBUG", debug)
    result = cli("claims", str(SEED), "--out", "c.md")
    assert result.exit_code == 11, result.output
    assert_no_key(produced(home, result.stdout, result.stderr))


def test_batch_state_database(fault_server, home, key, logs) -> None:
    """A batch whose articles fail: the errors go to the state database, the key must not."""
    inbox = home / "inbox"
    inbox.mkdir()
    (inbox / "story.md").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    outputs = []
    for scenario in ("500", "400", "bad-ids", "401"):
        url = fault_server.base_url(scenario)
        result = cli("batch", str(inbox), "--out", "reports", "--state", "state.sqlite3", "--base-url", url)
        assert result.exit_code in (0, 9, 11, 19), result.output
        outputs += [result.stdout, result.stderr]
    with sqlite3.connect(home / "state.sqlite3") as db:
        dump = "\n".join(db.iterdump())
    assert "failed" in dump  # the failure and its message were stored
    assert_no_key(produced(home, *outputs, dump, logs.text))

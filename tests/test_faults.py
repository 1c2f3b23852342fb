"""Faults from the model server, through the real CLI against tests/fault_server.py on loopback.

For each fault: the server sees exactly the attempts configured (the openai client's `max_retries`
for HTTP failures, `max_reasks` re-asks for invalid content; never one layer times another), the
waits honour Retry-After, the user gets one line naming the cause and the exit code of its kind,
no traceback, and `--out` keeps its previous content with no temporary file left beside it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

import factcheck.cli
from factcheck import errors
from factcheck.cli import app

from .conftest import FAKE_KEY, SEED
from .fault_server import _question
from .llama_server import MODEL  # the recordings' model name: requests must match them byte for byte

PREVIOUS = "the previous report\n"


@pytest.fixture
def server_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", FAKE_KEY)
    monkeypatch.setenv("FACTCHECK_MODEL", MODEL)
    monkeypatch.setenv("FACTCHECK_CONCURRENCY", "1")  # one request at a time: attempts count exactly
    # One summary sentence, one claim sentence, one date: a few steps, so a fault costs seconds.
    monkeypatch.setenv("FACTCHECK_SUMMARY_SENTENCES", "1")
    monkeypatch.setenv("FACTCHECK_MAX_CLAIMS", "1")
    monkeypatch.setenv("FACTCHECK_MAX_EVENTS", "1")


def run(monkeypatch, url: str, out: Path, *, command: str = "summarize", retries: int = 2, reasks: int = 2, timeout: float = 2):
    monkeypatch.setenv("FACTCHECK_MAX_RETRIES", str(retries))
    monkeypatch.setenv("FACTCHECK_TIMEOUT", str(timeout))
    args = [command, str(SEED), "--base-url", url, "--max-reasks", str(reasks), "--format", "json", "--out", str(out)]
    return CliRunner().invoke(app, args)


def assert_failed_cleanly(result, out: Path, code: int, *words: str) -> str:
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == code, result.output
    message = result.stderr
    assert message.count("\n") == 1 and message.startswith("factcheck: error: "), message
    for word in words:
        assert word in message, message
    assert "Traceback" not in result.output
    assert FAKE_KEY not in result.output
    # Nothing half-written: the previous file intact, no temporary file beside it.
    assert out.read_text() == PREVIOUS
    assert sorted(p.name for p in out.parent.iterdir()) == [out.name]
    return message


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    path = folder / "report.json"
    path.write_text(PREVIOUS)
    return path


# --- HTTP failures: the openai client's retries, and only them ----------------------------------------


@pytest.mark.parametrize(
    ("scenario", "retries", "code", "words"),
    [
        ("429", 2, 12, ["429", "rate limited", "3 attempts"]),
        ("500", 2, 17, ["HTTP 500", "3 attempts"]),
        ("502", 1, 17, ["HTTP 502", "2 attempts"]),
        ("503", 0, 17, ["HTTP 503", "1 attempt"]),
        ("reset", 1, 8, ["broke the connection", "reset", "2 attempts"]),
        ("truncated", 1, 8, ["closed the connection before its answer was complete", "2 attempts"]),
        ("invalid-json", 2, 17, ["not a chat completion", "invalid JSON"]),
        ("401", 2, 9, ["rejected the API key", "401"]),
    ],
)
def test_http_fault(fault_server, server_env, monkeypatch, out, scenario, retries, code, words) -> None:
    url = fault_server.base_url(scenario)
    result = run(monkeypatch, url, out, retries=retries)
    assert_failed_cleanly(result, out, code, *words)
    # Retried statuses and broken connections: 1 + max_retries attempts; a refused key and a
    # malformed answer are not retried (another try would get the same).
    expected = 1 if scenario in ("401", "invalid-json") else 1 + retries
    assert len(fault_server.attempts(url)) == expected
    # Every attempt is the same first request: the run stops at the first fatal error.
    assert len({json.dumps(a.body, sort_keys=True) for a in fault_server.attempts(url)}) == 1


def test_concurrent_requests_stop_at_the_first_failure(fault_server, server_env, monkeypatch, out) -> None:
    """Four requests in flight: each is tried 1 + max_retries times, and no fifth is sent."""
    monkeypatch.setenv("FACTCHECK_CONCURRENCY", "4")
    monkeypatch.delenv("FACTCHECK_MAX_CLAIMS")  # a dozen steps to fill
    url = fault_server.base_url("503")
    result = run(monkeypatch, url, out, retries=1)
    assert_failed_cleanly(result, out, 17, "HTTP 503", "2 attempts")
    tried = Counter(json.dumps(a.body, sort_keys=True) for a in fault_server.attempts(url))
    assert 1 <= len(tried) <= 4 and set(tried.values()) == {2}, tried.values()


def test_retry_after_is_honoured(fault_server, server_env, monkeypatch, out) -> None:
    url = fault_server.base_url("429-retry-after")
    result = run(monkeypatch, url, out, retries=2)
    assert_failed_cleanly(result, out, 12, "429", "3 attempts")
    times = [a.at for a in fault_server.attempts(url)]
    gaps = [b - a for a, b in zip(times, times[1:])]
    assert len(gaps) == 2
    # Retry-After: 1 (the client's own backoff would wait 0.375-0.5 s, then 0.75-1 s).
    assert all(0.95 <= gap < 1.9 for gap in gaps), gaps


def test_a_long_wait_for_a_retry_is_announced(fault_server, server_env, monkeypatch, out) -> None:
    """A Retry-After of a minute must not look like a hang: one line per long wait, then the error."""
    monkeypatch.setattr(factcheck.cli, "LONG_RETRY_WAIT", 0.9)  # the fault server asks for 1 s
    result = run(monkeypatch, fault_server.base_url("429-retry-after"), out, retries=2)
    assert result.exit_code == 12
    lines = result.stderr.splitlines()
    assert lines[:2] == [f"factcheck: the model server is busy or failing: retry {n} of 2 in 1 s" for n in (1, 2)]
    assert len(lines) == 3 and lines[2].startswith("factcheck: error: ") and "429" in lines[2]


def test_the_notice_does_not_depend_on_what_the_library_logs(fault_server, server_env, monkeypatch, out) -> None:
    """An openai release that words its retry log otherwise, or logs nothing, must not silence it."""
    import openai._base_client

    monkeypatch.setattr(openai._base_client.log, "info", lambda *args, **kwargs: None)
    monkeypatch.setattr(factcheck.cli, "LONG_RETRY_WAIT", 0.9)
    result = run(monkeypatch, fault_server.base_url("429-retry-after"), out, retries=1)
    assert result.exit_code == 12
    assert result.stderr.splitlines()[0] == "factcheck: the model server is busy or failing: retry 1 of 1 in 1 s"


def test_backoff_without_retry_after(fault_server, server_env, monkeypatch, out) -> None:
    url = fault_server.base_url("429")
    run(monkeypatch, url, out, retries=2)
    times = [a.at for a in fault_server.attempts(url)]
    first, second = (b - a for a, b in zip(times, times[1:]))
    # The openai client's exponential backoff: 0.5 s then 1 s, less up to 25 % jitter.
    assert 0.3 <= first < 0.9 and 0.7 <= second < 1.5, (first, second)


@pytest.mark.parametrize("scenario", ["hang", "drip"])
def test_no_answer_in_time(fault_server, server_env, monkeypatch, out, scenario) -> None:
    """A server that never answers, and one that drips its answer a byte every 0.2 s (each read is
    quick, so only a deadline for the whole attempt stops it: without one this took minutes)."""
    url = fault_server.base_url(scenario)
    result = run(monkeypatch, url, out, retries=1, timeout=0.5)
    assert_failed_cleanly(result, out, 8, "did not answer in time", "within 0.5 s", "2 attempts")
    times = [a.at for a in fault_server.attempts(url)]
    assert len(times) == 2
    # The second attempt starts after the first one's deadline and the backoff, not minutes later.
    assert 0.5 <= times[1] - times[0] < 3, times[1] - times[0]


# --- invalid content: re-asks, and only them --------------------------------------------------------


@pytest.mark.parametrize(
    ("scenario", "reasks", "problem"),
    [
        ("schema", 2, "Input should be a valid dictionary"),
        ("bad-ids", 1, "sources: Extra inputs are not permitted"),
        ("empty", 0, "the answer was empty"),
    ],
)
def test_invalid_content_is_reasked_then_reported(fault_server, server_env, monkeypatch, out, scenario, reasks, problem) -> None:
    url = fault_server.base_url(scenario)
    result = run(monkeypatch, url, out, command="claims", reasks=reasks, retries=2)
    assert_failed_cleanly(result, out, 10, "failed its checks", problem)
    attempts = fault_server.attempts(url)
    asked = Counter(_question(a.body) for a in attempts)
    # Each step asked 1 + max_reasks times, HTTP retries not involved (every answer was HTTP 200).
    assert set(asked.values()) == {1 + reasks}, asked.values()
    for attempt in attempts:
        follow_ups = attempt.body["messages"][2:]
        assert all("Your answer was rejected" in m["content"] for m in follow_ups if m["role"] == "user")


def test_invented_ids_never_reach_the_report(fault_server, server_env, monkeypatch, out) -> None:
    """Answers citing S98 and S99 (the article has S1..S16) are rejected; the report still comes out,
    its summary and timeline in the article's words, shortened and marked so, and every id it cites exists."""
    url = fault_server.base_url("bad-ids")
    result = run(monkeypatch, url, out, reasks=1)
    assert result.exit_code == 0, result.output
    report = json.loads(out.read_text())
    ids = {s["id"] for s in report["article"]["sentences"]}
    items = report["summary"]["sentences"] + report["claims"] + report["timeline"]
    assert items and all(set(item["sources"]) <= ids for item in items)
    assert all(item["origin"] == "compression" for item in report["summary"]["sentences"] + report["timeline"])
    assert "S98" not in json.dumps(items)
    assert any("sources: Extra inputs are not permitted" in w["message"] for w in report["warnings"])


# --- a server that recovers -------------------------------------------------------------------------


def test_failures_then_recorded_answers(fault_server, server_env, monkeypatch, out) -> None:
    """Two 503s, then the recorded answers of llama.cpp's server: the report is the one the same
    recordings give without faults, after exactly two extra attempts."""
    monkeypatch.delenv("FACTCHECK_MAX_EVENTS")
    reports = {}
    for scenario in ("ok", "fail-then-ok"):
        url = fault_server.base_url(scenario, failures=2)
        result = run(monkeypatch, url, out, command="timeline", retries=2)
        assert result.exit_code == 0, result.output
        reports[scenario] = json.loads(out.read_text())["timeline"]
        count = len(fault_server.attempts(url))
        if scenario == "ok":
            answered = count
    assert count == answered + 2
    assert reports["fail-then-ok"] == reports["ok"]
    # "Later that day, Erdogan confirmed ... readiness to host the meeting": which meeting (a closed-door
    # one, the ministers' one) the event does not say, nor one earlier phrase alone: dropped, with a warning.
    assert [e["when"] for e in reports["ok"]][:2] == ["Sunday", "Tuesday"]


# --- the process itself --------------------------------------------------------------------------------


def test_the_installed_command_prints_one_line(fault_server, tmp_path: Path) -> None:
    """The console script in its own process: one line on stderr, the exit code, nothing else."""
    url = fault_server.base_url("503")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("FACTCHECK_", "OPENAI_"))}
    env |= {"OPENAI_API_KEY": FAKE_KEY, "FACTCHECK_MAX_RETRIES": "0", "FACTCHECK_CONFIG": str(tmp_path / "none.toml")}
    command = [sys.executable, "-m", "factcheck", "claims", str(SEED), "--base-url", url, "--out", str(tmp_path / "c.md")]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 17
    assert done.stdout == ""
    assert done.stderr.splitlines() == [f"factcheck: error: {url} failed with HTTP 503 (1 attempt)"]
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_every_kind_of_error_has_its_own_exit_code() -> None:
    classes = [c for c in vars(errors).values() if isinstance(c, type) and issubclass(c, errors.FactcheckError)]
    codes = [c.exit_code for c in classes]
    assert len(codes) == len(set(codes)), sorted(codes)
    assert {0, 2}.isdisjoint(codes)


# --- article pages that drip: the fetch has a deadline too ----------------------------------------------


@pytest.fixture
def fetch_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTCHECK_ALLOW_PRIVATE_URLS", "1")  # the fault server is on loopback
    monkeypatch.setenv("FACTCHECK_FETCH_TIMEOUT", "1")


def test_an_article_page_that_drips_is_given_up_at_the_deadline(fault_server, fetch_env, tmp_path: Path) -> None:
    """The page comes a byte every 0.2 s (each read quick, the whole a minute): summarize gives up
    after fetch_timeout, before any model is loaded, and says why in one line."""
    url = fault_server.base_url("drip") + "/article"
    out = tmp_path / "report.json"
    result = CliRunner().invoke(app, ["summarize", url, "--format", "json", "--out", str(out)])
    assert result.exit_code == 7, result.output
    assert result.stderr.count("\n") == 1 and "no complete answer within 1 s" in result.stderr, result.stderr
    assert not out.exists()
    assert len(fault_server.attempts(url.removesuffix("/article"))) == 1  # a fetch is not retried


def test_a_batch_worker_is_not_held_by_a_dripping_page(fault_server, fetch_env, tmp_path: Path) -> None:
    """The same page in a batch, listed beside a good one: it fails at the deadline, the other is read."""
    drip, ok = (fault_server.base_url(s) + "/article" for s in ("drip", "ok"))
    listed = tmp_path / "urls.txt"
    listed.write_text(f"{drip}\n")
    from factcheck.sources import Item, load_item

    started = time.monotonic()
    result = CliRunner().invoke(app, ["batch", str(listed), "--out", str(tmp_path / "out"), "--state", str(tmp_path / "s.db"), "--quiet"])
    assert result.exit_code == 19, result.output
    assert "no complete answer within 1 s" in result.stderr
    assert time.monotonic() - started < 30
    article = load_item(Item(ok, ok), timeout=1, allow_private=True)
    assert article.title == "Council vote" and len(article.sentences) == 2

"""The command line: help that teaches, one-line errors with distinct exit codes, no tracebacks."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app

from .conftest import SEED
from .loopback import QuietHandler, serve

runner = CliRunner()


def run(*args: str, input: bytes | None = None):
    return runner.invoke(app, list(args), input=input)


def test_help_lists_commands_and_exit_codes() -> None:
    result = run("--help")
    assert result.exit_code == 0
    for command in ("summarize", "claims", "timeline", "schema"):
        assert command in result.output
    assert "Exit codes" in result.output and "FACTCHECK_DEBUG" in result.output


def test_summarize_help_explains_inputs() -> None:
    result = run("summarize", "--help")
    assert result.exit_code == 0
    assert "stdin" in result.output and "--published" in result.output and "--format" in result.output


def test_schema_is_the_reports_json_schema() -> None:
    result = run("schema")
    assert result.exit_code == 0
    schema = json.loads(result.output)
    assert {"schema_version", "article", "summary", "claims", "timeline", "warnings", "provenance"} <= set(
        schema["properties"]
    )


@pytest.mark.parametrize(
    ("content", "code", "message"),
    [
        (b"", 4, "no article text"),
        (b"\x89PNG\r\n\x1a\n\x00", 5, "PNG image"),
        ("d\u00e9j\u00e0 vu".encode("latin-1"), 6, "not UTF-8"),
        (b"---\npublished: soon\n---\nText.", 13, "not an ISO date"),
    ],
)
def test_bad_input_gives_one_line_and_its_exit_code(tmp_path: Path, content: bytes, code: int, message: str) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(content)
    out = tmp_path / "report.json"
    result = run("summarize", str(path), "--out", str(out))
    assert result.exit_code == code
    assert message in result.output
    assert result.output.count("\n") == 1 and result.output.startswith("factcheck: error: ")
    assert not out.exists()


def test_missing_file() -> None:
    result = run("claims", "no/such/story.txt")
    assert result.exit_code == 3
    assert result.output == "factcheck: error: no/such/story.txt: no such file\n"


def test_bad_published_date_is_a_usage_error() -> None:
    result = run("timeline", str(SEED), "--published", "13/05/2025")
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.output


def test_invalid_setting_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTCHECK_MAX_REASKS", "lots")
    result = run("summarize", str(SEED))
    assert result.exit_code == 11
    assert "max_reasks" in result.output


def test_unknown_provider() -> None:
    result = run("summarize", str(SEED), "--provider", "anthropic")
    assert result.exit_code == 11
    assert "provider" in result.output


def test_malformed_config_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "config.toml"
    config.write_text("provider = [unclosed\n")
    monkeypatch.setenv("FACTCHECK_CONFIG", str(config))
    result = run("summarize", str(SEED))
    assert result.exit_code == 11
    assert str(config) in result.output


def test_debug_shows_the_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTCHECK_DEBUG", "1")
    result = run("claims", "no/such/story.txt")
    assert result.exit_code == 3
    assert "Traceback (most recent call last)" in result.stderr
    assert "factcheck.errors.InputNotFound" in result.stderr


def test_stdin_dash_with_nothing_piped() -> None:
    result = run("summarize", "-", input=b"")
    assert result.exit_code == 4
    assert "standard input has no article text" in result.output


@pytest.fixture
def web_server():
    class Handler(QuietHandler):
        def do_GET(self):  # noqa: N802 - the stdlib's name
            self.send_response(404)
            self.end_headers()

    with serve(Handler) as port:
        yield f"http://127.0.0.1:{port}"


def test_url_that_answers_404(web_server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTCHECK_ALLOW_PRIVATE_URLS", "1")  # the test server listens on loopback
    result = run("summarize", f"{web_server}/story.html")
    assert result.exit_code == 7
    assert "HTTP 404" in result.output


def test_unreachable_url(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTCHECK_ALLOW_PRIVATE_URLS", "1")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    result = run("summarize", f"http://127.0.0.1:{port}/story.html")
    assert result.exit_code == 7
    assert "ConnectError" in result.output


def test_render_refuses_what_is_not_a_report(tmp_path: Path) -> None:
    bad = tmp_path / "report.json"
    bad.write_text('{"schema_version": "1.0"}')
    result = run("render", str(bad))
    assert result.exit_code == 14
    assert "not a factcheck JSON report" in result.output
    assert run("render", str(tmp_path / "missing.json")).exit_code == 3


def test_dates_json_offsets_index_the_file(tmp_path: Path) -> None:
    raw = "The council met on Tuesday.\r\nIt will vote next month, on June 3.\n"
    path = tmp_path / "story.txt"
    path.write_bytes(raw.encode())
    result = run("dates", str(path), "--published", "2025-05-15", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["published"] == "2025-05-15"
    assert [(d["text"], d["value"]) for d in data["dates"]] == [
        ("Tuesday", "2025-05-13"),
        ("next month", "2025-06"),
        ("June 3", "2025-06-03"),
    ]
    for d in data["dates"]:
        assert raw[d["start"] : d["end"]] == d["text"]


def test_dates_table_and_no_dates(tmp_path: Path) -> None:
    result = run("dates", str(SEED))
    assert result.exit_code == 0
    assert "May 14-15\tDATE\t2025-05-14 .. 2025-05-15\tS8" in result.output
    plain = tmp_path / "plain.txt"
    plain.write_text("Nothing here has a date.")
    assert json.loads(run("dates", str(plain), "--format", "json").output) == {"published": None, "dates": []}


def test_dates_bad_published() -> None:
    result = run("dates", str(SEED), "--published", "yesterday")
    assert result.exit_code == 2


def test_checkworthiness_lines(tmp_path: Path) -> None:
    path = tmp_path / "lines.txt"
    path.write_text("Good evening and welcome.\nUnemployment fell to 3.5 percent last year, the lowest in 50 years.\n")
    result = run("checkworthiness", str(path), "--lines", "--format", "json")
    assert result.exit_code == 0, result.output
    sentences = json.loads(result.output)["sentences"]
    assert [s["line"] for s in sentences] == [1, 2]
    assert sentences[1]["score"] > sentences[0]["score"]


def test_render_open_writes_a_page_and_opens_it(monkeypatch: pytest.MonkeyPatch) -> None:
    import webbrowser

    opened: list[str] = []
    monkeypatch.setattr(webbrowser, "open", opened.append)
    saved = Path(__file__).parent / "data" / "seed-report.json"
    result = run("render", str(saved), "--open")
    assert result.exit_code == 0, result.output
    assert len(opened) == 1 and opened[0].startswith("file://") and opened[0].endswith("report.html")
    page = Path(opened[0].removeprefix("file://")).read_text()
    assert page.startswith("<!DOCTYPE html>") or page.lower().startswith("<!doctype html>")
    assert "S1" in page


HAND_WRITTEN_REPORT = {
    "schema_version": "1.1",
    "article": {
        "title": "Council approves budget", "published": "2025-03-04", "source": "Dover Gazette", "url": None,
        "text": "The council approved a $12 million budget on Monday, the mayor said. Opponents called it reckless.",
        "sha256": "0" * 64,
        "sentences": [
            {"id": "S1", "text": "The council approved a $12 million budget on Monday, the mayor said.", "start": 0, "end": 68},
            {"id": "S2", "text": "Opponents called it reckless.", "start": 69, "end": 98},
        ],
    },
    "summary": {"sentences": [
        {"text": "The mayor said the council approved a $12 million budget.", "sources": ["S1"], "origin": "model"},
        {"text": "Opponents called it reckless.", "sources": ["S2"], "origin": "extractive"},
    ]},
    "claims": [
        {"id": "C1", "text": "The council approved a $12 million budget on Monday (3 March 2025).", "type": "statistic",
         "speaker": "the mayor", "sources": ["S1"], "quote": "The council approved a $12 million budget on Monday",
         "checkable": True, "checkworthiness": 0.71, "checkworthiness_source": "scorer+model",
         "scores": {"scorer": 0.62, "model": 0.8}, "reason": "A figure.", "verify": "The council's minutes.", "code_filled": []},
        {"id": "C2", "text": "Opponents called it reckless.", "type": "opinion", "speaker": "Opponents", "sources": ["S2"],
         "quote": "Opponents called it reckless.", "checkable": False, "checkworthiness": 0.0,
         "reason": "opinion: no record can settle it", "verify": "Not checkable as a fact.", "code_filled": ["text", "verify"]},
    ],
    "timeline": [
        {"date": "2025-03-03", "end": "2025-03-03", "precision": "day", "when": "Monday", "event": "The council | approved the budget.",
         "sources": ["S1"], "origin": "model"},
    ],
    "warnings": [],
    "provenance": {
        "factcheck_version": "0.1.0", "provider": "local", "model": "SmolLM2", "structured_output": "json_object",
        "prompts": [{"name": "claims", "version": "2", "sha256": "1" * 64}],
        "usage": {}, "total": {"prompt_tokens": 100, "completion_tokens": 23, "calls": 4},
        "duration_seconds": 2.04, "created": "2025-03-04T10:00:00Z",
    },
}

EXPECTED_MARKDOWN = """\
# Council approves budget

Dover Gazette · published 2025-03-04

## Summary

- The mayor said the council approved a $12 million budget. [S1]
- Opponents called it reckless. [S2] *(article's words)*

## Claims to check

### High priority

- [ ] **C1** · statistic · 0.71 (scorer 0.62, model 0.80) — The council approved a $12 million budget on Monday (3 March 2025).
  - Who: the mayor
  - Quote: “The council approved a $12 million budget on Monday” [S1]
  - Why: A figure.
  - Verify: The council's minutes.

### Opinions and predictions (not checkable)

- [ ] **C2** · opinion — Opponents called it reckless. *(article's words · filled by code: verify)*
  - Who: Opponents
  - Quote: “Opponents called it reckless.” [S2]
  - Why: opinion: no record can settle it
  - Verify: Not checkable as a fact.

## Timeline

| Date | As written | Event | Sources |
| --- | --- | --- | --- |
| 3 March 2025 | Monday | The council \\| approved the budget. | S1 |

---
*local · SmolLM2 · 123 tokens in 4 calls · 2.0 s · prompts: claims v2 · factcheck 0.1.0*
"""


def test_render_of_a_hand_written_report_is_the_expected_markdown(tmp_path: Path) -> None:
    saved = tmp_path / "report.json"
    saved.write_text(json.dumps(HAND_WRITTEN_REPORT))
    result = run("render", str(saved), "--format", "markdown")
    assert result.exit_code == 0, result.output
    assert result.output == EXPECTED_MARKDOWN


# --- files that cannot be written; reports given as articles; help; flags ------------------------------


def test_an_unwritable_out_fails_before_any_model_call(fault_server, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from .conftest import FAKE_KEY

    monkeypatch.setenv("OPENAI_API_KEY", FAKE_KEY)
    url = fault_server.base_url("ok")
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    result = run("summarize", str(SEED), "--base-url", url, "--out", str(blocker / "report.json"))
    assert result.exit_code == 18, result.output
    assert result.stderr == f"factcheck: error: cannot write {blocker}: not a folder\n"
    assert fault_server.attempts(url) == []  # refused before the model work, not after it


def test_a_write_that_fails_is_one_line_not_a_traceback(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    result = run("schema", "--out", str(blocker / "deeper" / "schema.json"))
    assert result.exit_code == 18
    assert result.stderr.startswith("factcheck: error: cannot write ") and result.stderr.count("\n") == 1
    assert "Traceback" not in result.output


def test_a_saved_report_is_not_read_as_an_article(tmp_path: Path) -> None:
    saved = Path(__file__).parent / "data" / "seed-report.json"
    for command in ("claims", "summarize", "timeline", "dates"):
        result = run(command, str(saved))
        assert result.exit_code == 21, (command, result.output)
        assert result.stderr == (
            f"factcheck: error: {saved} is a factcheck JSON report, not an article: to show it again, run factcheck render {saved}\n"
        )


def _exit_table(text: str) -> dict[int, str]:
    import re

    return {int(code): what for code, what in re.findall(r"^\s*(\d+)\s{2}(\S.*)$", text, re.M)}


@pytest.mark.parametrize(
    "command",
    [["summarize"], ["claims"], ["timeline"], ["render"], ["dates"], ["checkworthiness"], ["schema"], ["batch"],
     ["digest"], ["schedule", "install"], ["schedule", "run"], ["schedule", "list"], ["schedule", "remove"]],
)
def test_every_subcommand_help_lists_the_exit_codes(command: list[str]) -> None:
    from factcheck.errors import EXIT_CODES

    result = run(*command, "--help")
    assert result.exit_code == 0
    table = _exit_table(result.output.split("Exit codes:")[1])
    assert set(table) == {0, 2, 130, *EXIT_CODES}


def test_the_readme_exit_code_table_is_the_error_classes() -> None:
    import re

    from factcheck.errors import EXIT_CODES

    from .conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Exit codes", 1)[1].split("\n## ", 1)[0]
    codes = {int(c) for c in re.findall(r"^\| (\d+) \|", section, re.M)}
    assert codes == {0, 2, 130, *EXIT_CODES}


def test_flags_override_the_environment_and_the_config_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """--timeout, --concurrency, --max-claims, --summary-sentences and --max-reasks reach the settings
    and win over FACTCHECK_* and config.toml; what no flag names comes from them."""
    import factcheck.settings
    from factcheck.errors import ConfigError

    config = tmp_path / "config.toml"
    config.write_text("timeout = 50\nconcurrency = 2\nmax_claims = 9\nsummary_sentences = 4\nmax_reasks = 3\ntoken_budget = 1234\n")
    monkeypatch.setenv("FACTCHECK_CONFIG", str(config))
    monkeypatch.setenv("FACTCHECK_MAX_CLAIMS", "7")
    monkeypatch.setenv("FACTCHECK_TIMEOUT", "60")
    seen = []
    real = factcheck.settings.load_settings

    def load_settings(**flags):
        seen.append(real(**flags))
        raise ConfigError("stopped before the model: the settings are what this test needs")

    monkeypatch.setattr(factcheck.settings, "load_settings", load_settings)
    flags = ["--timeout", "9.5", "--concurrency", "3", "--max-claims", "2", "--summary-sentences", "1", "--max-reasks", "0"]
    for command in (["summarize", str(SEED)], ["claims", str(SEED)], ["batch", str(SEED), "--out", str(tmp_path / "out")]):
        result = run(*command, *(flags if command[0] != "batch" else [f for f in flags if f not in ("--concurrency", "3")]))
        assert result.exit_code == 11, result.output
        s = seen.pop()
        assert (s.timeout, s.max_claims, s.summary_sentences, s.max_reasks) == (9.5, 2, 1, 0), command
        assert s.token_budget == 1234  # from the config file: no flag
        if command[0] != "batch":
            assert s.concurrency == 3
    result = run("summarize", str(SEED))
    assert (seen[-1].timeout, seen[-1].max_claims, seen[-1].concurrency) == (60, 7, 2)  # env, then config
    assert run("summarize", str(SEED), "--max-claims", "0").exit_code == 2  # out of range: usage


def test_render_markdown_puts_flags_beside_items_and_short_warnings_last(tmp_path: Path) -> None:
    """A hand-written report, rendered: each item's own flag beside it, the warnings last, one line of
    plain words over them, grouped by kind, a rejected answer quoted by its first words only."""
    from .test_html import REJECTED, report_with_stand_ins

    saved = tmp_path / "report.json"
    saved.write_text(report_with_stand_ins().model_dump_json(), encoding="utf-8")
    result = run("render", str(saved), "--format", "markdown")
    assert result.exit_code == 0, result.output
    out = result.output
    assert out.index("## Summary") < out.index("## Claims to check") < out.index("## Timeline") < out.index("## Warnings")
    assert "[S11] *(article's words)*\n" in out
    assert "— Rutte described Türkiye as a staunch and capable ally. *(filled by code: speaker, type)*\n" in out
    assert "| NATO Summit. *(article's words)* | S9 |" in out
    warnings = out[out.index("## Warnings"):out.index("\n---\n")]
    assert warnings == (
        "## Warnings\n\n"
        "2 items are the article's own words and 1 claim has fields filled by code because the model's answers "
        "failed the checks; 1 date could not be resolved.\n\n"
        "**1 summary sentence is the article's own words**\n\n"
        "- S11: kept the article's sentence: the sentence drops the attribution\n\n"
        "**1 claim has fields filled by code**\n\n"
        "- S7.2: code filled speaker, type: the claim 'The speaker makes a claim…' describes the task; state what "
        "the article says instead; type statistic…\n\n"
        "**1 timeline event is the article's own words**\n\n"
        "- E4: kept the article's sentence: the event 'next month' only repeats the date\n\n"
        "**1 date could not be resolved**\n\n"
        "- S12: could not resolve 'Later that day' (XXXX-XX-XX) to a calendar date\n"
    )
    assert REJECTED not in out and REJECTED in saved.read_text(encoding="utf-8")


def test_the_command_in_its_own_process_writes_its_whole_report_and_exits_0(fault_server, tmp_path: Path) -> None:
    """A report command ends its process without the interpreter's teardown (factcheck.cli.main): the
    report piped to stdout is still written in full, and the exit code is 0."""
    import os
    import subprocess
    import sys

    from .conftest import FAKE_KEY

    # Buffered stdout, as in a pipe by default: nothing but the flush before the exit writes it.
    env = {k: v for k, v in os.environ.items() if not k.startswith(("FACTCHECK_", "OPENAI_", "PYTHONUNBUFFERED"))}
    env |= {"OPENAI_API_KEY": FAKE_KEY, "FACTCHECK_CONFIG": str(tmp_path / "none.toml")}
    command = [sys.executable, "-m", "factcheck", "timeline", str(SEED), "--base-url", fault_server.base_url("ok")]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("# ") and done.stdout.rstrip().endswith("*")  # a Markdown report, to its closing line

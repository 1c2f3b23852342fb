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


def test_render_markdown_of_a_saved_report_matches_summarize_output() -> None:
    from factcheck.render import load_report, to_markdown

    saved = Path(__file__).parent / "data" / "seed-report.json"
    result = run("render", str(saved), "--format", "markdown")
    assert result.exit_code == 0
    assert result.output == to_markdown(load_report(saved))
    assert "## Claims to check" in result.output and "- [ ] **C1**" in result.output


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

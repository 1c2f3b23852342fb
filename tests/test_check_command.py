"""`factcheck check ARTICLE STATEMENTS`: results in input order, exit codes, stdin and --text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app

runner = CliRunner()

ARTICLE = """---
title: Ferry service
published: 2024-06-11
---
The regional ferry company cancelled 14 crossings on Monday because of high winds, a spokeswoman said.

Passengers with tickets will get a full refund.

The company expects the service to resume on Wednesday if the weather improves.
"""
GOOD = "The regional ferry company cancelled 14 crossings on Monday because of high winds, a spokeswoman said."
BAD = "The ferry company cancelled 41 crossings on Monday, a spokeswoman said."
HARDENED = "The service will resume on Wednesday."


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "ferry.md"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def run(*args: str, input: str | None = None):
    return runner.invoke(app, list(args), input=input)


def test_json_lists_every_statement_in_input_order(article: Path, tmp_path: Path) -> None:
    statements = tmp_path / "draft.txt"
    statements.write_text(f"{BAD}\n\n{GOOD}\n{HARDENED}\n", encoding="utf-8")
    result = run("check", str(article), str(statements), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert [s["text"] for s in data["statements"]] == [BAD, GOOD, HARDENED]
    bad, good, hardened = data["statements"]
    assert set(good) == {"text", "supported", "sources", "problems"}
    assert good["supported"] is True and good["sources"] == ["S1"] and good["problems"] == []
    assert bad["supported"] is False and bad["sources"] == ["S1"] and any('"41"' in p for p in bad["problems"])
    assert hardened["supported"] is False and hardened["sources"] == ["S3"] and hardened["problems"]


def test_strict_exits_1_when_a_statement_is_unsupported(article: Path) -> None:
    assert run("check", str(article), "--text", GOOD, "--strict").exit_code == 0
    failing = run("check", str(article), "--text", BAD, "--strict", "--format", "json")
    assert failing.exit_code == 1
    assert json.loads(failing.output)["statements"][0]["supported"] is False  # the results still come out
    assert run("check", str(article), "--text", BAD).exit_code == 0  # without --strict: results, exit 0


def test_statements_from_stdin_and_markdown_output(article: Path) -> None:
    result = run("check", str(article), "-", input=f"{GOOD}\n{BAD}\n")
    assert result.exit_code == 0, result.output
    assert "1 of 2 supported" in result.output
    assert "S1: The regional ferry company" in result.output and "41" in result.output


def test_the_article_from_stdin(tmp_path: Path) -> None:
    result = run("check", "-", "--text", "Passengers with tickets will get a full refund.", "--format", "json", input=ARTICLE)
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["statements"][0] == {
        "text": "Passengers with tickets will get a full refund.",
        "supported": True,
        "sources": ["S2"],
        "problems": [],
    }


def test_bad_usage_is_one_line_and_a_usage_exit(article: Path, tmp_path: Path) -> None:
    assert run("check", str(article)).exit_code == 2  # neither STATEMENTS nor --text
    assert run("check", str(article), "x.txt", "--text", GOOD).exit_code == 2  # both
    assert run("check", "-", "-").exit_code == 2
    missing = run("check", str(article), str(tmp_path / "nope.txt"))
    assert missing.exit_code == 3 and "Traceback" not in missing.output
    empty = tmp_path / "empty.txt"
    empty.write_text("\n\n", encoding="utf-8")
    assert run("check", str(article), str(empty)).exit_code == 4


NEGATED = """---
title: Port strike
published: 2024-06-11
---
Dock workers at the northern port began a strike on Monday, the union said.

The union said the strike would not end until the company raised wages.

The company said it would not permit the union to picket the gates.
"""


def test_each_statement_cites_only_the_sentences_it_draws_on(tmp_path: Path) -> None:
    path = tmp_path / "port.md"
    path.write_text(NEGATED, encoding="utf-8")
    statements = [
        "Dock workers at the northern port began a strike on Monday, the union said.",
        "The company said it would not allow the union to picket the gates.",
        "The union said the strike would end.",
    ]
    result = run("check", str(path), "-", "--format", "json", input="\n".join(statements))
    assert result.exit_code == 0, result.output
    began, allowed, dropped = json.loads(result.output)["statements"]
    assert began["supported"] is True and began["sources"] == ["S1"]
    assert allowed["supported"] is True and allowed["sources"] == ["S3"]
    assert dropped["supported"] is False and dropped["sources"] == ["S2"] and any("negation" in p for p in dropped["problems"])

"""`factcheck claims` and `factcheck timeline` write whole reports: every part present, the parts not
run empty and listed as not run (`provenance.chains`), so the schema validates them and `render`
takes them and shows only what ran."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import factcheck.llama_loading
import factcheck.llm
from factcheck.article import load_article
from factcheck.cli import app
from factcheck.llm import Backend
from factcheck.models import Report

from .conftest import SEED
from .test_long_article import EchoModel

runner = CliRunner()
HEADINGS = {"summary": "## Summary", "claims": "## Claims to check", "timeline": "## Timeline"}


@pytest.fixture(autouse=True)
def echo_backend(monkeypatch: pytest.MonkeyPatch) -> None:
    model = EchoModel(sizes=[])
    monkeypatch.setattr(factcheck.llm, "build_backend", lambda settings, loading=None: Backend(model, "test", "echo", "json_object", concurrency=4))
    monkeypatch.setattr(factcheck.llama_loading, "ModelLoading", lambda settings: None)  # no real model loading meanwhile


def schema_problems(data, schema: dict, node: dict | None = None, where: str = "report") -> list[str]:
    """What `data` lacks of the JSON Schema `factcheck schema` prints: required properties and types
    of objects and arrays, following $ref (enough to tell a report from a fragment of one)."""
    node = schema if node is None else node
    if "$ref" in node:
        node = schema["$defs"][node["$ref"].rsplit("/", 1)[-1]]
    if "anyOf" in node:
        found = [schema_problems(data, schema, option, where) for option in node["anyOf"]]
        return min(found, key=len)
    kind = node.get("type")
    if kind == "object":
        if not isinstance(data, dict):
            return [f"{where} is not an object"]
        problems = [f"{where}.{name} is missing" for name in node.get("required", []) if name not in data]
        for name, spec in node.get("properties", {}).items():
            if name in data:
                problems += schema_problems(data[name], schema, spec, f"{where}.{name}")
        return problems
    if kind == "array":
        if not isinstance(data, list):
            return [f"{where} is not an array"]
        return [p for n, item in enumerate(data) for p in schema_problems(item, schema, node.get("items", {}), f"{where}[{n}]")]
    if kind == "string" and not isinstance(data, str):
        return [f"{where} is not a string"]
    return []


@pytest.mark.parametrize("part", ["claims", "timeline"])
def test_one_part_is_a_whole_report_that_render_takes(tmp_path: Path, part: str) -> None:
    out = tmp_path / f"{part}.json"
    result = runner.invoke(app, [part, str(SEED), "--format", "json", "--out", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text())
    schema = json.loads(runner.invoke(app, ["schema"]).output)
    assert schema_problems(data, schema) == []
    report = Report.model_validate(data)
    assert report.provenance.chains == [part]
    assert report.article.text == load_article(str(SEED)).text
    assert getattr(report, part)
    others = [p for p in HEADINGS if p != part]
    for other in others:
        assert not (report.summary.sentences if other == "summary" else getattr(report, other))
        assert other not in report.provenance.usage

    rendered = runner.invoke(app, ["render", str(out)])
    assert rendered.exit_code == 0, rendered.output
    assert HEADINGS[part] in rendered.output
    assert not any(HEADINGS[other] in rendered.output for other in others)
    page = runner.invoke(app, ["render", str(out), "--format", "html"])
    assert page.exit_code == 0, page.output
    assert f'<section id="{part}"' in page.output
    assert not any(f'<section id="{other}"' in page.output for other in others)


def test_the_whole_report_lists_every_part(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    assert runner.invoke(app, ["summarize", str(SEED), "--format", "json", "--out", str(out)]).exit_code == 0
    data = json.loads(out.read_text())
    assert data["provenance"]["chains"] == ["summary", "claims", "timeline"]
    assert data["schema_version"] == "1.3"

    # A report written before schema 1.2 has no `chains`: all three parts ran, and all three render.
    del data["provenance"]["chains"]
    data["schema_version"] = "1.1"
    out.write_text(json.dumps(data))
    rendered = runner.invoke(app, ["render", str(out)])
    assert rendered.exit_code == 0, rendered.output
    assert all(heading in rendered.output for heading in HEADINGS.values())


def test_a_fragment_fails_the_schema_check() -> None:
    """The check above can fail: a part without the rest of the report is not a report."""
    schema = json.loads(runner.invoke(app, ["schema"]).output)
    problems = schema_problems({"schema_version": "1.1", "timeline": [], "warnings": [], "article": {"sha256": "0"}}, schema)
    assert "report.summary is missing" in problems and "report.provenance is missing" in problems
    assert "report.article.text is missing" in problems

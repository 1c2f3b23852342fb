"""Recordings hold no secrets and are readable: a scan of every cassette, run in CI."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from . import cassette_format
from .conftest import CASSETTES, FAKE_KEY, FILTERED_HEADERS

SECRET = re.compile(
    r"sk-[A-Za-z0-9_-]{16,}|Bearer\s+[A-Za-z0-9_.-]{8,}|api[-_]key['\"]?\s*[:=]\s*['\"]?[A-Za-z0-9_-]{8,}",
    re.IGNORECASE,
)
CASSETTE_FILES = sorted(CASSETTES.rglob("*.yaml"))


def scan(path: Path) -> list[str]:
    """What a cassette holds that it must not: key-like strings anywhere, credential headers."""
    text = path.read_text(encoding="utf-8")
    problems = [f"{path.name}: {found.group()[:12]}..." for found in SECRET.finditer(text)]
    if FAKE_KEY in text:
        problems.append(f"{path.name}: the tests' fake key")
    for interaction in yaml.safe_load(text)["interactions"]:
        for side in ("request", "response"):
            headers = {name.lower() for name in interaction[side].get("headers", {})}
            problems += [f"{path.name}: {side} header {name} not filtered" for name in sorted(headers & set(FILTERED_HEADERS))]
    return problems


def test_there_are_recordings() -> None:
    assert CASSETTE_FILES, "no cassettes found: the remote-path tests would replay nothing"


@pytest.mark.parametrize("path", CASSETTE_FILES, ids=lambda p: str(p.relative_to(CASSETTES)))
def test_cassette_holds_no_secret(path: Path) -> None:
    assert scan(path) == []


def _cassette(request_headers: dict, body: dict, response_headers: dict | None = None) -> str:
    """A cassette as vcrpy would write it through our serializer (a test input, not a recording)."""
    interaction = {
        "request": {"method": "POST", "uri": "http://127.0.0.1:1/v1/chat/completions", "headers": request_headers, "body": json.dumps(body)},
        "response": {"status": {"code": 200, "message": "OK"}, "headers": response_headers or {}, "body": {"string": ""}},
    }
    return cassette_format.serialize({"version": 1, "interactions": [interaction]})


@pytest.mark.parametrize(
    ("headers", "body", "response_headers"),
    [
        ({"authorization": [f"Bearer {FAKE_KEY}"]}, {"model": "m"}, None),  # the header vcrpy should have filtered
        ({"Authorization": ["Bearer abcdefgh12345678"]}, {"model": "m"}, None),  # any token, any case
        ({"api-key": ["0123456789abcdef"]}, {"model": "m"}, None),  # Azure's header
        ({}, {"model": "m", "messages": [{"role": "user", "content": f"my key is {FAKE_KEY}"}]}, None),  # in a body
        ({}, {"model": "m", "api_key": "0123456789abcdef"}, None),  # a key-named field in a body
        ({}, {"model": "m"}, {"set-cookie": ["session=0123456789abcdef"]}),  # a cookie from the server
    ],
)
def test_the_scanner_finds_a_planted_secret(tmp_path: Path, headers, body, response_headers) -> None:
    planted = tmp_path / "planted.yaml"
    planted.write_text(_cassette(headers, body, response_headers), encoding="utf-8")
    assert scan(planted)
    clean = tmp_path / "clean.yaml"
    clean.write_text(_cassette({"content-type": ["application/json"]}, {"model": "m"}), encoding="utf-8")
    assert scan(clean) == []

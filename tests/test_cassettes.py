"""Recordings hold no secrets and are readable: a scan of every cassette, run in CI."""

from __future__ import annotations

import re

import pytest
import yaml

from .conftest import CASSETTES, FAKE_KEY

SECRET = re.compile(
    r"sk-[A-Za-z0-9_-]{16,}|Bearer\s+[A-Za-z0-9_.-]{8,}|api[-_]key['\"]?\s*[:=]\s*['\"]?[A-Za-z0-9_-]{8,}",
    re.IGNORECASE,
)
FILTERED_HEADERS = {"authorization", "api-key", "openai-organization", "openai-project", "cookie", "set-cookie"}
CASSETTE_FILES = sorted(CASSETTES.rglob("*.yaml"))


def test_there_are_recordings() -> None:
    assert CASSETTE_FILES, "no cassettes found: the remote-path tests would replay nothing"


@pytest.mark.parametrize("path", CASSETTE_FILES, ids=lambda p: str(p.relative_to(CASSETTES)))
def test_cassette_holds_no_secret(path) -> None:
    text = path.read_text(encoding="utf-8")
    assert FAKE_KEY not in text
    assert not SECRET.search(text), f"{path.name}: {SECRET.search(text).group()[:12]}..."
    for interaction in yaml.safe_load(text)["interactions"]:
        for side in ("request", "response"):
            headers = {name.lower() for name in interaction[side].get("headers", {})}
            assert not headers & FILTERED_HEADERS, f"{path.name}: {headers & FILTERED_HEADERS} not filtered"


def test_the_scanner_finds_a_planted_key() -> None:
    assert SECRET.search(f"authorization: Bearer {FAKE_KEY}")
    assert SECRET.search(FAKE_KEY)

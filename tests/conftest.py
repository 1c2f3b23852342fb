"""Shared test set-up: no test sees the developer's configuration, keys or network."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_0cbe40a24dcadabf.md"
CASSETTES = ROOT / "cassettes"
# A recognisable fake key: tests check that it never reaches a cassette, a report or a message.
FAKE_KEY = "sk-test-FAKEKEY-0123456789abcdefghij"


@pytest.fixture(autouse=True)
def isolated_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in list(os.environ):
        if name.startswith(("FACTCHECK_", "OPENAI_")):
            monkeypatch.delenv(name)
    monkeypatch.setenv("FACTCHECK_CONFIG", str(tmp_path / "no-config.toml"))


@pytest.fixture(scope="module")
def vcr_config() -> dict:
    return {
        "filter_headers": ["authorization", "api-key", "openai-organization", "openai-project", "cookie", "set-cookie"],
        "match_on": ["method", "uri", "body"],
        "decode_compressed_response": True,
    }


@pytest.fixture(scope="module")
def vcr_cassette_dir() -> str:
    return str(CASSETTES)


@pytest.fixture(autouse=True)
def _every_recording_played(request: pytest.FixtureRequest):
    """A cassette with interactions the test never asked for means the code changed: fail."""
    yield
    if request.node.get_closest_marker("vcr") is None:
        return
    cassette = request.getfixturevalue("vcr")
    if cassette.rewound or not cassette.write_protected:
        return
    unplayed = [i for i, _ in enumerate(cassette.data) if not cassette.play_counts[i]]
    assert not unplayed, f"{len(unplayed)} recorded interactions were never played: re-record the cassette"

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
# Credential headers: dropped when recording, and a cassette holding one fails tests/test_cassettes.py.
FILTERED_HEADERS = ["authorization", "api-key", "x-api-key", "openai-organization", "openai-project", "cookie", "set-cookie"]


@pytest.fixture(autouse=True)
def isolated_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in list(os.environ):
        if name.startswith(("FACTCHECK_", "OPENAI_")):
            monkeypatch.delenv(name)
    monkeypatch.setenv("FACTCHECK_CONFIG", str(tmp_path / "no-config.toml"))


def pytest_recording_configure(config: pytest.Config, vcr) -> None:
    from . import cassette_format

    vcr.register_serializer("yaml", cassette_format)  # replaces vcrpy's own: same files, readable bodies


@pytest.fixture(scope="module")
def vcr_config() -> dict:
    return {
        "filter_headers": FILTERED_HEADERS,
        "match_on": ["method", "uri", "body"],
        "decode_compressed_response": True,
        "serializer": "yaml",
    }


@pytest.fixture(scope="module")
def vcr_cassette_dir(request: pytest.FixtureRequest) -> str:
    return str(CASSETTES / request.module.__name__.rsplit(".", 1)[-1])


@pytest.fixture(autouse=True)
def _every_recording_played(request: pytest.FixtureRequest):
    """A cassette with interactions the test never asked for means the code changed: fail."""
    yield
    if request.node.get_closest_marker("vcr") is None or request.config.getoption("--record-mode") != "none":
        return
    cassette = request.getfixturevalue("vcr")
    assert cassette.all_played, (
        f"{cassette._path}: {len(cassette.data) - sum(1 for i in range(len(cassette.data)) if cassette.play_counts[i])}"
        " recorded interactions were never played: the requests changed; re-record the cassette"
    )


@pytest.fixture(scope="session")
def fault_server():
    """The misbehaving OpenAI-compatible server of tests/fault_server.py, one port per session."""
    from . import fault_server as module

    server = module.start()
    yield server
    server.stop()


# --- a real browser (tests/browser.py) --------------------------------------------------------------


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright  # the `test` extra installs it

    from .browser import CHROMIUM, CHROMIUM_ARGS

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def open_page(browser, tmp_path):
    """Write HTML to a file and open it in a fresh browser context (fresh storage). The page keeps
    what it did in ``page.events``: dialogs, requests, script errors and console lines."""
    contexts = []

    def open_(html: str, name: str, *, viewport=(1280, 800), **context_args):
        path = tmp_path / f"{name}.html"
        path.write_text(html, encoding="utf-8")
        ctx = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]}, **context_args)
        contexts.append(ctx)
        page = ctx.new_page()
        page.events = {"dialogs": [], "requests": [], "errors": [], "console": []}
        page.on("dialog", lambda d: (page.events["dialogs"].append(d.message), d.dismiss()))
        page.on("request", lambda r: page.events["requests"].append(r.url))
        page.on("pageerror", lambda e: page.events["errors"].append(str(e)))
        page.on("console", lambda m: page.events["console"].append(f"{m.type}: {m.text}"))
        page.goto(path.as_uri())
        page.wait_for_load_state("load")
        return page

    yield open_
    for ctx in contexts:
        ctx.close()

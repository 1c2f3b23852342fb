"""Real headless Chromium for the page tests: Debian's chromium (its headless shell), driven by
playwright (nothing is downloaded). The fixtures `browser` and `open_page` are in conftest.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import ROOT

ARTIFACTS = ROOT / "test-artifacts"  # screenshots, kept for a human to look at after a run
# Debian's headless shell (what .ci/browser-deps.sh installs), else its full chromium.
CHROMIUM = next(
    (p for p in (Path("/usr/bin/chromium-headless-shell"), Path("/usr/bin/chromium")) if p.exists()),
    Path("/usr/bin/chromium-headless-shell"),
)
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

needs_chromium = pytest.mark.skipif(
    not CHROMIUM.exists(), reason=f"{CHROMIUM} is missing: run .ci/browser-deps.sh as root"
)


def screenshot(page, name: str, *, full_page: bool = True) -> bytes:
    """Save a PNG under test-artifacts/ and return it; a blank capture fails here."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000, "a blank screenshot"
    return data

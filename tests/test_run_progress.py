"""A report's progress on standard error: the pipeline tells how far it is, and the CLI shows it with
rich on a terminal only (a real pseudo-terminal here), never in a pipe and never with --quiet."""

from __future__ import annotations

import json
import os
import pty
import re
import select
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.article import load_article
from factcheck.llm import Backend
from factcheck.pipeline import Pipeline
from factcheck.settings import load_settings

from .conftest import ROOT, SEED
from .test_claims import RatingModel


def progress_of(settings, chains=("summary", "claims", "timeline")) -> list[tuple[int, int, str]]:
    seen: list[tuple[int, int, str]] = []
    backend = Backend(RatingModel(sizes=[], rank_prompts=[]), "test", "echo", "json_object", concurrency=4)
    Pipeline(backend, settings, on_progress=lambda done, total, status: seen.append((done, total, status))).run(
        load_article(str(SEED)), chains
    )
    return seen


def test_the_pipeline_tells_each_step_done_out_of_those_planned() -> None:
    seen = progress_of(load_settings(refine_checkworthiness=False))
    assert seen[0] == (0, 0, "planning the steps")
    total = seen[1][1]
    assert total > 0 and all(t == total for _, t, _ in seen[1:])
    # One tick per step, in order, whichever thread answered it.
    assert [done for done, _, status in seen if status == "asking the model"] == list(range(total + 1))
    assert seen[-1] == (total, total, "done")


@pytest.mark.parametrize("provider", ["openai", "local"])
def test_ranking_the_claims_is_one_more_step(provider: str) -> None:
    settings = load_settings(provider=provider, base_url="http://127.0.0.1:1/v1", refine_checkworthiness=True)
    seen = progress_of(settings, ("claims",))
    total = seen[1][1]
    # A server's model chooses each claim's type and speaker, then ranks them; the bundled model is
    # asked nothing about a claim (code types it), so ranking is its only step.
    assert total > 1 if provider == "openai" else total == 1
    assert [done for done, _, status in seen if status == "asking the model"] == list(range(total))
    assert seen[-2:] == [(total - 1, total, "ranking the claims"), (total, total, "done")]


def run_cli(tmp_path: Path, *args: str, terminal: bool, delay: float = 0.02) -> tuple[subprocess.CompletedProcess, str]:
    """`factcheck ARGS` on the model double (tests/batch_double.py), answering after `delay` seconds,
    its stderr on a pseudo-terminal or a pipe; returns the process and what it wrote on stderr."""
    env = {
        **os.environ,
        "BATCH_DOUBLE_LOG": str(tmp_path / "calls.log"),
        "BATCH_DOUBLE_DELAY": str(delay),
        "FACTCHECK_PROVIDER": "local",
        "TERM": "xterm",
        "COLUMNS": "120",
    }
    command = [sys.executable, "-m", "tests.batch_double", *args]
    if not terminal:
        done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
        return done, done.stderr
    primary, secondary = pty.openpty()
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=secondary, text=True)
    os.close(secondary)
    screen = b""
    while True:  # read as it comes: a full pseudo-terminal would block the child
        ready, _, _ = select.select([primary], [], [], 1)
        if ready:
            try:
                chunk = os.read(primary, 65536)
            except OSError:  # EIO: the child has closed its end
                break
            if not chunk:
                break
            screen += chunk
        elif process.poll() is not None:
            break
    os.close(primary)
    out, _ = process.communicate(timeout=300)
    # What was written, without the terminal's colours and cursor moves.
    text = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", screen.decode("utf-8", "replace"))
    return subprocess.CompletedProcess(command, process.returncode, out, None), text


# Five sentences with phrases to drop: the bundled model's five questions (the summary's compressions,
# its only ones), more than the double answers at once, so the bar stops between none and all.
STEPS_ARTICLE = "---\ntitle: Harbour works\npublished: 2025-05-13\n---\n" + " ".join(
    f"{name}, the harbour's {role}, said the {work} would start in {month}, which pleased {who}."
    for name, role, work, month, who in (
        ("Mara Lind", "treasurer", "dredging", "May", "fishermen"),
        ("Olle Berg", "engineer", "new quay", "June", "ferry crews"),
        ("Ina Falk", "director", "crane repair", "July", "dockers"),
        ("Per Holm", "planner", "road link", "August", "drivers"),
        ("Eva Strand", "inspector", "sea wall", "September", "residents"),
    )
)


def test_progress_on_a_terminal(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    article = tmp_path / "harbour.md"
    article.write_text(STEPS_ARTICLE)
    # Slow enough answers that the bar, refreshed ten times a second, is seen between none and all.
    done, screen = run_cli(tmp_path, "summarize", str(article), "--format", "json", "--out", str(out), terminal=True, delay=0.3)
    assert done.returncode == 0, screen
    calls = len((tmp_path / "calls.log").read_text().splitlines())
    assert calls > 3
    for stage in ("reading the article", "loading the model", "planning the steps", "asking the model"):
        assert stage in screen, screen
    counts = {(int(a), int(b)) for a, b in re.findall(r"\b(\d+)/(\d+) steps", screen)}
    total = max(b for _, b in counts)
    assert (total, total) in counts and any(0 < a < total for a, _ in counts)
    assert re.search(r"\b\d:\d\d:\d\d\b", screen)  # the time left
    assert json.loads(out.read_text())["provenance"]["total"]["calls"] == calls


def test_quiet_shows_nothing_on_a_terminal(tmp_path: Path) -> None:
    out = tmp_path / "claims.md"
    done, screen = run_cli(tmp_path, "claims", str(SEED), "--quiet", "--out", str(out), terminal=True)
    assert done.returncode == 0, screen
    assert screen == ""
    assert out.read_text().startswith("# ")


def test_nothing_on_stderr_in_a_pipe(tmp_path: Path) -> None:
    done, stderr = run_cli(tmp_path, "timeline", str(SEED), terminal=False)
    assert done.returncode == 0, stderr
    assert stderr == ""
    assert "## Timeline" in done.stdout

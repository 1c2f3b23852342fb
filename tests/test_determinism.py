"""The same article and version give the same report: two runs of the command differ only in when
they ran and how long they took.

The two runs are separate processes with different hash seeds (Python's set and dict-of-set order),
different thread counts for llama.cpp, and run at the same time, so each loads the machine while
the other works: an order, a float reduction or a time budget that depended on any of these would
show here as a different summary, compression, claim or event.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

pytestmark = pytest.mark.model

# Invented news, in the patterns the chains compress and date: side phrases a summary may drop, an
# attribution, a figure, relative dates.
PARAGRAPHS = (
    "The port authority of Lindmouth, which runs the city's two container terminals, said on Monday that "
    "dredging of the main channel would start next month.",
    "The work, expected to cost $41 million, will let larger ships dock at the northern quay, said Maria "
    "Okafor, the authority's chief engineer.",
    "Fishermen, who use the channel every morning, protested outside the authority's offices on Saturday, "
    "saying the dredging would drive fish from the bay.",
    "Cargo through the port fell 8 percent last year, to 2.1 million containers, according to the "
    "authority's annual report.",
    "The authority said the channel would stay open to small boats while the work goes on.",
)
ARTICLE = "---\ntitle: Harbour dredging\npublished: 2024-03-12\n---\n\n" + "\n\n".join(PARAGRAPHS) + "\n"

# What a run records about itself, not about the article.
_RUN_FIELDS = ("created", "duration_seconds")
_ENGINE_TIMES = ("prompt_eval_ms", "generation_ms")


def _without_run_fields(report: dict) -> dict:
    provenance = report["provenance"]
    for name in _RUN_FIELDS:
        provenance.pop(name)
    for name in _ENGINE_TIMES:
        (provenance.get("engine") or {}).pop(name, None)
    return report


def test_two_runs_give_the_same_report(tmp_path: Path) -> None:
    article = tmp_path / "harbour.md"
    article.write_text(ARTICLE, encoding="utf-8")
    runs = []
    for hash_seed, threads in (("1", "1"), ("2", "2")):
        out = tmp_path / f"report-{hash_seed}.json"
        env = {**os.environ, "PYTHONHASHSEED": hash_seed, "FACTCHECK_THREADS": threads}
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
        command = [sys.executable, "-m", "factcheck", "summarize", str(article), "--provider", "local", "--format", "json", "-q", "--out", str(out)]
        runs.append((out, subprocess.Popen(command, env=env, cwd=ROOT, stderr=subprocess.PIPE, text=True)))
    reports = []
    for out, process in runs:
        _, err = process.communicate(timeout=600)
        assert process.returncode == 0, err
        reports.append(json.loads(out.read_text(encoding="utf-8")))
    first, second = (_without_run_fields(r) for r in reports)
    assert first["summary"]["sentences"] and first["claims"], "an empty report proves nothing"
    assert first["provenance"]["total"]["calls"] > 0, "the model was not asked"
    assert json.dumps(first, sort_keys=True, indent=1) == json.dumps(second, sort_keys=True, indent=1)

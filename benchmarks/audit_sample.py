"""Reports of the bundled model on news it was not tuned on, saved for an editor to read, with
their mechanical counts.

    python benchmarks/audit_sample.py --out DIR [TML ...] [-n 8] [--seed 11] [--exclude NAME ...]

Each TimeML article (the files given, or else a seeded random sample of N AQUAINT articles of
200-500 words from FACTCHECK_EVAL_DIR) becomes an article with `published:` front matter and goes
through `factcheck summarize --provider local --format json`, the command as a user runs it. DIR,
which must lie outside the repository (the audits quote held-out text), receives per article:

    NAME.md            the article as the command read it
    NAME.json          the report
    NAME.audit.txt     benchmarks/audit_report.py's text: each item beside its cited sentences

and the script prints, per article and in total, what a machine can count: items (summary
sentences / claims / events), items that `factcheck.faithfulness.check` rejects against their own
cited sentences (a claim checked with its named speaker in front, as audit_report.py does),
unfinished items (no sentence end, or unbalanced quotes), claims whose speaker is "the outlet", and
timeline events. The same sample comes back for the same seed, so a before/after comparison reads
the same articles; a person still has to read the audit texts for what counts cannot see.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from audit_report import claim_as_read  # noqa: E402
from summarize_local import EVAL_DIR, ROOT, from_timeml  # noqa: E402

from factcheck.faithfulness import check  # noqa: E402

# Articles read during earlier development and audits: a sample of unseen news leaves them out.
USED_BEFORE = ("APW19980911.0475", "APW19990410.0123", "APW20000106.0064")
DEFAULT_SEED = 11
MIN_WORDS, MAX_WORDS = 200, 500
# A sentence ends on . ! ? or an ellipsis, possibly inside a closing quote or bracket.
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s*$")


def _convertible(path: Path) -> bool:
    """Whether from_timeml reads the file (it does not read a creation time with a time of day)."""
    with tempfile.TemporaryDirectory() as tmp:
        try:
            from_timeml(path, Path(tmp) / "article.md")
        except SystemExit:
            return False
    return True


def sample(n: int, seed: int, exclude: set[str], folder: Path) -> list[Path]:
    """N AQUAINT articles of 200-500 words that from_timeml converts, drawn with `seed` from those
    not excluded."""
    eligible = []
    for path in sorted(folder.glob("*.tml")):
        if path.stem in exclude:
            continue
        body = re.search(r"<TEXT>(.*)</TEXT>", path.read_text(encoding="utf-8"), re.S)
        words = len(re.sub(r"<[^>]+>", " ", body.group(1)).split()) if body else 0
        if MIN_WORDS <= words <= MAX_WORDS and _convertible(path):
            eligible.append(path)
    if len(eligible) < n:
        sys.exit(f"audit_sample: only {len(eligible)} AQUAINT articles of {MIN_WORDS}-{MAX_WORDS} words in {folder}, {n} asked")
    return sorted(random.Random(seed).sample(eligible, n))


def unfinished(text: str) -> bool:
    """No sentence end, or a quotation mark or bracket left open."""
    return (
        not _SENTENCE_END.search(text)
        or text.count('"') % 2 == 1
        or text.count("“") != text.count("”")
        or text.count("(") != text.count(")")
    )


def items(report: dict) -> list[tuple[str, str, list[str], str]]:
    """(kind, text shown, cited sentence ids, text to check) for every item of a report."""
    found = [("summary", s["text"], s.get("sources", []), s["text"]) for s in report["summary"]["sentences"]]
    for claim in report["claims"]:
        found.append(("claim", claim["text"], claim.get("sources", []), claim_as_read(claim) or claim["text"]))
    found += [("event", e["event"], e.get("sources", []), e["event"]) for e in report["timeline"]]
    return found


def counts(report: dict) -> dict[str, int]:
    sentences = {s["id"]: s["text"] for s in report["article"]["sentences"]}
    published = report["article"].get("published")
    published = dt.date.fromisoformat(published) if published else None
    every = items(report)
    failing = 0
    for _, _, sources, checked in every:
        cited = [sentences[sid] for sid in sources if sid in sentences]
        failing += bool(not cited or len(cited) < len(sources) or check(checked, cited, published=published))
    return {
        "items": len(every),
        "summary": sum(kind == "summary" for kind, *_ in every),
        "claims": len(report["claims"]),
        "events": len(report["timeline"]),
        "failing": failing,
        "unfinished": sum(unfinished(text) for _, text, _, _ in every),
        "outlet": sum((c.get("speaker") or "").lower() == "the outlet" for c in report["claims"]),
    }


COLUMNS = ("items", "summary", "claims", "events", "failing", "unfinished", "outlet")
HEADER = ("items", "summ", "claims", "events", "fail-check", "unfinished", "outlet-spk")


def row(name: str, c: dict[str, int], seconds: str = "") -> str:
    return f"{name:<20}" + "".join(f"{c[k]:>11d}" for k in COLUMNS) + f"{seconds:>9}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", nargs="*", type=Path, help="TimeML files; without them, a sample of AQUAINT")
    parser.add_argument("--out", type=Path, required=True, help="folder for reports and audits, outside the repository")
    parser.add_argument("-n", type=int, default=8, help="size of the sample (default 8)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help=f"seed of the sample (default {DEFAULT_SEED})")
    parser.add_argument("--exclude", nargs="*", default=list(USED_BEFORE), help="article names to leave out of the sample (default: the three read in earlier work)")
    args = parser.parse_args()

    out = args.out.resolve()
    if out == ROOT or ROOT in out.parents:
        sys.exit(f"audit_sample: {args.out} is inside the repository; eval text must not be copied there")
    articles = args.articles or sample(args.n, args.seed, set(args.exclude), EVAL_DIR / "AQUAINT")
    for path in articles:
        if not path.is_file():
            sys.exit(f"audit_sample: {path}: no such file")
    out.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}

    print("articles: " + " ".join(p.stem for p in articles), flush=True)
    print(f"{'article':<20}" + "".join(f"{h:>11}" for h in HEADER) + f"{'seconds':>9}", flush=True)
    total = dict.fromkeys(COLUMNS, 0)
    for path in articles:
        article = from_timeml(path, out / f"{path.stem}.md")
        report_path = out / f"{path.stem}.json"
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "factcheck", "summarize", str(article), "--provider", "local", "--format", "json", "--out", str(report_path)],
            check=True, env=env, cwd=ROOT,
        )
        seconds = time.perf_counter() - started
        audit = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "audit_report.py"), str(report_path)], check=True, env=env, capture_output=True, text=True)
        (out / f"{path.stem}.audit.txt").write_text(audit.stdout, encoding="utf-8")
        c = counts(json.loads(report_path.read_text(encoding="utf-8")))
        for k in COLUMNS:
            total[k] += c[k]
        print(row(path.stem, c, f"{seconds:.0f}"), flush=True)
    print(row("total", total), flush=True)
    n = max(total["items"], 1)
    print(f"failing check {total['failing']}/{n} items ({total['failing'] / n:.0%}), unfinished {total['unfinished']}/{n} ({total['unfinished'] / n:.0%}), "
          f"speaker 'the outlet' {total['outlet']}/{max(total['claims'], 1)} claims ({total['outlet'] / max(total['claims'], 1):.0%})")


if __name__ == "__main__":
    main()

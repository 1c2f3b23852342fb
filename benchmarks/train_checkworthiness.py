"""Rebuild factcheck/data/checkworthiness.json from CLEF-2019 training debates and ClaimBuster.

    python benchmarks/train_checkworthiness.py [--clef DIR] [--claimbuster CSV] [--no-claimbuster]
                                               [--out PATH]

Training data, read in place (evaluation data is never copied into the repository):

- CLEF-2019 CheckThat! Task 1 *training* debates (``line<TAB>speaker<TAB>text<TAB>label``), default
  ``../shared/eval/clef2019-checkworthiness/training``: 19 debates and speeches of 2016-2019, 440
  of 16,421 sentences check-worthy.
- ClaimBuster's crowdsourced sentences (Arslan et al., ICWSM 2020), default
  ``../shared/eval/claimbuster/crowdsourced.csv``: 22,501 sentences of the US presidential debates
  of 1960-2016. Verdict 1 (a check-worthy factual sentence) is a positive; 0 (an unimportant
  factual sentence) and -1 (not factual) are negatives. ClaimBuster's expert-labelled
  ``groundtruth.csv`` and the CLEF-2019 *test* debates are kept aside to measure the project and
  are never read here.

Every sentence belongs to a *campaign* (``campaign_of``): a CLEF-2019 debate series or a
ClaimBuster election year. ClaimBuster's 2016 debates are the three presidential debates CLEF-2019
also has, so both sources put them in the same campaign, ``2016-general``.

The model is an L2-regularised logistic regression over the features of
``factcheck.checkworthiness.extract_features``. Weights make each source class-balanced on its own
(CLEF has 2.7% positives, ClaimBuster 24%), and ClaimBuster as a whole weighs ``CB_WEIGHT`` times
CLEF. A word or word pair becomes a feature only if it occurs in at least ``MIN_CAMPAIGNS``
campaigns of the training data: topic words of one campaign ("Benghazi", "the wall") do not carry
to another, and the hand-designed features (figures, dates, comparisons, entity types, tense,
reporting verbs, opinion) must carry the model instead. Only the sentence text is used (never the
speaker or the neighbouring lines), so the scorer works the same on news articles.

Training is deterministic: the same data and library versions give byte-identical JSON (the
versions and a digest of the data are recorded in the file's ``meta``). Needs numpy, scipy and
scikit-learn (the ``train`` extra); the package's scorer needs none of them.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import json
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from factcheck.checkworthiness import FEATURE_VERSION, Scorer, extract_features

# ../shared/eval next to the checkout (a git worktree may sit one level deeper).
EVAL = next(
    (d / "shared" / "eval" for d in REPO.parents if (d / "shared" / "eval").is_dir()),
    REPO.parent / "shared" / "eval",
)
DEFAULT_DATA = EVAL / "clef2019-checkworthiness" / "training"
DEFAULT_CLAIMBUSTER = EVAL / "claimbuster" / "crowdsourced.csv"
DEFAULT_OUT = REPO / "factcheck" / "data" / "checkworthiness.json"

#: Hyper-parameters, fixed here; how they were chosen is in eval_checkworthiness.py's docstring.
C = 0.01  # inverse L2 strength
CB_WEIGHT = 1.0  # ClaimBuster's total weight relative to CLEF's
MIN_CAMPAIGNS = 3  # a word or word pair must occur in this many campaigns of the training data
MIN_DF = 3  # ... and in this many training sentences
WEIGHT_DECIMALS = 4  # weights are rounded to this many decimals in the JSON
MIN_ABS_WEIGHT = 1e-3  # smaller weights are dropped from the JSON (they barely move a score)


@dataclass(frozen=True, slots=True)
class Sentence:
    file: str
    line: int
    speaker: str
    text: str
    label: int  # 1 check-worthy, 0 not
    campaign: str = ""
    source: str = "clef"  # "clef" or "claimbuster"


# CLEF-2019's training files are named by date (YYYYMMDD; one, 20182601, is YYYYDDMM). The debate
# series they come from, by date: the 2016 primaries (party debates), the 2016 general election
# (acceptance speech, presidential and vice-presidential debates, up to election day), and the
# presidency's speeches and press conferences, one series per calendar year (2019's one file, the
# January Oval Office address, closes the 2018 series: the shutdown that began in December 2018).
CLEF_CAMPAIGNS: tuple[tuple[str, dt.date, dt.date], ...] = (
    ("2016-primaries", dt.date(2015, 1, 1), dt.date(2016, 6, 30)),
    ("2016-general", dt.date(2016, 7, 1), dt.date(2016, 11, 8)),
    ("2017-presidency", dt.date(2016, 11, 9), dt.date(2017, 12, 31)),
    ("2018-presidency", dt.date(2018, 1, 1), dt.date(2019, 12, 31)),
)


def file_date(name: str) -> dt.date:
    """The date in a CLEF file name: YYYYMMDD, or YYYYDDMM when the month would exceed 12."""
    m = re.match(r"(\d{4})(\d\d)(\d\d)", name)
    if not m:
        raise SystemExit(f"{name}: a CLEF-2019 file name starts with its date (YYYYMMDD)")
    y, a, b = (int(g) for g in m.groups())
    return dt.date(y, a, b) if a <= 12 else dt.date(y, b, a)


def campaign_of(name: str, source: str) -> str:
    """The campaign of a debate: a CLEF-2019 series by date, or a ClaimBuster election year."""
    if source == "claimbuster":
        return f"{name[:4]}-general"  # File_id "1988-09-25.txt": general-election debates
    day = file_date(name)
    for campaign, first, last in CLEF_CAMPAIGNS:
        if first <= day <= last:
            return campaign
    raise SystemExit(f"{name}: no CLEF-2019 campaign covers {day}")


def read_debates(data_dir: Path) -> dict[str, list[Sentence]]:
    """Read every ``*.tsv`` in ``data_dir``: file name -> its sentences in line order."""
    files = sorted(data_dir.glob("*.tsv"))
    if not files:
        raise SystemExit(f"no .tsv debate files in {data_dir}")
    debates: dict[str, list[Sentence]] = {}
    for path in files:
        campaign = campaign_of(path.name, "clef")
        rows = []
        with path.open(encoding="utf-8", newline="") as fh:
            for rec in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
                if not rec:
                    continue
                if len(rec) != 4:
                    raise SystemExit(f"{path.name}: expected 4 tab-separated fields, got {rec!r}")
                line, speaker, text, label = rec
                rows.append(Sentence(path.name, int(line), speaker, text, int(label), campaign))
        debates[path.name] = rows
    return debates


def read_claimbuster(path: Path) -> dict[str, list[Sentence]]:
    """Read ClaimBuster's crowdsourced CSV: debate (``cb:`` + File_id) -> sentences in line order."""
    if path.name.lower().startswith("groundtruth"):
        raise SystemExit("groundtruth.csv is kept aside to measure the project: do not train on it")
    debates: dict[str, list[Sentence]] = defaultdict(list)
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            for rec in csv.DictReader(fh):
                name = rec["File_id"]
                debates["cb:" + name].append(
                    Sentence(
                        "cb:" + name,
                        int(rec["Line_number"]),
                        rec["Speaker"],
                        rec["Text"],
                        int(rec["Verdict"] == "1"),
                        campaign_of(name, "claimbuster"),
                        "claimbuster",
                    )
                )
    except (OSError, KeyError, ValueError) as exc:
        raise SystemExit(f"cannot read ClaimBuster sentences from {path}: {exc}") from None
    return {name: sorted(rows, key=lambda s: s.line) for name, rows in sorted(debates.items())}


#: Feature extraction is the slow part of training; cross-validation re-fits on the same
#: sentences many times, so the features of each text are computed once.
_features = lru_cache(maxsize=None)(extract_features)


def sample_weights(sentences: list[Sentence], cb_weight: float) -> list[float]:
    """Class-balanced within each source; ClaimBuster in all weighs ``cb_weight`` times CLEF.

    Each (source, class) cell gets half its source's mass, spread evenly over its sentences; the
    whole is scaled to a mean weight of 1, so C means what it means without weights.
    """
    counts = Counter((s.source, s.label) for s in sentences)
    mass = {"clef": 1.0, "claimbuster": cb_weight}
    raw = [mass[s.source] / (2 * counts[s.source, s.label]) for s in sentences]
    scale = len(raw) / sum(raw)
    return [w * scale for w in raw]


def vocabulary(sentences: list[Sentence], *, min_campaigns: int, min_df: int) -> list[str]:
    """Hand-designed features always; a word or word pair only if it occurs widely enough."""
    df: Counter[str] = Counter()
    spread: dict[str, set[str]] = defaultdict(set)
    for s in sentences:
        for k in _features(s.text):
            df[k] += 1
            if k.startswith(("w:", "b:")):
                spread[k].add(s.campaign)
    return sorted(
        k
        for k, n in df.items()
        if not k.startswith(("w:", "b:")) or (n >= min_df and len(spread[k]) >= min_campaigns)
    )


def fit(
    sentences: list[Sentence],
    *,
    c: float = C,
    cb_weight: float = CB_WEIGHT,
    min_campaigns: int = MIN_CAMPAIGNS,
    min_df: int = MIN_DF,
) -> dict:
    """Train on ``sentences`` and return the weights file's content (a JSON-ready dict)."""
    import numpy as np
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    vocab = vocabulary(sentences, min_campaigns=min_campaigns, min_df=min_df)
    index = {k: i for i, k in enumerate(vocab)}
    rows, cols, vals = [], [], []
    for r, s in enumerate(sentences):
        for k, v in _features(s.text).items():
            j = index.get(k)
            if j is not None:
                rows.append(r)
                cols.append(j)
                vals.append(v)
    x = csr_matrix((vals, (rows, cols)), shape=(len(sentences), len(vocab)), dtype=np.float64)
    y = np.array([s.label for s in sentences])
    model = LogisticRegression(C=c, solver="liblinear", max_iter=1000, tol=1e-6, random_state=0)
    model.fit(x, y, sample_weight=np.array(sample_weights(sentences, cb_weight)))
    coef = model.coef_[0]
    weights = {
        k: round(float(w), WEIGHT_DECIMALS)
        for k, w in zip(vocab, coef, strict=True)
        if abs(w) >= MIN_ABS_WEIGHT
    }
    return {
        "feature_version": FEATURE_VERSION,
        "bias": round(float(model.intercept_[0]), WEIGHT_DECIMALS),
        "weights": dict(sorted(weights.items())),
    }


def _version(dist: str) -> str:
    from importlib.metadata import version

    return version(dist)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--clef", type=Path, default=DEFAULT_DATA, help="CLEF-2019 training folder")
    ap.add_argument("--claimbuster", type=Path, default=DEFAULT_CLAIMBUSTER)
    ap.add_argument("--no-claimbuster", action="store_true", help="train on CLEF-2019 alone")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args(argv)

    debates = read_debates(args.clef)
    paths = [args.clef / name for name in sorted(debates)]
    if not args.no_claimbuster:
        debates |= read_claimbuster(args.claimbuster)
        paths.append(args.claimbuster)
    sentences = [s for rows in debates.values() for s in rows]
    model = fit(sentences)
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.read_bytes())
    by_source = Counter(s.source for s in sentences)
    model["meta"] = {
        "model": "logistic regression (L2, class-balanced per source) over words, word pairs "
        "and linguistic features",
        "trained_on": "CLEF-2019 CheckThat! Task 1 training debates"
        + ("" if args.no_claimbuster else " + ClaimBuster crowdsourced sentences"),
        "debates": len(debates),
        "campaigns": len({s.campaign for s in sentences}),
        "sentences": dict(sorted(by_source.items())),
        "positives": sum(s.label for s in sentences),
        "data_sha256": digest.hexdigest(),
        "hyperparameters": {
            "C": C,
            "cb_weight": CB_WEIGHT,
            "min_campaigns": MIN_CAMPAIGNS,
            "min_df": MIN_DF,
            "min_abs_weight": MIN_ABS_WEIGHT,
        },
        "libraries": {name: _version(name) for name in ("numpy", "scipy", "scikit-learn")},
        "script": "benchmarks/train_checkworthiness.py",
    }
    Scorer.from_json(model)  # refuse to write a file the package could not load
    args.out.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(model, ensure_ascii=False, indent=0, separators=(",", ":"))
    args.out.write_text(text + "\n", encoding="utf-8")
    print(
        f"wrote {args.out} ({args.out.stat().st_size:,} bytes): {len(model['weights']):,} weights "
        f"from {len(sentences):,} sentences in {len(debates)} debates"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Rebuild factcheck/data/checkworthiness.json from the CLEF-2019 CheckThat! Task 1 training data.

    python benchmarks/train_checkworthiness.py [DATA_DIR] [--out PATH]

DATA_DIR holds the debate files (``line<TAB>speaker<TAB>text<TAB>label``); it defaults to
``../shared/eval/clef2019-checkworthiness/training`` relative to the repository. Needs numpy,
scipy and scikit-learn (the ``train`` extra); the package's scorer needs none of them.

The model is a class-balanced, L2-regularised logistic regression over the features of
``factcheck.checkworthiness.extract_features``. Only the sentence text is used (never the speaker
or the neighbouring lines), so the scorer works the same on news articles. Training is
deterministic: the same data and library versions give byte-identical JSON (the versions are
recorded in the file's ``meta``).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from factcheck.checkworthiness import FEATURE_VERSION, Scorer, extract_features

DEFAULT_DATA = REPO.parent / "shared" / "eval" / "clef2019-checkworthiness" / "training"
DEFAULT_OUT = REPO / "factcheck" / "data" / "checkworthiness.json"

#: Hyper-parameters. Fixed here (not searched per fold); see the eval script's notes.
C = 0.003  # inverse L2 strength; picked by 6-fold leave-files-out CV on all files (see the eval)
MIN_DF = 2  # a word or word pair must occur in at least this many training sentences
WEIGHT_DECIMALS = 4  # weights are rounded to this many decimals in the JSON
MIN_ABS_WEIGHT = 5e-4  # smaller weights are dropped from the JSON (they barely move a score)


@dataclass(frozen=True, slots=True)
class Sentence:
    file: str
    line: int
    speaker: str
    text: str
    label: int


def read_debates(data_dir: Path) -> dict[str, list[Sentence]]:
    """Read every ``*.tsv`` in ``data_dir``: file name -> its sentences in line order."""
    files = sorted(data_dir.glob("*.tsv"))
    if not files:
        raise SystemExit(f"no .tsv debate files in {data_dir}")
    debates: dict[str, list[Sentence]] = {}
    for path in files:
        rows = []
        with path.open(encoding="utf-8", newline="") as fh:
            for rec in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
                if not rec:
                    continue
                if len(rec) != 4:
                    raise SystemExit(f"{path.name}: expected 4 tab-separated fields, got {rec!r}")
                line, speaker, text, label = rec
                rows.append(Sentence(path.name, int(line), speaker, text, int(label)))
        debates[path.name] = rows
    return debates


#: Feature extraction is the slow part of training; cross-validation re-fits on the same
#: sentences many times, so the features of each text are computed once.
_features = lru_cache(maxsize=None)(extract_features)


def fit(sentences: list[Sentence], *, c: float = C, min_df: int = MIN_DF) -> dict:
    """Train on ``sentences`` and return the weights file's content (a JSON-ready dict)."""
    import numpy as np
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    feats = [_features(s.text) for s in sentences]
    df = Counter(k for f in feats for k in f)
    vocab = sorted(
        k for k, n in df.items() if n >= min_df or not k.startswith(("w:", "b:"))
    )
    index = {k: i for i, k in enumerate(vocab)}
    rows, cols, vals = [], [], []
    for r, f in enumerate(feats):
        for k, v in f.items():
            j = index.get(k)
            if j is not None:
                rows.append(r)
                cols.append(j)
                vals.append(v)
    x = csr_matrix((vals, (rows, cols)), shape=(len(sentences), len(vocab)), dtype=np.float64)
    y = np.array([s.label for s in sentences])
    model = LogisticRegression(
        C=c,
        class_weight="balanced",
        solver="liblinear",
        max_iter=1000,
        tol=1e-6,
        random_state=0,
    )
    model.fit(x, y)
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
    ap.add_argument("data_dir", nargs="?", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args(argv)

    debates = read_debates(args.data_dir)
    sentences = [s for rows in debates.values() for s in rows]
    model = fit(sentences)
    digest = hashlib.sha256()
    for name in sorted(debates):
        digest.update((args.data_dir / name).read_bytes())
    model["meta"] = {
        "model": "logistic regression (class-balanced, L2) over words, word pairs and "
        "linguistic features",
        "trained_on": "CLEF-2019 CheckThat! Task 1 training debates",
        "files": len(debates),
        "sentences": len(sentences),
        "positives": sum(s.label for s in sentences),
        "data_sha256": digest.hexdigest(),
        "hyperparameters": {"C": C, "min_df": MIN_DF, "min_abs_weight": MIN_ABS_WEIGHT},
        "libraries": {name: _version(name) for name in ("numpy", "scipy", "scikit-learn")},
        "script": "benchmarks/train_checkworthiness.py",
    }
    Scorer.from_json(model)  # refuse to write a file the package could not load
    args.out.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(model, ensure_ascii=False, indent=0, separators=(",", ":"))
    args.out.write_text(text + "\n", encoding="utf-8")
    print(
        f"wrote {args.out} ({args.out.stat().st_size:,} bytes): {len(model['weights']):,} weights "
        f"from {len(sentences):,} sentences in {len(debates)} files"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

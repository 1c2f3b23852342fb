"""Leave-files-out cross-validation of the check-worthiness scorer on the CLEF-2019 training data.

    python benchmarks/eval_checkworthiness.py [DATA_DIR] [--folds N] [--per-file] [--select-c C1,C2]

Each fold holds out whole debate files, trains on the rest with
``train_checkworthiness.fit`` (the same code and hyper-parameters that build the packaged
weights), and scores the held-out files through ``factcheck.checkworthiness.Scorer`` (the same
rounded JSON weights and runtime code the package uses). No file is ever scored by a model
that saw it. Per file, sentences are ranked by score (ties keep line order, as the official
CLEF scorer's stable sort does) and the task's measures are computed: average precision (mean
over files = MAP, the official measure), P@5, P@10 and R-precision.

Then the packaged weights (factcheck/data/checkworthiness.json) score every sentence of the data
set, and the CPU seconds this takes are printed (target: under 5 s).

Hyper-parameters: C is fixed in train_checkworthiness.py, where it was picked by 6-fold
leave-files-out CV over all 19 files. Because that pick saw every file, the default figures are
slightly optimistic; ``--select-c 0.001,0.003,0.01,0.03,0.1`` gives the unbiased (nested)
estimate: each outer fold picks C by an inner 6-fold run on its own training files only.

Needs the ``train`` extra (numpy, scipy, scikit-learn) for the per-fold training.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from train_checkworthiness import DEFAULT_DATA, C, Sentence, fit, read_debates

from factcheck.checkworthiness import Scorer, load_scorer


def average_precision(labels_ranked: list[int]) -> float:
    """Average precision of a ranking, as the CLEF-2019 scorer computes it."""
    positives = sum(labels_ranked)
    if not positives:
        return 0.0
    hits, total = 0, 0.0
    for i, lab in enumerate(labels_ranked, start=1):
        if lab:
            hits += 1
            total += hits / i
    return total / positives


def precision_at(labels_ranked: list[int], k: int) -> float:
    return sum(labels_ranked[:k]) / k


def r_precision(labels_ranked: list[int]) -> float:
    r = sum(labels_ranked)
    return sum(labels_ranked[:r]) / r if r else 0.0


def rank(rows: list[Sentence], scores: list[float]) -> list[int]:
    """Labels in ranked order: by score descending, ties by line (a stable sort)."""
    order = sorted(range(len(rows)), key=lambda i: -scores[i])
    return [rows[i].label for i in order]


def folds_of(names: list[str], n_folds: int) -> list[list[str]]:
    """Split file names into ``n_folds`` groups, round-robin in name (date) order."""
    n = min(n_folds, len(names)) if n_folds > 0 else len(names)
    return [names[i::n] for i in range(n)]


def cv_map(debates: dict[str, list[Sentence]], names: list[str], n_folds: int, c: float) -> float:
    """Mean AP of leave-files-out cross-validation over ``names`` with regularisation ``c``."""
    aps = []
    for held_out in folds_of(names, n_folds):
        train = [s for n in names if n not in held_out for s in debates[n]]
        scorer = Scorer.from_json(fit(train, c=c))
        for name in held_out:
            rows = debates[name]
            aps.append(average_precision(rank(rows, [scorer.logit(r.text) for r in rows])))
    return sum(aps) / len(aps)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data_dir", nargs="?", type=Path, default=DEFAULT_DATA)
    ap.add_argument(
        "--folds", type=int, default=0, help="number of folds (default 0: leave one file out)"
    )
    ap.add_argument("--per-file", action="store_true", help="print each file's measures")
    ap.add_argument(
        "--select-c",
        type=lambda v: [float(x) for x in v.split(",")],
        metavar="C1,C2,...",
        help="nested selection: in each fold, pick C among these by an inner 6-fold "
        "leave-files-out run on the fold's training files only (slow); default: the fixed C",
    )
    args = ap.parse_args(argv)

    debates = read_debates(args.data_dir)
    names = sorted(debates)
    per_file: dict[str, dict[str, float]] = {}
    t0 = time.perf_counter()
    chosen: list[float] = []
    for held_out in folds_of(names, args.folds):
        inner = [n for n in names if n not in held_out]
        train = [s for n in inner for s in debates[n]]
        c = C
        if args.select_c:
            c = max(args.select_c, key=lambda cc: (cv_map(debates, inner, 6, cc), -cc))
            chosen.append(c)
        scorer = Scorer.from_json(fit(train, c=c))
        for name in held_out:
            rows = debates[name]
            ranked = rank(rows, [s.score for s in scorer.score([r.text for r in rows])])
            per_file[name] = {
                "AP": average_precision(ranked),
                "P@5": precision_at(ranked, 5),
                "P@10": precision_at(ranked, 10),
                "R-prec": r_precision(ranked),
            }
    cv_seconds = time.perf_counter() - t0

    measures = ["AP", "P@5", "P@10", "R-prec"]
    n_folds = len(folds_of(names, args.folds))
    print(f"{len(names)} files, {sum(len(v) for v in debates.values()):,} sentences, "
          f"{n_folds}-fold leave-files-out cross-validation ({cv_seconds:.0f} s wall)")
    if chosen:
        print("C chosen per fold by the inner runs: " + " ".join(f"{c:g}" for c in chosen))
    else:
        print(f"C fixed at {C:g} (benchmarks/train_checkworthiness.py)")
    if args.per_file:
        print(f"{'file':32} {'pos':>4} " + " ".join(f"{m:>7}" for m in measures))
        for name in names:
            pos = sum(s.label for s in debates[name])
            vals = " ".join(f"{per_file[name][m]:7.4f}" for m in measures)
            print(f"{name:32} {pos:4d} {vals}")
    means = {m: sum(per_file[n][m] for n in names) / len(names) for m in measures}
    print(
        f"MAP {means['AP']:.4f}  P@5 {means['P@5']:.4f}  P@10 {means['P@10']:.4f}  "
        f"R-prec {means['R-prec']:.4f}   (CLEF-2019 best on its test debates: MAP 0.1660, "
        f"P@10 0.2286)"
    )

    # Speed of the packaged scorer: load it, then score every sentence of the data set.
    texts = [s.text for n in names for s in debates[n]]
    c0 = time.process_time()
    load_scorer.cache_clear()
    scorer = load_scorer()
    c1 = time.process_time()
    scores = scorer.score(texts)
    c2 = time.process_time()
    assert len(scores) == len(texts)
    weights = Path(__file__).resolve().parent.parent / "factcheck" / "data" / "checkworthiness.json"
    print(
        f"packaged weights: {weights.stat().st_size:,} bytes, {len(scorer.weights):,} weights; "
        f"loaded in {c1 - c0:.3f} CPU s\npackaged scorer: scored {len(texts):,} sentences in "
        f"{c2 - c1:.2f} CPU s ({1e6 * (c2 - c1) / len(texts):.0f} us/sentence; target < 5 s)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

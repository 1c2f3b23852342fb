"""Leave-one-campaign-out evaluation of the check-worthiness scorer, and a check on news articles.

    python benchmarks/eval_checkworthiness.py [--clef DIR] [--claimbuster CSV] [--news DIR]
                                              [--per-debate] [--per-article] [--no-news]

**Campaigns.** Debates of one campaign share topics and phrasing ("the wall", "Obamacare"), so a
model tested on a debate of a campaign it was trained on is flattered (leave-one-file-out on the
CLEF-2019 training debates gave MAP 0.2196; the same model got 0.138 on CLEF-2019's test debates).
Here a fold holds out a whole campaign (``train_checkworthiness.campaign_of``):

- CLEF-2019's 19 training files, by the date in their names (YYYYMMDD, or YYYYDDMM for
  ``20182601``): ``2016-primaries`` (the three party debates of February-April 2016),
  ``2016-general`` (the acceptance speech, the three presidential debates and the vice-presidential
  one, July-October 2016), ``2017-presidency`` (five speeches and press conferences of 2017) and
  ``2018-presidency`` (six of January 2018 to January 2019);
- ClaimBuster's debates, by election year (1960, 1976, ..., 2016). ClaimBuster's 2016 debates are
  the same three presidential debates as CLEF's, so they are in ``2016-general`` too: holding that
  campaign out removes them from training in both sources.

Each fold trains with ``train_checkworthiness.fit`` (the code and hyper-parameters that build the
packaged weights) on every other campaign, then scores the held-out debates through
``factcheck.checkworthiness.Scorer`` (the rounded JSON weights and the runtime code the package
uses). Two training sets are compared side by side: CLEF-2019 training alone, and with ClaimBuster
added. Per debate, sentences are ranked by score (ties keep line order, as the official CLEF scorer's
stable sort does) and the task's measures are computed: average precision (mean over debates =
MAP, the official measure), P@5, P@10 and R-precision. CLEF figures are over CLEF's 19 files;
ClaimBuster figures (positives: verdict 1, check-worthy factual) over its 33 debates.

**Hyper-parameters** (``train_checkworthiness.py``: C, ClaimBuster's weight, the campaigns a word must
occur in) were chosen by this leave-one-campaign-out run on the CLEF files over a small grid
(C 0.003-0.1, ClaimBuster's weight 0.5-2, 1-6 campaigns; MAP moved within 0.223-0.233 with
ClaimBuster and 0.211-0.217 without), so the figures are slightly optimistic; the CLEF-2019 test
debates and ClaimBuster's expert-labelled sentences, never read here, are the unbiased measure.

**News.** The scorer also ranks news sentences. For each TimeBank and AQUAINT article
(``../shared/eval/tempeval3-tbaq``), code sorts its sentences into two groups, with no label by hand:
*figures and dated events* (a digit, a number word, or a calendar date or time that
``factcheck.dates.tag`` resolves) and *the rest* (opinion, reaction, background and colour: no
figure, no date). Per article the benchmark reports the AUC (the chance that a sentence of the first
group outranks one of the second; 0.5 is chance) and the share of the top five held by the first
group against its share of all sentences. This checks that the scorer ranks what it should on news;
it is not a measure of check-worthiness as a fact-checker would judge it.

**Speed**: the packaged scorer loads and scores every CLEF and ClaimBuster sentence; the benchmark
prints sentences per CPU second beside the target (5,000), and the weights file's size beside its
limit (5 MB).

Needs the ``train`` extra (numpy, scipy, scikit-learn) for the per-fold training.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from train_checkworthiness import (
    DEFAULT_CLAIMBUSTER,
    DEFAULT_DATA,
    DEFAULT_OUT,
    EVAL,
    Sentence,
    fit,
    read_claimbuster,
    read_debates,
)

from factcheck.article import split_sentences
from factcheck.checkworthiness import Scorer, load_scorer

DEFAULT_NEWS = EVAL / "tempeval3-tbaq"
MEASURES = ("AP", "P@5", "P@10", "R-prec")
SPEED_TARGET = 5_000  # sentences per CPU second
SIZE_LIMIT = 5_000_000  # bytes


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


def measures(ranked: list[int]) -> dict[str, float]:
    return {
        "AP": average_precision(ranked),
        "P@5": precision_at(ranked, 5),
        "P@10": precision_at(ranked, 10),
        "R-prec": r_precision(ranked),
    }


def campaign_folds(debates: dict[str, list[Sentence]]) -> dict[str, list[str]]:
    """Campaign -> the debates it holds out (every debate is in exactly one campaign)."""
    folds: dict[str, list[str]] = defaultdict(list)
    for name, rows in debates.items():
        campaigns = {s.campaign for s in rows}
        if len(campaigns) != 1:
            raise SystemExit(f"{name}: sentences of one debate in campaigns {sorted(campaigns)}")
        folds[campaigns.pop()].append(name)
    return dict(sorted(folds.items()))


def cross_validate(
    debates: dict[str, list[Sentence]], sources: set[str], **hyper: float
) -> tuple[dict[str, dict[str, float]], dict[str, Scorer]]:
    """Leave-one-campaign-out: each debate's measures, scored by a model trained on ``sources``
    minus its campaign; also the model of each fold, by campaign."""
    folds = campaign_folds(debates)
    models: dict[frozenset[str], Scorer] = {}  # folds with the same training set share a model
    per_debate: dict[str, dict[str, float]] = {}
    by_campaign: dict[str, Scorer] = {}
    for campaign, held_out in folds.items():
        train = [
            s
            for name, rows in debates.items()
            if name not in held_out
            for s in rows
            if s.source in sources
        ]
        key = frozenset(name for name in debates if name not in held_out and debates[name][0].source in sources)
        if key not in models:
            models[key] = Scorer.from_json(fit(train, **hyper))
        scorer = by_campaign[campaign] = models[key]
        for name in held_out:
            rows = debates[name]
            ranked = rank(rows, [scorer.logit(r.text) for r in rows])
            per_debate[name] = measures(ranked)
    return per_debate, by_campaign


def _mean(per: dict[str, dict[str, float]], names: list[str]) -> dict[str, float]:
    return {m: statistics.fmean(per[n][m] for n in names) for m in MEASURES}


def _row(label: str, values: dict[str, float]) -> str:
    return f"{label:40}" + "".join(f"{values[m]:8.4f}" for m in MEASURES)


# --- news ------------------------------------------------------------------------------------

_NUMBER_WORD = re.compile(
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|"
    r"fifty|hundred|hundreds|thousand|thousands|million|millions|billion|billions|dozen|dozens|"
    r"half|percent)\b",
    re.IGNORECASE,
)


def news_groups(text: str, published) -> list[tuple[str, bool]]:
    """Each prose sentence of an article, and whether it states a figure or a dated event."""
    from factcheck.dates import tag

    out = []
    for s in split_sentences(text):
        if s.heading:
            continue
        dated = any(
            t.type in ("DATE", "TIME") and t.value[:1].isdigit() for t in tag(s.text, published)
        )
        out.append((s.text, dated or bool(re.search(r"\d", s.text) or _NUMBER_WORD.search(s.text))))
    return out


def auc(scores: list[float], groups: list[bool]) -> float | None:
    """P(a sentence of the True group outscores one of the False group), ties counting half."""
    pos = [s for s, g in zip(scores, groups, strict=True) if g]
    neg = [s for s, g in zip(scores, groups, strict=True) if not g]
    if not pos or not neg:
        return None
    wins = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
    return wins / (len(pos) * len(neg))


def news_check(root: Path, scorers: dict[str, Scorer], per_article: bool) -> None:
    import tempeval  # the TimeML reader of benchmarks/tempeval.py

    paths = sorted(root.glob("*/*.tml"))
    if not paths:
        print(f"news: no .tml articles under {root}")
        return
    results: dict[str, list[tuple[float, float, float]]] = defaultdict(list)
    rows = []
    for path in paths:
        doc = tempeval.load(path)
        sents = news_groups(doc.text, doc.dct)
        groups = [g for _, g in sents]
        row = [f"{path.parent.name}/{path.stem}", len(sents), sum(groups)]
        for name, scorer in scorers.items():
            scores = [scorer.logit(t) for t, _ in sents]
            a = auc(scores, groups)
            if a is None:
                row += ["-", "-"]
                continue
            order = sorted(range(len(sents)), key=lambda i: -scores[i])
            top5 = sum(groups[i] for i in order[:5]) / min(5, len(sents))
            results[name].append((a, top5, sum(groups) / len(groups)))
            row += [f"{a:.2f}", f"{top5:.1f}"]
        rows.append(row)
    names = list(scorers)
    if per_article:
        head = f"{'article':36}{'sents':>6}{'fig/date':>9}"
        head += "".join(f"{'AUC ' + n:>24}{'top5':>6}" for n in names)
        print(head)
        for row in rows:
            line = f"{row[0]:36}{row[1]:6d}{row[2]:9d}"
            for i in range(len(names)):
                line += f"{row[3 + 2 * i]:>24}{row[4 + 2 * i]:>6}"
            print(line)
    print(
        f"news: {len(paths)} TimeBank/AQUAINT articles; sentences with a figure or a dated event "
        "against the rest (opinion, reaction, background, colour)"
    )
    for name in names:
        res = results[name]
        aucs = [a for a, _, _ in res]
        print(
            f"  {name:24} mean AUC {statistics.fmean(aucs):.3f}, median {statistics.median(aucs):.3f}, "
            f"AUC > 0.5 in {sum(a > 0.5 for a in aucs)}/{len(aucs)} articles; "
            f"top-5 share {statistics.fmean(t for _, t, _ in res):.2f} "
            f"(their share of all sentences {statistics.fmean(b for _, _, b in res):.2f})"
        )


# --- main ------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--clef", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--claimbuster", type=Path, default=DEFAULT_CLAIMBUSTER)
    ap.add_argument("--news", type=Path, default=DEFAULT_NEWS)
    ap.add_argument("--no-news", action="store_true", help="skip the news check")
    ap.add_argument("--per-debate", action="store_true", help="print each debate's measures")
    ap.add_argument("--per-article", action="store_true", help="print each news article's figures")
    args = ap.parse_args(argv)

    clef = read_debates(args.clef)
    cb = read_claimbuster(args.claimbuster)
    debates = clef | cb
    folds = campaign_folds(debates)
    clef_names, cb_names = sorted(clef), sorted(cb)
    n_clef = sum(len(v) for v in clef.values())
    n_cb = sum(len(v) for v in cb.values())
    print(
        f"{len(clef)} CLEF-2019 training files ({n_clef:,} sentences) and {len(cb)} ClaimBuster "
        f"debates ({n_cb:,} sentences) in {len(folds)} campaigns; leave-one-campaign-out"
    )

    t0 = time.perf_counter()
    setups = {"CLEF alone": {"clef"}, "CLEF + ClaimBuster": {"clef", "claimbuster"}}
    results = {}
    fold_models = {}
    for label, sources in setups.items():
        results[label], fold_models[label] = cross_validate(debates, sources)
    print(f"({time.perf_counter() - t0:.0f} s wall)")

    head = f"{'':40}" + "".join(f"{m:>8}" for m in MEASURES)
    print("\nCLEF-2019 training, per held-out campaign (mean over its files)")
    print(head)
    for campaign, names in folds.items():
        names = [n for n in names if n in clef]
        if not names:
            continue
        for label in setups:
            print(_row(f"{campaign} ({len(names)}) {label}", _mean(results[label], names)))
    print("all 19 files (MAP = mean AP)")
    for label in setups:
        print(_row(f"  {label}", _mean(results[label], clef_names)))
    print("  (CLEF-2019's best team on its test debates: MAP 0.1660, P@10 0.2286)")

    print("\nClaimBuster crowdsourced, per held-out election year (mean over its debates)")
    print(head)
    by_year: dict[str, list[str]] = defaultdict(list)
    for name in cb_names:
        by_year[debates[name][0].campaign].append(name)
    for year, names in sorted(by_year.items()):
        print(_row(f"{year} ({len(names)}) CLEF + ClaimBuster", _mean(results["CLEF + ClaimBuster"], names)))
    print(f"all {len(cb_names)} debates")
    for label in setups:
        print(_row(f"  {label}", _mean(results[label], cb_names)))

    if args.per_debate:
        print("\nper debate: AP CLEF alone / AP CLEF + ClaimBuster")
        for name in [*clef_names, *cb_names]:
            pos = sum(s.label for s in debates[name])
            a, b = (results[label][name]["AP"] for label in setups)
            print(f"  {name:34} {debates[name][0].campaign:16} pos {pos:4d}  {a:.4f}  {b:.4f}")

    if not args.no_news:
        print()
        # The news articles are in no campaign: the models trained on every debate score them.
        scorers = {
            label: Scorer.from_json(fit([s for rows in debates.values() for s in rows if s.source in sources]))
            for label, sources in setups.items()
        }
        news_check(args.news, scorers, args.per_article)

    # Speed and size of the packaged scorer.
    texts = [s.text for rows in debates.values() for s in rows]
    c0 = time.process_time()
    load_scorer.cache_clear()
    scorer = load_scorer()
    c1 = time.process_time()
    scores = scorer.score(texts)
    c2 = time.process_time()
    assert len(scores) == len(texts)
    rate = len(texts) / (c2 - c1)
    size = DEFAULT_OUT.stat().st_size
    print(
        f"\npackaged weights: {size:,} bytes ({size / SIZE_LIMIT:.2f} of the 5 MB limit), "
        f"{len(scorer.weights):,} weights, loaded in {c1 - c0:.3f} CPU s\n"
        f"packaged scorer: {len(texts):,} sentences in {c2 - c1:.2f} CPU s = {rate:,.0f} "
        f"sentences/s ({rate / SPEED_TARGET:.2f} x the target of {SPEED_TARGET:,}/s)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

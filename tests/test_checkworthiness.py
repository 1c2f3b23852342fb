"""The check-worthiness scorer: deterministic, bounded, sensible on clear cases, loadable safely."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck import checkworthiness as cw
from factcheck.checkworthiness import Score, Scorer, checkworthiness_report, load_scorer

WEIGHTS = Path(cw.__file__).parent / "data" / "checkworthiness.json"

CLAIM = "Unemployment fell to 3.5 percent last year, the lowest in 50 years."
GREETING = "Good evening and welcome."
SENTENCES = [
    CLAIM,
    GREETING,
    "Thank you.",
    "What do you think about that?",
    "We created 15 million new jobs and cut taxes by $5 trillion.",
    "I think we need to do better.",
    "The proposal was made by Russian President Vladimir Putin on Sunday in Moscow.",
    "",
    "   ",
    "Ça coûte 30 € — ‘très cher’, a dit le ministre.",
]


def test_same_input_gives_same_scores() -> None:
    scorer = load_scorer()
    assert scorer.score(SENTENCES) == scorer.score(list(SENTENCES))


def test_a_sentence_score_does_not_depend_on_the_others_or_their_order() -> None:
    scorer = load_scorer()
    forward = scorer.score(SENTENCES)
    backward = scorer.score(SENTENCES[::-1])
    assert backward == forward[::-1]
    alone = [scorer.score([s])[0] for s in SENTENCES]
    assert alone == forward


def test_fresh_load_scores_identically() -> None:
    before = load_scorer().score(SENTENCES)
    load_scorer.cache_clear()
    try:
        assert load_scorer().score(SENTENCES) == before
    finally:
        load_scorer.cache_clear()


def test_scores_are_probabilities_with_string_reasons() -> None:
    for s in load_scorer().score(SENTENCES):
        assert isinstance(s, Score)
        assert 0.0 <= s.score <= 1.0
        assert isinstance(s.reason, str)


def test_extreme_logits_stay_in_bounds() -> None:
    huge = Scorer({"f:number": 1000.0, "f:question": -1000.0}, bias=0.0)
    assert huge.score(["It was 5."])[0].score == pytest.approx(1.0)
    assert huge.score(["Was it?"])[0].score == pytest.approx(0.0)


def test_a_statistic_outranks_a_greeting() -> None:
    claim, greeting = load_scorer().score([CLAIM, GREETING])
    assert claim.score > greeting.score
    assert claim.score > 0.5 > greeting.score


def test_clear_claims_outrank_chit_chat() -> None:
    scores = [s.score for s in load_scorer().score(SENTENCES[:7])]
    claims = [scores[0], scores[4]]
    chat = [scores[1], scores[2], scores[3], scores[5]]
    assert min(claims) > max(chat)


def test_reason_names_the_number_that_drove_the_score() -> None:
    reason = load_scorer().score([CLAIM])[0].reason
    assert "3.5 percent" in reason
    assert "number" in reason or "percentage" in reason


def test_nothing_notable_gives_an_empty_reason() -> None:
    assert load_scorer().score([GREETING])[0].reason == ""


def test_reason_only_cites_words_that_are_in_the_sentence() -> None:
    for text, s in zip(SENTENCES, load_scorer().score(SENTENCES), strict=True):
        for part in filter(None, s.reason.split("; ")):
            if part.endswith(")"):
                cited = part[part.index("(") + 1 : -1]
                assert cited.lower() in text.lower(), (text, s.reason)


def test_empty_input_gives_empty_list() -> None:
    assert load_scorer().score([]) == []
    assert checkworthiness_report([]) == {"sentences": []}


def test_a_bare_string_is_refused_rather_than_scored_letter_by_letter() -> None:
    with pytest.raises(TypeError):
        load_scorer().score(CLAIM)  # type: ignore[arg-type]


def test_report_shape_and_order() -> None:
    texts = [GREETING, CLAIM]
    report = checkworthiness_report(texts)
    assert list(report) == ["sentences"]
    rows = report["sentences"]
    assert [r["line"] for r in rows] == [1, 2]
    assert [r["text"] for r in rows] == texts
    assert all(set(r) == {"line", "text", "score"} for r in rows)
    assert rows[1]["score"] > rows[0]["score"]
    assert json.loads(json.dumps(report)) == report


def test_weights_are_small_plain_json() -> None:
    assert WEIGHTS.stat().st_size < 2_000_000
    raw = WEIGHTS.read_bytes()
    assert not raw.startswith(b"\x80"), "looks like a pickle"
    data = json.loads(raw)
    assert data["feature_version"] == cw.FEATURE_VERSION
    assert isinstance(data["bias"], float)
    assert data["weights"] and all(isinstance(v, float) for v in data["weights"].values())
    # Every hand-designed feature the code extracts has a trained weight.
    hand = {k for s in SENTENCES + [CLAIM] for k in cw.extract_features(s) if k.startswith("f:")}
    assert hand <= set(data["weights"])


def test_loading_does_not_import_pickle_or_heavy_libraries() -> None:
    code = (
        "import sys\n"
        "from factcheck.checkworthiness import load_scorer\n"
        "load_scorer().score(['It rose 5%.'])\n"
        "bad = sorted({'pickle', 'numpy', 'scipy', 'sklearn'} & set(sys.modules))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert out.stdout.strip() == ""


def test_stale_or_broken_weights_fail_clearly() -> None:
    with pytest.raises(cw.ScorerDataError, match="feature version"):
        Scorer.from_json({"feature_version": -1, "bias": 0.0, "weights": {}})
    with pytest.raises(cw.ScorerDataError, match="lack the field"):
        Scorer.from_json({"feature_version": cw.FEATURE_VERSION, "weights": {}})
    with pytest.raises(cw.ScorerDataError, match="numbers"):
        Scorer.from_json(
            {"feature_version": cw.FEATURE_VERSION, "bias": 0.0, "weights": {"w:x": "1"}}
        )
    assert issubclass(cw.ScorerDataError, cw.FactcheckError)


def test_features_fold_digits_and_flag_linguistic_cues() -> None:
    f = cw.extract_features("Taxes rose 12% to $4,000 in 2019, the senator said?")
    assert {"w:<pct>", "w:<money>", "w:<year>"} <= set(f)
    for name in ("f:number", "f:percent", "f:money", "f:comparison", "f:reporting", "f:question"):
        assert name in f, name
    assert "f:greeting" in cw.extract_features("Thank you, good evening.")
    assert "f:filler" in cw.extract_features("Well, okay.")


# --- the benchmark's measures (benchmarks/eval_checkworthiness.py), checked by hand ---------


def _eval_module():
    import importlib.util

    bench = Path(__file__).resolve().parent.parent / "benchmarks"
    sys.path.insert(0, str(bench))
    try:
        spec = importlib.util.spec_from_file_location(
            "eval_checkworthiness", bench / "eval_checkworthiness.py"
        )
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(bench))
    return module


def test_benchmark_measures_match_hand_computed_values() -> None:
    ev = _eval_module()
    ranked = [1, 0, 1, 0, 0, 1]  # positives at ranks 1, 3 and 6
    assert ev.average_precision(ranked) == pytest.approx((1 / 1 + 2 / 3 + 3 / 6) / 3)
    assert ev.precision_at(ranked, 5) == pytest.approx(2 / 5)
    assert ev.r_precision(ranked) == pytest.approx(2 / 3)
    assert ev.average_precision([0, 0, 0]) == 0.0


def test_benchmark_ranking_breaks_ties_by_line_and_folds_never_overlap() -> None:
    ev = _eval_module()
    rows = [ev.Sentence("f", i, "S", str(i), lab) for i, lab in enumerate([0, 1, 0], start=1)]
    assert ev.rank(rows, [0.5, 0.5, 0.9]) == [0, 0, 1]
    names = [f"file{i:02d}" for i in range(19)]
    for n in (0, 5):
        folds = ev.folds_of(names, n)
        flat = [name for fold in folds for name in fold]
        assert sorted(flat) == names  # every file held out exactly once


def test_scores_are_identical_across_processes_and_hash_seeds() -> None:
    code = (
        "import json, sys\n"
        "from factcheck.checkworthiness import load_scorer\n"
        "texts = json.loads(sys.stdin.read())\n"
        "print(json.dumps([[s.score, s.reason] for s in load_scorer().score(texts)]))\n"
    )
    # Short sentences whose terms, summed in hash-seeded set order, used to differ in the last bit.
    texts = [*SENTENCES, "I do.", "He lied.", "Yes or no.", "Don't we?", "She left early."]
    outputs = set()
    for seed in ("0", "1", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run(
            [sys.executable, "-c", code],
            input=json.dumps(texts),
            capture_output=True,
            text=True,
            check=True,
            timeout=60,
            env=env,
        )
        outputs.add(out.stdout)
    assert len(outputs) == 1
    here = [[s.score, s.reason] for s in load_scorer().score(texts)]
    assert json.loads(outputs.pop()) == here

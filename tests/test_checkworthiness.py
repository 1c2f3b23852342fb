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
    assert WEIGHTS.stat().st_size < 5_000_000
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
    assert {"w:<pct>", "w:<money>", "w:<date>"} <= set(f)
    for name in ("f:number", "f:percent", "f:money", "f:change", "f:reporting", "f:question"):
        assert name in f, name
    assert "f:greeting" in cw.extract_features("Thank you, good evening.")
    assert "f:filler" in cw.extract_features("Well, okay.")


def test_features_name_entity_types_tense_and_quantities() -> None:
    f = cw.extract_features("Police seized 600 documents in Turkey, Mr. Smith told the Justice Department.")
    for name in ("f:quantity", "f:place", "f:person", "f:organisation", "f:past", "f:reporting",
                 "x:figure+past"):
        assert name in f, name
    g = cw.extract_features("I think we will have to do better.")
    assert {"f:belief", "f:future", "f:deontic"} <= set(g)
    assert not {"f:number", "f:past", "f:place"} & set(g)
    # "turkey" the bird is no place; "may" the modal is no month, "May 14" is a date.
    assert "f:place" not in cw.extract_features("We ate turkey.")
    assert "f:conditional" in cw.extract_features("It may rain.")
    assert "f:conditional" not in cw.extract_features("They met on May 14.")
    assert "f:past" not in cw.extract_features("Eight hundred dollars, indeed.")


def test_dates_and_years_are_not_figures() -> None:
    assert cw.figures("Leaders meet on May 14-15 in 2019, at 10:30 a.m.") == []
    assert cw.figures("Police seized 600 documents on May 15.") == ["600"]
    assert cw.figures("It fell to 3.5 percent in 2019.") == ["3.5 percent"]
    for text in ("Leaders meet on May 14-15 in Antalya.", "The talks end on 15 May."):
        f = cw.extract_features(text)
        assert "f:date" in f and "f:number" not in f, text


def test_a_clause_is_explained_by_its_own_words() -> None:
    # The sentence's second clause has the date; the first has neither a number nor a date.
    sentence = ("The minister said the proposal was serious, adding that talks would be held "
                "in Antalya on May 14-15.")
    clause = "The minister said the proposal was serious"
    scorer = load_scorer()
    reason = scorer.score_one(clause).reason
    assert "15" not in reason and "number" not in reason and "May" not in reason
    # The whole sentence dates an event; a date is not a number.
    assert "number" not in scorer.score_one(sentence).reason
    figure = scorer.score_one("Police seized 600 documents on May 15.").reason
    assert "600" in figure and "(15)" not in figure


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


def test_benchmark_ranking_breaks_ties_by_line() -> None:
    ev = _eval_module()
    rows = [ev.Sentence("f", i, "S", str(i), lab) for i, lab in enumerate([0, 1, 0], start=1)]
    assert ev.rank(rows, [0.5, 0.5, 0.9]) == [0, 0, 1]


def test_campaigns_hold_out_each_debate_once_and_share_the_2016_debates() -> None:
    ev = _eval_module()
    tr = sys.modules["train_checkworthiness"]
    assert tr.campaign_of("20160209_msnbc_dem.tsv", "clef") == "2016-primaries"
    assert tr.campaign_of("20161010_2pres.tsv", "clef") == "2016-general"
    assert tr.campaign_of("20170216_trump_press.tsv", "clef") == "2017-presidency"
    assert tr.campaign_of("20182601_trump_world.tsv", "clef") == "2018-presidency"  # YYYYDDMM
    assert tr.campaign_of("20190108_oval_office.tsv", "clef") == "2018-presidency"
    # ClaimBuster's 2016 debates are CLEF's: one campaign, so one fold holds both out.
    assert tr.campaign_of("2016-10-09.txt", "claimbuster") == "2016-general"
    assert tr.campaign_of("1960-09-26.txt", "claimbuster") == "1960-general"

    def debate(name: str, source: str) -> list:
        campaign = tr.campaign_of(name, source)
        return [ev.Sentence(name, 1, "S", "x", 0, campaign, source)]

    debates = {
        "20161010_2pres.tsv": debate("20161010_2pres.tsv", "clef"),
        "20170216_trump_press.tsv": debate("20170216_trump_press.tsv", "clef"),
        "cb:2016-10-09.txt": debate("2016-10-09.txt", "claimbuster"),
        "cb:1960-09-26.txt": debate("1960-09-26.txt", "claimbuster"),
    }
    folds = ev.campaign_folds(debates)
    assert sorted(n for names in folds.values() for n in names) == sorted(debates)
    assert sorted(folds["2016-general"]) == ["20161010_2pres.tsv", "cb:2016-10-09.txt"]


def test_training_refuses_the_kept_aside_expert_labels(tmp_path: Path) -> None:
    _eval_module()
    tr = sys.modules["train_checkworthiness"]
    path = tmp_path / "groundtruth.csv"
    path.write_text("Sentence_id,Text,Verdict\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="kept aside"):
        tr.read_claimbuster(path)


def test_each_source_is_class_balanced_and_claimbuster_weighed_as_asked() -> None:
    _eval_module()
    tr = sys.modules["train_checkworthiness"]
    rows = [tr.Sentence("f", 1, "S", "x", lab, "c", src)
            for src, labels in (("clef", [1, 0, 0, 0]), ("claimbuster", [1, 1, 0]))
            for lab in labels]
    w = tr.sample_weights(rows, cb_weight=0.5)
    assert sum(w) == pytest.approx(len(rows))
    mass = {(r.source, r.label): 0.0 for r in rows}
    for r, x in zip(rows, w, strict=True):
        mass[r.source, r.label] += x
    assert mass["clef", 1] == pytest.approx(mass["clef", 0])
    assert mass["claimbuster", 1] == pytest.approx(mass["claimbuster", 0])
    assert mass["claimbuster", 1] == pytest.approx(0.5 * mass["clef", 1])


def test_news_groups_are_found_by_code() -> None:
    ev = _eval_module()
    import datetime as dt

    groups = ev.news_groups(
        "Police seized 600 documents. The mood was grim. Talks resume on Friday. Critics were "
        "furious.", dt.date(1998, 1, 8)
    )
    assert [g for _, g in groups] == [True, False, True, False]
    assert ev.auc([3.0, 1.0, 2.0, 0.0], [True, False, True, False]) == 1.0
    assert ev.auc([1.0, 1.0], [True, False]) == 0.5
    assert ev.auc([1.0], [True]) is None


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

"""The server path exercised by a model that follows instructions: Qwen2.5-Coder-1.5B-Instruct behind
llama.cpp's OpenAI-compatible server, on a short wire story (TimeBank, AP, 26 June 1998). The
paraphrased summary sentences go through the faithfulness checker; the ranking is the model's choice
of a level per claim. Replays need neither Qwen nor a server.

Re-record (about 7-8 minutes on 2 shared cores; starts the server on loopback itself; needs the
`server` extra and the Qwen GGUF, from the `qwen` extra or any path):
    FACTCHECK_TEST_QWEN_GGUF=/path/to/qwen2.5-coder-1.5b-instruct-q4_k_m.gguf \\
        pytest tests/test_capable_model.py --record-mode=rewrite
Without the variable, the `qwen` extra's assembled file is used; without either, recording skips.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from factcheck import faithfulness
from factcheck.article import Article, load_article
from factcheck.errors import ConfigError
from factcheck.llm import build_backend
from factcheck.models import LEVEL_SCORES, Report
from factcheck.pipeline import Pipeline
from factcheck.settings import load_settings

from .conftest import ROOT
from .llama_server import SERVER_KEY, SERVER_MODELS, serve
from .test_report_checks import assert_final_checks_hold

# The seed: the evaluation articles stay outside the repository, and a cassette holds the article it sent.
ARTICLE = ROOT / "seeds" / "000_0cbe40a24dcadabf.md"
PORT = 18767
LOCAL_MODEL, ALIAS = SERVER_MODELS["qwen"]
QWEN_GGUF = os.environ.get("FACTCHECK_TEST_QWEN_GGUF")  # read at import: the tests' environment is scrubbed


def qwen_gguf() -> Path:
    """The GGUF to record with, or a skip that says how to get it."""
    if QWEN_GGUF:
        path = Path(QWEN_GGUF).expanduser()
        if not path.is_file():
            pytest.skip(f"FACTCHECK_TEST_QWEN_GGUF={QWEN_GGUF}: no such file")
        return path
    from factcheck.local_models import local_model_path

    try:
        return local_model_path(LOCAL_MODEL)
    except ConfigError as exc:
        pytest.skip(f"recording needs Qwen2.5-Coder-1.5B-Instruct: set FACTCHECK_TEST_QWEN_GGUF or pip install -e '.[qwen]' ({exc})")


@pytest.fixture(scope="module")
def qwen_server(request: pytest.FixtureRequest):
    if request.config.getoption("--record-mode") == "none":
        yield None
        return
    with serve(PORT, alias=ALIAS, model=qwen_gguf()) as server:
        yield server


@pytest.fixture
def remote(monkeypatch: pytest.MonkeyPatch, qwen_server) -> None:
    monkeypatch.setenv("OPENAI_BASE_URL", f"http://127.0.0.1:{PORT}/v1")
    monkeypatch.setenv("OPENAI_API_KEY", SERVER_KEY)
    monkeypatch.setenv("FACTCHECK_MODEL", ALIAS)
    # One request at a time (the same requests in the same order), each given time: Qwen generates
    # 6-8 tokens a second here. Fewer claims and summary sentences keep a recording under 10 minutes.
    monkeypatch.setenv("FACTCHECK_CONCURRENCY", "1")
    monkeypatch.setenv("FACTCHECK_TIMEOUT", "600")
    monkeypatch.setenv("FACTCHECK_MAX_CLAIMS", "6")
    monkeypatch.setenv("FACTCHECK_SUMMARY_SENTENCES", "4")


@pytest.mark.vcr
def test_a_model_that_follows_instructions_through_the_server(remote, vcr) -> None:
    settings = load_settings()
    article = load_article(str(ARTICLE))
    report = Pipeline(build_backend(settings), settings).run(article)
    assert report.provenance.provider == "openai" and report.provenance.model == ALIAS

    assert_summary_is_checked_paraphrase_or_marked_words(report, article)
    assert_ranking_follows_the_models_answer(report, ranking_answer(vcr))
    assert_final_checks_hold(report)


def assert_summary_is_checked_paraphrase_or_marked_words(report: Report, article: Article) -> None:
    """Each summary sentence is the model's paraphrase, faithful to the sentences it cites, or the
    article's own words (a compression of its sentence), marked so and warned about."""
    stood_in = {w.item for w in report.warnings if w.code in ("compressed-summary", "extractive-summary")}
    paraphrased = 0
    for item in report.summary.sentences:
        cited = [article.sentence(sid).text for sid in item.sources]
        assert faithfulness.check(item.text, cited, published=article.published) == [], item
        if item.origin == "model":
            paraphrased += item.text not in cited
        else:
            assert item.origin in ("compression", "extractive") and item.sources[-1] in stood_in, item
            assert is_subsequence(words(item.text), words(cited[-1])), item
    assert paraphrased, "no summary sentence is the model's own wording: the paraphrase path was not exercised"


def ranking_answer(cassette) -> dict[str, str]:
    """The ranking step's answer in the recording: each listed claim's text and the level chosen."""
    for request, response in cassette.data:
        body = json.loads(request.body)
        if body.get("response_format", {}).get("schema", {}).get("title") != "RatingsDraft":
            continue
        listed = dict(re.findall(r"^(C\d+): (.+)$", body["messages"][-1]["content"], re.M))
        text = response["body"]["string"]
        reply = json.loads(text.decode() if isinstance(text, bytes) else text)
        levels = json.loads(reply["choices"][0]["message"]["content"])
        return {listed[claim_id]: level for claim_id, level in levels.items()}
    raise AssertionError("the recording holds no ranking request")


def assert_ranking_follows_the_models_answer(report: Report, answer: dict[str, str]) -> None:
    checkable = [c for c in report.claims if c.checkable]
    assert checkable and len(answer) == len(checkable)
    assert len(set(answer.values())) > 1, f"the model rated every claim alike: {answer}"
    for claim in checkable:
        level = answer[claim.text]
        assert claim.checkworthiness_source == "scorer+model" and claim.scores["model"] == LEVEL_SCORES[level], claim
        assert f"the model rated it {level}" in claim.reason
    # The model's level first, the scorer's score within a level; opinions and predictions after.
    keys = [(LEVEL_SCORES[answer[c.text]], c.scores["scorer"]) for c in checkable]
    assert keys == sorted(keys, reverse=True)
    assert [c.checkable for c in report.claims] == sorted((c.checkable for c in report.claims), reverse=True)


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def is_subsequence(part: list[str], whole: list[str]) -> bool:
    remaining = iter(whole)
    return all(word in remaining for word in part)

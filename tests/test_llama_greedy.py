"""The bundled model's greedy grammar sampler chooses the token llama-cpp-python's own chain would."""

from __future__ import annotations

import numpy as np
import pytest

from factcheck.llm import LlamaCppChat
from factcheck.local_models import bundled_model_path
from factcheck.models import ClaimDraft, EventDraft

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def llama():
    # Through LlamaCppChat: llama.cpp must not be imported before it configures OpenMP.
    return LlamaCppChat(model_path=str(bundled_model_path())).llama()


def _answers(llama, schema: dict) -> list[str]:
    texts = [
        "The council voted 7-2 on Tuesday to close the riverside plant, the mayor's office said.",
        "Shares of the airline fell 12 percent after it warned that fuel costs would double next year.",
    ]
    answers = []
    for text in texts:
        out = llama.create_chat_completion(
            messages=[
                {"role": "system", "content": "You answer in JSON."},
                {"role": "user", "content": f"Sentence: {text}\n\nFill in the fields about this sentence."},
            ],
            response_format={"type": "json_object", "schema": schema},
            temperature=0.0,
            max_tokens=120,
            seed=0,
        )
        answers.append(out["choices"][0]["message"]["content"])
    return answers


@pytest.mark.parametrize("draft", [ClaimDraft, EventDraft])
def test_same_answers_as_the_stock_sampler(llama, draft, monkeypatch: pytest.MonkeyPatch) -> None:
    from llama_cpp import Llama

    from factcheck.llama_greedy import GreedyGrammarSampler

    calls = []
    monkeypatch.setattr(GreedyGrammarSampler, "sample", _counting(GreedyGrammarSampler.sample, calls))
    fast = _answers(llama, draft.model_json_schema())
    assert calls, "the greedy grammar sampler was not used"
    monkeypatch.setattr(type(llama), "_init_sampler", Llama._init_sampler)
    assert fast == _answers(llama, draft.model_json_schema())


def _counting(method, calls: list):
    def counted(self, *args):
        calls.append(1)
        return method(self, *args)

    return counted


def _sampler(llama, rule: str):
    from llama_cpp import LlamaGrammar

    from factcheck.llama_greedy import GreedyGrammarSampler

    return GreedyGrammarSampler(llama, LlamaGrammar.from_string(f"root ::= {rule}"))


def test_a_choice_far_down_the_vocabulary_is_still_found(llama) -> None:
    """Every likely token refused (none in the shortlist allowed): the whole vocabulary is asked."""
    sampler = _sampler(llama, '"yes" | "no"')
    logits = np.random.default_rng(0).normal(size=sampler.n_vocab).astype(np.float32)
    allowed = sampler._allowed(sampler._all_ids, logits)
    assert 0 < allowed.size < 50
    logits[allowed] = -20.0
    logits[allowed[-1]] = -10.0
    assert sampler._shortlisted(logits) == allowed[-1]


def test_equal_logits_choose_the_lowest_id_as_greedy_does(llama) -> None:
    sampler = _sampler(llama, '"yes" | "no"')
    logits = np.zeros(sampler.n_vocab, dtype=np.float32)
    allowed = sampler._allowed(sampler._all_ids, logits)
    logits[allowed[1:]] = 3.0  # tied, and the top of a shortlist that also holds refused tokens
    logits[:5] = 9.0
    assert sampler._shortlisted(logits) == allowed[1]
    logits[:] = 0.0  # a tie wider than the shortlist: settled over the whole vocabulary
    assert sampler._shortlisted(logits) == allowed[0]

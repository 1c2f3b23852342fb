"""Structured output with re-ask: bounded attempts, the error text goes back, the budget holds."""

from __future__ import annotations

from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage

from factcheck.llm import Backend, StructuredAsker, TokenBudget, reask_message
from factcheck.models import EventDraft


class RecordingFake(GenericFakeChatModel):
    """Scripted replies; remembers what it was sent (a test double for the chat model, not a product path)."""

    seen: list = []

    def _generate(self, messages, stop=None, run_manager=None, **kwargs):
        self.seen.append((list(messages), kwargs))
        return super()._generate(messages, stop=stop, run_manager=run_manager, **kwargs)


def asker(replies: list[str], *, max_reasks: int = 2, budget: int = 10_000) -> tuple[StructuredAsker, RecordingFake]:
    messages = iter(
        AIMessage(content=r, usage_metadata={"input_tokens": 100, "output_tokens": 10, "total_tokens": 110})
        for r in replies
    )
    fake = RecordingFake(messages=messages, seen=[])
    backend = Backend(fake, "test", "fake", "json_object", concurrency=1)
    return StructuredAsker(backend, max_reasks=max_reasks, budget=TokenBudget(budget)), fake


def no_problems(_draft) -> list[str]:
    return []


def test_valid_first_answer() -> None:
    ask, fake = asker(['{"event": "talks were held in Istanbul"}'])
    answer = ask.ask([], EventDraft, no_problems, temperature=0, max_tokens=50)
    assert answer.value.event == "talks were held in Istanbul"
    assert answer.attempts == 1 and answer.usage.calls == 1 and answer.usage.prompt_tokens == 100
    kwargs = fake.seen[0][1]
    assert kwargs["response_format"]["type"] == "json_object"
    assert kwargs["response_format"]["schema"]["required"] == ["event"]


def test_reask_sends_the_error_back_and_then_succeeds() -> None:
    ask, fake = asker(["not json", '{"event": "xyz"}', '{"event": "Putin proposed talks"}'])
    answer = ask.ask([], EventDraft, lambda d: ["too short"] if d.event == "xyz" else [], temperature=0, max_tokens=50)
    assert answer.value.event == "Putin proposed talks"
    assert answer.attempts == 3
    second_request = fake.seen[1][0]
    assert "not valid JSON" in second_request[-1].content
    third_request = fake.seen[2][0]
    assert "too short" in third_request[-1].content


def test_attempts_are_bounded_and_the_last_answer_is_kept() -> None:
    ask, fake = asker(['{"event": "bad one"}'] * 5, max_reasks=1)
    answer = ask.ask([], EventDraft, lambda d: ["invented a name"], temperature=0, max_tokens=50)
    assert answer.value is None and answer.attempts == 2 and len(fake.seen) == 2
    assert answer.last.event == "bad one"
    assert answer.problems == ["invented a name"]


def test_schema_violation_is_described() -> None:
    ask, _ = asker(['{"event": "ok event", "extra": 1}', '{"event": ""}', '{"wrong": 1}'])
    answer = ask.ask([], EventDraft, no_problems, temperature=0, max_tokens=50)
    assert answer.value is None
    assert "event: Field required" in answer.problems[0]


def test_token_budget_stops_reasks() -> None:
    ask, fake = asker(['{"event": "bad"}'] * 5, max_reasks=5, budget=200)
    answer = ask.ask([], EventDraft, lambda d: ["nope"], temperature=0, max_tokens=50)
    assert len(fake.seen) == 2  # 110 tokens each: the budget of 200 is spent after the second
    assert "token budget" in answer.problems[-1]


def test_reask_message_lists_problems() -> None:
    text = reask_message(["a", "b"])
    assert "- a\n- b" in text and "JSON" in text


def test_a_raw_line_break_inside_a_string_is_still_json() -> None:
    # The bundled model, through llama.cpp's server, wrote one into a claim's `verify`.
    ask, _ = asker(['{"event": "talks were held\nin Istanbul"}'])
    answer = ask.ask([], EventDraft, no_problems, temperature=0, max_tokens=50)
    assert answer.value.event == "talks were held\nin Istanbul" and answer.attempts == 1


def test_token_budget_holds_across_threads() -> None:
    """N steps at once on a server: each call reserves its cost before it is sent, so the budget is
    overshot by at most one call, not by every call that checked it before any had paid."""
    import threading
    from concurrent.futures import ThreadPoolExecutor

    from langchain_core.messages import HumanMessage

    threads, cost, limit = 16, 110, 500
    arrived = threading.Barrier(threads, timeout=5)

    class Slow(RecordingFake):
        def _generate(self, messages, stop=None, run_manager=None, **kwargs):
            try:
                arrived.wait(timeout=0.5)  # every call that got through is in flight at once
            except threading.BrokenBarrierError:
                pass
            return super()._generate(messages, stop=stop, run_manager=run_manager, **kwargs)

    replies = iter(
        [AIMessage(content='{"event": "talks were held"}', usage_metadata={"input_tokens": 100, "output_tokens": 10, "total_tokens": cost})]
        * threads
    )
    fake = Slow(messages=replies, seen=[])
    budget = TokenBudget(limit)
    ask = StructuredAsker(Backend(fake, "test", "fake", "json_object", concurrency=threads), max_reasks=0, budget=budget)
    question = [HumanMessage("x" * 400)]  # about 100 tokens, and 10 of answer: the estimate is the cost

    with ThreadPoolExecutor(threads) as pool:
        answers = list(pool.map(lambda _: ask.ask(question, EventDraft, no_problems, temperature=0, max_tokens=10), range(threads)))
    asked = sum(a.attempts for a in answers)
    assert budget.spent == asked * cost
    assert budget.spent < limit + cost, (asked, budget.spent)  # without the reservation: all 16 asked, 1,760 tokens
    assert sum("token budget" in p for a in answers for p in a.problems) == threads - asked

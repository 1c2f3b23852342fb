"""A 20,000-word article: every request fits the model's context, the work stays bounded, offsets hold."""

from __future__ import annotations

import json
import re

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage
from langchain_core.outputs import ChatGeneration, ChatResult

from factcheck.article import load_article
from factcheck.llm import Backend
from factcheck.pipeline import Pipeline
from factcheck.settings import load_settings

from .conftest import SEED


class EchoModel(BaseChatModel):
    """A test double for the chat model: answers every step by restating the fenced sentence,
    in the shape the requested schema asks for, and records the size of every request."""

    sizes: list[int] = []

    @property
    def _llm_type(self) -> str:
        return "echo"

    def _generate(self, messages, stop=None, run_manager=None, **kwargs) -> ChatResult:
        prompt = "\n".join(str(m.content) for m in messages)
        self.sizes.append(len(prompt))
        sentence = re.search(r"<sentence-\w+>\n(.*?)\n</sentence-", prompt, re.S).group(1)
        schema = kwargs["response_format"]["schema"]
        answer = {}
        for name, spec in schema["properties"].items():
            if "enum" in spec:
                answer[name] = spec["enum"][0]
            elif "const" in spec:  # a choice of one
                answer[name] = spec["const"]
            else:
                answer[name] = sentence[:150]
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content=json.dumps(answer)))])


def long_article_text() -> str:
    seed = load_article(str(SEED)).text
    paragraphs = []
    words = 0
    n = 0
    while words < 20_000:
        n += 1
        block = seed.replace("Erdogan", f"Erdogan{n}").replace("May 15", f"May {n % 28 + 1}")
        paragraphs.append(block)
        words += len(block.split())
    return "\n\n".join(paragraphs)


def test_twenty_thousand_words(tmp_path) -> None:
    path = tmp_path / "long.md"
    path.write_text("---\npublished: 2025-05-13\n---\n" + long_article_text())
    article = load_article(str(path))
    assert len(article.text.split()) >= 20_000
    settings = load_settings()
    model = EchoModel(sizes=[])
    backend = Backend(model, "test", "echo", "json_object", concurrency=4)
    report = Pipeline(backend, settings).run(article)

    # Each request carries one sentence, so nothing approaches a context window, however long the article.
    assert max(model.sizes) < 4_000
    # The work is bounded by the settings, not by the article's length.
    steps = settings.summary_sentences + settings.max_events + 2 * settings.max_claims
    assert report.provenance.total.calls <= steps * (settings.max_reasks + 1)
    # The first max_events dates are examined; an event that does not stand alone is dropped with a warning.
    dropped = sum(w.code == "dropped-event" for w in report.warnings)
    assert len(report.timeline) + dropped == settings.max_events
    assert any(w.code == "timeline-truncated" for w in report.warnings)
    for s in report.article.sentences:
        assert report.article.text[s.start : s.end] == s.text
    ids = {s.id for s in report.article.sentences}
    for item in [*report.summary.sentences, *report.claims, *report.timeline]:
        assert set(item.sources) <= ids

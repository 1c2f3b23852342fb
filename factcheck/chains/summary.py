"""The summary chain: the lead sentence and the most check-worthy ones, each shortened or rewritten
as a neutral, attributed sentence.

On the bundled model a summary sentence is a compression of its article sentence: code lists the
side phrases that can go (factcheck/syntax.py) and the model only chooses among them, under a
schema that admits those ids and nothing else, so it cannot invent, cut off or drop the main
clause, a negation, a hedge or an attribution. A sentence with nothing to drop costs no call.

A capable model (a server) paraphrases freely, behind the faithfulness checker; a paraphrase that
keeps failing gives way to the compression, marked as such.
"""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field, create_model

from .. import faithfulness
from ..article import Article, Sentence
from ..referents import introduces_what_follows
from ..checks import grounding
from ..llm import Answer
from ..models import CompressionDraft, SummaryDraft, SummarySentence
from ..settings import Settings
from ..syntax import Span, compress, deletable_spans, is_clause, main_clause
from .base import ChainRun, Step, score_sentences, stand_in_warning, with_antecedents


class SummaryChain:
    """The lead sentence and the most check-worthy ones, each shortened (bundled model) or
    rewritten (a capable model) as a neutral sentence."""

    name: ClassVar[str] = "summary"

    def __init__(self, article: Article, settings: Settings) -> None:
        self.article = article
        self.count = settings.summary_sentences
        self.compresses = settings.resolved_provider == "local"
        self.chosen: list[Sentence] = []

    def plan(self) -> list[Step]:
        # Not a sentence that only announces a quotation ("A spokesman said:"): it states nothing.
        prose = [s for s in self.article.sentences if not s.heading and is_clause(s.text) and not introduces_what_follows(s.text)]
        if not prose:
            return []
        scores = score_sentences(self.article)
        ranked = sorted(prose[1:], key=lambda s: -scores[s.id].score)
        self.chosen = sorted([prose[0], *ranked[: self.count - 1]], key=lambda s: s.start)
        if not self.compresses:
            return [Step(self.name, s.id, s, SummaryDraft) for s in self.chosen]
        steps = []
        for sentence in self.chosen:
            spans = deletable_spans(sentence.text)
            if spans:  # nothing to choose, nothing to ask
                part = "\n".join(f"{s.id}: {s.text}" for s in spans)
                steps.append(Step(self.name, sentence.id, sentence, compression_draft_for(spans), part=part, prompt="compress"))
        return steps

    def check(self, article: Article, step: Step, draft: SummaryDraft | CompressionDraft) -> list[str]:
        if isinstance(draft, CompressionDraft):
            return []  # the schema admits only the listed spans, and any choice of them is a sentence
        cited = with_antecedents(draft.sentence, step.sentence, article)
        return (
            [str(p) for p in faithfulness.check(draft.sentence, [s.text for s in cited], context=article.text)]
            + grounding.check_content("the sentence", draft.sentence, cited, article.published)
            + grounding.check_restates("the sentence", draft.sentence, cited)
            + grounding.check_attribution("the sentence", draft.sentence, [step.sentence])
            + grounding.check_loaded_words("the sentence", draft.sentence, article.text)
            + grounding.check_verdict("the sentence", draft.sentence, cited)
        )

    def assemble(self, answered: list[tuple[Step, Answer]]) -> ChainRun:
        run = ChainRun()
        answers = {step.sentence.id: (step, answer) for step, answer in answered}
        for sentence in self.chosen:
            step, answer = answers.get(sentence.id, (None, None))
            if step is None or answer is None:  # nothing to drop: the sentence is its own compression
                run.items.append(SummarySentence(text=sentence.text, sources=[sentence.id], origin="compression"))
            elif self.compresses and answer.value is not None:
                text = compress(sentence.text, set(answer.value.drop), deletable_spans(sentence.text))
                run.items.append(SummarySentence(text=text, sources=[sentence.id], origin="compression"))
            elif self.compresses:
                run.items.append(SummarySentence(text=sentence.text, sources=[sentence.id], origin="extractive"))
                run.warnings.append(stand_in_warning("extractive-summary", step, answer, "kept the article's sentence"))
            elif answer.value is not None:
                cited = with_antecedents(answer.value.sentence, sentence, self.article)
                run.items.append(SummarySentence(text=answer.value.sentence, sources=[s.id for s in cited]))
            else:
                run.items.append(SummarySentence(text=main_clause(sentence.text), sources=[sentence.id], origin="compression"))
                run.warnings.append(stand_in_warning("compressed-summary", step, answer, "kept the article's sentence, shortened"))
        return run


def compression_draft_for(spans: list[Span]) -> type[CompressionDraft]:
    """CompressionDraft whose ids must be the sentence's deletable spans (a grammar enforces it)."""
    ids = tuple(s.id for s in spans)
    return create_model(
        "CompressionDraft",
        __base__=CompressionDraft,
        drop=(list[Literal[ids]], Field(default_factory=list, max_length=len(ids), description="ids of the listed phrases to drop")),
    )

"""The summary chain: the lead sentence and the most check-worthy ones, each rewritten as a
neutral, attributed sentence; the article's own sentence stands in for a rewrite that fails."""

from __future__ import annotations

from typing import ClassVar

from ..article import Article
from ..checks import grounding
from ..llm import Answer
from ..models import SummaryDraft, SummarySentence
from ..settings import Settings
from .base import ChainRun, Step, score_sentences, stand_in_warning, with_antecedents


class SummaryChain:
    """The lead sentence and the most check-worthy ones, each rewritten as a neutral sentence."""

    name: ClassVar[str] = "summary"

    def __init__(self, article: Article, settings: Settings) -> None:
        self.article = article
        self.count = settings.summary_sentences

    def plan(self) -> list[Step]:
        prose = [s for s in self.article.sentences if not s.heading]
        if not prose:
            return []
        scores = score_sentences(self.article)
        ranked = sorted(prose[1:], key=lambda s: -scores[s.id].score)
        chosen = sorted([prose[0], *ranked[: self.count - 1]], key=lambda s: s.start)
        return [Step(self.name, s.id, s, SummaryDraft) for s in chosen]

    def check(self, article: Article, step: Step, draft: SummaryDraft) -> list[str]:
        cited = with_antecedents(draft.sentence, step.sentence, article)
        return (
            grounding.check_content("the sentence", draft.sentence, cited, article.published)
            + grounding.check_restates("the sentence", draft.sentence, cited)
            + grounding.check_attribution("the sentence", draft.sentence, [step.sentence])
            + grounding.check_loaded_words("the sentence", draft.sentence, article.text)
            + grounding.check_verdict("the sentence", draft.sentence, cited)
        )

    def assemble(self, answered: list[tuple[Step, Answer]]) -> ChainRun:
        run = ChainRun()
        for step, answer in answered:
            if answer.value is not None:
                cited = with_antecedents(answer.value.sentence, step.sentence, self.article)
                run.items.append(SummarySentence(text=answer.value.sentence, sources=[s.id for s in cited]))
            else:
                run.items.append(SummarySentence(text=step.sentence.text, sources=[step.sentence.id], origin="extractive"))
                run.warnings.append(stand_in_warning("extractive-summary", step, answer, "kept the article's sentence"))
        return run

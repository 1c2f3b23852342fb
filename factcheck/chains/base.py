"""What every chain is: a plan of small steps, a check of each answer, an assembly of the items.

A chain never calls the model: the pipeline asks every step (factcheck/pipeline.py), passes each
answer through the chain's `check` (a rejected answer is re-asked with the problems), then hands
the answered steps back to `assemble`, where code stands in for an answer that kept failing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar, Protocol

from pydantic import BaseModel

from ..article import Article, Sentence
from ..checks import grounding
from ..checkworthiness import Score, load_scorer
from ..dates import Timex
from ..llm import Answer
from ..models import ReportWarning, Usage
from ..settings import Settings


@dataclass
class Step:
    """One question to the model about one sentence."""

    chain: str
    key: str
    sentence: Sentence
    draft: type[BaseModel]
    part: str | None = None  # the clause (claims) or date words (timeline) the step is about
    timex: Timex | None = None
    outlet_voice: bool = False  # a clause the outlet states itself, whoever speaks in the sentence
    prompt: str | None = None  # the prompt file, when not the chain's own


@dataclass
class ChainRun:
    """What one chain produced, and what it cost."""

    items: list[Any] = field(default_factory=list)
    warnings: list[ReportWarning] = field(default_factory=list)
    usage: Usage = field(default_factory=Usage)


class Chain(Protocol):
    """One part of the report. Built per article: `Chain(article, settings)`."""

    name: ClassVar[str]

    def __init__(self, article: Article, settings: Settings) -> None: ...

    def plan(self) -> list[Step]:
        """The steps to ask, chosen by code."""
        ...

    def check(self, article: Article, step: Step, draft: Any) -> list[str]:
        """The problems of one answer against the whole `article` (empty when it is accepted)."""
        ...

    def assemble(self, answered: list[tuple[Step, Answer]]) -> ChainRun:
        """The items, from every step and its final answer (accepted, or None and its problems)."""
        ...


def score_sentences(article: Article) -> dict[str, Score]:
    scores = load_scorer().score([s.text for s in article.sentences])
    return {s.id: score for s, score in zip(article.sentences, scores)}


def with_antecedents(text: str, sentence: Sentence, article: Article) -> list[Sentence]:
    """The sentence, after the earlier ones that name who `text` names and it does not."""
    return [*grounding.antecedents(text, sentence, article), sentence]


def stand_in_warning(code: str, step: Step, answer: Answer, action: str) -> ReportWarning:
    why = "; ".join(answer.problems[:3]) or "no answer"
    return ReportWarning(code=code, message=f"{step.key}: {action}: the model's answer failed its checks: {why}", item=step.key)

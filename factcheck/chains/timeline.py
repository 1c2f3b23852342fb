"""The timeline chain: every date the article's prose states, found and resolved by code; the
model says what happens then; the article's sentence stands in for an answer that fails."""

from __future__ import annotations

import bisect
import datetime as dt
from typing import ClassVar

from ..article import Article, Sentence
from ..checks import grounding
from ..checks.events import check_event_says_something
from ..dates import Timex, tag, to_interval
from ..llm import Answer
from ..models import EventDraft, ReportWarning, TimelineEvent
from ..settings import Settings
from .base import ChainRun, Step, stand_in_warning, with_antecedents


class TimelineChain:
    """Every date the article states, resolved by code; the model says what happens then."""

    name: ClassVar[str] = "timeline"

    def __init__(self, article: Article, settings: Settings) -> None:
        self.article = article
        self.limit = settings.max_events
        self.skipped = 0

    def plan(self) -> list[Step]:
        dated = dated_sentences(self.article)
        self.skipped = max(0, len(dated) - self.limit)
        return [
            Step(self.name, f"E{n}", sentence, EventDraft, part=timex.text, timex=timex)
            for n, (timex, sentence) in enumerate(dated[: self.limit], start=1)
        ]

    def check(self, article: Article, step: Step, draft: EventDraft) -> list[str]:
        cited = with_antecedents(draft.event, step.sentence, article)
        return (
            check_event_says_something(draft.event, step.part or "")
            + grounding.check_content("the event", draft.event, cited, article.published)
            + grounding.check_restates("the event", draft.event, cited, min_words=2)
            + grounding.check_verdict("the event", draft.event, cited)
        )

    def assemble(self, answered: list[tuple[Step, Answer]]) -> ChainRun:
        run = ChainRun()
        if self.article.published is None:
            run.warnings.append(
                ReportWarning(
                    code="no-publication-date",
                    message="the article has no publication date (give --published): relative dates such as "
                    "'on Tuesday' could not be resolved",
                )
            )
        if self.skipped:
            run.warnings.append(
                ReportWarning(
                    code="timeline-truncated",
                    message=f"the timeline keeps the first {self.limit} dates; {self.skipped} later ones were not examined",
                )
            )
        for step, answer in answered:
            assert step.timex is not None
            start, end, precision = to_interval(step.timex.value, step.timex.value_end)
            if answer.value is not None:
                event, origin = answer.value.event, "model"
                cited = with_antecedents(event, step.sentence, self.article)
            else:
                event, origin, cited = step.sentence.text, "extractive", [step.sentence]
                run.warnings.append(stand_in_warning("extractive-event", step, answer, "kept the article's sentence"))
            if start is None and self.article.published is not None:
                run.warnings.append(
                    ReportWarning(
                        code="unresolved-date",
                        message=f"could not resolve {step.timex.text!r} ({step.timex.value}) to a calendar date",
                        item=step.sentence.id,
                    )
                )
            run.items.append(
                TimelineEvent(
                    date=start,
                    end=end,
                    precision=precision,
                    when=step.timex.text,
                    event=event,
                    sources=[s.id for s in cited],
                    origin=origin,
                )
            )
        run.items.sort(key=lambda e: (e.date is None, e.date or dt.date.max, e.end or dt.date.max))
        return run


def dated_sentences(article: Article) -> list[tuple[Timex, Sentence]]:
    """Each date or time expression of the article's prose, with the sentence it stands in."""
    found = []
    prose = [s for s in article.sentences if not s.heading]
    starts = [s.start for s in prose]  # a bisection per date, not a scan: a scan was 7 s of 10,000 sentences
    for timex in tag(article.text, article.published):
        # Durations and sets are not points on a calendar; "now" and "recently" (PRESENT_REF,
        # PAST_REF) date nothing a timeline can place.
        if timex.type not in ("DATE", "TIME") or timex.value.endswith("_REF"):
            continue
        index = bisect.bisect_right(starts, timex.start) - 1
        if index >= 0 and timex.start < prose[index].end:
            found.append((timex, prose[index]))
    return found

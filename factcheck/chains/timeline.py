"""The timeline chain: every sentence whose main clause a date governs, the date found and resolved
by code (a date in a side phrase, "ahead of the summit on May 14-15", dates nothing here).

The event is the article's sentence with its other side phrases dropped (factcheck/syntax.py): on
the bundled model always, since a 135M model cannot describe an event faithfully; a capable model
says what happens then, behind the faithfulness checker, and the compression stands in for an
answer that keeps failing."""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
from typing import ClassVar

from ..article import Article, Sentence, with_one_stop
from .. import faithfulness
from ..attribution import standalone_variants
from ..checks import grounding
from ..checks.events import check_event_says_something
from ..dates import Timex, tag, to_interval
from ..llm import Answer
from ..models import EventDraft, ReportWarning, TimelineEvent
from ..settings import Settings
from ..syntax import compress, dated_noun_phrase, dated_side_clause, deletable_spans, governing_date, governing_dates
from .base import ChainRun, Step, stand_in_warning, with_antecedents


class TimelineChain:
    """Every date the article states, resolved by code; the model says what happens then."""

    name: ClassVar[str] = "timeline"

    def __init__(self, article: Article, settings: Settings) -> None:
        self.article = article
        self.limit = settings.max_events
        self.describes = settings.resolved_provider != "local"
        self.skipped = 0
        self.events: list[Step] = []
        self.things: dict[str, str] = {}  # step key -> the dated noun phrase that is the event

    def plan(self) -> list[Step]:
        dated = timeline_events(self.article)
        self.skipped = max(0, len(dated) - self.limit)
        self.events = [
            Step(self.name, f"E{n}", ev.sentence, EventDraft, part=ev.timex.text, timex=ev.timex)
            for n, ev in enumerate(dated[: self.limit], start=1)
        ]
        self.things = {step.key: ev.thing for step, ev in zip(self.events, dated) if ev.thing is not None}
        # A dated thing is the article's own phrase: nothing to ask.
        return [step for step in self.events if step.key not in self.things] if self.describes else []

    def check(self, article: Article, step: Step, draft: EventDraft) -> list[str]:
        cited = with_antecedents(draft.event, step.sentence, article)
        return (
            [str(p) for p in faithfulness.check(draft.event, [s.text for s in cited], context=article.text)]
            + check_event_says_something(draft.event, step.part or "")
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
        answers = {step.key: answer for step, answer in answered}
        for step in self.events:
            answer = answers.get(step.key)
            assert step.timex is not None
            start, end, precision = to_interval(step.timex.value, step.timex.value_end)
            if step.key in self.things:
                event, cited = standalone_event(self.things[step.key], step.sentence, self.article)
                origin = "compression"
            elif answer is not None and answer.value is not None:
                event, origin = answer.value.event, "model"
                cited = with_antecedents(event, step.sentence, self.article)
            else:
                event, cited = standalone_event(event_clause(step.sentence, step.timex), step.sentence, self.article)
                origin = "compression"
                if answer is not None:
                    run.warnings.append(stand_in_warning("compressed-event", step, answer, "kept the article's sentence, shortened"))
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


@dataclasses.dataclass(frozen=True)
class DatedEvent:
    """One event of the timeline: its date (offsets into the article), its sentence, the text code
    composed for it when that is not the sentence's own clause (`thing`), and where in the article
    the words that name the event stand (`anchors`: the verb or nouns the date dates)."""

    timex: Timex
    sentence: Sentence
    thing: str | None
    anchors: tuple[tuple[int, int], ...]

    @property
    def event(self) -> str:
        """What the timeline shows without a model: the composed text, or the sentence's clause."""
        return self.thing if self.thing is not None else event_clause(self.sentence, self.timex)


def timeline_events(article: Article) -> list[DatedEvent]:
    """The dated events of the article's prose: each sentence whose main clause a date governs,
    with that date; each side clause a date governs ("the accord, signed Monday, ..."), told as a
    sentence of its own; and each thing a side phrase dates ("ahead of the summit on June 3"), with
    its noun phrase. The same date is not an event twice in one sentence."""
    found = governed_sentences(article)
    governed = {(e.sentence.id, e.timex.value) for e in found}
    for timex, sentence in dated_sentences(article):
        if (sentence.id, timex.value) in governed:
            continue
        local = _shift(timex, -sentence.start)
        side = dated_side_clause(sentence.text, local)
        if side is not None and (side[2] or _past(timex, article)):
            event, verb, _ = side
            at = (sentence.start + verb.idx, sentence.start + verb.idx + len(verb))
        elif (span := dated_noun_phrase(sentence.text, local)) is not None:
            phrase = sentence.text[span[0] : span[1]]
            event = with_one_stop(phrase[:1].upper() + phrase[1:])  # a timeline line, stopped like the others
            at = (sentence.start + span[0], sentence.start + span[1])
        else:
            continue
        # Only a phrase that says what its sentence says is an event: "the coast of Florida in late
        # November" cut from "Found clinging to ... off the coast of Florida in late November" is not.
        if not faithfulness.check(event, [sentence.text], published=article.published):
            found.append(DatedEvent(timex, sentence, event, (at,)))
            governed.add((sentence.id, timex.value))
    return sorted(found, key=lambda e: e.timex.start)


def _past(timex: Timex, article: Article) -> bool:
    """The date has begun by publication: a participle, which has no tense, can be told as past
    ("the accord, signed Monday," -> "The accord was signed Monday.")."""
    start, _, _ = to_interval(timex.value, timex.value_end)
    return start is not None and article.published is not None and start <= article.published


def governed_sentences(article: Article) -> list[DatedEvent]:
    """Each sentence whose main clause a date governs, with that date: one event per sentence."""
    by_sentence: dict[str, list[Timex]] = {}
    sentences: dict[str, Sentence] = {}
    for timex, sentence in dated_sentences(article):
        by_sentence.setdefault(sentence.id, []).append(timex)
        sentences[sentence.id] = sentence
    found = []
    for sid, timexes in by_sentence.items():
        sentence = sentences[sid]
        local = {_shift(t, -sentence.start): t for t in timexes}  # offsets into the sentence
        governing = governing_date(sentence.text, list(local))
        if governing is not None:
            verbs = [v for t, v in governing_dates(sentence.text, [governing])]
            anchors = tuple((sentence.start + v.idx, sentence.start + v.idx + len(v)) for v in verbs)
            found.append(DatedEvent(local[governing], sentence, None, anchors))
    return found


def event_clause(sentence: Sentence, timex: Timex) -> str:
    """The sentence without the side phrases that do not hold its date: a whole clause."""
    spans = deletable_spans(sentence.text)
    at = timex.start - sentence.start
    return compress(sentence.text, {s.id for s in spans if not s.start <= at < s.end}, spans)


def standalone_event(event: str, sentence: Sentence, article: Article) -> tuple[str, list[Sentence]]:
    """The event as it reads alone ("She resigned" -> "Ann Lee resigned"), with the sentences it
    cites: its referents put in as for a claim (factcheck/attribution.py), the first rewrite the
    faithfulness checker accepts; the event as it was when none is."""
    index = article.sentences.index(sentence)
    previous = article.sentences[:index]
    for variant in standalone_variants(event, sentence.text, [s.text for s in previous], whole=False):
        if variant.text == event or not variant.inserted:
            break
        cited = sorted({*(previous[i] for i in variant.cited), sentence}, key=lambda s: s.start)
        if not faithfulness.check(variant.text, [s.text for s in cited], published=article.published):
            return variant.text, cited
    return event, [sentence]


def _shift(timex: Timex, by: int) -> Timex:
    return dataclasses.replace(timex, start=timex.start + by, end=timex.end + by, ends=None)


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

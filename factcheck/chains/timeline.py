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
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from ..article import Article, Sentence, as_quoted_in, open_at_start, unclosed_quotations, with_one_stop
from .. import faithfulness
from ..attribution import _speech_lemmas, reporting_frame
from ..referents import _nominalises, dangling, shared_frame as _shared_frame, standalone_variants, unspoken_first_person
from ..checks import grounding
from ..checks.events import check_event_says_something
from ..dates import Timex, periods_ended, tag, timex_interval, to_interval
from ..llm import Answer
from ..models import EventDraft, ReportWarning, TimelineEvent
from ..settings import Settings
from ..nlp import parse
from ..syntax import Span, compress, dated_noun_phrase, dated_side_clause, ends_a_stretch_from_now, governing_date, governing_dates, without_leading_connective
# The parse helpers the timeline's own readings share with syntax.py (one definition of a spine, a
# subject, an event noun).
from ..syntax import _REPORTING, _dates_a_baseline, _report_governs, _premodified, _governor, _names_a_figure, _names_an_event, _noun_before, _noun_phrase, _root, _spine, _subject_of
from .base import ChainRun, Step, stand_in_warning, with_antecedents
from ..transcripts import about_the_broadcast, is_transcript, unshowable, written
from .shortening import droppable_spans, without_leading_concession

if TYPE_CHECKING:
    from spacy.tokens import Token


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
        # Not a sentence of a quotation the article never closes: where the quoted words end is unknown.
        unclosed = unclosed_quotations(self.article)
        # Nor speech as said that only a misquote could tidy, nor a transcript's talk about the broadcast
        # ("At the end of the broadcast this evening, ...": factcheck/transcripts.py).
        inside = open_at_start(self.article)
        transcript = is_transcript([s.text for s in self.article.sentences])
        dated = [ev for ev in timeline_events(self.article) if ev.sentence.id not in unclosed and not unshowable(ev.sentence.text, ev.sentence.id in inside)
                 and not (transcript and about_the_broadcast(ev.sentence.text))]
        dated = without_retold_events(without_retold_changes(dated), self.article)
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
        inside = open_at_start(self.article)
        for step in self.events:
            answer = answers.get(step.key)
            assert step.timex is not None
            start, end, precision = timex_interval(step.timex)
            if step.key in self.things:
                event, cited = standalone_event(self.things[step.key], step.sentence, self.article)
                origin = "compression"
            elif answer is not None and answer.value is not None:
                event, origin = answer.value.event, "model"
                cited = with_antecedents(event, step.sentence, self.article)
            else:
                before = [s.text for s in self.article.sentences[: self.article.sentences.index(step.sentence)]]
                event, cited = next_best_event(event_clause(step.sentence, step.timex, before), step, self.article, before)
                origin = "compression"
                if answer is not None:
                    run.warnings.append(stand_in_warning("compressed-event", step, answer, "kept the article's sentence, shortened"))
            if origin == "compression":
                event = written(event)  # a transcript's "uh", "of, of": never shown (factcheck/transcripts.py)
            index = self.article.sentences.index(step.sentence)
            # No speaker stands beside an event: its own "we" must say whose (`unspoken_first_person`).
            if left := dangling(event, False, [s.text for s in self.article.sentences[:index]]) or unspoken_first_person(event):
                # "The two men were freed Friday": an event the reader cannot place is dropped, as a claim is.
                run.warnings.append(ReportWarning(
                    code="dropped-event", item=step.key,
                    message=f"{step.key}: dropped: it does not say what {', '.join(repr(w) for w in left[:2])} refers to",
                ))
                continue
            if origin == "compression" and (problems := faithfulness.check(event, [s.text for s in cited], published=self.article.published)):
                # Code's own text answers to the checker as a model's does: an event that states what its
                # sentences do not (an attribution or a hedge lost, a garbled cut) is not shown.
                run.warnings.append(ReportWarning(
                    code="dropped-event", item=step.key,
                    message=f"{step.key}: dropped: the shortened sentence fails the faithfulness check: {problems[0]}",
                ))
                continue
            if start is None and (self.article.published is not None or step.timex.fiscal):
                run.warnings.append(
                    ReportWarning(
                        code="unresolved-date",
                        message=f"{step.timex.text!r} is a fiscal period: the article does not say which calendar months it covers"
                        if step.timex.fiscal else f"could not resolve {step.timex.text!r} ({step.timex.value}) to a calendar date",
                        item=step.sentence.id,
                    )
                )
            if origin == "compression" and step.key not in self.things:
                # The sentence's own words, from a quotation that runs over several sentences: its
                # marks as the quotation reads, else a speaker's words read as the article's.
                event = as_quoted_in(self.article, event, step.sentence, step.sentence.id in inside)
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
    with that date (and each conjoined clause with a date of its own, told on its own); each side
    clause a date governs ("the accord, signed Monday, ..."), told as a sentence of its own; and each
    thing a side phrase dates ("after Friday's bombings of two embassies"), told as a clause ("The
    bombings of two embassies were Friday."). The same date is not an event twice in one sentence,
    nor the same words two events."""
    found = governed_sentences(article)
    governed = {(e.sentence.id, e.timex.value) for e in found}
    said = {(e.sentence.id, e.event) for e in found}
    for timex, sentence in dated_sentences(article):
        if (sentence.id, timex.value) in governed:
            continue
        local = _shift(timex, -sentence.start)
        side = dated_side_clause(sentence.text, local)
        if side is not None and (side[2] or _past(timex, article)):
            event, verb, _ = side
            event = _without_other_dates(sentence.text, local, verb, event)
            if event is not None and not (_stands_alone(event) and _names_a_participant(event)):
                continue
            at = (sentence.start + verb.idx, sentence.start + verb.idx + len(verb))
        elif (span := dated_noun_phrase(sentence.text, local)) is not None:
            event = _thing_clause(sentence.text, span, local, _tense_of(timex, sentence, article))
            at = (sentence.start + span[0], sentence.start + span[1])
        else:
            continue
        # Only a clause that says what its sentence says, with the date it is dated by, is an event:
        # "the coast of Florida in late November" cut from "Found clinging to ... off the coast of
        # Florida in late November" is not; nor a clause whose date the parse left outside it.
        if event is None or (sentence.id, event) in said or ";" in event or \
                not (timex.text in event or timex.text[:1].lower() + timex.text[1:] in event):
            continue
        # "..., police said": who says so goes with what they say, whether or not the checker
        # would miss it (a thing the report presupposes is reported too).
        event = _attributed(event, sentence.text, at[0] - sentence.start)
        if event is not None and not faithfulness.check(event, [sentence.text], published=article.published):
            found.append(DatedEvent(timex, sentence, event, (at,)))
            governed.add((sentence.id, timex.value))
            said.add((sentence.id, event))
    return sorted((_since_then(e, article) for e in found), key=lambda e: e.timex.start)


_SINCE = re.compile(r"\b[Ss]ince\s+$")


def _since_then(event: DatedEvent, article: Article) -> DatedEvent:
    """An event dated "since 1983" ("Since 1983, X has shed 70 businesses") is the stretch from then
    to publication, told with its "since": not a thing of 1983."""
    timex = event.timex
    m = _SINCE.search(article.text, max(0, timex.start - 8), timex.start)
    if m is None or article.published is None or timex.value_end is not None or timex.fiscal:
        return event
    start, _, _ = to_interval(timex.value)
    if start is None or start > article.published:
        return event
    since = dataclasses.replace(timex, text=article.text[m.start():timex.end], start=m.start(),
                                value_end=article.published.isoformat(), ends=None, mod=None, alternative=None)
    return dataclasses.replace(event, timex=since)


def _stands_alone(clause: str) -> bool:
    """A clause code composed names who or what it is about: its subject is not a pronoun ("Its
    record high was set"), a demonstrative ("That market had"), nor a definite noun phrase with no
    name anywhere in the clause ("The accord was announced Friday": which accord?)."""
    doc = parse(clause)
    root = _root(doc)
    subject = _subject_of(root) if root is not None else None
    if subject is None:
        return True
    first = next(iter(subject.subtree))
    if subject.tag_ in ("PRP", "PRP$") or first.tag_ == "PRP$" or first.lower_ in ("this", "that", "these", "those", "it", "its"):
        return False
    named = any((t.pos_ == "PROPN" and t.ent_type_ not in ("DATE", "TIME"))
                or t.ent_type_ not in ("", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY") for t in doc)
    return named or first.lower_ != "the"


_AMOUNT = re.compile(r"[$£€#]\s?(\d[\d,]*(?:\.\d+)?)(?:\s*(million|billion|trillion)\b)?", re.I)
_PERCENT = re.compile(r"(\d+(?:\.(\d+))?)\s?(?:%|percent\b)", re.I)


def without_retold_changes(events: Sequence[DatedEvent]) -> list[DatedEvent]:
    """The events, less each that tells again, as a percentage, a change another event of the same
    named subject tells by its two values ("Delta's earnings soared 33%" beside "Delta posted net
    income of $133.1 million, up from $100 million": 133.1 / 100 is +33%), at the same date or where
    one has none: one happening, told twice. The one with the values is kept, it says more."""
    dropped: set[int] = set()
    told: dict[int, str] = {}

    def text(event: DatedEvent) -> str:  # an event's text is a compression: made once
        if id(event) not in told:
            told[id(event)] = event.event
        return told[id(event)]

    for a in events:
        if not _PERCENT.search(a.sentence.text):
            continue
        for b in events:
            if a is b or id(b) in dropped or a.sentence.id == b.sentence.id or not _AMOUNT.search(b.sentence.text):
                continue
            if _same_when(a, b) and _change_as_values(text(a), text(b)) and _shared_subject_name(text(a), text(b)):
                dropped.add(id(a))
                break
    return [e for e in events if id(e) not in dropped]


def without_retold_events(events: Sequence[DatedEvent], article: Article) -> list[DatedEvent]:
    """The events, less each that tells again what an earlier sentence's event told: the same act
    by the same actor at the same date ("X called Y a liar Thursday" and later "X on Thursday called
    Y 'a liar' again"; "X proposed linking A with B yesterday" and later "his proposal, linking A with
    B, was made yesterday"). One happening, told twice: the first telling stays, in article order,
    unless only the later names its actor ("The two presidents signed the plan Friday" before
    "Presidents A and B signed the plan Friday"): the first could not stand alone."""
    retold = {id(later) for _, later in retold_pairs(events, article)}
    return [e for e in events if id(e) not in retold]


def retold_pairs(events: Sequence[DatedEvent], article: Article) -> list[tuple[DatedEvent, DatedEvent]]:
    """Each (kept, retold) pair of events of two sentences that `without_retold_events` reads as one
    happening. The same act: one verb's lemma, or a verb and the noun derived from it ("proposed" -
    "proposal"), not a report's (two things one person said one day are two claims). The same actor:
    a name in both subjects (or the noun's owner), a pronoun whose nearest named subject before it
    is that name, or one definite common noun ("the company"). The same date, to the same precision.
    What the act is done to must agree: when both say it, a content word in common and the same
    figures ("rose 5%" and "rose 3%" are two), and neither negated where the other is not."""
    acts = [(e, _act_of(e, article)) for e in sorted(events, key=lambda e: e.sentence.start)]
    pairs: list[tuple[DatedEvent, DatedEvent]] = []
    dropped: set[int] = set()
    for n, (later, mine) in enumerate(acts):
        if mine is None:
            continue
        for first, theirs in acts[:n]:
            if theirs is None or id(first) in dropped or first.sentence.id == later.sentence.id:
                continue
            if mine.when == theirs.when and _same_act(mine.act, theirs.act) and mine.negated == theirs.negated \
                    and _same_actor(mine.actor, theirs.actor) and _same_object(mine, theirs):
                if mine.actor[3] and not theirs.actor[3]:
                    pairs.append((later, first))
                    dropped.add(id(first))
                else:
                    pairs.append((first, later))
                    dropped.add(id(later))
                break
    return pairs


@dataclasses.dataclass(frozen=True)
class _Act:
    act: tuple[str, str]  # (lemma, "VERB" | "NOUN")
    actor: tuple[frozenset[str], str, frozenset[str], bool]  # names, the head's lemma when a common noun, the phrase's lemmas, named in the phrase itself
    patient: str  # the head of what the act is done to, or ""
    content: frozenset[str]  # content lemmas of what the act is done to
    figures: frozenset[str]
    negated: bool
    when: tuple


# Verbs that only carry a noun that names the act ("made a proposal", "the proposal was made").
_LIGHT_VERBS = frozenset("make take give hold carry".split())
_CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM"})
_ACTOR_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE", "FAC", "LOC"})
_CORE = frozenset({"dobj", "dative", "attr", "oprd", "xcomp", "ccomp", "acomp", "appos", "acl"})
_PATIENT_ORDER = ("dobj", "xcomp", "attr", "oprd", "ccomp", "appos", "acl", "acomp", "dative", "prep")
_ARGUMENT_PREPOSITIONS = frozenset({"with", "against", "into", "for", "on", "to", "over", "of"})


def _act_of(event: DatedEvent, article: Article) -> _Act | None:
    """What `retold_pairs` compares of an event: the act its date dates (the anchor verb, the noun a
    light verb carries, a dated noun, or what a report reports), who does it, to what, with which
    figures, negated or not, and the date as the timeline shows it; None when the date does not
    resolve or the actor cannot be told (a bare noun, "a man", "officials")."""
    start, end, precision = timex_interval(event.timex)
    if start is None or not event.anchors:
        return None
    doc = parse(event.sentence.text)
    at, to = event.anchors[0][0] - event.sentence.start, event.anchors[0][1] - event.sentence.start
    inside = [t for t in doc if at <= t.idx < to]
    word = next((t for t in inside if not at <= t.head.idx < to or t.head == t), None)
    if word is None:
        return None
    if word.pos_ in ("VERB", "AUX"):
        said = next((c for c in word.children if c.dep_ == "ccomp"), None)
        if word.lemma_.lower() in _speech_lemmas() and said is not None:
            # "said Thursday that ...": what is said is the act; two things one person said one day are
            # two, one thing said twice ("disclosed Tuesday that A", later "said Tuesday A") is one
            subject = _subject_of(word)
            actor = _actor(subject, event.sentence, article) if subject is not None else None
            if actor is None:
                return None
            content = frozenset(t.lemma_.lower() for t in said.subtree if t.pos_ in _CONTENT_POS and not t.is_stop)
            figures = frozenset(t.text for t in said.subtree if t.like_num or t.pos_ == "NUM")
            return _Act(("", "REPORT"), actor, "", content, figures, any(c.dep_ == "neg" for c in word.children), (start, end, precision))
        # "the proposal was made", "made a proposal": the noun is the act (it must still be the noun of
        # the other telling's verb, `_same_act`)
        carried = next((c for c in word.children if c.dep_ in ("nsubjpass", "dobj") and c.pos_ == "NOUN"), None) \
            if word.lemma_.lower() in _LIGHT_VERBS else None
        if carried is not None:
            head, kind = carried, "NOUN"
            owner = next((c for c in carried.children if c.dep_ == "poss"), None)
            agent = next((o for c in word.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"), None)
            subject = owner or agent or (_subject_of(word) if carried.dep_ == "dobj" else None)
        else:
            head, kind = word, "VERB"
            subject, up = _subject_of(word), word
            while subject is None and up.dep_ in ("conj", "xcomp") and up.head != up:
                up = up.head
                subject = _subject_of(up)
    elif word.pos_ in ("NOUN", "PROPN"):
        head, kind = word, "NOUN"
        subject = next((c for c in word.children if c.dep_ == "poss"), None) or \
            next((o for c in word.children if c.dep_ == "prep" and c.lower_ == "by" for o in c.children if o.dep_ == "pobj"), None)
    else:
        return None
    if subject is None:
        return None
    actor = _actor(subject, event.sentence, article)
    if actor is None:
        return None
    dated = {t.i for t in doc if t.ent_type_ in ("DATE", "TIME") or event.timex.start - event.sentence.start <= t.idx < event.timex.end - event.sentence.start}
    skip = {t.i for t in subject.subtree}
    # What the act is done to: its objects and complements; a preposition's object only where there
    # is none of those ("met with X", "voted on X"), never an adjunct of place, manner or cause.
    core = [c for c in head.children if c.dep_ in _CORE]
    if not core:
        # (not a figure's: "dropped to 1462.93" says how far, not what)
        core = [c for c in head.children if c.dep_ == "prep" and c.lower_ in _ARGUMENT_PREPOSITIONS
                and not any(o.dep_ == "pobj" and (o.like_num or o.pos_ == "NUM") for o in c.children)]
    objects = [t for c in core for t in c.subtree if t.i not in dated and t.i not in skip]
    # the main one's head: who or what the act is done to ("called the minister" is not "called the mayor")
    main = min(core, key=lambda c: _PATIENT_ORDER.index(c.dep_) if c.dep_ in _PATIENT_ORDER else len(_PATIENT_ORDER), default=None)
    if main is not None and main.dep_ == "prep":
        main = next((o for o in main.children if o.dep_ == "pobj"), None)
    patient = main.lemma_.lower() if main is not None and main.i not in dated else ""
    if patient and main.head.dep_ == "prep":
        patient = "prep:" + patient  # a preposition's object: compared with another's only (`_same_object`)
    content = frozenset(t.lemma_.lower() for t in objects if t.pos_ in _CONTENT_POS and not t.is_stop)
    # every figure of the act's phrase, an adjunct's too ("rose 5% Monday")
    figures = frozenset(t.text for c in head.children if c.dep_ not in ("nsubj", "nsubjpass", "poss")
                        for t in c.subtree if (t.like_num or t.pos_ == "NUM") and t.i not in dated and t.i not in skip)
    negated = any(c.dep_ == "neg" for c in head.children) or (kind == "NOUN" and head.head.pos_ in ("VERB", "AUX")
                                                               and any(c.dep_ == "neg" for c in head.head.children))
    return _Act((head.lemma_.lower(), kind), actor, patient, content, figures, negated, (start, end, precision))


def _same_act(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """One lemma as one part of speech, or a verb and the noun of its act (referents._nominalises)."""
    if a == b:
        return True
    if a[1] == b[1]:
        return False
    verb, noun = (a[0], b[0]) if a[1] == "VERB" else (b[0], a[0])
    return _nominalises(noun, verb)


def _actor(subject: "Token", sentence: Sentence, article: Article) -> tuple[frozenset[str], str, frozenset[str], bool] | None:
    """Who does it: the names of the subject's phrase and its head when that is a common noun
    ("Acme's stock" is not Acme); for a pronoun, the nearest subject with a name in the sentences
    before; a definite common noun ("the company", "the two presidents") by its lemma; else None."""
    lemmas = frozenset(t.lemma_.lower() for t in subject.subtree)
    head = "" if subject.pos_ == "PROPN" else subject.lemma_.lower()
    # a name the tagger gave no kind ("the DAX") is a name still when it heads the subject
    names = _names_in(subject) or (frozenset(t.text for t in subject.subtree if t.pos_ == "PROPN") if subject.pos_ == "PROPN" else frozenset())
    if names:
        return names, head, lemmas, True
    if subject.tag_ in ("PRP", "PRP$") and subject.lower_ not in ("i", "we", "you", "me", "us", "my", "our", "your"):
        index = article.sentences.index(sentence)
        for before in reversed(article.sentences[:index]):
            root = _root(parse(before.text))
            up = _subject_of(root) if root is not None else None
            if up is not None and (found := _names_in(up)):
                return found, "" if up.pos_ == "PROPN" else up.lemma_.lower(), frozenset(t.lemma_.lower() for t in up.subtree), False
        return None
    if subject.pos_ == "NOUN" and any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an", "some", "another", "any", "no") for c in subject.children):
        return frozenset(), head, lemmas, False
    return None


def _names_in(phrase: "Token") -> frozenset[str]:
    return frozenset(t.text for t in phrase.subtree if t.ent_type_ in _ACTOR_ENTS and t.pos_ == "PROPN")


def _same_actor(a: tuple[frozenset[str], str, frozenset[str], bool], b: tuple[frozenset[str], str, frozenset[str], bool]) -> bool:
    """One name in both and the same head ("Acme" and "Acme Corp.", not "Acme's stock"); a named
    actor and a definite noun its phrase holds ("Presidents A and B", "the two presidents"); or one
    definite common noun."""
    if a[0] and b[0]:
        return bool(a[0] & b[0]) and a[1] == b[1]
    if a[0] or b[0]:
        named, other = (a, b) if a[0] else (b, a)
        return other[1] != "" and other[1] in named[2]
    return a[1] == b[1] != ""


def _same_object(a: _Act, b: _Act) -> bool:
    """Nothing tells the two acts' objects apart: their figures, what is reported, the patient, the
    content words of the complements."""
    if a.figures and b.figures and a.figures != b.figures:
        return False
    if a.act[1] == "REPORT":  # what is reported: most of the shorter's content words in the other
        shorter = min(a.content, b.content, key=len)
        return len(shorter) >= 2 and len(a.content & b.content) >= 0.6 * len(shorter)
    if a.patient.startswith("prep:") != b.patient.startswith("prep:"):
        # an object beside a preposition's ("dropped 20 points", "dropped on a lack of buying"): one
        # telling says what, the other why or how; the figures decide
        return True
    if a.patient and b.patient and a.patient != b.patient:
        return False
    return not (a.content and b.content) or bool(a.content & b.content)


def _same_when(a: DatedEvent, b: DatedEvent) -> bool:
    first, second = timex_interval(a.timex), timex_interval(b.timex)  # as the timeline shows them
    return first[0] is None or second[0] is None or first[:2] == second[:2]


def _shared_subject_name(a: str, b: str) -> bool:
    """The two clauses' subjects share a proper noun ("Delta Air Lines earnings", "Delta")."""
    def names(text: str) -> set[str]:
        root = _root(parse(text))
        subject = _subject_of(root) if root is not None else None
        return {t.text for t in subject.subtree if t.pos_ == "PROPN"} if subject is not None else set()
    return bool(names(a) & names(b))


def _change_as_values(percent_clause: str, values_clause: str) -> bool:
    """`percent_clause` states a change in percent that two amounts of `values_clause` of the same
    scale ("$133.1 million ... from $100 million") make, to the rounding of the percentage."""
    # a whole percentage is rounded to the point, "4.3%" to the tenth
    percents = [(float(m.group(1)), 0.5 / 10 ** len(m.group(2) or "")) for m in _PERCENT.finditer(percent_clause)]
    if not percents or _PERCENT.search(values_clause):
        return False
    by_scale: dict[str, list[float]] = {}
    for m in _AMOUNT.finditer(values_clause):
        by_scale.setdefault((m.group(2) or "").lower(), []).append(float(m.group(1).replace(",", "")))
    for amounts in by_scale.values():
        if len(amounts) >= 2 and amounts[1]:
            change = abs(amounts[0] / amounts[1] - 1) * 100
            if any(abs(change - p) <= tolerance + 1e-9 for p, tolerance in percents):
                return True
    return False


def _names_a_participant(clause: str) -> bool:
    """A clause code composed from a side clause says who or what takes part: a name, or an object,
    an agent or a complement beside its subject. "Products were introduced in April" (from "products
    introduced in April") and "A strike began last spring" (from "a strike that began ...") say only
    that something unnamed happened then: whose products, whose strike stayed in the sentence."""
    doc = parse(clause)
    root = _root(doc)
    if root is None:
        return True
    if any((t.pos_ == "PROPN" and t.ent_type_ not in ("DATE", "TIME"))
           or t.ent_type_ not in ("", "DATE", "TIME", "ORDINAL") for t in doc):
        return True
    subject = _subject_of(root)
    if subject is None or any(t.dep_ == "poss" or t.lower_ == "the" for t in subject.subtree):
        return True  # a definite subject: _stands_alone's to judge
    dated = {t.i for t in doc if t.ent_type_ in ("DATE", "TIME")}
    for child in root.children:
        if child.dep_ in ("dobj", "agent", "attr", "dative", "oprd", "ccomp", "xcomp", "acomp"):
            return True
        if child.dep_ == "prep" and any(o.dep_ == "pobj" and o.i not in dated and o.pos_ in ("NOUN", "PROPN", "PRON") for o in child.children):
            return True
    return False


def _attributed(event: str, text: str, offset: int) -> str | None:
    """`event` (drawn from the words at `offset` of the sentence `text`) with the attribution that
    governs those words written after it ("..., police said", "..., according to the Daily Planet"),
    unless the event holds it already; the event unchanged when the words are the writer's own; None
    under a negated report ("X did not say A"). A pronoun speaker ("..., he said") is written as the
    article has it: the event's referents are resolved, or the event dropped, as any event's are."""
    frame = reporting_frame(text, offset)
    if frame is None:
        return event
    who, cue = frame
    if cue == "according to":
        if re.search(r"\baccording to\b", event, re.I):
            return event
    elif re.search(rf"\b{re.escape(who)}\b.*\b{re.escape(cue)}\b|\b{re.escape(cue)}\b.*\b{re.escape(who)}\b", event, re.I):
        return event  # the event is the report's own clause: it holds its attribution already
    if re.search(r"\b(?:not|never)\b|n[’']t\b", cue):
        return None  # "X did not say A": A is no event of X's, nor the writer's
    first = parse(who)[0]
    if first.pos_ != "PROPN" and not first.ent_type_ and first.text != "I":  # "Officials said" -> ", officials said"
        who = who[:1].lower() + who[1:]  # "the newspaper said", but "Israeli Prime Minister X says"
    tail = f"according to {who}" if cue == "according to" else f"{who} {cue}"
    body = event.rstrip()
    stop = body[-1] if body and body[-1] in ".!?" else "."
    return f"{body.rstrip('.!?').rstrip(' ,')}, {tail}{stop}"


_BARE_MONTH = re.compile(r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
                         r"|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)")


def _a_past_month(timex: Timex, local: Timex, verbs: Sequence["Token"], published: dt.date | None) -> Timex:
    """`timex` a year back when it is a month named alone a month or two after publication ("in
    December" in a November story), that the parse hangs through "in" or "during" straight on
    verbs in the simple past ("Exports fell in December"): a month not yet begun cannot be when a
    past thing happened, so it is last year's. The tagger reads "the nearest December" (it has no
    parse to tell "fell in December" from "were set to resume in December")."""
    if published is None or not verbs or not _BARE_MONTH.fullmatch(local.text) or local.value_end is not None:
        return timex
    m = re.fullmatch(r"(\d{4})-(\d{2})", timex.value)
    if m is None or not ((int(m.group(1)), int(m.group(2))) > (published.year, published.month)):
        return timex
    ahead = (int(m.group(1)) - published.year) * 12 + int(m.group(2)) - published.month
    doc = verbs[0].doc
    first = next((t for t in doc if t.idx >= local.start), None)
    if ahead > 2 or first is None or first.dep_ != "pobj" or first.head.lower_ not in ("in", "during"):
        return timex
    simple_past = all(v.tag_ == "VBD" and not any(c.dep_ in ("aux", "auxpass") for c in v.children) for v in verbs)
    if not simple_past or first.head.head not in verbs:
        return timex
    return dataclasses.replace(timex, value=f"{int(m.group(1)) - 1:04d}-{m.group(2)}")


def _tense_of(timex: Timex, sentence: Sentence, article: Article) -> str:
    """'past' or 'present' for a clause code writes about a dated thing: past when its date is over
    by publication, present when it is to come; on the publication day, the tense of the sentence."""
    start, end, _ = to_interval(timex.value, timex.value_end)
    if start is not None and article.published is not None:
        if (end or start) < article.published:
            return "past"
        if start > article.published:
            return "present"
    # The day of publication: a thing of today is over unless the sentence looks ahead ("will").
    ahead = any(t.tag_ == "MD" and t.lower_ in ("will", "shall", "'ll", "wo") for t in parse(sentence.text))
    return "present" if ahead else "past"


def _past(timex: Timex, article: Article) -> bool:
    """The date has begun by publication: a participle, which has no tense, can be told as past
    ("the accord, signed Monday," -> "The accord was signed Monday.")."""
    start, _, _ = to_interval(timex.value, timex.value_end)
    return start is not None and article.published is not None and start <= article.published


def governed_sentences(article: Article) -> list[DatedEvent]:
    """Each sentence whose main clause a date governs, with that date: one event per sentence, and
    one more for each conjoined clause with a date of its own ("landed on Dec. 2, 1956, and seized
    power on Jan. 1, 1959"), each then told without the other."""
    by_sentence: dict[str, list[Timex]] = {}
    sentences: dict[str, Sentence] = {}
    for timex, sentence in dated_sentences(article):
        by_sentence.setdefault(sentence.id, []).append(timex)
        sentences[sentence.id] = sentence
    found = []
    for sid, timexes in by_sentence.items():
        sentence = sentences[sid]
        local = {_shift(t, -sentence.start): t for t in timexes if not _possessive_after_verb(sentence.text, _shift(t, -sentence.start))}
        pairs = governing_dates(sentence.text, list(local))
        perfect = {t for t, v in pairs if _tense_excludes(t, v, pairs, article.published)
                   or _dates_a_happening_named(t, v, pairs, list(local), article.published)
                   or _dates_a_prospect(t, v)}
        if perfect:  # "said Thursday he has sent a team ... two years ago": the report's date, if any
            pairs = [(t, v) for t, v in pairs if t not in perfect]
        governing = governing_date(sentence.text, [t for t in local if t not in perfect])
        if governing is not None and all(v.lemma_ in _REPORTING for t, v in pairs if t == governing):
            # "The company agreed to sell the unit last month, it said Tuesday": a date of what is
            # reported that the parse hung on a side of it dates the sentence before the report's
            report = next(v for t, v in pairs if t == governing)
            others = [t for t in local if t not in perfect and t != governing and t.value != governing.value]
            content = [(t, v) for t, v in _clause_dates(sentence.text, others, article.published) if report in v.ancestors]
            if content and not _report_governs(content[0][0], content[0][1], governing):
                governing, pairs = content[0][0], [*pairs, *content]
        if governing is None:
            pairs = _clause_dates(sentence.text, list(local), article.published)
            governing = pairs[0][0] if pairs else None
        if governing is None or _tense_disagrees(sentence.text, governing, pairs, article.published):
            continue
        verbs = [v for t, v in pairs if t == governing]
        anchors = tuple((sentence.start + v.idx, sentence.start + v.idx + len(v)) for v in verbs)
        clauses = _conjoined(sentence.text, governing, pairs)
        if clauses is None:
            found.append(DatedEvent(_a_past_month(local[governing], governing, verbs, article.published),
                                    sentence, None, anchors))
            continue
        for timex, verb, text in clauses:
            if faithfulness.check(text, [sentence.text], published=article.published):
                break  # a clause code cannot tell on its own: the sentence stays one event
        else:
            for timex, verb, text in clauses:
                at = ((sentence.start + verb.idx, sentence.start + verb.idx + len(verb)),)
                found.append(DatedEvent(local[timex], sentence, text, at))
            continue
        found.append(DatedEvent(local[governing], sentence, None, anchors))
    return found


def _clause_dates(text: str, timexes: list[Timex], published: dt.date | None) -> list[tuple[Timex, "Token"]]:
    """Dates the parse hung where no date of a clause can be, read as the main clause's: one after
    a participant that names no event ("the two leaders on Friday signed", "diplomats in Geneva on
    Friday finished"), one before the subordinator of a side clause ("put it to a vote next year
    after delegates voted"), and the second date of a side clause that has one already ("honoured
    the men who founded the party decades ago in a rally Saturday": a clause happens at one time)."""
    doc = parse(text)
    root = _root(doc)
    if root is None:
        return []
    spine = _spine(root, simultaneous=True)
    every = [t for t in tag(text, published) if t.type in ("DATE", "TIME")]  # "decades ago" too
    out = []
    for timex in timexes:
        first = next((t for t in doc if t.idx >= timex.start), None)
        if first is None:
            continue
        top = first
        while timex.start <= top.head.idx < timex.end and top.head != top:
            top = top.head
        verb = None
        if top.dep_ == "pobj" and top.head.lower_ == "of" and top.head.head.pos_ in ("NOUN", "PROPN"):
            continue  # "the Reform Act of 2019": a date "of" a noun is part of it, not a participant's time
        if top.dep_ == "pobj" and top.head.dep_ == "prep" and top.head.head.pos_ in ("NOUN", "PROPN"):
            noun = top.head.head
            # "by", "until": a deadline, of what the clause does ("double its flights by August")
            bound = top.head.lower_ in ("by", "until", "till", "before", "after", "since", "from", "to")
            deadline = bound and noun.dep_ == "dobj"
            # "leaders on Friday", not "a proposal for talks on May 15" (what is proposed is dated), nor
            # "announced a drop in profits for the fourth quarter" ("for": the period of what is measured)
            point = not bound and top.head.lower_ != "for" and not (
                _names_an_event(noun) or _names_a_figure(noun) or noun.lemma_.lower() in _IRREALIS)
            # "spoke during a news conference on Sunday": the clause happens during it; "was sent into space
            # on board the Soyuz on May 26": a place or a thing is not dated, the clause is
            reached = noun
            while (point and reached.dep_ == "pobj" and reached.head.lower_ != "of" and reached.head.head.pos_ in ("NOUN", "PROPN")
                   and not (_names_an_event(reached.head.head) or _names_a_figure(reached.head.head))):
                reached = reached.head.head  # "to the station on board the Soyuz on May 26": the station's clause
            during = (not bound and reached.dep_ == "pobj" and reached.head.head.i in spine
                      and reached.head.head.pos_ in ("VERB", "AUX") and noun.lemma_.lower() not in _IRREALIS | _UNDONE
                      and (noun.head.lower_ in ("during", "at") or (point and reached.head.lower_ != "of")))
            if during:
                verb = reached.head.head
            elif noun.dep_ in ("nsubj", "nsubjpass", "dobj") and noun.head.i in spine and top.head.i > noun.i and (deadline or point):
                verb = noun.head
                # A subject's date runs on into its verb ("on Friday signed", "on Friday had signed").
                nxt = next((t for t in doc if t.idx >= timex.end and not t.pos_ == "ADV"), None)
                if noun.dep_ != "dobj" and (nxt is None or not (nxt == verb or (nxt.head == verb and nxt.dep_ in ("aux", "auxpass", "neg")))):
                    verb = None
        side = _governor(doc, timex)
        start, _, _ = to_interval(timex.value, timex.value_end)
        # the clause that sets out to do it: the verb it completes, or the verb of the object it
        # says what of ("signed an agreement to buy the plant last month")
        setter = None if side is None else side.head if side.dep_ in ("advcl", "xcomp") else \
            side.head.head if side.dep_ == "acl" and side.head.dep_ == "dobj" else None
        purpose = (setter is not None and side.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in side.children)
                   and setter.i in spine and start is not None and published is not None and start < published)
        if verb is None and purpose and side.i not in spine:
            # "extended their offers to acquire the firm Friday": what is still to be done has no past date
            # of its own; the past date is the clause's that sets out to do it
            verb = setter if setter.tag_ == "VBD" and setter.i < first.i else None
        elif verb is None and side is not None and side.i not in spine:
            opener = [c for c in side.children if c.dep_ == "mark" or (c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in ("WDT", "WP"))]
            before_opener = opener and timex.end <= opener[0].idx
            # (not the first end of a range: "bought from Sept. 14 to Thursday")
            others = [t for t in every if t.end <= timex.start and _governor(doc, t) == side
                      and not _RANGE_GAP.fullmatch(text, t.end, timex.start)]
            if (before_opener or (others and side.dep_ in ("relcl", "acl"))) and not _dates_a_baseline(doc, timex):
                verb = next((a for a in side.ancestors if a.i in spine), None)
                if verb is not None and verb.i > first.i:
                    verb = None  # a date in a clause inside the subject does not date the verb after it
        if verb is not None:
            out.append((timex, verb))
    return out[:1]


def _tense_excludes(timex: Timex, verb: "Token", pairs, published: dt.date | None) -> bool:
    """The tense of `verb` cannot be at `timex`, so the parse hung on it a date of something else in
    the sentence: a present perfect ("has sent", "has started processing") or a present progressive
    ("is still considering") at a date over before publication ("two years ago", "last week"); a
    future ("will result", "would resolve") at a date over before the time it looks ahead from (the
    report's date, or publication); a simple past or a perfect ("extended its offer", "was extended",
    "has extended") at a date still to come ("until Nov. 9": a bound of what it set, not when it
    happened), unless the date is its complement's ("agreed to meet next week"). "since 1985",
    "this year" and "until" a past date are the clause's own."""
    start, end, _ = to_interval(timex.value, timex.value_end)
    if start is None or published is None:
        return False
    doc = verb.doc
    bound = _BOUND_BEFORE.search(doc.text, max(0, timex.start - 9), timex.start) is not None
    # the verb that carries the tense: "has started [processing]", "will begin [withdrawing]"
    finite = verb
    while finite.dep_ == "xcomp" and not any(c.dep_ in ("aux", "auxpass") for c in finite.children) and finite.head != finite:
        finite = finite.head
    aux = [c.lower_ for c in finite.children if c.dep_ in ("aux", "auxpass")]
    # only a date whose words fix its side of publication: a bare "Dec. 14" or "Friday" took its year
    # or week from the tense the tagger read, which may be the other clause's
    fixed = _FIXED_SIDE.search(timex.text) is not None
    before = (end or start) < published and not timex.text.lower().startswith("since") and not bound
    if before and finite.tag_ == "VBN" and any(a in ("has", "have", "'s", "'ve") for a in aux):
        return True  # English does not say "has sent two years ago", nor "has sent on Friday"
    over = before and fixed
    if over and finite.tag_ == "VBG" and aux and all(a in ("is", "are", "am", "'s", "'re", "'m") for a in aux):
        return True
    if any(a in ("will", "shall", "'ll", "wo") for a in aux) and over:
        return True
    if "would" in aux and over:
        # future in the past: from the report's date when the report has one ("said Friday it would
        # investigate the killings four years ago"), else from publication (an unreported "would")
        reported = any(a.lemma_ in _REPORTING for a in finite.ancestors)
        report_dates = [to_interval(t.value, t.value_end)[0] for t, v in pairs if v.lemma_ in _REPORTING and v in finite.ancestors]
        if not reported or any(d is not None and (end or start) < d for d in report_dates):
            return True
    if finite is not verb or start <= published or not (fixed or bound):
        return False  # "agreed to meet next week": what is agreed is still to come, the agreeing is not
    perfect = finite.tag_ == "VBN" and any(a in ("has", "have", "'s", "'ve") for a in aux)  # "has extended loans through January"
    return perfect or (not aux and finite.tag_ == "VBD") or (finite.tag_ == "VBN" and aux and all(a in ("was", "were") for a in aux))


def _dates_a_happening_named(timex: Timex, verb: "Token", pairs, timexes: list[Timex], published: dt.date | None) -> bool:
    """The date closes the phrase of a happening that a participant of the clause names, not the
    clause's verb, whatever the parser hung it on:

    - right after a subject that names a happening, before a verb in the perfect or the present
      ("The bombings this month have killed 40", "Last month's floods have forced"): the clause tells
      a state at publication, the date is the bombings'; in the simple past the consequence happens
      then, and the date stays the clause's ("The bombings Saturday killed 40");
    - at the end of the "of" phrase of an object that names a happening ("marked the creation of the
      alliance 50 years ago", "celebrated the opening of the bridge last year at a ceremony on
      Monday"): the object's when another date is hung on the verb (a clause happens at one time),
      or when it lies years before publication: news tells what happened lately, and a date that
      far back on a happening the object names is the history the clause recalls. A recent date
      stays the clause's ("announced the completion of the merger on Friday")."""
    doc = verb.doc
    inside = [t for t in doc if timex.start <= t.idx < timex.end]
    if not inside:
        return False
    first, last = inside[0], inside[-1]
    subject = _subject_of(verb)
    if subject is not None and _names_an_event(subject) and not _names_a_figure(subject):
        between = [t for t in doc if subject.i < t.i < first.i]
        owned = any(t.dep_ == "poss" and t.head == subject for t in inside)  # "Last month's floods"
        phrase = {t.i for t in subject.subtree}
        next_to = subject.i < first.i and all(t.i in phrase and t.text != "," for t in between)  # "the bombings [of X in Y] this month"
        perfect = verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
        present = verb.tag_ in ("VBZ", "VBP") and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
        # what a report with a date of its own says of it ("said Sunday that the comments last week were
        # a response"): the report's date is the sentence's, the date is the comments'
        report = any(v.lemma_ in _REPORTING and v in verb.ancestors for t, v in pairs if t != timex)
        if (owned or (next_to and last.i < verb.i)) and (perfect or present or report):
            return True
    if first.i < 2:
        return False
    before = doc[first.i - 1]
    if before.pos_ == "ADP" and before.lower_ in ("in", "on", "at", "during") and first.i >= 3:
        before = doc[first.i - 2]  # "of the party in 1950"
    of = before.head if before.dep_ == "pobj" else None
    thing = of.head if of is not None and of.lower_ == "of" else None
    if thing is None or thing.dep_ != "dobj" or thing.head != verb or not _names_an_event(thing) or _names_a_figure(thing):
        return False
    others = [t for t in timexes if t != timex]
    if any(t != timex and v == verb for t, v in pairs) or any(v == verb for _, v in _clause_dates(doc.text, others, published)):
        return True
    start, end, _ = to_interval(timex.value, timex.value_end)
    return end is not None and published is not None and end.year < published.year - 1


def _dates_a_prospect(timex: Timex, verb: "Token") -> bool:
    """A date "for" which something is expected or planned, right after the noun that says so
    ("has not met our expectations for 1989", "is cutting his earnings estimate for next year to
    $2"): the expectation's period, not when the clause happens."""
    doc = verb.doc
    first = next((t for t in doc if t.idx >= timex.start), None)
    if first is None or first.i < 2 or doc[first.i - 1].lower_ != "for":
        return False
    noun = doc[first.i - 2]
    return noun.pos_ == "NOUN" and noun.lemma_.lower() in _PROSPECTS


_FIXED_SIDE = re.compile(r"\d{4}|\b(?:ago|last|past|yesterday|earlier|previous|prior|next|tomorrow|coming|from now|hence)\b", re.I)


_BOUND_BEFORE = re.compile(r"\b(?:since|through|until|till|by)\s+$", re.I)


def _tense_disagrees(text: str, timex: Timex, pairs, published: dt.date | None) -> bool:
    """A date over by publication does not date a clause in the simple present ("That 1978
    resolution calls for ...", "The warning follows two rulings last June"): the date dates a noun,
    and the clause is about now. Unless the date is the subject ("The latest quarter includes") or
    dates a figure ("This quarter's loss includes"), or is a weekday, which the present of a
    schedule may have been read wrongly into the past ("They meet Monday"), unless it closes the
    phrase of a happening ("wants an inquiry into the shooting on Saturday")."""
    start, end, _ = to_interval(timex.value, timex.value_end)
    if start is None or published is None or (end or start) >= published:
        return False
    verbs = [v for t, v in pairs if t == timex]
    if _WEEKDAY.search(timex.text) and not (verbs and (noun := _noun_before(verbs[0].doc, timex)) is not None and _names_an_event(noun)):
        return False
    if not verbs or not all(v.tag_ == "VBZ" and not any(c.dep_ in ("aux", "auxpass", "xcomp", "ccomp") for c in v.children)
                            for v in verbs):  # "expects revenue in the latest quarter to total": its complement's date
        return False
    doc = verbs[0].doc
    inside = [t for t in doc if timex.start <= t.idx < timex.end]
    heads = [t for t in inside if not (timex.start <= t.head.idx < timex.end) or t.head == t]
    if not heads:
        return False
    top = heads[0]
    noun = top.head.head if top.head.pos_ == "ADP" else top.head
    return top.dep_ not in ("nsubj", "nsubjpass") and not _names_a_figure(noun)


_RANGE_GAP = re.compile(r"\s*(?:to|through|till|until|and|or|-|–|—)\s*")
_WEEKDAY = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")


def _conjoined(text: str, governing: Timex, pairs) -> list[tuple[Timex, "Token", str]] | None:
    """A sentence of two conjoined clauses, each with a date of its own, as two clauses told apart
    ("The rebels landed on Dec. 2, 1956." and "The rebels seized power on Jan. 1, 1959."), each with
    its date and verb; None for a sentence that is one event. What governs both clauses goes with
    each: the sentence's attribution ("According to X, A and B", "A and B, X said", "Ramos, X said,
    A and B": the second clause is told "B, X said."), and the hedge, modal or negation the clauses
    share before the first verb ("Police reportedly arrested him Monday and freed him Friday": "Police
    reportedly freed him Friday."); a clause whose frame cannot be told with it stays in its sentence."""
    first = next((v for t, v in pairs if t == governing), None)
    if first is None:
        return None
    doc = first.doc
    if first.lemma_ in _REPORTING:
        return None  # "said Monday that ... and added Friday": what each reports is not its own clause
    second = next(((t, v) for t, v in pairs if v.dep_ == "conj" and v.head == first and t.value != governing.value), None)
    if second is None or any(a.lemma_ in _REPORTING for a in second[1].subtree if a.pos_ == "VERB"):
        return None
    timex, verb = second
    sub = list(verb.subtree)
    lead = sub[0].i
    while lead > first.i and doc[lead - 1].dep_ in ("cc", "punct") and doc[lead - 1].head in (first, verb):
        lead -= 1
    words = [t for t in sub if t.dep_ != "cc" and not (t.is_punct and t.i == sub[0].i)]
    if not words:
        return None
    own_subject = _subject_of(verb)
    subject = "" if own_subject is not None else _noun_phrase(_subject_of(first)) if _subject_of(first) is not None else None
    if subject is None:
        return None
    shared = "" if own_subject is not None else _shared_frame(first, verb)
    if shared is None:
        return None
    last = sub[-1]
    while last.text in (".", "!", "?") and last.i > words[0].i:  # the sentence's own stop, when the parse hung it on this clause
        last = doc[last.i - 1]
    rest = text[words[0].idx : last.idx + len(last)].rstrip(" ,;:")
    later = " ".join(w for w in (subject, shared, rest) if w)
    later = _attributed(later[:1].upper() + later[1:] + ".", text, verb.idx)
    if later is None:
        return None
    cut = Span("C", doc[lead].idx, sub[-1].idx + len(sub[-1]), "participle", "")
    earlier = compress(text, {"C"}, [cut])
    if governing.text not in earlier or timex.text not in later:
        return None
    return [(governing, first, earlier), (timex, verb, later)]


def _without_other_dates(text: str, timex: Timex, verb: "Token", clause: str) -> str | None:
    """A side clause told without the phrases after its date when another date of the sentence is
    hung on its verb or follows it right away: in "honored the veterans who fought in 1944 in a
    ceremony Saturday", the ceremony and Saturday are the main clause's, whatever the parse says
    (a clause happens at one time). Only adverbial phrases are cut; a clause where the other date
    sits elsewhere is no event of its own."""
    doc = verb.doc
    dates = [t for t in tag(text, None) if t.type in ("DATE", "TIME") and t.start != timex.start]
    last = list(verb.subtree)[-1]
    end = last.idx + len(last)
    hung = [t for t in dates if _governor(doc, t) == verb]
    # the next date after the clause, with no verb between
    following = [t for t in dates if t.start >= end and not any(
        x.pos_ in ("VERB", "AUX") for x in doc if last.i < x.i and x.idx < t.start)][:1]
    if not hung and not following:
        return clause
    tail = [c for c in verb.children if c.left_edge.idx >= timex.end]
    body = clause.rstrip(".")
    if tail and all(c.dep_ in ("prep", "npadvmod", "advmod", "tmod") for c in tail) and all(t.start >= timex.end for t in hung):
        phrase = text[tail[0].left_edge.idx : end]
        if body.endswith(phrase):
            return body[: -len(phrase)].rstrip(" ,") + "."
    return None if hung else clause


_IRREALIS = frozenset(
    "propose proposal plan call demand request offer bid suggest suggestion threat threaten hope expect "
    "expectation prospect possibility prepare preparation urge seek want wish intend consider schedule".split())
# What is only looked ahead to: an irrealis noun, or an amount foreseen (English nouns of forecasting).
_PROSPECTS = _IRREALIS | frozenset("estimate forecast projection target outlook goal budget".split())
_UNDONE = frozenset("cancel cancellation postpone postponement delay scrap avert prevent deny reject oppose".split())


def _thing_clause(text: str, span: tuple[int, int], timex: Timex, tense: str) -> str | None:
    """A dated thing told as a clause that says only when it is: "[Friday's bombings of two
    embassies]" -> "The bombings of two embassies were Friday.", "[the summit on June 3]" -> "The
    summit is on June 3." A thing that is only planned or proposed ("a proposal for [talks on May
    15]") is told with what makes it so ("There is a proposal for talks on May 15."); one called
    off, or that only a verb plans ("proposed talks on May 15"), is no event. A thing that names no
    one ("his campaign", "the crash") is no event either: it would not stand alone."""
    doc = parse(text)
    tokens = [t for t in doc if span[0] <= t.idx < span[1]]
    inside = [t for t in tokens if not (span[0] <= t.head.idx < span[1]) or t.head == t]
    if not tokens or not inside:
        return None
    date_tokens = [t for t in tokens if timex.start <= t.idx < timex.end]
    # "the Dec. 21, 1988, bombing": the noun after the date is the thing, however the parser hung it
    head = _premodified(doc, timex) or inside[0]
    if head.i != inside[0].i:
        head = head if span[0] <= head.idx < span[1] else inside[0]
    # What governs the thing: the noun or verb of the phrase it is the object of.
    up = head.head if head.head != head else None
    while up is not None and up.pos_ == "ADP" and up.head != up:
        up = up.head
    lemma = up.lemma_.lower() if up is not None else ""
    if lemma in _UNDONE or (up is not None and up.pos_ in ("VERB", "AUX") and lemma in _IRREALIS):
        return None
    irrealis = up is not None and up.pos_ == "NOUN" and lemma in _IRREALIS
    if irrealis:
        side = {t.i for c in up.subtree if c.i > up.i and c.dep_ in ("relcl", "acl", "appos") for t in c.subtree}  # side clauses
        tokens = [t for t in up.subtree if t.i not in side]
        while tokens and tokens[-1].is_punct:
            tokens.pop()
    if any(t.tag_ == "PRP$" or (t.dep_ == "det" and t.lower_ in ("this", "that", "these", "those")) for t in tokens):
        return None  # "his campaign", "that plan": whose it is stays in the article
    if not any(t.pos_ == "PROPN" or t.ent_type_ not in ("", "DATE", "TIME", "CARDINAL", "ORDINAL") for t in tokens
               if not timex.start <= t.idx < timex.end):
        return None
    if irrealis:
        phrase = text[tokens[0].idx : tokens[-1].idx + len(tokens[-1])]
        if phrase.lower().startswith("the "):
            phrase = ("a " if up.tag_ == "NN" else "") + phrase[4:]
        clause = f"there {'was' if tense == 'past' else 'is'} {phrase}" if up.tag_ == "NN" else \
                 f"there {'were' if tense == 'past' else 'are'} {phrase}"
        return with_one_stop(clause[:1].upper() + clause[1:])
    # The date's own words, with the preposition that introduces it, go after the copula.
    drop = {t.i for t in date_tokens}
    if head.i > date_tokens[-1].i:  # the commas that close a date before its noun go with it
        drop |= {t.i for t in tokens if t.text == "," and date_tokens[-1].i < t.i < head.i}
    after = next((t for t in doc if t.idx >= timex.end), None)
    if after is not None and after.i not in drop and after.text in ("'s", "’s", "'") and date_tokens and after.head in date_tokens:
        drop.add(after.i)
    prep = date_tokens[0].i - 1
    when = timex.text
    # The preposition goes with the date when the date is its object, whatever else the parser hung
    # on it ("the summit on June 3-4 in Vilnius": "in Vilnius" stays the summit's).
    if prep >= 0 and doc[prep].pos_ == "ADP" and doc[prep].idx >= span[0] and (all(
            t.i in drop or t.i == prep for t in doc[prep].subtree) or any(t.head.i == prep and t.dep_ == "pobj" for t in date_tokens)):
        drop.add(prep)
        when = text[doc[prep].idx : timex.end]
    elif _ON_A_DAY.match(timex.text):
        when = ("on " if len(timex.value) == 10 else "in ") + timex.text
    elif date_tokens[-1].i < head.i and not date_tokens[-1].text.endswith(("'s", "’s")) and (after is None or after.i not in drop):
        return None  # "the third-quarter growth": a period's adjective makes no date to tell
    if when.split()[0].lower() not in ("on", "in", "at", "during") and when != timex.text:
        return None  # "by the end of the year" is a goal, "over the past year" a stretch: not when it is
    if when == timex.text and timex.start == 0 and date_tokens and date_tokens[0].pos_ != "PROPN":
        when = when[:1].lower() + when[1:]  # "Tomorrow's vote" -> "The vote is tomorrow.": a capital only of the sentence's start
    rest = [t for t in tokens if t.i not in drop]
    if not rest or head.i in drop:
        return None
    words = "".join(t.text_with_ws for t in rest).strip()  # the article's words, the date's cut out
    words = re.sub(r"\s+([,.;:)])", r"\1", words)
    if rest[0].dep_ != "det" and rest[0].tag_ not in ("DT", "PRP$", "POS") and not (rest[0].tag_ == "NNP" and rest[0].dep_ == "poss"):
        words = "the " + words
    plural = head.tag_ in ("NNS", "NNPS")
    copula = ("were" if plural else "was") if tense == "past" else ("are" if plural else "is")
    clause = f"{words} {copula} {when}"
    return with_one_stop(clause[:1].upper() + clause[1:])


_ON_A_DAY = re.compile(r"(?:\d+|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|January|February|March|April|June|July"
                       r"|August|September|October|November|December)\b")


def event_clause(sentence: Sentence, timex: Timex, previous: Sequence[str] | None = None) -> str:
    """The sentence without the side phrases that do not hold its date and that the rest does not
    need to stand alone (factcheck/chains/shortening.py; `previous`: the article's sentences before
    it): a whole clause."""
    spans = droppable_spans(sentence.text, previous)
    at, to = timex.start - sentence.start, timex.end - sentence.start
    # a span that holds any of the date's words stays: "on Saturday, April 25" keeps its "April 25"
    return compress(sentence.text, {s.id for s in spans if not (s.start < to and at < s.end)}, spans)


def standalone_event(event: str, sentence: Sentence, article: Article) -> tuple[str, list[Sentence]]:
    """The event as it reads alone ("She resigned" -> "Ann Lee resigned"), with the sentences it
    cites: its referents put in as for a claim (factcheck/referents.py), the first rewrite the
    faithfulness checker accepts, the first that stands alone (`dangling`) before one that leaves a
    referent as written; the event as it was when none is."""
    index = article.sentences.index(sentence)
    previous = article.sentences[:index]
    before = [s.text for s in previous]
    event = without_leading_connective(event)  # "And ...": what it ties to is not beside the event
    accepted: tuple[str, list[Sentence]] | None = None
    for variant in standalone_variants(event, sentence.text, before, whole=False):
        if variant.text == event or not variant.inserted:
            break
        cited = sorted({*(previous[i] for i in variant.cited), sentence}, key=lambda s: s.start)
        if not faithfulness.check(variant.text, [s.text for s in cited], published=article.published):
            if not dangling(variant.text, False, before) and not unspoken_first_person(variant.text):
                return variant.text, cited
            accepted = accepted or (variant.text, cited)
    return accepted or (event, [sentence])


def next_best_event(clause: str, step: Step, article: Article, before: Sequence[str]) -> tuple[str, list[Sentence]]:
    """The event `clause` made to stand alone (`standalone_event`); when it does not, and it opens on
    a concession that does not hold its date ("While the visit was private, the minister met the
    press on Tuesday"), the main clause made to stand alone, if that does: a central dated event is
    not left out for a side clause's referent. The faithfulness check follows, as for any event."""
    event, cited = standalone_event(clause, step.sentence, article)
    if not (dangling(event, False, before) or unspoken_first_person(event)):
        return event, cited
    rest = without_leading_concession(clause, before)
    if rest is None or step.timex is None or step.timex.text not in rest:
        return event, cited
    shorter, shorter_cited = standalone_event(rest, step.sentence, article)
    if dangling(shorter, False, before) or unspoken_first_person(shorter):
        return event, cited
    return shorter, shorter_cited


def _shift(timex: Timex, by: int) -> Timex:
    return dataclasses.replace(timex, start=timex.start + by, end=timex.end + by, ends=None)


def dated_sentences(article: Article) -> list[tuple[Timex, Sentence]]:
    """Each date or time expression of the article's prose, with the sentence it stands in."""
    found = []
    prose = [s for s in article.sentences if not s.heading]
    starts = [s.start for s in prose]  # a bisection per date, not a scan: a scan was 7 s of 10,000 sentences
    # "For the year ended Sept. 30, Ralston earned ...": the period a report is for, one date
    for timex in periods_ended(article.text, tag(article.text, article.published)):
        # Durations and sets are not points on a calendar; "now" and "recently" (PRESENT_REF,
        # PAST_REF) date nothing a timeline can place.
        if timex.type not in ("DATE", "TIME") or timex.value.endswith("_REF"):
            continue
        index = bisect.bisect_right(starts, timex.start) - 1
        if index >= 0 and timex.start < prose[index].end:
            local = _shift(timex, -prose[index].start)
            # "set Friday as the deadline", "from now until Nov. 2": the date is no time of a happening
            if not _named_as(prose[index].text, local) and not ends_a_stretch_from_now(prose[index].text, local) \
                    and not _present_of_a_state(prose[index].text, local, article.published) and not _new_time(prose[index].text, local):
                found.append((timex, prose[index]))
    return found


def _present_of_a_state(text: str, timex: Timex, published: dt.date | None) -> bool:
    """"Today" in a clause that tells a state in the present simple ("Today, the right to work is
    equal to the right to survival", "today the firm has three plants", "conditions today appear to
    be calm"): the present as against the past ("nowadays", TimeML's PRESENT_REF), no happening on the
    day of publication. A happening today is told by another verb ("arrived today", "says today",
    "will meet today")."""
    if published is None or timex.value != published.isoformat() or timex.text.lower() != "today":
        return False
    doc = parse(text)
    word = next((t for t in doc if t.idx == timex.start), None)
    if word is not None and word.dep_ in ("nsubj", "nsubjpass"):
        return False  # "Today is the eighth day of the strike": a statement about the day itself
    verb = next((t for t in (word.ancestors if word is not None else ()) if t.pos_ in ("VERB", "AUX")), None)
    if verb is None or verb.tag_ not in ("VBZ", "VBP"):
        return False
    if any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False  # "is being", "has been": a form with an auxiliary tells a happening
    xcomp = [c for c in verb.children if c.dep_ == "xcomp"]
    # the copula, "have" as a main verb, or a verb that takes "to be" ("appear to be", "seem to be")
    return verb.lemma_ == "be" or (verb.lemma_ == "have" and not xcomp) or any(c.lemma_ == "be" for c in xcomp)


_POSSESSIVE = re.compile(r"\s?['’]s\b")


def _possessive_after_verb(text: str, timex: Timex) -> bool:
    """A possessive date after the main verb ("..., he said, citing last month's discovery of ...")
    dates the thing it owns, an object or a complement, never the main clause, however the parser
    hung it; one on a subject may date its clause ("Friday's volume rose")."""
    if not _POSSESSIVE.match(text, timex.end):
        return False
    doc = parse(text)
    root = _root(doc)
    owner = [t.head for t in doc if timex.start <= t.idx < timex.end and t.dep_ == "poss"]
    if owner and owner[0].dep_ in ("nsubj", "nsubjpass"):
        return False  # "managers said Friday's profit-taking was ...": the reported clause's subject
    return root is not None and root.idx < timex.start


def _new_time(text: str, timex: Timex) -> bool:
    """The date is where a change of time takes something ("the bid was extended to Nov. 16", "put
    off the vote to Friday"): the object of "to" on a verb, no time the clause happens at. "From
    Monday to Friday" is a stretch the clause fills, and stays."""
    doc = parse(text)
    inside = [t for t in doc if timex.start <= t.idx < timex.end]
    heads = [t for t in inside if not (timex.start <= t.head.idx < timex.end)]
    if len(heads) != 1 or heads[0].dep_ != "pobj" or heads[0].head.lower_ != "to":
        return False
    verb = heads[0].head.head
    return verb.pos_ in ("VERB", "AUX") and not any(c.dep_ == "prep" and c.lower_ == "from" for c in verb.children)


def _named_as(text: str, timex: Timex) -> bool:
    """The date is what the clause names, not when it happens: the object of a verb that makes it
    something ("set Friday as the deadline", "chose Monday as the day of the vote"), which the
    parser hangs on the verb as a bare date. It dates the deadline, not the setting."""
    doc = parse(text)
    inside = [t for t in doc if timex.start <= t.idx < timex.end]
    heads = [t for t in inside if not (timex.start <= t.head.idx < timex.end)]
    if len(heads) != 1 or heads[0].dep_ not in ("npadvmod", "dobj", "tmod"):
        return False
    verb = heads[0].head
    if verb.pos_ != "VERB" or any(c.dep_ in ("dobj", "nsubjpass", "auxpass") and c.i != heads[0].i for c in verb.children):
        return False  # "sold the firm Tuesday as ...", "was sold Tuesday as ...": the date is no object
    # "as the deadline", "as the day of the vote" (a definite role), not "as a result", "as part of"
    return any(c.dep_ == "prep" and c.lower_ == "as" and c.i > heads[0].i
               and any(o.dep_ == "pobj" and any(d.dep_ == "det" and d.lower_ == "the" for d in o.children) for o in c.children)
               for c in verb.children)

"""The three chains (summary, claims, timeline) and the report they make.

Code narrows every chain to small, checkable steps about one sentence each: it picks the sentences,
splits clauses, finds and resolves the dates. The model only writes language and makes judgements
for a step; grounding checks accept or reject each answer; a rejected answer is re-asked with the
error, then code stands in (the article's own words, marked so) or the item is dropped with a warning.

Each request is the system prompt, then the fenced sentence, then the task. Steps about the same
sentence run one after the other, so llama.cpp reuses the cached prefix and each sentence is
evaluated once, whatever the number of chains; a server runs the steps concurrently.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal

from langchain_core.messages import HumanMessage, SystemMessage
from langchain_core.runnables import RunnableLambda
from pydantic import BaseModel, Field, create_model

from . import __version__, grounding, injection, report_checks
from .article import Article, Sentence
from .checkworthiness import Score, load_scorer
from .dates import Timex, tag, to_interval
from .errors import FactcheckError, ModelOutputError
from .llm import Answer, Backend, StructuredAsker, TokenBudget
from .models import (
    PARTS,
    ArticleInfo,
    Claim,
    ClaimDraft,
    ClaimType,
    EngineTimings,
    RatingDraft,
    RatingsDraft,
    EventDraft,
    PromptRef,
    Provenance,
    Report,
    ReportWarning,
    Summary,
    SummaryDraft,
    SummarySentence,
    TimelineEvent,
    Usage,
)
from .models import Sentence as SentenceModel
from .prompts import fence, load_prompt
from .render import format_interval
from .settings import Settings

CHAINS = PARTS


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


@dataclass
class ChainRun:
    """What one chain produced, and what it cost."""

    items: list[Any] = field(default_factory=list)
    warnings: list[ReportWarning] = field(default_factory=list)
    usage: Usage = field(default_factory=Usage)


class Pipeline:
    def __init__(self, backend: Backend, settings: Settings) -> None:
        self.backend = backend
        self.settings = settings
        self.prompts = {name: load_prompt(name, settings.prompts_dir) for name in ("system", *CHAINS, "rank")}
        self.asker = StructuredAsker(backend, max_reasks=settings.max_reasks, budget=TokenBudget(settings.token_budget))

    def run(self, article: Article, chains: Sequence[str] = CHAINS) -> Report:
        started = time.monotonic()
        timings_before = len(self.backend.timings())
        # Sentences addressed to a model are reported and never sent to it (factcheck/injection.py).
        addressed = injection.scan_sentences(article.sentences)
        planned = article.without({f.sentence_id for f in addressed})
        built = {name: CHAIN_TYPES[name](planned, self.settings) for name in chains}
        steps = [step for chain in built.values() for step in chain.plan()]
        answers = self.fill(article, steps)
        runs: dict[str, ChainRun] = {}
        for name, chain in built.items():
            answered = [(step, answers[id(step)]) for step in steps if step.chain == name]
            runs[name] = chain.assemble(answered)
            for _, answer in answered:
                runs[name].usage.add(answer.usage)
        if "claims" in runs and self.settings.resolved_refine_checkworthiness:
            self.rank(planned, runs["claims"])
        items = {name: runs[name].items if name in runs else [] for name in CHAINS}
        warnings = [
            *article.warnings,
            *injection.warnings_for(addressed, injection.invisible_characters(article.sentences)),
            *(w for chain_run in runs.values() for w in chain_run.warnings),
        ]
        report = Report(
            article=article_info(article),
            summary=Summary(sentences=items["summary"]),
            claims=items["claims"],
            timeline=items["timeline"],
            warnings=warnings,
            provenance=self._provenance(runs, time.monotonic() - started, chains, timings_before),
        )
        report_checks.enforce(report)  # README step 4: the assembled report, validated once more
        dropped = [w for w in warnings if w.code.startswith("dropped")]
        if dropped and not (report.summary.sentences or report.claims or report.timeline):
            raise ModelOutputError(f"every answer of the model failed its checks ({len(dropped)} items dropped): {dropped[0].message}")
        return report

    def fill(self, article: Article, steps: list[Step]) -> dict[int, Answer]:
        """Ask every step, ordered by sentence so that consecutive requests share their prefix."""
        nonce = article.sha256[:12]
        system = SystemMessage(self.prompts["system"].body)
        order = sorted(steps, key=lambda s: (s.sentence.start, CHAINS.index(s.chain)))

        def ask(step: Step) -> Answer:
            prompt = self.prompts[step.chain]
            user = fence("sentence", step.sentence.text, nonce) + "\n\n" + prompt.body
            if step.part is not None:
                user += "\n\n" + fence("part", step.part, nonce)
            chain = CHAIN_TYPES[step.chain]
            return self.asker.ask(
                [system, HumanMessage(user)],
                step.draft,
                lambda draft: chain.check(article, step, draft),
                temperature=prompt.meta.temperature,
                max_tokens=prompt.meta.max_tokens,
            )

        # A fatal error (a refused key, an unreachable server) ends the run: later steps are not sent.
        failure: list[FactcheckError] = []

        def ask_unless_failed(step: Step) -> Answer | None:
            if failure:
                return None
            try:
                return ask(step)
            except FactcheckError as exc:
                failure.append(exc)
                return None

        # The in-process model serves one request at a time, in this thread; a server takes several at once.
        if self.backend.concurrency == 1:
            answers = [ask_unless_failed(step) for step in order]
        else:
            answers = RunnableLambda(ask_unless_failed).batch(order, config={"max_concurrency": self.backend.concurrency})
        if failure:
            raise failure[0]
        return {id(step): answer for step, answer in zip(order, answers)}

    def rank(self, article: Article, run: ChainRun) -> None:
        """A capable model reads the whole article and rates each checkable claim; its rating is
        averaged with the scorer's, and each claim keeps both scores and says where its own came from."""
        claims = {c.id: c for c in run.items if c.checkable}
        if not claims:
            return
        nonce = article.sha256[:12]
        prompt = self.prompts["rank"]
        listed = "\n".join(f"{c.id}: {c.text}" for c in claims.values())
        # The sentences the chains may examine: text addressed to a model is not sent to it here either.
        context = "\n".join(s.text for s in article.sentences)[:RANK_CONTEXT_CHARS]
        user = fence("article", context, nonce) + "\n\n" + prompt.body + "\n\n" + fence("claims", listed, nonce)
        answer = self.asker.ask(
            [SystemMessage(self.prompts["system"].body), HumanMessage(user)],
            ratings_draft_for(tuple(claims)),
            lambda draft: check_ratings(draft, tuple(claims), article.text),
            temperature=prompt.meta.temperature,
            max_tokens=prompt.meta.max_tokens,
        )
        run.usage.add(answer.usage)
        if answer.value is None:
            why = "; ".join(answer.problems[:3]) or "no answer"
            run.warnings.append(
                ReportWarning(code="unrated-claims", message=f"claims keep the scorer's scores: the model's ratings failed their checks: {why}")
            )
            return
        for rating in answer.value.ratings:
            claim = claims[rating.id]
            claim.scores["model"] = round(rating.score, 3)
            claim.checkworthiness = round((claim.scores["scorer"] + rating.score) / 2, 3)
            claim.checkworthiness_source = "scorer+model"
            claim.reason += f" The model rated it {rating.score:.2f}: {rating.reason}"
        run.items = order_claims(run.items)

    def _provenance(
        self, runs: dict[str, ChainRun], seconds: float, chains: Sequence[str], timings_before: int
    ) -> Provenance:
        total = Usage()
        for chain_run in runs.values():
            total.add(chain_run.usage)
        ranked = "claims" in chains and self.settings.resolved_refine_checkworthiness
        used = [self.prompts["system"], *(self.prompts[c] for c in chains), *([self.prompts["rank"]] if ranked else [])]
        return Provenance(
            factcheck_version=__version__,
            provider=self.backend.provider,
            model=self.backend.model,
            structured_output=self.backend.structured_output,
            prompts=[PromptRef(name=p.name, version=p.meta.version, sha256=p.sha256) for p in used],
            usage={name: chain_run.usage for name, chain_run in runs.items()},
            total=total,
            engine=engine_timings(self.backend.timings()[timings_before:]) if self.backend.provider == "local" else None,
            duration_seconds=round(seconds, 3),
            created=dt.datetime.now(dt.timezone.utc).replace(microsecond=0),
        )


# --- the chains: plan the steps, check an answer, assemble the items ---------------------------------


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

    @staticmethod
    def check(article: Article, step: Step, draft: SummaryDraft) -> list[str]:
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


class ClaimsChain:
    """The most check-worthy sentences, split into clauses, each stated as a claim with its speaker."""

    name: ClassVar[str] = "claims"

    def __init__(self, article: Article, settings: Settings) -> None:
        self.article = article
        self.limit = settings.max_claims
        self.scores = score_sentences(article)
        self.timexes = tag(article.text, article.published)

    def plan(self) -> list[Step]:
        prose = [s for s in self.article.sentences if not s.heading]
        chosen = sorted(prose, key=lambda s: -self.scores[s.id].score)[: self.limit]
        steps = []
        for sentence in sorted(chosen, key=lambda s: s.start):
            draft = claim_draft_for(sentence, self.article)
            clauses = [
                (part, outlet_voice)
                for clause in split_clauses(sentence.text)
                for part, outlet_voice in split_event_tail(clause)
            ]
            for n, (clause, outlet_voice) in enumerate(clauses, start=1):
                key = sentence.id if len(clauses) == 1 else f"{sentence.id}.{n}"
                part = clause if len(clauses) > 1 else None
                steps.append(Step(self.name, key, sentence, draft, part=part, outlet_voice=outlet_voice))
        return steps

    @staticmethod
    def field_problems(article: Article, step: Step, draft: ClaimDraft) -> dict[str, list[str]]:
        quote = step.part or step.sentence.text
        cited = with_antecedents(draft.claim + " " + draft.speaker, step.sentence, article)
        # A clause's claim restates that clause, not another part of its sentence.
        restated = [*cited[:-1], dataclasses.replace(step.sentence, text=step.part)] if step.part else cited
        return {
            "speaker": grounding.check_speaker_cited(draft.speaker, cited)
            + check_attribution_kept(draft.speaker, said_by(step, article)),
            "text": grounding.check_content("the claim", draft.claim, cited, article.published)
            + grounding.check_restates("the claim", draft.claim, restated)
            + grounding.check_verdict("the claim", draft.claim, cited),
            "type": check_claim_type(draft.type, quote, draft.speaker),
            "verify": check_verify(draft.verify, quote)
            + grounding.check_verdict("verify", draft.verify, cited, advice=True)
            # Advice may name a record the article does not, but no number or date it does not state.
            + grounding.check_content("verify", draft.verify, cited, article.published, names=False),
        }

    @classmethod
    def check(cls, article: Article, step: Step, draft: ClaimDraft) -> list[str]:
        return [p for problems in cls.field_problems(article, step, draft).values() for p in problems]

    def assemble(self, answered: list[tuple[Step, Answer]]) -> ChainRun:
        run = ChainRun()
        for step, answer in answered:
            draft = answer.value or answer.last
            if draft is None:
                run.warnings.append(stand_in_warning("dropped-claim", step, answer, "dropped"))
                continue
            # Code stands in for each field that kept failing its checks, and the claim says which.
            failed = [] if answer.value else [n for n, found in self.field_problems(self.article, step, draft).items() if found]
            if failed:
                run.warnings.append(stand_in_warning("code-filled-claim", step, answer, f"code filled {', '.join(failed)}"))
            run.items.append(self._claim(step, draft, failed))
        run.items = order_claims(dedupe_claims(run.items))
        return run

    def _claim(self, step: Step, draft: ClaimDraft, code_filled: list[str]) -> Claim:
        quote = step.part or step.sentence.text
        text = quote[:1].upper() + quote[1:] if "text" in code_filled else draft.claim
        speaker = (said_by(step, self.article) or "the outlet") if "speaker" in code_filled else draft.speaker
        kind = classify_claim(quote, speaker) if "type" in code_filled else draft.type
        cited = with_antecedents(text + " " + speaker, step.sentence, self.article)
        text, anchors = self.standalone(text, speaker, cited)
        cited = sorted({*cited, *anchors}, key=lambda s: s.start)
        score = self.scores[step.sentence.id]
        checkable = kind not in ("opinion", "prediction")
        return Claim(
            id="",
            text=text,
            type=kind,
            speaker=speaker,
            sources=[s.id for s in cited],
            quote=quote,
            checkable=checkable,
            checkworthiness=round(score.score, 3) if checkable else 0.0,
            scores={"scorer": round(score.score, 3)},
            reason=(score.reason or "scored by the check-worthiness model") if checkable else f"{kind}: no record can settle it",
            verify=generic_verify(kind, speaker) if "verify" in code_filled else draft.verify,
            code_filled=code_filled,
        )

    def standalone(self, text: str, speaker: str, cited: list[Sentence]) -> tuple[str, list[Sentence]]:
        """The claim as a sentence that stands alone: a leading "He" or "She" is the named speaker
        (the checks have tied the speaker to the sentence's attribution), and every relative date
        gets its calendar date, as the article resolves it. Returns the text, and the sentences that
        state a date the cited ones only refer back to ("later that day"), to be cited as well."""
        if speaker not in ("the outlet", "unattributed"):
            text = _LEADING_PRONOUN.sub(speaker, text, count=1)
        return self.explicit_dates(text, cited)

    def explicit_dates(self, text: str, cited: list[Sentence]) -> tuple[str, list[Sentence]]:
        """Each relative date in `text` made explicit ("on Sunday" -> "on Sunday (11 May 2025)", "May 15"
        -> "May 15, 2025"), as the article resolves the same words in a cited sentence."""
        # Calendar dates only: a clock time ("until 10 pm") is no more explicit with a day added.
        resolved = {t.text.casefold(): t for t in self.timexes if t.type == "DATE" and any(s.start <= t.start < s.end for s in cited)}
        stated_alone = {t.value for t in tag(" ".join(s.text for s in cited), self.article.published)}
        anchors: list[Sentence] = []
        for found in reversed(tag(text, None)):
            timex = resolved.get(found.text.casefold())
            if timex is None or _YEAR.search(found.text) or text[found.end :].startswith(" ("):
                continue
            start, end, precision = to_interval(timex.value, timex.value_end)
            if start is None:
                continue
            if timex.value not in stated_alone:  # "that day": cite the sentence that names the day
                anchor = self.stated_before(timex)
                if anchor is None:
                    continue
                anchors.append(anchor)
            if precision == "day" and re.search(r"\d", found.text):  # "May 15": only the year is missing
                addition = f", {start.year}"
            else:
                addition = f" ({format_interval(start, end, precision)})"
            text = text[: found.end] + addition + text[found.end :]
        return text, anchors

    def stated_before(self, timex: Timex) -> Sentence | None:
        """The nearest earlier sentence that states the same date as `timex` in its own words."""
        for earlier in reversed([t for t in self.timexes if t.start < timex.start and t.value == timex.value]):
            sentence = next((s for s in self.article.sentences if s.start <= earlier.start < s.end), None)
            if sentence is not None and earlier.value in {t.value for t in tag(sentence.text, self.article.published)}:
                return sentence
        return None


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

    @staticmethod
    def check(article: Article, step: Step, draft: EventDraft) -> list[str]:
        cited = with_antecedents(draft.event, step.sentence, article)
        return (
            check_event_says_something(draft.event, step)
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


CHAIN_TYPES: dict[str, Any] = {c.name: c for c in (SummaryChain, ClaimsChain, TimelineChain)}


# --- code's part: scoring, splitting, dates, ordering --------------------------------------------------


def score_sentences(article: Article) -> dict[str, Score]:
    scores = load_scorer().score([s.text for s in article.sentences])
    return {s.id: score for s, score in zip(article.sentences, scores)}


# "X said A, and that B" / "A; B" / "A, adding (saying) that B": one claim per clause, each quoted verbatim.
_CLAUSE_BREAK = re.compile(r";\s+|,?\s+and that\s+|,\s+(?:adding|saying) that\s+|,\s+added\s+|,\s+while\s+")


def split_clauses(text: str) -> list[str]:
    parts = [p.strip(" ,") for p in _CLAUSE_BREAK.split(text)]
    parts = [p for p in parts if len(p.split()) >= 4]
    return parts if len(parts) > 1 else [text]


# "X said ... ahead of the NATO meeting on May 14-15 in Antalya": the dated event is the outlet's own
# statement, not X's, and a claim of its own.
_EVENT_TAIL = re.compile(r",?\s+(?:ahead of|in the run-up to|on the sidelines of)\s+(?=the\s)", re.I)


def split_event_tail(clause: str) -> list[tuple[str, bool]]:
    """The clause, and a dated event it mentions in passing, if any: [(text, stated by the outlet)]."""
    m = _EVENT_TAIL.search(clause)
    if not m or not any(t.type == "DATE" for t in tag(clause[m.end() :], None)):
        return [(clause, False)]
    return [(clause[: m.start()], False), (clause[m.end() :], True)]


def said_by(step: Step, article: Article) -> str | None:
    """Who the article says makes the step's claim; None when the outlet states it in its own voice."""
    return None if step.outlet_voice else grounding.attribution(step.sentence, article)


_LEADING_PRONOUN = re.compile(r"^(?:He|She)\b")
_YEAR = re.compile(r"\b\d{4}\b")


RANK_CONTEXT_CHARS = 24_000  # about 6,000 tokens: the article the ranking model reads, from its start


def ratings_draft_for(ids: tuple[str, ...]) -> type[RatingsDraft]:
    """RatingsDraft whose ids must be the listed claims' (a grammar or strict schema enforces it)."""
    rating = create_model("RatingDraft", __base__=RatingDraft, id=(Literal[ids], Field(description="the claim's id, as listed")))
    return create_model("RatingsDraft", __base__=RatingsDraft, ratings=(list[rating], ...))


def check_ratings(draft: RatingsDraft, ids: tuple[str, ...], article_text: str) -> list[str]:
    rated = [r.id for r in draft.ratings]
    problems = [f"rate {i}: every listed claim needs one rating" for i in ids if i not in rated]
    problems += [f"{i} is rated {rated.count(i)} times: rate each claim once" for i in sorted(set(rated)) if rated.count(i) > 1]
    for r in draft.ratings:
        problems += grounding.check_loaded_words(f"the reason for {r.id}", r.reason, article_text)
    return problems


def claim_draft_for(sentence: Sentence, article: Article) -> type[ClaimDraft]:
    """ClaimDraft whose speaker must be a name used in the sentence or the two before it (or the
    outlet): under a JSON-schema grammar a small model picks a speaker instead of inventing one."""
    index = article.sentences.index(sentence)
    window = [s for s in article.sentences[max(0, index - 2) : index + 1] if not s.heading]
    choices = ("the outlet", *grounding.names_in(window))
    return create_model(
        "ClaimDraft",
        __base__=ClaimDraft,
        speaker=(Literal[choices], Field(description="who makes the claim, as the article says")),
    )


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


def dedupe_claims(claims: list[Claim]) -> list[Claim]:
    """Merge near-duplicates (most words shared), keeping the first and the union of its sources.
    Two clauses of one sentence are two claims by construction, however alike the model made them."""
    kept: list[tuple[set[str], Claim]] = []
    for claim in claims:
        words = set(re.findall(r"\w+", claim.text.lower()))
        for theirs, other in kept:
            clauses_of_one_sentence = other.sources[-1] == claim.sources[-1] and other.quote != claim.quote
            if words and len(words & theirs) / len(words | theirs) >= 0.8 and not clauses_of_one_sentence:
                other.sources = sorted(set(other.sources) | set(claim.sources), key=lambda i: int(i[1:]))
                break
        else:
            kept.append((words, claim))
    return [claim for _, claim in kept]


def order_claims(claims: list[Claim]) -> list[Claim]:
    """Checkable claims first, most check-worthy first; opinions and predictions at the end."""
    ordered = sorted(claims, key=lambda c: (not c.checkable, -c.checkworthiness))
    for n, claim in enumerate(ordered, start=1):
        claim.id = f"C{n}"
    return ordered


_VAGUE_SOURCES = re.compile(r"\b(search the web|google|internet|online search|social media)\b", re.I)
_PRIMARY_SOURCES = re.compile(
    r"\b(record|records|statement|statements|transcript|data|dataset|statistics|figures|report|"
    r"release|minutes|filing|registry|register|archive|document|documents|budget|census|agenda|"
    r"video|recording|website|announcement|readout|communiqu\w*|decree|law|court|database|results)\b",
    re.I,
)

def generic_verify(kind: ClaimType, speaker: str) -> str:
    """What code says to verify when the model's own suggestion failed its checks."""
    if kind in ("opinion", "prediction"):
        return f"Not checkable as a fact: check only that {speaker} expressed this view, in the official record."
    if speaker not in ("the outlet", "unattributed"):
        return f"Check that {speaker} said this: the official transcript, statement or recording of the remarks."
    if kind == "statistic":
        return "Check the figure against the official statistics or dataset it comes from."
    return "Check it against the official records, statements or announcements of what is reported."


_NUMBERS = re.compile(r"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|hundred|thousand|million|billion|percent|half|double)\b", re.I)
_FUTURE = re.compile(r"\b(will|would|shall|expects?|expected|plans?|planned|intends?|next|forecasts?|predicts?|to be)\b", re.I)
# A forecast, as opposed to a stated plan ("will assume command"), which records can settle when it is due.
_FORECAST = re.compile(r"\b(expects?|expected|forecasts?|predicts?|likely|could|might|would|projected)\b", re.I)
_JUDGEMENT = re.compile(r"\b(should|must|ought|described\b.*\bas|excellent|staunch|capable|great|best|worst|important)\b", re.I)
_CAUSAL = re.compile(r"\b(because|due to|caused|led to|leads to|as a result|result of|thanks to)\b", re.I)


def _without_dates(text: str) -> str:
    """The text with its date expressions blanked: "May 15" is a date, not a statistic."""
    return grounding.blank_spans(text, tag(text, None))


def check_claim_type(kind: ClaimType, quote: str, speaker: str) -> list[str]:
    """The type must fit the quote's wording: a statistic states a number, a prediction looks ahead."""
    if kind == "statistic" and not _NUMBERS.search(_without_dates(quote)):
        return ["type statistic needs a number other than a date, and the quote states none"]
    if kind == "quote" and speaker in ("the outlet", "unattributed"):
        return ["type quote needs a speaker other than the outlet"]
    if kind == "prediction" and not _FUTURE.search(quote):
        return ["type prediction needs a statement about the future"]
    if kind == "causal" and not _CAUSAL.search(quote):
        return ["type causal needs a cause stated in the quote"]
    return []


def classify_claim(quote: str, speaker: str) -> ClaimType:
    """Code's stand-in for the model's type, from the quote's wording (marked as code-filled)."""
    if _JUDGEMENT.search(quote):
        return "opinion"
    if _FORECAST.search(quote):
        return "prediction"
    if _CAUSAL.search(quote):
        return "causal"
    if _NUMBERS.search(_without_dates(quote)):
        return "statistic"
    return "quote" if speaker not in ("the outlet", "unattributed") else "event"


def check_attribution_kept(speaker: str, said_by: str | None) -> list[str]:
    """Keep the article's attribution: a claim the article puts in X's mouth is X's; one the article
    states in its own voice is the outlet's, never upgraded to a named source or down to a fact."""
    if said_by is None:
        return [] if speaker in ("the outlet", "unattributed") else [
            f"the article states this in its own voice: the speaker is 'the outlet', not {speaker!r}"
        ]
    if not grounding.same_speaker(speaker, said_by):
        return [f"the article attributes this to {said_by!r}, not {speaker!r}"]
    return []


def check_verify(verify: str, quote: str) -> list[str]:
    """`verify` must point at a primary source, not at a web search, and not merely echo the quote."""
    if _VAGUE_SOURCES.search(verify):
        return ["verify must name a primary source (an official record, statement, transcript or dataset), not a web search"]
    if not _PRIMARY_SOURCES.search(verify):
        return [f"verify {verify!r} names no primary source: say which record, statement, transcript or dataset would settle it"]
    quoted = {w.lower() for w in re.findall(r"\w+", quote)}
    words = [w.lower() for w in re.findall(r"\w+", verify)]
    if len(words) >= 6 and sum(w in quoted for w in words) / len(words) > 0.8:
        return ["verify repeats the claim; say what to check and where"]
    return []


def check_event_says_something(event: str, step: Step) -> list[str]:
    rest = event.replace(step.part or "", " ")
    if len(re.findall(r"\w+", rest)) < 3:
        return [f"the event {event!r} only repeats the date; say what happened then"]
    return []


def with_antecedents(text: str, sentence: Sentence, article: Article) -> list[Sentence]:
    return [*grounding.antecedents(text, sentence, article), sentence]


def stand_in_warning(code: str, step: Step, answer: Answer, action: str) -> ReportWarning:
    why = "; ".join(answer.problems[:3]) or "no answer"
    return ReportWarning(code=code, message=f"{step.key}: {action}: the model's answer failed its checks: {why}", item=step.key)


def engine_timings(timings: Sequence[EngineTimings]) -> EngineTimings:
    """llama.cpp's accounting of one report: the sum over its calls."""
    return EngineTimings(
        prompt_eval_tokens=sum(t.prompt_eval_tokens for t in timings),
        prompt_eval_ms=round(sum(t.prompt_eval_ms for t in timings), 1),
        generated_tokens=sum(t.generated_tokens for t in timings),
        generation_ms=round(sum(t.generation_ms for t in timings), 1),
    )


def article_info(article: Article) -> ArticleInfo:
    return ArticleInfo(
        title=article.title,
        published=article.published,
        source=article.source,
        url=article.url,
        text=article.text,
        sha256=article.sha256,
        sentences=[SentenceModel(id=s.id, text=s.text, start=s.start, end=s.end, heading=s.heading) for s in article.sentences],
    )

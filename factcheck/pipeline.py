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

import datetime as dt
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal

from langchain_core.messages import HumanMessage, SystemMessage
from langchain_core.runnables import RunnableLambda
from pydantic import BaseModel, Field, create_model

from . import __version__, grounding
from .article import Article, Sentence
from .checkworthiness import Score, load_scorer
from .dates import Timex, tag, to_interval
from .errors import ModelOutputError
from .llm import Answer, Backend, StructuredAsker, TokenBudget
from .models import (
    ArticleInfo,
    Claim,
    ClaimDraft,
    ClaimType,
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
from .prompts import Prompt, fence, load_prompt
from .settings import Settings

CHAINS = ("summary", "claims", "timeline")


@dataclass
class Step:
    """One question to the model about one sentence."""

    chain: str
    key: str
    sentence: Sentence
    draft: type[BaseModel]
    part: str | None = None  # the clause (claims) or date words (timeline) the step is about
    timex: Timex | None = None


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
        self.prompts = {name: load_prompt(name, settings.prompts_dir) for name in ("system", *CHAINS)}
        self.asker = StructuredAsker(backend, max_reasks=settings.max_reasks, budget=TokenBudget(settings.token_budget))

    def run(self, article: Article, chains: Sequence[str] = CHAINS) -> Report:
        started = time.monotonic()
        built = {name: CHAIN_TYPES[name](article, self.settings) for name in chains}
        steps = [step for chain in built.values() for step in chain.plan()]
        answers = self.fill(article, steps)
        runs = {name: chain.assemble([(s, answers[id(s)]) for s in steps if s.chain == name]) for name, chain in built.items()}
        for name, chain_run in runs.items():
            for step in steps:
                if step.chain == name:
                    chain_run.usage.add(answers[id(step)].usage)
        warnings = [w for chain_run in runs.values() for w in chain_run.warnings]
        report = Report(
            article=article_info(article),
            summary=Summary(sentences=runs["summary"].items if "summary" in runs else []),
            claims=runs["claims"].items if "claims" in runs else [],
            timeline=runs["timeline"].items if "timeline" in runs else [],
            warnings=warnings,
            provenance=self._provenance(runs, time.monotonic() - started, chains),
        )
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

        # The in-process model serves one request at a time; a server takes several at once.
        answers = RunnableLambda(ask).batch(order, config={"max_concurrency": self.backend.concurrency}) if order else []
        return {id(step): answer for step, answer in zip(order, answers)}

    def _provenance(self, runs: dict[str, ChainRun], seconds: float, chains: Sequence[str]) -> Provenance:
        total = Usage()
        for chain_run in runs.values():
            total.add(chain_run.usage)
        used = [self.prompts["system"], *(self.prompts[c] for c in chains)]
        return Provenance(
            factcheck_version=__version__,
            provider=self.backend.provider,
            model=self.backend.model,
            structured_output=self.backend.structured_output,
            prompts=[PromptRef(name=p.name, version=p.meta.version, sha256=p.sha256) for p in used],
            usage={name: chain_run.usage for name, chain_run in runs.items()},
            total=total,
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

    def plan(self) -> list[Step]:
        prose = [s for s in self.article.sentences if not s.heading]
        chosen = sorted(prose, key=lambda s: -self.scores[s.id].score)[: self.limit]
        steps = []
        for sentence in sorted(chosen, key=lambda s: s.start):
            draft = claim_draft_for(sentence, self.article)
            clauses = split_clauses(sentence.text)
            for n, clause in enumerate(clauses, start=1):
                key = sentence.id if len(clauses) == 1 else f"{sentence.id}.{n}"
                steps.append(Step(self.name, key, sentence, draft, part=clause if len(clauses) > 1 else None))
        return steps

    @staticmethod
    def field_problems(article: Article, step: Step, draft: ClaimDraft) -> dict[str, list[str]]:
        cited = with_antecedents(draft.claim + " " + draft.speaker, step.sentence, article)
        return {
            "speaker": grounding.check_speaker_cited(draft.speaker, cited),
            "text": grounding.check_content("the claim", draft.claim, cited, article.published)
            + grounding.check_restates("the claim", draft.claim, cited),
            "verify": check_verify(draft.verify, step.part or step.sentence.text),
        }

    @classmethod
    def check(cls, article: Article, step: Step, draft: ClaimDraft) -> list[str]:
        return [p for problems in cls.field_problems(article, step, draft).values() for p in problems]

    def assemble(self, answered: list[tuple[Step, Answer]]) -> ChainRun:
        run = ChainRun()
        for step, answer in answered:
            draft, code_filled = answer.value, []
            if draft is None and answer.last is not None:
                # Salvage an answer whose speaker holds: code stands in for the fields that failed
                # (the quote for the text, a pointer by claim type for verify), and says so.
                failed = sorted(n for n, found in self.field_problems(self.article, step, answer.last).items() if found)
                if "speaker" not in failed:
                    draft, code_filled = answer.last, failed
                    run.warnings.append(stand_in_warning("code-filled-claim", step, answer, f"code filled {', '.join(failed)}"))
            if draft is None:
                run.warnings.append(stand_in_warning("dropped-claim", step, answer, "dropped"))
                continue
            run.items.append(self._claim(step, draft, code_filled))
        run.items = order_claims(dedupe_claims(run.items))
        return run

    def _claim(self, step: Step, draft: ClaimDraft, code_filled: list[str]) -> Claim:
        quote = step.part or step.sentence.text
        text = quote if "text" in code_filled else draft.claim
        cited = with_antecedents(text + " " + draft.speaker, step.sentence, self.article)
        score = self.scores[step.sentence.id]
        checkable = draft.type not in ("opinion", "prediction")
        return Claim(
            id="",
            text=text,
            type=draft.type,
            speaker=draft.speaker,
            sources=[s.id for s in cited],
            quote=quote,
            checkable=checkable,
            checkworthiness=round(score.score, 3) if checkable else 0.0,
            reason=(score.reason or "scored by the check-worthiness model") if checkable else f"{draft.type}: no record can settle it",
            verify=GENERIC_VERIFY[draft.type] if "verify" in code_filled else draft.verify,
            code_filled=code_filled,
        )


class TimelineChain:
    """Every date the article states, resolved by code; the model says what happens then."""

    name: ClassVar[str] = "timeline"

    def __init__(self, article: Article, settings: Settings) -> None:
        self.article = article

    def plan(self) -> list[Step]:
        return [
            Step(self.name, f"E{n}", sentence, EventDraft, part=timex.text, timex=timex)
            for n, (timex, sentence) in enumerate(dated_sentences(self.article), start=1)
        ]

    @staticmethod
    def check(article: Article, step: Step, draft: EventDraft) -> list[str]:
        cited = with_antecedents(draft.event, step.sentence, article)
        return (
            check_event_says_something(draft.event, step)
            + grounding.check_content("the event", draft.event, cited, article.published)
            + grounding.check_restates("the event", draft.event, cited, min_words=2)
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


# "X said A, and that B" / "A; B" / "A, adding that B": one claim per clause, each quoted verbatim.
_CLAUSE_BREAK = re.compile(r";\s+|,?\s+and that\s+|,\s+adding that\s+|,\s+added\s+|,\s+while\s+")


def split_clauses(text: str) -> list[str]:
    parts = [p.strip(" ,") for p in _CLAUSE_BREAK.split(text)]
    parts = [p for p in parts if len(p.split()) >= 4]
    return parts if len(parts) > 1 else [text]


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
    for timex in tag(article.text, article.published):
        if timex.type not in ("DATE", "TIME"):
            continue
        sentence = next((s for s in prose if s.start <= timex.start < s.end), None)
        if sentence is not None:
            found.append((timex, sentence))
    return found


def dedupe_claims(claims: list[Claim]) -> list[Claim]:
    """Merge near-duplicates (most words shared), keeping the first and the union of its sources."""
    kept: list[tuple[set[str], Claim]] = []
    for claim in claims:
        words = set(re.findall(r"\w+", claim.text.lower()))
        for theirs, other in kept:
            if words and len(words & theirs) / len(words | theirs) >= 0.8:
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

# What code says to verify when the model's own suggestion failed its checks.
GENERIC_VERIFY: dict[ClaimType, str] = {
    "statistic": "Check the figure against the official statistics or dataset it comes from.",
    "quote": "Check the words against the official transcript, statement or recording.",
    "event": "Check that it happened as described in official records, statements or announcements.",
    "causal": "Check whether official data or published studies support the stated cause.",
    "prediction": "Not checkable yet: record who predicts it and check the outcome when it is due.",
    "opinion": "Not checkable as a fact: check only that the person named expressed this view, in the official record.",
}


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

"""The report schema (`Report`, serialised as JSON) and the small drafts the model is asked to fill.

Report fields are computed or checked by code; drafts are what a model writes for one step and are
validated before anything from them reaches a report.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

# 1.1: claims carry `scores`; "scorer+model" as a score source. 1.2: `provenance.chains`, the parts
# that ran: `factcheck claims` and `factcheck timeline` write whole reports, the other parts empty.
# 1.3: a model's score is its level (high 1, medium 0.5, low 0), and with it the checkworthiness of
# a "scorer+model" claim is (level index 0-2 + scorer) / 3, no longer the mean of the two scores.
SCHEMA_VERSION = "1.3"
# The report's three parts, each made by its own chain.
PARTS = ("summary", "claims", "timeline")
Part = Literal["summary", "claims", "timeline"]

ClaimType = Literal["statistic", "quote", "event", "causal", "prediction", "opinion"]
Precision = Literal["day", "week", "month", "quarter", "year", "decade", "unknown"]
# Where an item's text came from: the model's own words (checked), or code standing in for a
# model step that kept failing its checks (the article's own sentence, verbatim).
# model: the model wrote it; extractive: the article's sentence; compression: the article's sentence
# with side phrases dropped (factcheck/syntax.py), the model choosing which where it could.
Origin = Literal["model", "extractive", "compression"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


# --- the report ----------------------------------------------------------------------------------


class Sentence(_Strict):
    id: str = Field(description="S1, S2, ... in article order")
    text: str
    start: int = Field(description="offset of the first character in article.text")
    end: int = Field(description="offset past the last character in article.text")
    heading: bool = Field(False, description="a headline or cross-heading, not prose")


class ArticleInfo(_Strict):
    title: str | None = None
    published: dt.date | None = None
    source: str | None = None
    url: str | None = None
    text: str = Field(description="the article text as analysed; every offset indexes it")
    sha256: str
    sentences: list[Sentence]


class SummarySentence(_Strict):
    text: str
    sources: list[str] = Field(min_length=1, description="ids of the article sentences it rests on")
    origin: Origin = "model"


class Summary(_Strict):
    sentences: list[SummarySentence] = Field(default_factory=list)


class Claim(_Strict):
    id: str = Field(description="C1, C2, ... in checklist order")
    text: str = Field(description="the claim as one standalone sentence")
    type: ClaimType
    speaker: str = Field(description="who makes the claim: a named source, the outlet, or 'unattributed'")
    sources: list[str] = Field(min_length=1)
    quote: str = Field(description="verbatim article text from a cited sentence")
    checkable: bool = Field(description="false for opinions and predictions, which no record can settle")
    checkworthiness: float = Field(ge=0, le=1, description="the score the checklist is ordered by (0 when not checkable)")
    checkworthiness_source: Literal["scorer", "scorer+model"] = Field(
        "scorer", description="scorer: the bundled check-worthiness model alone; scorer+model: the chat "
        "model's level (high, medium, low), given after reading the whole article, orders the claims and "
        "the scorer's score orders those of one level: (level index 0-2 + scorer) / 3"
    )
    scores: dict[Literal["scorer", "model"], float] = Field(
        default_factory=dict, description="each source's score of the claim's sentence, before combining; "
        "the model's is its level: high 1, medium 0.5, low 0"
    )
    reason: str = Field(description="why it is (or is not) worth checking")
    verify: str = Field(description="what to check and which primary source would settle it")
    code_filled: list[Literal["speaker", "text", "type", "verify"]] = Field(
        default_factory=list,
        description="fields code filled in because the model's choices failed their checks: the "
        "speaker from the article's attribution, the type from the clause's structure (the text and "
        "verify are always code's: the clause made standalone, and a template per type and speaker)",
    )


class TimelineEvent(_Strict):
    date: dt.date | None = Field(description="first day covered; null when it cannot be resolved")
    end: dt.date | None = Field(description="last day covered (== date for a single day)")
    precision: Precision
    when: str = Field(description="the date words exactly as written in a cited sentence")
    event: str
    sources: list[str] = Field(min_length=1)
    origin: Origin = "model"


class ReportWarning(_Strict):
    code: str = Field(description="machine-readable kind, e.g. dropped-claim, unresolved-date")
    message: str
    item: str | None = Field(None, description="the chain step or item concerned")


class Usage(_Strict):
    prompt_tokens: int = 0
    completion_tokens: int = 0
    calls: int = 0

    def add(self, other: Usage) -> None:
        self.prompt_tokens += other.prompt_tokens
        self.completion_tokens += other.completion_tokens
        self.calls += other.calls

    @property
    def total_tokens(self) -> int:
        return self.prompt_tokens + self.completion_tokens


class PromptRef(_Strict):
    name: str
    version: str
    sha256: str = Field(description="hash of the prompt file as used")


class EngineTimings(_Strict):
    """llama.cpp's own accounting, for the in-process model: what it evaluated and how long it took.
    A prompt prefix reused from the cache is not evaluated again, so it is not counted."""

    prompt_eval_tokens: int
    prompt_eval_ms: float
    generated_tokens: int
    generation_ms: float


class Provenance(_Strict):
    factcheck_version: str
    provider: str
    model: str
    structured_output: str
    prompts: list[PromptRef]
    chains: list[Part] = Field(
        default_factory=lambda: list(PARTS),
        description="the parts that ran, in report order; a part not listed is empty because it was not run "
        "(reports before schema 1.2 ran all three)",
    )
    usage: dict[str, Usage] = Field(description="token usage per chain")
    total: Usage
    engine: EngineTimings | None = Field(None, description="llama.cpp's own timings (local provider only)")
    duration_seconds: float
    created: dt.datetime


class Report(_Strict):
    schema_version: str = SCHEMA_VERSION
    article: ArticleInfo
    summary: Summary
    claims: list[Claim]
    timeline: list[TimelineEvent]
    warnings: list[ReportWarning]
    provenance: Provenance


# --- what the model fills in, one small step at a time ---------------------------------------------


class SummaryDraft(_Strict):
    """One neutral summary sentence for the sentences shown."""

    sentence: str = Field(min_length=3, max_length=300)


class CompressionDraft(_Strict):
    """Which side phrases of the sentence to drop; the ids are the listed spans'."""

    drop: list[str] = Field(default_factory=list, description="ids of the listed phrases to drop")


class ClaimTypeDraft(_Strict):
    """The model's choice of the claim's type, among the types code lists. The bundled model is
    asked nothing else: the speaker is code's attribution, the text and `verify` are code's."""

    type: ClaimType


class ClaimDraft(ClaimTypeDraft):
    """The model's choices about the claim in the text shown, among options code lists: its type
    and its speaker. The claim's text (the clause made standalone) and `verify` are code's."""

    speaker: str = Field(min_length=1, max_length=120)


class EventDraft(_Strict):
    """What happened at the date shown."""

    event: str = Field(min_length=3, max_length=160)


# How worth checking a claim is, as a ranking model chooses it: a choice a small instruct model
# makes reliably, where a 0-1 score of its own was not (Qwen2.5-Coder-1.5B's were unusable).
Level = Literal["high", "medium", "low"]
LEVELS: tuple[Level, ...] = ("high", "medium", "low")
# A level as the model's score in a claim's `scores`.
LEVEL_SCORES: dict[str, float] = {"high": 1.0, "medium": 0.5, "low": 0.0}


class RatingsDraft(_Strict):
    """How worth checking each listed claim is, judged with the whole article in view: one level
    per claim id. `ratings_draft_for` adds one required field per id, so the schema (a grammar on
    llama.cpp) makes the model rate every listed claim once and nothing else."""

    def levels(self) -> dict[str, Level]:
        return self.model_dump()


DRAFTS: dict[str, type[BaseModel]] = {
    "SummaryDraft": SummaryDraft,
    "CompressionDraft": CompressionDraft,
    "ClaimDraft": ClaimDraft,
    "ClaimTypeDraft": ClaimTypeDraft,
    "EventDraft": EventDraft,
    "RatingsDraft": RatingsDraft,
}

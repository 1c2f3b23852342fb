"""The claims chain: the most check-worthy sentences, split by code into clauses, each stated by
the model as a standalone claim with its speaker, type and what to verify; merged and ordered by code.

A field that keeps failing its checks (factcheck/checks/) is filled in by code and the claim says so;
a claim with no answer at all is dropped with a warning.
"""

from __future__ import annotations

import dataclasses
import re
from typing import ClassVar, Literal

from pydantic import Field, create_model

from ..article import Article, Sentence
from ..checks import grounding
from ..checks.claims import check_attribution_kept, check_claim_type, check_verify, classify_claim
from ..dates import Timex, format_interval, tag, to_interval
from ..llm import Answer
from ..models import Claim, ClaimDraft, ClaimType, RatingDraft, RatingsDraft
from ..settings import Settings
from .base import ChainRun, Step, score_sentences, stand_in_warning, with_antecedents

_LEADING_PRONOUN = re.compile(r"^(?:He|She)\b")
_YEAR = re.compile(r"\b\d{4}\b")


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

    def check(self, article: Article, step: Step, draft: ClaimDraft) -> list[str]:
        return [p for problems in self.field_problems(article, step, draft).values() for p in problems]

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


def ratings_draft_for(ids: tuple[str, ...]) -> type[RatingsDraft]:
    """RatingsDraft whose ids must be the listed claims' (a grammar or strict schema enforces it)."""
    rating = create_model("RatingDraft", __base__=RatingDraft, id=(Literal[ids], Field(description="the claim's id, as listed")))
    return create_model("RatingsDraft", __base__=RatingsDraft, ratings=(list[rating], ...))


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


def generic_verify(kind: ClaimType, speaker: str) -> str:
    """What code says to verify when the model's own suggestion failed its checks."""
    if kind in ("opinion", "prediction"):
        return f"Not checkable as a fact: check only that {speaker} expressed this view, in the official record."
    if speaker not in ("the outlet", "unattributed"):
        return f"Check that {speaker} said this: the official transcript, statement or recording of the remarks."
    if kind == "statistic":
        return "Check the figure against the official statistics or dataset it comes from."
    return "Check it against the official records, statements or announcements of what is reported."

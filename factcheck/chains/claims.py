"""The claims chain: the most check-worthy sentences, split by code into clauses; a server's model
chooses each claim's type and speaker among options code lists; merged and ordered by code. The
bundled model is asked nothing: code's type stands (factcheck/attribution.py, `claim_types`).

Code writes the rest (factcheck/attribution.py): the claim's text is its clause made standalone
(pronouns and "that group" resolved, the referent's sentence cited, the reporting frame put back)
and checked by factcheck/faithfulness.py against the sentences it cites, the article's own words
standing in when it fails; its speaker is code's attribution, and `verify` comes from a template
per type and speaker. A choice that keeps failing its checks is filled in by code and the claim
says so; a claim with no answer at all is dropped with a warning.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import ClassVar, Literal, get_args

from pydantic import Field, create_model

from .. import faithfulness
from ..article import Article, Sentence, with_quotes_balanced
from ..attribution import OUTLET, OUTLET_SPEAKER, quoted_spans, Speaker, Standalone, attribute, attributed, claim_types, resolve_referents, verify_for
from ..checks.claims import check_attribution_kept, check_claim_type, classify_claim
from ..dates import Timex, format_interval, tag, to_interval
from ..checkworthiness import load_scorer
from ..llm import Answer
from ..models import LEVEL_SCORES, LEVELS, Claim, ClaimDraft, ClaimTypeDraft, Level, RatingsDraft, ReportWarning
from ..settings import Settings
from ..syntax import SENTENCE_END
from .base import ChainRun, Step, score_sentences, stand_in_warning

_YEAR = re.compile(r"\b\d{4}\b")


class ClaimsChain:
    """The most check-worthy sentences, split into clauses, each stated as a claim with its speaker."""

    name: ClassVar[str] = "claims"

    def __init__(self, article: Article, settings: Settings) -> None:
        self.article = article
        self.limit = settings.max_claims
        self.scores = score_sentences(article)
        self.timexes = tag(article.text, article.published)
        self.texts = [s.text for s in article.sentences]
        self.speakers: dict[str, Speaker] = {}  # code's attribution per step key
        # The bundled model is asked nothing about a claim. Its speaker would be code's attribution
        # anyway (a 135M model answering "the outlet" cost a re-ask in one call out of three), and
        # asked to choose the type among code's, SmolLM2 answered "event" for 53 of 58 claims of five
        # TimeBank articles, 31 of which code types a quote, a statistic, an opinion, a prediction or
        # a cause; an editor found 4 of code's first types wrong.
        self.asks_model = settings.resolved_provider != "local"
        self.steps: list[Step] = []  # every clause; `plan` returns those a server's model is asked

    def plan(self) -> list[Step]:
        prose = [s for s in self.article.sentences if not s.heading]
        chosen = sorted(prose, key=lambda s: -self.scores[s.id].score)[: self.limit]
        steps = []
        for sentence in sorted(chosen, key=lambda s: s.start):
            index = self.article.sentences.index(sentence)
            clauses = [
                (part, outlet_voice)
                for clause in split_clauses(sentence.text)
                for part, outlet_voice in split_event_tail(clause)
            ]
            for n, (clause, outlet_voice) in enumerate(clauses, start=1):
                key = sentence.id if len(clauses) == 1 else f"{sentence.id}.{n}"
                part = clause if len(clauses) > 1 else None
                speaker = OUTLET_SPEAKER if outlet_voice else attribute(self.texts, index, part)
                self.speakers[key] = speaker
                types = claim_types(part or sentence.text, speaker)
                if self.asks_model:
                    # Code's attribution is the reference. The outlet is listed beside a named speaker only
                    # so that a model answering outside a grammar still parses; its check then rejects it.
                    options = [speaker.name, OUTLET] if not speaker.is_outlet else [OUTLET]
                    draft: type[ClaimTypeDraft] = claim_draft_for(options, types)
                else:
                    draft = claim_type_draft_for(types)
                steps.append(Step(self.name, key, sentence, draft, part=part, outlet_voice=outlet_voice))
        self.steps = steps
        return steps if self.asks_model else []

    def field_problems(self, article: Article, step: Step, draft: ClaimTypeDraft) -> dict[str, list[str]]:
        quote = step.part or step.sentence.text
        said = self.speakers.get(step.key) or attribute(self.texts, article.sentences.index(step.sentence), step.part)
        problems = {"type": check_claim_type(draft.type, quote, said)}  # the types code's speaker allows
        if isinstance(draft, ClaimDraft):
            problems["speaker"] = check_attribution_kept(draft.speaker, None if said.is_outlet else said.name)
        return problems

    def check(self, article: Article, step: Step, draft: ClaimTypeDraft) -> list[str]:
        return [p for problems in self.field_problems(article, step, draft).values() for p in problems]

    def assemble(self, answered: list[tuple[Step, Answer]]) -> ChainRun:
        run = ChainRun()
        answers = {step.key: answer for step, answer in answered}
        for step in self.steps:  # planned, asked or not
            answer = answers.get(step.key)
            if answer is None:  # not asked (the bundled model): code's type
                answer = Answer(value=step.draft.model_validate({"type": _types(step.draft)[0]}))
            draft = answer.value or answer.last
            if draft is None:
                run.warnings.append(stand_in_warning("dropped-claim", step, answer, "dropped"))
                continue
            # Code stands in for each choice that kept failing its checks, and the claim says which.
            failed = [] if answer.value else [n for n, found in self.field_problems(self.article, step, draft).items() if found]
            claim, unfaithful = self._claim(step, draft, failed)
            if failed:
                run.warnings.append(stand_in_warning("code-filled-claim", step, answer, f"code filled {', '.join(claim.code_filled)}"))
            elif unfaithful:
                why = "; ".join(p.message for p in unfaithful[:2])
                run.warnings.append(ReportWarning(
                    code="code-filled-claim", item=step.key,
                    message=f"{step.key}: the article's own words stand in: the standalone text failed the faithfulness check: {why}",
                ))
            run.items.append(claim)
        run.items = order_claims(dedupe_claims(run.items))
        return run

    def _claim(self, step: Step, draft: ClaimTypeDraft, code_filled: list[str]) -> tuple[Claim, list[faithfulness.Problem]]:
        """The claim, and the faithfulness problems of code's standalone text when its own words stand in."""
        quote = step.part or step.sentence.text
        said = self.speakers.get(step.key) or attribute(self.texts, self.article.sentences.index(step.sentence), step.part)
        speaker = said  # code's attribution is the reference; the check keeps the model's choice to it
        kind = classify_claim(quote, speaker) if "type" in code_filled else draft.type
        index = self.article.sentences.index(step.sentence)
        # All the sentences before: who "she" is may have been settled well before (its pronouns
        # follow the discourse); the referents of "that group" are still sought only nearby.
        previous = self.article.sentences[:index]
        if step.outlet_voice:  # a dated event named in passing: its own words, not the sentence around it
            standalone = Standalone(quote[:1].upper() + quote[1:])
        else:
            standalone = resolve_referents(quote, step.sentence.text, [s.text for s in previous])
            if step.part is not None and standalone.text != step.sentence.text:  # a clause keeps its "X said"
                standalone.text = attributed(standalone.text, speaker, quote, step.sentence.text)
        standalone.text = _as_sentence(standalone.text)
        cited = [previous[i] for i in standalone.cited]
        if speaker.sentence is not None and self.article.sentences[speaker.sentence] is not step.sentence:
            cited.append(self.article.sentences[speaker.sentence])  # the sentence that names the speaker
        text, anchors = self.explicit_dates(standalone.text, [*cited, step.sentence])
        cited = sorted({*cited, *anchors, step.sentence}, key=lambda s: s.start)
        # Code's rewrite (a pronoun resolved, a referent, the attribution put back, a date made
        # explicit against the publication date) must say only what the cited sentences say; else
        # the article's own words stand in, marked as such.
        problems = faithfulness.check(text, [s.text for s in cited], published=self.article.published)
        if problems:
            text = self.own_words(quote, step.sentence)
            code_filled = [*code_filled, "text"]
            # The article's own words rest on their sentence (and the one naming the speaker), not on the
            # antecedents the rewrite used: those could lend the text an attribution it does not drop.
            naming = self.article.sentences[speaker.sentence] if speaker.sentence is not None else step.sentence
            cited = sorted({step.sentence, naming}, key=lambda s: s.start)
        score = self.scores[step.sentence.id]
        # The reason is the clause's own, when the clause is a part of its sentence.
        reason = score.reason if step.part is None else (load_scorer().score([step.part])[0].reason or score.reason)
        checkable = kind not in ("opinion", "prediction")
        return Claim(
            id="",
            text=text,
            type=kind,
            speaker=speaker.name,
            sources=[s.id for s in cited],
            quote=quote,
            checkable=checkable,
            checkworthiness=round(score.score, 3) if checkable else 0.0,
            scores={"scorer": round(score.score, 3)},
            reason=(reason or "scored by the check-worthiness model") if checkable else f"{kind}: no record can settle it",
            verify=verify_for(kind, speaker, quote),
            code_filled=code_filled,
        ), problems

    def own_words(self, clause: str, sentence: Sentence) -> str:
        """The clause as a sentence, when it is one the checker accepts against its own sentence;
        else the whole sentence."""
        text = _as_sentence(clause)
        return text if not faithfulness.check(text, [sentence.text], published=self.article.published) else sentence.text.strip()

    def explicit_dates(self, text: str, cited: list[Sentence]) -> tuple[str, list[Sentence]]:
        """Each relative date in `text` made explicit ("on Sunday" -> "on Sunday (11 May 2025)", "May 15"
        -> "May 15, 2025"), as the article resolves the same words in a cited sentence."""
        # Calendar dates only: a clock time ("until 10 pm") is no more explicit with a day added.
        resolved = {t.text.casefold(): t for t in self.timexes if t.type == "DATE" and any(s.start <= t.start < s.end for s in cited)}
        stated_alone = {t.value for t in tag(" ".join(s.text for s in cited), self.article.published)}
        anchors: list[Sentence] = []
        for found in reversed(tag(text, None)):
            timex = resolved.get(found.text.casefold())
            # Never inside a quotation (a quote is not reworded), nor before a possessive ("Wednesday's ruling").
            quoted = any(a <= found.start < b for a, b in quoted_spans(text))
            # Only a date the words pin down is glossed ("later that day", "early next year" lie inside
            # it): "more than four decades ago" or "about a year ago" only bounds or approximates its
            # value, and that value beside it would state what the article does not.
            inexact = timex is not None and not (timex.within_value and found.within_value)
            if timex is None or inexact or quoted or _YEAR.search(found.text) or text[found.end :].startswith((" (", "'s", "’s")):
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


def _as_sentence(text: str) -> str:
    """A clause ended as a sentence ends: capitalised, its trailing comma a full stop, and the
    quotation mark it lost to the sentence splitter put back."""
    text = text.strip().rstrip(",;:").rstrip()
    text = re.sub(r"[,;:]([\"'”’»)\]]+)$", r".\1", text)
    text = text[:1].upper() + text[1:]
    text = text if SENTENCE_END.search(text) else text + "."
    return with_quotes_balanced(text)


# "X said A, and that B" / "A; B" / "A, adding (saying) that B": one claim per clause, each quoted verbatim.
_CLAUSE_BREAK = re.compile(r";\s+|,?\s+and that\s+|,\s+(?:adding|saying) that\s+|,\s+added\s+|,\s+while\s+")


def split_clauses(text: str) -> list[str]:
    parts = [p.strip(" ,") for p in _CLAUSE_BREAK.split(text)]
    parts = [p for p in parts if len(p.split()) >= 4]
    return parts if len(parts) > 1 else [text]


# "X said ... ahead of the summit on June 3-4 in Vilnius": the dated event is the outlet's own
# statement, not X's, and a claim of its own.
_EVENT_TAIL = re.compile(r",?\s+(?:ahead of|in the run-up to|on the sidelines of)\s+(?=the\s)", re.I)


def split_event_tail(clause: str) -> list[tuple[str, bool]]:
    """The clause, and a dated event it mentions in passing, if any: [(text, stated by the outlet)]."""
    m = _EVENT_TAIL.search(clause)
    if not m or not any(t.type == "DATE" for t in tag(clause[m.end() :], None)):
        return [(clause, False)]
    return [(clause[: m.start()], False), (clause[m.end() :], True)]


def ratings_draft_for(ids: tuple[str, ...]) -> type[RatingsDraft]:
    """RatingsDraft with one required level per listed claim id, in the listed order: under a
    JSON-schema grammar the model only chooses a level for each id, it cannot skip or add one."""
    level = (Literal[LEVELS], Field(description="how worth checking before publication"))
    return create_model("RatingsDraft", __base__=RatingsDraft, **{i: level for i in ids})


def rated(claim: Claim, level: Level) -> None:
    """The model's level orders the checklist (it read the whole article); the scorer's score
    orders the claims of one level. Both stay in `scores`."""
    claim.scores["model"] = LEVEL_SCORES[level]
    claim.checkworthiness = round((LEVELS[::-1].index(level) + claim.scores["scorer"]) / 3, 3)
    claim.checkworthiness_source = "scorer+model"
    claim.reason += f" Read with the whole article, the model rated it {level}."


def claim_type_draft_for(types: Sequence[str]) -> type[ClaimTypeDraft]:
    """ClaimTypeDraft whose type is one the clause's structure allows, code's choice first."""
    return create_model("ClaimTypeDraft", __base__=ClaimTypeDraft, type=(Literal[tuple(types)], Field(description="the kind of claim")))


def _types(draft: type[ClaimTypeDraft]) -> tuple[str, ...]:
    """The types a claim draft admits, as listed (code's choice first)."""
    return get_args(draft.model_fields["type"].annotation)


def claim_draft_for(speakers: Sequence[str], types: Sequence[str]) -> type[ClaimDraft]:
    """ClaimDraft whose speaker is one of code's options (its attribution first) and whose type
    is one the clause's structure allows: under a JSON-schema grammar a small model chooses, it
    does not write."""
    return create_model(
        "ClaimDraft",
        __base__=ClaimDraft,
        type=(Literal[tuple(types)], Field(description="the kind of claim")),
        speaker=(Literal[tuple(speakers)], Field(description="who makes the claim, as the article says")),
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

"""The claims chain: the most check-worthy sentences, split by code into clauses; a server's model
chooses each claim's type and speaker among options code lists; merged and ordered by code. The
bundled model is asked nothing: code's type stands (factcheck/claim_types.py, `claim_types`).

Code writes the rest (factcheck/attribution.py, factcheck/referents.py): the claim's text is its clause made standalone
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
from ..article import Article, Sentence, as_quoted_in, open_at_start, quote_count, quote_open_after, unclosed_quotations, with_one_stop, with_quotes_balanced
from ..attribution import OUTLET, OUTLET_SPEAKER, REPORTING_LEMMAS, quoted_spans, Speaker, _inverted_speaker, attribute, attributed
from ..referents import Standalone, dangling, introduces_what_follows, is_statement, standalone_variants, untold_times
from ..claim_types import claim_types, verify_for
from ..checks.claims import check_attribution_kept, check_claim_type, classify_claim
from ..dates import Timex, format_interval, tag, to_interval
from ..checkworthiness import load_scorer
from ..llm import Answer
from ..nlp import cached
from ..models import LEVEL_SCORES, LEVELS, Claim, ClaimDraft, ClaimTypeDraft, Level, RatingsDraft, ReportWarning
from ..settings import Settings
from ..syntax import compress, without_leading_connective
from .base import ChainRun, Step, score_sentences, stand_in_warning
from ..transcripts import about_the_broadcast, is_transcript, turn_speakers, unshowable, written
from .shortening import droppable_spans, without_leading_concession

class ClaimsChain:
    """The most check-worthy sentences, split into clauses, each stated as a claim with its speaker."""

    name: ClassVar[str] = "claims"

    def __init__(self, article: Article, settings: Settings) -> None:
        self.article = article
        self.limit = settings.max_claims
        self.scores = score_sentences(article)
        self.timexes = tag(article.text, article.published)
        self.texts = [s.text for s in article.sentences]
        # Where paragraphs begin: a quotation goes on into a new one only if it opens on a mark.
        self.paragraphs = article.paragraph_starts
        self.speakers: dict[str, Speaker] = {}  # code's attribution per step key
        self.turns = turn_speakers(self.texts)  # a pasted transcript's guest per sentence (`attribute`)
        # The bundled model is asked nothing about a claim. Its speaker would be code's attribution
        # anyway (a 135M model answering "the outlet" cost a re-ask in one call out of three), and
        # asked to choose the type among code's, SmolLM2 answered "event" for 53 of 58 claims of five
        # TimeBank articles, 31 of which code types a quote, a statistic, an opinion, a prediction or
        # a cause; an editor found 4 of code's first types wrong.
        self.asks_model = settings.resolved_provider != "local"
        self.steps: list[Step] = []  # every clause; `plan` returns those a server's model is asked
        self._quote_open: frozenset[str] | None = None  # the sentences a quotation is open where they start
        # Sentence id -> the compression that is its claim, when the whole sentence does not stand alone.
        self.shortened: dict[str, str] = {}

    def plan(self) -> list[Step]:
        # A claim is a statement: not a heading, nor a transcript's "Clinton on Friday."; nor a sentence
        # of a quotation the article never closes: a claim closes its quotation, and where is unknown;
        # nor speech as said that a claim could only misquote ("we will, uh, we will" inside quotation
        # marks, "I mean"), nor a transcript's talk about the broadcast ("Caroline Wyatt reports."),
        # as the summary and timeline (factcheck/transcripts.py).
        unclosed = unclosed_quotations(self.article)
        transcript = is_transcript(self.texts)
        prose = [s for s in self.article.sentences if not s.heading and is_statement(s.text) and not introduces_what_follows(s.text)
                 and s.id not in unclosed and not unshowable(s.text, self._open_before(s)) and not (transcript and about_the_broadcast(s.text))]
        ranked = sorted(prose, key=lambda s: -self.scores[s.id].score)
        # Only claims that stand alone, among the most check-worthy: one whose referent neither its
        # words nor code can give ("That brought the toll to 259", an unattributed "I", "the ruling"
        # with no word of whose) is a defect an editor counts, not a lesser claim. So few standing
        # alone there that the checklist would be all but empty, and the less check-worthy ones that
        # stand alone fill it up; a dangling one never does (once it did: a third of those were
        # incomplete on unseen news).
        chosen = [s for s in ranked[: 2 * self.limit] if self.stands_alone(s)][: self.limit]
        fewest = min(_FEWEST_CLAIMS, self.limit)
        for sentence in ranked[2 * self.limit :]:
            if len(chosen) >= fewest:
                break
            if self.stands_alone(sentence):
                chosen.append(sentence)
        steps = []
        for sentence in sorted(chosen, key=lambda s: s.start):
            index = self.article.sentences.index(sentence)
            # A compression is one claim, whatever clauses the whole sentence has (`next_best`).
            clauses = [(sentence.text, False)] if sentence.id in self.shortened else [
                (part, outlet_voice)
                for clause in split_clauses(sentence.text)
                for part, outlet_voice in split_event_tail(clause)
            ]
            for n, (clause, outlet_voice) in enumerate(clauses, start=1):
                key = sentence.id if len(clauses) == 1 else f"{sentence.id}.{n}"
                part = clause if len(clauses) > 1 else None
                speaker = OUTLET_SPEAKER if outlet_voice else self.attribute(index, part)
                self.speakers[key] = speaker
                types = claim_types(part or self.shortened.get(sentence.id, sentence.text), speaker)  # as `clause_of`
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

    def attribute(self, index: int, part: str | None = None) -> Speaker:
        """Code's attribution of sentence `index` (or its clause `part`); what it gives the outlet in a
        pasted transcript's guest turn ("RUTH ABARA, DUNMORE COUNCIL: We have roads ...") is the
        guest's, whose label names them (factcheck/transcripts.py, `turn_speakers`)."""
        said = attribute(self.texts, index, part, self.paragraphs)
        if said.is_outlet and (turn := self.turns[index]) is not None:
            return Speaker(turn[0], "person", turn[1], "said", turn[0])
        return said

    def stands_alone(self, sentence: Sentence) -> bool:
        """Whether the sentence, its referents resolved, is a claim that stands alone: in words the
        faithfulness check accepts, as `_claim` will require. A referent put in that the check
        rejects ("That resolution [U.N. Resolution 425]" citing a conditional quote) leaves the
        sentence's own words, which point back: chosen, the claim would be dropped in `assemble`
        and take the place of one that stands. When the whole sentence does not stand alone, a
        shorter one may (`next_best`): the claim is then that compression."""
        # Speech as said ("Uh, there are ...", "of, of"): the claim is the sentence without it (`next_best`).
        if written(sentence.text) == sentence.text and self._whole_stands_alone(sentence):
            return True
        shorter = self.next_best(sentence)
        if shorter is not None:
            self.shortened[sentence.id] = shorter
        return shorter is not None

    def next_best(self, sentence: Sentence) -> str | None:
        """The sentence without a side phrase that holds what it leaves dangling, when the rest is a
        claim that stands alone and says only what the sentence says ("The Justice Department, which
        supported the statute, did not ..." -> "The Justice Department did not ..."): each phrase
        the compression may drop (chains/shortening.py), one at a time, then all of them, then a
        leading concession (`without_leading_concession`); a key figure in a sentence whose side
        phrase points back is kept rather than left out. None when no compression passes
        `dangling`, `untold_times` and the faithfulness check."""
        index = self.article.sentences.index(sentence)
        before = self.texts[:index]
        spans = droppable_spans(sentence.text, before)
        shorter_ones = [compress(sentence.text, {span.id}, spans) for span in spans]
        if len(spans) > 1:
            shorter_ones.append(compress(sentence.text, {span.id for span in spans}, spans))
        if (rest := without_leading_concession(sentence.text, before)) is not None:
            shorter_ones.append(rest)
        # A transcript's speech as said is never shown: first the sentence without it, then shorter.
        shorter_ones = list(dict.fromkeys(written(t) for t in [sentence.text, *shorter_ones]))
        if shorter_ones[0] == sentence.text:
            shorter_ones = shorter_ones[1:]
        if not shorter_ones:
            return None
        speaker = self.attribute(index)
        naming = [self.texts[speaker.sentence]] if speaker.sentence is not None and speaker.sentence != index else []
        for shorter in shorter_ones:
            for resolved in standalone_variants(shorter, sentence.text, before, whole=False):
                text = _as_sentence(resolved.text)
                if _cited_only(resolved) or dangling(text, speaker.is_outlet, before):
                    continue
                if untold_times(self.explicit_dates(text, [sentence])[0]):
                    continue
                cited = [before[i] for i in resolved.cited] + naming + [sentence.text]
                if not faithfulness.check(text, cited, published=self.article.published):
                    return shorter
        return None

    def _whole_stands_alone(self, sentence: Sentence) -> bool:
        """Whether the whole sentence, its referents resolved, stands alone (see `stands_alone`)."""
        index = self.article.sentences.index(sentence)
        speaker = self.attribute(index)
        before = self.texts[:index]
        variants = standalone_variants(sentence.text, sentence.text, before)
        # "The move seemed aimed at ...": a sentence cited for a referent code could not put in
        # leaves the reader asking which move, as much as a pronoun would.
        if _cited_only(variants[0]):
            return False
        # "The following month, ...": which month, only a date the claim's text gives says.
        if untold_times(self.explicit_dates(sentence.text, [sentence])[0]):
            return False
        if not dangling(sentence.text, speaker.is_outlet, before):
            return True
        naming = [self.texts[speaker.sentence]] if speaker.sentence is not None and speaker.sentence != index else []
        for resolved in variants:
            if _cited_only(resolved) or dangling(resolved.text, speaker.is_outlet, before):
                continue
            cited = [before[i] for i in resolved.cited] + naming + [sentence.text]
            if not faithfulness.check(_as_sentence(resolved.text), cited, published=self.article.published):
                return True
        return False

    def field_problems(self, article: Article, step: Step, draft: ClaimTypeDraft) -> dict[str, list[str]]:
        quote = self.clause_of(step)
        said = self.speakers.get(step.key) or self.attribute(article.sentences.index(step.sentence), step.part)
        problems = {"type": check_claim_type(draft.type, quote, said)}  # the types code's speaker allows
        if isinstance(draft, ClaimDraft):
            problems["speaker"] = check_attribution_kept(draft.speaker, None if said.is_outlet else said.name)
        return problems

    def clause_of(self, step: Step) -> str:
        """What the step's claim states, as its type is judged: its clause, the sentence's compression
        (`next_best`), or the sentence."""
        return step.part or self.shortened.get(step.sentence.id, step.sentence.text)

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
            index = self.article.sentences.index(step.sentence)
            if not step.outlet_voice and (left := dangling(claim.text, claim.speaker == OUTLET, self.texts[:index]) or untold_times(claim.text)):
                # Its sentence stood alone, but not this clause of it, or not in the words the checker
                # accepted: a claim the reader cannot place is dropped, not shown.
                run.warnings.append(ReportWarning(
                    code="dropped-claim", item=step.key,
                    message=f"{step.key}: dropped: it does not say what {', '.join(repr(w) for w in left[:2])} refers to",
                ))
                continue
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
        said = self.speakers.get(step.key) or self.attribute(self.article.sentences.index(step.sentence), step.part)
        speaker = said  # code's attribution is the reference; the check keeps the model's choice to it
        kind = classify_claim(self.clause_of(step), speaker) if "type" in code_filled else draft.type
        index = self.article.sentences.index(step.sentence)
        # All the sentences before: who "she" is may have been settled well before (its pronouns
        # follow the discourse); the referents of "that group" are still sought only nearby.
        previous = self.article.sentences[:index]
        if step.outlet_voice:  # a dated event named in passing: its own words, not the sentence around it
            variants = [Standalone(quote[:1].upper() + quote[1:])]
        elif step.part is None and step.sentence.id in self.shortened:  # the sentence shortened: its quote stays whole
            variants = standalone_variants(self.shortened[step.sentence.id], step.sentence.text, [s.text for s in previous], whole=False)
        else:
            variants = standalone_variants(quote, step.sentence.text, [s.text for s in previous])
        # Code's rewrite (a pronoun resolved, a referent, the attribution put back, a date made
        # explicit against the publication date) must say only what the cited sentences say: the
        # first that does is the claim (the fewer referents put in, the later); when none does, the
        # article's own words stand in, marked as such.
        before = [s.text for s in previous]
        accepted: tuple[str, list[Sentence]] | None = None
        for standalone in variants:
            if not step.outlet_voice and step.part is not None and standalone.text != step.sentence.text:  # a clause keeps its "X said"
                standalone.text = attributed(standalone.text, speaker, quote, step.sentence.text)
            # "But ...", "In addition, ...": what the connective ties to is not shown beside a claim.
            standalone.text = self.as_quoted(_as_sentence(without_leading_connective(standalone.text)), step.sentence)
            cited = [previous[i] for i in standalone.cited]
            if speaker.sentence is not None and self.article.sentences[speaker.sentence] is not step.sentence:
                cited.append(self.article.sentences[speaker.sentence])  # the sentence that names the speaker
            text, anchors = self.explicit_dates(standalone.text, [*cited, step.sentence])
            cited = sorted({*cited, *anchors, step.sentence}, key=lambda s: s.start)
            found = faithfulness.check(text, [s.text for s in cited], published=self.article.published)
            if standalone is variants[0]:
                problems = found  # what the warning reports: the first rewrite's problems
            if not found:
                problems = []
                accepted = accepted or (text, cited)
                # A later variant leaves a referent as written: the first that stands alone is the
                # claim, else the first the checker accepts.
                if not dangling(text, speaker.is_outlet, before):
                    accepted = (text, cited)
                    break
        if accepted is not None:
            text, cited = accepted
        if problems:
            text = self.as_quoted(self.own_words(quote, step.sentence), step.sentence)
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
        """The clause as a sentence, when it is one the checker accepts against its own sentence and
        it stands alone ("he has held meetings" cut from "Erdogan said that ... and that he has held
        meetings" does not); else the whole sentence."""
        text = _as_sentence(written(clause))
        before = self.texts[: self.article.sentences.index(sentence)]
        if faithfulness.check(text, [sentence.text], published=self.article.published) or dangling(text, False, before) and text != written(sentence.text.strip()):
            return written(sentence.text.strip())
        return text

    def explicit_dates(self, text: str, cited: list[Sentence]) -> tuple[str, list[Sentence]]:
        """Each relative date in `text` made explicit ("on Sunday" -> "on Sunday (11 May 2025)", "May 15"
        -> "May 15, 2025"), as the article resolves the same words in a cited sentence."""
        # Calendar dates only: a clock time ("until 10 pm") is no more explicit with a day added.
        in_cited = [t for t in self.timexes if t.type == "DATE" and any(s.start <= t.start < s.end for s in cited)]
        resolved = {t.text.casefold(): t for t in in_cited}  # the claim's own sentence, cited last, wins
        # Words the article puts inside a quotation, even one that runs over several sentences and
        # whose marks the claim's text no longer has: a gloss there is a misquote. The claim's own
        # sentence tells, when it has the words; else any cited sentence that quotes them.
        own = [t for t in in_cited if cited[-1].start <= t.start < cited[-1].end]
        quoted_in_article = {t.text.casefold() for t in in_cited if self.in_quotation(t.start)} - {
            t.text.casefold() for t in own if not self.in_quotation(t.start)
        }
        stated_alone = {t.value for t in tag(" ".join(s.text for s in cited), self.article.published)}
        anchors: list[Sentence] = []
        for found in reversed(tag(text, None)):
            timex = resolved.get(found.text.casefold())
            if timex is None or not _glossable(found, timex, text) or found.text.casefold() in quoted_in_article:
                continue
            start, end, precision = to_interval(timex.value, timex.value_end)
            # A quarter or a season may be a fiscal one, or the hemisphere's: its calendar months are not
            # what the words say.
            if start is None or precision == "quarter":
                continue
            # A date after publication is no date of what a verb in the past tense tells ("Bush said on
            # Tuesday" resolved to next Tuesday by the tense of a clause inside it), nor a "since":
            # a wrong resolution.
            if self.article.published and start > self.article.published and not _DEICTIC.search(found.text) and (
                re.search(r"(?i)\bsince\s*$", text[: found.start]) or _told_in_past(text, found)
            ):
                continue
            if timex.value not in stated_alone:  # "that day": cite the sentence that names the day
                anchor = self.stated_before(timex)
                if anchor is None:
                    continue
                anchors.append(anchor)
            if re.fullmatch(r"XXXX-\d\d-\d\d", found.value):  # "May 15": only the year is missing
                addition = f", {start.year}"
            else:
                addition = f" ({format_interval(start, end, precision)})"
            text = text[: found.end] + addition + text[found.end :]
        return text, anchors

    def as_quoted(self, text: str, sentence: Sentence) -> str:
        """`text` in quotation marks when its sentence lies wholly inside a quotation an earlier
        sentence opened ('He said: “It changes things. How much is hard to say.”'): without them the
        speaker's words would read as the article's own."""
        if quote_count(text):
            return text
        return as_quoted_in(self.article, text, sentence, self._open_before(sentence))

    def in_quotation(self, offset: int) -> bool:
        """Whether the article's character at `offset` lies inside a quotation: one within its
        sentence, or one that an earlier sentence of the paragraph opened and has not closed ('“We
        won. We will win again.”': the second sentence has no mark of its own)."""
        sentence = next((s for s in self.article.sentences if s.start <= offset < s.end), None)
        if sentence is None:
            return False
        local = offset - sentence.start
        if any(a <= local < b for a, b in quoted_spans(sentence.text)):
            return True
        return self._open_before(sentence) and quote_open_after(sentence.text[:local], True)

    def _open_before(self, sentence: Sentence) -> bool:
        """Whether a quotation is open where `sentence` starts (article.open_at_start)."""
        if self._quote_open is None:
            self._quote_open = open_at_start(self.article)
        return sentence.id in self._quote_open

    def stated_before(self, timex: Timex) -> Sentence | None:
        """The nearest earlier sentence that states the same date as `timex` in its own words."""
        for earlier in reversed([t for t in self.timexes if t.start < timex.start and t.value == timex.value]):
            sentence = next((s for s in self.article.sentences if s.start <= earlier.start < s.end), None)
            if sentence is not None and earlier.value in {t.value for t in tag(sentence.text, self.article.published)}:
                return sentence
        return None


# "the past year", "the last decade": the period that ends now, not a calendar year or decade.
_PERIOD_TO_NOW = re.compile(r"(?i)(?:\bthe\s+)(?:past|last|previous)\s")


def _period_to_now(text: str, found: Timex) -> bool:
    """'the past year', '(over) the last decade', 'the previous Friday': "the past" within the words or
    right before them."""
    before = max(0, found.start - 16)
    return any(m.end() >= found.start - before for m in _PERIOD_TO_NOW.finditer(text[before : found.start + 14]))


def _glossable(found: Timex, timex: Timex, text: str) -> bool:
    """Whether the words `found` (tagged in `text` with no publication date; `timex` is the article's
    resolution of the same words) may get their date written beside them. Not when the words
    already state it ("in 1991", "nineteen ninety-six", "the late 1970s", "the 11th century"); nor a
    fiscal period ("the latest fiscal year"); nor when they only bound or approximate it ("more than
    four decades ago", "about a year ago"); nor a period that runs up to now ("over the past year");
    nor inside a quotation in `text` (a quote is not reworded); nor where a gloss would split a
    phrase: before a possessive ("Wednesday's ruling"), inside a noun phrase the words modify
    ("the year-ago results") or before the object of their "before" ("the day before the plunge")."""
    alone = tag(found.text, None)  # the words by themselves, not resolved against a date before them
    if alone and "X" not in alone[0].value and not alone[0].value.endswith("_REF"):
        return False
    if re.search(r"(?i)\bfiscal\b", text[max(0, found.start - 8) : found.end]):
        return False  # a fiscal year or half ends in whatever month the company's books do
    if not (timex.within_value and found.within_value) or _period_to_now(text, found):
        return False
    if any(a <= found.start < b for a, b in quoted_spans(text)):
        return False
    if text[found.end :].startswith((" (", "'s", "’s")):
        return False
    if re.search(r"(?i)\b(?:before|after)$", found.text) and re.match(r"\s+\w", text[found.end :]):
        return False  # "the day before the plunge": a day counted from what follows, not from the date before
    return not _modifies_noun(text, found)


# Words that fix a date's side of today by themselves ("next year", "tomorrow"): the tense of the
# clause does not choose it (see _told_in_past).
_DEICTIC = re.compile(r"(?i)\b(?:next|tomorrow|coming|ago|last|yesterday|today|tonight|this)\b")


def _told_in_past(text: str, found: Timex) -> bool:
    """Whether the date words say when a verb in the past tense happened: "met on Friday", "the
    following month, it posted", "when year-end net was below" (not a goal or a deadline, "was
    extended to Nov. 16", nor a future, "will meet on Friday")."""
    from ..nlp import parse_without_entities

    doc = parse_without_entities(text)
    span = [t for t in doc if found.start <= t.idx < found.end]
    head = next((t for t in span if not found.start <= t.head.idx < found.end or t.head is t), None)
    if head is None:
        return False
    if head.dep_ in ("compound", "amod") and head.head.dep_ in ("nsubj", "nsubjpass"):
        head = head.head  # "year-end net was": the subject's time is its verb's
    verb = head.head
    if head.dep_ == "pobj" and verb.lower_ in ("on", "in", "at", "during"):
        verb = verb.head
    elif head.dep_ not in ("npadvmod", "tmod", "nsubj", "nsubjpass"):
        return False
    if verb.pos_ not in ("VERB", "AUX") or any(c.tag_ == "MD" for c in verb.children):
        return False
    perfect = verb.tag_ == "VBN" and (verb.dep_ == "acl" or any(c.lower_ in ("had", "has", "have", "was", "were") for c in verb.children))
    return verb.tag_ == "VBD" or perfect


def _modifies_noun(text: str, found: Timex) -> bool:
    """'The year-ago results': the date words stand before the noun they modify."""
    from ..nlp import parse_without_entities

    doc = parse_without_entities(text)
    last = next((t for t in reversed(doc) if t.idx < found.end), None)
    if last is None or last.idx < found.start or last.dep_ not in ("amod", "compound", "nmod", "nummod"):
        return False
    head = last.head
    # The noun follows the words, with nothing but its other modifiers between ("on Tuesday and
    # Iraqi-bound cargo" is two things the parser may have joined).
    between = doc[last.i + 1 : head.i]
    return head.i > last.i and head.pos_ in ("NOUN", "PROPN", "NUM") and not any(t.pos_ in ("CCONJ", "PUNCT", "ADP", "VERB", "AUX") and t.dep_ != "amod" for t in between)


def _cited_only(standalone: Standalone) -> bool:
    """Whether the text cites a sentence for a referent it did not put in ("The move ..." citing the
    sentence before)."""
    return bool(set(standalone.cited) - {i for i, _ in standalone.inserted})


# Below this many claims that stand alone among the most check-worthy, less check-worthy ones that
# stand alone fill the checklist up.
_FEWEST_CLAIMS = 3


def _as_sentence(text: str) -> str:
    """A clause ended as a sentence ends: capitalised, its trailing comma a full stop, and the
    quotation mark it lost to the sentence splitter put back."""
    text = text.strip().rstrip(",;:").rstrip()
    text = re.sub(r"[,;:]([\"'”’»)\]]+)$", r".\1", text)
    return with_quotes_balanced(with_one_stop(text[:1].upper() + text[1:]))


# "X said A, and that B" / "A; B" / "A, adding (saying) that B": one claim per clause, each quoted verbatim.
_CLAUSE_BREAK = re.compile(r";\s+|,?\s+and that\s+|,\s+(?:adding|saying) that\s+|,\s+added\s+|,\s+while\s+")


def split_clauses(text: str) -> list[str]:
    """The sentence's clauses, or the sentence when a break does not part clauses ("statements by
    X, a lawyer; the White House; and Y": a list whose items hold no verb). A clause taken out of
    its frame must not become a plain assertion, so a break counts only where the parse shows one
    (see _parts_clauses): never inside a quotation, and "and that" only between two clauses one
    reporting verb of the main clause governs ("X said A and that B": "X said that B" is put back)."""
    cuts = [m for m in _CLAUSE_BREAK.finditer(text) if _parts_clauses(text, m)]
    if not cuts:
        return [text]
    bounds = [0, *(x for m in cuts for x in (m.start(), m.end())), len(text)]
    parts = [text[a:b].strip(" ,") for a, b in zip(bounds[::2], bounds[1::2])]
    parts = [p for p in parts if len(p.split()) >= 4]
    return parts if len(parts) > 1 and all(is_statement(p) for p in parts) else [text]


def _parts_clauses(text: str, brk: re.Match[str]) -> bool:
    """Whether a match of _CLAUSE_BREAK parts two clauses that each say what they say alone, or
    with the reporting frame attributed() puts back. Not inside a quotation (a quote cut is a
    misquote, and its words may not be the speaker's frame); "and that" only where "that" opens a
    clause conjoined with a "that" clause of a reporting verb that is the main clause's, unnegated
    and unhedged: "sought to prove that A and that B", "acknowledged she told police that A and
    that B", "the first word that A and that B" or "he and that leadership" would lose a frame or
    be no clause; ", added" only where it reports a clause or is followed by its speaker ("added $20
    million to reserves" is neither)."""
    if quote_open_after(text[: brk.start()]):
        return False
    word = brk.group().strip(" ,;").split(" ")[0]
    if word not in ("and", "added"):
        return True
    from ..nlp import parse

    doc = parse(text)
    at = next((t for t in doc if t.idx >= brk.start() + brk.group().index(word)), None)
    if at is None:
        return False
    if word == "added":
        reports = any(c.dep_ == "ccomp" and c.i > at.i for c in at.children) and not any(c.dep_ == "dobj" for c in at.children)
        return reports or _inverted_speaker(at) is not None  # "A, added the president, adding that B"
    that = doc[at.i + 1] if at.i + 1 < len(doc) else None
    if that is None or that.lower_ != "that":
        return False
    if that.dep_ == "mark":
        verb = that.head
    elif that.dep_ == "det" and that.head.dep_ in ("nsubj", "nsubjpass"):
        verb = that.head.head  # "said A and that activity was ...": the parser's determiner may be the clause's "that"
    else:
        return False
    while verb.dep_ == "conj":
        verb = verb.head
    frame = verb.head
    return (verb.dep_ == "ccomp" and frame.dep_ == "ROOT" and frame.lemma_.lower() in REPORTING_LEMMAS
            and not any(c.dep_ == "neg" or c.tag_ == "MD" for c in frame.children))


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


@cached(maxsize=256)  # one model class per list of types, built once (Pydantic builds them slowly)
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

"""What resolution needs besides a match: publication date, sentences, tense, earlier values."""

from __future__ import annotations

import bisect
import datetime as dt
import re

from .lexicon import LazyPattern

# --------------------------------------------------------------------------------------------
# Context: publication date, sentence tense, anaphora
# --------------------------------------------------------------------------------------------

_SENTENCE_END = LazyPattern(r"[.!?][\"'”’)]*\s+(?=[\"'“‘(]?[A-Z])|\n")
# A period after these does not end a sentence ('at 9 a.m. Tuesday', 'Mr. Smith', 'Nov. 9').
_ABBREVIATIONS = {"a.m", "p.m", "mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt",
                  "prof", "inc", "corp", "co", "ltd", "no", "vs", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
                  "sep", "sept", "oct", "nov", "dec", "u.s", "u.n", "u.k", "e.g", "i.e", "approx", "est", "jr", "sr"}
# Words that open a new clause: the tense of a clause beyond them says nothing about this one.
# ('and' ends a clause on the right only: on the left it mostly joins nouns, 'chairman and chief'.)
_CLAUSE_BREAK = r"\b(?:and|but|when|while|because|who|which|whereas|although|though|since)\b|;"
_IRREGULAR_PAST = ("became|began|came|went|took|gave|made|met|left|won|lost|held|found|got|saw|sent|spent|wrote"
                   "|led|fell|rose|hit|shot|struck|fled|flew|fought|brought|bought|sold|caught|taught|thought|ran"
                   "|kept|built|paid|told|felt|heard|knew|grew|threw|drew|broke|spoke|chose|stood|sat|lay|laid"
                   "|tore|wore|drove|rode|froze|woke|hung|stole|shook|forgot|sank|rang|swam|bled|slid|dealt|meant"
                   "|lent|dug|swept|slept|stuck|hid|arose|awoke|beat|bound|clung|crept|fled|forbade|overcame|withdrew"
                   "|undertook|upheld|mistook|sought|understood|became|did|had"
                   # past and present alike; after a subject in news, mostly the past ('officials put ...')
                   "|put|let|quit|shut|hurt|thrust"
                   # regular pasts too short for the '-ed' pattern
                   "|died|tied|lied|sued|owed|used|axed|vied|eyed")
# An intention followed by an infinitive looks ahead: 'decided to admit ... in March'.
_INTENT = (r"\b(?:agreement|agreed|agrees?|plans?|planned|decided|decides?|expected|expects?|scheduled|set|due"
           r"|intends?|intended|promised|vowed|pledged|voted|offered|proposed|threatened|hopes?|hoped|wants?|wanted"
           r"|seeks?|sought|aims?|aimed|prepared|preparing|planning|ready|likely|going|about|poised)\s+to\b")
_VERB = (r"\b(?:will|won't|wo n't|shall|would|planned|scheduled|expected|expects|is due|are due|is to|are to"
         r"|to be held|upcoming|as soon as|as early as|until|payable|effective|can|may|might|must|should"
         r"|said|says|told|added|announced|reported|was|were|had|did|has been|have been|ago"
         # 'could not be reached Monday': a past inability, unlike 'could'
         r"|could not|couldn't|could n't|"
         + _IRREGULAR_PAST + r"|\w{3,}ed)\b|'ll\b")
# Clause breaks and tense markers in one pattern, scanned once per block of text (see _Context).
_MARKERS_PATTERN = f"(?P<brk>{_CLAUSE_BREAK})|(?P<intent>{_INTENT})|(?P<verb>{_VERB})"
_MARKERS = LazyPattern(_MARKERS_PATTERN, re.I)
_MARKERS_LOWER = LazyPattern(_MARKERS_PATTERN)  # on lowercased text
_BLOCK = 256
# How much farther a tense marker counts when a comma parts it from the expression (in characters).
_COMMA_DISTANCE = 40
_FUTURE_WORDS = {"will", "won't", "wo n't", "shall", "planned", "scheduled", "expected", "expects", "is due",
                 "are due", "is to", "are to", "to be held", "upcoming", "'ll", "would", "as soon as", "as early as", "until",
                 "payable", "effective", "can", "may", "might", "must", "should"}
# A reporting verb right next to the expression ("said Friday") dates the report; further away it
# usually does not govern the expression, so any other tense marker wins over it.
_REPORTING = {"said", "says", "told", "added", "announced", "reported"}
_BE_BEFORE = LazyPattern(r"\b(?:be|being|been|get|gets|getting|got)\s$", re.I)
# A base form after a modal or 'to' ('will hit', 'agreed to put'): the auxiliary, not the verb, has the tense.
_MODAL_BEFORE = LazyPattern(r"(?:\b(?:will|would|shall|can|could|may|might|must|should|to)|'ll)\s+(?:not\s+)?$", re.I)
# A be-form before an intention ('is expected to', 'were set to'): the intention is still to come.
_BE_FORM_BEFORE = LazyPattern(r"\b(?:is|are|am|was|were|be|been|being|'s|'re)\s+(?:\w+ly\s+)?$", re.I)
_AS_BEFORE = LazyPattern(r"\bas\s+(?:\w+ly\s+)?$", re.I)
_SINCE_BEFORE = LazyPattern(r"\bsince\s+(?:the\s+)?$", re.I)
_THAT_AFTER = LazyPattern(r",?\s+(that)\b", re.I)
_QUOTE_OR_BRACKET = LazyPattern(r"[\"“”'‘’`()]")
# Words in -ed that are not verbs in the past tense (or not about the time of the clause).
_NOT_PAST = {"need", "feed", "speed", "seed", "breed", "proceed", "exceed", "succeed", "indeed", "bed", "red",
             "hundred", "united", "related", "based", "limited", "interested", "concerned", "proposed"}


class _Context:
    """What resolution needs besides the match: the publication date, tense, earlier values."""

    def __init__(self, text: str, published: dt.date | None, lowered: str | None = None):
        self.text = text
        self._scan, self._markers_re = (lowered, _MARKERS_LOWER.get()) if lowered is not None else (text, _MARKERS.get())
        self.dct = published
        self._bounds: list[int] | None = None
        self.last_day: dt.date | None = None      # last expression resolved to a calendar day
        self.alternative: str | None = None       # set by a rule: another value its match may name (Timex.alternative)
        self.other_day: tuple[dt.date, dt.date] | None = None  # (last_day, the other day it may be), while it is last_day
        self.last_quarter: tuple[int, int] | None = None
        self.last_quarter_pos = -10_000
        self.last_span: tuple[str, int] | None = None  # (value, position) of the last span of the books ('the nine months')
        self.last_year: int | None = None
        self.last_month: tuple[int, int] | None = None  # (year, month) of the last expression naming one
        self._blocks: dict[int, list[tuple[int, int, str, str]]] = {}

    def sentence(self, start: int, end: int) -> tuple[int, int]:
        if self._bounds is None:  # computed once, on first need: one pass over the text
            self._bounds = [m.end() for m in _SENTENCE_END.finditer(self.text) if not self._abbreviation(m.start())]
        i = bisect.bisect_right(self._bounds, start)
        s = self._bounds[i - 1] if i else 0
        j = bisect.bisect_left(self._bounds, end)
        e = self._bounds[j] if j < len(self._bounds) else len(self.text)
        return max(s, start - 250), min(e, end + 250)

    def _abbreviation(self, period: int) -> bool:
        if self.text[period] != ".":
            return False
        space = max(self.text.rfind(" ", max(0, period - 12), period), self.text.rfind("\n", max(0, period - 12), period))
        word = self.text[space + 1 if space >= 0 else max(0, period - 12):period].lower().lstrip("(\"'“‘")
        return word in _ABBREVIATIONS or len(word) == 1

    def _markers(self, s: int, e: int) -> list[tuple[int, int, str, str]]:
        """(start, end, kind, word) of the clause breaks ('brk'), intentions ('intent') and verbs
        ('verb') in text[s:e].

        The text is scanned in fixed blocks, each once, so that many expressions in one long
        sentence cost no more than the sentence itself (linear time on any input)."""
        out = []
        for b in range(s // _BLOCK, max(s, e - 1) // _BLOCK + 1):
            block = self._blocks.get(b)
            if block is None:
                lo = b * _BLOCK
                block = [(m.start(), m.end(), m.lastgroup, m.group().lower())
                         for m in self._markers_re.finditer(self._scan, lo, lo + _BLOCK + 24)
                         if m.start() < lo + _BLOCK]
                self._blocks[b] = block
            out.extend(x for x in block if s <= x[0] and x[1] <= e)
        return out

    def tense(self, start: int, end: int) -> str | None:
        """'future' or 'past' from the verb nearest to the expression in its clause, else None."""
        if _SINCE_BEFORE.search(self.text, max(0, start - 12), start):
            return "past"  # 'since May'
        s, e = self.sentence(start, end)
        markers = self._markers(s, e)
        since = False
        for m_start, m_end, kind, word in markers:
            if kind == "brk" and m_start >= end:
                e = m_start  # look no further right than the end of this clause
                break
            if kind == "brk" and start - 120 <= m_start and m_end <= start and word != "and":
                s = m_end  # ... nor further left than its start
                since = word == "since"
        if since and not any(s <= x[0] and x[1] <= start for x in markers):
            return "past"  # 'since shortly after the Oct. 23 slaying': 'since' opens a phrase, not a clause
        that = _THAT_AFTER.match(self.text, end)
        if that and any(x[2] == "verb" and x[3] in _REPORTING and s <= x[0] and x[1] <= start for x in markers):
            e = min(e, that.start(1))  # 'told reporters on Tuesday that ... will': what follows is what was told
        found = self._tense_between(markers, s, e, start, end)
        if found is None and e < len(self.text) and self.text[e:e + 3].lower() == "and":
            # No verb before a right-hand 'and': it joined nouns ('On Tuesday, the Abortion and Rights
            # League plans to ...'), so the clause goes on to the next break.
            e2 = next((x[0] for x in markers if x[2] == "brk" and x[0] > e and x[3] != "and"), self.sentence(start, end)[1])
            found = self._tense_between(markers, s, e2, start, end)
        return found

    def _as_planned(self, marker: tuple[int, int, str, str]) -> bool:
        """'began as (previously) planned Saturday': 'as planned' says the plan was kept; the
        clause's own verb, not the participle, tells its tense."""
        return marker[3] in ("planned", "scheduled", "expected") and bool(
            _AS_BEFORE.search(self.text, max(0, marker[0] - 24), marker[0]))

    def _past_intent(self, m_start: int, word: str) -> bool:
        """An intention in the past tense of the active voice ('agreed to', 'vowed to', 'sought to'),
        not a participle after 'be' ('is expected to', 'was scheduled to')."""
        verb = word.split()[0]
        return (verb.endswith("ed") or verb == "sought") and not _BE_FORM_BEFORE.search(self._scan, max(0, m_start - 24), m_start)

    def _tense_between(self, markers, s: int, e: int, start: int, end: int) -> str | None:
        best, best_dist, fallback = None, 10**9, None
        markers = [x for x in markers if not self._as_planned(x)]
        future_next_to = any(x[1] in (start - 1, start) and x[2] != "brk" and (x[2] == "intent" or x[3] in _FUTURE_WORDS)
                             for x in markers)
        # A reporting verb after the expression is the verb it goes with ("On Monday, the government
        # announced it will ..."): the markers beyond it are in what it reports.
        reported_from = next((x[1] for x in markers if x[2] == "verb" and x[3] in _REPORTING and x[0] >= end
                              and s <= x[0] and x[1] <= e), None)
        if reported_from is not None:
            e = reported_from
        for m_start, m_end, kind, word in markers:
            if kind == "brk" or m_start < s or m_end > e or start <= m_start < end:
                continue
            if word.startswith("had"):
                # The past perfect puts its clause before a past time, so before publication ('had been
                # due to expire Friday', 'Until Thursday, they had not called him a suspect').
                return "past"
            dist = start - m_end if m_end <= start else m_start - end
            gap = self.text[m_end:start] if m_end <= start else self.text[end:m_start]
            if kind == "intent" and m_start >= end and self._past_intent(m_start, word):
                tense = "past"  # "On Monday the firm agreed to sell": the agreeing is what Monday dates
            elif kind == "intent" or word in _FUTURE_WORDS:
                tense = "future"
            elif word in _REPORTING:
                if dist <= 12 and not _QUOTE_OR_BRACKET.search(gap) and not future_next_to:
                    # 'said Friday', 'Friday, he said': unless the expression is quoted or a future marker
                    # governs it directly ('ready to leave as soon as Tuesday, Castro said')
                    return "past"
                fallback = "past"
                continue
            elif word in _NOT_PAST or (word.startswith("un") and word.endswith("ed")) \
                    or _BE_BEFORE.search(self._scan, max(0, m_start - 9), m_start) \
                    or _MODAL_BEFORE.search(self._scan, max(0, m_start - 16), m_start):
                # not a verb ('unspecified', 'unnamed' are adjectives), or a participle after 'be' or 'get' ('getting beat up', 'will
                # be named', 'would be paid'): its auxiliary decides
                continue
            else:
                tense = "past"
            if "," in gap:
                dist += _COMMA_DISTANCE  # a comma between them: more likely another clause's verb
            if dist < best_dist:
                best, best_dist = tense, dist
        return best or fallback

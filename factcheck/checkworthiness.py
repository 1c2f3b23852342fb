"""Check-worthiness scorer: how much a sentence deserves a fact-checker's attention, in 0..1.

A linear model (logistic regression) over words, word pairs and hand-designed linguistic features
that carry across years, speakers and formats: figures (numbers outside dates, quantities,
percentages, money, millions), dates and years, comparisons, records and changes, named entities
by type (people by title, organisations, places, nationalities), tense and aspect (past, perfect,
future, conditional), reporting verbs and cited evidence; opinion, hedges, questions, greetings
and filler count against. ``benchmarks/train_checkworthiness.py`` trains it on the CLEF-2019
CheckThat! Task 1 training debates and ClaimBuster's crowd-labelled US presidential debates
(1960-2016), keeping only words that occur across several campaigns, and writes the weights to
``factcheck/data/checkworthiness.json``; this module only reads that JSON (no pickle, no code runs
on load) and needs nothing beyond the standard library.

Scores are deterministic, and each text is scored on its own: the score of a sentence does not
depend on the other sentences passed with it or on their order, and a clause can be scored (and
explained) alone with ``Scorer.score_one``. The score is the model's probability under
class-balanced training, so it ranks sentences; it is not the chance that a fact-checker would
pick the sentence (in the CLEF debates only 2.7% of sentences were picked).
"""

from __future__ import annotations

import itertools
import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from factcheck.errors import FactcheckError
from factcheck.nlp import cached

__all__ = [
    "FEATURE_VERSION",
    "Score",
    "Scorer",
    "ScorerDataError",
    "checkworthiness_report",
    "extract_features",
    "figures",
    "load_scorer",
]

#: Bumped whenever ``extract_features`` changes; the weights file records the version it was
#: trained with, and loading refuses a mismatch (stale weights would score silently wrong).
FEATURE_VERSION = 2

_DATA_PACKAGE = "factcheck"
_DATA_PATH = ("data", "checkworthiness.json")


class ScorerDataError(FactcheckError):
    """The check-worthiness weights file is missing, unreadable or from another feature version."""


# --------------------------------------------------------------------------------------------
# Features
# --------------------------------------------------------------------------------------------

_TOKEN_RE = re.compile(
    r"\x00|\$?\d+(?:,\d{3})*(?:\.\d+)?%?|[^\W\d_]+(?:['\u2019][^\W\d_]+)*|[?!$%]"
)
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
# A date or a time of day. Its digits are a date, not a figure: "May 14-15" states no number.
_DATE_RE = re.compile(
    rf"\b{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:\s*[-\u2013]\s*\d{{1,2}})?(?:,?\s+\d{{4}})?\b|"
    rf"\b\d{{1,2}}(?:\s*[-\u2013]\s*\d{{1,2}})?\s+{_MONTH}\b(?:,?\s+\d{{4}})?|"
    rf"\b{_MONTH}\s+(?:of\s+)?(?:1[89]\d\d|20\d\d)\b|"
    rf"\b(?:on|last|next|this|since|by|until)\s+{_WEEKDAY}\b|\b{_WEEKDAY}\b|"
    r"\b(?:last|next|this|previous|past|coming)\s+(?:week|month|year|decade|quarter|weekend)\b|"
    r"\b(?:yesterday|today|tomorrow|tonight)\b|"
    r"\b(?:in|since|by|until|from|before|after|of|through)\s+(?:the\s+)?(?:1[89]\d\d|20\d\d)s?\b|"
    r"\b\d{1,2}(?::\d\d)?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)|\b\d{1,2}:\d\d\b|"
    r"\b\d{1,2}/\d{1,2}/\d{2,4}\b"
)
_YEAR_RE = re.compile(r"\b(?:1[89]\d\d|20\d\d)s?\b")
_FIGURE_RE = re.compile(
    r"(?<![\w.])[$\u20ac\u00a3]?\d+(?:,\d{3})*(?:\.\d+)?(?:\s*[-\u2013]\s*\d+(?:\.\d+)?)?"
    r"(?:\s*(?:%|percent\b|per cent\b|(?:thousand|million|billion|trillion)\b))?"
)
_PERCENT_RE = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?\s*(?:%|percent\b|per cent\b)", re.IGNORECASE)
_MONEY_RE = re.compile(
    r"[$\u20ac\u00a3]\s?\d|\b\d[\d,.]*\s*(?:dollars|euros|pounds|cents)\b|"
    r"\b(?:million|billion|trillion)\s+(?:dollars|euros|pounds)\b",
    re.IGNORECASE,
)
# Perfect aspect: "has risen", "have been", "had not seen".
_PERFECT_RE = re.compile(
    r"\b(?:has|have|had|hasn't|haven't|'ve)\s+(?:not\s+|never\s+|already\s+|just\s+)?"
    r"(?:been|[a-z]{3,}(?:ed|en|wn|ne))\b",
    re.IGNORECASE,
)
# Named entities and their types, from capitalisation and a word on either side (no tagger).
_TITLE_NAME_RE = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|President|Senator|Sen|Governor|Gov|Secretary|Minister|Prime Minister|"
    r"General|Gen|Judge|Justice|Chairman|Chancellor|King|Queen|Prince|Pope|Mayor|Rep|"
    r"Representative|Speaker|Ambassador|Director|Chief|Officer|Commissioner|Leader)\.?\s+"
    r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*"
)
# (The optional tails only lengthen what a reason shows: "President Sauli Niinisto".)
_FULL_NAME_RE = re.compile(
    r"(?<!^)(?<![.!?]\s)\b[A-Z][a-z]+\s+(?:[A-Z]\.\s+)?[A-Z][a-z]{2,}(?:\s+[A-Z][a-z]+)*\b"
)
_ORG_RE = re.compile(
    r"\b(?:[A-Z][\w&.-]*\s+){1,4}(?:Department|Ministry|Agency|Bureau|Party|Congress|Senate|"
    r"Court|Bank|Corporation|Corp|Company|Co|Inc|Ltd|Group|Union|Council|Committee|"
    r"Association|Organization|Organisation|University|Commission|Administration|Army|Navy|"
    r"Police|Foundation|Institute|Fund|Service|Office|Board|Authority|Assembly|Parliament|"
    r"Times|Post|Journal|News)\b|"
    r"\b(?:the\s+)?(?:Department|Ministry|Bureau|Office|University|Bank)\s+of\s+[A-Z][a-z]+|"
    r"\b[A-Z]{2,6}s?\b(?<!\bI\b)"
)


def _lexicon(words: str) -> frozenset[str]:
    """A word list: words and two-word phrases, separated by ``|``. Matched against a text's
    lower-cased words and word pairs by set intersection (a regex alternation of as many words
    costs ten times as much)."""
    return frozenset(w.strip() for w in words.split("|") if w.strip())


_NUMBER_WORDS = _lexicon(
    "two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|"
    "sixty|seventy|eighty|ninety|hundred|hundreds|thousand|thousands|million|millions|billion|"
    "billions|trillion|trillions|dozen|dozens|half|twice|double|doubled|triple|tripled|"
    "quadrupled|one in|a third|a quarter|two-thirds|three-quarters|majority|minority"
)
_LEXICONS: dict[str, frozenset[str]] = {
    "f:big_number": _lexicon("million|millions|billion|billions|trillion|trillions"),
    "f:percent": _lexicon("percent|per cent|percentage|percentages|<pct>"),
    "f:fiscal": _lexicon(
        "budget|deficit|deficits|debt|debts|tax|taxes|taxed|spending|spent|paid|pay|cost|costs|"
        "wage|wages|salary|income|revenue|revenues|price|prices|economy|gdp|inflation|"
        "unemployment|jobs|<money>"
    ),
    "f:comparison": _lexicon(
        "more than|less than|fewer than|higher than|lower than|larger than|smaller than|"
        "bigger than|greater than|worse than|better than|faster than|slower than|longer than|"
        "shorter than|cheaper than|twice as|times as|times more|as many|as much"
    ),
    "f:superlative": _lexicon(
        "largest|biggest|highest|lowest|smallest|fastest|slowest|worst|best|most|least|record|"
        "ever|first|only|last"
    ),
    "f:change": _lexicon(
        "increase|increased|increases|decrease|decreased|decreases|increasing|decreasing|rose|"
        "risen|rise|rises|fell|fallen|drop|dropped|drops|doubled|tripled|grew|grown|decline|"
        "declined|surged|soared|plunged|cut|cuts|reduced|raised|lowered|gained|lost|up|down"
    ),
    "f:reporting": _lexicon(
        "said|says|told|tells|stated|announced|reported|reports|claimed|claims|according to|"
        "confirmed|denied|admitted|testified|wrote|declared|insisted|warned|estimated|estimates|"
        "acknowledged|alleged|charged|accused|noted|added"
    ),
    "f:evidence": _lexicon(
        "study|studies|survey|poll|polls|data|statistics|figures|census|report|record|records|"
        "analysis|expert|experts|economist|economists|scientist|scientists|document|documents|"
        "evidence"
    ),
    "f:action": _lexicon(
        "voted|vote|votes|passed|signed|approved|rejected|opposed|supported|proposed|created|won|"
        "killed|died|invaded|attacked|sanctioned|banned|funded|deported|arrested|seized|hired|"
        "fired|appointed|elected|launched|built|closed|moved|agreed|withdrew|owes|owe|borrowed|"
        "sold|bought|imported|exported|sent|shipped|released|destroyed"
    ),
    "f:institution": _lexicon(
        "law|laws|act|bill|treaty|agreement|deal|court|constitution|amendment|regulation|"
        "regulations|policy|program|programme|plan|census|bureau|department|agency|ministry|"
        "committee|congress|senate|parliament|government|administration|legislation"
    ),
    # Tense and aspect by auxiliaries and endings (no tagger): past events are records to check.
    "f:past": _lexicon(
        "was|were|had|did|went|came|took|gave|made|got|became|began|left|saw|told|said|wasn't|"
        "weren't|didn't|hadn't|ago|former|formerly"
    ),
    "f:present": _lexicon("is|are|am|isn't|aren't|does|doesn't|do|don't|it's|that's|there's"),
    "f:future": _lexicon(
        "will|won't|i'll|we'll|you'll|they'll|he'll|she'll|it'll|going to|gonna|shall|plan|plans|"
        "planned|expect|expects|expected|forecast|predict|predicts|projected"
    ),
    "f:conditional": _lexicon("would|could|might|if|wouldn't|couldn't"),
    "f:deontic": _lexicon(
        "should|ought|must|need to|needs to|have to|has to|got to|let's|let us|shouldn't"
    ),
    "f:negation": _lexicon("not|never|no|nothing|nobody|none|neither|nor"),
    "f:we": _lexicon("we|we've|we're|we'd|our|us|ours"),
    "f:i": _lexicon("i|i'm|i've|i'd|i'll|me|my|mine"),
    "f:you": _lexicon("you|you're|you've|your|yours|you'll|you'd"),
    "f:third_person": _lexicon("he|she|they|his|her|their|them|him|he's|she's|they're"),
    "f:belief": _lexicon(
        "i think|i believe|i feel|i hope|i want|i'd like|my opinion|i guess|i know|i'm sure|"
        "am sure|we believe|we think|i mean|believe me|frankly|honestly"
    ),
    "f:evaluative": _lexicon(
        "great|wonderful|terrible|horrible|beautiful|amazing|incredible|tremendous|disaster|"
        "disgrace|fantastic|awful|bad|good|nice|wrong|right|important|proud|sad|unfair|stupid|"
        "very|really|so|totally|absolutely|truly|extremely"
    ),
    "f:greeting": _lexicon(
        "thank you|thanks|good evening|good morning|good afternoon|good night|welcome|hello|"
        "ladies and|congratulations|applause|laughter|crosstalk|inaudible|god bless"
    ),
}
# Matched case-sensitively against the words as written: "Turkey" the country, not the bird.
_CASED_LEXICONS: dict[str, frozenset[str]] = {
    "f:place": _lexicon(
        "Afghanistan|Africa|Alabama|Alaska|Albania|Algeria|America|Angola|Argentina|Arizona|"
        "Arkansas|Armenia|Asia|Australia|Austria|Azerbaijan|Baghdad|Bahrain|Bangladesh|Beijing|"
        "Belarus|Belgium|Berlin|Bolivia|Bosnia|Brazil|Britain|Brussels|Bulgaria|Burma|"
        "California|Cambodia|Cameroon|Canada|Chicago|Chile|China|Colombia|Colorado|Congo|"
        "Connecticut|Croatia|Cuba|Cyprus|Delaware|Denmark|Detroit|Egypt|England|Ethiopia|Europe|"
        "Finland|Florida|France|Georgia|Germany|Ghana|Greece|Guatemala|Haiti|Havana|Hawaii|"
        "Honduras|Hungary|Idaho|Illinois|India|Indiana|Indonesia|Iowa|Iran|Iraq|Ireland|Israel|"
        "Italy|Japan|Jerusalem|Jordan|Kansas|Kentucky|Kenya|Korea|Kosovo|Kuwait|Laos|Lebanon|"
        "Libya|London|Louisiana|Maine|Malaysia|Maryland|Massachusetts|Mexico|Michigan|"
        "Minnesota|Mississippi|Missouri|Montana|Morocco|Moscow|Nebraska|Nevada|Netherlands|"
        "Nicaragua|Nigeria|Norway|Ohio|Oklahoma|Oregon|Pakistan|Palestine|Panama|Paris|"
        "Pennsylvania|Peru|Philippines|Poland|Portugal|Qatar|Romania|Russia|Rwanda|Scotland|"
        "Serbia|Singapore|Somalia|Spain|Sudan|Sweden|Switzerland|Syria|Taiwan|Tehran|Tennessee|"
        "Texas|Thailand|Tokyo|Tunisia|Turkey|Ukraine|Utah|Venezuela|Vermont|Vietnam|Virginia|"
        "Washington|Wisconsin|Wyoming|Yemen|Zimbabwe|Carolina|Dakota|Hampshire|Jersey|"
        "United States|New York|Soviet Union|United Kingdom|Middle East|Gaza|Crimea|Kabul|Kiev|"
        "Kyiv|Seoul|Pyongyang|Damascus|Cairo|Istanbul|Ankara|Rome|Madrid"
    ),
    "f:nationality": _lexicon(
        "American|Americans|British|Chinese|Russian|Russians|Soviet|Soviets|Iranian|Iranians|"
        "Iraqi|Iraqis|Israeli|Israelis|Palestinian|Palestinians|Syrian|Syrians|Mexican|Mexicans|"
        "Canadian|Canadians|German|Germans|French|Japanese|Korean|Koreans|Indian|Indians|"
        "Pakistani|Afghan|Afghans|Saudi|Saudis|Turkish|Ukrainian|Ukrainians|European|Europeans|"
        "African|Africans|Arab|Arabs|Muslim|Muslims|Cuban|Cubans|Egyptian|Italian|Spanish|"
        "Polish|Kurdish|Kurds|Libyan|Venezuelan|Brazilian|Nigerian|Australian"
    ),
}
_CAPITALISED_RE = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+(?:[-'][A-Za-z]+)*\b|\b[A-Z]{2,}\b")
_SENTENCE_START_WORDS = frozenset(
    {
        "i", "i'm", "i've", "i'll", "i'd", "a", "an", "the", "and", "but", "or", "so", "if",
        "when", "we", "you", "he", "she", "it", "they", "this", "that", "there", "what", "why",
        "how", "who", "mr", "mrs", "ms", "dr",
    }
)


_PUNCTUATION = frozenset({"?", "!", "$", "%"})


def _fold(tok: str) -> str:
    """A token as a feature: lower-cased; a date span (replaced by NUL) is ``<date>``; digits are
    folded to ``<pct>``, ``<money>``, ``<year>`` or ``<num>``."""
    if tok == "\x00":
        return "<date>"
    if tok[0].isdigit() or tok[0] == "$":
        if tok.endswith("%"):
            return "<pct>"
        if tok.startswith("$"):
            return "<money>"
        if len(tok) == 4 and tok[:2] in ("18", "19", "20"):
            return "<year>"
        return "<num>"
    return tok.lower().replace("\u2019", "'")


@lru_cache(maxsize=64)
def _analysed(text: str) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """The text with its dates replaced by NUL, its words as written, and its folded words.

    Cached briefly: scoring a text extracts its features and then explains them, on the same text.
    """
    undated = _DATE_RE.sub("\x00", text)
    raw = tuple(_TOKEN_RE.findall(undated))
    # A lone "$" ("$.50") folds to <money> and stays; "?", "!" and "%" are not words.
    return undated, raw, tuple(f for f in map(_fold, raw) if f not in _PUNCTUATION)


def _length_bucket(n: int) -> str:
    if n <= 4:
        return "len:0-4"
    if n <= 8:
        return "len:5-8"
    if n <= 15:
        return "len:9-15"
    if n <= 25:
        return "len:16-25"
    return "len:26+"


def figures(text: str) -> list[str]:
    """The figures a text states, in order: numbers that are not part of a date, a time or a year.

    "May 14-15" and "in 2019" date an event; "600 documents" and "3.5 percent" are figures.
    """
    undated = _DATE_RE.sub("\x00", text)
    return [
        m.group(0).strip()
        for m in _FIGURE_RE.finditer(undated)
        if not _YEAR_RE.fullmatch(m.group(0).strip())
    ]


_FILLER_WORDS = frozenset(
    {
        "yes", "no", "ok", "okay", "well", "right", "sure", "so", "yeah", "oh", "uh", "um",
        "all", "thank", "thanks", "please", "excuse", "sorry", "wait",
    }
)
_NUMBER_TOKENS = frozenset({"<num>", "<pct>", "<money>"})
# Words in -ed that are no past tense ("a hundred", "indeed", "exceed").
_NOT_PAST_ED = frozenset(
    {"hundred", "indeed", "speed", "proceed", "succeed", "exceed", "breed", "greed", "sacred",
     "wicked", "naked", "kindred", "creed", "steed", "embed"}
)
_MONEY_HINT_RE = re.compile(r"[\d$\u20ac\u00a3]")
_PERFECT_AUXILIARIES = frozenset({"has", "have", "had", "hasn't", "haven't"})
#: Hand-designed features found by a regular expression on the text as written.
_PATTERN_FEATURES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("f:money", _MONEY_RE),
    ("f:year", _YEAR_RE),
    ("f:perfect", _PERFECT_RE),
    ("f:person", _TITLE_NAME_RE),
    ("f:full_name", _FULL_NAME_RE),
    ("f:organisation", _ORG_RE),
)


def _quantity(words: list[str]) -> tuple[int, int] | None:
    """A figure that counts something ("600 documents", "15 million jobs", "three people"): the
    span of its words (first, last + 1), or None."""
    for i, w in enumerate(words):
        if w in _NUMBER_TOKENS or w in _NUMBER_WORDS:
            for j in range(i + 1, min(i + 4, len(words))):
                nxt = words[j]
                if len(nxt) > 3 and nxt.endswith("s") and nxt.isalpha() and nxt.isascii():
                    return i, j + 1
                if nxt not in _NUMBER_WORDS and nxt not in ("more", "new", "other", "of"):
                    break
    return None


@cached()
def extract_features(text: str) -> dict[str, float]:
    """Return the sparse feature vector of one sentence or clause: feature name -> value.

    Word features are ``w:word`` and ``b:word word`` (lower-cased; dates folded to ``<date>`` and
    digits to ``<num>``, ``<pct>``, ``<money>``, ``<year>``); hand-designed features are
    ``f:name``, a few conjunctions ``x:a+b`` and ``len:...``. The training script calls this very
    function, so training and scoring cannot drift apart.
    """
    feats: dict[str, float] = {}
    undated, raw, words = _analysed(text)
    for t in dict.fromkeys(words):  # first-occurrence order, not set order (hash-seeded)
        feats["w:" + t] = 1.0
    pairs = [a + " " + b for a, b in itertools.pairwise(words)]
    feats["b:<s> " + (words[0] if words else "</s>")] = 1.0
    for pair in pairs:
        feats["b:" + pair] = 1.0
    if words:
        feats["b:" + words[-1] + " </s>"] = 1.0
    keys = {*words, *pairs}

    n = len(words)
    feats[_length_bucket(n)] = 1.0
    stripped = text.strip()

    number = any(
        not _YEAR_RE.fullmatch(m.group(0).strip()) for m in _FIGURE_RE.finditer(undated)
    )
    if number:
        feats["f:number"] = 1.0
    elif not keys.isdisjoint(_NUMBER_WORDS):
        feats["f:spelled_number"] = 1.0
    if "\x00" in undated:
        feats["f:date"] = 1.0
    for name, lexicon in _LEXICONS.items():
        if not keys.isdisjoint(lexicon):
            feats[name] = 1.0
    if "f:past" not in feats and any(
        len(w) > 4 and w.endswith("ed") and w not in _NOT_PAST_ED for w in words
    ):
        feats["f:past"] = 1.0
    if "may" in undated.split():  # the modal, not the month
        feats["f:conditional"] = 1.0
    if any(w.endswith("n't") for w in words):
        feats["f:negation"] = 1.0
    cased = set(raw)
    cased.update(a + " " + b for a, b in itertools.pairwise(undated.split()))
    for name, lexicon in _CASED_LEXICONS.items():
        if not cased.isdisjoint(lexicon):
            feats[name] = 1.0
    # Each pattern runs only where it could match (a regex search is the costly part): money needs
    # a currency sign, a digit or "million"; the perfect an auxiliary; names a capitalised word.
    could = {
        "f:money": "f:big_number" in feats or _MONEY_HINT_RE.search(text) is not None,
        "f:year": number or "<year>" in keys or "\x00" in undated,
        "f:perfect": not keys.isdisjoint(_PERFECT_AUXILIARIES) or "'ve" in text,
        "names": any(t[:1].isupper() for t in raw),
    }
    for name, pattern in _PATTERN_FEATURES:
        if could.get(name, could["names"]) and pattern.search(text):
            feats[name] = 1.0
    if _quantity(words) is not None:
        feats["f:quantity"] = 1.0
    if stripped.endswith("?"):
        feats["f:question"] = 1.0
    if stripped.endswith("!"):
        feats["f:exclamation"] = 1.0
    if stripped.endswith(("--", "\u2014", "...", "\u2026")):
        feats["f:interrupted"] = 1.0
    if n and all(w in _FILLER_WORDS for w in words):
        feats["f:filler"] = 1.0
    caps = [
        m.group(0)
        for m in _CAPITALISED_RE.finditer(stripped)
        if m.group(0).lower() not in _SENTENCE_START_WORDS
    ]
    if caps:
        feats["f:name"] = 1.0
        if len(caps) >= 3:
            feats["f:names3"] = 1.0
    # A few conjunctions a linear model cannot form: a figure in a report of the past is a record
    # to check; a figure in a hope or a forecast is not.
    if number or "f:spelled_number" in feats:
        for other in ("f:past", "f:perfect", "f:future", "f:belief", "f:question",
                      "f:comparison", "f:name"):
            if other in feats:
                feats["x:figure+" + other[2:]] = 1.0
    if "f:past" in feats:
        if "f:name" in feats:
            feats["x:past+name"] = 1.0
        if "f:reporting" in feats:
            feats["x:past+reporting"] = 1.0
    return feats


# --------------------------------------------------------------------------------------------
# Reasons: the features that pushed a score up, in words
# --------------------------------------------------------------------------------------------

_REASON_PHRASES: dict[str, str] = {
    "f:number": "states a number",
    "f:spelled_number": "states a quantity",
    "f:quantity": "counts something",
    "f:percent": "gives a percentage",
    "f:money": "gives a sum of money",
    "f:big_number": "cites millions or billions",
    "f:fiscal": "concerns money, taxes or the economy",
    "f:year": "cites a year",
    "f:date": "dates an event",
    "f:comparison": "makes a comparison",
    "f:superlative": "claims a record or a first",
    "f:change": "reports a change",
    "f:reporting": "attributes a statement",
    "f:evidence": "cites data or a record",
    "f:action": "reports an action or a record",
    "f:institution": "concerns a law, body or programme",
    "f:past": "reports past events",
    "f:perfect": "reports what has happened",
    "f:person": "names a person",
    "f:organisation": "names an organisation",
    "f:place": "names a place",
    "f:nationality": "names a nationality",
    "f:full_name": "names a person, place or organisation",
    "f:name": "names a person, place or organisation",
    "f:names3": "names several people, places or organisations",
    "x:figure+past": "a figure about the past",
    "x:figure+perfect": "a figure about the past",
    "x:figure+comparison": "compares figures",
    "x:figure+name": "a figure about a named party",
}
_NAME_FEATURES = frozenset({"f:name", "f:names3", "f:full_name"})
_FIGURE_FEATURES = frozenset(
    {"f:number", "f:spelled_number", "x:figure+past", "x:figure+perfect", "x:figure+comparison",
     "x:figure+name"}
)


def _first_cased(text: str, phrase: str) -> str:
    """``phrase`` as the text writes it (its case), or the phrase itself."""
    m = re.search(r"(?<!\w)" + re.escape(phrase).replace(r"\ ", r"\s+") + r"(?!\w)", text, re.I)
    return m.group(0) if m else phrase


def _reason_detail(name: str, text: str) -> str:
    """The words of the text that fired a feature, so the reason can be checked against it."""
    if name in _FIGURE_FEATURES:
        found = figures(text)
        if found:
            return found[0]
        name = "f:spelled_number"
    if name == "f:date":
        m = _DATE_RE.search(text)
        return m.group(0).strip() if m else ""
    if name == "f:quantity":
        undated = _DATE_RE.sub("\x00", text)
        found = [m for m in _TOKEN_RE.finditer(undated) if _fold(m.group(0)) not in _PUNCTUATION]
        span = _quantity([_fold(m.group(0)) for m in found])
        if span is None:
            return ""
        words = undated[found[span[0]].start() : found[span[1] - 1].end()]
        return words if "\x00" not in words else found[span[1] - 1].group(0)
    if name == "f:percent":
        m = _PERCENT_RE.search(text)
        if m:
            return m.group(0).strip()
    lexicon = (
        _NUMBER_WORDS if name == "f:spelled_number" else _LEXICONS.get(name) or _CASED_LEXICONS.get(name)
    )
    if lexicon is not None:
        _, raw, words = _analysed(text)
        for a, b in itertools.pairwise([*(raw if name in _CASED_LEXICONS else words), ""]):
            for phrase in (a + " " + b, a):
                if phrase in lexicon and not phrase.startswith("<"):
                    return _first_cased(text, phrase)
        if name == "f:past":  # fired by a verb in -ed
            for w in words:
                if len(w) > 4 and w.endswith("ed") and w not in _NOT_PAST_ED:
                    return _first_cased(text, w)
        return ""
    pattern = dict(_PATTERN_FEATURES).get(name)
    m = pattern.search(text) if pattern else None
    return m.group(0).strip() if m else ""


# --------------------------------------------------------------------------------------------
# Scorer
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Score:
    """One sentence's check-worthiness: ``score`` in 0..1 and a short human ``reason``."""

    score: float
    reason: str


class Scorer:
    """A linear check-worthiness model: ``sigmoid(bias + sum(weight * feature))``."""

    __slots__ = ("bias", "meta", "weights")

    def __init__(
        self, weights: Mapping[str, float], bias: float, meta: Mapping[str, Any] | None = None
    ) -> None:
        self.weights = dict(weights)
        self.bias = float(bias)
        self.meta = dict(meta or {})

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Scorer:
        """Build a scorer from the parsed weights file, checking its shape and version."""
        try:
            version = data["feature_version"]
            weights = data["weights"]
            bias = data["bias"]
        except (KeyError, TypeError) as exc:
            raise ScorerDataError(f"check-worthiness weights lack the field {exc}") from None
        if version != FEATURE_VERSION:
            raise ScorerDataError(
                f"check-worthiness weights were trained for feature version {version}, this code "
                f"extracts version {FEATURE_VERSION}: run benchmarks/train_checkworthiness.py"
            )
        if not isinstance(weights, dict) or not all(
            isinstance(v, (int, float)) for v in weights.values()
        ):
            raise ScorerDataError("check-worthiness weights must map feature names to numbers")
        return cls(weights, bias, data.get("meta"))

    def _contributions(self, text: str) -> list[tuple[float, str]]:
        w = self.weights
        return [(w[k] * v, k) for k, v in extract_features(text).items() if k in w]

    def logit(self, text: str) -> float:
        """The raw linear score of one sentence (before the sigmoid)."""
        # fsum is exactly rounded, so the result does not depend on the order of the terms.
        return math.fsum([self.bias, *(c for c, _ in self._contributions(text))])

    def score_one(self, text: str) -> Score:
        """Score one sentence, or one clause of a sentence on its own.

        Score and reason come from ``text`` alone: a clause split from a sentence ("X said A, and
        that B") gets the reason of its own words, never a number or a name of the other clause.
        A claim taken from a clause should be scored this way, with the clause as ``text``.
        """
        contributions = self._contributions(text)
        z = math.fsum([self.bias, *(c for c, _ in contributions)])
        return Score(score=_sigmoid(z), reason=_reason(contributions, text))

    def score(self, texts: Sequence[str]) -> list[Score]:
        """Score each sentence independently; results are in input order."""
        if isinstance(texts, str):
            raise TypeError("Scorer.score takes a sequence of sentences, not one string")
        return [self.score_one(t) for t in texts]


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


#: A hand-designed feature must add at least this much to the logit to be named in a reason.
_REASON_MIN_CONTRIBUTION = 0.1


def _reason(contributions: list[tuple[float, str]], text: str) -> str:
    """Name, strongest first, the hand-designed features that raised the score (at most three).

    Word features are not named one by one: "the word 'jobs'" explains little and would leak
    the debates' topics into every reason; the readable features carry the explanation.
    """
    named = sorted(
        (
            (c, k)
            for c, k in contributions
            if k in _REASON_PHRASES and c >= _REASON_MIN_CONTRIBUTION
        ),
        key=lambda ck: (-ck[0], ck[1]),
    )
    parts: list[str] = []
    said: set[str] = set()
    for _, k in named:
        phrase = _REASON_PHRASES[k]
        group = "name" if k in _NAME_FEATURES else phrase
        if group in said:
            continue
        detail = _reason_detail(k, text)
        if detail and any(f"({detail})" in p for p in parts):
            continue
        said.add(group)
        parts.append(f"{phrase} ({detail})" if detail else phrase)
        if len(parts) == 3:
            break
    return "; ".join(parts)


@lru_cache(maxsize=1)
def load_scorer() -> Scorer:
    """Load the packaged weights (``factcheck/data/checkworthiness.json``); cached."""
    try:
        path = resources.files(_DATA_PACKAGE).joinpath(_DATA_PATH[0]).joinpath(_DATA_PATH[1])
        raw = path.read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError, OSError) as exc:
        raise ScorerDataError(f"cannot read the check-worthiness weights: {exc}") from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ScorerDataError(f"the check-worthiness weights are not valid JSON: {exc}") from None
    return Scorer.from_json(data)


def checkworthiness_report(texts: Sequence[str]) -> dict[str, list[dict[str, Any]]]:
    """The JSON of ``factcheck checkworthiness FILE --lines --format json``.

    ``{"sentences": [{"line": 1, "text": "...", "score": 0.83}, ...]}`` in input order; ``line``
    is the 1-based index of the sentence in ``texts``.
    """
    scores = load_scorer().score(texts)
    return {
        "sentences": [
            {"line": i, "text": t, "score": round(s.score, 4)}
            for i, (t, s) in enumerate(zip(texts, scores, strict=True), start=1)
        ]
    }

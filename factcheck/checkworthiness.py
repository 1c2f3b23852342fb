"""Check-worthiness scorer: how much a sentence deserves a fact-checker's attention, in 0..1.

A linear model (logistic regression) over words, word pairs and a few hand-designed linguistic
features (numbers, percentages, money, comparisons, names, reporting verbs, predictions; questions,
greetings and hedged opinions count against). It is trained on the CLEF-2019 CheckThat! Task 1
debates by ``benchmarks/train_checkworthiness.py``, which writes the weights to
``factcheck/data/checkworthiness.json``; this module only reads that JSON (no pickle, no code runs
on load) and needs nothing beyond the standard library.

Scores are deterministic, and each sentence is scored on its own: the score of a sentence does
not depend on the other sentences passed with it or on their order. The score is the model's
probability under class-balanced training, so it ranks sentences; it is not the chance that a
fact-checker would pick the sentence (in the debates only 2.7% of sentences were picked).
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

__all__ = [
    "FEATURE_VERSION",
    "Score",
    "Scorer",
    "ScorerDataError",
    "checkworthiness_report",
    "extract_features",
    "load_scorer",
]

#: Bumped whenever ``extract_features`` changes; the weights file records the version it was
#: trained with, and loading refuses a mismatch (stale weights would score silently wrong).
FEATURE_VERSION = 1

_DATA_PACKAGE = "factcheck"
_DATA_PATH = ("data", "checkworthiness.json")


class ScorerDataError(FactcheckError):
    """The check-worthiness weights file is missing, unreadable or from another feature version."""


# --------------------------------------------------------------------------------------------
# Features
# --------------------------------------------------------------------------------------------

_TOKEN_RE = re.compile(r"\$?\d+(?:,\d{3})*(?:\.\d+)?%?|[^\W\d_]+(?:['\u2019][^\W\d_]+)*|[?!$%]")
_NUMBER_RE = re.compile(
    r"(?<![\w.])[$\u20ac\u00a3]?\d+(?:,\d{3})*(?:\.\d+)?"
    r"(?:\s*(?:%|percent\b|per cent\b|(?:million|billion|trillion)\b))?"
)
_SPELLED_NUMBER_RE = re.compile(
    r"\b(?:half|twice|double|doubled|triple|tripled|dozens?|hundreds?|thousands?|millions?|"
    r"billions?|trillions?|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|"
    r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\b",
    re.IGNORECASE,
)
_PERCENT_RE = re.compile(
    r"\d+(?:,\d{3})*(?:\.\d+)?\s*(?:%|percent\b|per cent\b)|\b(?:percent|per cent|percentage)\b",
    re.IGNORECASE,
)
_DATE_RE = re.compile(
    r"\b(?:(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?\s+\d{1,2}\b|"
    r"(?:on|last|next|this)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
    r"(?:last|next|this|previous)\s+(?:week|month|year|decade|quarter)|yesterday|"
    r"(?:in|since|by|until)\s+(?:1[89]\d\d|20\d\d)\b|\d{1,2}\s+(?:January|February|March|April|"
    r"May|June|July|August|September|October|November|December)\b)",
)
_MONEY_RE = re.compile(
    r"[$\u20ac\u00a3]\s?\d|\b\d[\d,.]*\s*(?:dollars|euros|pounds)\b|"
    r"\b(?:million|billion|trillion)\s+(?:dollars|euros|pounds)\b|"
    r"\b(?:budget|deficit|debt|tax|taxes|spending|spent|paid|cost|costs)\b",
    re.IGNORECASE,
)
_BIG_NUMBER_RE = re.compile(r"\b(?:million|billion|trillion)s?\b", re.IGNORECASE)
_YEAR_RE = re.compile(r"\b(?:1[89]\d\d|20\d\d)s?\b")
_COMPARATIVE_RE = re.compile(
    r"\b(?:more|less|fewer|higher|lower|larger|smaller|bigger|greater|worse|better|faster|slower)"
    r"\s+than\b|\b(?:largest|biggest|highest|lowest|smallest|fastest|slowest|worst|best|most|least|"
    r"record|ever|first|only|since|increase[sd]?|decrease[sd]?|increasing|decreasing|rose|risen|"
    r"fell|fallen|dropped|doubled|tripled|grew|grown|declined|surged|soared|plunged|cut)\b",
    re.IGNORECASE,
)
_REPORTING_RE = re.compile(
    r"\b(?:said|says|say|told|tells|stated|announced|reported|reports|claimed|claims|according to|"
    r"confirmed|denied|admitted|testified|wrote|declared|insisted|warned|estimated|estimates|"
    r"found|shows|showed|study|survey|poll|data|statistics|figures)\b",
    re.IGNORECASE,
)
_ACTION_RE = re.compile(
    r"\b(?:voted|vote|votes|passed|signed|approved|rejected|opposed|supported|proposed|created|"
    r"lost|won|killed|died|invaded|attacked|sanctioned|banned|raised|lowered|funded|deported|"
    r"hired|fired|appointed|elected|launched|built|closed|moved|left|leaving|agreed|withdrew|"
    r"spent|paid|owes|owe|borrowed|sold|bought|imported|exported)\b",
    re.IGNORECASE,
)
_FIRST_PLURAL_RE = re.compile(r"\b(?:we|we've|we're|we'd|our|us)\b", re.IGNORECASE)
_FIRST_SINGULAR_RE = re.compile(r"\b(?:i|i'm|i've|i'd|i'll|me|my|mine)\b", re.IGNORECASE)
_SECOND_PERSON_RE = re.compile(r"\b(?:you|you're|you've|your|yours)\b", re.IGNORECASE)
_PREDICTION_RE = re.compile(
    r"\b(?:will|won't|would|going to|gonna|plan|plans|planned|expect|expects|expected|forecast|"
    r"predict|predicts|projected)\b",
    re.IGNORECASE,
)
_OPINION_RE = re.compile(
    r"\b(?:i think|i believe|i feel|i hope|i want|i'd like|in my opinion|i guess|we need|"
    r"we have to|"
    r"we must|should|ought|let me|let's|i love|believe me|frankly|honestly|great|wonderful|"
    r"terrible|beautiful|amazing|incredible|tremendous|disaster)\b",
    re.IGNORECASE,
)
_GREETING_RE = re.compile(
    r"\b(?:thank you|thanks|good evening|good morning|good afternoon|good night|welcome|hello|"
    r"ladies and gentlemen|congratulations|applause|laughter|crosstalk|inaudible|god bless)\b",
    re.IGNORECASE,
)
_FILLER_WORDS = frozenset(
    {
        "yes", "no", "ok", "okay", "well", "right", "sure", "so", "yeah", "oh", "uh", "um",
        "all", "thank", "thanks", "please", "excuse", "sorry", "wait",
    }
)
_LAW_RE = re.compile(
    r"\b(?:law|act|bill|treaty|agreement|deal|court|constitution|amendment|regulation|policy|"
    r"program|plan|report|census|bureau|department|agency|ministry|committee|congress|senate|"
    r"parliament|government|administration)\b",
    re.IGNORECASE,
)
_SENTENCE_START_WORDS = frozenset(
    {
        "i", "i'm", "i've", "i'll", "i'd", "a", "an", "the", "and", "but", "or", "so", "if",
        "when", "we", "you", "he", "she", "it", "they", "this", "that", "there", "what", "why",
        "how", "who", "mr", "mrs", "ms", "dr",
    }
)
_CAPITALISED_RE = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+(?:[-'][A-Za-z]+)*\b|\b[A-Z]{2,}\b")
_PAST_TENSE_RE = re.compile(r"\b[a-z]{3,}ed\b")


def _tokens(text: str) -> list[str]:
    out = []
    for tok in _TOKEN_RE.findall(text):
        if tok[0].isdigit() or tok[0] == "$":
            if tok.endswith("%"):
                out.append("<pct>")
            elif tok.startswith("$"):
                out.append("<money>")
            elif re.fullmatch(r"(?:1[89]|20)\d\d", tok):
                out.append("<year>")
            else:
                out.append("<num>")
        else:
            out.append(tok.lower().replace("\u2019", "'"))
    return out


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


def extract_features(text: str) -> dict[str, float]:
    """Return the sparse feature vector of one sentence: feature name -> value.

    Word features are ``w:word`` and ``b:word word`` (lower-cased; digits folded to ``<num>``,
    ``<pct>``, ``<money>``, ``<year>``); hand-designed features are ``f:name`` and ``len:...``.
    The training script calls this very function, so training and scoring cannot drift apart.
    """
    feats: dict[str, float] = {}
    toks = _tokens(text)
    words = [t for t in toks if t not in {"?", "!", "$", "%"}]
    for t in dict.fromkeys(words):  # first-occurrence order, not set order (hash-seeded)
        feats["w:" + t] = 1.0
    padded = ["<s>", *words, "</s>"]
    for a, b in itertools.pairwise(padded):
        feats["b:" + a + " " + b] = 1.0

    n = len(words)
    feats[_length_bucket(n)] = 1.0
    stripped = text.strip()

    if _NUMBER_RE.search(text) or "<num>" in toks or "<pct>" in toks or "<money>" in toks:
        feats["f:number"] = 1.0
    elif _SPELLED_NUMBER_RE.search(text):
        feats["f:spelled_number"] = 1.0
    if _PERCENT_RE.search(text):
        feats["f:percent"] = 1.0
    if _MONEY_RE.search(text):
        feats["f:money"] = 1.0
    if _BIG_NUMBER_RE.search(text):
        feats["f:big_number"] = 1.0
    if _YEAR_RE.search(text):
        feats["f:year"] = 1.0
    if _DATE_RE.search(text):
        feats["f:date"] = 1.0
    if _COMPARATIVE_RE.search(text):
        feats["f:comparison"] = 1.0
    if _REPORTING_RE.search(text):
        feats["f:reporting"] = 1.0
    if _ACTION_RE.search(text):
        feats["f:action"] = 1.0
    if _LAW_RE.search(text):
        feats["f:institution"] = 1.0
    if _PREDICTION_RE.search(text):
        feats["f:prediction"] = 1.0
    if _FIRST_PLURAL_RE.search(text):
        feats["f:we"] = 1.0
    if _FIRST_SINGULAR_RE.search(text):
        feats["f:i"] = 1.0
    if _SECOND_PERSON_RE.search(text):
        feats["f:you"] = 1.0
    if _OPINION_RE.search(text):
        feats["f:opinion"] = 1.0
    if _GREETING_RE.search(text):
        feats["f:greeting"] = 1.0
    if stripped.endswith("?"):
        feats["f:question"] = 1.0
    if stripped.endswith("!"):
        feats["f:exclamation"] = 1.0
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
    if len(_PAST_TENSE_RE.findall(text)) >= 2:
        feats["f:past_tense"] = 1.0
    return feats


# --------------------------------------------------------------------------------------------
# Reasons: the features that pushed a score up, in words
# --------------------------------------------------------------------------------------------

_REASON_PHRASES: dict[str, str] = {
    "f:number": "states a number",
    "f:spelled_number": "states a quantity",
    "f:percent": "gives a percentage",
    "f:money": "concerns money or taxes",
    "f:big_number": "cites millions or billions",
    "f:year": "cites a year",
    "f:date": "dates an event",
    "f:comparison": "makes a comparison or a change",
    "f:reporting": "attributes a statement or data",
    "f:action": "reports an action or a record",
    "f:institution": "concerns a law, body or programme",
    "f:prediction": "makes a prediction",
    "f:we": "a claim about 'we'",
    "f:name": "names a person, place or organisation",
    "f:names3": "names several people, places or organisations",
    "f:past_tense": "reports past events",
}


def _reason_detail(name: str, text: str) -> str:
    """Add the words from the sentence that fired a feature, so the reason can be checked."""
    pattern = {
        "f:number": _NUMBER_RE,
        "f:percent": _PERCENT_RE,
        "f:money": _MONEY_RE,
        "f:big_number": _BIG_NUMBER_RE,
        "f:year": _YEAR_RE,
        "f:date": _DATE_RE,
        "f:comparison": _COMPARATIVE_RE,
        "f:reporting": _REPORTING_RE,
        "f:action": _ACTION_RE,
        "f:prediction": _PREDICTION_RE,
        "f:spelled_number": _SPELLED_NUMBER_RE,
    }.get(name)
    if pattern is None:
        return ""
    if name == "f:number":
        # Prefer a figure that is not part of a date ("May 15"); else show the date itself.
        dates = [m.span() for m in _DATE_RE.finditer(text)]
        for m in _NUMBER_RE.finditer(text):
            if not any(a <= m.start() < b for a, b in dates):
                return m.group(0).strip()
        m = _DATE_RE.search(text) or re.search(r"\d+(?:[.,]\d+)*%?", text)
        return m.group(0).strip() if m else ""
    m = pattern.search(text)
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
        """Score one sentence."""
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
    parts = []
    for _, k in named:
        if k == "f:names3" and any(p.startswith(_REASON_PHRASES["f:name"]) for p in parts):
            continue
        if k == "f:name" and any(p.startswith(_REASON_PHRASES["f:names3"]) for p in parts):
            continue
        detail = _reason_detail(k, text)
        if detail and any(f"({detail})" in p for p in parts):
            continue
        parts.append(f"{_REASON_PHRASES[k]} ({detail})" if detail else _REASON_PHRASES[k])
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

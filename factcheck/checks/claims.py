"""Checks on a claim's fields: its type fits the quote's wording, `verify` names a primary source,
the speaker keeps the article's attribution; and on a ranking model's ratings of the claims.

``classify_claim`` is code's stand-in for a type that kept failing its check: it reads the same
wording the check does, so the two cannot disagree.
"""

from __future__ import annotations

import re

from ..dates import tag
from ..models import ClaimType, RatingsDraft
from . import grounding

_VAGUE_SOURCES = re.compile(r"\b(search the web|google|internet|online search|social media)\b", re.I)
_PRIMARY_SOURCES = re.compile(
    r"\b(record|records|statement|statements|transcript|data|dataset|statistics|figures|report|"
    r"release|minutes|filing|registry|register|archive|document|documents|budget|census|agenda|"
    r"video|recording|website|announcement|readout|communiqu\w*|decree|law|court|database|results)\b",
    re.I,
)

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


def check_ratings(draft: RatingsDraft, ids: tuple[str, ...], article_text: str) -> list[str]:
    """One rating per listed claim, and reasons free of loaded words the article does not use."""
    rated = [r.id for r in draft.ratings]
    problems = [f"rate {i}: every listed claim needs one rating" for i in ids if i not in rated]
    problems += [f"{i} is rated {rated.count(i)} times: rate each claim once" for i in sorted(set(rated)) if rated.count(i) > 1]
    for r in draft.ratings:
        problems += grounding.check_loaded_words(f"the reason for {r.id}", r.reason, article_text)
    return problems

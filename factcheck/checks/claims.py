"""Checks on a claim's fields: its type fits the quote's wording, the speaker keeps code's
attribution.

``classify_claim`` is code's stand-in for a type that kept failing its check: it reads the same
structure the check does (factcheck/claim_types.py), so the two cannot disagree.
"""

from __future__ import annotations


from ..attribution import Speaker


from ..claim_types import claim_types
from ..models import ClaimType
from . import grounding

def check_claim_type(kind: ClaimType, quote: str, speaker: Speaker | str) -> list[str]:
    """The type must be one the clause's structure allows (factcheck/claim_types.py): a statistic
    states a figure, a prediction looks ahead, and a checkable fact is never typed opinion."""
    allowed = claim_types(quote, speaker)
    if kind in allowed:
        return []
    return [f"type {kind} does not fit the clause: its structure allows {', '.join(allowed)}"]


def classify_claim(quote: str, speaker: Speaker | str) -> ClaimType:
    """Code's stand-in for the model's type: the first type the clause's structure allows."""
    return claim_types(quote, speaker)[0]


def check_attribution_kept(speaker: str, said_by: str | None) -> list[str]:
    """Keep code's attribution (factcheck/attribution.py), the reference: a claim the article puts
    in X's mouth is X's; one the article states in its own voice is the outlet's. The options the
    model chooses among are these two, so a grammar-bound model can only fail by picking the outlet
    for a claim code attributes, and then code's speaker stands."""
    if said_by is None:
        return [] if speaker in ("the outlet", "unattributed") else [
            f"the article states this in its own voice: the speaker is 'the outlet', not {speaker!r}"
        ]
    if not grounding.same_speaker(speaker, said_by):
        return [f"the article attributes this to {said_by!r}, not {speaker!r}"]
    return []

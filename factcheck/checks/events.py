"""Checks on a timeline event beyond grounding: it must say what happens at its date."""

from __future__ import annotations

import re


def check_event_says_something(event: str, when: str) -> list[str]:
    """`event` must say more than the date words `when` it is about."""
    rest = event.replace(when, " ")
    if len(re.findall(r"\w+", rest)) < 3:
        return [f"the event {event!r} only repeats the date; say what happened then"]
    return []

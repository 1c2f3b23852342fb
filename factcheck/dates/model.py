"""The public data types: a tagged expression and the precision of an interval."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

# The width of what a value pins down, for the timeline (see interval.to_interval).
Precision = Literal["day", "week", "month", "quarter", "year", "decade", "unknown"]


@dataclass(frozen=True, slots=True)
class Timex:
    """One temporal expression: ``text == source_text[start:end]``; TIMEX3 ``type`` and ``value``."""

    text: str
    start: int
    end: int
    type: str
    value: str
    value_end: str | None = None

    def to_json(self) -> dict:
        out = {"text": self.text, "start": self.start, "end": self.end, "type": self.type, "value": self.value}
        if self.value_end is not None:
            out["value_end"] = self.value_end
        return out

"""The public data types: a tagged expression and the precision of an interval."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

# The width of what a value pins down, for the timeline (see interval.to_interval).
Precision = Literal["day", "week", "month", "quarter", "year", "decade", "unknown"]

# A count of two or more weeks, months or years back or on from publication ('42 years ago', 'three
# months ago'): elapsed time told in whole units, so what the words name may lie in the unit before the
# value (42 years before a day of 2000 is in 1957 or 1958). TimeML gives the value without a mod; a
# reader must not be told the year as if the article gave it. 'A year ago' is the same time a year
# back, and a count of days is exact.
_COUNTED = re.compile(r"(?i)(?:^|\s)([\w-]+)\s+(?:weeks?|months?|years?)\s+(ago|earlier|from\s+now|hence)$")


@dataclass(frozen=True, slots=True)
class Timex:
    """One temporal expression: ``text == source_text[start:end]``; TIMEX3 ``type`` and ``value``."""

    text: str
    start: int
    end: int
    type: str
    value: str
    value_end: str | None = None
    # For a range, the offsets of its two ends ('1994' and '1997' in 'between 1994 and 1997').
    ends: tuple[tuple[int, int], tuple[int, int]] | None = field(default=None, compare=False, repr=False)
    # TIMEX3 ``mod``: the expression only bounds or approximates its value ('more than four decades
    # ago' BEFORE, 'early next year' START, 'about two years ago' APPROX); None when it is exact.
    mod: str | None = field(default=None, compare=False)
    # Another value the words name as well as ``value``, when the article does not say which: a weekday
    # told in the past that names the day after publication ("said Friday" in a Thursday story) is the
    # Friday before (news names the past six days by weekday) or the next day, already Friday where a
    # source a time zone ahead spoke. ``value`` keeps TimeML's reading (the day before).
    alternative: str | None = field(default=None, compare=False)
    # A year, half or quarter of a company's or a government's books ('fiscal 1988', 'its fiscal
    # third quarter', 'the 1989 fiscal year'): TimeML gives it the calendar value, but its months are
    # whatever the books say, so no calendar interval may be written for it (``timex_interval``).
    fiscal: bool = field(default=False, compare=False)
    # The calendar months a fiscal quarter covers, when the article names them ("the fiscal first
    # quarter ... For the quarter ended Sept. 30"): a value and an end value ('1989-Q3', None; '1989-06',
    # '1989-08'), the interval that ``value``, TimeML's fiscal number, does not give.
    months: tuple[str, str | None] | None = field(default=None, compare=False)

    @property
    def counted(self) -> int:
        """-1 for a plain count of two or more weeks, months or years back ('42 years ago'), 1 for one
        on ('three months from now'), 0 otherwise: what the words name lies in the value's unit or
        the one before (after) it."""
        m = _COUNTED.search(self.text)
        if m is None or self.mod is not None or m.group(1).lower() in ("a", "an", "one", "1"):
            return 0  # a bound or an approximation says so itself ('nearly four years ago')
        return 1 if m.group(2).lower().startswith(("from", "hence")) else -1

    @property
    def within_value(self) -> bool:
        """What the words name lies inside the value's interval: exact, or a part of it ('later that
        day', 'early next year'); not a bound ('more than two years ago'), an approximation, nor a
        count of whole weeks, months or years ('three years ago': either of two years), nor one of two
        days (``alternative``)."""
        return self.mod in (None, "START", "MID", "END") and not self.counted and self.alternative is None

    def to_json(self) -> dict:
        out = {"text": self.text, "start": self.start, "end": self.end, "type": self.type, "value": self.value}
        if self.value_end is not None:
            out["value_end"] = self.value_end
        if self.mod is not None:
            out["mod"] = self.mod
        if self.alternative is not None:
            out["alternative"] = self.alternative
        if self.fiscal:
            out["fiscal"] = True
        return out


def timeml(timexes: list[Timex]) -> list[Timex]:
    """The expressions as TimeML annotates them: a range is two TIMEX3, one per end ('between
    [1994] and [1997]', 'April [24] and [25]' -- TimeML 1.2.1 marks the points; the interval between
    them is a relation, not one TIMEX3). Other expressions are unchanged."""
    out: list[Timex] = []
    for t in timexes:
        if t.ends is None or t.value_end is None:
            out.append(t)
            continue
        for (s, e), value in zip(t.ends, (t.value, t.value_end)):
            out.append(Timex(t.text[s - t.start:e - t.start], s, e, t.type, value, mod=t.mod, fiscal=t.fiscal, months=t.months))
    return out

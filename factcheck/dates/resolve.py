"""Resolution helpers shared by the rules: the year of a month, the date of a weekday..."""

from __future__ import annotations

import datetime as dt
import re

from .lexicon import (
    _SEASON_MONTHS,
    _UNKNOWN,
    _fmt_unit,
    _shift,
)
from .context import _Context
from .lexicon import LazyPattern

# A date a period ended on ('the second quarter ended Oct. 31', 'the year ended on June 30').
_ENDED_BEFORE = LazyPattern(r"\bended\s+(?:on\s+)?$", re.I)

# --------------------------------------------------------------------------------------------
# Resolution helpers shared by the rules
# --------------------------------------------------------------------------------------------

Resolved = tuple[str, str, str | None] | None  # (type, value, value_end)


def _relative_unit(ctx: _Context, unit: str, offset: int) -> str:
    if ctx.dct is None:
        return _UNKNOWN[unit]
    return _fmt_unit(unit, _shift(ctx.dct, unit, offset))


def _weekday_date(ctx: _Context, weekday: int, mod: str, start: int, end: int, known: bool = False) -> dt.date | None:
    """The date of a weekday name: 'last'/'next' as written, else by the tense of its clause; with
    no tense to go by, the one before for the day of a ``known`` happening ("wants an inquiry into
    the shooting on Saturday": the definite article tells of one the reader has heard of)."""
    dct = ctx.dct
    if dct is None:
        return None
    diff = weekday - dct.weekday()
    if mod in ("next", "this coming", "coming"):
        return dct + dt.timedelta(days=diff % 7 or 7)
    if mod == "last":
        return dct - dt.timedelta(days=(-diff) % 7 or 7)
    if diff == 0:
        return dct  # a weekday naming the publication day is that day
    if mod == "past":
        return dct - dt.timedelta(days=(-diff) % 7)
    tense = ctx.tense(start, end)
    if mod == "this" or tense == "future":
        return dct + dt.timedelta(days=diff % 7)
    if tense is None and diff % 7 < (-diff) % 7 and not known:
        return dct + dt.timedelta(days=diff % 7)  # no tense to go by: the nearer of the two
    return dct - dt.timedelta(days=(-diff) % 7)


def _month_year(ctx: _Context, month: int, mod: str, start: int, end: int) -> int | None:
    """The year of a month named without one: 'last'/'next' as written, else by tense."""
    dct = ctx.dct
    if dct is None:
        return None
    if mod == "last":
        # 'last February' written in March is a year back: the month just gone is 'last month'.
        return dct.year if month < dct.month - 1 else dct.year - 1
    if mod == "next":
        return dct.year if month > dct.month else dct.year + 1
    if mod == "this" or month == dct.month:
        return dct.year
    nearest = dct.year if abs(month - dct.month) <= 6 else (dct.year - 1 if month > dct.month else dct.year + 1)
    if (month - dct.month) % 12 <= 2 or (dct.month - month) % 12 <= 2:
        return nearest  # a month or two away: news means that one, whatever the tense of the clause
    tense = ctx.tense(start, end)
    if tense == "future":
        return dct.year if month > dct.month else dct.year + 1
    if tense == "past":
        return dct.year if month < dct.month else dct.year - 1
    return nearest  # no tense to go by


def _day_year(ctx: _Context, month: int, day: int, start: int, end: int) -> int | None:
    """The year of 'May 15' without one: the occurrence nearest the publication date, tense-aware."""
    dct = ctx.dct
    if dct is None:
        return None
    candidates = []
    for year in (dct.year - 1, dct.year, dct.year + 1):
        try:
            candidates.append(dt.date(year, month, day))
        except ValueError:
            pass
    if not candidates:
        return None
    nearest = min(candidates, key=lambda d: abs((d - dct).days))
    if _ENDED_BEFORE.search(ctx.text, max(0, start - 12), start) and any(d <= dct for d in candidates):
        # 'the quarter ended Oct. 31': the period is over, so its last day is, whatever the nearest is
        return max(d for d in candidates if d <= dct).year
    if abs((nearest - dct).days) > 92:  # not obviously near publication: the tense may pick the other side
        tense = ctx.tense(start, end)
        before = [d for d in candidates if d <= dct]
        after = [d for d in candidates if d >= dct]
        if tense == "future" and after and (after[0] - dct).days < 300:
            nearest = after[0]
        elif tense == "past" and before and (dct - before[-1]).days < 300:
            nearest = before[-1]
    return nearest.year


def _season_year(ctx: _Context, season: str, mod: str, start: int, end: int) -> int | None:
    dct = ctx.dct
    if dct is None:
        return None
    first, _ = _SEASON_MONTHS[season]
    # position of the season relative to the publication month, in a year starting in March
    cur = (dct.month - 3) % 12 // 3
    idx = (first - 3) % 12 // 3
    year_of = dct.year if dct.month >= 3 else dct.year - 1  # the season-year runs March to February
    if mod == "last":
        return year_of if idx < cur else year_of - 1
    if mod == "next":
        return year_of if idx > cur else year_of + 1
    if mod == "this" or idx == cur:
        return year_of
    tense = ctx.tense(start, end)
    if tense == "future":
        return year_of if idx > cur else year_of + 1
    return year_of if idx < cur else year_of - 1


def _date_value(ctx: _Context, year: int | None, month: int, day: int | None = None) -> str | None:
    ys = "XXXX" if year is None else f"{year:04d}"
    if day is None:
        return f"{ys}-{month:02d}"
    if year is not None:
        try:
            dt.date(year, month, day)
        except ValueError:
            return None
    elif day > 31:
        return None
    return f"{ys}-{month:02d}-{day:02d}"


def _capitalised(word: str) -> bool:
    return word[:1].isupper()

"""Intervals for the timeline: the first and last calendar day a TIMEX3 value covers, and how to
write one at its precision (the claims chain writes it into a claim; the renderers show it)."""

from __future__ import annotations

import calendar
import datetime as dt

from .lexicon import _SEASON_MONTHS, LazyPattern
from .model import Precision, Timex

_VALUE = LazyPattern(
    r"(?P<year>\d{4})(?:-(?:(?P<month>\d\d)(?:-(?P<day>\d\d))?|W(?P<week>\d\d)(?P<weekend>-WE)?|Q(?P<quarter>[1-4])"
    r"|H(?P<half>[12])|(?P<season>SP|SU|FA|WI)))?(?:T.*)?$|(?P<decade>\d{3})$|(?P<century>\d\d)$")


def _interval_one(value: str) -> tuple[dt.date | None, dt.date | None, str]:
    try:
        return _interval_of(value)
    except (ValueError, OverflowError):  # an impossible date ('2025-02-30') or one outside datetime's years 1-9999
        return None, None, "unknown"


def _interval_of(value: str) -> tuple[dt.date | None, dt.date | None, str]:
    m = _VALUE.match(value or "")
    if not m:
        return None, None, "unknown"
    if m.group("decade"):
        d = int(m.group("decade"))
        return dt.date(d * 10, 1, 1), dt.date(d * 10 + 9, 12, 31), "decade"
    if m.group("century"):
        c = int(m.group("century"))
        return dt.date(c * 100, 1, 1), dt.date(c * 100 + 99, 12, 31), "decade"
    year = int(m.group("year"))
    if m.group("day"):
        day = dt.date(year, int(m.group("month")), int(m.group("day")))
        return day, day, "day"
    if m.group("month"):
        month = int(m.group("month"))
        return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1]), "month"
    if m.group("week"):
        monday = dt.date.fromisocalendar(year, int(m.group("week")), 1)
        if m.group("weekend"):
            return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6), "day"
        return monday, monday + dt.timedelta(days=6), "week"
    if m.group("quarter"):
        q = int(m.group("quarter"))
        return dt.date(year, 3 * q - 2, 1), dt.date(year, 3 * q, calendar.monthrange(year, 3 * q)[1]), "quarter"
    if m.group("half"):
        h = int(m.group("half"))
        return dt.date(year, 6 * h - 5, 1), dt.date(year, 6 * h, 30 if h == 1 else 31), "quarter"
    if m.group("season"):
        first, last = _SEASON_MONTHS[m.group("season")]
        end_year = year + 1 if last < first else year
        return (dt.date(year, first, 1), dt.date(end_year, last, calendar.monthrange(end_year, last)[1]),
                "quarter")
    return dt.date(year, 1, 1), dt.date(year, 12, 31), "year"


_PRECISION_ORDER = ["day", "week", "month", "quarter", "year", "decade"]


def to_interval(value: str, value_end: str | None = None) -> tuple[dt.date | None, dt.date | None, Precision]:
    """First and last calendar day covered by a TIMEX3 value (or a range), and its precision.

    Precision is the calendar unit of the value: a day (also a time of day, a weekend or a range of
    days), week, month, quarter, year or decade. A season or a half-year is reported as "quarter",
    the unit nearest to its three (or six) months; a century as "decade", the widest unit there is.
    Seasons are meteorological and northern: SP = Mar-May, SU = Jun-Aug, FA = Sep-Nov, WI = Dec of
    the value's year to Feb of the next. Anything without a calendar anchor (``XXXX-05-15``,
    ``PAST_REF``, a duration such as ``P3Y``, a SET) is ``(None, None, "unknown")``.
    """
    first, last, precision = _interval_one(value)
    if value_end is None or first is None:
        return first, last, precision  # type: ignore[return-value]
    first_end, last_end, precision_end = _interval_one(value_end)
    if last_end is None or last_end < first:
        return first, last, precision  # type: ignore[return-value]
    coarser = max(precision, precision_end, key=_PRECISION_ORDER.index)
    return first, last_end, coarser  # type: ignore[return-value]


def timex_interval(timex: Timex) -> tuple[dt.date | None, dt.date | None, Precision]:
    """The interval of what an expression names: its value's (``to_interval``), widened by one unit
    for a count of whole weeks, months or years ('42 years ago' published in 2000: 1957-1958, for 42
    years before a day of 2000 may fall in either year), or stretched to the other day a weekday
    may name ('said Friday' in a Thursday story: the Friday before to the next day); none for a
    fiscal period (``Timex.fiscal``) unless the article names its months (``Timex.months``)."""
    if timex.fiscal and timex.months is not None:
        return to_interval(*timex.months)
    if timex.fiscal:
        return None, None, "unknown"  # 'fiscal 1988': its months are the books', which the words do not give
    first, last, precision = to_interval(timex.value, timex.value_end)
    if timex.alternative is not None and first is not None and last is not None:
        other, other_last, _ = to_interval(timex.alternative)
        if other is not None and other_last is not None:  # either of two days: the days from one to the other
            return min(first, other), max(last, other_last), precision
    if first is None or last is None or not timex.counted or precision not in ("week", "month", "year"):
        return first, last, precision
    if timex.counted < 0:
        before, _, _ = _interval_one(_unit_value(first - dt.timedelta(days=1), precision))
        return before or first, last, precision
    _, after, _ = _interval_one(_unit_value(last + dt.timedelta(days=1), precision))
    return first, after or last, precision


def _unit_value(day: dt.date, precision: str) -> str:
    """The value of the week, month or year holding `day`."""
    if precision == "week":
        year, week, _ = day.isocalendar()
        return f"{year:04d}-W{week:02d}"
    return f"{day.year:04d}-{day.month:02d}" if precision == "month" else f"{day.year:04d}"


MONTHS = "January February March April May June July August September October November December".split()


def format_interval(start: dt.date | None, end: dt.date | None, precision: str) -> str:
    """A date at its precision: '11 May 2025', '14–15 May 2025', 'June 2025', 'Q3 2025', 'March–May 2025'
    (a season), '2020s', 'unresolved'."""
    if start is None:
        return "unresolved"
    if precision == "day":
        if end is None or end == start:
            return _day(start)
        if (start.year, start.month) == (end.year, end.month):
            return f"{start.day}–{end.day} {MONTHS[start.month - 1]} {start.year}"
        return f"{_day(start)} – {_day(end)}"
    if precision == "week":
        if end is not None and (end - start).days > 6:  # two weeks: the days they cover
            return format_interval(start, end, "day")
        return f"week of {_day(start)}"
    if precision == "month":
        if end is not None and (end.year, end.month) != (start.year, start.month):
            first = MONTHS[start.month - 1] + ("" if start.year == end.year else f" {start.year}")
            return f"{first}–{MONTHS[end.month - 1]} {end.year}"
        return f"{MONTHS[start.month - 1]} {start.year}"
    if precision == "quarter":
        if end is not None and start.month % 3 == 1 and (end.year, end.month) == (start.year, start.month + 2):
            return f"Q{(start.month - 1) // 3 + 1} {start.year}"
        return format_interval(start, end, "month")  # a season or a half: its months, not a quarter it is not
    if precision == "year":
        return str(start.year) if end is None or end.year == start.year else f"{start.year}–{end.year}"
    if precision == "decade":
        return f"{start.year // 10 * 10}s"
    return _day(start)


def _day(day: dt.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"

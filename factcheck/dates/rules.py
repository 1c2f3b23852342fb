"""The rules: one regular expression and one resolver per kind of expression."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Callable

from .lexicon import (
    LazyPattern,
    _CLOCK,
    _DAY,
    _MONTH,
    _MONTHS,
    _NUM,
    _ORDINALS,
    _ORD_DAY,
    _PART,
    _PARTS_OF_DAY,
    _SEASONS,
    _SPOKEN_YEAR,
    _TZ,
    _UNIT,
    _UNITS,
    _UNKNOWN,
    _WEEKDAY,
    _WEEKDAYS,
    _WEEKDAY_ABBR,
    _YEAR,
    _YEAR4,
    _day_num,
    _fmt_unit,
    _iso_week,
    _month_num,
    _quarter,
    _shift,
    _shift_quarter,
    _weekday_num,
    _word_number,
    _year_num,
)
from .context import _Context
from .resolve import (
    Resolved,
    _capitalised,
    _date_value,
    _day_year,
    _month_year,
    _relative_unit,
    _season_year,
    _weekday_date,
)

# --------------------------------------------------------------------------------------------
# Rules: (regex, resolver). A resolver returns (type, value, value_end) or None to drop the span.
# --------------------------------------------------------------------------------------------

_RULES: list[tuple[re.Pattern[str], Callable[[re.Match[str], _Context], Resolved]]] = []
# The same patterns without IGNORECASE, for text lowercased beforehand: about twice as fast.
_LOWER: dict[Callable, re.Pattern[str]] = {}


def _rule(pattern: str):
    """Register a rule; its pattern is written in lower case and matched case-insensitively."""
    compiled = LazyPattern(pattern, re.I)

    def register(fn):
        _RULES.append((compiled, fn))
        _LOWER[fn] = LazyPattern(pattern)
        return fn

    return register


class _OnOriginal:
    """A match found in the lowercased text, whose groups read the original text (capitals matter)."""

    __slots__ = ("_m", "string")

    def __init__(self, m: re.Match[str], text: str):
        self._m, self.string = m, text

    def group(self, index: int | str = 0) -> str | None:
        start, end = self._m.span(index)
        return None if start < 0 else self.string[start:end]

    def start(self, index: int | str = 0) -> int:
        return self._m.start(index)

    def end(self, index: int | str = 0) -> int:
        return self._m.end(index)


def _ambiguous_month(word: str) -> bool:
    """'may' and 'march' are verbs, 'Jan'/'Mar' names: accept them only capitalised/dotted."""
    low = word.lower()
    if low in ("may", "march"):
        return not word[0].isupper()
    if "." not in word and len(low) <= 4 and low not in _MONTHS:
        return not word[0].isupper()
    return False


@_rule(rf"\b(?:(?:(?:this coming|this|last|next|coming)\s+)?{_WEEKDAY},?\s+(?:the\s+)?|(?:last|next|this)\s+"
       rf"|(?P<week>the week of)\s+)?(?P<month>{_MONTH})\s+(?P<day>{_DAY})"
       rf"(?:\s*(?:-|–|—|to|through|until)\s*(?:(?P<month2>{_MONTH})\s+)?(?P<day2>{_DAY})|\s+and\s+(?P<day2b>{_DAY}))?"
       rf"(?:,?\s+(?P<year>{_YEAR}))?(?!\w)")
def _month_day(m, ctx):
    """'May 15', 'Saturday, April 25', 'Aug. 7, 1998', 'May 14-15', 'May 30 to June 2, 2025',
    'the week of March 6'."""
    if _ambiguous_month(m.group("month")):
        return None
    month, day = _month_num(m.group("month")), _day_num(m.group("day"))
    if m.group("year"):
        year = _year_num(m.group("year"))
    else:
        year = _day_year(ctx, month, day, m.start(), m.end())
    value = _date_value(ctx, year, month, day)
    if value is None:
        return None
    end_value = None
    if m.group("day2") or m.group("day2b"):  # 'May 14-15', 'May 30 to June 2', 'April 24 and 25'
        month2 = _month_num(m.group("month2")) if m.group("month2") else month
        year2 = year + 1 if year is not None and month2 < month else year
        end_value = _date_value(ctx, year2, month2, _day_num(m.group("day2") or m.group("day2b")))
        if end_value is None or end_value <= value:
            return None
    if m.group("week") and year is not None and end_value is None:
        return "DATE", _iso_week(dt.date(year, month, day)), None
    return "DATE", value, end_value


@_rule(rf"\b({_DAY})(?:\s*(?:-|–|to|and)\s*({_DAY}))?\s+(?:of\s+)?({_MONTH})(?:,?\s+({_YEAR}))?(?!\w)")
def _day_month(m, ctx):
    """'14 May 2025', '14-15 May', 'the 8th of March'."""
    word = m.group(3)
    if _ambiguous_month(word) or (m.group(1)[0].isalpha() and not m.group(4) and "of" not in m.group()):
        return None
    month, day = _month_num(word), _day_num(m.group(1))
    year = _year_num(m.group(4)) if m.group(4) else _day_year(ctx, month, day, m.start(), m.end())
    value = _date_value(ctx, year, month, day)
    if value is None:
        return None
    end_value = _date_value(ctx, year, month, _day_num(m.group(2))) if m.group(2) else None
    if m.group(2) and (end_value is None or end_value <= value):
        return None
    return "DATE", value, end_value


@_rule(r"\b(\d{4})-(\d\d)-(\d\d)\b|\b(\d{1,2})/(\d{1,2})/(\d{4}|\d\d)\b")
def _numeric_date(m, ctx):
    """ISO '2025-05-13' and US '5/13/2025' or '5/13/25'."""
    if m.group(1):
        year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
    else:
        month, day, year = int(m.group(4)), int(m.group(5)), int(m.group(6))
        if year < 100:
            year += 1900 if year >= 50 else 2000
    if not (1 <= month <= 12):
        return None
    value = _date_value(ctx, year, month, day)
    return ("DATE", value, None) if value else None


@_rule(rf"\b(?:(?:(early|mid|late)[- ])?({_MONTH})|(early|mid|late)-({_MONTH}))(?:,?\s+(?:of\s+)?({_YEAR})"
       r"|\s+(this|last|next) year\b)(?!\w)")
def _month_year_rule(m, ctx):
    """'July 1997', 'January nineteen ninety-seven', 'June last year'."""
    word = m.group(2) or m.group(4)
    if word.lower() in ("may", "march") and not word[0].isupper():
        return None
    if _ambiguous_month(word) and not m.group(5):
        return None
    month = _month_num(word)
    if m.group(5):
        year = _year_num(m.group(5))
    elif ctx.dct is None:
        year = None
    else:
        year = ctx.dct.year + {"this": 0, "last": -1, "next": 1}[m.group(6).lower()]
    return "DATE", _date_value(ctx, year, month), None


@_rule(rf"\b(?:(last|next|this|early|late|mid|in|since|until|till|by|before|after|during|through|from|to|of"
       rf"|and|or)\s+|(mid)-)?({_MONTH})(?!\w|\.?[ \t]*\d)")
def _month(m, ctx):
    """A month name alone: 'in March', 'last April', 'mid-November'."""
    word = m.group(3)
    low = word.lower().rstrip(".")
    if low in ("may", "march") and not (word[0].isupper() and (m.group(1) or m.group(2))):
        return None
    if low not in _MONTHS and "." not in word:
        return None  # 'Jan', 'Mar' without a dot are names, not months
    mod = (m.group(1) or "").lower()
    if mod in ("by", "until", "till", "before"):
        mod = "next"  # 'by August' looks ahead
    month = _month_num(word)
    year = _month_year(ctx, month, mod, m.start(3), m.end(3))
    value = _date_value(ctx, year, month)
    return "DATE", value, None


def _strip_preposition(m: re.Match[str]) -> int:
    """Where the expression starts once a leading preposition (not part of TimeML's extent) is dropped."""
    if m.group(1) and m.group(1).lower() not in ("last", "next", "this"):
        return m.start(3)
    return m.start()


@_rule(rf"\b(?:(?:in|of|by|since|until|during|for|from|through|before|after)\s+(?:the\s+)?)?"
       rf"(?:(early|mid|late|mid-|pre-|post-|end of|fiscal|calendar|the year|fy)\s*)?({_YEAR4}|{_SPOKEN_YEAR})(?!\w|%|-\d|\s?(?:percent|%))")
def _year(m, ctx):
    """A year: '1998', 'fiscal 1989', 'the year two thousand', 'nineteen ninety-one'."""
    text = ctx.text
    s = m.start(2)
    if s and text[s - 1] in "$#£€.,/:-'" and not (text[s - 1] == "-" and m.group(1)):
        return None
    year = _year_num(m.group(2))
    if m.group(2)[0].isalpha() and year < 1900 and not m.group(1):
        return None
    if not m.group(1) and _COUNTED.match(text, m.end()):
        return None  # '2000 people', '1500 troops': a count, not a year
    return "DATE", f"{year:04d}", None


# Nouns that make a preceding four-digit number a count rather than a year.
_COUNTED = LazyPattern(
    r"\s+(?:more\s+|other\s+|new\s+)?(?:people|persons|men|women|children|students|troops|soldiers|police|officers"
    r"|workers|employees|members|jobs|shares|units|cars|vehicles|homes|houses|tons|tonnes|miles|kilometers"
    r"|kilometres|km|feet|foot|meters|metres|yards|acres|hectares|barrels|dollars|euros|pounds|votes|seats|points"
    r"|lives|deaths|casualties|patients|cases|pages|words|copies|rooms|beds|flights|passengers|ships|planes"
    r"|aircraft|refugees|protesters|demonstrators|delegates|visitors|residents|inhabitants|items|pieces)\b",
    re.I)


@_rule(rf"\b(?:(between|from)\s+)({_MONTH})(?:\s+({_YEAR4}))?\s+(?:and|to|through|until|till)\s+({_MONTH})"
       rf"(?:,?\s+({_YEAR4}))?(?!\w|\.?[ \t]*\d)")
def _month_range(m, ctx):
    """'between January and March', 'from May 2024 to June 2025': both ends kept."""
    first, last = m.group(2), m.group(4)
    if _ambiguous_month(first) or _ambiguous_month(last) or (m.group(1).lower() == "between" and
                                                             " and " not in m.group().lower()):
        return None
    month1, month2 = _month_num(first), _month_num(last)
    year2 = int(m.group(5)) if m.group(5) else None
    year1 = int(m.group(3)) if m.group(3) else None
    if year1 is None and year2 is not None:
        year1 = year2 if month1 <= month2 else year2 - 1
    if year1 is None:
        year1 = _month_year(ctx, month1, "", m.start(2), m.end(2))
    if year2 is None and year1 is not None:
        year2 = year1 if month2 >= month1 else year1 + 1
    start, end = _date_value(ctx, year1, month1), _date_value(ctx, year2, month2)
    if year1 is not None and year2 is not None and end <= start:
        return None
    return "DATE", start, end


@_rule(r"\bon\s+the\s+((?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th))\b(?=\s*[,.;:)]|\s+(?:and|or|but|when|at|in|the|they|he|she|it|we|you|a|an|this|that)\b)")
def _day_of_month(m, ctx):
    """'on the 15th': that day of the month in discussion (of the last date mentioned)."""
    day = int(re.match(r"\d+", m.group(1)).group())
    base = ctx.last_day or ctx.dct
    if base is None:
        return "DATE", f"XXXX-XX-{day:02d}", None
    value = _date_value(ctx, base.year, base.month, day)
    return ("DATE", value, None) if value else None


@_rule(rf"\b(?:(between|from)\s+)?({_YEAR4})\s*(?:-|–|/|\s+and\s+|\s+to\s+|\s+through\s+)\s*"
       rf"({_YEAR4}|\d\d(?!\d))(?!\w)")
def _year_range(m, ctx):
    """'between 2019 and 2021', '1998-99', 'from 2019 to 2021'."""
    first = int(m.group(2))
    last_text = m.group(3)
    last = int(last_text) if len(last_text) == 4 else first // 100 * 100 + int(last_text)
    joiner = m.group()[m.end(2) - m.start():m.start(3) - m.start()].strip().lower()
    if last <= first or last - first > 100:
        return None
    if m.group(1) and m.group(1).lower() == "between" and joiner != "and":
        return None
    if not m.group(1) and joiner in ("and",):
        return None  # '1998 and 1999' are two dates
    return "DATE", f"{first:04d}", f"{last:04d}"


_DECADES = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
            "eighties": 8, "nineties": 9}


@_rule(r"\b(?:the\s+)?(?:(?:early|mid|late)[- ])?(?:(1[0-9]|20)(\d)0'?s\b|'(\d)0s\b|(?:nineteen[- ])?"
       r"(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b)")
def _decade(m, ctx):
    """'the 1990s', 'the late 1970s', "the '90s", 'the nineties' (TIMEX3 value: the first three digits)."""
    if m.group(1):
        return "DATE", f"{m.group(1)}{m.group(2)}", None
    digit = m.group(3) or str(_DECADES[m.group(4).lower()])
    if m.group(4) and not m.group().lower().startswith(("the", "nineteen", "early", "mid", "late")):
        return None  # 'in his forties' is an age
    century = "19" if ctx.dct is None or int(digit) > ctx.dct.year % 100 // 10 else str(ctx.dct.year // 100)
    return "DATE", f"{century}{digit}", None


@_rule(rf"\b(?:the\s+)?(?:(\d{{1,2}})(?:st|nd|rd|th)|({_ORD_DAY}))[- ]century\b")
def _century(m, ctx):
    """'the 20th century' -> '19' (the TIMEX3 value of a century is its first two digits)."""
    n = int(m.group(1)) if m.group(1) else _day_num(m.group(2))
    return "DATE", f"{n - 1:02d}", None


@_rule(r"\b(?:(?:the|this|last|next|(?:this|last|next) year's|(?:the\s+)?(?:same|latest|current|previous|prior"
       r"|year-earlier|year-ago|comparable|corresponding|recent|fiscal|\d{4}|\d{4}'s|year's|calendar))\s+)?"
       r"(?:(?:fiscal|calendar|flat|latest|same)\s+)?"
       r"(first|second|third|fourth|final|last|1st|2nd|3rd|4th)[- ](quarter|half)"
       rf"(?:\s+of\s+(?:(?:fiscal|calendar|the)\s+)?({_YEAR4}|this year|last year|next year|the year))?\b")
def _quarter_rule(m, ctx):
    """'the third quarter', 'third-quarter', 'the first half of 1990', "last year's fourth quarter"."""
    low = m.group().lower()
    n = _ORDINALS[m.group(1).lower()]
    unit = m.group(2).lower()
    if unit == "half":
        n = min(n, 2) if m.group(1).lower() in ("last", "final") else n
        if n > 2:
            return None
    year = None
    explicit = m.group(3)
    y4 = re.search(r"\b(1[5-9]\d\d|20\d\d)\b", low)
    if y4:
        year = int(y4.group(1))
    elif ctx.dct is not None and _APPOSED_TO_YEAR_AGO.search(ctx.text, max(0, m.start() - 40), m.start()):
        # 'In the year-ago quarter, the second quarter ended Oct. 31, ...': the quarter is the one the
        # phrase before the comma named, in its year (as `_year_earlier` reads it), not this year's
        recent = ctx.last_quarter is not None and m.start() - ctx.last_quarter_pos < 800
        year = (ctx.last_quarter[0] if recent else ctx.dct.year) - 1
    elif ctx.dct is not None:
        year = ctx.dct.year
        if explicit and explicit.lower() == "last year" or "last year" in low or "year-earlier" in low or "year-ago" in low:
            year -= 1
        elif "next year" in low:
            year += 1
        elif unit == "quarter" and n > _quarter(ctx.dct) and ctx.tense(m.start(), m.end()) == "past":
            year -= 1  # 'reported a drop in profits for the fourth quarter' in January: the one just ended
    ys = "XXXX" if year is None else f"{year:04d}"
    if unit == "half":
        return "DATE", f"{ys}-H{n}", None
    return "DATE", f"{ys}-Q{n}", None  # remembered for anaphora by the tagger


# A period a year back, then a comma: what follows in apposition names that period again.
_APPOSED_TO_YEAR_AGO = LazyPattern(r"\b(?:year-ago|year-earlier|year-before|prior-year)\s+(?:quarter|period|half)\s*,\s*$", re.I)


_A_YEAR_BACK = frozenset({"year-earlier", "year-ago", "comparable", "corresponding"})


@_rule(r"\b(?:the|this|that)\s+(?:(latest|current|previous|prior|past|last|same|recent|just-ended|year-earlier"
       r"|year-ago|comparable|corresponding|fiscal|\d{4})\s+)?(?:(?:fiscal|calendar)\s+)?(quarter|period)\b"
       rf"(?!-|\s+of\b)(?=\s+end(?:ed|ing)\s+({_MONTH})\s+\d)?")
def _the_quarter(m, ctx):
    """'the quarter', 'the latest quarter', 'the year-earlier period': the quarter in discussion."""
    mod = (m.group(1) or "").lower()
    unit = m.group(2).lower()
    if unit == "period" and not mod:
        return None
    if m.group(3) and not _ambiguous_month(m.group(3)):
        # 'the quarter ended Sept. 30': the (fiscal) quarter whose middle month precedes the end month
        month = (_month_num(m.group(3)) - 2) % 12 + 1
        year = _month_year(ctx, month, "", m.start(), m.end()) if ctx.dct else None
        ys = "XXXX" if year is None else f"{year:04d}"
        if unit == "period" and not mod:
            return None
        return "DATE", f"{ys}-Q{(month - 1) // 3 + 1}", None
    if ctx.dct is None:
        return "DATE", "XXXX-QX", None
    if unit == "period" and mod in _A_YEAR_BACK and ctx.last_span is not None and \
            ctx.last_quarter_pos < ctx.last_span[1] and m.start() - ctx.last_span[1] < 800:
        # 'For the nine months, X earned ... In the year-earlier period, ...': those nine months a year back
        return "DURATION", ctx.last_span[0], None
    recent = ctx.last_quarter if ctx.last_quarter and m.start() - ctx.last_quarter_pos < 1500 else None
    if mod.isdigit():
        base = recent or _shift_quarter(ctx.dct.year, _quarter(ctx.dct), -1)
        return ("DATE", f"{mod}-Q{base[1]}" if recent else mod, None)
    last_completed = _shift_quarter(ctx.dct.year, _quarter(ctx.dct), -1)
    if mod in ("current", "this"):
        year, q = ctx.dct.year, _quarter(ctx.dct)
    elif mod in ("latest", "just-ended", "recent"):
        year, q = min(recent, last_completed) if recent else last_completed  # the latest reported
    elif recent:
        year, q = recent
    elif not mod and ctx.tense(m.start(), m.end()) == "future":
        year, q = ctx.dct.year, _quarter(ctx.dct)  # 'expects to break even for the quarter': the one under way
    else:
        year, q = last_completed
    if mod in _A_YEAR_BACK:
        year -= 1
    elif mod in ("previous", "prior", "past", "last"):
        year, q = _shift_quarter(year, q, -1)
    return "DATE", f"{year:04d}-Q{q}", None


@_rule(r"\b(?:(?:the|a|an)\s+)?(?:(?:past|last|next|first|previous|coming|following|final|remaining|entire|whole"
       r"|full|initial|recent|further|additional|latest)\s+)?"
       rf"({_NUM})(\s+|-)(?:(?:more|additional|straight|consecutive|full|extra)\s+)?({_UNIT})(?:\s+and\s+a\s+half)?"
       r"(-long|-old|\s+old)?"
       r"(?:\s+or\s+so)?(?:\s+(ago|earlier|from now|hence))?(?!\w)")
def _duration(m, ctx):
    """'three years', 'a five-year', 'the past two months', 'two years ago', '2 1/2 hours'."""
    num_text, unit_text, suffix = m.group(1), m.group(3).lower(), (m.group(5) or "").lower()
    if m.group(4) and m.group(4).lower() != "-long":
        return None  # '52 years old', 'a 6-year-old': ages are not temporal expressions here
    n = _word_number(num_text)
    if n is not None and m.end(3) < m.end() and _AND_A_HALF.match(m.string, m.end(3)):
        n += 0.5  # 'a minute and a half', 'two years and a half'
    unit_key = unit_text.rstrip("s") if unit_text not in ("centuries",) else "centurie"
    unit, is_time = _UNITS.get(unit_key, (None, False))
    if unit is None:
        return None
    plural = unit_text.endswith("s") and unit_text not in ("hrs", "yrs")
    if unit == "Q":  # 'a quarter', 'three-quarters' are fractions; 'the next three quarters' is a duration
        if n is None or n < 2 or not plural or m.group(2) == "-":
            return None
        n, unit = n * 3, "M"
    if num_text.lower() in ("a", "an") and not suffix and _RATE_BEFORE.search(ctx.text, max(0, m.start() - 20),
                                                                                m.start()):
        return None  # '$2 million a year', '24 hours a day': a rate, not a duration
    if num_text[0].isdigit() and m.group(3)[0].isupper():
        return None  # '60 Minutes' is a title
    if unit == "S" and num_text.lower() in ("a", "an"):
        return None  # 'a second time'
    if n is not None and n >= 1000 and unit != "Y":
        return None
    if suffix in ("ago", "from now", "hence") or (suffix == "earlier" and unit == "Y"):
        return _anchored(m, ctx, n, unit, is_time, suffix)
    return "DURATION", _duration_value(n, unit, is_time), None


_AND_A_HALF = LazyPattern(r"\s+and\s+a\s+half\b", re.I)
_RATE_BEFORE = LazyPattern(r"(?:\d|%|percent|cents?|dollars?|euros?|pounds?|yen|hundred|thousand|million|billion"
                           r"|trillion|times|once|twice)\s*$", re.I)


def _duration_start(m: re.Match[str]) -> int:
    """'a two-day visit': the article belongs to the noun, not to the hyphenated duration."""
    adjectival = m.group(2) == "-" or (not m.group(3).lower().endswith("s") and (_word_number(m.group(1)) or 0) > 1)
    if adjectival and m.start(1) > m.start() and not m.group(5):
        head = m.group()[: m.start(1) - m.start()].lower().split()
        if head and head[0] in ("a", "an", "the") and len(head) == 1:
            return m.start(1)
    return m.start()


# A fraction of a unit written in the next smaller one, as TimeBank does ('2 1/2 years' P2Y6M, '5 1/2
# hours' PT5H30M): (smaller unit, how many of them make one, is it a time-of-day unit).
_SMALLER = {"Y": ("M", 12, False), "W": ("D", 7, False), "D": ("H", 24, True), "H": ("M", 60, True),
            "M": ("S", 60, True)}


def _duration_value(n: float | None, unit: str, is_time: bool) -> str:
    if n is None:
        amount = "X"
    elif n == int(n):
        amount = str(int(n))
    else:
        whole, part = int(n), n - int(n)
        smaller = _SMALLER.get(unit) if unit != "M" or is_time else None
        if smaller and (part * smaller[1]).is_integer():
            small_unit, per, small_is_time = smaller
            small = f"{int(part * per)}{small_unit}"
            if not whole:
                return ("PT" if small_is_time else "P") + small
            if is_time or not small_is_time:
                return f"{'PT' if is_time else 'P'}{whole}{unit}{small}"
            return f"P{whole}{unit}T{small}"  # '1 1/2 days': P1DT12H
        amount = f"{n:g}"
    return f"PT{amount}{unit}" if is_time else f"P{amount}{unit}"


def _anchored(m, ctx, n, unit, is_time, suffix) -> Resolved:
    """'two years ago' -> the year two years before publication (granularity of the unit)."""
    sign = 1 if suffix in ("from now", "hence") else -1
    if n is None:
        return "DATE", "FUTURE_REF" if sign > 0 else "PAST_REF", None
    if ctx.dct is not None and is_time:
        return "DATE", ctx.dct.isoformat(), None  # 'an hour and a half ago': today
    if ctx.dct is None or n != int(n):
        return "DATE", ("FUTURE_REF" if sign > 0 else "PAST_REF"), None
    n = int(n)
    if unit in ("DE", "CE"):
        unit, n = "Y", n * (10 if unit == "DE" else 100)
    # 'a year earlier' in a passage about a quarter means that quarter a year earlier
    if unit == "Y" and suffix in ("ago", "earlier") and ctx.last_quarter and m.start() - ctx.last_quarter_pos < 800:
        year, q = ctx.last_quarter
        return "DATE", f"{year - n:04d}-Q{q}", None
    return "DATE", _fmt_unit(unit, _shift(ctx.dct, unit, sign * n)), None


_SINCE_JUST_BEFORE = LazyPattern(r"\bsince\s+(?:the\s+)?$", re.I)


@_rule(r"\b(?:(?:the|this|that)\s+)?(year-earlier|year-ago|year-end|year-before)\b")
def _year_earlier(m, ctx):
    """'year-earlier' results: the period in discussion, a year before."""
    if ctx.dct is None:
        return "DATE", "XXXX", None
    word = m.group(1).lower()
    if word == "year-end":
        # 'since year-end': the one already past, last year's
        since = _SINCE_JUST_BEFORE.search(ctx.text, max(0, m.start() - 12), m.start()) is not None
        return "DATE", f"{ctx.dct.year - since:04d}-12-31", None
    if ctx.last_quarter and m.start() - ctx.last_quarter_pos < 800:
        year, q = ctx.last_quarter
        return "DATE", f"{year - 1:04d}-Q{q}", None
    return "DATE", f"{ctx.dct.year - 1:04d}", None


@_rule(r"\b(?:(?:the|for|in|within|over)\s+)?(?:(recent|several|many|the past few|the last few|the next few"
       r"|the coming|coming|the following few|a few|few|numerous|some|future)\s+)?(years|months|weeks|days|decades|hours"
       r"|minutes|centuries|quarters)(?:\s+(ago))?(?!\w)")
def _vague_duration(m, ctx):
    """'for years', 'recent years', 'a few days', 'the coming months' (X for an unknown amount)."""
    mod = (m.group(1) or "").lower()
    head = m.group().lower()
    if m.group(3):
        return "DATE", "PAST_REF", None  # 'months ago', 'several years ago'
    if not mod and not head.startswith(("for ", "within ", "over ", "in ")):
        return None
    unit_key = m.group(2).lower().rstrip("s")
    unit, is_time = _UNITS["centurie" if unit_key == "centurie" else unit_key]
    if unit == "Q":
        unit = "M"  # a number of quarters is a number of months (ISO 8601 has no quarter unit)
    if mod == "recent":
        return "DATE", "PAST_REF", None
    if mod in ("the coming", "coming", "future"):
        return "DATE", "FUTURE_REF", None
    return "DURATION", _duration_value(None, unit, is_time), None


def _vague_start(m: re.Match[str]) -> int:
    """'for years' -> 'years': the preposition is not part of the expression."""
    if m.group(1):
        return m.start(1) if not m.group().lower().startswith("the") else m.start()
    return m.start(2)


# Words that count from the time the story is at, not from publication ('the following month').
_ANAPHORIC_MODS = {"same", "following", "previous", "preceding", "prior"}
_RELATIVE_OFFSETS = {"this": 0, "current": 0, "same": 0, "last": -1, "past": -1, "previous": -1, "preceding": -1,
                     "prior": -1, "next": 1, "coming": 1, "following": 1, "this past": -1, "this coming": 1}


@_rule(r"\b(?:the\s+)?(this past|this coming|this|last|next|past|previous|preceding|prior|coming|following"
       r"|current|same)\s+(?:(?:fiscal|calendar)\s+)?(week|weekend|month|quarter|year|decade|century|spring|summer"
       r"|fall|autumn|winter)\b")
def _relative(m, ctx):
    """'this year', 'last week', 'the past year', 'next month', 'this spring', 'the following day'."""
    if m.group(2)[0].isupper() and m.group(1)[0].isupper() and not m.group(2).isupper():
        return None  # "This Week With David Brinkley", "Next Year in Jerusalem": a title's words, not a date
    mod, unit_word = m.group(1).lower(), m.group(2).lower()
    offset = _RELATIVE_OFFSETS[mod]
    if unit_word in _SEASONS:
        season = _SEASONS[unit_word]
        year = _season_year(ctx, season, mod.split()[-1] if mod != "following" else "next", m.start(), m.end())
        return "DATE", f"{'XXXX' if year is None else f'{year:04d}'}-{season}", None
    if unit_word == "weekend":
        return "DATE", _weekend(ctx, offset, m.start(), m.end()), None
    unit = {"week": "W", "month": "M", "quarter": "Q", "year": "Y", "decade": "DE", "century": "CE"}[unit_word]
    if mod in ("past", "this past") and unit in ("DE", "CE"):
        # 'over the past decade': the ten years up to publication, as 'the past ten years' (a
        # duration), not the previous calendar decade ('the last decade', as TimeBank annotates it)
        return "DURATION", f"P{10 if unit == 'DE' else 100}Y", None
    if mod in ("same", "following") and unit == "Y" and ctx.last_year is not None:
        return "DATE", f"{ctx.last_year + offset:04d}", None
    if mod in _ANAPHORIC_MODS and unit == "M" and ctx.last_month is not None:
        # 'the following month' counts from the month the story is at ('In March, ... The following
        # month, ...'), as 'the following day' does from its day ('the following week' from that day's
        # week); 'next month' counts from publication
        year, month = ctx.last_month
        index = year * 12 + month - 1 + offset
        return "DATE", f"{index // 12:04d}-{index % 12 + 1:02d}", None
    if mod in _ANAPHORIC_MODS and unit == "W" and ctx.last_day is not None:
        return "DATE", _iso_week(ctx.last_day + dt.timedelta(weeks=offset)), None
    if unit == "Q" and ctx.dct is not None:
        year, q = _shift_quarter(ctx.dct.year, _quarter(ctx.dct), offset)
        ctx.last_quarter, ctx.last_quarter_pos = (year, q), m.start()
        return "DATE", f"{year:04d}-Q{q}", None
    return "DATE", _relative_unit(ctx, unit, offset), None


def _weekend(ctx: _Context, offset: int, start: int, end: int) -> str:
    if ctx.dct is None:
        return "XXXX-WXX-WE"
    dct = ctx.dct
    if offset == 0 and dct.weekday() < 5 and ctx.tense(start, end) != "future":
        offset = -1  # 'this weekend' said on a weekday in the past tense: the one just gone
    return _iso_week(dct + dt.timedelta(weeks=offset)) + "-WE"


@_rule(r"\b(?:over |during )?the\s+weekend\b")
def _the_weekend(m, ctx):
    """'over the weekend': the weekend just gone, or the coming one if the clause looks ahead."""
    if ctx.dct is None:
        return "DATE", "XXXX-WXX-WE", None
    if ctx.dct.weekday() >= 5:  # published on a Saturday or Sunday: this weekend
        return "DATE", _iso_week(ctx.dct) + "-WE", None
    future = ctx.tense(m.start(), m.end()) == "future"
    return "DATE", _iso_week(ctx.dct + dt.timedelta(weeks=0 if future else -1)) + "-WE", None


@_rule(rf"\b(?:(this coming|this|last|next|coming|early|late|earlier|later|the previous|the preceding|the following)\s+)?"
       rf"({_WEEKDAY})(s)?(?:\s+({_PART}|night)(s)?)?(?!\w)")
def _weekday(m, ctx):
    """'Tuesday' by the tense of its clause, 'last Friday', 'Tuesday morning', 'Tuesdays' (a SET),
    'the previous Friday' (the one before the day the story is at)."""
    word = m.group(2)
    if word.lower().rstrip(".") in ("sun", "sat", "wed", "mon") and not _capitalised(word):
        return None
    weekday = _weekday_num(word)
    part = _PARTS_OF_DAY.get((m.group(4) or "").lower())
    listed = _LISTED_WITH_A_SET.match(ctx.text, m.end())
    if m.group(3) or m.group(5) or listed:
        # 'Tuesdays', 'on Tuesday nights', and 'Monday' listed with them ('on Monday and Tuesday nights')
        if listed and not part:
            part = _PARTS_OF_DAY.get((listed.group(1) or "").lower())
        return "SET", f"XXXX-WXX-{weekday + 1}" + (f"T{part}" if part else ""), None
    mod = (m.group(1) or "").lower()
    if mod.startswith("the "):
        base = ctx.last_day or ctx.dct
        if base is None:
            return "DATE", f"XXXX-WXX-{weekday + 1}", None
        step = (weekday - base.weekday()) % 7 or 7  # strictly after the day the story is at
        day = base + dt.timedelta(days=step) if mod == "the following" else base - dt.timedelta(days=(base.weekday() - weekday) % 7 or 7)
        ctx.last_day = day
        return ("TIME", f"{day.isoformat()}T{part}", None) if part else ("DATE", day.isoformat(), None)
    if not mod and not part and ctx.text[m.end():m.end() + 2] in ("'s", "’s") and ctx.dct is not None \
            and not _AHEAD.search(ctx.text, max(0, m.start() - 16), m.start()):
        # 'Wednesday's ruling', 'Friday's close': a weekday in the possessive names an event the report
        # treats as known, the past one (or today), whatever the verb of the clause does with it
        # ('they would look for ways to get around Wednesday's ruling').
        mod = "past"
    known = _known_happening(ctx.text, m.start())
    day = _weekday_date(ctx, weekday, mod, m.start(), m.end(), known)
    value = f"XXXX-WXX-{weekday + 1}" if day is None else day.isoformat()
    if day is not None:
        ctx.last_day = day
        if mod in ("", "past") and ctx.dct is not None and (ctx.dct - day).days == 6:
            # 'New Zealand said Friday' in a Thursday story: the Friday before, or the next day,
            # already Friday where a source east of the desk spoke. The words do not say which.
            after = (ctx.dct + dt.timedelta(days=1)).isoformat()
            ctx.alternative = f"{after}T{part}" if part else after
    if part:
        return "TIME", f"{value}T{part}", None
    return "DATE", value, None


_AHEAD = LazyPattern(r"\b(?:ahead of|before|upcoming|coming|for)\s+(?:the\s+[\w-]+\s+on\s+)?$", re.I)
# A weekday listed with a recurring one ('on Monday and Tuesday nights', 'Monday and Thursdays'): recurring too.
_LISTED_WITH_A_SET = LazyPattern(rf"(?i),?\s+(?:and|or)\s+{_WEEKDAY}(?:s\b|\s+({_PART}|night)s\b)")
# "the shooting on Saturday": a weekday closing a definite noun phrase
_KNOWN_BEFORE = LazyPattern(r"\bthe\s+([a-z][\w-]*)\s+on\s+$", re.I)


def _known_happening(text: str, start: int) -> bool:
    """The weekday at `start` closes a definite noun phrase that names a happening ("an inquiry into
    the shooting on Saturday"), one the reader is told of as known, not one looked ahead to ("ahead
    of the vote on Saturday")."""
    m = _KNOWN_BEFORE.search(text, max(0, start - 40), start)
    if m is None or _AHEAD.search(text, max(0, start - 60), start):
        return False
    from ..wordlists import happening_nouns  # a WordNet list, read only when a weekday follows "the X on"
    return m.group(1).lower() in happening_nouns()


def _weekday_start(m: re.Match[str]) -> int:
    mod = (m.group(1) or "").lower()
    return m.start(2) if mod in ("early", "late", "earlier", "later") else m.start()


_DEICTIC = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0}


@_rule(r"\b(?:(?:by|in|during|until|since)\s+)?(?:the\s+)?(mid-?\s?(?:morning|afternoon)|overnight)\b(?!-)")
def _part_of_day(m, ctx):
    """'by mid-afternoon', 'overnight': a part of the day in discussion (the last day mentioned)."""
    day = ctx.last_day or ctx.dct
    value = "XXXX-XX-XX" if day is None else day.isoformat()
    word = re.sub(r"^mid[-\s]*", "mid-", m.group(1).lower())
    return "TIME", f"{value}T{_PARTS_OF_DAY[word]}", None


@_rule(r"\b(?:(the day before|the day after)\s+)?(today|yesterday|tomorrow|tonight)(?:(?:'s)?\s+(morning|afternoon"
       r"|evening|night))?\b|\b(last|this|tomorrow|yesterday)\s+(morning|afternoon|evening|night)\b")
def _deictic(m, ctx):
    """'today', 'yesterday morning', 'tonight', 'last night', 'this morning'."""
    if m.group(2):
        word = m.group(2).lower()
        offset = _DEICTIC[word] + {"the day before": -1, "the day after": 1}.get((m.group(1) or "").lower(), 0)
        part = _PARTS_OF_DAY.get((m.group(3) or "").lower()) or ("NI" if word == "tonight" else None)
    else:
        word = m.group(4).lower()
        part = _PARTS_OF_DAY[m.group(5).lower()]
        offset = -1 if word in ("last", "yesterday") else (1 if word == "tomorrow" else 0)
        if word == "last" and part != "NI":
            return None  # 'last evening' is rare; 'last morning' of something is not deictic
    if ctx.dct is None:
        value = "XXXX-XX-XX" if offset or word != "today" else "PRESENT_REF"
        if word == "today" and not part:
            return "DATE", "PRESENT_REF", None
    else:
        day = ctx.dct + dt.timedelta(days=offset)
        ctx.last_day = day
        value = day.isoformat()
    if part:
        return "TIME", f"{value}T{part}", None
    return "DATE", value, None


_REFS = {"now": "PRESENT_REF", "right now": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF",
         "presently": "PRESENT_REF", "nowadays": "PRESENT_REF", "these days": "PRESENT_REF",
         "at present": "PRESENT_REF", "at the moment": "PRESENT_REF",
         "recently": "PAST_REF", "formerly": "PAST_REF", "lately": "PAST_REF",
         "the past": "PAST_REF", "the future": "FUTURE_REF", "the near future": "FUTURE_REF",
         "the foreseeable future": "FUTURE_REF", "the distant future": "FUTURE_REF",
         "the near term": "FUTURE_REF", "the short term": "FUTURE_REF", "the long term": "FUTURE_REF"}


# Left out on purpose: 'soon', 'shortly', 'previously', bare 'future' and 'recent' are far more often
# plain adverbs and adjectives than references to a time in annotated news.
@_rule(r"\b(?:right now|now|currently|current|presently|nowadays|these days|at present|at the moment|recently"
       r"|formerly|lately|the past|the (?:near |foreseeable |distant )?future|the (?:near|short|long) term)"
       r"\b(?!-)")
def _reference(m, ctx):
    """'now', 'currently', 'recently', 'the future': TIMEX3 PRESENT_REF, PAST_REF, FUTURE_REF."""
    word = m.group().lower()
    after = ctx.text[m.end():m.end() + 30].lower()
    if word == "current" and re.match(r"\s+(?:account|assets|liabilit|dollars|yield|coupon|price|rate|law|events"
                                      r"|affairs|members?|president|chairman|(?:fiscal )?(?:year|quarter|month))",
                                      after):
        return None
    if word == "the past" and re.match(r"\s+(?:few|several|two|three|four|five|six|\d|year|month|week|decade)", after):
        return None
    return "DATE", _REFS[re.sub(r"\s+", " ", word)], None


_APPOSED = LazyPattern(r",\s*$")
_PUNCTUATION_NEXT = LazyPattern(r"\s*[,.;:)]")


@_rule(r"\b(?:that same|that|the same|the next|the following|the previous|the preceding|the prior)\s+(day|morning|afternoon"
       r"|evening|night)\b|\bthe (day|night) (before|after)\b(?=\s*[,.;:)]|\s+(?:yesterday|that|the|last|his|her|its|their"
       rf"|{_WEEKDAY}|{_MONTH}))")
def _anaphoric_day(m, ctx):
    """'Later that day', 'the next day', 'the day before': relative to the last day mentioned."""
    low = m.group().lower()
    offset = 1 if ("next" in low or "following" in low or "after" in low) else (
        -1 if ("previous" in low or "preceding" in low or "prior" in low or "before" in low) else 0)
    if m.group(3) and ctx.last_day is not None and _APPOSED.search(ctx.text, max(0, m.start() - 3), m.start()) \
            and not _PUNCTUATION_NEXT.match(ctx.text, m.end()):
        offset = 0  # 'Oct. 12, the day before the plunge': the day apposed names Oct. 12 by what came after it
    base = ctx.last_day or ctx.dct
    if base is None:
        return "DATE", "XXXX-XX-XX", None
    day = base + dt.timedelta(days=offset)
    ctx.last_day = day
    part = _PARTS_OF_DAY.get((m.group(1) or m.group(2) or "").lower())
    if part:
        return "TIME", f"{day.isoformat()}T{part}", None
    return "DATE", day.isoformat(), None


@_rule(rf"\b(?:(?:at|around|about|by|until|before|after|from|since)\s+)?({_CLOCK}){_TZ}(?:\s+o'clock)?")
def _clock(m, ctx):
    """'2 p.m.', '10:30 a.m. EST', 'noon' on the day in discussion (merged with an adjacent day later)."""
    text = m.group(1).lower()
    if text == "noon" and ctx.text[max(0, m.start(1) - 5):m.start(1)].lower() == "high ":
        return None  # 'High Noon', the showdown, not the hour
    if text in ("noon", "midday"):
        hh, mm = 12, 0
    elif text == "midnight":
        hh, mm = 24, 0
    else:
        nums = re.match(r"(\d+)(?::(\d\d))?", text)
        hh, mm = int(nums.group(1)), int(nums.group(2) or 0)
        if "p" in text[len(nums.group()):] and hh < 12:
            hh += 12
        elif "a" in text[len(nums.group()):] and hh == 12:
            hh = 0
        if not re.search(r"[ap]", text[len(nums.group()):]) and not re.search(r"\s(?:[ECMP][SD]T|GMT|UTC|local)",
                                                                             m.group()):
            if not m.group().lower().startswith(("at ", "around ", "by ", "until ")):
                return None  # a bare '10:30' may be a score or a ratio
    day = ctx.dct.isoformat() if ctx.dct else "XXXX-XX-XX"
    return "TIME", f"{day}T{hh:02d}:{mm:02d}", None


_CLOCK_HOURS = {w: i + 1 for i, w in enumerate("one two three four five six seven eight nine ten eleven twelve".split())}


@_rule(r"\b(1[0-2]|0?[1-9]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?::([0-5]\d))?"
       r"(?:\s+o'clock)?\s+(in\s+the\s+(?:morning|afternoon|evening)|at\s+night)\b")
def _clock_part(m, ctx):
    """'4 in the morning', 'ten at night': a clock time whose half of the day is said in words."""
    word = m.group(1).lower()
    hh = int(word) if word.isdigit() else _CLOCK_HOURS[word]
    part = m.group(3).lower()
    if part.endswith("morning"):
        hh = 0 if hh == 12 else hh
    elif part.endswith("night"):
        # 'ten at night' is 22:00, 'twelve at night' midnight (24:00, as _clock writes it), 'two at night' 02:00
        hh = 24 if hh == 12 else hh + 12 if hh >= 5 else hh
    elif hh < 12:
        hh += 12  # afternoon, evening
    day = ctx.dct.isoformat() if ctx.dct else "XXXX-XX-XX"
    return "TIME", f"{day}T{hh:02d}:{int(m.group(2) or 0):02d}", None


def _clock_start(m: re.Match[str]) -> int:
    return m.start() if m.group().lower().startswith(("around", "about")) else m.start(1)


_ADVERB_SETS = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W", "monthly": "P1M",
                "hourly": "PT1H"}


# 'annually', 'quarterly' and 'a year' after an amount are left out: in news they are rates of money.
@_rule(rf"\b(every|each|per|once a|twice a)\s+(?:other\s+)?(second|minute|hour|day|night|week|fortnight|month"
       rf"|quarter|year|decade|{_WEEKDAY}|{_MONTH}|{_PART})\b|\b(daily|weekly|monthly|hourly|nightly|biweekly)\b(?!-)")
def _set(m, ctx):
    """'every week', 'each Monday', 'twice a year', 'daily' (TIMEX3 SET)."""
    if m.group(3):
        return "SET", _ADVERB_SETS[m.group(3).lower()], None
    quant, word = m.group(1).lower(), m.group(2)
    before = ctx.text[max(0, m.start() - 25):m.start()].lower()
    if quant == "per" and not re.search(r"(?:times|once|twice)\s*$", before):
        return None  # '$5 per day' is a rate; 'three times per day' is a frequency
    low = word.lower().rstrip(".")
    if low in _WEEKDAYS or low in _WEEKDAY_ABBR:
        return "SET", f"XXXX-WXX-{_weekday_num(low) + 1}", None
    if low in _PARTS_OF_DAY:
        return "SET", f"XXXX-XX-XXT{_PARTS_OF_DAY[low]}", None
    if low in _UNITS:
        unit, is_time = _UNITS[low]
        return "SET", _duration_value(1, unit, is_time), None
    if quant == "per" or _ambiguous_month(word):
        return None
    return "SET", f"XXXX-{_month_num(word):02d}", None


def _easter(year: int) -> dt.date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The n-th (n = -1: last) given weekday of a month."""
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = dt.date(year, month, calendar.monthrange(year, month)[1])
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


_HOLIDAYS: dict[str, Callable[[int], dt.date]] = {
    "new year's day": lambda y: dt.date(y, 1, 1), "new year's eve": lambda y: dt.date(y, 12, 31),
    "christmas": lambda y: dt.date(y, 12, 25), "christmas day": lambda y: dt.date(y, 12, 25),
    "christmas eve": lambda y: dt.date(y, 12, 24), "boxing day": lambda y: dt.date(y, 12, 26),
    "valentine's day": lambda y: dt.date(y, 2, 14), "halloween": lambda y: dt.date(y, 10, 31),
    "independence day": lambda y: dt.date(y, 7, 4), "the fourth of july": lambda y: dt.date(y, 7, 4),
    "veterans day": lambda y: dt.date(y, 11, 11), "armistice day": lambda y: dt.date(y, 11, 11),
    "bastille day": lambda y: dt.date(y, 7, 14), "may day": lambda y: dt.date(y, 5, 1),
    "thanksgiving": lambda y: _nth_weekday(y, 11, 3, 4), "thanksgiving day": lambda y: _nth_weekday(y, 11, 3, 4),
    "labor day": lambda y: _nth_weekday(y, 9, 0, 1), "memorial day": lambda y: _nth_weekday(y, 5, 0, -1),
    "martin luther king day": lambda y: _nth_weekday(y, 1, 0, 3), "presidents day": lambda y: _nth_weekday(y, 2, 0, 3),
    "election day": lambda y: _nth_weekday(y, 11, 0, 1) + dt.timedelta(days=1),
    "easter": _easter, "easter sunday": _easter, "good friday": lambda y: _easter(y) - dt.timedelta(days=2),
    "easter monday": lambda y: _easter(y) + dt.timedelta(days=1),
}


@_rule(r"\b(?:(last|next|this)\s+)?(new year's (?:day|eve)|christmas(?: day| eve)?|boxing day|valentine's day"
       r"|halloween|independence day|the fourth of july|veterans day|armistice day|bastille day|may day"
       r"|thanksgiving(?: day)?|labor day|memorial day|martin luther king day|presidents day|election day"
       rf"|easter(?: sunday| monday)?|good friday)(?:,?\s+({_YEAR4}))?(\s+week)?\b")
def _holiday(m, ctx):
    """Fixed and movable holidays: 'Thanksgiving Day', 'Christmas 2024', 'last Easter', 'Easter week'."""
    name = m.group(2)
    if not _capitalised(name.replace("the ", "")):
        return None
    rule = _HOLIDAYS[re.sub(r"\s+", " ", name.lower()).replace("’", "'")]
    week = m.group(4) is not None  # 'Easter week': the (ISO) week of the holiday
    if m.group(3):
        day = rule(int(m.group(3)))
        return "DATE", _iso_week(day) if week else day.isoformat(), None
    if ctx.dct is None:
        return "DATE", "XXXX-WXX" if week else "XXXX-XX-XX", None
    mod = (m.group(1) or "").lower()
    this_year, dct = rule(ctx.dct.year), ctx.dct
    if mod == "last":
        day = this_year if this_year < dct else rule(dct.year - 1)
    elif mod == "next":
        day = this_year if this_year > dct else rule(dct.year + 1)
    else:
        # A holiday without a year is a date without one ('May 15'): the nearest occurrence when
        # it is within three months of publication, else the side the tense of the clause points to.
        options = [rule(dct.year - 1), this_year, rule(dct.year + 1)]
        day = min(options, key=lambda d: abs((d - dct).days))
        if abs((day - dct).days) > 92:
            tense = ctx.tense(m.start(), m.end())
            if tense == "future":
                day = next(d for d in options if d >= dct)
            elif tense == "past":
                day = [d for d in options if d <= dct][-1]
    if week:
        return "DATE", _iso_week(day), None
    ctx.last_day = day
    return "DATE", day.isoformat(), None


@_rule(r"\b(?:the|this|that)\s+(?:(full|fiscal|calendar|current|latest|entire|whole|same)\s+)?(?:(fiscal|calendar)\s+)?"
       r"(year|month|week)\b(?!-|'s|\s+(?:\d|two|nineteen|earlier|ago|before|after|of\s+the))"
       r"|\b(year[- ]end|year's end)\b")
def _the_year(m, ctx):
    """'the year', 'the fiscal year', 'the end of the month', 'year-end': the year (month) in discussion."""
    if m.group(4):
        return "DATE", "XXXX" if ctx.dct is None else f"{ctx.dct.year:04d}", None
    unit = m.group(3).lower()
    if re.match(r"\s+end(?:ed|ing)\b", ctx.text[m.end():m.end() + 8]):
        return "DURATION", "P1Y" if unit == "year" else "P1M", None  # 'the year ended March 31' is a span
    mod = (m.group(1) or "").lower()
    low = m.group().lower()
    if unit in ("month", "week"):
        code = "M" if unit == "month" else "W"
        if ctx.dct is None:
            return "DATE", _UNKNOWN[code], None
        base = ctx.last_day if (low.startswith("that") or mod == "same") and ctx.last_day else ctx.dct
        return "DATE", _fmt_unit(code, base), None
    if low.startswith("that") or mod == "same":
        if ctx.last_year is None:
            return "DATE", "XXXX" if ctx.dct is None else f"{ctx.dct.year:04d}", None
        return "DATE", f"{ctx.last_year:04d}", None
    if ctx.dct is None:
        return "DATE", "XXXX", None
    year = ctx.dct.year - (1 if mod == "latest" else 0)
    return "DATE", f"{year:04d}", None


@_rule(r"\b(?:(this|last|next|early|late|mid|the|in|during|over|through|by|until)\s+)?(?:(early|late|mid)[- ])?"
       rf"(spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?({_YEAR}))?(?!\w|\s+of\s+(?!{_YEAR}))")
def _season(m, ctx):
    """'this spring', 'last fall', 'the summer of 1998', 'winter 2025'."""
    lead = (m.group(1) or "").lower()
    season = _SEASONS[m.group(3).lower()]
    if m.group(4):
        return "DATE", f"{_year_num(m.group(4)):04d}-{season}", None
    if not lead and not m.group(2):
        return None
    if m.group(3).lower() in ("fall", "spring") and lead in ("in", "the", "over", "by", "until", "through") \
            and not m.group(2):
        # 'the fall in prices', 'a spring in his step': only 'in the fall' and the like
        before = ctx.text[max(0, m.start() - 12):m.start()].lower()
        if lead == "the" and not re.search(r"\b(?:in|during|over|by|until|through|since|this|last|next)\s+$", before):
            return None
        if lead != "the":
            return None
    mod = lead if lead in ("this", "last", "next") else ""
    year = _season_year(ctx, season, mod, m.start(), m.end())
    return "DATE", f"{'XXXX' if year is None else f'{year:04d}'}-{season}", None


def _season_start(m: re.Match[str]) -> int:
    lead = (m.group(1) or "").lower()
    return m.start() if lead in ("this", "last", "next", "early", "late", "mid", "the") or not lead else (
        m.start(2) if m.group(2) else m.start(3))


@_rule(r"\b(?:that|the same)\s+(decade)\b")
def _that_unit(m, ctx):
    """'that decade': the decade of the last day mentioned."""
    base = ctx.last_day
    unit = {"month": "M", "week": "W", "decade": "DE"}[m.group(1).lower()]
    if base is None:
        return "DATE", _UNKNOWN[unit], None
    return "DATE", _fmt_unit(unit, base), None


# Rules whose TimeML extent starts after the match start (a preposition or the like was matched for
# context only).
_START_OF: dict[Callable, Callable[[re.Match[str]], int]] = {
    _month: _strip_preposition,
    _vague_duration: _vague_start, _weekday: _weekday_start, _clock: _clock_start, _duration: _duration_start,
    _the_weekend: lambda m: m.start() + m.group().lower().index("the"),
    _year_range: lambda m: m.start() if (m.group(1) or "").lower() == "between" else m.start(2),
    _season: _season_start,
    _part_of_day: lambda m: m.start(1),
    _month_range: lambda m: m.start() if m.group(1).lower() == "between" else m.start(2),
    _day_of_month: lambda m: m.start() + m.group().lower().index("the"),
}


def _year_start(m: re.Match[str]) -> int:
    """'in 1998' -> '1998'; 'fiscal 1989', 'mid-1996', 'the year 2000' keep their modifier."""
    if m.group(1):
        start = m.start(1)
        before = m.string[max(0, start - 4):start].lower()
        return start - 4 if before == "the " and m.group(1).lower() in ("year", "the year") else start
    return m.start(2)


_START_OF[_year] = _year_start  # defined after the table: it needs the text before the match

# TimeML includes these modifiers in the extent; they do not change the value (mod attribute aside).
_DATE_PREFIX = LazyPattern(
    r"\b(?:early|late|earlier|later|mid|the end of|the beginning of|the start of|the middle of|the rest of"
    r"|the remainder of|the turn of|the first half of|the second half of|the early part of|the latter part of"
    r"|the end of|around|the (?:early|small|wee) hours of)(?:\s+|-)$", re.I)
_AMOUNT_PREFIX = LazyPattern(r"\b(?:more than|less than|at least|up to|no more than|nearly|some)\s+$", re.I)
_AGO_PREFIX = LazyPattern(r"\b(?:more than|less than|at least|up to|no more than|nearly|some|almost|about|around"
                         r"|approximately|roughly)\s+$", re.I)


# TIMEX3 ``mod`` from the words of the expression itself: a part, a bound or an approximation of
# the value. A bound on an "ago" date is a side of it ('more than two years ago' BEFORE); a count of
# decades or centuries dates a year only roughly.
_MOD_PART = LazyPattern(
    r"(?:the\s+)?(?:(early|earlier|the beginning of|the start of|the first half of|the early part of"
    r"|(?:early|small|wee) hours of)"
    r"|(mid|the middle of)|(late|later|the end of|the second half of|the latter part of|the close of))(?:\s|-)", re.I)
_MOD_BOUND = LazyPattern(
    r"(more than|over|less than|under|at least|up to|no more than|nearly|almost|about|around|some|approximately"
    r"|roughly|the turn of)\s", re.I)
_BOUND_MODS = {  # (of a duration, of an 'ago' date)
    "more than": ("MORE_THAN", "BEFORE"), "over": ("MORE_THAN", "BEFORE"), "less than": ("LESS_THAN", "AFTER"),
    "under": ("LESS_THAN", "AFTER"), "at least": ("EQUAL_OR_MORE", "ON_OR_BEFORE"),
    "up to": ("EQUAL_OR_LESS", "ON_OR_AFTER"), "no more than": ("EQUAL_OR_LESS", "ON_OR_AFTER"),
    "nearly": ("LESS_THAN", "APPROX"), "almost": ("LESS_THAN", "APPROX"),
}
_MOD_APPROX_TAIL = LazyPattern(r"(?:\bor so|\b(?:decades?|centur(?:y|ies))\s+(?:ago|earlier))$", re.I)


def expression_mod(text: str, type_: str) -> str | None:
    """The TIMEX3 mod the words of an expression give it, or None when it states its value exactly."""
    part = _MOD_PART.match(text)
    if part:
        return "START" if part.group(1) else "MID" if part.group(2) else "END"
    bound = _MOD_BOUND.match(text)
    if bound:
        duration, dated = _BOUND_MODS.get(bound.group(1).lower(), ("APPROX", "APPROX"))
        return duration if type_ == "DURATION" else dated
    return "APPROX" if _MOD_APPROX_TAIL.search(text) else None


def _absorb_prefix(text: str, start: int, end: int, type_: str, value: str, resolve) -> int:
    """Extend the span left over a modifier TimeML includes ('early next year', 'nearly two years ago')."""
    window = text[max(0, start - 26):start]
    if type_ == "DURATION":
        m = _AMOUNT_PREFIX.search(window)
    elif type_ == "DATE" and text[start:end].lower().endswith((" ago", " earlier")):
        m = _AGO_PREFIX.search(window)
    elif type_ in ("DATE", "TIME") and not value.endswith("_REF"):
        m = _DATE_PREFIX.search(window)
        if m and resolve is _weekday and (m.group().lower().startswith(("earlier", "later"))
                                          or text[end:end + 2] in ("'s", "’s")):
            return start  # 'Earlier Friday': TimeML leaves the adverb out; 'get around Wednesday's ruling'

    else:
        m = None
    return start - len(m.group()) if m else start


# Rules whose values depend on earlier expressions: they must not become antecedents themselves.
_ANAPHORIC = {_duration, _year_earlier, _the_quarter, _the_year}

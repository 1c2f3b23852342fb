"""Words, regex building blocks, small parsers and calendar arithmetic shared by the rules."""

from __future__ import annotations

import calendar
import datetime as dt
import re



class LazyPattern:
    """A regular expression compiled on first use: importing the package stays cheap for a CLI that
    may never tag anything (compiling every rule takes tens of milliseconds)."""

    __slots__ = ("pattern", "flags", "_compiled")

    def __init__(self, pattern: str, flags: int = 0):
        self.pattern, self.flags, self._compiled = pattern, flags, None

    def get(self) -> re.Pattern[str]:
        """The compiled pattern (hot loops fetch it once instead of going through __getattr__)."""
        if self._compiled is None:
            self._compiled = re.compile(self.pattern, self.flags)
        return self._compiled

    def __getattr__(self, name: str):
        return getattr(self.get(), name)

# --------------------------------------------------------------------------------------------
# Lexicon
# --------------------------------------------------------------------------------------------

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTH_ABBR = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
               "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12}
_WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}  # monday = 0
_WEEKDAY_ABBR = {"mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4,
                 "sat": 5, "sun": 6}
_ONES = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
          "eighteen", "nineteen"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_NUMBER_WORDS = {w: i + 1 for i, w in enumerate(_ONES)} | {w: i + 10 for i, w in enumerate(_TEENS)} | {
    w: 20 + 10 * i for i, w in enumerate(_TENS)} | {"a": 1, "an": 1, "one": 1, "a couple of": 2, "a couple": 2,
                                                     "couple of": 2, "a dozen": 12, "dozen": 12, "zero": 0}
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
             "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
             "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
             "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "final": 4, "last": 4,
             "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
_PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI",
                 "overnight": "NI", "midday": "MI", "mid-afternoon": "AF", "mid afternoon": "AF",
                 "midafternoon": "AF", "mid-morning": "MO", "midmorning": "MO", "daytime": "DT"}
# Duration units: (TIMEX3 letter, is a time-of-day unit written after "T").
_UNITS = {"second": ("S", True), "sec": ("S", True), "minute": ("M", True), "min": ("M", True),
          "hour": ("H", True), "hr": ("H", True), "day": ("D", False), "week": ("W", False),
          "fortnight": ("W", False), "month": ("M", False), "quarter": ("Q", False), "year": ("Y", False),
          "yr": ("Y", False), "decade": ("DE", False), "century": ("CE", False), "centurie": ("CE", False),
          "millennium": ("ML", False), "millennia": ("ML", False), "night": ("D", False)}

# --------------------------------------------------------------------------------------------
# Regex building blocks (no nested unbounded repetition anywhere: see the module docstring)
# --------------------------------------------------------------------------------------------

_MONTH = (r"(?:january|february|march|april|may|june|july|august|september|october|november|december"
          r"|jan\.?|feb\.?|mar\.?|apr\.?|jun\.?|jul\.?|aug\.?|sept?\.?|oct\.?|nov\.?|dec\.?)")
_WEEKDAY = (r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday"
            r"|mon\.|tues?\.|wed\.|thu(?:rs?)?\.|fri\.|sat\.|sun\.)")
_ORD_DAY = (r"(?:(?:twenty|thirty)[- ](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
            r"|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
            r"|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth"
            r"|thirtieth)")
_DAY = rf"(?:(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)|{_ORD_DAY})"
_TENS_RE = "|".join(_TENS)
_ONES_RE = "|".join(_ONES)
_TEENS_RE = "|".join(_TEENS)
_SPOKEN_YEAR = (rf"(?:(?:nineteen|eighteen|twenty)[- ](?:(?:{_TENS_RE})(?:[- ](?:{_ONES_RE}))?|{_TEENS_RE}"
                rf"|oh[- ](?:{_ONES_RE})|hundred)|two thousand(?:(?: and)? (?:{_ONES_RE}|{_TEENS_RE}))?)")
_YEAR4 = r"(?:1[5-9]\d\d|20\d\d)(?![\d,.]\d)"
_YEAR = rf"(?:{_YEAR4}|{_SPOKEN_YEAR})"
_NUMWORD = (rf"(?:(?:{_TENS_RE})(?:[- ](?:{_ONES_RE}))?|{_TEENS_RE}|{_ONES_RE}|a couple(?: of)?|couple of"
            r"|a dozen|dozens of|a few|a half|half an?|several|many|few|some|a|an|hundreds of|thousands of)")
_NUM = rf"(?:\d+(?:\.\d+)?(?: \d/\d)?|{_NUMWORD}(?: (?:hundred|thousand))?(?: and a half)?)"
_UNIT = (r"(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|fortnights?|months?|quarters?"
         r"|years?|yrs?|decades?|century|centuries|millennium|millennia)")
_PART = r"(?:morning|afternoon|evening|night)"
_CLOCK = (r"(?:(?:[01]?\d|2[0-3])(?::[0-5]\d)?\s?[ap]\.?\s?m\b\.?|(?:[01]?\d|2[0-3]):[0-5]\d(?!\d)"
          r"|noon|midnight|midday)")
_TZ = r"(?:\s(?:[ecmp][sd]t|gmt|utc|local time)\b)?"


# --------------------------------------------------------------------------------------------
# Small parsers and calendar arithmetic
# --------------------------------------------------------------------------------------------

def _month_num(word: str) -> int:
    word = word.lower().rstrip(".")
    return _MONTHS.get(word) or _MONTH_ABBR[word[:4] if word.startswith("sept") else word[:3]]


def _weekday_num(word: str) -> int:
    word = word.lower().rstrip(".")
    return _WEEKDAYS.get(word, _WEEKDAY_ABBR.get(word, -1))


def _word_number(text: str) -> float | None:
    """'twenty-four' -> 24, 'a few' -> None (vague), '2 1/2' -> 2.5, 'two thousand' -> 2000."""
    text = text.lower().replace("-", " ").strip()
    half = 0.0
    if text.endswith(" and a half"):
        text, half = text[: -len(" and a half")], 0.5
    if text in ("a half", "half a", "half an"):
        return 0.5
    if " " in text and "/" in text:
        whole, frac = text.split(" ", 1)
        num, den = frac.split("/")
        return float(whole) + int(num) / int(den) + half if int(den) else None
    try:
        return float(text) + half
    except ValueError:
        pass
    if text in _NUMBER_WORDS:
        return _NUMBER_WORDS[text] + half
    total = 0.0
    for word in text.split():
        if word in ("hundred", "thousand"):
            total = (total or 1) * (100 if word == "hundred" else 1000)
        elif word in _NUMBER_WORDS:
            total += _NUMBER_WORDS[word]
        elif word == "and":
            continue
        else:
            return None  # a few, several, many, some, dozens of...
    return total + half


def _day_num(text: str) -> int:
    text = text.lower()
    if text[0].isdigit():
        return int(re.match(r"\d+", text).group())
    parts = re.split(r"[- ]", text)
    return sum(_NUMBER_WORDS.get(p, 0) for p in parts[:-1]) + _ORDINALS[parts[-1]]


def _year_num(text: str) -> int:
    text = text.lower()
    if text[0].isdigit():
        return int(text)
    words = re.split(r"[- ]+", text)
    if words[0] == "two" and words[1] == "thousand":
        return 2000 + int(_word_number(" ".join(w for w in words[2:] if w != "and") or "zero") or 0)
    century = _NUMBER_WORDS[words[0]] * 100
    rest = [w for w in words[1:] if w != "oh"]
    return century + (0 if rest == ["hundred"] else int(_word_number(" ".join(rest)) or 0))


def _add_months(day: dt.date, months: int) -> dt.date:
    year, month = divmod(day.month - 1 + months, 12)
    year += day.year
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def _quarter(day: dt.date) -> int:
    return (day.month - 1) // 3 + 1


def _shift_quarter(year: int, quarter: int, n: int) -> tuple[int, int]:
    index = year * 4 + quarter - 1 + n
    return index // 4, index % 4 + 1


def _fmt_unit(unit: str, day: dt.date) -> str:
    """The TIMEX3 value of the calendar unit (year, month, ...) containing ``day``."""
    if unit == "Y":
        return f"{day.year:04d}"
    if unit == "M":
        return f"{day.year:04d}-{day.month:02d}"
    if unit == "W":
        return _iso_week(day)
    if unit == "Q":
        return f"{day.year:04d}-Q{_quarter(day)}"
    if unit == "DE":
        return f"{day.year // 10:03d}"
    if unit == "CE":
        return f"{day.year // 100:02d}"
    return day.isoformat()


def _shift(day: dt.date, unit: str, n: int) -> dt.date:
    if unit == "D":
        return day + dt.timedelta(days=n)
    if unit == "W":
        return day + dt.timedelta(weeks=n)
    if unit == "M":
        return _add_months(day, n)
    if unit == "Q":
        return _add_months(day, 3 * n)
    if unit == "Y":
        return _add_months(day, 12 * n)
    if unit == "DE":
        return _add_months(day, 120 * n)
    if unit == "CE":
        return _add_months(day, 1200 * n)
    return day


_UNKNOWN = {"Y": "XXXX", "M": "XXXX-XX", "W": "XXXX-WXX", "Q": "XXXX-QX", "D": "XXXX-XX-XX",
            "DE": "XXX", "CE": "XX"}

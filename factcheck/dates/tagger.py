"""The tagger: triggers, candidate spans, selection, resolution in text order, merging."""

from __future__ import annotations

import copy
import datetime as dt
import functools
import re
from dataclasses import replace
from typing import Callable

from .context import _Context
from .interval import to_interval
from .lexicon import LazyPattern
from .model import Timex
from .rules import (
    _ANAPHORIC,
    _LOWER,
    _OnOriginal,
    _RULES,
    _START_OF,
    _absorb_prefix,
    expression_mod,
    _anaphoric_day,
    _century,
    _clock,
    _clock_part,
    _day_month,
    _decade,
    _deictic,
    _duration,
    _holiday,
    _month,
    _month_day,
    _month_year_rule,
    _month_range,
    _day_of_month,
    _part_of_day,
    _numeric_date,
    _quarter_rule,
    _reference,
    _relative,
    _season,
    _set,
    _that_unit,
    _the_quarter,
    _the_weekend,
    _the_year,
    _vague_duration,
    _weekday,
    _year,
    _year_earlier,
    _year_range,
)

# Speed: every rule needs at least one trigger word of a known kind (a month name, a unit, a clock
# time...), and triggers are rare in running text. One pass of this regex finds them; each rule then
# runs only around the triggers of the kinds it needs instead of over the whole text, which makes
# tagging about an order of magnitude faster on news.
_TRIGGER_WORDS = {
    "month": "january february march april may june july august september october november december "
             "jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. dec.",
    "weekday": "monday tuesday wednesday thursday friday saturday sunday mondays tuesdays wednesdays thursdays "
               "fridays saturdays sundays mon. tue. tues. wed. thu. thur. thurs. fri. sat. sun.",
    "clock_unit": "second seconds sec secs minute minutes min mins hour hours hr hrs",
    "day": "day days",
    "week": "week weeks fortnight fortnights",
    "weekend": "weekend weekends",
    "month_unit": "month months",
    "quarter": "quarter quarters half period",
    "year_unit": "year years yr yrs",
    "decade_unit": "decade decades",
    "century": "century centuries millennium millennia",
    "clock": "noon midnight midday",
    "decade": "twenties thirties forties fifties sixties seventies eighties nineties",
    "year": "nineteen eighteen thousand",
    "deictic": "today yesterday tomorrow tonight now currently current presently nowadays present moment recently "
               "formerly lately past future term",
    "part": "morning mornings afternoon afternoons evening evenings night nights overnight midafternoon midmorning",
    "season": "spring summer fall autumn winter",
    "holiday": "christmas easter thanksgiving halloween valentine's independence veterans armistice bastille labor "
               "memorial luther presidents election boxing",
    "setword": "daily weekly monthly hourly nightly biweekly every each per once twice",
}
_TRIGGER_KIND = {word: kind for kind, words in _TRIGGER_WORDS.items() for word in words.split()}
_TRIGGER_KIND.update({"new year's": "holiday", "good friday": "holiday"})


def _trie(words) -> str:
    """A regex matching any of the words, as a letter trie: one branch per first letter, not per word."""
    tree: dict = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [re.escape(ch) + build(node[ch]) for ch in sorted(k for k in node if k)]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:  # the word may end here: the continuation is optional (greedy, so longest first)
            body = ("(?:" + body + ")?") if len(alts) == 1 else body + "?"
        return body

    return build(tree)


# A trigger word (an abbreviation keeps its period), or a number that may be a decade, a year (or a
# numeric date) or a clock time: the named group says which.
# (The lookaheads let the engine reject most positions after one character test.)
_TRIGGER_PATTERN = (
    r"\b(?:(?=[a-z])(?:" + _trie(_TRIGGER_KIND) + r")(?:(?<=\.)|\b)"
    r"|(?=\d)(?:(?P<decade>(?:1[0-9]|20)?\d0'?s\b)|(?P<year>(?:1[5-9]|20)\d\d\b|\d{1,2}/\d)"
    r"|(?P<clock>\d{1,2}(?::\d\d|\s?[ap]\.?m\b))|(?P<ordinal>\d{1,2}(?:st|nd|rd|th)\b)))")
_TRIGGER = LazyPattern(_TRIGGER_PATTERN, re.I)
_TRIGGER_LOWER = LazyPattern(_TRIGGER_PATTERN)
_ADJACENT = LazyPattern(r"[ \t]*,?[ \t]*(?:(?:on|at|of)[ \t]+)?", re.I)  # on one line
# Characters of context kept before and after a trigger: more than any rule's modifiers need
# ('within the next few' before 'days'; 'ended Sept. 30' after 'the quarter').
_LEFT, _RIGHT = 36, 30
_SPACE = LazyPattern(r"\s")

# The trigger kinds each rule needs (a rule runs where any of them occurs).
_UNITS_ALL = ("clock_unit", "day", "week", "weekend", "month_unit", "quarter", "year_unit", "decade_unit",
              "century")
_NEEDS: dict[Callable, tuple[str, ...]] = {
    _month_day: ("month",), _day_month: ("month",), _numeric_date: ("year",), _month_year_rule: ("month",),
    _month: ("month",), _year: ("year",), _year_range: ("year",), _decade: ("decade",), _century: ("century",),
    _quarter_rule: ("quarter",), _the_quarter: ("quarter",), _duration: _UNITS_ALL,
    _year_earlier: ("year_unit",), _vague_duration: _UNITS_ALL, _relative: _UNITS_ALL + ("season",),
    _the_weekend: ("weekend",), _weekday: ("weekday",), _deictic: ("deictic", "part"), _reference: ("deictic",),
    _anaphoric_day: ("day", "part"), _clock: ("clock",), _clock_part: ("part",), _set: ("setword",),
    _holiday: ("holiday", "month"), _the_year: ("year_unit", "month_unit"),
    _month_range: ("month",), _day_of_month: ("ordinal",),
    _season: ("season",), _that_unit: ("decade_unit",), _part_of_day: ("part",),
}


def _windows(text: str, lowered: bool = False) -> dict[str, list[tuple[int, int]]]:
    """For each trigger kind, the sorted trigger neighbourhoods (merged when they overlap)."""
    out: dict[str, list[tuple[int, int]]] = {}
    for m in (_TRIGGER_LOWER if lowered else _TRIGGER).get().finditer(text):
        kind = m.lastgroup or _TRIGGER_KIND[m.group().lower()]
        spans = out.setdefault(kind, [])
        start, end = max(0, m.start() - _LEFT), m.end() + _RIGHT
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    return out


def _rule_windows(text: str, windows: dict[str, list[tuple[int, int]]], kinds: tuple[str, ...]):
    """The merged neighbourhoods of the given kinds, each ending at a space so that no word is cut."""
    spans = sorted(span for kind in kinds for span in windows.get(kind, ()))
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    for start, end in merged:
        end = min(end, len(text))
        space = _SPACE.search(text, end, end + 24)  # bounded: a text without spaces stays linear
        yield start, space.start() if space else end


# The grounding checks tag the same short texts (a sentence, a model's answer) again and again;
# long texts are tagged once and not kept alive by the cache.
_CACHED_LENGTH = 4_000


def tag(text: str, published: dt.date | None) -> list[Timex]:
    """Every temporal expression in ``text``, in order, resolved against ``published``.

    ``published=None`` leaves relative expressions unresolved (``X`` placeholders or ``*_REF``).
    """
    if isinstance(published, dt.datetime):
        published = published.date()
    if len(text) <= _CACHED_LENGTH:
        return list(_tag_short(text, published))
    return _tag(text, published)


@functools.lru_cache(maxsize=4096)
def _tag_short(text: str, published: dt.date | None) -> tuple[Timex, ...]:
    return tuple(_tag(text, published))


def _tag(text: str, published: dt.date | None) -> list[Timex]:
    low = text.lower()
    lowered = len(low) == len(text)  # else some character lowercases to several: match case-insensitively
    scan = low if lowered else text
    ctx = _Context(text, published, low if lowered else None)
    # A probe context (no publication date, so no tense look-ups) weeds out matches a rule rejects
    # on their own words, before they can hide a shorter, valid expression.
    probe = _Context(text, None)
    candidates = []
    windows = _windows(scan, lowered)
    by_kinds: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    for order, (pattern, resolve) in enumerate(_RULES):
        start_of = _START_OF.get(resolve)
        kinds = _NEEDS[resolve]
        if kinds not in by_kinds:
            by_kinds[kinds] = list(_rule_windows(text, windows, kinds))
        pattern = (_LOWER[resolve] if lowered else pattern).get()
        for win_start, win_end in by_kinds[kinds]:
            for m in pattern.finditer(scan, win_start, win_end):
                if lowered:
                    m = _OnOriginal(m, text)
                start = start_of(m) if start_of else m.start()
                if start < m.end() and "\n\n" not in text[start:m.end()] and _resolve(resolve, m, probe) is not None:
                    candidates.append((start, m.end(), order, m, resolve))
    chosen = _select(candidates)
    out: list[Timex] = []
    clocks: list[int] = []  # indexes in out of bare clock times, dated in a second pass
    for start, end, _, m, resolve in chosen:
        ctx.alternative = None
        other_day = ctx.other_day[1] if ctx.other_day and ctx.other_day[0] == ctx.last_day else None
        twin = copy.copy(ctx) if other_day else None
        resolved = _resolve(resolve, m, ctx)
        if resolved is None:
            continue
        if twin is not None and ctx.alternative is None:
            # Counted from a day that may be either of two ('the next day' after 'said Friday' in a
            # Thursday story): what the rule makes of the other day, when that differs, is as likely.
            twin.last_day, twin.other_day = other_day, None
            again = _resolve(resolve, m, twin)
            if again is not None and again[1] != resolved[1] and again[2] is None and resolved[2] is None:
                ctx.alternative = again[1]
        type_, value, value_end = resolved
        if type_ == "DATE" and value[:4].isdigit() and resolve not in _ANAPHORIC:
            _remember(ctx, value, start, end)
        elif type_ == "DURATION" and _SPAN_OF_THE_BOOKS.match(text, start, end):
            ctx.last_span = (value, start)  # 'For the nine months, ...': a later 'year-earlier period' is nine months too
        if ctx.alternative and ctx.last_day is not None and value[:10] == ctx.last_day.isoformat() and _DATED.match(ctx.alternative):
            ctx.other_day = (ctx.last_day, dt.date.fromisoformat(ctx.alternative[:10]))
        new_start = _absorb_prefix(text, start, end, type_, value, resolve)
        if out and new_start < out[-1].end:
            new_start = start
        if resolve is _clock or resolve is _clock_part or resolve is _part_of_day:
            clocks.append(len(out))
        ends = _ENDS[resolve](m) if value_end is not None and resolve in _ENDS else None
        out.append(Timex(text[new_start:end], new_start, end, type_, value, value_end, ends, alternative=ctx.alternative))
    _date_clocks(ctx, out, clocks)
    return _fiscal_months(text, _fiscal_periods(text, [replace(t, mod=expression_mod(t.text, t.type)) for t in _merge_times(text, out)]))


# 'fiscal' (or 'FY') in the expression, or in the words of its noun phrase right around it: before
# ('fiscal year 1989', "fiscal 1989's second quarter") or after ('the 1988 fiscal year', 'its 1990
# fiscal second quarter').
_FISCAL_IN = LazyPattern(r"(?i)\b(?:fiscal|FY)\b")
_FISCAL_BEFORE = LazyPattern(r"(?i)\b(?:fiscal|FY)(?:[\s-]+year)?[\s-]*$")
_FISCAL_AFTER = LazyPattern(r"(?i)(?:'s)?[\s-]+fiscal\b")
_BOOK_PERIOD = LazyPattern(r"\d{4}(?:-(?:Q[1-4]|H[12]))?$")


_NAMES_ITS_MONTHS = LazyPattern(r"(?i)\bcalendar\b|\bend(?:ed|ing)\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)")


def _fiscal_periods(text: str, timexes: list[Timex]) -> list[Timex]:
    """Each fiscal year, half or quarter marked (see ``Timex.fiscal``): one the words call fiscal, and
    a quarter or half that points back to one ("the quarter", "a year earlier", "the 1988 period"
    after "the fiscal first quarter": the tagger gave it the fiscal quarter's number), unless its
    words name its months ("the quarter ended Sept. 29")."""
    seen: set[str] = set()  # 'Q1', 'H2': the numbers of the fiscal quarters and halves met so far
    out = []
    for t in timexes:
        fiscal = t.type == "DATE" and _BOOK_PERIOD.get().match(t.value) is not None and bool(
            _FISCAL_IN.get().search(t.text) or _FISCAL_BEFORE.get().search(text, max(0, t.start - 16), t.start)
            or _FISCAL_AFTER.get().match(text, t.end)
            or (t.value[5:] in seen and not _NAMES_ITS_MONTHS.get().search(text, t.start, min(len(text), t.end + 24))
                and not _ORDINAL_PERIOD.get().search(t.text)))
        if fiscal and len(t.value) == 7:
            seen.add(t.value[5:])
        out.append(replace(t, fiscal=True) if fiscal else t)
    return out


# A quarter bounded by the day it ended: "the quarter ended Sept. 30", "its fourth quarter ending June 30".
_ENDED = LazyPattern(r"(?i)\s+end(?:ed|ing)\s+$")
_QUARTER_VALUE = LazyPattern(r"(\d{4})-Q([1-4])$")
# How far back a bounded quarter is the quarter in discussion (as for "the quarter", rules._the_quarter).
_QUARTER_REACH = 1500


def _quarter_index(value: str) -> int | None:
    m = _QUARTER_VALUE.get().match(value)
    return int(m.group(1)) * 4 + int(m.group(2)) - 1 if m else None


def _fiscal_months(text: str, timexes: list[Timex]) -> list[Timex]:
    """Each fiscal quarter given the calendar months it covers (``Timex.months``) when the article
    bounds it by the day it ended: its own words ("its fourth quarter ended June 30"), or the quarter in
    discussion ("the fiscal first quarter ... For the quarter ended Sept. 30"). The books' numbering
    is then known for that quarter's number, so "a year earlier" and "the 1988 period" that point back to
    it are placed as well. A quarter is the three months to the one that holds its last day less a week
    (books that close on a week's last day end a quarter on "Sept. 29" or "Oct. 1")."""
    offsets: dict[int, int] = {}  # fiscal quarter number -> months from its calendar namesake's last month
    last_quarter: Timex | None = None
    for i, t in enumerate(timexes):
        index = _quarter_index(t.value) if t.type == "DATE" else None
        if index is None:
            continue
        after = timexes[i + 1] if i + 1 < len(timexes) else None
        if after is not None and _DATED.match(after.value) and _ENDED.get().fullmatch(text, t.end, after.start):
            end = dt.date.fromisoformat(after.value[:10]) - dt.timedelta(days=7)
            last_month = end.year * 12 + end.month - 1
            if t.fiscal or last_month != index * 3 + 2:
                # its own number is the books' ("fourth quarter ended June 30", "the quarter ended July 31")
                offsets[index % 4] = last_month - (index * 3 + 2)
            elif last_quarter is not None and last_quarter.fiscal and t.start - last_quarter.start < _QUARTER_REACH \
                    and _same_books(text, timexes, last_quarter, t):
                fiscal_index = _quarter_index(last_quarter.value)
                assert fiscal_index is not None
                offsets[fiscal_index % 4] = last_month - (fiscal_index * 3 + 2)  # the quarter in discussion
        last_quarter = t
    if not offsets:
        return timexes
    out = []
    for t in timexes:
        index = _quarter_index(t.value) if t.type == "DATE" else None
        offset = offsets.get(index % 4) if index is not None else None
        if offset is not None and (t.fiscal or offset):
            last = index * 3 + 2 + offset
            if last % 3 == 2:
                months: tuple[str, str | None] = (f"{last // 12:04d}-Q{last % 12 // 3 + 1}", None)
            else:
                months = (f"{(last - 2) // 12:04d}-{(last - 2) % 12 + 1:02d}", f"{last // 12:04d}-{last % 12 + 1:02d}")
            t = replace(t, fiscal=True, months=months)
        out.append(t)
    return out


_CAPITALISED = LazyPattern(r"\b[A-Z][\w&'.-]*")


def _names(text: str, timexes: list[Timex], at: Timex) -> set[str]:
    """The capitalised words of the sentence of `at`, outside its dates ("Sept."): its names."""
    start, end = _Context(text, None).sentence(at.start, at.end)
    return {m.group().rstrip(".") for m in _CAPITALISED.get().finditer(text, start, end)
            if not any(d.start <= m.start() < d.end for d in timexes)}


def _same_books(text: str, timexes: list[Timex], fiscal: Timex, bounded: Timex) -> bool:
    """The quarter bounded in one sentence is the fiscal one named before it, not another company's
    ("Pell earned $5 million in the fiscal first quarter. Rival Dunmore lost money in the quarter
    ended Sept. 30"): its sentence names someone the fiscal one's names too ("Sun Microsystems ...
    the fiscal first quarter. Sun reported sales ... for the quarter ended Sept. 29"), or no one but
    its first word ("For the quarter ended Sept. 30, the company earned")."""
    names = _names(text, timexes, bounded)
    first = _Context(text, None).sentence(bounded.start, bounded.end)[0]
    opening = _CAPITALISED.get().match(text, len(text) - len(text[first:].lstrip()))
    return bool(names & _names(text, timexes, fiscal)) or names <= ({opening.group().rstrip(".")} if opening else set())


# "the third quarter", "second-half": a period named by its number, not one pointing back
_ORDINAL_PERIOD = LazyPattern(r"(?i)\b(?:first|second|third|fourth|1st|2nd|3rd|4th)\b")


# Where the two ends of a range are in its match, for timeml(): ((start, end), (start, end)).
_ENDS: dict[Callable, Callable] = {
    _month_day: lambda m: ((m.start("month"), m.end("day")),
                           (m.start("month2") if m.group("month2") else m.start("day2") if m.group("day2")
                            else m.start("day2b"), m.end())),
    _day_month: lambda m: ((m.start(1), m.end(1)), (m.start(2), m.end())),
    _month_range: lambda m: ((m.start(2), m.end(3) if m.group(3) else m.end(2)), (m.start(4), m.end())),
    _year_range: lambda m: ((m.start(2), m.end(2)), (m.start(3), m.end(3))),
}

_DATED = LazyPattern(r"\d{4}-\d\d-\d\d")


def _date_clocks(ctx: _Context, timexes: list[Timex], clocks: list[int]) -> None:
    """'at 10:35 a.m. (0735 GMT) Friday', 'shot at 10 p.m.': a clock time is on the day named
    nearest to it in its sentence, else on the date the story has reached, the last one named before
    it (TimeML's reference time): a day, unless the clause looks ahead from a day already over; a
    period holding the publication day, that day; a period over or to come, a day the text does not
    give ('XXXX-XX-XX'), never the publication day the story has moved away from. With no date
    before it, the publication day."""
    if not clocks or ctx.dct is None:
        return
    clock_set = set(clocks)
    dated = [(t.start, t.value, t.alternative) for i, t in enumerate(timexes)
             if i not in clock_set and t.type in ("DATE", "TIME") and t.value[:4].isdigit()]
    for i in clocks:
        t = timexes[i]
        s, e = ctx.sentence(t.start, t.end)
        near = [d for d in dated if s <= d[0] < e and _DATED.match(d[1])]
        before = [d for d in dated if d[0] < t.start]
        other = None  # the clock's other day, when the day it is on may be either of two
        if near:
            _, value, other = min(near, key=lambda d: abs(d[0] - t.start))
            day = value[:10]
        elif before:
            day = _reference_day(ctx, before[-1][1], t)
            other = before[-1][2] if day == before[-1][1][:10] else None
        else:
            continue
        timexes[i] = Timex(t.text, t.start, t.end, t.type, day + t.value[10:], t.value_end,
                           alternative=other and other[:10] + t.value[10:])


def _reference_day(ctx: _Context, value: str, clock: Timex) -> str:
    """The day of a clock time whose sentence names none, from the last date named before it."""
    assert ctx.dct is not None
    if _DATED.match(value):
        day = value[:10]
        if day < ctx.dct.isoformat() and ctx.tense(clock.start, clock.end) == "future":
            return "XXXX-XX-XX"  # 'will speak at 10 a.m.' after a day already over: some day to come
        return day
    first, last, _ = to_interval(value)
    if first is not None and first <= ctx.dct <= (last or first):
        return ctx.dct.isoformat()  # 'this year ... at 10 p.m.': the period of today
    return "XXXX-XX-XX"


def _resolve(resolve, m, ctx: _Context):
    """The rule's value, or None when calendar arithmetic leaves the range of datetime.date
    (a publication date in year 1 or 9999): the expression is then dropped, never given a wrong value."""
    try:
        return resolve(m, ctx)
    except (ValueError, OverflowError):
        return None


# A span of months a report gives figures for ('the nine months', 'the first six months'), as a
# period of the books, not a stretch of time ('nine months ago', 'in nine months').
_SPAN_OF_THE_BOOKS = LazyPattern(r"(?i)the\s+(?:first\s+)?(?:two|three|four|five|six|seven|eight|nine|ten|eleven|\d{1,2})[\s-]+months?$")


_INDEFINITE = LazyPattern(r"(?i)\b(?:an?|another)\s+$")
_QUARTER_NOUN = LazyPattern(r"(?i)\squarter$")


def _remember(ctx: _Context, value: str, pos: int, end: int | None = None) -> None:
    """Keep the values that later anaphora ('that day', 'a year earlier', 'the quarter') refer to."""
    ctx.last_year = int(value[:4])
    if len(value) >= 7 and value[4] == "-" and value[5:7].isdigit():
        ctx.last_month = (int(value[:4]), int(value[5:7]))
    if len(value) == 10 and value[4] == "-" and value[7] == "-":
        ctx.last_day = dt.date.fromisoformat(value)
    if len(value) == 7 and value[5] == "Q":
        quarter = (int(value[:4]), int(value[6]))
        # only a quarter already over is a period a report goes on comparing, not a forecast; nor one
        # told of in passing ('After a flat second quarter, ...': the indefinite is not the quarter reported)
        passing = end is not None and _INDEFINITE.search(ctx.text, max(0, pos - 9), pos) is not None \
            and _QUARTER_NOUN.search(ctx.text, pos, end) is not None  # (not 'a third-quarter loss': the loss's article)
        if not passing and (ctx.dct is None or quarter < (ctx.dct.year, (ctx.dct.month - 1) // 3 + 1)):
            ctx.last_quarter, ctx.last_quarter_pos = quarter, pos


def _select(candidates):
    """Non-overlapping spans, longest first (then leftmost, then rule order), returned in text order."""
    candidates.sort(key=lambda c: (c[0] - c[1], c[0], c[2]))
    if not candidates:
        return []
    limit = max(c[1] for c in candidates)
    taken = bytearray(limit)  # one flag per character: linear, whatever the number of spans
    chosen = []
    for cand in candidates:
        start, end = cand[0], cand[1]
        if taken.find(1, start, end) >= 0:
            continue
        taken[start:end] = b"\x01" * (end - start)
        chosen.append(cand)
    chosen.sort(key=lambda c: c[0])
    return chosen


def _merge_times(text: str, timexes: list[Timex]) -> list[Timex]:
    """'2 p.m. Tuesday', 'Tuesday at 2 p.m.', 'mid-afternoon yesterday': a time of day joins its day."""
    out: list[Timex] = []
    for t in timexes:
        prev = out[-1] if out else None
        if prev is not None and _ADJACENT.fullmatch(text, prev.end, t.start):
            relative = _DAY_BEFORE.fullmatch(prev.text)
            if relative and _DATED.fullmatch(t.value):
                # 'the day before last Tuesday's hearing': one expression, anchored on the day it names
                # (TimeML marks the whole phrase, its value the day it points to)
                shift = dt.timedelta(days=-1 if relative.group(1).lower() == "before" else 1)
                day = dt.date.fromisoformat(t.value) + shift
                other = t.alternative and (dt.date.fromisoformat(t.alternative[:10]) + shift).isoformat()
                out[-1] = Timex(text[prev.start:t.end], prev.start, t.end, "DATE", day.isoformat(), alternative=other)
                continue
            clock, day = (prev, t) if _is_time_of_day(prev) else (t, prev) if _is_time_of_day(t) else (None, None)
            if clock is not None and _is_day(day.value):
                time_part = clock.value[clock.value.index("T"):]
                other = day.alternative and day.alternative[:10] + time_part  # a time on either of two days
                out[-1] = Timex(text[prev.start:t.end], prev.start, t.end, "TIME", day.value[:10] + time_part, alternative=other)
                continue
        out.append(t)
    return out


_DAY_BEFORE = LazyPattern(r"the day (before|after)", re.I)
_TIME_OF_DAY = LazyPattern(r".*T(?:\d\d:\d\d|MO|AF|EV|NI|MI|DT)")


def _is_time_of_day(t: Timex) -> bool:
    """A clock time or part of the day that is not yet tied to a day named in the text."""
    return t.type == "TIME" and _TIME_OF_DAY.fullmatch(t.value) is not None


_DAY_VALUE = LazyPattern(r"(?:\d{4}|XXXX)-(?:\d\d|XX)-(?:\d\d|XX)|XXXX-WXX-\d")


def _is_day(value: str) -> bool:
    """A value naming one (possibly unknown) calendar day, to which a clock time can attach."""
    return _DAY_VALUE.fullmatch(value) is not None


# A span of whole months or a year and the day it ended on: 'the year ended Sept. 30', 'the nine
# months ending June 30', 'the fiscal year ended on March 31'.
_SPAN_OF_MONTHS = LazyPattern(r"P(\d+)([MY])")
_ENDED_ON = LazyPattern(r"(?i)\s+end(?:ed|ing)\s+(?:on\s+)?")
# The year in discussion, pointed back to ('for the full year'), not 'this year' (the books' next one may have begun).
_A_YEAR_BACK = LazyPattern(r"(?i)an?\s+year\s+(?:ago|earlier|before)")
_THE_YEAR = LazyPattern(r"(?i)the\s+(?:(?:full|fiscal|entire|whole)\s+)?year")


def periods_ended(text: str, timexes: list[Timex]) -> list[Timex]:
    """The expressions with each period bounded by the day it ended told as one DATE: "the year ended
    Sept. 30" (a DURATION, then a day, as TimeML tags them) is the twelve months to that day,
    October to September, the period a report's figures are for ("For the year ended Sept. 30,
    Ralston earned ..."). The months run to the one that holds the last day less a week (books that
    close on a week's last day end a year on "Oct. 1"), as for a fiscal quarter. Not part of ``tag``:
    TimeML scores the two expressions apart; a timeline needs the one period they name. "The year"
    after it ("Sales for the full year were ...") is that year of the books too, when of its year; and
    "the quarter a year ago" is one period, the quarter a year back."""
    out: list[Timex] = []
    year: Timex | None = None  # the last twelve months told as a period ended
    i = 0
    while i < len(timexes):
        t = timexes[i]
        after = timexes[i + 1] if i + 1 < len(timexes) else None
        span = _SPAN_OF_MONTHS.get().fullmatch(t.value) if t.type == "DURATION" else None
        if span is not None and after is not None and after.type == "DATE" and _DATED.match(after.value) \
                and _ENDED_ON.get().fullmatch(text, t.end, after.start) and after.value_end is None:
            months = int(span.group(1)) * (12 if span.group(2) == "Y" else 1)
            end = dt.date.fromisoformat(after.value[:10]) - dt.timedelta(days=7)
            last = end.year * 12 + end.month - 1
            first = last - months + 1
            out.append(Timex(text[t.start:after.end], t.start, after.end, "DATE", f"{first // 12:04d}-{first % 12 + 1:02d}",
                             f"{last // 12:04d}-{last % 12 + 1:02d}", fiscal=t.fiscal or "fiscal" in t.text.lower(),
                             months=(f"{first // 12:04d}-{first % 12 + 1:02d}", f"{last // 12:04d}-{last % 12 + 1:02d}")))
            year = out[-1] if months == 12 and last % 12 != 11 else year
            i += 2
            continue
        if after is not None and t.type == after.type == "DATE" and _QUARTER_VALUE.get().match(t.value) \
                and _QUARTER_VALUE.get().match(after.value) and text[t.end:after.start] == " " \
                and _A_YEAR_BACK.get().fullmatch(after.text):
            # "For the quarter a year ago, X earned ...": one period, the one a year back
            out.append(replace(after, text=text[t.start:after.end], start=t.start, ends=None))
            i += 2
            continue
        if year is not None and year.months and t.type == "DATE" and _THE_YEAR.get().fullmatch(t.text) \
                and t.value == year.months[1][:4]:
            # "Sales for the full year were $6.6 billion": the year the article bounded, not January to December
            t = replace(t, fiscal=True, months=year.months)
        out.append(t)
        i += 1
    return out

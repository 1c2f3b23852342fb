"""Temporal expressions: find them in an article and resolve them against its publication date.

``tag(text, published)`` returns every temporal expression as a TimeML TIMEX3 (type DATE, TIME,
DURATION or SET, and an ISO-like value) with character offsets into the exact text it was given.
``to_interval(value, value_end)`` turns a value into the first and last calendar day it covers, and
``format_interval(start, end, precision)`` writes that interval for a reader ("14–15 May 2025");
``periods_ended(text, expressions)`` tells "the year ended Sept. 30" as the one period it names;
``timex_interval(timex)`` is the interval of what the words name (a count of whole years back,
"42 years ago", covers the two years it may fall in; a fiscal period, "fiscal 1988", has none);
``iso_week(day)`` is the value the tagger gives the ISO week of a day ("2025-W19").

How it works, in three passes, all linear in the length of the text:

1. *Candidates*: a fixed set of regular expressions (rules) proposes spans. Every rule is written
   without nested unbounded repetition, so no input can make the regex engine backtrack
   catastrophically.
2. *Selection*: overlapping candidates are resolved longest-first, then leftmost; a modifier that
   TimeML includes in the extent ("early", "the end of", "about") is absorbed on the left.
3. *Resolution*, left to right: each span becomes a value, using the publication date, the tense of
   its sentence (for weekday and month names) and the previous expressions (for anaphora such as
   "that day" or "a year earlier"). Without a publication date, relative expressions keep ``X``
   placeholders ("XXXX-WXX-2") or a ``*_REF`` value instead of a guess.

Conventions worth knowing (TimeML 1.2.1 / TIDES):

- Weekday names follow the tense of their clause ("met on Tuesday" is the last Tuesday, "will meet
  on Friday" the next Friday); the weekday of the publication date is that day. A reporting verb
  right next to the name ("said Friday"), or after it ("On Monday, the ministry announced it will
  ..."), dates the report, not the future it reports; so does a past intention ("On Monday the
  board voted to close ..."). A weekday told in the past that names the day after publication
  ("said Friday" in a Thursday story) is the Friday before (TimeML's value) or the next day, where a
  source a time zone ahead spoke: ``Timex.alternative`` holds that day, and neither is stated alone.
- A clock time with no day in its sentence is on the date the story has reached (the last one
  named before it); when that is a period over before publication, its day is unknown
  (``XXXX-XX-XXT22:00``), never the publication day. "The following month" counts from the last
  month named, as "the following day" does from the last day.
- A month or date without a year is the nearest one when it is a few weeks from publication,
  otherwise the tense of the clause picks the side ("in March" said in May, past: this March).
- "Tuesday morning" is a TIME, ``2025-05-13TMO``; weeks are ISO weeks (``2025-W19``); a decade is
  its first three digits (``199``), a century its first two (``19``); seasons are ``2025-SU``.
- Ranges ("May 14-15", "between 2019 and 2021", "from May to June") are one expression with
  ``value`` and ``value_end``; a list ("April 25 and May 30") is two. ``timeml(expressions)`` splits a
  range into the two TIMEX3 points TimeML annotates (what the benchmark scores).
- ``mod`` (TIMEX3): a bound or approximation ("more than two years ago" BEFORE, "about a year ago"
  APPROX, "four decades ago" APPROX) or a part of the period ("early next year" START); None when
  the words state the value exactly. ``Timex.within_value`` tells whether the value may be written
  beside the words as their date.
- Anaphora: "that day", "the next day", "the 15th" take the last day mentioned; "a year earlier",
  "the year-ago quarter", "the latest quarter" the quarter under discussion.

Modules: ``model`` (Timex, Precision), ``lexicon`` (words and regex pieces), ``context`` (sentences
and tense), ``resolve`` (calendar reasoning shared by rules), ``rules`` (one regex and resolver per
kind of expression), ``tagger`` (triggers, selection, ``tag``), ``interval`` (``to_interval``,
``format_interval``).

Standard library only: the package is imported by the CLI and must load quickly.
"""

from .interval import format_interval, timex_interval, to_interval
from .lexicon import _iso_week as iso_week
from .model import Precision, Timex, timeml
from .tagger import periods_ended, tag

__all__ = ["Precision", "Timex", "format_interval", "iso_week", "periods_ended", "tag", "timeml", "timex_interval", "to_interval"]

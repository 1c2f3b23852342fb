"""TimeML articles (TimeBank, AQUAINT), read in place: the plain text of <TEXT>, the creation date, and
where each tag of <TEXT> (TIMEX3, EVENT, ...) sits in that text. One reader for every benchmark that
scores against the annotations; the corpora are evaluation data and are never copied into the repository."""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass
from pathlib import Path

_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)/?>|([^<]+)")
ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass(frozen=True)
class Tag:
    name: str
    attrs: dict[str, str]
    start: int  # offsets into TimeML.text
    end: int


@dataclass(frozen=True)
class TimeML:
    name: str
    dct: dt.date
    text: str  # <TEXT> without its tags, entities unescaped
    tags: list[Tag]
    raw: str  # the whole file, for what lies outside <TEXT> (MAKEINSTANCE, TLINK)

    def each(self, name: str) -> list[Tag]:
        return [t for t in self.tags if t.name == name]


# TimeBank's WSJ files lost the "&" and ";" of "&amp;" in conversion: "Dow Jones amp Co.",
# "AVON RENT-A-CAR amp TRUCK Corp.". A lowercase "amp" between two capitalised words of a name is
# that ampersand (English has no such word there).
_LOST_AMPERSAND = re.compile(r"\b([A-Z][\w.'-]*) amp (?=[A-Z])")


def restore_ampersands(text: str) -> str:
    """`text` with the ampersands the conversion to TimeML cut down to "amp" put back."""
    return _LOST_AMPERSAND.sub(r"\1 & ", text)


def read(path: Path) -> TimeML:
    raw = path.read_text(encoding="utf-8")
    dct = re.search(r"<DCT>\s*<TIMEX3[^>]*\bvalue=\"(\d{4}-\d\d-\d\d)", raw)
    body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
    if dct is None or body is None:
        raise ValueError(f"{path}: not a TimeML article (no TEXT or creation time)")
    parts: list[str] = []
    tags: list[Tag] = []
    opened: dict[str, tuple[dict[str, str], int]] = {}
    pos = 0
    for m in _TAG.finditer(body.group(1)):
        if m.group(4) is not None:
            chunk = restore_ampersands(html.unescape(m.group(4)))
            parts.append(chunk)
            pos += len(chunk)
        elif not m.group(1):
            opened[m.group(2)] = (dict(ATTR.findall(m.group(3))), pos)
        elif m.group(2) in opened:
            attrs, start = opened.pop(m.group(2))
            tags.append(Tag(m.group(2), attrs, start, pos))
    return TimeML(path.name, dt.date.fromisoformat(dct.group(1)), "".join(parts), tags, raw)

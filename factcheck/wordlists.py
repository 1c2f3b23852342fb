"""Word lists drawn from WordNet 3.0 by benchmarks/build_person_nouns.py and build_told_as.py,
shipped in factcheck/data (one lemma a line, or a table, gzipped): closed by a lexicon, never by an
article's words."""

from __future__ import annotations

import gzip
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=None)
def _nouns(name: str) -> frozenset[str]:
    raw = resources.files("factcheck.data").joinpath(f"{name}.txt.gz").read_bytes()
    return frozenset(gzip.decompress(raw).decode().split())


def person_nouns() -> frozenset[str]:
    """Nouns one of whose three most frequent senses is a person."""
    return _nouns("person_nouns")


def speaker_nouns() -> frozenset[str]:
    """Nouns one of whose three most frequent senses is a person, a group or a communication."""
    return _nouns("speaker_nouns")


def message_nouns() -> frozenset[str]:
    """Nouns whose most frequent sense is a communication ("letter", "memo", "list", "document")."""
    return _nouns("message_nouns")


@lru_cache(maxsize=1)
def _told_as() -> dict[str, tuple[frozenset[str], ...]]:
    raw = resources.files("factcheck.data").joinpath("told_as.tsv.gz").read_bytes()
    table = {}
    for line in gzip.decompress(raw).decode().splitlines():
        noun, *columns = line.split("\t")
        table[noun] = tuple(frozenset(c.split()) for c in columns)
    return table


def told_as(noun: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The verbs and nouns an article may tell of what the act, event or message `noun` names
    with, before it names it so ("asked" - "the request", "shot dead" - "the killing"), and the
    words that make a fixed phrase of it ("long" in "the long run"); built by
    benchmarks/build_told_as.py. Empty for any other noun."""
    none = frozenset()
    verbs, nouns, fixed = _told_as().get(noun, (none, none, none))
    return verbs, nouns, fixed


def time_adjectives() -> frozenset[str]:
    """Adjectives of time ("late", "recent", "new", "current"): their superlative is the last of a
    series the story told of, not a referent the phrase picks out itself."""
    return _nouns("time_adjectives")

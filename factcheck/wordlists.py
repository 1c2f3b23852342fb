"""Noun lists drawn from WordNet 3.0 by benchmarks/build_person_nouns.py, shipped in factcheck/data
(one lemma a line, gzipped): closed by a lexicon, never by an article's words."""

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

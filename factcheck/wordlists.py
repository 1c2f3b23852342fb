"""Word lists drawn from WordNet 3.0 by the benchmarks/build_*.py scripts,
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


def relational_nouns() -> frozenset[str]:
    """Nouns of a person's role in a legal case ("judge", "prosecutor", "lawyer", "defendant") and
    of the place of an action ("venue", "scene"): one of the case or the action the story told of,
    not one the setting has; built by benchmarks/build_relational_nouns.py."""
    return _nouns("relational_nouns")


def speaker_nouns() -> frozenset[str]:
    """Nouns one of whose three most frequent senses is a person, a group or a communication."""
    return _nouns("speaker_nouns")


def message_nouns() -> frozenset[str]:
    """Nouns whose most frequent sense is a communication ("letter", "memo", "list", "document")."""
    return _nouns("message_nouns")


def number_nouns() -> frozenset[str]:
    """Nouns one of whose three most frequent senses is a number, with no person or group ranked
    before it ("figure", "count", "number"); built by benchmarks/build_number_nouns.py."""
    return _nouns("number_nouns")


def possession_nouns() -> frozenset[str]:
    """Nouns whose most frequent sense is a possession ("share", "stock", "stake", "dividend");
    built by benchmarks/build_number_nouns.py."""
    return _nouns("possession_nouns")


def owned_nouns() -> frozenset[str]:
    """Nouns whose most frequent sense is a sum of money someone takes in ("revenue", "sales",
    "earnings", "profit", "income"); built by benchmarks/build_owned_nouns.py."""
    return _nouns("owned_nouns")


def shell_nouns() -> frozenset[str]:
    """Nouns whose most frequent sense is a course of action, a deal, a proposal, a question at
    issue or a penalty ("plan", "move", "deal", "proposal", "issue", "fine"): one party's, of
    which the setting has no one; built by benchmarks/build_shell_nouns.py."""
    return _nouns("shell_nouns")


def group_nouns() -> frozenset[str]:
    """Nouns whose most frequent sense is a body ("group", "crowd", "team"); built by
    benchmarks/build_number_nouns.py."""
    return _nouns("group_nouns")


# Verbs of showing, which a figure does as well as its publisher ("figures show", "the numbers
# confirmed", "figures released today"): a closed class of English. Under any other verb of
# saying ("political figures warned", "said", "denied") the noun names people.
_SHOWING = frozenset("show suggest indicate imply signal mean reveal confirm reflect point put release publish issue report include".split())
_BODIES = frozenset({"ORG", "NORP", "GPE", "PERSON"})  # who a person may belong to


def read_as_figure(tok) -> bool:
    """A plural noun that names figures, not people ("Figures released today show ...", "the
    counts"), unless its sentence shows people: a verb of saying other than one of showing
    ("political figures warned"), a body they belong to ("figures in the party", "Kurdish
    figures"); "figures in the report" are a document's."""
    if tok.tag_ != "NNS" or tok.lemma_.lower() not in number_nouns():
        return False
    if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.pos_ == "VERB" and tok.head.lemma_.lower() not in _SHOWING:
        return False
    # Not "Labor Department figures" or "the company's figures": who publishes them.
    if any(c.dep_ == "amod" and c.ent_type_ == "NORP" for c in tok.children):
        return False
    members = [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("in", "among", "within") for g in c.children if g.dep_ == "pobj"]
    return not any(t.ent_type_ in _BODIES or t.lemma_.lower() in speaker_nouns() - message_nouns() for t in members)


@lru_cache(maxsize=1)
def _event_nouns() -> tuple[frozenset[str], frozenset[str]]:
    words = _nouns("event_nouns")  # built by benchmarks/build_event_nouns.py; a figure marked '-'
    return frozenset(w for w in words if w[0] != "-"), frozenset(w[1:] for w in words if w[0] == "-")


def happening_nouns() -> frozenset[str]:
    """Nouns that name a happening ("shooting", "vote", "raid", "the sale"), not a figure."""
    return _event_nouns()[0]


def figure_nouns() -> frozenset[str]:
    """Nouns that name an amount ("a loss", "sales", "the price"): a date on one dates the figure."""
    return _event_nouns()[1]


@lru_cache(maxsize=1)
def _told_as() -> dict[str, str]:
    # Each noun's row as written: an article asks for a few dozen nouns of some 17,000, so a row is
    # read into sets only when asked for (`_told_as_row`), not all at load.
    raw = resources.files("factcheck.data").joinpath("told_as.tsv.gz").read_bytes()
    return dict(line.split("\t", 1) for line in gzip.decompress(raw).decode().splitlines())


@lru_cache(maxsize=None)
def _told_as_row(noun: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]] | None:
    row = _told_as().get(noun)
    if row is None:
        return None
    verbs, nouns, fixed = (frozenset(c.split()) for c in row.split("\t"))
    return verbs, nouns, fixed


def told_as(noun: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The verbs and nouns an article may tell of what the act, event, message or made thing `noun`
    names with, before it names it so ("asked" - "the request", "shot dead" - "the killing", "a
    law" - "the statute", "agreed" - "the accord", "a jetliner" - "the plane"), and the
    words that make a fixed phrase of it ("long" in "the long run"); built by
    benchmarks/build_told_as.py. Empty for any other noun."""
    none = frozenset()
    return _told_as_row(noun) or (none, none, none)


def time_adjectives() -> frozenset[str]:
    """Adjectives of time ("late", "recent", "new", "current"): their superlative is the last of a
    series the story told of, not a referent the phrase picks out itself."""
    return _nouns("time_adjectives")


@lru_cache(maxsize=1)
def organisation_nouns() -> dict[str, tuple[tuple[int, frozenset[str]], ...]]:
    """Per noun with a sense that is a group of people in WordNet (an organisation, "organization"
    among its kinds, or another: "congress"), each such sense as (its rank among the noun's senses,
    the lemmas of its synset and hypernyms, "$" among them for a business): "bank" -> ((1,
    {"bank", "financial_institution", ..., "organization", "$"}),). Built by
    benchmarks/build_organisation_nouns.py."""
    raw = resources.files("factcheck.data").joinpath("organisation_nouns.tsv.gz").read_bytes()
    found = {}
    for line in gzip.decompress(raw).decode().splitlines():
        lemma, *senses = line.split("\t")
        found[lemma] = tuple((int(rank), frozenset(kinds)) for rank, _, words in (s.partition(" ") for s in senses) for kinds in [words.split()])
    return found


def broadcast_nouns() -> frozenset[str]:
    """Nouns whose most frequent sense is a radio or television broadcast ("broadcast", "newscast").
    Built by benchmarks/build_broadcast_nouns.py."""
    return _nouns("broadcast_nouns")


def newsroom_nouns() -> frozenset[str]:
    """Nouns one of whose three most frequent senses is a journalist, a reporter or a broadcaster
    ("correspondent", "anchor"). Built by benchmarks/build_broadcast_nouns.py."""
    return _nouns("newsroom_nouns")


def place_nouns() -> frozenset[str]:
    """Nouns whose most frequent sense is a region, an area, a territory or a country ("region",
    "area", "district", "country"); built by benchmarks/build_place_nouns.py."""
    return _nouns("place_nouns")

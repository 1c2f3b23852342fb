"""Faithfulness: does a statement say only what its cited sentences say?

``check(statement, sources)`` aligns a statement (a summary sentence, a claim, a timeline event, a
line a journalist pastes) with the article sentences it cites, word by word on spaCy's lemmas
(``factcheck.nlp``), and returns the problems found; an empty list means the statement is supported.
``find_support(statement, sentences)`` first picks the sentences that support it best.

What passes, because journalists write it: inflection ("rose"/"rises"), a WordNet synonym in a
frequent sense ("purchase"/"buy"), active turned passive and back, "three"/"3", "percent"/"%",
contractions, an attribution moved to the front, a leading phrase, an appositive or any other span
dropped. What fails, each with its kind and a reason in plain words (it goes back to the model in a
re-ask and into a report's warning):

- ``unsupported-words``: a content word (noun, verb, adjective, adverb, name) that neither the
  sentences nor a synonym of one of their words has;
- ``negation``: a negation added to or removed from a word the sentences use;
- ``hedge``: a modal ("may", "would"), a framing verb ("expected to", "plans to", "said"), a
  hedging adverb ("allegedly"), an attribution ("according to"), a condition ("if") or a hedging
  modifier ("proposed") that governs what the statement repeats, dropped or changed;
- ``roles``: who did what to whom changed: the doer or the undergoer of a verb is not the one the
  sentences give that verb (active and passive compared as agent and patient);
- ``antonym``: a word whose WordNet antonym (or un-/in-/dis- opposite) the sentences use;
- ``number``: a number, number word or date the sentences do not state;
- ``unfinished``: no sentence end, unbalanced quotes or brackets, a trailing function word or comma,
  a subordinate clause with no main clause ("Although the economy grew 2.5%."),
  a comma and conjunction left where the sentences have a phrase before them ("Slepian, and the
  father" from "Slepian, 52, and the father"), or a stop at a function word after which the cited sentences go on with what it governs ("images
  of the Pope in." where they say "in Cuba"); a statement ending as a cited sentence ends passes;
- ``about-the-task``: text about the task ("the sentence", "the claim", "a neutral tone");
- ``misquote``: words in quotation marks that are not the sentences' words in that order.

Why a lexicon and which one: synonyms and antonyms come from WordNet 3.0 (Princeton; licence in
``factcheck/data/WORDNET-LICENSE``), reduced by ``benchmarks/build_lexicon.py`` to a compact table
(``factcheck/data/lexicon.tsv.gz``). WordNet is sense-blind: "charge" shares a synset with
"bang", "fire" with "sack". So two words count as synonyms only when they share a synset that is
among the *frequent* senses of both (the first three, by SemCor count, a later one only when counted
at least a sixth as often as the first), which keeps "buy"/"purchase", "said"/"stated",
"big"/"large" and drops the rare senses through which inserted content would slip. A statement may
also use a hypernym of a frequent sense, the more general word ("informed" for "told"; for verbs
two levels up, "increased" for "rose"), never the more specific one; an adjective's head for its
satellite ("big" for "massive"); and a verb, adjective or adverb in its frequent sense for a rarer
sense of the sentences' word ("decreased" for "fell", "significant" for "important"). A dropped
attribution is not excused by a rare sense ("ordered" is one of "said"'s).

Acronyms: "FAA" passes where the sentences (or, with ``context``, the article) have a run of
capitalised words with those initials ("Federal Aviation Administration"), and the reverse; any
other acronym is an unsupported word. Antonyms are WordNet's direct antonym pairs
(and an adjective's satellites against the opposite head); they only name the reason for a word
that is unsupported anyway. No network, no NLTK: the table (0.7 MB) ships with the package; its
lines are read once (~0.05 s) and a word decoded when first asked about.

Speed: the statement is parsed without spaCy's entity recogniser (unused here; it is half the
parse), and each set of cited sentences is analysed once (cached), so the pipeline can call `check`
hundreds of times per article.
"""

from __future__ import annotations

import datetime as dt
import gzip
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from .article import quoted_spans
from .dates import iso_week, tag  # iso_week: the tagger's own spelling of a week
from .nlp import cached, parse_many, parse_without_entities as parse
from .syntax import subordinate_only

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

KINDS = (
    "unsupported-words",
    "negation",
    "hedge",
    "roles",
    "antonym",
    "number",
    "unfinished",
    "about-the-task",
    "misquote",
)


@dataclass(frozen=True)
class Problem:
    kind: str  # one of KINDS
    message: str  # plain words, e.g. 'adds "not": the cited sentences do not negate "accept"'

    def __str__(self) -> str:
        return self.message


# ---------------------------------------------------------------------------------------------
# The lexicon


class _Lexicon:
    """The table of benchmarks/build_lexicon.py: one line per word, decoded when the word is first
    asked about (decoding all ~66,000 words cost ~0.4 s of CPU on every run; a report asks about a
    few hundred)."""

    def __init__(self, rows: dict[str, str]) -> None:
        self._rows = rows  # "rise" -> "senses<TAB>broader<TAB>rare<TAB>antonyms", undecoded
        self._entries: dict[str, _Entry] = {}
        self.senses = _Senses(self)  # `word in senses`: whether a word has a frequent sense

    def entry(self, word: str) -> _Entry:
        entry = self._entries.get(word)
        if entry is None:
            row = self._rows.get(word)
            if row is None:  # not cached: names and numbers would grow the cache without end in `serve`
                return _NO_ENTRY
            entry = self._entries[word] = _decode(row)
        return entry

    def synonyms(self, a: str, b: str) -> bool:
        """Whether `a` and `b` share a frequent sense. Synsets have one part of speech, so a shared
        one needs both words in it, and the tagger's part of speech need not be trusted."""
        return a == b or bool(self.sets(a) & self.sets(b))

    def sets(self, word: str) -> frozenset[int]:
        """A word's frequent synsets ("buy" -> the ids of its frequent senses)."""
        return self.entry(word).senses

    def covered(self, word: str) -> frozenset[int]:
        """The synsets a word of the sentences supports: its frequent senses and their hypernyms (a
        statement may say "increased" for "rose", not "soared" for "rose"), an adjective's head."""
        entry = self.entry(word)
        return entry.senses | entry.broader

    def rarely(self, word: str, pos: str | None) -> frozenset[int]:
        """A verb's, adjective's or adverb's rarer senses: a statement's word of the same part of
        speech in its frequent sense may name one ("decreased" for "fell"); the part of speech is
        kept, or "orders" (a noun) would meet "say" through the verb "order"."""
        return self.entry(word).rare.get(pos, _EMPTY) if pos else _EMPTY

    def supports(self, source: str, word: str) -> bool:
        """Whether the sentences' `source` word supports the statement's `word` (see `covered`)."""
        return source == word or bool(self.sets(word) & self.covered(source))

    def opposite(self, a: str, b: str) -> bool:
        return b in self.entry(a).antonyms or _prefixed_opposite(a, b)


@dataclass(frozen=True)
class _Entry:
    senses: frozenset[int]  # the word's frequent synsets, all parts of speech
    broader: frozenset[int]  # the hypernyms of those ("grow", "increase" for "rise"), an adjective's head
    rare: dict[str, frozenset[int]]  # part of speech -> rarer senses seen in SemCor ("decrease" for "fall")
    antonyms: frozenset[str]  # "fall" for "rise", both ways


class _Senses(Mapping[str, frozenset[int]]):
    """The words with a frequent sense, as a read-only mapping to their synsets; `word in senses`
    decodes that word only."""

    def __init__(self, lexicon: _Lexicon) -> None:
        self._lexicon = lexicon

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and bool(self._lexicon.sets(word))

    def __getitem__(self, word: str) -> frozenset[int]:
        ids = self._lexicon.sets(word)
        if not ids:
            raise KeyError(word)
        return ids

    def __iter__(self) -> Iterator[str]:
        return (word for word, row in self._lexicon._rows.items() if not row.startswith("\t"))

    def __len__(self) -> int:
        return sum(1 for _ in self)


_EMPTY: frozenset[int] = frozenset()
_NO_ENTRY = _Entry(_EMPTY, _EMPTY, {}, frozenset())


def _ids(field: str) -> frozenset[int]:
    return frozenset(map(int, field.split(","))) if field else _EMPTY


def _decode(row: str) -> _Entry:
    senses, broader, rare, antonyms = row.split("\t")
    return _Entry(
        _ids(senses),
        _ids(broader),
        {pos: _ids(ids) for pos, _, ids in (group.partition(":") for group in rare.split(";"))} if rare else {},
        frozenset(antonyms.split(",")) if antonyms else frozenset(),
    )


@lru_cache(maxsize=1)
def lexicon() -> _Lexicon:
    """The shipped table, loaded once. Built by benchmarks/build_lexicon.py from WordNet 3.0."""
    try:
        raw = resources.files("factcheck.data").joinpath("lexicon.tsv.gz").read_bytes()
    except FileNotFoundError:  # a checkout before the table was built: exact words only
        return _Lexicon({})
    lines = gzip.decompress(raw).decode().splitlines()
    return _Lexicon(dict(line.split("\t", 1) for line in lines if not line.startswith("#")))


_NEG_PREFIXES = ("un", "in", "im", "il", "ir", "dis", "non", "non-")


def _prefixed_opposite(a: str, b: str) -> bool:
    """'unlikely'/'likely', 'illegal'/'legal', 'disagree'/'agree'."""
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 4 and any(long_ == p + short for p in _NEG_PREFIXES)


# ---------------------------------------------------------------------------------------------
# Tokens


_WN_POS = {"NOUN": "n", "VERB": "v", "ADJ": "a", "ADV": "r"}
_KEY_FIX = {"%": "percent", "pct": "percent", "per": "per", "$": "dollar", "wo": "will", "ca": "can", "sha": "shall", "'d": "would", "’d": "would", "'ll": "will", "’ll": "will", "n’t": "not", "n't": "not"}
# Adverbs and verbs that add no content of their own: "also said", "has been", "did".
_LIGHT = frozenset(
    """be have do get also too very so then now just even still there here however meanwhile
    indeed already again yet further well that this additionally moreover furthermore besides likewise
    instead though accord according""".split()
)
_FUNCTION_POS = frozenset({"DET", "ADP", "PRON", "AUX", "CCONJ", "SCONJ", "PART", "PUNCT", "SYM", "SPACE", "X", "INTJ"})
_NEGATORS = frozenset({"not", "never", "no", "nobody", "nothing", "none", "neither", "nor", "nowhere", "n't"})
_PRONOUNS = frozenset(
    """i me my we us our you your he him his she her it its they them their this that these those
    who whom whose which what one someone somebody anyone everyone""".split()
)


def _key(tok: Token) -> str:
    """The word as the alignment compares it: lemma, lower case, contractions and symbols spelled
    out, without the full stop of its sentence where the tokenizer took that into the word."""
    lower = tok.text.lower()
    if lower in _KEY_FIX:
        return _KEY_FIX[lower]
    lemma = tok.lemma_.lower()
    key = _KEY_FIX.get(lemma, lemma)
    return key[:-1] if _took_stop(tok) and key.endswith(".") else key


_CLOSING = frozenset({'"', "'", "''", "”", "’", ")", "]", "``"})


def _took_stop(tok: Token) -> bool:
    """A word that ends its text with the full stop taken into it: "celebrated Mass.", "in Seattle,
    Wash.", which the tokenizer reads as abbreviations ("Mass." for Massachusetts). The stop is the
    sentence's; the word may be one the other text has without it ("Mass in the cathedral")."""
    text = tok.text
    return len(text) > 1 and text.endswith(".") and text[-2] != "." and all(t.text in _CLOSING for t in tok.doc[tok.i + 1 :])


def _is_content(tok: Token) -> bool:
    if tok.pos_ in _FUNCTION_POS or tok.pos_ == "NUM":
        return False
    if tok.like_num and (not tok.is_alpha or tok.lower_ in _UNITS or tok.lower_ in _SCALES):
        return False  # a number, judged as one; "first" and "last" stay words
    key = _key(tok)
    return key not in _LIGHT and key not in _NEGATORS and any(c.isalpha() for c in key)


def _stem(word: str) -> str:
    """A crude stem, so that 'quickly' meets 'quick' and 'closure' meets 'closed': a last resort
    after lemmas and synonyms, only for words of five letters or more."""
    for suffix in ("ations", "ation", "ments", "ment", "ness", "ings", "ing", "ures", "ure", "ions", "ion", "ly", "ed", "es", "s", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


# ---------------------------------------------------------------------------------------------
# Acronyms: "FAA" and "Federal Aviation Administration" name the same thing


@dataclass(frozen=True)
class _Names:
    acronyms: frozenset[str]  # acronyms written in the text: "FAA", "U.N." -> "UN"
    formed: frozenset[str]  # acronyms its runs of capitalised words form: "FAA", "OPEC"


# Small words an acronym may skip: "Organization of the Petroleum Exporting Countries" is OPEC.
_ACRONYM_SKIPS = frozenset({"of", "the", "and", "for", "on", "in", "&", "de", "du", "des", "la", "le", "et"})
_CAPITALISED_RUN = re.compile(r"[A-Z][\w'’.-]*(?:\s+(?:(?:of|the|and|for|on|in|&|de|du|des|la|le|et)\s+)*[A-Z][\w'’.-]*)+")


def _acronym(word: str) -> str | None:
    """The letters of an acronym ("FAA", "U.N.", "DoD" -> "DOD"), or None for any other word."""
    letters = word.replace(".", "")
    if not 2 <= len(letters) <= 8 or not letters.isalpha() or sum(c.isupper() for c in letters) < 2 or not letters[0].isupper():
        return None
    return letters.upper() if letters.isupper() or sum(c.isupper() for c in letters) >= len(letters) - 1 else None


@lru_cache(maxsize=256)
def _names(text: str) -> _Names:
    acronyms = {a for w in re.findall(r"[\w.&]+", text) if (a := _acronym(w.rstrip(".") if w.count(".") == 1 else w))}
    formed = set()
    for run in _CAPITALISED_RUN.finditer(text):
        words = run.group().split()
        # every stretch of two or more capitalised words ("the Federal Aviation Administration's"),
        # the small words between them skipped ("OPEC") or not ("DOD" for Department of Defense)
        capitals = [w[0] for w in words if w[0].isupper()]
        every = [w[0] for w in words]
        for initials in (capitals, every):
            for i in range(len(initials)):
                for j in range(i + 2, len(initials) + 1):
                    if initials[i].isupper() and initials[j - 1].isupper():
                        formed.add("".join(initials[i:j]).upper())
    return _Names(frozenset(acronyms), frozenset(formed))


def _spelled_out(doc: Doc, acronyms: frozenset[str]) -> set[int]:
    """The indexes of the statement's capitalised words that spell out one of `acronyms`."""
    if not acronyms:
        return set()
    found: set[int] = set()
    tokens = list(doc)
    for start, tok in enumerate(tokens):
        if not tok.text[:1].isupper():
            continue
        letters, members = "", []
        for t in tokens[start:]:
            if t.text in _ACRONYM_SKIPS and members:  # lower case: "of" in "Department of Defense"
                continue
            if not t.text[:1].isupper() or not t.is_alpha:
                break
            letters += t.text[0]
            members.append(t.i)
            if len(members) >= 2 and letters.upper() in acronyms:
                found.update(members)
    return found


# ---------------------------------------------------------------------------------------------
# The cited sentences, analysed once


@dataclass(frozen=True)
class _Source:
    docs: tuple
    text: str  # the sentences joined by spaces
    keys: frozenset[str]  # every token's key and lower-case text
    stems: frozenset[str]
    content: tuple  # (key, wn pos, text) of content tokens
    negated: frozenset[str]  # keys of words under a negation
    negations: tuple  # (its sentence's words, the words it governs, all its words) for each negation
    plain: tuple  # per sentence: (its words, the words it uses un-negated, all its words)
    frames: tuple  # (marker, governed word, what, content words governed) of every framing word
    participants: tuple  # (verb key, agents, patients, verb) of every verb
    modals: frozenset[str]  # modal classes used
    numbers: frozenset[float]
    dates: frozenset[str]  # values and lower-case texts of dates
    words: tuple[str, ...]  # lower-case word sequence, for quotations
    synsets: frozenset[tuple]  # (tagged part of speech, synset): the content words' frequent senses, hypernyms, adjective heads
    frequent: frozenset[int]  # the frequent senses alone
    wordset: frozenset[str]
    endings: frozenset[tuple[str, ...]]  # each sentence's last three words: a statement may end as one does
    goes_on: dict  # last three words at a function word the sentences continue after -> what follows it
    names: _Names  # acronyms the sentences use or spell out
    rare: frozenset[tuple[str, int]]  # (part of speech, synset): the rarer senses of the content words


@lru_cache(maxsize=2048)
def _source(texts: tuple[str, ...], published: dt.date | None = None) -> _Source:
    parse_many(texts)  # in one batch, where several are new
    docs = tuple(parse(t) for t in texts)
    text = " ".join(texts)
    tokens = [t for d in docs for t in d]
    keys = {_key(t) for t in tokens} | {t.text.lower() for t in tokens}
    keys |= {k[:-1] for k in keys if len(k) > 1 and k.endswith(".")}  # "Wash." said mid-sentence: a statement's last "Wash." is keyed "wash"
    # A hyphenated word the tokenizer keeps whole ("30%-owned") has the words a statement may write apart ("30 percent-owned").
    keys |= {_KEY_FIX.get(p, p) for t in tokens if "-" in t.text[1:-1] for w in t.text.lower().split("-") for p in (w, w.strip("0123456789.,")) if p}
    dates = set()
    for t in texts:
        for timex in tag(t, published):
            # A weekday that may name either of two days states neither ('said Friday': its words only).
            dates |= {timex.text.lower()} | ({timex.value} if timex.alternative is None else set())
            dates |= {timex.value_end} if timex.value_end else set()
    return _Source(
        docs=docs,
        text=text,
        keys=frozenset(keys),
        stems=frozenset(_stem(k) for k in keys if len(k) >= 5),
        content=tuple((_key(t), _WN_POS.get(t.pos_), t.text) for t in tokens if _is_content(t)),
        negated=frozenset(k for d in docs for k in _negated(d)),
        negations=_negation_groups(docs),
        plain=tuple(_plain(d) for d in docs),
        frames=tuple((m, g, what, frozenset(scope - _LIGHT)) for d in docs for m, g, what, scope in _frames(d)),
        participants=tuple(f for d in docs for f in _participants(d)),
        modals=frozenset(c for d in docs for c in _modal_classes(d)),
        numbers=frozenset(n for t in texts for n, _ in _numbers(t)),
        dates=frozenset(dates),
        words=_quote_words(text),
        wordset=frozenset(_quote_words(text)),
        synsets=frozenset((_WN_POS.get(t.pos_), i) for t in tokens if _is_content(t) for w in {_key(t), t.text.lower()} for i in lexicon().covered(w)),
        frequent=frozenset(i for t in tokens if _is_content(t) for w in {_key(t), t.text.lower()} for i in lexicon().sets(w)),
        endings=frozenset(_quote_words(t)[-3:] for t in texts),
        goes_on={k: v for d in docs for k, v in _continued(d).items()},
        names=_names(text),
        rare=frozenset((pos, i) for t in tokens if _is_content(t) and (pos := _WN_POS.get(t.pos_)) for i in _any_rare(_key(t))),
    )


def _continued(doc: Doc) -> dict[tuple[str, ...], str]:
    """The function words after which a sentence goes on with words they govern ("in" of "in Cuba",
    "this" of "this year", "and" of "and Britain"), keyed by the three words ending at them: a
    statement that stops there was cut off, however its own parse reads the stump."""
    found = {}
    words = [t for t in doc if not t.is_punct]
    for n, tok in enumerate(words):
        if tok.pos_ not in _TRAILING_FUNCTION_POS | {"DET", "PART", "AUX"} and tok.lower_ not in _CAN_END:
            continue
        if n + 1 >= len(words):
            continue
        if tok.dep_ == "prt":  # "put up" of "they put up a giant cross": the verb's object follows
            governs = any(c.dep_ == "dobj" and c.i > tok.i for c in tok.head.children)
        else:
            governs = tok.right_edge.i > tok.i or (tok.head.i > tok.i and tok.pos_ in ("DET", "SCONJ", "PART", "AUX", "ADP"))
        if governs:
            key = _quote_words(" ".join(t.text for t in words[max(0, n - 2) : n + 1]))[-3:]
            found[key] = " ".join(t.text for t in words[n : n + 4])
    return found


def _literal(tok: Token, src: _Source) -> bool:
    """The sentences have the word itself, inflected or derived ("closure" for "closed")."""
    key = _key(tok)
    return key in src.keys or tok.text.lower() in src.keys or (len(key) >= 5 and _stem(key) in src.stems)


def _supported(tok: Token, src: _Source) -> bool:
    if _literal(tok, src):
        return True
    lex = lexicon()
    key = _key(tok)
    # a hypernym between words the tagger gives one part of speech: not "changes" (a noun) for
    # "settles" (a verb, two levels under the verb "change")
    pos = _WN_POS.get(tok.pos_)
    if any((pos, i) in src.synsets for i in lex.sets(key) | lex.sets(tok.text.lower())):
        return True
    # a rarer sense of a verb, adjective or adverb, between words the tagger gives one part of
    # speech: not "orders" (a noun) for "say" (a verb); not nouns, where one brought in from
    # elsewhere would too often meet some sense
    return pos in ("v", "a", "r") and any((pos, i) in src.rare for i in lex.sets(key))


# ---------------------------------------------------------------------------------------------
# The checks


def check(statement: str, sources: Sequence[str], *, published: dt.date | None = None, context: str = "") -> list[Problem]:
    """The problems that make `statement` unfaithful to `sources` (the cited sentences' texts, in
    article order); none when the sentences support it. With the article's `published` date,
    relative dates resolve ("on Sunday" states "May 11, 2025"); without it they compare as written.
    `context`, the article's text, only lets a name be written as the acronym the article spells
    out elsewhere ("FAA" for a cited "the agency", where the article names the Federal Aviation
    Administration), or the reverse."""
    statement = " ".join(statement.split())
    if not any(c.isalnum() for c in statement):
        return [Problem("unfinished", "is empty: it has no words")]
    if not sources:
        return [Problem("unsupported-words", "cites no sentence")]
    src = _source(tuple(" ".join(s.split()) for s in sources), published)
    doc = parse(statement)
    problems = _unfinished(statement, doc, src)
    problems += _broken_coordination(statement, src)
    problems += _about_task(statement, src)
    problems += _misquotes(statement, src)
    dates = [t for t in tag(statement, published) if t.type in ("DATE", "TIME")]
    problems += _number_problems(statement, dates, src)
    problems += _negation(doc, src)
    problems += _hedges(doc, src)
    if not _verbatim(statement, src):  # the article's own words, in their order, change no one's role
        problems += _roles(doc, src)
    # a date's words ("Monday") are judged as a date, not again as words
    problems += _words(doc, src, skip=[(t.start, t.end) for t in dates], names=_names(context) if context else None)
    return problems


# (g) unfinished ------------------------------------------------------------------------------

_ENDS = ".!?…"
_CLOSERS = "\"'”’)]»"
_TRAILING_FUNCTION_POS = frozenset({"DET", "ADP", "CCONJ", "SCONJ"})
# Words no English sentence ends on; "all", "that", "in", "out" can ("He ate it all", "They got in").
_DANGLING = frozenset(
    """a an the of to from with and or but nor than whose their its our your my into onto
    upon via per such every whether because although though unless""".split()
)
_CAN_END = frozenset({"all", "that", "this", "those", "these", "in", "out", "on", "off", "up", "down", "over", "about", "along", "around", "before", "since", "too", "either", "both", "each", "some", "any", "none", "many", "much", "more", "most", "which", "what", "there", "here", "so", "yet", "by", "through", "behind", "inside", "outside", "above", "below", "after", "ago", "apart", "aside", "away", "back"})


def _unfinished(statement: str, doc: Doc, src: _Source) -> list[Problem]:
    problems = []
    body = statement.rstrip(_CLOSERS + " ")
    if not body or body[-1] not in _ENDS:
        problems.append(Problem("unfinished", "does not end as a sentence ends (no full stop)"))
    for opener, closer in (("“", "”"), ("``", "''"), ("(", ")"), ("[", "]")):
        if statement.count(opener) != statement.count(closer) and src.text.count(opener) == src.text.count(closer):
            problems.append(Problem("unfinished", f"opens {opener} without closing it" if statement.count(opener) > statement.count(closer) else f"closes {closer} it never opened"))
    if statement.count('"') % 2 and src.text.count('"') % 2 == 0:
        problems.append(Problem("unfinished", "has a quotation mark that is never closed"))
    if (marker := subordinate_only(doc)) is not None and not any(statement == d.text for d in src.docs):
        # "Although the economy grew 2.5%.": a subordinate clause left without the main clause it
        # leads to. A cited sentence whole is not one: it lost nothing, and where it reads so the
        # parser misread its main clause ("..., the airline, facing costs, cut flights" with "cut"
        # read as a participle).
        problems.append(Problem("unfinished", f'is a fragment: only the "{marker.lower_}" clause, no main clause'))
    words = [t for t in doc if not t.is_punct]
    ending = _quote_words(statement)[-3:]
    if len(ending) == 3 and ending in src.endings:
        return problems  # it ends as a cited sentence ends ("... had to fight for.")
    if ending and any(e[-1:] == ending[-1:] for e in src.endings) and not src.goes_on.get(ending):
        return problems  # on the word a cited sentence ends on, a side phrase before it dropped ("... shillings each.")
    cut = src.goes_on.get(ending) if ending else None
    if cut and not statement.rstrip(_CLOSERS + " ").endswith(("?", "!")):
        problems.append(Problem("unfinished", f'stops at "{words[-1].text if words else ending[-1]}", where the cited sentences go on: "{cut}"'))
        return problems
    last_word = re.search(r"([^\W\d_]+)\W*$", statement)
    if last_word and last_word.group(1).lower() in _DANGLING and not re.fullmatch(r"[A-Z]", last_word.group(1)):
        problems.append(Problem("unfinished", f'ends on "{last_word.group(1)}", mid-sentence'))
    elif words and words[-1].pos_ in _TRAILING_FUNCTION_POS and words[-1].dep_ != "prt" and words[-1].lower_ not in _CAN_END:
        problems.append(Problem("unfinished", f'ends on "{words[-1].text}", mid-sentence'))
    elif words and _bare_copula(words[-1]):
        problems.append(Problem("unfinished", f'ends on "{words[-1].text}" with nothing after it, mid-sentence'))
    elif re.search(r"[,;:]\s*(?:[\"“]|``)?\s*[.!?]?\s*$", statement):
        problems.append(Problem("unfinished", "ends on a comma or colon, mid-sentence"))
    return problems


_COMMA_CONJUNCTION = re.compile(r"([^\W_]+)[\"”’']?, (and|or|but|nor) ([^\W_]+)", re.I)


def _broken_coordination(statement: str, src: _Source) -> list[Problem]:
    """ "Slepian, and the father of four boys, was shot" from "Slepian, 52, and the father ...": a
    comma and a conjunction right after a word the cited sentences follow with a phrase before that
    conjunction. What was cut was the first half of a coordination, and what is left reads as a
    second participant or as nothing at all. Not so where the conjunction joins a clause with a
    subject of its own ("The firm sold its plant, which employed 300 workers, and the union
    protested" shortened to "The firm sold its plant, and the union protested"), or a verb or
    prepositional phrase whose first half is outside the phrase cut ("He visited Paris, where ...,
    and flew to Rome"): the side phrase went whole, and what is left is the sentence's own
    coordination."""
    problems = []
    for m in _COMMA_CONJUNCTION.finditer(statement):
        before, conj, after = (re.escape(g) for g in m.groups())
        if re.search(rf"\b{before}\W*,?\s*{conj}\s+{after}\b", src.text, re.I):
            continue  # the sentences join them so too
        cut = re.search(rf"\b{before}\W*,\s*([^.;:!?]{{1,80}}?),\s*({conj})\s+{after}\b", src.text, re.I)
        if cut and not _joins_what_stays(src, cut.start(1), cut.end(1), cut.start(2)):
            problems.append(Problem("unfinished", f'is garbled: "{m.group(0)}" lacks what the cited sentences put before "{m.group(2)}" ("{cut.group(1)}")'))
    return problems


def _joins_what_stays(src: _Source, start: int, end: int, at: int) -> bool:
    """Whether the conjunction at character `at` of the sentences' joined text coordinates something
    outside the phrase [start, end) before it with what follows it: a clause with a subject of its
    own, or a verb or prepositional phrase whose first conjunct lies outside the phrase ("servers,
    which link computers, and in design": "in design" joins "in applications such as servers"). A
    noun phrase after it ("and the father of four boys") may be the phrase's second half or another
    participant: no parse says which, so it is not excused."""
    offset = 0
    for doc in src.docs:
        if at < offset + len(doc.text):
            break
        offset += len(doc.text) + 1
    else:
        return False
    cc = next((t for t in doc if t.idx + offset == at), None)
    if cc is None:
        return False
    conjunct = next((c for c in cc.head.children if c.dep_ == "conj" and c.i > cc.i), None)
    if conjunct is None or conjunct.pos_ in ("NOUN", "PROPN", "PRON", "NUM", "DET"):
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in conjunct.children):
        return True
    return not start <= conjunct.head.idx + offset < end


def _bare_copula(tok: Token) -> bool:
    """ "... said it was.": a reported clause whose verb "be" lost its complement."""
    return (
        _key(tok) == "be"
        and tok.dep_ in ("ccomp", "relcl", "advcl")
        and any(c.dep_ in ("nsubj", "expl") for c in tok.children)
        and not any(c.i > tok.i and not c.is_punct for c in tok.children)
    )


# (h) about the task ---------------------------------------------------------------------------

_TASK = re.compile(
    r"\b(?:the|this|that|above|following)\s+(?:sentence|claim|statement|summary|article|text|passage|"
    r"task|prompt|excerpt|paragraph|instruction|answer|output|speaker|outlet)s?\b|\bneutral tone\b|"
    r"\bpersonal opinions?\b|\bas an ai\b|\blanguage model\b|\bhere is\b|\bin summary\b|\bis written\b|"
    r"\bmakes? a claim\b|\brewritten\b|\bstatistical (?:claim|lie)\b",
    re.IGNORECASE,
)


def _about_task(statement: str, src: _Source) -> list[Problem]:
    source = src.text.lower()
    for match in _TASK.finditer(statement):
        if match.group().lower() not in source:
            return [Problem("about-the-task", f'talks about the task ("{match.group()}"), not about what the article says')]
    return []


# (i) misquotes --------------------------------------------------------------------------------

_WORDS = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")


def _misquotes(statement: str, src: _Source) -> list[Problem]:
    problems = []
    for start, end in quoted_spans(statement):  # every quotation style, as the rest of the code reads them
        quoted = statement[start + (2 if statement.startswith("``", start) else 1) : end]
        for part in re.split(r"\.\.\.|…|\[[^\]]*\]", quoted):
            words = _quote_words(part)
            if words and not _contains(src.words, words):
                problems.append(Problem("misquote", f'quotes "{quoted.strip()}", but the cited sentences do not say these words in this order'))
                break
    return problems


_CONTRACTIONS = [(re.compile(p), r) for p, r in (
    (r"\bwon't\b", "will not"), (r"\bcan't\b", "can not"), (r"\bcannot\b", "can not"), (r"\bshan't\b", "shall not"),
    (r"n't\b", " not"), (r"'re\b", " are"), (r"'m\b", " am"), (r"'ve\b", " have"), (r"'ll\b", " will"), (r"'d\b", " would"),
)]


def _quote_words(text: str) -> tuple[str, ...]:
    """Lower-case words with contractions and "%" spelled out: neither changes a quotation."""
    text = text.lower().replace("’", "'").replace("%", " percent")
    for pattern, spelled in _CONTRACTIONS:
        text = pattern.sub(spelled, text)
    return tuple(_WORDS.findall(text))


def _contains(haystack: tuple[str, ...], needle: tuple[str, ...]) -> bool:
    n = len(needle)
    first = needle[0]
    return any(haystack[i : i + n] == needle for i, w in enumerate(haystack) if w == first)


# (f) numbers and dates ------------------------------------------------------------------------

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
}
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
    "tenth": 10, "eleventh": 11, "twelfth": 12, "twentieth": 20, "hundredth": 100,
}
_SCALES = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "m": 1e6, "bn": 1e9, "mln": 1e6, "bln": 1e9}
_NUMBER = re.compile(
    r"(?<![\w.])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:st|nd|rd|th)?(?![\w])|"
    r"\b(?:" + "|".join(sorted(_UNITS | _ORDINALS, key=len, reverse=True)) + r")(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?\b",
    re.IGNORECASE,
)
_SCALE_AFTER = re.compile(r"^[\s-]*(" + "|".join(_SCALES) + r")\b", re.IGNORECASE)


def _numbers(text: str) -> list[tuple[float, str]]:
    """Every number in `text` as a value, with the words that state it: '3.5 million' -> 3.5e6,
    'three' -> 3, 'a dozen' -> 12, '1,200' -> 1200, '5th' -> 5."""
    found = []
    for match in _NUMBER.finditer(text):
        word = match.group().lower()
        value = _value(word)
        if value is None:
            continue
        spelled = match.group()
        scale = _SCALE_AFTER.match(text[match.end() :])
        if scale:
            value *= _SCALES[scale.group(1).lower()]
            spelled = text[match.start() : match.end() + scale.end()]
        found.append((value, spelled))
    # a bare scale word ("millions", "a hundred") states an order of magnitude
    for match in re.finditer(r"\ba (hundred|thousand|million|billion)\b", text, re.IGNORECASE):
        found.append((_SCALES[match.group(1).lower()], match.group()))
    return found


def _value(word: str) -> float | None:
    word = re.sub(r"(st|nd|rd|th)$", "", word) if word[:1].isdigit() else word
    if word[:1].isdigit():
        return float(word.replace(",", ""))
    parts = re.split(r"[- ]", word)
    total = 0.0
    for part in parts:
        if part in _UNITS:
            total += _UNITS[part]
        elif part in _ORDINALS:
            total += _ORDINALS[part]
        else:
            return None
    return total


_DATE_MODIFIERS = frozenset(
    "early late mid middle end beginning start first last next past previous coming this that before after".split()
)


def _number_problems(statement: str, dates: list, src: _Source) -> list[Problem]:
    problems = []
    for timex in dates:
        text = timex.text.lower()
        stated = _value_read(statement, timex) in src.dates or text in src.dates or text in src.text.lower()
        # "the early 1970s" and "the late 1970s" resolve alike: their modifiers must match too
        if not stated or not (set(_quote_words(text)) & _DATE_MODIFIERS) <= src.wordset:
            problems.append(Problem("number", f'has the date "{timex.text}", which the cited sentences do not state'))
    blanked = statement
    for timex in reversed(dates):
        blanked = blanked[: timex.start] + " " * (timex.end - timex.start) + blanked[timex.end :]
    for value, spelled in _numbers(blanked):
        if value in src.numbers:
            continue
        if value == 1 and spelled.lower() in {"one", "first"}:  # "one of them", "first": rarely a figure
            continue
        problems.append(Problem("number", f'has the number "{spelled}", which the cited sentences do not state'))
    return problems


_WEEK_OF = re.compile(r"\bweek of\s*$", re.I)


def _value_read(statement: str, timex) -> str:
    """The date a statement states: a day after "week of" states its week, as code glosses a week
    ("this week (week of 20 April 1998)"), whichever way round the day and month are written."""
    if _WEEK_OF.search(statement[: timex.start]) and re.fullmatch(r"\d{4}-\d\d-\d\d", timex.value or ""):
        return iso_week(dt.date.fromisoformat(timex.value))
    return timex.value


# (b) negation ---------------------------------------------------------------------------------


def _negations(doc: Doc) -> list[tuple[str, ...]]:
    return [group for _, group in _negators(doc)]


@cached()
def _negators(doc: Doc) -> list[tuple[Token, tuple[str, ...]]]:
    """For each negation, the words it governs (key and lower-case text, as the tagger may read
    "related" as a verb in one sentence and an adjective in the other), the negated word first: the
    verb of 'did not accept', the noun and verb of 'no one was hurt', the verb of 'must not go' (a
    negated auxiliary negates its verb, never the clause a parse hangs it under: not "say" in "X
    must not go, he said"), what a negated "be" says ("is not for sale": "sale")."""
    found = []
    for tok in doc:
        key = _key(tok)
        if key not in _NEGATORS or (key == "not" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "only"):
            continue
        head = tok.head
        governed = [head]
        if head.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "pobj") or (head.pos_ == "AUX" and head.dep_ in ("aux", "auxpass")):
            governed.append(head.head)
        for child in head.children:  # "was not hurt": the negation also covers the participle
            if child.dep_ in ("acomp", "xcomp", "attr"):
                governed.append(child)
            elif child.dep_ == "prep" and _key(head) == "be":  # "is not in compliance"
                governed += [c for c in child.children if c.dep_ == "pobj"]
        # a light verb ("has", "did") only as the negated main verb itself ("it's not done yet")
        words = [w for t in governed for w in (_key(t), t.lower_) if _key(t) not in _LIGHT or (t is head and t.pos_ == "VERB")]
        words = words or [_key(head), head.lower_]  # "... that it is not.": the bare verb itself
        found.append((tok, tuple(dict.fromkeys(words))))
    return found


def _negated(doc: Doc) -> set[str]:
    """The words a negation governs (see `_negations`)."""
    return {k for group in _negations(doc) for k in group}


def _uses(doc: Doc) -> frozenset[str]:
    """The keys and lower-case texts of a text's words, less function words: what a negation may govern."""
    return frozenset(w for t in doc if t.pos_ not in _FUNCTION_POS and not t.like_num for w in (_key(t), t.lower_))


def _negation_groups(docs: Sequence[Doc]) -> tuple[tuple[frozenset[str], tuple[str, ...], frozenset[str]], ...]:
    """(words of its sentence, what it negates, all its sentence's words) for every negation of the cited sentences."""
    return tuple((_uses(d), group, _every_word(d)) for d in docs for group in _negations(d))


def _every_word(doc: Doc) -> frozenset[str]:
    """The keys of all a text's words, function words and numbers too: what tells apart two sentences
    that share as many of a statement's content words."""
    return frozenset(_key(t) for t in doc if not t.is_punct)


def _any_rare(word: str) -> frozenset[int]:
    """A word's rarer senses, whatever its part of speech: only to match the word a negation governs
    ("not be assaulted" for "not be attacked"), where the negation itself is already there."""
    lex = lexicon()
    return lex.rarely(word, "v") | lex.rarely(word, "a") | lex.rarely(word, "r")


def _used_plainly(key: str, statement_keys: set[str], src: _Source) -> bool:
    """Whether the sentences use `key` un-negated, where the statement negates it: not so where the
    sentence that negates a synonym of it ("does not allow" for "does not permit") shares more of
    the statement's words than any sentence using it plainly (another cited sentence's "a permit")."""
    if key not in src.keys:
        return False
    lex = lexicon()
    negating = [own for own, group, _ in src.negations if any(lex.supports(n, key) or lex.synonyms(n, key) for n in group)]
    if not negating:
        return True
    plain = [content for content, uses, _ in src.plain if key in uses]
    return bool(plain) and max(len(c & statement_keys) for c in plain) >= max(len(c & statement_keys) for c in negating)


def _negation(doc: Doc, src: _Source) -> list[Problem]:
    problems = []
    negated = _negated(doc)
    statement_keys = {_key(t) for t in doc if _is_content(t)}
    lex = lexicon()
    for tok, group in _negators(doc):
        heads = {_key(tok.head)} | ({_key(tok.head.head)} if tok.head.dep_ != "ROOT" else set()) | set(group)
        # a synonym of a negated word keeps the negation ("not be assaulted" for "not be
        # attacked"), unless the statement negates a word the sentences use un-negated
        literal = _used_plainly(_key(tok.head), statement_keys, src)
        if not heads & src.negated and (literal or not any(lex.supports(n, h) or lex.sets(h) & _any_rare(n) for n in src.negated for h in heads)):
            problems.append(Problem("negation", f'adds "{tok.text}": the cited sentences do not negate "{tok.head.text}"'))
    problems += _dropped_negations(doc, negated, src)
    return problems


def _plain(doc: Doc) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(a sentence's words, the words it uses un-negated, all its words)."""
    words = _uses(doc)
    return words, words - _negated(doc), _every_word(doc)


def _dropped_negations(doc: Doc, negated: set[str], src: _Source) -> list[Problem]:
    """A negation of the sentences whose words the statement repeats un-negated. Kept when the
    statement negates any word it governs or a synonym of one ("did not allow banks to lend" for
    "did not permit banks to lend"); not taken from a sentence the statement does not draw on: a
    word another cited sentence uses un-negated, and that sentence shares more of the statement's
    words, is that sentence's ("the strike will end" beside "the lockout will not end"), as is one
    that shares as many and more of its words all told ("The rights can be exercised for $100 each"
    beside "rights that aren't exercised by others")."""
    lex = lexicon()
    statement_keys = _uses(doc)
    every = _every_word(doc)
    dropped: list[str] = []
    for own, group, own_every in src.negations:
        repeated = [k for k in group if k in statement_keys and k not in _LIGHT and k not in negated]
        # the statement negates a word it governs, or the negated word in other words (a word that
        # another negation of the sentences governs is that one's: "no. 225 said" is no "did not mention")
        if not repeated or any(k in negated for k in group) or any(
            lex.synonyms(group[0], n) or lex.supports(group[0], n) for n in negated - src.negated
        ):
            continue
        shared = (len(own & statement_keys), len(own_every & every))
        repeated = [k for k in repeated if not any(
            k in plain and (len(content & statement_keys), len(words & every)) > shared for content, plain, words in src.plain
        )]
        if repeated and repeated[0] not in dropped:  # one word a negation: "related", not "relate" too
            dropped.append(repeated[0])
    return [Problem("negation", f'drops a negation: the cited sentences negate "{key}"') for key in sorted(dropped)]


# (c) hedges, modality, conditions, attribution -----------------------------------------------

_MODAL_CLASSES = {
    "may": {"possible"}, "might": {"possible"}, "could": {"possible", "can"}, "can": {"can"},
    "would": {"would"}, "will": {"will"}, "shall": {"will"}, "should": {"should"}, "ought": {"should"},
    "must": {"must"},
}
HEDGE_ADVERBS = _HEDGE_ADVERBS = frozenset(
    """allegedly reportedly apparently possibly probably perhaps likely maybe supposedly purportedly
    seemingly presumably potentially reputedly ostensibly""".split()
)
_HEDGE_MODIFIERS = frozenset(
    """proposed planned alleged suspected possible potential expected likely reported so-called purported
    would-be prospective planned rumored rumoured tentative draft presumed apparent""".split()
)
_CONDITIONS = frozenset({"if", "unless", "whether", "provided", "providing", "once", "until", "lest"})


def _modal_classes(doc: Doc) -> set[str]:
    return {c for t in doc if t.tag_ == "MD" for c in _MODAL_CLASSES.get(_key(t), {_key(t)})}


def _content_keys(tok: Token, without: Token | None = None) -> set[str]:
    """The content words of `tok`'s phrase, less the phrase of `without`."""
    skip = set(range(without.left_edge.i, without.right_edge.i + 1)) if without is not None else set()
    return {_key(t) for t in tok.subtree if t.i not in skip and _is_content(t)}


def _modal_scope(head: Token) -> set[str]:
    """What a modal or hedge on `head` governs: the head, or for a light verb ("will have new
    meaning") the content words of its clause, less a clause set in it ("Now, she said, it will have
    ...": "said" is the frame around the modal's clause, not what the modal governs)."""
    if _is_content(head):
        return {_key(head)}
    set_in = {t.i for c in head.children if c.dep_ == "parataxis" for t in c.subtree}
    return {_key(t) for t in head.subtree if t.i not in set_in and _is_content(t)}


def _frames(doc: Doc) -> Iterable[tuple[Token, Token, str, set[str]]]:
    """(marker, governed word, what the marker is, the content words it governs): every word that
    frames what other words say. A frame on a verb frames the verbs conjoined with it as much: an
    attribution or "according to" every conjunct ("According to X, he fled and was jailed": "He
    was jailed" drops it); a hedge, modal or negation before the first verb each conjunct with no
    subject or auxiliary of its own ("reportedly seized the town and burned the market")."""
    for marker, governed, what, scope in _own_frames(doc):
        yield marker, governed, what, scope
        if governed.pos_ not in ("VERB", "AUX"):
            continue
        shared = what in ("attribution", "according") or (marker.i < governed.i and what in ("modal", "hedge"))
        for conj in governed.conjuncts if shared else ():
            if conj.i < governed.i or conj.pos_ not in ("VERB", "AUX") or conj.i == marker.i:
                continue
            if what in ("modal", "hedge") and any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in conj.children):
                continue  # a clause of its own: the first verb's hedge does not reach it
            yield marker, conj, what, ({_key(conj)} if what in ("modal", "hedge") else scope)


def _own_frames(doc: Doc) -> Iterable[tuple[Token, Token, str, set[str]]]:
    for tok in doc:
        key = _key(tok)
        head = tok.head
        if tok.tag_ == "MD" or (key in _HEDGE_ADVERBS and tok.dep_ == "advmod"):
            yield tok, head, "modal" if tok.tag_ == "MD" else "hedge", _modal_scope(head)
        elif key in _HEDGE_MODIFIERS and tok.dep_ == "amod":
            yield tok, head, "hedge", {_key(head)}
        elif key in _CONDITIONS and tok.dep_ == "mark" and head.dep_ == "advcl":
            yield tok, head.head, "condition", _content_keys(head.head, without=head)
        elif tok.lower_ == "according" and tok.dep_ == "prep":
            yield tok, head, "according", _content_keys(head, without=tok)
        elif tok.pos_ == "VERB" and not tok.is_punct:  # a hyphen the tagger read as a verb ("re-examine") frames nothing
            for child in tok.children:
                if child.dep_ in ("ccomp", "xcomp") and child.pos_ in ("VERB", "AUX", "ADJ"):
                    yield tok, child, "attribution" if child.dep_ == "ccomp" else "frame", _content_keys(child)
            # "X did Y, the office said": a saying verb with no object of its own, set off by a
            # comma or quote, frames its head (not the clause "the strike will not end" that a
            # saying verb before it governs)
            # "X, the office said, did Y": one set in the clause between commas frames it as much.
            # The comma may be the saying verb's own ("Prices rose, the report said, and demand
            # fell", parsed with "fell" under "said"): its first word is what must follow a mark.
            first = next(t for t in tok.subtree if not t.is_punct)
            if tok.dep_ in ("parataxis", "ccomp") and head.pos_ in ("VERB", "AUX") and (
                (tok.i > head.i and first.i > 0 and doc[first.i - 1].is_punct) or _set_in(tok)) and not any(
                c.dep_ in ("dobj", "ccomp", "xcomp", "mark") for c in tok.children
            ) and any(c.dep_ == "nsubj" for c in tok.children):
                yield tok, head, "attribution", _content_keys(head, without=tok)


def _set_in(tok: Token) -> bool:
    """A clause set off by commas (or dashes) on both sides inside its head's clause: "X, police
    said, was"."""
    doc = tok.doc
    words = [t for t in tok.subtree if not t.is_punct]
    first, last = words[0].i, words[-1].i
    marks = (",", "--", "—", "–")
    return 0 < first and last + 1 < tok.head.i and doc[first - 1].text in marks and doc[last + 1].text in marks


def _hedges(doc: Doc, src: _Source) -> list[Problem]:
    keys = {_key(t) for t in doc}
    content_keys = {_key(t) for t in doc if _is_content(t)}
    # less the names, which a statement may take from a sentence cited for who someone is: its content
    # words, and all its words (numbers and function words too, which tell apart two sentences that
    # share as many content words)
    named = [t for t in doc if t.pos_ == "PROPN" or _glossed(t)]
    unnamed = {_key(t) for t in doc if _is_content(t) and t not in named}
    unnamed_all = {_key(t) for t in doc if not t.is_punct and t not in named}
    said: set[str] = set()
    statement_classes = _modal_classes(doc)
    for marker, governed, what, scope in src.frames:
        overlap = len(scope & content_keys)
        if not overlap or overlap < min(2, len(scope)):
            continue  # the statement does not repeat what the marker governs
        if not _repeats(governed, content_keys):
            continue  # it repeats a participant, not the word the marker governs ("the strike began", not "would not end until")
        if _from_elsewhere(governed, marker, content_keys):
            continue
        if _said_plainly_elsewhere(governed, marker, content_keys, src) or _another_sentences(marker, unnamed, unnamed_all, src):
            continue
        if what in ("modal", "hedge") and _drawn_from_another(marker, scope & content_keys, content_keys, src):
            continue
        mkey = _key(marker)
        if what == "modal":
            # the same auxiliary kept, whatever tag the statement's parse gives it ("One need look", "need" an NN)
            if not _MODAL_CLASSES.get(mkey, {mkey}) & statement_classes and not any(
                _key(t) == mkey and t.pos_ == "AUX" for t in doc
            ):
                said.add(f'drops "{marker.text}": the cited sentences only say "{_between(marker, governed)}"')
        elif what == "according":
            if "accord" not in keys and "according" not in keys and not _attributed(doc, mkey, scope):
                said.add(f'drops the attribution "{_clause(marker, 5)}": say who states it, as the cited sentences do')
        elif mkey not in keys and not _has_synonym(mkey, doc, scope):
            if what == "attribution":
                if not _attributed(doc, mkey, scope):
                    subject = _subject(marker)
                    if subject is not None:
                        said.add(f'drops the attribution: the cited sentences only say that {_clause(subject, 5)} "{marker.text}" it')
                    else:
                        said.add(f'drops the attribution: in the cited sentences it comes from someone "{marker.text}" it')
                continue
            text = _between(marker, governed) if what != "condition" else _clause(marker.head)
            said.add(f'drops "{marker.text}": the cited sentences only say "{text}"')
    for cls in sorted(statement_classes - src.modals):
        modal = next(t.text for t in doc if t.tag_ == "MD" and cls in _MODAL_CLASSES.get(_key(t), {_key(t)}))
        said.add(f'adds "{modal}", which the cited sentences do not say')
    return [Problem("hedge", m) for m in sorted(said)]


def _from_elsewhere(governed: Token, marker: Token, content_keys: set[str]) -> bool:
    """Whether the statement's words that stand for the governed one are the sentence's own words
    elsewhere, outside what the marker governs: "approached for a possible acquisition by X" drawn
    from "..., by X, which agreed to purchase ..." repeats "acquisition", not the "purchase" that
    "agreed" frames, though the two are synonyms."""
    key = _key(governed)
    if key in content_keys:
        return False
    framed = {t.i for t in governed.subtree} | {marker.i}
    outside = {_key(t) for t in governed.doc if t.i not in framed and _is_content(t)}
    matching = {k for k in content_keys if _repeats_key(key, {k})}
    return bool(matching) and matching <= outside


def _said_plainly_elsewhere(governed: Token, marker: Token, content_keys: set[str], src: _Source) -> bool:
    """Whether another cited sentence has the governed word without the frame and shares at least as
    much of the statement: the statement is drawn from that one ("He may have traveled on", citing
    also "the woman who allegedly traveled with him" for who he is)."""
    key = _key(governed)
    own = len(content_keys & {_key(t) for t in marker.doc})
    if marker.pos_ != "ADV" and marker.tag_ != "MD":
        # A verb frame ("failed to report") is the sentence's own, unless another cited sentence has
        # every word the statement shares with what the frame governs and more of the statement
        # besides: the statement is that sentence's ("hired a bank to assist in X", cited for who
        # "the company" is, beside "the company retained Y, assisting in X").
        shared = content_keys & _content_keys(governed)
        return any(
            doc is not marker.doc and any(_key(t) == key for t in doc) and shared <= (keys := {_key(t) for t in doc})
            and len(content_keys & keys) > own
            for doc in src.docs
        )
    return any(
        doc is not marker.doc and any(_key(t) == key for t in doc) and len(content_keys & {_key(t) for t in doc}) >= own
        for doc in src.docs
    )


def _another_sentences(marker: Token, unnamed: set[str], unnamed_all: set[str], src: _Source) -> bool:
    """Whether the statement is another cited sentence's words, a referent named aside: that sentence
    has every content word of the statement but its names (a name in brackets, "She [Elizabeth II]
    is following it closely", or a proper noun put in for "the company"), and shares more of the
    statement than the sentence with the frame ("Sales [at Acme Corp.] rose 50%" beside "Acme Corp.
    said its net rose"): more content words, or as many and more words all told ("The rights can be
    exercised for $100 each" beside "X agreed to exercise any rights"). A sentence cited for who a
    speaker or a company is ("Mayor Reed said Governor Ruiz is taking an interest", "Acme said its
    net rose") lends its "said" to what it says, not to the next sentence the statement repeats;
    that sentence's own frames are checked as its own."""
    if not unnamed:
        return False

    def shared(doc: Doc) -> tuple[int, int]:  # content words first, then all words
        keys = {_key(t) for t in doc}
        return len(unnamed & keys), len(unnamed_all & keys)

    own = shared(marker.doc)  # the names aside here too: they are the frame's sentence's
    return any(doc is not marker.doc and unnamed <= {_key(t) for t in doc} and shared(doc) > own for doc in src.docs)


def _drawn_from_another(marker: Token, shared: set[str], content_keys: set[str], src: _Source) -> bool:
    """Whether the statement is another cited sentence's, not the one whose modal or hedge it would
    drop: another sentence has every word the statement shares with what the marker governs and
    more of the statement besides (a quotation cited beside the sentence that introduces it, "Now,
    she said, it will have new meaning.", shares a word or two with that sentence by chance)."""
    own = len(content_keys & {_key(t) for t in marker.doc})
    return any(
        doc is not marker.doc and shared <= (keys := {_key(t) for t in doc}) and len(content_keys & keys) > own
        for doc in src.docs
    )


def _repeats(governed: Token, content_keys: set[str]) -> bool:
    """Whether the statement has the word a marker governs, or a word it supports; for a function
    word ("is expected to be open", "could do harm"), a word of what it predicates ("open", "harm"),
    and it is taken as repeated when it predicates nothing. A reporting verb of the statement does
    not repeat a verb it is more general than ("said" for "suggest"): it is the statement's own frame."""
    key = _key(governed)
    if not _is_content(governed):
        predicate = {_key(t) for c in governed.children if c.dep_ not in _NOT_PREDICATE for t in c.subtree if _is_content(t)}
        return not predicate or any(_repeats_key(k, content_keys) for k in predicate)
    return _repeats_key(key, content_keys)


# What a verb is said of, or how it is said, rather than what it says: its subject, auxiliaries, marks.
_NOT_PREDICATE = frozenset({"nsubj", "nsubjpass", "csubj", "expl", "aux", "auxpass", "neg", "mark", "punct", "cc", "advmod", "npadvmod", "prep"})


def _repeats_key(key: str, content_keys: set[str]) -> bool:
    if key in content_keys:
        return True
    lex = lexicon()
    return any((lex.supports(key, k) and k not in _REPORTING) or lex.synonyms(key, k) for k in content_keys)


def _subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)


# Verbs and phrases that attribute what follows to a source; one may stand for another.
_REPORTING = frozenset(
    """say tell state add report announce accord according claim note write explain insist warn
    confirm reply answer declare assert maintain argue""".split()
)


def _attributed(doc: Doc, marker: str, scope: set[str]) -> bool:
    """Whether the statement attributes the same content as the sentences' `marker` does: with the
    same verb, a synonym or, for reporting, another reporting word ("said" -> "according to")."""
    lex = lexicon()
    for own, _, what, own_scope in _frames(doc):
        if what not in ("attribution", "according") or not own_scope & scope:
            continue
        key = _key(own)
        if lex.supports(marker, key) or lex.synonyms(key, marker) or (key in _REPORTING and marker in _REPORTING):
            return True
    return False


def _clause(tok: Token, limit: int = 8) -> str:
    words = [t for t in tok.subtree if not t.is_punct or t.i < tok.right_edge.i]
    return "".join(t.text_with_ws for t in words[:limit]).strip() + (" ..." if len(words) > limit else "")


def _between(a: Token, b: Token) -> str:
    """ "expected to announce": the words from one token to the other when they are close."""
    first, last = sorted((a.i, b.i))
    if last - first <= 4:
        return a.doc[first : last + 1].text
    return f"{a.text} ... {b.text}" if a.i < b.i else f"{b.text} ... {a.text}"


def _has_synonym(key: str, doc: Doc, scope: set[str]) -> bool:
    """Whether the statement says the sentences' framing word `key` in other words ("informed" for
    "told", "anticipated to" for "expected to"), framing the same content: a word that merely
    shares a sense ("increased" for "added") elsewhere in the statement does not keep the frame."""
    lex = lexicon()
    for tok in doc:
        if not _is_content(tok) or not lex.supports(key, _key(tok)):
            continue
        # it frames the same words: they are under it ("stated he sees ..."), or it is under them
        # ("..., stated a spokesman")
        if any(_key(t) in scope for t in tok.subtree if t.i != tok.i):
            return True
        if tok.pos_ == "VERB" and tok.dep_ in ("parataxis", "dep", "ccomp", "advcl") and tok.i > tok.head.i and _content_keys(tok.head, without=tok) & scope:
            return True
    return False


# (d) roles ------------------------------------------------------------------------------------


def _participants(doc: Doc) -> list[tuple[str, list[Token], list[Token], Token]]:
    """(verb key, agents, patients, verb) for each verb, passive turned active. Lists, because a
    parse may give a verb two objects; any of them may be the one meant."""
    found = []
    for tok in doc:
        if tok.pos_ != "VERB":
            continue
        agents, patients = [], []
        for child in tok.children:
            if child.dep_ == "nsubj":
                agents.append(child)
            elif child.dep_ in ("nsubjpass", "dobj"):
                patients.append(child)
            elif child.dep_ == "agent":
                agents += [c for c in child.children if c.dep_ == "pobj"]
        if agents or patients:
            found.append((_key(tok), agents, patients, tok))
    return found


def _same_participant(a: Token, b: Token) -> bool:
    """The statement's filler `a` names the sentences' filler `b`: a pronoun on either side, or a
    word of one in the other's phrase (appositives and titles included)."""
    if a.pos_ == "PRON" or b.pos_ == "PRON" or _key(a) in _PRONOUNS or _key(b) in _PRONOUNS or a.tag_ in ("WP", "WDT") or b.tag_ in ("WP", "WDT"):
        return True
    a_words = {_key(t) for t in a.subtree if _is_content(t)} | {_key(a)}
    b_words = {_key(t) for t in b.subtree if _is_content(t)} | {_key(b)}
    if a_words & b_words or a.lower_ == b.lower_:  # "Travelers" first in one sentence (lemma "traveler"), a name in the other
        return True
    a_text, b_text = _clause(a, 8), _clause(b, 8)  # "the FAA" and "the Federal Aviation Administration"
    if any(_acronym(w) in _names(b_text).formed for w in a_text.split()) or any(_acronym(w) in _names(a_text).formed for w in b_text.split()):
        return True
    lex = lexicon()
    return any(lex.synonyms(x, y) for x in a_words for y in b_words)


# The words that name a participant, beside its head: "Lawrence" and "Group" of "Lawrence Group",
# "primary" of "primary insurance"; not a relative clause or a prepositional phrase, whose words
# may name someone else ("a message from Saddam, with whom the king met").
_NAME_DEPS = frozenset({"compound", "amod", "poss", "nmod", "flat", "appos"})


def _core(tok: Token) -> set[str]:
    """The keys of the words that name a participant: its head and the name words beside it."""
    words = {_key(tok)}
    for child in tok.children:
        if child.dep_ in _NAME_DEPS:
            words |= {_key(t) for t in child.subtree if _is_content(t) and (t.head == child or t == child or t.dep_ in _NAME_DEPS)}
    return words


def _likeness(a: Token, b: Token) -> float | None:
    """How surely the statement's filler `a` names the sentences' filler `b`: the same head word (3),
    one's head among the other's name words (1), each other name word they share (1), any other word
    of their phrases they share (a quarter); None for a pronoun, which may name anyone."""
    if a.pos_ == "PRON" or b.pos_ == "PRON" or _key(a) in _PRONOUNS or _key(b) in _PRONOUNS or a.tag_ in ("WP", "WDT") or b.tag_ in ("WP", "WDT"):
        return None
    a_key, b_key = _key(a), _key(b)
    a_name, b_name = _core(a), _core(b)
    if a_key == b_key or a.lower_ == b.lower_ or lexicon().synonyms(a_key, b_key):
        score = 3.0
    else:
        score = 1.0 if a_key in b_name or b_key in a_name else 0.0
    score += len((a_name & b_name) - {a_key, b_key})
    a_rest = {_key(t) for t in a.subtree if _is_content(t)} - a_name
    b_rest = {_key(t) for t in b.subtree if _is_content(t)} - b_name
    return score + 0.25 * len(a_rest & b_rest)


def _closer_to_other(mine: Token, theirs: Sequence[Token], others: Sequence[Token]) -> bool:
    """Whether the statement's filler names the one the sentences put in the other role rather than
    the one in this role: subject and object swapped, where the two phrases share a word ("Lawrence
    Group owns Lawrence Agency" read as "Lawrence Agency owns Lawrence Group")."""
    same = [x for t in theirs if (x := _likeness(mine, t)) is not None]
    other = [x for t in others if (x := _likeness(mine, t)) is not None]
    if not same or not other:
        return False
    return max(other) >= 2 and max(other) > max(same)


def _verbatim(statement: str, src: _Source) -> bool:
    """Whether the statement's words run, in order and unbroken, in the cited sentences."""
    words = _quote_words(statement)
    n = len(words)
    return n > 0 and any(src.words[i : i + n] == words for i in range(len(src.words) - n + 1))


def _glossed(tok: Token) -> bool:
    """Whether `tok` stands inside square brackets: the referent code put after a phrase."""
    before = tok.doc.text[: tok.idx]
    return before.count("[") > before.count("]")


def _roles(doc: Doc, src: _Source) -> list[Problem]:
    """A participant the sentences name, put in a role they give someone else for the same verb."""
    lex = lexicon()
    source_frames = src.participants
    problems = []
    for verb, agents, patients, tok in _participants(doc):
        matching = [f for f in source_frames if lex.synonyms(verb, f[0])]
        if not matching:
            continue
        clash = None
        for _, s_agents, s_patients, _ in matching:
            clash = None
            for mine_list, theirs, others, role in ((agents, s_agents, s_patients, "agent"), (patients, s_patients, s_agents, "patient")):
                for mine in mine_list:
                    if _glossed(mine) and any(not _glossed(m) for m in mine_list):
                        continue  # "The airline [Qantas] has cut": the parse's second subject is the gloss of the first
                    moved = _key(mine) in src.keys  # a stranger is (a)'s to report
                    if theirs and moved and not any(_same_participant(mine, t) for t in theirs):
                        clash = (mine, theirs[0], role)
                    elif theirs and others and _closer_to_other(mine, theirs, others):
                        clash = (mine, theirs[0], role)
            if clash is None:
                break
        if clash:
            mine, theirs, role = clash
            if role == "agent":
                message = f'says {_phrase(mine)} did "{tok.text}"; the cited sentences say {_phrase(theirs)} did (who did what to whom changed)'
            else:
                message = f'says "{tok.text}" was done to {_phrase(mine)}; the cited sentences say to {_phrase(theirs)} (who did what to whom changed)'
            problems.append(Problem("roles", message))
    if not problems:
        problems += _reversed_order(doc, src)
    return problems


def _reversed_order(doc: Doc, src: _Source) -> list[Problem]:
    """ "X sees Y" read back as "Y sees X": the sentences' doer and undergoer of an active verb
    written on the other sides of the same verb word, which catches it where the statement's own
    parse is too garbled to give the verb a subject and an object."""
    position: dict[str, list[int]] = {}
    for tok in doc:
        position.setdefault(_key(tok), []).append(tok.i)
    for verb, agents, patients, tok in src.participants:
        if len(agents) != 1 or len(patients) != 1 or agents[0].dep_ != "nsubj" or patients[0].dep_ != "dobj":
            continue
        agent, patient = agents[0], patients[0]
        if not agent.i < tok.i < patient.i or agent.pos_ == "PRON" or patient.pos_ == "PRON":
            continue
        verbs = [t for t in doc if t.lower_ == tok.lower_]
        found_agent, found_patient = position.get(_key(agent), []), position.get(_key(patient), [])
        if len(verbs) != 1 or len(found_agent) != 1 or len(found_patient) != 1 or _key(agent) == _key(patient):
            continue
        at = verbs[0]
        passive = any(c.dep_ in ("auxpass", "agent") for c in at.children) or any(t.lower_ == "by" for t in doc[at.i : found_agent[0]])
        if found_patient[0] < at.i < found_agent[0] and not passive:
            return [Problem("roles", f'says {_phrase(doc[found_patient[0]])} did "{at.text}"; the cited sentences say {_phrase(agent)} did (who did what to whom changed)')]
    return []


def _only_before_a_name(key: str, src: _Source) -> bool:
    """Whether the sentences have the word `key` only as a part before the noun it modifies ("Miss
    Ann Bell", "Gen. Lee"): a statement ending on it stops short of that noun."""
    found = [t for d in src.docs for t in d if t.lower_.rstrip(".") == key]
    return bool(found) and all(t.dep_ == "compound" for t in found)


def _phrase(tok: Token) -> str:
    return f'"{_clause(tok, 6)}"'


# (a) and (e): words ---------------------------------------------------------------------------


def _words(doc: Doc, src: _Source, skip: Sequence[tuple[int, int]] = (), names: _Names | None = None) -> list[Problem]:
    lex = lexicon()
    unsupported: list[str] = []
    problems = []
    formed = src.names.formed | (names.formed if names else frozenset())
    spelled = _spelled_out(doc, src.names.acronyms | (names.acronyms if names else frozenset()))
    for tok in doc:
        if any(start <= tok.idx < end for start, end in skip):
            continue
        key = _key(tok)
        if _took_stop(tok) and _is_content(tok) and _only_before_a_name(key, src):
            unsupported.append(tok.text)  # "led by Miss.": cut from "Miss Ann Bell"
            continue
        if not _is_content(tok) or _literal(tok, src) or (lex.sets(key) | lex.sets(tok.text.lower())) & src.frequent:
            continue
        # an antonym of the sentences' word is no paraphrase, even where a sense links them
        opposite = next((text for other, _, text in src.content if lex.opposite(key, other)), None)
        if opposite:
            problems.append(Problem("antonym", f'says "{tok.text}" where the cited sentences say the opposite, "{opposite}"'))
        elif _supported(tok, src) or tok.i in spelled or _acronym(tok.text) in formed:
            continue
        elif tok.text not in unsupported:
            unsupported.append(tok.text)
    if unsupported:
        listed = ", ".join(f'"{w}"' for w in unsupported)
        problems.insert(0, Problem("unsupported-words", f"adds {listed}, which the cited sentences do not say"))
    return problems


# ---------------------------------------------------------------------------------------------
# Finding the support


def find_support(
    statement: str, sentences: Sequence[tuple[str, str]], *, max_sources: int = 3, published: dt.date | None = None
) -> tuple[list[str], list[Problem]]:
    """The ids of the sentences (`(id, text)` pairs, in article order) that best support
    `statement`, at most `max_sources`, and the problems `check` finds against them."""
    if not sentences:
        return [], [Problem("unsupported-words", "the article has no sentence to support it")]
    parse_many(" ".join(text.split()) for _, text in sentences)
    context = " ".join(text for _, text in sentences)  # the article: for acronyms spelled out elsewhere
    doc = parse(" ".join(statement.split()))
    wanted = {_key(t) for t in doc if _is_content(t)} | {str(v) for v, _ in _numbers(statement)}
    scored = []
    for index, (_, text) in enumerate(sentences):
        have = _cover(text)
        scored.append((len(wanted & have), index, have))
    scored.sort(key=lambda s: (-s[0], s[1]))
    candidates: list[list[int]] = []
    chosen: list[int] = []
    left = set(wanted)
    for score, index, have in scored:
        if len(chosen) >= max_sources or score == 0:
            break
        if not chosen or left & have:
            chosen.append(index)
            left -= have
            candidates.append(sorted(chosen))
    if not candidates:
        candidates = [[scored[0][1]]]
    # The narrowest set that passes, so that a statement cites only the sentences it draws on: a
    # wider one may pass too, with an unrelated sentence that merely shares a word.
    best: tuple[list[int], list[Problem]] | None = None
    for indexes in candidates:
        problems = check(statement, [sentences[i][1] for i in indexes], published=published, context=context)
        if best is None or len(problems) < len(best[1]):
            best = (indexes, problems)
        if not problems:
            break
    assert best is not None
    if best[1]:  # the top sentence with another that has the words it lacks: not only the greedy pick
        top = candidates[0][0]
        lacking = wanted - scored[0][2]
        others = [index for _, index, have in scored[1:] if lacking & have]
        for other in others[:4]:
            indexes = sorted({top, other})
            if indexes in candidates:
                continue
            problems = check(statement, [sentences[i][1] for i in indexes], published=published, context=context)
            if len(problems) < len(best[1]):
                best = (indexes, problems)
            if not problems:
                break
    if best[1]:  # another sentence with as many of its words: the first may say them under another frame
        for score, index, _ in scored[1:4]:
            if score < scored[0][0] or best[1] == []:
                break
            if [index] in candidates:
                continue
            problems = check(statement, [sentences[index][1]], published=published, context=context)
            if len(problems) < len(best[1]):
                best = ([index], problems)
    indexes, problems = best
    if not problems:  # a sentence the others make unnecessary is no support
        for i in list(indexes):
            fewer = [j for j in indexes if j != i]
            if fewer and not check(statement, [sentences[j][1] for j in fewer], published=published, context=context):
                indexes = fewer
    return [sentences[i][0] for i in indexes], problems


@lru_cache(maxsize=8192)
def _cover(text: str) -> frozenset[str]:
    doc = parse(" ".join(text.split()))
    acronyms = {a.lower() for a in _names(text).formed}  # "faa" meets "Federal Aviation Administration"
    return frozenset({_key(t) for t in doc if _is_content(t)} | {str(v) for v, _ in _numbers(text)} | acronyms)

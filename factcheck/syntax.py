"""Sentence structure for the chains: what can be cut from a sentence without changing what it says,
and which of its dates governs its main clause. Grammar only, from the shared parse (factcheck/nlp.py).

A *deletable span* is a side phrase whose removal leaves a well-formed sentence that states less,
never something else: an appositive, a parenthetical, a leading time or place phrase, a trailing
participle clause, a non-restrictive relative clause. A span never holds the main clause's subject,
verb or object, nor leaves a fronted subordinate clause without its main clause ("Although X."),
wherever the parser hung that clause; nor holds an attribution ("X said", "according to X"), a condition, half of a quotation, or
the name that says who a described participant is ("The suspect, James Kopp, was ...");
whatever it holds, the main clause keeps its negations and hedges, since those sit on its verb.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Doc, Token

from .article import quote_count, with_one_stop
from .dates import Timex, timex_interval
from .nlp import cached, parse, parse_many
from .wordlists import figure_nouns, happening_nouns

SpanKind = Literal["appositive", "parenthetical", "leading", "participle", "relative"]

# Closed classes of English grammar, not of any article.
_REPORTING = frozenset(
    "say tell announce report state add claim confirm deny note explain insist warn acknowledge "
    "accord write quote predict estimate argue".split()
)
_CONDITION = frozenset({"if", "unless", "provided", "whether"})
_AT_THE_SAME_TIME = frozenset({"when", "as", "while"})
_CLAUSAL_SPINE = frozenset({"ccomp", "xcomp", "conj", "parataxis"})
_PLACE_OR_TIME = frozenset({"DATE", "TIME", "GPE", "LOC", "FAC"})


@dataclass(frozen=True)
class Span:
    """Characters [start, end) of the sentence that may be dropped; `text` is what is dropped."""

    id: str
    start: int
    end: int
    kind: SpanKind
    text: str


@cached()
def deletable_spans(text: str) -> list[Span]:
    """The side phrases of `text` (one sentence) that can be dropped one by one or together."""
    doc = parse(text)
    root = _root(doc)
    if root is None:
        return []
    core = _core(root)
    found: list[tuple[int, int, SpanKind]] = []
    for start, end, kind in _candidates(doc, root):
        tokens = [t for t in doc if start <= t.idx < end]
        if not tokens or any(t.i in core for t in tokens) or _guarded(tokens):
            continue
        if _quote_count(text[start:end]) % 2:
            continue  # half a quotation
        if _quote_count(text[:start]) % 2 and not _quote_count(text[start:end]):
            continue  # words inside a quotation: a quote shortened without a mark is a misquote
        found.append((start, end, kind))
    found = _coordinated_appositions(doc, _paired(doc, _outermost(found)))
    spans = [Span(f"D{n}", s, e, k, text[s:e].strip(" ,")) for n, (s, e, k) in enumerate(found, start=1)]
    # A span whose removal leaves a dangling word or a broken sentence is not deletable; nor one
    # followed by a verb with no subject of its own ("in the blast, which damaged the embassy,
    # shattered the glass ...": the verbs may be the side clause's, whatever the parse says).
    parse_many((compress(text, {s.id}, spans) for s in spans), entities=True)  # each is parsed next: in one batch
    spans = [s for s in spans if _well_formed(compress(text, {s.id}, spans)) and not _subjectless_verb_after(doc, s.end)]
    # Spans drop together too: where all of them dropped would leave only a fronted subordinate
    # clause (each alone leaving a main clause the parser still finds), the last ones stay.
    while spans and subordinate_only(doc) is None and subordinate_only(parse(compress(text, {s.id for s in spans}, spans))) is not None:
        spans = spans[:-1]
    return spans


_RESPECTIVELY = re.compile(r"\s*,?\s*respectively\b", re.I)


def _paired(doc: Doc, found: list[tuple[int, int, SpanKind]]) -> list[tuple[int, int, SpanKind]]:
    """Spans that only go together. A description followed by a name ("Ann Bell, a lawyer for the
    mayor, Tom Hill, said"): the name is who the description's noun is, whatever noun the parser
    hung it on, and dropping the description alone would make it Ann Bell's ("Ann Bell, Tom Hill,
    said"). A phrase that "respectively" pairs with a list ("X and Y, which hold 40% and 36%,
    respectively"): "respectively" goes with it."""
    text = doc.text
    out: list[tuple[int, int, SpanKind]] = []
    for start, end, kind in found:
        if (m := _RESPECTIVELY.match(text, end)) is not None:
            end = m.end()
        if out and out[-1][2] == "appositive" and kind == "appositive" and out[-1][1] == start and _is_name(doc, start, end):
            out[-1] = (out[-1][0], end, "appositive")
            continue
        out.append((start, end, kind))
    return out


def _coordinated_appositions(doc: Doc, found: list[tuple[int, int, SpanKind]]) -> list[tuple[int, int, SpanKind]]:
    """A side phrase set off by commas and followed by a conjunction goes whole, takes the comma
    before the conjunction with it, or stays. "Slepian, 52, and the father of four boys, was shot":
    the apposition is "52, and the father of four boys" (the conjunct is closed by a comma before
    the subject's verb, which is not plural), and dropping "52" alone would leave "Slepian, and the
    father ..."; so the span runs to the conjunct's end. Where the conjunct is a participant of its
    own (it has an appositive of its own, or one of the two is plural: "Ann Bell, 58, and Tom Hill,
    60, were shot", "signed by Ana Ruiz, a lawyer, and two pilots"), or the conjunction joins
    verb phrases ("left the firm, which he founded, and joined a bank"), the comma goes with the
    phrase ("Ann Bell and Tom Hill, 60, were shot"); before a clause with a subject of its own (",
    but analysts said") it stays. An appositive before a conjunct that may be the same
    person or another ("met Slepian, 52, and the father of four boys") is not deletable."""
    text = doc.text
    out: list[tuple[int, int, SpanKind]] = []
    for start, end, kind in found:
        # a phrase in brackets leaves the comma after it to the sentence ("4 million dollars ($3 million), or")
        m = _CONJUNCTION_AFTER.match(text, end) if text[start:end].lstrip().startswith(",") else None
        if m is None:
            out.append((start, end, kind))
            continue
        if _clause_after(doc, m.end()):
            out.append((start, end, kind))  # ", but analysts said ...": a clause of its own keeps its comma
            continue
        described = _described(doc, start, end)
        conj = _noun_after(doc, m.end()) if described is not None else None
        if conj is not None and kind == "appositive" and not _two_participants(described, conj):
            whole = _apposed_conjunct(doc, described, conj)
            if whole is not None:
                out.append((start, whole, kind))
            continue  # the same person or another: no cut says which
        out.append((start, m.end() - len(m.group(0).lstrip(" ,")), kind))
    return _outermost(out)


def _clause_after(doc: Doc, at: int) -> bool:
    """A clause with a subject of its own starts at character `at` ("but analysts said ...", "nor
    can the government back down"): a word there, or one it hangs on after `at`, has a subject."""
    tok = next((t for t in doc if t.idx >= at), None)
    while tok is not None:
        if any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") and c.idx >= at for c in tok.children):
            return True
        if tok.head.i == tok.i or tok.head.idx < at:
            return False
        tok = tok.head
    return False


_CONJUNCTION_AFTER = re.compile(r"[\s,]*(?:and|or|but|nor)\b", re.I)


def _noun_after(doc: Doc, at: int) -> Token | None:
    """The head noun of the phrase that starts at character `at` ("the father of four boys"), when a
    noun phrase starts there, whatever the parser hung it on; None for a verb ("and joined a bank")."""
    tok = next((t for t in doc if t.idx >= at), None)
    while tok is not None and tok.dep_ in ("det", "amod", "compound", "nummod", "poss", "case", "predet") and tok.head.i > tok.i:
        tok = tok.head
    return tok if tok is not None and tok.pos_ in ("NOUN", "PROPN", "PRON", "NUM") else None


def _two_participants(noun: Token, conj: Token) -> bool:
    """The conjunct is someone or something besides the noun: it has an appositive of its own, one
    of the two is plural and the other not, or (for a subject) the verb is plural."""
    if any(c.dep_ == "appos" for c in conj.children):
        return True
    if (noun.tag_ in ("NNS", "NNPS")) != (conj.tag_ in ("NNS", "NNPS")) and noun.pos_ in ("NOUN", "PROPN") and conj.pos_ in ("NOUN", "PROPN"):
        return True
    if noun.dep_ in ("nsubj", "nsubjpass"):
        verb = noun.head
        finite = next((t for t in (*(c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i > conj.i), verb)
                       if t.tag_ in ("VBZ", "VBD", "VBP", "MD")), None)
        return finite is not None and (finite.tag_ == "VBP" or finite.lower_ in ("were", "are", "have"))
    return False


def _described(doc: Doc, start: int, end: int) -> Token | None:
    """The one word outside [start, end) that the phrase there hangs on: the noun it describes."""
    heads = {t.head for t in doc if start <= t.idx < end and not t.is_punct and not start <= t.head.idx < end}
    return heads.pop() if len(heads) == 1 else None


def _apposed_conjunct(doc: Doc, noun: Token, conj: Token) -> int | None:
    """Where the conjunct after an appositive ends, with its closing comma, when it is part of the
    apposition: it describes a subject, closed by a comma right before the subject's verb; None
    otherwise."""
    if noun.dep_ not in ("nsubj", "nsubjpass"):
        return None
    last = conj.right_edge
    if last.i + 2 >= len(doc) or doc[last.i + 1].text != ",":
        return None
    verb = noun.head
    nxt = doc[last.i + 2]
    if not (nxt == verb or (nxt.head == verb and nxt.dep_ in ("aux", "auxpass", "neg", "advmod"))):
        return None
    return doc[last.i + 1].idx + 1


def _is_name(doc: Doc, start: int, end: int) -> bool:
    tokens = [t for t in doc if start <= t.idx < end and not t.is_punct]
    heads = [t for t in tokens if not start <= t.head.idx < end]
    return len(heads) == 1 and _names(heads[0])


def _subjectless_verb_after(doc: Doc, end: int) -> bool:
    after = next((t for t in doc if t.idx >= end and not t.is_punct), None)
    return after is not None and after.pos_ == "VERB" and after.tag_ in ("VBD", "VBZ", "VBP") and not any(
        c.dep_ in ("nsubj", "nsubjpass", "expl") for c in after.children)


def compress(text: str, drop: Iterable[str], spans: Sequence[Span] | None = None) -> str:
    """`text` without the spans whose ids are in `drop`, with commas, spacing, capitals and the
    final stop mended. `spans` defaults to deletable_spans(text)."""
    drop = set(drop)
    if spans is None:
        spans = deletable_spans(text) if drop else []
    out = text
    kept_ends = {s.end for s in spans if s.id not in drop}
    for span in sorted((s for s in spans if s.id in drop), key=lambda s: -s.start):
        # "Ann Bell, 58, a lawyer, said" without "a lawyer": the comma that closed the phrases before the
        # verb closes the one kept ("Ann Bell, 58, said").
        closes = text[span.start : span.end].rstrip().endswith(",") and span.start in kept_ends
        out = out[: span.start] + (", " if closes else " ") + out[span.end :]
    return _mend(out, original=text) if drop else text


def main_clause(text: str) -> str:
    """The sentence reduced to its main clause: every deletable span dropped."""
    spans = deletable_spans(text)
    return compress(text, {s.id for s in spans}, spans)


def governing_dates(text: str, timexes: Sequence[Timex]) -> list[tuple[Timex, Token]]:
    """Each date of `timexes` (offsets into `text`) that modifies a verb of the main clause, with
    that verb; a date inside a side phrase ("ahead of the meeting on May 14-15", a relative clause,
    an appositive) or modifying a noun is left out."""
    doc = parse(text)
    root = _root(doc)
    if root is None:
        return []
    spine = _spine(root, simultaneous=True) | _predicative_complements(root)
    side = [(s.start, s.end) for s in deletable_spans(text) if s.kind != "leading"] + _between_dashes(text)
    out = []
    left_out: list[Timex] = []
    for timex in timexes:
        if any(_APPOSED_DATE.fullmatch(text, t.end, timex.start) for t in left_out):
            left_out.append(timex)  # "after Oct. 12, the day before the crash,": the apposed date is Oct. 12 again
            continue
        left_out.append(timex)  # until it is found to date the main clause
        if any(a <= timex.start and timex.end <= b for a, b in side):
            continue
        if _dates_a_baseline(doc, timex) or ends_a_stretch_from_now(text, timex):
            continue
        verb = _report_before_its_content(_governor(doc, timex), timex)
        if verb is not None and (_of_a_happening(doc, timex) or _closes_a_nested_of(doc, timex)):
            continue
        if verb is not None and (_comma_participle(verb) or _a_bound_or_a_comparison(doc, timex, verb)
                                 or _subordinate_read_as_complement(verb)):
            continue
        if verb is not None and verb.i in spine:
            # A clause happens at one time: of two dates the parser hung on one verb, one that
            # follows a noun ("met on Monday ahead of the summit on Friday") dates that noun.
            if any(v == verb for _, v in out) and (_noun_before(doc, timex) is not None or _bare_after_object(doc, timex)):
                continue
            out.append((timex, verb))
            left_out.remove(timex)
    out = [(t, v) for t, v in out if not _listed_with_dates(doc, t, timexes)]
    if not out:
        # No date modifies the verb; one that modifies its subject dates the clause ("Third-quarter
        # profit rose 5%", "Net income in the latest quarter fell"): what is measured then is what changed.
        out = [(t, verb) for t in timexes if (verb := _subject_dated(doc, t)) is not None and verb.i in spine
               and not any(a <= t.start and t.end <= b for a, b in side)][:1]
    return out


_APPOSED_DATE = re.compile(r"\s*,\s*")


def _report_before_its_content(verb: Token | None, timex: Timex) -> Token | None:
    """The reporting verb, for a date the parser hung on the clause it reports though the date
    stands between the two ("The company said Tuesday it agreed to the sale last month"): what
    is reported starts with its subject, so a date before that subject is the report's."""
    if verb is None or verb.dep_ != "ccomp" or verb.head.lemma_ not in _REPORTING:
        return verb
    report = verb.head
    subject = _subject_of(verb)
    start = min((t.idx for t in subject.subtree), default=subject.idx) if subject is not None else verb.idx
    opener = [c.idx for c in verb.children if c.dep_ == "mark"]
    start = min([start, *opener])
    return report if report.idx < timex.start and timex.end <= start else verb


def _a_bound_or_a_comparison(doc: Doc, timex: Timex, verb: Token) -> bool:
    """The date is not when the clause happens: what it happens after or before ("After a flat
    second quarter, X attributed the gain to ..."), or, for a verb of comparing, the date of what is
    compared with ("These results compare with net income of $1.8 million for the period last year")."""
    inside = [t for t in doc if timex.start <= t.idx < timex.end]
    heads = [t for t in inside if not (timex.start <= t.head.idx < timex.end)]
    if heads and heads[0].dep_ == "pobj" and heads[0].head.lower_ in ("after", "before") and heads[0].head.head == verb:
        return True
    if heads and heads[0].dep_ == "pobj" and heads[0].head.lower_ in ("by", "until", "till") and heads[0].head.head == verb \
            and _looks_ahead(verb) and not (heads[0].head.lower_ != "by" and any(c.dep_ == "neg" for c in verb.children)):
        # "troops will be in the region by the end of the month", "will carry a dividend until 1994": a
        # deadline or the end of a stretch of what is to be, no time it is; but "won't be profitable
        # until 1994" tells when it will be
        return True
    if verb.lemma_ == "compare":
        prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("with", "to")), None)
        return prep is not None and prep.idx < timex.start
    return False


def _looks_ahead(verb: Token) -> bool:
    """The verb is an infinitive ("is expected to finish", "are to resume", "agreed to sell"), or it
    or the verb whose infinitive it is ("would try to finish") is a future or a modal ("will be",
    "must leave"): what it tells is still to be, or may be."""
    if any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children):
        return True
    finite = verb
    while finite.dep_ == "xcomp" and finite.head != finite and not any(c.dep_ in ("aux", "auxpass") and c.tag_ == "MD" for c in finite.children):
        finite = finite.head
    return any(c.dep_ in ("aux", "auxpass") and c.tag_ == "MD" for c in finite.children)


def _subordinate_read_as_complement(verb: Token) -> bool:
    """A clause opened by "before", "after", "until", "because", "if" ... that the parser took for a
    complement ("said X in an interview months before he took office in April"): it says when or
    why, it is not what the main clause reports or does."""
    return verb.dep_ == "ccomp" and any(c.dep_ == "mark" and c.lower_ in _NOT_A_COMPLEMENT and c.i < verb.i for c in verb.children)


_NOT_A_COMPLEMENT = frozenset({"before", "after", "until", "till", "once", "because", "although", "though", "if", "unless"})


def _comma_participle(verb: Token) -> bool:
    """A participle set off by commas right after a noun ("Results for the year, announced Tuesday,
    showed a loss"): a reduced relative clause about that noun, however the parser joined it to the
    main verb; its date is the announcing's, not the showing's."""
    doc = verb.doc
    # its own words, from the participle on (the parser may hang the commas, even the noun, on it)
    last = max((t.i for t in verb.subtree if t.i >= verb.i and not t.is_punct), default=verb.i)
    return (verb.tag_ == "VBN" and verb.dep_ != "ROOT" and verb.i >= 2 and doc[verb.i - 1].text == ","
            and doc[verb.i - 2].pos_ in ("NOUN", "PROPN") and last + 1 < len(doc) and doc[last + 1].text == ","
            and not any(c.dep_ in ("aux", "auxpass") for c in verb.children))


def _predicative_complements(root: Token) -> set[int]:
    """The verb an adjective of the main clause takes ("are due to go", "is likely to rise", "was
    able to leave"): what the clause says is due or likely happens then, so a date on that verb is
    the clause's."""
    return {c.i for a in root.children if a.dep_ == "acomp" and a.pos_ == "ADJ"
            for c in a.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")}


# Subordinators of a clause that states a fact (not "if", "unless", "once", "so that").
_FACTUAL_MARKS = frozenset({"after", "before", "until", "till", "since", "because", "although", "though", "while", "as", "when"})
_OF_THE_THING = frozenset({"of", "by", "in", "on", "at", "during", "between", "from", "for", "over", "against", "with"})
_BASELINE = frozenset({"from", "against", "versus", "vs.", "than"})


# The end of a stretch that starts now ("from now to Election Day", "between now and March"): the
# clause goes on until then, it does not happen then.
_FROM_NOW = re.compile(r"\b(?:from|between)\s+(?:now|today|the\s+present)\s*,?\s+(?:to|until|till|through|and)\s+"
                       r"(?:[\w'’.-]+\s+){0,4}$", re.I)  # "until [polling day on] Nov. 3"


def ends_a_stretch_from_now(text: str, timex: Timex) -> bool:
    """The date ends a stretch that starts now ("from now until Nov. 2"): no point of any clause."""
    return _FROM_NOW.search(text, max(0, timex.start - 60), timex.start) is not None


_DASH = re.compile(r"\s(?:--|—|–)\s|(?<!\d)—(?!\d)")  # not the dash of a range ("1990—1995")


def _between_dashes(text: str) -> list[tuple[int, int]]:
    """Each aside set off by a pair of dashes ("its strategy -- started last month and ... -- will
    mean"): the punctuation marks it aside wherever the parser hung its words."""
    marks = list(_DASH.finditer(text))
    return [(a.end(), b.start()) for a, b in zip(marks[::2], marks[1::2])]


def _of_a_happening(doc: Doc, timex: Timex) -> bool:
    """The date's preposition follows a noun that names a happening the clause is placed against
    ("ahead of the vote on Thursday") or that is the object of "of" inside another prepositional
    phrase ("died within weeks of his capture on March 26"): the date closes that noun's phrase,
    whatever verb the parser hung it on."""
    first = next((t for t in doc if t.idx >= timex.start), None)
    if first is None or first.i < 2 or doc[first.i - 1].pos_ != "ADP" or doc[first.i - 1].lower_ not in ("on", "in", "at"):
        return False
    noun = doc[first.i - 2]
    if _ordered_against(noun):
        return True  # "nervous ahead of the vote on Thursday": the vote's day, the clause is before it
    owner = noun.head.head
    # the owner itself in a prepositional phrase ("within weeks of"), not the verb's object ("announced
    # the completion of the merger on Friday" may date the announcing)
    if (noun.pos_ == "NOUN" and noun.dep_ == "pobj" and noun.head.lower_ == "of" and owner.pos_ in ("NOUN", "PROPN")
            and owner.dep_ == "pobj" and _names_an_event(noun) and not _names_a_figure(noun)):
        return True
    return _closes_an_agents_happening(noun)


def _closes_an_agents_happening(noun: Token) -> bool:
    """`noun` ends the "of" phrase of a happening whose doer a possessor names, which a verb in the
    perfect takes as object ("had condemned Iraq's invasion of Kuwait on Aug. 2", "has praised the
    army's capture of the town on Friday"): the phrase tells a whole happening of its own, doer and
    what it was done to, and the perfect looks back from a later time, so a date closing the phrase
    is that happening's. In the simple past ("the Senate confirmed Bush's nomination of Souter on
    Tuesday") or without a doer named ("announced the completion of the merger on Friday") the
    date may be the verb's, and is left to it."""
    while noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ in ("NOUN", "PROPN"):
        owner = noun.head.head
        if _names_an_event(owner) and not _names_a_figure(owner):
            verb = owner.head
            perfect = (owner.dep_ == "dobj" and verb.tag_ == "VBN"
                       and any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children))
            return perfect and any(c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN") for c in owner.children)
        noun = owner
    return False


def _closes_a_nested_of(doc: Doc, timex: Timex) -> bool:
    """A bare date right after a bare singular noun of an "of" phrase that is itself inside a
    prepositional phrase and names no happening ("issue rights to shareholders of record Nov. 8"): it
    says which of the noun's kind (the holders on the record of that day), not when the clause happens."""
    first = next((t for t in doc if t.idx >= timex.start), None)
    if first is None or first.i < 1:
        return False
    noun = doc[first.i - 1]
    owner = noun.head.head
    # not a point of a happening ("at the close of business Thursday"): that phrase dates its clause
    return (noun.tag_ == "NN" and noun.dep_ == "pobj" and noun.head.lower_ == "of" and not any(c.dep_ in ("det", "poss") for c in noun.children)
            and owner.pos_ in ("NOUN", "PROPN") and owner.dep_ == "pobj" and not _names_an_event(owner))


def _bare_after_object(doc: Doc, timex: Timex) -> bool:
    """A bare date right after the object of a preposition ("to holders of record Dec. 21"), in a
    clause that has a date already: it dates that noun."""
    first = next((t for t in doc if t.idx >= timex.start), None)
    return first is not None and first.i > 0 and doc[first.i - 1].pos_ in ("NOUN", "PROPN") and doc[first.i - 1].dep_ == "pobj"


def _listed_with_dates(doc: Doc, timex: Timex, timexes: Sequence[Timex]) -> bool:
    """The date follows a noun of a list whose items each carry a date of their own ("meetings with
    the premier 10 days ago and the president last week"): it dates its noun, whatever verb the
    parser hung it on, for a clause happens at one time."""
    def noun_before(t: Timex) -> Token | None:
        first = next((tok for tok in doc if tok.idx >= t.start), None)
        at = first.i - 1 if first is not None else -1
        if at > 0 and doc[at].pos_ == "ADP":  # "the mayor [on Monday]"
            at -= 1
        return doc[at] if at >= 0 and doc[at].pos_ in ("NOUN", "PROPN") else None

    for other in timexes:
        if other is timex or other.value == timex.value:
            continue
        a, b = (timex, other) if timex.end <= other.start else (other, timex)
        item = noun_before(a)
        # The first item the object of a preposition ("talks with the mayor"), not the verb's own
        # object: "played Boston on Monday and Chicago on Friday" is two games, each a clause.
        if item is None or noun_before(b) is None or item.dep_ != "pobj":
            continue
        between = [tok for tok in doc if a.end <= tok.idx < b.start]
        if any(tok.dep_ == "cc" and tok.lower_ in ("and", "or") for tok in between) and not any(tok.pos_ in ("VERB", "AUX") for tok in between):
            return True
    return False


def _dates_a_baseline(doc: Doc, timex: Timex) -> bool:
    """The date follows the figure a change is measured from ("rose to $5 million from $4 million
    a year ago", "compared with 3% last year", "from $4 million in 1988"): it dates that figure,
    not the clause."""
    first = next((t for t in doc if t.idx >= timex.start), None)
    if first is None:
        return False
    before = first.i - 1
    if before >= 0 and doc[before].pos_ in ("ADP", "SCONJ") and _baseline_itself(doc[before]):
        return True
    if before >= 0 and doc[before].lower_ == "from" and _RELATIVE_TO_ANOTHER.search(timex.text):
        return True  # "narrowed from a year earlier": a time told against another is what is compared with
    if before >= 0 and doc[before].pos_ == "ADP":
        if doc[before].lower_ not in ("in", "during", "for"):
            return False  # "rose to $5 from $4 on Monday" dates the change, on its day
        before -= 1  # "from $4 million in 1988"
    while before >= 0 and doc[before].is_punct:
        before -= 1
    if before < 0:
        return False
    for prep in (doc[before], *doc[before].ancestors):
        if prep.dep_ == "prep" and (prep.lower_ in _BASELINE or (prep.lower_ in ("with", "to") and prep.head.lemma_ == "compare")):
            figure = [t for t in prep.subtree if t.i <= before]
            return any(t.like_num or t.ent_type_ in ("MONEY", "PERCENT", "QUANTITY", "CARDINAL") for t in figure)
        if prep.pos_ in ("VERB", "AUX"):
            return False
    return False


_RELATIVE_TO_ANOTHER = re.compile(r"\b(?:earlier|before|ago|year-ago|year-earlier|previous|prior)\b", re.I)


def _baseline_itself(prep: Token) -> bool:
    """The date is itself what a figure is measured against ("grew 19% from a year ago", "higher
    than last year", "compared with a year earlier"): "than", "compared with", or "from" on a word
    that carries a figure of change."""
    if prep.lower_ == "than" or (prep.lower_ in ("with", "to") and prep.head.lemma_ == "compare"):
        return True
    if prep.lower_ not in ("from", "against", "versus", "vs."):
        return False
    return any(c.like_num or c.ent_type_ in ("MONEY", "PERCENT", "QUANTITY") or any(
        g.like_num or g.ent_type_ in ("MONEY", "PERCENT") for g in c.subtree)
        for c in prep.head.children if c is not prep and c.dep_ in ("dobj", "npadvmod", "attr", "nummod", "advmod"))


def _subject_dated(doc: Doc, timex: Timex) -> Token | None:
    """The verb whose subject the date modifies directly ("[Third-quarter] profit", "[Friday's]
    volume", "net income [in the third quarter]"), or None."""
    inside = [t for t in doc if timex.start <= t.idx < timex.end]
    heads = [t for t in inside if not (timex.start <= t.head.idx < timex.end)]
    if not heads:
        return None
    noun = heads[0].head
    if noun.pos_ == "ADP" and noun.lower_ in ("in", "for", "during", "of") and heads[0].dep_ == "pobj":
        noun = noun.head
        if noun.lower_ == "as" and noun.pos_ in ("ADP", "SCONJ") and noun.head != noun:
            noun = noun.head  # "Assets as of Sept. 30 fell": the day a figure is measured on
    if noun.dep_ in ("nsubj", "nsubjpass") and noun.pos_ in ("NOUN", "PROPN") and noun.head.pos_ in ("VERB", "AUX") \
            and _tells_its_subject_then(noun, noun.head, after=heads[0].head.pos_ == "ADP"):
        return noun.head
    return None


def _tells_its_subject_then(noun: Token, verb: Token, after: bool) -> bool:
    """The clause tells what its dated subject was or did in that time, so the subject's date is
    the clause's: a quantity ("Friday's volume totaled 132 million shares", "the rate in January was
    7.2%"), a change or state of a figure or happening ("Third-quarter profit rose", "Last year's
    floods destroyed ..."), or what a period "for"/"in" the noun covers did ("The figures for January
    extended a surge"). Not a judgement or a kind a copula gives the thing ("Friday's sell-off was
    a natural result of ...", "the third-quarter earnings were a disappointment"), what the passive
    says someone did to it ("The 2024 budget was approved", "Friday's meeting was postponed"), nor
    anything of a thing a date only names ("The 1987 crash law ...", "The 2019 model outsold ...")."""
    dated = ("DATE", "TIME")
    subject = {t.i for t in noun.subtree}
    told = [t for c in verb.children if c.i not in subject and c.dep_ not in ("aux", "auxpass", "neg", "punct", "cc", "mark")
            for t in c.subtree]
    # (a count, not a date's number nor an ordinal: "the first official word" is a kind)
    if any(t.ent_type_ in ("MONEY", "PERCENT", "QUANTITY", "CARDINAL")
           or (t.like_num and t.pos_ == "NUM" and t.ent_type_ not in (*dated, "ORDINAL")) for t in told):
        return True
    if verb.lemma_ == "be" and any(c.dep_ == "attr" and c.pos_ in ("NOUN", "PROPN", "PRON") for c in verb.children):
        return False
    if noun.dep_ == "nsubjpass" or any(c.dep_ == "auxpass" for c in verb.children):
        return False
    if verb.lemma_ in _ARRIVAL:
        return False  # "the third-quarter results came after a year of losses": when they came out, not the quarter
    return after or _names_a_figure(noun) or _names_an_event(noun)


# Verbs of arrival and succession (of English's verbs of appearance, those that say nothing of an
# amount): with a dated figure or happening as subject they tell when it came out or what it came
# after ("the results came", "the loss followed"), not a state or change within its period.
_ARRIVAL = frozenset({"come", "arrive", "follow", "precede", "emerge", "appear"})


def governing_date(text: str, timexes: Sequence[Timex]) -> Timex | None:
    """The date that governs the main clause's verb; for "X said Monday it would Y in March", the
    date of what is reported (March) before the date of the report (Monday). None when no date of
    `timexes` governs the main clause."""
    found = governing_dates(text, timexes)
    if not found:
        return None
    report = [t for t, verb in found if verb.lemma_ in _REPORTING]
    content = [(t, verb) for t, verb in found if verb.lemma_ not in _REPORTING
               and not (report and _dates_part_of_report(verb, [v for _, v in found]))]
    if content and report and _report_governs(content[0][0], content[0][1], report[0]):
        return report[0]
    return (content[0][0] if content else report[0])


def _report_governs(content: Timex, verb: Token, report: Timex) -> bool:
    """What is reported has a date, but the report's own date is the time of the sentence: the
    reported date holds the report's ("said in an editorial on Saturday, April 25: the Court took a
    detour this week"), so it places nothing the report's day does not, more closely; or what is
    reported looks ahead to a period already over when it was said ("Earlier this month, the company
    said it expected to break even for the quarter"): the news is the expectation, told that day."""
    c_start, c_end, _ = timex_interval(content)
    r_start, r_end, _ = timex_interval(report)
    if c_start is None or c_end is None or r_start is None or r_end is None:
        return False
    if c_start <= r_start and r_end <= c_end and (c_start, c_end) != (r_start, r_end):
        return True
    ahead = verb.dep_ == "xcomp" or any(c.dep_ == "aux" and c.lower_ in ("will", "would", "shall", "'ll", "wo") for c in verb.children)
    return ahead and c_end < r_start


def _dates_part_of_report(verb: Token, dated: Sequence[Token]) -> bool:
    """`verb` is one of several conjoined clauses that are reported, and a clause of them has no
    date of its own ("'We were pushed out in February but we are back,' he said Sunday"): what is
    reported is not all of that date, so the report's own date dates the sentence."""
    clause = verb
    while clause.head != clause and clause.head.lemma_ not in _REPORTING:
        clause = clause.head
    if clause.head == clause:
        return False
    parts, todo = [], [clause]
    while todo:  # the reported clause and the clauses conjoined with it
        part = todo.pop()
        parts.append(part)
        todo.extend(c for c in part.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"))
    # the part of each dated verb: itself, or the conjoined clause it sits in
    held = {p.i for p in parts for v in dated if v == p or (p in v.ancestors and not any(q in v.ancestors and p in q.ancestors for q in parts))}
    # A conjoined verb phrase shares its subject and, likely, its time ("would free the hostages next
    # week and leave the town"); a clause with a subject of its own is told apart ("but we are back").
    return any(p.i not in held and any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in p.children) for p in parts[1:])


def main_verbs(text: str) -> list[Token]:
    """The verbs of the sentence's main clause: its root, the clauses it takes as complement or
    conjunct, and a clause that happens at the same time ("perished when ... sank")."""
    doc = parse(text)
    root = _root(doc)
    return [] if root is None else [doc[i] for i in sorted(_spine(root, simultaneous=True))]


def dated_noun_phrase(text: str, timex: Timex) -> tuple[int, int] | None:
    """Where a date dates a thing rather than the clause ("ahead of [the summit on June 3]",
    "[last Friday's bombings of two embassies]"): the character range of that noun phrase, a whole
    phrase with no clause of its own in it; None otherwise."""
    doc = parse(text)
    inside = [t for t in doc if timex.start <= t.idx < timex.end]
    heads = [t for t in inside if not (timex.start <= t.head.idx < timex.end)]
    thing = _premodified(doc, timex)
    if thing is not None:
        # "the Dec. 21, 1988, bombing of Pan Am Flight 103 that killed": from the determiner to the
        # noun's own phrases, its clauses cut
        if not _dateable(thing) or not _names_an_event(thing):
            return None
        sub = [t for t in thing.subtree if t.i >= thing.i]
        cut = [t.left_edge.i for t in sub if t.i > thing.i and t.dep_ in ("relcl", "acl", "ccomp", "advcl", "appos")]
        cut += [c.left_edge.i for c in thing.rights if not (c.dep_ == "prep" and c.lower_ in _OF_THE_THING) and not c.is_punct]
        sub = [t for t in sub if not cut or t.i < min(cut)]
        while sub and sub[-1].is_punct:
            sub.pop()
        if not sub or any(t.pos_ in ("VERB", "AUX") for t in sub):
            return None
        determiner = next(t for t in reversed(doc) if t.idx + len(t) <= timex.start)
        return (determiner.idx, sub[-1].idx + len(sub[-1]))
    if not heads:
        return None
    noun = heads[0].head
    if noun.pos_ == "ADP":
        noun = noun.head
    end = None
    modifier = heads[0].dep_ in ("poss", "compound", "amod", "nmod") and heads[0].i < noun.i  # "[Tuesday's] declaration"
    before = _noun_before(doc, timex)
    if (not modifier and before is not None and before != noun and _dateable(before) and _names_an_event(before)
            and not (before.head.lower_ == "of" and before.head.head.pos_ in ("NOUN", "PROPN"))):  # "the world of [finance]"
        # "a statement ahead of the Meeting on May 14": the event right before the date is what it dates,
        # wherever the parser hung the date.
        noun, end = before, timex.end
    elif not modifier and (not _dateable(noun) or noun.dep_ != "pobj"):
        # The parser hung the date on a verb or on the clause's subject or object: the nearest
        # phrase before it is what it dates ("a proposal for [talks in Istanbul] on May 15").
        before = _noun_before(doc, timex)
        while before is not None and before.head.pos_ == "ADP" and before.head.head.dep_ == "pobj" and _dateable(before.head.head):
            before = before.head.head
        if before is None:
            return None
        noun, end = before, timex.end
    while not _names_an_event(noun) and not _names_a_figure(noun) and noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head.head  # "the sale of [the port in August]": the date dates the sale
    if not _dateable(noun) or not _names_an_event(noun):
        return None  # "the company in 1987", "a high for the year": a thing cut from its sentence, no event
    sub = list(noun.subtree)
    clauses = [t.left_edge.i for t in sub if t.i > noun.i and t.dep_ in ("relcl", "acl", "ccomp", "advcl", "appos")]
    # What follows the noun belongs to it only as "of", "by", "in" ... phrases: "its slump [partly to higher costs]" does not.
    clauses += [c.left_edge.i for c in noun.rights if not (c.dep_ == "prep" and c.lower_ in _OF_THE_THING) and not c.is_punct]
    if clauses:  # "Tuesday's declaration by Ford[, which holds ..., that it is prepared to bid]"
        last = min(clauses) - 1
        while last > noun.i and doc[last].is_punct:
            last -= 1
        sub = [t for t in sub if t.i <= last]
        if end is not None and end > sub[-1].idx + len(sub[-1]):
            return None  # the date stood in the clause cut away
    if any(t.pos_ in ("VERB", "AUX") for t in sub) or sub[-1].is_punct:
        return None
    start, stop = sub[0].idx, max(end or 0, sub[-1].idx + len(sub[-1]))
    return (start, stop) if start <= timex.start and timex.end <= stop else None  # a phrase that lost its date dates nothing


def dated_side_clause(text: str, timex: Timex) -> tuple[str, Token, bool] | None:
    """Where a date dates a side clause, not the main one ("the accord, signed Monday, ...", "...,
    having resigned on Monday", "the plant, which closed in 2009, ..."): that clause said as a
    sentence of its own, from the article's words, with the verb it dates and whether the clause
    keeps the article's own tense; None otherwise.

    A participle has no tense of its own: "the accord signed Monday" becomes "The accord was signed
    Monday." and "having resigned" becomes "had resigned", so the caller keeps such a clause only
    for a date that is past (the tense is code's, not the article's); a relative clause, or a clause
    with its own subject ("until the law expires on Dec. 31"), keeps its own verb and tense. A clause whose
    subject would be a pronoun, a number or a span of time ("the quarter ended Sept. 30") is no
    event, and words inside a quotation are never rewritten."""
    doc = parse(text)
    root = _root(doc)
    verb = _governor(doc, timex)
    if root is None or verb is None or verb.i in _spine(root, simultaneous=True):
        return None
    if root.pos_ not in ("VERB", "AUX"):
        # No main verb: the parser misread the sentence ("A fire [swept] through ..." as a noun with
        # a participle), so its "participle" may be the finite verb and "was" would turn the clause
        # passive, reversing who did what. No clean clause, no event.
        return None
    if root.lower_ == "according" and _subject_of(root) is None:
        return None  # the preposition "according (to)" as the root: the parse says nothing reliable of who did what
    sub = list(verb.subtree)
    if _quote_count(text[: sub[0].idx]) % 2 or _quote_count(text[sub[0].idx : sub[-1].idx + len(sub[-1])]):
        return None
    if _premodified(doc, timex) is not None:
        return None  # "charged in the Dec. 21, 1988, bombing": the bombing's date, not the charging's
    if _closes_a_happening_of(doc, timex, verb):
        return None  # "costs associated with the buy-out of a stake last June": the buy-out's date
    relative = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in ("WDT", "WP") and c.i == sub[0].i]
    having = [c for c in verb.children if c.dep_ == "aux" and c.lower_ == "having" and c.i == sub[0].i]
    if verb.dep_ == "relcl" and relative and relative[0].lower_ in ("which", "who", "that"):
        subject, words, link = verb.head, sub[1:], ""
    elif verb.tag_ == "VBN" and verb.dep_ in ("acl", "advcl") and not any(c.dep_ in ("mark", "nsubj", "nsubjpass") for c in verb.children):
        if having:
            subject, words, link = _subject_of(root), sub[1:], "had"
        else:
            if any(c.dep_ in ("aux", "auxpass") for c in verb.children):
                return None  # "to be published": not a fact yet
            subject = verb.head if verb.dep_ == "acl" else _noun_before_comma(doc, sub[0].i)
            if subject is None and verb.dep_ == "advcl" and root.i > sub[-1].i:
                subject = _subject_of(root)  # "Unveiled last April, the chip ..."
            link = "were" if subject is not None and subject.tag_ in ("NNS", "NNPS") else "was"
            words = sub
    elif verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _FACTUAL_MARKS for c in verb.children):
        # "..., until the restriction expires on Dec. 31": a clause with its own subject and tense.
        subject = _subject_of(verb)
        finite = verb.tag_ in ("VBD", "VBZ", "VBP") or any(c.dep_ in ("aux", "auxpass") for c in verb.children)
        if subject is None or not finite:
            return None  # "although drawings, released this month, show": the parser's mark, no clause
        words, link = [t for t in sub if t.i >= subject.left_edge.i], ""
    else:
        return None
    while subject is not None and subject.dep_ == "appos":
        subject = subject.head  # "Robert Angelo, formerly the firm's vice president, who left": Angelo left
    if subject is None or subject.pos_ not in ("NOUN", "PROPN") or subject.ent_type_ in ("DATE", "TIME") or subject.like_num:
        return None
    if not (verb.dep_ == "advcl" and (having or not link)) and _coordinated(subject):
        return None  # "met by Craig and Joan Smith of the council, who traveled": which of them is "who"?
    if any(timex.start <= t.idx < timex.end for t in subject.subtree if t.i < subject.i or t == subject):
        return None
    phrase = "" if verb.dep_ == "advcl" and not link and words[0].i <= subject.i else _noun_phrase(subject)
    rest = text[words[0].idx : words[-1].idx + len(words[-1])].rstrip(" ,;:-")
    clause = " ".join(w for w in (phrase, link, rest) if w)
    own = range(subject.left_edge.i, subject.i + 1)
    names = {doc[i].lower_ for i in own if doc[i].pos_ == "PROPN"}
    if any(t.lower_ in names for t in words if t.i not in own):
        return None  # "Craig traveled with Craig": the subject put in is another participant of the clause
    return with_one_stop(clause[:1].upper() + clause[1:]), verb, not link


def _closes_a_happening_of(doc: Doc, timex: Timex, verb: Token) -> bool:
    """The parser hung the date inside the "of" phrase of a happening that a preposition of `verb`
    takes ("associated with the company's buy-out of a stake in X last June", "tied to the collapse
    of a bank last week"): the date closes that happening's phrase, it is its date, not the verb's."""
    inside = [t for t in doc if timex.start <= t.idx < timex.end]
    heads = [t for t in inside if not (timex.start <= t.head.idx < timex.end)]
    if not heads or heads[0].head.pos_ not in ("NOUN", "PROPN"):
        return False
    up, through_of = heads[0].head, False
    while up != verb and up.head != up:
        if up.pos_ in ("VERB", "AUX"):
            return False
        through_of = through_of or (up.pos_ == "ADP" and up.lower_ == "of")
        if through_of and up.pos_ == "NOUN" and up.dep_ == "pobj" and up.head.head == verb and up.head.lower_ not in ("at", "during", "on", "in"):
            return _names_an_event(up) and not _names_a_figure(up)
        up = up.head
    return False


def _premodified(doc: Doc, timex: Timex) -> Token | None:
    """The noun the date stands before, after a determiner ("the May 3, 1999, attack", "its Jan. 5
    raid"): the date dates that noun's event, whatever the parser hung it on; None otherwise."""
    before = next((t for t in reversed(doc) if t.idx + len(t) <= timex.start), None)
    after = next((t for t in doc if t.idx >= timex.end and t.text != ","), None)
    if before is None or after is None or before.tag_ not in ("DT", "PRP$", "POS") or before.lower_ in ("that", "this", "which", "what"):
        return None
    while after.pos_ in ("ADJ", "NOUN", "PROPN") and after.dep_ in ("amod", "compound") and after.head.i > after.i:
        after = after.head  # "the May 3 car bombing": the bombing
    return after if after.pos_ in ("NOUN", "PROPN") else None


def _coordinated(noun: Token) -> bool:
    """The noun, or the one its "of" phrase follows ("Craig and Joan Smith of the council"), is a
    conjunct: a relative or participle clause after it may be about any of them."""
    while True:
        if noun.dep_ == "conj" or any(c.dep_ == "conj" for c in noun.children):
            return True
        prep = noun.head if noun.dep_ == "pobj" else None
        if prep is None or prep.lower_ != "of" or prep.i == 0 or _noun_before_of(prep) is None:
            return False
        noun = _noun_before_of(prep)


def _noun_before_of(prep: Token) -> Token | None:
    """The word right before an "of" when it is a noun, wherever the parser hung the "of"."""
    before = prep.doc[prep.i - 1]
    return before if before.pos_ in ("NOUN", "PROPN") else None


def _subject_of(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _noun_before_comma(doc: Doc, first: int) -> Token | None:
    """The noun a comma-bounded participle follows ("the terms of the agreement, announced Friday,"):
    what the participle is about, whatever verb the parser hung it on."""
    if first < 2 or doc[first - 1].text != ",":
        return None
    before = doc[first - 2]
    while before.dep_ == "pobj" and before.head.lower_ == "of" and before.head.head.pos_ in ("NOUN", "PROPN"):
        before = before.head.head  # "terms of the agreement, announced Friday": the terms were announced
    return before if before.pos_ in ("NOUN", "PROPN") and before.dep_ not in ("nsubj", "nsubjpass") else None


def _noun_phrase(noun: Token) -> str:
    """The noun with the words before it that belong to it ("the company's new plant"), and an "of"
    phrase after it ("terms of the agreement"): a subject, without its side clauses."""
    doc = noun.doc
    first = min((t.i for c in noun.lefts for t in c.subtree), default=noun.i)
    last = noun.i
    for c in noun.rights:
        if c.dep_ == "prep" and c.lower_ == "of" and c.i == last + 1 and not any(t.pos_ in ("VERB", "AUX") for t in c.subtree):
            last = max(t.i for t in c.subtree)
        break
    while first < noun.i and doc[first].pos_ in ("CCONJ", "SCONJ", "ADP", "PUNCT"):
        first += 1  # "But [Mr. Doyle]", "under [an accord]": the parser's stray attachments
    return doc[first : last + 1].text


def _dateable(tok: Token) -> bool:
    """A common noun a date can date (a meeting, talks, bombings); not a person, group or place."""
    return tok.pos_ == "NOUN" or (tok.pos_ == "PROPN" and tok.ent_type_ in ("EVENT", "LAW", "WORK_OF_ART", ""))


def _names_an_event(tok: Token) -> bool:
    """A noun that names something that happens ("the sale", "the crash", "talks", "the announcement"),
    or a named event ("the Olympics")."""
    if _names_a_figure(tok):
        return False  # "sales", "a loss": a figure, though "a sale" is an event
    return tok.ent_type_ == "EVENT" or any(w in happening_nouns() for w in (tok.lower_, tok.lemma_.lower()))


def _names_a_figure(tok: Token) -> bool:
    """A noun that names an amount ("a loss", "sales", "the price"): a date on it dates the figure."""
    return any(w in figure_nouns() for w in (tok.lower_, tok.lemma_.lower()))


def _noun_before(doc: Doc, timex: Timex) -> Token | None:
    """The noun right before the date's preposition ("the summit [on Friday]"), if it is the object
    of a preposition itself."""
    first = next((t for t in doc if t.idx >= timex.start), None)
    if first is None or first.i < 2 or doc[first.i - 1].pos_ != "ADP":
        return None
    before = doc[first.i - 2]
    return before if before.pos_ in ("NOUN", "PROPN") and before.dep_ == "pobj" else None


# ---------------------------------------------------------------------------------------------
# Candidates


def _root(doc: Doc) -> Token | None:
    roots = [t for t in doc if t.dep_ == "ROOT"]
    return roots[0] if roots else None


def _spine(root: Token, simultaneous: bool = False) -> set[int]:
    """The verbs of the main clause: the root, and clauses it takes as complement or conjunct;
    with `simultaneous`, also a clause that happens at the same time ("perished when ... sank")."""
    spine, todo = set(), [root]
    while todo:
        tok = todo.pop()
        spine.add(tok.i)
        todo.extend(c for c in tok.children if c.dep_ in _CLAUSAL_SPINE and c.pos_ in ("VERB", "AUX"))
        if simultaneous:
            todo.extend(c for c in tok.children if c.dep_ == "advcl" and any(m.lower_ in _AT_THE_SAME_TIME for m in c.children if m.dep_ in ("mark", "advmod") and m.i < c.i))
    return spine


def _core(root: Token) -> set[int]:
    """Tokens never deleted: the verbs of the spine, their subjects, objects, auxiliaries,
    negations, and each subject's and object's head words."""
    core = set()
    for i in _spine(root):
        verb = root.doc[i]
        core.add(i)
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass", "csubj", "dobj", "attr", "acomp", "oprd", "aux", "auxpass", "neg", "mark", "prt", "expl"):
                core.add(child.i)
                if child.dep_ in ("nsubj", "nsubjpass", "dobj", "attr"):
                    core.update(t.i for t in child.lefts if t.dep_ in ("compound", "det", "poss", "amod", "nummod"))
    return core


def _subtree_chars(tokens: Sequence[Token]) -> tuple[int, int]:
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def _comma_bounded(doc: Doc, first: int, last: int) -> tuple[int, int] | None:
    """Character range of tokens first..last with the comma before, and the comma after when it is
    not the sentence's end; None unless a comma (or dash) opens the phrase."""
    if first == 0 or doc[first - 1].text not in (",", "—", "–", "--"):
        return None
    start = doc[first - 1].idx
    after = doc[last + 1] if last + 1 < len(doc) else None
    if after is not None and after.text in (",", "—", "–", "--"):
        if (after.text == ",") != (doc[first - 1].text == ","):  # ", the same age as Elian --": the dash closes more
            if after.text != "," and sum(t.text in ("—", "–", "--") for t in doc[first : last + 1]) % 2:
                # ", which owns half of the steelmaker -- Ajax Steel --": the dash closes an aside
                # the phrase opened, so it goes with the phrase, not left before the verb
                return start, after.idx + len(after)
            return start, doc[last].idx + len(doc[last])
        return start, after.idx + len(after)
    if after is None or after.is_punct:
        return start, doc[last].idx + len(doc[last])
    return None  # the phrase runs on into the clause: restrictive, not a side phrase


def _candidates(doc: Doc, root: Token) -> Iterable[tuple[int, int, SpanKind]]:
    text = doc.text
    # Parentheticals: balanced brackets.
    for m in re.finditer(r"\s*\([^()]*\)", text):
        yield m.start(), m.end(), "parenthetical"
    for tok in doc:
        sub = list(tok.subtree)
        first, last = sub[0].i, sub[-1].i
        if tok.dep_ == "appos" and _names(tok) and (
            tok.head.pos_ == "NOUN" or tok.ent_type_ == "PERSON" and tok.head.ent_type_ != "PERSON"
            or tok.head.ent_type_ in ("GPE", "LOC") and tok.ent_type_ not in ("GPE", "LOC")  # not "Tucson, Arizona,"
        ):
            # "The suspect, James Kopp, was ...": the name is who the participant is, never a side
            # phrase; nor a person's name the parser hung on a place ("A refugee in Geneva, Ann Bell, is").
            continue
        if tok.dep_ == "appos" and any(
            c.dep_ == "conj" and (any(g.dep_ in ("det", "nummod", "poss") for g in c.children) or _two_participants(tok, c))
            for c in tok.children
        ):
            # "for the father, X, his family and three others", "three people _ a nurse, a teacher and
            # a cousin": a conjunct with its own determiner, or one plural where the other is not
            # ("costs of its plant, a softer market and higher taxes"), is another one, so this is
            # the rest of a list the parser hung on its first item, not a description of it ("Ann
            # Bell, a lawyer and mother of two," is one); dropped, the list would read as a
            # description of that item.
            continue
        if tok.dep_ == "appos" and any(t.dep_ == "conj" and t.pos_ == "PROPN" and any(g.dep_ == "appos" for g in t.children) for t in tok.subtree):
            # "a bid by Acme Ltd., a company based in Basel, Switzerland, and Beta Corp., a research
            # concern,": a name with a description of its own, which the parser joined to a word
            # inside the first description, is the second bidder; dropped, the bid would be one firm's.
            continue
        if tok.dep_ == "appos" and _modifier_list_after(tok):
            # "The British paper, packaging and publishing concern, said": the noun before the comma
            # is the first of the head's modifiers ("a paper, packaging and publishing concern"),
            # no participant described; dropped, the "paper" would read as a newspaper.
            continue
        if tok.dep_ == "appos" and _is_place(tok) and _is_place(tok.head) and _side_place(tok.head):
            # "Acme Corp., Oshkosh, Wis., said": the state or country names which city; dropped
            # alone it leaves the city hanging on the company ("Acme Corp., Oshkosh, said"), so
            # the city and its state go together or stay ("the mayor of Tucson, Arizona," keeps
            # the city in its clause and may lose the state).
            continue
        if _side_place(tok):
            # The place and its own region only: a list the parser hung on the city ("Fresno,
            # Calif., and its sister firm") is the company's, not the city's.
            last = max([tok.i] + [t.i for c in tok.children if c.dep_ == "appos" and _is_place(c) for t in c.subtree])
        if tok.dep_ == "appos" or _side_place(tok) or (
            tok.dep_ == "relcl" and sub[0].tag_ in ("WDT", "WP", "WP$", "WRB") and sub[0].lower_ != "that"
        ):
            bounds = _comma_bounded(doc, first, last)
            if bounds:
                yield (*_closing_comma(doc, tok, last, bounds), "relative" if tok.dep_ == "relcl" else "appositive")
        elif tok.dep_ in ("advcl", "acl") and tok.tag_ in ("VBG", "VBN") and not any(c.dep_ == "mark" for c in tok.children):
            # A trailing participle clause: ", killing ten people." (a clause, so it has more than one word)
            if last == len(doc) - 1 or (last + 1 < len(doc) and all(t.is_punct for t in doc[last + 1 :])):
                if len(sub) > 1 and first > 0 and doc[first - 1].text == ",":
                    yield doc[first - 1].idx, doc[last].idx + len(doc[last]), "participle"
    yield from _leading(doc, root)


def _modifier_list_after(tok: Token) -> bool:
    """The appositive opens on coordinated modifiers of its head, with no determiner ("packaging
    and publishing concern"): the rest of a list of modifiers the noun before the comma begins."""
    before = [t for t in tok.subtree if t.i < tok.i]
    return bool(before) and any(t.dep_ == "cc" for t in before) and not any(
        t.dep_ in ("det", "poss", "predet") or t.tag_ in ("DT", "PRP$") for t in before)


def _is_place(tok: Token) -> bool:
    return tok.ent_type_ in ("GPE", "LOC")


def _side_place(tok: Token) -> bool:
    """A place set off by commas after a name, which says where that one is ("Acme Corp., Oshkosh,
    Wis.,"), whether the parser hung it as an appositive or as an adverbial noun; not the name of
    what a common noun describes ("the capital, Ankara,"), nor a place's own region."""
    return (
        tok.dep_ in ("appos", "npadvmod") and _is_place(tok) and tok.pos_ == "PROPN" and tok.i > 0
        and tok.doc[tok.i - 1].text == "," and tok.head.i < tok.i and tok.head.pos_ == "PROPN" and not _is_place(tok.head)
    )


def _names(tok: Token) -> bool:
    """Whether an appositive is a name ("James Kopp", "Harbor Tools"), not a description."""
    return tok.pos_ == "PROPN" or tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP", "FAC", "LOC")


def _closing_comma(doc: Doc, tok: Token, last: int, bounds: tuple[int, int]) -> tuple[int, int]:
    """Whether the comma after a side phrase goes with it. "John, the CEO, said": yes, the subject
    it sits in goes on with its verb. "Mars Inc., which ..., respectively" or "Kopp, 44, of
    Vermont, was": no, another phrase follows and the comma is its own. "a team, sent to Oklahoma
    City, Okla., was": no, it also closes the phrase that holds the span."""
    start, end = bounds
    after = last + 2
    if after >= len(doc) or doc[last + 1].text != ",":  # a phrase that ends the text has no comma after it
        return start, end
    # The phrase sits in a subject, and the subject runs on to its verb without another comma
    # ("Nairobi, Kenya, on Aug. 7 killed"; not "Kopp, 44, of Vermont, was").
    verbs = [a.head for a in (tok.head, *tok.head.ancestors) if a.dep_ in ("nsubj", "nsubjpass")]
    continues = any(v.i > last and not any(t.text == "," for t in doc[after : v.i]) for v in verbs[:1])
    for outer in tok.ancestors:
        sub = list(outer.subtree)
        if outer.dep_ == "ROOT" or sub[-1].i not in (last, last + 1):
            break
        # A list's comma opens nothing; the comma before a subject closes a leading phrase ("On May 6, X, 44, was").
        if outer.dep_ not in ("conj", "nsubj", "nsubjpass") and sub[0].i > 0 and doc[sub[0].i - 1].text == ",":
            continues = False
    return (start, end) if continues else (start, doc[last].idx + len(doc[last]))


def _leading(doc: Doc, root: Token) -> Iterable[tuple[int, int, SpanKind]]:
    """Phrases before the subject, closed by a comma, that say when or where: "On Tuesday, ...",
    "In Paris, ...", "Earlier this year, ..."."""
    comma = next((t for t in doc if t.text == ","), None)
    if comma is None or comma.i == 0:
        return
    head = doc[: comma.i]
    if any(t.dep_ in ("nsubj", "nsubjpass") and t.head == root for t in head) or root.i < comma.i:
        return
    tops = [t for t in head if t.head.i >= comma.i]
    if not tops or any(t.head != root or t.dep_ not in ("prep", "npadvmod", "advmod", "pobj") for t in tops):
        return
    if any(t.lower_ in _CONDITION for t in head) or any(t.head.i < comma.i for t in doc[comma.i + 1 :]):
        return  # a condition, or the phrase goes on after the comma ("As a father -- ..., the same age as ...")
    # The time or place is what the phrase is about: the object of its preposition, or the phrase itself.
    when_or_where = any(
        e.label_ in _PLACE_OR_TIME and (e.root in tops or e.root.head in tops) for e in doc.ents if e.end <= comma.i
    ) or any(
        t.lower_ in ("earlier", "later", "meanwhile", "yesterday", "today", "tomorrow", "recently") for t in head
    )
    if when_or_where:
        end = comma.idx + 1
        while end < len(doc.text) and doc.text[end] == " ":
            end += 1
        yield 0, end, "leading"


# ---------------------------------------------------------------------------------------------
# Guards and mending


def _guarded(tokens: Sequence[Token]) -> bool:
    """A span that holds an attribution, a condition or a quote's speaker is never dropped."""
    for tok in tokens:
        if tok.lemma_.lower() in _REPORTING and tok.pos_ == "VERB" and tok.tag_ != "VBG":
            return True
        if tok.lower_ == "according" or tok.lower_ in _CONDITION:
            return True
    return False


def _outermost(found: list[tuple[int, int, SpanKind]]) -> list[tuple[int, int, SpanKind]]:
    """Nested or overlapping candidates: the outer one only, so that spans drop independently."""
    found = sorted(set(found), key=lambda f: (f[0], -f[1]))
    kept: list[tuple[int, int, SpanKind]] = []
    for s, e, k in found:
        if kept and s < kept[-1][1]:
            continue
        kept.append((s, e, k))
    return kept


# A sentence's end: its stop, then any closing quotation marks or brackets (wire copy's '' too).
SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*$")


def _quote_count(text: str) -> int:
    return quote_count(text)


def _mend(text: str, original: str) -> str:
    out = re.sub(r"\s+", " ", text).strip()
    out = re.sub(r"\s+([,.;:!?)])", r"\1", out)
    out = re.sub(r"([,;:])(?:\s*[,;:])+", r"\1", out)  # ", ," left by two spans that met
    out = re.sub(r"[,;:]\s*([.!?])", r"\1", out)  # ", ." at the end
    out = re.sub(r"[,;:]\s*([\"”’])\s*$", r"\1", out)
    out = out.lstrip(",;: ")
    if out and out[0].islower():
        out = out[0].upper() + out[1:]
    end = SENTENCE_END.search(original.strip())
    if end and not SENTENCE_END.search(out):
        out = out.rstrip(",;: ") + end.group(0)
    return with_one_stop(out) if end else out


def is_clause(text: str) -> bool:
    """The text has a finite clause at its root: a sentence, not a dateline ("AMHERST, N.Y."), a byline
    or a caption fragment, which can neither lead a summary nor be shortened into one."""
    root = _root(parse(text))
    return root is not None and root.pos_ in ("VERB", "AUX")


@cached()
def _well_formed(text: str) -> bool:
    """The sentence still has a subject and a verb, ends on a word that ends a clause, and is more
    than a subordinate clause (`subordinate_only`)."""
    doc = parse(text)
    root = _root(doc)
    if root is None or root.pos_ not in ("VERB", "AUX"):
        return False
    if subordinate_only(doc) is not None:
        return False
    words = [t for t in doc if not t.is_punct]
    if not words or words[-1].pos_ in ("ADP", "DET", "CCONJ", "SCONJ") or words[-1].tag_ == "PRP$":
        return False
    return _quote_count(text) % 2 == 0


# Subordinators that may also begin a main clause ("So the plan failed.", "For it was late."), or
# open a subject clause the parser often misreads ("That the economy grew surprised nobody.").
_NOT_SUBORDINATING = frozenset({"so", "for", "that", "whether"})
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


def subordinate_only(doc: Doc) -> Token | None:
    """The subordinator when the sentence's only clause is a subordinate one ("Although the economy
    grew 2.5%.", "If the merger is approved, a decision expected in March.", "When he arrived."):
    what is left of "Although X, MAIN CLAUSE" without its main clause, which no reader can take as
    a statement. None when the sentence has a main clause, wherever the parser hung it: after a long
    fronted clause the parser may make the subordinate verb the root and hang the main clause on
    it, after the comma that closes the fronted clause, as a clause with a subject and a finite verb
    of its own ("Although X, officials said ..." read as X's complement)."""
    root = _root(doc)
    if root is None:
        return None
    verbs = [root]
    if root.pos_ not in ("VERB", "AUX"):
        # "But although the rate rose.": the connective made the root, the clause hung on it; not
        # a root after the clause ('When they say "sell," the index tumbles', "tumbles" read as a
        # noun): the main clause, misread
        verbs = [c for c in root.children if c.dep_ in ("advcl", "ccomp") and c.pos_ in ("VERB", "AUX") and c.i > root.i]
    for verb in verbs:
        marker = next((c for c in verb.children if c.i < verb.i and (
            c.dep_ == "mark" and c.lower_ not in _NOT_SUBORDINATING
            or c.dep_ == "advmod" and c.tag_ == "WRB" and c.i == verb.left_edge.i and c.lower_ in ("when", "whenever", "once"))), None)
        if marker is None or any(not t.is_punct and t.pos_ not in ("CCONJ", "ADV") for t in doc[: marker.i]):
            continue  # no subordinator, or one inside the clause rather than opening it
        if marker.dep_ == "advmod" and (doc.text.rstrip(" \"'”’)").endswith("?") or not any(
                c.dep_ in ("nsubj", "nsubjpass", "expl") and marker.i < c.i < verb.i for c in verb.children)):
            continue  # "When did he arrive?", "When asked, ...": a question, or no clause of its own
        if not _main_clause_hung_on(verb):
            return marker
    return None


def _main_clause_hung_on(verb: Token) -> bool:
    """A clause with its own subject and a finite verb hangs on `verb` after a comma that closes
    `verb`'s clause: the sentence's main clause, whatever the parser made of it."""
    doc = verb.doc
    for tok in verb.subtree:
        if tok.i <= verb.i or tok.dep_ not in ("ccomp", "conj", "parataxis", "advcl", "dep", "appos", "relcl", "acl"):
            continue
        finite = tok.tag_ in _FINITE or any(c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE for c in tok.children)
        subject = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "expl") and c.i < tok.i), None)
        if not finite or subject is None or subject.tag_ in ("WDT", "WP", "WP$"):
            continue  # ", which was a blow": a relative clause is no main clause
        first = min(subject.left_edge.i, tok.left_edge.i)
        while first > 0 and doc[first - 1].is_quote:  # 'When they say "sell," the index tumbles'
            first -= 1
        if first > 0 and doc[first - 1].text in (",", ";", "--", "—", "–"):
            return True
    return False


# Prepositions that place the clause against another happening: a date right on that happening's
# noun dates it ("before talks next week", "ahead of the vote Friday", "pending meetings last week").
_ORDERING = frozenset({"before", "after", "ahead", "prior", "pending", "following", "until", "since"})


def _ordered_against(noun: Token) -> bool:
    """`noun` names a happening the clause is placed before or after ("after a vote", "ahead of talks")."""
    if noun.dep_ != "pobj" or noun.pos_ != "NOUN" or not _names_an_event(noun):
        return False
    prep = noun.head
    if prep.lower_ in ("of", "to") and prep.head.lower_ in ("ahead", "prior"):
        prep = prep.head
    return prep.lower_ in _ORDERING


def _governor(doc: Doc, timex: Timex) -> Token | None:
    """The verb the date modifies, through its preposition ("on Tuesday", "in March"); None when
    it modifies a noun ("the meeting on May 14-15") or is not attached to a verb at all."""
    inside = [t for t in doc if timex.start <= t.idx < timex.end]
    heads = [t for t in inside if not (timex.start <= t.head.idx < timex.end) or t.head == t]
    if not heads:
        return None
    tok = heads[0]
    if tok.head == tok:
        return tok if tok.pos_ in ("VERB", "AUX") else None
    up = tok.head
    medium = up.head if up.pos_ == "ADP" and up.lower_ in ("on", "in") else None
    if medium is not None and medium.pos_ == "NOUN" and medium.dep_ == "pobj" and medium.head.pos_ == "ADP" \
            and medium.head.head.pos_ == "VERB" and medium.head.head.lemma_ in _REPORTING:
        return medium.head.head  # "said in an editorial on Saturday": the day of what the report is told in
    if up.pos_ == "ADP" and up.lower_ == "of" and up.head.pos_ in ("NOUN", "PROPN") and up.dep_ != "ROOT":
        return None  # "the Enforcement Act of 1989", "the crash of 1987": "of" makes the date part of its noun
    if up.pos_ == "ADP" and up.head.pos_ == "PROPN" and not _dateable(up.head) and up.head.dep_ != "ROOT":
        up = up.head  # "met the President on Tuesday": a date does not modify a person or a place
    if _ordered_against(up):
        return None  # "named a cabinet before talks next week": the date is the talks', not the naming's
    if (tok.dep_ in ("npadvmod", "tmod") or not _dateable(up)) and up.pos_ in ("NOUN", "PROPN") and up.dep_ != "ROOT":
        # A bare date ("a rally Saturday") modifies a clause, whatever noun the parser hung it on;
        # not through an adjective that has words of its own ("[payable Dec. 7 to stock of record
        # Nov. 22]"): the date is inside what the adjective says of its noun.
        while up.pos_ not in ("VERB", "AUX") and up.head != up:
            if up.pos_ == "ADJ" and up.dep_ in ("amod", "advcl", "appos", "npadvmod") and any(c.dep_ == "prep" for c in up.children):
                return None
            up = up.head
    while (up.pos_ == "ADP" or (up.pos_ == "SCONJ" and up.dep_ == "prep")) and up.head != up:  # "on" -> its head, "ahead of" -> "ahead" -> ...
        # ("since 1983": the parser may call "since" a subordinator, yet it heads a phrase here)
        up = up.head
    if up.pos_ == "ADV" and up.dep_ in ("advmod", "prep") and up.head != up:  # "ahead of", "earlier in"
        up = up.head
    if up.dep_ in ("acomp", "oprd", "xcomp") and up.pos_ == "ADJ":  # "stayed closed on Monday"
        up = up.head
    if up.pos_ == "AUX" and up.dep_ in ("aux", "auxpass"):
        up = up.head
    return up if up.pos_ in ("VERB", "AUX") else None


# English discourse connectives that tie a sentence to the one before it (a closed class, as the
# Penn Discourse Treebank lists explicit connectives): adverbs, and the nouns of the prepositional
# ones ("in addition", "as a result", "for example"; "at the same time", "on the other hand" by
# their "same"/"other").
_CONNECTIVE_ADVERBS = frozenset(
    """however meanwhile also moreover furthermore nevertheless nonetheless still instead besides likewise
    similarly additionally consequently therefore thus hence otherwise indeed anyway further accordingly
    conversely alternatively regardless then yet""".split()
)
_CONNECTIVE_NOUNS = frozenset("addition contrast fact result example instance turn meantime particular short sum contrary comparison effect".split())


def leading_connective(text: str) -> int:
    """Where `text` goes on after a discourse connective that opens it ("However, ", "In addition, ",
    "But "), read from its parse: a coordinating conjunction that opens the sentence, or a phrase
    closed by a comma that hangs on a verb as an adverb or as a preposition whose object is a
    connective's noun, with no name, number or date; 0 when it opens on none, or when what
    follows could not open a sentence (an auxiliary: "Nor did he ...", a quotation)."""
    doc = parse(text)
    words = [t for t in doc if not t.is_space]
    if not words or words[0].is_punct:
        return 0
    first = words[0]
    if first.dep_ == "cc" and first.tag_ == "CC":
        rest = first.i + 1
    elif _connective_before_phrase(first):
        rest = first.i + 1
    else:
        comma = next((t for t in doc if t.text == ","), None)
        if comma is None or not 1 <= comma.i <= 4:
            return 0
        phrase = doc[: comma.i]
        tops = [t for t in phrase if t.head.i >= comma.i or t.head.i == t.i]
        if len(tops) != 1 or tops[0].head.pos_ not in ("VERB", "AUX") or any(t.ent_type_ or t.pos_ in ("PROPN", "NUM") for t in phrase):
            return 0
        top = tops[0]
        adverb = len(phrase) == 1 and top.dep_ in ("advmod", "cc") and top.lower_ in _CONNECTIVE_ADVERBS
        objects = [t for t in phrase if t.dep_ == "pobj"]
        prepositional = top.dep_ == "prep" and len(objects) == 1 and (
            objects[0].lemma_.lower() in _CONNECTIVE_NOUNS or any(c.dep_ == "amod" and c.lower_ in ("same", "other") for c in objects[0].children)
        )
        if not adverb and not prepositional:
            return 0
        rest = comma.i + 1
    if rest >= len(doc) or doc[rest].pos_ == "AUX" and doc[rest].dep_ != "nsubj" or doc[rest].is_punct or not doc[rest].text[:1].isalnum():
        return 0
    return doc[rest].idx


# Adverbs of aspect ("still in the lead", "yet in ..."): with no comma after them they tell that a
# state goes on, which is said of the clause, not of its tie to the sentence before.
_ASPECT_ADVERBS = frozenset({"still", "yet", "already"})


def _connective_before_phrase(first: Token) -> bool:
    """A connective adverb that opens the sentence with no comma after it, right before a
    prepositional phrase or the subject of the verb it ties ("Meanwhile in the capital, ...",
    "Meanwhile the mayor resigned"): the adverb alone is the tie to what came before; the phrase
    is the clause's own. Not "Instead of a tax", whose preposition is the adverb's."""
    doc = first.doc
    after = doc[first.i + 1] if first.i + 1 < len(doc) else None
    if after is None or after.is_punct or first.dep_ != "advmod" or first.lower_ not in _CONNECTIVE_ADVERBS - _ASPECT_ADVERBS:
        return False
    verb = first.head
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    if after.pos_ == "ADP" and after.dep_ == "prep" and after.head == verb:
        return True
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.left_edge == after for c in verb.children)


def without_leading_connective(text: str) -> str:
    """`text` without the connective that opens it (`leading_connective`), its first word capitalised."""
    at = leading_connective(text)
    return text if not at else text[at].upper() + text[at + 1 :]

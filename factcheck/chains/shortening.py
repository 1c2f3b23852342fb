"""Which of a sentence's deletable spans (factcheck/syntax.py) a summary sentence or a timeline
event may drop: only one whose loss leaves the rest standing alone at least as well as the whole
sentence. syntax.py finds the phrases grammar lets go; this module keeps those the rest still needs:

- a phrase a word left points back to ("which killed 250 people" before "most of them"), or whose
  loss leaves a referent dangling that the whole sentence gave (factcheck/referents.py's test, run
  on the shortened text and on the whole one);
- the role that says who a speaker's "we" is ('"We will ...," said Eitan, the science minister'),
  or the body a "they" stands for ("Tom Reed, the union's president, said they would strike");
- a leading place phrase that places a participant the rest does not name ("In Singapore, stocks
  hit a low", "In Cuba, thousands rallied": which stocks, which thousands);
- a leading time or place phrase before a clause that states a figure ("For the nine months, it
  earned $18.9 million", "In Texas, 40% voted"): a figure is measured over a period, a place or a
  population, and without it the figure reads as one of the period the reader last met;
- a phrase that introduces a name the rest, or a later summary sentence, uses alone ("the Office of
  Thrift Supervision (OTS)" before "OTS said");
- a phrase whose closing comma also closed one opened before it: dropped, it would leave that one
  open ("The ad, said Ann Bell, a lawyer, is ..." -> "The ad, said Ann Bell is ...").

The phrases that lose nothing stay droppable: the point of a compression is brevity."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ..article import quote_count
from ..attribution import _ORG_NOUNS, _PERSON_ENTS
from ..wordlists import person_nouns
from ..nlp import cached, parse
from ..referents import dangling, introductions, may_stand_for, names_referent, pointing_back, referring_phrases
from ..syntax import Span, compress, deletable_spans

_WE = frozenset("we us our ours ourselves".split())
_THEY = frozenset("they them their theirs themselves".split())
_PLACES = frozenset({"GPE", "LOC", "FAC"})
_NAMES = frozenset({"PERSON", "ORG"})
# Words after which a comma cannot close a phrase: it follows a subordinator, a determiner or a
# preposition only where it opens a side phrase ("whether, as police suspect, Rudolph is ...").
_OPENING_TAGS = frozenset({"IN", "DT", "CC", "TO", "WDT", "WP", "WRB", "PRP$"})


@cached()
def droppable_spans(text: str, previous: Sequence[str] | None = None, later: Sequence[str] = ()) -> list[Span]:
    """The deletable spans of `text` whose loss leaves the rest standing alone at least as well as
    the whole: `previous` are the article's sentences before it (for what points back to them),
    `later` the texts that follow it in the same reading (a summary's later sentences), which may
    use a name the span introduces."""
    spans = deletable_spans(text)
    return [s for s in spans if not needed(text, s, spans, previous, later)]


def shortest(text: str, previous: Sequence[str] | None = None, later: Sequence[str] = ()) -> str:
    """The sentence as short as it may be made: every droppable span dropped."""
    spans = droppable_spans(text, previous, later)
    return compress(text, {s.id for s in spans}, spans) if spans else text


def needed(text: str, span: Span, spans: Sequence[Span], previous: Sequence[str] | None = None, later: Sequence[str] = ()) -> bool:
    """Whether the rest of `text` needs `span` (see the module's docstring)."""
    return (
        _referred_to(text, span, spans, previous)
        or _identifies_speakers_group(text, span)
        or _places_a_participant(text, span, spans)
        or _scopes_a_figure(text, span, spans)
        or _introduces_a_name(text, span, later)
        or _introduces_a_referent(text, span, spans, later)
        or _leaves_a_comma_open(text, span, spans)
    )


def _inside(span: Span, tok) -> bool:
    return span.start <= tok.idx < span.end


def _referred_to(text: str, span: Span, spans: Sequence[Span], previous: Sequence[str] | None) -> bool:
    """Whether a word outside `span` points back to what only the span names: a pronoun or a bare
    "the attack" whose only possible antecedents before it lie in the span, or a word that the
    sentence without the span leaves dangling (with the article before it, a participant that then
    points back to it: "the charges, filed against Kopp in May," without its phrase)."""
    shorter = compress(text, {span.id}, spans)
    if Counter(w.lower() for w in dangling(shorter, False, previous)) - Counter(w.lower() for w in dangling(text, False, previous)):
        return True
    doc = parse(text)
    for tok in doc:
        if tok.pos_ == "PRON" and not _inside(span, tok):
            before = doc[: tok.i]
            candidates = [t for t in before if may_stand_for(tok.lower_, t)] or [t for t in before if _body_for(tok.lower_, t)]
            if candidates and all(_inside(span, t) for t in candidates):
                return True
    for first, noun, kind in referring_phrases(text):
        if kind == "definite" and not _inside(span, noun):
            mentions = [t for t in doc[:first] if t.lemma_.lower() == noun.lemma_.lower() and t.pos_ in ("NOUN", "PROPN", "VERB")]
            if mentions and all(_inside(span, t) for t in mentions):
                return True
    return False


def _body_for(pronoun: str, tok) -> bool:
    """For "they" with no plural noun before it: a body of people (an organisation, "the union"),
    which it stands for as a plural noun would; never one person's name."""
    return pronoun in _THEY and tok.ent_type_ not in _PERSON_ENTS and (
        tok.ent_type_ in ("ORG", "NORP") or tok.pos_ == "NOUN" and tok.lemma_.lower() in _ORG_NOUNS
    )


def _described_person(span: Span, doc):
    """The person a side phrase describes ("Eitan, the science minister", "Ann Bell, who heads the
    union"): the word it hangs on when that is a person's name or a noun for a person, else None."""
    tops = [t for t in doc if _inside(span, t) and not _inside(span, t.head)]
    for top in tops:
        if top.dep_ in ("appos", "relcl") and (
            top.head.ent_type_ in _PERSON_ENTS or top.head.pos_ == "PROPN" and top.head.ent_type_ not in _PLACES | {"ORG"}
            or top.head.lemma_.lower() in person_nouns()
        ):
            return top.head
    return None


def _identifies_speakers_group(text: str, span: Span) -> bool:
    """'"We will defend our north," said Eitan, the science minister': the role is all that says
    whose "we" it is; a name alone says who speaks, not for whom."""
    if span.kind not in ("appositive", "relative", "parenthetical"):
        return False
    doc = parse(text)
    if _described_person(span, doc) is None and span.kind != "parenthetical":
        return False
    if span.kind == "parenthetical" and not any(t.pos_ in ("NOUN", "PROPN") for t in doc if _inside(span, t)):
        return False
    return any(t.lower_ in _WE and t.pos_ == "PRON" for t in doc if not _inside(span, t))


def _unplaced(tok) -> bool:
    """A participant that says of itself neither who nor where: a common noun or a number ("stocks",
    "thousands", "the property market", "the capital"), with no name, possessor or place in its
    phrase; not a date, nor a pronoun (whose referent is another test's)."""
    if tok.pos_ not in ("NOUN", "NUM") or tok.ent_type_ in ("DATE", "TIME", "PERCENT", "MONEY"):
        return False
    clauses = {t.i for c in tok.children if c.dep_ in ("relcl", "acl") for t in c.subtree}
    phrase = [t for t in tok.subtree if t.i != tok.i and t.i not in clauses]
    return not any(t.pos_ == "PROPN" or t.ent_type_ in _PLACES | _NAMES | {"NORP"} or t.dep_ == "poss" for t in phrase)


def _places_a_participant(text: str, span: Span, spans: Sequence[Span]) -> bool:
    """"In Singapore, stocks hit a five-year low", "In Cuba, thousands rallied for his return": a
    leading phrase that names a place is where the rest happens, and the only word of which stocks,
    which thousands, which capital, when a subject or object of the main clause names none."""
    if span.kind != "leading":
        return False
    doc = parse(text)
    if not any(e.label_ in _PLACES and span.start <= e.start_char < span.end for e in doc.ents):
        return False
    rest = parse(compress(text, {span.id}, spans))
    if any(e.label_ in _PLACES for e in rest.ents):
        return False  # the rest says where itself
    root = next((t for t in rest if t.dep_ == "ROOT"), None)
    if root is None:
        return False
    participants = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass", "dobj", "attr")]
    return any(_unplaced(p) for p in participants)


# Entity types of a figure; a date's or an ordinal's number is no quantity measured over a scope.
_FIGURES = frozenset({"MONEY", "PERCENT", "QUANTITY", "CARDINAL"})


def _scopes_a_figure(text: str, span: Span, spans: Sequence[Span]) -> bool:
    """"For the nine months, America West earned $18.9 million", "In 1988, the company earned $20.6
    million", "In Texas, 40% of voters ...": a leading phrase says over what period or place the
    figure the rest states was measured. Dropped, the figure reads as one of the period a sentence
    before it named (a quarter's, not nine months'): not a detail lost, a different fact."""
    if span.kind != "leading":
        return False
    doc = parse(text)
    if not any(e.label_ in _PLACES | {"DATE", "TIME"} and span.start <= e.start_char < span.end for e in doc.ents):
        return False  # "Meanwhile,", "Earlier,": a link to the sentence before, no period or place
    rest = parse(compress(text, {span.id}, spans))
    return any(
        (t.ent_type_ in _FIGURES or (t.pos_ == "NUM" and t.ent_type_ not in ("DATE", "TIME", "ORDINAL")))
        and not any(a.dep_ in ("relcl", "acl", "appos") for a in (t, *t.ancestors))  # "X, which is 61%-owned,"
        for t in rest
    )


def _introduces_a_name(text: str, span: Span, later: Sequence[str]) -> bool:
    """A name the span introduces, in brackets or in apposition ("the Office of Thrift Supervision
    (OTS)", "a lawyer for her, Betty Currie", "a drug called Zentra"), that the rest of the text or
    a later text (`later`) uses alone: without the span the reader meets it unintroduced."""
    if span.kind == "leading":
        return False
    doc = parse(text)
    names = set()
    for tok in doc:
        if not _inside(span, tok) or tok.pos_ != "PROPN":
            continue
        head = tok
        while head.dep_ in ("compound", "flat") and head.head.pos_ == "PROPN" and head.head.i != head.i:
            head = head.head  # "Betty" -> "Currie": the name's head word
        introduced = span.kind == "parenthetical" or head.dep_ in ("appos", "oprd") or (
            head.dep_ in ("attr", "pobj", "dobj") and head.head.lemma_ in ("call", "name", "as", "know")
        )
        if introduced and (tok.ent_type_ in _NAMES or tok.ent_type_ == "" and tok.text.isupper() and len(tok.text) > 1):
            names.add(tok.text)
    if not names:
        return False
    before, after = text[: span.start], text[span.end :]
    elsewhere = [after, *later]
    return any(
        name not in before.split() and any(name in _words(t) for t in elsewhere) for name in names
    )


def _introduces_a_referent(text: str, span: Span, spans: Sequence[Span], later: Sequence[str]) -> bool:
    """A phrase that introduces what a definite of a later text points back to ("Talks stalled
    under a standstill agreement" before "The agreement expires in May"): without it the reader of
    the later text meets "the agreement" with nothing before that says which."""
    shorter = None
    for other in later:
        for _, noun, kind in pointing_back(other, [text]):
            if kind != "definite" or not introductions(noun, [text]) or not names_referent(noun, text):
                continue
            shorter = compress(text, {span.id}, spans) if shorter is None else shorter
            if not names_referent(noun, shorter):
                return True
    return False


def _words(text: str) -> set[str]:
    return {t.text for t in parse(text)}


def _leaves_a_comma_open(text: str, span: Span, spans: Sequence[Span]) -> bool:
    """The span takes its closing comma with it, and the comma before the phrase it follows opened
    that phrase rather than closing one before ("The ad, said Ann Bell, a lawyer, is ...", "asked
    whether, Rudolph, who is at large, is ..."): without the span that comma is left open. A comma
    after a leading phrase ("On May 6, Kopp, 44, was ...") or between items of a list closes."""
    kept_ends = {s.end for s in spans if s.id != span.id}
    if not text[span.start : span.end].rstrip().endswith(",") or span.start in kept_ends:
        return False  # compress puts a comma back, or there is none to take
    doc = parse(text)
    first = next((t for t in doc if t.idx >= span.start and not t.is_punct), None)
    if first is None:
        return False
    opener = next((t for t in reversed(doc[: first.i]) if t.text == "," and t.idx < span.start), None)
    if opener is None or opener.i == 0 or not any(t.idx >= span.start and t.text == "," for t in doc[opener.i + 1 :]):
        return False
    after = doc[opener.i + 1] if opener.i + 1 < len(doc) else None
    if after is not None and (after.pos_ == "CCONJ" or after.idx >= span.start):
        return False  # a list's comma, or the span's own
    word = doc[opener.i - 1]
    if word.tag_ in _OPENING_TAGS or word.dep_ == "mark":
        return True
    top = word
    while top.head.i < opener.i and top.head.i != top.i:
        top = top.head
    # The words before the comma hang on something after it as an adverbial ("On May 6,"), or are a
    # phrase the parser made a sentence of its own ("Citing an example,"): it closes them.
    return not (top.head.i > opener.i and top.dep_ in ("prep", "advmod", "npadvmod", "advcl", "tmod") or top.dep_ == "ROOT")


# Subordinators of a clause whose main clause is asserted whatever it says: a concession, or a
# contrast ("while" also tells a time the main clause happens in, which it still does).
_CONCESSIVE = frozenset({"although", "though", "while", "whereas"})


def without_leading_concession(text: str, previous: Sequence[str] | None = None) -> str | None:
    """The sentence without the concessive clause it opens on ("While this indicates strong demand,
    Sun faces competition." -> "Sun faces competition."): the main clause is asserted whether or not
    the concession holds, so it says nothing the sentence does not. None when the sentence does not
    open on one closed by a comma, when the rest is no main clause (the parse hangs the clause on
    the root), or when the rest needs it (`needed`, with `previous` the article's sentences before)."""
    doc = parse(text)
    first = doc[0] if len(doc) else None
    if first is None or first.lower_ not in _CONCESSIVE or first.dep_ != "mark" or first.head.dep_ != "advcl" or first.head.head.dep_ != "ROOT":
        return None
    clause = first.head
    end = max(t.i for t in clause.subtree)
    if end + 1 >= len(doc) or doc[end + 1].text != "," or quote_count(text[: doc[end + 1].idx]) % 2:
        return None
    rest = text[doc[end + 1].idx + 1 :].lstrip()
    # "Although Eastern is back ..., the Texas Air subsidiary was ...": a definite subject of the main
    # clause may be what a name in the concession is; dropped, it would no longer say which.
    subject = next((c for c in first.head.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and subject.pos_ == "NOUN" and any(d.lower_ == "the" for d in subject.children) and any(
            t.pos_ == "PROPN" for t in clause.subtree):
        return None
    if not rest:
        return None
    concession = Span("C", 0, len(text) - len(rest), "leading", text[: len(text) - len(rest)])
    if needed(text, concession, [concession], previous):  # something left points back into it
        return None
    return rest[:1].upper() + rest[1:]

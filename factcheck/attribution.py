"""Who says what, in grammar rather than word lists: speakers, standalone claims, claim types, verify.

Everything here reads the dependency parse of the shared parser (factcheck/nlp.py), so it holds on
any article:

- `attributions(sentences)`: the speaker of each sentence. "X said ...", "..., X said.", the split
  quote `"...," said X, "..."`, "according to X", a quotation that goes on in the next sentence
  (it keeps its speaker; one that opens with no attribution is its closing speaker's), and pronouns
  or "the agency" / "the statement" resolved to the person or organisation named before (he/she to
  the person the discourse is about, its main subject; it/they/the agency to an organisation), with
  the sentence that names them, to be cited. The speaker is the reporting verb's subject, never the
  nearest name. The outlet speaks only when nobody is attributed.
- `resolve_referents(clause, sentence, previous)`: the clause as a claim that stands alone: a leading
  pronoun becomes its antecedent, "that group" gets its referent when one is sure, else the sentence
  before is cited (never a guessed referent), a figure
  keeps the phrase that says what it counts, a clause cut from its subject gets it back.
- `claim_types(clause, speaker)`: the types the clause's structure allows, code's choice first.
- `verify_for(kind, speaker, clause)`: what to check and where, from templates.

The word lists below are closed grammatical classes or general English vocabulary (reporting verbs,
pronouns, the nouns of rules and documents), never words taken from an article.
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from .article import QUOTES, quote_count, quote_open_after, quoted_spans, starts_quoted
from .nlp import parse

OUTLET = "the outlet"
Kind = Literal["person", "organisation", "group", "outlet"]

# Verbs that report speech or a stated position, by lemma: a closed class of English, not an article's.
REPORTING_LEMMAS = frozenset(
    """say tell state add reiterate describe announce claim argue note confirm write warn insist assert deny urge explain
    report estimate predict acknowledge admit allege declare disclose reveal suggest indicate testify
    maintain contend concede caution recall reply respond remark comment stress emphasize emphasise
    complain charge believe think predict promise vow pledge order""".split()
)
_PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "hers"}
_GROUP_PRONOUNS = {"it", "its", "they", "them", "their"}
# Definite nouns that stand for an organisation, or for what one issued (its statement speaks for it).
_ORG_NOUNS = frozenset(
    """agency company firm ministry department government administration office board bank committee
    commission council court party group union organisation organization institute authority police
    army military statement report release announcement study survey letter ruling newspaper network
    station channel service embassy team campaign coalition regulator""".split()
)
# Documents that speak for whoever issued them.
_DOCUMENT_NOUNS = frozenset("statement report release announcement study survey letter ruling communique".split())
# Nouns of a person's role: "the spokesman" stands for the person named before.
_PERSON_NOUNS = frozenset(
    """spokesman spokeswoman spokesperson official minister president chairman chairwoman director
    senator governor mayor ambassador secretary leader chief officer lawyer attorney prosecutor judge
    premier chancellor diplomat commander general executive""".split()
)
_PERSON_ENTS = {"PERSON"}
_GROUP_ENTS = {"ORG", "GPE", "NORP"}


@dataclass(frozen=True)
class Speaker:
    """Who the article says makes a statement, and the sentence (index) that names them."""

    name: str
    kind: Kind
    sentence: int | None = None  # the sentence naming the speaker, to be cited; None for the outlet
    cue: str = "outlet"  # said / according to / quote continues / outlet
    phrase: str = ""  # the words that name them where they speak: "The Maariv newspaper"

    @property
    def is_outlet(self) -> bool:
        return self.kind == "outlet"


OUTLET_SPEAKER = Speaker(OUTLET, "outlet")


# --- mentions and antecedents ---------------------------------------------------------------------


@dataclass(frozen=True)
class _Mention:
    name: str
    kind: Kind
    sentence: int
    start: int  # character offset in its sentence


def _clean(name: str) -> str:
    # `` and '' are the quotation marks of wire copy typed on old terminals.
    name = re.sub(r"(?:’s|'s|’|')$", "", name.strip(" ,;:" + QUOTES).lstrip("`'").strip())
    return re.sub(r"^The\s", "the ", name)


def _mentions(text: str, index: int) -> list[_Mention]:
    """People and organisations the text names outside quotation marks (a name inside a quote is
    what the speaker talks about, not an antecedent for the narrator's "it" or "he")."""
    found = []
    quoted = quoted_spans(text)
    for ent in parse(text).ents:
        if any(a <= ent.start_char < b for a, b in quoted):
            continue
        if ent.label_ in _PERSON_ENTS:
            found.append(_Mention(_clean(ent.text), "person", index, ent.start_char))
        elif ent.label_ in _GROUP_ENTS:
            found.append(_Mention(_clean(ent.text), "organisation", index, ent.start_char))
    return [m for m in found if len(m.name) > 1]


# --- who "he" and "she" are: the person the discourse is about ------------------------------------

_FEMININE = frozenset({"she", "her", "hers"})
# Titles that say a person's gender, a closed class of English.
_TITLE_GENDER = {"mr": "m", "mr.": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f"}


def _gender(pronoun: str) -> str:
    return "f" if pronoun in _FEMININE else "m"


def _key(name: str) -> str:
    """A person's last name, which later mentions keep ('Margalit Har-Shefi' ... 'Har-Shefi')."""
    return name.split()[-1].lower() if name.split() else name.lower()


@dataclass
class _Discourse:
    topics: list[_Mention | None]  # per sentence: the person its main clause is about, if any
    genders: dict[str, str]  # last name -> "m"/"f", from titles and from pronouns resolved to them
    persons: list[_Mention]  # people named outside quotes, in order


def _subjects(doc) -> list:
    """The subject of the main clause, then that of the clause it reports ("She said X, the radio reported")."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None:
        return []
    found = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
    # The report's own subject counts only when the attribution comes after it ("She said X, the
    # radio reported"), not in "Reports said Amir was ...", which is about the reports.
    return found + [g for c in root.children if c.dep_ in ("ccomp", "parataxis") and c.i < root.i for g in c.children if g.dep_ in ("nsubj", "nsubjpass")]


@lru_cache(maxsize=256)
def _discourse(sentences: tuple[str, ...]) -> _Discourse:
    """Centering, in its simplest form: a sentence's main subject is what the next sentences are
    about, and "he" or "she" there is that person before any other named since. Gender is never
    guessed from a name: only a title ("Mrs.") or an earlier pronoun resolved to the person says it."""
    state = _Discourse([], {}, [])
    for index, text in enumerate(sentences):
        doc = parse(text)
        for ent in doc.ents:
            if ent.label_ in _PERSON_ENTS and ent.start > 0 and doc[ent.start - 1].lower_ in _TITLE_GENDER:
                state.genders[_key(_clean(ent.text))] = _TITLE_GENDER[doc[ent.start - 1].lower_]
        topic = None
        for subject in _subjects(doc):
            if subject.lower_ in ("he", "she"):
                topic = _resolve_person(state, subject.lower_)
            else:
                naming = _naming_tokens(subject)
                ent = next((e for e in doc.ents if e.label_ in _PERSON_ENTS and e.root.i in naming), None)
                if ent is not None:
                    topic = _Mention(_clean(ent.text), "person", index, ent.start_char)
                elif subject.pos_ == "PROPN":  # a person named before, whom the tagger missed this time
                    known = _known_person(state.persons, _noun_phrase(subject))
                    topic = _Mention(_clean(_noun_phrase(subject)), "person", index, subject.idx) if known is not None else None
                if topic is not None:  # "Har-Shefi said she ...": the person's gender
                    said = [g for c in subject.head.children if c.dep_ == "ccomp" for g in c.children if g.dep_ == "nsubj" and g.lower_ in ("he", "she")]
                    if said:
                        state.genders.setdefault(_key(topic.name), _gender(said[0].lower_))
            if topic is not None:
                break
        state.topics.append(topic)
        state.persons.extend(m for m in _mentions(text, index) if m.kind == "person")
    return state


def _known_person(persons: Sequence[_Mention], phrase: str) -> _Mention | None:
    """The person named before whose last name `phrase` ends with ("Har-Shefi" after "Margalit Har-Shefi")."""
    key = _key(_clean(phrase))
    return next((m for m in reversed(persons) if m.kind == "person" and _key(m.name) == key), None) if key else None


def _resolve_person(state: _Discourse, pronoun: str, upto: int | None = None) -> _Mention | None:
    """The person "he"/"she" stands for in sentence `upto` (default: after all `state` has read):
    the main subject of one of the two sentences before (nearest first), else the person named
    last; never one whose known gender differs."""
    upto = len(state.topics) if upto is None else upto
    gender = _gender(pronoun)
    fits = lambda m: state.genders.get(_key(m.name), gender) == gender  # noqa: E731
    end = bisect_left(state.persons, upto, key=lambda m: m.sentence)
    for last in (upto - 1, upto - 2):
        if last < 0:
            break
        topic = state.topics[last]
        if topic is not None and fits(topic):
            return topic
        if topic is None:  # a sentence about no person: the first person it names
            start = bisect_left(state.persons, last, key=lambda m: m.sentence)
            named = next((m for m in state.persons[start:end] if m.sentence == last and fits(m)), None)
            if named is not None:
                return named
    return next((state.persons[i] for i in range(end - 1, -1, -1) if fits(state.persons[i])), None)


def person_antecedent(sentences: Sequence[str], pronoun: str, upto: int | None = None) -> _Mention | None:
    """The person a "he"/"she" (or "his"/"her") in sentence `upto` refers to (default: after all of
    `sentences`), cited as the nearest sentence before that names them, not the first of a chain
    of pronouns."""
    state = _discourse(tuple(sentences))
    upto = len(state.topics) if upto is None else upto
    found = _resolve_person(state, "she" if pronoun.lower() in _FEMININE else "he", upto)
    if found is None:
        return None
    key = _key(found.name)
    end = bisect_left(state.persons, upto, key=lambda m: m.sentence)
    named = next((state.persons[i] for i in range(end - 1, -1, -1) if _key(state.persons[i].name) == key), found)
    topic = next((state.topics[i] for i in range(upto - 1, named.sentence, -1) if state.topics[i] is not None and _key(state.topics[i].name) == key and state.topics[i].sentence == i), None)
    return topic or named


# --- attribution ----------------------------------------------------------------------------------


@dataclass
class _Cue:
    token_i: int  # the reporting verb (or "according")
    subject: object  # the spaCy token naming the speaker
    cue: str


def _cues(doc) -> list[_Cue]:
    """Reporting verbs with what they report (a clause, or a quotation in the sentence) and their
    subject; "according to X". A verb inside a relative clause reports nothing about the sentence."""
    cues = []
    quoted = bool(quote_count(doc.text)) or "‘" in doc.text
    for tok in doc:
        if tok.lemma_.lower() in REPORTING_LEMMAS and tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("relcl", "acl", "amod", "pcomp"):
            inverted = _inverted_speaker(tok)
            # "X, the source said, was ...": a reporting clause set in the sentence (parataxis) reports it.
            reports = any(c.dep_ in ("ccomp", "parataxis") and not _gerund_between(tok, c) for c in tok.children) or tok.dep_ == "parataxis" or tok.dep_ == "ccomp" and tok.head.i < tok.i or _report_as_advcl(tok) or _final_report(tok)
            if not (reports or inverted is not None or quoted and tok.lemma_.lower() in ("say", "tell", "add", "describe")):
                continue
            subjects = [c for c in tok.children if c.dep_ == "nsubj"] or ([inverted] if inverted is not None else []) or _stranded_subject(tok)
            agents = [g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
            if not subjects and tok.dep_ in ("conj", "advcl") and _inverted_speaker(tok.head) is not None:
                subjects = [_inverted_speaker(tok.head)]  # "..., added X, adding that ...": X
            if not subjects and tok.dep_ in ("conj", "advcl"):  # "He sold it and said ...", "X did Y, saying ...": the first verb's subject
                subjects = [c for c in tok.head.children if c.dep_ == "nsubj"]
            for subject in subjects or agents:
                cues.append(_Cue(tok.i, subject, tok.text.lower()))
        elif tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            objects = [c for c in doc[tok.i + 1].children if c.dep_ == "pobj"]
            if objects:
                cues.append(_Cue(tok.i, objects[0], "according to"))
    return cues


def _gerund_between(verb, clause) -> bool:
    """"charged the inspectors with verifying that Iraq ...": the clause is the gerund's, which the
    parser hung on the verb; the verb reports nothing (here it gives a task)."""
    return any(
        c.dep_ == "prep" and verb.i < c.i < clause.i and any(_gerund(g) and g.dep_ in ("pobj", "pcomp") for g in c.children)
        for c in verb.children
    )


def _gerund(tok) -> bool:
    # The tagger may take a gerund for a noun ("with verifying"); a noun in -ing has a determiner.
    return tok.tag_ == "VBG" or tok.lower_.endswith("ing") and not any(c.dep_ in ("det", "poss", "amod") for c in tok.children)


def _stranded_subject(verb) -> list:
    """"..., prompting an effort to keep his job, White House and Republican sources said Monday.":
    a sentence-final reporting verb whose subject the parser hung on the report (as an appositive of
    its last noun). The subject is the noun phrase between the last comma and the verb."""
    doc = verb.doc
    if verb.dep_ != "ROOT" or not any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children):
        return []
    spans = []
    comma = next((i for i in range(verb.i - 1, max(-1, verb.i - 10), -1) if doc[i].text == ","), None)
    if comma is not None:
        spans.append(doc[comma + 1 : verb.i])
    # '"...," a detective, speaking on condition of anonymity, said.': the phrase after the quotation.
    quote = next((i for i in range(verb.i - 1, -1, -1) if quote_count(doc[i].text)), None)
    if quote is not None:
        end = next((i for i in range(quote + 1, verb.i) if doc[i].text == ","), verb.i)
        spans.append(doc[quote + 1 : end])
    for span in spans:
        heads = [t for t in span if not (span.start <= t.head.i < span.end)]
        if len(heads) == 1 and heads[0].pos_ in ("NOUN", "PROPN") and all(t.pos_ in ("NOUN", "PROPN", "ADJ", "DET", "CCONJ", "NUM", "PART") for t in span):
            return heads
    return []


def _final_report(verb) -> bool:
    """"The mine will reopen, raising hopes, company and union officials said on Friday.": the parser
    may coordinate a sentence-final reporting clause with the report. It is the report's attribution
    when it has its own subject after a comma, no conjunction joins it, and it reports nothing else."""
    doc = verb.doc
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if verb.dep_ != "conj" or verb.head.i > verb.i or not subjects or subjects[0].i > verb.i:
        return False
    start = subjects[0].left_edge.i
    joined = any(c.dep_ in ("cc", "preconj") and c.i > verb.head.i for c in verb.head.children) or any(c.dep_ == "cc" for c in verb.children)
    own = any(c.dep_ in ("dobj", "ccomp", "xcomp", "prep") and c.lower_ not in ("on", "in", "at") for c in verb.children if c.i > verb.i)
    return start > 0 and doc[start - 1].text == "," and not joined and not own


def _report_as_advcl(verb) -> bool:
    """"While a step, the plan will not work, the union warned.": a report that opens on a
    subordinate phrase is parsed as an adverbial clause of the sentence-final reporting verb. It is
    the report when it is a whole clause (its own subject) ending on the comma before the speaker."""
    doc = verb.doc
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if verb.dep_ != "ROOT" or not subjects:
        return False
    start = subjects[0].left_edge.i
    return any(
        c.dep_ == "advcl" and c.i < start and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
        and c.right_edge.i + 2 == start and doc[c.right_edge.i + 1].text == ","
        for c in verb.children
    )


def _inverted_speaker(verb):
    """The speaker of an inverted reporting clause: "A, added the president, adding that B",
    "'...,' said Smith". The report comes first and the verb, after a comma and with no subject of
    its own, is followed by who speaks; the parser often takes that noun for the verb's object, or
    the verb for a second verb of the report ("supports A, added the president"). A coordinated verb
    ("A and added B") is not inverted: no conjunction may stand between the report and the verb."""
    doc = verb.doc
    if verb.i == 0 or doc[verb.i - 1].text not in (",", "”", '"', "’", "'", "''", "»") or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    report_first = any(c.dep_ in ("ccomp", "parataxis") and c.i < verb.i for c in verb.children) or verb.dep_ in ("conj", "dep", "parataxis", "advcl", "ccomp") and verb.head.i < verb.i
    if not report_first or any(c.dep_ == "cc" and c.i < verb.i for c in verb.head.children if verb.dep_ == "conj"):
        return None
    # The noun right after the verb, taken for its object, or for the subject of the participle that
    # describes it ("said the message, read on television by X": the parser makes "the message read").
    nouns = [c for c in verb.children if c.dep_ in ("dobj", "attr")]
    nouns += [g for c in verb.children if c.i > verb.i and c.dep_ in ("ccomp", "xcomp", "advcl", "conj") for g in c.children if g.dep_ in ("nsubj", "nsubjpass") and g.i < c.i]
    after = [c for c in nouns if c.i == verb.i + 1 + sum(1 for t in doc[verb.i + 1 : c.i] if t.dep_ in ("det", "compound", "amod", "poss"))]
    # Right after a closing quotation mark ('"...!" said the message'), any noun is who speaks.
    quoted = bool(quote_count(doc[verb.i - 1].text)) and after and after[0].pos_ in ("NOUN", "PROPN")
    if after and (quoted or after[0].pos_ == "PROPN" or after[0].lemma_.lower() in _PERSON_NOUNS | _ORG_NOUNS or after[0].ent_type_ in _PERSON_ENTS | _GROUP_ENTS):
        return after[0]
    return None


def _noun_phrase(token) -> str:
    """The speaker's noun phrase up to its first comma: 'a spokesman for the agency'."""
    # A relative clause, appositive or participle after the noun ends the phrase where it begins
    # (its left edge: "a message [that was read ...]"), not at its verb.
    ends = [c.left_edge.i for c in token.children if c.dep_ in ("relcl", "appos", "acl") and c.i > token.i]
    words = []
    for t in token.subtree:
        if t.text == "," or ends and t.i >= min(ends):
            break
        words.append(t)
    return _clean("".join(t.text_with_ws for t in words))


def _head_lemmas(phrase: str) -> set[str]:
    """What a noun phrase's head is: 'a spokesman for the agency' -> spokesman, not agency; for a
    name, its title too: 'Finnish President Sauli Niinisto' -> niinisto, president."""
    doc = parse(phrase)
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None:
        return set()
    titles = {t.lemma_.lower() for t in root.subtree if t.dep_ == "compound" and t.i < root.i} if root.pos_ == "PROPN" else set()
    return {root.lemma_.lower(), *titles}


def _naming_tokens(subject) -> set[int]:
    """The tokens that name the subject itself: its compounds, modifiers and appositives ("the
    spokesman, John Hale"), not a phrase that says whom it belongs to or who carried it ("a friend
    of X", "X's lawyer", "the message, read by X"): the speaker is the verb's subject, not the
    nearest name."""
    found, stack = set(), [subject]
    while stack:
        tok = stack.pop()
        found.add(tok.i)
        stack.extend(c for c in tok.children if c.dep_ in ("compound", "flat", "appos", "amod", "det", "nmod", "punct", "cc", "conj"))
    return found


def _speaker_of(
    subject, doc, index: int, before: list[_Mention], spoken: list[Speaker], cue: str, previous: str = "", sentences: Sequence[str] = ()
) -> Speaker:
    """The speaker a subject token names, pronouns and definite descriptions resolved.

    `before` are the people and organisations named earlier (outside quotes), `spoken` the speakers
    of the sentences before, most recent last: "he" is the person the discourse is about
    (`person_antecedent`), "it"/"they" the nearest
    organisation that spoke (else the nearest named), "the newspaper" the earlier speaker or name
    that says "newspaper"; a description with no antecedent stays as written, never the outlet."""
    lower = subject.lower_
    in_sentence = [m for m in _mentions(doc.text, index) if m.start < subject.idx]
    context = before + in_sentence
    for ent in doc.ents:
        # "White House and Republican sources": a coordination is named by its whole phrase.
        if ent.start <= subject.i < ent.end and ent.label_ in _PERSON_ENTS | _GROUP_ENTS and not any(c.dep_ == "conj" for c in subject.children):
            # A person named before, whom the tagger took for an organisation here, is a person.
            person = ent.label_ in _PERSON_ENTS or _known_person(context, ent.text) is not None
            kind: Kind = "person" if person else "organisation"
            return Speaker(_clean(ent.text), kind, index, cue, _noun_phrase(subject))
    naming = _naming_tokens(subject)
    for ent in doc.ents:
        if ent.start in naming and ent.label_ in _PERSON_ENTS:
            return Speaker(_clean(ent.text), "person", index, cue, _noun_phrase(subject))
    recent = [sp for sp in reversed(spoken) if not sp.is_outlet and sp.sentence is not None and sp.sentence >= index - 5]
    if lower in ("i", "we") and recent:  # a first person in a transcript or a quote: the one speaking
        return dataclasses.replace(recent[0], cue=cue)
    if lower == "they" and previous:
        # "Elian's relatives have fought ... . They have said ...": a plural common noun that is
        # the subject of the sentence before is the nearest antecedent, ahead of any name.
        prev = parse(previous)
        root = next((t for t in prev if t.dep_ == "ROOT"), None)
        subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None) if root is not None else None
        if subj is not None and subj.tag_ == "NNS" and not subj.ent_type_:
            return Speaker(_noun_phrase(subj), "group", index - 1, cue, _noun_phrase(subj))
    if lower in _PERSON_PRONOUNS and sentences:
        person = person_antecedent(sentences, lower, upto=index)
        if person is not None:
            return Speaker(person.name, "person", person.sentence, cue, person.name)
    if lower in _PERSON_PRONOUNS | _GROUP_PRONOUNS:
        wanted: Kind = "person" if lower in _PERSON_PRONOUNS else "organisation"
        found = next((sp for sp in recent if sp.kind == wanted), None)
        mention = next((m for m in reversed(context) if m.kind == wanted), None)
        if mention is not None and (found is None or mention.sentence > found.sentence):
            return Speaker(mention.name, mention.kind, mention.sentence, cue, mention.name)
        if found is not None:
            return dataclasses.replace(found, cue=cue)
    elif subject.pos_ == "NOUN" and any(c.lower_ in ("the", "this", "that", "these") for c in subject.children if c.dep_ == "det") and not any(
        c.dep_ in ("amod", "compound") for c in subject.children  # "the first official" is not "another official"
    ):
        noun = subject.lower_
        for sp in recent:  # "the officials": the earlier speaker whose phrase has that head noun
            if sp.phrase and subject.lemma_.lower() in _head_lemmas(sp.phrase):
                return dataclasses.replace(sp, cue=cue)
        for mention in reversed(context):
            if re.search(rf"\b{re.escape(noun)}\b", mention.name.lower()):
                return Speaker(mention.name, mention.kind, mention.sentence, cue, mention.name)
        if subject.lemma_.lower() in _PERSON_NOUNS:  # "added the president": the person named before
            person = next((m for m in reversed(context) if m.kind == "person"), None)
            if person is not None:
                return Speaker(person.name, "person", person.sentence, cue, person.name)
        if subject.lemma_.lower() in _DOCUMENT_NOUNS:  # "the statement said": whoever issued it
            issuer = next((sp for sp in recent if sp.kind == "organisation"), None) or next(
                (Speaker(m.name, m.kind, m.sentence, cue, m.name) for m in reversed(context) if m.kind == "organisation"), None
            )
            if issuer is not None:
                return dataclasses.replace(issuer, cue=cue)
    name = _noun_phrase(subject)
    lemma = subject.lemma_.lower()
    kind = "person" if lemma in _PERSON_NOUNS else "organisation" if lemma in _ORG_NOUNS else "group"
    if subject.pos_ == "PROPN" and _known_person(context, name) is not None:
        kind = "person"  # a person named before, whom the tagger missed (or took for an organisation) here
    return Speaker(name or lower, kind, index, cue, name)


@lru_cache(maxsize=64)
def _attributions(sentences: tuple[str, ...]) -> tuple[Speaker, ...]:
    result: list[Speaker] = []
    before: list[_Mention] = []
    open_quote = False
    for index, text in enumerate(sentences):
        previous = result[-1] if result else None
        doc = parse(text)
        cues = _cues(doc)
        if cues:
            # The speaker of the main clause: the cue whose verb is the root, else the first one.
            cue = next((c for c in cues if doc[c.token_i].dep_ == "ROOT"), cues[0])
            speaker = _speaker_of(cue.subject, doc, index, before, result, cue.cue, sentences[index - 1] if index else "", sentences)
        elif (open_quote or starts_quoted(text)) and previous is not None and not previous.is_outlet and previous.cue != "outlet":
            speaker = dataclasses.replace(previous, cue="quote continues")
        else:
            speaker = OUTLET_SPEAKER
        result.append(speaker)
        open_quote = quote_open_after(text, open_quote)
        before.extend(_mentions(text, index))
    return tuple(_quotes_carry_their_speaker(sentences, result))


def _quotes_carry_their_speaker(sentences: Sequence[str], result: list[Speaker]) -> list[Speaker]:
    """'“We are ready. We will win,” he said.': a quotation that opens in one sentence with no
    attribution of its own and closes sentences later on "he said" is his from its first sentence."""
    result = list(result)
    open_quote, opened_at = False, None
    for index, text in enumerate(sentences):
        after = quote_open_after(text, open_quote)
        if not open_quote and after:
            own = result[index]
            opened_at = index if own.is_outlet or own.cue == "quote continues" else None
        elif open_quote and not after and opened_at is not None:
            closer = result[index]
            if not closer.is_outlet and closer.cue != "quote continues":
                for k in range(opened_at, index):
                    result[k] = dataclasses.replace(closer, cue="quote continues")
            opened_at = None
        open_quote = after
    return result


def attributions(sentences: Sequence[str]) -> list[Speaker]:
    """The speaker of each sentence, in order (a quotation and its pronouns need what came before)."""
    return list(_attributions(tuple(sentences)))


def attribute(sentences: Sequence[str], index: int, clause: str | None = None) -> Speaker:
    """The speaker of sentence `index`, or of one `clause` of it when the clause has its own
    reporting verb ("X said A, while Y said B")."""
    speakers = attributions(sentences)  # the whole article: a quotation's speaker may come after it
    if clause is not None and clause.strip() != sentences[index].strip():
        doc = parse(sentences[index])
        start = sentences[index].find(clause)
        if start >= 0:
            own = [c for c in _cues(doc) if start <= doc[c.token_i].idx < start + len(clause)]
            if own:
                before = [m for i, s in enumerate(sentences[:index]) for m in _mentions(s, i)]
                return _speaker_of(own[0].subject, doc, index, before, speakers[:index], own[0].cue, sentences[index - 1] if index else "", sentences)
    return speakers[index]


def attributed(text: str, speaker: Speaker, clause: str, sentence: str) -> str:
    """`text` (the standalone form of `clause`, a part of `sentence`) with its reporting frame put
    back when the frame lies outside the clause ("X said A, adding that B": B), so the claim keeps
    its attribution: "X said that B", "According to X, B"."""
    start = sentence.find(clause.strip())
    if speaker.is_outlet or start < 0:
        return text
    end = start + len(clause.strip())
    doc = parse(sentence)
    cues = _cues(doc)
    if not cues or any(start <= doc[c.token_i].idx < end or start <= c.subject.idx < end for c in cues):
        return text  # nothing to put back, or the clause holds its own frame
    raw = parse(clause)
    first = raw[_first_word(raw)]
    stand_in = _capitalise(_definite(speaker.name))  # how resolve_referents wrote the pronoun
    if first.lower_ in _PERSON_PRONOUNS | _GROUP_PRONOUNS and first.dep_.startswith("nsubj") and text.startswith(stand_in):
        body = first.lower_ + text[len(stand_in) :]  # "X said that he ...", not "X said that X ..."
    elif first.pos_ == "PROPN" or first.text == "I" or first.ent_type_:
        body = text
    else:
        body = text[:1].lower() + text[1:]
    if speaker.cue == "according to":
        return f"According to {speaker.name}, {body}"
    # The sentence's own reporting verb ("added", "says"), so the frame is the article's word.
    main = doc[next((c for c in cues if doc[c.token_i].dep_ == "ROOT"), cues[0]).token_i]
    verb = main.lower_ if main.tag_ in ("VBD", "VBZ", "VBP") and main.lemma_.lower() in REPORTING_LEMMAS else "said"
    return f"{_capitalise(speaker.name)} {verb} that {body}"


# --- standalone claims ------------------------------------------------------------------------------


@dataclass
class Standalone:
    text: str
    cited: list[int] = field(default_factory=list)  # indices into `previous` whose words were used


def _has_verb(doc) -> bool:
    return any(t.pos_ in ("VERB", "AUX") for t in doc)


def resolve_referents(clause: str, sentence: str, previous: Sequence[str]) -> Standalone:
    """`clause` (a clause of `sentence`, or the sentence) as a claim that stands alone.

    - a clause with no verb, or a figure whose population lies outside the clause, gives way to
      the whole sentence: a claim is never a bare noun phrase, nor a figure cut from what it counts;
    - a clause that lost its subject ("and said it would ...") gets the sentence's subject back;
    - a leading He/She/His or a reporting "It"/"They" becomes the person or organisation named
      before; "that group" or "the call" gets its referent in brackets when an earlier noun phrase
      with the same head says which; a leading "It"/"That"/"This" that cannot be resolved with
      confidence keeps the whole sentence and cites the sentence before, with no guessed referent;
      `cited` lists the earlier sentences the reader needs.
    """
    clause = clause.strip()
    if clause != sentence.strip() and (not _has_verb(parse(clause)) or _figure_cut(clause, sentence)):
        clause = sentence.strip()
    clause = _restore_subject(clause, sentence)
    doc = parse(clause)
    cited: set[int] = set()
    spoken = attributions(previous) if previous else []
    own = attributions([*previous, sentence])[-1]
    quoted = quoted_spans(clause)
    main = {_content_head(doc).i, next((t.i for t in doc if t.dep_ == "ROOT"), 0)}
    edits: list[tuple[int, int, str]] = []  # (start, end, replacement) in clause offsets
    refers_back = False

    def context(after) -> None:
        # "It was a bomb", "That brought the toll to 259": what "It" or "That" stands for cannot be
        # told with confidence, and a guessed referent in brackets would mislead. The claim cites the
        # sentence before instead, where the reader finds it, and keeps its whole sentence.
        nonlocal refers_back
        if previous:
            cited.add(len(previous) - 1)
            refers_back = True

    for tok in doc:
        lower = tok.lower_
        leading = tok.i == _first_word(doc)
        clitic = tok.i + 1 < len(doc) and doc[tok.i + 1].text.lower() in ("'d", "'s", "'re", "'ll", "'ve", "'m", "’d", "’s", "’re", "’ll", "’ve")
        in_quote = any(a <= tok.idx < b for a, b in quoted)
        if lower in _PERSON_PRONOUNS and tok.dep_ in ("nsubj", "nsubjpass", "poss") and (leading or tok.head.i in main) and not clitic and not in_quote:
            if any(m.kind == "person" for m in _mentions(clause, len(previous)) if m.start < tok.idx):
                continue  # the antecedent is in the clause itself
            if tok.dep_ == "nsubj" and tok.head.dep_ == "ccomp" and any(c.dep_ == "nsubj" and (c.pos_ == "PROPN" or c.lower_ in _PERSON_PRONOUNS) for c in tok.head.head.children):
                continue  # "Har-Shefi said she ...", "She said she ...": bound to the reporting verb's subject
            recent = [sp for sp in reversed(spoken) if sp.kind == "person"]
            if own.kind == "person" and own.sentence is not None:  # "X said that he ...": X
                edits.append((tok.idx, tok.idx + len(tok.text), _definite(own.name) + ("’s" if tok.dep_ == "poss" else "")))
                cited.add(own.sentence) if own.sentence < len(previous) else None
                continue
            person = person_antecedent(previous, lower)
            found = (person.name, person.sentence) if person is not None else ((recent[0].name, recent[0].sentence) if recent else None)
            if found is None:
                continue
            edits.append((tok.idx, tok.idx + len(tok.text), _definite(found[0]) + ("’s" if tok.dep_ == "poss" else "")))
            if found[1] is not None:
                cited.add(found[1])
        elif lower in ("it", "they") and tok.dep_ == "nsubj" and _reports(tok) and not in_quote and own.sentence not in (None, len(previous)):
            edits.append((tok.idx, tok.idx + len(tok.text), _definite(own.name)))  # "It said": the organisation that speaks
            cited.add(own.sentence)
        elif lower == "it" and tok.dep_ == "nsubj" and _reports(tok) and leading and not in_quote and (body := _last_speaking_body(spoken, len(previous))):
            # "It urged travellers to stay away": a reporting verb that reports no clause is no
            # attribution, but "it" is still the organisation that spoke just before.
            edits.append((tok.idx, tok.idx + len(tok.text), body.name))
            cited.add(body.sentence)
        elif lower in ("it", "they", "this", "that", "these", "those") and tok.dep_ in ("nsubj", "nsubjpass") and leading:
            context(tok)  # "It was a bomb", "That brought the toll to 259": the sentence it refers back to
        elif lower in ("that", "this", "these", "those") and tok.dep_ == "det" and tok.head.dep_ in ("nsubj", "nsubjpass", "pobj") and not in_quote and previous:
            referent = _same_noun(tok.head, previous)
            if referent is not None:
                end = tok.head.idx + len(tok.head.text)
                edits.append((end, end, f" [{referent[1]}]"))
                cited.add(referent[0])
            else:
                context(tok.head)
        elif lower == "the" and tok.dep_ == "det" and tok.head.dep_ in ("nsubj", "nsubjpass") and tok.head.head.lemma_.lower() not in REPORTING_LEMMAS and _bare(tok.head) and previous and not in_quote:
            referent = _same_noun(tok.head, previous)
            if referent is not None and not referent[1].lower().startswith("the "):
                end = tok.head.idx + len(tok.head.text)
                edits.append((end, end, f" [{referent[1]}]"))
                cited.add(referent[0])
            elif referent is None and tok.head.i == _first_word(doc) + 1:
                context(tok.head)  # "The sale represents ...": the sale the sentence before tells of
    if refers_back and clause != sentence.strip():
        return resolve_referents(sentence, sentence, previous)  # the whole sentence, not a part cut from its referent
    text = clause
    for start, end, replacement in sorted(edits, reverse=True):
        text = text[:start] + replacement + text[end:]
    return Standalone(_capitalise(text), sorted(cited))


def _last_speaking_body(spoken: Sequence[Speaker], index: int) -> Speaker | None:
    """The organisation that spoke in one of the two sentences before `index`, if the nearest speaker is one."""
    recent = [sp for sp in spoken[max(0, index - 2) : index] if not sp.is_outlet]
    if recent and recent[-1].kind == "organisation" and recent[-1].sentence is not None and recent[-1].sentence >= index - 3:
        return recent[-1]
    return None


def _definite(name: str) -> str:
    """The antecedent as a pronoun's stand-in: an indefinite phrase made definite ("a duty officer
    said he" -> "the duty officer"), since "a duty officer" said again would bring in a second one."""
    m = re.match(r"(?i)(a|an|one|another)\s+(?=\w)", name)
    if m is None:
        return name
    return ("the other " if m.group(1).lower() == "another" else "the ") + name[m.end() :]


def _first_word(doc) -> int:
    return next((t.i for t in doc if not t.is_punct), 0)


def _reports(tok) -> bool:
    return tok.head.lemma_.lower() in REPORTING_LEMMAS


def _bare(noun) -> bool:
    """'the call', with nothing that says which call."""
    return all(c.dep_ == "det" for c in noun.children)


def _same_noun(noun, previous: Sequence[str]) -> tuple[int, str] | None:
    """The nearest earlier noun phrase with the same head that says more: 'the call' -> 'a phone
    call between the two leaders on Friday'. At most 12 words, cut at nothing: the whole phrase or none."""
    for index in range(len(previous) - 1, max(-1, len(previous) - 4), -1):
        for tok in reversed(parse(previous[index])):
            # The noun must head its phrase: in "the U.S. government decision", "government" only
            # qualifies the decision and says nothing of which government "the government" is.
            if tok.pos_ == "NOUN" and tok.dep_ != "compound" and tok.lemma_.lower() == noun.lemma_.lower() and not _bare(tok):
                words = []
                for t in tok.subtree:  # the phrase up to its first comma or clause
                    if t.i > tok.i and (t.text == "," or t.dep_ in ("relcl", "acl", "appos")):
                        break
                    words.append(t)
                words = [t for t in words if not t.is_punct]
                # "a rifle" says no more than "the rifle": a referent must add a word beyond the noun's determiners.
                if sum(1 for t in words if t.dep_ != "det") > 1 and len(words) <= 12:
                    phrase = "".join(t.text_with_ws for t in words).strip()
                    return index, phrase
    return None


def _figure_cut(clause: str, sentence: str) -> bool:
    """A number in the clause whose noun phrase (what it counts, per what) goes on outside the clause."""
    start = sentence.find(clause)
    if start < 0:
        return False
    end = start + len(clause)
    for tok in parse(sentence):
        if tok.like_num and start <= tok.idx < end:
            phrase = tok.head if tok.dep_ in ("nummod", "quantmod") else tok
            if phrase.left_edge.idx < start or phrase.right_edge.idx >= end:
                return True
    return False


def _restore_subject(clause: str, sentence: str) -> str:
    """'and said it would consider ...' cut from 'The FAA announced ... and said ...': the verb's
    subject, which the clause lost, is put back."""
    start = sentence.find(clause)
    if start <= 0:
        return clause
    doc = parse(sentence)
    roots = [t for t in doc if start <= t.idx < start + len(clause) and t.pos_ in ("VERB", "AUX") and not (start <= t.head.idx < start + len(clause))]
    if not roots:
        return clause
    verb = roots[0]
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children) or verb.dep_ != "conj":
        return clause
    head = verb.head
    subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects:
        return clause
    subject = "".join(t.text_with_ws for t in subjects[0].subtree).strip()
    body = re.sub(r"^(?:and|but|or)\s+", "", clause, flags=re.I)
    return f"{subject} {body}"


def _capitalise(text: str) -> str:
    text = text.strip()
    for i, ch in enumerate(text):
        if ch.isalpha():
            return text[:i] + ch.upper() + text[i + 1 :]
    return text


# --- claim types ----------------------------------------------------------------------------------

ClaimType = Literal["statistic", "quote", "event", "causal", "prediction", "opinion"]

# Nouns of rules and records: what they require, or what a record holds, is checkable.
_RULE_NOUNS = frozenset(
    """law act bill rule regulation statute decree order treaty agreement constitution code
    requirement policy ordinance directive ruling contract""".split()
)
_STANCE_VERBS = frozenset("believe think feel hope fear consider doubt suspect wish".split())
_FORECAST_VERBS = frozenset("expect forecast predict project anticipate estimate".split())
_HEDGE_MODALS = frozenset("could might may would".split())
_CAUSE_VERBS = frozenset("cause blame trigger spark attribute".split())
_CAUSE_MARKERS = ("because", "due to", "as a result", "result of", "led to", "lead to", "leads to", "thanks to", "resulted in", "owing to")


def _content_head(doc):
    """The verb that carries the clause's content: 'X said that Y rose' -> 'rose'."""
    root = next((t for t in doc if t.dep_ == "ROOT"), doc[0])
    if root.lemma_.lower() in REPORTING_LEMMAS:
        comps = [c for c in root.children if c.dep_ in ("ccomp", "xcomp", "parataxis")]
        if comps:
            return comps[0]
    return root


def _numbers(doc) -> list:
    """Number tokens that are not part of a date or time ("May 15", "1998", "10 a.m."), nor of the
    words naming who speaks ("said a message read to several thousand scientists": the figure
    describes the speaker, the claim states none)."""
    dated = {t.i for e in doc.ents if e.label_ in ("DATE", "TIME") for t in e}
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    speaker = set()
    if root is not None and root.lemma_.lower() in REPORTING_LEMMAS and any(c.dep_ in ("ccomp", "parataxis") for c in root.children):
        speaker = {t.i for c in root.children if c.dep_ in ("nsubj", "agent") for t in c.subtree}
    return [
        t for t in doc
        if t.lower_ != "one" and (t.like_num or t.ent_type_ in ("PERCENT", "MONEY", "QUANTITY", "CARDINAL"))
        and t.i not in dated and t.i not in speaker and t.ent_type_ != "ORDINAL" and not _refers_back(t) and not _aside(t)
    ]


def _aside(number) -> bool:
    """A number the clause does not assert: an identifier ("Flight 93"), or inside a phrase that only
    describes a noun: an appositive ("Amir, 27,"), a participle or relative clause ("the bill, passed by
    52 votes to 40, requires ..."). The clause's type follows what its main verb says, not every figure in it."""
    # A numeral right after its noun identifies it ("Flight 93", "Article 5"); a count comes before.
    if number.dep_ in ("nummod", "compound", "appos", "npadvmod") and number.head.pos_ in ("NOUN", "PROPN") and number.i == number.head.i + 1:
        return True
    # Digits before a singular proper noun number it, as an address does: "469 Vermont St."
    if number.dep_ in ("nummod", "compound") and number.text[:1].isdigit() and number.head.tag_ == "NNP" and number.i < number.head.i:
        return True
    tok = number
    while tok.head.i != tok.i:
        # A subordinate clause too ("was killed when two robbers fired" asserts the killing), but
        # not a participle that goes on with the main clause ("support grew, rising to 51 percent").
        subordinate = tok.dep_ == "advcl" and any(c.dep_ in ("mark", "nsubj", "nsubjpass") for c in tok.children)
        if tok.dep_ in ("appos", "acl", "relcl") or subordinate or tok.dep_ == "amod" and tok is number and tok.head.pos_ == "PROPN":
            return True
        tok = tok.head
    return False


def _refers_back(number) -> bool:
    """"the two carriers", "Elian's four grandparents": a number spelled out inside a definite or
    possessive noun phrase counts what the article already named; it states no figure to check."""
    if not number.is_alpha or number.dep_ != "nummod":
        return False
    return any(c.dep_ == "poss" or c.dep_ == "det" and c.lower_ in ("the", "these", "those", "both") for c in number.head.children)


def _is_rule(doc, head=None) -> bool:
    """Whether the clause states what a rule says: with `head`, the rule must govern the clause's
    verb (its subject, "under the law", or a verb of requiring), not merely be named in it ("until
    Iraq complies with the agreement" states no requirement); without, any rule noun will do."""
    if head is None:
        return any(t.lemma_.lower() in _RULE_NOUNS for t in doc if t.pos_ == "NOUN")
    if head.lemma_.lower() in _REQUIRING_VERBS:
        return True
    args = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
    args += [g for c in head.children if c.dep_ in ("prep", "agent") for g in c.children if g.dep_ == "pobj"]
    return any(a.lemma_.lower() in _RULE_NOUNS for a in args)


# Verbs whose subject lays down an obligation or a prohibition.
_REQUIRING_VERBS = frozenset("require oblige mandate ban prohibit forbid stipulate compel".split())


def _dated_past(doc, head) -> bool:
    has_date = any(e.label_ == "DATE" for e in doc.ents)
    past = head.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in head.children)
    return has_date and past and head.lemma_.lower() not in _FORECAST_VERBS


def _opinion(doc, head) -> bool:
    """A judgement: 'should', a stance verb, or a copula whose predicate is a gradable adjective."""
    if any(c.lemma_.lower() in ("should", "ought") for c in head.children if c.dep_ == "aux"):
        return True
    if any(c.lemma_.lower() == "must" for c in head.children if c.dep_ == "aux") and not _is_rule(doc, head):
        return True
    if head.lemma_.lower() in _STANCE_VERBS and any(c.dep_ == "ccomp" for c in head.children):
        return True
    if head.lemma_.lower() in _LINKING_VERBS:
        for c in head.children:
            # Not an adjective with a complement, which states a relation ("dependent on aid").
            if c.dep_ == "acomp" and c.tag_ in ("JJ", "JJR", "JJS") and not any(g.like_num for g in c.subtree) and not any(g.dep_ == "prep" and g.lower_ not in ("as", "than") for g in c.children):
                return True
            if c.dep_ == "attr" and any(a.dep_ == "amod" and a.tag_ in ("JJ", "JJS") and a.ent_type_ == "" and _gradable(a) for a in c.children):
                return not _numbers(doc)
    return False


# Verbs that give something a quality: "described X as a capable ally", "called the plan reckless".
_CHARACTERISING_VERBS = frozenset("describe call label brand term characterize characterise hail dub".split())


def _characterisation(head) -> bool:
    """Whether the clause gives something a gradable quality through a characterising verb: its
    content is a judgement, whatever day it was uttered on ("on Tuesday" dates the saying)."""
    if head.lemma_.lower() not in _CHARACTERISING_VERBS:
        return False
    predicates = [c for c in head.children if c.dep_ in ("oprd", "acomp")]
    predicates += [g for c in head.children if c.dep_ == "prep" and c.lower_ == "as" for g in c.children if g.dep_ == "pobj"]
    for pred in predicates:
        if any(t.like_num for t in pred.subtree):
            continue
        adjectives = [pred] if pred.pos_ == "ADJ" else [a for a in pred.subtree if a.pos_ == "ADJ" and a.dep_ in ("amod", "conj")]
        if any(_gradable(a) for a in adjectives):
            return True
    return False


def _gradable(adj) -> bool:
    """Whether an adjective takes degrees ('very capable'), judged by its morphology: comparative
    and superlative forms exist for -ful/-ive/-ous/-able adjectives and short ones; classifying
    adjectives ('former', 'nuclear', 'Kenyan') are excluded by their suffixes and entity type."""
    word = adj.lower_
    if adj.ent_type_ or word.endswith(("al", "ic", "ese", "ian", "ish", "ary", "ern", "mer", "ior")):
        return False
    return word.endswith(("ful", "ive", "ous", "able", "ible", "ent", "ant", "ing", "est")) or len(word) <= 6


def _prediction(doc, head, speaker_kind: str = "outlet") -> bool:
    if head.lemma_.lower() in _FORECAST_VERBS and any(c.dep_ in ("xcomp", "ccomp") for c in head.children):
        return True
    modals = {c.lower_ for c in head.children if c.dep_ == "aux"}
    reported = head.dep_ in ("ccomp", "parataxis") and head.head.lemma_.lower() in REPORTING_LEMMAS
    # "We will not reopen them", "the company said it would consider ...": the speaker's own stated
    # intention, checkable as said. "Smith said sales would recover" is a forecast.
    # So is an organisation's announcement about an organisation ("Auren will cut 300 jobs, the
    # company said"): what it will do is its decision, not a forecast.
    own = any(
        c.lower_ in ("we", "i") or reported and c.lower_ in _PERSON_PRONOUNS | _GROUP_PRONOUNS
        or speaker_kind == "organisation" and c.pos_ == "PROPN" and c.ent_type_ not in ("GPE", "NORP", "LOC")
        for c in head.children if c.dep_ == "nsubj"
    )
    if modals & {"will", "'ll", "shall", "wo"}:
        return not _is_rule(doc, head) and not own  # a rule's "will" is a requirement
    # "would" under a past reporting verb is a reported "will".
    if reported and head.head.tag_ == "VBD" and modals <= {"would"} and modals:
        return not _is_rule(doc, head) and not own
    # "may have come from a machine shop": a possibility about the past, not a forecast.
    perfect = any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in head.children)
    return bool(modals & _HEDGE_MODALS) and not perfect


def _causal(doc, head) -> bool:
    lowered = doc.text.lower()
    # Whole words: "failed to" holds "led to", and is no cause.
    # A verb of causing states a cause when it is the clause's own ("police blamed the crash on
    # ice"), not one that describes a noun ("the level that would trigger the issuance").
    main = {head.i} | {c.i for c in head.children if c.dep_ in ("conj", "xcomp")}
    return any(re.search(rf"\b{m}\b", lowered) for m in _CAUSE_MARKERS) or any(t.lemma_.lower() in _CAUSE_VERBS and t.pos_ == "VERB" and t.i in main for t in doc)


# Verbs that report what someone said or felt, beyond those that name a speaker (REPORTING_LEMMAS):
# "expressed the hope that ...", "voiced concern". A closed class of English.
_SPEECH_LEMMAS = REPORTING_LEMMAS | frozenset("express voice threaten".split())
# Verbs whose complement is what the subject means to do: "vowed to retake", "plans to build".
_INTENT_VERBS = frozenset("plan intend vow pledge promise threaten aim propose hope".split())
# Verbs that join a subject to what it is said to be, as "be" does: "has become an invaluable tool".
_LINKING_VERBS = frozenset("be become remain seem appear look sound prove stay".split())
# Prepositions that give the figure of a change or a value: "rose to 3.5 percent", "fell by 2 points",
# "from 20%", "closed at $29", "a stake of 5%". Others give circumstances ("for four hours", "with
# three astronauts"), whose figure is not what the clause asserts.
_FIGURE_PREPS = frozenset("to by from at of".split())


def _proposition_head(doc):
    """The verb of what the clause asserts, through every reporting verb above it: "She said the
    attack was planned, the radio reported" -> "was"."""
    head = next((t for t in doc if t.dep_ == "ROOT"), doc[0])
    seen = set()
    while head.lemma_.lower() in _SPEECH_LEMMAS and head.i not in seen:
        seen.add(head.i)
        comps = [c for c in head.children if c.dep_ in ("ccomp", "xcomp", "parataxis")]
        if not comps:
            break
        # The reported clause before a second reporting verb ("said X, the radio reported").
        head = next((c for c in comps if c.lemma_.lower() not in _SPEECH_LEMMAS), comps[0])
    return head


def _stated_figures(doc, head) -> list:
    """The figures the clause asserts: a number that is, or counts, the subject, the object or the
    predicate of its main verb (or of a verb that goes on with it: "rising to 48 percent"), or the
    value a change goes to, by or from. Not one in a modifier ("a seven-member crew"), a
    circumstance ("for four hours"), a gerund ("by saying it will buy ...") or a clause inside."""
    figures = []
    for number in _numbers(doc):
        tok, ok = number, True
        while ok and tok.i != head.i:
            if tok.head.i == tok.i:  # the root, without meeting the head: the number is not under it
                ok = False
                break
            dep = tok.dep_
            # "At least 51 people were reported killed": a passive reporting verb's subject is its report's.
            if dep == "nsubjpass" and tok.head.lemma_.lower() in _SPEECH_LEMMAS and head.head.i == tok.head.i and head.dep_ == "xcomp":
                break
            if tok is not number and dep in ("compound", "amod", "nummod"):
                ok = False  # "seven" in "a seven-member crew" counts the members, a modifier
            elif dep == "prep":
                ok = tok.lower_ in _FIGURE_PREPS
            elif dep == "advcl":  # a participle that goes on with the main clause, not a subordinate clause
                ok = tok.tag_ == "VBG" and not any(c.dep_ in ("mark", "nsubj", "nsubjpass") for c in tok.children)
            else:
                ok = dep in ("nummod", "quantmod", "compound", "nmod", "nsubj", "nsubjpass", "dobj", "dative",
                             "attr", "oprd", "acomp", "npadvmod", "pobj", "conj", "xcomp", "advmod", "appos")
            tok = tok.head
        if ok:
            figures.append(number)
    return figures


def _speech(doc, head) -> bool:
    """Whether the clause is, on its face, what someone said: a reporting verb above its
    proposition, "according to", a quotation that makes most of it, or a first person speaking (a
    news report's own voice is never "I" or "we")."""
    root = next((t for t in doc if t.dep_ == "ROOT"), doc[0])
    if head.i != root.i and root.lemma_.lower() in _SPEECH_LEMMAS:
        return True
    # "expressed the hope (that) he would ...": a verb that only voices what its object holds; not
    # "confirmed Türkiye's readiness to host", an act its object names, told in the outlet's voice.
    voices = root.lemma_.lower() in _SPEECH_LEMMAS - REPORTING_LEMMAS
    if voices and any(c.dep_ == "dobj" and any(g.dep_ in ("acl", "relcl", "ccomp") for g in c.children) for c in root.children):
        return True
    if any(t.lower_ == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to" for t in doc):
        return True
    text = doc.text
    quoted = sum(b - a for a, b in quoted_spans(text))
    if quoted * 2 > len(text.strip()):  # not a word or two in scare quotes
        return True
    return any(c.lower_ in ("i", "we") for c in head.children if c.dep_ in ("nsubj", "nsubjpass"))


def _intention(head) -> bool:
    """"vowed to retake the city", "plans to build", "is to open": what the subject means to do."""
    if head.dep_ == "xcomp" and head.head.lemma_.lower() in _INTENT_VERBS:
        return True
    return head.lemma_.lower() in _INTENT_VERBS and any(c.dep_ == "xcomp" for c in head.children)


def claim_types(clause: str, speaker: Speaker | str = OUTLET) -> list[ClaimType]:
    """The types the clause's structure allows, code's choice first. What the clause asserts is
    read from its proposition's verb, under any reporting verb: a figure that is its subject,
    object or predicate makes a statistic (one in a side phrase does not); a forecast, a plan or a
    vow a prediction; a judgement an opinion; what someone says a quote; the rest an event. A
    figure, a rule's requirement, or a dated past fact is checkable: then opinion and prediction
    are not offered at all, so rejecting one checkable type never demotes the claim to an
    uncheckable one."""
    doc = parse(clause)
    head = _proposition_head(doc)
    named = not (speaker.is_outlet if isinstance(speaker, Speaker) else speaker in (OUTLET, "unattributed"))
    attributed = named or _speech(doc, head)
    if _characterisation(head):
        return ["opinion"]  # a judgement; its verify checks only that the speaker expressed it
    # A forecast is one whatever figure it names ("rates could rise by 2 points"): its figure is
    # not a statistic to check against a record.
    kind = speaker.kind if isinstance(speaker, Speaker) else "outlet" if not named else "group"
    dated = _dated_past(doc, head)
    forecast = (_prediction(doc, head, kind) or _intention(head)) and not dated
    figures = _stated_figures(doc, head)
    checkable_fact = not forecast and (bool(figures) or _is_rule(doc, head) or dated)
    opinion = not checkable_fact and _opinion(doc, head)
    kinds: list[ClaimType] = []
    if forecast:
        kinds.append("prediction")
    elif figures:
        kinds.append("statistic")
    if _causal(doc, head) and not opinion:
        kinds.append("causal")
    if opinion:
        kinds.append("opinion")
    if not checkable_fact and _prediction(doc, head, kind):
        kinds.append("prediction")
    kinds.append("quote" if attributed else "event")
    if attributed and not opinion and not forecast:
        kinds.append("event")  # what a source reports happened is an event, as well as their statement
    return list(dict.fromkeys(kinds))


# --- verify -----------------------------------------------------------------------------------------


def _figure_phrase(doc) -> str:
    """The figure and what it counts, as the article writes it: '149 air traffic control towers', '3 percent',
    'a four-acre area' (a contiguous span, so hyphens and decimal points stay)."""
    nums = _stated_figures(doc, _proposition_head(doc)) or _numbers(doc)  # the figure the clause asserts first
    if not nums:
        return "the figure"
    tok = next((t for t in nums if t.like_num), nums[0])  # "2,000", not the "About" before it
    phrase = tok.head if tok.dep_ in ("nummod", "quantmod", "compound") and tok.head.pos_ in ("NOUN", "PROPN", "NUM", "SYM") else tok
    # The number and its noun, and what the noun is counted per or of ("a share", "of voters"),
    # never a list or a clause that goes on after it.
    end = phrase.i
    for child in phrase.rights:
        span = list(child.subtree)
        if (child.dep_ == "npadvmod" or child.dep_ == "prep" and child.lower_ in ("of", "per")) and len(span) <= 5 and not any(t.is_punct for t in span):
            end = span[-1].i
        else:
            break
    return doc[phrase.left_edge.i : end + 1].text.strip(" ,;:-") or tok.text


def _possessive(name: str) -> str:
    """'Investigators' ', 'Rowe's'."""
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def _record_of(figure) -> str:
    """Where a figure the outlet states is kept, by what it measures: an amount of money is in the
    document that commits it, a rate in the statistics that measure it, a count in the record of
    whoever counted."""
    if figure is not None and figure.ent_type_ == "MONEY":
        return "the filing, contract, budget, announcement or market record that states the amount"
    if figure is not None and (figure.ent_type_ == "PERCENT" or any(t.lower_ in ("percent", "%", "per", "rate") for t in figure.head.subtree)):
        return "the official statistics or survey it comes from"
    return "the official count, record or announcement it comes from"


def _voiced_by(doc) -> str | None:
    """Who the clause itself says speaks, when it opens on them: "Farkas expressed the hope ...",
    "Henderson estimated the value at $55" (the subject of a reporting verb at its root, not a pronoun)."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.lemma_.lower() not in _SPEECH_LEMMAS:
        return None
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ == "PRON":
        return None
    words = [t for t in subject.subtree if not any(a.dep_ in ("appos", "relcl", "acl") and a.i != subject.i for a in t.ancestors if a in subject.subtree)]
    name = " ".join(t.text for t in words if t.dep_ not in ("appos", "relcl", "acl", "punct"))
    return _clean(name) if 0 < len(name.split()) <= 6 else None


def verify_for(kind: ClaimType, speaker: Speaker | str, clause: str) -> str:
    """What to check and which primary source would settle it, by type, by who speaks and by what
    the claim states: a figure against the record that holds it, a statement against its
    transcript, a judgement or a forecast only as having been expressed."""
    if isinstance(speaker, str):
        speaker = OUTLET_SPEAKER if speaker in (OUTLET, "unattributed") else Speaker(speaker, "person")
    doc = parse(clause)
    who = speaker.name
    said = f"that {who} said this: {_possessive(who)} statement, the transcript or the recording"
    unnamed = speaker.is_outlet or who.lower() in _PERSON_PRONOUNS | _GROUP_PRONOUNS  # "he's statement" names nobody
    voiced = _voiced_by(doc) if unnamed else None
    if voiced:  # the clause names who speaks, where the attribution did not
        said = f"that {voiced} said this: {_possessive(voiced)} statement, the transcript or the recording"
    elif speaker.kind == "organisation" and not unnamed:  # a body speaks through what it publishes
        said = f"that {who} said this: {_possessive(who)} published statement or report"
    elif unnamed:  # a quotation the article does not attribute in this sentence
        said = "who said this and that they did: the statement, transcript or recording the article quotes"
    if kind == "statistic":
        figure = _figure_phrase(doc)
        if speaker.kind == "organisation":
            return f"Check {figure!r} against {_possessive(who)} published figures or filing and the data behind them."
        if not speaker.is_outlet:
            return f"Check {figure!r} against the record or data it comes from, and {said}."
        if voiced or _speech(doc, _proposition_head(doc)):
            return f"Check {figure!r} against the record or data it comes from, and {said}."
        stated = _stated_figures(doc, _proposition_head(doc)) or _numbers(doc)
        return f"Check {figure!r} against {_record_of(stated[0] if stated else None)}."
    if kind == "quote":
        return f"Check {said}."
    if kind == "causal":
        return "Check the cause and the effect each in the official records; the link between them is " + (
            f"{_possessive(who)} account." if not speaker.is_outlet else "the article's account."
        )
    if kind == "opinion":
        if speaker.is_outlet and not voiced and not _speech(doc, _proposition_head(doc)):
            return "Not checkable as a fact: a judgement in the article's own voice; check the facts it rests on."
        return f"Not checkable as a fact: check only {said.replace('said this', 'expressed this view', 1)}."
    if kind == "prediction":
        if speaker.is_outlet and not voiced and not _speech(doc, _proposition_head(doc)):
            return "Not checkable yet: a forecast or plan; check the announcement or forecast it reports, and later whether it came true."
        return f"Not checkable yet: check {said.replace('said this', 'stated this forecast or plan', 1)}, and later whether it came true."
    # event
    if _is_rule(doc):
        return "Check the text of the law, rule or agreement itself, in the official register or gazette."
    if not speaker.is_outlet:
        return f"Check the official records of what is reported, and that {who} said it: {_possessive(who)} statement or announcement."
    return "Check it against the official records, statements or announcements of what is reported."

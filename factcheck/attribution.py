"""Who says what, in grammar rather than word lists: speakers, standalone claims, claim types, verify.

Everything here reads the dependency parse of the shared parser (factcheck/nlp.py), so it holds on
any article:

- `attributions(sentences)`: the speaker of each sentence. "X said ...", "..., X said.", the split
  quote `"...," said X, "..."`, "according to X", a quotation that goes on in the next sentence
  (it keeps its speaker; one that opens with no attribution is its closing speaker's), and pronouns
  or "the agency" / "the statement" resolved to the person or organisation named before (he/she to
  the person the discourse is about, its main subject; it/they/the agency to an organisation), with
  the sentence that names them, to be cited. The speaker is the reporting verb's subject, never the
  nearest name. A reporting verb is any verb of communication that the parse shows reporting
  something: a clause ("noted that"), a quotation, a commitment ("vowed to"), a stance on an object
  ("denied the charges", "condemned the attack"), a "saying" participle ("issued a statement
  saying", "quoted X as saying"). "He said" is a subject or someone who spoke before, never a name
  the article only talks about (a suspect sought); with no such person the pronoun stays. The
  outlet speaks only when nobody is attributed.
- `resolve_referents(clause, sentence, previous)`: the clause as a claim that stands alone: a
  pronoun becomes its antecedent, "that group" or "the task force" gets its referent when exactly
  one earlier phrase says which, else the sentence before is cited (never a guessed referent), a
  figure keeps the phrase that says what it counts, a clause cut from its subject gets it back;
  `standalone_variants` lists safer forms for a checker that rejects the first, `dangling` names
  what a text still points back to, `is_statement` tells a claim from a heading.
- `claim_types(clause, speaker)`: the types the clause's structure allows, code's choice first.
- `verify_for(kind, speaker, clause)`: what to check and where, from templates.

The word lists below are closed grammatical classes or general English vocabulary (reporting verbs,
pronouns, the nouns of rules and documents), never words taken from an article; WordNet's verbs of
communication that take a that-clause come from factcheck/data/reporting_verbs.txt
(benchmarks/build_reporting_verbs.py).
"""

from __future__ import annotations

import dataclasses
import gzip
import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Literal

from .article import QUOTES, _quote_marks, quote_count, quote_open_after, quoted_spans, starts_quoted
from .faithfulness import lexicon as faithfulness_lexicon
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
# Verbs that commit the subject to what their infinitive says ("vowed to retaliate"): a statement.
_COMMITTING_LEMMAS = frozenset("promise vow pledge swear threaten guarantee".split())
# Verbs that state a position on their object ("denied the charges", "condemned the attack",
# "likened the plan to theft"): what the subject says about it, though no clause follows.
_STANCE_LEMMAS = frozenset(
    """deny announce declare condemn denounce criticize criticise praise blame accuse deplore liken reject
    confirm acknowledge admit allege claim urge report disclose reveal estimate""".split()
)

# Verbs that put forth a message named by their object: "raised worries that ...", "expressed
# concern that ...", "issued a warning that ...": the that-clause is what the subject says.
_VOICING_LEMMAS = frozenset("issue express raise voice sound release publish".split())


@lru_cache(maxsize=1)
def _speech_lemmas() -> frozenset[str]:
    """The reporting verbs above and WordNet's verbs of communication that take a that-clause
    ("noted that", "boasted that", "conceded that"); built by benchmarks/build_reporting_verbs.py.
    They only widen which verbs may report: the parse must still show what they report."""
    words = resources.files("factcheck.data").joinpath("reporting_verbs.txt").read_text(encoding="utf-8").split()
    return REPORTING_LEMMAS | _COMMITTING_LEMMAS | _STANCE_LEMMAS | _VOICING_LEMMAS | frozenset(words)


def _speech_verb(tok) -> bool:
    # A WordNet verb only as a verb: "will" or "mind" as an auxiliary or noun reports nothing.
    lemma = tok.lemma_.lower()
    return tok.pos_ in ("VERB", "AUX") and lemma in REPORTING_LEMMAS or tok.pos_ == "VERB" and lemma in _speech_lemmas()


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
    subject: bool = True  # named as a clause's subject (or its apposition), not as an object or possessor
    label: str = ""  # the entity label: ORG, GPE, NORP, PERSON


def _as_subject(token) -> bool:
    """Whether a name stands where a speaker can: a subject, or a phrase in apposition or
    coordination with one; not an object ("police hunted X"), possessor ("X's lawyer") or a noun in
    a prepositional phrase."""
    while token.dep_ in ("compound", "flat", "appos", "conj") and token.head != token:
        token = token.head
    return token.dep_ in ("nsubj", "nsubjpass", "ROOT")


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
            found.append(_Mention(_clean(ent.text), "person", index, ent.start_char, _as_subject(ent.root), ent.label_))
        elif ent.label_ in _GROUP_ENTS:
            found.append(_Mention(_clean(ent.text), "organisation", index, ent.start_char, _as_subject(ent.root), ent.label_))
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
                elif subject.pos_ == "PROPN":  # a person the tagger missed: named before, or described as one
                    known = _known_person(state.persons, _noun_phrase(subject)) or _described_as_person(subject)
                    topic = _Mention(_clean(_noun_phrase(subject)), "person", index, subject.idx) if known else None
                if topic is not None:  # "Har-Shefi said she ...": the person's gender
                    # Only the clause the verb goes on to report: in '"He is dangerous," said Holt' the
                    # quotation's "he" is someone else.
                    quoted = quoted_spans(text)
                    said = [
                        g for c in subject.head.children if c.dep_ == "ccomp" and c.i > subject.head.i for g in c.children
                        if g.dep_ == "nsubj" and g.lower_ in ("he", "she") and not any(a <= g.idx < b for a, b in quoted)
                    ]
                    if said:
                        state.genders.setdefault(_key(topic.name), _gender(said[0].lower_))
            if topic is not None:
                break
        if topic is None and (described := _speaking_description(doc)) is not None:
            topic = _Mention(_noun_phrase(described), "person", index, described.idx)
        state.topics.append(topic)
        state.persons.extend(m for m in _mentions(text, index) if m.kind == "person")
    return state


def _speaking_description(doc):
    """The subject of the sentence's reporting verb when it is a person described, not named ("A
    duty officer said ..."): what the next "he said" most likely stands for, ahead of a name the
    report only talks about. Not an organisation or a document ("the agency", "the report")."""
    cues = _cues(doc)
    cue = next((c for c in cues if doc[c.token_i].dep_ == "ROOT"), cues[0] if cues else None)
    if cue is None:
        return None
    subject = cue.subject
    if subject.pos_ != "NOUN" or subject.tag_ != "NN" or subject.lemma_.lower() in _ORG_NOUNS or subject.ent_type_:
        return None
    return subject


def _described_as_person(name) -> bool:
    """"Farkas, an air force captain, was ...": a name whose apposition is a person noun names a
    person, whatever the tagger took it for (it takes some surnames for organisations)."""
    return any(c.dep_ == "appos" and c.lemma_.lower() in _person_nouns() for c in name.children)


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
    stance: bool = False  # a position on an object ("denied the charges"), no clause reported


def _cues(doc) -> list[_Cue]:
    """Reporting verbs with what they report (a clause, or a quotation in the sentence) and their
    subject; "according to X". A verb inside a relative clause reports nothing about the sentence."""
    cues = []
    quoted = bool(quote_count(doc.text)) or "‘" in doc.text
    for tok in doc:
        if (_speech_verb(tok) or _characterises(tok)) and tok.dep_ not in ("relcl", "acl", "amod", "pcomp", "compound"):
            inverted = _inverted_speaker(tok)
            # "X, the source said, was ...": a reporting clause set in the sentence (parataxis) reports it.
            reports = any(c.dep_ in ("ccomp", "parataxis") and not _gerund_between(tok, c) and not _question(c) for c in tok.children) or _that_clause_on_object(tok) or tok.dep_ == "parataxis" or tok.dep_ == "ccomp" and tok.head.i < tok.i and not _speech_verb(tok.head) or _report_as_advcl(tok) or _final_report(tok) or _final_clause_subject(tok) is not None
            if reports and tok.lemma_.lower() not in REPORTING_LEMMAS:
                reports = _reports_clause(tok)
            if not (reports or inverted is not None or quoted and tok.lemma_.lower() in ("say", "tell", "add", "describe") or _states_position(tok) or _characterises(tok)):
                continue
            subjects = [c for c in tok.children if c.dep_ == "nsubj"] or ([inverted] if inverted is not None else []) or _stranded_subject(tok)
            if not subjects and (final := _final_clause_subject(tok)) is not None:
                subjects = [final]  # "X happened, a senior source told the radio": not X's subject
            agents = [g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
            if not subjects and tok.dep_ in ("conj", "advcl") and _inverted_speaker(tok.head) is not None:
                subjects = [_inverted_speaker(tok.head)]  # "..., added X, adding that ...": X
            if not subjects and tok.dep_ in ("conj", "advcl"):  # "He sold it and said ...", "X did Y, saying ...": the first verb's subject
                subjects = [c for c in tok.head.children if c.dep_ == "nsubj"]
            stance = not (reports or inverted is not None) and (_states_position(tok) or _characterises(tok))
            for subject in subjects or agents:
                subject = _relative_antecedent(subject)
                if subject is not None and _can_speak(subject):
                    cues.append(_Cue(tok.i, subject, tok.text.lower(), stance))
        elif _speech_verb(tok) and (subject := _participle_speaker(tok) or _misparsed_speaker(tok)) is not None and _can_speak(subject):
            cues.append(_Cue(tok.i, subject, tok.text.lower()))
        elif tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            objects = [c for c in doc[tok.i + 1].children if c.dep_ == "pobj"]
            if objects:
                cues.append(_Cue(tok.i, objects[0], "according to"))
    return cues


# Verbs that give their object a name or description ("called the move a setback"), a closed class.
_NAMING_LEMMAS = frozenset("call describe dub label term brand characterize characterise".split())


def _characterises(verb) -> bool:
    """"Horsley called the move a 'temporary setback'": a verb that names its object with words in
    quotation marks reports what the subject said of it. Without the quotation marks ("called the
    meeting to order", "was called a hero") the parse cannot tell a judgement voiced from a name."""
    # A main verb ("what he calls an 'eternal merger'" names nothing the sentence reports).
    if verb.lemma_.lower() not in _NAMING_LEMMAS or verb.pos_ != "VERB" or verb.dep_ not in ("ROOT", "conj") or verb.dep_ == "conj" and verb.head.dep_ != "ROOT":
        return False
    if not any(c.dep_ == "dobj" and c.tag_ not in ("WP", "WDT") for c in verb.children):
        return False
    return any(
        c.dep_ in ("oprd", "xcomp", "attr", "ccomp", "prep", "advcl") and c.i > verb.i
        and any(t.tag_ in ("``", "''") or quote_count(t.text) or t.text in ("'", "‘", "’", "`") and t.tag_ != "POS" for t in c.subtree)
        for c in verb.children
    )


def _relative_antecedent(subject):
    """"X's relatives, who have cared for him and have said ...": a relative pronoun names nobody;
    the speaker is the noun its clause describes, or nobody when the parse shows none."""
    if subject.tag_ not in ("WP", "WDT") and not (subject.lower_ == "that" and subject.head.dep_ == "relcl"):
        return subject
    clause = next((t for t in [subject.head, *subject.head.ancestors] if t.dep_ == "relcl"), None)
    if clause is None or clause.head.pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    return clause.head


def _can_speak(subject) -> bool:
    """A common noun speaks when it can say something: a person, a group or a communication
    ("officials", "the family", "a message"); "footage" that a misparse made the subject of "urged",
    or a thing that "suggests", do not, and what they seem to report stays the article's own."""
    if subject.pos_ != "NOUN" or subject.ent_type_:
        return True
    lemma = subject.lemma_.lower()
    if _unknown_capitalised(subject):
        return True  # a name the tagger took for a noun ("Ruiz was quoted as saying")
    return lemma in _ORG_NOUNS or lemma in _BUSINESS_NOUNS or lemma in _PERSON_NOUNS or lemma in _speaker_nouns()


def _unknown_capitalised(tok) -> bool:
    """A capitalised word the lexicon does not know: most likely a name, whatever the tagger says."""
    return tok.text[:1].isupper() and tok.lemma_.lower() not in faithfulness_lexicon().senses


@lru_cache(maxsize=1)
def _speaker_nouns() -> frozenset[str]:
    """Nouns one of whose three most frequent senses is a person, a group or a communication; built
    by benchmarks/build_person_nouns.py."""
    raw = resources.files("factcheck.data").joinpath("speaker_nouns.txt.gz").read_bytes()
    return frozenset(gzip.decompress(raw).decode().split())


def _question(clause) -> bool:
    """"asked whether the ban applied", "asked them why": an embedded question reports no content.
    A wh-word counts only where such a question opens, right after the verb and a short object (a
    relative pronoun further on, "that unit _ which she leads _ made visits", is no question)."""
    first = clause.left_edge
    wh = first.tag_ in ("WDT", "WP", "WP$", "WRB") and first.lower_ != "that" and 0 < first.i - clause.head.i <= 4
    return any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in clause.children) or wh and first.i < clause.i


def _that_clause_on_object(verb) -> bool:
    """"warning farmers that the river will flood": the parser may hang the reported
    that-clause on the verb's object, as if it said which farmers; "raised worries that prices
    would rise": the clause says what the worries are (a complement, opened by the conjunction
    "that", not a relative clause, where "that" is a pronoun)."""
    # "said in a statement that ...", "told reporters in an interview that ...": the parser may hang
    # the clause on the noun of an "in" phrase after a reporting verb as well ("betting on the
    # assumption that ..." reports nothing: the clause says what the assumption is).
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    if verb.lemma_.lower() in REPORTING_LEMMAS:
        objects += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "in" and c.i > verb.i for g in c.children if g.dep_ == "pobj"]
    return any(
        g.dep_ in ("acl", "relcl") and any(m.dep_ == "mark" and m.lower_ == "that" for m in g.children)
        for c in objects for g in c.children
    )


def _reports_clause(verb) -> bool:
    """For a verb of communication outside the closed class of reporting verbs ("noted", "boasted",
    "suspect"), the parser's looser signs of a report are not enough: it reports the clause that
    follows it, or, with no object of its own, the clause before it ("..., the party noted.").
    "officials suspect a link", "hear speakers demand talks" report nothing."""
    if _hedged(verb):
        return False
    after = any(c.dep_ in ("ccomp", "parataxis") and c.i > verb.i and not _gerund_between(verb, c) and not _question(c) for c in verb.children)
    if after or _that_clause_on_object(verb):
        return True
    if any(c.dep_ in ("dobj", "dative", "xcomp") for c in verb.children) or verb.dep_ == "ccomp":
        return False
    return any(c.dep_ in ("ccomp", "parataxis") and c.i < verb.i for c in verb.children) or verb.dep_ == "parataxis" or _report_as_advcl(verb) or _final_report(verb) or _final_clause_subject(verb) is not None


def _hedged(verb) -> bool:
    """"may plead", "might reveal", "wouldn't disclose": a modal says the statement is not (yet) made."""
    return any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)


def _states_position(verb) -> bool:
    """A main verb that reports a stance with no clause: a commitment with its infinitive ("vowed to
    retaliate"), or a position on an object that is no person ("denied the charges", "condemned the
    attack", "likened the tax to theft"); "told him" or "warned residents" alone say nothing."""
    lemma = verb.lemma_.lower()
    if verb.dep_ not in ("ROOT", "conj") or verb.dep_ == "conj" and verb.head.dep_ != "ROOT" or _hedged(verb):
        return False
    if lemma in _COMMITTING_LEMMAS and any(c.dep_ == "xcomp" and c.i > verb.i for c in verb.children):
        return True
    # The object right after the verb: in "reports on the talks and the trade deal" the parser may
    # take a noun of the prepositional phrase for one.
    return lemma in _STANCE_LEMMAS and any(
        c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN") and c.ent_type_ not in _PERSON_ENTS and c.lemma_.lower() not in _PERSON_NOUNS
        and not any(p.dep_ == "prep" and verb.i < p.i < c.i for p in verb.children)
        for c in verb.children
    )


def _participle_speaker(verb):
    """The speaker of a "saying" participle that reports a clause or a quotation: "X issued a
    statement saying ...", "X quoted Y as saying ...", "a report saying ... was released": whoever
    the clause it hangs on is about: the noun it describes when that noun is a subject, else the
    subject of the nearest verb above it."""
    if verb.tag_ != "VBG" or verb.dep_ not in ("acl", "pcomp", "xcomp"):
        return None
    # "quoted X as saying", "was cited as saying": the frame reports whatever the parse made of the rest.
    as_saying = verb.dep_ == "pcomp" and verb.head.lower_ == "as"
    if not as_saying and not any(c.dep_ in ("ccomp", "parataxis") for c in verb.children) and not any(quote_count(t.text) for t in verb.subtree):
        return None
    if verb.dep_ == "acl" and verb.head.dep_ in ("nsubj", "nsubjpass"):
        return verb.head
    for above in verb.ancestors:
        subject = next((c for c in above.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if above.pos_ in ("VERB", "AUX") and subject is not None:
            # Not the subject of a relative clause ("voters who left him by saying"): the parse
            # hung the participle on the nearest verb, which speaks for nobody here.
            # Nor a passive subject, but in "Y was quoted as saying": "the airing appeared aimed at
            # warning viewers that ..." is aimed by someone, the airing warns nobody.
            if subject.dep_ == "nsubjpass" and not as_saying:
                return None
            return subject if above.dep_ != "relcl" and subject.tag_ not in ("WDT", "WP") else None
    return None


def _misparsed_speaker(verb):
    """Two parses that lose a reporting verb's role:
    - "Norway alleged Jensen was a spy": the finite verb taken for an adjective of the next noun; its
      subject is the noun right before it;
    - "X happened, a senior source told the radio.": a sentence-final report taken for a
      participle of an appositive; its subject is that appositive, set off by a comma."""
    doc = verb.doc
    if verb.tag_ in ("VBD", "VBZ", "VBP") and verb.dep_ in ("amod", "compound") and verb.i > 0 and verb.head.i > verb.i:
        before = doc[verb.i - 1]
        if before.pos_ in ("NOUN", "PROPN") and before.dep_ in ("nsubj", "nsubjpass"):
            return before
    if verb.dep_ in ("acl", "relcl"):
        return _final_clause_subject(verb)
    return None


def _final_clause_subject(verb):
    """"X happened, a senior source told the radio.": a finite reporting verb that ends the
    sentence after a comma, with its subject (or, parsed as a participle, the noun it describes)
    right after that comma and nothing of its own to report; the parser may hang it on the last noun
    of the report (relative clause, participle) or coordinate it with the report. It reports what
    comes before the comma."""
    doc = verb.doc
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.dep_ == "ROOT" or any(c.dep_ in ("ccomp", "xcomp", "parataxis") for c in verb.children):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    if subject is None and verb.dep_ == "acl" and verb.head.i < verb.i:
        subject = verb.head
    if subject is None and doc[verb.i - 1].dep_ == "appos":  # the noun right before, taken for an apposition
        subject = doc[verb.i - 1]
    last = max((t.i for t in doc if not t.is_punct), default=0)
    if subject is None or subject.pos_ not in ("NOUN", "PROPN") or verb.right_edge.i < last:
        return None
    start = subject.left_edge.i
    between = doc[start:verb.i]
    if start == 0 or doc[start - 1].text != "," or any(t.tag_ in ("WDT", "WP", "WP$") or t.pos_ in ("VERB", "AUX") and t.dep_ != "amod" for t in between):
        return None
    return subject


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
    its last noun). The subject is the noun phrase between the last comma and the verb. So too when
    the report follows ("Taking the stand, a neighbour of the accused said that ...": the parser made
    the speaker the object of the opening participle)."""
    doc = verb.doc
    if verb.dep_ != "ROOT":
        return []
    # "First of Lakeland Corp. said ...", "First of Lakeland, which has 12 banks, announced ...":
    # a name the parser broke up (its first word read as an adverb) that opens the sentence, with
    # at most a clause set off by commas that hangs on it, is the subject.
    named = next((e for e in doc.ents if e.end == verb.i and e.start == 0 and e.label_ in _PERSON_ENTS | _GROUP_ENTS), None)
    if named is not None:
        return [named.root]
    if (described := _described_speaker(verb)) is not None:
        return [described]
    end = next((t.i for t in doc[: verb.i] if t.text == ","), verb.i)
    opening, aside = doc[0:end], doc[end : verb.i]
    tops = [t for t in opening if not 0 <= t.head.i < end or t.head == t]
    if (
        len(opening) and len(tops) == 1 and tops[0].head == verb and any(t.pos_ == "PROPN" for t in opening)
        and all(t.pos_ in ("PROPN", "NOUN", "ADP", "DET", "ADV", "ADJ", "PART", "CCONJ") for t in opening)
        and all(t.text == "," or any(a.i < end for a in t.ancestors) for t in aside)
    ):
        return tops
    if not any(c.dep_ == "ccomp" for c in verb.children):
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
        # One noun phrase, which may hold a prepositional phrase and a possessive ("a friend of X's son").
        if len(heads) == 1 and heads[0].pos_ in ("NOUN", "PROPN") and all(t.pos_ in ("NOUN", "PROPN", "ADJ", "DET", "CCONJ", "NUM", "PART", "ADP") or t.dep_ == "amod" for t in span):
            return heads
    return []


def _described_speaker(verb):
    """"The author of a pamphlet ruled a danger to officials says a ruling is a setback": the parser
    took the participle that describes the subject ("ruled", "found") for the finite verb of a
    clause the reporting verb reports, so the verb seems to have no subject. The clause before the
    verb, opening the sentence with no comma or auxiliary, whose verb is a bare past form, is the
    subject and its description; the verb reports the clause after it."""
    doc = verb.doc
    before = [c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i]
    if len(before) != 1 or not any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children):
        return None
    clause = before[0]
    subject = next((c for c in clause.children if c.dep_ == "nsubj" and c.i < clause.i), None)
    if (
        subject is None or clause.tag_ not in ("VBD", "VBN") or clause.left_edge.i != doc[0].i or clause.right_edge.i + 1 != verb.i
        or any(c.dep_ in ("aux", "auxpass", "neg", "mark") for c in clause.children)
        or any(quote_count(t.text) for t in doc[: verb.i])
    ):
        return None
    # Either no comma at all, or the participle set off by commas right after the subject's phrase
    # ("Nashua Corp., rumored a target for months, said that ...").
    after = subject.right_edge.i if subject.right_edge.text == "," else subject.right_edge.i + 1
    aside = doc[after].text == "," and after < clause.i and doc[verb.i - 1].text == ","
    aside = aside and all(t.head.i == clause.i and t.dep_ == "advmod" for t in doc[after + 1 : clause.i])
    if not aside and any(t.text == "," for t in doc[: verb.i]):
        return None
    return subject


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
            # "Nashua said", after "Nashua Corp.": the short form of a business named before, whatever
            # the tagger took it for, unless a person of that name was named (in full) before.
            if person and len(ent) == 1 and _business(ent.text, context) and not any(m.kind == "person" and m.name != ent.text and _key(m.name) == _key(ent.text) for m in context):
                person = False
            kind: Kind = "person" if person else "organisation"
            return Speaker(_clean(ent.text), kind, index, cue, _noun_phrase(subject))
    naming = _naming_tokens(subject)
    for ent in doc.ents:
        # "the spokesman, John Hale": the name; "several Acme analysts": the plural noun, of which a
        # name in front only says whose.
        modifier = subject.tag_ == "NNS" and all(t.dep_ == "compound" and t.head.i == subject.i for t in ent if t.head.i not in range(ent.start, ent.end))
        if ent.start in naming and ent.label_ in _PERSON_ENTS and not modifier:
            return Speaker(_clean(ent.text), "person", index, cue, _noun_phrase(subject))
    recent = [sp for sp in reversed(spoken) if not sp.is_outlet and sp.sentence is not None and sp.sentence >= index - 5]
    # A first person in a transcript or a quote: the one speaking ("I" only a person, never a company).
    speaking = [sp for sp in recent if lower == "we" or sp.kind == "person"]
    if lower in ("i", "we") and speaking:
        return dataclasses.replace(speaking[0], cue=cue)
    if lower == "they" and subject.head.dep_ == "advcl":
        # "Though they insist ..., officials hope ...", "the airlines cut fares when they reported ...":
        # in a subordinate clause, the plural subject of the sentence's main clause.
        root = next((t for t in doc if t.dep_ == "ROOT"), None)
        main = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None) if root is not None else None
        if main is not None and main.tag_ in ("NNS", "NNPS") and not main.ent_type_ and subject.i not in [t.i for t in main.subtree]:
            return Speaker(_noun_phrase(main), "group", index, cue, _noun_phrase(main))
    if lower == "they" and previous:
        # "Elian's relatives have fought ... . They have said ...": a plural common noun that is
        # the subject of the sentence before is the nearest antecedent, ahead of any name.
        prev = parse(previous)
        root = next((t for t in prev if t.dep_ == "ROOT"), None)
        subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None) if root is not None else None
        if subj is not None and subj.tag_ == "NNS" and not subj.ent_type_:
            return Speaker(_noun_phrase(subj), "group", index - 1, cue, _noun_phrase(subj))
    if lower in _PERSON_PRONOUNS and sentences:
        # "He said": the person the discourse is about when that person can speak here (a subject, or
        # someone who spoke), else the person who spoke last; a name the article only talks about
        # (a suspect sought, a victim) is never the speaker. With neither, the pronoun stays as it is.
        person = person_antecedent(sentences, lower, upto=index)
        state = _discourse(tuple(sentences))
        voices = [sp for sp in recent if sp.kind == "person" and state.genders.get(_key(sp.name), _gender(lower)) == _gender(lower)]
        # An object is a participant who may speak when a person of the other gender is the subject
        # ("Mrs. Ruiz met Paul Berg. He said ..."), not when nobody is ("Police seek X. He said ...").
        participant = person is not None and (person.subject or state.topics[person.sentence] is not None)
        if participant or person is not None and any(_key(sp.name) == _key(person.name) for sp in voices):
            return Speaker(person.name, "person", person.sentence, cue, person.name)
        if voices:
            return dataclasses.replace(voices[0], cue=cue)
        # "Tired of waiting, the pilot Ed Kray is leaving, he said": the person the report is about.
        own = next((m for m in reversed(in_sentence) if m.kind == "person" and m.subject), None)
        if own is not None:
            return Speaker(own.name, "person", index, cue, own.name)
        return Speaker(subject.text, "person", index, cue, subject.text)
    if lower in _PERSON_PRONOUNS | _GROUP_PRONOUNS:
        wanted: Kind = "person" if lower in _PERSON_PRONOUNS else "organisation"
        # A singular name the tagger did not know ("First of Lakeland") is an organisation to "it".
        found = next((sp for sp in recent if sp.kind == wanted or wanted == "organisation" and sp.kind == "group" and sp.name[:1].isupper() and not sp.name.endswith("s")), None)
        # A name the article only mentions in passing ("a former Norcom executive") is not who "it" is.
        mention = next((m for m in reversed(context) if m.kind == wanted and m.subject), None)
        if mention is not None and (found is None or mention.sentence > found.sentence):
            return Speaker(mention.name, mention.kind, mention.sentence, cue, mention.name)
        if found is not None:
            return dataclasses.replace(found, cue=cue)
    elif subject.pos_ == "NOUN" and any(c.lower_ in ("the", "this", "that", "these") for c in subject.children if c.dep_ == "det") and not any(
        c.dep_ in ("amod", "compound", "nummod") for c in subject.children  # "the first official", "the two leaders" say which
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
        elif (named := _named_organisation(subject.lemma_.lower(), recent, context, index)) is not None:
            return dataclasses.replace(named, cue=cue)
    elif (
        subject.pos_ == "NOUN" and subject.lemma_.lower() in _BUSINESS_NOUNS and any(c.lower_ == "the" for c in subject.children if c.dep_ == "det")
        and not any(c.dep_ in ("amod", "nummod") for c in subject.children)
        and (named := _named_organisation(subject.lemma_.lower(), recent, context, index)) is not None
    ):
        # "The Dallas oil and gas concern said": nouns in front of a business say what it does, not which.
        return dataclasses.replace(named, cue=cue)
    name = _noun_phrase(subject)
    lemma = subject.lemma_.lower()
    # "the author of a pamphlet": one person described, a person to WordNet; "officials" stay a group.
    body = lemma in _ORG_NOUNS or lemma in _BUSINESS_NOUNS
    person = lemma in _PERSON_NOUNS or subject.tag_ == "NN" and lemma in _person_nouns() and not body
    kind = "person" if person else "organisation" if body else "group"
    if subject.pos_ == "PROPN" and _known_person(context, name) is not None:
        kind = "person"  # a person named before, whom the tagger missed (or took for an organisation) here
    return Speaker(name or lower, kind, index, cue, name)


# Definite nouns for a business ("the company said" after "Acme Corp. said"), which only a
# business's name stands for, and for other bodies with a name of their own, which one that spoke
# stands for ("the agency said" after "The Federal Aviation Administration announced").
_BUSINESS_NOUNS = frozenset("company firm corporation concern maker carrier airline bank bancorp".split())
_BODY_NOUNS = frozenset("agency union party group".split())
# The closed class of words that end a business's legal name.
_BUSINESS_NAME = re.compile(r"\b(?:Inc|Corp|Co|Cos|Ltd|PLC|plc|AG|SA|NV|N\.V|S\.A|GmbH|LLC|LP|L\.P|Bancorp|Holdings?|Group|Industries|Airlines?|Airways|Bank)\b")


def _business(name: str, context: Sequence[_Mention]) -> bool:
    """Whether `name` is a business's: its legal name, or the short form of one named before ("Unisys")."""
    first = name.split()[0].lower() if name.split() else ""
    return bool(_BUSINESS_NAME.search(name)) or any(_BUSINESS_NAME.search(m.name) and m.name.split()[0].lower() == first for m in context)


def _named_organisation(lemma: str, recent: Sequence[Speaker], context: Sequence[_Mention], index: int) -> Speaker | None:
    """"Acme Corp. said ... . The company said ...": the organisation the definite noun stands for:
    the nearest earlier organisation that spoke, when it is of that kind, else, for a business, the
    one business the nearest sentence before that names any names. Two there ("Acme agreed to buy
    Zenith Inc.") and which is meant is a guess: none."""
    business = lemma in _BUSINESS_NOUNS
    if not business and lemma not in _BODY_NOUNS:
        return None
    named = [m for m in context if m.label == "ORG"]  # before the subject, in its own sentence too
    for sp in recent:
        # A name the tagger did not know ("Nashua") is a group to it, and may be an organisation's.
        if sp.sentence is not None and sp.sentence < index and (sp.kind == "organisation" or sp.kind == "group" and sp.name[:1].isupper()):
            # A business that spoke is who "the company" is, ahead of any it talked about; another
            # body only when it is the one organisation its sentence names.
            if business and _business(sp.name, context) or not business and {m.name for m in named if m.sentence == sp.sentence} == {sp.name}:
                return sp
            break
    # A business's legal name; with none in the article so far, an organisation named as a subject
    # ("Qantas plans ..., the airline announced").
    named = [m for m in named if _business(m.name, context)] or [m for m in named if m.subject]
    if not business or not named:
        return None
    last = [m for m in named if m.sentence == named[-1].sentence]
    if len({m.name for m in last}) != 1:
        return None
    return Speaker(last[0].name, "organisation", last[0].sentence, "said", last[0].name)


@lru_cache(maxsize=64)
def _attributions(sentences: tuple[str, ...]) -> tuple[Speaker, ...]:
    result: list[Speaker] = []
    before: list[_Mention] = []
    open_quote, quoted = False, False
    for index, text in enumerate(sentences):
        previous = result[-1] if result else None
        doc = parse(text)
        cues = _cues(doc)
        if open_quote and quoted:
            # A sentence inside a quotation that an attributed sentence opened ('A spokesman said:
            # "...'): a reporting verb before the quotation closes is the quoted speaker's words ("If
            # the father comes, the family will say ..."), not the sentence's attribution, which only
            # a verb after the closing mark is. A stray mark that nobody's words follow quotes nothing.
            # "We think" there is still the quoted speaker: the first person is whoever speaks.
            closes = _closing_offset(text)
            cues = [c for c in cues if closes is not None and doc[c.token_i].idx > closes or c.subject.lower_ in ("i", "we")]
        if cues:
            # The speaker of the main clause: the cue whose verb is the root, else the first one; "X
            # disclosed a stake, according to Y": the source the article names for it.
            cue = next((c for c in cues if doc[c.token_i].dep_ == "ROOT"), cues[0])
            cue = next((c for c in cues if c.cue == "according to"), cue) if cue.stance else cue
            speaker = _speaker_of(cue.subject, doc, index, before, result, cue.cue, sentences[index - 1] if index else "", sentences)
        elif (open_quote or starts_quoted(text)) and previous is not None and not previous.is_outlet and previous.cue != "outlet":
            speaker = dataclasses.replace(previous, cue="quote continues")
        else:
            speaker = OUTLET_SPEAKER
        result.append(speaker)
        after = quote_open_after(text, open_quote)
        # Opened by an attributed sentence, or as a sentence that is all quotation with nobody named
        # (a transcript's); not by a stray mark in a sentence taken to continue an earlier quotation.
        opens = not speaker.is_outlet and speaker.cue != "quote continues" or speaker.is_outlet and starts_quoted(text)
        quoted = quoted if open_quote else after and opens
        open_quote = after
        before.extend(_mentions(text, index))
    return tuple(_quotes_carry_their_speaker(sentences, result))


def _closing_offset(text: str) -> int | None:
    """Where the quotation open at the start of `text` closes in it, or None when it runs on. A
    quotation that opens first ('Replied X, “We ...') says the old one closed unmarked (wire copy
    forgets closing marks): nothing of `text` is in it."""
    first = next(iter(_quote_marks(text)), None)
    if first is None:
        return None
    at, length, role = first
    return 0 if role == "open" else at + length


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
    elif first.lower_ in _PERSON_PRONOUNS | _GROUP_PRONOUNS and first.dep_ == "poss" and re.match(re.escape(stand_in) + "(’s|'s)", text):
        body = first.lower_ + text[len(stand_in) + 2 :]  # "X said that her unit ...", not "X said that X's unit ..."
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
    # Each referent put in, in order: the words and the index of the sentence they come from.
    # `standalone_variants` leaves one out, or cites another sentence with the same words.
    inserted: list[tuple[int | None, str]] = field(default_factory=list)


def _has_verb(doc) -> bool:
    return any(t.pos_ in ("VERB", "AUX") for t in doc)


def is_statement(text: str) -> bool:
    """A clause a claim can be: a finite verb outside quotation marks, or a quotation as a whole.
    Not a transcript's heading ("Clinton on Friday."), nor a list of names cut from a sentence
    whose only verb lies inside the quotation that follows them ("X and Y in response: ``...''")."""
    doc = parse(text.strip())
    quoted = quoted_spans(text.strip())
    words = [t for t in doc if not t.is_punct]
    if words and all(any(a <= t.idx < b for a, b in quoted) for t in words):
        return True
    return any(
        (t.tag_ in ("VBD", "VBZ", "VBP", "MD") or t.tag_ in ("VB", "VBN", "VBG") and any(c.dep_ in ("aux", "auxpass") for c in t.children))
        and not any(a <= t.idx < b for a, b in quoted)
        for t in doc
    )


def introduces_what_follows(text: str) -> bool:
    """'Asked to comment, a spokesman said:', 'The agency gave three reasons:': a sentence that ends
    on a colon announces what the next one says and states nothing of its own; it is never a claim."""
    return text.rstrip().rstrip("\"'”’ ").endswith(":")


def resolve_referents(
    clause: str, sentence: str, previous: Sequence[str], whole: bool = True, leave: frozenset[int] = frozenset(), cite: dict[int, int] | None = None
) -> Standalone:
    """`clause` (a clause of `sentence`, or the sentence) as a claim that stands alone.

    - a clause with no verb, or a figure whose population lies outside the clause, gives way to
      the whole sentence: a claim is never a bare noun phrase, nor a figure cut from what it counts;
    - a clause that lost its subject ("and said it would ...") gets the sentence's subject back;
    - a He/She/His/Him outside quotation marks becomes the person or organisation named before,
      unless the clause names someone it may stand for first; a reporting "It"/"They" becomes the
      organisation that speaks;
    - "that group", "such a movement" or "the call" gets its referent when an earlier noun phrase
      with the same head says which, and no other earlier phrase with that head says otherwise:
      "the talks" becomes "the Geneva talks" (a definite antecedent), "such a movement" is followed
      by "[an underground movement]" (the article's words, in brackets);
    - a leading "It"/"That"/"This" that cannot be resolved with confidence cites the sentence
      before, with no guessed referent, and (with `whole`) keeps the whole sentence;
    `cited` lists the earlier sentences the reader needs. A clause that is not the sentence's own
    words (`whole=False`: a timeline event, shortened) is resolved as it is. The referents numbered
    in `leave` (in the order of `inserted`) are left as written, and `cite` names another sentence
    for a referent's words (see `standalone_variants`).
    """
    clause = clause.strip()
    if whole and clause != sentence.strip() and (not _has_verb(parse(clause)) or not is_statement(clause) or _figure_cut(clause, sentence)):
        clause = sentence.strip()
    clause = _restore_subject(clause, sentence)
    doc = parse(clause)
    cited: set[int] = set()
    spoken = attributions(previous) if previous else []
    own = attributions([*previous, sentence])[-1]
    quoted = quoted_spans(clause)
    main_root = next((t.i for t in doc if t.dep_ == "ROOT"), 0)
    main = {_content_head(doc).i, main_root}
    edits: list[tuple[int, int, str, int | None]] = []  # (start, end, replacement, sentence it comes from) in clause offsets
    refers_back = False
    named: set[str] = set()  # genders of the people a pronoun before has been resolved to

    def context(after) -> None:
        # "It was a bomb", "That brought the toll to 259": what "It" or "That" stands for cannot be
        # told with confidence, and a guessed referent in brackets would mislead. The claim cites the
        # sentence before instead, where the reader finds it, and keeps its whole sentence.
        nonlocal refers_back
        if previous:
            cited.add(len(previous) - 1)
            refers_back = True

    def put(tok, name: str, index: int | None, possessive: bool | None = None) -> None:
        if possessive is None:
            possessive = tok.dep_ == "poss" or tok.lower_ in ("his", "hers") or tok.tag_ == "PRP$"
        edits.append((tok.idx, tok.idx + len(tok.text), name + ("’s" if possessive else ""), index if index is not None and index < len(previous) else None))

    for tok in doc:
        lower = tok.lower_
        leading = tok.i == _first_word(doc)
        clitic = tok.i + 1 < len(doc) and doc[tok.i + 1].text.lower() in ("'d", "'s", "'re", "'ll", "'ve", "'m", "’d", "’s", "’re", "’ll", "’ve")
        in_quote = any(a <= tok.idx < b for a, b in quoted)
        subject = tok.dep_ in ("nsubj", "nsubjpass")
        central = (subject or tok.dep_ == "poss") and (leading or tok.head.i in main) or subject and _reports(tok)
        if lower in _PERSON_PRONOUNS and tok.pos_ == "PRON" and not clitic and not in_quote and (central or tok.dep_ in ("poss", "dobj", "pobj", "dative")):
            if _gender(lower) in named:
                continue  # "Smith said his ...": the pronoun before, or the name put in for it, says who
            named.add(_gender(lower))
            if any(m.kind == "person" for m in _mentions(clause, len(previous)) if m.start < tok.idx):
                continue  # the antecedent is in the clause itself
            if subject and tok.head.dep_ == "ccomp" and any(c.dep_ == "nsubj" and (c.pos_ == "PROPN" or c.lower_ in _PERSON_PRONOUNS) for c in tok.head.head.children):
                continue  # "Har-Shefi said she ...", "She said she ...": bound to the reporting verb's subject
            if not central and _may_name_a_person(doc, tok):
                continue  # "turned to her rabbi and told him": him may be the rabbi
            if not subject and any(c.dep_ in ("nsubj", "nsubjpass") and c.i > tok.i and c.pos_ == "PROPN" for c in doc[main_root].children):
                continue  # "Even in his own Cabinet, Howard is ...": the name that follows
            recent = [sp for sp in reversed(spoken) if sp.kind == "person"]
            if own.kind == "person" and own.sentence is not None and central:  # "X said that he ...": X
                if own.sentence >= len(previous) - 2:  # not a speaker the story named long before
                    put(tok, _definite(own.name), own.sentence)
                continue
            if tok.dep_ == "poss" or tok.tag_ == "PRP$":
                near = {_key(m.name) for i in range(max(0, len(previous) - 2), len(previous)) for m in _mentions(previous[i], i) if m.kind == "person"}
                if len(near) > 1:
                    continue  # "His trip" after three men were named: whose trip it is would be a guess
            person = person_antecedent(previous, lower)
            found = (person.name, person.sentence) if person is not None else ((recent[0].name, recent[0].sentence) if recent else None)
            if found is None or found[1] is None or found[1] < len(previous) - 2:
                continue  # named in neither of the two sentences before: the story may have moved on to someone else
            put(tok, _definite(found[0]), found[1])
        elif lower in ("he", "she") and in_quote and subject and not clitic and _gender(lower) not in named:
            # '``He may have fled,'' the agent said': the quotation cannot change, but a bracket after
            # the pronoun ("He [Kopp] may ...") is the journalist's way to say who, and no misquote.
            named.add(_gender(lower))
            if any(m.kind == "person" for m in _mentions(clause, len(previous))):
                continue  # someone the clause names may be who is meant
            person = person_antecedent(previous, lower)
            if person is None or person.sentence < len(previous) - 2 or _key(person.name) == _key(own.name):
                continue  # named long before, or the speaker, who would say "I"
            near = {_key(m.name) for i in range(max(0, len(previous) - 2), len(previous)) for m in _mentions(previous[i], i) if m.kind == "person"}
            if near - {_key(own.name)} != {_key(person.name)}:
                continue  # another person named just before may be who is meant: a quote is no place to guess
            end = tok.idx + len(tok.text)
            edits.append((end, end, f" [{person.name}]", person.sentence))
        elif lower in ("it", "they") and tok.dep_ == "nsubj" and _reports(tok) and not in_quote and own.sentence not in (None, len(previous)) and not any(
            t.dep_ in ("nsubj", "nsubjpass") and t.pos_ in ("NOUN", "PROPN") for t in doc[: tok.i]  # "the auto makers said they each reported"
        ):
            put(tok, _definite(own.name), own.sentence, False)  # "It said": the organisation that speaks
        elif lower == "it" and tok.dep_ == "nsubj" and _reports(tok) and leading and not in_quote and (body := _last_speaking_body(spoken, len(previous))):
            # "It urged travellers to stay away": a reporting verb that reports no clause is no
            # attribution, but "it" is still the organisation that spoke just before.
            put(tok, body.name, body.sentence, False)
        elif lower == "they" and tok.dep_ == "nsubj" and _reports(tok) and leading and not in_quote and (group := _plural_speaker_before(previous)):
            put(tok, _definite(group[1]), group[0], False)  # "They have said they will appeal": the relatives who fought
        elif lower in ("it", "they", "this", "that", "these", "those") and tok.pos_ == "PRON" and tok.dep_ in ("nsubj", "nsubjpass") and leading:
            context(tok)  # "It was a bomb", "That brought the toll to 259": the sentence it refers back to
    resolved = 0
    for first, noun, kind in _referring_phrases(doc, quoted):
        referent = _antecedent(noun, doc[first : noun.i + 1], previous, kind) if previous else None
        if referent is None:
            if kind != "definite" or noun.i == _first_word(doc) + 1 and noun.dep_ in ("nsubj", "nsubjpass") and not _reports(noun):
                context(noun)  # "That call", "The sale represents ...": the sentence before tells of it
            continue
        index, phrase, definite = referent
        if definite and kind == "definite":  # "the talks" -> "the Geneva talks": the article's phrase for them
            edits.append((doc[first].idx, noun.idx + len(noun.text), phrase, index))
        elif doc[noun.i + 1 : noun.i + 2].text in ("'s", "’s", "'"):
            continue  # no bracket between a possessor and its noun
        else:
            end = noun.idx + len(noun.text)
            edits.append((end, end, f" [{phrase}]", index))
        resolved += 1
        if resolved == 2:
            break  # a claim, not a chain of antecedents
    if whole and refers_back and clause != sentence.strip():
        return resolve_referents(sentence, sentence, previous)  # the whole sentence, not a part cut from its referent
    text = clause
    made = [e for n, e in enumerate(sorted(edits)) if n not in leave]
    for start, end, replacement, _ in sorted(made, reverse=True):
        text = text[:start] + replacement + text[end:]
    cite = cite or {}
    inserted = [(cite.get(n, index), words.strip(" []")) for n, (_, _, words, index) in enumerate(sorted(edits))]
    cited |= {index for n, (index, _) in enumerate(inserted) if index is not None and n not in leave}
    return Standalone(_capitalise(text), sorted(cited), inserted)


def standalone_variants(clause: str, sentence: str, previous: Sequence[str], whole: bool = True) -> list[Standalone]:
    """`resolve_referents` first, then other ways to say the same with fewer risks, for a caller
    whose checker rejects the first: each referent's words cited from another earlier sentence that
    has them (the nearest may frame them with a negation or a condition that the claim seems to
    drop), then each referent left as written, then none put in. At most a dozen, in that order."""
    first = resolve_referents(clause, sentence, previous, whole)
    variants = [first]
    for n, (index, words) in enumerate(first.inserted):
        if index is None:
            continue
        others = [i for i in range(len(previous) - 1, -1, -1) if i != index and words.lower().removesuffix("’s") in previous[i].lower()]
        variants += [resolve_referents(clause, sentence, previous, whole, cite={n: i}) for i in others[:3]]
    count = len(first.inserted)
    if count > 1:
        variants += [resolve_referents(clause, sentence, previous, whole, leave=frozenset({n})) for n in range(count)]
    if count:
        variants.append(resolve_referents(clause, sentence, previous, whole, leave=frozenset(range(count))))
    return variants[:12]


# Entities that are no participant to resolve: "that day", "these 40 percent".
_NOT_PARTICIPANTS = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"}
_NP_MODIFIER_TAGS = {"CD", "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "HYPH", "VBN"}


def _referring_phrases(doc, quoted) -> list[tuple[int, object, str]]:
    """The noun phrases outside quotation marks that point back to something the clause does not
    name: "that 1998 resolution", "these officials" (demonstrative), "such a movement" (such), and a
    bare "the talks", "the newspaper", "the task force" (definite: nothing in the phrase says which;
    "the Israeli talks" says). Each as (index of its first word, its head noun, kind)."""
    found = []
    for noun in doc:
        if noun.pos_ != "NOUN" or noun.dep_ in ("compound", "npadvmod", "tmod") or noun.ent_type_ in _NOT_PARTICIPANTS or any(a <= noun.idx < b for a, b in quoted):
            continue
        i = noun.i - 1
        while i >= 0 and doc[i].tag_ in _NP_MODIFIER_TAGS and doc[i].dep_ in ("nummod", "amod", "compound", "hyph", "punct", "quantmod"):
            if doc[i].lower_ == "such":  # "such members"
                break
            i -= 1
        if i >= 0 and doc[i].lower_ == "such":
            if not any(t.lower_ == "as" for t in doc[noun.i + 1 : noun.i + 2]) and not any(c.lower_ == "as" for c in noun.rights):
                found.append((i, noun, "such"))  # not "such groups as the Klan": groups like it
            continue
        if i < 0 or doc[i].tag_ not in ("DT", "PDT"):
            continue
        det = doc[i].lower_
        if det in ("this", "that", "these", "those"):
            found.append((i, noun, "demonstrative"))
        elif det in ("a", "an") and i > 0 and doc[i - 1].lower_ == "such":
            found.append((i - 1, noun, "such"))
        elif det == "the" and not (i > 0 and doc[i - 1].lower_ in ("all", "both")) and all(t.tag_ in ("NN", "NNS") and t.dep_ == "compound" for t in doc[i + 1 : noun.i]) and not any(c.dep_ in ("prep", "relcl", "acl", "appos", "poss") and c.i > noun.i for c in noun.children):
            found.append((i, noun, "definite"))
    return found


def _antecedent(noun, phrase, previous: Sequence[str], kind: str) -> tuple[int, str, bool] | None:
    """The earlier noun phrase `phrase` (headed by `noun`) points back to: the nearest one with the
    same head noun, in the same number, that says more than the head (a modifier, a name, an "of"
    phrase), with no pronoun or bare "the ..." of its own; None when there is none, or when another
    earlier phrase with that head says something else ("the Israeli government" and "the Lebanese
    government" before "the government"): a wrong referent is worse than none. The phrase's own
    modifiers ("that Syrian proposal") must be words of the antecedent. Returns (sentence index,
    the antecedent's words, whether it is definite)."""
    lemma, plural = noun.lemma_.lower(), noun.tag_ in ("NNS", "NNPS")
    own = {t.lower_ for t in phrase if t.dep_ in ("amod", "compound") and t.i != noun.i and not t.like_num and t.ent_type_ not in _NOT_PARTICIPANTS}
    found: list[tuple[int, str, bool, set[str]]] = []
    seen = False  # an earlier phrase with that head, taken or not
    blocked: list[set[str]] = []  # phrases with that head not taken, that may still be what is meant
    for index in range(len(previous) - 1, -1, -1):
        doc = parse(previous[index])
        quoted = quoted_spans(previous[index])
        for tok in reversed(doc):
            if tok.pos_ not in ("NOUN", "PROPN") or tok.lemma_.lower() != lemma or (tok.tag_ in ("NNS", "NNPS")) != plural:
                continue
            seen = True
            if tok.dep_ == "compound" and tok.pos_ == "NOUN":
                continue  # "the government decision": a noun that only says which decision
            titled = tok.dep_ == "compound" and tok.head.ent_type_ == "PERSON"  # "President Ann Bell", not "the World Bank"
            named = tok.head if (tok.dep_ == "appos" or titled) and tok.head.pos_ == "PROPN" else next(
                (c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None
            )
            if named is not None and plural:
                continue  # "the two men, Ron Hale and Mick Dunn,": one name is not who "the men" are
            if named is not None:  # "James Kopp, the suspect," "the suspect, James Kopp," "President Ann Bell": its name
                words = [t for t in doc[named.left_edge.i : named.i + 1] if t.dep_ in ("compound", "flat") and t.lemma_.lower() != lemma or t.i == named.i]
                if words and words[-1].i - words[0].i + 1 == len(words):
                    found.append((index, doc[words[0].i : named.i + 1].text, False, {t.lower_ for t in words}))
                continue
            words = _plain_phrase(tok)
            if not words:
                continue
            content = {t.lower_ for t in words if t.dep_ != "det" and t.i != tok.i and not t.is_punct}
            # What the antecedent adds must say which: a name, a noun, a number ("the talks" ->
            # "the Geneva talks"), not an adjective alone ("the entire world", "a public firm").
            added = [t for t in words if t.lower_ in content - own]
            # A common noun compounded with the head names a kind, which is what "such a movement"
            # wants, not which one "the war" is: it may be more than "the ground war" mentioned before.
            if not any(t.pos_ in ("PROPN", "NUM") or t.ent_type_ or t.pos_ == "NOUN" and (kind == "such" or not (t.dep_ == "compound" and t.head.i == tok.i))
                       for t in added):
                continue
            # "the company", "the official": an organisation or a person is named, not described;
            # "a Dutch company" earlier is as likely another company as the one the story is about.
            if (lemma in _ORG_NOUNS or lemma in _PERSON_NOUNS or lemma in _person_nouns()) and not any(t.pos_ == "PROPN" for t in added):
                # "a team of medical specialists ... the team": the same one, unless a name of that
                # kind comes up from there on ("Acme bought a Dutch company. The company said").
                # A place ("the Cuban government", then "Washington") may have its own.
                here = " ".join(t.text for t in words).lower()
                others = {n for n in _orgs_named([*previous[index:], noun.doc[: noun.i].text], ("ORG", "GPE", "NORP")) if n not in here}
                if lemma not in _ORG_NOUNS or lemma in _PERSON_NOUNS or others:
                    if lemma in _ORG_NOUNS and any(t.ent_type_ for t in added):  # still a rival to the one taken ("the Lebanese government")
                        blocked.append({t.lower_ for t in words if t.dep_ != "det" and t.i != tok.i and not t.is_punct})
                    continue
            if len(words) > 12 or any(a <= tok.idx < b for a, b in quoted) and tok.pos_ != "PROPN":
                continue
            if any(t.tag_ in ("PRP", "PRP$", "WDT", "WP") or t.lower_ in ("this", "that", "these", "those", "such") for t in words):
                continue  # "her rabbi", "that plan": the antecedent needs a referent of its own
            if any(t.lower_ == "the" and t.dep_ == "det" and t.head.i != tok.i and _says_not_which(t.head) for t in words):
                continue  # "the man's body": who "the man" is, is no better known
            if not own <= content:
                continue
            text = doc[words[0].i : words[-1].i + 1].text
            first = words[0]
            definite = first.lower_ == "the" or first.dep_ == "poss" or tok.pos_ == "PROPN" and first.lower_ not in ("a", "an")
            found.append((index, text, definite, content))
    if not found:
        # "a Dutch company" before "the company": it, or the company named, so neither.
        return _only_company(noun, previous) if kind == "definite" and not seen else None
    index, text, definite, content = found[0]
    if any(not (other <= content or content <= other) for other in [*(f[3] for f in found[1:]), *blocked]):
        return None  # two different things with that head: which one is meant is not sure
    places = {e.text.lower() for e in parse(previous[index]).ents if e.label_ in ("GPE", "LOC") and e.text.lower() in text.lower()}
    here = {e.text.lower() for e in noun.doc.ents if e.label_ in ("GPE", "LOC")}
    if places and here and not places & here:
        return None  # "the police" in Istanbul are not the Kosovo police named before
    if text.split()[0] in ("A", "An", "The"):
        text = text[:1].lower() + text[1:]  # it stands inside the clause; a leading one is capitalised there
    return index, text, definite


# Nouns for what spaCy's ORG names are built to name: a business.
_COMPANY_NOUNS = frozenset({"company", "firm"})


def _orgs_named(texts: Sequence[str], labels: tuple[str, ...] = ("ORG",)) -> set[str]:
    """The organisations (or other `labels`) named in `texts`, each once."""
    return {re.sub(r"(?i)^the\s+|[’']s$", "", e.text).lower() for text in texts for e in parse(text).ents if e.label_ in labels}


def _only_company(noun, previous: Sequence[str]) -> tuple[int, str, bool] | None:
    """"The company said ..." where the article has named one organisation and only one: its name.
    Two named ones, or one named in the clause, and which is meant is not sure."""
    if noun.lemma_.lower() not in _COMPANY_NOUNS or noun.tag_ != "NN" or _orgs_named([noun.doc[: noun.i].text]) or len(_orgs_named(previous)) != 1:
        return None
    for index in range(len(previous) - 1, -1, -1):
        doc = parse(previous[index])
        for e in doc.ents:
            if e.label_ == "ORG" and not any(a <= e.start_char < b for a, b in quoted_spans(previous[index])):
                start = e.start
                while start > 0 and doc[start - 1].text[:1].isupper() and doc[start - 1].dep_ in ("compound", "flat") and e.start <= doc[start - 1].head.i < e.end:
                    start -= 1  # a first word of the name the tagger left out ("[Price] Stern Sloan Inc.")
                return index, re.sub(r"^[Tt]he\s+", "the ", doc[start : e.end].text), True
    return None


# The words that may stand before a noun in its phrase: articles, adjectives, numbers, names and
# nouns that qualify it, a possessor ("Israel's"), and the hyphen inside a word ("anti-Arab").
_PREMODIFIER_TAGS = frozenset("DT PDT JJ JJR JJS NN NNS NNP NNPS CD POS HYPH VBN VBG".split())
# Prepositions that say which thing a noun is: "the talks [in Geneva]", "a call [with Macron]".
_RESTRICTING_PREPS = frozenset("of with for in on at between".split())


def _plain_phrase(noun) -> list:
    """The noun phrase headed by `noun` as a referent can repeat it: its modifiers before it, a
    number after a name ("Resolution 425") and the prepositional phrases that say which it is,
    with no clause, comma or verb; [] when the words before it are not a plain phrase (a parse
    that hangs "The Internet - through ..." on "solutions")."""
    doc = noun.doc
    left = [t for c in noun.lefts for t in c.subtree]
    if left and (left[-1].i != noun.i - 1 or left[0].i + len(left) != noun.i):
        return []
    for t in left:
        if t.dep_ not in ("det", "predet", "amod", "compound", "nummod", "quantmod", "poss", "case", "punct", "nmod", "advmod", "npadvmod"):
            return []  # "to make [Australia] a republic": no modifier of the noun
        glued = t.tag_ == "HYPH" or t.text == "-"
        if t.tag_ not in _PREMODIFIER_TAGS and not glued or glued and (t.whitespace_ or doc[t.i - 1].whitespace_):
            return []
    last = noun.i
    for c in noun.rights:
        sub = list(c.subtree)
        plain = not any(t.pos_ in ("VERB", "AUX") or t.text == "," or t.tag_ in ("PRP", "WDT", "WP") for t in sub)
        if sub[0].i == last + 1 and plain and len(sub) <= 8 and (c.dep_ == "nummod" or c.dep_ == "prep" and c.lower_ in _RESTRICTING_PREPS):
            last = sub[-1].i
        else:
            break
    return list(doc[noun.i - len(left) : last + 1])


def _says_not_which(noun) -> bool:
    """"the man", "the store owner": a noun with nothing but its article and common-noun compounds."""
    return all(c.dep_ in ("det", "case", "punct") or c.dep_ == "compound" and c.tag_ == "NN" for c in noun.children)


def _may_name_a_person(doc, pronoun) -> bool:
    """Whether a word before `pronoun` in the clause may be the person it stands for ("turned to her
    rabbi and told him", "Reed said his"): a name that is not a date, place or figure, or a noun
    that may name a person (WordNet's people, factcheck/data/person_nouns.txt.gz). "Police offered
    a reward for his capture" names no one "his" may be. Then the pronoun is left as written."""
    return any(
        t.pos_ == "PROPN" and t.ent_type_ not in _NOT_PARTICIPANTS | {"GPE", "LOC", "NORP", "FAC"}
        or t.dep_ in ("nsubj", "nsubjpass") and (t.pos_ == "PROPN" or _unknown_capitalised(t))
        # a subject's name, whatever the tagger took it for ("Slepian" as a nationality, "Ruiz" as a noun)
        or t.tag_ in ("NN", "VB") and t.lemma_.lower() in _person_nouns()  # the tagger takes some nouns for verbs
        for t in doc[: pronoun.i]
    )


@lru_cache(maxsize=1)
def _person_nouns() -> frozenset[str]:
    """Nouns one of whose three most frequent senses is a person; built by benchmarks/build_person_nouns.py."""
    raw = resources.files("factcheck.data").joinpath("person_nouns.txt.gz").read_bytes()
    return frozenset(gzip.decompress(raw).decode().split())


_FIRST_PERSON = frozenset("i we me us my our".split())


def dangling(text: str, outlet: bool = False) -> list[str]:
    """The words of a claim's text that point back to what the text does not say: a pronoun with
    no name before it, a leading "It" or "That", "this plan" or "such a plan", and, in what no one
    is said to say (`outlet`), an "I" or "we". Empty when the text stands alone, as far as grammar
    tells: a bare "the plan" is not counted (it is often the only one the reader can think of)."""
    doc = parse(text)
    quoted = quoted_spans(text)
    found = []
    for tok in doc:
        if tok.pos_ != "PRON":
            continue
        in_quote = any(a <= tok.idx < b for a, b in quoted)
        lower = tok.lower_
        if outlet and lower in _FIRST_PERSON:
            found.append(tok.text)
        elif in_quote and not (lower in ("he", "she") and tok.dep_ in ("nsubj", "nsubjpass")):
            continue
        elif in_quote:  # '``He may have fled,'' the agent said': who he is, neither quote nor speaker says
            if doc[tok.i + 1 : tok.i + 2].text != "[" and not any(t.pos_ == "PROPN" or t.ent_type_ in _PERSON_ENTS for t in doc[: tok.i]):
                found.append(tok.text)
        elif lower in _PERSON_PRONOUNS:
            subject = next((c for c in tok.sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            # "In his cabinet, Howard is ...", "Taking the stand in her own defense, a friend of X said ...": the subject that follows.
            root = tok.sent.root
            # The parser may take that subject for an object of the opening participle: then any person before the main verb.
            ahead = [subject] if subject is not None else [t for t in doc[tok.i + 1 : root.i] if t.pos_ in ("NOUN", "PROPN")] if root.i > tok.i else []
            cataphora = any(t.i > tok.i and (t.pos_ == "PROPN" or t.lemma_.lower() in _person_nouns()) for t in ahead)
            if not cataphora and not any(t.pos_ == "PROPN" or t.ent_type_ in _PERSON_ENTS for t in doc[: tok.i]):
                found.append(tok.text)
        elif lower in ("it", "they", "this", "that", "these", "those") and tok.dep_ in ("nsubj", "nsubjpass") and not any(c.dep_ in ("relcl", "acl") for c in tok.children) and (
            tok.i == _first_word(doc) or tok.head.dep_ == "ROOT" and not any(t.pos_ in ("NOUN", "PROPN") for t in doc[: tok.i])
        ):
            found.append(tok.text)  # "It was a bomb", "More recently it has ...": what "it" is, the text does not say
        elif lower in ("this", "these", "those", "that") and tok.tag_ == "DT" and tok.dep_ in ("pobj", "dobj") and not any(c.dep_ in ("relcl", "acl") for c in tok.children) and not _clause_before(tok):
            found.append(tok.text)  # "Eight of those are ...", "He denied that."
        elif lower in ("them", "their", "its") and not any(t.pos_ in ("NOUN", "PROPN") for t in doc[: tok.i]):
            subject = next((c for c in tok.sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is None or subject.i < tok.i or subject.pos_ not in ("NOUN", "PROPN"):  # not "In its report, the agency ..."
                found.append(tok.text)  # "many of them are ...": no noun they could stand for
    found += [doc[first : noun.i + 1].text for first, noun, kind in _referring_phrases(doc, quoted) if kind != "definite"]
    # "a bomb explodes at another clinic": another than which, the text must say ("one clinic ... another").
    found += [
        doc[det.i : det.head.i + 1].text for det in doc
        if det.lower_ == "another" and det.dep_ == "det" and det.head.pos_ == "NOUN" and not any(a <= det.idx < b for a, b in quoted)
        and not any(t.lemma_ == det.head.lemma_ for t in doc[: det.i])
    ]
    return found


def _plural_speaker_before(previous: Sequence[str]) -> tuple[int, str] | None:
    """The one plural noun phrase of people or bodies ("Ana's relatives in Tampa", "the unions") in
    the two sentences before, as a clause's subject: who a reporting "They" at the start of the next
    one is. None when those sentences name no such plural or more than one: a wrong speaker is worse
    than an open "They"."""
    found = []
    for index in range(max(0, len(previous) - 2), len(previous)):
        quoted = quoted_spans(previous[index])
        for tok in parse(previous[index]):
            if tok.tag_ in ("NNS", "NNPS") and tok.dep_ != "compound" and not any(a <= tok.idx < b for a, b in quoted) and _may_speak_noun(tok.lemma_.lower()):
                found.append((index, tok))
    if len(found) != 1 or found[0][1].dep_ not in ("nsubj", "nsubjpass"):
        return None
    index, tok = found[0]
    return index, _noun_phrase(tok)


def _may_speak_noun(lemma: str) -> bool:
    return lemma in _ORG_NOUNS or lemma in _person_nouns() or lemma in _speaker_nouns()


def _clause_before(tok) -> bool:
    """A verb before `tok` in its sentence that does not govern it: a clause "this" may point back
    to ("X backs the plan and, as a sign of this, will ...")."""
    own = next((a.i for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)  # "denied" in "He denied that"
    return any(t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass") and t.i != own for t in tok.doc[tok.sent.start : tok.i])


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
    if _graded_quality(head) and not _numbers(doc):  # "rejected as too low the $1.7 billion bid" states a figure
        return True
    if head.lemma_.lower() in _LINKING_VERBS:
        for c in head.children:
            # Not an adjective with a complement, which states a relation ("dependent on aid").
            if c.dep_ == "acomp" and c.tag_ in ("JJ", "JJR", "JJS") and not any(g.like_num for g in c.subtree) and not any(g.dep_ == "prep" and g.lower_ not in ("as", "than") for g in c.children):
                return True
            if c.dep_ == "attr" and any(a.dep_ == "amod" and a.tag_ in ("JJ", "JJS") and a.ent_type_ == "" and _gradable(a) for a in c.children):
                return not _numbers(doc)
    return False


# Adverbs that grade an adjective: "too early", "so vivid", "a very odd moment". A closed class of
# English; not "most", whose superlative ranks ("the most senior official") as often as it judges,
# nor "more", which compares with before ("more legal troubles", "making loans more affordable"),
# a change that can be measured, but for a comparison denied (below).
_DEGREE_ADVERBS = frozenset("too so very extremely highly truly deeply particularly especially remarkably".split())
# Adjectives that count rather than judge: "so many times".
_QUANTIFYING = frozenset("many much few little".split())


def _graded_quality(head) -> bool:
    """Whether the clause itself grades a quality ("could not come at a more opportune time", "is
    far too early"): a degree adverb on an adjective in the main clause, not in a clause or phrase
    that only describes a noun ("the most disquieting of which"), nor on a figure ("more than 30")."""
    def main_clause(tok):
        for t in tok.children:
            if t.dep_ in ("relcl", "acl", "appos") or t.dep_ in ("advcl", "ccomp", "parataxis", "conj") and t.pos_ in ("VERB", "AUX"):
                continue
            yield t
            yield from main_clause(t)

    for tok in main_clause(head):
        # "more expensive than last year" compares, and a comparison can be measured.
        if tok.pos_ != "ADJ" or tok.ent_type_ or tok.lower_ in _QUANTIFYING or any(g.like_num for g in tok.subtree) or any(t.lower_ == "than" for t in tok.doc[tok.i + 1 :]):
            continue
        # The adverb grades the adjective, whether the parser hangs it on it or on its noun.
        before = tok.doc[tok.i - 1] if tok.i else None
        if any(c.dep_ == "advmod" and c.lower_ in _DEGREE_ADVERBS for c in tok.children) or (
            before is not None and before.pos_ == "ADV" and before.lower_ in _DEGREE_ADVERBS
        ):
            return True
        # "could not come at a more opportune time": a comparison denied is a superlative, a judgement.
        negated = any(c.dep_ == "neg" for c in head.children)
        if negated and before is not None and before.lower_ == "more" and tok.i > 1 and tok.doc[tok.i - 2].lower_ in ("a", "an"):
            return True
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
    return bool(modals & _HEDGE_MODALS) and not _present_possibility(doc, head)


# Words inside a date that put it after the report: "next week", "later this year", "tomorrow".
_AHEAD_WORDS = frozenset("next tomorrow coming later soon upcoming".split())


def _present_possibility(doc, head) -> bool:
    """A hedge modal about what was or is, not what will be: "could not be reached", "neither could
    be located" (a past ability), "may have come from" (a possibility about the past), "might be
    related", "may be carrying" (about a present state). A forecast looks past the report: an
    event verb ("could rise"), or a date ahead ("could be delayed until next year")."""
    children = list(head.children)
    if any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in children):
        return True
    if any(t.lower_ in _AHEAD_WORDS for e in doc.ents if e.label_ in ("DATE", "TIME") for t in e):
        return False
    if head.dep_ == "ccomp" and head.head.lemma_.lower() in _FORECAST_VERBS:
        return False  # "estimated that half may be replaced": what is estimated lies ahead
    modals = {c.lower_ for c in children if c.dep_ == "aux"}
    # Denied by its subject too: "Neither X nor Y could be located", "No one could be found".
    negated = any(c.dep_ == "neg" for c in children) or any(
        g.lower_ in ("neither", "no", "none", "nobody", "nothing") for c in children if c.dep_ in ("nsubj", "nsubjpass") for g in c.subtree)
    passive = any(c.dep_ == "auxpass" for c in children)
    if "could" in modals and negated:
        return True  # "could not be reached", "neither could be located": what could not be done
    # A passive with its doer or its span is an act to come ("may be extended by the group for a year").
    if passive and any(c.dep_ == "agent" or c.dep_ == "prep" and c.lower_ == "for" for c in children):
        return False
    # A state: "be" with a predicate, a progressive ("may be carrying"), or a participle relating
    # the things its subject joins ("X and Y might be related"); other passives are acts to come
    # ("might be extended to Aqaba", "may be used to stop exports").
    progressive = head.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_.lower() == "be" for c in children)
    subjects = [c for c in children if c.dep_ == "nsubjpass"]
    joined = len(subjects) > 1 or any(g.dep_ == "conj" or g.lower_ in ("two", "both") for c in subjects for g in c.children)
    reciprocal = passive and joined and not any(c.dep_ in ("prep", "agent", "xcomp", "advcl") for c in children)
    return bool(modals & {"may", "might", "could"}) and (head.lemma_.lower() in _LINKING_VERBS or progressive or reciprocal)


def _speculation(doc, head) -> bool:
    """"The two fires might be related": a guess about what is, neither a forecast nor a fact."""
    modals = {c.lower_ for c in head.children if c.dep_ == "aux"}
    negated = any(c.dep_ == "neg" for c in head.children)
    perfect = any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in head.children)
    return bool(modals & {"may", "might"}) and not negated and not perfect and _present_possibility(doc, head)


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
                # Fronted before its verb, the phrase sets the scene ("By a 6-3 vote, the court
                # upheld ..."); the value of a change comes after it ("fell by 2 points").
                ok = tok.lower_ in _FIGURE_PREPS and not (tok.head.pos_ in ("VERB", "AUX") and tok.i < tok.head.i)
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


def _dates_the_plan(doc, head) -> bool:
    """Whether a date in the clause stands outside the act planned ("Last April, they planned to buy")."""
    acts = [c for c in head.children if c.dep_ == "xcomp"] or ([head] if head.dep_ == "xcomp" else [])
    inside = {t.i for a in acts for t in a.subtree}
    return any(e.start not in inside for e in doc.ents if e.label_ == "DATE")


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
    # A date of the act planned does not make the plan a past fact: "did not plan to remove it on
    # Thursday" looks ahead of its day; "Last April, they planned to buy" dates the planning.
    forecast = _prediction(doc, head, kind) and not dated or _intention(head) and not (dated and _dates_the_plan(doc, head))
    figures = _stated_figures(doc, head)
    checkable_fact = not forecast and (bool(figures) or _is_rule(doc, head) or dated)
    opinion = not checkable_fact and (_opinion(doc, head) or _speculation(doc, head))
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
    # event. A rule's text settles only what the rule governs, not every clause that names one
    # ("the department, which supported the statute, ..."; "the justices agreed that the law ...").
    if _is_rule(doc, _proposition_head(doc)):
        return "Check the text of the law, rule or agreement itself, in the official register or gazette."
    if not speaker.is_outlet:
        return f"Check the official records of what is reported, and that {who} said it: {_possessive(who)} statement or announcement."
    return "Check it against the official records, statements or announcements of what is reported."

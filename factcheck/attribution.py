"""Who says what, in grammar rather than word lists. (Claims that stand alone: factcheck/referents.py;
their types and verify advice: factcheck/claim_types.py.)

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
  saying", "quoted X as saying"), a judgement or request voiced of anyone ("accused them of fraud",
  "lashed out at the board", "dismissed the plan as selfish", "called the move a setback", "called
  for talks"), as the main verb or a participle going on from it; an aside set off by dashes or
  commas is read apart when it breaks the parse. A reporting verb inside quotation marks is the
  quoted speaker's words; a quotation goes on into a new paragraph only when that opens on a mark
  (`Article.paragraph_starts`). "He said" is a subject or someone who spoke before, never a name
  the article only talks about (a suspect sought); with no such person the pronoun stays. A
  quotation that opens after "X said:" (often in the next paragraph) is X's; a passive report is
  its agent's ("is said by police to"), and with no agent stays the outlet's hedged sentence ("is
  believed to"); a report in an adverbial clause, after the main clause or before it ("..., as
  officials acknowledged that ...", "Although the ministry said ..., the rebels attacked ...") does
  not attribute the main clause, but "as" with a report of nothing else ("As officials said, the
  bridge will reopen") does, unless it is a forecast borne out ("As X predicted, prices rose"); a
  message put forth through a support verb ("gave assurances that", "sent signals that", "made
  clear that") is its giver's; a transcript's unquoted soundbite (a first person, or "uh") is
  the person who spoke last, and so is a paragraph of its own that attributes nothing after a
  person's "X says ..." in copy spoken on air; a verb that ascribes a cause ("attributed the rise
  to X") is the subject's account; a place that only says which body speaks ("Chicago police") is no
  speaker of its own. The outlet speaks only when nobody is attributed, or when a pronoun stands
  for nobody the article names (no speaker is ever called "he" or "they"). A speaker's name is the
  whole name (a title in front or in apposition makes a person of what the tagger took for an
  organisation; a name it split or cut short is joined up) or the whole coordination.

The word lists below are closed grammatical classes or general English vocabulary (reporting verbs,
pronouns, the nouns of rules and documents), never words taken from an article; WordNet's verbs of
communication that take a that-clause, and its verbs of reckoning ("estimated earnings fell",
"projected sales would rise", reports only with a clause), come from
factcheck/data/reporting_verbs.txt (benchmarks/build_reporting_verbs.py).
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Literal

from .article import QUOTES, SPEAKING_VERBS, _quote_marks, quote_count, quote_open_after, quoted_spans, starts_quoted
from .faithfulness import lexicon as faithfulness_lexicon
from .nlp import cached, parse
from .wordlists import message_nouns, person_nouns, read_as_figure, speaker_nouns

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
    confirm acknowledge admit allege claim urge report disclose reveal estimate predict forecast echo""".split()
)

# Verbs that state a cause or source on the subject's behalf ("attributed the increase to higher
# traffic", "blamed the loss on the weather"): WordNet's synset "impute, ascribe, assign, attribute"
# (attribute or credit to) and those of its hyponyms that say why or whose ("impute", "credit",
# "accredit", "blame"). The subject's account of why, a stance, though no clause follows.
_ASCRIBING_LEMMAS = frozenset("attribute ascribe impute credit accredit blame".split())
# The prepositions that name the cause or the one credited: "to", "on", "for", "with".
_ASCRIBING_PREPOSITIONS = frozenset("to on for with".split())

# Verbs that put forth a message named by their object: "raised worries that ...", "expressed
# concern that ...", "issued a warning that ...": the that-clause is what the subject says.
_VOICING_LEMMAS = frozenset("issue express raise voice sound release publish".split())
# Support verbs that hand out what their object names, a closed class of English: with a noun of
# communication and the clause it carries ("gave assurances that ...", "sent signals that ...",
# "offered a guarantee that ..."), the subject says that clause. Not verbs of getting or asking
# ("received assurances that", "sought a pledge that"): there someone else speaks.
_GIVING_LEMMAS = frozenset("give send offer deliver provide extend make".split())
# Adjectives of manifestness that "make" turns into a report of its clause ("made clear that ...",
# "made it plain that ..."), a closed class of English.
_MANIFEST_ADJECTIVES = frozenset("clear plain known explicit evident".split())


@lru_cache(maxsize=1)
def _speech_lemmas() -> frozenset[str]:
    """The reporting verbs above and WordNet's verbs of communication that take a that-clause
    ("noted that", "boasted that", "conceded that") or of reckoning ("reckon", "project");
    built by benchmarks/build_reporting_verbs.py.
    They only widen which verbs may report: the parse must still show what they report."""
    return REPORTING_LEMMAS | _COMMITTING_LEMMAS | _STANCE_LEMMAS | _VOICING_LEMMAS | _ASCRIBING_LEMMAS | frozenset(_wordnet_reporting())


@lru_cache(maxsize=1)
def _wordnet_reporting() -> dict[str, str]:
    """factcheck/data/reporting_verbs.txt: lemma -> "" for a verb of communication, "reckon" for one
    of reckoning ("estimate", "project", "calculate")."""
    lines = resources.files("factcheck.data").joinpath("reporting_verbs.txt").read_text(encoding="utf-8").splitlines()
    return {line.split()[0]: (line.split()[1:] or [""])[0] for line in lines if line.strip()}


def _reckons_nothing(tok) -> bool:
    """"The ruling figured prominently", "figure out the cost": a verb of reckoning that the closed
    classes above do not list reports only a clause ("analysts reckon prices will rise"), or the
    clause after the noun the parser made it an adjective of ("Acme, of Ohio, estimated earnings fell").
    A participle going on from another verb gives that verb's reason ("held back, calculating that
    a delay would help"): the writer's account, not a figure anyone stated."""
    lemma = tok.lemma_.lower()
    if _wordnet_reporting().get(lemma) != "reckon" or lemma in REPORTING_LEMMAS | _STANCE_LEMMAS:
        return False
    if tok.tag_ == "VBG" and tok.dep_ in ("advcl", "acl", "xcomp", "pcomp", "conj"):
        return True
    return not (_reports_clause(tok) or _subject_before_aside(tok) is not None)


@lru_cache(maxsize=1)
def _judging_verbs() -> dict[str, str]:
    """WordNet's verbs of voiced judgement ("criticize", "accuse", "praise", "lash out") and request
    ("call for", "call on", "demand"); built by benchmarks/build_judging_verbs.py. Each with its
    group: "judge"; "reject", a judgement only with the "as" of a characterisation ("dismissed the
    plan as selfish"; "dismissed the case" is an act); "request", voiced only by a person or a body."""
    lines = resources.files("factcheck.data").joinpath("judging_verbs.txt").read_text(encoding="utf-8").splitlines()
    return {line.split()[0]: (line.split()[1:] or ["judge"])[0] for line in lines if line.strip()}


def _verb_lemma(tok) -> str:
    """A verb's lemma with its particle, or the preposition right after it, as WordNet spells a
    phrasal verb: "lash_out", "call_for"."""
    lemma = tok.lemma_.lower()
    for c in tok.children:
        if (c.dep_ == "prt" or c.dep_ == "prep" and c.i == tok.i + 1) and f"{lemma}_{c.lower_}" in _judging_verbs():
            return f"{lemma}_{c.lower_}"
    return lemma


def _judges(verb) -> bool:
    """"The SEC accused Mr. Antar of fraud", "critics lashed out at the board", "protesters dismissed
    the statements as selfish", "Libya called for a meeting": a verb of voiced judgement or request,
    active, with what it judges or asks for (an object, a person too, or the phrasal verb's
    prepositional object) says what its subject said of it."""
    lemma = _verb_lemma(verb)
    group = _judging_verbs().get(lemma)
    if verb.pos_ != "VERB" or group is None or _passive(verb) or _hedged(verb):
        return False
    judged = [c for c in verb.children if c.dep_ == "dobj" and c.tag_ not in ("WP", "WDT") and c.i > verb.i]
    if "_" in lemma:  # "lashed out at them", "called for talks", "called for developing ties" (a gerund)
        judged += [g for c in verb.children if c.dep_ == "prep" and c.i > verb.i for g in c.children if g.dep_ == "pobj" or g.dep_ == "pcomp" and g.tag_ == "VBG"]
    if group == "request":  # "the plan calls for cuts": what a document holds, not a request made
        subjects = [c for c in verb.children if c.dep_ == "nsubj"] or [c for c in verb.head.children if c.dep_ == "nsubj" and verb.dep_ in ("conj", "advcl")]
        if not any(c.ent_type_ in _PERSON_ENTS | _GROUP_ENTS or c.pos_ in ("PROPN", "PRON") or _can_speak_itself(c) for c in subjects):
            return False
        # "called on Congress to act", not "called on her aunt" (a visit).
        if lemma.endswith("_on") and not any(t.tag_ == "TO" and t.head.pos_ in ("VERB", "AUX") for t in verb.subtree if t.i > verb.i):
            return False
    return bool(judged) and (group != "reject" or _as_complement(verb))


def _as_complement(verb) -> bool:
    """"dismissed the statements as selfish", "described X as a thinker": an "as" after the object
    that says what the subject takes it for."""
    # The parser hangs the "as" on the verb or on its object.
    heads = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    return any(
        c.dep_ == "prep" and c.lower_ == "as" and c.i > verb.i and any(g.dep_ in ("pobj", "amod", "acomp", "pcomp") for g in c.children)
        for h in heads for c in h.children
    )


def _passive(verb) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def _speech_verb(tok) -> bool:
    # A WordNet verb only as a verb: "will" or "mind" as an auxiliary or noun reports nothing.
    lemma = tok.lemma_.lower()
    if tok.pos_ == "VERB" and lemma in SPEAKING_VERBS:
        # '"Stop the war," the marchers chanted.': the main verb after a quotation (factcheck/article.py);
        # "marched, chanting slogans" tells what they did, not what they said.
        # Inverted right after the closing mark ('"...," chanted the crowd'), the parser may hang it on the quotation.
        inverted = tok.i > 0 and bool(quote_count(tok.doc[tok.i - 1].text)) and not any(c.dep_ == "nsubj" for c in tok.children)
        return (tok.dep_ == "ROOT" or inverted) and quote_count(tok.doc[: tok.i].text) > 0 or _opens_quotation(tok)
    if tok.pos_ == "VERB" and _inverted_after_quotation(tok):
        return True
    return tok.pos_ in ("VERB", "AUX") and lemma in REPORTING_LEMMAS or tok.pos_ == "VERB" and lemma in _speech_lemmas() and not _reckons_nothing(tok)


def _opens_quotation(verb) -> bool:
    """'The president responded, "Everything."', 'As the judge asked in her dissent, "what sense
    does it make ..."': a verb followed by a comma or colon and a quotation it introduces, with at
    most its own prepositional phrase between ("in her dissent")."""
    doc = verb.doc
    # Wire copy's typed mark `` is two tokens, neither a mark alone: its first backtick opens.
    mark = next((t.i for t in doc[verb.i + 1 :] if quote_count(t.text) or t.text == "`" and t.i + 1 < len(doc) and doc[t.i + 1].text == "`"), None)
    if mark is None or mark < verb.i + 2 or doc[mark - 1].text not in (",", ":") or not starts_quoted(doc[mark:].text):
        return False
    own = {t.i for c in verb.children if c.dep_ in ("prep", "advmod", "npadvmod") and c.i > verb.i for t in c.subtree}
    return all(i in own for i in range(verb.i + 1, mark - 1))


def _inverted_after_quotation(verb) -> bool:
    """'"The cost could be high," worries Zbigniew Brzezinski.': any verb right after a quotation that
    closes on a comma (or ? or !), its subject a name or a person after it, says whose the quotation
    is: only a way of speaking stands there."""
    doc = verb.doc
    if verb.i < 2 or not quote_count(doc[verb.i - 1].text) or doc[verb.i - 2].text not in (",", "?", "!") or quote_count(doc[: verb.i].text) % 2:
        return False
    return any(c.dep_ == "nsubj" and c.i > verb.i and (c.ent_type_ in _PERSON_ENTS or c.pos_ == "PROPN" or c.lemma_.lower() in person_nouns()) for c in verb.children)


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
    nested: bool = False  # named inside another noun phrase: "the case of X", "X's story", "the X affair"


def _as_subject(token) -> bool:
    """Whether a name stands where a speaker can: a subject, or a phrase in apposition or
    coordination with one; not an object ("police hunted X"), possessor ("X's lawyer") or a noun in
    a prepositional phrase."""
    while token.dep_ in ("compound", "flat", "appos", "conj") and token.head != token:
        token = token.head
    return token.dep_ in ("nsubj", "nsubjpass", "ROOT")


def _nested(token) -> bool:
    """Whether a name only says whose or what another noun phrase is about ("the case of young X",
    "X's story", "the X affair"): such a person is not who a later "he" or "she" is about."""
    while token.dep_ in ("compound", "flat", "appos", "conj") and token.head != token and token.head.pos_ == "PROPN":
        token = token.head
    if token.dep_ in ("poss", "compound", "nmod"):
        return True
    # "of" says what the noun is about ("the case of X", "the life of X"); "a warrant for X" is
    # still about X as a participant.
    return token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.pos_ in ("NOUN", "PROPN", "PRON")


def _clean(name: str, possessive: bool = True) -> str:
    """A name as a speaker's: without the possessive "'s" of "Acme's spokesman" (with `possessive`
    False the "'s" is the name's own, "Shoney's said": `_span_name`)."""
    # `` and '' are the quotation marks of wire copy typed on old terminals.
    name = name.strip(" ,;:" + QUOTES).lstrip("`'").strip()
    name = re.sub(r"(?:’s|'s|’|')$", "", name) if possessive else re.sub(r"(?:’|')$", "", name)
    return re.sub(r"^The\s", "the ", name)


def _span_name(span) -> str:
    """`_clean` of a name's span: an "'s" that ends it is the name's own when the name owns no noun
    after it ("Shoney's said", "McDonald's reported": its head is the verb), a possessive otherwise
    ("Acme's spokesman said": Acme)."""
    last = span[-1]
    own = last.lower_ in ("'s", "’s") and last.head.i in range(span.start, span.end) and last.head.dep_ != "poss" and not (
        last.i + 1 < len(span.doc) and span.doc[last.i + 1].pos_ in ("NOUN", "PROPN", "ADJ", "NUM")
    )
    return _clean(span.text, possessive=not own)


@cached()
def _mentions(text: str, index: int) -> list[_Mention]:
    """People and organisations the text names outside quotation marks (a name inside a quote is
    what the speaker talks about, not an antecedent for the narrator's "it" or "he")."""
    found = []
    quoted = quoted_spans(text)
    for ent in parse(text).ents:
        if any(a <= ent.start_char < b for a, b in quoted):
            continue
        if (whole := _split_name(ent)) is not None:
            found.append(_Mention(_clean(whole.text), "person", index, whole.start_char, _as_subject(ent.root), "PERSON", _nested(whole.root)))
        elif ent.label_ in _PERSON_ENTS and any(_split_name(e) is not None for e in ent.doc.ents if e.start == ent.end):
            continue  # the first words of a name the next entity ends
        elif ent.label_ in _PERSON_ENTS and _body_name(ent):
            found.append(_Mention(_span_name(ent), "organisation", index, ent.start_char, _as_subject(ent.root), "ORG"))
        elif ent.label_ in _PERSON_ENTS or _titled_person(ent):
            found.append(_Mention(_whole_name(ent), "person", index, ent.start_char, _as_subject(ent.root), ent.label_, _nested(ent.root)))
        elif ent.label_ in _GROUP_ENTS:
            # "Chicago police", "a Toronto police spokesman", "Israeli officials": a place or people
            # named only to say which body or person speaks is not itself one that spoke; a place
            # speaks only as the subject itself ("Washington said", for its government).
            modifier = ent.label_ != "ORG" and ent.root.dep_ in ("compound", "amod", "nmod", "poss") and not ent.start <= ent.root.head.i < ent.end
            found.append(_Mention(_span_name(ent), "organisation", index, ent.start_char, _as_subject(ent.root) and not modifier, ent.label_))
    return [m for m in found if len(m.name) > 1]


def _body_name(ent) -> bool:
    """"Benjamin Franklin Federal Savings & Loan Association", tagged a person: a name of several
    words with a business's legal word in it ("Corp.", "Savings") is an organisation's."""
    return len(ent) > 1 and bool(_BUSINESS_NAME.search(ent.text))


def _titled_person(ent) -> bool:
    """"astronaut Bertalan Farkas", "Mr. Toledo", "Farkas, an air force captain": a name the tagger
    took for an organisation or place is a person's when a title or a person noun in front of it
    (or in apposition) says so; "chip maker Intel" is a business (its noun names a trade)."""
    if ent.label_ not in _GROUP_ENTS:
        return False
    doc, root = ent.doc, ent.root
    if ent.start > 0 and doc[ent.start - 1].lower_ in _TITLE_GENDER:
        return True
    if _BUSINESS_NAME.search(ent.text):
        return False
    titles = [c for c in root.children if c.dep_ in ("compound", "amod") and c.i < ent.start or c.dep_ == "appos" and c.i > root.i]
    return any(c.pos_ == "NOUN" and c.tag_ == "NN" and _human_title(c.lemma_.lower()) for c in titles)


def _person_names(doc) -> list:
    """The people a sentence names, as spans: the tagger's, those it took for organisations
    (`_titled_person`) and those it split in two (`_split_name`)."""
    found = []
    for ent in doc.ents:
        if (whole := _split_name(ent)) is not None:
            found.append(whole)
        elif ent.label_ in _PERSON_ENTS and not any(_split_name(e) is not None for e in doc.ents if e.start == ent.end) or _titled_person(ent):
            found.append(ent)
    return found


def _whole_name(ent) -> str:
    """A person's name with the particle and surname the tagger left outside it ("Janet Holmes"
    then "a Court", "Oscar" then "de la Renta"): a proper noun right after the name, with no comma,
    hung on it, with only lowercase particles before it."""
    doc = ent.doc
    tail = next((c for c in ent.root.children if c.dep_ in ("appos", "compound", "flat") and c.pos_ == "PROPN" and c.i >= ent.end), None)
    if ent.label_ not in _PERSON_ENTS or tail is None or tail.left_edge.i != ent.end or tail.right_edge.i != tail.i:
        return _span_name(ent)
    between = doc[ent.end : tail.i]
    if not 0 < len(between) <= 2 or not all(t.is_lower and t.pos_ in ("DET", "ADP", "X", "PROPN") for t in between):
        return _span_name(ent)
    return _clean(doc[ent.start : tail.i + 1].text)


def _split_name(ent):
    """"Police Superintendent Pedro Toledo" tagged as a person "Superintendent Pedro" and a place
    "Toledo": a place or organisation whose name a person's ends right against, the person's words
    all compounds of its head, is the end of that person's name. The whole name (titles in front
    left out), or None."""
    if ent.label_ not in _GROUP_ENTS or ent.start == 0:
        return None
    doc = ent.doc
    person = next((e for e in doc.ents if e.end == ent.start and e.label_ in _PERSON_ENTS), None)
    if person is None or not all(t.dep_ == "compound" and t.head.i in range(person.start, ent.end) for t in person):
        return None
    start = person.start
    while start < ent.start - 1 and (doc[start].lemma_.lower() in _PERSON_NOUNS or doc[start].lemma_.lower() in person_nouns()):
        start += 1
    return doc[start : ent.end]


def _human_title(lemma: str) -> bool:
    """A noun for a person that no business is called: a role ("minister"), or a person noun of
    WordNet's that is no agent noun of a trade ("maker", "brewer", "distributor", "giant" name
    firms as readily: the suffixes -er, -or, -ant say so)."""
    if lemma in _ORG_NOUNS or lemma in _BUSINESS_NOUNS or lemma in _BODY_NOUNS:
        return False
    return lemma in _PERSON_NOUNS or lemma in person_nouns() and not lemma.endswith(("er", "or", "ant"))


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
    genders: dict[str, str]  # last name -> "m"/"f", from titles, gendered nouns and pronouns bound to them
    persons: list[_Mention]  # people named outside quotes, in order
    wholes: dict[str, str] = dataclasses.field(default_factory=dict)  # whole name (lowercase) -> "m"/"f"
    clashing: set[str] = dataclasses.field(default_factory=set)  # last names given both genders: a family's

    def note(self, name: str, gender: str) -> None:
        """What the article says of a person's gender: kept by whole name, and by last name until
        two people of that last name get different ones ("Mr. and Mrs. Ruiz")."""
        if len(name.split()) > 1:
            self.wholes.setdefault(name.lower(), gender)
        key = _key(name)
        if key in self.clashing:
            return
        if self.genders.setdefault(key, gender) != gender:
            del self.genders[key]
            self.clashing.add(key)

    def _shared(self, key: str) -> bool:
        """Whether two people named in full share the last name `key` (a boy and his father)."""
        return len({m.name.lower() for m in self.persons if len(m.name.split()) > 1 and _key(m.name) == key}) > 1

    def gender_of(self, name: str) -> str | None:
        """The gender the article gives the person `name` stands for, or None; a last name two
        people share says nothing on its own."""
        if (whole := self.wholes.get(name.lower())) is not None:
            return whole
        key = _key(name)
        return None if key in self.clashing or self._shared(key) else self.genders.get(key)

    def identity(self, name: str) -> str:
        """Who `name` is, as a key: its last name, which later mentions keep ("Har-Shefi" after
        "Margalit Har-Shefi"), unless two people named in full share it: then the whole name, and
        the last name alone is someone of them ("?"), a rival to both."""
        key = _key(name)
        if len(name.split()) == 1:  # "Elian" after "Elian Gonzalez": the one person named in full so
            fulls = {m.name for m in self.persons if len(m.name.split()) > 1 and m.name.split()[0].lower() == key}
            if len(fulls) == 1 and not any(_key(m.name) == key for m in self.persons if len(m.name.split()) > 1):
                return self.identity(fulls.pop())
        if not self._shared(key):
            return key
        return name.lower() if len(name.split()) > 1 else key + "?"


def _subjects(doc) -> list:
    """The subject of the main clause, then that of the clause it reports ("She said X, the radio reported")."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None:
        return []
    found = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
    if root.pos_ == "PROPN" and not found:
        found = [root]  # "X's Mr. Doyle, who ..., called it ...": a subject the parser made the root
    # The report's own subject counts only when the attribution comes after it ("She said X, the
    # radio reported"), not in "Reports said Amir was ...", which is about the reports.
    found += [g for c in root.children if c.dep_ in ("ccomp", "parataxis") and c.i < root.i for g in c.children if g.dep_ in ("nsubj", "nsubjpass")]
    # Then that of a main clause coordinated with it ("Whether X remains to be seen, but Nadir is sure ...").
    return found + [g for c in root.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") for g in c.children if g.dep_ in ("nsubj", "nsubjpass")]


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
                state.note(_clean(ent.text), _TITLE_GENDER[doc[ent.start - 1].lower_])
        for ent in _person_names(doc):
            if (role := _gendered_role(ent)) is not None:
                state.note(_clean(ent.text), role)
        topic = None
        quoted = quoted_spans(text)
        for subject in _subjects(doc):
            if subject.lower_ not in ("he", "she") and any(a <= subject.idx < b for a, b in quoted):
                continue  # a name inside a quotation is whom the speaker talks about, not who speaks next
            if subject.lower_ in ("he", "she"):
                introduced = introduced_name(subject)
                if introduced is not None:  # "She is the leader's sister, Juanita": the pronoun's own name
                    topic = _Mention(_clean(introduced.text), "person", index, introduced.start_char)
                    state.note(topic.name, _gender(subject.lower_))
                else:
                    topic = _resolve_person(state, subject.lower_)
                    if topic is not None:  # "She took the stand": who stands out is a woman
                        state.note(topic.name, _gender(subject.lower_))
            else:
                naming = _naming_tokens(subject)
                ent = next((e for e in _person_names(doc) if e.root.i in naming), None)
                if ent is not None:
                    topic = _Mention(_clean(ent.text), "person", index, ent.start_char)
                elif subject.pos_ == "PROPN":  # a person the tagger missed: named before, or described as one
                    known = _known_person(state.persons, _noun_phrase(subject)) or _described_as_person(subject)
                    topic = _Mention(_clean(_noun_phrase(subject)), "person", index, subject.idx) if known else None
                    names = [c.i for c in subject.children if c.dep_ in ("compound", "flat") and c.pos_ == "PROPN"]
                    if topic is not None and (role := _gendered_role(doc[min([subject.i, *names]) : subject.i + 1])) is not None:
                        state.note(topic.name, role)  # "Ruano, his grandmother, said ..."
            if topic is not None:
                break
        for name, gender in _bound_genders(doc, topic if topic is not None and topic.sentence == index else None).items():
            if state.gender_of(name) is None:  # a title or a noun says it more surely ("Mrs. Ruiz said he ...")
                state.note(name, gender)
        if topic is None and (described := _speaking_description(doc)) is not None:
            topic = _Mention(_noun_phrase(described), "person", index, described.idx)
        state.topics.append(topic)
        state.persons.extend(m for m in _mentions(text, index) if m.kind == "person")
    return state


# Nouns that say a person's sex, a closed class of English: beside a name ("his sister, Ann",
# "actress Ann Lee") they give the name's gender, which a name alone never does.
_ROLE_GENDER = {
    **dict.fromkeys("sister mother daughter wife widow aunt niece grandmother queen princess actress waitress girl woman lady businesswoman spokeswoman chairwoman congresswoman mrs ms".split(), "f"),
    **dict.fromkeys("brother father son husband widower uncle nephew grandfather king prince actor boy man businessman spokesman chairman congressman".split(), "m"),
}


def _gendered_role(ent) -> str | None:
    """The gender a noun beside a person's name says: a title or compound in front ("actress Ann
    Lee"), a noun in apposition either way ("Ann, his sister"; "his sister, Ann"; "his sisters,
    Ann and Eva": a name coordinated with one in apposition), or the predicate of a copula the
    name is the subject of ("Ann is his sister")."""
    root = ent.root
    beside = [c for c in root.children if c.dep_ in ("compound", "appos") and not ent.start <= c.i < ent.end]
    named = root
    while named.dep_ == "conj" and named.head.pos_ == "PROPN" and named.head != named:
        named = named.head
    if named.dep_ == "appos":
        beside.append(named.head)
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ == "be":
        beside += [c for c in root.head.children if c.dep_ == "attr"]
    genders = {_ROLE_GENDER[t.lemma_.lower()] for t in beside if t.pos_ == "NOUN" and t.lemma_.lower() in _ROLE_GENDER}
    return genders.pop() if len(genders) == 1 else None


_REFLEXIVE = {"himself": "m", "herself": "f"}


def _bound_genders(doc, topic: _Mention | None = None) -> dict[str, str]:
    """The genders a sentence's own pronouns give the people it names: a he/she/his/her/him (or
    himself/herself) outside quotation marks, under the verb whose subject names the one person
    the sentence names before the pronoun ("Har-Shefi said she ...", "Howes was working when he
    was abducted", "Reed lost his job"). Not that verb's object ("Reed hit him" is someone else),
    not a pronoun under a clause with a person of its own as subject ("Reed said the officer
    arrested his brother"), and nothing for a person the pronouns give both genders."""
    quoted = quoted_spans(doc.text)
    outside = lambda t: not any(a <= t.idx < b for a, b in quoted)  # noqa: E731
    names = [(_clean(e.text), e.root) for e in _person_names(doc) if outside(e.root)]
    if topic is not None and not any(root.idx <= topic.start < root.idx + len(root.text) or _key(name) == _key(topic.name) for name, root in names):
        names += [(topic.name, t) for t in doc if t.idx == topic.start]  # a subject the tagger did not take for a name
    found: dict[str, str | None] = {}
    for tok in doc:
        lower = tok.lower_
        if lower not in _PERSON_PRONOUNS and lower not in _REFLEXIVE or tok.pos_ != "PRON" or not outside(tok):
            continue
        before = {name.lower(): (name, root) for name, root in names if root.i < tok.i}
        if len(before) != 1:
            continue
        ((name, root),) = before.values()
        while root.dep_ in ("compound", "flat", "appos") and root.head != root:
            root = root.head
        if root.dep_ not in ("nsubj", "nsubjpass") or root.head not in tok.ancestors:
            continue
        verb = root.head
        if lower not in _REFLEXIVE and (tok.dep_ in ("dobj", "dative") and tok.head == verb or tok.dep_ == "pobj" and tok.head.head == verb):
            continue
        if tok.dep_ == "nsubj" and tok.head.dep_ in ("parataxis", "advcl") and _speech_verb(tok.head):
            continue  # "Sansui, he said, is a fit": the speaker of an aside is someone else
        between = [a for a in tok.ancestors if verb in a.ancestors]
        if any(c.dep_ in ("nsubj", "nsubjpass") and c.i != tok.i and (c.ent_type_ in _PERSON_ENTS or c.lemma_.lower() in person_nouns() or c.lower_ in _PERSON_PRONOUNS)
               for a in between for c in a.children):
            continue
        gender = _REFLEXIVE.get(lower) or _gender(lower)
        found[name] = gender if found.get(name, gender) == gender else None
    return {name: gender for name, gender in found.items() if gender is not None}


def introduced_name(pronoun):
    """The name a "he"/"she" is given in its own clause: "She is the leader's younger sister,
    Juanita" (a copula's predicate with a name in apposition, or the name itself). Such a pronoun
    introduces a person rather than pointing back to one."""
    if pronoun.dep_ not in ("nsubj", "nsubjpass") or pronoun.head.lemma_ != "be":
        return None
    for attr in (c for c in pronoun.head.children if c.dep_ in ("attr", "acomp")):
        names = [e for e in _person_names(attr.doc) if e.root.i == attr.i or e.root.dep_ == "appos" and e.root.head.i == attr.i]
        if names:
            return names[0]
    return None


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
    return any(c.dep_ == "appos" and c.lemma_.lower() in person_nouns() for c in name.children)


def _known_person(persons: Sequence[_Mention], phrase: str) -> _Mention | None:
    """The person named before whose last name `phrase` ends with ("Har-Shefi" after "Margalit Har-Shefi")."""
    key = _key(_clean(phrase))
    return next((m for m in reversed(persons) if m.kind == "person" and _key(m.name) == key), None) if key else None


def _resolve_person(state: _Discourse, pronoun: str, upto: int | None = None, voices: Sequence[_Mention | None] = ()) -> _Mention | None:
    """The person "he"/"she" stands for in sentence `upto` (default: after all `state` has read), by
    salience (centering in its simplest form): the main subject of the sentence before, or the
    person whose report it goes on with (`voices`, per sentence), is who the story is about; then
    that of the sentence two before, the more so when the sentence before names them again ("X
    spoke. X's remarks were aimed at critics who say Y should stay. He ..."); then a person the
    sentence before names elsewhere (the subject of a clause inside it is no more salient); then
    one the sentence two before names. Never one whose known gender differs.

    The most salient person is taken only when they stand out: a tie (two people named the same
    way), or a person whose gender the article never gives while it gives a rival the pronoun's
    ("Mariela said ... his son Juan. He ..."), leaves the pronoun as written, for a wrong name
    states what the article does not. With nobody in those two sentences, the one person named last."""
    upto = len(state.topics) if upto is None else upto
    gender = _gender(pronoun)
    fits = lambda m: state.gender_of(m.name) in (None, gender)  # noqa: E731
    # A person named only inside another noun phrase ("the case of young X", "X's story") is no
    # antecedent unless their gender is known to match, but is still a rival.
    stands = lambda m: fits(m) and (not m.nested or state.gender_of(m.name) == gender)  # noqa: E731
    end = bisect_left(state.persons, upto, key=lambda m: m.sentence)
    scores: dict[str, tuple[int, _Mention]] = {}
    for back in (1, 2):
        index = upto - back
        if index < 0:
            break
        salient = [state.topics[index], voices[index] if index < len(voices) else None]
        start = bisect_left(state.persons, index, key=lambda m: m.sentence)
        named = [m for m in state.persons[start:end] if m.sentence == index]
        for rank, mention in [(6 - 2 * back, m) for m in salient] + [(2 - back, m) for m in named]:
            if mention is None or not fits(mention):
                continue
            identity = state.identity(mention.name)
            if back == 2 and rank == 2 and identity in scores:
                rank = 3  # the subject two sentences back, named again in the sentence before ("X's remarks ...")
            if identity not in scores or scores[identity][0] < rank:
                scores[identity] = (rank, mention)
    if not scores:
        # Else the person named last: the one of the last sentence that names anyone who fits.
        named = [m for m in state.persons[:end] if fits(m)]
        return _only(state, [m for m in named if m.sentence == named[-1].sentence], stands) if named else None
    ranked = sorted(scores.values(), key=lambda pair: -pair[0])
    (top, best), rivals = ranked[0], [m for _, m in ranked[1:]]
    if not stands(best):
        return None
    if state.gender_of(best.name) is None and any(state.gender_of(m.name) == gender for m in rivals):
        return None  # the article calls a rival so, and never says the most salient one is
    if rivals and (ranked[1][0] == top or top < 4 and top - ranked[1][0] < 2):
        return None  # nobody stands out ("X, he said, is ..."; the subject before is not among them)
    return best


def _only(state: _Discourse, named: Sequence[_Mention], stands) -> _Mention | None:
    """The one person `named` in a sentence, if they may stand for the pronoun; None when two or more
    are named there ("Castro's remarks were aimed at those who say Elian should stay. He ..."): a
    person who is no antecedent (named inside another phrase) is still a rival, and a pronoun is
    never given one of several people."""
    if len({state.identity(m.name) for m in named}) > 1:
        return None
    return named[0] if stands(named[0]) else None


def person_antecedent(sentences: Sequence[str], pronoun: str, upto: int | None = None, speakers: Sequence[Speaker] = ()) -> _Mention | None:
    """The person a "he"/"she" (or "his"/"her") in sentence `upto` refers to (default: after all of
    `sentences`), cited as the nearest sentence before that names them, not the first of a chain
    of pronouns. `speakers` (the sentences' attributions, when the caller has them) make the
    person whose report a sentence goes on with as salient as its subject."""
    state = _discourse(tuple(sentences))
    upto = len(state.topics) if upto is None else upto
    voices = [_Mention(sp.name, "person", sp.sentence, 0) if sp.kind == "person" and sp.sentence is not None else None for sp in speakers]
    found = _resolve_person(state, "she" if pronoun.lower() in _FEMININE else "he", upto, voices)
    if found is None:
        return None
    key = state.identity(found.name)
    end = bisect_left(state.persons, upto, key=lambda m: m.sentence)
    named = next((state.persons[i] for i in range(end - 1, -1, -1) if state.identity(state.persons[i].name) == key), found)
    topic = next((state.topics[i] for i in range(upto - 1, named.sentence, -1) if state.topics[i] is not None and state.identity(state.topics[i].name) == key and state.topics[i].sentence == i), None)
    return topic or named


def _plural_people(tok) -> bool:
    """Whether `tok` heads a plural noun phrase of people or bodies: a plural noun of people,
    groups or bodies ("relatives", "officials", "Americans", "police") or a coordination with a
    name or such a noun in it ("Yeltsin and Kuchma", "the police and prosecutors"). Not things
    ("prices", "shares"), nor a pronoun."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ == "compound":
        return False
    members = [tok, *(c for c in tok.subtree if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN"))]
    if len(members) > 1:
        return any(m.pos_ == "PROPN" or m.ent_type_ in _PERSON_ENTS | _GROUP_ENTS or _may_speak_noun(m.lemma_.lower()) for m in members)
    # "police", "people": plural without an -s, which the tagger may call singular
    if tok.tag_ == "NNPS" and tok.ent_type_ in ("", "NORP", "ORG", "PERSON"):
        return True  # "the Ulster Unionists", "Democrats": a plural name is a group's (not "the Philippines")
    plural = tok.tag_ == "NNS" or tok.lemma_.lower() in _PLURAL_ONLY
    return plural and (tok.ent_type_ in ("NORP", "PERSON") or _may_speak_noun(tok.lemma_.lower()))


# Pronouns that would leave a stand-in phrase pointing back in its turn: a closed class.
_PHRASE_PRONOUNS = frozenset("he she him her his hers it its they them their theirs we us our i me my you your who whom whose which".split())
# Nouns that are plural without a plural ending: a closed class of English.
_PLURAL_ONLY = frozenset("police people clergy militia personnel staff".split())


def _may_speak_noun(lemma: str) -> bool:
    return lemma in _ORG_NOUNS or lemma in person_nouns() or lemma in speaker_nouns()


def _group_phrase(tok) -> str | None:
    """The whole noun phrase `tok` heads, as a pronoun's stand-in: its modifiers and compounds
    ("Cuban Americans in Miami", "the boy's relatives"), never the bare noun; definite where it was
    indefinite ("a few hundred Protestants" -> "the few hundred Protestants"); None when a pronoun
    in it would dangle in its turn ("His men", "many of them")."""
    name = _definite(_noun_phrase(tok))
    # the words the phrase keeps (a relative clause after it is cut off: "creditors, who are owed ...")
    if set(re.findall(r"[a-z]+", name.lower())) & _PHRASE_PRONOUNS:
        return None
    first = tok.doc[tok.left_edge.i]
    # "Dealers said" opening a sentence is "dealers" inside another one; a name keeps its capital.
    # Not a title before a name ("Justices Sandra Day O'Connor and Anthony Kennedy").
    title = first.pos_ == "NOUN" and first.i + 1 < len(tok.doc) and tok.doc[first.i + 1].pos_ == "PROPN"
    if first.i == tok.sent.start and not title and first.tag_ not in ("NNP", "NNPS") and first.ent_type_ not in ("ORG", "PERSON", "GPE", "NORP") and name[:1].isupper():
        name = name[:1].lower() + name[1:]
    return name or None


def group_antecedent(sentences: Sequence[str], index: int, speakers: Sequence[Speaker] = (), depth: int = 2, speaking: bool = True) -> tuple[int, str] | None:
    """Who a "they" that is the subject of sentence `index`'s main clause stands for, as (the
    sentence to cite, its whole noun phrase): the plural subject (people or bodies) of the sentence
    before's main clause ("Cuban Americans in Miami", "the companies", "Sun, Hewlett-Packard and
    others"), or a plural name in apposition to a singular one ("the party, the Ulster Unionists");
    a "They" there is followed back (`depth` sentences); with no subject there, the plural speaker
    whose report that sentence goes on with (`speakers`, the attributions). None when no plural of
    people fits, or another plural of people is a subject there too, or (unless the "they"
    `speaking`: who spoke goes on speaking) an object: "Police arrested two men. They were
    charged" is a guess, and a wrong group (a broader one, "Americans") an untruth."""
    if index <= 0 or depth <= 0:
        return None
    at = index - 1
    doc = parse(sentences[at])
    quoted = quoted_spans(sentences[at])
    outside = lambda t: not any(a <= t.idx < b for a, b in quoted)  # noqa: E731
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None:
        return None
    verbs = [root, *(c for c in root.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"))]
    subjects = [c for v in verbs for c in v.children if c.dep_ in ("nsubj", "nsubjpass") and outside(c)]
    found: list[tuple[int, str]] = []
    taken: set[int] = set()
    for subject in subjects:
        if subject.lower_ == "they":
            # "While bond investors had hoped ..., they were cheered": the group its own sentence names first.
            bound = [t for t in doc[: subject.i] if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "advcl" and t.head.head.i == subject.head.i and _plural_people(t)]
            if len(bound) == 1 and (phrase := _group_phrase(bound[0])) is not None:
                found.append((at, phrase))
                taken |= {t.i for t in subject.subtree} | {t.i for t in bound[0].subtree}
                continue
            earlier = group_antecedent(sentences, at, speakers, depth - 1, speaking)
            if earlier is not None:
                found.append(earlier)
                taken |= {t.i for t in subject.subtree}
            continue
        head = subject if _plural_people(subject) else next(
            (c for c in subject.children if c.dep_ == "appos" and _plural_people(c)), None
        )
        if head is None:
            continue
        phrase = _group_phrase(head)
        if phrase is None:
            return None
        found.append((at, phrase))
        taken |= {t.i for t in subject.subtree}
    # Another plural of people as a subject or object anywhere in that sentence: which is meant is a guess.
    rivals = [
        t for t in doc
        if t.i not in taken and outside(t) and t.dep_ in (("nsubj", "nsubjpass", "appos", "conj") if speaking else ("nsubj", "nsubjpass", "dobj", "dative", "attr", "appos", "conj"))
        and _plural_people(t)
        and not (t.dep_ in ("appos", "conj") and t.head.i in taken)
    ]
    if not found and not any(_plural_people(t) for t in doc if outside(t)) and any(
        t.lower_ in ("they", "them", "their") and t.pos_ == "PRON" and outside(t) for t in doc
    ):
        # "A judge threw out their lawsuit": the sentence before goes on about the same group, by a
        # pronoun, and names no other plural of people: the group is the one before it.
        return group_antecedent(sentences, at, speakers, depth - 1, speaking)
    if not found and not rivals and speakers and at < len(speakers):
        # '"...," Traders said. "..." ... , they said': the group whose report goes on.
        said = speakers[at]
        if not said.is_outlet and said.kind == "group" and said.sentence is not None and said.sentence < at and said.cue == "quote continues":
            said_doc = parse(sentences[said.sentence])
            head = next((t for t in said_doc if t.dep_ in ("nsubj", "nsubjpass") and _noun_phrase(t) == said.phrase and _plural_people(t)), None)
            if head is not None and (phrase := _group_phrase(head)) is not None:
                return said.sentence, phrase
        return None
    if len({p.lower() for _, p in found}) != 1 or rivals:
        return None
    return found[0]


# --- attribution ----------------------------------------------------------------------------------


@dataclass
class _Cue:
    token_i: int  # the reporting verb (or "according")
    subject: object  # the spaCy token naming the speaker
    cue: str
    stance: bool = False  # a position on an object ("denied the charges"), no clause reported


@cached()
def _cues(doc) -> list[_Cue]:
    """Reporting verbs with what they report (a clause, or a quotation in the sentence) and their
    subject; "according to X". A verb inside a relative clause reports nothing about the sentence."""
    cues = []
    quoted = bool(quote_count(doc.text)) or "‘" in doc.text
    for tok in doc:
        if (_speech_verb(tok) or _characterises(tok) or _judges(tok) or _voices_message(tok)) and tok.dep_ not in ("relcl", "acl", "amod", "pcomp", "compound") and not _conditional(tok) and not _subordinated(tok):
            inverted = _inverted_speaker(tok)
            # "X, the source said, was ...": a reporting clause set in the sentence (parataxis) reports it.
            reports = any(c.dep_ in ("ccomp", "parataxis") and not _gerund_between(tok, c) and not _question(c) for c in tok.children) or _that_clause_on_object(tok) or bool(_misparsed_report(tok)) or tok.dep_ == "parataxis" or tok.dep_ == "ccomp" and tok.head.i < tok.i and not _speech_verb(tok.head) or _report_as_advcl(tok) or _final_report(tok) or _final_clause_subject(tok) is not None or _introduces(tok)
            if reports and tok.lemma_.lower() not in REPORTING_LEMMAS:
                reports = _reports_clause(tok)
            reports = reports or _comment_clause(tok) or _voices_message(tok)
            agents = [g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
            if agents and _passive_report(tok):
                # "Kopp is said by police to be armed": the agent speaks; with no agent ("is believed
                # to have fled") nobody is named and the hedged sentence stays the outlet's.
                cues.extend(_Cue(tok.i, agent, tok.text.lower()) for agent in agents if _can_speak(agent))
                continue
            judging = _judges(tok) and _main_predicate(tok)
            viewed = _holds_view(tok)  # "objected to the rules": a speech verb holding a view, no clause
            if not (reports or inverted is not None or quoted and (tok.lemma_.lower() in ("say", "tell", "add", "describe", *SPEAKING_VERBS) or _opens_quotation(tok)) or _states_position(tok) or _characterises(tok) or judging or viewed):
                continue
            subjects = [c for c in tok.children if (c.dep_ == "nsubj" or viewed and c.dep_ == "nsubjpass") and not _reports_own_subject(tok, c)]
            subjects = subjects or ([inverted] if inverted is not None else []) or _stranded_subject(tok)
            if not subjects and (final := _final_clause_subject(tok)) is not None:
                subjects = [final]  # "X happened, a senior source told the radio": not X's subject
            agents = [g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
            if not subjects and tok.dep_ in ("conj", "advcl") and _inverted_speaker(tok.head) is not None:
                subjects = [_inverted_speaker(tok.head)]  # "..., added X, adding that ...": X
            # "He sold it and said ...", "X did Y, saying ...", "He went on to add that ...": the first verb's subject
            if not subjects and (tok.dep_ in ("conj", "advcl") or _after_participle_aside(tok) or tok.dep_ == "xcomp" and tok.head.lemma_.lower() in _ASPECTUAL_LEMMAS):
                subjects = [c for c in tok.head.children if c.dep_ == "nsubj"]
            stance = not (reports or inverted is not None) and (_states_position(tok) or _characterises(tok) or judging or viewed)
            for subject in subjects or agents:
                subject = _relative_antecedent(subject)
                subject = _true_subject(subject) if subject is not None else None
                if subject is not None and (_can_speak(subject) or _says_that(tok, subject)) and not _inferred_from(tok, subject):
                    cues.append(_Cue(tok.i, subject, tok.text.lower(), stance))
        elif _speech_verb(tok) and not _conditional(tok) and (subject := _participle_speaker(tok) or _misparsed_speaker(tok)) is not None and _can_speak(subject):
            cues.append(_Cue(tok.i, subject, tok.text.lower()))
        elif _holds_view(tok) and (subject := _view_holder(tok)) is not None and _can_speak(subject) and not _inferred_from(tok, subject):
            cues.append(_Cue(tok.i, subject, tok.text.lower(), True))
        elif (owner := _worded_text(tok)) is not None:
            cues.append(_Cue(tok.i, owner, tok.text.lower(), True))
        elif tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            objects = [c for c in doc[tok.i + 1].children if c.dep_ == "pobj"]
            if objects:
                # "according to Acme's estimates": what a named body published speaks for it.
                owner = next((c for c in objects[0].children if c.dep_ == "poss" and (c.ent_type_ in _PERSON_ENTS | _GROUP_ENTS or c.pos_ == "PROPN")), None)
                thing = objects[0].pos_ == "NOUN" and not _can_speak_itself(objects[0])
                cues.append(_Cue(tok.i, owner if owner is not None and thing else objects[0], "according to"))
    return cues


# Texts whose wording a sentence may quote ("the headline read"), a closed class beside the documents.
_WORDED_NOUNS = frozenset("headline editorial banner sign placard caption slogan".split())


def _worded_text(verb):
    """'The Star's headline read: "Chief must go."': a newspaper's headline is the newspaper's. The
    named owner of the text whose words "read" quotes (the main verb, a quotation after it), or
    None: a banner nobody is named for says nothing of who wrote it."""
    if verb.lemma_.lower() != "read" or verb.dep_ != "ROOT" or not quote_count(verb.doc[verb.i + 1 :].text):
        return None
    text = next((c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "NOUN" and c.lemma_.lower() in _WORDED_NOUNS | _DOCUMENT_NOUNS), None)
    owners = [c for c in text.children if c.dep_ == "poss" and (c.ent_type_ in _PERSON_ENTS | _GROUP_ENTS or c.pos_ == "PROPN" or _can_speak_itself(c))] if text is not None else []
    return owners[0] if owners else None


def _subordinated(verb) -> bool:
    """"More problems for an economy that many experts thought was invincible." (a relative clause the
    parser made the main verb: its "that" is a subordinator), "The question is who will voters
    believe?" (a question's verb), "It is hard to see how critics can claim ..." (an embedded
    question): the verb is no report of the sentence, nor its subject a speaker."""
    # A subordinator is a lowercase word ("that", "because"): the parser takes a name's "Cos." for one.
    marked = verb.dep_ == "ROOT" and any(c.dep_ == "mark" and c.i < verb.i and c.text.islower() for c in verb.children)
    # "It is hard to see how critics can claim ...": an embedded question asks; it reports nothing.
    asked = verb.dep_ != "ROOT" and any(c.dep_ == "advmod" and c.lower_ in ("how", "why") and c.i < verb.i for c in verb.children)
    return marked or asked or any(c.tag_ in ("WP", "WDT") and c.dep_ in ("dobj", "nsubj", "attr") and c.i < verb.i for c in verb.children)


def _passive_report(verb) -> bool:
    """"X is said to be armed", "X was reported to be hiding": a passive reporting verb whose
    infinitive (or clause) is what is reported about its subject."""
    return any(c.dep_ == "nsubjpass" for c in verb.children) and any(c.dep_ in ("xcomp", "ccomp") and c.i > verb.i for c in verb.children)


def _introduces(verb) -> bool:
    """'A spokesman said in a statement:' - the main reporting verb of a sentence that ends on a
    colon reports what follows it: the quotation that opens next, often in the next paragraph."""
    return verb.dep_ == "ROOT" and verb.lemma_.lower() in REPORTING_LEMMAS and verb.doc.text.rstrip().endswith(":")


# Verbs that give their object a name or description ("called the move a setback"), a closed class.
_NAMING_LEMMAS = frozenset("call describe dub label term brand characterize characterise".split())


def _characterises(verb) -> bool:
    """"Horsley called the move a 'temporary setback'", "He called the soldiers the real occupiers",
    "..., calling it 'flattery'": a verb that names or describes its object reports what the subject
    said of it, when the object is given words in quotation marks or a common noun or adjective for
    what it is ("called the plan reckless", "described him as a liar"). "called the meeting to
    order", "named the boy Tom" or "was called a hero" (no one said to call it so) give none."""
    # A main verb ("what he calls an 'eternal merger'" names nothing the sentence reports).
    if verb.lemma_.lower() not in _NAMING_LEMMAS or verb.pos_ != "VERB" or not _main_predicate(verb) or _passive(verb) or _hedged(verb):
        return False
    # The object, or the parser's clause for it ("calls discounting 'a loser's game'").
    if not any(c.dep_ in ("dobj", "xcomp", "oprd") and c.tag_ not in ("WP", "WDT") and c.i > verb.i for c in verb.children):
        return False
    quoted = any(
        t.tag_ in ("``", "''") or quote_count(t.text) or t.text in ("'", "‘", "’", "`") and t.tag_ != "POS"
        for t in verb.subtree if t.i > verb.i
    )
    # A participle or an infinitive there says what for ("called police to report"), not what it is.
    predicate = any(
        c.dep_ in ("oprd", "xcomp", "attr") and c.i > verb.i and (c.pos_ in ("NOUN", "ADJ") or c.tag_ == "VBG" and c.dep_ == "oprd")
        for c in verb.children
    )
    return quoted or predicate or _as_complement(verb)


def _main_predicate(verb) -> bool:
    """The sentence's main verb, one coordinated with it, or a participle that goes on from it
    ("X welcomed the rival, calling it 'flattery'"; "..., accusing them of fraud")."""
    if verb.dep_ == "ROOT":
        return True
    if verb.dep_ == "conj":
        return verb.head.dep_ == "ROOT"
    return (
        verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.head.dep_ == "ROOT" and verb.i > verb.head.i
        and not any(c.dep_ in ("mark", "nsubj") for c in verb.children) and not _conditional(verb.head)
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


def _true_subject(subject):
    """The noun that speaks where the parse gave a reporting verb another subject:
    - "Kalamazoo, Mich.-based First of America said": a place set before a "-based" modifier is
      the modifier's, not the subject: the apposition it modifies speaks;
    - "The giant foods, tobacco and brewing company said": the parser may take the first noun of a
      list of modifiers for the subject and the head noun for its apposition: a subject that
      cannot speak, with an apposition that can and only the list between them, is that apposition;
    - "Interviews with three fund groups confirm ...": an act of communication says what those
      it was held with said: the "with" phrase speaks, a person or a body."""
    doc = subject.doc
    apposed = [c for c in subject.children if c.dep_ == "appos" and c.i > subject.i and c.pos_ in ("NOUN", "PROPN")]
    if subject.pos_ == "PROPN" and apposed and any(_locative(t) for t in doc[subject.i + 1 : apposed[0].i]):
        return apposed[0]
    if subject.pos_ == "NOUN" and not _can_speak(subject) and apposed and _can_speak(apposed[0]) and all(
        t.dep_ in ("punct", "cc", "conj", "nmod", "compound", "amod") for t in doc[subject.i + 1 : apposed[0].i]
    ) and any(t.dep_ == "cc" for t in doc[subject.i + 1 : apposed[0].i]):
        return apposed[0]
    if subject.pos_ == "NOUN" and not subject.ent_type_ and not _can_speak_itself(subject) and subject.lemma_.lower() not in _DOCUMENT_NOUNS | _BUSINESS_NOUNS | _BODY_NOUNS:
        held = [g for c in subject.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children if g.dep_ == "pobj"]
        if held and (held[0].ent_type_ in _PERSON_ENTS | _GROUP_ENTS or _can_speak(held[0]) and held[0].lemma_.lower() not in _DOCUMENT_NOUNS | message_nouns()):
            return held[0]
    return subject


def _says_that(verb, subject) -> bool:
    """"The thrift said that ...", "Acquisition said 2 million shares were tendered": whatever is
    the subject of "say" with a clause after it is who says it, a noun WordNet does not know as a
    speaker (a business's short name read as a noun, a trade) included; not a looser verb
    ("footage urged", "the rise suggests"), where a misparse or a metaphor is likelier."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]  # two: a misparse ("the kind of job women say ...")
    return verb.lemma_.lower() == "say" and verb.dep_ == "ROOT" and subjects == [subject] and subject.tag_ == "NN" and any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children)


# Nouns of number and of a body of people, a closed class: who speaks is in their "of" phrase.
_QUANTITY_NOUNS = frozenset("hundred thousand million dozen score number majority minority handful lot group crowd throng bunch".split())


def _can_speak(subject) -> bool:
    """A common noun speaks when it can say something: a person, a group or a communication
    ("officials", "the family", "a message"); "footage" that a misparse made the subject of "urged",
    or a thing that "suggests", do not, and what they seem to report stays the article's own."""
    if subject.pos_ != "NOUN" or subject.ent_type_:
        return True
    lemma = subject.lemma_.lower()
    of = [g for c in subject.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    if lemma in _QUANTITY_NOUNS and of:  # "hundreds of protesters", "a group of residents": who they are
        return any(_can_speak(g) for g in of)
    if _unknown_capitalised(subject):
        return True  # a name the tagger took for a noun ("Ruiz was quoted as saying")
    if read_as_figure(subject):
        return False  # "Figures released today show ...": numbers, not "political figures"
    return lemma in _ORG_NOUNS or lemma in _BUSINESS_NOUNS or lemma in _PERSON_NOUNS or lemma in speaker_nouns()


# Verbs that a thing may do as well as a speaker ("the data suggest", "signs indicate"), a closed class.
_INFERENCE_LEMMAS = frozenset("suggest indicate show imply signal mean".split())


def _inferred_from(verb, subject) -> bool:
    """"New evidence is suggesting that ...", "the figures indicate ...": a thing that suggests or
    indicates is what the writer infers from, not a speaker; only someone who speaks for themselves,
    a body or a message ("the study suggests", "the group indicated") says it."""
    if verb.lemma_.lower() not in _INFERENCE_LEMMAS or subject.pos_ != "NOUN" or subject.ent_type_ or _unknown_capitalised(subject):
        return False
    lemma = subject.lemma_.lower()
    of = [g for c in subject.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    if lemma in _QUANTITY_NOUNS and of:  # "a majority of voters indicated": who they are
        return not any(_can_speak_itself(g) for g in of)
    return not (_can_speak_itself(subject) or lemma in _DOCUMENT_NOUNS or lemma in _BUSINESS_NOUNS or lemma in _BODY_NOUNS or lemma in message_nouns())


def _can_speak_itself(noun) -> bool:
    """A common noun for someone who speaks ("officials", "a lawyer"), not a thing they published."""
    lemma = noun.lemma_.lower()
    return lemma in _PERSON_NOUNS or lemma in _ORG_NOUNS and lemma not in _DOCUMENT_NOUNS or lemma in person_nouns()


def _unknown_capitalised(tok) -> bool:
    """A capitalised word the lexicon does not know: most likely a name, whatever the tagger says."""
    return tok.text[:1].isupper() and tok.lemma_.lower() not in faithfulness_lexicon().senses


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
        g.dep_ in ("acl", "relcl") and (any(m.dep_ == "mark" and m.lower_ == "that" for m in g.children) or _bare_content_clause(verb, c, g))
        for c in objects for g in c.children
    )


# Pronouns "say" takes as its object ("said nothing", "said so"): they report no clause.
_SAID_PRONOUNS = frozenset("nothing something anything much little so this that it everything".split())


def _misparsed_report(verb) -> list:
    """The reported clause a reporting verb's parse lost, as the tokens that head it (none when the
    parse is whole):
    - "X said its unit, Y Inc., registered an offering", "X said the latest move affected its
      debt": "say" takes no noun for its object, so a noun object with a verb in a past form on it
      (the parser's participle or adjective) is the subject of the reported clause ("said a prayer
      for the men killed" is no such object: the verb is on another noun);
    - "X has said in official comments so far that it will stay neutral": a "that" clause the
      parser hung on an adverb of the verb is still what the verb reports."""
    if verb.lemma_.lower() not in REPORTING_LEMMAS or verb.pos_ != "VERB":
        return []
    found = [
        c for c in verb.children
        if verb.lemma_.lower() == "say" and c.dep_ == "dobj" and c.i > verb.i and c.pos_ in ("NOUN", "PROPN") and c.lower_ not in _SAID_PRONOUNS
        and any(t.tag_ in ("VBD", "VBN") and t.dep_ in ("acl", "amod", "relcl") and t.i > c.left_edge.i and not any(x.dep_ in ("aux", "auxpass", "mark", "agent") or x.tag_ in ("WDT", "WP") for x in t.children) for t in c.children)
    ]
    # "Shalala says UNOS five months ago gave them ...": "say" takes no name for its object either:
    # the name is the reported clause's subject, its verb lost to the parse.
    found += [c for c in verb.children if verb.lemma_.lower() == "say" and c.dep_ == "dobj" and c.i == verb.i + 1 and c.pos_ == "PROPN" and c not in found]
    return found + [g for c in verb.children if c.dep_ == "advmod" and c.i > verb.i for g in c.children if g.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in g.children)]


def _bare_content_clause(verb, noun, clause) -> bool:
    """"expressed the hope he would return", "voiced fears prices will rise": after a verb that puts
    forth a message, a clause on its object with no "that" is still what the message says when it
    is whole: right after the noun, its own subject (no relative pronoun) and nothing missing that
    the noun could fill ("the hope he held" is a relative clause: "held" lacks its object)."""
    if not (verb.lemma_.lower() in _VOICING_LEMMAS or _message_given(verb, noun)) or noun.dep_ != "dobj" or clause.left_edge.i != noun.i + 1:
        return False
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.tag_ in ("WP", "WDT") or subject.lower_ == "that" or subject.i > clause.i:
        return False
    # A phrase of time ("held for years") says nothing of what the verb lacks.
    timeless = lambda c: c.dep_ != "prep" or not any(g.ent_type_ in ("DATE", "TIME") for g in c.children)  # noqa: E731
    return any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "acomp", "oprd", "prep", "auxpass") and timeless(c) for c in clause.children if c.i > clause.i) or any(c.tag_ == "MD" for c in clause.children)


def _message_given(verb, noun) -> bool:
    """"gave assurances", "sent strong signals": a support verb of giving whose object is a
    communication (a noun of WordNet's communication senses, not a person's or a group's), neither
    denied ("gave no indication", "did not give assurances") nor someone else's ("gave the bank's
    assurance")."""
    lemma = noun.lemma_.lower()
    return (
        verb.lemma_.lower() in _GIVING_LEMMAS and verb.pos_ == "VERB" and noun.dep_ == "dobj" and noun.pos_ == "NOUN"
        and (lemma in message_nouns() or lemma in speaker_nouns() and lemma not in person_nouns())
        and not any(c.dep_ == "neg" for c in verb.children) and not _passive(verb)
        and not any(c.dep_ in ("poss", "neg") or c.dep_ == "det" and c.lower_ == "no" for c in noun.children)
        and not any(c.dep_ == "prep" and c.lower_ in ("of", "from", "by") for c in noun.children)
    )


def _voices_message(verb) -> bool:
    """A clause put forth through a support verb rather than a verb of saying: "gave assurances that
    the pensions were safe", "sent signals that it wants to withdraw", "made clear that it expects
    ...", "made it plain that ...": the subject says the clause."""
    if verb.pos_ != "VERB" or _passive(verb) or any(c.dep_ == "neg" for c in verb.children):
        return False
    if verb.lemma_.lower() == "make":
        shown = [c for c in verb.children if c.dep_ in ("ccomp", "oprd", "acomp", "xcomp") and c.pos_ == "ADJ" and c.lower_ in _MANIFEST_ADJECTIVES]
        # The clause hangs on the verb or on the adjective.
        return any(
            g.dep_ in ("ccomp", "advcl") and g.i > a.i and any(m.dep_ == "mark" and m.lower_ == "that" for m in g.children)
            for a in shown for g in [*verb.children, *a.children]
        )
    return any(_message_given(verb, c) for c in verb.children) and _that_clause_on_object(verb)


def voiced_clause(verb):
    """The clause a message put forth carries, or None: "expressed concern that the levee would not
    hold", "gave assurances that the pensions were safe", "made clear that he would veto it" ->
    the verb of that clause (what the message says, for its type)."""
    if verb.pos_ != "VERB" or not (verb.lemma_.lower() in _VOICING_LEMMAS or _voices_message(verb)):
        return None
    if verb.lemma_.lower() == "make":
        shown = [c for c in verb.children if c.dep_ in ("ccomp", "oprd", "acomp", "xcomp") and c.pos_ == "ADJ" and c.lower_ in _MANIFEST_ADJECTIVES]
        return next((g for a in shown for g in [*verb.children, *a.children] if g.dep_ in ("ccomp", "advcl") and g.i > a.i and any(m.dep_ == "mark" and m.lower_ == "that" for m in g.children)), None)
    return next((
        g for c in verb.children if c.dep_ == "dobj" for g in c.children
        if g.dep_ in ("acl", "relcl") and (any(m.dep_ == "mark" and m.lower_ == "that" for m in g.children) or _bare_content_clause(verb, c, g))
    ), None)


def _reports_clause(verb) -> bool:
    """For a verb of communication outside the closed class of reporting verbs ("noted", "boasted",
    "suspect"), the parser's looser signs of a report are not enough: it reports the clause that
    follows it, or, with no object of its own, the clause before it ("..., the party noted.").
    "officials suspect a link", "hear speakers demand talks" report nothing."""
    if _hedged(verb):
        return False
    after = any(c.dep_ in ("ccomp", "parataxis") and c.i > verb.i and not _gerund_between(verb, c) and not _question(c) for c in verb.children)
    if after or _that_clause_on_object(verb) or _misparsed_report(verb):
        return True
    if any(c.dep_ in ("dobj", "dative", "xcomp") for c in verb.children) or verb.dep_ == "ccomp":
        return False
    return any(c.dep_ in ("ccomp", "parataxis") and c.i < verb.i for c in verb.children) or verb.dep_ == "parataxis" or _report_as_advcl(verb) or _final_report(verb) or _final_clause_subject(verb) is not None


# Verbs of trying and wanting, a closed class: their infinitive is an aim ("seeking to demonstrate").
_INTENDING_LEMMAS = frozenset("seek try attempt aim hope want wish intend plan strive endeavor endeavour".split())


def _conditional(verb) -> bool:
    """"Only the most obdurate foes would deny that ...", "critics could argue that ...": a reporting
    verb under a modal of condition or possibility describes what someone might say, not what anyone
    said ("will announce", "must disclose" are left to the verbs' own rules)."""
    # "headed to Africa, seeking to demonstrate support", "hopes to show that ...": an aim, nothing said yet.
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _INTENDING_LEMMAS:
        return True
    return any(c.dep_ == "aux" and c.lower_ in ("would", "could", "might", "may", "should", "'d") for c in verb.children) and not any(
        c.dep_ == "neg" for c in verb.children  # "would not say", "would say only that": a refusal or a reply
    ) and not (verb.i + 1 < len(verb.doc) and verb.doc[verb.i + 1].lower_ == "only")


def _hedged(verb) -> bool:
    """"may plead", "might reveal", "wouldn't disclose": a modal says the statement is not (yet) made."""
    return any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)


def _states_position(verb) -> bool:
    """A main verb that reports a stance with no clause: a commitment with its infinitive ("vowed to
    retaliate"), or a position on an object that is no person ("denied the charges", "condemned the
    attack", "likened the tax to theft", "denied it"); "told him" or "warned residents" alone say nothing."""
    lemma = verb.lemma_.lower()
    if verb.dep_ not in ("ROOT", "conj") or verb.dep_ == "conj" and verb.head.dep_ != "ROOT" or _hedged(verb):
        return False
    # "X headed to Africa ... but mostly claimed lives": a stance beside a main verb that reports
    # nothing is not what the sentence is about; only beside another report ("denied A and condemned B").
    if verb.dep_ == "conj" and not (_speech_verb(verb.head) or _states_position(verb.head)):
        return False
    if lemma in _COMMITTING_LEMMAS and any(c.dep_ == "xcomp" and c.i > verb.i for c in verb.children):
        return True
    if lemma in _ASCRIBING_LEMMAS and _ascribes(verb):
        return True
    # "A statement warned of more attacks", "the report criticized the agency": a document does
    # nothing but say; with a speech verb, what follows it is its message, object or no object.
    if _speech_verb(verb) and any(c.dep_ == "nsubj" and c.pos_ == "NOUN" and c.lemma_.lower() in _DOCUMENT_NOUNS for c in verb.children) and any(
        c.dep_ in ("dobj", "prep") and c.i > verb.i for c in verb.children
    ):
        return True
    # The object right after the verb: in "reports on the talks and the trade deal" the parser may
    # take a noun of the prepositional phrase for one.
    return lemma in _STANCE_LEMMAS and any(
        c.dep_ == "dobj" and (c.pos_ in ("NOUN", "PROPN") or c.lower_ in ("it", "this", "that")) and c.ent_type_ not in _PERSON_ENTS and c.lemma_.lower() not in _PERSON_NOUNS
        and not any(p.dep_ == "prep" and verb.i < p.i < c.i for p in verb.children)
        for c in verb.children
    )


def _ascribes(verb) -> bool:
    """"attributed the increase to higher traffic", "blamed the loss on weak demand": an active verb
    of ascribing with its object and the phrase that names the cause or source (the parser hangs it
    on the verb or on the object); "credited the account" alone is an act, "was attributed to" nobody's."""
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
    return bool(objects) and not _passive(verb) and any(
        c.dep_ in ("prep", "dative") and c.lower_ in _ASCRIBING_PREPOSITIONS and c.i > objects[0].i and any(g.dep_ in ("pobj", "pcomp") for g in c.children)
        for h in [verb, *objects] for c in h.children
    )


# Verbs of judging that take a small clause ("finds the plan flawed", "considers him a liar"), and
# adjectives of certainty that take a clause ("is convinced that"): closed classes of English grammar.
_JUDGING_LEMMAS = frozenset("find consider deem judge reckon".split())
_CERTAIN_LEMMAS = frozenset("convinced certain sure confident persuaded adamant positive".split())


def _holds_view(verb) -> bool:
    """"Leon finds the proposal flawed", "the minister is convinced that the plan will fail", "the
    union objected to the rules": the subject's view, stated as the sentence's main predicate: a
    verb of judging with a small clause (an object and what it is judged to be), a copula with an
    adjective of certainty and its clause, or "object to" a thing. "found the body in a car", "is
    sure to win" and "objected" alone are events or say nothing of what is held."""
    if not _main_predicate(verb) or _hedged(verb) or any(c.dep_ == "neg" for c in verb.children):
        return False
    lemma = verb.lemma_.lower()
    after = [c for c in verb.children if c.i > verb.i]
    if verb.lower_ in _CERTAIN_LEMMAS and _passive(verb):  # "is convinced the plan will fail", parsed as a passive
        return any(c.dep_ == "ccomp" for c in after)
    if _passive(verb):
        return False
    if lemma in _JUDGING_LEMMAS and verb.pos_ == "VERB":
        # "finds [the proposal flawed]" (a clause with its own subject and no subordinator), or
        # "considers [him] [a liar]" (an object and its predicate).
        # "finds itself constrained" tells the subject's state, not a view of something.
        # The parser may leave the small clause an adjective alone, its subject taken for a compound.
        small = any(
            c.dep_ == "ccomp" and not any(g.dep_ in ("mark", "aux") or g.lower_.endswith(("self", "selves")) for g in c.children)
            and (c.pos_ == "ADJ" or any(g.dep_ == "nsubj" and g.i < c.i for g in c.children))
            for c in after
        )
        return small or any(c.dep_ == "dobj" and not c.lower_.endswith(("self", "selves")) for c in after) and any(c.dep_ in ("oprd", "xcomp") and c.pos_ in ("ADJ", "NOUN") for c in after)
    if lemma == "be":
        return any(c.dep_ == "acomp" and c.lower_ in _CERTAIN_LEMMAS and any(g.dep_ == "ccomp" and g.i > c.i for g in c.children) for c in after)
    return lemma == "object" and any(c.dep_ == "prep" and c.lower_ == "to" and c.i == verb.i + 1 and any(g.dep_ == "pobj" for g in c.children) for c in after)


def _view_holder(verb):
    """The subject of a verb that holds a view; the parser may hang it on the auxiliary of "is convinced"."""
    heads = [verb, *(c for c in verb.children if c.dep_ in ("aux", "auxpass"))]
    return next((c for h in heads for c in h.children if c.dep_ in ("nsubj", "nsubjpass")), None)


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
    if (aside := _subject_before_aside(verb)) is not None:
        return aside
    if verb.dep_ in ("acl", "relcl"):
        return _final_clause_subject(verb)
    return None


# Verbs of going on, whose infinitive is what the subject then does ("went on to add that ..."), a closed class.
_ASPECTUAL_LEMMAS = frozenset("go continue begin start proceed resume".split())


def _after_participle_aside(verb) -> bool:
    """"Bush, asked whether he was glad, replied: ..." : the parser may take a participle set off by
    commas after the subject for the main verb, and the reporting verb after the closing comma for
    its clause. The reporting verb has no subject then; the participle's is its."""
    head, doc = verb.head, verb.doc
    return (
        verb.dep_ == "ccomp" and head.i < verb.i and head.tag_ in ("VBN", "VBD") and head.i > 0 and doc[head.i - 1].text == ","
        and doc[verb.i - 1].text == "," and any(c.dep_ == "nsubj" and c.i < head.i for c in head.children)
    )


def _reports_own_subject(verb, subject) -> bool:
    """"She declined to name bidders but said Mr. X's offer "is all cash"": the parser may take the
    subject of the reported clause for the subject of a reporting verb coordinated after another
    verb ("but said"), leaving the report subjectless. A subject after such a verb, followed by a
    clause of the verb that has no subject of its own, is the report's; the speaker is the first
    verb's subject."""
    return (
        subject.i > verb.i and verb.dep_ == "conj" and any(c.dep_ == "cc" and c.i < verb.i for c in verb.head.children)
        and any(c.dep_ == "ccomp" and c.i > subject.i and not any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in c.children) for c in verb.children)
    )


def _subject_before_aside(verb):
    """"Acme Corp., Oshkosh, Wis., estimated earnings fell 50%": after an aside set off by commas
    the parser may take the reporting verb for an adjective of the noun after it, and make the
    report's verb the sentence's, with the speaker as its subject. The verb opens that noun's phrase
    (no determiner: "the estimated cost" is an adjective) right after the aside's comma, the noun is
    the main verb's subject or in apposition to it, and all between the subject and the verb hangs
    on the subject: the subject speaks, and the main clause is what it reports."""
    doc = verb.doc
    noun = verb.head
    if verb.tag_ not in ("VBD", "VBN") or verb.dep_ != "amod" or noun.i <= verb.i or noun.left_edge.i != verb.i or doc[verb.i - 1].text != ",":
        return None
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    subject = next((c for c in root.children if c.dep_ == "nsubj" and c.i < verb.i and c.pos_ in ("NOUN", "PROPN")), None) if root is not None else None
    if subject is None or subject.i + 1 >= verb.i or doc[subject.i + 1].text != "," or not (noun.head.i == root.i and noun.dep_ == "nsubj" or noun.head.i == subject.i and noun.dep_ == "appos"):
        return None
    if not all(t.is_punct or subject in t.ancestors for t in doc[subject.i + 1 : verb.i]):
        return None
    return subject


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
    # "..., warning Saddam that ...": a participle going on from the main verb is never inverted.
    if verb.i == 0 or verb.tag_ == "VBG" or doc[verb.i - 1].text not in (",", "”", '"', "’", "'", "''", "»") or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    report_first = any(c.dep_ in ("ccomp", "parataxis") and c.i < verb.i for c in verb.children) or verb.dep_ in ("conj", "dep", "parataxis", "advcl", "ccomp") and verb.head.i < verb.i
    # '"No more war," chanted hundreds of children': a quotation closing right before the verb is
    # what it reports, however the parser hung the quoted words (a bare noun phrase as "dep").
    report_first = report_first or bool(quote_count(doc[verb.i - 1].text)) and quote_count(doc[: verb.i - 1].text) % 2 == 1
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
    # An apposition with no comma or dash before it is the parser's cut of a name ("AVON RENT-A-CAR &
    # TRUCK Corp."), no phrase set beside it.
    doc = token.doc
    ends = [
        c.left_edge.i for c in token.children
        if c.i > token.i and (c.dep_ in ("relcl", "acl") or c.dep_ == "appos" and c.left_edge.i > 0 and doc[c.left_edge.i - 1].is_punct)
    ]
    # "Sun, Hewlett-Packard and others say": a comma inside a coordination of the noun joins, not ends.
    joined = {t.i for c in token.children if c.dep_ == "conj" for t in c.subtree}
    words = []
    for t in token.subtree:
        # A comma before the head is inside its modifiers ("The Portland, Ore., thrift").
        # A dash after the head opens an aside ("two steelmakers -- Armco and Intergroup -- said").
        if t.text in (",", "--", "—", "–") and t.i > token.i and t.i + 1 not in joined or ends and t.i >= min(ends):
            break
        words.append(t)
    # "Earlier AT&T announced": an adverb the parser hung on the name says when, not who.
    while len(words) > 1 and words[0].dep_ == "advmod" and words[0].pos_ == "ADV" and not words[0].ent_type_ and words[1].pos_ == "PROPN":
        words.pop(0)
    # "Kalamazoo, Mich.-based First of America": where a named body is based is no part of its name.
    while len(words) > 1 and token.pos_ == "PROPN" and any(_locative(t) for t in words[:-1]) and words.index(token) > max(k for k, t in enumerate(words) if _locative(t)):
        words = words[max(k for k, t in enumerate(words) if _locative(t)) + 1 :]
    # "Shoney's said": an "'s" of the head itself is its name's, not a possessive (it owns nothing).
    own = words[-1].dep_ == "case" and words[-1].head.i == token.i if words else False
    return _clean("".join(t.text_with_ws for t in words), possessive=not own)


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
        # "a group led by three directors, A, B and C": an apposition after a participle names the
        # participle's noun (the parser may hang it on the head), not the speaker; after a relative
        # clause it often names the head ("the group that runs it, UNOS").
        modified = [c.i for c in tok.children if c.dep_ == "acl" and c.tag_ == "VBN" and c.i > tok.i]
        stack.extend(
            c for c in tok.children
            if c.dep_ in ("compound", "flat", "appos", "amod", "det", "nmod", "punct", "cc", "conj") and not (c.dep_ == "appos" and modified and min(modified) < c.i)
        )
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
    if (share := _share_of(subject)) is not None:
        # "In a poll completed Saturday, 69 percent of those polled said ...": a share of people
        # speaks as a figure only the poll measured: the poll the sentence names reports it; with
        # none, the people it counts ("those polled", "voters"), never the bare figure.
        poll = next((t for t in doc if t.pos_ == "NOUN" and t.lemma_.lower() in _POLL_NOUNS and t.i not in {u.i for u in subject.subtree}), None)
        # "those polled": a pronoun's phrase is all of it.
        phrase = _noun_phrase(poll) if poll is not None else _clean("".join(t.text_with_ws for t in share.subtree))
        return Speaker(phrase, "group", index, cue, phrase)
    lower = subject.lower_
    in_sentence = [m for m in _mentions(doc.text, index) if m.start < subject.idx]
    context = before + in_sentence
    for ent in doc.ents:
        # "White House and Republican sources": a coordination is named by its whole phrase.
        if ent.start <= subject.i < ent.end and (whole := _split_name(ent)) is not None:
            return Speaker(_clean(whole.text), "person", index, cue, _noun_phrase(subject))
        if ent.start <= subject.i < ent.end and ent.label_ == "NORP" and subject.tag_ in ("NNS", "NNPS") and subject.pos_ in ("NOUN", "PROPN"):
            # "Cuban Americans said", "the Americans say": people named by their whole phrase, never
            # the bare nationality the tagger marked, which names a broader group.
            return Speaker(_noun_phrase(subject), "group", index, cue, _noun_phrase(subject))
        if ent.start <= subject.i < ent.end and ent.label_ in _PERSON_ENTS | _GROUP_ENTS and not any(c.dep_ == "conj" for c in subject.children):
            # A person named before, whom the tagger took for an organisation here, is a person.
            person = ent.label_ in _PERSON_ENTS or _titled_person(ent) or _known_person(context, ent.text) is not None
            # "Nashua said", after "Nashua Corp.": the short form of a business named before, whatever
            # the tagger took it for, unless a person of that name was named (in full) before.
            if person and len(ent) == 1 and _business(ent.text, context) and not any(m.kind == "person" and m.name != ent.text and _key(m.name) == _key(ent.text) for m in context):
                person = False
            if person and _body_name(ent):
                person = False
            kind: Kind = "person" if person else "organisation"
            return Speaker(_whole_name(ent), kind, index, cue, _noun_phrase(subject))
    naming = _naming_tokens(subject)
    for ent in doc.ents:
        # "the spokesman, John Hale": the name; "several Acme analysts": the plural noun, of which a
        # name in front only says whose.
        # "The Bush administration considers", "a Reagan aide said": a name in front of a common noun says whose.
        modifier = subject.pos_ == "NOUN" and all(t.dep_ == "compound" and t.head.i == subject.i for t in ent if t.head.i not in range(ent.start, ent.end))
        # "Sun, Hewlett-Packard and others say": a coordination is named by its whole phrase.
        if ent.start in naming and ent.label_ in _PERSON_ENTS and not modifier and not any(c.dep_ == "conj" for c in subject.children):
            return Speaker(_whole_name(ent), "person", index, cue, _noun_phrase(subject))
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
        if main is not None and _plural_people(main) and subject.i not in [t.i for t in main.subtree] and (phrase := _group_phrase(main)) is not None:
            return Speaker(phrase, "group", index, cue, _noun_phrase(main))
    if lower == "they" and sentences:
        # "Elian's relatives have fought ... . They have said ...": the plural subject (people or
        # bodies) of the sentence before, by its whole phrase, when no other plural of people there
        # may be who is meant (`group_antecedent`); never a singular name, nor the bare noun of a
        # phrase ("Americans" for "Cuban Americans"). None fits: the outlet's sentence keeps "they said".
        group = group_antecedent(sentences, index, spoken)
        if group is None:
            return OUTLET_SPEAKER
        return Speaker(group[1], "group", group[0], cue, group[1])
    if lower in _PERSON_PRONOUNS and sentences:
        # "He said": the person the discourse is about when that person can speak here (a subject, or
        # someone who spoke), else the person who spoke last; a name the article only talks about
        # (a suspect sought, a victim) is never the speaker. With neither, the pronoun stays as it is.
        person = person_antecedent(sentences, lower, upto=index)
        state = _discourse(tuple(sentences))
        voices = [sp for sp in recent if sp.kind == "person" and state.gender_of(sp.name) in (None, _gender(lower))]
        # An object is a participant who may speak when a person of the other gender is the subject
        # ("Mrs. Ruiz met Paul Berg. He said ..."), not when nobody is ("Police seek X. He said ...").
        participant = person is not None and (person.subject or state.topics[person.sentence] is not None)
        if participant or person is not None and any(_key(sp.name) == _key(person.name) for sp in voices):
            return Speaker(person.name, "person", person.sentence, cue, person.name)
        if voices:
            return dataclasses.replace(voices[0], cue=cue)
        # "Tired of waiting, the pilot Ed Kray is leaving, he said": the one person the report is
        # about, named as its subject before the pronoun (of no other known gender). Two, or none,
        # and the pronoun names nobody: the outlet's sentence keeps its "he said".
        own = {m.name: m for m in in_sentence if m.kind == "person" and m.subject and state.gender_of(m.name) in (None, _gender(lower))}
        if len(own) == 1:
            (only,) = own.values()
            return Speaker(only.name, "person", index, cue, only.name)
        return OUTLET_SPEAKER
    if lower in _PERSON_PRONOUNS | _GROUP_PRONOUNS:
        wanted: Kind = "person" if lower in _PERSON_PRONOUNS else "organisation"
        # A singular name the tagger did not know ("First of Lakeland") is an organisation to "it".
        found = next((sp for sp in recent if sp.kind == wanted or wanted == "organisation" and sp.kind == "group" and re.sub(r"^the ", "", sp.name)[:1].isupper() and not sp.name.endswith("s")), None)
        # A name the article only mentions in passing ("a former Norcom executive") is not who "it" is.
        mention = next((m for m in reversed(context) if m.kind == wanted and m.subject), None)
        # "..., it added": adding is saying more, so "it" is whoever spoke last, not a business the
        # added words are about ("The Continental Baking business benefited ..., it added").
        adds = subject.head.lemma_.lower() == "add"
        if mention is not None and (found is None or mention.sentence > found.sentence and not adds):
            return Speaker(mention.name, mention.kind, mention.sentence, cue, mention.name)
        if found is not None:
            return dataclasses.replace(found, cue=cue)
    elif subject.pos_ == "NOUN" and any(c.lower_ in ("the", "this", "that", "these") for c in subject.children if c.dep_ == "det") and not any(
        c.dep_ in ("amod", "compound", "nummod") for c in subject.children  # "the first official", "the two leaders" say which
    ):
        noun = subject.lower_
        nearer = _nearer_speaker(subject, previous)
        if nearer is not None:  # "One source said A; another source said B. The source said ...": the second
            lemma = nearer.lemma_.lower()
            kind = "person" if nearer.tag_ == "NN" and (lemma in _PERSON_NOUNS or lemma in person_nouns()) else "group"
            return Speaker(_noun_phrase(nearer), kind, index - 1, cue, _noun_phrase(nearer))
        for sp in recent:  # "the officials": the earlier speaker whose phrase has that head noun
            if sp.phrase and subject.lemma_.lower() in _head_lemmas(sp.phrase):
                # The same words as before name the speaker here: this sentence is the one to cite.
                here = index if sp.name.lower() == _noun_phrase(subject).lower() else sp.sentence
                return dataclasses.replace(sp, cue=cue, sentence=here)
        for mention in reversed(context):
            if re.search(rf"\b{re.escape(noun)}\b", mention.name.lower()):
                return Speaker(mention.name, mention.kind, mention.sentence, cue, mention.name)
        if subject.lemma_.lower() in _PERSON_NOUNS and subject.tag_ == "NN":  # "added the president": the person named before; "the lawyers" are not one
            person = next((m for m in reversed(context) if m.kind == "person"), None)
            # Only one the article gave that role ("President Erdogan", "Kaya, the minister"): "the
            # minister" after "Mr. Doyle, an analyst" is someone else, whom the article does not name.
            role = rf"\b{re.escape(subject.lemma_.lower())}"
            if person is not None and (not sentences or re.search(role, sentences[person.sentence].lower())):
                return Speaker(person.name, "person", person.sentence, cue, person.name)
        if subject.lemma_.lower() in _DOCUMENT_NOUNS:  # "the statement said": whoever issued it
            issuer = next((sp for sp in recent if sp.kind == "organisation"), None) or next(
                (Speaker(m.name, m.kind, m.sentence, cue, m.name) for m in reversed(context) if m.kind == "organisation" and (m.subject or m.label == "ORG")), None
            )
            if issuer is not None:
                return dataclasses.replace(issuer, cue=cue)
        elif (named := _named_organisation(subject.lemma_.lower(), recent, context, index, subject.tag_ == "NNS")) is not None:
            return dataclasses.replace(named, cue=cue)
    elif (
        subject.pos_ == "NOUN" and subject.lemma_.lower() in _BUSINESS_NOUNS
        # "The giant foods, tobacco and brewing company": the parse may hang the article on the list (`_true_subject`)
        and any(c.lower_ == "the" for c in [*subject.children, *(subject.head.children if subject.dep_ == "appos" else ())] if c.dep_ == "det")
        and not any(c.dep_ in ("amod", "nummod") and not _locative(c) for c in subject.children)
        and (named := _named_organisation(subject.lemma_.lower(), recent, context, index, subject.tag_ == "NNS")) is not None
    ):
        # "The Dallas oil and gas concern said": nouns in front of a business say what it does, not which.
        return dataclasses.replace(named, cue=cue)
    if subject.tag_ == "PRP" or lower in _PERSON_PRONOUNS | _GROUP_PRONOUNS:
        # A pronoun that points at nobody the article names is no speaker's name: the sentence stays
        # the outlet's, its "they said" kept in the text.
        return OUTLET_SPEAKER
    name = _noun_phrase(subject)
    lemma = subject.lemma_.lower()
    owner = next((c for c in subject.children if c.dep_ == "poss" and c.lower_ in ("his", "her") and c.i == subject.left_edge.i), None)
    if owner is not None and sentences and (person := person_antecedent(sentences, owner.lower_, upto=index, speakers=spoken)) is not None and person.sentence >= index - 2:
        # "His advisers said": whose advisers, as resolve_referents writes a possessive pronoun (the
        # person of the two sentences before that the discourse is about); else the phrase stays.
        rest = name[len(owner.text) :].strip()
        return Speaker(f"{person.name}’s {rest}", "person" if subject.tag_ == "NN" else "group", person.sentence, cue, name)
    # "the author of a pamphlet": one person described, a person to WordNet; "officials" stay a group.
    body = lemma in _ORG_NOUNS or lemma in _BUSINESS_NOUNS
    person = subject.tag_ != "NNS" and (lemma in _PERSON_NOUNS or subject.tag_ == "NN" and lemma in person_nouns() and not body)  # "officials" are a group
    kind = "person" if person else "organisation" if body else "group"
    if any(c.dep_ == "conj" for c in subject.children):
        kind = "group"  # "Yeltsin and Kuchma", "Sun, Hewlett-Packard and others": more than one
    elif subject.pos_ == "PROPN" and _known_person(context, name) is not None:
        kind = "person"  # a person named before, whom the tagger missed (or took for an organisation) here
    return Speaker(name or lower, kind, index, cue, name)


# Nouns of a count of opinions, a closed class beside the documents.
_POLL_NOUNS = frozenset("poll survey census".split()) | _DOCUMENT_NOUNS


def _share_of(subject):
    """"69 percent of those polled", "40% of voters": a measured share of the people in the "of"
    phrase; those people, or None when the subject is no percentage ("hundreds of protesters",
    "a majority of the senators" are counted by nobody in particular: they speak as they are)."""
    of = [g for c in subject.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    share = subject.ent_type_ == "PERCENT" or subject.lemma_.lower() in ("percent", "%")
    return of[0] if of and share else None


def _nearer_speaker(subject, previous: str):
    """The later of two speakers with the subject's head noun in the sentence before ("One GOP
    source said ...; another source said ..."), which "the source" next stands for; None unless the
    sentence before has two such speakers (one is the sentence's own speaker, found otherwise)."""
    if not previous:
        return None
    same = [c.subject for c in _cues(parse(previous)) if c.subject.pos_ == "NOUN" and c.subject.lemma_.lower() == subject.lemma_.lower()]
    if len({t.i for t in same}) < 2:
        return None
    return max(same, key=lambda t: t.i)


# Definite nouns for a business ("the company said" after "Acme Corp. said"), which only a
# business's name stands for, and for other bodies with a name of their own, which one that spoke
# stands for ("the agency said" after "The Federal Aviation Administration announced").
_BUSINESS_NOUNS = frozenset("company firm corporation concern maker carrier airline bank bancorp".split())
_BODY_NOUNS = frozenset("agency union party group".split())
# The closed class of words that end a business's legal name.
_BUSINESS_NAME = re.compile(r"\b(?:Inc|Corp|Co|Cos|Ltd|PLC|plc|AG|SA|NV|N\.V|S\.A|GmbH|LLC|LP|L\.P|Bancorp|Holdings?|Group|Industries|Airlines?|Airways|Bank|Savings)\b")


def _locative(modifier) -> bool:
    """"The Atlanta-based airline", "Ohio-headquartered": a modifier that says where a body is
    based, not which of its kind; a closed class of English compounds."""
    return modifier.lower_.endswith(("based", "headquartered")) and (modifier.lower_ != modifier.lemma_.lower() or "-" in modifier.lower_ or modifier.i > 0 and modifier.doc[modifier.i - 1].text == "-")


def _business(name: str, context: Sequence[_Mention]) -> bool:
    """Whether `name` is a business's: its legal name, or the short form of one named before ("Unisys")."""
    # The first word of the name itself: "the" says nothing of which ("the Big Board", "the Savings Association").
    first = lambda n: next(iter(re.sub(r"(?i)^the\s+", "", n).lower().split()), "")  # noqa: E731
    return bool(_BUSINESS_NAME.search(name)) or any(_BUSINESS_NAME.search(m.name) and first(m.name) == first(name) for m in context)


def _named_organisation(lemma: str, recent: Sequence[Speaker], context: Sequence[_Mention], index: int, plural: bool = False) -> Speaker | None:
    """"Acme Corp. said ... . The company said ...": the organisation the definite noun stands for:
    the nearest earlier organisation that spoke, when it is of that kind, else, for a business, the
    one business the nearest sentence before that names any names. Two there ("Acme agreed to buy
    Zenith Inc.") and which is meant is a guess: none."""
    business = lemma in _BUSINESS_NOUNS
    if not business and lemma not in _BODY_NOUNS:
        return None
    if plural:
        # "the companies said", "the banks said": more than one, never a single name; the named
        # bodies that spoke together last ("Acme and Zenith said ... . The companies said ...").
        together = next((sp for sp in recent if sp.sentence is not None and sp.sentence < index and sp.kind in ("organisation", "group")), None)
        return together if together is not None and " and " in together.name else None
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
def _attributions(sentences: tuple[str, ...], paragraphs: frozenset[int] = frozenset()) -> tuple[Speaker, ...]:
    result: list[Speaker] = []
    before: list[_Mention] = []
    quoted = False
    states = _quote_states(sentences, paragraphs)
    # A transcript marks no quotation: a first person in it is whoever speaks. Written news quotes
    # what people say, so a first person outside its quotation marks is the writer's ("We think the
    # bill should fail" in an editorial), not the last speaker's.
    transcript = not any(quote_count(t) or "‘" in t for t in sentences)
    for index, text in enumerate(sentences):
        open_quote, inside, after = states[index]
        quoted = quoted and open_quote
        previous = result[-1] if result else None
        doc = parse(text)
        cues = _cues(doc)
        introduced = index > 0 and sentences[index - 1].rstrip().endswith(":")
        if open_quote and quoted and not inside:
            # The quotation goes on in a new paragraph that opens on its mark again: a reporting
            # verb inside it is the speaker's words.
            spans = quoted_spans(text)
            closes = spans[0][1] if spans else len(text)
            cues = [c for c in cues if doc[c.token_i].idx > closes or c.subject.lower_ in ("i", "we")]
        elif open_quote and quoted:
            # A sentence inside a quotation that an attributed sentence opened ('A spokesman said:
            # "...'): a reporting verb before the quotation closes is the quoted speaker's words ("If
            # the father comes, the family will say ..."), not the sentence's attribution, which only
            # a verb after the closing mark is. A stray mark that nobody's words follow quotes nothing.
            # "We think" there is still the quoted speaker: the first person is whoever speaks.
            closes = _closing_offset(text)
            cues = [c for c in cues if closes is not None and doc[c.token_i].idx > closes or c.subject.lower_ in ("i", "we")]
        elif introduced and starts_quoted(text) and previous is not None and not previous.is_outlet:
            # The quotation 'X said:' announced: a reporting verb inside it is X's words too.
            spans = quoted_spans(text)
            closes = spans[0][1] if spans else len(text)
            cues = [c for c in cues if doc[c.token_i].idx >= closes or c.subject.lower_ in ("i", "we")]
        # "A task force began work, as officials acknowledged that ...": a report in a subordinate
        # clause of a main clause that reports nothing is no attribution of the sentence.
        cues = [c for c in cues if not _subordinate_report(doc[c.token_i])]
        spans = _quoted_regions(text, inside)
        cues = _unquoted(cues, doc, spans)
        if not transcript:
            cues = [c for c in cues if c.subject.lower_ not in ("i", "we") or any(a < c.subject.idx < b for a, b in spans)]
        elif _unscripted(doc):
            # "Uh, they believe, or at least many of them believe, uh that ...": a transcript's
            # hesitant sentence is someone speaking on air; "they believe" there is their words,
            # not the writer's attribution (a name that speaks still is one).
            cues = [c for c in cues if not _pronominal(c.subject)]
        # "The strategy -- it recently turned a profit -- calls for cuts": the parser may give the verb
        # a subject from inside an aside between dashes, or the aside's verb one from outside.
        asides = _dash_asides(doc)
        cues = [c for c in cues if not any((a <= c.token_i <= b) != (a <= c.subject.i <= b) for a, b in asides)]
        if not cues and not (open_quote and quoted) and (plain := _without_asides(doc)) is not None:
            # "X called Y -- who did Z -- a 'ruffian'", "X, who ..., called the reaction 'justified'":
            # an aside set off by dashes or commas may break the parse of the clause around it.
            # The sentence without it, parsed again, may show its speaker; the aside never does.
            doc = parse(plain)
            cues = [c for c in _cues(doc) if doc[c.token_i].dep_ == "ROOT" and not _subordinate_report(doc[c.token_i])]
            cues = [c for c in cues if not any(a < doc[c.token_i].idx < b for a, b in quoted_spans(plain))]
        if not cues and not (open_quote and quoted) and (opening := _opening_report(text)) is not None:
            doc, cues = opening[0], [opening[1]]
        if cues:
            # The speaker of the main clause: the cue whose verb is the root, else the first one; "X
            # disclosed a stake, according to Y": the source the article names for it.
            # "After X announced A, they note, B happened": a reporting clause set in the main clause
            # frames it; a report inside its adverbial clause only says when.
            cue = next((c for c in cues if doc[c.token_i].dep_ == "ROOT"), None) or next(
                (c for c in cues if doc[c.token_i].dep_ == "parataxis" and doc[c.token_i].head.dep_ == "ROOT"), cues[0]
            )
            # "A said X; B called it Y": a report before a stance is the sentence's first say.
            cue = next((c for c in cues if c.cue == "according to"), None) or next((c for c in cues if not c.stance and c.token_i < cue.token_i), cue) if cue.stance else cue
            if cue.stance and _beside_own_clause(doc[cue.token_i], cues):
                # "His kidnappers demanded a ransom, but negotiations broke off": a stance reports no
                # content, and a clause with its own subject beside it is the article's account.
                speaker = OUTLET_SPEAKER
            else:
                speaker = _speaker_of(cue.subject, doc, index, before, result, cue.cue, sentences[index - 1] if index else "", sentences)
        elif (open_quote or _all_quoted(text)) and previous is not None and not previous.is_outlet and previous.cue != "outlet":
            speaker = dataclasses.replace(previous, cue="quote continues")
        elif transcript and previous is not None and not previous.is_outlet and _first_person(doc, previous):
            # A broadcast transcript's soundbite: "Mr. Potach says the growth is surprising." then
            # "We in fact have seen ...", with no quotation marks. The first person is whoever spoke
            # last, not the outlet; with nobody speaking before, it stays the outlet's (an anchor's "we").
            speaker = dataclasses.replace(previous, cue="quote continues")
        else:
            speaker = OUTLET_SPEAKER
        result.append(speaker)
        # Opened by an attributed sentence, or as a sentence that is all quotation with nobody named
        # (a transcript's); not by a stray mark in a sentence taken to continue an earlier quotation.
        # A quotation that 'X said:' announced is X's own, as if X's sentence had opened it.
        opens = not speaker.is_outlet and (speaker.cue != "quote continues" or introduced) or speaker.is_outlet and starts_quoted(text)
        quoted = quoted if open_quote else after and opens
        before.extend(_mentions(text, index))
    if transcript and paragraphs:
        result = _soundbites(sentences, sorted(paragraphs), result)
    return tuple(_quotes_carry_their_speaker(result, states))


def _beside_own_clause(verb, cues: list[_Cue]) -> bool:
    """Whether the main verb has a coordinated clause with a subject of its own that no cue reports
    ("demanded a ransom, but negotiations broke off")."""
    reporting, doc = {c.token_i for c in cues}, verb.doc
    # Set off by a comma and a conjunction (", but"): an "and" inside a long object may be a misparse.
    joined = {c.i for c in verb.children if c.dep_ == "cc" and c.i > 0 and doc[c.i - 1].text == ","}
    return verb.dep_ == "ROOT" and any(
        c.dep_ == "conj" and c.i > verb.i and c.i not in reporting and c.left_edge.i - 1 in joined and any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in c.children)
        for c in verb.children
    )


def _pronominal(subject) -> bool:
    """A subject that is a pronoun, or a share of one ("many of them")."""
    of = [g for c in subject.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    return subject.tag_ == "PRP" or subject.pos_ == "PRON" and not subject.ent_type_ or any(g.tag_ == "PRP" for g in of)


@cached()
def _unscripted(doc) -> bool:
    """A sentence with a hesitation ("uh") or a false start ("equal to r- the right"): speech on air."""
    return any(t.lower_ in _FILLERS or re.fullmatch(r"[a-z]{1,3}-", t.text) is not None for t in doc)


def _soundbites(sentences: Sequence[str], starts: list[int], result: list[Speaker]) -> list[Speaker]:
    """A broadcast transcript marks a recorded soundbite only by a paragraph of its own that the
    reporter's sentence before it introduces ("She says security is better, but everything else is
    worse." then "Women do not become victims of armed attack, but ..."): a paragraph that
    attributes nothing and names no person as who speaks or acts (a reporter's narration or
    sign-off does), after a paragraph whose last sentence a person says, is that person's."""
    # Written news with no quotation marks (a wire's notice, an earnings report) is narration
    # throughout: only copy spoken on air, with a hesitation or a false start somewhere, or with no
    # figure written in digits (a script spells them out), has soundbites.
    if not any(_unscripted(parse(t)) for t in sentences) and any(re.search(r"\d", t) for t in sentences):
        return list(result)
    said, result = result, list(result)
    bounds = [0, *starts, len(sentences)]
    for a, b in zip(bounds[1:-1], bounds[2:]):
        last = said[a - 1]  # reported there, not a soundbite itself: one soundbite introduces no other
        if last.is_outlet or last.kind != "person" or last.cue == "quote continues" or not a < b:
            continue
        own = all(sp.is_outlet or sp.cue == "quote continues" and sp.name == last.name for sp in said[a:b])
        if own and not any(m.kind == "person" and m.subject for k in range(a, b) for m in _mentions(sentences[k], k)):
            for k in range(a, b):
                result[k] = dataclasses.replace(last, cue="quote continues")
    return result


def _quote_states(sentences: Sequence[str], paragraphs: frozenset[int]) -> list[tuple[bool, bool, bool]]:
    """Per sentence: whether a quotation goes on into it, whether its first words are inside that
    quotation, and whether one is open after it. News style leaves a quotation's closing mark out at
    a paragraph's end and opens the next paragraph on a mark when the quotation goes on there: a new
    paragraph on no mark ended it. Within a paragraph, a sentence that opens on a mark while one is
    open opens a new quotation: the one before was left unclosed (a headline quoted, a lost mark)."""
    states, open_quote = [], False
    for index, text in enumerate(sentences):
        starts = starts_quoted(text)
        if open_quote and (starts != (index in paragraphs)):
            open_quote = False
        inside = open_quote and not starts
        after = quote_open_after(text, inside)
        states.append((open_quote, inside, after))
        open_quote = after
    return states


from .transcripts import FILLERS as _FILLERS  # noqa: E402  (hesitations: factcheck/transcripts.py)


def _opening_report(text: str):
    """'Replied spokesman Richard Boucher, "We have not ..."', 'Said Ms. Kay: "..."': an inverted
    report that opens the sentence, whose capitalised verb the tagger takes for a name. Read with
    the verb in lower case, a reporting verb first, its speaker right after and a quotation after
    the comma or colon that ends the speaker's phrase: (the parse, the cue), else None."""
    if not text[:1].isupper() or not quote_count(text):
        return None
    doc = parse(text[:1].lower() + text[1:])
    verb = doc[0]
    if verb.dep_ != "ROOT" or verb.pos_ != "VERB" or verb.lemma_.lower() not in REPORTING_LEMMAS:
        return None
    speaker = next((c for c in verb.children if c.dep_ in ("dobj", "nsubj", "attr") and c.i > 0), None)
    if speaker is None or speaker.pos_ not in ("PROPN", "NOUN") or speaker.left_edge.i != 1:
        return None
    after = speaker.right_edge.i + 1
    if after + 1 >= len(doc) or doc[after].text not in (",", ":") or not starts_quoted(doc[after + 1 :].text):
        return None
    return doc, _Cue(verb.i, speaker, verb.lower_)


_DASHES = ("--", "—", "–")


def _unquoted(cues: list[_Cue], doc, spans: list[tuple[int, int]]) -> list[_Cue]:
    """The cues that attribute the sentence, given its quotations' `spans`: '"The engineers said the
    levee was safe."': a reporting verb inside quotation marks is the quoted speaker's words (a first
    person there is that speaker); '"If you find healthy companies, they are not for sale," said X':
    nor is a subject inside the quotation the speaker of a verb outside it (the parser may give
    "said" two subjects)."""
    within = lambda tok: any(a < tok.idx < b for a, b in spans)  # noqa: E731
    return [c for c in cues if (c.subject.lower_ in ("i", "we") or not within(doc[c.token_i])) and (within(doc[c.token_i]) or not within(c.subject))]


@cached()
def _dash_asides(doc) -> list[tuple[int, int]]:
    """The token spans (first, last, dashes included) of the stretches set between two dashes."""
    dashes = [t.i for t in doc if t.text in _DASHES]
    return list(zip(dashes[::2], dashes[1::2]))


@cached()
def _without_asides(doc) -> str | None:
    """The sentence without its asides, or None when it has none: a stretch between two dashes, and
    a relative clause or apposition set off by commas ("Mr. Doyle, who trimmed his forecast,")."""
    drop: set[int] = set()
    for a, b in _dash_asides(doc):
        drop.update(range(a, b + 1))
    for t in doc:
        if t.dep_ in ("relcl", "appos") and t.head.i < t.i:
            first, last = t.left_edge.i, t.right_edge.i
            if first > 0 and doc[first - 1].text == "," and last + 1 < len(doc) and doc[last + 1].text == ",":
                drop.update(range(first - 1, last + 1))
    if not drop:
        return None
    return "".join(t.text_with_ws for t in doc if t.i not in drop).strip()


def _quoted_regions(text: str, open_before: bool) -> list[tuple[int, int]]:
    """The quotations of `text` as (start, end) offsets; a quotation open before it ('Just clobbered,"
    said X.') runs from before its start to its closing mark."""
    if not open_before:
        return quoted_spans(text)
    closes = _closing_offset(text)
    if closes is None:
        return [(-1, len(text))]
    return [(-1, closes), *((a + closes, b + closes) for a, b in quoted_spans(text[closes:]))]


def _all_quoted(text: str) -> bool:
    """A sentence that is a quotation: it opens on the mark and the quotation runs to its end or past
    it. '"Transition" is a reference to ...' only quotes a word of its own narration."""
    if not starts_quoted(text):
        return False
    spans = quoted_spans(text)
    return not spans or not re.search(r"\w", text[spans[0][1] + 1 :].lstrip("'’`"))


def _subordinate_report(verb) -> bool:
    """A reporting verb in an adverbial clause opened by a subordinating conjunction ("as",
    "while", "after") or a wh-adverb ("when") that hangs on the main verb, itself no reporting verb,
    before the report; or coordinated with such a clause with no subject of its own ("The row took
    a turn when X called Y a liar and said ...": the parser hangs "said" on the main verb)."""
    if verb.dep_ == "parataxis" and not any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in verb.children):
        return False  # "Once he saw it, he said, but before ..., he sought approval": a bare "he said" set in the sentence frames all of it
    if any(_subordinate_clause(t) for t in [verb, *verb.ancestors]):  # and what such a report reports ("after police said they believe ...")
        return True
    if verb.dep_ != "conj" or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return False
    joint = next((c.i for c in verb.head.children if c.dep_ == "cc" and c.i < verb.i), verb.left_edge.i)
    return any(c.dep_ == "advcl" and c.i < verb.i and c.right_edge.i + 1 >= joint and _subordinate_clause(c) for c in verb.head.children)


def _subordinate_clause(t) -> bool:
    """An adverbial clause of a main verb that reports nothing, opened by a subordinator, after the
    main verb or before it ("Although the ministry said the talks would resume, the rebels attacked
    the convoy": the main clause, with its own subject, is the article's account, the report only
    its background); not a comment on the main clause ("As officials said, the bridge will reopen")."""
    if t.dep_ != "advcl" or t.head.dep_ != "ROOT" or _comment_clause(t):
        return False
    # A main verb that reports frames the clause too; before it, it must report something, a clause
    # or an infinitive ("Although they insist ..., officials expect the curfew to last a month"), not
    # a plain object ("Because X made clear that ..., investors disregarded the gains").
    if _speech_verb(t.head) and (t.head.i < t.i or _reports_clause(t.head) or any(c.dep_ == "xcomp" for c in t.head.children)):
        return False
    if not any(c.dep_ == "mark" and c.tag_ == "IN" or c.dep_ == "advmod" and c.tag_ == "WRB" and c.i < t.i for c in t.children):
        return False
    # Fronted, it must end before the main clause's own subject begins.
    return t.head.i < t.i or any(c.dep_ in ("nsubj", "nsubjpass", "expl") and c.left_edge.i > t.right_edge.i for c in t.head.children)


# Verbs of foresight, a closed class: "As the minister predicted, prices rose" tells that the article
# finds the forecast came true; the rise is the article's own account, not the minister's.
_FORESEEING_LEMMAS = frozenset("predict forecast foresee foretell warn expect anticipate project estimate fear suspect hope".split())


def _comment_clause(verb) -> bool:
    """"As officials said last week, the bridge will reopen", "..., as the correspondent reports": a
    reporting verb after "as" with a subject and nothing of its own to report (no clause, no object)
    says who tells the main clause it comments on: its subject is that clause's speaker. Not a
    forecast or a promise borne out ("As the minister predicted, prices rose")."""
    lemma = verb.lemma_.lower()
    return (
        verb.dep_ == "advcl" and verb.head.dep_ == "ROOT" and verb.pos_ == "VERB" and lemma in _speech_lemmas()
        and lemma not in _FORESEEING_LEMMAS | _COMMITTING_LEMMAS and _wordnet_reporting().get(lemma) != "reckon"
        and any(c.dep_ == "mark" and c.lower_ == "as" and c.i < verb.i for c in verb.children)
        and any(c.dep_ == "nsubj" for c in verb.children)
        and not any(c.dep_ in ("ccomp", "xcomp", "parataxis", "attr", "oprd", "acomp") or c.dep_ in ("dobj", "dative") and verb.lemma_.lower() != "tell" for c in verb.children)
    )


# Conjunctions that set a clause against the one before ("X said A, while B waited").
_CONTRAST_MARKS = frozenset("while whereas whilst".split())


def _contrast_clause(tok) -> bool:
    """A clause with its own subject set against the one it follows by "while"/"whereas" ("X said
    the bridge would reopen, while residents were impatient"): the parser hangs it on the reported
    clause, but a reporting verb before it reports only that clause, not the contrast the article draws."""
    return (
        tok.dep_ == "advcl" and tok.head.i < tok.i and tok.left_edge.i > 0 and tok.doc[tok.left_edge.i - 1].text == ","
        and any(c.dep_ == "mark" and c.lower_ in _CONTRAST_MARKS for c in tok.children)
        and any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in tok.children)
        # "said it will sell 1.8 million, while its partner will sell the rest": a plan or forecast
        # beside the reported one is the speaker's too; only the speaker could tell it.
        and not any(c.dep_ == "aux" and c.tag_ == "MD" for c in tok.children)
    )


def _first_person(doc, speaker: Speaker) -> bool:
    """A sentence, outside quotation marks, that `speaker` may be saying: a first-person pronoun
    ("we", "our", "us" for anyone, "I", "me", "my" for a person) or a hesitation ("uh") of an
    interviewee speaking unscripted."""
    quoted = quoted_spans(doc.text)
    if any(e.label_ in _PERSON_ENTS and not any(a <= e.start_char < b for a, b in quoted) for e in doc.ents):
        return False  # "For The World, I'm Nancy Marshall": a person the sentence names may be who speaks
    words = {"we", "us", "our"} | ({"i", "me", "my"} if speaker.kind == "person" else set())
    # In the main clause: "the Web site, which we have read, lists ..." is a writer's aside in plain prose.
    return any(
        (t.lower_ in words and t.pos_ == "PRON" or t.lower_ in _FILLERS and speaker.kind == "person") and not any(a <= t.idx < b for a, b in quoted)
        and not any(a.dep_ in ("relcl", "acl") for a in [t, *t.ancestors])
        for t in doc
    )


def _closing_offset(text: str) -> int | None:
    """Where the quotation open at the start of `text` closes in it, or None when it runs on. A
    quotation that opens first ('Replied X, “We ...') says the old one closed unmarked (wire copy
    forgets closing marks): nothing of `text` is in it."""
    first = next(iter(_quote_marks(text)), None)
    if first is None:
        return None
    at, length, role = first
    return 0 if role == "open" else at + length


def _quotes_carry_their_speaker(result: list[Speaker], states: list[tuple[bool, bool, bool]]) -> list[Speaker]:
    """'“We are ready. We will win,” he said.': a quotation that opens in one sentence with no
    attribution of its own and closes sentences later on "he said" is his from its first sentence."""
    result = list(result)
    opened_at = None
    for index, (open_quote, _, after) in enumerate(states):
        if not open_quote:
            opened_at = None  # ended, marked or not
        if not open_quote and after:
            own = result[index]
            opened_at = index if own.is_outlet or own.cue == "quote continues" else None
        elif open_quote and not after and opened_at is not None:
            closer = result[index]
            if not closer.is_outlet and closer.cue != "quote continues":
                for k in range(opened_at, index):
                    result[k] = dataclasses.replace(closer, cue="quote continues")
            opened_at = None
    return result


def attributions(sentences: Sequence[str], paragraphs: Sequence[int] = ()) -> list[Speaker]:
    """The speaker of each sentence, in order (a quotation and its pronouns need what came before).
    `paragraphs`: the indices of the sentences that open a new paragraph (`Article.paragraph_starts`), when
    the article has paragraphs: a quotation goes on into a new paragraph only if it opens on a mark."""
    return list(_attributions(tuple(sentences), frozenset(paragraphs)))


def attribute(sentences: Sequence[str], index: int, clause: str | None = None, paragraphs: Sequence[int] = ()) -> Speaker:
    """The speaker of sentence `index`, or of one `clause` of it when the clause has its own
    reporting verb ("X said A, while Y said B")."""
    speakers = attributions(sentences, paragraphs)  # the whole article: a quotation's speaker may come after it
    if clause is not None and clause.strip() != sentences[index].strip():
        doc = parse(sentences[index])
        start = sentences[index].find(clause)
        if start >= 0:
            inside = _quote_states(tuple(sentences), frozenset(paragraphs))[index][1]
            own = [c for c in _unquoted(_cues(doc), doc, _quoted_regions(sentences[index], inside)) if start <= doc[c.token_i].idx < start + len(clause)]
            if own:
                before = [m for i, s in enumerate(sentences[:index]) for m in _mentions(s, i)]
                return _speaker_of(own[0].subject, doc, index, before, speakers[:index], own[0].cue, sentences[index - 1] if index else "", sentences)
            inside = [t for t in doc if start <= t.idx < start + len(clause) and not t.is_punct]
            # "X said A, while B was impatient": B is the article's; not inside a quotation, nor
            # under "according to X", which covers the whole sentence.
            outside = speakers[index].cue not in ("quote continues", "according to") and not any(a <= start < b for a, b in quoted_spans(sentences[index]))
            if outside and inside and any(_contrast_clause(t) for t in [inside[0].head, *inside[0].head.ancestors] if t.idx >= start):
                return OUTLET_SPEAKER
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
    frame = _frame_of(doc, start, end, cues)
    if frame is None:
        return text  # "X said A; B": B is no part of what X said, and "X said that B" would state it is
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
    # The sentence's own reporting verb ("added", "says"), so the frame is the article's word: the one
    # that reports the clause, else the main clause's ("X said A, adding that B": "said").
    main = doc[next((c for c in cues if doc[c.token_i].dep_ == "ROOT"), cues[0]).token_i]
    said = next((v for v in (doc[frame.token_i], main) if v.tag_ in ("VBD", "VBZ", "VBP") and v.lemma_.lower() in REPORTING_LEMMAS), None)
    if said is None:
        return f"{_capitalise(speaker.name)} said that {body}"
    # "told reporters", "warned investors": the one told goes with the verb ("X told that B" is no English)
    # ("told him": a pronoun would dangle, so the verb is "said")
    told = next((c for c in said.children if (c.dep_ == "dative" or c.dep_ == "dobj" and said.lemma_.lower() in _TELL)
                 and c.pos_ in ("NOUN", "PROPN", "PRON") and c.i > said.i and not start <= c.idx < end), None)
    if told is None:
        verb = said.lower_
    elif told.tag_ in ("PRP", "PRP$"):
        verb = "said"
    else:
        verb = f"{said.lower_} {doc[told.left_edge.i : told.right_edge.i + 1].text}"
    return f"{_capitalise(speaker.name)} {verb} that {body}"


# Verbs of telling whose object is the one told ("told reporters"), a closed class of English.
_TELL = frozenset("tell inform assure remind warn notify advise brief persuade convince".split())


def reporting_frame(sentence: str, at: int) -> tuple[str, str] | None:
    """Who the sentence makes say the words at character `at`, as (speaker, cue): ("the officials",
    "said") for "A, the officials said," / "The officials said A" / "A, said the officials", and
    ("the Daily Planet", "according to") for "According to the Daily Planet, A"; None when the
    words are the writer's own. What a verb reports is its complement, or, for a report set in or
    after a clause ("A, X said"), that clause, less a relative clause set off by a comma, the writer's
    background ("said he would seek a host for his site, which was the focus of a trial");
    "according to X" frames the whole clause it hangs on. The speaker is the phrase as written,
    a pronoun included (the caller decides whether it can stand alone)."""
    doc = parse(sentence)
    token = next((t for t in doc if t.idx <= at < t.idx + len(t) or t.idx >= at), None)
    if token is None:
        return None
    # "according to X" frames its whole clause; a verb's report leaves out the writer's background
    background = {t.i for r in doc if r.dep_ == "relcl" and r.left_edge.i > 0 and doc[r.left_edge.i - 1].text == ","
                  for t in r.subtree}
    for cue in _cues(doc):
        verb = doc[cue.token_i]
        if cue.stance or (cue.cue != "according to" and token.i in background):
            continue  # "denied the charges": a position on an object, no clause reported
        own = {t.i for t in verb.subtree} if cue.cue != "according to" else {t.i for t in doc[verb.i + 1].subtree} | {verb.i}
        if cue.cue == "according to":
            scope = {t.i for t in verb.head.subtree} - own
        else:
            scope = {t.i for c in verb.children if c.dep_ in ("ccomp", "parataxis", "xcomp") for t in c.subtree}
            if verb.dep_ in ("parataxis", "ccomp") and verb.head.i != verb.i and not _speech_verb(verb.head):
                scope |= {t.i for t in verb.head.subtree} - own  # "A, the officials said," / "X, police said, did A"
            if verb.dep_ in ("amod", "compound"):
                scope |= {t.i for t in doc if t.i > verb.i}  # "Acme estimated earnings fell", a misparse: the rest
            scope |= {t.i for c in _misparsed_report(verb) for t in c.subtree}
        if token.i not in scope:
            continue
        speaker = _speaker_phrase(cue.subject, verb, cue.cue != "according to")
        if cue.cue == "according to":
            return speaker, "according to"
        # the verb with its auxiliaries and negation ("is suggesting", "did not say"), as written; a
        # participle ("..., warning X that ...") is no verb to end a sentence on: "said"
        words = [t for t in verb.children if t.dep_ in ("aux", "auxpass", "neg") and t.i < verb.i] + [verb]
        if verb.tag_ == "VBG" and len(words) == 1:
            return speaker, "said"
        # "told reporters": the one told goes with the verb ("X told." is no English); "told him"
        # would leave a pronoun that points nowhere: "said".
        told = next((c for c in verb.children if (c.dep_ == "dative" or c.dep_ == "dobj" and verb.lemma_.lower() in _TELL)
                     and c.i > verb.i and c.i not in scope and c.pos_ in ("NOUN", "PROPN", "PRON")), None)
        if told is not None and told.tag_ in ("PRP", "PRP$"):
            return speaker, " ".join(t.text for t in words[:-1]) + (" say" if words[:-1] else "said")
        if told is not None:
            return speaker, " ".join(t.text for t in words) + " " + doc[told.left_edge.i : told.right_edge.i + 1].text
        return speaker, " ".join(t.text for t in words)
    return None


def _speaker_phrase(subject, verb, apposed_comma: bool = True) -> str:
    """The words that name the speaker where they speak, as written: the subject's phrase with its
    titles and appositions ("Defense Secretary William Cohen", "William Cohen, the defense
    secretary,"; with `apposed_comma`, the comma that closes an apposition, which the verb needs
    after it), not a clause set off by a comma ("Cohen, who visited Cairo," tells of something
    else), nor anything across the verb (a misparse may hang the report on the subject: "Acme, of
    Ohio, estimated earnings fell")."""
    doc = subject.doc
    side = (lambda t: t.i < verb.i) if subject.i < verb.i else (lambda t: t.i > verb.i)
    aside = {t.i for c in subject.subtree if c.dep_ in ("relcl", "acl") and c.left_edge.i > 0 and doc[c.left_edge.i - 1].text == "," for t in c.subtree}
    words = [t for t in subject.subtree if side(t) and t.i not in aside]
    # One stretch from the phrase's first word: a word past a gap (the cut clause) is no longer it.
    run = words[:1]
    for w in words[1:]:
        if w.i != run[-1].i + 1:
            break
        run.append(w)
    while run and (run[-1].is_punct or run[-1].dep_ in ("cc", "prep")):
        run.pop()
    if not run:
        return subject.text
    phrase = doc[run[0].i : run[-1].i + 1].text
    # A comma that sets off an apposition or an aside inside the phrase is closed by the comma the
    # article writes after it; not one of a place ("The Portland, Ore., thrift") or a list.
    opening = [t for t in run if t.text == "," and 0 < t.i < len(doc) - 1 and not _place_comma(doc[t.i - 1], doc[t.i + 1]) and _phrase_head(doc[t.i + 1]).dep_ != "conj"]
    closed = run[-1].i + 1 < len(doc) and doc[run[-1].i + 1].text == ","
    return phrase + "," if apposed_comma and opening and closed else phrase


def _place_comma(before, after) -> bool:
    """Whether a comma between `before` and `after` is one inside a place's name: after a place or
    before or after a state's abbreviation ("Portland, Ore.,", "Kearny, N.J.-based"), not after a
    business's ("Acme Inc., Dayton,")."""
    abbreviation = lambda t: bool(re.match(r"^[A-Z][A-Za-z]*\.", t.text)) and t.ent_type_ not in ("ORG", "PERSON", "NORP")  # noqa: E731
    return before.ent_type_ == "GPE" or abbreviation(before) or abbreviation(after)


def _phrase_head(tok):
    while tok.dep_ in ("compound", "flat", "amod", "det", "nummod", "poss") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _frame_of(doc, start: int, end: int, cues: list[_Cue]) -> _Cue | None:
    """The cue that reports the clause at characters [start, end) of the parsed sentence: a
    reporting verb the clause hangs under as (part of) its complement ("X said A and that B",
    "..., adding that B"), or "according to X" on the sentence; None when the clause is only
    set beside the report ("X said A; B", "X said A, while B" with B the parser's conjunct of "said")."""
    inside = [t for t in doc if start <= t.idx < end and not t.is_punct]
    heads = [t for t in inside if not start <= t.head.idx < end or t.head.i == t.i]
    if not heads:
        return None
    # A semicolon ends what a verb before it reports, whatever the parser hung after it.
    after_semicolon = doc.text[:start].rstrip().endswith(";")
    for cue in cues:
        verb = doc[cue.token_i]
        if cue.cue == "according to":
            return cue
        if after_semicolon and verb.idx < start:
            continue
        tok, reported = heads[0], False
        while tok.i != verb.i and tok.head.i != tok.i and not _contrast_clause(tok):  # spaCy makes a new Token per access: compare indices
            reported = reported or tok.dep_ in ("ccomp", "xcomp")
            tok = tok.head
        if tok.i == verb.i and reported:
            return cue
        # "A, the agency said": the report is set in the clause it reports.
        if verb.dep_ in ("parataxis", "advcl", "ccomp") and verb.head.i in {h.i for h in heads}:
            return cue
    return None


# --- helpers shared with factcheck/referents.py ----------------------------------------------------


def _first_word(doc) -> int:
    return next((t.i for t in doc if not t.is_punct), 0)


def _capitalise(text: str) -> str:
    text = text.strip()
    for i, ch in enumerate(text):
        if ch.isalpha():
            return text[:i] + ch.upper() + text[i + 1 :]
    return text


def _definite(name: str) -> str:
    """The antecedent as a pronoun's stand-in: an indefinite phrase made definite ("a duty officer
    said he" -> "the duty officer"), since "a duty officer" said again would bring in a second one."""
    m = re.match(r"(?i)(a|an|one|another)\s+(?=\w)", name)
    if m is None:
        return name
    return ("the other " if m.group(1).lower() == "another" else "the ") + name[m.end() :]

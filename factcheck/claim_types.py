"""What kind of claim a clause is, and how a reader would verify it, read from its structure.

- `claim_types(clause, speaker)`: the types the clause's structure allows, code's choice first.
- `verify_for(kind, speaker, clause)`: what to check and where, from templates.

The word lists are closed classes of English (modals, verbs of stance, forecast and purpose, nouns of
rules and documents) and the heads of its scales of value, widened through the shipped WordNet lexicon
(factcheck/faithfulness.py `lexicon`); never words taken from an article.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal

from .article import quoted_spans
from .attribution import _GROUP_PRONOUNS, _PERSON_PRONOUNS, OUTLET, OUTLET_SPEAKER, REPORTING_LEMMAS, Speaker, _clean, _speech_lemmas, voiced_clause
from .faithfulness import lexicon
from .nlp import cached, parse
from .wordlists import group_nouns, number_nouns, owned_nouns, person_nouns, possession_nouns, read_as_figure, shell_nouns

# --- claim types ----------------------------------------------------------------------------------

ClaimType = Literal["statistic", "quote", "event", "causal", "prediction", "opinion"]

# Nouns of rules and records: what they require, or what a record holds, is checkable.
_RULE_NOUNS = frozenset(
    """law act bill rule regulation statute decree order treaty agreement constitution code
    requirement policy ordinance directive ruling contract legislation guideline amendment charter
    protocol covenant pact accord""".split()
)
# Those a legislature, a government or a treaty between states lays down, kept in a register (not a
# deal between parties).
_LAW_NOUNS = frozenset(
    """law act bill rule regulation statute decree order constitution code requirement ordinance
    directive legislation guideline amendment charter measure treaty protocol covenant""".split()
)
# Texts that set out terms without laying down the law: what "would" happen under a plan, a
# proposal or an offer is what its text provides ("Under the plan, creditors would receive ...",
# "the measure would raise the minimum wage"). A closed class of English.
_TERMS_NOUNS = frozenset("plan proposal terms offer deal bid measure settlement package".split())
_STANCE_VERBS = frozenset("believe think feel hope fear consider doubt suspect wish".split())
_FORECAST_VERBS = frozenset("expect forecast predict project anticipate estimate".split())
_HEDGE_MODALS = frozenset("could might may would".split())
_CAUSE_VERBS = frozenset("cause blame trigger spark attribute".split())
# Adjectives of value: what is good or bad, right or wrong, needed or not, judged rather than
# described ("independent", "sole", "profitable" describe). The heads of English's evaluative
# scales, general words, none taken from an article; the shipped WordNet lexicon adds their
# synonyms and the satellites whose head is one ("vital" under "indispensable").
_RIGHTNESS = frozenset(
    """right wrong correct incorrect wise unwise foolish fair unfair just unjust proper improper
    appropriate inappropriate reasonable unreasonable sensible prudent imprudent responsible
    irresponsible mistaken misguided shameful disgraceful admirable commendable justified
    unjustified""".split()
)
_VALUE_ADJECTIVES = _RIGHTNESS | frozenset(
    """good bad better worse best worst necessary unnecessary important unimportant essential vital
    crucial acceptable unacceptable effective ineffective useful useless valuable worthless
    excellent terrible awful poor helpful harmful beneficial reckless honest dishonest ethical
    unethical moral immoral absurd ridiculous flawed outrageous deplorable laudable welcome
    unwelcome attractive unattractive desirable undesirable disappointing encouraging surprising
    unsurprising logical illogical okay troubling disturbing alarming appalling atrocious capable
    incapable competent incompetent
    reliable unreliable credible trustworthy indispensable dispensable invaluable""".split()
)
# What a report's own voice may name plainly ("took the necessary steps", "its best quarter since
# 1990", "a capable crew"): on the object of its verb, only the rest of the scale is a verdict
# ("relied on flawed presumptions", "an unfair tax").
_PLAIN_IN_NEWS = frozenset(
    """good bad better worse best worst necessary important essential vital crucial welcome capable
    competent reliable credible effective useful valuable indispensable invaluable""".split()
)
_VERDICTS = _VALUE_ADJECTIVES - _PLAIN_IN_NEWS
_CAUSE_MARKERS = ("because", "due to", "as a result", "result of", "led to", "lead to", "leads to", "thanks to", "resulted in", "owing to")


@lru_cache(maxsize=4)
def _value_senses(words: frozenset[str]) -> frozenset[int]:
    table = lexicon()
    return frozenset().union(*(table.sets(w) for w in words))


def _evaluative(word: str, scale: frozenset[str] = _VALUE_ADJECTIVES) -> bool:
    """Whether an adjective judges: one of the scale's words, a synonym of one, or a satellite whose
    head is one ("sound" for "wise"), by the lexicon."""
    word = word.lower()
    if word in scale:
        return True
    entry = lexicon().entry(word)
    return bool((entry.senses | entry.broader) & _value_senses(scale))


def _judging_adverb(tok) -> bool:
    """"ruled correctly", "wisely rejected", "unfairly singled out": a manner adverb made from an
    adjective of rightness judges the act it modifies (not "badly damaged", "seriously hurt", which
    measure it)."""
    word = tok.lower_
    if tok.pos_ != "ADV" or not word.endswith("ly") or len(word) < 5:
        return False
    bases = {word[:-2], word[:-2] + "e", word[:-3] + "le", word[:-3] + "y"}  # wisely, reasonably, happily
    return any(_evaluative(b, _RIGHTNESS) for b in bases if len(b) > 2)


def _verb_is(tok, verbs: frozenset[str]) -> bool:
    """A closed-class verb, whatever its form: the lemmatiser reads "hopes" as "hop"."""
    if tok.lemma_.lower() in verbs:
        return True
    word = tok.lower_
    forms = {word}
    if word.endswith(("s", "d")):
        forms |= {word[:-1], word[:-2]}  # hopes, hoped; aims, aimed
    if word.endswith("ing"):
        forms |= {word[:-3], word[:-3] + "e"}  # aiming, hoping
    return tok.pos_ in ("VERB", "AUX") and bool(forms & verbs)


def _content_head(doc):
    """The verb that carries the clause's content: 'X said that Y rose' -> 'rose'."""
    root = next((t for t in doc if t.dep_ == "ROOT"), doc[0])
    if root.lemma_.lower() in REPORTING_LEMMAS:
        comps = [c for c in root.children if c.dep_ in ("ccomp", "xcomp", "parataxis")]
        if comps:
            return comps[0]
    return root


# Entities that name rather than measure.
_NAME_LABELS = frozenset("PERSON ORG GPE LOC FAC PRODUCT EVENT WORK_OF_ART LAW NORP LANGUAGE".split())


def _root(doc):
    """The clause's main verb: the first root that is a verb, where the parser split the clause into
    pieces ("Since 1985 _ when ... _ nearly 200 soldiers have been killed": the fronted phrase
    became a root of its own); else the first root."""
    roots = [t for t in doc if t.dep_ == "ROOT"]
    return next((t for t in roots if t.pos_ in ("VERB", "AUX")), roots[0] if roots else (doc[0] if len(doc) else None))


def _numbers(doc) -> list:
    """Number tokens that are not part of a date or time ("May 15", "1998", "10 a.m."), nor of the
    words naming who speaks ("said a message read to several thousand scientists": the figure
    describes the speaker, the claim states none)."""
    dated = {t.i for e in doc.ents if e.label_ in ("DATE", "TIME") for t in e}
    # A number in a name is part of the name: "First Boston", "the Group of Seven", "Apollo 13".
    dated |= {t.i for e in doc.ents if e.label_ in _NAME_LABELS for t in e}
    root = _root(doc)
    speaker = set()
    if root is not None and root.lemma_.lower() in REPORTING_LEMMAS and any(c.dep_ in ("ccomp", "parataxis") for c in root.children):
        speaker = {t.i for c in root.children if c.dep_ in ("nsubj", "agent") for t in c.subtree}
    # A telephone number identifies, it measures nothing: "(202) 555-1234", "1-800-555-0199".
    dated |= {t.i for m in _PHONE.finditer(doc.text) for t in doc if m.start() <= t.idx < m.end()}
    return [
        t for t in doc
        # The entity's other words are a figure's sign or unit ("$", "percent"), not "At least" nor
        # a name the tagger took for a share ("Only Saudi Arabia").
        if t.lower_ != "one" and (t.like_num or t.ent_type_ in ("PERCENT", "MONEY", "QUANTITY", "CARDINAL") and t.pos_ in ("NUM", "SYM", "NOUN"))
        and t.i not in dated and t.i not in speaker and t.ent_type_ != "ORDINAL" and not _refers_back(t) and not _aside(t)
    ]


_PHONE = re.compile(
    r"(?:\b1-)?(?:\(\d{3}\)\s?|\b\d{3}-)?\b\d{3}-\d{4}\b"
    # An area or country code in brackets before digits: "(351-1) 44-62-207", "(202) 4462207".
    r"|\(\+?\d{1,4}(?:-\d{1,4})?\)\s?\d[\d -]{3,}\d"
    # Digits after the word for a line: "telephone 446207", "fax numbers are 4462207 and 4462208".
    r"|(?i:\b(?:tel|telephone|phone|fax|telex|hotline)s?\b(?:\s+numbers?)?(?:\s+(?:is|are|at))?[.:]?\s*)[\d()+][\d()+ -]{3,}\d(?:\s+and\s+\d[\d -]{3,}\d)?"
)


def _numeral_top(number):
    """The word that heads a spelled-out numeral: "hundred" in "eight hundred"."""
    while number.dep_ in ("compound", "quantmod", "nummod") and number.head.like_num and number.head.i != number.i:
        number = number.head
    return number


def _aside(number) -> bool:
    """A number the clause does not assert: an identifier ("Flight 93"), or inside a phrase that only
    describes a noun: an appositive ("Amir, 27,"), a participle or relative clause ("the bill, passed by
    52 votes to 40, requires ..."). The clause's type follows what its main verb says, not every figure in it."""
    # A numeral right after its noun identifies it ("Flight 93", "Article 5"); a count comes before.
    # So does one spelled in words ("TWA eight hundred"), but not a sum after a name in an ellipsis
    # ("and Kuwait 1.9 million").
    top = _numeral_top(number)
    if top.dep_ in ("nummod", "compound", "appos", "npadvmod") and top.head.pos_ in ("NOUN", "PROPN") and top.i > top.head.i and all(
            t.like_num and "." not in t.text and t.lower_ not in ("million", "billion", "trillion") for t in top.doc[top.head.i + 1 : top.i + 1]):
        return True
    # Digits after the abbreviation of "number" name which one ("team No. 225", "Room no. 5", "#3"),
    # whatever the tokenizer made of the abbreviation's period.
    doc = number.doc
    marker = [t.lower_ for t in doc[max(0, number.i - 2) : number.i]]
    if number.text[:1].isdigit() and (marker[-1:] in (["no."], ["nos."], ["#"]) or marker in (["no", "."], ["nos", "."])):
        return True
    # A name and its number that modify a noun together: "a Fortune 500 company", "Windows 95 users".
    before = number.doc[number.i - 1] if number.i else None
    if number.dep_ == "nummod" and before is not None and before.pos_ == "PROPN" and before.dep_ in ("nmod", "compound") and before.head.i == number.head.i:
        return True
    # A numeral standing as a noun after "the" names a thing ("the 486 is the descendant of"): a
    # count needs its noun ("the 486 chips"), a share or a sum its sign.
    if number.pos_ == "NUM" and number.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "attr") and not number.ent_type_ in ("PERCENT", "MONEY") and any(
        c.dep_ == "det" and c.lower_ == "the" for c in number.children):
        return True
    # Digits before a singular proper noun number it, as an address does: "469 Vermont St."
    if number.dep_ in ("nummod", "compound") and number.text[:1].isdigit() and number.head.tag_ == "NNP" and number.i < number.head.i:
        return True
    if _in_title(number):
        return True
    # A count whose members the clause names beside it ("Two top aides, X and Y, left for Europe"):
    # the names are what it tells, the count only sums them up.
    counted = number.head if number.dep_ == "nummod" and number.ent_type_ not in ("MONEY", "PERCENT", "QUANTITY") else None
    if counted is not None and any(
            c.dep_ == "appos" and (c.pos_ == "PROPN" or c.ent_type_ in ("PERSON", "ORG")) for c in counted.subtree):
        return True
    # A handful who do something ("Two men carried a banner", "three gunmen seized the bus"): the
    # count, spelled out as a small exact one is, names the doers of the act the clause tells; a
    # count meant as a figure is approximate ("at least 200 people ...") or undergoes ("were killed").
    verb = counted.head if counted is not None and counted.dep_ == "nsubj" else None
    if verb is not None and number.is_alpha and not any(c.dep_ in ("quantmod", "advmod") for c in number.children) and (
            verb.pos_ == "VERB" and verb.lemma_.lower() not in _CHANGE_VERBS | _LINKING_VERBS and any(c.dep_ == "dobj" for c in verb.children)):
        return True
    # A phrase of the verb set off by commas on both sides ("The company will cut jobs, to as many as
    # 1,100 employees, over two years") is a parenthesis: the clause reads whole without it; not the
    # value of a change that has no other ("Sales rose, to $3 billion, in May").
    doc = number.doc
    for prep in [number, *number.ancestors]:
        valued = prep.head.lemma_.lower() in _CHANGE_VERBS and not any(c.dep_ == "dobj" for c in prep.head.children)
        if prep.dep_ == "prep" and prep.head.pos_ in ("VERB", "AUX") and not valued and prep.i > 0 and doc[prep.i - 1].text == ",":
            # The closing comma: the first after the figure, all before it in the phrase (the parser
            # may take the comma, or what follows it, into the phrase), the clause going on after it.
            inside = {t.i for t in prep.subtree}
            close = next((t.i for t in doc[number.i + 1 :] if t.text == ","), None)
            if close is not None and all(i in inside for i in range(prep.i, close)) and any(not t.is_punct for t in doc[close + 1 :]):
                return True
        if prep.pos_ in ("VERB", "AUX"):
            break
    tok = number
    while tok.head.i != tok.i:
        if (past := _past_period(tok)) is not None:
            tok = past
            continue
        # A subordinate clause too ("was killed when two robbers fired" asserts the killing), but
        # not a participle that goes on with the main clause ("support grew, rising to 51 percent").
        subordinate = tok.dep_ == "advcl" and any(c.dep_ in ("mark", "nsubj", "nsubjpass") for c in tok.children)
        if tok.dep_ in ("appos", "acl", "relcl") or subordinate or tok.dep_ == "amod" and tok is number and tok.head.pos_ == "PROPN":
            return True
        tok = tok.head
    return False


_CALENDAR_PERIODS = frozenset("quarter year month week half period day season".split())  # units of the calendar


def _past_period(prep):
    """"rose in the quarter ended Sept. 30 to $7 million", "income for the quarter of $8 million":
    a value the parser hung on the period before it is the clause's, through the phrase that
    holds the period; the word that phrase hangs on, or None when `prep` is no such value's."""
    if prep.dep_ != "prep" or prep.lower_ not in _FIGURE_PREPS or prep.head.ent_type_ not in ("DATE", "TIME") or prep.i < prep.head.i:
        return None
    period = prep.head
    while period.head.ent_type_ == period.ent_type_ and period.head.i != period.i and period.head.i < prep.i:
        period = period.head
    # A period the date names by its digits or its calendar unit, not a word the tagger took for
    # one ("a fall of 80 cents").
    if not (any(t.like_num and t.ent_type_ == period.ent_type_ for t in period.subtree) or period.lemma_.lower() in _CALENDAR_PERIODS):
        return None
    up = period.head
    return up.head if up.pos_ == "ADP" and up.head.i != up.i else up


# Words that introduce a title or a name in quotation marks: 'under the headline "3 Million Jobs
# Lost"', 'a report entitled "Ten Years On"'. A closed class of English.
# Those of a publication's title are read in the publication itself.
_HEADLINE_WORDS = frozenset("headline title caption heading entitled titled headlined".split())
_TITLE_WORDS = _HEADLINE_WORDS | frozenset("banner slogan motto called named dubbed".split())


def _in_title(tok, words: frozenset[str] = _TITLE_WORDS) -> bool:
    """Whether the token lies inside a quoted title or name ('under the headline "3 Million Jobs
    Lost"'): the words of a title are cited, not asserted."""
    doc = tok.doc
    for start, end in quoted_spans(doc.text):
        if not start <= tok.idx < end:
            continue
        before = [t for t in doc if t.idx < start and not t.is_punct]
        return bool(before) and (before[-1].lower_ in words or before[-1].lemma_.lower() in words)
    return False


def _titled(doc) -> bool:
    """Whether the clause cites a headline or a title: 'under the headline "..."', 'The headline read "..."'."""
    root = _root(doc)
    if any(c.dep_ == "nsubj" and c.lemma_.lower() in _HEADLINE_WORDS and c.pos_ == "NOUN" for c in root.children):
        return bool(quoted_spans(doc.text))
    return any(_in_title(t, _HEADLINE_WORDS) for t in doc if not t.is_punct)


def _refers_back(number) -> bool:
    """"the two carriers", "Elian's four grandparents": a number spelled out inside a definite or
    possessive noun phrase counts what the article already named; it states no figure to check."""
    if not number.is_alpha or number.dep_ != "nummod":
        return False
    return any(c.dep_ == "poss" or c.dep_ in ("det", "predet") and c.lower_ in ("the", "these", "those", "both", "all") for c in number.head.children)


def _is_rule(doc, head=None) -> bool:
    """Whether the clause states what a rule says: with `head`, the rule must govern the clause's
    verb (its subject, "under the law", or a verb of requiring), not merely be named in it ("until
    Iraq complies with the agreement" states no requirement); without, any rule noun will do."""
    if head is None:
        return any(t.lemma_.lower() in _RULE_NOUNS for t in doc if t.pos_ == "NOUN")
    if head.lemma_.lower() in _REQUIRING_VERBS:
        return True
    args = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
    # "Under the law", "by the treaty"; not "managed with its ruling to ...", a means.
    args += [g for c in head.children if c.dep_ == "agent" or c.dep_ == "prep" and c.lower_ in ("under", "by", "in") for g in c.children if g.dep_ == "pobj"]
    return any(a.lemma_.lower() in _RULE_NOUNS for a in args)


def _provision(doc, head):
    """The rule or the proposal whose text the clause tells, when it tells what the text provides in
    its own conditional or future: "the bill would make it a crime to ...", "the treaty will ban
    tests", "under terms of the offer, holders would receive $12" (the bill's text settles it, not
    the future); None for what happens to the text ("the bill would be signed", "may be amended")."""
    modals = {c.lower_ for c in head.children if c.dep_ == "aux"}
    if not modals & {"would", "will", "'ll", "'d", "wo", "shall"}:
        return None
    texts = _RULE_NOUNS | _TERMS_NOUNS
    # As the subject, a rule or a bill's measure: "the plan would create a stock" forecasts as often.
    passive = any(c.dep_ == "auxpass" for c in head.children)
    nouns = [c for c in head.children if c.dep_ == "nsubj" and c.pos_ == "NOUN" and c.lemma_.lower() in _RULE_NOUNS | {"measure"} and not passive]
    # "Under the plan", "under terms of the new proposal": the text of the plan, of the proposal.
    nouns += [g for c in head.children if c.dep_ == "prep" and c.lower_ == "under" for g in c.children if g.dep_ == "pobj"]
    for noun in nouns:
        if noun.lower_ == "terms":
            named = [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj" and g.lemma_.lower() in texts]
            return named[0] if named else noun
        if noun.lemma_.lower() in texts:
            return noun
    return None


# Verbs whose subject lays down an obligation or a prohibition.
_REQUIRING_VERBS = frozenset("require oblige mandate ban prohibit forbid stipulate compel".split())


def _dated_in_past(doc) -> bool:
    """A date in the clause that lies before the report: "yesterday", "last week", "in 1989" with a
    past verb; what was due then is over ("was due to expire yesterday")."""
    return any(e.label_ == "DATE" for e in doc.ents) and any(t.tag_ == "VBD" for t in doc)


def _dated_past(doc, head) -> bool:
    has_date = any(e.label_ == "DATE" for e in doc.ents)
    past = head.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in head.children)
    return has_date and past and head.lemma_.lower() not in _FORECAST_VERBS


# Adverbs by which the writer vouches for or judges what the predicate says: "is obviously fond of",
# "rightly refused". A closed class of English; not "certainly", as often a concession ("Certainly X
# did Y, but ...") as a verdict.
_STANCE_ADVERBS = frozenset("obviously clearly surely rightly wrongly evidently plainly undoubtedly".split())


def _prescription(doc, head) -> bool:
    """What ought to be rather than what is: "ought to", a present "needs to" ("needed to be
    evacuated" tells what happened), a hortative "Let it be done", what someone is entitled to or
    deserves, or a predicate the writer vouches for by an adverb of stance ("is obviously fond of").
    Not what a rule lays down ("under the law, X is entitled to"): `_is_rule` keeps that checkable."""
    lemma = head.lemma_.lower()
    if lemma == "ought" or lemma == "need" and head.tag_ in ("VBZ", "VBP", "MD") and any(
            c.dep_ == "xcomp" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children) for c in head.children):
        return True
    if lemma == "let" and head.dep_ == "ROOT" and not any(c.dep_ == "nsubj" for c in head.children) and any(
            c.dep_ in ("ccomp", "xcomp") for c in head.children):
        return True  # the imperative "Let the inquiry be done", not "the court let him go"
    if lemma == "deserve" or lemma == "entitle" and any(c.dep_ == "auxpass" for c in head.children):
        return True
    return any(c.dep_ == "advmod" and c.lower_ in _STANCE_ADVERBS for c in head.children)


def _opinion(doc, head) -> bool:
    """A judgement: 'should' or a demand's 'must', a prescription (`_prescription`), a stance
    ('believes', 'I think ...'), a predicate or an adverb of value (`_judgement`), a quality graded
    by degree, or a first person's state of mind."""
    if any(c.lemma_.lower() in ("should", "ought") for c in head.children if c.dep_ == "aux"):
        return True
    if _prescription(doc, head) and not _is_rule(doc, head):
        return True
    # "must be approved by parliament" names who must act: a procedure, not a demand ("must resign").
    procedure = any(c.dep_ == "auxpass" for c in head.children) and any(c.dep_ == "agent" for c in head.children)
    if any(c.lemma_.lower() == "must" for c in head.children if c.dep_ == "aux") and not _is_rule(doc, head) and not procedure:
        return True
    if _verb_is(head, _STANCE_VERBS) and any(c.dep_ == "ccomp" for c in head.children):
        return True
    if head.dep_ == "ccomp" and _verb_is(head.head, _STANCE_VERBS):  # "I think it's ...", read through "think"
        return True
    if _judgement(doc, head):
        return True
    if _worth(head):
        return True
    if _graded_quality(head) and not _stated_figures(doc, head, prices=True):  # "rejected as too low the $1.7 billion bid" grades a figure
        return True
    if head.lemma_.lower() in _LINKING_VERBS and any(c.lower_ in ("i", "we") for c in head.children if c.dep_ == "nsubj") and not any(
        c.dep_ == "aux" for c in head.children):
        # "I was pleased", "we are confident": the speaker's own state of mind ("we will be happy
        # to leave" is a word on what they will do).
        return any(c.dep_ == "acomp" and c.pos_ == "ADJ" for c in head.children)
    return False


# Quantities of worth that "have" holds for some use: "has a lot to offer", "had much to gain",
# "has little to show for it". A closed class of English.
_WORTH_QUANTITIES = frozenset("lot much little plenty deal".split())


def _worth(head) -> bool:
    """"The Internet has a lot to offer": what a thing is worth to someone, a judgement, not a
    holding a record shows ("has little to do with" relates, it does not value)."""
    if head.lemma_.lower() != "have":
        return False
    return any(
        c.dep_ == "dobj" and c.lemma_.lower() in _WORTH_QUANTITIES and any(
            g.dep_ in ("relcl", "acl") and g.lemma_.lower() != "do" and any(a.dep_ == "aux" and a.lower_ == "to" for a in g.children)
            for g in c.children)
        for c in head.children)


def _forecast_word(tok) -> bool:
    """A forecast named by its verb or its noun ("than expected", "than analysts had forecast",
    "than expectations", "than estimates", "than projected"), not a building "project"."""
    lemma = tok.lemma_.lower()
    return lemma != "project" and any(lemma.startswith(v.rstrip("e")) for v in _FORECAST_VERBS)


def _against_forecast(head):
    """The subject of a clause that compares a result with what was forecast ("results were
    slightly better than expectations", "profit was lower than analysts had expected"): a
    comparison a reader checks against the forecast and the result, not a value judgement.
    None when the clause makes no such comparison."""
    for comparative in [head] + [c for c in head.children if c.dep_ in ("acomp", "advmod", "attr", "oprd", "dobj")]:
        if comparative.tag_ not in ("JJR", "RBR") and not any(c.lower_ in ("more", "less") for c in comparative.children):
            continue
        for than in comparative.children:
            if than.lower_ != "than" and not any(m.dep_ == "mark" and m.lower_ == "than" for m in than.children):
                continue
            # "than expectations" (a phrase), "than expected" (a clause under its "than")
            compared = [g for g in than.children if g.dep_ == "pobj"] if than.lower_ == "than" else [than]
            if any(_forecast_word(g) for g in compared):
                return next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), head)
    return None


# The nouns of doubt an act may cast on something ("cast doubt on", "called into question", "raised
# uncertainty about"); the lexicon adds their synonyms. A closed class of English.
_DOUBT_NOUNS = frozenset("doubt question uncertainty".split())


def _casts_doubt(head) -> bool:
    """Whether the clause says a thing, or someone by a thing, cast doubt on something ("the findings
    cast doubt on the theory", "it managed with its ruling to cast doubt on its commitment",
    "the vote called into question ..."): whether doubt is cast is its writer's reading, not a fact a
    record holds. Not a person or a body raising it ("officials cast doubt on the report" tells what
    they said), nor "had no doubt"."""
    verbs = [head] + [c for c in head.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
    # "managed with its vote to cast doubt": the parser may hang the infinitive on the means.
    verbs += [a for c in head.children if c.dep_ == "prep" and c.lower_ in ("with", "by", "through") for g in c.children
              if g.dep_ == "pobj" for a in g.children if a.dep_ == "acl" and any(x.dep_ == "aux" and x.lower_ == "to" for x in a.children)]
    for verb in verbs:
        if verb.lemma_.lower() in _LINKING_VERBS | {"have"} | _SPEECH_LEMMAS or any(c.dep_ == "neg" for c in verb.children):
            continue
        nouns = [c for c in verb.children if c.dep_ == "dobj"]
        nouns += [g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("into", "in") for g in c.children if g.dep_ == "pobj"]
        if not any(n.pos_ == "NOUN" and _evaluative(n.lemma_, _DOUBT_NOUNS) for n in nouns):
            continue
        subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        means = any(c.dep_ == "prep" and c.lower_ in ("with", "by", "through") for v in verbs for c in v.children)
        speaker = subject is not None and (
            subject.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or subject.lemma_.lower() in person_nouns() | group_nouns()
            or subject.lower_ in _PERSON_PRONOUNS | _GROUP_PRONOUNS | {"i", "we"})
        return means or not speaker
    return False


def _judgement(doc, head, own_voice: bool = False) -> bool:
    """Whether the clause judges rather than tells: a predicate of value ("the decision was
    necessary and fair", "clinics are vital components of the system"), an act judged by its
    adverb ("the court ruled correctly"), or praise without a verb ("Good for the mayor."). An
    adjective that describes ("has been independent since 1901", "is the sole underwriter", "the
    first plan") is no judgement; nor is a gradable one without degree (`_graded_quality` reads those)."""
    if head.dep_ == "ROOT" and head.pos_ == "ADJ":  # verbless: "Good for X", "Wrong again."
        return _evaluative(head.lower_)
    if _against_forecast(head) is not None:  # "better than expected" measures, it does not judge
        return False
    if any(c.dep_ == "advmod" and _judging_adverb(c) for c in head.children):
        return True
    # In the article's own voice, a verdict on what the act takes: "relied on outmoded
    # generalities", "imposed an unfair tax" (an editorial's, not a wire's way of telling).
    if own_voice:
        if _casts_doubt(head):
            return True
        objects = [c for c in head.children if c.dep_ == "dobj"]
        objects += [g for c in head.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
        # The scale's own words only: the lexicon's kin of a verdict describe as often ("excess capacity").
        if any(a.dep_ == "amod" and a.tag_ == "JJ" and a.lower_ in _VERDICTS for o in objects for a in o.children):
            return True
    # "There has been a dramatic rise": an existential tells that something is, it predicates nothing.
    if head.lemma_.lower() not in _LINKING_VERBS or any(c.dep_ == "expl" for c in head.children):
        return False
    for c in head.children:
        if c.dep_ == "acomp" and c.pos_ == "ADJ" and c.lower_ not in _SCHEDULED and not any(g.like_num for g in c.subtree):
            adjectives = [c] + [g for g in c.children if g.dep_ == "conj" and g.pos_ == "ADJ"]
            # An adjective with a complement states a relation ("subject to approval", "dependent
            # on aid"), unless it is itself a word of value ("vital to the economy").
            related = any(g.dep_ == "prep" and g.lower_ not in ("as", "than") for g in c.children)
            if any(_evaluative(a.lower_) and (not related or a.lower_ in _VALUE_ADJECTIVES) for a in adjectives):
                return True
        # "are vital components of": an indefinite predicate graded by value; "is the main road"
        # identifies, and a figure in it states one ("is a good 20 percent higher").
        if c.dep_ == "attr" and not any(d.dep_ in ("det", "poss") and d.lower_ not in ("a", "an") for d in c.children):
            if any(a.dep_ == "amod" and a.pos_ == "ADJ" and _evaluative(a.lower_) for a in c.children):
                return not _numbers(doc)
        # "is the ultimate survivor", "was the most courageous act": a rank on a scale of value.
        if c.dep_ == "attr" and c.pos_ == "NOUN" and _ranked_by_value(c) and not _numbers(doc):
            return True
    return False


# Adjectives of a dimension a record measures (WordNet's attributes size, age, height, length,
# weight, speed, depth, wealth, cost, rank, time), whose superlative ranks by it ("the largest bank in
# Ohio", "the oldest member"); and adjectives that are superlative without the form ("the ultimate
# survivor"). Closed classes of English; the lexicon adds synonyms ("biggest" for "largest").
_MEASURABLE = frozenset(
    """large small big high low tall short long old young heavy light fast slow quick wide narrow deep
    shallow early late rich wealthy poor populous busy cheap expensive costly close near far senior
    junior many much few little""".split()
)
_ABSOLUTE = frozenset("ultimate supreme consummate quintessential utmost paramount".split())


def _ranked_by_value(attr) -> bool:
    """Whether a definite predicate noun ranks its subject on a scale of value ("is the ultimate
    political survivor", "was the most courageous act"), not on one a record measures ("is the
    largest bank in Ohio by assets", "the oldest member") nor against a record in time ("the best
    quarter since 1990", "the worst drought on record")."""
    for a in attr.children:
        if a.dep_ != "amod" or a.pos_ != "ADJ":
            continue
        most = any(c.dep_ == "advmod" and c.lower_ in ("most", "least") for c in a.children) or (
            a.i and a.doc[a.i - 1].lower_ in ("most", "least"))
        if not (a.tag_ == "JJS" or most or a.lower_ in _ABSOLUTE):
            continue
        base = a.lemma_.lower() if a.tag_ == "JJS" else a.lower_
        if base in _MEASURABLE or _evaluative(base, _MEASURABLE) or a.lower_ in ("first", "last", "latest", "next"):
            continue
        record = any(t.lower_ in ("since", "record", "ever", "history") for t in attr.subtree) or any(
            t.ent_type_ == "DATE" for t in attr.subtree)
        return not record
    return False


# Adverbs that grade an adjective: "too early", "so vivid", "a very odd moment". A closed class of
# English; not "most", whose superlative ranks ("the most senior official") as often as it judges,
# nor "more", which compares with before ("more legal troubles", "making loans more affordable"),
# a change that can be measured, but for a comparison denied (below).
_DEGREE_ADVERBS = frozenset("too so very extremely highly truly deeply particularly especially remarkably fairly quite rather pretty".split())
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
# Nouns that judge what they are said of, the heads of English's scales of success and failure, of
# credit and shame ("a major breakthrough", "a setback for the talks", "a travesty"); the lexicon
# adds their synonyms ("debacle", "milestone"). None taken from an article.
_VALUE_NOUNS = frozenset(
    """success failure breakthrough milestone triumph disaster catastrophe fiasco setback blunder
    mistake achievement victory defeat embarrassment blow boost tragedy travesty scandal disgrace outrage""".split()
)
# Verbs that, like "be", give their subject what their object is: "represented a breakthrough",
# "marks a milestone", "constitutes a blow to", "amounts to a defeat".
_EQUATING_VERBS = frozenset("represent mark constitute signal amount".split())


def _valued(head) -> bool:
    """Whether the clause says its subject is something of value or of shame ("the accord
    represented a major breakthrough", "the vote was a setback for the government"): a verdict,
    whatever its tense, not a fact a record holds ("was a 10 percent boost" states a figure)."""
    if head.lemma_.lower() not in _LINKING_VERBS | _EQUATING_VERBS or any(c.dep_ == "expl" for c in head.children):
        return False
    nouns = [c for c in head.children if c.dep_ in ("attr", "dobj", "oprd")]
    nouns += [g for c in head.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children if g.dep_ == "pobj"]
    return any(
        n.pos_ == "NOUN" and not any(t.like_num for t in n.subtree)
        and (n.lemma_.lower() in _VALUE_NOUNS or bool(lexicon().entry(n.lemma_.lower()).senses & _value_senses(_VALUE_NOUNS)))
        for n in nouns
    )


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


# Verbs of telling what one knows, beside the reporting verbs: "would not elaborate", "declined to
# identify the buyer", "refused to discuss the terms". A closed class of English.
_DISCLOSING_VERBS = frozenset("comment elaborate identify name specify disclose reveal discuss detail divulge confirm explain answer describe".split())
_REFUSING_VERBS = frozenset("decline refuse".split())
# Adverbs that hedge what "would" says, making it a guess at what is to come: "probably wouldn't give in".
_HEDGE_ADVERBS = frozenset("probably likely perhaps possibly maybe presumably".split())


def _tells(verb) -> bool:
    """A verb of saying or of telling what one knows ("comment", "elaborate", "identify", "note")."""
    return verb.pos_ in ("VERB", "AUX") and (_verb_is(verb, _SPEECH_LEMMAS | _DISCLOSING_VERBS) or verb.lemma_.lower() in _speech_lemmas())


def _refusal(head) -> bool:
    """"He would not elaborate", "the firm wouldn't identify the buyers", "declined to say if": a
    refusal to tell, which the article reports as done ("would not" is the past of a will that
    refused), not a forecast; unless a condition or a hedge makes it a guess ("would not comment if
    asked", "probably wouldn't say")."""
    if head.dep_ == "xcomp" and head.head.lemma_.lower() in _REFUSING_VERBS:
        return _tells(head)
    if head.lemma_.lower() in _REFUSING_VERBS:
        return any(c.dep_ == "xcomp" and _tells(c) for c in head.children)
    children = list(head.children)
    would = any(c.dep_ == "aux" and c.lower_ in ("would", "wo", "'d") for c in children)
    hedged = any(c.dep_ == "advmod" and c.lower_ in _HEDGE_ADVERBS for c in children) or any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children) for c in children)
    # Not a stance ("would not believe") nor a generic "you" ("you would not understand"): no one refused.
    generic = any(c.dep_ == "nsubj" and c.lower_ == "you" for c in children)
    return would and any(c.dep_ == "neg" for c in children) and _tells(head) and not _verb_is(head, _STANCE_VERBS) and not hedged and not generic


def _only_refusal(head) -> bool:
    """A refusal the clause tells and nothing more: not "declined to comment, but said ...", nor
    "declined to specify, saying ...", whose saying is a quote of its own."""
    verb = head.head if head.dep_ == "xcomp" else head
    return _refusal(head) and not quoted_spans(head.doc.text) and not any(
        c.dep_ in ("conj", "advcl") and _tells(c) for c in verb.children)


def _refuser(head) -> str | None:
    """Who refused, as the clause names them ("A company spokeswoman"), or None for a pronoun."""
    verb = head.head if head.dep_ == "xcomp" else head
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ == "PRON":
        return None
    span = list(subject.subtree)
    asides = {t.i for a in span if a.dep_ in ("appos", "relcl", "acl") and a.i != subject.i for t in a.subtree}
    words = [t for t in span if t.i not in asides and not t.is_punct]
    name = " ".join(t.text for t in words)
    return name if 0 < len(words) <= 6 else None


def _prediction(doc, head, speaker_kind: str = "outlet") -> bool:
    if _verb_is(head, _SPEECH_LEMMAS) and any(c.dep_ == "neg" for c in head.children) or _refusal(head):
        return False  # "wouldn't say whether", "would not elaborate": a refusal, told, not a forecast
    if _provision(doc, head) is not None:
        return False  # "the bill would make it a crime": what its text provides, not a forecast
    if head.lemma_.lower() in _FORECAST_VERBS and any(c.dep_ in ("xcomp", "ccomp") for c in head.children):
        return True
    # "expects operating margins of more than 10% next year", "forecast a loss": what a forecast
    # verb takes as its object lies ahead too; an estimate's object may be a present value ("estimated
    # the damage at $1 billion") unless a date ahead says otherwise.
    # A present perfect tells of forecasts made ("people have predicted his demise many times"); what
    # is expected "from" someone is a demand ("expects cooperation from its allies").
    ahead = any(t.lower_ in _AHEAD_WORDS for e in doc.ents if e.label_ in ("DATE", "TIME") for t in e)
    experienced = any(c.dep_ == "aux" and c.lemma_.lower() == "have" and c.tag_ in ("VBP", "VBZ") for c in head.children)
    if (
        head.lemma_.lower() in _FORECAST_VERBS and head.pos_ == "VERB" and any(c.dep_ == "dobj" for c in head.children)
        and not any(c.dep_ == "auxpass" for c in head.children)
        and not any(
            g.dep_ == "prep" and g.lower_ == "from" and any(_someone(o) for o in g.children if o.dep_ == "pobj")
            for c in head.children if c.dep_ in ("dobj", "prep") for g in [c, *c.children])
        and (ahead or head.lemma_.lower() != "estimate" and not experienced)
    ):
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
    # So is a body's word on what will be done, its doer unnamed: "the proceeds will be used to
    # reduce debt", "the panel will be based in Addis Ababa" leave the body that speaks as the one
    # to act ("its earnings will be lower" is still a forecast: no one decides them).
    if speaker_kind == "organisation" and not own:
        children = list(head.children)
        own = any(c.dep_ == "auxpass" for c in children) and not any(c.dep_ == "agent" for c in children)
    # A state of mind a date ahead puts in the future is no decision: "over the next years we would
    # not be surprised to see sales reach 50%" forecasts.
    if own and head.lemma_.lower() in _LINKING_VERBS and any(t.lower_ in _AHEAD_WORDS for e in doc.ents if e.label_ in ("DATE", "TIME") for t in e):
        own = False
    if modals & {"will", "'ll", "shall", "wo"}:
        return not _is_rule(doc, head) and not own  # a rule's "will" is a requirement
    # "would" under a past reporting verb is a reported "will".
    if reported and head.head.tag_ == "VBD" and modals <= {"would"} and modals:
        return not _is_rule(doc, head) and not own
    return bool(modals & _HEDGE_MODALS) and not _present_possibility(doc, head)


def _someone(noun) -> bool:
    """A person or a body: "its allies", "the union", "Acme"."""
    lemma = noun.lemma_.lower()
    return noun.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or noun.pos_ == "PROPN" or lemma in person_nouns() or lemma in group_nouns()


def _hypothetical(doc, head) -> bool:
    """A "would" that imagines rather than forecasts: addressed to a generic "you" ("you just would
    not understand"), or under a condition that frames a judgement ("I would be very surprised if
    ...", "it would be unfair if ..."). Its content is a view, with no day on which it comes true;
    a date ahead ("over the next two years") makes it a forecast again."""
    children = list(head.children)
    if not any(c.dep_ == "aux" and c.lower_ in ("would", "'d") for c in children) or _refusal(head):
        return False
    if any(t.lower_ in _AHEAD_WORDS for e in doc.ents if e.label_ in ("DATE", "TIME") for t in e):
        return False
    if any(c.dep_ == "nsubj" and c.lower_ == "you" for c in children):
        return True
    # A condition alone is a forecast's ("the regulators would not approve it if the price rose");
    # one that frames a judgement or a state of mind graded by degree is a view.
    conditions = [c for c in children if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)]
    return bool(conditions) and (_judgement(doc, head) or _valued(head) or _graded_quality(head) or _worth(head))


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
    # "due to expire", a schedule, is no cause: the marker counts before a noun, not a verb.
    lowered = "".join(
        " " * len(t.text_with_ws) if t.lower_ == "due" and t.i + 2 < len(doc) and doc[t.i + 1].lower_ == "to" and doc[t.i + 2].pos_ in ("VERB", "AUX")
        else t.text_with_ws.lower() for t in doc
    )
    # Whole words: "failed to" holds "led to", and is no cause.
    # A verb of causing states a cause when it is the clause's own ("police blamed the crash on
    # ice"), not one that describes a noun ("the level that would trigger the issuance").
    main = {head.i} | {c.i for c in head.children if c.dep_ in ("conj", "xcomp")}
    return any(re.search(rf"\b{m}\b", lowered) for m in _CAUSE_MARKERS) or any(t.lemma_.lower() in _CAUSE_VERBS and t.pos_ == "VERB" and t.i in main for t in doc)


# Verbs that report what someone said or felt, beyond those that name a speaker (REPORTING_LEMMAS):
# "expressed the hope that ...", "voiced concern". A closed class of English.
_SPEECH_LEMMAS = REPORTING_LEMMAS | frozenset("express voice threaten".split())
# Verbs whose complement is what the subject means to do: "vowed to retake", "plans to build".
_INTENT_VERBS = frozenset("plan intend aim vow pledge promise threaten propose hope".split())
# Verbs of purpose: "the tariffs are intended to thwart imports", "the program aims to cut", "he aimed to
# pump up the price". What a thing is for, or what someone meant, is a stated purpose, not a forecast:
# nothing later tells whether it "came true". (Someone's word on what they mean to do is a plan:
# "he intends to stay on", "the ministry said it did not intend to close the border".)
_PURPOSE_VERBS = frozenset("aim intend mean design".split())
# Verbs that join a subject to what it is said to be, as "be" does: "has become an invaluable tool".
_LINKING_VERBS = frozenset("be become remain seem appear look sound prove stay".split())
# Prepositions that give the figure of a change or a value: "rose to 3.5 percent", "fell by 2 points",
# "from 20%", "closed at $29", "a stake of 5%". Others give circumstances ("for four hours", "with
# three astronauts"), whose figure is not what the clause asserts.
_FIGURE_PREPS = frozenset("to by from at of".split())


def _proposition_head(doc):
    """The verb of what the clause asserts, through every reporting verb above it: "She said the
    attack was planned, the radio reported" -> "was"."""
    head = _root(doc)
    # "The figures showed the rate fell to 3%": what was found is asserted, as under "suggest".
    found = _inference(doc) is not None
    seen = set()
    while (head.lemma_.lower() in _SPEECH_LEMMAS or found and head.dep_ == "ROOT" or voiced_clause(head) is not None) and head.i not in seen:
        seen.add(head.i)
        # "expressed concern that the levee would not hold", "made clear that he would veto it":
        # the message's clause, which hangs on its noun or adjective, is what is said.
        if not any(c.dep_ == "neg" for c in head.children) and (voiced := voiced_clause(head)) is not None:
            head = voiced
            continue
        comps = [c for c in head.children if c.dep_ in ("ccomp", "xcomp", "parataxis")]
        # Not through a saying denied ("he couldn't say if prices would match"), nor into an
        # indirect question ("asked whether ..."): what lies below is asserted by no one.
        if any(c.dep_ == "neg" for c in head.children):
            break
        comps = [c for c in comps if not any(g.dep_ == "mark" and g.lower_ in ("if", "whether") for g in c.children)]
        if not comps:
            break
        # The reported clause before a second reporting verb ("said X, the radio reported").
        head = next((c for c in comps if c.lemma_.lower() not in _SPEECH_LEMMAS), comps[0])
    return head


def _stated_figures(doc, head, prices: bool = False) -> list:
    """The figures the clause asserts: a number that is, or counts, the subject, the object or the
    predicate of its main verb (or of a verb that goes on with it: "rising to 48 percent"), or the
    value a change goes to, by or from. Not one in a modifier ("a seven-member crew"), a
    circumstance ("for four hours"), a gerund ("by saying it will buy ...") or a clause inside.
    The price of an act ("rejected a $15-a-share offer", "bought Beta for $28 million") is a detail
    of what the clause tells, and counts only with `prices`."""
    figures = []
    # An existential with nothing after its "be": what it says is there was parsed as a clause below it.
    existential = any(c.dep_ == "expl" for c in head.children) and not any(c.dep_ in ("attr", "nsubj") for c in head.children)
    for number in _numbers(doc):
        tok, ok, below = number, True, None
        while ok and tok.i != head.i:
            if tok.head.i == tok.i:  # the root, without meeting the head: the number is not under it
                ok = False
                break
            dep = tok.dep_
            # "At least 51 people were reported killed": a passive reporting verb's subject is its report's.
            if dep == "nsubjpass" and tok.head.lemma_.lower() in _SPEECH_LEMMAS and head.head.i == tok.head.i and head.dep_ == "xcomp":
                break
            if (past := _past_period(tok)) is not None:
                tok = past
                continue
            if tok is not number and dep in ("compound", "amod", "nummod", "nmod"):
                ok = False  # "seven" in "a seven-member crew", "zero-coupon notes": a modifier
            elif tok is number and dep in ("compound", "amod") and number.ent_type_ == "QUANTITY" and not number.like_num and tok.head.pos_ in ("NOUN", "PROPN"):
                ok = False  # the unit of a size that describes a thing: "at the 185-acre site", "a 40-foot boat"
            elif dep in ("nmod", "nummod", "compound", "amod", "quantmod") and not prices and _act_priced(tok, number):
                ok = False  # the price of an act: "rejected a $15-a-share offer"
            elif dep == "prep":
                # Fronted before its verb, the phrase sets the scene ("By a 6-3 vote, the court
                # upheld ..."); the value of a change comes after it ("fell by 2 points").
                # "accounted for 27%", "sold for $5 million": a share or a sum after "for" is the
                # figure; a span is a circumstance ("for four hours").
                figure_prep = tok.lower_ in _FIGURE_PREPS or tok.lower_ == "for" and number.ent_type_ in ("PERCENT", "MONEY") and tok.head.pos_ == "VERB" and (prices or not _traded(tok.head))
                # "The share is slightly under 40%": a bound on a value is the predicate of "be".
                figure_prep = figure_prep or tok.lower_ in _BOUND_PREPS and tok.head.lemma_.lower() in _LINKING_VERBS and tok.head.i == head.i
                ok = figure_prep and not (tok.head.pos_ in ("VERB", "AUX") and tok.i < tok.head.i) and not _members(tok, head)
            elif dep == "ccomp" and tok.head.i == head.i and existential:
                ok = True  # "there are 10,000 patients waiting and 4,000 organs become ...", the parse's "become" hung below "are"
            elif dep == "advcl":  # a participle that goes on with the main clause, not a subordinate clause
                # and only one that goes on with a change ("support grew, rising to 51 percent"); one
                # that adds a consequence is a side phrase ("the bomb exploded, killing dozens").
                # So does one that takes the figure a value goes to ("pushing the yield to 5.92 percent").
                ok = tok.tag_ == "VBG" and not any(c.dep_ in ("mark", "nsubj", "nsubjpass") for c in tok.children) and (
                    _changes(tok) or _changes(tok.head) or below is not None and below.dep_ == "prep" and below.lower_ in ("to", "from", "by"))
            elif dep == "npadvmod" and _distance(tok):
                ok = False  # "lie 700 kilometers from each other", "crashed 30 miles south of": where, not what
            else:
                ok = dep in ("nummod", "quantmod", "compound", "nmod", "nsubj", "nsubjpass", "dobj", "dative",
                             "attr", "oprd", "acomp", "npadvmod", "pobj", "conj", "xcomp", "advmod", "appos")
            below, tok = tok, tok.head
        if ok:
            figures.append(number)
    return figures


def _traded(verb) -> bool:
    """"acquired Beta Corp. for $28 million", "agreed to buy the shares for $37 each", "the unit was
    sold for $5 million": a verb that has a thing as its object (or passive subject) tells an act
    done to that thing, and a sum after its "for" is only the act's price; "accounted for 27%",
    "sold for $5 million" (no object) have the sum as their only complement, "sold 3.2 million
    shares for ..." states its figure as the object, and "made net income for the year C$2.7
    million" names a sum as its object."""
    return any(c.dep_ in ("dobj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN") and not c.like_num
               and c.ent_type_ not in _AMOUNT_ENTS and not _sum_noun(c, owned_nouns, number_nouns) for c in verb.children)


_AMOUNT_ENTS = ("MONEY", "PERCENT", "QUANTITY", "CARDINAL")


def _act_priced(tok, number) -> bool:
    """"a $15-a-share offer", "a C$30-a-share bid", "a $2 billion merger plan": a sum that only
    modifies a noun of a course of action or a deal (WordNet's shell nouns: offer, bid, deal, plan,
    contract), not one of a sum, a holding or a number ("an $89.9 million charge"), is a detail of
    what the clause tells. A share before a noun is that noun's size ("a 70% discount", "a 0.85%
    return"), and a count stays a count ("made 30 arrests")."""
    noun = tok.head
    if number.ent_type_ != "MONEY" or noun.pos_ != "NOUN" or noun.like_num or noun.i == tok.i:
        return False
    word = noun.lemma_.lower()
    return word in shell_nouns() and not _sum_noun(noun)


def _sum_noun(noun, *kinds) -> bool:
    """A noun of a sum, a holding or a number ("income", "stake", "figure"; WordNet), or of the
    `kinds` given ("stock" is a holding that is traded, "income" a sum that is made)."""
    word = noun.lemma_.lower()
    return any(word in nouns() or noun.lower_ in nouns() for nouns in kinds or (possession_nouns, owned_nouns, number_nouns))


# Prepositions that bound a value ("under 40%", "above $5"), a closed class of English.
_BOUND_PREPS = frozenset("under over above below around near".split())


# Words that place a thing at a distance from another: "30 miles south of", "700 kilometers from",
# "a mile away". A closed class of English.
_SPATIAL = frozenset(
    """from away apart off north south east west northeast northwest southeast southwest outside inside
    beyond behind across along inland offshore upstream downstream downriver upriver""".split())


def _distance(measure) -> bool:
    """A measure that says how far from somewhere the act took place ("crashed 30 miles south of
    Paris", "lie 700 kilometers from each other"): a circumstance of a verb that neither changes a
    quantity ("fell 50 points from its record") nor links a subject to it ("are 700 km apart")."""
    after = measure.doc[measure.i + 1] if measure.i + 1 < len(measure.doc) else None
    if after is None or after.lower_ not in _SPATIAL:
        return False
    verb = measure.head if measure.head.pos_ in ("VERB", "AUX") else measure.head.head
    return verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() not in _CHANGE_VERBS | _LINKING_VERBS


def _changes(verb) -> bool:
    """A verb of change: "rose", "climbing"."""
    return verb.lemma_.lower() in _CHANGE_VERBS


def _members(prep, head) -> bool:
    """"A second group of three directors is seeking control": a count in the "of" phrase of a
    body that is the clause's subject says who the body is; what the clause asserts is its act."""
    body = prep.head
    return (prep.lower_ == "of" and body.pos_ == "NOUN" and body.dep_ in ("nsubj", "nsubjpass") and body.head.i == head.i
            and body.lemma_.lower() in group_nouns())


# Nouns of a quantity and verbs of its change: "the number of doctors has declined", "the jobless
# rate doubled". A measured change is a statistic even with no numeral. Closed classes of English.
_QUANTITY_NOUNS = frozenset("number share rate percentage proportion amount level total count".split())
_CHANGE_VERBS = frozenset(
    "rise fall decline drop double triple halve increase decrease grow shrink climb soar plunge slump jump dip".split())


def _measured_change(head):
    """The subject of the clause when it is a quantity that the clause says changed, else None."""
    if head.lemma_.lower() not in _CHANGE_VERBS or head.pos_ != "VERB":
        return None
    return next((c for c in head.children if c.dep_ == "nsubj" and c.lemma_.lower() in _QUANTITY_NOUNS), None)


# Verbs by which a thing points to a conclusion ("the evidence suggests that", "the data show"), and
# nouns of what is found or seen, which show but say nothing. Closed classes of English.
_INFERENCE_VERBS = frozenset("suggest indicate show imply reflect demonstrate prove point mean signal".split())
_EVIDENCE_NOUNS = frozenset("evidence data finding result sign indication clue trace proof test pattern trend".split())


def _evidence(words) -> bool:
    """Whether a noun phrase ("New evidence", "the test results") names what was found, not a speaker."""
    nouns = [t for t in words if t.pos_ in ("NOUN", "PROPN")]
    return bool(nouns) and nouns[-1].pos_ == "NOUN" and (
        nouns[-1].lemma_.lower() in _EVIDENCE_NOUNS or nouns[-1].lower_ in _EVIDENCE_NOUNS or read_as_figure(nouns[-1]))


def _inference(doc):
    """The subject of "the evidence suggests that ...", "the results show ...": the article's own
    reading of what was found, which nobody says (the phrase naming what was found), else None."""
    root = _root(doc)
    if not _verb_is(root, _INFERENCE_VERBS) or not any(c.dep_ in ("ccomp", "xcomp") for c in root.children):
        return None
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subject is None or not _evidence([t for t in subject.subtree if t.i <= subject.i]):
        return None
    return doc[subject.left_edge.i : subject.i + 1].text


@cached()
def _evidence_speaker(speaker: Speaker | str) -> bool:
    """A "speaker" that is what was found ("New evidence is suggesting ..."): nobody, the outlet reads it."""
    name = speaker.phrase or speaker.name if isinstance(speaker, Speaker) else speaker
    return bool(name) and _evidence(parse(f"{name} said on Monday.")[:-4])


def _doer(doc, head, speaker: Speaker | str) -> bool:
    """Whether the speaker the attribution names is only the doer of what the clause tells ("Hundreds
    of children marched on the palace", its speaker taken from a chant elsewhere): the clause reports
    nothing they say, no verb of its own names them as speaking, and they are its subject. Doing is
    not saying: the article tells it, and the records of the event confirm it."""
    if not isinstance(speaker, Speaker) or speaker.is_outlet or speaker.cue in ("quote continues", "outlet"):
        return False
    # "reiterated support for the truce", "denied the charges": a verb of saying is their word.
    if _speech(doc, head) or _tells(head) or quoted_spans(doc.text) or any(t.lower_ == speaker.cue.lower() for t in doc):
        return False
    # The head nouns: "the children" is "Hundreds of children"; "the services provider" is not "Home Services".
    said = parse(f"{speaker.phrase or speaker.name} said on Monday.")
    names = {c.lemma_.lower() for t in said if t.dep_ == "ROOT" for c in t.children if c.dep_ == "nsubj"}
    subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
    subjects += [g for c in subjects for p in c.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
    return any(c.lemma_.lower() in names for c in subjects)


def _speech(doc, head) -> bool:
    """Whether the clause is, on its face, what someone said: a reporting verb above its
    proposition, "according to", a quotation that makes most of it, or a first person speaking (a
    news report's own voice is never "I" or "we"); not what the evidence "suggests"."""
    root = _root(doc)
    # "Figures released today confirmed that ...": what figures show is read from them, nobody's word.
    shown = any(c.dep_ == "nsubj" and read_as_figure(c) for c in root.children)
    if head.i != root.i and root.lemma_.lower() in _SPEECH_LEMMAS and not _agentless_report(doc) and _inference(doc) is None and not shown:
        return True
    # "Secretary Shalala says UNOS five months ago, or gave them ...": a transcript's broken syntax
    # hides what is said, not that someone says it.
    # Not "wouldn't say whether", a refusal told.
    if root.lemma_.lower() == "say" and root.pos_ == "VERB" and any(c.dep_ == "nsubj" for c in root.children) and not any(
            c.dep_ == "neg" for c in root.children):
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
    return any(c.lower_ in ("i", "we") for c in head.children if c.dep_ in ("nsubj", "nsubjpass")) and not _anchor_we(doc, head)


# Words by which a broadcast places itself in its own here and now. A closed class of English.
_DEICTIC = frozenset("here now today tonight later".split())


def _anchor_we(doc, head) -> bool:
    """A broadcast's anchor speaking for the programme ("We'll come back to Havana later", "Finally
    today, we learned that ...", "We are here this week to ..."): an unquoted "we" in the report's own
    here and now, nobody to look up. Not a soundbite ("We're trying to find a solution"), nor a
    voice on a recording ("Ah, we just saw an explosion up ahead of us here")."""
    if any(m in doc.text for m in ('"', "``", "''", "\u201c", "\u201d")) or doc[0].pos_ == "INTJ":
        return False
    if not any(c.lower_ == "we" for c in head.children if c.dep_ in ("nsubj", "nsubjpass")):
        return False
    return any(t.lower_ in _DEICTIC and (t.pos_ == "ADV" or t.ent_type_ in ("DATE", "TIME")) for t in doc)


def _dates_the_plan(doc, head) -> bool:
    """Whether a date in the clause stands outside the act planned ("Last April, they planned to buy")."""
    acts = [c for c in head.children if c.dep_ == "xcomp"] or ([head] if head.dep_ == "xcomp" else [])
    inside = {t.i for a in acts for t in a.subtree}
    # A deadline ("it intended by 1992 to reach a 50% share") dates the act, wherever the parser hangs it.
    deadline = lambda e: e.root.dep_ == "pobj" and e.root.head.lower_ == "by"  # noqa: E731
    return any(e.start not in inside and not deadline(e) for e in doc.ents if e.label_ == "DATE")


def _intention(head) -> bool:
    """"vowed to retake the city", "plans to build", "is to open": what the subject means to do."""
    if head.dep_ == "xcomp" and _verb_is(head.head, _INTENT_VERBS):
        return True
    return _verb_is(head, _INTENT_VERBS) and any(c.dep_ == "xcomp" for c in head.children)


# Words that put an act on a schedule or in prospect: "is set to begin", "are scheduled to resume",
# "is likely to rise", "was due to expire". A closed class of English.
_SCHEDULED = frozenset("set scheduled slated poised due bound likely unlikely about".split())


def _scheduled(head) -> bool:
    """"Construction is set to begin in 1991", "prices are likely to rise": an act ahead."""
    carriers = [head] + [c for c in head.children if c.dep_ == "acomp"]
    return any(t.lower_ in _SCHEDULED and any(c.dep_ == "xcomp" for c in t.children) for t in carriers)


def _purpose(head) -> bool:
    """"are intended to thwart", "aims to reduce", "a plan designed to", "aimed at": a stated purpose."""
    verb = head.head if head.dep_ == "xcomp" else head
    if not _verb_is(verb, _PURPOSE_VERBS) or not any(c.dep_ == "xcomp" or c.dep_ == "prep" and c.lower_ == "at" for c in verb.children):
        return False
    children = list(verb.children)
    if any(c.dep_ == "auxpass" for c in children):
        return True  # "are intended to", "was designed to": what a thing is for
    # A thing's purpose ("the program aims to"), not someone's plan ("he intends", "Acme aims").
    subject = next((c for c in children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.pos_ == "NOUN" and not subject.ent_type_:
        return True
    # What someone meant then ("they intended to rob the place"), unless a past report shifts their
    # present plan into the past ("the ministry said it did not intend to close the border").
    past = verb.tag_ == "VBD" or any(c.dep_ == "aux" and c.lower_ in ("did", "had") for c in children)
    # The report's past may be in its auxiliary: "had been telling analysts that it intended to ...".
    reported_then = verb.head.tag_ == "VBD" or any(c.dep_ == "aux" and c.tag_ == "VBD" for c in verb.head.children)
    backshifted = verb.dep_ == "ccomp" and reported_then and _verb_is(verb.head, _SPEECH_LEMMAS)
    return past and not backshifted


def _hoped_future(head) -> bool:
    """"The U.S. hopes its troops will drive ...", "officials fear the dam would burst": a stance
    about what is to come is a forecast, whose holder is the stance verb's subject."""
    if not _verb_is(head, _STANCE_VERBS | _FORECAST_VERBS):
        return False
    return any(
        g.dep_ == "aux" and g.lower_ in ("will", "'ll", "would", "shall", "wo")
        for c in head.children if c.dep_ == "ccomp" for g in c.children
    )


def _agentless_report(doc) -> bool:
    """"X is believed to have fled", "it is reported that ...", "were reported killed": a report
    whose source the sentence does not name; it is nobody's quote."""
    root = _root(doc)
    if root is None or not _verb_is(root, _SPEECH_LEMMAS | _STANCE_VERBS):
        return False
    children = list(root.children)
    # What is reported is a clause ("to have fled", "killed", "that ..."), not the verb's own act
    # ("was charged in a suit", "was described in the filing as ...", whose source is named).
    return (
        any(c.dep_ == "auxpass" for c in children) and any(c.dep_ in ("xcomp", "ccomp") for c in children)
        and not any(c.dep_ in ("agent", "prep") and c.lower_ in ("by", "in", "according") for c in children)
    )


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
    named = not (speaker.is_outlet if isinstance(speaker, Speaker) else speaker in (OUTLET, "unattributed")) and not _evidence_speaker(speaker)
    named = named and not _doer(doc, head, speaker)
    attributed = named or _speech(doc, head)
    if _only_refusal(head):
        # "The spokesman declined to comment": the article tells that they declined, whoever they
        # are; nothing they said is there to look up.
        return ["event"]
    if _characterisation(head):
        return ["opinion"]  # a judgement; its verify checks only that the speaker expressed it
    if _valued(head) and not any(c.dep_ == "aux" and c.lower_ in ("will", "'ll", "wo", "shall") for c in head.children):
        # "represented a major breakthrough", "would be a travesty": a verdict, past or conditional.
        return ["opinion", "quote" if attributed else "event"]
    # A forecast is one whatever figure it names ("rates could rise by 2 points"): its figure is
    # not a statistic to check against a record.
    kind = speaker.kind if isinstance(speaker, Speaker) else "outlet" if not named else "group"
    dated = _dated_past(doc, head)
    # A date of the act planned does not make the plan a past fact: "did not plan to remove it on
    # Thursday" looks ahead of its day; "Last April, they planned to buy" dates the planning.
    # A stated purpose ("is intended to thwart", "aimed to pump up") is no forecast, even with a "will" below it.
    purpose = _purpose(head)
    # "The evidence suggests the fires may be linked": the hedge is the inference's, which tells what
    # is found now; only a "will" under it looks ahead.
    inferred = (_inference(doc) is not None or _evidence_speaker(speaker)) and not any(
        c.dep_ == "aux" and c.lower_ in ("will", "'ll", "wo", "shall") for c in head.children)
    hypothetical = _hypothetical(doc, head)
    forecast = not purpose and not inferred and not hypothetical and (
        _prediction(doc, head, kind) and not dated or _intention(head) and not (dated and _dates_the_plan(doc, head))
        or _hoped_future(head) or _scheduled(head) and not _dated_in_past(doc)
    )
    figures = _stated_figures(doc, head) or ([_measured_change(head)] if _measured_change(head) is not None else [])
    checkable_fact = not forecast and (bool(figures) or _is_rule(doc, head) or _provision(doc, head) is not None or dated)
    # A judgement of value holds even of a dated act or a figure ("the court ruled correctly on Tuesday").
    judged = not forecast and _judgement(doc, head, own_voice=not attributed)
    opinion = judged or hypothetical or not checkable_fact and not _hoped_future(head) and (_opinion(doc, head) or _speculation(doc, head) and not inferred)
    kinds: list[ClaimType] = ["opinion"] if judged else []
    if forecast:
        kinds.append("prediction")
    elif figures:
        kinds.append("statistic")
    if _causal(doc, head) and not opinion:
        kinds.append("causal")
    if opinion:
        kinds.append("opinion")
    if not checkable_fact and not purpose and not inferred and not hypothetical and _prediction(doc, head, kind):
        kinds.append("prediction")
    kinds.append("quote" if attributed else "event")
    if attributed and not opinion and not forecast:
        kinds.append("event")  # what a source reports happened is an event, as well as their statement
    return list(dict.fromkeys(kinds))


# --- verify -----------------------------------------------------------------------------------------


def _main_figure(nums):
    """The figure a reader checks first: the first numeral ("2,000", not the "About" before it),
    unless it only counts the things an amount or a share is about, spelled out or definite ("sold
    three units for $370 million", "the 88 funds hold $32 billion"): then the amount."""
    first = next((t for t in nums if t.like_num), nums[0])
    counted = first.head if first.dep_ == "nummod" else None
    definite = counted is not None and any(c.dep_ == "poss" or c.dep_ == "det" and c.lower_ == "the" for c in counted.children)
    # Spelled out as a count of a few is ("three"), not a scale word after digits ("2.7 million").
    spelled = first.is_alpha and not any(c.like_num and not c.is_alpha for c in first.children)
    if spelled or definite:
        return next((t for t in nums if t.like_num and t.ent_type_ in ("MONEY", "PERCENT")), first)
    return first


def _figure_phrase(doc) -> str:
    """The figure and what it counts, as the article writes it: '149 air traffic control towers', '3 percent',
    'a four-acre area' (a contiguous span, so hyphens and decimal points stay)."""
    # The figure the clause asserts first; a price counts here: a reader checks the sum a deal was for.
    nums = _stated_figures(doc, _proposition_head(doc), prices=True) or _numbers(doc)
    quantity = _measured_change(_proposition_head(doc))
    if not nums and quantity is not None:  # "the number of doctors who ...": the quantity, without its clause
        asides = [t for t in quantity.subtree if t.dep_ in ("relcl", "acl", "appos")]
        skip = {g.i for t in asides for g in t.subtree}
        return " ".join(t.text for t in quantity.subtree if t.i not in skip and not t.is_punct)
    if not nums:
        return "the figure"
    tok = _main_figure(nums)
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
    # A figure written as one hyphenated word stays whole: "$37-a-share", "2-for-1".
    start = min(phrase.left_edge.i, tok.left_edge.i)
    while end + 2 < len(doc) and not doc[end].whitespace_ and doc[end + 1].text == "-" and not doc[end + 1].whitespace_:
        end += 2
    if end < tok.i:
        end = tok.i
    return doc[start : end + 1].text.strip(" ,;:-") or tok.text


def _text_of(noun) -> str:
    """Where the text of a rule or of a proposal is read: "the text of the bill itself, in the
    official register, gazette or the legislature's record"."""
    lemma = noun.lemma_.lower()
    if lemma in _LAW_NOUNS:
        return f"the text of the {lemma} itself, in the official register, gazette or the legislature's record"
    if lemma in _RULE_NOUNS:  # an agreement between parties: its signed text
        return f"the signed text of the {lemma} itself, or the filing or announcement that sets out its terms"
    return f"the text of the {'agreement' if noun.lower_ == 'terms' else lemma} itself, in the filing or announcement that sets out its terms"


def _possessive(name: str) -> str:
    """'Investigators' ', 'Rowe's'."""
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def _record_of(figure) -> str:
    """Where a figure the outlet states is kept, by what it measures: an amount of money is in the
    document that commits it, a rate in the statistics that measure it, a count in the record of
    whoever counted."""
    if figure is not None and figure.ent_type_ == "MONEY":
        return "the filing, contract, budget, announcement or market record that states the amount"
    if figure is not None and figure.lemma_.lower() in ("share", "rate", "percentage", "proportion", "level"):
        return "the official statistics or survey it comes from"  # a measured change with no numeral
    if figure is not None and _owned(figure):
        return "the accounts, filings or announcement of whoever owns, trades or reports it, or the market record"
    if figure is not None and (figure.ent_type_ == "PERCENT" or any(t.lower_ in ("percent", "%", "per", "rate") for t in figure.head.subtree)):
        return "the official statistics or survey it comes from"
    return "the official count, record or announcement it comes from"


def _owned(figure) -> bool:
    """The figure counts what is owned, is a part of it, or measures its change: "63 million
    shares", "a 7.6% stake", "22% of its stock", "86% of the concern" (a company), "profit rose
    8%": a holding, a deal or an account, not a statistic.
    What is owned is a noun whose most frequent sense is a possession (WordNet)."""
    noun = figure
    while noun.dep_ in ("nummod", "compound", "quantmod", "amod") and noun.head.i > noun.i and noun.head.pos_ in ("NUM", "NOUN", "PROPN", "SYM"):
        noun = noun.head  # "63" -> "million" -> "shares"; "7.6" -> "%" -> "stake"
    wholes = [noun] + [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    # A change in what is owned or earned ("profit rose 8%", "sales fell to $3 million"): its subject.
    verb = noun.head.head if noun.head.pos_ == "ADP" and noun.dep_ == "pobj" else noun.head
    if noun.dep_ in ("npadvmod", "dobj", "pobj") and verb.pos_ == "VERB":
        wholes += [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any((w.lemma_.lower() in possession_nouns() or w.lower_ in possession_nouns()) and w.ent_type_ not in ("MONEY", "PERCENT") or w.ent_type_ == "ORG" for w in wholes)


def _voiced_by(doc) -> str | None:
    """Who the clause itself says speaks, when it opens on them: "Farkas expressed the hope ...",
    "Henderson estimated the value at $55" (the subject of a reporting verb at its root, not a pronoun)."""
    root = _root(doc)
    # Or who holds the hope or the forecast: "The U.S. hopes its troops will ...".
    if root is None or not (root.lemma_.lower() in _SPEECH_LEMMAS or _hoped_future(root)):
        return None
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ == "PRON" or read_as_figure(subject):
        return None
    words = [t for t in subject.subtree if not any(a.dep_ in ("appos", "relcl", "acl") and a.i != subject.i for a in t.ancestors if a in subject.subtree)]
    kept = [t for t in words if t.dep_ not in ("appos", "relcl", "acl", "punct")]
    # Spaced as written: "Shoney's", not "Shoney 's".
    name = "".join((" " if k and (kept[k - 1].i != t.i - 1 or t.doc[t.i - 1].whitespace_) else "") + t.text for k, t in enumerate(kept))
    return _clean(name) if 0 < len(name.split()) <= 6 and not _names_no_one(name) else None


# Nouns naming a document rather than someone who speaks: "according to Upjohn's estimates", "the
# Kremlin statement said". The document is itself the record to read. A closed class of English.
_DOCUMENT_NOUNS = frozenset(
    """statement report estimate figure filing prospectus letter release study survey poll document
    data record transcript communique memo announcement headline title caption banner""".split()
)


def _said_source(name: str, kind: str = "", phrase: str = "") -> str:
    """Where a reader finds what `name` said: a person's or a body's statement, a place's
    government's (a country or a city does not speak: "Washington's statement" names no record),
    a document itself."""
    # Read as a speaker, in the words that name them where they speak: "Ralston said" is a company,
    # "Turkey said" a country, "Police Superintendent Pedro Toledo" a man whose name is a city's.
    doc = parse(f"{phrase or name} said on Monday.")
    words = [t for t in doc[: len(doc) - 4] if not t.is_punct]  # the name, without "said on Monday."
    # "Political figures said": people, whom the document nouns' "figure" would make a record.
    people = words and words[-1].lemma_.lower() in number_nouns() and not read_as_figure(words[-1])
    if words and words[-1].pos_ == "NOUN" and words[-1].lemma_.lower() in _DOCUMENT_NOUNS | {w + "s" for w in _DOCUMENT_NOUNS} and not people:
        return f"{name} {'themselves' if words[-1].tag_ in ('NNS', 'NNPS') else 'itself'}"
    if kind != "person" and any(t.ent_type_ in ("GPE", "LOC") for t in words) and all(t.ent_type_ in ("GPE", "LOC") or t.lower_ == "the" for t in words):
        return f"the statements of {_possessive(name)} government or officials"
    return f"{_possessive(name)} statement, the transcript or the recording"


def _names_no_one(name: str) -> bool:
    """"some", "many", "others", "several of them": a speaker told only by function words, no noun or
    name ("some say ..."), whose statement no reader can look up ("some's statement")."""
    from spacy.lang.en.stop_words import STOP_WORDS  # spaCy's function words

    words = name.lower().split()
    return bool(words) and all(w in STOP_WORDS for w in words)


def verify_for(kind: ClaimType, speaker: Speaker | str, clause: str) -> str:
    """What to check and which primary source would settle it, by type, by who speaks and by what
    the claim states: a figure against the record that holds it, a statement against its
    transcript, a judgement or a forecast only as having been expressed."""
    if isinstance(speaker, str):
        speaker = OUTLET_SPEAKER if speaker in (OUTLET, "unattributed") else Speaker(speaker, "person")
    doc = parse(clause)
    if _doer(doc, _proposition_head(doc), speaker):  # what they did, not what they said
        speaker = OUTLET_SPEAKER
    # What the evidence "suggests" is the article's reading of it: nobody's statement to look up.
    found = _inference(doc) or (speaker.phrase or speaker.name if _evidence_speaker(speaker) else None)
    if found:
        speaker = OUTLET_SPEAKER
        if kind != "statistic":
            return f"Check the evidence the article relies on ({found!r}) and whether it bears this out: the inference is the article's own; nobody is quoted."
    who = speaker.name
    said = f"that {who} said this: {_said_source(who, speaker.kind, speaker.phrase)}"
    # "he's statement", "I's statement" (a transcript's unnamed "I") name nobody.
    unnamed = speaker.is_outlet or who.lower() in _PERSON_PRONOUNS | _GROUP_PRONOUNS | {"i", "we", "you"} or _names_no_one(who)
    voiced = _voiced_by(doc) if unnamed else None
    if voiced:  # the clause names who speaks, where the attribution did not
        said = f"that {voiced} said this: {_said_source(voiced)}"
    elif speaker.kind == "organisation" and not unnamed:  # a body speaks through what it publishes
        source = _said_source(who, speaker.kind, speaker.phrase)
        said = f"that {who} said this: " + (source if source.endswith(("itself", "themselves", "officials")) else f"{_possessive(who)} published statement or report")
    elif unnamed:  # a quotation the article does not attribute in this sentence
        said = "who said this and that they did: the statement, transcript or recording the article quotes"
    if unnamed and not voiced and kind in ("quote", "event") and _titled(doc):  # a headline cited, not said
        return "Check the publication itself, or its archive, for the headline or title as it was printed or broadcast."
    head = _proposition_head(doc)
    if kind in ("quote", "event") and _only_refusal(head):  # a refusal to tell states nothing but itself
        refuser = _refuser(head) or (who if not unnamed else "whoever the article says declined")
        refuser = refuser[0].lower() + refuser[1:] if refuser.split()[0] in ("The", "A", "An") else refuser
        return f"Check with {refuser}, or in other reports of the same inquiry, that they declined to tell; the refusal itself asserts nothing else."
    compared = _against_forecast(head) if kind in ("statistic", "event") else None
    if compared is not None:  # "results were better than expected": the result against the forecast
        result = _figure_phrase(doc) if kind == "statistic" else "the result" if compared.i == head.i or compared.pos_ == "PRON" else (
            doc[compared.left_edge.i : compared.i + 1].text)
        source = f" in {_possessive(who)} statement or report" if not unnamed else ""
        return (f"Check {result!r} as reported{source} against the forecasts or estimates published before"
                " (analysts' consensus, the company's or the agency's own guidance).")
    if kind == "statistic":
        figure = _figure_phrase(doc)
        if speaker.kind == "organisation":
            return f"Check {figure!r} against {_possessive(who)} published figures or filing and the data behind them."
        if not speaker.is_outlet:
            return f"Check {figure!r} against the record or data it comes from, and {said}."
        if voiced or _speech(doc, _proposition_head(doc)):
            return f"Check {figure!r} against the record or data it comes from, and {said}."
        # The record of the figure named, not of another the clause also states ("a 51% stake ... for $110 million").
        text = _provision(doc, _proposition_head(doc))
        if text is not None:  # "the measure would raise the wage to $7": the figure is the text's
            return f"Check {figure!r} against {_text_of(text)}."
        stated = _stated_figures(doc, _proposition_head(doc), prices=True) or _numbers(doc)
        named = _main_figure(stated) if stated else _measured_change(_proposition_head(doc))
        return f"Check {figure!r} against {_record_of(named)}."
    if kind == "quote":
        return f"Check {said}."
    if kind == "causal":
        # A cause someone gives ("'we left because ...,' she said") is checked as their word first.
        if not speaker.is_outlet or voiced or _speech(doc, _proposition_head(doc)):
            return f"Check {said}; the cause it gives is their account, not a finding of the records."
        return "Check the cause and the effect each in the official records; the link between them is the article's account."
    if kind == "opinion":
        if speaker.is_outlet and not voiced and not _speech(doc, _proposition_head(doc)):
            return "Not checkable as a fact: a judgement in the article's own voice; check the facts it rests on."
        return f"Not checkable as a fact: check only {said.replace('said this', 'expressed this view', 1)}."
    if kind == "prediction":
        if speaker.is_outlet and not voiced and not _speech(doc, _proposition_head(doc)):
            return "Not checkable yet: a forecast or plan; check the announcement or forecast it reports, and later whether it came true."
        return f"Not checkable yet: check {said.replace('said this', 'stated this forecast or plan', 1)}, and later whether it came true."
    # event. A stated purpose is checked as stated, by whoever set it.
    if _purpose(head):
        holder = f"{_possessive(who)} statement or the documents behind it" if not unnamed else "their statement, the documents or the charges behind it"
        return f"Check who states this purpose or intent, and on what evidence: {holder}."
    # A rule's text settles only what the rule governs, not every clause that names one
    # ("the department, which supported the statute, ..."; "the justices agreed that the law ...").
    text = _provision(doc, head)
    if text is not None:  # what a bill or an offer would do is in its text
        return f"Check it against {_text_of(text)}."
    if _is_rule(doc, head):
        return "Check the text of the law, rule or agreement itself, in the official register or gazette."
    if not speaker.is_outlet:
        return f"Check the official records of what is reported, and that {who} said it: {_possessive(who)} statement or announcement."
    if _agentless_report(doc):  # "is believed to have", "was reported killed": the source goes unnamed
        return "Check it against the official records of what is reported; the article does not say who believes or reports it."
    return "Check it against the official records, statements or announcements of what is reported."

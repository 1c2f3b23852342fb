"""Claims that stand alone: a clause of an article sentence made readable without the sentences
before it, never by a guessed referent.

- `resolve_referents(clause, sentence, previous)`: a pronoun becomes its antecedent, "that group" or
  "the task force" gets its referent when exactly one earlier phrase says which, else the sentence
  before is cited; a figure keeps the phrase that says what it counts; a clause cut from its subject
  gets it back. A third-person pronoun inside a quotation keeps its words and gets its antecedent
  in brackets after it ("He [Kopp] may ...", "his [Kopp's] name", "It [the warrant] allows ..."),
  only when exactly one antecedent fits; "we"/"us"/"our" is the speaker's side and stays.
- `standalone_variants` lists safer forms for a checker that rejects the first; `dangling` names
  what a text still points back to; `is_statement` tells a claim from a heading.
- `pointing_back(text, previous)`: the definite participants that name something by what the
  article said before ("the ruling", "the two men", "Wednesday's decision", "four other attacks",
  "since then"), read from the article (an earlier fuller or indefinite mention, or the verb the
  noun is made of, "the new X"), never from a list of nouns; `resolve_referents` puts in the one
  earlier phrase that says which, and `dangling(text, outlet, previous)` counts the rest, with a
  bare person, group, happening or message noun (`_unplaced`: "the delegation", "the explosion",
  "the letter"). Not counted: a "the X" the lede took as known ("the economy"), a kind its compound
  names and the story never introduced ("the stock market"), a superlative ("the sickest
  patients"), the setting's own country ("the nation"), a phrase followed by its referent in
  brackets; a date says when, not which ("the two presidents on Friday"). An act, event or message
  the article told of in other words points back too ("asked" ... "the request", "was shot dead"
  ... "the slaying", "a statement" ... "the document": `_told_before`), and so does one of a kind
  the article named in other words ("a law" ... "the statute", "agreed" ... "the accord", "a
  jetliner" ... "the plane", "lent" ... "the loan"); a superlative of time says no more than "the"
  ("the latest ruling"). A role in a legal case or the place of an action, lifted from the story
  that told of it ("The judge ruled ...", "police sealed off the venue"), points back too
  (`_relational`).

"The company", "the bank" and descriptions of a firm ("the Atlanta-based airline", "the nation's
largest automaker") get the one organisation of that kind the article named (`_only_organisation`,
kinds from WordNet's organisation nouns: `_name_fits`), a figure or dividend with no owner that
firm's (`resolve_owner`); where two fit, `dangling` counts them (`unnamed_organisations`, `unowned`).
Of several that fit, the one the story has just been about only when no other was tied to it in one
phrase (a parent and its unit) or named with it in the last few sentences (the parties of a deal).
An earlier phrase that names a part ("the Arab world", "the Western economy") is no referent of the
whole ("the rest of the world", "the economy"), nor a firm's unit ("the company's subsidiary") the firm.

Everything reads the dependency parse of the shared parser (factcheck/nlp.py); the word lists are
closed grammatical classes or WordNet's (factcheck/data/person_nouns.txt.gz, told_as.tsv.gz,
relational_nouns.txt.gz, time_adjectives.txt.gz).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from .article import quoted_spans
from .attribution import (
    _DOCUMENT_NOUNS,
    _ORG_NOUNS,
    _PERSON_ENTS,
    _PERSON_NOUNS,
    _PERSON_PRONOUNS,
    _TITLE_GENDER,
    REPORTING_LEMMAS,
    Speaker,
    _capitalise,
    _clean,
    _definite,
    _discourse,
    _first_word,
    _gender,
    _mentions,
    _speech_verb,
    _unknown_capitalised,
    _plural_people,
    attributions,
    group_antecedent,
    person_antecedent,
)
from .claim_types import _content_head
from .faithfulness import HEDGE_ADVERBS
from .nlp import cached, parse
from .wordlists import figure_nouns, happening_nouns, message_nouns, number_nouns, organisation_nouns, person_nouns, place_nouns, possession_nouns, owned_nouns, relational_nouns, shell_nouns, time_adjectives, told_as


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
    # What the sentence says before a clause cut from it: a person named there may be who "he" is.
    at = sentence.strip().find(clause)
    lead = sentence.strip()[:at] if at > 0 else ""
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
            if any(m.kind == "person" for m in _mentions(clause, len(previous)) if m.start < tok.idx) or any(m.kind == "person" for m in _mentions(lead, len(previous))):
                continue  # the antecedent is in the clause itself, or in its sentence before it ("Sununu sought to prove ... that he should ...")
            if subject and tok.head.lemma_ == "be" and any(
                m.kind == "person" for c in tok.head.children if c.dep_ in ("attr", "acomp") for m in _mentions(doc[c.left_edge.i : c.right_edge.i + 1].text, len(previous))
            ):
                continue  # "She is the leader's sister, Juanita", "He is Smith's son": the clause says who, not the story before
            if _reporters_pronoun(tok):
                # "Har-Shefi said she ...", "An airline spokesman said he had ...": the reporting verb's
                # subject, named in the clause; its noun phrase put in for the pronoun would add a second
                # participant ("A spokesman said a spokesman had ...")
                continue
            if not central and _may_name_a_person(doc, tok):
                continue  # "turned to her rabbi and told him": him may be the rabbi
            if not subject and any(c.dep_ in ("nsubj", "nsubjpass") and c.i > tok.i and c.pos_ == "PROPN" for c in doc[main_root].children):
                continue  # "Even in his own Cabinet, Howard is ...": the name that follows
            # What the article says of people's genders and names, the sentence itself included ("... his son").
            told = _discourse((*previous, sentence))
            if own.kind == "person" and own.sentence is not None and central:  # "X said that he ...": X
                # not a speaker the story named long before, nor one the article gives the other gender
                if own.sentence >= len(previous) - 2 and told.gender_of(own.name) in (None, _gender(lower)):
                    put(tok, _definite(own.name), own.sentence)
                continue
            if tok.dep_ == "poss" or tok.tag_ == "PRP$":
                near = {told.identity(m.name) for i in range(max(0, len(previous) - 2), len(previous)) for m in _mentions(previous[i], i) if m.kind == "person"}
                if len(near) > 1:
                    continue  # "His trip" after three men were named: whose trip it is would be a guess
            # The person the discourse is about, the one whose report goes on counted as its subject;
            # none when two are as likely (`person_antecedent`): the pronoun stays, and the claim
            # does not stand alone.
            person = person_antecedent((*previous, sentence), lower, upto=len(previous), speakers=spoken)
            if person is None or person.sentence < len(previous) - 2:
                continue  # named in neither of the two sentences before: the story may have moved on to someone else
            put(tok, _definite(person.name), person.sentence)
        elif in_quote and not clitic and lower in _QUOTED_PRONOUNS and tok.pos_ == "PRON":
            # '``He may have fled,'' the agent said': the quotation cannot change, but a bracket after
            # the pronoun ("He [Kopp] may ...", "his [Kopp's] name") is the journalist's way to say
            # who, and no misquote; only when one antecedent fits. "We"/"us" is the speaker's side.
            referent = _quoted_referent(doc, tok, previous, own, named)
            if referent is not None:
                end = tok.idx + len(tok.text)
                edits.append((end, end, f" [{referent[1]}]", referent[0]))
        elif in_quote and lower in ("we", "us", "our") and tok.pos_ == "PRON" and not clitic and "quoted we" not in named:
            # '"We will not give up," said X, director of the Weather Service': the words stay; the
            # speaker's side in brackets only when the article names the body the speaker is part of
            # and the claim does not ('"We are ready." She added ...' after 'X, director of ...').
            named.add("quoted we")
            body = _speakers_body(own, [*previous, sentence])
            # Not when the clause names it itself: outside the quote it says whose side, inside it is the speaker's own word.
            if body is not None and body[1].lower() not in clause.lower():
                end = tok.idx + len(tok.text)
                edits.append((end, end, f" [{body[1]}{'’s' if lower == 'our' else ''}]", body[0] if body[0] < len(previous) else None))
        elif lower == "it" and tok.dep_ == "nsubj" and _speaks(tok) and not in_quote and own.sentence not in (None, len(previous)) and not any(
            # "the company said it ...": bound to a subject before it of its number
            t.dep_ in ("nsubj", "nsubjpass") and t.pos_ in ("NOUN", "PROPN") and not (t.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in t.children))
            for t in doc[: tok.i]
        ):
            put(tok, _definite(own.name), own.sentence, False)  # "It said": the organisation that speaks
        elif lower == "they" and tok.dep_ == "nsubj" and _speaks(tok) and not in_quote and own.kind == "group" and own.sentence not in (None, len(previous)) and not _bound_plural(tok):
            # "They said", "The real culprits, they said, are ...": the group that speaks, by its whole
            # phrase (attribution's `group_antecedent`); not "the auto makers said they each reported",
            # bound to the subject whose clause holds it.
            put(tok, own.name, own.sentence, False)
        elif lower == "it" and tok.dep_ == "nsubj" and _reports(tok) and leading and not in_quote and (body := _last_speaking_body(spoken, len(previous))):
            # "It urged travellers to stay away": a reporting verb that reports no clause is no
            # attribution, but "it" is still the organisation that spoke just before.
            put(tok, body.name, body.sentence, False)
        elif lower == "they" and subject and not in_quote and previous and (leading or tok.head.dep_ == "ROOT") and not _bound_plural(tok) and (
            # "Prices fell; they were ...": a plural before it in its sentence may be what it is, unless "they" speaks
            _speaks(tok) and tok.dep_ == "nsubj" or not any(t.tag_ in ("NNS", "NNPS") for t in doc[: tok.i])
        ) and (
            group := group_antecedent([*previous, sentence], len(previous), [*spoken, own], speaking=tok.dep_ == "nsubj" and _speaks(tok))
        ):
            # "They have said they will appeal", "Publicly, they are unwilling to ...": the one plural
            # subject of people the sentence before has (the relatives who fought); none, or two, and
            # the sentence before is cited below.
            put(tok, group[1], group[0], False)
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
            edits.append(_replacing(doc, first, noun, phrase, index))
        elif doc[noun.i + 1 : noun.i + 2].text in ("'s", "’s", "'"):
            continue  # no bracket between a possessor and its noun
        else:
            end = noun.idx + len(noun.text)
            edits.append((end, end, f" [{phrase}]", index))
        resolved += 1
        if resolved == 2:
            break  # a claim, not a chain of antecedents
    if previous and resolved < 2:
        resolved += _resolve_described_organisation(doc, quoted, previous, edits, {noun.i for _, noun, _ in _referring_phrases(doc, quoted)})
    if previous and resolved < 2:
        resolved += resolve_owner(doc, quoted, previous, edits)
    if previous and resolved < 2:
        resolved += resolve_owning_its(doc, quoted, previous, edits)
    if previous and resolved < 2:
        resolved += resolve_title(doc, quoted, previous, edits)
    if previous and resolved < 2:
        _resolve_pointing_back(clause, doc, previous, edits, {noun.i for _, noun, _ in _referring_phrases(doc, quoted)}, 2 - resolved)
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


# Third-person pronouns a quotation may hold, which a bracket after them may resolve.
_QUOTED_PRONOUNS = frozenset("he she him her his it its they them their".split())
_THING_PRONOUNS = frozenset("it its".split())
# Verbs whose "it" is most often the empty subject of an extraposed clause ("it is a travesty for
# that not to be put", "it seems that"): a closed class of copulas and raising verbs.
_EXTRAPOSING = frozenset("be seem appear look sound become remain happen".split())


def _quoted_referent(doc, tok, previous: Sequence[str], own: Speaker, named: set[str]) -> tuple[int, str] | None:
    """The antecedent of a third-person pronoun inside a quotation, as (its sentence, the words to
    put in brackets after the pronoun), or None when it is not sure: the pronoun's first use of its
    kind in the clause, nobody or nothing named before it in the clause that it may stand for, and
    exactly one antecedent of its kind in the sentences before (a person: the discourse's, with no
    other person named in the two sentences before; a thing: the one singular noun phrase of the
    sentence before; people or things: its one plural one). Never the speaker, who says "I"/"we"."""
    lower = tok.lower_
    kind = _gender(lower) if lower in _PERSON_PRONOUNS else "it" if lower in _THING_PRONOUNS else "they"
    # Its own key: the quotation's "he" and the narrator's "he said" are most often two people.
    if f"quoted {kind}" in named or not previous:
        return None
    named.add(f"quoted {kind}")
    possessive = tok.tag_ == "PRP$" or tok.dep_ == "poss" or lower == "his"
    if kind in ("m", "f"):
        if any(m.kind == "person" for m in _mentions(doc.text, len(previous))) or _may_name_a_person(doc, tok):
            return None  # someone the clause names may be who is meant
        # The one person of the pronoun's gender named in the two sentences before, other than the
        # speaker, who would say "I" ("X said Innopac viewed Y's decision ... '... he feels ...,' he
        # said"), and than who spoke just before, who would too: another may be who is meant, and
        # a quote is no place to guess.
        told = _discourse(tuple(previous))
        near = [m for i in range(max(0, len(previous) - 2), len(previous)) for m in _mentions(previous[i], i) if m.kind == "person"]
        speaking = {told.identity(own.name)} | {told.identity(sp.name) for sp in attributions(previous)[-1:] if sp.kind == "person"}
        # "Replied spokesman X, ``...''", "X said: ``...''": a name the quotation opens right after is its speaker's.
        last = previous[-1]
        opening = [a for a, _ in quoted_spans(last)]
        speaking |= {
            told.identity(m.name) for m in near
            if m.sentence == len(previous) - 1 and any(a > m.start and not last[m.start + len(m.name) : a].strip(" ,:;`'\"“‘") for a in opening)
        }
        # A sentence whose "He" stood for someone named further back is about them too.
        about = [t for t in told.topics[-2:] if t is not None]
        others = {told.identity(m.name) for m in near + about if told.gender_of(m.name) in (None, _gender(lower))} - {told.identity(own.name)}
        if len(others) != 1 or others & speaking:
            return None
        person = next((m for m in reversed(near) if told.identity(m.name) in others), None)
        if person is None:
            return None  # named only further back, by a "He" that stood for them: too far to cite
        return person.sentence, person.name + ("’s" if possessive else "")
    if kind == "it" and (tok.dep_ == "expl" or tok.head.lemma_.lower() in _EXTRAPOSING or any(_extraposed(c) for c in tok.head.children if c.i > tok.head.i)):
        return None  # "It would be a travesty for ...", "it is clear that ...": no referent to give
    plural = kind == "they"
    if any(_antecedent_noun(t, plural) for t in doc if t.i != tok.i and not (t.i > tok.i and any(a <= t.idx < b for a, b in quoted_spans(doc.text)))):
        return None  # a rival in the clause itself (before the pronoun, or outside the quotation)
    index = len(previous) - 1
    before = parse(previous[index])
    if any(t.lower_ in _QUOTED_PRONOUNS and t.pos_ == "PRON" and (t.lower_ in _THING_PRONOUNS) != plural for t in before):
        return None  # the sentence before points back itself: the referent may lie further back
    found = [t for t in before if _antecedent_noun(t, plural)]
    if len(found) != 1 or own.phrase and found[0].text in own.phrase:
        return None
    if any(t.lemma_.lower() == found[0].lemma_.lower() for t in doc if not any(a <= t.idx < b for a, b in quoted_spans(doc.text))):
        return None  # '"They ...," said X, an analyst': the speaker is one of the "analysts", who would say "we"
    words = _plain_phrase(found[0])
    if not words or len(words) > 8 or any(t.tag_ in ("PRP", "PRP$", "WDT", "WP") or t.lower_ in ("this", "that", "these", "those") for t in words):
        return None
    phrase = _definite(re.sub(r"^The\s", "the ", before[words[0].i : words[-1].i + 1].text))
    return index, phrase + ("’s" if possessive else "")


def _speakers_body(own: Speaker, sentences: Sequence[str]) -> tuple[int, str] | None:
    """The one organisation named in the phrase that names a person speaking, as (its sentence, its
    name): "Jane Roe, director of the Weather Service", "a spokeswoman for Acme Corp.", "Acme
    spokesman John Hale". None for a person named with no body ("Eitan, the science minister"):
    their "we" may be a government, a party or a family, and a guess would put words in a quote."""
    if own.kind != "person" or own.sentence is None or own.sentence >= len(sentences):
        return None
    doc = parse(sentences[own.sentence])
    quoted = quoted_spans(doc.text)
    last = own.name.split()[-1] if own.name.split() else ""
    head = next((t for t in doc if t.text == last and t.dep_ in ("nsubj", "nsubjpass") and not any(a <= t.idx < b for a, b in quoted)), None)
    if head is None:
        return None
    phrase, stack = set(), [head]
    while stack:  # the name, its titles and appositions, and the "of"/"for"/"at" phrases that place them
        t = stack.pop()
        phrase.add(t.i)
        stack.extend(c for c in t.children if c.dep_ in ("compound", "flat", "appos", "pobj") or c.dep_ == "prep" and c.lower_ in ("of", "for", "at", "with"))
    # Only a role that speaks for its body ("spokesman", "director"), not "an economist at a bank",
    # whose "we" is as likely the country.
    if not any(doc[i].lemma_.lower() in _PERSON_NOUNS for i in phrase):
        return None
    bodies = {_clean(e.text) for e in doc.ents if e.label_ == "ORG" and e.root.i in phrase}
    return (own.sentence, bodies.pop()) if len(bodies) == 1 else None


def _extraposed(clause) -> bool:
    """A clause that an empty "it" stands in for: "(it surprised us) that he left", "(it helps) to
    know", as opposed to the object and its infinitive of "it allows us to stay"."""
    if clause.dep_ not in ("ccomp", "csubj", "xcomp"):
        return False
    return any(c.dep_ == "mark" and c.lower_ in ("that", "whether", "if") for c in clause.children) or not any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children) and clause.dep_ != "xcomp"


def _antecedent_noun(tok, plural: bool) -> bool:
    """A noun that "it" (or, `plural`, "they") may stand for: the head of a noun phrase that is no
    person ("it" is no man), date, number or amount; a plural may be people."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ in ("compound", "npadvmod", "tmod", "poss") or tok.ent_type_ in _NOT_PARTICIPANTS:
        return False
    if (tok.tag_ in ("NNS", "NNPS")) != plural:
        return False
    if tok.ent_type_ in ("GPE", "LOC", "FAC") and tok.dep_ == "pobj" and tok.head.head.pos_ in ("NOUN", "PROPN"):
        return False  # "police in Ohio": a place that says which police, not what the story is about
    return plural or not (tok.ent_type_ in _PERSON_ENTS or tok.lemma_.lower() in person_nouns() or tok.lemma_.lower() in _PERSON_NOUNS)


def _resolve_pointing_back(clause: str, doc, previous: Sequence[str], edits: list, done: set[int], room: int) -> None:
    """Put in what a definite participant `pointing_back` finds ("the federal charge", "the two
    men", "Wednesday's ruling") stands for, when exactly one earlier phrase with its head says which
    (`_antecedent`): "the ruling" becomes "the INS ruling"; a phrase whose own words would be lost
    ("Wednesday's ruling", "the federal charge" before "a federal charge of murder") is followed by
    the earlier words in brackets. Nothing when none or two say which: a wrong referent is worse."""
    for first, noun, kind in pointing_back(clause, previous):
        if kind != "definite" or noun.i in done or room <= 0:
            continue
        if any(start <= noun.idx < end or start == end == noun.idx + len(noun.text) for start, end, _, _ in edits):
            continue
        referent = _antecedent(noun, doc[first : noun.i + 1], previous, "definite")
        if referent is None:
            continue
        index, phrase, definite = referent
        if any(t.like_num and t.lower_ not in phrase.lower().split() for t in doc[first : noun.i]):
            continue  # "the two men" are not "three men"
        if any(c.dep_ == "prep" for c in noun.rights):
            continue  # "the chief of staff": its own words after it, which the earlier phrase holds too
        if definite and doc[first].lower_ == "the" and all(t.dep_ in ("det", "compound", "amod") for t in doc[first + 1 : noun.i]):
            edits.append(_replacing(doc, first, noun, phrase, index))  # its words are the antecedent's (`_antecedent`)
        elif doc[noun.i + 1 : noun.i + 2].text in ("'s", "’s", "'"):
            continue
        else:
            end = noun.idx + len(noun.text)
            edits.append((end, end, f" [{phrase}]", index))
        room -= 1


def _resolve_described_organisation(doc, quoted, previous: Sequence[str], edits: list, done: set[int]) -> int:
    """"The pharmaceutical company said ...", "the Atlanta-based airline", "the Tokyo company", "the
    nation's largest automaker": a definite organisation noun whose words say what kind or where,
    not which one (`_described_organisations`), gets the one organisation of that kind the article
    named (`_only_organisation`) in brackets after it; none when the article also introduced one of
    that kind without naming it ("a Japanese airline": `_rival_mention`). Returns how many."""
    for noun in _described_organisations(doc, quoted):
        if noun.i in done or any(start <= noun.idx < end for start, end, _, _ in edits):
            continue
        referent = _only_organisation(noun, previous)
        if referent is None or _rival_mention(noun, previous):
            continue
        end = noun.idx + len(noun.text)
        edits.append((end, end, f" [{referent[1]}]", referent[0]))
        return 1
    return 0


# Entities that say where an organisation is, not which it is: "the Tokyo company", "the Japanese airline".
_WHERE_ENTS = frozenset({"GPE", "NORP", "LOC"})


def _described_organisations(doc, quoted) -> list:
    """The singular definite nouns outside quotations whose words before them say only what kind
    or where ("the pharmaceutical company", "the Atlanta-based airline", "the Tokyo company", "the
    Wilmington, Mass., garment maker") or rank it in its setting ("the nation's largest automaker"):
    descriptions that point back to an organisation named before. Not "the new company", "the other
    bank" (another one), "the two banks", one whose modifier names something else ("the Acme
    unit"), nor one with words after it that may say which ("the bank in Ohio")."""
    found = []
    for noun in doc:
        if noun.pos_ != "NOUN" or noun.tag_ != "NN" or noun.dep_ == "compound" or any(a <= noun.idx < b for a, b in quoted):
            continue
        left = [c for c in noun.children if c.i < noun.i]
        ranked = next((c for c in left if c.dep_ == "poss" and c.lemma_.lower() in _SETTING_NOUNS and any(d.lower_ == "the" for d in c.children)), None)
        if ranked is not None and not any(c.tag_ == "JJS" for c in left):
            continue  # "the nation's automakers": only a rank in it says which
        # "the abrasives, engineering materials and petroleum services concern": the parse may hang
        # the article on the first of its modifiers, which still opens the noun's phrase.
        opening = noun.doc[noun.left_edge.i]
        if ranked is None and not any(c.dep_ == "det" and c.lower_ == "the" for c in left) and not (
            opening.lower_ == "the" and opening.dep_ == "det" and opening.head.dep_ in ("nmod", "compound") and opening.head.head.i == noun.i
        ):
            continue
        modifiers = [c for c in left if c.dep_ != "det" and c is not ranked]
        if not any(c.dep_ in ("amod", "nmod") or c.dep_ == "compound" and (c.ent_type_ in _WHERE_ENTS or c.pos_ == "PROPN") for c in modifiers) and ranked is None:
            continue  # "the company", "the truck maker": a bare definite (`_referring_phrases`)
        if any(c.dep_ not in ("amod", "compound", "nmod", "punct") for c in modifiers):
            continue
        words = [t for c in modifiers for t in c.subtree]
        if any(t.ent_type_ not in _WHERE_ENTS and (t.lower_ in _ANOTHER_ONE | {"other"} or t.like_num or t.ent_type_ or t.pos_ == "PROPN") for t in words):
            continue  # "the new company", "the Acme unit": another one, or one a name says
        if any(c.dep_ in ("prep", "relcl", "acl", "appos", "cc", "conj") for c in noun.children if c.i > noun.i):
            continue
        if doc[noun.i + 1 : noun.i + 2].text in ("'s", "’s", "'", "["):
            continue
        found.append(noun)
    return found


def _rival_mention(noun, previous: Sequence[str]) -> bool:
    """Whether an earlier sentence has the noun's head in a phrase that may be another one than a
    name says ("a Japanese airline", "another bank"), not in apposition to a name ("Acme, a Boston
    bank,") nor said again ("the bank")."""
    lemma = noun.lemma_.lower()
    phrase = noun.doc[noun.left_edge.i : noun.i + 1]
    for text in previous:
        for tok in parse(text):
            if tok.pos_ != "NOUN" or tok.lemma_.lower() != lemma or tok.dep_ == "compound" or tok.tag_ != "NN":
                continue
            if tok.dep_ == "appos" and tok.head.pos_ == "PROPN" or any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in tok.children):
                continue
            if not _said_again(tok, phrase):
                return True
    return False


def _replacing(doc, first: int, noun, phrase: str, index: int) -> tuple[int, int, str, int]:
    """The edit that puts `phrase` for doc[first : noun] and, after a name, its possessive "'s" as
    the typographic "’s" that the pronouns get: "Acme 1980's" would read as a decade."""
    end = noun.idx + len(noun.text)
    after = doc[noun.i + 1] if noun.i + 1 < len(doc) else None
    if after is not None and after.text in ("'s", "’s") and after.idx == end:
        return doc[first].idx, end + len(after.text), phrase + "’s", index
    return doc[first].idx, end, phrase, index


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


@cached()
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
            if not any(t.lower_ == "as" for t in doc[noun.i + 1 : noun.i + 2]) and not any(c.lower_ == "as" for c in noun.rights) and not _such_that(noun):
                found.append((i, noun, "such"))  # not "such groups as the Klan": groups like it
            continue
        if i < 0 or doc[i].tag_ not in ("DT", "PDT"):
            continue
        det = doc[i].lower_
        if det == "that" and _opens_clause(doc[i], noun):
            continue  # "said Friday that team no. 225 made visits": the parser's determiner opens a clause
        if det in ("this", "that", "these", "those"):
            found.append((i, noun, "demonstrative"))
        elif det in ("a", "an") and i > 0 and doc[i - 1].lower_ == "such" and not _such_that(noun):
            found.append((i - 1, noun, "such"))
        elif det == "the" and not (i > 0 and doc[i - 1].lower_ in ("all", "both")) and all(t.tag_ in ("NN", "NNS") and t.dep_ == "compound" for t in doc[i + 1 : noun.i]) and not any(c.dep_ in ("prep", "relcl", "acl", "appos", "poss") and c.i > noun.i for c in noun.children):
            found.append((i, noun, "definite"))
    return found


def _such_that(noun) -> bool:
    """"to such an extent that dealers stopped trading", "such force that ...": a "that" clause
    after the noun says how much, so "such" points forward inside the text, not back."""
    return any(c.dep_ in ("acl", "relcl", "advcl", "ccomp") and c.i > noun.i and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children) for c in noun.children) or (
        noun.doc[noun.i + 1 : noun.i + 2].text.lower() == "that"
    )


def _opens_clause(that, noun) -> bool:
    """Whether a "that" the parser took for a determiner opens what a reporting verb reports ("said
    Friday that team no. 225 made visits"): a reporting verb before it (past its date words) and a
    finite verb after its noun. "He denied that claim." has none after."""
    doc = that.doc
    i = that.i - 1
    while i >= 0 and (doc[i].ent_type_ in ("DATE", "TIME") or doc[i].is_punct):
        i -= 1
    finite = any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in doc[noun.i + 1 :])
    return i >= 0 and doc[i].pos_ == "VERB" and doc[i].lemma_.lower() in REPORTING_LEMMAS and finite


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
            if tok.dep_ == "compound" and tok.pos_ == "NOUN":
                continue  # "the government decision": a noun that only says which decision; "a company spokesman"
            # An earlier phrase with that head that may be another one: "a Dutch company", not "the
            # company" said again (for `_only_organisation`).
            seen = seen or not _said_again(tok, phrase)
            titled = tok.dep_ == "compound" and tok.head.ent_type_ == "PERSON"  # "President Ann Bell", not "the World Bank"
            named = tok.head if (tok.dep_ == "appos" or titled) and tok.head.pos_ == "PROPN" else next(
                (c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None
            )
            if named is not None and plural:
                continue  # "the two men, Ron Hale and Mick Dunn,": one name is not who "the men" are
            if named is not None and not titled and not (_of_its_kind(named, lemma) and _apposed(tok, named)):
                # "Ann Bell, an officer in Egypt, a country at war": the parse hung "country" on the
                # person; what it names, the parse (or the tagger) does not tell, but it is a rival.
                blocked.append({named.lower_})
                continue
            if named is not None and lemma in organisation_nouns() and not _organisation_sense(noun):
                continue  # "Acme, a computer concern," is no referent of "Reflecting the concern, ..."
            if named is not None and not _same_office(tok, _title_words(noun), lemma):
                blocked.append({named.lower_})  # "Vice Chairman Ann Bell", "former President Carter": another office
                continue
            if named is not None:  # "James Kopp, the suspect," "the suspect, James Kopp," "President Ann Bell": its name
                words = [  # with its possessor: "Rally's Inc., a fast-food company"
                    t for t in doc[named.left_edge.i : named.i + 1]
                    if t.dep_ in ("compound", "flat") and t.lemma_.lower() != lemma or t.i == named.i or t.dep_ == "poss" and t.pos_ == "PROPN" or t.dep_ == "case" and t.head.dep_ == "poss"
                ]
                if words and words[-1].i - words[0].i + 1 == len(words):
                    found.append((index, doc[words[0].i : named.i + 1].text, False, {t.lower_ for t in words}, False))
                    if not titled and not _mentioned_since(lemma, index, previous):
                        return None  # "the network" ten sentences after "the Internet, the global network": the story has moved on
                continue
            words = _plain_phrase(tok)
            name = next((e for e in doc.ents if e.start <= tok.i < e.end), None) if tok.pos_ == "PROPN" else None
            if name is not None and words and words[-1].i >= name.end:
                words = [t for t in words if t.i < name.end]  # "the University of Toronto[ against Acme]": a name ends where its entity does
            if not words:
                continue
            content = {t.lower_ for t in words if t.dep_ != "det" and t.i != tok.i and not t.is_punct}
            # What the antecedent adds must say which: a name, a noun, a number ("the talks" ->
            # "the Geneva talks"), not an adjective alone ("the entire world", "a public firm").
            added = [t for t in words if t.lower_ in content - own]
            # A common noun compounded with the head names a kind, which is what "such a movement"
            # wants, not which one "the war" is: it may be more than "the ground war" mentioned before.
            weak = not any(t.pos_ in ("PROPN", "NUM") or t.ent_type_ or t.pos_ == "NOUN" and (kind == "such" or not (t.dep_ == "compound" and t.head.i == tok.i))
                           for t in added)
            if weak:
                # "a constitutional convention" says what kind, not which one "the convention" is
                # (`_identifying`); it may still be the one meant rather than another taken.
                if kind != "such" and added and words[0].lower_ in ("a", "an"):
                    blocked.append(content)
                continue
            if kind != "such" and (_part_of_whole(noun) or _placed_part(added, noun)):
                # "the Arab world's problems" then "the rest of the world", "the Western economy"
                # then "the economy": the earlier phrase names a part, the later one the whole (or
                # the rest) of what its bare noun names; one more of that head is then a rival.
                blocked.append(content)
                continue
            if _a_business(lemma) and not any(t.pos_ in ("PROPN", "NUM") and t.ent_type_ not in _WHERE_ENTS for t in added) and not any(
                t.dep_ == "poss" or t.dep_ == "prep" and t.head.i == tok.i for t in words
            ) and _organisation_sense(noun):
                # Not "the company's British subsidiary" (another firm, the company's), nor "the
                # concern" that is a worry.
                # "the Los Angeles thrift holding company" describes the firm a name says: the name,
                # when one of its kind was named before the description (`_only_organisation`).
                named = _only_organisation(tok, previous[:index]) if tok.tag_ == "NN" and not found and not blocked else None
                if named is not None and not _rival_mention(tok, previous[:index]):
                    return named[0], named[1], noun.doc[noun.i + 1 : noun.i + 2].text in ("'s", "’s", "'")  # a possessor takes the name itself
            # "the company", "the official": an organisation or a person is named, not described;
            # "a Dutch company" earlier is as likely another company as the one the story is about.
            if (lemma in _ORG_NOUNS or lemma in _PERSON_NOUNS or lemma in person_nouns()) and not any(t.pos_ == "PROPN" for t in added):
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
            bound = _bound_possessor(words[0], tok, previous[:index]) if words[0].tag_ == "PRP$" else None
            owner, named_at = bound or (None, None)
            if any(t.tag_ in ("PRP", "PRP$", "WDT", "WP") and not (owner and t is words[0]) or t.lower_ in ("this", "that", "these", "those", "such") for t in words):
                continue  # "her rabbi", "that plan": the antecedent needs a referent of its own
            if words[0].lower_ in _ANY:
                continue  # "any U.S. thrift" is none in particular
            if any(t.lower_ == "the" and t.dep_ == "det" and t.head.i != tok.i and _says_not_which(t.head) for t in words):
                continue  # "the man's body": who "the man" is, is no better known
            if not own <= content:
                continue
            text = doc[words[0].i : words[-1].i + 1].text
            if owner:  # "Acme Corp. extended its tender offer" -> "Acme Corp.’s tender offer"
                text = owner + "’s" + doc[words[0].i : words[-1].i + 1].text[len(words[0].text) :]
            first = words[0]
            definite = first.lower_ == "the" or first.dep_ == "poss" or tok.pos_ == "PROPN" and first.lower_ not in ("a", "an")
            if words[0].i == 0 and words[0].pos_ != "PROPN" and not words[0].ent_type_ in _NAMING_ENTS:
                text = text[:1].lower() + text[1:]  # "Two rival bidders ..." began its sentence
            # An indefinite that says no more than what kind ("a television advertisement") tells the
            # reader not which one "the advertisement" is: no referent, rather than a vague one.
            vague = not definite and kind != "such" and not _identifying(words, tok)
            if named_at is not None:
                # "The Boston widget company raised its dividend" names no one: the name comes from the
                # sentence that named the company, with the phrase's own words ("Acme Corp.’s dividend").
                found.append((named_at, owner + "’s " + " ".join(t.text for t in phrase if t.dep_ != "det"), True, content, False))
                continue
            if _anothers_here(tok, noun):
                blocked.append(content)  # "Fund A had a net outflow" ... "two-thirds of the outflow went into Vanguard funds": B's
                continue
            found.append((index, text, definite, content, vague))
    if not found:
        # "a Dutch company" before "the company": it, or the company named, so neither.
        return _only_organisation(noun, previous) if kind == "definite" and not seen else None
    index, text, definite, content, vague = found[0]
    if vague:
        return None
    if noun.dep_ == "nsubj" and noun.head.lemma_ == "be" and {t.text for c in noun.head.children if c.dep_ == "attr" for t in c.subtree if t.like_num and any(ch.isdigit() for ch in t.text)} - set(re.findall(r"[\d.,]+", text)):
        return None  # "the tax credit was $3.3 million": another one than "a tax credit of $1.4 million"
    dates = {t.lower_ for t in phrase if t.ent_type_ == "DATE" and t.is_alpha}
    if dates and {t.lower_ for t in parse(text) if t.ent_type_ == "DATE" and t.is_alpha} - dates:
        return None  # "December's figures" are not "the job figures for January"
    if any(not (other <= content or content <= other) for other in [*(f[3] for f in found[1:]), *blocked]):
        return None  # two different things with that head: which one is meant is not sure
    places = {e.text.lower() for e in parse(previous[index]).ents if e.label_ in ("GPE", "LOC") and e.text.lower() in text.lower()}
    here = {e.text.lower() for e in noun.doc.ents if e.label_ in ("GPE", "LOC")}
    if places and here and not places & here:
        return None  # "the police" in Istanbul are not the Kosovo police named before
    if kind == "definite" and _rival_introduction(noun, text, previous):
        return None  # "a closed-door meeting", "the NATO ministers' meeting": which one is not sure
    if text.split()[0] in ("A", "An", "The"):
        text = text[:1].lower() + text[1:]  # it stands inside the clause; a leading one is capitalised there
    return index, text, definite


# The nouns of a partitive that name what is left of a whole, or the whole itself: "the rest of the
# world" is the world without the part just named, never that part.
_REMAINDER = frozenset({"rest", "remainder", "whole"})


def _anothers_here(tok, noun) -> bool:
    """Whether the earlier phrase `tok` heads is what an organisation it names as its subject has
    ("The X Fund has had a net outflow of $150 million") while the clause of `noun` names other
    organisations and not that one ("two-thirds of the outflow went into other Vanguard funds"):
    the later one may be the other's."""
    if tok.dep_ not in ("dobj", "attr") or tok.head.pos_ not in ("VERB", "AUX"):
        return False
    holder = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
    if holder is None or holder.ent_type_ in _PERSON_ENTS or holder.ent_type_ not in ("ORG", "") and holder.pos_ != "PROPN":
        return False
    words = {t.lower_ for t in holder.subtree if t.pos_ == "PROPN"}
    # The firms the clause names: its organisations, and a name that qualifies a noun ("other Vanguard
    # portfolios"), whatever the tagger took it for, but no person or place.
    here = {t.lower_ for t in noun.doc if t.ent_type_ == "ORG" or t.pos_ == "PROPN" and t.dep_ in ("compound", "nmod", "poss") and t.ent_type_ not in _PERSON_ENTS | _WHERE_ENTS - {"NORP"}}
    return bool(words and here) and not words & here


def _part_of_whole(noun) -> bool:
    """"the rest of the world", "the remainder of the year", "the whole of the country": a definite
    whose phrase takes the whole, or what is left of it, so an earlier narrower mention ("the Arab
    world") is not it."""
    return noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in _REMAINDER


def _placed_part(added, noun) -> bool:
    """Whether the words an earlier phrase adds to the head are only a place or a people ("the Arab
    world", "the Western economy", "the U.S. market"), and the head names no happening: the bare
    noun may then name the whole (the world, the economy), of which that was one place's part. A
    happening takes place in one place ("the Geneva talks", "the Northern California earthquake"),
    and its place says which; so does a name ("the Supreme Court")."""
    words = [t for t in added if not t.is_punct and t.dep_ != "case"]
    if not words or noun.pos_ != "NOUN" or noun.lemma_.lower() in happening_nouns() or any(t.dep_ == "poss" for t in words):
        return False  # a possessor says whose ("Cineplex's shares"), which is which
    return all(t.ent_type_ in _WHERE_ENTS or t.pos_ == "ADJ" and t.text[:1].isupper() and t.i > 0 for t in words)


# WordNet's kinds of organisation that one firm may be (what "Corp." makes a name): not the
# enterprise or the commercial enterprise, which are also an industry or a market.
_A_BUSINESS = frozenset({"business", "company", "financial_institution"})
# Determiners of a phrase that names no one thing: "any U.S. thrift".
_ANY = frozenset("any every each no either neither".split())
# Entities that name something: a modifier of one says which ("an Upjohn spokesman").
_NAMING_ENTS = frozenset("PERSON ORG GPE NORP LOC FAC EVENT LAW PRODUCT WORK_OF_ART LANGUAGE".split())
# Amounts: "a tax credit of $1.4 million" is that one.
_AMOUNT_ENTS = frozenset("MONEY PERCENT QUANTITY CARDINAL".split())


def _identifying(words, head) -> bool:
    """Whether the indefinite phrase `words` (headed by `head`) says which thing it is, not only
    what kind: a name ("an Upjohn spokesman", "economic sanctions against Iraq"), a possessor, an
    amount ("a loss of $5 million", "a 20% gain"), or a prepositional phrase that relates it to
    something else ("a charge of fraud"). Not an adjective, a common noun before it or a date ("a
    television advertisement", "a constitutional convention", "a fourth-quarter charge"), nor a
    phrase that points back itself ("an agreement between the two concerns")."""
    for t in words:
        if t.i == head.i or t.dep_ == "det":
            continue
        if t.pos_ == "PROPN" or t.ent_type_ in _NAMING_ENTS or t.dep_ == "poss":
            return True
        if t.dep_ == "pobj" and t.head.head.i == head.i and t.pos_ == "NOUN" and not any(c.dep_ == "det" and c.lower_ == "the" for c in t.children):
            return True  # "a charge of fraud", "new regulations on organ transplants": what it is about
        counted = t.head if t.dep_ in ("nummod", "quantmod", "compound") else t
        if (t.ent_type_ in _AMOUNT_ENTS or t.like_num and t.ent_type_ not in _NOT_PARTICIPANTS) and not any(c.dep_ == "det" and c.lower_ == "the" for c in counted.children):
            return True
    return False


# How many sentences may pass with no word of a participant's noun before that noun alone no
# longer points back to the name it was in apposition to: "the Internet, the global network", and
# ten sentences on "the network" may be another one (a story names what it still means).
_CHAIN_GAP = 4


def _said_again(tok, phrase) -> bool:
    """Whether the noun `tok` is in a phrase that points back as `phrase` does ("the company", "the
    pharmaceutical company", "the company, which ..." before "the company"): the same one again, no
    rival to it, unlike "a Dutch company", "another company" or "the other company"."""
    words = {t.lower_ for t in phrase}
    left = [c for c in tok.children if c.i < tok.i]
    if tok.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ == "the" for c in left):
        return all(c.dep_ == "compound" and c.lower_ in words for c in left) and bool(left)  # "the truck maker's" said again
    return not any(t.lower_ in _ANOTHER_ONE | {"other"} or t.like_num for c in left for t in c.subtree) and not any(
        c.dep_ in ("prep", "acl") for c in tok.children if c.i > tok.i
    )


def _mentioned_since(lemma: str, index: int, previous: Sequence[str]) -> bool:
    """Whether the noun `lemma` recurs from sentence `index` (the antecedent's) to the end of
    `previous` with no more than `_CHAIN_GAP` sentences between mentions, nor after the last one."""
    last = index
    for i in range(index + 1, len(previous)):
        if any(t.lemma_.lower() == lemma for t in parse(previous[i])):
            last = i
        elif i - last > _CHAIN_GAP:
            return False
    return len(previous) - last <= _CHAIN_GAP + 1


def _apposed(tok, named) -> bool:
    """Whether the noun `tok` and the name `named` stand side by side, one in apposition to the
    other ("James Kopp, the suspect", "the suspect, James Kopp")."""
    first, second = (named, tok) if named.i < tok.i else (tok, named)
    end = max(t.i for t in first.subtree if t.i <= second.left_edge.i - 1) if first.i < second.left_edge.i else first.i
    return second.left_edge.i - end <= 2


def _of_its_kind(named, lemma: str) -> bool:
    """Whether the name `named` is of the kind the noun `lemma` names: a person for "the officer",
    not for "the country"."""
    kind = named.ent_type_
    person = lemma in _PERSON_NOUNS or lemma in person_nouns()
    return not kind or (kind == "PERSON") == person


def _rival_introduction(noun, phrase: str, previous: Sequence[str]) -> bool:
    """Whether the article introduces another thing `noun` may name besides the one `phrase` says
    ("charges against Ann Bell", then "charges against Tom Reed", or "charges" again): a phrase with
    words that disagree with the antecedent's, or a second indefinite one (a parse that hangs the
    words that say which on the verb leaves only "charges")."""
    taken = {re.sub(r"[.-]", "", w) for w in re.findall(r"[\w.-]+", phrase.lower())}
    introductions = _introductions(noun, previous)
    return any(not (words <= taken or taken <= words) for words, _ in introductions) or sum(new for _, new in introductions) > 1


def _bound_possessor(pronoun, noun, before: Sequence[str] = ()) -> tuple[str, int | None] | None:
    """The organisation an "its" in "Acme Corp. extended its tender offer" stands for: the name that
    is the subject of the very verb whose object holds the pronoun (a binding, not a guess), or the
    one organisation the sentences `before` named when that subject is "the company" or a
    description of it ("The Boston garment maker boosted its dividend": `_only_organisation`), with
    the index of the sentence in `before` that names it (None for a name in its own sentence); None
    for any other pronoun or construction."""
    verb = noun.head
    if pronoun.lower_ != "its" or noun.dep_ not in ("dobj", "nsubjpass") or verb.pos_ != "VERB":
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None and before and subject.pos_ == "NOUN" and subject.tag_ == "NN" and (
        subject in _described_organisations(subject.doc, quoted_spans(subject.doc.text)) or _says_not_which(subject) and any(c.lower_ == "the" for c in subject.children)
    ):
        named = _only_organisation(subject, before)
        return None if named is None or _rival_mention(subject, before) else (re.sub(r"^[Tt]he\s+", "", named[1]), named[0])
    if subject is None or subject.pos_ != "PROPN" or subject.ent_type_ not in ("ORG", ""):
        return None
    words = [t for t in subject.subtree if not t.is_punct or t.text == "."]
    if any(t.dep_ in ("appos", "relcl", "acl", "prep", "cc", "conj") for t in words) or words[-1].i - words[0].i + 1 != len(words):
        return None
    return re.sub(r"^[Tt]he\s+", "", subject.doc[words[0].i : words[-1].i + 1].text), None


# Nouns for what spaCy's ORG names are built to name: a business.
_COMPANY_NOUNS = frozenset({"company", "firm"})


def _orgs_named(texts: Sequence[str], labels: tuple[str, ...] = ("ORG",)) -> set[str]:
    """The organisations (or other `labels`) named in `texts`, each once."""
    return {re.sub(r"(?i)^the\s+|[’']s$", "", e.text).lower() for text in texts for e in parse(text).ents if e.label_ in labels}


# Nouns for a business that "called X" or "named X" may introduce ("a joint venture called X").
_BUSINESS_NOUNS = _COMPANY_NOUNS | frozenset({"venture", "business", "enterprise", "corporation", "subsidiary", "partnership"})
# The words after a name that make it a company's ("Acme Corp.", "Zed Ltd").
_CORPORATE_SUFFIXES = frozenset("inc inc. corp corp. co co. cos cos. ltd ltd. plc llc ag sa s.a. nv n.v. gmbh group".split())


def _called_businesses(previous: Sequence[str]) -> list[tuple[int, str]]:
    """The businesses the article introduces by name with "called"/"named" ("set up a joint venture
    called Orion 1980"), as (sentence index, name)."""
    found = []
    for index, text in enumerate(previous):
        doc = parse(text)
        for tok in doc:
            if tok.lemma_.lower() in _BUSINESS_NOUNS and tok.pos_ == "NOUN":
                for acl in (c for c in tok.children if c.dep_ == "acl" and c.lemma_.lower() in ("call", "name")):
                    name = next((c for c in acl.children if c.dep_ in ("oprd", "attr", "dobj", "xcomp") and c.pos_ == "PROPN"), None)
                    if name is not None:
                        words = [t for t in name.subtree if t.dep_ in ("compound", "flat", "nummod") or t.i == name.i]
                        if words[-1].i - words[0].i + 1 == len(words):
                            found.append((index, doc[words[0].i : words[-1].i + 1].text))
    return found


@functools.cache
def _person_words() -> frozenset[str]:
    """person_nouns() and _PERSON_NOUNS in one set, built once: built for every word checked, it cost seconds an article."""
    return person_nouns() | _PERSON_NOUNS


def _titled_people(previous: Sequence[str]) -> set[str]:
    """The last names of the people the article gives a person's title or role ("astronaut Ann
    Bell", "Ann Bell, a pilot"), lower-cased: a tagger's organisation of that name is a person."""
    people = set()
    for text in previous:
        for tok in parse(text):
            if tok.pos_ in ("NOUN", "PROPN") and tok.lower_ in _person_words() and tok.head.pos_ == "PROPN" and tok.dep_ in ("compound", "appos"):
                if any("organization" in kinds for _, kinds in organisation_nouns().get(tok.lemma_.lower(), ())):
                    continue  # "Acme, a maker of trucks", "a carrier": a firm's kind as much as a person's
                if tok.dep_ == "compound" and tok.ent_type_ == "ORG" and tok.ent_iob_ == "B" and tok.head.ent_type_ == "ORG" and tok.head.ent_iob_ == "I":
                    continue  # "General Motors": the first word of an organisation's name, no title
                people.add(tok.head.lower_)
    return people


def _only_organisation(
    noun, previous: Sequence[str], kind: str | None = None, among: set[str] | None = None, why: list[str] | None = None
) -> tuple[int, str, bool] | None:
    """"In fiscal 1988, the company earned ...", "the bank said", "the truck maker": the one
    organisation of the noun's kind the article named before, or the one business it introduced by
    name ("a joint venture called X"): its name. Two of that kind, one whose kind is not known
    beside one that is, or one named in the clause itself, and which is meant is not sure.

    Kinds are WordNet's (`_name_fits`): "Chase Manhattan Bank" may be "the bank" or "the company",
    "Oshkosh Truck Corp." any business, "the Labor Department" no company; a name with no word that
    says its kind ("Oshkosh Truck", "Magna") may be any business, so it is a rival to all of them
    and the referent of a business noun only. With `kind` ("company"), the one organisation of that
    kind whose thing `noun` is ("Revenue rose": the company's), whatever `noun` itself names; with
    `among` (first words of names), only those are candidates: a rival named in a side phrase is not
    whose revenue the story tells (`_owner`). None is the answer too when it was named long ago and
    another organisation has acted since. Of several that fit, the story's firm of the sentence just
    before, unless another was tied to it in one phrase ("Acme Corp. said its unit, Beta Inc., ...")
    or named with it in the last `_RECENT` sentences; `why` (when given) receives "several", "moved on" or
    "named here" when an organisation the noun may stand for was named (`unnamed_organisations`)."""
    clipped = None if kind else _clipped_business(noun)
    lemma = kind or clipped or noun.lemma_.lower()
    ranked = [(rank, kinds) for rank, kinds in organisation_nouns().get(lemma, ()) if "organization" in kinds]
    if not ranked or noun.tag_ != "NN" and kind is None:
        return None
    if kind is None and clipped is None and not _organisation_sense(noun):
        return None  # "the concern is that ...": a worry first; "the publishing concern" is a firm
    senses = [kinds for _, kinds in ranked]
    # Its first sense that is an organisation is a business, one a firm may be ("the maker", "the
    # bank"), not the trade ("the industry", "the market"): "the agency" is a government's.
    business = bool(senses[0] & _A_BUSINESS)
    if any(c.dep_ in ("cc", "conj") for c in noun.children):
        return None  # "the computer maker and defense-electronics concern": the name would stand for half of it
    if any(c.lower_ in _ANOTHER_ONE | {"other"} for c in noun.children if c.i < noun.i):
        return None  # "the new company", "the other bank": not the one named
    if _orgs_named([noun.doc[: noun.i].text]) - _titled_people(previous) or _named_again_here(noun, previous):
        if why is not None:
            why.append("named here")  # which, the caller tells from where the name stands
        return None
    people = _titled_people(previous)
    fits: dict[tuple[str, ...], bool | None] = {}  # per organisation named: whether the noun may name it
    nearest: dict[tuple[str, ...], tuple[int, str]] = {}
    acting: set[tuple[str, ...]] = set()  # named as a subject or an owner somewhere, not only in a side phrase
    acted: dict[tuple[str, ...], int] = {}  # the last sentence where any organisation is a subject
    named_in: dict[tuple[str, ...], set[int]] = {}  # the sentences that name each
    suffixed: set[tuple[str, ...]] = set()  # named with a corporate word ("Ogden Corp.")
    tied: list[tuple[tuple[str, ...], tuple[str, ...]]] = []  # named in one phrase: a parent and its unit
    placed: set[tuple[str, ...]] = set()  # named somewhere else than where something happens ("on the Big Board")
    if business:  # "a joint venture called Lumen 1990": a business, whatever the tagger takes its name for
        for index, name in _called_businesses(previous):
            key = tuple(name.lower().split())
            fits[key], nearest[key] = True, (index, name)
    for index, text in enumerate(previous):
        doc = parse(text)
        quoted = quoted_spans(text)
        keyed = []  # this sentence's organisations and their keys
        for e in doc.ents:
            if e.label_ != "ORG":
                continue
            key = tuple(t.lower_ for t in e if not t.is_punct and t.lower_ not in _CORPORATE_SUFFIXES | {"the", "'s", "’s"})
            if key and (e.root.dep_ in ("nsubj", "nsubjpass", "poss") or e.root.dep_ == "appos" and e.root.head.dep_ in ("nsubj", "nsubjpass")):
                acted[key] = index  # of any kind: "The Treasury said" is a subject of the story too
            if not key or key[-1] in people and not any(t.lower_ in _CORPORATE_SUFFIXES for t in e):
                continue  # "astronaut Ann Bell", whom the tagger took for an organisation
            if all(w in organisation_nouns() for w in key):
                continue  # "Party spokesman X": a kind the tagger took for a name
            known = next((k for k in fits if k[: len(key)] == key or key[: len(k)] == k), None)  # "Oshkosh Truck" is "Oshkosh Truck Corp."
            corporate = any(t.lower_ in _CORPORATE_SUFFIXES for t in e)
            if known is not None and known != key and (corporate and known in suffixed or _within_other_name(e, doc) is not None):
                # "Ogden Corp." and "Ogden Projects Inc.", each with its corporate word, are two firms
                # (a parent and its unit), and so is a name inside another's phrase ("Harbor Holdings
                # Inc., the parent of the shipping line Harbor"): not a short form of it.
                known = None
            if known is not None and len(key) > len(known):
                fits[key] = fits.pop(known)
                if known in nearest:
                    nearest[key] = nearest.pop(known)
                if known in named_in:
                    named_in[key] = named_in.pop(known)
                if known in acting:
                    acting.add(key)
                if known in placed:
                    placed.add(key)
                known = key
            fit = _name_fits(e, lemma, business)
            key = known or key
            keyed.append((e, key))
            if corporate:
                suffixed.add(key)
            if e.root.dep_ in ("nsubj", "nsubjpass", "poss") or e.root.dep_ == "appos" and e.root.head.dep_ in ("nsubj", "nsubjpass"):
                acting.add(key)
            # "shares rose on the New York Stock Exchange", "in Big Board composite trading": a setting
            # ("a stake in Banque X" names what is owned: a firm, no setting)
            setting = e.root.dep_ == "pobj" and e.root.head.lower_ in ("on", "in", "at") and e.root.head.head.lemma_.lower() not in possession_nouns()
            if not (setting or e.root.dep_ in ("compound", "nmod") and e.root.head.i >= e.end):
                placed.add(key)
            # One mention may say its kind ("the new federal act, the X Act") where another does not.
            fits[key] = fit if key not in fits else False if False in (fits[key], fit) and True not in (fits[key], fit) else True if True in (fits[key], fit) else None
            if not any(a <= e.start_char < b for a, b in quoted):
                start = e.start
                while start > 0 and doc[start - 1].text[:1].isupper() and doc[start - 1].dep_ in ("compound", "flat") and e.start <= doc[start - 1].head.i < e.end:
                    start -= 1  # a first word of the name the tagger left out ("[Price] Stern Sloan Inc.")
                # "Magna International Inc.'s shares": its possessive off; "Shoney's said": its name
                end = e.end - 1 if doc[e.end - 1].text in ("'s", "’s", "'") and e.root.dep_ == "poss" else e.end
                named_in.setdefault(key, set()).add(index)
                nearest[key] = (index, re.sub(r"^[Tt]he\s+", "the ", doc[start:end].text) + _abbreviation_stop(doc, end, previous))
        for e, key in keyed:
            # "Beta Inc., a unit of Acme", "Acme said its unit, Beta Inc., ...": two firms tied in one phrase
            outer = _within_other_name(e, doc)
            unit = e.root.dep_ == "appos" and any(c.dep_ == "poss" for c in e.root.head.children)
            tied += [(key, k) for o, k in keyed if k != key and (o == outer or unit)]
    # A name whose kind is not known and that is only ever a setting is no rival ("on the Big Board").
    candidates = [k for k, fit in fits.items() if (fit is True or fit is None and k in placed) and (among is None or k[0] in among)]
    if len(candidates) > 1 and kind is None:
        # "Kellogg indicated it has room to grow. The company has five other plants": of several
        # named, the one the sentence just before (or the one before it) has as its subject or owner,
        # when no other is named as late and the story names it more often than any other: the
        # company the story is about and has just been about. A second firm named once last is no such.
        last = max(nearest[k][0] for k in candidates if k in nearest)
        latest = [k for k in candidates if k in nearest and nearest[k][0] == last]
        often = lambda k: len(named_in.get(k, ()))  # noqa: E731
        # Not when another is still in the story (named in the last few sentences: the parties of a
        # deal, a buyer and its target), nor when the story tied another to it in one phrase (a parent
        # and its unit: "Acme Corp. said its unit, Beta Inc., filed ..."): "the company" may be either,
        # whichever the story named last.
        related = lambda a, b: a[: len(b)] == b[: len(a)]  # noqa: E731  "Beta" and "Beta Inc."
        paired = len(latest) != 1 or any(
            any(j >= len(previous) - _RECENT for j in named_in.get(latest[0], set()) & named_in.get(k, set()))
            or any(related(a, latest[0]) and related(b, k) or related(a, k) and related(b, latest[0]) for a, b in tied)
            for k in candidates if k != latest[0]
        )
        if len(latest) == 1 and not paired and last >= len(previous) - 2 and acted.get(latest[0]) == last and all(often(latest[0]) > often(k) for k in candidates if k != latest[0]):
            candidates = latest
    if len(candidates) != 1 or candidates[0] not in nearest:
        if why is not None and len(candidates) > 1:
            why.append("several")
        return None
    if fits[candidates[0]] is None and (clipped or not (business and candidates[0] in acting)):
        # "the agency" and a name that does not say it is one ("Reuters"); a name that does not say
        # its kind and only stands in a side phrase ("standards from the X Act") may be no business;
        # nor for a clipped kind ("the thrift"): only a name that says it is one ("X Savings").
        return None
    index, name = nearest[candidates[0]]
    if len(previous) - index > _RECENT and any(at > index and k[: len(candidates[0])] != candidates[0][: len(k)] for k, at in acted.items()):
        # "Acme Corp. ... [six sentences about what the Treasury did] ... the company": the story has
        # moved on to another organisation, and a reader no longer takes it for the one named long before.
        if why is not None:
            why.append("moved on")
        return None
    # "the company [Oshkosh Truck Corp.] earned": the article's words stay, which the faithfulness
    # check reads as the same participant; a possessor takes the name itself ("Acme’s headquarters").
    return index, name, noun.doc[noun.i + 1 : noun.i + 2].text in ("'s", "’s", "'")


# How many sentences back an organisation may have been named for "the company" to be it when
# another organisation has acted in the story since (`_only_organisation`).
_RECENT = 5


def _clipped_business(noun) -> str | None:
    """"The Van Nuys, Calif., thrift": a described noun that is no organisation in WordNet but the
    first word of the one business WordNet names with it and an organisation noun (a thrift
    institution), as the article clips the kind word off; that business's lemma. None for a noun
    with no place before it, or another compound ("the takeover" is no takeover target)."""
    lemma = noun.lemma_.lower()
    # Only with a place before it ("the Van Nuys, Calif., thrift", "the Dallas-based thrift"), which makes
    # it a firm there: "the police search" is no search party, "the bankrupt thrift" may be frugality.
    if lemma in organisation_nouns() or not any(c.dep_ in ("amod", "nmod", "compound") and c.i < noun.i and any(t.ent_type_ in _WHERE_ENTS for t in c.subtree) for c in noun.children):
        return None
    firms = [
        compound for compound in _business_compounds()
        if compound.split("_", 1)[0] == lemma and compound.count("_") == 1 and any("organization" in kinds for _, kinds in organisation_nouns().get(compound.split("_")[1], ()))
    ]
    return firms[0] if len(firms) == 1 else None


def _organisation_sense(noun) -> bool:
    """Whether the noun may name an organisation here: its first sense is one, or a compound says
    it is ("the publishing concern"); "Reflecting the concern, ..." is a worry."""
    ranked = [rank for rank, kinds in organisation_nouns().get(noun.lemma_.lower(), ()) if "organization" in kinds]
    # ("the abrasives, engineering materials and petroleum services concern": the parse may hang
    # the modifiers on it as nmod)
    return bool(ranked) and (ranked[0] < 3 or any(c.dep_ in ("compound", "nmod") and c.i < noun.i for c in noun.children))


# Dependencies that keep a word inside the noun phrase of the name above it: "the parent of the
# auction house Harbor", "Acme's unit Beta", "Beta Inc., a unit of Acme".
_WITHIN_PHRASE = frozenset({"appos", "prep", "pobj", "poss", "compound", "nmod", "amod", "case", "punct", "det", "flat"})


def _within_other_name(name, doc):
    """The other organisation named in its sentence inside whose phrase the organisation `name`
    stands ("Harbor Holdings Inc., the parent of the shipping line Harbor"; "Beta Inc., a unit of
    Acme"): a second organisation tied to the first, not a list of two ("Acme and Beta"); else None."""
    for other in doc.ents:
        if other.label_ != "ORG" or other.start == name.start or name.root.i not in {t.i for t in other.root.subtree}:
            continue
        path, tok = [], name.root
        while tok.i != other.root.i and tok.head.i != tok.i:
            path.append(tok.dep_)
            tok = tok.head
        # Within its noun phrase: not a list, nor a clause that tells something else ("Kellogg, which
        # lost share to rival General Mills,").
        if tok.i == other.root.i and all(dep in _WITHIN_PHRASE for dep in path):
            return other
    return None


def _named_again_here(noun, previous: Sequence[str]) -> bool:
    """Whether the clause names, before `noun`, an organisation the article named before, though the
    tagger does not take it for one here ("John Smith, chief financial officer of Milton Roy, said
    the company ..."): "the company" may be that one."""
    doc = noun.doc
    if any(  # "chief financial officer of Milton Roy": the body a person's role is in is an organisation
        t.pos_ == "PROPN" and t.dep_ == "pobj" and t.head.lower_ in ("of", "at") and t.head.head.lemma_.lower() in _person_words()
        and t.ent_type_ not in _WHERE_ENTS for t in doc[: noun.i]
    ):
        return True
    before = doc[: noun.i].text.lower()
    people = _titled_people(previous)  # "astronaut Ann Bell", whom the tagger took for an organisation
    names = {" ".join(w for w in name.split() if w not in _CORPORATE_SUFFIXES) for name in _orgs_named(previous) if name.split()[-1] not in people}
    return any(len(name) > 2 and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", before) for name in names)


def _abbreviation_stop(doc, end: int, texts: Sequence[str]) -> str:
    """"." when the name ending before token `end` ends with an abbreviation whose full stop the
    tokenizer split off ("Philip Morris Cos." at a sentence's end): a corporate word ("Inc.",
    "Corp.", "Co.", "Ltd."), or a word the article writes with a full stop where no sentence ends
    ("Philip Morris Cos., New York,"); "" otherwise ("Acme Bank." ends its sentence)."""
    if end >= len(doc) or doc[end].text != "." or doc[end - 1].whitespace_ or doc[end - 1].text.endswith("."):
        return ""
    word = doc[end - 1].text
    if f"{word.lower()}." in _CORPORATE_SUFFIXES:  # "Cos", not "Group"
        return "."
    within = re.compile(rf"\b{re.escape(word)}\.(?=\s*[,;:)a-z0-9$])")  # "Cos., New York", "Cos. said"
    return "." if any(within.search(text) for text in texts) or end + 1 < len(doc) and not doc[end + 1].is_punct else ""


def _name_fits(name, lemma: str, business: bool) -> bool | None:
    """Whether the organisation `name` (an entity span) may be what the noun `lemma` names: True
    when its kind is one (WordNet's hypernyms: "Chase Manhattan Bank" is a bank, "Pan Am World
    Airways" a carrier), when both are businesses and one of them names no special kind ("Oshkosh
    Truck Corp." may be the truck maker, "Chase Manhattan Bank" the company); None when the name
    does not say its kind ("Oshkosh Truck"); False for another kind ("the Securities and Exchange
    Commission" is no company)."""
    nouns = organisation_nouns()
    words = [t for t in name if not t.is_punct and t.lower_ not in ("the", "'s", "’s")]
    root = name.root
    apposed = next((  # with its article: not the parse's "Acme Corp., Dayton, Ohio, estimated earnings"
        t for t in [*root.children, root.head]
        if t.pos_ == "NOUN" and (t.dep_ == "appos" and t.head.i == root.i or root.dep_ == "appos" and t.i == root.head.i) and any(c.dep_ == "det" for c in t.children)
    ), None)
    if apposed is not None and any(t.lower_ in _CORPORATE_SUFFIXES for t in words) and apposed.lemma_.lower() not in nouns:
        apposed = None  # "X Holdings Inc., the parent of Y": a relation, no kind; "Inc." says a business
    if apposed is not None:  # "the new federal act, the X Act", "X Inc., a fast-food company": its kind said
        kinds = [k for _, k in nouns.get(apposed.lemma_.lower(), ())[:1]]
        if not kinds or "organization" not in kinds[0]:
            return False
    elif any(t.lower_ in _CORPORATE_SUFFIXES for t in words):
        kinds = [k for _, k in nouns["corporation"][:1]]  # "Corp.", "Inc.", "Ltd.": a business, of no special kind
    else:
        head = name.root.lower_
        if lemma in (head, head.removesuffix("s")):
            return True  # "Chase Manhattan Bank" is a bank
        found = _kinds_of_name([t for t in name if (not t.is_punct or t.text == "&") and t.lower_ not in ("the", "'s", "’s")], root)
        if found is None:
            return None
        kinds, elided = [found[0]], found[1]
        if lemma in kinds[0]:
            return True
        if elided:
            # "Bethlehem Steel" is a steel company, which may be "the company", and "the steelmaker" too:
            # a head word that only begins WordNet's compounds says its kind, not which it is not.
            return True if business and lemma in _general_business() else None
    if any(lemma in k for k in kinds):
        return True
    general = _general_business()
    if business and any("$" in k for k in kinds):
        # Either says no more than "a business": a bank may be "the company", a corporation "the airline".
        return lemma in general or any(k <= general for k in kinds if "$" in k)
    return False


def _kinds_of_name(words, root) -> tuple[frozenset[str], bool] | None:
    """The kinds WordNet gives an organisation's name (`words`, its head `root`), and whether they
    come from a head word that only begins WordNet's nouns; None when its words do not say. The name itself as WordNet knows it ("NASA", "Congress"),
    else its longest run of last words that WordNet has as one organisation noun ("Columbia Savings
    & Loan Association" is a savings and loan, a bank, not an association of any kind; "Delta Air
    Lines" an airline, not a lineage), else its head word ("the Labor Department", "Bank of
    Boston"), or the business a head word only begins in WordNet (`_elided_kinds`: "Coast Savings"
    is a savings bank, "Bankers Trust" a trust company, not a cartel)."""
    nouns = organisation_nouns()
    spelt = ["and" if t.text == "&" else t.lower_ for t in words]
    # The words up to its head when a preposition follows it ("Bank of Boston"), else up to its last
    # (the parse may make "Savings" the head of "Savings & Loan Association").
    at = next((n for n, t in enumerate(words) if t.i == root.i), len(words) - 1)
    last = at + 1 if any(t.pos_ == "ADP" for t in words[at:]) else len(words)
    runs = ["_".join(spelt)] + [sep.join(spelt[start:last]) for start in range(max(0, last - 4), last - 1) for sep in ("_", "")]
    known = next((h for r in runs for h in (r, r.removesuffix("s")) if h in nouns), None)
    head = root.lower_
    if known is None:
        known = next((h for h in (head, head.removesuffix("s")) if h in nouns), None)
        elided = _elided_kinds(head)
        # A head word whose sense as a group is not its common one ("trust": a cartel) is the business it begins.
        if elided is not None and (known is None or nouns[known][0][0] > 0):
            return elided, True
        if known is None:
            return None
    kinds = nouns[known][0][1]  # its first sense as a group: "Court" is a tribunal, not a royal court
    if "organization" not in kinds:
        return None  # "Lines", "Family": a word whose first sense names no organisation does not say its kind
    return kinds, False


def _a_business(lemma: str) -> bool:
    """Whether the noun's first sense as an organisation is a firm, a company or a bank."""
    senses = [kinds for _, kinds in organisation_nouns().get(lemma, ()) if "organization" in kinds]
    return bool(senses and senses[0] & _A_BUSINESS)


def _general_business() -> set[str]:
    """The kinds a company or a corporation is: what "the company" or "the firm" may name."""
    nouns = organisation_nouns()
    return {w for _, k in nouns["company"][:1] for w in k} | {w for _, k in nouns["corporation"][:1] for w in k}


@functools.cache
def _elided_kinds(word: str) -> frozenset[str] | None:
    """What every business WordNet names with two or more words beginning with `word` is
    ("savings": savings bank, savings and loan, both thrifts; "trust": trust company, trust
    corporation): the kind a name ending in the word alone is, as the article shortens it. None when
    no such business, or when they share no more than being an organisation."""
    firms = [kinds for lemma, kinds in _business_compounds().items() if lemma.split("_", 1)[0] in (word, word.removesuffix("s"))]
    shared = frozenset.intersection(*firms) if firms else frozenset()
    return shared if shared & _A_BUSINESS else None


@functools.cache
def _business_compounds() -> dict[str, frozenset[str]]:
    """WordNet's organisation nouns of two or more words whose first sense is a firm, a company or
    a financial institution (`_A_BUSINESS`), each with that sense's kinds."""
    return {lemma: senses[0][1] for lemma, senses in organisation_nouns().items() if "_" in lemma and senses[0][1] & _A_BUSINESS}


# The words that may stand before a noun in its phrase: articles, adjectives, numbers, names and
# nouns that qualify it, a possessor ("Israel's"), and the hyphen inside a word ("anti-Arab").
_PREMODIFIER_TAGS = frozenset("DT PDT JJ JJR JJS NN NNS NNP NNPS CD POS HYPH VBN VBG PRP$".split())
# Prepositions that say which thing a noun is: "the talks [in Geneva]", "a call [with Macron]",
# "the charges [against Kopp]".
_RESTRICTING_PREPS = frozenset("of with for in on at between against about over".split())


def _plain_phrase(noun) -> list:
    """The noun phrase headed by `noun` as a referent can repeat it: its modifiers before it, a
    number after a name ("Resolution 425") and the prepositional phrases that say which it is,
    with no clause, comma or verb; [] when the words before it are not a plain phrase (a parse
    that hangs "The Internet - through ..." on "solutions")."""
    doc = noun.doc
    left = [t for c in noun.lefts for t in c.subtree]
    if left and (left[-1].i != noun.i - 1 or left[0].i + len(left) != noun.i):
        return []
    start = noun.i - len(left)
    if noun.dep_ == "conj" and start > 0 and doc[start - 1].dep_ == "cc" and noun.head.tag_ in ("NNP", "JJ") and not any(t.dep_ == "det" for t in left) and not any(
        c.dep_ == "det" for c in noun.head.children
    ):
        # "White House and Republican sources": the sources of both, not "Republican sources"
        head = noun.head
        if head.left_edge.dep_ in ("compound", "amod", "det") or head.left_edge.i == head.i:
            if all(t.dep_ in ("compound", "amod") and t.i < head.i for t in head.children if t.i < head.i):
                return list(doc[head.left_edge.i : noun.i + 1])
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
        comma = next((n for n, t in enumerate(sub) if t.text == ","), None)
        if c.dep_ == "prep" and comma is not None and any(p.dep_ == "pobj" and p.i < sub[comma].i for p in c.children):
            sub = sub[:comma]  # "its offer of $18 a share[, or about $576 million,]": up to the aside
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
        or t.dep_ in ("nsubj", "nsubjpass") and (t.pos_ == "PROPN" or _unknown_capitalised(t) and t.pos_ != "PRON")  # not "We", "It"
        # a subject's name, whatever the tagger took it for ("Slepian" as a nationality, "Ruiz" as a noun)
        or t.tag_ in ("NN", "VB") and t.lemma_.lower() in person_nouns()  # the tagger takes some nouns for verbs
        for t in doc[: pronoun.i]
    )


_FIRST_PERSON = frozenset("i we me us my our".split())


@cached()
def dangling(text: str, outlet: bool = False, previous: Sequence[str] | None = None) -> list[str]:
    """The words of a claim's text that point back to what the text does not say: a pronoun with
    no name before it, a leading "It" or "That", "this plan" or "such a plan", and, in what no one
    is said to say (`outlet`), an "I" or "we". With the article's sentences before the text
    (`previous`), also a definite participant the article introduced before ("the ruling", "the
    two men", "four other attacks", "since then": `pointing_back`), and what points out of the
    text by its grammar alone (`leans_on_before`, `deictic_phrases`: '"That deal is dead"', "a
    similar attack", "Following are ...", "the systems shipped"); without them a bare "the plan"
    is not counted (it is often the only one the reader can think of)."""
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
        elif in_quote:
            # '``He may have fled,'' the agent said', '"They will pay for it," X said': who or what,
            # neither quote nor speaker says, unless a bracket after it does or the text names
            # someone (something) before it that it may stand for.
            if lower in ("this", "that", "these", "those") and tok.tag_ == "DT" and tok.dep_ in ("nsubj", "nsubjpass") and not _clause_before(tok) and not any(
                c.dep_ in ("relcl", "acl") for c in tok.children
            ) and not any(t.pos_ in ("NOUN", "PROPN") for t in doc[: tok.i]):
                found.append(tok.text)  # '``This is an important step,'' X said': a step of what, the quote opens without saying
                continue
            if lower not in _QUOTED_PRONOUNS or doc[tok.i + 1 : tok.i + 2].text == "[" or _unresolved_quoted(tok) is False and not _thing_named_only_as_kind(tok):
                continue
            found.append(tok.text)
        elif lower in _PERSON_PRONOUNS:
            subject = next((c for c in tok.sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            # "In his cabinet, Howard is ...", "Taking the stand in her own defense, a friend of X said ...": the subject that follows.
            root = tok.sent.root
            # The parser may take that subject for an object of the opening participle: then any person before the main verb.
            ahead = [subject] if subject is not None else [t for t in doc[tok.i + 1 : root.i] if t.pos_ in ("NOUN", "PROPN")] if root.i > tok.i else []
            # Not the noun the possessive belongs to: in "His mother died" the mother is not who "his" is.
            cataphora = any(t.i > tok.i and t != tok.head and (t.pos_ == "PROPN" or t.lemma_.lower() in person_nouns()) for t in ahead)
            if not cataphora and not any(_may_be_named(t, tok) for t in doc[: tok.i]) and not _reporters_pronoun(tok) and not _bound_by_relative(tok):
                found.append(tok.text)
        elif lower == "they" and tok.dep_ == "nsubj" and _speaks(tok) and not _bound_plural(tok):
            found.append(tok.text)  # "The real culprits, they said, are ...": who says it, the text does not say
        elif lower in ("it", "they", "this", "that", "these", "those") and tok.dep_ in ("nsubj", "nsubjpass") and not any(c.dep_ in ("relcl", "acl") for c in tok.children) and (
            tok.i == _first_word(doc) or tok.head.dep_ == "ROOT" and not any(t.pos_ in ("NOUN", "PROPN") for t in doc[: tok.i]) or _thing_named_only_as_kind(tok)
        ):
            found.append(tok.text)  # "It was a bomb", "More recently it has ...": what "it" is, the text does not say
        elif lower in ("this", "these", "those", "that") and tok.tag_ == "DT" and not any(c.dep_ in ("relcl", "acl") for c in tok.children) and not _clause_before(tok) and not _stands_in(tok):
            found.append(tok.text)  # "Eight of those are ...", "He denied that.", "Once that happens, ..."
        elif lower in ("them", "their", "its", "they") and not _stands_for(tok):
            found.append(tok.text)  # "many of them are ...", "Their lawyers ...": no noun they could stand for
    found += [
        doc[first : noun.i + 1].text for first, noun, kind in _referring_phrases(doc, quoted)
        # "This man, Eric Dale, ...": a name in apposition says who (`_says_which`)
        if kind != "definite" and doc[noun.i + 1 : noun.i + 2].text != "[" and not (kind == "demonstrative" and (_demonstrative_given(noun) or _says_which(noun)))
    ]
    # "a bomb explodes at another clinic": another than which, the text must say ("one clinic ... another").
    found += [
        doc[det.i : det.head.i + 1].text for det in doc
        if det.lower_ == "another" and det.dep_ == "det" and det.head.pos_ == "NOUN" and not any(a <= det.idx < b for a, b in quoted)
        and not any(t.lemma_ == det.head.lemma_ for t in doc[: det.i]) and not _another_says_itself(det.head)
    ]
    if previous is not None:
        found += [doc[first : noun.i + 1].text for first, noun, _ in pointing_back(text, previous) if doc[first : noun.i + 1].text not in found]
        found += [p for p in _unplaced(doc, quoted, previous) if p not in found and not any(p in f or f in p for f in found)]
        found += [p for p in leans_on_before(text) if not any(p in f or f in p for f in found)]  # "was less reticent", "did not"
        # "Some had predicted ...", "In the square, they put up a cross": see the end of this module.
        found += [p for p in [*unsaid_populations(text, previous), *unplaced_plurals(text), *unplaced_object_it(text)] if not any(p in f or f in p for f in found)]
        found += [p for p in unowned(text, previous) if not any(p in f or f in p for f in found)]  # "Revenue rose 15%": whose
        found += [p for p in unnamed_organisations(text, previous) if not any(p in f or f in p for f in found)]  # "the Atlanta-based airline": which
        found += [p for p in unnamed_places(text, previous) if not any(p in f or f in p for f in found)]  # "troops in the region": which
        found += [p for p in untitled(text, previous) if not any(p in f or f in p for f in found)]  # "the president" of two named: which
        # '"That deal is dead"', "a similar attack", "Following are ...", "the systems shipped": see the end of this module.
        found += [p for p in deictic_phrases(text) if not any(p in f or f in p for f in found)]
    # Not a word or phrase whose referent `resolve_referents` put in brackets after it ("such a
    # movement [an underground movement]", '"He [Kopp] may ..."').
    return [w for w in found if f"{w} [" not in text]


def _stands_in(pronoun) -> bool:
    """"lower than those of other airlines", "higher than that of a year earlier": a "that"/"those"
    with an "of" phrase stands in for a noun the text names before it, as "the one of" would."""
    return pronoun.lower_ in ("that", "those") and any(c.dep_ == "prep" and c.lower_ == "of" for c in pronoun.children) and any(
        t.pos_ == "NOUN" for t in pronoun.doc[: pronoun.i]
    )


# Names that are never a person: "In Miami, he said ..." names nobody "he" can be.
_PLACE_ENTS = {"GPE", "LOC", "FAC", "NORP", "DATE", "TIME", "EVENT", "LAW", "LANGUAGE", "WORK_OF_ART", "PRODUCT"}


def _bound_by_relative(pronoun) -> bool:
    """'A woman who was watching her clothes dry was killed': a possessive his/her inside a relative
    clause whose own subject is its relative pronoun, on a noun for a person, stands for that person
    (the clause tells of the noun: 'a woman who ... her clothes'), which the text says ("a woman").
    Not an object ('the lawyer who represented her': English would say "herself" of the lawyer),
    nor one in a clause with a subject of its own ('a witness whom she saw'): those are someone else."""
    clause = next((a for a in pronoun.ancestors if a.dep_ == "relcl"), None)
    if clause is None or pronoun.dep_ != "poss":
        return False
    relative = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in ("WP", "WDT")]
    noun = clause.head
    return bool(relative) and noun.pos_ == "NOUN" and noun.lemma_.lower() in person_nouns() and relative[0].i < pronoun.i


def _may_be_named(name, pronoun) -> bool:
    """Whether the word `name`, before a he/she/his/her in the same text, may name whom the pronoun
    stands for: a person's name (or a proper noun the tagger did not place), not a place or a date,
    nor a person the text itself gives the other gender ("Mrs. Ana Ruiz said he ...")."""
    if not (name.pos_ == "PROPN" or name.ent_type_ in _PERSON_ENTS) or name.ent_type_ in _PLACE_ENTS or name.lower_ in _TITLE_GENDER:
        return False  # a title is read with the name it goes with
    ent = next((e for e in name.doc.ents if e.start <= name.i < e.end and e.label_ in _PERSON_ENTS), None) or _proper_name(name)
    return _discourse((name.doc.text,)).gender_of(re.sub(r"(?:’s|'s)$", "", ent.text)) in (None, _gender(pronoun.lower_))


def _proper_name(tok):
    """The proper noun phrase `tok` is part of ("Ana Ruiz"): its head and the proper nouns in front of it."""
    while tok.dep_ in ("compound", "flat") and tok.head.pos_ == "PROPN" and tok.head != tok:
        tok = tok.head
    start = tok.i
    while start > 0 and tok.doc[start - 1].pos_ == "PROPN" and tok.doc[start - 1].head.i == tok.i and tok.doc[start - 1].lower_ not in _TITLE_GENDER:
        start -= 1
    return tok.doc[start : tok.i + 1]


# Modifiers that relate their noun to something the phrase must name ("an accompanying statement":
# accompanying what; "everyone involved": in what): a closed grammatical class.
_RELATING = frozenset("accompanying involved concerned related affected attached".split())
# The setting itself, as a story names it without introduction ("the nation", "the public"): one
# the story's world has, as "the government" is.
_SETTING_NOUNS = frozenset("nation country public world".split())
# Prepositions whose object frames the item in time or manner rather than being what it is about
# ("after the talks", "at the time", "by the end", "as the vote passed").
_FRAMING_PREPS = frozenset("after before during since until till amid amidst throughout following at by as like despite".split())
# Group nouns: a set of people the article must say who they are ("the delegation", "the group").
_GROUP_NOUNS = frozenset("group delegation family members crowd couple pair team band party".split())


def _unplaced(doc, quoted, previous: Sequence[str]) -> list[str]:
    """In a claim or timeline event (which must stand alone): a definite person, group, event or
    document noun with nothing that says which ("the child", "the delegation", "the tragedy", "the
    list", "Castro's statement"), unless it is a role or body one setting has one of ("the
    president", "the government", "the police", a title the article gave a name), and a relating
    modifier with no complement ("an accompanying statement", "everyone involved")."""
    found = []
    for tok in doc:
        if any(a <= tok.idx < b for a, b in quoted):
            continue
        if tok.lower_ in _RELATING and tok.pos_ in ("VERB", "ADJ") and not any(c.dep_ in ("prep", "dobj", "agent", "pobj") for c in tok.children):
            if (tok.dep_ == "amod" or tok.dep_ == "acl" and tok.head.i == tok.i - 1) and not any(c.dep_ == "poss" for c in tok.head.children):  # not "its related technologies"
                head = tok.head
                found.append(doc[min(tok.i, head.i) : max(tok.i, head.i) + 1].text)
                continue
        if tok.pos_ != "NOUN" or tok.dep_ in ("compound", "npadvmod", "attr") or tok.text[:1].isupper() or doc[tok.i + 1 : tok.i + 2].text == "[":
            continue
        lemma = tok.lemma_.lower()
        person = lemma in person_nouns() or lemma in _GROUP_NOUNS or tok.lower_ in _GROUP_NOUNS
        # A happening or a message only as a participant: what a verb is about (its subject or
        # object), or, when the article told of it before, the object of a preposition that does not
        # only frame the item ("killed in the explosion", "an arrest in the slaying"; not "at the
        # same time", "after the talks"). A message ("the letter", "the list") only when the
        # article mentioned one before: "the news", "the question" the reader takes as they come.
        event, message = lemma in happening_nouns(), lemma in message_nouns()
        participant = tok.dep_ in ("nsubj", "nsubjpass", "dobj") or tok.dep_ == "pobj" and tok.head.lower_ not in _FRAMING_PREPS and all(c.dep_ == "det" for c in tok.lefts)
        if not person and not (
            (event or message) and lemma not in _ORG_NOUNS - _DOCUMENT_NOUNS and participant
            and (event and tok.dep_ != "pobj" or _mentioned_before(tok, previous) or _describes_only(tok) and _told_before(tok, previous) or _spoken_before(tok, previous))
        ):
            continue
        if lemma in _PERSON_NOUNS or lemma in _ORG_NOUNS - _DOCUMENT_NOUNS - _GROUP_NOUNS or lemma in _SETTING_NOUNS or _title_before(tok, previous):
            continue  # "the president", "the government", "the police", "the nation": one the setting has
        children = list(tok.children)
        det = next((c for c in children if c.dep_ == "det" and c.i < tok.i), None)
        poss = next((c for c in children if c.dep_ == "poss"), None)
        if not (det is not None and det.lower_ == "the" or poss is not None and poss.tag_ not in ("PRP$", "WP$")):
            continue
        if any(c.dep_ in ("compound", "nmod", "amod") and c.ent_type_ not in ("DATE", "TIME") and c.lower_.rstrip(".") not in _CALENDAR and (c.pos_ == "PROPN" or c.ent_type_ in ("NORP", "GPE", "ORG")) for c in children) or _says_which(tok) or _superlative(tok) or _fixed_phrase(tok):
            continue  # "the Cuban delegation", "the list of names Smith gave", "the sickest patients"; not "the late-November trip"
        if not person and (_given(tok, previous) or any(c.dep_ == "compound" and c.pos_ == "NOUN" for c in children) and not _introduced(tok, previous)):
            continue  # "the economy" the story began with, "the stock market", "the peace process": a thing of the story's world
        if any(c.dep_ == "prep" and any(t.pos_ in ("NOUN", "PROPN", "VERB") for t in c.subtree) for c in tok.rights):
            continue  # "the cases of murdered women", "the step of acknowledging paternity": a kind said, not one pointed back to
        if poss is not None and poss.pos_ == "PROPN" and lemma not in _DOCUMENT_NOUNS and not _spoken_before(tok, previous):
            # "Castro's brother", "Paribas's bid": the name says which; not which of its statements,
            # nor which of the things the article told that person said ("X's remarks")
            continue
        if any(t.lemma_ == tok.lemma_ and t.pos_ == "NOUN" for t in doc[: tok.i]):
            continue
        first = min([tok.i, *(t.i for c in tok.lefts if c.dep_ in _PHRASE_LEFT for t in c.subtree)])
        found.append(doc[first : tok.i + 1].text)
    return found


def _stands_for(pronoun) -> bool:
    """Whether the text names before `pronoun` (they, them, their, its) something it may stand for,
    or a subject after it that it looks ahead to ("In its report, the agency ..."): for "its" a
    singular noun or a name, for the plural ones a plural noun, a name or a group. An object
    pronoun is not its own clause's subject ("officials said they would hand them over": not the
    officials), nor a possessive inside the subject it would stand for ("Their lawyers ...")."""
    doc = pronoun.doc
    clause = next((a for a in pronoun.ancestors if a.pos_ in ("VERB", "AUX")), None)
    excluded: set[int] = set()
    if pronoun.lower_ == "them" and clause is not None:
        subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
        excluded = {t.i for s in subjects for t in s.subtree}
        if any(s.lower_ in ("they", "we") for s in subjects):
            # its subject "they" stands for the nearest group before it, which "them" is not
            nearest = max((t.i for t in doc[: subjects[0].i] if _may_be_plural(t)), default=None)
            excluded |= {nearest} if nearest is not None else set()
    if pronoun.lower_ == "its":
        fits = lambda t: t.pos_ == "PROPN" or t.pos_ == "NOUN" and t.tag_ == "NN"  # noqa: E731
    else:
        fits = _may_be_plural
    if any(fits(t) for t in doc[: pronoun.i] if t.i not in excluded and t.ent_type_ not in _NOT_PARTICIPANTS):
        return True
    if pronoun.lower_ in ("them",):
        return False
    subject = next((c for c in pronoun.sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and subject.i > pronoun.i and subject.pos_ in ("NOUN", "PROPN") and pronoun.i not in {t.i for t in subject.subtree}


def _thing_named_only_as_kind(pronoun) -> bool:
    """"X's spokesman said it is the first such plan", "it was the largest order": an "it" whose
    copula says it is a course of action, a deal, a happening or a message (`shell_nouns`,
    `happening_nouns`, `message_nouns`; not a body or a person), in a text that names before it
    only people, organisations and names, none of which a plan or an order can be. What it is, the
    text does not give. Not the empty "it" of "it was a mistake to go", nor "it is the first time"
    (a time, not a thing)."""
    head = pronoun.head
    if pronoun.lower_ != "it" or pronoun.dep_ != "nsubj" or head.lemma_.lower() != "be":
        return False
    attr = next((c for c in head.children if c.dep_ == "attr" and c.pos_ == "NOUN"), None)
    clauses = ("ccomp", "xcomp", "csubj", "advcl")
    if attr is None or any(c.dep_ in clauses for c in head.children if c.i > head.i) or any(
        c.dep_ == "acl" and any(a.lower_ == "to" for a in c.children) or c.dep_ == "relcl" and any(m.lower_ == "that" and m.dep_ == "mark" for m in c.children) for c in attr.children
    ):
        return False  # "it was a mistake to go": the clause is what "it" stands for
    kind = attr.lemma_.lower()
    if _a_body_or_person(kind) or kind == "time" or kind in _TIME_UNITS or not (kind in shell_nouns() or kind in happening_nouns() or kind in message_nouns()):
        return False
    # Nor after a clause that may tell what it is ("when X spent $70 million for the house, he thought it was a great deal").
    governing = {a.i for a in pronoun.ancestors}
    return not any(
        t.pos_ == "NOUN" and t.ent_type_ not in _NOT_PARTICIPANTS and not _a_body_or_person(t.lemma_.lower())
        or t.pos_ == "VERB" and t.i not in governing and t.lemma_.lower() not in REPORTING_LEMMAS
        for t in pronoun.doc[: pronoun.i]
    )


def _a_body_or_person(lemma: str) -> bool:
    """A noun one of whose first senses is a person or an organisation ("spokesman", "company",
    "party"; not "order", a society only in its seventh sense)."""
    return lemma in person_nouns() or lemma in _ORG_NOUNS or any(rank <= 3 for rank, _ in organisation_nouns().get(lemma, ()))


def _may_be_plural(tok) -> bool:
    """A word a plural pronoun may stand for: a plural noun, a name, a group ("the company")."""
    return tok.ent_type_ not in _NOT_PARTICIPANTS and (tok.pos_ == "PROPN" or tok.pos_ == "NOUN" and (tok.tag_ == "NNS" or tok.lemma_.lower() in _ORG_NOUNS))


def _unresolved_quoted(tok) -> bool:
    """Whether a quoted third-person pronoun may stand for nothing the text names before it: a
    person's pronoun with no name or person before it, an "it" with no noun before it (and not the
    empty "it" of "it is clear that"), a "they" with no plural noun or name before it."""
    doc = tok.doc
    before = doc[: tok.i]
    lower = tok.lower_
    if lower in _PERSON_PRONOUNS:
        return not any(t.pos_ == "PROPN" or t.ent_type_ in _PERSON_ENTS for t in before)  # not "the official" who says it, who would say "I"
    if lower in _THING_PRONOUNS:
        later = [c for c in tok.head.children if c.i > tok.head.i]
        if tok.dep_ == "expl" or any(_extraposed(c) for c in later) or tok.head.lemma_.lower() in _EXTRAPOSING and any(
            c.dep_ in ("ccomp", "xcomp", "csubj", "advcl") for c in later
        ) or any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children) and any(a.lower_ == "to" for a in c.children) for c in later):
            return False  # "it is clear that ...", "it is hard to say": an empty "it"
        return not any(t.pos_ in ("NOUN", "PROPN") for t in before)
    return not any(t.pos_ == "PROPN" or t.pos_ == "NOUN" and (t.tag_ == "NNS" or t.lemma_.lower() in _ORG_NOUNS) for t in before)


# --- definite participants that point back -----------------------------------------------------------
# "The ruling", "the two men", "Wednesday's decision", "four other attacks", "since then": a phrase
# that names a participant by what the article said of it before. Whether a bare "the X" points back
# is read from the article, not from a list of nouns: it does when an earlier sentence says more
# about an X ("a suspect", "the charges against Kopp", "two men, Ron Hale and Mick Dunn") or tells,
# with a verb, of what the noun names ("the court ruled" before "the ruling"). A "the X" the article
# never introduces ("the government", "the economy", "the public") is one the reader is taken to
# know, and so is one whose every earlier mention is as bare.

# Suffixes that make a noun of a verb: "ruling" (rule), "decision" (decide), "announcement",
# "arrival", "assistance", "closure", "delivery".
_NOMINALISING = ("ing", "ion", "ment", "al", "ance", "ence", "ure", "y")
# Adjectives that place their noun after something said before ("the subsequent search", "the
# ensuing fight", "the same man"): closed grammatical class, like "other".
_RELATIONAL = frozenset("subsequent ensuing same latter aforementioned".split())
# Adjectives that make their noun one thing among many, told of before ("the new policy", "the
# proposed guidelines"): closed grammatical class, like the relational ones.
_NOVEL = frozenset("new proposed".split())
# Prepositions that only frame the time of what a clause says ("during the meeting", "amid the
# protests"): their object is the setting, not a participant the claim is about. Not "since": what
# has happened since a point depends on which point.
_SETTING_PREPS = frozenset("during amid amidst throughout".split())
# Determiners of a definite phrase: "both ploys" are two things named before, as "the ploys" are.
_DEFINITE_DETS = frozenset({"the", "both"})


def _nominalises(noun: str, verb: str) -> bool:
    """Whether `noun` is the noun of the act `verb` names: the same word ("the search" after
    "searched"), or the verb with a nominalising suffix ("ruling"/"rule", "decision"/"decide",
    "filing"/"file", "assessment"/"assess", "shooting"/"shoot")."""
    if noun == verb:
        return True
    for suffix in _NOMINALISING:
        if not noun.endswith(suffix) or len(noun) - len(suffix) < 3:
            continue
        stem = noun[: -len(suffix)]
        if verb in (stem, stem + "e") or (len(stem) > 3 and stem[-1] == stem[-2] and verb == stem[:-1]):
            return True  # "ruling", "arrival", "shooting" ("shoot" + t), "closure"
        # "decision"/"decide", "explosion"/"explode": a shared stem, the verb's end changed (not "station"/"state")
        if suffix == "ion" and len(stem) >= 5 and verb.startswith(stem[:-1]) and len(verb) - len(stem) <= 2:
            return True
    return False


def _says_which(noun) -> bool:
    """Whether a modifier after `noun` says which one it is: a restrictive relative clause or a
    participle ("the man who fled", "the charges filed in May"), a name in apposition, or a
    prepositional phrase holding a name or a number ("the charges against Kopp", "the slayings of
    14 women"). "The airing of protests" or "the filing of the charges" says no more than "the
    airing": a bare noun after "of" names a kind, and "the charges" points back in its turn."""
    words = 0
    for c in noun.rights:
        before = noun.doc[c.left_edge.i - 1] if c.left_edge.i > 0 else None
        if c.dep_ in ("relcl", "acl") and (before is None or before.text != ","):
            return True
        if c.dep_ == "appos" and (c.pos_ == "PROPN" or any(t.pos_ == "PROPN" for t in c.subtree)):
            return True
        if c.dep_ == "prep":
            if all(t.ent_type_ in ("DATE", "TIME") for t in c.subtree if t.i != c.i):
                continue  # "the two presidents on Friday": when, not which
            if before is not None and before.text == "," and c.i == noun.i + 2 and c.lower_ not in ("including", "like", "such"):
                continue  # "The sale, at a higher price than expected, helps ...": an aside says more, not which; "including" lists members
            if any(t.pos_ in ("PROPN", "NUM") or t.tag_ in ("PRP", "PRP$") or t.lower_ in ("a", "an") for t in c.subtree):
                return True  # "the charges against Kopp"
            words += sum(t.is_alpha and t.dep_ not in ("det", "case", "cc", "prep") for t in c.subtree)
    return words >= 3  # "the plight of women in urban areas": a kind said at length


def _superlative(noun) -> bool:
    """"The most needy patients", "the sickest people", "the first flight": a superlative or an
    ordinal picks out its one referent from the phrase itself, with nothing said before. Not one
    of time ("the latest ruling", "the most recent attack", WordNet's adjectives of time): the last
    of a series the story told of, which the reader of the phrase alone cannot tell."""
    return any(
        c.dep_ in ("amod", "nummod", "advmod") and (c.tag_ in ("JJS", "RBS") or c.ent_type_ == "ORDINAL" or any(m.lower_ in ("most", "least") for m in c.children))
        and not _of_time(c)
        for c in noun.children if c.i < noun.i
    )


def _of_time(adjective) -> bool:
    """"latest", "newest", "most recent": a superlative of an adjective of time."""
    return adjective.ent_type_ != "ORDINAL" and (adjective.lemma_.lower() in time_adjectives() or adjective.lower_ in time_adjectives())


# The sentence a story opens with (its lede), where it has nothing to point back to:
# a bare "the X" there is one it takes the reader to know; later, it may stand for a thing told of
# in other words ("a discriminatory law" ... "under the statute").
_LEDE = 0


def _given(noun, previous: Sequence[str]) -> bool:
    """Whether the article's first mention of what `noun` names was itself a bare "the X", in the
    lede ("The economy grew ...", "the stock market fell"): the story took it as known to the reader (a thing
    of its world, one the setting has), so a later "the X" needs no referent, whatever indefinite
    or fuller mention ("a lovely economy") came in between; not when that first mention said more
    ("the unemployment rate" before "the rate")."""
    lemma, plural = noun.lemma_.lower(), noun.tag_ in ("NNS", "NNPS")
    for index, text in enumerate(previous):
        for tok in parse(text):
            if tok.pos_ in ("NOUN", "PROPN") and tok.lemma_.lower() == lemma and tok.dep_ != "compound" and (tok.tag_ in ("NNS", "NNPS")) == plural:
                dets = [c.lower_ for c in tok.children if c.dep_ in ("det", "poss")]
                # Not "the Supreme Court", nor "the unemployment rate" before "the rate": more words than this one
                return index <= _LEDE and tok.pos_ == "NOUN" and dets == ["the"] and _says_not_which(tok) and _phrase_words(tok) <= _phrase_words(noun)
            if tok.pos_ == "VERB" and _nominalises(lemma, tok.lemma_.lower()):
                return False  # "the court ruled" before "the ruling": told of first as an act
    return False


def _mentioned_before(noun, previous: Sequence[str]) -> bool:
    """Whether an earlier sentence names what `noun` names, or tells of it with its verb."""
    lemma = noun.lemma_.lower()
    return any(
        tok.lemma_.lower() == lemma and tok.pos_ in ("NOUN", "PROPN") or tok.pos_ == "VERB" and _nominalises(lemma, tok.lemma_.lower())
        for text in previous for tok in parse(text)
    )


def _told_before(noun, previous: Sequence[str]) -> bool:
    """Whether an earlier sentence tells, in other words, of the act, event or message `noun` names,
    while the text `noun` stands in does not before it: a verb WordNet derives the noun from, or a
    way of doing that ("asked" before "the request", "was shot dead" before "the killing" or "the
    slaying"), a noun of the same sense or a narrower one ("an assassination" before "the
    killing", "a statement" before "the document"). Read from WordNet (`wordlists.told_as`),
    never from the article's words. A reporting verb ("said", "told", "added") is left out: WordNet makes it a way of
    requesting or ordering too, but in a news story it attributes what follows."""
    lemma = noun.lemma_.lower()
    verbs, nouns, _ = told_as(lemma)
    doc = noun.doc
    if not verbs and not nouns:
        return False
    if doc[noun.i + 1 : noun.i + 2].text in ('"', "``", "“", "'", "‘") or "-" in (doc[noun.i - 1].text if noun.i else "", doc[noun.i + 1 : noun.i + 2].text):
        return False  # 'the word "blockade"': the quotation says which; "a fight-to-the-death finish": part of a word

    def tells(tok) -> bool:
        if tok.dep_ in ("amod", "compound") or tok.i == noun.i and tok.doc is noun.doc:
            return False
        other = tok.lemma_.lower()
        if tok.pos_ == "VERB":
            return other in verbs and other not in REPORTING_LEMMAS
        if tok.pos_ != "NOUN" or other == lemma:
            return False
        return other in nouns

    if any(tells(t) for t in doc[: noun.left_edge.i]):
        return False  # "Gunmen shot a doctor, and police are investigating the killing": the text tells of it
    return any(tells(tok) for text in previous for tok in parse(text))


def _spoken_before(noun, previous: Sequence[str]) -> bool:
    """Whether `noun`, a message with a name for its possessor ("Netanyahu's remarks"), is one
    the article told that person make before, with a verb whose subject holds the name: a verb of
    speech for a noun of saying ("Netanyahu told his Cabinet ..."), else a verb WordNet relates
    to the noun ("Acme offered ..." before "Acme's offer"). The name says whose, and the reader
    still asks which."""
    poss = next((c for c in noun.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
    if poss is None or noun.lemma_.lower() not in message_nouns():
        return False
    verbs = told_as(noun.lemma_.lower())[0]
    saying = bool(verbs & REPORTING_LEMMAS)  # "remarks", "statement": not "performance" (a show)
    name = re.sub(r"[’']s$", "", poss.text).lower()
    for text in previous:
        for tok in parse(text):
            if tok.pos_ == "VERB" and (saying and _speech_verb(tok) or tok.lemma_.lower() in verbs):
                subjects = [t for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree]
                if any(t.lower_ == name for t in subjects):
                    return True
    return False


# Month and weekday names and their abbreviations: a date before a noun ("the late-November
# trip", "the Nov. 3 vote") says when, not which.
_CALENDAR = frozenset(
    """january february march april may june july august september october november december sunday
    monday tuesday wednesday thursday friday saturday jan feb mar apr jun jul aug sep sept oct nov dec
    mon tue tues wed thu thur thurs fri sat sun""".split()
)


# The modifiers before a noun that are part of its phrase (not "not" or "only" before it).
_PHRASE_LEFT = frozenset("det predet amod compound nummod quantmod poss nmod".split())


def _phrase_words(tok, left_only: bool = False, clauses: bool = True) -> set[str]:
    """The words of the phrase `tok` heads that say which one it is, lower-cased and without their
    dots ("u.n."): its modifiers before it (not a date: "Wednesday's") and, unless `left_only`, after
    (without a relative clause or participle, unless `clauses`)."""
    words = set()
    for c in tok.children:
        if c.dep_ in ("det", "punct", "case", "cc", "conj") or c.ent_type_ in _NOT_PARTICIPANTS - {"CARDINAL"} or left_only and (c.i > tok.i or c.dep_ not in _PHRASE_LEFT):
            continue
        if not clauses and c.dep_ in ("relcl", "acl", "advcl"):
            continue
        words |= {re.sub(r"[.-]", "", t.lower_) for t in c.subtree if t.ent_type_ not in _NOT_PARTICIPANTS - {"CARDINAL"} and t.dep_ != "cc" and t.tag_ != "PRP$"}
    return {w for w in words if w.isalnum() and w not in ("the", "a", "an", "s")}


def _introductions(noun, previous: Sequence[str]) -> list[tuple[set[str], bool]]:
    """The words of each earlier phrase that introduces what `noun` names (see `_introduced`), and
    whether it is indefinite ("a suspect", "charges"): a new one each time."""
    lemma, plural = noun.lemma_.lower(), noun.tag_ in ("NNS", "NNPS")
    found = []
    for text in previous:
        for tok in parse(text):
            if tok.pos_ in ("NOUN", "PROPN") and tok.lemma_.lower() == lemma and tok.dep_ != "compound" and (tok.tag_ in ("NNS", "NNPS")) == plural:
                if tok.dep_ == "appos" or any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in tok.children):
                    continue  # "James Kopp, the suspect in the shooting": the name says which
                dets = [c.lower_ for c in tok.children if c.dep_ in ("det", "poss")]
                indefinite = not dets or dets[0] in ("a", "an", "another")
                if indefinite or _phrase_words(tok, clauses=False):
                    found.append((_phrase_words(tok, clauses=False), indefinite))
    return found


def _introduced(noun, previous: Sequence[str]) -> bool:
    """Whether an earlier sentence introduces what `noun` names: with an indefinite ("a suspect") or
    a bare plural ("killings"), or with more words that agree with those of `noun`'s phrase ("the
    INS ruling" before "the ruling"; not "the Lebanese government" before "the Israeli government"),
    or tells with a verb of the act it names ("the court ruled" before "the ruling")."""
    lemma = noun.lemma_.lower()
    plural = noun.tag_ in ("NNS", "NNPS")
    words = _phrase_words(noun, left_only=True)
    full = _phrase_words(noun)  # with what follows it: "the fight against terrorism"
    for text in previous:
        for tok in parse(text):
            if tok.pos_ == "VERB" and tok.dep_ not in ("amod", "compound") and full == words and _nominalises(lemma, tok.lemma_.lower()):
                return True
            if tok.pos_ not in ("NOUN", "PROPN") or tok.lemma_.lower() != lemma or tok.dep_ == "compound":
                continue
            if (tok.tag_ in ("NNS", "NNPS")) != plural and not any(c.like_num for c in tok.children):
                continue  # "a ruling" is not what "the rulings" are
            earlier = _phrase_words(tok)
            if not words <= earlier or full != words and earlier <= full:
                continue  # another one, or one a phrase after it says as much of ("a fight against terrorism")
            dets = [c.lower_ for c in tok.children if c.dep_ in ("det", "poss")]
            if not dets or dets[0] in ("a", "an", "another") or earlier - words:
                return True
    return False


def _named_act_before(noun, previous: Sequence[str]) -> bool:
    """Whether `noun`, an act or message with only a name before it ("the INS decision", "the U.N.
    resolution"), is one an earlier sentence told of with that name: the verb it nominalises with
    the name in its subject ("the INS decided ..." before "the INS decision"), or, for a message,
    an indefinite one in a sentence with the name ("The U.N. council passed a resolution"). The name
    then says whose, and the reader still asks which (a body makes many decisions). Not a phrase
    that says more ("the Atlanta clinic bombing", "the revised X agreement"), nor a message that
    speaks ("..., the Kremlin statement said": the claim's speaker)."""
    lemma = noun.lemma_.lower()
    message = lemma in message_nouns() or lemma in _DOCUMENT_NOUNS
    if lemma not in happening_nouns() and not message or _reports(noun) and noun.dep_ == "nsubj":
        return False
    first = min(t.i for c in noun.children if c.i < noun.i for t in c.subtree)
    phrase = noun.doc[first : noun.i]
    if any(t.pos_ not in ("DET", "PROPN", "PUNCT") for t in phrase):
        return False
    names = {re.sub(r"[.-]", "", t.lower_) for t in phrase if t.pos_ == "PROPN"}
    names.discard("")
    for text in previous:
        doc = parse(text)
        for tok in doc:
            if message and tok.pos_ in ("NOUN", "PROPN") and tok.lemma_.lower() == lemma and tok.dep_ != "compound":
                dets = [c.lower_ for c in tok.children if c.dep_ in ("det", "poss")]
                numbered = doc[tok.i + 1 : tok.i + 2].text[:1].isdigit()  # "U.N. Resolution 425": one of many, named
                if (dets[:1] in (["a"], ["an"]) or numbered) and names <= _words_and_initials(doc):  # "The U.N. council passed a resolution"
                    return True
            elif tok.pos_ == "VERB" and tok.dep_ not in ("amod", "compound") and _nominalises(lemma, tok.lemma_.lower()):
                subjects = [t for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "agent") for t in c.subtree]
                if subjects and names <= _words_and_initials(subjects):  # "the INS ruled" / "the Immigration and Naturalization Service ruled"
                    return True
    return False


def _words_and_initials(tokens) -> set[str]:
    """The words of `tokens`, lower-cased without dots, and the initials of each run of capitalised
    words among them ("Immigration and Naturalization Service": "ins"), as a name's acronym."""
    words = {re.sub(r"[.-]", "", t.lower_) for t in tokens}
    run: list[str] = []
    for t in [*tokens, None]:
        if t is not None and (t.text[:1].isupper() and t.pos_ != "DET" or run and t.lower_ in ("and", "of", "for", "&")):
            run.append(t.text)
            continue
        while run and not run[-1][:1].isupper():
            run.pop()
        if len(run) > 1:
            words.add("".join(w[0] for w in run if w[:1].isupper()).lower())
            words.add("".join(w[0] for w in run).lower())
        run = []
    return words


def _title_before(noun, previous: Sequence[str]) -> bool:
    """Whether the article used `noun` before as a title before a name ("President Erdogan",
    "Foreign Minister Ann Bell"): "the president" who speaks is then the one the attribution names."""
    lemma = noun.lemma_.lower()
    return any(
        t.lemma_.lower() == lemma and t.text[:1].isupper() and t.dep_ == "compound" and t.head.pos_ == "PROPN"
        for text in previous for t in parse(text)
    )


@cached()
def pointing_back(text: str, previous: Sequence[str]) -> list[tuple[int, object, str]]:
    """The phrases of `text` outside quotation marks that name a participant by what the article
    said before, each as (index of its first word, its head noun, kind):

    - "definite": "the ruling", "the federal charge", "the two men", "Wednesday's decision", "both
      ploys": a definite phrase with nothing after it that says which (`_says_which`), whose noun
      an earlier sentence introduces with more words, or as the act a verb told of (`_introduced`);
    - "other": "four other attacks" (other than which?), unless the clause names those it is
      compared with ("Hezbollah and other guerrillas", "other than ...");
    - "relational": "the subsequent search", "the same man";
    - "since then": a time that is a point the text does not give.
    A bracket after the noun ("the ruling [the INS ruling]") says which."""
    doc = parse(text)
    quoted = quoted_spans(text)
    found = []
    for tok in doc:
        if any(a <= tok.idx < b for a, b in quoted):
            # '"This convention will be seen as a turning point," X said': the quote cannot say which
            # either, when the article introduced one before.
            det = next((c for c in tok.children if c.dep_ == "det" and c.lower_ in ("this", "these", "that", "those")), None)
            if tok.pos_ == "NOUN" and det is not None and not _says_which(tok) and not any(t.lemma_ == tok.lemma_ for t in doc[: det.i]) and _introduced(tok, previous):
                found.append((det.i, tok, "demonstrative"))
            continue
        if tok.lower_ in ("this", "these", "those") and tok.pos_ == "PRON" and tok.dep_ in ("nsubj", "nsubjpass") and tok.i != _first_word(doc) and not any(
            c.dep_ in ("relcl", "acl") for c in tok.children
        ) and not _clause_before(tok):
            found.append((tok.i, tok, "demonstrative"))  # "Whether this would prove positive is yet to be seen"
            continue
        if tok.lower_ == "then" and tok.i > 0 and doc[tok.i - 1].lower_ == "since":
            found.append((tok.i - 1, tok, "since then"))
            continue
        if previous and _described_person(tok, previous) and doc[tok.i + 1 : tok.i + 2].text != "[":
            found.append((tok.left_edge.i, tok, "definite"))
            continue
        if tok.pos_ != "NOUN" or tok.dep_ in ("compound", "npadvmod", "tmod") or tok.ent_type_ in _NOT_PARTICIPANTS:
            continue
        if tok.text[:1].isupper() or doc[tok.i + 1 : tok.i + 2].text == "[":
            continue  # "the Internet": a name, whatever the tagger took it for
        if tok.lemma_.lower() in _COMPANY_NOUNS and any(e.label_ == "ORG" and e.end <= tok.i for e in doc.ents):
            continue  # "to visit Gazprom ... its debt to the company": the text names it
            continue
        children = list(tok.children)
        det = next((c for c in children if c.dep_ in ("det", "predet") and c.i < tok.i), None)
        poss = next((c for c in children if c.dep_ == "poss"), None)
        first = min([tok.i, *(t.i for c in tok.lefts if c.dep_ in _PHRASE_LEFT for t in c.subtree)])
        other = next((c for c in children if c.dep_ == "amod" and c.lower_ == "other"), None)
        # "Several others said ...": others than whom; not "Acme cut fares, and others followed"
        others = tok.lower_ == "others" and tok.dep_ in _PARTICIPANT_DEPS and not any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in doc[:first])
        if (other is not None or others) and not (det is not None and det.lower_ in ("each", "every", "any", "no")):
            # "Hezbollah and other guerrillas", "other than ...", "in addition to X, three other businesses"
            compared = tok.dep_ == "conj" or any(c.dep_ == "conj" for c in children) or any(t.lower_ == "than" for t in doc[tok.i : tok.i + 3]) or any(
                t.dep_ == "prep" and t.lower_ in ("besides", "beyond", "except", "to") and t.head.lower_ in ("besides", "addition", "apart", "except") or t.lower_ == "besides" for t in doc
            )
            # "Acme's fares are lower than those of other airlines": compared with what the text names before "than"
            compared = compared or any(t.lower_ == "than" and any(w.pos_ in ("NOUN", "PROPN") for w in doc[: t.i]) for t in doc[:first])
            # "Reupke's duties will go to three other executives": people other than the one the text names
            # (not the speaker: in "Mr. Vaux said ... other buyers" he is no buyer); a body may hold a
            # role of people too ("Hallwood Inc. will exercise rights other shareholders do not")
            compared = compared or tok.lemma_.lower() in person_nouns() and any(
                t.pos_ == "PROPN" and t.ent_type_ in ("PERSON", "ORG", "") and not _speaker_name(t) for t in doc[:first]
            )
            if not compared and not _says_which(tok) and not any(t.lemma_ == tok.lemma_ for t in doc[: first]) and tok.lemma_.lower() != "thing":
                found.append((first, tok, "other"))
            continue
        definite = det is not None and det.lower_ in _DEFINITE_DETS or poss is not None and poss.ent_type_ in ("DATE", "TIME")
        if not definite or any(c.lower_ == "such" for c in children):
            continue
        if any(c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN" and c.i < tok.i for c in children):
            # "the U.N. inspectors": a name says which; but of an act or message the name's body made
            # before ("the INS ruled ..." ... "the INS decision"), only whose, not which one
            if (_named_act_before(tok, previous) or _placed_people(tok) and _introduced(tok, previous) and not _given(tok, previous)) and not _says_which(tok):
                found.append((first, tok, "definite"))
            continue
        if any(c.dep_ == "amod" and c.lower_ in _RELATIONAL for c in children):
            found.append((first, tok, "relational"))
            continue
        if _says_which(tok) or _superlative(tok) or _fixed_phrase(tok):
            continue
        if tok.dep_ == "pobj" and tok.head.lower_ in _SETTING_PREPS and tok.head.head.pos_ in ("VERB", "AUX"):
            continue  # "During the talks, X said ...": when the item happened, not what it is about
        if _reports(tok) and (tok.dep_ == "nsubj" or tok.dep_ == "dobj" and tok.head.i < tok.i and doc[tok.head.i - 1].text in (",", "''", "”", '"')) and _title_before(tok, previous):
            continue  # "..., added the president" after "President Erdogan": the speaker, whom the claim's attribution names
        if any(t.lemma_ == tok.lemma_ and t.pos_ == "NOUN" for t in doc[:first]):
            continue  # "the child of an unwed father ... until the child turns 18": the text says which
        if previous and det is not None and det.lower_ == "the" and _relational(tok):
            # "The judge ruled ...", "the prosecutors said ...", "police sealed off the venue": one of the
            # case or the action the story told of, not one the setting has as it has a president;
            # lifted from the story, whose it was the item does not say.
            found.append((first, tok, "definite"))
            continue
        if previous and any(c.dep_ == "amod" and c.lower_ in _NOVEL for c in children):
            # "the new guidelines", "the proposed merger": a new one of many, the one the story told
            # of before, maybe in other words ("new regulations"); the world has no one new policy.
            found.append((first, tok, "definite"))
            continue
        counted = tok.tag_ == "NNS" and det is not None and det.lower_ == "the" and any(c.dep_ == "nummod" and c.ent_type_ != "MONEY" for c in children)
        if counted and not any(t.dep_ == "conj" and t.pos_ == "PROPN" and t.head.pos_ == "PROPN" for t in doc[:first]):
            # "the two presidents", "the two nations'": a set the article counted before; unless the
            # text names its members first ("Kuchma and Yeltsin ... the two leaders").
            found.append((first, tok, "definite"))
            continue
        if (_introduced(tok, previous) or _describes_only(tok) and _told_before(tok, previous)) and not _given(tok, previous):
            found.append((first, tok, "definite"))
        elif previous and det is not None and det.lower_ == "the" and _told_act_compound(tok, previous) and not _given(tok, previous):
            # "the sale prices", "the merger agreement", "the total purchase price" after "will sell",
            # "agreed to merge", "agreed to buy": the prices of a sale the story told of, in a verb.
            found.append((first, tok, "definite"))
        elif previous and _one_partys(tok, det) and not _given(tok, previous):
            # "the plan", "the deal", "the fine", "the plan's implementation" as what the claim is about,
            # past the lede: one party's course of action, deal, proposal or penalty, which the story
            # told of before, often in words nothing links ("wants to buy X" ... "the deal").
            found.append((first, tok, "definite"))
        elif previous and _untold_takings(tok, det) and not _given(tok, previous):
            # "expects to use the proceeds to repay debt": the yield of a sale or offering the story
            # told of before; of which, the item does not say.
            found.append((first, tok, "definite"))
    return found


# Adjectives that make a role one its holder no longer has ("the former general"): one of the many
# who held it, a closed grammatical class like `_RELATIONAL`.
_FORMER = frozenset("former onetime one-time erstwhile ex".split())


def _described_person(noun, previous: Sequence[str]) -> bool:
    """Whether `noun` heads a definite description of one person that does not say who, in a story
    that named a person before: an age ("the 72-year-old"), a role held before ("the former
    general"), or a singular person noun with a restrictive clause that names no one ("the man who
    has led the church for 20 years said ..."), as a participant of the text's main clause. It
    stands for someone the story named, and the text does not say whom."""
    doc = noun.doc
    det = next((c for c in noun.children if c.dep_ == "det" and c.i < noun.i), None)
    if det is None or det.lower_ != "the" or noun.dep_ not in _PARTICIPANT_DEPS or not _main_participant(noun):
        return False
    aged = noun.lower_ == "old" and any(c.dep_ == "npadvmod" and c.lemma_.lower() in ("year", "month") for c in noun.children)
    person = noun.pos_ == "NOUN" and noun.tag_ == "NN" and noun.lemma_.lower() in person_nouns()
    former = person and any(c.dep_ == "amod" and c.lower_ in _FORMER for c in noun.children)
    clause = next((c for c in noun.children if c.dep_ == "relcl" and c.i > noun.i and doc[c.left_edge.i - 1].text != ","), None)
    described = person and clause is not None and not any(t.pos_ == "PROPN" or t.ent_type_ in _NAMING_ENTS for t in clause.subtree)
    if not (aged or former or described):
        return False
    if any(t.pos_ == "PROPN" and t.ent_type_ in ("PERSON", "") for c in noun.children if c.dep_ in ("appos", "compound", "nmod") for t in c.subtree):
        return False  # "the former general, Omar Dasso,": the name says who
    return any(e.label_ == "PERSON" for text in previous for e in parse(text).ents)


def _told_act_compound(noun, previous: Sequence[str]) -> bool:
    """Whether `noun`'s phrase says only what it is like and, with a noun before it, of which act
    ("the sale prices", "the merger agreement", "the total purchase price"), where that act is one
    an earlier sentence told of and the text does not before it: with a verb the act's noun is
    made from or WordNet gives as a way to tell of it ("will sell" - "sale", "agreed to buy" -
    "purchase"; `wordlists.told_as`), and the head is a term, a figure or a message of it (a course
    of action, a deal, an amount: "price", "agreement", "proceeds"). Which act it is, the text does
    not say. Not a compound that names no act ("the stock market", "the peace talks"), nor a head
    that is a thing of the world ("the bond market", "the stock market plunge"), nor a name ("the
    Nestle acquisition": `_named_act_before`). A noun told before is read by `_introduced`."""
    head = noun.lemma_.lower()
    if head not in shell_nouns() and head not in figure_nouns() and head not in message_nouns() or head in number_nouns():
        # "the bond market", "the stock market plunge": a thing of the world, not a term of one act;
        # "the trade deficit", "the growth figures": a number a setting has
        return False
    compounds = [c for c in noun.children if c.dep_ == "compound" and c.i < noun.i]
    if not compounds or not all(
        c.dep_ in ("det", "punct") or c in compounds and c.pos_ == "NOUN" and not c.ent_type_
        or c.dep_ == "amod" and c.pos_ == "ADJ" and not any(t.ent_type_ or t.pos_ == "PROPN" for t in c.subtree)
        for c in noun.children
    ):
        return False
    doc = noun.doc
    for act in compounds:
        lemma = act.lemma_.lower()
        if lemma not in happening_nouns() and lemma not in shell_nouns():
            continue
        verbs = told_as(lemma)[0]

        def tells(tok, lemma=lemma, verbs=verbs) -> bool:
            other = tok.lemma_.lower()
            return tok.pos_ == "VERB" and tok.dep_ not in ("amod", "compound") and other not in REPORTING_LEMMAS and (other in verbs or _nominalises(lemma, other))

        if any(tells(t) or t.pos_ == "NOUN" and t.lemma_.lower() == lemma for t in doc[: noun.left_edge.i]):
            continue  # "Acme will sell the unit, and the sale price ...": the text tells of it
        if any(tells(t) or _introduces_act(t, lemma) for text in previous for t in parse(text)):
            return True
    return False


def _introduces_act(tok, lemma: str) -> bool:
    """Whether `tok` introduces an act of `lemma` as a new one: "filed for an initial public
    offering" before "the offering price", "recorded a $50 million charge" before "the charge
    reserve" (an indefinite, a figure or a bare noun, not itself a compound's first word)."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() != lemma or tok.dep_ == "compound":
        return False
    dets = [c.lower_ for c in tok.children if c.dep_ in ("det", "poss")]
    return not dets or dets[0] in ("a", "an", "another")


def _one_partys(noun, det) -> bool:
    """Whether `noun` is a bare "the X" (`_describes_only`) whose X is a course of action, a deal, a
    proposal, a question at issue or a penalty (`wordlists.shell_nouns`: one party's, of which the
    setting has no one, unlike "the economy" or "the government"), as a participant of the text's
    main clause (`_main_participant`), with no verb but a reporting one in the text before it, nor a
    noun of the same sense: nothing that may tell of it ("X plans to ... the plan", "X agreed to buy
    Y, and the deal ...", "an accord ... the agreement")."""
    lemma = noun.lemma_.lower()
    # "the plan's"; "The deal, which will cost $20 million, was struck": a clause set off by a comma says more, not which
    # "The sale, at a higher price than expected, helps ...": a prepositional aside too
    aside = [c for c in noun.children if c.dep_ in ("relcl", "acl", "prep") and c.i > noun.i and noun.doc[c.left_edge.i - 1].text == ","]
    # "the merger agreement", "the share issue": a noun of an act, or of what it deals in, before it
    # says of what kind, not which one
    acts = [
        c for c in noun.children if c.dep_ == "compound" and c.i < noun.i and c.pos_ == "NOUN" and not c.ent_type_
        and any(c.lemma_.lower() in words for words in (happening_nouns(), shell_nouns(), possession_nouns()))
    ]
    bare = all(c.dep_ in ("det", "case", "punct") or c in aside or c in acts for c in noun.children) or _describes_only(noun) and not aside
    if any(c.dep_ == "nummod" for c in noun.children):
        return False  # "the 235,000 forecast", "the two plans": a figure or a counted set, read elsewhere
    if det is None or det.lower_ != "the" or lemma not in shell_nouns() or not bare or not _main_participant(noun):
        return False
    # A clause before it may tell of it in any words ("agreed to buy Y, and the deal ..."); not a
    # reporting verb, which attributes it.
    nouns = told_as(lemma)[1]
    governing = _governing(noun)  # "discussed the matter": its own verb tells nothing of it
    return not any(
        t.pos_ == "VERB" and t.i not in governing and t.dep_ not in ("amod", "compound") and t.lemma_.lower() not in REPORTING_LEMMAS and t.lower_ not in _DO
        or t.pos_ == "NOUN" and t.lemma_.lower() in nouns
        for t in noun.doc[: noun.left_edge.i]
    )


def _untold_takings(noun, det) -> bool:
    """Whether `noun` is a bare "the X" (`_describes_only`) whose X is what an owner takes in
    (`_takings`: "the proceeds", "the revenue") as the object of the text's main clause, with no
    verb but its own governors, a reporting one or a copula before it that may tell of the act
    that yielded it ("sold the unit and used the proceeds"). A subject is `unowned`'s to read."""
    if det is None or det.lower_ != "the" or noun.dep_ in ("nsubj", "nsubjpass") or not _takings(noun) or not _describes_only(noun) or not _main_participant(noun):
        return False
    governing = _governing(noun)
    return not any(
        t.pos_ == "VERB" and t.i not in governing and t.dep_ not in ("amod", "compound") and t.lemma_.lower() not in REPORTING_LEMMAS and t.lower_ not in _DO
        or t.pos_ == "NOUN" and t.lemma_.lower() in happening_nouns()
        for t in noun.doc[: noun.left_edge.i]
    )


def _governing(noun) -> set[int]:
    """The indices of the words `noun` hangs on up to the first conjunction: "discussed the matter"
    (its own verb tells nothing of it), but in "sold the unit and used the proceeds" the verb
    joined before ("sold") is a clause of its own, which may tell of it."""
    found = set()
    tok = noun
    while tok.head.i != tok.i and tok.dep_ != "conj":
        tok = tok.head
        found.add(tok.i)
    return found


# Dependents of a clause's verb that are what the clause is about.
_PARTICIPANT_DEPS = frozenset("nsubj nsubjpass dobj attr agent".split())


def _main_participant(noun) -> bool:
    """Whether `noun` is the subject or object of its text's main clause (or of a preposition
    hung on its verb that does not only frame it: "voted against the measure", not "after the
    deal"), or the possessor of one ("the plan's implementation", "the proceeds of the offering"): the main verb, the clause a reporting verb reports ("X said the
    deal would ..."), or one joined to or completing either ("agreed to scrap the plan")."""
    if noun.dep_ == "poss":
        noun = noun.head
    while noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN" and noun.head.head.ent_type_ not in _NOT_PARTICIPANTS:
        noun = noun.head.head  # "Proceeds of the offering will ...", "terms of the agreement": whose proceeds, which terms
    if noun.dep_ == "pobj" and (noun.head.dep_ == "agent" or noun.head.dep_ == "prep" and noun.head.lower_ not in _FRAMING_PREPS) and noun.head.head.pos_ in ("VERB", "AUX"):
        verb = noun.head.head  # "voted against the measure", "withdrew from the deal"; not "after the deal"
    elif noun.dep_ in _PARTICIPANT_DEPS:
        verb = noun.head
    else:
        return False
    root = noun.sent.root
    while verb != root:
        if verb.dep_ not in ("conj", "xcomp", "ccomp") or verb.dep_ == "ccomp" and verb.head.lemma_.lower() not in REPORTING_LEMMAS:
            return False
        verb = verb.head
    return True


def _relational(noun) -> bool:
    """Whether `noun` names a role in a legal case or the place of an action (`wordlists.relational_nouns`)
    that `pointing_back` counts: of people, the roles `_unplaced` takes as the setting's ("the judge",
    "the prosecutor"; it counts "the defendants" itself); of places, one no word before it makes a
    kind ("the political scene"), nor whose action the text tells before it. Not one whose relatum a phrase after it gives ("the judge in the
    case", "the venue of the summit"): that phrase is read in its turn."""
    lemma = noun.lemma_.lower()
    if lemma not in relational_nouns() or any(c.dep_ == "prep" and c.lower_ in _RESTRICTING_PREPS for c in noun.rights):
        return False
    if lemma in person_nouns():
        return lemma in _PERSON_NOUNS
    # Nor a place whose action the text tells itself: "she was shot and pronounced dead at the scene"
    own = next((a.i for a in noun.ancestors if a.pos_ == "VERB"), None)  # "sealed off the venue": not another action
    told_here = any(t.pos_ == "VERB" and t.i != own and t.lemma_.lower() not in REPORTING_LEMMAS for t in noun.doc[: noun.i])
    return not told_here and not any(c.dep_ in ("amod", "compound", "nmod") for c in noun.lefts)


def _placed_people(noun) -> bool:
    """"The Miami relatives", "the Texas lawyers": people whose only name before them is a place,
    which says where they are, not whose relatives or lawyers they are; when the article
    introduced them before ("relatives in Miami"), the phrase points back to them."""
    names = [c for c in noun.children if c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN" and c.i < noun.i]
    return noun.lemma_.lower() in person_nouns() and bool(names) and all(c.ent_type_ in ("GPE", "LOC", "FAC") for c in names)


def _fixed_phrase(noun) -> bool:
    """"In the long run", "the short run": an adjective that makes with the noun a phrase WordNet
    lists as a time or a kind, not a happening the story told of (`wordlists.told_as`)."""
    fixed = told_as(noun.lemma_.lower())[2]
    return any(c.dep_ == "amod" and c.lower_ in fixed for c in noun.children)


def _describes_only(noun) -> bool:
    """Whether the words of `noun`'s phrase say what it is like, not which one it is: its article,
    numbers and adjectives that hold no name ("the latest ruling", "the brutal killing", "the two
    requests"; not "the U.N.-ordered sanctions"), nothing after it but a date. A compound names a kind ("the peace talks"), a name says whose."""
    return all(
        c.dep_ in ("det", "predet", "punct") or c.dep_ == "nummod" and not _a_year(c)
        # "Friday's purchases": a day says when, not which
        # as what the text is about ("Friday's purchases lifted ..."; not "after Friday's trading")
        or c.dep_ == "poss" and c.ent_type_ in ("DATE", "TIME") and all(t.ent_type_ in ("DATE", "TIME") or t.dep_ == "case" for t in c.subtree) and _main_participant(noun)
        or c.dep_ == "amod" and c.pos_ in ("ADJ", "VERB") and not any(t.ent_type_ or t.pos_ == "PROPN" or t.text[:1].isupper() for t in c.subtree)
        # "rejected the request on Friday": a date the parser hung on it says when, not which
        or c.dep_ == "prep" and all(t.ent_type_ in ("DATE", "TIME") for t in c.subtree if t.i != c.i)
        for c in noun.children
    )


def _a_year(tok) -> bool:
    """"The 1987 crash", "the 1991 war": a year before a noun names the one of that year, as a
    news reader knows it, not one the story told of in other words."""
    return tok.ent_type_ == "DATE" and len(tok.text) == 4 and tok.text.isdigit()


def _bound_plural(pronoun) -> bool:
    """Whether a plural of people or bodies before `pronoun` ("they") in its sentence holds it in
    its own clause: "the auto makers said they each reported", "Though they insist ..., officials
    hope" (a subordinate clause). Not the subject of a clause that "they said" only comments on
    ("The real culprits, they said, are ...")."""
    clause = pronoun.head
    if clause.dep_ == "parataxis":
        return False
    governing = {a.i for a in pronoun.ancestors}
    return any(
        _plural_people(t) and t.dep_ in ("nsubj", "nsubjpass") and t.head.i in governing
        for t in pronoun.doc[: pronoun.i]
    ) or clause.dep_ == "advcl" and any(_plural_people(t) and t.dep_ in ("nsubj", "nsubjpass") for t in pronoun.sent if t.head.dep_ == "ROOT")


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


def _reporters_pronoun(pronoun) -> bool:
    """A he/she/his/her subject or possessive of the clause a verb of speech reports, whose subject
    before it is one person ("An airline spokesman said he had ...", "Smith told reporters his unit
    ...", "She said she ..."): the pronoun may be that speaker, whom the same sentence names, so it
    stands alone as written. Not a subject that is a thing or a body ("The report said he ..."), nor a plural, nor a
    person of the other gender by name or by noun ("A spokeswoman said he ...")."""
    if pronoun.dep_ not in ("nsubj", "nsubjpass", "poss"):
        return False  # "The judge said he would sentence him": an object is seldom the one who speaks
    clause = next((a for a in pronoun.ancestors if a.dep_ == "ccomp"), None)
    if clause is None:
        return False
    verb = clause.head
    if not (verb.lemma_.lower() in REPORTING_LEMMAS or _speech_verb(verb)):
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < pronoun.i), None)
    if subject is None or subject.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in subject.children):
        return False
    if subject.lower_ in _PERSON_PRONOUNS:
        return _gender(subject.lower_) == _gender(pronoun.lower_)
    if subject.pos_ == "PROPN" or subject.ent_type_ in _PERSON_ENTS:
        return _may_be_named(subject, pronoun)
    lemma = subject.lemma_.lower()
    if lemma.endswith("man") and ("f" if lemma.endswith("woman") else "m") != _gender(pronoun.lower_):
        return False  # "spokeswoman", "congressman": the noun's own gender
    return subject.pos_ == "NOUN" and (lemma in _PERSON_NOUNS or lemma in person_nouns())


def _reports(tok) -> bool:
    return tok.head.lemma_.lower() in REPORTING_LEMMAS


def _speaks(tok) -> bool:
    """`tok` is the subject of a reporting verb: one of the closed class, or any verb of
    communication ("hinted that") in the sentence's main clause, where attribution found the speaker."""
    verb = tok.head
    return _reports(tok) or _speech_verb(verb) and (verb.dep_ == "ROOT" or verb.dep_ == "conj" and verb.head.dep_ == "ROOT")


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
    subject, which the clause lost, is put back, with what frames both verbs before the first
    (`shared_frame`: "will close ... and lay off" gives "X will lay off"). The subject is the one of
    the verb the clause is coordinated with (`coordinated_with`), not of a reported clause the parser
    hung it on ("said Y's bid didn't offer ..., and gave ...": the one who said gave); a relative
    pronoun gives way to the noun it stands for ("IMA, which bid $28 and asked ..."). Where the
    clause cannot be told alone so (the frame is unclear, an infinitive's "to"), the whole sentence."""
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
    head = coordinated_with(verb)
    if head is None:
        return sentence.strip()
    subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return clause
    if subject.tag_ in ("WDT", "WP"):
        if head.dep_ != "relcl" or head.head.pos_ not in ("NOUN", "PROPN"):
            return sentence.strip()
        words = _noun_words(head.head)
    else:
        span = list(subject.subtree)
        words = "".join(t.text_with_ws for t in span).strip()
        inside = words.rstrip(",").count(",")
        if words.endswith(",") and not inside:
            words = words[:-1].rstrip()  # "The company," : a comma the parser hung on the subject
        elif inside and not words.endswith(",") and doc[span[-1].i + 1 : span[-1].i + 2].text == ",":
            words += ","  # "Merieux, a firm based in Lyon," : the comma that closes its side phrase
    if not _agrees(subject if subject.tag_ not in ("WDT", "WP") else head.head, verb):
        return sentence.strip()  # "the prospectus didn't include ..., show that": not the verb's subject
    frame = shared_frame(head, verb)
    if frame is None and any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        frame = ""  # "did not resign and was freed": the clause has its own auxiliary, which no negation before it reaches
    if frame is None or frame.split()[:1] == ["to"]:
        return sentence.strip()  # "are combined ... and attributed": passive or not; "for companies to expand": no clause
    body = re.sub(r"^(?:and|but|or)\s+", "", clause, flags=re.I)
    glued = frame[:1] == "'" or frame[:3].lower() == "n't"  # "they'll", not "they 'll"
    return _capitalise((words + frame if glued else " ".join(w for w in (words, frame) if w)) + " " + body)


def _noun_words(noun) -> str:
    """A noun with the words before it and an "of" phrase right after it, without its side clauses:
    "IMA" of "IMA, which bid $28 a share", "the unit of Acme" of "the unit of Acme, which ..."."""
    doc = noun.doc
    first = min((t.i for c in noun.lefts for t in c.subtree), default=noun.i)
    last = noun.i
    of = next((c for c in noun.rights if c.i == noun.i + 1 and c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is not None:
        last = of.right_edge.i
    return doc[first : last + 1].text


_FINITE = frozenset({"VBD", "VBZ", "VBP"})
_SINGULAR_PRONOUNS = frozenset("it he she this that".split())


def _agrees(subject, verb) -> bool:
    """Whether a present tense or "was"/"were" agrees in number with the subject the clause would
    get: "show" and "were" are no verbs of "the prospectus" or "it", "shows" none of "the shares";
    a coordinated subject ("A and B") may take either."""
    if any(c.dep_ == "conj" for c in subject.children):
        return True
    singular = subject.tag_ in ("NN", "NNP") or subject.lower_ in _SINGULAR_PRONOUNS
    plural = subject.tag_ in ("NNS", "NNPS") or subject.lower_ in ("they", "we")
    form = verb.lower_
    if singular and (verb.tag_ == "VBP" or form == "were"):
        return False
    return not (plural and (verb.tag_ == "VBZ" or form == "was"))


def _finite(verb) -> bool:
    """A verb form that has its own tense and is no bare form or participle too: "is", "expects",
    "are" (not "cut", which may be bare, nor "freed", which may be a participle: a past tense only
    where the other verb's do or modal leaves it no other reading, see `shared_frame`)."""
    return verb.tag_ in ("VBZ", "VBP") and verb.lower_ != verb.lemma_.lower()


def coordinated_with(verb):
    """The verb a conjunct verb is coordinated with, which lends it its subject: its head, unless
    the parser hung it inside a clause another verb governs where it cannot belong: a past or
    present tense on a bare or -ing verb with no do or modal of its own ("helps RJR pay off debt
    and boosts", "to buy ... and sold"), or, set off by a comma, on a verb of another form in a
    clause reported by a verb of its own tense ("said Y's bid didn't offer ..., and gave": the one
    who said gave; without the comma, "say the defects don't affect ... and are likely" stays the
    defects', and "said Mr. Bush decided ..., but turned down" Mr. Bush's). None when a noun's
    clause is reached."""
    head = verb.head
    if verb.tag_ not in _FINITE or verb.lower_ == verb.lemma_.lower():
        return head  # "would sell ... and cut": a form that may be the bare one tells nothing
    comma = _after_comma(verb)
    while head.dep_ in ("ccomp", "xcomp", "advcl"):
        above = head.head
        if above.pos_ not in ("VERB", "AUX"):
            return None
        bare = head.tag_ in ("VB", "VBG") and not any(c.dep_ in ("aux", "auxpass") and c.lower_ != "to" for c in head.children)
        # "said Mr. Bush decided ..., but turned down": a verb of its own form is its fellow, comma or not
        if not (bare or comma and head.dep_ == "ccomp" and head.tag_ != verb.tag_ and above.tag_ == verb.tag_):
            break
        head = above
    return head


_HEDGES = frozenset(HEDGE_ADVERBS)
_DO = frozenset("do does did".split())
_DO_OR_MODAL = _DO | frozenset("will would shall should can could may might must wo ca".split())


def _after_comma(verb) -> bool:
    """Whether a comma stands before the conjunction before `verb` (", and gave ...")."""
    doc = verb.doc
    i = verb.left_edge.i - 1
    if i >= 0 and doc[i].dep_ == "cc":
        i -= 1
    return i >= 0 and doc[i].text == ","


def shared_frame(first, second) -> str | None:
    """The words before the first of two conjoined verbs that frame both ("may have closed ... and
    fired", "reportedly seized ... and burned", "did not arrest ... and free"), as the second verb
    takes them when told alone: its hedging adverbs and negation, and the auxiliaries it has none of
    its own for (a passive one only for a participle: "was arrested and freed", not "was arrested
    and fled"). A verb with a tense of its own takes the hedges alone ("was named ... but is not
    part", "did not mention ... but said"). None when the second verb cannot take them ("did not
    sign ... and was freed"), or when the parse cannot tell whether it shares the passive ("were
    arrested ... and freed", with "freed" tagged past tense: "The men freed" would make them the
    ones who free)."""
    subject = next((c for c in first.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    start = subject.i if subject is not None else -1
    before = [c for c in first.children if start < c.i < first.i]
    own_aux = any(c.dep_ in ("aux", "auxpass") for c in second.children)
    # A past tense after a do ("did not mention ... but said"), or after a modal across a comma
    # ("will sell ..., and took"; "will close ... and lay off" is the tagger's past of "lie").
    past = second.tag_ == "VBD" and second.lower_ != second.lemma_.lower()
    auxes = {c.lower_ for c in before if c.dep_ == "aux"}
    tensed = _finite(second) or past and bool(auxes & _DO or auxes & _DO_OR_MODAL and _after_comma(second))
    words = []
    for c in before:
        if c.dep_ == "advmod" and c.lower_ in _HEDGES:
            words.append(c)
        elif tensed:
            continue
        elif c.dep_ == "neg":
            if own_aux:
                return None
            words.append(c)
        elif c.dep_ == "aux" and not own_aux:
            words.append(c)
        elif c.dep_ == "auxpass" and not own_aux:
            if second.tag_ == "VBN":
                words.append(c)
            elif not any(o.dep_ in ("dobj", "ccomp", "xcomp") for o in second.children):
                return None  # "were arrested ... and freed": the tagger's past tense may be the passive's participle
    return "".join(t.text if n == 0 or t.text.startswith("'") or t.lower_ == "n't" else " " + t.text for n, t in enumerate(words))


# --- read in order: what the summary chain (factcheck/chains/summary.py) asks of a sentence ----------
# A summary is read in order, so a sentence may lean on the summary sentences before it; these say
# what it leans on, by the rules above (most wrap them), so that a claim and a summary sentence are
# read alike.


def referring_phrases(text: str) -> list[tuple[int, object, str]]:
    """`_referring_phrases` of `text` outside its quotations: "that plan", "such a move", a bare
    "the talks", each as (index of its first word, its head noun, kind)."""
    return _referring_phrases(parse(text), quoted_spans(text))


def is_person_pronoun(word: str) -> bool:
    """he, she, him, her, his, hers."""
    return word.lower() in _PERSON_PRONOUNS


def speaks_in_first_person(text: str) -> bool:
    """Whether `text` has an "I" or "we" (in its own voice or a quotation's): who it is, a speaker
    the text or the sentence before must name."""
    return any(w.lower() in _FIRST_PERSON for w in dangling(text, outlet=True))


def may_stand_for(pronoun: str, tok) -> bool:
    """Whether the third-person `pronoun` agrees with the token `tok` in number and person: "they"
    with a plural noun, "it" with a singular thing (not a person), "he"/"she" with a person."""
    if pronoun in ("they", "them", "their", "theirs", "themselves"):
        return tok.tag_ in ("NNS", "NNPS") and tok.dep_ != "compound"
    if pronoun in ("it", "its", "itself"):
        return tok.tag_ in ("NN", "NNP") and tok.dep_ != "compound" and tok.ent_type_ != "PERSON"
    if pronoun in _PERSON_PRONOUNS or pronoun in ("himself", "herself"):
        return tok.ent_type_ == "PERSON" or tok.pos_ == "NOUN" and tok.lemma_.lower() in person_nouns()
    return False


# Prepositions that make "then" a time the text before must have given: "since then", "until then".
_FROM_A_TIME = frozenset({"since", "until", "till", "from", "by"})


def points_to_sentence_before(text: str) -> bool:
    """Whether `text` leans on what the sentence before it told, which no phrase can be put in for:
    a demonstrative subject that opens it ("That, the source said, was when ...", whatever the
    tagger took the word for, which `dangling` misses); an "it"/"they" subject of the main clause
    with nothing before it in the sentence of its number that is a subject or a name ("Instead of
    providing the votes, they chose ...", where `dangling` takes any noun before for its referent);
    a time counted from an event
    it does not name ("since then", "until then", "two days later")."""
    doc = parse(text)
    first = next((t for t in doc if not t.is_punct), None)
    if first is not None and first.lower_ in ("this", "that", "these", "those") and first.dep_ in ("nsubj", "nsubjpass") and not any(
        c.dep_ in ("relcl", "acl") for c in first.children
    ):
        return True
    quoted = quoted_spans(text)
    for tok in doc:
        if tok.lower_ in ("it", "they") and tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ == "ROOT" and not any(a <= tok.idx < b for a, b in quoted):
            if not any(may_stand_for(tok.lower_, t) and (t.dep_ in ("nsubj", "nsubjpass") or t.pos_ == "PROPN") for t in doc[: tok.i]):
                return True
            break
    return any(
        t.lower_ == "then" and t.head.lower_ in _FROM_A_TIME or t.lower_ == "later" and any(c.dep_ == "npadvmod" for c in t.children)
        for t in doc
    )


# Modifiers that make an indefinite noun phrase one more of its kind, not the one named before: "a
# second letter", "a new statement", "a separate report" (a closed class, like `_RELATIONAL`). Not
# "other": "other funds" are set beside the ones the story is about, which "the funds" still are.
_ANOTHER_ONE = frozenset("new second third fourth fifth separate different further additional latest fresh".split())


def introductions(noun, previous: Sequence[str]) -> list[tuple[int, bool]]:
    """The sentences of `previous` that introduce what the definite `noun` (of a `pointing_back`
    phrase) names (`_introduced`), in order, each with whether it introduces one more of its kind:
    "another letter", "a second letter", "a new statement", or "a letter published Sunday" after
    one the article dated otherwise or not at all. After it, "the letter" is that one, not the one
    named before. A plain "a letter" may restate the one before, or a kind ("a child born abroad
    ... is a citizen"): it does not say."""
    lemma, plural = noun.lemma_.lower(), noun.tag_ in ("NNS", "NNPS")
    found: list[tuple[int, bool]] = []
    dates: list[set[str]] = []  # the dates each earlier mention of the noun gives in its own phrase
    for index, sentence in enumerate(previous):
        mentions = [
            tok for tok in parse(sentence)
            if tok.pos_ == "NOUN" and tok.lemma_.lower() == lemma and tok.dep_ != "compound" and (tok.tag_ in ("NNS", "NNPS")) == plural
        ]
        if not _introduced(noun, [sentence]):
            dates += [_own_dates(tok) for tok in mentions]
            continue
        more = False
        for tok in mentions:
            dets = [c.lower_ for c in tok.children if c.dep_ == "det"]
            own = _own_dates(tok)
            indefinite = dets[:1] in ([], ["a"], ["an"])
            more = more or "another" in dets or indefinite and any(c.dep_ == "amod" and (c.lower_ in _ANOTHER_ONE or c.ent_type_ == "ORDINAL") for c in tok.children) or (
                bool(found) and dets[:1] in (["a"], ["an"]) and bool(own) and all(own != d for d in dates)
            )
            dates.append(own)
        found.append((index, more))
    return found


def _own_dates(tok) -> set[str]:
    """The dates that say which one `tok` is, hung on it or on a word hung on it after it ("a
    letter published Sunday", "a letter of March 3"): not a length before it ("an eight-year
    war"), which says what kind, nor a date deeper in a clause about it ("a chip that users will
    buy for years"). None for a noun that describes another ("X is a chip")."""
    if tok.dep_ in ("attr", "appos"):
        return set()
    return {e.text.lower() for e in tok.doc.ents if e.label_ == "DATE" and e.start > tok.i and _hung_on(e.root, tok)}


def _hung_on(word, noun) -> bool:
    """Whether `word` hangs on `noun` through prepositions and participles alone ("published on
    Sunday"), within three steps, not through a clause of its own."""
    for _ in range(4):
        if word == noun:
            return True
        if word.dep_ not in ("pobj", "prep", "acl", "npadvmod", "tmod", "nmod", "compound") or word.head == word:
            return False
        word = word.head
    return False


def names_referent(noun, text: str) -> bool:
    """Whether `text` names what the definite `noun` may point back to: the noun, the verb of the
    act it names ("ruled" for "the ruling"), or, for "the company", an organisation (as
    `pointing_back` reads "the company" after a name in its own sentence)."""
    lemma = noun.lemma_.lower()
    doc = parse(text)
    if lemma in _COMPANY_NOUNS and any(e.label_ == "ORG" for e in doc.ents):
        return True
    return any(
        t.lemma_.lower() == lemma and t.pos_ in ("NOUN", "PROPN", "VERB") or t.pos_ == "VERB" and _nominalises(lemma, t.lemma_.lower())
        for t in doc
    )


# --- what a claim leaves to the sentences before: a standard, a place, an act, a verb phrase ---------
# A claim or timeline event must stand alone (CRITERIA.md 2c). Besides a pronoun or a definite
# phrase, a clause may lean on the story before by its grammar alone: a comparison whose standard
# the story gave ("was less reticent"), a degree "so"/"as" with no clause of result or comparison,
# a pronoun-like "the latter", "the rest", "another"; a locative "there"; a noun of answering for an
# act with no act ("claimed responsibility"); a verb phrase left out ("did not", "so did X"). Read
# from the parse's tags and labels; the words named are closed classes of English function words.

# Degree words before a comparative ("many more", "even less", "far fewer"), kept with it.
_DEGREE_OF_COMPARISON = frozenset("many much far even still".split())
# Comparatives that are no comparison with something said before: "more than 100", "no longer",
# "later"/"earlier" (a time, which the timeline reads), "further", "rather", "other".
_NOT_COMPARING = frozenset("later earlier further farther rather longer sooner".split())
def _counts_on(noun) -> bool:
    """Whether a definite noun with an ordinal ("the second attack") counts on earlier ones of its
    kind the text does not name: nothing after it says which ("the second day of talks", "the
    second man to die"), no compound makes it a name, it is no time ("the second quarter"), and
    no earlier word of the text has its noun."""
    doc = noun.doc
    det = [c for c in noun.children if c.dep_ == "det" and c.lower_ == "the"]
    # "for the second time", "the second half", "second place": a rank or a part, not one of a series told before
    if not det or noun.lemma_.lower() in ("time", "half", "quarter", "round", "place") or any(c.dep_ in ("prep", "acl", "relcl", "appos", "compound") for c in noun.children):
        return False  # not "the second world war": a compound names a thing, whatever the case
    return not any(t.lemma_ == noun.lemma_ for t in doc[: det[0].i])


# Copulas of a change of state, whose comparative compares with the state before ("got worse").
_BECOMING = frozenset("get become grow turn go".split())
# Pronoun-like phrases that take their meaning from a phrase before ("the latter", "the rest",
# "did the same"): a closed class of English function words.
_ANAPHORIC_HEADS = frozenset("latter former same rest remainder".split())
# Nouns of answering for an act ("claimed responsibility", "took the blame", "got the credit"):
# with no "for ..."/"of ..." nor an act named in the clause, which act, the reader cannot tell.
_ANSWERING_NOUNS = frozenset("responsibility blame credit accountability liability".split())
# Auxiliaries whose clause may leave its verb phrase out ("did not", "will too", "so did X").
_ELLIPSIS_AUX = frozenset("do does did will would can could shall should may might must have has had".split())
# What may stand beside an auxiliary whose verb phrase is left out.
_ELLIPSIS_COMPANIONS = frozenset("nsubj nsubjpass neg punct cc mark advmod expl".split())


@cached()
def leans_on_before(text: str) -> list[str]:
    """The phrases of `text` that only the sentences before it complete, by their grammar
    (`_unstandarded`, `_unplaced_there`, `_act_missing`, `_elided_verb_phrase`): "less reticent",
    "so well-developed", "the latter", "there", "responsibility", "did not". Quotations count too:
    the speaker's words cannot change, and "we will do the same" leaves the reader asking what."""
    doc = parse(text)
    found: list[str] = []
    for detector in (_unstandarded, _unplaced_there, _act_missing, _elided_verb_phrase):
        found += [p for p in detector(doc) if p not in found]
    return found


def _compares_within(doc) -> bool:
    """Whether the text itself gives a standard of comparison: "than ...", "as ... as", "compared
    with", "from ... to" (a change: "rose to 5% from 4%")."""
    words = [t.lower_ for t in doc]
    return "than" in words or "compared" in words or "versus" in words or words.count("as") >= 2 or "from" in words and "to" in words


def _unstandarded(doc) -> list[str]:
    """Comparisons and degrees whose standard lies before: a predicative comparative ("was less
    reticent", "became more cautious"), a comparative that is its own noun phrase ("did not expect
    many more") or follows a degree word ("many more arrests"), "so"/"as" + adjective with no
    "that"/"as" clause ("never so well-developed"), and the pronoun-like "the latter", "the rest",
    "the same", "another" with no noun, or whose noun the text does not name before it."""
    if _compares_within(doc):
        return []
    found = []
    for tok in doc:
        lower = tok.lower_
        if tok.tag_ in ("JJR", "RBR") and lower not in _NOT_COMPARING and not any(c.lower_ in ("no", "any") for c in tok.children) and doc[tok.i - 1 : tok.i].text.lower() != "the":
            # not "the more ..., the better": a comparison of two amounts the sentence gives
            # "more"/"less" before an adjective or adverb: the comparison is that word's ("less reticent")
            target = tok.head if lower in ("more", "less") and tok.dep_ == "advmod" and tok.head.pos_ in ("ADJ", "ADV") else tok
            if tok.dep_ == "quantmod" or target.dep_ == "amod" and lower in ("more", "less", "fewer") and tok.head.like_num:
                continue  # "more than 100", "more 100"
            if lower == "more" and doc[max(0, tok.i - 2)].lower_ == "what":
                continue  # "What's more, ...": a connective
            if any(c.dep_ == "expl" or c.lower_ == "it" and c.dep_ == "nsubj" for c in target.head.children) and any(c.dep_ in ("xcomp", "ccomp", "advcl") for c in [*target.children, *target.head.children]):
                continue  # "it is harder to sell when ...": compared with doing it otherwise, which the clause says
            # "was less reticent" (than whom?); not "will get worse", "became more open": a change of
            # state compares with the state before it, which the clause names
            predicative = (target.dep_ in ("acomp", "oprd") or target.dep_ == "attr" and target.pos_ == "ADJ") and target.head.lemma_.lower() not in _BECOMING
            nominal = lower in ("more", "less", "fewer") and tok.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj", "attr") and not any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)
            # An attributive comparative ("the much-larger Mesa", "a much wider conflict") most often
            # compares with what the clause names or with the present: not counted.
            if predicative or nominal:
                first = min(target.i, tok.i, *(c.i for c in tok.children if c.lower_ in _DEGREE_OF_COMPARISON and c.i < tok.i))
                found.append(doc[first : target.i + 1].text)
        elif lower in ("so", "as") and tok.dep_ == "advmod" and (tok.head.pos_ in ("ADJ", "ADV") or tok.head.dep_ == "acomp") and tok.head.i > tok.i and tok.head.lower_ not in ("well", "far", "long", "soon", "much"):
            head = tok.head
            # "so large that ...": the result the degree reaches is the clause's own
            if not any(t.lower_ in ("that", "as") or t.dep_ in ("ccomp", "xcomp") for t in doc[head.i + 1 :]):
                found.append(doc[tok.i : head.i + 1].text)
        elif lower in _ANAPHORIC_HEADS and tok.pos_ in ("NOUN", "ADJ", "PRON") and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos"):
            det = [c for c in tok.children if c.dep_ == "det" and c.lower_ == "the"]
            if det and not any(c.dep_ in ("prep", "acl", "relcl") for c in tok.children) and not any(t.lower_ == "as" for t in doc[tok.i + 1 : tok.i + 3]):
                found.append(doc[det[0].i : tok.i + 1].text)  # "the latter", "the rest", "did the same"
        elif tok.ent_type_ == "ORDINAL" and tok.dep_ == "amod" and tok.lower_ not in ("first", "last") and tok.head.pos_ == "NOUN" and tok.head.ent_type_ not in _NOT_PARTICIPANTS - {"ORDINAL"} and _counts_on(tok.head):
            found.append(doc[tok.i - 1 : tok.head.i + 1].text)  # "the second attack": after which first one
        elif lower == "another" and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") and not any(t.lower_ == "one" or t.like_num for t in doc[: tok.i]):
            found.append(tok.text)  # "another was wounded": one more than which
    return found


# Places a locative adverb may stand beside and still be named: "out there" is still a place the text must give.
_PLACE_ENTS_NAMED = ("GPE", "LOC", "FAC")


def _unplaced_there(doc) -> list[str]:
    """A locative "there" (not the existential "there is") where the text names no place before it
    ("police arrived there Monday"), and a "here" that picks out a participant by the dateline's
    place ("the embassy here"), which a claim read alone does not give."""
    found = []
    for tok in doc:
        if tok.lower_ == "there" and tok.tag_ == "RB" and tok.dep_ == "advmod":
            head = tok.head
            if tok.i < head.i and not any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children):
                continue  # "there remain three": an existential the tagger took for an adverb
            if any(e.label_ in _PLACE_ENTS_NAMED and e.end <= tok.i for e in doc.ents):
                continue  # "in Kabul, where police arrived there": the text names the place
            found.append(tok.text)
        elif tok.lower_ == "here" and tok.dep_ == "advmod" and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i == tok.i - 1:
            if any(c.dep_ == "prep" for c in tok.children) or any(e.label_ in _PLACE_ENTS_NAMED and e.end <= tok.i for e in doc.ents):
                continue  # "the Albanians here in Kosovo": the place is given
            found.append(doc[tok.head.left_edge.i : tok.i + 1].text)
    return found


def _act_missing(doc) -> list[str]:
    """A noun of answering for an act ("responsibility", "the blame") with nothing that says for
    which act: no "for"/"of" phrase, possessor or compound, and no happening named in the text
    besides it ("No one claimed responsibility"; not "... for the bombing", nor "The bombing, for
    which no one claimed responsibility, ...")."""
    events = happening_nouns()
    found = []
    for tok in doc:
        # Singular: "held similar responsibilities" are duties, not the answering for one act.
        if tok.pos_ != "NOUN" or tok.tag_ != "NN" or tok.lemma_.lower() not in _ANSWERING_NOUNS:
            continue
        if any(c.dep_ in ("prep", "poss", "compound", "acl", "relcl") for c in tok.children):
            continue
        if tok.dep_ not in ("dobj", "nsubj", "nsubjpass", "attr"):
            continue  # "a credit facility", "letters of credit": a kind of thing, not the answering for an act
        named = any(
            t.i != tok.i and t.pos_ == "NOUN" and t.lemma_.lower() in events and t.lemma_.lower() not in _ANSWERING_NOUNS or t.pos_ == "VERB" and t.i > tok.i and t.dep_ in ("relcl", "acl")
            for t in doc
        )
        if not named:
            found.append(tok.text)
    return found


def _elided_verb_phrase(doc) -> list[str]:
    """An auxiliary that heads its clause with no verb phrase ("Smith did not.", "Jones will too",
    "so did the bank", "said he would"), unless the text gives, before it, the verb it stands for
    ("He promised to resign but did not"), or it closes a comparison ("more than it did")."""
    found = []
    for tok in doc:
        if tok.lower_ not in _ELLIPSIS_AUX or tok.pos_ not in ("AUX", "VERB") or tok.dep_ not in ("ROOT", "conj", "ccomp", "advcl", "parataxis"):
            continue  # not an auxiliary of a verb, nor "all the power you have" (a relative clause's gap)
        if any(t.pos_ == "VERB" and t.lemma_.lower() not in REPORTING_LEMMAS for t in doc[tok.i + 1 :]):
            continue  # "would, when it was broken, give ...", "has, I think, been": its verb phrase comes after, whatever the parse
        if any(c.dep_ not in _ELLIPSIS_COMPANIONS for c in tok.children):
            continue  # a complement ("did the work", "has a plan"): the auxiliary is a main verb
        if any(c.dep_ == "advmod" and c.pos_ != "ADV" or c.dep_ == "mark" and c.lower_ in ("than", "as") for c in tok.children):
            continue
        if any(t.lower_ in ("than", "as") for t in doc[max(0, tok.i - 3) : tok.i]):
            continue  # "more than it did last year": the comparison's own verb
        # a verb before it that it may repeat ("back down if he must"), not the reporting verb that
        # governs it ("said he would")
        governing = {a.i for a in tok.ancestors if a.lemma_.lower() in REPORTING_LEMMAS or _speech_verb(a)}
        if any(t.pos_ == "VERB" and t.i not in governing and t.i < tok.i for t in doc):
            continue
        words = [c for c in tok.children if c.dep_ in ("neg", "advmod") or c.dep_ in ("nsubj", "nsubjpass") and c.i > tok.i]
        end = max([tok.i, *(c.right_edge.i for c in words)])  # "so did the Bank of Canada"
        start = min([tok.i, *(c.i for c in words if c.i < tok.i)])
        found.append(doc[start : end + 1].text)
    return found


# Units a time counted from another is measured in ("the following month", "the next day").
_TIME_UNITS = frozenset("day week month year morning afternoon evening night weekend spring summer autumn fall winter".split())
# What makes a definite unit of time the one after (or before) a time the text must give.
# "the same day" is the day of an event the text must name, as "the next day" is the one after it.
_FROM_ANOTHER_TIME = frozenset("following next previous preceding same".split())
# The spans a company's results are told for, which code never dates itself: a closed class.
_REPORTING_PERIODS = frozenset({"quarter", "period"})
# What counts a time back from another: "a year earlier", "the year-ago quarter".
_COUNTED_BACK = frozenset({"earlier", "ago", "before"})


@cached()
def untold_times(text: str) -> list[str]:
    """The times in `text` counted from an event it does not name, with no date in brackets after
    them that says when ("since then", "A few days later,", "two weeks earlier", "The following
    month,", "the next day"; not "two days after the vote", "three days later (May 5, 1998)", nor
    "next month", counted from the day of publication). A claim must stand alone: the reader of
    "The following month, the company filed ..." asks which month."""
    doc = parse(text)
    quoted = quoted_spans(text)
    found = []
    for tok in doc:
        if any(a <= tok.idx < b for a, b in quoted):
            continue
        span = None
        if tok.lower_ == "then" and tok.head.lower_ in _FROM_A_TIME:
            span = doc[tok.head.i : tok.i + 1] if tok.head.i < tok.i else doc[tok.i : tok.i + 1]
        elif tok.lower_ in ("later", "earlier", "after", "before") and tok.pos_ in ("ADV", "ADP", "ADJ") and not any(c.dep_ in ("pobj", "pcomp") for c in tok.children):
            measure = [c for c in tok.children if c.dep_ == "npadvmod" and c.i < tok.i]
            # Not "the year-earlier quarter" (a period it names), nor "from $4 million a year earlier"
            # after the verb (a figure's period set beside the one the story is of, read as now)
            figure = tok.i > tok.sent.root.i and any(t.ent_type_ in ("MONEY", "PERCENT") for t in tok.sent)
            if measure and doc[measure[0].i + 1 : tok.i].text != "-" and not figure:
                span = doc[min(t.i for t in measure[0].subtree) : tok.i + 1]
        elif tok.pos_ == "NOUN" and tok.tag_ == "NN" and tok.lemma_.lower() in _TIME_UNITS:
            # Singular: "over the next two weeks" counts from now. "The next day" only in a past
            # story: "the next year" of a plan is the one after publication.
            det = [c for c in tok.children if c.dep_ == "det" and c.lower_ == "the"]
            mod = [c for c in tok.children if c.dep_ == "amod" and c.lower_ in _FROM_ANOTHER_TIME and (c.lower_ != "next" or tok.sent.root.tag_ == "VBD")]
            if det and mod and not any(c.dep_ in ("prep", "acl", "relcl") for c in tok.children):
                span = doc[det[0].i : tok.i + 1]
            span = span or _told_time(tok)
        elif tok.pos_ == "NOUN" and tok.lemma_.lower() in _TIME_UNITS | {"time"}:
            span = _told_time(tok)  # "in those days", "at the time"
        elif tok.tag_ == "NN" and tok.lemma_.lower() in _REPORTING_PERIODS and (tok.ent_type_ == "DATE" or tok.lemma_.lower() == "period"):
            span = _told_period(tok)  # "Sales rose 5% in the quarter": which quarter
        elif tok.lower_ == "then" and tok.dep_ == "advmod" and tok.head.pos_ in ("VERB", "AUX"):
            span = _sequel(tok)  # "Then the troops moved in", "He then resigned"
        if span is None:
            continue
        if any(t.ent_type_ in ("DATE", "TIME") and not span.start <= t.i < span.end for t in (_own_clause(tok) if span.text.lower() == "then" else tok.sent)):
            continue  # "third-quarter net of $5 million, from $4 million a year earlier": counted from a time it gives
        after = text[span.end_char :].lstrip(" ,")
        if after.startswith("(") or after.startswith("["):
            continue  # a date the claim's text gives: "three days later (May 5, 1998)"
        found.append(span.text)
    return found


# --- figures with no population, plural pronouns with nothing to stand for ---------------------------
# A claim or timeline event must stand alone (CRITERIA.md 2c). "Some had predicted higher earnings"
# after "Securities analysts were cautious": some of whom, the claim does not say, as "At least 82
# were killed" does not after "Troops fired on demonstrators". And "In the square, they put up a
# cross": a place or one person named before "they" is nothing it can stand for. Read from the parse.

# Quantifiers that may head a noun phrase of their own ("Most were freed", "Some had predicted"):
# a closed class of English determiners.
_BARE_QUANTIFIERS = frozenset("most many some several both few half others all none each".split())
# Figures that say their own unit: an amount, a share, a date, a time.
_UNIT_ENTS = frozenset({"MONEY", "PERCENT", "DATE", "TIME", "QUANTITY", "ORDINAL"})


def _bare_count(tok) -> bool:
    """Whether `tok` is a number or quantifier that is a participant by itself, with no noun it
    counts: "Three were arrested", "Some had predicted", "police freed many"; not "three of them",
    "12 protesters", "$5 million", "the 486" (a name: digits after "the"), nor "each" or "all" that
    float beside their noun ("the two each held")."""
    if tok.dep_ not in ("nsubj", "nsubjpass", "dobj") or tok.ent_type_ in _UNIT_ENTS:
        return False
    number = tok.like_num and tok.pos_ == "NUM"
    if number and tok.dep_ == "dobj":
        return False  # "skidded 1.74 to 123.5", "trim 275 to 350 of its jobs", "equaling 100": most often a measure of the subject's
    if tok.head.dep_ in ("relcl", "acl"):
        return False  # "an extra 10%, of which half may be sold": the clause hangs on what it counts
    if not number and not (tok.lower_ in _BARE_QUANTIFIERS and tok.pos_ in ("PRON", "DET", "ADJ", "NOUN", "NUM")):
        return False
    if any(c.dep_ in ("prep", "compound", "nmod", "appos", "relcl", "acl") or c.pos_ in ("NOUN", "PROPN") for c in tok.children):
        return False  # "three of the victims", "most in the north", "those who fled"
    if number and tok.text[:1].isdigit() and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return False  # "the 486 is Intel's flagship": a name
    return True


@cached()
def unsaid_populations(text: str, previous: Sequence[str]) -> list[str]:
    """The numbers and quantifiers of `text` that are a participant with no noun ("Three were
    arrested", "Some had predicted ...", "At least 82 were killed"), whose population an earlier
    sentence gives (a plural of people or a counted plural in one of the two sentences before:
    "Police detained 40 protesters"), and the text does not, before it ("Of the eight victims,
    three were stabbed", "Thirty-two members filed reports and all were honoring ..."). Where the
    sentences before name no such plural (a lede: "At least 82 were killed in fighting in X"), the
    verb says what is counted (people), and no population is lost. Not a generic speaker ("some
    say ...", "many believe that ..."): whose view it is, is the attribution's to say."""
    doc = parse(text)
    found = []
    for tok in doc:
        if not _bare_count(tok):
            continue
        if tok.dep_ == "nsubj" and (_reports(tok) or _speech_verb(tok.head)) and any(c.dep_ == "ccomp" for c in tok.head.children):
            continue
        if any(_counts_people(t) or t.tag_ in ("NNS", "NNPS") and t.dep_ != "compound" and t.ent_type_ not in _NOT_PARTICIPANTS for t in doc[: tok.i]):
            continue  # the text names what it counts, before it
        if tok.lower_ == "others" and any(t.pos_ in ("NOUN", "PROPN") for t in doc[: tok.i]):
            continue  # "Du Pont holds 23% ... although others are adding capacity": others than what it names
        if not any(_counts_people(t) for sentence in previous[-2:] for t in parse(sentence)):
            continue
        words = [c for c in tok.children if c.dep_ in ("advmod", "quantmod", "det", "amod", "nummod") and c.i < tok.i]
        start = min([tok.i, *(t.i for c in words for t in c.subtree)])
        found.append(doc[start : tok.i + 1].text)
    return found


def _counts_people(tok) -> bool:
    """A plural a bare number may count: of people or bodies (`_plural_people`: "protesters",
    "analysts", "Serbs"), or any plural with a number or quantifier ("40 cars", "dozens of homes")."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ == "compound" or tok.ent_type_ in _NOT_PARTICIPANTS:
        return False
    if _plural_people(tok):
        return True
    counted = any(c.dep_ == "nummod" or c.dep_ in ("det", "amod") and c.lower_ in _BARE_QUANTIFIERS for c in tok.children)
    return tok.tag_ in ("NNS", "NNPS") and counted or tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.like_num


def unplaced_plurals(text: str) -> list[str]:
    """The plural pronouns (they, them, their) of `text` that may stand for nothing it names before
    them: what comes before is a place ("In Revolution Square, they put up a cross"), one person
    ("The Pope's visit is important, but they are coming home"; two may be who: "X met Y as they
    prepared ..."), or singular things, and no plural
    subject follows that they look ahead to ("Though they won, the rebels ..."). A plural noun, a
    coordination ("Kuchma and Yeltsin ... they"), a group or a body ("the government", "NATO",
    "Serbs") may be what they are. Inside a quotation too: the speaker's words do not say either."""
    doc = parse(text)
    found = []
    for tok in doc:
        if tok.lower_ not in ("they", "them", "their") or tok.pos_ != "PRON" or tok.text[:1] == "[" or doc[tok.i + 1 : tok.i + 2].text == "[":
            continue
        if any(_plural_candidate(t) for t in doc[: tok.i]):
            continue
        people = {t.i for t in doc[: tok.i] if t.ent_type_ == "PERSON" and t.dep_ not in ("compound", "flat") or t.lower_ in _PERSON_PRONOUNS and t.pos_ == "PRON"}
        if len(people) > 1:
            continue  # "He said it is good to meet Erdogan as they prepare ...": the two of them
        subject = next((c for c in tok.sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and subject.i > tok.i and _plural_candidate(subject):
            continue  # "In their report, the inspectors said ...": the subject it looks ahead to
        found.append(tok.text)
    return found


def unplaced_object_it(text: str) -> list[str]:
    """An "it" object outside quotation marks with no noun or name before it in the text that it
    may stand for: "We're going to fight it." (`dangling` counts a subject "it" only). Not the empty
    "it" of "made it clear that ...", "found it hard to ..." (a complement after it)."""
    doc = parse(text)
    quoted = quoted_spans(text)
    found = []
    for tok in doc:
        if tok.lower_ != "it" or tok.dep_ not in ("dobj", "pobj", "dative") or any(a <= tok.idx < b for a, b in quoted) or doc[tok.i + 1 : tok.i + 2].text == "[":
            continue
        if any(t.pos_ in ("NOUN", "PROPN") for t in doc[: tok.i]):
            continue
        verb = tok.head if tok.dep_ != "pobj" else tok.head.head
        if any(c.dep_ in ("ccomp", "xcomp", "oprd", "acomp") and c.i > tok.i for c in verb.children):
            continue
        found.append(tok.text)
    return found


def unspoken_first_person(text: str) -> list[str]:
    """The "I", "we", "us", "our" ... of `text` outside quotation marks that no verb of speech in
    the text gives a speaker ("We are here this week to witness ...", a transcript's "We have seen
    numbers drop"; not "Potach says we have seen ...", "I think, she said, that ..."). Who speaks, a
    claim says beside its text; a timeline event says it nowhere else."""
    doc = parse(text)
    quoted = quoted_spans(text)
    found = []
    for tok in doc:
        if tok.lower_ not in _FIRST_PERSON or tok.pos_ != "PRON" or any(a <= tok.idx < b for a, b in quoted):
            continue
        speakers = [
            a for a in tok.ancestors
            if (a.lemma_.lower() in REPORTING_LEMMAS or _speech_verb(a)) and any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in _FIRST_PERSON for c in a.children)
        ]
        # "..., the agency said": a reporting verb in a clause of its own (parataxis) speaks for the whole
        aside = [t for t in doc if t.dep_ == "parataxis" and (t.lemma_.lower() in REPORTING_LEMMAS or _speech_verb(t)) and any(c.dep_ == "nsubj" and c.lower_ not in _FIRST_PERSON for c in t.children)]
        if not speakers and not aside:
            found.append(tok.text)
    return found


def _plural_candidate(tok) -> bool:
    """A word a plural pronoun may stand for: a plural noun or name (not a time or an amount), a
    coordination of names or nouns, or a group or body ("the company", "NATO", the tagger's
    organisation or nationality). Not a place ("Kosovo", "Revolution Square") nor one person."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.ent_type_ in _NOT_PARTICIPANTS or tok.dep_ == "compound":
        return False
    if tok.tag_ in ("NNS", "NNPS") or tok.dep_ == "conj" or any(c.dep_ == "conj" for c in tok.children):
        return True
    if tok.ent_type_ in ("ORG", "NORP") or tok.lemma_.lower() in _ORG_NOUNS or tok.lemma_.lower() in _GROUP_NOUNS:
        return True
    # A name the tagger did not place may be a group's; not a capitalised title ("the Pope"): one person.
    return tok.pos_ == "PROPN" and not tok.ent_type_ and tok.lemma_.lower() not in person_nouns() and tok.lemma_.lower() not in _PERSON_NOUNS


def _told_period(unit):
    """"in the quarter", "for the period": a span a company reports on, which the article dated
    before and code does not gloss (a fiscal quarter's months are not the calendar's); with
    nothing beside it that says which ("the third quarter", "the quarter ended Sept. 30", "the
    1988 period" say more)."""
    det = [c for c in unit.children if c.dep_ == "det"]
    if [d.lower_ for d in det] != ["the"] or unit.dep_ == "compound" or not all(c.dep_ in ("det", "punct") or _unsaid_period(c) for c in unit.children):
        return None
    return unit.doc[det[0].i : unit.i + 1]


def _unsaid_period(modifier) -> bool:
    """A word before a reporting period that does not say which part of a year it is: a year ("the
    1988 period"), a time counted from another ("the year-earlier period", "the year-ago quarter"),
    the last of a series ("the latest period"), one said before ("the same period")."""
    if modifier.i > modifier.head.i or modifier.dep_ not in ("amod", "nummod", "compound"):
        return False
    word = modifier.lower_
    if word in _COUNTED_BACK and all(c.dep_ == "punct" or c.dep_ == "npadvmod" and c.lemma_.lower() in _TIME_UNITS for c in modifier.children):
        # "the year-ago period"; but after the verb of a figure, the one a year before the figure's
        # own, as "from $4 million a year earlier" is (see `untold_times`)
        unit = modifier.head
        return not (unit.i > unit.sent.root.i and any(t.ent_type_ in ("MONEY", "PERCENT") for t in unit.sent))
    if any(t.i != modifier.i for t in modifier.subtree):
        return False
    return (
        word.isdigit() and len(word) == 4
        or word in _FROM_ANOTHER_TIME | _RELATIONAL
        or _of_time(modifier) and modifier.tag_ == "JJS"
    )


def _told_time(unit):
    """"that day", "in those weeks", "at the time", "at that time": a unit of time the text picks
    out as the one of an event told before, with nothing after it that says which ("at the time of
    the vote", "that day in May", "the time he left"); not "at the same time" (a connective: "at
    once", "however"), nor "for the first time"."""
    doc = unit.doc
    if any(c.dep_ in ("prep", "acl", "relcl", "amod", "nummod", "compound") for c in unit.children):
        return None
    det = next((c for c in unit.children if c.dep_ == "det"), None)
    if det is None:
        return None
    if det.lower_ in ("that", "those") and (unit.lemma_.lower() != "time" or unit.dep_ == "pobj"):
        return doc[det.i : unit.i + 1]
    if unit.lemma_.lower() == "time" and det.lower_ == "the" and unit.dep_ == "pobj" and unit.head.lower_ == "at" and not doc[unit.i + 1 : unit.i + 2].text[:1].isalpha():
        return doc[unit.head.i : unit.i + 1]  # "at the time," / "at the time.": a clause after it would say which ("at the time he left")
    return None


def _sequel(then):
    """The temporal "then" of a clause that comes after an event the text does not tell: "Then the
    troops moved in", "He then resigned", "officials said he then fled". Not after a verb of the
    text itself ("Police arrested him and then released him"), nor "if ..., then" (a condition),
    nor a "then" whose clause gives its own date (the caller's check)."""
    doc = then.doc
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "once", "when") for t in doc for c in t.children if c.i < then.i):
        return None
    if doc[then.i - 1 : then.i].text == "," and all(t.is_punct for t in doc[then.i + 1 :]):
        return None  # "That is a condition, then.": a conclusion drawn ("so"), not a time
    # The verbs whose complement holds the clause ("said he then resigned") tell no moment before it.
    governing, verb = set(), then.head
    while verb.dep_ in ("ccomp", "xcomp") and verb.head != verb:
        verb = verb.head
        governing.add(verb.i)
    # A participle that only describes a noun ("the patients waiting then ...", where the parser
    # may hang "then" on it) tells no event either.
    if any(t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass", "acl", "amod") and t.i not in governing and t != then.head for t in doc[: then.i]):
        return None  # counts from what the text told before it ("questioned him and then released him")
    return doc[then.i : then.i + 1]


def _own_clause(then) -> list:
    """The words of the clause a "then" belongs to: its verb (past a participle the parser may hang
    it on, "the patients waiting then begins ...") and what hangs on it, less a clause joined to it
    ("..., and over the years more would die"), whose date is not this clause's."""
    verb = then.head
    while verb.dep_ in ("acl", "amod") or verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
        verb = verb.head
    joined = {t.i for c in verb.children if c.dep_ == "conj" for t in c.subtree}
    return [t for t in verb.subtree if t.i not in joined]


# Prepositions after a noun of what is owned that say whose it is ("revenue at Delta", "sales of
# the unit", "earnings for the quarter" does not, but a noun so restricted is left as written).
_OWNING_PREPS = frozenset("of at for from by".split())


def _unowned(doc, quoted) -> list:
    """"Revenue rose 15%", "Net income fell", "The third-quarter results came after ...": the subject
    of a main clause that names what an owner takes in (a noun whose most frequent sense is a sum of
    money in WordNet: revenue, sales, earnings, profit; `owned_nouns`), one whose verb states its
    figure (`_own_figure`), or one a reporting period qualifies (`_of_a_period`), with nothing that
    says whose: no determiner but "the", no possessor, no "of"/"at" phrase but one of a time ("for
    the full year"), and no organisation in the clause but inside a side phrase ("from the sale of
    Zeta Inc."): an earnings report names its company in an earlier sentence only."""
    if any(e.label_ == "ORG" and not _in_side_phrase(e.root) for e in doc.ents):
        return []  # "Zeta said sales rose": whose, the clause may say
    found = []
    main = {_content_head(doc).i, *(t.i for t in doc if t.dep_ == "ROOT")}  # "Profit fell, analysts said": "fell"
    for noun in doc:
        if noun.pos_ != "NOUN" or noun.dep_ not in ("nsubj", "nsubjpass") or noun.head.i not in main or any(a <= noun.idx < b for a, b in quoted):
            continue
        if doc[noun.i + 1 : noun.i + 2].text in ("[", "'s", "’s", "'"):
            continue
        if not _takings(noun) and not _own_figure(noun) and not _of_a_period(noun):
            continue
        if any(c.dep_ == "prep" and c.lower_ == "at" and any(g.dep_ == "pobj" and g.pos_ == "PROPN" for g in c.children) for c in noun.head.children):
            continue  # "At Halden, net dropped 3%": the phrase on its verb says whose
        if any(
            c.dep_ in ("poss", "predet") or c.dep_ == "det" and c.lower_ != "the" or c.dep_ == "prep" and c.lower_ in _OWNING_PREPS and not _says_when(c)
            # a name says whose ("Delta passenger traffic"); a date says when ("Year-earlier results", "third-quarter profit")
            or c.dep_ in ("compound", "amod", "nmod") and any(t.pos_ == "PROPN" or t.ent_type_ and t.ent_type_ not in ("DATE", "TIME") for t in c.subtree)
            for c in noun.children
        ):
            continue
        found.append(noun)
    return found


# A figure a clause states: "jumped 14%", "included a gain of $1.6 million".
_FIGURE_ENTS = frozenset({"PERCENT", "MONEY"})


def _own_figure(noun) -> bool:
    """"Passenger traffic jumped 14%", "Year-earlier results included a gain of $1.6 million": a bare
    common noun (no determiner at all, no phrase after it; not a kind of organisation) whose own
    verb states an amount or a percentage (`_states_figure`): a figure of something someone has,
    whatever the noun, where a story's company is the one whose figures it tells. "The shares fell
    50 cents": with "the", only a possession (`possession_nouns`: shares, stock, assets, not "the
    dollar" or "the index", which are no company's). A noun with a person's sense too ("reserves":
    also a military reserve) is read by its context (`_a_holding`)."""
    if noun.ent_type_ or any(c.dep_ in ("poss", "predet", "prep", "nummod", "acl", "relcl") or c.dep_ == "det" and c.lower_ != "the" or c.lower_ == "such" for c in noun.children):
        return False  # "Yield on the issue", "Weakness in big technology stocks", "Funds investing in bonds": the phrase says of what
    lemma = noun.lemma_.lower()
    if any(c.dep_ == "det" for c in noun.children):
        # "The fund holds a cash position of 15%": a holder that acts on a figure is one the story told of, not the company's
        return bool({lemma, noun.lower_} & possession_nouns()) and _states_figure(noun.head, measure=True)
    # Not an organisation in its first sense ("Industry grew 3%").
    if any(rank == 0 and "organization" in kinds for rank, kinds in organisation_nouns().get(lemma, ())):
        return False
    if lemma in _person_words():
        return _a_holding(noun)
    return _states_figure(noun.head)


# What may stand between a verb and the figure it states: its object, a measure, "to"/"by" ("rose
# to $3 million", "by 2%"), the words of a phrase; not a clause of its own ("claims totaling $1
# billion", "the index, which fell 1.4%").
_FIGURE_PATH = frozenset("dobj npadvmod attr pobj compound nummod quantmod amod nmod prep appos".split())


def _states_figure(verb, measure: bool = False, ents: frozenset[str] = _FIGURE_ENTS) -> bool:
    """Whether `verb` states an amount of money or a percentage (`ents`) as its object or measure
    ("jumped 14%", "included a gain of $1.6 million", "rose to $2 billion", "stood at $108
    million"); with `measure`, only as what its subject measures, not as an object its subject
    acts on ("stood at $108 million", "were $5 million", not "lost $5 million")."""
    deps = ("npadvmod", "attr") if measure else ("dobj", "npadvmod", "attr")
    if measure and any(c.dep_ in ("dobj", "dative", "prt") for c in verb.children):
        return False  # "estimate the value at $115", "yanked out $182 million": what the subject does, not its measure
    todo = [c for c in verb.children if c.dep_ in deps or c.dep_ in ("prep", "agent") and c.lower_ in ("to", "by", "at")]
    while todo:
        tok = todo.pop()
        if tok.ent_type_ in ents:
            return True
        todo += [c for c in tok.children if c.dep_ in _FIGURE_PATH]
    return False


def _a_holding(noun) -> bool:
    """Whether a noun with a person's sense as well as a holding's ("reserves": a military reserve,
    or money kept back) names the holding here, as its context says: a noun of money or of a
    possession before it ("loss reserves", "cash reserves": `owned_nouns`, `possession_nouns`), or
    a sum of money its verb gives as its measure ("Reserves stood at $108 million"; people may
    lose $5 million, but a sum is no measure of them)."""
    money = owned_nouns() | possession_nouns()
    if any(c.dep_ in ("compound", "amod", "nmod") and c.pos_ == "NOUN" and c.lemma_.lower() in money for c in noun.children):
        return _states_figure(noun.head)
    return _states_figure(noun.head, measure=True, ents=frozenset({"MONEY"}))


def _in_side_phrase(tok) -> bool:
    """Whether `tok` lies inside a prepositional phrase ("from the sale of Zeta Inc."), not as a
    subject, object or possessor of its clause, nor in one hung on its verb ("At GMAC, net dropped")."""
    while tok.dep_ in ("compound", "flat", "appos", "conj", "cc", "amod", "nmod", "poss") and tok.head != tok:
        tok = tok.head
    # "At GMAC, net dropped", "according to Zeta": a phrase on the verb says whose, or who says it
    return tok.dep_ == "pobj" and tok.head.head.pos_ in ("NOUN", "PROPN")


def _says_when(prep) -> bool:
    """Whether the phrase a preposition opens names a time ("for the full year", "for the
    quarter", "for fiscal 1989"), which says when, not whose."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return bool(objects) and all(o.ent_type_ in ("DATE", "TIME") or o.lemma_.lower() in _TIME_NOUNS | _REPORTING_PERIODS for o in objects)


def _of_a_period(noun) -> bool:
    """"The third-quarter results", "year-earlier charges", "fiscal 1989 sales": a common noun that
    a reporting period qualifies (a date before it, in its phrase) names the figures an owner
    reports for it, whatever the noun; not a person, an organisation or a time itself ("the
    third-quarter period")."""
    lemma = noun.lemma_.lower()
    if lemma in _person_words() | _TIME_NOUNS | _REPORTING_PERIODS or lemma in organisation_nouns():
        return False
    return any(c.dep_ in ("compound", "amod", "nmod") and c.i < noun.i and c.ent_type_ == "DATE" for c in noun.children)


def _firm_words(name) -> list[str]:
    """A name's words without "the", corporate words or punctuation: "N.V. DSM" is ["dsm"]."""
    return [t.lower_ for t in name if t.lower_ not in _CORPORATE_SUFFIXES | {"the"} and not t.is_punct]


def _tells_figures_of(first: str, previous: Sequence[str]) -> bool:
    """Whether the story before tells figures of the organisation whose name begins with `first`:
    it is the subject of a verb whose words hold an amount or takings ("Delta posted net income of
    $133 million", "Acme said it earned $5 million") or the owner of a noun of takings ("Acme's
    profit"). A story
    about the economy whose one organisation is an analyst's firm tells none of its figures."""
    for text in previous:
        for e in parse(text).ents:
            words = _firm_words(e)
            if e.label_ != "ORG" or not words or words[0] != first:
                continue
            root = e.root
            if root.dep_ in ("poss", "compound") and root.head.lemma_.lower() in owned_nouns():
                return True
            verb = root.head if root.dep_ in ("nsubj", "nsubjpass") else root.head.head if root.dep_ in ("compound", "appos") else None
            # What its verb says it did holds an amount or takings ("reported a decline in net
            # income", "took a $50.9 million loss"), not only words about its name ("Acme, a maker").
            if verb is not None and verb.pos_ in ("VERB", "AUX") and any(
                (t.ent_type_ in _FIGURE_ENTS or t.lemma_.lower() in owned_nouns()) and not root.left_edge.i <= t.i <= root.right_edge.i for t in verb.subtree
            ):
                return True
    return False


def _acting_organisations(previous: Sequence[str]) -> set[str]:
    """The first words of the organisations the sentences name as a subject or an owner ("Delta
    posted", "Delta Air Lines earnings soared", "Acme's profit"), not in a side phrase ("reduced
    service by rival Eastern Airlines"): the ones whose figures the story tells."""
    found = set()
    for text in previous:
        for e in parse(text).ents:
            root = e.root
            if e.label_ == "ORG" and (root.dep_ in ("nsubj", "nsubjpass", "poss") or root.dep_ in ("compound", "appos") and root.head.dep_ in ("nsubj", "nsubjpass")):
                words = _firm_words(e)
                if words:
                    found.add(words[0])
    return found


def _owner(noun, previous: Sequence[str]) -> tuple[int, str, bool] | None:
    """The only organisation acting in the story before (`_acting_organisations`), when it may be a
    company (`_only_organisation` among it alone): a rival named in a side phrase ("reduced service
    by rival Eastern Airlines") is not whose revenue it is, even when its kind is better known. The
    figure is its only when the story told figures of it before (`_tells_figures_of`): "Personal
    income rose" beside a broker that acts is the nation's."""
    if any(c.dep_ == "det" for c in noun.children) and not _takings(noun) and not _of_a_period(noun) and _introduced(noun, previous):
        return None  # "issued 2 million shares ... The shares were priced at $5": those, not a bridge to the company's
    acting = _acting_organisations(previous)
    if len(acting) != 1 or not _tells_figures_of(next(iter(acting)), previous):
        return None
    return _only_organisation(noun, previous, kind="company", among=acting)  # "Kimberly-Clark Corp." begins with "kimberly"


def _takings(noun) -> bool:
    """Whether `noun` names what an owner takes in ("revenue", "profit": `owned_nouns`)."""
    return bool({noun.lemma_.lower(), noun.lower_} & owned_nouns())


def resolve_owner(doc, quoted, previous: Sequence[str], edits: list) -> int:
    """"Revenue [at Delta Air Lines Inc.] rose 15%": the one company the article named before
    (`_owner`: as for "the company", and the only one acting) put in brackets after a noun of what it owns that
    `_unowned` finds, in the journalist's "at" of a company's figures; the bracket is a gloss the
    faithfulness check reads as no new participant. Returns how many (0 or 1)."""
    for noun in _unowned(doc, quoted):
        if any(start <= noun.idx < end for start, end, _, _ in edits) or _named_modifier(noun, previous):
            continue
        referent = _owner(noun, previous)
        if referent is None or next(w for w in referent[1].lower().split() if w != "the") in {t.lower_ for t in doc} or any(referent[1] in e[2] for e in edits):
            continue  # "Earnings were hurt, Reed said", "the maker [Acme] said sales ...": the clause names it
        # After the words that say what of it ("profit per passenger [at Delta]"), not inside them,
        # and before those that say when ("Sales [at Acme] for the full year").
        last = max((t for c in noun.children if c.dep_ == "prep" and c.i > noun.i and not _says_when(c) for t in c.subtree), key=lambda t: t.i, default=noun)
        end = last.idx + len(last.text)
        edits.append((end, end, f" [{_owning_preposition(noun)} {referent[1]}]", referent[0]))
        return 1
    return 0


def _owning_preposition(noun) -> str:
    """"at" for a company's figures ("Revenue [at Acme]", "losses [at Acme]"), "of" for "the" and
    a possession that is no sum taken in ("The shares [of Acme]", "The stock [of Acme]")."""
    lemma = noun.lemma_.lower()
    the = any(c.dep_ == "det" for c in noun.children) and not any(c.dep_ in ("compound", "amod", "nmod") for c in noun.children)
    return "of" if the and lemma in possession_nouns() and lemma not in owned_nouns() else "at"


@cached()
def unowned(text: str, previous: Sequence[str]) -> list[str]:
    """The noun phrases of `_unowned` in `text` whose owner the article before does not make sure:
    an organisation acted in it, but not exactly one company (`_owner`), so whose revenue "Revenue
    rose 15%" tells is a guess; with none acting before it, or none whose figures the story told
    (`_tells_figures_of`), the figure is no company's."""
    doc = parse(text)
    nouns = _unowned(doc, quoted_spans(text))
    acting = _acting_organisations(previous) if nouns else set()
    if not acting:
        return []  # no organisation the story is about: "personal income edged up" is the nation's
    # A figure is some company's only in a story that told an organisation's figures before:
    # "personal income edged up" beside a broker that acts, "corporate earnings" beside the Treasury, are not.
    if not any(_tells_figures_of(first, previous) for first in acting):
        return []
    return [doc[noun.left_edge.i : noun.i + 1].text for noun in nouns if not _named_modifier(noun, previous) and _owner(noun, previous) is None]


def _named_modifier(noun, previous: Sequence[str]) -> bool:
    """"Telerate shares fell 50 cents": a capitalised word before the noun that is a word of an
    organisation the story named, which the tagger took for a common word at the sentence's start:
    the owner is said."""
    named = {w for name in _orgs_named(previous) for w in _firm_words(parse(name))} if previous else set()
    return any(c.dep_ in ("compound", "amod", "nmod") and c.text[:1].isupper() and c.lower_ in named for c in noun.children)


@cached()
def unnamed_organisations(text: str, previous: Sequence[str]) -> list[str]:
    """The descriptions of a business in `text` ("the Atlanta-based airline", "the nation's largest
    automaker": `_described_organisations`) and the bare "the company" that point back to a
    business the article named but do not say which: two of that kind named, one named long before
    another organisation took over the story (`_only_organisation`), or one of that kind introduced
    without a name beside it ("a Japanese airline"), where `resolve_referents` puts in none. Not
    after a name in the text itself, which is the one meant."""
    doc = parse(text)
    quoted = quoted_spans(text)
    described = [(noun.left_edge.i, noun) for noun in _described_organisations(doc, quoted)]
    bare = [(first, noun) for first, noun, kind in _referring_phrases(doc, quoted) if kind == "definite" and noun.tag_ == "NN"]
    if not described and not bare:
        return []
    named = {w for e in _orgs_named(previous) for w in e.split()[:1]}  # the first words of the names before
    found = []
    for first, noun in [*described, *bare]:
        if doc[noun.i + 1 : noun.i + 2].text == "[" or not _a_business(_clipped_business(noun) or noun.lemma_.lower()):
            continue
        # The verb it is the object of, and the verbs whose subject that one shares ("agreed to acquire the company").
        verbs = [next((h for h in noun.ancestors if h.pos_ in ("VERB", "AUX")), None)]
        while verbs[-1] is not None and verbs[-1].dep_ == "xcomp":
            verbs.append(verbs[-1].head)
        subjects = {c.i for v in verbs if v is not None for c in v.children if c.dep_ == "nsubj"} if noun.dep_ == "dobj" else set()
        if any(
            (t.ent_type_ == "ORG" or t.pos_ == "PROPN" and t.dep_ in ("nsubj", "nsubjpass", "poss") and t.ent_type_ in ("", "PERSON") or t.text[:1].isupper() and t.lower_ in named and t.ent_type_ in ("", "NORP", "PERSON"))
            and not (t.i in subjects or t.head.i in subjects and t.dep_ in ("compound", "flat"))
            for t in doc[:first]
        ):
            # A name before it in the text, a subject's, or a word that begins one the article named
            # ("Several Cineplex analysts ... part of the company"), whatever the tagger took it for
            # ("Tony Lama said it would ... the company's board"); not a family that "urged the company",
            # nor the subject of its own verb ("First of America agreed to acquire the Peoria bank
            # holding company": another one).
            continue
        if (first, noun) in bare and _antecedent(noun, doc[first : noun.i + 1], previous, "definite") is not None:
            continue
        why: list[str] = []
        if _only_organisation(noun, previous, why=why) is None and why or (first, noun) in described and _rival_mention(noun, previous):
            found.append(doc[first : noun.i + 1].text)
    return found


# --- deixis: demonstratives, comparisons, lead-ins and sets an item does not give ---------------------
# A claim or timeline event must stand alone (CRITERIA.md 2c). Besides what `dangling` reads above,
# a phrase may point out of its item by its determiner or modifier alone: a demonstrative inside a
# quotation ('"That deal is dead," X said'), "such" before a phrase the parser split ("such
# duty-free treatment"), a comparison with a standard the item does not give ("a similar attack",
# "Being commander is different", "a further cut", "the remaining properties"), a lead-in to what
# the next sentences say ("Following are excerpts", "as follows", "... include:"), and a definite
# set defined only by an event told elsewhere ("the systems shipped", "the plants that were
# closed"). Read from the parse; the words named are closed classes of English function words and
# comparison adjectives, and WordNet's organisation nouns (`organisation_nouns`).

_DEMONSTRATIVES = frozenset("this that these those".split())
# Adjectives that compare their noun with another thing, which a "to"/"with"/"from" phrase names.
_COMPARING = frozenset("similar comparable identical equivalent analogous".split())
# Predicative adjectives of likeness or difference: "is different" (from what?).
_LIKENESS = _COMPARING | frozenset("different alike same".split())
# An indefinite "one more" that adds to an amount or act told before: "a further cut", "an additional $5 million".
_ADDING = frozenset("further additional".split())
# Prepositions that name the standard of a comparison: "similar to X", "different from X", "comparable with X".
_STANDARD_PREPS = frozenset("to with from than as".split())
# What may stand between a relative clause's verb and its noun and still say nothing of which
# ones: "the plants that were closed" (the relative pronoun, auxiliaries, a negation).
_BARE_RELATIVE = frozenset("nsubj nsubjpass aux auxpass neg punct".split())
# Nouns of a stretch of time: "at this moment", "at this stage" are the speaker's now, and "for an
# additional year" lengthens what the clause names.
_TIME_NOUNS = _TIME_UNITS | frozenset("time moment point stage juncture period era hour minute season decade century".split())


@cached()
def deictic_phrases(text: str) -> list[str]:
    """The phrases of `text` that point to what the text does not give, by their grammar alone:
    demonstratives and "such" the rest of `dangling` misses (`_unsaid_demonstratives`), comparisons
    with an unsaid standard (`_unsaid_standards`), lead-ins to what follows (`_lead_ins`) and
    definite sets an untold event defines (`_presupposed_sets`)."""
    doc = parse(text)
    quoted = quoted_spans(text)
    found: list[str] = []
    for detector in (_unsaid_demonstratives, _unsaid_standards, _lead_ins, _presupposed_sets):
        found += [p for p in detector(doc, quoted) if not any(p in f or f in p for f in found)]
    return found


def _named_before(noun) -> bool:
    """Whether the text names, before `noun`'s phrase, a noun of its lemma ("a plan ... this plan",
    "sold 5,000 shares ... the shares sold") or one WordNet tells it as both ways round (`told_as`:
    "began negotiations ..., but those talks"; not "the right to vote those shares", which "share"
    reaches through a rarer sense only): the text gives what the phrase points to."""
    words = {noun.lemma_.lower(), noun.lower_}
    told = {w for word in words for w in told_as(word)[1]}
    for t in noun.doc[: noun.left_edge.i]:
        if t.pos_ not in ("NOUN", "PROPN"):
            continue
        earlier = {t.lemma_.lower(), t.lower_}
        if earlier & words or earlier & told and any(w in told_as(e)[1] for e in earlier for w in words):
            return True
    return False


def _amount_given(noun) -> bool:
    """"closed at $29 a share; at that price": a demonstrative on a noun of an amount, after an
    amount the text states as itself, not as a sum of something else ("paid $7 million in taxes
    ... that loss")."""
    if noun.lemma_.lower() not in figure_nouns():
        return False
    return any(
        ent.label_ in _FIGURE_ENTS and ent.root.dep_ not in ("compound", "nmod", "amod")
        and not any(c.dep_ == "prep" and c.lower_ in ("in", "of", "for", "on") for c in ent.root.children)
        for ent in noun.doc.ents if ent.end <= noun.left_edge.i
    )


def _speakers_setting(noun) -> bool:
    """"this country", "this company", "this court" in a speaker's words: the place or body the
    speaker is in (a noun one of whose first senses in WordNet is an organisation or a gathering,
    or a role a setting has: `_ORG_NOUNS`), which the attribution beside the quotation gives."""
    lemma = noun.lemma_.lower()
    return lemma in _ORG_NOUNS or lemma in _SETTING_NOUNS or any(rank <= 3 for rank, _ in organisation_nouns().get(lemma, ()))


def _unsaid_demonstratives(doc, quoted) -> list[str]:
    """"this kind of thing", "That deal" inside a quotation (the speaker points at what the story
    told; a quotation cannot change, and the reader of the claim asks which deal), "those
    Palestinians" (a name the tagger made the head), a demonstrative or "such" before a phrase
    whatever its inner words ("that slow-growing business", "such duty-free treatment"), where
    `_referring_phrases` stops at a word it does not take for a modifier. Not a time ("this year", `untold_times`' part), the
    speaker's own setting ("this country"), a phrase that says which ("that part of the plan
    approved in May", `_says_which`), one the text named before, nor "such X as Y"/"such X that"."""
    found = []
    for det in doc:
        noun = det.head
        if det.i >= noun.i or noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ == "compound" or doc[noun.i + 1 : noun.i + 2].text == "[":
            continue
        in_quote = any(a <= det.idx < b for a, b in quoted)
        if noun.ent_type_ in _NOT_PARTICIPANTS or noun.lemma_.lower() in _TIME_NOUNS:
            continue
        if noun.dep_ == "conj":
            continue  # "the export of oil and that sort of thing", "taxes and such levies": like what the text names
        if det.lower_ in _DEMONSTRATIVES and det.dep_ == "det":
            if noun.pos_ == "PROPN" and not (noun.ent_type_ == "NORP" or noun.tag_ == "NNPS"):
                continue  # "this Congress", "that Smith": a name; but "those Palestinians" are some of them
            if det.lower_ == "that" and (_opens_clause(det, noun) or det.i > 0 and doc[det.i - 1].pos_ in ("VERB", "AUX", "ADJ") and noun.dep_ in ("nsubj", "nsubjpass")):
                continue  # "I think that people will ...": a "that" that opens a clause
            if in_quote and _speakers_setting(noun) or _says_which(noun) or _demonstrative_given(noun):
                continue
            if doc[noun.i + 1 : noun.i + 2].text == "," and doc[noun.i + 2 : noun.i + 3].text[:1].isupper() and doc[noun.i + 2].pos_ == "PROPN" and not _speaker_after(doc[noun.i + 2]):
                continue  # "This man, Eric Rudolph, ...": the name after it, whatever the parse
            found.append(doc[det.i : noun.i + 1].text)
        elif det.lower_ == "such" and det.dep_ in ("amod", "predet", "det") and noun.pos_ == "NOUN":
            after = [t.lower_ for t in doc[noun.i + 1 : noun.i + 3]]
            if "as" in after or "that" in after or any(c.dep_ in ("prep", "relcl", "acl") and c.lower_ in ("as", "that") for c in noun.children) or _named_before(noun):
                continue  # "such groups as the Klan", "such force that ...": the phrase says what it is like
            found.append(doc[det.i : noun.i + 1].text)
    return found


def _speaker_name(name) -> bool:
    """Whether `name` is a word of the subject of a reporting verb ("Mr. Vaux said ...")."""
    while name.dep_ in ("compound", "flat") and name.head.i > name.i:
        name = name.head
    return name.dep_ == "nsubj" and name.head.lemma_.lower() in REPORTING_LEMMAS


def _speaker_after(name) -> bool:
    """"structured the deal this way, Mr. Smith said": the name after the comma is the subject of
    the attribution that follows, not an apposition that says who or what."""
    while name.dep_ in ("compound", "flat") and name.head.i > name.i:
        name = name.head
    return name.dep_ == "nsubj" and name.head.i == name.i + 1 and name.head.lemma_.lower() in REPORTING_LEMMAS


def _compared_within(noun) -> bool:
    """Whether the phrase of `noun` or the text names what it is compared with: a "to"/"with"/"from"
    phrase on the noun or its comparing word, a coordination ("Hamas and similar groups"), an
    earlier noun of its lemma, or, for an amount, an earlier amount of its kind ("$5 million and
    an additional $2 million")."""
    doc = noun.doc
    words = [noun, *(c for c in noun.children if c.dep_ in ("amod", "advmod"))]
    if any(c.dep_ == "prep" and c.lower_ in _STANDARD_PREPS for w in words for c in w.children):
        return True
    if noun.dep_ == "conj" or any(c.dep_ in ("conj", "appos") for c in noun.children) or _named_before(noun):
        return True  # "Hamas and similar groups", "the comparable quarter, the one ended May 31"
    kind = noun.ent_type_ or next((t.ent_type_ for t in noun.subtree if t.ent_type_ in _AMOUNT_ENTS), "")
    return bool(kind) and any(t.ent_type_ == kind for t in doc[: noun.left_edge.i])


def _unsaid_standards(doc, quoted) -> list[str]:
    """Comparisons whose standard the text does not give: "a similar attack", "comparable
    figures" (similar to what?), a predicative "is different", "are identical" of one thing (not
    "the two plans are similar": alike among themselves), "a further cut", "an additional $5
    million" (one more than what?), and "the remaining properties" (the rest of which?). Inside
    quotations too: the speaker's words do not say either."""
    found = []
    for adj in doc:
        lower = adj.lower_
        if lower not in _LIKENESS | _ADDING | {"remaining"}:
            continue
        noun = adj.head
        while noun.dep_ == "compound" and noun.head.i > noun.i:
            noun = noun.head  # "a further 3% price rise": the phrase's head
        if adj.dep_ == "amod" and noun.i > adj.i and noun.pos_ in ("NOUN", "PROPN", "NUM", "SYM"):
            if noun.lemma_.lower() in _TIME_NOUNS | _REPORTING_PERIODS or noun.ent_type_ in ("DATE", "TIME"):
                continue  # "the comparable year-ago quarter", "an additional year": a time, `untold_times`' part
            det = next((c.lower_ for c in noun.children if c.dep_ == "det"), None)
            if lower in _COMPARING:
                ok = True
            elif lower in _ADDING:
                # "declined further comment", "two additional shares for every five": no one more
                # than a told one; "extended for an additional year": a stretch the clause lengthens;
                # "a further $100 million", "an additional one million shares": the amount is said
                ok = det in ("a", "an") and not _states_amount(noun)
            elif lower == "remaining":
                # "the remaining 30% of the shares" (an amount "in share capital") says of what; "the last remaining port", "the only remaining X" pick it out
                whole = ("of", "in") if _states_amount(noun) else ("of",)
                says_whole = any(t.dep_ == "prep" and t.lower_ in whole and t.i > noun.i for t in noun.subtree) or doc[noun.i + 1 : noun.i + 2].text.lower() in whole
                ok = det == "the" and not says_whole and not _superlative(noun) and not any(
                    c.lower_ in ("last", "only") for c in noun.children
                )
            elif lower == "same":
                # '"The same thing will happen," she said': as what, the speaker's words do not say
                # ("the same rate as last year" and "the same plan that failed" do)
                ok = det == "the" and not any(t.lower_ in ("as", "that", "which", "who") for t in doc[noun.i + 1 : noun.i + 3]) and not _says_which(noun)
            else:
                ok = False  # "different kinds", "58 different classifications": no comparison
            if ok and not _compared_within(noun) and doc[noun.i + 1 : noun.i + 2].text != "[":
                first = min([adj.i, *(c.i for c in noun.children if c.dep_ in ("det", "predet") and c.i < adj.i)])
                found.append(doc[first : noun.i + 1].text)
        elif adj.dep_ in ("acomp", "attr", "oprd") and adj.pos_ == "ADJ" and lower in _LIKENESS and lower != "same":
            verb = adj.head
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
            many = any(
                s.tag_ in ("NNS", "NNPS") or s.like_num or s.lower_ in ("they", "we", "both", "these", "those") or any(c.dep_ in ("conj", "nummod") for c in s.children)
                for s in subjects
            )
            if many or any(c.dep_ in ("prep", "advcl", "ccomp") or c.lower_ in _STANDARD_PREPS for c in adj.children) or any(t.lower_ in ("than", "from") for t in doc[adj.i + 1 :]):
                continue  # "the two plans are similar", "is different from the old one"
            found.append(adj.text)
    return found


def _lead_ins(doc, quoted) -> list[str]:
    """Words that announce what the sentences after the item say: "Following are excerpts",
    "The following were among the offerings", "the following statement", "as follows", "Here are
    the main points", and an item that ends on a colon ("The measures include:"). Not "the
    following day" (a time counted from another, `untold_times`' part), nor "following the talks"
    (a preposition), nor a list the item itself gives after its colon."""
    found = []
    # "The measures include the following: a tax and a fee", "Following are the terms: ...": what it
    # announces, the text gives after its colon.
    colon = next((t.i for t in doc if t.text == ":" and any(not w.is_punct for w in doc[t.i + 1 :])), -1)
    for tok in doc:
        lower = tok.lower_
        if any(a <= tok.idx < b for a, b in quoted) or tok.i < colon:
            continue
        if lower == "following" and not any(c.dep_ in ("pobj", "dobj") for c in tok.children):
            head = tok.head
            if tok.dep_ == "amod" and head.pos_ == "NOUN":
                if head.lemma_.lower() in _TIME_UNITS or head.ent_type_ in ("DATE", "TIME"):
                    continue
                found.append(doc[tok.i - 1 if tok.i and doc[tok.i - 1].lower_ == "the" else tok.i : head.i + 1].text)
            elif tok.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "pobj") or tok.pos_ in ("NOUN", "PRON"):
                # "Following are ...", "said the following:", "The following were ..."
                found.append(doc[tok.i - 1 if tok.i and doc[tok.i - 1].lower_ == "the" else tok.i : tok.i + 1].text)
        elif lower in ("follows", "follow") and any(c.lower_ == "as" and c.dep_ in ("mark", "advmod") for c in tok.children) and not any(
            c.dep_ in ("nsubj", "dobj") for c in tok.children
        ):
            found.append(doc[tok.i - 1 : tok.i + 1].text)  # "as follows"
        elif lower == "here" and tok.dep_ == "advmod" and tok.i == tok.head.i - 1 and tok.head.lemma_ == "be" and tok.head.dep_ == "ROOT":
            found.append(doc[tok.i : tok.head.i + 1].text)  # "Here are the main points"
    if introduces_what_follows(doc.text) and not any(t.text == ":" for t in doc[:-2]):
        last = next((t for t in reversed(doc) if not t.is_punct), None)
        if last is not None:
            found.append(doc[last.i : len(doc)].text.strip(" \"'”’"))  # "... include:"
    return found


def _presupposed_sets(doc, quoted) -> list[str]:
    """A definite phrase whose only restriction is a bare participle or passive relative clause
    ("the systems shipped", "the shares sold", "the plants that were closed", "those arrested"), or
    a relative clause whose act has only an "it"/"they" no name before it binds ("the mills they
    shut"). The set is the one an event told elsewhere defines (shipped by whom, when?). Not when
    the restriction says more ("the shares traded on the Big Board", "the bonds issued in May",
    "the goods Acme imports"), nor when the text tells the event itself ("Sun shipped 28,000
    systems, and the systems shipped ...") or names the noun before. Read from the parse, with the
    garden path "The systems shipped rose 5%" (a participle taken for the main verb) read as what
    it is."""
    found = []
    for noun in doc:
        if any(a <= noun.idx < b for a, b in quoted) or doc[noun.i + 1 : noun.i + 2].text == "[":
            continue
        if noun.lower_ == "those" and noun.tag_ == "DT" and noun.dep_ != "det":
            # "Those arrested were charged", "police freed those detained": the people of an untold event
            verb = next((c for c in noun.children if c.dep_ == "acl" and c.tag_ in ("VBN", "VBD") and c.i == noun.i + 1 and not any(True for _ in c.children)), None)
            if verb is not None and not _told_in(verb):
                found.append(doc[noun.i : verb.i + 1].text)
            continue
        if noun.pos_ != "NOUN" or noun.dep_ == "compound" or noun.ent_type_ in _NOT_PARTICIPANTS:
            continue
        dets = [c for c in noun.children if c.dep_ in ("det", "poss")]
        if [d.lower_ for d in dets] != ["the"]:
            continue
        verb = _bare_restriction(noun)
        if verb is None or _named_before(noun):
            continue
        if _told_in(verb) or noun.lemma_.lower() in _RELATING or verb.lower_ in _RELATING:
            continue  # "the units affected": `_unplaced`' part
        first = min([noun.i, *(t.i for c in noun.lefts if c.dep_ in _PHRASE_LEFT for t in c.subtree)])
        found.append(doc[first : verb.i + 1].text)
    return found


def _told_in(participle) -> bool:
    """Whether the text tells, with another verb of its lemma, the act a participle restricts its
    set by ("Police arrested 12 men, and those arrested ...")."""
    return any(t.i != participle.i and t.pos_ == "VERB" and t.lemma_.lower() == participle.lemma_.lower() for t in participle.doc)


def _bare_restriction(noun):
    """The verb of a bare participle or passive relative clause that is all that restricts `noun`
    ("the shares sold", "the plants that were closed"), or None: a restriction with any word of
    its own (an agent, a place, a date, an object) says which. Also the garden path where the
    parser took the participle for the clause's verb: "The systems shipped rose 5%", the
    "participle" right after its subject, with nothing of its own, and a finite verb with no
    subject right after it."""
    doc = noun.doc
    for c in noun.children:
        if c.i <= noun.i:
            continue
        # "The money raised will go ...": the tagger may take the participle for a past tense
        if c.dep_ == "acl" and c.tag_ in ("VBN", "VBD") and c.i == noun.i + 1 and not any(g.dep_ != "punct" for g in c.children):
            return c
        if c.dep_ != "relcl":
            continue
        subjects = [g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")]
        if any(g.tag_ == "PRP" and g.lower_ in ("it", "they") for g in subjects) and all(g.dep_ in _BARE_RELATIVE or g.dep_ == "dobj" and g.tag_ in ("WDT", "WP") for g in c.children):
            # "the shares that it sold", "the plants they closed": whose act, only a name before it says
            if not any(t.pos_ == "PROPN" or t.pos_ == "NOUN" and t.i != noun.i for t in doc[: c.i] if t.i < noun.left_edge.i or t.i > noun.i):
                return c
            continue
        if not all(g.tag_ in ("WDT", "WP") for g in subjects):
            continue
        if c.tag_ == "VBN" and all(g.dep_ in _BARE_RELATIVE for g in c.children) and any(g.dep_ == "auxpass" for g in c.children):
            return c
        # "that were closed" parsed as a copula with a participle
        participle = [g for g in c.children if g.dep_ in ("acomp", "attr") and g.tag_ == "VBN" and not any(True for _ in g.children)]
        if c.lemma_ == "be" and participle and all(g.dep_ in _BARE_RELATIVE or g in participle for g in c.children):
            return participle[0]
    head = noun.head
    if noun.dep_ == "nsubj" and head.i == noun.i + 1 and head.tag_ in ("VBD", "VBN") and head.pos_ == "VERB":
        after = [g for g in head.children if g.i > head.i and g.dep_ != "punct"]
        if len(after) == 1 and after[0].i == head.i + 1 and after[0].tag_ in ("VBD", "VBZ", "VBP", "MD") and not any(g.dep_ in ("nsubj", "nsubjpass") for g in after[0].children):
            return head
    return None


# --- titles: whose prime minister, which company's chairman -------------------------------------------
# "The prime minister said ...", "the chairman resigned": a title is one person only with its country
# or organisation, which a claim or event lifted from its story may not say. The story says it where
# it gives the title with a name ("Israeli Prime Minister Benjamin Netanyahu", "John Smith, chairman
# of Acme Corp.", "Acme named Smith as its chairman") or an owner ("Israel's prime minister", "the
# chairman of Acme"). Read from the parse; the titles are the article's own, not a list.

_OWNER_ENTS = frozenset({"ORG", "GPE", "NORP"})
# Modifiers that make a title another office than the one a story's bare title names ("former
# president", "vice chairman" differ from "the president", "the chairman") are compared as words.


def _title_words(noun) -> frozenset[str]:
    """The common words that say which office a title is ("prime", "foreign", "vice", "former"):
    its modifiers but the names of an owner ("Israeli", "Acme") and any determiner."""
    return frozenset(
        c.lower_ for c in noun.children
        if c.dep_ in ("compound", "amod", "nmod") and c.i < noun.i and c.ent_type_ not in _OWNER_ENTS | {"PERSON"} and not (c.pos_ == "PROPN" and not c.text.istitle())
    )


def _untitled(doc, quoted) -> list:
    """The definite titles of `doc` outside quotation marks that do not say whose ("the prime
    minister", "the chairman"): a singular noun of a person with "the" and nothing that names its
    owner or holder (a possessor, an "of" phrase, a name or a nationality before it, a name
    beside it), not a bracket after it already."""
    found = []
    for noun in doc:
        if noun.pos_ != "NOUN" or noun.tag_ != "NN" or noun.dep_ in ("compound", "appos") or any(a <= noun.idx < b for a, b in quoted):
            continue
        if noun.lemma_.lower() not in _person_words() or doc[noun.i + 1 : noun.i + 2].text == "[":
            continue
        children = list(noun.children)
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in children):
            continue
        if any(
            c.dep_ in ("poss", "relcl", "acl") or c.dep_ == "appos" and c.pos_ != "PRON" or c.dep_ == "prep" and c.lower_ in ("of", "for", "at", "to", "in")
            or c.dep_ in ("compound", "amod", "nmod") and any(t.ent_type_ in _OWNER_ENTS | {"PERSON", "LOC", "FAC"} for t in c.subtree)
            for c in children
        ):
            continue  # "the Israeli prime minister", "the president of Iraq", "the chairman, John Smith"
        found.append(noun)
    return found


def _same_office(tok, words: set[str] | frozenset[str], lemma: str) -> bool:
    """Whether the earlier title `tok` names the office a phrase with the modifier `words` and head
    `lemma` names: none of those words missing from it ("the vice chairman" is not "chairman John
    Smith"), and, for a title of office (`_PERSON_NOUNS`: president, minister, chairman), none
    added to it ("former President Carter", "Vice Chairman Ann Bell" are not "the president", "the
    chairman"); a suspect may be "the main suspect" before."""
    earlier = _title_words(tok)
    return words <= earlier and (lemma not in _PERSON_NOUNS or earlier <= words)


def _holders(noun, previous: Sequence[str]) -> tuple[dict[str, tuple[int, str]], dict[str, tuple[int, str]]]:
    """Who holds the title `noun` names, and whose title it is, as the story before tells: per
    holder's last name (lower-cased) and per owner, the sentence and the words. A mention counts
    when it names the same office (`_title_words` agree: "Foreign Minister X" is not "the prime
    minister", "former President Y" not "the president")."""
    lemma, words = noun.lemma_.lower(), _title_words(noun)
    holders: dict[str, tuple[int, str]] = {}
    owners: dict[str, tuple[int, str]] = {}

    def person(tok):
        if tok is None or tok.pos_ != "PROPN" or tok.ent_type_ not in ("PERSON", ""):
            return None
        ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end and e.label_ == "PERSON"), None)
        return ent if ent is not None else _proper_name(tok) if tok.ent_type_ == "PERSON" else None

    for index, text in enumerate(previous):
        doc = parse(text)
        quoted = quoted_spans(text)
        for tok in doc:
            if tok.lemma_.lower() != lemma or tok.pos_ not in ("NOUN", "PROPN") or tok.tag_ in ("NNS", "NNPS") or not _same_office(tok, words, lemma):
                continue
            holder = None
            if tok.dep_ == "compound" and tok.head.pos_ == "PROPN":
                holder = person(tok.head)  # "Prime Minister Benjamin Netanyahu", "President Bush"
            elif tok.dep_ == "appos":
                holder = person(tok.head)  # "John Smith, chairman of Acme"
            elif tok.dep_ in ("attr", "oprd"):
                holder = person(next((c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")), None))  # "Smith was named chairman"
            elif tok.dep_ == "pobj" and tok.head.lower_ == "as":
                holder = person(next((c for c in tok.head.head.children if c.dep_ == "dobj"), None))  # "named Smith as its chairman"
            holder = holder or person(next((c for c in tok.children if c.dep_ == "appos"), None))  # "the chairman, John Smith"
            if holder is not None and not any(a <= holder.start_char < b for a, b in quoted):
                # "King Oskar Brandt" as the tagger may take it: the name without the title's words
                parts = [t for t in holder if not t.is_punct or t.text == "."]
                while len(parts) > 1 and (parts[0].lemma_.lower() == lemma or parts[0].lower_ in words):
                    parts = parts[1:]
                name = re.sub(r"(?:’s|'s)$", "", doc[parts[0].i : holder.end].text)
                holders[name.split()[-1].lower()] = max(holders.get(name.split()[-1].lower(), (index, name)), (index, name), key=lambda h: len(h[1]))
            for c in tok.children:
                owner = c if c.dep_ in ("poss", "compound", "amod", "nmod") and c.ent_type_ in _OWNER_ENTS else None
                if c.dep_ == "prep" and c.lower_ == "of":
                    owner = next((g for g in c.children if g.dep_ == "pobj" and g.ent_type_ in ("ORG", "GPE")), None)
                if owner is not None:
                    ent = next((e for e in doc.ents if e.start <= owner.i < e.end), None)
                    if ent is not None:
                        kind = "before" if ent.label_ == "NORP" or c.dep_ in ("compound", "amod", "nmod") and ent.label_ == "NORP" else "of"
                        owners[_firm_words(ent)[0] if _firm_words(ent) else ent.text.lower()] = (index, kind + ":" + re.sub(r"^[Tt]he\s+|(?:’s|'s)$", "", ent.text))
    return holders, owners


def _titles(doc, quoted, previous: Sequence[str]) -> list:
    """`_untitled` among the nouns of an office (`_PERSON_NOUNS`: president, minister, chairman) or
    one the story gave as a title before a name ("General Manager Ann Bell"), not inside the "of"
    phrase of an organisation's noun ("the office of the chairman" names a body, not its holder)."""
    return [
        noun for noun in _untitled(doc, quoted)
        if (noun.lemma_.lower() in _PERSON_NOUNS or _title_before(noun, previous))
        and not (noun.dep_ == "pobj" and noun.head.lower_ == "of" and _a_body_or_person(noun.head.head.lemma_.lower()) and noun.head.head.lemma_.lower() not in person_nouns())
    ]


def resolve_title(doc, quoted, previous: Sequence[str], edits: list) -> int:
    """"The prime minister [Benjamin Netanyahu] said ...", "the [Israeli] prime minister", "the
    chairman [of Acme Corp.]": the one holder the story before gives the title (`_holders`) in
    brackets after it, or, with none named, its one owner; a possessor takes the holder's name
    itself ("the president's action" -> "Bush’s action"). Not when the clause names the holder.
    Returns how many (0 or 1)."""
    for noun in _titles(doc, quoted, previous):
        first = min(t.i for t in noun.subtree if t.i <= noun.i)
        if any(start <= noun.idx < end or start <= doc[first].idx < end or start == noun.idx + len(noun.text) for start, end, _, _ in edits):
            continue  # "the president [Bush]": `_antecedent` put in its holder
        holders, owners = _holders(noun, previous)
        possessor = doc[noun.i + 1 : noun.i + 2].text in ("'s", "’s", "'")
        if len(holders) == 1:
            index, name = next(iter(holders.values()))
            if any(w.lower() in {t.lower_ for t in doc} for w in name.split()[-1:]):
                continue
            if possessor:
                edits.append(_replacing(doc, first, noun, name, index))
            else:
                end = noun.idx + len(noun.text)
                edits.append((end, end, f" [{name}]", index))
            return 1
        if not holders and len(owners) == 1 and not possessor:
            index, owner = next(iter(owners.values()))
            kind, name = owner.split(":", 1)
            if name.split()[0].lower() in {t.lower_ for t in doc}:
                continue
            if kind == "before":  # "the [Israeli] prime minister"
                at = doc[first + 1].idx if doc[first].lower_ == "the" and first < noun.i else noun.idx
                edits.append((at, at, f"[{name}] ", index))
            else:  # "the chairman [of Acme Corp.]"
                end = noun.idx + len(noun.text)
                edits.append((end, end, f" [of {name}]", index))
            return 1
    return 0


def untitled(text: str, previous: Sequence[str]) -> list[str]:
    """The titles of `text` that do not say whose (`_untitled`) where the story before gives the
    office to several people or owners ("President Clinton", "Mexican President Zedillo"): which
    one "the president" is, the item must say. A title the story gives no one is the setting's
    ("the president" of the one country it tells of), as `dangling` reads it."""
    doc = parse(text)
    found = []
    for noun in _titles(doc, quoted_spans(text), previous):
        holders, owners = _holders(noun, previous)
        if len(holders) > 1 or not holders and len(owners) > 1:
            found.append(doc[min(t.i for t in noun.subtree if t.i <= noun.i) : noun.i + 1].text)
    return found


def resolve_owning_its(doc, quoted, previous: Sequence[str], edits: list) -> int:
    """"Profit for its commercial insurance division fell 30%", "Sales at its stores rose 5%": the
    "its" of a phrase after a figure of an owner that is the clause's subject (`_takings`,
    `_own_figure`) stands for the owner of the figure, the one company the story told figures of
    (`_owner`), which takes its place ("Profit for Aetna’s commercial insurance division"). The
    clause names no organisation and no noun before the phrase that "its" might stand for but the
    figure itself. Returns how many (0 or 1)."""
    if any(e.label_ == "ORG" for e in doc.ents):
        return 0
    for pronoun in doc:
        if pronoun.lower_ != "its" or pronoun.dep_ != "poss" or any(a <= pronoun.idx < b for a, b in quoted):
            continue
        owned, prep = pronoun.head, pronoun.head.head
        noun = prep.head
        if owned.dep_ != "pobj" or prep.dep_ != "prep" or noun.dep_ not in ("nsubj", "nsubjpass") or noun.pos_ != "NOUN":
            continue
        if noun.head.i not in {_content_head(doc).i, *(t.i for t in doc if t.dep_ == "ROOT")}:
            continue
        if any(t.pos_ in ("NOUN", "PROPN") and t.i != noun.i and t.i not in {c.i for c in noun.children if c.dep_ in ("compound", "amod")} for t in doc[: pronoun.i]):
            continue  # "The plant's revenue from its stores": another noun "its" may stand for
        if not _takings(noun) and not (_own_figure(noun) or _states_figure(noun.head)):
            continue
        if any(start <= pronoun.idx < end for start, end, _, _ in edits):
            continue
        referent = _owner(noun, previous)
        if referent is None:
            continue
        edits.append((pronoun.idx, pronoun.idx + len(pronoun.text), re.sub(r"^[Tt]he\s+", "", referent[1]) + "’s", referent[0]))
        return 1
    return 0
# --- additive and restricted phrases that give what they are ---------------------------------------
# "another 5%", "a further $100 million", "an additional one million shares" add to an amount told
# elsewhere, but say the amount: a reader can check the item as it stands, which "another clinic"
# (other than which?) does not let them do.


def _states_amount(noun) -> bool:
    """Whether `noun`'s phrase is an amount it states: a number, money or a percentage, or a noun
    counted or measured by one ("75 cents", "one million shares", "5%", "a 3% price rise")."""
    return noun.like_num or noun.ent_type_ in _AMOUNT_ENTS or any(c.dep_ in ("nummod", "quantmod") or c.like_num or c.ent_type_ in _AMOUNT_ENTS for c in noun.children)


def _another_says_itself(noun) -> bool:
    """"another X" that the item gives in full: an amount ("another 5%"), a stretch of time ("another
    bad week": the one the clause is in), or an X named right after it, by a name in apposition
    ("Another analyst, John Smith, ...") or after a colon ("in another business: systems that ...")."""
    doc = noun.doc
    if _states_amount(noun) or noun.lemma_.lower() in _TIME_NOUNS or noun.ent_type_ in ("DATE", "TIME"):
        return True
    if any(c.dep_ == "appos" and any(t.pos_ == "PROPN" for t in c.subtree) for c in noun.children):
        return True
    after = doc[noun.i + 1 : noun.i + 3]
    return len(after) == 2 and after[0].text == ":" and not after[1].is_punct


def _participle_after(noun) -> bool:
    """"those observers looking for a fight", "to those executives not staying with the company": a
    participle right after the noun (past a "not") restricts it to the ones who do what it says,
    where the parser made it a clause of its own (a subject clause, an adverbial one) rather than the
    noun's modifier (`_says_which`)."""
    doc = noun.doc
    at = noun.i + 1
    if at < len(doc) and doc[at].dep_ == "neg":
        at += 1
    if at >= len(doc):
        return False
    verb = doc[at]
    if verb.tag_ == "VBG":
        # Without an auxiliary the -ing form is no finite verb, whatever clause the parser made of it.
        return not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    if verb.dep_ not in ("csubj", "csubjpass", "advcl", "acl", "relcl"):
        return False
    # A past participle with words of its own ("those companies hit by the storm"), not a past tense with a subject of its own.
    return verb.tag_ == "VBN" and any(c.i > verb.i and c.dep_ != "punct" for c in verb.children) and not any(c.dep_ in ("nsubj", "nsubjpass") and c != noun for c in verb.children)


def _demonstrative_given(noun) -> bool:
    """"those executives not staying", "began negotiations, but those talks", "closed at $29; at that
    price": a demonstrative whose noun the item restricts or has told, so that it points inside it."""
    return _participle_after(noun) or _named_before(noun) or _amount_given(noun)


# Entities that name a place: one in the item may be the place a bare "the country" stands for.
_PLACE_NAMES = frozenset({"GPE", "LOC", "FAC"})


def unnamed_places(text: str, previous: Sequence[str]) -> list[str]:
    """In a claim or event (which must stand alone): a bare definite place noun ("the region", "the
    area", "the territory", "the country": `place_nouns`) that stands for a place the story named
    ("40,000 troops in the region": the Persian Gulf), outside quotations. Not one whose own phrase
    names or restricts the place ("the Gulf region", "the region around Basra", "the area where it
    fell"), one a region the item names may be ("the Middle East ... the region"), a country or
    nation when the item names a country or a people ("Japan ... the country"), nor when the story
    named no place before."""
    doc = parse(text)
    quoted = quoted_spans(text)
    places = place_nouns()
    found = []
    for noun in doc:
        lemma = noun.lemma_.lower()
        if noun.pos_ != "NOUN" or noun.tag_ != "NN" or lemma not in places or noun.dep_ in ("compound", "nmod") or any(a <= noun.idx < b for a, b in quoted):
            continue
        if doc[noun.i + 1 : noun.i + 2].text == "[" or not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
            continue
        left = [t for c in noun.lefts if c.dep_ != "det" for t in c.subtree]
        if any(t.ent_type_ or t.pos_ in ("PROPN", "NUM") or t.lower_ in _ANOTHER_ONE | {"other"} for t in left):
            continue  # "the Gulf region", "the Basra area", "the other territory": a name says which, or another
        after = doc[noun.i + 1 : noun.i + 2]
        if any(c.dep_ in ("prep", "relcl", "acl", "appos") for c in noun.rights) or after and after[0].pos_ == "ADP" and not any(t.ent_type_ in ("DATE", "TIME") for t in after[0].subtree):
            continue  # "the region around Basra", "the area where it fell", "the area of taxes", wherever the parse hangs it
        if lemma in _SETTING_NOUNS and _ranks_in(noun):
            continue  # "the nation's 88 junk funds", "among the first in the country": a rank in the story's setting
        # A region or area the item names (LOC: "the Middle East"); for a country, a country or its people.
        named = ("LOC",) if lemma not in _SETTING_NOUNS else ("LOC", "GPE", "NORP")
        if any(e.label_ in named for e in doc.ents):
            continue
        if not any(e.label_ in _PLACE_NAMES for t in previous for e in parse(t).ents):
            continue  # the story never named one: the article is as vague as the item
        found.append(doc[noun.left_edge.i : noun.i + 1].text)
    return found


def _ranks_in(noun) -> bool:
    """Whether the noun is where a rank or a count is made: the possessor of a ranked or counted
    noun ("the nation's largest automaker", "the nation's 88 junk funds") or the object of "in"
    after one ("the first in the country", "the second largest religion in the country")."""
    if noun.dep_ == "poss":
        ranked = noun.head
    elif noun.dep_ == "pobj" and noun.head.lower_ in ("in", "of"):
        ranked = noun.head.head
    else:
        return False
    return any(t.tag_ == "JJS" or t.ent_type_ == "ORDINAL" or t.like_num for t in [ranked, *ranked.children])

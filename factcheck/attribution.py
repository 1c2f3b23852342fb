"""Who says what, in grammar rather than word lists: speakers, standalone claims, claim types, verify.

Everything here reads the dependency parse of the shared parser (factcheck/nlp.py), so it holds on
any article:

- `attributions(sentences)`: the speaker of each sentence. "X said ...", "..., X said.", the split
  quote `"...," said X, "..."`, "according to X", a quotation that goes on in the next sentence
  (it keeps its speaker), and pronouns or "the agency" / "the statement" resolved to the person or
  organisation named before (he/she to a person; it/they/the agency to an organisation), with the
  sentence that names them, to be cited. The outlet speaks only when nobody is attributed.
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
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

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
_QUOTES = "\"“”"


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
    name = re.sub(r"(?:’s|'s|’|')$", "", name.strip(" ,;:" + _QUOTES))
    return re.sub(r"^The\s", "the ", name)


# Quotation marks, as (opening, closing): typographic, straight, wire copy's ``...'' (two
# characters each), guillemets, and single curly quotes (’ is also an apostrophe: see quoted_spans).
_QUOTE_PAIRS = (("``", "''"), ("“", "”"), ("„", "”"), ("«", "»"), ("‘", "’"), ('"', '"'))
_QUOTE_MARK = re.compile("|".join(re.escape(m) for m in sorted({m for pair in _QUOTE_PAIRS for m in pair}, key=len, reverse=True)))


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """The outermost quotations of `text` in every quotation style, as (offset of the opening mark,
    offset of the closing mark); a quotation left open runs to the end of the text (a text may be
    one sentence of a quote that goes on). A ‘ opens only
    at the start of a word and a ’ closes only an open ‘ and not inside a word ("don’t", "Israel’s")."""
    spans: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []  # (the closing mark awaited, where the quotation opened)
    for m in _QUOTE_MARK.finditer(text):
        mark, i = m.group(), m.start()
        before, after = text[i - 1 : i], text[m.end() : m.end() + 1]
        if mark == "’" and (after.isalnum() or not any(c == "’" for c, _ in stack)):
            continue  # an apostrophe
        if any(c == mark for c, _ in stack):  # closes the innermost quotation it can close
            while stack:
                closing, start = stack.pop()
                if closing == mark:
                    break
            if not stack:
                spans.append((start, i))
            continue
        if mark == "‘" and before.isalnum():
            continue
        if mark in ("''", "”", "»"):
            continue  # a closing mark with nothing open: a stray mark, not a quotation
        stack.append((dict(_QUOTE_PAIRS)[mark], i))
    stack = [(c, start) for c, start in stack if c != "’"]  # an unclosed ‘ is likely an elision ("the ‘90s")
    if stack:
        spans.append((stack[0][1], len(text)))
    return spans


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
    quoted = any(ch in _QUOTES + "‘" for ch in doc.text)
    for tok in doc:
        if tok.lemma_.lower() in REPORTING_LEMMAS and tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("relcl", "acl", "amod", "pcomp"):
            inverted = _inverted_speaker(tok)
            reports = any(c.dep_ in ("ccomp", "parataxis") for c in tok.children) or tok.dep_ in ("ccomp", "parataxis") and tok.head.i < tok.i or _report_as_advcl(tok)
            if not (reports or inverted is not None or quoted and tok.lemma_.lower() in ("say", "tell", "add", "describe")):
                continue
            subjects = [c for c in tok.children if c.dep_ == "nsubj"] or ([inverted] if inverted is not None else [])
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
    if verb.i == 0 or doc[verb.i - 1].text not in (",", "”", '"', "’", "'") or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    report_first = any(c.dep_ in ("ccomp", "parataxis") and c.i < verb.i for c in verb.children) or verb.dep_ in ("conj", "dep", "parataxis", "advcl", "ccomp") and verb.head.i < verb.i
    if not report_first or any(c.dep_ == "cc" and c.i < verb.i for c in verb.head.children if verb.dep_ == "conj"):
        return None
    after = [c for c in verb.children if c.dep_ in ("dobj", "attr") and c.i == verb.i + 1 + sum(1 for t in doc[verb.i + 1 : c.i] if t.dep_ in ("det", "compound", "amod", "poss"))]
    if after and (after[0].pos_ == "PROPN" or after[0].lemma_.lower() in _PERSON_NOUNS | _ORG_NOUNS or after[0].ent_type_ in _PERSON_ENTS | _GROUP_ENTS):
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


def _speaker_of(subject, doc, index: int, before: list[_Mention], spoken: list[Speaker], cue: str, previous: str = "") -> Speaker:
    """The speaker a subject token names, pronouns and definite descriptions resolved.

    `before` are the people and organisations named earlier (outside quotes), `spoken` the speakers
    of the sentences before, most recent last: "he" is the nearest person, "it"/"they" the nearest
    organisation that spoke (else the nearest named), "the newspaper" the earlier speaker or name
    that says "newspaper"; a description with no antecedent stays as written, never the outlet."""
    lower = subject.lower_
    in_sentence = [m for m in _mentions(doc.text, index) if m.start < subject.idx]
    context = before + in_sentence
    for ent in doc.ents:
        if ent.start <= subject.i < ent.end and ent.label_ in _PERSON_ENTS | _GROUP_ENTS:
            kind: Kind = "person" if ent.label_ in _PERSON_ENTS else "organisation"
            return Speaker(_clean(ent.text), kind, index, cue, _noun_phrase(subject))
    subtree = {t.i for t in subject.subtree}
    for ent in doc.ents:
        if ent.start in subtree and ent.label_ in _PERSON_ENTS:
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
        for sp in recent:
            if re.search(rf"\b{re.escape(noun)}\b", sp.phrase.lower()):
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
    return Speaker(name or lower, kind, index, cue, name)


def _quote_state(text: str, open_before: bool) -> bool:
    """Whether a quotation is still open after `text`, given whether one was open before it."""
    opened = open_before
    for ch in text:
        if ch == "“":
            opened = True
        elif ch == "”":
            opened = False
        elif ch == '"':
            opened = not opened
    return opened


def _starts_quoted(text: str) -> bool:
    return text.lstrip()[:1] in _QUOTES


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
            speaker = _speaker_of(cue.subject, doc, index, before, result, cue.cue, sentences[index - 1] if index else "")
        elif (open_quote or _starts_quoted(text)) and previous is not None and not previous.is_outlet and previous.cue != "outlet":
            speaker = dataclasses.replace(previous, cue="quote continues")
        else:
            speaker = OUTLET_SPEAKER
        result.append(speaker)
        open_quote = _quote_state(text, open_quote)
        before.extend(_mentions(text, index))
    return tuple(result)


def attributions(sentences: Sequence[str]) -> list[Speaker]:
    """The speaker of each sentence, in order (a quotation and its pronouns need what came before)."""
    return list(_attributions(tuple(sentences)))


def attribute(sentences: Sequence[str], index: int, clause: str | None = None) -> Speaker:
    """The speaker of sentence `index`, or of one `clause` of it when the clause has its own
    reporting verb ("X said A, while Y said B")."""
    speakers = attributions(sentences[: index + 1])
    if clause is not None and clause.strip() != sentences[index].strip():
        doc = parse(sentences[index])
        start = sentences[index].find(clause)
        if start >= 0:
            own = [c for c in _cues(doc) if start <= doc[c.token_i].idx < start + len(clause)]
            if own:
                before = [m for i, s in enumerate(sentences[:index]) for m in _mentions(s, i)]
                return _speaker_of(own[0].subject, doc, index, before, speakers[:index], own[0].cue, sentences[index - 1] if index else "")
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


def _sentence_mentions(previous: Sequence[str]) -> list[_Mention]:
    return [m for i, s in enumerate(previous) for m in _mentions(s, i)]


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
    mentions = _sentence_mentions(previous)
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
            recent = [sp for sp in reversed(spoken) if sp.kind == "person"]
            if own.kind == "person" and own.sentence is not None:  # "X said that he ...": X
                edits.append((tok.idx, tok.idx + len(tok.text), _definite(own.name) + ("’s" if tok.dep_ == "poss" else "")))
                cited.add(own.sentence) if own.sentence < len(previous) else None
                continue
            named = next((m for m in reversed(mentions) if m.kind == "person"), None)
            found = (named.name, named.sentence) if named and (not recent or named.sentence > (recent[0].sentence or -1)) else (
                (recent[0].name, recent[0].sentence) if recent else None
            )
            if found is None:
                continue
            edits.append((tok.idx, tok.idx + len(tok.text), _definite(found[0]) + ("’s" if tok.dep_ == "poss" else "")))
            if found[1] is not None:
                cited.add(found[1])
        elif lower in ("it", "they") and tok.dep_ == "nsubj" and _reports(tok) and not in_quote and own.sentence not in (None, len(previous)):
            edits.append((tok.idx, tok.idx + len(tok.text), _definite(own.name)))  # "It said": the organisation that speaks
            cited.add(own.sentence)
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
        and t.i not in dated and t.i not in speaker and t.ent_type_ != "ORDINAL" and not _refers_back(t)
    ]


def _refers_back(number) -> bool:
    """"the two carriers", "Elian's four grandparents": a number spelled out inside a definite or
    possessive noun phrase counts what the article already named; it states no figure to check."""
    if not number.is_alpha or number.dep_ != "nummod":
        return False
    return any(c.dep_ == "poss" or c.dep_ == "det" and c.lower_ in ("the", "these", "those", "both") for c in number.head.children)


def _is_rule(doc) -> bool:
    return any(t.lemma_.lower() in _RULE_NOUNS for t in doc if t.pos_ == "NOUN")


def _dated_past(doc, head) -> bool:
    has_date = any(e.label_ == "DATE" for e in doc.ents)
    past = head.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in head.children)
    return has_date and past and head.lemma_.lower() not in _FORECAST_VERBS


def _opinion(doc, head) -> bool:
    """A judgement: 'should', a stance verb, or a copula whose predicate is a gradable adjective."""
    if any(c.lemma_.lower() in ("should", "ought") for c in head.children if c.dep_ == "aux"):
        return True
    if any(c.lemma_.lower() == "must" for c in head.children if c.dep_ == "aux") and not _is_rule(doc):
        return True
    if head.lemma_.lower() in _STANCE_VERBS and any(c.dep_ == "ccomp" for c in head.children):
        return True
    if head.lemma_.lower() == "be":
        for c in head.children:
            if c.dep_ == "acomp" and c.tag_ in ("JJ", "JJR", "JJS") and not any(g.like_num for g in c.subtree):
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
    if adj.ent_type_ or word.endswith(("al", "ic", "ese", "ian", "ish", "ary", "ern", "mer")):
        return False
    return word.endswith(("ful", "ive", "ous", "able", "ible", "ent", "ant", "ing", "est")) or len(word) <= 6


def _prediction(doc, head) -> bool:
    if head.lemma_.lower() in _FORECAST_VERBS and any(c.dep_ in ("xcomp", "ccomp") for c in head.children):
        return True
    modals = {c.lower_ for c in head.children if c.dep_ == "aux"}
    if modals & {"will", "'ll", "shall", "wo"}:
        # "We will not reopen them": a speaker's stated intention, checkable as said; a rule's "will" is a requirement.
        own = any(c.lower_ in ("we", "i") for c in head.children if c.dep_ == "nsubj")
        return not _is_rule(doc) and not own
    reported_past = head.dep_ in ("ccomp",) and head.head.tag_ == "VBD"
    # "would" under a past reporting verb is a reported "will" (a stated plan, checkable as said).
    return bool(modals & _HEDGE_MODALS) and not (reported_past and modals <= {"would"})


def _causal(doc, head) -> bool:
    lowered = doc.text.lower()
    return any(m in lowered for m in _CAUSE_MARKERS) or any(t.lemma_.lower() in _CAUSE_VERBS and t.pos_ == "VERB" for t in doc)


def claim_types(clause: str, speaker: Speaker | str = OUTLET) -> list[ClaimType]:
    """The types the clause's structure allows, code's choice first. A figure, a rule's requirement,
    or a dated past fact is checkable: then opinion and prediction are not offered at all, so
    rejecting one checkable type never demotes the claim to an uncheckable one."""
    doc = parse(clause)
    head = _content_head(doc)
    attributed = not (speaker.is_outlet if isinstance(speaker, Speaker) else speaker in (OUTLET, "unattributed"))
    if _characterisation(head):
        return ["opinion"]  # a judgement; its verify checks only that the speaker expressed it
    checkable_fact = bool(_numbers(doc)) or _is_rule(doc) or _dated_past(doc, head)
    kinds: list[ClaimType] = []
    if _numbers(doc):
        kinds.append("statistic")
    if _causal(doc, head):
        kinds.append("causal")
    if not checkable_fact:
        if _opinion(doc, head):
            kinds.append("opinion")
        if _prediction(doc, head):
            kinds.append("prediction")
    kinds.append("quote" if attributed else "event")
    if attributed and "event" not in kinds and not _opinion(doc, head) and not _prediction(doc, head):
        kinds.append("event")  # what a source reports happened is an event, as well as their statement
    return list(dict.fromkeys(kinds))


# --- verify -----------------------------------------------------------------------------------------


def _figure_phrase(doc) -> str:
    """The figure and what it counts, as the article writes it: '149 air traffic control towers', '3 percent',
    'a four-acre area' (a contiguous span, so hyphens and decimal points stay)."""
    nums = _numbers(doc)
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


def verify_for(kind: ClaimType, speaker: Speaker | str, clause: str) -> str:
    """What to check and which primary source would settle it, by type and by who speaks."""
    if isinstance(speaker, str):
        speaker = OUTLET_SPEAKER if speaker in (OUTLET, "unattributed") else Speaker(speaker, "person")
    doc = parse(clause)
    who = speaker.name
    if kind == "statistic":
        figure = _figure_phrase(doc)
        if speaker.kind == "organisation":
            return f"Check {figure!r} against {_possessive(who)} published figures and the dataset behind them."
        if speaker.kind in ("person", "group") and not speaker.is_outlet:
            return f"Check {figure!r} against the official statistics it comes from, and that {who} gave it: the transcript or recording."
        return f"Check {figure!r} against the official statistics or dataset it comes from."
    if kind == "quote":
        return f"Check that {who} said this: {_possessive(who)} statement, the transcript or the recording of the remarks."
    if kind == "causal":
        return "Check the cause and the effect each in the official records; the link between them is " + (
            f"{_possessive(who)} account." if not speaker.is_outlet else "the article's account."
        )
    if kind in ("opinion", "prediction"):
        view = "view" if kind == "opinion" else "forecast"
        holder = who if not speaker.is_outlet else "the article"
        return f"Not checkable as a fact: check only that {holder} expressed this {view}, in the official record."
    # event
    if _is_rule(doc):
        return "Check the text of the law, rule or agreement itself, in the official register or gazette."
    if not speaker.is_outlet:
        return f"Check the official records of what is reported, and that {who} said it: {_possessive(who)} statement or announcement."
    return "Check it against the official records, statements or announcements of what is reported."

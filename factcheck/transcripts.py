"""Broadcast transcripts: what of spoken copy an item may show, and how.

A transcript of a news broadcast (CNN, VOA, ABC, PRI, or one a newsroom pastes) marks no
quotation: the anchor, the reporters and the people they put on air speak in turn, and their words
come as said. Two things in it are no part of what the story reports, and an item must not carry them:

- speech as said: a hesitation ("uh", "um"), a word broken off ("equal to r- the right"), words
  said again ("a sense of, of ignorance", "the uh the terms", "we will, we will not"), a
  discourse marker ("I mean", "you know"). Outside quotation marks an item drops the first three
  (`fluent`): the words left are the speaker's, in their order, and no one reads them as a
  verbatim quotation. Inside quotation marks (written news quoting speech) dropping them would
  misquote, and a repair code cannot undo ("I mean the council") would leave a claim the speaker
  took back: such a sentence is not shown (`unshowable`);
- talk about the broadcast itself (`about_the_broadcast`): a sign-on or sign-off ("CNN headline
  news, I'm Sachi Koto.", "Jim Laurie, ABC News, Hong Kong."), a hand-off to a reporter ("Here's
  ABC's Jim Laurie.", "Caroline Wyatt reports.", "Pierre Thomas has the latest."), a teaser ("At
  the end of the broadcast this evening, one more trip around Havana ..."). A sign-off the
  sentence splitter left at the end of a sentence ("... Richard Jewell. pierre thomas, CNN,
  Washington.") is cut from the item (`without_sign_off`).

A pasted transcript opens each turn on a speaker label ("NADIA OKAFOR, CNN CORRESPONDENT: The
bridge would cost ..."): the layout, not words anyone said, which an item drops (`without_label`).

The programme's own "we" ("We're off in search of ...", "Finally today, we learned that ...",
"joining us now") is the outlet's: a claim says who speaks beside its text and `dangling` counts
such a "we" in what the outlet says; the summary leaves such a sentence out (chains/summary.py).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .article import quote_count, quoted_spans
from .nlp import parse
from .wordlists import broadcast_nouns, message_nouns, newsroom_nouns

# Hesitation fillers, a closed class of spoken English: a script read on air has none.
FILLERS = frozenset("uh um er erm uhm ah".split())

# A word cut off in speech ("equal to r- the right", "It- It was"): letters, a hyphen, then a space
# and a word; not the first half of a suspended compound ("first- and second-quarter", "20- to 30-year").
_FALSE_START = re.compile(r"\b[^\W\d_]+-\s+(?!(?:and|or|nor|to|through|than)\b)(?=[^\W\d_])", re.I)
# The ones code drops: a piece of at most three letters ("r- the", "a- at"), or one the next word
# starts again ("It- It", "gov- government"). A longer word before a hyphen and a space may be a
# dash set without its space ("the company- which ..."): its sentence is left out, not cut.
_BROKEN_OFF = re.compile(r"\b(?:[^\W\d_]{1,3}|([^\W\d_]+)(?=-\s+\1))-\s+(?!(?:and|or|nor|to|through|than)\b)(?=[^\W\d_])", re.I)


def has_false_start(text: str) -> bool:
    """Whether `text` carries a word a speaker broke off anywhere (a transcript's false start)."""
    return _FALSE_START.search(text) is not None


_FILLER = re.compile(r"\b(?:" + "|".join(sorted(FILLERS)) + r")\b[,.]?\s*", re.I)
# Where code took a hesitation or a broken word out: words said again across it are a repetition.
_CUT = "\x00"
# Words said again ("of, of", "the <cut> the", "we will, we will not"): one to four words, then a
# comma, a dash or a cut, then the same words; the second time in lower case, since a name said
# twice ("New York, New York") is a place and state, not a repetition.
_REPEATED = re.compile(r"\b((?:[^\W\d_]+(?:['’][^\W\d_]+)?\s+){0,3}[^\W\d_]+(?:['’][^\W\d_]+)?)\s*(?:,|--?|" + _CUT + r")[\s," + _CUT + r"]*(?=\1\b)", re.I)
# A discourse marker ("I mean", "you know"): a repair or a hesitation whose scope code cannot tell.
_MARKER = re.compile(r"\b(?:i mean|you know)\b", re.I)


def _markers(text: str, start: int, end: int) -> bool:
    """Whether `text` between `start` and `end` has a discourse marker: set off by a comma or opening
    the sentence ("You know, since he came ...", "the council, I mean the mayor,"), or a verb with
    no complement ("I mean look at the stock"); not "you know you're going to lose", "I mean what
    I say" (the verb and its clause or object)."""
    found = [m for m in _MARKER.finditer(text, start, end)]
    if not found:
        return False
    doc = parse(text)
    for m in found:
        before, after = text[:m.start()].rstrip(), text[m.end():].lstrip()
        if before.endswith((",", "--", "—")) or after.startswith((",", "--", "—")):
            return True
        verb = next((t for t in doc if t.idx == m.end() - len(m.group().split()[-1])), None)
        if verb is not None and not any(c.dep_ in ("ccomp", "dobj", "xcomp", "advcl") for c in verb.children):
            return True
    return False


# A speaker label that opens a turn in a pasted transcript: "LYNNE RUSSELL, CNN ANCHOR:", "SEN. ADA
# LEE (D), OHIO:", "OKAFOR:", "Q:": capitals (with the punctuation of names and titles) and a colon.
_LABEL = re.compile(r"^\s*([A-Z][A-Z0-9.'’&\-]*(?:[ ,]+\(?[A-Z0-9][A-Z0-9.'’&\-]*\)?)*)\s*:\s+(?=\S)")


def speaker_label(text: str) -> str | None:
    """The speaker label `text` opens on ("NADIA OKAFOR, CNN CORRESPONDENT"), or None."""
    m = _LABEL.match(text)
    return m.group(1) if m is not None and sum(c.isalpha() for c in m.group(1)) >= 1 else None


def without_label(text: str) -> str:
    """`text` without the speaker label it opens on: a label is the transcript's layout, not words
    anyone said, and shown in an item it reads as part of a claim ("RUTH ABARA, COUNCIL: We ...")."""
    m = _LABEL.match(text)
    return text[m.end() :] if m is not None else text


def turn_speakers(texts: Sequence[str]) -> list[tuple[str, int] | None]:
    """Per sentence of a pasted transcript, the guest whose labelled turn it lies in, with the index
    of the sentence whose label names them ("RUTH ABARA, DUNMORE COUNCIL: We have roads ..." and the
    sentences after it, up to the next label or stage direction). None outside a guest's turn: in
    the programme's own people's (a label with a newsroom noun, "NADIA OKAFOR, CNN CORRESPONDENT",
    or the surname of one, "OKAFOR"), whose narration is the outlet's; in a label that names no one
    ("UNIDENTIFIED MALE", "Q"); in a stage direction ("(BEGIN VIDEOTAPE)")."""
    found: list[tuple[str, int] | None] = []
    current: tuple[str, int] | None = None
    known: dict[str, tuple[str, bool]] = {}  # surname -> (the full name, whether the newsroom's)
    for index, text in enumerate(texts):
        label = speaker_label(text)
        if label is not None:
            current = None
            staff = any(w.strip(".'’()").lower() in newsroom_nouns() for w in label.replace(",", " ").split())
            name = _label_name(label)
            if name is None and label.split(",")[0].strip().lower() in known:
                name, staff = known[label.split(",")[0].strip().lower()]
            if name is not None:
                # As the article writes it elsewhere ("Mitchell McLaughlin" for "MITCHELL MCLAUGHLIN").
                written_as = next((m.group() for t in texts for m in [re.search(re.escape(name), without_label(t), re.I)] if m), name)
                name = written_as if written_as.lower() == name.lower() else name
                known.setdefault(name.split()[-1].lower(), (name, staff))
                staff = staff or known[name.split()[-1].lower()][1]
                current = None if staff else (name, index)
        elif re.fullmatch(r"\s*[(\[].*[)\]]\s*", text):
            current = None
        found.append(current)
    return found


def _label_name(label: str) -> str | None:
    """The person a label names ("SEN. ADA LEE (D), OHIO" -> "Ada Lee"), as the tagger reads the
    label's first part in title case; None when it names no one."""
    first = re.sub(r"\([^)]*\)", "", label.split(",")[0]).strip()
    titled = " ".join(w[:1].upper() + w[1:].lower() for w in first.split())
    person = next((e.text for e in parse(titled).ents if e.label_ == "PERSON"), None)
    return person if person is not None and len(person.split()) >= 2 else None


def is_transcript(texts: Sequence[str]) -> bool:
    """Whether the article's sentences read as a broadcast transcript: no quotation marks anywhere
    (speech on air is not marked), as `attribution` reads it, or turns opened by speaker labels
    (a pasted transcript, which may quote a document)."""
    return bool(texts) and (not any(quote_count(t) or "‘" in t for t in texts) or sum(speaker_label(t) is not None for t in texts) >= 2)


def _unquoted_parts(text: str) -> list[tuple[int, int]]:
    """The stretches of `text` outside its quotations."""
    parts, at = [], 0
    for a, b in quoted_spans(text):
        parts.append((at, a))
        at = b + 1
    parts.append((at, len(text)))
    return [(a, b) for a, b in parts if a < b]


def _cleaned(part: str) -> str:
    marked = _BROKEN_OFF.sub(_CUT, part)
    marked = _FILLER.sub(_CUT, marked)
    while True:
        # The second copy must be said in lower case, or be the sentence's own capitalised start.
        m = next((m for m in _REPEATED.finditer(marked) if not marked[m.end() : m.end() + 1].isupper() or m.start() == 0), None)
        if m is None:
            break
        marked = marked[: m.start()] + _CUT + marked[m.end() :]
    return marked


def disfluent(text: str) -> bool:
    """Whether `text` has speech as said (a hesitation, a broken word, words said again) anywhere."""
    return _CUT in _cleaned(text)


def fluent(text: str) -> str:
    """`text` without the hesitations, broken-off words and words said again outside its quotation
    marks ("Uh, there are over fifty thousand CDs sold with uh lyrics" -> "There are over fifty
    thousand CDs sold with lyrics"); the rest as written. Unchanged when it has none."""
    out, at = [], 0
    for a, b in _unquoted_parts(text):
        out.append(text[at:a])
        out.append(_cleaned(text[a:b]))
        at = b
    out.append(text[at:])
    marked = "".join(out)
    if _CUT not in marked:
        return text
    result = re.sub(r"\s*" + _CUT + r"[\s" + _CUT + r"]*", " ", marked)
    result = re.sub(r"\s+([,.;:!?])", r"\1", result)
    result = re.sub(r",(\s*,)+", ",", result)
    result = re.sub(r"^[\s,;]+", "", result)
    result = re.sub(r"\s{2,}", " ", result).strip()
    if result[:1].islower() and text.lstrip()[:1].isupper():
        result = result[0].upper() + result[1:]  # the cut took the sentence's first word
    return result


def unshowable(text: str, inside: bool = False) -> bool:
    """Whether no item may show `text`: speech as said inside quotation marks, or in a sentence that
    lies inside a quotation an earlier one opened (`inside`), where dropping it would misquote; a
    discourse marker ("I mean", "you know") outside them, whose repair code cannot undo."""
    if inside:
        return disfluent(text) or _markers(text, 0, len(text))
    if has_false_start(fluent(text)):
        return True  # a hyphen and a space code does not take for a broken-off word
    if any(disfluent(text[a:b]) for a, b in quoted_spans(text)):
        return True
    return _markers(text, 0, len(text))


def about_the_broadcast(text: str) -> bool:
    """Whether the sentence of a transcript talks about the broadcast, not the story: a sign-on or
    sign-off, a hand-off to a reporter, a teaser of what comes later in the programme (see the
    module's docstring). By its grammar: a speaker naming themself ("I'm X", "this is X"), a
    verbless line of names, a person who reports nothing or "has" only a message ("the latest",
    "our story"), "here's X", a main clause placed in the programme ("at the end of the broadcast"),
    a question put to "you" ("Think you got it?")."""
    doc = parse(without_label(text).strip())
    if not any(t.is_alpha for t in doc):
        return False
    if speaker_label(text) is not None and not any(t.pos_ in ("VERB", "AUX") for t in doc):
        return True  # "LYNNE RUSSELL, CNN ANCHOR: Good evening.": a greeting, no clause
    return _names_the_speaker(doc) or _sign_off(doc) or _hand_off(doc) or _teaser(doc) or _asks_the_listener(doc)


def _proper(tok) -> bool:
    return tok.pos_ == "PROPN" or tok.ent_type_ == "PERSON"


def _names_the_speaker(doc) -> bool:
    """"CNN headline news, I'm Sachi Koto.", "For The World, this is Pamela McCall in London."."""
    return any(
        t.lemma_ == "be" and any(c.dep_ == "nsubj" and c.lower_ in ("i", "this") for c in t.children)
        and any(c.dep_ == "attr" and c.ent_type_ == "PERSON" for c in t.children)
        for t in doc
    )


def _sign_off(doc) -> bool:
    """"Jim Laurie, ABC News, Hong Kong.", "Lisa Schlein for VOA News, Geneva.", "Live from Atalanta,
    good evening Lynne Russell, CNN headline news.": no verb, a person's name and a list of names:
    mostly names, or an organisation's beside the person's (the programme's)."""
    if any(t.pos_ in ("VERB", "AUX") for t in doc) or not any(t.ent_type_ == "PERSON" for t in doc) or not any(t.text == "," for t in doc):
        return False
    words = [t for t in doc if not t.is_punct]
    names = [t for t in words if _proper(t) or t.ent_type_]
    return len(names) * 2 >= len(words) or any(t.ent_type_ == "ORG" for t in doc)


# Verbs by which an anchor hands the air to a reporter with a message: "X has the latest",
# "X brings us this report" (a closed class of English).
_HANDING = frozenset("have bring".split())


def _hand_off(doc) -> bool:
    """"Caroline Wyatt reports from Kosovo.", "Pierre Thomas has the latest.", "Here's ABC's Jim Laurie.",
    "In just a moment Diane Sawyer will have some other news.": a named person as the subject of a
    report that carries no content, or of "have" with only a message as its object."""
    from .attribution import REPORTING_LEMMAS  # the reporting verbs, read as attribution reads them

    for root in (t for t in doc if t.dep_ == "ROOT"):
        subjects = [c for c in root.children if c.dep_ == "nsubj"]
        if not subjects or not _proper(subjects[0]):
            continue
        lemma = root.lemma_.lower()
        others = [c for c in root.children if c.dep_ not in ("nsubj", "prep", "advmod", "aux", "punct", "cc", "npadvmod", "expl")]
        if lemma in REPORTING_LEMMAS and not others:
            return True  # reports, from where, and nothing reported
        objects = [c for c in others if c.dep_ == "dobj"]
        if lemma in _HANDING and others == objects and len(objects) == 1 and (objects[0].lemma_.lower() in message_nouns() or objects[0].lower_ in message_nouns()) and not any(
            c.dep_ in ("prep", "relcl", "acl") for c in objects[0].children
        ):
            return True
        if lemma == "be" and any(c.lower_ == "here" and c.dep_ in ("advmod", "expl") for c in root.children) and subjects[0].ent_type_ == "PERSON":
            return True
    return False


def _teaser(doc) -> bool:
    """"At the end of the broadcast this evening, one more trip around Havana to see ...", "Later in
    this newscast, ...": the main clause placed in the programme itself: "this" or "our"
    broadcast, or a part "of the broadcast" (a bare "in the broadcast" may be someone else's)."""
    for t in doc:
        if t.dep_ != "pobj" or t.lemma_.lower() not in broadcast_nouns() or not _in_main_clause(t):
            continue
        det = next((c.lower_ for c in t.children if c.dep_ in ("det", "poss")), None)
        if det in ("this", "our") or det == "the" and t.head.lower_ == "of" and t.head.head.pos_ == "NOUN":
            return True
    return False


def _asks_the_listener(doc) -> bool:
    """"Think you got it?", "Can you guess where we are?": a question put to "you", the audience or
    the guest on air; it states nothing."""
    if not doc.text.rstrip().rstrip("\"'”’)").endswith("?"):
        return False
    roots = [t for t in doc if t.dep_ == "ROOT"]
    return any(t.lower_ == "you" and t.dep_ == "nsubj" for t in doc) or any(
        r.tag_ == "VB" and not any(c.dep_ in ("nsubj", "aux", "expl") for c in r.children) for r in roots
    )


def _in_main_clause(tok) -> bool:
    """Whether `tok` is in a chain of prepositional phrases hung on the root ("at the end of the broadcast")."""
    while tok.dep_ in ("pobj", "prep") or tok.dep_ == "advmod" and tok.head.dep_ == "ROOT":
        tok = tok.head
    return tok.dep_ == "ROOT"


# A sign-off the sentence splitter left on: after a full stop, a verbless line of names.
_TRAILING = re.compile(r"(?<=[.!?])\s+(?=\S[^.!?]*[.!?]?\s*$)")


def without_sign_off(text: str) -> str:
    """`text` without a sign-off left at its end ("The reason, they remember Richard Jewell. pierre
    thomas, CNN, Washington." -> "The reason, they remember Richard Jewell."); else unchanged."""
    m = None
    for m in _TRAILING.finditer(text):
        pass
    # The splitter keeps a sign-off on only when the reporter's name is in lower case ("pierre
    # thomas"): after a capital the full stop may be an initial's or an abbreviation's ("Martin P.
    # Levin, a director ..."). Short parts, names among them, no verb.
    if m is None or not text[m.end() : m.end() + 1].islower() or re.search(r"[a-z]{2}[.!?]$", text[: m.start()]) is None:
        return text
    tail = parse(text[m.end() :])
    parts = [p.strip(" .") for p in tail.text.split(",")]
    # After the name, only names: the outlet, the place ("CNN, Washington"), no word that joins.
    names = [t for t in tail if not t.is_punct and t.idx >= len(tail.text.split(",")[0])]
    if (
        not any(t.pos_ in ("VERB", "AUX", "ADP", "DET") for t in tail) and 2 <= len(parts) <= 4 and len(parts[0].split()) <= 3
        and names and all(_proper(t) or t.ent_type_ or t.text[:1].isupper() for t in names)
    ):
        return text[: m.start()]
    return text


def written(text: str) -> str:
    """`text` as an item shows it: `without_label`, `fluent`, then `without_sign_off`."""
    return without_sign_off(fluent(without_label(text)))

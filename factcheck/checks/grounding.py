"""Grounding checks: code verifies that what a model wrote rests on the sentences it cites.

Each check returns a list of problems in plain words; the same text goes back to the model when it is
re-asked, and into the report's warnings when an item is dropped.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence

from ..article import Article, Sentence, quoted_spans
from ..dates import tag

# Capitalised words that are not names: they start sentences or are titles and function words.
_NOT_NAMES = set(
    """a an the he she it they we i you his her its their our this that these those there here
    in on at by for from of to with without after before during since until about among between
    and but or nor so yet if when while as although though because however meanwhile moreover
    according also both either neither each every all some many most more other another such
    no not only just even still then thus later earlier today yesterday tomorrow
    mr mrs ms dr president minister secretary general prime chief head leader spokesperson
    said says say told added stated announced claimed noted
    monday tuesday wednesday thursday friday saturday sunday january february march april may june
    july august september october november december""".split()
)

REPORTING = re.compile(
    r"\b(said|says|say|told|tells|stated|states|added|adds|announced|announces|claimed|claims|"
    r"argued|argues|noted|notes|described|describes|confirmed|confirms|according to|reiterated|"
    r"warned|warns|insisted|insists|wrote|writes|asserted|asserts|denied|denies|urged|urges|"
    r"called|calls|expects|expected|believes|believed)\b",
    re.IGNORECASE,
)

# Words that carry a judgement; a summary may use one only where the article itself does.
LOADED = re.compile(
    r"\b(slammed|blasted|lashed|radical|extremist|regime|so-called|admitted|conceded|shocking|"
    r"disastrous|brutal|heroic|notorious|infamous|baseless|false|lie|lies|lied|controversial|"
    r"slam|slams|blast|blasts|outrageous|stunning|dramatic|finally|clearly|obviously)\b",
    re.IGNORECASE,
)

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_WORD = re.compile(r"[\w’'-]+")


def cited(article: Article, sources: Iterable[str]) -> tuple[list[Sentence], list[str]]:
    """The sentences behind `sources`, and a problem for each id that does not exist."""
    found, problems = [], []
    for sid in sources:
        sentence = article.sentence(sid)
        if sentence is None:
            problems.append(f"cites {sid}, which is not a sentence of the article")
        else:
            found.append(sentence)
    if not found and not problems:
        problems.append("cites no sentence")
    return found, problems


def check_verbatim(label: str, text: str, sentences: Sequence[Sentence]) -> list[str]:
    """`text` must occur word for word in one of the cited sentences (white space aside)."""
    needle = _squash(text)
    if not needle:
        return [f"{label} is empty"]
    if any(needle in _squash(s.text) for s in sentences):
        return []
    ids = ", ".join(s.id for s in sentences)
    return [f"{label} {text!r} does not occur verbatim in {ids}"]


def check_content(
    label: str,
    text: str,
    sentences: Sequence[Sentence],
    published: dt.date | None,
    *,
    names: bool = True,
) -> list[str]:
    """Numbers, dates and (unless not `names`) proper names in `text` must occur in the cited sentences."""
    source = " ".join(s.text for s in sentences)
    ids = ", ".join(s.id for s in sentences)
    problems = []
    source_numbers = {_plain_number(n) for n in _NUMBER.findall(source)}
    dates = tag(text, published)
    # The numbers of a calendar date ("May 15, 2025") are checked as a date: it must resolve to one the
    # sentences state. A duration's ("30 days") are quantities, checked as numbers too.
    for number in _NUMBER.findall(blank_spans(text, [t for t in dates if t.type in ("DATE", "TIME")])):
        if _plain_number(number) not in source_numbers:
            problems.append(f"{label} has the number {number}, which {ids} does not state")
    for name in missing_names(text, source) if names else []:
        problems.append(f"{label} names {name!r}, which {ids} does not mention")
    problems += _check_dates(label, dates, source, ids, published)
    return problems


def blank_spans(text: str, spans: Sequence) -> str:
    """`text` with each span (anything with `start` and `end`) blanked out, offsets unchanged."""
    for span in reversed(spans):
        text = text[: span.start] + " " * (span.end - span.start) + text[span.end :]
    return text


def missing_names(text: str, source: str) -> list[str]:
    """Capitalised words of `text` (names, places, organisations) absent from `source`."""
    known = {w.lower().strip("’'-") for w in _WORD.findall(source)}
    known |= {re.sub(r"(’s|'s)$", "", w) for w in known}
    missing = []
    for word in _WORD.findall(text):
        bare = word.strip("’'-")
        if not bare[:1].isupper() or bare.lower() in _NOT_NAMES:
            continue
        stem = re.sub(r"(’s|'s)$", "", bare).lower()
        if stem not in known and bare.lower() not in known and bare not in missing:
            missing.append(bare)
    return missing


def _check_dates(label: str, dates: Sequence, source: str, ids: str, published: dt.date | None) -> list[str]:
    # A weekday that may name either of two days ('said Friday', Timex.alternative) states only its words.
    stated = {word for t in tag(source, published) for word in (t.value if t.alternative is None else "", t.text.lower())} - {""}
    problems = []
    for timex in dates:
        if timex.value not in stated and timex.text.lower() not in stated:
            problems.append(f"{label} has the date {timex.text!r}, which {ids} does not state")
    return problems


def check_attribution(label: str, text: str, sentences: Sequence[Sentence]) -> list[str]:
    """A sentence that reports what someone said must stay attributed in the rewrite."""
    if any(REPORTING.search(s.text) for s in sentences) and not REPORTING.search(text):
        return [f"{label} drops the attribution: say who said it, as the article does"]
    return []


def check_loaded_words(label: str, text: str, article_text: str) -> list[str]:
    article_words = {m.group().lower() for m in LOADED.finditer(article_text)}
    used = [m.group() for m in LOADED.finditer(text) if m.group().lower() not in article_words]
    return [f"{label} uses the loaded word {w!r}, which the article does not use" for w in used]


def antecedents(text: str, sentence: Sentence, article: Article) -> list[Sentence]:
    """Earlier sentences that name who `text` names but `sentence` does not, when that is who the
    sentence's own referents stand for ("He said" resolved to "Niinisto said"): citing them keeps
    every name in the cited sentences. A name is taken only from the antecedents code computes for
    the sentence (`referents_before`): its speaker named before, the person a he/she/his/her stands
    for (the subject or speaker of the sentences before, of the pronoun's gender), the group a
    "they" stands for, the referents `resolve_referents` puts in. Any other earlier name ("He" made
    the wrong man) rests on nothing the sentence says, and the content check reports it."""
    missing = missing_names(text, sentence.text)
    if not missing:
        return []
    found: dict[int, Sentence] = {}
    for at, words in referents_before(article, article.sentences.index(sentence)):
        hits = [name for name in missing if not missing_names(name, words)]
        if hits:
            found[at] = article.sentences[at]
            missing = [name for name in missing if name not in hits]
        if not missing:
            break
    return sorted(found.values(), key=lambda s: s.start)


def referents_before(article: Article, index: int) -> list[tuple[int, str]]:
    """Who sentence `index` speaks of, or is spoken by, that an earlier sentence names, as (that
    sentence's index, the words naming them there, titles and appositions included): the
    sentence's speaker, the antecedents of its pronouns (`attribution.person_antecedent`,
    `attribution.group_antecedent`) and the referents `referents.resolve_referents` puts in."""
    from ..attribution import _mentions, attributions, group_antecedent, person_antecedent
    from ..nlp import parse
    from ..referents import resolve_referents

    texts = [s.text for s in article.sentences]
    previous = texts[:index]
    if not previous:
        return []
    speakers = attributions(texts, article.paragraph_starts)
    found: list[tuple[int, str]] = []
    own = speakers[index]
    if not own.is_outlet and own.sentence is not None and own.sentence < index:
        found.append((own.sentence, f"{own.name} {own.phrase}"))
    found += [(at, words) for at, words in resolve_referents(texts[index], texts[index], previous).inserted if at is not None and at < index]
    quoted = quoted_spans(texts[index])
    pronouns = {t.lower_ for t in parse(texts[index]) if t.pos_ == "PRON" and not any(a <= t.idx < b for a, b in quoted)}
    for pronoun in ("he", "she"):
        forms = {"he": {"he", "him", "his", "himself"}, "she": {"she", "her", "hers", "herself"}}[pronoun]
        if pronouns & forms and (person := person_antecedent(texts[: index + 1], pronoun, upto=index, speakers=speakers[:index])) is not None:
            found.append((person.sentence, person.name))
    if pronouns & {"they", "them", "their"} and (group := group_antecedent(texts[: index + 1], index, speakers[: index + 1])) is not None:
        found.append(group)
    if pronouns & {"it", "its"}:
        # "It will close two plants": the organisation that spoke in the sentence before, else the
        # one organisation that is a subject there (two, and which is meant is a guess).
        spoke = speakers[index - 1]
        bodies = {m.name for m in _mentions(texts[index - 1], index - 1) if m.kind == "organisation" and m.subject}
        if spoke.kind == "organisation" and spoke.sentence is not None:
            found.append((spoke.sentence, spoke.name))
        elif len(bodies) == 1:
            found.append((index - 1, bodies.pop()))
    return [(at, f"{words} {_naming_phrase(texts[at], words)}") for at, words in found]


def _naming_phrase(text: str, name: str) -> str:
    """The words that name `name` in `text`: its noun phrase with titles in front and appositions
    ("NATO Secretary General Mark Rutte", "Rutte, NATO's chief"), not a clause or prepositional
    phrase about it, which may name someone else."""
    from ..nlp import parse

    words = [w for w in _WORD.findall(name) if w[:1].isupper()]
    if not words:
        return ""
    last = words[-1].lower()
    doc = parse(text)
    head = next((t for t in doc if t.lower_ == last), None)
    if head is None:
        return ""
    while head.dep_ in ("compound", "flat") and head.head.i != head.i:
        head = head.head
    kept, stack = [], [head]
    while stack:
        tok = stack.pop()
        kept.append(tok.text)
        stack.extend(c for c in tok.children if c.dep_ in ("compound", "flat", "amod", "nmod", "appos", "poss", "det", "case"))
    return " ".join(kept)


def _plain_number(number: str) -> str:
    return number.replace(",", "").rstrip(".")


def _squash(text: str) -> str:
    return " ".join(text.split())


def check_speaker_cited(speaker: str, sentences: Sequence[Sentence]) -> list[str]:
    """The speaker must be named in the sentences the claim cites (its own or the ones before it)."""
    if speaker.lower() in {"unattributed", "the outlet"}:
        return []
    if missing_names(speaker, " ".join(s.text for s in sentences)):
        ids = ", ".join(s.id for s in sentences)
        return [f"speaker {speaker!r} is not named in {ids}: who says it there?"]
    return []


_FUNCTION_WORDS = _NOT_NAMES | set(
    """is are was were be been being has have had do does did will would shall should can could may
    might must not no what which who whom whose its it's than very""".split()
)
# Answers about the task instead of the article: "The claim made by the article", "The speaker makes a claim".
_META = re.compile(
    r"^\s*(the|this|that)\s+(claim|article|sentence|text|item|outlet|speaker|statement)\b|\bmakes? a claim\b",
    re.IGNORECASE,
)


def check_restates(label: str, text: str, sentences: Sequence[Sentence], *, min_words: int = 4) -> list[str]:
    """`text` must restate its sentences: enough words, not about "the claim" or "the article",
    and most of its content words taken from them."""
    words = _WORD.findall(text)
    if len(words) < min_words:
        return [f"{label} {text!r} is too short to stand alone"]
    if _META.search(text):
        return [f"{label} {text!r} describes the task; state what the article says instead"]
    content = [w.lower() for w in words if w.lower() not in _FUNCTION_WORDS]
    source = {w.lower() for s in sentences for w in _WORD.findall(s.text)}
    if content and sum(w in source for w in content) / len(content) < 0.5:
        return [f"{label} {text!r} uses mostly words its sentence does not; restate the sentence"]
    return []


def same_speaker(a: str, b: str) -> bool:
    """'Niinisto' and 'Sauli Niinisto' are the same speaker; 'Niinisto' and 'Marin' are not."""
    words_a = {w.lower() for w in _WORD.findall(a)} - _NOT_NAMES
    words_b = {w.lower() for w in _WORD.findall(b)} - _NOT_NAMES
    return bool(words_a) and bool(words_b) and (words_a <= words_b or words_b <= words_a)


# A verdict on what the article states ("the claim is verified", a bare "VERIFIED"): factcheck says
# what to check, never what is true; an article that wants a model to say so is the usual injection.
_VERDICT = re.compile(
    r"\b(?:the|this|that|these|its|their)\s+(?:claims?|statements?|figures?|report|article|story|facts?|"
    r"information|numbers?)\s+(?:is|are|was|were|has\s+been|have\s+been)\s+(?:(?:all|both|now|\w+ly)\s+)?(?:verified|confirmed|"
    r"true|false|accurate|inaccurate|correct|incorrect|debunked|proven|fake|untrue)\b|"
    r"^\W*(?:verified|confirmed|true|false|debunked)\W*$",
    re.IGNORECASE,
)
# Advice on what to check states no outcome at all: "which was verified through a dataset" is one.
_OUTCOME = re.compile(
    r"\b(?:is|are|was|were|been)\s+(?:(?:all|both|now|already|\w+ly)\s+)?(?:verified|confirmed|debunked|disproven|proven)\b",
    re.IGNORECASE,
)


def check_verdict(label: str, text: str, sentences: Sequence[Sentence], *, advice: bool = False) -> list[str]:
    """No verdict on a statement's truth that the cited sentences do not give themselves; in `advice`
    (what to verify), no outcome of a check either. "Check whether the figure is accurate" asks."""
    patterns = [_VERDICT, _OUTCOME] if advice else [_VERDICT]
    said = {" ".join(m.group().lower().split()) for s in sentences for p in patterns for m in p.finditer(s.text)}
    problems = []
    for match in (m for p in patterns for m in p.finditer(text)):
        asking = re.search(r"\b(?:whether|if|that)\s*$", text[: match.start()], re.IGNORECASE)
        if not asking and " ".join(match.group().lower().split()) not in said:
            problems.append(f"{label} gives a verdict ({match.group().strip()!r}) the article does not: say what it states or what to check, not whether it is true")
    return problems

"""The summary chain: the lead sentence and the most check-worthy ones, each shortened or rewritten
as a neutral, attributed sentence.

On the bundled model a summary sentence is a compression of its article sentence: code lists the
side phrases that can go (factcheck/syntax.py) and the model only chooses among them, under a
schema that admits those ids and nothing else, so it cannot invent, cut off or drop the main
clause, a negation, a hedge or an attribution. A sentence with nothing to drop costs no call.

An editor reads the summary in order, so each sentence must read on the summary sentences before
it, not on the article sentences left out: a "He" named only in a sentence not chosen, "the
ceremony" the summary never introduced, "since then". Code chooses the sentences so (`Reading`):
a sentence whose referent the summary before it gives stays as it is; one whose referent code can
put in (factcheck/referents.py: the name for "He", "the Geneva talks" for "the talks") gets it and
cites the sentence it comes from; one that still points back brings in the sentence that introduces
what it points to, or gives way to the next best one. What it points back to is read by
factcheck/referents.py's rules, the ones a claim is read by; what is the summary's own is that the
summary before it may give it. A side phrase that the rest of its sentence points back to ("which
killed 250 people" before "most of them Kenyans"), or needs to stand alone (the role that says whose
"we" a speaker's is, a leading place that says which "thousands" rallied, a name a later summary
sentence uses: factcheck/chains/shortening.py) is not offered for dropping. A connective that opens
a sentence ("However,", "In addition,", "But") goes when the summary sentence before is not the
article's sentence it ties to.

A capable model (a server) paraphrases freely, behind the faithfulness checker; a paraphrase that
keeps failing gives way to the compression, marked as such.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Literal

from pydantic import Field, create_model

from .. import faithfulness
from ..article import Article, Sentence, as_quoted_in, open_at_start, quoted_spans, unclosed_quotations
from ..attribution import attributions, person_antecedent
from ..checks import grounding
from ..llm import Answer
from ..models import CompressionDraft, SummaryDraft, SummarySentence
from ..nlp import parse
from ..referents import (
    Standalone,
    dangling,
    introduces_what_follows,
    introductions,
    is_person_pronoun,
    may_stand_for,
    names_referent,
    pointing_back,
    points_to_sentence_before,
    resolve_referents,
    speaks_in_first_person,
    standalone_variants,
    unspoken_first_person,
)
from ..settings import Settings
from ..syntax import Span, compress, is_clause, subordinate_only, without_leading_connective
from .base import ChainRun, Step, score_sentences, stand_in_warning, with_antecedents
from ..transcripts import about_the_broadcast, is_transcript, unshowable, without_label, written
from .shortening import droppable_spans, shortest


@dataclass(frozen=True)
class Reading:
    """How a sentence reads after the summary sentences before it: as it is, with its referents
    put in by code (`resolve`), or not at all, when `needs` names the article sentence (an index)
    that would give what it points back to, if one does."""

    reads: bool
    resolve: bool = False
    needs: int | None = None


class SummaryChain:
    """The lead sentence and the most check-worthy ones, each shortened (bundled model) or
    rewritten (a capable model) as a neutral sentence."""

    name: ClassVar[str] = "summary"

    def __init__(self, article: Article, settings: Settings) -> None:
        self.article = article
        self.count = settings.summary_sentences
        self.compresses = settings.resolved_provider == "local"
        self.chosen: list[Sentence] = []
        self.readings: dict[str, Reading] = {}  # per chosen sentence id
        self.texts = [s.text for s in article.sentences]
        self._paragraphs = article.paragraph_starts
        self._index = {s.id: n for n, s in enumerate(article.sentences)}
        self._resolved: dict[int, Standalone] = {}  # per sentence index: resolve_referents against the article
        self._readings: dict[tuple[int, tuple[int, ...]], Reading] = {}  # (sentence, summary before it)
        self._shortest: dict[tuple[int, tuple[int, ...]], str] = {}  # per sentence index and the ones after it: as short as the model may make it
        self.offered: dict[str, list[Span]] = {}  # per chosen sentence id: the spans the model may drop
        self._inside = open_at_start(article)  # the sentences a quotation an earlier one opened is open in

    def plan(self) -> list[Step]:
        # Not a sentence that only announces a quotation ("A spokesman said:"): it states nothing.
        # Nor a fragment whose root is no finite verb ("One more trip around Havana to see ...").
        # Nor a sentence of a quotation the article never closes: shown whole it leaves a mark open,
        # and where to close it is unknown. Nor speech as said that only a misquote could tidy, nor a
        # transcript's talk about the broadcast ("CNN headline news, I'm Sachi Koto.": see
        # factcheck/transcripts.py), nor a "we" nobody is said to say ("We're off in search of ...",
        # the programme's), which claims and events never show either (`read` would reject it too,
        # but nothing else would take its place in a short article).
        unclosed = unclosed_quotations(self.article)
        transcript = is_transcript(self.texts)
        said = attributions(self.texts, self._paragraphs)
        prose = [s for n, s in enumerate(self.article.sentences) if not s.heading and is_clause(without_label(s.text)) and _finite(without_label(s.text)) and not introduces_what_follows(s.text)
                 and s.id not in unclosed and not unshowable(s.text, s.id in self._inside) and not (transcript and about_the_broadcast(s.text))
                 and not (said[n].is_outlet and unspoken_first_person(s.text))]
        if not prose:
            return []
        # The lead is the first sentence that reads with nothing before it: not one whose "it" or
        # "the city" a heading, a question or a line about the broadcast left out of the summary gave.
        lead = next((s for s in prose if self.read(s, []).reads), prose[0])
        scores = score_sentences(self.article)
        ranked = sorted((s for s in prose if s is not lead), key=lambda s: -scores[s.id].score)
        self.chosen = self.choose(lead, ranked, {s.id for s in prose})
        self.readings = {s.id: self.read(s, self.chosen[:n]) for n, s in enumerate(self.chosen)}
        if not self.compresses:
            return [Step(self.name, s.id, s, SummaryDraft) for s in self.chosen]
        steps = []
        for n, sentence in enumerate(self.chosen):
            # Not a span the rest of the sentence needs to stand alone, nor one that introduces a
            # name a later summary sentence uses (factcheck/chains/shortening.py).
            index = self._index[sentence.id]
            spans = droppable_spans(sentence.text, self.texts[:index], [s.text for s in self.chosen[n + 1 :]])
            self.offered[sentence.id] = spans
            if spans:  # nothing to choose, nothing to ask
                part = "\n".join(f"{s.id}: {s.text}" for s in spans)
                steps.append(Step(self.name, sentence.id, sentence, compression_draft_for(spans), part=part, prompt="compress"))
        return steps

    def choose(self, lead: Sentence, ranked: list[Sentence], prose: set[str]) -> list[Sentence]:
        """The lead, then the best-ranked sentences that read on the summary before them (in the
        article's order); one that does not comes with the sentence it needs when there is room for
        both, else gives way. A sentence that gave way may read once others are in, so the ranking
        is gone through again until the count is met or nothing more reads: a short article gets a
        shorter summary rather than a sentence that points back to what the summary never gave."""
        chosen = [lead]
        added = True
        while added and len(chosen) < self.count:
            added = False
            for sentence in ranked:
                if len(chosen) >= self.count:
                    break
                if sentence in chosen:
                    continue
                trial = self._ordered([*chosen, sentence])
                if self._all_read(trial):
                    chosen, added = trial, True
                    continue
                needs = self.read(sentence, trial[: trial.index(sentence)]).needs
                if needs is None or needs < 0 or len(chosen) + 2 > self.count:
                    continue
                intro = self.article.sentences[needs]
                if intro.id in prose and intro not in chosen and self._all_read(trial := self._ordered([*chosen, sentence, intro])):
                    chosen, added = trial, True
        return chosen

    def _ordered(self, sentences: list[Sentence]) -> list[Sentence]:
        return sorted(sentences, key=lambda s: s.start)

    def _all_read(self, sentences: list[Sentence]) -> bool:
        # The first too: a sentence ranked in before the lead reads with nothing before it.
        return all(self.read(s, sentences[:n]).reads for n, s in enumerate(sentences))

    def read(self, sentence: Sentence, before: list[Sentence]) -> Reading:
        """How `sentence` reads after the summary sentences `before` (each as short as the model may
        make it: its main clause), against how it reads in the article."""
        return self._read(self._index[sentence.id], tuple(self._index[s.id] for s in before))

    def _read(self, index: int, before: tuple[int, ...]) -> Reading:
        if (index, before) not in self._readings:
            self._readings[index, before] = self._reading(index, before)
        return self._readings[index, before]

    def _reading(self, index: int, before: tuple[int, ...]) -> Reading:
        text = self.texts[index]
        previous = self.texts[:index]
        if all(s.heading for s in self.article.sentences[:index]):
            return Reading(True)  # the article's first sentence: it reads in the summary as it reads there
        # Each summary sentence before as the summary shows it: as short as it may be made, keeping
        # what the ones after it (this one too) point back to ("under a standstill agreement" for
        # "The agreement expires"), as the compression offered to the model keeps it.
        shown = [self._shown(i, before[:n], (*before[n + 1 :], index)) for n, i in enumerate(before)]
        follows = bool(before) and before[-1] == index - 1  # the summary's sentence before is the article's
        speaker = attributions(self.texts, self._paragraphs)[index]
        # "We have seen ...": who "we" is, the sentence itself or the summary sentence just before must say.
        if speaks_in_first_person(text) and speaker.sentence != index and not (speaker.sentence is not None and before and before[-1] == speaker.sentence):
            return Reading(False, needs=speaker.sentence)
        # "That brought ...", "The sale represents ...", "since then": what the sentence before
        # told, which only that sentence, just before it in the summary too, gives.
        in_article = self._in_article(index)
        context = set(in_article.cited) - {i for i, _ in in_article.inserted}
        # Not for the summary's first sentence: there the citation is resolve_referents' caution ("The
        # river rose" after a flood was told), and what the sentence's words leave dangling is read below.
        if not before and _unled_object(text):
            return Reading(False, needs=index - 1)  # "UNESCO declared it a site": the summary's first sentence says nothing "it" is
        timed = _tells_the_time(text)
        back = context and before and not _subject_given(text, shown) or points_to_sentence_before(text) and not timed
        if back and not follows:
            return Reading(False, needs=index - 1)

        def left(words: str) -> list[str]:
            # "It was a bomb", "Their lawyers ...": right after the article's sentence before, that
            # sentence says what, as in the article.
            return [w for w in dangling(words) if not (follows and w.lower() in _THING_PRONOUNS)]

        points = [w for w in left(text) if not (timed and w.lower() == "it")]
        unmet = _unmet_definites(text, previous, list(zip(before, shown)))
        if not points and not unmet:
            return Reading(True)
        if not unmet:
            # What the summary before gives must be what the article gives: not a "He" that would
            # read as another man the summary named last. Who "he" is follows the discourse (a
            # chain of pronouns back to a name) in the article and in the summary alike.
            people = {w.lower(): meant for w in points if is_person_pronoun(w) and (meant := _same_person(w.lower(), previous, shown))}
            in_summary = resolve_referents(text, text, shown) if shown else None
            if not points or in_summary is not None and _agree(
                [w for w in _words(in_summary) if not _agree([w], list(people.values()))], _words(in_article)
            ) and not [w for w in left(in_summary.text) if w.lower() not in people]:
                return Reading(True)
        if in_article.inserted and not left(in_article.text) and not _unmet_definites(in_article.text, previous, list(zip(before, shown))):
            return Reading(True, resolve=True)
        named = [p.sentence for w in points if is_person_pronoun(w) and (p := person_antecedent(previous, w.lower())) is not None]
        needs = unmet[0][1] if unmet else named[0] if named else index - 1
        return Reading(False, needs=needs)

    def _in_article(self, index: int):
        """Sentence `index` with the referents code puts in from the article sentences before it."""
        if index not in self._resolved:
            self._resolved[index] = resolve_referents(self.texts[index], self.texts[index], self.texts[:index])
        return self._resolved[index]

    def _shown(self, index: int, before: tuple[int, ...], after: tuple[int, ...] = ()) -> str:
        """Sentence `index` as the summary shows it after `before` and before `after`: as short as
        the model may make it (keeping what `after` needs), with the referents code puts in."""
        if (index, after) not in self._shortest:
            self._shortest[index, after] = shortest(self.texts[index], self.texts[:index], [self.texts[i] for i in after])
        text = self._shortest[index, after]
        if self._read(index, before).resolve:
            return resolve_referents(text, self.texts[index], self.texts[:index], whole=False).text
        return text

    def check(self, article: Article, step: Step, draft: SummaryDraft | CompressionDraft) -> list[str]:
        if isinstance(draft, CompressionDraft):
            return []  # the schema admits only the listed spans, and any choice of them is a sentence
        cited = with_antecedents(draft.sentence, step.sentence, article)
        return (
            [str(p) for p in faithfulness.check(draft.sentence, [s.text for s in cited], context=article.text)]
            + grounding.check_content("the sentence", draft.sentence, cited, article.published)
            + grounding.check_restates("the sentence", draft.sentence, cited)
            + grounding.check_attribution("the sentence", draft.sentence, [step.sentence])
            + grounding.check_loaded_words("the sentence", draft.sentence, article.text)
            + grounding.check_verdict("the sentence", draft.sentence, cited)
        )

    def assemble(self, answered: list[tuple[Step, Answer]]) -> ChainRun:
        run = ChainRun()
        answers = {step.sentence.id: (step, answer) for step, answer in answered}
        for sentence in self.chosen:
            step, answer = answers.get(sentence.id, (None, None))
            if step is None or answer is None:  # nothing to drop: the sentence is its own compression
                run.items.append(self.compression(sentence, sentence.text))
            elif self.compresses and answer.value is not None:
                text = compress(sentence.text, set(answer.value.drop), self.offered[sentence.id])
                if subordinate_only(parse(text)) is not None:
                    text = sentence.text  # the choice left a fronted clause without its main one: kept whole
                run.items.append(self.compression(sentence, text))
            elif self.compresses:
                run.items.append(self.compression(sentence, sentence.text, origin="extractive"))
                run.warnings.append(stand_in_warning("extractive-summary", step, answer, "kept the article's sentence"))
            elif answer.value is not None:
                cited = with_antecedents(answer.value.sentence, sentence, self.article)
                run.items.append(SummarySentence(text=answer.value.sentence, sources=[s.id for s in cited]))
            else:
                # Shortened only by what the rest does not need: a period a figure is measured over,
                # a role that says whose "we", a name a later sentence uses (chains/shortening.py).
                index = self._index[sentence.id]
                later = [s.text for s in self.chosen[self.chosen.index(sentence) + 1 :]]
                spans = droppable_spans(sentence.text, self.texts[:index], later)
                run.items.append(self.compression(sentence, compress(sentence.text, {s.id for s in spans}, spans)))
                run.warnings.append(stand_in_warning("compressed-summary", step, answer, "kept the article's sentence, shortened"))
        # "However, ...", "In addition, ...", "But ...": what they contrast or add to is the
        # article's sentence before, which only a summary that shows it just before keeps.
        for n, (sentence, item) in enumerate(zip(self.chosen, run.items)):
            if not (n and self._index[self.chosen[n - 1].id] == self._index[sentence.id] - 1):
                run.items[n] = item.model_copy(update={"text": without_leading_connective(item.text)})
        return run

    def compression(self, sentence: Sentence, text: str, origin: str = "compression") -> SummarySentence:
        """`text` (the sentence's words, shortened or not) with the referents code puts in when the
        summary before it does not give them: the first of referents' variants that says only what
        its cited sentences say, citing them; else the words as they are. A transcript's speech as
        said ("uh", "of, of") is never shown (factcheck/transcripts.py, `written`)."""
        text = written(text)
        reading = self.readings.get(sentence.id)
        inside = sentence.id in self._inside
        if reading is not None and reading.resolve:
            index = self._index[sentence.id]
            previous = self.article.sentences[:index]
            for variant in standalone_variants(text, sentence.text, self.texts[:index], whole=False):
                if not variant.inserted:
                    break  # no referent put in: the words as they are
                cited = sorted({*(previous[i] for i in variant.cited), sentence}, key=lambda s: s.start)
                if not faithfulness.check(variant.text, [s.text for s in cited], published=self.article.published):
                    shown = as_quoted_in(self.article, variant.text, sentence, inside)
                    return SummarySentence(text=shown, sources=[s.id for s in cited], origin=origin)
        # A sentence of a quotation that runs over several: its marks as the quotation reads
        # ('We will win.” -> '“We will win.”'), else a speaker's words read as the article's.
        return SummarySentence(text=as_quoted_in(self.article, text, sentence, inside), sources=[sentence.id], origin=origin)



# Pronouns that stand for a thing or a group, or for what a sentence told: the article's sentence
# before gives what they stand for (a closed class).
_THING_PRONOUNS = frozenset("it its they them their this that these those".split())


def compression_draft_for(spans: list[Span]) -> type[CompressionDraft]:
    """CompressionDraft whose ids must be the sentence's deletable spans (a grammar enforces it)."""
    ids = tuple(s.id for s in spans)
    return create_model(
        "CompressionDraft",
        __base__=CompressionDraft,
        drop=(list[Literal[ids]], Field(default_factory=list, max_length=len(ids), description="ids of the listed phrases to drop")),
    )


def _words(standalone) -> list[str]:
    return [words for _, words in standalone.inserted]


def _agree(given: list[str], meant: list[str]) -> bool:
    """Whether each referent the summary gives is one the article gives ("Castro" for "Fidel Castro")."""
    def same(a: str, b: str) -> bool:
        a, b = set(a.lower().split()), set(b.lower().split())
        return a <= b or b <= a
    return all(any(same(g, m) for m in meant) for g in given)


def _same_person(pronoun: str, previous: list[str], shown: list[str]) -> str | None:
    """The person the article means by `pronoun`, when the summary's reader takes it for them."""
    # The speaker a quotation goes on with counts as its sentence's subject, as where the claim is rewritten.
    meant = person_antecedent(previous, pronoun, speakers=attributions(previous))
    taken = person_antecedent(shown, pronoun, speakers=attributions(shown)) if shown else None
    return meant.name if meant is not None and taken is not None and _agree([taken.name], [meant.name]) else None


def _unmet_definites(text: str, previous: list[str], shown: list[tuple[int, str]]) -> list[tuple[str, int]]:
    """The definite participants of `text` that point back (referents.pointing_back: "the
    ceremony", "the agency") to a thing the article introduced before (`previous`) and the summary
    before it (`shown`: each sentence as shown, with its index in the article) does not give: each
    with the article sentence that introduces it. The summary gives it when one of its sentences
    names the thing (referents.names_referent: the noun, the verb of the act); when the article
    introduced one more of its kind ("a letter" ... "another letter"), a sentence from that one on:
    "the letter" is then the second, and a summary that named only the first leads the reader to
    the wrong one. A bare definite the article uses from its first mention on
    ("the economy") reads the same in the summary."""
    found = []
    for first, noun, kind in pointing_back(text, previous):
        if kind != "definite":
            continue
        introduced = introductions(noun, previous)
        if not introduced:
            continue
        new = [i for i, fresh in introduced if fresh]
        antecedent = new[-1] if new else introduced[0][0]
        if not any((not new or i >= antecedent) and names_referent(noun, s) for i, s in shown):
            found.append((noun.doc[first : noun.i + 1].text, antecedent))
    return found


def _subject_given(text: str, shown: list[str]) -> bool:
    """"The dollar soared ...": a bare definite subject that opens the sentence, which the summary
    before has named ("the dollar rose"): the reader knows which, whatever sentence came before."""
    doc = parse(text)
    words = [t for t in doc if not t.is_punct]
    if len(words) < 2 or words[0].lower_ != "the" or words[1].pos_ != "NOUN" or words[1].dep_ not in ("nsubj", "nsubjpass"):
        return False
    return any(names_referent(words[1], s) for s in shown)


def _unled_object(text: str) -> bool:
    """"UNESCO declared it a protected site", "Officials said it would close": an "it"/"them" object or subject of an inner clause, outside
    quotation marks, with nothing before it in the sentence it may stand for (referents.may_stand_for).
    Not one a clause after its verb says ("made it clear that ...", "found it hard to ...").
    `dangling` leaves objects to the sentences before; the summary's first sentence has none."""
    doc = parse(text)
    quoted = quoted_spans(text)
    for tok in doc:
        # An object, or the subject of a clause inside ("declared it a site", "said it would close").
        inner = tok.dep_ in ("dobj", "pobj", "dative") or tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ != "ROOT"
        if tok.lower_ not in ("it", "them") or not inner or any(a <= tok.idx < b for a, b in quoted):
            continue
        if any(c.dep_ in ("ccomp", "xcomp", "advcl") and c.i > tok.i for c in tok.head.children):
            continue
        # Not the subject of its own verb ("UNESCO declared it ...": that would be "itself").
        verb = tok.head if tok.head.pos_ in ("VERB", "AUX") or tok.dep_ != "nsubj" else tok.head.head
        local = {c.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")} if tok.dep_ != "pobj" else set()
        if not any(may_stand_for(tok.lower_, t) and t.i not in local for t in doc[: tok.i]):
            return True
    return False


def _tells_the_time(text: str) -> bool:
    """"It's the second day of an offensive", "It was 3 a.m. when ...": the "it" subject of a "be"
    whose complement is a date or a time says what time it is; it points back to nothing."""
    doc = parse(text)
    return any(
        t.lower_ == "it" and t.dep_ == "nsubj" and t.head.lemma_ == "be" and t.head.dep_ == "ROOT"
        and any(c.dep_ == "attr" and c.ent_type_ in ("DATE", "TIME") for c in t.head.children)
        for t in doc
    )


def _finite(text: str) -> bool:
    """Whether the sentence has a main verb that makes it a clause: not an infinitive ("One more
    trip around Havana to see ...") nor a participle with neither subject nor auxiliary. A root the
    parser split off ("Citing an example," before "X said ...") does not count against it."""
    roots = [t for t in parse(text) if t.dep_ == "ROOT" and t.pos_ in ("VERB", "AUX")]
    return not roots or any(
        not any(c.dep_ == "aux" and c.tag_ == "TO" for c in r.children)
        and not (r.tag_ in ("VBG", "VBN") and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in r.children))
        for r in roots
    )

"""Build factcheck/data/told_as.tsv.gz, the words an article may use to tell of a happening or a
message before it names it with a noun, and factcheck/data/time_adjectives.txt.gz, the adjectives
of time, from the WordNet 3.0 database files (Debian: `apt-get install wordnet-base`,
/usr/share/wordnet).

    python benchmarks/build_told_as.py [--wordnet /usr/share/wordnet] [--out factcheck/data]

A story names a thing first in one way and then points back to it in another: "X asked for ..."
then "the request", "Y was shot dead" then "the killing" or "the slaying", "the court ruled" then
"the ruling". A claim that says "the request was denied" does not stand alone, though no earlier
word is "request". For each noun one of whose three most frequent senses (WordNet orders senses
by frequency) sits in the lexicographer file of acts, events, communications, possessions,
processes or phenomena (its most frequent one: not "end", "business", "supply"; a possession: "X
lent Y $500,000" ... "the loan", "bid for the stake"), told_as.tsv.gz lists (noun TAB
verbs TAB nouns TAB fixed):

- the verbs WordNet derives the sense from ("+" pointers: request.n - request.v, killing.n -
  kill.v) and their troponyms, the ways of doing it, two levels down (ask is a way to request,
  shoot and strangle are ways to kill, slay a way to murder), unless a verb has more than
  MAX_WAYS of them (travel, change: any act is one); and those of the sense's hypernym
  and the hypernym's, one level down, when that hypernym is no more general than a happening at
  depth MIN_DEPTH of the hierarchy (slaying.n is a homicide, a killing; a move is an act,
  which is too general to say);
- the nouns of the sense itself and of its hyponyms two levels down (the killing after "an
  assassination");
- for its most frequent sense (a kind of a rarer one, "trial" as an attempt, says another thing),
  the nouns of the kinds it belongs to, one or two levels up, and of their direct kinds, with the
  verbs WordNet derives those kinds from: a story that told of "a discriminatory
  law" or "the bill" goes on "under the statute" (both legal documents), one that told "the two
  countries agreed" or of "an agreement" names it "the treaty", "the accord" or "the pact" (a
  written agreement). Only a kind specific enough to say what sort of thing it is: one with at
  most MAX_KIN narrower senses in all ("legal document": 288, "agreement": 80; not "document":
  390, "statement": 427, "act": thousands), the measure of generality that holds in every part of
  the hierarchy (depth does not: "agreement" sits at depth 5, "killing" at 9);
- for a sum of money (noun.possession), the verb of having or being so whose own noun is a kind
  the sum belongs to, up to MONEY_KIN_LEVELS up: a fine is a penalty, a payment, a cost, so "the
  ruling will cost the company 2 million marks" tells of "the fine" (only the word the kind is
  derived from: "cost", not "be" of its verb synset);
- the words that make with the noun a two-word noun WordNet lists as no happening or message
  ("long" for "in the long run", "near" for "the near term"): a fixed phrase, not a referent.

A made thing is told of in other words too: "a jetliner" ... "the plane", "a refinery" ...
"the plant", "a factory" ... "the facility". For each noun whose most frequent sense is an
artifact (noun.artifact), told_as.tsv.gz lists no verb, and the nouns of that sense, of its
narrower senses two levels down, and of its kinds and their direct kinds as above.

WordNet orders a word's senses by their frequency in its tagged concordance (cntlist.rev); for a
word with no tagged use there ("accord": harmony, concurrence, a treaty) the order says nothing,
and any of its three first senses counts, not the first alone.

A word with MAX_SENSES senses or more in its part of speech ("get", "make", "take", "break", "set") says
too little to be what a noun points back to, and is left out (the noun's own lemma is kept).

time_adjectives.txt.gz lists the adjectives whose first sense (or, for a satellite, its head)
has an attribute or a derivation that, in one of its senses, is a kind of timing: "late"
(timing), "recent" (recency), "current", "early"; not "old" or "young" (an age), nor "fast" (a
speed). Their superlative ("the latest ruling") is one of a series the story told of before,
not a referent the phrase picks out itself ("the sickest patients").

The output is deterministic (sorted, gzip without a timestamp).
"""

from __future__ import annotations

import re
import sys
from functools import lru_cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from wordnet_files import ROOT, arguments, index_entries, write_word_list  # noqa: E402

# noun.act, noun.communication, noun.event, noun.phenomenon, noun.possession, noun.process
TOLD = {4, 10, 11, 19, 21, 22}
THINGS = {6}  # noun.artifact: "a jet" ... "the plane", "a plant" ... "the facility"
AMOUNTS = {7, 23}  # noun.attribute, noun.quantity: "a gain", "a drop", the amount of a change (not "a climber", "a blister")
SENSES = 3
MIN_DEPTH = 9  # "homicide" (10), "killing" (9) still say what happened; "termination" (8), "act" (2) do not
MAX_SENSES = 25
MAX_KIN = 300  # narrower senses in all of a kind that still says what sort of thing (see the docstring)
KIN_LEVELS = 2  # "statute" is an enactment, a legal document; "treaty" a written agreement, an agreement
# A sum of money (noun.possession) is told of by the verb whose own nominalisation is a kind the sum
# belongs to, this many levels up: a fine is a penalty, a payment, a cost, and "the ruling will cost
# the company 2 million marks" tells of "the fine". Sums sit deeper under the verb's noun than acts
# do (an act's kinds are read by MIN_DEPTH); only the verb word itself the noun is derived from
# ("cost", not "be" of its synset), and only a verb of having or of being so (verb.possession,
# verb.stative: "cost", "pay", "expend", "levy"; not "standardize" for "cash", a standard).
MONEY = 21
HAVING_VERBS = {40, 42}
MONEY_KIN_LEVELS = 3
MAX_WAYS = 40  # kill has 36 ways (shoot, strangle, drown); travel (123) or change (401) says nothing of which act
WORD = re.compile(r"^[a-z][a-z-]*$")


def _records(path: Path) -> dict[int, list[str]]:
    return {int(line.split(" ", 1)[0]): line.split() for line in path.read_text(encoding="latin-1").splitlines() if not line.startswith(" ")}


def _words(record: list[str]) -> list[str]:
    # adjectives mark their position ("former(a)"): the word without it
    return [re.sub(r"\(.*\)$", "", record[4 + 2 * k]).lower() for k in range(int(record[3], 16))]


def _pointers(record: list[str], symbols: tuple[str, ...], pos: str) -> list[int]:
    at = 4 + 2 * int(record[3], 16)
    found = []
    for k in range(int(record[at])):
        symbol, offset, kind = record[at + 1 + 4 * k : at + 4 + 4 * k]
        if symbol in symbols and kind in pos:
            found.append(int(offset))
    return found


def _derived_words(record: list[str], verbs: dict[int, list[str]]) -> set[str]:
    """The verb words of having or being (HAVING_VERBS) a noun synset's words are derived from ("+"
    pointers are lexical: from word to word): "cost" of the synset {cost, be}, not "be"."""
    at = 4 + 2 * int(record[3], 16)
    found = set()
    for k in range(int(record[at])):
        symbol, offset, kind, ends = record[at + 1 + 4 * k : at + 5 + 4 * k]
        if symbol == "+" and kind == "v" and int(verbs[int(offset)][1]) in HAVING_VERBS:
            target = int(ends[2:], 16)
            words = _words(verbs[int(offset)])
            found.update(words if target == 0 else words[target - 1 : target])
    return found


class WordNet:
    def __init__(self, folder: Path) -> None:
        self.nouns, self.verbs, self.adjectives = (_records(folder / f"data.{p}") for p in ("noun", "verb", "adj"))
        self.noun_index = dict(index_entries(folder / "index.noun"))
        self.verb_index = dict(index_entries(folder / "index.verb"))
        self.adjective_index = dict(index_entries(folder / "index.adj"))
        # the verbs of a change of amount ("rise", "soar", "fall", "dip"), below WordNet's "change
        # magnitude" (increase, decrease) two levels down: not "age" or "bud" (to grow, develop)
        self.magnitude = self.below(self.verbs, self.verb_index["change_magnitude"][0], 3, "v", cap=False)
        # the lemmas with a tagged use in WordNet's concordance: their senses are ordered by frequency
        cntlist = folder / "cntlist.rev"
        self.counted = {line.split("%", 1)[0] for line in cntlist.read_text(encoding="latin-1").splitlines() if "%1:" in line and not line.endswith(" 0")} if cntlist.exists() else None
        self.phrases: dict[str, list[str]] = {}  # "long_run" under "run": two-word nouns by their last word
        for word in self.noun_index:
            if word.count("_") == 1:
                self.phrases.setdefault(word.split("_")[1], []).append(word)

    @lru_cache(maxsize=None)
    def depth(self, offset: int) -> int:
        above = _pointers(self.nouns[offset], ("@", "@i"), "n")
        return 0 if not above else 1 + self.depth(above[0])

    def below(self, records: dict[int, list[str]], offset: int, levels: int, pos: str, cap: bool = True) -> set[int]:
        """`offset` and its hyponyms (troponyms for a verb), `levels` down; with `cap`, not below a
        synset with more than MAX_WAYS of them."""
        found, todo = {offset}, [(offset, 0)]
        while todo:
            at, level = todo.pop()
            children = _pointers(records[at], ("~",), pos)
            if level < levels and (not cap or len(children) <= MAX_WAYS):
                for child in children:
                    if child not in found:
                        found.add(child)
                        todo.append((child, level + 1))
        return found

    @lru_cache(maxsize=None)
    def narrower(self, offset: int) -> int:
        """How many senses lie under the noun sense at `offset`, at any depth."""
        children = _pointers(self.nouns[offset], ("~", "~i"), "n")
        return len(children) + sum(self.narrower(c) for c in children)

    def kinds(self, offset: int, levels: int = KIN_LEVELS) -> set[int]:
        """The kinds the noun sense at `offset` belongs to, `levels` up, that are specific enough
        to say what sort of thing it is (at most MAX_KIN narrower senses); not above a general one."""
        found, todo = set(), [(offset, 0)]
        while todo:
            at, level = todo.pop()
            for parent in _pointers(self.nouns[at], ("@",), "n"):
                if level < levels and parent not in found and self.narrower(parent) <= MAX_KIN:
                    found.add(parent)
                    todo.append((parent, level + 1))
        return found

    def changes_amount(self, offset: int) -> bool:
        """Whether the noun sense at `offset` is the change of an amount, or the amount it changed by, that a verb
        of a change of magnitude tells of ("increase", "gain", "drop": "sales rose 5%" ... "the
        increase"), whatever its lexicographer file (a quantity, an attribute)."""
        record = self.nouns[offset]
        return int(record[1]) in TOLD | AMOUNTS and any(v in self.magnitude for v in _pointers(record, ("+",), "v"))

    def general(self, word: str, index: dict[str, list[int]]) -> bool:
        return len(index.get(word, ())) >= MAX_SENSES

    def told_as(self, lemma: str) -> tuple[set[str], set[str]] | None:
        verbs: set[str] = set()
        nouns: set[str] = set()
        offsets = self.noun_index[lemma]
        changes = [o for o in offsets[:SENSES] if self.changes_amount(o)]
        ranked = self.counted is None or lemma in self.counted  # "accord": no tagged use, its order says nothing
        first = int(self.nouns[offsets[0]][1])
        if first in THINGS:
            return set(), self.kin(lemma, offsets[0])
        if (first not in TOLD if ranked else not any(int(self.nouns[o][1]) in TOLD for o in offsets[:SENSES])) and not changes:
            return None  # "the end", "the business", "the supply": most often a place, a group, an amount
        senses = [o for o in offsets[:SENSES] if int(self.nouns[o][1]) in TOLD or o in changes]
        for sense in senses:
            kinds = [(sense, 2)]
            for parent in _pointers(self.nouns[sense], ("@",), "n"):
                if self.depth(parent) >= MIN_DEPTH:
                    kinds.append((parent, 1))
                    kinds += [(grand, 1) for grand in _pointers(self.nouns[parent], ("@",), "n") if self.depth(grand) >= MIN_DEPTH]
            for kind, levels in kinds:
                for verb in _pointers(self.nouns[kind], ("+",), "v"):
                    for way in self.below(self.verbs, verb, levels, "v"):
                        verbs.update(_words(self.verbs[way]))
            for narrower in self.below(self.nouns, sense, 2, "n"):
                nouns.update(_words(self.nouns[narrower]))
            if sense == senses[0]:  # its most frequent sense: a kind of a rarer one ("trial": an attempt) says another thing
                for kind in self.kinds(sense):  # "a law" ... "the statute", "agreed" ... "the accord"
                    for other in self.below(self.nouns, kind, 1, "n", cap=False):
                        nouns.update(_words(self.nouns[other]))
                    for verb in _pointers(self.nouns[kind], ("+",), "v"):
                        verbs.update(_words(self.verbs[verb]))
                if int(self.nouns[sense][1]) == MONEY:  # "cost" ... "the fine": the verb of a kind the sum is
                    for kind in self.kinds(sense, MONEY_KIN_LEVELS):
                        verbs.update(_derived_words(self.nouns[kind], self.verbs))
        # "fell" (a verb of many senses) says which change when the noun derives from its very sense ("the decline")
        direct = {w for o in changes for v in _pointers(self.nouns[o], ("+",), "v") if v in self.magnitude for w in _words(self.verbs[v])}
        keep = lambda w, index: WORD.match(w) and (w in (lemma, *direct) or not self.general(w, index))  # noqa: E731
        return {w for w in verbs if keep(w, self.verb_index)}, {w for w in nouns if keep(w, self.noun_index) and w != lemma}

    def kin(self, lemma: str, sense: int) -> set[str]:
        """For a thing or a place: the nouns of its sense, of its narrower senses two levels down and of its kinds (`kinds`) and their direct kinds."""
        nouns: set[str] = set()
        for narrower in self.below(self.nouns, sense, 2, "n"):
            nouns.update(_words(self.nouns[narrower]))
        for kind in self.kinds(sense):
            for other in self.below(self.nouns, kind, 1, "n", cap=False):
                nouns.update(_words(self.nouns[other]))
        return {w for w in nouns if WORD.match(w) and w != lemma and not self.general(w, self.noun_index)}

    def fixed_phrases(self, lemma: str) -> list[str]:
        """The words before `lemma` that make with it a collocation WordNet lists of another kind
        than a happening or a message: "long" ("in the long run"), "near" ("the near term")."""
        ends = [w[: -len(lemma) - 1] for w in self.phrases.get(lemma, ())]
        return sorted(w for w in ends if WORD.match(w) and int(self.nouns[self.noun_index[f"{w}_{lemma}"][0]][1]) not in TOLD)

    def time_adjectives(self) -> list[str]:
        # Not "age": "the oldest man", "the youngest victim" pick out one of a set the phrase names
        temporal = set(self.noun_index["timing"][:1])  # not speed or duration: "the fastest possible ratification"

        def of_time(noun: int) -> bool:
            seen, todo = set(), [noun]
            while todo:
                at = todo.pop()
                if at in temporal:
                    return True
                for parent in _pointers(self.nouns[at], ("@",), "n"):
                    if parent not in seen:
                        seen.add(parent)
                        todo.append(parent)
            return False

        found = []
        for word, offsets in self.adjective_index.items():
            record = self.adjectives[offsets[0]]
            heads = [offsets[0], *_pointers(record, ("&",), "a")] if record[2] == "s" else [offsets[0]]
            nouns = {n for h in heads for n in _pointers(self.adjectives[h], ("=", "+"), "n")}
            # every sense of a derived noun: "recent" points to the "recency" that is newness, not pastness
            nouns |= {o for n in nouns for o in self.noun_index.get(_words(self.nouns[n])[0], ())}
            if WORD.match(word) and any(of_time(n) for n in nouns):
                found.append(word)
        return sorted(found)


def main() -> None:
    args = arguments(__doc__, ROOT / "factcheck" / "data")
    wordnet = WordNet(args.wordnet)
    lines = []
    for lemma in sorted(wordnet.noun_index):
        if WORD.match(lemma) and (told := wordnet.told_as(lemma)) is not None:
            verbs, nouns = told
            fixed = wordnet.fixed_phrases(lemma)
            if verbs or nouns:
                lines.append(f"{lemma}\t{' '.join(sorted(verbs))}\t{' '.join(sorted(nouns))}\t{' '.join(fixed)}")
    write_word_list(args.out / "told_as.tsv.gz", lines, "nouns")
    write_word_list(args.out / "time_adjectives.txt.gz", wordnet.time_adjectives(), "adjectives")


if __name__ == "__main__":
    main()

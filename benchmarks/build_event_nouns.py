"""Build factcheck/data/event_nouns.txt.gz, the nouns that name something that happens, from the
WordNet 3.0 database files (Debian: `apt-get install wordnet-base`, /usr/share/wordnet).

    python benchmarks/build_event_nouns.py [--wordnet /usr/share/wordnet] [--out factcheck/data/event_nouns.txt.gz]

The timeline dates a thing a side phrase dates ("ahead of [the summit on June 3]") only when the
thing is an event: "the inspection on Friday" is one, "the company in 1987" or "a high for the
year" is a fragment cut from its sentence. A noun counts when one of its three most frequent
senses (WordNet orders senses by frequency) sits in the lexicographer file of acts, events,
processes or natural phenomena: "sale", "crash", "election", "raid", "talk", "growth", "storm";
not "company", "income", "level", "edition" or "quarter". A noun whose first sense is a message
or a gathering also counts when WordNet derives it from a verb of saying or of social life with
another form: "announcement" (announce), "statement", "agreement", "conference" (confer); a form
shared with the verb ("a record", "a report") is too often the document or the figure. And a kind
of meeting counts (a hyponym of the first sense of "meeting"): "summit", "session", "convention".

A noun whose most frequent sense is a possession, a quantity or an attribute names a figure, not
an event, whatever its other senses: "loss", "sales", "earnings", "price". These are listed too,
each with a leading "-", so that "sales" is not taken for "sale".

The output is deterministic (one lemma a line, sorted, gzip without a timestamp).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from wordnet_files import ROOT, arguments, index_entries, write_word_list  # noqa: E402

# Lexicographer file numbers (WordNet's lexnames): noun.act, noun.event, noun.phenomenon, noun.process.
HAPPENINGS = {4, 11, 19, 22}
# noun.attribute, noun.possession, noun.quantity: what a figure measures.
FIGURES = {7, 21, 23}
# noun.communication, noun.group; verb.communication, verb.social.
MESSAGES, SAYING = {10, 14}, {32, 41}
SENSES = 3
WORD = re.compile(r"^[a-z][a-z-]*$")


def _records(path: Path) -> dict[int, list[str]]:
    return {int(line.split(" ", 1)[0]): line.split() for line in path.read_text(encoding="latin-1").splitlines()
            if not line.startswith(" ")}


def _derived_verbs(record: list[str], verbs: dict[int, list[str]]) -> list[tuple[str, int]]:
    """The verbs a noun synset is derivationally related to ("+" pointers), with their lexicographer files."""
    at = 4 + 2 * int(record[3], 16)
    out = []
    for k in range(int(record[at])):
        symbol, offset, pos = record[at + 1 + 4 * k : at + 4 + 4 * k]
        if symbol == "+" and pos == "v":
            verb = verbs[int(offset)]
            out.append((verb[4].lower(), int(verb[1])))
    return out


def _first_sense(wordnet: Path, lemma: str) -> int:
    for word, offsets in index_entries(wordnet / "index.noun"):
        if word == lemma:
            return offsets[0]
    raise SystemExit(f"WordNet has no noun {lemma!r}")


def _hypernyms(offset: int, nouns: dict[int, list[str]]) -> set[int]:
    """Every synset above `offset` ("@" and "@i" pointers, transitively)."""
    seen: set[int] = set()
    todo = [offset]
    while todo:
        record = nouns[todo.pop()]
        at = 4 + 2 * int(record[3], 16)
        for k in range(int(record[at])):
            symbol, target, pos = record[at + 1 + 4 * k : at + 4 + 4 * k]
            if symbol in ("@", "@i") and pos == "n" and int(target) not in seen:
                seen.add(int(target))
                todo.append(int(target))
    return seen


def event_nouns(wordnet: Path) -> list[str]:
    nouns, verbs = _records(wordnet / "data.noun"), _records(wordnet / "data.verb")
    meeting = _first_sense(wordnet, "meeting")
    found = []
    for lemma, offsets in index_entries(wordnet / "index.noun"):
        if not WORD.match(lemma):
            continue
        first = nouns[offsets[0]]
        if int(first[1]) in FIGURES:
            found.append("-" + lemma)
        elif any(int(nouns[o][1]) in HAPPENINGS or meeting in _hypernyms(o, nouns) for o in offsets[:SENSES]) or (
            int(first[1]) in MESSAGES and any(v != lemma and f in SAYING for v, f in _derived_verbs(first, verbs))
        ):
            found.append(lemma)
    return sorted(found)


def main() -> None:
    args = arguments(__doc__, ROOT / "factcheck" / "data" / "event_nouns.txt.gz")
    write_word_list(args.out, event_nouns(args.wordnet), "nouns")


if __name__ == "__main__":
    main()

"""Build factcheck/data/number_nouns.txt.gz, the nouns that may name a figure before they name
anyone, factcheck/data/possession_nouns.txt.gz, the nouns of what is owned, and
factcheck/data/group_nouns.txt.gz, the nouns of a body, from the WordNet 3.0 database files (Debian: `apt-get install wordnet-base`,
/usr/share/wordnet).

    python benchmarks/build_number_nouns.py [--wordnet /usr/share/wordnet] [--out factcheck/data]

"Figures released today show exports fell": WordNet's "figure" is a diagram, a digit and, fifth,
a notable person, so the speaker lists (build_person_nouns.py) let "figures" speak and be a group
of people. A noun counts here when one of its three most frequent senses (WordNet orders senses
by frequency) is a number (a sense in the lexicographer file of quantities, noun.quantity, under
"number": "figure", "count", "number", "score") and no sense ranked before that one is a person
or a group. The list alone decides nothing: a plural such noun is read as the figure unless its
sentence shows a person ("political figures said", "figures in the party").

A figure that counts what is owned, or is a part of it ("63 million shares", "a 7.6% stake",
"22% of its stock"), is kept in the filings and announcements of whoever owns or trades it, not
in official statistics: a noun counts when its most frequent sense sits in the lexicographer file
of possessions (noun.possession): "share", "stock", "stake", "asset", "debt", "dividend"; not
"rate", "unemployment", "population" or "vote".

A count in the "of" phrase of a body ("A second group of three directors is seeking control",
"a team of 12 inspectors arrived") says who the body is; the clause asserts what the body does,
not a quantity: a noun counts when its most frequent sense sits in the lexicographer file of
groups (noun.group) or is "group" itself: "group", "crowd", "team", "delegation"; not "number",
"total" or "loss".

The output is deterministic (one lemma a line, sorted, gzip without a timestamp).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from wordnet_files import ROOT, arguments, index_entries, write_word_list  # noqa: E402

QUANTITY, PERSON, GROUP, POSSESSION = 23, 18, 14, 21  # noun.quantity, .person, .group, .possession in WordNet's lexnames
GROUPING = 31264  # group, grouping (any number of entities considered as a unit), in noun.Tops
NUMBER = "13582013"  # number (a concept of quantity involving zero and units), noun.quantity
SENSES = 3
WORD = re.compile(r"^[a-z][a-z-]*$")


def synsets(wordnet: Path) -> dict[int, tuple[int, list[int]]]:
    """Each noun synset's lexicographer file and its hypernyms (instance hypernyms too)."""
    found = {}
    for line in (wordnet / "data.noun").read_text(encoding="latin-1").splitlines():
        if line.startswith(" "):
            continue
        fields = line.split(" | ")[0].split()
        words = int(fields[3], 16)
        at = 4 + 2 * words
        pointers = [fields[at + 1 + 4 * k : at + 5 + 4 * k] for k in range(int(fields[at]))]
        found[int(fields[0])] = (int(fields[1]), [int(p[1]) for p in pointers if p[0] in ("@", "@i")])
    return found


def number_nouns(wordnet: Path) -> list[str]:
    table = synsets(wordnet)

    def is_number(offset: int) -> bool:
        if table[offset][0] != QUANTITY:
            return False
        seen, todo = set(), [offset]
        while todo:
            at = todo.pop()
            if at == int(NUMBER):
                return True
            if at not in seen:
                seen.add(at)
                todo.extend(table[at][1])
        return False

    found = []
    for lemma, offsets in index_entries(wordnet / "index.noun"):
        senses = offsets[:SENSES]
        first = next((k for k, o in enumerate(senses) if is_number(o)), None)
        if WORD.match(lemma) and first is not None and not any(table[o][0] in (PERSON, GROUP) for o in senses[:first]):
            found.append(lemma)
    return sorted(found)


def first_sense_nouns(wordnet: Path, lexfile: int, also: tuple[int, ...] = ()) -> list[str]:
    """The nouns whose most frequent sense sits in `lexfile`, or is one of the synsets `also`."""
    table = synsets(wordnet)
    return sorted(lemma for lemma, offsets in index_entries(wordnet / "index.noun")
                  if WORD.match(lemma) and (table[offsets[0]][0] == lexfile or offsets[0] in also))


def main() -> None:
    args = arguments(__doc__, ROOT / "factcheck" / "data")
    write_word_list(args.out / "number_nouns.txt.gz", number_nouns(args.wordnet), "nouns")
    write_word_list(args.out / "possession_nouns.txt.gz", first_sense_nouns(args.wordnet, POSSESSION), "nouns")
    write_word_list(args.out / "group_nouns.txt.gz", first_sense_nouns(args.wordnet, GROUP, (GROUPING,)), "nouns")


if __name__ == "__main__":
    main()

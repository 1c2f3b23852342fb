"""Build factcheck/data/person_nouns.txt.gz, the nouns whose most frequent sense is a person, and
factcheck/data/speaker_nouns.txt.gz, the nouns that can say something (a person, a group or a
communication), from the WordNet 3.0 database files (Debian: `apt-get install wordnet-base`,
/usr/share/wordnet).

    python benchmarks/build_person_nouns.py [--wordnet /usr/share/wordnet] [--out factcheck/data]

A claim's pronoun ("told him", "a reward for his capture") is put in for a person named earlier
only when nothing in its own clause could be that person: "turned to her rabbi and told him" names
someone "him" may stand for, "offered a reward for his capture" does not. A noun counts when one
of its three most frequent senses (WordNet orders senses by frequency) sits in the lexicographer
file of people (noun.person): "rabbi", "friend", "owner", "suspect", "bomber" (a plane first);
not "reward", "police" (a group) or "body". Too many is safe here: a noun wrongly listed only
leaves a pronoun as the article wrote it.

A reporting verb's subject is a speaker only when it can say something: "officials", "the family",
"a message" or "television" can; "footage" or "the fall in prices" cannot (a misparse, or a thing
that "suggests"), and what they report stays the article's own.

A definite message in a claim ("the letter", "the memo", "the list", "the document") is a
participant whose sender or content the claim must say, as a happening's ("the explosion") is:
factcheck/data/message_nouns.txt.gz lists the nouns whose most frequent sense sits in the
lexicographer file of communications (noun.communication). The list alone decides nothing: the
referents module counts such a noun only when the article mentioned one before.

The output is deterministic (one lemma a line, sorted, gzip without a timestamp).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from wordnet_files import ROOT, arguments, index_entries, write_word_list  # noqa: E402

PERSON = 18  # noun.person in WordNet's lexnames
SPEAKING = (PERSON, 14, 10)  # noun.person, noun.group, noun.communication
SENSES = 3
WORD = re.compile(r"^[a-z][a-z-]*$")


COMMUNICATION = 10  # noun.communication


def nouns_of(wordnet: Path, lexfiles: tuple[int, ...], senses: int = SENSES) -> list[str]:
    files = {}
    for line in (wordnet / "data.noun").read_text(encoding="latin-1").splitlines():
        if not line.startswith(" "):
            offset, lexfile = line.split(" ", 2)[:2]
            files[int(offset)] = int(lexfile)
    found = []
    for lemma, offsets in index_entries(wordnet / "index.noun"):
        if WORD.match(lemma) and any(files[o] in lexfiles for o in offsets[:senses]):
            found.append(lemma)
    return sorted(found)


def main() -> None:
    args = arguments(__doc__, ROOT / "factcheck" / "data")
    for name, lexfiles in (("person_nouns", (PERSON,)), ("speaker_nouns", SPEAKING)):
        write_word_list(args.out / f"{name}.txt.gz", nouns_of(args.wordnet, lexfiles), "nouns")
    write_word_list(args.out / "message_nouns.txt.gz", nouns_of(args.wordnet, (COMMUNICATION,), senses=1), "nouns")

if __name__ == "__main__":
    main()

"""Build factcheck/data/relational_nouns.txt.gz, the nouns of a role in a legal case and of the
place of an action, from the WordNet 3.0 database files (Debian: `apt-get install wordnet-base`,
/usr/share/wordnet).

    python benchmarks/build_relational_nouns.py [--wordnet /usr/share/wordnet] [--out factcheck/data]

Each names a participant only by its relation to something else, which a story tells of first:

"The judge ruled ...", "the prosecutors said ...", "the lawyer asked ...": a judge, a prosecutor
or a lawyer is one of a case, as a defendant or a plaintiff is, not one the setting has (a
country has one president, a story's city one mayor). Lifted from the story that told of the case,
such a claim does not say whose case. A noun counts when one of its two most frequent senses
(WordNet orders senses by frequency) is a person (noun.person) that WordNet files under the topic
of law (";c" law, jurisprudence: "lawyer", "prosecutor", "defendant", "plaintiff", "client") or
derives from law ("+": "judge", "jurist"; "lawmaker", one of the body that made the law the story
told of). The referents module reads it only for the roles it otherwise takes as the setting's.

"Police sealed off the venue", "reporters gathered at the scene": a venue or a scene is the place
of an action (WordNet's scene: "the place where some action occurs", and the nouns whose most
frequent sense lies under it: "venue", "locale"), of the one the story told of.

The output is deterministic (one lemma a line, sorted, gzip without a timestamp).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from wordnet_files import ROOT, arguments, below, index_entries, write_word_list  # noqa: E402

PERSON = 18  # noun.person in WordNet's lexnames
SENSES = 2
WORD = re.compile(r"^[a-z][a-z-]*$")
LAW = ("law", "jurisprudence")  # the topic: the first sense of "law" and the senses of "jurisprudence"


def _pointers(record: list[str]) -> list[tuple[str, int, str]]:
    """(symbol, offset, part of speech) of each pointer of a data.noun record."""
    at = 4 + 2 * int(record[3], 16)
    return [(record[at + 1 + 4 * k], int(record[at + 2 + 4 * k]), record[at + 3 + 4 * k]) for k in range(int(record[at]))]


def case_roles(wordnet: Path) -> list[str]:
    records = {int(line.split(" ", 1)[0]): line.split() for line in (wordnet / "data.noun").read_text(encoding="latin-1").splitlines() if not line.startswith(" ")}
    index = dict(index_entries(wordnet / "index.noun"))
    law = {index["law"][0], *index["jurisprudence"]}
    found = []
    for lemma, offsets in index.items():
        if not WORD.match(lemma):
            continue
        for offset in offsets[:SENSES]:
            record = records[offset]
            if int(record[1]) == PERSON and any(symbol in (";c", "+") and kind == "n" and target in law for symbol, target, kind in _pointers(record)):
                found.append(lemma)
                break
    return sorted(found)


def action_places(wordnet: Path) -> list[str]:
    records = {int(line.split(" ", 1)[0]): line.split() for line in (wordnet / "data.noun").read_text(encoding="latin-1").splitlines() if not line.startswith(" ")}
    index = dict(index_entries(wordnet / "index.noun"))
    scene = {index["scene"][0]}
    parents = lambda offset: [target for symbol, target, kind in _pointers(records[offset]) if symbol in ("@", "@i") and kind == "n"]  # noqa: E731
    return sorted(lemma for lemma, offsets in index.items() if WORD.match(lemma) and below(offsets[0], scene, parents))


def main() -> None:
    args = arguments(__doc__, ROOT / "factcheck" / "data")
    write_word_list(args.out / "relational_nouns.txt.gz", sorted({*case_roles(args.wordnet), *action_places(args.wordnet)}), "nouns")


if __name__ == "__main__":
    main()

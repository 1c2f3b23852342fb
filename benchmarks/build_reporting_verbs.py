"""Build factcheck/data/reporting_verbs.txt, the verbs that report what someone says, from the
WordNet 3.0 database files (Debian: `apt-get install wordnet-base`, /usr/share/wordnet).

    python benchmarks/build_reporting_verbs.py [--wordnet /usr/share/wordnet] [--out factcheck/data/reporting_verbs.txt]

A verb counts when one of its two most frequent senses (WordNet orders senses by frequency) sits in
the lexicographer file of communication (verb.communication) and takes the sentence frame
"Somebody ----s that CLAUSE": "say", "warn", "note", "insist", "vow", "deny", "concede", "boast";
not "sign", "call" or "ask" (no that-clause) nor "think" (cognition). The list only widens which
verbs may report; factcheck.attribution still asks the parse for what they report (a clause, a
quotation), so a verb of the list with a plain object ("note the date") attributes nothing.

The output is deterministic (one lemma a line, sorted).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from wordnet_files import ROOT, arguments, index_entries, write_word_list  # noqa: E402

COMMUNICATION = 32  # verb.communication, in WordNet's lexnames
THAT_CLAUSE = 26  # the generic frame "Somebody ----s that CLAUSE"
SENSES = 2
WORD = re.compile(r"^[a-z]+$")


def _synsets(path: Path) -> dict[int, tuple[int, list[str], dict[int, set[int]]]]:
    """offset -> (lexicographer file, words, frames by word number; 0 for frames of every word)."""
    found = {}
    for line in path.read_text(encoding="latin-1").splitlines():
        if line.startswith(" "):
            continue
        fields = line.split(" | ")[0].split()
        count = int(fields[3], 16)
        words = [fields[4 + 2 * k].lower() for k in range(count)]
        at = 4 + 2 * count
        at += 1 + 4 * int(fields[at])  # past the pointers
        frames: dict[int, set[int]] = {}
        if at < len(fields):
            for k in range(int(fields[at])):
                frame, word = int(fields[at + 2 + 3 * k]), int(fields[at + 3 + 3 * k], 16)
                frames.setdefault(word, set()).add(frame)
        found[int(fields[0])] = (int(fields[1]), words, frames)
    return found


def reporting_verbs(wordnet: Path) -> list[str]:
    synsets = _synsets(wordnet / "data.verb")
    found = []
    for lemma, offsets in index_entries(wordnet / "index.verb"):
        if not WORD.match(lemma):
            continue
        for offset in offsets[:SENSES]:
            lexfile, words, frames = synsets[offset]
            number = words.index(lemma) + 1 if lemma in words else 0
            if lexfile == COMMUNICATION and THAT_CLAUSE in frames.get(0, set()) | frames.get(number, set()):
                found.append(lemma)
                break
    return sorted(found)


def main() -> None:
    args = arguments(__doc__, ROOT / "factcheck" / "data" / "reporting_verbs.txt")
    write_word_list(args.out, reporting_verbs(args.wordnet), "verbs")


if __name__ == "__main__":
    main()

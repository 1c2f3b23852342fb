"""Build factcheck/data/reporting_verbs.txt, the verbs that report what someone says, from the
WordNet 3.0 database files (Debian: `apt-get install wordnet-base`, /usr/share/wordnet).

    python benchmarks/build_reporting_verbs.py [--wordnet /usr/share/wordnet] [--out factcheck/data/reporting_verbs.txt]

A verb counts when one of its two most frequent senses (WordNet orders senses by frequency) sits in
the lexicographer file of communication (verb.communication) and takes the sentence frame
"Somebody ----s that CLAUSE": "say", "warn", "note", "insist", "vow", "deny", "concede", "boast";
not "sign", "call" or "ask" (no that-clause) nor "think" (cognition).

A verb of reckoning counts too, since what it reckons is its subject's figure or forecast ("Acme
estimated earnings fell 50%", "analysts reckon prices will rise"): one of its two most frequent
senses sits in the lexicographer file of cognition (verb.cognition), takes the that-clause frame and
is, or is below, one of WordNet's synsets of reckoning: "calculate, compute, reckon, figure" (make a
mathematical calculation), "estimate, gauge, approximate" (judge tentatively) and "calculate,
estimate, reckon, forecast" (judge to be probable). So is a verb whose nominalisation in -ion
names, in its most frequent sense, a prediction or an estimate ("project": "projection", a
prediction made by extrapolating, a sense WordNet gives the noun and not the verb); not "believe"
or "think", which hold a view and say nothing. Such a verb's line is "LEMMA reckon": it reports
only a clause ("figured prominently in the debate" says nothing). The list only widens which
verbs may report; factcheck.attribution still asks the parse for what they report (a clause, a
quotation), so a verb of the list with a plain object ("note the date") attributes nothing.

The output is deterministic (one lemma a line, sorted; "LEMMA reckon" for a verb of reckoning).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from wordnet_files import ROOT, arguments, below, index_entries, synsets as hypernyms, write_word_list  # noqa: E402

COMMUNICATION = 32  # verb.communication, in WordNet's lexnames
COGNITION = 31  # verb.cognition
THAT_CLAUSE = 26  # the generic frame "Somebody ----s that CLAUSE"
SENSES = 2
WORD = re.compile(r"^[a-z]+$")
# The synsets of reckoning (verb.cognition), told by a member and their gloss.
RECKONING = (("calculate", "mathematical calculation"), ("estimate", "judge tentatively"), ("calculate", "judge to be probable"))
# The nouns a nominalisation of reckoning names (noun.cognition and noun.communication), by member and gloss.
ESTIMATES = (("prediction", "the act of predicting"), ("prediction", "a statement made about the future"), ("estimate", "an approximate calculation"))


def _verb_frames(path: Path) -> dict[int, tuple[int, list[str], dict[int, set[int]]]]:
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


def _picked(synsets: dict[int, tuple[int, list[str], list[int], str]], spec: tuple[tuple[str, str], ...]) -> set[int]:
    return {o for o, (_, words, _, gloss) in synsets.items() for word, said in spec if word in words and said in gloss}


def reporting_verbs(wordnet: Path) -> list[str]:
    synsets = _verb_frames(wordnet / "data.verb")
    verbs = hypernyms(wordnet / "data.verb")
    nouns = hypernyms(wordnet / "data.noun")
    reckoning, estimates = _picked(verbs, RECKONING), _picked(nouns, ESTIMATES)
    first_noun = {lemma: offsets[0] for lemma, offsets in index_entries(wordnet / "index.noun") if offsets}
    found = []
    for lemma, offsets in index_entries(wordnet / "index.verb"):
        if not WORD.match(lemma):
            continue
        for offset in offsets[:SENSES]:
            lexfile, words, frames = synsets[offset]
            number = words.index(lemma) + 1 if lemma in words else 0
            clause = THAT_CLAUSE in frames.get(0, set()) | frames.get(number, set())
            if clause and lexfile == COMMUNICATION:
                found.append(lemma)
                break
        else:
            stem = lemma[:-1] if lemma.endswith("e") else lemma
            nominal = next((first_noun[n] for n in (stem + "ion", stem + "ation") if n in first_noun), None)
            if any(synsets[o][0] == COGNITION and THAT_CLAUSE in _frames(synsets[o], lemma) and below(o, reckoning, lambda s: verbs[s][2]) for o in offsets[:SENSES]) or (
                nominal is not None and below(nominal, estimates, lambda s: nouns[s][2])
            ):
                found.append(f"{lemma} reckon")
    return sorted(found)


def _frames(synset: tuple[int, list[str], dict[int, set[int]]], lemma: str) -> set[int]:
    _, words, frames = synset
    return frames.get(0, set()) | frames.get(words.index(lemma) + 1 if lemma in words else 0, set())


def main() -> None:
    args = arguments(__doc__, ROOT / "factcheck" / "data" / "reporting_verbs.txt")
    write_word_list(args.out, reporting_verbs(args.wordnet), "verbs")


if __name__ == "__main__":
    main()

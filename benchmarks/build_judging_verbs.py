"""Build factcheck/data/judging_verbs.txt, the verbs that voice a judgement of their object, from the
WordNet 3.0 database files (Debian: `apt-get install wordnet-base`, /usr/share/wordnet).

    python benchmarks/build_judging_verbs.py [--wordnet /usr/share/wordnet] [--out factcheck/data/judging_verbs.txt]

A verb counts when its most frequent sense sits in the lexicographer file of communication
(verb.communication) below one of the synsets of voiced judgement: "criticize" (find fault with:
"condemn", "denounce", "deplore", "lash out", "rebuke"), "accuse" (blame for: "blame", "fault",
"malign") and "praise" (express approval of: "hail", "commend", "laud"), or below "reject" (refuse
to accept: "dismiss", "rebut", "repudiate"), which factcheck.attribution takes as voiced only with
the "as" of a characterisation ("dismissed the plan as selfish"), or is, or is right below, "request"
or "appeal" (ask for: "call for", "call on", "demand", "petition"), which it takes as voiced only by
a person or a body ("the plan calls for cuts" is what the plan holds). A line is "LEMMA", "LEMMA
reject" or "LEMMA request"; phrasal verbs keep WordNet's underscore ("lash_out"). Unlike the
reporting verbs (build_reporting_verbs.py), such a verb reports no clause: what the subject says is
the judgement itself, even of a person ("criticized the mayor", "accused them of fraud").

The output is deterministic (sorted).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from wordnet_files import ROOT, arguments, below, index_entries, synsets as read_synsets  # noqa: E402

COMMUNICATION = 32  # verb.communication, in WordNet's lexnames
COGNITION = 31
# The synsets of voiced judgement, told by lexicographer file, member and gloss.
JUDGING = ((COMMUNICATION, "criticize", "find fault"), (COMMUNICATION, "accuse", "blame for"), (COMMUNICATION, "praise", "approval"))
REJECTING = ((COGNITION, "reject", "refuse to accept"),)
REQUESTING = ((COMMUNICATION, "request", "express the need"), (COMMUNICATION, "appeal", "request earnestly"))
WORD = re.compile(r"^[a-z]+(?:_[a-z]+)?$")


def judging_verbs(wordnet: Path) -> list[str]:
    synsets = read_synsets(wordnet / "data.verb")
    pick = lambda spec: {o for o, (lex, words, _, gloss) in synsets.items() for f, w, g in spec if lex == f and w in words and g in gloss}  # noqa: E731
    judging, rejecting, requesting = pick(JUDGING), pick(REJECTING), pick(REQUESTING)
    found = []
    for lemma, offsets in index_entries(wordnet / "index.verb"):
        if not WORD.match(lemma) or not offsets or synsets[offsets[0]][0] != COMMUNICATION:
            continue
        if below(offsets[0], judging, lambda s: synsets[s][2]):
            found.append(lemma)
        elif below(offsets[0], rejecting, lambda s: synsets[s][2]):
            found.append(f"{lemma} reject")
        elif offsets[0] in requesting or set(synsets[offsets[0]][2]) & requesting:  # the synset or right below
            found.append(f"{lemma} request")
    return sorted(found)


def main() -> None:
    args = arguments(__doc__, ROOT / "factcheck" / "data" / "judging_verbs.txt")
    words = judging_verbs(args.wordnet)
    args.out.write_text("\n".join(words) + "\n", encoding="utf-8")
    print(f"{args.out}: {len(words)} verbs")


if __name__ == "__main__":
    main()

"""Build factcheck/data/shell_nouns.txt.gz, the nouns that name a course of action, a question, a
proposal or a penalty one party takes, puts or pays, from the WordNet 3.0 database files (Debian:
`apt-get install wordnet-base`, /usr/share/wordnet).

    python benchmarks/build_shell_nouns.py [--wordnet /usr/share/wordnet] [--out factcheck/data/shell_nouns.txt.gz]

A bare "the plan", "the move", "the deal", "the proposal", "the issue", "the fine" in a claim
stands for one the story told of, often in other words ("wants to buy X" before "the deal",
"will cost it 5 million marks" before "the fine"), which a reader of the claim alone cannot tell.
Unlike "the economy", "the market" or "the government", the setting has no one of them. A noun
counts when its most frequent sense (WordNet orders senses by frequency) is, or is under, one of
these synsets: a plan of action ("plan", "program", "policy", "scheme"), a chosen action ("move",
"measure", "decision", "step"), a transaction ("deal", "sale", "transaction"), a speech act or a
message that proposes ("offer", "order", "proposal", "agreement"), a question at issue ("issue",
"matter", "question"), a penalty ("fine"). Not an activity ("market", "project"), a group or a
state ("economy", "government", "crisis").

The output is deterministic (one lemma a line, sorted, gzip without a timestamp).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from wordnet_files import ROOT, arguments, nouns_below, write_word_list  # noqa: E402

# (lemma, sense number counting from 1) of each root: the sense whose gloss is the kind above.
ROOTS = (
    ("plan", 1),  # a series of steps to be carried out
    ("action", 1),  # something done: move, measure, decision, step
    ("transaction", 1),  # deal, sale
    ("speech_act", 1),  # offer, order, request
    ("proposal", 1),  # something proposed
    ("message", 2),  # what a communication is about: agreement, statement, proposal
    ("issue", 1),  # an important question in dispute
    ("matter", 1),  # a problem: the matter, the affair
    ("question", 2),  # a matter under discussion
    ("penalty", 1),  # the act of punishing
    ("penalty", 2),  # a payment required for not keeping to terms: fine
)
def shell_nouns(wordnet: Path) -> list[str]:
    return nouns_below(wordnet, ROOTS)


def main() -> None:
    args = arguments(__doc__, ROOT / "factcheck" / "data" / "shell_nouns.txt.gz")
    write_word_list(args.out, shell_nouns(args.wordnet), "nouns")


if __name__ == "__main__":
    main()

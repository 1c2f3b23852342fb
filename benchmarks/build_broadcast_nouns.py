"""Build factcheck/data/broadcast_nouns.txt.gz, the nouns that name a radio or television broadcast,
and beside it newsroom_nouns.txt.gz, the nouns that name a journalist or a broadcaster, from the
WordNet 3.0 database files (Debian: `apt-get install wordnet-base`, /usr/share/wordnet).

    python benchmarks/build_broadcast_nouns.py [--wordnet /usr/share/wordnet] [--out factcheck/data/broadcast_nouns.txt.gz]

A transcript's teaser places itself in the programme ("At the end of the broadcast this evening,
one more trip around ..."): it tells what the programme will show, not what happened
(factcheck/transcripts.py). A noun counts when its most frequent sense (WordNet orders senses by
frequency) is, or is under, a message transmitted by radio or television or a radio or
television show: "broadcast", "newscast", "telecast"; not "program" or "report", whose most
frequent senses are a plan and a document.

A pasted transcript's speaker label names who speaks: "RUTH ABARA, DUNMORE COUNCIL:" a guest, whose
words are hers; "NADIA OKAFOR, CNN CORRESPONDENT:" the programme's own reporter, whose narration is
the outlet's. A noun counts as the newsroom's when one of its three most frequent senses is, or
is under, a journalist, a reporter or a broadcaster: "correspondent", "reporter", "anchor"
(its third sense), "newscaster", "announcer".

The output is deterministic (one lemma a line, sorted, gzip without a timestamp).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from wordnet_files import ROOT, arguments, nouns_below, write_word_list  # noqa: E402

# (lemma, sense number counting from 1) of each root.
ROOTS = (
    ("broadcast", 1),  # message that is transmitted by radio or television
    ("broadcast", 2),  # a radio or television show
)


def broadcast_nouns(wordnet: Path) -> list[str]:
    return nouns_below(wordnet, ROOTS)


NEWSROOM = (
    ("journalist", 1),  # a writer for newspapers and magazines
    ("reporter", 1),  # a person who investigates and reports or edits news stories
    ("broadcaster", 1),  # someone who broadcasts on radio or television
)


def newsroom_nouns(wordnet: Path) -> list[str]:
    return nouns_below(wordnet, NEWSROOM, senses=3)


def main() -> None:
    args = arguments(__doc__, ROOT / "factcheck" / "data" / "broadcast_nouns.txt.gz")
    write_word_list(args.out, broadcast_nouns(args.wordnet), "nouns")
    write_word_list(args.out.with_name("newsroom_nouns.txt.gz"), newsroom_nouns(args.wordnet), "nouns")


if __name__ == "__main__":
    main()

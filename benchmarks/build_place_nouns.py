"""Build factcheck/data/place_nouns.txt.gz, the nouns whose most frequent sense is a region, an
area, a territory or a country as a place, from the WordNet 3.0 database files (Debian:
`apt-get install wordnet-base`, /usr/share/wordnet).

    python benchmarks/build_place_nouns.py [--wordnet /usr/share/wordnet] [--out factcheck/data/place_nouns.txt.gz]

A bare "the region", "the area", "the territory" in a claim stands for a place the story named
("troops in the region": the Persian Gulf), which a reader of the claim alone cannot tell. A noun
counts when its most frequent sense IS one of these synsets (not one under them: "city", "scene",
"border" and "desert" are kinds of a place a story speaks of without naming it first).

The output is deterministic (one lemma a line, sorted, gzip without a timestamp).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from wordnet_files import ROOT, arguments, index_entries, write_word_list  # noqa: E402

# (lemma, sense number counting from 1) of each synset: the sense whose gloss is a place.
ROOTS = (
    ("region", 1),  # the extended spatial location of something
    ("region", 3),  # a large indefinite location on the surface of the Earth
    ("area", 1),  # a particular geographical region of indefinite boundary
    ("territory", 1),  # a region marked off for administrative or other purposes: district
    ("country", 1),  # a politically organized body of people under a single government: nation
    ("country", 2),  # the territory occupied by a nation
)


def place_nouns(wordnet: Path) -> list[str]:
    entries = dict(index_entries(wordnet / "index.noun"))
    roots = {entries[lemma][sense - 1] for lemma, sense in ROOTS}
    return sorted(lemma for lemma, offsets in entries.items() if "_" not in lemma and offsets and offsets[0] in roots)


def main() -> None:
    args = arguments(__doc__, ROOT / "factcheck" / "data" / "place_nouns.txt.gz")
    write_word_list(args.out, place_nouns(args.wordnet), "nouns")


if __name__ == "__main__":
    main()

"""Reading the WordNet 3.0 database files (Debian's `wordnet-base`, /usr/share/wordnet) and writing
the word lists built from them, for the build_*_nouns.py and build_reporting_verbs.py scripts."""

from __future__ import annotations

import argparse
import gzip
import io
import re
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path


ROOT = Path(__file__).resolve().parent.parent


def arguments(description: str, out: Path) -> argparse.Namespace:
    """--wordnet (the database folder) and --out (default `out`), for a build script's main()."""
    ap = argparse.ArgumentParser(description=description.splitlines()[0])
    ap.add_argument("--wordnet", type=Path, default=Path("/usr/share/wordnet"))
    ap.add_argument("--out", type=Path, default=out)
    return ap.parse_args()


def index_entries(path: Path) -> Iterator[tuple[str, list[int]]]:
    """(lemma, the offsets of its synsets, most frequent sense first) for each line of an index file."""
    for line in path.read_text(encoding="latin-1").splitlines():
        if line.startswith(" "):
            continue  # the licence at the top
        fields = line.split()
        pointers, synsets = int(fields[3]), int(fields[2])
        yield fields[0], [int(o) for o in fields[4 + pointers + 2 : 4 + pointers + 2 + synsets]]


def write_word_list(path: Path, words: list[str], kind: str) -> None:
    """One word a line; gzip without a timestamp when the name ends in .gz, so a rebuild is byte for byte."""
    data = "\n".join(words).encode() + b"\n"
    if path.suffix == ".gz":
        buffer = io.BytesIO()
        with gzip.GzipFile(fileobj=buffer, mode="wb", mtime=0, compresslevel=9) as out:
            out.write(data)
        data = buffer.getvalue()
    path.write_bytes(data)
    print(f"{path}: {len(words)} {kind}, {len(data):,} bytes")


def below(offset: int, roots: set[int], parents: Callable[[int], list[int]]) -> bool:
    """Whether the synset at `offset` is one of `roots` or under one, following `parents` (its
    hypernyms) upward."""
    seen, frontier = set(), [offset]
    while frontier:
        o = frontier.pop()
        if o in roots:
            return True
        if o not in seen:
            seen.add(o)
            frontier.extend(parents(o))
    return False


def synsets(path: Path) -> dict[int, tuple[int, list[str], list[int], str]]:
    """A WordNet data file (data.noun, data.verb): offset -> (lexicographer file, words, hypernym
    offsets, gloss)."""
    found = {}
    for line in path.read_text(encoding="latin-1").splitlines():
        if line.startswith(" "):
            continue
        head, _, gloss = line.partition(" | ")
        fields = head.split()
        count = int(fields[3], 16)
        words = [fields[4 + 2 * k].lower() for k in range(count)]
        at = 4 + 2 * count
        pointers = [(fields[at + 1 + 4 * k], int(fields[at + 2 + 4 * k])) for k in range(int(fields[at]))]
        found[int(fields[0])] = (int(fields[1]), words, [o for symbol, o in pointers if symbol == "@"], gloss)
    return found


_WORD = re.compile(r"^[a-z][a-z-]*$")  # one lower-case word, hyphens allowed: no names, no phrases


def nouns_below(wordnet: Path, roots: Sequence[tuple[str, int]], senses: int = 1) -> list[str]:
    """The one-word nouns one of whose `senses` most frequent senses is, or is under, one of
    `roots` ((lemma, sense number counting from 1)), sorted."""
    nouns = synsets(wordnet / "data.noun")
    index = dict(index_entries(wordnet / "index.noun"))
    offsets = {index[lemma][sense - 1] for lemma, sense in roots}
    return sorted(lemma for lemma, found in index.items() if _WORD.match(lemma) and any(below(o, offsets, lambda x: nouns[x][2]) for o in found[:senses]))

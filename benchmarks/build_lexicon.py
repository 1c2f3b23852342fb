"""Build factcheck/data/lexicon.json.gz, the synonym and antonym table of factcheck.faithfulness,
from the WordNet 3.0 database files (Debian: `apt-get install wordnet-base`, /usr/share/wordnet).

    python benchmarks/build_lexicon.py [--wordnet /usr/share/wordnet] [--out factcheck/data/lexicon.json.gz]

The output is deterministic (sorted keys, synsets numbered in file order, gzip without a timestamp),
so rebuilding from the same WordNet gives the same bytes.

What is kept, and why (WordNet is sense-blind; a checker that took every sense would let "fire"
stand for "sack" and "charge" for "bang"):

- single-word lemmas only (the checker aligns tokens);
- for each lemma and part of speech, its *frequent* senses: WordNet orders senses by their SemCor
  count (cntlist.rev). Sense 1 is kept when it was seen in SemCor or the lemma has at most two
  senses; senses 2 and 3 are kept when counted at least 3 times and at least a third as often as
  sense 1. Two words are synonyms for the checker only when they share a synset kept for both;
- synsets left with a single kept lemma are dropped (they make no synonym);
- antonyms: WordNet's direct antonym pairs ("!" between words), for all senses (the checker only
  asks about a word the sentences do not have, so a wide net only names a reason better), plus the
  indirect ones of adjectives: a satellite ("wealthy", similar to "rich") is opposed to the
  head's antonym ("poor").
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import re
from collections import defaultdict
from pathlib import Path

POS_FILES = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}
CNT_POS = {"1": "n", "2": "v", "3": "a", "4": "r", "5": "a"}
WORD = re.compile(r"^[a-z][a-z-]*$")


def read_index(path: Path) -> dict[str, list[int]]:
    """lemma -> synset offsets, most frequent sense first."""
    senses = {}
    for line in path.read_text(encoding="latin-1").splitlines():
        if line.startswith(" "):
            continue
        fields = line.split()
        lemma, p_cnt = fields[0], int(fields[3])
        rest = fields[4 + p_cnt :]
        synset_cnt = int(fields[2])
        senses[lemma] = [int(o) for o in rest[2 : 2 + synset_cnt]]
    return senses


def read_counts(path: Path) -> dict[tuple[str, str, int], int]:
    """(lemma, pos, sense number) -> SemCor count."""
    counts = {}
    for line in path.read_text(encoding="latin-1").splitlines():
        key, number, count = line.split()
        lemma, rest = key.split("%", 1)
        pos = CNT_POS[rest[0]]
        counts[(lemma.lower(), pos, int(number))] = counts.get((lemma.lower(), pos, int(number)), 0) + int(count)
    return counts


def read_data(path: Path):
    """offset -> (words, pointers) with pointers as (symbol, offset, pos, source word, target word)."""
    synsets = {}
    for line in path.read_text(encoding="latin-1").splitlines():
        if line.startswith(" "):
            continue
        fields = line.split(" | ")[0].split()
        offset, w_cnt = int(fields[0]), int(fields[3], 16)
        words = [re.sub(r"\(.*\)$", "", fields[4 + 2 * i]).lower() for i in range(w_cnt)]
        at = 4 + 2 * w_cnt
        p_cnt = int(fields[at])
        pointers = []
        for i in range(p_cnt):
            symbol, target, pos, st = fields[at + 1 + 4 * i : at + 5 + 4 * i]
            pointers.append((symbol, int(target), "a" if pos == "s" else pos, int(st[:2], 16), int(st[2:], 16)))
        synsets[offset] = (words, pointers)
    return synsets


def kept_senses(offsets: list[int], counts: dict, lemma: str, pos: str) -> list[int]:
    first = counts.get((lemma, pos, 1), 0)
    kept = []
    if first > 0 or len(offsets) <= 2:
        kept.append(offsets[0])
    for number, offset in enumerate(offsets[1:3], start=2):
        count = counts.get((lemma, pos, number), 0)
        if count >= 3 and count * 3 >= first:
            kept.append(offset)
    return kept


def build(wordnet: Path) -> dict:
    counts = read_counts(wordnet / "cntlist.rev")
    members: dict[tuple[str, int], set[str]] = defaultdict(set)
    lemma_synsets: dict[str, list[tuple[str, int]]] = {}
    data = {pos: read_data(wordnet / f"data.{name}") for pos, name in POS_FILES.items()}
    for pos, name in POS_FILES.items():
        for lemma, offsets in read_index(wordnet / f"index.{name}").items():
            if not WORD.match(lemma):
                continue
            kept = kept_senses(offsets, counts, lemma, pos)
            lemma_synsets[f"{lemma}|{pos}"] = [(pos, o) for o in kept]
            for o in kept:
                members[(pos, o)].add(lemma)
    shared = sorted(s for s, lemmas in members.items() if len(lemmas) >= 2)
    number = {s: i for i, s in enumerate(shared)}
    senses = {}
    for key in sorted(lemma_synsets):
        ids = sorted(number[s] for s in lemma_synsets[key] if s in number)
        if ids:
            senses[key] = ids
    antonyms = set()
    for pos, synsets in data.items():
        for offset, (words, pointers) in synsets.items():
            for symbol, target, tpos, source, dest in pointers:
                if symbol != "!" or not source or not dest:
                    continue
                a = words[source - 1]
                b = data[tpos][target][0][dest - 1]
                if WORD.match(a) and WORD.match(b):
                    antonyms.add(tuple(sorted((a, b))))
                    if pos == "a":  # satellites of each side oppose the other side
                        for sym, sat, _, _, _ in synsets[offset][1]:
                            if sym == "&":
                                for word in data["a"][sat][0]:
                                    if WORD.match(word) and word != b:
                                        antonyms.add(tuple(sorted((word, b))))
    return {"source": "WordNet 3.0", "senses": senses, "antonyms": sorted(antonyms)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--wordnet", type=Path, default=Path("/usr/share/wordnet"))
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent.parent / "factcheck" / "data" / "lexicon.json.gz")
    args = parser.parse_args()
    if not (args.wordnet / "data.noun").exists():
        raise SystemExit(f"no WordNet database in {args.wordnet}: apt-get install wordnet-base")
    table = build(args.wordnet)
    raw = json.dumps(table, sort_keys=True, separators=(",", ":")).encode()
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", mtime=0, compresslevel=9) as out:
        out.write(raw)
    args.out.write_bytes(buffer.getvalue())
    print(f"{args.out}: {len(table['senses'])} lemmas with synonyms, {len(table['antonyms'])} antonym pairs, {len(buffer.getvalue())} bytes")


if __name__ == "__main__":
    main()

"""Build factcheck/data/lexicon.tsv.gz, the synonym and antonym table of factcheck.faithfulness,
from the WordNet 3.0 database files (Debian: `apt-get install wordnet-base`, /usr/share/wordnet).

    python benchmarks/build_lexicon.py [--wordnet /usr/share/wordnet] [--out factcheck/data/lexicon.tsv.gz]

The output is deterministic (sorted keys, synsets numbered in file order, gzip without a timestamp),
so rebuilding from the same WordNet gives the same bytes.

The format is chosen to load fast, because every `factcheck` run pays for it: one line per word,
the tables already merged over parts of speech the way the checker asks for them,

    word<TAB>senses<TAB>broader<TAB>rare<TAB>antonyms

with synset ids comma-separated, `rare` as `pos:ids` groups joined by `;`, `antonyms` as the
opposite words (both directions) comma-separated, and an empty field for none. The checker reads
the lines into a dict keyed by word and decodes a word's fields only when it is asked about it
(decoding the whole table and building a set per word took ~0.4 s of CPU per run).

What is kept, and why (WordNet is sense-blind; a checker that took every sense would let "fire"
stand for "sack" and "charge" for "bang"):

- single-word lemmas only (the checker aligns tokens);
- for each lemma and part of speech, its *frequent* senses: WordNet orders senses by their SemCor
  count (cntlist.rev). Sense 1 is kept when it was seen in SemCor or the lemma has at most two
  senses; senses 2 and 3 are kept when counted at least 3 times and at least a third as often as
  sense 1. Two words are synonyms for the checker only when they share a synset kept for both;
- synsets left with a single kept lemma are dropped (they make no synonym), unless they are a
  hypernym of a kept sense: a statement may use the more general word ("informed" for "told"),
  never the more specific one. A verb's hypernyms up to two levels ("rise" -> "grow" ->
  "increase"), a noun's one level only (nouns turn generic fast: "fighter" -> "combatant" ->
  "person"); a satellite adjective's head ("big" for "massive"), never a head's satellites;
- `rare`: a verb's, adjective's or adverb's other senses seen at least once in SemCor. A
  statement's word in its frequent sense may name one ("decreased", whose first sense holds
  "fall", for "fell"; "significant" for "important"); not for nouns, where a noun brought in from
  elsewhere would too often meet some rare sense;
- antonyms: WordNet's direct antonym pairs ("!" between words), for all senses (the checker only
  asks about a word the sentences do not have, so a wide net only names a reason better), plus the
  indirect ones of adjectives: a satellite ("wealthy", similar to "rich") is opposed to the
  head's antonym ("poor").
"""

from __future__ import annotations

import argparse
import gzip
import io
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


MAX_SENSE = 3  # senses after the third are rare in news
MIN_SHARE = 6  # a later sense is kept when counted at least 1/MIN_SHARE as often as the first


def kept_senses(offsets: list[int], counts: dict, lemma: str, pos: str) -> list[int]:
    first = counts.get((lemma, pos, 1), 0)
    kept = []
    if first > 0 or len(offsets) <= 2:
        kept.append(offsets[0])
    for number, offset in enumerate(offsets[1:MAX_SENSE], start=2):
        count = counts.get((lemma, pos, number), 0)
        if count >= 3 and count * MIN_SHARE >= first:
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
    # A statement may say the more general word: "rose" -> "increased", "told" -> "informed". So each
    # kept sense also lists its hypernyms ("@"): a verb's up to two levels ("rise" -> "grow" ->
    # "increase"), a noun's one (nouns grow generic fast: "fighter" -> "combatant" -> "person").
    # A satellite adjective lists its head ("big" for "massive"), never the reverse: a head does not
    # support its satellites ("massive" would slip in where the sentences say "big").
    def up(pos: str, offset: int) -> list[tuple[str, int]]:
        return [(tpos, target) for symbol, target, tpos, _, _ in data[pos][offset][1] if symbol in ("@", "@i")]

    satellites = {int(line.split()[0]) for line in (wordnet / "data.adj").read_text(encoding="latin-1").splitlines()
                  if not line.startswith(" ") and line.split()[2] == "s"}

    def head(pos: str, offset: int) -> list[tuple[str, int]]:
        if pos != "a" or offset not in satellites:
            return []
        return [(tpos, target) for symbol, target, tpos, _, _ in data[pos][offset][1] if symbol == "&"]

    related: dict[tuple[str, int], set[tuple[str, int]]] = {}
    for (pos, offset) in members:
        first = up(pos, offset)
        second = {h for p, o in first for h in up(p, o)} if pos == "v" else set()
        related[(pos, offset)] = set(first) | second | set(head(pos, offset))
    # A verb, adjective or adverb in its frequent sense may also stand for a source word in one of
    # its rarer senses seen in SemCor: "decreased" (whose first sense holds "fall") for "fell",
    # "significant" for "important". Not nouns: a noun from elsewhere would too often meet one.
    seen: dict[str, list[tuple[str, int]]] = {}
    for pos, name in POS_FILES.items():
        if pos == "n":
            continue
        for lemma, offsets in read_index(wordnet / f"index.{name}").items():
            if WORD.match(lemma):
                seen[f"{lemma}|{pos}"] = [(pos, o) for n, o in enumerate(offsets, start=1) if counts.get((lemma, pos, n), 0) > 0]
    useful = {s for s, lemmas in members.items() if len(lemmas) >= 2}
    useful |= {h for hs in related.values() for h in hs if h in members}
    number = {s: i for i, s in enumerate(sorted(useful))}
    senses, broader, rare = {}, {}, {}
    for key in sorted(lemma_synsets):
        ids = sorted(number[s] for s in lemma_synsets[key] if s in number)
        if ids:
            senses[key] = ids
        wider = sorted({number[h] for s in lemma_synsets[key] for h in related.get(s, ()) if h in number})
        if wider:
            broader[key] = wider
        other = sorted({number[s] for s in seen.get(key, ()) if s in number} - set(ids))
        if other:
            rare[key] = other
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
    return {"source": "WordNet 3.0", "senses": senses, "broader": broader, "rare": rare, "antonyms": sorted(antonyms)}


def rows(table: dict) -> list[str]:
    """One line per word (see the module's docstring): senses and broader merged over parts of
    speech ("|n", "|v"...), rare kept by part of speech, antonyms listed under both words."""
    merged: dict[str, dict] = defaultdict(lambda: {"senses": set(), "broader": set(), "rare": {}, "antonyms": set()})
    for name in ("senses", "broader"):
        for key, ids in table[name].items():
            merged[key.split("|")[0]][name].update(ids)
    for key, ids in table["rare"].items():
        word, pos = key.split("|")
        merged[word]["rare"][pos] = ids
    for a, b in table["antonyms"]:
        merged[a]["antonyms"].add(b)
        merged[b]["antonyms"].add(a)

    def ids(values) -> str:
        return ",".join(str(i) for i in sorted(values))

    lines = []
    for word in sorted(merged):
        entry = merged[word]
        rare = ";".join(f"{pos}:{ids(entry['rare'][pos])}" for pos in sorted(entry["rare"]))
        lines.append("\t".join((word, ids(entry["senses"]), ids(entry["broader"]), rare, ",".join(sorted(entry["antonyms"])))))
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--wordnet", type=Path, default=Path("/usr/share/wordnet"))
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent.parent / "factcheck" / "data" / "lexicon.tsv.gz")
    args = parser.parse_args()
    if not (args.wordnet / "data.noun").exists():
        raise SystemExit(f"no WordNet database in {args.wordnet}: apt-get install wordnet-base")
    table = build(args.wordnet)
    lines = [f"# {table['source']} (Princeton; licence in WORDNET-LICENSE), built by benchmarks/build_lexicon.py", *rows(table)]
    raw = ("\n".join(lines) + "\n").encode()
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", mtime=0, compresslevel=9) as out:
        out.write(raw)
    args.out.write_bytes(buffer.getvalue())
    print(f"{args.out}: {len(table['senses'])} lemmas with synonyms, {len(table['antonyms'])} antonym pairs, {len(buffer.getvalue())} bytes")


if __name__ == "__main__":
    main()

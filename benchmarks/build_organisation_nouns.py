"""Build factcheck/data/organisation_nouns.tsv.gz, the nouns for a kind of organisation and the
kinds they belong to, from the WordNet 3.0 database files (Debian: `apt-get install wordnet-base`,
/usr/share/wordnet).

    python benchmarks/build_organisation_nouns.py [--wordnet /usr/share/wordnet] [--out factcheck/data]

"In fiscal 1988, the company earned $17.3 million" names no company; the one the story named
("Oshkosh Truck Corp.") is meant when it is the only organisation of that kind named before.
Which kind a name is, its last word says ("Chase Manhattan Bank", "the Labor Department", "Pan
American World Airways") or WordNet knows the name itself ("Congress", "NATO"); whether "the bank",
"the agency" or "the maker" may name it, WordNet's hypernyms say: "Bank" is a kind of bank, a
"Corporation" a kind of firm, "Airlines" a kind of carrier; a "Commission" is no company.

One line per lemma (lower case, spaces as "_") that has a sense under social_group.n.01 (an
organisation, "organization" among its kinds, or another group: "Congress" is a legislature):
the lemma, a tab, then per such sense (most frequent first, separated by tabs) its rank among the
lemma's senses and the lemmas of the synset and of all its hypernyms below social_group, space
separated, a "$" among them when the sense is a business (under enterprise, company or financial
institution: what a corporate name's "Corp." or "Inc." makes it). The output is deterministic (sorted, gzip without a timestamp).
"""

from __future__ import annotations

import gzip
import io
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from wordnet_files import ROOT, arguments, index_entries  # noqa: E402

GROUP = "social_group"
# The synsets whose hyponyms a business's name may be: a firm, a company, a bank or an insurer.
BUSINESS = ("enterprise", "company", "financial_institution")


def synsets(wordnet: Path) -> dict[int, tuple[list[str], list[int]]]:
    """Every noun synset: its lemmas (lower case) and the offsets of its hypernyms (instance ones too)."""
    found = {}
    for line in (wordnet / "data.noun").read_text(encoding="latin-1").splitlines():
        if line.startswith(" "):
            continue
        fields = line.split()
        count = int(fields[3], 16)
        lemmas = [fields[4 + 2 * k].lower().split("(")[0] for k in range(count)]
        pointers_at = 4 + 2 * count
        pointers = fields[pointers_at + 1 : pointers_at + 1 + 4 * int(fields[pointers_at])]
        hypernyms = [int(pointers[4 * k + 1]) for k in range(len(pointers) // 4) if pointers[4 * k] in ("@", "@i") and pointers[4 * k + 2] == "n"]
        found[int(fields[0])] = (lemmas, hypernyms)
    return found


def above(offset: int, found: dict[int, tuple[list[str], list[int]]]) -> list[int]:
    """`offset` and all its hypernyms, nearest first."""
    order, stack = [], [offset]
    while stack:
        current = stack.pop(0)
        if current not in order:
            order.append(current)
            stack.extend(found[current][1])
    return order


def kinds(offset: int, found: dict[int, tuple[list[str], list[int]]], root: int, business: set[int]) -> list[str] | None:
    """The lemmas of `offset` and of its hypernyms below the synset `root`, with "$" when one of
    them is a `business` synset; None when it is not below `root`."""
    chain = above(offset, found)
    if root not in chain or offset == root:
        return None
    below = [o for o in chain if root in above(o, found) and o != root]
    lemmas = list(dict.fromkeys(w for o in below for w in found[o][0]))
    return lemmas + ["$"] if business & set(below) else lemmas


def lines(wordnet: Path) -> list[str]:
    found = synsets(wordnet)
    index = dict(index_entries(wordnet / "index.noun"))
    root = index[GROUP][0]  # social_group.n.01: "people sharing some social relation"
    # Each business word's first sense that is a group (enterprise.n.02, not the undertaking).
    business = {next(o for o in index[w] if root in above(o, found)) for w in BUSINESS}
    out = []
    for lemma, offsets in index.items():
        senses = [f"{rank} {' '.join(k)}" for rank, o in enumerate(offsets) if (k := kinds(o, found, root, business)) is not None]
        if senses:
            out.append(f"{lemma}\t" + "\t".join(senses))
    return sorted(out)


def main() -> None:
    args = arguments(__doc__, ROOT / "factcheck" / "data")
    rows = lines(args.wordnet)
    data = "\n".join(rows).encode() + b"\n"
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", mtime=0, compresslevel=9) as out:
        out.write(data)
    path = args.out / "organisation_nouns.tsv.gz"
    path.write_bytes(buffer.getvalue())
    print(f"{path}: {len(rows)} nouns, {len(buffer.getvalue()):,} bytes")


if __name__ == "__main__":
    main()

"""Build factcheck/data/owned_nouns.txt.gz, the nouns of a sum of money that someone takes in or
makes ("revenue", "sales", "earnings", "profit", "income", "proceeds"), from the WordNet 3.0
database files (Debian: `apt-get install wordnet-base`, /usr/share/wordnet).

    python benchmarks/build_owned_nouns.py [--wordnet /usr/share/wordnet] [--out factcheck/data]

"Revenue rose 15%", "Net income was $5 million": an earnings report names its company in an
earlier sentence and then tells its figures with no owner, which a claim standing alone must give
(referents.resolve_owner). A noun counts when its most frequent sense is, by hypernyms, a "sum of
money" (WordNet: "a quantity of money": gross, income, financial gain, net income, gross sales) and
none of its three most frequent senses is an act, an event, a process or a communication
("cleanup", "take", "coverage" are more often those), and it is not a word for the sum itself
("amount", "sum": the amount of a deal is no one's takings). Multi-word lemmas are left out: the parse
gives a phrase's head ("net income" is "income").

The output is deterministic (one lemma a line, sorted, gzip without a timestamp).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_number_nouns import synsets  # noqa: E402
from wordnet_files import ROOT, arguments, index_entries, write_word_list  # noqa: E402

SUM_OF_MONEY = 13331198  # sum, sum of money, amount, amount of money (a quantity of money), noun.possession
ACT, COMMUNICATION, EVENT, PROCESS = 4, 10, 11, 22  # WordNet's lexnames
SENSES = 3
WORD = re.compile(r"^[a-z][a-z-]*$")


def owned_nouns(wordnet: Path) -> list[str]:
    table = synsets(wordnet)

    def is_sum(offset: int) -> bool:
        seen, todo = set(), [offset]
        while todo:
            at = todo.pop()
            if at == SUM_OF_MONEY:
                return True
            if at not in seen:
                seen.add(at)
                todo.extend(table[at][1])
        return False

    return sorted(
        lemma for lemma, offsets in index_entries(wordnet / "index.noun")
        if WORD.match(lemma) and offsets[0] != SUM_OF_MONEY and is_sum(offsets[0]) and not any(table[o][0] in (ACT, COMMUNICATION, EVENT, PROCESS) for o in offsets[:SENSES])
    )


def main() -> None:
    args = arguments(__doc__, ROOT / "factcheck" / "data")
    write_word_list(args.out / "owned_nouns.txt.gz", owned_nouns(args.wordnet), "nouns")


if __name__ == "__main__":
    main()

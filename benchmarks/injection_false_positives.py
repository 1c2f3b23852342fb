"""How often the detector of text addressed to a model (factcheck/injection.py) fires on real,
ordinary text: the news of TempEval-3 (TimeBank, AQUAINT) and the debates of CLEF-2019 CheckThat!.

    python benchmarks/injection_false_positives.py [../shared/eval]

Every sentence it flags is printed: each one is a false positive, since none of this text was
written for a model. Read in place, never copied into the repository.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from factcheck import injection
from factcheck.article import split_sentences

ROOT = Path(__file__).resolve().parent.parent
EVAL = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "eval"


def news_sentences() -> list[str]:
    found = []
    for corpus in ("TimeBank", "AQUAINT"):
        for path in sorted((EVAL / "tempeval3-tbaq" / corpus).glob("*.tml")):
            text = re.search(r"<TEXT>(.*?)</TEXT>", path.read_text(encoding="utf-8"), re.S)
            plain = re.sub(r"<[^>]+>", "", text.group(1)) if text else ""
            found += [s.text for s in split_sentences(plain)]
    return found


def debate_sentences() -> list[str]:
    found = []
    for path in sorted((EVAL / "clef2019-checkworthiness" / "training").glob("*.tsv")):
        for line in path.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) >= 3:
                found.append(parts[2])
    return found


def main() -> None:
    for name, sentences in (("news (TempEval-3 TimeBank + AQUAINT)", news_sentences()), ("debates (CLEF-2019)", debate_sentences())):
        flagged = [(s, injection.matches(s)) for s in sentences]
        flagged = [(s, m) for s, m in flagged if m]
        print(f"{name}: {len(flagged)} of {len(sentences)} sentences flagged ({len(flagged) / max(1, len(sentences)):.3%})")
        for sentence, found in flagged:
            print(f"  {found}: {sentence[:160]}")


if __name__ == "__main__":
    main()

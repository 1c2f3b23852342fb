"""TempEval-3-style evaluation of factcheck.dates on TimeBank and AQUAINT, plus a speed comparison.

Run on demand:  python benchmarks/tempeval.py [--root DIR] [--only CORPUS] [--errors N] [--no-speed]
                                               [--dateparser-docs N]

Targets (issue 3): value F1 >= 82 and relaxed span F1 >= 91 on both corpora; tag at least 20x the
throughput of dateparser; the whole TimeBank corpus in under 2 CPU seconds.

For each .tml file the TimeML tags are stripped from <TEXT>, the plain text and the creation date
(the CREATION_TIME TIMEX3 in <DCT>) go to ``tag``, and the predictions are matched one-to-one to the
gold TIMEX3 of the text (the creation time is not in <TEXT>, so it is excluded). Scores, as in
TempEval-3: strict span F1 (identical offsets), relaxed span F1 (any overlap), and value / type F1,
where a prediction counts only if it relaxed-matches a gold TIMEX3 *and* has the same attribute;
precision is over all predictions and recall over all gold expressions.

The corpora are read in place (default: ../shared/eval/tempeval3-tbaq next to the repository); they are
evaluation data and must not be copied into the repository.

Speed: ``tag`` and ``dateparser.search.search_dates`` run over the same texts in one run, and the
script prints CPU seconds for each and the throughput ratio (dateparser is a benchmark-only
dependency).
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from factcheck.dates import tag, timeml  # noqa: E402
from factcheck.dates.tagger import _tag_short  # noqa: E402
from summarize_local import EVAL_DIR as DEFAULT_ROOT  # noqa: E402  (beside the checkout or the worktrees)
from timeml_corpus import read as read_timeml  # noqa: E402


def tag_uncached(text: str, dct: dt.date):
    """``tag`` as it runs on a text it has not seen: it caches short texts for the grounding checks,
    and a timing that hit that cache would measure a dictionary look-up."""
    _tag_short.cache_clear()
    return tag(text, dct)


@dataclass
class Doc:
    name: str
    dct: dt.date
    text: str
    gold: list[tuple[int, int, str, str]]  # start, end, type, value


def load(path: Path) -> Doc:
    """Plain <TEXT> with the gold TIMEX3 as offsets into it (entities in the XML are unescaped)."""
    doc = read_timeml(path)
    return Doc(doc.name, doc.dct, doc.text, [(t.start, t.end, t.attrs["type"], t.attrs["value"]) for t in doc.each("TIMEX3")])


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return min(a[1], b[1]) - max(a[0], b[0])


def match(pred, gold):
    """One-to-one pairs (pred index, gold index) of overlapping spans, largest overlap first."""
    pairs = sorted(
        ((_overlap((p.start, p.end), g[:2]), i, j) for i, p in enumerate(pred) for j, g in enumerate(gold)
         if _overlap((p.start, p.end), g[:2]) > 0),
        reverse=True,
    )
    used_p, used_g, out = set(), set(), []
    for _, i, j in pairs:
        if i not in used_p and j not in used_g:
            used_p.add(i), used_g.add(j), out.append((i, j))
    return out


# Spellings of one TIMEX3 value that the two corpora write differently: AQUAINT writes weeks without
# the ISO zero ('2000-W7'), decades and centuries with a trailing X ('199X', '19XX'), and TimeBank
# clock hours without minutes ('T24'). Used only for the extra "value F1 (notation)" column; the
# main value F1 compares the strings as they are.
_NOTATION = [(re.compile(r"-W(\d)(?!\d)"), r"-W0\1"), (re.compile(r"^(\d{3})X$|^(\d\d)XX$"), r"\1\2"),
             (re.compile(r"T(\d\d)$"), r"T\1:00")]


def same_notation(a: str, b: str) -> bool:
    for pattern, repl in _NOTATION:
        a, b = pattern.sub(repl, a), pattern.sub(repl, b)
    return a == b


def f1(correct: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = correct / n_pred if n_pred else 0.0
    r = correct / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate(docs: list[Doc], show_errors: int = 0) -> dict[str, tuple[float, float, float]]:
    n_pred = n_gold = strict = relaxed = value_ok = value_notation = type_ok = 0
    errors: list[str] = []
    for doc in docs:
        pred = timeml(tag(doc.text, doc.dct))  # a range is two TIMEX3 in TimeML
        n_pred, n_gold = n_pred + len(pred), n_gold + len(doc.gold)
        pairs = match(pred, doc.gold)
        matched_p = {i for i, _ in pairs}
        matched_g = {j for _, j in pairs}
        for i, j in pairs:
            p, g = pred[i], doc.gold[j]
            relaxed += 1
            strict += (p.start, p.end) == g[:2]
            value_ok += p.value == g[3]
            value_notation += same_notation(p.value, g[3])
            type_ok += p.type == g[2]
            if p.value != g[3] or (p.start, p.end) != g[:2]:
                errors.append(f"WRONG {doc.dct} {p.text!r} {p.type} {p.value} | gold {doc.text[g[0]:g[1]]!r} {g[2]} {g[3]}"
                              f" | {_context(doc.text, g[0], g[1])}")
        for i, p in enumerate(pred):
            if i not in matched_p:
                errors.append(f"FP    {doc.dct} {p.text!r} {p.type} {p.value} | {_context(doc.text, p.start, p.end)}")
        for j, g in enumerate(doc.gold):
            if j not in matched_g:
                errors.append(f"FN    {doc.dct} {doc.text[g[0]:g[1]]!r} {g[2]} {g[3]} | {_context(doc.text, g[0], g[1])}")
    for line in errors[:show_errors]:
        print(line)
    return {
        "strict": f1(strict, n_pred, n_gold),
        "relaxed": f1(relaxed, n_pred, n_gold),
        "value": f1(value_ok, n_pred, n_gold),
        "value_notation": f1(value_notation, n_pred, n_gold),
        "type": f1(type_ok, n_pred, n_gold),
        "counts": (n_pred, n_gold, relaxed),
    }


def _context(text: str, start: int, end: int) -> str:
    return (text[max(0, start - 50):start] + "[" + text[start:end] + "]" + text[end:end + 30]).replace("\n", " ")


def speed(docs: list[Doc], n_dateparser_docs: int) -> None:
    """CPU seconds of tag and of dateparser's search_dates on the same texts, interleaved text by text
    so that both see the same machine load (the machines are shared and noisy)."""
    from dateparser.search import search_dates

    def dateparser_tag(text, dct):
        base = dt.datetime(dct.year, dct.month, dct.day)
        return search_dates(text, languages=["en"], settings={"RELATIVE_BASE": base})

    dateparser_tag("warm up on Friday, May 15", docs[0].dct)  # its first call loads language data
    tag_uncached("warm up on Friday, May 15", docs[0].dct)
    ours = theirs = 0.0
    sample = docs[:n_dateparser_docs] if n_dateparser_docs else docs
    for doc in sample:
        t0 = time.process_time()
        for _ in range(5):
            tag_uncached(doc.text, doc.dct)
        t1 = time.process_time()
        dateparser_tag(doc.text, doc.dct)
        t2 = time.process_time()
        ours += (t1 - t0) / 5
        theirs += t2 - t1
    chars = sum(len(d.text) for d in sample)
    print(f"\nSpeed (CPU seconds, the same {len(sample)} TimeBank texts, {chars:,} characters, interleaved):")
    print(f"  factcheck.dates.tag            {ours:8.3f} s  {chars / ours / 1e6:8.2f} M chars/s")
    print(f"  dateparser.search.search_dates {theirs:8.3f} s  {chars / theirs / 1e6:8.2f} M chars/s")
    print(f"  throughput ratio (tag / dateparser): {theirs / ours:.1f}x   target >= 20x:"
          f" {'met' if theirs / ours >= 20 else 'MISSED'}")
    t0 = time.process_time()
    for doc in docs:
        tag_uncached(doc.text, doc.dct)
    total = time.process_time() - t0
    print(f"  whole TimeBank ({len(docs)} docs, {sum(len(d.text) for d in docs):,} characters) with tag:"
          f" {total:.3f} CPU s   target < 2 s: {'met' if total < 2 else 'MISSED'}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--root", type=Path, default=DEFAULT_ROOT, help="directory holding TimeBank/ and AQUAINT/")
    ap.add_argument("--errors", type=int, default=0, help="print up to N errors per corpus")
    ap.add_argument("--no-speed", action="store_true", help="skip the dateparser comparison")
    ap.add_argument("--only", choices=["TimeBank", "AQUAINT"], help="evaluate one corpus only")
    ap.add_argument("--dateparser-docs", type=int, default=0,
                    help="time both taggers on the first N TimeBank documents only (default: all)")
    args = ap.parse_args()

    names = [args.only] if args.only else ["TimeBank", "AQUAINT"]
    corpora = {name: [load(p) for p in sorted((args.root / name).glob("*.tml"))] for name in names}
    rows = []
    for name, docs in corpora.items():
        scores = evaluate(docs, args.errors)
        rows.append((name, scores))
    print(f"\n{'corpus':10} {'docs':>5} {'gold':>5} {'pred':>5} | {'strict F1':>9} {'relaxed P':>9} {'relaxed R':>9}"
          f" {'relaxed F1':>10} | {'value F1':>8} {'type F1':>8} | {'value F1 (notation)':>19}")
    for name, s in rows:
        n_pred, n_gold, _ = s["counts"]
        print(f"{name:10} {len(corpora[name]):5} {n_gold:5} {n_pred:5} | {100 * s['strict'][2]:9.2f}"
              f" {100 * s['relaxed'][0]:9.2f} {100 * s['relaxed'][1]:9.2f} {100 * s['relaxed'][2]:10.2f} |"
              f" {100 * s['value'][2]:8.2f} {100 * s['type'][2]:8.2f} | {100 * s['value_notation'][2]:19.2f}"
              f"   targets: value {'met' if s['value'][2] >= 0.82 else 'MISSED'},"
              f" relaxed {'met' if s['relaxed'][2] >= 0.91 else 'MISSED'}")
    if not args.no_speed and "TimeBank" in corpora:
        speed(corpora["TimeBank"], args.dateparser_docs)


if __name__ == "__main__":
    main()

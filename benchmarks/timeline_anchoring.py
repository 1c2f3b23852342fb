"""Does the timeline date each event by the date that governs it? Scored against TimeBank's TLINKs.

    python benchmarks/timeline_anchoring.py [--root DIR] [--corpus TimeBank|AQUAINT] [--prefix wsj_]
                                            [--show right|wrong|unjudged|missed] [--limit N]

The timeline needs no model on the bundled provider (its events are the article's own clauses), so
this runs `factcheck.chains.timeline.timeline_events` directly on each article's text (TimeML tags
stripped from <TEXT>, the creation time as the publication date).

Each timeline event is an event of the article: the verb of the main clause that the chosen date
modifies, or, for a dated thing ("ahead of the summit on June 3"), the event nouns of its phrase,
or, for a dated side clause, that clause's verb. TimeML annotates events (EVENT) and their
relations to dates (TLINK). An event is *anchored* to a date by IS_INCLUDED, INCLUDES, SIMULTANEOUS,
DURING, BEGINS, ENDS, BEGUN_BY, ENDED_BY or IDENTITY, directly or through an event it is
SIMULTANEOUS with or IDENTICAL to. Each timeline event is then:

- right: the annotators anchor its event to the date code chose;
- wrong: they anchor its event to another date of the sentence;
- other: they tie the chosen date to other events of the sentence and not to this one (the date may
  belong to something else, or the annotators linked one event of two: TimeBank's TLINKs are sparse);
- unjudged: the annotation says nothing about the pair.

The headline figure is right / (right + wrong), then right / (right + wrong + other). Recall, the other way round: each sentence whose
main-clause verb (the parse root, or the clause a reporting verb reports) the annotators anchor to a
calendar date written in that sentence (not "now", "recently" or a duration), and whether the timeline has an event for that sentence with that
date.

TimeBank's `wsj_` articles are for development; AQUAINT is held out: report its aggregate only.
The corpora are read in place and never copied into the repository.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from factcheck.article import Article, split_sentences  # noqa: E402
from factcheck.chains.timeline import timeline_events  # noqa: E402
from factcheck.syntax import main_verbs  # noqa: E402

from summarize_local import EVAL_DIR as DEFAULT_ROOT  # noqa: E402  (beside the checkout or the worktrees)
from timeml_corpus import ATTR, read as read_timeml  # noqa: E402

ANCHORING = {"IS_INCLUDED", "INCLUDES", "SIMULTANEOUS", "DURING", "DURING_INV", "BEGINS", "ENDS", "BEGUN_BY",
             "ENDED_BY", "IDENTITY"}
SAME_TIME = {"SIMULTANEOUS", "IDENTITY"}


@dataclass
class Doc:
    name: str
    dct: dt.date
    text: str
    timexes: dict[str, tuple[int, int]] = field(default_factory=dict)  # tid -> span in text
    placeable: set[str] = field(default_factory=set)  # tids of dates a timeline can place (no "now", no duration)
    events: dict[str, tuple[int, int]] = field(default_factory=dict)  # eid -> span
    anchors: dict[str, set[str]] = field(default_factory=dict)  # eid -> tids it is anchored to


def load(path: Path) -> Doc:
    timeml = read_timeml(path)
    doc = Doc(timeml.name, timeml.dct, timeml.text)
    for tag in timeml.each("TIMEX3"):
        doc.timexes[tag.attrs["tid"]] = (tag.start, tag.end)
        if tag.attrs.get("type") in ("DATE", "TIME") and not tag.attrs.get("value", "").endswith("_REF"):
            doc.placeable.add(tag.attrs["tid"])
    for tag in timeml.each("EVENT"):
        doc.events[tag.attrs["eid"]] = (tag.start, tag.end)
    raw = timeml.raw
    instance = {a["eiid"]: a["eventID"] for a in (dict(ATTR.findall(t)) for t in re.findall(r"<MAKEINSTANCE([^>]*)>", raw))}
    same: dict[str, set[str]] = {}
    for attrs in (dict(ATTR.findall(t)) for t in re.findall(r"<TLINK([^>]*)>", raw)):
        rel = attrs["relType"]
        event = instance.get(attrs.get("eventInstanceID", ""))
        time = attrs.get("timeID")
        other_event = instance.get(attrs.get("relatedToEventInstance", ""))
        other_time = attrs.get("relatedToTime")
        if rel not in ANCHORING:
            continue
        pairs = [(event, other_time), (other_event, time)]
        for e, t in pairs:
            if e and t:
                doc.anchors.setdefault(e, set()).add(t)
        if event and other_event and rel in SAME_TIME:
            same.setdefault(event, set()).add(other_event)
            same.setdefault(other_event, set()).add(event)
    for e, others in same.items():  # one step through an event at the same time
        for o in others:
            doc.anchors.setdefault(e, set()).update(doc.anchors.get(o, set()) if o != e else set())
    return doc


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return min(a[1], b[1]) > max(a[0], b[0])


def judge(doc: Doc) -> tuple[Counter, list[tuple[str, str]]]:
    article = Article(text=doc.text, published=doc.dct, sentences=split_sentences(doc.text))
    counts: Counter = Counter()
    shown: list[tuple[str, str]] = []
    dated: dict[str, set[tuple[int, int]]] = {}  # sentence id -> spans of the dates its events use
    for ev in timeline_events(article):
        timex, sentence = ev.timex, ev.sentence
        tspan = (timex.start, timex.end)
        dated.setdefault(sentence.id, set()).add(tspan)
        gold_t = [tid for tid, span in doc.timexes.items() if _overlaps(span, tspan)]
        in_sentence = {tid for tid, span in doc.timexes.items() if sentence.start <= span[0] < sentence.end}
        events = [eid for eid, span in doc.events.items() if any(_overlaps(span, w) for w in ev.anchors)]
        anchored = set().union(*(doc.anchors.get(e, set()) for e in events)) if events else set()
        if anchored & set(gold_t):
            verdict = "right"
        elif anchored & (in_sentence - set(gold_t)):
            verdict = "wrong"
        elif gold_t and any(set(gold_t) & doc.anchors.get(e, set()) for e, span in doc.events.items()
                            if sentence.start <= span[0] < sentence.end and e not in events):
            verdict = "other"  # the date is tied to another event of the sentence, and not to this one
        else:
            verdict = "unjudged"
        counts[verdict] += 1
        words = ", ".join(doc.text[a:b] for a, b in ev.anchors)
        shown.append((verdict, f"{doc.name} {sentence.id} [{timex.text}] -> {words or '?'} | {ev.event}"))
    # Recall: sentences whose main clause the annotators date within the sentence.
    for sentence in article.sentences:
        verbs = [(v.idx + sentence.start, v.idx + sentence.start + len(v)) for v in main_verbs(sentence.text)]
        events = [eid for eid, span in doc.events.items() if any(_overlaps(span, v) for v in verbs)]
        in_sentence = {tid: span for tid, span in doc.timexes.items()
                       if sentence.start <= span[0] < sentence.end and tid in doc.placeable}
        gold = {tid for e in events for tid in doc.anchors.get(e, set()) if tid in in_sentence}
        if not gold:
            continue
        counts["main dated"] += 1
        if any(_overlaps(in_sentence[tid], span) for tid in gold for span in dated.get(sentence.id, ())):
            counts["main found"] += 1
        else:
            shown.append(("missed", f"{doc.name} {sentence.id} gold {[doc.text[slice(*in_sentence[t])] for t in gold]}"
                                    f" | {sentence.text}"))
    return counts, shown


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--root", type=Path, default=DEFAULT_ROOT)
    ap.add_argument("--corpus", choices=["TimeBank", "AQUAINT"], default="TimeBank")
    ap.add_argument("--prefix", default="", help="only articles whose file name starts with this (wsj_ for development)")
    ap.add_argument("--show", action="append", default=[], choices=["right", "wrong", "other", "unjudged", "missed"])
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles")
    args = ap.parse_args()
    if args.corpus == "AQUAINT" and args.show:
        sys.exit("AQUAINT is held out: its aggregate only")
    paths = sorted(p for p in (args.root / args.corpus).glob("*.tml") if p.name.startswith(args.prefix))
    if args.limit:
        paths = paths[: args.limit]
    total: Counter = Counter()
    for path in paths:
        counts, shown = judge(load(path))
        total.update(counts)
        for verdict, line in shown:
            if verdict in args.show:
                print(f"{verdict.upper():9} {line}")
    judged = total["right"] + total["wrong"]
    events = judged + total["other"] + total["unjudged"]
    print(f"\n{args.corpus} {args.prefix or 'all'}: {len(paths)} articles, {events} timeline events")
    print(f"  dated by the annotated anchor: {total['right']}/{judged} judged = {100 * total['right'] / max(judged, 1):.1f}%"
          f"   ({total['wrong']} anchored to another date of the sentence)   target >= 90%")
    strict = judged + total["other"]
    print(f"  counting as wrong a date the annotators tie only to another event of its sentence:"
          f" {total['right']}/{strict} = {100 * total['right'] / max(strict, 1):.1f}%   ({total['unjudged']} unjudged)")
    print(f"  main clauses the annotators date in their sentence, on the timeline with that date:"
          f" {total['main found']}/{total['main dated']} = {100 * total['main found'] / max(total['main dated'], 1):.1f}%")


if __name__ == "__main__":
    main()

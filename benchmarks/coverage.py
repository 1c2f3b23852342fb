"""Which sentences give no claim or no timeline event, and why: the coverage of the two chains.

    python benchmarks/coverage.py TML ... [--lede 3] [--show]

Each TimeML article goes through the claims and timeline chains as the bundled model runs them
(code alone: the local model is asked nothing about a claim or an event). For every sentence that
gives no item the script names the check or rule that left it out, and counts the reasons over
all the articles; then the lede (the first `--lede` prose sentences) that carries a figure or a
date and has no item. `--show` prints those lede sentences with their reason (they quote the
articles: keep the output out of the repository). The figures are what an editor's "thin
checklist" means in numbers: claims and events per article, the share of ledes covered.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from summarize_local import from_timeml  # noqa: E402

from factcheck.article import load_article, unclosed_quotations  # noqa: E402
from factcheck.attribution import attribute  # noqa: E402
from factcheck.chains.claims import ClaimsChain, _cited_only  # noqa: E402
from factcheck.transcripts import has_false_start  # noqa: E402
from factcheck.chains.timeline import TimelineChain, dated_sentences, timeline_events  # noqa: E402
from factcheck.nlp import parse  # noqa: E402
from factcheck.referents import dangling, introduces_what_follows, is_statement, standalone_variants, untold_times  # noqa: E402
from factcheck.settings import Settings  # noqa: E402
from factcheck.wordlists import organisation_nouns  # noqa: E402

_FIGURE_ENTS = {"CARDINAL", "MONEY", "PERCENT", "QUANTITY"}


def has_figure(text: str) -> bool:
    """A quantity outside a date: a count, an amount, a rate."""
    return any(e.label_ in _FIGURE_ENTS for e in parse(text).ents)


def claim_reasons(chain: ClaimsChain) -> tuple[dict[str, str], int]:
    """Why each sentence gives no claim (sentence id -> reason), and the number of claims."""
    article = chain.article
    chain.plan()
    run = chain.assemble([])
    dropped = {w.item for w in run.warnings if w.code == "dropped-claim"}
    covered = {step.sentence.id for step in chain.steps if step.key not in dropped}
    planned = {step.sentence.id for step in chain.steps}
    unclosed = unclosed_quotations(article)
    reasons = {}
    for index, s in enumerate(article.sentences):
        if s.id in covered:
            continue
        if s.heading:
            why = "heading"
        elif not is_statement(s.text):
            why = "not a statement"
        elif introduces_what_follows(s.text):
            why = "introduces what follows"
        elif s.id in unclosed:
            why = "unclosed quotation"
        elif has_false_start(s.text):
            why = "false start"
        elif s.id in planned:
            why = "dropped in assembly: the claim dangles"
        else:
            why = _standing(chain, s, index) or "ranked out (limit reached)"
        reasons[s.id] = why
    return reasons, len(run.items)


def _standing(chain: ClaimsChain, sentence, index: int) -> str | None:
    """The stands_alone check that refuses the sentence, by name; None when it stands alone."""
    texts = chain.texts
    speaker = attribute(texts, index, paragraphs=chain.paragraphs)
    before = texts[:index]
    variants = standalone_variants(sentence.text, sentence.text, before)
    if _cited_only(variants[0]):
        return "stands_alone: referent cited, not put in"
    if untold_times(chain.explicit_dates(sentence.text, [sentence])[0]):
        return "stands_alone: untold time"
    left = dangling(sentence.text, speaker.is_outlet, before)
    if not left:
        return None
    rejected = 0
    for resolved in variants:
        if _cited_only(resolved) or dangling(resolved.text, speaker.is_outlet, before):
            continue
        rejected += 1
    if rejected:
        return "stands_alone: dangles (a resolved variant fails the checker)"
    return f"stands_alone: dangles, no variant resolves it: {dangling_kind(left[0])}"


_PRONOUNS = frozenset("he she him her his hers it its they them their theirs".split())
_FIRST_PERSON = frozenset("i we me us my our".split())
_POINTING = frozenset("this that these those such another".split())


def dangling_kind(words: str) -> str:
    """What kind of words `dangling` found first: the resolution each kind would need."""
    first = words.split()[0].lower()
    if first in _FIRST_PERSON:
        return "first person"
    if first in _PRONOUNS and len(words.split()) == 1:
        return "pronoun"
    if first in _POINTING:
        return "demonstrative/such/another"
    doc = parse(words)
    head = next((t for t in reversed(doc) if t.pos_ in ("NOUN", "PROPN")), None)
    if first in _PRONOUNS or first != "the" and not re.search(r"['’]s\b", words) and not words.lower().startswith(("a ", "an ")) and head is not None and (
            head.i == 0 or doc[0].tag_ in ("JJ", "NN", "NNS")):
        return "unowned (whose)"
    if head is not None and head.lemma_.lower() in organisation_nouns():
        return "definite: an organisation described"
    return "definite: other"


def event_reasons(chain: TimelineChain) -> tuple[dict[str, str], int, set[str]]:
    """Why each dated sentence gives no event, the number of events, and the dated sentences."""
    article = chain.article
    chain.plan()
    run = chain.assemble([])
    dropped = {w.item: w.message for w in run.warnings if w.code == "dropped-event"}
    covered = {step.sentence.id for step in chain.events if step.key not in dropped}
    dated = {s.id for _, s in dated_sentences(article)}
    found = {e.sentence.id for e in timeline_events(article)}
    planned = {step.sentence.id: step.key for step in chain.events}
    unclosed = unclosed_quotations(article)
    reasons = {}
    for s in article.sentences:
        if s.id not in dated or s.id in covered:
            continue
        if s.id not in found:
            why = "no date governs the main clause (side phrase)"
        elif s.id in unclosed:
            why = "unclosed quotation"
        elif has_false_start(s.text):
            why = "false start"
        elif s.id not in planned:
            why = "retold change / truncated"
        elif "faithfulness" in dropped.get(planned[s.id], ""):
            why = "dropped: shortened event fails the checker"
        else:
            why = "dropped: the event dangles"
        reasons[s.id] = why
    return reasons, len(run.items), dated


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--lede", type=int, default=3)
    parser.add_argument("--show", action="store_true", help="print the uncovered lede sentences (article text)")
    args = parser.parse_args()
    settings = Settings(provider="local")
    claim_counts: Counter[str] = Counter()
    event_counts: Counter[str] = Counter()
    totals = Counter()
    lede_missing = []
    with tempfile.TemporaryDirectory() as tmp:
        for path in args.files:
            article = load_article(str(from_timeml(path, Path(tmp) / f"{path.stem}.md")))
            c_reasons, claims = claim_reasons(ClaimsChain(article, settings))
            e_reasons, events, dated = event_reasons(TimelineChain(article, settings))
            e_reasons.update({s.id: "no date" for s in article.sentences if s.id not in dated})
            claim_counts.update(c_reasons.values())
            event_counts.update(why for why in e_reasons.values() if why != "no date")
            prose = [s for s in article.sentences if not s.heading]
            totals.update(articles=1, sentences=len(prose), claims=claims, events=events)
            for s in prose[: args.lede]:
                figure, date = has_figure(s.text), s.id in dated
                if not (figure or date):
                    continue
                totals["lede"] += 1
                if s.id not in c_reasons or s.id not in e_reasons:  # a claim or an event
                    totals["lede covered"] += 1
                else:
                    lede_missing.append((path.stem, s.id, c_reasons.get(s.id), e_reasons.get(s.id), s.text))
            print(f"{path.stem:28} sentences {len(prose):3}  claims {claims:3}  events {events:3}", flush=True)
    n = totals["articles"]
    print(f"\n{n} articles, {totals['sentences']} sentences: {totals['claims']} claims ({totals['claims'] / n:.2f}/article), "
          f"{totals['events']} events ({totals['events'] / n:.2f}/article)")
    print(f"ledes (first {args.lede} sentences) with a figure or a date: {totals['lede']}, with an item: "
          f"{totals['lede covered']} ({totals['lede covered'] / max(1, totals['lede']):.0%})")
    print("\nno claim, by reason:")
    for why, count in claim_counts.most_common():
        print(f"  {count:4}  {why}")
    print("\ndated, no event, by reason:")
    for why, count in event_counts.most_common():
        print(f"  {count:4}  {why}")
    print(f"\nlede sentences with a figure or a date and no item: {len(lede_missing)}")
    for name, sid, c, e, text in lede_missing:
        print(f"  {name} {sid}: claim: {c}; event: {e}" + (f"\n      {text}" if args.show else ""))


if __name__ == "__main__":
    main()

"""The final validation of an assembled report (README, "How it works", step 4).

Each model answer was checked when it came in; this checks the report as it goes out, from the
report alone (its article text, sentence offsets and items), so that code that edits an item after
its check (making a claim stand alone, merging duplicates, ranking) cannot break what the report
promises a reader:

- every id an item cites is a sentence of the article, and it cites at least one;
- the article's sentences are what their offsets say;
- a claim's quote and an event's date words occur verbatim in the sentences cited;
- a claim's named speaker, and the numbers, dates and names of a summary sentence or event in the
  model's words, occur in the sentences cited.

An item that cites a sentence the article does not have, or quotes words it does not hold, is
invalid (GUIDE, principle 1): it is dropped, with a warning that says why. A speaker named only
outside the cited sentences is a citation gap, not an invented item: the item stays, with a warning.
"""

from __future__ import annotations

from .article import Article
from .article import Sentence as ArticleSentence
from .checks.grounding import check_content, check_speaker_cited, check_verbatim, cited
from .models import Claim, Report, ReportWarning, SummarySentence, TimelineEvent

DROPPED = "dropped-by-final-check"
WARNED = "final-check"


def as_article(report: Report) -> Article:
    """The article as the report states it: the text and the sentences a reader can check."""
    info = report.article
    return Article(
        text=info.text,
        title=info.title,
        published=info.published,
        source=info.source,
        url=info.url,
        sentences=[ArticleSentence(s.id, s.text, s.start, s.end, s.heading) for s in info.sentences],
    )


def item_problems(article: Article, item: SummarySentence | Claim | TimelineEvent) -> tuple[list[str], list[str]]:
    """(problems that make the item invalid, problems worth a warning) of one item."""
    sentences, invalid = cited(article, item.sources)
    if invalid:
        return invalid, []
    if isinstance(item, Claim):
        return check_verbatim("the quote", item.quote, sentences), check_speaker_cited(item.speaker, sentences)
    # The model's own words, checked when they came in against the sentences they cite: still so.
    # (A claim's text is not re-checked here: code has since made its dates explicit.)
    text, kind = (item.event, "the event") if isinstance(item, TimelineEvent) else (item.text, "the sentence")
    content = check_content(kind, text, sentences, article.published) if item.origin == "model" else []
    if isinstance(item, TimelineEvent):
        return check_verbatim("the date words", item.when, sentences), content
    return [], content


def offset_problems(article: Article) -> list[str]:
    return [
        f"sentence {s.id} is not the text at its offsets {s.start}-{s.end}"
        for s in article.sentences
        if article.text[s.start : s.end] != s.text
    ]


def label(item: SummarySentence | Claim | TimelineEvent) -> str:
    """An item named by what a reader sees of it (claim ids change when one is dropped)."""
    if isinstance(item, Claim):
        return f"the claim quoting {_clip(item.quote)!r}"
    if isinstance(item, TimelineEvent):
        return f"the event dated {_clip(item.when)!r}"
    return f"the summary sentence {_clip(item.text)!r}"


def _clip(text: str, words: int = 6) -> str:
    split = text.split()
    return " ".join(split[:words]) + (" ..." if len(split) > words else "")


def check_report(report: Report) -> list[ReportWarning]:
    """What the final validation finds in `report`, as warnings (the report is not changed):
    code DROPPED for an invalid item, WARNED for the rest."""
    article = as_article(report)
    found = [ReportWarning(code=WARNED, message=p) for p in offset_problems(article)]
    if len({s.id for s in article.sentences}) != len(article.sentences):
        found.append(ReportWarning(code=WARNED, message="two sentences share an id"))
    for item in [*report.summary.sentences, *report.claims, *report.timeline]:
        invalid, doubtful = item_problems(article, item)
        name, where = label(item), ", ".join(item.sources)
        found += [ReportWarning(code=DROPPED, message=f"{name}: {p}; dropped", item=where) for p in invalid[:1]]
        found += [ReportWarning(code=WARNED, message=f"{name}: {p}", item=where) for p in doubtful]
    return found


def enforce(report: Report) -> None:
    """Run the final validation on an assembled report, in place: drop the invalid items, renumber
    the claims that stay, and add a warning for each problem found."""
    found = check_report(report)
    if not found:
        return
    article = as_article(report)

    def valid(item) -> bool:
        return not item_problems(article, item)[0]

    report.summary.sentences = [s for s in report.summary.sentences if valid(s)]
    report.claims = [c for c in report.claims if valid(c)]
    for n, claim in enumerate(report.claims, 1):
        claim.id = f"C{n}"
    report.timeline = [e for e in report.timeline if valid(e)]
    report.warnings.extend(found)

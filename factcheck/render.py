"""Reports as Markdown (also shown on a terminal through rich) and JSON."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path

from pydantic import ValidationError

from .dates.interval import format_interval
from .errors import InputNotFound, InvalidReport
from .models import Claim, Report, ReportWarning, SummarySentence, TimelineEvent



def load_report(path: Path) -> Report:
    """A report saved with --format json, validated against the schema."""
    if not path.is_file():
        raise InputNotFound(f"{path}: no such file")
    try:
        return Report.model_validate_json(path.read_bytes())
    except ValidationError as exc:
        problem = exc.errors()[0]
        where = ".".join(str(p) for p in problem["loc"]) or "the file"
        raise InvalidReport(f"{path} is not a factcheck JSON report ({where}: {problem['msg']})") from None


def to_json(report: Report) -> str:
    return report.model_dump_json(indent=2) + "\n"


def to_markdown(report: Report, parts: Iterable[str] | None = None) -> str:
    """The report's parts (by default, those that ran) as Markdown."""
    parts = list(report.provenance.chains if parts is None else parts)
    lines = _header(report)
    if "summary" in parts:
        lines += ["## Summary", ""]
        texts = sentence_texts(report)
        for s in report.summary.sentences:
            lines.append(f"- {s.text} [{', '.join(s.sources)}]{_flags_markdown(item_flags(s, texts))}")
        if not report.summary.sentences:
            lines.append("*No summary sentence passed the checks.*")
        lines.append("")
    if "claims" in parts:
        lines += claims_markdown(report.claims)
    if "timeline" in parts:
        lines += timeline_markdown(report.timeline, sentence_texts(report))
    lines += warnings_markdown(report.warnings)
    lines.append(_footer(report))
    return "\n".join(lines) + "\n"


def _header(report: Report) -> list[str]:
    a = report.article
    lines = [f"# {a.title or 'Untitled article'}", ""]
    facts = [a.source, f"published {a.published.isoformat()}" if a.published else "no publication date", a.url]
    lines += [" · ".join(f for f in facts if f), ""]
    return lines


# Check-worthiness bands for the checklist; the score ranks sentences, so the bands are coarse on purpose.
PRIORITIES = ((0.6, "High priority"), (0.3, "Medium priority"), (0.0, "Low priority"))


def claims_markdown(claims: list[Claim]) -> list[str]:
    lines = ["## Claims to check", ""]
    checkable = [c for c in claims if c.checkable]
    others = [c for c in claims if not c.checkable]
    if not checkable:
        lines += ["*No checkable claim was found in this article.*", ""]
    for _, title in PRIORITIES:
        band = [c for c in checkable if priority(c.checkworthiness) == title]
        if band:
            lines += [f"### {title}", ""]
            for claim in band:
                lines += _claim_lines(claim, score=True)
    if others:
        lines += ["### Opinions and predictions (not checkable)", ""]
        for claim in others:
            lines += _claim_lines(claim, score=False)
    return lines


def priority(score: float) -> str:
    return next(title for floor, title in PRIORITIES if score >= floor)


def _claim_lines(claim: Claim, *, score: bool) -> list[str]:
    head = f"- [ ] **{claim.id}** · {claim.type}"
    if score:
        head += f" · {claim.checkworthiness:.2f}"
        if claim.checkworthiness_source == "scorer+model":  # say where the score came from
            head += " (" + ", ".join(f"{name} {value:.2f}" for name, value in claim.scores.items()) + ")"
    return [
        f"{head} — {claim.text}{_flags_markdown(item_flags(claim))}",
        f"  - Who: {claim.speaker}",
        f"  - Quote: “{claim.quote}” [{', '.join(claim.sources)}]",
        f"  - Why: {claim.reason}",
        f"  - Verify: {claim.verify}",
        "",
    ]


def timeline_markdown(events: list[TimelineEvent], sentences: Mapping[str, str] | None = None) -> list[str]:
    lines = ["## Timeline", ""]
    if not events:
        return lines + ["*No dated event was found in this article.*", ""]
    lines += ["| Date | As written | Event | Sources |", "| --- | --- | --- | --- |"]
    for e in events:
        event = e.event + _flags_markdown(item_flags(e, sentences))
        lines.append(f"| {format_when(e)} | {_cell(e.when)} | {_cell(event)} | {', '.join(e.sources)} |")
    return lines + [""]


def format_when(event: TimelineEvent) -> str:
    return format_interval(event.date, event.end, event.precision)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


# --- warnings, as a reader sees them: a flag beside each item, the rest last, grouped and short ----------

QUOTE_WORDS = 5  # a rejected answer is quoted by its first few words only; the JSON keeps it whole
QUOTE_CHARS = 48
WARNING_CHARS = 140

# Warnings that say how an item was made when the model's answers failed the checks; the item itself
# says so too (`origin`, `code_filled`), so the reader meets it beside the item.
STAND_INS = ("extractive-summary", "extractive-event", "code-filled-claim", "dropped-claim", "unrated-claims")

# Each kind in plain words, for one and for many ("{n}" is the count); other kinds show their code.
KINDS: dict[str, tuple[str, str]] = {
    "extractive-summary": ("{n} summary sentence is the article's own words", "{n} summary sentences are the article's own words"),
    "extractive-event": ("{n} timeline event is the article's own words", "{n} timeline events are the article's own words"),
    "code-filled-claim": ("{n} claim has fields filled by code", "{n} claims have fields filled by code"),
    "dropped-claim": ("{n} claim was dropped", "{n} claims were dropped"),
    "compressed-summary": (
        "{n} summary sentence is the article's sentence shortened",
        "{n} summary sentences are the article's sentences shortened",
    ),
    "compressed-event": ("{n} timeline event is the article's clause", "{n} timeline events are the article's clauses"),
    "dropped-by-final-check": ("{n} item failed the final check and was dropped", "{n} items failed the final check and were dropped"),
    "final-check": ("{n} speaker is named outside the cited sentences", "{n} speakers are named outside the cited sentences"),
    "unrated-claims": ("the claims keep the scorer's scores", "the claims keep the scorer's scores"),
    "unresolved-date": ("{n} date could not be resolved", "{n} dates could not be resolved"),
    "no-publication-date": ("the article has no publication date", "the article has no publication date"),
    "future-publication-date": ("the publication date is in the future", "the publication date is in the future"),
    "timeline-truncated": ("the timeline was cut short", "the timeline was cut short"),
    "text-addressed-to-model": (
        "{n} sentence reads as text addressed to a language model",
        "{n} sentences read as text addressed to a language model",
    ),
    "hidden-text-addressed-to-model": (
        "the page's markup holds text addressed to a language model",
        "the page's markup holds text addressed to a language model",
    ),
    "invisible-characters": ("the text holds invisible characters", "the text holds invisible characters"),
    "encoding-guessed": ("the text's encoding was guessed", "the text's encoding was guessed"),
    "control-characters": ("the text held control characters", "the text held control characters"),
}

# The flag an article sentence carries when a warning names it (stand-ins are flagged on their items).
SENTENCE_FLAGS = {"unresolved-date": "date not resolved", "text-addressed-to-model": "addressed to a model, not sent"}

OWN_WORDS = "article's words"
SHORTENED = "article's words, shortened"  # a compression: the sentence less the spans code marked deletable
ARTICLE_SENTENCE = "article's sentence"  # a compression from which nothing was dropped


def item_flags(item: SummarySentence | Claim | TimelineEvent, sentences: Mapping[str, str] | None = None) -> list[str]:
    """The item's own short flags: what code made of it because the model's answers failed the checks.
    With the article's `sentences` (id -> text), a compression that dropped nothing is flagged as the
    article's sentence, not as shortened."""
    if isinstance(item, Claim):
        flags = [OWN_WORDS] if "text" in item.code_filled else []
        filled = [f for f in item.code_filled if f != "text"]
        return flags + ([f"filled by code: {', '.join(filled)}"] if filled else [])
    if item.origin == "compression" and sentences and _whole_sentence(item, sentences):
        return [ARTICLE_SENTENCE]
    return {"extractive": [OWN_WORDS], "compression": [SHORTENED]}.get(item.origin, [])


def _whole_sentence(item: SummarySentence | TimelineEvent, sentences: Mapping[str, str]) -> bool:
    text = item.text if isinstance(item, SummarySentence) else item.event
    return len(item.sources) == 1 and " ".join(text.split()) == " ".join(sentences.get(item.sources[0], "").split())


def sentence_texts(report: Report) -> dict[str, str]:
    """The article's sentences by id, for `item_flags`."""
    return {s.id: s.text for s in report.article.sentences}


def kind_phrase(code: str, n: int) -> str:
    one, many = KINDS.get(code, ("{code} ({n})", "{code} ({n})"))
    return (one if n == 1 else many).format(n=n, code=code)


def warnings_headline(warnings: list[ReportWarning]) -> str:
    """The warnings as one line of plain words, e.g. "12 items are the article's own words because
    the model's answers failed the checks; 1 date could not be resolved"."""
    counts = Counter(w.code for w in warnings)
    own = counts["extractive-summary"] + counts["extractive-event"]
    failed = [f"{own} item{' is' if own == 1 else 's are'} the article's own words"] if own else []
    failed += [kind_phrase(code, counts[code]) for code in STAND_INS[2:] if counts[code]]
    parts = [_and(failed) + " because the model's answers failed the checks"] if failed else []
    parts += [kind_phrase(code, n) for code, n in counts.items() if code not in STAND_INS]
    line = "; ".join(parts)
    return line[:1].upper() + line[1:]


def grouped_warnings(warnings: list[ReportWarning]) -> list[tuple[str, list[ReportWarning]]]:
    """The warnings by kind, in the order the kinds first appear, each kind with its plain-words count."""
    groups: dict[str, list[ReportWarning]] = {}
    for w in warnings:
        groups.setdefault(w.code, []).append(w)
    phrases = {code: kind_phrase(code, len(ws)) for code, ws in groups.items()}
    return [(phrases[code][:1].upper() + phrases[code][1:], ws) for code, ws in groups.items()]


def short_warning(w: ReportWarning) -> str:
    """A warning's text as rendered: without the item it names (shown beside it) or the failed checks
    (its kind's line says so), every quoted answer cut to its first few words, the whole cut at a word
    boundary. The JSON keeps it all."""
    text = w.message
    if w.item and text.startswith(w.item + ": "):
        text = text[len(w.item) + 2 :]
    text = text.replace(_FAILED, "")
    text = _QUOTED.sub(lambda m: m[0][0] + clip(m[0][1:-1], QUOTE_CHARS, QUOTE_WORDS) + m[0][-1], text)
    return clip(text, WARNING_CHARS)


_FAILED = "the model's answer failed its checks: "  # how pipeline.stand_in_warning says why code stood in
# A quoted span: 'x', "x" or “x”, opened and closed outside a word (so "the article's" is no quote).
_QUOTED = re.compile(r"""(?<!\w)(?:'.+?'|".+?"|“.+?”)(?!\w)""")


def clip(text: str, chars: int, words: int | None = None) -> str:
    """`text` cut to at most `words` words and `chars` characters, at a word boundary, with an ellipsis."""
    split = text.split()
    cut = " ".join(split[:words]) if words is not None and len(split) > words else text
    if len(cut) > chars:
        cut = cut[:chars]
        space = cut.rfind(" ")
        cut = cut[:space] if space > chars // 2 else cut
    if cut == text:
        return text
    return cut.rstrip(" ,;:.") + "…"


def warnings_markdown(warnings: list[ReportWarning]) -> list[str]:
    """The warnings last: one line in plain words, then each kind with its items, each text short."""
    if not warnings:
        return []
    lines = ["## Warnings", "", warnings_headline(warnings) + ".", ""]
    for phrase, ws in grouped_warnings(warnings):
        lines += [f"**{phrase}**", ""]
        lines += [f"- {w.item + ': ' if w.item else ''}{short_warning(w)}" for w in ws]
        lines.append("")
    return lines


def _flags_markdown(flags: list[str]) -> str:
    return f" *({' · '.join(flags)})*" if flags else ""


def _and(phrases: list[str]) -> str:
    return phrases[0] if len(phrases) == 1 else ", ".join(phrases[:-1]) + " and " + phrases[-1]


def _footer(report: Report) -> str:
    p = report.provenance
    prompts = ", ".join(f"{r.name} v{r.version}" for r in p.prompts)
    return (
        f"---\n*{p.provider} · {p.model} · {p.total.total_tokens} tokens in {p.total.calls} calls · "
        f"{p.duration_seconds:.1f} s · prompts: {prompts} · factcheck {p.factcheck_version}*"
    )

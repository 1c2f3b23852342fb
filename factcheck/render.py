"""Reports as Markdown (also shown on a terminal through rich) and JSON."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from pydantic import ValidationError

from .dates.interval import format_interval
from .errors import InputNotFound, InvalidReport
from .models import Claim, Report, TimelineEvent


# Items code wrote from the article's words rather than the model: a reader should know.
ORIGIN_MARKERS = {"extractive": " *(the article's own words)*", "compression": " *(the article's words, shortened)*"}

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
        for s in report.summary.sentences:
            marker = ORIGIN_MARKERS.get(s.origin, "")
            lines.append(f"- {s.text} [{', '.join(s.sources)}]{marker}")
        if not report.summary.sentences:
            lines.append("*No summary sentence passed the checks.*")
        lines.append("")
    if "claims" in parts:
        lines += claims_markdown(report.claims)
    if "timeline" in parts:
        lines += timeline_markdown(report.timeline)
    if report.warnings:
        lines += ["## Warnings", ""]
        lines += [f"- {w.code}: {w.message}" for w in report.warnings]
        lines.append("")
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
            head += " (mean of " + ", ".join(f"{name} {value:.2f}" for name, value in claim.scores.items()) + ")"
    text_marker = " *(the article's own words)*" if "text" in claim.code_filled else ""
    verify_marker = " *(generic: the model's suggestion failed its checks)*" if "verify" in claim.code_filled else ""
    return [
        f"{head} — {claim.text}{text_marker}",
        f"  - Who: {claim.speaker}",
        f"  - Quote: “{claim.quote}” [{', '.join(claim.sources)}]",
        f"  - Why: {claim.reason}",
        f"  - Verify: {claim.verify}{verify_marker}",
        "",
    ]


def timeline_markdown(events: list[TimelineEvent]) -> list[str]:
    lines = ["## Timeline", ""]
    if not events:
        return lines + ["*No dated event was found in this article.*", ""]
    lines += ["| Date | As written | Event | Sources |", "| --- | --- | --- | --- |"]
    for e in events:
        event = e.event + ORIGIN_MARKERS.get(e.origin, "")
        lines.append(f"| {format_when(e)} | {_cell(e.when)} | {_cell(event)} | {', '.join(e.sources)} |")
    return lines + [""]


def format_when(event: TimelineEvent) -> str:
    return format_interval(event.date, event.end, event.precision)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _footer(report: Report) -> str:
    p = report.provenance
    prompts = ", ".join(f"{r.name} v{r.version}" for r in p.prompts)
    return (
        f"---\n*{p.provider} · {p.model} · {p.total.total_tokens} tokens in {p.total.calls} calls · "
        f"{p.duration_seconds:.1f} s · prompts: {prompts} · factcheck {p.factcheck_version}*"
    )

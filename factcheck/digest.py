"""The morning digest: every report in a folder (or those made within a time window) on one page.

Each article gets its title, source, link, summary, its top claims to check (checkable ones, highest
check-worthiness first) and its timeline. Output as Markdown, as one self-contained HTML page
(escaped, no script, no external asset, a CSP that lets only its own style sheet apply), or as a
JSON index of the reports with their counts. A file in the folder that is not a valid report is
skipped and named, never fatal.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import FactcheckError, InputNotFound
from .html_common import PALETTE_CSS, article_meta, content_security_policy, escape_html as _e, page_head, safe_url
from .models import Claim, Report
from .render import format_when, load_report

COUNTS = ("summary_sentences", "claims", "checkable_claims", "events", "warnings")  # per article and in total
TOP_CLAIMS = 3  # claims per article: a digest points at what to check first, the report has the rest


@dataclass
class Entry:
    path: Path
    report: Report

    @property
    def created(self) -> dt.datetime:
        return _aware(self.report.provenance.created)

    def top_claims(self, n: int = TOP_CLAIMS) -> list[Claim]:
        checkable = [c for c in self.report.claims if c.checkable]
        # Ties keep the checklist's own order (C1 before C2), whatever order the file lists them in.
        return sorted(checkable, key=lambda c: (-c.checkworthiness, int(c.id[1:]) if c.id[1:].isdigit() else 0))[:n]

    def counts(self) -> dict[str, int]:
        r = self.report
        return {
            "summary_sentences": len(r.summary.sentences),
            "claims": len(r.claims),
            "checkable_claims": sum(1 for c in r.claims if c.checkable),
            "events": len(r.timeline),
            "warnings": len(r.warnings),
        }


@dataclass
class Digest:
    directory: Path
    since: dt.datetime | None
    generated: dt.datetime
    entries: list[Entry] = field(default_factory=list)
    skipped: list[tuple[Path, str]] = field(default_factory=list)  # (file, why it is not a report)
    top: int = TOP_CLAIMS

    def counts(self) -> dict[str, int]:
        totals = {"articles": len(self.entries), **dict.fromkeys(COUNTS, 0), "skipped_files": len(self.skipped)}
        for entry in self.entries:
            for key, value in entry.counts().items():
                totals[key] += value
        return totals

    def window(self) -> str:
        if self.since is None:
            return "all reports"
        return f"reports made since {_stamp(self.since)}"


def parse_since(value: str, *, now: dt.datetime | None = None) -> dt.datetime:
    """'24h', '7d', '90m', '2w' back from now, or a date (midnight, local time) or an ISO date-time."""
    now = now or dt.datetime.now().astimezone()
    match = re.fullmatch(r"\s*(\d+)\s*([mhdw])\s*", value)
    if match:
        unit = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}[match[2]]
        return now - dt.timedelta(**{unit: int(match[1])})
    try:
        day = dt.date.fromisoformat(value.strip())
        return dt.datetime.combine(day, dt.time(), tzinfo=now.tzinfo)
    except ValueError:
        pass
    try:
        moment = dt.datetime.fromisoformat(value.strip())
    except ValueError:
        raise ValueError(f"{value!r} is neither a duration (24h, 7d, 90m, 2w) nor a date (YYYY-MM-DD)") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=now.tzinfo)


def collect(
    directory: Path, *, since: dt.datetime | None = None, top: int = TOP_CLAIMS, now: dt.datetime | None = None
) -> Digest:
    """The reports (`*.json`) in the folder, newest first, keeping those made at or after `since`."""
    if not directory.is_dir():
        raise InputNotFound(f"{directory}: no such folder of reports")
    digest = Digest(directory=directory, since=since, generated=now or dt.datetime.now().astimezone(), top=top)
    for path in sorted(directory.glob("*.json")):
        try:
            report = load_report(path)
        except (FactcheckError, OSError) as exc:  # not a report, or unreadable: name it and go on
            digest.skipped.append((path, str(exc)))
            continue
        entry = Entry(path, report)
        if since is None or entry.created >= since:
            digest.entries.append(entry)
    digest.entries.sort(key=lambda e: (e.created, e.path.name), reverse=True)
    return digest


def _aware(moment: dt.datetime) -> dt.datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _stamp(moment: dt.datetime) -> str:
    return moment.isoformat(sep=" ", timespec="minutes")


# --- JSON index --------------------------------------------------------------------------------


def to_json(digest: Digest) -> str:
    data = {
        "directory": str(digest.directory.resolve()),
        "since": digest.since.isoformat() if digest.since else None,
        "generated": digest.generated.isoformat(timespec="seconds"),
        "counts": digest.counts(),
        "articles": [
            {
                "report": str(e.path.resolve()),
                "title": e.report.article.title,
                "source": e.report.article.source,
                "url": e.report.article.url,
                "published": e.report.article.published.isoformat() if e.report.article.published else None,
                "created": e.created.isoformat(),
                "counts": e.counts(),
            }
            for e in digest.entries
        ],
        "skipped": [{"file": str(p.resolve()), "reason": why} for p, why in digest.skipped],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


# --- Markdown ----------------------------------------------------------------------------------

# Characters that would turn article text into Markdown structure: raw HTML, links, emphasis, code.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#!])")


def _md(text: object) -> str:
    """Article or model text as literal Markdown text, on one line."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def _md_link(url: str | None) -> str | None:
    """An http(s) link as an autolink; the characters an autolink cannot hold are percent-encoded."""
    safe = safe_url(url)
    return "<" + safe.replace("<", "%3C").replace(">", "%3E") + ">" if safe else None


def to_markdown(digest: Digest) -> str:
    c = digest.counts()
    lines = [
        f"# factcheck digest: {c['articles']} article{'s' if c['articles'] != 1 else ''}",
        "",
        f"{digest.window().capitalize()} in {_md(digest.directory)} · generated {_stamp(digest.generated)}",
        "",
    ]
    if c["articles"]:
        lines += [
            f"{c['checkable_claims']} checkable claims · {c['events']} dated events · {c['warnings']} warnings",
            "",
        ]
    else:
        lines += ["*No report in this window.*" if digest.since else "*No report in this folder.*", ""]
    for i, entry in enumerate(digest.entries, 1):
        lines += _md_entry(i, entry, digest.top)
    if digest.skipped:
        lines += ["## Skipped files (not reports)", ""]
        lines += [f"- {_md(p.name)}: {_md(why)}" for p, why in digest.skipped]
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def _md_entry(i: int, entry: Entry, top: int) -> list[str]:
    r = entry.report
    a = r.article
    facts = [_md(a.source) if a.source else None, f"published {a.published.isoformat()}" if a.published else "no publication date"]
    link = _md_link(a.url)
    facts.append(link or (_md(a.url) if a.url else None))
    lines = [f"## {i}. {_md(a.title or 'Untitled article')}", "", " · ".join(f for f in facts if f), ""]
    lines += [f"Report: {_md(entry.path.name)} · made {_stamp(entry.created)}", ""]
    lines += ["### Summary", ""]
    lines += [f"- {_md(s.text)}" for s in r.summary.sentences] or ["*No summary sentence passed the checks.*"]
    lines.append("")
    claims = entry.top_claims(top)
    checkable = sum(1 for c in r.claims if c.checkable)
    lines += [f"### Top claims to check ({len(claims)} of {checkable})", ""]
    for claim in claims:
        lines.append(f"- [ ] **{claim.checkworthiness:.2f}** · {_md(claim.type)} · {_md(claim.speaker)}: {_md(claim.text)}")
        lines.append(f"  - Verify: {_md(claim.verify)}")
    if not claims:
        lines.append("*No checkable claim.*")
    lines.append("")
    lines += ["### Timeline", ""]
    lines += [f"- **{format_when(e)}** ({_md(e.when)}): {_md(e.event)}" for e in r.timeline] or ["*No dated event.*"]
    lines.append("")
    if r.warnings:
        lines += [f"*{len(r.warnings)} warning{'s' if len(r.warnings) != 1 else ''} in the report.*", ""]
    return lines


# --- HTML --------------------------------------------------------------------------------------

_CSS = PALETTE_CSS + "\n" + """
body { background: var(--panel); }
.page { max-width: 60rem; margin: 0 auto; padding: 24px 28px 60px; }
header.top { padding: 0 0 14px; border-bottom: 1px solid var(--rule); margin-bottom: 18px; }
.kicker { font-size: 12px; letter-spacing: .08em; text-transform: uppercase; color: var(--muted); margin: 0 0 4px; }
h1 { font: 600 26px/1.25 var(--serif); margin: 0 0 6px; }
.meta { color: var(--muted); font-size: 13px; margin: 0; overflow-wrap: anywhere; }
.meta span + span::before { content: " · "; color: var(--faint); }
.counts { margin: 8px 0 0; font-size: 13px; color: var(--muted); }
.counts b { color: var(--ink); }
nav.toc ol { margin: 0 0 18px; padding-left: 22px; font-size: 14px; }
nav.toc li { margin: 2px 0; overflow-wrap: anywhere; }
article.entry { background: var(--paper); border: 1px solid var(--rule); border-radius: 10px; padding: 16px 20px 18px;
  margin: 0 0 18px; }
article.entry h2 { font: 600 20px/1.3 var(--serif); margin: 0 0 4px; overflow-wrap: anywhere; }
article.entry h3 { font: 600 12px/1.3 var(--sans); letter-spacing: .08em; text-transform: uppercase; color: var(--muted);
  margin: 16px 0 6px; padding-bottom: 4px; border-bottom: 1px solid var(--rule); }
.file { font: 12px var(--mono); color: var(--faint); margin: 4px 0 0; overflow-wrap: anywhere; }
ul.summary { margin: 0; padding-left: 18px; font: 16px/1.55 var(--serif); }
ul.summary li { margin: 0 0 4px; overflow-wrap: anywhere; }
ol.claims { list-style: none; margin: 0; padding: 0; }
.claim { display: grid; grid-template-columns: 3.2em minmax(0, 1fr); gap: 2px 10px; padding: 6px 0; }
.claim + .claim { border-top: 1px dashed var(--rule); }
.claim .score { font: 700 15px/1.4 var(--mono); color: var(--accent); }
.claim .text { font-weight: 600; margin: 0; overflow-wrap: anywhere; }
.claim .by, .claim .verify { font-size: 13.5px; color: var(--muted); margin: 2px 0 0; overflow-wrap: anywhere; }
.claim .by b { color: var(--ink); font-weight: 600; }
ol.timeline { list-style: none; margin: 0; padding: 0; }
ol.timeline li { display: grid; grid-template-columns: 10em minmax(0, 1fr); gap: 10px; padding: 3px 0; }
ol.timeline .when { font-weight: 700; }
ol.timeline .written { color: var(--muted); font-size: 12.5px; }
ol.timeline .what { overflow-wrap: anywhere; }
.empty { color: var(--muted); font-style: italic; margin: 0; }
.warn { color: var(--warn); font-size: 13px; margin: 12px 0 0; }
section.skipped { border: 1px solid var(--warn-rule); background: var(--warn-bg); border-radius: 8px; padding: 10px 14px; }
section.skipped h2 { font: 600 13px/1.3 var(--sans); color: var(--warn); margin: 0 0 6px; }
section.skipped ul { margin: 0; padding-left: 18px; font-size: 13px; }
section.skipped li { overflow-wrap: anywhere; }
@media (max-width: 640px) {
  .page { padding: 16px 14px 40px; }
  h1 { font-size: 22px; }
  ol.timeline li { grid-template-columns: minmax(0, 1fr); gap: 0; }
}
""".strip()

# No script at all: the digest is read, not worked in (each report's own page has the checklist).
CONTENT_SECURITY_POLICY = content_security_policy(style=_CSS)


def to_html(digest: Digest) -> str:
    c = digest.counts()
    title = f"factcheck digest: {c['articles']} article{'s' if c['articles'] != 1 else ''}"
    counts = (
        f"<b>{c['articles']}</b> articles · <b>{c['checkable_claims']}</b> checkable claims · "
        f"<b>{c['events']}</b> dated events · <b>{c['warnings']}</b> warnings"
    )
    body = [_html_entry(i, e, digest.top) for i, e in enumerate(digest.entries, 1)]
    if not body:
        empty = "No report in this window." if digest.since else "No report in this folder."
        body = [f'<p class="empty" id="empty">{empty}</p>']
    toc = ""
    if len(digest.entries) > 1:
        items = "".join(
            f'<li><a href="#a-{i}">{_e(e.report.article.title or "Untitled article")}</a></li>'
            for i, e in enumerate(digest.entries, 1)
        )
        toc = f'<nav class="toc" aria-label="Articles"><ol>{items}</ol></nav>'
    parts = [
        *page_head(title=title, csp=CONTENT_SECURITY_POLICY, css=_CSS),
        "<body>",
        '<div class="page">',
        '<header class="top">',
        '<p class="kicker">factcheck digest</p>',
        f"<h1>{_e(title)}</h1>",
        f'<p class="meta"><span>{_e(digest.window())}</span><span>{_e(digest.directory)}</span>'
        f"<span>generated {_e(_stamp(digest.generated))}</span></p>",
        f'<p class="counts">{counts}</p>',
        "</header>",
        toc,
        "<main>",
        *body,
        "</main>",
        _html_skipped(digest.skipped),
        "</div>",
        "</body>",
        "</html>",
    ]
    return "\n".join(p for p in parts if p) + "\n"


def _html_entry(i: int, entry: Entry, top: int) -> str:
    r = entry.report
    a = r.article
    meta = article_meta(a)
    summary = "".join(f"<li>{_e(s.text)}</li>" for s in r.summary.sentences)
    summary_html = f'<ul class="summary">{summary}</ul>' if summary else '<p class="empty">No summary sentence passed the checks.</p>'
    claims = entry.top_claims(top)
    checkable = sum(1 for c in r.claims if c.checkable)
    claim_items = "".join(
        f'<li class="claim"><span class="score" title="check-worthiness">{c.checkworthiness:.2f}</span><div>'
        f'<p class="text">{_e(c.text)}</p>'
        f'<p class="by"><b>{_e(c.speaker)}</b> · {_e(c.type)}</p>'
        f'<p class="verify">Verify: {_e(c.verify)}</p></div></li>'
        for c in claims
    )
    claims_html = f'<ol class="claims">{claim_items}</ol>' if claims else '<p class="empty">No checkable claim.</p>'
    events = "".join(
        f'<li><div><div class="when">{_e(format_when(e))}</div><div class="written">“{_e(e.when)}”</div></div>'
        f'<div class="what">{_e(e.event)}</div></li>'
        for e in r.timeline
    )
    timeline_html = f'<ol class="timeline">{events}</ol>' if events else '<p class="empty">No dated event.</p>'
    warn = ""
    if r.warnings:
        n = len(r.warnings)
        warn = f'<p class="warn">⚠ {n} warning{"s" if n != 1 else ""} in the report.</p>'
    return (
        f'<article class="entry" id="a-{i}">'
        f"<h2>{_e(a.title or 'Untitled article')}</h2>"
        f'<p class="meta">{"".join(meta)}</p>'
        f'<p class="file">{_e(entry.path.name)} · made {_e(_stamp(entry.created))}</p>'
        f"<h3>Summary</h3>{summary_html}"
        f"<h3>Top claims to check · {len(claims)} of {checkable}</h3>{claims_html}"
        f"<h3>Timeline · {len(r.timeline)}</h3>{timeline_html}"
        f"{warn}</article>"
    )


def _html_skipped(skipped: list[tuple[Path, str]]) -> str:
    if not skipped:
        return ""
    items = "".join(f"<li><b>{_e(p.name)}</b>: {_e(why)}</li>" for p, why in skipped)
    return f'<section class="skipped" id="skipped"><h2>Skipped files (not reports)</h2><ul>{items}</ul></section>'


FORMATS = {"markdown": to_markdown, "html": to_html, "json": to_json}


def render(digest: Digest, format: str) -> str:
    return FORMATS[format](digest)

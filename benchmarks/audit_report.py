"""Print each item of a report beside the article sentences it cites, with the faithfulness
checker's verdict, so that a person can read a report against its article.

    python benchmarks/audit_report.py REPORT.json [--only-problems]

Summary sentences, claims (with speaker, type and what to verify) and timeline events (with their
dates) each come with their cited sentences in full and, for the text that a reader sees, what
`factcheck.faithfulness.check` finds against them. The report is read as plain JSON, field by
field, so a report of an older or newer schema still prints.
"""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import datetime as dt  # noqa: E402

from factcheck.faithfulness import check  # noqa: E402


def claim_as_read(claim: dict) -> str | None:
    """The claim's text as a reader takes it, with its speaker in front: the attribution is the
    speaker field's to carry. None when the text stands as it is: no speaker is named, or the text
    names it already ("X said ..."; "According to X, X said ..." is no text the report shows)."""
    speaker = claim.get("speaker") or ""
    if speaker.lower() in ("", "the outlet", "unattributed") or speaker in claim["text"]:
        return None
    return f"According to {speaker}, {claim['text']}"


def _wrap(text: str, indent: str) -> str:
    return textwrap.fill(text, width=110, initial_indent=indent, subsequent_indent=indent + "  ")


def audit(report: dict, only_problems: bool = False) -> tuple[list[str], int, int]:
    sentences = {s["id"]: s["text"] for s in report.get("article", {}).get("sentences", [])}
    published = report.get("article", {}).get("published")
    published = dt.date.fromisoformat(published) if published else None
    lines: list[str] = []
    items = problems_found = 0

    def item(label: str, text: str, sources: list[str], extra: list[str], checked: str | None = None) -> None:
        nonlocal items, problems_found
        cited = [sentences[sid] for sid in sources if sid in sentences]
        missing = [sid for sid in sources if sid not in sentences]
        problems = [p.message for p in check(checked or text, cited, published=published)] if cited else ["cites no sentence of the article"]
        problems += [f"cites {sid}, which is not a sentence of the article" for sid in missing]
        items += 1
        problems_found += bool(problems)
        if only_problems and not problems:
            return
        lines.append(_wrap(f"{label}: {text}", ""))
        lines.extend(_wrap(e, "    ") for e in extra)
        for sid in sources:
            lines.append(_wrap(f"{sid}: {sentences.get(sid, '(no such sentence)')}", "    | "))
        lines.append("    => " + ("supported" if not problems else "NOT supported: " + "; ".join(problems)))
        lines.append("")

    for number, sentence in enumerate(report.get("summary", {}).get("sentences", []), start=1):
        origin = sentence.get("origin", "model")
        item(f"Summary {number}" + (f" ({origin})" if origin != "model" else ""), sentence["text"], sentence.get("sources", []), [])
    for claim in report.get("claims", []):
        extra = [f"speaker: {claim.get('speaker')}   type: {claim.get('type')}   checkable: {claim.get('checkable')}"]
        if claim.get("verify"):
            extra.append(f"verify: {claim['verify']}")
        if claim.get("code_filled"):
            extra.append(f"filled by code: {', '.join(claim['code_filled'])}")
        item(f"Claim {claim.get('id', '?')}", claim["text"], claim.get("sources", []), extra, claim_as_read(claim))
    for number, event in enumerate(report.get("timeline", []), start=1):
        when = event.get("date") or "undated"
        if event.get("end") and event.get("end") != event.get("date"):
            when += f" .. {event['end']}"
        extra = [f"date: {when} ({event.get('precision')}), from the words \"{event.get('when')}\""]
        item(f"Event {number}", event["event"], event.get("sources", []), extra)
    return lines, items, problems_found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("report", type=Path, help="a report saved with factcheck ... --format json")
    parser.add_argument("--only-problems", action="store_true", help="print only the items the checker rejects")
    args = parser.parse_args()
    try:
        report = json.loads(args.report.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise SystemExit(f"audit_report: cannot read {args.report}: {exc}") from None
    if not isinstance(report, dict) or "article" not in report:
        raise SystemExit(f"audit_report: {args.report} is not a factcheck JSON report")
    article = report["article"]
    print(f"# {article.get('title') or args.report.name}  (published {article.get('published') or 'unknown'})\n")
    lines, items, problems = audit(report, args.only_problems)
    print("\n".join(lines))
    print(f"{items} items, {items - problems} supported by their cited sentences, {problems} not")


if __name__ == "__main__":
    main()

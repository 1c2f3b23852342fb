"""The digest: reports in a folder (made from the real seed report) on one page, in Markdown, HTML and JSON.

Browser tests open the HTML digest from a file:// URL in Debian's chromium through Playwright, with the
fixture of test_html.py, and are skipped the same way when Debian's chromium is missing.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from typer.testing import CliRunner

from factcheck import digest as digests
from factcheck.cli import app
from factcheck.digest import CONTENT_SECURITY_POLICY, collect, parse_since
from factcheck.models import Report, ReportWarning

from .browser import needs_chromium, screenshot
from .test_html import SEED_REPORT, Page

NOW = dt.datetime(2026, 11, 26, 8, 0, tzinfo=dt.UTC)
HOSTILE_TITLE = 'Mayor <script>window.__pwned=1</script> says "no" & <b>leaves</b>'
HOSTILE_SUMMARY = 'He said <img src=x onerror="window.__pwned=2"> & [click](javascript:window.__pwned=3) *now*'

runner = CliRunner()


def seed() -> Report:
    return Report.model_validate_json(SEED_REPORT.read_text(encoding="utf-8"))


def made(report: Report, hours_ago: float, **article) -> Report:
    report = report.model_copy(deep=True)
    report.provenance.created = NOW - dt.timedelta(hours=hours_ago)
    for key, value in article.items():
        setattr(report.article, key, value)
    return report


def hostile() -> Report:
    report = made(seed(), 2, title=HOSTILE_TITLE, source='Source "quoted" <i>&amp;</i>', url="javascript:window.__pwned=4")
    report.summary.sentences[0].text = HOSTILE_SUMMARY
    report.claims[0].text = "Claim <script>window.__pwned=5</script>"
    report.claims[0].speaker = 'Speaker "><svg onload=window.__pwned=6>'
    report.timeline[0].event = "Event </li><script>window.__pwned=7</script>"
    report.warnings.append(ReportWarning(code="x", message="<b>warning</b>"))
    return report


@pytest.fixture
def reports(tmp_path: Path) -> Path:
    """A folder as `factcheck batch --out` leaves it: one report per article, made over three days."""
    folder = tmp_path / "reports"
    folder.mkdir()
    base = seed()
    recent = made(base, 1, title="Recent story", source="Wire A", url="https://example.org/recent?a=1&b=2")
    recent.claims.reverse()  # the digest orders claims itself
    assert not recent.claims[0].checkable
    recent.claims[0].checkworthiness = 0.99  # a claim that is not checkable must not show, whatever its score
    stories = {
        "recent.json": recent,
        "hostile.json": hostile(),
        "yesterday.json": made(base, 30, title="Yesterday's story", source="Wire B", url="http://example.com/y"),
        "old.json": made(base, 24 * 9, title="Old story", source="Wire C", url=None),
    }
    for name, report in stories.items():
        (folder / name).write_text(report.model_dump_json(indent=2), encoding="utf-8")
    return folder


def add_junk(folder: Path) -> None:
    (folder / "not-json.json").write_text("{ this is not json", encoding="utf-8")
    (folder / "other.json").write_text(json.dumps({"title": "some other tool's file"}), encoding="utf-8")
    (folder / "binary.json").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe")
    (folder / "notes.txt").write_text("not a report and not *.json: ignored", encoding="utf-8")


# --- the core ------------------------------------------------------------------------------------


def test_since_parses_durations_dates_and_rejects_the_rest():
    assert parse_since("24h", now=NOW) == NOW - dt.timedelta(hours=24)
    assert parse_since("7d", now=NOW) == NOW - dt.timedelta(days=7)
    assert parse_since("90m", now=NOW) == NOW - dt.timedelta(minutes=90)
    assert parse_since("2w", now=NOW) == NOW - dt.timedelta(days=14)
    assert parse_since("2026-11-25", now=NOW) == dt.datetime(2026, 11, 25, tzinfo=dt.UTC)
    assert parse_since("2026-11-25T06:30+01:00", now=NOW) == dt.datetime(2026, 11, 25, 5, 30, tzinfo=dt.UTC)
    for bad in ("yesterday", "24", "h", "-3d", "2026-13-01", ""):
        with pytest.raises(ValueError, match="neither a duration"):
            parse_since(bad, now=NOW)


def test_collect_keeps_the_window_newest_first(reports):
    everything = collect(reports, now=NOW)
    assert [e.path.name for e in everything.entries] == ["recent.json", "hostile.json", "yesterday.json", "old.json"]
    day = collect(reports, since=parse_since("24h", now=NOW), now=NOW)
    assert [e.path.name for e in day.entries] == ["recent.json", "hostile.json"]
    week = collect(reports, since=parse_since("7d", now=NOW), now=NOW)
    assert [e.path.name for e in week.entries] == ["recent.json", "hostile.json", "yesterday.json"]
    assert collect(reports, since=parse_since("2026-11-26", now=NOW), now=NOW).entries == day.entries
    assert collect(reports, since=NOW, now=NOW).entries == []


def test_top_claims_are_the_checkable_ones_highest_score_first(reports):
    entry = collect(reports, now=NOW).entries[0]
    assert entry.path.name == "recent.json"
    top = entry.top_claims()
    # The seed's checklist order, although the file lists its claims in reverse: ties (C1 and C2) keep it.
    checklist = [c.id for c in seed().claims if c.checkable]
    assert [c.id for c in top] == checklist[:3]
    assert all(c.checkable for c in top)
    scores = [c.checkworthiness for c in entry.top_claims(50)]
    assert scores == sorted(scores, reverse=True) and len(scores) == len(checklist)


def test_markdown_has_each_articles_title_source_link_summary_claims_and_timeline(reports):
    text = digests.to_markdown(collect(reports, since=parse_since("7d", now=NOW), now=NOW))
    base = seed()
    assert text.startswith("# factcheck digest: 3 articles\n")
    assert text.index("## 1. Recent story") < text.index("## 2. Mayor") < text.index("## 3. Yesterday's story")
    assert "Old story" not in text
    assert "Wire A · published 2025-05-13 · <https://example.org/recent?a=1&b=2>" in text
    assert "Wire B · published 2025-05-13 · <http://example.com/y>" in text
    recent = text[text.index("## 1."):text.index("## 2.")]
    for sentence in base.summary.sentences:
        assert digests._md(sentence.text) in recent
    assert f"### Top claims to check (3 of {sum(c.checkable for c in seed().claims)})" in recent
    c1, c2 = (next(c for c in base.claims if c.id == i) for i in ("C1", "C2"))
    assert recent.index(digests._md(c1.text)) < recent.index(digests._md(c2.text))
    assert f"- [ ] **{c1.checkworthiness:.2f}** · quote · {c1.speaker}: " in recent
    assert digests._md(base.claims[9].text) not in recent  # C10: checkable, but not in the top 3
    assert recent.count("- **") == len(base.timeline)
    assert "- **11 May 2025** (Sunday): The proposal for unconditional talks" in recent
    assert "- **June 2025** (next month): " in recent
    assert f"*{len(base.warnings)} warnings in the report.*" in recent


def test_markdown_keeps_hostile_text_literal(reports):
    text = digests.to_markdown(collect(reports, now=NOW))
    html = MarkdownIt("commonmark").render(text)
    assert "<script" not in html and "<img" not in html and "<svg" not in html and "<b>" not in html
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in html  # the title, shown as text
    assert "[click](javascript:window.__pwned=3) *now*" in html  # no link, no emphasis: literal text
    hrefs = [a["href"] for a in Page(html).find("a")]
    assert hrefs == ["https://example.org/recent?a=1&b=2", "http://example.com/y"]


def test_json_index_lists_report_paths_and_counts(reports):
    add_junk(reports)
    data = json.loads(digests.to_json(collect(reports, since=parse_since("7d", now=NOW), now=NOW)))
    assert [Path(a["report"]).name for a in data["articles"]] == ["recent.json", "hostile.json", "yesterday.json"]
    assert all(Path(a["report"]).is_absolute() and Path(a["report"]).is_file() for a in data["articles"])
    base = seed()
    per_article = {
        "summary_sentences": len(base.summary.sentences),
        "claims": len(base.claims),
        "checkable_claims": sum(c.checkable for c in base.claims),
        "events": len(base.timeline),
        "warnings": len(base.warnings),
    }
    assert data["articles"][2]["counts"] == per_article
    assert data["articles"][1]["counts"]["warnings"] == len(base.warnings) + 1  # the hostile one has one more
    assert data["articles"][0] | {"report": None, "counts": None} == {
        "report": None, "counts": None, "title": "Recent story", "source": "Wire A", "url": "https://example.org/recent?a=1&b=2",
        "published": "2025-05-13", "created": "2026-11-26T07:00:00+00:00",
    }
    assert data["counts"]["articles"] == 3 and data["counts"]["skipped_files"] == 3
    assert data["counts"]["claims"] == 3 * len(base.claims) and data["counts"]["events"] == 3 * len(base.timeline)
    assert data["since"] == "2026-11-19T08:00:00+00:00"
    assert sorted(Path(s["file"]).name for s in data["skipped"]) == ["binary.json", "not-json.json", "other.json"]


def test_invalid_files_are_skipped_with_a_warning_not_a_crash(reports):
    add_junk(reports)
    (reports / "unreadable.json").mkdir()  # a folder named like a report
    result = runner.invoke(app, ["digest", str(reports), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["counts"]["articles"] == 4 and data["counts"]["skipped_files"] == 4
    warnings = [line for line in result.stderr.splitlines() if line.startswith("factcheck: warning: skipped ")]
    assert len(warnings) == 4, result.stderr
    for name in ("binary.json", "not-json.json", "other.json", "unreadable.json"):
        assert any(name in w for w in warnings), name
    assert "Traceback" not in result.output
    md = runner.invoke(app, ["digest", str(reports)])
    assert "## Skipped files (not reports)" in md.stdout and "- other.json: " in md.stdout


def test_an_empty_window_says_so(reports, tmp_path):
    for args, needle in (
        (["--since", "2030-01-01"], "*No report in this window.*"),
        (["--since", "2030-01-01", "-f", "html"], '<p class="empty" id="empty">No report in this window.</p>'),
    ):
        result = runner.invoke(app, ["digest", str(reports), *args])
        assert result.exit_code == 0 and needle in result.stdout, result.output
    data = json.loads(runner.invoke(app, ["digest", str(reports), "--since", "2030-01-01", "-f", "json"]).stdout)
    assert data["articles"] == [] and data["counts"]["articles"] == 0
    empty = tmp_path / "empty"
    empty.mkdir()
    assert "*No report in this folder.*" in runner.invoke(app, ["digest", str(empty)]).stdout


def test_cli_errors_are_one_line_with_an_exit_code(tmp_path):
    missing = runner.invoke(app, ["digest", str(tmp_path / "nope")])
    assert missing.exit_code == 3 and "no such folder of reports" in missing.stderr
    bad = runner.invoke(app, ["digest", str(tmp_path), "--since", "last week"])
    assert bad.exit_code == 2 and "--since" in bad.stderr


def test_cli_writes_the_html_digest_to_a_file(reports, tmp_path):
    out = tmp_path / "digest.html"
    result = runner.invoke(app, ["digest", str(reports), "--since", "7d", "--format", "html", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    html = out.read_text(encoding="utf-8")
    assert html.count('<article class="entry"') == 3 and "Old story" not in html


# --- HTML ----------------------------------------------------------------------------------------


def test_html_escapes_everything_and_links_only_http(reports):
    html = digests.to_html(collect(reports, now=NOW))
    page = Page(html)
    assert {t for t, _ in page.tags} <= {
        "html", "head", "meta", "title", "style", "body", "div", "header", "p", "h1", "h2", "h3", "span", "nav", "ol",
        "ul", "li", "a", "main", "article", "b",
    }
    assert page.raw["script"] == [] and len(page.raw["style"]) == 1
    assert not [(t, k) for t, a in page.tags for k in a if k.startswith("on")]
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt; says &quot;no&quot; &amp; &lt;b&gt;leaves&lt;/b&gt;" in html
    assert "He said &lt;img src=x onerror=&quot;window.__pwned=2&quot;&gt; &amp; [click]" in html
    assert "Event &lt;/li&gt;&lt;script&gt;window.__pwned=7&lt;/script&gt;" in html
    external = [a["href"] for a in page.find("a") if not a["href"].startswith("#")]
    assert external == ["https://example.org/recent?a=1&b=2", "http://example.com/y"]
    assert "javascript:window.__pwned=4" in html and 'href="javascript' not in html  # shown as text only
    assert [a["href"] for a in page.find("a") if a["href"].startswith("#")] == ["#a-1", "#a-2", "#a-3", "#a-4"]


def test_html_has_a_strict_content_security_policy_and_no_external_asset(reports):
    html = digests.to_html(collect(reports, now=NOW))
    page = Page(html)
    (meta,) = page.find("meta", http_equiv="Content-Security-Policy")
    assert meta["content"] == CONTENT_SECURITY_POLICY
    directives = dict(d.strip().split(" ", 1) for d in CONTENT_SECURITY_POLICY.split(";"))
    assert directives["default-src"] == directives["script-src"] == directives["img-src"] == "'none'"
    assert directives["style-src"].startswith("'sha256-")
    assert not any(k in ("src", "srcset") for _, a in page.tags for k in a)
    assert "@import" not in html and "url(" not in html


# --- in a real browser ---------------------------------------------------------------------------


def pixel_stats(browser, png: bytes) -> dict:
    """Decode a screenshot in a blank page (no CSP there) and measure it: luminance variance, and the
    share of pixels that differ from the most common (background) colour."""
    ctx = browser.new_context()
    try:
        page = ctx.new_page()
        return page.evaluate(
            """async (b64) => {
                const img = new Image();
                img.src = "data:image/png;base64," + b64;
                await img.decode();
                const c = document.createElement("canvas");
                c.width = img.width; c.height = img.height;
                const g = c.getContext("2d");
                g.drawImage(img, 0, 0);
                const d = g.getImageData(0, 0, c.width, c.height).data;
                let n = 0, sum = 0, sq = 0;
                const counts = new Map();
                for (let i = 0; i < d.length; i += 4) {
                    const y = 0.299 * d[i] + 0.587 * d[i + 1] + 0.114 * d[i + 2];
                    n++; sum += y; sq += y * y;
                    const key = (d[i] << 16) | (d[i + 1] << 8) | d[i + 2];
                    counts.set(key, (counts.get(key) || 0) + 1);
                }
                const mean = sum / n;
                const top = Math.max(...counts.values());
                return {width: c.width, height: c.height, variance: sq / n - mean * mean, ink: 1 - top / n};
            }""",
            base64.b64encode(png).decode("ascii"),
        )
    finally:
        ctx.close()


def _boxes(page, selector: str) -> list[dict]:
    return page.eval_on_selector_all(selector, "els => els.map(e => e.getBoundingClientRect().toJSON())")


@pytest.mark.browser
@needs_chromium
@pytest.mark.parametrize(
    ("viewport", "mobile"), [((1280, 800), False), ((390, 844), True)], ids=["laptop", "phone"]
)
def test_browser_the_digest_lays_out(reports, open_page, browser, viewport, mobile):
    html = digests.to_html(collect(reports, now=NOW))
    extra = {"is_mobile": True, "has_touch": True} if mobile else {}
    page = open_page(html, f"digest-{viewport[0]}", viewport=viewport, **extra)
    width = viewport[0]

    # Every article is on the page, visible, one below the other, none overlapping, within the width.
    entries = _boxes(page, "article.entry")
    assert len(entries) == 4
    assert all(page.is_visible(f"#a-{i}") for i in range(1, 5))
    for box in entries:
        assert box["width"] > min(300, width - 40) and box["height"] > 200, box
        assert box["x"] >= 0 and box["x"] + box["width"] <= width + 0.5, box
    for above, below in zip(entries, entries[1:]):
        assert below["y"] >= above["y"] + above["height"], (above, below)
    assert page.evaluate("document.documentElement.scrollWidth") <= width, "horizontal overflow"
    # Inside an article: heading, summary, claims and timeline follow each other without overlap.
    parts = [page.eval_on_selector(f"#a-1 {s}", "e => e.getBoundingClientRect().toJSON()")
             for s in ("h2", "ul.summary", "ol.claims", "ol.timeline")]
    for above, below in zip(parts, parts[1:]):
        assert below["y"] >= above["y"] + above["height"], (above, below)
    claims = _boxes(page, "#a-1 li.claim")
    assert len(claims) == 3
    for above, below in zip(claims, claims[1:]):
        assert below["y"] >= above["y"] + above["height"] - 0.5
    assert page.inner_text("#a-2 h2") == HOSTILE_TITLE  # the hostile title is text on the page

    # Nothing ran, nothing loaded, the style sheet applied (the CSP let it through).
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.events["dialogs"] == [] and page.events["errors"] == []
    assert [u for u in page.events["requests"] if not u.startswith("file://")] == []
    assert page.evaluate("document.styleSheets.length") == 1
    assert page.eval_on_selector("article.entry", "e => getComputedStyle(e).borderTopLeftRadius") == "10px"

    # The screenshot is a page, not a blank: varied pixels, a good share of them not background.
    stats = pixel_stats(browser, screenshot(page, f"digest-{'phone' if mobile else 'laptop'}"))
    assert stats["width"] == width
    assert stats["height"] >= sum(b["height"] for b in entries)
    assert stats["variance"] > 200, stats
    assert stats["ink"] > 0.05, stats


@pytest.mark.browser
@needs_chromium
def test_browser_an_empty_digest_says_so(reports, open_page, browser):
    html = digests.to_html(collect(reports, since=NOW, now=NOW))
    page = open_page(html, "digest-empty")
    assert page.is_visible("#empty") and page.inner_text("#empty") == "No report in this window."
    assert page.query_selector_all("article.entry") == []
    assert page.inner_text("h1") == "factcheck digest: 0 articles"

"""The HTML report page: escaping, links, checklist, and (in real headless Chromium) its behaviour.

Unit tests read the page with the standard library's HTML parser. Browser tests (marked `browser`)
open the page from a file:// URL in Debian's chromium driven by Playwright; they are skipped only when
it is missing (.ci/browser-deps.sh installs its headless shell).
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import re
import time
from html.parser import HTMLParser

import pytest

from factcheck.article import load_article, parse_text, split_sentences
from factcheck.html import CONTENT_SECURITY_POLICY, render_html
from factcheck.render import clip, short_warning
from factcheck.models import (
    ArticleInfo,
    Claim,
    PromptRef,
    Provenance,
    Report,
    ReportWarning,
    Sentence,
    Summary,
    SummarySentence,
    TimelineEvent,
    Usage,
)

from .browser import needs_chromium, screenshot
from .conftest import ROOT, SEED

SEED_REPORT = ROOT / "tests" / "data" / "seed-report.json"

# Each payload sets window.__pwned or opens a dialog if it ever runs as markup or script.
PAYLOADS = [
    "<script>window.__pwned = 1; alert(1)</script>",
    '"><img src=x onerror="window.__pwned=2;alert(2)">',
    "</script><!-- <script>window.__pwned=3</script>",
    "'><svg onload=window.__pwned=4>",
    "<style>body{display:none}</style><a href=\"javascript:window.__pwned=5\">x</a>",
]
EVIL = " ".join(PAYLOADS)


# --- reports to render -------------------------------------------------------------------------


def _info(article, **override) -> ArticleInfo:
    return ArticleInfo(
        title=override.get("title", article.title),
        published=article.published,
        source=override.get("source", article.source),
        url=override.get("url", article.url),
        text=article.text,
        sha256=article.sha256,
        sentences=[Sentence(id=s.id, text=s.text, start=s.start, end=s.end, heading=s.heading) for s in article.sentences],
    )


def _provenance(model: str = "SmolLM2-135M-Instruct", prompt: str = "claim") -> Provenance:
    usage = Usage(prompt_tokens=1200, completion_tokens=340, calls=14)
    return Provenance(
        factcheck_version="0.1.0",
        provider="local",
        model=model,
        structured_output="json_schema grammar",
        prompts=[PromptRef(name="summary", version="1", sha256="ab" * 32), PromptRef(name=prompt, version="2", sha256="cd" * 32)],
        usage={"summary": Usage(prompt_tokens=400, completion_tokens=100, calls=4), "claims": usage},
        total=Usage(prompt_tokens=1600, completion_tokens=440, calls=18),
        duration_seconds=12.34,
        created=dt.datetime(2026, 11, 26, 18, 0, tzinfo=dt.UTC),
    )


def _claim(cid: str, text: str, sources: list[str], quote: str, **kw) -> Claim:
    fields = dict(
        type="quote",
        speaker="Recep Tayyip Erdogan",
        checkable=True,
        checkworthiness=0.5,
        reason="A statement attributed to a head of state.",
        verify="The Turkish Communications Directorate's readout of the meeting.",
    )
    fields.update(kw)
    return Claim(id=cid, text=text, sources=sources, quote=quote, **fields)


def _event(date, end, precision, when, event, sources, origin="model") -> TimelineEvent:
    return TimelineEvent(date=date, end=end, precision=precision, when=when, event=event, sources=sources, origin=origin)


def hand_made_seed_report() -> Report:
    article = load_article(str(SEED))
    text = {s.id: s.text for s in article.sentences}
    d = dt.date
    return Report(
        article=_info(article),
        summary=Summary(
            sentences=[
                SummarySentence(text="Erdogan reiterated Türkiye's support for a Russia-Ukraine ceasefire.", sources=["S1", "S5"]),
                SummarySentence(text="He received NATO Secretary General Mark Rutte in Ankara on Tuesday.", sources=["S2"]),
                SummarySentence(text=text["S11"], sources=["S11"], origin="extractive"),
            ]
        ),
        claims=[
            _claim("C1", "Putin proposed unconditional talks in Istanbul on May 15.", ["S11"], text["S11"][:60],
                   type="event", speaker="the outlet", checkworthiness=0.82),
            _claim("C2", "Türkiye will assume the command of the NATO Kosovo Force again.", ["S13"],
                   "Türkiye will assume the command of the NATO Kosovo Force again", checkworthiness=0.74),
            _claim("C3", "Rutte described Türkiye as a staunch and capable ally.", ["S7"], text["S7"][:50],
                   speaker="Mark Rutte", checkworthiness=0.41, code_filled=["verify"]),
            _claim("C4", text["S14"], ["S14"], text["S14"][:40], type="prediction", checkable=False,
                   checkworthiness=0.1, code_filled=["text"]),
        ],
        timeline=[
            _event(d(2025, 5, 11), d(2025, 5, 11), "day", "on Sunday", "Putin proposes talks in Istanbul.", ["S11"]),
            _event(d(2025, 5, 13), d(2025, 5, 13), "day", "On Tuesday", "Erdogan receives Rutte in Ankara.", ["S2", "S7"]),
            _event(d(2025, 5, 14), d(2025, 5, 15), "day", "May 14-15", "Informal NATO foreign ministers' meeting in Antalya.", ["S8"]),
            _event(d(2025, 6, 1), d(2025, 6, 30), "month", "next month", "NATO Summit.", ["S9"], origin="extractive"),
            _event(None, None, "unknown", "Later that day", "Erdogan confirms readiness to host.", ["S12"]),
        ],
        warnings=[
            ReportWarning(code="dropped-claim", message="S3: the model's answer failed its checks twice", item="claims:S3"),
            ReportWarning(code="unresolved-date", message="'Later that day' has no antecedent date", item="timeline:S12"),
        ],
        provenance=_provenance(),
    )


@pytest.fixture(scope="module")
def seed_report() -> Report:
    """The real report of the seed article when one is checked in, else a hand-made one."""
    if SEED_REPORT.exists():
        return Report.model_validate_json(SEED_REPORT.read_text(encoding="utf-8"))
    return hand_made_seed_report()


def injection_report(url: str | None = "https://example.org/news?a=1&b=<2>", payloads: list[str] = PAYLOADS) -> Report:
    PAYLOADS, EVIL = payloads, " ".join(payloads)  # noqa: N806 - the module's payloads, or a subset
    body = (
        "# heading <b>bold</b> " + PAYLOADS[0] + "\n\n"
        f"The minister said {PAYLOADS[1]} was fine. Officials wrote {PAYLOADS[2]} on 3 May 2025.\n\n"
        f"A third paragraph {PAYLOADS[3]} and {PAYLOADS[4]} ends here."
    )
    article = parse_text(body)
    article.title = "Title " + EVIL
    article.source = "Source " + PAYLOADS[1]
    article.published = dt.date(2025, 5, 13)
    article.url = url
    article.sentences = split_sentences(article.text)
    sids = [s.id for s in article.sentences]
    assert len(sids) >= 3, sids
    return Report(
        article=_info(article),
        summary=Summary(sentences=[SummarySentence(text="Summary " + EVIL, sources=[sids[0], sids[1]])]),
        claims=[
            _claim("C1", "Claim " + EVIL, [sids[1]], "quote " + EVIL, speaker="Speaker " + PAYLOADS[1],
                   reason="Reason " + PAYLOADS[0], verify="Verify " + PAYLOADS[2]),
            _claim("C2", "Opinion " + PAYLOADS[3], [sids[-1]], "q", checkable=False, type="opinion"),
        ],
        timeline=[
            _event(dt.date(2025, 5, 3), dt.date(2025, 5, 3), "day", "on 3 May " + PAYLOADS[0], "Event " + EVIL, [sids[2]]),
        ],
        warnings=[ReportWarning(code="code " + PAYLOADS[0], message="Message " + EVIL, item="item " + PAYLOADS[1])],
        provenance=_provenance(model="model " + PAYLOADS[0], prompt="prompt " + PAYLOADS[1]),
    )


# --- reading the page --------------------------------------------------------------------------


class Page(HTMLParser):
    """Every start tag with its attributes, the raw text of <script> and <style>, and comments."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.raw: dict[str, list[str]] = {"script": [], "style": []}
        self.comments: list[str] = []
        self._in: str | None = None
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag in self.raw:
            self._in = tag
            self.raw[tag].append("")

    def handle_endtag(self, tag):
        if tag == self._in:
            self._in = None

    def handle_data(self, data):
        if self._in:
            self.raw[self._in][-1] += data

    def handle_comment(self, data):
        self.comments.append(data)

    def find(self, tag: str | None = None, **attrs: str) -> list[dict[str, str | None]]:
        return [a for t, a in self.tags if (tag is None or t == tag) and all(a.get(k.rstrip("_").replace("_", "-")) == v for k, v in attrs.items())]

    def ids(self) -> set[str]:
        return {a["id"] for _, a in self.tags if a.get("id")}


ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "main", "section", "div", "p", "h1", "h2", "h3",
    "span", "a", "ol", "ul", "li", "input", "label", "blockquote", "dl", "dt", "dd", "meter", "time", "b",
    "code", "table", "tr", "th", "td", "footer", "button", "script", "details", "summary",
}


def _sources(report: Report) -> set[str]:
    out = {sid for s in report.summary.sentences for sid in s.sources}
    out |= {sid for c in report.claims for sid in c.sources}
    out |= {sid for e in report.timeline for sid in e.sources}
    return out


# --- unit tests --------------------------------------------------------------------------------


def test_injected_markup_comes_out_as_text_only():
    report = injection_report()
    html = render_html(report)
    page = Page(html)

    assert {t for t, _ in page.tags} <= ALLOWED_TAGS
    assert len(page.find("script")) == 1 and len(page.find("style")) == 1
    assert page.comments == []
    assert not [(t, k) for t, a in page.tags for k in a if k.startswith("on")], "an event-handler attribute leaked"
    assert not page.find("img") and not page.find("svg")
    assert html.count("</script>") == 1 and html.count("<script>") == 1
    assert "<!--" not in html
    assert "window.__pwned" not in page.raw["script"][0]
    assert "javascript:" not in "".join(a.get("href") or "" for _, a in page.tags)
    # The payloads are on the page, as text, wherever the report carries them.
    escaped = "&lt;script&gt;window.__pwned = 1; alert(1)&lt;/script&gt;"
    for where in ("<h1>Title ", "<title>Title ", "Summary ", "Claim ", "Event ", "Message ", "Reason ", "model "):
        assert where in html
    assert html.count(escaped) >= 8
    assert "&quot;&gt;&lt;img src=x onerror=&quot;window.__pwned=2;alert(2)&quot;&gt;" in html


def test_every_attribute_value_is_quoted_and_escaped():
    html = render_html(injection_report())
    # Outside the one script and style sheet, no raw '<' or '>' or '"' may sit inside an attribute value.
    body = re.sub(r"<(script|style)>.*?</\1>", "", html, flags=re.S)
    for value in re.findall(r'=\s*"([^"]*)"', body):
        assert "<" not in value and ">" not in value, value


def test_script_and_style_are_pinned_by_the_content_security_policy():
    html = render_html(hand_made_seed_report())
    page = Page(html)
    (meta,) = page.find("meta", http_equiv="Content-Security-Policy")
    csp = meta["content"]
    assert csp == CONTENT_SECURITY_POLICY
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";"))
    assert directives["default-src"] == "'none'"
    for kind in ("script", "style"):
        digest = base64.b64encode(hashlib.sha256(page.raw[kind][0].encode()).digest()).decode()
        assert directives[f"{kind}-src"] == f"'sha256-{digest}'", kind
    for directive in ("img-src", "connect-src", "font-src", "frame-src", "object-src", "base-uri", "form-action"):
        assert directives[directive] == "'none'", directive
    assert "unsafe-inline" not in csp and "http" not in csp


def test_every_cited_sentence_is_an_anchor_and_a_link(seed_report):
    page = Page(render_html(seed_report))
    ids = page.ids()
    hrefs = {a["href"] for a in page.find("a") if a.get("href", "").startswith("#")}
    cited = _sources(seed_report)
    assert cited
    for sid in cited:
        assert sid in ids, f"no anchor for {sid}"
        assert f"#{sid}" in hrefs, f"no link to {sid}"
    spans = page.find("span", data_sid="S1")
    assert spans and spans[0]["id"] == "S1"
    assert len([a for a in page.find("span") if "data-sid" in a and "s" in (a.get("class") or "").split()]) == len(
        seed_report.article.sentences
    )


def test_sentences_know_the_items_that_cite_them():
    report = hand_made_seed_report()
    page = Page(render_html(report))
    (s11,) = page.find("span", id="S11")
    assert s11["data-cited-by"].split() == ["sum-3", "claim-C1", "ev-1"]
    (s3,) = page.find("span", id="S3")
    assert "data-cited-by" not in s3
    for dom_id in s11["data-cited-by"].split():
        (item,) = [a for _, a in page.tags if a.get("id") == dom_id]
        assert "S11" in item["data-sources"].split()


def test_one_checkbox_per_claim_keyed_by_claim_id():
    report = hand_made_seed_report()
    html = render_html(report)
    page = Page(html)
    boxes = page.find("input", type="checkbox")
    assert sorted(b["data-claim"] for b in boxes) == sorted(c.id for c in report.claims)
    assert len({b["id"] for b in boxes}) == len(boxes)
    (body,) = page.find("body")
    assert body["data-article-sha256"] == report.article.sha256
    assert '"factcheck:" + sha + ":" + box.getAttribute("data-claim")' in page.raw["script"][0]
    # Checkable claims first, then opinions and predictions, as in the Markdown.
    order = [b["data-claim"] for b in boxes]
    assert order == ["C1", "C2", "C3", "C4"]
    assert "Opinions and predictions (not checkable)" in html


@pytest.mark.parametrize(
    ("url", "linked"),
    [
        ("https://example.org/news?a=1&b=<2>", True),
        ("http://example.org/story", True),
        ("javascript:window.__pwned=9", False),
        ("data:text/html,<script>alert(1)</script>", False),
        ("file:///etc/passwd", False),
        ("https://", False),
        (" https://example.org/a b", False),
        (None, False),
    ],
)
def test_only_the_articles_own_http_link_leaves_the_page(url, linked):
    report = injection_report(url=url)
    html = render_html(report)
    page = Page(html)
    external = [a.get("href") for a in page.find("a") if not (a.get("href") or "").startswith("#")]
    assert not any("src" in a for _, a in page.tags), "nothing on the page loads a resource"
    assert not [h for h in external if h is None]
    if linked:
        assert external == [url]
        assert re.search(r'href="https?://example\.org/[^"<>]*"', html)
        assert url.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") in html
    else:
        assert external == []
        if url:
            assert url.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") in html  # shown, as text
    urls_in_attributes = [v for _, a in page.tags for k, v in a.items() if v and re.search(r"(?i)https?:", v)]
    assert urls_in_attributes == ([url] if linked else [])


def test_dates_shown_at_their_precision_with_the_words_as_written():
    html = render_html(hand_made_seed_report())
    for shown in ("11 May 2025", "14–15 May 2025", "June 2025", "unresolved"):
        assert f">{shown}<" in html, shown
    assert '<time datetime="2025-05-14/2025-05-15">14–15 May 2025</time>' in html
    assert "as written: “next month”" in html
    assert 'class="item event unresolved"' in html


# A rejected answer as the pipeline quotes it in a warning: far longer than a reader needs.
REJECTED = (
    "The speaker makes a claim about the Secretary General of the NATO, stating that he is a staunch "
    "and capable ally of the Republic and of every other member of the alliance"
)


def report_with_stand_ins() -> Report:
    """The hand-made seed report with the warnings the pipeline writes when code stands in for the model."""
    report = hand_made_seed_report()
    report.claims[2].code_filled = ["speaker", "type"]
    report.warnings = [
        ReportWarning(code="extractive-summary", item="S11",
                      message="S11: kept the article's sentence: the model's answer failed its checks: the sentence drops the attribution"),
        ReportWarning(code="code-filled-claim", item="S7.2",
                      message=f"S7.2: code filled speaker, type: the model's answer failed its checks: the claim {REJECTED!r} "
                      "describes the task; state what the article says instead; type statistic needs a number other than a date"),
        ReportWarning(code="extractive-event", item="E4",
                      message="E4: kept the article's sentence: the model's answer failed its checks: the event 'next month' only repeats the date"),
        ReportWarning(code="unresolved-date", item="S12", message="could not resolve 'Later that day' (XXXX-XX-XX) to a calendar date"),
    ]
    return report


def _report_pane(html: str) -> str:
    return html[html.index('<div id="report-pane">'):html.index("</main>")]


def test_the_report_leads_with_summary_checklist_and_timeline_and_ends_with_the_warnings():
    pane = _report_pane(render_html(report_with_stand_ins()))
    order = [pane.index(f'id="{section}"') for section in ("summary", "claims", "timeline", "warnings")]
    assert order == sorted(order), order


def test_warnings_are_folded_under_one_line_of_plain_words_grouped_by_kind():
    html = render_html(report_with_stand_ins())
    section = html[html.index('<section class="warnings"'):]
    section = section[:section.index("</section>")]
    page = Page(section)
    assert [t for t, _ in page.tags][:4] == ["section", "h2", "span", "details"], "folded: nothing shows but the count"
    summary = section[section.index("<summary>") + 9:section.index("</summary>")]
    assert summary == (
        "2 items are the article&#x27;s own words and 1 claim has fields filled by code because the model&#x27;s "
        "answers failed the checks; 1 date could not be resolved"
    )
    kinds = [a["data-code"] for a in page.find("h3")]
    assert kinds == ["extractive-summary", "code-filled-claim", "extractive-event", "unresolved-date"]
    assert "1 summary sentence is the article&#x27;s own words</h3>" in section
    # Each line names its step, linked to the sentence it is about.
    assert '<a class="wi" href="#S7">S7.2</a>: code filled speaker, type: the claim' in section
    assert '<span class="wi">E4</span>: kept the article&#x27;s sentence: the event' in section


def test_a_rendered_warning_quotes_a_few_words_of_the_rejected_answer_and_the_json_keeps_all():
    report = report_with_stand_ins()
    html = render_html(report)
    assert REJECTED not in html and "Republic" not in html
    assert "the claim &#x27;The speaker makes a claim…&#x27; describes the task" in html
    assert "the model&#x27;s answer failed its checks" not in html  # the kind's line says so once
    warning = report.warnings[1]
    assert len(short_warning(warning)) <= 140
    assert REJECTED in Report.model_validate_json(report.model_dump_json()).warnings[1].message


@pytest.mark.parametrize(
    ("text", "chars", "words", "expected"),
    [
        ("one two three", 40, 5, "one two three"),
        ("one two three four five six seven", 80, 3, "one two three…"),
        ("alpha beta gamma delta", 13, None, "alpha beta…"),
        ("the end; of it", 8, None, "the end…"),
        ("x" * 30, 10, None, "x" * 10 + "…"),
    ],
)
def test_clip_cuts_at_a_word_boundary_with_an_ellipsis(text, chars, words, expected):
    assert clip(text, chars, words) == expected


def test_each_item_carries_its_own_flag():
    html = render_html(report_with_stand_ins())
    page = Page(html)

    def item(dom_id: str) -> str:
        start = html.index(f'id="{dom_id}"')
        return html[start:html.index("</li>", start)]

    # The warning that names the sentence says why, on the flag.
    assert '<span class="flag" title="kept the article&#x27;s sentence: the sentence drops the attribution">article&#x27;s words</span>' in item("sum-3")
    assert 'class="flag"' not in item("sum-1")
    assert '<span class="flag">filled by code: speaker, type</span>' in item("claim-C3")
    assert '<span class="flag">article&#x27;s words</span>' in item("claim-C4")  # its text is the quote
    assert '<span class="flag">article&#x27;s words</span>' in item("ev-4")
    assert 'class="flag"' not in item("ev-1")
    # A warning about an article sentence flags that sentence.
    assert re.search(r'<span id="S12" [^>]*>(?:(?!<span id=).)*<span class="flag">date not resolved</span></span>', html)
    assert len(page.find("span", class_="flag")) == 5


def test_provenance_is_shown():
    report = hand_made_seed_report()
    html = render_html(report)
    assert 'href="#warnings"><b>2</b> warnings</a>' in html
    footer = html[html.index("<footer"):html.index("</footer>")]
    for needle in ("local", "SmolLM2-135M-Instruct", "summary v1", "claim v2", "2040 in 18 calls", "12.3 s", report.article.sha256):
        assert needle in footer, needle


def test_engine_timings_are_shown_when_the_report_has_them():
    from factcheck import models

    report = hand_made_seed_report()
    report.provenance.engine = models.EngineTimings(
        prompt_eval_tokens=900, prompt_eval_ms=2500.0, generated_tokens=210, generation_ms=4200.0
    )
    html = render_html(report)
    assert "<dt>Engine</dt><dd>900 prompt tokens evaluated in 2.5 s · 210 generated in 4.2 s</dd>" in html
    assert "<dt>Engine</dt>" not in render_html(hand_made_seed_report())


def test_article_keeps_its_paragraphs_and_headings():
    html = render_html(hand_made_seed_report())
    page = Page(html)
    assert len(page.find("h3", class_="xhead")) == 2  # “Staunch, capable ally” and the second cross-heading
    article = html[html.index('<div class="article">'):html.index("</section>", html.index('<div class="article">'))]
    assert article.count("<p>") == 12  # each prose sentence of the seed is its own paragraph


def test_rendering_is_deterministic_and_survives_a_json_round_trip(seed_report):
    """`factcheck render report.json` must give the page `summarize` gave: same report, same bytes."""
    again = Report.model_validate_json(seed_report.model_dump_json())
    assert render_html(again) == render_html(seed_report)


def test_an_empty_report_still_renders():
    article = parse_text("Nothing happened.")
    article.sentences = split_sentences(article.text)
    report = Report(
        article=_info(article), summary=Summary(), claims=[], timeline=[], warnings=[], provenance=_provenance()
    )
    html = render_html(report)
    assert "Untitled article" in html
    assert "No summary sentence passed the checks." in html
    assert "No checkable claim was found in this article." in html
    assert "No dated event was found in this article." in html
    assert 'id="warnings"' not in html


def test_odd_ids_from_a_model_cannot_break_out():
    report = hand_made_seed_report()
    clean = Page(render_html(report))
    report.claims[0].id = 'C1" onclick="window.__pwned=1'
    report.claims[0].sources = ["S11", 'S2"><b>x</b>']
    page = Page(render_html(report))
    assert not [k for _, a in page.tags for k in a if k.startswith("on")]
    assert {t for t, _ in page.tags} == {t for t, _ in clean.tags}, "the odd ids made new elements"
    assert len(page.tags) == len(clean.tags) + 1  # one more citation chip, not a link: no such sentence id
    assert not [a for a in page.find("a") if "<" in (a.get("href") or "")]
    (box,) = [b for b in page.find("input") if b["data-claim"].startswith("C1")]
    assert box["data-claim"] == 'C1" onclick="window.__pwned=1'
    assert all(" " not in (a.get("id") or "") for _, a in page.tags)


# --- in a real browser -------------------------------------------------------------------------

@pytest.fixture
def page_for(open_page):
    """Render a report and open it in a fresh browser context."""
    return lambda report, name, *, viewport=(1280, 640), **context_args: open_page(
        render_html(report), name, viewport=viewport, **context_args)


def _in_view(page, selector: str) -> bool:
    """Whether the element is visible on screen: inside the window and inside every scrolling ancestor."""
    return page.eval_on_selector(
        selector,
        """el => {
            const r = el.getBoundingClientRect();
            if (r.bottom <= 0 || r.top >= innerHeight) return false;
            for (let p = el.parentElement; p; p = p.parentElement) {
                const s = getComputedStyle(p);
                if (/(auto|scroll|hidden)/.test(s.overflowY)) {
                    const q = p.getBoundingClientRect();
                    if (r.bottom <= q.top || r.top >= q.bottom) return false;
                }
            }
            return true;
        }""",
    )


def _wait_until(page, expression: str, timeout: float = 3.0) -> None:
    """Poll a JS expression (wait_for_function would need eval, which the page's CSP forbids)."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        assert time.monotonic() < deadline, f"timed out waiting for {expression}"
        page.wait_for_timeout(30)


def _classes(page, selector: str) -> list[str]:
    return page.eval_on_selector(selector, "el => Array.from(el.classList)")


@pytest.mark.browser
@needs_chromium
def test_browser_clicking_a_claim_highlights_and_reveals_its_sentences(page_for, seed_report):
    page = page_for(seed_report, "seed")
    assert page.evaluate("document.body.classList.contains('js')"), page.events
    assert seed_report.claims, "the seed report has no claim to click"
    # A claim citing a sentence far down the article; scroll the article away from that sentence first.
    claim = max(seed_report.claims, key=lambda c: int(re.sub(r"\D", "", c.sources[0]) or 0))
    sid = claim.sources[0]
    page.evaluate("window.scrollTo(0, 0)")
    page.eval_on_selector("#article-pane", "p => { p.scrollTop = 0; }")
    if _in_view(page, f"#{sid}"):
        page.eval_on_selector("#article-pane", "p => { p.scrollTop = p.scrollHeight; }")
    assert not _in_view(page, f"#{sid}"), f"{sid} is on screen however the article scrolls: the test would prove nothing"
    assert "hl" not in _classes(page, f"#{sid}")

    page.click(f"li.claim[data-label='{claim.id}'] .chips")
    for cited in claim.sources:
        assert "hl" in _classes(page, f"#{cited}")
    page.wait_for_timeout(100)
    assert _in_view(page, f"#{sid}"), f"{sid} was not scrolled into view"
    assert "sel" in _classes(page, f"li.claim[data-label='{claim.id}']")
    others = [s.id for s in seed_report.article.sentences if s.id not in claim.sources]
    assert all("hl" not in _classes(page, f"#{o}") for o in others)
    assert page.is_visible("#selbar") and claim.id in page.inner_text("#selbar")

    # A summary sentence, then an event: the highlight moves with the selection.
    summary = seed_report.summary.sentences[0]
    page.click("#sum-1")
    assert all("hl" in _classes(page, f"#{s}") for s in summary.sources)
    assert "hl" not in _classes(page, f"#{sid}") or sid in summary.sources
    page.keyboard.press("Escape")
    assert not page.query_selector_all(".hl") and not page.is_visible("#selbar")
    assert page.events["errors"] == [] and page.events["dialogs"] == []


@pytest.mark.browser
@needs_chromium
def test_browser_clicking_a_sentence_highlights_the_items_citing_it(page_for):
    report = hand_made_seed_report()
    page = page_for(report, "seed-sentence")
    assert _classes(page, "#claim-C1").count("hl") == 0
    page.click("#S11")
    assert "sel" in _classes(page, "#S11")
    for dom_id in ("sum-3", "claim-C1", "ev-1"):
        assert "hl" in _classes(page, f"#{dom_id}"), dom_id
    assert "hl" not in _classes(page, "#claim-C2") and "hl" not in _classes(page, "#sum-1")
    assert "is cited by" in page.inner_text("#selbar")
    # A sentence nothing cites says so.
    page.click("#S3")
    assert not page.query_selector_all(".item.hl")
    assert "cited by nothing" in page.inner_text("#selbar")
    # A citation chip inside an item reveals that very sentence.
    page.click("#ev-2 a.cite[data-sid='S7']")
    assert "hl" in _classes(page, "#S7") and "hl" in _classes(page, "#S2")
    assert _in_view(page, "#S7")


@pytest.mark.browser
@needs_chromium
def test_browser_hover_previews_and_the_keyboard_selects(page_for):
    report = hand_made_seed_report()
    page = page_for(report, "seed-hover")
    page.eval_on_selector("#article-pane", "p => { p.scrollTop = 0; }")
    assert not _in_view(page, "#S13")
    page.hover("#claim-C2")
    _wait_until(page, "document.getElementById('S13').classList.contains('hl')")
    assert _in_view(page, "#S13"), "hovering a claim brings its sentence into view in the article pane"
    assert not page.is_visible("#selbar"), "a hover is a preview, not a selection"
    page.mouse.move(5, 5)  # leave: the preview goes
    _wait_until(page, "!document.querySelector('.hl')")
    # Keyboard: Tab to an item, Enter selects it; Escape clears.
    page.focus("#ev-3")
    page.keyboard.press("Enter")
    assert "sel" in _classes(page, "#ev-3") and "hl" in _classes(page, "#S8")
    page.focus("#S9")
    page.keyboard.press("Enter")
    assert "sel" in _classes(page, "#S9") and "hl" in _classes(page, "#ev-4")
    page.keyboard.press("Escape")
    assert not page.query_selector_all(".sel, .hl")


@pytest.mark.browser
@needs_chromium
def test_browser_checklist_survives_a_reload(page_for, browser):
    report = hand_made_seed_report()
    page = page_for(report, "seed-checklist")
    assert not page.is_checked("#chk-claim-C2")
    page.check("#chk-claim-C2")
    assert "done" in _classes(page, "#claim-C2")
    assert page.inner_text("#progress-done") == "1"
    key = f"factcheck:{report.article.sha256}:C2"
    assert page.evaluate("k => localStorage.getItem(k)", key) == "1"
    page.reload()
    page.wait_for_load_state("load")
    assert page.is_checked("#chk-claim-C2") and not page.is_checked("#chk-claim-C1")
    assert page.inner_text("#progress-done") == "1"
    page.uncheck("#chk-claim-C2")
    page.reload()
    assert not page.is_checked("#chk-claim-C2")
    assert page.evaluate("k => localStorage.getItem(k)", key) is None


@pytest.mark.browser
@needs_chromium
def test_browser_no_script_from_the_article_runs(page_for):
    report = injection_report()
    page = page_for(report, "injection")
    # Interact with everything the payloads sit in, then check that nothing ran.
    for selector in ("#sum-1", "#claim-C1", "#ev-1", "#S2", "header.top a", "#warnings"):
        if page.query_selector(selector) and selector != "header.top a":
            page.click(selector)
    page.hover("#claim-C1")
    page.wait_for_timeout(300)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.events["dialogs"] == []
    assert page.evaluate("document.querySelectorAll('img, svg, iframe, object, embed').length") == 0
    assert page.evaluate("document.scripts.length") == 1
    assert page.evaluate("document.styleSheets.length") == 1
    assert page.evaluate("document.body.classList.contains('js')"), "the page's own script must run under its CSP"
    assert page.title().startswith("Title <script>window.__pwned = 1;")
    assert "<script>window.__pwned = 1; alert(1)</script>" in page.inner_text("h1")
    assert '"><img src=x onerror=' in page.inner_text("#claim-C1")
    assert page.is_visible("body") and page.is_visible("#article-pane")  # the injected style did not hide it
    assert [u for u in page.events["requests"] if not u.startswith("file://")] == []
    assert page.events["errors"] == []
    screenshot(page, "injection")


@pytest.mark.browser
@needs_chromium
def test_browser_the_csp_alone_stops_the_payloads(page_for, monkeypatch):
    """Defence in depth: with escaping switched off, the injected markup is live, and still nothing runs."""
    import factcheck.html

    monkeypatch.setattr(factcheck.html, "_e", str)
    # A live "<!--" would turn the rest of the page into a comment: swap that payload for plain markup.
    live = [p if "<!--" not in p else "<b>plain</b>" for p in PAYLOADS]
    page = page_for(injection_report(payloads=live), "injection-unescaped")
    assert page.evaluate("document.querySelectorAll('img[onerror], svg[onload]').length") > 0, "the payloads are live markup"
    assert page.evaluate("document.scripts.length") > 1
    page.wait_for_timeout(300)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.events["dialogs"] == []
    assert page.is_visible("#article-pane"), "the injected <style> was not applied"
    assert [u for u in page.events["requests"] if not u.startswith("file://")] == []
    assert any("Content Security Policy" in m for m in page.events["console"]), page.events["console"]


@pytest.mark.browser
@needs_chromium
def test_browser_layout_two_columns_on_a_laptop_one_on_a_phone(page_for, seed_report):
    page = page_for(seed_report, "seed-desktop", viewport=(1280, 800))
    art = page.eval_on_selector("#article-pane", "e => e.getBoundingClientRect().toJSON()")
    rep = page.eval_on_selector("#report-pane", "e => e.getBoundingClientRect().toJSON()")
    assert art["width"] > 400 and rep["width"] > 400, (art, rep)
    assert art["x"] + art["width"] <= rep["x"] + 1 and abs(art["y"] - rep["y"]) < 2, "side by side"
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280, "no horizontal scroll"
    screenshot(page, "seed-desktop-page")
    if seed_report.claims:  # what the reader sees: a claim selected, its sentence lit in the article
        page.click(f"li.claim[data-label='{seed_report.claims[-1].id}'] .chips")
    assert [u for u in page.events["requests"] if not u.startswith("file://")] == []
    screenshot(page, "seed-desktop", full_page=False)

    phone = page_for(seed_report, "seed-phone", viewport=(390, 844), is_mobile=True, has_touch=True, device_scale_factor=2)
    art = phone.eval_on_selector("#article-pane", "e => e.getBoundingClientRect().toJSON()")
    rep = phone.eval_on_selector("#report-pane", "e => e.getBoundingClientRect().toJSON()")
    assert art["width"] > 300 and rep["width"] > 300, (art, rep)
    assert art["y"] >= rep["y"] + rep["height"] - 1, "stacked, the report first"
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390, "no horizontal scroll on a phone"
    screenshot(phone, "seed-phone")


@pytest.mark.browser
@needs_chromium
def test_browser_warnings_stay_folded_until_opened_without_script(page_for):
    page = page_for(report_with_stand_ins(), "stand-ins")
    pane = page.eval_on_selector("#report-pane", "e => e.getBoundingClientRect().top")
    summary = page.eval_on_selector("#summary", "e => e.getBoundingClientRect().top")
    assert summary - pane < 30, "the summary opens the report column"
    assert page.is_visible("#warnings summary") and not page.is_visible("#warnings li")
    page.click("#warnings summary")
    assert page.is_visible("#warnings li")
    assert page.events["errors"] == []


def test_a_compression_that_dropped_nothing_is_flagged_as_the_articles_sentence_not_shortened() -> None:
    from factcheck.render import ARTICLE_SENTENCE, SHORTENED, item_flags

    texts = {"S1": "The council approved the plan on Tuesday, officials said."}
    whole = SummarySentence(text=texts["S1"], sources=["S1"], origin="compression")
    shorter = SummarySentence(text="The council approved the plan, officials said.", sources=["S1"], origin="compression")
    assert item_flags(whole, texts) == [ARTICLE_SENTENCE]
    assert item_flags(shorter, texts) == [SHORTENED]

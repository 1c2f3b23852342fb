"""A report as one self-contained HTML page: the article beside its summary, claims and timeline.

Everything on the page that came from the article or from a model is escaped with `html.escape`;
the page carries its data in `data-*` attributes only (no JSON inside <script>), its one script and
its one style sheet are static and allowed by hash in a Content-Security-Policy that forbids every
other script, style, image, font, frame and network load. The page works offline, from a file or an
e-mail attachment; without JavaScript it still shows everything and its citation links still jump.
"""

from __future__ import annotations

import re
from collections import defaultdict

from .html_common import PALETTE_CSS, article_meta, content_security_policy, escape_html, page_head
from .models import Claim, Report, ReportWarning, SummarySentence, TimelineEvent
from .render import SENTENCE_FLAGS, format_when, grouped_warnings, item_flags, sentence_texts, short_warning, warnings_headline

__all__ = ["render_html", "CONTENT_SECURITY_POLICY"]


# Module-level names on purpose: a test switches escaping off here to prove the CSP alone holds.
_e = escape_html


# --- the static parts: style sheet and script (never built from report data) -----------------------

_CSS = PALETTE_CSS + "\n" + """
header.top { padding: 20px 28px 14px; border-bottom: 1px solid var(--rule); }
header.top .kicker { font-size: 12px; letter-spacing: .08em; text-transform: uppercase; color: var(--muted); margin: 0 0 4px; }
header.top h1 { font: 600 26px/1.25 var(--serif); margin: 0 0 6px; overflow-wrap: anywhere; }
header.top .meta { color: var(--muted); font-size: 13px; margin: 0; overflow-wrap: anywhere; }
header.top .meta span + span::before { content: " · "; color: var(--faint); }
.counts { margin: 8px 0 0; font-size: 13px; color: var(--muted); }
.counts b { color: var(--ink); }
main { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 0; align-items: start; }
#article-pane { position: sticky; top: 0; max-height: 100vh; overflow-y: auto; padding: 18px 28px 40px;
  border-right: 1px solid var(--rule); background: var(--panel); }
#report-pane { padding: 18px 28px 40px; min-width: 0; }
h2 { font: 600 13px/1.3 var(--sans); letter-spacing: .08em; text-transform: uppercase; color: var(--muted);
  margin: 26px 0 10px; padding-bottom: 6px; border-bottom: 1px solid var(--rule); }
#article-pane h2, #report-pane > section:first-child h2 { margin-top: 4px; }
h2 .n { font-weight: 400; color: var(--faint); letter-spacing: 0; text-transform: none; }
h3 { font: 600 14px/1.3 var(--sans); margin: 18px 0 8px; color: var(--muted); }
.article { font: 17px/1.65 var(--serif); max-width: 40em; }
.article p { margin: 0 0 .9em; }
.article h3.xhead { font: 600 16px/1.35 var(--sans); color: var(--ink); margin: 1.3em 0 .5em; }
.s { border-radius: 3px; padding: 1px 0; cursor: pointer; transition: background-color .15s; scroll-margin: 80px; }
.s .sid { font: 600 10px/1 var(--sans); color: var(--faint); vertical-align: super; margin-right: 2px; user-select: none; }
.s.cited .sid { color: var(--accent); }
.s:hover { background: var(--accent-soft); }
.s:target, .s.hl { background: var(--hl); box-shadow: 0 0 0 2px var(--hl); }
.s.sel { background: var(--sel); box-shadow: 0 0 0 2px var(--sel); }
.s:focus-visible, .item:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.item { border-radius: 8px; cursor: pointer; transition: background-color .15s, box-shadow .15s; }
.item:hover { background: var(--panel); }
.item.hl { background: var(--hl); box-shadow: 0 0 0 2px var(--hl); }
.item.sel { box-shadow: 0 0 0 2px var(--accent); background: var(--accent-soft); }
.cites { white-space: nowrap; }
a.cite { display: inline-block; font: 600 11px/1 var(--sans); color: var(--accent); background: var(--accent-soft);
  border-radius: 9px; padding: 3px 6px; margin-left: 3px; text-decoration: none; vertical-align: 1px; }
a.cite:hover { background: var(--accent); color: var(--paper); }
.flag { display: inline-block; font: 600 11px/1.4 var(--sans); color: var(--warn); background: var(--warn-bg);
  border: 1px solid var(--warn-rule); border-radius: 9px; padding: 0 6px; margin-left: 4px; vertical-align: 1px; white-space: nowrap; }
.empty { color: var(--muted); font-style: italic; }
ol.summary { margin: 0; padding: 0; list-style: none; }
ol.summary li { padding: 6px 8px; margin: 0 -8px 2px; font: 16px/1.55 var(--serif); }
.progress { font-size: 13px; color: var(--muted); margin: -4px 0 10px; }
.progress b { color: var(--ok); }
ol.claims { margin: 0; padding: 0; list-style: none; }
.claim { display: grid; grid-template-columns: 22px minmax(0, 1fr); gap: 4px 10px; padding: 10px 10px 12px;
  margin: 0 -10px 6px; border: 1px solid transparent; }
.claim input[type=checkbox] { width: 18px; height: 18px; margin: 3px 0 0; accent-color: var(--ok); cursor: pointer; }
.claim .body { min-width: 0; }
.claim .text { font-weight: 600; margin: 0 0 4px; overflow-wrap: anywhere; }
.claim.done .text { text-decoration: line-through; text-decoration-color: var(--faint); color: var(--muted); }
.chips { display: flex; flex-wrap: wrap; gap: 4px 6px; align-items: center; margin: 0 0 6px; font-size: 12px; color: var(--muted); }
.chip { border: 1px solid var(--rule); border-radius: 10px; padding: 1px 7px; background: var(--paper); }
.chip.cid { font-weight: 700; color: var(--ink); font-family: var(--mono); }
.score { display: inline-flex; align-items: center; gap: 5px; }
.score meter { width: 56px; height: 8px; }
.claim blockquote { margin: 4px 0 6px; padding: 2px 0 2px 10px; border-left: 3px solid var(--rule);
  font: italic 14px/1.5 var(--serif); color: var(--muted); overflow-wrap: anywhere; }
.claim dl { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 2px 10px; margin: 0; font-size: 13.5px; }
.claim dt { color: var(--faint); font-weight: 600; }
.claim dd { margin: 0; overflow-wrap: anywhere; }
ol.timeline { list-style: none; margin: 0; padding: 0 0 0 22px; position: relative; }
ol.timeline::before { content: ""; position: absolute; left: 6px; top: 6px; bottom: 6px; width: 2px; background: var(--rule); }
.event { position: relative; padding: 6px 10px 8px; margin: 0 -10px 4px 0; }
.event::before { content: ""; position: absolute; left: -21px; top: 12px; width: 10px; height: 10px;
  border-radius: 50%; background: var(--paper); border: 2px solid var(--accent); }
.event.unresolved::before { border-color: var(--faint); border-style: dashed; }
.event .when { font-weight: 700; }
.event.unresolved .when { color: var(--faint); font-weight: 600; }
.event .prec { font-size: 11px; color: var(--faint); text-transform: uppercase; letter-spacing: .06em; margin-left: 6px; }
.event .written { font-size: 12.5px; color: var(--muted); }
.event .what { margin-top: 2px; overflow-wrap: anywhere; }
section.warnings details { font-size: 13.5px; }
section.warnings summary { cursor: pointer; color: var(--warn); }
section.warnings h3 { font-size: 13px; margin: 12px 0 4px; }
section.warnings ul { margin: 0; padding-left: 18px; color: var(--muted); }
section.warnings li { margin: 2px 0; overflow-wrap: anywhere; }
section.warnings .wi { font: 600 12px var(--mono); }
footer { border-top: 1px solid var(--rule); padding: 14px 28px 70px; color: var(--muted); font-size: 12.5px; }
footer dl { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 2px 14px; margin: 0; }
footer dt { color: var(--faint); }
footer dd { margin: 0; overflow-wrap: anywhere; }
footer code { font: 11.5px var(--mono); }
footer table { border-collapse: collapse; font-size: 12px; }
footer td, footer th { padding: 0 12px 0 0; text-align: left; font-weight: 400; }
footer th { color: var(--faint); }
#selbar { position: fixed; left: 0; right: 0; bottom: 0; display: none; gap: 6px 8px; align-items: center; flex-wrap: wrap;
  padding: 8px 16px; background: var(--ink); color: var(--paper); font-size: 13px; z-index: 10;
  box-shadow: 0 -2px 10px rgba(0,0,0,.15); }
#selbar.on { display: flex; }
#selbar button { font: inherit; font-size: 12px; border: 0; border-radius: 10px; padding: 3px 9px; cursor: pointer;
  background: var(--paper); color: var(--ink); }
#selbar button.x { margin-left: auto; background: transparent; color: var(--paper); font-size: 16px; padding: 0 6px; }
.nojs-hint { display: none; }
@media (max-width: 860px) {
  main { display: flex; flex-direction: column; }
  #report-pane { order: -1; border-bottom: 1px solid var(--rule); }
  #article-pane { position: static; max-height: none; overflow: visible; border-right: 0; }
  header.top, #article-pane, #report-pane, footer { padding-left: 16px; padding-right: 16px; }
  header.top h1 { font-size: 22px; }
  .article { font-size: 16.5px; }
}
@media print {
  main { display: block; }
  #article-pane { position: static; max-height: none; overflow: visible; border: 0; background: none; }
  #selbar { display: none !important; }
  .item, .s { box-shadow: none !important; background: none !important; }
}
""".strip()

_JS = r"""
(function () {
  "use strict";
  var body = document.body;
  var sha = body.getAttribute("data-article-sha256") || "";
  var pane = document.getElementById("article-pane");
  var bar = document.getElementById("selbar");
  var barText = document.getElementById("selbar-text");
  var barLinks = document.getElementById("selbar-links");
  var hoverTimer = null;
  var selected = null;

  function ids(el, name) { return (el.getAttribute(name) || "").split(" ").filter(Boolean); }
  function byId(id) { return document.getElementById(id); }
  function clear(cls) {
    var els = document.querySelectorAll("." + cls);
    for (var i = 0; i < els.length; i++) { els[i].classList.remove(cls); }
  }
  function paneScrolls() { return pane && pane.scrollHeight > pane.clientHeight + 1 && getComputedStyle(pane).overflowY !== "visible"; }
  function reveal(el, force) {
    // Bring a sentence (or item) into view; in the two-column layout only the article pane scrolls,
    // so the list the reader clicked in stays where it is.
    if (!el) { return; }
    var barH = bar.classList.contains("on") ? bar.offsetHeight : 0;
    var viewBottom = window.innerHeight - barH;
    if (paneScrolls() && pane.contains(el)) {
      var p = pane.getBoundingClientRect(), r = el.getBoundingClientRect();
      var top = Math.max(p.top, 0), bottom = Math.min(p.bottom, viewBottom);
      if (!force && r.top >= top + 4 && r.bottom <= bottom - 4) { return; }
      pane.scrollTop += r.top - (top + Math.max(0, (bottom - top - r.height) / 2));
      r = el.getBoundingClientRect();
      if (r.top < 0 || r.bottom > viewBottom) { window.scrollBy(0, r.top - Math.max(0, (viewBottom - r.height) / 2)); }
    } else {
      var b = el.getBoundingClientRect();
      if (!force && b.top >= 0 && b.bottom <= viewBottom) { return; }
      el.scrollIntoView({block: "center"});
    }
  }
  function label(el) { return el.getAttribute("data-label") || el.getAttribute("data-sid") || el.id; }
  function button(target, text) {
    var b = document.createElement("button");
    b.type = "button";
    b.textContent = text;
    b.addEventListener("click", function (ev) {
      ev.stopPropagation();
      reveal(target, true);
      if (target.focus) { target.focus({preventScroll: true}); }
    });
    return b;
  }
  function showBar(subject, text, targets) {
    while (barText.firstChild) { barText.removeChild(barText.firstChild); }
    while (barLinks.firstChild) { barLinks.removeChild(barLinks.firstChild); }
    barText.appendChild(button(subject, label(subject)));
    barText.appendChild(document.createTextNode(" " + text));
    targets.forEach(function (t) { barLinks.appendChild(button(t, label(t))); });
    bar.classList.add("on");
  }
  function hideBar() { bar.classList.remove("on"); }

  function highlightItem(item, scroll, focusSid) {
    clear("hl");
    var cited = ids(item, "data-sources").map(byId).filter(Boolean);
    cited.forEach(function (s) { s.classList.add("hl"); });
    if (scroll) { reveal(focusSid ? byId(focusSid) : cited[0], false); }
    return cited;
  }
  function selectItem(item, focusSid) {
    clear("sel");
    selected = item;
    item.classList.add("sel");
    showBar(item, "cites", ids(item, "data-sources").map(byId).filter(Boolean));
    highlightItem(item, true, focusSid);
  }
  function selectSentence(s) {
    clear("sel"); clear("hl");
    selected = s;
    s.classList.add("sel");
    var items = ids(s, "data-cited-by").map(byId).filter(Boolean);
    items.forEach(function (it) { it.classList.add("hl"); });
    showBar(s, items.length ? "is cited by" : "is cited by nothing in this report", items);
  }
  function restore() {
    clear("hl");
    if (!selected) { return; }
    if (selected.classList.contains("s")) { selectSentence(selected); }
    else { highlightItem(selected, false); }
  }
  function clearAll() { selected = null; clear("sel"); clear("hl"); hideBar(); }

  document.addEventListener("click", function (ev) {
    var t = ev.target;
    if (!(t instanceof Element)) { return; }
    if (t.closest("#selbar")) {
      if (t.closest("button.x")) { clearAll(); }
      return;
    }
    var cite = t.closest("a.cite");
    var item = t.closest(".item");
    if (cite && item) {
      ev.preventDefault();
      selectItem(item, cite.getAttribute("data-sid"));
      return;
    }
    if (item) { selectItem(item); return; }
    var s = t.closest(".s");
    if (s) { selectSentence(s); }
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape") { clearAll(); return; }
    if (ev.key !== "Enter" && ev.key !== " ") { return; }
    var t = ev.target;
    if (!(t instanceof Element) || t.matches("input, a, button")) { return; }
    if (t.classList.contains("item")) { ev.preventDefault(); selectItem(t); }
    else if (t.classList.contains("s")) { ev.preventDefault(); selectSentence(t); }
  });
  var canHover = window.matchMedia && window.matchMedia("(hover: hover)").matches;
  if (canHover) {
    document.querySelectorAll(".item").forEach(function (item) {
      item.addEventListener("mouseenter", function () {
        clearTimeout(hoverTimer);
        hoverTimer = setTimeout(function () { highlightItem(item, paneScrolls()); }, 180);
      });
      item.addEventListener("mouseleave", function () { clearTimeout(hoverTimer); restore(); });
    });
  }

  // The checklist: one key per article and claim, so two reports of the same article share ticks.
  var store = null;
  try { store = window.localStorage; store.getItem("factcheck-probe"); } catch (e) { store = null; }
  var boxes = document.querySelectorAll("input.check");
  var progress = document.getElementById("progress-done");
  function key(box) { return "factcheck:" + sha + ":" + box.getAttribute("data-claim"); }
  function update() {
    var n = 0;
    boxes.forEach(function (b) {
      var card = b.closest(".claim");
      if (card) { card.classList.toggle("done", b.checked); }
      if (b.checked) { n++; }
    });
    if (progress) { progress.textContent = String(n); }
  }
  boxes.forEach(function (b) {
    if (store) { try { b.checked = store.getItem(key(b)) === "1"; } catch (e) { /* storage refused */ } }
    b.addEventListener("change", function () {
      if (store) {
        try { if (b.checked) { store.setItem(key(b), "1"); } else { store.removeItem(key(b)); } } catch (e) { /* full or refused */ }
      }
      update();
    });
  });
  update();
  body.classList.add("js");
})();
""".strip()


CONTENT_SECURITY_POLICY = content_security_policy(script=_JS, style=_CSS)


# --- the page ----------------------------------------------------------------------------------



def render_html(report: Report) -> str:
    """The whole report as one self-contained HTML page (UTF-8 text)."""
    cited_by = _cited_by(report)
    ran = report.provenance.chains  # a part not run has no section: it is empty, not "none found"
    summary_html = _summary(report.summary.sentences, report.warnings, sentence_texts(report)) if "summary" in ran else ""
    claims_html = _claims(report.claims) if "claims" in ran else ""
    timeline_html = _timeline(report.timeline, sentence_texts(report)) if "timeline" in ran else ""
    title = report.article.title or "Untitled article"
    parts = [
        *page_head(
            title=f"{title} — factcheck report", csp=CONTENT_SECURITY_POLICY, css=_CSS,
            generator=f"factcheck {report.provenance.factcheck_version}",
        ),
        f'<body data-article-sha256="{_e(report.article.sha256)}">',
        _header(report, title),
        "<main>",
        '<section id="article-pane" aria-label="Article">',
        f'<h2>Article <span class="n">· {len(report.article.sentences)} sentences</span></h2>',
        _article(report, cited_by, _sentence_flags(report.warnings)),
        "</section>",
        '<div id="report-pane">',
        summary_html,
        claims_html,
        timeline_html,
        _warnings(report),
        "</div>",
        "</main>",
        _footer(report),
        '<div id="selbar" role="status" aria-live="polite"><span id="selbar-text"></span>'
        '<span id="selbar-links"></span><button type="button" class="x" aria-label="Clear selection">×</button></div>',
        f"<script>{_JS}</script>",
        "</body>",
        "</html>",
    ]
    return "\n".join(p for p in parts if p) + "\n"


# --- ids ---------------------------------------------------------------------------------------


def _summary_id(i: int) -> str:
    return f"sum-{i}"


def _claim_dom_id(claim: Claim, i: int) -> str:
    return "claim-" + _token(claim.id, f"C{i}")


def _event_id(i: int) -> str:
    return f"ev-{i}"


def _token(value: str, fallback: str) -> str:
    """A model- or code-made id as an HTML id token (no spaces, nothing to escape)."""
    return value if re.fullmatch(r"[A-Za-z0-9_.:-]{1,64}", value) else fallback


def _sid(value: str) -> str | None:
    return value if re.fullmatch(r"[A-Za-z0-9_.:-]{1,64}", value) else None


def _cited_by(report: Report) -> dict[str, list[str]]:
    """Sentence id → DOM ids of the items that cite it, in page order."""
    out: dict[str, list[str]] = defaultdict(list)

    def add(sources: list[str], dom_id: str) -> None:
        for sid in dict.fromkeys(sources):
            out[sid].append(dom_id)

    for i, s in enumerate(report.summary.sentences, 1):
        add(s.sources, _summary_id(i))
    for position, claim in _claim_order(report.claims):
        add(claim.sources, _claim_dom_id(claim, position))
    for i, e in enumerate(report.timeline, 1):
        add(e.sources, _event_id(i))
    return out


def _claim_order(claims: list[Claim]) -> list[tuple[int, Claim]]:
    """Claims as (position in the report, claim), checkable ones first, as in the Markdown."""
    numbered = list(enumerate(claims, 1))
    return [nc for nc in numbered if nc[1].checkable] + [nc for nc in numbered if not nc[1].checkable]


def _data_sources(sources: list[str]) -> str:
    return " ".join(s for s in dict.fromkeys(sources) if _sid(s))


def _cites(sources: list[str]) -> str:
    links = []
    for sid in dict.fromkeys(sources):
        if _sid(sid):
            links.append(f'<a class="cite" href="#{_e(sid)}" data-sid="{_e(sid)}">{_e(sid)}</a>')
        else:
            links.append(f'<span class="cite">{_e(sid)}</span>')
    return f'<span class="cites">{"".join(links)}</span>'


# --- header, article ---------------------------------------------------------------------------


def _header(report: Report, title: str) -> str:
    meta = article_meta(report.article)
    checkable = sum(1 for c in report.claims if c.checkable)
    counts = (
        f"<b>{len(report.summary.sentences)}</b> summary sentences · <b>{checkable}</b> checkable claims"
        f" (+{len(report.claims) - checkable} opinions/predictions) · <b>{len(report.timeline)}</b> dated events"
    )
    if report.warnings:
        counts += f' · <a href="#warnings"><b>{len(report.warnings)}</b> warning{"s" if len(report.warnings) != 1 else ""}</a>'
    return (
        '<header class="top">'
        '<p class="kicker">factcheck report</p>'
        f"<h1>{_e(title)}</h1>"
        f'<p class="meta">{"".join(meta)}</p>'
        f'<p class="counts">{counts}</p>'
        "</header>"
    )


def _sentence_flags(warnings: list[ReportWarning]) -> dict[str, list[str]]:
    """Sentence id → the flags of the warnings that name that sentence (not the stand-ins: their items show them)."""
    out: dict[str, list[str]] = defaultdict(list)
    for w in warnings:
        if w.item and w.code in SENTENCE_FLAGS and SENTENCE_FLAGS[w.code] not in out[w.item]:
            out[w.item].append(SENTENCE_FLAGS[w.code])
    return out


def _article(report: Report, cited_by: dict[str, list[str]], flags: dict[str, list[str]]) -> str:
    text = report.article.text
    blocks: list[str] = []
    paragraph: list[str] = []
    previous_end = 0

    def flush() -> None:
        if paragraph:
            blocks.append("<p>" + " ".join(paragraph) + "</p>")
            paragraph.clear()

    for s in report.article.sentences:
        gap = text[previous_end : s.start] if 0 <= previous_end <= s.start <= len(text) else " "
        if "\n" in gap:  # a line break in the article starts a new paragraph
            flush()
        previous_end = s.end
        span = _sentence_span(s.id, s.text, cited_by.get(s.id, []), flags.get(s.id, []))
        if s.heading:
            flush()
            blocks.append(f'<h3 class="xhead">{span}</h3>')
        else:
            paragraph.append(span)
    flush()
    if not blocks:
        blocks.append('<p class="empty">The article has no sentences.</p>')
    return '<div class="article">' + "\n".join(blocks) + "</div>"


def _sentence_span(sid: str, text: str, citing: list[str], flags: list[str]) -> str:
    dom = _sid(sid)
    attrs = [f'class="s{" cited" if citing else ""}"', f'data-sid="{_e(sid)}"', 'tabindex="0"']
    if dom:
        attrs.insert(0, f'id="{_e(dom)}"')
    if citing:
        attrs.append(f'data-cited-by="{_e(" ".join(citing))}"')
    return f'<span {" ".join(attrs)}><span class="sid" aria-hidden="true">{_e(sid)}</span>{_e(text)}{_flags(flags)}</span>'


# --- report sections ---------------------------------------------------------------------------


def _flags(flags: list[str], why: str | None = None) -> str:
    title = f' title="{_e(why)}"' if why else ""
    return "".join(f' <span class="flag"{title}>{_e(f)}</span>' for f in flags)


def _warnings(report: Report) -> str:
    """Last on the page, folded under one line of plain words; each kind's items below it, short."""
    if not report.warnings:
        return ""
    sids = {s.id for s in report.article.sentences}
    groups = []
    for phrase, ws in grouped_warnings(report.warnings):
        lis = "".join(f"<li>{_warning_item(w, sids)}{_e(short_warning(w))}</li>" for w in ws)
        groups.append(f'<h3 data-code="{_e(ws[0].code)}">{_e(phrase)}</h3><ul>{lis}</ul>')
    n = len(report.warnings)
    return (
        '<section class="warnings" id="warnings" aria-label="Warnings">'
        f'<h2>Warnings <span class="n">· {n}</span></h2>'
        f"<details><summary>{_e(warnings_headline(report.warnings))}</summary>{''.join(groups)}</details></section>"
    )


def _warning_item(w: ReportWarning, sids: set[str]) -> str:
    """The step or sentence a warning names ("S4.2" is S4's second clause), linked to its sentence."""
    if not w.item:
        return ""
    sid = w.item.split(".")[0]
    if sid in sids and _sid(sid):
        return f'<a class="wi" href="#{_e(sid)}">{_e(w.item)}</a>: '
    return f'<span class="wi">{_e(w.item)}</span>: '


def _summary(sentences: list[SummarySentence], warnings: list[ReportWarning], texts: dict[str, str]) -> str:
    # An extractive sentence stands in for the model's rewrite of that one sentence; its warning says why.
    why = {w.item: short_warning(w) for w in warnings if w.code == "extractive-summary" and w.item}
    if not sentences:
        body = '<p class="empty">No summary sentence passed the checks.</p>'
    else:
        lis = []
        for i, s in enumerate(sentences, 1):
            reason = why.get(s.sources[0]) if s.origin == "extractive" and len(s.sources) == 1 else None
            lis.append(
                f'<li class="item" id="{_summary_id(i)}" data-label="Summary {i}" tabindex="0" '
                f'data-sources="{_e(_data_sources(s.sources))}">{_e(s.text)}{_flags(item_flags(s, texts), reason)} {_cites(s.sources)}</li>'
            )
        body = '<ol class="summary">' + "\n".join(lis) + "</ol>"
    return f'<section id="summary" aria-label="Summary"><h2>Summary</h2>{body}</section>'


def _claims(claims: list[Claim]) -> str:
    head = f'<h2>Claims to check <span class="n">· {len(claims)}</span></h2>'
    if not claims:
        return f'<section id="claims" aria-label="Claims">{head}<p class="empty">No checkable claim was found in this article.</p></section>'
    ordered = _claim_order(claims)
    checkable = [nc for nc in ordered if nc[1].checkable]
    others = [nc for nc in ordered if not nc[1].checkable]
    out = [
        f'<section id="claims" aria-label="Claims">{head}',
        f'<p class="progress"><b id="progress-done">0</b> of {len(claims)} checked</p>',
    ]
    if checkable:
        out.append('<ol class="claims">' + "\n".join(_claim(c, i, score=True) for i, c in checkable) + "</ol>")
    else:
        out.append('<p class="empty">No checkable claim was found in this article.</p>')
    if others:
        out.append("<h3>Opinions and predictions (not checkable)</h3>")
        out.append('<ol class="claims">' + "\n".join(_claim(c, i, score=False) for i, c in others) + "</ol>")
    out.append("</section>")
    return "\n".join(out)


def _claim(claim: Claim, i: int, *, score: bool) -> str:
    dom = _claim_dom_id(claim, i)
    box_id = "chk-" + dom
    chips = [f'<span class="chip cid">{_e(claim.id)}</span>', f'<span class="chip">{_e(claim.type)}</span>']
    if score:
        value = f"{claim.checkworthiness:.2f}"
        by = ", ".join(f"{name} {value:.2f}" for name, value in claim.scores.items()) or claim.checkworthiness_source
        by = ("from the scorer's and the model's scores: " if claim.checkworthiness_source == "scorer+model" else "the scorer's: ") + by
        chips.append(
            f'<span class="score" title="check-worthiness, {_e(by)}">worth checking '
            f'<meter min="0" max="1" value="{_e(value)}">{_e(value)}</meter> {_e(value)}</span>'
        )
    else:
        chips.append('<span class="chip">not checkable</span>')
    return (
        f'<li class="item claim" id="{_e(dom)}" data-label="{_e(claim.id)}" tabindex="0" '
        f'data-sources="{_e(_data_sources(claim.sources))}">'
        f'<input type="checkbox" class="check" id="{_e(box_id)}" data-claim="{_e(claim.id)}" '
        f'aria-label="Checked: {_e(claim.id)}">'
        '<div class="body">'
        f'<label class="text" for="{_e(box_id)}">{_e(claim.text)}</label>'
        f'<div class="chips">{"".join(chips)}{_flags(item_flags(claim))}</div>'
        f"<blockquote>“{_e(claim.quote)}” {_cites(claim.sources)}</blockquote>"
        "<dl>"
        f"<dt>Who</dt><dd>{_e(claim.speaker)}</dd>"
        f"<dt>Why</dt><dd>{_e(claim.reason)}</dd>"
        f"<dt>Verify</dt><dd>{_e(claim.verify)}</dd>"
        "</dl></div></li>"
    )


def _timeline(events: list[TimelineEvent], texts: dict[str, str]) -> str:
    head = f'<h2>Timeline <span class="n">· {len(events)}</span></h2>'
    if not events:
        return f'<section id="timeline" aria-label="Timeline">{head}<p class="empty">No dated event was found in this article.</p></section>'
    lis = []
    for i, e in enumerate(events, 1):
        when = format_when(e)
        unresolved = e.date is None
        iso = ""
        if e.date is not None:
            iso = e.date.isoformat() + (f"/{e.end.isoformat()}" if e.end and e.end != e.date else "")
        time_el = f'<time datetime="{_e(iso)}">{_e(when)}</time>' if iso else _e(when)
        prec = "" if unresolved else f'<span class="prec">{_e(e.precision)}</span>'
        lis.append(
            f'<li class="item event{" unresolved" if unresolved else ""}" id="{_event_id(i)}" '
            f'data-label="{_e(when)}" tabindex="0" data-sources="{_e(_data_sources(e.sources))}">'
            f'<div><span class="when">{time_el}</span>{prec}</div>'
            f'<div class="written">as written: “{_e(e.when)}”</div>'
            f'<div class="what">{_e(e.event)}{_flags(item_flags(e, texts))} {_cites(e.sources)}</div></li>'
        )
    return f'<section id="timeline" aria-label="Timeline">{head}<ol class="timeline">' + "\n".join(lis) + "</ol></section>"


def _footer(report: Report) -> str:
    p = report.provenance
    prompts = ", ".join(
        f'<span title="sha256 {_e(r.sha256)}">{_e(r.name)} v{_e(r.version)}</span>' for r in p.prompts
    ) or "none"
    rows = "".join(
        f"<tr><td>{_e(chain)}</td><td>{u.calls}</td><td>{u.prompt_tokens}</td><td>{u.completion_tokens}</td></tr>"
        for chain, u in p.usage.items()
    )
    usage = (
        f"<table><tr><th>chain</th><th>calls</th><th>prompt tokens</th><th>completion tokens</th></tr>{rows}"
        f"<tr><td>total</td><td>{p.total.calls}</td><td>{p.total.prompt_tokens}</td><td>{p.total.completion_tokens}</td></tr></table>"
    )
    engine = getattr(p, "engine", None)  # llama.cpp's own timings, local provider only
    engine_row = ""
    if engine is not None:
        engine_row = (
            f"<dt>Engine</dt><dd>{int(engine.prompt_eval_tokens)} prompt tokens evaluated in {engine.prompt_eval_ms / 1000:.1f} s · "
            f"{int(engine.generated_tokens)} generated in {engine.generation_ms / 1000:.1f} s</dd>"
        )
    return (
        '<footer aria-label="Provenance"><dl>'
        f"<dt>Model</dt><dd>{_e(p.provider)} · {_e(p.model)} · structured output: {_e(p.structured_output)}</dd>"
        f"<dt>Prompts</dt><dd>{prompts}</dd>"
        f"<dt>Tokens</dt><dd>{p.total.total_tokens} in {p.total.calls} calls{usage}</dd>{engine_row}"
        f"<dt>Time</dt><dd>{p.duration_seconds:.1f} s · created {_e(p.created.isoformat(timespec='seconds'))}</dd>"
        f"<dt>Article</dt><dd>sha256 <code>{_e(report.article.sha256)}</code></dd>"
        f"<dt>Made by</dt><dd>factcheck {_e(p.factcheck_version)} · report schema {_e(report.schema_version)}</dd>"
        "</dl></footer>"
    )

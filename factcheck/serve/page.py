"""The page at `/`: submit an article (URL, pasted text or a dropped file), watch its steps, land on
its report; the recent reports, with a search over their titles.

Self-contained like the report: no CDN, its one style sheet and one script pinned by hash in a
policy that differs from the report's only in what a live page needs, its own origin for fetch and
EventSource (connect-src 'self') and for the login form (form-action 'self').
"""

from __future__ import annotations

from .. import __version__
from ..html_common import PALETTE_CSS, content_security_policy, escape_html, page_head

_CSS = PALETTE_CSS + """
main { max-width: 52rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
h1 { font: 600 1.5rem/1.2 var(--serif); margin: 0 0 .25rem; }
h2 { font: 600 1.1rem/1.3 var(--serif); margin: 2rem 0 .5rem; }
p.lede { color: var(--muted); margin: 0 0 1.25rem; }
label { display: block; font-weight: 600; margin: .75rem 0 .25rem; }
input[type=url], input[type=search], input[type=password], textarea {
  width: 100%; font: inherit; color: var(--ink); background: var(--paper);
  border: 1px solid var(--rule); border-radius: 6px; padding: .5rem .6rem;
}
textarea { min-height: 9rem; font-family: var(--serif); }
#drop { margin-top: .75rem; padding: 1rem; border: 2px dashed var(--rule); border-radius: 8px;
  color: var(--muted); text-align: center; }
#drop.over { border-color: var(--accent); background: var(--accent-soft); }
button { margin-top: 1rem; font: 600 1rem var(--sans); color: #fff; background: var(--accent);
  border: 0; border-radius: 6px; padding: .55rem 1.2rem; cursor: pointer; }
button:disabled { opacity: .6; cursor: progress; }
#status { margin-top: 1rem; padding: .75rem 1rem; background: var(--panel); border-radius: 6px; }
#status[hidden] { display: none; }
#status.failed { background: var(--warn-bg); color: var(--warn); }
progress { width: 100%; }
ul#recent { list-style: none; padding: 0; margin: .5rem 0 0; }
ul#recent li { padding: .4rem 0; border-bottom: 1px solid var(--rule); display: flex; gap: .75rem; }
ul#recent .when { color: var(--faint); font-size: .85rem; white-space: nowrap; margin-left: auto; }
ul#recent .state { color: var(--muted); font-size: .85rem; }
"""

_JS = r"""
"use strict";
const $ = (id) => document.getElementById(id);
let dropped = null;

function show(text, failed) {
  const box = $("status");
  box.hidden = false;
  box.className = failed ? "failed" : "";
  $("status-text").textContent = text;
}

function progressOf(data) {
  const p = data.progress || {};
  const bar = $("steps");
  if (p.steps_total) { bar.max = p.steps_total; bar.value = p.steps_done; } else { bar.removeAttribute("value"); }
  return (p.phase || data.status) + (p.steps_total ? " — " + p.steps_done + " of " + p.steps_total + " steps" : "");
}

function watch(job) {
  if (job.status === "done") { location.assign(job.links.html); return; }
  show("queued");
  const events = new EventSource(job.links.events);
  events.addEventListener("progress", (e) => show(progressOf(JSON.parse(e.data))));
  events.addEventListener("done", () => { events.close(); show("done"); location.assign(job.links.html); });
  events.addEventListener("failed", (e) => {
    events.close();
    const data = JSON.parse(e.data);
    show("failed: " + (data.error ? data.error.message : "unknown error"), true);
    $("go").disabled = false;
  });
  events.onerror = () => { if (events.readyState === EventSource.CLOSED) { show("lost the connection", true); $("go").disabled = false; } };
}

async function submit(event) {
  event.preventDefault();
  const url = $("url").value.trim(), text = $("text").value;
  let body;
  if (url) body = { url };
  else if (dropped) body = dropped;
  else if (text.trim()) body = { text };
  else { show("give a URL, paste the text or drop a file", true); return; }
  $("go").disabled = true;
  show("sending");
  try {
    const response = await fetch("/v1/reports", {
      method: "POST", headers: { "Content-Type": "application/json" }, credentials: "same-origin", body: JSON.stringify(body),
    });
    const data = await response.json();
    if (!response.ok) { show(data.error ? data.error.message : "HTTP " + response.status, true); $("go").disabled = false; return; }
    watch(data);
  } catch (error) {
    show("the server did not answer: " + error, true);
    $("go").disabled = false;
  }
}

async function take(file) {
  const content = await file.text();
  dropped = /\.html?$/i.test(file.name) ? { html: content } : { text: content };
  $("dropped").textContent = file.name + " (" + content.length.toLocaleString() + " characters)";
  $("url").value = ""; $("text").value = "";
}

async function recent() {
  const query = $("search").value.trim();
  const response = await fetch("/v1/reports?since=30d&limit=200" + (query ? "&q=" + encodeURIComponent(query) : ""),
    { credentials: "same-origin" });
  if (!response.ok) return;
  const list = $("recent");
  list.replaceChildren();
  for (const job of (await response.json()).reports) {
    const item = document.createElement("li");
    const title = job.title || "Untitled article";
    if (job.status === "done") {
      const link = document.createElement("a");
      link.href = job.links.html; link.textContent = title;
      item.append(link);
    } else {
      const name = document.createElement("span");
      name.textContent = title;
      const state = document.createElement("span");
      state.className = "state"; state.textContent = job.status;
      item.append(name, state);
    }
    const when = document.createElement("span");
    when.className = "when"; when.textContent = job.created.replace("T", " ").slice(0, 16);
    item.append(when);
    list.append(item);
  }
  $("none").hidden = list.children.length > 0;
}

$("form").addEventListener("submit", submit);
$("file").addEventListener("change", (e) => { if (e.target.files[0]) take(e.target.files[0]); });
const zone = $("drop");
zone.addEventListener("dragover", (e) => { e.preventDefault(); zone.classList.add("over"); });
zone.addEventListener("dragleave", () => zone.classList.remove("over"));
zone.addEventListener("drop", (e) => { e.preventDefault(); zone.classList.remove("over"); if (e.dataTransfer.files[0]) take(e.dataTransfer.files[0]); });
$("text").addEventListener("input", () => { dropped = null; });
let timer = null;
$("search").addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(recent, 200); });
recent();
""".strip()

# The report's policy, with the page's own origin for fetch/EventSource and for the login form.
PAGE_CSP = (
    content_security_policy(style=_CSS, script=_JS)
    .replace("connect-src 'none'", "connect-src 'self'")
    .replace("form-action 'none'", "form-action 'self'")
)
_LOGIN_CSP = content_security_policy(style=_CSS).replace("form-action 'none'", "form-action 'self'")


def main_page() -> str:
    return "\n".join(
        [
            *page_head(title="factcheck", csp=PAGE_CSP, css=_CSS, generator=f"factcheck {__version__}"),
            "<body><main>",
            "<h1>factcheck</h1>",
            '<p class="lede">A neutral summary, a claim checklist and a timeline of a news article; every item cites '
            "the sentences it comes from.</p>",
            '<form id="form">',
            '<label for="url">Article URL</label>',
            '<input id="url" type="url" placeholder="https://" autocomplete="off">',
            '<label for="text">or its text</label>',
            '<textarea id="text" placeholder="Paste the article; optional YAML front matter (title, published, source) first."></textarea>',
            '<div id="drop"><span id="dropped">or drop a file here (.txt, .md, .html), or</span> '
            '<input id="file" type="file" accept=".txt,.md,.html,.htm,text/*" aria-label="Article file"></div>',
            '<button id="go" type="submit">Check it</button>',
            "</form>",
            '<div id="status" hidden role="status" aria-live="polite"><div id="status-text"></div><progress id="steps"></progress></div>',
            "<h2>Recent reports</h2>",
            '<input id="search" type="search" placeholder="Search titles" aria-label="Search titles">',
            '<ul id="recent"></ul>',
            '<p id="none" hidden>No reports in the last 30 days.</p>',
            "</main>",
            f"<script>{_JS}</script>",
            "</body></html>",
        ]
    )


def login_page(*, failed: bool = False) -> str:
    return "\n".join(
        [
            *page_head(title="factcheck — sign in", csp=_LOGIN_CSP, css=_CSS),
            "<body><main>",
            "<h1>factcheck</h1>",
            '<form method="post" action="/login">',
            '<label for="token">This server needs its access token</label>',
            '<input id="token" name="token" type="password" autocomplete="current-password" required>',
            *(['<p id="status" class="failed">' + escape_html("That token is not the right one.") + "</p>"] if failed else []),
            '<button type="submit">Sign in</button>',
            "</form>",
            "</main></body></html>",
        ]
    )

"""factcheck batch: sources, state, skip and redo, resume after kill -9, concurrent runs, failures, progress.

Feeds and pages come from an HTTP server on loopback started here. The model side is the test double
of tests/batch_double.py (in-process, or inside a real `factcheck batch` subprocess), and once a
recording of llama.cpp's server (cassettes/test_batch/), re-recorded with
    pytest tests/test_batch.py -k llama --record-mode=rewrite
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
from typer.testing import CliRunner

import factcheck.llm
from factcheck.batch import BatchResult, Outcome, canonical_url, run_batch
from factcheck.cli import app
from factcheck.errors import RateLimited
from factcheck.llm import Backend
from factcheck.settings import load_settings
from factcheck.sources import sniff, url_list

from .bad_state import BAD_STATES, bad_state, expected, run_cli
from .batch_double import LoggingEcho, calls_by_article, double_backend
from .conftest import ROOT
from .llama_server import MODEL, SERVER_KEY, serve_when_recording
from .loopback import QuietHandler, serve

ARTICLES = {
    "council.md": "---\ntitle: Council approves budget\npublished: 2025-03-04\n---\n"
    "The city council approved a budget of $12 million on Monday, the mayor said.\n\n"
    "Opponents said the plan would raise property taxes by 4% next year.\n",
    "flood.txt": "Flooding closed three schools in Dover on Friday, officials said.\n\n"
    "The district expects to reopen them by March 10.\n",
}


def page(title: str, body: str, canonical: str | None = None) -> bytes:
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
    return (
        f"<!doctype html><html><head><title>{title}</title>{link}"
        f'<meta property="article:published_time" content="2025-05-13"></head>'
        f"<body><article><h1>{title}</h1>{paragraphs}</article></body></html>"
    ).encode()


class Site:
    """What the loopback server answers: path -> (status, content type, body); editable by tests."""

    def __init__(self) -> None:
        self.pages: dict[str, tuple[int, str, bytes]] = {}
        self.base = ""

    def put(self, path: str, body: bytes, content_type: str = "text/html", status: int = 200) -> str:
        self.pages[path] = (status, content_type, body)
        return self.base + path


@pytest.fixture
def site(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("FACTCHECK_ALLOW_PRIVATE_URLS", "1")  # the site is on loopback
    served = Site()

    class Handler(QuietHandler):
        def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
            status, content_type, body = served.pages.get(self.path, (404, "text/plain", b"not found"))
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    with serve(Handler) as port:
        served.base = f"http://127.0.0.1:{port}"
        yield served


# A first sentence with phrases to drop: on the bundled model, whose only question is the summary's
# compression, an article without one would make no model call for the double to observe (first, so
# that a one-sentence summary asks too). ARTICLES stay as they are: the server's cassette recorded them.
SIDE_PHRASE = "Mara Lind, the city's treasurer, said the work would start in May, which pleased residents.\n\n"


def with_side_phrase(text: str) -> str:
    front, fence, body = text.rpartition("---\n") if text.startswith("---\n") else ("", "", text)
    return front + fence + SIDE_PHRASE + body


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    (folder / "sub").mkdir(parents=True)
    (folder / "council.md").write_text(with_side_phrase(ARTICLES["council.md"]))
    (folder / "sub" / "flood.txt").write_text(with_side_phrase(ARTICLES["flood.txt"]))
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4 not an article suffix: ignored")
    return folder


class Recorder:
    """A Progress that keeps everything it is told."""

    def __init__(self) -> None:
        self.total = None
        self.warnings: list[str] = []
        self.outcomes: list[Outcome] = []
        self.result: BatchResult | None = None

    def start(self, total: int) -> None:
        self.total = total

    def warn(self, message: str) -> None:
        self.warnings.append(message)

    def advance(self, outcome: Outcome) -> None:
        self.outcomes.append(outcome)

    def finish(self, result: BatchResult) -> None:
        self.result = result


def run(sources, tmp_path: Path, log: Path | None = None, **kwargs) -> tuple[BatchResult, Recorder]:
    progress = Recorder()
    result = run_batch(
        [str(s) for s in sources],
        out_dir=tmp_path / "out",
        settings=load_settings(),
        state_path=tmp_path / "state.sqlite3",
        progress=progress,
        backend=double_backend(str(log or tmp_path / "calls.log")),
        **kwargs,
    )
    return result, progress


def rows(tmp_path: Path) -> dict[str, tuple]:
    with sqlite3.connect(tmp_path / "state.sqlite3") as db:
        return {r[0]: r[1:] for r in db.execute("SELECT key, status, error, report_path, calls FROM articles")}


def reports(tmp_path: Path) -> list[dict]:
    return [json.loads(p.read_text()) for p in sorted((tmp_path / "out").glob("*.json"))]


# --- skip, redo, failures ----------------------------------------------------------------------------


def test_folder_done_then_skipped_without_a_model_call(tmp_path: Path, inbox: Path) -> None:
    log = tmp_path / "calls.log"
    first, progress = run([inbox], tmp_path, log)
    assert (first.done, first.skipped, first.failed) == (2, 0, 0)
    assert progress.total == 2 and first.calls > 0
    calls = len(log.read_text().splitlines())
    assert first.calls == calls
    written = reports(tmp_path)
    assert sorted(r["article"]["title"] or "" for r in written) == ["", "Council approves budget"]
    assert all(r["claims"] and r["summary"]["sentences"] for r in written)
    # The state says where each report is and what it cost.
    for status, error, path, n in rows(tmp_path).values():
        assert status == "done" and error is None and Path(path).is_file() and n > 0
    # No other *.json in the output folder: the digest reads them all.
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(Path(r[2]).name for r in rows(tmp_path).values())

    second, _ = run([inbox], tmp_path, log)
    assert (second.done, second.skipped, second.failed, second.calls) == (0, 2, 0, 0)
    assert len(log.read_text().splitlines()) == calls  # no model call the second time


def test_another_model_or_prompt_redoes_the_article(tmp_path: Path, inbox: Path, monkeypatch) -> None:
    run([inbox], tmp_path)
    monkeypatch.setenv("FACTCHECK_SUMMARY_SENTENCES", "1")  # another report shape: not the same work
    again, _ = run([inbox], tmp_path)
    assert again.done == 2 and again.calls > 0


def test_done_into_another_folder_is_copied_not_redone(tmp_path: Path, inbox: Path) -> None:
    run([inbox], tmp_path)
    first = {p.name: p.read_text() for p in (tmp_path / "out").glob("*.json")}
    log = tmp_path / "calls2.log"
    progress = Recorder()
    settings = load_settings()
    again = run_batch(
        [str(inbox)], out_dir=tmp_path / "new", settings=settings, state_path=tmp_path / "state.sqlite3",
        progress=progress, backend=double_backend(str(log)),
    )
    assert (again.skipped, again.calls) == (2, 0) and not log.exists()
    assert {p.name: p.read_text() for p in (tmp_path / "new").glob("*.json")} == first
    # A report deleted since is made again.
    for p in (tmp_path / "new").glob("*.json"):
        p.unlink()
    redo = run_batch(
        [str(inbox)], out_dir=tmp_path / "new", settings=settings, state_path=tmp_path / "state.sqlite3",
        progress=progress, backend=double_backend(str(log)),
    )
    assert redo.done == 2 and redo.calls > 0


def test_page_whose_text_changed_is_redone(tmp_path: Path, site: Site) -> None:
    url = site.put("/story?id=7", page("Bridge reopens", "The bridge reopened on Monday, the mayor said."))
    log = tmp_path / "calls.log"
    first, _ = run([url], tmp_path, log)
    assert first.done == 1
    [(key, (status, _, path, _))] = rows(tmp_path).items()
    assert key == canonical_url(url)
    unchanged, _ = run([url], tmp_path, log)
    assert (unchanged.skipped, unchanged.calls) == (1, 0)

    site.put("/story?id=7", page("Bridge reopens", "The bridge reopened on Tuesday, the mayor said."))
    changed, _ = run([url], tmp_path, log)
    assert changed.done == 1  # a one-sentence story leaves the bundled model no choice: no call to count
    [(key2, (status2, _, path2, _))] = rows(tmp_path).items()
    assert (key2, status2, path2) == (key, "done", path)  # same article, same file, new report
    assert "Tuesday" in Path(path2).read_text() and "Monday" not in Path(path2).read_text()
    [report] = reports(tmp_path)
    assert "Tuesday" in report["article"]["text"]


def test_a_failing_article_among_good_ones(tmp_path: Path, inbox: Path, site: Site, monkeypatch) -> None:
    (inbox / "empty.html").write_text("<html><body></body></html>")
    missing = site.put("/gone", b"gone", status=404)
    urls = tmp_path / "urls.txt"
    urls.write_text(f"# today\n{missing}\n")
    monkeypatch.setattr(factcheck.llm, "build_backend", lambda settings: double_backend(str(tmp_path / "calls.log")))
    runner = CliRunner()
    result = runner.invoke(
        app, ["batch", str(inbox), str(urls), str(tmp_path / "nowhere"), "--out", str(tmp_path / "out"),
              "--state", str(tmp_path / "state.sqlite3")],
    )
    assert result.exit_code == 19, result.output
    assert "3 of 5 articles failed; the others are done" in result.output
    state = rows(tmp_path)
    assert sorted(s[0] for s in state.values()) == ["done", "done", "failed", "failed", "failed"]
    errors = {k: s[1] for k, s in state.items() if s[0] == "failed"}
    assert any("HTTP 404" in e for e in errors.values())
    assert any("no article text" in e for e in errors.values())
    assert any("no such file" in e for e in errors.values())
    assert len(reports(tmp_path)) == 2
    # The next run retries the failures and skips the rest.
    again = runner.invoke(app, ["batch", str(inbox), "--out", str(tmp_path / "out"), "--state", str(tmp_path / "state.sqlite3")])
    assert again.exit_code == 19 and "1 of 3 articles failed" in again.output


def test_an_unwritable_output_folder_fails_before_any_article(tmp_path: Path, inbox: Path) -> None:
    from factcheck.errors import OutputError

    blocker = tmp_path / "a-file"
    blocker.write_text("")
    log = tmp_path / "calls.log"
    with pytest.raises(OutputError, match=f"^cannot write reports into {re.escape(str(blocker / 'out'))}: Not a directory$"):
        run_batch(
            [str(inbox)], out_dir=blocker / "out", settings=load_settings(), state_path=tmp_path / "state.sqlite3",
            backend=double_backend(str(log)),
        )
    assert not log.exists() and not (tmp_path / "state.sqlite3").exists()  # no article read, nothing recorded


@pytest.mark.parametrize("kind", BAD_STATES)
def test_a_state_that_cannot_be_used_is_one_line_before_any_article(kind: str, tmp_path: Path, inbox: Path) -> None:
    state = bad_state(kind, tmp_path)
    result = run_cli("batch", str(inbox), "--out", str(tmp_path / "out"), "--state", str(state),
                     env={**os.environ, "FACTCHECK_CONFIG": str(tmp_path / "none.toml")})
    assert result.returncode == 22, result.stderr
    assert re.fullmatch(expected(kind, state), result.stderr), result.stderr
    assert not list((tmp_path / "out").glob("*"))  # no article read (the folder is made by the check of --out)


@pytest.mark.parametrize("command", [["batch"], ["serve"], ["schedule", "install"]])
def test_help_shows_the_state_option_and_variable_with_examples(command: list[str]) -> None:
    result = CliRunner().invoke(app, [*command, "--help"], terminal_width=100)
    assert result.exit_code == 0
    text = " ".join(result.output.split())
    assert "--state <file|url> State database" in text and "[env var: FACTCHECK_STATE]" in text
    assert "(--state or FACTCHECK_STATE)" in text and "exit 22 if it cannot be used" in text
    # The examples keep their lines, so that they can be copied.
    assert re.search(rf"^ +factcheck {' '.join(command)} .*--state \./newsroom\.sqlite3$", result.output, re.M), result.output
    if command != ["schedule", "install"]:  # a schedule takes the variable when installed, as --state
        assert re.search(r"^ +FACTCHECK_STATE=postgresql://\S+ factcheck ", result.output, re.M), result.output


def test_a_claim_lost_while_working_keeps_the_report_and_warns(tmp_path: Path, inbox: Path, monkeypatch) -> None:
    """An article whose claim lapsed while its report was made (its run stalled past the lease, and another run
    took the article): the report is written, the other run's row is left alone, and the run says so."""
    import factcheck.batch

    real = factcheck.batch.write_atomic
    taken: list[str] = []

    def taken_over_meanwhile(path: Path, text: str) -> None:
        with sqlite3.connect(tmp_path / "state.sqlite3") as db:  # another machine's run claims it now
            key = db.execute("SELECT key FROM articles WHERE status='running' ORDER BY key LIMIT 1").fetchone()[0]
            db.execute("UPDATE articles SET owner='replica-elsewhere:1:run', claimed_at=? WHERE key=?", (time.time(), key))
        db.close()
        taken.append(key)
        real(path, text)

    monkeypatch.setattr(factcheck.batch, "write_atomic", taken_over_meanwhile)
    result, progress = run([inbox / "council.md"], tmp_path)
    assert (result.done, result.failed) == (1, 0) and len(reports(tmp_path)) == 1
    [warning] = progress.warnings
    assert warning.startswith(f"{inbox / 'council.md'}: the report is written but not recorded in the state: this run's claim lapsed")
    status, error, report_path, calls = rows(tmp_path)[taken[0]]
    assert (status, report_path) == ("running", None)  # still the other run's: it records it


def test_a_report_that_cannot_be_copied_fails_that_article_only(tmp_path: Path, inbox: Path, monkeypatch) -> None:
    """An article done before into another folder is copied; a copy that fails (a full disk) is one
    failure, and the batch goes on with the others."""
    import errno

    import factcheck.batch

    run([inbox], tmp_path)
    real = factcheck.batch.write_atomic
    refused: list[Path] = []

    def full_disk_once(path: Path, text: str) -> None:
        if not refused:
            refused.append(path)
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        real(path, text)

    monkeypatch.setattr(factcheck.batch, "write_atomic", full_disk_once)
    progress = Recorder()
    again = run_batch(
        [str(inbox)], out_dir=tmp_path / "new", settings=load_settings(), state_path=tmp_path / "state.sqlite3",
        progress=progress, backend=double_backend(str(tmp_path / "calls2.log")),
    )
    assert (again.skipped, again.failed, again.calls) == (1, 1, 0)
    [(_, error)] = again.failures
    assert error == f"cannot copy the report to {refused[0]}: No space left on device"
    # Its row still says done, with the report it has: the next run copies it, without a model call.
    assert sorted(r[0] for r in rows(tmp_path).values()) == ["done", "done"]
    third = run_batch(
        [str(inbox)], out_dir=tmp_path / "new", settings=load_settings(), state_path=tmp_path / "state.sqlite3",
        backend=double_backend(str(tmp_path / "calls3.log")),
    )
    assert (third.skipped, third.failed, third.calls) == (2, 0, 0)


def test_a_batch_url_is_read_as_summarize_reads_it(tmp_path: Path, site: Site) -> None:
    """One loader: a page in a batch gets the same text, metadata and warnings as `summarize URL`
    (a guessed encoding, control characters, a date in the future), and the same size limit."""
    from factcheck.article import MAX_ARTICLE_CHARS, load_article
    from factcheck.errors import InputTooLarge
    from factcheck.sources import Item, expand, load_item

    html = page("Café reopens", "The café on Main Street reopened on Monday\x07, the owner said.\n\nIt had closed in March.")
    text = "---\ntitle: Dated ahead\npublished: 2999-05-13\n---\nThe council will meet on Tuesday.\n"
    pages = [(site.put("/cafe", html.decode().encode("cp1252")), {"encoding-guessed", "control-characters"}),
             (site.put("/ahead.txt", text.encode(), "text/plain"), {"future-publication-date"})]
    for url, codes in pages:
        [item] = expand([url], timeout=5, allow_private=True, warn=lambda m: None)
        batch = load_item(item, timeout=5, allow_private=True)
        alone = load_article(url, timeout=5, allow_private=True)
        assert (batch.text, batch.title, batch.published, batch.url, batch.sentences) == (
            alone.text, alone.title, alone.published, alone.url, alone.sentences
        )
        assert batch.warnings == alone.warnings and {w.code for w in batch.warnings} == codes
    # A feed entry's title and date stand in only where the page has none.
    read = load_item(Item(pages[0][0], "feed.xml", title="From the feed", published=dt.date(2025, 1, 2)), timeout=5, allow_private=True)
    assert (read.title, read.published) == ("Café reopens", dt.date(2025, 5, 13))
    untitled = site.put("/untitled.txt", b"The council will meet on Tuesday.\n", "text/plain")
    read = load_item(Item(untitled, "feed.xml", title="From the feed", published=dt.date(2025, 1, 2)), timeout=5, allow_private=True)
    assert (read.title, read.published) == ("From the feed", dt.date(2025, 1, 2))

    huge = site.put("/book.txt", ("A sentence of a very long book. " * (MAX_ARTICLE_CHARS // 32 + 10)).encode(), "text/plain")
    for read_it in (lambda: load_item(next(expand([huge], timeout=5, allow_private=True, warn=print)), timeout=5, allow_private=True),
                    lambda: load_article(huge, timeout=5, allow_private=True)):
        with pytest.raises(InputTooLarge, match="limit for one article"):
            read_it()


class RateLimitedEcho(LoggingEcho):
    """Answers 429 (as the openai client reports it after its retries) to the first `refusals` calls."""

    refusals: int = 0

    def _generate(self, messages, stop=None, run_manager=None, **kwargs):
        if self.refusals > 0:
            self.refusals -= 1
            cause = Exception("429")
            cause.response = SimpleNamespace(headers={"retry-after": "1"})
            raise RateLimited("the server kept answering 429 (rate limited) after the retries") from cause
        return super()._generate(messages, stop=stop, run_manager=run_manager, **kwargs)


@pytest.mark.parametrize("refusals", [1, 1000])
def test_rate_limited_article_pauses_every_worker_then_is_retried_once(tmp_path: Path, inbox: Path, refusals: int) -> None:
    progress = Recorder()
    model = RateLimitedEcho(sizes=[], refusals=refusals)
    started = time.monotonic()
    result = run_batch(
        [str(inbox)], out_dir=tmp_path / "out", settings=load_settings(), state_path=tmp_path / "state.sqlite3",
        concurrency=2, progress=progress, backend=Backend(model, "test", "echo", "json_object", concurrency=1),
    )
    assert time.monotonic() - started >= 1.0  # the server's Retry-After
    assert any("rate limited; every worker pauses 1 s, then retries it" in w for w in progress.warnings)
    if refusals == 1:
        assert (result.done, result.failed) == (2, 0)
    else:  # a 429 that outlasts the retry: recorded, reported
        assert result.failed == 2 and all("429" in error for _, error in result.failures)
        assert {s[0] for s in rows(tmp_path).values()} == {"failed"}


class InFlightEcho(LoggingEcho):
    """Counts the calls in progress at once."""

    seen: dict = {}

    def _generate(self, messages, stop=None, run_manager=None, **kwargs):
        with LOCK:
            self.seen["now"] = self.seen.get("now", 0) + 1
            self.seen["max"] = max(self.seen.get("max", 0), self.seen["now"])
        try:
            return super()._generate(messages, stop=stop, run_manager=run_manager, **kwargs)
        finally:
            with LOCK:
                self.seen["now"] -= 1


LOCK = threading.Lock()


@pytest.mark.parametrize(("provider", "expected"), [("local", 1), ("openai", 4)])
def test_n_articles_at_once_on_a_server_one_on_the_bundled_model(tmp_path: Path, provider: str, expected: int) -> None:
    many_articles(tmp_path / "inbox", 8)
    model = InFlightEcho(sizes=[], delay=0.05, seen={})
    result = run_batch(
        [str(tmp_path / "inbox")], out_dir=tmp_path / "out", settings=load_settings(), state_path=tmp_path / "state.sqlite3",
        concurrency=4, backend=Backend(model, provider, "echo", "json_object", concurrency=4),
    )
    assert result.done == 8
    assert model.seen["max"] == expected  # each article's steps one after the other: N articles, N requests


# --- sources: feeds, OPML, URL lists ------------------------------------------------------------------

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Local news</title><link>{base}/</link>
<item><title>Bridge reopens</title><link>{base}/bridge</link><pubDate>Tue, 13 May 2025 08:00:00 GMT</pubDate></item>
<item><title>No link at all</title><description>an entry without a link</description></item>
<item><title>Script link</title><link>javascript:alert(1)</link></item>
<item><title>Flood</title><link>{base}/flood</link><pubDate>not a date</pubDate></item>
<item><title>Broken &amp; unclosed <b>markup</title><link>{base}/bridge#comments</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title><id>urn:wire</id><updated>2025-05-13T00:00:00Z</updated>
<entry><title>Port strike</title><id>urn:1</id><link href="{base}/strike"/><updated>2025-05-12T00:00:00Z</updated></entry>
</feed>"""

OPML = """<?xml version="1.0"?>
<opml version="2.0"><head><title>Feeds</title></head><body>
<outline text="Group"><outline text="Wire" type="rss" xmlUrl="{base}/atom.xml"/></outline>
<outline text="Local" type="rss" xmlUrl="{base}/rss.xml"/>
<outline text="Gone" type="rss" xmlUrl="{base}/gone.xml"/>
</body></opml>"""


def serve_news(site: Site) -> None:
    site.put("/bridge", page("Bridge reopens", "The bridge reopened on Monday, the mayor said.\n\nRepairs cost $3 million."))
    site.put("/flood", page("Flood", "Flooding closed three schools in Dover on Friday, officials said."))
    site.put("/strike", page("Port strike", "Dock workers began a 48-hour strike on Sunday, the union said."))
    site.put("/rss.xml", RSS.format(base=site.base).encode(), "application/rss+xml")
    site.put("/atom.xml", ATOM.format(base=site.base).encode(), "text/xml")
    site.put("/feeds.opml", OPML.format(base=site.base).encode(), "text/x-opml")


def test_feed_with_malformed_entries_keeps_the_good_ones(tmp_path: Path, site: Site) -> None:
    serve_news(site)
    result, progress = run([site.base + "/rss.xml"], tmp_path)
    # Two good entries; the duplicate link (#comments) is the same article, done once.
    assert (result.done, result.failed) == (2, 0)
    assert sorted(rows(tmp_path)) == sorted(canonical_url(site.base + p) for p in ("/bridge", "/flood"))
    skipped = [w for w in progress.warnings if "skipped" in w]
    assert len(skipped) == 2
    assert any("entry 2 (No link at all) skipped: no link" in w for w in skipped)
    assert any("javascript:alert(1)" in w for w in skipped)
    by_title = {r["article"]["title"]: r for r in reports(tmp_path)}
    assert set(by_title) == {"Bridge reopens", "Flood"}


def test_opml_url_list_and_feed_url_sniffed_by_content(tmp_path: Path, site: Site) -> None:
    serve_news(site)
    opml_file = tmp_path / "feeds.opml"
    opml_file.write_text(OPML.format(base=site.base))
    urls = tmp_path / "urls.txt"
    urls.write_text(f"# morning list\n\n{site.base}/strike\n  {site.base}/flood  \n")
    result, _ = run([opml_file, urls, site.base + "/feeds.opml"], tmp_path)
    # OPML (file and URL): atom (strike) + rss (bridge, flood); the URL list repeats two of them.
    # The feed that is gone is a failure each time the list names it; the other feeds go on.
    assert (result.done, result.failed, result.total) == (3, 2, 5)
    assert all(source.endswith("/gone.xml") and "HTTP 404" in error for source, error in result.failures)
    done = sorted(key for key, row in rows(tmp_path).items() if row[0] == "done")
    assert done == sorted(canonical_url(site.base + p) for p in ("/bridge", "/flood", "/strike"))
    assert rows(tmp_path)[site.base + "/gone.xml"][0] == "failed"


def test_sniffing_and_url_lists() -> None:
    assert sniff(b'<?xml version="1.0"?>\n<!-- c --><rss version="2.0">') == "feed"
    assert sniff(b"<feed xmlns='http://www.w3.org/2005/Atom'>") == "feed"
    assert sniff(b"<?xml version='1.0'?><rdf:RDF xmlns:rdf='x'>") == "feed"
    assert sniff(b"<?xml version='1.0'?><opml version='1.0'>") == "opml"
    assert sniff(b"<!doctype html><html><body>an <rss> tag in prose</body></html>") == "page"
    assert url_list(b"# c\nhttps://a.example/1\n\nhttp://b.example/2\n", "list.txt") == ["https://a.example/1", "http://b.example/2"]
    assert url_list(b"See https://a.example/1 for more.\n", "story.txt") is None
    assert url_list(b"https://a.example/1\n", "story.md") is None  # a Markdown file is an article
    assert canonical_url("HTTPS://Example.ORG/a?b=1#frag") == "https://example.org/a?b=1"


# --- kill -9, resume, two runs at once -----------------------------------------------------------------


def many_articles(folder: Path, n: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"story{i:02d}.txt").write_text(
            f"The council of district {i} approved {i + 3} new schools on Monday, the mayor said.\n\n"
            f"Opponents said the plan would cost ${i + 10} million.\n"
            # A side phrase to drop: the bundled model's one question (the summary's compression) has a step.
            f"Mara Lind, the district's treasurer, said the schools would open in {2030 + i}, which pleased parents.\n"
        )


def batch_process(
    tmp_path: Path, folder: Path, log: Path, delay: float, *extra: str, barrier: str = "", state: str | None = None
) -> subprocess.Popen:
    env = {**os.environ, "BATCH_DOUBLE_LOG": str(log), "BATCH_DOUBLE_DELAY": str(delay), "BATCH_DOUBLE_BARRIER": barrier}
    command = [sys.executable, "-m", "tests.batch_double", "batch", str(folder), "--out", str(tmp_path / "out"),
               "--state", state or str(tmp_path / "state.sqlite3"), *extra]
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def holds_claims(tmp_path: Path) -> bool:
    if not (tmp_path / "state.sqlite3").exists():
        return False
    try:
        return any(row[0] == "running" for row in rows(tmp_path).values())
    except sqlite3.OperationalError:  # the run has not created its table yet
        return False


def nonce_of(report: dict) -> str:
    return report["article"]["sha256"][:12]


def test_resume_after_kill_9(tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    many_articles(folder, 8)
    log = tmp_path / "calls.log"
    first = batch_process(tmp_path, folder, log, 0.05, "--concurrency", "2")
    # Freeze the run, look, and kill it only once it has finished some articles and holds others:
    # looking while it runs would race with it finishing what it holds.
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        time.sleep(0.02)
        first.send_signal(signal.SIGSTOP)
        if len(list((tmp_path / "out").glob("*.json"))) >= 3 and holds_claims(tmp_path):
            break
        first.send_signal(signal.SIGCONT)
    first.send_signal(signal.SIGKILL)
    first.wait()
    assert first.returncode == -signal.SIGKILL
    done_first = {nonce_of(r) for r in reports(tmp_path)}
    assert 3 <= len(done_first) < 8, "killed too late to test a resume"
    states = [s[0] for s in rows(tmp_path).values()]
    assert "running" in states  # it died holding claims

    second = batch_process(tmp_path, folder, log, 0.0)
    out, err = second.communicate(timeout=120)
    assert second.returncode == 0, err
    assert f"{len(done_first)} skipped" in err
    # Every article is done once; nothing the first run finished was asked again.
    by_article = calls_by_article(log)
    assert len(by_article) == 8
    for nonce in done_first:
        assert set(by_article[nonce]) == {first.pid}
    final = reports(tmp_path)  # every report parses: none is half-written
    assert len(final) == 8 and {s[0] for s in rows(tmp_path).values()} == {"done"}


def test_two_runs_at_once_never_do_the_same_article(tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    many_articles(folder, 10)
    log = tmp_path / "calls.log"
    (tmp_path / "barrier").mkdir()
    barrier = f"{tmp_path / 'barrier'}:2"  # both runs are at work before either goes on
    runs = [batch_process(tmp_path, folder, log, 0.02, "--concurrency", "2", barrier=barrier) for _ in range(2)]
    outputs = [p.communicate(timeout=300) for p in runs]  # a guard against a hang, not a speed test: a loaded CI machine is slow
    assert [p.returncode for p in runs] == [0, 0], outputs
    by_article = calls_by_article(log)
    assert len(by_article) == 10
    for nonce, pids in by_article.items():
        assert len(set(pids)) == 1, f"article {nonce} was asked by two runs"
    assert {pid for pids in by_article.values() for pid in pids} == {p.pid for p in runs}  # both worked
    assert len(reports(tmp_path)) == 10


def test_two_runs_on_one_postgresql_never_do_the_same_article(tmp_path: Path) -> None:
    """Two machines' batches on one PostgreSQL state, the connection of one dropped by the server mid-run."""
    import psycopg

    from .postgres import postgres_url

    folder = tmp_path / "inbox"
    many_articles(folder, 10)
    log = tmp_path / "calls.log"
    (tmp_path / "barrier").mkdir()
    with postgres_url() as url:
        runs = [
            batch_process(tmp_path, folder, log, 0.05, "--concurrency", "2", barrier=f"{tmp_path / 'barrier'}:2", state=url)
            for _ in range(2)
        ]
        deadline = time.monotonic() + 120
        while len(calls_by_article(log)) < 3 and time.monotonic() < deadline:
            time.sleep(0.02)
        with psycopg.connect(url, autocommit=True) as admin:  # every connection of the runs, mid-run
            dropped = admin.execute(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname=current_database() AND pid<>pg_backend_pid()"
            ).fetchone()[0]
        outputs = [p.communicate(timeout=300) for p in runs]
        with psycopg.connect(url) as db:
            statuses = [r[0] for r in db.execute("SELECT status FROM articles")]
    assert dropped == 2
    assert [p.returncode for p in runs] == [0, 0], outputs
    by_article = calls_by_article(log)
    assert len(by_article) == 10
    for nonce, pids in by_article.items():
        assert len(set(pids)) == 1, f"article {nonce} was asked by two runs"
    assert {pid for pids in by_article.values() for pid in pids} == {p.pid for p in runs}  # both worked
    assert len(reports(tmp_path)) == 10 and statuses == ["done"] * 10


def test_postgresql_dropped_inside_an_articles_transaction_the_article_is_done_again(tmp_path: Path, inbox: Path, monkeypatch) -> None:
    """A drop inside the transaction that records an article done (rolled back by the server) is the state's
    failure, not the article's, and not the batch's: the claim is given back and the article done again."""
    import psycopg

    from factcheck.postgres import Connection

    from .postgres import postgres_url

    with postgres_url() as url:
        execute, dropped = Connection.execute, []

        def drop_in_the_first_done(self, sql: str, params: tuple = ()):
            if sql.startswith("UPDATE articles SET status='done'") and not dropped:
                pid = self.connection.info.backend_pid  # inside the transaction: BEGIN and its lock went through
                with psycopg.connect(url, autocommit=True) as admin:
                    dropped.append(admin.execute("SELECT pg_terminate_backend(%s)", (pid,)).fetchone()[0])
                    deadline = time.monotonic() + 10
                    while admin.execute("SELECT count(*) FROM pg_stat_activity WHERE pid=%s", (pid,)).fetchone()[0]:
                        assert time.monotonic() < deadline
                        time.sleep(0.05)
            return execute(self, sql, params)

        monkeypatch.setattr(Connection, "execute", drop_in_the_first_done)
        progress = Recorder()
        result = run_batch(
            [str(inbox)], out_dir=tmp_path / "out", settings=load_settings(), state_path=url, progress=progress,
            backend=double_backend(str(tmp_path / "calls.log")),
        )
        with psycopg.connect(url) as db:
            statuses = [r[0] for r in db.execute("SELECT status FROM articles")]
    assert dropped == [True]
    assert (result.done, result.failed) == (2, 0), result.failures
    assert any("tried again" in warning for warning in progress.warnings), progress.warnings
    assert statuses == ["done", "done"] and len(reports(tmp_path)) == 2


# --- progress --------------------------------------------------------------------------------------------


def test_plain_lines_when_not_a_terminal_and_quiet_for_cron(tmp_path: Path, inbox: Path, monkeypatch) -> None:
    monkeypatch.setattr(factcheck.llm, "build_backend", lambda settings: double_backend(str(tmp_path / "calls.log")))
    args = ["batch", str(inbox), "--out", str(tmp_path / "out"), "--state", str(tmp_path / "state.sqlite3")]
    plain = CliRunner().invoke(app, args)
    assert plain.exit_code == 0, plain.output
    lines = plain.output.splitlines()
    assert lines[0] == "batch: 2 articles"
    assert any(line.startswith("[1/2] done: ") and "calls" in line for line in lines)
    assert lines[-1].startswith("batch: 2 done, 0 skipped (already done), 0 failed;")

    quiet = CliRunner().invoke(app, [*args, "--quiet"])
    assert quiet.exit_code == 0 and quiet.output == ""
    (inbox / "empty.txt").write_text("   \n")
    failing = CliRunner().invoke(app, [*args, "--quiet"])
    assert failing.exit_code == 19
    assert failing.output.splitlines()[0].startswith(f"failed: {inbox / 'empty.txt'}: ")


# --- the real thing, once: llama.cpp's server, recorded ---------------------------------------------------

LLAMA_PORT = 18790


@pytest.fixture
def llama_server(request: pytest.FixtureRequest):
    with serve_when_recording(request, LLAMA_PORT) as server:
        yield server


@pytest.mark.vcr
def test_batch_of_two_articles_through_llama_server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, llama_server) -> None:
    monkeypatch.setenv("OPENAI_BASE_URL", f"http://127.0.0.1:{LLAMA_PORT}/v1")
    monkeypatch.setenv("OPENAI_API_KEY", SERVER_KEY)
    monkeypatch.setenv("FACTCHECK_MODEL", MODEL)
    folder = tmp_path / "inbox"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text)
    # One article at a time: a re-recording sends the same requests in the same order.
    settings = load_settings()
    progress = Recorder()
    result = run_batch([str(folder)], out_dir=tmp_path / "out", settings=settings, state_path=tmp_path / "state.sqlite3",
                       concurrency=1, progress=progress)
    assert (result.done, result.failed) == (2, 0), result.failures
    assert result.calls > 0 and result.tokens > 0
    for report in reports(tmp_path):
        assert report["provenance"]["provider"] == "openai" and report["provenance"]["model"] == MODEL
        assert report["summary"]["sentences"] and report["claims"]
        assert report["provenance"]["total"]["calls"] > 0
    recorded = {Path(path).name: calls for _, _, path, calls in rows(tmp_path).values()}
    assert sorted(recorded) == sorted(p.name for p in (tmp_path / "out").glob("*.json"))
    assert sum(recorded.values()) == result.calls

    # Run again: both skipped, not one request sent (the cassette would refuse an unrecorded one).
    again = run_batch([str(folder)], out_dir=tmp_path / "out", settings=settings, state_path=tmp_path / "state.sqlite3",
                      concurrency=1)
    assert (again.skipped, again.calls) == (2, 0)


def test_progress_bar_on_a_terminal(tmp_path: Path, inbox: Path) -> None:
    import io

    from rich.console import Console

    from factcheck.progress import RichProgress

    (inbox / "empty.txt").write_text("\n")
    screen = io.StringIO()
    console = Console(file=screen, force_terminal=True, width=120, color_system=None)
    run_batch([str(inbox)], out_dir=tmp_path / "out", settings=load_settings(), state_path=tmp_path / "state.sqlite3",
              progress=RichProgress(console), backend=double_backend(None))
    text = screen.getvalue()
    assert "3/3" in text and "2 done 0 skipped 1 failed" in text and "tokens" in text
    assert f"failed: {inbox / 'empty.txt'}: " in text
    assert "batch: 2 done, 0 skipped (already done), 1 failed;" in text


def test_default_state_in_the_user_data_directory(tmp_path: Path, inbox: Path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    result = run_batch([str(inbox)], out_dir=tmp_path / "out", settings=load_settings(), backend=double_backend(None))
    assert result.done == 2
    with sqlite3.connect(tmp_path / "data" / "factcheck" / "state.sqlite3") as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("SELECT count(*) FROM articles WHERE status='done'").fetchone()[0] == 2

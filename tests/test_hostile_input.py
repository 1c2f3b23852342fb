"""Hostile or broken inputs through the real command line: each has its expected outcome, a clear
one-line error with its own exit code or a correct report; never a traceback, a hang or a crash.

Inputs are built at test time in a temporary directory (the big ones too: nothing big is
committed). Runs that reach the model use a test double for the chat model (the one of
test_long_article.py), so the suite is fast; the real model is exercised by test_injection.py.
"""

from __future__ import annotations

import base64
import io
import os
import subprocess
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

import factcheck.llama_loading
import factcheck.llm
from factcheck.article import MAX_ARTICLE_CHARS, MAX_INPUT_BYTES
from factcheck.cli import app
from factcheck.llm import Backend
from factcheck.models import Report

from .conftest import SEED
from .loopback import QuietHandler, serve
from .test_long_article import EchoModel

REPORT = 0
NEWS = (
    "The city council approved a budget of 12 million euros for the harbour on Tuesday, Mayor Ana Ribeiro said.\n"
    "Opposition councillor Paul Mendes said the plan ignored the fishing fleet.\n"
    "Works are due to start in June.\n"
)
FRONT = "---\ntitle: Harbour budget\npublished: 2025-03-04\nsource: Coastal Herald\n---\n"
PNG_1PX = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)


@dataclass(frozen=True)
class Case:
    """An input (built in `tmp`, given the loopback web server's address) and what must come of it:
    an exit code and words of the one-line error, or REPORT and the warning codes it must carry."""

    name: str
    build: Callable[[Path, str], tuple[list[str], bytes | None]]
    exit_code: int
    words: str = ""
    warnings: tuple[str, ...] = ()
    check: Callable[[Report], None] | None = None


def file(content: bytes | str, name: str = "story.txt") -> Callable[[Path, str], tuple[list[str], None]]:
    def build(tmp: Path, web: str) -> tuple[list[str], None]:
        path = tmp / name
        path.write_bytes(content.encode() if isinstance(content, str) else content)
        return [str(path)], None

    return build


def stdin(content: bytes) -> Callable[[Path, str], tuple[list[str], bytes]]:
    return lambda tmp, web: (["-"], content)


def url(path: str) -> Callable[[Path, str], tuple[list[str], None]]:
    return lambda tmp, web: ([path.replace("{web}", web)], None)


def big_file(size: int, name: str = "big.txt") -> Callable[[Path, str], tuple[list[str], None]]:
    def build(tmp: Path, web: str) -> tuple[list[str], None]:
        path = tmp / name
        line = b"The council met again on Tuesday and approved the budget for the harbour.\n"
        with path.open("wb") as handle:
            for _ in range(size // len(line) + 1):
                handle.write(line)
        return [str(path)], None

    return build


def zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("story.txt", NEWS)
    return buffer.getvalue()


def special(kind: str) -> Callable[[Path, str], tuple[list[str], None]]:
    def build(tmp: Path, web: str) -> tuple[list[str], None]:
        path = tmp / kind
        if kind == "directory":
            path.mkdir()
        elif kind == "fifo":
            os.mkfifo(path)  # reading it would block forever: it must be refused unread
        elif kind == "device":
            path = Path("/dev/zero")  # endless: it must be refused unread
        elif kind == "symlink-loop":
            path.symlink_to(tmp / "other")
            (tmp / "other").symlink_to(path)
        elif kind == "dangling-symlink":
            path.symlink_to(tmp / "gone.txt")
        elif kind == "unreadable":
            if os.geteuid() == 0:
                pytest.skip("root reads any file: permissions cannot be denied here")
            path.write_text(NEWS)
            path.chmod(0)
        return [str(path)], None

    return build


def text_is(expected: str) -> Callable[[Report], None]:
    def check(report: Report) -> None:
        assert expected in report.article.text

    return check


def no_control_characters(report: Report) -> None:
    assert not any(ord(c) < 32 and c not in "\t\n\r\x0b\x0c" for c in report.article.text)
    assert "\x1b" not in report.model_dump_json()


def sentences_at_most_1500(report: Report) -> None:
    assert len(report.article.sentences) >= 600
    assert max(len(s.text) for s in report.article.sentences) <= 1500


def title_is(title: str) -> Callable[[Report], None]:
    def check(report: Report) -> None:
        assert report.article.title == title

    return check


def cjk_sentences(report: Report) -> None:
    assert [s.text for s in report.article.sentences][:2] == ["北京市政府周二宣布了新的交通计划。", "该计划将耗资十亿元！"]


CASES = [
    # Nothing to read.
    Case("empty file", file(b""), 4, "no article text"),
    Case("only white space", file(b" \n\t\r\n  \n"), 4, "no article text"),
    Case("only punctuation", file(b"... !!! ??? --- ***\n"), 4, "no sentence with a word"),
    Case("empty standard input", stdin(b""), 4, "standard input has no article text"),
    # Binary files.
    Case("PNG image", file(PNG_1PX, "photo.txt"), 5, "a PNG image"),
    Case("PDF document", file(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", "story.pdf"), 5, "pdftotext"),
    Case("ZIP archive", file(zip_bytes(), "story.zip"), 5, "a ZIP archive"),
    Case("PNG named .html", file(PNG_1PX, "story.html"), 5, "a PNG image"),
    Case("NUL bytes at the start", file(b"The council\x00met\x00on Tuesday."), 5, "NUL bytes"),
    # Encodings.
    Case(
        "Latin-1 text",
        file((FRONT + "Le maire a déclaré que la réforme coûtera 5 millions d'euros. Les élèves de Besançon protestent.\n").encode("latin-1")),
        REPORT, warnings=("encoding-guessed",), check=text_is("déclaré que la réforme coûtera"),
    ),
    Case(
        "Windows-1252 quotes and euro sign",
        file((FRONT + "The mayor’s “plan” costs €5 million – a café owner in Zürich said.\n").encode("cp1252")),
        REPORT, warnings=("encoding-guessed",), check=text_is("The mayor’s “plan” costs €5 million – a café owner in Zürich"),
    ),
    Case("Cyrillic Windows-1251", file("Президент заявил, что переговоры состоятся в четверг.".encode("cp1251")), 6, "not UTF-8"),
    Case("UTF-16 with BOM", file((FRONT + NEWS).encode("utf-16")), REPORT, check=text_is("Mayor Ana Ribeiro said")),
    Case("UTF-16 without BOM", file((FRONT + NEWS).encode("utf-16-le")), REPORT, warnings=("encoding-guessed",), check=text_is("Mayor Ana Ribeiro")),
    Case("UTF-8 with BOM", file(b"\xef\xbb\xbf" + (FRONT + NEWS).encode()), REPORT, check=title_is("Harbour budget")),
    Case("mixed line endings", file((FRONT + NEWS).replace("\n", "\r\n", 2).replace("\n", "\r", 1).encode()), REPORT),
    # Sizes.
    Case("50 MB file", big_file(50 * 10**6), 15, "MiB limit for one article"),
    Case("50 MB on standard input", lambda tmp, web: (["-"], b"word " * (10 * 10**6)), 15, "MiB limit for one article"),
    Case("3 MB of text", big_file(3 * 10**6), 15, "characters of text, more than the 2,000,000 limit"),
    Case("one 1-MB line with no sentence break", file(("word " * 200_000).strip()), REPORT, check=sentences_at_most_1500),
    Case("one 1-MB word", file("a" * 1_000_000), REPORT),
    Case(
        "10,000 sentences",
        file(" ".join(f"Councillor {i} said the budget rose by {i} percent on Tuesday." for i in range(10_000))),
        REPORT, warnings=("timeline-truncated",),
    ),
    # HTML.
    Case("HTML with no article body", file("<!DOCTYPE html><html><head><title>Story</title></head><body></body></html>", "page.html"), 4, "no article text"),
    Case(
        "a page that is all navigation",
        file("<html><body><nav><ul>" + "".join(f"<li><a href='/s{i}'>Section {i}</a></li>" for i in range(200)) + "</ul></nav></body></html>", "nav.html"),
        4, "a page of navigation",
    ),
    Case(
        "HTML bomb: 100,000 nested elements",
        file("<html><body>" + "<div>" * 100_000 + "<p>" + NEWS + "</p>" + "</div>" * 100_000 + "</body></html>", "bomb.html"),
        4, "nested too deep",
    ),
    Case("a page that is one script", file("<html><body><script>" + "var x = 1;" * 10_000 + "</script></body></html>", "script.html"), 4, "no article text"),
    # Front matter.
    Case("malformed front matter", file("---\ntitle: [unclosed\n---\n" + NEWS), 13, "not valid YAML"),
    Case("nested front matter", file("---\ntitle:\n  nested: value\n---\n" + NEWS), 13, "single value"),
    Case("front matter twice", file(FRONT + FRONT.replace("Harbour budget", "Second") + NEWS), REPORT, check=title_is("Harbour budget")),
    Case("malformed front-matter date", file("---\npublished: next week\n---\n" + NEWS), 13, "not an ISO date"),
    Case("impossible front-matter date", file("---\npublished: 2025-13-45\n---\n" + NEWS), 13, "impossible date: month must be in 1..12"),
    Case("front-matter date in the future", file(FRONT.replace("2025-03-04", "2099-01-01") + NEWS), REPORT, warnings=("future-publication-date",)),
    Case(
        "YAML alias bomb in front matter",
        file("---\na: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
             "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\ntitle: *e\n---\n" + NEWS),
        13, "must be a single value",
    ),
    Case("huge front matter", file("---\n" + "".join(f"key{i}: value {i}\n" for i in range(50_000)) + "title: Big\n---\n" + NEWS), REPORT, check=title_is("Big")),
    # Scripts and characters.
    Case(
        "right-to-left text",
        file(FRONT + "قال رئيس البلدية إن الميزانية ستبلغ 12 مليون يورو.\nאמר ראש העירייה כי התקציב יגיע ל-12 מיליון יורו.\n"),
        REPORT, check=text_is("12 مليون يورو"),
    ),
    Case("CJK text", file(FRONT + "北京市政府周二宣布了新的交通计划。该计划将耗资十亿元！市长说：“这是必要的。”\n"), REPORT, check=cjk_sentences),
    Case("emoji", file(FRONT + "The mayor 🎉 said the harbour 🚢 budget rose by 12 percent 📈 on Tuesday.\nFishermen 🎣 were angry.\n"), REPORT),
    Case(
        "zero-width characters",
        file(FRONT + "The may\u200bor said the bud\u200dget rose by 12 percent on Tuesday.\nFishermen\u2060 were angry, a union leader said.\n"),
        REPORT, warnings=("invisible-characters",),
    ),
    Case(
        "control characters and a terminal escape",
        file(FRONT + "The mayor said\x07 the budget \x1b[31mrose\x1b[0m by 12 percent on Tuesday.\x08\nFishermen were angry.\n"),
        REPORT, warnings=("control-characters",), check=no_control_characters,
    ),
    Case("NUL bytes past the start", file(FRONT + NEWS * 120 + "A last\x00 sentence about the harbour.\n"), REPORT, warnings=("control-characters",)),
    # Paths that are not files.
    Case("a directory", special("directory"), 3, "not a file, but a directory"),
    Case("a named pipe", special("fifo"), 3, "not a file, but a named pipe"),
    Case("a device", special("device"), 3, "not a file, but a device"),
    Case("a symbolic-link loop", special("symlink-loop"), 3, "a symbolic link that leads nowhere"),
    Case("a dangling symbolic link", special("dangling-symlink"), 3, "a symbolic link that leads nowhere"),
    Case("a file that cannot be read", special("unreadable"), 3, "cannot read it"),
    Case("no such file", lambda tmp, web: ([str(tmp / "missing.txt")], None), 3, "no such file"),
    # URLs.
    Case("a URL that redirects forever", url("{web}/loop"), 16, "is a loopback address"),
    Case("a URL to a private address", url("http://10.0.0.1/story.html"), 16, "10.0.0.1 is a private address"),
    Case("the cloud metadata address", url("http://169.254.169.254/latest/meta-data/"), 16, "link-local"),
    Case("a file:// URL", url("file:///etc/passwd"), 16, "only http and https URLs"),
    Case("an ftp:// URL", url("ftp://example.org/story.txt"), 16, "only http and https URLs"),
    Case("a URL with no host", url("http:///story.html"), 16, "URL"),
]
# Redirect loops and 404s are only reachable on loopback here: allowed explicitly for these.
PRIVATE_CASES = [
    Case("a URL that redirects forever (private URLs allowed)", url("{web}/loop"), 7, "more than 5 redirects (a redirect loop?)"),
    Case("a URL that answers 404 (private URLs allowed)", url("{web}/missing"), 7, "HTTP 404 Not Found"),
    Case("a URL that answers 500 (private URLs allowed)", url("{web}/broken"), 7, "HTTP 500"),
    Case("a page that never ends (private URLs allowed)", url("{web}/endless"), 15, "MiB limit for one article"),
    Case("a URL to a good page (private URLs allowed)", url("{web}/story.html"), REPORT, check=title_is("Harbour budget")),
]


@pytest.fixture(scope="module")
def web() -> str:
    page = ("<html><head><title>Harbour budget</title></head><body><article><h1>Harbour budget</h1>"
            + "".join(f"<p>{line}</p>" for line in NEWS.splitlines()) + "</article></body></html>").encode()

    class Handler(QuietHandler):
        def do_GET(self):  # noqa: N802 - the stdlib's name
            if self.path == "/loop":
                self.send_response(302)
                self.send_header("Location", "/loop")
                self.end_headers()
            elif self.path == "/story.html":
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.end_headers()
                self.wfile.write(page)
            elif self.path == "/endless":
                self.send_response(200)
                self.end_headers()
                chunk = b"<p>The council met on Tuesday.</p>" * 1000
                try:
                    for _ in range(MAX_INPUT_BYTES // len(chunk) + 10):
                        self.wfile.write(chunk)
                except OSError:  # the client hung up at the limit, as it should
                    pass
            else:
                self.send_response(500 if self.path == "/broken" else 404)
                self.end_headers()

    with serve(Handler) as port:
        yield f"http://127.0.0.1:{port}"


@pytest.fixture
def echo_backend(monkeypatch: pytest.MonkeyPatch) -> EchoModel:
    model = EchoModel(sizes=[])
    monkeypatch.setattr(factcheck.llm, "build_backend", lambda settings, loading=None: Backend(model, "test", "echo", "json_object", concurrency=4))
    monkeypatch.setattr(factcheck.llama_loading, "ModelLoading", lambda settings: None)  # no real model loading meanwhile
    return model


def run_case(case: Case, tmp_path: Path, web: str) -> None:
    args, given = case.build(tmp_path, web)
    out = tmp_path / "report.json"
    result = CliRunner().invoke(app, ["summarize", *args, "--format", "json", "--out", str(out)], input=given)
    # No traceback, whatever happened: an error is one line, and exceptions end as exit codes.
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    assert result.exit_code == case.exit_code, result.output
    if case.exit_code != REPORT:
        assert result.output.startswith("factcheck: error: ") and result.output.count("\n") == 1, result.output
        assert case.words in result.output
        assert not out.exists()
        return
    report = Report.model_validate_json(out.read_text())
    text = report.article.text
    assert report.article.sentences
    for sentence in report.article.sentences:
        assert text[sentence.start : sentence.end] == sentence.text
    ids = {s.id for s in report.article.sentences}
    for item in [*report.summary.sentences, *report.claims, *report.timeline]:
        assert item.sources and set(item.sources) <= ids
    codes = {w.code for w in report.warnings}
    assert set(case.warnings) <= codes, codes
    if case.check:
        case.check(report)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hostile_input(case: Case, tmp_path: Path, web: str, echo_backend: EchoModel) -> None:
    run_case(case, tmp_path, web)


@pytest.mark.parametrize("case", PRIVATE_CASES, ids=[c.name for c in PRIVATE_CASES])
def test_hostile_url_on_loopback(case: Case, tmp_path: Path, web: str, echo_backend: EchoModel, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTCHECK_ALLOW_PRIVATE_URLS", "1")
    run_case(case, tmp_path, web)


def test_the_corpus_is_large_enough() -> None:
    assert len(CASES) + len(PRIVATE_CASES) >= 30
    assert MAX_ARTICLE_CHARS < 3 * 10**6 < 50 * 10**6 > MAX_INPUT_BYTES


# Peak memory of the command on a 50 MB input, measured in its own process as the kernel's high-water
# mark of its own memory (VmHWM; ru_maxrss would count the forked image of this test process). The
# bound is generous: the limits keep it near the cost of the imports (about 70 MB here).
PEAK_RSS = """
import re, sys
from pathlib import Path
from factcheck.cli import app
try:
    app(sys.argv[1:])
finally:
    peak = re.search(r"VmHWM:\\s*(\\d+) kB", Path("/proc/self/status").read_text()).group(1)
    print(f"maxrss_kb={peak}", file=sys.stderr)
"""


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="measures memory through Linux's /proc")
@pytest.mark.parametrize("via", ["file", "stdin"])
def test_a_50_mb_input_is_refused_in_bounded_memory(via: str, tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    big_file(50 * 10**6)(tmp_path, "")
    args = [str(path)] if via == "file" else ["-"]
    with path.open("rb") as handle:
        done = subprocess.run(
            [sys.executable, "-c", PEAK_RSS, "summarize", *args],
            stdin=handle if via == "stdin" else subprocess.DEVNULL,
            capture_output=True, text=True, timeout=120, env={**os.environ, "FACTCHECK_PROVIDER": "local"},
        )
    assert done.returncode == 15, done.stderr
    assert "MiB limit for one article" in done.stderr and "Traceback" not in done.stderr
    peak_mb = int(done.stderr.split("maxrss_kb=")[1]) / 1024
    # The file is never read; standard input is read up to the 20 MiB limit, no further.
    assert peak_mb < 250, peak_mb


def test_the_seed_still_makes_a_clean_report(tmp_path: Path, web: str, echo_backend: EchoModel) -> None:
    run_case(Case("seed", lambda tmp, w: ([str(SEED)], None), REPORT), tmp_path, web)
    report = Report.model_validate_json((tmp_path / "report.json").read_text())
    assert not {w.code for w in report.warnings} & {
        "encoding-guessed", "control-characters", "invisible-characters", "text-addressed-to-model", "future-publication-date"
    }

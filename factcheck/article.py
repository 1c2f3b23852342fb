"""Ingestion: turn a file, a URL or stdin into an `Article` with numbered, offset-anchored sentences.

The article text is kept exactly as read (after front matter or HTML extraction): every offset in a
report indexes it, so nothing here normalises whitespace or quotes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO

from .errors import (
    BinaryInput,
    EmptyInput,
    FetchError,
    InputNotFound,
    InputTooLarge,
    InvalidFrontMatter,
    ReportAsInput,
    UndecodableInput,
    URLRefused,
)
from .models import ReportWarning

# A "sentence" longer than this is cut at white space: it must fit in one model request.
MAX_SENTENCE_CHARS = 1500
# Refuse inputs past this size instead of exhausting memory on a mistaken path (a web page's HTML
# may be several MB); never more than this is read.
MAX_INPUT_BYTES = 20 * 1024 * 1024
# And article text past this length (~300,000 words, 15 times the longest features): its analysis
# grows with the text (about 20 s for 30,000 sentences here), and it is a book or a dump, not an article.
MAX_ARTICLE_CHARS = 2_000_000

_BINARY_MAGIC = {
    b"\x89PNG": "a PNG image",
    b"%PDF": "a PDF document (extract its text first, e.g. with pdftotext)",
    b"PK\x03\x04": "a ZIP archive (or an Office document)",
    b"GIF8": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image",
    b"\x1f\x8b": "a gzip archive",
}


@dataclass(frozen=True, slots=True)
class Sentence:
    id: str
    text: str
    start: int
    end: int
    heading: bool = False  # a title or cross-heading line, not prose


@dataclass(slots=True)
class Article:
    text: str
    title: str | None = None
    published: dt.date | None = None
    source: str | None = None
    url: str | None = None
    sentences: list[Sentence] = field(default_factory=list)
    # What ingestion noticed and the report must say: a guessed encoding, hidden markup, ...
    warnings: list[ReportWarning] = field(default_factory=list)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def without(self, ids: set[str | None]) -> Article:
        """The same article with the sentences `ids` left out of what the chains may examine."""
        if not ids:
            return self
        return replace(self, sentences=[s for s in self.sentences if s.id not in ids])

    @property
    def paragraph_starts(self) -> frozenset[int]:
        """The indices of the sentences that open a new paragraph: a line break between them and
        the sentence before (speakers carry a quotation across paragraphs only when it reopens)."""
        s = self.sentences
        return frozenset(i for i in range(1, len(s)) if "\n" in self.text[s[i - 1].end : s[i].start])

    def sentence(self, sid: str) -> Sentence | None:
        return self._by_id().get(sid)

    def _by_id(self) -> dict[str, Sentence]:
        return {s.id: s for s in self.sentences}


# --- loading -------------------------------------------------------------------------------------


def load_article(
    source: str,
    *,
    stdin: bytes | None = None,
    raw: bytes | None = None,
    published: dt.date | None = None,
    default_title: str | None = None,
    default_published: dt.date | None = None,
    timeout: float = 30.0,
    allow_private: bool = False,
    name: str | None = None,
) -> Article:
    """Read `source` (a path, a URL, or "-" with `stdin` given) into an Article: the one loader of
    every command and of batches, so that every path gets the same limits and warnings.

    `raw` is the source's bytes when the caller already has them (a batch fetched a URL to tell a
    feed from a page). `published` overrides the article's date; `default_title` and
    `default_published` (a feed entry's) apply when the article has none. URLs whose host is a
    private or loopback address are refused unless `allow_private`. `name` is what messages call the
    input (default: the path, the URL or "standard input")."""
    name = name or _name(source)
    is_url = bool(re.match(r"(?i)[a-z][a-z0-9+.-]*://", source))
    if raw is None:
        if source == "-":
            raw = stdin or b""
        elif is_url:
            raw = fetch_url(source, timeout=timeout, allow_private=allow_private)
        else:
            raw = read_file(Path(source))
    warnings: list[ReportWarning] = []
    text = decode(raw, name=name, warnings=warnings)
    refuse_report(text, name)
    if is_url:  # a page, unless it plainly is not markup (a .txt served as text/plain)
        is_html = looks_like_html(text) or text.lstrip().startswith("<")
    elif source == "-":
        is_html = looks_like_html(text)
    else:
        is_html = Path(source).suffix.lower() in {".html", ".htm"}
    article = parse_html(text) if is_html else parse_text(text)
    article.warnings[:0] = warnings
    if is_url and re.match(r"(?i)https?://", source):
        article.url = article.url or source
    article.title = article.title or default_title
    article.published = published or article.published or default_published
    if not article.text.strip():
        where = " (a page of navigation, scripts or markup nested too deep?)" if is_html else ""
        raise EmptyInput(f"{name} has no article text to analyse{where}")
    if len(article.text) > MAX_ARTICLE_CHARS:
        raise InputTooLarge(
            f"{name} has {len(article.text):,} characters of text, more than the {MAX_ARTICLE_CHARS:,} "
            "limit for one article; split it"
        )
    article.sentences = split_sentences(article.text)
    if not article.sentences:
        raise EmptyInput(f"{name} has no sentence with a word in it to analyse")
    if article.published and article.published > dt.date.today() + dt.timedelta(days=1):
        article.warnings.append(
            ReportWarning(
                code="future-publication-date",
                message=f"the publication date {article.published} is in the future: relative dates resolve against it",
            )
        )
    return article


def refuse_report(text: str, name: str) -> None:
    """A factcheck JSON report given as an article would be analysed as text, at the model's cost."""
    if not text.lstrip().startswith("{"):
        return
    import json

    try:
        data = json.loads(text)
    except ValueError:
        return
    if isinstance(data, dict) and "schema_version" in data and "article" in data:
        raise ReportAsInput(
            f"{name} is a factcheck JSON report, not an article: to show it again, run factcheck render {name}"
        )


def _name(source: str) -> str:
    return "standard input" if source == "-" else source


def read_file(path: Path) -> bytes:
    """The file's bytes, refused past MAX_INPUT_BYTES without reading more than that."""
    try:
        if not path.exists():
            if path.is_symlink():
                raise InputNotFound(f"{path}: a symbolic link that leads nowhere (a missing target or a loop)")
            raise InputNotFound(f"{path}: no such file")
        if not path.is_file():
            raise InputNotFound(f"{path}: not a file, but {_file_kind(path)}")
        if path.stat().st_size > MAX_INPUT_BYTES:
            raise InputTooLarge(
                f"{path}: {path.stat().st_size / 2**20:.0f} MiB is more than the {MAX_INPUT_BYTES // 2**20} MiB limit for one article"
            )
        # Read at most one byte past the limit: the size on disk can lie (/proc) or change while we read.
        with path.open("rb") as handle:
            raw = handle.read(MAX_INPUT_BYTES + 1)
    except OSError as exc:  # permission denied, a symlink loop, an I/O error
        raise InputNotFound(f"{path}: cannot read it ({exc.strerror or exc})") from None
    return _within_limit(raw, str(path))


def _file_kind(path: Path) -> str:
    # A pipe or a device would block or never end: only regular files are read.
    kinds = {"is_dir": "a directory", "is_fifo": "a named pipe", "is_char_device": "a device",
             "is_block_device": "a device", "is_socket": "a socket"}
    return next((what for test, what in kinds.items() if getattr(path, test)()), "not a regular file")


def read_stream(stream: BinaryIO, *, name: str = "standard input") -> bytes:
    """Standard input, refused past MAX_INPUT_BYTES without buffering all of it."""
    return _within_limit(stream.read(MAX_INPUT_BYTES + 1), name)


def _within_limit(raw: bytes, name: str) -> bytes:
    if len(raw) > MAX_INPUT_BYTES:
        raise InputTooLarge(f"{name} is larger than the {MAX_INPUT_BYTES // 2**20} MiB limit for one article")
    return raw


# --- fetching URLs, without becoming a proxy into the local network (SSRF) -------------------------

MAX_REDIRECTS = 5


def fetch_url(url: str, *, timeout: float, allow_private: bool = False) -> bytes:
    """GET an http(s) URL, following at most MAX_REDIRECTS redirects.

    Unless `allow_private`, every hop's host is resolved here, each of its addresses must be a
    public one, and the connection goes to the address that was checked (the Host header and TLS
    name stay the host's), so a DNS answer that changes between check and connect cannot
    redirect the request into the local network.
    """
    import httpx  # imported here: only URL inputs pay for it

    from .deadline import deadline_transport

    class Client(httpx.Client):
        # Each hop's whole answer within `timeout`, as for model calls: a server dripping a byte a
        # second passes every read timeout. The transport httpx picks (env proxies included) is wrapped.
        def _transport_for_url(self, target: httpx.URL) -> httpx.BaseTransport:
            return deadline_transport(httpx, super()._transport_for_url(target), timeout)

    current = url
    try:
        with Client(follow_redirects=False, timeout=timeout) as client:
            for _ in range(MAX_REDIRECTS + 1):
                target = _http_url(current, original=url)
                request = client.build_request("GET", target, headers={"User-Agent": "factcheck"})
                if not allow_private:
                    _pin_to_public_address(request, original=url)
                response = client.send(request, stream=True)
                try:
                    if response.is_redirect:
                        current = str(target.join(response.headers["location"]))
                        continue
                    if response.status_code >= 400:
                        raise FetchError(f"{url}: HTTP {response.status_code} {response.reason_phrase}".rstrip())
                    return _read_capped(response, url)
                finally:
                    response.close()
            raise FetchError(f"{url}: more than {MAX_REDIRECTS} redirects (a redirect loop?)")
    except httpx.InvalidURL as exc:
        raise URLRefused(f"{url}: not a valid URL ({exc})") from None
    except httpx.TimeoutException as exc:
        raise FetchError(f"{url}: no complete answer within {timeout:g} s ({exc.__class__.__name__})") from exc
    except httpx.HTTPError as exc:
        raise FetchError(f"{url}: {exc.__class__.__name__}: {exc}") from exc


def guard_request(request, *, original: str, allow_private: bool = False) -> None:
    """fetch_url's rules for any outgoing request (a `factcheck serve` callback too): http(s) only and,
    unless `allow_private`, a host whose every address is public, the request pinned to the one checked."""
    _http_url(str(request.url), original=original)
    if not allow_private:
        _pin_to_public_address(request, original=original)


def check_url(url: str, *, allow_private: bool = False) -> None:
    """Refuse now, before any request is made, a URL that fetch_url would refuse."""
    import httpx

    try:
        request = httpx.Request("GET", _http_url(url, original=url))
    except httpx.InvalidURL as exc:
        raise URLRefused(f"{url}: not a valid URL ({exc})") from None
    guard_request(request, original=url, allow_private=allow_private)


def _http_url(value: str, *, original: str):
    import httpx

    target = httpx.URL(value)
    if target.scheme not in ("http", "https"):
        where = "" if value == original else f" (redirected to {value})"
        raise URLRefused(f"{original}{where}: only http and https URLs are fetched, not {target.scheme or 'this'}:")
    if not target.host:
        raise URLRefused(f"{original}: the URL has no host")
    return target


def _pin_to_public_address(request, *, original: str) -> None:
    """Resolve the request's host, refuse it unless every address is public, and send the request
    to the first checked address."""
    import socket

    url = request.url
    host = url.raw_host.decode("ascii")
    try:
        infos = socket.getaddrinfo(host, url.port or (443 if url.scheme == "https" else 80), type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(f"{original}: cannot resolve {host} ({exc})") from None
    addresses = list(dict.fromkeys(info[4][0] for info in infos))
    for address in addresses:
        if (problem := address_problem(address)) is not None:
            hop = "" if str(url) == original else f" (redirected to {url})"
            what = f"{host} is" if host == address else f"{host} resolves to {address},"
            raise URLRefused(
                f"{original}{hop}: {what} {problem}; refused so that a URL cannot reach "
                "the local network (set allow_private_urls, FACTCHECK_ALLOW_PRIVATE_URLS=1, to fetch it)"
            )
    request.headers["Host"] = url.netloc.decode("ascii")
    if url.scheme == "https":
        request.extensions["sni_hostname"] = host  # TLS still verifies the certificate against the name
    request.url = url.copy_with(host=addresses[0])


def address_problem(address: str) -> str | None:
    """Why an IP address is not a public one (None when it is)."""
    import ipaddress

    ip = ipaddress.ip_address(address.split("%")[0])
    if getattr(ip, "ipv4_mapped", None):
        ip = ip.ipv4_mapped
    for kind in ("loopback", "link_local", "multicast", "unspecified", "reserved", "private"):
        if getattr(ip, f"is_{kind}"):
            return f"a {kind.replace('_', '-')} address"
    if not ip.is_global:
        return "not a public address"
    return None


def _read_capped(response, url: str) -> bytes:
    chunks, size = [], 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > MAX_INPUT_BYTES:
            raise InputTooLarge(f"{url}: the page is larger than the {MAX_INPUT_BYTES // 2**20} MiB limit for one article")
        chunks.append(chunk)
    return b"".join(chunks)


def decode(raw: bytes, *, name: str, warnings: list[ReportWarning] | None = None) -> str:
    """Bytes to text: UTF-8 (with or without BOM), UTF-16 (BOM-marked, or plainly so), or, failing
    UTF-8, Windows-1252/Latin-1 when the bytes read as Western text; binary files are refused.

    Why Windows-1252 and nothing else: it is what a Western newsroom's legacy files are (Latin-1's
    letters included), a strict decode of it fails on its five undefined bytes, and a check that
    accented letters are a minority of the letters catches Cyrillic, Greek or CJK bytes read as
    it. A guess among many encodings (charset-normalizer) named "café crème" cp1006 here: a wrong
    guess would garble names and quotes that every later check then compares faithfully. So any
    other encoding is refused with a hint, and a guessed encoding is reported as a warning.
    Control characters are replaced by spaces (one for one, so offsets hold) and reported.
    """
    warnings = warnings if warnings is not None else []
    for magic, what in _BINARY_MAGIC.items():
        if raw.startswith(magic):
            raise BinaryInput(f"{name} is {what}, not a text or HTML article")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return _without_controls(raw.decode("utf-16"), name, warnings)
        except UnicodeDecodeError as exc:
            raise UndecodableInput(f"{name}: invalid UTF-16 text at byte {exc.start}") from exc
    if (utf16 := _bomless_utf16(raw)) is not None:
        warnings.append(_guessed(name, utf16, "it has no byte-order mark"))
        return _without_controls(raw.decode(utf16, errors="replace"), name, warnings)
    if b"\x00" in raw[:8192]:
        raise BinaryInput(f"{name} looks like a binary file (it contains NUL bytes), not an article")
    try:
        return _without_controls(raw.decode("utf-8-sig"), name, warnings)
    except UnicodeDecodeError as exc:
        failure = exc
    text = _as_western_text(raw)
    if text is None:
        raise UndecodableInput(
            f"{name} is not UTF-8 text (byte 0x{raw[failure.start]:02X} at offset {failure.start}), nor "
            "Windows-1252/Latin-1; convert it first, e.g. iconv -f <its encoding> -t utf-8"
        ) from None
    warnings.append(_guessed(name, "Windows-1252 (Latin-1)", f"it is not UTF-8: byte 0x{raw[failure.start]:02X} at offset {failure.start}"))
    return _without_controls(text, name, warnings)


def _guessed(name: str, encoding: str, why: str) -> ReportWarning:
    return ReportWarning(
        code="encoding-guessed",
        message=f"{name} was read as {encoding}, a guess ({why}): check names and quotes against the original",
    )


def _bomless_utf16(raw: bytes) -> str | None:
    """UTF-16 without a byte-order mark: text in a Latin script has a NUL in every other byte."""
    head = raw[:8192]
    if len(head) < 16 or len(head) % 2:
        return None
    for codec, zeros in (("utf-16-le", head[1::2]), ("utf-16-be", head[0::2])):
        if zeros.count(0) >= 0.9 * len(zeros) and head[(1 if codec.endswith("be") else 0) :: 2].count(0) == 0:
            return codec
    return None


def _as_western_text(raw: bytes) -> str | None:
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError:  # one of its undefined bytes: not Windows-1252
        return None
    letters = [c for c in text if c.isalpha()]
    accented = sum(not c.isascii() for c in letters)
    # Western prose is mostly ASCII letters; Cyrillic or Greek read as Windows-1252 is mostly not.
    if not letters or accented > 0.25 * len(letters):
        return None
    return text


# C0 and C1 control characters other than tab, line feed, vertical tab, form feed and carriage return.
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def _without_controls(text: str, name: str, warnings: list[ReportWarning]) -> str:
    """Replace control characters (a terminal escape sequence, a stray NUL) by spaces, one for one."""
    found = len(_CONTROLS.findall(text))
    if not found:
        return text
    warnings.append(
        ReportWarning(
            code="control-characters",
            message=f"{name} holds {found} control character{'s' if found > 1 else ''}, replaced by spaces",
        )
    )
    return _CONTROLS.sub(" ", text)


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:512].lower()
    return head.startswith(("<!doctype html", "<html")) or "<body" in head


def parse_text(text: str) -> Article:
    """Plain text or Markdown, with optional YAML front matter (title, published, source, url)."""
    if not text.startswith("---"):
        return Article(text=text)
    import frontmatter
    import yaml

    try:
        meta, body = frontmatter.parse(text)
    except yaml.YAMLError as exc:
        raise InvalidFrontMatter(f"front matter is not valid YAML: {_first_line(exc)}") from exc
    except ValueError as exc:  # YAML reads 2025-13-45 as a date, and the calendar refuses it
        raise InvalidFrontMatter(f"front matter holds an impossible date: {exc}") from exc
    if not meta:  # "---" that opens no front matter: the text is the article
        return Article(text=text)
    # python-frontmatter strips the body; keep its exact text so offsets match what follows the header.
    offset = text.find(body) if body else len(text)
    return Article(
        text=text[offset:] if offset >= 0 else body,
        title=_str_field(meta, "title"),
        published=parse_date(meta.get("published") or meta.get("date"), what="front matter 'published'"),
        source=_str_field(meta, "source"),
        url=_str_field(meta, "url"),
    )


def _str_field(meta: dict, key: str) -> str | None:
    value = meta.get(key)
    if value is None:
        return None
    if isinstance(value, (dict, list)):
        raise InvalidFrontMatter(f"front matter '{key}' must be a single value, not a {type(value).__name__}")
    return str(value).strip() or None


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else exc.__class__.__name__


def parse_date(value: object, *, what: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        raise InvalidFrontMatter(f"{what} {value!r} is not an ISO date (YYYY-MM-DD)") from None


def parse_html(html: str) -> Article:
    """Main text and metadata of a web page, through trafilatura."""
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True)
    meta = trafilatura.extract_metadata(html)
    published = None
    if meta is not None and meta.date:
        try:
            published = dt.date.fromisoformat(meta.date[:10])
        except ValueError:
            published = None
    from .injection import scan_markup, warnings_for

    return Article(
        warnings=warnings_for(scan_markup(html, text or ""), []),
        text=text or "",
        title=getattr(meta, "title", None) or None,
        published=published,
        source=getattr(meta, "sitename", None) or None,
        url=getattr(meta, "url", None) or None,
    )


# --- sentences -----------------------------------------------------------------------------------

# Double quotation marks, the one list every module reads: straight, curly, and the guillemets and
# low opening mark of European presses. A straight quote opens or closes by position; « and „ only
# open, » only closes (“ closes a „ quote, but opens one everywhere else, which parity still counts).
# Wire copy typed on old terminals (and the corpora made of it) writes ``these'' for “these”.
QUOTES = "\"“”«»„"
_OPENING_QUOTES = "“«„"
_CLOSING_QUOTES = "”»"


@lru_cache(maxsize=8192)
def _quote_marks(text: str) -> tuple[tuple[int, int, str], ...]:
    """(offset, length, role) of each double quotation mark in `text`; role is "open", "close" or
    "either" (a straight quote). `` and '' count as one mark each. Cached: the attribution code asks
    it of the same sentences thousands of times an article."""
    return tuple(_scan_quote_marks(text))


def _scan_quote_marks(text: str):
    i = 0
    while i < len(text):
        ch = text[i]
        if text.startswith("``", i):
            yield i, 2, "open"
            i += 2
            continue
        if text.startswith("''", i):
            # Some wire copy writes '' on both sides: at a word's start (after a space, before a
            # letter) it opens.
            opens = (i == 0 or text[i - 1].isspace()) and text[i + 2 : i + 3].isalnum()
            yield i, 2, "open" if opens else "close"
            i += 2
            continue
        if ch in _OPENING_QUOTES:
            yield i, 1, "open"
        elif ch in _CLOSING_QUOTES:
            yield i, 1, "close"
        elif ch == '"':
            yield i, 1, "either"
        i += 1


def quote_count(text: str) -> int:
    """How many double quotation marks `text` holds (an odd count: half a quotation)."""
    return sum(1 for _ in _quote_marks(text))


def quote_open_after(text: str, open_before: bool = False) -> bool:
    """Whether a quotation is still open after `text`, given whether one was open before it."""
    opened = open_before
    for _, _, role in _quote_marks(text):
        opened = True if role == "open" else False if role == "close" else not opened
    return opened


def starts_quoted(text: str) -> bool:
    return next((at == len(text) - len(text.lstrip()) for at, _, role in _quote_marks(text) if role != "close"), False)


def open_at_start(article: Article) -> frozenset[str]:
    """The ids of the sentences that start inside a quotation an earlier sentence of their paragraph
    (a line) opened and has not closed. A sentence that opens a quotation of its own closes one left
    open (wire copy forgets closing marks), so that a stray mark does not quote the rest of the
    paragraph."""
    inside, opened, line_start = set(), False, -1
    for s in article.sentences:
        start_of_line = article.text.rfind("\n", 0, s.start) + 1
        if start_of_line != line_start:
            opened, line_start = False, start_of_line
        opened = opened and not starts_quoted(s.text)
        if opened:
            inside.add(s.id)
        opened = quote_open_after(s.text, opened)
    return frozenset(inside)


def as_quoted_in(article: Article, text: str, sentence: Sentence, inside: bool) -> str:
    """`text`, words of `sentence`, with the quotation marks that make it read as the quotation it
    is: a mark its cut left out put back ('“We will win.' -> '“We will win.”'), or the whole in marks
    when its sentence has none and lies in a quotation an earlier one opened (`inside`, see
    open_at_start): without them a speaker's words would read as the article's own. Marks only."""
    if quote_count(text):
        return with_quotes_balanced(text)
    if quote_count(sentence.text) or not inside:
        return text
    before = article.text[: sentence.start]
    opener = max(("``", "“", "«", "„", '"'), key=before.rfind)
    return with_quotes_balanced(opener + text)


def unclosed_quotations(article: Article) -> frozenset[str]:
    """The ids of the sentences that stand in a quotation the article never closes: from the one
    that opens it to the last its paragraph holds, when the paragraph ends with it open and the next
    does not open on a mark (news carries a quotation to a new paragraph only by opening it again),
    or when a sentence opens a new quotation before a part-sentence one closed ('called it "a
    tragedy, and promised an inquiry. "We will act," she said.': a lost mark). A quotation of whole
    sentences (opening the sentence, or after the comma or colon that introduces it) that a new
    mark opens again goes on, as it does across paragraphs (flattened copy loses the breaks).
    Where such quoted words end is unknown: a mark put at a sentence's end may put the outlet's own
    words after them ('called it "a tragedy, and promised an inquiry.') inside the quotation."""
    unclosed: set[str] = set()
    run: list[str] = []  # the sentences of the quotation open now
    whole = False  # whether that quotation opened as whole sentences
    sentences = article.sentences
    for n, s in enumerate(sentences):
        line_start = article.text.rfind("\n", 0, s.start) + 1
        new_paragraph = n == 0 or line_start > sentences[n - 1].start
        if run and (new_paragraph or starts_quoted(s.text)):
            if not (starts_quoted(s.text) and (new_paragraph or whole)):
                unclosed.update(run)  # a new quotation, or new prose, before this one closed
            run = []
        opened = _open_at(s.text, bool(run))
        if opened is None:
            run = []
        else:
            if not run:
                whole = not s.text[:opened].strip() or s.text[:opened].rstrip()[-1] in ",:"
            run.append(s.id)
    unclosed.update(run)  # open at the article's end
    return frozenset(unclosed)


def _open_at(text: str, open_before: bool) -> int | None:
    """Where the quotation left open after `text` opened (0 when it was open before), else None."""
    at = 0 if open_before else None
    for offset, _, role in _quote_marks(text):
        at = offset if role == "open" or role == "either" and at is None else None
    return at


_CLOSING_FOR = {"“": "”", "«": "»", "„": "“", "``": "''", "''": "''", '"': '"'}
_OPENING_FOR = {"”": "“", "»": "«", "''": "``", '"': '"'}


def with_quotes_balanced(text: str) -> str:
    """A sentence cut from a quotation that runs over several sentences, with its missing mark put
    back ('“We will win.' -> '“We will win.”', 'We won,” he said.' -> '“We won,” he said.'), so that
    it reads as the quotation it is. Marks only: no word is added."""
    marks = list(_quote_marks(text))
    if not marks:
        return text
    first_at, first_len, first_role = marks[0]
    first = text[first_at : first_at + first_len]
    lead = len(text) - len(text.lstrip())
    if first_role == "close" or first_role == "either" and len(marks) % 2 and first_at != lead:
        text = text[:lead] + _OPENING_FOR[first] + text[lead:]
    if quote_open_after(text):
        last_at, last_len, _ = list(_quote_marks(text))[-1]
        text = text.rstrip() + _CLOSING_FOR[text[last_at : last_at + last_len]]
    return text


# A sentence's end: its stop, then any closing quotation marks or brackets (wire copy's '' too).
_STOP_AT_END = re.compile(r"[.!?…][\"'”’»)\]]*$")
# A full stop after a stop that ends the text already: an abbreviation's ("Acme Corp..") or the
# quotation's own ('... "This is my home.".'); an ellipsis ("wait...") is left whole.
_SECOND_STOP = re.compile(r"(?<![.])([.!?])([\"'”’»)\]]*)\s*\.$")


def with_one_stop(text: str) -> str:
    """`text` ended as a sentence by one stop: a full stop added when it has none, and one that code
    put after a stop already there taken away."""
    text = _SECOND_STOP.sub(r"\1\2", text.rstrip())
    return text if _STOP_AT_END.search(text) else text + "."


# Quotation marks, as (opening, closing): typographic, straight, wire copy's ``...'' (two
# characters each), guillemets, and single curly quotes (’ is also an apostrophe: see quoted_spans).
_QUOTE_PAIRS = {"``": "''", "“": "”", "„": "”“", "«": "»", "‘": "’", '"': '"'}  # opening: its closing marks
_QUOTE_MARK = re.compile("|".join(re.escape(m) for m in sorted({*_QUOTE_PAIRS, "''", "”", "“", "»", "’"}, key=len, reverse=True)))


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """The outermost quotations of `text` in every quotation style, as (offset of the opening mark,
    offset of the closing mark); a quotation left open runs to the end of the text (a text may be
    one sentence of a quote that goes on). A ‘ opens only
    at the start of a word and a ’ closes only an open ‘ and not inside a word ("don’t", "Israel’s")."""
    spans: list[tuple[int, int]] = []
    stack: list[tuple[tuple[str, ...], int]] = []  # (the closing marks awaited, where the quotation opened)
    for m in _QUOTE_MARK.finditer(text):
        mark, i = m.group(), m.start()
        before, after = text[i - 1 : i], text[m.end() : m.end() + 1]
        if mark == "’" and (after.isalnum() or not any("’" in c for c, _ in stack)):
            continue  # an apostrophe
        if any(mark in c for c, _ in stack):  # closes the innermost quotation it can close
            while stack:
                closing, start = stack.pop()
                if mark in closing:
                    break
            if not stack:
                spans.append((start, i))
            continue
        if mark == "‘" and before.isalnum():
            continue
        if mark in ("''", "”", "»"):
            continue  # a closing mark with nothing open: a stray mark, not a quotation
        stack.append((tuple(_QUOTE_PAIRS[mark]) if mark != "``" else ("''",), i))
    stack = [(c, start) for c, start in stack if c != ("’",)]  # an unclosed ‘ is likely an elision ("the ‘90s")
    if stack:
        spans.append((stack[0][1], len(text)))
    return spans


# A line break ends a sentence in news text (headlines, cross-heads, list items); within a line,
# a sentence ends at . ! ? (plus closing quotes/brackets) followed by space and a capital, digit or quote.
# Chinese and Japanese full stops end a sentence with no space after them.
# A sentence ends before a capital, a number or an opening quote, or before a run of dashes that
# opens a credit line ('... in reach." --- Jane Roe in Amman contributed to this article.').
_BOUNDARY = re.compile(r"""[.!?]+(?:["'”’»)\]]|\s»)*(?=\s+(?:``|["'“‘«„(\[])?\s?[A-Z0-9À-ÖØ-Þ]|\s+-{2,}\s)|[。！？]+[」』”’）]*""")
# Abbreviations that stand before a name ("Mr. Smith", "Gen. Powell", "Messrs. Schwarz and Maurer"):
# whatever follows is the rest of the name, never a new sentence.
_TITLES = {
    "mr", "mrs", "ms", "messrs", "mmes", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm",
    "gov", "sen", "rep", "rev", "hon", "pres",
}
# Abbreviations that end a name or a phrase as often as they continue one ("Acme Inc. said" / "from
# Acme Inc. The company ..."; "the U.S. Navy" / "in the U.S. The ..."; "Cie. Financiere" / "amp
# Cie. Mr. Dupont"): what follows tells (see _ends_after_abbreviation).
_ABBREVIATIONS = {
    "sr", "jr", "inc", "ltd", "co", "cos", "corp", "cie", "bros", "plc", "vs", "etc", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.g", "i.e", "a.m",
    "p.m", "approx", "dept", "est", "fig", "st", "mt", "ft", "no",
}


# A wire dateline opening a story's first paragraph: "BONN, Germany (AP)_", "WASHINGTON _",
# "CAIRO (Reuters) -", "BEIJING, March 3 (Xinhua) --": a place in capitals, an optional region or
# date after a comma, an optional agency in brackets, then a dash or an underscore. It says where the
# story was filed, not what happened: no sentence, claim or event includes it.
_DATELINE = re.compile(
    r"[A-Z][A-Z.'’-]*(?:\s+[A-Z][A-Z.'’-]*){0,3}(?=[\s,(_-])"
    r"(?:,\s+[A-Z0-9][\w.'’-]*(?:\s+[A-Z0-9][\w.'’-]*){0,3})?"
    # the dash follows the agency's bracket or a space, never a hyphenated word ("RENT-A-CAR")
    r"(?:\s*\([A-Z][\w.&'’ /-]{0,30}\)\s*(?:_+|-{1,2}|—|–)\s*|\s+(?:_+|-{1,2}|—|–)\s+)(?=[\"“`‘'A-Z0-9])"
)
# A dateline stands only in the first lines of a story.
_DATELINE_WITHIN = 600


def dateline_end(text: str, start: int) -> int:
    """Where the sentence starting at `start` begins after a wire dateline, or `start` if it has none."""
    m = _DATELINE.match(text, start)
    if m is None or start > _DATELINE_WITHIN or sum(c.isupper() for c in text[start : m.end()]) < 3:
        return start
    return m.end()


# A wire desk's sign-off closing a story: its editors' initials, "(ab/dc)", "(pvs/vi/ji)".
_SIGNOFF = re.compile(r"\s*\((?:[a-z]{1,4}/)+[a-z]{1,4}\)$")


def split_sentences(text: str) -> list[Sentence]:
    """Number the sentences of `text` (S1, S2, ...) with offsets such that text[start:end] == sentence.
    The first paragraph's wire dateline, and the sign-off that closes a wire story, are left out."""
    spans: list[tuple[int, int]] = []
    parses = [MAX_ABBREVIATION_PARSES]
    for line in re.finditer(r"[^\r\n]+", text):
        spans.extend(_split_line(text, line.start(), line.end(), parses))
    sentences = []
    dated = False
    for start, end in spans:
        chunk = text[start:end]
        stripped = chunk.strip()
        if not stripped or not re.search(r"\w", stripped):
            continue
        start += len(chunk) - len(chunk.lstrip())
        if not dated and (start == 0 or text[start - 1] in "\r\n"):
            cut = dateline_end(text, start)
            if cut < start + len(stripped):  # a dateline alone on its line stays, as a heading
                dated, start, stripped = cut > start, cut, text[cut : start + len(stripped)]
        if start + len(stripped) == len(text.rstrip()) and (signoff := _SIGNOFF.search(stripped)):
            stripped = stripped[: signoff.start()]  # the article's last words: the wire desk's sign-off
            if not re.search(r"\w", stripped):
                continue
        end = start + len(stripped)
        sentences.append(
            Sentence(id=f"S{len(sentences) + 1}", text=stripped, start=start, end=end, heading=_is_heading(stripped))
        )
    return sentences


def _split_line(text: str, start: int, end: int, parses: list[int]) -> list[tuple[int, int]]:
    spans, cursor = [], start
    matches = list(_BOUNDARY.finditer(text, start, end))
    for n, match in enumerate(matches):
        following = matches[n + 1].end() if n + 1 < len(matches) else end
        if match.group().startswith(".") and not _ends_after_abbreviation(text, cursor, match, following, parses):
            continue
        if match.group()[:1] in "!?" and _inside_quotation(text, cursor, match, end):
            continue
        if _quote_then_speaker(text, match, following):
            continue
        spans.extend(_cap(text, cursor, match.end()))
        cursor = match.end()
    spans.extend(_cap(text, cursor, end))
    return spans


def _inside_quotation(text: str, cursor: int, match: re.Match, end: int) -> bool:
    """'She shouted, "Stop! Go home!" and left': an exclamation or a question inside a quotation
    that goes on, and closes on the same line, is a part of the quoted utterance, not a sentence
    end; splitting there would start the next sentence mid-quote with its quotation mark unbalanced.
    (A full stop inside a long quotation still ends a sentence: a quoted paragraph is several.)"""
    if not quote_open_after(text[cursor : match.start()]) or quote_open_after(match.group(), True) is False:
        return False  # no quotation open here, or the match itself closes it
    return not quote_open_after(text[match.end() : end], True)


# Verbs that attribute a quotation that comes before them ('"Why now?" Smith asked.'): saying
# verbs and the verbs of asking and exclaiming that a question or an exclamation takes.
# Of them, those that say the words aloud (not "wonder"): their subject is the quotation's speaker.
SPEAKING_VERBS = frozenset("ask shout cry exclaim chant yell scream demand plead retort".split())
QUOTING_VERBS = SPEAKING_VERBS | {"wonder"}


def _quote_then_speaker(text: str, match: re.Match, following: int) -> bool:
    """'"Where is the money?" Smith asked.', '"We will win." Castro declared.': after a quotation that
    ends with its own stop, a clause that is only the quotation's speaker and a saying verb ends the
    same sentence (alone, "Castro declared." says nothing). It is told by its grammar (a saying verb
    at its root reporting nothing of its own), not by a list of names."""
    if not quote_count(match.group()):
        return False
    fragment = text[match.end() : following].strip()
    if not fragment or len(fragment.split()) > 12:
        return False
    from .attribution import REPORTING_LEMMAS  # lazily: only such a quotation pays for a parse
    from .nlp import parse

    doc = parse(fragment)
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ not in ("VERB", "AUX") or root.lemma_.lower() not in REPORTING_LEMMAS | QUOTING_VERBS:
        return False
    subject = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
    # The saying verb must report nothing of its own (no clause, no object but whom it was said to).
    # After a full stop, which ends most quoted sentences, not even an object: "He estimated the value
    # at $55." is a sentence of its own; only a question or an exclamation takes "asked reporters".
    content = ("ccomp", "xcomp", "parataxis", "csubj") + (("dobj", "attr", "oprd") if match.group()[:1] == "." else ())
    reports = any(c.dep_ in content and c.pos_ != "PRON" for c in root.children)
    return bool(subject) and subject[0].i < root.i and not reports


def _cap(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut a run with no sentence break (a table, a 1-MB line) into pieces of at most
    MAX_SENTENCE_CHARS at white space, so that every piece fits in one model request."""
    spans = []
    while end - start > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", start + MAX_SENTENCE_CHARS // 2, start + MAX_SENTENCE_CHARS)
        cut = cut if cut > start else start + MAX_SENTENCE_CHARS
        spans.append((start, cut))
        start = cut
    spans.append((start, end))
    return spans


def _abbreviation(token: str) -> str | None:
    """"title" for a title before a name; "abbreviation" for one of _ABBREVIATIONS; "initial" for a
    capital initial or another initialism ("J.", "J.C.", "F.A.O.", which are a name's more often
    than they end a sentence); None for a word."""
    word = token.lstrip("\"'“‘«„`([{").lower().rstrip(".")
    if word in _TITLES:
        return "title"
    if word in _ABBREVIATIONS:
        return "abbreviation"
    if re.fullmatch(r"[^\W\d_](?:\.[^\W\d_])*", word) and len(word) <= 7:
        return "initial"
    return None


def _ends_after_abbreviation(text: str, cursor: int, match: re.Match, following: int, parses: list[int]) -> bool:
    """Whether a full stop ends its sentence. After an abbreviation, it does when a word that begins
    sentences follows (a function word, a title, an opening quotation: "... the U.S. The ...",
    "... Acme Inc. Mr. Smith ..."); it does not before a number ("Feb. 23"), after a title ("Mr.
    Smith") or initials ("John F. Kennedy", "J.C. Matlock"); before any other capitalised word
    after one of _ABBREVIATIONS ("U.S. Trust", "from Acme Inc. Acme, which ...") the parser tells
    whether a sentence starts there, as long as `parses` (the parses left for this text) lasts."""
    token = text[max(cursor, match.start() - 40) : match.start() + 1].split()
    kind = _abbreviation(token[-1]) if token and not re.search(r"[\"”’»)\]]", match.group()) else None
    if kind is None:
        return True
    if kind == "title":
        return False
    after = text[match.end() : following].lstrip()
    quoted = re.match(r"(?:``|[\"“‘«„(\[])\s?", after)
    word = re.match(r"[^\W_]+", after[quoted.end() if quoted else 0 :])
    if word is None or word.group()[0].isdigit():
        return False
    if quoted or word.group().lower() in _sentence_starters() or _abbreviation(after.split()[0]) == "title":
        return True
    if kind == "initial" or parses[0] <= 0:
        return False
    parses[0] -= 1
    return _parser_starts_sentence(text, cursor, match.end(), following)


@lru_cache(maxsize=1)
def _sentence_starters() -> frozenset[str]:
    # spaCy's English stop words: the function words (determiners, pronouns, conjunctions,
    # prepositions, adverbs) with which most sentences begin and names never do.
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


# Text either side of an abbreviation that the parser reads to tell whether a sentence starts after it.
_PARSE_WINDOW = 250
# At most this many such parses per text (a news story needs a few dozen; each costs some ms): past
# it, an abbreviation before a capitalised word continues its sentence, so that a text made of
# thousands of them cannot hold the splitter for minutes.
MAX_ABBREVIATION_PARSES = 300


def _parser_starts_sentence(text: str, cursor: int, at: int, following: int) -> bool:
    from .nlp import parse_without_entities  # lazily: only such an abbreviation pays for a parse

    start = max(cursor, text.rfind(" ", 0, at - _PARSE_WINDOW) + 1) if at - cursor > _PARSE_WINDOW else cursor
    stop = min(following, at + _PARSE_WINDOW)
    window = text[start:stop]
    doc = parse_without_entities(window)
    offset = at - start + len(text[at:stop]) - len(text[at:stop].lstrip())
    token = next((t for t in doc if t.idx >= offset), None)
    return token is not None and token.idx == offset and bool(token.is_sent_start)


def _is_heading(sentence: str) -> bool:
    # Markdown headings, or a short line with no closing punctuation (a cross-head such as
    # "Staunch, capable ally").
    if sentence.startswith("#"):
        return True
    return len(sentence.split()) <= 12 and not re.search(r"""[.!?:;]["'”’)\]]*$""", sentence)

"""Batch sources: folders, files, lists of URLs, RSS/Atom feeds and OPML lists of feeds.

`expand` turns the sources a user names into the articles to analyse (`Item`s); `load_item` reads
one of them into an `Article`. Whether a URL is a feed, an OPML list or an article page is decided
from what it returns, not from its name or Content-Type (servers label feeds as application/rss+xml,
text/xml or even text/html): an XML root `<opml>` is an OPML list, `<rss>`, `<feed>` (Atom) or
`<rdf:RDF>` (RSS 1.0) a feed, anything else an article page. Every fetch goes through
`article.fetch_url`, with its protection against URLs that lead into the local network.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from .article import Article, decode, fetch_url, load_article, read_file
from .errors import FactcheckError, FetchError, InputNotFound

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")
_URL = re.compile(r"(?i)^https?://\S+$")
_OPML_ROOT = re.compile(rb"<opml[\s>]")
_FEED_ROOT = re.compile(rb"<(rss|feed|rdf:rdf)[\s>]")

Warn = Callable[[str], None]


@dataclass(frozen=True, slots=True)
class Item:
    """One article to analyse, before it is read."""

    locator: str  # a file path or an http(s) URL
    origin: str  # the source the user named that led to it (a folder, a list, a feed)
    title: str | None = None  # from the feed entry: used when the page has none
    published: dt.date | None = None  # likewise
    raw: bytes | None = None  # the page, when it was fetched to tell what it was


@dataclass(frozen=True, slots=True)
class Broken:
    """A source that yields nothing to analyse (missing, unreachable, unreadable): a failure."""

    source: str
    error: str


def expand(
    sources: Sequence[str], *, timeout: float, allow_private: bool, warn: Warn
) -> Iterator[Item | Broken]:
    """The articles behind `sources`, in order, each once."""
    seen: set[str] = set()
    for source in sources:
        try:
            found = list(_expand_one(source, timeout=timeout, allow_private=allow_private, warn=warn))
        except FactcheckError as exc:
            yield Broken(source, str(exc))
            continue
        for item in found:
            if isinstance(item, Broken):
                yield item
                continue
            same = item.locator.split("#")[0] if _URL.match(item.locator) else item.locator  # a #fragment: same page
            if same not in seen:
                seen.add(same)
                yield item


def _expand_one(source: str, *, timeout: float, allow_private: bool, warn: Warn) -> Iterator[Item | Broken]:
    is_url = bool(_URL.match(source))
    if is_url:
        raw = fetch_url(source, timeout=timeout, allow_private=allow_private)
    else:
        path = Path(source)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.suffix.lower() in ARTICLE_SUFFIXES and p.is_file())
            if not files:
                warn(f"{source}: no .txt, .md or .html file in this folder")
            for file in files:
                yield Item(str(file), source)
            return
        raw = read_file(path)
    # A URL or a file alike: what it holds decides what it is.
    kind = sniff(raw)
    if kind == "opml":
        for feed in opml_feeds(raw, source):
            yield from _feed_items(feed, source, timeout=timeout, allow_private=allow_private, warn=warn)
    elif kind == "feed":
        yield from feed_items(raw, source, warn=warn)
    elif is_url:
        yield Item(source, source, raw=raw)
    elif (urls := url_list(raw, source)) is not None:
        for url in urls:
            yield Item(url, source)
    else:
        yield Item(source, source)


def sniff(raw: bytes) -> str:
    """'opml', 'feed' or 'page', from the document's root element."""
    head = raw[:4096].lower()
    # Past the XML declaration, comments and doctype: the first element decides.
    first = re.search(rb"<(?![?!])", head)
    root = head[first.start() :] if first else b""
    if _OPML_ROOT.match(root):
        return "opml"
    if _FEED_ROOT.match(root):
        return "feed"
    return "page"


def url_list(raw: bytes, name: str) -> list[str] | None:
    """The URLs of a text file with one URL per line (# comments, blank lines), or None when the
    file is not such a list (then it is an article)."""
    if Path(name).suffix.lower() in {".html", ".htm", ".md"}:
        return None
    lines = [line.strip() for line in decode(raw, name=name).splitlines()]
    lines = [line for line in lines if line and not line.startswith("#")]
    if lines and all(_URL.match(line) for line in lines):
        return lines
    return None


def opml_feeds(raw: bytes, name: str) -> list[str]:
    """The feed URLs (xmlUrl) of an OPML subscription list, nested outlines included."""
    import xml.etree.ElementTree as ET

    try:
        root = ET.fromstring(raw)
    except ET.ParseError as exc:
        raise FetchError(f"{name}: not a well-formed OPML file ({exc})") from None
    feeds = [o.get("xmlUrl", "").strip() for o in root.iter("outline") if o.get("xmlUrl")]
    return [feed for feed in feeds if _URL.match(feed)]


def _feed_items(feed: str, origin: str, *, timeout: float, allow_private: bool, warn: Warn) -> Iterator[Item | Broken]:
    """A feed of an OPML list; one that cannot be read is a failure of its own, not of the list."""
    try:
        raw = fetch_url(feed, timeout=timeout, allow_private=allow_private)
        items = list(feed_items(raw, feed, warn=warn))
    except FactcheckError as exc:
        yield Broken(feed, f"{exc} (listed in {origin})")
        return
    yield from items


def feed_items(raw: bytes, feed: str, *, warn: Warn) -> Iterator[Item]:
    """The entries of an RSS or Atom feed. An entry without a usable link is skipped with a
    warning; the others are kept, even when the feed as a whole is not well-formed."""
    import feedparser

    parsed = feedparser.parse(raw, response_headers={"content-location": feed} if _URL.match(feed) else None)
    if parsed.bozo and not parsed.entries:
        raise FetchError(f"{feed}: not a readable feed ({parsed.get('bozo_exception', 'malformed')})")
    if parsed.bozo:
        warn(f"{feed}: the feed is not well-formed ({parsed.bozo_exception}); read {len(parsed.entries)} entries anyway")
    for number, entry in enumerate(parsed.entries, 1):
        link = (entry.get("link") or "").strip()
        if not _URL.match(link):
            what = f"link {link!r}" if link else "no link"
            warn(f"{feed}: entry {number} ({entry.get('title') or 'untitled'}) skipped: {what}, not an http(s) URL")
            continue
        # dict.get: feedparser's own get() warns when it maps updated_parsed to published_parsed.
        when = dict.get(entry, "published_parsed") or dict.get(entry, "updated_parsed")
        yield Item(
            link,
            feed,
            title=(entry.get("title") or "").strip() or None,
            published=dt.date(*when[:3]) if when else None,
        )


def load_item(item: Item, *, timeout: float, allow_private: bool) -> Article:
    """Read one item into an Article, through `load_article` as `factcheck summarize` reads it; a
    feed entry's title and date stand in for the page's when it has none."""
    raw = item.raw
    if _URL.match(item.locator):
        raw = raw if raw is not None else fetch_url(item.locator, timeout=timeout, allow_private=allow_private)
        if sniff(raw) != "page":
            raise InputNotFound(f"{item.locator} is a feed or an OPML list, not an article: name it as a source")
    return load_article(
        item.locator,
        raw=raw,
        default_title=item.title,
        default_published=item.published,
        timeout=timeout,
        allow_private=allow_private,
    )

"""The URL fetcher is no proxy into the local network (SSRF): private, loopback and link-local
hosts, other schemes and redirects to them are refused; the connection goes to the address checked."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from typer.testing import CliRunner

import factcheck.article as article_module
from factcheck.article import address_problem, fetch_url
from factcheck.cli import app
from factcheck.errors import FetchError, URLRefused

from .loopback import QuietHandler, serve

PAGE = b"<html><head><title>T</title></head><body><article><p>The council met on Tuesday. It voted.</p></article></body></html>"


@pytest.fixture
def server():
    """A loopback web server that records what it was asked: /page, /loop (redirects to itself),
    /to?url (redirects to url), anything else 404."""
    seen: list[tuple[str, str]] = []

    class Handler(QuietHandler):
        def do_GET(self):  # noqa: N802 - the stdlib's name
            seen.append((self.path, self.headers["Host"]))
            if self.path == "/page":
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", str(len(PAGE)))
                self.end_headers()
                self.wfile.write(PAGE)
            elif self.path in ("/loop",) or self.path.startswith("/to?"):
                self.send_response(302)
                self.send_header("Location", "/loop" if self.path == "/loop" else self.path.split("?", 1)[1])
                self.end_headers()
            else:
                self.send_response(404)
                self.end_headers()

    with serve(Handler) as port:
        yield port, seen


@pytest.fixture
def public_news_host(monkeypatch: pytest.MonkeyPatch):
    """news.example resolves to 127.0.0.1 once, which the check treats as public; any later lookup
    answers 10.0.0.1 (a DNS rebinding attack). Returns the lookups made."""
    lookups: list[str] = []
    real_lookup, real_problem = socket.getaddrinfo, article_module.address_problem

    def lookup(host, port, *args, **kwargs):
        if host != "news.example":
            return real_lookup(host, port, *args, **kwargs)
        lookups.append(host)
        return real_lookup("127.0.0.1" if len(lookups) == 1 else "10.0.0.1", port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", lookup)
    monkeypatch.setattr(article_module, "address_problem", lambda a: None if a == "127.0.0.1" else real_problem(a))
    return lookups


@pytest.mark.parametrize(
    ("address", "problem"),
    [
        ("127.0.0.1", "loopback"),
        ("::1", "loopback"),
        ("::ffff:127.0.0.1", "loopback"),
        ("10.1.2.3", "private"),
        ("172.16.0.1", "private"),
        ("192.168.1.1", "private"),
        ("169.254.169.254", "link-local"),  # cloud metadata
        ("fe80::1", "link-local"),
        ("fc00::1", "private"),
        ("224.0.0.1", "multicast"),
        ("0.0.0.0", "unspecified"),
        ("240.0.0.1", "reserved"),
        ("100.64.0.1", "not a public address"),  # carrier-grade NAT
        ("8.8.8.8", None),
        ("2001:4860:4860::8888", None),
    ],
)
def test_address_classes(address: str, problem: str | None) -> None:
    found = address_problem(address)
    assert found == problem if problem is None else problem in found


def test_loopback_is_refused_by_default_and_never_contacted(server) -> None:
    port, seen = server
    result = CliRunner().invoke(app, ["summarize", f"http://localhost:{port}/page"])
    assert result.exit_code == 16
    assert "localhost resolves to 127.0.0.1, a loopback address" in result.output
    assert "FACTCHECK_ALLOW_PRIVATE_URLS" in result.output
    assert seen == []


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/story.txt", "gopher://example.org/"])
def test_other_schemes_are_refused(url: str) -> None:
    result = CliRunner().invoke(app, ["summarize", url])
    assert result.exit_code == 16
    assert "only http and https URLs are fetched" in result.output
    assert result.output.count("\n") == 1


def test_a_host_with_one_private_address_among_public_ones_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    infos = [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (a, 80)) for a in ("93.184.216.34", "10.0.0.7")]
    monkeypatch.setattr(socket, "getaddrinfo", lambda *a, **k: infos)
    with pytest.raises(URLRefused, match=r"resolves to 10\.0\.0\.7, a private address"):
        fetch_url("http://mixed.example/story", timeout=2)


def test_the_connection_goes_to_the_address_checked(server, public_news_host) -> None:
    port, seen = server
    assert b"council met" in fetch_url(f"http://news.example:{port}/page", timeout=5)
    # One lookup (ours): httpx did not resolve the name again, so a second, rebound answer
    # (10.0.0.1) could not take the request elsewhere; the server still sees the name.
    assert public_news_host == ["news.example"]
    assert seen == [("/page", f"news.example:{port}")]


def test_a_redirect_into_the_local_network_is_refused(server, public_news_host) -> None:
    port, seen = server
    with pytest.raises(URLRefused, match=r"redirected to http://127\.0\.0\.2:\d+/secret\): 127\.0\.0\.2 is a loopback"):
        fetch_url(f"http://news.example:{port}/to?http://127.0.0.2:{port}/secret", timeout=5)
    assert [path for path, _ in seen] == [f"/to?http://127.0.0.2:{port}/secret"]


def test_a_redirect_to_another_scheme_is_refused(server, public_news_host) -> None:
    port, _ = server
    with pytest.raises(URLRefused, match=r"redirected to file:.*etc/passwd\).*only http and https"):
        fetch_url(f"http://news.example:{port}/to?file:///etc/passwd", timeout=5)


def test_redirect_loop_and_404_say_what_happened(server) -> None:
    port, seen = server
    with pytest.raises(FetchError, match="more than 5 redirects"):
        fetch_url(f"http://127.0.0.1:{port}/loop", timeout=5, allow_private=True)
    assert len(seen) == 6
    with pytest.raises(FetchError, match="HTTP 404 Not Found"):
        fetch_url(f"http://127.0.0.1:{port}/missing", timeout=5, allow_private=True)


def test_private_urls_allowed_by_the_config_file(server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    port, seen = server
    config = tmp_path / "config.toml"
    config.write_text("allow_private_urls = true\n")
    monkeypatch.setenv("FACTCHECK_CONFIG", str(config))
    result = CliRunner().invoke(app, ["dates", f"http://127.0.0.1:{port}/page", "--published", "2025-05-15"])
    assert result.exit_code == 0, result.output
    assert "Tuesday\tDATE\t2025-05-13" in result.output
    assert seen == [("/page", f"127.0.0.1:{port}")]

"""What every self-contained factcheck page shares: escaping, safe links, the Content-Security-Policy
and the palette (light and dark) with its fonts.

Used by the report page (`html.py`) and the digest (`digest.py`); each page adds its own style sheet
(and script, if any) on top, pinned by hash in its own policy.
"""

from __future__ import annotations

import base64
import hashlib
import re
from html import escape
from urllib.parse import urlsplit


def escape_html(value: object) -> str:
    """Escape text for element content and double-quoted attributes alike."""
    return escape(str(value), quote=True)


def safe_url(url: str | None) -> str | None:
    """The URL when it is an absolute http(s) link with nothing hidden in it, else None (shown as text)."""
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() in ("http", "https") and parts.netloc and not re.search(r"[\s\x00-\x1f\x7f]", url):
        return url
    return None


def csp_hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii") + "'"


def content_security_policy(*, style: str, script: str | None = None) -> str:
    """Nothing may load from anywhere: no network, no frames, no plugins, no forms; only the page's
    own style sheet (and script, if it has one) apply, pinned by hash, so injected ones are inert."""
    return (
        "default-src 'none'; "
        f"script-src {csp_hash(script) if script else chr(39) + 'none' + chr(39)}; "
        f"style-src {csp_hash(style)}; "
        "img-src 'none'; font-src 'none'; connect-src 'none'; media-src 'none'; object-src 'none'; "
        "frame-src 'none'; worker-src 'none'; manifest-src 'none'; base-uri 'none'; form-action 'none'"
    )


# The palette and fonts, light and dark: the first rules of every page's style sheet.
def article_meta(article) -> list[str]:
    """An article's source, publication date and link (http(s) only, else shown as text), as <span>s."""
    meta = []
    if article.source:
        meta.append(f"<span>{escape_html(article.source)}</span>")
    published = article.published
    meta.append(f"<span>published {escape_html(published.isoformat())}</span>" if published else "<span>no publication date</span>")
    if article.url:
        safe = safe_url(article.url)
        meta.append(
            f'<span><a href="{escape_html(safe)}" rel="noopener noreferrer" target="_blank">{escape_html(safe)}</a></span>'
            if safe
            else f"<span>{escape_html(article.url)}</span>"
        )
    return meta


def page_head(*, title: str, csp: str, css: str, generator: str | None = None) -> list[str]:
    """The start of every factcheck page, to the end of <head>: its CSP, no referrer, light and dark."""
    return [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{escape_html(csp)}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="referrer" content="no-referrer">',
        '<meta name="color-scheme" content="light dark">',
        *([f'<meta name="generator" content="{escape_html(generator)}">'] if generator else []),
        f"<title>{escape_html(title)}</title>",
        f"<style>{css}</style>",
        "</head>",
    ]


PALETTE_CSS = """
:root {
  --ink: #1d2228; --muted: #5f6b77; --faint: #8a96a3; --rule: #e3e7ec; --paper: #ffffff;
  --panel: #f6f7f9; --accent: #1f5fbf; --accent-soft: #e6efff; --hl: #fff1a8; --hl-ink: #8a6d00;
  --sel: #ffe066; --warn: #8a4b00; --warn-bg: #fff5e6; --warn-rule: #f0c27a; --ok: #1f7a45;
  --serif: "Iowan Old Style", "Palatino Linotype", Palatino, Georgia, "DejaVu Serif", serif;
  --sans: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "DejaVu Sans", sans-serif;
  --mono: ui-monospace, "SF Mono", Menlo, Consolas, "DejaVu Sans Mono", monospace;
}
@media (prefers-color-scheme: dark) {
  :root {
    --ink: #e4e8ec; --muted: #a3adb8; --faint: #7d8894; --rule: #2f353c; --paper: #16191d;
    --panel: #1e2227; --accent: #7fb0ff; --accent-soft: #1f2c42; --hl: #4a4013; --hl-ink: #f3d36b;
    --sel: #6b5a12; --warn: #f3b86b; --warn-bg: #2c2214; --warn-rule: #6b4c1c; --ok: #6fd39a;
  }
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--paper); color: var(--ink); font: 15px/1.5 var(--sans); }
a { color: var(--accent); }
""".strip()

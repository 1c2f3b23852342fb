"""Keep API keys out of what factcheck prints: error messages and FACTCHECK_DEBUG tracebacks.

A server may echo the key it refused in its error body ("Incorrect API key provided: sk-..."), and
the openai client puts that body in its exception's message, so every line for the user goes
through `redact`: the configured key by value (whatever its shape), and anything key-shaped.
"""

from __future__ import annotations

import re

_known: set[str] = set()
# OpenAI-style keys (sk-..., sk-proj-...) and bearer tokens, whoever's they are.
_KEY_LIKE = re.compile(r"\bsk-[A-Za-z0-9_-]{8,}|(?<=Bearer )[A-Za-z0-9_.~+/=-]{8,}", re.IGNORECASE)
MASK = "[redacted]"


def remember(secret: str | None) -> None:
    """A secret the user configured: redacted from every message by value."""
    if secret and len(secret) >= 4:
        _known.add(secret)


def redact(text: str) -> str:
    for secret in sorted(_known, key=len, reverse=True):
        text = text.replace(secret, MASK)
    return _KEY_LIKE.sub(MASK, text)

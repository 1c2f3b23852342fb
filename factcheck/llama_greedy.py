"""Greedy decoding under a JSON-schema grammar, without filtering the whole vocabulary per token.

llama-cpp-python samples every token through a chain that runs the grammar over all 49,152 tokens of
SmolLM2's vocabulary before the greedy pick: about 9 ms a token here, as much as generating it. At
temperature 0 the answer is the likeliest token the grammar accepts, so this sampler asks the grammar
about the likeliest token first (llama.cpp's own common sampler does the same), then, when it is
refused, about the few hundred likeliest, and about the whole vocabulary only when none of those
will do. The grammar judges each token on its own, so the token chosen is the one the full chain
would choose, ties included (the lowest id among equal logits); tests/test_llm.py compares the two.

Imported only once llama.cpp is loaded (factcheck/llm.py: OpenMP must be configured before).
"""

from __future__ import annotations

import ctypes
from typing import Any

import llama_cpp
import numpy as np
from llama_cpp import Llama

_SHORTLIST = 256  # tokens tried when the likeliest is refused: the grammar's choice is nearly always among them


class GreedyGrammarSampler:
    """Stands in for llama-cpp-python's sampler chain (grammar, then greedy) in `Llama.generate`."""

    def __init__(self, llama: Llama, grammar: Any) -> None:
        self.n_vocab = llama.n_vocab()
        self.grammar = llama_cpp.llama_sampler_init_grammar(
            llama._model.vocab, grammar._grammar.encode("utf-8"), grammar._root.encode("utf-8")
        )
        if not self.grammar:
            raise ValueError("llama.cpp rejected the grammar")
        self._data = (llama_cpp.llama_token_data * self.n_vocab)()
        self._view = np.ctypeslib.as_array(self._data)  # fields id, logit, p over the same memory
        self._all_ids = np.arange(self.n_vocab, dtype=np.int32)

    def sample(self, ctx: Any, idx: int) -> int:
        logits = np.ctypeslib.as_array(llama_cpp.llama_get_logits_ith(ctx.ctx, idx), shape=(self.n_vocab,))
        best = int(logits.argmax())  # the first of equal maxima, as llama.cpp's greedy sampler
        if not self._allowed(np.array([best], dtype=np.int32), logits).size:
            best = self._shortlisted(logits)
        llama_cpp.llama_sampler_accept(self.grammar, best)
        return best

    def _shortlisted(self, logits: np.ndarray) -> int:
        top = np.argpartition(logits, -_SHORTLIST)[-_SHORTLIST:].astype(np.int32)
        top = top[np.lexsort((top, -logits[top]))]  # likeliest first, lower id first among equals
        allowed = self._allowed(top, logits)
        # Safe when it beats every token left out (each at most the shortlist's last logit).
        if allowed.size and logits[allowed[0]] > logits[top[-1]]:
            return int(allowed[0])
        allowed = self._allowed(self._all_ids, logits)
        if not allowed.size:
            raise ValueError("the grammar allows no token")
        return int(allowed[logits[allowed].argmax()])

    def _allowed(self, ids: np.ndarray, logits: np.ndarray) -> np.ndarray:
        """`ids` (in their order) that the grammar accepts next."""
        n = ids.size
        view = self._view[:n]
        view["id"] = ids
        view["logit"] = logits[ids]
        view["p"] = 0.0
        array = llama_cpp.llama_token_data_array(self._data, n, -1, False)
        llama_cpp.llama_sampler_apply(self.grammar, ctypes.byref(array))
        return ids[np.isfinite(view["logit"])]

    def __del__(self) -> None:
        if getattr(self, "grammar", None):
            llama_cpp.llama_sampler_free(self.grammar)
            self.grammar = None


class GreedyGrammarLlama(Llama):
    """`Llama` whose grammar-constrained greedy requests use `GreedyGrammarSampler`; anything else
    (a temperature, penalties, logits processors) keeps llama-cpp-python's own chain."""

    def _init_sampler(self, **options: Any) -> Any:
        plain = (
            options.get("temp") == 0.0
            and options.get("logits_processor") is None
            and options.get("mirostat_mode", 0) == 0
            and options.get("repeat_penalty", 1.0) == 1.0
            and options.get("frequency_penalty", 0.0) == 0.0
            and options.get("presence_penalty", 0.0) == 0.0
        )
        if plain and options.get("grammar") is not None:
            return GreedyGrammarSampler(self, options["grammar"])
        return super()._init_sampler(**options)

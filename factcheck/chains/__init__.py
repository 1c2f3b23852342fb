"""The three chains, one module each, behind the `Chain` protocol (factcheck/chains/base.py):
``summary``, ``claims`` and ``timeline``. `CHAIN_TYPES` builds each by its part's name."""

from __future__ import annotations

from collections.abc import Callable

from ..article import Article
from ..settings import Settings
from .base import Chain, ChainRun, Step
from .claims import ClaimsChain
from .summary import SummaryChain
from .timeline import TimelineChain

CHAIN_TYPES: dict[str, Callable[[Article, Settings], Chain]] = {c.name: c for c in (SummaryChain, ClaimsChain, TimelineChain)}

__all__ = ["CHAIN_TYPES", "Chain", "ChainRun", "ClaimsChain", "Step", "SummaryChain", "TimelineChain"]

"""Batch runs: every article behind some sources, one JSON report each, incremental and resumable.

One backend is built per batch and shared (the bundled model loads once). Articles run N at once
on worker threads driven by asyncio; each article's steps run one after the other, so at most N
requests are in flight. The bundled model takes one article at a time, whatever N is. The state
database (factcheck.state) decides, atomically across runs, who does which article, and remembers
what was done with which model and prompts, so nothing done is paid for twice.
"""

from __future__ import annotations

import asyncio
import dataclasses
import hashlib
import json
import os
import re
import threading
import time
import unicodedata
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, Protocol
from urllib.parse import urlsplit, urlunsplit

from typing import TYPE_CHECKING

from . import __version__
from .article import Article
from .errors import AuthenticationFailed, ConfigError, FactcheckError, OutputError, RateLimited, StateUnavailable
from .files import check_writable_dir, write_atomic
from .models import PARTS
from .settings import Settings
from .sources import Broken, Item, expand, load_item
from .state import Claim, State, state_location

if TYPE_CHECKING:  # the model's libraries load only when an article needs the model
    from .llm import Backend

# Settings that change how a report is obtained but not what it says: left out of the fingerprint.
_NOT_IN_FINGERPRINT = {
    "api_key", "base_url", "timeout", "fetch_timeout", "max_retries", "concurrency", "threads", "prompts_dir", "allow_private_urls",
    "state_lease",
}
# A 429 that outlasted the client's own retries pauses every worker this long (or Retry-After).
DEFAULT_RATE_PAUSE = 30.0
MAX_RATE_PAUSE = 600.0


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one article."""

    source: str
    status: Literal["done", "skipped", "failed", "busy"]
    title: str | None = None
    error: str | None = None
    report: Path | None = None
    tokens: int = 0
    calls: int = 0
    seconds: float = 0.0
    retry_after: float | None = None  # set when the model server rate-limited this article
    warning: str | None = None  # told on the progress: something the user should know, the article done


@dataclass
class BatchResult:
    done: int = 0
    skipped: int = 0  # already done with the same text, model and prompts
    failed: int = 0
    busy: int = 0  # being done by another run on the same state at the same time
    failures: list[tuple[str, str]] = field(default_factory=list)  # (source, one-line error)
    tokens: int = 0  # spent by this run (prompt and completion)
    calls: int = 0  # model calls made by this run
    seconds: float = 0.0

    @property
    def total(self) -> int:
        return self.done + self.skipped + self.failed + self.busy

    def add(self, outcome: Outcome) -> None:
        setattr(self, outcome.status, getattr(self, outcome.status) + 1)
        self.tokens += outcome.tokens
        self.calls += outcome.calls
        if outcome.status == "failed":
            self.failures.append((outcome.source, outcome.error or "failed"))


class Progress(Protocol):
    """What a batch tells as it goes (factcheck.progress has a rich bar, plain lines and silence)."""

    def start(self, total: int) -> None: ...

    def warn(self, message: str) -> None: ...

    def advance(self, outcome: Outcome) -> None: ...

    def finish(self, result: BatchResult) -> None: ...


class Silent:
    def start(self, total: int) -> None:
        pass

    def warn(self, message: str) -> None:
        pass

    def advance(self, outcome: Outcome) -> None:
        pass

    def finish(self, result: BatchResult) -> None:
        pass


def run_batch(
    sources: Sequence[str],
    *,
    out_dir: Path,
    settings: Settings,
    state_path: Path | str | None = None,
    concurrency: int | None = None,
    progress: Progress | None = None,
    backend: Backend | None = None,
) -> BatchResult:
    """Analyse every article behind `sources`, writing one JSON report each into `out_dir`.

    Articles already done with the same text, model and prompts are skipped; a failure is recorded
    and the batch goes on. Errors that no article could escape (a rejected API key, an invalid
    configuration) stop the batch and are raised.
    """
    progress = progress or Silent()
    started = time.monotonic()
    try:  # an output folder that cannot take a report fails now, not after every article's model work
        check_writable_dir(out_dir)
    except OSError as exc:
        raise OutputError.of(exc, "cannot write reports into") from None
    allow_private = settings.allow_private_urls
    # The state next, before a feed is fetched: a --state that cannot be used fails at once (StateUnavailable).
    with State(state_location(state_path), lease=settings.state_lease) as state:
        items = list(expand(sources, timeout=settings.fetch_timeout, allow_private=allow_private, warn=progress.warn))
        local = (backend.provider if backend else settings.resolved_provider) == "local"
        workers = 1 if local else max(1, concurrency or settings.concurrency)
        job = _Job(out_dir=out_dir, settings=settings, allow_private=allow_private, given=backend, state=state)
        result = BatchResult()
        progress.start(len(items))
        state.release_dead_claims()
        asyncio.run(_run_all(job, items, min(workers, max(1, len(items))), result, progress))
    result.seconds = round(time.monotonic() - started, 3)
    progress.finish(result)
    return result


@dataclass
class _Job:
    out_dir: Path
    settings: Settings
    allow_private: bool
    given: Backend | None = None  # a backend made by the caller (tests), else built from the settings
    state: State | None = None
    fingerprint: str = ""
    _backend: Backend | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self.fingerprint = fingerprint(self.settings, self.given)

    def backend(self) -> Backend:
        """Built once, when the first article needs the model: a run that only skips loads nothing."""
        with self._lock:
            if self._backend is None:
                from .llm import build_backend

                built = self.given or build_backend(self.settings)
                # Steps of one article one after the other: N articles at once, N requests in flight.
                self._backend = dataclasses.replace(built, concurrency=1)
            return self._backend


async def _run_all(job: _Job, items: list[Item | Broken], workers: int, result: BatchResult, progress: Progress) -> None:
    """N workers take the items in turn; a rate-limited article pauses them all, then is tried once more;
    so is an article whose state failed under it (StateUnavailable), at once."""
    loop = asyncio.get_running_loop()
    queue = iter(items)
    resume_at = 0.0  # monotonic time before which no worker starts an article
    fatal: list[FactcheckError] = []

    async def worker() -> None:
        nonlocal resume_at
        for item in queue:  # one iterator shared by the workers: each item is taken once
            if fatal:
                return
            for attempt in (1, 2):
                while (wait := resume_at - time.monotonic()) > 0:
                    await asyncio.sleep(wait)
                try:
                    outcome = await loop.run_in_executor(pool, _process, job, item)
                except (AuthenticationFailed, ConfigError) as exc:  # no article can escape these: stop
                    fatal.append(exc)
                    return
                except StateUnavailable as exc:  # the state failed under the article, not the article: once more
                    if attempt == 2:
                        fatal.append(exc)
                        return
                    progress.warn(f"{item.source if isinstance(item, Broken) else item.locator}: {exc}; the article is tried again")
                    continue
                if outcome.retry_after is None or attempt == 2:
                    break
                resume_at = max(resume_at, time.monotonic() + outcome.retry_after)
                progress.warn(f"{outcome.source}: rate limited; every worker pauses {outcome.retry_after:.0f} s, then retries it")
            if outcome.warning:
                progress.warn(outcome.warning)
            result.add(outcome)
            progress.advance(outcome)

    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="factcheck-batch") as pool:
        await asyncio.gather(*(worker() for _ in range(workers)))
    if fatal:
        raise fatal[0]


def _process(job: _Job, item: Item | Broken) -> Outcome:
    """One article, from reading it to its report and its row in the state. Runs on a worker thread.

    A StateUnavailable (a PostgreSQL connection dropped inside a transaction, rolled back by the server)
    gives the article's claim back and is raised: the worker tries the article again."""
    claimed: list[str] = []
    try:
        return _process_claimed(job, item, claimed)
    except StateUnavailable:
        for key in claimed:
            try:
                job.state.give_back(key)  # the next statement reconnects
            except StateUnavailable:
                pass  # still ours: closing the state gives it back, or its lease runs out
        raise


def _process_claimed(job: _Job, item: Item | Broken, claimed: list[str]) -> Outcome:
    state = job.state
    assert state is not None
    started = time.monotonic()
    if isinstance(item, Broken):
        state.failed(item.source, source=item.source, error=item.error)
        return Outcome(item.source, "failed", error=item.error)
    try:
        article = load_item(item, timeout=job.settings.fetch_timeout, allow_private=job.allow_private)
    except FactcheckError as exc:
        state.failed(item_key(item), source=item.locator, error=str(exc))
        return Outcome(item.locator, "failed", error=str(exc))
    key = article_key(article)
    decision, before = state.claim(
        key, source=item.locator, title=article.title, text_sha256=article.sha256, fingerprint=job.fingerprint
    )
    if decision is Claim.BUSY:
        return Outcome(item.locator, "busy", title=article.title)
    if decision is Claim.CLAIMED:
        claimed.append(key)
    name = Path(before.report_path).name if before and before.report_path else report_name(article, key, item.locator)
    target = (job.out_dir / name).resolve()
    if decision is Claim.DONE:
        if before.report_path != str(target):  # done before into another folder: copy it, no model call
            try:
                write_atomic(target, Path(before.report_path).read_text(encoding="utf-8"))
            except OSError as exc:  # this article fails (its row stays done, the copy is tried next run); the batch goes on
                return Outcome(item.locator, "failed", title=article.title, error=str(OutputError.of(exc, "cannot copy the report to")))
            state.moved(key, target)
        return Outcome(item.locator, "skipped", title=article.title, report=target)

    from .pipeline import Pipeline
    from .render import to_json

    try:
        report = Pipeline(job.backend(), job.settings).run(article, PARTS)
        write_atomic(target, to_json(report))  # the report first, then the row: a kill in between only redoes it
    except (AuthenticationFailed, ConfigError) as exc:
        state.failed(key, source=item.locator, error=str(exc), duration=time.monotonic() - started)
        raise
    except (FactcheckError, OSError) as exc:
        if isinstance(exc, OSError):  # the report could not be written (a full disk): this article fails
            exc = OutputError.of(exc)
        seconds = time.monotonic() - started
        state.failed(key, source=item.locator, error=str(exc), duration=seconds)
        pause = _retry_after(exc) if isinstance(exc, RateLimited) else None
        return Outcome(item.locator, "failed", title=article.title, error=str(exc), seconds=seconds, retry_after=pause)
    except Exception as exc:  # a bug must not cost the rest of the batch; FACTCHECK_DEBUG shows it
        if os.environ.get("FACTCHECK_DEBUG", "") not in ("", "0"):
            raise
        error = f"internal error: {exc.__class__.__name__}: {exc}".splitlines()[0]
        state.failed(key, source=item.locator, error=error, duration=time.monotonic() - started)
        return Outcome(item.locator, "failed", title=article.title, error=error)
    seconds = time.monotonic() - started
    total = report.provenance.total
    recorded = state.done(
        key,
        report_path=target,
        prompt_tokens=total.prompt_tokens,
        completion_tokens=total.completion_tokens,
        calls=total.calls,
        duration=seconds,
    )
    return Outcome(
        item.locator, "done", title=article.title, report=target, tokens=total.total_tokens, calls=total.calls, seconds=seconds,
        warning=None if recorded else lost_claim(item.locator, state.lease),
    )


def lost_claim(what: str, lease: float) -> str:
    """The warning when a run's `done` found its claim taken: its heartbeat did not renew it in time."""
    return (
        f"{what}: the report is written but not recorded in the state: this run's claim lapsed (not renewed within "
        f"the {lease:g} s lease: a stalled process or a slow state) and the article went to another run, or back to the queue"
    )


def _retry_after(exc: RateLimited) -> float:
    """The server's Retry-After (seconds), from the openai error behind ours; a default without one."""
    response = getattr(exc.__cause__, "response", None)
    value = response.headers.get("retry-after") if response is not None else None
    try:
        seconds = float(value) if value is not None else DEFAULT_RATE_PAUSE
    except ValueError:
        seconds = DEFAULT_RATE_PAUSE
    return min(max(seconds, 1.0), MAX_RATE_PAUSE)


# --- identity: keys, fingerprints, file names ------------------------------------------------------


def article_key(article: Article) -> str:
    """The canonical URL when the article has one (feed link, the page's canonical link, front
    matter `url`), else the hash of its text."""
    if article.url:
        return canonical_url(article.url)
    return f"sha256:{article.sha256}"


def item_key(item: Item) -> str:
    """The key of an item that could not be read (its URL, or its path)."""
    return canonical_url(item.locator) if re.match(r"(?i)https?://", item.locator) else str(Path(item.locator).resolve())


def canonical_url(url: str) -> str:
    """Scheme and host in lower case, no fragment: the same page however it was linked."""
    parts = urlsplit(url.strip())
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", parts.query, ""))


def fingerprint(settings: Settings, backend: Backend | None = None) -> str:
    """What a report depends on besides the text: factcheck's version, the provider and model
    (a default model is the version's default), every prompt's content and the settings that shape
    the report. Computed from the settings, so that deciding to skip loads no model."""
    from .prompts import builtin_dir, load_prompt

    names = sorted(p.stem for p in builtin_dir().glob("*.md"))
    data = {
        "factcheck": __version__,
        "provider": backend.provider if backend else settings.resolved_provider,
        "model": backend.model if backend else settings.model,
        "structured_output": backend.structured_output if backend else settings.resolved_structured_output,
        "prompts": {name: load_prompt(name, settings.prompts_dir).sha256 for name in names},
        "settings": settings.model_dump(mode="json", exclude=_NOT_IN_FINGERPRINT),
    }
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()


def report_name(article: Article, key: str, locator: str) -> str:
    """`<slug>-<key hash>.json`: readable, and stable for the article's key."""
    base = article.title or Path(urlsplit(locator).path).stem or "article"
    ascii_text = unicodedata.normalize("NFKD", base).encode("ascii", "ignore").decode().lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")[:60].rstrip("-") or "article"
    return f"{slug}-{hashlib.sha256(key.encode()).hexdigest()[:12]}.json"

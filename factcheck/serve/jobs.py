"""The jobs of `factcheck serve`: a table in the batch state database, and the workers that do them.

A job is one submitted article. It lives in the same SQLite file (WAL) as the batch's `articles`
table, whose rows stay the one cache of done articles: a job whose article is done with the same
text, model and prompts (factcheck.batch's key and fingerprint) finishes with no model call, and
`batch`, `schedule` and `serve` on one state never do an article twice (State.claim decides).

A job is written before its submission is answered and claimed inside one write transaction; a
report is written before its row says `done`. So after a restart, even a kill -9, the jobs that
were pending or running are done, and nothing finished is lost.

The workers run in a process of their own (WorkerProcess), beside the server's: as threads of the
server process, their parsing and checks held the GIL that the event loop needs after every socket
write and database read, and the state's lock while they waited for it (measured: the loop woke
17-47 ms late at p95 under benchmarks/serve_load.py, where another process on the same machine woke
1-3 ms late). The jobs and their progress go through the state; the rest (wake-ups, the parts asked
for alone, callbacks, the stop) through one pipe.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import hashlib
import itertools
import json
import logging
import os
import signal
import sys
import threading
import time
import uuid
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..article import Article, guard_request, load_article
from ..batch import article_key, fingerprint, lost_claim, report_name
from ..errors import FactcheckError, StateUnavailable
from ..files import write_atomic
from ..models import PARTS
from ..settings import Settings
from ..postgres import is_postgres_url
from ..state import LEASE_SECONDS, Claim, SQLite, State

log = logging.getLogger("factcheck.serve")

POLL_SECONDS = 1.0  # how often an idle worker looks for jobs submitted by another process
# A worker process that dies alone (killed, out of memory, a crash in native code) is started again, up to
# this many times within the window; past that something is wrong with every start, and the server says so.
MAX_RESTARTS = 5
RESTART_WINDOW_SECONDS = 600.0
BUSY_RETRY_SECONDS = 1.0  # a job whose article another run is doing looks again after this
CALLBACK_ATTEMPTS = 5
CALLBACK_FIRST_WAIT = 1.0  # then doubled after every failed attempt

_JOBS_SCHEMA = """
CREATE TABLE IF NOT EXISTS jobs (
    id TEXT PRIMARY KEY,
    request TEXT NOT NULL,              -- JSON: url | text | html, title, published, source
    callback_url TEXT,
    key TEXT,                           -- the article's key in `articles`, once read
    text_sha256 TEXT,
    title TEXT,
    status TEXT NOT NULL CHECK (status IN ('pending', 'running', 'done', 'failed')),
    error_code TEXT,
    error TEXT,
    phase TEXT,                         -- what a running job is doing: reading, waiting, analysing
    steps_done INTEGER NOT NULL DEFAULT 0,
    steps_total INTEGER NOT NULL DEFAULT 0,
    report_path TEXT,
    owner TEXT,
    claimed_at REAL,
    not_before REAL NOT NULL DEFAULT 0,
    callback_status TEXT,
    created_at REAL NOT NULL,
    updated_at REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS jobs_pending ON jobs (status, not_before, created_at);
CREATE INDEX IF NOT EXISTS jobs_key ON jobs (key, text_sha256);
"""

_JOB_COLUMNS = (
    "id, request, callback_url, key, text_sha256, title, status, error_code, error, phase, steps_done, steps_total, "
    "report_path, owner, claimed_at, callback_status, created_at, updated_at"
)


@dataclass(frozen=True, slots=True)
class Job:
    id: str
    request: str
    callback_url: str | None
    key: str | None
    text_sha256: str | None
    title: str | None
    status: str
    error_code: str | None
    error: str | None
    phase: str | None
    steps_done: int
    steps_total: int
    report_path: str | None
    owner: str | None
    claimed_at: float | None
    callback_status: str | None
    created_at: float
    updated_at: float

    @property
    def submitted(self) -> dict[str, Any]:
        return json.loads(self.request)

    def links(self) -> dict[str, str]:
        base = f"/v1/reports/{self.id}"
        return {"self": base, "html": f"{base}.html", "markdown": f"{base}.md", "events": f"{base}/events"}


class JobState(State):
    """The batch state with the jobs table beside its articles (one connection, one lock). Jobs are claims
    like articles: leased, renewed by the heartbeat, given back by release_mine and release_dead_claims.
    On SQLite a second connection answers `job`, the status polls."""

    _CLAIMS = {**State._CLAIMS, "jobs": ("id", ", phase=NULL")}
    _SCHEMAS = (*State._SCHEMAS, _JOBS_SCHEMA)
    _PROBES = (*State._PROBES, f"SELECT {_JOB_COLUMNS} FROM jobs LIMIT 0")
    _polls: SQLite | None = None  # None (PostgreSQL): the polls share the connection

    def __init__(self, location: Path | str, *, lease: float = LEASE_SECONDS) -> None:
        super().__init__(location, lease=lease)
        if not is_postgres_url(location):
            # In WAL mode a reader never waits for a writer: a poll answered on the event loop does not wait
            # behind this process's write transaction, itself waiting for the worker process's (measured:
            # up to 23 ms on the shared connection under benchmarks/serve_load.py).
            try:
                self._polls = SQLite(Path(location))
            except BaseException:
                self.close()
                raise
            self._polls_lock = threading.Lock()

    def close(self) -> None:
        """Idempotent: the application closes it at shutdown, `run` again if the server never started."""
        try:
            super().close()
        finally:
            if self._polls is not None:
                self._polls.close()
                self._polls = None

    def submit(
        self,
        request: dict[str, Any],
        *,
        callback_url: str | None,
        key: str | None = None,
        text_sha256: str | None = None,
        title: str | None = None,
        done_report: str | None = None,
    ) -> Job:
        """A new job, pending; or done already when `done_report` (the cached report) is given."""
        now = time.time()
        job_id = uuid.uuid4().hex
        status = "done" if done_report else "pending"
        with self._lock, self._transaction():
            self._db.execute(
                """INSERT INTO jobs (id, request, callback_url, key, text_sha256, title, status, report_path, created_at, updated_at)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                (job_id, json.dumps(request), callback_url, key, text_sha256, title, status, done_report, now, now),
            )
            return self._job(job_id)

    def same_article(self, key: str, text_sha256: str) -> Job | None:
        """The newest job, pending, running or done, for the same article text (a failed one is retried)."""
        with self._lock:
            values = self._db.execute(
                f"""SELECT {_JOB_COLUMNS} FROM jobs WHERE key=? AND text_sha256=? AND status != 'failed'
                    ORDER BY created_at DESC LIMIT 1""",
                (key, text_sha256),
            ).fetchone()
        return Job(*values) if values else None

    def claim_job(self) -> Job | None:
        """The oldest pending job, now running for this process; None when there is none."""
        now = time.time()
        with self._lock, self._transaction():
            found = self._db.execute(
                "SELECT id FROM jobs WHERE status='pending' AND not_before<=? ORDER BY created_at LIMIT 1", (now,)
            ).fetchone()
            if found is None:
                return None
            self._db.execute(
                "UPDATE jobs SET status='running', owner=?, claimed_at=?, phase='reading', updated_at=? WHERE id=?",
                (self.owner, now, now, found[0]),
            )
            return self._job(found[0])

    def give_back_job(self, job_id: str, *, not_before: float = 0.0) -> None:
        """This run's job, and its article's claim, pending again: done again from the start, here or elsewhere."""
        now = time.time()
        with self._lock, self._transaction():
            self._db.execute(
                """UPDATE articles SET status='pending', owner=NULL, updated_at=?
                   WHERE status='running' AND owner=? AND key=(SELECT key FROM jobs WHERE id=?)""",
                (now, self.owner, job_id),
            )
            self._db.execute(
                """UPDATE jobs SET status='pending', owner=NULL, phase=NULL, not_before=?, updated_at=?
                   WHERE id=? AND status='running' AND owner=?""",
                (not_before, now, job_id, self.owner),
            )

    def update_job(self, job_id: str, **values: Any) -> None:
        columns = ", ".join(f"{name}=?" for name in values)
        with self._lock, self._transaction():
            self._db.execute(f"UPDATE jobs SET {columns}, updated_at=? WHERE id=?", (*values.values(), time.time(), job_id))

    def job(self, job_id: str) -> Job | None:
        if self._polls is None:
            with self._lock:
                return self._job(job_id)
        with self._polls_lock:
            values = self._polls.execute(f"SELECT {_JOB_COLUMNS} FROM jobs WHERE id=?", (job_id,)).fetchone()
        return Job(*values) if values else None

    def jobs(self, *, since: float | None = None, query: str | None = None, limit: int = 100) -> list[Job]:
        """The newest jobs first; `query` matches titles (case-insensitive)."""
        where, args = ["1=1"], []
        if since is not None:
            where.append("created_at >= ?")
            args.append(since)
        if query:
            where.append("title LIKE ? ESCAPE '\\'")
            args.append("%" + query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
        with self._lock:
            cursor = self._db.execute(
                f"SELECT {_JOB_COLUMNS} FROM jobs WHERE {' AND '.join(where)} ORDER BY created_at DESC LIMIT ?", (*args, limit)
            )
            return [Job(*values) for values in cursor.fetchall()]

    def _job(self, job_id: str) -> Job | None:
        values = self._db.execute(f"SELECT {_JOB_COLUMNS} FROM jobs WHERE id=?", (job_id,)).fetchone()
        return Job(*values) if values else None


# --- reading a submission --------------------------------------------------------------------------


def read_submission(request: dict[str, Any], settings: Settings) -> Article:
    """The article of a submission, read the way the CLI reads a URL or standard input."""
    published = dt.date.fromisoformat(request["published"]) if request.get("published") else None
    timeout, private = settings.fetch_timeout, settings.allow_private_urls
    if request.get("url"):
        article = load_article(request["url"], published=published, timeout=timeout, allow_private=private)
    else:
        raw = (request.get("html") or request.get("text") or "").encode("utf-8")
        what = "the submitted " + ("HTML" if request.get("html") else "text")
        article = load_article("-", stdin=raw, published=published, timeout=timeout, allow_private=private, name=what)
    if request.get("title"):
        article.title = request["title"]
    if request.get("source"):
        article.source = request["source"]
    return article


def error_code(exc: FactcheckError) -> str:
    """URLRefused -> url_refused: the error's class, as the API names it."""
    import re

    return re.sub(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", "_", type(exc).__name__).lower()


def submission_fingerprint(base: str, submitted: dict[str, Any]) -> str:
    """The batch's fingerprint, unless the submission sets the title, date or outlet: they change the
    report (a date moves every relative date) but not the text's hash, so they join the fingerprint."""
    fields = {name: submitted[name] for name in ("title", "published", "source") if submitted.get(name)}
    if not fields:
        return base
    return hashlib.sha256(json.dumps([base, fields], sort_keys=True).encode()).hexdigest()


def open_state(path: Path | str, *, lease: float) -> JobState:
    """The job state: a SQLite file, or a postgresql:// URL."""
    if is_postgres_url(path):
        from .postgres import PostgresJobState

        return PostgresJobState(path, lease=lease)
    return JobState(path, lease=lease)


# --- the workers -----------------------------------------------------------------------------------


class Workers:
    """A bounded pool of threads doing the pending jobs of the state, oldest first (in the worker process).

    The backend is built once and shared; each article's steps run one after the other (as in a
    batch), so N workers keep at most N requests in flight. The bundled model does one at a time.
    """

    def __init__(self, state: JobState, *, settings: Settings, reports_dir: Path, workers: int, backend) -> None:
        self.state = state
        self.settings = settings
        self.reports_dir = reports_dir
        self.backend = dataclasses.replace(backend, concurrency=1)
        self.size = 1 if backend.provider == "local" else max(1, workers)
        self.fingerprint = fingerprint(settings)
        # Held while the model works on a report or a part: the pool's bound, shared with /v1/claims.
        self.slots = threading.BoundedSemaphore(self.size)
        self._wake = threading.Condition()
        self._stopping = threading.Event()
        self._threads: list[threading.Thread] = []
        self._callbacks: list[threading.Thread] = []
        self.announce = lambda job_id: None  # told of every change to a job's row (the worker process: to the server)

    def fingerprint_for(self, submitted: dict[str, Any]) -> str:
        return submission_fingerprint(self.fingerprint, submitted)

    def start(self) -> None:
        self.state.release_dead_claims()  # then the state's heartbeat does it again every third of a lease
        for n in range(self.size):
            thread = threading.Thread(target=self._loop, name=f"factcheck-serve-{n}", daemon=True)
            thread.start()
            self._threads.append(thread)

    def notify(self) -> None:
        with self._wake:
            self._wake.notify()

    def stop(self, timeout: float) -> bool:
        """Take no new job; wait up to `timeout` s for those in progress. True when every worker ended."""
        self._stopping.set()
        with self._wake:
            self._wake.notify_all()
        deadline = time.monotonic() + timeout
        for thread in self._threads + self._callbacks:
            thread.join(max(0.0, deadline - time.monotonic()))
        return not any(t.is_alive() for t in self._threads)

    def _loop(self) -> None:
        while not self._stopping.is_set():
            try:
                job = self.state.claim_job()
                if job is None:
                    with self._wake:
                        self._wake.wait(POLL_SECONDS)
                    continue
                self.announce(job.id)
                try:
                    self._do(job)
                except StateUnavailable as exc:  # the state failed, not the article: the job is done again
                    log.warning("job %s: %s; it goes back to the queue", job.id, exc)
                    self._give_back(job)
                except Exception as exc:  # a bug: the job fails with what it was, the worker goes on
                    if self._stopping.is_set():
                        return
                    log.exception("job %s", job.id)
                    self._finish(job, "failed", error=FactcheckError(f"internal error: {exc.__class__.__name__}: {exc}".splitlines()[0]))
            except StateUnavailable as exc:  # no job was taken: look again in a moment (the next statement reconnects)
                log.warning("worker: %s", exc)
                self._stopping.wait(POLL_SECONDS)
            except Exception:  # a bug must not stop the worker; the job's row says what became of it
                if self._stopping.is_set():
                    return
                log.exception("worker error")
                time.sleep(POLL_SECONDS)

    def _give_back(self, job: Job) -> None:
        """A job whose state failed under it (a PostgreSQL connection dropped mid-transaction: the server
        rolled that transaction back) goes back to pending with its article, once the state answers again.
        Tried until then, or until the stop (closing the state gives back what this process still holds)."""
        wait = 0.5
        while True:
            try:
                self.state.give_back_job(job.id, not_before=time.time() + BUSY_RETRY_SECONDS)
                self.announce(job.id)
                return
            except StateUnavailable as exc:
                log.warning("job %s: cannot give it back yet: %s", job.id, exc)
            if self._stopping.wait(wait):
                return
            wait = min(2 * wait, self.state.lease / 3)

    def _update(self, job_id: str, **values: Any) -> None:
        self.state.update_job(job_id, **values)
        self.announce(job_id)

    def _do(self, job: Job) -> None:
        """One job: read the article, take it in the state, make its report (or find it made)."""
        from ..pipeline import Pipeline
        from ..render import to_json

        state, started = self.state, time.monotonic()
        try:
            article = read_submission(job.submitted, self.settings)
        except FactcheckError as exc:
            return self._finish(job, "failed", error=exc)
        key = article_key(article)
        self._update(job.id, key=key, text_sha256=article.sha256, title=article.title)
        locator = job.submitted.get("url") or f"serve:{job.id}"
        print_ = self.fingerprint_for(job.submitted)
        decision, before = state.claim(key, source=locator, title=article.title, text_sha256=article.sha256, fingerprint=print_)
        if decision is Claim.BUSY:  # another run does it now: look again soon, then find it done
            self._update(job.id, status="pending", owner=None, phase="waiting", not_before=time.time() + BUSY_RETRY_SECONDS)
            return
        if decision is Claim.DONE:
            return self._finish(job, "done", report_path=before.report_path)
        # A submission with its own title, date or outlet gets its own file: the report of the plain text stays.
        variant = key if print_ == self.fingerprint else f"{key}#{print_[:16]}"
        target = (self.reports_dir / report_name(article, variant, locator)).resolve()
        self._update(job.id, phase="analysing", steps_done=0, steps_total=0)

        def on_progress(done: int, total: int, status: str) -> None:
            try:
                self._update(job.id, steps_done=done, steps_total=total, phase=status)
            except StateUnavailable as exc:  # the progress shown, not the report: the model's work goes on
                log.warning("job %s: progress not recorded: %s", job.id, exc)

        try:
            with self.slots:
                report = Pipeline(self.backend, self.settings, on_progress=on_progress).run(article, PARTS)
            write_atomic(target, to_json(report))  # the report first, then the rows: a kill between only redoes it
        except FactcheckError as exc:
            state.failed(key, source=locator, error=str(exc), duration=time.monotonic() - started)
            return self._finish(job, "failed", error=exc)
        except Exception as exc:  # a bug: give the article back, or every later submission of it waits on this claim
            state.failed(key, source=locator, error=f"internal error: {exc.__class__.__name__}", duration=time.monotonic() - started)
            raise
        total = report.provenance.total
        if not state.done(
            key, report_path=target, prompt_tokens=total.prompt_tokens, completion_tokens=total.completion_tokens,
            calls=total.calls, duration=time.monotonic() - started,
        ):  # the job is still done, with the report this worker wrote
            log.warning("job %s: %s", job.id, lost_claim(locator, state.lease))
        self._finish(job, "done", report_path=str(target))

    def _finish(self, job: Job, status: str, *, report_path: str | None = None, error: FactcheckError | None = None) -> None:
        from ..redact import redact

        self._update(  # the owner stays: which process did it (only running jobs are claims)
            job.id, status=status, phase=None, report_path=report_path,
            error_code=error_code(error) if error else None, error=redact(str(error)) if error else None,
        )
        if job.callback_url:
            self.call_back(job.id)

    def run_part(self, article: Article, part: str):
        """One chain's report (POST /v1/claims, /v1/timeline), in turn with the jobs for the model."""
        from ..pipeline import Pipeline

        with self.slots:
            return Pipeline(self.backend, self.settings).run(article, (part,))

    # --- callbacks ---------------------------------------------------------------------------------

    def call_back(self, job_id: str) -> None:
        """POST {id, status, links} to the job's callback URL, on its own thread, retried with backoff."""
        thread = threading.Thread(target=self._post_callback, args=(job_id,), name=f"factcheck-callback-{job_id[:8]}", daemon=True)
        self._callbacks = [t for t in self._callbacks if t.is_alive()] + [thread]
        thread.start()

    def _post_callback(self, job_id: str) -> None:
        import httpx

        job = self.state.job(job_id)
        if job is None or not job.callback_url:
            return
        body = {"id": job.id, "status": job.status, "links": job.links()}
        wait, outcome = CALLBACK_FIRST_WAIT, "failed"
        for attempt in range(1, CALLBACK_ATTEMPTS + 1):
            try:
                with httpx.Client(follow_redirects=False, timeout=10.0) as client:
                    request = client.build_request("POST", job.callback_url, json=body, headers={"User-Agent": "factcheck"})
                    guard_request(request, original=job.callback_url, allow_private=self.settings.allow_private_urls)
                    response = client.send(request)
                if response.status_code < 300:
                    outcome = f"delivered (HTTP {response.status_code})"
                    break
                outcome = f"failed: HTTP {response.status_code}"
                if 400 <= response.status_code < 500 and response.status_code not in (408, 429):
                    break  # the receiver refuses it: trying again will not help
            except FactcheckError as exc:  # refused by the SSRF rules (the host's addresses changed)
                outcome = f"refused: {exc}"
                break
            except httpx.HTTPError as exc:
                outcome = f"failed: {exc.__class__.__name__}"
            if attempt < CALLBACK_ATTEMPTS and self._stopping.wait(wait):
                break
            wait *= 2
        try:
            self.state.update_job(job_id, callback_status=outcome)
        except StateUnavailable as exc:
            log.warning("job %s: callback %s, not recorded: %s", job_id, outcome, exc)



# --- the worker process ----------------------------------------------------------------------------


def part_json(workers: Workers, article: Article, part: str) -> str:
    """POST /v1/claims, /v1/timeline: a whole report with only that chain run, as `factcheck claims` writes it."""
    from ..render import to_json

    return to_json(workers.run_part(article, part))


def check_json(workers: Workers, article: Article, statements: list[str]) -> str:
    """POST /v1/check: what `factcheck check --format json` prints (no model call, but spaCy's parsing)."""
    from ..support import check_statements

    return check_statements(article, statements).model_dump_json(indent=2)


class WorkerGone(FactcheckError):
    """The worker process ended: nothing can be asked of it."""


class WorkerProcess:
    """The server's side of its worker process: start it, wake it, ask it for a part, stop it.

    A small supervising process is forked before the server starts (a single-threaded process: a fork is
    safe), and it forks the worker process, which builds the backend itself, so that the bundled model
    loads in the main thread of the process that uses it. A worker process that dies alone is forked
    again by the supervisor (still single-threaded, unlike the server once it serves), at most
    MAX_RESTARTS times within RESTART_WINDOW_SECONDS; its jobs are taken back by the new one. Both die
    with the server, even a killed one (Linux: PR_SET_PDEATHSIG; elsewhere the worker sees the pipe
    close), so a kill -9 leaves no orphan at work: the restart takes its jobs back.
    """

    def __init__(self, *, settings: Settings, state_path: Path | str, reports_dir: Path, workers: int) -> None:
        self.settings, self.state_path, self.reports_dir, self.workers = settings, state_path, reports_dir, workers
        self.fingerprint = fingerprint(settings)
        self.provider = self.model = ""
        self.process = None
        self._conn = None
        self._send_lock = threading.Lock()
        self._pending: dict[int, Future] = {}
        self._ids = itertools.count()
        self._drained = False
        self._stopping = False
        self._ready = False  # a worker process has said it is ready, and has not died since
        self._watchers: dict[str, list[tuple[Any, Any]]] = {}  # job id -> (event loop, asyncio.Event)
        self._watch_lock = threading.Lock()

    def fingerprint_for(self, submitted: dict[str, Any]) -> str:
        return submission_fingerprint(self.fingerprint, submitted)

    @property
    def problem(self) -> str | None:
        """Why no worker process can take work now (for /readyz), or None."""
        if self.process is None or not self.process.is_alive():
            return "the worker process has ended: restart factcheck serve"
        if not self._ready:
            return "the worker process is starting again"
        return None

    def start(self) -> None:
        """Fork the worker process and wait until its backend is built (the bundled model loaded)."""
        import multiprocessing

        context = multiprocessing.get_context("fork")
        self._conn, theirs = context.Pipe()
        self.process = context.Process(
            target=_supervise, name="factcheck-serve-supervisor", daemon=False,
            args=(theirs, os.getpid(), self.settings, self.state_path, self.reports_dir, self.workers),
        )
        self.process.start()
        theirs.close()
        while True:
            try:
                message = self._conn.recv()
            except EOFError:
                self.process.join()
                raise WorkerGone("the worker process ended as it started, every time it was started") from None
            if message[0] != "restarting":
                break
            log.error("the worker process ended as it started (exit code %s): started again", message[1])
        if message[0] == "error":
            self.process.join()
            raise message[1]
        _, self.provider, self.model = message
        self._ready = True
        threading.Thread(target=self._read, name="factcheck-serve-replies", daemon=True).start()

    def notify(self) -> None:
        """A job was submitted: a worker takes it now rather than at its next look (without a worker
        process, the job waits in the state for the next start or another server)."""
        with contextlib.suppress(WorkerGone):
            self._send(("wake",))

    def call_back(self, job_id: str) -> None:
        try:
            self._send(("callback", job_id))
        except WorkerGone:
            log.warning("job %s: no callback, the worker process has ended", job_id)

    def watch(self, job_id: str):
        """An asyncio.Event set whenever this server's worker process changes the job (the progress
        events follow every step, not a polling rate); unwatch() it when done."""
        import asyncio

        event = asyncio.Event()
        with self._watch_lock:
            self._watchers.setdefault(job_id, []).append((asyncio.get_running_loop(), event))
        return event

    def unwatch(self, job_id: str, event) -> None:
        with self._watch_lock:
            watchers = [w for w in self._watchers.get(job_id, []) if w[1] is not event]
            if watchers:
                self._watchers[job_id] = watchers
            else:
                self._watchers.pop(job_id, None)

    def call(self, function, *args: Any) -> str:
        """function(workers, *args) in the worker process, its answer (or its FactcheckError) here."""
        future: Future = Future()
        request = next(self._ids)
        self._pending[request] = future
        self._send(("call", request, function, args))
        return future.result()

    def stop(self, timeout: float) -> bool:
        """Ask the workers to finish what they do within `timeout` s, then end the process (killed if
        it overstays). True when every job in progress was finished."""
        if self.process is None:
            return True
        self._stopping = True
        try:
            self._send(("stop", timeout))
        except WorkerGone:
            pass
        self.process.join(timeout + 10)  # its drain, then closing the state
        if self.process.is_alive():
            log.warning("the worker process did not stop in time: killed")
            self.process.kill()
            self.process.join()
        return self._drained

    def _send(self, message: tuple) -> None:
        with self._send_lock:
            try:
                self._conn.send(message)
            except (OSError, ValueError):  # a closed pipe: the process ended
                if len(message) > 1 and message[0] == "call":
                    self._pending.pop(message[1], None)
                raise WorkerGone("the worker process has ended: restart factcheck serve") from None

    def _read(self) -> None:
        while True:
            try:
                message = self._conn.recv()
            except (EOFError, OSError):
                break
            if message[0] == "answer":
                _, request, value, error = message
                future = self._pending.pop(request, None)  # None: failed already, when its worker process died
                if future is not None:
                    future.set_exception(error) if error is not None else future.set_result(value)
            elif message[0] == "changed":
                with self._watch_lock:
                    watchers = list(self._watchers.get(message[1], ()))
                for loop, event in watchers:
                    with contextlib.suppress(RuntimeError):  # its loop has closed
                        loop.call_soon_threadsafe(event.set)
            elif message[0] == "stopped":
                self._drained = message[1]
            elif message[0] == "restarting":  # from the supervisor: the worker process died alone
                _, code, count = message
                self._ready = False
                log.error(
                    "the worker process ended (exit code %s): started again (%d of at most %d within %.0f min)",
                    code, count, MAX_RESTARTS, RESTART_WINDOW_SECONDS / 60,
                )
                self._fail_pending("the worker process ended while doing this: try again")
            elif message[0] == "ready":  # started again
                _, self.provider, self.model = message
                self._ready = True
                log.info("the worker process is ready again")
            elif message[0] == "error":  # started again, but could not build the backend or open the state
                log.error("the worker process could not start again: %s", message[1])
            elif message[0] == "given_up":
                log.error(
                    "the worker process ended (exit code %s) once more after %d restarts within %.0f min: not started again",
                    message[1], MAX_RESTARTS, RESTART_WINDOW_SECONDS / 60,
                )
        self._ready = False
        if not self._stopping:  # it died alone, for good: reaped here (no zombie), stop() reaps it otherwise
            self.process.join(10)
            log.error("the worker process has ended: restart factcheck serve")
        self._fail_pending("the worker process has ended: restart factcheck serve")

    def _fail_pending(self, message: str) -> None:
        for request in list(self._pending):
            future = self._pending.pop(request, None)
            if future is not None:
                future.set_exception(WorkerGone(message))


class _Stop(Exception):
    """SIGTERM sent to the worker process itself (a whole process group stopped): drain as asked by the server."""


def _die_with_parent(parent: int) -> None:
    if sys.platform.startswith("linux"):
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG: killed when the server dies
    if os.getppid() != parent:  # it died before that took effect
        os._exit(1)


_STOPPED, _NOT_STARTED = 0, 3  # the worker process's exit codes that are not deaths: no restart


def _supervise(conn, parent: int, settings: Settings, state_path: Path | str, reports_dir: Path, size: int) -> None:
    """The supervising process: forks the worker process, and forks it again when it dies alone.

    It stays single-threaded and does nothing but wait, so that each fork is safe and it has little
    reason to die itself. It keeps the pipe's end open while it lives: the server sees the pipe close
    only when no worker process will come again.
    """
    _die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group: the server says when to stop
    signal.signal(signal.SIGTERM, signal.SIG_IGN)  # so does a SIGTERM to the group: the worker drains, this waits
    me, restarts = os.getpid(), []
    while True:
        pid = os.fork()
        if pid == 0:
            try:
                signal.signal(signal.SIGTERM, signal.SIG_DFL)
                _work(conn, me, settings, state_path, reports_dir, size)
            except BaseException:  # a bug (a FactcheckError at the start is sent to the server): its traceback
                import traceback

                traceback.print_exc()
            finally:
                os._exit(1)
        code = os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])
        if code in (_STOPPED, _NOT_STARTED) or os.getppid() != parent:
            os._exit(0)  # stopped as asked, could not start, or the server is gone
        now = time.monotonic()
        restarts = [moment for moment in restarts if now - moment < RESTART_WINDOW_SECONDS]
        if len(restarts) >= MAX_RESTARTS:
            with contextlib.suppress(OSError):
                conn.send(("given_up", code))
            os._exit(1)  # the server sees the pipe close and says the worker process has ended
        restarts.append(now)
        with contextlib.suppress(OSError):
            conn.send(("restarting", code, len(restarts)))


def _work(conn, parent: int, settings: Settings, state_path: Path | str, reports_dir: Path, size: int) -> None:
    """The worker process: the state, the backend, the pool of workers, and the pipe's messages. Never returns."""
    from .. import llm

    _die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group: the server says when to stop
    try:
        state = open_state(state_path, lease=settings.state_lease)  # a bad state fails before the model loads
        backend = llm.build_backend(settings)
    except FactcheckError as exc:
        with contextlib.suppress(OSError):
            conn.send(("error", exc))
        os._exit(_NOT_STARTED)
    workers = Workers(state, settings=settings, reports_dir=reports_dir, workers=size, backend=backend)
    send_lock = threading.Lock()

    def announce(job_id: str) -> None:
        with send_lock, contextlib.suppress(OSError):
            conn.send(("changed", job_id))

    workers.announce = announce
    with send_lock:
        conn.send(("ready", backend.provider, backend.model))
    workers.start()

    def answer(request: int, function, args: tuple) -> None:
        try:
            reply = ("answer", request, function(workers, *args), None)
        except FactcheckError as exc:
            reply = ("answer", request, None, exc)
        except Exception as exc:  # a bug: the request fails, not the process
            log.exception("request %s", function.__name__)
            reply = ("answer", request, None, FactcheckError(f"internal error: {exc.__class__.__name__}"))
        with send_lock:
            conn.send(reply)

    def stop_now(*_: object) -> None:
        raise _Stop

    signal.signal(signal.SIGTERM, stop_now)
    drain = 30.0
    try:
        while True:
            try:
                message = conn.recv()
            except (EOFError, OSError):  # the server is gone without a word: as if killed, leave the jobs to the next start
                os._exit(1)
            kind = message[0]
            if kind == "wake":
                workers.notify()
            elif kind == "callback":
                workers.call_back(message[1])
            elif kind == "call":
                threading.Thread(target=answer, args=message[1:], name=f"factcheck-call-{message[1]}", daemon=True).start()
            elif kind == "stop":
                drain = message[1]
                break
    except _Stop:
        pass
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    drained = workers.stop(drain)
    state.close()  # what still runs goes back to pending: the next start does it
    with contextlib.suppress(OSError):
        with send_lock:
            conn.send(("stopped", drained))
    os._exit(0)  # without waiting for a worker thread that overstayed

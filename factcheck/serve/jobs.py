"""The jobs of `factcheck serve`: a table in the batch state database, and the workers that do them.

A job is one submitted article. It lives in the same SQLite file (WAL) as the batch's `articles`
table, whose rows stay the one cache of done articles: a job whose article is done with the same
text, model and prompts (factcheck.batch's key and fingerprint) finishes with no model call, and
`batch`, `schedule` and `serve` on one state never do an article twice (State.claim decides).

A job is written before its submission is answered and claimed inside one write transaction; a
report is written before its row says `done`. So after a restart, even a kill -9, the jobs that
were pending or running are done, and nothing finished is lost.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import logging
import threading
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..article import Article, guard_request, load_article
from ..batch import article_key, fingerprint, report_name
from ..errors import FactcheckError
from ..files import write_atomic
from ..models import PARTS
from ..settings import Settings
from ..state import Claim, State

log = logging.getLogger("factcheck.serve")

POLL_SECONDS = 1.0  # how often an idle worker looks for jobs submitted by another process
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
    like articles: leased, renewed by the heartbeat, given back by release_mine and release_dead_claims."""

    _CLAIMS = {**State._CLAIMS, "jobs": ("id", ", phase=NULL")}
    _SCHEMAS = (*State._SCHEMAS, _JOBS_SCHEMA)

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

    def update_job(self, job_id: str, **values: Any) -> None:
        columns = ", ".join(f"{name}=?" for name in values)
        with self._lock, self._transaction():
            self._db.execute(f"UPDATE jobs SET {columns}, updated_at=? WHERE id=?", (*values.values(), time.time(), job_id))

    def job(self, job_id: str) -> Job | None:
        with self._lock:
            return self._job(job_id)

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


# --- the workers -----------------------------------------------------------------------------------


class Workers:
    """A bounded pool of threads doing the pending jobs of the state, oldest first.

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

    def fingerprint_for(self, submitted: dict[str, Any]) -> str:
        """The batch's fingerprint, unless the submission sets the title, date or outlet: they change the
        report (a date moves every relative date) but not the text's hash, so they join the fingerprint."""
        fields = {name: submitted[name] for name in ("title", "published", "source") if submitted.get(name)}
        if not fields:
            return self.fingerprint
        return hashlib.sha256(json.dumps([self.fingerprint, fields], sort_keys=True).encode()).hexdigest()

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
                try:
                    self._do(job)
                except Exception as exc:  # a bug: the job fails with what it was, the worker goes on
                    if self._stopping.is_set():
                        return
                    log.exception("job %s", job.id)
                    self._finish(job, "failed", error=FactcheckError(f"internal error: {exc.__class__.__name__}: {exc}".splitlines()[0]))
            except Exception:  # a bug must not stop the worker; the job's row says what became of it
                if self._stopping.is_set():
                    return
                log.exception("worker error")
                time.sleep(POLL_SECONDS)

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
        state.update_job(job.id, key=key, text_sha256=article.sha256, title=article.title)
        locator = job.submitted.get("url") or f"serve:{job.id}"
        print_ = self.fingerprint_for(job.submitted)
        decision, before = state.claim(key, source=locator, title=article.title, text_sha256=article.sha256, fingerprint=print_)
        if decision is Claim.BUSY:  # another run does it now: look again soon, then find it done
            state.update_job(job.id, status="pending", owner=None, phase="waiting", not_before=time.time() + BUSY_RETRY_SECONDS)
            return
        if decision is Claim.DONE:
            return self._finish(job, "done", report_path=before.report_path)
        # A submission with its own title, date or outlet gets its own file: the report of the plain text stays.
        variant = key if print_ == self.fingerprint else f"{key}#{print_[:16]}"
        target = (self.reports_dir / report_name(article, variant, locator)).resolve()
        state.update_job(job.id, phase="analysing", steps_done=0, steps_total=0)

        def on_progress(done: int, total: int, status: str) -> None:
            state.update_job(job.id, steps_done=done, steps_total=total, phase=status)

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
        state.done(
            key, report_path=target, prompt_tokens=total.prompt_tokens, completion_tokens=total.completion_tokens,
            calls=total.calls, duration=time.monotonic() - started,
        )
        self._finish(job, "done", report_path=str(target))

    def _finish(self, job: Job, status: str, *, report_path: str | None = None, error: FactcheckError | None = None) -> None:
        from ..redact import redact

        self.state.update_job(  # the owner stays: which process did it (only running jobs are claims)
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
        self.state.update_job(job_id, callback_status=outcome)


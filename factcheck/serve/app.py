"""The HTTP application of `factcheck serve`: the API under /v1, the page at /, health and readiness.

Every error answers `{"error": {"code", "message"}}`: a FactcheckError keeps the CLI's cause (its
class, as a snake_case code, and its one-line message), anything else is `internal_error` without a
traceback. Guard (a plain ASGI middleware) checks the token and caps request bodies before any
route runs; submissions are rate-limited per client.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import hashlib
import hmac
import json
import math
import threading
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import parse_qs

from fastapi import Body, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse, Response
from pydantic import BaseModel, ConfigDict, Field, model_validator
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__, errors
from ..article import MAX_INPUT_BYTES, check_url
from ..batch import article_key
from ..settings import Settings
from .docs import add_docs
from .jobs import Job, JobState, WorkerProcess, check_json, error_code, part_json, read_submission

# The HTTP status of each cause; a cause not listed is the client's (422) unless it is a FactcheckError
# of the server's own making (500).
_STATUS: dict[type[errors.FactcheckError], int] = {
    errors.InputNotFound: 404,
    errors.InputTooLarge: 413,
    errors.EmptyInput: 422,
    errors.BinaryInput: 422,
    errors.UndecodableInput: 422,
    errors.InvalidFrontMatter: 422,
    errors.InvalidReport: 500,
    errors.URLRefused: 400,
    errors.FetchError: 502,
    errors.ProviderUnavailable: 503,
    errors.ServerError: 502,
    errors.AuthenticationFailed: 502,
    errors.ModelOutputError: 502,
    errors.RateLimited: 503,
    errors.ConfigError: 500,
    errors.StateUnavailable: 503,
}
SESSION_COOKIE = "factcheck_session"


@dataclass
class ServeConfig:
    settings: Settings
    state_path: Path | str  # a SQLite file, or a postgresql:// URL
    reports_dir: Path
    workers: int
    token: str | None = None
    cors_origins: list[str] = field(default_factory=list)
    rate_limit: int = 30  # submissions per minute per client (0: no limit)
    drain_seconds: float = 30.0  # how long a stop waits for the jobs in progress


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.headers = status, code, message, headers or {}


def error_response(status: int, code: str, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status, headers=headers)


# --- request bodies -------------------------------------------------------------------------------


class ArticleIn(BaseModel):
    """An article: exactly one of `url`, `text` (plain text, Markdown, optional YAML front matter) or `html`."""

    model_config = ConfigDict(extra="forbid")

    url: str | None = Field(None, description="an http(s) URL, fetched under the same rules as the CLI's")
    text: str | None = None
    html: str | None = None
    title: str | None = Field(None, description="overrides the article's own")
    published: dt.date | None = Field(None, description="YYYY-MM-DD; relative dates resolve against it")
    source: str | None = Field(None, description="the outlet")

    @model_validator(mode="after")
    def one_article(self) -> ArticleIn:
        given = [name for name in ("url", "text", "html") if getattr(self, name)]
        if len(given) != 1:
            raise ValueError("give exactly one of url, text or html")
        return self


class CheckIn(ArticleIn):
    statements: list[str] = Field(min_length=1, max_length=1000, description="the statements to check, in order")


class ReportIn(ArticleIn):
    callback_url: str | None = Field(None, description="POSTed {id, status, links} when the report is done or failed")


# --- guards: token, body size, rate ---------------------------------------------------------------


def session_value(token: str) -> str:
    """The login cookie: derived from the token, so the cookie never holds the token itself."""
    return hmac.new(token.encode(), b"factcheck-serve-session", hashlib.sha256).hexdigest()


class Guard:
    """Token check (Bearer header or login cookie, compared in constant time) and body cap, as ASGI."""

    OPEN = ("/healthz", "/readyz", "/login")

    def __init__(self, app, *, token: str | None, max_body: int = MAX_INPUT_BYTES) -> None:
        self.app, self.max_body = app, max_body
        self.bearer = f"Bearer {token}".encode() if token else None
        self.session = session_value(token).encode() if token else None

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        if self.bearer is not None and scope["path"] not in self.OPEN and not self._authorised(scope):
            if scope["path"] == "/" and scope["method"] == "GET":
                from .page import login_page

                response: Response = HTMLResponse(login_page(), status_code=401)
            else:
                response = error_response(
                    401, "unauthorized", "a valid 'Authorization: Bearer <token>' header is required",
                    {"WWW-Authenticate": "Bearer"},
                )
            return await response(scope, receive, send)
        length = dict(scope["headers"]).get(b"content-length")
        if length is not None and length.isdigit() and int(length) > self.max_body:
            return await self._too_large(scope, receive, send)
        # Without a length (chunked), count as the body arrives and refuse past the cap.
        chunks, size = [], 0
        if scope["method"] in ("POST", "PUT", "PATCH"):
            while True:
                message = await receive()
                if message["type"] == "http.disconnect":
                    return
                chunk = message.get("body", b"")
                size += len(chunk)
                if size > self.max_body:
                    return await self._too_large(scope, receive, send)
                chunks.append(chunk)
                if not message.get("more_body"):
                    break
            body = b"".join(chunks)
            replayed = False

            async def replay():
                nonlocal replayed
                if not replayed:
                    replayed = True
                    return {"type": "http.request", "body": body, "more_body": False}
                return await receive()

            return await self.app(scope, replay, send)
        return await self.app(scope, receive, send)

    def _authorised(self, scope) -> bool:
        headers = dict(scope["headers"])
        given = headers.get(b"authorization", b"")
        if hmac.compare_digest(given, self.bearer):
            return True
        for part in headers.get(b"cookie", b"").split(b";"):
            name, _, value = part.strip().partition(b"=")
            if name == SESSION_COOKIE.encode() and hmac.compare_digest(value, self.session):
                return True
        return False

    async def _too_large(self, scope, receive, send) -> None:
        message = f"the request body is larger than the {self.max_body // 2**20} MiB limit"
        await error_response(413, "input_too_large", message, {"Connection": "close"})(scope, receive, send)


class RateLimiter:
    """A token bucket per client: `per_minute` submissions in a burst, refilled evenly over a minute."""

    def __init__(self, per_minute: int) -> None:
        self.per_minute = per_minute
        self._buckets: dict[str, tuple[float, float]] = {}  # client -> (tokens, when)
        self._lock = threading.Lock()

    def take(self, client: str) -> None:
        if self.per_minute <= 0:
            return
        rate, now = self.per_minute / 60.0, time.monotonic()
        with self._lock:
            tokens, when = self._buckets.get(client, (float(self.per_minute), now))
            tokens = min(float(self.per_minute), tokens + (now - when) * rate)
            if tokens < 1.0:
                self._buckets[client] = (tokens, now)
                wait = math.ceil((1.0 - tokens) / rate)
                raise ApiError(429, "too_many_requests", f"too many submissions: try again in {wait} s", {"Retry-After": str(wait)})
            self._buckets[client] = (tokens - 1.0, now)
            if len(self._buckets) > 10_000:  # forget the full buckets, so that many clients cannot fill memory
                self._buckets = {k: v for k, v in self._buckets.items() if v[0] < self.per_minute - 1}


# --- the application --------------------------------------------------------------------------------


def create_app(config: ServeConfig, state: JobState, workers: WorkerProcess) -> FastAPI:
    """The application over a state and a started worker process (factcheck.serve.run starts them)."""
    settings = config.settings
    limiter = RateLimiter(config.rate_limit)
    config.reports_dir.mkdir(parents=True, exist_ok=True)

    @contextlib.asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        # Ctrl-C / SIGTERM: uvicorn has stopped taking requests; the jobs in progress get some time to
        # finish, then whatever still runs goes back to pending for the next start (the worker process
        # gives back its own; those of one killed for overstaying are given back here).
        await run_in_threadpool(workers.stop, config.drain_seconds)
        state.release_dead_claims()  # articles and jobs
        state.close()

    app = FastAPI(
        title="factcheck",
        version=__version__,
        summary="Neutral summaries, claim checklists and timelines of news articles, every item grounded in the article.",
        lifespan=lifespan,
        docs_url=None,  # self-hosted below: no CDN
        redoc_url=None,
    )
    add_docs(app)
    app.add_middleware(Guard, token=config.token)
    if config.cors_origins:  # added last, so outermost: a preflight (which carries no token) is answered here
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(
            CORSMiddleware, allow_origins=config.cors_origins, allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "Content-Type"],
        )

    @app.exception_handler(errors.FactcheckError)
    async def factcheck_error(_: Request, exc: errors.FactcheckError) -> JSONResponse:
        from ..redact import redact

        status = next((code for cls, code in _STATUS.items() if isinstance(exc, cls)), 500)
        return error_response(status, error_code(exc), redact(str(exc)))

    @app.exception_handler(ApiError)
    async def api_error(_: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status, exc.code, exc.message, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(_: Request, exc: RequestValidationError) -> JSONResponse:
        problem = exc.errors()[0]
        where = ".".join(str(p) for p in problem.get("loc", ()) if p != "body") or "the request"
        return error_response(422, "invalid_request", f"{where}: {problem.get('msg', 'invalid')}")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, f"http_{exc.status_code}")
        return error_response(exc.status_code, code, str(exc.detail), getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def internal_error(_: Request, exc: Exception) -> JSONResponse:
        return error_response(500, "internal_error", f"internal error ({exc.__class__.__name__}); see the server log")

    def client_of(request: Request) -> str:
        return request.client.host if request.client else "unknown"

    def find(job_id: str) -> Job:
        job = state.job(job_id)
        if job is None:
            raise ApiError(404, "not_found", f"no report {job_id}")
        return job

    def done_report(job: Job):
        from ..render import load_report

        if job.status != "done" or not job.report_path:
            raise ApiError(409, "not_done", f"report {job.id} is {job.status}, not done")
        return load_report(Path(job.report_path))

    def view(job: Job) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": job.id,
            "status": job.status,
            "title": job.title,
            "created": _iso(job.created_at),
            "updated": _iso(job.updated_at),
            "links": job.links(),
        }
        if job.status == "running":
            data["progress"] = {"phase": job.phase, "steps_done": job.steps_done, "steps_total": job.steps_total}
        if job.status == "failed":
            data["error"] = {"code": job.error_code, "message": job.error}
        if job.callback_url:
            data["callback"] = job.callback_status or "pending"
        return data

    # --- health --------------------------------------------------------------------------------------

    @app.get("/healthz", tags=["health"])
    def healthz() -> dict[str, str]:
        """The process answers."""
        return {"status": "ok"}

    @app.get("/readyz", tags=["health"])
    def readyz() -> JSONResponse:
        """Ready: the bundled model is loaded (it is, once the server listens) or the model server answers."""
        problem = workers.problem or _model_problem(workers, settings)
        if problem:
            return error_response(503, "not_ready", problem)
        return JSONResponse({"status": "ready", "provider": workers.provider, "model": workers.model})

    # --- reports -------------------------------------------------------------------------------------

    @app.post("/v1/reports", status_code=202, tags=["reports"])
    def submit(request: Request, body: Annotated[ReportIn, Body()]) -> JSONResponse:
        """Submit an article; 202 with the job, or 200 when the same text was done with the same settings."""
        limiter.take(client_of(request))
        if body.callback_url:
            check_url(body.callback_url, allow_private=settings.allow_private_urls)
        submitted = body.model_dump(mode="json", exclude_none=True, exclude={"callback_url"})
        if body.url:
            check_url(body.url, allow_private=settings.allow_private_urls)  # refused now, fetched by a worker
            job = state.submit(submitted, callback_url=body.callback_url)
        else:
            job = _submit_text(submitted, body.callback_url)
        if job.status == "pending":
            workers.notify()
        elif job.callback_url and job.status == "done":
            workers.call_back(job.id)
        return JSONResponse(
            {"id": job.id, "status": job.status, "links": job.links()},
            status_code=200 if job.status == "done" else 202,
            headers={"Location": job.links()["self"]},
        )

    def _submit_text(submitted: dict[str, Any], callback_url: str | None) -> Job:
        """Read the text now (a bad one is refused at once), and answer from the cache when it can."""
        article = read_submission(submitted, settings)
        key, sha = article_key(article), article.sha256
        row = state.row(key)
        cached = (
            row is not None and row.status == "done" and row.text_sha256 == sha
            and row.fingerprint == workers.fingerprint_for(submitted) and row.report_path and Path(row.report_path).is_file()
        )
        same = state.same_article(key, sha)
        if same is not None and not callback_url:
            if same.status != "done" and same.submitted == submitted:
                return same  # queued or running already: no second job, no second model call
            if same.status == "done" and cached and same.report_path == row.report_path:
                return same
        return state.submit(
            submitted, callback_url=callback_url, key=key, text_sha256=sha, title=article.title,
            done_report=row.report_path if cached else None,
        )

    @app.get("/v1/reports", tags=["reports"])
    def list_reports(
        since: Annotated[str | None, Query(description="24h, 7d, 90m, 2w, or a date YYYY-MM-DD")] = None,
        q: Annotated[str | None, Query(description="words in the title", max_length=200)] = None,
        limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    ) -> dict[str, Any]:
        """The reports submitted since then, newest first."""
        moment = _since(since)
        jobs = state.jobs(since=moment.timestamp() if moment else None, query=q, limit=limit)
        return {"reports": [view(job) for job in jobs]}

    @app.get("/v1/reports/{job_id}.html", response_class=HTMLResponse, tags=["reports"])
    def report_html(job_id: str) -> HTMLResponse:
        """The self-contained report page (what `factcheck render --format html` makes)."""
        from ..html import render_html

        return HTMLResponse(render_html(done_report(find(job_id))))

    @app.get("/v1/reports/{job_id}.md", response_class=PlainTextResponse, tags=["reports"])
    def report_markdown(job_id: str) -> PlainTextResponse:
        """The report in Markdown (what `factcheck render` makes)."""
        from ..render import to_markdown

        return PlainTextResponse(to_markdown(done_report(find(job_id))), media_type="text/markdown; charset=utf-8")

    @app.get("/v1/reports/{job_id}/events", tags=["reports"])
    async def report_events(job_id: str):
        """Server-Sent Events: `progress` as steps are done, then one `done` or `failed`, then the end."""
        from sse_starlette.sse import EventSourceResponse

        await run_in_threadpool(find, job_id)

        async def events() -> AsyncIterator[dict[str, str]]:
            # Read again at each change the worker process announces (a job run by another server's
            # workers is read every 0.2 s).
            last, changed = None, workers.watch(job_id)
            try:
                while True:
                    changed.clear()
                    job = await run_in_threadpool(state.job, job_id)
                    data = view(job)
                    seen = (job.status, job.phase, job.steps_done, job.steps_total)
                    if job.status in ("done", "failed"):
                        yield {"event": job.status, "data": json.dumps(data)}
                        return
                    if seen != last:
                        yield {"event": "progress", "data": json.dumps(data)}
                        last = seen
                    with contextlib.suppress(asyncio.TimeoutError):
                        await asyncio.wait_for(changed.wait(), 0.2)
            finally:
                workers.unwatch(job_id, changed)

        return EventSourceResponse(events(), ping=15)

    @app.get("/v1/reports/{job_id}", tags=["reports"])
    async def report(job_id: str) -> Response:
        """The job's status (pending, running, done, failed with its error), and the report when done."""
        # On the event loop: one indexed read (this process runs no job; the workers write from theirs).
        # The report file's bytes are spliced in as they are, not parsed, validated and encoded again.
        job = find(job_id)
        data = json.dumps(view(job)).encode()
        if job.status == "done" and job.report_path:
            data = data[:-1] + b', "report": ' + Path(job.report_path).read_bytes() + b"}"
        return Response(data, media_type="application/json")

    @app.get("/v1/digest", tags=["reports"])
    def digest(
        since: Annotated[str | None, Query(description="24h, 7d, 90m, 2w, or a date YYYY-MM-DD")] = "24h",
        format: Annotated[Literal["html", "markdown", "json"], Query()] = "html",
        top: Annotated[int, Query(ge=1, le=50)] = 3,
    ) -> Response:
        """The digest page (what `factcheck digest` makes) of the reports done since then."""
        from .. import digest as digests
        from ..render import load_report

        moment = _since(since)
        collected = digests.Digest(directory=config.reports_dir, since=moment, generated=dt.datetime.now().astimezone(), top=top)
        seen: set[str] = set()
        for job in state.jobs(since=None, limit=10_000):
            if job.status != "done" or not job.report_path or job.report_path in seen:
                continue
            seen.add(job.report_path)
            try:
                entry = digests.Entry(Path(job.report_path), load_report(Path(job.report_path)))
            except (errors.FactcheckError, OSError) as exc:
                collected.skipped.append((Path(job.report_path), str(exc)))
                continue
            if moment is None or entry.created >= moment:
                collected.entries.append(entry)
        collected.entries.sort(key=lambda e: (e.created, e.path.name), reverse=True)
        text = digests.render(collected, format)
        media = {"html": "text/html", "markdown": "text/markdown", "json": "application/json"}[format]
        return Response(text, media_type=f"{media}; charset=utf-8")

    # --- parts alone ---------------------------------------------------------------------------------

    def part(name: str):
        def handler(request: Request, body: Annotated[ArticleIn, Body()]) -> Response:
            limiter.take(client_of(request))
            article = read_submission(body.model_dump(mode="json", exclude_none=True), settings)
            # Made by the worker process, in turn with the jobs for the model.
            return Response(workers.call(part_json, article, name), media_type="application/json")

        handler.__doc__ = f"The {name} of an article alone, made now (the answer waits for the model)."
        return handler

    app.post("/v1/claims", tags=["parts"])(part("claims"))
    app.post("/v1/timeline", tags=["parts"])(part("timeline"))

    @app.post("/v1/check", tags=["parts"])
    def check(request: Request, body: Annotated[CheckIn, Body()]) -> Response:
        """Which statements the article supports, the sentences that do, and why the others fail: what
        `factcheck check --format json` prints. No model is called."""
        limiter.take(client_of(request))
        article = read_submission(body.model_dump(mode="json", exclude_none=True, exclude={"statements"}), settings)
        # Parsed by the worker process: spaCy's CPU work stays out of the process that answers requests.
        return Response(workers.call(check_json, article, body.statements), media_type="application/json")

    # --- the page ------------------------------------------------------------------------------------

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def page() -> HTMLResponse:
        from .page import PAGE_CSP, main_page

        return HTMLResponse(main_page(), headers={"Content-Security-Policy": PAGE_CSP})

    @app.post("/login", include_in_schema=False)
    async def login(request: Request) -> Response:
        """The page's login form: the right token sets a session cookie (HttpOnly, SameSite=Strict)."""
        from .page import login_page

        if not config.token:
            return RedirectResponse("/", status_code=303)
        form = parse_qs((await request.body()).decode("utf-8", "replace"))
        given = (form.get("token") or [""])[0]
        if not hmac.compare_digest(given.encode(), config.token.encode()):
            return HTMLResponse(login_page(failed=True), status_code=401)
        response = RedirectResponse("/", status_code=303)
        response.set_cookie(SESSION_COOKIE, session_value(config.token), httponly=True, samesite="strict", path="/")
        return response

    return app


def _iso(moment: float) -> str:
    return dt.datetime.fromtimestamp(moment, dt.UTC).isoformat(timespec="seconds")


def _since(value: str | None) -> dt.datetime | None:
    from ..digest import parse_since

    if not value:
        return None
    try:
        return parse_since(value)
    except ValueError as exc:
        raise ApiError(400, "invalid_since", str(exc)) from None


def _model_problem(backend, settings: Settings) -> str | None:
    """Why the model cannot answer now, or None. A remote server must answer (any HTTP status) on /models."""
    if backend.provider != "openai":
        return None  # the bundled model loads before the server listens
    import httpx

    base = (settings.base_url or "https://api.openai.com/v1").rstrip("/")
    try:
        with httpx.Client(timeout=3.0) as client:
            client.get(f"{base}/models")
    except httpx.HTTPError as exc:
        return f"the model server {base} does not answer ({exc.__class__.__name__})"
    return None

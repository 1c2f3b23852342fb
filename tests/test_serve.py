"""`factcheck serve`, driven over loopback HTTP with httpx: the real CLI command in a subprocess,
its model replaced by tests/batch_double.py's echo (which logs every call per article), callbacks
received by a loopback listener. No hub download, no network beyond 127.0.0.1."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

from .bad_state import BAD_STATES, bad_state, expected, run_cli
from .batch_double import calls_by_article
from .conftest import ROOT
from .loopback import QuietHandler

TOKEN = "serve-test-token-0123456789"


def article(i: int) -> str:
    return (
        f"---\ntitle: Council {i} approves schools\n---\n"
        f"The council of district {i} approved {i + 3} new schools on Monday, the mayor said.\n\n"
        f"Opponents said the plan would cost ${i + 10} million.\n"
        # A side phrase to drop: the bundled model's one question (the summary's compression) has a step.
        f"Mara Lind, the district's treasurer, said the schools would open in {2030 + i}, which pleased parents.\n"
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    folder: Path
    port: int
    log: Path
    process: subprocess.Popen | None = None
    args: tuple[str, ...] = ()
    env: dict[str, str] | None = None
    session: bool = False  # in a process group of its own, as a terminal's foreground job

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> Server:
        command = [
            sys.executable, "-m", "tests.batch_double", "serve", "--port", str(self.port), *self.args,
        ]
        if "FACTCHECK_STATE" not in self.env:
            command += ["--state", str(self.folder / "state.sqlite3")]
        self.process = subprocess.Popen(
            command, cwd=ROOT, env=self.env, stdout=subprocess.DEVNULL, stderr=open(self.folder / "server.log", "ab"),
            start_new_session=self.session,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            assert self.process.poll() is None, (self.folder / "server.log").read_text()
            try:
                if httpx.get(f"{self.url}/healthz", timeout=1).status_code == 200:
                    return self
            except httpx.HTTPError:
                time.sleep(0.1)
        raise AssertionError("the server did not start")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            self.process.wait(timeout=30)

    def calls(self) -> dict[str, list[int]]:
        return calls_by_article(self.log)

    def worker_pids(self) -> set[int]:
        """The processes that asked the model: the worker processes, not the server's."""
        return {pid for pids in self.calls().values() for pid in pids}


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def gone(pid: int, timeout: float = 10) -> bool:
    """The process ended (and was reaped) within `timeout` s."""
    deadline = time.monotonic() + timeout
    while alive(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    return not alive(pid)


def parent_of(pid: int) -> int:
    return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])


def server_of(worker: int) -> int:
    """The server of a worker process: its parent is the server's supervising process."""
    return parent_of(parent_of(worker))


def children_of(pid: int) -> set[int]:
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if parent_of(int(stat.parent.name)) == pid:
                found.add(int(stat.parent.name))
        except (OSError, IndexError, ValueError):  # ended meanwhile
            pass
    return found


def make_server(folder: Path, *args: str, delay: float = 0.0, **env: str) -> Server:
    folder.mkdir(parents=True, exist_ok=True)
    log = folder / "calls.log"
    environment = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("FACTCHECK_", "OPENAI_"))},
        "FACTCHECK_CONFIG": str(folder / "no-config.toml"),
        "BATCH_DOUBLE_LOG": str(log),
        "BATCH_DOUBLE_DELAY": str(delay),
        **env,
    }
    return Server(folder, free_port(), log, args=args, env=environment)


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[Server]:
    """No token, private URLs refused, a generous rate limit."""
    running = make_server(tmp_path_factory.mktemp("serve"), "--rate-limit", "1000", "--workers", "2", delay=0.02).start()
    yield running
    workers = running.worker_pids()
    running.stop()
    # SIGTERM drains and stops cleanly (uvicorn then re-raises the signal, so that the parent sees it).
    assert running.process.returncode in (0, -signal.SIGTERM)
    assert "Application shutdown complete" in (running.folder / "server.log").read_text()
    assert workers and running.process.pid not in workers  # the jobs ran beside the server, not in it
    assert all(gone(pid) for pid in workers), "a worker process outlived the server"


@pytest.fixture(scope="module")
def guarded(tmp_path_factory) -> Iterator[Server]:
    """A token (from the environment), loopback URLs and callbacks allowed, 5 submissions a minute."""
    running = make_server(
        tmp_path_factory.mktemp("guarded"), "--rate-limit", "5", "--cors-origin", "https://cms.example.org", FACTCHECK_SERVE_TOKEN=TOKEN, FACTCHECK_ALLOW_PRIVATE_URLS="1"
    ).start()
    yield running
    running.stop()


def wait_done(server: Server, job_id: str, headers: dict | None = None, timeout: float = 60) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        data = httpx.get(f"{server.url}/v1/reports/{job_id}", headers=headers).json()
        if data["status"] in ("done", "failed"):
            return data
        time.sleep(0.1)
    raise AssertionError(f"job {job_id} not done: {data}")


def submit(server: Server, body: dict, headers: dict | None = None) -> httpx.Response:
    return httpx.post(f"{server.url}/v1/reports", json=body, headers=headers, timeout=30)


# --- the API ------------------------------------------------------------------------------------------


def test_submit_then_report_shown(server: Server) -> None:
    response = submit(server, {"text": article(1), "published": "2026-05-04", "source": "The Gazette"})
    assert response.status_code == 202, response.text
    job = response.json()
    assert job["status"] in ("pending", "running") and job["links"]["self"] == f"/v1/reports/{job['id']}"
    done = wait_done(server, job["id"])
    assert done["status"] == "done", done
    report = done["report"]
    assert report["article"]["title"] == "Council 1 approves schools"
    assert report["article"]["published"] == "2026-05-04" and report["article"]["source"] == "The Gazette"
    assert report["summary"]["sentences"], "the report has its summary"
    page = httpx.get(server.url + job["links"]["html"])
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "Council 1 approves schools" in page.text and "Content-Security-Policy" in page.text
    markdown = httpx.get(server.url + job["links"]["markdown"])
    assert markdown.text.startswith("# Council 1 approves schools")
    listed = httpx.get(f"{server.url}/v1/reports", params={"since": "1h", "q": "council 1"}).json()["reports"]
    assert [r["id"] for r in listed] == [job["id"]]
    digest = httpx.get(f"{server.url}/v1/digest", params={"since": "24h", "format": "json"})
    assert digest.status_code == 200 and "Council 1 approves schools" in digest.text


def test_progress_events(server: Server) -> None:
    job = submit(server, {"text": article(2)}).json()
    events: list[tuple[str, dict]] = []
    with httpx.stream("GET", server.url + job["links"]["events"], timeout=60) as stream:
        name = None
        for line in stream.iter_lines():
            if line.startswith("event:"):
                name = line.split(":", 1)[1].strip()
            elif line.startswith("data:"):
                events.append((name, json.loads(line.split(":", 1)[1])))
    assert events[-1][0] == "done", events
    steps = [e["progress"] for name, e in events if name == "progress" and e.get("progress", {}).get("steps_total")]
    assert steps, f"no step was reported: {events}"
    assert all(s["steps_done"] <= s["steps_total"] for s in steps)
    assert [s["steps_done"] for s in steps] == sorted(s["steps_done"] for s in steps)


def test_same_text_answers_from_the_cache_without_a_model_call(server: Server) -> None:
    first = submit(server, {"text": article(3)}).json()
    assert wait_done(server, first["id"])["status"] == "done"
    calls_before = sum(len(pids) for pids in server.calls().values())
    again = submit(server, {"text": article(3)})
    assert again.status_code == 200 and again.json()["status"] == "done"
    assert httpx.get(server.url + again.json()["links"]["self"]).json()["report"]["article"]["title"] == "Council 3 approves schools"
    time.sleep(0.3)
    assert sum(len(pids) for pids in server.calls().values()) == calls_before
    # Another publication date moves every relative date: the same text is done again.
    redated = submit(server, {"text": article(3), "published": "2020-01-06"})
    assert redated.status_code == 202
    assert wait_done(server, redated.json()["id"])["report"]["article"]["published"] == "2020-01-06"
    assert httpx.get(server.url + first["links"]["self"]).json()["report"]["article"]["published"] is None  # kept


def test_errors_are_json_with_the_cli_cause(server: Server) -> None:
    refused = submit(server, {"url": "http://127.0.0.1:9/story"})
    assert refused.status_code == 400
    assert refused.json()["error"]["code"] == "url_refused" and "loopback" in refused.json()["error"]["message"]
    callback = submit(server, {"text": article(4), "callback_url": "http://10.0.0.1/hook"})
    assert callback.status_code == 400 and callback.json()["error"]["code"] == "url_refused"
    both = submit(server, {"text": "x", "url": "https://example.org/"})
    assert both.status_code == 422 and both.json()["error"]["code"] == "invalid_request"
    empty = submit(server, {"text": "  \n"})
    assert empty.status_code == 422 and empty.json()["error"] == {"code": "empty_input", "message": "the submitted text has no article text to analyse"}
    missing = httpx.get(f"{server.url}/v1/reports/0123")
    assert missing.status_code == 404 and missing.json() == {"error": {"code": "not_found", "message": "no report 0123"}}
    bad_since = httpx.get(f"{server.url}/v1/reports", params={"since": "soon"})
    assert bad_since.status_code == 400 and bad_since.json()["error"]["code"] == "invalid_since"
    assert "Traceback" not in refused.text + both.text + empty.text


def test_oversized_body_is_refused(server: Server) -> None:
    body = b'{"text": "' + b"a" * (20 * 2**20) + b'"}'
    response = httpx.post(f"{server.url}/v1/reports", content=body, headers={"Content-Type": "application/json"}, timeout=60)
    assert response.status_code == 413 and response.json()["error"]["code"] == "input_too_large"

    def chunks():  # no Content-Length: counted as it arrives
        for _ in range(21):
            yield b"a" * 2**20

    streamed = httpx.post(f"{server.url}/v1/reports", content=chunks(), headers={"Content-Type": "application/json"}, timeout=60)
    assert streamed.status_code == 413


def test_claims_alone_and_the_schema(server: Server) -> None:
    claims = httpx.post(f"{server.url}/v1/claims", json={"text": article(5)}, timeout=60)
    assert claims.status_code == 200, claims.text
    assert claims.json()["provenance"]["chains"] == ["claims"] and claims.json()["timeline"] == []
    schema = httpx.get(f"{server.url}/openapi.json").json()
    assert {"/v1/reports", "/v1/reports/{job_id}", "/v1/reports/{job_id}/events", "/v1/claims", "/v1/timeline", "/v1/digest"} <= set(schema["paths"])
    assert httpx.get(f"{server.url}/readyz").json()["status"] == "ready"


def test_docs_load_nothing_from_another_host(server: Server) -> None:
    import re

    docs = httpx.get(f"{server.url}/docs")
    assert docs.status_code == 200
    policy = docs.headers["Content-Security-Policy"]
    assert "default-src 'none'" in policy and "http" not in policy and "unsafe" not in policy
    links = re.findall(r'(?:src|href)="([^"]+)"', docs.text)
    assert len(links) == 3 and not re.search(r"(?i)\b(https?:)?//", docs.text), docs.text
    for link in links:  # each served by factcheck itself
        assert link.startswith("/docs/assets/") and httpx.get(server.url + link).status_code == 200
    assert httpx.get(f"{server.url}/docs/assets/redoc.standalone.js").status_code == 404


def test_check_statements_against_an_article(server: Server) -> None:
    text = "The council approved a $12 million budget on Tuesday, the mayor said.\n"
    statements = ["The mayor said the council approved a $12 million budget.", "The council rejected the budget."]
    answer = httpx.post(f"{server.url}/v1/check", json={"text": text, "statements": statements}, timeout=60)
    assert answer.status_code == 200, answer.text
    results = answer.json()["statements"]
    assert [r["supported"] for r in results] == [True, False] and results[0]["sources"] == ["S1"]
    assert results[1]["problems"]
    empty = httpx.post(f"{server.url}/v1/check", json={"text": text, "statements": []}, timeout=60)
    assert empty.status_code == 422 and "error" in empty.json()


# --- security ------------------------------------------------------------------------------------------


def test_token_required_except_for_health(guarded: Server) -> None:
    assert submit(guarded, {"text": article(6)}).status_code == 401
    wrong = submit(guarded, {"text": article(6)}, headers={"Authorization": "Bearer wrong"})
    assert wrong.status_code == 401 and wrong.json()["error"]["code"] == "unauthorized"
    assert httpx.get(f"{guarded.url}/v1/reports").status_code == 401
    page = httpx.get(guarded.url + "/")
    assert page.status_code == 401 and 'action="/login"' in page.text
    assert httpx.get(f"{guarded.url}/healthz").status_code == 200
    assert httpx.get(f"{guarded.url}/readyz").status_code == 200
    with httpx.Client(base_url=guarded.url) as browser:  # the page's login form sets a cookie
        assert browser.post("/login", data={"token": "wrong"}).status_code == 401
        assert browser.post("/login", data={"token": TOKEN}).status_code == 303
        assert TOKEN not in str(browser.cookies.jar)
        assert browser.get("/").status_code == 200 and browser.get("/v1/reports").status_code == 200
    assert TOKEN not in (guarded.folder / "server.log").read_text()


def test_cors_only_for_the_origins_given(server: Server, guarded: Server) -> None:
    preflight = {"Origin": "https://cms.example.org", "Access-Control-Request-Method": "POST",
                 "Access-Control-Request-Headers": "authorization, content-type"}
    allowed = httpx.options(f"{guarded.url}/v1/reports", headers=preflight)
    assert allowed.status_code == 200 and allowed.headers["access-control-allow-origin"] == "https://cms.example.org"
    other = httpx.options(f"{guarded.url}/v1/reports", headers={**preflight, "Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in other.headers
    off = httpx.get(f"{server.url}/v1/reports", headers={"Origin": "https://cms.example.org"})
    assert "access-control-allow-origin" not in off.headers


def test_article_urls_fetched_by_the_workers(guarded: Server) -> None:
    class Pages(QuietHandler):
        def do_GET(self) -> None:
            if self.path != "/story":
                self.send_error(404)
                return
            page = (
                "<html><head><title>Harbour reopens</title></head><body><article><h1>Harbour reopens</h1>"
                "<p>The harbour reopened on Tuesday after a three-week closure, the port authority said.</p>"
                "<p>Shipping firms said the delays had cost them about 2 million euros.</p></article></body></html>"
            ).encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(page)))
            self.end_headers()
            self.wfile.write(page)

    from .loopback import serve

    auth = {"Authorization": f"Bearer {TOKEN}"}
    with serve(Pages) as port:
        found = submit(guarded, {"url": f"http://127.0.0.1:{port}/story"}, headers=auth).json()
        missing = submit(guarded, {"url": f"http://127.0.0.1:{port}/gone"}, headers=auth).json()
        done = wait_done(guarded, found["id"], headers=auth)
        failed = wait_done(guarded, missing["id"], headers=auth)
    assert done["status"] == "done" and "harbour reopened" in done["report"]["article"]["text"]
    assert failed["status"] == "failed" and failed["error"]["code"] == "fetch_error" and "404" in failed["error"]["message"]


def test_callback_then_rate_limit(guarded: Server) -> None:
    received: list[dict] = []
    arrived = threading.Event()

    attempts: list[float] = []

    class Hook(QuietHandler):
        def do_POST(self) -> None:  # the first attempt fails: the callback is tried again after a pause
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            attempts.append(time.monotonic())
            self.send_response(503 if len(attempts) == 1 else 204)
            self.end_headers()
            if len(attempts) > 1:
                received.append(body)
                arrived.set()

    listener = ThreadingHTTPServer(("127.0.0.1", 0), Hook)
    threading.Thread(target=listener.serve_forever, daemon=True).start()
    auth = {"Authorization": f"Bearer {TOKEN}"}
    try:
        hook = f"http://127.0.0.1:{listener.server_port}/hook"
        job = submit(guarded, {"text": article(7), "callback_url": hook}, headers=auth).json()
        assert arrived.wait(60), "no callback"
        assert received == [{"id": job["id"], "status": "done", "links": job["links"]}]
        assert attempts[1] - attempts[0] >= 0.9  # backoff
        deadline = time.monotonic() + 10
        while not wait_done(guarded, job["id"], headers=auth)["callback"].startswith("delivered"):
            assert time.monotonic() < deadline, "the delivery was not recorded"
            time.sleep(0.05)
    finally:
        listener.shutdown()
        listener.server_close()
    # 5 a minute: the URL test and the callback spent 3; two more pass (one more if the bucket refilled).
    codes = [submit(guarded, {"text": article(8 + i)}, headers=auth) for i in range(5)]
    statuses = [c.status_code for c in codes]
    assert 429 in statuses and statuses.index(429) in (2, 3), statuses
    limited = codes[statuses.index(429)]
    assert limited.json()["error"]["code"] == "too_many_requests"
    assert 1 <= int(limited.headers["Retry-After"]) <= 60


def test_other_hosts_need_a_token(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "factcheck", "serve", "--host", "0.0.0.0", "--state", str(tmp_path / "s.sqlite3")],
        cwd=ROOT, capture_output=True, text=True, timeout=60, env={**os.environ, "FACTCHECK_CONFIG": str(tmp_path / "none.toml")},
    )
    assert result.returncode == 11 and "token" in result.stderr and "Traceback" not in result.stderr


# --- restarts ------------------------------------------------------------------------------------------


def test_kill_9_mid_job_then_restart_completes_it(tmp_path: Path) -> None:
    slow = make_server(tmp_path, "--workers", "1", delay=0.1).start()
    try:
        first = submit(slow, {"text": article(20)}).json()
        queued = submit(slow, {"text": article(21)}).json()
        deadline = time.monotonic() + 60
        while not slow.calls() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert httpx.get(slow.url + first["links"]["self"]).json()["status"] == "running"
        (killed,) = slow.worker_pids()
        if sys.platform.startswith("linux"):
            assert server_of(killed) == slow.process.pid  # the server's worker process
        slow.process.kill()  # kill -9: no drain, no release
        slow.process.wait(timeout=10)
        assert gone(killed), "the killed server's worker process is still at work"
        slow.start()  # the restarted server takes the running job back, then the pending one
        for job in (first, queued):
            assert wait_done(slow, job["id"])["status"] == "done"
        by_article = slow.calls()
        assert len(by_article) == 2
        interrupted = [set(pids) for pids in by_article.values() if killed in pids]
        (restarted,) = slow.worker_pids() - {killed}
        assert interrupted == [{killed, restarted}], by_article  # begun by the killed one, finished after
    finally:
        slow.stop()


def test_a_worker_process_that_dies_alone_is_started_again_a_bounded_number_of_times(tmp_path: Path) -> None:
    """A worker process killed alone (kill -9) is forked again by the server's supervising process, which the
    server logs, and the jobs go on. One that keeps dying is started again MAX_RESTARTS times, then no more:
    the server says so (503 on /readyz, a JSON error for a part) instead of queueing work nobody does
    unnoticed, and jobs submitted meanwhile wait in the state."""
    from factcheck.serve.jobs import MAX_RESTARTS

    running = make_server(tmp_path).start()
    try:
        assert httpx.get(f"{running.url}/readyz").status_code == 200
        done = submit(running, {"text": article(24)}).json()
        assert wait_done(running, done["id"])["status"] == "done"
        (worker,) = running.worker_pids()
        supervisor = parent_of(worker)
        assert parent_of(supervisor) == running.process.pid
        os.kill(worker, signal.SIGKILL)
        assert gone(worker)
        after = submit(running, {"text": article(25)}).json()
        assert wait_done(running, after["id"])["status"] == "done"
        (restarted,) = running.worker_pids() - {worker}
        assert parent_of(restarted) == supervisor
        assert httpx.get(f"{running.url}/readyz").status_code == 200
        assert f"started again (1 of at most {MAX_RESTARTS}" in (tmp_path / "server.log").read_text()

        current = restarted
        for _ in range(MAX_RESTARTS):  # the last kill is one too many
            os.kill(current, signal.SIGKILL)
            assert gone(current)
            deadline = time.monotonic() + 30
            while not (children := children_of(supervisor) - {current}) and alive(supervisor):
                assert time.monotonic() < deadline, "no new worker process, and the supervisor still lives"
                time.sleep(0.05)
            if children:
                (current,) = children
        assert gone(supervisor), "started again more than MAX_RESTARTS times"
        deadline = time.monotonic() + 10
        while (ready := httpx.get(f"{running.url}/readyz")).status_code == 200 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert ready.status_code == 503 and "worker process has ended" in ready.json()["error"]["message"]
        part = httpx.post(f"{running.url}/v1/claims", json={"text": article(26)}, timeout=30)
        assert part.status_code == 500 and part.json()["error"]["code"] == "worker_gone", part.text
        assert submit(running, {"text": article(27)}).status_code == 202
        assert httpx.get(running.url + done["links"]["self"]).json()["status"] == "done"  # what was done is served
    finally:
        running.stop()


def test_a_state_that_does_not_answer_fails_at_once_before_the_model_loads(tmp_path: Path) -> None:
    pytest.importorskip("psycopg")
    built = tmp_path / "model-built"
    server = make_server(tmp_path, BATCH_DOUBLE_BUILT=str(built))
    nobody = free_port()
    started = subprocess.run(
        [sys.executable, "-m", "tests.batch_double", "serve", "--port", str(server.port),
         "--state", f"postgresql://u:secret@127.0.0.1:{nobody}/db"],
        cwd=ROOT, env=server.env, capture_output=True, text=True, timeout=120,
    )
    assert started.returncode == 22, started.stderr
    (line,) = started.stderr.strip().splitlines()
    assert "cannot connect to the PostgreSQL state postgresql://u:***@127.0.0.1" in line and "secret" not in line
    assert not built.exists(), "the model was made before the state was checked"


def test_a_claim_lost_while_working_keeps_the_job_done_and_warns(tmp_path: Path, monkeypatch, caplog) -> None:
    """A worker whose claim on the article lapsed while it made the report (another run took the article):
    the job is done with the report it wrote, the article's row is left to the other run, and the log says so."""
    import sqlite3

    import factcheck.serve.jobs as jobs
    from factcheck.settings import load_settings

    from .batch_double import double_backend

    path = tmp_path / "state.sqlite3"
    real = jobs.write_atomic

    def taken_over_meanwhile(target: Path, text: str) -> None:
        with sqlite3.connect(path) as db:
            db.execute("UPDATE articles SET owner='replica-elsewhere:1:run', claimed_at=? WHERE status='running'", (time.time(),))
        db.close()
        real(target, text)

    monkeypatch.setattr(jobs, "write_atomic", taken_over_meanwhile)
    state = jobs.JobState(path)
    workers = jobs.Workers(state, settings=load_settings(), reports_dir=tmp_path / "reports", workers=1,
                           backend=double_backend(str(tmp_path / "calls.log")))
    job = state.submit({"text": article(40)}, callback_url=None)
    workers.start()
    try:
        deadline = time.monotonic() + 60
        while state.job(job.id).status not in ("done", "failed"):
            assert time.monotonic() < deadline, "the job did not end"
            time.sleep(0.05)
        final = state.job(job.id)
        assert final.status == "done" and Path(final.report_path).is_file(), final.error
        assert state.row(final.key).owner == "replica-elsewhere:1:run"  # the other run's row, untouched
        [warning] = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
        assert warning.startswith(f"job {job.id}: serve:{job.id}: the report is written but not recorded in the state"), warning
    finally:
        workers.stop(10)
        state.close()


@pytest.mark.parametrize("kind", BAD_STATES)
def test_a_sqlite_state_that_cannot_be_used_fails_at_once_before_the_model_loads(kind: str, tmp_path: Path) -> None:
    built = tmp_path / "model-built"
    server = make_server(tmp_path / "serve", BATCH_DOUBLE_BUILT=str(built))
    state = bad_state(kind, tmp_path)
    started = run_cli("serve", "--port", str(server.port), "--state", str(state), env=server.env, module="tests.batch_double")
    assert started.returncode == 22, started.stderr
    assert re.fullmatch(expected(kind, state), started.stderr), started.stderr
    assert not built.exists(), "the model was made before the state was checked"


def test_ctrl_c_to_the_process_group_drains_the_job_then_stops_every_process(tmp_path: Path) -> None:
    """A terminal's Ctrl-C signals the server and its worker process at once: the server decides the stop,
    the job in progress is finished, and no process is left."""
    import sqlite3

    running = make_server(tmp_path, "--workers", "1", delay=0.1)
    running.session = True
    running.start()
    job = submit(running, {"text": article(23)}).json()
    deadline = time.monotonic() + 60
    while not running.calls() and time.monotonic() < deadline:
        time.sleep(0.05)
    (worker,) = running.worker_pids()
    os.killpg(running.process.pid, signal.SIGINT)
    assert running.process.wait(timeout=60) in (0, 130, -signal.SIGINT), (tmp_path / "server.log").read_text()
    assert gone(worker), "the worker process outlived the server"
    with sqlite3.connect(tmp_path / "state.sqlite3") as db:
        assert db.execute("SELECT status FROM jobs WHERE id=?", (job["id"],)).fetchone() == ("done",)


# --- the page, in Debian's chromium ---------------------------------------------------------------------

from .browser import needs_chromium, screenshot  # noqa: E402


@pytest.mark.browser
@needs_chromium
def test_page_submits_watches_and_lands_on_the_report(server: Server, browser, tmp_path: Path) -> None:
    from playwright.sync_api import expect

    context = browser.new_context(viewport={"width": 1100, "height": 800})
    try:
        page = context.new_page()
        problems: list[str] = []
        page.on("pageerror", lambda e: problems.append(str(e)))
        page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        page.goto(server.url + "/")
        page.fill("#text", article(30))
        page.click("#go")
        page.wait_for_url("**/v1/reports/*.html", timeout=60_000)
        assert page.title() == "Council 30 approves schools — factcheck report"
        # A dropped (here: chosen) file goes the same way.
        story = tmp_path / "story.md"
        story.write_text(article(31), encoding="utf-8")
        page.goto(server.url + "/")
        page.set_input_files("#file", str(story))
        page.click("#go")
        page.wait_for_url("**/v1/reports/*.html", timeout=60_000)
        # The recent reports, searched by title.
        page.goto(server.url + "/")
        page.wait_for_selector("#recent li a")
        page.fill("#search", "council 31")
        expect(page.locator("#recent li")).to_have_count(1)  # polled from outside: the page's CSP forbids eval
        assert page.inner_text("#recent li a") == "Council 31 approves schools"
        screenshot(page, "serve-page")
        assert not problems, problems  # no script error, nothing the Content-Security-Policy blocked
    finally:
        context.close()


@pytest.mark.browser
@needs_chromium
def test_docs_page_works_offline_under_its_policy(server: Server, browser) -> None:
    context = browser.new_context(viewport={"width": 1100, "height": 800})
    try:
        page = context.new_page()
        problems: list[str] = []
        hosts: set[str] = set()
        page.on("pageerror", lambda e: problems.append(str(e)))
        page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        page.on("request", lambda r: hosts.add(httpx.URL(r.url).netloc.decode()) if not r.url.startswith("data:") else None)
        page.goto(server.url + "/docs")
        page.wait_for_selector("#operations-reports-submit_v1_reports_post", timeout=30_000)  # drawn from /openapi.json
        screenshot(page, "serve-docs", full_page=False)
        assert hosts == {f"127.0.0.1:{server.port}"}, hosts
        assert not problems, problems  # nothing the Content-Security-Policy blocked
    finally:
        context.close()


def test_ready_means_the_model_server_answers() -> None:
    from types import SimpleNamespace

    from factcheck.serve.app import _model_problem
    from factcheck.settings import Settings

    from .loopback import serve

    class Models(QuietHandler):
        def do_GET(self) -> None:
            self.send_response(401)  # any answer: the server is there (the key is the requests' business)
            self.end_headers()

    remote = SimpleNamespace(provider="openai")
    with serve(Models) as port:
        assert _model_problem(remote, Settings(base_url=f"http://127.0.0.1:{port}/v1")) is None
    closed = free_port()
    problem = _model_problem(remote, Settings(base_url=f"http://127.0.0.1:{closed}/v1"))
    assert problem and "does not answer" in problem
    assert _model_problem(SimpleNamespace(provider="local"), Settings()) is None


# --- PostgreSQL: two servers, one queue ----------------------------------------------------------------


def test_two_servers_on_one_postgresql_split_the_work(tmp_path: Path) -> None:
    from .postgres import postgres_url

    with postgres_url() as url:
        reports = tmp_path / "reports"  # on storage both see, as replicas on several machines would need
        extra = {"FACTCHECK_STATE": url, "PYTHONPATH": os.environ.get("PYTHONPATH", "")}
        first = make_server(tmp_path / "a", "--workers", "1", "--reports", str(reports), delay=0.05, **extra)
        second = make_server(tmp_path / "b", "--workers", "1", "--reports", str(reports), delay=0.05, **extra)
        second.log = first.log = tmp_path / "calls.log"
        first.env["BATCH_DOUBLE_LOG"] = second.env["BATCH_DOUBLE_LOG"] = str(first.log)
        first.start(), second.start()
        try:
            jobs = [submit(first, {"text": article(40 + i)}).json() for i in range(12)]  # all to one: the other takes from the queue
            for job in jobs:
                assert wait_done(first, job["id"])["status"] == "done"  # either server sees every job
            by_article = first.calls()
            assert len(by_article) == 12
            assert all(len(set(pids)) == 1 for pids in by_article.values()), "an article was done twice"
            share = Counter(pids[0] for pids in by_article.values())  # by worker process: one per server
            assert len(share) == 2 and min(share.values()) >= 3, share
            again = submit(second, {"text": article(40)})
            assert again.status_code == 200 and again.json()["status"] == "done"  # one cache for both
        finally:
            first.stop(), second.stop()


def test_batch_and_serve_share_one_postgresql_queue_and_cache(tmp_path: Path) -> None:
    from .postgres import postgres_url

    with postgres_url() as url:
        served = make_server(tmp_path / "serve", "--workers", "1", FACTCHECK_STATE=url, PYTHONPATH=os.environ.get("PYTHONPATH", ""))
        served.start()
        try:
            job = submit(served, {"text": article(60)}).json()
            assert wait_done(served, job["id"])["status"] == "done"
            inbox = tmp_path / "inbox"
            inbox.mkdir()
            for i in (60, 61):
                (inbox / f"story{i}.md").write_text(article(i), encoding="utf-8")
            done_by_serve = served.calls()
            assert len(done_by_serve) == 1
            batch = subprocess.run(
                [sys.executable, "-m", "tests.batch_double", "batch", str(inbox), "--out", str(tmp_path / "out")],
                cwd=ROOT, env={**served.env, "FACTCHECK_STATE": url}, capture_output=True, text=True, timeout=300,
            )
            assert batch.returncode == 0, batch.stderr
            assert "1 done" in batch.stderr and "1 skipped" in batch.stderr, batch.stderr
            after = served.calls()
            (nonce,) = done_by_serve
            assert after[nonce] == done_by_serve[nonce]  # the batch asked nothing about the article serve did
            assert len(after) == 2 and len(list((tmp_path / "out").glob("*.json"))) == 2  # serve's report, copied
            again = submit(served, {"text": article(61)})  # and serve answers the batch's article from the cache
            assert again.status_code == 200 and again.json()["status"] == "done"
            assert served.calls() == after
        finally:
            served.stop()


def test_kill_9_of_a_replica_elsewhere_its_job_is_taken_after_the_lease(tmp_path: Path) -> None:
    from .postgres import postgres_url

    lease = 3.0
    with postgres_url() as url:
        extra = {
            "FACTCHECK_STATE": url, "FACTCHECK_STATE_LEASE": str(lease), "PYTHONPATH": os.environ.get("PYTHONPATH", ""),
            "BATCH_DOUBLE_LOG": str(tmp_path / "calls.log"),
        }
        reports = str(tmp_path / "reports")
        elsewhere = make_server(tmp_path / "a", "--workers", "1", "--reports", reports, delay=30.0, BATCH_DOUBLE_HOST="replica-elsewhere", **extra)
        here = make_server(tmp_path / "b", "--workers", "1", "--reports", reports, **extra)
        here.log = elsewhere.log = tmp_path / "calls.log"
        elsewhere.start()
        try:
            job = submit(elsewhere, {"text": article(70)}).json()
            deadline = time.monotonic() + 60  # running: claimed elsewhere (its model calls take 30 s each)
            while httpx.get(elsewhere.url + job["links"]["self"]).json()["status"] != "running":
                assert time.monotonic() < deadline
                time.sleep(0.05)
            here.start()
            time.sleep(2 * lease)  # alive elsewhere: its heartbeat keeps the job its own
            status = httpx.get(here.url + job["links"]["self"]).json()["status"]
            assert status == "running" and not here.calls(), (status, here.calls())
            elsewhere.process.kill()  # kill -9: nothing given back, no more heartbeats
            killed_at = time.monotonic()
            # The model is asked by here's worker process, a child of its server (elsewhere logs nothing: killed in its delay).
            while here.process.pid not in {server_of(pid) for pid in here.worker_pids() if alive(pid)}:
                assert time.monotonic() - killed_at < lease + lease / 3 + 15, "the dead replica's job was not taken"
                time.sleep(0.05)
            taken_after = time.monotonic() - killed_at
            assert taken_after > lease / 2, taken_after  # not at once: the lease decided, not a pid
            assert wait_done(here, job["id"])["status"] == "done"
        finally:
            elsewhere.stop(), here.stop()

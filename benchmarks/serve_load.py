"""How does `factcheck serve` hold up under 32 concurrent clients submitting 200 articles?

Starts benchmarks/batch_throughput.py's OpenAI-compatible stub (recorded answers of llama.cpp's
server, each after 300 ms) in a process of its own, as a model server is, and `factcheck serve` as a
child process on loopback (SQLite state, --workers 16, no rate limit), then 32 client threads submit
200 distinct articles (the batch benchmark's corpus, as `text` with front matter) and poll each one's
`GET /v1/reports/{id}` until it is done (a poll's latency: from the request to the response read,
its JSON decoded after). Printed side by side, from one run:

- all 200 done, none failed or lost, and the model calls the stub served against the sum of the
  calls each article's report accounts for in the state (equal: no duplicate model work);
- `GET /v1/reports/{id}` latency while the workers run (p50, p95; target p95 <= 50 ms) against the
  same requests on the idle server afterwards;
- the same 200 submitted again: answered from the cache, model calls (target 0) and wall time.

- two serve processes on one PostgreSQL (Debian's, started on loopback as the tests do; skipped, with
  the reason, without it or psycopg), the clients alternating between them: the jobs each process
  did (target: each at least a third) and the model calls against the calls the reports account for.

Usage: python benchmarks/serve_load.py [--articles 200] [--clients 32] [--workers 16]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from batch_throughput import MODEL, RECORDINGS, SETTINGS, Recordings, Stub, texts  # noqa: E402


class StubProcess:
    """batch_throughput's Stub, in a forked process: its threads do not take the clients' GIL, so the
    clients time the server, not the stub's JSON work."""

    def __init__(self) -> None:
        context = multiprocessing.get_context("fork")
        self._conn, theirs = context.Pipe()
        self.process = context.Process(target=self._serve, args=(theirs,), daemon=True)
        self.process.start()
        self.url = self._conn.recv()

    @staticmethod
    def _serve(conn) -> None:
        stub = Stub(Recordings(json.loads(RECORDINGS.read_text(encoding="utf-8"))))
        conn.send(stub.url)
        while True:
            try:
                name = conn.recv()
            except EOFError:
                return
            conn.send(getattr(stub, name))

    def _ask(self, name: str) -> int:
        self._conn.send(name)
        return self._conn.recv()

    @property
    def calls(self) -> int:
        return self._ask("calls")

    @property
    def misses(self) -> int:
        return self._ask("misses")


def corpus(count: int) -> list[str]:
    pool = texts()
    return [
        f"---\ntitle: Erdogan and Rutte, part {n % len(pool) + 1}\npublished: 2025-05-13\nurl: https://news.invalid/story/{n}\n---\n"
        + pool[n % len(pool)]
        for n in range(count)
    ]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(stub: StubProcess, work: Path, workers: int, state: str | None = None) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("FACTCHECK_", "OPENAI_"))},
        **SETTINGS,
        "FACTCHECK_CONFIG": str(work / "no-config.toml"),
        "OPENAI_BASE_URL": stub.url,
        "OPENAI_API_KEY": "bench",
        "FACTCHECK_MODEL": MODEL,
        "FACTCHECK_STATE": state or str(work / "state.sqlite3"),
    }
    command = [sys.executable, "-m", "factcheck", "serve", "--port", str(port), "--workers", str(workers), "--rate-limit", "0",
               "--reports", str(work / "reports")]
    work.mkdir(parents=True, exist_ok=True)
    log = open(work / f"server-{port}.log", "wb")
    server = subprocess.Popen(command, env=env, stdout=log, stderr=log, cwd=Path(__file__).resolve().parent.parent)
    url = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                return server, url
        except httpx.HTTPError:
            time.sleep(0.1)
    server.kill()
    raise SystemExit("the server did not start: see " + str(work / "server.log"))


def run_clients(url: str | list[str], articles: list[str], clients: int) -> dict:
    """Each client submits its share and polls each of its jobs to the end; latencies of the polls."""
    latencies: list[float] = []
    statuses: dict[str, str] = {}
    lock = threading.Lock()

    urls = [url] if isinstance(url, str) else url

    def client(n: int) -> None:
        share = articles[n::clients]
        with httpx.Client(base_url=urls[n % len(urls)], timeout=60) as http:
            for text in share:
                job = http.post("/v1/reports", json={"text": text}).json()
                while True:
                    started = time.perf_counter()
                    response = http.get(f"/v1/reports/{job['id']}")
                    elapsed = time.perf_counter() - started
                    data = response.json()
                    with lock:
                        latencies.append(elapsed)
                    if data["status"] in ("done", "failed"):
                        with lock:
                            statuses[job["id"]] = data["status"]
                        break
                    time.sleep(0.1)

    started = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        list(pool.map(client, range(clients)))
    return {"wall": time.perf_counter() - started, "latencies": latencies, "statuses": statuses}


def idle_latencies(url: str, ids: list[str]) -> list[float]:
    found = []
    with httpx.Client(base_url=url) as http:
        for job_id in ids:
            started = time.perf_counter()
            http.get(f"/v1/reports/{job_id}")
            found.append(time.perf_counter() - started)
    return found


def two_servers_on_postgres(stub: StubProcess, articles: list[str], clients: int, workers: int, work: Path) -> dict | str:
    """Two serve processes, one PostgreSQL; what each did. A string: why it could not run."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    import pytest

    from tests.postgres import postgres_url

    try:
        with postgres_url() as url:
            servers = [start_server(stub, work, workers, state=url) for _ in range(2)]
            try:
                before = stub.calls
                run = run_clients([u for _, u in servers], articles, clients)
                calls = stub.calls - before
            finally:
                for server, _ in servers:
                    server.terminate()
                    server.wait(timeout=60)
            import psycopg

            with psycopg.connect(url) as db:  # the owner of a job: the worker process (host:pid:run) of the server that did it
                by_owner = db.execute("SELECT owner, count(*) FROM jobs WHERE status='done' GROUP BY 1 ORDER BY 2 DESC").fetchall()
                accounted, rows = db.execute("SELECT sum(calls), count(*) FROM articles WHERE status='done'").fetchone()
            return {"run": run, "calls": calls, "accounted": accounted, "rows": rows, "shares": [count for _, count in by_owner]}
    except pytest.skip.Exception as exc:
        return str(exc)


def p(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100)[q - 1] * 1000 if len(values) > 1 else values[0] * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--workers", type=int, default=16)
    args = parser.parse_args()
    load_average = os.getloadavg()[0]  # the machine's other work, for reading the latencies
    stub = StubProcess()
    articles = corpus(args.articles)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        server, url = start_server(stub, work, args.workers)
        try:
            load = run_clients(url, articles, args.clients)
            calls = stub.calls
            idle = idle_latencies(url, list(load["statuses"]))
            before = stub.calls
            again = run_clients(url, articles, args.clients)
            cached_calls = stub.calls - before
        finally:
            server.terminate()
            server.wait(timeout=60)
        # Other URLs (their key), so that PostgreSQL's servers find nothing done.
        shared = two_servers_on_postgres(
            stub, [a.replace("news.invalid/story/", "news.invalid/pg/") for a in articles], args.clients, args.workers // 2, work / "pg"
        )
        import sqlite3

        with sqlite3.connect(work / "state.sqlite3") as db:
            accounted, rows = db.execute("SELECT sum(calls), count(*) FROM articles WHERE status='done'").fetchone()
    done = sum(1 for s in load["statuses"].values() if s == "done")
    failed = sum(1 for s in load["statuses"].values() if s == "failed")
    print(f"stub server: {300} ms per answer; {stub.misses} requests without a recorded answer; "
          f"load average {load_average:.1f} at the start on {os.cpu_count()} cores")
    print(f"{args.articles} articles, {args.clients} clients, {args.workers} workers, SQLite state")
    print(f"  done {done} of {args.articles}, failed {failed}, lost {args.articles - done - failed}")
    print(f"  model calls: {calls} served by the stub, {accounted} accounted for by the {rows} articles done in the state")
    print(f"  wall time: {load['wall']:.1f} s")
    print(f"  GET /v1/reports/{{id}} under load: p50 {p(load['latencies'], 50):.1f} ms, p95 {p(load['latencies'], 95):.1f} ms "
          f"({len(load['latencies'])} requests) | idle: p50 {p(idle, 50):.1f} ms, p95 {p(idle, 95):.1f} ms; "
          f"ratio p95 {p(load['latencies'], 95) / p(idle, 95):.1f}x")
    print(f"  the same {args.articles} again: {cached_calls} model calls, {again['wall']:.2f} s, "
          f"{sum(1 for s in again['statuses'].values() if s == 'done')} done")
    if isinstance(shared, str):
        print(f"two servers on one PostgreSQL: skipped ({shared})")
        return
    statuses = list(shared["run"]["statuses"].values())
    print(f"two servers on one PostgreSQL, {args.workers // 2} workers each, the clients alternating between them:")
    print(f"  done {statuses.count('done')} of {args.articles}, failed {statuses.count('failed')}; jobs done by each: "
          f"{' and '.join(map(str, shared['shares']))} (target: two, each >= {args.articles // 3})")
    print(f"  model calls: {shared['calls']} served, {shared['accounted']} accounted for by the {shared['rows']} articles done; "
          f"wall time {shared['run']['wall']:.1f} s")


if __name__ == "__main__":
    main()

"""How fast does `factcheck batch` go through 200 articles on a server, and what does it cost per article?

Starts an OpenAI-compatible stub server on loopback that answers every request with a recorded
answer of llama.cpp's server running the bundled model (benchmarks/data/batch_recordings.json),
after a fixed latency (300 ms), and runs `factcheck batch` as a child process (the command as a user
runs it) over generated article files. Printed side by side, from one run:

- wall time of 200 articles at --concurrency 1 and at --concurrency 16, and the speed-up.
  Target >= 12x.
- CPU time of the batch process per article, beyond the CPU of starting a batch over nothing
  (imports, settings, state). All of it is outside the model calls, which the server serves.
  Target < 20 ms.
- a second run over the same 200: model calls (target 0) and wall time (target < 2 s).
- peak memory of the batch process with 200 and with 1,000 articles. Target: flat, < 300 MB.

Articles and settings, chosen so that it finishes in minutes on 2 cores: the 200 articles are 7
short texts (pairs of paragraphs of the seed article, 1-3 sentences each), each repeated under
distinct URLs in its front matter, so 200 distinct article keys whose requests have recorded
answers. Each article asks for 1 summary sentence, 1 claim sentence and 1 timeline date, with at
most 1 re-ask (plus the claims' rating step when the pipeline has one): about 7 model calls per
article (printed), so about 2 s of latency per article at concurrency 1 and 7.5 minutes for 200.

Usage:
  python benchmarks/batch_throughput.py             # the measurements (about 11 minutes)
  python benchmarks/batch_throughput.py --record    # re-record the answers from llama.cpp's server
"""

from __future__ import annotations

import argparse
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_0cbe40a24dcadabf.md"
RECORDINGS = ROOT / "benchmarks" / "data" / "batch_recordings.json"
LATENCY = 0.3
MODEL = "smollm2-135m"
LLAMA_PORT = 18792  # 18790: tests/test_batch.py; 18791: the injection cassettes
SETTINGS = {
    "FACTCHECK_SUMMARY_SENTENCES": "1",
    "FACTCHECK_MAX_CLAIMS": "1",
    "FACTCHECK_MAX_EVENTS": "1",
    "FACTCHECK_MAX_REASKS": "1",
}
# The fence's nonce is the article text's hash: the same sentence in another article, same answer.
_NONCE = re.compile(r"(</?[a-z]+-)[0-9a-f]{12}>")


def request_key(messages: list[dict]) -> tuple[str, int]:
    """A request is looked up by its question (the first user message: the fenced sentence and the
    task, nonce normalised) and its attempt (answers already in the conversation). The wording of a
    re-ask, which follows the checks as they change, is left out."""
    question = next(m["content"] for m in messages if m["role"] == "user")
    return _NONCE.sub(r"\1NONCE>", question), sum(m["role"] == "assistant" for m in messages)


class Recordings:
    """The recorded answers; an attempt the recording did not reach gets the question's last
    recorded answer (a real answer of the model to that same question)."""

    def __init__(self, entries: list[dict]) -> None:
        self.entries = entries
        self.answers: dict[tuple[str, int], dict] = {}
        for entry in entries:
            self.answers[request_key(entry["messages"])] = entry["response"]

    def get(self, messages: list[dict]) -> dict | None:
        question, attempt = request_key(messages)
        for n in range(attempt, -1, -1):
            if (question, n) in self.answers:
                return self.answers[(question, n)]
        return None

    def add(self, messages: list[dict], response: dict) -> None:
        self.entries.append({"messages": messages, "response": response})
        self.answers[request_key(messages)] = response


# --- the corpus ------------------------------------------------------------------------------------


def texts() -> list[str]:
    """Seven short articles: consecutive pairs of the seed's paragraphs."""
    from factcheck.article import load_article

    seed = load_article(str(SEED))
    paragraphs = [p for p in seed.text.split("\n\n") if p.strip()]
    return ["\n\n".join(paragraphs[i : i + 2]) + "\n" for i in range(0, len(paragraphs), 2)]


def write_corpus(folder: Path, count: int) -> None:
    folder.mkdir(parents=True)
    pool = texts()
    for n in range(count):
        k = n % len(pool)
        front = f"---\ntitle: Erdogan and Rutte, part {k + 1}\npublished: 2025-05-13\nurl: https://news.invalid/story/{n}\n---\n"
        (folder / f"story{n:04d}.md").write_text(front + pool[k], encoding="utf-8")


# --- the stub server --------------------------------------------------------------------------------


class Stub:
    """Recorded answers after a fixed latency; in record mode, misses go to llama.cpp's server."""

    def __init__(self, recordings: Recordings, upstream: str | None = None) -> None:
        self.recordings = recordings
        self.upstream = upstream
        self.calls = 0
        self.misses = 0
        self.lock = threading.Lock()
        stub = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # keep-alive, as a real server
            disable_nagle_algorithm = True  # else headers and body wait 40 ms for a delayed ACK

            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                status, answer = stub.answer(body)
                data = json.dumps(answer).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/v1"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def answer(self, body: dict) -> tuple[int, dict]:
        messages = [{"role": m["role"], "content": m["content"]} for m in body["messages"]]
        with self.lock:
            self.calls += 1
            recorded = None if self.upstream else self.recordings.get(messages)
        if recorded is None and self.upstream:
            import httpx

            reply = httpx.post(f"{self.upstream}/chat/completions", json=body, timeout=300, headers={"Authorization": "Bearer bench"})
            reply.raise_for_status()
            recorded = reply.json()
            with self.lock:
                self.recordings.add(messages, recorded)
            return 200, recorded
        time.sleep(LATENCY)
        if recorded is None:
            with self.lock:
                self.misses += 1
            return 500, {"error": {"message": "no recorded answer for this request: run with --record"}}
        return 200, recorded


# --- running the batch ------------------------------------------------------------------------------


def batch(stub: Stub, corpus: Path, work: Path, concurrency: int) -> dict:
    """`factcheck batch` as a child process; its wall time, CPU time and peak memory."""
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("FACTCHECK_", "OPENAI_"))},
        **SETTINGS,
        "FACTCHECK_CONFIG": str(work / "no-config.toml"),
        "OPENAI_BASE_URL": stub.url,
        "OPENAI_API_KEY": "bench",
        "FACTCHECK_MODEL": MODEL,
    }
    cpu_file = work / "model-call-cpu.txt"
    env["BENCH_MODEL_CPU"] = str(cpu_file)
    command = [
        sys.executable, __file__, "--child", "batch", str(corpus), "--out", str(work / "out"),
        "--state", str(work / "state.sqlite3"), "--concurrency", str(concurrency), "--quiet",
    ]
    calls_before = stub.calls
    started = time.perf_counter()
    # Standard error to a file: a pipe read only at the end would fill up and block the child.
    work.mkdir(parents=True, exist_ok=True)
    with open(work / "stderr.txt", "w+", encoding="utf-8") as stderr:
        child = subprocess.Popen(command, env=env, stderr=stderr)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - started
        stderr.seek(0)
        errors = stderr.read()
    return {
        "wall": wall,
        "cpu": usage.ru_utime + usage.ru_stime,
        "model_cpu": float(cpu_file.read_text()) if cpu_file.exists() else 0.0,
        "peak_mb": usage.ru_maxrss / 1024,  # KiB on Linux
        "exit": os.waitstatus_to_exitcode(status),
        "done": len(list((work / "out").glob("*.json"))),
        "errors": errors.strip().splitlines()[-3:],
        "calls": stub.calls - calls_before,
    }


def record() -> None:
    """Ask llama.cpp's server (the bundled model, on loopback) every request of the corpus once."""
    from factcheck.local_models import bundled_model_path

    command = [
        sys.executable, "-m", "llama_cpp.server", "--model", str(bundled_model_path()), "--model_alias", MODEL,
        "--n_ctx", "4096", "--host", "127.0.0.1", "--port", str(LLAMA_PORT), "--api_key", "bench", "--verbose", "False",
    ]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ, "OMP_WAIT_POLICY": "PASSIVE"})
    try:
        for _ in range(120):
            try:
                socket.create_connection(("127.0.0.1", LLAMA_PORT), timeout=1).close()
                break
            except OSError:
                time.sleep(0.5)
        stub = Stub(Recordings([]), upstream=f"http://127.0.0.1:{LLAMA_PORT}/v1")
        with tempfile.TemporaryDirectory() as tmp:
            corpus = Path(tmp) / "corpus"
            write_corpus(corpus, len(texts()))
            run = batch(stub, corpus, Path(tmp), concurrency=1)  # one at a time: the same order every time
        if run["exit"] != 0:
            raise SystemExit(f"recording failed: {run['errors']}")
    finally:
        server.terminate()
        server.wait(timeout=30)
    RECORDINGS.parent.mkdir(parents=True, exist_ok=True)
    entries = stub.recordings.entries
    RECORDINGS.write_text(json.dumps(entries, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"recorded {len(entries)} answers of llama.cpp's server into {RECORDINGS.relative_to(ROOT)}")


def child(args: list[str]) -> None:
    """`factcheck ARGS`, counting the CPU time its threads spend inside model calls (the openai
    client and LangChain sending a request and reading the answer), written to $BENCH_MODEL_CPU.

    The counter is put in when the batch builds its backend, so that a run that needs no model
    does not import the model's libraries for the benchmark's sake either."""
    import factcheck.batch
    from factcheck.cli import app

    spent = [0.0]
    lock = threading.Lock()
    build = factcheck.batch._Job.backend

    def count_model_calls() -> None:
        from langchain_openai import ChatOpenAI

        generate = ChatOpenAI._generate
        if getattr(generate, "counted", False):
            return

        def counted(self, *a, **k):
            started = time.thread_time()
            try:
                return generate(self, *a, **k)
            finally:
                with lock:
                    spent[0] += time.thread_time() - started

        counted.counted = True
        ChatOpenAI._generate = counted

    def backend(self):
        built = build(self)
        with lock:
            count_model_calls()
        return built

    factcheck.batch._Job.backend = backend
    try:
        app(args, prog_name="factcheck")
    finally:
        Path(os.environ["BENCH_MODEL_CPU"]).write_text(f"{spent[0]:.6f}\n")


def main() -> None:
    if sys.argv[1:2] == ["--child"]:
        child(sys.argv[2:])
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--record", action="store_true", help="re-record the answers from llama.cpp's server")
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--memory-articles", type=int, default=1000)
    args = parser.parse_args()
    if args.record:
        record()
        return

    stub = Stub(Recordings(json.loads(RECORDINGS.read_text(encoding="utf-8"))))
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        write_corpus(tmp / "corpus", args.articles)
        write_corpus(tmp / "big", args.memory_articles)
        write_corpus(tmp / "one", 1)
        n = args.articles

        # One article: start-up, the model client's import and set-up, and one article's work.
        start = batch(stub, tmp / "one", tmp / "w0", 16)
        serial = batch(stub, tmp / "corpus", tmp / "w1", 1)
        parallel = batch(stub, tmp / "corpus", tmp / "w16", 16)
        again = batch(stub, tmp / "corpus", tmp / "w16", 16)
        big = batch(stub, tmp / "big", tmp / "wbig", 16)

    for name, run in [("start-up", start), ("c=1", serial), ("c=16", parallel), ("again", again), ("1000", big)]:
        if run["exit"] != 0:
            print(f"warning: the {name} run exited {run['exit']}: {run['errors']}")
    print(f"stub server: {LATENCY * 1000:.0f} ms per answer; {stub.misses} requests without a recorded answer")
    print(f"model calls per article: {serial['calls'] / n:.2f} ({serial['calls']} for {n} articles)")
    print(f"wall, {n} articles:        c=1 {serial['wall']:.1f} s   c=16 {parallel['wall']:.1f} s   "
          f"speed-up {serial['wall'] / parallel['wall']:.1f}x  (target >= 12x)")
    for label, run in [("c=1", serial), ("c=16", parallel)]:
        # Each further article's CPU: the run's, less the one-article run's (start-up included).
        beyond = (run["cpu"] - start["cpu"]) / (n - 1) * 1000
        model = (run["model_cpu"] - start["model_cpu"]) / (n - 1) * 1000
        print(f"CPU per article ({label}):    {beyond - model:.1f} ms outside the model calls (target < 20 ms), "
              f"{model:.1f} ms inside them (the client's side of {run['calls'] / n:.1f} calls), {beyond:.1f} ms in all; "
              f"start-up and the first article {start['cpu']:.2f} s")
    print(f"second run over the same {n}: {again['calls']} model calls, {again['wall']:.2f} s  (targets: 0 calls, < 2 s)")
    print(f"peak memory: {parallel['peak_mb']:.0f} MB with {n} articles, {big['peak_mb']:.0f} MB with "
          f"{args.memory_articles} (target: flat, < 300 MB); start-up alone {start['peak_mb']:.0f} MB")


if __name__ == "__main__":
    main()

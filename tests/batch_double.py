"""A test double for the chat model of batch runs, usable in-process and in a real subprocess.

It answers every step by restating the fenced sentence (tests/test_long_article.py's EchoModel),
after an optional delay, and appends the article's nonce (its text hash prefix) and the process id
to a log file for every call, so tests can count the model calls per article across processes.
With BATCH_DOUBLE_BARRIER=DIR:N, a process's first call waits until N processes have made theirs,
so that runs started together overlap however late the machine lets each one start. With
BATCH_DOUBLE_HOST=NAME, the process claims work as a process of another machine would (its pid
cannot be looked at: only its lease tells whether it lives). With BATCH_DOUBLE_BUILT=FILE, making the
backend (loading the model, for the real one) touches FILE.

    python -m tests.batch_double batch SOURCE... --out DIR --state DB    # factcheck's CLI, on the double
"""

from __future__ import annotations

import os
import re
import sys
import time
from pathlib import Path

from factcheck.llm import Backend

from .test_long_article import EchoModel


class LoggingEcho(EchoModel):
    log: str | None = None
    delay: float = 0.0
    barrier: str | None = None

    def _generate(self, messages, stop=None, run_manager=None, **kwargs):
        prompt = "\n".join(str(m.content) for m in messages)
        nonce = re.search(r"<sentence-(\w+)>", prompt).group(1)
        if self.barrier:
            wait_for_the_others(self.barrier)
        if self.delay:
            time.sleep(self.delay)
        if self.log:
            with open(self.log, "a", encoding="utf-8") as handle:
                handle.write(f"{nonce} {os.getpid()}\n")
        return super()._generate(messages, stop=stop, run_manager=run_manager, **kwargs)


_PASSED: set[str] = set()  # the barriers this process is past


def wait_for_the_others(barrier: str, timeout: float = 60) -> None:
    """Once per process: a run whose partner died early (its error is in the partner's output) waits
    `timeout` once, then works alone, rather than at every call (10 articles: 10 minutes, a 'hang')."""
    if barrier in _PASSED:
        return
    folder, parties = barrier.rsplit(":", 1)
    Path(folder, str(os.getpid())).touch()
    deadline = time.monotonic() + timeout
    while len(os.listdir(folder)) < int(parties) and time.monotonic() < deadline:
        time.sleep(0.01)
    _PASSED.add(barrier)


def double_backend(log: str | None = None, delay: float = 0.0, barrier: str | None = None) -> Backend:
    echo = LoggingEcho(sizes=[], log=log, delay=delay, barrier=barrier)
    return Backend(echo, "test", "echo", "json_object", concurrency=4)


def calls_by_article(log) -> dict[str, list[int]]:
    """nonce -> the pids of the processes that asked the model about that article."""
    found: dict[str, list[int]] = {}
    if not os.path.exists(log):
        return found
    for line in open(log, encoding="utf-8").read().splitlines():
        nonce, pid = line.split()
        found.setdefault(nonce, []).append(int(pid))
    return found


def main() -> None:
    import factcheck.llama_loading
    import factcheck.llm
    from factcheck.cli import app

    log = os.environ["BATCH_DOUBLE_LOG"]
    delay = float(os.environ.get("BATCH_DOUBLE_DELAY", "0"))
    barrier = os.environ.get("BATCH_DOUBLE_BARRIER")

    def build_backend(settings, loading=None):
        if built := os.environ.get("BATCH_DOUBLE_BUILT"):  # tests see whether (and when) the model was made
            Path(built).touch()
        return double_backend(log, delay, barrier)

    factcheck.llm.build_backend = build_backend
    factcheck.llama_loading.ModelLoading = lambda settings: None  # no real model loading meanwhile
    if host := os.environ.get("BATCH_DOUBLE_HOST"):  # a process on another machine, as far as the state can tell
        import factcheck.state

        factcheck.state.this_host = lambda: host
    sys.argv[0] = "factcheck"
    app()


if __name__ == "__main__":
    main()

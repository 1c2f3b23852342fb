"""llama.cpp's OpenAI-compatible server running the bundled model on loopback: what cassettes are
recorded from. Started only when recording (`--record-mode` other than none); replays need nothing."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from factcheck.llm import bundled_model_path

SERVER_KEY = "local-server-key"  # the loopback server's own key; filtered from cassettes anyway
MODEL = "smollm2-135m"


@contextmanager
def serve(port: int, *, alias: str = MODEL, api_key: str = SERVER_KEY) -> Iterator[subprocess.Popen]:
    command = [
        sys.executable, "-m", "llama_cpp.server", "--model", str(bundled_model_path()), "--model_alias", alias,
        "--n_ctx", "4096", "--host", "127.0.0.1", "--port", str(port), "--api_key", api_key, "--verbose", "False",
    ]
    env = {**os.environ, "OMP_WAIT_POLICY": "PASSIVE"}  # see LlamaCppChat.llama()
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError("llama.cpp server did not start") from None
                time.sleep(0.5)
        yield server
    finally:
        server.terminate()
        server.wait(timeout=30)


@contextmanager
def serve_when_recording(request: pytest.FixtureRequest, port: int) -> Iterator[subprocess.Popen | None]:
    if request.config.getoption("--record-mode") == "none":
        yield None
        return
    with serve(port) as server:
        yield server

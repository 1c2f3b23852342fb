"""llama.cpp's OpenAI-compatible server on loopback: what cassettes are recorded from. Started only
when recording (`--record-mode` other than none); replays need nothing.

It runs the bundled SmolLM2, or Qwen2.5-Coder-1.5B-Instruct (the `qwen` extra) when
FACTCHECK_TEST_SERVER_MODEL=qwen, so that the server path (paraphrase, ranking) is recorded from a
model that follows instructions. The model's alias is in every recorded request, so a replay must make
the same choice as its recording: RECORDED_WITH is the choice the cassettes in the repository hold.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from factcheck.local_models import LocalModelName, local_model_path

SERVER_KEY = "local-server-key"  # the loopback server's own key; filtered from cassettes anyway
# FACTCHECK_TEST_SERVER_MODEL: (the local model served, the alias the tests send as the model name)
SERVER_MODELS: dict[str, tuple[LocalModelName, str]] = {
    "smollm2": ("smollm2", "smollm2-135m"),
    "qwen": ("qwen2.5-coder-1.5b", "qwen2.5-coder-1.5b"),
}
RECORDED_WITH = "smollm2"
CHOICE = os.environ.get("FACTCHECK_TEST_SERVER_MODEL", RECORDED_WITH)
if CHOICE not in SERVER_MODELS:
    raise pytest.UsageError(f"FACTCHECK_TEST_SERVER_MODEL={CHOICE!r}: one of {', '.join(SERVER_MODELS)}")
LOCAL_MODEL, MODEL = SERVER_MODELS[CHOICE]


@contextmanager
def serve(port: int, *, alias: str = MODEL, api_key: str = SERVER_KEY, model: Path | None = None) -> Iterator[subprocess.Popen]:
    """The server on loopback, running `model` (a GGUF file; default: the FACTCHECK_TEST_SERVER_MODEL choice)."""
    command = [
        sys.executable, "-m", "llama_cpp.server", "--model", str(model or local_model_path(LOCAL_MODEL)), "--model_alias", alias,
        "--n_ctx", "4096", "--host", "127.0.0.1", "--port", str(port), "--api_key", api_key, "--verbose", "False",
    ]
    env = {**os.environ, "OMP_WAIT_POLICY": "PASSIVE"}  # see LlamaCppChat.llama()
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    try:
        deadline = time.monotonic() + 120  # Qwen's 1.1 GB loads in tens of seconds on a busy machine
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

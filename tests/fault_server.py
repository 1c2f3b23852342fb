"""A misbehaving OpenAI-compatible server on loopback, for the fault and secrets tests.

Each test registers a run with a scenario (`server.base_url("503")`) and points the CLI at the
base URL it gets back (`http://127.0.0.1:PORT/<run>/v1`); the server logs every attempt per run,
with its arrival time, so tests can count attempts and measure the waits between them.

Valid answers are never written here: they are the recorded responses of llama.cpp's server in
`cassettes/` (test_openai_compatible first), looked up by the request. Broken answers are derived from a
recorded one (its envelope with the content removed, cut, wrapped or given extra fields).
"""

from __future__ import annotations

import json
import socket
import struct
import sys
import threading
import time
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from . import cassette_format

RECORDINGS = Path(__file__).resolve().parent.parent / "cassettes"

# Scenario names, as the tests use them.
SCENARIOS = (
    "ok",  # the recorded answer
    "429",  # rate limited, no Retry-After
    "429-retry-after",  # rate limited, Retry-After: 1
    "500",
    "502",
    "503",
    "401",  # the key is refused; the error body echoes the Authorization header, as a careless server might
    "400",  # the request is refused, the error body echoing the Authorization header too
    "fail-then-ok",  # 503 for the first `failures` attempts of the run, then the recorded answers
    "reset",  # the connection is reset (TCP RST) after the request is read
    "hang",  # reads the request and never answers
    "truncated",  # Content-Length promises the whole body; half of it arrives, then the connection closes
    "invalid-json",  # HTTP 200, a body that is not JSON (the recorded body without its last brace)
    "schema",  # the recorded answer wrapped in a list: valid JSON that fails the schema
    "bad-ids",  # the recorded answer citing sentence ids the article does not have
    "empty",  # an empty completion
    "drip",  # the recorded body, one byte every 0.2 s: each read is quick, the whole takes minutes
)
# GET <base_url>/article: an article page, whole ("ok") or dripped ("drip"), for the article fetcher.
ARTICLE_PAGE = (
    b"<!doctype html><html><head><title>Council vote</title></head><body><article>"
    b"<p>The city council approved the budget on Monday, the mayor said.</p>"
    b"<p>Opponents said taxes would rise by 4 percent next year.</p></article></body></html>"
)


def _key(body: dict) -> str:
    return json.dumps(body, sort_keys=True)


def _question(body: dict) -> str:
    """The system prompt and the first question: what a re-ask of the same step shares."""
    return json.dumps(body.get("messages", [])[:2], sort_keys=True)


def _output_type(body: dict) -> str:
    return str(body.get("response_format", {}).get("schema", {}).get("title"))


def _json_object(response: str) -> dict | None:
    """The answer's content as a JSON object, or None (a recorded answer cut off at its token limit)."""
    try:
        content = json.loads(json.loads(response)["choices"][0]["message"]["content"])
    except (json.JSONDecodeError, KeyError, IndexError, TypeError):
        return None
    return content if isinstance(content, dict) else None


class Recordings:
    """Recorded 200 responses: by exact request; else by question (a re-ask nobody recorded); else,
    for a question the recordings do not hold (the code asks differently since they were made), the
    first well-formed recorded answer of the same output type, or any: enough for the faults derived
    from it."""

    def __init__(self, folder: Path = RECORDINGS) -> None:
        self.exact: dict[str, str] = {}
        self.by_question: dict[str, str] = {}
        self.by_output_type: dict[str, str] = {}
        paths = sorted(folder.rglob("*.yaml"), key=lambda p: (p.parent.name != "test_openai_compatible", str(p)))
        for path in paths:
            for interaction in cassette_format.deserialize(path.read_text(encoding="utf-8"))["interactions"]:
                request = interaction["request"]
                if interaction["response"]["status"]["code"] != 200 or not request["uri"].endswith("/chat/completions"):
                    continue
                request = json.loads(request["body"])
                response = interaction["response"]["body"]["string"]
                self.exact.setdefault(_key(request), response)
                self.by_question.setdefault(_question(request), response)
                if _json_object(response) is not None:
                    self.by_output_type.setdefault(_output_type(request), response)

    def answer(self, request: dict, *, exact: bool = False, well_formed: bool = False) -> str | None:
        found = self.exact.get(_key(request)) or self.by_question.get(_question(request))
        if exact or (found and not (well_formed and _json_object(found) is None)):
            return found
        return self.by_output_type.get(_output_type(request)) or next(iter(self.by_output_type.values()), None)


@dataclass
class Attempt:
    at: float  # time.monotonic() when the request had been read
    body: dict
    authorization: str | None  # what the client sent, to show a test that a key was there to leak


@dataclass
class Run:
    scenario: str
    failures: int = 0
    attempts: list[Attempt] = field(default_factory=list)


class FaultServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.recordings = Recordings()
        self.runs: dict[str, Run] = {}
        self.lock = threading.Lock()
        self.stopping = threading.Event()

    def base_url(self, scenario: str, *, failures: int = 0) -> str:
        if scenario not in SCENARIOS:
            raise ValueError(f"unknown scenario {scenario!r}")
        run = uuid.uuid4().hex[:12]
        self.runs[run] = Run(scenario, failures)
        return f"http://127.0.0.1:{self.server_address[1]}/{run}/v1"

    def attempts(self, base_url: str) -> list[Attempt]:
        return list(self.runs[base_url.rstrip("/").split("/")[-2]].attempts)

    def handle_error(self, request, client_address) -> None:
        # A client that gave up (timeout, deadline) is the point of these scenarios; anything else
        # is a bug of this server, shown in the test's output.
        if not isinstance(sys.exc_info()[1], OSError):
            super().handle_error(request, client_address)

    def stop(self) -> None:
        self.stopping.set()
        self.shutdown()
        self.server_close()


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: FaultServer

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        parts = self.path.strip("/").split("/")
        with self.server.lock:
            run = self.server.runs.get(parts[0])
            if run is None or parts[1:] != ["v1", "article"] or run.scenario not in ("ok", "drip"):
                self._send(404, json.dumps({"error": {"message": f"no such page {self.path}"}}))
                return
            run.attempts.append(Attempt(time.monotonic(), {}, self.headers.get("Authorization")))
        if run.scenario == "drip":
            self._drip_bytes(ARTICLE_PAGE, "text/html")
        else:
            self._head(200, len(ARTICLE_PAGE), content_type="text/html")
            self.wfile.write(ARTICLE_PAGE)

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
        parts = self.path.strip("/").split("/")
        with self.server.lock:
            run = self.server.runs.get(parts[0])
            if run is None or parts[1:] != ["v1", "chat", "completions"]:
                self._send(404, json.dumps({"error": {"message": f"no such path {self.path}"}}))
                return
            run.attempts.append(Attempt(time.monotonic(), body, self.headers.get("Authorization")))
            number = len(run.attempts)
        scenario = run.scenario
        if scenario == "fail-then-ok":
            scenario = "503" if number <= run.failures else "ok"
        answer = getattr(self, "_" + scenario.replace("-", "_"), None)
        if answer is not None:
            answer(body)
        else:  # a bare status: 429, 500, 502, 503
            self._error(int(scenario), f"simulated HTTP {scenario}")

    # --- statuses -----------------------------------------------------------------------------------

    def _error(self, code: int, message: str, headers: dict[str, str] | None = None) -> None:
        self._send(code, json.dumps({"error": {"message": message, "type": "fault_injection", "code": code}}), headers)

    def _429_retry_after(self, body: dict) -> None:
        self._error(429, "rate limited: retry in 1 s", {"Retry-After": "1"})

    def _401(self, body: dict) -> None:
        self._error(401, f"Incorrect API key provided: {self.headers.get('Authorization', '')}")

    def _400(self, body: dict) -> None:
        self._error(400, f"response_format is not supported for {self.headers.get('Authorization', '')}")

    # --- answers ------------------------------------------------------------------------------------

    def _recorded(self, body: dict, *, exact: bool = False, well_formed: bool = False) -> str | None:
        recorded = self.server.recordings.answer(body, exact=exact, well_formed=well_formed)
        if recorded is None:
            self._error(500, "the fault server has no recording for this request")
        return recorded

    def _with_content(self, body: dict, change) -> None:
        """The recorded response, its message content changed by `change(content) -> content`."""
        if (recorded := self._recorded(body, well_formed=True)) is None:
            return
        data = json.loads(recorded)
        message = data["choices"][0]["message"]
        message["content"] = change(message["content"])
        self._send(200, json.dumps(data))

    def _ok(self, body: dict) -> None:
        if (recorded := self._recorded(body, exact=True)) is not None:
            self._send(200, recorded)

    def _schema(self, body: dict) -> None:
        self._with_content(body, lambda content: json.dumps([json.loads(content)]))

    def _bad_ids(self, body: dict) -> None:
        # The recorded answer, plus ids the seed article (S1..S16) does not have.
        self._with_content(body, lambda content: json.dumps({**json.loads(content), "sources": ["S98", "S99"]}))

    def _empty(self, body: dict) -> None:
        self._with_content(body, lambda content: "")

    def _invalid_json(self, body: dict) -> None:
        if (recorded := self._recorded(body)) is not None:
            self._send(200, recorded.rstrip().removesuffix("}"))

    # --- broken connections -------------------------------------------------------------------------

    def _reset(self, body: dict) -> None:
        # SO_LINGER with a zero timeout: close() sends RST instead of FIN.
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.connection.close()
        self.close_connection = True

    def _hang(self, body: dict) -> None:
        self.server.stopping.wait(60)
        self.close_connection = True

    def _truncated(self, body: dict) -> None:
        if (recorded := self._recorded(body)) is None:
            return
        data = recorded.encode()
        self._head(200, len(data))
        self.wfile.write(data[: len(data) // 2])
        self.wfile.flush()
        self.close_connection = True

    def _drip(self, body: dict) -> None:
        if (recorded := self._recorded(body)) is not None:
            self._drip_bytes(recorded.encode())

    def _drip_bytes(self, data: bytes, content_type: str = "application/json") -> None:
        self._head(200, len(data), content_type=content_type)
        for i in range(len(data)):
            if self.server.stopping.wait(0.2):
                break
            self.wfile.write(data[i : i + 1])
            self.wfile.flush()
        self.close_connection = True

    # --- HTTP ---------------------------------------------------------------------------------------

    def _head(self, code: int, length: int, headers: dict[str, str] | None = None, content_type: str = "application/json") -> None:
        self.send_response(code)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(length))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()

    def _send(self, code: int, text: str, headers: dict[str, str] | None = None) -> None:
        data = text.encode()
        self._head(code, len(data), headers)
        self.wfile.write(data)


def start() -> FaultServer:
    server = FaultServer()
    threading.Thread(target=server.serve_forever, name="fault-server", daemon=True).start()
    return server

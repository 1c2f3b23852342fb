"""HTTP clients with a deadline for each whole attempt of a request, for model calls and article fetches.

httpx's timeouts bound each read, so a server that drips its answer a byte at a time never trips
them (measured: an answer of 500 bytes at one byte per 0.2 s held a 1 s timeout for minutes). Here
the body must be complete within `timeout` seconds of sending the request, or the attempt fails
as a read timeout, which the openai client retries and reports like any other timeout, and which
an article fetch reports as a fetch that took too long.

The model client's transport also sees every answer the openai client will retry, so it tells
the listeners of `retry_listener` how long the client is about to wait: a Retry-After of two
minutes must not look like a hang, whatever the client logs (or stops logging) about it.
"""

from __future__ import annotations

import email.utils
import functools
import hashlib
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported where used: the CLI registers a retry listener without loading an HTTP stack
    import httpx2

# What the openai client does before a retry (openai/_base_client.py): it honours a Retry-After up
# to two minutes, else backs off from 0.5 s, doubling, up to 8 s, less up to 25 % jitter.
_MAX_RETRY_AFTER = 120.0
_RETRIED_STATUSES = {408, 409, 429}

RetryListener = Callable[[float, int, int], None]  # (seconds to wait, retry number, retries allowed)
_listeners: list[RetryListener] = []


@contextmanager
def retry_listener(listener: RetryListener) -> Iterator[None]:
    """Call `listener(wait, retry, retries)` each time a model request is about to be retried."""
    _listeners.append(listener)
    try:
        yield
    finally:
        _listeners.remove(listener)


@functools.cache
def _deadline_types(http: ModuleType) -> tuple[type, type]:
    """The stream and transport wrappers for `http`: httpx (article fetches) or httpx2 (the openai
    client's), which share this API."""

    class DeadlineStream(http.SyncByteStream):
        def __init__(self, inner, request, deadline: float, seconds: float) -> None:
            self.inner, self.request, self.deadline, self.seconds = inner, request, deadline, seconds

        def __iter__(self) -> Iterator[bytes]:
            for chunk in self.inner:
                if time.monotonic() > self.deadline:
                    raise http.ReadTimeout(f"no complete answer within {self.seconds:g} s", request=self.request)
                yield chunk

        def close(self) -> None:
            self.inner.close()

    class DeadlineTransport(http.BaseTransport):
        def __init__(self, inner, seconds: float, on_response: Callable | None = None) -> None:
            self.inner, self.seconds, self.on_response = inner, seconds, on_response

        def handle_request(self, request):
            deadline = time.monotonic() + self.seconds
            response = self.inner.handle_request(request)
            if self.on_response is not None:
                self.on_response(request, response)
            response.stream = DeadlineStream(response.stream, request, deadline, self.seconds)
            return response

        def close(self) -> None:
            self.inner.close()

    return DeadlineStream, DeadlineTransport


def deadline_transport(http: ModuleType, inner, seconds: float, on_response: Callable | None = None):
    """`inner` (a transport of `http`), each attempt bounded to `seconds` in total."""
    return _deadline_types(http)[1](inner, seconds, on_response)


class _Retries:
    """Counts the retryable answers to each request, to tell the listeners which retry comes next."""

    def __init__(self, max_retries: int) -> None:
        self.max_retries = max_retries
        self.seen: dict[str, int] = {}
        self.lock = threading.Lock()

    def __call__(self, request: httpx2.Request, response: httpx2.Response) -> None:
        key = hashlib.sha256(request.method.encode() + str(request.url).encode() + request.content).hexdigest()
        with self.lock:
            if not _will_retry(response):
                self.seen.pop(key, None)
                return
            taken = self.seen.get(key, 0)
            if taken >= self.max_retries:  # the last attempt: the client gives up, no wait
                self.seen.pop(key, None)
                return
            self.seen[key] = taken + 1
        wait = _wait_before_retry(response.headers, taken)
        for listener in list(_listeners):
            listener(wait, taken + 1, self.max_retries)


def _will_retry(response: httpx2.Response) -> bool:
    retry_after = _retry_after(response.headers)
    if retry_after is not None and retry_after > _MAX_RETRY_AFTER:
        return False
    should = response.headers.get("x-should-retry")
    if should in ("true", "false"):
        return should == "true"
    return response.status_code in _RETRIED_STATUSES or response.status_code >= 500


def _wait_before_retry(headers: httpx2.Headers, taken: int) -> float:
    retry_after = _retry_after(headers)
    if retry_after is not None and 0 < retry_after <= _MAX_RETRY_AFTER:
        return retry_after
    return min(0.5 * 2.0**taken, 8.0)


def _retry_after(headers: httpx2.Headers) -> float | None:
    """Seconds from Retry-After-Ms or Retry-After (seconds or an HTTP date), None without one."""
    for name, divisor in (("retry-after-ms", 1000), ("retry-after", 1)):
        value = headers.get(name)
        if value is not None:
            try:
                return float(value) / divisor
            except ValueError:
                pass
    parsed = email.utils.parsedate_tz(headers.get("retry-after") or "")
    return float(email.utils.mktime_tz(parsed) - time.time()) if parsed else None


def deadline_http_client(timeout: float, max_retries: int = 0) -> httpx2.Client:
    """The openai client's HTTP client: its defaults, each attempt bounded to `timeout` seconds,
    and the listeners told of each retry (`max_retries`: the openai client's own setting)."""
    import httpx2
    import openai

    class DeadlineClient(openai.DefaultHttpxClient):
        # Whichever transport httpx picks for a URL (its connection pool, or a proxy from the
        # environment) is wrapped: passing `transport=` would disable env proxies.
        def _transport_for_url(self, url: httpx2.URL) -> httpx2.BaseTransport:
            return deadline_transport(httpx2, super()._transport_for_url(url), timeout, retries)

    retries = _Retries(max_retries)
    return DeadlineClient(timeout=timeout)

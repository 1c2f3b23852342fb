"""The openai client's HTTP client, with a deadline for each whole attempt of a request.

httpx's timeouts bound each read, so a server that drips its answer a byte at a time never trips
them (measured: an answer of 500 bytes at one byte per 0.2 s held a 1 s timeout for minutes). Here
the body must be complete within `timeout` seconds of sending the request, or the attempt fails
as a read timeout, which the openai client retries and reports like any other timeout.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import httpx2
import openai


class _DeadlineStream(httpx2.SyncByteStream):
    def __init__(self, inner: httpx2.SyncByteStream, request: httpx2.Request, deadline: float, seconds: float) -> None:
        self.inner, self.request, self.deadline, self.seconds = inner, request, deadline, seconds

    def __iter__(self) -> Iterator[bytes]:
        for chunk in self.inner:
            if time.monotonic() > self.deadline:
                raise httpx2.ReadTimeout(f"no complete answer within {self.seconds:g} s", request=self.request)
            yield chunk

    def close(self) -> None:
        self.inner.close()


class _DeadlineTransport(httpx2.BaseTransport):
    def __init__(self, inner: httpx2.BaseTransport, seconds: float) -> None:
        self.inner, self.seconds = inner, seconds

    def handle_request(self, request: httpx2.Request) -> httpx2.Response:
        deadline = time.monotonic() + self.seconds
        response = self.inner.handle_request(request)
        response.stream = _DeadlineStream(response.stream, request, deadline, self.seconds)
        return response


class _DeadlineClient(openai.DefaultHttpxClient):
    """The openai client's defaults. Whichever transport httpx picks for a URL (its connection pool,
    or a proxy from the environment) is wrapped: passing `transport=` would disable env proxies."""

    def __init__(self, seconds: float) -> None:
        super().__init__(timeout=seconds)
        self.seconds = seconds

    def _transport_for_url(self, url: httpx2.URL) -> httpx2.BaseTransport:
        return _DeadlineTransport(super()._transport_for_url(url), self.seconds)


def deadline_http_client(timeout: float) -> httpx2.Client:
    return _DeadlineClient(timeout)

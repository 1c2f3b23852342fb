"""Chat models and structured output.

Every provider is a chat model with LangChain's `bind(...)` and `invoke(messages)`: OpenAI and any
OpenAI-compatible server through LangChain's `ChatOpenAI`, the bundled SmolLM2 through
llama-cpp-python (`LlamaCppChat`). The pipeline only sees `StructuredAsker`, which binds the
backend's way of asking for JSON (chosen here, in one place), validates the answer, and re-asks with
the error text a bounded number of times within a budget.
"""

from __future__ import annotations

import functools
import json
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from langchain_core.messages import AIMessage, BaseMessage, HumanMessage
from pydantic import BaseModel, ValidationError

from .errors import (
    AuthenticationFailed,
    ConfigError,
    FactcheckError,
    ModelOutputError,
    ProviderUnavailable,
    RateLimited,
    ServerError,
)
from .llama_loading import ModelLoading, load_llama, local_model_file
from .models import EngineTimings, Usage
from .redact import redact
from .settings import DEFAULT_OPENAI_MODEL, Settings

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

# --- the bundled model ---------------------------------------------------------------------------


class LlamaCppChat:
    """A chat model over an in-process llama.cpp model, with the part of LangChain's chat-model
    interface the pipeline uses: `bind(**options)` and `invoke(messages)`, answering an `AIMessage`.

    Not a LangChain `BaseChatModel`: that layer (callbacks, tracing, LangSmith's run trees) costs
    about 0.4 s of CPU to import on every command and does nothing for a model in this process.
    Calls are serialised (a llama.cpp context is not thread-safe); consecutive calls that start with
    the same messages reuse llama.cpp's KV cache, so a shared article prefix is evaluated once.
    """

    def __init__(self, *, model_path: str, n_ctx: int = 4096, n_threads: int | None = None, seed: int = 0) -> None:
        self.model_path = model_path
        self.n_ctx = n_ctx
        self.n_threads = n_threads
        self.seed = seed
        self._llama: Any = None
        self._lock = threading.Lock()
        self._timings: list[EngineTimings] = []

    @property
    def timings(self) -> list[EngineTimings]:
        return list(self._timings)

    def llama(self) -> Any:
        if self._llama is None:
            self._llama = load_llama(self.model_path, n_ctx=self.n_ctx, n_threads=self.n_threads, seed=self.seed)
        return self._llama

    def loaded(self, llama: Any) -> LlamaCppChat:
        """This chat over `llama`, a model already loaded from `model_path` (factcheck/llama_loading.py)."""
        self._llama = llama
        return self

    def bind(self, **options: Any) -> _BoundLlamaCppChat:
        """This model with call options (response_format, temperature, max_tokens), as LangChain's bind."""
        return _BoundLlamaCppChat(self, options)

    def invoke(self, messages: Sequence[BaseMessage], **options: Any) -> AIMessage:
        import llama_cpp

        llama = self.llama()
        with self._lock:
            llama_cpp.llama_perf_context_reset(llama.ctx)
            try:
                out = llama.create_chat_completion(
                    messages=[_to_openai_message(m) for m in messages],
                    response_format=options.get("response_format"),
                    temperature=options.get("temperature", 0.0),
                    max_tokens=options.get("max_tokens", 256),
                    seed=self.seed,
                    stop=options.get("stop"),
                )
            except ValueError as exc:  # llama.cpp's "Requested tokens exceed context window"
                raise ModelOutputError(f"local model: {exc}") from exc
            perf = llama_cpp.llama_perf_context(llama.ctx)
            self._timings.append(
                EngineTimings(
                    prompt_eval_tokens=perf.n_p_eval,
                    prompt_eval_ms=perf.t_p_eval_ms,
                    generated_tokens=perf.n_eval,
                    generation_ms=perf.t_eval_ms,
                )
            )
        usage = out.get("usage") or {}
        return AIMessage(
            content=out["choices"][0]["message"].get("content") or "",
            usage_metadata={
                "input_tokens": usage.get("prompt_tokens", 0),
                "output_tokens": usage.get("completion_tokens", 0),
                "total_tokens": usage.get("total_tokens", 0),
            },
            response_metadata={"finish_reason": out["choices"][0].get("finish_reason")},
        )


@dataclass(frozen=True, slots=True)
class _BoundLlamaCppChat:
    chat: LlamaCppChat
    options: dict[str, Any]

    def invoke(self, messages: Sequence[BaseMessage]) -> AIMessage:
        return self.chat.invoke(messages, **self.options)


def _to_openai_message(message: BaseMessage) -> dict[str, str]:
    role = {"system": "system", "human": "user", "ai": "assistant"}.get(message.type)
    if role is None:
        raise ValueError(f"unsupported message type {message.type}")
    return {"role": role, "content": str(message.content)}


# --- building a chat model from settings -----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Backend:
    """A chat model and how to talk to it."""

    chat: BaseChatModel | LlamaCppChat
    provider: str
    model: str
    structured_output: str
    concurrency: int
    timeout: float | None = None  # seconds per attempt, in total (remote only)
    max_retries: int = 0  # the openai client's HTTP retries (remote only)
    # One KV cache, reused for the longest prefix a request shares with the one before (llama.cpp in
    # process): the pipeline then starts every request with the same sentences (factcheck/pipeline.py).
    one_kv_cache: bool = False

    def timings(self) -> list[EngineTimings]:
        return self.chat.timings if isinstance(self.chat, LlamaCppChat) else []


def build_backend(settings: Settings, *, loading: ModelLoading | None = None) -> Backend:
    """The backend `settings` choose; for the local provider, with the model `loading` loads (started
    early by the caller), or loaded now."""
    provider = settings.resolved_provider
    method = settings.resolved_structured_output
    if provider == "local":
        if method != "json_object":
            raise ConfigError("the local provider supports structured output 'json_object' only")
        path, llama = loading.result() if loading is not None else (local_model_file(settings), None)
        chat = LlamaCppChat(model_path=path, n_ctx=settings.n_ctx, n_threads=settings.threads, seed=settings.seed)
        if llama is not None:
            chat.loaded(llama)
        else:
            # Load now, not at the first call, which may come from a worker thread: loaded and called
            # there, every call paid ~8 s of OpenMP waiting in prompt evaluation (measured: 168 s against
            # 13 s for a timeline). Loaded in another thread and called from this one makes no difference.
            chat.llama()
        return Backend(chat, "local", Path(path).name, method, concurrency=1, one_kv_cache=True)

    from langchain_openai import ChatOpenAI  # imported here: the local path does not pay for it

    from .deadline import deadline_http_client

    model = settings.model or DEFAULT_OPENAI_MODEL
    api_key = settings.api_key.get_secret_value() if settings.api_key else None
    if api_key is None and settings.base_url is None:
        raise ConfigError("the openai provider needs OPENAI_API_KEY (or a base URL for a local server)")
    chat = ChatOpenAI(
        model=model,
        base_url=settings.base_url,
        # Local OpenAI-compatible servers ignore the key, but the client insists on one.
        api_key=api_key or "not-needed",
        timeout=settings.timeout,
        # The openai client's retries are the only retry layer for HTTP failures (429, 5xx, timeouts,
        # broken connections); StructuredAsker's re-asks are for invalid content only.
        max_retries=settings.max_retries,
        http_client=deadline_http_client(settings.timeout, settings.max_retries),
        seed=settings.seed,
    )
    return Backend(
        chat, "openai", model, method, concurrency=settings.concurrency, timeout=settings.timeout, max_retries=settings.max_retries
    )


# --- structured output with re-ask ----------------------------------------------------------------

Checker = Callable[[Any], list[str]]


@dataclass(slots=True)
class Answer:
    """The outcome of one structured step.

    `value` passed every check; otherwise `problems` holds the last problems and `last` the last
    answer that parsed, for callers that can salvage a part of it.
    """

    value: Any | None = None
    last: Any | None = None
    problems: list[str] = field(default_factory=list)
    attempts: int = 0
    usage: Usage = field(default_factory=Usage)


@dataclass(slots=True)
class TokenBudget:
    """Tokens one report may spend. Steps run concurrently on a server, so the check and the charge
    are one atomic step: a call reserves its estimated cost before it is sent, and calls in flight
    count at that estimate, so N threads cannot all pass the check before any of them has paid."""

    limit: int
    spent: int = 0
    _reserved: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def reserve(self, estimate: int) -> bool:
        """False when the budget is spent (calls in flight included); else hold `estimate` tokens."""
        with self._lock:
            if self.spent + self._reserved >= self.limit:
                return False
            self._reserved += estimate
            return True

    def settle(self, estimate: int, tokens: int) -> None:
        """A reserved call is over: release its estimate and charge what it really cost."""
        with self._lock:
            self._reserved -= estimate
            self.spent += tokens

    @property
    def exhausted(self) -> bool:
        with self._lock:
            return self.spent >= self.limit


class StructuredAsker:
    """Ask for JSON matching a Pydantic model; validate; re-ask with the errors; give up clearly."""

    def __init__(self, backend: Backend, *, max_reasks: int, budget: TokenBudget) -> None:
        self.backend = backend
        self.max_reasks = max_reasks
        self.budget = budget

    def ask(
        self,
        messages: Sequence[BaseMessage],
        output: type[BaseModel],
        check: Checker,
        *,
        temperature: float,
        max_tokens: int,
    ) -> Answer:
        bound, parse = self._bind(output, temperature=temperature, max_tokens=max_tokens)
        answer = Answer()
        history = list(messages)
        while answer.attempts <= self.max_reasks:
            estimate = _estimated_tokens(history, max_tokens)
            if not self.budget.reserve(estimate):
                answer.problems.append("not asked (again): the token budget is spent")
                break
            answer.attempts += 1
            try:
                with _provider_errors(self.backend):
                    reply: AIMessage = bound.invoke(history)
            except BaseException:
                self.budget.settle(estimate, 0)
                raise
            step = _usage_of(reply)
            answer.usage.add(step)
            self.budget.settle(estimate, step.total_tokens)
            try:
                value = output.model_validate(parse(reply))
            except (ValidationError, ValueError) as exc:
                answer.problems = [_describe(exc)]
            else:
                answer.last, answer.problems = value, check(value)
                if not answer.problems:
                    answer.value = value
                    break
            history += [reply, HumanMessage(reask_message(answer.problems))]
        return answer

    def _bind(self, output: type[BaseModel], *, temperature: float, max_tokens: int):
        """The one place where each backend's way of asking for structured output is chosen."""
        chat, method = self.backend.chat, self.backend.structured_output
        schema = _schema(output)
        if method == "tools":
            bound = chat.bind_tools([output], tool_choice=output.__name__, temperature=temperature, max_tokens=max_tokens)
            return bound, _tool_arguments
        if method == "json_schema":  # OpenAI's strict mode knows no string lengths: Pydantic checks them
            fmt = {"type": "json_schema", "json_schema": {"name": output.__name__, "schema": _strip_lengths(schema), "strict": True}}
        else:  # llama.cpp (in-process and server), Ollama, vLLM: a JSON-schema grammar
            fmt = {"type": "json_object", "schema": schema}
        return chat.bind(response_format=fmt, temperature=temperature, max_tokens=max_tokens), _json_content


@functools.lru_cache(maxsize=256)
def _schema(output: type[BaseModel]) -> dict[str, Any]:
    """The JSON schema of a draft model; building it costs more than the rest of a request."""
    return output.model_json_schema()


def _estimated_tokens(messages: Sequence[BaseMessage], max_tokens: int) -> int:
    """A call's cost before it is made: about four characters a token of English prompt, and at
    most `max_tokens` of answer."""
    return sum(len(str(m.content)) for m in messages) // 4 + max_tokens


def reask_message(problems: list[str]) -> str:
    listed = "\n".join(f"- {p}" for p in problems[:8])
    return f"Your answer was rejected:\n{listed}\nAnswer again with corrected JSON."


def _json_content(reply: AIMessage) -> Any:
    text = str(reply.content).strip()
    if not text:
        raise ValueError("the answer was empty")
    if reply.response_metadata.get("finish_reason") == "length":
        raise ValueError("the answer was cut off at the token limit; answer more briefly")
    try:
        # strict=False lets a raw line break inside a string through: small models write them, and
        # the JSON is no less unambiguous for it.
        return json.loads(text, strict=False)
    except json.JSONDecodeError as exc:
        raise ValueError(f"the answer is not valid JSON ({exc.msg} at character {exc.pos})") from None


def _tool_arguments(reply: AIMessage) -> Any:
    if not reply.tool_calls:
        raise ValueError("the answer did not call the tool")
    return reply.tool_calls[0]["args"]


def _strip_lengths(schema: Any) -> Any:
    if isinstance(schema, dict):
        return {k: _strip_lengths(v) for k, v in schema.items() if k not in {"minLength", "maxLength"}}
    if isinstance(schema, list):
        return [_strip_lengths(v) for v in schema]
    return schema


def _describe(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        parts = []
        for err in exc.errors()[:5]:
            where = ".".join(str(p) for p in err["loc"]) or "answer"
            parts.append(f"{where}: {err['msg']}")
        return "; ".join(parts)
    return str(exc)


def _usage_of(reply: AIMessage) -> Usage:
    meta = reply.usage_metadata or {}
    return Usage(prompt_tokens=meta.get("input_tokens", 0), completion_tokens=meta.get("output_tokens", 0), calls=1)


@contextmanager
def _provider_errors(backend: Backend) -> Iterator[None]:
    """Turn the openai client's exceptions (after its own retries) into factcheck's errors: one line
    that names the cause and how many attempts were made."""
    try:
        yield
    except FactcheckError:
        raise
    except Exception as exc:
        import openai

        where = backend.chat.openai_api_base if hasattr(backend.chat, "openai_api_base") else None
        server = where or "the OpenAI API"
        tries = backend.max_retries + 1
        attempts = f"{tries} attempt{'s' if tries > 1 else ''}"
        if isinstance(exc, (openai.AuthenticationError, openai.PermissionDeniedError)):
            raise AuthenticationFailed(f"{server} rejected the API key (HTTP {exc.status_code})") from exc
        if isinstance(exc, openai.RateLimitError):
            raise RateLimited(f"{server} kept answering 429 (rate limited), {attempts}; try again later or lower concurrency") from exc
        if isinstance(exc, openai.NotFoundError):
            raise ConfigError(f"{server} does not know the model '{backend.model}' (HTTP 404)") from exc
        if isinstance(exc, openai.APITimeoutError):
            limit = f" within {backend.timeout:g} s" if backend.timeout else ""
            raise ProviderUnavailable(f"{server} did not answer in time (no complete answer{limit}, {attempts})") from exc
        if isinstance(exc, openai.APIConnectionError):
            raise ProviderUnavailable(_connection_problem(server, exc) + f" ({attempts})") from exc
        if isinstance(exc, openai.BadRequestError):
            raise ConfigError(
                f"{server} refused the request (HTTP 400: {_api_message(exc)}); "
                "try another --structured-output method"
            ) from exc
        if isinstance(exc, openai.InternalServerError):
            raise ServerError(f"{server} failed with HTTP {exc.status_code} ({attempts})") from exc
        if isinstance(exc, openai.APIStatusError):
            raise ServerError(f"{server} answered HTTP {exc.status_code}: {_api_message(exc)}") from exc
        if isinstance(exc, (json.JSONDecodeError, openai.APIResponseValidationError)):
            raise ServerError(f"{server} answered with a body that is not a chat completion (HTTP 200, invalid JSON)") from exc
        if isinstance(exc, openai.OpenAIError):
            raise ServerError(f"{server}: {redact(str(exc).splitlines()[0][:200])}") from exc
        raise


def _connection_problem(server: str, exc: BaseException) -> str:
    """What broke, from the transport error under the client's (and LangChain's) wrappers."""
    import httpx2

    cause: BaseException | None = exc
    while cause is not None and not isinstance(cause, httpx2.TransportError):
        cause = cause.__cause__ or cause.__context__
    if isinstance(cause, httpx2.ConnectError):
        return f"cannot connect to {server}: {cause}"
    if isinstance(cause, httpx2.RemoteProtocolError):
        return f"{server} closed the connection before its answer was complete: {cause}"
    if isinstance(cause, httpx2.ReadError):
        return f"{server} broke the connection: {cause}"
    return f"cannot connect to {server}: {cause or 'connection error'}"


def _api_message(exc: Exception) -> str:
    body = getattr(exc, "body", None)
    message = None
    if isinstance(body, dict):
        error = body.get("error")
        message = body.get("message") or (error.get("message") if isinstance(error, dict) else error)
    return redact(str(message or exc).splitlines()[0][:200])

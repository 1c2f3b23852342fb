"""The pipeline: build the chains an article needs, ask the model every step they plan, and make
the report of what they assemble (factcheck/chains/ holds the chains, factcheck/checks/ the checks).

Code narrows every chain to small, checkable steps about one sentence each: it picks the sentences,
splits clauses, finds and resolves the dates. The model only writes language and makes judgements
for a step; grounding checks accept or reject each answer; a rejected answer is re-asked with the
error, then code stands in (the article's own words, marked so) or the item is dropped with a warning.

On a server each request is the system prompt, then the fenced sentence, then the task, and the
steps run concurrently. The in-process model keeps one KV cache and reuses the longest prefix a
request shares with the one before: there every request starts with the same system prompt and the
numbered sentences the steps are about, and each prompt asks once about all its steps (one key per
step in the answer, written by the grammar), so those sentences are evaluated once per report.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from typing import Annotated, Any, Protocol

from langchain_core.messages import HumanMessage, SystemMessage
from pydantic import BaseModel, ConfigDict, Field, create_model

from . import __version__, injection, nlp, report_checks
from .article import Article
from .chains import CHAIN_TYPES, Chain, ChainRun, Step
from .chains.claims import order_claims, rated, ratings_draft_for
from .errors import FactcheckError, ModelOutputError
from .llm import Answer, Backend, StructuredAsker, TokenBudget
from .models import (
    PARTS,
    ArticleInfo,
    EngineTimings,
    PromptRef,
    Provenance,
    Report,
    ReportWarning,
    Summary,
    Usage,
)
from .models import Sentence as SentenceModel
from .prompts import fence, load_prompt
from .settings import Settings

CHAINS = PARTS
RANK_CONTEXT_CHARS = 24_000  # about 6,000 tokens: the article the ranking model reads, from its start


class OnProgress(Protocol):
    """Told how a run advances: `done` of `total` model steps, and what it is doing (`total` is 0
    until the chains have planned their steps). Called from the threads that ask the model."""

    def __call__(self, done: int, total: int, status: str) -> None: ...


def _no_progress(done: int, total: int, status: str) -> None:
    pass


class Pipeline:
    def __init__(self, backend: Backend, settings: Settings, *, on_progress: OnProgress | None = None) -> None:
        self.backend = backend
        self.settings = settings
        self.on_progress = on_progress or _no_progress
        names = ("system", "local-system", *CHAINS, "rank", "compress")
        self.prompts = {name: load_prompt(name, settings.prompts_dir) for name in names}
        self.asker = StructuredAsker(backend, max_reasks=settings.max_reasks, budget=TokenBudget(settings.token_budget))

    def run(self, article: Article, chains: Sequence[str] = CHAINS) -> Report:
        started = time.monotonic()
        timings_before = len(self.backend.timings())
        # Sentences addressed to a model are reported and never sent to it (factcheck/injection.py).
        addressed = injection.scan_sentences(article.sentences)
        planned = article.without({f.sentence_id for f in addressed})
        self.on_progress(0, 0, "planning the steps")
        # The chains and their checks parse every sentence: in one batch, once, for all of them.
        nlp.parse_many((s.text for s in planned.sentences), entities=True)
        built = {name: CHAIN_TYPES[name](planned, self.settings) for name in chains}
        steps = [step for chain in built.values() for step in chain.plan()]
        ranks = "claims" in built and self.settings.resolved_refine_checkworthiness
        total = len(steps) + int(ranks)  # ranking the claims is one more step
        done, lock = 0, threading.Lock()

        def tick(step: Step) -> None:
            nonlocal done
            with lock:
                done += 1
                self.on_progress(done, total, "asking the model")

        self.on_progress(0, total, "asking the model")
        answers = self.fill(article, steps, built, tick)
        runs: dict[str, ChainRun] = {}
        for name, chain in built.items():
            answered = [(step, answers[id(step)]) for step in steps if step.chain == name]
            runs[name] = chain.assemble(answered)
            for _, answer in answered:
                runs[name].usage.add(answer.usage)
        if ranks:
            self.on_progress(done, total, "ranking the claims")
            self.rank(planned, runs["claims"])
        self.on_progress(total, total, "done")
        items = {name: runs[name].items if name in runs else [] for name in CHAINS}
        warnings = [
            *article.warnings,
            *injection.warnings_for(addressed, injection.invisible_characters(article.sentences)),
            *(w for chain_run in runs.values() for w in chain_run.warnings),
        ]
        report = Report(
            article=article_info(article),
            summary=Summary(sentences=items["summary"]),
            claims=items["claims"],
            timeline=items["timeline"],
            warnings=warnings,
            provenance=self._provenance(runs, time.monotonic() - started, chains, timings_before, steps),
        )
        report_checks.enforce(report)  # README step 4: the assembled report, validated once more
        dropped = [w for w in warnings if w.code.startswith("dropped")]
        if dropped and not (report.summary.sentences or report.claims or report.timeline):
            raise ModelOutputError(f"every answer of the model failed its checks ({len(dropped)} items dropped): {dropped[0].message}")
        return report

    def fill(
        self, article: Article, steps: list[Step], chains: Mapping[str, Chain], answered: Callable[[Step], None] | None = None
    ) -> dict[int, Answer]:
        """Ask every step, ordered by sentence so that consecutive requests share their prefix;
        `answered(step)` is called as each step gets its final answer."""
        if self.backend.one_kv_cache:
            return self.fill_together(article, steps, chains, answered)
        nonce = article.sha256[:12]
        system = SystemMessage(self.prompts["system"].body)
        order = sorted(steps, key=lambda s: (s.sentence.start, CHAINS.index(s.chain)))

        def ask(step: Step) -> Answer:
            prompt = self.prompts[step.prompt or step.chain]
            user = fence("sentence", step.sentence.text, nonce) + "\n\n" + prompt.body
            if step.part is not None:
                user += "\n\n" + fence("part", step.part, nonce)
            chain = chains[step.chain]
            return self.asker.ask(
                [system, HumanMessage(user)],
                step.draft,
                lambda draft: chain.check(article, step, draft),
                temperature=prompt.meta.temperature,
                max_tokens=prompt.meta.max_tokens,
            )

        # A fatal error (a refused key, an unreachable server) ends the run: later steps are not sent.
        failure: list[FactcheckError] = []

        def ask_unless_failed(step: Step) -> Answer | None:
            if failure:
                return None
            try:
                answer = ask(step)
            except FactcheckError as exc:
                failure.append(exc)
                return None
            if answered is not None:
                answered(step)
            return answer

        # The in-process model serves one request at a time, in this thread; a server takes several at once.
        if self.backend.concurrency == 1:
            answers = [ask_unless_failed(step) for step in order]
        else:
            from langchain_core.runnables import RunnableLambda  # a server's path: the local one does not import it

            answers = RunnableLambda(ask_unless_failed).batch(order, config={"max_concurrency": self.backend.concurrency})
        if failure:
            raise failure[0]
        return {id(step): answer for step, answer in zip(order, answers)}

    def fill_together(
        self, article: Article, steps: list[Step], chains: Mapping[str, Chain], answered: Callable[[Step], None] | None = None
    ) -> dict[int, Answer]:
        """One request per prompt, about all of its steps; every request starts with the same system
        prompt and fenced, numbered sentences (those the steps are about, so a long article's context
        stays bounded), so llama.cpp evaluates them once and each request adds only its task. Requests
        are ordered by chain: the cache is never thrashed back and forth."""
        nonce = article.sha256[:12]
        ordered = sorted(steps, key=lambda s: (CHAINS.index(s.chain), s.sentence.start))
        about = sorted({s.sentence.id: s.sentence for s in steps}.values(), key=lambda s: s.start)
        # The parts (a clause, a sentence's deletable phrases) go in the shared fence too, after the
        # sentences: each request then adds only its task, and one fence is paid once.
        listed = [f"{s.id} {s.text}" for s in about] + [""] * any(s.part for s in ordered)
        listed += [f"{step.key}:\n{step.part}" for step in ordered if step.part is not None]
        shared = fence("sentences", "\n".join(listed), nonce)
        system = SystemMessage(self.prompts["local-system"].body)
        groups: dict[str, list[Step]] = {}
        for step in ordered:
            groups.setdefault(step.prompt or step.chain, []).append(step)
        answers: dict[int, Answer] = {}
        for name, group in groups.items():
            prompt = self.prompts[name]
            user = shared + "\n\n" + prompt.body
            found: dict[int, list[str]] = {}  # each step's problems in the last answer that parsed

            def check(value: BaseModel, group: list[Step] = group, found: dict[int, list[str]] = found) -> list[str]:
                for n, step in enumerate(group):
                    found[n] = chains[step.chain].check(article, step, step_value(value, n, step))
                return [f"{step.key}: {p}" for n, step in enumerate(group) for p in found[n]]

            whole = self.asker.ask(
                [system, HumanMessage(user)],
                steps_draft(group),
                check,
                temperature=prompt.meta.temperature,
                max_tokens=prompt.meta.max_tokens * len(group),  # the prompt's max_tokens is per step
            )
            for n, step in enumerate(group):
                answers[id(step)] = step_answer(whole, n, step, found.get(n, []))
                if answered is not None:
                    answered(step)
        return answers

    def rank(self, article: Article, run: ChainRun) -> None:
        """A capable model reads the whole article and chooses, for each checkable claim, how worth
        checking it is: high, medium or low. Its levels order the checklist, the scorer's score
        orders each level, and each claim keeps both scores and says where its own came from."""
        claims = {c.id: c for c in run.items if c.checkable}
        if not claims:
            return
        nonce = article.sha256[:12]
        prompt = self.prompts["rank"]
        listed = "\n".join(f"{c.id}: {c.text}" for c in claims.values())
        # The sentences the chains may examine: text addressed to a model is not sent to it here either.
        context = "\n".join(s.text for s in article.sentences)[:RANK_CONTEXT_CHARS]
        user = fence("article", context, nonce) + "\n\n" + prompt.body + "\n\n" + fence("claims", listed, nonce)
        answer = self.asker.ask(
            [SystemMessage(self.prompts["system"].body), HumanMessage(user)],
            ratings_draft_for(tuple(claims)),
            lambda draft: [],  # the schema admits one level per listed claim and nothing else
            temperature=prompt.meta.temperature,
            max_tokens=prompt.meta.max_tokens,
        )
        run.usage.add(answer.usage)
        if answer.value is None:
            why = "; ".join(answer.problems[:3]) or "no answer"
            run.warnings.append(
                ReportWarning(code="unrated-claims", message=f"claims keep the scorer's scores: the model's ratings failed their checks: {why}")
            )
            return
        for claim_id, level in answer.value.levels().items():
            rated(claims[claim_id], level)
        run.items = order_claims(run.items)

    def _provenance(
        self, runs: dict[str, ChainRun], seconds: float, chains: Sequence[str], timings_before: int, steps: Sequence[Step]
    ) -> Provenance:
        total = Usage()
        for chain_run in runs.values():
            total.add(chain_run.usage)
        ranked = "claims" in chains and self.settings.resolved_refine_checkworthiness
        own = sorted({s.prompt for s in steps if s.prompt})  # a step's prompt other than its chain's
        used = [
            self.prompts["local-system" if self.backend.one_kv_cache else "system"],
            *(self.prompts[c] for c in chains),
            *(self.prompts[p] for p in own),
            *([self.prompts["rank"]] if ranked else []),
        ]
        return Provenance(
            factcheck_version=__version__,
            provider=self.backend.provider,
            model=self.backend.model,
            structured_output=self.backend.structured_output,
            prompts=[PromptRef(name=p.name, version=p.meta.version, sha256=p.sha256) for p in used],
            chains=[c for c in CHAINS if c in chains],
            usage={name: chain_run.usage for name, chain_run in runs.items()},
            total=total,
            engine=engine_timings(self.backend.timings()[timings_before:]) if self.backend.provider == "local" else None,
            duration_seconds=round(seconds, 3),
            created=dt.datetime.now(dt.timezone.utc).replace(microsecond=0),
        )


def steps_draft(steps: Sequence[Step]) -> type[BaseModel]:
    """One answer about several steps: an object with each step's key, in order, holding that step's
    own draft, or the value of its one field ({"S4": "event"}, not {"S4": {"type": "event"}}: every
    token is generated, grammar-forced or not). Under a grammar the model writes the keys as listed
    and chooses only the values."""
    fields: dict[str, Any] = {}
    for n, step in enumerate(steps):
        only = _only_field(step.draft)
        if only is None:
            fields[f"step{n}"] = (step.draft, Field(alias=step.key))
        else:
            info = step.draft.model_fields[only]
            # Its constraints kept (a list's length), its default not: the grammar asks for every step.
            kind = Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation
            fields[f"step{n}"] = (kind, Field(alias=step.key, description=info.description))
    return create_model("Steps", __config__=ConfigDict(extra="forbid"), **fields)  # type: ignore[call-overload]


def step_value(answer: BaseModel, n: int, step: Step) -> BaseModel:
    """Step `n`'s draft, out of an answer about several steps."""
    value = getattr(answer, f"step{n}")
    only = _only_field(step.draft)
    return value if only is None else step.draft.model_validate({only: value})


def _only_field(draft: type[BaseModel]) -> str | None:
    return next(iter(draft.model_fields)) if len(draft.model_fields) == 1 else None


def step_answer(whole: Answer, n: int, step: Step, problems: list[str]) -> Answer:
    """Step `n`'s part of an answer about several steps: accepted when its own value passed its checks,
    whatever its neighbours'. The request's cost is counted once, on the first step."""
    answer = Answer(attempts=whole.attempts, usage=whole.usage if n == 0 else Usage())
    last = whole.value or whole.last
    if last is None:  # no answer parsed: every step shares the reason
        answer.problems = list(whole.problems)
        return answer
    answer.last = step_value(last, n, step)
    answer.problems = list(problems)
    if not problems:
        answer.value = answer.last
    return answer


def engine_timings(timings: Sequence[EngineTimings]) -> EngineTimings:
    """llama.cpp's accounting of one report: the sum over its calls."""
    return EngineTimings(
        prompt_eval_tokens=sum(t.prompt_eval_tokens for t in timings),
        prompt_eval_ms=round(sum(t.prompt_eval_ms for t in timings), 1),
        generated_tokens=sum(t.generated_tokens for t in timings),
        generation_ms=round(sum(t.generation_ms for t in timings), 1),
    )


def article_info(article: Article) -> ArticleInfo:
    return ArticleInfo(
        title=article.title,
        published=article.published,
        source=article.source,
        url=article.url,
        text=article.text,
        sha256=article.sha256,
        sentences=[SentenceModel(id=s.id, text=s.text, start=s.start, end=s.end, heading=s.heading) for s in article.sentences],
    )

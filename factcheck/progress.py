"""How a batch reports its progress on standard error: a rich bar on a terminal, plain lines in a
pipe or a log, and nothing but the failures with --quiet (cron mails whatever a job prints).
`RunProgress` is the same for one report (summarize, claims, timeline), on a terminal only."""

from __future__ import annotations

import sys
from typing import TextIO

from rich.markup import escape

from .batch import BatchResult, Outcome, Silent


def summary_line(result: BatchResult) -> str:
    line = f"{result.done} done, {result.skipped} skipped (already done), {result.failed} failed"
    if result.busy:
        line += f", {result.busy} left to another run"
    return f"{line}; {result.tokens:,} tokens in {result.calls} model calls; {result.seconds:.1f} s"


class PlainProgress:
    """One line per article, for logs."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.total = 0
        self.count = 0

    def _print(self, text: str) -> None:
        print(text, file=self.stream, flush=True)

    def start(self, total: int) -> None:
        self.total = total
        self._print(f"batch: {total} articles")

    def warn(self, message: str) -> None:
        self._print(f"warning: {message}")

    def advance(self, outcome: Outcome) -> None:
        self.count += 1
        detail = {
            "done": f"{outcome.tokens} tokens, {outcome.calls} calls, {outcome.seconds:.1f} s -> {outcome.report}",
            "skipped": "already done with this model and these prompts",
            "failed": outcome.error,
            "busy": "another run is doing it",
        }[outcome.status]
        self._print(f"[{self.count}/{self.total}] {outcome.status}: {outcome.source}: {detail}")

    def finish(self, result: BatchResult) -> None:
        self._print(f"batch: {summary_line(result)}")


class QuietProgress(Silent):
    """Silent unless something failed: then the failures, one line each."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr

    def finish(self, result: BatchResult) -> None:
        for source, error in result.failures:
            print(f"failed: {source}: {error}", file=self.stream, flush=True)


class RichProgress:
    """A progress bar with counts, tokens and the time left; warnings and failures printed above it."""

    def __init__(self, console=None) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self.console = console or Console(stderr=True)
        self.bar = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[counts]}"),
            TextColumn("{task.fields[tokens]:,} tokens"),
            TimeRemainingColumn(),
            console=self.console,
        )
        self.task = None
        self.result = BatchResult()

    def start(self, total: int) -> None:
        self.bar.start()
        self.task = self.bar.add_task("batch", total=total, counts=self._counts(), tokens=0)

    def _counts(self) -> str:
        r = self.result
        return f"[green]{r.done} done[/] {r.skipped} skipped [red]{r.failed} failed[/]"

    def warn(self, message: str) -> None:
        self.console.print(f"[yellow]warning:[/] {escape(message)}", highlight=False)

    def advance(self, outcome: Outcome) -> None:
        self.result.add(outcome)
        if outcome.status == "failed":
            self.console.print(f"[red]failed:[/] {escape(outcome.source)}: {escape(outcome.error or '')}", highlight=False)
        self.bar.update(self.task, advance=1, counts=self._counts(), tokens=self.result.tokens)

    def finish(self, result: BatchResult) -> None:
        self.bar.stop()
        self.console.print(f"batch: {escape(summary_line(result))}", highlight=False)


class RunProgress:
    """One report's progress on a terminal: what it is doing (reading, loading the model, asking it),
    the steps done out of those planned, and the time left. Gone from the screen when the run ends.

    Use as a context manager; call it as the pipeline's `on_progress(done, total, status)`."""

    def __init__(self, console=None) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeRemainingColumn

        self.console = console or Console(stderr=True)
        self.bar = Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("steps"),
            TimeRemainingColumn(),
            console=self.console,
            transient=True,
        )
        self.task = self.bar.add_task("starting", total=None)
        self.stage = "starting"

    def __enter__(self) -> RunProgress:
        self.bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.bar.stop()

    def status(self, text: str) -> None:
        """A stage before any step is planned: reading the article, loading the model."""
        self(0, 0, text)

    def __call__(self, done: int, total: int, status: str) -> None:
        if total:
            self.bar.update(self.task, completed=done, total=total, description=status)
        else:
            self.bar.update(self.task, description=status)
        if status != self.stage:  # a new stage shows at once, not at the next refresh
            self.stage = status
            self.bar.refresh()

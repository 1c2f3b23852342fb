"""The state store itself, on SQLite and on a real PostgreSQL (tests/postgres.py): claims are leases that
a live process's heartbeat keeps and a dead one's lose, and a PostgreSQL connection that the server drops
is made again. Processes on "another machine" are States made while factcheck.state.this_host() answers
another name: their pid cannot be looked at, so only the lease tells whether they live."""

from __future__ import annotations

import socket
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import factcheck.state
from factcheck.serve.jobs import JobState
from factcheck.state import Claim, State

LEASE = 1.5  # seconds; the default is 60


@pytest.fixture(scope="module")
def postgres() -> Iterator[str]:
    from .postgres import postgres_url

    with postgres_url() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def location(request, tmp_path: Path) -> str | Path:
    if request.param == "sqlite":
        return tmp_path / "state.sqlite3"
    url = request.getfixturevalue("postgres")
    import psycopg

    with psycopg.connect(url, autocommit=True) as db:  # each test starts from empty tables
        db.execute("DROP TABLE IF EXISTS articles, jobs")
    return url


def job_state(location: str | Path) -> JobState:
    from factcheck.postgres import is_postgres_url
    from factcheck.serve.postgres import PostgresJobState

    return (PostgresJobState if is_postgres_url(location) else JobState)(location, lease=LEASE)


def on_another_machine(monkeypatch, make):
    with monkeypatch.context() as patched:
        patched.setattr(factcheck.state, "this_host", lambda: "replica-elsewhere")
        return make()


def die(state: State) -> None:
    """kill -9, as far as the database can tell: no more heartbeats, nothing given back."""
    state._closing.set()
    state._heartbeat.join()
    state._db.close()


def wait_for(condition, timeout: float) -> float:
    started = time.monotonic()
    while not condition():
        assert time.monotonic() - started < timeout, "timed out"
        time.sleep(0.05)
    return time.monotonic() - started


def test_a_dead_replicas_job_is_taken_after_the_lease_a_live_ones_never(location, monkeypatch) -> None:
    remote = on_another_machine(monkeypatch, lambda: job_state(location))
    here = job_state(location)
    try:
        submitted = here.submit({"text": "x"}, callback_url=None)
        taken = remote.claim_job()
        assert taken is not None and taken.id == submitted.id and taken.owner.startswith("replica-elsewhere:")
        remote.claim("k", source="s", title=None, text_sha256="t", fingerprint="f")
        # Alive: its heartbeat renews the claims, so three leases later they are still its own.
        time.sleep(3 * LEASE)
        assert here.release_dead_claims() == 0
        assert here.job(submitted.id).status == "running" and here.claim_job() is None
        assert here.claim("k", source="s", title=None, text_sha256="t", fingerprint="f")[0] is Claim.BUSY
        die(remote)
        # Dead: this process's own heartbeat gives its job back within a lease and a beat.
        waited = wait_for(lambda: here.job(submitted.id).status == "pending", timeout=4 * LEASE)
        assert LEASE / 2 < waited < LEASE + LEASE / 3 + 1.0, waited
        again = here.claim_job()
        assert again.id == submitted.id and again.owner == here.owner
        assert here.claim("k", source="s", title=None, text_sha256="t", fingerprint="f")[0] is Claim.CLAIMED
    finally:
        here.close()


def test_a_dead_process_on_this_machine_is_seen_at_once(location) -> None:
    first, second = job_state(location), job_state(location)
    try:
        first.submit({"text": "x"}, callback_url=None)
        job = first.claim_job()
        assert second.release_dead_claims() == 0
        die(first)
        first.owner = first.owner.rsplit(":", 2)[0] + ":999999999:gone"  # a pid no process has
        second._db.execute("UPDATE jobs SET owner=?", (first.owner,))
        assert second.release_dead_claims() == 1  # no lease to wait for: the pid says it is gone
        assert second.claim_job().id == job.id
    finally:
        second.close()


def test_a_late_heartbeat_never_gives_back_this_processs_own_claims(location) -> None:
    """The lease is for the claims of other processes. A heartbeat that ran late (a busy machine: its claims
    not renewed for longer than a lease) gave back its own workers' claims, whose `done` then matched no row."""
    state = job_state(location)
    try:
        state.submit({"text": "x"}, callback_url=None)
        job = state.claim_job()
        state.claim("k", source="s", title=None, text_sha256="t", fingerprint="f")
        state._db.execute("UPDATE articles SET claimed_at=0")
        state._db.execute("UPDATE jobs SET claimed_at=0")
        assert state.release_dead_claims() == 0
        assert state.row("k").status == "running" and state.job(job.id).status == "running"
    finally:
        state.close()


def test_close_gives_back_articles_and_jobs(location) -> None:
    state = job_state(location)
    state.submit({"text": "x"}, callback_url=None)
    job = state.claim_job()
    state.claim("k", source="s", title=None, text_sha256="t", fingerprint="f")
    state.close()
    state.close()  # idempotent
    after = job_state(location)
    try:
        assert after.job(job.id).status == "pending" and after.job(job.id).phase is None
        assert after.row("k").status == "pending" and after.row("k").owner is None
    finally:
        after.close()


def test_done_says_whether_the_result_was_recorded(location, monkeypatch) -> None:
    """A run that stalled past its lease (its heartbeat stopped) lost the article to another: its `done`
    records nothing and says so; the run that took it over records its own."""
    stalled = on_another_machine(monkeypatch, lambda: State(location, lease=LEASE))
    other = State(location, lease=LEASE)
    try:
        assert stalled.claim("k", source="s", title=None, text_sha256="t", fingerprint="f")[0] is Claim.CLAIMED
        stalled._closing.set()  # stalled: no more heartbeats
        stalled._heartbeat.join()
        wait_for(lambda: other.claim("k", source="s", title=None, text_sha256="t", fingerprint="f")[0] is Claim.CLAIMED, 4 * LEASE)
        result = dict(prompt_tokens=1, completion_tokens=1, calls=1, duration=0.1)
        assert stalled.done("k", report_path=Path("/stalled.json"), **result) is False
        assert (other.row("k").status, other.row("k").owner) == ("running", other.owner)
        assert other.done("k", report_path=Path("/other.json"), **result) is True
        assert (other.row("k").status, other.row("k").report_path) == ("done", "/other.json")
    finally:
        other.close()
        stalled.close()


def test_a_sqlite_error_after_opening_is_one_state_error(tmp_path: Path, monkeypatch) -> None:
    """Past the busy timeout (another process holding the write lock), a write fails as StateUnavailable,
    which batch and serve treat as the state's failure, not the article's; never a sqlite3 traceback."""
    from factcheck.errors import StateUnavailable

    path = tmp_path / "state.sqlite3"
    monkeypatch.setattr(factcheck.state, "_BUSY_SECONDS", 0.2)
    state = State(path)
    other = sqlite3.connect(path, isolation_level=None)
    try:
        other.execute("BEGIN EXCLUSIVE")
        with pytest.raises(StateUnavailable, match=f"^the state database {path} failed: database is locked$"):
            state.claim("k", source="s", title=None, text_sha256="t", fingerprint="f")
        other.execute("ROLLBACK")
        assert state.claim("k", source="s", title=None, text_sha256="t", fingerprint="f")[0] is Claim.CLAIMED  # it goes on
    finally:
        other.close()
        state.close()


def test_a_new_sqlite_state_opened_while_another_process_writes_it_waits(tmp_path: Path) -> None:
    """Two runs creating one state at once: while one holds the write lock of the new file, SQLite answers
    the other's switch to WAL with "database is locked" at once, without the busy timeout. That run died
    at its start, and its partner in test_batch's two-runs test then waited for it at every model call."""
    path = tmp_path / "state.sqlite3"
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("CREATE TABLE other (x)")  # a new file, still in rollback-journal mode
    other.execute("BEGIN IMMEDIATE")
    other.execute("INSERT INTO other VALUES (1)")
    threading.Timer(0.5, other.execute, ("COMMIT",)).start()
    started = time.monotonic()
    state = State(path)
    try:
        assert time.monotonic() - started >= 0.4  # it waited for the other's write
        assert state._db.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    finally:
        state.close()
        other.close()


def test_postgresql_connection_dropped_by_the_server_is_made_again(postgres) -> None:
    import psycopg

    state = job_state(postgres)
    try:
        state.claim("dropped", source="s", title=None, text_sha256="t", fingerprint="f")
        before = state._db.connection.info.backend_pid
        with psycopg.connect(postgres, autocommit=True) as admin:
            assert admin.execute("SELECT pg_terminate_backend(%s)", (before,)).fetchone() == (True,)
        wait_for(lambda: state._db.connection.closed or _gone(postgres, before), timeout=10)
        # A read, then a write transaction: both go on, on a new connection.
        assert state.row("dropped").status == "running"
        state.done("dropped", report_path=Path("/nowhere.json"), prompt_tokens=1, completion_tokens=1, calls=1, duration=0.1)
        assert state.row("dropped").status == "done"
        assert state._db.connection.info.backend_pid != before
    finally:
        state.close()


def test_postgresql_dropped_inside_a_running_jobs_transaction_gives_the_job_back(postgres, tmp_path: Path, monkeypatch) -> None:
    """A drop in the middle of a running job's write (here the article's `done`, after the report is made)
    is the state's failure, not the article's: the server rolled the transaction back, the job goes back
    to pending with its article, and is done again; it is never recorded as failed."""
    import psycopg

    from factcheck.serve.jobs import Workers
    from factcheck.settings import load_settings

    from .batch_double import double_backend

    state = job_state(postgres)
    log = tmp_path / "calls.log"
    workers = Workers(state, settings=load_settings(), reports_dir=tmp_path / "reports", workers=1, backend=double_backend(str(log)))
    db, dropped = state._db, []
    execute = db.execute

    def drop_in_the_first_done(sql: str, params: tuple = ()):
        if sql.startswith("UPDATE articles SET status='done'") and not dropped:
            pid = db.connection.info.backend_pid  # inside the transaction: BEGIN and its lock went through
            with psycopg.connect(postgres, autocommit=True) as admin:
                dropped.append(admin.execute("SELECT pg_terminate_backend(%s)", (pid,)).fetchone()[0])
            wait_for(lambda: _gone(postgres, pid), timeout=10)
        return execute(sql, params)

    monkeypatch.setattr(db, "execute", drop_in_the_first_done)
    job = state.submit({"text": "The council approved a budget of $12 million on Monday, the mayor said."}, callback_url=None)
    workers.start()
    try:
        wait_for(lambda: state.job(job.id).status in ("done", "failed"), timeout=60)
        final = state.job(job.id)
        assert dropped == [True]
        assert final.status == "done", final.error
        row = state.row(final.key)
        assert row.status == "done" and Path(row.report_path).is_file()
    finally:
        workers.stop(10)
        state.close()


def test_postgresql_that_cannot_be_reached_is_one_error(tmp_path: Path) -> None:
    pytest.importorskip("psycopg")
    from factcheck.errors import StateUnavailable

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(StateUnavailable, match=r"cannot connect to the PostgreSQL state postgresql://u:\*\*\*@127\.0\.0\.1"):
        State(f"postgresql://u:secret@127.0.0.1:{port}/db")


def _gone(url: str, pid: int) -> bool:
    import psycopg

    with psycopg.connect(url, autocommit=True) as admin:
        return admin.execute("SELECT count(*) FROM pg_stat_activity WHERE pid=%s", (pid,)).fetchone() == (0,)


@pytest.mark.parametrize("table", ["articles (id INTEGER PRIMARY KEY, headline TEXT)", "jobs (id TEXT PRIMARY KEY, payload TEXT)"])
def test_postgresql_with_another_programs_tables_fails_at_open(postgres, table: str) -> None:
    """A database whose `articles` or `jobs` table is another program's fails when the state is opened,
    with one line saying so, and is left as it was; not at the first article's result."""
    import psycopg

    from factcheck.errors import StateUnavailable
    from factcheck.state import check_state

    name = "other_" + table.split()[0]
    with psycopg.connect(postgres, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    url = postgres.rsplit("/", 1)[0] + "/" + name
    with psycopg.connect(url, autocommit=True) as other:
        other.execute(f"CREATE TABLE {table}")
    expected = r"cannot use the PostgreSQL state postgresql://factcheck@127\.0\.0\.1:\d+/\w+: it is not a factcheck state \(column .* does not exist\); give a new database"
    with pytest.raises(StateUnavailable, match=expected):
        JobState(url)
    if table.startswith("articles"):
        with pytest.raises(StateUnavailable, match=expected):
            check_state(url)
    with psycopg.connect(url, autocommit=True) as other:  # rolled back: nothing of factcheck's was created
        made = {row[0] for row in other.execute("SELECT tablename FROM pg_tables WHERE schemaname='public'")}
    assert made == {table.split()[0]}


def test_a_state_failing_at_close_never_hides_the_error_that_ended_the_run(tmp_path: Path, monkeypatch) -> None:
    """Giving back the claims at the end can fail too (the database went away): the error that ended the
    run is the one the user sees, and the connection is closed all the same."""
    from factcheck.errors import StateUnavailable

    def failing(state: State) -> State:
        def broken(sql: str, params: tuple = ()):
            raise StateUnavailable("the state database failed: disk I/O error")

        monkeypatch.setattr(state._db, "execute", broken)
        return state

    state = State(tmp_path / "one.sqlite3")
    with pytest.raises(KeyboardInterrupt):
        with failing(state):
            raise KeyboardInterrupt
    with pytest.raises(sqlite3.ProgrammingError):  # closed
        state._db.connection.execute("SELECT 1")

    state = State(tmp_path / "two.sqlite3")
    with pytest.raises(StateUnavailable, match="disk I/O error"):  # nothing else went wrong: this is the error
        with failing(state):
            pass
    with pytest.raises(sqlite3.ProgrammingError):
        state._db.connection.execute("SELECT 1")

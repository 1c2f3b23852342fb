"""The batch state: one SQLite database (WAL) recording what became of every article.

Each article, keyed by its canonical URL or its text's hash, has a status: `running` (claimed by a
run), `done` (its report is written), `failed` (with the error), or `pending` (to do again: a run
that claimed it died). A run claims an article inside one write transaction (BEGIN IMMEDIATE), so
two runs on the same database never both work on it; a claim held by a dead process is taken over.
A report is written (temp file + rename) before its row says `done`, so a run killed at any point
loses nothing that was finished.

The same tables live on PostgreSQL when the state is a postgresql:// URL (factcheck.postgres), so that
`batch`, `schedule` and `serve` on several machines share them. On either, a state that fails is a
StateUnavailable (exit 22): a SQLite file that cannot be used (a folder, read-only, not a factcheck state),
or a PostgreSQL database holding another program's tables, is found when it is opened, with what is
wrong with it in the message.

A claim is a lease: its owner's heartbeat (a thread of every open State) renews `claimed_at` every
third of the lease, so a claim whose owner died stops being renewed and is taken over once the lease
runs out (at once on the same machine, where the owner's pid can be looked at). The heartbeat also
gives back the claims of dead owners, so that a dead replica's jobs are pending again within about
one lease; a job whose owner still runs is renewed and never taken.
"""

from __future__ import annotations

import logging
import os
import socket
import sqlite3
import threading
import time
import uuid
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

import platformdirs

from .errors import StateUnavailable

log = logging.getLogger("factcheck.state")

# A claim not renewed for this long is taken over: its owner died (on another machine, or a reused pid).
# Renewed every third of it, so two missed heartbeats (a busy database) do not lose a live claim.
LEASE_SECONDS = 60.0

_SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    key TEXT PRIMARY KEY,              -- canonical URL, or sha256:<text hash>
    source TEXT NOT NULL,              -- the path or URL it was read from
    title TEXT,
    text_sha256 TEXT,
    fingerprint TEXT,                  -- factcheck version, model and prompts the report was made with
    status TEXT NOT NULL CHECK (status IN ('pending', 'running', 'done', 'failed')),
    error TEXT,
    report_path TEXT,
    prompt_tokens INTEGER NOT NULL DEFAULT 0,
    completion_tokens INTEGER NOT NULL DEFAULT 0,
    calls INTEGER NOT NULL DEFAULT 0,
    duration_seconds REAL,
    owner TEXT,                        -- host:pid:run of the run holding the claim
    claimed_at REAL,                   -- when the claim was taken, then renewed by its owner's heartbeat (the lease)
    updated_at REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_status ON articles (status);
"""

# The columns the state reads back (Row).
_COLUMNS = (
    "key, source, status, text_sha256, fingerprint, report_path, error, prompt_tokens, completion_tokens, calls, "
    "duration_seconds, owner, claimed_at"
)


# How long a SQLite write waits for another process's (sqlite3's busy timeout).
_BUSY_SECONDS = 60.0

# Runs alive in this process (a process may hold several runs, e.g. threads in a test).
_LIVE_RUNS: set[str] = set()


def default_state_path() -> Path:
    return Path(platformdirs.user_data_dir("factcheck")) / "state.sqlite3"


def state_location(value: str | Path | None) -> Path | str:
    """A --state value: a postgresql:// URL as it is, else the SQLite file (default: in the user data directory)."""
    from .postgres import is_postgres_url

    if is_postgres_url(value):
        return str(value)
    return Path(value or default_state_path()).expanduser().resolve()


def check_state(location: Path | str) -> None:
    """StateUnavailable now if the state cannot be used (a PostgreSQL server that does not answer, or a
    database with another program's tables; a SQLite file that is a folder, read-only, in a folder that
    cannot be made, or not a factcheck state), before anything slow (the bundled model) is loaded. Leaves
    nothing open: no connection, no heartbeat thread (serve forks after this)."""
    from .postgres import Connection, is_postgres_url

    db = Connection(location) if is_postgres_url(location) else SQLite(Path(location))
    try:
        db.create(State._SCHEMAS, State._PROBES)
    finally:
        db.close()


class Claim(str, Enum):
    CLAIMED = "claimed"  # this run does the article now
    DONE = "done"  # already done with the same text, model and prompts: nothing to do
    BUSY = "busy"  # another live run is doing it


@dataclass(frozen=True, slots=True)
class Row:
    key: str
    source: str
    status: str
    text_sha256: str | None
    fingerprint: str | None
    report_path: str | None
    error: str | None
    prompt_tokens: int
    completion_tokens: int
    calls: int
    duration_seconds: float | None
    owner: str | None
    claimed_at: float | None


class State:
    """The state database of one run. Thread-safe: calls are serialised on one connection."""

    # The tables whose rows are claimed: the id column of each, and what else a given-back claim resets.
    _CLAIMS: dict[str, tuple[str, str]] = {"articles": ("key", "")}
    _SCHEMAS: tuple[str, ...] = (_SCHEMA,)
    # Reads of every column the state uses: another program's tables of the same names fail these at open.
    _PROBES: tuple[str, ...] = (f"SELECT {_COLUMNS} FROM articles LIMIT 0",)

    def __init__(self, location: Path | str, *, lease: float = LEASE_SECONDS) -> None:
        from .postgres import Connection, is_postgres_url

        self.path = location
        self._db = Connection(location) if is_postgres_url(location) else SQLite(Path(location))
        try:
            self._db.create(self._SCHEMAS, self._PROBES)
        except BaseException:
            self._db.close()
            raise
        self._lock = threading.Lock()
        self.lease = lease
        self.owner = f"{this_host()}:{os.getpid()}:{uuid.uuid4().hex[:12]}"
        _LIVE_RUNS.add(self.owner)
        self._closing = threading.Event()
        self._heartbeat = threading.Thread(target=self._beat, name="factcheck-state-heartbeat", daemon=True)
        self._heartbeat.start()

    def close(self) -> None:
        """Give back what this run still holds (an interrupted article is pending again). Idempotent; the
        connection is closed even when the giving back fails (the lease then frees the claims)."""
        if self.owner not in _LIVE_RUNS:
            return
        self._closing.set()
        self._heartbeat.join()
        try:
            self.release_mine()
        finally:
            _LIVE_RUNS.discard(self.owner)
            self._db.close()

    def __enter__(self) -> State:
        return self

    def __exit__(self, exc_type: object, *_: object) -> None:
        try:
            self.close()
        except StateUnavailable as exc:
            if exc_type is None:
                raise
            # The error that ended the run says what went wrong; the state's own failure must not hide it.
            log.warning("could not give back this run's claims (their lease frees them): %s", exc)

    def _beat(self) -> None:
        while not self._closing.wait(self.lease / 3):
            try:
                self.renew()
                self.release_dead_claims()
            except Exception as exc:  # the next beat tries again; the lease outlasts two missed ones
                log.warning("state heartbeat failed: %s", exc)

    def renew(self) -> None:
        """This run's claims are still held: their lease starts again now."""
        with self._lock, self._transaction():
            for table in self._CLAIMS:
                self._db.execute(f"UPDATE {table} SET claimed_at=? WHERE status='running' AND owner=?", (time.time(), self.owner))

    def release_mine(self) -> None:
        """This run's claims become pending: a stop mid-article loses nothing but the time spent."""
        with self._lock, self._transaction():
            for table, (_, reset) in self._CLAIMS.items():
                self._db.execute(
                    f"UPDATE {table} SET status='pending', owner=NULL{reset}, updated_at=? WHERE status='running' AND owner=?",
                    (time.time(), self.owner),
                )

    def give_back(self, key: str) -> None:
        """This run's claim of one article becomes pending (its state failed under it: it is done again)."""
        with self._lock, self._transaction():
            self._db.execute(
                "UPDATE articles SET status='pending', owner=NULL, updated_at=? WHERE key=? AND status='running' AND owner=?",
                (time.time(), key, self.owner),
            )

    def release_dead_claims(self) -> int:
        """Claims held by runs that died (killed, crashed, their machine gone) become pending again."""
        released = 0
        with self._lock, self._transaction():
            for table, (id_column, reset) in self._CLAIMS.items():
                rows = self._db.execute(f"SELECT {id_column}, owner, claimed_at FROM {table} WHERE status='running'").fetchall()
                dead = [row_id for row_id, owner, claimed_at in rows if not self._alive(owner, claimed_at)]
                self._db.executemany(
                    f"UPDATE {table} SET status='pending', owner=NULL{reset}, updated_at=? WHERE {id_column}=? AND status='running'",
                    [(time.time(), row_id) for row_id in dead],
                )
                released += len(dead)
        return released

    def _alive(self, owner: str | None, claimed_at: float | None) -> bool:
        return _owner_alive(owner, claimed_at, self.lease)

    def claim(self, key: str, *, source: str, title: str | None, text_sha256: str, fingerprint: str) -> tuple[Claim, Row | None]:
        """Decide, atomically across runs, whether this run does the article now.

        Returns the decision and the row as it was before (None for an article never seen).
        """
        now = time.time()
        with self._lock, self._transaction():
            before = self._row(key)
            if before is not None:
                if before.status == "done" and before.text_sha256 == text_sha256 and before.fingerprint == fingerprint:
                    if before.report_path and Path(before.report_path).is_file():
                        return Claim.DONE, before
                if before.status == "running" and (before.owner == self.owner or self._alive(before.owner, before.claimed_at)):
                    return Claim.BUSY, before  # another run, or another worker of this one (a duplicate)
            self._db.execute(
                """INSERT INTO articles (key, source, title, text_sha256, fingerprint, status, owner, claimed_at, updated_at)
                   VALUES (?, ?, ?, ?, ?, 'running', ?, ?, ?)
                   ON CONFLICT (key) DO UPDATE SET source=excluded.source, title=excluded.title,
                       text_sha256=excluded.text_sha256, fingerprint=excluded.fingerprint, status='running',
                       error=NULL, owner=excluded.owner, claimed_at=excluded.claimed_at, updated_at=excluded.updated_at""",
                (key, source, title, text_sha256, fingerprint, self.owner, now, now),
            )
            return Claim.CLAIMED, before

    def moved(self, key: str, report_path: Path) -> None:
        """A done article's report, copied to another output folder."""
        with self._lock, self._transaction():
            self._db.execute("UPDATE articles SET report_path=?, updated_at=? WHERE key=?", (str(report_path), time.time(), key))

    def done(self, key: str, *, report_path: Path, prompt_tokens: int, completion_tokens: int, calls: int, duration: float) -> bool:
        """Record the article's report, if this run still holds its claim. False when it lost it (its lease
        ran out and another run took the article): the report file stays, the row is the other run's."""
        with self._lock, self._transaction():
            cursor = self._db.execute(
                """UPDATE articles SET status='done', error=NULL, report_path=?, prompt_tokens=?, completion_tokens=?,
                       calls=?, duration_seconds=?, owner=NULL, updated_at=? WHERE key=? AND owner=?""",
                (str(report_path), prompt_tokens, completion_tokens, calls, round(duration, 3), time.time(), key, self.owner),
            )
            return cursor.rowcount > 0

    def failed(self, key: str, *, source: str, error: str, duration: float | None = None) -> None:
        """Record a failure. The row may not exist yet (an article that could not even be read)."""
        now = time.time()
        with self._lock, self._transaction():
            self._db.execute(
                """INSERT INTO articles (key, source, status, error, duration_seconds, updated_at)
                   VALUES (?, ?, 'failed', ?, ?, ?)
                   ON CONFLICT (key) DO UPDATE SET status='failed', error=excluded.error, owner=NULL,
                       duration_seconds=excluded.duration_seconds, updated_at=excluded.updated_at
                   WHERE articles.owner IS NULL OR articles.owner=?""",
                (key, source, error, None if duration is None else round(duration, 3), now, self.owner),
            )

    def row(self, key: str) -> Row | None:
        with self._lock:
            return self._row(key)

    def rows(self) -> list[Row]:
        with self._lock:
            cursor = self._db.execute(f"SELECT {_COLUMNS} FROM articles ORDER BY key")
            return [Row(*values) for values in cursor.fetchall()]

    def _row(self, key: str) -> Row | None:
        values = self._db.execute(f"SELECT {_COLUMNS} FROM articles WHERE key=?", (key,)).fetchone()
        return Row(*values) if values else None

    def _transaction(self):
        return _Immediate(self._db)


class _Immediate:
    """BEGIN IMMEDIATE ... COMMIT: takes the write lock first, so a read-then-write cannot race another run.
    (`begin="BEGIN"` on PostgreSQL: a transaction without the lock, for rows claimed with SKIP LOCKED.)"""

    def __init__(self, db, begin: str = "BEGIN IMMEDIATE") -> None:
        self.db, self.begin = db, begin

    def __enter__(self) -> None:
        self.db.execute(self.begin)

    def __exit__(self, exc_type: object, *_: object) -> None:
        self.db.execute("ROLLBACK" if exc_type else "COMMIT")


class SQLite:
    """The state's SQLite connection: the few sqlite3.Connection methods the state uses (as postgres.Connection
    offers them), with every sqlite3 error a StateUnavailable that names the file and what is wrong with it.
    A --state that is a folder, read-only or another program's file is bad input: one line, exit 22."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            found = next((p for p in path.parents if p.exists()), None)  # the nearest that exists: a file?
            why = f"{found} is not a folder" if found and not found.is_dir() else f"cannot make its folder: {exc.strerror or exc}"
            raise StateUnavailable(f"{_cannot_open(path)}: {why}") from exc
        try:
            # Autocommit mode: every write opens its own BEGIN IMMEDIATE transaction (_Immediate).
            self.connection = sqlite3.connect(path, timeout=_BUSY_SECONDS, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as exc:
            raise StateUnavailable(f"{_cannot_open(path)}: {_why(path, exc)}") from exc
        try:
            _wal(self.connection)
            # In WAL mode NORMAL survives a killed process (kill -9) and stays consistent; only a power cut
            # can lose the last commits. FULL would fsync every claim (about 5 ms per article, measured).
            self.connection.execute("PRAGMA synchronous=NORMAL")
        except sqlite3.Error as exc:
            self.connection.close()
            raise StateUnavailable(f"{_cannot_open(path)}: {_why(path, exc)}") from exc

    def create(self, schemas: tuple[str, ...], probes: tuple[str, ...]) -> None:
        """The tables, then a write and the probes' reads of every column the state uses, all under the write lock taken
        first (a CREATE run in autocommit reads the schema, then writes, and fails at once, with no busy
        wait, if another process wrote between). So a read-only file, or another program's database with
        its own `articles` table, fails here, at the start, rather than at the first article's result."""
        script = "\n".join(schemas)
        try:
            self.connection.executescript(
                f"BEGIN IMMEDIATE;\n{script}\nDELETE FROM articles WHERE 0;\n{';'.join(probes)};\nCOMMIT;"
            )
        except sqlite3.Error as exc:
            if self.connection.in_transaction:
                self.connection.rollback()
            raise StateUnavailable(f"{_cannot_open(self.path)}: {_why(self.path, exc)}") from exc

    def execute(self, sql: str, params: tuple = ()) -> sqlite3.Cursor | None:
        if sql == "ROLLBACK" and not self.connection.in_transaction:
            return None  # SQLite rolled it back itself (a full disk, an I/O error): the error raised says why
        try:
            return self.connection.execute(sql, params)
        except sqlite3.Error as exc:
            raise StateUnavailable(f"the state database {self.path} failed: {_why(self.path, exc)}") from exc

    def executemany(self, sql: str, rows: list[tuple]) -> None:
        try:
            self.connection.executemany(sql, rows)
        except sqlite3.Error as exc:
            raise StateUnavailable(f"the state database {self.path} failed: {_why(self.path, exc)}") from exc

    def close(self) -> None:
        self.connection.close()


def _cannot_open(path: Path) -> str:
    return f"cannot use the state database {path} (--state or FACTCHECK_STATE)"


def _why(path: Path, exc: sqlite3.Error) -> str:
    """What is wrong with the file, in words: sqlite3 says "unable to open database file" for most of it."""
    code = getattr(exc, "sqlite_errorcode", None) or 0
    if path.is_dir():
        return f"it is a folder; give a file, e.g. {path / 'state.sqlite3'}"
    if code & 0xFF == sqlite3.SQLITE_NOTADB:
        return "it is not a SQLite database; give a new file, or the state of an earlier run"
    if code & 0xFF == sqlite3.SQLITE_READONLY:
        if path.exists() and not os.access(path, os.W_OK):
            return "the file is read-only"
        return f"it is read-only: its folder {path.parent} must be writable too (SQLite keeps its -wal and -shm files there)"
    if code & 0xFF == sqlite3.SQLITE_CANTOPEN:
        where = path if path.exists() else path.parent
        return f"cannot open it: {where} is not writable" if not os.access(where, os.W_OK) else "cannot open it"
    if "no such column" in str(exc) or "has no column" in str(exc):
        return f"it is not a factcheck state ({exc}); give a new file"
    return str(exc)


def _wal(db: sqlite3.Connection) -> None:
    """Switch the database to WAL mode, waiting for another process that holds its write lock.

    A new state file is switched from inside a read, and SQLite answers "database is locked" at once,
    without the busy timeout, while another connection holds the write lock: two runs creating one state
    at once (measured: 4 of 1,650 processes opening a new state three at a time). So the switch is asked again until it passes; once the
    file is in WAL mode, asking is a no-op."""
    deadline = time.monotonic() + _BUSY_SECONDS
    while True:
        try:
            db.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if exc.sqlite_errorcode & 0xFF != sqlite3.SQLITE_BUSY or time.monotonic() > deadline:  # any SQLITE_BUSY_*
                raise
        time.sleep(0.01)


def this_host() -> str:
    """The machine's name, the first part of every owner (tests.batch_double makes it another machine's)."""
    return socket.gethostname()


def _owner_alive(owner: str | None, claimed_at: float | None, lease: float) -> bool:
    if not owner:
        return False
    host, pid, _run = owner.split(":")
    if host == this_host() and int(pid) == os.getpid():
        # This process's own runs are known, whatever the lease says: a heartbeat that waited (a busy
        # machine, a state that answered late) must not give back the claims its own workers still hold.
        return owner in _LIVE_RUNS
    if claimed_at is None or time.time() - claimed_at > lease:
        return False  # not renewed: dead, or a process that reused a dead owner's pid
    if host != this_host():
        return True  # cannot look at another machine's processes: the lease decides
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, under another user
        return True
    return True

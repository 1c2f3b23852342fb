"""The state on PostgreSQL (`--state postgresql://...` / FACTCHECK_STATE), for `batch`, `schedule` and
`serve` processes on several machines sharing one queue and one cache of done articles.

The same tables and the same statements as the SQLite state (factcheck.state, factcheck.serve.jobs),
through a thin adapter: `?` placeholders become `%s`, REAL columns double precision, LIKE ILIKE (SQLite's
LIKE ignores case). SQLite's write transactions are serialised by the database (BEGIN IMMEDIATE); here
each takes one transaction-scoped advisory lock instead, so an article's read-then-claim stays atomic
across processes. Serve's jobs are claimed without it, row by row, with SELECT ... FOR UPDATE SKIP
LOCKED (factcheck.serve.postgres).

One connection per process, used under the state's lock. A connection that dropped while idle (a
server restart, a failover, an idle timeout, pg_terminate_backend) is found out by the next statement
that opens an operation, and that operation reconnects once and goes on. One that drops in the middle of
a transaction fails that operation with StateUnavailable (the transaction was rolled back by the server,
so nothing half-done remains) and the next one reconnects.

Reports are files: processes on several machines need their report folders on storage they all see.
Needs the `postgres` extra (psycopg).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit, urlunsplit

from .errors import ConfigError, StateUnavailable

_WRITE_LOCK = 0x66616374  # the advisory lock every write transaction takes (any constant, the same in every process)


def is_postgres_url(value: object) -> bool:
    return isinstance(value, str) and re.match(r"(?i)postgres(ql)?://", value) is not None


def shown(url: str) -> str:
    """The URL without its password, for messages and logs."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = f"{parts.username}:***@{parts.hostname}" + (f":{parts.port}" if parts.port else "")
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


class Connection:
    """The few sqlite3.Connection methods the state uses, on a psycopg connection in autocommit mode."""

    def __init__(self, url: str) -> None:
        try:
            import psycopg
        except ImportError:
            raise ConfigError("a PostgreSQL state needs psycopg: pip install 'factcheck[postgres]'") from None
        self._psycopg = psycopg
        self.url = url
        self.connection = self._connect()
        self._in_transaction = False

    def _connect(self):
        try:
            return self._psycopg.connect(self.url, autocommit=True, connect_timeout=10)
        except self._psycopg.Error as exc:
            raise StateUnavailable(f"cannot connect to the PostgreSQL state {shown(self.url)}: {_first_line(exc)}") from None

    @staticmethod
    def _sql(sql: str) -> str:
        return re.sub(r"\bLIKE\b", "ILIKE", sql.replace("?", "%s"))

    def execute(self, sql: str, params: tuple = ()):
        if sql in ("BEGIN", "BEGIN IMMEDIATE"):
            self._run("BEGIN")
            self._in_transaction = True
            if sql == "BEGIN IMMEDIATE":
                self._run("SELECT pg_advisory_xact_lock(%s)", (_WRITE_LOCK,))
            return None
        if sql in ("COMMIT", "ROLLBACK"):
            self._in_transaction = False
            if sql == "ROLLBACK" and self.connection.broken:
                return None  # the server rolled it back when the connection dropped
            return self._run(sql)
        return self._run(self._sql(sql), params)

    def executemany(self, sql: str, rows: list[tuple]) -> None:
        if rows:
            try:
                with self.connection.cursor() as cursor:
                    cursor.executemany(self._sql(sql), rows)
            except self._psycopg.OperationalError as exc:
                raise self._lost(exc) from None

    def create(self, schemas: tuple[str, ...], probes: tuple[str, ...]) -> None:
        """Create tables under the write lock, so that processes starting at once do not race; then read
        every column the state uses (the probes), so that a database holding another program's tables of
        the same names fails here, at the start, rather than at the first article's result."""
        self.execute("BEGIN IMMEDIATE")
        try:
            for script in schemas:
                self._run(re.sub(r"\bREAL\b", "DOUBLE PRECISION", script))
            for probe in probes:
                self._run(probe)
        except self._psycopg.ProgrammingError as exc:  # a column or table of another shape
            self.execute("ROLLBACK")
            raise StateUnavailable(
                f"cannot use the PostgreSQL state {shown(self.url)}: it is not a factcheck state ({_first_line(exc)}); give a new database"
            ) from None
        except BaseException:
            self.execute("ROLLBACK")
            raise
        self.execute("COMMIT")

    def close(self) -> None:
        self.connection.close()

    def _run(self, sql: str, params: tuple = ()):
        try:
            return self.connection.execute(sql, params)
        except self._psycopg.OperationalError as exc:
            if self._in_transaction or not self.connection.broken:
                raise self._lost(exc) from None
        # The first statement of an operation met a connection that had dropped: nothing of this operation
        # ran yet, so it starts again, once, on a new connection.
        self.connection = self._connect()
        try:
            return self.connection.execute(sql, params)
        except self._psycopg.OperationalError as exc:
            raise self._lost(exc) from None

    def _lost(self, exc: Exception) -> StateUnavailable:
        self._in_transaction = False
        return StateUnavailable(f"the PostgreSQL state {shown(self.url)} failed: {_first_line(exc)}")


def _first_line(exc: Exception) -> str:
    return (str(exc).strip().splitlines() or [exc.__class__.__name__])[0]

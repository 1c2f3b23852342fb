"""The job state on PostgreSQL (`--state postgresql://...`), for `factcheck serve` processes on several
machines sharing one queue.

The same tables and the same statements as the SQLite state (factcheck.state, factcheck.serve.jobs),
through a thin adapter: `?` placeholders become `%s`, REAL columns double precision, LIKE ILIKE (SQLite's
LIKE ignores case). SQLite's write transactions are serialised by the database (BEGIN IMMEDIATE); here
each takes one transaction-scoped advisory lock instead, so an article's read-then-claim stays atomic
across processes. Jobs are claimed without it, row by row, with SELECT ... FOR UPDATE SKIP LOCKED:
workers of every process take different jobs and never wait for one another.

Reports are files: processes on several machines need `--reports` on storage they all see.
Needs the `postgres` extra (psycopg).
"""

from __future__ import annotations

import os
import re
import socket
import threading
import time
import uuid

from ..errors import ConfigError
from ..state import _LIVE_RUNS, _SCHEMA
from .jobs import _JOB_COLUMNS, _JOBS_SCHEMA, Job, JobState

_WRITE_LOCK = 0x66616374  # the advisory lock every write transaction takes (any constant, the same in every process)


def is_postgres_url(value: str) -> bool:
    return re.match(r"(?i)postgres(ql)?://", value) is not None


class _Adapter:
    """The few sqlite3.Connection methods the state uses, on a psycopg connection in autocommit mode."""

    def __init__(self, connection) -> None:
        self.connection = connection

    @staticmethod
    def _sql(sql: str) -> str:
        return re.sub(r"\bLIKE\b", "ILIKE", sql.replace("?", "%s"))

    def execute(self, sql: str, params: tuple = ()):
        if sql == "BEGIN IMMEDIATE":
            self.connection.execute("BEGIN")
            return self.connection.execute("SELECT pg_advisory_xact_lock(%s)", (_WRITE_LOCK,))
        return self.connection.execute(self._sql(sql), params)

    def executemany(self, sql: str, rows: list[tuple]) -> None:
        if rows:
            with self.connection.cursor() as cursor:
                cursor.executemany(self._sql(sql), rows)

    def executescript(self, script: str) -> None:
        self.connection.execute(re.sub(r"\bREAL\b", "DOUBLE PRECISION", script))

    def close(self) -> None:
        self.connection.close()


class PostgresJobState(JobState):
    """JobState on a PostgreSQL database; the same methods, one connection per process (serialised)."""

    def __init__(self, url: str) -> None:  # noqa: super().__init__ opens SQLite: not called
        try:
            import psycopg
        except ImportError:
            raise ConfigError("a PostgreSQL state needs psycopg: pip install 'factcheck[postgres]'") from None
        try:
            connection = psycopg.connect(url, autocommit=True, connect_timeout=10)
        except psycopg.Error as exc:
            raise ConfigError(f"cannot connect to the PostgreSQL state: {str(exc).strip().splitlines()[0]}") from None
        self.path = url
        self._db = _Adapter(connection)
        self._lock = threading.Lock()
        with self._lock, self._transaction():  # two processes starting at once must not both create the tables
            self._db.executescript(_SCHEMA)
            self._db.executescript(_JOBS_SCHEMA)
        self.owner = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:12]}"
        _LIVE_RUNS.add(self.owner)

    def claim_job(self) -> Job | None:
        """The oldest pending job that no other process is claiming now (SKIP LOCKED), now ours."""
        now = time.time()
        connection = self._db.connection
        with self._lock, connection.transaction():
            found = connection.execute(
                """SELECT id FROM jobs WHERE status='pending' AND not_before<=%s
                   ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED""",
                (now,),
            ).fetchone()
            if found is None:
                return None
            connection.execute(
                "UPDATE jobs SET status='running', owner=%s, claimed_at=%s, phase='reading', updated_at=%s WHERE id=%s",
                (self.owner, now, now, found[0]),
            )
            values = connection.execute(f"SELECT {_JOB_COLUMNS} FROM jobs WHERE id=%s", (found[0],)).fetchone()
        return Job(*values)

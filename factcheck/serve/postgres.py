"""Serve's jobs on a PostgreSQL state (factcheck.postgres): claimed row by row with SELECT ... FOR UPDATE
SKIP LOCKED, without the write lock every other write takes, so that the workers of every process take
different jobs and never wait for one another."""

from __future__ import annotations

import time

from ..state import _Immediate
from .jobs import Job, JobState


class PostgresJobState(JobState):
    """JobState on a PostgreSQL database; the same methods, one connection per process (serialised)."""

    def claim_job(self) -> Job | None:
        """The oldest pending job that no other process is claiming now (SKIP LOCKED), now ours."""
        now = time.time()
        with self._lock, _Immediate(self._db, begin="BEGIN"):
            found = self._db.execute(
                """SELECT id FROM jobs WHERE status='pending' AND not_before<=?
                   ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED""",
                (now,),
            ).fetchone()
            if found is None:
                return None
            self._db.execute(
                "UPDATE jobs SET status='running', owner=?, claimed_at=?, phase='reading', updated_at=? WHERE id=?",
                (self.owner, now, now, found[0]),
            )
            return self._job(found[0])

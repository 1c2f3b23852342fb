"""`factcheck serve`: the newsroom service, an HTTP API and a page over the batch's state and pipeline.

`run` checks that the state answers, starts the worker process (factcheck.serve.jobs.WorkerProcess: the
backend and the jobs, started again if it dies alone), opens the state database, then serves the application (factcheck.serve.app) with uvicorn until Ctrl-C or
SIGTERM, which stop the workers too.
"""

from __future__ import annotations

import ipaddress
import logging
from pathlib import Path

from ..errors import ConfigError
from .app import ServeConfig, create_app

__all__ = ["ServeConfig", "create_app", "is_loopback", "run"]


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a name: it may resolve to anything


def run(config: ServeConfig, *, host: str = "127.0.0.1", port: int = 8000, log_level: str = "info") -> None:
    """Serve until interrupted. Binding beyond loopback needs a token: the API runs a model for anyone who can reach it."""
    import uvicorn

    from ..postgres import shown
    from ..redact import remember
    from ..state import check_state
    from .jobs import WorkerProcess, open_state

    if not is_loopback(host) and not config.token:
        raise ConfigError(f"--host {host} is reachable from other machines: set a token (--token or FACTCHECK_SERVE_TOKEN)")
    if config.token:
        remember(config.token)  # so that no message or log line can show it
    check_state(config.state_path)  # a wrong --state fails at once, not once the model has loaded
    # Then the workers, forked from this process while it has one thread; they build the backend (the
    # bundled model loads there) and open the state on their own connection.
    workers = WorkerProcess(settings=config.settings, state_path=config.state_path, reports_dir=config.reports_dir, workers=config.workers)
    workers.start()
    try:
        state = open_state(config.state_path, lease=config.settings.state_lease)
        try:
            app = create_app(config, state, workers)
            logging.getLogger("factcheck.serve").info("state %s, reports in %s", shown(str(config.state_path)), config.reports_dir)
            server = uvicorn.Server(
                uvicorn.Config(
                    app, host=host, port=port, log_level=log_level, proxy_headers=False, server_header=False,
                    timeout_graceful_shutdown=config.drain_seconds,
                )
            )
            server.run()
        finally:
            state.close()
    finally:
        workers.stop(config.drain_seconds)  # at once if the application stopped it already


def default_reports_dir(state_path: Path | str) -> Path:
    """The service's reports: beside its state database (in the user data directory for PostgreSQL)."""
    if not isinstance(state_path, Path):
        from ..state import default_state_path

        state_path = default_state_path()
    return state_path.parent / "reports"


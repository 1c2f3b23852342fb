"""One exception tree, caught once in cli.py and turned into a one-line message and an exit code.

Each kind of failure has its own exit code so that scripts and cron jobs can tell them apart;
the table is printed by `factcheck --help` and documented in the README.
"""

from __future__ import annotations


class FactcheckError(Exception):
    """Another error (the base of every error factcheck reports to the user)."""

    exit_code = 1


class InputNotFound(FactcheckError):
    """The article file does not exist, is not a regular file or cannot be read."""

    exit_code = 3


class InputTooLarge(FactcheckError):
    """The input is larger than the size limit for one article."""

    exit_code = 15


class EmptyInput(FactcheckError):
    """The article has no text to analyse."""

    exit_code = 4


class BinaryInput(FactcheckError):
    """The input is a binary file (an image, a PDF, an archive...), not an article."""

    exit_code = 5


class UndecodableInput(FactcheckError):
    """The bytes are not valid text in any encoding we accept."""

    exit_code = 6


class InvalidFrontMatter(FactcheckError):
    """The article's front matter is malformed."""

    exit_code = 13


class InvalidReport(FactcheckError):
    """The file is not a factcheck JSON report."""

    exit_code = 14


class ReportAsInput(FactcheckError):
    """The input is a factcheck JSON report, not an article (factcheck render shows it again)."""

    exit_code = 21


class FetchError(FactcheckError):
    """A URL could not be fetched."""

    exit_code = 7


class URLRefused(FetchError):
    """A URL was refused: not http(s), or its host is a private, loopback or reserved address."""

    exit_code = 16


class ProviderUnavailable(FactcheckError):
    """The model server could not be reached, broke the connection or did not answer in time."""

    exit_code = 8


class ServerError(FactcheckError):
    """The model server kept failing (HTTP 5xx, or an answer that is not an API response) after the retries."""

    exit_code = 17


class AuthenticationFailed(FactcheckError):
    """The model server rejected the API key."""

    exit_code = 9


class ModelOutputError(FactcheckError):
    """The model kept returning invalid output: nothing usable was left after the re-asks."""

    exit_code = 10


class ConfigError(FactcheckError):
    """The configuration (flags, environment, config file, prompt files) is invalid."""

    exit_code = 11


class RateLimited(FactcheckError):
    """The model server kept answering 429 after the configured retries."""

    exit_code = 12


class OutputError(FactcheckError):
    """A file could not be written: no permission, a missing folder that cannot be made, a full disk."""

    exit_code = 18

    @classmethod
    def of(cls, exc: OSError, what: str = "cannot write") -> OutputError:
        """One line from an OSError: what failed, on which file, and why."""
        where = f"{exc.filename}: " if exc.filename else ""
        return cls(f"{what} {where}{exc.strerror or exc}")


class BatchFailures(FactcheckError):
    """Some articles of a batch failed (the others were done); the message gives the count."""

    exit_code = 19


class ScheduleError(FactcheckError):
    """A schedule could not be installed, found or removed (systemctl or crontab failed)."""

    exit_code = 20


class StateUnavailable(FactcheckError):
    """The state database cannot be used (a SQLite file that is a folder, read-only or not a state; PostgreSQL down)."""

    exit_code = 22


# Every error class above, by exit code: the table of `factcheck --help` and the README.
EXIT_CODES: dict[int, str] = {
    cls.exit_code: cls.__doc__.strip().splitlines()[0]
    for cls in list(globals().values())
    if isinstance(cls, type) and issubclass(cls, FactcheckError)
}

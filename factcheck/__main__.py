"""`python -m factcheck` runs the command line."""

from .cli import app

app(prog_name="factcheck")

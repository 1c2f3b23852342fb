"""factcheck: grounded summaries, claim checklists and timelines of news articles."""

__version__ = "0.1.0"

"""`factcheck check`: which of a journalist's statements (a headline, a summary, a post; one a line)
the article supports, which sentences support each, and why the others fail.

The same checker the chains use (``factcheck.faithfulness``), finding the supporting sentences itself;
no model is called.
"""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict, Field

from .article import Article
from .errors import EmptyInput
from .faithfulness import find_support


class StatementResult(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str
    supported: bool
    sources: list[str] = Field(description="ids of the article sentences that best support it (S1, S2, ...)")
    problems: list[str] = Field(description="why it is not supported, in plain words; empty when it is")
    kinds: list[str] = Field(default_factory=list, description="the kind of each problem, as factcheck.faithfulness.KINDS names it")


class CheckResult(BaseModel):
    model_config = ConfigDict(extra="forbid")

    statements: list[StatementResult]

    @property
    def all_supported(self) -> bool:
        return all(s.supported for s in self.statements)


def statement_lines(text: str) -> list[str]:
    """One statement a line; blank lines are skipped."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def check_statements(article: Article, statements: Sequence[str]) -> CheckResult:
    """Each statement, in input order, against the article's prose sentences."""
    if not statements:
        raise EmptyInput("no statement to check: give one a line, or --text")
    sentences = [(s.id, s.text) for s in article.sentences if not s.heading] or [(s.id, s.text) for s in article.sentences]
    results = []
    for text in statements:
        ids, problems = find_support(text, sentences, published=article.published)
        results.append(
            StatementResult(
                text=text,
                supported=not problems,
                sources=ids,
                problems=[p.message for p in problems],
                kinds=[p.kind for p in problems],
            )
        )
    return CheckResult(statements=results)


def to_markdown(result: CheckResult, article: Article) -> str:
    supported = sum(s.supported for s in result.statements)
    lines = [f"# Statements checked against the article: {supported} of {len(result.statements)} supported", ""]
    for number, item in enumerate(result.statements, start=1):
        verdict = "supported" if item.supported else "NOT supported"
        lines.append(f"## {number}. {verdict}")
        lines.append("")
        lines.append(f"> {item.text}")
        lines.append("")
        for sid in item.sources:
            sentence = article.sentence(sid)
            if sentence is not None:
                lines.append(f"- {sid}: {sentence.text}")
        for problem in item.problems:
            lines.append(f"- problem: {problem}")
        lines.append("")
    return "\n".join(lines)

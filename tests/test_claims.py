"""The claims chain's code: clauses, attribution, types, merging, ordering and the checklist."""

from __future__ import annotations

from factcheck import grounding
from factcheck.article import load_article
from factcheck.models import Claim
from factcheck.pipeline import (
    check_attribution_kept,
    check_claim_type,
    check_verify,
    classify_claim,
    dedupe_claims,
    order_claims,
    split_clauses,
)
from factcheck.render import claims_markdown

from .conftest import SEED

ARTICLE = load_article(str(SEED))


def sentence(start: str):
    return next(s for s in ARTICLE.sentences if s.text.startswith(start))


def claim(text: str, score: float = 0.5, checkable: bool = True, sources=("S1",)) -> Claim:
    return Claim(
        id="", text=text, type="event" if checkable else "opinion", speaker="the outlet", sources=list(sources),
        quote=text, checkable=checkable, checkworthiness=score, reason="r", verify="v",
    )


def test_compound_sentences_split_into_verbatim_clauses() -> None:
    s = sentence("Erdogan said that Türkiye has increased")
    parts = split_clauses(s.text)
    assert len(parts) == 2 and all(p in s.text for p in parts)
    assert parts[1].startswith("he has held meetings with Putin")
    assert split_clauses("A short sentence with no clause break.") == ["A short sentence with no clause break."]


def test_attribution_is_found_and_pronouns_resolved() -> None:
    assert grounding.attribution(sentence("NATO Secretary General Mark Rutte described"), ARTICLE) == "Mark Rutte"
    assert grounding.attribution(sentence("He said it is excellent"), ARTICLE) == "Rutte"  # "He" after Rutte's statement
    assert grounding.attribution(sentence("He said Türkiye expects"), ARTICLE) == "Erdogan"
    assert grounding.attribution(sentence("The discussions focused"), ARTICLE) is None


def test_attribution_is_kept_never_upgraded() -> None:
    said = sentence("He said it is excellent")
    assert check_attribution_kept("Rutte", said, ARTICLE) == []
    assert check_attribution_kept("Mark Rutte", said, ARTICLE) == []
    assert "attributes this to 'Rutte'" in check_attribution_kept("Erdogan", said, ARTICLE)[0]
    outlet = sentence("The discussions focused")
    assert check_attribution_kept("the outlet", outlet, ARTICLE) == []
    assert "own voice" in check_attribution_kept("Erdogan", outlet, ARTICLE)[0]


def test_claim_types_must_fit_the_wording() -> None:
    putin = sentence("The proposal for unconditional talks").text
    assert check_claim_type("statistic", putin, "the outlet")  # "May 15" is a date, not a figure
    assert check_claim_type("statistic", "Unemployment fell to 3.5 percent.", "the outlet") == []
    assert check_claim_type("quote", putin, "the outlet")
    assert check_claim_type("prediction", "The talks took place.", "the outlet")


def test_code_types_a_claim_from_its_wording() -> None:
    assert classify_claim(sentence("NATO Secretary General Mark Rutte described").text, "Mark Rutte") == "opinion"
    assert classify_claim(sentence("During the meeting, Erdogan stated").text, "Erdogan") == "quote"  # a stated plan
    assert classify_claim("Prices are expected to rise.", "the outlet") == "prediction"
    assert classify_claim("Unemployment fell to 3.5 percent.", "the outlet") == "statistic"
    assert classify_claim(sentence("The proposal for unconditional talks").text, "the outlet") == "event"


def test_verify_must_name_a_primary_source() -> None:
    assert check_verify("Search the web for news reports.", "x")
    assert check_verify("Ask around.", "x")
    assert check_verify("The official transcript of the press conference in Moscow.", "x") == []


def test_near_duplicates_merge_and_order_puts_opinions_last() -> None:
    merged = dedupe_claims([
        claim("Putin proposed talks in Istanbul on May 15", sources=["S11"]),
        claim("Putin proposed talks in Istanbul on May 15.", sources=["S3"]),
        claim("Rutte met Erdogan in Ankara", sources=["S2"]),
    ])
    assert len(merged) == 2 and merged[0].sources == ["S3", "S11"]
    ordered = order_claims([claim("a b c", 0.2), claim("opinion x", 0.0, checkable=False), claim("d e f", 0.9)])
    assert [c.id for c in ordered] == ["C1", "C2", "C3"]
    assert [c.text for c in ordered] == ["d e f", "a b c", "opinion x"]


def test_checklist_groups_by_priority_and_says_when_nothing_is_checkable() -> None:
    lines = "\n".join(claims_markdown(order_claims([claim("high one", 0.8), claim("low one", 0.1)])))
    assert lines.index("### High priority") < lines.index("high one") < lines.index("### Low priority")
    assert "Medium priority" not in lines
    only_opinions = "\n".join(claims_markdown([claim("a view", 0.0, checkable=False)]))
    assert "No checkable claim was found" in only_opinions and "a view" in only_opinions

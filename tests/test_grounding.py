"""Grounding checks fire on what a model invents, and stay quiet on what the article says."""

from __future__ import annotations

import datetime as dt

from factcheck.checks import grounding
from factcheck.article import load_article

from .conftest import SEED

ARTICLE = load_article(str(SEED))
PUBLISHED = dt.date(2025, 5, 13)


def sentence(text_start: str):
    return next(s for s in ARTICLE.sentences if s.text.startswith(text_start))


def test_cited_ids_must_exist() -> None:
    found, problems = grounding.cited(ARTICLE, ["S1", "S999"])
    assert [s.id for s in found] == ["S1"]
    assert problems == ["cites S999, which is not a sentence of the article"]
    assert grounding.cited(ARTICLE, [])[1] == ["cites no sentence"]


def test_quote_must_be_verbatim() -> None:
    s = sentence("The proposal for unconditional talks")
    assert grounding.check_verbatim("quote", "unconditional talks in Istanbul on May 15", [s]) == []
    problems = grounding.check_verbatim("quote", "unconditional talks in Ankara", [s])
    assert problems and "does not occur verbatim" in problems[0]


def test_invented_name_is_caught() -> None:
    # The bundled model once answered that "Sergei Petrov ... agreed to meet with a Chinese diplomat".
    s = sentence("The proposal for unconditional talks")
    problems = grounding.check_content("the claim", "Sergei Petrov proposed talks in Istanbul.", [s], PUBLISHED)
    assert any("'Sergei'" in p for p in problems) and any("'Petrov'" in p for p in problems)
    assert grounding.check_content("the claim", "Putin proposed unconditional talks in Istanbul.", [s], PUBLISHED) == []


def test_invented_number_and_date_are_caught() -> None:
    s = sentence("The proposal for unconditional talks")
    numbers = grounding.check_content("the claim", "Putin proposed talks for 30 days.", [s], PUBLISHED)
    assert any("number 30" in p for p in numbers)
    dates = grounding.check_content("the claim", "Putin proposed talks on May 20.", [s], PUBLISHED)
    assert any("date" in p and "May 20" in p for p in dates)
    same = grounding.check_content("the claim", "Putin proposed talks in Istanbul on May 15.", [s], PUBLISHED)
    assert same == []
    # A date made explicit is checked as the date it is, not as loose numbers.
    explicit = "Putin proposed talks in Istanbul on May 15, 2025, in Moscow on Sunday (11 May 2025)."
    assert grounding.check_content("the claim", explicit, [s], PUBLISHED) == []
    wrong = grounding.check_content("the claim", "Putin proposed talks in Moscow on 12 May 2025.", [s], PUBLISHED)
    assert any("date '12 May 2025'" in p for p in wrong)


def test_attribution_must_be_kept() -> None:
    s = sentence("Erdogan said that Türkiye has increased")
    assert grounding.check_attribution("the sentence", "Türkiye has increased its efforts.", [s])
    assert grounding.check_attribution("the sentence", "Erdogan said Türkiye increased its efforts.", [s]) == []


def test_loaded_words_need_the_articles_own_use() -> None:
    assert grounding.check_loaded_words("x", "Erdogan slammed NATO.", ARTICLE.text)
    assert grounding.check_loaded_words("x", "Erdogan met Rutte.", ARTICLE.text) == []


def test_pronoun_resolution_cites_the_antecedent() -> None:
    s = sentence("He said it is excellent to meet Erdogan")
    found = grounding.antecedents("Rutte said it is excellent to meet Erdogan.", s, ARTICLE)
    assert found and "Rutte" in found[-1].text


def _story(text: str):
    from factcheck.article import split_sentences

    article = load_article("-", stdin=text.encode())
    assert article.sentences == split_sentences(article.text)
    return article, article.sentences[-1]


def test_a_pronoun_resolved_to_its_salient_antecedent_cites_it_and_another_name_does_not() -> None:
    # "She" is who the sentence before is about; a name from further back is not who she is.
    article, last = _story("John Reed retired from Harbor Mills in May. Maria Lopez took over the firm on Monday. She said it would expand.")
    assert [s.id for s in grounding.antecedents("Maria Lopez said it would expand.", last, article)] == ["S2"]
    assert [s.id for s in grounding.antecedents("Lopez said it would expand.", last, article)] == ["S2"]
    assert grounding.antecedents("John Reed said it would expand.", last, article) == []
    problems = grounding.check_content("the claim", "Reed said it would expand.", [*grounding.antecedents("Reed said it would expand.", last, article), last], None)
    assert any("'Reed'" in p for p in problems)


def test_a_resolution_keeps_the_titles_its_antecedent_has_and_agrees_in_gender() -> None:
    article, last = _story("Transport Minister Ana Ruiz arrived in Lisbon on Monday. She met Paul Berg. She said the talks went well.")
    assert [s.id for s in grounding.antecedents("Transport Minister Ana Ruiz said the talks went well.", last, article)] == ["S1"]
    assert grounding.antecedents("Paul Berg said the talks went well.", last, article) == []
    # The organisation that speaks, and the group a "they" stands for, are antecedents too.
    article, last = _story("Harbor Mills Inc. said on Monday that sales rose 5%. The company said it would hire 200 workers.")
    assert [s.id for s in grounding.antecedents("Harbor Mills said it would hire 200 workers.", last, article)] == ["S1"]
    article, last = _story("Dock workers in Lisbon marched on Sunday. They said the port should stay open.")
    assert [s.id for s in grounding.antecedents("Dock workers in Lisbon said the port should stay open.", last, article)] == ["S1"]
    article, last = _story("Harbor Mills Inc. reported a loss on Monday, blaming weak orders from Zenith Corp. It will close two plants.")
    assert [s.id for s in grounding.antecedents("Harbor Mills Inc. will close two plants.", last, article)] == ["S1"]
    assert grounding.antecedents("Zenith Corp. will close two plants.", last, article) == []


def test_every_article_sentence_passes_its_own_checks() -> None:
    # Code's stand-in for a failed step is the article's sentence: it must always pass.
    for s in ARTICLE.sentences:
        assert grounding.check_content("x", s.text, [s], PUBLISHED) == [], s.text

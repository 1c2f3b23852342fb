"""Ingestion: sentences and offsets, front matter, HTML, and the inputs that must be refused."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from factcheck.article import load_article, quoted_spans, split_sentences, with_one_stop
from factcheck.errors import (
    BinaryInput,
    EmptyInput,
    InputNotFound,
    InvalidFrontMatter,
    UndecodableInput,
)

from .conftest import SEED


def test_seed_front_matter_and_offsets() -> None:
    article = load_article(str(SEED))
    assert article.published == dt.date(2025, 5, 13)
    assert article.title and "Erdogan" in article.title
    assert not article.text.startswith("---")
    for s in article.sentences:
        assert article.text[s.start : s.end] == s.text
    ids = [s.id for s in article.sentences]
    assert ids == [f"S{n}" for n in range(1, len(ids) + 1)]


def test_seed_cross_heads_are_headings_and_quotes_stay_whole() -> None:
    article = load_article(str(SEED))
    headings = [s.text for s in article.sentences if s.heading]
    assert "“Staunch, capable ally”" in headings
    assert "Expecting cooperation in fight against terrorism" in headings
    quoted = next(s for s in article.sentences if s.text.startswith("“We also discussed"))
    assert quoted.text.endswith("southern Mediterranean.")


def test_sentence_splitting_respects_abbreviations_and_initials() -> None:
    text = "Mr. Smith met Dr. J. Doe in the U.S. on Monday. They talked for 2.5 hours! Then they left."
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "Mr. Smith met Dr. J. Doe in the U.S. on Monday.",
        "They talked for 2.5 hours!",
        "Then they left.",
    ]


@pytest.mark.parametrize(
    "text, sentences",
    [
        # Initialisms and company abbreviations that go on with a name do not end the sentence ...
        ("Orders rose, R.T. Vance, the chairman, said. Shares fell.", ["Orders rose, R.T. Vance, the chairman, said.", "Shares fell."]),
        ("The bid by Cie. Generale des Eaux was rejected.", ["The bid by Cie. Generale des Eaux was rejected."]),
        ("Sales go through closely held B.K. Norris amp Sons.", ["Sales go through closely held B.K. Norris amp Sons."]),
        ("The board will include Messrs. Hale and Ortiz.", ["The board will include Messrs. Hale and Ortiz."]),
        ("Shares of the U.S. Steel unit rose.", ["Shares of the U.S. Steel unit rose."]),
        ("The talks begin Feb. 3 in Oslo.", ["The talks begin Feb. 3 in Oslo."]),
        ("Harbor Foods Cos. Inc. said profit rose.", ["Harbor Foods Cos. Inc. said profit rose."]),
        # ... but one that ends its sentence does, before a function word, a title, a quotation or a new subject.
        ("Jobs were cut at AT and T. The unions protested.", ["Jobs were cut at AT and T.", "The unions protested."]),
        ("He said so at Bellweather Corp. Ms. Ruiz disagreed.", ["He said so at Bellweather Corp.", "Ms. Ruiz disagreed."]),
        ("The fund is run by Harbor Partners Inc. That is unusual.", ["The fund is run by Harbor Partners Inc.", "That is unusual."]),
        ("He bought shares of Harbor Foods Cos. The company said sales fell.", ["He bought shares of Harbor Foods Cos.", "The company said sales fell."]),
        ('It sold the unit to Norcastle Co. "We had no choice," he said.', ["It sold the unit to Norcastle Co.", '"We had no choice," he said.']),
        ("Its creditor is Baltic Shipyards Inc. Baltic, which has 20 yards, will appeal.",
         ["Its creditor is Baltic Shipyards Inc.", "Baltic, which has 20 yards, will appeal."]),
        ("The war was a test for the U.S. And it passed.", ["The war was a test for the U.S.", "And it passed."]),
        # A possessive is a word, not an initial.
        ("The offer beats Halden's. We are surprised.", ["The offer beats Halden's.", "We are surprised."]),
    ],
)
def test_abbreviations_end_a_sentence_only_where_one_starts(text: str, sentences: list[str]) -> None:
    assert [s.text for s in split_sentences(text)] == sentences


def test_a_question_or_exclamation_inside_a_quotation_does_not_end_the_sentence() -> None:
    text = (
        'Protesters chanted "Jobs now! Wages now!" outside the ministry. '
        '"Is the plant safe? Nobody can tell us," a resident said. '
        '"Who will pay for the cleanup?" Governor Ruth Adler asked. Officials did not answer.'
    )
    assert [s.text for s in split_sentences(text)] == [
        'Protesters chanted "Jobs now! Wages now!" outside the ministry.',
        '"Is the plant safe? Nobody can tell us," a resident said.',
        '"Who will pay for the cleanup?" Governor Ruth Adler asked.',
        "Officials did not answer.",
    ]
    # A quoted question followed by a sentence of its own (not its speaker) still ends there.
    assert [s.text for s in split_sentences('"What now?" The question went unanswered for weeks.')] == [
        '"What now?"', "The question went unanswered for weeks.",
    ]


def test_guillemets_open_and_close_sentences() -> None:
    text = "Le ministre a déclaré : « Nous restons ici. » Les syndicats ont refusé. « Jamais ! » Ils sont partis."
    assert [s.text for s in split_sentences(text)] == [
        "Le ministre a déclaré : « Nous restons ici. »",
        "Les syndicats ont refusé.",
        "« Jamais ! »",
        "Ils sont partis.",
    ]


def test_plain_text_offsets_are_the_files_own(tmp_path: Path) -> None:
    raw = "  Line one said this.\r\n\r\nSecond  paragraph here. And “quoted” text.\n"
    path = tmp_path / "a.txt"
    path.write_bytes(raw.encode())
    article = load_article(str(path))
    assert article.text == raw
    assert [raw[s.start : s.end] for s in article.sentences] == [s.text for s in article.sentences]
    assert len(article.sentences) == 3


def test_published_flag_overrides_front_matter() -> None:
    article = load_article(str(SEED), published=dt.date(2024, 1, 2))
    assert article.published == dt.date(2024, 1, 2)


def test_html_main_text_and_metadata(tmp_path: Path) -> None:
    page = tmp_path / "story.html"
    page.write_text(
        """<!doctype html><html><head><title>Council approves budget</title>
        <meta property="og:site_name" content="Town Gazette">
        <meta property="article:published_time" content="2025-03-04T10:00:00Z"></head>
        <body><nav>Home | News | Sport</nav><article><h1>Council approves budget</h1>
        <p>The town council approved a budget of 4.2 million euros on Monday, the mayor said.</p>
        <p>The vote was 12 to 3. Opposition members said the plan cut library hours.</p>
        </article><footer>Copyright</footer></body></html>""",
        encoding="utf-8",
    )
    article = load_article(str(page))
    assert "4.2 million euros" in article.text
    assert "Home | News" not in article.text
    assert article.published == dt.date(2025, 3, 4)
    assert article.source == "Town Gazette"


def test_stdin(tmp_path: Path) -> None:
    article = load_article("-", stdin="A short story. It has two sentences.".encode())
    assert len(article.sentences) == 2


@pytest.mark.parametrize(
    ("content", "error", "message"),
    [
        (b"", EmptyInput, "no article text"),
        (b"   \n\t\n", EmptyInput, "no article text"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", BinaryInput, "PNG image"),
        (b"%PDF-1.7\n", BinaryInput, "PDF"),
        (b"PK\x03\x04rest", BinaryInput, "ZIP"),
        (b"abc\x00def", BinaryInput, "NUL"),
        ("\u041f\u0440\u0435\u0437\u0438\u0434\u0435\u043d\u0442 \u0441\u043a\u0430\u0437\u0430\u043b.".encode("cp1251"), UndecodableInput, "not UTF-8"),
        (b"---\ntitle: [unclosed\n---\nBody.", InvalidFrontMatter, "not valid YAML"),
        (b"---\npublished: next week\n---\nBody text.", InvalidFrontMatter, "not an ISO date"),
        (b"---\ntitle:\n  nested: value\n---\nBody text.", InvalidFrontMatter, "single value"),
    ],
)
def test_bad_inputs_are_refused_clearly(tmp_path: Path, content: bytes, error: type, message: str) -> None:
    path = tmp_path / "input.txt"
    path.write_bytes(content)
    with pytest.raises(error, match=message):
        load_article(str(path))


def test_utf16_with_bom_is_read(tmp_path: Path) -> None:
    path = tmp_path / "u16.txt"
    path.write_bytes("Ein Satz. Noch einer.".encode("utf-16"))
    assert [s.text for s in load_article(str(path)).sentences] == ["Ein Satz.", "Noch einer."]


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputNotFound, match="no such file"):
        load_article(str(tmp_path / "nope.txt"))
    with pytest.raises(InputNotFound, match="not a file"):
        load_article(str(tmp_path))


def test_a_line_with_no_sentence_breaks_is_cut_into_pieces() -> None:
    text = ("word " * 100_000).strip()
    sentences = split_sentences(text)
    assert all(len(s.text) <= 1500 for s in sentences)
    assert "".join(text[s.start : s.end] + " " for s in sentences).strip() == text


def test_quoted_spans_know_every_kind_of_quotation_mark() -> None:
    text = 'He said "no", then «non», then „nein“ and “never”.'
    assert [text[a + 1 : b] for a, b in quoted_spans(text)] == ["no", "non", "nein", "never"]


def test_wire_copy_backtick_quotes_split_like_curly_ones() -> None:
    text = (
        "Delegates voted on Friday. ``The debate is over,'' the chairman said. "
        "``Is it? Not for us,'' a delegate replied. ``We will fight on.''"
    )
    assert [s.text for s in split_sentences(text)] == [
        "Delegates voted on Friday.",
        "``The debate is over,'' the chairman said.",
        "``Is it? Not for us,'' a delegate replied.",
        "``We will fight on.''",
    ]
    assert quoted_spans("He said ``no'' twice.") == [(8, 12)]


def test_a_sentence_cut_from_a_long_quotation_gets_its_missing_mark_back() -> None:
    from factcheck.article import with_quotes_balanced

    assert with_quotes_balanced("“The vote is lost.") == "“The vote is lost.”"
    assert with_quotes_balanced("We will appeal,” the lawyer said.") == "“We will appeal,” the lawyer said."
    assert with_quotes_balanced("``Nobody was hurt.") == "``Nobody was hurt.''"
    assert with_quotes_balanced('The mayor said "no" twice.') == 'The mayor said "no" twice.'


def test_a_wire_dateline_is_not_part_of_the_first_sentence() -> None:
    for dateline in ("HAMBURG, Germany (AP)_ ", "LAGOS (Reuters) - ", "HANOI, June 4 (Xinhua) -- ", "SANTA FE, N.M. _ "):
        text = f"Headline of the day\n\n{dateline}The harbor reopened after the storm. Ships waited.\n"
        first = [s for s in split_sentences(text) if not s.heading][0]
        assert first.text == "The harbor reopened after the storm." and text[first.start : first.end] == first.text
    # An acronym with a dash aside, or a hyphenated name, is no dateline.
    for text in ("NATO - the alliance - said it would act.", "AVON RENT-A-CAR Corp. said it would sell."):
        assert split_sentences(text)[0].text == text


def test_wire_copy_that_opens_a_quotation_with_two_apostrophes_gets_no_extra_mark() -> None:
    from factcheck.article import with_quotes_balanced

    # Some wire copy writes '' on both sides of a quotation: at a word's start it opens one.
    assert with_quotes_balanced("''We stand together,'' the mayor said.") == "''We stand together,'' the mayor said."
    assert with_quotes_balanced("''Nobody leaves!'' she shouted.") == "''Nobody leaves!'' she shouted."
    # A closing '' with its opening lost to the splitter still gets its opening back.
    assert with_quotes_balanced("The work is done.'' He left.") == "``The work is done.'' He left."


def test_code_that_ends_a_sentence_puts_one_stop() -> None:
    assert with_one_stop("The talks ended") == "The talks ended."
    # A stop is there already: an abbreviation's, or inside the closing quotation mark.
    assert with_one_stop("He joined Norcastle Corp.") == "He joined Norcastle Corp."
    assert with_one_stop('She said, "This is my home."') == 'She said, "This is my home."'
    # One put after it by code goes.
    assert with_one_stop("He joined Norcastle Corp..") == "He joined Norcastle Corp."
    assert with_one_stop('She said, "This is my home.".') == 'She said, "This is my home."'
    assert with_one_stop("He asked ``Why now?''.") == "He asked ``Why now?''"
    # An ellipsis is not a doubled stop.
    assert with_one_stop("And then...") == "And then..."


def test_a_quoted_sentence_and_its_bare_attribution_are_one_sentence() -> None:
    text = (
        '"The dam will hold." Mayor Ines Varga declared. ``We are ready.\'\' She said it twice. '
        '"It is a bargain." He put its value at $40 a share.'
    )
    assert [s.text for s in split_sentences(text)] == [
        '"The dam will hold." Mayor Ines Varga declared.',  # alone, "Mayor Ines Varga declared." says nothing
        "``We are ready.'' She said it twice.",
        '"It is a bargain."',
        "He put its value at $40 a share.",  # a sentence with content of its own
    ]


def test_a_run_of_dashes_after_a_sentence_opens_a_new_one() -> None:
    # A credit line, or a list item of wire copy, is not the end of the quotation before it.
    text = 'He said, "We know a solution was in reach." --- Ann Roe in Amman contributed to this article.'
    assert [s.text for s in split_sentences(text)] == [
        'He said, "We know a solution was in reach."', "--- Ann Roe in Amman contributed to this article."]


def test_a_wire_desks_sign_off_is_not_part_of_the_last_sentence() -> None:
    text = "PARIS (AP)_ The museum reopened Monday. Visitors queued for hours, a guard said. (jl/mk)\n"
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == ["The museum reopened Monday.", "Visitors queued for hours, a guard said."]
    assert all(text[s.start : s.end] == s.text for s in sentences)
    # Only at the story's end, and only initials: a parenthesis within the text stays.
    assert split_sentences("Output rose (see p/e) in May. It fell.")[0].text == "Output rose (see p/e) in May."


def test_a_quotation_the_article_never_closes_is_known_by_its_sentences() -> None:
    from factcheck.article import unclosed_quotations

    def unclosed(text: str) -> list[int]:
        article = load_article("-", stdin=text.encode())
        return [n for n, s in enumerate(article.sentences) if s.id in unclosed_quotations(article)]

    # A part-sentence quotation whose paragraph ends with no closing mark, the next opening none.
    assert unclosed('The council called the flood "a disaster for every farm, and asked for aid.\n\nThe river fell.') == [0]
    # ... or one a new quotation follows before it closed (a lost mark): it and what it ran into.
    assert unclosed('The mayor said the dam "was never inspected. Repairs will begin soon. "We acted," she said.') == [0, 1]
    # Open when the article ends: the sentences from its opening mark on.
    assert unclosed("The river fell. ``We lost the harvest. We will plant again.") == [1, 2]
    # Closed later, in its sentence or a later one of the paragraph: known.
    assert unclosed('The mayor said the dam "was never inspected. Nobody asked," she said. The river fell.') == []
    # A quotation of whole sentences opened again by a new mark goes on (news reopens it on a new paragraph).
    assert unclosed('Said the mayor, "The dam held. "We will inspect it again." The river fell.') == []
    assert unclosed('"The dam held.\n\n"We will inspect it again," the mayor said.') == []

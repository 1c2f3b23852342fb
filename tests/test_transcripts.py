"""Broadcast transcripts (factcheck/transcripts.py): speech as said, talk about the broadcast, and
what the chains show of them. Every sentence here is invented."""

from __future__ import annotations

import pytest

from factcheck import faithfulness
from factcheck.article import load_article
from factcheck.chains.claims import ClaimsChain
from factcheck.chains.summary import SummaryChain
from factcheck.chains.timeline import TimelineChain
from factcheck.settings import load_settings
from factcheck.transcripts import about_the_broadcast, disfluent, fluent, is_transcript, speaker_label, turn_speakers, unshowable, without_sign_off, written


@pytest.mark.parametrize("said, shown", [
    ("Uh, there are over ten thousand boats sold a year with uh engines that are quite uh noisy.",
     "There are over ten thousand boats sold a year with engines that are quite noisy."),
    ("The goal is to look at the causes of, uh of these shortages.", "The goal is to look at the causes of these shortages."),
    ("Today, the right to a job is equal to r- the right to live.", "Today, the right to a job is equal to the right to live."),
    ("We have already objected, very firmly, to the uh the wording of this plan.", "We have already objected, very firmly, to the wording of this plan."),
    ("There is, a- at a deep level in our towns, um I think, a sense of, of distrust.", "There is, at a deep level in our towns, I think, a sense of distrust."),
    ("We will, we will not sign this treaty.", "We will not sign this treaty."),
    ("It- It just fell into the river.", "It just fell into the river."),
])
def test_speech_as_said_is_dropped_outside_quotation_marks(said, shown) -> None:
    assert disfluent(said) and fluent(said) == shown
    # Dropping it is a compression the checker accepts: the words left are the speaker's, in order.
    assert faithfulness.check(shown, [said]) == []


@pytest.mark.parametrize("text", [
    "He moved to Albany, Albany County, in 1990.",  # a name said twice is a place, not a repetition
    "First- and second-quarter sales rose.",  # a suspended hyphen
    "It hired 20- to 30-year-old workers.",
    "The prices went up and up all year.",
    "What it is is a tax.",
    "The mayor said that that plan had had its day.",
])
def test_written_prose_is_left_as_it_is(text) -> None:
    assert not disfluent(text) and fluent(text) == text and not unshowable(text)


def test_speech_as_said_inside_quotation_marks_is_never_shown() -> None:
    # Dropping "uh" from a quotation would be a misquote: the sentence is left out instead.
    quoted = 'The minister said "we will, uh, we will win" on Monday.'
    assert unshowable(quoted) and fluent(quoted) == quoted
    # So is one that lies inside a quotation an earlier sentence opened.
    assert unshowable("We will, uh, we will not stop.", inside=True)
    assert not unshowable("We will, uh, we will not stop.")


def test_a_repair_code_cannot_undo_is_never_shown() -> None:
    assert unshowable("The council, I mean the mayor, approved the budget.")
    assert unshowable("You know, since she came the shares soared.")
    assert not unshowable("You know that the bridge is closed.")


@pytest.mark.parametrize("text", [
    "Radio Ten news, I'm Ada Brenner.",
    "For World Tonight, this is Karl Osei in the newsroom in Lagos.",
    "Here's WXT's Lena Marsh.",
    "Tom Ruiz has the latest.",
    "The Hour's Ida Fenn has our story.",
    "From member station WKPA, Omar Haddad reports.",
    "Nadia Okafor reports from Nairobi.",
    "Lena Marsh, WXT News, Lisbon.",
    "Karl Osei for World Radio, Accra.",
    "Live from Denver, good evening Ada Brenner, WXT headline news.",
    "And in just a moment Tom Ruiz will have some other news.",
    "At the end of the broadcast tonight, one more walk around Lisbon to see what has changed.",
    "Think you know the answer?",
    "Can you guess which city this is?",
])
def test_talk_about_the_broadcast(text) -> None:
    assert about_the_broadcast(text)


@pytest.mark.parametrize("text", [
    "Nadia Okafor reports that the talks failed.",
    "Tom Ruiz reported a loss of two million dollars.",
    "The company has the latest figures.",
    "Ms. Marsh says the shares will fall.",
    "In Portugal, a four year low.",
    "As WXT correspondent Lena Marsh reports, the strike began at dawn.",
    "This is Ruiz's third term.",
    "Here is the plan.",
    "The question is whom the voters will believe?",
])
def test_what_the_story_reports_is_no_broadcast_talk(text) -> None:
    assert not about_the_broadcast(text)


def test_a_sign_off_left_at_a_sentences_end_is_cut() -> None:
    assert without_sign_off("The reason, they remember the last trial. tom ruiz, WXT, Denver.") == "The reason, they remember the last trial."
    assert without_sign_off("Sales fell. Prices rose.") == "Sales fell. Prices rose."
    assert written("Uh, the reason, they remember the trial. tom ruiz, WXT News, Denver.") == "The reason, they remember the trial."


def test_a_transcript_has_no_quotation_marks() -> None:
    assert is_transcript(["Ms. Marsh says prices rose.", "Uh, we saw it coming."])
    assert not is_transcript(['"We saw it coming," she said.', "Prices rose."])


TRANSCRIPT = (
    "---\npublished: 1998-03-04\n---\n"
    "Radio Ten news, I'm Ada Brenner. The Dunmore council will vote on Friday on a new toll bridge over the river. "
    "Nadia Okafor reports from Dunmore.\n\n"
    "The bridge would cost forty million dollars and carry twenty thousand cars a day. "
    "Council member Ruth Abara says the town cannot afford it.\n\n"
    "Uh, we have uh roads that are falling apart, and the- the schools need money too.\n\n"
    "Supporters say the bridge would bring new shops to the east bank. "
    "The council's engineer said the river crossing, uh, will take three years to build. "
    "At the end of the broadcast tonight, one more walk along the river to see what has changed. "
    "Nadia Okafor, Radio Ten News, Dunmore.\n"
)


def planned(tmp_path, name: str, text: str):
    """The article in `text`, with the claims and the summary sentences the bundled path plans for it."""
    story = tmp_path / name
    story.write_text(text)
    article = load_article(str(story))
    claims = ClaimsChain(article, load_settings(provider="local", max_claims=10))
    claims.plan()
    summary = SummaryChain(article, load_settings(provider="local", summary_sentences=6))
    summary.plan()
    return article, claims.assemble([]).items, summary.assemble([]).items


def test_no_item_shows_speech_as_said_or_talk_about_the_broadcast(tmp_path) -> None:
    article, claimed, summarised = planned(tmp_path, "bridge.md", TRANSCRIPT)
    timeline = TimelineChain(article, load_settings(provider="local", max_claims=10))
    timeline.plan()
    events = timeline.assemble([]).items
    texts = [c.text for c in claimed] + [s.text for s in summarised] + [getattr(e, "text", "") or getattr(e, "event", "") for e in events]
    assert texts and claimed
    for text in texts:
        assert not disfluent(text), text
        assert not about_the_broadcast(text), text
        assert "Radio Ten" not in text and "Nadia Okafor" not in text, text
    # The soundbite is shown without its "uh": its words, in their order, and its speaker's.
    roads = [c for c in claimed if "roads" in c.text]
    assert roads and roads[0].text.startswith("We have roads that are falling apart") and "Abara" in roads[0].speaker
    # The broadcast's teaser names no event.
    assert not any("walk along the river" in t for t in texts)


def test_a_clause_placed_in_someone_elses_broadcast_is_the_story() -> None:
    assert not about_the_broadcast("In the broadcast, the president said taxes would rise.")
    assert about_the_broadcast("Later in this newscast, a look at the weather in the north.")


@pytest.mark.parametrize("text, label, rest", [
    ("NADIA OKAFOR, WXT CORRESPONDENT: The bridge would cost forty million dollars.", "NADIA OKAFOR, WXT CORRESPONDENT", "The bridge would cost forty million dollars."),
    ("SEN. ADA LEE (D), OHIO: We will vote no.", "SEN. ADA LEE (D), OHIO", "We will vote no."),
    ("OKAFOR: Supporters say the bridge would bring shops.", "OKAFOR", "Supporters say the bridge would bring shops."),
    ("The U.S. said: no deal.", None, "The U.S. said: no deal."),
    ("Ms. Lee: a profile.", None, "Ms. Lee: a profile."),
])
def test_a_speaker_label_is_layout_an_item_drops(text, label, rest) -> None:
    assert speaker_label(text) == label and written(text) == rest
    if label is not None:
        assert faithfulness.check(rest, [text]) == []


PASTED = (
    "---\npublished: 2024-03-04\n---\n"
    "ADA BRENNER, WXT ANCHOR: Good evening. The Dunmore council will vote on Friday on a new toll bridge. Nadia Okafor has the latest.\n\n"
    "(BEGIN VIDEOTAPE)\n\n"
    "NADIA OKAFOR, WXT CORRESPONDENT: The bridge would cost forty million dollars. Council member Ruth Abara says the town cannot afford it.\n\n"
    "RUTH ABARA, DUNMORE COUNCIL: We have roads that are falling apart. The schools need money too.\n\n"
    "OKAFOR: Supporters say the bridge would bring new shops to the east bank.\n\n"
    "(END VIDEOTAPE)\n\n"
    "BRENNER: We'll be right back.\n"
)


def test_a_pasted_transcripts_labels_greetings_and_breaks_are_no_items(tmp_path) -> None:
    article, claimed, summarised = planned(tmp_path, "pasted.md", PASTED)
    assert is_transcript([s.text for s in article.sentences])
    texts = [c.text for c in claimed] + [s.text for s in summarised]
    assert texts
    for text in texts:
        assert speaker_label(text) is None and "evening" not in text and "right back" not in text and "latest" not in text, text
    roads = next(c for c in claimed if "roads" in c.text)
    assert roads.text == "We have roads that are falling apart." and roads.speaker.endswith("Abara")


def test_a_long_word_before_a_hyphen_may_be_a_dash_and_is_not_cut() -> None:
    text = "The mill's owner- a firm from Ohio- closed it in May."
    assert fluent(text) == text and unshowable(text)
    assert fluent("We saw gov- government trucks.") == "We saw government trucks."


def test_written_news_keeps_its_abbreviations_and_quoted_verbs() -> None:
    text = "The firm retained attorney Ada P. Levin, a director of the firm and former head of Cole Group, as an adviser."
    assert written(text) == text
    quoted = '"It makes no sense to risk money when you know you are going to lose," says Mr. Ruiz.'
    assert not unshowable(quoted) and written(quoted) == quoted


def test_a_lower_case_word_after_an_abbreviation_is_no_sign_off() -> None:
    text = "A venture of Lanz Corp. and Abel Inc. opened the first U.S. glass recycling plant, in Ayr, Mass."
    assert written(text) == text


def test_a_guests_labelled_turn_is_theirs_and_the_newsrooms_the_outlets() -> None:
    texts = [
        "TOM RUIZ, WXT ANCHOR: The council will vote on Friday.",
        "SEN. ADA LEE (D), OHIO: We will vote no on the bridge.",
        "It costs too much.",
        "(BEGIN VIDEOTAPE)",
        "NADIA OKAFOR, WXT CORRESPONDENT: The bridge would cost forty million dollars.",
        "LEE: And the schools need money.",
        "OKAFOR: Supporters disagree.",
        "UNIDENTIFIED MALE: It is a disgrace.",
    ]
    assert turn_speakers(texts) == [None, ("Ada Lee", 1), ("Ada Lee", 1), None, None, ("Ada Lee", 5), None, None]


def test_a_guests_we_in_a_pasted_transcript_is_a_claim_of_theirs(tmp_path) -> None:
    _, claimed, _ = planned(tmp_path, "pasted.md", (
        "---\npublished: 2024-03-04\n---\n"
        "TOM RUIZ, WXT ANCHOR: The Dunmore council will vote on Friday on a new toll bridge over the Avon river.\n\n"
        "SEN. ADA LEE (D), OHIO: We will vote no on the bridge. It costs forty million dollars, and the schools need that money.\n"
    ))
    vote = next(c for c in claimed if "vote no" in c.text)
    assert vote.speaker == "Ada Lee" and vote.text.startswith("We will vote no on the bridge") and "S2" in vote.sources


def test_the_summary_does_not_open_on_the_programmes_we(tmp_path) -> None:
    story = tmp_path / "quiz.md"
    story.write_text(
        "---\npublished: 1998-01-21\n---\n"
        "We're off in search of an old walled city on the river.\n\n"
        "UNESCO named it a protected site for its beauty in nineteen eighty.\n\n"
        "Most of the towers of Herat were destroyed in the war of nineteen ninety-one.\n"
    )
    summary = SummaryChain(load_article(str(story)), load_settings(provider="local", summary_sentences=2))
    summary.plan()
    # Nor on "UNESCO named it ...", whose "it" only the programme's sentence gave.
    assert [s.id for s in summary.chosen] == ["S3"]


def test_a_short_summary_is_not_filled_with_the_programmes_we(tmp_path) -> None:
    story = tmp_path / "quiz2.md"
    story.write_text(
        "---\npublished: 1998-01-21\n---\n"
        "We're off in search of an old walled city on the river.\n\n"
        "UNESCO named it a protected site for its beauty in nineteen eighty.\n"
    )
    summary = SummaryChain(load_article(str(story)), load_settings(provider="local", summary_sentences=5))
    summary.plan()
    assert summary.chosen and not any(s.text.startswith("We") for s in summary.chosen)

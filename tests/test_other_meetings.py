"""The answering core on articles about other meetings, and on a second article about this one.

The answerer is judged on articles it was not written for: these cases come from question sets about a
2021 summit in Geneva, a 2023 OPEC+ meeting in Vienna, a 2024 meeting in Kazan, the 2023 Camp David
summit, Xi's 2023 visit to Moscow, an ECB meeting, the 1986 Reykjavik summit, the 2023 G20 in New Delhi and
Kishida's 2024 state visit (`tests/data/meetings/`).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answer import Answerer
from index import build_index, model_fingerprint

from conftest import DATA, SEEDS

pytestmark = pytest.mark.model

MEETINGS = DATA / "meetings"


def _answerer(paths: list[Path], embedder, root: Path) -> Answerer:  # type: ignore[no-untyped-def]
    return Answerer(build_index(paths, embedder, root / "index", model_fingerprint(embedder.name)))


@pytest.fixture(scope="module")
def geneva(real_embedder, tmp_path_factory) -> Answerer:  # type: ignore[no-untyped-def]
    return _answerer([MEETINGS / "biden-putin-geneva-2021.txt"], real_embedder, tmp_path_factory.mktemp("geneva"))


@pytest.fixture(scope="module")
def vienna(real_embedder, tmp_path_factory) -> Answerer:  # type: ignore[no-untyped-def]
    return _answerer([MEETINGS / "opec-plus-june-2023.md"], real_embedder, tmp_path_factory.mktemp("vienna"))


@pytest.fixture(scope="module")
def kazan(real_embedder, tmp_path_factory) -> Answerer:  # type: ignore[no-untyped-def]
    return _answerer([MEETINGS / "modi-xi-kazan-2024.md"], real_embedder, tmp_path_factory.mktemp("kazan"))


@pytest.fixture(scope="module")
def seed_and_dinner(real_embedder, tmp_path_factory) -> Answerer:  # type: ignore[no-untyped-def]
    paths = [SEEDS, MEETINGS / "xi-dinner-and-readout.txt"]
    return _answerer(paths, real_embedder, tmp_path_factory.mktemp("dinner"))


@pytest.mark.parametrize(
    "question, phrase",
    [
        # how long it lasted, though the names in every sentence outscore that sentence
        ("how long did biden and putin actually sit down and talk for?", "four hours"),
        ("what day of the week did the biden putin talks happen", "Wednesday"),
        ("what day of the week was it", "Wednesday"),  # though it scores low, it gives what is asked
        ("@summitbot who's credited for the photo in the story, which agency", "Reuters"),
        # "the Geneva meeting" is the whole meeting, not one topic of it
        ("@summitbot so what was the big concrete outcome of biden n putin's geneva meeting??", "ambassadors"),
        ("did the talks run long or wrap up early vs what the americans expected", "sooner"),
        ("when putin got asked about navalny what did he bring up instead", "Capitol"),
    ],
)
def test_another_summit_is_answered(geneva: Answerer, question: str, phrase: str) -> None:
    answer = geneva.ask(question)
    assert answer.answered and phrase.lower() in answer.text.lower(), answer.text


@pytest.mark.parametrize(
    "question, phrase",
    [
        ("which outlets got barred from covering the meeting??", "Reuters"),  # in the sentence after
        ("where did brent settle on friday before the meeting", "$76"),  # a level, not a place
        ("when's the next opec+ ministerial meeting scheduled", "November 26"),  # "due to meet again"
        ("total supply opec+ is already holding back, incl the oct 2022 cut?", "3.66 million"),  # "last year"
        ("so what's the saudis' motive here, why cut on top of everything else?", "sliding prices"),
        ("which agency is the pic credited to", "AFP"),
    ],
)
def test_a_producers_meeting_is_answered(vienna: Answerer, question: str, phrase: str) -> None:
    answer = vienna.ask(question)
    assert answer.answered and phrase.lower() in answer.text.lower(), answer.text


def test_acronyms_the_article_never_writes_are_read(kazan: Answerer) -> None:
    answer = kazan.ask("when did the SRs last hold formal talks? month n year pls")
    assert answer.answered and "December 2019" in answer.text


@pytest.mark.parametrize(
    "question",
    [
        "can you summarize chapter 3 of waltz's theory of international politics for me",
        "how many warheads does new start let each side have",  # a count of nothing the article counts
    ],
)
def test_another_summit_declines(geneva: Answerer, question: str) -> None:
    assert not geneva.ask(question).answered


def test_a_second_article_gives_the_sentence_after(seed_and_dinner: Answerer) -> None:
    answer = seed_and_dinner.ask("who organised the dinner where xi spoke to us ceos in sf??")
    assert answer.answered and "National Committee" in answer.text
    assert answer.citations[0].source == "xi-dinner-and-readout.txt"
    answer = seed_and_dinner.ask("why did biden say xi is a dictator at his press conf??")
    assert answer.answered and "communist country" in answer.text
    assert not seed_and_dinner.ask("how many protesters showed up outside the filoli estate??").answered
    assert not seed_and_dinner.ask("when is the next biden xi meeting scheduled??").answered  # not "in 1985"


def test_a_length_is_answered_by_a_sentence_giving_one(kazan: Answerer) -> None:
    answer = kazan.ask("how long is the india china frontier acc to the article, roughly")
    assert answer.answered and "3,500 kilometres" in answer.text


@pytest.fixture(scope="module")
def others(real_embedder, tmp_path_factory) -> dict[str, Answerer]:  # type: ignore[no-untyped-def]
    names = {
        "camp david": "camp-david-trilateral-2023.txt",
        "moscow": "xi-putin-moscow-2023.txt",
        "ecb": "ecb-september-2023.txt",
        "reykjavik": "reykjavik-1986.txt",
        "washington": "modi-biden-washington-2023.txt",
        "dubai": "cop28-dubai-2023.txt",
        "omaha": "berkshire-omaha-2023.txt",
        "vostochny": "putin-kim-vostochny-2023.txt",
        "delhi": "g20-delhi-2023.txt",
        "kishida": "biden-kishida-2024.txt",
    }
    return {
        meeting: _answerer([MEETINGS / name], real_embedder, tmp_path_factory.mktemp(meeting.replace(" ", "-")))
        for meeting, name in names.items()
    }


@pytest.mark.parametrize(
    "meeting, question, phrase",
    [
        # a list after a colon names the documents
        ("camp david", "what are the names of the documents that came out of it? i heard there were 3", "Commitment to Consult"),
        ("camp david", "by when should the missile warning data sharing start??", "end of the year"),  # a deadline
        ("moscow", "whats the name of the pipeline putin said was basically agreed", "Power of Siberia"),  # "the Russian leader said"
        ("moscow", "when did beijing publish that position paper??", "February 24"),  # not the article's date line
        ("moscow", "tldr?? what happened in moscow", "In short"),  # the meeting's place names no one topic
        ("ecb", "how many members sit on the governing council", "26-member"),
        ("ecb", "who fronted the presser", "Lagarde"),
        ("washington", "which room was the joint presser held in", "East Room"),  # a name ending in the thing asked for
        ("washington", "how many jobs will the micron plant create", "5,000"),  # in the sentence after
        ("washington", "who was the reporter that asked modi about minorities and what outlet is she from", "Wall Street Journal"),
        ("washington", "which GE engine model is it and for what jet??", "F414"),  # a model's designation
        ("washington", "hey bot how many mq9b drones is india buying", "31"),
        ("dubai", "everyone keeps saying 'the X consensus'... what is the deal actually called??", "UAE Consensus"),
        ("dubai", "when were the talks originally supposed to wrap up", "11am on Tuesday"),  # a plan now past
        ("dubai", "hey bot what did copernicus say about november", "sixth record-breaking"),  # a body reports
        ("dubai", "how did the delegates react when al jaber gavelled it thru", "standing ovation"),
        ("dubai", "how much do global emissions need to fall by 2030 vs 2019 lvls", "43 per cent"),
        ("reykjavik", "when was the summit originally supposed to end", "midday"),  # "had been due to finish"
        ("omaha", "hey bot how old were buffett n munger at this years mtg", "92"),  # an age beside a name
        ("omaha", "were they net sellers of stocks in q1? how much did they sell vs buy", "$13.3 billion"),
        ("delhi", "how did kyiv react to the ukraine wording", "nothing to be proud of"),  # a mood, then the words
        ("delhi", "what did lavrov say russia managed to stop the west from doing", "Ukrainianise"),  # ", who led …, called"
        ("delhi", "anything on MDB reform?", "multilateral development banks"),  # initials of a phrase met once
        ("delhi", "what was jaishankar's quip about bali", "Bali was Bali"),
        ("kishida", "where is USFJ based", "Yokota"),  # "US" gives both its letters
        ("kishida", "what was the 'not alone' line in his speech to congress", "You are not alone"),  # the words quoted
    ],
)
def test_more_meetings_are_answered(others: dict[str, Answerer], meeting: str, question: str, phrase: str) -> None:
    answer = others[meeting].ask(question)
    assert answer.answered and phrase.lower() in answer.text.lower(), answer.text


@pytest.mark.parametrize(
    "meeting, question",
    [
        ("reykjavik", "who was the first president of the united states"),  # no sentence says "first president"
        ("camp david", "best anime of 2023?"),  # a year alone is no subject
        ("camp david", "what was kishida's approval rating at the time of the summit"),
        ("camp david", "what percentage of south koreans oppose the forced labour compensation plan"),
        ("camp david", "how long did the joint press conference last"),  # "once a year" is no length
        ("dubai", "what is the loss and damage fund called"),  # a name in quotes, but for something else
        ("vostochny", "what did zelensky / kyiv say about the meeting??"),  # neither is quoted
        ("vostochny", "whats beijing saying about the putin kim summit??"),
        ("washington", "what did modi wear to the state dinner"),  # a verb nothing in the article is near
    ],
)
def test_more_meetings_decline(others: dict[str, Answerer], meeting: str, question: str) -> None:
    assert not others[meeting].ask(question).answered

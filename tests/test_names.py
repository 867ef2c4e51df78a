from bot.names import asked_name, named, naming_rows

SENTENCES = [
    "Under the agreement, China will go directly after specific chemical companies, a senior US official told reporters.",
    "US President Joe Biden and Chinese President Xi Jinping meet at Filoli estate in Woodside, California.",
    "China's Minister of Foreign Affairs Wang Yi and Lan Fo'an, Minister of Finance, also attended.",
]


def test_questions_that_ask_for_a_name() -> None:
    assert asked_name("whats the name of the senior us official who briefed reporters") == ["senior", "us", "official"]
    assert asked_name("which specific chemical companies are targeted") == ["chemical", "companies"]
    # "person" names no kind of its own: the ministry's, whoever it is ("personal" is no match for it)
    assert asked_name("who was the chinese foreign ministry person that pushed back?") == ["chinese", "foreign", "ministry"]
    assert asked_name("which companies are getting targeted, got names?") == ["companies"]
    assert asked_name("what was the name of the estate where they met?") == ["estate"]
    assert asked_name("who is the chinese finance minister") == ["chinese", "finance", "minister"]
    assert asked_name("who was the chinese finance minister present??") == ["chinese", "finance", "minister"]
    assert asked_name("whats the name of the pipeline putin said was agreed") == ["pipeline"]
    assert asked_name("which chemical companies, by name, will china pursue") == ["chemical", "companies"]
    assert asked_name("the companies that will be punished, what are their names?") == ["companies"]
    assert asked_name("who's our ambassador to beijing") == ["ambassador"]
    assert asked_name("who is the ai order asking to set standards") == []  # no thing named
    assert asked_name("what was the estate called") == ["estate"]
    assert asked_name("spelling: name of the estate") == ["estate"]
    assert asked_name("what was agreed on fentanyl?") == []
    assert asked_name("which companies will china target") == []  # asks which, not their names
    assert asked_name("which chemical companies did china agree to target by name?") == ["chemical", "companies"]
    assert asked_name("which officials did biden bring specifically") == []  # roles the article may name otherwise


def test_the_sentences_giving_the_name_are_found() -> None:
    assert naming_rows(["estate"], SENTENCES) == [1]
    assert naming_rows(["chemical", "companies"], SENTENCES) == []
    assert naming_rows(["photographer"], SENTENCES) is None
    assert naming_rows(["estate"], ["They met at a secluded country estate outside of San Francisco."]) == []


def test_a_name_beside_the_thing_counts_its_own_words_do_not() -> None:
    assert named(["estate"], SENTENCES)  # "Filoli estate"
    assert named(["finance", "minister"], SENTENCES)  # "Lan Fo'an, Minister of Finance"
    assert not named(["senior", "us", "official"], SENTENCES)  # "a senior US official": US is its own word
    assert not named(["chemical", "companies"], SENTENCES)
    assert named(["photographer"], SENTENCES)  # never mentioned: other rules decide


def test_the_name_of_the_place_is_a_venue_named() -> None:
    sentences = [
        "The leaders met at a country estate outside of San Francisco.",
        "They met at Filoli estate in Woodside, California.",
        "The White House said so.",
    ]
    assert naming_rows(["place"], sentences) == [1]

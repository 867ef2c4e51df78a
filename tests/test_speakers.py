from bot.coverage import place_aliases
from bot.speakers import asked_speaker, speaking_rows, titles_of

SENTENCES = [
    "“We’re back to direct communication,” Mr Biden said.",
    "He added that miscalculations can cause major problems.",
    "“It’s going to save lives and I appreciate President Xi’s commitment,” Mr Biden said.",
    "The two governments said Mr Biden and Mr Xi had agreed to resume military contacts.",
    "China will go after chemical companies, according to the US official.",
    "Beijing reacted sharply the next day.",
]


def test_questions_that_ask_for_someones_words() -> None:
    assert asked_speaker("what did xi say about taiwan?") == ["xi"]
    assert asked_speaker("how did beijing react to the comment") == ["beijing"]
    assert asked_speaker("quote me what Biden said about the deal") == ["biden"]
    assert asked_speaker("got a direct quote from xi") == ["xi"]
    assert asked_speaker("what was President Xi's response") == ["xi"]
    assert asked_speaker("what did biden and xi say about ukraine") == ["biden", "xi"]
    # what to pass on of someone's words; not what to tell them of a topic
    assert asked_speaker("what can we tell residents Biden said the deal would do?") == ["biden"]
    assert asked_speaker("what can we tell residents about fentanyl?") == []
    assert asked_speaker("does the piece quote Xi at all on Taiwan?") == ["xi"]
    assert asked_speaker('who is quoted as saying "we are back"?') == []
    assert asked_speaker("What Xi Jinping said to the reporters?") == ["xi jinping"]
    assert asked_speaker("xi has said what about taiwan") == ["xi"]
    assert asked_speaker("what has beijing said about the deal") == ["beijing"]
    assert asked_speaker("what are government agencies told to do") == []  # told to do, not telling
    assert asked_speaker("what does the piece say about it") == []
    assert asked_speaker("what did they say about ai") == []
    assert asked_speaker("what did the article say about fentanyl") == []
    assert asked_speaker("what was agreed on fentanyl?") == []
    assert asked_speaker("biden quote on the deal", lambda word: word == "biden") == ["biden"]
    assert asked_speaker("direct quote please", lambda word: word == "biden") == []  # "direct" is no name
    assert asked_speaker("What position did President Xi articulate on Taiwan?") == ["xi"]  # a stance is said
    assert asked_speaker("what's Xi's soundbite from the meeting? exact quote") == ["xi"]
    assert asked_speaker("did yellen or blinken make any statements after the meeting") == ["yellen", "blinken"]
    assert asked_speaker("what position does lan fo'an hold") == []  # an office, not a stance


def test_a_reaction_told_by_its_verb_is_speaking() -> None:
    sentences = ["In Taipei, the Presidential Office thanked Washington for restating its support.", "China severed contacts."]
    assert speaking_rows("office", sentences) == [0]
    assert speaking_rows("china", sentences) == []


def test_who_the_sentences_quote() -> None:
    assert speaking_rows("biden", SENTENCES)
    assert speaking_rows("official", SENTENCES)  # "according to the US official"
    assert speaking_rows("beijing", SENTENCES) and speaking_rows("china", SENTENCES, place_aliases("china"))
    # Named inside someone else's quote, or as the subject of what others said: not quoted.
    assert not speaking_rows("xi", SENTENCES)
    assert not speaking_rows("blinken", SENTENCES)


def test_what_someone_is_saying_and_speakers_offered_as_alternatives() -> None:
    assert asked_speaker("whats beijing saying about the summit??") == ["beijing"]
    assert asked_speaker("how many outcomes does the first paragraph say came out of it") == []  # a part of the article
    assert asked_speaker("what did zelensky / kyiv say about the meeting??") == ["zelensky", "kyiv"]
    assert speaking_rows("china", ["China, Pyongyang's main ally, suggested UN sanctions could be adjusted."])


def test_a_body_reports_and_a_crowd_reacts() -> None:
    assert speaking_rows("copernicus", ["The EU's Copernicus Climate Change Service reported that November was the hottest."])
    assert speaking_rows("delegates", ["He gavelled the text through, drawing a standing ovation from delegates."])
    assert not speaking_rows("delegates", ["The delegates flew home."])


def test_a_pronoun_speaks_for_the_name_before_it() -> None:
    assert speaking_rows("pelosi", ["Ms Pelosi visited Taiwan.", "She said the trip was overdue."])
    assert not speaking_rows("pelosi", ["Ms Pelosi visited Taiwan.", "Officials met.", "She said it was overdue."])


def test_a_title_given_before_a_name_speaks_for_them() -> None:
    text = "US President Joe Biden met Chinese leader Xi Jinping. The US President ascribed the success to talking."
    assert titles_of("biden", text) == ["US President", "US leader"]  # a head of state is the nation's leader
    assert titles_of("xi", text) == ["Chinese President", "Chinese leader"]
    sentences = ["US President Joe Biden met Chinese leader Xi Jinping.", "The US President ascribed the success to talking."]
    assert speaking_rows("biden", sentences) == []
    assert speaking_rows("biden", sentences, titles_of("biden", text)) == [1]
    assert speaking_rows("biden", SENTENCES) == [0, 1, 2]  # "He added" speaks for the name before it


def test_a_title_given_one_person_names_them() -> None:
    from bot.speakers import titled_names

    text = "US President Joe Biden met Chinese leader Xi Jinping. Chinese President Xi spoke. US Secretary Antony Blinken and US Secretary Janet Yellen came."
    assert titled_names(text) == {"us president": "Joe Biden", "chinese leader": "Xi Jinping", "chinese president": "Xi Jinping"}


def test_a_clause_about_the_speaker_and_a_mood_before_the_words() -> None:
    sentences = [
        "Sergei Lavrov, who led his country's delegation in place of President Vladimir Putin, called the summit a success.",
        "Kyiv was unimpressed.",
        "Oleg Nikolenko, the foreign ministry spokesman, said the text was weak.",
        "Kyiv is the capital.",
    ]
    assert speaking_rows("lavrov", sentences) == [0]
    assert speaking_rows("kyiv", sentences) == [1, 2]  # the mood, then the words that show it

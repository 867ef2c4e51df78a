import pytest

from bot.intent import (
    Expect,
    answer_type_words,
    asks_metadata,
    asks_what_followed,
    expected_answer,
    expected_answers,
    fits,
    is_small_talk,
    task_requested,
    wants_summary,
)
from bot.question import MAX_QUESTION_CHARS, clean_question, focus, follow_up, question_sentences, without_set_aside


class Words:
    """The documents' words, for the coverage checks: only "updated" and "date"."""

    surface_words: list[str] = []
    initialisms: dict[str, str] = {}
    foreign: frozenset[str] = frozenset()

    def correct(self, word: str) -> str | None:
        return word if word in {"updated", "date"} else None

    def known_term(self, word: str) -> str | None:
        return None


@pytest.mark.parametrize(
    "typed, clean",
    [
        ("hey bot, what was agreed on fentanyl??", "what was agreed on fentanyl?"),
        ("<@123456789> did they discuss AI?", "did they discuss AI?"),
        ("<@U012AB> <!channel> who attended", "who attended"),
        ("@summitbot   where did they meet ???", "where did they meet?"),
        ("**What** about `Taiwan`?", "What about Taiwan?"),
        ("Hello there! who attended?", "who attended?"),
        ("what\u0000 did\u200b they\u202e say", "what did they say"),
        ("   ", ""),
        ("<@123>", ""),
        ("was it at like a hotel or a convention center or what", "what kind of venue was it?"),  # guesses gone
        ("was the summit at a hotel or what", "what kind of venue was the summit?"),
    ],
)
def test_clean_question(typed: str, clean: str) -> None:
    assert clean_question(typed) == clean


def test_long_questions_are_trimmed_at_a_word() -> None:
    cleaned = clean_question("fentanyl " * 2000)
    assert len(cleaned) <= MAX_QUESTION_CHARS
    assert cleaned.endswith("fentanyl")


def test_emoji_and_right_to_left_text_survive() -> None:
    assert clean_question("🇨🇳 what about فنتانيل?") == "🇨🇳 what about فنتانيل?"


def test_follow_up_borrows_the_previous_question() -> None:
    assert follow_up("what about AI?", ["what was agreed on fentanyl?"]) == "what was agreed on AI?"
    assert follow_up("who attended?", ["what was agreed on fentanyl?"]) == "who attended?"
    assert follow_up("what about AI?", []) == "what about AI?"


def test_intents() -> None:
    assert is_small_talk("thanks!") and is_small_talk("hi") and not is_small_talk("hi, who attended?")
    assert is_small_talk("what time is it?") and not is_small_talk("what time did it start?")
    assert wants_summary("tl;dr?") and wants_summary("what were the main outcomes?")
    assert wants_summary("summarize the meeting") and not wants_summary("what was agreed on fentanyl?")
    assert expected_answer("how long did they meet?") is Expect.DURATION
    assert expected_answer("when was it updated?") is Expect.TIME
    assert expected_answer("how old is Biden?") is Expect.AGE
    assert expected_answer("when will they meet again?") is Expect.FUTURE
    assert expected_answer("when do the military talks restart?") is Expect.FUTURE
    assert expected_answer("is biden planning to visit beijing next") is Expect.FUTURE
    assert expected_answer("ok and when is their next meeting") is Expect.FUTURE
    assert expected_answer("Will Biden visit Beijing next year?") is Expect.FUTURE
    assert expected_answer("who told reporters about the companies?") is Expect.SOURCE
    assert expected_answer("who told you that?") is Expect.ANY  # not about what the article reports
    assert expected_answer("what kind of venue was it") is Expect.VENUE
    assert fits(Expect.VENUE, "It took place at a secluded country estate.") and not fits(Expect.VENUE, "at Filoli estate")
    assert fits(Expect.SOURCE, "..., a senior US official told reporters.") and not fits(Expect.SOURCE, "They met.")
    assert expected_answer("when did they last sit down in person") is Expect.PAST
    assert expected_answer("when does the article say they met") is Expect.TIME
    assert expected_answer("was it in SF proper or nah") is Expect.PLACE
    assert asks_metadata("whats the title of the piece") and not asks_metadata("what title did pelosi hold")
    assert expected_answer("when did they meet?") is Expect.TIME
    assert fits(Expect.FUTURE, "The zoo expects two pandas next spring.")
    assert not fits(Expect.FUTURE, "They met on Wednesday, a year after the G20.")
    assert fits(Expect.DURATION, "They met for about four hours.")
    assert not fits(Expect.DURATION, "Their first talks in a year.") and not fits(Expect.DURATION, "They met a year ago.")
    assert not fits(Expect.AGE, "They met for about four hours.")
    assert expected_answer("where was the meeting held?") is Expect.PLACE
    assert expected_answer("how many hours did they talk?") is Expect.DURATION
    assert expected_answer("what exact date was the balloon shot down?") is Expect.DATE
    assert expected_answer("what was pelosis job back then") is Expect.ROLE
    assert expected_answer("what role does biden see for china") is Expect.ANY  # a part to play, not an office
    assert fits(Expect.ROLE, "then-House speaker Nancy Pelosi visited Taiwan") and not fits(Expect.ROLE, "Pelosi left.")
    assert fits(Expect.DATE, "They agreed on Wednesday.") and not fits(Expect.DATE, "Earlier this year, it fell.")
    assert not fits(Expect.FUTURE, "Pelosi visited Taiwan in August last year.")
    assert asks_metadata("when was this article published?") and asks_metadata("whats the date of the article")
    assert not asks_metadata("what date was the balloon shot down") and not asks_metadata("what is wang yi's title")
    assert expected_answer("which town hosted the talks") is Expect.TOWN
    assert expected_answer("which city was it held near") is Expect.CITY
    assert wants_summary("what happened at the summit now") and not wants_summary("what happened after the balloon")
    assert task_requested("translate 'thank you very much' into Mandarin") == "translate"
    assert task_requested("any tips for a first trip to Beijing? what should I see?") == "give advice"
    assert task_requested("how do i reverse a list in python") == "give advice"
    assert task_requested("can you help me draft a newsletter blurb about our potluck") == "draft"
    assert task_requested("help me understand the fentanyl deal") == ""
    assert task_requested("what's the best way to get a working holiday visa for japan") == "give advice"
    assert task_requested("what's the best way to describe the deal") == ""  # the documents asked about
    assert task_requested("can someone share the zoom link for tuesday's meeting") == "share links or files"
    assert task_requested("can you share the quote about fentanyl") == ""
    assert task_requested("any good ramen near the sf office?") == "give advice"
    assert not task_requested("write a summary of the meeting")  # a summary is answered
    assert not task_requested("draft sentence: 'they met at a hotel.' does that match the article")  # a label
    assert task_requested("draft me a tweet about the summit") == "draft"
    assert not task_requested("did biden recommend anything") and not task_requested("could i get the biden quote")
    assert asks_what_followed("what came after the balloon incident") and not asks_what_followed("what happened at the summit")
    assert set(expected_answers("where and when will the experts meet?")) == {Expect.FUTURE, Expect.PLACE}
    assert answer_type_words("which town / state is the estate in", False) == {"town", "state"}
    assert fits(Expect.CITY, "They met on the outskirts of San Francisco.")
    assert not fits(Expect.TOWN, "They met on the outskirts of San Francisco.")  # near a city, not in a town
    assert fits(Expect.TOWN, "They met at Filoli estate in Woodside, California.")
    assert expected_answer("what us state was it in") is Expect.STATE
    assert expected_answer("which country backs hamas") is Expect.COUNTRY
    assert expected_answer("which state media covered it") is not Expect.STATE
    assert expected_answer("had they met face to face recently") is Expect.PAST
    assert expected_answer("what time did the talks start") is Expect.CLOCK
    assert expected_answer("what time of year was it") is Expect.TIME
    assert expected_answer("what month was pelosi's trip") is Expect.MONTH
    assert fits(Expect.MONTH, "She went in August.") and not fits(Expect.MONTH, "It may rain.")
    assert not fits(Expect.TIME, "This was followed by her visit.")  # "this" names no time
    assert expected_answer("where did they last see each other") is Expect.PAST
    assert expected_answer("did they agree to talk more often") is Expect.AGREED
    assert expected_answer("what day did they agree") is Expect.DATE  # the day is asked for, not the deal
    assert fits(Expect.AGREED, "They agreed to commit to closer talks.") and not fits(Expect.AGREED, "Just talking.")
    assert fits(Expect.CLOCK, "They met at 11am.") and not fits(Expect.CLOCK, "They met on Wednesday.")
    assert expected_answer("where did they last meet?") is Expect.PAST
    assert expected_answer("how long had it been since they last met") is Expect.PAST
    assert fits(Expect.PLACE, "They met at Filoli estate in Woodside, California.")
    assert fits(Expect.PLACE, "This was followed by her visit to Taiwan.")
    assert not fits(Expect.PLACE, "They shot down a balloon belonging to China.")  # "to" is no place here
    assert not fits(Expect.PLACE, "Pelosi went there in August last year.")
    assert fits(Expect.PAST, "It was their first meeting since the G20 summit in Bali.")
    assert fits(Expect.CITY, "They met in Woodside, California.") and fits(Expect.STATE, "in Woodside, California.")
    assert not fits(Expect.CITY, "Then-speaker Nancy Pelosi visited.")  # a name, not the French city
    assert not fits(Expect.CITY, "They last met at G20 summit in Indonesia.")  # "G20" is no town
    assert not fits(Expect.STATE, "US Secretary of State Antony Blinken came.")
    assert fits(Expect.COUNTRY, "China's leader came.") and fits(Expect.COUNTRY, "The US President came.")
    assert not fits(Expect.PAST, "They met for about four hours on Wednesday.")


@pytest.mark.parametrize(
    "typed, clean",
    [
        ("whatd biden and xi agree on", "what did biden and xi agree on"),
        ("whos credited on the photo", "who's credited on the photo"),
        ("when'd pelosi go to taiwan", "when did pelosi go to taiwan"),
        ("mtg was near what city", "meeting was near what city"),
        ("biden said what can cause problems btwn countries", "biden said what can cause problems between countries"),
        ("what day did they agree on the mil stuff", "what day did they agree on the military stuff"),
        ("a 5 mil deal", "a 5 mil deal"),  # a million, not the military
        ("who came w/ biden", "who attended with biden"),
        ("what's the sub-headline say", "what's the subheadline say"),
        ("any pre-summit talks", "any summit talks"),
        ("where'd they hold the sitdown, some ranch out west?", "where did they hold the meeting?"),
        ("what time was it updated, im trying to settle a bet", "what time was it updated?"),  # an aside
        ("where did they hold it, some fancy mansion right? whats it called", "where did they hold it? what's it called"),
        ("when was the article last updated, teacher wants the date in the citation", "when was the article last updated"),
        ("when did they last go head to head", "when did they last met"),
        ("chinese FM name spelling", "chinese foreign minister name spelling"),
        ("confirm: 4 hrs?", "four hours?"),  # the claim to check is the question
        ("a summary of the outcomes, as stated in the article", "a summary of the outcomes"),
        ("what was her job when she did the taiwan trip, no cap i forgot", "what was her job when she did the taiwan trip?"),
        ("where did he bring it up", "where did he mention it"),
        ("is this the first time theyve met", "is this the first time they've met"),
        ("why care so much abt fentanyl", "why care so much about fentanyl"),
        ("which city was the meetup near", "which city was the meeting near"),
        ("were they there on wed", "were they there on wed"),  # real words stay as typed
        ("how far must emissions fall vs 2019 lvls", "how far must emissions fall vs 2019 levels"),
        ("who is the opec sec gen", "who is the opec secretary general"),
        ("when did the talks wrap up", "when did the talks end"),
        ("op earnings for q1?", "operating earnings for first quarter?"),
        ("ELI5 why the US cares about ODs", "why the US cares about overdoses"),
        ("who are they targeting?", "who are they going after?"),
        ("yo did kim yo jong come", "did kim yo jong come"),  # a greeting only at the start
        ("where tf was it", "where was it"),
        ("why on earth did the ccp do that", "why did the Chinese Communist Party do that"),
        ("whats the ref to the balloon", "what's the mention to the balloon"),
        ("what did they agree, dad is confused", "what did they agree"),  # who asks, not what
        ("where did they meet, my grandma keeps asking lol", "where did they meet"),
        ("did they discuss anything else, like taiwan or smth", "did they discuss anything else, like taiwan"),  # an example
        ("where was it, like a hotel or smth", "where was it"),  # a guess at the answer
        ("was it in sf or somewhere near it", "was it in sf"),
        ("was it in sf proper or somewhere else? asking for the lede", "was it in sf proper? asking for the lede"),
        ("what were the outcomes of the Nov 2023 talks", "what were the outcomes of the November 2023 talks"),
        ("anything since aug", "anything since August"),
        ("I thought they met in Los Angeles? could you check that", "where did they meet?"),  # a place to check
        ("my uncle says the summit was held in beijing", "where was the summit held?"),
        ("xi said what was in the 'fundamental interest' of both?", "xi said what was in the 'fundamental interest' of both?"),
        ("good morning all, where did they meet", "where did they meet"),
        ("Q4: Identify the agreements reached.", "Identify the agreements reached."),  # a worksheet's numbering
        ("bruh how long did they talk", "how long did they talk"),
        ("what town is the estate in per the cap", "what town is the estate in per the caption"),
        ("Filoli's in which town, out of interest?", "Filoli's in which town?"),
        ("what sort of venue was it, hotel conference room?", "what sort of venue was it?"),  # the asker's guesses
        ("the exact quote pls, i think it's garbled", "the exact quote"),
        ("Whereabouts was their previous meeting?", "where was their previous meeting?"),
        ("what did they agree to restore at their meeting?", "what did they agree to restore?"),
        ("did they mar the talks", "did they mar the talks"),  # a word, not a month
        ("what's the one-line version for the front page?", "what's the short version for the front page?"),
    ],
)
def test_chat_shorthand_is_spelled_out(typed: str, clean: str) -> None:
    assert clean_question(typed) == clean


def test_terminal_codes_are_dropped() -> None:
    assert clean_question("\x1b[31mwhat about AI?\x1b[0m") == "what about AI?"


def test_a_polite_request_asks_its_question() -> None:
    assert clean_question("Would you kindly remind me what China agreed to do?") == "what China agreed to do?"
    assert clean_question("could you tell me the name of the estate?") == "what is the name of the estate?"
    assert question_sentences("Several members wondered which group Iran backs, and I said Hezbollah. Could you tell me?") == (
        "which group Iran backs."
    )
    long = (
        "This may seem a small detail, but I noticed a line near the top saying it was produced by a machine. "
        "What exactly did that line say?"
    )
    assert focus(long) == long  # "that line" points back a sentence


def test_chat_idioms_become_the_plain_words_an_article_uses() -> None:
    assert clean_question("what day did they strike the deal") == "what day did they agree"
    assert clean_question("why did biden say the meeting went good") == "why did biden say the meeting was a success"
    assert clean_question("who was in the room on the chinese side") == "who attended on the chinese side"
    assert clean_question("who was there from china's side") == "who attended from china's side"
    assert clean_question("was there a deal on ai") == "was there a deal on ai"
    assert clean_question("why did the meeting go well") == "why did the meeting success"
    assert clean_question("what did he say could go wrong") == "what did he say could cause problems"
    assert clean_question("when did they preview the agenda") == "when did they say what would be discussed"
    assert clean_question("who from the cabinet tagged along") == "who from the cabinet attended"
    assert clean_question("why did they pull the plug on it") == "why did they cut off it"
    assert clean_question("who did xi bring along") == "who attended with xi"
    assert clean_question("when did biden n xi last see each other") == "when did biden and xi last see each other"
    assert clean_question("does china have any pull over iran") == "does china have influence over iran"
    assert clean_question("who was on xi's side of the table") == "who attended with Xi"  # "xi's" is shorthand for "Xi's"
    assert clean_question("is it true they were on the same side") == "is it true they were on the same side"



def test_a_capital_brings_the_country_the_documents_name() -> None:
    from bot.coverage import country_named

    assert country_named("any pull over Tehran?", ["tehran"], "leverage over iran") == "any pull over Tehran (iran)?"
    assert country_named("any pull over Tehran?", ["tehran"], "nothing about it") == "any pull over Tehran?"
    assert country_named("is China in it?", ["china"], "china and iran") == "is China in it?"  # a country stays


def test_chat_slang_is_spelled_out() -> None:
    assert clean_question("how long did the talks run, like hrs?") == "how long did the talks run, like hours?"
    assert clean_question("ngl what did POTUS say") == "what did US president say"
    assert clean_question("which group does iran back according to the article") == "which group does iran back"
    assert clean_question("In the article's telling, who came?") == "who came?"
    assert clean_question("was it at a hotel or what kind of venue") == "was it what kind of venue"
    assert clean_question("quick summary pls, im on the bus") == "quick summary, i'm on the bus"  # the clause ends
    assert clean_question("who was on the chinese side besides xi") == "who attended with chinese besides xi"
    assert question_sentences("for the MUN brief - why is fentanyl a big deal?") == "why is fentanyl a big deal?"


def test_a_summary_request_names_its_subject_as_a_noun_phrase() -> None:
    from bot.intent import summary_label, summary_subject

    assert summary_subject("can you summarise the latest fed minutes for me, rates desk asked") == "the latest fed minutes"
    assert summary_subject("tl;dr of the whole article pls quiz is tmrw") == "the whole article"
    assert summary_subject("can u summarize the article in like 2 sentences") == "the article"
    assert summary_subject("recap of tariff talks") == "tariff talks"
    assert summary_subject("bullet pts fine") == ""
    assert summary_subject("was there anything on methane or coal in what they agreed?") == "methane or coal"
    assert summary_subject("any mention of soybeans in the outcomes?") == "soybeans"
    assert summary_label("tone sandhi for 一 and 不 - quick summary?") == "tone sandhi for 一 and 不"
    assert summary_label("fentanyl: summary pls") == "fentanyl"
    assert summary_label("hey bot quick one for the 7am block: what did biden and xi actually agree to??") == ""


def test_statements_after_the_last_question_are_context() -> None:
    from bot.question import without_trailing_context as trimmed

    assert trimmed("what day did they agree? copy just says 'this week' and i don't trust it") == "what day did they agree?"
    assert trimmed("what was his soundbite? want a pull quote") == "what was his soundbite? want a pull quote"  # wanted
    assert trimmed("which estate? like the actual name or what") == "which estate? like the actual name or what"
    assert trimmed("where was it held? (the meeting)") == "where was it held? (the meeting)"
    assert trimmed("fentanyl. what was agreed?") == "fentanyl. what was agreed?"  # context first: the subject


def test_a_state_code_in_a_place_slot_is_spelled_out() -> None:
    from bot.coverage import spelled_states

    assert spelled_states("which town in CA was it in?") == "which town in California was it in?"
    assert spelled_states("Woodside, CA?") == "Woodside, California?"
    assert spelled_states("WHERE IN CA") == "WHERE IN CA"  # all capitals: "IN" could be anything
    assert spelled_states("was it in OK shape") == "was it in OK shape"  # a code that is an English word


def test_a_long_message_asks_its_last_question() -> None:
    ramble = (
        "ok so i've been doomscrolling since the open and the desk keeps asking me if this moves anything, "
        "everyone assumed it'd stay frozen forever, so bottom line for me: are the two militaries going to talk again"
    )
    assert focus(ramble) == "are the two militaries going to talk again"
    assert focus("what did they agree on fentanyl?") == "what did they agree on fentanyl?"  # short: as asked
    assert question_sentences("which estate was it at? saw a pic with a garden") == "which estate was it at?"
    assert question_sentences("fentanyl. what was agreed?") == "what was agreed?"
    assert question_sentences("what was agreed? and when?") == "what was agreed? and when?"
    assert question_sentences("As an engineer I'm curious: what does the order demand?") == "what does the order demand?"
    assert question_sentences("What venue was it? Like a hotel, or something else?") == "What venue was it?"
    assert clean_question("were relations in decent shape going in") == "were relations good going in"


def test_what_a_summary_request_runs_on_to() -> None:
    from bot.intent import summary_object

    assert summary_object("can you summarize chapter 3 of the book for me") == "chapter 3 of the book"
    assert summary_object("main outcomes in bullet points pls") == ""
    assert summary_object("summarize pls") == ""


def test_how_long_something_lasted_and_a_time_ahead() -> None:
    from bot.intent import asks_meeting_length, tells_how_long

    assert tells_how_long("The two leaders met for about four hours at the villa.")
    assert tells_how_long("It was a three-hour meeting.")
    assert not tells_how_long("Mr Putin arrived first, and Mr Biden a few minutes later.")
    assert not fits(Expect.DURATION, "Mr Biden arrived a few minutes later.")
    assert asks_meeting_length("how long did they talk?") and not asks_meeting_length("how long is xi staying in the us")
    assert fits(Expect.FUTURE, "OPEC+ ministers are due to meet again in Vienna on November 26.")
    assert not fits(Expect.FUTURE, "The picture was taken in 1985.")


def test_what_a_how_many_question_counts() -> None:
    from bot.intent import counted_thing

    assert counted_thing("how many warheads does it allow?") == "warheads"
    assert counted_thing("how many hours did they meet?") is None
    assert counted_thing("how much did it cost?") is None


def test_a_figurative_where_asks_no_place() -> None:
    assert expected_answer("where did brent settle on friday?") is not Expect.PLACE
    assert expected_answer("where does output end up after the cut?") is not Expect.PLACE
    assert expected_answer("where did they meet?") is Expect.PLACE


def test_a_photo_credit_question_needs_no_word_for_agency() -> None:
    from bot.intent import photo_verbs

    assert photo_verbs("which agency is the pic credited to") == {"agency", "credited"}
    assert photo_verbs("which agency regulates AI?") == set()


def test_a_length_a_schedule_and_credit_as_a_noun() -> None:
    assert expected_answer("how long is the india china frontier?") is Expect.NUMBER
    assert expected_answer("how long is the meeting?") is Expect.DURATION
    assert fits(Expect.FUTURE, "The Fed's next meeting is scheduled for September 19 and 20.")
    assert "ascribe" in clean_question("what did biden credit the success to?")
    assert "credit" in clean_question("what will tighter credit do to the economy?")


def test_a_deadline_and_a_share_are_facts_to_find() -> None:
    from bot.intent import counts_what_is_asked

    assert expected_answer("when were the talks originally supposed to end") is not Expect.FUTURE  # a plan now past
    assert expected_answer("what day of the week did they agree to resume the military talks") is not Expect.FUTURE
    assert expected_answer("what date do the military talks resume") is Expect.FUTURE
    assert expected_answer("where'd the detail about china going after the companies come from?") is Expect.SOURCE
    assert expected_answer("where did xi fly in from") is Expect.PLACE
    assert expected_answer("how old were buffett n munger") is Expect.AGE
    assert fits(Expect.AGE, "Mr Buffett, 92, and Mr Munger, 99, sat side by side.")
    assert not fits(Expect.AGE, "Shares fell in May, 2023, on the news.")
    checks = "What verification mechanism backs the fentanyl deal?"
    assert not counts_what_is_asked(checks, "China will go after the companies.")
    assert counts_what_is_asked("what's the enforcement mechanism on fentanyl", "China will go after the companies.")
    assert expected_answer("when was the next meeting scheduled for") is Expect.FUTURE
    drones = "India will buy 31 MQ-9B drones."
    assert counts_what_is_asked("how many MQ-9B drones is india buying", drones, lambda w: w if w in {"mq", "drone"} else None)
    assert question_sentences("who makes those drones again? and approx how much is the deal") == (
        "who makes those drones again? and approx how much is the deal"
    )

    assert expected_answer("by when should the data sharing start??") is Expect.FUTURE
    assert expected_answer("when should the hotline go live?") is Expect.FUTURE
    asked = "what percentage of south koreans oppose the plan"
    assert not counts_what_is_asked(asked, "The plan remains unpopular with many South Koreans.")
    assert counts_what_is_asked(asked, "About 60% of South Koreans oppose the plan.")
    assert counts_what_is_asked(asked, "A majority of South Koreans oppose it.")


def test_what_shows_a_question_is_not_covered() -> None:
    from bot.coverage import gap_words

    # a year alone is no subject
    assert gap_words("best anime of 2023?", ["anime"], 0.0, Words(), {"anime": 0.39}) == ["anime"]
    # someone's thing named in two words with nothing close
    approval = "what was kishida's approval rating at the time"
    assert gap_words(approval, ["approval", "rating"], 0.0, Words(), {"approval": 0.35, "rating": 0.24}) == ["approval", "rating"]
    assert gap_words("quick sanity check: when was the fentanyl deal made", ["sanity", "check"], 0.0, Words(), {"sanity": 0.3, "check": 0.3}) == []
    # ignored words that are the kind of answer wanted or clearly paraphrased
    incident = "what other incident this year hurt relations?"
    assert gap_words(incident, ["incident", "hurt"], 0.04, Words(), {"hurt": 0.57}, typed={"incident"}) == []
    assert gap_words(incident, ["incident", "hurt"], 0.04, Words(), {"hurt": 0.45}, typed={"incident"}) == ["incident", "hurt"]


def test_a_continent_is_covered_by_a_country_in_it() -> None:
    from bot.coverage import places

    text = "The two leaders last met at the G20 summit in Bali, Indonesia."
    assert places("a big summit in Asia, which country?", text, text.lower()) == (["asia"], [])
    assert places("anything about africa?", text, text.lower()) == ([], ["africa"])


def test_what_an_answer_is_for_and_a_blank_to_fill() -> None:
    from bot.coverage import unknown_words

    assert unknown_words("when was it updated, need the date for the fact check", Words()) == []
    assert unknown_words("For the board memo, when was it updated?", Words()) == []
    # a guess trailing the question
    assert unknown_words(clean_question("when was it updated, some late night edit?"), Words()) == []
    assert unknown_words(clean_question("when was it updated, skynet summit or nah"), Words()) == []
    assert unknown_words(clean_question("when was it updated, rain or no"), Words()) == ["rain"]  # one word is no guess
    assert clean_question("how does the article describe the venue, some fancy hideaway? because of course it was").startswith(
        "how does the article describe the venue? because"
    )
    assert clean_question("the article calls them 'the two global ___'").endswith("global what'")
    assert question_sentences("they met at a summit in Asia the year before. Which country was that in?").startswith("they met")
    assert question_sentences("and the vet: when was that pelosi trip? he remembers summer") == "when was that pelosi trip?"


def test_counts_in_a_row_and_in_a_compound() -> None:
    from bot.intent import counts_what_is_asked

    def term(word: str) -> str:
        return word.removesuffix("s")

    assert counts_what_is_asked("how many members sit on the council", "The 26-member council was split.", term)
    assert not counts_what_is_asked("how many missiles did it fire", "It tested the Hwasong-18 missile.", term)
    assert counts_what_is_asked("how many rises in a row?", "It raised rates for the tenth consecutive time.", term)
    assert fits(Expect.NUMBER, "It raised rates for the tenth consecutive time.")


def test_something_else_published_is_no_question_about_the_article() -> None:
    assert not asks_metadata("when did beijing publish that position paper??")
    assert asks_metadata("when was the article published") and asks_metadata("who wrote the piece")
    assert "press conference" in clean_question("who fronted the presser")


def test_the_word_naming_a_thing_is_its_subject() -> None:
    from bot.coverage import slot_words

    assert slot_words("what did biden call xi — the dictator thing?", ["dictator"]) == {"dictator"}
    assert slot_words("besides the pelosi thing, what else?", ["else"]) == set()


def test_a_guess_then_if_not_asks_the_second_question() -> None:
    assert question_sentences("was the meeting held in DC? if not where roughly") == "Where roughly"
    assert question_sentences("did they meet in SF? if not, which city was it near?") == "Which city was it near?"
    # "like what city ..." asks again, more exactly; it is no guess
    assert "what city" in question_sentences("where did they meet up?? like what city was it near")


def test_a_trailing_any_names_the_subject() -> None:
    from bot.coverage import slot_words

    assert "penalties" in slot_words("what if china doesnt follow through on the deal, any penalties??", ["penalties"])
    assert slot_words("any deal on fentanyl?", []) == {"fentanyl"}


def test_the_askers_own_words_for_the_articles_term() -> None:
    from bot.coverage import unknown_words

    class Chemical(Words):
        def correct(self, word: str) -> str | None:
            return word if word in {"chemical", "fentanyl", "make", "used"} else None

    asked = "what term does the article use for the chemical inputs used to make fentanyl"
    assert "inputs" not in unknown_words(asked, Chemical())
    assert "tariffs" in unknown_words("what word does the article use for the tariffs", Chemical())


def test_how_long_since_and_what_came_next() -> None:
    assert expected_answer("how long since they'd had face to face talks") is Expect.PAST  # how long ago, not how long
    assert expected_answer("first face to face in how long") is Expect.PAST
    assert expected_answer("how long did they talk") is Expect.DURATION
    assert asks_what_followed("after the 'direct communication' line, what risk did he go on to flag?")
    assert not asks_what_followed("what did he flag as a risk?")
    assert wants_summary("what actually came out of the biden xi meeting??")
    assert wants_summary("what were the two headline deliverables?")
    assert wants_summary("BLUF for the client: where do things stand?")
    assert wants_summary("what's the short version for the front page?")
    assert wants_summary("Identify two agreements reached by Biden and Xi at the summit.")
    assert not wants_summary("list the agreements reached on fentanyl")  # one topic
    assert not wants_summary("any climate deliverables out of this one")  # a subject asked about


def test_a_word_for_the_event_after_its_name_and_a_verb_nothing_is_near() -> None:
    from bot.coverage import gap_words, unknown_words

    class Balloon(Words):
        def correct(self, word: str) -> str | None:
            return word if word in {"balloon", "summit"} else None

    assert unknown_words("what was the balloon incident", Balloon()) == []
    assert unknown_words("were there any incidents at the summit", Balloon()) == ["incidents"]
    wear = "what did modi wear to the state dinner"
    assert gap_words(wear, ["wear"], 0.03, Words(), {"wear": 0.24}) == ["wear"]
    assert gap_words("what did they land on re AI", ["land"], 0.01, Words(), {"land": 0.23}) == []  # a verb and its preposition
    assert gap_words("what did biden go on to warn about", ["warn"], 0.01, Words(), {"warn": 0.39}) == []  # "go on to" is no "on …"


def test_a_topic_then_was_that_raised_asks_about_the_topic() -> None:
    assert question_sentences("South China Sea / Philippines - was that raised?") == "South China Sea / Philippines - was that raised?"
    assert question_sentences("fentanyl - did that come up at all?") == "fentanyl - did that come up at all?"


def test_a_very_long_word_named_in_a_reply_is_cut_short() -> None:
    from bot.messages import TERM_CHARS, join_terms

    assert join_terms(["tariffs"]) == "“tariffs”"
    named = join_terms(["x" * 10_000, "pandas"])
    assert len(named) < 2 * TERM_CHARS + 20 and named.endswith("or “pandas”") and "…" in named


def test_what_a_question_sets_aside_is_taken_out() -> None:
    assert without_set_aside("besides the specific deals, what did they commit to?") == "what did they commit to?"
    assert without_set_aside("what else hurt relations, besides the balloon?") == "what else hurt relations"
    assert without_set_aside("what did they agree on?") == "what did they agree on?"


def test_a_message_asking_two_questions_is_split() -> None:
    from bot.question import two_questions

    assert two_questions("where did they meet and what was agreed on fentanyl") == (
        "where did they meet?",
        "what was agreed on fentanyl?",
    )
    assert two_questions("Where did they meet? And what did they agree on AI?") == ("Where did they meet?", "what did they agree on AI?")
    assert two_questions("Where did they meet? Was it a hotel?") is None  # a guess checked
    assert two_questions("who is janet yellen and why was she there") is None  # the second leans on the first
    assert two_questions("what did biden and xi agree on") is None
    assert two_questions("where and when did they meet") is None


"""The answering core with the real bundled model: grounded answers, honest declines, several articles."""

from __future__ import annotations

import json
import statistics
from pathlib import Path

import pytest

from bot.answer import Answerer
from index import build_index, model_fingerprint

from conftest import DATA, SEEDS

pytestmark = pytest.mark.model

SEED_TEXT = (SEEDS / "biden-xi-summit-2023.txt").read_text(encoding="utf-8")


def _cases(name: str) -> list[dict]:  # type: ignore[type-arg]
    return [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()]


def test_the_question_set_meets_the_bar(seed_answerer: Answerer) -> None:
    answered_right = wrongly_declined = declined = unanswerable = 0
    lengths = []
    cases = _cases("eval.jsonl")
    for case in cases:
        answer = seed_answerer.ask(case["question"])
        for citation in answer.citations:
            assert citation.quote in SEED_TEXT, citation.quote
        if answer.answered:
            lengths.append(len(answer.text))
        if case.get("answerable", True):
            wrongly_declined += not answer.answered
            answered_right += answer.answered and all(p.lower() in answer.text.lower() for p in case["expect"])
        else:
            unanswerable += 1
            declined += not answer.answered
    answerable = len(cases) - unanswerable
    assert answered_right / answerable >= 0.9
    assert wrongly_declined <= 2
    assert declined / unanswerable >= 0.75
    assert statistics.median(lengths) <= 250 and max(lengths) <= 600


@pytest.mark.parametrize(
    "question, phrase",
    [
        ("where did they meet? which estate", "Filoli"),  # only in the photo caption
        ("what does the executive order require of developers?", "safety-test"),  # "It also requires ..."
        ("what did biden say about the fentanyl deal saving lives", "save lives"),  # a quote leaning back
        ("when did they last meet before this?", "G20"),  # the standfirst
        ("where did biden and xi jinping meet last time", "G20"),  # though the caption names both
        ("what were the main outcomes?", "fentanyl"),
        ("tl;dr", "military"),
        ("can u sum up the main outcomes", "artificial intelligence"),  # named in the headline, not the lead
        ("when was the article updated?", "November 16, 2023"),
        ("hey bot, what was agreed on fentanly??", "fentanyl"),
        ("besides the pelosi trip what other incident hurt relations this yr", "balloon"),  # set aside
        ("apart from fentanyl what did they agree", "artificial intelligence"),
        ("where do things stand between us and china overall", "strained"),  # no place asked for
        ("the article call usa and china two global what? i dont know this word", "superpowers"),  # fill the blank
        ("how does the article describe the estate, like was it public or private-ish", "secluded"),  # options offered
        ("near which city tho, sf or la", "San Francisco"),  # a fragment about the meeting
        ("cuándo fue updated la nota? fecha y hora porfa", "7:15"),  # Spanish function words read past
        ("bot, what exactly did china agree to on el tema del fentanyl?", "export"),
        ("caller earlier, nice lady from ohio, her son is stationed overseas so she follows this stuff. she asks "
         "when was the last time these two actually met in person before this one", "G20"),  # a reported question
        ("and the texas oil guy follows up: iran is a backer of which group, according to the piece", "Hamas"),
        ("who exactly is china going after under this fentanyl agreement? like is it cartels, shipping, what",
         "chemical companies"),  # the guess after it
        ("Confirming for the record: the bilateral was held in which U.S. state?", "California"),  # not "you.S."
        ("What was the specific venue for the meeting? Need the estate name for the readout.", "Filoli"),
        ("For the Chairman's memo: what were the principal deliverables from the Biden-Xi bilateral?", "fentanyl"),
        ("tl;dr of the Woodside outcomes pls — mil-mil, CN, and the AI piece", "artificial intelligence"),
        ("In which municipality is the Filoli estate located?", "Woodside"),
        ("On what day of the week did the leaders convene?", "Wednesday"),
        ("And Blinken — identified in what capacity?", "Secretary of State"),
        ("how long had it been since their last face to face, per the subhead", "a year ago"),  # the line named
        ("per the headline what did they commit to restoring between the two sides", "military communications"),
        ("where did the meeting happen? like the actual place", "Filoli"),  # the venue's name
        ("where did biden bring up the iran stuff, in the big meeting or??", "smaller sessions"),
        ("which town was the estate in, i keep forgetting", "Woodside"),
        ("when was the piece last updated, need the timestamp for our source log", "7:15"),
        ("what did biden want china to tell iran, net-net", "provocative"),
        ("what did biden credit the success to", "blunt"),
        ("who's credited for the photo", "AP"),
        ("ok so what were the two big outcomes the piece leads with", "fentanyl"),
        ("can u give me like a 2 sentence summary of the summit for our newsletter", "military"),  # a length
        ("what town is that estate in, i keep wanting to say palo alto", "Woodside"),  # a guess aside
        ("pelosi was what at the time she made that trip? i forget", "speaker"),
        ("how long did they talk for, like a whole raid's worth of hours??", "four hours"),
        ("how does the copy describe the venue itself, like what kind of place", "secluded"),  # "copy": the article
        ("did biden say anything about misjudgements / things going wrong between countries?", "miscalculations"),
        ("what's the fentanyl drug class called in the article", "opioid"),
        ("gap since their previous face to face?", "a year ago"),
        ("where in the talks did biden raise iran - plenary or side?", "smaller sessions"),
        ("who took/supplied the photo in the article? need it for my citation lol", "AP"),
        ("and who was the chinese finance guy that attended", "Lan Fo'an"),
        ("@summitbot what did they actually agree on? need it for the morning note", "fentanyl"),
        ("venue?", "Filoli"),  # a fragment about the meeting
        ("what does the standfirst say about the last time they'd met", "G20 summit in Indonesia"),
        ("whose photo is that at the top, need the credit for the graphic", "AP"),
        ("how long had it been since they last sat down face to face??", "a year ago"),
        ("how does the article describe the venue? was it in the city itself", "secluded"),  # a guess after it
        ("how long did biden xi sit down go", "four hours"),
        ("Can you brief me on the Biden–Xi meeting? Need the top-line outcomes for the boss.", "military"),
        ("the town woodside is in which state of america", "California"),  # "the town": said of a name
        ("can you tell me short what is this news about? main result of meeting", "military"),
        ("<@U0123ABCD> who went with biden?", "Blinken"),
        ("why did beijing cut military contacts?", "Pelosi"),  # a capital stands for its country
        ("why does china have any pull over tehran", "leverage"),  # Tehran: Iran, as the article says
        ("filoli is in which town exactly", "Woodside"),  # keyword overlap rescues a low cosine
        ("where was the meeting held", "San Francisco"),  # this meeting, not the G20 one it looks back to
        ("how long did it last?", "four hours"),  # names nothing: the meeting reported is meant
        ("how many hours did the sit-down last", "four hours"),
        ("when did it happen?", "Wednesday"),
        ("what town is that estate in", "Woodside"),
        ("what state was this in", "California"),  # a US state, not "Secretary of State"  # every word it names is in the caption
        ("whats the name of the place they met at? the actual property name", "Filoli"),  # "property": estate
        ("what is china supposed to do about fentanyl under the deal", "stem the export"),  # past a quote
        ("biden quote on the fentanyl agreement", "save lives"),  # the quote stays when asked for
        ("who took the photo?", "AP"),  # the caption's credit
        ("who from the us cabinet tagged along with biden", "Blinken"),  # a phrasal verb, paraphrased
        ("where is filoli", "Woodside"),  # a name the model hardly knows: keywords count
        ("when did pelosi go to tiawan", "August"),  # a swapped-letter typo
        ("what month was the pelosi trip that triggered all this", "August"),  # not the sentence naming the trip
        ("what was pelosi's job back then", "speaker"),  # an office, in a sentence that ranks lower
        ("i missed the news, my boss keeps asking about it, can someone give me the tldr", "fentanyl"),
        ("what happened after the us shot down the balloon", "Pelosi"),  # the sentence after the match
        ("did they agree to talk more often going forward", "closer communication"),  # an agreement, not talk
        ("fentanyl deal?", "stem the export"),
        ("who told reporters the detail about targeting those companies?", "senior US official"),  # who said it
        ("was it in SF proper or nah", "San Francisco"),  # initials typed in capitals
        ("Why is fentanyl such a big deal for Americans? I'm from Spain.", "overdoses"),  # context, not asked
        ("What kind of venue was it? Like a hotel, or something else?", "country estate"),  # a guess, not asked
        ("how was the venue described, like what kind of place", "secluded"),
        ("Iran angle?", "leverage"),
        ("roughly where was it held, which city was it near??", "San Francisco"),
        ("which city was the summit in?", "San Francisco"),  # not the G20 summit it looks back to
        ("hey bot quick summary pls, im on the bus", "fentanyl"),
        ("can u give me a quick summary of the article, im reading it on the bus lol", "fentanyl"),
        ("What did Biden and Xi agree to do at this meeting?", "fentanyl"),  # the outcomes
        ("where was the photo in the caption taken?", "Woodside"),
        ("Where was the photo in the article taken?", "Woodside"),
        ("what town is that estate in? need it for the photo cutline", "Woodside"),  # the context has a word it lacks
        ("give me like 3 bullet points on what they agreed", "fentanyl"),
        ("when was the last time these two actually sat down in person before this", "G20"),
        ("ok can someone just summarize this article for me, no time to read the whole thing lol", "fentanyl"),
        ("what did the WH say the goal of the talks was", "responsibly manage"),
        ("lowkey was this article machine translated or what", "automated translation"),  # chat filler
        (
            "long time listener first time poster, i was prepping notes and got sidetracked reading about how the "
            "gaza war might pull in tehran... like what did he ask china to do with iran in the smaller sessions?",
            "weigh in",
        ),  # a long message asks its last question  # the body sentence, not the headline that names it
        ("which town was the summit in", "Woodside"),  # the town, not the city it was near, nor the G20's
        ("where was the summit?", "San Francisco"),
        ("where was their last in-person meeting?", "Bali"),  # the one a sentence looks back to
        ("what did biden say the fentanyl deal would do", "save lives"),  # his words, not the headline
        ("what did biden say made the meeting a success", "just talking"),  # "The US President" is Biden
        ("is it true this was their first face-to-face talks in a year?", "first face-to-face talks"),  # echoed
        ("what does the executive order require developers to do", "executive order"),  # what "it" is
        ("tl;dr on fentanyl: what exactly did China agree to do?", "export"),  # a summary of one topic
        ("wait so what state is woodside even in lol", "California"),  # chat filler
        ("How does the article describe the venue - a hotel, a palace, or something else?", "country estate"),
        ("Janet Yellen attended - what's her title again?", "Treasury"),  # her office, not the headline
        ("What did the US shoot down earlier this year that soured ties? #USChina", "spy balloon"),
        ("what came after the balloon incident in the chain of events straining relations?", "Pelosi"),
        ("Describe the type of venue where the meeting was held.", "country estate"),
        ("In the article's sequence of events, what followed the balloon shootdown?", "Pelosi"),  # "shot down"
        ("How is the venue of the meeting described in the body text?", "country estate"),
        ("Did Biden say anything on the record about the fentanyl deal?", "save lives"),
        ("where does china have leverage", "Iran"),  # a figurative "where"
        ("where did pelosi go last year", "Taiwan"),  # no meeting: the sentences looking back are no better
        ("where did biden bring up the iran stuff, the big session or smaller ones??", "smaller sessions"),
        ("who came with Xi on the Chinese side?", "Wang Yi"),
        ("need Biden soundbite on the fentanyl agreement", "save lives"),
        ("oye bot, ¿what did Biden and Xi agree to on the military side?", "military-to-military"),  # Spanish mixed in
        ("Was genau muss China beim Fentanyl machen? I mean what is China supposed to stop doing", "stem the export"),
        ("So tell me, what did Biden and Xi actually agree to on the military side of things?", "military-to-military"),
        ("what was pelosi's job back then... ???", "speaker"),
        ("What's the name of the estate shown in the photo caption?", "Filoli"),
        ("What is Wang Yi's official title according to the article?", "Minister of Foreign Affairs"),
        ("@summitbot which California town is named in the picture caption?", "Woodside"),
        ("what kind of place was the meeting held at, like a hotel or", "country estate"),  # a guess cut off
        ("who attended the meeting", "Blinken"),  # "... also attended" brings who it adds to
        ("anything on AI?", "experts"),  # "AI" is spelled out only in the sentence of the agreement
        ("tldr what came out of the mtg", "fentanyl"),  # chat shorthand
        ("whos credited on the photo", "AP"),  # a contraction typed without its apostrophe
        ("what's the sub-headline under the title say", "G20"),  # the standfirst, not the headline
        ("biden's AI executive order, how long ago did he sign it", "last month"),  # when, not how long
        ("how long were the two of them in the room", "four hours"),  # "room": an everyday word, no subject
        ('What time is given on the article\'s "Updated" line?', "7:15"),
        ("wht time was it updated at", "7:15"),  # a slip on an everyday word
        ("so what is china actually supposed to do about the fent thing", "fentanyl"),  # a short form, no slip
        ("why did the two militaries stop talking in the first place", "Pelosi"),  # a cause asked
        (
            "Forgive me if this is a simple question, but I am not sure what position Nancy Pelosi held at the time "
            "she went to Taiwan. Could you tell me?",
            "speaker",
        ),  # the question is put as a statement
        (
            "Good afternoon. My late husband and I once drove down the coast from San Francisco and I remember lovely "
            "old houses with gardens. I read that the two presidents met at one of those places. Could you tell me "
            "the name of the estate and the town it is in?",
            "Woodside",
        ),
        ("can we get a quick readout on the key deliverables from the biden/xi sit-down?", "fentanyl"),
        ("spelling of the estate pls", "Filoli"),  # a name beside "estate" answers it
        ("who is iran backing according to this", "Hamas"),  # "backing" finds "a backer"
        ("confirm: 4 hrs?", "four hours"),
        ("day of week of the meeting, tues or wed", "Wednesday"),  # choices offered
        ("pelosi taiwan trip month per the article?", "August"),
        ("meeting length", "four hours"),  # a search-box query
        ("lan fo'an job??", "Finance"),
        ("estate name", "Filoli"),
        ("what exactly did china agree to do about fen tan yl", "fentanyl"),  # a word typed in pieces
        ("what day of the week did they meet? cant remember if it said tuesday", "Wednesday"),
        ("what did biden want china to do with iran? and where did he bring it up", "smaller sessions"),
        ("In which town does that estate lie, might I ask?", "Woodside"),
        ("Which members of the President's cabinet were in attendance alongside him?", "Blinken"),
        ("give me evidence china has leverage over iran, our opp is gonna say it has none", "leverage"),
        ("hey bot what quote can i use from biden about going back to direct comms", "direct"),  # no advice asked
        ("what town was the estate in, for the client note", "Woodside"),  # an aside
        ("how is the venue described - public site or something more private?", "secluded"),  # guesses offered
        ("did biden say anything quotable about the fentanyl deal", "save lives"),
        ("which summit did they last meet at", "G20"),  # the earlier one asked for
        ("According to the article, what event followed the balloon incident?", "Pelosi"),
        ("whats the name of the estate in the photo? the fancy garden place", "Filoli"),  # not "outside of San Francisco"
        ("@summitbot quick one for the thread, what's the headline of this article?", "vow"),
        ("could you summarise the main agreements? Military, drugs, and I believe something on computers?", "fentanyl"),
        ("How does the article characterise the state of US-China relations?", "strained"),
        ("what does the photo caption say the pic shows", "Filoli"),
        ("tl;dr of the whole article pls 🙏 quiz is tmrw", "fentanyl"),  # the summary's subject ends at "pls"
        ("so did they actually agree to anything about AI or was that just hype??", "experts"),  # a doubt, not a topic
        ("was it a downtown venue or what? what kind of place was it", "country estate"),  # the guess, then the question
        ("what kind of venue was it - hotel, embassy, something else?", "country estate"),  # bare guesses listed
        ("which town in CA was the estate in?", "Woodside"),  # a state's postal code
        ("who's quoted saying they were 'just being blunt with one another'", "Joe Biden (the US President)"),
        ("the headline lists three things they made deals/vows on, what are they", "fentanyl"),
        ("When was the last time the two leaders had met in person, and on what occasion?", "G20"),
        ("photo credit on the lead image, which wire?", "AP"),
        ("what day did they strike the deal? copy just says 'this week' and i dont trust it", "Wednesday"),  # context after
        ("blinken title, confirm", "Secretary of State"),  # the check asked for after the claim
        ("why china stop the military talking before?", "Pelosi"),  # a cause, asked without "did"
        ("why were military communications cut off", "severed"),
        ("why does washington think beijing has sway over tehran", "Iranian oil"),  # "leverage" paraphrases "sway"
        ("where did they meet exactly whats the name of the place", "Filoli"),  # a venue's name, not the city near it
        ("how would you describe the venue", "country estate"),
        ("how does the article characterize relations", "strained"),  # a topic wrapped in frame words
        ("pelosi twn trip — mo/yr per story", "August"),  # newsroom shorthand
        ("photo caption loc?", "Woodside"),
        ("pic credit on the lead art??", "AP"),
        ("yellen title as used in story pls", "Treasury"),
        ("state of us-china ties per copy — one word", "strained"),  # the answer's length asked, not a topic
        ("what time was the article updated lol random q", "7:15"),
        ("was the summit at a hotel or like a conference center? what kind of place was it", "estate"),
        ("Who comprised the PRC delegation, per the readout as reported?", "Wang Yi"),
        ("What precipitated Beijing's suspension of the mil-mil channels in the first place, per the article?", "Pelosi"),
        ("Could you pull Biden's on-the-record quote characterising the restored communication channels?", "direct"),
        ("wait so they hadnt met in like how long?? and was that at some summit", "a year ago"),  # how long ago
        ("hey bot, which things the two presidents agree in this meeting? i read fast and i dont remember", "fentanyl"),
        ("why did mil-to-mil comms get cut in the first place", "Pelosi"),  # "cut" names the cause asked for
        ("state the estate is in?", "California"),
        ("bali is in what country again, for the map graphic", "Indonesia"),  # what the answer is for
        ("what did the us want china to tell iran, basically", "weigh in"),  # "the us want china to" is no speaker
        ("Compliance: please provide Biden's exact words regarding the fentanyl agreement.", "save lives"),
        ("does china have any sway over iran according to this", "leverage"),
        ("who is iran backing according to this", "Hamas"),
        ("How does the article describe the estate where the talks took place, apart from its name?", "secluded"),
        ("and when was that pelosi trip, month wise?", "August"),
        ("Did President Biden say anything about the dangers of misunderstandings between countries?", "miscalculations"),
        ("ok so how long had it been since they'd met face to face before this?", "a year ago"),  # "it" is this meeting
        ("How did Biden explain why the meeting worked?", "blunt"),
        ("@summitbot what were the two big deliverables from biden-xi? need it for the 6pm push", "fentanyl"),
        ("last in person was in which city again? jakarta?", "Bali"),
        ("headline pls, verbatim", "vow"),
        ("who is the photo credited to?? wire service?", "AP"),
        ("what is Lan Foan's position? never heard of him", "Finance"),  # a mistyped name is still the article's
        (
            "In the interest of teaching the word 'blunt' to my students, could you kindly tell me how President Biden "
            "explained the success of the meeting?",
            "blunt",
        ),  # why it is asked comes first
        ("what did beijing actually commit to on fentanyl? looking for the specific mechanism not the headline", "export"),
        ("lan fo'an runs which ministry", "Finance"),  # a verb of holding an office
        ("what month was the pelosi taiwan trip that triggered the cutoff", "August"),  # "visited", "severed" together
        ("did biden give any rationale for why open lines matter? risk-wise", "miscalculations"),
        (
            "is the crackdown targeting specific suppliers or is it a blanket policy? thinking about upstream vendor risk",
            "chemical companies",
        ),  # which of two, not whether
        ("where did biden and xi meet?? need the name of the estate for the cold open", "Filoli"),
        ("how long did biden xi sit down go", "four hours"),
        ("Hello, excuse me, could you please tell me how long the two presidents talked for?", "four hours"),
        ("@summitbot main outcomes pls, need 2 bullets for the weekly update", "fentanyl"),  # not the "Updated:" line
        ("Which group does the article say Iran supports? I want to make sure I have it right first.", "Hamas"),
        ("Who took or supplied the photograph of the two presidents? I like to note the photo credit.", "AP"),
        ("There was a note under the photo caption about how the article was produced. What did it say?", "translation"),
        ("is the article machine translated or original? legal wants to know before we cite it", "translation"),
        ("那个庄园叫什么名字? the estate name i forget", "Filoli"),  # a script the article doesn't write
        ("what about AI 人工智能, what they agree to do", "experts"),
        ("photo in article is from which news agency? reuters?", "AP"),  # "reuters?" is a guess
        ("how long did biden n xi talk for lmaooo", "four hours"),
        ("who came with xi? names of the chinese officials pls", "Wang Yi"),  # a minister named is an official
        ("why does china have any sway with iran in the first place", "oil"),  # the appositive says why
        ("is there a line from biden about mistakes / misreads between countries?", "miscalculations"),
        ("what title does it use for pelosi — current or former?", "speaker"),
        ("who did xi bring with him to the talks", "Wang Yi"),  # his side: "China's Minister ..."
        ("who else was in the room on the US side", "Blinken"),
        ("who else was there", "Yellen"),  # no side named: everyone reported to have come
        ("blinken's title for the caption", "Secretary of State"),  # for a caption, not from it
        ("who is in the photo?", "Xi Jinping"),
        ("how long did biden and xi actually talk for? bet it felt longer for the translators 😂", "four hours"),
        ("when was the article last updated, teacher wants the date in the citation", "7:15"),
        ("where did they even hold this thing, some fancy mansion right? whats it called", "Filoli"),
        ("when was the last time these two met face to face before this one", "Bali"),  # both lines looking back
        ("which city was it near, LA or sf or what", "San Francisco"),  # guesses offered
        ("what kind of venue was it lol a hotel??", "country estate"),
        ("what are the fentanyl ingredient thingies called that china's going after", "precursors"),
        ("was the summit a W or nah, like what concrete stuff came out of it", "fentanyl"),  # the outcomes
        ("where did the meeting happen? need the venue name for the briefing deck", "Filoli"),
        ("is filoli a hotel or what? trying to describe the setting", "estate"),  # the kind named is a guess
        ("and which state, just to confirm", "California"),  # a fragment about the meeting, then an aside
        ("what did they talk about", "fentanyl"),  # everything, in brief
        ("who did xi bring to the table", "Wang Yi"),
        ("blinken was there in what capacity, state or nsc?", "Secretary of State"),  # one guess is the article's
        ("blinken's exact title for the chyron?", "Secretary of State"),
        ("what does biden want china to do about iran, opp says the article never mentions it", "escalatory"),
        ("what's the AI piece of the agreement? wire says 'a formal AI treaty' which sounds off", "experts"),
        ("where roughly was the meeting — wire says 'silicon valley', article says?", "San Francisco"),
        (
            "Good morning everyone. I read that President Biden and the Chinese president met somewhere in California at "
            "an old estate, Fillory or Filolly or something like that. Could someone remind me of the proper name of the place?",
            "Filoli",
        ),
        ("@summitbot what big city were biden and xi near when they met", "San Francisco"),  # "near when they met"
        ("What event triggered the PRC cutting off military contacts, per the article?", "Pelosi"),  # a cause, no other event
        ("For the board memo, where exactly did the Biden-Xi meeting take place per the photo caption?", "Filoli"),
        ("how does the article describe the venue, some fancy hideaway? because of course not a diner", "country estate"),
        ("AI doom talk: what did they agree to on artificial intelligence, skynet summit or nah", "experts"),
        ("who told reporters about china targeting the companies? a named person or not", "senior US official"),
        ("what day of the week did they agree to resume the military talks", "Wednesday"),
        ("how many major outcomes does the first paragraph say came out of the talks", "two major outcomes"),
        (
            "I'm a bit confused about why the military talks had stopped in the first place. Would someone kindly "
            "explain what caused China to cut them off?",
            "Pelosi",
        ),
        ("how long since the two of them had talked in person", "a year"),  # how long ago, not how long
        ("so what actually came out of the biden-xi summit, anything concrete?", "military-to-military"),  # the outcomes
        ("what were the headline deliverables", "fentanyl"),
        ("did biden say anything on the dangers of not talking, like errors or smth", "miscalculations"),  # an example
        ("after his 'direct communication' line, what did biden go on to warn about?", "miscalculations"),  # what came next
        ("why the heck did the CCP sever military contacts", "Pelosi"),
        ("where tf did they meet", "Filoli"),
        ("who's the source on the chemical companies detail", "senior US official"),
        ("what's iran got to do with all this, grandpa is confused", "Hamas"),  # the aside is no subject
        ("was it in san francisco proper or somewhere near it", "outskirts of San Francisco"),
        ("need: where summit held", "Filoli"),
        ("what's the balloon incident the story refers to", "spy balloon"),
        ("BLUF for the client: what came out of the Nov 2023 talks", "military-to-military"),
        ("what's the one-line version for the front page?", "In short"),
        ("was it in sf proper or somewhere else? for the lede", "San Francisco"),  # initials in lower case
        ("grandma thinks the estate is in oregon, is she right?", "Woodside"),  # a remembered place checked
        ("Did Biden say anything about the risk of miscalculation? my boss wants the gist", "major problems"),  # not a summary
        ("Who'd Biden bring along to the meeting, any big names?", "Blinken"),
        ("Good morning. Could you tell me what the two presidents agreed to restore at their meeting?", "military"),
        ("which two leaders does the piece cover?", "Xi Jinping"),  # people described, to be named
        ("who were the two presidents at the table", "Joe Biden"),
        ("what did Biden and Xi agree on tuesday", "In short"),  # (the day names no subject)
        ("what summit was that?", "G20"),  # an event just read of, not the meeting reported
        ("so was it held in a hotel or what", "country estate"),  # a kind of venue guessed
        ("was the summit at a hotel?", "country estate"),
        ("What can I tell my readers Biden said about the drug deal?", "save lives"),  # his words, passed on
        ("what setback earlier in the year soured ties?", "spy balloon"),  # the sentence holding the time asked
        ("when did she make that trip to taiwan?", "August last year"),  # the same visit, told with its date
        ("apart from the concrete deals, what did they commit to in general?", "closer communication"),
        ("what's the big picture here", "In short"),  # a figure of speech, not the photo
        ("how does the article frame the overdose picture in the US?", "leading cause"),
        ("what two things does the title say they made deals on?", "fentanyl and AI"),  # the headline, by "does the title say"
        ("who said it was going to save lives, Biden or Xi?", "Mr Biden said"),  # one of the people offered
        ("why does the US president say open channels matter — what danger did he flag between countries?", "direct basis"),  # his title; the quote "he added" goes on from
        ("Sir, what does the word 'precursors' mean in this article?", "fentanyl precursors"),  # a word's sense
        ("can you tell me short what the leaders agree?", "In short"),  # an English learner's summary request
        ("the military talks stopped before. why they stopped? what happened?", "Pelosi"),  # the first question
        ("that photo of them strolling outside, where was it taken?", "Filoli"),  # as the asker recalls it
        ("which day did they meet, was it like the weekend", "Wednesday"),  # a guess checked after the question
        ("How does the article describe the place? Trying to get the mood right for a brief.", "country estate"),  # why, not what
        ("what did the leaders agree to, short version", "In short"),
        ("which earlier 2023 incident does the story cite as a source of strain between the two countries?", "spy balloon"),
        ("what did he say the deal on fentanyl would achieve", "save lives"),  # the one man the article quotes
        ("the words under the picture mention a town in California, which town was it?", "Woodside"),  # the caption
        ("who came? 🤔", "Blinken"),  # the people who attended
        ("why does the wire say china has leverage with iran", "major buyer"),  # the wire is the article, not a speaker
        ("how does the piece characterise the venue?", "country estate"),
        ("Who's the attribution for the detail on China going after chemical companies? Named or anon?", "senior US official"),
        ("how does the article refer to the US and China, 'two global ___'?", "superpowers"),  # a blank to fill
        ("biden say anything about why talking matters? something about mistakes", "miscalculations"),  # a hint
        ("what are the fentanyl ingredients china exports called in the article", "precursors"),  # its word, no name
        ("did they talk about iran", "Iran"),  # what the talks took up is no background
        ("how long did the biden xi talks go for", "four hours"),  # "go" is a frame word, the leaders name nothing
        ("how long did the Biden–Xi Jinping talks go on for", "four hours"),  # "Jinping" only ever stands by "Xi"
        ("was the venue a downtown hotel or what", "country estate"),  # a guess at the kind, in the past
        ("who was chinas minister of finance at the meeting", "Lan Fo'an"),  # an office the article names
        ("what do those chemical companies make, the term in english", "precursors"),
        ("kindly tell what is the name of the estate where Biden and Xi met? need it for venue line in brief", "Filoli"),
        ("sec of state at the summit?", "Blinken"),
        (
            "There's a little note near the top of the article page, something about how it was produced? "
            "A volunteer asked me whether this is a translated piece. What does it say?",
            "automated translation",
        ),  # "what does it say?" leans on the sentence before
        (
            "Who told reporters that China would go after specific chemical companies? Was it Biden himself or "
            "someone else? I need to attribute it correctly",
            "senior US official",
        ),
        ("how long did the big meeting go on for, was it a quick photo op or a marathon", "four hours"),  # guesses
        ("Pelosi went to Taiwan which month exactly", "August"),  # a time, not a name
        ("I need the Biden quote about going back to direct communication, verbatim svp", "direct communication"),
        ("is fentanyl itself classed as what kind of drug in the writeup", "opioid"),
        ("was fentanyl raised in the talks?", "fentanyl"),
        ("Is the balloon incident mentioned anywhere?", "spy balloon"),  # in the article, not in the talks
        ("what did biden want china to push iran to avoid? something about steps being seen a certain way", "provocative"),
    ],
)
def test_answers_hold_the_fact(seed_answerer: Answerer, question: str, phrase: str) -> None:
    answer = seed_answerer.ask(question)
    assert answer.answered, answer.text
    assert phrase.lower() in answer.text.lower()
    assert 1 <= len(answer.citations) <= 4
    assert all(c.source == "biden-xi-summit-2023.txt" and c.paragraph >= 1 for c in answer.citations)


@pytest.mark.parametrize(
    "question, named",
    [
        ("what did xi say about taiwan?", "report anything Xi said"),  # the article never quotes him
        ("Xi Jinping has said what about Taiwan in this meeting?", "report anything Xi Jinping said"),
        ("are they adding more direct flights between the us and china", "flights"),  # no word means it
        ("whats the name of the us official who briefed reporters", "name the US official"),
        ("did biden call xi a dictator afterwards", "dictator"),  # what he was called is the subject
        ("did they talk about tariffs?", "tariffs"),
        ("did they touch tariffs or chip export controls at all", "tariffs"),
        ("anything about pandas going back to china", "pandas"),  # "going back": known words after the subject
        ("did they agree to keep ai out of nuclear weapons decisions", "nuclear"),  # a claim in words it never uses
        ("What did Blinken say about the outcome of the talks?", "report anything Blinken said"),  # not the summary
        ("a recap of the tariff talks please", "tariff"),
        ("can you summarise the latest fed minutes for me, rates desk asked", "fed"),  # a summary of something else
        ("what did biden and xi say about ukraine", "ukraine"),
        ("any agreement on semiconductors?", "semiconductors"),
        ("what's the capital of australia", "australia"),
        ("did they talk about the taiwan election in january", "election"),  # the thing the phrase names
        ("What factors contributed to the 2008 global financial crisis?", "2008"),  # a year it never writes
        ("did china agree to buy more us soybeans or anything like that", "soybeans"),  # a claim about a thing it lacks
        ("did china agree to buy soybeans?", "mention “soybeans”. It"),  # not "buy": the article has "buyer"
        ("May I ask whether National Security Adviser Jake Sullivan was also present in the room?", "“Jake Sullivan”"),
        ("did Gina Raimondo attend", "mention “Gina Raimondo”. It"),  # a name in capitals, named once
        ("did 彭丽媛 come with xi to california", "“彭丽媛”"),  # a name in another script is the subject
        ("did xi agree to pressure iran or did he just listen", "report an agreement on Iran"),  # only Biden's ask
        ("did yellen or blinken make any statements after the meeting", "report anything Yellen or Blinken said"),
        ("who's the senior us official? name please", "name the senior US official"),
        ("is it 'affect' or 'effect' when talking about an outcome", "“affect” or “effect”"),  # no summary
        ("did china name the fentanyl chem companies it's going after", "name the fentanyl chemical companies"),
        ("the senior us official, what is his name?", "name the senior US official"),
        ("did xi bring his wife to california?", "“wife”"),  # someone's own: the claim's subject
        ("what iran government say about this meeting", "report anything Iran said"),
        ("who's the us ambassador to china", "“ambassador”"),  # no ambassador spoken of
        ("who's doing the lunch order today, pizza or thai", "“pizza” or “thai”"),  # options none is near
        ("how did chinese state media spin the outcome", "report anything Chinese State Media said"),
        ("did xi have any quotes in the article? what did he say", "report anything Xi said"),
        ("any tariff relief discussed? section 301 stuff", "“tariff” or “relief”"),  # "any … discussed?": yes or no
        ("what was china's official readout of the meeting", "report anything China said"),
        ("was there anything on methane or coal in what they agreed?", "“methane”"),  # looked for in the outcomes
        ("did they talk about the phase one trade deal at all", "“phase” or “trade”"),  # a number between
        ("what's the time difference between here (central time) and beijing?", "“where you are”"),
        ("did they actually talk about taiwan at the summit itself", "say “Taiwan” came up in the talks"),
        ("was taiwan on the agenda", "“Taiwan” came up"),  # only in what led to the talks
        ("did xi have dinner with US business execs on the same trip", "“dinner”"),  # what was had, nowhere near
        ("did they have lunch or dinner together after", "“lunch” or “dinner”"),  # a choice of two it lacks
        ("did china's defense minister attend the talks", "“defense minister”"),  # an office it never names
        ("tone sandhi for 一 and 不 - quick summary?", "“tone” or “sandhi”"),  # the subject before the dash
        ("Did they make any progress on Taiwan itself during the talks?", "“Taiwan” came up"),
        ("did the balloon come up", "“balloon” came up in the talks; it mentions it only as background"),
        ("what did biden and xi say about taiwan during the meeting itself??", "“Taiwan” came up"),
    ],
)
def test_declines_name_what_is_missing_and_what_is_covered(seed_answerer: Answerer, question: str, named: str) -> None:
    answer = seed_answerer.ask(question)
    assert not answer.answered
    assert answer.text.startswith("The article doesn't ") and named in answer.text
    assert "It covers: fentanyl" in answer.text


@pytest.mark.parametrize(
    "question",
    [
        "can u translate 'deadline' into spanish",  # a word in quotes is what is asked about
        "when is their next meeting?",
        "how many americans die from fentanyl each year?",
        "how old is xi?",
        "how many expert will meet for AI",  # "the two leaders" counts no experts
        "where in america the spy balloon was shot down",  # somewhere in the US: not said
        "what time did the meeting start?",  # a day, but no time of day
        "Is there a date set for the next Biden–Xi meeting?",
        "Where and when will the AI experts meet?",  # no time ahead in the answer
        "is it accurate that the two leaders scheduled another meeting for next year?",
        "What is the exact date when military communication will restart?",
        "Where was the Chinese spy balloon shot down?",  # its subject named, and no place beside it
        "Name the Chinese chemical companies that will be targeted.",  # named nowhere
        "Does the article name the specific chemical companies China will go after?",
        "@summitbot what is the name of the senior US official quoted?",
        "so who are the AI experts that are gonna meet, and when? 🤔",  # no time ahead
        "@summitbot what were the names of the Chinese chemical companies being targeted?",
        "Which chemical companies, by name, will China pursue under the deal?",
        "balloon shot down where",  # no place beside the balloon
        "which chem companies named",
        "who was the senior us official briefing reporters, name pls",
        "did xi invite biden to visit china next year?",  # a claim about a time ahead, none in the answer
        "what summit was xi in sf for",  # the only summit named is the earlier one
        "why was xi even in san francisco, what event was he there for",
        "The Chinese chemical companies that will be punished, what are their names?",
        "which chemical companies exactly is china going after? are they named",
        "how xi react when biden talk about iran? he agree?",  # asked without "did": still his reaction
        "what did biden and xi agree on back at the bali meeting",  # only sentences about this meeting answer
        "src for the xi quote on taiwan",  # the article never quotes him
        "what xi jinping say in the meeting? the article have some words from him?",
        "Did the leaders agree on a date or venue for a follow-up meeting?",  # a time ahead, none given
        "What did the two leaders agree to at the Bali meeting last year?",  # a sentence looking back says only when
        "what are the names of the chemical companies china is going after",
        "how many days xi stay in the united states for this trip",  # four hours is no number of days
        "give me a direct xi quote from the meeting, anything he said",
        "is there gonna be another biden xi meeting, when",
        "exact date mil-to-mil talks actually restart?",
        "whats the name of the senior us official they keep quoting",
        "did they set a date or venue for the next leaders' meeting?",
        "what did the chinese foreign ministry readout say afterwards",
        "what did the chinese foreign ministry / xinhua readout say, does it match the US version",  # whose summary
        "which level of military talks resumes first — defense ministers, theater commanders?",  # no rank named
        "who will lead the AI talks on the chinese side",  # nobody named beside the AI talks
        "when are the AI experts actually meeting",  # a time ahead, none given
        "whens the first military hotline call actually happening, got a date on that?",
        "did xi agree to pressure iran or did he just listen",  # only Biden's request is reported
        "Which particular Chinese chemical companies are going to be targeted? Does the article name any of them?",
        "where exactly did the us shoot down the balloon",
        "who are the ai experts theyre sending",  # the article doesn't name them
        "did biden and xi agree to meet again, and if so when?",
        "what's the exact signing date of biden's AI executive order?",
        "what did china get in return for the fentanyl deal",  # no trade of concessions reported
        "how much did the security for the summit cost san francisco",  # no sum of money
        "how big was the spy balloon",  # no measure
        "what news outlet wrote this article",  # no byline
        "when does the fentanyl agreement actually take effect? is there a timeline",  # no time ahead given
        "any new tariffs on chemical imports come out of this meeting?",  # a claim about tariffs
        "did they agree on anything climate related",  # the subject of the summary asked for
        "how is the US going to verify china is actually following through on the precursor thing",  # no checking
        "What verification or enforcement mechanism backs the fentanyl deal?",
        "wire says biden called xi a 'dictator' at a presser afterward — is that in our story?",  # the claim checked
        "Were the First Lady and Mrs Xi there as well? I didn't see them mentioned.",  # only "Mr Xi" is written
        "what did xi eat at the summit",  # what someone did, by a verb nothing in the article is near
        "were there any incidents at the summit",
        "South China Sea / Philippines - was that raised?",  # the topic before "was that raised"
        "does the story quote Xi on Taiwan at all? what did he say?",  # he is never quoted
        "At what level are mil-mil contacts restored - defense ministers, theater commanders?",  # ranks of others
        "what other big conference was going on in san francisco that same week",  # only the earlier summit named
        "what did the Bali meeting last year agree on",  # the earlier meeting: no summary of this one
    ],
)
def test_a_missing_detail_of_a_covered_topic_is_declined(seed_answerer: Answerer, question: str) -> None:
    assert not seed_answerer.ask(question).answered


@pytest.mark.parametrize(
    "question",
    [
        "who won the super bowl?",
        "recipe for banana bread",
        "tell me a joke",
        "translate 'thank you very much' into Mandarin",  # a task, though "Mandarin" is near "Chinese"
        "any tips for a first trip to Beijing? what should I see?",  # advice, though Beijing is China's capital
        "um what time does the super bowl start this year",  # the "Updated:" line times the article, nothing else
        "best cheap takeaway near campus that's open after 11? asking for the whole club",  # food, no summary
        "what's a good team building activity for 12 people under $500",  # advice: "work together" is no answer
        "What's a good opening line for a debate rebuttal speech in general?",
        "when is the deadline for the quarterly flu vaccination report to the state?",  # dates fit, nothing else does
        "could someone remind me how to book a meeting room in Outlook?",  # a how-to
        "what started the cold war, short version",  # a short version of something else
        "help me write a facebook post announcing our annual meeting on dec 5",  # a task
    ],
)
def test_off_topic_is_declined(seed_answerer: Answerer, question: str) -> None:
    assert not seed_answerer.ask(question).answered


def test_small_talk_and_empty_questions(seed_answerer: Answerer) -> None:
    assert not seed_answerer.ask("hi!").answered
    assert not seed_answerer.ask("<@U123>   ").answered


def test_follow_up_uses_the_thread(seed_answerer: Answerer) -> None:
    answer = seed_answerer.ask("and what about AI?", history=["what was agreed on fentanyl?"])
    assert answer.answered and "artificial intelligence" in answer.text.lower() + " ".join(
        c.quote.lower() for c in answer.citations
    )


@pytest.fixture(scope="module")
def two_articles(real_embedder, tmp_path_factory) -> Answerer:  # type: ignore[no-untyped-def]
    root = tmp_path_factory.mktemp("two") / "index"
    index = build_index([SEEDS, DATA / "articles"], real_embedder, root, model_fingerprint(real_embedder.name))
    return Answerer(index)


def test_a_second_article_answers_and_is_cited(two_articles: Answerer) -> None:
    cases = _cases("multidoc.jsonl")
    texts = {
        "biden-xi-summit-2023.txt": SEED_TEXT,
        "summit-aftermath.md": (DATA / "articles" / "summit-aftermath.md").read_text(encoding="utf-8"),
    }
    right = {"summit-aftermath.md": 0, "biden-xi-summit-2023.txt": 0}
    total = {"summit-aftermath.md": 0, "biden-xi-summit-2023.txt": 0}
    for case in cases:
        answer = two_articles.ask(case["question"])
        total[case["source"]] += 1
        holding = [c for c in answer.citations if all(p.lower() in c.quote.lower() for p in case["expect"])]
        right[case["source"]] += bool(answer.answered and holding and holding[0].source == case["source"])
        for citation in answer.citations:
            assert citation.quote in texts[citation.source]
    assert right["summit-aftermath.md"] / total["summit-aftermath.md"] >= 0.85
    assert right["biden-xi-summit-2023.txt"] / total["biden-xi-summit-2023.txt"] >= 0.8


def test_two_articles_decline_in_the_plural(two_articles: Answerer) -> None:
    answer = two_articles.ask("did they discuss tariffs?")
    assert not answer.answered and answer.text.startswith("The articles don't mention")
    assert "They cover: " in answer.text


def test_a_huge_question_is_trimmed_and_answered(seed_answerer: Answerer) -> None:
    answer = seed_answerer.ask("what was agreed on fentanyl? " + "please tell me more " * 600)
    assert answer.answered and "fentanyl" in answer.text
    # trimmed at a question's end, not inside one: "what was agreed on AI?", not "what was agreed" (the summary)
    answer = seed_answerer.ask("what was agreed on AI? " * 600)
    assert answer.answered and "experts" in answer.text and not answer.text.startswith("In short")


def test_answer_paths_never_crash_on_odd_text(seed_answerer: Answerer, tmp_path: Path) -> None:
    for text in ["\u202e\u200f", "🙂" * 50, "```\ncode\n```", "> quote\n- list", "@everyone @here", "?" * 300]:
        answer = seed_answerer.ask(text)
        assert isinstance(answer.text, str) and answer.text


def test_one_sentence_of_the_shape_asked_for_is_the_whole_answer(seed_answerer: Answerer) -> None:
    answer = seed_answerer.ask("What position does Antony Blinken hold?")
    assert len(answer.citations) == 1 and "Secretary of State" in answer.text  # not who else attended
    answer = seed_answerer.ask("when did pelosi go to taiwan, what month")
    assert len(answer.citations) == 1 and "August" in answer.text


def test_a_guess_then_if_not_where_asks_where(seed_answerer: Answerer) -> None:
    for question in ("was it held in DC? if not, where", "was the meeting held in DC? if not where roughly"):
        answer = seed_answerer.ask(question)
        assert answer.answered and "San Francisco" in answer.text, answer.text


def test_a_message_asking_two_questions_gets_both_answers(seed_answerer: Answerer) -> None:
    answer = seed_answerer.ask("where did they meet and what was agreed on fentanyl")
    assert answer.answered
    assert "Filoli" in answer.text or "San Francisco" in answer.text
    assert "stem the export" in answer.text
    quotes = [c.quote for c in answer.citations]
    assert len(quotes) == len(set(quotes)) >= 2
    one = seed_answerer.ask("who attended and what did they agree on AI?")
    assert "Blinken" in one.text and "artificial intelligence" in one.text


"""The answering core: question -> `Answer` made of the documents' own sentences, or an honest "it doesn't say".

Depends on a `Retriever` (the index) only; knows nothing of FAISS, Slack or Discord.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from string import capwords
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

from bot import messages
from bot.compose import (
    ABOUT_THE_MEETING,
    MAX_ANSWER_CHARS,
    Passage,
    bylines,
    choose_passages,
    metadata_passages,
    named_part,
    part_rows,
    publication_year,
    summary_passages,
)
from bot.coverage import (
    CLAIM_SUPPORT,
    FRAME_WORDS,
    QUOTED,
    RARE_ZIPF,
    country_named,
    gap_words,
    is_yes_no,
    place_aliases,
    places,
    spelled_states,
    support_candidates,
    unknown_words,
)
from bot.intent import (
    counted_thing,
    summary_object,
    asks_meeting_length,
    PHOTO,
    PRODUCTION,
    Expect,
    answer_type_words,
    asks_about_an_earlier_meeting,
    asks_for_a_good_thing,
    asks_for_a_place,
    asks_metadata,
    asks_what_followed,
    counts_what_is_asked,
    STRICT,
    VENUE_KINDS,
    expected_answer,
    expected_answers,
    fits,
    is_small_talk,
    photo_verbs,
    summary_label,
    summary_subject,
    task_requested,
    wants_summary,
    without_summary,
)
from bot.names import asked_name, dubbed_rows, naming_rows
from bot.question import (
    clean_question,
    focus,
    follow_up,
    question_sentences,
    reads_as_keywords,
    set_aside,
    two_questions,
    without_guesses,
    without_set_aside,
    without_trailing_context,
)
from bot.speakers import asked_speaker, speaking_pronoun, speaking_rows, titled_names, titled_people, titles_of
from bot.suggest import suggest_questions
from index.chunk import Chunk, leans_back
from index.embed import TokenVectors
from index.lexicon import STOPWORDS, content_words, words, zipf
from index.search import QueryScores

# "What was Pelosi's job?": the documents need not say "job"; an office answers it.
ROLE_NOUNS = frozenset({"job", "position", "title", "role", "post", "office", "rank", "capacity"})
# "Lan Fo'an runs which ministry?": nor a verb of holding an office.
ROLE_VERBS = frozenset("run runs ran running head heads headed lead leads led oversee oversees serve serves served".split())
# "Why did mil-to-mil comms get cut in the first place?": the documents need not say "cut"; a
# sentence giving a cause answers it.
CAUSE_VERBS = frozenset(
    "cut cuts stop stops stopped end ended sever severed suspend suspended break broke broken freeze froze frozen "
    "halt halted sour soured worsen worsened".split()
)
_KIND_WORDS = {Expect.ROLE: ROLE_NOUNS | ROLE_VERBS, Expect.CAUSE: CAUSE_VERBS, Expect.VENUE: VENUE_KINDS}
# Answer kinds that are places.
PLACE_KINDS = frozenset({Expect.PLACE, Expect.CITY, Expect.TOWN, Expect.STATE, Expect.COUNTRY})
# A word of the question rarer than this in everyday English names a topic ("fentanyl", "Iran").
TOPIC_ZIPF = 4.8
# Below this cosine the best sentence is not about the question at all.
MIN_DENSE = 0.30
# Ranking weighs the question's focus (without the names found everywhere, "Biden", "Xi")
# above the whole question: the names pull every sentence that has them up alike.
FOCUS_WEIGHT = 0.65
# A question that names nothing but asks where, when or how long ("how long did it last?") is
# about the meeting the documents report; a sentence of the right shape answers it.
MIN_DENSE_VAGUE = 0.1
# The line a question names ("per the subhead, …") answers it from this cosine up.
PART_FLOOR = 0.22
# Answer kinds whose shape a sentence is checked for (a place, a time, a length, an office).
SHAPED = ABOUT_THE_MEETING | {Expect.ROLE}
# Answer kinds whose naming words ("which town", "her job", "why ... cut") the documents need not use.
_TYPED_KINDS = SHAPED | {Expect.CAUSE}
# A word of the question the documents lack is paraphrased by their word at least this close.
PARAPHRASE_ROW = 0.5
# This many words of the question foreign to the documents, and an answer sharing none of its words, is a guess.
FOREIGN_WORDS = 2
# Words of the documents this much less close than the closest paraphrase it too; among the closest few.
PARAPHRASE_MARGIN = 0.1
PARAPHRASE_K = 8
# A close word this near, for each word the documents lack, in the one sentence naming the rest.
TOGETHER_SUPPORT = 0.33
# "Who told reporters …?": a sentence saying who, whose fused score is at least this, answers it.
SOURCE_MATCH = 0.35
# "… our govt affairs guy wants the gist": what someone else wants, told after the question
_SOMEONE_WANTS = re.compile(
    r"\b(?:wants|needs|asked for|is asking for|would like|trying to|need (?:it|this|that|them) for)\b", re.IGNORECASE
)
# A sentence reporting someone's reaction this short, with no quote, only sets up the words that follow
MOOD_CHARS = 60
_QUOTE_MARK = re.compile(r"[“”\"«»]")
# "Where was it?", "how does the article describe the venue?"; not "what time is it?"
_REPORTED = re.compile(
    r"\b(?:did|was|were|had|article|story|piece|report|describe|described|reported|mentioned)\b|"
    # "need: where summit held": the past told in headline style
    r"^(?:\w+: )?(?:where|when) (?:the )?(?:summit|meeting|talks) (?:held|hosted|took place|happened)\W*$|"
    # "near which city though?": a fragment that only follows on from the meeting
    r"^(?:and |so |ok )?(?:(?:near|in|outside(?: of)?|at) (?:which|what) [a-z]+|(?:which|what) (?:city|town|state|venue|place|estate)"
    r"(?: is (?:that|it) in)?|(?:the )?(?:venue|location|setting)|where|when)"  # "… DC? if not, where?"
    r"(?: (?:though|again|exactly|then|now|roughly))?\W*$",
    re.IGNORECASE,
)



@dataclass(frozen=True)
class Citation:
    """A verbatim quote and where it stands."""

    source: str
    title: str
    paragraph: int
    quote: str
    score: float


@dataclass(frozen=True)
class Answer:
    """What summitbot says to a question. `answered` is False when the documents don't say."""

    question: str
    answered: bool
    text: str
    citations: tuple[Citation, ...]


@dataclass(frozen=True)
class Reading:
    """A question as the answerer understands it: corrected text, what the documents lack, its vectors."""

    query: str  # what is searched: typos fixed, acronyms spelled out
    corrected: str  # as typed, typos fixed
    asking: str  # its sentences that ask something (see `question_sentences`)
    unknown: list[str]
    shapeless_unknown: list[str]  # less the words naming the shape of answer wanted ("which town", "her job")
    missing_places: list[str]
    vectors: npt.NDArray[np.float32]  # (3, dimension): whole, focus, focus without the unknown words
    tokens: TokenVectors  # the one model pass
    # each unknown word's closest words of the documents: cosines and rows, best first (one FAISS search)
    closest: dict[str, tuple[npt.NDArray[np.float32], npt.NDArray[np.int64]]]


class Retriever(Protocol):
    """The index as the answerer sees it (`index.Index`)."""

    chunks: Sequence[Chunk]
    topics: list[str]
    manifest: dict[str, Any]

    @property
    def lexicon(self) -> Any:
        """The documents' words (`index.lexicon.Lexicon`)."""
        ...

    def embed_tokens(self, text: str) -> TokenVectors:
        """A text's token vectors, one model pass."""
        ...

    def score(self, query: str, vector: npt.NDArray[np.float32] | None = None) -> QueryScores:
        """Scores of every chunk for the query."""
        ...

    def dense(self, vector: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
        """Cosine of a vector with every chunk."""
        ...

    def closest_words(
        self, words: npt.NDArray[np.float32], k: int = 1
    ) -> tuple[npt.NDArray[np.float32], npt.NDArray[np.int64]]:
        """Each word vector's k best cosines with words of the documents, and the rows of those words."""
        ...

    def cosines(self, vector: npt.NDArray[np.float32]) -> tuple[npt.NDArray[np.float32], npt.NDArray[np.float32]]:
        """Cosine of a vector with every chunk alone and with its context."""
        ...


# Words for people a sentence may answer "who?" with, when it names no one ("a senior US official").
_PEOPLE = frozenset(
    "official officials leader leaders president presidents minister ministers secretary secretaries spokesperson "
    "spokesman spokeswoman governments government officer officers aide aides diplomat diplomats".split()
)


# "earlier this year", "earlier in the year", "last week": a time relative to the report, as (which, unit)
_TIME_ANCHOR = re.compile(r"\b(earlier|this|last|previous|past)\s+(?:in\s+the\s+)?(year|month|week)\b", re.IGNORECASE)
# ("which earlier 2023 incident …?": the year the report is in)
_EARLIER_YEAR = re.compile(r"\bearlier (?:in )?(?:19|20)\d\d\b", re.IGNORECASE)
_ANCHOR_SIDE = {"earlier": "this", "this": "this", "last": "last", "previous": "last", "past": "last"}


def _time_anchors(text: str) -> set[tuple[str, str]]:
    """The times relative to the report a text names ("earlier in the year" -> ("this", "year"))."""
    anchors = {(_ANCHOR_SIDE[m.group(1).lower()], m.group(2).lower()) for m in _TIME_ANCHOR.finditer(text)}
    return anchors | ({("this", "year")} if _EARLIER_YEAR.search(text) else set())


# "…? Biden or Xi?": the people the asker offers to choose from
_PEOPLE_OFFERED = re.compile(r"\b([A-Z][\w'’-]+) or ([A-Z][\w'’-]+)\W*$")


def _names_someone(asked: str, text: str) -> bool:
    """The sentence names a person or body the question doesn't: a capitalised word, or a word for people.

    A word for people that echoes the question's own verb ("leaders" for "who will lead?") names no one.
    """
    # ("who said it, Biden or Xi?": naming one of the people offered names someone)
    offered = {w.lower() for m in _PEOPLE_OFFERED.finditer(asked) for w in m.groups()}
    asked_words = {w.lower() for w in re.findall(r"[\w'’-]+", asked)} - offered
    stems = {w[:4] for w in asked_words if len(w) >= 4}
    for i, token in enumerate(re.findall(r"[\w'’-]+", text)):
        lowered = token.lower()
        if lowered in asked_words or lowered in STOPWORDS:
            continue
        if i and token[0].isupper():
            return True
        if lowered in _PEOPLE and lowered[:4] not in stems:
            return True
    return False


def _citation(passage: Passage) -> Citation:
    chunk = passage.chunk
    return Citation(chunk.source, chunk.title, chunk.paragraph, chunk.text, round(passage.score, 3))


# "a rundown for a non-expert", "recap for my class": who the summary is for, not its subject.
_AUDIENCE = re.compile(r"\bfor (?:a|an|my|our|the|me|us|someone|somebody)\b[^,.;:?!]*", re.IGNORECASE)
_SINCE = re.compile(r"\bsince\b", re.IGNORECASE)
# "what did biden say about talking? something about mistakes": what the asker half recalls of the answer
_HINT = re.compile(
    r"\b(?:something|smth|sth)\s+(?:about|like|with|re|regarding|to do with)\s+(?P<hint>[^.?!]{3,80})", re.IGNORECASE
)
HINT_FLOOR = 0.3  # the hint's cosine with the sentence it points to
HINT_LEAD = 0.08  # over the next sentence's
HINT_RANK = 8  # and the whole question ranks the sentence among this many
_ITS_WORD = re.compile(r"\b(?:called|termed|referred to|described)\s+(?:in|by)\s+(?:the|this)\s+(?:article|piece|story|report|text)\b", re.IGNORECASE)
# "the time difference between here and beijing?", "how far is it from here?": the asker's own
# place, which no document knows
_ASKERS_PLACE = re.compile(
    r"\bbetween here(?: \([^)]*\))? and\b|\bthan (?:it is )?here\b|\bhere (?:vs\.?|versus)\b|"
    r"\b(?:far|miles|kilometers|km|hours?|drive|flight|fly|distance)\b[^.?!]{0,30}\bfrom here\b",
    re.IGNORECASE,
)
# "the geneva meeting", "the talks in Vienna": a name that says which meeting is meant
_MEETING_LABEL = re.compile(
    r"\b([\w’'-]+?)(?:['’]s)?(\s+(?:meeting|summit|talks|sit-?down|session|gathering)s?\b)"
    r"|(\b(?:meeting|summit|talks|sit-?down|session|gathering|happened|went down|went on)s?\s+)(?:in|at)\s+([\w’'-]+)\b",
    re.IGNORECASE,
)
# "what did they agree to at the Bali meeting?": what was done there, which no sentence looking back says.
_WHAT_WAS_DONE = re.compile(
    r"\bwhat (?:did|was|were|had|have)\b[^?]*\b(?:agree|agreed|decide|decided|discuss|discussed|say|said|sign|signed|"
    r"announce|announced|achieve|achieved|talk about|talked about)\b",
    re.IGNORECASE,
)
# Added to a question that names nothing ("where was it?"): the meeting reported is meant.
_THE_MEETING = " (the meeting)"
# "who's quoted saying ...", "which official said ...": a person is asked for.
_WHO = re.compile(r"^(?:(?:so|and|but|ok|okay)\W+)?(?:who|whom)\b|\bwhich (?:person|official|leader|one)\b", re.IGNORECASE)
# "who are the two leaders?", "which two presidents is this about?": people described, to be named
_WHO_ARE_THEY = re.compile(
    r"^(?:(?:so|and|but|ok|okay)\W+)?(?:(?:who|which)\s+(?:are|were)\s+(?:the|these|those|both)|which|what)\s+(?:two\s+|2\s+)?"
    r"(?:leaders|presidents|men|heads of state|people|guys)\b(?!\s+(?:did|said|say|says|agreed|want|wanted|will|would)\b)",
    re.IGNORECASE,
)
# "the first president of the US", "the last Soviet leader": a role qualified by its place in a line
_RANKED_ROLE = re.compile(
    r"\b(first|second|third|fourth|fifth|last|previous|next|former|\d+(?:st|nd|rd|th))\s+(?:[\w-]+\s+)?"
    r"(president|leader|prime minister|premier|chancellor|king|queen|emperor|ruler|general secretary|secretary|ambassador|pope|mayor)\b",
    re.IGNORECASE,
)
# "two global what?": words the answer goes on from
_BLANK = re.compile(r"((?:[\w'’-]+ ){2,6})what\s*['’\"”]?\s*(?:\?|$)", re.IGNORECASE)
# People asked for anywhere in the question ("besides Wang Yi, who else came?", "which Chinese
# officials were there"): unlike `_WHO`, which only opens a question, for what it rules out.
_ASKS_WHO = re.compile(
    r"\b(?:who|whom)\b|\bwhich (?:[\w-]+ )?(?:persons?|people|officials?|leaders?|ones?|ministers?|secretar(?:y|ies))\b", re.IGNORECASE
)
# Frame words that still say what was done: "who organised the dinner?" is answered where "organised" is
_DOINGS = frozenset(
    "organize organized organise organised arrange arranged host hosted hosting hold held schedule scheduled attend attended".split()
)
# "how long is the frontier?", "how far is it from the city?": a distance
_LENGTH_ASKED = re.compile(r"\bhow (?:long|far|wide) (?:is|are|was|were) (?:the|this|that|their|its|it)\b", re.IGNORECASE)
_LENGTH = re.compile(r"\b\d[\d,.]*[\s-]*(?:km|kilomet(?:re|er)s?|miles?|met(?:re|er)s?|feet|ft)\b", re.IGNORECASE)
# "what city was it near?", "near which city?": the place beside the venue ("on the outskirts of San Francisco")
_NEAR_ASKED = re.compile(
    # ("what big city were they near when they met?")
    r"\b(?:city|town|place)\b[^?]{0,30}\b(?:near|close to|outside)\b(?!\s*(?!(?:when|while|during|for|at the time)\b)[A-Za-z])|"
    r"\b(?:near|close to|outside(?: of)?) (?:which|what) (?:city|town)\b",
    re.IGNORECASE,
)
_NEAR_PLACE = re.compile(r"\b(?:near|outside(?: of)?|outskirts of|close to|just (?:north|south|east|west) of)\s+(?:the\s+)?[A-Z]")
_WEEKDAY_ASKED = re.compile(r"\b(?:day of (?:the )?week|weekday)\b", re.IGNORECASE)
_DAY_NAME = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_WEEKDAY = re.compile(rf"\b{_DAY_NAME}\b")
# "what did they agree on wednesday?": the day, however typed
_ON_A_WEEKDAY = re.compile(rf"\b(?:on )?{_DAY_NAME}\b", re.IGNORECASE)
# "which engine model is it?": a model's designation ("F414", "MQ-9B", "Hwasong-18")
_MODEL_ASKED = re.compile(
    r"\b(?:what|which) (?:model|variant|version)s?\b|"
    r"\b(?:what|which) (?:[\w-]+ ){1,2}(?:model|variant|version)s? (?:is|was|are|were|did|does|do|of)\b",
    re.IGNORECASE,
)
_MODEL = re.compile(r"\b[A-Z][A-Za-z]*-?\d+[A-Za-z]?\d*\b")
# "when was the summit supposed to end?": a plan now past ("had been due to finish around midday")
_PAST_PLAN_ASKED = re.compile(
    r"\bwhen (?:was|were|had)\b[^?]*\b(?:supposed|due|scheduled|meant|set|planned|expected) to\b", re.IGNORECASE
)
_PAST_PLAN = re.compile(r"\b(?:had been|was|were) (?:due|scheduled|supposed|meant|planned|expected|set) to\b", re.IGNORECASE)
# A fact asked for, and what a sentence that gives it holds: such sentences lead, however low they
# score. A model is asked for only when nothing else the documents lack is ("what iphone model does he use?").
_GIVEN_BY = (
    (_WEEKDAY_ASKED, _WEEKDAY, False),
    (_NEAR_ASKED, _NEAR_PLACE, False),
    (_LENGTH_ASKED, _LENGTH, False),
    (_MODEL_ASKED, _MODEL, True),
    (_PAST_PLAN_ASKED, _PAST_PLAN, True),
)
# "which room was it in?": a thing asked for by kind, whose answer may be a name ending in that word
_WHICH_THING = re.compile(r"\b(?:which|what) ([a-z]{3,})\b(?= (?:was|is|were|are|did|does|do|will|has|had)\b)")
# Names asked for: "who", "which outlets", "the names of …"
_NAMES_WANTED = re.compile(r"\b(?:who|whom)\b|\bwhich (?:[\w-]+ )?[a-z]+s\b|\bnames?\b", re.IGNORECASE)
# A sentence reporting a question put to someone: the reply follows it
_PUT_TO = re.compile(r"\b(?:was|were|been|being) asked\b|^Asked\b", re.IGNORECASE)
# Two or more capitalised words not opening a sentence: a name ("Jake Sullivan", "National Security Adviser").
_NAME_RUN = re.compile(r"(?<=[a-z,;:] )[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+")
# "Mrs Xi", "Ms Pelosi": an honorific before a surname, and each kind's spellings in a text
_HONORIFIC = re.compile(r"\b(Mrs\.?|Ms\.?|Madame|Madam|Mr\.?)\s+([A-Z][a-z]+)\b")
_MR = "Mr"
_MRS = "(?:Mrs|Ms|Madame|Madam)"
# The last word of a title for a person ("the First Lady", "the National Security Adviser")
# "defense minister", "the commerce secretary": an office, by what it is over
_OFFICE = re.compile(r"\b([a-z][\w-]+) (minister|secretary)\b", re.IGNORECASE)
_PERSON_TITLES = frozenset(
    "lady adviser advisor ambassador spokesman spokeswoman spokesperson envoy representative chief director general "
    "admiral governor mayor senator chancellor king queen prince princess secretary minister premier czar tsar".split()
)
# A surname commoner than this in everyday English ("Rice", "Young") may be a word the question uses.
NAME_ZIPF = 4.0
_ALTERNATIVES = re.compile(r"\b([\w'’-]+)\s*/\s*([\w'’-]+)\b")
# "who did Xi bring with him?", "who else was in the room on the US side?": the people who came.
_COMPANIONS = re.compile(
    r"\b(?:who|whom|which (?:[\w-]+ )?(?:persons?|people|officials?|ministers?|aides?|secretar(?:y|ies)|members?))\b[^?]*?"
    r"\b(?:accompan\w+|(?:came|come|comes|travel+ed|went|flew|was|were|sat) (?:along )?with\b|tagged along|"
    r"(?:came|showed up|turned up)\W*$|"  # "who came?"
    r"(?:brought|bring|brings)\b(?! up\b| it\b| that\b)|attend(?:ed|ing|s)?\b|(?:was|were) (?:also )?(?:there|present)\b|entourage|delegations?|in the room|at the table|"
    r"\b(?:was|were|is|are|sat|else)\b[^?]*\bon (?:the )?(?:us|u\.s\.|american|chinese|[\w]+['’]s) (?:side|team)\b)",
    re.IGNORECASE,
)
# "on the US side", "US officials": a side named by its short form.
_SIDE_CODE = re.compile(r"\b(US|UK|EU)\b|\b(us|uk|eu)(?= (?:side|team|delegation|officials?|ministers?|secretar))", re.IGNORECASE)
# A sentence reporting who came: "Blinken and Yellen accompanied Mr Biden", "Wang Yi ... also attended".
_ATTENDED = re.compile(
    r"\b(?:accompan(?:ied|ies|y|ying)|attend(?:ed|s|ing|ees?)|in attendance|delegations?|entourage|(?:joined|flanked) (?:only )?by)\b",
    re.IGNORECASE,
)
# "where did they hold it? what's it called": the place's name is asked for
_CALLED = re.compile(r"\bwhat(?:['’]s| is| was) (?:it|that|this|the place) called\b|\bthe name of (?:it|that|the place)\b", re.IGNORECASE)
_PRECISELY = re.compile(r"\b(?:exact(?:ly)?|actual(?:ly)?|specific(?:ally)?|precise(?:ly)?|physical(?:ly)?)\b", re.IGNORECASE)
_PHRASE_ALTERNATIVE = re.compile(r"\b([\w'’-]+)\s*/\s*((?:[\w'’-]+ ?){2,6})")
# "… restored - defense ministers, theater commanders?": the options the asker lists after the question
_OPTIONS_AFTER = re.compile(r"\s[-–—]+\s|:\s")
_OFFERED = re.compile(r"[,;:]\s*([\w'’-]+) or ([\w'’-]+)\W*$")
# "who wrote this?", "what outlet published it?": the article's author or publisher
_AUTHORSHIP = re.compile(
    r"\b(?:author(?:s|ed)?\b|byline|(?:wrote|written|published|publishes|reported) (?:this|it|the (?:article|story|piece))|"
    # (not someone's: "what outlet is she from?")
    r"(?:outlet|publication|publisher|newspaper|paper|site|website) (?:is|was|wrote|published|ran)\b(?! (?:she|he|they)\b))",
    re.IGNORECASE,
)
_IN_EXCHANGE = re.compile(r"\bin (?:return|exchange)\b|\bquid pro quo\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# "which summit", "what bigger conference", "the bigger summit going on": an event asked for by kind.
_EVENTS = r"(?:summit|conference|forum|event|gathering|convention)s?"
_ASKS_EVENT = re.compile(rf"\b(?:what|which)(?: was| is)?(?: the| a)?(?: \w+){{0,2}} {_EVENTS}\b", re.IGNORECASE)
_EVENT = re.compile(rf"\b{_EVENTS}\b", re.IGNORECASE)
# "what summit was that?": an event the asker has just read of, not necessarily the meeting reported
_POINTS_BACK = re.compile(r"\b(?:was|is) that\b(?! (?:meeting|summit|talks?)\b)", re.IGNORECASE)
_THE_ARTICLE = re.compile(r"\b(?:article|story|piece|report)\b", re.IGNORECASE)
_SEQUENCE = re.compile(
    r"\b(?:led|lead|leads|leading|followed|follows|preceded|caused|came|comes|after|before|triggered|triggers|sparked|"
    r"sparks|prompted|prompts|provoked|precipitated|resulted)\b",
    re.IGNORECASE,
)


# "did they discuss Taiwan?", "was the balloon raised?", "did it come up?": whether the talks took a topic up
_RAISED = re.compile(
    r"\b(?:discuss(?:ed|ing)?|talk(?:ed|ing)? (?:about|over)|rais(?:e|ed|ing)|br(?:ing|ought) up|c[oa]me up|"
    r"touch(?:ed)? (?:on|upon)|address(?:ed)?|g[eo]t into|mention(?:ed)?|"
    r"(?:say|said|decide|decided|agree|agreed) (?:about|on|regarding|re)|(?:make|made|makes) (?:any |much |some )?progress on)\b",
    re.IGNORECASE,
)
# "what did they say about Taiwan during the meeting itself?": the talks, as against what led to them
_AT_THE_TALKS = re.compile(r"\b(?:in|at|during) (?:the|this|that) (?:meeting|talks|summit|sit-?down)\b", re.IGNORECASE)
# (not "is a pause on the table?": what may yet be done)
_PASSIVE = re.compile(r"^\W*(?:so |and |but )?(?:was|were|has|have|had)\b(?!.*\b(?:they|he|she|we|you)\b)", re.IGNORECASE)
# What a sentence reports as said or done in talks.
_TALKED = re.compile(
    r"\b(?:discuss\w*|talk\w*|rais\w*|agree\w*|said|says|say|told|tell\w*|urg\w*|made clear|concerns?|press\w*|"
    r"warn\w*|commit\w*|vow\w*|pledg\w*|explain\w*|ask\w*|call(?:ed|s)? for|spok\w*|speak\w*|deal\w*|accord\w*)\b",
    re.IGNORECASE,
)
# "… after Nancy Pelosi visited Taiwan": a clause telling what happened before, or around, the talks
_BACKGROUND_CLAUSE = re.compile(r"\b(?:after|before|since|when|following|amid|until)\b[^,;:]*$", re.IGNORECASE)


def _in_the_talks(sentence: str, topic: str, term_of: Callable[[str], str | None]) -> bool:
    """The sentence reports the topic as said or done, not just as what happened around it."""
    if not _TALKED.search(sentence):
        return False
    for found in re.finditer(r"[\w'’]+", sentence):
        if term_of(found.group().lower()) == topic and not _BACKGROUND_CLAUSE.search(sentence[: found.start()]):
            return True
    return False


def _opens_sentence(text: str, at: int) -> bool:
    """The word at this offset opens a sentence: nothing but space since the text began or a full stop."""
    before = at - 1
    while before >= 0 and text[before] in " \t":
        before -= 1
    return before < 0 or text[before] in ".!?“\"‘\n"


def _name_parts(text: str, lexicon: Any) -> frozenset[str]:
    """The name words the text writes only beside a name it uses everywhere ("Jinping" of "Xi Jinping")."""
    found = list(re.finditer(r"[\w'’-]+", text))
    tokens = [m.group() for m in found]
    # (not "Amid US concerns …": a word capitalised only to open a sentence)
    opening = [_opens_sentence(text, m.start()) for m in found]

    def ubiquitous_name(i: int) -> bool:
        return 0 <= i < len(tokens) and tokens[i][:1].isupper() and lexicon.known_term(tokens[i].lower()) in lexicon.ubiquitous

    always: dict[str, bool] = {}
    for i, token in enumerate(tokens):
        word = token.lower()
        if word in STOPWORDS or lexicon.known_term(word) in lexicon.ubiquitous:
            continue
        named = token[:1].isupper() and not opening[i] and (ubiquitous_name(i - 1) or ubiquitous_name(i + 1))
        always[word] = always.get(word, True) and named
    return frozenset(w for w, named in always.items() if named)


def _sentence(text: str) -> str:
    return text if text.endswith((".", "!", "?", "”", '"', "’", "'", ":")) else text + "."


# "the town woodside", "the estate filoli": a kind of place before its name
_LABEL = re.compile(
    r"\b(?:the|this|that) (town|village|city|state|estate|country|venue|place|suburb|county) ([\w'’-]+)", re.IGNORECASE
)


class Answerer:
    """Answers questions from the indexed documents.

    Args:
        retriever: the loaded index.
    """

    def __init__(self, retriever: Retriever) -> None:
        self.retriever = retriever
        self._documents = max(1, len(retriever.manifest.get("documents", [])))
        self._text = "\n".join(c.text for c in retriever.chunks)
        self._lowered = self._text.lower()
        lexicon = retriever.lexicon
        self._body_terms = frozenset().union(*(lexicon.terms_of(c.text) for c in retriever.chunks if c.paragraph > 1))
        # Terms found only in sentences that look back to an earlier meeting ("G20", "Bali").
        past = [fits(Expect.PAST, c.text) for c in retriever.chunks]
        self._looking_back_terms = frozenset().union(
            *(lexicon.terms_of(c.text) for c, p in zip(retriever.chunks, past, strict=True) if p)
        ) - frozenset().union(*(lexicon.terms_of(c.text) for c, p in zip(retriever.chunks, past, strict=True) if not p))
        self._sentences = [c.text for c in retriever.chunks]
        # "Jinping", "Joe": a name word the documents only ever write beside an ubiquitous one ("Xi Jinping")
        self._ubiquitous_names = _name_parts(self._text, lexicon)
        self._rows = {chunk: row for row, chunk in enumerate(retriever.chunks)}
        self._speakers: dict[str, list[int]] = {}
        self._titled = titled_names(self._text)
        # each sentence reporting an agreement, by its terms ("did Xi agree to pressure Iran?")
        self._row_terms = [lexicon.terms_of(s) for s in self._sentences]
        self._attending = [i for i, s in enumerate(self._sentences) if _ATTENDED.search(s)]
        self._reports_exchange = _IN_EXCHANGE.search(self._text) is not None  # "in return for …"
        self._agreeing = [t for s, t in zip(self._sentences, self._row_terms, strict=True) if fits(Expect.AGREED, s)]
        # "the oct 2022 cut" in an article dated 2023 that says "October last year"
        year = publication_year(retriever.chunks)
        self._years = {
            str(year + step): phrase
            for step, phrase in ((-1, "last year"), (0, "this year"), (1, "next year"))
            if year and str(year + step) not in self._text and phrase in self._lowered
        }

    def ask(self, question: str, history: Sequence[str] = ()) -> Answer:
        """Answer a question in one to three of the documents' sentences, or decline.

        A message asking two questions ("where did they meet and what was agreed on AI?") gets
        both answers when the answer to the whole message leaves one of them out.

        Args:
            question: what the person typed, mentions and all.
            history: earlier questions of the same conversation (a chat thread), oldest
                first; they complete a follow-up such as "and what about AI?".

        Returns:
            The answer; `answered` is False, with the reason in `text`, when the documents don't say.
        """
        whole = self._ask_one(question, history)
        parts = two_questions(clean_question(question))
        if not whole.answered or parts is None:
            return whole
        first = self._ask_one(parts[0], history)
        second = self._ask_one(parts[1], [*history, parts[0]])
        if not (first.answered and second.answered):
            return whole
        given = {c.quote for c in whole.citations}
        if all(c.quote in given for c in first.citations) and all(c.quote in given for c in second.citations):
            return whole
        citations = tuple({c.quote: c for c in (*first.citations, *second.citations)}.values())
        text = first.text if second.text in first.text else f"{first.text} {second.text}"
        return Answer(question, True, text, citations)

    def _ask_one(self, question: str, history: Sequence[str] = ()) -> Answer:
        """One question's answer (see `ask`)."""
        asked = focus(follow_up(clean_question(question), [clean_question(h) for h in history]))
        if not asked:
            return Answer(question, False, messages.EMPTY_QUESTION, ())
        if is_small_talk(asked):
            return Answer(question, False, messages.GREETING, ())
        task = task_requested(asked)
        if task == "give advice" and asks_for_a_good_thing(asked) and any(self._is_name(w) for w in content_words(asked)):
            task = ""  # "what's a good Biden line to open the show with?" asks the documents
        if task:
            noun = messages.document_noun(self._documents)["noun"]
            return Answer(question, False, messages.NOT_A_QUESTION.format(noun=noun, task=task), ())
        expect = expected_answer(asked)
        vague = self._about_the_meeting(question_sentences(asked), expect)
        # "where was it?": nothing named, so the meeting the documents report is meant.
        reading = self._read(f"{asked}{_THE_MEETING}" if vague else asked)
        scores, best_dense = self._blend(reading.query, reading.vectors[0:1], reading.vectors[1:2])
        scores = replace(scores, paraphrase=self._paraphrases(reading))
        # "what's the headline?", "when was it updated?", "where was the photo taken?"; not
        # "according to the headline, where did they last meet?"
        # (not a remark after the question: "how long did they talk? bet it felt longer for the translators")
        how_made = PRODUCTION.search(without_trailing_context(asked) if not _THE_ARTICLE.search(asked) else asked) is not None
        about_the_article = asks_metadata(asked) and not wants_summary(asked) and (
            expect in {Expect.ANY, Expect.TIME, Expect.DATE, Expect.CLOCK} or PHOTO.search(asked) is not None or how_made
        )
        # (how the article was made: whatever words it is asked in, "machine help", "original")
        unasked = set() if how_made else set(reading.shapeless_unknown) - photo_verbs(asked)
        if _AUTHORSHIP.search(asked) and not bylines(self.retriever.chunks):
            return self._decline(question, scores, [])  # "who wrote this?", "what outlet ran it?": no byline
        if not unasked and not reading.missing_places and about_the_article:
            found = metadata_passages(self.retriever.chunks, scores, asked)
            # "blinken's title for the caption": a person the line never names is asked about, not the line
            if found and not self._names_missing_from(asked, found[0].chunk.text):
                return self._answer(question, found)
        gap = self._gap(reading)
        speakers = asked_speaker(reading.corrected, self._is_name) or self._speaker_named_before(reading.corrected)
        if speakers and not any(self._speaks(s) for s in speakers):
            return self._decline(question, scores, [], speakers)  # "what did Blinken say were the outcomes?"
        set_aside_rows = self._set_aside_rows(asked, people=_ASKS_WHO.search(reading.corrected) is not None)
        # ("did Biden say anything about miscalculation? our govt affairs guy wants the gist": the gist is
        # of that answer, someone else's wish told after the question)
        asking_part = without_trailing_context(asked)
        wished = _SOMEONE_WANTS.search(asked[len(asking_part) :]) is not None
        if wants_summary(asking_part if wished else asked) and not set_aside_rows:
            # "a recap of the tariff talks" is declined; "a quick summary, I'm on the bus" is not.
            # "summarise the latest fed minutes": a word of the subject the documents never use.
            label = summary_label(asked).lower()
            subject = summary_subject(asked).lower() or label
            # "summarize chapter 3 of waltz's theory for me": no subject phrase read, but a word
            # the documents lack stands where the subject would
            # ("tone sandhi - quick summary?": the subject may stand in a part of its own)
            words = gap + reading.shapeless_unknown + unknown_words(label, self.retriever.lexicon) if subject else gap
            subject = subject or summary_object(asked).lower()
            gap = [w for w in dict.fromkeys(words) if re.search(rf"\b{re.escape(w)}\b", subject)]
            # "tl;dr on fentanyl: what did China agree to do?" asks about one topic, not all.
            # ("a tl;dr: mil-mil, fentanyl and the AI piece" lists the outcomes the summary gives)
            # ("what did they agree on wednesday? need 2 bullet points": the day says when, not what about)
            summarised = _ON_A_WEEKDAY.sub(" ", _AUDIENCE.sub(" ", without_summary(without_guesses(asked))))
            # ("what did the Bali meeting last year agree on?": not this meeting's outcomes)
            earlier = self._names_earlier(asked) and not _SINCE.search(asked)
            if not gap and not earlier and len(self._topics(self._unlabelled(summarised))) != 1:
                summary = summary_passages(self.retriever.chunks, scores, self.retriever.lexicon)
                return self._answer(question, summary, messages.SUMMARY_LEAD)
        if gap:
            return self._decline(question, scores, gap)
        # "how long since they last met, per the subhead?": that line, when it speaks to the question
        line = named_part(asked)
        rows = part_rows(self.retriever.chunks, line) if line else []
        if rows:
            best = max(rows, key=lambda r: float(scores.fused[r]))
            if scores.dense[best] >= PART_FLOOR:
                return self._answer(question, [Passage(self.retriever.chunks[best], float(scores.fused[best]), float(scores.dense[best]))])
        if set_aside_rows:  # "beyond fentanyl, anything on drugs?": the other sentences must cover it
            kept = np.ones(len(self._sentences), dtype=bool)
            kept[set_aside_rows] = False
            best_dense = min(best_dense, float(scores.dense[kept].max(initial=0.0)))
        # (not "what are the ingredients called in the article?": the article's word for a thing, no name)
        target = [] if _ITS_WORD.search(question) else asked_name(reading.corrected.removesuffix(_THE_MEETING))
        naming = naming_rows(target, self._sentences) if target else None
        typed = answer_type_words(reading.corrected) | _KIND_WORDS.get(expect, frozenset())
        if target and naming is None and target[-1] in reading.unknown and target[-1] not in typed:
            return self._decline(question, scores, [target[-1]])  # "who's the US ambassador?": none spoken of
        if target and naming == []:
            # "'the X consensus'... what is the deal called?": a name given in quotes, in a sentence
            # sharing another of the question's words
            asked_terms = self._asked_terms(reading.corrected) - {self.retriever.lexicon.known_term(w) for w in target}
            naming = [r for r in dubbed_rows(self._sentences) if asked_terms & self.retriever.lexicon.terms_of(self._sentences[r])]
        if target and naming == []:
            phrase = " ".join(target)
            as_written = re.search(rf"\b{re.escape(phrase)}\b", self._text, re.IGNORECASE)  # "US", not "us"
            return self._decline(question, scores, [], unnamed=as_written.group() if as_written else phrase)
        # "the article calls them two global what?": the sentence that goes on from those words
        naming = naming or self._blank_rows(reading.asking)
        # "who are the two leaders the story is about?": a sentence naming them, titles and all
        if _WHO_ARE_THEY.search(reading.asking):
            naming = [row for row, sentence in enumerate(self._sentences) if len(set(titled_people(sentence))) >= 2] or naming
        # "what day of the week was it?", "what city was it near?", "how long is the frontier?"
        given_by = next(((m, given, alone) for asking, given, alone in _GIVEN_BY if (m := asking.search(reading.asking))), None)
        asked_for = None
        if given_by and (not given_by[2] or set(reading.shapeless_unknown) <= set(content_words(given_by[0].group()))):
            asked_for = given_by[1]
        if not naming and asked_for is not None:
            naming = [row for row, sentence in enumerate(self._sentences) if asked_for.search(sentence)]
        # "which room was the press conference in?": a sentence naming one ("the East Room") leads
        if not naming and (which := _WHICH_THING.search(reading.asking)):
            named = re.compile(rf"\b[A-Z][\w'’-]*\s+{re.escape(which.group(1).capitalize())}s?\b")
            naming = [row for row, sentence in enumerate(self._sentences) if named.search(sentence)]
        # "who came with Xi?": a sentence reporting who attended leads; the side asked for ranks first.
        attending = [] if naming or not _COMPANIONS.search(reading.asking) else self._side_rows(reading.asking, self._attending)
        # "where exactly did the meeting happen?", "the actual place": the venue's name
        if not naming and expect is Expect.PLACE and (_PRECISELY.search(reading.corrected) or _CALLED.search(reading.corrected)) and self._names_nothing(reading.asking):
            naming = naming_rows(["place"], self._sentences) or []
        # "the 'not alone' line": the sentence holding the words quoted
        echoed = self._echoed_rows(reading.asking)
        # "why does talking matter? something about mistakes": the sentence the asker half recalls
        naming = naming or echoed or self._hinted_rows(asked, scores)
        said = [row for s in speakers for row in self._speaks(s)]
        passages = choose_passages(
            self.retriever.chunks,
            scores,
            expect,
            said_by=said if speakers else None,
            recalls_earlier=expect in ABOUT_THE_MEETING and self._recalls_earlier(reading.corrected),
            asks_what_followed=asks_what_followed(reading.asking),
            # "Where was the balloon shot down?" names its subject: a place near it, or nothing.
            shape_required=expect in PLACE_KINDS and not vague and asks_for_a_place(reading.asking, expect),
            naming=naming or attending,
            set_aside=set_aside_rows,
            names_nothing=expect is Expect.DURATION
            and asks_meeting_length(reading.asking)
            and self._names_nothing(reading.asking),
        )
        # When the only unknown words name the kind of answer wanted, keyword overlap counts
        # too: "filoli is in which town?" is plainly about the caption though its cosine is low.
        # Not when the unknown word is the subject: "lunch at the estate" is not about the estate.
        rescue = bool(reading.unknown) and set(reading.unknown) <= typed
        # A name the documents use but the model hardly knows ("where is filoli?"): keywords count.
        rescue = rescue or (not reading.unknown and self._names_rare_word(reading.corrected))
        # A search-box query of the documents' own words ("mil comms status", "lan fo'an job"):
        # too short for a sentence's cosine, so its keywords count.
        rescue = rescue or (
            not reading.shapeless_unknown and reads_as_keywords(reading.asking) and self._names_topic(reading.asking)
        )
        # "how do they describe the estate?": a question whose only subject is a topic of the
        # documents, wrapped in frame words that dilute its cosine.
        # ("besides the specific deals, what did they commit to more generally?": what is ruled out is no subject)
        rescue = rescue or (not reading.unknown and self._only_topics(without_set_aside(reading.asking)))
        relevance = max(best_dense, float(scores.fused.max())) if rescue else best_dense
        # "When did these two last sit down?" names nothing either: the sentence looking back answers.
        looks_back = expect is Expect.PAST and self._names_nothing(reading.asking)
        floor = MIN_DENSE_VAGUE if vague or looks_back else MIN_DENSE
        # "What town is that estate in?": a sentence of the right shape holding every word the
        # question names ("Filoli estate in Woodside") answers it, however low its cosine.
        if expect in SHAPED and any(self._words_in(reading.asking, typed, p.chunk.text) for p in passages):
            relevance = max(relevance, floor)
        # "Who told reporters about targeting those companies?": the sentence that says who told
        # them, when its keywords match well, whatever its cosine.
        # ("who's the source for the precursor detail?": a sentence saying who told it, holding every
        # word the question names, however few they are)
        if expect is Expect.SOURCE and passages and (
            max(p.score for p in passages) >= SOURCE_MATCH
            or any(fits(Expect.SOURCE, p.chunk.text) and self._words_in(reading.asking, typed, p.chunk.text) for p in passages)
        ):
            relevance = max(relevance, floor)
        # "What's the estate called?": a sentence giving a name beside "estate" answers it.
        if naming and any(p.chunk == self.retriever.chunks[r] for p in passages for r in naming):
            relevance = max(relevance, floor)
        if attending:
            passages = self._who_came(passages, attending, scores)
            if not reading.unknown and any(p.chunk in self._chunks_of(attending) for p in passages):
                relevance = max(relevance, floor)
        if not passages:  # no sentence of the shape asked for ("where was the balloon shot down?")
            return self._decline(question, scores, [])
        if relevance < floor:
            return self._decline(question, scores, reading.unknown)
        # "when is the deadline for the state STI surveillance report?": sentences chosen for their shape
        # alone (a date), far from the question and sharing none of its words, while several of its
        # words are foreign to the documents, with nothing close to them there
        foreign = [w for w in reading.shapeless_unknown if w in reading.closest and reading.closest[w][0][0] < PARAPHRASE_ROW]
        by_shape = expect in SHAPED and max(p.dense for p in passages) < floor
        asked_terms = self._asked_terms(reading.asking) if by_shape and len(foreign) >= FOREIGN_WORDS else set()
        if (
            asked_terms
            and not rescue
            and not naming
            and not any(asked_terms & self.retriever.lexicon.terms_of(p.chunk.text) for p in passages)
        ):
            return self._decline(question, scores, foreign)
        quoting = any(self._row(p) in echoed for p in passages)  # the words asked about are in the answer
        if self._asks_another_event(reading, expect, passages) or (not quoting and self._misses_the_earlier_meeting(reading, passages)):
            return self._decline(question, scores, [])
        # "Where and when will the experts meet?": each part that needs a date, a number or a
        # time ahead must find one in the answer.
        # ("How long had it been since they met?" and "the first time in how much time?" ask how
        # long ago, not for a length or a number.)
        looked_back = {Expect.DURATION, Expect.NUMBER} if expect is Expect.PAST else {Expect.DURATION}
        for part in expected_answers(asked)[1:]:
            if part in STRICT - looked_back and not any(fits(part, p.chunk.text) for p in passages):
                return self._decline(question, scores, reading.unknown)
        # "how many days?" with only hours; "how many experts?" with only "the two leaders"
        if not any(counts_what_is_asked(reading.asking, p.chunk.text, self._counted_term) for p in passages):
            # "how many jobs will the plant create?": the plant's sentence, then "…, creating up to 5,000 jobs"
            following = self._following(passages[-1].chunk)
            if following is None or not counts_what_is_asked(reading.asking, following.text, self._counted_term):
                return self._decline(question, scores, reading.unknown)
            row = self._rows[following]
            passages = [*passages, Passage(following, float(scores.fused[row]), float(scores.dense[row]))]
        # "how many warheads?", a thing the documents never name: only a number in a sentence that
        # says it in other words counts it ("the two leaders took a stroll" counts no protesters)
        thing = counted_thing(reading.asking)
        if thing and thing in reading.closest and self.retriever.lexicon.known_term(thing) is None:
            cosines, near_rows = reading.closest[thing]
            near = {int(r) for c, r in zip(cosines, near_rows, strict=True) if c >= CLAIM_SUPPORT}
            if not any(self._row(p) in near and fits(Expect.NUMBER, p.chunk.text) for p in passages):
                return self._decline(question, scores, [thing])
        # "did Xi agree to pressure Iran?", answered by what Biden asked for: no agreement reported.
        unagreed = self._not_agreed_on(reading.asking) if expect is Expect.AGREED else []
        if unagreed and is_yes_no(reading.asking, alternatives=True):
            return self._decline(question, scores, [], unagreed=unagreed)
        # "at what level are mil-mil contacts restored - defense ministers?": the ranks given must be of what is asked
        if expect is Expect.LEVEL:
            subject = _OPTIONS_AFTER.split(reading.asking, maxsplit=1)[0]
            lexicon = self.retriever.lexicon
            terms = {t for t in self._asked_terms(subject) if not fits(Expect.LEVEL, t)} - {lexicon.known_term("level")}
            if terms and not any(terms & lexicon.terms_of(p.chunk.text) for p in passages):
                return self._decline(question, scores, [])
        # "did they talk about Taiwan at the summit itself?": the documents name it only as background
        checked = is_yes_no(reading.asking, alternatives=True) or _AT_THE_TALKS.search(reading.asking)
        unraised = self._only_background(reading.asking) if checked else []
        if unraised:
            return self._decline(question, scores, [], unraised=unraised)
        # "who was the first president of the United States?": only a sentence that says "first president" answers
        ranked = _RANKED_ROLE.search(reading.asking)
        if ranked and not any(
            re.search(rf"\b{re.escape(ranked.group(1))}\s+(?:[\w-]+\s+)?{re.escape(ranked.group(2))}", p.chunk.text, re.IGNORECASE)
            for p in passages
        ):
            return self._decline(question, scores, [])
        passages = self._elaborated(passages, reading.asking, scores, set_aside_rows, said)
        if _WHO.search(reading.asking) and not any(_names_someone(reading.asking, p.chunk.text) for p in passages):
            return self._decline(question, scores, reading.unknown)  # "who will lead the AI talks?": nobody named
        return self._answer(question, passages, self._who_by_title(reading.asking, passages[0].chunk.text))

    def _elaborated(
        self, passages: list[Passage], asking: str, scores: QueryScores, set_aside: Sequence[int], speaking: Sequence[int] = ()
    ) -> list[Passage]:
        """The answer, with the sentence after it when that sentence holds what the answer only sets up.

        "Which outlets were barred?": "Several news organisations were barred …" names none;
        "Reporters from Reuters, Bloomberg …", next in the paragraph, does. "Why did he call him
        that?": "… he was asked whether …" sets up the reply that follows. "How did Kyiv react?":
        "Kyiv was unimpressed." quotes nothing; the spokesman's words after it do.
        """
        last = passages[-1].chunk
        row = self._rows[last]
        chunks = self.retriever.chunks
        after = chunks[row + 1] if row + 1 < len(chunks) and chunks[row + 1].source == last.source else None
        if after is None or row + 1 in set_aside:
            return passages
        if sum(len(p.chunk.text) for p in passages) + len(after.text) > MAX_ANSWER_CHARS:
            return passages
        # "what incident earlier in the year strained relations?": "relations have been strained", then
        # "Earlier this year, the US shot down …", the sentence holding the time asked about, even
        # across a paragraph break
        anchors = _time_anchors(asking) - set().union(*(_time_anchors(p.chunk.text) for p in passages))
        if anchors & _time_anchors(after.text):
            return [*passages, Passage(after, float(scores.fused[row + 1]), float(scores.dense[row + 1]))]
        if after.paragraph != last.paragraph:
            return passages
        following = after
        names_wanted = _NAMES_WANTED.search(asking) is not None and not any(
            _names_someone(asking, p.chunk.text) for p in passages
        )
        # "who organised the dinner?": the dinner's sentence, then "The event was organised by …"
        lexicon = self.retriever.lexicon
        asked_terms = self._asked_terms(asking)
        said = frozenset().union(*(lexicon.terms_of(p.chunk.text) for p in passages))
        adds_asked = bool(asked_terms & lexicon.terms_of(following.text) - said)
        mood_only = row in speaking and row + 1 in speaking and len(last.text) <= MOOD_CHARS and not _QUOTE_MARK.search(last.text)
        if adds_asked or mood_only or (names_wanted and _names_someone(asking, following.text)) or _PUT_TO.search(last.text):
            return [*passages, Passage(following, float(scores.fused[row + 1]), float(scores.dense[row + 1]))]
        return passages

    def _echoed_rows(self, asking: str) -> list[int]:
        """The one or two sentences holding words the question quotes ("the 'not alone' line"), if any."""
        for quoted in QUOTED.findall(asking):
            said = words(quoted)
            # (one word quoted when it is a rare one: "what does 'precursors' mean here?")
            rare = len(said) == 1 and said[0] not in STOPWORDS and zipf(said[0]) < TOPIC_ZIPF
            if (len(said) < 2 and not rare) or all(w in STOPWORDS for w in said):
                continue
            # the words in order, whatever punctuation stands between them in the sentence
            pattern = re.compile(r"\b" + r"\W+".join(re.escape(w) for w in said) + r"\b", re.IGNORECASE)
            rows = [r for r, sentence in enumerate(self._sentences) if pattern.search(sentence)]
            if 1 <= len(rows) <= 2:
                return rows
        return []

    def _hinted_rows(self, asked: str, scores: QueryScores) -> list[int]:
        """The sentence a half-remembered hint points to ("… something about mistakes?"), when one
        plainly fits it better than the rest and the whole question comes near it too."""
        hint = _HINT.search(asked)
        # (not "biden said something about X?": that is the question itself, and its words rank the sentences)
        if not hint or not re.search(r"[?.!,;:]|\s[-–—]\s", asked[: hint.start()]):
            return []
        dense = self.retriever.score(hint.group("hint")).dense
        if len(dense) < 2:
            return []
        first, second = (int(r) for r in np.argsort(-dense)[:2])
        near = {int(r) for r in np.argsort(-scores.fused)[:HINT_RANK]}
        if dense[first] >= HINT_FLOOR and dense[first] - dense[second] >= HINT_LEAD and first in near:
            return [first]
        return []

    def _asked_terms(self, asking: str) -> set[str]:
        """The documents' terms the question asks about, but for frame words and the ones found everywhere."""
        lexicon = self.retriever.lexicon
        return {
            t
            for w in content_words(asking)
            if (w not in FRAME_WORDS or w in _DOINGS) and (t := lexicon.known_term(w)) and t not in lexicon.ubiquitous
        }

    def _following(self, chunk: Chunk) -> Chunk | None:
        """The sentence after this one in its paragraph, if any."""
        row = self._rows[chunk]
        following = self.retriever.chunks[row + 1] if row + 1 < len(self.retriever.chunks) else None
        if following is None or (following.source, following.paragraph) != (chunk.source, chunk.paragraph):
            return None
        return following

    def _read(self, asked: str) -> Reading:
        """Fix typos, find the words and places the documents lack, and embed the question once.

        The one model pass is pooled three ways: the whole question, its focus (without the
        names found everywhere), and the focus without its unknown words.
        """
        lexicon = self.retriever.lexicon
        # "what about AI 人工智能?" glosses in another script; "did 彭丽媛 come?" asks about what it names.
        if self._years:
            asked = _YEAR.sub(lambda m: self._years.get(m.group(), m.group()), asked)
        corrected = lexicon.corrected(lexicon.in_english(spelled_states(asked), other_scripts=not is_yes_no(asked)))
        # "the town woodside is in which state?": the kind of place said of a name adds nothing
        corrected = _LABEL.sub(lambda m: m.group(2) if self._is_name(m.group(2)) else m.group(), corrected)
        # Words of a sentence that only gives context ("I'm from Spain", "saw a pic with a fancy
        # garden") don't make the question one the documents can't answer.
        asking = question_sentences(corrected)
        covered_places, missing_places = places(asking, self._text, self._lowered)
        query = country_named(lexicon.expanded(without_trailing_context(corrected)), covered_places, self._lowered)
        covered_words = {w for p in covered_places for w in p.split()}
        unknown = [w for w in unknown_words(asking, lexicon) if w not in covered_words]
        # "Which town was the summit in?": the documents need not say "town"; the answer's shape is
        # checked instead. Not "which tariffs were cut?": no shape stands for tariffs.
        expect = expected_answer(corrected)
        typed = answer_type_words(corrected) | _KIND_WORDS.get(expect, frozenset())
        shapeless = [w for w in unknown if expect not in _TYPED_KINDS or w not in typed]
        tokens = self.retriever.embed_tokens(query)
        common = lexicon.spans_of(query, lambda w: lexicon.known_term(w) in lexicon.ubiquitous)
        gone = lexicon.spans_of(query, lambda w: w in unknown)
        vectors = np.vstack([tokens.pool(), tokens.pool(common), tokens.pool(common + gone)])
        closest = self._closest(query, tokens, unknown)
        return Reading(query, corrected, asking, unknown, shapeless, missing_places, vectors, tokens, closest)

    def _about_the_meeting(self, asked: str, expect: Expect) -> bool:
        """ "How long did it last?", "where was it held?": nothing named, so the meeting reported is meant."""
        return expect in ABOUT_THE_MEETING and _REPORTED.search(asked) is not None and self._names_nothing(asked)

    def _asks_another_event(self, reading: Reading, expect: Expect, passages: list[Passage]) -> bool:
        """ "What summit was Xi in San Francisco for?": the only events the answer names are ones
        the documents look back to (the G20 in Bali), so the event asked about is not among them."""
        return (
            _ASKS_EVENT.search(reading.asking) is not None
            and expect is not Expect.PAST
            and not self._recalls_earlier(reading.corrected)
            and not _THE_ARTICLE.search(reading.asking)  # "what event is this article about?"
            and not _SEQUENCE.search(reading.asking)  # "what event followed the balloon incident?"
            # "wait what summit was that at": the one the answer looks back to, just read of
            and not (_POINTS_BACK.search(reading.asking) and any(_EVENT.search(p.chunk.text) for p in passages))
            and all(fits(Expect.PAST, p.chunk.text) for p in passages if _EVENT.search(p.chunk.text))
        )

    def _misses_the_earlier_meeting(self, reading: Reading, passages: list[Passage]) -> bool:
        """ "What did they agree on back at the Bali meeting?": the question names what only the
        sentences looking back name, and the answer holds none of them, so it is about this meeting."""
        if not self._names_earlier(reading.asking) or _SINCE.search(reading.asking):  # "since the G20": this meeting is asked about
            return False
        # "What did they agree to at the Bali meeting?": a sentence looking back says when and
        # where they met then, never what they did.
        return _WHAT_WAS_DONE.search(reading.asking) is not None or not any(fits(Expect.PAST, p.chunk.text) for p in passages)

    def _names_earlier(self, asked: str) -> bool:
        """The question names what only the sentences looking back to an earlier meeting name ("Bali")."""
        lexicon = self.retriever.lexicon
        return any(self._is_name(w) and lexicon.known_term(w) in self._looking_back_terms for w in content_words(asked))

    def _blank_rows(self, asked: str) -> list[int]:
        """The rows that go on from the words before a closing "what?" ("two global what?"), if any does."""
        blank = _BLANK.search(asked)
        if not blank:
            return []
        before = [w.strip("'’\"“”‘") for w in blank.group(1).split()]
        for start in range(max(0, len(before) - 4), len(before) - 1):  # the longest run first
            run = before[start:]
            if all(w.lower() in STOPWORDS for w in run):
                continue
            pattern = re.compile(rf"\b{re.escape(' '.join(run))}\s+\w", re.IGNORECASE)
            rows = [r for r, s in enumerate(self._sentences) if pattern.search(s)]
            if rows:
                return rows
        return []

    def _counted_term(self, word: str) -> str | None:
        """A word's term, for counting: None when the documents lack it or use it everywhere ("leaders").

        None too for a word general enough to count anything ("how many documents?": "two joint statements").
        """
        term = self.retriever.lexicon.known_term(word)
        return None if term in self.retriever.lexicon.ubiquitous or word in FRAME_WORDS else term

    def _set_aside_rows(self, asked: str, people: bool) -> list[int]:
        """The rows holding what the question rules out ("besides the Pelosi trip, …"): its named topics.

        When people are asked for ("which officials came besides Xi?"), a name found everywhere
        is ruled out too, and a sentence naming someone else as well stays ("besides Wang Yi,
        who else came?": the sentence naming him names Lan Fo'an).
        """
        lexicon = self.retriever.lexicon
        named = [w for w in content_words(set_aside(asked)) if w not in FRAME_WORDS and not w.isdigit()]
        # "AI" rules out "artificial intelligence" too
        spelled_out = lexicon.acronyms | lexicon.initialisms
        spelled = [t for w in named if w in spelled_out for t in lexicon.terms_of(spelled_out[w])]
        ruled_out = ({lexicon.known_term(w) for w in named} | set(spelled)) - {None}
        ruled_out -= {t for t in lexicon.ubiquitous if not (people and self._is_name(t))}
        if not ruled_out:
            return []
        rows = [
            r
            for r, terms in enumerate(self._row_terms)
            if ruled_out & terms
            and not (people and any(self._is_name(t) for t in terms - ruled_out - lexicon.ubiquitous))
        ]
        # A quote after the fentanyl deal ("It's going to save lives") is about it too; "This was
        # followed by Ms Pelosi's visit", after the balloon, names something else.
        held = set(rows)
        for row in rows:
            after = row + 1
            if after >= len(self._sentences) or after in held:
                continue
            chunk = self.retriever.chunks[after]
            quote = chunk.text.startswith(("“", '"', "‘"))
            if quote and leans_back(chunk.text) and chunk.source == self.retriever.chunks[row].source:
                added = self._row_terms[after] - self._row_terms[row] - lexicon.ubiquitous
                if not any(self._is_name(t) for t in added):
                    held.add(after)
        return sorted(held)

    def _row(self, passage: Passage) -> int:
        """The FAISS row of a passage's sentence."""
        return self._rows[passage.chunk]

    def _chunks_of(self, rows: Sequence[int]) -> list[Chunk]:
        return [self.retriever.chunks[r] for r in rows]

    def _who_came(self, passages: list[Passage], attending: list[int], scores: QueryScores) -> list[Passage]:
        """ "Who came with Xi?": only the sentences saying who came, not the photo caption beside them;
        with no side named ("who attended?"), all of them when they fit in a reply."""
        chunks = self._chunks_of(attending)
        kept = [p for p in passages if p.chunk in chunks] or passages
        everyone = attending == self._attending and sum(len(c.text) for c in chunks) <= MAX_ANSWER_CHARS
        if everyone and any(p.chunk in chunks for p in kept):
            return [Passage(c, float(scores.fused[r]), float(scores.dense[r])) for c, r in zip(chunks, attending, strict=True)]
        return kept

    def _names_missing_from(self, asked: str, text: str) -> bool:
        """The question names someone the documents capitalise that `text` does not name.

        ("Secretary of State" is capitalised too, but a word as common as "state" is no name.)
        """
        return any(
            self._is_name(w) and zipf(w) < NAME_ZIPF and not re.search(rf"\b{re.escape(w)}", text, re.IGNORECASE)
            for w in content_words(asked)
        )

    def _side_rows(self, asked: str, rows: list[int]) -> list[int]:
        """The rows naming the side the question names ("with Xi": China's; "the US side": US), else all."""
        marks = {m.group(1) or m.group(2) for m in _SIDE_CODE.finditer(asked)}
        for word in content_words(asked):
            if self._is_name(word):
                # "Xi" is "Chinese President Xi Jinping": his side is written "Chinese" or "China's"
                marks |= {word, *(title.split()[0] for title in titles_of(word, self._text))}
        # a nationality and its country share their start: "Chinese", "China's"
        stems = {m.lower()[:4] if len(m) > 4 else m.lower() for m in marks}
        found = [r for r in rows if any(re.search(rf"\b{re.escape(s)}", self._sentences[r], re.IGNORECASE) for s in stems)]
        return found or rows

    def _not_agreed_on(self, asked: str) -> list[str]:
        """The topics the question names on which no sentence reports an agreement, as asked.

        "Did Xi agree to pressure Iran?": no sentence reports agreeing to anything on Iran, only
        what Biden asked for.
        """
        lexicon = self.retriever.lexicon
        found = []
        for word in dict.fromkeys(content_words(asked)):
            topic = lexicon.known_term(word)
            if word in FRAME_WORDS or zipf(word) >= TOPIC_ZIPF or topic is None or topic in lexicon.ubiquitous:
                continue
            if not any(topic in terms for terms in self._agreeing):
                found.append(word.capitalize() if self._is_name(word) else word)
        return found

    def _only_background(self, asked: str) -> list[str]:
        """The topics a question asks whether the talks took up that the documents name only as background.

        "Did they talk about Taiwan at the summit itself?": Taiwan comes up only in what happened
        before ("… after Nancy Pelosi visited Taiwan in August last year"), never in what was said.
        """
        raised = _RAISED.search(asked)
        if not raised or _THE_ARTICLE.search(asked):
            return []
        # ("did the balloon come up?", "was Taiwan raised?": the topic comes first)
        before = raised.group().lower().endswith(" up") or _PASSIVE.search(asked[: raised.start()])
        if before and raised.group().lower().startswith("mention"):
            return []  # "is the balloon mentioned anywhere?": in the documents, not the talks
        lexicon = self.retriever.lexicon
        found = []
        for word in dict.fromkeys(content_words(asked[: raised.start()] if before else asked[raised.end() :])):
            topic = lexicon.known_term(word)
            if word in FRAME_WORDS or zipf(word) >= TOPIC_ZIPF or topic is None or topic in lexicon.ubiquitous:
                continue
            rows = [r for r, terms in enumerate(self._row_terms) if topic in terms]
            if rows and not any(_in_the_talks(self._sentences[r], topic, lexicon.known_term) for r in rows):
                written = re.search(rf"\b{re.escape(word)}\b", self._text, re.IGNORECASE)  # "Gaza", as the documents write it
                found.append(written.group() if written else word)
        # "the Israel-Gaza war": one topic, as the question joins it
        joined = " ".join(found)
        for pair in re.findall(r"[\w'’]+-[\w'’]+", asked):
            first, second = pair.split("-", 1)
            joined = re.sub(rf"\b{re.escape(first)} {re.escape(second)}\b", pair, joined, flags=re.IGNORECASE)
        return joined.split()

    def _who_by_title(self, asked: str, text: str) -> str:
        """ "Who said they were just being blunt?", answered by "The US President ascribed ...": his name first."""
        if not _WHO.search(asked):
            return ""
        for title, name in self._titled.items():
            found = re.search(rf"\bthe ({re.escape(title)})\b", text, re.IGNORECASE)
            if found and name.split()[-1] not in text:
                return f"{name} (the {found.group(1)}): "
        return ""

    def _names_nothing(self, asked: str) -> bool:
        """Every word is a frame word, the kind of answer wanted, or the documents' ubiquitous subject."""
        lexicon = self.retriever.lexicon
        typed = answer_type_words(asked) | _KIND_WORDS.get(expected_answer(asked), frozenset())
        return all(
            w in FRAME_WORDS or w in typed or lexicon.known_term(w) in lexicon.ubiquitous or w in self._ubiquitous_names
            for w in content_words(asked)
        )

    def _recalls_earlier(self, asked: str) -> bool:
        """The question is about an earlier meeting: it says so, or names what only sentences looking back name."""
        lexicon = self.retriever.lexicon
        return asks_about_an_earlier_meeting(asked) or any(
            w not in FRAME_WORDS and lexicon.known_term(w) in self._looking_back_terms for w in content_words(asked)
        )  # "the G20 one"

    def _names_topic(self, asked: str) -> bool:
        """The question names a topic of the documents: a word they use, rarer than everyday words, not ubiquitous."""
        return bool(self._topics(asked))

    def _topics(self, asked: str) -> set[str]:
        """The documents' topics the question names (see `_names_topic`), as terms."""
        lexicon = self.retriever.lexicon
        typed = answer_type_words(asked)
        return {
            lexicon.known_term(w) or w
            for w in content_words(asked)
            if not w.isdigit()
            and w not in FRAME_WORDS
            and w not in typed
            and zipf(w) < TOPIC_ZIPF
            and lexicon.known_term(w) not in lexicon.ubiquitous
            and lexicon.known_term(w) in self._body_terms  # not a word only a headline has ("vow")
        }

    def _unlabelled(self, asked: str) -> str:
        """The question without the names that say which meeting it means ("the Geneva meeting" -> "the meeting").

        Not the name of an earlier meeting the documents look back to ("the Bali meeting").
        """
        def drop(match: re.Match[str]) -> str:
            name, kept = (match[1], match[2]) if match[1] else (match[4], match[3])
            earlier = self.retriever.lexicon.known_term(name.lower()) in self._looking_back_terms
            return kept if self._is_name(name) and not earlier else match.group()

        return _MEETING_LABEL.sub(drop, asked)

    def _only_topics(self, asked: str) -> bool:
        """Every word the question names, bar frame words, is a topic of the documents (see `_names_topic`)."""
        lexicon = self.retriever.lexicon
        named = [
            w for w in content_words(asked) if w not in FRAME_WORDS and lexicon.known_term(w) not in lexicon.ubiquitous
        ]
        return bool(named) and len(named) <= 2 and all(self._names_topic(w) for w in named)

    def _support(self, reading: Reading) -> dict[str, float]:
        """For the unknown words that must mean something in the documents, how close the documents come."""
        words = support_candidates(reading.query, reading.unknown, answer_type_words(reading.query))
        return {w: float(reading.closest[w][0][0]) for w in words if w in reading.closest}

    def _closest(
        self, query: str, tokens: TokenVectors, words: Sequence[str]
    ) -> dict[str, tuple[npt.NDArray[np.float32], npt.NDArray[np.int64]]]:
        """For each word of the query, its closest words of the documents (`PARAPHRASE_K`): cosines and rows."""
        spans = [[m.span() for m in re.finditer(rf"\b{re.escape(w)}\b", query, re.IGNORECASE)] for w in words]
        found = [(w, p) for w, p in zip(words, spans, strict=True) if p]
        if not found:
            return {}
        best, rows = self.retriever.closest_words(tokens.words([p for _, p in found]), PARAPHRASE_K)
        return {w: (b, r) for (w, _), b, r in zip(found, best, rows, strict=True)}

    def _paraphrases(self, reading: Reading) -> npt.NDArray[np.float32]:
        """Per row, how closely it paraphrases a word of the question the documents lack ("leverage" for "sway").

        Every row with a word nearly as close as the closest counts ("visit" and "visited" for "trip").
        """
        found = np.zeros(len(self.retriever.chunks), dtype=np.float32)
        asked = set(content_words(reading.asking))
        for word, (best, rows) in reading.closest.items():
            if word not in asked:
                continue
            for cosine, row in zip(best, rows, strict=True):
                if row >= 0 and cosine >= max(PARAPHRASE_ROW, best[0] - PARAPHRASE_MARGIN):
                    found[row] = max(found[row], cosine)
        return found

    def _words_in(self, query: str, typed: set[str], text: str) -> bool:
        """Every word the question names, bar the kind of answer it wants (`typed`), stands in the passage."""
        lexicon = self.retriever.lexicon
        wanted = {
            lexicon.known_term(w) for w in content_words(query) if w not in FRAME_WORDS and w not in typed and not w.isdigit()
        }
        return bool(wanted) and None not in wanted and wanted <= lexicon.terms_of(text)

    def _is_name(self, word: str) -> bool:
        """The documents write this word capitalised mid-sentence: a name ("Biden"), not "direct"."""
        return bool(re.search(rf"[\w,;’'”]\s+{re.escape(word.capitalize())}\b", self._text))

    def _names_rare_word(self, query: str) -> bool:
        """The question uses a word of the documents that is rare in English: a name or a term."""
        lexicon = self.retriever.lexicon
        return any(lexicon.known_term(w) and zipf(w) < RARE_ZIPF for w in content_words(query) if not w.isdigit())

    def _speaker_named_before(self, asked: str) -> list[str]:
        """ "so beijing was mad about it? how did they describe his comment": the last one named before
        the pronoun asked about whom the documents report speaking."""
        at = speaking_pronoun(asked)
        if at is None:
            return []
        before = [w for w in content_words(asked[:at]) if self._is_name(w) and self._speaks(w)]
        if before:
            return before[-1:]
        # "what did he say the deal will do?", no one named: the one person the documents quote, when
        # they call him "Mr" ("Ms" for "she")
        honorific = {"he": r"Mr", "she": r"M(?:s|rs)"}.get(asked[at:].split()[0].lower())
        if honorific is None:
            return []
        surnames = {name.split()[-1] for name in self._titled.values()}
        quoted = {
            last.lower()
            for last in surnames
            if self._speaks(last.lower()) and re.search(rf"\b{honorific}\.? {re.escape(last)}\b", self._text)
        }
        return [quoted.pop()] if len(quoted) == 1 else []

    def _speaks(self, name: str) -> list[int]:
        """The rows where the documents report this person or body saying anything (cached per name)."""
        # "what did the US president say?": the one person the documents give that title, by name too
        if (person := self._titled.get(name)) and person.lower() != name:
            return sorted({*self._speaks(person.lower()), *speaking_rows(name, self._sentences)})
        if " " in name:  # "xi jinping": whichever of the words the documents report speaking
            parts = [w for w in name.split() if self._is_name(w)] or name.split()[-1:]
            return sorted({row for part in parts for row in self._speaks(part)})
        if name not in self._speakers:
            aliases = [*place_aliases(name), *titles_of(name, self._text)]
            self._speakers[name] = speaking_rows(name, self._sentences, aliases)
        return self._speakers[name]

    def _gap(self, reading: Reading) -> list[str]:
        """What the question asks about that the documents don't cover (empty: they may)."""
        unknown = reading.shapeless_unknown
        mask_gain = self._mask_gain(reading.vectors[1:2], reading.vectors[2:3]) if unknown else 0.0
        # (not a yes-or-no question: "did Xi invite Biden to China?" checks a claim they don't make)
        if unknown and not is_yes_no(reading.corrected) and self._paraphrased_together(reading, unknown):
            mask_gain = 0.0  # the passages don't ignore those words: one sentence says them its own way
        typed = answer_type_words(reading.query)
        words = gap_words(reading.corrected, unknown, mask_gain, self.retriever.lexicon, self._support(reading), typed)
        # "the 2008 financial crisis": a year the documents never write is a time they don't cover.
        years = [y for y in dict.fromkeys(_YEAR.findall(reading.asking)) if y not in self._text]
        # "what did China get in return?": a trade of concessions, which the documents may never report
        exchange = _IN_EXCHANGE.search(reading.asking)
        traded = [exchange.group().lower()] if exchange and not self._reports_exchange else []
        missing = years + traded + reading.missing_places + self._missing_names(reading.asking)
        if _ASKERS_PLACE.search(reading.asking):
            missing.append("where you are")
        named = {w for m in missing for w in m.lower().split()}  # "Gina Raimondo", not "gina" again
        # "mistakes / misreads": one of the asker's alternatives covered is enough
        covered = {
            other
            for a, b in _ALTERNATIVES.findall(reading.corrected)
            for word, other in ((a.lower(), b.lower()), (b.lower(), a.lower()))
            if word not in words and word not in FRAME_WORDS  # not "business leaders / CEOs"
        }
        # "misjudgements / things going wrong between countries": a phrase of the documents' words
        lexicon = self.retriever.lexicon
        for before, phrase in _PHRASE_ALTERNATIVE.findall(reading.corrected):
            named_words = [w for w in content_words(phrase) if w not in FRAME_WORDS]
            if named_words and all(lexicon.known_term(w) is not None for w in named_words):
                covered.add(before.lower())
        # "…, pizza or thai": options offered, neither of which the documents come near
        offered = _OFFERED.search(reading.asking)
        options = [offered.group(1).lower(), offered.group(2).lower()] if offered else []
        if options and not words:
            if all(o in unknown and o in reading.closest and reading.closest[o][0][0] < CLAIM_SUPPORT for o in options):
                words = options
        elif options and any(o not in STOPWORDS and lexicon.known_term(o) is not None for o in options):
            covered |= set(options)  # "in what capacity, state or nsc?": one guess offered is the documents' word
        return missing + [w for w in words if w not in missing and w not in named and w not in covered]

    def _paraphrased_together(self, reading: Reading, unknown: Sequence[str]) -> bool:
        """One sentence holds every word the question names and a close word for each it lacks.

        "What month was the Pelosi Taiwan trip that triggered the cutoff?": "visited" and
        "severed" stand beside "Pelosi" and "Taiwan" in one sentence.
        """
        lexicon = self.retriever.lexicon
        known = {
            lexicon.known_term(w)
            for w in content_words(reading.asking)
            if w not in FRAME_WORDS and w not in unknown and not w.isdigit()
        } - {None}
        rows: set[int] | None = None
        for word in unknown:
            if word not in reading.closest:
                return False
            best, found = reading.closest[word]
            close = {int(r) for c, r in zip(best, found, strict=True) if r >= 0 and c >= TOGETHER_SUPPORT}
            rows = close if rows is None else rows & close
        return any(known <= lexicon.terms_of(self._sentences[r]) for r in rows or ())

    def _missing_names(self, asked: str) -> list[str]:
        """ "Was Jake Sullivan also present?": a person's name, written in capitals, the documents never use."""
        found = []
        for run in _NAME_RUN.findall(asked):
            words = run.split()
            surname = words[-1].lower()
            known = re.search(rf"\b{re.escape(surname)}\b", self._lowered) or self.retriever.lexicon.correct(surname)
            if zipf(surname) < NAME_ZIPF and not known:  # "Lan Foan" is "Lan Fo'an" mistyped
                found.append(" ".join(words[-2:]))
            elif surname in _PERSON_TITLES and self.retriever.lexicon.known_term(surname) is None and not known:
                found.append(run)  # "the First Lady": a title the documents never use
        # "did China's defense minister attend?": an office the documents never name, either way round
        # ("Minister of Finance" is the finance minister; "Secretary of Treasury" the treasury secretary)
        for office, title in _OFFICE.findall(asked):
            word = office.lower()
            # (not "chinas minister", "the opec secretary": a country's, a body's, whatever office)
            bare = re.sub(r"['’]?s$", "", word)
            if word in STOPWORDS or word in FRAME_WORDS or re.search(rf"\b{re.escape(bare.capitalize())}\b", self._text):
                continue
            stem = re.escape(word[: max(4, len(word) - 2)])
            either = rf"\b{stem}\w*\s+{title}|\b{title}s?\s+(?:of|for)\s+(?:the\s+)?(?:[\w'’-]+\s+)?{stem}"
            if not re.search(either, self._text, re.IGNORECASE):
                found.append(f"{office} {title}")
        # "Mrs Xi": someone of a name the documents give only to someone else ("Mr Xi")
        for title, surname in _HONORIFIC.findall(asked):
            wanted, other = (_MR, _MRS) if title.lower().rstrip(".") == "mr" else (_MRS, _MR)
            if re.search(rf"\b{other}\.? {re.escape(surname)}\b", self._text) and not re.search(
                rf"\b{wanted}\.? {re.escape(surname)}\b", self._text
            ):
                found.append(f"{title} {surname}")
        return found

    def _blend(
        self, query: str, full: npt.NDArray[np.float32], focused: npt.NDArray[np.float32]
    ) -> tuple[QueryScores, float]:
        """Scores from the whole question and from its focus (names found everywhere removed), blended.

        The whole question keeps who it is about; the focus keeps what it asks. The
        best cosine of either says whether the documents speak to the question at all.
        """
        whole = self.retriever.score(query, vector=full)
        sentence, context = self.retriever.cosines(focused)
        focus = replace(whole, sentence=sentence, context=context)
        blended = replace(
            whole,
            sentence=((1 - FOCUS_WEIGHT) * whole.sentence + FOCUS_WEIGHT * sentence).astype(np.float32),
            context=((1 - FOCUS_WEIGHT) * whole.context + FOCUS_WEIGHT * context).astype(np.float32),
        )
        best = max(float(whole.dense.max()), float(focus.dense.max())) if len(whole.dense) else 0.0
        return blended, best

    def _mask_gain(self, focused: npt.NDArray[np.float32], masked: npt.NDArray[np.float32]) -> float:
        """How much better the best passage fits once the unknown words are taken out of the question."""
        return float(self.retriever.dense(masked).max()) - float(self.retriever.dense(focused).max())

    def passages(self, question: str, k: int = 5) -> list[Citation]:
        """The k best-scoring sentences for a question, to show why it answered as it did.

        Args:
            question: what the person typed.
            k: how many passages.

        Returns:
            Citations, best first, each with its fused score.
        """
        asked = clean_question(question)
        if not asked:
            return []
        lexicon = self.retriever.lexicon
        fused = self.retriever.score(lexicon.expanded(lexicon.corrected(asked))).fused
        rows = np.argsort(-fused, kind="stable")[:k]
        return [_citation(Passage(self.retriever.chunks[int(r)], float(fused[r]), float(fused[r]))) for r in rows]

    def sources(self) -> list[dict[str, Any]]:
        """The indexed documents: source, title, path, sha256 and passage count of each."""
        return list(self.retriever.manifest.get("documents", []))

    def suggest(self, typed: str, limit: int = 25) -> list[str]:
        """Questions to offer while someone types (Discord autocomplete), drawn from the documents.

        Args:
            typed: what has been typed so far.
            limit: at most this many (Discord allows 25).

        Returns:
            Suggested questions that contain what was typed, topics first.
        """
        names = sorted({capwords(" ".join(name.split()[-2:])) for name in self.retriever.lexicon.initialisms.values()})
        titles = ("Mr ", "Ms ", "Mrs ", "Dr ", "President ", "Secretary ", "Minister ", "Leader ")
        names = [n for n in names if not n.startswith(titles)]
        return suggest_questions(self.retriever.topics, typed, limit, names)

    def _answer(self, question: str, passages: list[Passage], lead: str = "") -> Answer:
        text = lead + " ".join(_sentence(p.chunk.text) for p in passages)
        return Answer(question, True, text, tuple(_citation(p) for p in passages))

    def _decline(
        self,
        question: str,
        scores: QueryScores,
        unknown: list[str],
        speakers: Sequence[str] = (),
        unnamed: str = "",
        unagreed: Sequence[str] = (),
        unraised: Sequence[str] = (),
    ) -> Answer:
        noun = messages.document_noun(self._documents)
        if unraised:
            them = "it" if len(unraised) == 1 else "them"
            text = messages.NOT_RAISED.format(**noun, topics=messages.join_terms(list(unraised)), them=them)
        elif unagreed:
            text = messages.NOT_AGREED.format(**noun, topics=" or ".join(unagreed))
        elif unnamed:
            text = messages.NOT_NAMED.format(**noun, target=unnamed)
        elif speakers:
            names = " or ".join(capwords(s) for s in speakers)
            text = messages.NOT_QUOTED.format(**noun, speakers=names)
        elif unknown:
            text = messages.NOT_COVERED_TERMS.format(**noun, terms=messages.join_terms(unknown[:3]))
        else:
            text = messages.NOT_COVERED.format(**noun)
        if self.retriever.topics:
            text += " " + messages.COVERS.format(**noun, topics=", ".join(self.retriever.topics[:6]))
        fused = scores.fused
        nearest = [int(r) for r in np.argsort(-fused, kind="stable")[:2]]
        citations = tuple(
            _citation(Passage(self.retriever.chunks[r], float(fused[r]), float(scores.dense[r]))) for r in nearest
        )
        return Answer(question, False, text, citations)

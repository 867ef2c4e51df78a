"""Choose which of the documents' sentences make the answer (pure)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from itertools import islice
from dataclasses import dataclass

import numpy as np

from bot.intent import PHOTO, PRODUCTION, STANDFIRST, STRICT, Expect, fits, tells_how_long
from bot.speakers import PRONOUN_SPEAKS
from index.chunk import Chunk, leans_back
from index.lexicon import Lexicon, content_words, zipf
from index.search import QueryScores

MAX_ANSWER_CHARS = 320
# A summary may run longer: headline, lead and an outcome the lead leaves out.
SUMMARY_CHARS = 480
# A headline word rarer than this names a topic ("fentanyl", "AI"), not just a verb ("make").
TOPIC_ZIPF = 5.0
# A headline names a topic without the facts; a body sentence that fits nearly as well is better.
HEADLINE_PENALTY = 0.15
# A second sentence joins the answer when it scores at least this share of the best.
SECOND_SHARE = 0.85
SHORT_SECOND_SHARE = 0.6
SHORT_ANSWER_CHARS = 100
# A sentence of the expected shape ("four hours" for "how long") is preferred while it scores
# at least this share of the best sentence overall.
FIT_SHARE = 0.65
# An office named in a sentence ("speaker Nancy Pelosi") is strong evidence for "what was her job?".
# A sentence looking back ("last met a year ago") answers "where did they meet last time?" though
# the sentences naming both leaders outscore it.
FIT_SHARES = {Expect.CAUSE: 0.45, Expect.VENUE: 0.4, Expect.SOURCE: 0.4, Expect.ROLE: 0.45, Expect.PAST: 0.4, Expect.MONTH: 0.4, Expect.CITY: 0.4, Expect.TOWN: 0.4, Expect.STATE: 0.4, Expect.COUNTRY: 0.4}
# A question about "the photo" is answered from a caption unless a sentence fits it far better.
CAPTION_SHARE = 0.75
LOOKED_BACK_SHARE = 0.5  # the second line looking back to the last meeting, against the first
# "How long did they meet?": a sentence saying how long something lasted leads when its score is this share of the best.
LASTED_SHARE = 0.5
# A "where", "when" or "how long" question is about the meeting reported, not an earlier one.
ABOUT_THE_MEETING = frozenset(
    {Expect.PLACE, Expect.VENUE, Expect.CITY, Expect.TOWN, Expect.STATE, Expect.TIME, Expect.DATE, Expect.DURATION}
)
EARLIER_PENALTY = 0.3
# Kinds of fact one sentence of the right shape answers whole: no runner-up is added to it.
_ONE_FACT = frozenset(
    {Expect.ROLE, Expect.MONTH, Expect.DATE, Expect.CLOCK, Expect.NUMBER, Expect.DURATION, Expect.AGE, Expect.STATE}
)
# A sentence where the person asked about speaks, or that gives the name asked for, ranks this much higher.
SPEAKER_BONUS = 0.15
# Taken off a sentence holding what the question rules out: it ranks below any other.
SET_ASIDE_PENALTY = 2.0
# The sentence after the best one, when it leans on it ("This was followed by ..."), joins the
# answer when its cosine read with the best one is this share of the best's: the answer is often
# in the sentence after the one that matches.
AFTER_SHARE = 0.8


@dataclass(frozen=True)
class Passage:
    """A chosen sentence with its fused and dense scores."""

    chunk: Chunk
    score: float
    dense: float


@lru_cache(maxsize=65536)
def _fits(expect: Expect, text: str) -> bool:
    """`fits`, remembered: the same sentences are checked for every question."""
    return fits(expect, text)


def _neighbour(chunks: Sequence[Chunk], row: int, step: int) -> int | None:
    other = row + step
    if 0 <= other < len(chunks) and chunks[other].source == chunks[row].source:
        return other
    return None


def _restates(text: str, best: str) -> bool:
    """The text tells what `best` tells, with more: all but one of its three or more content words."""
    told = _stems(best)
    return len(told) >= 3 and len(told - _stems(text)) <= 1


def _stems(text: str) -> set[str]:
    return {w[:5] for w in content_words(text) if len(w) >= 4}


def choose_passages(
    chunks: Sequence[Chunk],
    scores: QueryScores,
    expect: Expect,
    said_by: Sequence[int] | None = None,
    recalls_earlier: bool = False,
    asks_what_followed: bool = False,
    shape_required: bool = False,
    naming: Sequence[int] = (),
    set_aside: Sequence[int] = (),
    names_nothing: bool = False,
) -> list[Passage]:
    """Pick the best sentence, plus what it needs to make sense or a close runner-up.

    Args:
        chunks: every chunk, by row.
        scores: the question's scores for every row.
        expect: the kind of fact asked for; sentences that cannot hold it are passed over.
        said_by: when the question asks what someone said, the rows where they say something:
            these rank higher, and a quote between the best sentence and what it refers to
            stays in.
        recalls_earlier: the question asks about an earlier meeting that a sentence looks back to.
        asks_what_followed: the question asks what came after something ("what followed the
            balloon incident?"): the sentence after the best, when it leans on it, is the answer.
        shape_required: no passage unless one has the expected shape, whatever `expect` is
            ("where was the balloon shot down?" with no place near the balloon).
        naming: when the question asks for a name, the rows that give one beside the thing
            named ("Filoli estate" for "what's the estate called?"): these rank higher.
        set_aside: rows holding what the question rules out ("besides the Pelosi trip, what
            else hurt relations?"); they are not used, and a sentence one of them leans on
            takes its score: what came before "This was followed by Ms Pelosi's visit" is the
            other incident.
        names_nothing: the question names nothing but the meeting ("how long did they talk?").

    Returns:
        One to three passages in document order; empty if no sentence fits.
    """
    dense = scores.dense
    fused = scores.fused - HEADLINE_PENALTY * np.array([c.paragraph == 1 for c in chunks], dtype=np.float32)
    quotes_asked = said_by is not None
    # "What did Biden say the deal would do?": his words, not the headline's; "what's the estate
    # called?": the sentence that gives its name.
    favoured = [*(said_by or ()), *naming]
    if favoured:
        fused = fused + SPEAKER_BONUS * np.isin(np.arange(len(chunks)), favoured).astype(np.float32)
    if set_aside:
        fused = fused.copy()
        for row in set_aside:
            before = _neighbour(chunks, row, -1)
            if scores.leaning[row] and before is not None and before not in set_aside:
                fused[before] = max(fused[before], fused[row])
        fused[list(set_aside)] -= SET_ASIDE_PENALTY
    past = np.zeros(len(chunks), dtype=bool)
    if expect in ABOUT_THE_MEETING:
        # "Where was the summit?" asks about this meeting, not the one a sentence looks back to;
        # "which city was the one before in?" asks about that one.
        past = np.array([_fits(Expect.PAST, c.text) for c in chunks], dtype=bool)
        fused = fused + (EARLIER_PENALTY if recalls_earlier else -EARLIER_PENALTY) * past.astype(np.float32)
    # The "Updated:" line dates the article, not anything it reports: only a question about the
    # article itself gets it (`metadata_passages`), not "what time does the Super Bowl start?".
    ranked = [int(r) for r in np.argsort(-fused, kind="stable") if not _DATELINE.match(chunks[int(r)].text)]
    # Only the first few sentences of the right shape are ever used, those about the meeting asked first.
    shaped = sorted(islice((r for r in ranked if _fits(expect, chunks[r].text)), 6), key=lambda r: past[r] != recalls_earlier)
    lasted = None
    if expect is Expect.DURATION and ranked:
        # "how long did they talk?": a sentence saying how long something lasted leads the other
        # mentions of time ("a few months later"): when the question names nothing but the meeting
        # (the names in every sentence outscore it), or else when it comes near the best sentence.
        share = 0.0 if names_nothing else LASTED_SHARE
        lasted = next((r for r in ranked if tells_how_long(chunks[r].text) and fused[r] >= share * fused[ranked[0]]), None)
        if lasted is not None:
            shaped = [lasted, *(r for r in shaped if r != lasted)]
    order = shaped[:3]
    # "what's the name of the place?": a sentence giving a name leads, whatever else fits better.
    named = next((r for r in ranked if r in naming), None)
    if named is not None and order:
        order = [named, *(r for r in order if r != named)][:3]
    far = not order or (
        not (names_nothing and order[0] == lasted)
        and order[0] != named  # the sentence giving what is asked ("on Wednesday" for "what day of the week?")
        and fused[order[0]] < FIT_SHARES.get(expect, FIT_SHARE) * fused[ranked[0]]
    )
    # "when did she make that trip?": the best sentence ("… followed by Ms Pelosi's visit to Taiwan")
    # has no date, but one of the shape tells the same with one ("Pelosi visited Taiwan in August last year")
    again = next((r for r in shaped if _restates(chunks[r].text, chunks[ranked[0]].text)), None) if far and order else None
    if again is not None:
        order = [again, *(r for r in order if r != again)][:3]
    elif far:
        if expect in STRICT or shape_required:
            return []  # "how many?" with no number anywhere near: the documents don't say
        # No sentence of the expected shape comes close: trust the ranking over the shape check.
        order = ranked
    best = order[0]
    rows = [best]
    before = _neighbour(chunks, best, -1)
    # "It was the leaders' first in-person meeting since ...": when the earlier meeting is asked about,
    # "it" is the meeting, not whatever the sentence before reports.
    looks_back_alone = expect is Expect.PAST and before is not None and not _fits(Expect.PAST, chunks[before].text)
    if (
        before is not None
        and not looks_back_alone
        and leans_back(chunks[best].text)
        and scores.context[best] >= scores.sentence[best]
    ):
        earlier = _neighbour(chunks, before, -1)
        # "Under the agreement, ..." after a quote: the agreement is the sentence before the quote.
        if (
            earlier is not None
            and not quotes_asked
            and not PRONOUN_SPEAKS.match(chunks[best].text)  # "He added that …": the quote's speaker goes on
            and leans_back(chunks[before].text)
            and not leans_back(chunks[earlier].text)
        ):
            before = earlier
        rows.insert(0, before)
    # "What position does Blinken hold?": a sentence of the shape asked for is the whole answer.
    exact = expect in _ONE_FACT and _fits(expect, chunks[best].text)
    after = None if exact and not asks_what_followed else _neighbour(chunks, best, 1)
    closer = next((r for r in order[1:] if r != after), None)
    if after is not None and leans_back(chunks[after].text) and (
        asks_what_followed
        or fused[after] >= 0.75 * fused[best]
        or (
            scores.context[after] >= AFTER_SHARE * dense[best]
            and (closer is None or fused[after] >= fused[closer])  # not when a closer runner-up waits
        )
    ):
        rows.append(after)
    chosen_chars = sum(len(chunks[r].text) for r in rows)
    # A short best sentence ("This was followed by Ms Pelosi's visit to Taiwan.") says little:
    # a less close runner-up may still carry the fact asked for.
    share = SHORT_SECOND_SHARE if chosen_chars < SHORT_ANSWER_CHARS else SECOND_SHARE
    for runner_up in order[1:3]:
        if exact:
            break
        if runner_up in rows or past[runner_up] != past[best]:
            continue  # not the one meeting's place beside the other's
        if fused[runner_up] >= share * fused[best] and chosen_chars + len(chunks[runner_up].text) <= MAX_ANSWER_CHARS:
            rows.append(runner_up)
        break
    # "It also requires developers to ...": what "it" is, when there is room for it.
    if (
        before is not None
        and before not in rows
        and leans_back(chunks[best].text)
        and chunks[before].paragraph == chunks[best].paragraph
        and sum(len(chunks[r].text) for r in rows) + len(chunks[before].text) <= MAX_ANSWER_CHARS
    ):
        rows.append(before)
    # "When did they last meet?": the other line looking back says it too, with what this one
    # leaves out ("a year ago at G20 summit in Indonesia" beside "the G20 summit in Bali").
    looking_back = [r for r in shaped if _fits(Expect.PAST, chunks[r].text) and chunks[r].source == chunks[best].source]
    if expect is Expect.PAST and best in looking_back and len(rows) == 1:
        other = next((r for r in looking_back if r != best), None)
        if other is not None and fused[other] >= LOOKED_BACK_SHARE * fused[best] and len(chunks[best].text) + len(chunks[other].text) <= MAX_ANSWER_CHARS:
            rows.append(other)
    rows = [r for r in rows if r == best or r not in set_aside]
    # Reading order within the best sentence's document; another document's runner-up after it.
    rows.sort(key=lambda r: (chunks[r].source != chunks[best].source, r))
    return [Passage(chunks[r], float(fused[r]), float(dense[r])) for r in rows]


def summary_passages(chunks: Sequence[Chunk], scores: QueryScores, lexicon: Lexicon) -> list[Passage]:
    """The key outcomes: each document's headline and lead sentence.

    News articles put their outcomes first; the headline names them and the lead
    sentence states them. With several documents, the first two are used. With one, an
    outcome the headline names but the lead leaves out ("... deals on fentanyl and AI")
    is added from the first sentence that states it.

    Args:
        chunks: every chunk, by row.
        scores: the question's scores, for the citation scores.
        lexicon: the documents' words: their terms and the acronyms they spell out.

    Returns:
        Passages in document order.
    """
    chosen: list[int] = []
    seen_sources: list[str] = []
    for row, chunk in enumerate(chunks):
        if chunk.source not in seen_sources:
            seen_sources.append(chunk.source)
            chosen.append(row)  # the headline
        elif len(chosen) < 2 * len(seen_sources) and _is_lead(chunks, row):
            chosen.append(row)
        if len(seen_sources) > 2:
            break
    chosen = [r for r in chosen if chunks[r].source in seen_sources[:2]][:4]
    if len(seen_sources) == 1 and len(chosen) == 2:
        extra = _left_out(chunks, chosen[0], chosen[1], lexicon)
        if extra is not None and sum(len(chunks[r].text) for r in chosen) + len(chunks[extra].text) <= SUMMARY_CHARS:
            chosen.append(extra)
    while len(chosen) > 2 and sum(len(chunks[r].text) for r in chosen) > SUMMARY_CHARS:
        chosen.pop()
    return [Passage(chunks[r], float(scores.fused[r]), float(scores.dense[r])) for r in chosen]


def _left_out(chunks: Sequence[Chunk], headline: int, lead: int, lexicon: Lexicon) -> int | None:
    """The first sentence after the lead that states what the headline names and the lead does not."""
    acronyms = lexicon.acronyms

    def states(text: str, word: str) -> bool:
        return lexicon.known_term(word) in lexicon.terms_of(text) or (
            word in acronyms and acronyms[word] in text.lower()
        )

    missing = [w for w in content_words(chunks[headline].text) if zipf(w) < TOPIC_ZIPF]
    missing = [w for w in missing if not states(chunks[lead].text, w)]
    best, best_count = None, 0
    for row in range(lead + 1, len(chunks)):
        if chunks[row].source != chunks[lead].source:
            break
        count = sum(states(chunks[row].text, w) for w in missing)
        if count > best_count:
            best, best_count = row, count
    return best


def _is_lead(chunks: Sequence[Chunk], row: int) -> bool:
    """The first real sentence of the body: long enough and not a caption or credit line."""
    chunk = chunks[row]
    return len(chunk.text) >= 120 and chunk.text.rstrip().endswith((".", "”", '"')) and not _is_caption(chunk.text)


# A question about the photo, which the caption answers.
# ... and one that means the caption even when a sentence describes a photo too.
_CAPTION_MEANT = re.compile(
    r"\b(?:who took|credit\w*|who(?: is|['’]s| are| was| were) (?:(?:shown|seen|pictured) )?(?:in|on) (?:the|this) (?:photo|picture|pic|image)\b(?=\W*$)|"
    r"who(?: is|['’]s| are| was| were) pictured|photographer|taken by|shot by|caption|wire|agency|agencies|news service|"
    r"(?:photo|picture|pic|image)\w* (?:\w+ ){0,3}from|"
    r"where (?:was|were) (?:the|this) (?:photo|picture|pic|image)\w* (?:\w+ ){0,4}taken)\b",
    re.IGNORECASE,
)
# A short line on how the article was made: "Powered by automated translation".
_PRODUCTION_NOTE = re.compile(
    r"\b(?:powered by|translat\w*|automated|machine|generated|produced (?:by|with|using))\b", re.IGNORECASE
)
NOTE_CHARS = 120
_DATELINE = re.compile(r"^(?:updated|published|posted|last updated|first published|date)\b\W", re.IGNORECASE)
_BYLINE = re.compile(r"^by\s+[A-Z]", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def publication_year(chunks: Sequence[Chunk]) -> int | None:
    """The year the documents' date lines give ("Updated: November 16, 2023"), when they agree on one."""
    years = {int(m.group()) for c in chunks if _DATELINE.match(c.text) for m in _YEAR.finditer(c.text)}
    return years.pop() if len(years) == 1 else None
# A photo caption ends with the agency's credit.
_CREDIT = re.compile(
    r"\b(?:AP|AFP|Reuters|Getty Images|Getty|EPA|Bloomberg|Xinhua|PA|Photo:?\s+\S+|Picture:?\s+\S+)\.?\s*$"
)


# ... or starts by saying it is one ("Photo: President Joe Biden and …").
_CAPTION_LABEL = re.compile(r"^(?:Photo|Picture|Image|Caption|Pictured)\s*(?:\([^)]*\))?\s*[:—–-]\s", re.IGNORECASE)


def _is_caption(text: str) -> bool:
    return _CREDIT.search(text) is not None or _CAPTION_LABEL.match(text) is not None


def part_rows(chunks: Sequence[Chunk], part: str) -> list[int]:
    """The rows of one part of each article: its "headline", "standfirst" or photo "caption"."""
    if part == "caption":
        return [r for r, c in enumerate(chunks) if _is_caption(c.text)]
    if part == "standfirst":  # the line after the headline, when it is not the caption
        return [
            r
            for r, c in enumerate(chunks)
            if c.paragraph == 2 and chunks[r - 1].paragraph == 1 and not _is_caption(c.text)
        ]
    return [r for r, c in enumerate(chunks) if r == 0 or chunks[r - 1].source != c.source]


# "per the headline, …", "according to the subhead": the part of the article to answer from
_PARTS = r"(headline|title|hed|sub-?head(?:line|ing)?|subhed|standfirst|dek|caption)"
_PER_PART = re.compile(
    rf"\b(?:according to|per|as per|in|from|based on|going by) (?:the|its|their) (?:photo )?{_PARTS}\b|"
    # "which topics does the headline say they struck deals on?"
    rf"\b(?:does|did|do) (?:the|its) (?:photo )?{_PARTS} (?:say|said|tell|mention|list|name|give)\b",
    re.IGNORECASE,
)


def named_part(question: str) -> str:
    """The part of the article the question says to answer from ("headline", "standfirst", "caption"), or ""."""
    match = _PER_PART.search(question)
    if not match:
        return ""
    word = (match.group(1) or match.group(2)).lower()
    if word in {"headline", "title", "hed"}:
        return "headline"
    return "caption" if word == "caption" else "standfirst"


def bylines(chunks: Sequence[Chunk]) -> list[int]:
    """The rows that say who wrote a document ("By Jane Doe")."""
    return [r for r, c in enumerate(chunks) if _BYLINE.match(c.text)]


def metadata_passages(chunks: Sequence[Chunk], scores: QueryScores, question: str) -> list[Passage]:
    """The line that answers a question about an article itself: headline, date line, byline or caption.

    Args:
        chunks: every chunk, by row.
        scores: the question's scores; among several documents the best-scoring one's line wins.
        question: the cleaned question.

    Returns:
        One passage, or none when no document has such a line.
    """
    lowered = question.lower()
    if PRODUCTION.search(lowered):  # "Powered by automated translation"
        wanted = [r for r, c in enumerate(chunks) if len(c.text) <= NOTE_CHARS and _PRODUCTION_NOTE.search(c.text)]
    elif PHOTO.search(lowered):
        wanted = part_rows(chunks, "caption")
    elif STANDFIRST.search(lowered):
        wanted = part_rows(chunks, "standfirst")
    elif "headline" in lowered or "title" in lowered:
        wanted = part_rows(chunks, "headline")
    elif re.search(r"\b(?:author|byline|wrote|written)\b", lowered):
        wanted = bylines(chunks)
    else:
        wanted = [r for r, c in enumerate(chunks) if _DATELINE.match(c.text)]
    if not wanted:
        return []
    best = max(wanted, key=lambda r: float(scores.fused[r]))
    top = int(np.argmax(scores.fused))
    if (
        _is_caption(chunks[best].text)
        and not _CAPTION_MEANT.search(lowered)
        and scores.fused[best] < CAPTION_SHARE * float(scores.fused[top])
        and PHOTO.search(chunks[top].text)
    ):
        return []  # a photo the text itself describes ("Biden showed Xi a photo") beats the caption
    return [Passage(chunks[best], float(scores.fused[best]), float(scores.dense[best]))]

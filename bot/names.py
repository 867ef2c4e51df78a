"""Whether the documents name who or what a question asks the name of (pure).

"What's the name of the US official who briefed reporters?" is answered only by a
sentence that puts a name beside "official" ("the US official, Jane Doe,"). When every
sentence that speaks of an official leaves them unnamed ("a senior US official told
reporters"), the honest reply is that the article doesn't name them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.coverage import is_place
from index.lexicon import STOPWORDS, stem

_ASKS_NAME = [
    # "what's the name of the senior us official who ...", "names of the companies?"
    re.compile(
        r"\bnames? of (?:the |that |this |those |these )?(?P<target>[\w'’ -]{2,40}?)"
        r"(?= who\b| that\b| which\b| where\b| when\b| in\b| at\b| being\b| for\b| so\b| because\b| pls\b| please\b|"
        r" (?:quoted|mentioned|cited|described|involved)\b| [\w'’]+ (?:will|would|is|are|was|were|has|have|did|does|plans?)\b|"
        # "the name of the pipeline Putin said was agreed"
        r" [\w'’]+ (?:said|says|told|called|calls|described|mentioned|named)\b|"
        r" (?:they|he|she|we|you|it)\b|\W*$)",
        re.IGNORECASE,
    ),
    # "does the article name the specific chemical companies China will go after?"
    re.compile(
        r"\b(?:does|do|did) (?:the |this )?(?:article|piece|story|report|text|it) (?:name|identify|list) "
        r"(?:the |any )?(?:specific |exact |particular )?(?P<target>[\w'’ -]{2,40}?)"
        r"(?= [\w'’]+ (?:will|would|is|are|was|were|has|have|did|does|plans?)\b| who\b| that\b| which\b|\W*$)",
        re.IGNORECASE,
    ),
    # "did china name the fentanyl chem companies it's going after?"
    re.compile(
        r"^(?:so |and |but )?(?:does|do|did|has|have) (?!(?:the |this )?(?:article|piece|story|report|text|it)\b)[\w'’]+ "
        r"(?:name|identify) (?:the |any )?(?:specific |exact |particular )?(?P<target>[\w'’ -]{2,40}?)"
        r"(?= [\w'’]+ (?:will|would|is|are|was|were|has|have|did|does|plans?)\b| (?:it|they|he|she)(?:['’]s|['’]re| is| are| will)\b|"
        r" who\b| that\b| which\b|\W*$)",
        re.IGNORECASE,
    ),
    # "the senior us official, what is his name?"
    re.compile(
        r"^(?:the |that |this |those |these )?(?P<target>(?:(?!(?:that|who|which)\b)[\w'’ -]){2,40}?)\s*[,:;-]+\s*"
        r"what(?:['’]s| is| was| are| were) "
        r"(?:his|her|their|its|the) names?\b",
        re.IGNORECASE,
    ),
    # "which specific chemical companies are being targeted", "which companies exactly"
    re.compile(
        r"\bwhich (?:specific|exact|particular|named) (?P<target>[\w'’ -]{2,40}?)(?= (?:are|is|were|was|will|would|got|get|did|does|do|have|has)\b|\W*$)",
        re.IGNORECASE,
    ),
    # "which chemical companies are targeted, got names?", "which companies did China agree to target by name?"
    re.compile(
        r"\bwhich (?P<target>[\w'’ -]{2,40}?) (?:(?:are|is|were|was|will)\b(?=.*\b(?:names?|named|specifically|exactly)\b)|"
        r"(?:did|does|do|has|have|had|would)\b(?=.*\b(?:by name|name|named)\b))",
        re.IGNORECASE,
    ),
    # "need the venue name for the deck", "what's the estate's name?"
    re.compile(
        r"\b(?:need|want|get|gimme|give me|what(?:['’]s| is| was)) (?:the|its|their|that|this) (?P<target>[\w'’ -]{2,30}?)(?:['’]s)? name\b(?! of\b)",
        re.IGNORECASE,
    ),
    # "which chem companies named", "chemical companies names?"
    re.compile(r"\bwhich (?P<target>[\w'’ -]{2,40}?) (?:(?:got|get|were|are|was|is|been) )?(?:named|by name)\W*$", re.IGNORECASE),
    re.compile(r"^(?:the |that |this )?(?P<target>[\w'’ -]{2,40}?)(?:['’]s)? names?\W*$", re.IGNORECASE),
    # "which chemical companies, by name, will China pursue?"
    re.compile(r"\bwhich (?P<target>[\w'’ -]{2,40}?),? (?:by name|specifically|exactly)\b", re.IGNORECASE),
    # "the chemical companies that will be punished, what are their names?"
    re.compile(
        r"^(?:the |those |these )?(?P<target>[\w'’ -]{2,40}?) (?:that|who|which)\b.*\bwhat (?:are|were|is|was) "
        r"(?:their|its|his|her|the) names?\b",
        re.IGNORECASE,
    ),
    # "what was the estate called?", "what's that place called"
    re.compile(
        r"\bwhat(?:['’]s| is| was| were| are) (?:the|that|this|those|these) (?P<target>[\w'’ -]{2,40}?) (?:called|named)\b",
        re.IGNORECASE,
    ),
    # "name the chemical companies that will be targeted"
    re.compile(
        r"^(?:pls |please |can you |could you )?name (?:the |all the |any )?(?P<target>[\w'’ -]{2,40}?)"
        r"(?= who\b| that\b| which\b| being\b| to be\b|\W*$)",
        re.IGNORECASE,
    ),
    # "who was the senior official that ...", "who is the chinese finance minister"
    re.compile(
        r"^(?:so |and |but )?who(?:'s| is| was|(?P<plural>['’]re| are| were)) (?:the|our|their) (?P<target>[\w'’ -]{2,40}?)"
        r"(?= who\b| that\b| which\b| where\b| when\b| in\b| at\b| to\b| of\b| for\b| and\b| [a-z]+ing\b(?! to\b)|"
        r" (?:quoted|mentioned|cited|named|described)\b| (?:they|they['’]re|theyre|he|she|we|you)\b|,|\W*$|\s*\?|"
        # "who was the finance minister present?": a word after the noun that says where they were
        r" (?:present|there|involved|responsible|concerned|available|aboard|along)\b)",
        re.IGNORECASE,
    ),
]
# A capitalised word (not a sentence opener): part of a name.
_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]*")
_PLACE_NOUNS = frozenset("city cities town towns country countries state states capital place village region province".split())
# Words for where a meeting was held, and the kinds of venue that answer them.
_VENUE_WORDS = frozenset("place venue location spot site property".split())
_VENUE_NOUNS = frozenset(
    "estate hotel resort palace mansion ranch centre center hall villa compound garden gardens retreat "
    "residence building farm castle lodge venue".split()
)
# A group of people in office, and the offices that name one of them ("Minister of Finance").
_GROUPS_OF_OFFICIALS = frozenset("officials delegates delegation members attendees aides".split())
_OFFICES = frozenset("minister secretary president speaker ambassador spokesperson envoy adviser advisor".split())
_ANYONE = frozenset("person guy gal man woman lady dude individual one people folks".split())
_TIMES = frozenset("month months year years day days date dates week weeks time times hour hours season".split())
_HEDGES = frozenset("exactly specifically precisely particularly actually full proper complete".split())
_WINDOW = 5  # words either side of the named thing where its name would stand
_JOINS = frozenset({"and", "or"})


def asked_name(question: str) -> list[str]:
    """The words of the thing whose name the question asks for ("senior us official"), or none.

    Args:
        question: the cleaned question.

    Returns:
        Its words, lower case, the head noun last.
    """
    for pattern in _ASKS_NAME:
        match = pattern.search(question)
        if match:
            words = [w.lower() for w in re.findall(r"[\w'’-]+", match.group("target"))]
            while words and words[-1] in _HEDGES:  # "which chemical companies exactly"
                words.pop()
            # "the chinese foreign ministry person": the ministry's, whoever it is
            while len(words) > 1 and words[-1] in _ANYONE:
                words.pop()
            if words and words[-1].endswith("ing"):  # "who is the AI order asking to ...": no thing named
                continue
            if "plural" in match.groupdict() and match.group("plural") and not (words and words[-1].endswith("s")):
                continue  # "who are the Chinese going after?": no group of people named
            # ("which month exactly?": a time, which a date answers, not a name)
            if words and words[-1] in _TIMES:
                return []
            if words and words[-1] not in STOPWORDS:  # "does the article name any of them?": see the other patterns
                return words
    return []


# A name given in quotes: "dubbed the 'Spirit of Camp David'", 'describing the package as the "UAE Consensus"'
_DUBBED = re.compile(
    r"\b(?:called|calls|dubbed|named|known as|branded|billed as|describ(?:ed|ing|es) (?:[\w'’-]+ ){0,4}?as)\s+"
    r"(?:the\s+|a\s+)?[\"“'‘][A-Z]"
)


def dubbed_rows(sentences: Sequence[str]) -> list[int]:
    """The sentences that give something a name in quotes ('describing the package as the "UAE Consensus"')."""
    return [row for row, sentence in enumerate(sentences) if _DUBBED.search(sentence)]


def naming_rows(target: Sequence[str], sentences: Sequence[str]) -> list[int] | None:
    """The sentences that name the target: a capitalised word beside its head noun.

    Args:
        target: the thing's words, head noun last (see `asked_name`).
        sentences: the documents' sentences.

    Returns:
        The indexes of the sentences with a name within a few words of the head noun, other
        than the target's own words and places ("US" in "a senior US official"); None when
        no sentence uses the head noun at all.
    """
    # "the name of the place they met": a venue's name ("Filoli estate"), not the city it is near.
    venue = target[-1] in _VENUE_WORDS
    wanted = {stem(w) for w in _VENUE_NOUNS} if venue else {stem(target[-1])}
    if target[-1] in _GROUPS_OF_OFFICIALS:  # "the Chinese officials": a minister named is one of them
        wanted |= {stem(w) for w in _OFFICES}
    own = {stem(w) for w in target}
    prefixes = [head[: max(3, len(head) - 1)] for head in wanted]  # "compan" for "company" and "companies"
    place_asked = target[-1] in _PLACE_NOUNS and not venue  # "the name of the city": a place is the answer
    found_head = False
    rows = []
    for row, sentence in enumerate(sentences):
        lowered = sentence.lower()
        if not any(prefix in lowered for prefix in prefixes):  # most sentences go at once, unsplit
            continue
        tokens = re.findall(r"[\w'’-]+|[^\w\s]", sentence)
        heads = [i for i, t in enumerate(tokens) if stem(t.lower()) in wanted]
        found_head = found_head or bool(heads)
        if any(_names_near(tokens, i, own, place_asked) for i in heads):
            rows.append(row)
    return rows if found_head else None


def _names_near(tokens: Sequence[str], i: int, own: set[str], place_asked: bool) -> bool:
    # "three documents: a joint statement called the Spirit of Camp David, …": a list after a colon names them
    end = len(tokens) if tokens[i + 1 : i + 2] == [":"] else min(len(tokens), i + _WINDOW + 1)
    # "led by Mike Pompeo and a senior North Korean official": a name across "and" is another's
    start = max(0, i - _WINDOW)
    for k in range(i - 1, start - 1, -1):
        if tokens[k].lower() in _JOINS:
            start = k + 1
            break
    for j in range(start, end):
        if j > i and tokens[j].lower() in _JOINS and end < len(tokens):
            break
        word = tokens[j]
        if j == 0 or j == i or not _CAPITALISED.fullmatch(word):
            continue
        # A place beside it ("a US official", "an estate outside of San Francisco") is no name of it.
        # ("North Korean" for the "North Korea official" asked about is its own word)
        mine = stem(word.lower()) in own or any(word.lower()[:5] == o[:5] for o in own if len(o) >= 5)
        if not mine and word.lower() not in STOPWORDS and (place_asked or not _a_place(tokens, j)):
            return True
    return False


def _a_place(tokens: Sequence[str], j: int) -> bool:
    """The capitalised token at `j` names a place: a known one, or one after "in", "near" or "outside of"."""
    if is_place(tokens[j]):
        return True
    k = j - 1
    while k >= 0 and _CAPITALISED.fullmatch(tokens[k]):  # "outside of San Francisco": back to "of"
        k -= 1
    before = [t.lower() for t in tokens[max(0, k - 1) : k + 1]]
    return bool(before) and (before[-1] in {"in", "near", "outside"} or before == ["outside", "of"])


def named(target: Sequence[str], sentences: Sequence[str]) -> bool:
    """Whether any sentence names the target, or none mentions it (then other rules decide)."""
    rows = naming_rows(target, sentences)
    return rows is None or bool(rows)

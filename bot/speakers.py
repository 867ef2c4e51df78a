"""Who the documents quote: the basis of "the article doesn't report anything Xi said" (pure).

"What did Xi say about Taiwan?" can only be answered by a sentence that reports Xi
speaking. When no sentence of the documents does, any passage about Taiwan would answer
a different question, so the honest reply is that the documents don't quote him.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

# "what did xi say about ...", "how did china react to ...", "a quote from xi", "xi's response".
_ASKS_SPEECH = [
    re.compile(
        r"\bwhat did (?P<speaker>[\w'’ ./-]{1,40}?) (?:say|tell|think|claim|state|announce|argue|reply|respond|answer)\b",
        re.IGNORECASE,
    ),
    re.compile(r"\b(?:quote|tell|show|give) me what (?P<speaker>[\w'’ .-]{1,40}?) (?:said|says|told|stated)\b", re.IGNORECASE),
    re.compile(
        r"\bhow (?:did |does |do )?(?P<speaker>[\w'’ .-]{1,40}?) (?:react|reacted|respond|responded|reply|replied|answer|answered|"
        r"describe|characteri[sz]e|spin|spun|portray|portrayed|frame|framed|cover|covered)\b",
        re.IGNORECASE,
    ),
    re.compile(
        r"\b(?:did|does|do) (?P<speaker>[\w'’ .-]{1,40}?) (?:say|speak|comment|respond|react|reply|complain|critici[sz]e|object|"
        r"protest|warn|threaten|apologi[sz]e|(?:give|make|issue|release|have|get) (?:any |a )?(?:direct |public |official )?"
        r"(?:quotes?|comments?|remarks|statements?))\b",
        re.IGNORECASE,
    ),
    # "what position did Xi state on Taiwan?", "what stance Xi took": a position is what someone said
    re.compile(
        r"\bwhat (?:position|stance|view|line|message) (?:did |does |has )?(?P<speaker>[\w'’ .-]{1,40}?) "
        r"(?:state|stated|take|took|taken|articulate|articulated|express|expressed|voice|voiced|set out|lay out|laid out)\b",
        re.IGNORECASE,
    ),
    # "what's beijing saying about the summit?"
    re.compile(r"\bwhat(?:['’]?s| is| are| was| were) (?P<speaker>[\w'’ .-]{1,40}?) (?:saying|claiming|telling)\b", re.IGNORECASE),
    # "what has Xi said about Taiwan?", "what does Beijing say?"
    re.compile(
        r"\bwhat (?:has|have|had|does|do) (?P<speaker>[\w'’ .-]{1,40}?) (?:said|say|told|tell|stated|state|claimed|claim)\b",
        re.IGNORECASE,
    ),
    # "What Xi Jinping said to the reporters?", "Xi has said what about Taiwan?"
    re.compile(
        r"^(?:and |so )?what (?!(?:are|is|was|were|do|does|did|has|have|had|will|would|can|could|should|being)\b)"
        r"(?P<speaker>[\w'’ .-]{1,40}?) (?:said|say|told|tell|stated|claimed)\b",
        re.IGNORECASE,
    ),
    re.compile(
        r"^(?:and |so )?(?P<speaker>[\w'’.-]+(?: [\w'’.-]+){0,2}?) (?:has |have |had |did )?(?:said|say|says|told|tell) what\b",
        re.IGNORECASE,
    ),
    # "what can we tell residents Biden said the deal would do?": what to pass on of someone's words
    re.compile(
        r"\bwhat (?:can|could|should|do|would) (?:we|i|you) (?:tell|say to|quote to) .{0,40}?\b(?P<speaker>[\w'’.-]+) "
        r"(?:said|says|told)\b",
        re.IGNORECASE,
    ),
    re.compile(r"\b(?:quotes?|statements?|remarks|comments?) (?:from|by) (?P<speaker>[\w'’.-]+)", re.IGNORECASE),
    # "does the piece quote Xi at all on Taiwan?"
    re.compile(r"\b(?:quote|quotes|quoting|quoted) (?P<speaker>(?!(?:as|by|in|on|at|from|for)\b)[\w'’.-]+) (?:at all|directly|anywhere|on|about|saying)\b", re.IGNORECASE),
    re.compile(
        r"\b(?P<speaker>[\w.-]+)['’]s (?:exact |own |actual |direct |official |formal |public )?(?:response|reaction|reply|statement|remarks|comments?|"
        r"words|quotes?|soundbites?|sound bites?)\b",
        re.IGNORECASE,
    ),
    # "biden quote on the deal", "need Biden soundbite on the deal": only a name can stand there
    # (see `asked_speaker`'s `is_name`)
    re.compile(
        r"(?:^(?:(?:i )?(?:need|want|get|got|give me|gimme)(?: a| the| any)? )?|\b(?:the|a|an|any) (?:direct |exact )?)"
        r"(?P<speaker>[\w.-]+)(?:['’]s)? "
        r"(?:quotes?|soundbites?|sound bites?|statement|remarks|comments?|reaction|response)\b",
        re.IGNORECASE,
    ),
]
_NAME_ONLY = len(_ASKS_SPEECH) - 1  # the last pattern needs its speaker to be a name
# Words that stand for no one in particular, or for the documents themselves.
_NOT_SPEAKERS = frozenset(
    """i me us you he she it we they them anyone someone somebody anybody people everyone the a an this that
    article articles story report text doc document documents bot summitbot side sides both leaders leader wire
    officials official government governments piece pieces paper post writeup coverage author reporter reporters
    journalist journalists outlet caption photo pic picture image headline title copy reporting standfirst subhead
    subheadline subhed dek lede hed paragraph paragraphs graf line lines sentence section
    communique communiqué communiques statement statements declaration declarations readout readouts release
    agreement agreements deal deals accord accords pact treaty resolution letter memo minutes transcript plan draft
    guidance projections""".split()
)
# The body speaking for a country or a person: "the Iran government", "the Xi administration".
_BODIES = frozenset("government govt officials side leadership administration delegation team camp".split())
_NOT_A_NAME = frozenset("to want wants wanted ask asks asked need needs needed expect expects expected".split())
_TITLES = re.compile(r"^(?:the|mr|mrs|ms|dr|president|leader|premier|minister|secretary)\.?\s+", re.IGNORECASE)
_VERBS = (
    r"(?:said|says|told|tells|added|adds|stated|states|noted|warned|argued|insisted|responded|reacted|replied|"
    r"declared|announced|urged|stressed|asked|complained|critici[sz]ed|objected|protested|threatened|apologi[sz]ed|"
    r"wrote|explained|acknowledged|remarked|vowed|pledged|ascribed|attributed|credited|hailed|praised|welcomed|"
    r"reported|confirmed|denied|estimated|predicted|forecast|described|called|suggested|suggests|signall?ed|indicated|"
    r"hinted|proposed|thanked|condemned|rejected|slammed|blasted|accused|dismissed|lauded|applauded|cautioned|rebuked|"
    r"retorted|countered|lamented)"
)
# A speaker's name, then (no quotation in between) a verb of saying: "Beijing reacted", "Mr Biden said".
_NAME_THEN_VERB = (
    r"\b{name}\b(?:[^“”\"«».?!]{{0,60}}?|"
    # "Sergei Lavrov, who led his country's delegation in place of President Vladimir Putin, called ...":
    # a clause about the speaker between
    r",\s+(?:who|which)\b[^“”\"«».?!]{{0,120}}?,\s*(?:[\w'’-]+\s+){{0,2}}?)\b" + _VERBS + r"\b"
)
# "Kyiv was unimpressed": a reaction told as a mood; the words that show it follow.
_MOOD = (
    r"\b{name}\b\s+(?:was|were|is|are|seemed|appeared)\s+(?:(?:clearly|visibly|notably|less|more|far|not)\s+)?"
    r"(?:unimpressed|impressed|pleased|displeased|satisfied|dissatisfied|angered|angry|furious|dismayed|disappointed|"
    r"critical|unhappy|happy|upset|cautious|sceptical|skeptical|delighted|relieved|alarmed|defiant)\b"
)
_SAYS = re.compile(rf"\b{_VERBS}\b", re.IGNORECASE)
# A verb of saying, then the name: "according to the US official", "..., said Xi".
# ("drawing a standing ovation from delegates": a reaction with no words)
_VERB_THEN_NAME = (
    r"(?:\baccording to\s+|[,”\"]\s*(?:said|says|added|asked)\s+|"
    r"\b(?:ovation|applause|cheers|boos|jeers|criticism|praise|backlash|condemnation|protests?)\s+from\s+)"
    r"(?:the\s+)?(?:[\w'’-]+\s+){{0,3}}?{name}\b"
)
# "He added that ...": the speaker is named in the sentence before.
PRONOUN_SPEAKS = re.compile(r"^(?:He|She|They)\s+(?:also\s+|later\s+|then\s+)?" + _VERBS + r"\b")


def asked_speaker(question: str, is_name: Callable[[str], bool] = lambda word: True) -> list[str]:
    """The people or bodies whose words the question asks for, as name words (empty: it asks for none).

    Args:
        question: the cleaned question.
        is_name: whether a word is a name in the documents ("biden", not "direct").

    Returns:
        The speakers' names, lower case: "xi" for "what did president xi say?", "xi jinping"
        for "what did xi jinping say?"; several for "what did biden and xi say?".
    """
    for number, pattern in enumerate(_ASKS_SPEECH):
        match = pattern.search(question)
        if not match or (number == _NAME_ONLY and not is_name(match.group("speaker"))):
            continue
        names = []
        for part in re.split(r"\s+(?:and|or|&)\s+|,\s*|\s*/\s*", match.group("speaker").strip()):
            part = _TITLES.sub("", part.strip()).strip()
            words = part.lower().split()
            # "the iran government": Iran; not "the chinese government", a body of its own
            if len(words) > 1 and words[-1] in _BODIES and not words[-2].endswith(("ese", "ian", "ish", "can")):
                words = words[:-1]
            if len(words) > 4 or _NOT_A_NAME.intersection(words):  # "what did the us want china to tell iran"
                continue
            if words and words[-1] not in _NOT_SPEAKERS and not any(w in _NOT_SPEAKERS for w in words[:1]):
                names.append(" ".join(words).removesuffix("'s").removesuffix("’s"))
        if names:  # "a quote from the meeting" names no one; "a direct xi quote" may, further on
            return names
    return []


def speaking_pronoun(question: str) -> int | None:
    """Where a pronoun stands as the speaker asked about ("how did they describe it?"), or None."""
    for pattern in _ASKS_SPEECH:
        match = pattern.search(question)
        if match and match.group("speaker").strip().lower() in _PRONOUNS:
            return match.start("speaker")
    return None


_PRONOUNS = frozenset("he she they it".split())


# "US President Joe Biden": a nationality and an office before a name; "the US President" is him after.
_TITLE_BEFORE = r"\b((?:[A-Z]{{2,}}|[A-Z][a-z]+)\s+(?:President|Vice President|Secretary|Minister|Speaker|Premier|[Ll]eader))\s+(?:[A-Z][a-z]+\s+)?{name}\b"


_TITLE_THEN_NAME = re.compile(
    r"\b((?:[A-Z]{2,}|[A-Z][a-z]+)\s+(?:President|Vice President|Secretary|Minister|Speaker|Premier|[Ll]eader))"
    r"\s+((?:[A-Z][a-z]+\s+)?[A-Z][a-z]+)\b"
)


def titled_names(text: str) -> dict[str, str]:
    """Each title the documents give one person only, lower case, and that person's name as written.

    "US President Joe Biden" gives {"us president": "Joe Biden"}: a later "The US President
    ascribed ..." is him.
    """
    found: dict[str, set[str]] = {}
    for match in _TITLE_THEN_NAME.finditer(text):
        found.setdefault(match.group(1).lower(), set()).add(match.group(2))
    names = {title: next(iter(held)) for title, held in found.items() if len(held) == 1}
    # "Chinese President Xi Jinping" and "Chinese leader Xi": one person; keep the fullest name.
    return {
        title: max((n for n in names.values() if set(name.split()) <= set(n.split())), key=len)
        for title, name in names.items()
    }


def titled_people(text: str) -> list[str]:
    """The people a sentence names with a title ("US President Joe Biden and Chinese leader Xi Jinping")."""
    return [match.group(2) for match in _TITLE_THEN_NAME.finditer(text)]


def titles_of(name: str, text: str) -> list[str]:
    """The titles the documents give a person right before their name ("US President" for "biden")."""
    pattern = re.compile(_TITLE_BEFORE.format(name=re.escape(name.capitalize())))
    found = {m.group(1) for m in pattern.finditer(text)}
    # "Russian President Vladimir Putin" is also "the Russian leader"
    heads = {t.split()[0] for t in found if t.split()[-1].lower() in {"president", "premier", "leader"} and "Vice" not in t}
    return sorted(found | {f"{nation} {role}" for nation in heads for role in ("leader", "President")})


def speaking_rows(name: str, sentences: Sequence[str], aliases: Sequence[str] = ()) -> list[int]:
    """The sentences that report the named speaker (or an alias: "beijing" for "china") saying something.

    Args:
        name: a speaker's name word, lower case.
        sentences: the documents' sentences, in order.
        aliases: other names for the same speaker.

    Returns:
        The indexes of the sentences that attribute words or a reaction to them.
    """
    names = "|".join(re.escape(n) for n in (name, *aliases) if n)
    forward = re.compile(_NAME_THEN_VERB.format(name=f"(?:{names})"), re.IGNORECASE)
    backward = re.compile(_VERB_THEN_NAME.format(name=f"(?:{names})"), re.IGNORECASE)
    mentions = re.compile(rf"\b(?:{names})\b", re.IGNORECASE)
    mood = re.compile(_MOOD.format(name=f"(?:{names})"), re.IGNORECASE)
    rows = set()
    for i, sentence in enumerate(sentences):
        if forward.search(sentence) or backward.search(sentence):
            rows.add(i)
        elif i and PRONOUN_SPEAKS.match(sentence) and mentions.search(sentences[i - 1]):
            rows.add(i)
        elif mood.search(sentence):
            rows.add(i)
            if i + 1 < len(sentences) and _SAYS.search(sentences[i + 1]):
                rows.add(i + 1)  # "Kyiv was unimpressed. Oleg Nikolenko, the foreign ministry spokesman, … said …"
    return sorted(rows)

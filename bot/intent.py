"""What kind of question this is: small talk, a request for a summary, or a fact of some type (pure)."""

from __future__ import annotations

import re
from collections.abc import Callable
from enum import Enum

_SMALL_TALK = re.compile(
    r"^(?:hi|hey|hello|yo|hiya|thanks?|thank you|thx|ty|cheers|ok|okay|cool|nice|great|good (?:morning|evening|night)|"
    r"bye|goodbye|help|who are you|what can you do|are you there|how are you|where are you|"
    r"what time is it(?: now)?|what day is (?:it|today)(?: today)?|what(?:['’]s| is) (?:the date|today['’]s date)(?: today)?)\W*$",
    re.IGNORECASE,
)
_SUMMARY = re.compile(
    r"\b(?:tl;?dr|summar\w*|sum(?:s|med|ming)? (?:\w+ )?up|recap|rundown|run-down|overview|bullet(?:s| points?)|gist|nutshell|takeaways|top[- ]?line|big picture|(?:the|key|main|big|biggest|one|your) takeaway|highlights|bottom line|"
    r"(?:key|main|major|big|biggest|principal|primary|chief|top|headline) (?:points|takeaways|outcomes|results?|agreements|things|deals|announcements|deliverables)|"
    r"(?:what|which) (?:were|are) the (?:\w+ ){0,2}(?:outcomes|deliverables)|(?<!\ban )outcomes?\b|what (?:came|come) out of|"
    # "what actually came out of the biden xi meeting"
    r"what (?:[\w-]+ ){1,2}(?:came|come|comes) out of (?:it|this|that|the (?:[\w–-]+ ){0,3}(?:summit|meeting|talks))\b|"
    # "what did they talk about?", "what was discussed?", "what topics came up?": everything, in brief
    r"^(?:so |and |ok )?what (?:(?:topics?|issues?|subjects?|things) )?(?:did|do) (?:they|the (?:two )?(?:leaders|presidents)|"
    r"biden and xi|xi and biden|the two)(?: actually)? (?:discuss|talk about|cover|go over|touch on)\W*$|"
    r"^(?:so |and |ok )?what (?:(?:topics?|issues?|subjects?|things) )?(?:was|were|got) (?:discussed|talked about|covered|raised)\W*$|"
    r"^(?:so |and |ok )?what (?:topics?|issues?|subjects?) came up\W*$|"
    r"what happened(?: at| during| in)?(?: the| this)?(?: summit| meeting| talks)?"
    r"(?:\s+(?:now|today|exactly|then|again|lol|tho|though|overall|basically))*\W*$|"
    # ("what did POTUS and Xi actually agree on wednesday?": the day names no subject)
    r"what (?:did|have|has) (?:[\w'’-]+ ){1,5}(?:agree|achieve|accomplish|decide|settle)d?(?: on| to| upon)?(?: do)?"
    r"(?: (?:at|in|during) (?:the|this|that) (?:meeting|summit|talks)|(?: on)? (?:monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|today|yesterday))?(?:\W*$|[,;:—–-]\s*(?:the )?(?:quick|short|brief) version\W*$)|"
    r"what was (?:agreed|achieved|decided|settled)(?: on| upon)?(?: at [\w\s]+)?\W*$|"
    # "can somebody tell me short what the two presidents agree?": the same, without "did"
    r"what (?:they|the (?:two )?(?:leaders|presidents|sides|countries)|biden and xi|xi and biden|both(?: sides)?) "
    r"(?:agree|agreed|decide|decided)(?: on| to| upon)?\W*$|\btell (?:me|us) (?:short|shortly|briefly|in short)\b|"
    # "which things the two presidents agree in this meeting?"
    r"(?:what|which) (?:things|deals|points|stuff|agreements) (?:did |do |have |had )?(?:[\w'’-]+ ){1,4}"
    r"(?:agree|agreed|decide|decided)(?: on| to| upon)?(?: (?:at|in|during) (?:the|this|that) (?:meeting|summit|talks))?(?:\W*$|\s*\?)|"
    r"did (?:they|the two|the leaders|biden and xi|xi and biden) (?:actually |even |really |ever )?"
    r"(?:agree|achieve|accomplish|decide|settle|get)(?: on| to| done)? anything\b(?! (?:about|on|regarding|re|for|with)\b)|"
    r"what(?:'s| is) (?:this|the article|it|the story)(?: (?:news|story|article|piece|report))? about|"
    # ("the one-line version" reads as "the short version" once cleaned)
    r"(?:give me|tell me|what(?:['’]s| is)) the (?:short|quick|brief) version|in (?:short|brief)\W*$|\bbluf\b|"
    # "Q4: Identify two agreements reached by Biden and Xi at the summit."
    r"\b(?:identify|name|list)\b[^?]{0,12}\bagreements (?:reached|made|struck)\b(?! (?:on|about|over)\b))",
    re.IGNORECASE,
)


# Kinds of venue a guess may name ("was it at a hotel?"), which the documents need not use
VENUE_KINDS = frozenset(
    """hotel resort center centre palace house mansion ranch hall villa compound garden retreat residence building
    venue farm castle lodge embassy office restaurant stadium ballroom base ship airport museum campus estate""".split()
)


class Expect(Enum):
    """The kind of fact a question asks for, to check a candidate sentence can hold it."""

    ANY = "any"
    TIME = "time"
    NUMBER = "number"
    DURATION = "duration"
    AGE = "age"
    FUTURE = "future"  # "when will they meet again?": only a sentence naming a time ahead answers
    PAST = "past"  # "where did they last meet?": a sentence about an earlier occasion
    PLACE = "place"  # "where was it held?": a sentence naming a place
    CITY = "city"  # "which city was it near?": a sentence naming a city or town
    TOWN = "town"  # "which town hosted it?": a sentence placing it in a town, not near a city
    VENUE = "venue"  # "what kind of venue was it?": a sentence describing the place
    STATE = "state"  # "what state was it in?": a sentence naming a US state
    COUNTRY = "country"  # "which country backs Hamas?": a sentence naming a country
    DATE = "date"  # "what exact date ...?": only a day, a date or a year answers
    CLOCK = "clock"  # "what time did it start?": only a time of day answers
    MONTH = "month"  # "what month was Pelosi's trip?": only a month answers
    AGREED = "agreed"  # "did they agree to talk more?": a sentence reporting an agreement
    SOURCE = "source"  # "who told reporters?": a sentence saying who said it
    ROLE = "role"  # "what was Pelosi's job?": a sentence giving someone's office
    CAUSE = "cause"  # "why were military talks cut off in the first place?": a sentence giving a cause
    LEVEL = "level"  # "at what level will military talks resume?": a sentence naming a rank or a level


# Kinds of fact no other sentence can stand in for: without one, the documents don't say.
STRICT = frozenset(
    {Expect.NUMBER, Expect.DURATION, Expect.AGE, Expect.FUTURE, Expect.DATE, Expect.CLOCK, Expect.MONTH, Expect.LEVEL}
)


# "the town it is in", "the city they met near"
_KIND_IT_IS_IN = r"(?:\bthe |^)({kind}) (?:it|that|this|they|the \w+) (?:is|was|were|are|met|sits|lies) (?:in|near|outside)\b"

# "where did the detail about those companies come from?": who said it, not a place
_CLAIM_FROM = (
    r"\bwhere(?:['’]d| did| does| do) (?:the|that|this) (?:detail|details|claim|info|information|quote|line|figure|number|"
    r"bit|part|report)\b[^?]*\bcomes? from\b"
)

_EXPECT_PATTERNS = [
    (
        Expect.CAUSE,
        re.compile(
            r"\bin the first place\b|\bwhat (?:caused|led to|triggered|prompted|sparked|set off|precipitated|provoked)\b|"
            r"\bwhat set (?:it|that|this|them) off\b|"
            r"\bwhy (?:(?:did|were|was|had|have|has|does|do) )?[\w'’ -]{0,50}?\b(?:cut|cuts|stop|stops|stopped|end|ended|sever|severed|"
            r"suspend|suspended|break|broke|broken|freeze|froze|frozen|halt|halted|sour|soured|strain|strained|worsen|worsened)\b|"
            # "why does China have any sway with Iran?"
            r"\bwhy (?:does|do|would|is|are) [\w'’ -]{2,30}?\bhave (?:any |much |so much |even )?"
            r"(?:sway|leverage|influence|pull|clout)\b",
            re.IGNORECASE,
        ),
    ),
    (
        Expect.PAST,
        re.compile(
            r"\blast (?:time|met|meet|meeting|together|saw|seen|see|sat|sit|spoke|speak|talked|talk|visit(?:ed)?|"
            r"in[- ]person|face[- ]to[- ]face)\b|"
            r"\b(?:previous(?:ly)?|prior) (?:time|meeting|summit|visit|talks)\b|\bthe time before\b|"
            r"\bhow long (?:had|has|was) it been since\b|\bsince (?:their|the) (?:last|previous)\b|"
            # "how long since they'd had face to face talks"
            r"\bhow long since (?:they|the two|the leaders|biden and xi|xi and biden|their)\b|"
            r"\bsince (?:they|the two|biden and xi|xi and biden)(?:['’]?d| had| have| last)? (?:last )?"
            r"(?:met|seen|talked|spoken|spoke|sat)\b|"
            r"\b(?:met|meet|seen each other|talked|spoken)\b[\w\s-]{0,25}\b(?:recently|before|previously|earlier)\b|"
            # "they hadn't met in like how long?", "the first time they see each other in how much time?",
            # "first face to face in how long"
            r"\b(?:hadn['’]?t|had not|haven['’]?t|have not|first)\b[^?]{0,40}\bin (?:like )?how (?:long|much time)\b",
            re.IGNORECASE,
        ),
    ),
    (Expect.AGE, re.compile(r"^how old\b|\bage of\b|\bhow old\b", re.IGNORECASE)),
    (
        Expect.DURATION,
        re.compile(
            r"^[\w'’ -]{2,30}? (?:length|duration)\W*$|"  # "meeting length"
            # (not "how long is the frontier?": a length, asked of a thing, not of an event)
            r"\bhow long\b(?! ago\b)(?! (?:is|are) (?:the|this|that|their|its) (?!(?:meeting|talks|summit|visit|trip|session|stay|"
            r"flight|speech|tour|ban|pause|deal|agreement|freeze|process|wait|delay|war|conflict|standoff|stand-off)s?\b)[a-z-]+\b)|"
            r"\b(?:for )?how (?:many|much) (?:time|hours|minutes|days|weeks|months|years)\b", re.IGNORECASE
        ),
    ),
    (
        Expect.NUMBER,
        re.compile(
            r"\bhow (?:many|much)\b|\bwhat (?:number|percentage|amount)\b|\bwhat(?:['’]s| is| was) the (?:number|figure|count|total|tally)\b|"
            r"\bhow (?:long|far|tall|wide|high|deep) (?:is|are) (?:the|this|that|their|its)\b",  # a measure
            re.IGNORECASE,
        ),
    ),
    (
        Expect.FUTURE,
        re.compile(
            r"(?:^(?:on |by |at |in )?(?:(?:where|how|who) and )?|\band )"
            r"(?:when|what(?:['’]s| is)? (?:the )?(?:exact |precise |actual )?(?:day|date|time|year|month))\b"
            # (not a plan that is past: "when were the talks scheduled to end?")
            r"(?! (?:was|were|had)\b(?![^?]*\b(?:will|next|upcoming|going to|gonna)\b))"
            r".*\b(?:will|next|upcoming|going to|gonna|plan(?:ned)? to|"
            r"scheduled|planned|due|set for|supposed to|expected to|should|must)\b|"
            # "by when should data sharing start?": a deadline
            r"^by when\b|"
            # "did they agree to meet again, and if so when?"
            r"\b(?:agree\w*|plan\w*|promis\w*) to (?:meet|talk|speak|visit|sit down)(?: \w+)? again\b|"
            # "did Xi invite Biden to visit China next year?": a claim about a time ahead
            r"^(?:did|do|does|is|are|was|were|will|has|have)\b[^?]*\bnext (?:year|month|week|spring|summer|autumn|fall|winter)\b|"
            # "any timeline on when mil-to-mil comms actually restart?": a restart still ahead
            r"\b(?:timeline|timetable|start date) (?:on|for)\b|"
            r"\bwhen(?![^?]*\b(?:did|was|were|had|agreed|since)\b)[^?]*\b(?:restart|resume|reopen)s?\b|"
            # "when are the AI experts meeting?", "when's the first hotline call happening?": still ahead
            r"(?:^|\band )(?:when(?:['’]s| is| are)|whens)\b(?=[^?]*\b(?:first|next|"
            r"(?<!\bthe )(?<!\ba )(?<!\bthis )(?<!\bthat )(?<!\btheir )(?<!\bour )\w{3,}ing)\b)|"
            r"\bwhen\b(?! (?:was|were|had)\b(?![^?]*\b(?:will|next|upcoming|going to|gonna)\b))[^?]*\b(?:scheduled|planned|due|set|supposed|expected) to\b|"
            r"\b(?:timeline|timetable|schedule|date)\b[^?]*\bfor the (?:first|next)\b|"
            # "when do the military talks restart?": the present tense of a plan
            r"(?:^|\band )when(?: exactly)? (?:do|does)\b[^?]*\b(?:re)?(?:start|resume|begin|happen|take place|meet|open|"
            r"take effect|go into effect|come into (?:force|effect)|kick off|kick in|go live)\b|"
            # "is there a timeline?", "any deadline?": a time ahead
            r"\b(?:is there|was there|any|got) (?:a |an )?(?:timeline|timetable|deadline|start date)\b|"
            # "is Biden planning to visit Beijing next?", "when is their next meeting?"
            r"\b(?:will|plan(?:s|ning|ned)?|going|gonna|set|expected|due|schedul(?:e|es|ed|ing)|arrang(?:e|es|ed|ing))"
            r"(?: to)? (?:[\w'’-]+ ){0,5}?"
            r"(?:visit|meet|meeting|summit|trip|travel|go|come|host|hold|see)\b"
            r"[^?]*\bnext\b|\bwhen (?:is|are|will) (?:their|the|they|his|her) next\b|"
            r"\b(?:date|day|time)\b[^?]*\bnext (?:[\w–-]+ )?(?:meeting|summit|visit|talks|round|trip|call)\b|"
            r"\bnext (?:[\w'’–-]+ )?(?:meeting|summit|visit|talks|round|trip|call)\b[^?]*\b(?:date|day|time|when|scheduled|set|planned|plans?)\b|"
            r"\b(?:date|day|time)\b[^?]*\bnext (?:[\w'’–-]+ )?(?:meeting|summit|visit|talks|round|trip|call)\b|"
            # "a date or venue for a follow-up meeting?"
            r"\b(?:follow-?up|second|another|return|reciprocal) (?:[\w–-]+ ){0,2}(?:meeting|summit|visit|talks|round|trip)\b|"
            # (not "what day did they agree to resume …?": the day of the agreement)
            r"\b(?:date|day)\b(?![^?]*\b(?:did|was|were|had|agreed)\b)[^?]*\b(?:restart|resume|reopen)s?\b|"
            # "who are the experts that are gonna meet, and when?"
            r"\b(?:will|gonna|going to|plan\w*|expected to|set to)\b[^?]*,? and when\W*$",
            re.IGNORECASE,
        ),
    ),
    (
        Expect.SOURCE,
        re.compile(
            r"^(?:so |and |but |the guy |the person |the one )?who(?: \w+)? (?:told|briefed|informed|gave|said|says|announced|"
            r"confirmed|revealed|leaked)\b(?=[^?]*\b(?:reporters?|press|journalists?|media|detail|details|briefing)\b)|"
            r"\baccording to whom\b|\bwho(?:['’]s| is| was) the source\b|"
            # "is the detail attributed to anyone on the record, or is it anonymous sourcing?"
            r"\battributed to (?:anyone|anybody|someone|somebody|whom|a named)\b|\banonymous(?:ly)? sourc\w*|" + _CLAIM_FROM,
            re.IGNORECASE,
        ),
    ),
    (
        Expect.ROLE,
        re.compile(
            r"\b(?!what)\w+['’]?s (?:official |exact |full |formal |actual )?(?:job|position|title|role|post|office|rank)\b|"
            r"\b(?:his|her|their) (?:job|position|title|role|post|office|rank)\b|\bin (?:what|which) capacity\b|"
            # "pelosi was what at the time?"
            r"^[\w'’.-]+(?: [\w'’.-]+)? (?:was|is) what\b(?! (?:about|for|in|on|kind|sort|type)\b)|"
            r"\b(?:job|position|title|post|office|rank) (?:did|does|do|was|is) \w+|\bwhat does \w+ do\b|"
            # "Lan Fo'an runs which ministry?", "which department does Yellen head?"
            r"\b(?:runs?|heads?|leads?|oversees?) (?:which|what) (?:ministry|department|agency|portfolio|office)\b|"
            r"\b(?:which|what) (?:ministry|department|agency|portfolio) (?:does|did|do) [\w'’ ]{1,30}? (?:run|head|lead|oversee)\b|"
            r"\bwho is [\w'’]+(?: (?![\w'’]+ing\b)[\w'’]+)?\W*$|"  # not "who is iran backing"
            # a search-box query: "wang yi title", "lan fo'an job??"
            r"^[\w'’.-]+(?: [\w'’.-]+){0,2} (?:job|position|title|role|post|office|rank)\W*$",
            re.IGNORECASE,
        ),
    ),
    # "at what level will the military talks resume?", "which level resumes first?"
    (
        Expect.LEVEL,
        re.compile(
            r"\b(?:what|which) levels?\b(?! of (?:detail|confidence|trust|risk)\b)|\bwhich (?:\w+ )?(?:generals|commanders|admirals)\b",
            re.IGNORECASE,
        ),
    ),
    (
        Expect.VENUE,
        re.compile(
            r"\b(?:what|which) (?:kind|sort|type) of (?:venue|place|location|site|setting|building|property)\b|"
            r"\b(?:how (?:was|is) the|(?:describe|characteri[sz]e|portray|depict) the) (?:[a-z]+ )?(?:venue|place|location|setting|site|estate|property)\b|"
            # "was it at like a hotel or a convention center or what": a kind of venue guessed
            r"^(?:\w+ )?(?:was|is) (?:it|the (?:meeting|summit|talks?)) (?:held |hosted |happening )?(?:at|in) "
            r"(?:like |some (?:kind of |sort of )?)?(?:a|an) (?:[\w-]+ )?(?:"
            + "|".join(sorted(VENUE_KINDS))
            + r")s?\b",
            re.IGNORECASE,
        ),
    ),
    # "which town", "the name of the estate and the town it is in"
    (
        Expect.TOWN,
        re.compile(
            r"\b(?:which|what) (?:[\w-]+ )?(?:town|village|suburb|municipality|township|borough|locality)\b|"
            # "town for the dateline?": a search-box query naming the kind of place first
            r"^(?:the )?(?:town|village)\b(?= (?:for|of|in|where|it|they|the)\b|\W*$)|"
            + _KIND_IT_IS_IN.format(kind="town|village|suburb"),
            re.IGNORECASE,
        ),
    ),
    (Expect.CITY, re.compile(r"\b(?:which|what) (?:[\w-]+ )?city\b", re.IGNORECASE)),
    (
        Expect.STATE,
        re.compile(
            r"\b(?:which|what) (?:us |u\.s\. |american )?state\b(?! (?:media|department|visit)\b)|"
            + _KIND_IT_IS_IN.format(kind="state"),
            re.IGNORECASE,
        ),
    ),
    (
        Expect.COUNTRY,
        re.compile(
            r"\b(?:which|what) (?:other )?(?:country|countries|nation|nations)\b|" + _KIND_IT_IS_IN.format(kind="country"),
            re.IGNORECASE,
        ),
    ),
    (
        Expect.PLACE,
        re.compile(
            r"^where\b|^[\w'’ ]{1,20}:\s*where\b|\bwhere (?:was|were|did|is|are|do|does)\b|^(?!(?:what|which|who|when|why|how)\b)[^?]{3,40}? where\W*$|^(?:was|were|is) (?:it|the meeting|the summit|this|that) "
            r"(?:held |hosted )?(?:in|at|near|outside)\b|\b(?:which|what) (?:(?:kind|sort|type) of )?(?:\w+ )?(?:city|town|place|venue|"
            r"location|country|state|estate|site|spot|building|hotel)\b|\b(?:venue|location)\b",
            re.IGNORECASE,
        ),
    ),
    (
        Expect.DATE,
        re.compile(r"\b(?:what|which|on what) (?:exact |specific |precise )?(?:date|day)\b|\bexact (?:\w+ )?date\b", re.IGNORECASE),
    ),
    # "what month", "pelosi taiwan trip month?"
    (Expect.MONTH, re.compile(r"\b(?:what|which|in what) month\b|\bmonth[- ]?wise\b|^(?!.*\b(?:how many|per)\b)[^?]*\b(?<!last )(?<!next )(?<!this )(?<!that )(?<!a )(?<!one )(?<!each )(?<!every )(?<!the )month\W*$", re.IGNORECASE)),
    (
        Expect.CLOCK,
        re.compile(r"\b(?:what|which|at what) (?:exact |precise )?(?:time|hour)\b(?! (?:of (?:year|month)|frame|line|period)\b)", re.IGNORECASE),
    ),
    (
        Expect.TIME,
        re.compile(
            r"^(?:when|what (?:day|date|time|year|month))\b|\bwhat (?:day|date|year)\b|\bhow long ago\b|"
            r"^(?:the )?(?:day|date)(?: of (?:the )?week)? (?:of|for)\b",  # "day of week of the meeting"
            re.IGNORECASE,
        ),
    ),
    # Last: a question asking when, where or how many an agreement was made wants that fact.
    (
        Expect.AGREED,
        re.compile(
            r"\b(?:did|do|have|has|will|would) (?:they|the two(?: leaders| sides| presidents| men)?|the leaders|both sides|"
            r"[\w'’-]+ and [\w'’-]+|both|(?!it\b|that\b|this\b|there\b)[\w'’-]+)(?: \w+)? (?:agree|promise|pledge|commit|vow)\b",
            re.IGNORECASE,
        ),
    ),
]

# "in", "at", "outside of", "on the outskirts of" before a place's name.
_PLACE_PREPOSITION = r"\b(?:in|at|near|outside(?: of)?|outskirts of|to|from)\s+(?:the\s+)?"
# "visit to Taiwan", "flew in from Beijing"; not "belonging to China"
_WHERE_PREPOSITION = (
    r"(?:\b(?:in|at|near|outside(?: of)?|outskirts of)|"
    r"\b(?:visit|visits|trip|trips|travel\w*|went|go|goes|going|flew|fly|headed|returned|moved|came|come|back)"
    r"(?: \w+)? (?:to|from)|\bvisit(?:ed|s|ing)?)\s+(?:the\s+)?"
)
_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
_DAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_NUMBER_WORDS = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|hundred|thousand|million|billion|half|several|few"
# "for the tenth consecutive time", "a third straight rise": a count in a row
_IN_A_ROW = re.compile(
    r"\b(?:\d+(?:st|nd|rd|th)|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    r"thirteenth|fourteenth|fifteenth|twentieth)\s+(?:(?:consecutive|straight|successive)\b|time in a row\b)",
    re.IGNORECASE,
)
_UNITS = "seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?"
_SHAPES = {
    Expect.TIME: re.compile(
        rf"\b(?:{_MONTHS}|{_DAYS}|\d{{4}}|\d{{1,2}}:\d{{2}}|yesterday|today|tomorrow|ago|last (?:week|month|year)|"
        rf"(?:next|last|this) (?:week|weekend|month|year|spring|summer|autumn|fall|winter|morning|afternoon|evening|"
        rf"time|{_MONTHS}|{_DAYS})|spring|summer|autumn|fall|winter|earlier|later|since|recent|morning|afternoon|"
        rf"evening|night|soon|decade|century|\d{{1,2}}(?:st|nd|rd|th)?)\b",
        re.IGNORECASE,
    ),
    Expect.NUMBER: re.compile(rf"\b(?:\d[\d,.]*|{_NUMBER_WORDS})\b|{_IN_A_ROW.pattern}", re.IGNORECASE),
    Expect.DURATION: re.compile(
        # "for about four hours", "a two-day visit"; not "their first talks in a year", "a year
        # ago", "a few minutes later" or "once a year"
        rf"(?<!\bin )(?<!\bwithin )(?<!\bonce )(?<!\btwice )\b(?:\d[\d,.]*|{_NUMBER_WORDS}|an?|about|several)[\s-]+(?:{_UNITS})\b"
        r"(?! (?:ago|later)\b)",
        re.IGNORECASE,
    ),
    Expect.FUTURE: re.compile(
        rf"\b(?:next (?:week|month|year|spring|summer|autumn|fall|winter|{_MONTHS}|{_DAYS})|upcoming|later this|"
        rf"soon|in (?:the )?coming|by (?:the )?end of|early next|(?:in|by|from) (?:{_MONTHS})(?! last\b)|by \d{{4}}|"
        rf"(?:is|are) (?:due|set|scheduled|planned|slated) for (?:{_MONTHS}|{_DAYS}|next|early|later|the (?:end|start|week))|"
        rf"(?:will|(?:are|is) (?:due|set|scheduled|expected|slated) to) (?:meet|be held|take place|start|begin|resume|arrive|"
        rf"travel|visit|convene|reconvene|gather)[^.]{{0,40}}\b(?:{_MONTHS}|{_DAYS}|\d{{4}}|next|soon))\b",
        re.IGNORECASE,
    ),
    Expect.DATE: re.compile(
        rf"\b(?:{_DAYS}|(?:{_MONTHS})\s+\d{{1,2}}|\d{{1,2}}\s+(?:{_MONTHS})|\d{{4}}|\d{{1,2}}/\d{{1,2}}|yesterday|today|tomorrow)\b",
        re.IGNORECASE,
    ),
    Expect.ROLE: re.compile(
        r"\b(?:speaker|president|secretary|minister|chair(?:man|woman|person)?|director|official|spokes(?:man|woman|person)|"
        r"ambassador|senator|governor|mayor|general|admiral|chief|head of|premier|chancellor|envoy|advis[eo]r|"
        r"representative|leader|king|queen|prime minister|ceo|founder|commander|judge|lawmaker)\b",
        re.IGNORECASE,
    ),
    Expect.PAST: re.compile(
        r"\b(?:last (?:met|meeting|time|talked|spoke|saw)|since|ago|previous(?:ly)?|prior|former(?:ly)?|first \w+ since)\b",
        re.IGNORECASE,
    ),
    # "in Woodside, California", "at Filoli estate", "on the outskirts of San Francisco"; not "in August"
    Expect.PLACE: re.compile(
        rf"{_WHERE_PREPOSITION}(?!(?i:{_MONTHS}|{_DAYS})\b)[A-Z]\w+|"
        r"\b(?:estate|city|town|capital|resort|hotel|palace|venue|headquarters|embassy)\b",
    ),
    # "a secluded country estate": a venue described in plain words, not just named
    Expect.VENUE: re.compile(
        r"\b(?:a|an|the) (?:[a-z-]+ ){1,3}(?:estate|hotel|resort|palace|house|mansion|ranch|centre|center|hall|villa|"
        r"compound|garden|gardens|retreat|residence|building|venue|farm|castle|lodge)\b"
    ),
    Expect.CAUSE: re.compile(
        r"\b(?:after|because|due to|following|amid|sparked|triggered|prompted|led to|caused|in response to|in protest)\b|"
        # a purpose: "as the exporter tries to shore up prices", "in a bid to …"
        r"\b(?:tries|trying|tried|seeks?|seeking|sought|aims?|aiming|aimed|in (?:a|an) (?:bid|effort|attempt)|in order|so as) to\b|"
        # "China, a major buyer of Iranian oil, has leverage over Iran": what it is says why
        r"^[^,]{2,40}, (?:a|an|the) [^,]{3,80}, (?:has|have|had|is|are|was|were|holds?|can)\b",
        re.IGNORECASE,
    ),
    # ("Mr Buffett, 92, and Mr Munger, 99": an age beside a name)
    Expect.AGE: re.compile(
        r"\b\d{1,3}[- ](?:years?[- ]old|year-old)\b|\baged? \d{1,3}\b|(?-i:\b[A-Z][a-z]+), (?:1[0-2]\d|[1-9]\d),(?! \d)", re.IGNORECASE
    ),
    Expect.SOURCE: re.compile(r"\b(?:told|tells|said|says|according to|briefed|announced|confirmed)\b", re.IGNORECASE),
    Expect.AGREED: re.compile(
        r"\b(?:agree[sd]?|agreeing|agreements?|deals?|vow(?:ed|s)?|pledge[sd]?|promise[sd]?|commit(?:s|ted|ment)?)\b",
        re.IGNORECASE,
    ),
    Expect.MONTH: re.compile(rf"\b(?:{_MONTHS.title()})\b"),  # "May", not "may"
    Expect.LEVEL: re.compile(
        r"\b(?:levels?|ministers?|ministerial|generals?|commanders?|admirals?|chiefs?|cabinet|working-level|"
        r"high-level|top-level|senior|juniors?|envoys?|ambassadors?)\b",
        re.IGNORECASE,
    ),
    # "at 10am", "7:15 AM", "at noon", "in the morning"
    Expect.CLOCK: re.compile(
        r"\b\d{1,2}(?::\d{2})?\s*(?:a\.?m\b\.?|p\.?m\b\.?)|\b\d{1,2}:\d{2}\b|"
        r"o['’]clock|\bnoon\b|\bmidnight\b|\bin the (?:morning|afternoon|evening)\b|\bat (?:dawn|dusk|night)\b",
        re.IGNORECASE,
    ),
}


# "which town", "what kind of venue", "how many hours": the words naming what kind of thing is asked for.
_ANSWER_TYPE = re.compile(
    r"\b(?:what|which|how (?:many|much))\s+(?:(?:kind|sort|type) of\s+)?(?!(?:is|was|are|were|the|a|an|did|do|does)\b)"
    # "which town / state", "what town and state": a second kind after the first
    r"([\w'’-]+)(?:\s*(?:/|\+|&|\band\b|\bor\b)\s*([\w'’-]+)|\s+([\w'’-]+))?",
    re.IGNORECASE,
)


_KIND_ASKED = re.compile(_KIND_IT_IS_IN.format(kind="town|village|suburb|city|state|country"), re.IGNORECASE)


def answer_type_words(question: str, compounds: bool = True) -> set[str]:
    """Words that name the kind of answer wanted ("town" in "which town hosted it?"), lower case.

    The documents need not use such a word: "Woodside" answers "which town" without "town".
    With `compounds`, the word after it is included too ("what time stamp").
    """
    groups = (1, 2, 3) if compounds else (1, 2)
    typed = {m.group(g).lower() for m in _ANSWER_TYPE.finditer(question) for g in groups if m.group(g)}
    return typed | {m.group(1).lower() for m in _KIND_ASKED.finditer(question)}


def is_small_talk(question: str) -> bool:
    """A greeting, thanks or "help", with no question in it."""
    return bool(_SMALL_TALK.match(question.strip()))


# "translate 'deadline' into Spanish", "write me a haiku", "convert 5 miles to km": a task, not a question.
_TASK = re.compile(
    # ("help me write a facebook post announcing our annual meeting")
    r"^(?:(?:can|could|would|will) (?:you|u|someone|somebody|anyone) |pls |please |plz |just |quickly |help (?:me|us) (?:to )?)*"
    r"(translate|write|compose|draft|code|program|solve|calculate|compute|convert|generate|draw|sing|rhyme)\b"
    # (not a label: "draft sentence: '…' does that match the article?")
    r"(?!\s+(?:sentence|line|lede|headline|copy|text|version|says)\b|\s*:)",
    re.IGNORECASE,
)


# "how do I fix my wifi?", "any tips for Beijing?", "recommend a novel": advice for the asker.
_ADVICE = re.compile(
    r"\bhow (?:do|can|should|would) i\b|"
    r"\b(?:should|can|could|shall) i\b(?! (?:know|read|understand|remember|get|have|ask|see the|quote|use|cite|pull|tell (?:[\w'’-]+ ){0,4}(?:said|says|told)\b))|"
    r"\btips?\b(?= for\b|\W*$)|(?:^|\b(?:you|u) )recommend\b|\brecommend (?:me|us)\b|\brecommendations? for\b|"
    # "can someone remind me how to set up an out-of-office in Teams?"; not "how to describe the deal"
    r"(?:\b(?:remind|show|teach|tell) (?:me|us) |^)how (?:do (?:you|u|we|people) |to )(?!(?:describe|summari[sz]e|explain|put|phrase|sum|frame|read|understand|"
    r"quote|cite|pronounce|say|spell|refer)\b)|"
    # "what's the best way to get a working holiday visa?"; not "the best way to describe the deal"
    r"\b(?:what(?:['’]s| is)|whats) the (?:best|easiest|quickest|fastest|cheapest|simplest) (?:way|place|time) to "
    r"(?!(?:describe|summari[sz]e|explain|characteri[sz]e|put|phrase|sum|frame|read|understand|quote|cite)\b)",
    re.IGNORECASE,
)
# "can someone share the zoom link?": a file or a link asked of the people in the channel
_FILE_WANTED = re.compile(
    r"\b(?:share|send|post|drop|forward|dm|pass along)\s+(?:me\s+|us\s+)?(?:the|a|your|that)\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?:link|links|slides|deck|file|files|doc|docs|agenda|invite|recording|spreadsheet|sheet|pdf|password|login)\b",
    re.IGNORECASE,
)
# "what's a good team building activity for 12 people?"; not "a good quote for the intro"
_A_GOOD = re.compile(
    r"^(?:\w+ )?(?:what(?:['’]s| is| are)|whats|any|anyone (?:have|know|got)) (?:a |an |some )?"
    r"(?:good|great|nice|fun|cheap|decent|solid) (?![\w -]*\b(?:quotes?|soundbites?|summary|takeaways?)\b)"
    r"[\w -]+? (?:for|to|under|near|around)\b",
    re.IGNORECASE,
)


def asks_for_a_good_thing(question: str) -> bool:
    """The question asks for a good something ("what's a good activity for 12 people?"): advice, unless about the documents."""
    return _A_GOOD.search(question) is not None


def task_requested(question: str) -> str:
    """What is asked for instead of a question ("translate", "give advice"), or "" (a summary is no task)."""
    if wants_summary(question):
        return ""
    match = _TASK.search(question)
    if match:
        return match.group(1).lower()
    if _FILE_WANTED.search(question):
        return "share links or files"
    return "give advice" if _ADVICE.search(question) or asks_for_a_good_thing(question) else ""


def wants_summary(question: str) -> bool:
    """The question asks for the outcomes, a summary or a tl;dr rather than one fact."""
    return bool(_SUMMARY.search(question))


# "summarize chapter 3 of …": the words straight after a request to summarise, to the next pause
_OBJECT = re.compile(r"^\s+((?:(?!(?:for|in|to|so|pls|please|plz|because|as|and|or|but|i|im|we)\b)[\w'’-]+\s*){1,8})")


def summary_object(question: str) -> str:
    """The words a summary request runs straight on to ("summarize chapter 3 of the book" -> "chapter 3 of the book")."""
    match = _SUMMARY.search(question)
    found = _OBJECT.match(question[match.end() :]) if match else None
    return found.group(1).strip() if found else ""


def without_summary(question: str) -> str:
    """The question with its request for a summary taken out ("tl;dr on fentanyl" -> "on fentanyl")."""
    return _SUMMARY.sub(" ", question)


# What a summary request names as its subject: a noun phrase after it ("of the tariff talks",
# "the latest fed minutes"), ending where a preposition, a clause or a participle begins.
_SUBJECT = re.compile(
    r"^\s*(?:(?:of|on|about|re|regarding|from)\s+(?=\w)|(?=(?:the|this|that|these|those|today's|yesterday's|last|latest)\b))"
    r"((?:[\w'’-]+)(?:\s+(?!(?:in|into|for|with|to|from|at|by|like|and|or|so|but|pls|please|plz|is|are|was|were|i|im|we|it)\b)"
    r"(?![a-z]{3,}(?:ed|ing)\b)[\w'’-]+)*)",
    re.IGNORECASE,
)


# "did they agree on anything climate related?": the kind of thing, named before "related"
_QUALIFIED = re.compile(r"^\s*([\w'’]+(?:\s+[\w'’]+)?)[\s-](?:related|wise|specific)\b", re.IGNORECASE)
# "the xinhua readout", "the fed minutes recap": whose summary, named before it.
_SUBJECT_BEFORE = re.compile(r"\b(?:the|a|an|their|its|his|her|this|that)\s+((?:[\w'’-]+\s*/?\s*){1,4})$", re.IGNORECASE)
# "tone sandhi for 一 and 不 - quick summary?": the subject, then a dash or colon and the request
_SUBJECT_LABEL = re.compile(r"^\W*((?:[^\W_]|['’])[^:;?!.–—]{1,60}?)(?:\s+[-–—]+|\s*:)\s*(?:(?:a|an|the|quick|short|brief|fast|pls|please)\s+)*$", re.IGNORECASE)
# "was there anything on methane or coal in what they agreed?": the thing looked for in the summary
_SUBJECT_LOOKED_FOR = re.compile(
    r"\b(?:anything|something|mention|word)\s+(?:on|about|re|regarding|of)\s+((?:[\w'’-]+\s+){1,4}?)(?:in|among|from|out of)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def summary_subject(question: str) -> str:
    """What a summary request names as its subject ("of the tariff talks" -> "the tariff talks"), or ""."""
    match = _SUMMARY.search(question)
    if not match:
        return ""
    ahead = question[: match.start()]
    before = _SUBJECT_BEFORE.search(ahead) or _SUBJECT_LOOKED_FOR.search(ahead)
    after = _SUBJECT.match(question[match.end() :]) or _QUALIFIED.match(question[match.end() :])
    return " ".join(m.group(1).strip() for m in (before, after) if m and m.group(1).strip())


# "quick summary?": a bare request for one, a noun rather than a question
_SUMMARY_NOUN = re.compile(r"\W*(?:summary|summari[sz]e|tl;?\s?dr|recap|overview|gist|rundown|synopsis|brief)", re.IGNORECASE)


def summary_label(question: str) -> str:
    """The subject written before a dash or colon and a bare request for a summary ("tone sandhi - quick summary?"), or ""."""
    match = _SUMMARY.search(question)
    if not match or not _SUMMARY_NOUN.match(match.group()):
        return ""
    label = _SUBJECT_LABEL.search(question[: match.start()])
    return label.group(1).strip() if label else ""


# "where do things stand between them?", "where do they go from here?": a state of affairs, no place;
# "where did brent settle?", "where does output end up?": a level reached, no place.
_WHERE_FIGURATIVE = re.compile(
    r"\bwhere (?:do|does|did|will|would|is|are|was|were) (?:[\w'’+-]+ ){1,4}(?:stand|go from here|settle|close|"
    r"end up|ends up|ended up|finish|land|top out|bottom out|peak|trade|level off)\b|"
    + _CLAIM_FROM,
    re.IGNORECASE,
)


def expected_answer(question: str) -> Expect:
    """The kind of fact the question asks for."""
    plain = _WHERE_FIGURATIVE.sub(" ", question)
    for expect, pattern in _EXPECT_PATTERNS:
        if pattern.search(plain if expect is Expect.PLACE else question):
            return expect
    return Expect.ANY


_FOLLOWED = re.compile(
    r"\bwhat (?:came|happened|comes|happens)(?: right| just)? (?:after|next|following)\b|\bwhat was next\b|"
    r"\bwhat followed\b|\bafter that\b|\bwhat (?:did|does) (?:[\w'’-]+ ){1,4}lead to\b|"
    # "after his 'direct communication' remark, what risk did he go on to flag?", "what did he add?"
    r"\b(?:go|goes|went) on to (?:say|add|flag|warn|mention|note|stress|raise)\b|\bwhat (?:else )?(?:did|does) (?:he|she) add\b",
    re.IGNORECASE,
)


def asks_what_followed(question: str) -> bool:
    """The question asks what came after something: "what happened after the balloon was shot down?"."""
    return bool(_FOLLOWED.search(question))


# "Which city was the previous one in?", "that earlier summit": an earlier meeting is asked about.
_EARLIER = re.compile(
    r"\b(?:previous(?:ly)?|prior|earlier|before|(?:a|one|\d+) years? (?:ago|before|earlier)|"
    r"last (?:[\w-]+ )?(?:time|year|met|meeting|summit|talks|visit|encounter)|"
    r"the other (?:one|meeting|summit|time)|that (?:one|summit|meeting))\b",
    re.IGNORECASE,
)
# "where did Pelosi go last year?" is about no meeting; "which city was the last one in?" is.
_A_MEETING = re.compile(
    r"\b(?:meet\w*|met|summit\w*|talks|sat down|sit[- ]down|face[- ]to[- ]face|in[- ]person|one|time|encounter)\b",
    re.IGNORECASE,
)
# "Where did Biden bring up Iran?": where in the talks, not on a map.
_WHERE_IN_TALK = re.compile(
    r"\bwhere in the (?:article|story|piece|text|report|talks?|meeting|summit|conversation|discussion|sessions?|speech|"
    r"readout|interview|statement|quote)\b|\bwhere (?:\w+ ){0,4}?(?:mention\w*|bring\w* up|brought up|rais\w*|discuss\w*|say|said|"
    r"talk\w*|come up|came up|appear\w*|stand\w*|quot\w*)\b",
    re.IGNORECASE,
)
# "Where was it shot down?" asks for the place of an event; "where does China have leverage?" is figurative.
# ("shot down where", "where in the US …": somewhere in it)
_WHERE_EVENT = re.compile(
    r"\bwhere(?: exactly| precisely| specifically)? (?:was|were|did|will|had)\b|(?:ed|wn|en)\s+where\W*$|^where in\b", re.IGNORECASE
)


def asks_about_an_earlier_meeting(question: str) -> bool:
    """The question says it is about an earlier meeting: "which city was the previous one in?"."""
    return bool(_EARLIER.search(question) and _A_MEETING.search(question))


def asks_for_a_place(question: str, expect: Expect) -> bool:
    """A place question (`expect`) that wants a place on a map: not "where did he bring up Iran?".

    "Which state …?" always does; a "where" only about an event ("where was it shot down?"),
    not in the present ("where does China have leverage?").
    """
    if _WHERE_IN_TALK.search(question):
        return False
    return expect is not Expect.PLACE or _WHERE_EVENT.search(question) is not None


def expected_answers(question: str) -> list[Expect]:
    """Every kind of fact the question asks for, first the one `expected_answer` gives ("where and when …?")."""
    plain = _WHERE_FIGURATIVE.sub(" ", question)
    return [expect for expect, pattern in _EXPECT_PATTERNS if pattern.search(plain if expect is Expect.PLACE else question)]


_COUNTED = re.compile(r"\bhow (many|much) ([a-z]+)", re.IGNORECASE)
_TIME_UNITS = frozenset("second minute hour day night week month year decade".split())
_A_NUMBER = re.compile(rf"\d[\d,.]*|{_NUMBER_WORDS}", re.IGNORECASE)


# "how much did the summit cost?", "what did the security cost?": a sum of money
_MONEY_ASKED = re.compile(
    r"\bhow much\b[^?]*\b(?:cost|costs|spend|spent|pay|paid|price|priced|budget\w*|worth|charge\w*|money|dollars?|fund\w*)\b|"
    r"\bwhat (?:did|does|will|would) [\w ]{1,40}? cost\b|\bhow expensive\b|\bprice tag\b",
    re.IGNORECASE,
)
# "how big was the balloon?": a measure; not "how big a deal was it?"
_SIZE_ASKED = re.compile(r"\bhow (?:big|large|tall|wide|heavy|high|far)\b(?! (?:of )?an? (?:deal|step|win|moment|thing)\b)|\bwhat size\b", re.IGNORECASE)
# "how will the US verify / check / monitor ...?": how something is checked
_CHECKING_ASKED = re.compile(
    r"\bhow\b[^?]{0,60}\b(?:verify|verified|check|checked|monitor|monitored|inspect|inspected|audit|track)\b|"
    # "what verification or enforcement mechanism backs the deal?"
    # (not "the enforcement mechanism": whom China goes after enforces it)
    r"\b(?:verification|monitoring|inspections?|oversight) (?:or \w+ )?(?:mechanisms?|regime|process|system|provisions?)\b",
    re.IGNORECASE,
)
_CHECKING = re.compile(r"\b(?:verif\w*|monitor\w*|inspect\w*|audit\w*|check\w*|track\w*|complian\w*|oversight|enforc\w*)\b", re.IGNORECASE)
_MONEY = re.compile(
    r"[$£€¥]\s?\d|\b\d[\d,.]*\s*(?:k|m|bn|million|billion|trillion|dollars?|yuan|renminbi|usd|euros?|pounds?)\b|"
    r"\b(?:million|billion|trillion|dollars|yuan)\b",
    re.IGNORECASE,
)


# What a kind of question needs in its answer: a sum, a measure, a word on checking.
# "what percentage of voters oppose it?": a share, not "many voters"
_SHARE_ASKED = re.compile(r"\b(?:what|which|how (?:big|large|high|much) (?:a|of a)) (?:percentage|percent|per cent|share|proportion|fraction)\b|\bhow many (?:percent|per cent)\b", re.IGNORECASE)
_SHARE = re.compile(
    r"\d\s?%|\b(?:per ?cent|percentage|majority|minority|half|third|thirds|quarter|quarters|fifth|tenth|most|all|none)\b",
    re.IGNORECASE,
)
_NEEDS = ((_MONEY_ASKED, _MONEY), (_SIZE_ASKED, _A_NUMBER), (_CHECKING_ASKED, _CHECKING), (_SHARE_ASKED, _SHARE))


def counted_thing(question: str) -> str | None:
    """What a "how many" question counts, when it is not a unit of time ("how many warheads" -> "warheads")."""
    asked = _COUNTED.search(question)
    if not asked or asked.group(1).lower() != "many":
        return None
    thing = asked.group(2).lower()
    return None if thing.removesuffix("s") in _TIME_UNITS | {"time"} else thing


def counts_what_is_asked(question: str, sentence: str, term_of: Callable[[str], str | None] = lambda word: None) -> bool:
    """Whether the sentence counts the thing a "how many" question asks about (True if none is asked).

    "How much did it cost?" is answered only by a sum of money, "how big was it?" by a measure,
    "how will they verify it?" by a sentence about checking.

    "How many days did Xi stay?" is answered only by a number of days, not "four hours";
    "how many experts will meet?" only by a number of experts, not "the two leaders".

    Args:
        question: the question.
        sentence: a candidate answer.
        term_of: a word's term in the documents, or None (not there, or found everywhere, like
            "leaders"): a thing counted that has no term is not checked.
    """
    if any(asked.search(question) and not held.search(sentence) for asked, held in _NEEDS):
        return False  # "how much did the security cost?" with only "four hours"
    asked = _COUNTED.search(question)
    if not asked:
        return True
    thing = asked.group(2).lower()
    unit = thing.removesuffix("s")
    if unit in _TIME_UNITS:
        return bool(re.search(rf"\b(?:\d[\d,.]*|{_NUMBER_WORDS}|an?)[\s-]+{unit}s?\b", sentence, re.IGNORECASE))
    wanted = term_of(thing) if asked.group(1).lower() == "many" and unit != "time" else None
    if wanted is None or _IN_A_ROW.search(sentence):  # "how many rises in a row?": "for the tenth time"
        return True
    # "the 26-member council": a number of members; not "Hwasong-18 missile"
    tokens = re.findall(r"[\w'’-]+", re.sub(r"\b(\d[\d,.]*)-(?=[a-z])", r"\1 ", sentence))
    return any(
        # ("how many MQ-9B drones?": "31 MQ-9B drones")
        _A_NUMBER.fullmatch(token) and any(term_of(p) == wanted for t in tokens[i + 1 : i + 4] for p in t.lower().split("-"))
        for i, token in enumerate(tokens)
    )


# How long something lasted: "met for about four hours", "the talks lasted two days", "a three-hour meeting"
_LASTED = re.compile(
    rf"\b(?:for|lasted|lasting|last|ran|spent)\s+(?:(?:about|around|roughly|nearly|almost|some|just|more|less|than|over|"
    rf"under|close to)\s+)*(?:\d[\d,.]*|{_NUMBER_WORDS}|an?)[\s-]+(?:{_UNITS})\b(?! (?:ago|later|earlier|before|after)\b)"
    rf"|\b(?:\d[\d,.]*|{_NUMBER_WORDS})[\s-]+(?:hour|minute|day|week)[\s-]+(?:meeting|talks|summit|session|visit|negotiations)\b",
    re.IGNORECASE,
)


# "how long did they talk?", "how long was it?": the meeting's length is asked, not a stay's or a trip's
_MEETING_LENGTH = re.compile(
    r"\b(?:meet\w*|met|talk\w*|summit\w*|sit[- ]?down|sat|sit|sessions?|discuss\w*|spoke|speak\w*|last(?:ed)?|"
    r"negotiat\w*|it|that|this)\b",
    re.IGNORECASE,
)


def asks_meeting_length(question: str) -> bool:
    """The question asks how long the meeting itself went on ("how long did they talk?")."""
    return _MEETING_LENGTH.search(question) is not None


def tells_how_long(sentence: str) -> bool:
    """The sentence says how long something lasted, not only when ("met for about four hours")."""
    return _LASTED.search(sentence) is not None


def fits(expect: Expect, sentence: str) -> bool:
    """Whether a sentence can hold the kind of fact expected."""
    if expect is Expect.ANY:
        return True
    if expect in _PLACE_KINDS:
        return _names_place(expect, sentence)
    return bool(_SHAPES[expect].search(sentence))


_PLACE_KINDS = frozenset({Expect.CITY, Expect.TOWN, Expect.STATE, Expect.COUNTRY})
# "on the outskirts of San Francisco" is near a city, not in a town.
_BESIDE = re.compile(r"\b(?:near|outside(?: of)?|outskirts of)\s+(?:the\s+)?$")
# A run of capitalised words ("San Francisco", "Nancy Pelosi"), possessive left off.
_CAPITALISED_RUN = re.compile(r"[A-Z][\w-]*(?:['’][a-z]+)?(?:\s+[A-Z][\w-]*(?:['’][a-z]+)?)*")
_LEADING = re.compile(r"^(?:(?:The|In|At|On|From|To|Near|Outside|Of|And|But|Earlier|Later|Last|This|That)\s+)+")


# A place after a preposition of place: "in Woodside", "on the outskirts of San Francisco".
_PLACED = re.compile(_PLACE_PREPOSITION + r"([A-Z][\w-]*(?:['’][a-z]+)?(?:\s+[A-Z][\w-]*(?:['’][a-z]+)?)*)")


def _names_place(expect: Expect, sentence: str) -> bool:
    """The sentence names a place of the kind asked for.

    A state or a country may be part of a run of capitalised words ("US President",
    "China's"). A city is a place after "in", "at", "outside of" … that is not a country,
    state or continent: "in Woodside", not "in August" or "Nancy Pelosi" (the French city).
    """
    from bot.coverage import place_names  # GeoNames' tables, loaded only for such a question

    if expect in {Expect.CITY, Expect.TOWN}:
        not_cities = place_names("region")
        for match in _PLACED.finditer(sentence):
            if expect is Expect.TOWN and _BESIDE.search(match.group(0)[: match.start(1) - match.start(0)]):
                continue
            place = re.sub(r"['’][a-z]+\b", "", match.group(1))
            if place not in not_cities and not re.search(r"\d", place) and not re.fullmatch(rf"(?i:{_MONTHS}|{_DAYS})", place):
                return True
        return False
    names = place_names(expect.value)
    for match in _CAPITALISED_RUN.finditer(sentence):
        run = _LEADING.sub("", re.sub(r"['’][a-z]+\b", "", match.group())).split()
        if any(" ".join(run[i : i + n]) in names for n in (1, 2, 3) for i in range(len(run) - n + 1)):
            return True
    return False


# "the picture", "AP's picture"; not "the big picture" or "the US overdose picture", a figure of speech
_PICTURE = (
    r"(?:(?:^|[^\w\s'’]\s*|\b(?:the|a|an|that|this|these|those|its|their|his|her|any|some|no|which|what|one|main|lead|"
    r"top|cover|featured|attached|header|news|press|wire|stock|ap|afp|reuters|getty|[\w-]+['’]s)\s+)pictures?\b)"
)
_METADATA = re.compile(
    # "the title", "the article's title"; not "yellen title", "Pelosi's title", "her title"
    r"(?:(?:\bthe|\bthis|\barticle['’]s|\bstory['’]s|\bpiece['’]s|\bits) (?:article |story |piece |news )?|^)"
    r"title(?! (?:did|does|do|has|had|was|is|held|holds) )\b|"
    # (not "when did Beijing publish that position paper?": something else published)
    r"\b(?:(?:publish\w*|written|wrote|write|posted)(?! (?:a|an|the|that|this|its|their|his|her) (?!(?:article|story|piece|report|post|news)\b)\w)|"
    r"updated?|dated|headline|byline|author|standfirst|sub-?head(?:line|ing)?s?|sub-?titles?|dek|"
    r"date (?:of|on) (?:the |this |that )?(?:article|story|piece|report|post|it)|"
    r"(?:article|story|piece|report|post)(?:['’]s)? date|"
    r"photos?|pics?|images?|caption|photographs?|photographed|photographers?)\b|" + _PICTURE,
    re.IGNORECASE,
)


# "the subheadline", "the line under the title": the standfirst.
# "Was it machine translated?", "a line near the top about how the piece was produced": the
# article's note on how it was made.
PRODUCTION = re.compile(
    r"\b(?:machine|automated|auto|computer|ai)[- ]?(?:translat\w*|generated|written|made|help)\b|"
    r"\b(?:article|piece|story|text|copy|it|this)\b[^?.]{0,30}\btranslat\w*|"
    r"\btranslat\w*[^?.]{0,30}\b(?:article|piece|story|text|copy)\b|"
    r"\bhow (?:the |this )?(?:article|piece|story|text|it) was (?:produced|made|written|generated|translated)\b|"
    r"\b(?:note|line|label|disclaimer)\b[^?.]{0,50}\b(?:produced|translat\w*|machine|automated)\b|\bpowered by\b",
    re.IGNORECASE,
)
STANDFIRST = re.compile(
    r"\b(?:standfirst|sub-?head(?:line|ing)?s?|sub-?titles?|dek|(?:line|text|sentence|bit) (?:under|below|beneath) "
    r"(?:the |its )?(?:headline|title))\b",
    re.IGNORECASE,
)


# "the specific mechanism, not the headline": a part of the article ruled out.
_RULED_OUT = re.compile(
    r"\b(?:not|rather than|instead of|other than|beyond|besides|apart from|more than)(?: just| only)? (?:the|its|a|what the) "
    r"[\w-]+(?: [\w-]+)?",
    re.IGNORECASE,
)


# "who took or supplied the photograph?": the verbs say who made the picture, not what it shows.
_PHOTO_SHOWS = re.compile(
    r"\b(?:photo\w*|pictures?|pics?|images?|shot) of (?:them|the (?:two|leaders|presidents)(?: leaders| presidents)?|both|him|her|"
    r"[\w'’-]+(?: and [\w'’-]+)?) ([a-z]+ing(?: (?:around|together|about|out|through|hands|outside))?)\b",
    re.IGNORECASE,
)
_MADE_THE_PHOTO = re.compile(
    r"\bwho (\w+)(?:(?: or |\s*/\s*)(\w+))? (?:the |that |this |its )?(?:photo\w*|pictures?|images?|pics?)\b", re.IGNORECASE
)


PHOTO = re.compile(rf"\b(?:photo\w*|pics?|images?|caption)\b|{_PICTURE}", re.IGNORECASE)
# "which agency is the pic credited to?": who made a picture, as a caption's credit answers it
_CREDIT_WORDS = frozenset(
    "agency agencies wire wires credit credited credits outlet service".split()
)


def photo_verbs(question: str) -> set[str]:
    """Words of a question about a photo's making that the documents need not use.

    The verbs of "who took or supplied the photo?" ("took", "supplied"), and, in a question
    about a photo, the words asking for its credit ("which agency is the pic credited to?").
    """
    verbs = {w.lower() for m in _MADE_THE_PHOTO.finditer(question) for w in m.groups() if w}
    if PHOTO.search(question):
        verbs |= {w for w in re.findall(r"[a-z]+", question.lower()) if w in _CREDIT_WORDS}
        # "the pic of them walking around, where was that taken?": how the asker recalls it
        verbs |= {w.lower() for m in _PHOTO_SHOWS.finditer(question) for w in m.group(1).split()}
    return verbs


def asks_metadata(question: str) -> bool:
    """The question is about the article itself: its headline, date, author, photo or how it was made."""
    kept = _RULED_OUT.sub(" ", question)
    return bool(_METADATA.search(kept) or PRODUCTION.search(kept))


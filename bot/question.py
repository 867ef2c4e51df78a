"""Turn what a person typed in chat into a clean question (pure)."""

from __future__ import annotations

import re
from collections.abc import Callable
import unicodedata

MAX_QUESTION_CHARS = 500

_MENTION = re.compile(r"<(?:@[!&]?|#|!subteam\^)[A-Za-z0-9]+(?:\|[^>]*)?>|<!(?:here|channel|everyone)(?:\|[^>]*)?>")
_BOT_NAME = re.compile(r"^\s*@?(?:summit\s*bot|summitbot|bot)\b[\s,:;!.-]*", re.IGNORECASE)
# "tell me, what did they agree?": the wrapper asks nothing and pulls the question toward quotes.
_WRAPPER = re.compile(
    r"^(?:(?:can|could|would) (?:you|u) )?(?:please |pls )?(?:tell me|let me know|remind me|explain(?: to me)?|"
    r"i (?:want|need|would like|'d like) to know|do you know)\b[\s,:;-]*(?=(?:what|who|whom|whose|where|when|why|how|which|whether|if)\b)",
    re.IGNORECASE,
)
# "confirm: 4 hrs?", "fact check - blinken was there?": a check asked, the claim is the question.
_CHECK = re.compile(
    r"^(?:pls |please |can you |could you )?(?:confirm|verify|fact[- ]?check|double[- ]?check|sanity[- ]?check|check|"
    r"true or false)\s*[:,;—–-]\s*",
    re.IGNORECASE,
)
# "day of week of the meeting, tues or wed": choices offered for a day, a place or a time asked for.
_KINDS = r"(?:day|date|time|month|year|state|city|town|country)"
# "blinken title, confirm", "4 hours - pls verify?": the check asked for after the claim.
_CHECK_TAIL = re.compile(
    r"\s*[,;:—–-]\s*(?:pls |please |can you |could you |can u )?(?:confirm|verify|fact[- ]?check|double[- ]?check)"
    r"(?: (?:pls|please|that|this|it))?\s*\??\s*$",
    re.IGNORECASE,
)
# "In the interest of teaching the word to my students, could you tell me ...": why it is asked.
_PURPOSE_FIRST = re.compile(
    r"^(?:in the interest of|for the sake of|for the purposes? of|as part of|to help (?:me )?with)\b[^,]{3,100},\s*",
    re.IGNORECASE,
)
# "lol random q", "dumb question but": what the asker thinks of the question, not part of it.
_ABOUT_THE_QUESTION = re.compile(
    r"[,;:—–-]?\s*\b(?:random|quick|dumb|silly|stupid|weird|odd|small|simple|basic) (?:q|qs|question|questions)\b(?: but)?",
    re.IGNORECASE,
)
# "bali is in what country again, for the map graphic": what the answer is for.
_FOR_WHAT_TAIL = re.compile(
    r"(?:,\s*(?:it['’]?s |this is |that['’]?s |(?:i |we )?need the [\w' -]{1,30}? )?|[,?]\s*(?:i |we )?need (?:it|this|that) )"
    r"for (?:the|a|an|my|our) [\w' -]{1,40}\W*$",
    re.IGNORECASE,
)
# "blinken's exact title for the chyron?": what the answer is for, with no comma before it.
_FOR_A_PRODUCT = re.compile(
    r"\s+for (?:the|a|an|my|our|this|tonight['’]?s|today['’]?s) (?:[\w-]+ )?(?:chyron|lower third|graphic|slide|deck|script|segment|"
    r"memo|brief|briefing|citation|bibliography|newsletter|essay|presentation|rundown|package|show|broadcast|poster)s?\W*$",
    re.IGNORECASE,
)
# "is filoli a hotel or what?": asks what it is; the kind named is a guess.
_KIND_GUESSED = re.compile(
    r"^(?P<verb>is|was) (?!(?:it|that|this|they|he|she|there)\b)(?P<thing>[\w'’ -]{2,30}?) (?:an?|some|some kind of|like an?) [\w'’ -]{1,30}? or (?:what|something(?: else)?|smth|sth)\b\s*\??",
    re.IGNORECASE,
)
# Words that rule something out of the answer.
_BESIDES = r"(?:besides|apart from|aside from|other than|except for|beyond)"
# "how does the article describe the estate, apart from its name?": a part ruled out.
_APART_FROM = re.compile(
    rf",?\s*\b(?:{_BESIDES}|not counting) (?:its|the|their|his|her) [\w-]+\W*$",
    re.IGNORECASE,
)
# "besides the pelosi trip, what other incident hurt relations?", "what else, apart from fentanyl,
# did they agree?": something the asker already knows, set aside.
_SET_ASIDE = re.compile(
    rf"(?:^|,\s*){_BESIDES} ((?:(?!what|which|who|where|when|how|did|was|were|is|are)"
    r"[\w'’-]+\s*){1,5}?)(?=[,;:]|\s+(?:what|which|who|where|when|how|did|was|were|is|are)\b)",
    re.IGNORECASE,
)
# ... and "what else hurt relations, besides the balloon?"
_SET_ASIDE_AFTER = re.compile(
    rf"\b(?:what|which|who|anything|any) (?:else|other)\b.*?\b{_BESIDES} ((?:[\w'’-]+\s*){{1,5}})\W*$",
    re.IGNORECASE,
)
# "a 2 sentence summary", "a one-line recap": how long, not what about
_LENGTH_GIVEN = re.compile(
    r"\b(?:like )?(?:(?:one|two|three|four|five|[1-5]|few|couple)[- ](?:sentences?|lines?|words?|paragraphs?|bullets?|points?))[- ]"
    r"(?=(?:summary|recap|version|answer|overview|rundown|tl;?dr|explanation|explainer)\b)",
    re.IGNORECASE,
)


def _length_given(match: re.Match[str]) -> str:
    """Nothing for the length asked ("a two-line summary"), but "the one-line version" is the short one."""
    return "short " if match.string[match.end() :].lower().startswith("version") else ""


# "state of ties — one word", "in like 2 sentences": how long an answer should be, not what it is about.
_ANSWER_FORMAT = re.compile(
    r"(?:\s*[,;:—–-]\s*(?:in |as )?|\s+(?:in|as) )(?:like )?(?:one|a single|1|two|2|three|3|a few) "
    r"(?:word|words|line|lines|sentence|sentences)(?: (?:answer|max|only|tops))?(?=\W*$)",
    re.IGNORECASE,
)
_CHOICES = re.compile(
    rf"^((?:(?:near|in|at|outside|from|to) )?(?:(?:the )?{_KINDS}|(?:what|which|in what|in which) {_KINDS})\b[^,;]{{4,}}?)\s*[,;—–-]\s*"
    r"(?:like |maybe |probably )?[\w'’]+(?: [\w'’]+)? or [\w'’]+(?: [\w'’]+)?\s*\??$",
    re.IGNORECASE,
)
_GREETING = re.compile(
    r"^\s*(?:(?:hey|hi|hello|yo|hiya|ok|okay|so|um+|uh+|quick question|question|q|"
    r"good (?:morning|afternoon|evening|day)(?: (?:all|everyone|folks|team))?|greetings)\b[\s,:;!.-]*)+"
    r"(?:(?:there|bot|summitbot|summit\s*bot|@\S+)\b[\s,:;!.-]*)?",
    re.IGNORECASE,
)
# "why they stopped? what happened?": the first question, said again more loosely
_WHAT_HAPPENED_AFTER = re.compile(r"(?<=\?)\s+(?:and |so |like )?what happened(?: there| then)?\W*$", re.IGNORECASE)
# "the little writing under the picture": the caption
_UNDER_THE_PHOTO = re.compile(
    r"\b(?:the )?(?:little |small |tiny )?(?:writing|text|words|line|blurb|description) (?:under|below|beneath|underneath) "
    r"(?:the |that |this )?(?:picture|photo|pic|image|photograph)\b",
    re.IGNORECASE,
)
# "Teacher, what kind of drug is fentanyl?", "guys: who came?": the people addressed, before the question
_VOCATIVE = re.compile(
    r"^\s*(?:teacher|sir|madam|ma['’]?am|miss|prof|professor|doc|guys|folks|everyone|everybody|y['’]?all|team|all|friends|"
    r"mate|bro|dude|boss|chief)\s*[,:;!]\s*",
    re.IGNORECASE,
)
# "Q4: Identify two agreements …": a worksheet's numbering, not a quarter of the year
_WORKSHEET_LABEL = re.compile(r"^\s*(?:q|question|#|no\.?)\s*\d{1,2}[a-z]?\s*[:.)]\s+", re.IGNORECASE)
# "Whereabouts was their previous get-together?": British for "where", asking
_WHEREABOUTS = re.compile(r"^whereabouts\b(?= (?:was|were|is|are|did|do|does)\b)", re.IGNORECASE)
# "what town is the estate in per the cap": a newsroom's short word for the caption
_THE_CAP = re.compile(r"\b((?:the|per|in) )cap\b(?![-'’])", re.IGNORECASE)
# "according to the article", "in the article's telling": the article is what every answer comes from.
_PER_ARTICLE = re.compile(
    r"[,;]?\s*\b(?:(?:(?:according to|per|as per) (?:the |this |that )?|(?:in|from|based on) (?:the|this|that) )"
    r"(?:(?:body|main) )?(?:article|piece|story|report|text|copy|readout|coverage|write-?up|reporting|"
    r"body(?: of the (?:article|piece|story|report))?)(?: as (?:reported|written|published))?"
    r"(?:['’]s (?:telling|account|version)|(?!['’]))\b[,;]?|"
    r"\s(?:according to|per|based on) (?:this|that|it)(?=\W*$))",
    re.IGNORECASE,
)
_POLITE = re.compile(
    r"\b(?:please|pls|plz|(?<!you )kindly|thanks|thank you|thx|por favor|gracias|merci|danke|bitte|svp|stp|s['’]il (?:vous|te) pla[iî]t|might i ask|may i ask|if i may(?: ask)?|"
    r"if you (?:don['’]t|do not) mind|excuse me|pardon me|sorry to (?:bother|trouble) you|out of (?:interest|curiosity)|"
    r"(?:i|we) (?:forget|forgot|can['’]?t remember|cannot remember|don['’]?t remember|do not remember))\b[\s!]*",
    re.IGNORECASE,
)  # commas stay: they end clauses
# "how long did they talk for lmaooo": laughter, however many letters it is typed with.
_LAUGHTER = re.compile(r"\b(?:lo+l+|lmf?a+o+|rofl+|(?:ha){2,}h?|(?:he){2,}|(?:ja){2,}|xd+)\b", re.IGNORECASE)
_MARKDOWN = re.compile(r"[*_`~|>]+|^#+\s*", re.MULTILINE)
# "… — 'the two global what'": words that stop at the blank they ask to fill
_ENDS_ON_A_BLANK = re.compile(r"\w \bwhat\W*$", re.IGNORECASE)
_FILL_IN = re.compile(r"(?<=\w)\s*_{3,}")
_REPEATED_PUNCTUATION = re.compile(r"\s*([?!.])[?!.\s]*$")
_SPACE = re.compile(r"\s+")

# A trailing guess the asker offers ("..., like a hotel or what?"): not part of what is asked.
# "was it at a hotel or what kind of venue?": the hotel is a guess.
_GUESSED_PLACE = re.compile(r"\b(?:at|in) an? [\w' -]{1,30}? or (?=what\b)", re.IGNORECASE)
# "- a hotel, a palace, or something else?": guesses the asker lists.
_GUESSES = re.compile(
    r"(?:\s*[,;:—–-]\s*(?:like\s+|maybe\s+|e\.?g\.?,?\s+)?|\s+(?:like|maybe|e\.?g\.?,?)\s+)"
    r"(?:an?\s+[\w'-]+(?:\s+[\w'-]+)?,?\s+){1,4}"
    r"or\s+(?:something|smth|sth|anything|what)(?:\s+else)?\b",
    re.IGNORECASE,
)
# "- hotel, embassy, something else?": bare guesses listed before "something else".
_LISTED_GUESSES = re.compile(
    r"\s*[,;:—–-]\s*(?:(?:an?\s+)?[\w'’-]+,\s*){1,4}(?:or\s+)?(?:something|somewhere|someone|anything)\s+else\b",
    re.IGNORECASE,
)
# "did they agree to anything about AI or was that just hype?": the asker's doubt, not a second question.
_OR_JUST = re.compile(
    r",?\s+or (?:was|is|were|are) (?:that|it|this|they|those|all that) (?:just|all|only|mostly|simply|merely|pure)\b[^?.!]*|"
    # "was it in san francisco or somewhere near it?": the near place is the question's own hedge
    r",?\s+or (?:somewhere|someplace|some place|just) (?:near|nearby|close|outside|around)(?: to| by| of)?(?: it| there| that| the city)?(?=\s*\?|\W*$)|"
    r",?\s+or (?:somewhere|someplace) else(?=\s*\?|\W*$)|,?\s+or elsewhere(?=\s*\?|\W*$)",
    re.IGNORECASE,
)
# "where did they hold it, some ranch out west?": a wh-question, then the asker's guess.
_GUESSED_TAIL = re.compile(
    r"^((?:where|what|which|who|when|how)\b[^,;?!]{8,}?)(?:\s*[,;—–-]\s*(?:like |maybe |probably |perhaps )?|\s+like\s+)"
    r"(?:some|an?)\s+[\w'’-]+(?:\s+[\w'’-]+){0,5}\s*"
    # "…, some fancy mansion right? whats it called": the guess checked, then the question goes on
    r"(?:\?*$|,?\s*(?:right|yeah|no|i think|i guess)?\s*\?+(?=\s+(?:what|which|who|where|when|how)\b)|"
    # "…, some fancy hideaway? because of course they didn't do it at a Denny's": a remark follows
    r"\?+(?=\s+(?:because|cuz|coz|bc|since|lol|lmao|haha|ha|i mean|obviously|of course|surely)\b))",
    re.IGNORECASE,
)
# "what did they agree to on AI, skynet summit or nah": a wh-question, then a guess to wave away
_GUESSED_OR_NAH = re.compile(
    r"^([^?]*\b(?:what|which|who|where|when|how)\b[^?]*?),\s*(?:[\w'’-]+\s){2,3}or (?:nah|naw|no|not|nope)\W*$",
    re.IGNORECASE,
)
# "how does the article describe the estate, like was it public or private-ish": options offered.
_OFFERED_CHOICE = re.compile(
    r"^((?:what|which|who|where|when|how)\b[^,;]{8,}?)\s*[,;—–-]\s*(?:like |i mean |so |as in )?"
    r"(?:was|is|were|are|did|does|do)\s+(?:it|they|that|this|he|she)\b[^?]*\bor\b[^?]*\??$",
    re.IGNORECASE,
)
# "what day did they meet, was it like midweek": a guess checked after the question
_CHECKED_GUESS = re.compile(
    r"^((?:what|which|who|where|when|how)\b[^,;?]{6,}?)\s*[,;—–-]\s*(?:like |so |i mean )?(?:was|is|were) (?:it|that|they) "
    r"(?:like |maybe |around |on |in |at )*(?:an? |the )?[\w'’-]+(?: [\w'’-]+){0,2}\s*\??$",
    re.IGNORECASE,
)
# "what time was it updated, im trying to settle a bet": an aside after the question.
_ASIDE = re.compile(
    r"^((?:(?:and|so|ok|also) )?(?:what|which|who|where|when|how|why)\b[^,;]{4,}?)\s*[,;]\s+(?:i['’]?m|i am|we['’]?re|we are|just|feels|it feels|"
    r"asking (?:because|for)|need(?:ed)? (?:it|this) for|for (?:a|my|our|the) |no cap|i forg[oe]t|i (?:keep|always) forgetting|"
    r"i (?:keep )?(?:wanting|want|wanna|keep thinking) (?:to )?say|i can['’]?t remember|"
    r"can['’]?t remember|i think|idk|if i remember)[^?]*\??$",
    re.IGNORECASE,
)
# "..., our opp is gonna say it has none": who the asker answers to, not the question.
_FAMILY = (
    r"(?:dad|daddy|mom|mommy|mum|mother|father|parents|grandma|grandpa|granny|gran|grandad|granddad|grandparents|nana|"
    r"papa|wife|husband|kids?|son|daughter|sister|brother|uncle|aunt|auntie)"
)
_ASIDE_ABOUT_US = re.compile(
    r"[,;]\s+(?:(?:our|my) (?:opp|opps|opponents?|other team|prof|professor|teacher|boss|editor|team|class|club|"
    rf"{_FAMILY})\b|"
    # "..., teacher wants the date in the citation"
    r"(?:the )?(?:prof|professor|teacher|boss|editor|producer|desk|client|instructor|opp|opps|opponents?|other team|host|coach) "
    r"(?:wants|needs|asked for|is asking for|says|said|claims|claimed|thinks|insists|keeps saying|argues)\b|"
    # "..., dad is confused", "..., grandma keeps asking"
    rf"{_FAMILY} (?:is |was |gets |got )?(?:confused|lost|curious|wondering|wonders|asking|asks|asked|keeps asking|"
    r"wants to know|wanted to know)\b)"
    r"[^,;?]*(?=[,;?]|$)",
    re.IGNORECASE,
)
# "I thought they met in Los Angeles? could you check", "grandma thinks filoli is in oregon, is she right?":
# a place remembered, to be checked; where it was is the answer either way
_BELIEVED_PLACE = re.compile(
    r"^(?:i (?:thought|heard|read|believe|remember)|(?:my )?[\w'’]+ (?:thinks|says|said|claims|reckons)|"
    r"someone (?:said|told me)|is it true(?: that)?)\s+(?:that\s+)?"
    r"(?P<who>they|the (?:two )?leaders|biden and xi|xi and biden|it|(?:the |that |this )?(?!(?:what|which|who|where|when|how|why)\b)[\w'’-]+) "
    r"(?P<verb>met|was held|were held|took place|was|were|is|are) (?:in|at) (?:the )?[\w'’.-]+(?: [\w'’.-]+){0,2}\s*(?:[?,.;!].*)?$",
    re.IGNORECASE,
)


def _where_instead(match: re.Match[str]) -> str:
    who, verb = match.group("who"), match.group("verb").lower()
    if verb == "met":
        return f"where did {who} meet?"
    if verb == "took place":
        return f"where did {who} take place?"
    if verb.endswith("held"):
        return f"where {verb.split()[0]} {who} held?"
    return f"where {verb} {who}?"


# "what did they agree to restore at their meeting?": the meeting is what every agreement was made at
_AT_THE_MEETING = re.compile(
    r"(\bagreed? to \w{3,})\s+(?:at|during|in) (?:the|their|this) (?:meeting|summit|talks)(?=\W*$)", re.IGNORECASE
)
# "what sort of venue was it, hotel conference room?", "what kind of place — hotel, conference center?":
# the asker's guesses after the question
_KIND_THEN_GUESSES = re.compile(
    r"^((?:what|which) (?:kind|sort|type) of [\w'’ ]{3,40}?)\s*[,—–-]+\s*(?:like |maybe |some )?[\w'’ /,-]{2,40}?\?*$",
    re.IGNORECASE,
)
# "was it at like a hotel or a convention center or what", "was it at a hotel or what", their guesses gone
# ("was it at", "was it what"): the kind of venue is asked
_VENUE_GUESSED = re.compile(
    r"^(?:\w+ )?(?:was|is) (it|the (?:meeting|summit|talks?)) (?:held |hosted |happening )?(?:at|in|what)\W*$",
    re.IGNORECASE,
)
# "…, i think it's garbled": what the asker suspects, after the request
_SUSPECTED = re.compile(r"[,;]\s+i (?:think|suspect|reckon|guess) (?:it['’]?s|that['’]?s|this is|we['’]?re) [\w'’ -]{2,40}$", re.IGNORECASE)
# "how is the venue described - public site or something more private?": guesses offered.
_GUESSED_OPTIONS = re.compile(
    r"\s*[-—–,:;]\s*(?:an? |the )?[\w' -]{1,30}? or (?:something|somewhere|someone)(?: (?:more|less|a bit|else))?(?: [\w-]+)?\W*$|"
    # "which city was it near, LA or sf or what"
    r"\s*[-—–,:;]\s*(?:an? |the )?[\w' -]{1,30}? or [\w' -]{1,30}? or what\W*$",
    re.IGNORECASE,
)
# "... #USChina": trailing hashtags tag a post; they ask nothing.
_HASHTAGS = re.compile(r"(?:\s+#[^\W_][\w-]*)+\s*$")
_GUESS = re.compile(
    r"[,;]?\s+(?:like|maybe|perhaps|e\.?g\.?)\s+(?:an?\s+)?[\w' -]{1,30}?\s+or(?:\s+(?:what|something|smth|sth)\b|\W*$)|"
    # "where did he bring it up, in the big meeting or??"
    r"[,;]\s*(?:in|at|on|during) (?:the|a|an) [\w' -]{1,30}? or\W*$",
    re.IGNORECASE,
)

# "did biden say anything about why talking matters, like mistakes happening or smth": after
# "anything" the "like …" gives an example of the subject asked about, not a guess at the answer
_ANYTHING_BEFORE = re.compile(r"^(?!\s*(?:what|which|where|who|when|why|how)\b)[^?]*\b(?:anything|something)\b[^?]*$", re.IGNORECASE)
_EXAMPLE = re.compile(r"\blike\s+(?P<example>(?:an?\s+)?[\w' -]{1,30}?)\s+or\b", re.IGNORECASE)


def _unless_an_example(guess: re.Match[str]) -> str:
    example = _EXAMPLE.search(guess.group())
    if example and _ANYTHING_BEFORE.match(guess.string[: guess.start()]):
        return f", like {example.group('example')}"
    return ""

# What comes before "credit" when it is a verb: "did biden credit …", "he credits …"
_CREDIT_SUBJECT = re.compile(r"\b(?:did|does|do|will|would|could|has|have|had|he|she|they|who|i|we|you)\b(?: [\w'’-]+){0,3}? $", re.IGNORECASE)
# ... and not a kind of credit: "will tighter credit …", "does bank credit …"
_CREDIT_KIND = re.compile(r"\b(?:tighter|tight|looser|loose|easier|easy|cheaper|cheap|more|less|bank|consumer|private|trade) $", re.IGNORECASE)
# Chat shorthand, spelled out so the words can be matched against the articles'.
SHORTHAND = {
    "abt": "about", "bc": "because", "cuz": "because", "coz": "because", "b4": "before", "btw": "",
    "convo": "conversation", "govt": "government", "gov": "government", "gonna": "going to",
    "wanna": "want to", "gotta": "got to", "kinda": "kind of", "sorta": "sort of", "idk": "",
    "imo": "", "irl": "in person", "lol": "", "lmao": "", "meetup": "meeting", "msg": "message",
    "n": "and", "nah": "no", "photo op": "photo", "pic": "photo", "pics": "photos", "ppl": "people", "prez": "president",
    "r": "are", "rn": "right now", "smth": "something", "sth": "something", "tho": "though",
    "thru": "through", "tmrw": "tomorrow", "u": "you", "ur": "your", "w": "with", "w/": "with",
    "wat": "what", "wut": "what", "ya": "you", "xi's": "Xi's",
    "hrs": "hours", "hr": "hour", "mins": "minutes", "pts": "points", "q": "question", "qs": "questions",
    "ngl": "", "tbh": "", "fr": "", "lowkey": "", "highkey": "", "iirc": "", "afaik": "", "fyi": "",
    "potus": "US president", "prc": "China", "secstate": "Secretary of State", "sec of state": "Secretary of State",
    "treasury sec": "Treasury Secretary", "secdef": "Secretary of Defense", "sec def": "Secretary of Defense", "mil-mil": "military-to-military",
    "mil-to-mil": "military-to-military", "eo": "executive order",
    "mtg": "meeting", "mtgs": "meetings", "mtng": "meeting", "btwn": "between", "b/w": "between", "b/c": "because",
    "w/o": "without", "admin": "administration", "dept": "department", "pres": "president", "yr": "year",
    "yrs": "years", "natl": "national", "intl": "international", "esp": "especially", "sitdown": "meeting",
    "sit-down": "meeting", "wrt": "about", "gvt": "government", "govts": "governments", "cali": "California",
    "touchpoint": "meeting", "touchpoints": "meetings", "bilat": "meeting", "principals": "leaders",
    "backstory": "background", "anon": "anonymous", "fent": "fentanyl",
    "wh": "White House", "fm": "foreign minister", "calif": "California", "tues": "Tuesday", "thurs": "Thursday",
    "timestamp": "updated time", "time stamp": "updated time",
    "hed": "headline", "src": "source", "loc": "location", "twn": "Taiwan", "mo": "month", "mo/yr": "month and year",
    "chem": "chemical", "chems": "chemicals", "co": "company", "cos": "companies", "lead art": "photo",
    "wire service": "wire", "news agency": "wire", "net-net": "", "net net": "", "gg": "", "ez": "", "ggez": "", "for the record": "", "wk": "week", "wks": "weeks", "usa": "US", "u.s.": "US", "u.s.a.": "US", "u.s": "US", "u.k.": "UK",
    "ksa": "Saudi Arabia", "secgen": "secretary general", "bbl": "barrels", "bbls": "barrels", "govs": "governments",
    "noob": "", "newbie": "", "acc to": "according to", "acc. to": "according to", "secy": "secretary", "reps": "representatives", "jawans": "soldiers", "hike": "rise", "hikes": "rises",
    "nukes": "nuclear weapons", "nuke": "nuclear weapon", "presser": "press conference", "pressers": "press conferences",
    "bps": "basis points", "bp": "basis points", "lvl": "level", "lvls": "levels", "sec gen": "secretary general",
    "sec-gen": "secretary general", "mgmt": "management", "bldg": "building", "wrap up": "end", "wraps up": "ends",
    "wrapped up": "ended", "wrapping up": "ending", "q1": "first quarter", "q2": "second quarter", "q3": "third quarter",
    "q4": "fourth quarter", "op earnings": "operating earnings", "yoy": "from a year earlier", "od": "overdose",
    "ods": "overdoses", "eli5": "", "targeting": "going after",
    "ref": "mention", "refs": "mentions", "bruh": "", "ccp": "Chinese Communist Party", "cpc": "Communist Party of China", "wtf": "what",
}
# "where tf was the meeting", "why on earth did …": an intensifier after a question word asks nothing.
_WH_INTENSIFIER = re.compile(
    r"\b(what|who|where|when|why|how)\s+(?:tf|tf\.|the (?:hell|heck|fuck|f\*+k|frick)|on earth|in the world)(?![\w'’])",
    re.IGNORECASE,
)
# "the Nov 2023 talks", "since aug": a month's short form, beside a date or a word for when
_MONTH_SHORT = {
    "jan": "January", "feb": "February", "mar": "March", "apr": "April", "jun": "June", "jul": "July", "aug": "August",
    "sep": "September", "sept": "September", "oct": "October", "nov": "November", "dec": "December",
}
_SHORT_MONTH = re.compile(
    r"\b(?:(?P<before>(?:in|since|by|last|this|next|early|late|mid|of|from|until|till|before|after|\d+) )"
    r"(?P<month>jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b\.?|(?P<dated>jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?(?= \d))",
    re.IGNORECASE,
)


def _month_spelled(match: re.Match[str]) -> str:
    short = match.group("month") or match.group("dated")
    return (match.group("before") or "") + _MONTH_SHORT[short.lower()]
# "confirm: 4 hrs?": a small number as an article writes it, "four hours".
_SMALL_NUMBER = re.compile(r"\b([1-9])(?= (?:hours?|days?|weeks?|months?|years?|minutes?|times|people|officials|leaders)\b)")
_NUMBER_WORDS = "one two three four five six seven eight nine".split()
# "the mil stuff": military, not "$5 mil".
_MIL = re.compile(r"(?<![\d$£€]\s)(?<![\d$£€])\bmil\b(?![-\w'’])", re.IGNORECASE)
# Chat idioms for what a meeting does, in the plain words an article uses.
IDIOMS: list[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]]] = [
    (
        re.compile(
            r"\b(?:strike|strikes|struck|seal|seals|sealed|ink|inked|reach|reached|hammer(?:ed)? out|cut|make|made) "
            r"(?:a|the|any|some|their|these|those) (?:deals?|agreements?)\b",
            re.IGNORECASE,
        ),
        "agree",
    ),
    (re.compile(r"\b(?:was|were|sat|sit|sitting) (?:in the room|(?:at|around) the table|present|in attendance)\b", re.IGNORECASE), "attended"),
    (re.compile(r"\b(who(?: else)?) (?:was|were) there\b", re.IGNORECASE), r"\1 attended"),
    # "who did Xi bring to the table?": bring along
    (re.compile(r"\b(bring|brings|brought) ((?:[\w'’]+ )?)to the table\b", re.IGNORECASE), r"\1 \2along"),
    # "was military stuff on the table?": discussed
    (re.compile(r"\bon the (?:table|agenda)\b", re.IGNORECASE), "discussed"),
    # "how long were they in the room?": at the meeting
    (re.compile(r"\bin the (?:same )?room(?: together)?\b", re.IGNORECASE), "at the meeting"),
    # "who was the finance minister at the table?": the meeting is meant, and adds nothing
    (re.compile(r"\s*\b(?:at|around) the (?:negotiating )?table\b", re.IGNORECASE), ""),
    # "the foreign ministry's readout": its statement; "a quick readout on the deliverables": a summary
    (re.compile(r"\b([\w’'-]+['’]s|official) readout\b", re.IGNORECASE), r"\1 statement"),
    # (not "the estate name for the readout": what the answer is for)
    (re.compile(r"(?<!\bfor the )(?<!\bfor my )(?<!\bfor our )(?<!\bin the )\breadout\b", re.IGNORECASE), "summary"),
    # "what's the duration on the bilateral?": the meeting of the two
    (re.compile(r"\b(?:the|this|that|their) (?:[\w]+-[\w-]+ )?bilateral\b(?! (?:relations?|relationship|ties|trade|issues?))", re.IGNORECASE), "the meeting"),
    # "why did mil-to-mil comms go dark?"
    (re.compile(r"\b(?:go|goes|went|gone|going) (?:dark|silent|quiet|cold)\b", re.IGNORECASE), "were cut off"),
    # "a summary of the outcomes, as stated in the article": the article is where every answer is from
    (
        re.compile(
            r",?\s*\bas (?:stated|described|reported|mentioned|written|used|given|printed|worded|phrased)\b"
            r"(?: (?:in|by) (?:the |this )?(?:article|story|piece|report|text|copy|caption|headline)\b)?",
            re.IGNORECASE,
        ),
        "",
    ),
    # "spelling of the estate": its name, spelled as the article does
    (re.compile(r"\bspelling of\b", re.IGNORECASE), "name of"),
    # "when did they last go head to head?", "when they shook on the deals", "chalk the success up to"
    (re.compile(r"\b(?:go|goes|went|gone|going|met|meet) (?:head[- ]to[- ]head|face[- ]to[- ]face)\b", re.IGNORECASE), "met"),
    (re.compile(r"\b(?:shook|shake|shaking|shakes) (?:hands )?on\b", re.IGNORECASE), "agreed on"),
    (re.compile(r"\b(?:snapped|shot|took) (?:it|the (?:photo|pic|picture|image|shot))\b", re.IGNORECASE), "took the photo"),
    (re.compile(r"\bchalk(?:ed|s)? (.{1,40}?) up to\b", re.IGNORECASE), r"ascribe \1 to"),
    # "where did he bring it up?": mention it
    (re.compile(r"\b(?:bring|brings|brought|bringing) (?:it |that |this |them |the (?:issue|topic|subject) )?up\b", re.IGNORECASE), "mention it"),
    # "members of the President's cabinet": in US government, its secretaries
    (
        re.compile(
            r"\b(?:members of (?:the |his |biden['’]s |the president['’]s )?cabinet|cabinet (?:members|officials|secretaries|people|picks))\b",
            re.IGNORECASE,
        ),
        "secretaries",
    ),
    # "why did biden say the meeting went good?": what he said made it a success
    (re.compile(r"\b(?:went|goes|gone) (?:so |really |pretty |very )?(?:well|good|great|smoothly)\b", re.IGNORECASE), "was a success"),
    # "in which town does that estate lie?": where it is located
    (re.compile(r"\b(?:lie|lies)\b(?=\s+(?:in|near|outside)\b|\W*$)", re.IGNORECASE), "located"),
    # "give me evidence china has leverage over iran": the claim is the question
    (re.compile(r"^(?:give me |i need |find me |show me |any )?(?:some |any )?(?:evidence|proof) (?:that |for )?", re.IGNORECASE), ""),
    # "straining ties": relations
    (
        re.compile(
            r"\b(strain\w*|sour\w*|hurt\w*|damag\w*|improv\w*|repair\w*|mend\w*|bilateral|diplomatic|frayed|warm\w*) ties\b",
            re.IGNORECASE,
        ),
        r"\1 relations",
    ),
    # "who comprised the PRC delegation?": who attended with China
    (
        re.compile(
            r"\bwho (?:comprised|made up|formed|was in|were in|was on|were on|joined|rounded out) "
            r"(?:the |their )?(?:(China|US|U\.S\.|American|Chinese|Beijing|Washington)(?:['’]s)? )?"
            r"(?:delegation|team|entourage|party)\b",
            re.IGNORECASE,
        ),
        r"who attended with \1",
    ),
    # "biden's on-the-record quote": every quote the article reports is on the record
    (re.compile(r"\bon[- ]the[- ]record\b", re.IGNORECASE), ""),
    # "anything concrete or just hot air?"
    (re.compile(r"\b(?:hot air|empty (?:words|promises|talk)|lip service|all talk)\b", re.IGNORECASE), "talk"),
    (
        re.compile(
            r"\b(?:go|goes|went|going|gone) (?:so )?well\b|\bwork(?:ed|s)? out\b|"
            r"(?:(?<=\bit )|(?<=\bmeeting )|(?<=\btalks )|(?<=\bsummit ))work(?:ed|s)\b",
            re.IGNORECASE,
        ),
        "success",
    ),
    (re.compile(r"\b(?:could|can|would|might) go wrong\b", re.IGNORECASE), "could cause problems"),
    # "the danger of not talking", "why is not talking dangerous?": what could cause problems
    (re.compile(r"\b(?:dangers?|dangerous|perils?|pitfalls?)\b", re.IGNORECASE), "problems"),
    (
        re.compile(
            r"\b(?:preview(?:ed|s)?|give (?:a|the|that|its) preview of|give (?:a|the|that|its) preview)"
            r"(?: (?:the|its|their) (?:agenda|talks|meeting|summit))?",
            re.IGNORECASE,
        ),
        "say what would be discussed",
    ),
    (
        re.compile(
            r"\b(?:sat in|sit in|showed up|turned up|(?:came|come|went|go|tag|tags|tagged|tagging) along)"
            r"(?: on (?:it|the talks|the meeting))?\b",
            re.IGNORECASE,
        ),
        "attended",
    ),
    (re.compile(r"\b(?:pull|pulls|pulled|pulling) the plug on\b", re.IGNORECASE), "cut off"),
    (re.compile(r"\b(?:on|off) (?:the )?record\b", re.IGNORECASE), "publicly"),
    (re.compile(r"\b(?:any|much|some|the|real|no) pull (over|with|on)\b", re.IGNORECASE), r"influence \1"),
    # "were relations in decent shape?": were they good
    (re.compile(r"\bin (?:good|decent|bad|rough|great|poor|better|worse|ok|okay|fine|terrible) shape\b", re.IGNORECASE), "good"),
    # "who did Xi bring (along)": who came with him
    (
        re.compile(r"\bwho (?:else )?did ([\w’'-]+) (?:bring|take)(?: along| with (?:him|her))?\b", re.IGNORECASE),
        r"who attended with \1",
    ),
    # "who came with Xi?"
    (re.compile(r"\bwho (?:else )?(?:came|went|travell?ed) (?:along )?with ([\w’'-]+)\b", re.IGNORECASE), r"who attended with \1"),
    # "who was on Xi's side of the table": who came with him
    (
        re.compile(
            r"\b(?:was|were|sat|is|are) on (?:the )?(?!(?:same|other|wrong|right|opposite|winning|losing)\b)"
            r"([\w’'-]+?)(?:['’]s)? side(?: of the (?:table|room))?\b",
            re.IGNORECASE,
        ),
        r"attended with \1",
    ),
    # "y did they meet?": why; not "biden y xi", Spanish "and"
    (re.compile(r"^y(?= )", re.IGNORECASE), "why"),
    # "what did biden credit the success to?": what he ascribed it to
    # (not "who's credited for the photo?": the photo's credit line)
    # (a verb, after "did" or a subject, or "credited": not "what will tighter credit do to the economy?")
    (
        re.compile(
            r"^(?!.*\b(?:photo|pic|picture|image|photograph|caption)s?\b)(.*?)(?<!who['’]s )(?<!who is )(?<!gets )(?<!get )"
            r"\bcredit(ed|s)?\b(?= (?:[\w'’-]+ ){0,5}?(?:to|for)\b)",
            re.IGNORECASE,
        ),
        lambda m: m.group(1) + "ascribe"
        if m.group(2) == "ed" or (_CREDIT_SUBJECT.search(m.group(1)) and not _CREDIT_KIND.search(m.group(1)))
        else m.group(),
    ),
    # "whose photo is that at the top": the article's photo
    (re.compile(r"\b(photo|pic|picture|image|photograph)(s?)((?: is| was)? (?:that|this|it))? (?:at|on|up) (?:the )?top\b", re.IGNORECASE), r"\1\2\3"),
    # "since they last sat down face to face": since they last met
    (re.compile(r"\b(?:sat|sit) down(?: together)?(?: face[- ]to[- ]face| in person)?\b(?! (?:with|go|goes|went|run|ran|take|took|last|lasted)\b)", re.IGNORECASE), "met"),
    # "since their last face to face": their last meeting (not "face-to-face talks")
    (re.compile(r"\b(their|the|a|last|previous|prior|first) face[- ]to[- ]face\b(?![- ](?:talks|meeting|encounter|summit))", re.IGNORECASE), r"\1 meeting"),
    # "gap since their previous face to face?": how long since
    (re.compile(r"^(?:the |what(?:['’]s| is| was) the )?(?:time )?gap (?=since|between)", re.IGNORECASE), "how long "),
    # "the treasury sec": secretary
    (re.compile(r"\b(treasury|state|defen[cs]e|commerce|homeland security) sec\b", re.IGNORECASE), r"\1 secretary"),
    # "did the leaders convene?": meet
    (re.compile(r"\bconven(?:e|ed|es|ing)\b", re.IGNORECASE), "meet"),
    # "who briefed the press?": who told reporters
    (re.compile(r"\bbrief(?:ed|s|ing)? (?:the )?(?:press|reporters|media|journalists|newsmen)\b", re.IGNORECASE), "told reporters"),
    # "where in america": the US, as the articles write it; not "Latin America"
    (re.compile(r"(?<!north )(?<!south )(?<!latin )(?<!central )\bamerica\b", re.IGNORECASE), "the US"),
    # "how long did the biden xi sit down go?": how long the meeting lasted
    (re.compile(r"\bsit[- ]?downs? (?:go|goes|went|run|ran|take|took|last|lasted)\b", re.IGNORECASE), "meeting last"),
    # after "who came with Xi": "which officials came together with Biden?"
    (re.compile(r"\b(?:come|came|comes|coming) (?:together )?with\b", re.IGNORECASE), "accompanied"),
]
_SHORTHAND = re.compile(r"(?<![\w'’])(" + "|".join(re.escape(k) for k in sorted(SHORTHAND, key=len, reverse=True)) + r")(?![\w'’])", re.IGNORECASE)
# "theyve", "whatd", "dont": a contraction typed without its apostrophe.
_BARE_CONTRACTIONS = {
    "ve": "i you we they could would should who what",
    "d": "i you we they he she what who where when why how that there",
    "ll": "i you we they he she that there what who",
    "re": "you we they what who there",
    "s": "that there what who where how he she",
    "nt": "do does did is are was were has have had could would should ca wo",
    "m": "i",
}
_BARE_CONTRACTION = re.compile(
    r"\b(?:" + "|".join(f"(?:{'|'.join(w.split())})(?={suffix}\\b){suffix}" for suffix, w in _BARE_CONTRACTIONS.items()) + r")\b",
    re.IGNORECASE,
)


# Words in their own right that read like a contraction without its apostrophe.
_NOT_CONTRACTIONS = frozenset("were wed well shell shed hell ill id".split())
# "when'd they meet?": "when did"
_WH_DID = re.compile(r"\b(what|who|where|when|why|how)['’]d\b", re.IGNORECASE)


# "sub-headline", "co-operate", "pre-summit": a prefix joined by a hyphen.
_PREFIXED = re.compile(r"\b(sub|co|pre|post|semi|multi|mid)-([a-z]{3,})\b", re.IGNORECASE)


def _unhyphenated(match: re.Match[str]) -> str:
    """The word as one ("subheadline") when English writes it so, else the word the prefix modifies."""
    from index.lexicon import zipf

    joined = match.group(1) + match.group(2)
    return joined if zipf(joined.lower()) >= 2.5 or match.group(1).lower() == "sub" else match.group(2)


def _apostrophe(word: str) -> str:
    if word.lower() in _NOT_CONTRACTIONS:
        return word
    for suffix in sorted(_BARE_CONTRACTIONS, key=len, reverse=True):
        if word.lower().endswith(suffix) and word[: -len(suffix)].lower() in _BARE_CONTRACTIONS[suffix].split():
            stem = word[: -len(suffix)]
            return f"{stem}n't" if suffix == "nt" else f"{stem}'{word[-len(suffix):]}"
    return word


def _spell_out(text: str) -> str:
    text = _WH_INTENSIFIER.sub(r"\1", text)
    text = _SHORT_MONTH.sub(_month_spelled, text)
    text = _MIL.sub("military", _SHORTHAND.sub(lambda m: SHORTHAND[m.group(1).lower()], text))
    for idiom, plain in IDIOMS:
        text = idiom.sub(plain, text)
    text = _SMALL_NUMBER.sub(lambda m: _NUMBER_WORDS[int(m.group(1)) - 1], text)
    text = _PREFIXED.sub(_unhyphenated, text)
    text = _BARE_CONTRACTION.sub(lambda m: _apostrophe(m.group()), text)
    return _WH_DID.sub(r"\1 did", text)


# A terminal colour or cursor code pasted along with the text ("\x1b[31m").
_ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|[@-Z\\-_])")


def _printable(text: str) -> str:
    """Drop terminal codes, control and format characters (bidi marks, zero-width joiners); keep letters and emoji."""
    text = _ANSI.sub(" ", text)
    return "".join(" " if unicodedata.category(ch) in {"Cc", "Cf", "Zl", "Zp"} else ch for ch in text)


def clean_question(text: str) -> str:
    """Normalise a chat message into the question it asks.

    Removes mention tokens, a leading "hey bot,", markdown marks, control
    characters and repeated end punctuation; trims to `MAX_QUESTION_CHARS`.

    Args:
        text: the raw message or command text.

    Returns:
        The question, possibly empty.
    """
    text = _printable(unicodedata.normalize("NFKC", text))
    text = _MENTION.sub(" ", text)
    text = _HASHTAGS.sub("", text)
    text = _FILL_IN.sub(" what", text)  # "the two global ___": a blank to fill
    text = _MARKDOWN.sub(" ", text)
    text = _SPACE.sub(" ", text).strip()
    text = _WORKSHEET_LABEL.sub("", text)
    text = _WHEREABOUTS.sub("where", text)
    text = _THE_CAP.sub(r"\1caption", text)
    text = _UNDER_THE_PHOTO.sub("the caption", text)
    for pattern in (_BOT_NAME, _GREETING, _VOCATIVE, _BOT_NAME, _WRAPPER, _CHECK, _CHECK_TAIL):
        text = pattern.sub("", text, count=1)
    # ("pls how long …": the question's own words open it, for the patterns anchored there)
    text = re.sub(r"\s+([,;])", r"\1", _LAUGHTER.sub(",", _POLITE.sub(" ", text))).strip()
    text = re.sub(r",(?:\s*,)+", ",", re.sub(r"^\W*,\s*|,\s*(?=[?!.]|$)", "", text))
    text = _PER_ARTICLE.sub(" ", text)
    text = _ANSWER_FORMAT.sub("", _LENGTH_GIVEN.sub(_length_given, text))
    text = _FOR_WHAT_TAIL.sub("?", text)
    text = _FOR_A_PRODUCT.sub(_what_for, text)
    text = _KIND_GUESSED.sub(lambda m: f"what {m.group('verb').lower()} {m.group('thing')}?", text)
    text = _APART_FROM.sub("?", text)
    text = _spell_out(text)
    text = _ABOUT_THE_QUESTION.sub("", text)
    text = _PURPOSE_FIRST.sub("", text)
    text = _plain_request(text)
    text = _GUESS.sub(_unless_an_example, text)
    text = _GUESSES.sub("", text)
    text = _LISTED_GUESSES.sub("", text)
    text = _OR_JUST.sub("", text)
    text = _GUESSED_PLACE.sub("", text)
    for tail in (_GUESSED_TAIL, _GUESSED_OR_NAH, _ASIDE, _CHOICES, _OFFERED_CHOICE, _CHECKED_GUESS):  # the question, then a guess or an aside
        text = tail.sub(r"\1?", text)
    text = _GUESSED_OPTIONS.sub("?", text)
    text = _KIND_THEN_GUESSES.sub(r"\1?", text)
    text = _SUSPECTED.sub("", text)
    text = _WHAT_HAPPENED_AFTER.sub("", text)
    text = _VENUE_GUESSED.sub(lambda m: f"what kind of venue was {m.group(1)}?", text)
    text = _AT_THE_MEETING.sub(r"\1", text)
    text = _BELIEVED_PLACE.sub(_where_instead, text)
    text = _ASIDE_ABOUT_US.sub("", text)
    text = _SPACE.sub(" ", text).strip(" ,;:-")
    text = _REPEATED_PUNCTUATION.sub(lambda m: "?" if "?" in m.group() else m.group(1), text)
    if len(text) > MAX_QUESTION_CHARS:
        # at the last sentence end that keeps most of it, so no question is cut in half; else at a word
        cut = text[:MAX_QUESTION_CHARS]
        end = max(cut.rfind(mark) for mark in "?!.")
        text = cut[: end + 1] if end >= MAX_QUESTION_CHARS // 2 else cut.rsplit(" ", 1)[0]
    return text.strip()


# A long message: the question is its last sentence or clause that asks something.
LONG_MESSAGE_WORDS = 25
_PARTS = re.compile(r"(?<=[?!.…])\s+|\.{3}\s*|…\s*|[:;]\s+|\s+[—–-]+\s+")
# Sentences, and clauses after a colon or a dash ("As an engineer I'm curious: what …?").
_SENTENCES = re.compile(r"(?<=[?!.])\s+|(?<=\w):\s+|\s+[—–-]+\s+")
# "Like a hotel, or something else?": a guess offered, not a question.
_GUESSING = re.compile(
    # (not "like what city was it near?": the question again, more exactly)
    r"^(?:like|maybe|perhaps|or|e\.?g\.?|say|something about|smth about|sth about)\b(?! (?:what|which|where|who|when|how)\b)|"
    r"\bor (?:something(?: else)?|what|smth|sth)\W*$",
    re.IGNORECASE,
)
_IF_NOT = re.compile(r"^\s*(?:and )?(?:if not|if no|otherwise),?\s+((?:what|which|who|where|when|how)\b.*)$", re.IGNORECASE)
_GUESSED_CHECK = re.compile(r"^(?:was|is|were|did) (?:it|that|this)\b", re.IGNORECASE)
_WH_WORD = re.compile(r"\b(?:what|which|who|where|when|how)\b", re.IGNORECASE)
_A_GUESS = re.compile(r"^\s*(?![¿¡])(?!(?:and|also|what|which|who|where|when|why|how)\b)[\w'’.-]+(?: [\w'’.-]+)?\s*\?+\s*$", re.IGNORECASE)
# "was the summit at a hotel or like a conference center?": the asker's options, before what they ask.
_OPTIONS_OFFERED = re.compile(r"^(?:was|were|is|are|did|do|does)\b[^?]*\bor\b", re.IGNORECASE)
_WH = re.compile(r"^(?:(?:so|and|but|ok|okay)\W+)?(?:what|which|who|where|when|why|how)\b", re.IGNORECASE)
_ASKS = re.compile(
    r"^(?:(?:so|and|but|like|ok|okay|well|anyway|basically|honestly|bottom line|tl;?dr|i mean|also|plus|then|"
    r"approx|approximately)[\s,]+)*"
    r"(?:(?:in|on|at|for|from|by|with|to|of|during|since|until) (?=what|which|whom|whose|how)|)"
    r"(?:what|who|whom|whose|where|when|why|how|which|did|do|does|is|are|was|were|will|would|can|could|has|have|"
    r"had|should|describe|explain|list)\b(?!['’]t\b)",  # not "can't remember ..."
    re.IGNORECASE,
)


# "several members wondered which group Iran backs", "I am not sure what position she held":
# a question put as a statement.
_INDIRECT = re.compile(
    r"\b(?:asked(?: me| us)?|wondered|wondering|wonder|not sure|unsure|curious|forget|forgot|remember|recall|"
    r"know|understand|figure out|work out|asks|asking)\s+(?:about\s+)?(?P<asked>(?:what|who|whom|whose|where|when|why|how|which|whether)\b"
    r"[^,;]*)|"
    # "can't for the life of her remember the name of the fancy estate they met at?"
    r"\b(?:forget|forgot|remember|recall)\s+(?P<named>the name of\b[^,;]*)",
    re.IGNORECASE,
)
# "she asks when …", "the host wonders whether …": someone's question, reported.
_REPORTED_ASK = re.compile(
    r"\b(?:asks|asked|is asking|was asking|wants to know|wanted to know|would like to know|needs to know|wonders|"
    r"wondered|is wondering|was wondering)\s+(?:me |us )?(?:about\s+)?"
    r"(?:what|who|whom|whose|where|when|why|how|which|whether|if|the name of)\b",
    re.IGNORECASE,
)
# "iran is a backer of which group", "…, what is the quote": a question at the end of a sentence.
_ASKED_LAST = re.compile(
    r"(?:^|[,;]\s*)(?:what|which|who|whom|where|when|why|how)\b[^,;]*$|"
    # (not "… 'a formal AI treaty' which sounds off")
    r"\b(?:which|what) (?!(?:sounds?|seems?|is|was|means|makes|looks|feels|appears)\b)[\w'’-]+(?: [\w'’-]+)?\W*$",
    re.IGNORECASE,
)
# "wire says 'silicon valley', article says?": what another source claims, beside a question.
_ELSEWHERE_SAYS = re.compile(
    r"^(?:but |and |so |the |our |a |an )?(?:wire|wires|ap|reuters|afp|bloomberg|copy|draft|reporter|source|agency|"
    r"other (?:story|outlet|piece|article)|tv|cnn|twitter|host|caller|someone|somebody)\b[^?]*?"
    r"\b(?:says|said|has|had|reports|reported|claims|claimed|calls|called|writes|wrote)\b",
    re.IGNORECASE,
)
# "Could you tell me?", "would you be able to tell me": a request whose question is elsewhere.
_REQUEST = re.compile(
    r"\b(?:(?:would|could|can|will) (?:you|u|someone|somebody|anyone|anybody) (?:kindly |please |possibly )?"
    r"(?:be able to |be so kind as to )?"
    r"(?:please )?(?:(?:tell|remind|show|give|let) (?:me|us)(?: know)?(?: of)?|explain|provide(?: (?:me|us))?(?: with)?)|"
    r"please (?:tell|remind) (?:me|us))\b(?: please)?[\s,]*",
    re.IGNORECASE,
)
# "what did that line say?", "what the article says on that point": it points back a sentence.
_POINTS_BACK = re.compile(
    r"\b(?:that|this|those|these) (?:line|lines|point|part|bit|one|thing|claim|detail|statement|quote|sentence|group)\b|"
    # "The White House described what they'd talk about. What phrase did they use?"
    r"^what (?:phrase|words?|term|expression|wording) (?:did|do|does|would) (?:they|he|she|it) (?:use|say|choose|pick)\b|"
    # "wire says Biden called Xi a 'dictator' — is that in our story?"
    r"^(?:is|was|are|were) (?:that|this)\b(?: (?:also|even|actually))? (?:in|true|right|correct|accurate|mentioned|there|confirmed)\b"
    r"(?![^?]*\bor (?:what|which|where|who|when|how)\b)|"  # not "is that right or which city was it near?"
    r"\b(?:say|says|said|mention|mentions|confirm|confirms|report|reports|back up|support) (?:that|this)\W*$|"
    # "… how long they sat down for. Does the article say?"
    r"^(?:and |so )?(?:does|did|do) (?:the|this|your) (?:article|piece|story|report|text) (?:say|tell|mention|know|cover)\W*$|"
    # "… at some big summit in Asia. Which country was that in?"
    r"^(?:which|what|where|when|who)\b[^?]*\b(?:was|were|is) that(?: (?:in|at|from|on|near))?\W*$|"
    # "South China Sea / Philippines - was that raised?", "did that come up at all?"
    r"^(?:is|was|were|are) (?:that|this|it|they) (?:even |ever |also |actually )?(?:raised|discussed|mentioned|covered|"
    r"brought up|talked about|addressed|on the agenda|touched on)(?: at all)?\W*$|"
    r"^(?:did|does) (?:that|this|it) (?:even |ever |also |actually )?come up(?: at all)?\W*$|"
    # "… something about how it was produced? … What does it say?"
    r"^(?:so )?what (?:does|did) (?:it|that|this) (?:actually |exactly )?(?:say|read)\W*$|"
    # "Who told reporters …? Was it Biden himself or someone else?"
    r"^(?:was|is) (?:it|that) [^?]{1,40}\bor (?:someone|somebody|something|anyone) else\W*$",
    re.IGNORECASE,
)


# The request rewritten as the question it makes: "could you tell me the name of the estate?"
# asks "what is the name of the estate?"
_REQUESTED = re.compile(r"what is (?=the |a |an |his |her |their |its )", re.IGNORECASE)


def _plain_request(text: str) -> str:
    """ "Would you kindly remind me what ..." asks "what ..."; "... tell me the name?" asks "what is the name?"."""

    def plain(match: re.Match[str]) -> str:
        after = text[match.end() :]
        if re.match(r"(?:the|a|an|his|her|their|its)\b", after, re.IGNORECASE):
            return "what is "
        return "" if re.match(r"[\w'’]", after) else " "

    return _REQUEST.sub(plain, text)


_EMPTY_REQUEST = frozenset("that this it please again kindly me us you so thanks thank".split())


def _empty_request(sentence: str) -> bool:
    """ "Could you tell me?", "can you tell me that?": a request that asks nothing itself."""
    rest = _REQUEST.sub(" ", sentence)
    return all(w in _EMPTY_REQUEST for w in re.findall(r"[\w'’]+", rest.lower()))


def _phrased_as_question(sentence: str) -> bool:
    """A question word leads it, or it puts a question as a statement ("I'm not sure what …")."""
    return bool(_ASKS.search(sentence) or _INDIRECT.search(sentence))


def _what_for(match: re.Match[str]) -> str:
    """ "blinken's title for the chyron" asks, so it ends in "?"; "Trying to capture the setting for a brief." stays a statement."""
    sentence = re.split(r"(?<=[?!.])\s+", match.string[: match.start()])[-1]
    return "." if _STATEMENT.match(sentence) else "?"


# "Trying to capture the setting ...", "Working on a brief ...": why it is asked, not what
_STATEMENT = re.compile(r"^(?:just |i['’]?m |we['’]?re |i am |we are )?(?:trying|working|writing|putting|prepping|preparing)\b", re.IGNORECASE)


def _asks(sentence: str) -> bool:
    """The sentence asks something of substance: not just "Could you tell me?"."""
    return _phrased_as_question(sentence) and not _empty_request(sentence)


def reads_as_keywords(text: str, most: int = 4) -> bool:
    """A search-box query: a few words and no question word ("mil comms status", "wang yi title")."""
    return len(re.findall(r"[\w'’-]+", text)) <= most and not _phrased_as_question(text)


# "Military, drugs, and I believe something on computers?": a guess at the answer, not a question.
_BELIEVED = re.compile(r"\bi (?:believe|think|recall|reckon|guess)\b|\bif i remember\b", re.IGNORECASE)


def without_guesses(text: str) -> str:
    """The message without the sentences that guess at the answer ("… and I believe something on computers?")."""
    return " ".join(p for p in _SENTENCES.split(text) if p.strip() and (_asks(p) or not _BELIEVED.search(p)))


# "need the venue name for the deck", "want a pull quote", "the actual property name": what is wanted, said again.
_WANTS = re.compile(
    # not why it is asked: "I want to make sure I have it right before the meeting"
    r"(?:i |we )?(?:need|want|looking for|after|searching for|hoping for)\b"
    r"(?! (?:it|this|that|them) for\b)"  # "need it for the venue line": what the answer is for
    r"(?! to (?:make sure|be sure|double[- ]check|check|confirm|verify|get (?:it|this|that) right|avoid|mention|bring|"
    r"use|include|put|share|flag|cite|quote|tell|show|explain)\b)|the\b|(?:its|it's|his|her|their) \w+\W*$",
    re.IGNORECASE,
)


def without_trailing_context(text: str) -> str:
    """The message without the statements after its last question ("what day was it? copy says 'this week'").

    They tell why it is asked, not what; a clarification ("like the actual name") stays.
    """
    sentences = [p for p in re.split(r"(?<=[?!.])\s+", text) if p.strip()]
    last = max((i for i, p in enumerate(sentences) if _asks(p) or p.rstrip().endswith("?")), default=-1)
    if last < 0 or last == len(sentences) - 1:
        return text
    if any(_GUESSING.search(p) or _asks(p) or _WANTS.match(p) or p.startswith("(") for p in sentences[last + 1 :]):
        return text
    return " ".join(sentences[: last + 1])


def question_sentences(text: str) -> str:
    """The sentences of a message that ask something; the whole message if none or all do.

    "which estate was it at? saw a pic with a fancy garden": the second sentence is
    context, and its words say nothing about what the documents must cover.
    """
    sentences = [p for p in _SENTENCES.split(text) if p.strip()]
    # "was it held in DC? if not where roughly": the first question was a guess at the second
    for i, p in enumerate(sentences[1:], start=1):
        otherwise = _IF_NOT.match(p)
        if otherwise and sentences[i - 1].rstrip().endswith("?"):
            return question_sentences(" ".join([*sentences[: i - 1], otherwise.group(1)[0].upper() + otherwise.group(1)[1:]]))
    asking = [
        p
        for i, p in enumerate(sentences)
        if _asks(p)
        or (p.rstrip().endswith("?") and not _GUESSING.match(p) and not _empty_request(p) and not _BELIEVED.search(p))
        or _REPORTED_ASK.search(p)
        or _ENDS_ON_A_BLANK.search(p)
        or (_ASKED_LAST.search(p) and not _GUESSING.search(p))
        or (
            i + 1 < len(sentences)
            and _POINTS_BACK.search(sentences[i + 1])
            and _asks(sentences[i + 1])
            and not _REPORTED_ASK.search(sentences[i + 1])  # "she asks when they met before this one"
        )
    ]
    # "where roughly was it — wire says 'silicon valley', article says?": another source's claim
    if len(asking) > 1 and any(_WH.match(p) for p in asking):
        asking = [p for p in asking if not _ELSEWHERE_SAYS.match(p)] or asking
    # "which news agency took the photo? reuters?": a word or two with a question mark after a
    # question is a guess at its answer, not a second question.
    if len(asking) > 1 and _WH_WORD.search(asking[0]):
        # ("how is the venue described? was it in the city itself": a guess too)
        asking = [asking[0], *(p for p in asking[1:] if not _A_GUESS.match(p) and not _GUESSED_CHECK.match(p))]
    # "was it a downtown venue or what? what kind of place was it": the guess, then the question.
    if len(asking) > 1:
        asking = [p for p in asking if not _GUESSING.search(p)] or asking
    if len(asking) > 1 and any(_WH.match(p) for p in asking):
        asking = [p for p in asking if not _OPTIONS_OFFERED.match(p)] or asking
    # "my book club wondered which group Iran backs, and I said ...": which group Iran backs
    trimmed = [_indirect_part(p) for p in asking]
    return " ".join(trimmed) if asking and (len(asking) < len(sentences) or trimmed != asking) else text


def _indirect_part(sentence: str) -> str:
    found = None if _ASKS.search(sentence) else _INDIRECT.search(sentence)
    if not found:
        return sentence
    return (found.group("asked") or found.group("named")) + ("?" if sentence.rstrip().endswith("?") else ".")


def focus(text: str) -> str:
    """In a long message, the question itself: its last sentence or clause that asks something.

    "... and everyone assumed it'd stay frozen forever, so bottom line for me: are the two
    militaries actually going to talk again or not" asks the part after the colon.
    """
    if len(text.split()) <= LONG_MESSAGE_WORDS:
        return text
    parts = [str(p).strip(" ,") for p in _PARTS.split(text) if len(str(p).split()) >= 3]
    for i in range(len(parts) - 1, -1, -1):
        if i and _GUESSING.search(parts[i]):
            continue  # "… going after under this deal? like is it cartels, shipping, what": a guess
        if _asks(parts[i]):
            # "... a line near the top saying it was machine-made. What exactly did that line say?"
            # "My neighbour asked me where they last met. Would you be able to tell me the country?"
            joined = i and (_POINTS_BACK.search(parts[i]) or (_REQUESTED.match(parts[i]) and _asks(parts[i - 1])))
            return f"{parts[i - 1]} {parts[i]}" if joined else parts[i]
    return text


_FOLLOW_UP = re.compile(
    r"^(?:and|also|but|so|what|how)?\s*(?:what|how)?\s*(?:about|regarding|re)\s+(?P<topic>.+?)\W*$", re.IGNORECASE
)
_PRONOUNS = frozenset("it that this them those these him her they he she".split())
_LEANING = re.compile(r"^(?:and|also|but|what else)\b|\b(?:that|it|they|them|this)\W*$", re.IGNORECASE)


def follow_up(question: str, history: list[str]) -> str:
    """Complete a follow-up question from the one before it in the conversation.

    "what about AI?" after "what was agreed on fentanyl?" becomes "what was agreed on AI?":
    the earlier question's rarest word, its topic, gives way to the new one. A question
    that stands alone is returned unchanged.

    Args:
        question: the cleaned question.
        history: earlier cleaned questions, oldest first.

    Returns:
        The question to answer.
    """
    previous = next((h for h in reversed(history) if h), "")
    if not previous or not question:
        return question
    match = _FOLLOW_UP.match(question)
    if match and len(question.split()) <= 6:
        topic = match.group("topic")
        if topic.lower() in _PRONOUNS:  # "and what about that?": the same question again
            return previous
        return _swap_topic(previous, topic)
    if _LEANING.search(question) and len(question.split()) <= 8:
        return f"{question} ({previous})"
    return question


def _swap_topic(previous: str, topic: str) -> str:
    from index.lexicon import zipf  # word frequencies: the rarest word is the topic
    from index.lexicon import content_words

    candidates = content_words(previous)
    if not candidates:
        return f"{previous} {topic}"
    rarest = min(candidates, key=zipf)
    swapped, count = re.subn(rf"\b{re.escape(rarest)}\b", topic, previous, count=1, flags=re.IGNORECASE)
    return swapped if count else f"{topic} {previous}"


def without_set_aside(question: str) -> str:
    """The question without what it rules out ("besides the deals, what did they commit to?" -> "what did they commit to?")."""
    if match := _SET_ASIDE.search(question):
        return (question[: match.start()] + " " + question[match.end() :].lstrip(",;: ")).strip()
    if match := _SET_ASIDE_AFTER.search(question):
        cut = re.search(rf"[\s,;]*\b{_BESIDES} ", question[: match.start(1)], re.IGNORECASE)
        return question[: cut.start()] if cut else question
    return question


def set_aside(question: str) -> str:
    """What the question rules out of its answer, or "": "the pelosi trip" in "besides the pelosi
    trip, what other incident hurt relations?"."""
    match = _SET_ASIDE.search(question) or _SET_ASIDE_AFTER.search(question)
    return match.group(1).strip() if match else ""


# "where did they meet and what did they agree on fentanyl?": a second question joined by "and"
_AND_ASKS = re.compile(
    r"^(?P<first>(?:what|which|who|where|when|how|why|did|does|do|was|were|is|are)\b[^?]{8,}?)\??,?\s+(?:and|also|plus)\s+"
    r"(?P<second>(?:what|which|who|where|when|how|why)\b[^?]{8,}|(?:did|does|do|was|were|is|are|will) (?:they|he|she|it|there|the|china|biden|xi)\b[^?]{6,})\??$",
    re.IGNORECASE,
)
# "… and what triggered it?", "… and why was she there?": a second question that leans on the first
# ("they" is most often the leaders the documents are about)
_LEANS_ON_FIRST = (_PRONOUNS - {"they"}) | {"his", "hers", "its", "one"}


def two_questions(text: str) -> tuple[str, str] | None:
    """The two questions a message asks, each to answer on its own, or None when it asks one.

    "Where did they meet? And what did they agree on fentanyl?", "who attended and what did they
    agree on AI": two questions. "Where did they meet? Was it a hotel?" checks a guess: one.
    """
    text = text.strip()
    sentences = [p.strip() for p in re.split(r"(?<=\?)\s+", text) if p.strip()]
    if len(sentences) == 2 and all(p.endswith("?") and len(p.split()) >= 3 for p in sentences):
        first, second = sentences
        second_plain = re.sub(r"^(?:and|also|plus)\s+", "", second, flags=re.IGNORECASE)
        # ("…? Was it a hotel?", "…? Were they at a hotel or a palace?": a guess at the first checked)
        guessed = _GUESSED_CHECK.match(second_plain) or _OPTIONS_OFFERED.match(second_plain)
        if _asks(first) and _asks(second_plain) and not guessed and _stands_alone(second_plain):
            return first, second_plain
        return None
    joined = _AND_ASKS.match(text) if len(sentences) == 1 else None
    if joined and _stands_alone(joined.group("second")):
        return joined.group("first").rstrip(" ,") + "?", joined.group("second").rstrip(" ?") + "?"
    return None


def _stands_alone(question: str) -> bool:
    """The question names its own subject: no pronoun pointing back, and a word of substance."""
    from bot.coverage import FRAME_WORDS
    from index.lexicon import content_words

    leaning = any(w.lower() in _LEANS_ON_FIRST for w in re.findall(r"[\w'’]+", question))
    named = [w for w in content_words(question) if w not in FRAME_WORDS and w not in _PRONOUNS]
    return not leaning and not _POINTS_BACK.search(question) and bool(named)


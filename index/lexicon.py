"""Words of the indexed text: tokens, stems, BM25 and typo-tolerant look-up (pure)."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import lru_cache
from typing import Any

import numpy as np
import numpy.typing as npt
import snowballstemmer
from rank_bm25 import BM25Okapi
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)

STOPWORDS = frozenset(
    """a about above after again against all am an and any are aren't as at be because been before being below
    between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down during each
    few for from further had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers herself
    him himself his how how's i i'd i'll i'm i've if in into is isn't it it's its itself let's me more most mustn't
    my myself no nor not of off on once only or other ought our ours ourselves out over own same shan't she she'd
    she'll she's should shouldn't so some such than that that's the their theirs them themselves then there
    there's these they they'd they'll they're they've this those through to too under until up very was wasn't we
    we'd we'll we're we've were weren't what what's when when's where where's which while who who's whom whose why why's
    with won't would wouldn't you you'd you'll you're you've your yours yourself yourselves will shall may might
    must also just s t mr ms mrs dr what'd who'd how'd where'd why'd there'd that'd it'd what'll who'll
    that'll there'll it'll what're who're there're what've who've could've would've should've""".split()
)


UBIQUITOUS_SHARE = 0.2
_FOREIGN_MARKS = re.compile(r"[¿¡]")
_LETTERS = re.compile(r"[^\W\d_]+")
_LATIN = re.compile(r"[A-Za-z\u00C0-\u024F]")
_ACCENTED = re.compile(r"[\u00C0-\u024F]")
# Shared three-word runs for a full phrase match (`Lexicon.phrase_overlap`).
PHRASE_RUNS = 3
# A word in capitals ("AI", "APEC"): an acronym, if the text also spells it out.
_ACRONYM = re.compile(r"\b[A-Z]{2,6}\b")
# A vowel after the first letter: a vowelless short form ("engg", "lvls") has none.
_VOWELS = re.compile(r"[aeiouy]")
# Two to four capitalised words in a row: a name whose initials a reader may type ("SF").
_HYPHENATED = re.compile(r"\b[^\W_]+(?:-[^\W_]+)+\b")
_NAME = re.compile(r"\b[A-Z][a-z]+(?:['’][a-z]+)?(?:\s+[A-Z][a-z]+(?:['’][a-z]+)?){1,3}\b")


# The word frequencies saved with the index (see `frequency_table`), once one is loaded: a query
# then needs no wordfreq import.
_FREQUENCIES: dict[str, float] | None = None


def use_frequencies(table: Mapping[str, float]) -> None:
    """Answer `zipf` from this table (`frequency_table`'s, saved with the index) from now on."""
    global _FREQUENCIES
    _FREQUENCIES = dict(table)
    zipf.cache_clear()
    everyday_words.cache_clear()


# Commoner than this: an everyday word a typo may stand for ("wht": "what", "actualy": "actually").
EVERYDAY_ZIPF = 5.0
# A typo this long is read as any English word at least this common.
LONG_TYPO = 8
LONG_TYPO_ZIPF = 3.5


@lru_cache(maxsize=2)
def everyday_words(floor: float = EVERYDAY_ZIPF) -> tuple[str, ...]:
    """The English words at least this common, commonest first (from the loaded table, else wordfreq's)."""
    table = _FREQUENCIES if _FREQUENCIES is not None else frequency_table()
    return tuple(sorted((w for w, z in table.items() if z >= floor and w.isalpha()), key=lambda w: -table[w]))


def everyday_typo(word: str) -> str | None:
    """The everyday English word a word that is no English word is one slip away from, or None.

    One letter dropped, added, changed or two swapped ("wht", "wich", "actualy", "teh");
    of several, the commonest.
    """
    if len(word) < 3 or not word.isalpha() or zipf(word) >= 3.0:
        return None
    if word.endswith("s") and zipf(word[:-1]) > 0:
        return None  # the plural of a word English has ("payrolls"), no slip
    scorer: Any = OSA.distance
    # a long word has few neighbours one slip away, so less common words are safe to read ("soldeirs")
    # (not a rare word English has: "presser")
    words = everyday_words(LONG_TYPO_ZIPF if len(word) >= LONG_TYPO and zipf(word) == 0 else EVERYDAY_ZIPF)
    match = process.extractOne(word, words, scorer=scorer, score_cutoff=1)
    return str(match[0]) if match else None


def frequency_table() -> dict[str, float]:
    """Every word of wordfreq's small English list with its Zipf frequency, as `zipf` reads them."""
    from wordfreq import get_frequency_dict

    return {w: round(math.log10(f) + 9.0, 2) for w, f in get_frequency_dict("en", wordlist="small").items() if f > 0}


# A word of another language English uses at least this often ("rapport") is taken as foreign only
# beside another foreign word.
ENGLISH_TOO_ZIPF = 3.0
# Languages whose everyday words a question may mix in ("oye bot, ¿what did they agree?").
OTHER_LANGUAGES = ("es", "fr", "de", "it", "pt")
# A word this much more common in one of them than in English, and not common in English, is theirs.
FOREIGN_MARGIN = 1.5
FOREIGN_ZIPF = 4.0


# A function word far more common in one of them ("de", "la", "los", "der"), though English
# lists hold it too; it is theirs only beside another of their words ("el tema del fentanyl").
MIXED_ZIPF = 6.5
MIXED_MARGIN = 2.0
MIXED_LENGTH = 4


def mixed_words(english: Mapping[str, float]) -> list[str]:
    """Function words of `OTHER_LANGUAGES` that English lists hold too ("de", "la", "die"), sorted.

    They are read as another language's only in a question that mixes in another of its words.
    """
    from wordfreq import get_frequency_dict

    found = set()
    for language in OTHER_LANGUAGES:
        for word, frequency in get_frequency_dict(language, wordlist="small").items():
            there = math.log10(frequency) + 9.0
            if there < MIXED_ZIPF:
                break  # the list runs from the most common word down
            if word.isalpha() and len(word) <= MIXED_LENGTH and there >= english.get(word, 0.0) + MIXED_MARGIN:
                found.add(word)
    return sorted(found)


def foreign_words(english: Mapping[str, float]) -> list[str]:
    """Everyday words of `OTHER_LANGUAGES` that English hardly uses ("según", "entonces", "genau").

    Args:
        english: the English frequency table (`frequency_table`).

    Returns:
        The words, sorted.
    """
    from wordfreq import get_frequency_dict

    found = set()
    for language in OTHER_LANGUAGES:
        for word, frequency in get_frequency_dict(language, wordlist="small").items():
            own, there = english.get(word, 0.0), math.log10(frequency) + 9.0
            # A short function word ("el", "en", "la") may be in English lists too; a longer word must
            # not be an everyday English one ("hat", "plus").
            rare_here = own < FOREIGN_ZIPF or (len(word) <= 2 and own < FOREIGN_ZIPF + 1.0)
            if word.isalpha() and there >= FOREIGN_ZIPF and rare_here and there >= own + FOREIGN_MARGIN:
                found.add(word)
    return sorted(found)


def _listed_zipf(word: str) -> float:
    if _FREQUENCIES is not None:
        return _FREQUENCIES.get(word, 0.0)
    from wordfreq import zipf_frequency  # loaded only when a question has a word the documents lack

    return float(zipf_frequency(word, "en", wordlist="small"))


@lru_cache(maxsize=8192)
def zipf(word: str) -> float:
    """How common a word is in everyday English, on the Zipf scale (7: "the", 3: once in a million words).

    From wordfreq's small list, which loads in a tenth of the time of the full one: every
    threshold this project uses is 3 or more, and a rarer word reads as 0 either way.
    An inflected form rarer than that counts as its stem, when that is a word: "soured" is as
    common as "sour".
    """
    found = _listed_zipf(word)
    if found < 3.0 and len(word) > 3 and not word.isdigit():
        base = stem(word)
        if base != word:
            found = max(found, _listed_zipf(base))
    return found


def _is_english(word: str) -> bool:
    return zipf(word) >= 3.0


@lru_cache(maxsize=1)
def _stemmer() -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer("english")


def words(text: str) -> list[str]:
    """Lower-case words of a text, apostrophes normalised and possessive 's removed."""
    found = []
    for match in _WORD.finditer(text.lower().replace("’", "'")):
        word = match.group()
        found.append(word[:-2] if word.endswith("'s") else word)
    return found


def acronyms(texts: Iterable[str]) -> dict[str, str]:
    """Acronyms the texts use, each with the one phrase of the texts that spells it out.

    "AI" finds "artificial intelligence" anywhere in the texts, not only beside it in
    brackets: a phrase of words of three letters or more, none a stopword or in capitals,
    whose initials spell the acronym. An acronym two phrases could spell ("AP": "Asia
    Pacific", "appreciate President") is left out.

    Returns:
        Lower-case acronym to lower-case phrase ("ai": "artificial intelligence").
    """
    texts = list(texts)
    wanted = {m.group().lower() for t in texts for m in _ACRONYM.finditer(t)}
    if not wanted:
        return {}
    longest = max(len(a) for a in wanted)
    spelled: dict[str, set[str]] = {}
    for text in texts:
        run: list[str] = []  # the current run of words that could be part of a phrase
        for match in [*_WORD.finditer(text), None]:
            word = match.group() if match else ""
            if len(word) >= 3 and word.lower() not in STOPWORDS and not word.isupper():
                run.append(word.lower())
                continue
            for start in range(len(run)):
                for end in range(start + 2, min(len(run), start + longest) + 1):
                    initials = "".join(w[0] for w in run[start:end])
                    if initials in wanted:
                        spelled.setdefault(initials, set()).add(" ".join(run[start:end]))
            run = []
    return {a: next(iter(phrases)) for a, phrases in spelled.items() if len(phrases) == 1}


# Words inside a spelled-out phrase that carry no initial: "Line of Actual Control" is LAC.
_CONNECTORS = frozenset({"of", "the", "for"})
LOWER_INITIALS_ZIPF = 4.0  # initials typed in lower case ("sf") this rare in English stand for the name
SPELLED_ZIPF = 3.5  # a typed word commoner than this in English is a word, not an acronym ...
SPELLED_CAPITALS_ZIPF = 4.2  # ... unless typed in capitals ("NSA", "SRs")


def _initial_phrases(texts: Iterable[str]) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """Phrases of two to five words of three letters or more, by their initials.

    A phrase counts when it is written as a name ("Line of Actual Control", where connectors
    may stand inside; "US Forces Japan", where a word in capitals gives all its letters) or
    when it comes back ("special representatives", twice): a phrase met once in running text
    ("country estate outside") is no term anyone abbreviates. Those are returned second, by
    their initials too, phrases of three words or more only: an acronym typed in capitals
    ("MDB") may still stand for one ("multilateral development banks").
    """
    seen: Counter[str] = Counter()
    named_phrases: set[str] = set()
    initials_of: dict[str, str] = {}
    for text in texts:
        written = _WORD.findall(text.replace("-", " "))
        tokens = [w.lower() for w in written]
        # too short to count, unless a word in capitals ("US", "EU")
        short = [(len(w) < 3 or t in STOPWORDS) and not (len(w) >= 2 and w.isupper()) for w, t in zip(written, tokens, strict=True)]
        for start in range(len(tokens)):
            if short[start]:
                continue
            words, end, named = 1, start, written[start][0].isupper()
            for position in range(start + 1, min(len(tokens), start + 9)):
                token = tokens[position]
                if token in _CONNECTORS and named and position <= end + 2:
                    continue
                if short[position] or position > end + 1 and not written[position][0].isupper():
                    break
                words, end, named = words + 1, position, named and written[position][0].isupper()
                phrase = " ".join(tokens[start : end + 1])
                seen[phrase] += 1
                kept = [w for i, w in enumerate(written[start : end + 1], start) if not (tokens[i] in _CONNECTORS and i != start)]
                initials_of[phrase] = "".join(w.lower() if w.isupper() and len(w) <= 3 else w[0].lower() for w in kept)
                if named:
                    named_phrases.add(phrase)
                if words == 5:
                    break
    found: dict[str, set[str]] = {}
    once: dict[str, set[str]] = {}
    for phrase, count in seen.items():
        if count >= 2 or phrase in named_phrases:
            found.setdefault(initials_of[phrase], set()).add(phrase)
        elif len(phrase.split()) >= 3:
            once.setdefault(initials_of[phrase], set()).add(phrase)
    return found, once


def _trigrams(tokens: Sequence[str]) -> list[tuple[str, str, str]]:
    return list(zip(tokens, tokens[1:], tokens[2:], strict=False))


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The Snowball (Porter 2) stem of a lower-case word."""
    return str(_stemmer().stemWord(word))


def content_words(text: str) -> list[str]:
    """Words that carry meaning: not stopwords, not one letter."""
    return [w for w in words(text) if w not in STOPWORDS and (len(w) > 1 or w.isdigit())]


@lru_cache(maxsize=16384)
def term(word: str) -> str:
    """The unit words are matched by: the stem of the word's dictionary form ("met" -> "meet").

    Lemmas come from simplemma's English tables; words under three letters are only
    stemmed ("ai" is not a form of "be").
    """
    if len(word) < 3 or word.isdigit():
        return stem(word)
    import simplemma  # loaded at index build, and at query time only for unmatched words

    return stem(str(simplemma.lemmatize(word, lang="en")).lower())


def terms(text: str) -> list[str]:
    """The terms of a text's content words: what BM25 and coverage checks compare."""
    return [term(w) for w in content_words(text)]


def word_forms(texts: Sequence[str], chunk_terms: Sequence[Sequence[str]], vocabulary: Iterable[str]) -> dict[str, str]:
    """The words whose term is one of the texts' though their stem is not, each with that term.

    "met" -> "meet" when the texts say "meet"; "shot" -> "shoot". Drawn from the texts' own
    words and a vocabulary of everyday English (the frequency table's words).
    """
    stems = {s for t in chunk_terms for s in t}
    found = {}
    for word in {*vocabulary, *(w for t in texts for w in content_words(t))}:
        if word.isdigit() or stem(word) in stems:
            continue
        known = term(word)
        if known in stems:
            found[word] = known
    return found


class Lexicon:
    """What words the indexed text uses, and BM25 over its chunks.

    Args:
        texts: one text per chunk, in FAISS row order.
        chunk_terms: the terms of each text, as `terms` gives them (saved with the index
            so that loading needs no lemmatiser); computed when omitted.
        forms: English words whose dictionary form is one of the texts' terms, with that
            term ("met": "meet"), as `word_forms` gives them (saved with the index so that a
            question needs no lemmatiser either); without them, words are lemmatised.
        foreign: everyday words of other languages (`foreign_words`): a question that mixes
            them in is read by its English words.
        mixed: function words of other languages English lists hold too (`mixed_words`),
            read past only beside another word of another language.
    """

    def __init__(
        self,
        texts: Sequence[str],
        chunk_terms: Sequence[Sequence[str]] | None = None,
        forms: Mapping[str, str] | None = None,
        foreign: Iterable[str] = (),
        mixed: Iterable[str] = (),
    ) -> None:
        tokenised = [list(t) for t in chunk_terms] if chunk_terms is not None else [terms(t) for t in texts]
        self._forms = dict(forms) if forms is not None else None
        self.foreign = frozenset(foreign)
        self.mixed = frozenset(mixed)
        self._text_terms = {t: frozenset(ts) for t, ts in zip(texts, tokenised, strict=True)}
        self._bm25 = BM25Okapi([t or ["\0"] for t in tokenised])
        self.surface_words = sorted({w for t in texts for w in content_words(t)})
        self._surface = frozenset(self.surface_words)
        self.initialisms: dict[str, str] = {
            "".join(w[0] for w in name.split()).lower(): name.lower() for t in texts for name in _NAME.findall(t)
        }
        self.acronyms = acronyms(texts)
        # "mq9b" for "MQ-9B", "reelection" for "re-election": a hyphenated word typed without its hyphens
        self.hyphenated: dict[str, str] = {
            h.replace("-", "").lower(): h for t in texts for h in _HYPHENATED.findall(t)
        }
        self._texts = list(texts)
        self._phrases: tuple[dict[str, set[str]], dict[str, set[str]]] | None = None  # by initials, made on first need
        self.stems = frozenset(s for t in tokenised for s in t)
        # One pass over the chunks: a scan per term made loading slow on large corpora.
        self.document_frequency = Counter(s for t in tokenised for s in set(t))
        self.chunk_count = len(texts)
        # Terms in a fifth of all chunks or more: the subject itself (the leaders), which says
        # nothing about which passage answers.
        floor = max(3, UBIQUITOUS_SHARE * len(texts))
        self.ubiquitous = frozenset(s for s, df in self.document_frequency.items() if df >= floor)
        self._trigrams = [set(_trigrams(words(t))) for t in texts]

    def known_term(self, word: str) -> str | None:
        """The indexed term a lower-case word matches, by stem or by dictionary form, or None."""
        stemmed = stem(word)
        if stemmed in self.stems:
            return stemmed
        if self._forms is not None:
            return self._forms.get(word)
        lemma = term(word)
        return lemma if lemma in self.stems else None

    def in_english(self, question: str, other_scripts: bool = True) -> str:
        """The question without the other languages' words the documents don't use ("oye bot, ¿what …?").

        A question with no English words left is returned as it is. With `other_scripts`
        False, words in a script the documents don't write stay ("did 彭丽媛 come?": her name
        is what is asked about).
        """
        def strictly_foreign(word: str) -> bool:
            if not _LATIN.search(word):  # "what about AI 人工智能?": a script the documents don't write
                return other_scripts and word.lower() not in self._surface
            # ("ballon": a typo; "rapport": English has it too, so it goes only among others' words)
            lower = word.lower()
            return lower in self.foreign and self.correct(lower) is None and zipf(lower) < ENGLISH_TOO_ZIPF

        def mixed_in(word: str) -> bool:
            """ "de", "la"; or "cortó", "asistió": accented words the documents don't use."""
            lower = word.lower()
            if lower not in self.mixed and lower not in self.foreign and not _ACCENTED.search(lower):
                return False
            return lower not in self._surface and self.correct(lower) is None

        strict = {w for w in _LETTERS.findall(question) if strictly_foreign(w)}
        mixed = {w for w in _LETTERS.findall(question) if w not in strict and mixed_in(w)}
        marked = _FOREIGN_MARKS.search(question) is not None
        # "por qué china cortó los military contacts": two of another language's words at least
        foreign = strict | mixed if marked or len(strict) + len(mixed) >= 2 else strict
        if not marked and not foreign:
            return question
        kept = _LETTERS.sub(lambda m: "" if m.group() in foreign else m.group(), _FOREIGN_MARKS.sub(" ", question))
        kept = re.sub(r"\s+([,;:?!.])", r"\1", re.sub(r"\s+", " ", kept)).strip(" ,;:").lstrip("?!. ")
        return kept if content_words(kept) else question

    def terms_of(self, text: str) -> frozenset[str]:
        """The terms of one of the texts (or, for another text, as `terms` gives them)."""
        found = self._text_terms.get(text)
        return found if found is not None else frozenset(terms(text))

    def correct(self, word: str) -> str | None:
        """The indexed word a possibly misspelt word stands for, if any.

        Args:
            word: a lower-case content word from a question.

        Returns:
            The word itself when the documents use it (in any form), the indexed word it
            is a typo of, or None.
        """
        if self.known_term(word):
            return word
        if len(word) < 4 or word.isdigit() or _is_english(word):
            return None  # a real word the documents don't use is not a typo of one they do
        cutoff = 88 if len(word) < 7 else 82
        match = process.extractOne(word, self.surface_words, scorer=fuzz.ratio, score_cutoff=cutoff)
        if match:
            return str(match[0])
        if skeleton := self._skeleton_of(word):
            return skeleton
        # Two letters swapped ("tiawan") cost one edit, not two.
        scorer: Any = OSA.distance  # a distance: lower is better, which extractOne knows
        swapped = process.extractOne(word, self.surface_words, scorer=scorer, score_cutoff=1 if len(word) < 7 else 2)
        return str(swapped[0]) if swapped else None

    def _skeleton_of(self, word: str) -> str | None:
        """The one word of the documents whose letters a vowelless short form keeps, first and last among them ("engg", "lvls")."""
        if not (4 <= len(word) <= 5 and word.isalpha() and not _VOWELS.search(word[1:])):
            return None  # ("wht", "eld": too short to say which word)
        letters = re.compile(".*?".join(map(re.escape, word)))
        # (the first and the last letter kept, as a short form keeps them: "mgmt", "bldg")
        found = {w for w in self.surface_words if w[0] == word[0] and w[-1] == word[-1] and len(w) > len(word) and letters.match(w)}
        stems = {stem(w) for w in found}
        return min(found, key=len) if len(stems) == 1 else None

    def spans_of(self, text: str, wanted: Callable[[str], bool]) -> list[tuple[int, int]]:
        """Character spans of the words of `text` (lower-cased) for which `wanted` is true."""
        return [m.span() for m in _WORD.finditer(text) if wanted(m.group().lower().replace("’", "'"))]

    def corrected(self, question: str) -> str:
        """The question with misspelt words and initials typed in capitals replaced by what they stand for."""

        def fix(match: re.Match[str]) -> str:
            word = match.group()
            lower = word.lower()
            if lower in self.hyphenated and stem(lower) not in self.stems:
                return self.hyphenated[lower]
            # "SF": San Francisco, "WH": White House; "sf" too, not being a word ("la", "dc" are)
            lowered_initials = len(lower) <= 3 and zipf(lower) < LOWER_INITIALS_ZIPF
            if (word.isupper() or lowered_initials) and lower in self.initialisms and lower not in self.stems:
                return self.initialisms[lower].title()
            if lower not in STOPWORDS and stem(lower) not in self.stems and (phrase := self.spelled_out(lower, word.rstrip("s").isupper())):
                return phrase  # "SRs": the special representatives, "LAC": the line of actual control
            if lower in STOPWORDS or len(lower) < 3 or stem(lower) in self.stems or lower in self.initialisms:
                return word
            fixed = self.correct(lower) if len(lower) >= 4 else None
            if fixed or any(w.startswith(lower) for w in self.surface_words):
                return fixed or word  # "fent": a short form of a word the documents use, no typo
            return everyday_typo(lower) or word

        return _WORD.sub(fix, self._joined(question))

    def spelled_out(self, word: str, capitals: bool = False) -> str | None:
        """The one phrase of the texts whose initials a short unknown word spells ("lac": "line of actual control").

        Made for the acronyms a reader types that the texts never write ("SRs" for "special
        representatives"); "of", "the", "for" inside a name carry no initial. None for a word
        English uses on its own, or when no phrase, or more than one, fits.
        """
        base = word[:-1] if word.endswith("s") and len(word) >= 3 else word
        common = max(zipf(word), zipf(base))
        if not (2 <= len(base) <= 5 and base.isalpha() and common < (SPELLED_CAPITALS_ZIPF if capitals else SPELLED_ZIPF)):
            return None
        if self._phrases is None:
            self._phrases = _initial_phrases(self._texts)
        named, once = self._phrases
        found = named.get(base, set()) or (once.get(base, set()) if capitals else set())
        return next(iter(found)) if len(found) == 1 else None

    def _joined(self, question: str) -> str:
        """ "fen tan yl": a word of the documents typed in pieces, put back together."""
        pieces = re.findall(r"[A-Za-z]+|[^A-Za-z]+", question)
        out: list[str] = []
        i = 0
        while i < len(pieces):
            for size in (3, 2):
                run = pieces[i : i + 2 * size - 1]  # words and the single spaces between them
                words = run[::2]
                if (
                    len(run) == 2 * size - 1
                    and all(sep == " " for sep in run[1::2])
                    and all(w.isalpha() and len(w) <= 5 for w in words)
                    and len("".join(words)) >= 6
                    and "".join(words).lower() in self._surface
                ):
                    out.append("".join(words))
                    i += len(run)
                    break
            else:
                out.append(pieces[i])
                i += 1
        return "".join(out)

    def expanded(self, question: str) -> str:
        """The question with each acronym the texts spell out followed by its phrase, and the reverse.

        "anything on AI?" becomes "anything on AI (artificial intelligence)?", so that a
        passage that only spells it out is found too. An acronym that is also a common word
        ("US", "IT", "WHO") counts only when typed in capitals.
        """
        lowered = question.lower()
        for acronym, phrase in self.acronyms.items():
            short = re.search(rf"\b{acronym}\b", question, re.IGNORECASE)
            if short and short.group() != acronym.upper() and (acronym in STOPWORDS or zipf(acronym) >= 5.0):
                short = re.search(rf"\b{acronym.upper()}\b", question)
            long = re.search(rf"\b{re.escape(phrase)}\b", lowered)
            if short and not long:
                question = f"{question[: short.end()]} ({phrase}){question[short.end():]}"
            elif long and not short:
                question = f"{question[: long.end()]} ({acronym.upper()}){question[long.end():]}"
            lowered = question.lower()
        return question

    def query_terms(self, question: str) -> list[str]:
        """Terms of a question's content words, each matched by stem, dictionary form or typo fix."""
        found = []
        for word in content_words(question):
            known = self.known_term(word)
            if known is None:
                corrected = self.correct(word)
                known = self.known_term(corrected) if corrected else None
            found.append(known or stem(word))
            # "who is Iran backing?" finds "a backer of Hamas"; "who buys" finds "a buyer".
            agents = [stem(found[-1] + end) for end in ("er", "r")] if len(found[-1]) >= 3 else []
            found.extend(next(([a] for a in agents if a in self.stems), []))
        return found

    def phrase_overlap(self, question: str) -> npt.NDArray[np.float32]:
        """Per chunk, 0..1: how many of the question's three-word runs it repeats.

        A run counts when two of its words carry meaning and are not the documents' ubiquitous
        subject ("Biden and Xi" echoes nothing). One shared run scores a third; a run of five
        words (three runs) or more scores 1.
        """
        wanted = {
            g
            for g in _trigrams(words(question))
            if sum(w not in STOPWORDS and self.known_term(w) not in self.ubiquitous for w in g) >= 2
        }
        shared = [len(wanted & grams) for grams in self._trigrams] if wanted else [0] * self.chunk_count
        return np.minimum(np.asarray(shared, dtype=np.float32) / PHRASE_RUNS, 1.0)

    def bm25(self, query_terms: Iterable[str]) -> npt.NDArray[np.float64]:
        """BM25 score of every chunk for the given terms, scaled by the best a chunk could score.

        Dividing by the summed IDF of the query's terms makes 1.0 mean "has every
        term", whatever the query, so a lone common word can't look like a full match.
        """
        wanted = list(dict.fromkeys(query_terms))
        known = [t for t in wanted if t in self.stems]
        if not known:
            return np.zeros(self.chunk_count)
        # A term no chunk has counts as the rarest kind: a chunk "misses" it fully.
        rarest = max(self._bm25.idf.values())
        ceiling = sum(max(self._bm25.idf.get(t, rarest), 1e-6) for t in wanted)
        scores = np.asarray(self._bm25.get_scores(known), dtype=np.float64)
        scaled: npt.NDArray[np.float64] = np.minimum(scores / ceiling, 1.0)
        return scaled

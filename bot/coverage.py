"""Which words of a question the documents never use: the basis of an honest "it doesn't say" (pure)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Protocol

from index.lexicon import content_words

# Words that frame a question rather than name its subject: their absence from the
# documents says nothing about whether the documents answer it.
FRAME_WORDS = frozenset(
    """tell know say says said saying talk talked talking discuss discussed discussion mention mentioned mentions
    happen happened happening article articles story news report reported piece text document documents doc docs
    source sources thing things anything something everything stuff part parts detail details info information
    point points topic topics subject subjects matter matters issue issues aspect question questions answer
    explain describe give get got make made take took put want wanted need needed think thought like find found
    main key important big biggest major exactly really actually basically specifically kind sort lot lots
    bot summitbot hey hi hello please thanks thank ok okay yes yeah yep whether else also even still ever
    name named called call happened regarding regard concerning re related relate relating respect
    much many long old often way ways reason reasons purpose result results outcome outcomes come came
    anyone someone everyone anybody somebody people person one ones two meet meeting met summit talks
    leader leaders side sides both either each other others any all whole entire there here now then
    today yesterday week year years month time times day days mr ms""".split()
)

# Words more common than this (Zipf scale) are too general to be the subject a
# question hinges on ("good", "new"); rarer ones ("tariffs", "Ukraine") are.
COMMON_ZIPF = 5.6


class Vocabulary(Protocol):
    """What the documents' words are; `Lexicon` provides it."""

    def correct(self, word: str) -> str | None:
        """The indexed word this word stands for, typos forgiven, or None."""
        ...


@lru_cache(maxsize=4096)
def _zipf(word: str) -> float:
    from wordfreq import zipf_frequency  # loaded only when a word is unknown

    return float(zipf_frequency(word, "en"))


def unknown_words(question: str, vocabulary: Vocabulary) -> list[str]:
    """Words of the question that the documents never use (typos forgiven).

    Args:
        question: the cleaned question.
        vocabulary: the documents' words.

    Returns:
        The unknown content words, in question order, frame words left out.
    """
    found: list[str] = []
    for word in content_words(question):
        if word in FRAME_WORDS or word in found or word.isdigit():
            continue
        if vocabulary.correct(word) is None:
            found.append(word)
    return found


def specific_words(words: Sequence[str]) -> list[str]:
    """Those of `words` rare enough in everyday English to be what a question is about."""
    return [w for w in words if _zipf(w) < COMMON_ZIPF]

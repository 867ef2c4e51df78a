"""Name what a set of documents is about, as short phrases (pure, but for word frequencies)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from index.chunk import Chunk
from index.lexicon import STOPWORDS, words

_GENERIC = frozenset(
    "said says told added according two one first last year years week month months time new major leaders leader "
    "president minister secretary official officials country countries meeting meet met talks talk issue issues "
    "ways way back made make makes going also updated powered automated translation well agreed agree "
    "agreement discuss discussed vow vows deal deals".split()
)


def _phrases(text: str) -> list[str]:
    """Runs of one to three meaningful words, split at stopwords and generic words."""
    found: list[str] = []
    run: list[str] = []
    for word in [*words(text), ""]:
        if word and word not in STOPWORDS and word not in _GENERIC and not word.isdigit() and len(word) > 1:
            run.append(word)
            continue
        for size in (1, 2, 3):
            found.extend(" ".join(run[i : i + size]) for i in range(len(run) - size + 1))
        run = []
    return found


def _rarity(phrase: str) -> float:
    from wordfreq import zipf_frequency  # only index builds name topics

    total = sum(max(0.5, 7.0 - float(zipf_frequency(word, "en"))) for word in phrase.split())
    return float(total / len(phrase.split()) ** 0.5)


def find_topics(chunks: Sequence[Chunk], limit: int = 8) -> list[str]:
    """The phrases a reader would say the documents cover, most telling first.

    A phrase scores by how often it occurs, how rare its words are in everyday
    English, and whether a headline uses it; phrases inside a chosen one are skipped.

    Args:
        chunks: every chunk of every document.
        limit: how many phrases to return.

    Returns:
        Up to `limit` lower-case phrases.
    """
    counts: Counter[str] = Counter()
    for chunk in chunks:
        weight = 2 if chunk.paragraph == 1 else 1
        for phrase in set(_phrases(chunk.text)):
            counts[phrase] += weight
    # A phrase in a quarter of all sentences is the subject itself (the leaders), not a topic;
    # nor is a phrase naming them ("joe biden").
    everywhere = max(3, len(chunks) // 4)
    subject = {p for p in counts if " " not in p and counts[p] > everywhere}
    # "jinping" only ever stands beside "xi": it is part of the subject's name.
    for phrase in [p for p in counts if p.count(" ") == 1 and subject & set(p.split())]:
        subject.update(w for w in phrase.split() if counts[w] == counts[phrase])
    ranked = sorted(counts, key=lambda p: (-(min(counts[p], everywhere) * _rarity(p)), p))
    chosen: list[str] = []
    for phrase in ranked:
        if counts[phrase] < 2 or counts[phrase] > everywhere or subject & set(phrase.split()):
            continue
        if " " not in phrase and phrase.endswith(("ed", "ing", "ly")):
            continue  # a lone verb or adverb ("strained") names no topic
        if phrase.count(" ") == 2 and counts[phrase] < 3:
            continue  # a three-word phrase must recur to be a topic, not a headline's run of words
        if any(set(phrase.split()) & set(other.split()) for other in chosen):
            continue  # already named, in other words
        chosen.append(phrase)
        if len(chosen) == limit:
            break
    return chosen

"""`Index`: dense (FAISS) and keyword (BM25) scores for a query over every chunk."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from index.chunk import Chunk, leans_back
from index.embed import Embedder, TokenVectors
from index.lexicon import UBIQUITOUS_SHARE, Lexicon, use_frequencies
from index.store import StoredIndex

Scores = npt.NDArray[np.float32]

# How much keyword overlap adds to cosine similarity when ranking hits.
LEXICAL_WEIGHT = 0.3
# A sentence matched only through the sentence before it counts for a little less.
CONTEXT_DISCOUNT = 0.06
# A sentence holding a name of several words that the question names ("the White House")
# ranks this much higher: the model hardly tells such names apart ("the US President").
NAME_BONUS = 0.1
# A sentence sharing a run of the question's words ("first face-to-face talks in a year") ranks
# up to this much higher: the question quotes or echoes it.
PHRASE_BONUS = 0.2
# A sentence holding the documents' closest word to one the question uses but they lack ("leverage"
# for "sway") ranks up to this much higher: a keyword match in other words.
PARAPHRASE_BONUS = 0.1


@dataclass(frozen=True)
class Hit:
    """A chunk found for a query: fused `score`, cosine `dense`, BM25 scaled to 0..1 `lexical`."""

    row: int
    chunk: Chunk
    score: float
    dense: float
    lexical: float


@dataclass(frozen=True)
class QueryScores:
    """Per-row scores of one query; row i is chunk i."""

    sentence: Scores  # cosine with the chunk alone
    context: Scores  # cosine with the chunk and the sentence before it
    lexical: Scores  # BM25 over the most a row could score: 1 = every known query term
    query_terms: list[str]
    leaning: npt.NDArray[np.bool_]  # rows whose sentence needs the one before it
    named: Scores  # 1 where the row holds a several-word name the question names, else 0
    phrase: Scores  # 0..1: how long a run of the question's words the row repeats
    paraphrase: Scores | None = None  # 0..1: how close a word of the row is to a question word the documents lack

    @property
    def dense(self) -> Scores:
        """Cosine per row; a sentence that leans on the one before may borrow its context, slightly discounted."""
        return np.where(self.leaning, np.maximum(self.sentence, self.context - CONTEXT_DISCOUNT), self.sentence)

    @property
    def fused(self) -> Scores:
        """The ranking score: cosine plus a share of keyword overlap and of shared names."""
        fused: Scores = self.dense + LEXICAL_WEIGHT * self.lexical + NAME_BONUS * self.named + PHRASE_BONUS * self.phrase
        if self.paraphrase is not None:
            fused = fused + PARAPHRASE_BONUS * self.paraphrase
        return fused


def _all_scores(flat: Any, query: npt.NDArray[np.float32]) -> Scores:
    distances, rows = flat.search(query, flat.ntotal)
    scores = np.zeros(flat.ntotal, dtype=np.float32)
    valid = rows[0] >= 0
    scores[rows[0][valid]] = distances[0][valid]
    return scores


class Index:
    """A loaded index with the embedder that built it.

    Args:
        stored: the vectors, chunks and manifest from disk.
        embedder: the same model the index was built with.
    """

    def __init__(self, stored: StoredIndex, embedder: Embedder) -> None:
        self.manifest = stored.manifest
        self.folder = stored.folder
        self.chunks: Sequence[Chunk] = stored.chunks
        self.topics: list[str] = list(stored.manifest.get("topics", []))
        self.embedder = embedder
        self.lexicon = Lexicon([c.text for c in stored.chunks], stored.terms, stored.forms, stored.foreign, stored.mixed)
        use_frequencies(stored.frequencies)
        self._leaning = np.array([leans_back(c.text) for c in stored.chunks], dtype=bool)
        self._lowered = [c.text.lower() for c in stored.chunks]
        self._names = sorted({n for n in self.lexicon.initialisms.values() if " " in n})
        self._sentences = stored.sentences
        self._contexts = stored.contexts
        self._words = stored.words

    def embed_query(self, query: str) -> npt.NDArray[np.float32]:
        """The query's unit vector, shaped (1, dimension)."""
        return self.embedder.embed([query])

    def embed_tokens(self, text: str) -> TokenVectors:
        """The query's token vectors, to pool over subsets of its words (one model pass)."""
        return self.embedder.embed_tokens(text)

    def cosines(self, vector: npt.NDArray[np.float32]) -> tuple[Scores, Scores]:
        """Cosine of a (1, dimension) vector with every row: (sentence alone, with its context)."""
        return _all_scores(self._sentences, vector), _all_scores(self._contexts, vector)

    def closest_words(self, words: npt.NDArray[np.float32], k: int = 1) -> tuple[Scores, npt.NDArray[np.int64]]:
        """For each (unit) word vector, the cosines of its k closest words of the documents, best first, and their rows.

        A word the documents never use but paraphrase ("hotline" for "communications") still
        finds a close token; a subject they never touch ("pandas") does not. "Why does Beijing
        have sway over Tehran?": "sway" is closest to "leverage", in the sentence saying why.

        Returns:
            Two (words, k) arrays; a row of -1 where the documents have fewer than k words.
        """
        if not len(words) or not self._words.ntotal:
            return np.zeros((len(words), k), dtype=np.float32), np.full((len(words), k), -1, dtype=np.int64)
        distances, rows = self._words.search(np.ascontiguousarray(words, dtype=np.float32), k)
        return distances.astype(np.float32), rows.astype(np.int64)

    def dense(self, vector: npt.NDArray[np.float32]) -> Scores:
        """Cosine of a (1, dimension) vector with every row, as `QueryScores.dense` counts it."""
        sentence = _all_scores(self._sentences, vector)
        context = _all_scores(self._contexts, vector) - CONTEXT_DISCOUNT
        return np.where(self._leaning, np.maximum(sentence, context), sentence)

    def score(self, query: str, vector: npt.NDArray[np.float32] | None = None) -> QueryScores:
        """Score every chunk against a query.

        Args:
            query: the question text.
            vector: its embedding, if already computed.

        Returns:
            Dense and keyword scores for every row.
        """
        vector = self.embed_query(query) if vector is None else vector
        query_terms = self.lexicon.query_terms(query)
        lexical = self.lexicon.bm25(query_terms).astype(np.float32)
        return QueryScores(
            _all_scores(self._sentences, vector),
            _all_scores(self._contexts, vector),
            lexical,
            query_terms,
            self._leaning,
            self.named_rows(query),
            self.lexicon.phrase_overlap(query),
        )

    def named_rows(self, query: str) -> Scores:
        """1 for each row holding a several-word name the query names, unless such rows are everywhere.

        Args:
            query: the question text.

        Returns:
            A 0/1 score per row.
        """
        lowered = query.lower()
        names = [n for n in self._names if n in lowered]
        rows = np.array([any(n in text for n in names) for text in self._lowered], dtype=np.float32)
        if not names or rows.sum() >= max(3.0, UBIQUITOUS_SHARE * len(rows)):
            return np.zeros(len(self._lowered), dtype=np.float32)  # "Joe Biden" names nothing in particular
        return rows

    def search(self, query: str, k: int = 5) -> list[Hit]:
        """The k best chunks for a query, by fused score.

        Args:
            query: the question text.
            k: how many hits.

        Returns:
            Hits, best first.
        """
        scores = self.score(query)
        fused, dense = scores.fused, scores.dense
        rows = np.argsort(-fused, kind="stable")[:k]
        return [
            Hit(int(r), self.chunks[int(r)], float(fused[r]), float(dense[r]), float(scores.lexical[r])) for r in rows
        ]

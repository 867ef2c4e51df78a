"""Build an index from article files, and tell whether the one on disk is still current."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from index.chunk import Chunk, chunk_document
from index.embed import Embedder, Vectors, unit_rows
from index.ingest import document_hashes, find_documents, read_document
from index.lexicon import STOPWORDS, foreign_words, frequency_table, mixed_words, terms, word_forms
from index.search import Index
from index.store import IndexDamaged, IndexNotFound, IndexOutdated, load_stored, read_manifest, save_index
from index.topics import find_topics

Progress = Callable[[int, int], None]
BATCH = 64
_CONTENT = re.compile(r"[^\W_]", re.UNICODE)


@dataclass(frozen=True)
class IndexStatus:
    """Whether the index on disk matches the documents and model asked for, and why not."""

    current: bool
    reason: str


def _context_texts(chunks: list[Chunk]) -> list[str]:
    """Each chunk with the sentence before it in the same document, so pronouns carry meaning."""
    texts = []
    for i, chunk in enumerate(chunks):
        before = chunks[i - 1] if i and chunks[i - 1].source == chunk.source else None
        texts.append(f"{before.text} {chunk.text}" if before else f"{chunk.title}. {chunk.text}")
    return texts


def _embed_batched(embedder: Embedder, texts: list[str], progress: Progress | None, done: int, total: int) -> Vectors:
    parts = []
    for start in range(0, len(texts), BATCH):
        parts.append(embedder.embed(texts[start : start + BATCH]))
        if progress:
            progress(done + min(start + BATCH, len(texts)), total)
    return np.vstack(parts) if parts else np.zeros((0, embedder.dimension), dtype=np.float32)


def _word_vectors(
    embedder: Embedder, texts: list[str], progress: Progress | None, done: int, total: int
) -> tuple[Vectors, npt.NDArray[np.int64]]:
    """The unit vector of every content token of the texts, in context: what the documents' words mean.

    Returns:
        The vectors, and the row (text) each comes from.
    """
    parts = []
    rows = []
    for start in range(0, len(texts), BATCH):
        batch = texts[start : start + BATCH]
        for row, (text, tokens) in enumerate(zip(batch, embedder.embed_tokens_batch(batch), strict=True), start):
            keep = [
                i
                for i, (a, b) in enumerate(tokens.spans)
                if b > a and _CONTENT.search(text[a:b]) and text[a:b].lower() not in STOPWORDS
            ]
            parts.append(unit_rows(tokens.vectors[keep]))
            rows.append(np.full(len(keep), row, dtype=np.int64))
        if progress:
            progress(done + min(start + BATCH, len(texts)), total)
    if not parts:
        return np.zeros((0, embedder.dimension), dtype=np.float32), np.zeros(0, dtype=np.int64)
    return np.vstack(parts), np.concatenate(rows)


def build_index(
    paths: list[Path], embedder: Embedder, root: Path, model_id: str, progress: Progress | None = None
) -> Index:
    """Read, chunk and embed the documents, save the index atomically and return it loaded.

    Args:
        paths: article files or folders.
        embedder: the model to embed with.
        root: the index folder.
        model_id: identifies the model (see `model_fingerprint`), to detect a change later.
        progress: called with (texts embedded, texts in all) as work goes on.

    Returns:
        The new index.
    """
    files = find_documents(paths)
    documents = [read_document(f) for f in files]
    chunks = [c for d in documents for c in chunk_document(d)]
    texts = [c.text for c in chunks]
    total = 3 * len(texts)
    if progress:
        progress(0, total)  # the documents are readable: the work starts
    sentences = _embed_batched(embedder, texts, progress, 0, total)
    contexts = _embed_batched(embedder, _context_texts(chunks), progress, len(texts), total)
    words, word_rows = _word_vectors(embedder, texts, progress, 2 * len(texts), total)
    manifest = {
        "model": embedder.name,
        "model_id": model_id,
        "dimension": embedder.dimension,
        "built_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "documents": [
            {
                "source": d.source,
                "path": d.path,
                "title": d.title,
                "sha256": d.sha256,
                "chunks": sum(1 for c in chunks if c.source == d.source),
            }
            for d in documents
        ],
        "inputs": [str(p.resolve()) for p in paths],
        "topics": find_topics(chunks),
    }
    chunk_terms = [terms(c.text) for c in chunks]
    frequencies = frequency_table()
    lexicon = {
        "frequencies": frequencies,
        "forms": word_forms(texts, chunk_terms, frequencies),
        "foreign": foreign_words(frequencies),
        "mixed": mixed_words(frequencies),
    }
    save_index(root, manifest, chunks, sentences, contexts, chunk_terms, words, lexicon, word_rows)
    return Index(load_stored(root), embedder)


def index_status(root: Path, paths: list[Path], model_id: str) -> IndexStatus:
    """Tell whether the saved index was built from these very files and this model.

    Args:
        root: the index folder.
        paths: article files or folders the index should hold.
        model_id: the model's fingerprint.

    Returns:
        current=True when nothing changed; otherwise the reason to rebuild.
    """
    try:
        manifest = read_manifest(root)
    except IndexNotFound:
        return IndexStatus(False, "no index yet")
    except IndexOutdated:
        return IndexStatus(False, "the index was built by another version")
    except IndexDamaged:
        return IndexStatus(False, "the index on disk was damaged")
    if manifest.get("model_id") != model_id:
        return IndexStatus(False, "the model changed")
    wanted = document_hashes(find_documents(paths))
    built = {d["path"]: d["sha256"] for d in manifest.get("documents", [])}
    if wanted != built:
        return IndexStatus(False, "the documents changed")
    return IndexStatus(True, "up to date")


def load_index(root: Path, embedder: Embedder) -> Index:
    """Load the current index from disk.

    Args:
        root: the index folder.
        embedder: the model the index was built with.

    Returns:
        The index, ready to search.
    """
    return Index(load_stored(root), embedder)

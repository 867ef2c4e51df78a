"""Save and load one index: FAISS vectors, chunks.jsonl beside them, and a manifest.

Layout under the state folder::

    index/current -> builds/<id>      (a symlink, swapped atomically)
    index/builds/<id>/manifest.json
    index/builds/<id>/chunks.jsonl     (line i = FAISS row i)
    index/builds/<id>/sentences.faiss  (each chunk alone)
    index/builds/<id>/contexts.faiss   (each chunk with the sentence before it)
    index/builds/<id>/words.faiss      (each content token of the documents, in context)
    index/builds/<id>/terms.jsonl      (line i = the lemmatised, stemmed terms of chunk i)
    index/builds/<id>/lexicon.json     (word frequencies, word forms and other languages' everyday
                                        words, so a question needs neither wordfreq nor the lemmatiser)

A build is written to a new folder and only then made current, so a crash mid-build
leaves the last good index in place.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import faiss
import numpy as np
import numpy.typing as npt

from index.chunk import Chunk
from index.embed import Vectors

FORMAT = 6


class IndexNotFound(Exception):
    """No usable index exists yet; the message says how to build one."""


class IndexDamaged(Exception):
    """The index on disk is unreadable or incomplete; the message says how to rebuild it."""


class IndexOutdated(IndexDamaged):
    """The index on disk was written by another version of summitbot."""


@dataclass(frozen=True)
class StoredIndex:
    """Everything one build saved."""

    folder: Path
    manifest: dict[str, Any]
    chunks: list[Chunk]
    terms: list[list[str]]
    sentences: Any  # faiss.IndexFlatIP
    contexts: Any
    words: Any  # every content token of the documents, in context, with its chunk row as id
    frequencies: dict[str, float]  # everyday English words' Zipf frequencies
    forms: dict[str, str]  # words whose dictionary form is a term of the documents, with that term
    foreign: list[str]  # everyday words of other languages
    mixed: list[str]  # their function words that English lists hold too ("de", "la")


def _flat_index(vectors: Vectors) -> Any:
    flat = faiss.IndexFlatIP(vectors.shape[1])
    flat.add(vectors)
    return flat


def save_index(
    root: Path,
    manifest: dict[str, Any],
    chunks: list[Chunk],
    sentences: Vectors,
    contexts: Vectors,
    terms: list[list[str]],
    words: Vectors,
    lexicon: dict[str, Any],
    word_rows: npt.NDArray[np.int64],
) -> Path:
    """Write a build and make it current atomically.

    Args:
        root: the index folder (`$SUMMITBOT_HOME/index`).
        manifest: model, dimension, documents and other facts of the build.
        chunks: the chunks, in row order.
        sentences: one unit vector per chunk.
        contexts: one unit vector per chunk, embedded with the sentence before it.
        terms: the keyword terms of each chunk.
        words: a unit vector per content token of the documents, in context.
        lexicon: {"frequencies": ..., "forms": ..., "foreign": ..., "mixed": ...}, the word tables a question needs.
        word_rows: the chunk row of each of `words`: a close word points to its sentence.

    Returns:
        The folder of the new build.
    """
    builds = root / "builds"
    builds.mkdir(parents=True, exist_ok=True)
    build_id = f"{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}-{time.monotonic_ns() % 1_000_000}"
    staging = builds / f".{build_id}.partial"
    staging.mkdir()
    faiss.write_index(_flat_index(sentences), str(staging / "sentences.faiss"))
    faiss.write_index(_flat_index(contexts), str(staging / "contexts.faiss"))
    word_index = faiss.IndexIDMap2(faiss.IndexFlatIP(words.shape[1]))
    word_index.add_with_ids(words, word_rows)
    faiss.write_index(word_index, str(staging / "words.faiss"))
    with open(staging / "chunks.jsonl", "w", encoding="utf-8") as out:
        for chunk in chunks:
            out.write(json.dumps(asdict(chunk), ensure_ascii=False) + "\n")
    with open(staging / "terms.jsonl", "w", encoding="utf-8") as out:
        for chunk_terms in terms:
            out.write(json.dumps(chunk_terms, ensure_ascii=False) + "\n")
    (staging / "lexicon.json").write_text(json.dumps(lexicon, ensure_ascii=False), encoding="utf-8")
    manifest = {**manifest, "format": FORMAT, "chunks": len(chunks)}
    (staging / "manifest.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False), encoding="utf-8")
    final = builds / build_id
    staging.rename(final)
    link = root / f".current.{build_id}"
    link.symlink_to(Path("builds") / build_id)
    os.replace(link, root / "current")  # the atomic switch
    _remove_old_builds(builds, keep=final)
    return final


def _remove_old_builds(builds: Path, keep: Path) -> None:
    for folder in builds.iterdir():
        if folder != keep:
            shutil.rmtree(folder, ignore_errors=True)


def read_manifest(root: Path) -> dict[str, Any]:
    """The current build's manifest, without loading vectors.

    Args:
        root: the index folder.

    Returns:
        The manifest as saved.
    """
    folder = root / "current"
    if not folder.exists():
        raise IndexNotFound(f"no index in {root}; run 'summitbot index build'")
    try:
        manifest: dict[str, Any] = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise IndexDamaged(f"the index in {root} is damaged ({error}); run 'summitbot index build'") from None
    if manifest.get("format") != FORMAT:
        raise IndexOutdated(f"the index in {root} is from another version; run 'summitbot index build'")
    return manifest


def read_inputs(root: Path) -> list[str]:
    """The files or folders the current build was made from, even if the build is outdated or partial.

    Args:
        root: the index folder.

    Returns:
        The paths, or an empty list when unknown.
    """
    try:
        raw = json.loads((root / "current" / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    inputs = raw.get("inputs") if isinstance(raw, dict) else None
    return [str(p) for p in inputs] if isinstance(inputs, list) else []


def load_stored(root: Path) -> StoredIndex:
    """Load the current build, checking that its parts agree.

    Args:
        root: the index folder.

    Returns:
        The stored index.
    """
    manifest = read_manifest(root)
    folder = (root / "current").resolve()
    damaged = f"the index in {root} is damaged; run 'summitbot index build'"
    try:
        with open(folder / "chunks.jsonl", encoding="utf-8") as lines:
            chunks = [Chunk(**json.loads(line)) for line in lines if line.strip()]
        with open(folder / "terms.jsonl", encoding="utf-8") as lines:
            terms = [list(json.loads(line)) for line in lines if line.strip()]
        sentences = faiss.read_index(str(folder / "sentences.faiss"))
        contexts = faiss.read_index(str(folder / "contexts.faiss"))
        words = faiss.read_index(str(folder / "words.faiss"))
        lexicon = json.loads((folder / "lexicon.json").read_text(encoding="utf-8"))
        frequencies, forms, foreign = dict(lexicon["frequencies"]), dict(lexicon["forms"]), list(lexicon["foreign"])
        mixed = list(lexicon["mixed"])
    except (OSError, ValueError, TypeError, RuntimeError, KeyError):
        raise IndexDamaged(damaged) from None
    sizes = {len(chunks), len(terms), sentences.ntotal, contexts.ntotal, manifest.get("chunks")}
    if len(sizes) != 1 or {sentences.d, words.d} != {manifest.get("dimension")}:
        raise IndexDamaged(damaged)
    return StoredIndex(folder, manifest, chunks, terms, sentences, contexts, words, frequencies, forms, foreign, mixed)


def all_vectors(flat: Any) -> Vectors:
    """Every row of a flat FAISS index, as an array (rows are few: one per sentence)."""
    return np.asarray(flat.reconstruct_n(0, flat.ntotal), dtype=np.float32)

"""Put the answering core together from settings: model, fresh index, answerer.

Shared by the command line and both chat bots so that each starts the same way.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from bot.answer import Answerer
from bot.settings import Settings
from index import (
    DocumentError,
    Index,
    IndexDamaged,
    IndexStatus,
    SentenceTransformerEmbedder,
    build_index,
    index_status,
    load_index,
    model_fingerprint,
    read_inputs,
)

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
OnBuild = Callable[[str], Progress | None]


def wanted_documents(settings: Settings) -> tuple[list[Path], bool]:
    """The files or folders the index should hold, and whether the user named them.

    SUMMITBOT_DOCS decides when set; otherwise whatever the last `index build` was
    given; otherwise the bundled seeds.
    """
    if settings.docs_from_env:
        return list(settings.docs), True
    inputs = read_inputs(settings.index_dir)
    if inputs:
        return [Path(p) for p in inputs], False
    return list(settings.docs), True


def open_index(settings: Settings, embedder: SentenceTransformerEmbedder, on_build: OnBuild | None = None) -> Index:
    """Load the index, building it first if it is missing, damaged or out of date.

    Args:
        settings: where documents and state live.
        embedder: the loaded model.
        on_build: told the reason when a build starts; may return a progress callback.

    Returns:
        A current index.
    """
    paths, named = wanted_documents(settings)
    model_id = model_fingerprint(settings.model)
    try:
        status = index_status(settings.index_dir, paths, model_id)
    except DocumentError:
        if named:
            raise
        # The last build's files are gone; the index made from them still answers.
        log.warning("the documents of the last build are missing; using the index as built")
        return load_index(settings.index_dir, embedder)
    if status.current:
        try:
            return load_index(settings.index_dir, embedder)
        except IndexDamaged as error:
            log.warning("%s; rebuilding", error)
            status = IndexStatus(False, "the index on disk was damaged")
    progress = on_build(status.reason) if on_build else None
    return build_index(paths, embedder, settings.index_dir, model_id, progress)


def load_embedder(settings: Settings) -> SentenceTransformerEmbedder:
    """Load the configured sentence-transformers model from disk."""
    return SentenceTransformerEmbedder(settings.model)


def load_answerer(settings: Settings, on_build: OnBuild | None = None) -> Answerer:
    """The model, a current index and the answerer on top: everything `ask` needs.

    Args:
        settings: the configuration.
        on_build: see `open_index`.

    Returns:
        A ready answerer.
    """
    return Answerer(open_index(settings, load_embedder(settings), on_build))

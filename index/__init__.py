"""summitbot's document index: ingest, chunk, embed, store and search articles.

Public API: `build_index`, `load_index`, `index_status`, `Index`, `Hit`, and the errors.
Knows nothing of bots, chat or environment variables.
"""

from index.build import IndexStatus, build_index, index_status, load_index
from index.chunk import Chunk
from index.embed import Embedder, ModelError, SentenceTransformerEmbedder, bundled_model_path, model_fingerprint
from index.ingest import DocumentError
from index.search import Hit, Index, QueryScores
from index.store import IndexDamaged, IndexNotFound, read_inputs, read_manifest

__all__ = [
    "Chunk",
    "DocumentError",
    "Embedder",
    "Hit",
    "Index",
    "IndexDamaged",
    "IndexNotFound",
    "IndexStatus",
    "ModelError",
    "QueryScores",
    "SentenceTransformerEmbedder",
    "build_index",
    "bundled_model_path",
    "index_status",
    "load_index",
    "model_fingerprint",
    "read_inputs",
    "read_manifest",
]

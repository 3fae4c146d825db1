"""Attractor results as JSON-ready dicts and CSV text.

The JSON shape is a contract that scripts rely on::

    {"model": "networks/il6_tumorigenesis.txt", "update": "asynchronous",
     "nodes": ["EGFR", "Ras", ...], "perturbation": {"IL6": 0},
     "engine": "exhaustive", "complete": true,
     "attractors": [{"kind": "fixed_point", "size": 1, "pattern": "01*1",
                     "states": ["0101"], "basin": 12}]}

``nodes`` is the column order of every state string and pattern; ``basin``
appears for synchronous updating; an attractor too large to list has no
``states`` and ``"states_omitted": true`` instead.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from ..results import Attractor, AttractorResult

__all__ = ["attractor_to_dict", "result_to_csv", "result_to_dict"]


def attractor_to_dict(attractor: Attractor) -> dict[str, Any]:
    """One attractor in the JSON shape."""
    data: dict[str, Any] = {
        "kind": attractor.kind.value,
        "size": attractor.size,
        "pattern": attractor.pattern,
    }
    if attractor.states is None:
        data["states_omitted"] = True
    else:
        data["states"] = list(attractor.states)
    if attractor.basin is not None:
        data["basin"] = attractor.basin
    return data


def result_to_dict(result: AttractorResult, *, model: str | None = None) -> dict[str, Any]:
    """An attractor result in the JSON shape (``model`` defaults to the network's name)."""
    return {
        "model": model if model is not None else result.network.name,
        "update": result.update.value,
        "nodes": list(result.nodes),
        "perturbation": result.perturbation | {f"{a}->{b}": v for a, b, v in result.network.cuts},
        "engine": result.engine,
        "complete": result.complete,
        "attractors": [attractor_to_dict(a) for a in result.attractors],
    }


def result_to_csv(result: AttractorResult) -> str:
    """One row per attractor state: attractor number, kind, size, basin, then one column per node.

    An attractor whose states are omitted gets one row holding its pattern.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["attractor", "kind", "size", "basin", *result.nodes])
    for number, attractor in enumerate(result.attractors, start=1):
        basin = "" if attractor.basin is None else attractor.basin
        for row in attractor.states if attractor.states is not None else (attractor.pattern,):
            writer.writerow([number, attractor.kind.value, attractor.size, basin, *row])
    return buffer.getvalue()

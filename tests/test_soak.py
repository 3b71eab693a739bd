"""A short run of the soak bench (bench/soak.py): zero errors, bounded latency."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

SOAK = Path(__file__).resolve().parent.parent / "bench" / "soak.py"


def test_short_soak_has_no_errors() -> None:
    spec = importlib.util.spec_from_file_location("policykg_soak", SOAK)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    result: dict[str, Any] = module.run_soak(seconds=12, clients=4, slices=3)
    assert result["errors"] == 0, result["error_samples"]
    assert set(result["by_kind"]) == {"lookup", "sparql", "check"}
    assert result["requests"] > 50
    assert max(result["p95_ms_per_slice"]) < 5000

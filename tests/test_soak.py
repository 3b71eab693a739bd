"""A short run of the soak bench (bench/soak.py): zero errors, bounded server memory."""

from __future__ import annotations

from typing import Any

from policykg.bench.soak import memory_growth, run_soak


def test_memory_growth_is_measured_over_the_second_half() -> None:
    assert memory_growth([100, 200, 300, 300, 300, 301, 305, 306]) == 5.0
    assert memory_growth([100, 110, 120, 130, 140, 150, 160, 170]) == 20.0
    assert memory_growth([100]) == 0.0


def test_short_soak_has_no_errors_and_bounded_memory() -> None:
    result: dict[str, Any] = run_soak(seconds=12, clients=4, slices=3)
    assert result["errors"] == 0, result["error_samples"]
    assert set(result["by_kind"]) == {"lookup", "sparql", "check"}
    assert result["by_kind"]["check"] >= 2
    assert result["requests"] > 50
    samples = result["server_rss_mb_samples"]
    assert len(samples) >= 4 and min(samples) > 0
    # a sanity bound, far above what a short run grows (a few MB): no timing, no tight limit
    assert result["server_rss_mb_growth_second_half"] < 60, samples

"""The latency summary every load bench prints: one helper, so the figures mean the same everywhere.

`percentile` is the nearest-rank percentile (the value below which `q` of the
samples fall); `summary` prints one row per page kind (count, requests/s over
the run, p50, p95, max in ms).
"""

from __future__ import annotations

import math


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile of `values` (NaN when empty)."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(q * len(ordered)) - 1))]


def summary(stats: dict[str, list[float]], elapsed: float | None = None, *, width: int = 12) -> list[str]:
    """Rows `kind count req/s p50 p95 max` (latencies given in seconds, shown in ms)."""
    head = f"{'page':<{width}}{'count':>7}{'req/s':>8}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}"
    rows = [head]
    for kind, values in stats.items():
        ms = [v * 1000 for v in values]
        rate = len(ms) / elapsed if elapsed else float("nan")
        rows.append(f"{kind:<{width}}{len(ms):>7}{rate:>8.1f}{percentile(ms, 0.5):>9.1f}{percentile(ms, 0.95):>9.1f}"
                    f"{max(ms or [float('nan')]):>9.1f}")
    return rows

"""Wall time of a 21-year panel: 248 member cities in 19 mega-regions, 8 indicators x 21 years
(2000-2020), about 2 % NULLs. The unevenness table (with its sigma and beta rows) without and
with 999 bootstrap resamples for every interval (the year rows' and the sigma slopes'), and
the ratio of the two; then the trajectories of the secondary cities (Theil-Sen and
Mann-Kendall of every city, indicator and gap). Prints the median of --repeat runs (after one
warm-up run); asserts nothing. Target: the resampled run within 5x the run without.

Run: python bench/bench_panels.py [--repeat 3]
"""
import argparse
import platform
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
import _pkg  # noqa: E402

_pkg.ensure_importable()

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

from megaregion.core.panels.trajectories import panel_trend_typology  # noqa: E402
from megaregion.core.unevenness import unevenness_table  # noqa: E402

N_CITIES, N_REGIONS, N_INDICATORS, YEARS = 248, 19, 8, tuple(range(2000, 2021))


def synthetic_panel(seed=0):
    rng = np.random.default_rng(seed)
    region = rng.integers(0, N_REGIONS, N_CITIES)
    region[:N_REGIONS] = np.arange(N_REGIONS)
    frame = pd.DataFrame({"city": ["c%03d" % i for i in range(N_CITIES)], "megaregion_id": region,
                          "role": "secondary"})
    frame.loc[frame.groupby("megaregion_id").head(2).index, "role"] = "core"
    n = len(frame)
    columns = {}
    for j in range(N_INDICATORS):
        level = rng.lognormal(3, 1, n) * np.where(frame["role"] == "core", 2.0, 1.0)
        growth = rng.normal(0.04, 0.02, n)
        for k, year in enumerate(YEARS):
            values = level * np.exp(growth * k) * rng.lognormal(0, 0.05, n)
            values[rng.random(n) < 0.02] = np.nan
            columns["ind%d_%d" % (j, year)] = values
    return pd.concat([frame, pd.DataFrame(columns)], axis=1)


def timed(repeat, function, *args, **kwargs):
    function(*args, **kwargs)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function(*args, **kwargs)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    df = synthetic_panel()
    fields = [c for c in df.columns if c.startswith("ind")]
    print("python %s, numpy %s, pandas %s, %s" % (platform.python_version(), np.__version__, pd.__version__,
                                                  platform.processor() or platform.machine()))
    plain = timed(args.repeat, unevenness_table, df, fields, labels_field="city", bootstrap=0)
    resampled = timed(args.repeat, unevenness_table, df, fields, labels_field="city", bootstrap=999)
    print("unevenness table, %d cities x %d indicators x %d years: %.2f s without resampling, %.2f s with 999 "
          "resamples (%.1fx)" % (N_CITIES, N_INDICATORS, len(YEARS), plain, resampled, resampled / plain))
    trend = timed(args.repeat, panel_trend_typology, df, ["ind%d" % j for j in range(N_INDICATORS)], list(YEARS),
                  name_field="city", k=4, n_init=10)
    print("trend typology with trajectories: %.2f s" % trend)


if __name__ == "__main__":
    main()

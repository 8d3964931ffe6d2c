"""Wall time of the unevenness table at the scale of a national study: 300 cities in 19
mega-regions (some in two), 40 indicators x 2 years, about 2 % NULLs; equal weights and
population weights; each without and with the uncertainty of the algorithm's defaults
(999 bootstrap resamples at 95 %, 999 permutations), and the ratio of the two. Prints the
median of --repeat runs (after one warm-up run); asserts nothing.

Run: python bench/bench_unevenness.py [--repeat 3]
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

from megaregion.core.unevenness import unevenness_table  # noqa: E402

N_CITIES, N_REGIONS, N_INDICATORS, YEARS = 300, 19, 40, (2011, 2020)


def synthetic_members(seed=0):
    rng = np.random.default_rng(seed)
    region = rng.integers(0, N_REGIONS, N_CITIES)
    region[:N_REGIONS] = np.arange(N_REGIONS)
    frame = pd.DataFrame({"city": ["c%03d" % i for i in range(N_CITIES)], "megaregion_id": region})
    # 20 cities are members of a second mega-region, as on the real map
    twice = frame.sample(20, random_state=seed).assign(megaregion_id=lambda f: (f["megaregion_id"] + 1) % N_REGIONS)
    frame = pd.concat([frame, twice], ignore_index=True)
    frame["role"] = "secondary"
    frame.loc[frame.groupby("megaregion_id").head(2).index, "role"] = "core"
    n = len(frame)
    columns = {}
    for j in range(N_INDICATORS):
        base = rng.lognormal(3, 1, n) * np.where(frame["role"] == "core", 2.0, 1.0)
        for year in YEARS:
            values = base * rng.lognormal(0.05, 0.1, n)
            values[rng.random(n) < 0.02] = np.nan
            columns["ind%02d_%d" % (j, year)] = values
    for year in YEARS:
        columns["pop_%d" % year] = rng.lognormal(15, 0.7, n)
    return pd.concat([frame, pd.DataFrame(columns)], axis=1)


def timed(df, fields, repeat, **kwargs):
    """(median seconds of ``repeat`` runs after a warm-up run, the table)."""
    table = unevenness_table(df, fields, labels_field="city", **kwargs)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        table = unevenness_table(df, fields, labels_field="city", **kwargs)
        times.append(time.perf_counter() - start)
    return statistics.median(times), table


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print("Python %s, numpy %s, pandas %s, %s" % (platform.python_version(), np.__version__, pd.__version__,
                                                 platform.processor() or platform.machine()))
    df = synthetic_members()
    fields = ["ind%02d_%d" % (j, y) for j in range(N_INDICATORS) for y in YEARS]
    for label, weight in (("equal weights", None), ("population weights", "pop")):
        plain, table = timed(df, fields, args.repeat, weight_field=weight)
        sure, table_u = timed(df, fields, args.repeat, weight_field=weight, bootstrap=999, permutations=999)
        ok = table_u["theil_ci_low"].notna().sum()
        print("%-19s %d member rows, %d indicators x %d years -> %d table rows: %.2f s; with 999 resamples and "
              "999 permutations %.2f s (%d rows with intervals): %.1fx"
              % (label, len(df), N_INDICATORS, len(YEARS), len(table), plain, sure, ok, sure / plain))


if __name__ == "__main__":
    main()

"""Zonal statistics on a raster larger than the memory bound: peak memory stays below 1 GB.

Input: the synthetic night-light-like raster of ``bench_zonal.py`` at 4x its resolution
(3.75 arc-seconds: 59,520 x 34,560 = 2.06 Gpx, 8.2 GB of float32, tiled 256, uncompressed by
default) and the 370 bundled prefecture polygons. Each contender runs in its own process;
the table gives wall seconds, peak resident memory (``/usr/bin/time``), throughput, and
whether the peak stays under the bound.

    python bench/bench_zonal_large.py                  # 2 Gpx, needs ~8.3 GB of disk in bench/out
    python bench/bench_zonal_large.py --scale 2        # 0.5 Gpx
    python bench/bench_zonal_large.py --exactextract   # also exactextract (count/sum/mean/min/max)
    python bench/bench_zonal_large.py --quantiles      # also median and p90 in exact mode
"""
import argparse
import json
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_zonal as bz  # noqa: E402  (generator, contenders and timing shared with the main benchmark)

BOUND_MB = 1024


def measure(name, cmd, repeat):
    return bz.measure(name, cmd, repeat, warmup=0)  # memory is the point here; one run is enough


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scale", type=float, default=4.0, help="resolution factor (1 = 15 arc-seconds)")
    ap.add_argument("--compress", default="none", choices=["none", "deflate"])
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--exactextract", action="store_true", help="also run exactextract (in .venv)")
    ap.add_argument("--quantiles", action="store_true",
                    help="also exact mode with median and p90 (cells of pending polygons spill to disk)")
    args = ap.parse_args()
    bz.OUT.mkdir(parents=True, exist_ok=True)
    raster = bz.OUT / f"ntl_like_{args.scale:g}_{args.compress}.tif"
    if not raster.exists():
        subprocess.run([bz.DEBIAN, "-c", bz.MAKE_RASTER, str(raster), args.compress, str(args.scale)], check=True)
    import rasterio

    with rasterio.open(raster) as src:
        mpx = src.width * src.height / 1e6
        shape = (src.height, src.width)
    tests = str(bz.ROOT / "tests")
    stats = json.dumps(bz.STATS)
    rows = [measure("read raster once", [bz.DEBIAN, "-c", bz.READ, str(raster)], args.repeat)]
    for mode in ("exact", "center"):
        rows.append(measure(f"megaregion {mode}", [bz.DEBIAN, "-c", bz.OURS, tests, str(bz.BOUNDARIES), str(raster),
                                                       mode, stats], args.repeat))
    if args.quantiles:
        rows.append(measure("megaregion exact + p50/p90", [
            bz.DEBIAN, "-c", bz.OURS, tests, str(bz.BOUNDARIES), str(raster), "exact",
            json.dumps(["count", "sum", "mean", "median", "p90"])], args.repeat))
    if args.exactextract:
        rows.append(measure("exactextract", [bz.VENV, "-c", bz.EXACTEXTRACT, str(bz.BOUNDARIES), str(raster)],
                               args.repeat))
    print(f"\nZonal statistics, 370 prefectures, count/sum/mean/min/max, raster {shape[0]} x {shape[1]} = "
          f"{mpx / 1000:.2f} Gpx float32 ({raster.stat().st_size / 2**30:.1f} GiB, {args.compress}); "
          f"median of {args.repeat} whole-process runs")
    print(f"{'contender':27s} {'wall s':>8s} {'peak MB':>8s} {'Mpx/s':>8s}  peak < {BOUND_MB} MB")
    for name, wall, rss in rows:
        print(f"{name:27s} {wall:8.2f} {rss:8.0f} {mpx / wall:8.1f}  {'yes' if rss < BOUND_MB else 'NO'}")


if __name__ == "__main__":
    sys.exit(main())

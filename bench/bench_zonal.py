"""Benchmark of the zonal-statistics engine against its peers, measured in the same run.

Input: a synthetic float32 night-light-like raster over China at 15 arc-seconds
(14,880 x 8,640 = 128 Mpx, tiled 256, uncompressed and deflate) and the 370 bundled
prefecture polygons. Every contender runs in its own process; the table gives wall seconds
(median of --repeat runs), peak resident memory, throughput and the ratio to each peer.

    python bench/bench_zonal.py                 # full size (about 1 GB of disk in bench/out)
    python bench/bench_zonal.py --scale 0.25    # a quarter of the resolution, for a quick look
    python bench/bench_zonal.py --qgis          # also through qgis_process, vs native:zonalstatisticsfb
    python bench/bench_zonal.py --quantiles     # also median and p90, vs exactextract

Peers (from the test environment .venv): exactextract (count, sum, mean, min, max),
rasterstats (centre mode), and a numpy centre-mode floor (rasterize all zones once, one
bincount). Our engine runs in Debian's Python, the stack QGIS uses.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
BOUNDARIES = ROOT / "resources" / "data" / "boundaries" / "china_prefectures_gcj02.geojson"
DEBIAN = "/usr/bin/python3"
VENV = str(ROOT / ".venv" / "bin" / "python")
STATS = ["count", "sum", "mean", "min", "max"]

MAKE_RASTER = r"""
import sys, numpy as np, rasterio
from rasterio.transform import from_origin
from rasterio.windows import Window
path, compress, scale = sys.argv[1], sys.argv[2], float(sys.argv[3])
res = 1 / 240 / scale
width, height = round(62 / res), round(36 / res)
profile = dict(driver="GTiff", width=width, height=height, count=1, dtype="float32", crs="EPSG:4326",
               transform=from_origin(73.0, 54.0, res, res), tiled=True, blockxsize=256, blockysize=256,
               nodata=-1.0, BIGTIFF="IF_SAFER")
if compress != "none":
    profile.update(compress=compress, predictor=3)
rng = np.random.default_rng(7)
x = np.arange(width, dtype=np.float32)[None, :] / (240 * scale)
with rasterio.open(path, "w", **profile) as dst:
    for top in range(0, height, 256):
        h = min(256, height - top)
        y = (np.arange(top, top + h, dtype=np.float32)[:, None]) / (240 * scale)
        # bright, sharp "cities" on a periodic lattice over a dim, noisy background
        glow = (np.sin(x * 2.1) * np.cos(y * 2.7) + np.sin(x * 0.7 + y * 0.4)) ** 8
        block = (8 * glow + rng.lognormal(-1.5, 1.0, size=(h, width))).astype(np.float32)
        dst.write(block, 1, window=Window(0, top, width, h))
print(width * height)
"""

OURS = r"""
import json, sys, time
sys.path.insert(0, sys.argv[1])
import _pkg; _pkg.ensure_importable()
import geopandas as gpd
from megaregion.core.zonal import zonal_statistics
polys = gpd.read_file(sys.argv[2])
t = time.perf_counter()
df = zonal_statistics(polys, sys.argv[3].split(","), json.loads(sys.argv[5]), coverage=sys.argv[4])
print(json.dumps({"seconds": time.perf_counter() - t, "sum": float(df.filter(like="_sum").iloc[:, 0].sum())}))
"""

EXACTEXTRACT = r"""
import json, sys, time
import geopandas as gpd
from exactextract import exact_extract
polys = gpd.read_file(sys.argv[1])
ops = json.loads(sys.argv[3]) if len(sys.argv) > 3 else ["count", "sum", "mean", "min", "max"]
t = time.perf_counter()
df = exact_extract(sys.argv[2], polys, ops, output="pandas")
print(json.dumps({"seconds": time.perf_counter() - t, "sum": float(df["sum"].sum())}))
"""

RASTERSTATS = r"""
import json, sys, time
import geopandas as gpd
from rasterstats import zonal_stats
polys = gpd.read_file(sys.argv[1])
t = time.perf_counter()
res = zonal_stats(polys, sys.argv[2], stats=["count", "sum", "mean", "min", "max"])
print(json.dumps({"seconds": time.perf_counter() - t, "sum": float(sum(r["sum"] or 0 for r in res))}))
"""

FLOOR = r"""
import json, sys, time
import geopandas as gpd, numpy as np, rasterio
from rasterio.features import rasterize
polys = gpd.read_file(sys.argv[1])
t = time.perf_counter()
with rasterio.open(sys.argv[2]) as src:
    data = src.read(1)
    zones = rasterize(((g, i + 1) for i, g in enumerate(polys.geometry)), out_shape=data.shape,
                      transform=src.transform, fill=0, dtype="uint16")
    valid = data != src.nodata
    sums = np.bincount(zones[valid], weights=data[valid], minlength=len(polys) + 1)
print(json.dumps({"seconds": time.perf_counter() - t, "sum": float(sums[1:].sum())}))
"""

READ = r"""
import json, sys, time
import rasterio
t = time.perf_counter()
total = 0.0
with rasterio.open(sys.argv[1]) as src:
    for _, window in src.block_windows(1):
        total += float(src.read(1, window=window).sum())
print(json.dumps({"seconds": time.perf_counter() - t, "sum": total}))
"""


def run(cmd, env=None):
    """Run ``cmd``; wall seconds of the whole process and its peak RSS in MB."""
    with tempfile.NamedTemporaryFile("r", suffix=".txt") as tf:
        t = time.perf_counter()
        proc = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", tf.name, *cmd], capture_output=True, text=True,
                              env=env)
        wall = time.perf_counter() - t
        if proc.returncode != 0:
            raise RuntimeError(f"{cmd[:3]} failed:\n{proc.stderr[-2000:]}")
        rss_mb = int(tf.read().strip().splitlines()[-1]) / 1024
    return wall, rss_mb, proc.stdout


def measure(name, cmd, repeat, env=None, warmup=1):
    """Median wall seconds and peak MB of ``repeat`` runs after ``warmup`` discarded ones (the first
    run of a process pays for cold caches: bytecode, fonts, QGIS's profile)."""
    for _ in range(warmup):
        run(cmd, env)
    walls, rss = [], []
    for _ in range(repeat):
        wall, mb, _ = run(cmd, env)
        walls.append(wall)
        rss.append(mb)
    print(f"  {name}: {', '.join(f'{w:.2f}' for w in walls)} s, {max(rss):.0f} MB", file=sys.stderr, flush=True)
    return name, statistics.median(walls), max(rss)


def qgis_env(home: Path) -> dict:
    """qgis_process in a profile of its own under ``home`` with the plugin enabled, as a batch
    user would have it (the user's own profile may have the plugin off, or not know it)."""
    runtime = home / "runtime"
    runtime.mkdir(mode=0o700, parents=True, exist_ok=True)
    env = dict(os.environ, HOME=str(home), XDG_RUNTIME_DIR=str(runtime), QT_QPA_PLATFORM="offscreen",
               QGIS_PLUGINPATH=subprocess.run([DEBIAN, str(ROOT / "tests" / "_pkg.py")], capture_output=True,
                                              text=True).stdout.strip())
    qp = "/usr/bin/qgis_process.bin"
    subprocess.run([qp, "plugins", "enable", "megaregion"], env=env, capture_output=True)  # fails if already on
    listed = subprocess.run([qp, "plugins"], env=env, capture_output=True, text=True).stdout
    if "* megaregion" not in listed:
        raise RuntimeError(f"qgis_process does not load the plugin:\n{listed}")
    return env


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scale", type=float, default=1.0, help="resolution factor (1 = 15 arc-seconds)")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--qgis", action="store_true", help="also compare through qgis_process")
    ap.add_argument("--quantiles", action="store_true",
                    help="also time count/sum/mean/median/p90 (uncompressed raster) against exactextract")
    ap.add_argument("--years", type=int, default=18,
                    help="also time one run over this many rasters (the raster under as many names) (0: skip)")
    args = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    tests = str(ROOT / "tests")
    results = []
    for compress in ("none", "deflate"):
        raster = OUT / f"ntl_like_{args.scale:g}_{compress}.tif"
        if not raster.exists():
            subprocess.run([DEBIAN, "-c", MAKE_RASTER, str(raster), compress, str(args.scale)], check=True)
        import rasterio

        with rasterio.open(raster) as src:
            mpx = src.width * src.height / 1e6
        rows = [
            measure("read raster once", [DEBIAN, "-c", READ, str(raster)], args.repeat),
            measure("megaregion exact", [DEBIAN, "-c", OURS, tests, str(BOUNDARIES), str(raster), "exact",
                                         json.dumps(STATS)], args.repeat),
            measure("megaregion center", [DEBIAN, "-c", OURS, tests, str(BOUNDARIES), str(raster), "center",
                                          json.dumps(STATS)], args.repeat),
            measure("exactextract", [VENV, "-c", EXACTEXTRACT, str(BOUNDARIES), str(raster)], args.repeat),
            measure("rasterstats (centre)", [VENV, "-c", RASTERSTATS, str(BOUNDARIES), str(raster)], args.repeat),
            measure("numpy centre floor", [DEBIAN, "-c", FLOOR, str(BOUNDARIES), str(raster)], args.repeat),
        ]
        if args.quantiles and compress == "none":
            rows.append(measure("megaregion exact + median, p90", [
                DEBIAN, "-c", OURS, tests, str(BOUNDARIES), str(raster), "exact",
                json.dumps(["count", "sum", "mean", "median", "p90"])], args.repeat))
            rows.append(measure("exactextract + median, p90", [
                VENV, "-c", EXACTEXTRACT, str(BOUNDARIES), str(raster),
                json.dumps(["count", "sum", "mean", "median", "quantile(q=0.9)"])], args.repeat))
        if args.years and compress == "none":
            folder = OUT / "years"
            folder.mkdir(exist_ok=True)
            names = []
            for year in range(2001, 2001 + args.years):
                link = folder / f"ntl_{year}.tif"
                if link.is_symlink() or link.exists():
                    link.unlink()
                link.symlink_to(raster)
                names.append(str(link))
            rows.append(measure(f"megaregion exact, {args.years} rasters", [
                DEBIAN, "-c", OURS, tests, str(BOUNDARIES), ",".join(names), "exact", json.dumps(STATS)], args.repeat))
        if args.qgis:
            env = qgis_env(OUT / "qgis_home")
            qp = "/usr/bin/qgis_process.bin"
            rows.append(measure("qgis_process megaregion:zonalstatistics", [
                qp, "run", "megaregion:zonalstatistics", "--", f"INPUT={BOUNDARIES}", f"RASTER={raster}",
                "STATISTICS=0,1,2,3,4", f"OUTPUT={OUT / 'q_ours.gpkg'}"], args.repeat, env))
            rows.append(measure("qgis_process native:zonalstatisticsfb", [
                qp, "run", "native:zonalstatisticsfb", "--", f"INPUT={BOUNDARIES}", f"INPUT_RASTER={raster}",
                "RASTER_BAND=1", "STATISTICS=0,1,2,5,6", f"OUTPUT={OUT / 'q_native.gpkg'}"], args.repeat, env))
        results.append((compress, mpx, rows))

    print(f"\nZonal statistics, 370 prefectures, count/sum/mean/min/max; median of {args.repeat} whole-process runs "
          "after one warm-up run")
    for compress, mpx, rows in results:
        base = {name: wall for name, wall, _ in rows}
        print(f"\nraster {mpx:.0f} Mpx float32, {compress}")
        print(f"{'contender':42s} {'wall s':>8s} {'peak MB':>8s} {'Mpx/s':>8s}  ratios")
        for name, wall, rss in rows:
            ratios = []
            if name == "megaregion exact + median, p90":
                ratios.append(f"{wall / base['exactextract + median, p90']:.2f}x exactextract + median, p90")
            elif name.startswith("megaregion exact,"):
                n = int(name.split(", ")[1].split()[0])
                ratios.append(f"{wall / (n * base['megaregion exact']):.2f}x {n} single runs")
            elif name.startswith("megaregion exact"):
                ratios.append(f"{wall / base['exactextract']:.2f}x exactextract")
            if name.startswith("megaregion center"):
                ratios.append(f"{wall / base['numpy centre floor']:.2f}x numpy floor")
                ratios.append(f"{wall / base['rasterstats (centre)']:.2f}x rasterstats")
            if name == "qgis_process megaregion:zonalstatistics":
                ratios.append(f"{base['qgis_process native:zonalstatisticsfb'] / wall:.1f}x faster than native")
            pixels = mpx * (int(name.split(", ")[1].split()[0]) if name.startswith("megaregion exact,") else 1)
            print(f"{name:42s} {wall:8.2f} {rss:8.0f} {pixels / wall:8.1f}  {', '.join(ratios)}")


if __name__ == "__main__":
    sys.exit(main())

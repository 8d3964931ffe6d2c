"""Benchmark of rasters as downloaded: a gzip'd VNL annual file, a month-by-month VIIRS year
(12 avg_rade9h files with their 12 cf_cvg twins) and a MOD13A3 year (12 months of HDF4 tiles),
each against the time to read its files once, and exactextract on the unpacked raster.

    python3 bench/bench_products.py                 # half the resolution of the real products
    python3 bench/bench_products.py --scale 0.25    # a quick look
    python3 bench/bench_products.py --only vnl      # one case

Inputs are synthetic, written in the products' containers (tests/unit/product_fixtures.py) over
China: VNL on the global grid's odd geotransform, cut to the China window (73-135 E, 18-54 N;
a real global file would hold 12 x more cells outside the polygons, which are not read);
monthly files on the same window; MOD13A3 on the 18 China tiles (1200 x 1200 cells each at
full scale). Every contender runs in its own process (Debian's Python, the stack QGIS uses;
exactextract in .venv); wall seconds are medians of --repeat runs after a warm-up, with peak
resident memory. Polygons: the 370 bundled prefectures, count/sum/mean/min/max, exact mode.
"""
import argparse
import gzip
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_zonal import BOUNDARIES, DEBIAN, EXACTEXTRACT, OUT, ROOT, VENV  # noqa: E402
from bench_zonal import measure as _measure  # noqa: E402


def measure(name, cmd, repeat):
    """(median wall seconds, peak MB) of ``cmd`` (bench_zonal.measure)."""
    return _measure(name, cmd, repeat)[1:]

STATS = '["count", "sum", "mean", "min", "max"]'

MAKE = r"""
import sys, numpy as np
sys.path.insert(0, sys.argv[1] + "/tests"); sys.path.insert(0, sys.argv[1] + "/tests/unit")
import _pkg; _pkg.ensure_importable()
from pathlib import Path
import product_fixtures as F
from osgeo import gdal
case, out, scale = sys.argv[2], Path(sys.argv[3]), float(sys.argv[4])
out.mkdir(parents=True, exist_ok=True)
res = 0.0041666667 / scale
col0, row0 = int(round((73 + 180.00208333335) / res)), int(round((75.00208333335 - 54) / res))
w, h = int(round(62 / res)), int(round(36 / res))
gt = (-180.00208333335 + col0 * res, res, 0.0, 75.00208333335 - row0 * res, 0.0, -res)
rng = np.random.default_rng(7)

def field(seed):
    r = np.random.default_rng(seed)
    x = np.arange(w, dtype=np.float32)[None, :] * res
    y = np.arange(h, dtype=np.float32)[:, None] * res
    glow = (np.sin(x * 2.1) * np.cos(y * 2.7) + np.sin(x * 0.7 + y * 0.4)) ** 8
    v = (8 * glow + r.lognormal(-1.5, 1.0, size=(h, w))).astype(np.float32)
    v[v < 0.6] = 0  # average_masked: background set to 0
    return v

def tif(path, data):
    ds = gdal.GetDriverByName("GTiff").Create(str(path), w, h, 1, F._GDT[data.dtype.name], ["TILED=NO"])
    ds.SetGeoTransform(gt); ds.SetProjection('GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433],AUTHORITY["EPSG","4326"]]')
    ds.GetRasterBand(1).WriteRaster(0, 0, w, h, data.tobytes()); ds = None

if case == "vnl":
    tif(out / F.vnl_name(2020, "average_masked"), field(1))
elif case == "monthly":
    import calendar
    for m in range(1, 13):
        last = calendar.monthrange(2020, m)[1]
        stem = f"SVDNB_npp_2020{m:02d}01-2020{m:02d}{last:02d}_75N060E_vcmslcfg_v10_c2020{m:02d}151200"
        tif(out / f"{stem}.avg_rade9h.tif", field(m))
        tif(out / f"{stem}.cf_cvg.tif", rng.integers(0, 6, (h, w)).astype("uint16"))
elif case == "mod13a3":
    n = int(round(1200 * scale))
    tiles = [(23, 4), (23, 5), (24, 4), (24, 5), (25, 3), (25, 4), (25, 5), (25, 6), (26, 3), (26, 4), (26, 5),
             (26, 6), (27, 4), (27, 5), (27, 6), (28, 5), (28, 6), (28, 7)]
    for m, doy in enumerate([1, 32, 61, 92, 122, 153, 183, 214, 245, 275, 306, 336], 1):
        for h_, v_ in tiles:
            ndvi = rng.integers(-2000, 9000, (n, n)).astype("int16")
            rel = rng.choice(np.array([0, 0, 1, 3], dtype="int8"), size=(n, n))
            F.write_modis(out, "MOD13A3", 2020, doy, h_, v_, {"1 km monthly NDVI": ndvi, "1 km monthly EVI": ndvi,
                          "1 km monthly VI Quality": rng.integers(0, 65534, (n, n)).astype("uint16"),
                          "1 km monthly pixel reliability": rel}, "MOD_Grid_monthly_1km_VI")
print(w * h)
"""

OURS = r"""
import json, sys, time
sys.path.insert(0, sys.argv[1] + "/tests"); import _pkg; _pkg.ensure_importable()
import geopandas as gpd
from megaregion.core.zonal.catalogue import product_statistics
polys = gpd.read_file(sys.argv[2])
t = time.perf_counter()
df, cat = product_statistics(polys, sys.argv[3].split(","), json.loads(sys.argv[4]), preset=sys.argv[5] or None)
print(json.dumps({"seconds": time.perf_counter() - t, "sum": float(df.filter(like="_sum_").iloc[:, 0].sum())}))
"""

UNPACK_THEN_OURS = r"""
import json, sys, time, gzip, shutil, tempfile, os
sys.path.insert(0, sys.argv[1] + "/tests"); import _pkg; _pkg.ensure_importable()
import geopandas as gpd
from megaregion.core.zonal.catalogue import product_statistics
polys = gpd.read_file(sys.argv[2])
t = time.perf_counter()
with tempfile.TemporaryDirectory() as tmp:
    plain = os.path.join(tmp, os.path.basename(sys.argv[3])[:-3])
    with gzip.open(sys.argv[3], "rb") as src, open(plain, "wb") as dst:
        shutil.copyfileobj(src, dst, 16 << 20)
    df, cat = product_statistics(polys, [plain], json.loads(sys.argv[4]), preset=sys.argv[5] or None)
print(json.dumps({"seconds": time.perf_counter() - t, "sum": float(df.filter(like="_sum_").iloc[:, 0].sum())}))
"""

READ_ONCE = r"""
import json, sys, time, glob
from osgeo import gdal
t = time.perf_counter()
names = []
for p in sys.argv[1].split(","):
    if p.endswith(".hdf"):
        ds = gdal.Open(p)
        names += [n for k, n in ds.GetMetadata("SUBDATASETS").items() if k.endswith("_NAME") and
                  ("NDVI" in n or "reliability" in n)]
    else:
        names.append("/vsigzip/" + p if p.endswith(".gz") else p)
total = 0
for n in names:
    ds = gdal.Open(n)
    b = ds.GetRasterBand(1)
    step = max(1, (64 << 20) // (ds.RasterXSize * 4))
    for r in range(0, ds.RasterYSize, step):
        total += len(b.ReadRaster(0, r, ds.RasterXSize, min(step, ds.RasterYSize - r)))
print(json.dumps({"seconds": time.perf_counter() - t, "sum": float(total)}))
"""


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scale", type=float, default=0.5)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--only", choices=["vnl", "monthly", "mod13a3"])
    args = ap.parse_args()
    base = OUT / f"products_{args.scale:g}"
    rows = []
    for case in ("vnl", "monthly", "mod13a3"):
        if args.only and case != args.only:
            continue
        folder = base / case
        if not folder.exists():
            subprocess.run([VENV, "-c", MAKE, str(ROOT), case, str(folder), str(args.scale)], check=True)
            if case == "vnl":
                plain = next(folder.glob("*.tif"))
                with open(plain, "rb") as src, gzip.open(str(plain) + ".gz", "wb", compresslevel=6) as dst:
                    shutil.copyfileobj(src, dst, 16 << 20)
        files = sorted(str(p) for p in folder.iterdir() if p.suffix in (".tif", ".gz", ".hdf"))
        preset = {"vnl": "viirs_annual", "monthly": "viirs_monthly", "mod13a3": "modis_ndvi_int16"}[case]
        if case == "vnl":
            plain = [f for f in files if f.endswith(".tif")][0]
            gz = plain + ".gz"
            size = Path(plain).stat().st_size / 2**20
            read_plain = measure("read", [DEBIAN, "-c", READ_ONCE, plain], args.repeat)
            read_gz = measure("read", [DEBIAN, "-c", READ_ONCE, gz], args.repeat)
            ours_plain = measure("ours", [DEBIAN, "-c", OURS, str(ROOT), str(BOUNDARIES), plain, STATS, preset],
                                 args.repeat)
            ours_gz = measure("ours", [DEBIAN, "-c", OURS, str(ROOT), str(BOUNDARIES), gz, STATS, preset], args.repeat)
            unpack = measure("unpack", [DEBIAN, "-c", UNPACK_THEN_OURS, str(ROOT), str(BOUNDARIES), gz, STATS, preset],
                             args.repeat)
            ee = measure("exactextract", [VENV, "-c", EXACTEXTRACT, str(BOUNDARIES), plain], args.repeat)
            rows += [
                (f"VNL .tif ({size:.0f} MB), read once", read_plain, None),
                ("VNL .tif, megaregion exact", ours_plain, read_plain),
                ("VNL .tif, exactextract", ee, read_plain),
                (f"VNL .tif.gz ({Path(gz).stat().st_size / 2**20:.0f} MB), read once in place", read_gz, None),
                ("VNL .tif.gz, megaregion in place (/vsigzip/)", ours_gz, read_gz),
                ("VNL .tif.gz, unpacked to temp then megaregion", unpack, read_gz),
            ]
        else:
            data = [f for f in files if "cf_cvg" not in f] if case == "monthly" else files
            read = measure("read", [DEBIAN, "-c", READ_ONCE, ",".join(files)], args.repeat)
            ours = measure("ours", [DEBIAN, "-c", OURS, str(ROOT), str(BOUNDARIES), str(folder), STATS, preset],
                           args.repeat)
            periods = len({Path(f).name.split(".")[1] if case == "mod13a3" else Path(f).name[10:27] for f in data})
            rows += [(f"{case}: {len(files)} files, read once", read, None),
                     (f"{case}: megaregion, one year ({periods} periods, masked, per-cell composite)", ours, read)]
    print("| case | seconds (median) | peak MB | ratio to reading once |")
    print("| --- | --- | --- | --- |")
    for name, (sec, mb), ref in rows:
        ratio = f"{sec / ref[0]:.2f}x" if ref else ""
        print(f"| {name} | {sec:.2f} | {mb:.0f} | {ratio} |")


if __name__ == "__main__":
    main()

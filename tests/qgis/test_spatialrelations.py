"""megaregion:spatialrelations through processing.run on the bundled prefectures (the fixed
regression input): distances against pyproj's Geod.inv from the representative points, the
typology's gaps reused from its output, the LISA map style, reproducibility from SEED, English
and Chinese, and the bad inputs (no CRS, no core, one secondary city, islands, K beyond a
region, a projected CRS)."""
import re
import sys

import numpy as np
import pytest
from pyproj import Geod
from qgis.core import (
    NULL,
    QgsCategorizedSymbolRenderer,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsProject,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsVectorLayer,
)

from _pkg import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import make_translations as mt  # noqa: E402

from megaregion.processing import i18n  # noqa: E402
from recording_feedback import RecordingFeedback

PREFECTURES = ROOT / "tests" / "regression" / "inputs" / "prefectures.gpkg"
INDICATORS = ["popu_2020", "ntl_total_light_2020"]
FAST = {"PERMUTATIONS": 199, "BOOTSTRAP": 199}
CJK = re.compile(r"[\u4e00-\u9fff]")


def rows(layer):
    names = layer.fields().names()
    return [dict(zip(names, [None if v == NULL else v for v in f.attributes()])) for f in layer.getFeatures()]


def run(alg_id, params, feedback=None):
    from qgis import processing
    from qgis.core import QgsProcessingContext

    return processing.run(alg_id, params, context=QgsProcessingContext(),
                          feedback=feedback or QgsProcessingFeedback())


def spatial(feedback=None, **params):
    base = {"INPUT": str(PREFECTURES), "INDICATORS": INDICATORS, **FAST, "OUTPUT": "memory:",
            "OUTPUT_TABLE": "memory:", "OUTPUT_HTML": None}
    base.update(params)
    return run("megaregion:spatialrelations", base, feedback)


@pytest.fixture(scope="module")
def default_run(tmp_path_factory):
    feedback = RecordingFeedback()
    report = tmp_path_factory.mktemp("spatial") / "spatial.html"
    out = spatial(feedback, OUTPUT_HTML=str(report))
    return out, feedback, report


def members():
    layer = QgsVectorLayer(str(PREFECTURES), "prefectures", "ogr")
    return layer, [f for f in layer.getFeatures() if f["megaregion_id"] not in (None, NULL)]


def test_outputs_names_and_distances(default_run):
    out, feedback, report = default_run
    cities = rows(out["OUTPUT"])
    assert out["CITY_COUNT"] == len(cities) == 213
    for name in ("dist_core_km", "nearest_core", "borders_core", "gap_popu_2020", "local_i_popu_2020",
                 "lisa_p_popu_2020", "lisa_popu_2020", "gradient_resid_popu_2020", "lisa_ntl_total_light_2020"):
        assert name in out["OUTPUT"].fields().names()
    assert {c["lisa_popu_2020"] for c in cities if c["gap_popu_2020"] is not None} <= {"HH", "LL", "HL", "LH", "ns"}
    no_gap = [c for c in cities if c["gap_popu_2020"] is None]   # county-level units without census values
    assert all(c["lisa_popu_2020"] is None and "no gap for popu_2020" in c["spatial_note"] for c in no_gap)
    # geodesic distances from the points on the surface, computed here with pyproj
    layer, feats = members()
    to_wgs = QgsCoordinateTransform(layer.crs(), QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance())
    point = {}
    for f in feats:
        p = f.geometry().pointOnSurface()
        p.transform(to_wgs)
        point[(f["megaregion_id"], f["name"])] = (p.asPoint().x(), p.asPoint().y(), f["role"])
    geod = Geod(ellps="WGS84")
    checked = 0
    for c in cities:
        region = c["megaregion_id"]
        lon, lat, _ = point[(region, c["name"])]
        cores = {n: (x, y) for (r, n), (x, y, role) in point.items() if r == region and role == "core"}
        dist = {n: geod.inv(lon, lat, x, y)[2] for n, (x, y) in cores.items()}
        nearest = min(dist, key=lambda n: (dist[n], n))
        assert c["nearest_core"] == nearest
        assert abs(c["dist_core_km"] * 1000 - dist[nearest]) < 1e-3
        checked += 1
    assert checked == 213
    # islands named: Zhoushan (YRD) and Shizuishan (NXYR) touch no other secondary city of their region
    assert out["ISLAND_COUNT"] == 2
    assert any("舟山市" in w for w in feedback.warnings), feedback.warnings
    zhoushan = [c for c in cities if c["name"] == "舟山市"][0]
    assert zhoushan["n_neighbours"] == 0 and zhoushan["local_i_popu_2020"] is None
    assert zhoushan["lisa_popu_2020"] == "ns" and "island" in zhoushan["spatial_note"]
    # Zhoushan touches no secondary city of the YRD but shares its boundary with Ningbo, a core
    assert zhoushan["borders_core"] == 1
    assert [c["borders_core"] for c in cities if c["name"] == "廊坊市"] == [1]


def test_table_report_and_style(default_run):
    out, feedback, report = default_run
    table = rows(out["OUTPUT_TABLE"])
    regions = {r["megaregion_id"] for r in table}
    assert "ALL" in regions and len(regions) == 19 + 1
    assert len(table) == 20 * len(INDICATORS)
    assert {r["pattern"] for r in table} <= {"borrowed_size", "shadow", "no_clear_gradient", None}
    everything = [r for r in table if r["megaregion_id"] == "ALL"]
    assert all(r["n_cities"] >= 200 for r in everything)
    for r in table:
        if r["gradient_ci_low"] is not None:
            assert r["gradient_ci_low"] <= r["gradient_ci_high"]
            assert -1 <= r["rho"] <= 1
        if r["moran_p"] is not None:
            assert 1 / 200 <= r["moran_p"] <= 0.5 + 1e-12   # folded: never above one half
    renderer = out["OUTPUT"].renderer()
    assert isinstance(renderer, QgsCategorizedSymbolRenderer) and renderer.classAttribute() == "lisa_popu_2020"
    colours = {c.value(): c.symbol().color().name() for c in renderer.categories()}
    assert colours == {"HH": "#ff0000", "LL": "#0000ff", "HL": "#f4ada8", "LH": "#a7adf9", "ns": "#eeeeee"}
    html = report.read_text(encoding="utf-8")
    assert html.count("<svg") >= 17 and "borrowed size" in html
    # each indicator headed in words, its field code beside
    assert "<h2>population 2020 (popu_2020)</h2>" in html
    assert "<h2>total night-time light 2020 (ntl_total_light_2020)</h2>" in html


def test_reproducible_from_the_seed(default_run):
    again = spatial()
    first = rows(default_run[0]["OUTPUT_TABLE"])
    assert rows(again["OUTPUT_TABLE"]) == first
    other = rows(spatial(SEED=7)["OUTPUT_TABLE"])
    assert [r["moran_i"] for r in other] == [r["moran_i"] for r in first]   # the statistic is not random
    assert [r["moran_p"] for r in other] != [r["moran_p"] for r in first]   # its p-value is


def test_typology_output_with_its_cores_gives_the_same_gaps(default_run):
    typed = run("megaregion:typology", {
        "INPUT": str(PREFECTURES), "INDICATORS": INDICATORS, "K": 3, "STABILITY_RESAMPLES": 0,
        "OUTPUT": "memory:", "OUTPUT_CORES": "memory:", "OUTPUT_PROFILES": "memory:", "OUTPUT_HTML": None})
    out = spatial(INPUT=typed["OUTPUT"], CORES=typed["OUTPUT_CORES"], INDICATORS=[])
    ours = {(c["megaregion_id"], c["name"]): c for c in rows(out["OUTPUT"])}
    theirs = {(c["megaregion_id"], c["name"]): c for c in rows(typed["OUTPUT"])}
    assert set(ours) == set(theirs)
    first = {(c["megaregion_id"], c["name"]): c for c in rows(default_run[0]["OUTPUT"])}
    compared = 0
    for key, c in ours.items():
        for ind in INDICATORS:
            assert c["gap_" + ind] == theirs[key]["gap_" + ind]
            if theirs[key]["gap_" + ind] is not None:   # the typology leaves out a city NULL in any indicator
                compared += 1
                assert c["gap_" + ind] == pytest.approx(first[key]["gap_" + ind], abs=1e-12)
        assert c["dist_core_km"] == pytest.approx(first[key]["dist_core_km"], abs=1e-9)
    assert compared > 300


@pytest.fixture
def chinese(tmp_path):
    if mt.lrelease_path() is None:
        pytest.fail("lrelease not found: install qttools5-dev-tools (Debian) to build the translation")
    qm = mt.compile_qm(mt.TS_PATH, tmp_path / "megaregion_zh_CN.qm")
    i18n.remove_translator()
    assert i18n.install_translator(path=str(qm))
    yield
    i18n.remove_translator()


def test_a_run_in_chinese(chinese, tmp_path):
    report = tmp_path / "spatial.html"
    feedback = RecordingFeedback()
    out = spatial(feedback, OUTPUT_HTML=str(report))
    html = report.read_text(encoding="utf-8")
    assert '<html lang="zh-CN">' in html and "到核心城市的距离与差距的空间集聚" in html
    assert "Distance to the core" not in html
    assert any("梯度" in line for line in feedback.infos), feedback.infos[:5]
    assert any("孤岛" in w for w in feedback.warnings), feedback.warnings
    labels = {c.value(): c.label() for c in out["OUTPUT"].renderer().categories()}
    assert labels["HH"] == "高-高" and labels["ns"] == "不显著"
    notes = [c["spatial_note"] for c in rows(out["OUTPUT"]) if c["spatial_note"]]
    assert notes and all(CJK.search(n) for n in notes)


# ---------------------------------------------------------------- bad inputs

def memory_copy(transform=None, crs="EPSG:4326", keep=None):
    """The member prefectures in a memory layer (``keep(row)`` filters, ``transform(row)``
    edits the attributes)."""
    layer, feats = members()
    uri = "MultiPolygon" + (f"?crs={crs}" if crs else "")
    out = QgsVectorLayer(uri, "copy", "memory")
    provider = out.dataProvider()
    provider.addAttributes(layer.fields().toList())
    out.updateFields()
    if not crs:
        out.setCrs(QgsCoordinateReferenceSystem())
    names = layer.fields().names()
    added = []
    for f in feats:
        row = dict(zip(names, f.attributes()))
        if keep is not None and not keep(row):
            continue
        if transform is not None:
            transform(row)
        f.setAttributes([row[n] for n in names])
        added.append(f)
    provider.addFeatures(added)
    return out


def test_no_crs_is_a_clear_error_and_writes_nothing(tmp_path):
    target = tmp_path / "spatial.gpkg"
    with pytest.raises(QgsProcessingException) as error:
        spatial(INPUT=memory_copy(crs=None), OUTPUT=str(target))
    assert "has no CRS" in str(error.value) and "INPUT" in str(error.value)
    assert not target.exists()


def test_no_core_in_a_region_one_city_and_k_beyond_the_region_are_notes():
    def demote(row):
        if row["megaregion_id"] == "BTH":
            row["role"] = "secondary"

    feedback = RecordingFeedback()
    out = spatial(feedback, INPUT=memory_copy(demote))
    assert any("BTH has no core city" in w for w in feedback.warnings), feedback.warnings
    bth = [c for c in rows(out["OUTPUT"]) if c["megaregion_id"] == "BTH"]
    assert bth and all(c["dist_core_km"] is None for c in bth)
    # one secondary city left in a mega-region
    keep_one = {"n": 0}

    def one(row):
        if row["megaregion_id"] != "CY" or row["role"] == "core":
            return True
        keep_one["n"] += 1
        return keep_one["n"] == 1

    feedback = RecordingFeedback()
    out = spatial(feedback, INPUT=memory_copy(keep=one))
    cy = [r for r in rows(out["OUTPUT_TABLE"]) if r["megaregion_id"] == "CY"]
    assert all(r["n_cities"] == 1 and r["pattern"] is None and "no gradient" in r["note"] for r in cy)
    feedback = RecordingFeedback()
    spatial(feedback, WEIGHTS=1, K=40)
    assert any("K lowered to" in w for w in feedback.warnings), feedback.warnings


def test_all_islands_under_contiguity_are_named():
    layer = memory_copy()
    # shrink every polygon around its point on the surface: nothing touches any more
    layer.startEditing()
    for f in layer.getFeatures():
        centre = f.geometry().pointOnSurface()
        layer.changeGeometry(f.id(), centre.buffer(0.01, 4))
    layer.commitChanges()
    feedback = RecordingFeedback()
    out = spatial(feedback, INPUT=layer)
    assert out["ISLAND_COUNT"] == 213
    assert any("has a neighbour under queen" in w or "none of its" in w for w in feedback.warnings)
    assert {c["lisa_popu_2020"] for c in rows(out["OUTPUT"]) if c["gap_popu_2020"] is not None} == {"ns"}


def test_a_projected_layer_gives_the_same_distances_with_a_note(default_run):
    from qgis import processing

    projected = processing.run("native:reprojectlayer", {
        "INPUT": str(PREFECTURES), "TARGET_CRS": "EPSG:3857", "OUTPUT": "memory:"})["OUTPUT"]
    feedback = RecordingFeedback()
    out = spatial(feedback, INPUT=projected, PERMUTATIONS=0, BOOTSTRAP=0)
    assert any("projected CRS" in line for line in feedback.infos), feedback.infos
    first = {(c["megaregion_id"], c["name"]): c["dist_core_km"] for c in rows(default_run[0]["OUTPUT"])}
    # the point on the surface is found in the layer's CRS, so it moves with the projection: for
    # most cities a little, for a few irregular ones a lot; distances stay geodesic
    diff = [abs(c["dist_core_km"] - first[(c["megaregion_id"], c["name"])]) for c in rows(out["OUTPUT"])]
    assert len(diff) == 213 and np.median(diff) < 5


def test_cancel_stops_the_permutations():
    class Cancelling(QgsProcessingFeedback):
        def setProgress(self, value):  # noqa: N802
            super().setProgress(value)
            if value > 30:
                self.cancel()

    with pytest.raises(QgsProcessingException, match="Cancel"):
        spatial(Cancelling(), PERMUTATIONS=2999)


#: The real third-party samples beside the checkout (``../shared/data/realdata``), test inputs only.
REALDATA = next((p for p in (ROOT.parent / "shared" / "data" / "realdata", ROOT.parents[1] / "shared" / "data" / "realdata")
                 if p.exists()), ROOT.parent / "shared" / "data" / "realdata")


@pytest.mark.skipif(not (REALDATA / "datav-areas-v3-geomapdata").exists(), reason="real third-party samples absent")
def test_real_datav_boundaries_with_invalid_polygons():
    """DataV's province files merged (GCJ-02, 82 self-intersecting polygons, municipalities as
    districts), assigned and joined to the census: the run repairs the polygons, says so, and
    names its islands."""
    import glob

    from data_paths import CENSUS

    merged = QgsVectorLayer("MultiPolygon?crs=EPSG:4326&field=adcode:integer&field=name:string", "datav", "memory")
    feats = []
    for path in sorted(glob.glob(str(REALDATA / "datav-areas-v3-geomapdata" / "province" / "*.json"))):
        for f in QgsVectorLayer(path, "p", "ogr").getFeatures():
            g = QgsFeature(merged.fields())
            g.setGeometry(f.geometry())
            g.setAttributes([int(f["adcode"]), f["name"]])
            feats.append(g)
    merged.dataProvider().addFeatures(feats)
    assigned = run("megaregion:assignmegaregions", {"INPUT": merged, "KEY": "adcode", "OUTPUT": "memory:"})["OUTPUT"]
    joined = run("megaregion:joinindicators", {
        "INPUT": assigned, "INPUT_KEY": "adcode", "TABLE": str(CENSUS), "TABLE_KEY": "city_code",
        "FIELDS": ["popu_2020"], "OUTPUT": "memory:", "UNMATCHED": "memory:"})["OUTPUT"]
    feedback = RecordingFeedback()
    out = spatial(feedback, INPUT=joined, INDICATORS=["popu_2020"])
    assert out["CITY_COUNT"] == 213
    assert any("invalid polygons repaired" in w for w in feedback.warnings), feedback.warnings
    cities = rows(out["OUTPUT"])
    assert all(c["dist_core_km"] is None or c["dist_core_km"] > 0 for c in cities)
    assert any(c["lisa_popu_2020"] in ("HH", "LL", "HL", "LH") for c in cities)


@pytest.mark.skipif(not (REALDATA / "amap-yrd-county-shp-noprj").exists(), reason="real third-party samples absent")
def test_real_shapefile_without_prj_is_a_clear_error(tmp_path):
    target = tmp_path / "spatial.gpkg"
    with pytest.raises(QgsProcessingException) as error:
        spatial(INPUT=str(REALDATA / "amap-yrd-county-shp-noprj" / "浙江省.shp"), OUTPUT=str(target))
    assert "has no CRS" in str(error.value) and "浙江省.shp" in str(error.value)
    assert not target.exists()


@pytest.mark.parametrize("weights, extra", [(1, {"K": 4}), (2, {"DISTANCE_BAND": 150.0})])
def test_knn_and_distance_band_weights_and_travel_time(weights, extra):
    out = spatial(WEIGHTS=weights, PERMUTATIONS=99, BOOTSTRAP=99, TRAVEL_TIME="popu_2010", **extra)
    cities = rows(out["OUTPUT"])
    assert len(cities) == 213
    if weights == 1:
        # four neighbours wherever a mega-region has five secondary cities or more
        assert {c["n_neighbours"] for c in cities if c["megaregion_id"] == "YRD"} == {4}
    else:
        # within 150 km: every neighbour count is possible, islands are named in the notes
        assert out["ISLAND_COUNT"] == sum(1 for c in cities if c["n_neighbours"] == 0)
    population = {(f["megaregion_id"], f["name"]): f["popu_2010"] for f in members()[1]}
    copied = [c for c in cities if c["travel_time"] is not None]
    assert len(copied) > 200
    assert all(c["travel_time"] == population[(c["megaregion_id"], c["name"])] for c in copied)

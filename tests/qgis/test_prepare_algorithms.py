"""The prepare-data algorithms through processing.run, as the toolbox and models call them."""
import contextlib
import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer

from data_paths import BOUNDARIES, MEMBERSHIP
from megaregion.processing.compat import WKB_MULTIPOLYGON


def boundaries_layer(path=BOUNDARIES):
    layer = QgsVectorLayer(str(path), "prefectures", "ogr")
    assert layer.isValid()
    return layer


def values(layer, field):
    return [f[field] for f in layer.getFeatures()]


def test_assign_defaults_bundled_membership(run_alg):
    result = run_alg(
        "megaregion:assignmegaregions", {"INPUT": boundaries_layer(), "KEY": "adcode", "OUTPUT": "memory:"}
    )
    out = result["OUTPUT"]
    ids = [v for v in values(out, "megaregion_id") if v]
    assert len(set(ids)) == 19
    roles = values(out, "role")
    assert roles.count("core") == 35
    # HK and Macao are left out by default: 215 secondary rows less the two SARs.
    assert roles.count("secondary") == 213
    # 8 units are in two mega-regions: one feature per membership, 370 units kept in all.
    assert out.featureCount() == 370 + 8
    bth_cores = sorted(f["name"] for f in out.getFeatures() if f["megaregion_id"] == "BTH" and f["role"] == "core")
    assert bth_cores == sorted(["北京市", "天津市", "石家庄市"])
    assert out.wkbType() == WKB_MULTIPOLYGON


def test_assign_first_membership_and_drop(run_alg):
    result = run_alg(
        "megaregion:assignmegaregions",
        {"INPUT": boundaries_layer(), "KEY": "adcode", "MULTIPLE": 1, "UNASSIGNED": 1, "OUTPUT": "memory:"},
    )
    out = result["OUTPUT"]
    codes = values(out, "adcode")
    assert len(codes) == len(set(codes)) == 242 - 2  # distinct members, less HK and Macao
    assert all(values(out, "megaregion_id"))


def test_assign_user_membership_table(run_alg):
    table = QgsVectorLayer(str(MEMBERSHIP), "membership", "ogr")
    result = run_alg(
        "megaregion:assignmegaregions",
        {"INPUT": boundaries_layer(), "KEY": "adcode", "MEMBERSHIP": table, "UNASSIGNED": 1, "OUTPUT": "memory:"},
    )
    assert result["OUTPUT"].featureCount() == 250 - 2


def test_assign_members_as_in_du_2026(run_alg):
    """MEMBERSHIP_SET 1: ordinary prefecture-level cities only, the dissertation's group sizes."""
    out = run_alg(
        "megaregion:assignmegaregions",
        {"INPUT": boundaries_layer(), "KEY": "adcode", "MEMBERSHIP_SET": 1, "UNASSIGNED": 1, "OUTPUT": "memory:"},
    )["OUTPUT"]
    assert out.featureCount() == 225
    sizes = {}
    for f in out.getFeatures():
        cores, cities = sizes.get(f["megaregion_id"], (0, 0))
        sizes[f["megaregion_id"]] = (cores + (f["role"] == "core"), cities + 1)
    assert {k: sizes[k] for k in ("BTH", "PRD", "CY", "SDP", "SCL", "CSX")} == {
        "BTH": (3, 13), "PRD": (2, 9), "CY": (2, 16), "SDP": (2, 16), "SCL": (2, 9), "CSX": (1, 5)}
    assert "仙桃市" not in values(out, "name") and "延边朝鲜族自治州" not in values(out, "name")


def test_assign_du_2026_with_hong_kong_and_macao_is_a_clear_error(run_alg, regional_boundaries):
    with pytest.raises(QgsProcessingException, match=r"INCLUDE_SAR is on and MEMBERSHIP_SET is 'As in Du 2026.*turn "
                                                     r"INCLUDE_SAR off"):
        run_alg("megaregion:assignmegaregions", {"INPUT": boundaries_layer(regional_boundaries), "KEY": "adcode",
                                                 "MEMBERSHIP_SET": 1,
                                                 "INCLUDE_SAR": True, "OUTPUT": "memory:"})


def test_assign_wrong_key_field_is_a_clear_error(run_alg, regional_boundaries):
    with pytest.raises(QgsProcessingException, match="administrative code|adcode"):
        run_alg("megaregion:assignmegaregions",
                {"INPUT": boundaries_layer(regional_boundaries), "KEY": "name", "OUTPUT": "memory:"})


def test_gcj02_to_wgs84_shifts_and_round_trips(run_alg, regional_boundaries):
    """Every prefecture's conversion is pinned by the regression record gcj02towgs84; here the
    way back (WGS84 to GCJ-02) returns to the input and keeps the parts."""
    layer = boundaries_layer(regional_boundaries)
    wgs = run_alg("megaregion:gcj02towgs84", {"INPUT": layer, "OUTPUT": "memory:"})["OUTPUT"]
    back = run_alg(
        "megaregion:gcj02towgs84", {"INPUT": wgs, "FROM_SYSTEM": 2, "TO_SYSTEM": 0, "OUTPUT": "memory:"}
    )["OUTPUT"]
    assert wgs.featureCount() == back.featureCount() == 36
    assert wgs.crs().authid() == "EPSG:4326"
    original = {f["adcode"]: f.geometry() for f in layer.getFeatures()}
    for f_wgs, f_back in zip(wgs.getFeatures(), back.getFeatures()):
        g0 = original[f_back["adcode"]]
        p0 = g0.vertexAt(0)
        pw = f_wgs.geometry().vertexAt(0)
        pb = f_back.geometry().vertexAt(0)
        if f_back["unit_type"] in ("prefecture", "municipality"):
            # GCJ-02 is offset from WGS84 by 0.1-0.7 km over mainland China
            assert 1e-4 < max(abs(p0.x() - pw.x()), abs(p0.y() - pw.y())) < 1e-2
        assert abs(p0.x() - pb.x()) < 1e-7 and abs(p0.y() - pb.y()) < 1e-7
        assert f_back.geometry().constGet().partCount() == g0.constGet().partCount()


def test_gcj02_same_system_copies_unchanged(run_alg, regional_boundaries):
    layer = boundaries_layer(regional_boundaries)
    out = run_alg(
        "megaregion:gcj02towgs84", {"INPUT": layer, "FROM_SYSTEM": 2, "TO_SYSTEM": 2, "OUTPUT": "memory:"}
    )["OUTPUT"]
    original = {f["adcode"]: f.geometry().asWkt(7) for f in layer.getFeatures()}
    copied = {f["adcode"]: f.geometry().asWkt(7) for f in out.getFeatures()}
    assert copied == original


def test_gcj02_projected_input_is_an_error(run_alg, regional_boundaries):
    projected = run_alg(
        "native:reprojectlayer", {"INPUT": boundaries_layer(regional_boundaries), "TARGET_CRS": "EPSG:3857", "OUTPUT": "memory:"}
    )["OUTPUT"]
    with pytest.raises(QgsProcessingException, match="EPSG:4326"):
        run_alg("megaregion:gcj02towgs84", {"INPUT": projected, "OUTPUT": "memory:"})


def test_assign_output_opens_styled_by_megaregion_with_cores_marked(run_alg, tmp_path):
    out = tmp_path / "assigned.gpkg"
    run_alg("megaregion:assignmegaregions", {"INPUT": boundaries_layer(), "KEY": "adcode", "OUTPUT": str(out)})
    import re
    import sqlite3

    with contextlib.closing(sqlite3.connect(out)) as con:
        qml = con.execute("SELECT styleQML FROM layer_styles WHERE f_table_name = 'assigned' AND useAsDefault").fetchone()[0]
    assert 'type="RuleRenderer"' in qml
    labels = re.findall(r'<rule [^>]*label="([^"]*)"', qml)
    assert len(labels) == 19 + 2
    assert "Beijing-Tianjin-Hebei (BTH)" in labels and labels[-2:] == ["In no mega-region", "Core city"]


def test_assign_writes_a_json_field_as_its_text(run_alg, tmp_path):
    """DataV's boundaries carry a JSON field (parent: {"adcode": 320000}) that a GeoPackage cannot
    store as such: it is written as its JSON text, and the run goes through."""
    import json

    square = [[[118.7, 32.0], [118.9, 32.0], [118.9, 32.2], [118.7, 32.2], [118.7, 32.0]]]
    features = [
        {"type": "Feature", "geometry": {"type": "Polygon", "coordinates": square},
         "properties": {"adcode": code, "name": name, "level": "city", "parent": {"adcode": 320000},
                        "acroutes": [100000, 320000]}}
        for code, name in ((320100, "南京市"), (320500, "苏州市"))
    ]
    src = tmp_path / "320000.json"
    src.write_text(json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False), encoding="utf-8")
    before = src.read_bytes()
    out = tmp_path / "assigned.gpkg"
    result = run_alg("megaregion:assignmegaregions", {"INPUT": str(src), "KEY": "adcode", "OUTPUT": str(out)})
    layer = QgsVectorLayer(result["OUTPUT"])
    rows = {f["name"]: f for f in layer.getFeatures()}
    assert json.loads(rows["南京市"]["parent"]) == {"adcode": 320000}
    assert json.loads(rows["苏州市"]["acroutes"]) == [100000, 320000]
    assert (rows["南京市"]["megaregion_id"], rows["南京市"]["role"]) == ("YRD", "core")
    assert (rows["苏州市"]["megaregion_id"], rows["苏州市"]["role"]) == ("YRD", "secondary")
    assert src.read_bytes() == before

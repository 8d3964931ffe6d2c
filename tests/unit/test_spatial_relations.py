"""The spatial relations over a table of cities (core/spatial/relations.py): distances equal
pyproj's Geod.inv, gaps equal the typology's, planted regions get their verdicts, the fields
are the public names, and bad inputs give clear errors or notes."""
import numpy as np
import pandas as pd
import pytest
from pyproj import Geod
from shapely.geometry import box

from megaregion.core import fields as fv
from megaregion.core.spatial.relations import spatial_relations
from megaregion.core.typology import gap_typology


def grid_region(region, x0, y0, size=5, core_at=(2, 2), gap_sign=-1, seed=0, step=0.5):
    """A ``size x size`` lattice of square cities with one core; the secondary gap rises
    (gap_sign -1: borrowed size) or falls (+1: shadow) with log distance."""
    rng = np.random.default_rng(seed)
    rows, geoms = [], []
    for r in range(size):
        for c in range(size):
            core = (r, c) == core_at
            d = np.hypot(r - core_at[0], c - core_at[1])
            gap = None if core else gap_sign * 0.1 * np.log(d) - 0.3 + rng.normal(0, 0.01)
            rows.append(dict(megaregion_id=region, name=f"{region}{r}{c}", role="core" if core else "secondary",
                             gap_x=gap))
            geoms.append(box(x0 + c * step, y0 + r * step, x0 + (c + 1) * step, y0 + (r + 1) * step))
    return rows, geoms


def layer(*regions):
    rows, geoms = [], []
    for r, g in regions:
        rows += r
        geoms += g
    frame = pd.DataFrame(rows)
    lon = [g.centroid.x for g in geoms]
    lat = [g.centroid.y for g in geoms]
    return frame, geoms, lon, lat


def run(frame, geoms, lon, lat, **kw):
    kw.setdefault("permutations", 199)
    kw.setdefault("resamples", 199)
    return spatial_relations(frame, kw.pop("indicators", ["x"]), lon=lon, lat=lat, geometries=geoms,
                             name_field="name", **kw)


@pytest.fixture(scope="module")
def two_regions():
    frame, geoms, lon, lat = layer(grid_region("A", 100, 30, gap_sign=-1, seed=1),
                                   grid_region("B", 110, 35, gap_sign=+1, seed=2))
    return frame, geoms, lon, lat, run(frame, geoms, lon, lat, seed=3)


def test_distances_equal_geod_inv(two_regions):
    frame, geoms, lon, lat, result = two_regions
    geod = Geod(ellps="WGS84")
    cities = result.cities
    for idx, row in cities.iterrows():
        core = frame.index[(frame["megaregion_id"] == row["megaregion_id"]) & (frame["role"] == "core")][0]
        _, _, metres = geod.inv(lon[idx], lat[idx], lon[core], lat[core])
        assert abs(row[fv.DIST_CORE_KM] * 1000 - metres) < 1e-3
        assert row[fv.NEAREST_CORE] == frame.loc[core, "name"]
    # the eight cities around each core share a boundary point with it (queen), the rest do not
    assert (cities[fv.BORDERS_CORE] == 1).sum() == 16
    assert set(cities.loc[cities[fv.BORDERS_CORE] == 1, "name"]) == {
        f"{reg}{r}{c}" for reg in "AB" for r in (1, 2, 3) for c in (1, 2, 3) if (r, c) != (2, 2)}


def test_planted_verdicts_and_public_names(two_regions):
    result = two_regions[-1]
    table = result.table.set_index("megaregion_id")
    assert table.loc["A", "pattern"] == "borrowed_size"
    assert table.loc["B", "pattern"] == "shadow"
    assert table.loc["A", "gradient"] < 0 < table.loc["B", "gradient"]
    assert table.loc["A", "n_cities"] == 24
    assert list(result.table.columns) == list(fv.SPATIAL_TABLE_COLUMNS)
    assert "ALL" in table.index and table.loc["ALL", "n_cities"] == 48
    for name in ("dist_core_km", "nearest_core", "borders_core", "gap_x", "local_i_x", "lisa_p_x", "lisa_x",
                 "gradient_resid_x"):
        assert name in result.cities.columns
    assert set(result.cities["lisa_x"]) <= set(fv.LISA_CLASSES)
    # the ring structure is spatially clustered: positive Moran's I in both regions
    assert table.loc["A", "moran_i"] > 0 and table.loc["B", "moran_i"] > 0


def test_reproducible_from_the_seed(two_regions):
    frame, geoms, lon, lat, result = two_regions
    again = run(frame, geoms, lon, lat, seed=3)
    pd.testing.assert_frame_equal(result.table, again.table)
    pd.testing.assert_frame_equal(result.cities, again.cities)


def test_gaps_computed_as_the_typology_computes_them():
    rng = np.random.default_rng(0)
    regions = [grid_region("A", 100, 30, seed=1), grid_region("B", 110, 35, seed=2)]
    frame, geoms, lon, lat = layer(*regions)
    frame = frame.drop(columns="gap_x")
    frame["pop"] = rng.uniform(10, 100, len(frame))
    frame["pm25"] = rng.uniform(20, 60, len(frame))
    result = run(frame, geoms, lon, lat, indicators=["pop", "pm25"], cost_indicators=["pm25"])
    typed = gap_typology(frame, ["pop", "pm25"], cost_indicators=["pm25"], name_field="name", k=2)
    for ind in ("pop", "pm25"):
        ours = result.cities[fv.spatial_field("gap", ind)]
        assert np.allclose(ours.loc[typed.profile.index], typed.profile[ind], atol=1e-15)


def test_no_core_one_city_islands_and_large_k_are_notes():
    frame, geoms, lon, lat = layer(grid_region("A", 100, 30, seed=1))
    # a region without a core, and a region with a single secondary city
    frame.loc[len(frame)] = dict(megaregion_id="N", name="N1", role="secondary", gap_x=-0.2)
    geoms.append(box(120, 40, 121, 41))
    lon.append(120.5)
    lat.append(40.5)
    result = run(frame, geoms, lon, lat)
    text = " ".join(str(n) for n in result.notes)
    assert "N has no core city" in text
    row = result.cities.set_index("name").loc["N1"]
    assert np.isnan(row[fv.DIST_CORE_KM]) and row["spatial_note"].startswith("no core city")
    assert row["lisa_x"] == "ns"
    assert pd.isna(result.table.set_index("megaregion_id").loc["N", "pattern"])
    # knn with K beyond the region: lowered with a note
    small = run(frame, geoms, lon, lat, weights="knn", k=30)
    assert "K lowered to 23" in " ".join(str(n) for n in small.notes)
    # cities that touch nothing: all islands under contiguity
    apart = [box(g.bounds[0] * 3, g.bounds[1] * 3, g.bounds[0] * 3 + 0.4, g.bounds[1] * 3 + 0.4) for g in geoms]
    lonely = run(frame, apart, lon, lat)
    assert "none of its 24 secondary cities has a neighbour" in " ".join(str(n) for n in lonely.notes)
    assert (lonely.cities["lisa_x"] == "ns").all()
    assert lonely.table.set_index("megaregion_id").loc["A", "n_islands"] == 24


def test_notes_in_chinese():
    frame, geoms, lon, lat = layer(grid_region("A", 100, 30, seed=1))
    frame.loc[len(frame)] = dict(megaregion_id="N", name="N1", role="secondary", gap_x=-0.2)
    geoms.append(box(120, 40, 121, 41))
    lon.append(120.5)
    lat.append(40.5)
    result = run(frame, geoms, lon, lat, lang="zh")
    assert result.cities.set_index("name").loc["N1", "spatial_note"].startswith("城市群没有核心城市")
    assert "没有核心城市" in result.notes[0].in_language("zh")


def test_bad_inputs_are_clear_errors():
    frame, geoms, lon, lat = layer(grid_region("A", 100, 30, seed=1))
    with pytest.raises(ValueError, match="neither 'gap_y'"):
        run(frame, geoms, lon, lat, indicators=["y"])
    bad_lat = list(lat)
    bad_lat[3] = 3_400_000.0   # a projected coordinate read as degrees
    with pytest.raises(ValueError, match="no representative point"):
        run(frame, geoms, lon, bad_lat)
    with pytest.raises(ValueError, match="Distance band"):
        run(frame, geoms, lon, lat, weights="distance", band_km=0)
    with pytest.raises(ValueError, match="correction"):
        run(frame, geoms, lon, lat, correction="holm")
    no_cores = frame.drop(columns="gap_x").assign(role="secondary", pop=1.0)
    with pytest.raises(ValueError, match="no row has role 'core'"):
        run(no_cores, geoms, lon, lat, indicators=["pop"])


def test_report_in_both_languages(two_regions):
    from megaregion.core.spatial.report import spatial_report_html

    result = two_regions[-1]
    en = spatial_report_html(result, "en")
    zh = spatial_report_html(result, "zh")
    assert en.count("<svg") == 2 and zh.count("<svg") == 2   # one scatter per mega-region
    assert "gap narrows toward the core (borrowed size)" in en
    assert "gap widens toward the core (agglomeration shadow)" in en
    assert "越靠近核心差距越小（借用规模）" in zh and 'lang="zh-CN"' in zh


def test_a_city_twice_in_one_mega_region_is_refused():
    frame, geoms, lon, lat = layer(grid_region("A", 100, 30, seed=1))
    frame["adcode"] = range(110100, 110100 + 100 * len(frame), 100)
    frame.loc[3, "adcode"] = frame.loc[4, "adcode"]
    with pytest.raises(ValueError, match="appear more than once in the same mega-region"):
        run(frame, geoms, lon, lat, city_field="adcode")
    frame.loc[3, "adcode"] = 999900
    assert len(run(frame, geoms, lon, lat, city_field="adcode").cities) == 24

"""The spatial relations of the secondary cities' gaps, over a table of cities: distance to
the cores, the gradient of the gap with distance (per mega-region and pooled), and global and
local Moran's I of the gaps among the secondary cities of each mega-region.

Input: one row per (mega-region, city) with its role (``core`` / ``secondary``), a
representative point in longitude/latitude and, for contiguity, its polygon. The gap of a
secondary city for indicator ``ind`` is the column ``gap_<ind>`` when the table has it (the
typology's output), else it is computed from the indicator columns exactly as the typology
computes it (:func:`megaregion.core.typology.secondary_gaps`: min-max TOPSIS over all rows,
cost indicators reversed, less the mean of the mega-region's cores).

Weights are built among the secondary cities of each mega-region (a city in two mega-regions
is in both, with that mega-region's gap); the pooled row ``ALL`` uses the block-diagonal
weights of all mega-regions on the gaps less their mega-region's mean, and the fixed-effects
gradient (:mod:`.gradient`). Formulas: see
:mod:`.distance`, :mod:`.weights`, :mod:`.moran`, :mod:`.gradient`.
"""
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .. import fields as fv
from ..admin.city_ids import check_one_row_per_city
from ..messages import msg
from ..type_texts import check_lang
from ..typology import secondary_gaps
from ..typology_checks import megaregion_roles, row_names
from . import gradient as gr
from . import moran as mo
from . import weights as sw
from .distance import check_lonlat, geodesic_km

__all__ = ["SpatialResult", "spatial_relations", "WEIGHTS"]

WEIGHTS = sw.KINDS


@dataclass
class SpatialResult:
    cities: pd.DataFrame           # one row per secondary city (index: the input's)
    table: pd.DataFrame            # one row per mega-region x indicator, and ALL
    indicators: list
    notes: list                    # messages (Text) for the log
    scatter: dict = field(default_factory=dict)   # {(region, ind): (dist_km, gap, pattern)}
    settings: dict = field(default_factory=dict)


def _gaps(frame, indicators, cost, mr, role, names):
    """``{indicator: gap of every row}`` (NaN for cores) and the notes: the table's
    ``gap_<ind>`` where present, else the typology's gap."""
    out = {}
    computed = []
    for ind in indicators:
        given = fv.profile_field("gap", ind)
        if given in frame.columns:
            values = pd.to_numeric(frame[given], errors="coerce").to_numpy(dtype=float)
            out[ind] = np.where(role == fv.SECONDARY, values, np.nan)
        elif ind in frame.columns:
            computed.append(ind)
        else:
            raise ValueError(msg(
                "Indicator {indicator!r}: the table has neither {gap!r} (a typology output) nor {indicator!r}; "
                "choose fields of the input",
                "指标 {indicator!r}：表中既没有 {gap!r}（类型划分输出）也没有 {indicator!r}；请选择输入图层中的字段",
                indicator=ind, gap=given))
    notes = []
    if computed:
        if not (role == fv.CORE).any():
            raise ValueError(msg(
                "The gaps of {indicators} need the core cities' values, but no row has role 'core': use a layer "
                "with the cores (or the typology's secondary-city output with its gap fields)",
                "计算 {indicators} 的差距需要核心城市的数值，但没有角色为 core 的行：请使用包含核心城市的图层"
                "（或类型划分的次级城市输出及其差距字段）",
                indicators=fv.list_names(computed)))
        _, _, dropped, _, _, no_ref, gap = secondary_gaps(
            frame, computed, [c for c in cost if c in computed], mr, role, names)
        for ind, why in dropped.items():
            notes.append(msg("Indicator {indicator} left out: {why}", "指标 {indicator} 被剔除：{why}",
                             indicator=ind, why=why))
        positions = {label: p for p, label in enumerate(frame.index)}
        for ind in gap.columns:
            values = np.full(len(frame), np.nan)
            values[[positions[i] for i in gap.index]] = gap[ind].to_numpy(dtype=float)
            out[ind] = values
    return {ind: out[ind] for ind in indicators if ind in out}, notes


def _rng(seed, *keys):
    return np.random.default_rng(np.random.SeedSequence([int(seed)] + [int(k) for k in keys]))


def _region_weights(kind, positions, geometries, lon, lat, k, band_km, tolerance, region, notes):
    n = len(positions)
    if kind == "queen":
        return sw.queen_weights([geometries[p] for p in positions], tolerance)
    d = sw.pairwise_km(lon[positions], lat[positions])
    if kind == "knn":
        use = min(int(k), n - 1)
        if use < int(k):
            notes.append(msg("{region}: K = {k} nearest neighbours, but the mega-region has {n} secondary cities; "
                             "K lowered to {use} there",
                             "{region}：最近邻 K = {k}，但该城市群只有 {n} 个次级城市；此处 K 降为 {use}",
                             region=region, k=int(k), n=n, use=use))
        if use < 1:
            return sw.from_neighbours([[] for _ in positions], "knn")
        return sw.knn_weights(None, None, use, distances=d)
    return sw.distance_band_weights(None, None, band_km, distances=d)


def _block(weight_list):
    """Block-diagonal union of several regions' weights (positions concatenated)."""
    neighbours, offset = [], 0
    for w in weight_list:
        neighbours += [[int(j) + offset for j in nb] for nb in w.neighbours]
        offset += w.n
    return sw.from_neighbours(neighbours, weight_list[0].kind if weight_list else "queen")


def spatial_relations(frame, indicators, *, lon, lat, geometries=None, megaregion_field=fv.MEGAREGION_ID,
                      role_field=fv.ROLE, name_field=None, cost_indicators=(), weights="queen", k=6, band_km=None,
                      tolerance=0.0, permutations=999, resamples=999, confidence=0.95, alpha=0.05,
                      correction="fdr", seed=0, travel_time=None, city_field=None, monitor=None, lang="en"):
    """Distances, gradients and Moran statistics of the secondary cities' gaps (module
    docstring). ``geometries``: shapely polygons (any CRS) aligned with ``frame``, needed for
    queen contiguity and ``borders_core``; ``lon``/``lat``: representative points in degrees.
    ``monitor(fraction)`` reports progress and stops the run by returning False
    (:class:`.moran.Cancelled`). ``city_field``: a city id; one row per mega-region and city
    (:func:`megaregion.core.admin.city_ids.check_one_row_per_city`, as the typology refuses counties
    or parts of one city counted as cities). Notes are written in ``lang``."""
    lang = check_lang(lang)
    if weights not in WEIGHTS:
        raise ValueError(msg("weights {value!r}: choose one of {choices}", "空间权重 {value!r}：请选择 {choices} 之一",
                             value=weights, choices=", ".join(WEIGHTS)))
    if weights == "queen" and geometries is None:
        raise ValueError(msg("Queen contiguity needs the cities' polygons", "后式邻接需要城市的多边形"))
    if weights == "knn" and int(k) < 1:
        raise ValueError(msg("K = {k} nearest neighbours: choose 1 or more", "最近邻 K = {k}：请选择 1 或更大的数",
                             k=k))
    if weights == "distance" and (band_km is None or not float(band_km) > 0):
        raise ValueError(msg("Distance band {value!r} km: give a positive distance", "距离带 {value!r} 公里：请给出正的距离",
                             value=band_km))
    if not 0 < float(alpha) < 1:
        raise ValueError(msg("Significance level {value!r}: give a level between 0 and 1 (0.05)",
                             "显著性水平 {value!r}：请给出 0 到 1 之间的水平（如 0.05）", value=alpha))
    if int(permutations) < 0:
        raise ValueError(msg("Permutations {value}: give 0 or more", "置换次数 {value}：请给出 0 或更大的数",
                             value=permutations))
    mo.significant([], alpha, correction)  # checks the correction's name
    names = row_names(frame, name_field)
    mr, role = megaregion_roles(frame, megaregion_field, role_field, names)
    check_one_row_per_city(frame, city_field, mr, names)
    indicators = [str(i) for i in indicators]
    if not indicators:
        raise ValueError(msg("No indicator chosen: give at least one", "未选择指标：请至少选择一个"))
    gaps, notes = _gaps(frame, indicators, list(cost_indicators), mr, role, names)
    indicators = list(gaps)
    secondary = np.flatnonzero(role == fv.SECONDARY)
    if len(secondary) == 0:
        raise ValueError(msg("No row has role 'secondary': the spatial relations are those of secondary cities",
                             "没有角色为 secondary 的行：空间关系分析的对象是次级城市"))
    members = np.flatnonzero(role != None)  # noqa: E711 (object array)
    lon_m, lat_m = check_lonlat(np.asarray(lon, dtype=float)[members], np.asarray(lat, dtype=float)[members],
                                [names[p] for p in members])
    lon = np.full(len(frame), np.nan)
    lat = np.full(len(frame), np.nan)
    lon[members], lat[members] = lon_m, lat_m
    tell = (lambda t: t.in_language(lang))
    repaired = []
    if geometries is not None:
        geometries, repaired = sw.valid_polygons(list(geometries))
        repaired = [p for p in repaired if role[p] is not None]
        if repaired:
            notes.append(msg("{count} invalid polygons repaired (make_valid) for contiguity: {cities}",
                             "{count} 个无效多边形已修复（make_valid）以判断邻接：{cities}",
                             count=len(repaired), cities=fv.list_names([names[p] for p in repaired], limit=10)))

    # ---- distances to the cores
    regions = sorted({mr[p] for p in secondary})
    dist = np.full(len(frame), np.nan)
    nearest = np.full(len(frame), None, dtype=object)
    each = np.full(len(frame), None, dtype=object)
    borders = np.full(len(frame), None, dtype=object)
    city_note = {p: [] for p in secondary}
    for p in repaired:
        if p in city_note:
            city_note[p].append(tell(msg("polygon repaired (make_valid) for contiguity", "多边形已修复（make_valid）以判断邻接")))
    for region in regions:
        cores = np.flatnonzero((mr == region) & (role == fv.CORE))
        secs = np.flatnonzero((mr == region) & (role == fv.SECONDARY))
        if len(cores) == 0:
            notes.append(msg("{region} has no core city (role = core): its {n} secondary cities get no distance and "
                             "no gradient; mark its core(s) in the role field",
                             "{region} 没有核心城市（role = core）：其 {n} 个次级城市没有距离和梯度；请在角色字段中标出核心城市",
                             region=region, n=len(secs)))
            for p in secs:
                city_note[p].append(tell(msg("no core city in the mega-region", "城市群没有核心城市")))
            continue
        core_names = [names[c] for c in cores]
        for p in secs:
            d = geodesic_km(np.full(len(cores), lon[p]), np.full(len(cores), lat[p]), lon[cores], lat[cores])
            j = min(range(len(cores)), key=lambda m: (d[m], core_names[m]))
            dist[p], nearest[p] = d[j], core_names[j]
            each[p] = "; ".join("%s %.1f km" % (core_names[m], d[m]) for m in np.argsort(d, kind="stable"))
        if geometries is not None:
            touching = sw.touching_pairs([geometries[p] for p in secs], [geometries[c] for c in cores], tolerance)
            hit = {i for i, _ in touching}
            for i, p in enumerate(secs):
                borders[p] = 1 if i in hit else 0
        zero = [p for p in secs if not dist[p] > 0]
        for p in zero:
            city_note[p].append(tell(msg("its point coincides with a core's: no log distance",
                                         "其代表点与核心城市重合：无法取对数距离")))
            dist[p] = np.nan

    # ---- weights per mega-region among its secondary cities
    region_weights = {}
    region_secs = {}
    for region in regions:
        secs = np.flatnonzero((mr == region) & (role == fv.SECONDARY))
        region_secs[region] = secs
        w = _region_weights(weights, secs, geometries, lon, lat, k, band_km, tolerance, region, notes)
        region_weights[region] = w
        islands = [names[secs[i]] for i in w.islands]
        for i in w.islands:
            city_note[secs[i]].append(tell(msg("no neighbour under the weights (island)", "在该空间权重下没有邻居（孤岛）")))
        if len(secs) and len(islands) == len(secs):
            notes.append(msg("{region}: none of its {n} secondary cities has a neighbour under {weights}; choose "
                             "k nearest neighbours or a distance band",
                             "{region}：其 {n} 个次级城市在 {weights} 权重下都没有邻居；请选择 K 最近邻或距离带权重",
                             region=region, n=len(secs), weights=weights))
        elif islands:
            notes.append(msg("{region}: {count} secondary cities without a neighbour (islands, no local Moran): {cities}",
                             "{region}：{count} 个次级城市没有邻居（孤岛，无局部莫兰指数）：{cities}",
                             region=region, count=len(islands), cities=fv.list_names(islands, limit=10)))
    n_neighbours = np.full(len(frame), np.nan)
    for region in regions:
        n_neighbours[region_secs[region]] = region_weights[region].cardinalities

    # ---- per mega-region and indicator
    columns = {ind: {kind: np.full(len(frame), np.nan) for kind in ("gradient_resid", "local_i", "lisa_p")}
               for ind in indicators}
    lisa = {ind: np.full(len(frame), None, dtype=object) for ind in indicators}
    rows, scatter = [], {}
    tasks = (len(regions) + 1) * len(indicators)
    done = [0]

    def sub_monitor(fraction):
        if monitor is None:
            return True
        return monitor((done[0] + min(max(fraction, 0.0), 1.0)) / max(tasks, 1))

    def row(region, ind, n, grad=None, gm=None, clusters=(), islands=0, why=()):
        rec = dict(megaregion_id=region, indicator=ind, n_cities=n)
        for key, value in (("gradient", grad and grad.slope), ("gradient_ci_low", grad and grad.slope_ci[0]),
                           ("gradient_ci_high", grad and grad.slope_ci[1]), ("rho", grad and grad.rho),
                           ("rho_ci_low", grad and grad.rho_ci[0]), ("rho_ci_high", grad and grad.rho_ci[1]),
                           ("moran_i", gm and gm.I), ("moran_ei", gm and gm.EI),
                           ("moran_z", gm and gm.z_rand), ("moran_p", gm and gm.p_sim)):
            value = np.nan if value is None else float(value)
            rec[key] = value if np.isfinite(value) else np.nan
        rec["pattern"] = grad.pattern if grad is not None else None
        clusters = list(clusters)
        for cls in ("HH", "LL", "HL", "LH"):
            rec["n_" + cls.lower()] = sum(1 for c in clusters if c == cls)
        rec["n_islands"] = int(islands)
        rec["note"] = "; ".join(tell(t) for t in why) or None
        return rec

    pooled = {ind: ([], [], [], [], []) for ind in indicators}  # gap, dist, region, weights, clusters
    for r_index, region in enumerate(regions):
        secs = region_secs[region]
        w_all = region_weights[region]
        for i_index, ind in enumerate(indicators):
            y = gaps[ind][secs]
            ok = np.isfinite(y)
            why = []
            if (~ok).any():
                why.append(msg("{count} cities without a gap", "{count} 个城市没有差距值", count=int((~ok).sum())))
                for p in secs[~ok]:
                    city_note[p].append(tell(msg("no gap for {indicator} (a NULL value of the city or its cores): "
                                                 "left out of the gradient and Moran's I",
                                                 "{indicator} 没有差距值（城市或其核心城市的值为空）：不参与梯度和莫兰指数",
                                                 indicator=ind)))
            use = np.flatnonzero(ok)
            w = w_all.subset(use)
            grad = gm = None
            d = dist[secs[use]]
            has_d = np.isfinite(d)
            if has_d.sum() >= gr.MIN_CITIES and np.ptp(d[has_d]) > 0:
                grad = gr.gradient(y[use][has_d], d[has_d], resamples, confidence,
                                   _rng(seed, 1, r_index, i_index), region)
                columns[ind]["gradient_resid"][secs[use][has_d]] = grad.residuals
                if grad.n < gr.MIN_VERDICT_CITIES:
                    why.append(msg("{n} secondary cities: too few for a verdict on the gradient (at least {least})",
                                   "{n} 个次级城市：不足以判断梯度（至少需要 {least} 个）", n=grad.n,
                                   least=gr.MIN_VERDICT_CITIES))
                pooled[ind][0].append(y[use][has_d])
                pooled[ind][1].append(d[has_d])
                pooled[ind][2].append(np.full(int(has_d.sum()), region, dtype=object))
            else:
                why.append(msg("fewer than {least} secondary cities at a known distance from a core: no gradient",
                               "到核心城市距离已知的次级城市少于 {least} 个：无梯度", least=gr.MIN_CITIES))
            if len(use) >= 4 and w.cardinalities.sum() > 0 and np.ptp(y[use]) > 0:
                gm = mo.global_moran(y[use], w, permutations, _rng(seed, 2, r_index, i_index), sub_monitor)
                lm = mo.local_moran(y[use], w, permutations, _rng(seed, 3, r_index, i_index), alpha, correction,
                                    sub_monitor)
                columns[ind]["local_i"][secs[use]] = lm.Is
                columns[ind]["lisa_p"][secs[use]] = lm.p_sim
                lisa[ind][secs[use]] = lm.cluster
                clusters = lm.cluster
                pooled[ind][3].append((y[use], w))
            else:
                why.append(msg("fewer than 4 secondary cities with neighbours and different gaps: no Moran's I",
                               "有邻居且差距不同的次级城市少于 4 个：无莫兰指数"))
                clusters = ()
                if len(use):
                    lisa[ind][secs[use]] = "ns"
            rows.append(row(region, ind, len(use), grad, gm, clusters, len(w.islands), why))
            scatter[(region, ind)] = (d[has_d], y[use][has_d], grad.pattern if grad else None)
            done[0] += 1
            sub_monitor(0.0)
    for i_index, ind in enumerate(indicators):
        ys, ds, gs, wl, _ = pooled[ind]
        grad = gm = None
        why = []
        n_all = int(sum(len(v) for v in ys))
        try:
            if ys:
                grad = gr.pooled_gradient(np.concatenate(ys), np.concatenate(ds), np.concatenate(gs), resamples,
                                          confidence, _rng(seed, 4, 0, i_index), fv.ALL_REGIONS)
        except ValueError as exc:
            why.append(exc.args[0])
        if grad is None and not why:
            why.append(msg("no mega-region has a gradient", "没有一个城市群有梯度"))
        if wl:
            # each mega-region's gaps less their mean (fixed effects, as the pooled gradient): the
            # levels of the regions would otherwise read as autocorrelation within every block
            y_all = np.concatenate([v - v.mean() for v, _ in wl])
            if np.ptp(y_all) > 0:
                gm = mo.global_moran(y_all, _block([w for _, w in wl]), permutations, _rng(seed, 5, 0, i_index),
                                     sub_monitor)
        clusters = [c for c in lisa[ind] if c is not None]
        rows.append(row(fv.ALL_REGIONS, ind, n_all, grad, gm, clusters,
                        sum(len(region_weights[r].islands) for r in regions), why))
        done[0] += 1
        sub_monitor(0.0)

    cities = pd.DataFrame({"megaregion_id": mr[secondary], "name": [names[p] for p in secondary]},
                          index=frame.index[secondary])
    cities[fv.NEAREST_CORE] = nearest[secondary]
    cities[fv.DIST_CORE_KM] = dist[secondary]
    cities["dist_each_core"] = each[secondary]
    cities[fv.BORDERS_CORE] = pd.array(borders[secondary], dtype="Int64") if geometries is not None else pd.NA
    if travel_time is not None:
        cities["travel_time"] = pd.to_numeric(pd.Series(np.asarray(travel_time, dtype=object)[secondary],
                                                        index=cities.index), errors="coerce")
    cities["n_neighbours"] = n_neighbours[secondary]
    for ind in indicators:
        cities[fv.spatial_field("gap", ind)] = gaps[ind][secondary]
        for kind in ("gradient_resid", "local_i", "lisa_p"):
            cities[fv.spatial_field(kind, ind)] = columns[ind][kind][secondary]
        cities[fv.spatial_field("lisa", ind)] = lisa[ind][secondary]
    cities["spatial_note"] = ["; ".join(city_note[p]) or None for p in secondary]
    table = pd.DataFrame(rows, columns=list(fv.SPATIAL_TABLE_COLUMNS))
    settings = dict(weights=weights, k=k, band_km=band_km, tolerance=tolerance, permutations=int(permutations),
                    resamples=int(resamples), confidence=float(confidence), alpha=float(alpha),
                    correction=correction, seed=int(seed))
    return SpatialResult(cities=cities, table=table, indicators=indicators, notes=notes, scatter=scatter,
                         settings=settings)

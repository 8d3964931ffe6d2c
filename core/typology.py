"""Typology of secondary cities by their gap to the cores, and of development trends
(method.md sections 3 and 4; Du 2026, chapter 2).

Input: a table with one row per (mega-region, city) pair, a mega-region field, a role
field (``core`` / ``secondary``) and one numeric field per indicator. Rows with no
mega-region (and no role) are not typed but still belong to the ``"all"`` pool.

1. Performance: per-indicator TOPSIS = min-max scaling over a pool
   (:func:`megaregion.core.topsis.indicator_performance`); cost indicators reversed.
   ``pool="all"`` (default, as in the dissertation) scales over every row of the table,
   ``pool="megaregion"`` over each mega-region's members.
2. Gap of secondary city i: ``Gap_ij = Performance_ij(i) - R_ij`` with the core reference
   ``R`` of its mega-region: ``"mean"`` of its cores' performances (default), the
   ``"nearest"`` core (geodesic distance on the WGS84 ellipsoid between representative
   points, given as lon/lat), or the ``"best"`` core per indicator (the cores' maximum).
3. Trend of city i: ``Trend_ij = Performance_ij(year2) - Performance_ij(year1)``, pools per
   year (default) or pooled over both years.
4. K-means on the gap (or trend) matrix of the secondary cities; see
   :mod:`megaregion.core.kmeans_typology`. Cores are never clustered.

Documented treatments:
- NULL values are excluded: a secondary city with a NULL in any kept indicator (or whose
  core reference is NULL there) is left out of the clustering and listed in ``excluded``
  with the reason. A NULL core value is skipped in the mean / best reference.
- A constant indicator (max = min over a pool, including a pool with one valid value)
  has no min-max performance: by default it is dropped with the reason in
  ``dropped_indicators``; ``on_constant="error"`` raises instead. Never a division by zero.
- A mega-region without a core: its secondary cities are excluded from the gap typology
  with that reason (they still get performances and trends).
- K larger than the number of clustered cities minus one: an error naming both numbers;
  a K_max above it is lowered, with a message.
- A city that belongs to two mega-regions appears once per mega-region (its role and
  reference are per mega-region); in the ``"all"`` pool duplicates do not change min/max.
"""
import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from . import fields as fv
from . import kmeans_typology as km
from . import stability as st
from .data_notes import note
from .messages import msg
from .type_texts import check_lang, is_zh, stability_sentence_zh
from .topsis import indicator_performance, numeric_column, topsis_composite
from .typology_checks import (  # noqa: F401  (public here too)
    _check_choice,
    _check_unique_pairs,
    _dimensions,
    is_blank,
    megaregion_roles,
    row_names,
)
from .typology_indicators import (  # noqa: F401  (the declarations are public here too)
    DIMENSIONS,
    DISSERTATION_COST_INDICATORS,
    DISSERTATION_DIMENSIONS,
    NEUTRAL_INDICATORS,
    neutral_split,
)

MEGAREGION_FIELD = fv.MEGAREGION_ID
ROLE_FIELD = fv.ROLE
CORE = fv.CORE
SECONDARY = fv.SECONDARY
POOLS = ("all", "megaregion")
YEAR_POOLS = ("per_year", "pooled")
CORE_REFERENCES = ("mean", "nearest", "best")
#: The kinds of typology in words, for messages ("the gap typology", "差距类型划分").
KIND_WORDS = {"gap": msg("gap", "差距"), "trend": msg("trend", "趋势")}
FIELD_PATTERN = "{indicator}_{year}"   # the form of megaregion.core.fields.year_field


def slug(name):
    """A field-name-safe form of a dimension or indicator name: ``"urban size"`` -> ``urban_size``."""
    text = re.sub(r"[^0-9A-Za-z]+", "_", str(name)).strip("_").lower()
    return text or "x"


@dataclass
class TypologyResult:
    """Everything a typology produces. Frames are indexed by the input table's index.

    ``kind`` is ``"gap"`` or ``"trend"``; ``profile`` holds the clustered matrix (gaps or
    trends) of the typed secondary cities; ``performance`` holds every analysed row's
    performance (for a trend, one column per indicator and year, named like the fields).
    """
    kind: str
    indicators: list
    dimensions: dict
    performance: pd.DataFrame
    profile: pd.DataFrame
    profile_by_dimension: pd.DataFrame
    cities: pd.DataFrame
    cores: pd.DataFrame
    types: pd.DataFrame
    type_centres: pd.DataFrame
    type_centres_by_dimension: pd.DataFrame
    silhouette_by_k: pd.DataFrame
    k: int
    k_chosen_by: str
    mean_silhouette: float
    within_ss: float
    between_ss: float
    total_ss: float
    pca_components: pd.DataFrame
    pca_explained: np.ndarray
    excluded: pd.DataFrame
    dropped_indicators: dict
    messages: list
    settings: dict
    composite: pd.DataFrame = None
    composite_weights: pd.DataFrame = None
    reference: pd.DataFrame = None
    extra: dict = field(default_factory=dict)

    @property
    def dimension_names(self):
        return list(self.profile_by_dimension.columns)

    def secondary_table(self):
        """One row per typed secondary city, flat fields for an output layer:
        mega-region, name, ``perf_*``, ``gap_*`` / ``trend_*`` per indicator, ``dim_*`` per
        dimension, ``type``, ``type_description``, ``silhouette``, ``pca_x``, ``pca_y``."""
        columns = {c: self.cities[c] for c in ("megaregion_id", "name", "reference_core") if c in self.cities}
        perf = self.performance.loc[self.cities.index]
        # one frame from all columns: a trend over many years has hundreds of them
        columns.update({f"perf_{col}": perf[col] for col in perf.columns})
        columns.update({fv.profile_field(self.kind, col): self.profile[col] for col in self.profile.columns})
        columns.update({f"dim_{slug(col)}": self.profile_by_dimension[col]
                        for col in self.profile_by_dimension.columns})
        columns.update({col: self.cities[col] for col in ("type", "type_description", "silhouette", "pca_x", "pca_y")})
        return pd.DataFrame(columns, index=self.cities.index)

    def core_table(self):
        """One row per core city: mega-region, name and ``perf_*`` (and ``trend_*``)."""
        return self.cores[["megaregion_id", "name"] + list(self.cores.columns[2:])].copy()

    def type_table(self):
        """One row per type: size, mean, sums of squares, description and the centre in
        profile units per indicator (``gap_*``/``trend_*``) and per dimension (``dim_*``)."""
        out = self.types.copy()
        for col in self.type_centres.columns:
            out[f"{self.kind}_{col}"] = self.type_centres[col]
        for col in self.type_centres_by_dimension.columns:
            out[f"dim_{slug(col)}"] = self.type_centres_by_dimension[col]
        return out


# ---------------------------------------------------------------------------- dimensions

def _dimension_frame(values, dims):
    order = list(dict.fromkeys(dims[c] for c in values.columns))
    return pd.DataFrame({d: values[[c for c in values.columns if dims[c] == d]].mean(axis=1)
                         for d in order}, index=values.index, columns=order)


# ---------------------------------------------------------------------------- core reference

def geodesic_distance_m(lon1, lat1, lon2, lat2):
    """Geodesic distance in metres on the WGS84 ellipsoid (Karney 2013, via pyproj.Geod)."""
    from pyproj import Geod

    _, _, dist = Geod(ellps="WGS84").inv(np.asarray(lon1, float), np.asarray(lat1, float),
                                         np.asarray(lon2, float), np.asarray(lat2, float))
    return np.asarray(dist, dtype=float)


def core_reference(performance, megaregion, role, method="mean", lon=None, lat=None, names=None):
    """The core reference ``R`` of every secondary row (see the module docstring).

    Returns ``(reference, reference_core, reasons)``: a DataFrame indexed by the secondary
    rows (NaN where undefined), the nearest core's name for ``"nearest"`` (else None), and a
    dict ``{row position: reason}`` for rows with no reference at all.
    The mean sums sorted values, so it does not depend on the row order."""
    _check_choice("core_reference", method, CORE_REFERENCES)
    names = [str(i) for i in performance.index] if names is None else names
    megaregion = np.asarray(megaregion, dtype=object)
    role = np.asarray(role, dtype=object)
    values = performance.to_numpy(dtype=float)
    secondary = np.flatnonzero(role == SECONDARY)
    ref = np.full((len(secondary), values.shape[1]), np.nan)
    ref_core = np.full(len(secondary), None, dtype=object)
    reasons = {}
    if method == "nearest":
        if lon is None or lat is None:
            raise ValueError(msg("core_reference='nearest' needs lon and lat of every city's representative point",
                                 "core_reference='nearest' 需要每个城市代表点的经度（lon）和纬度（lat）"))
        lon = np.asarray(lon, dtype=float)
        lat = np.asarray(lat, dtype=float)
        if lon.shape != (len(performance),) or lat.shape != (len(performance),):
            raise ValueError(msg("lon/lat must have one value per row ({rows}), got {lon} and {lat}",
                                 "lon/lat 必须每行一个值（{rows} 行），实际为 {lon} 和 {lat}",
                                 rows=len(performance), lon=lon.shape, lat=lat.shape))
        # NaN is a missing point (a reason for that city); anything else must be a place
        bad = np.flatnonzero(np.isinf(lon) | np.isinf(lat) | (np.abs(lat) > 90))
        if len(bad):
            shown = fv.list_text([msg("{city} (lon {lon!r}, lat {lat!r})", "{city}（经度 {lon!r}，纬度 {lat!r}）",
                                      city=names[r], lon=float(lon[r]), lat=float(lat[r])) for r in bad[:6]],
                                 sep_zh="，")
            raise ValueError(msg("Representative points outside the globe for {count} cities ({shown}): "
                                 "longitude and latitude must be finite degrees with |lat| <= 90; check the "
                                 "layer's CRS or the point fields",
                                 "{count} 个城市的代表点超出地球范围（{shown}）：经纬度必须是有限的度数且 |lat| <= 90；"
                                 "请检查图层的坐标参考系或经纬度字段",
                                 count=len(bad), shown=shown))
    for pos, row in enumerate(secondary):
        region = megaregion[row]
        cores = np.flatnonzero((megaregion == region) & (role == CORE))
        if len(cores) == 0:
            reasons[row] = (f"mega-region {region!r} has no core city (role = core), so there is no "
                            "reference; mark its core(s) in the role field")
            continue
        if method == "mean":
            block = np.sort(values[cores], axis=0)         # NaN sorts last; order-free sum
            count = np.sum(~np.isnan(block), axis=0)
            # no core value in a column: NaN, the reason for leaving the city out
            ref[pos] = np.where(count > 0, np.nansum(block, axis=0) / np.maximum(count, 1), np.nan)
        elif method == "best":
            block = values[cores]
            ok = ~np.isnan(block).all(axis=0)
            ref[pos, ok] = np.nanmax(block[:, ok], axis=0)
        else:
            need = np.concatenate([[row], cores])
            missing = need[np.isnan(lon[need]) | np.isnan(lat[need])]
            if len(missing):
                shown = fv.list_names([names[r] for r in missing])
                reasons[row] = f"no representative point (lon/lat NULL) for {shown}"
                continue
            dist = geodesic_distance_m(np.full(len(cores), lon[row]), np.full(len(cores), lat[row]),
                                       lon[cores], lat[cores])
            # ties: the core listed first by name, so the row order does not matter
            nearest = cores[min(range(len(cores)), key=lambda j: (dist[j], names[cores[j]]))]
            ref[pos] = values[nearest]
            ref_core[pos] = names[nearest]
    index = performance.index[secondary]
    return (pd.DataFrame(ref, index=index, columns=performance.columns),
            pd.Series(ref_core, index=index, dtype=object), reasons)


# ---------------------------------------------------------------------------- assembly

def stability_sentence(kind, stability, resamples, lang="en"):
    """The sentence a type's description gains from its stability (:mod:`.stability`):
    nothing for a stable type, a warning under :data:`~megaregion.core.stability.UNSTABLE_BELOW`,
    a note when none of its cities was ever drawn; in Chinese with ``lang="zh"``.

    >>> stability_sentence("gap", 0.93, 100)
    ''
    >>> stability_sentence("gap", 0.41, 100)
    ' Unstable: resampling the secondary cities 100 times recovers this type with a mean Jaccard similarity of 0.41 (under 0.6), so it may be an artefact of this sample.'
    """
    if is_zh(lang):
        return stability_sentence_zh(kind, stability, resamples, st.UNSTABLE_BELOW)
    noun = "type" if kind == "gap" else "trend"
    if stability != stability:
        return (f" Its stability is not measured: none of its cities was drawn in the {resamples} resamples "
                "of the secondary cities.")
    if stability < st.UNSTABLE_BELOW:
        return (f" Unstable: resampling the secondary cities {resamples} times recovers this {noun} with a mean "
                f"Jaccard similarity of {stability:.2f} (under {st.UNSTABLE_BELOW:g}), so it may be an artefact "
                "of this sample.")
    return ""


def _cluster_and_assemble(kind, profile, performance, dims, mr, role, names, frame_index,
                          excluded_rows, dropped, messages, k, k_max, seed, n_init, settings,
                          core_extra=None, reference_core=None, stability_resamples=0, lang="en"):
    pos_of = {label: i for i, label in enumerate(frame_index)}
    if len(profile) == 0:
        reasons = fv.list_text([msg("{city}: {why}", "{city}：{why}", city=names[r], why=note(why))
                                for r, why in list(excluded_rows.items())[:5]], None, sep="; ", sep_zh="；")
        raise ValueError(msg("No secondary city has a complete {kind} profile; see the reasons: {reasons}",
                             "没有一个次级城市具备完整的{kind}特征；原因如下：{reasons}",
                             kind=KIND_WORDS[kind], reasons=reasons))
    what = msg("secondary cities", "次级城市")
    clustering = km.cluster_profiles(profile.to_numpy(), k=k, k_max=k_max, seed=seed, n_init=n_init,
                                     what=what)
    messages = messages + clustering.messages
    letters = clustering.type_names
    by_dim = _dimension_frame(profile, dims)
    centres = pd.DataFrame(clustering.centres, index=letters, columns=profile.columns)
    centres_dim = _dimension_frame(centres, dims)
    mean_all = by_dim.mean(axis=0)
    sd_all = by_dim.std(axis=0, ddof=0)
    descriptions = {
        t: km.describe_type(t, int(clustering.sizes[j]), centres_dim.loc[t], mean_all, sd_all,
                            rank=j, k=clustering.k, kind=kind, lang=lang)
        for j, t in enumerate(letters)}
    stability = np.full(clustering.k, np.nan)
    if stability_resamples:
        number = {t: j for j, t in enumerate(letters)}
        assessed = st.cluster_stability(profile.to_numpy(), [number[t] for t in clustering.labels], clustering.k,
                                        stability_resamples, seed=seed, n_init=n_init)
        stability = assessed.stability
        for j, t in enumerate(letters):
            descriptions[t] += stability_sentence(kind, stability[j], assessed.resamples, lang)
    rows = [pos_of[i] for i in profile.index]
    cities = pd.DataFrame({
        "megaregion_id": mr[rows], "name": [names[r] for r in rows],
        "type": clustering.labels, "type_description": [descriptions[t] for t in clustering.labels],
        "silhouette": clustering.silhouette,
        "pca_x": clustering.pca_scores[:, 0], "pca_y": clustering.pca_scores[:, 1],
    }, index=profile.index)
    if reference_core is not None and reference_core.notna().any():
        cities.insert(2, "reference_core", reference_core.loc[profile.index].to_numpy())
    types = pd.DataFrame({
        "size": clustering.sizes, "mean": centres.mean(axis=1).to_numpy(), "stability": stability,
        "within_ss": clustering.within_ss_by_type, "between_ss": clustering.between_ss_by_type,
        "description": [descriptions[t] for t in letters],
    }, index=pd.Index(letters, name="type"))
    core_rows = np.flatnonzero(role == CORE)
    columns = {"megaregion_id": mr[core_rows], "name": [names[r] for r in core_rows]}
    # one frame from all columns: a trend over many years has hundreds of them
    columns.update({f"perf_{col}": performance[col].to_numpy()[core_rows] for col in performance.columns})
    if core_extra is not None:
        columns.update({col: core_extra[col].to_numpy()[core_rows] for col in core_extra.columns})
    cores = pd.DataFrame(columns, index=frame_index[core_rows])
    excluded = pd.DataFrame({
        "megaregion_id": [mr[r] for r in excluded_rows], "name": [names[r] for r in excluded_rows],
        "role": [role[r] for r in excluded_rows], "reason": list(excluded_rows.values()),
    }, index=frame_index[list(excluded_rows)], columns=["megaregion_id", "name", "role", "reason"])
    if len(excluded):
        left_out = fv.list_text([msg("{city} ({why})", "{city}（{why}）", city=n, why=note(why))
                                 for n, why in zip(excluded["name"][:6], excluded["reason"][:6])],
                                sep="; ", sep_zh="；")
        messages.append(msg("{count} secondary cities left out of the {kind} typology: {cities}",
                            "{count} 个次级城市未参与{kind}类型划分：{cities}",
                            count=len(excluded), kind=KIND_WORDS[kind], cities=left_out))
    messages = [msg("Indicator dropped: {why}", "剔除指标：{why}", why=note(why))
                for why in dropped.values()] + messages
    return TypologyResult(
        kind=kind, indicators=list(profile.columns), dimensions=dims, performance=performance,
        profile=profile, profile_by_dimension=by_dim, cities=cities, cores=cores, types=types,
        type_centres=centres, type_centres_by_dimension=centres_dim,
        silhouette_by_k=clustering.silhouette_by_k, k=clustering.k, k_chosen_by=clustering.k_chosen_by,
        mean_silhouette=clustering.mean_silhouette, within_ss=clustering.within_ss,
        between_ss=clustering.between_ss, total_ss=clustering.total_ss,
        pca_components=pd.DataFrame(clustering.pca_components, index=["PC1", "PC2"], columns=profile.columns),
        pca_explained=clustering.pca_explained, excluded=excluded, dropped_indicators=dropped,
        messages=messages, settings=settings)


def _null_reasons(values, rows, columns, prefix=""):
    reasons = {}
    block = values[rows]
    for pos, row in enumerate(rows):
        bad = [c for c, isnull in zip(columns, np.isnan(block[pos])) if isnull]
        if bad:
            reasons[row] = f"{prefix}NULL in {', '.join(bad)}"
    return reasons


def _field_map(indicators, year, pattern):
    if year is None:
        return {i: i for i in indicators}
    return {i: pattern.format(indicator=i, year=year) for i in indicators}


def secondary_gaps(frame, indicators, cost_indicators, mr, role, names, *, pool="all",
                   core_reference_method="mean", lon=None, lat=None, year=None, field_pattern=FIELD_PATTERN,
                   on_constant="drop"):
    """The gap of every secondary row to its core reference (steps 1-2 of the module
    docstring): ``Gap_ij = Performance_ij(i) - R_ij``, performance the min-max TOPSIS over
    ``pool``, cost indicators reversed. ``mr``, ``role`` and ``names`` as
    :func:`megaregion_roles` and :func:`row_names` give them.

    Returns ``(data, performance, dropped, reference, reference_core, no_reference, gap)``:
    the indicator values, every row's performance, the dropped indicators with their reasons,
    the reference of every secondary row, the nearest core (``"nearest"`` only), the rows
    without a reference with the reason, and the gap of every secondary row (NaN where a
    value or the reference is missing). Used by the gap typology and by the spatial
    relations of the gaps (:mod:`megaregion.core.spatial`)."""
    fields = _field_map(indicators, year, field_pattern)
    data = pd.DataFrame({i: numeric_column(frame, fields[i], names) for i in indicators}, index=frame.index)
    performance, dropped = indicator_performance(
        data, indicators, [c for c in cost_indicators if c in indicators],
        pool=None if pool == "all" else mr, names=names, on_constant=on_constant)
    if performance.shape[1] == 0:
        raise ValueError(msg("Every indicator was dropped: {reasons}", "所有指标均被剔除：{reasons}",
                             reasons=fv.list_text([note(why) for why in dropped.values()], None, sep="; ", sep_zh="；")))
    reference, reference_core, no_ref = core_reference(
        performance, mr, role, core_reference_method, lon, lat, names)
    secondary = np.flatnonzero(np.asarray(role, dtype=object) == SECONDARY)
    gap = performance.iloc[secondary] - reference
    return data, performance, dropped, reference, reference_core, no_ref, gap


def gap_typology(frame, indicators, *, cost_indicators=(), dimensions=None,
                 megaregion_field=MEGAREGION_FIELD, role_field=ROLE_FIELD, name_field=None, city_field=None,
                 pool="all", core_reference_method="mean", lon=None, lat=None, year=None,
                 field_pattern=FIELD_PATTERN, k=None, k_max=km.DEFAULT_K_MAX, seed=km.DEFAULT_SEED,
                 n_init=km.DEFAULT_N_INIT, on_constant="drop", composite_weighting=None,
                 neutral_indicators=(), stability_resamples=0, lang="en"):
    """Types of secondary cities from their gap to the cores (method.md sections 3-4).

    Parameters
    ----------
    frame : DataFrame, one row per (mega-region, city); not modified.
    indicators : indicator names. With ``year`` given, the fields are
        ``field_pattern.format(indicator=..., year=year)`` (default ``<name>_<year>``).
    cost_indicators : indicators where less is better.
    dimensions : optional ``{indicator: dimension}`` (e.g. :data:`DISSERTATION_DIMENSIONS`).
    name_field : field used to name cities in the output and messages (default: index).
    city_field : optional city id field; a (mega-region, city) pair may occur once.
    pool : ``"all"`` or ``"megaregion"`` (min/max of the performance).
    core_reference_method : ``"mean"``, ``"nearest"`` (needs ``lon``, ``lat`` per row) or ``"best"``.
    k : fixed K, or None to choose K by silhouette over 2..``k_max``.
    seed, n_init : K-means random state and number of initialisations.
    on_constant : ``"drop"`` or ``"error"`` for a constant indicator.
    composite_weighting : None, ``"equal"`` or ``"entropy"``: also the classical TOPSIS
        composite per dimension and overall, over all rows (``result.composite``).
    neutral_indicators : indicators where neither more nor less is better (e.g. the average
        household size): left out of performances, gaps and composite, listed in
        ``dropped_indicators`` (:func:`neutral_split`).
    stability_resamples : number of bootstrap resamples of the secondary cities for each
        type's stability (:func:`megaregion.core.stability.cluster_stability`, column
        ``stability`` of ``types``); 0 (default) leaves it NULL.
    lang : ``"en"`` (default) or ``"zh"``: the language of the type descriptions
        (``type_description``, ``description``); field names and everything else stay as they are.
    """
    _check_choice("pool", pool, POOLS)
    _check_choice("core_reference_method", core_reference_method, CORE_REFERENCES)
    lang = check_lang(lang)
    stability_resamples = st.check_resamples(stability_resamples, "stability_resamples")
    indicators, neutral_dropped = neutral_split(indicators, neutral_indicators)
    dims = _dimensions(indicators, dimensions)
    names = row_names(frame, name_field)
    mr, role = megaregion_roles(frame, megaregion_field, role_field, names)
    _check_unique_pairs(mr, names, city_field, frame)
    data, performance, dropped, reference, reference_core, no_ref, gap = secondary_gaps(
        frame, indicators, cost_indicators, mr, role, names, pool=pool,
        core_reference_method=core_reference_method, lon=lon, lat=lat, year=year,
        field_pattern=field_pattern, on_constant=on_constant)
    kept = list(performance.columns)
    secondary = np.flatnonzero(role == SECONDARY)
    excluded = dict(no_ref)
    values = performance.to_numpy()
    for row, why in _null_reasons(values, secondary, kept).items():
        excluded.setdefault(row, why)
    ref_values = reference.to_numpy()
    for pos, row in enumerate(secondary):
        if row in excluded:
            continue
        bad = [c for c, isnull in zip(kept, np.isnan(ref_values[pos])) if isnull]
        if bad:
            excluded[row] = f"no core value for {', '.join(bad)} in mega-region {mr[row]!r}"
    keep = [frame.index[r] for r in secondary if r not in excluded]
    excluded = dict(sorted(excluded.items()))
    settings = dict(pool=pool, core_reference=core_reference_method, k=k, k_max=k_max, seed=seed,
                    n_init=n_init, on_constant=on_constant, cost_indicators=list(cost_indicators), year=year)
    if neutral_dropped:
        settings["neutral_indicators"] = list(neutral_dropped)
    if stability_resamples:
        settings["stability_resamples"] = stability_resamples
    result = _cluster_and_assemble(
        "gap", gap.loc[keep], performance, dims, mr, role, names, frame.index, excluded,
        {**neutral_dropped, **dropped}, [], k, k_max, seed, n_init, settings, reference_core=reference_core,
        stability_resamples=stability_resamples, lang=lang)
    result.reference = reference
    if composite_weighting is not None:
        result.composite, result.composite_weights = topsis_composite(
            data, kept, [c for c in cost_indicators if c in kept], dimensions, composite_weighting, names)
    return result


def trend_typology(frame, indicators, year1, year2, *, cost_indicators=(), dimensions=None,
                   megaregion_field=MEGAREGION_FIELD, role_field=ROLE_FIELD, name_field=None,
                   city_field=None, pool="all", year_pool="per_year", field_pattern=FIELD_PATTERN,
                   k=None, k_max=km.DEFAULT_K_MAX, seed=km.DEFAULT_SEED, n_init=km.DEFAULT_N_INIT,
                   on_constant="drop", neutral_indicators=(), stability_resamples=0, lang="en"):
    """Development trends of secondary cities: K-means on
    ``Trend_ij = Performance_ij(year2) - Performance_ij(year1)``.

    Indicator fields are ``field_pattern.format(indicator=name, year=year)`` (default
    ``<name>_<year>``). ``year_pool="per_year"`` (default) scales each year over its own
    min/max; ``"pooled"`` uses the min/max of both years together, so that a trend also
    shows a shift of the whole distribution. ``pool`` is ``"all"`` or ``"megaregion"`` as
    in :func:`gap_typology`. Cores are not clustered; their trends are in ``cores``.
    A city NULL in either year is excluded with the reason. ``neutral_indicators`` and
    ``stability_resamples`` and ``lang`` as in :func:`gap_typology`.
    """
    _check_choice("pool", pool, POOLS)
    _check_choice("year_pool", year_pool, YEAR_POOLS)
    if str(year1) == str(year2):
        raise ValueError(msg("year1 and year2 are both {year!r}: a trend needs two different years",
                             "year1 和 year2 均为 {year!r}：趋势分析需要两个不同的年份", year=year1))
    lang = check_lang(lang)
    stability_resamples = st.check_resamples(stability_resamples, "stability_resamples")
    indicators, neutral_dropped = neutral_split(indicators, neutral_indicators)
    dims = _dimensions(indicators, dimensions)
    names = row_names(frame, name_field)
    mr, role = megaregion_roles(frame, megaregion_field, role_field, names)
    _check_unique_pairs(mr, names, city_field, frame)
    cost = [c for c in cost_indicators if c in indicators]
    years = (year1, year2)
    data = {y: pd.DataFrame({i: numeric_column(frame, field_pattern.format(indicator=i, year=y), names)
                             for i in indicators}, index=frame.index) for y in years}
    pool_labels = None if pool == "all" else mr
    if year_pool == "per_year":
        perf = {}
        dropped = {}
        for y in years:
            perf[y], d = indicator_performance(data[y], indicators, cost, pool=pool_labels,
                                               names=names, on_constant=on_constant)
            for ind, why in d.items():
                dropped.setdefault(ind, f"year {y}: {why}")
        kept = [i for i in indicators if i not in dropped]
        perf = {y: perf[y][kept] for y in years}
    else:
        n = len(frame)
        stacked = pd.concat([data[y] for y in years], ignore_index=True)
        labels = None if pool_labels is None else np.concatenate([pool_labels, pool_labels])
        stacked_names = [f"{nm} ({y})" for y in years for nm in names]
        both, dropped = indicator_performance(stacked, indicators, cost, pool=labels,
                                              names=stacked_names, on_constant=on_constant)
        kept = list(both.columns)
        perf = {y: both.iloc[j * n:(j + 1) * n].set_axis(frame.index, axis=0) for j, y in enumerate(years)}
    if not kept:
        raise ValueError(msg("Every indicator was dropped: {reasons}", "所有指标均被剔除：{reasons}",
                             reasons=fv.list_text([note(why) for why in dropped.values()], None, sep="; ", sep_zh="；")))
    trend = perf[year2] - perf[year1]
    performance = pd.concat(
        [perf[y].rename(columns={i: field_pattern.format(indicator=i, year=y) for i in kept}) for y in years],
        axis=1)
    secondary = np.flatnonzero(role == SECONDARY)
    excluded = {}
    for y in years:
        for row, why in _null_reasons(perf[y].to_numpy(), secondary, kept, f"{y}: ").items():
            excluded[row] = (excluded[row] + "; " + why) if row in excluded else why
    keep = [frame.index[r] for r in secondary if r not in excluded]
    excluded = dict(sorted(excluded.items()))
    settings = dict(pool=pool, year_pool=year_pool, years=[year1, year2], k=k, k_max=k_max, seed=seed,
                    n_init=n_init, on_constant=on_constant, cost_indicators=list(cost_indicators))
    if neutral_dropped:
        settings["neutral_indicators"] = list(neutral_dropped)
    if stability_resamples:
        settings["stability_resamples"] = stability_resamples
    core_trend = trend.rename(columns={i: fv.profile_field("trend", i) for i in kept})
    return _cluster_and_assemble(
        "trend", trend.loc[keep], performance, dims, mr, role, names, frame.index, excluded,
        {**neutral_dropped, **dropped}, [], k, k_max, seed, n_init, settings, core_extra=core_trend,
        stability_resamples=stability_resamples, lang=lang)

"""The plugin's one vocabulary: field names, roles and how messages list things.

Every module that reads or writes an ``<indicator>_<year>`` field, a role, a mega-region column
or an unevenness/typology output column takes the name from here; no other module holds a
regular expression or an f-string for these rules.

Indicator fields
    An indicator measured in several years is stored as one field per year, ``<indicator>_<year>``
    with a 4-digit year after the last underscore (``popu_2010``, ``popu_2020``). A field without
    such a suffix is a single-year indicator (year ``None``).

Unevenness layer fields
    The mega-region layer of ``megaregion:unevenness`` holds one field per measure, indicator and
    year, ``<measure>_<indicator>_<year>``, and one per measure and indicator for the change,
    ``<measure>_<indicator>_change``.
"""
import re
from collections import OrderedDict
from typing import Dict, Iterable, Optional, Sequence, Tuple

from .messages import Text, msg

__all__ = [
    "CORE", "SECONDARY", "ROLES",
    "MEGAREGION_ID", "MEGAREGION", "MEGAREGION_ZH", "ROLE", "PHASE",
    "CHANGE",
    "split_year", "year_field", "base_name", "field_year", "parse_indicator_fields",
    "years_of", "measure_field", "split_measure_field", "list_names", "list_text", "reason_of",
    "DuplicateYearError",
    "TRAJECTORY_STATS", "TRAJECTORIES", "trajectory_field", "SIGMA", "BETA", "CONVERGENCE_VERDICTS",
    "sigma_verdict_field", "VERDICT_KINDS", "VERDICT_CLASSES", "split_verdict_field", "verdict_years",
]

# Roles of a member city within its mega-region (method.md, section 1).
CORE = "core"
SECONDARY = "secondary"
ROLES = (CORE, SECONDARY)

# Columns that megaregion:assignmegaregions adds to the prefectures (public API).
MEGAREGION_ID = "megaregion_id"   # the short code, e.g. "BTH"
MEGAREGION = "megaregion"         # the English name
MEGAREGION_ZH = "megaregion_zh"   # the Chinese name
ROLE = "role"
PHASE = "phase"

# Suffix of a change field of the unevenness layer.
CHANGE = "change"
#: The column (table) and field prefix (layer) saying whether a change's interval excludes 0.
CHANGE_IS_CLEAR = "change_is_clear"

_YEAR_SUFFIX = re.compile(r"^(?P<base>.+)_(?P<year>\d{4})$")


class DuplicateYearError(ValueError):
    """Two fields give the same indicator for the same year."""


def split_year(field) -> Tuple[str, Optional[int]]:
    """``"popu_2020"`` -> ``("popu", 2020)``; a field without a 4-digit year suffix gives
    ``(field, None)``. The year is the suffix after the *last* underscore.

    >>> split_year("popu_2020")
    ('popu', 2020)
    >>> split_year("gdp_per_capita_2015")
    ('gdp_per_capita', 2015)
    >>> split_year("area")
    ('area', None)
    >>> split_year("_2020")
    ('_2020', None)
    """
    field = str(field)
    match = _YEAR_SUFFIX.match(field)
    if not match:
        return field, None
    return match.group("base"), int(match.group("year"))


def year_field(base: str, year: Optional[int]) -> str:
    """The field of indicator ``base`` in ``year``: ``("popu", 2020)`` -> ``"popu_2020"``;
    ``year=None`` gives ``base`` itself.

    >>> year_field("popu", 2020), year_field("area", None)
    ('popu_2020', 'area')
    """
    return str(base) if year is None else "%s_%04d" % (base, int(year))


def base_name(field) -> str:
    """``"popu_2020"`` -> ``"popu"``; a field without a year suffix is returned unchanged.

    >>> base_name("popu_2020"), base_name("area")
    ('popu', 'area')
    """
    return split_year(field)[0]


def field_year(field) -> Optional[int]:
    """The year suffix of ``field`` as an int, or ``None``.

    >>> field_year("ntl_sum_2015"), field_year("area")
    (2015, None)
    """
    return split_year(field)[1]


def parse_indicator_fields(fields: Iterable[str]) -> "OrderedDict[str, Dict[Optional[int], str]]":
    """Group field names ``<name>_<year>`` into indicators and years.

    Indicators keep the order in which they first appear; years are sorted (``None`` first).
    Two fields for the same indicator and year raise :class:`DuplicateYearError`.

    >>> dict(parse_indicator_fields(["popu_2010", "popu_2020", "GDP_2011", "area"]))
    {'popu': {2010: 'popu_2010', 2020: 'popu_2020'}, 'GDP': {2011: 'GDP_2011'}, 'area': {None: 'area'}}
    """
    out: "OrderedDict[str, Dict[Optional[int], str]]" = OrderedDict()
    for field in fields:
        field = str(field)
        name, year = split_year(field)
        years = out.setdefault(name, {})
        if year in years:
            raise DuplicateYearError(msg(
                "Fields {first!r} and {second!r} both give indicator {name!r} for year {year}: "
                "pass an explicit mapping",
                "字段 {first!r} 和 {second!r} 都是指标 {name!r} 在 {year} 年的数值：请明确指定字段与年份的对应关系",
                first=years[year], second=field, name=name, year=year))
        years[year] = field
    for name, years in out.items():
        out[name] = dict(sorted(years.items(), key=lambda kv: (kv[0] is not None, kv[0] or 0)))
    return out


def years_of(fields: Iterable[str], base: Optional[str] = None) -> Sequence[int]:
    """The sorted distinct years of the ``<base>_<year>`` fields among ``fields`` (of any
    base when ``base`` is None).

    >>> years_of(["popu_2020", "popu_2010", "gdp_2015", "area"])
    [2010, 2015, 2020]
    >>> years_of(["popu_2020", "popu_2010", "gdp_2015"], base="popu")
    [2010, 2020]
    """
    years = set()
    for field in fields:
        name, year = split_year(field)
        if year is not None and (base is None or name == base):
            years.add(year)
    return sorted(years)


#: The two typologies of secondary cities; each writes one profile field per indicator,
#: ``<kind>_<indicator>`` (``gap_popu_2020``, ``trend_popu``).
TYPOLOGY_KINDS = ("gap", "trend")


def profile_field(kind: str, indicator: str) -> str:
    """The field of a typology's profile of ``indicator``.

    >>> profile_field("gap", "popu_2020"), profile_field("trend", "popu")
    ('gap_popu_2020', 'trend_popu')
    """
    return f"{kind}_{indicator}"


def profile_of_fields(names: Iterable[str]) -> Tuple[str, list]:
    """``(kind, indicators)`` of a typology or trend output from its field names: ``"trend"``
    when it has ``trend_*`` profile fields, else ``"gap"``, with the indicators of that kind's
    profile fields in field order.

    >>> profile_of_fields(["name", "perf_popu_2020", "gap_popu_2020", "gap_age_65_2020", "type"])
    ('gap', ['popu_2020', 'age_65_2020'])
    >>> profile_of_fields(["trend_popu", "type"])
    ('trend', ['popu'])
    """
    names = [str(n) for n in names]
    kind = "trend" if any(n.startswith(profile_field("trend", "")) for n in names) else "gap"
    start = profile_field(kind, "")
    return kind, [n[len(start):] for n in names if n.startswith(start) and len(n) > len(start)]


#: The trajectory fields of the trend's secondary cities over N >= 3 years, per indicator:
#: ``<stat>_<indicator>`` (``slope_popu``, ``mk_p_gap_popu``, ``trajectory_popu``).
TRAJECTORY_STATS = ("slope", "slope_pct", "mk_p", "slope_gap", "mk_p_gap", "trajectory")
#: The keys of a secondary city's trajectory verdict (the values of ``trajectory_<indicator>``).
TRAJECTORIES = ("catching_up", "falling_behind", "no_clear_trend")
#: ``row_type`` of the convergence rows of the unevenness table.
SIGMA = "sigma"
BETA = "beta"
#: The keys of a sigma-convergence verdict.
CONVERGENCE_VERDICTS = ("converging", "diverging", "unclear")


def trajectory_field(stat: str, indicator: str) -> str:
    """The trend output's field of trajectory statistic ``stat`` (one of
    :data:`TRAJECTORY_STATS`) for ``indicator``.

    >>> trajectory_field("slope_gap", "popu"), trajectory_field("trajectory", "ntl_total_light")
    ('slope_gap_popu', 'trajectory_ntl_total_light')
    """
    if stat not in TRAJECTORY_STATS:
        raise ValueError(msg("Unknown trajectory statistic {stat!r}: one of {stats}",
                             "未知的轨迹统计量 {stat!r}：应为 {stats} 之一",
                             stat=stat, stats=", ".join(TRAJECTORY_STATS)))
    return f"{stat}_{indicator}"


def sigma_verdict_field(indicator: str) -> str:
    """The mega-region layer's field of the sigma-convergence verdict of the headline measure.

    >>> sigma_verdict_field("popu")
    'sigma_verdict_popu'
    """
    return f"sigma_verdict_{indicator}"


def measure_field(measure: str, indicator: str, year=None) -> str:
    """The unevenness layer field of ``measure`` for ``indicator`` in ``year`` (an int), or
    its change (``year="change"``), or without a year (``None``).

    >>> measure_field("theil_between", "popu", 2020)
    'theil_between_popu_2020'
    >>> measure_field("dagum_gnb", "popu", CHANGE)
    'dagum_gnb_popu_change'
    """
    if year is None:
        return "%s_%s" % (measure, indicator)
    if year == CHANGE:
        return "%s_%s_%s" % (measure, indicator, CHANGE)
    return "%s_%s_%04d" % (measure, indicator, int(year))


def split_measure_field(field: str, measures: Iterable[str]):
    """``(measure, indicator, year)`` of an unevenness layer field, ``year`` an int,
    ``"change"`` or ``None``; ``None`` when ``field`` starts with none of ``measures``.
    The longest matching measure wins (``theil_between`` before ``theil``).

    >>> split_measure_field("theil_between_popu_2020", ["theil", "theil_between"])
    ('theil_between', 'popu', 2020)
    >>> split_measure_field("theil_gdp_pc_change", ["theil", "theil_between"])
    ('theil', 'gdp_pc', 'change')
    >>> split_measure_field("name", ["theil"]) is None
    True
    """
    field = str(field)
    for measure in sorted(measures, key=len, reverse=True):
        prefix = measure + "_"
        if not field.startswith(prefix) or len(field) == len(prefix):
            continue
        rest = field[len(prefix):]
        suffix = "_" + CHANGE
        if rest.endswith(suffix) and len(rest) > len(suffix):
            return measure, rest[: -len(suffix)], CHANGE
        base, year = split_year(rest)
        return measure, base, year
    return None


def list_names(items: Iterable, limit: int = 5, quote: bool = False) -> str:
    """The first ``limit`` of ``items`` joined by commas, ``", ..."`` when there are more;
    the form every error message uses to name cities, fields or values.

    >>> list_names(["Beijing", "Tianjin"])
    'Beijing, Tianjin'
    >>> list_names(range(7), limit=3)
    '0, 1, 2, ...'
    >>> list_names(["a", "b"], quote=True)
    "'a', 'b'"
    """
    items = [str(v) for v in items]
    shown = [repr(v) if quote else v for v in items[:limit]]
    return ", ".join(shown) + (", ..." if len(items) > limit else "")


def list_text(items: Iterable, limit: Optional[int] = 5, quote: bool = False, sep: str = ", ",
              sep_zh: Optional[str] = None) -> Text:
    """:func:`list_names` of items that may themselves be messages (:func:`~.messages.msg`):
    the same English text, and each item in the language the list is shown in (joined by
    ``sep_zh`` in Chinese, default ``sep``); ``limit=None`` lists them all.

    >>> t = list_text([msg("position {i}", "第 {i} 个位置", i=i) for i in range(7)], limit=2)
    >>> t, t.in_language("zh")
    ('position 0, position 1, ...', '第 0 个位置, 第 1 个位置, ...')
    >>> list_text(["a", "b"], sep="; ", sep_zh="；").in_language("zh")
    'a；b'
    """
    items = list(items)
    limit = len(items) if limit is None else limit
    values = {"item%d" % i: (v if isinstance(v, Text) else repr(str(v)) if quote else str(v))
              for i, v in enumerate(items[:limit])}
    more = sep + "..." if len(items) > limit else ""
    en = sep.join("{%s}" % k for k in values) + more
    zh = (sep if sep_zh is None else sep_zh).join("{%s}" % k for k in values) + more
    return Text(en, zh, values)


def reason_of(error: BaseException):
    """The message of ``error`` to put inside another message: the message itself (in both
    languages) when it was raised with one, else its text."""
    return error.args[0] if len(error.args) == 1 and isinstance(error.args[0], Text) else str(error)


# ---------------------------------------------------------------- spatial relations (public API)
#: Per secondary city: geodesic distance (km) to the nearest core of its mega-region, that
#: core's name, and whether its polygon shares a boundary point with a core of its mega-region.
DIST_CORE_KM = "dist_core_km"
NEAREST_CORE = "nearest_core"
BORDERS_CORE = "borders_core"
#: Per city and indicator: ``<kind>_<indicator>`` (``local_i_popu_2020``, ``lisa_popu_2020``).
SPATIAL_CITY_KINDS = ("gap", "gradient_resid", "local_i", "lisa_p", "lisa")
#: The LISA cluster classes.
LISA_CLASSES = ("HH", "LL", "HL", "LH", "ns")
#: The row of the pooled country in the table of the spatial relations.
ALL_REGIONS = "ALL"
#: Per mega-region and indicator (and ALL), the columns of the spatial relations table.
SPATIAL_TABLE_COLUMNS = ("megaregion_id", "indicator", "n_cities", "gradient", "gradient_ci_low",
                         "gradient_ci_high", "rho", "rho_ci_low", "rho_ci_high", "pattern", "moran_i", "moran_ei",
                         "moran_z", "moran_p", "n_hh", "n_ll", "n_hl", "n_lh", "n_islands", "note")


def spatial_field(kind: str, indicator: str) -> str:
    """The field of a city's spatial relation ``kind`` for ``indicator``.

    >>> spatial_field("lisa", "popu_2020"), spatial_field("local_i", "popu_2020")
    ('lisa_popu_2020', 'local_i_popu_2020')
    >>> spatial_field("gap", "popu_2020") == profile_field("gap", "popu_2020")
    True
    """
    if kind not in SPATIAL_CITY_KINDS:
        raise ValueError(msg("Unknown spatial field kind {kind!r}: one of {kinds}", "未知的空间字段类型 {kind!r}：应为 {kinds} 之一",
                             kind=kind, kinds=", ".join(SPATIAL_CITY_KINDS)))
    return "%s_%s" % (kind, indicator)


# ---------------------------------------------------------------- categorical verdicts (maps)
#: The categorical verdict fields of the outputs, by kind: ``sigma_verdict_<indicator>`` (the
#: unevenness mega-regions over three or more years), ``trajectory_<indicator>`` (the trend's
#: secondary cities over three or more years), ``lisa_<indicator>`` (the spatial relations).
SIGMA_VERDICT = "sigma_verdict"
TRAJECTORY = "trajectory"
LISA = "lisa"
VERDICT_KINDS = (SIGMA_VERDICT, TRAJECTORY, LISA)
#: The values of each kind, in legend order; the last is the neutral one (drawn grey).
VERDICT_CLASSES = {SIGMA_VERDICT: CONVERGENCE_VERDICTS, TRAJECTORY: TRAJECTORIES,
                   LISA: LISA_CLASSES}


def split_verdict_field(field) -> Optional[Tuple[str, str]]:
    """``(kind, indicator)`` of a categorical verdict field (:data:`VERDICT_KINDS`), else ``None``.
    ``lisa_p_<indicator>`` is the LISA p-value, a number, not a verdict.

    >>> split_verdict_field("sigma_verdict_popu"), split_verdict_field("trajectory_ntl_total_light")
    (('sigma_verdict', 'popu'), ('trajectory', 'ntl_total_light'))
    >>> split_verdict_field("lisa_popu_2020"), split_verdict_field("lisa_p_popu_2020"), split_verdict_field("type")
    (('lisa', 'popu_2020'), None, None)
    """
    field = str(field)
    if field.startswith(spatial_field("lisa_p", "")):
        return None
    for kind in VERDICT_KINDS:
        prefix = kind + "_"
        if field.startswith(prefix) and len(field) > len(prefix):
            return kind, field[len(prefix):]
    return None


def verdict_years(names: Iterable[str], indicator: str) -> Sequence[int]:
    """The years of ``indicator`` among a layer's field names: of ``<indicator>_<year>`` and of
    every ``<anything>_<indicator>_<year>`` (``theil_popu_2015``, ``perf_popu_2015``), sorted.

    >>> verdict_years(["theil_popu_2010", "perf_popu_2020", "popu_2015", "gini_gdp_2011", "popu_urban_2012"], "popu")
    [2010, 2015, 2020]
    """
    years = set()
    for name in names:
        base, year = split_year(name)
        if year is not None and (base == indicator or base.endswith("_" + indicator)):
            years.add(year)
    return sorted(years)

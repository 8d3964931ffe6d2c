"""TOPSIS: per-indicator performance (method.md section 3) and the classical
multi-criteria composite score.

Per-indicator performance. For indicator j and city i, TOPSIS with a single criterion
(Hwang & Yoon 1981) gives

    Performance_ij = D-_ij / (D+_ij + D-_ij)

with the ideal the column maximum and the anti-ideal the column minimum (swapped for a
cost indicator, where less is better). With one criterion the distances are
``|x - max|`` and ``|x - min|`` after any positive scaling, so normalisation and weight
cancel and the score is exactly min-max scaling:

    benefit: (x - min) / (max - min)        cost: (max - x) / (max - min)

The min and max come from a *pool* of cities (all cities in the input, or one pool per
mega-region). A pool whose valid values are all equal has no defined performance.

Classical TOPSIS (composite). Vector normalisation ``r_ij = x_ij / sqrt(sum_i x_ij^2)``,
weighted ``v_ij = w_j r_ij``, ideal ``v+_j = max_i v_ij`` (``min`` for a cost criterion),
anti-ideal ``v-_j`` the opposite, ``D+_i = ||v_i - v+||``, ``D-_i = ||v_i - v-||``,
score ``C_i = D-_i / (D+_i + D-_i)``. Weights are equal or from the entropy method
(Shannon entropy of ``p_ij = x_ij / sum_i x_ij``; see :func:`entropy_weights`).

Every score is invariant to the scale of an indicator and is computed so at any scale
float64 holds: each column (and each vector of weights or distances) is first multiplied
by a power of two that brings its largest magnitude into [1, 2), which is exact, so
values near 1e-308 or 1.7e308 give the scores of the same data in ordinary units and
no square, sum or difference overflows or underflows. Infinite values are refused
naming the indicator (or criterion), the city (or row) and the value; NaN is a missing
value where the function says so and an error elsewhere.
"""
import numpy as np
import pandas as pd

from .fields import list_text
from .inequality import _entropy_terms
from .messages import msg

BENEFIT = "benefit"
COST = "cost"
ON_CONSTANT = ("drop", "error")
WEIGHTINGS = ("equal", "entropy")


class ConstantIndicatorError(ValueError):
    """An indicator has one value only over a pool, so its min-max performance is undefined."""


def _exponents(top):
    """Per entry of ``top`` (maximum magnitudes, finite, >= 0), ``e`` with ``top * 2**-e``
    in [1, 2); 0 where ``top`` is 0."""
    top = np.asarray(top, dtype=float)
    e = np.zeros(top.shape, dtype=int)
    nonzero = top > 0
    e[nonzero] = np.frexp(top[nonzero])[1] - 1
    return e


def _scale_columns(x):
    """``x`` with each column multiplied by the power of two that brings its largest
    magnitude into [1, 2) (columns of zeros unchanged); exact, see the module docstring."""
    top = np.max(np.abs(x), axis=0) if x.shape[0] else np.zeros(x.shape[1])
    return np.ldexp(x, -_exponents(top)[None, :])


def _row_norms(diff):
    """Euclidean norm of every row, scaled by a power of two per row, so rows of 1e-200
    or 1e200 neither underflow to 0 nor overflow when squared."""
    e = _exponents(np.max(np.abs(diff), axis=1) if diff.shape[1] else np.zeros(diff.shape[0]))
    scaled = np.ldexp(diff, -e[:, None])
    return np.ldexp(np.sqrt((scaled ** 2).sum(axis=1)), e)


def _refuse_infinite(x):
    """ValueError naming the column and row of the first infinite values of matrix ``x``."""
    rows, cols = np.nonzero(np.isinf(x))
    if len(rows):
        shown = list_text([msg("criterion {c}, row {r}: {value!r}", "第 {c} 个准则，第 {r} 行：{value!r}",
                               c=int(c), r=int(r), value=float(x[r, c])) for r, c in zip(rows[:6], cols[:6])])
        raise ValueError(msg("Criteria have infinite values ({shown}): correct them or remove "
                             "the cities (NULL values are excluded)",
                             "准则中有无穷大的数值（{shown}）：请更正这些数值或移除相应城市（空值会被排除）",
                             shown=shown))


def _label(names, positions, limit=5):
    shown = [str(names[p]) for p in positions[:limit]]
    more = ", ..." if len(positions) > limit else ""
    return ", ".join(shown) + more


def minmax_performance(values, cost=False):
    """Per-indicator TOPSIS performance of one indicator over one pool.

    ``(x - min)/(max - min)`` for a benefit indicator, ``(max - x)/(max - min)`` for a cost
    indicator; min and max over the non-missing values. Missing values (NaN) stay NaN.

    >>> minmax_performance([2.0, 4.0, 6.0]).tolist()
    [0.0, 0.5, 1.0]
    >>> minmax_performance([2.0, 4.0, 6.0], cost=True).tolist()
    [1.0, 0.5, 0.0]

    Raises :class:`ConstantIndicatorError` when the valid values are all equal (including a
    single valid value): the ideal and the anti-ideal coincide and ``D+ + D- = 0``.
    An all-missing input returns all NaN.
    """
    x = np.asarray(values, dtype=float)
    valid = ~np.isnan(x)
    if not valid.any():
        return np.full(x.shape, np.nan)
    infinite = np.flatnonzero(np.isinf(x))
    if len(infinite):
        raise ValueError(msg("min-max performance needs finite values; position {i} is {value!r}: "
                             "correct it or set it NULL",
                             "极差标准化绩效值要求数值有限；第 {i} 个位置为 {value!r}：请更正该数值或将其设为空值",
                             i=int(infinite[0]), value=float(x[infinite[0]])))
    low, high = x[valid].min(), x[valid].max()
    if not high > low:
        raise ConstantIndicatorError(msg(
            "all {count} valid values equal {value!r}: min-max performance is undefined",
            "全部 {count} 个有效值均等于 {value!r}：极差标准化绩效值无定义",
            count=int(valid.sum()), value=float(low)))
    # a power of two brings max |x| into [1, 2): high - low of -1.7e308 and 1.7e308 cannot
    # overflow, and subnormal values keep their precision (exact scaling, same scores)
    e = int(_exponents(max(abs(float(low)), abs(float(high)))))
    x, low, high = np.ldexp(x, -e), np.ldexp(low, -e), np.ldexp(high, -e)
    if cost:
        return (high - x) / (high - low)
    return (x - low) / (high - low)


def indicator_performance(frame, indicators, cost_indicators=(), pool=None, names=None,
                          on_constant="drop"):
    """Per-indicator TOPSIS performance of every row, each indicator scaled over its pool.

    Parameters
    ----------
    frame : DataFrame with one numeric column per indicator (NaN = missing).
    indicators : column names.
    cost_indicators : the indicators where less is better.
    pool : None (one pool of all rows, the default) or an array/Series aligned with
        ``frame`` giving each row's pool label (e.g. its mega-region). Rows whose label is
        missing belong to no pool and get NaN.
    names : row labels used in messages (defaults to the index).
    on_constant : ``"drop"`` removes an indicator that is constant in any pool and reports
        why; ``"error"`` raises :class:`ConstantIndicatorError`.

    Returns
    -------
    (performance, dropped) : a DataFrame indexed like ``frame`` with one column per kept
    indicator, and a dict ``{indicator: reason}`` for the dropped ones.
    """
    if on_constant not in ON_CONSTANT:
        raise ValueError(msg("on_constant={value!r}: use one of {options}", "on_constant={value!r}：请使用 {options} 之一",
                             value=on_constant, options=ON_CONSTANT))
    unknown = [c for c in cost_indicators if c not in indicators]
    if unknown:
        raise ValueError(msg("Cost indicators {unknown} are not among the indicators {indicators}",
                             "成本型指标 {unknown} 不在指标 {indicators} 之中",
                             unknown=unknown, indicators=list(indicators)))
    names = list(frame.index if names is None else names)
    if pool is None:
        labels = np.zeros(len(frame), dtype=object)
    else:
        labels = np.asarray(pool, dtype=object)
        if len(labels) != len(frame):
            raise ValueError(msg("pool has {count} labels for {rows} rows", "pool 有 {count} 个标签，而表有 {rows} 行",
                                 count=len(labels), rows=len(frame)))
    in_pool = pd.notna(pd.Series(labels)).to_numpy()
    pools = pd.unique(labels[in_pool])
    performance = {}
    dropped = {}
    for indicator in indicators:
        x = numeric_column(frame, indicator, names)
        out = np.full(len(x), np.nan)
        reason = None
        for label in pools:
            rows = np.flatnonzero(in_pool & (labels == label))
            try:
                out[rows] = minmax_performance(x[rows], cost=indicator in cost_indicators)
            except ConstantIndicatorError as exc:
                where = (msg("over all cities", "在全部城市中") if pool is None
                         else msg("in pool {label!r}", "在分组 {label!r} 中", label=label))
                reason = msg("Indicator {indicator!r} is constant {where} ({why}; cities {cities})",
                             "指标 {indicator!r} {where}取值恒定（{why}；城市：{cities}）",
                             indicator=indicator, where=where, why=exc.args[0],
                             cities=_label(names, rows[~np.isnan(x[rows])]))
                break
        if reason is None:
            performance[indicator] = out
        elif on_constant == "error":
            raise ConstantIndicatorError(msg("{reason}: remove the indicator or choose a larger pool",
                                             "{reason}：请移除该指标或选择更大的分组", reason=reason))
        else:
            dropped[indicator] = msg("{reason}; dropped", "{reason}；已剔除", reason=reason)
    return pd.DataFrame(performance, index=frame.index, columns=list(performance)), dropped


def numeric_column(frame, column, names=None):
    """Column ``column`` of ``frame`` as float, NULL/None as NaN; a text value is an error."""
    if column not in frame.columns:
        raise ValueError(msg("Indicator field {field!r} is not in the table (fields: {fields})",
                             "指标字段 {field!r} 不在表中（字段：{fields}）", field=column, fields=list(frame.columns)))
    raw = frame[column]
    values = pd.to_numeric(raw, errors="coerce")
    bad = values.isna() & raw.notna()
    if bad.any():
        names = list(frame.index if names is None else names)
        rows = np.flatnonzero(bad.to_numpy())
        raise ValueError(msg(
            "Indicator {field!r} has non-numeric values for {count} cities ({cities}: {value!r}); "
            "convert them to numbers or NULL",
            "指标 {field!r} 在 {count} 个城市上为非数值（{cities}：{value!r}）；请将其转换为数值或空值",
            field=column, count=len(rows), cities=_label(names, rows), value=raw.iloc[rows[0]]))
    x = values.to_numpy(dtype=float)
    if np.isinf(x).any():
        names = list(frame.index if names is None else names)
        rows = np.flatnonzero(np.isinf(x))
        shown = ", ".join(f"{names[r]} = {float(x[r])!r}" for r in rows[:5]) + (", ..." if len(rows) > 5 else "")
        raise ValueError(msg("Indicator {field!r} is infinite for {count} cities ({shown}); "
                             "correct the values or set them NULL",
                             "指标 {field!r} 在 {count} 个城市上为无穷大（{shown}）；请更正这些数值或将其设为空值",
                             field=column, count=len(rows), shown=shown))
    return x


def vector_normalization(matrix):
    """``r_ij = x_ij / sqrt(sum_i x_ij^2)`` per column (Hwang & Yoon 1981), each column first
    scaled by a power of two (exact) so that squares neither overflow nor underflow."""
    x = np.asarray(matrix, dtype=float)
    _refuse_infinite(x)
    x = _scale_columns(x)
    norm = np.sqrt((x ** 2).sum(axis=0))
    if np.any(norm == 0):
        raise ValueError(msg("Criteria {criteria} are all zero: vector normalisation is undefined",
                             "准则 {criteria} 全部为 0：向量归一化无定义", criteria=np.flatnonzero(norm == 0).tolist()))
    return x / norm


def entropy_weights(matrix):
    """Entropy-method weights of the columns of ``matrix`` (alternatives in rows).

    ``p_ij = x_ij / sum_i x_ij`` on the raw values, ``E_j = -(1/ln m) sum_i p_ij ln p_ij``
    with ``0 ln 0 = 0``, ``w_j = (1 - E_j) / sum_k (1 - E_k)`` (Shannon 1948; Zeleny 1982).
    Values must be >= 0 with a positive column total; at least 2 rows.

    pymcdm's ``entropy_weights`` agrees whenever no value is 0 (it sets the entropy of a
    column that contains a zero to 0 instead of applying ``0 ln 0 = 0``).

    Each column is scaled by a power of two first (exact). ``1 - E_j`` is computed as
    ``(1/ln m) mean_i f(x_ij / mean_j)`` with ``f(r) = r ln r - r + 1`` (the same quantity,
    since ``mean_i (x_ij / mean_j - 1) = 0``), a mean of non-negative terms: a column close
    to uniform keeps the precision of its small ``1 - E_j``.
    """
    x = np.asarray(matrix, dtype=float)
    m = x.shape[0]
    if m < 2:
        raise ValueError(msg("Entropy weights need at least 2 cities, got {count}",
                             "熵权法至少需要 2 个城市，实际为 {count} 个", count=m))
    if np.isnan(x).any():
        raise ValueError(msg("Entropy weights need complete data: remove cities with NULL values first",
                             "熵权法要求数据完整：请先移除有空值的城市"))
    _refuse_infinite(x)
    if (x < 0).any():
        cols = sorted(set(np.nonzero(x < 0)[1].tolist()))
        raise ValueError(msg("Entropy weights need values >= 0; criteria {criteria} have negative values: "
                             "use equal weights or shift the indicator",
                             "熵权法要求数值 >= 0；准则 {criteria} 有负值：请使用等权重或对该指标作平移",
                             criteria=cols))
    x = _scale_columns(x)
    totals = x.sum(axis=0)
    if np.any(totals == 0):
        raise ValueError(msg("Criteria {criteria} sum to 0: entropy is undefined", "准则 {criteria} 之和为 0：熵无定义",
                             criteria=np.flatnonzero(totals == 0).tolist()))
    means = totals / m
    diversity = np.array([np.mean(_entropy_terms(x[:, j], float(means[j]))) for j in range(x.shape[1])])
    diversity /= np.log(m)
    if not diversity.sum() > 0:
        raise ValueError(msg("Every criterion has maximal entropy (all columns constant): entropy weights are undefined",
                             "每个准则的熵都达到最大（各列均为常数）：熵权无定义"))
    return diversity / diversity.sum()


def topsis_scores(matrix, weights=None, cost=None):
    """Classical TOPSIS closeness ``C_i = D-_i / (D+_i + D-_i)`` with vector normalisation.

    ``matrix``: alternatives x criteria, complete. ``weights``: one per criterion (default
    equal); they are rescaled to sum to 1. ``cost``: booleans, True where less is better.

    Equals pymcdm ``TOPSIS(normalization_function=vector_normalization)`` (pymcdm writes a
    cost column as ``1 - r``, which moves the ideal but not the distances).
    """
    x = np.asarray(matrix, dtype=float)
    if x.ndim != 2:
        raise ValueError(msg("TOPSIS needs a 2-D matrix (cities x indicators)",
                             "逼近理想解排序法（TOPSIS）需要二维矩阵（城市 × 指标）"))
    n, p = x.shape
    if np.isnan(x).any():
        raise ValueError(msg("TOPSIS needs complete data: remove cities with NULL values first",
                             "逼近理想解排序法（TOPSIS）要求数据完整：请先移除有空值的城市"))
    _refuse_infinite(x)
    w = np.full(p, 1.0 / p) if weights is None else np.asarray(weights, dtype=float)
    if w.shape != (p,) or not np.isfinite(w).all() or (w < 0).any() or not w.max() > 0:
        raise ValueError(msg("weights must be {count} finite non-negative numbers with a positive sum, got {weights}",
                             "权重必须是 {count} 个有限的非负数且总和为正，实际为 {weights}",
                             count=p, weights=w.tolist()))
    w = np.ldexp(w, -int(_exponents(w.max())))     # exact; a sum of 1e308s cannot overflow
    w = w / w.sum()
    is_cost = np.zeros(p, dtype=bool) if cost is None else np.asarray(cost, dtype=bool)
    v = vector_normalization(x) * w
    ideal = np.where(is_cost, v.min(axis=0), v.max(axis=0))
    anti = np.where(is_cost, v.max(axis=0), v.min(axis=0))
    d_plus = _row_norms(v - ideal)
    d_minus = _row_norms(v - anti)
    total = d_plus + d_minus
    if np.any(total == 0):
        raise ValueError(msg("All cities have identical weighted values: TOPSIS closeness is undefined",
                             "所有城市的加权值完全相同：逼近理想解排序法（TOPSIS）的贴近度无定义"))
    return d_minus / total


def topsis_composite(frame, indicators, cost_indicators=(), dimensions=None, weighting="equal",
                     names=None):
    """Classical TOPSIS composite score per dimension and overall.

    ``dimensions`` maps indicator -> dimension (default: no per-dimension scores). For each
    dimension, TOPSIS is run on that dimension's indicators; ``overall`` on all of them.
    Weights are ``"equal"`` or ``"entropy"`` (computed per run from the same rows).
    Rows with a NULL in any indicator of a run get NaN for that run.

    Returns ``(scores, weights)``: a DataFrame with one column per dimension (in first-seen
    order) and ``overall``, and a DataFrame of the weights used (indicator x run).
    """
    if weighting not in WEIGHTINGS:
        raise ValueError(msg("weighting={value!r}: use one of {options}", "weighting={value!r}：请使用 {options} 之一",
                             value=weighting, options=WEIGHTINGS))
    names = list(frame.index if names is None else names)
    data = pd.DataFrame({c: numeric_column(frame, c, names) for c in indicators}, index=frame.index)
    runs = {}
    if dimensions:
        for indicator in indicators:
            runs.setdefault(dimensions.get(indicator, indicator), []).append(indicator)
    runs["overall"] = list(indicators)
    scores = pd.DataFrame(index=frame.index)
    weights = pd.DataFrame(index=list(indicators), dtype=float)
    for run, columns in runs.items():
        block = data[columns]
        complete = block.notna().all(axis=1).to_numpy()
        x = block.to_numpy()[complete]
        if weighting == "entropy":
            w = entropy_weights(x)
        else:
            w = np.full(len(columns), 1.0 / len(columns))
        out = np.full(len(frame), np.nan)
        out[complete] = topsis_scores(x, w, [c in cost_indicators for c in columns])
        scores[run] = out
        weights[run] = pd.Series(w, index=columns)
    return scores, weights

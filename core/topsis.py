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
"""
import numpy as np
import pandas as pd

BENEFIT = "benefit"
COST = "cost"
ON_CONSTANT = ("drop", "error")
WEIGHTINGS = ("equal", "entropy")


class ConstantIndicatorError(ValueError):
    """An indicator has one value only over a pool, so its min-max performance is undefined."""


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
    low, high = x[valid].min(), x[valid].max()
    if not high > low:
        raise ConstantIndicatorError(
            f"all {int(valid.sum())} valid values equal {float(low)!r}: min-max performance is undefined"
        )
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
        raise ValueError(f"on_constant={on_constant!r}: use one of {ON_CONSTANT}")
    unknown = [c for c in cost_indicators if c not in indicators]
    if unknown:
        raise ValueError(f"Cost indicators {unknown} are not among the indicators {list(indicators)}")
    names = list(frame.index if names is None else names)
    if pool is None:
        labels = np.zeros(len(frame), dtype=object)
    else:
        labels = np.asarray(pool, dtype=object)
        if len(labels) != len(frame):
            raise ValueError(f"pool has {len(labels)} labels for {len(frame)} rows")
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
                where = "over all cities" if pool is None else f"in pool {label!r}"
                reason = (f"Indicator {indicator!r} is constant {where} ({exc}; cities "
                          f"{_label(names, rows[~np.isnan(x[rows])])})")
                break
        if reason is None:
            performance[indicator] = out
        elif on_constant == "error":
            raise ConstantIndicatorError(
                reason + ": remove the indicator or choose a larger pool")
        else:
            dropped[indicator] = reason + "; dropped"
    return pd.DataFrame(performance, index=frame.index, columns=list(performance)), dropped


def numeric_column(frame, column, names=None):
    """Column ``column`` of ``frame`` as float, NULL/None as NaN; a text value is an error."""
    if column not in frame.columns:
        raise ValueError(f"Indicator field {column!r} is not in the table (fields: {list(frame.columns)})")
    raw = frame[column]
    values = pd.to_numeric(raw, errors="coerce")
    bad = values.isna() & raw.notna()
    if bad.any():
        names = list(frame.index if names is None else names)
        rows = np.flatnonzero(bad.to_numpy())
        raise ValueError(
            f"Indicator {column!r} has non-numeric values for {len(rows)} cities "
            f"({_label(names, rows)}: {raw.iloc[rows[0]]!r}); convert them to numbers or NULL")
    x = values.to_numpy(dtype=float)
    if np.isinf(x).any():
        names = list(frame.index if names is None else names)
        rows = np.flatnonzero(np.isinf(x))
        raise ValueError(f"Indicator {column!r} is infinite for {_label(names, rows)}; fix or set NULL")
    return x


def vector_normalization(matrix):
    """``r_ij = x_ij / sqrt(sum_i x_ij^2)`` per column (Hwang & Yoon 1981)."""
    x = np.asarray(matrix, dtype=float)
    norm = np.sqrt((x ** 2).sum(axis=0))
    if np.any(norm == 0):
        raise ValueError(f"Criteria {np.flatnonzero(norm == 0).tolist()} are all zero: "
                         "vector normalisation is undefined")
    return x / norm


def entropy_weights(matrix):
    """Entropy-method weights of the columns of ``matrix`` (alternatives in rows).

    ``p_ij = x_ij / sum_i x_ij`` on the raw values, ``E_j = -(1/ln m) sum_i p_ij ln p_ij``
    with ``0 ln 0 = 0``, ``w_j = (1 - E_j) / sum_k (1 - E_k)`` (Shannon 1948; Zeleny 1982).
    Values must be >= 0 with a positive column total; at least 2 rows.

    pymcdm's ``entropy_weights`` agrees whenever no value is 0 (it sets the entropy of a
    column that contains a zero to 0 instead of applying ``0 ln 0 = 0``).
    """
    x = np.asarray(matrix, dtype=float)
    m = x.shape[0]
    if m < 2:
        raise ValueError(f"Entropy weights need at least 2 cities, got {m}")
    if np.isnan(x).any():
        raise ValueError("Entropy weights need complete data: remove cities with NULL values first")
    if (x < 0).any():
        cols = sorted(set(np.nonzero(x < 0)[1].tolist()))
        raise ValueError(f"Entropy weights need values >= 0; criteria {cols} have negative values: "
                         "use equal weights or shift the indicator")
    totals = x.sum(axis=0)
    if np.any(totals == 0):
        raise ValueError(f"Criteria {np.flatnonzero(totals == 0).tolist()} sum to 0: entropy is undefined")
    p = x / totals
    with np.errstate(divide="ignore", invalid="ignore"):
        plogp = np.where(p > 0, p * np.log(np.where(p > 0, p, 1.0)), 0.0)
    entropy = -plogp.sum(axis=0) / np.log(m)
    diversity = 1.0 - entropy
    if not diversity.sum() > 0:
        raise ValueError("Every criterion has maximal entropy (all columns constant): entropy weights are undefined")
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
        raise ValueError("TOPSIS needs a 2-D matrix (cities x indicators)")
    n, p = x.shape
    if np.isnan(x).any():
        raise ValueError("TOPSIS needs complete data: remove cities with NULL values first")
    w = np.full(p, 1.0 / p) if weights is None else np.asarray(weights, dtype=float)
    if w.shape != (p,) or (w < 0).any() or not w.sum() > 0:
        raise ValueError(f"weights must be {p} non-negative numbers with a positive sum, got {w.tolist()}")
    w = w / w.sum()
    is_cost = np.zeros(p, dtype=bool) if cost is None else np.asarray(cost, dtype=bool)
    v = vector_normalization(x) * w
    ideal = np.where(is_cost, v.min(axis=0), v.max(axis=0))
    anti = np.where(is_cost, v.max(axis=0), v.min(axis=0))
    d_plus = np.sqrt(((v - ideal) ** 2).sum(axis=1))
    d_minus = np.sqrt(((v - anti) ** 2).sum(axis=1))
    total = d_plus + d_minus
    if np.any(total == 0):
        raise ValueError("All cities have identical weighted values: TOPSIS closeness is undefined")
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
        raise ValueError(f"weighting={weighting!r}: use one of {WEIGHTINGS}")
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

"""Join indicator tables to prefecture boundaries (``megaregion:joinindicators``).

:func:`join_indicators` takes the boundary attributes and an indicator table as DataFrames
and returns a :class:`JoinResult`: the boundary rows, all kept and in order, with a
``match_status`` column and one float column per indicator (NaN where the table has no
value), plus the table rows that could not be joined with the reason and the closest
boundary units.

Matching (``match_by``): by administrative code (0, 'code') or by name (1, 'name'); the
rules are those of :mod:`.keys` (4-digit prefixes, Chongqing 500000 = 500100, full-width
text, name suffixes, 恩施州, pinyin and English names, renamed, merged and split units).

Tables:

- wide (one row per city): each chosen field becomes a column of the same name;
- long (one row per city and year, ``year_field`` given): each field becomes one column per
  year, ``<field>_<year>`` (``GDP_2015``); years are written as 4 digits when they are years
  (2015, 2015.0, "2015年");
- long without ``year_field``: when the table key repeats and exactly one column holds years
  (:func:`year_columns`: every value a whole number from 1949 to 2100, each key at most once per
  year), that column is the year field (``JoinResult.detected_year_field`` says so); two such
  columns are an error naming them and YEAR_FIELD;
- one year (``year`` given, a wide table): each field is written as ``<field>_<year>``
  (``均值_2020``), ready for the two-year steps; ``year`` with ``year_field`` is an error.

Fields: ``fields`` lists the columns to join; by default every column whose values are all
numbers or missing by :func:`.tables.parse_number` (at least one number). The key and year
fields are never indicators.

Duplicates: two table rows that resolve to the same boundary unit (and year) are an error
that names them, unless ``duplicates`` is 'first' (keep the first row in table order), 'sum'
(add the rows; a cell is NaN only if all rows are NaN) or 'mean' (average the non-missing
values). Different spellings of one unit (北京 and 北京市) are duplicates too. Rows that differ
by a column of years are a long table, never offered sum or mean: the error names the column
to choose as YEAR_FIELD. A unit merged
into another (莱芜 into 济南, 2019) joins its successor only with 'sum', the one rule under
which adding its values to the merged unit is what the user asked for; otherwise its row is
reported as unmatched with the reason.

New column names never overwrite a boundary field: a clashing name gets the suffix ``_2``
(``_3`` ...), recorded in ``JoinResult.renamed_fields``.
"""
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from . import keys
from ..fields import list_text
from ..messages import msg
from .tables import numeric_fields, parse_numbers

STATUS_FIELD = "match_status"
#: Whole numbers read as years of a long table (the People's Republic's yearbooks begin in 1949).
YEAR_RANGE = (1949, 2100)
DUPLICATE_POLICIES = ("error", "first", "sum", "mean")
MATCHED, NO_ROW, NO_KEY, INVALID_KEY = "matched", "no table row", "no key", "invalid key"


class DuplicateKeyError(ValueError):
    """Table rows that resolve to the same boundary unit (and year)."""


@dataclass
class JoinResult:
    """Outputs of :func:`join_indicators`.

    joined: copy of the boundary attributes (same index and order) plus ``status_field``
        ('matched', 'no table row', 'no key', 'invalid key') and the ``indicator_fields``
        (float64, NaN where missing).
    unmatched: table rows not joined: ``row`` (1 = first data row), ``key`` (as written),
        ``year`` (long tables), ``reason`` and ``closest`` (nearest boundary units).
    matches: table rows joined: ``row``, ``key``, ``year``, ``boundary`` and ``how`` (the rule
        that matched, and duplicate handling).
    renamed_fields: {wanted name: name used} for columns renamed to avoid clashes.
    skipped_fields: {table field: why it is not joined} for fields left out of the default selection.
    year_field: the year column used (given or detected), None for a wide table.
    detected_year_field: the year column found by :func:`year_columns` when none was given, else None.
    """
    joined: pd.DataFrame
    indicator_fields: list
    unmatched: pd.DataFrame
    matches: pd.DataFrame
    renamed_fields: dict = field(default_factory=dict)
    skipped_fields: dict = field(default_factory=dict)
    status_field: str = STATUS_FIELD
    year_field: object = None
    detected_year_field: object = None

    @property
    def matched_boundaries(self):
        """Boundary rows that received table values."""
        return int((self.joined[self.status_field] == MATCHED).sum())

    @property
    def unmatched_boundaries(self):
        return len(self.joined) - self.matched_boundaries

    @property
    def matched_rows(self):
        """Table rows joined to a boundary unit."""
        return len(self.matches)

    @property
    def unmatched_rows(self):
        return len(self.unmatched)


def join_indicators(boundaries, boundary_key, table, table_key, match_by="code", fields=None,
                    year_field=None, duplicates="error", year=None):
    """Join the indicator ``table`` to the ``boundaries`` attribute table (see module doc).

    boundaries, table: DataFrames (not modified). boundary_key, table_key: their key columns.
    match_by: 0/'code' or 1/'name'. fields: column name(s) to join, None for all numeric ones.
    year_field: the year column of a long table, None for a wide table (then a repeated key with
        exactly one column of years uses that column, see the module doc).
    duplicates: 'error', 'first', 'sum' or 'mean' (or 0-3 in that order).
    year: the year of a one-year (wide) table: fields are written ``<field>_<year>``; None for none.
    Returns a :class:`JoinResult`.
    """
    mode = keys.match_mode(match_by)
    policy = duplicate_policy(duplicates)
    the_table = msg("the table", "表")
    _require_field(boundaries, boundary_key, "INPUT_KEY", msg("the boundary layer", "行政区划图层"))
    _require_field(table, table_key, "TABLE_KEY", the_table)
    if year_field is not None:
        _require_field(table, year_field, "YEAR_FIELD", the_table)
        if year_field == table_key:
            raise ValueError(msg("YEAR_FIELD '{field}' is also TABLE_KEY: choose the field that holds the year",
                                 "YEAR_FIELD“{field}”同时也是 TABLE_KEY：请选择存放年份的字段", field=year_field))
    if len(table) == 0:
        raise ValueError(msg("The table has no rows: nothing to join", "表中没有任何行：没有可连接的数据"))
    if len(boundaries) == 0:
        raise ValueError(msg("The boundary layer has no features: nothing to join to",
                             "行政区划图层没有任何要素：没有可连接的对象"))
    if year is not None:
        year = check_year(year)
        if year_field is not None:
            raise ValueError(msg(
                "YEAR {year} and YEAR_FIELD '{field}' are both given: YEAR names the year of a one-year table, "
                "YEAR_FIELD the year column of a long table; leave one of them empty",
                "同时给出了 YEAR {year} 和 YEAR_FIELD“{field}”：YEAR 用于只有一个年份的表，YEAR_FIELD 用于长表的"
                "年份字段；请只保留其中一个", year=year, field=year_field))
    detected = None
    if year_field is None and year is None:
        found = year_columns(table, table_key)
        if len(found) > 1:
            raise ValueError(msg(
                "TABLE_KEY '{key}' repeats and {count} columns hold years, each key once per year: {columns}; "
                "choose the one that gives each row's year as YEAR_FIELD",
                "TABLE_KEY“{key}”有重复，且有 {count} 个字段存放年份（每个键每年一行）：{columns}；"
                "请将表示每行年份的字段设为 YEAR_FIELD",
                key=table_key, count=len(found), columns=", ".join(f"'{c}'" for c in found)))
        if found:
            year_field = detected = found[0]

    chosen, skipped = choose_fields(table, fields, exclude=(table_key, year_field))
    values = {f: parse_numbers(list(table[f]))[0] for f in chosen}
    table_keys = list(table[table_key])
    boundary_keys = list(boundaries[boundary_key])
    if mode == "code":
        _require_codes(table_keys, "TABLE_KEY", table_key)
        _require_codes(boundary_keys, "INPUT_KEY", boundary_key)
    years = [year_label(v) for v in table[year_field]] if year_field is not None else [None] * len(table)

    index = keys.build_index(boundary_keys, mode)
    groups, matches, unmatched = _resolve_rows(index, table_keys, years, year_field is not None, policy)
    if not groups:
        raise ValueError(_nothing_matched(table_key, table_keys, boundary_key, boundary_keys, mode, unmatched))
    duplicated = {g: rows for g, rows in groups.items() if len(rows) > 1}
    if duplicated and policy == "error":
        raise DuplicateKeyError(_duplicate_message(table_key, duplicated, table_keys, index, year_field,
                                                   table=table))

    year_list = _sorted_years({y for y in years if y is not None}) if year_field is not None else [None]
    columns = [(f, y) for f in chosen for y in year_list]
    wanted = [f"{f}_{year}" if year is not None else f if y is None else f"{f}_{y}" for f, y in columns]
    taken = set(map(str, boundaries.columns))
    status_field, renamed = _free_names([STATUS_FIELD], taken)
    names, renamed_cols = _free_names(wanted, taken | {status_field[0]})
    renamed.update(renamed_cols)

    data = np.full((len(boundaries), len(columns)), np.nan)
    col_of = {c: i for i, c in enumerate(columns)}
    has_data = set()
    for (target, year), rows in groups.items():
        if policy == "first":
            for r in rows[1:]:
                matches[r]["how"] += f"; duplicate of row {rows[0] + 1}, not used"
        for f in chosen:
            data[index.rows[target], col_of[(f, year)]] = _aggregate(values[f][rows], policy)
        has_data.add(target)

    joined = boundaries.copy()
    joined[status_field[0]] = _boundary_status(index, has_data, len(boundaries))
    # all columns at once: a long panel gives hundreds, which one by one fragment the frame
    joined = pd.concat([joined, pd.DataFrame(data, columns=names, index=joined.index)], axis=1)
    return JoinResult(
        joined=joined,
        indicator_fields=names,
        unmatched=_frame(unmatched, ["row", "key", "year", "reason", "closest"], year_field is not None),
        matches=_frame([matches[r] for r in sorted(matches)], ["row", "key", "year", "boundary", "how"],
                       year_field is not None),
        renamed_fields=renamed,
        skipped_fields=skipped,
        status_field=status_field[0],
        year_field=year_field,
        detected_year_field=detected,
    )


def duplicate_policy(duplicates):
    """'error', 'first', 'sum' or 'mean' from the name or its position (0-3)."""
    if isinstance(duplicates, (int, np.integer)) and not isinstance(duplicates, bool) \
            and 0 <= duplicates < len(DUPLICATE_POLICIES):
        return DUPLICATE_POLICIES[int(duplicates)]
    if isinstance(duplicates, str) and duplicates.strip().lower() in DUPLICATE_POLICIES:
        return duplicates.strip().lower()
    raise ValueError(msg("DUPLICATES {value!r} is unknown: use error, first, sum or mean",
                         "DUPLICATES {value!r} 无法识别：请使用 error、first、sum 或 mean", value=duplicates))


def choose_fields(table, fields=None, exclude=()):
    """The indicator fields to join and {field: reason} for the fields left out.

    With ``fields`` None: the numeric fields of ``table`` (:func:`.tables.numeric_fields`),
    less the fields that hold administrative codes (``province_code``): those are keys, not
    indicators. With ``fields`` given: those fields, which must exist, must not be the key or year field,
    and must hold only numbers or missing values."""
    exclude = {e for e in exclude if e is not None}
    if fields is None:
        chosen = numeric_fields(table, exclude)
        skipped = {}
        for name in list(chosen):
            if _holds_codes(table[name]):
                chosen.remove(name)
                skipped[name] = msg("administrative codes, not an indicator (name it in FIELDS to join it)",
                                    "为行政区划代码，不是指标（如需连接，请在 FIELDS 中指定）")
        for name in table.columns:
            if name in exclude or name in chosen or name in skipped:
                continue
            numbers, bad = parse_numbers(list(table[name]))
            if not np.isfinite(numbers).any() and len(bad) == len(table):
                skipped[name] = msg("text, not numbers", "为文本，不是数值")
            elif not np.isfinite(numbers).any() and not bad:
                skipped[name] = msg("no values", "没有数值")
            else:
                skipped[name] = msg("{count} values are not numbers ({examples})", "{count} 个值不是数值（{examples}）",
                                    count=len(bad), examples=_examples(bad))
        if not chosen:
            fields = ", ".join(map(str, table.columns))
            if not skipped:
                raise ValueError(msg(
                    "The table has no numeric fields besides the key (fields: {fields}): "
                    "choose FIELDS, or check how the numbers are written",
                    "表中除关键字段外没有数值字段（字段：{fields}）：请选择 FIELDS，或检查数字的写法", fields=fields))
            why = list_text([msg("{field}: {why}", "{field}：{why}", field=k, why=v) for k, v in skipped.items()],
                            limit=None, sep="; ", sep_zh="；")
            raise ValueError(msg(
                "The table has no numeric fields besides the key (fields: {fields}): "
                "choose FIELDS, or check how the numbers are written ({why})",
                "表中除关键字段外没有数值字段（字段：{fields}）：请选择 FIELDS，或检查数字的写法（{why}）",
                fields=fields, why=why))
        return chosen, skipped
    chosen = [fields] if isinstance(fields, str) else list(fields)
    if not chosen:
        raise ValueError(msg("FIELDS is empty: choose at least one field to join, "
                             "or leave FIELDS unset for all numeric fields",
                             "FIELDS 为空：请至少选择一个要连接的字段，或不设置 FIELDS 以连接全部数值字段"))
    missing = [f for f in chosen if f not in table.columns]
    if missing:
        raise ValueError(msg("FIELDS {missing} not in the table (fields: {fields})",
                             "FIELDS {missing} 不在表中（字段：{fields}）",
                             missing=", ".join(map(repr, missing)), fields=", ".join(map(str, table.columns))))
    for f in chosen:
        if f in exclude:
            raise ValueError(msg("FIELDS includes '{field}', the key or year field: it cannot be joined as an indicator",
                                 "FIELDS 包含“{field}”，它是关键字段或年份字段：不能作为指标连接", field=f))
        _, bad = parse_numbers(list(table[f]))
        if bad:
            raise ValueError(msg("FIELDS '{field}' has {count} values that are not numbers: {examples}; "
                                 "fix them or leave the cells empty",
                                 "FIELDS“{field}”有 {count} 个值不是数值：{examples}；请更正，或将这些单元格留空",
                                 field=f, count=len(bad), examples=_examples(bad, 5)))
    return list(dict.fromkeys(chosen)), {}


def _holds_codes(column):
    """True when every value is a 6-digit administrative code (GB/T 2260, first digit 1-8)."""
    values = [v for v in column if not keys.is_missing(v)]
    if not values:
        return False
    for v in values:
        text = str(v).strip()
        if text.endswith(".0"):
            text = text[:-2]
        if not (len(text) == 6 and text.isdigit() and text[0] in "12345678"):
            return False
    return True


def check_year(value):
    """The year of a one-year table as an int, or an error naming YEAR: a whole number from
    1949 to 2100 (2020, 2020.0, "2020", "2020年")."""
    number = _year_number(value)
    if number is None:
        raise ValueError(msg("YEAR {value!r} is not a year: give the table's year as a whole number from {low} to "
                             "{high}, e.g. 2020, or leave YEAR empty",
                             "YEAR {value!r} 不是年份：请给出表的年份，为 {low} 到 {high} 之间的整数，如 2020；"
                             "或不设置 YEAR", value=value, low=YEAR_RANGE[0], high=YEAR_RANGE[1]))
    return number


def _year_number(value):
    """``value`` as a year (int from 1949 to 2100), None when it is not one or missing."""
    if keys.is_missing(value) or isinstance(value, bool):
        return None
    label = year_label(value)
    if label is None or not (label.isdigit() and label.isascii() and len(label) == 4):
        return None
    number = int(label)
    return number if YEAR_RANGE[0] <= number <= YEAR_RANGE[1] else None


def _key_text(value):
    """A table key as compared for repeats: 110100, 110100.0 and " 110100 " are one key."""
    if keys.is_missing(value):
        return None
    text = keys.clean_name(value)
    return text[:-2] if text.endswith(".0") and text[:-2].isdigit() else text


def year_like_columns(table, exclude=()):
    """Columns whose non-missing values are all years (whole numbers from 1949 to 2100) and hold
    at least two different years."""
    found = []
    for name in table.columns:
        if name in exclude:
            continue
        years = set()
        for value in table[name]:
            if keys.is_missing(value):
                continue
            number = _year_number(value)
            if number is None:
                break
            years.add(number)
        else:
            if len(years) > 1:
                found.append(name)
    return found


def year_columns(table, table_key, exclude=()):
    """The columns that can be the year field of a long table whose key ``table_key`` repeats:
    year-like columns (:func:`year_like_columns`) in which each key appears at most once per
    year. [] when the key does not repeat (a wide table).

    >>> t = pd.DataFrame({"code": [110100, 110100, 120100], "年份": [2019, 2020, 2020], "x": [1, 2, 3]})
    >>> year_columns(t, "code")
    ['年份']
    """
    key_text = [_key_text(v) for v in table[table_key]]
    present = [k for k in key_text if k is not None]
    if len(set(present)) == len(present):
        return []
    found = []
    for name in year_like_columns(table, exclude=set(exclude) | {table_key}):
        pairs = [(k, _year_number(v)) for k, v in zip(key_text, table[name]) if k is not None]
        if len(set(pairs)) == len(pairs):
            found.append(name)
    return found


def year_label(value):
    """The year written in ``value`` as text for a column name: 2015, 2015.0, "2015", "2015年"
    -> "2015"; other text is kept without whitespace ("2015Q1"); None if missing."""
    if keys.is_missing(value):
        return None
    if isinstance(value, (int, np.integer)) and not isinstance(value, bool):
        return str(int(value))
    if isinstance(value, (float, np.floating)) and float(value).is_integer():
        return str(int(value))
    text = keys.clean_name(value)
    digits = text[:-1] if text.endswith("年") else text
    if digits.endswith(".0"):
        digits = digits[:-2]
    return digits if digits.isdigit() and len(digits) == 4 else text


# --------------------------------------------------------------------------- steps

def _resolve_rows(index, table_keys, years, long_table, policy):
    """Resolve every table row: groups {(target, year): [rows]}, matches {row: record},
    unmatched [records]."""
    groups, matches, unmatched = {}, {}, []
    for row, (value, year) in enumerate(zip(table_keys, years)):
        res = index.lookup(value)
        record = {"row": row + 1, "key": _show(value), "year": year}
        joinable = res.status == "matched" or (res.status == "merged" and policy == "sum")
        if not joinable:
            unmatched.append({**record, "reason": res.reason or res.status, "closest": ", ".join(res.closest)})
            continue
        if long_table and year is None:
            unmatched.append({**record, "reason": "empty year", "closest": ""})
            continue
        target = res.targets[0]
        if len(res.targets) > 1:  # a merge into several boundary features of one unit
            unmatched.append({**record, "reason": f"{res.how}: successor has {len(res.targets)} boundary features",
                              "closest": ""})
            continue
        groups.setdefault((target, year), []).append(row)
        matches[row] = {**record, "boundary": index.labels[target], "how": res.how}
    return groups, matches, unmatched


def _aggregate(values, policy):
    """One value from the rows of one unit (and year) under the duplicate policy."""
    if len(values) == 1 or policy == "first":
        return values[0]
    finite = values[~np.isnan(values)]
    if finite.size == 0:
        return np.nan
    return float(finite.sum()) if policy == "sum" else float(finite.mean())


def _boundary_status(index, has_data, n):
    status = np.full(n, NO_ROW, dtype=object)
    for target, rows in index.rows.items():
        if target in has_data:
            status[rows] = MATCHED
    for row, reason in index.invalid.items():
        status[row] = NO_KEY if reason == "empty key" else INVALID_KEY
    return status


def _free_names(wanted, taken):
    """Names for new columns that clash neither with ``taken`` nor with each other: a clashing
    name gets _2, _3 ... Returns (names, {wanted: used} for the renamed ones)."""
    used, renamed, names = set(taken), {}, []
    for name in wanted:
        new, k = name, 2
        while new in used:
            new, k = f"{name}_{k}", k + 1
        used.add(new)
        names.append(new)
        if new != name:
            renamed[name] = new
    return names, renamed


def _sorted_years(years):
    return sorted(years, key=lambda y: (0, int(y), "") if y.isdigit() else (1, 0, y))


def _frame(records, columns, with_year):
    if not with_year:
        columns = [c for c in columns if c != "year"]
    return pd.DataFrame([{c: r.get(c) for c in columns} for r in records], columns=columns)


def _require_field(frame, name, parameter, what):
    if name not in frame.columns:
        raise ValueError(msg("{parameter} '{name}' is not a field of {what} (fields: {fields})",
                             "{parameter}“{name}”不是{what}的字段（字段：{fields}）",
                             parameter=parameter, name=name, what=what, fields=", ".join(map(str, frame.columns))))


def _require_codes(values, parameter, name):
    """Error if a key column holds no administrative code at all (a name field chosen for
    codes); single bad codes are reported per row instead."""
    example = None
    for value in values:
        try:
            if keys.parse_code(value) is not None:
                return
        except keys.CodeFormatError:
            pass
        if example is None and not keys.is_missing(value):
            example = value
    if example is None:
        raise ValueError(msg("{parameter} '{name}' is empty in every row", "{parameter}“{name}”在每一行都为空",
                             parameter=parameter, name=name))
    raise ValueError(msg("{parameter} '{name}' holds no administrative codes (e.g. {example!r}); "
                         "choose the code field or match by name (MATCH_BY=1)",
                         "{parameter}“{name}”中没有行政区划代码（如 {example!r}）；请选择代码字段，或按名称匹配（MATCH_BY=1）",
                         parameter=parameter, name=name, example=_show(example)))


def _nothing_matched(table_key, table_keys, boundary_key, boundary_keys, mode, unmatched):
    t = next((_show(v) for v in table_keys if not keys.is_missing(v)), "")
    b = next((_show(v) for v in boundary_keys if not keys.is_missing(v)), "")
    # the reasons are those of the unmatched table, which stays in English
    reasons = list_text([msg("row {row} {key!r}: {reason}", "第 {row} 行 {key!r}：{reason}", row=u["row"],
                             key=u["key"], reason=u["reason"]) for u in unmatched[:3]], limit=None, sep="; ",
                        sep_zh="；")
    by = {"code": msg("code", "代码"), "name": msg("name", "名称")}.get(mode, mode)
    return msg("No table row matched a boundary feature by {by}: TABLE_KEY '{table_key}' holds values like "
               "{t!r}, INPUT_KEY '{boundary_key}' values like {b!r} ({reasons}); check the key fields and MATCH_BY",
               "按{by}匹配时，表中没有任何一行与行政区划要素匹配：TABLE_KEY“{table_key}”的取值形如 {t!r}，"
               "INPUT_KEY“{boundary_key}”的取值形如 {b!r}（{reasons}）；请检查关键字段和 MATCH_BY",
               by=by, table_key=table_key, t=t, boundary_key=boundary_key, b=b, reasons=reasons)


def _duplicate_message(table_key, duplicated, table_keys, index, year_field, limit=5, table=None):
    parts = []
    for (target, year), rows in list(duplicated.items())[:limit]:
        spelled = ", ".join(f"{r + 1} {_show(table_keys[r])!r}" for r in rows)
        if year_field is None:
            parts.append(msg("{unit} (rows {rows})", "{unit}（行 {rows}）", unit=index.labels[target], rows=spelled))
        else:
            parts.append(msg("{unit} in {year} (rows {rows})", "{unit}，{year} 年（行 {rows}）",
                             unit=index.labels[target], year=year, rows=spelled))
    parts = list_text(parts, limit=None, sep="; ", sep_zh="；")
    more = (msg("; and {count} more", "；另有 {count} 个", count=len(duplicated) - limit)
            if len(duplicated) > limit else "")
    by_year = _differ_by_years(table, duplicated, exclude=(table_key, year_field))
    if by_year:
        return msg("TABLE_KEY '{key}' has {count} duplicated keys: {parts}{more}; their rows differ by '{column}', "
                   "which holds years: the table is a long table (one row per city and year), and adding or "
                   "averaging years would give a value of no year. Choose '{column}' as YEAR_FIELD (then a city "
                   "must have one row per year), or keep the rows of one year only and give that year as YEAR",
                   "TABLE_KEY“{key}”有 {count} 个重复的键：{parts}{more}；这些行的“{column}”字段不同，该字段存放年份："
                   "这是长表（每个城市每年一行），把各年相加或平均得到的数值不属于任何一年。请将“{column}”设为 "
                   "YEAR_FIELD（此时每个城市每年只能有一行），或只保留一个年份的行并在 YEAR 中给出该年份",
                   key=table_key, count=len(duplicated), parts=parts, more=more, column=by_year)
    if year_field is None:
        return msg("TABLE_KEY '{key}' has {count} duplicated keys: {parts}{more}; "
                   "choose DUPLICATES first, sum or mean to combine them",
                   "TABLE_KEY“{key}”有 {count} 个重复的键：{parts}{more}；请将 DUPLICATES 设为 first、sum 或 mean 以合并",
                   key=table_key, count=len(duplicated), parts=parts, more=more)
    return msg("TABLE_KEY '{key}' has {count} duplicated keys per year: {parts}{more}; "
               "choose DUPLICATES first, sum or mean to combine them",
               "TABLE_KEY“{key}”在同一年份内有 {count} 个重复的键：{parts}{more}；"
               "请将 DUPLICATES 设为 first、sum 或 mean 以合并", key=table_key, count=len(duplicated), parts=parts,
               more=more)


def _differ_by_years(table, duplicated, exclude=()):
    """The first year-like column (:func:`year_like_columns`) whose values differ within a group
    of duplicated rows; None without one."""
    if table is None:
        return None
    for name in year_like_columns(table, exclude={e for e in exclude if e is not None}):
        column = list(table[name])
        for rows in duplicated.values():
            if len({_year_number(column[r]) for r in rows}) > 1:
                return name
    return None


def _examples(bad, n=3):
    return list_text([msg("row {row}: {value!r}", "第 {row} 行：{value!r}", row=i + 1, value=v) for i, v in bad[:n + 1]],
                     limit=n)


def _show(value):
    """A key as written, for messages and the unmatched table (110100.0 stays 110100.0)."""
    if value is None:
        return ""
    if isinstance(value, float) and np.isnan(value):
        return ""
    return str(value)


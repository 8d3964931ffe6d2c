"""The checks of a typology's input table (:mod:`megaregion.core.typology`): row names, the
mega-region and role of every row, the dimensions of the indicators, choices and duplicate
(mega-region, city) pairs; each error names the input, the value and the fix."""
import numpy as np
import pandas as pd

from . import fields as fv
from .admin.city_ids import check_one_row_per_city
from .messages import msg

MEGAREGION_FIELD = fv.MEGAREGION_ID
ROLE_FIELD = fv.ROLE
CORE = fv.CORE
SECONDARY = fv.SECONDARY


def row_names(frame, name_field=None):
    """The name of every row for outputs and messages: the values of ``name_field`` as
    text, or the index labels when it is None."""
    if not frame.index.is_unique:
        raise ValueError(msg("The table's index has repeated labels; reset it (frame.reset_index(drop=True))",
                             "表格的索引有重复标签；请重置索引（frame.reset_index(drop=True)）"))
    if name_field is None:
        return [str(i) for i in frame.index]
    if name_field not in frame.columns:
        raise ValueError(msg("Name field {field!r} is not in the table (fields: {fields})",
                             "名称字段 {field!r} 不在表格中（现有字段：{fields}）",
                             field=name_field, fields=list(frame.columns)))
    return [str(v) for v in frame[name_field]]


def is_blank(value):
    """NULL, NaN, pandas' NA or an empty text: no mega-region (or no role, no dimension)."""
    return value is None or (isinstance(value, float) and np.isnan(value)) or \
        (isinstance(value, str) and value.strip() == "") or value is pd.NA


def megaregion_roles(frame, megaregion_field=MEGAREGION_FIELD, role_field=ROLE_FIELD, names=None):
    """``(megaregion, role)`` object arrays; role is ``"core"``, ``"secondary"`` or None.

    Roles are read case-insensitively. A row with a mega-region must have a role; a row
    without a mega-region is a pool-only row and its role is ignored."""
    for f in (megaregion_field, role_field):
        if f not in frame.columns:
            raise ValueError(msg("Field {field!r} is not in the table (fields: {fields}); "
                                 "join the mega-region membership table first",
                                 "字段 {field!r} 不在表格中（现有字段：{fields}）；请先连接城市群成员表",
                                 field=f, fields=list(frame.columns)))
    names = row_names(frame, None) if names is None else names
    mr = np.array([None if is_blank(v) else str(v).strip() for v in frame[megaregion_field]], dtype=object)
    role = np.array([None if is_blank(v) else str(v).strip().lower() for v in frame[role_field]], dtype=object)
    member = np.array([m is not None for m in mr])
    bad = np.flatnonzero(member & np.array([r not in (CORE, SECONDARY) for r in role]))
    if len(bad):
        values = sorted({str(role[i]) for i in bad})
        raise ValueError(msg("Field {field!r} must be 'core' or 'secondary' for every mega-region member; "
                             "{count} rows have {values} ({cities})",
                             "城市群的每个成员在字段 {field!r} 中都必须为 'core'（核心城市）或 'secondary'（次级城市）；"
                             "{count} 行的取值为 {values}（{cities}）",
                             field=role_field, count=len(bad), values=values,
                             cities=fv.list_names([names[r] for r in bad])))
    role[~member] = None
    return mr, role


def _dimensions(indicators, dimensions):
    if dimensions is None:
        return {i: i for i in indicators}
    missing = [i for i in indicators if i not in dimensions or is_blank(dimensions[i])]
    if missing:
        raise ValueError(msg("Indicators {missing} have no dimension; give a dimension for every "
                             "indicator or none (then every indicator is its own dimension)",
                             "指标 {missing} 没有所属维度；请为每个指标指定维度，或都不指定（此时每个指标自成一个维度）",
                             missing=missing))
    return {i: str(dimensions[i]) for i in indicators}


def _check_choice(name, value, allowed):
    if value not in allowed:
        raise ValueError(msg("{name}={value!r}: use one of {allowed}", "{name}={value!r}：请使用 {allowed} 之一",
                             name=name, value=value, allowed=allowed))


def _check_unique_pairs(mr, names, city_field, frame):
    """One row per (mega-region, city id): :func:`.admin.city_ids.check_one_row_per_city`."""
    check_one_row_per_city(frame, city_field, mr, names)

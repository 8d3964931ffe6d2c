"""Masks of zonal statistics taken from a companion layer of the same cells: the cloud-free
coverage of VIIRS composites, the quality flag of Black Marble, the pixel reliability of MODIS
vegetation indices.

A :class:`MaskRule` says which companion values keep a cell:

- ``'min'``: the companion is a count and a cell is valid when count >= ``threshold``. VIIRS
  ``cf_cvg`` is the number of cloud-free observations; a radiance where it is 0 is *no
  observation*, not darkness (EOG, README of the DNB composites: "not assume a value of zero in
  the average radiance image means that no lights were observed"), so ``MIN_COVERAGE`` = 1 by
  default;
- ``'allowed'``: the companion is a flag and a cell is valid when its flag is one of
  ``values``. Black Marble VNP46A3/A4 ``*_Quality``: 0 good (more than 3 observations), 1 poor,
  2 gap-filled, 255 fill (default: good only). MODIS MOD13 pixel reliability: 0 good,
  1 marginal, 2 snow/ice, 3 cloudy, -1 fill (default: good and marginal).

A cell masked out is counted as not valid: ``valid_fraction`` = valid weight / covered weight
tells how much of a polygon the mask removed.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Tuple

import numpy as np

from ..messages import msg
from .errors import ZonalStatisticsError

#: Quality choices (QUALITY parameter) and the flags they keep, per kind of flag.
QUALITY_CHOICES = ("default", "good", "good_marginal", "none")

#: Flags kept by each choice: Black Marble *_Quality and MODIS pixel reliability.
QUALITY_FLAGS = {
    "black_marble": {"default": (0,), "good": (0,), "good_marginal": (0, 1), "none": None},
    "modis_reliability": {"default": (0, 1), "good": (0,), "good_marginal": (0, 1), "none": None},
}


@dataclass(frozen=True)
class MaskRule:
    """Which companion values keep a cell: ``kind`` 'min' (value >= threshold) or 'allowed'
    (value in ``values``)."""

    kind: str
    threshold: float = 1.0
    values: Tuple[int, ...] = ()

    def keep(self, companion: np.ndarray) -> np.ndarray:
        """Boolean array: True where the cell is kept.

        >>> MaskRule("min", threshold=2).keep(np.array([0, 1, 2, 9])).tolist()
        [False, False, True, True]
        >>> MaskRule("allowed", values=(0, 1)).keep(np.array([0, 1, 2, 255])).tolist()
        [True, True, False, False]
        """
        if self.kind == "min":
            return companion >= self.threshold
        if len(self.values) > 4:
            return np.isin(companion, np.asarray(self.values))
        keep = companion == self.values[0]  # a few flags: comparisons beat np.isin's sort by far
        for v in self.values[1:]:
            keep |= companion == v
        return keep

    def describe(self) -> str:
        if self.kind == "min":
            return msg("cells with at least {n:g} cloud-free observation(s)", "云量筛选后观测次数不少于 {n:g} 的像元",
                       n=self.threshold)
        return msg("cells whose quality flag is {values}", "质量标志为 {values} 的像元",
                   values=", ".join(str(v) for v in self.values))


def coverage_rule(min_coverage: Optional[float]) -> MaskRule:
    """The rule of a coverage count (``cf_cvg``): valid when at least ``min_coverage``
    observations (default 1).

    >>> coverage_rule(None).threshold, coverage_rule(3).threshold
    (1.0, 3.0)
    """
    value = 1.0 if min_coverage is None else float(min_coverage)
    if not np.isfinite(value) or value < 0:
        raise ZonalStatisticsError(msg(
            "MIN_COVERAGE = {value}: give the smallest number of cloud-free observations a cell needs (0 or more; "
            "default 1)", "MIN_COVERAGE = {value}：请给出像元所需的最少无云观测次数（0 或以上；默认 1）", value=value))
    return MaskRule("min", threshold=value)


def quality_rule(flag_kind: str, choice: Optional[str]) -> Optional[MaskRule]:
    """The rule of a quality flag of ``flag_kind`` for the QUALITY ``choice`` (None: no mask).

    >>> quality_rule("black_marble", "default").values, quality_rule("modis_reliability", None).values
    ((0,), (0, 1))
    >>> quality_rule("modis_reliability", "none") is None
    True
    """
    choice = choice or "default"
    if choice not in QUALITY_CHOICES:
        raise ZonalStatisticsError(msg("QUALITY = {choice!r} is unknown: use one of {choices}",
                                       "未知的 QUALITY = {choice!r}：请使用 {choices} 之一",
                                       choice=choice, choices=", ".join(QUALITY_CHOICES)))
    values = QUALITY_FLAGS[flag_kind][choice]
    return None if values is None else MaskRule("allowed", values=tuple(values))

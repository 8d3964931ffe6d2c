"""Display names of the mega-regions, the same in every report, map and message.

The bundled membership table (``resources/data/megaregions/membership.csv``) gives each
mega-region a short code (``megaregion_id``, e.g. ``BTH``), an English name and a Chinese name.
An output may carry any of the three (the unevenness table carries whatever the chosen
mega-region field holds); :func:`region_name` turns any of them into the full name a reader
understands, and :func:`region_order` gives the one fixed order in which reports list regions.
A value that is not a bundled mega-region (a user's own membership) is shown as it is.
"""
import csv
import functools
from pathlib import Path
from typing import Dict, Iterable, List, NamedTuple, Optional

__all__ = ["Region", "bundled_regions", "find_region", "region_name", "region_order"]

MEMBERSHIP_CSV = Path(__file__).resolve().parents[1] / "resources" / "data" / "megaregions" / "membership.csv"


class Region(NamedTuple):
    id: str     # short code, e.g. "BTH"
    en: str     # English name, e.g. "Beijing-Tianjin-Hebei"
    zh: str     # Chinese name, e.g. "京津冀城市群"
    phase: str  # optimizing, expanding or cultivating (national plan, 2019)


@functools.lru_cache(maxsize=None)
def _regions(path: str) -> Dict[str, Region]:
    out: Dict[str, Region] = {}
    with open(path, encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            rid = (row.get("megaregion_id") or "").strip()
            if rid and rid not in out:
                out[rid] = Region(rid, (row.get("megaregion_en") or rid).strip(),
                                  (row.get("megaregion_zh") or rid).strip(),
                                  (row.get("phase") or "").strip())
    return out


def bundled_regions(path=MEMBERSHIP_CSV) -> List[Region]:
    """The bundled mega-regions in the membership table's order.

    >>> [r.id for r in bundled_regions()][:3]
    ['BTH', 'YRD', 'PRD']
    >>> len(bundled_regions())
    19
    """
    return list(_regions(str(path)).values())


def find_region(value, path=MEMBERSHIP_CSV) -> Optional[Region]:
    """The bundled :class:`Region` whose code, English or Chinese name is ``value``
    (case and surrounding spaces ignored), else ``None``.

    >>> find_region("bth").zh
    '京津冀城市群'
    >>> find_region("Yangtze River Delta").id
    'YRD'
    >>> find_region("My own region") is None
    True
    """
    if value is None:
        return None
    key = str(value).strip().casefold()
    for region in _regions(str(path)).values():
        if key in (region.id.casefold(), region.en.casefold(), region.zh.casefold()):
            return region
    return None


def region_name(value, lang: str = "en", path=MEMBERSHIP_CSV) -> str:
    """The full name of mega-region ``value`` (a code or either name) for a reader:
    ``lang="en"`` gives ``"Beijing-Tianjin-Hebei (京津冀城市群)"``, ``lang="zh"`` gives
    ``"京津冀城市群"``, ``lang="en_only"`` the English name alone. A value that is not a
    bundled mega-region is returned as text.

    >>> region_name("BTH")
    'Beijing-Tianjin-Hebei (京津冀城市群)'
    >>> region_name("Beijing-Tianjin-Hebei", lang="zh")
    '京津冀城市群'
    >>> region_name("X1")
    'X1'
    """
    region = find_region(value, path)
    if region is None:
        return "" if value is None else str(value)
    if str(lang).lower().startswith("zh"):
        return region.zh
    if lang == "en_only":
        return region.en
    return "%s (%s)" % (region.en, region.zh)


def region_order(values: Iterable, path=MEMBERSHIP_CSV) -> List:
    """``values`` (codes or names, duplicates dropped) in the one order every report uses:
    bundled mega-regions in the membership table's order (the national plan's optimizing,
    expanding and cultivating regions), then any others alphabetically.

    >>> region_order(["Central Yunnan", "YRD", "zzz", "BTH", "aaa"])
    ['BTH', 'YRD', 'Central Yunnan', 'aaa', 'zzz']
    """
    rank = {r.id: i for i, r in enumerate(_regions(str(path)).values())}
    seen, known, other = set(), [], []
    for value in values:
        if value in seen:
            continue
        seen.add(value)
        region = find_region(value, path)
        (known if region is not None else other).append((rank[region.id] if region else 0, value))
    return [v for _, v in sorted(known, key=lambda kv: kv[0])] + sorted((v for _, v in other), key=str)

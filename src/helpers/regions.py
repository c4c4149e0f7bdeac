"""The kit's regions and region groups, kept as data.

Every name, Chinese name and grouping lives in ``regions.csv`` next to this module (one row per
region; shipped as package data). This module only reads that table and answers questions about
it: Chinese and English names, which group a city belongs to, and which names are valid.

Levels covered
--------------
* ``country``: China (全国).
* ``province``: the 31 provincial units, English spelling as in the NBS exports used by the kit
  (``Inner Mongolia``, ``Tibet``, ...), Chinese full names (河北省, 内蒙古自治区, 北京市).
* ``city``: the prefecture-level cities of Hebei (11), Liaoning (14) and Shandong (16, plus
  Laiwu, abolished in January 2019 and merged into Jinan, because Shandong yearbook data up to
  2018 still list it). Names and codes follow the census compilation
  ``bohai_city_census_population_2010_2020.csv`` (Dong, Du & Liu 2022).

Groupings of Hebei's 11 cities (all are teaching conventions, stated so students can change them)
--------------------------------------------------------------------------------------------------
* ``coastal``: coastal = Tangshan, Qinhuangdao, Cangzhou (the three cities with a coastline,
  column ``coastal_city`` of the census file); inland = the other eight.
* ``north_central_south`` (冀北 / 冀中 / 冀南): north = Zhangjiakou, Chengde, Qinhuangdao,
  Tangshan; central = Shijiazhuang, Baoding, Langfang, Cangzhou, Hengshui; south = Xingtai,
  Handan. A common informal division used in teaching and the press, NOT an official statistical
  region; other authors put Tangshan and Qinhuangdao in a separate 冀东 (east).
* ``functional_zone``: the four zones of the Beijing-Tianjin-Hebei Coordinated Development
  Outline (京津冀协同发展规划纲要, 2015) as commonly summarised at city level: central core
  (中部核心功能区: Baoding, Langfang), eastern coastal development (东部滨海发展区: Tangshan,
  Qinhuangdao, Cangzhou), southern expansion (南部功能拓展区: Shijiazhuang, Xingtai, Handan,
  Hengshui), north-western ecological conservation (西北部生态涵养区: Zhangjiakou, Chengde).
  The Outline draws the zones by terrain, not by city borders (western Baoding is mountain
  conservation land, for example), so the city assignment is an approximation.

Groupings of provinces
----------------------
* ``bohai_rim``: bohai_rim = Beijing, Tianjin, Hebei, Liaoning, Shandong; other = the rest.

Two definitions of the Bohai Rim (see :func:`bohai_rim`)
--------------------------------------------------------
* ``"provinces"`` (default): the five provincial units. This is the definition under which the
  "5.4 % of China's area" figure of seed 004 holds (see environment_area/PROVENANCE.md).
* ``"coastal"``: Beijing and Tianjin plus 13 coastal prefecture cities, matching seed 004's
  wording "Beijing, Tianjin ... and 13 prefecture-level cities in Shandong, Hebei and Liaoning
  surrounding the Bohai Bay". The 13 are: Hebei's three coastal cities; Liaoning's six coastal
  cities (the Liaoning Coastal Economic Belt: Dalian, Dandong, Jinzhou, Yingkou, Panjin,
  Huludao; all flagged ``coastal_city`` in the census file); and the four Shandong cities on
  the Bohai coast (Binzhou, Dongying, Weifang, Yantai). Qingdao, Weihai and Rizhao, flagged
  coastal in the census and Shandong files, face only the Yellow Sea and are left out. Dandong
  also faces only the Yellow Sea but is kept to follow the census flag and to reach the
  paper's count of 13; the paper does not list its cities, so this is our reading.
* ``"bohai_shore"``: only units with a Bohai Sea shore (boundary: the Laotieshan-Penglai line),
  i.e. Tianjin plus 12 cities (the coastal set without Dandong, and without Beijing).
* ``"coastal_all"``: Beijing, Tianjin and all 16 coastal cities of the three provinces flagged
  in the census file (Bohai or Yellow Sea).

English city names are unique only within the cities listed here (nationally there are, for
example, two Fuzhou). Lookups are exact after trimming spaces; English lookups ignore case.
"""

from __future__ import annotations

import csv
import difflib
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

__all__ = [
    "BOHAI_RIM_PROVINCES",
    "GROUPINGS",
    "GROUP_LABELS_ZH",
    "HEBEI_CITIES",
    "HEBEI_COASTAL_CITIES",
    "PROVINCES",
    "bohai_rim",
    "cities",
    "en",
    "group_of",
    "groups",
    "table",
    "validate_regions",
    "zh",
]

REGIONS_CSV = Path(__file__).with_name("regions.csv")

# grouping name -> column of regions.csv that holds the group label
_GROUPING_COLUMNS = {
    "coastal": "coastal",
    "north_central_south": "hebei_north_central_south",
    "functional_zone": "hebei_functional_zone",
    "bohai_rim": "bohai_rim_province",
}
GROUPINGS: tuple[str, ...] = tuple(_GROUPING_COLUMNS)
# the order in which groups are returned (and plotted)
_GROUP_ORDER = {
    "coastal": ("coastal", "inland"),
    "north_central_south": ("north", "central", "south"),
    "functional_zone": (
        "central_core",
        "eastern_coastal",
        "southern_expansion",
        "northwestern_ecological",
    ),
    "bohai_rim": ("bohai_rim", "other"),
}

# Chinese labels for the group names (for plot legends and bilingual tables).
GROUP_LABELS_ZH: dict[str, str] = {
    "coastal": "沿海",
    "inland": "内陆",
    "north": "冀北",
    "central": "冀中",
    "south": "冀南",
    "central_core": "中部核心功能区",
    "eastern_coastal": "东部滨海发展区",
    "southern_expansion": "南部功能拓展区",
    "northwestern_ecological": "西北部生态涵养区",
    "bohai_rim": "环渤海",
    "other": "其他地区",
}

_BOHAI_DEFINITIONS = ("provinces", "coastal", "bohai_shore", "coastal_all")


@lru_cache(maxsize=1)
def _rows() -> tuple[dict[str, str], ...]:
    with REGIONS_CSV.open(encoding="utf-8", newline="") as f:
        return tuple(csv.DictReader(f))


def _is_true(value: str) -> bool:
    return value == "True"


def table() -> Any:
    """The region table as a pandas DataFrame (a fresh copy; one row per region)."""
    import pandas as pd  # imported lazily: the name functions need only the csv module

    return pd.DataFrame(list(_rows())).astype("string")


def _names(level: str, province: str | None = None) -> list[str]:
    return [
        r["region"]
        for r in _rows()
        if r["level"] == level and (province is None or r["province"] == province)
    ]


PROVINCES: tuple[str, ...] = tuple(_names("province"))
HEBEI_CITIES: tuple[str, ...] = tuple(_names("city", "Hebei"))
HEBEI_COASTAL_CITIES: tuple[str, ...] = tuple(
    r["region"]
    for r in _rows()
    if r["province"] == "Hebei" and _is_true(r["coastal"]) and r["level"] == "city"
)
BOHAI_RIM_PROVINCES: tuple[str, ...] = tuple(
    r["region"] for r in _rows() if _is_true(r["bohai_rim_province"])
)


def cities(province: str = "Hebei", *, include_abolished: bool = False) -> list[str]:
    """Prefecture-level cities of ``province`` (Hebei, Liaoning or Shandong), in code order.

    Args:
        province: English province name.
        include_abolished: also return cities that no longer exist (Laiwu, Shandong, to 2018).
    """
    validate_regions(province, ["Hebei", "Liaoning", "Shandong"], what="province")
    return [
        r["region"]
        for r in _rows()
        if r["level"] == "city"
        and r["province"] == province
        and (include_abolished or "abolished" not in r["note"])
    ]


def bohai_rim(definition: str = "provinces") -> list[str]:
    """Members of the Bohai Rim under one of the kit's definitions (see the module docstring).

    Args:
        definition: ``"provinces"`` (Beijing, Tianjin, Hebei, Liaoning, Shandong),
            ``"coastal"`` (Beijing, Tianjin + 13 coastal cities, seed 004's wording),
            ``"bohai_shore"`` (Tianjin + the 12 cities with a Bohai Sea shore) or
            ``"coastal_all"`` (Beijing, Tianjin + all 16 coastal cities of the three provinces).

    Returns:
        English names; provincial units first, then cities in code order.
    """
    validate_regions(definition, _BOHAI_DEFINITIONS, what="Bohai Rim definition")
    rows = _rows()
    if definition == "provinces":
        return list(BOHAI_RIM_PROVINCES)
    if definition == "coastal":
        return [r["region"] for r in rows if _is_true(r["bohai_rim_coastal"])]
    if definition == "bohai_shore":
        return [r["region"] for r in rows if _is_true(r["bohai_sea_coast"])]
    # coastal_all: the two municipalities and every city flagged coastal in the census file
    return [
        r["region"]
        for r in rows
        if r["region"] in ("Beijing", "Tianjin")
        or (r["level"] == "city" and _is_true(r["coastal"]) and "abolished" not in r["note"])
    ]


def _lookup_en(name: str) -> dict[str, str]:
    key = name.strip().casefold()
    for r in _rows():
        if r["region"].casefold() == key:
            return r
    validate_regions(name, [r["region"] for r in _rows()])
    raise AssertionError("unreachable")  # validate_regions raised


def zh(name: str, *, short: bool = False) -> str:
    """Chinese name of a region given its English name (case-insensitive).

    Args:
        name: English name, e.g. ``"Hebei"`` or ``"Shijiazhuang"``.
        short: return the short form without the administrative suffix (河北 rather than 河北省,
            石家庄 rather than 石家庄市, 内蒙古 rather than 内蒙古自治区).

    Raises:
        ValueError: unknown name (the message suggests close matches).
    """
    r = _lookup_en(name)
    return r["region_zh_short"] if short else r["region_zh"]


def en(name_zh: str) -> str:
    """English name of a region given its Chinese name, full (河北省) or short (河北).

    ``全国`` and ``中国`` both give ``"China"``.

    Raises:
        ValueError: unknown name (the message suggests close matches).
    """
    key = name_zh.strip()
    for r in _rows():
        if key in (r["region_zh"], r["region_zh_short"]):
            return r["region"]
    allowed = [r["region_zh"] for r in _rows()] + [r["region_zh_short"] for r in _rows()]
    validate_regions(key, allowed, what="Chinese region name")
    raise AssertionError("unreachable")


def groups(grouping: str) -> dict[str, list[str]]:
    """Groups of a grouping as ``{group: [regions]}``, regions in code order.

    Args:
        grouping: ``"coastal"`` (Hebei cities: coastal / inland), ``"north_central_south"``
            (Hebei cities: north / central / south), ``"functional_zone"`` (Hebei cities: the
            four zones of the 2015 Beijing-Tianjin-Hebei Outline) or ``"bohai_rim"``
            (31 provinces: bohai_rim / other).

    The groups of each grouping partition its members (every member in exactly one group).
    Group names can be translated with :data:`GROUP_LABELS_ZH`.
    """
    validate_regions(grouping, GROUPINGS, what="grouping")
    column = _GROUPING_COLUMNS[grouping]
    out: dict[str, list[str]] = {label: [] for label in _GROUP_ORDER[grouping]}
    if grouping == "bohai_rim":
        members = [r for r in _rows() if r["level"] == "province"]
    else:
        members = [r for r in _rows() if r["level"] == "city" and r["province"] == "Hebei"]
    for r in members:
        value = r[column]
        if grouping == "coastal":
            label = "coastal" if _is_true(value) else "inland"
        elif grouping == "bohai_rim":
            label = "bohai_rim" if _is_true(value) else "other"
        else:
            label = value
        out[label].append(r["region"])  # KeyError = a label missing from _GROUP_ORDER
    return out


def group_of(city: str, grouping: str = "coastal") -> str:
    """The group a region belongs to under ``grouping`` (see :func:`groups`).

    Args:
        city: English name of a Hebei city (or of a province for ``grouping="bohai_rim"``).
        grouping: one of :data:`GROUPINGS`.

    Raises:
        ValueError: unknown grouping, or a region that is not a member of the grouping.
    """
    by_group = groups(grouping)
    for group, members in by_group.items():
        for member in members:
            if isinstance(city, str) and member.casefold() == city.strip().casefold():
                return group
    members = [m for ms in by_group.values() for m in ms]
    validate_regions(city, members, what=f"member of grouping {grouping!r}")
    raise AssertionError("unreachable")  # validate_regions raised


def validate_regions(
    names: str | Iterable[Any],
    allowed: Sequence[str] | Iterable[str],
    *,
    what: str = "region",
    allow_empty: bool = False,
) -> list[str]:
    """Check that every name is one of ``allowed``; return the names as a list.

    General purpose: the kit also uses it for indicators, groupings and papermill parameters
    (pass ``what="indicator"`` etc. so the message names the right thing).

    Args:
        names: one name or an iterable of names. Matching is exact (case and spelling).
        allowed: the valid values.
        what: what the values are, used in the error message.
        allow_empty: accept an empty list of names.

    Raises:
        ValueError: naming each unknown value (and any value that is not a string, e.g. an int
            injected by papermill), suggesting close matches (difflib, case-insensitive), and
            listing the allowed values.
    """
    allowed_list = [str(a) for a in allowed]
    given = [names] if isinstance(names, str) else list(names)
    if not given and not allow_empty:
        raise ValueError(f"No {what} given. Allowed values: {', '.join(allowed_list)}")
    allowed_set = set(allowed_list)
    folded = {a.casefold(): a for a in allowed_list}
    problems = []
    for name in given:
        if not isinstance(name, str):
            problems.append(f"{name!r} (of type {type(name).__name__}, not a string)")
            continue
        if name in allowed_set:
            continue
        close = difflib.get_close_matches(name.strip().casefold(), list(folded), n=3, cutoff=0.6)
        hint = f" (did you mean {', '.join(repr(folded[c]) for c in close)}?)" if close else ""
        problems.append(f"{name!r}{hint}")
    if problems:
        raise ValueError(
            f"Unknown {what}: {'; '.join(problems)}. Allowed values: {', '.join(allowed_list)}"
        )
    return given


def rank_of(values: Any, region: str, *, ascending: bool = False) -> int:
    """Rank of ``region`` in ``values`` (a Series indexed by region): 1 = largest value
    (``ascending=False``) or smallest (``ascending=True``); ties share the best rank
    (``method="min"``); regions with a missing value get no rank and are not counted.

    Raises:
        KeyError: the region has no value to rank (named in the message).
    """
    present = values.dropna()
    if region not in present.index:
        raise KeyError(f"{region!r} has no value to rank; regions with values: "
                       f"{', '.join(map(str, present.index))}")
    return int(present.rank(ascending=ascending, method="min")[region])

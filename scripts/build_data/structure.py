"""Builders for the economic-structure tables (sources ``structure/`` and ``structure_gaps/``).

Each builder reads one or more source CSVs, keeps the values as published (empty stays empty),
maps the source's long vintage descriptions to short codes and adds flags the provenance notes
ask for. Read ``../shared/sources/structure*/PROVENANCE.md`` alongside this file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from .common import (
    STANDARD_FLAGS,
    BuildError,
    Table,
    add_flag,
    obtained_from,
    read_source,
    set_units,
    to_number,
)

S = "structure"
G = "structure_gaps"

LICENCE_NBS = (
    "Official statistics published by the National Bureau of Statistics of China "
    "(data.stats.gov.cn); figures are facts reproduced with attribution to the producer. "
    "The kit's compilation and metadata are MIT-licensed like the kit."
)

# --------------------------------------------------------------------------------------------
# Indicator metadata
# --------------------------------------------------------------------------------------------

_YI = "100 million yuan"
_WAN = "10k persons"


def _ind(name_en: str, name_zh: str, unit: str, description: str, better: str = "neither",
         lo: float = 0.0, hi: float = 200000.0) -> dict[str, Any]:
    return {"name_en": name_en, "name_zh": name_zh, "unit": unit, "description": description,
            "better": better, "min": lo, "max": hi}


VA_GROUPS: dict[str, tuple[str, str]] = {
    "va_agriculture_forestry_animal_fishery": (
        "Value added of agriculture, forestry, animal husbandry and fishery", "农林牧渔业增加值"),
    "va_industry": ("Value added of industry (mining, manufacturing, utilities)", "工业增加值"),
    "va_construction": ("Value added of construction", "建筑业增加值"),
    "va_wholesale_retail": ("Value added of wholesale and retail trade", "批发和零售业增加值"),
    "va_transport_storage_post": ("Value added of transport, storage and post",
                                  "交通运输、仓储和邮政业增加值"),
    "va_accommodation_catering": ("Value added of accommodation and catering",
                                  "住宿和餐饮业增加值"),
    "va_finance": ("Value added of financial intermediation", "金融业增加值"),
    "va_real_estate": ("Value added of real estate", "房地产业增加值"),
    "va_other_services": ("Value added of other services", "其他行业增加值"),
}

GDP_INDICATORS: dict[str, dict[str, Any]] = {
    "gdp": _ind("Gross regional product", "地区生产总值", _YI,
                "Value of all final goods and services produced in the region in the year, at "
                "current prices.", "higher"),
    "va_primary": _ind("Value added of the primary sector", "第一产业增加值", _YI,
                       "Farming, forestry, animal husbandry and fishery (excluding their support "
                       "services), current prices."),
    "va_secondary": _ind("Value added of the secondary sector", "第二产业增加值", _YI,
                         "Industry (mining, manufacturing, electricity, gas and water) and "
                         "construction, current prices."),
    "va_tertiary": _ind("Value added of the tertiary sector", "第三产业增加值", _YI,
                        "Services (everything not primary or secondary), current prices."),
    **{code: _ind(en, zh, _YI, f"{en}, current prices. One of the nine industry groups that sum "
                  "to GDP.") for code, (en, zh) in VA_GROUPS.items()},
    "gdp_per_capita": _ind("GDP per person", "人均地区生产总值", "yuan per person",
                           "GDP divided by the average resident population of the year, in yuan "
                           "at current prices.", "higher", 5000.0, 400000.0),
}
GDP_INDICATORS["va_agriculture_forestry_animal_fishery"]["description"] += (
    " Includes agricultural support services, so it is slightly larger than va_primary.")
GDP_INDICATORS["va_industry"]["description"] += (
    " Industry plus construction is slightly LARGER than the secondary sector: mining support "
    "and equipment repair count as tertiary. Do not compute secondary as industry + construction.")

THREE_SECTOR_CHECK = {"type": "sum", "parts": ["va_primary", "va_secondary", "va_tertiary"],
                      "total": "gdp", "abs_tol": 0.15}

# --------------------------------------------------------------------------------------------
# Shared reading
# --------------------------------------------------------------------------------------------


def _long(root: Path, relpath: str, vintages: dict[str, str], indicators: dict[str, Any],
          keep: list[str] | None = None) -> pd.DataFrame:
    """Read a long source file into contract columns.

    ``vintages`` maps the source's vintage text to the kit's short code (every text must be
    mapped). ``keep`` lists extra source columns to carry along (renamed later by the caller).
    """
    src = read_source(root, relpath)
    unmapped = sorted(set(src["vintage"]) - set(vintages))
    if unmapped:
        raise BuildError(f"{relpath}: unmapped vintage text(s) {unmapped}")
    df = pd.DataFrame({
        "region": src["region"].str.strip(),
        "region_zh": src["region_zh"].str.strip(),
        "year": src["year"].astype(int),
        "indicator": src["indicator"].str.strip(),
        "value": to_number(src["value"], relpath),
        "unit": src["unit"],
        "vintage": src["vintage"].map(vintages),
        "flag": "",
    })
    for c in keep or []:
        df[c] = src[c]
    return set_units(df, indicators, relpath)


def _origin_files(root: Path, relpath: str, repo: str = "source_repo") -> list[dict[str, str]]:
    return obtained_from(read_source(root, relpath), repo=repo)


# --------------------------------------------------------------------------------------------
# province_gdp
# --------------------------------------------------------------------------------------------

F_GDP = f"{S}/province_gdp_structure_nbs_2016_2024.csv"
V_GDP = {
    "NBS database after 5th economic census revision (1992-2023 revised); scraped 2026-04":
        "nbs_post5th_2026-04",
    "NBS database 2024 final-verified figures (differ from early-2025 preliminary); "
    "exported 2026-05": "nbs_post5th_2024final_2026-05",
    "NBS database 2025 preliminary (only per-capita GDP published at scrape time)":
        "nbs_2025_preliminary",
}


def build_province_gdp(root: Path) -> pd.DataFrame:
    """NBS provincial GDP, sectors, industry groups and per-capita GDP, post-5th-census."""
    df = _long(root, F_GDP, V_GDP, GDP_INDICATORS)
    return add_flag(df, df["vintage"] == "nbs_2025_preliminary", "preliminary")


def _origin_province_gdp(root: Path) -> dict[str, Any]:
    return {
        "producer": "National Bureau of Statistics of China (NBS, 国家统计局)",
        "publication": "NBS online database (data.stats.gov.cn), 分省年度数据 > 国民经济核算 > "
                       "地区生产总值 (Annual by Province > National Accounts > Gross Regional "
                       "Product)",
        "table": "地区生产总值, 第一/二/三产业增加值, 工业增加值, 行业增加值, 人均地区生产总值",
        "vintages": {
            "nbs_post5th_2026-04": "2016-2023: series revised after the 5th national economic "
                                   "census (1992-2023 revised), NBS database scraped April 2026.",
            "nbs_post5th_2024final_2026-05": "2024: final-verified figures, NBS export of May "
                                             "2026 (they replace the early-2025 preliminary "
                                             "figures, e.g. Hebei 47,448.1 not 47,526.9).",
            "nbs_2025_preliminary": "2025: preliminary per-capita GDP only.",
        },
        "obtained_from": [{"repo": "lanyuanzhe1/tongjimodule",
                           "path": "data/0412/分省GDP_多年期_面板数据.csv",
                           "commit": "d36519a27a58f36a455ef911421ee0280f669aa9"},
                          {"repo": "Liushenwuzhu-Alpaca/province-economy",
                           "path": "data/raw/nbs_exports/分省年度数据2024.csv",
                           "commit": "46e915f3ce81ca7d577c865f57e7f8579cdd9b83"}],
        "licence_note": LICENCE_NBS,
        "caveats": [
            "Newest official vintage (after the 5th economic census): it differs from yearbooks "
            "printed before mid-2025 (Hebei 2023 is 45,660.0 here, 43,944.1 in the older "
            "vintage kept in province_gdp_vintages). Never splice the two.",
            "Industry plus construction is slightly larger than the secondary sector (mining "
            "support and repair count as tertiary).",
            "No national total (全国) row; nothing before 2016; 2025 has per-capita GDP only.",
            "Two independent scrapes of the NBS database agree cell by cell for 2019-2023.",
        ],
        "citation": "National Bureau of Statistics of China, NBS database (data.stats.gov.cn), "
                    "Gross Regional Product by province, 2016-2024, post-5th-economic-census "
                    "revision (accessed via public GitHub exports, 2026).",
    }


# --------------------------------------------------------------------------------------------
# province_gdp_index
# --------------------------------------------------------------------------------------------

F_INDEX = f"{S}/province_gdp_index_nbs_2016_2024.csv"
V_INDEX = {"NBS database after 5th economic census revision; exported 2026-05 (constant prices, "
           "previous year = 100)": "nbs_post5th_2026-05"}
_IDX = "previous year = 100"
INDEX_INDICATORS = {
    "gdp_index_prev_year_100": _ind(
        "GDP index (previous year = 100)", "地区生产总值指数(上年=100)", _IDX,
        "Real GDP this year as a percentage of last year's, at constant prices: 106.5 means "
        "real growth of 6.5%.", "higher", 50.0, 150.0),
    **{f"va_{s}_index_prev_year_100": _ind(
        f"{s.capitalize()} sector value-added index (previous year = 100)",
        f"第{zh}产业增加值指数(上年=100)", _IDX,
        f"Real value added of the {s} sector as a percentage of last year's (constant prices).",
        "higher", 50.0, 150.0) for s, zh in [("primary", "一"), ("secondary", "二"),
                                             ("tertiary", "三")]},
}


def build_province_gdp_index(root: Path) -> pd.DataFrame:
    """NBS GDP index (previous year = 100) by province; sector indices for 2024 only."""
    return _long(root, F_INDEX, V_INDEX, INDEX_INDICATORS)


# --------------------------------------------------------------------------------------------
# province_population
# --------------------------------------------------------------------------------------------

F_POP = f"{S}/province_population_nbs_2016_2024.csv"
V_POP = {"NBS database (year-end resident population; 2011-2020 revised after 7th census); "
         "scraped 2026-04": "nbs_post7thcensus_2026-04"}
POP_INDICATORS = {
    "pop_yearend_resident": _ind("Year-end resident population", "年末常住人口", _WAN,
                                 "People usually living in the province at 31 December "
                                 "(resident, not household-registered, population).",
                                 "neither", 0.0, 20000.0),
    "pop_urban": _ind("Urban resident population", "城镇人口", _WAN,
                      "Year-end residents living in urban areas.", "neither", 0.0, 20000.0),
    "pop_rural": _ind("Rural resident population", "乡村人口", _WAN,
                      "Year-end residents living in rural areas.", "neither", 0.0, 20000.0),
}


def build_province_population(root: Path) -> pd.DataFrame:
    """NBS year-end resident, urban and rural population by province."""
    return _long(root, F_POP, V_POP, POP_INDICATORS)


def _nbs_origin(publication: str, table: str, vintages: dict[str, str],
                obtained: list[dict[str, str]], caveats: list[str], citation: str
                ) -> dict[str, Any]:
    return {"producer": "National Bureau of Statistics of China (NBS, 国家统计局)",
            "publication": publication, "table": table, "vintages": vintages,
            "obtained_from": obtained, "licence_note": LICENCE_NBS, "caveats": caveats,
            "citation": citation}


def _tables(root_for_origin: Path | None = None) -> list[Table]:
    """All structure tables. Origins are written as literals where the files are known."""
    return [
        Table(
            name="province_gdp",
            title="Provincial GDP, three sectors and industry groups, 2016-2024",
            description="Gross regional product of China's 31 provinces, its split into the "
                        "primary, secondary and tertiary sectors and nine industry groups, and "
                        "GDP per person, in current prices, newest official revision.",
            build=build_province_gdp,
            origin=_origin_province_gdp(Path()),
            indicators=GDP_INDICATORS,
            flags={"preliminary": STANDARD_FLAGS["preliminary"]},
            checks=[
                THREE_SECTOR_CHECK,
                {"type": "sum", "parts": list(VA_GROUPS), "total": "gdp", "abs_tol": 0.25},
                {"type": "le", "part": "va_industry", "total": "va_secondary", "abs_tol": 0.0},
            ],
        ),
        Table(
            name="province_gdp_index",
            title="Provincial real GDP growth indices (previous year = 100), 2016-2024",
            description="Real (constant-price) GDP of each province as a percentage of the year "
                        "before; for 2024 also the three sectors' indices. Chain them to get "
                        "real growth over several years.",
            build=build_province_gdp_index,
            origin=_nbs_origin(
                "NBS online database (data.stats.gov.cn), 分省年度数据 > 国民经济核算 > "
                "地区生产总值指数 (Gross Regional Product index)",
                "地区生产总值指数(上年=100); 第一/二/三产业增加值指数(上年=100)",
                {"nbs_post5th_2026-05": "Post-5th-economic-census series, NBS exports of May "
                                        "2026, constant prices, previous year = 100."},
                [{"repo": "Liushenwuzhu-Alpaca/province-economy",
                  "path": "data/raw/nbs_exports/分省年度数据指数2024.csv",
                  "commit": "46e915f3ce81ca7d577c865f57e7f8579cdd9b83"},
                 {"repo": "Liushenwuzhu-Alpaca/province-economy",
                  "path": "data/raw/nbs_exports/地区生产总值指数（近十年）.csv",
                  "commit": "94b12911c3ad5d5b0ceee2c9c59b3a509bfb53e2"}],
                ["Sector indices exist for 2024 only.",
                 "No constant-price levels: chain the indices to get real growth.",
                 "Not compared with a third source."],
                "National Bureau of Statistics of China, NBS database, Gross Regional Product "
                "index (previous year = 100) by province, 2016-2024.",
            ),
            indicators=INDEX_INDICATORS,
        ),
        Table(
            name="province_population",
            title="Provincial year-end resident population, urban and rural, 2016-2024",
            description="People usually living in each province at the end of the year, and "
                        "how many of them live in towns and cities or in the countryside.",
            build=build_province_population,
            origin=_nbs_origin(
                "NBS online database (data.stats.gov.cn), 分省年度数据 > 人口 > 总人口",
                "年末常住人口, 城镇人口, 乡村人口",
                {"nbs_post7thcensus_2026-04": "NBS database as of April 2026; 2011-2020 revised "
                                              "after the 7th population census (Hebei 2019 is "
                                              "7,447 here, 7,592 in the 2020 yearbook)."},
                [{"repo": "lanyuanzhe1/tongjimodule",
                  "path": "data/0412/分省人口_多年期_面板数据.csv",
                  "commit": "d36519a27a58f36a455ef911421ee0280f669aa9"}],
                ["Urban + rural differs from the total by at most 1 (rounding).",
                 "Year-end figures: the average population of a year is the mean of two "
                 "consecutive year-ends."],
                "National Bureau of Statistics of China, NBS database, year-end resident "
                "population by province, 2016-2024 (post-7th-census revision).",
            ),
            indicators=POP_INDICATORS,
            checks=[{"type": "sum", "parts": ["pop_urban", "pop_rural"],
                     "total": "pop_yearend_resident", "abs_tol": 1.0}],
        ),
    ]


TABLES: list[Table] = _tables()

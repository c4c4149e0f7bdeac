"""Builders for the economic-structure tables (sources ``structure/`` and ``structure_gaps/``).

Each builder reads one or more source CSVs, keeps the values as published (empty stays empty),
maps the source's long vintage descriptions to short codes and adds flags the provenance notes
ask for. Read ``../shared/sources/structure*/PROVENANCE.md`` alongside this file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .common import (
    STANDARD_FLAGS,
    ZH,
    BuildError,
    Table,
    add_flag,
    obtained_from,
    read_source,
    set_units,
    to_number,
    with_zh,
    zh_flags,
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


# --------------------------------------------------------------------------------------------
# Shared metadata for the structure_gaps tables
# --------------------------------------------------------------------------------------------

SHARE_INDICATORS = {
    f"share_{s}": _ind(f"Share of the {s} sector in GDP", f"第{zh}产业占GDP比重", "percent",
                       f"Value added of the {s} sector as a percentage of GDP, as published "
                       "(not computed by the kit).", "neither", 0.0, 100.0)
    for s, zh in [("primary", "一"), ("secondary", "二"), ("tertiary", "三")]
}
SHARE_CHECK = {"type": "sum", "parts": list(SHARE_INDICATORS), "total_value": 100.0,
               "abs_tol": 0.15}

EMP_INDICATORS = {
    "emp_total": _ind("Employed persons, total", "就业人员合计", _WAN,
                      "People in work at the end of the year, all sectors.", "neither",
                      0.0, 80000.0),
    **{f"emp_{s}": _ind(f"Employed persons in the {s} sector", f"第{zh}产业就业人员", _WAN,
                        f"People in work at the end of the year in the {s} sector "
                        f"({what}).", "neither", 0.0, 80000.0)
       for s, zh, what in [("primary", "一", "farming, forestry, animal husbandry, fishery"),
                           ("secondary", "二", "industry and construction"),
                           ("tertiary", "三", "services")]},
    **{f"emp_share_{s}": _ind(f"Share of employment in the {s} sector",
                              f"第{zh}产业就业人员构成", "percent",
                              f"Employed persons in the {s} sector as a percentage of all "
                              "employed persons, as published.", "neither", 0.0, 100.0)
       for s, zh in [("primary", "一"), ("secondary", "二"), ("tertiary", "三")]},
    "emp_rural": _ind("Rural employed persons", "乡村就业人员", _WAN,
                      "People in work living in rural areas (all sectors).", "neither",
                      0.0, 80000.0),
}
EMP_SUM_CHECK = {"type": "sum", "parts": ["emp_primary", "emp_secondary", "emp_tertiary"],
                 "total": "emp_total", "abs_tol": 1.0}
EMP_SHARE_CHECK = {"type": "sum", "parts": ["emp_share_primary", "emp_share_secondary",
                                            "emp_share_tertiary"], "total_value": 100.0,
                   "abs_tol": 0.15}


def _pct_unit(df: pd.DataFrame) -> pd.DataFrame:
    """Sources write percentages as 'percent of GDP' / 'percent of employed': one unit."""
    df = df.copy()
    df.loc[df["unit"].str.startswith("percent"), "unit"] = "percent"
    return df


def _gaps_long(root: Path, relpath: str, vintages: dict[str, str], indicators: dict[str, Any],
               keep: list[str] | None = None, drop: pd.Series | None = None) -> pd.DataFrame:
    """Like ``_long`` for the structure_gaps layout (no unit normalisation of percents)."""
    src = read_source(root, relpath)
    if drop is not None:
        src = src[~drop(src)]
    unmapped = sorted(set(src["vintage"]) - set(vintages))
    if unmapped:
        raise BuildError(f"{relpath}: unmapped vintage code(s) {unmapped}")
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
        df[c] = src[c].to_numpy()
    return set_units(_pct_unit(df), indicators, relpath)


def _obtained(root: Path, *relpaths: str) -> list[dict[str, str]]:
    out: list[dict[str, str]] = []
    for rel in relpaths:
        src = read_source(root, rel)
        repo = "source_repo_or_page" if "source_repo_or_page" in src.columns else "source_repo"
        out += obtained_from(src, repo=repo)
    uniq = {tuple(sorted(d.items())): d for d in out}
    return [uniq[k] for k in sorted(uniq)]


# --------------------------------------------------------------------------------------------
# province_gdp_vintages
# --------------------------------------------------------------------------------------------

F_PRE5 = f"{S}/province_gdp_nbs_2004_2023_pre5thcensus.csv"
F_OTHER = f"{G}/province_gdp_other_vintages_1993_2024.csv"
F_SNAP = f"{G}/province_three_sector_snapshots_2001_2015.csv"
V_PRE5 = {t: "nbs_pre5th_4threvised" for t in [
    'NBS database (English, "Annual by Province", LATEST20) downloaded before the 5th-census '
    "revision: 2004-2022 values = 4th-economic-census-revised series (2018 census), 2023 = "
    "final verified"]}
V_OTHER = {"nbs_database_2026-03_post5thcensus": "nbs_post5th_2026-03",
           "nbs_database_2018-12_pre4thcensus_original": "nbs_original_2018-12"}
V_SNAP = {"csy_first_print": "csy2002_first_print",
          "csy_first_print_rounded": "csy2008_reprint_rounded",
          "preliminary_compilation": "preliminary_2009",
          "csy_as_reprinted": "sd_yearbook2016_shares"}
VINTAGE_GDP_INDICATORS = {k: GDP_INDICATORS[k] for k in
                          ["gdp", "va_primary", "va_secondary", "va_tertiary"]} | SHARE_INDICATORS


def build_province_gdp_vintages(root: Path) -> pd.DataFrame:
    """Older and other vintages of provincial GDP, each row labelled by its vintage."""
    pre5 = _long(root, F_PRE5, V_PRE5, VINTAGE_GDP_INDICATORS)
    other = _gaps_long(root, F_OTHER, V_OTHER, VINTAGE_GDP_INDICATORS)
    # The HKTDC secondary citation is in billion yuan; the kit converts nothing, so it is left
    # out (see caveats) rather than given a second unit for the same indicator.
    snap = _gaps_long(root, F_SNAP, V_SNAP, VINTAGE_GDP_INDICATORS,
                      drop=lambda s: s["vintage"] == "secondary_citation")
    snap = add_flag(snap, snap["vintage"] == "preliminary_2009", "preliminary")
    return pd.concat([pre5, other, snap], ignore_index=True)


# --------------------------------------------------------------------------------------------
# province_employment and province_employment_vintages
# --------------------------------------------------------------------------------------------

F_EMP = f"{G}/province_employment_three_sectors.csv"
V_EMP_MAIN = {"compiled_provincial_yearbooks_pre7thcensus": "compiled_pre7thcensus",
              "compiled_7thcensus_based": "compiled_7thcensus_based"}
V_EMP_OTHER = {"provincial_yearbook_2012_edition": "hebei_yearbook_2012",
               "csy_first_print": "csy_first_print",
               "nbs_yearbook_7thcensus_based": "nbs_table3-2_2020"}


def build_province_employment(root: Path) -> pd.DataFrame:
    """ThreeChan compilation 2012-2021: series break flagged, suspicious cells flagged."""
    df = _gaps_long(root, F_EMP, V_EMP_MAIN, EMP_INDICATORS, keep=["note"],
                    drop=lambda s: ~s["vintage"].isin(list(V_EMP_MAIN)))
    df = add_flag(df, df["vintage"] == "compiled_7thcensus_based", "series_break")
    # The provenance names these cells (its `note` column): Hebei emp_primary 938 in both
    # 2018 and 2019; Tianjin's sector sum 896.56 in both years.
    doubtful = df["note"].str.contains("possible copy error|sector sum is", regex=True)
    df = add_flag(df, doubtful, "suspicious")
    return df.drop(columns="note")


def build_province_employment_vintages(root: Path) -> pd.DataFrame:
    """Other employment vintages: Hebei 1978-2010, CSY first prints 1998/2007, NBS 2020."""
    return _gaps_long(root, F_EMP, V_EMP_OTHER, EMP_INDICATORS,
                      drop=lambda s: ~s["vintage"].isin(list(V_EMP_OTHER)))


# --------------------------------------------------------------------------------------------
# national_employment, national_gdp
# --------------------------------------------------------------------------------------------

F_NEMP = f"{G}/national_employment_three_sectors.csv"
F_NGDP = f"{G}/national_gdp_three_sectors.csv"
V_NEMP = {"csy2025": "csy2025", "csy2022": "csy2022", "csy_first_print": "csy_first_print",
          "nbs_yearbook_7thcensus_based": "nbs_table3-2_2020"}
V_NGDP = {"nbs_database_2025-03_post5thcensus": "nbs_post5th_2025-03",
          "csy2020_vintage": "csy2020", "yearbook_2021_pre5thcensus": "yearbook2021_shares"}
NGDP_INDICATORS = {
    **{k: dict(GDP_INDICATORS[k]) for k in ["gdp", "va_primary", "va_secondary", "va_tertiary",
                                            "gdp_per_capita"]},
    "gni": _ind("Gross national income", "国民总收入", _YI,
                "GDP plus net primary income received from the rest of the world, current "
                "prices.", "higher", 0.0, 2.0e6),
    **SHARE_INDICATORS,
    "share_wholesale_retail": _ind("Share of wholesale and retail trade in GDP",
                                   "批发和零售业占GDP比重", "percent",
                                   "Value added of wholesale and retail trade as a percentage "
                                   "of GDP, as published.", "neither", 0.0, 100.0),
}
for _k in ["gdp", "va_primary", "va_secondary", "va_tertiary"]:
    NGDP_INDICATORS[_k]["max"] = 2.0e6
    NGDP_INDICATORS[_k]["description"] = NGDP_INDICATORS[_k]["description"].replace(
        "in the region", "in China")


def build_national_employment(root: Path) -> pd.DataFrame:
    """China's employment by three sectors, every edition the source holds."""
    return _gaps_long(root, F_NEMP, V_NEMP, EMP_INDICATORS)


def build_national_gdp(root: Path) -> pd.DataFrame:
    """China's GDP, GNI, sectors and shares; vintages kept apart; preliminary years flagged."""
    df = _gaps_long(root, F_NGDP, V_NGDP, NGDP_INDICATORS)
    # Provenance: 2024 in the March-2025 export and 2019 in the CSY2020 series are the
    # early preliminary figures; the 2008 shares sum to 99.6 (a slip in the source).
    df = add_flag(df, (df["vintage"] == "nbs_post5th_2025-03") & (df["year"] == 2024),
                  "preliminary")
    df = add_flag(df, (df["vintage"] == "csy2020") & (df["year"] == 2019), "preliminary")
    df = add_flag(df, (df["vintage"] == "yearbook2021_shares") & (df["year"] == 2008)
                  & df["indicator"].isin(list(SHARE_INDICATORS)), "suspicious")
    return df


# --------------------------------------------------------------------------------------------
# hebei_city_gdp (+ anchors), beijing_tianjin_gdp
# --------------------------------------------------------------------------------------------

F_HCITY = f"{G}/hebei_city_gdp_structure_compiled_2000_2023.csv"
F_ANCHOR = f"{G}/hebei_city_anchor_values.csv"
F_BJTJ = f"{G}/beijing_tianjin_gdp_structure_compiled_2000_2023.csv"
F_XCHECK = f"{G}/crosscheck_results.csv"
V_HCITY = {"compiled_mixed_likely_unrevised_before_4th_census": "compiled_pre4thcensus",
           "compiled_2018_unrevised": "compiled_2018_unrevised",
           "compiled_post4thcensus": "compiled_post4thcensus",
           "compiled_recent_matches_communiques_where_checked": "compiled_recent"}
CITY_GDP_INDICATORS = {k: dict(GDP_INDICATORS[k]) for k in
                       ["gdp", "va_primary", "va_secondary", "va_tertiary", "va_industry",
                        "gdp_per_capita"]}
for _k in ["gdp", "va_primary", "va_secondary", "va_tertiary", "va_industry"]:
    CITY_GDP_INDICATORS[_k]["description"] = CITY_GDP_INDICATORS[_k]["description"].replace(
        "in the region", "in the city")
PROVINCE_FIELDS = [
    {"name": "province", "type": "string", "description": "Province of the city (English).",
     "constraints": {"required": True}},
    {"name": "province_zh", "type": "string", "description": "Province of the city (Chinese).",
     "constraints": {"required": True}},
]
DO_NOT_USE = "_do_not_use"


def build_hebei_city_gdp(root: Path) -> pd.DataFrame:
    """Hebei's 11 cities 2000-2023 from the commercial compilation, with its quality flags."""
    df = _gaps_long(root, F_HCITY, V_HCITY, CITY_GDP_INDICATORS, keep=["quality_flag"])
    # Do-not-use cells (Baoding 2020-2021) are left out entirely, as the provenance says.
    df = df[~df["quality_flag"].str.contains(DO_NOT_USE, regex=False)]
    q = df["quality_flag"]
    df = add_flag(df, q.str.contains("sectors_derived_from_rounded_shares"), "derived")
    df = add_flag(df, q.str.contains("gdp_rounded_to_integer"), "rounded")
    df = add_flag(df, df["year"] == 2019, "series_break")
    df = add_flag(df, city_gdp_jumps(df), "jump")
    df["province"], df["province_zh"] = "Hebei", "河北省"
    return df.drop(columns="quality_flag")


#: Year-on-year change of nominal GDP (%) beyond which a city-year is flagged ``jump``.
JUMP_ABOVE, JUMP_BELOW = 30.0, -3.0


def city_gdp_jumps(df: pd.DataFrame, break_years: tuple[int, ...] = (2019,)) -> pd.Series:
    """Mask of GDP rows whose change on the PREVIOUS CALENDAR YEAR is above
    :data:`JUMP_ABOVE` % or below :data:`JUMP_BELOW` %, except in ``break_years`` (already
    flagged ``series_break``). A kit check, not a provenance note: in a decade of 10-20 %
    nominal growth such a change is more likely an unmarked revision (economic censuses of
    2004, 2008, 2013) or a boundary change than growth. A year without a previous year's
    value is never flagged.
    """
    gdp = df[df["indicator"] == "gdp"].set_index(["region", "year"])["value"]
    prev = gdp.reindex(list(zip(gdp.index.get_level_values("region"),
                                gdp.index.get_level_values("year") - 1, strict=True)))
    # rounded so that a change of exactly 30 % is not flagged by floating-point noise
    change = np.round(100 * (gdp.to_numpy() / prev.to_numpy() - 1), 9)
    jump = pd.Series((change > JUMP_ABOVE) | (change < JUMP_BELOW), index=gdp.index)
    jump &= ~gdp.index.get_level_values("year").isin(break_years)
    keys = pd.MultiIndex.from_arrays([df["region"], df["year"]])
    return pd.Series(jump.reindex(keys, fill_value=False).to_numpy()
                     & (df["indicator"] == "gdp").to_numpy(), index=df.index)


V_ANCHOR = {"communique_preliminary": "communique_preliminary",
            "compiled_from_2021_city_communiques": "city_list_2021",
            "secondary_citation_of_preliminary": "secondary_citation"}


def build_hebei_city_gdp_anchors(root: Path) -> pd.DataFrame:
    """Independent check values for Hebei's cities (communiqué, city list, citations)."""
    # The 2018 provincial rows are printed in billion yuan; the kit converts nothing, so they
    # are left out (see caveats).
    df = _gaps_long(root, F_ANCHOR, V_ANCHOR, CITY_GDP_INDICATORS,
                    drop=lambda s: s["unit"].str.startswith("billion"))
    df = add_flag(df, df["vintage"].isin(["communique_preliminary", "secondary_citation"]),
                  "preliminary")
    df["province"], df["province_zh"] = "Hebei", "河北省"
    return df


def build_beijing_tianjin_gdp(root: Path) -> pd.DataFrame:
    """Beijing and Tianjin rows of the same compilation; flags years matching no NBS vintage."""
    df = _gaps_long(root, F_BJTJ, {"compiled_see_provenance": "compiled_mixed"},
                    CITY_GDP_INDICATORS)
    x = read_source(root, F_XCHECK)
    x = x[x["check"] == "10"]
    match = {(r, int(y)): v for r, y, v in zip(x["region"], x["year"], x["value_b"],
                                                strict=True)}
    df["nbs_vintage_match"] = [match.get((r, y), "not checked")
                               for r, y in zip(df["region"], df["year"], strict=True)]
    return add_flag(df, df["nbs_vintage_match"] == "none of the three", "unverified")


# --------------------------------------------------------------------------------------------
# city_census_population
# --------------------------------------------------------------------------------------------

F_CENSUS = f"{S}/bohai_city_census_population_2010_2020.csv"
CENSUS_COLUMNS = {  # source column stem -> indicator
    "pop": "pop_census", "pop_urban": "pop_urban_census", "pop_rural": "pop_rural_census",
    "household": "household_size", "male_female": "sex_ratio",
    "age_0_14": "age_0_14_share", "age_15_59": "age_15_59_share",
    "age_60": "age_60_plus_share", "age_65": "age_65_plus_share",
}
CENSUS_INDICATORS = {
    "pop_census": _ind("Resident population at the census", "普查常住人口", "persons",
                       "People usually living in the city on census day (1 November).",
                       "neither", 0.0, 3.0e7),
    "pop_urban_census": _ind("Urban resident population at the census", "城镇人口", "persons",
                             "Census residents living in urban areas.", "neither", 0.0, 3.0e7),
    "pop_rural_census": _ind("Rural resident population at the census", "乡村人口", "persons",
                             "Census residents living in rural areas.", "neither", 0.0, 3.0e7),
    "household_size": _ind("Average household size", "平均家庭户规模", "persons per household",
                           "Average number of people per family household.", "neither",
                           1.0, 6.0),
    "sex_ratio": _ind("Sex ratio", "性别比", "males per 100 females",
                      "Men per 100 women in the resident population.", "neither", 80.0, 130.0),
    "age_0_14_share": _ind("Share aged 0-14", "0-14岁人口比重", "percent",
                           "Residents aged 0-14 as a percentage of all residents.", "neither",
                           0.0, 100.0),
    "age_15_59_share": _ind("Share aged 15-59", "15-59岁人口比重", "percent",
                            "Residents aged 15-59 as a percentage of all residents.", "neither",
                            0.0, 100.0),
    "age_60_plus_share": _ind("Share aged 60 and over", "60岁及以上人口比重", "percent",
                              "Residents aged 60 or more as a percentage of all residents.",
                              "neither", 0.0, 100.0),
    "age_65_plus_share": _ind("Share aged 65 and over", "65岁及以上人口比重", "percent",
                              "Residents aged 65 or more (a subset of those aged 60 and over) "
                              "as a percentage of all residents.", "neither", 0.0, 100.0),
}
V_CENSUS = {2010: "census6_2010_dong2022", 2020: "census7_2020_dong2022"}


def build_city_census_population(root: Path) -> pd.DataFrame:
    """Bohai Rim cities at the 2010 and 2020 censuses, reshaped from wide to long."""
    src = read_source(root, F_CENSUS)
    parts = []
    for stem, code in CENSUS_COLUMNS.items():
        for year in (2010, 2020):
            col = f"{stem}_{year}"
            if col not in src.columns:
                raise BuildError(f"{F_CENSUS}: column {col} missing")
            parts.append(pd.DataFrame({
                "region": src["city"], "region_zh": src["city_zh"], "year": year,
                "indicator": code, "value": to_number(src[col], f"{F_CENSUS}:{col}"),
                "unit": CENSUS_INDICATORS[code]["unit"], "vintage": V_CENSUS[year],
                "flag": "", "province": src["province"], "province_zh": src["province_zh"],
                "city_code": src["city_code"],
                "coastal_city": src["coastal_city"].map({"True": True, "False": False}),
            }))
    df = pd.concat(parts, ignore_index=True)
    if df["coastal_city"].isna().any():
        raise BuildError(f"{F_CENSUS}: coastal_city not True/False")
    return df


# --------------------------------------------------------------------------------------------
# shandong_city_gdp
# --------------------------------------------------------------------------------------------

F_SD = f"{S}/shandong_city_gdp_structure_yearbook_2012_2022.csv"
SD_EDITIONS = range(2014, 2024)


def build_shandong_city_gdp(root: Path) -> pd.DataFrame:
    """Shandong's cities 2012-2022, the latest yearbook edition of each value."""
    src = read_source(root, F_SD)
    src = src[src["is_latest_edition"] == "True"]
    total = src["city"] == "Shandong (province total)"
    df = pd.DataFrame({
        "region": src["city"].where(~total, "Shandong"),
        "region_zh": src["city_zh"].where(~total, "山东省"),
        "year": src["year"].astype(int),
        "indicator": src["indicator"],
        "value": to_number(src["value"], F_SD),
        "unit": src["unit"],
        "vintage": "sd_yearbook_" + src["yearbook_edition"],
        "flag": "",
        "province": "Shandong", "province_zh": "山东省",
        "coastal_city": src["coastal_bohai_or_yellow_sea"].map({"True": True, "False": False}),
    })
    df = set_units(df, CITY_GDP_INDICATORS, F_SD)
    return add_flag(df, df["year"] == 2019, "series_break")


# --------------------------------------------------------------------------------------------
# Table list
# --------------------------------------------------------------------------------------------

_COMPILATION_LICENCE = (
    "Figures originally published by statistics offices (yearbooks, communiqués); this copy is "
    "a third-party compilation found in a public repository. Reproduced with attribution for "
    "teaching; check the official publication before citing a figure.")
_GP_TITLE = "'2000-2023全国330个地级市第一二三产业增加值'"


def _more_tables() -> list[Table]:
    return [
        Table(
            name="province_gdp_vintages",
            title="Provincial GDP in older and other vintages (1993-2024), labelled, never "
                  "spliced",
            description="The same provincial GDP as published at different times: the original "
                        "figures (before the 2018 economic census), the series revised after it, "
                        "the series revised after the 2023 census, and a few early yearbook "
                        "snapshots with the three sectors. Compare vintages to see how much "
                        "official figures move; never join them into one series.",
            build=build_province_gdp_vintages,
            origin={
                "producer": "National Bureau of Statistics of China (NBS, 国家统计局); yearbook "
                            "snapshots as printed by NBS and provincial statistics bureaus",
                "publication": "NBS online database exports of different dates; China "
                               "Statistical Yearbook tables reprinted in yearbooks",
                "table": "地区生产总值 (Gross Regional Product) by province; 2001/2007/2009/2015 "
                         "three-sector tables",
                "vintages": {
                    "nbs_pre5th_4threvised": "NBS English database 'Annual by Province' "
                        "(LATEST20), downloaded before the 5th-census revision: 2004-2017 "
                        "revised after the 4th (2018) economic census, 2018-2023 final "
                        "figures of that generation (Hebei 2023 = 43,944.1).",
                    "nbs_post5th_2026-03": "NBS database export of March 2026, after the 5th "
                        "economic census revision, 2006-2024 (2016-2024 identical to "
                        "province_gdp).",
                    "nbs_original_2018-12": "NBS database export of December 2018: original, "
                        "unrevised provincial figures 1993-2017 (before the 4th census).",
                    "csy2002_first_print": "China Statistical Yearbook 2002 (English), table "
                        "3-9, 2001 figures as first printed (Beijing, Tianjin, Hebei).",
                    "csy2008_reprint_rounded": "2007 figures, national table reprinted in the "
                        "Chongqing Statistical Yearbook 2008, Appendix III (integers).",
                    "preliminary_2009": "2009 preliminary figures (early 2010) from a page "
                        "titled '1-3 Gross Domestic Product, Growth Rate and Per Capita GDP "
                        "(2009)'; the store gives no address.",
                    "sd_yearbook2016_shares": "2015 three-sector shares in percent, national "
                        "table reprinted in the Shandong Statistical Yearbook 2016, appendix "
                        "EF104.",
                },
                "obtained_from": [],  # filled below from the source files
                "licence_note": LICENCE_NBS,
                "caveats": [
                    "Each row belongs to one vintage: never splice vintages into one series "
                    "without a visible break or a ratio adjustment.",
                    "The 4th-census revision cut Tianjin's 2012-2017 GDP by 30-36%, Hebei's by "
                    "10-13% and Shandong's by 11-14%, and raised Beijing's by 3.6-6.7%; the "
                    "5th-census revision raised 2016-2023 again (Hebei by 1.4-3.9%).",
                    "Snapshots exist for the Bohai five only, in 2001 (three provinces), 2007, "
                    "2009 and 2015 (shares only).",
                    "A 2015 Hebei figure in billion yuan cited by HKTDC (secondary citation) is "
                    "left out: the kit converts no units.",
                ],
                "citation": "National Bureau of Statistics of China, NBS database (exports of "
                            "2018-12, pre-2025 and 2026-03) and China Statistical Yearbook "
                            "tables: Gross Regional Product by province, several vintages.",
            },
            indicators=VINTAGE_GDP_INDICATORS,
            flags={"preliminary": STANDARD_FLAGS["preliminary"]},
            checks=[{**THREE_SECTOR_CHECK, "abs_tol": 1.0},
                    SHARE_CHECK],
        ),
        Table(
            name="province_employment",
            title="Employment by three sectors, 28 provinces, 2012-2021 (break in 2020)",
            description="People in work in the primary, secondary and tertiary sectors of 28 "
                        "provinces, 2012-2021. The basis changes in 2020: compare years within "
                        "2012-2019 or within 2020-2021, never across.",
            build=build_province_employment,
            origin={
                "producer": "Provincial statistics bureaus (2012-2019) and NBS (2020-2021, "
                            "labour-force survey and 7th census basis), as compiled by a "
                            "dashboard project",
                "publication": "Not stated by the compiling repository: 2012-2019 match "
                               "provincial statistical yearbooks before the 7th-census "
                               "revision; 2020-2021 match NBS 7th-census-based figures",
                "table": "三次产业就业人员 (employed persons by three sectors), year-end",
                "vintages": {
                    "compiled_pre7thcensus": "2012-2019: provincial yearbook figures before "
                                             "the 7th-census revision (0-2 decimals).",
                    "compiled_7thcensus_based": "2020-2021: integers on the NBS labour-force-"
                                                "survey / 7th-census basis (2020 primary "
                                                "identical to NBS table 3-2 for all 28).",
                },
                "obtained_from": [{"repo": "indulgers/dataVisible",
                                   "path": "web/src/components/charts/database/ThreeChan.json",
                                   "commit": "46ac12bbf34b56b4c9138138e73c4a89094f822c"}],
                "licence_note": _COMPILATION_LICENCE,
                "caveats": [
                    "SERIES BREAK between 2019 and 2020 (flag series_break on 2020-2021): the "
                    "provinces revised 2010-2020 to the 7th census and this compilation was "
                    "not; e.g. Tianjin's tertiary falls from 565.73 to 390. Do not compute "
                    "2019-2020 changes; compute indices within 2012-2019 or within 2020-2021.",
                    "Inner Mongolia, Tibet and Gansu are missing; no total employment is given "
                    "(the kit does not compute one).",
                    "Flagged suspicious: Hebei emp_primary is 938 in both 2018 and 2019 "
                    "(possible copy error); Tianjin's sectors sum to 896.56 in both 2018 and "
                    "2019 although the components differ.",
                    "Medium trust: the repository names no source; 2012-2019 has no second "
                    "source. Sums over provinces do not match the national series.",
                    "No data for 2011 or 2022 onwards.",
                ],
                "citation": "Employed persons by three sectors, 28 provinces, 2012-2021, "
                            "compiled from provincial yearbooks and NBS (dashboard data file "
                            "indulgers/dataVisible ThreeChan.json).",
            },
            indicators={k: EMP_INDICATORS[k] for k in
                        ["emp_primary", "emp_secondary", "emp_tertiary"]},
            flags={
                "series_break": "2020-2021 figures are on the 7th-census / labour-force-survey "
                                "basis; 2012-2019 are not revised to it. Do not compare across "
                                "2019-2020.",
                "suspicious": "named as doubtful in the provenance notes (Hebei primary "
                              "2018-2019 repeated; Tianjin sector sums 2018-2019 equal); kept "
                              "as published.",
            },
        ),
        Table(
            name="province_employment_vintages",
            title="Employment by three sectors: Hebei 1978-2010 and official check points",
            description="Hebei's employment by three sectors from its 2012 yearbook (1978, "
                        "1980, 1985-2010), the Bohai five in 1998 and 2007 as first printed by "
                        "the China Statistical Yearbook, and 2020 primary-sector and rural "
                        "employment for all 31 provinces from an NBS table.",
            build=build_province_employment_vintages,
            origin={
                "producer": "Hebei Provincial Bureau of Statistics; National Bureau of "
                            "Statistics of China",
                "publication": "Hebei Economic Yearbook 2012; China Statistical Yearbook 1999 "
                               "and 2008; NBS table 3-2 (2020, most likely China Rural "
                               "Statistical Yearbook 2021)",
                "table": "按三次产业分的就业人员及构成(年底数); CSY1999 table 5-3; CSY2008 table "
                         "4-4; 3-2 2020年各地区乡村人口和乡村就业人员",
                "vintages": {
                    "hebei_yearbook_2012": "Hebei Economic Yearbook 2012, totals, sectors and "
                                           "shares, 1978, 1980, 1985-2010 (2011 cut off in the "
                                           "stored page).",
                    "csy_first_print": "China Statistical Yearbook 1999 (1998 data) and 2008 "
                                       "(2007 data), as first printed, Bohai five.",
                    "nbs_table3-2_2020": "NBS table 3-2, 2020 primary-sector and rural "
                                         "employment, estimated from the labour-force survey "
                                         "and the 7th census; 31 provinces.",
                },
                "obtained_from": [],
                "licence_note": LICENCE_NBS,
                "caveats": [
                    "Editions disagree: for Hebei 2007, CSY2008 prints total 3,567.2 and "
                    "tertiary 929.8, the 2012 Hebei yearbook 3,664.97 and 1,048.94.",
                    "Hebei 1998 sectors sum to 3,382.5 against a printed total of 3,382.9 (as "
                    "printed).",
                    "Not comparable with province_employment 2012-2021 without care (different "
                    "publications and bases).",
                ],
                "citation": "Hebei Economic Yearbook 2012; China Statistical Yearbook 1999 and "
                            "2008; NBS table 3-2 (2020): employed persons by three sectors.",
            },
            indicators=EMP_INDICATORS,
            checks=[EMP_SUM_CHECK, EMP_SHARE_CHECK],
        ),
        Table(
            name="national_employment",
            title="China's employment by three sectors, 1952-2024",
            description="People in work in China at the end of each year, in total and by "
                        "sector, with sector shares, from two editions of the China Statistical "
                        "Yearbook and two first prints.",
            build=build_national_employment,
            origin={
                "producer": "National Bureau of Statistics of China (NBS, 国家统计局)",
                "publication": "China Statistical Yearbook 2025 and 2022 (table 4-2); CSY1999 "
                               "and CSY2008 first prints; NBS table 3-2 (2020)",
                "table": "4-2 按三次产业分就业人员数(年底数) (employed persons by three sectors, "
                         "year-end)",
                "vintages": {
                    "csy2025": "China Statistical Yearbook 2025, table 4-2, 1952-2024, levels "
                               "and shares (transcribed from the official table image by the "
                               "repository author; identical to csy2022 in all 200 common "
                               "cells).",
                    "csy2022": "China Statistical Yearbook 2022 (data to 2021), table 4-2, "
                               "1952-2021.",
                    "csy_first_print": "1998 and 2007 as first printed (CSY1999, CSY2008); "
                                       "later revised after the 6th and 7th censuses.",
                    "nbs_table3-2_2020": "2020 primary-sector employment, 全国 row of NBS "
                                         "table 3-2.",
                },
                "obtained_from": [],
                "licence_note": LICENCE_NBS,
                "caveats": [
                    "2011-2020 were revised after the 7th census: first prints differ (1998: "
                    "69,957 first printed against 70,637 now).",
                    "Sectors sum to the total within 1 (rounding).",
                ],
                "citation": "National Bureau of Statistics of China, China Statistical Yearbook "
                            "2025, table 4-2: Employed persons by three sectors (year-end).",
            },
            indicators={k: v for k, v in EMP_INDICATORS.items() if k != "emp_rural"},
            checks=[EMP_SUM_CHECK, EMP_SHARE_CHECK],
        ),
        Table(
            name="national_gdp",
            title="China's GDP, GNI and three sectors (levels 2015-2024, GDP 1952-2019, shares "
                  "1978-2020)",
            description="China's gross domestic product in three vintages: the newest NBS "
                        "series with sectors and GNI (2015-2024), the long GDP series of the "
                        "2020 yearbook (1952-2019), and the sector shares of GDP (1978-2020).",
            build=build_national_gdp,
            origin={
                "producer": "National Bureau of Statistics of China (NBS, 国家统计局)",
                "publication": "NBS database 年度数据 (export of March 2025); China Statistical "
                               "Yearbook 2020 table 3-1; yearbook table 1-2 国内生产总值构成",
                "table": "国内生产总值, 国民总收入, 第一/二/三产业增加值, 人均国内生产总值; "
                         "国内生产总值构成",
                "vintages": {
                    "nbs_post5th_2025-03": "NBS database, March 2025 export, after the 5th "
                                           "economic census revision (2023 = 1,294,271.7); "
                                           "2024 is the early-2025 preliminary figure.",
                    "csy2020": "China Statistical Yearbook 2020 series, 1952-2019 (2018 and "
                               "earlier revised after the 4th census; 2019 = 990,865.1 "
                               "preliminary).",
                    "yearbook2021_shares": "GDP composition in percent, 1978-2020, yearbook "
                                           "table 1-2 (edition not named; pre-5th census).",
                },
                "obtained_from": [],
                "licence_note": LICENCE_NBS,
                "caveats": [
                    "No national sector levels for 2000-2014 with clear provenance: use the "
                    "shares for structure, and do not multiply shares by GDP of another "
                    "vintage without saying so.",
                    "2015-2019 of the newest vintage are 1.5-2.0% above the CSY2020 series.",
                    "The 2008 shares sum to 99.6 (flagged suspicious, probably a slip in the "
                    "source); other years sum to 100 within 0.1.",
                ],
                "citation": "National Bureau of Statistics of China, NBS database and China "
                            "Statistical Yearbook 2020: Gross domestic product and its "
                            "composition.",
            },
            indicators=NGDP_INDICATORS,
            flags={"preliminary": STANDARD_FLAGS["preliminary"],
                   "suspicious": "the 2008 shares sum to 99.6, not 100 (probably a "
                                 "transcription slip in the source); kept as published"},
            checks=[THREE_SECTOR_CHECK,
                    {**SHARE_CHECK, "skip_flags": ["suspicious"]}],
        ),
        Table(
            name="hebei_city_gdp",
            title="GDP and three sectors of Hebei's 11 cities, 2000-2023 (compiled; read the "
                  "flags)",
            description="GDP and primary, secondary and tertiary value added of Hebei's 11 "
                        "prefecture-level cities. A commercial compilation of yearbooks and "
                        "communiqués: good for sector shares and for 2021-2023 levels, weak for "
                        "2018-2020 levels; the basis changes in 2019.",
            build=build_hebei_city_gdp,
            origin={
                "producer": "Hebei's city statistics bureaus (yearbooks, statistical "
                            "communiqués), as compiled by a commercial data seller",
                "publication": "Commercial compilation " + _GP_TITLE + " "
                               "(Taobao shop 莫言小店; its note: 数据来源 各省市统计年鉴、"
                               "国民经济和社会发展统计公报)",
                "table": "sheet 面板数据2000-2023",
                "vintages": {
                    "compiled_pre4thcensus": "2000-2017: city figures before the 4th-census "
                                             "revision (source code compiled_mixed_likely_"
                                             "unrevised_before_4th_census).",
                    "compiled_2018_unrevised": "2018: unrevised.",
                    "compiled_post4thcensus": "2019-2020: after the 4th economic census.",
                    "compiled_recent": "2021-2023: equal to the city communiqués wherever "
                                       "checked.",
                },
                "obtained_from": [{"repo": "biechouwo-coder/G-P",
                                   "path": "原始数据/2000-2023地级市产业结构 .xlsx",
                                   "commit": "6c492f71e5f24f72431d3cf40d5d47ea7d0628a8"}],
                "licence_note": _COMPILATION_LICENCE,
                "caveats": [
                    "Low-medium trust: a commercial compilation naming no tables.",
                    "Baoding 2020 and 2021 are left out (do not use: 3,954 and 3,725 against "
                    "the city's reported 3,695.3 and 4,088.7; see hebei_city_gdp_anchors).",
                    "Sector values flagged 'derived' are GDP times a share rounded to 0.01%: "
                    "fine for shares, not official levels.",
                    "SERIES BREAK 2018-2019 (4th economic census; flag series_break on 2019): "
                    "do not compute growth across it.",
                    "Unmarked jumps (flag jump, a kit check on GDP): Baoding 2005 (-3.5%), "
                    "Cangzhou 2005 (+46.1%) and Shijiazhuang 2018 (-5.9%) against the year "
                    "before, while Hebei's nominal GDP grew 18.1% in 2005 "
                    "(province_gdp_vintages, vintage nbs_original_2018-12). The compilation "
                    "documents no break there; kept as published.",
                    "The 11 cities do not sum to the province (Xiong'an, Dingzhou/Xinji may be "
                    "reported apart; the newest provincial vintage is post-5th census).",
                    "No population or per-capita GDP by year (see city_census_population).",
                ],
                "citation": "GDP and three-sector value added of Hebei's cities, 2000-2023, "
                            "commercial compilation of city yearbooks and communiqués "
                            "(biechouwo-coder/G-P); see the kit's flags.",
            },
            indicators={k: CITY_GDP_INDICATORS[k] for k in
                        ["gdp", "va_primary", "va_secondary", "va_tertiary"]},
            flags={
                "derived": "sector value computed by the compiler as GDP x a published share "
                           "rounded to 0.01% (error at most 0.005% of GDP); not an official "
                           "level",
                "rounded": "GDP rounded to an integer by the compiler (0.1-0.4 off the "
                           "city-reported figure)",
                "series_break": "first year after the 4th economic census revision: do not "
                                "compute growth from 2018 to 2019",
                "jump": "kit check: GDP changes by more than +30% or less than -3% on the "
                        "year before where the compilation marks no break; more likely an "
                        "unmarked revision (economic censuses of 2004, 2008, 2013) or a "
                        "boundary change than growth: do not read it as growth",
            },
            checks=[{**THREE_SECTOR_CHECK, "abs_tol": 1.0}],
            extra_fields=PROVINCE_FIELDS,
        ),
        Table(
            name="hebei_city_gdp_anchors",
            title="Check values for Hebei's cities' GDP (communiqués and city lists)",
            description="Independent figures to check hebei_city_gdp against: Hengshui's 2022 "
                        "communiqué, all 11 cities' 2020 and 2021 GDP from a city list, and "
                        "news citations of preliminary figures.",
            build=build_hebei_city_gdp_anchors,
            origin={
                "producer": "Hebei city statistics bureaus (statistical communiqués), cited "
                            "directly or by others",
                "publication": "2022年衡水市国民经济和社会发展统计公报; a 2020/2021 city GDP list; "
                               "news and web citations of preliminary figures",
                "table": "",
                "vintages": {
                    "communique_preliminary": "Hengshui 2022 communiqué (preliminary "
                                              "figures), stored on a mirror page.",
                    "city_list_2021": "2020 and 2021 GDP of all 11 cities from a list compiled "
                                      "by the author of HLGhpz/Data-Handle-TS (source not "
                                      "stated; consistent with the 2021 communiqués).",
                    "secondary_citation": "News or web citations of preliminary figures "
                                          "(Shijiazhuang 2017, Tangshan 2021/2022/2024, "
                                          "Cangzhou 2021, Hebei 2021).",
                },
                "obtained_from": [],
                "licence_note": _COMPILATION_LICENCE,
                "caveats": [
                    "For checking only; secondary citations are medium trust.",
                    "Hebei's 2018 preliminary figures (printed in billion yuan) are left out: "
                    "the kit converts no units.",
                ],
                "citation": "Hebei city GDP check values: Hengshui 2022 statistical communiqué; "
                            "city GDP list (HLGhpz/Data-Handle-TS); press citations.",
            },
            indicators={k: CITY_GDP_INDICATORS[k] for k in
                        ["gdp", "va_primary", "va_secondary", "va_tertiary",
                         "gdp_per_capita"]},
            flags={"preliminary": STANDARD_FLAGS["preliminary"]},
            checks=[{**THREE_SECTOR_CHECK, "abs_tol": 0.15}],
            extra_fields=PROVINCE_FIELDS,
        ),
        Table(
            name="beijing_tianjin_gdp",
            title="Beijing and Tianjin GDP and three sectors, 2000-2023 (compiled, low trust)",
            description="Beijing's and Tianjin's rows of the same commercial compilation as "
                        "hebei_city_gdp. Many years match no official vintage: use "
                        "province_gdp from 2016 and, at most, Beijing 2004-2018 for shares.",
            build=build_beijing_tianjin_gdp,
            origin={
                "producer": "Beijing and Tianjin statistics bureaus, as compiled by a "
                            "commercial data seller",
                "publication": "Commercial compilation " + _GP_TITLE + " "
                               "(Taobao shop 莫言小店)",
                "table": "sheet 面板数据2000-2023",
                "vintages": {"compiled_mixed": "Mixed vintages; column nbs_vintage_match says "
                                               "which NBS vintage each year's GDP equals."},
                "obtained_from": [{"repo": "biechouwo-coder/G-P",
                                   "path": "原始数据/2000-2023地级市产业结构 .xlsx",
                                   "commit": "6c492f71e5f24f72431d3cf40d5d47ea7d0628a8"}],
                "licence_note": _COMPILATION_LICENCE,
                "caveats": [
                    "Low trust. Beijing 2004-2018 and 2023 equal the 4th-census-revised NBS "
                    "series; Tianjin 2000-2003 and 2017 the original series; all other years "
                    "equal none of the three NBS vintages (flag unverified).",
                    "province_gdp is authoritative from 2016.",
                ],
                "citation": "GDP and three sectors of Beijing and Tianjin, 2000-2023, commercial "
                            "compilation (biechouwo-coder/G-P).",
            },
            indicators={k: CITY_GDP_INDICATORS[k] for k in
                        ["gdp", "va_primary", "va_secondary", "va_tertiary"]},
            flags={"unverified": "this year's GDP equals none of the three NBS vintages "
                                 "(check 10 of the sources' crosscheck): origin unknown"},
            checks=[{**THREE_SECTOR_CHECK, "abs_tol": 1.0}],
            extra_fields=[{"name": "nbs_vintage_match", "type": "string",
                           "description": "Which NBS vintage this year's GDP equals (within "
                                          "0.05): '4th-revised', 'original(pre-4th)' or 'none "
                                          "of the three'.",
                           "constraints": {"required": True}}],
        ),
        Table(
            name="city_census_population",
            title="Bohai Rim cities at the 2010 and 2020 censuses",
            description="Resident population, urban and rural, household size, sex ratio and "
                        "age structure of 43 units (Hebei's 11 cities, Liaoning's 14, "
                        "Shandong's 16, Beijing and Tianjin) at the 6th (2010) and 7th (2020) "
                        "population censuses, 2010 on 2020 boundaries.",
            build=build_city_census_population,
            origin={
                "producer": "National and local census offices (6th and 7th population "
                            "censuses), digitised by Lei Dong et al.",
                "publication": "Local 7th-census bulletins and 6th-census yearbooks, compiled "
                               "in Dong, Du & Liu, 'Mapping Evolving Population Geography in "
                               "China' (2022)",
                "table": "census_city_2010-2020_v1",
                "vintages": {
                    "census6_2010_dong2022": "6th census (2010), adjusted to 2020 boundaries by "
                                             "Dong et al.",
                    "census7_2020_dong2022": "7th census (2020).",
                },
                "obtained_from": [{"repo": "leiii/census",
                                   "path": "data/census/census_city_2010-2020_v1.csv",
                                   "commit": "0ba0f1efae092f4aa6569ef38e53b3bb4d2f0087"}],
                "licence_note": "Census figures are official statistics; the compilation is an "
                                "academic data set: cite Dong, Du & Liu (2022).",
                "caveats": [
                    "Hebei's 11 cities sum to 72,308,809 in 2020, 2,301,426 below the provincial "
                    "census total (Dingzhou and Xiong'an counties reported separately): do not "
                    "sum cities to get the province.",
                    "Census years only: no annual city population.",
                    "Age shares: 60+ includes 65+; 0-14, 15-59 and 60+ sum to 100.",
                ],
                "citation": "Dong, L., Du, R. & Liu, Y. (2022), Mapping Evolving Population "
                            "Geography in China; data leiii/census, census_city_2010-2020_v1.",
            },
            indicators=CENSUS_INDICATORS,
            checks=[
                {"type": "sum", "parts": ["pop_urban_census", "pop_rural_census"],
                 "total": "pop_census", "abs_tol": 0.0},
                {"type": "sum", "parts": ["age_0_14_share", "age_15_59_share",
                                          "age_60_plus_share"], "total_value": 100.0,
                 "abs_tol": 0.15},
                {"type": "le", "part": "age_65_plus_share", "total": "age_60_plus_share",
                 "abs_tol": 0.0},
            ],
            extra_fields=PROVINCE_FIELDS + [
                {"name": "city_code", "type": "string",
                 "description": "Administrative division code of the city (6 digits).",
                 "constraints": {"required": True, "pattern": "^[0-9]{6}$"}},
                {"name": "coastal_city", "type": "boolean",
                 "description": "True for cities on the coast.",
                 "constraints": {"required": True}},
            ],
        ),
        Table(
            name="shandong_city_gdp",
            title="GDP and sectors of Shandong's cities, 2012-2022 (yearbook, break in 2019)",
            description="GDP, the three sectors, industry and GDP per person of Shandong's "
                        "cities and the province total, from the Shandong Statistical Yearbook; "
                        "for each figure the latest edition that prints it.",
            build=build_shandong_city_gdp,
            origin={
                "producer": "Shandong Provincial Bureau of Statistics (山东省统计局)",
                "publication": "Shandong Statistical Yearbook (山东统计年鉴), editions 2014-2023",
                "table": "2-6/2-8/2-9 各市生产总值 (Gross Domestic Product by Region), current "
                         "prices",
                "vintages": {f"sd_yearbook_{e}": f"Shandong Statistical Yearbook {e} edition."
                             for e in SD_EDITIONS},
                "obtained_from": [],
                "licence_note": "Official statistics of the Shandong Provincial Bureau of "
                                "Statistics, reproduced with attribution.",
                "caveats": [
                    "SERIES BREAK: 2012-2018 are original figures from before the 4th economic "
                    "census, 2019-2022 census-revised (province total 76,469.7 in 2018, "
                    "71,067.5 in 2019). Do not compute 2018-2019 growth (flag series_break on "
                    "2019).",
                    "Laiwu merged into Jinan in 2019.",
                    "2012 has no tertiary value, per-capita GDP or industry (the 2014 and 2016 "
                    "editions lack those columns).",
                    "Only the latest edition of each figure is kept; earlier editions differ "
                    "for about half the duplicated city-years.",
                ],
                "citation": "Shandong Provincial Bureau of Statistics, Shandong Statistical "
                            "Yearbook 2014-2023, table Gross Domestic Product by Region.",
            },
            indicators=CITY_GDP_INDICATORS,
            flags={"series_break": "first year after the 4th economic census revision: do not "
                                   "compute growth from 2018 to 2019"},
            checks=[{**THREE_SECTOR_CHECK, "abs_tol": 0.02},
                    {"type": "le", "part": "va_industry", "total": "va_secondary",
                     "abs_tol": 0.0}],
            extra_fields=PROVINCE_FIELDS + [
                {"name": "coastal_city", "type": "boolean",
                 "description": "True for cities on the Bohai or Yellow Sea coast (false for "
                                "the province total).",
                 "constraints": {"required": True}}],
        ),
    ]


_ORIGIN_FILES = {
    "province_gdp_vintages": [F_PRE5, F_OTHER, F_SNAP],
    "province_employment_vintages": [F_EMP],
    "national_employment": [F_NEMP],
    "national_gdp": [F_NGDP],
    "hebei_city_gdp_anchors": [F_ANCHOR],
    "shandong_city_gdp": [F_SD],
}


def _with_origin_files(tables: list[Table]) -> list[Table]:
    """Name the source files whose repo/path/commit columns complete ``obtained_from``."""
    return [Table(**{**t.__dict__, "origin_files": _ORIGIN_FILES[t.name]})
            if t.name in _ORIGIN_FILES else t for t in tables]


TABLES: list[Table] = _tables() + _with_origin_files(_more_tables())


# --------------------------------------------------------------------------------------------
# Chinese metadata (Table.zh): one entry per table above, caveats in the same order
# --------------------------------------------------------------------------------------------

_NBS_DB = ZH["nbs_db"]
_CENSUS4_BREAK = "第四次全国经济普查修订后的第一年：不要计算2018年到2019年的增长"

ZH_META: dict[str, dict[str, Any]] = {
    "province_gdp": {
        "title": "各省地区生产总值、三次产业和行业增加值，2016—2024年",
        "description": "全国31个省（区、市）的地区生产总值，分第一、二、"
                       "三产业增加值和九个行业的增加值，以及人均地区生产总值；按当年价格计算，"
                       "采用最新的官方修订数。",
        "producer": ZH["nbs"],
        "publication": f"{_NBS_DB}＞国民经济核算＞地区生产总值",
        "table": "地区生产总值，第一、二、三产业增加值，工业增加值，行业增加值，人均地区生产总值",
        "citation": "国家统计局，国家数据库（`data.stats.gov.cn`），分省地区生产总值，2016—2024年，"
                    "第五次全国经济普查修订后数据（经公开的GitHub导出文件获取，2026年）。",
        "caveats": [
            "最新的官方数据版本（第五次全国经济普查修订后）：与2025年年中以前印行的年鉴不同（河北20"
            "23年此处为45660.0亿元，`province_gdp_vintages` 保留的旧版本为43944.1亿元）。"
            "切勿将两者拼接。",
            "工业加建筑业略大于第二产业（开采专业及辅助性活动和修理业计入第三产业）。",
            "没有全国行；没有2016年以前的数据；2025年只有人均地区生产总值。",
            "两次独立抓取的国家统计局数据库在2019—2023年逐格一致。",
        ],
        "vintages": {
            "nbs_post5th_2026-04": "2016—2023年：第五次全国经济普查后修订的序列（1992—2023年均已修"
                                   "订），2026年4月抓取的国家统计局数据库。",
            "nbs_post5th_2024final_2026-05": "2024年：最终核实数，国家统计局2026年5月导出（取代2025"
                                             "年初公布的初步核算数，例如河北为47448.1亿元而非47526."
                                             "9亿元）。",
            "nbs_2025_preliminary": "2025年：仅有人均地区生产总值的初步数。",
        },
        "licence": ZH["licence_nbs"],
        "flags": zh_flags(["preliminary"]),
    },
    "province_gdp_index": {
        "title": "各省地区生产总值指数（上年=100），2016—2024年",
        "description": "各省按不变价格计算的地区生产总值相当于上年的百分比；"
                       "2024年另有三次产业增加值指数。把各年指数连乘，可得多年的实际增长。",
        "producer": ZH["nbs"],
        "publication": f"{_NBS_DB}＞国民经济核算＞地区生产总值指数",
        "table": "地区生产总值指数（上年=100）；第一、二、三产业增加值指数（上年=100）",
        "citation": "国家统计局，国家数据库，分省地区生产总值指数（上年=100），2016—2024年。",
        "caveats": [
            "三次产业增加值指数只有2024年的数据。",
            "没有不变价水平值：把指数连乘得到实际增长。",
            "未与第三个来源核对。",
        ],
        "vintages": {
            "nbs_post5th_2026-05": "第五次全国经济普查后的序列，国家统计局2026年5月导出，"
                                   "按不变价格计算，上年=100。",
        },
        "licence": ZH["licence_nbs"],
        "flags": {},
    },
    "province_population": {
        "title": "各省年末常住人口及城镇、乡村人口，2016—2024年",
        "description": "各省年末的常住人口，以及其中城镇人口和乡村人口各有多少。",
        "producer": ZH["nbs"],
        "publication": f"{_NBS_DB}＞人口＞总人口",
        "table": "年末常住人口，城镇人口，乡村人口",
        "citation": "国家统计局，国家数据库，分省年末常住人口，2016—2024年（第七次全国人口普查修订"
                    "后）。",
        "caveats": [
            "城镇人口与乡村人口之和与总人口最多相差1万人（四舍五入）。",
            "均为年末数：某年的平均人口是相邻两个年末数的平均值。",
        ],
        "vintages": {
            "nbs_post7thcensus_2026-04": "国家统计局数据库2026年4月的数据；2011—2020年已按第七次全"
                                         "国人口普查修订（河北2019年此处为7447万人，"
                                         "2020年版统计年鉴为7592万人）。",
        },
        "licence": ZH["licence_nbs"],
        "flags": {},
    },
    "province_gdp_vintages": {
        "title": "各省地区生产总值的旧版本和其他版本（1993—2024年），分别标注，从不拼接",
        "description": "同一组各省地区生产总值在不同时间公布的数字：第四次全国经济普查（2018年）"
                       "以前的原始数、经普修订后的序列、第五次全国经济普查（2023年）修订后的序列，"
                       "以及几份早年统计年鉴中的三次产业数据。比较各版本可以看到官方数字变动多大；"
                       "切勿把它们接成一个序列。",
        "producer": f"{ZH['nbs']}；统计年鉴数据按国家统计局和各省统计局印行的原样",
        "publication": f"国家统计局数据库不同日期的导出；各统计年鉴转载的{ZH['csy']}表格",
        "table": "分省地区生产总值；2001年、2007年、2009年、2015年的三次产业表",
        "citation": "国家统计局，国家数据库（2018年12月、2025年以前和2026年3月导出）"
                    "及《中国统计年鉴》各表：分省地区生产总值，多个版本。",
        "caveats": [
            "每行只属于一个版本：不要把不同版本拼接成一个序列，除非标出断点或作比例调整。",
            "第四次全国经济普查修订使天津2012—2017年的地区生产总值下调30%—36%，河北下调10%—13%，"
            "山东下调11%—14%，北京上调3.6%—6.7%；第五次全国经济普查修订又上调了2016—2023年的数字（"
            "河北上调1.4%—3.9%）。",
            "早年数据只涵盖环渤海五省市，年份为2001年（三个省市）、2007年、"
            "2009年和2015年（只有比重）。",
            "香港贸发局引用（二手引用）的一个以十亿元为单位的河北2015年数字未收录："
            "本工具包不换算单位。",
        ],
        "vintages": {
            "nbs_pre5th_4threvised": "国家统计局英文数据库“Annual by Province”（LATEST20），"
                                     "在第五次全国经济普查修订前下载：2004—2017年为第四次全国经济普"
                                     "查（2018年）修订后的数字，2018—2023年为该代数据的最终数（河北"
                                     "2023年为43944.1亿元）。",
            "nbs_post5th_2026-03": "国家统计局数据库2026年3月导出，第五次全国经济普查修订后，"
                                   "2006—2024年（2016—2024年与 `province_gdp` 相同）。",
            "nbs_original_2018-12": "国家统计局数据库2018年12月导出：未经修订的各省原始数，"
                                    "1993—2017年（第四次全国经济普查以前）。",
            "csy2002_first_print": "《中国统计年鉴2002》（英文版）表3-9，2001年数字，"
                                   "按初次印行的原样（北京、天津、河北）。",
            "csy2008_reprint_rounded": "2007年数字，全国表转载于《重庆统计年鉴2008》"
                                       "附录三（整数）。",
            "preliminary_2009": "2009年初步数（2010年初），来自标题为 *1-3 Gross Domestic Product, "
                                "Growth Rate and Per Capita GDP (2009)* 的网页；存档未给出网址。",
            "sd_yearbook2016_shares": "2015年三次产业构成（%），全国表转载于《山东统计年鉴2016》"
                                      "附录EF104。",
        },
        "licence": ZH["licence_nbs"],
        "flags": zh_flags(["preliminary"]),
    },
    "province_employment": {
        "title": "28个省三次产业就业人员，2012—2021年（2020年有断点）",
        "description": "28个省（区、市）第一、二、三产业的就业人员，2012—2021年。"
                       "2020年起统计基础改变：只在2012—2019年之内或2020—2021年之内比较，切勿跨越。",
        "producer": f"各省统计局（2012—2019年）和{ZH['nbs']}（2020—2021年，"
                    f"劳动力调查和第七次全国人口"
                    "普查口径），由一个可视化项目汇编",
        "publication": "汇编仓库未说明出处：2012—2019年与第七次全国人口普查修订前的各省统计年鉴一致"
                       "；2020—2021年与国家统计局第七次全国人口普查口径的数字一致",
        "table": "三次产业就业人员（年末数）",
        "citation": "28个省三次产业就业人员，2012—2021年，据各省统计年鉴和国家统计局汇编（可视化项"
                    "目数据文件 `indulgers/dataVisible` `ThreeChan.json`）。",
        "caveats": [
            "2019年与2020年之间有序列断点（2020—2021年标记 `series_break`）："
            "各省已按第七次全国人口普查修订2010—2020年数据，而本汇编没有修订；"
            "例如天津第三产业从565.73万人降到390万人。不要计算2019—2020年的变化；"
            "只在2012—2019年之内或2020—2021年之内计算指数。",
            "缺内蒙古、西藏和甘肃；没有就业人员总数（本工具包也不自行计算）。",
            "标记为存疑：河北第一产业就业人员2018年和2019年都是938万人（可能是抄录错误）；"
            "天津各产业之和2018年和2019年都是896.56万人，而各部分并不相同。",
            "可信度中等：仓库未注明来源；2012—2019年没有第二个来源。各省之和与全国序列不一致。",
            "没有2011年及2022年以后的数据。",
        ],
        "vintages": {
            "compiled_pre7thcensus": "2012—2019年：第七次全国人口普查修订前的各省统计年鉴数字（0—2"
                                     "位小数）。",
            "compiled_7thcensus_based": "2020—2021年：国家统计局劳动力调查和第七次全国人口普查口径"
                                        "的整数（2020年第一产业28个省均与国家统计局表3-2相同）。",
        },
        "licence": ZH["licence_compilation"],
        "flags": zh_flags(["series_break", "suspicious"],
            series_break="2020—2021年为第七次全国人口普查和劳动力调查口径；2012—2019年未按此修订。"
                         "不要跨越2019—2020年比较。",
            suspicious="来源说明指出存疑（河北第一产业2018—2019年数字重复；"
                       "天津各产业之和2018—2019年相同）；按公布值保留。"),
    },
    "province_employment_vintages": {
        "title": "三次产业就业人员：河北1978—2010年及官方核对点",
        "description": "《河北经济年鉴2012》中河北的三次产业就业人员（1978年、1980年、"
                       "1985—2010年），《中国统计年鉴》初次印行的环渤海五省市1998年和2007年数字，"
                       "以及国家统计局一张表中全国31个省（区、市）2020年第一产业和乡村就业人员。",
        "producer": f"{ZH['hebei_bureau']}；{ZH['nbs']}",
        "publication": "《河北经济年鉴2012》；《中国统计年鉴1999》和《中国统计年鉴2008》；"
                       "国家统计局表3-2（2020年，很可能出自《中国农村统计年鉴2021》）",
        "table": "按三次产业分的就业人员及构成（年底数）；《中国统计年鉴1999》表5-3；"
                 "《中国统计年鉴2008》表4-4；3-2 2020年各地区乡村人口和乡村就业人员",
        "citation": "《河北经济年鉴2012》；《中国统计年鉴1999》和《中国统计年鉴2008》；"
                    "国家统计局表3-2（2020年）：三次产业就业人员。",
        "caveats": [
            "各版本不一致：河北2007年，《中国统计年鉴2008》为总数3567.2万人、第三产业929.8万人，"
            "《河北经济年鉴2012》为3664.97万人和1048.94万人。",
            "河北1998年各产业之和为3382.5万人，而印行的总数为3382.9万人（按印行原样）。",
            "与 `province_employment` 的2012—2021年数据比较须谨慎（出版物和统计基础不同）。",
        ],
        "vintages": {
            "hebei_yearbook_2012": "《河北经济年鉴2012》，总数、各产业及构成，1978年、1980年、"
                                   "1985—2010年（存档网页截去了2011年）。",
            "csy_first_print": "《中国统计年鉴1999》（1998年数据）和《中国统计年鉴2008》"
                               "（2007年数据），按初次印行的原样，环渤海五省市。",
            "nbs_table3-2_2020": "国家统计局表3-2，2020年第一产业和乡村就业人员，"
                                 "根据劳动力调查和第七次全国人口普查推算；31个省（区、市）。",
        },
        "licence": ZH["licence_nbs"],
        "flags": {},
    },
    "national_employment": {
        "title": "全国三次产业就业人员，1952—2024年",
        "description": "全国每年年末的就业人员总数和分产业人数及构成，"
                       "来自两个版本的《中国统计年鉴》和两份初次印行的数字。",
        "producer": ZH["nbs"],
        "publication": "《中国统计年鉴2025》和《中国统计年鉴2022》（表4-2）；《中国统计年鉴1999》"
                       "和《中国统计年鉴2008》初次印行的数字；国家统计局表3-2（2020年）",
        "table": "4-2 按三次产业分就业人员数（年底数）",
        "citation": "国家统计局，《中国统计年鉴2025》，表4-2：按三次产业分就业人员数（年底数）。",
        "caveats": [
            "2011—2020年已按第七次全国人口普查修订：初次印行的数字不同（1998年初次印行为69957万人，"
            "现为70637万人）。",
            "各产业之和与总数相差不超过1万人（四舍五入）。",
        ],
        "vintages": {
            "csy2025": "《中国统计年鉴2025》表4-2，1952—2024年，"
                       "人数和构成（仓库作者据官方表格图片录入；与 `csy2022` "
                       "共有的200个数值全部相同）。",
            "csy2022": "《中国统计年鉴2022》（数据至2021年）表4-2，1952—2021年。",
            "csy_first_print": "1998年和2007年按初次印行的原样（《中国统计年鉴1999》"
                               "《中国统计年鉴2008》）；后来经第六次和第七次全国人口普查修订。",
            "nbs_table3-2_2020": "2020年第一产业就业人员，国家统计局表3-2的全国行。",
        },
        "licence": ZH["licence_nbs"],
        "flags": {},
    },
    "national_gdp": {
        "title": "全国国内生产总值、国民总收入和三次产业（水平值2015—2024年，"
                 "国内生产总值1952—2019年，构成1978—2020年）",
        "description": "全国国内生产总值的三个版本：国家统计局最新序列，"
                       "含三次产业和国民总收入（2015—2024年）；《中国统计年鉴2020》"
                       "的长序列（1952—2019年）；国内生产总值的三次产业构成（1978—2020年）。",
        "producer": ZH["nbs"],
        "publication": "国家统计局国家数据库“年度数据”（2025年3月导出）；《中国统计年鉴2020》"
                       "表3-1；统计年鉴表1-2 国内生产总值构成",
        "table": "国内生产总值，国民总收入，第一、二、三产业增加值，人均国内生产总值；"
                 "国内生产总值构成",
        "citation": "国家统计局，国家数据库和《中国统计年鉴2020》：国内生产总值及其构成。",
        "caveats": [
            "2000—2014年没有来源清楚的全国三次产业水平值：研究结构请用构成；"
            "不要把构成乘以另一个版本的国内生产总值，除非说明。",
            "最新版本的2015—2019年数字比《中国统计年鉴2020》序列高1.5%—2.0%。",
            "2008年构成之和为99.6（标记为存疑，可能是来源的笔误）；"
            "其他年份之和与100相差不超过0.1。",
        ],
        "vintages": {
            "nbs_post5th_2025-03": "国家统计局数据库，2025年3月导出，第五次全国经济普查修订后（2023"
                                   "年为1294271.7亿元）；2024年为2025年初的初步核算数。",
            "csy2020": "《中国统计年鉴2020》序列，1952—2019年（2018年及以前已按第四次全国经济普查修"
                       "订；2019年为初步数990865.1亿元）。",
            "yearbook2021_shares": "国内生产总值构成（%），1978—2020年，统计年鉴表1-2（未注明版次；"
                                   "第五次全国经济普查以前）。",
        },
        "licence": ZH["licence_nbs"],
        "flags": zh_flags(["preliminary", "suspicious"],
            suspicious="2008年构成之和为99.6而非100（可能是来源的抄录笔误）；按公布值保留"),
    },
    "hebei_city_gdp": {
        "title": "河北11个设区市的地区生产总值和三次产业，2000—2023年（汇编数据，请看标记）",
        "description": "河北11个设区市的地区生产总值和第一、二、三产业增加值。"
                       "这是一份据统计年鉴和统计公报整理的商业汇编：适合计算产业构成和2021—2023年的"
                       "水平值，2018—2020年的水平值较弱；2019年统计基础改变。",
        "producer": f"河北各设区市统计局（统计年鉴、统计公报）{ZH['compiled_by_seller']}",
        "publication": f"{ZH['moyan']}；其说明：数据来源 各省市统计年鉴、"
                       f"国民经济和社会发展统计公报",
        "table": "工作表“面板数据2000-2023”",
        "citation": "河北各设区市地区生产总值和三次产业增加值，2000—2023年，"
                    "据各市统计年鉴和统计公报的商业汇编（`biechouwo-coder/G-P`）；"
                    "见本工具包的标记。",
        "caveats": [
            "可信度中低：商业汇编，未注明所据表格。",
            "保定2020年和2021年未收录（不要使用：汇编为3954亿元和3725亿元，"
            "而该市公布的是3695.3亿元和4088.7亿元；见 `hebei_city_gdp_anchors`）。",
            "标记为 `derived` 的产业数值是地区生产总值乘以精确到0.01%的构成：可用于计算构成，"
            "不是官方水平值。",
            "2018—2019年有序列断点（第四次全国经济普查；2019年标记 `series_break`）："
            "不要计算跨越断点的增长。",
            "未标明的跳变（标记 `jump`，本工具包对地区生产总值的检查）：保定2005年（-3.5%）、"
            "沧州2005年（+46.1%）和石家庄2018年（-5.9%）相对上年，"
            "而河北2005年名义地区生产总值增长18.1%（`province_gdp_vintages`，版本 "
            "`nbs_original_2018-12`）。汇编在这些地方没有记录断点；按公布值保留。",
            "11个设区市之和不等于全省（雄安新区、定州和辛集可能单列；"
            "最新的全省版本为第五次全国经济普查修订后数据）。",
            "没有逐年的人口或人均地区生产总值（见 `city_census_population`）。",
        ],
        "vintages": {
            "compiled_pre4thcensus": "2000—2017年：第四次全国经济普查修订前的城市数字（来源代码 "
                                     "`compiled_mixed_likely_unrevised_before_4th_census`）。",
            "compiled_2018_unrevised": "2018年：未经修订。",
            "compiled_post4thcensus": "2019—2020年：第四次全国经济普查修订后。",
            "compiled_recent": "2021—2023年：凡核对过的都与各市统计公报一致。",
        },
        "licence": ZH["licence_compilation"],
        "flags": zh_flags(["derived", "rounded", "series_break", "jump"],
            derived="汇编者用地区生产总值乘以精确到0.01%的已公布构成算出的产业数值（误差不超过地区"
                    "生产总值的0.005%）；不是官方水平值",
            rounded="汇编者把地区生产总值取整（与该市公布的数字相差0.1—0.4亿元）",
            series_break=_CENSUS4_BREAK,
            jump="本工具包的检查：在汇编未标断点的地方，地区生产总值比上年增长超过30%或下降超过3%；"
                 "更可能是未标明的修订（2004年、2008年、2013年的经济普查）或区划调整，而不是增长："
                 "不要当作增长来解读"),
    },
    "hebei_city_gdp_anchors": {
        "title": "河北各设区市地区生产总值的核对值（统计公报和城市列表）",
        "description": "用来核对 `hebei_city_gdp` 的独立数字：衡水市2022年统计公报，"
                       "11个设区市2020年和2021年的地区生产总值列表，以及新闻引用的初步数。",
        "producer": "河北各设区市统计局（统计公报），直接引用或经他人引用",
        "publication": "《2022年衡水市国民经济和社会发展统计公报》；一份2020年、"
                       "2021年城市地区生产总值列表；新闻和网页对初步数的引用",
        "table": "",
        "citation": "河北各设区市地区生产总值核对值：《2022年衡水市国民经济和社会发展统计公报》；"
                    "城市地区生产总值列表（`HLGhpz/Data-Handle-TS`）；新闻引用。",
        "caveats": [
            "仅供核对；二手引用的可信度中等。",
            "河北2018年的初步数（以十亿元为单位印行）未收录：本工具包不换算单位。",
        ],
        "vintages": {
            "communique_preliminary": "衡水市2022年统计公报（初步数），存于一个镜像网页。",
            "city_list_2021": "11个设区市2020年和2021年的地区生产总值，取自 `HLGhpz/Data-Handle-TS`"
                              " 作者整理的列表（未注明来源；与2021年各市统计公报一致）。",
            "secondary_citation": "新闻或网页对初步数的引用（石家庄2017年，唐山2021年、2022年、"
                                  "2024年，沧州2021年，河北2021年）。",
        },
        "licence": ZH["licence_compilation"],
        "flags": zh_flags(["preliminary"]),
    },
    "beijing_tianjin_gdp": {
        "title": "北京、天津的地区生产总值和三次产业，2000—2023年（汇编数据，可信度低）",
        "description": "与 `hebei_city_gdp` 同一份商业汇编中北京和天津的数据。"
                       "许多年份与任何官方版本都对不上：2016年起请用 `province_gdp`，"
                       "最多只用北京2004—2018年计算构成。",
        "producer": f"北京市统计局和天津市统计局{ZH['compiled_by_seller']}",
        "publication": ZH["moyan"],
        "table": "工作表“面板数据2000-2023”",
        "citation": "北京、天津的地区生产总值和三次产业，2000—2023年，商业汇编（`biechouwo-coder/G-"
                    "P`）。",
        "caveats": [
            "可信度低。北京2004—2018年和2023年等于国家统计局第四次全国经济普查修订后的序列；"
            "天津2000—2003年和2017年等于原始序列；其余年份与国家统计局的三个版本都不相等（标记 "
            "`unverified`）。",
            "2016年起以 `province_gdp` 为准。",
        ],
        "vintages": {
            "compiled_mixed": "混合版本；`nbs_vintage_match` 列说明每年的地区生产总值等于国家统计局"
                              "的哪个版本。",
        },
        "licence": ZH["licence_compilation"],
        "flags": zh_flags(["unverified"],
            unverified="该年地区生产总值与国家统计局三个版本都不相等（来源交叉核对的第10项）："
                       "出处不明"),
    },
    "city_census_population": {
        "title": "环渤海城市2010年和2020年人口普查数据",
        "description": "43个地区（河北11个设区市、辽宁14个市、山东16个市以及北京、天津）"
                       "在第六次（2010年）和第七次（2020年）全国人口普查时的常住人口、"
                       "城镇和乡村人口、平均家庭户规模、性别比和年龄结构；"
                       "2010年数据按2020年行政区划调整。",
        "producer": "国家和地方人口普查机构（第六次、第七次全国人口普查），"
                    "由 Dong 等人整理成数字化数据",
        "publication": "各地第七次全国人口普查公报和第六次全国人口普查资料，汇编于 Dong、Du 和 "
                       "Liu，*Mapping Evolving Population Geography in China*（2022年）",
        "table": "`census_city_2010-2020_v1`",
        "citation": "Dong L、Du R、Liu Y（2022），*Mapping Evolving Population Geography in "
                    "China*；数据 `leiii/census`，`census_city_2010-2020_v1`。",
        "caveats": [
            "河北11个设区市2020年之和为72308809人，比全省普查总数少2301426人（定州和雄安新区所辖县"
            "单独统计）：不要把各市相加得到全省。",
            "只有普查年份：没有逐年的城市人口。",
            "年龄构成：60岁及以上包括65岁及以上；0—14岁、15—59岁和60岁及以上之和为100。",
        ],
        "vintages": {
            "census6_2010_dong2022": "第六次全国人口普查（2010年），由 Dong 等人按2020年"
                                     "行政区划调整。",
            "census7_2020_dong2022": "第七次全国人口普查（2020年）。",
        },
        "licence": "人口普查数字属于官方统计；该汇编是学术数据集：请引用 Dong、Du 和 Liu（2022）。",
        "flags": {},
    },
    "shandong_city_gdp": {
        "title": "山东各市地区生产总值和三次产业，2012—2022年（统计年鉴，2019年有断点）",
        "description": "《山东统计年鉴》中山东各市及全省的地区生产总值、三次产业增加值、"
                       "工业增加值和人均地区生产总值；每个数字取刊载它的最新一版年鉴。",
        "producer": ZH["shandong_bureau"],
        "publication": "《山东统计年鉴》，2014—2023年各版",
        "table": "2-6、2-8、2-9 各市生产总值（按当年价格计算）",
        "citation": "山东省统计局，《山东统计年鉴》2014—2023年各版，各市生产总值表。",
        "caveats": [
            "序列断点：2012—2018年为第四次全国经济普查以前的原始数，"
            "2019—2022年为经普修订后的数字（全省2018年为76469.7亿元，2019年为71067.5亿元）。"
            "不要计算2018—2019年的增长（2019年标记 `series_break`）。",
            "莱芜市于2019年并入济南市。",
            "2012年没有第三产业增加值、人均地区生产总值和工业增加值（2014年版和2016年版缺这些列）。",
            "每个数字只保留最新一版；重复的城市年份中约一半在较早版本中数字不同。",
        ],
        "vintages": {f"sd_yearbook_{y}": f"《山东统计年鉴{y}》。" for y in range(2014, 2024)},
        "licence": "山东省统计局发布的官方统计数据，注明出处后转载。",
        "flags": zh_flags(["series_break"], series_break=_CENSUS4_BREAK),
    },
}

TABLES = with_zh(TABLES, ZH_META)

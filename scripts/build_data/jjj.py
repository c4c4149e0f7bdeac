"""Builders for Beijing-Tianjin-Hebei coordinated development (source ``jjj_coordination/``).

Tables: ``jjj_income_consumption``, ``jjj_gdp_pre5th_vintages``, ``jjj_tech_contracts``,
``jjj_transport_length``, ``jjj_health_education``, ``jjj_population_year_end``.

Every source file is long (``source_id, region_zh, region_en, year, indicator_zh, unit, value,
source_column``); ``source_id`` names a copy listed in ``jjj_coordination/sources.csv`` and
becomes the row's vintage, so copies of different trust or revision are never mixed. Values are
copied as published (万公里, 元, 亿元...), never rescaled.

Not built, and why:
    * GDP vintages C (post-5th-census), D, E and G: C and G are in ``province_gdp_vintages``
      (``nbs_post5th_2026-03``, ``nbs_original_2018-12``), D and E equal its
      ``nbs_pre5th_4threvised`` figures; only A's GDP per person and F's GDP are new.
    * 内河航道里程 (inland waterways): Tianjin only, outside the lessons' questions.
    * air quality: the provenance found no official annual PM2.5 series for the three
      (``pm25_hebei_province`` and ``pm25_city_2017`` hold what exists).
    * ``jjj_crosschecks.csv`` and ``jjj_claims_check.csv``: checks and claims, not statistics
      (the crosschecks are re-done in ``tests/test_data_jjj_counties.py``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from .common import (
    STANDARD_FLAGS,
    ZH,
    BuildError,
    Table,
    add_flag,
    read_source,
    set_units,
    to_number,
    with_zh,
    zh_flags,
)
from .innovation import LICENCE_OFFICIAL_VIA_REPO, ind

SRC = "jjj_coordination"
JJJ = ["Beijing", "Tianjin", "Hebei"]

#: Source units -> the kit's spelling.
JJJ_UNITS: dict[str, str] = {
    "万公里": "10k km", "元": "yuan", "元/人": "yuan per person", "亿元": "100 million yuan",
    "个": "units", "万张": "10k beds", "张": "beds per 10k persons", "万人": "10k persons",
    "所": "units", "%": "percent",
}

#: The copies of ``sources.csv`` (repo, commit) the tables use; paths per table below.
REPO_A = ("3112944976/National-Visualization-Web-Application",
          "2e3008c519da42d6666213a07f73b9eca7dc8ef0")
REPO_B = ("ahia11/SHU-CES---ttc-platform", "151eb23771662afbb2d75e5b16658f094f386193")
REPO_F = ("ITidol-dream/dynamic_picture", "95ee95a383f0cd7d66211a72ac603e0f965124f8")
REPO_H = ("1lmq/FYP_QMM2_Chinese_Railways", "b126026fefc95417acd08ef2555ae10e4328623a")
REPO_I = ("XiaoyueZ-cloud/jingjinji-education-network", "9c1029e70660fbf5abe9b21677ca5d59fbb864f4")
A_PREFIX = "源数据/国家统计局分省年度数据/"

FLAG_LOW_TRUST = ("the copy is rated medium-low or low-medium trust in the provenance notes "
                  "(secondary transcription or text quote): see the table's caveats")


def _repo(repo: tuple[str, str], path: str) -> dict[str, str]:
    return {"repo": repo[0], "path": path, "commit": repo[1]}


def _a(*tables: str) -> list[dict[str, str]]:
    """``obtained_from`` entries of copy A's NBS tables (``<topic>/<table>``)."""
    return [_repo(REPO_A, f"{A_PREFIX}{t}.csv") for t in tables]


def read_jjj(root: Path, relpath: str, codes: dict[tuple[str, str], str],
             vintages: dict[str, str], indicators: dict[str, dict[str, Any]]) -> pd.DataFrame:
    """Read one long ``jjj_coordination`` file into the contract columns.

    Args:
        codes: (source_id, indicator_zh) -> the kit's indicator code; rows of pairs not listed
            are dropped (the module docstring says which and why); a listed pair absent from
            the file is an error.
        vintages: source_id -> vintage code.
        indicators: the table's indicator metadata (units are checked against it).
    """
    src = read_source(root, relpath)
    pair = list(zip(src["source_id"], src["indicator_zh"], strict=True))
    absent = sorted(set(codes) - set(pair))
    if absent:
        raise BuildError(f"{relpath}: expected (source, indicator) pair(s) absent: {absent}")
    keep = pd.Series([p in codes for p in pair], index=src.index)
    src = src[keep]
    bad_unit = sorted(set(src["unit"]) - set(JJJ_UNITS))
    if bad_unit:
        raise BuildError(f"{relpath}: unknown unit(s) {bad_unit}")
    df = pd.DataFrame({
        "region": src["region_en"].str.strip(),
        "region_zh": src["region_zh"].str.strip(),
        "year": src["year"].astype(int),
        "indicator": [codes[(s, i)] for s, i in zip(src["source_id"], src["indicator_zh"],
                                                    strict=True)],
        "value": to_number(src["value"], relpath),
        "unit": src["unit"].map(JJJ_UNITS),
        "vintage": src["source_id"].map(vintages),
        "flag": "",
    })
    if set(df["region"]) - set(JJJ):
        raise BuildError(f"{relpath}: regions other than Beijing, Tianjin, Hebei")
    return set_units(df, indicators, relpath)


# --------------------------------------------------------------------------------------------
# jjj_income_consumption
# --------------------------------------------------------------------------------------------

F_INCOME = f"{SRC}/jjj_income_per_capita.csv"
_Y = "yuan"
INCOME_INDICATORS: dict[str, dict[str, Any]] = {
    "disposable_income_pc": ind(
        "Disposable income per person, all residents", "居民人均可支配收入", _Y,
        "What residents can spend or save in a year, per person: wages, business and property "
        "income and transfers received, after taxes and social contributions (household "
        "survey).", "higher", 1000, 200000),
    "disposable_income_pc_urban": ind(
        "Disposable income per person, urban residents", "城镇居民人均可支配收入", _Y,
        "Disposable income per person of residents of urban areas.", "higher", 1000, 200000),
    "disposable_income_pc_rural": ind(
        "Disposable income per person, rural residents", "农村居民人均可支配收入", _Y,
        "Disposable income per person of residents of rural areas.", "higher", 1000, 200000),
    "consumption_pc": ind(
        "Consumption expenditure per person, all residents", "居民人均消费支出", _Y,
        "What residents spend on goods and services for their own consumption, per person.",
        "neither", 1000, 200000),
    "consumption_pc_urban": ind(
        "Consumption expenditure per person, urban residents", "城镇居民人均消费支出", _Y,
        "Consumption expenditure per person of urban residents.", "neither", 1000, 200000),
    "consumption_pc_rural": ind(
        "Consumption expenditure per person, rural residents", "农村居民人均消费支出", _Y,
        "Consumption expenditure per person of rural residents.", "neither", 1000, 200000),
}
INCOME_CODES: dict[tuple[str, str], str] = {
    ("A", "居民人均可支配收入"): "disposable_income_pc",
    ("A", "城镇居民人均可支配收入"): "disposable_income_pc_urban",
    ("A", "农村居民人均可支配收入"): "disposable_income_pc_rural",
    ("A", "居民人均消费支出"): "consumption_pc",
    ("A", "城镇居民人均消费支出"): "consumption_pc_urban",
    ("A", "农村居民人均消费支出"): "consumption_pc_rural",
    ("B", "居民人均可支配收入"): "disposable_income_pc",
}
V_DB2021, V_DB2025 = "nbs_db_2021", "nbs_db_2025_rounded"


def build_jjj_income_consumption(root: Path) -> pd.DataFrame:
    """Disposable income and consumption per person, Beijing, Tianjin, Hebei, 2013-2024."""
    return read_jjj(root, F_INCOME, INCOME_CODES, {"A": V_DB2021, "B": V_DB2025},
                    INCOME_INDICATORS)


# --------------------------------------------------------------------------------------------
# jjj_gdp_pre5th_vintages
# --------------------------------------------------------------------------------------------

F_GDP = f"{SRC}/jjj_gdp_vintages.csv"
GDP_INDICATORS: dict[str, dict[str, Any]] = {
    "gdp_per_capita": ind(
        "GDP per person", "人均地区生产总值", "yuan per person",
        "Gross regional product divided by the average resident population, current prices.",
        "higher", 5000, 400000),
    "gdp": ind(
        "Gross regional product", "地区生产总值", "100 million yuan",
        "Value of all final goods and services produced in the region in the year, current "
        "prices.", "higher", 0, 2e5),
}
GDP_CODES = {("A", "人均地区生产总值"): "gdp_per_capita", ("F", "地区生产总值"): "gdp"}
V_POST4TH, V_2023_ROUNDED = "nbs_post4th_2021", "nbs_2023_rounded"


def build_jjj_gdp_pre5th_vintages(root: Path) -> pd.DataFrame:
    """GDP per person (post-4th-census, 2010-2019) and GDP as downloaded in 2023 (integers)."""
    # The provenance counts Tianjin 2011 (8112.5 in A, 8112 in F) as off by 1: it is A
    # rounded half to even, so nothing is flagged (tests/test_data_jjj_counties.py).
    return read_jjj(root, F_GDP, GDP_CODES, {"A": V_POST4TH, "F": V_2023_ROUNDED},
                    GDP_INDICATORS)


# --------------------------------------------------------------------------------------------
# jjj_tech_contracts
# --------------------------------------------------------------------------------------------

F_TECH = f"{SRC}/jjj_technology_market.csv"
_YI = "100 million yuan"
TECH_INDICATORS: dict[str, dict[str, Any]] = {
    "tech_market_turnover": ind(
        "Technology market turnover (seller's region)", "技术市场成交额", _YI,
        "Value of the technology contracts registered in the region's technology market, by "
        "the region of the seller (technology output), NBS provincial table.", "higher", 0,
        20000),
    "tech_contract_turnover_bj_stats": ind(
        "Technology contract turnover (Beijing statistics bureau's column)",
        "地区技术合同成交额", _YI,
        "Value of technology contracts of the region as listed in the Beijing statistics "
        "bureau's Beijing-Tianjin-Hebei column; for Tianjin and Hebei NOT the same definition "
        "as tech_market_turnover (see caveats).", "higher", 0, 20000),
    "rd_intensity_revised": ind(
        "R&D intensity (R&D spending as % of GDP), revised after the 5th economic census",
        "R&D经费投入强度", "percent",
        "Gross domestic spending on research and experimental development divided by GDP, as "
        "revised with the 5th economic census (lower than first published where GDP was "
        "revised up).", "higher", 0, 15),
    "tech_contracts_beijing_to_tianjin_hebei": ind(
        "Technology contracts Beijing sold to Tianjin and Hebei",
        "北京向天津、河北输出技术合同成交额", _YI,
        "Value of technology contracts sold by Beijing to buyers in Tianjin and Hebei, as "
        "stated in Beijing's 2024 government work report.", "higher", 0, 20000),
}
TECH_CODES = {
    ("A", "技术市场成交额"): "tech_market_turnover",
    ("I", "地区技术合同成交额"): "tech_contract_turnover_bj_stats",
    ("I", "R&D经费投入强度(全社会R&D经费支出与GDP之比)"): "rd_intensity_revised",
    ("J", "北京向天津、河北输出技术合同成交额"): "tech_contracts_beijing_to_tianjin_hebei",
}
V_BJ_COLUMN, V_BJ_WORK_REPORT = "bj_stats_jjj_column_2025", "bj_gov_work_report_2024"


def build_jjj_tech_contracts(root: Path) -> pd.DataFrame:
    """Technology market turnover 2010-2019 (NBS), contract turnover and revised R&D intensity
    2015-2024 (Beijing bureau's column), Beijing's sales to Tianjin and Hebei 2023."""
    df = read_jjj(root, F_TECH, TECH_CODES,
                  {"A": V_DB2021, "I": V_BJ_COLUMN, "J": V_BJ_WORK_REPORT}, TECH_INDICATORS)
    return add_flag(df, df["vintage"].isin([V_BJ_COLUMN, V_BJ_WORK_REPORT]), "low_trust")


# --------------------------------------------------------------------------------------------
# jjj_transport_length
# --------------------------------------------------------------------------------------------

F_TRANSPORT = f"{SRC}/jjj_transport_route_length.csv"
_KM = "10k km"
TRANSPORT_INDICATORS: dict[str, dict[str, Any]] = {
    "railway_length": ind("Railway length in operation", "铁路营业里程", _KM,
                          "Length of railway lines open to traffic at year end, in units of "
                          "10,000 km (0.1 = 1,000 km).", "higher", 0, 2),
    "expressway_length": ind("Expressway length", "高速等级公路里程", _KM,
                             "Length of expressways (the top grade of highway) at year end.",
                             "higher", 0, 2),
    "highway_length": ind("Highway length", "公路里程", _KM,
                          "Length of all public roads (highways) at year end.", "higher", 0,
                          50),
    "graded_highway_length": ind("Graded highway length", "等级公路里程", _KM,
                                 "Length of highways of a technical grade (expressways and "
                                 "grades 1-4).", "higher", 0, 50),
    "class1_highway_length": ind("Class-1 highway length", "一级等级公路里程", _KM,
                                 "Length of grade-1 highways (below expressways).", "higher", 0,
                                 5),
    "class2_highway_length": ind("Class-2 highway length", "二级等级公路里程", _KM,
                                 "Length of grade-2 highways.", "higher", 0, 5),
}
TRANSPORT_CODES = {
    ("A", "铁路营业里程"): "railway_length", ("A", "高速等级公路里程"): "expressway_length",
    ("A", "公路里程"): "highway_length", ("A", "等级公路里程"): "graded_highway_length",
    ("A", "一级等级公路里程"): "class1_highway_length",
    ("A", "二级等级公路里程"): "class2_highway_length",
    ("B", "铁路营业里程"): "railway_length", ("B", "高速等级公路里程"): "expressway_length",
    ("B", "公路里程"): "highway_length",
}


def build_jjj_transport_length(root: Path) -> pd.DataFrame:
    """Railway, expressway and highway length, Beijing, Tianjin, Hebei, 2010-2023."""
    return read_jjj(root, F_TRANSPORT, TRANSPORT_CODES, {"A": V_DB2021, "B": V_DB2025},
                    TRANSPORT_INDICATORS)


# --------------------------------------------------------------------------------------------
# jjj_health_education
# --------------------------------------------------------------------------------------------

F_HEALTH = f"{SRC}/jjj_health_education.csv"
_U = "units"
HEALTH_INDICATORS: dict[str, dict[str, Any]] = {
    "health_institutions": ind("Health care institutions", "医疗卫生机构数", _U,
                               "Hospitals, primary care institutions (including village "
                               "clinics), public-health and other health institutions.",
                               "higher", 0, 200000),
    "hospitals": ind("Hospitals", "医院数", _U, "Number of hospitals.", "higher", 0, 10000),
    "health_institution_beds": ind("Beds in health care institutions", "卫生机构床位数",
                                   "10k beds", "Beds of all health care institutions, in "
                                   "units of 10,000 beds.", "higher", 0, 100),
    "hospital_beds": ind("Hospital beds", "医院床位数", "10k beds",
                         "Beds of hospitals, in units of 10,000 beds.", "higher", 0, 100),
    "beds_per_10k_persons": ind("Beds in health care institutions per 10,000 persons",
                                "每万人医疗机构床位数", "beds per 10k persons",
                                "Beds of health care institutions per 10,000 persons; the "
                                "population used changes in 2012 (see flag series_break).",
                                "higher", 0, 200),
    "health_technical_personnel": ind("Health technical personnel", "卫生技术人员数",
                                      "10k persons", "Doctors, nurses, pharmacists, "
                                      "technicians and other health professionals.", "higher",
                                      0, 100),
    "licensed_doctors": ind("Licensed (assistant) doctors", "执业(助理)医师数", "10k persons",
                            "Licensed doctors and licensed assistant doctors.", "higher", 0,
                            50),
    "universities": ind("Regular institutions of higher education", "普通高等学校数", _U,
                        "Universities and colleges (undergraduate and short-cycle) of the "
                        "regular higher-education system.", "higher", 0, 500),
    "university_students": ind("Students enrolled in regular higher education",
                               "普通高等学校在校学生数", "10k persons",
                               "Undergraduate and short-cycle students enrolled.", "higher", 0,
                               500),
}
HEALTH_CODES = {("A", "医疗卫生机构数"): "health_institutions", ("A", "医院数"): "hospitals",
                ("A", "卫生机构床位数"): "health_institution_beds",
                ("A", "医院床位数"): "hospital_beds",
                ("A", "每万人医疗机构床位数"): "beds_per_10k_persons",
                ("A", "卫生技术人员数"): "health_technical_personnel",
                ("A", "执业(助理)医师数"): "licensed_doctors",
                ("A", "普通高等学校数"): "universities",
                ("A", "普通高等学校在校学生数"): "university_students"}
BEDS_BREAK_YEAR = 2012


def build_jjj_health_education(root: Path) -> pd.DataFrame:
    """Hospitals, beds, health personnel and universities, Beijing, Tianjin, Hebei, 2010-2019."""
    df = read_jjj(root, F_HEALTH, HEALTH_CODES, {"A": V_DB2021}, HEALTH_INDICATORS)
    brk = (df["indicator"] == "beds_per_10k_persons") & (df["year"] == BEDS_BREAK_YEAR)
    if brk.sum() != len(JJJ):
        raise BuildError(f"{F_HEALTH}: beds per 10,000 persons {BEDS_BREAK_YEAR} not found")
    return add_flag(df, brk, "series_break")


# --------------------------------------------------------------------------------------------
# jjj_population_year_end
# --------------------------------------------------------------------------------------------

F_POP = f"{SRC}/jjj_population_year_end.csv"
POP_INDICATORS = {"pop_yearend_resident": ind(
    "Year-end resident population", "年末常住人口", "10k persons",
    "People living in the region at the end of the year (residents, not household "
    "registration).", "neither", 0, 20000)}
V_POP = "nbs_post7thcensus_2025"


def build_jjj_population_year_end(root: Path) -> pd.DataFrame:
    """Year-end resident population of Beijing, Tianjin and Hebei, 2015-2024."""
    return read_jjj(root, F_POP, {("H", "年末常住人口"): "pop_yearend_resident"}, {"H": V_POP},
                    POP_INDICATORS)


# --------------------------------------------------------------------------------------------
# Tables
# --------------------------------------------------------------------------------------------

_A_VINTAGE = ("NBS database (分省年度数据) at full machine precision, downloaded about 2021 "
              "(copy A, trust high); latest year 2019.")
_B_VINTAGE = ("NBS database figures in a student dashboard's JSON downloaded about 2025 (copy "
              "B, trust medium): rounded (0.01 10k km; whole yuan); 2020 onwards not confirmed "
              "by a second copy.")
_THREE = "Beijing, Tianjin and Hebei"
_NBS = "National Bureau of Statistics of China (NBS, 国家统计局)"
_NBS_DB = "NBS online database (data.stats.gov.cn), 分省年度数据 (annual data by province)"

TABLES: list[Table] = [
    Table(
        name="jjj_income_consumption",
        title="Disposable income and consumption per person, Beijing, Tianjin, Hebei, 2013-2024",
        description=(
            "Disposable income and consumption expenditure per person of all, urban and rural "
            "residents (household survey, yuan, current prices) for the three, 2013-2019, and "
            "disposable income of all residents to 2024 from a later, rounded copy. Use it to "
            "see whether Hebei's income gap to Beijing and Tianjin narrowed."),
        build=build_jjj_income_consumption,
        origin={
            "producer": _NBS,
            "publication": _NBS_DB,
            "table": "人民生活: 全体及分城乡居民收支基本情况（2013-）",
            "vintages": {V_DB2021: _A_VINTAGE, V_DB2025: _B_VINTAGE},
            "obtained_from": _a("人民生活/全体及分城乡居民收支基本情况（2013-）") + [
                _repo(REPO_B, "public/data/merged_provincial_data.json")],
            "licence_note": LICENCE_OFFICIAL_VIA_REPO,
            "caveats": [
                "The unified urban-rural household survey starts in 2013: no comparable "
                "figure exists before (copy B's pre-2013 values are not this series and are "
                "left out).",
                "Check: the 21 values of 2013-2019 in both copies agree once copy A is rounded "
                "to the yuan.",
                "Urban and rural figures and consumption stop in 2019 (no citable copy of "
                "2020-2024 was found).",
                "Current prices: growth includes inflation.",
            ],
            "citation": "National Bureau of Statistics of China, NBS database, per-capita "
                        "income and consumption of residents by province, 2013-2024.",
        },
        indicators=INCOME_INDICATORS,
        checks=[{"type": "le", "part": "disposable_income_pc_rural",
                 "total": "disposable_income_pc"},
                {"type": "le", "part": "disposable_income_pc",
                 "total": "disposable_income_pc_urban"},
                {"type": "le", "part": "consumption_pc_rural", "total": "consumption_pc"},
                {"type": "le", "part": "consumption_pc", "total": "consumption_pc_urban"}],
    ),
    Table(
        name="jjj_gdp_pre5th_vintages",
        title="GDP per person (2010-2019) and GDP as published in 2023, Beijing, Tianjin, Hebei",
        description=(
            "Two pre-5th-census vintages the kit's other GDP tables lack: GDP per person "
            "2010-2019 after the 4th economic census revision, and GDP 2010-2022 as the NBS "
            "database gave it in 2023 (integers; its 2022 figures are later than the "
            "preliminary ones). Use them beside "
            "province_gdp and province_gdp_vintages, never spliced with them."),
        build=build_jjj_gdp_pre5th_vintages,
        origin={
            "producer": _NBS,
            "publication": _NBS_DB,
            "table": "国民经济核算: 地区生产总值, 人均地区生产总值",
            "vintages": {
                V_POST4TH: "NBS database downloaded about 2021 (copy A, trust high): 2010-2019 "
                           "revised after the 4th (2018) economic census.",
                V_2023_ROUNDED: "NBS database figures committed to a repository in April 2023, "
                                "rounded to whole 100 million yuan (copy F, trust "
                                "low-medium); 2022 are the figures of that date.",
            },
            "obtained_from": _a("国民经济核算/地区生产总值") + [
                _repo(REPO_F, "data/分省年度数据.csv")],
            "licence_note": LICENCE_OFFICIAL_VIA_REPO,
            "caveats": [
                "Only what the kit lacked is built: GDP of the post-5th-census vintage and of "
                "December 2018 is in province_gdp_vintages (nbs_post5th_2026-03, "
                "nbs_original_2018-12), and the 2010-2022 GDP of copy A and of the other "
                "copies equals its nbs_pre5th_4threvised figures.",
                "nbs_2023_rounded equals copy A rounded to the whole 100 million yuan in all "
                "30 values of 2010-2019 (Tianjin 2011: 8112.5 -> 8112, rounded half to even; "
                "the provenance notes count it as off by 1).",
                "nbs_2023_rounded's 2022 figures are higher than the preliminary 2022 figures "
                "in province_gdp_vintages (nbs_pre5th_4threvised): whether the three together "
                "passed 10 trillion yuan in 2022 depends on the vintage.",
                "No trustworthy copy of GDP per person for 2020-2024 in this vintage was "
                "found; province_gdp holds the post-5th-census GDP per person for 2016-2024. "
                "Nothing is computed from GDP and population here.",
                "Current prices.",
            ],
            "citation": "National Bureau of Statistics of China, NBS database, gross regional "
                        "product and GDP per person by province (downloads of about 2021 and "
                        "2023).",
        },
        indicators=GDP_INDICATORS,
    ),
    Table(
        name="jjj_tech_contracts",
        title="Technology market and contracts, Beijing, Tianjin, Hebei, 2010-2024",
        description=(
            "Technology market turnover by seller's region 2010-2019 (NBS), technology "
            "contract turnover and R&D intensity 2015-2024 from the Beijing statistics "
            "bureau's Beijing-Tianjin-Hebei column (revised after the 5th economic census; a "
            "secondary copy of lower trust), and the value of contracts Beijing sold to Tianjin "
            "and Hebei in 2023. Bought and sold by province are in tech_market."),
        build=build_jjj_tech_contracts,
        origin={
            "producer": "National Bureau of Statistics of China (NBS); Beijing Municipal Bureau "
                        "of Statistics; Beijing Municipal People's Government",
            "publication": "NBS online database (分省年度数据); Beijing Municipal Bureau of "
                           "Statistics, 京津冀专栏 (Beijing-Tianjin-Hebei column); 北京市2024年"
                           "政府工作报告 (Beijing government work report 2024)",
            "table": "科技: 技术市场成交额; 地区技术合同成交额; R&D经费投入强度",
            "vintages": {
                V_DB2021: _A_VINTAGE,
                V_BJ_COLUMN: "Beijing statistics bureau's Beijing-Tianjin-Hebei column as "
                             "transcribed in a student compilation of 2025/26 (copy I, trust "
                             "medium-low); R&D intensity revised after the 5th economic "
                             "census.",
                V_BJ_WORK_REPORT: "Beijing's 2024 government work report (January 2024), "
                                  "quoted from its PDF text (copy J, trust low-medium).",
            },
            "obtained_from": _a("科技/技术市场成交额") + [
                _repo(REPO_I, "协同指数/十年指标数据收集_合并版.xlsx"),
                {"page": "北京市2024年政府工作报告 (PDF text quoted in a public file whose "
                         "repository could not be identified)"}],
            "licence_note": LICENCE_OFFICIAL_VIA_REPO,
            "caveats": [
                "tech_market_turnover (NBS) equals the kit's tech_market outflow value "
                "(10k yuan) divided by 10,000, within 0.0001, in every year both have, and "
                "adds 2011.",
                "Do not splice tech_market_turnover and tech_contract_turnover_bj_stats: for "
                "Beijing they agree within 0.04 %, for Tianjin they differ by 1.5-19 % and for "
                "Hebei by up to 369 %, so the column uses another definition for Tianjin and "
                "Hebei (probably contracts registered there, buyers included; not verified).",
                "Rows of the Beijing bureau's column and of the work report come from "
                "secondary copies: flagged low_trust.",
                "rd_intensity_revised is lower than the first-published intensity in rd_inputs "
                "(rd_intensity_pct_gdp) where GDP was revised up: never mix the two in one "
                "chart.",
                "Beijing's sales to Tianjin and Hebei exist for 2023 only (748.7, stated as "
                "'up 1.1 times'); no annual series 2014-2022 was found.",
                "Current prices.",
            ],
            "citation": "NBS database, technology market turnover by province; Beijing "
                        "Municipal Bureau of Statistics, Beijing-Tianjin-Hebei column; Beijing "
                        "government work report 2024.",
        },
        indicators=TECH_INDICATORS,
        flags={"low_trust": FLAG_LOW_TRUST},
    ),
    Table(
        name="jjj_transport_length",
        title="Railway, expressway and highway length, Beijing, Tianjin, Hebei, 2010-2023",
        description=(
            "Length of railway lines in operation, expressways, all highways and graded "
            "highways at year end, in units of 10,000 km: full precision 2010-2019, and "
            "rounded to 100 km (0.01) to 2023 from a later copy. Use it to check the "
            "statements on the region's rail and expressway network."),
        build=build_jjj_transport_length,
        origin={
            "producer": _NBS,
            "publication": _NBS_DB,
            "table": "运输和邮电: 运输线路长度",
            "vintages": {V_DB2021: _A_VINTAGE, V_DB2025: _B_VINTAGE},
            "obtained_from": _a("运输和邮电/运输线路长度") + [
                _repo(REPO_B, "public/data/merged_provincial_data.json")],
            "licence_note": LICENCE_OFFICIAL_VIA_REPO,
            "caveats": [
                "Check: the 90 railway, expressway and highway values of 2010-2019 agree in "
                "both copies once copy A is rounded to 0.01 (10k km).",
                "nbs_db_2025_rounded is rounded to 100 km per province: a sum of the three "
                "can be off by up to 150 km.",
                "The NBS series cannot separate high-speed or intercity lines; 2024 is not in "
                "the later copy.",
                "Inland waterways (Tianjin only) are not built.",
            ],
            "citation": "National Bureau of Statistics of China, NBS database, length of "
                        "transport routes by province, 2010-2023.",
        },
        indicators=TRANSPORT_INDICATORS,
        checks=[{"type": "le", "part": "expressway_length", "total": "graded_highway_length"},
                {"type": "le", "part": "graded_highway_length", "total": "highway_length"},
                {"type": "le", "part": "class1_highway_length",
                 "total": "graded_highway_length"},
                {"type": "le", "part": "expressway_length", "total": "highway_length"}],
    ),
    Table(
        name="jjj_health_education",
        title="Hospitals, beds, health personnel and universities, Beijing, Tianjin, Hebei, "
              "2010-2019",
        description=(
            "Public services of the three: health care institutions and hospitals, their "
            "beds, beds per 10,000 persons (the population used changes in 2012), health "
            "personnel and doctors, universities and their students, 2010-2019."),
        build=build_jjj_health_education,
        origin={
            "producer": _NBS + ", with the National Health Commission and the Ministry of "
                               "Education",
            "publication": _NBS_DB,
            "table": "卫生: 医疗卫生机构, 医疗卫生机构床位, 每万人口医疗卫生机构床位数, 卫生人员; "
                     "教育: 高等学校普通本、专科学校和学生情况",
            "vintages": {V_DB2021: _A_VINTAGE},
            "obtained_from": _a("卫生/医疗卫生机构", "卫生/医疗卫生机构床位",
                                "卫生/每万人口医疗卫生机构床位数", "卫生/卫生人员",
                                "教育/高等学校普通本、专科学校和学生情况"),
            "licence_note": LICENCE_OFFICIAL_VIA_REPO,
            "caveats": [
                "Beds per 10,000 persons break in 2012 (Beijing 73.96 in 2011, 48.41 in 2012): "
                "the population divided by changed, so 2012 is flagged series_break; do not "
                "compare levels across the break.",
                "2020-2024 were not found in a citable copy.",
                "Universities count institutions of the regular system only (no adult "
                "higher education).",
            ],
            "citation": "National Bureau of Statistics of China, NBS database, health care "
                        "institutions, beds and personnel and regular higher-education "
                        "institutions by province, 2010-2019.",
        },
        indicators=HEALTH_INDICATORS,
        flags={"series_break": STANDARD_FLAGS["series_break"]},
        checks=[{"type": "le", "part": "hospitals", "total": "health_institutions"},
                {"type": "le", "part": "hospital_beds", "total": "health_institution_beds"},
                {"type": "le", "part": "licensed_doctors",
                 "total": "health_technical_personnel"}],
    ),
    Table(
        name="jjj_population_year_end",
        title="Year-end resident population, Beijing, Tianjin, Hebei, 2015-2024",
        description=(
            "Year-end resident population of the three, 2015-2024 (after the 7th census "
            "revision). 2016-2024 equal province_population; 2015 is the year that table "
            "lacks."),
        build=build_jjj_population_year_end,
        origin={
            "producer": _NBS,
            "publication": _NBS_DB,
            "table": "人口: 年末常住人口",
            "vintages": {V_POP: "NBS database export downloaded in 2025 (copy H, trust high), "
                                "after the 7th census revision."},
            "obtained_from": [_repo(REPO_H, "分省年度数据.csv")],
            "licence_note": LICENCE_OFFICIAL_VIA_REPO,
            "caveats": [
                "2016-2024 are identical to province_population (pop_yearend_resident).",
                "Supplied as context: a per-person figure computed from it would be the "
                "kit's own derived number, not an official one.",
            ],
            "citation": "National Bureau of Statistics of China, NBS database, year-end "
                        "resident population by province, 2015-2024.",
        },
        indicators=POP_INDICATORS,
    ),
]


# --------------------------------------------------------------------------------------------
# Chinese metadata (Table.zh)
# --------------------------------------------------------------------------------------------

_ZH_A = "国家统计局国家数据库全精度数据，约2021年下载（副本A，可信度高）；最新年份2019年。"
_ZH_B = ("一个学生作品仪表板的JSON文件中的国家统计局数据，约2025年下载（副本B，可信度中）："
         "经过取整（0.01万公里；元）；2020年以后的数字没有第二个副本印证。")
_ZH_THREE = "北京、天津、河北"
_ZH_DB = ZH["nbs_db"]

ZH_META: dict[str, dict[str, Any]] = {
    "jjj_income_consumption": {
        "title": "京津冀居民人均可支配收入和人均消费支出，2013—2024年",
        "description": "北京、天津、河北全体居民、城镇居民和农村居民的人均可支配收入和人均消费支出"
                       "（住户调查，元，按当年价格计算），2013—2019年；全体居民人均可支配收入另据一个"
                       "较晚的取整副本延至2024年。可用来观察河北与京津的收入差距是否缩小。",
        "producer": ZH["nbs"],
        "publication": _ZH_DB,
        "table": "人民生活：全体及分城乡居民收支基本情况（2013-）",
        "citation": "国家统计局，国家数据库，分省居民人均收支，2013—2024年。",
        "caveats": [
            "城乡一体化住户调查始于2013年：此前没有可比数字（副本B中2013年以前的数值不属于这一序列，"
            "未予收录）。",
            "核对：两个副本2013—2019年的21个数值在副本A取整到元后完全一致。",
            "城镇、农村数字和消费支出止于2019年（没有找到可引用的2020—2024年副本）。",
            "按当年价格计算：增长包含物价上涨。",
        ],
        "vintages": {V_DB2021: _ZH_A, V_DB2025: _ZH_B},
        "licence": ZH["licence_via_repo"],
        "flags": {},
    },
    "jjj_gdp_pre5th_vintages": {
        "title": "京津冀人均地区生产总值（2010—2019年）和2023年发布的地区生产总值",
        "description": "本工具包其他地区生产总值表所缺的两个第五次全国经济普查以前的版本："
                       "第四次全国经济普查修订后的2010—2019年人均地区生产总值，以及国家数据库"
                       "2023年给出的2010—2022年地区生产总值（取整到亿元；其2022年数字晚于初步数）。"
                       "可与 `province_gdp` 和 `province_gdp_vintages` 并列使用，切勿拼接。",
        "producer": ZH["nbs"],
        "publication": _ZH_DB,
        "table": "国民经济核算：地区生产总值，人均地区生产总值",
        "citation": "国家统计局，国家数据库，分省地区生产总值和人均地区生产总值（约2021年和2023年"
                    "下载）。",
        "caveats": [
            "只收录本工具包缺少的数据：第五次全国经济普查后版本和2018年12月版本的地区生产总值已在 "
            "`province_gdp_vintages` 中（`nbs_post5th_2026-03`、`nbs_original_2018-12`），"
            "副本A及其他副本2010—2022年的地区生产总值与其中的 `nbs_pre5th_4threvised` 相同。",
            "`nbs_2023_rounded` 与取整到亿元的副本A在2010—2019年的全部30个数值都一致（天津2011年："
            "8112.5取整为8112，即“四舍六入五成双”；来源说明把它算作相差1）。",
            "`nbs_2023_rounded` 的2022年数字高于 `province_gdp_vintages` 中的2022年初步数"
            "（`nbs_pre5th_4threvised`）：三地合计2022年是否超过10万亿元取决于版本。",
            "没有找到这一版本2020—2024年人均地区生产总值的可信副本；`province_gdp` 有第五次全国经济"
            "普查后2016—2024年的人均地区生产总值。本表没有用地区生产总值和人口推算任何数字。",
            ZH["current_prices"],
        ],
        "vintages": {
            V_POST4TH: "国家数据库，约2021年下载（副本A，可信度高）：2010—2019年为第四次全国"
                       "经济普查（2018年）修订后的数字。",
            V_2023_ROUNDED: "2023年4月提交到一个仓库的国家数据库数字，取整到亿元（副本F，"
                            "可信度中低）；2022年为当时的数字。",
        },
        "licence": ZH["licence_via_repo"],
        "flags": {},
    },
    "jjj_tech_contracts": {
        "title": "京津冀技术市场和技术合同，2010—2024年",
        "description": "按卖方（技术输出）地区统计的技术市场成交额，2010—2019年（国家统计局）；"
                       "北京市统计局京津冀专栏的地区技术合同成交额和R&D经费投入强度，2015—2024年"
                       "（按第五次全国经济普查修订；转录副本，可信度较低）；以及2023年北京向天津、"
                       "河北输出技术合同成交额。各省技术输出和技术吸纳见 `tech_market`。",
        "producer": "国家统计局；北京市统计局；北京市人民政府",
        "publication": "国家统计局国家数据库“分省年度数据”；北京市统计局京津冀专栏；"
                       "北京市2024年政府工作报告",
        "table": "科技：技术市场成交额；地区技术合同成交额；R&D经费投入强度",
        "citation": "国家统计局，国家数据库，分省技术市场成交额；北京市统计局京津冀专栏；"
                    "北京市2024年政府工作报告。",
        "caveats": [
            "`tech_market_turnover`（国家统计局）在两者都有的每一年都等于本工具包 `tech_market` "
            "表的技术输出成交额（万元）除以一万（相差不超过0.0001亿元），并补上了2011年。",
            "切勿把 `tech_market_turnover` 和 `tech_contract_turnover_bj_stats` 拼接：北京两者相差"
            "不到0.04%，天津相差1.5%—19%，河北最多相差369%，可见专栏中天津、河北的口径不同"
            "（可能是在当地登记的合同，含买方；未经核实）。",
            "北京市统计局专栏和政府工作报告的各行来自转录副本：标记为 `low_trust`。",
            "`rd_intensity_revised` 在地区生产总值上修的地方低于 `rd_inputs` 中首次公布的投入强度"
            "（`rd_intensity_pct_gdp`）：切勿在同一图中混用。",
            "北京向津冀输出的技术合同成交额只有2023年（748.7亿元，表述为“增长1.1倍”）；没有找到"
            "2014—2022年的年度序列。",
            ZH["current_prices"],
        ],
        "vintages": {
            V_DB2021: _ZH_A,
            V_BJ_COLUMN: "北京市统计局京津冀专栏，经一份2025/26年学生汇编转录（副本I，"
                         "可信度中低）；R&D经费投入强度按第五次全国经济普查修订。",
            V_BJ_WORK_REPORT: "北京市2024年政府工作报告（2024年1月），引自其PDF文本（副本J，可信度"
                              "中低）。",
        },
        "licence": ZH["licence_via_repo"],
        "flags": zh_flags(["low_trust"], low_trust="来源说明将该副本评为中低可信度（转录副本或"
                                                   "文本引用）：见该表的注意事项"),
    },
    "jjj_transport_length": {
        "title": "京津冀铁路营业里程、高速公路和公路里程，2010—2023年",
        "description": "年末铁路营业里程、高速公路里程、公路里程和等级公路里程（万公里）："
                       "2010—2019年为全精度数字，延至2023年的数字来自一个较晚的副本，取整到100公里"
                       "（0.01万公里）。可用来核对关于区域铁路网和高速公路网的表述。",
        "producer": ZH["nbs"],
        "publication": _ZH_DB,
        "table": "运输和邮电：运输线路长度",
        "citation": "国家统计局，国家数据库，分省运输线路长度，2010—2023年。",
        "caveats": [
            "核对：两个副本2010—2019年的90个铁路、高速公路和公路数值在副本A取整到0.01万公里后完全"
            "一致。",
            "`nbs_db_2025_rounded` 每个省取整到100公里：三地之和最多可能相差150公里。",
            "国家统计局的序列不能区分高速铁路或城际铁路；较晚的副本没有2024年。",
            "内河航道里程（只有天津）未予收录。",
        ],
        "vintages": {V_DB2021: _ZH_A, V_DB2025: _ZH_B},
        "licence": ZH["licence_via_repo"],
        "flags": {},
    },
    "jjj_health_education": {
        "title": "京津冀医疗卫生机构、床位、卫生人员和普通高等学校，2010—2019年",
        "description": "三地的公共服务：医疗卫生机构和医院数、床位数、每万人医疗机构床位数"
                       "（所用人口自2012年起改变）、卫生技术人员和执业（助理）医师、"
                       "普通高等学校数和在校学生数，2010—2019年。",
        "producer": f"{ZH['nbs']}，数据来自国家卫生健康委员会和教育部",
        "publication": _ZH_DB,
        "table": "卫生：医疗卫生机构，医疗卫生机构床位，每万人口医疗卫生机构床位数，卫生人员；"
                 "教育：高等学校普通本、专科学校和学生情况",
        "citation": "国家统计局，国家数据库，分省医疗卫生机构、床位、卫生人员和普通高等学校，"
                    "2010—2019年。",
        "caveats": [
            "每万人医疗机构床位数在2012年断开（北京2011年73.96张，2012年48.41张）：作分母的人口改变"
            "了，因此2012年标记为 `series_break`；不要跨越断点比较水平。",
            "没有找到可引用的2020—2024年副本。",
            "普通高等学校只计普通高等教育机构（不含成人高等学校）。",
        ],
        "vintages": {V_DB2021: _ZH_A},
        "licence": ZH["licence_via_repo"],
        "flags": zh_flags(["series_break"]),
    },
    "jjj_population_year_end": {
        "title": "京津冀年末常住人口，2015—2024年",
        "description": "三地2015—2024年的年末常住人口（第七次全国人口普查后修订）。"
                       "2016—2024年与 `province_population` 相同；2015年是该表所缺的年份。",
        "producer": ZH["nbs"],
        "publication": _ZH_DB,
        "table": "人口：年末常住人口",
        "citation": "国家统计局，国家数据库，分省年末常住人口，2015—2024年。",
        "caveats": [
            "2016—2024年与 `province_population`（`pop_yearend_resident`）完全相同。",
            "仅作背景资料：用它计算的人均数字是本工具包自己推算的数字，不是官方数字。",
        ],
        "vintages": {V_POP: "国家数据库导出文件，2025年下载（副本H，可信度高），"
                            "第七次全国人口普查后修订。"},
        "licence": ZH["licence_via_repo"],
        "flags": {},
    },
}

TABLES = with_zh(TABLES, ZH_META)

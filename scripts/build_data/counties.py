"""Builders for Hebei's county-level units, provincial steel, cement and glass output, and the
official statements on Hebei's county industrial clusters (source ``counties_industry_energy/``).

Tables: ``hebei_county_census_population``, ``hebei_county_economy_2023``,
``province_industrial_products``, ``hebei_county_cluster_statements``.

County-level units have no English names in the sources: their ``region`` is the 6-digit
administrative division code of their census (also in the ``code`` column) and ``region_zh`` the
name as printed; prefecture and province rows use the kit's English names (``Baoding``,
``Hebei``), read from ``src/helpers/regions.csv`` by code. Codes and boundaries of 2010 and 2020
differ: the two censuses are two vintages and are never joined on name.

Not built, and why:
    * ``province_industrial_output_nbs_monthly_2015_2021.csv``: monthly values; the annual
      table is its December year-to-date subset (checked in the tests).
    * ``province_total_energy_consumption_1990_2025.csv``: trust low-medium, no table or
      vintage named, unverified (``energy_consumption`` covers the years to 2019).
    * the 2023 county yearbook's deposits, loans, farm, telephone and welfare columns: the
      labels passed through a converter and could not be matched to the yearbook's columns
      with confidence; the lessons do not need them.
    * the 2010 census's household columns (their labels do not say family or all households).
"""

from __future__ import annotations

import csv
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
    to_number,
    with_zh,
    zh_flags,
)
from .innovation import LICENCE_OFFICIAL_VIA_REPO, LICENCE_UNLICENSED_REPO, ind

SRC = "counties_industry_energy"
REGIONS_CSV = Path(__file__).resolve().parents[2] / "src" / "helpers" / "regions.csv"
HEBEI_CODE = "130000"


def english_names() -> dict[str, str]:
    """Administrative code -> the kit's English region name (provinces, Hebei's cities)."""
    with REGIONS_CSV.open(encoding="utf-8") as fh:
        return {r["admin_code"]: r["region"] for r in csv.DictReader(fh) if r["admin_code"]}


def prefecture_of(code: str) -> str:
    """Code of the prefecture a county-level code belongs to: ``130726`` -> ``130700``."""
    return code[:4] + "00"


def is_development_zone(code: str) -> bool:
    """True for the census's separately listed development zones and new areas (codes
    ``13xx7x``, e.g. 130672 保定白沟新城)."""
    return len(code) == 6 and code[4] == "7"


# --------------------------------------------------------------------------------------------
# hebei_county_census_population
# --------------------------------------------------------------------------------------------

F_C2010 = f"{SRC}/hebei_county_population_census2010.csv"
F_C2020 = f"{SRC}/hebei_county_population_census2020.csv"
V_C2010, V_C2020 = "census6_2010", "census7_2020"
_P = "persons"
CENSUS_INDICATORS: dict[str, dict[str, Any]] = {
    "pop_total": ind("Resident population at the census", "常住人口", _P,
                     "People usually living in the unit on the census day (1 November).",
                     "neither", 0, 1e8),
    "pop_male": ind("Male population", "男性人口", _P, "Resident males.", "neither", 0, 1e8),
    "pop_female": ind("Female population", "女性人口", _P, "Resident females.", "neither", 0,
                      1e8),
    "sex_ratio": ind("Sex ratio", "性别比", "males per 100 females",
                     "Males per 100 females.", "neither", 50, 200),
    "pop_urban": ind("Urban population", "城镇人口", _P,
                     "Residents of urban areas (towns and cities).", "neither", 0, 1e8),
    "pop_rural": ind("Rural population", "乡村人口", _P, "Residents of rural areas.", "neither",
                     0, 1e8),
    "minority_share": ind("Share of ethnic minorities", "少数民族人口比重", "percent",
                          "Residents of ethnic minorities as a percentage of all residents.",
                          "neither", 0, 100),
    "hukou_pop": ind("Household-registered (hukou) population", "户籍人口", _P,
                     "People whose household registration is in the unit (2010 only).",
                     "neither", 0, 1e8),
    "nonagri_hukou_share": ind("Share with non-agricultural hukou", "非农业户口人口比重",
                               "percent", "Share of people holding a non-agricultural household "
                               "registration (2010 only).", "neither", 0, 100),
    "family_households": ind("Family households", "家庭户户数", "households",
                             "Number of family households (2020 only).", "neither", 0, 1e8),
    "family_household_pop": ind("Population in family households", "家庭户人口", _P,
                                "People living in family households (2020 only).", "neither",
                                0, 1e8),
    "household_size": ind("Average family household size", "平均家庭户规模",
                          "persons per household", "Persons per family household (2020 "
                          "only).", "neither", 1, 10),
}
C2010_COLUMNS = {"pop_total": "pop_total", "pop_male": "pop_male", "pop_female": "pop_female",
                 "sex_ratio": "sex_ratio_f100", "pop_urban": "pop_urban",
                 "pop_rural": "pop_rural", "minority_share": "minority_share_pct",
                 "hukou_pop": "hukou_pop", "nonagri_hukou_share": "nonagri_hukou_share_pct"}
C2020_COLUMNS = {"pop_total": "pop_total", "pop_male": "pop_male", "pop_female": "pop_female",
                 "sex_ratio": "sex_ratio_f100", "pop_urban": "pop_urban",
                 "pop_rural": "pop_rural", "minority_share": "minority_share_pct",
                 "family_households": "family_households",
                 "family_household_pop": "family_household_pop",
                 "household_size": "household_size"}
#: Summed over the county-level units of a prefecture, and over the prefectures (checked).
ADDITIVE = ["pop_total", "pop_male", "pop_female"]
LEVELS = ("province", "prefecture", "county_level")
SWAPPED_CODES_2010 = {"130207", "130208"}
#: Counts the caveats state, re-checked by the build: codes in one census only (2010, 2020)
#: and development zones of 2020.
ONE_CENSUS_CODES = (23, 41)
DEV_ZONES_2020 = 23


def _long(src: pd.DataFrame, columns: dict[str, str], year: int, vintage: str,
          where: str) -> pd.DataFrame:
    """Wide census rows (``code, unit_name, level`` + value columns) -> contract rows."""
    names = english_names()
    parts = []
    for code_, col in columns.items():
        region = [names[c] if lvl != "county_level" else c
                  for c, lvl in zip(src["code"], src["level"], strict=True)]
        parts.append(pd.DataFrame({
            "region": region, "region_zh": src["unit_name"].str.strip(), "year": year,
            "indicator": code_, "value": to_number(src[col], f"{where}: {col}"),
            "unit": CENSUS_INDICATORS[code_]["unit"], "vintage": vintage, "flag": "",
            "code": src["code"],
            "level": src["level"],
            "prefecture_code": [c if lvl == "prefecture" else
                                ("" if lvl == "province" else prefecture_of(c))
                                for c, lvl in zip(src["code"], src["level"], strict=True)],
            "qc_note": src.get("qc_note", pd.Series("", index=src.index)),
        }))
    return pd.concat(parts, ignore_index=True)


def check_census_sums(df: pd.DataFrame) -> None:
    """County-level units of each prefecture sum to its total, and the prefectures to the
    province's, exactly, for ``ADDITIVE`` indicators in each census; raise ``BuildError``."""
    for (vintage, indicator), g in df[df["indicator"].isin(ADDITIVE)].groupby(
            ["vintage", "indicator"]):
        county = g[g["level"] == "county_level"].groupby("prefecture_code")["value"].sum()
        pref = g[g["level"] == "prefecture"].set_index("code")["value"]
        if not county.sort_index().equals(pref.sort_index()):
            raise BuildError(f"{vintage} {indicator}: counties do not sum to prefectures")
        prov = g.loc[g["level"] == "province", "value"]
        if len(prov) != 1 or pref.sum() != prov.iloc[0]:
            raise BuildError(f"{vintage} {indicator}: prefectures do not sum to the province")


def build_hebei_county_census_population(root: Path) -> pd.DataFrame:
    """Population of Hebei's county-level units at the 2010 and 2020 censuses."""
    s10, s20 = read_source(root, F_C2010), read_source(root, F_C2020)
    s10 = s10[s10["level"] != "subtotal_no_code"]  # one empty row
    for s, f in ((s10, F_C2010), (s20, F_C2020)):
        if set(s["level"]) != set(LEVELS):
            raise BuildError(f"{f}: unexpected levels {sorted(set(s['level']))}")
    if s20.loc[s20["level"] == "county_level", "prefecture"].ne(
            s20.loc[s20["level"] == "county_level", "code"].map(
                lambda c: s20.set_index("code").at[prefecture_of(c), "unit_name"])).any():
        raise BuildError(f"{F_C2020}: a county's prefecture does not match its code")
    df = pd.concat([_long(s10, C2010_COLUMNS, 2010, V_C2010, F_C2010),
                    _long(s20, C2020_COLUMNS, 2020, V_C2020, F_C2020)], ignore_index=True)
    check_census_sums(df)
    swapped = (df["vintage"] == V_C2010) & df["qc_note"].str.contains("swapped", regex=False)
    if set(df.loc[swapped, "code"]) != SWAPPED_CODES_2010:
        raise BuildError(f"{F_C2010}: the 丰南区/丰润区 label note is not where expected")
    df = add_flag(df, swapped, "name_label_swapped")
    county = df["level"] == "county_level"
    in10 = set(df.loc[county & (df["vintage"] == V_C2010), "code"])
    in20 = set(df.loc[county & (df["vintage"] == V_C2020), "code"])
    once = county & (((df["vintage"] == V_C2010) & ~df["code"].isin(in20))
                     | ((df["vintage"] == V_C2020) & ~df["code"].isin(in10)))
    df = add_flag(df, once, "code_in_one_census_only")
    dev = county & df["code"].map(is_development_zone)
    counts = (len(in10 - in20), len(in20 - in10), df.loc[dev, "code"].nunique())
    if counts != (*ONE_CENSUS_CODES, DEV_ZONES_2020):
        raise BuildError(f"census codes changed: {counts}; update the caveats")
    df = add_flag(df, dev, "development_zone")
    return df.drop(columns="qc_note")


# --------------------------------------------------------------------------------------------
# hebei_county_economy_2023
# --------------------------------------------------------------------------------------------

F_CCSY = f"{SRC}/hebei_county_ccsy2024_indicators_2023.csv"
V_CCSY = "ccsy2024_copy"
_YI = "100 million yuan"
ECONOMY_INDICATORS: dict[str, dict[str, Any]] = {
    "area": ind("Land area", "行政区域土地面积", "km2", "Area of the unit in km2.", "neither",
                0, 50000),
    "towns": ind("Townships and towns", "乡（镇）个数", "units",
                 "Number of townships and towns.", "neither", 0, 100),
    "streets": ind("Urban sub-districts", "街道办事处个数", "units",
                   "Number of urban sub-districts (empty where the source has none listed).",
                   "neither", 0, 100),
    "hukou_pop": ind("Household-registered (hukou) population", "户籍人口", "10k persons",
                     "People whose household registration is in the unit, in 10,000 "
                     "persons (whole numbers).", "neither", 0, 500),
    "gdp": ind("Gross regional product", "地区生产总值", _YI,
               "Value of all final goods and services produced in the unit, current prices.",
               "higher", 0, 5000),
    "va_primary": ind("Value added of the primary sector", "第一产业增加值", _YI,
                      "Farming, forestry, animal husbandry and fishery.", "neither", 0, 5000),
    "va_secondary": ind("Value added of the secondary sector", "第二产业增加值", _YI,
                        "Industry and construction.", "neither", 0, 5000),
    "va_tertiary": ind("Value added of the tertiary sector", "第三产业增加值", _YI,
                       "Services.", "neither", 0, 5000),
    "fiscal_revenue": ind("General public budget revenue", "一般公共预算收入", _YI,
                          "Revenue of the county's general public budget (taxes and fees the "
                          "county keeps).", "higher", 0, 1000),
    "fiscal_expenditure": ind("General public budget expenditure", "一般公共预算支出", _YI,
                              "Spending of the county's general public budget.", "neither", 0,
                              1000),
    "industrial_enterprises": ind("Industrial enterprises above designated size",
                                  "规模以上工业企业单位数", "enterprises",
                                  "Industrial enterprises with annual revenue of 20 million "
                                  "yuan or more.", "higher", 0, 5000),
    "secondary_students": ind("Students in secondary schools", "普通中学在校学生数", _P,
                              "Pupils enrolled in regular secondary schools.", "neither", 0,
                              1e6),
    "primary_students": ind("Students in primary schools", "小学在校学生数", _P,
                            "Pupils enrolled in primary schools.", "neither", 0, 1e6),
    "health_beds": ind("Beds in health care institutions", "医疗卫生机构床位数", "beds",
                       "Beds of all health care institutions.", "higher", 0, 1e5),
}
ECONOMY_COLUMNS = {"area": "areaKm2", "towns": "townCount", "streets": "streetCount",
                   "hukou_pop": "householdPopulation10k", "gdp": "gdp100mCny",
                   "va_primary": "primary100mCny", "va_secondary": "secondary100mCny",
                   "va_tertiary": "tertiary100mCny", "fiscal_revenue": "fiscalRevenue100mCny",
                   "fiscal_expenditure": "fiscalExpenditure100mCny",
                   "industrial_enterprises": "industrialEnterpriseCount",
                   "secondary_students": "secondaryStudentCount",
                   "primary_students": "primaryStudentCount", "health_beds": "healthBedCount"}
EXCLUDED_CODE = "130102"  # 长安区: values of Xi'an's Chang'an District (provenance)
ECONOMY_TRUST = "medium-low"
ECONOMY_UNITS = 136


def build_hebei_county_economy_2023(root: Path) -> pd.DataFrame:
    """GDP, sectors, fiscal figures and more of 136 Hebei county-level units, 2023."""
    src = read_source(root, F_CCSY)
    bad = src["qc_flags"].str.contains("DO NOT USE", regex=False)
    if src.loc[bad, "code"].tolist() != [EXCLUDED_CODE]:
        raise BuildError(f"{F_CCSY}: the mismatched 长安区 row is not the one expected")
    src = src[~bad]
    if len(src) != ECONOMY_UNITS:
        raise BuildError(f"{F_CCSY}: {len(src)} units, the caveats say {ECONOMY_UNITS}")
    if set(src["data_year"]) != {"2023"}:
        raise BuildError(f"{F_CCSY}: data year other than 2023")
    names = english_names()
    parts = [pd.DataFrame({
        "region": src["code"], "region_zh": src["unit_name"].str.strip(),
        "year": 2023, "indicator": code_, "value": to_number(src[col], f"{F_CCSY}: {col}"),
        "unit": ECONOMY_INDICATORS[code_]["unit"], "vintage": V_CCSY, "flag": "",
        "code": src["code"], "prefecture_code": src["prefecture_code"],
        "prefecture": src["prefecture_code"].map(names), "trust": ECONOMY_TRUST,
        "qc": src["qc_flags"]}) for code_, col in ECONOMY_COLUMNS.items()]
    df = pd.concat(parts, ignore_index=True)
    if df["prefecture"].isna().any():
        raise BuildError(f"{F_CCSY}: unknown prefecture code")
    hukou = (df["indicator"] == "hukou_pop") & df["qc"].str.startswith("hukou_vs_census2020")
    df = add_flag(df, hukou, "hukou_far_above_residents")
    return df.drop(columns="qc")


# --------------------------------------------------------------------------------------------
# province_industrial_products
# --------------------------------------------------------------------------------------------

F_PROD = f"{SRC}/province_crude_steel_pigiron_cement_glass_annual_2015_2020.csv"
F_PROD_SUMS = f"{SRC}/crosscheck_industrial_output_national_sums.csv"
V_PROD, V_PROD_SUM = "nbs_monthly_dec_ytd", "sum_of_provinces"
PRODUCTS = {"粗钢": "crude_steel_output", "生铁": "pig_iron_output", "水泥": "cement_output",
            "平板玻璃": "plate_glass_output"}
PRODUCT_UNITS = {"万吨": "10k tonnes", "万重量箱": "10k weight cases"}
PRODUCT_INDICATORS: dict[str, dict[str, Any]] = {
    "crude_steel_output": ind("Crude steel output", "粗钢产量", "10k tonnes",
                              "Crude steel produced in the year by industrial enterprises "
                              "above designated size (January-December).", "neither", 0, 2e5),
    "pig_iron_output": ind("Pig iron output", "生铁产量", "10k tonnes",
                           "Pig iron produced in the year (enterprises above designated "
                           "size).", "neither", 0, 2e5),
    "cement_output": ind("Cement output", "水泥产量", "10k tonnes",
                         "Cement produced in the year (enterprises above designated size).",
                         "neither", 0, 5e5),
    "plate_glass_output": ind("Plate glass output", "平板玻璃产量", "10k weight cases",
                              "Plate glass produced in the year, in weight cases (1 case = 50 "
                              "kg of 2 mm glass; enterprises above designated size).",
                              "neither", 0, 2e5),
}


def build_province_industrial_products(root: Path) -> pd.DataFrame:
    """Crude steel, pig iron, cement and plate glass output by province, 2015-2020, and the
    sum of the provinces (flagged derived)."""
    src = read_source(root, F_PROD)
    names = english_names()
    if set(src["product"]) != set(PRODUCTS) or set(src["unit"]) != set(PRODUCT_UNITS):
        raise BuildError(f"{F_PROD}: unexpected products or units")
    if not src["yyyymm"].str.endswith("12").all():
        raise BuildError(f"{F_PROD}: a row is not a December year-to-date value")
    prov = pd.DataFrame({
        "region": src["province_code"].map(names), "region_zh": src["province"].str.strip(),
        "year": src["year"].astype(int), "indicator": src["product"].map(PRODUCTS),
        "value": to_number(src["value"], F_PROD), "unit": src["unit"].map(PRODUCT_UNITS),
        "vintage": V_PROD, "flag": "", "n_provinces": float("nan"),
        "nbs_indicator_code": src["nbs_indicator_code"]})
    if prov["region"].isna().any():
        raise BuildError(f"{F_PROD}: unknown province code")
    sums = read_source(root, F_PROD_SUMS)
    tot = pd.DataFrame({
        "region": "China", "region_zh": "全国", "year": sums["year"].astype(int),
        "indicator": sums["product"].map(PRODUCTS),
        "value": to_number(sums["sum_of_provinces"], F_PROD_SUMS),
        "unit": sums["unit"].map(PRODUCT_UNITS), "vintage": V_PROD_SUM, "flag": "derived",
        "n_provinces": to_number(sums["n_provinces"], F_PROD_SUMS), "nbs_indicator_code": ""})
    mine = prov.groupby(["indicator", "year"])["value"].agg(["sum", "size"])
    theirs = tot.set_index(["indicator", "year"])[["value", "n_provinces"]]
    both = mine.join(theirs, how="outer")
    if both.isna().any().any() or ((both["sum"] - both["value"]).abs() > 0.05).any() or \
            (both["size"] != both["n_provinces"]).any():
        raise BuildError(f"{F_PROD_SUMS}: sums of provinces do not match {F_PROD}")
    return pd.concat([prov, tot], ignore_index=True)


# --------------------------------------------------------------------------------------------
# hebei_county_cluster_statements
# --------------------------------------------------------------------------------------------

F_STAT = f"{SRC}/hebei_county_clusters_official_statements.csv"
EVIDENCE_CLASS = "official_statement"
_CL = "clusters"
STATEMENT_INDICATORS: dict[str, dict[str, Any]] = {
    "cluster_count": ind("County characteristic industrial clusters", "县域特色产业集群个数",
                         _CL, "Number of county characteristic industrial clusters, as stated.",
                         "neither", 0, 1000),
    "cluster_operating_income": ind(
        "Operating income of the county clusters", "县域特色产业集群营业收入", _YI,
        "Operating income (sales revenue) of the firms of the clusters in the scope named, full "
        "year, as stated.", "higher", 0, 1e5),
    "cluster_operating_income_jan_sep": ind(
        "Operating income of the county clusters, January-September",
        "县域特色产业集群前三季度营业收入", _YI,
        "As stated for the first nine months; not comparable with full years.", "higher", 0,
        1e5),
    "cluster_operating_income_jan_jun": ind(
        "Operating income of the county clusters, January-June",
        "县域特色产业集群上半年营业收入", _YI,
        "As stated for the first half-year; not comparable with full years.", "higher", 0,
        1e5),
    "key_cluster_operating_income": ind(
        "Operating income of the 107 provincial key clusters", "省级重点产业集群营业收入", _YI,
        "Operating income of the 107 county clusters the province names as key clusters, full "
        "year, as stated.", "higher", 0, 1e5),
    "key_cluster_operating_income_jan_jun": ind(
        "Operating income of the 107 provincial key clusters, January-June",
        "省级重点产业集群上半年营业收入", _YI,
        "As stated for the first half-year; not comparable with full years.", "higher", 0,
        1e5),
    "cluster_taxes_paid": ind("Taxes paid by the county clusters", "县域特色产业集群上缴税金",
                              _YI, "Taxes paid by the clusters' firms, as stated.", "neither",
                              0, 1e4),
    "cluster_employment": ind("Employment in the county clusters", "县域特色产业集群从业人员",
                              "10k persons", "People employed by the clusters' firms, as "
                              "stated.", "neither", 0, 5000),
    "clusters_over_10bn_income": ind(
        "Clusters with operating income over 10 billion yuan", "营业收入超百亿元的产业集群个数",
        _CL, "Number of county clusters with annual operating income above 10 billion yuan "
        "(超百亿元), as stated.", "neither", 0, 1000),
}
#: Growth on the year before, stated beside a figure: one code per figure code.
GROWTH_OF = {c: c + "_growth" for c in STATEMENT_INDICATORS
             if c not in ("cluster_count", "clusters_over_10bn_income")}
for _c, _g in GROWTH_OF.items():
    _m = STATEMENT_INDICATORS[_c]
    STATEMENT_INDICATORS[_g] = ind(_m["name_en"] + ": growth on the year before",
                                   _m["name_zh"] + "同比增长", "percent",
                                   "Growth on the same period of the year before, as stated "
                                   "with the figure.", "higher", -100, 500)

#: (scope prefix, period, source indicator) -> (region, year, kit indicator).
STATEMENT_ROWS: dict[tuple[str, str, str], tuple[str, int, str]] = {
    ("Hebei county characteristic", "2019 (year)", "clusters"): ("Hebei", 2019,
                                                                 "cluster_count"),
    ("Hebei county characteristic", "2019 (year)", "operating_income"):
        ("Hebei", 2019, "cluster_operating_income"),
    ("Hebei county characteristic", "2019 (year)", "taxes_paid"):
        ("Hebei", 2019, "cluster_taxes_paid"),
    ("Hebei county characteristic", "2019 (year)", "employment"):
        ("Hebei", 2019, "cluster_employment"),
    ("Hebei provincial key clusters", "2019 (year)", "operating_income"):
        ("Hebei", 2019, "key_cluster_operating_income"),
    ("Hebei county characteristic", "2020 Jan-Sep", "operating_income"):
        ("Hebei", 2020, "cluster_operating_income_jan_sep"),
    ("Hebei county characteristic", "2022 Jan-Jun", "operating_income"):
        ("Hebei", 2022, "cluster_operating_income_jan_jun"),
    ("Hebei county characteristic", "2021 (year)", "clusters_over_10bn_yuan_income"):
        ("Hebei", 2021, "clusters_over_10bn_income"),
    ("Hebei provincial key clusters", "2025 Jan-Jun", "operating_income"):
        ("Hebei", 2025, "key_cluster_operating_income_jan_jun"),
    ("Xingtai city county clusters", "2023 (year)", "operating_income"):
        ("Xingtai", 2023, "cluster_operating_income"),
    ("Baoding city county clusters", "2021 (year)", "operating_income"):
        ("Baoding", 2021, "cluster_operating_income"),
}
#: Page -> vintage code (one occasion per page).
STATEMENT_VINTAGES = {
    "http://lsfz.org.cn/show-507.html": "statement_hebei_press_2020-10-20",
    "http://quanqiu.caijing.cc/jinrong/2022/0725/721.html": "statement_hebei_press_2022-07-22",
    "http://www.oracletube.com/jujiao/2025/0815/114705.html": "statement_hebei_miit_2025-08",
    "http://info.xingtai.gov.cn/single/97/361919.html": "statement_xingtai_miit_2024-03-08",
    "https://techan188.net/hebeitechan/35941.html": "statement_baoding_hebtv_2021",
}
ROUNDED_AS_STATED = {"16000", "17400"}  # "1.6万亿元", "1.74万亿元" in the notes


def build_hebei_county_cluster_statements(root: Path) -> pd.DataFrame:
    """Official statements on Hebei's county industrial clusters, 2019-2025 (not statistics)."""
    src = read_source(root, F_STAT)
    keys = []
    for scope, period, indicator in zip(src["scope"], src["period"], src["indicator"],
                                        strict=True):
        hit = [v for (s, p, i), v in STATEMENT_ROWS.items()
               if scope.startswith(s) and period == p and indicator == i]
        if len(hit) != 1:
            raise BuildError(f"{F_STAT}: row {scope!r} {period!r} {indicator!r} not mapped")
        keys.append(hit[0])
    if len(set(keys)) != len(STATEMENT_ROWS):
        raise BuildError(f"{F_STAT}: expected rows missing")
    publication = src["publication"].where(src["publication"] != "as above").replace(
        "", None).ffill()
    names_zh = {"Hebei": "河北省", "Xingtai": "邢台市", "Baoding": "保定市"}
    base = pd.DataFrame({
        "region": [k[0] for k in keys], "region_zh": [names_zh[k[0]] for k in keys],
        "year": [k[1] for k in keys], "indicator": [k[2] for k in keys],
        "value": to_number(src["value"], F_STAT), "vintage": src["url"].map(STATEMENT_VINTAGES),
        "flag": "official_statement", "evidence_class": EVIDENCE_CLASS,
        "scope": src["scope"], "period": src["period"], "statement_by": src["statement_by"],
        "publication": publication, "page": src["url"], "trust": src["trust"],
        "note": src["note"]})
    if base["vintage"].isna().any():
        raise BuildError(f"{F_STAT}: a page has no vintage code")
    growth = base[src["growth_pct_yoy"].str.strip() != ""].copy()
    growth["value"] = to_number(src.loc[growth.index, "growth_pct_yoy"], F_STAT)
    growth["indicator"] = growth["indicator"].map(GROWTH_OF)
    if growth["indicator"].isna().any():
        raise BuildError(f"{F_STAT}: growth stated for a count")
    df = pd.concat([base, growth], ignore_index=True)
    df["unit"] = df["indicator"].map(lambda c: STATEMENT_INDICATORS[c]["unit"])
    part = df["period"].str.contains("Jan-", regex=False)
    df = add_flag(df, part, "partial_year")
    low = df["trust"].str.lower().str.startswith(("low", "medium-low"))
    df = add_flag(df, low, "low_trust")
    rounded = (df.index < len(base)) & src["value"].reindex(df.index).isin(ROUNDED_AS_STATED)
    df = add_flag(df, pd.Series(rounded, index=df.index), "rounded_as_stated")
    return df


# --------------------------------------------------------------------------------------------
# Tables
# --------------------------------------------------------------------------------------------

_CODE = {"name": "code", "type": "string", "constraints": {"required": True},
         "description": "Administrative division code of the unit in the source (6 digits)."}
_PREF_CODE = {"name": "prefecture_code", "type": "string",
              "description": "Code of the prefecture-level city the unit belongs to (empty "
                             "for the province row)."}
_LEVEL = {"name": "level", "type": "string", "constraints": {
    "required": True, "enum": list(LEVELS)},
    "description": "province, prefecture or county_level (counties, county-level cities, "
                   "districts and, in 2020, development zones)."}
_CENSUS_REPO = "leiii/census"

FLAG_SWAPPED = ("the source prints the names of codes 130207 and 130208 (丰南区, 丰润区) "
                "the other way round; the values follow the codes (130207 = 丰南区): region_zh "
                "is kept as printed, identify the unit by its code")
FLAG_ONE_CENSUS = ("the code appears in one census only: the unit was created, renamed, "
                   "merged or recoded between 2010 and 2020 (e.g. 藁城市 -> 藁城区); do not "
                   "compare it across the censuses by code or name")
FLAG_DEV_ZONE = ("a development zone or new area the 2020 census lists separately (code "
                 "13xx7x); its people are not counted in the counties it lies in")
FLAG_HUKOU = ("household-registered population far above the 2020 census residents (ratio "
              "1.7-1.9): people registered here live elsewhere; kept as published")
FLAG_STATEMENT = ("an official statement of a government body at a press conference or on "
                  "its website, not a figure of a statistics bureau's table: cite it as a "
                  "statement, with its page; never mix it with statistics")
FLAG_PARTIAL = ("the figure covers part of the year only (see the indicator code and "
                "period); not comparable with full-year values")
FLAG_ROUNDED = "rounded as stated (e.g. 1.6万亿元 = 16,000 100 million yuan)"
FLAG_LOW_TRUST = ("the page is rated medium-low or low-medium trust in the provenance notes "
                  "(a news report or mirror, not the government's own page)")

TABLES: list[Table] = [
    Table(
        name="hebei_county_census_population",
        title="Population of Hebei's county-level units at the 2010 and 2020 censuses",
        description=(
            "Resident population (total, male, female, urban, rural), sex ratio and minority "
            "share of Hebei's province, 11 prefecture-level cities and county-level units at "
            "the 6th (2010: 172 units) and 7th (2020: 190 units, development zones listed "
            "separately) censuses. County rows have their code as region; codes and "
            "boundaries differ between the censuses."),
        build=build_hebei_county_census_population,
        origin={
            "producer": "National Bureau of Statistics of China (NBS) and the Population "
                        "Census Office under the State Council",
            "publication": "2020: 中国人口普查分县资料2020 (China population census county "
                           "data 2020, 7th census); 2010: the 6th census yearbook (as stated "
                           "by the repository)",
            "table": "County-level population: total, male, female, sex ratio, minority share, "
                     "urban and rural population, households",
            "vintages": {
                V_C2010: "6th national population census, reference date 1 November 2010, "
                         "2010 codes and boundaries (trust high).",
                V_C2020: "7th national population census, reference date 1 November 2020, "
                         "2020 codes and boundaries (trust high).",
            },
            "obtained_from": [
                {"repo": _CENSUS_REPO, "path": "data/census/census_county_2010_v1.xlsx",
                 "commit": "fe45ae633e43d7cb8c7af40772bfa5820c30c99c"},
                {"repo": _CENSUS_REPO, "path": "data/census/census_county_2020_v1.xlsx",
                 "commit": "719d9be5f6153f23486a8a364233e9b34c01751c"}],
            "licence_note": LICENCE_OFFICIAL_VIA_REPO,
            "caveats": [
                "Trust high: the build checks that in each census the county-level units of "
                "every prefecture sum exactly to the prefecture (total, male, female) and the "
                "11 prefectures to the province.",
                "2010 and 2020 are different codes and boundaries: 23 codes exist only in "
                "2010 and 41 only in 2020 (flag code_in_one_census_only), and a code in both "
                "may still cover another area (130103 桥东区 is only in 2010 while 130102 "
                "长安区's population doubles). Never join the censuses on name.",
                "The 2020 census lists 23 development zones and new areas separately (flag "
                "development_zone, e.g. 130672 保定白沟新城): their host counties' 2020 "
                "population excludes them.",
                "The 2010 names of codes 130207 and 130208 look swapped (丰润区 printed at "
                "130207, 丰南区 at 130208); values follow the codes. Flagged "
                "name_label_swapped and kept as printed, not corrected.",
                "2010 rural population is empty for 7 all-urban districts (kept empty). The "
                "2010 household columns are not built (their labels do not say which "
                "households).",
            ],
            "citation": "National Bureau of Statistics of China, population census county "
                        "data, 6th (2010) and 7th (2020) national population censuses, Hebei "
                        "(via leiii/census).",
        },
        indicators=CENSUS_INDICATORS,
        flags={"name_label_swapped": FLAG_SWAPPED, "code_in_one_census_only": FLAG_ONE_CENSUS,
               "development_zone": FLAG_DEV_ZONE},
        checks=[{"type": "sum", "parts": ["pop_male", "pop_female"], "total": "pop_total",
                 "abs_tol": 0},
                {"type": "sum", "parts": ["pop_urban", "pop_rural"], "total": "pop_total",
                 "abs_tol": 0},
                {"type": "le", "part": "family_household_pop", "total": "pop_total"}],
        extra_fields=[_CODE, _LEVEL, _PREF_CODE],
    ),
    Table(
        name="hebei_county_economy_2023",
        title="Hebei's counties in 2023: GDP, sectors, fiscal revenue (county yearbook copy, "
              "medium-low trust)",
        description=(
            "GDP and the three sectors' value added, general public budget revenue and "
            "spending, hukou population, area, above-scale industrial enterprises, pupils and "
            "hospital beds of 136 Hebei counties, county-level cities and former-county "
            "districts in 2023, from a third-hand copy of the China County Statistical "
            "Yearbook 2024. Trust medium-low: no independent copy verifies the values."),
        build=build_hebei_county_economy_2023,
        origin={
            "producer": "National Bureau of Statistics of China, Department of Rural Surveys "
                        "(China Statistics Press)",
            "publication": "中国县域统计年鉴2024（县市卷） (China County Statistical Yearbook "
                           "2024, county volume), data year 2023",
            "table": "县(市)社会经济主要指标 (main socio-economic indicators of counties)",
            "vintages": {V_CCSY: "The yearbook's table via CNKI -> data889/dataset (xlsx, not "
                                 "read) -> converted to JSON by XiaoyeCodes/SparkFlow (万元 "
                                 "divided by 10,000 to 亿元, names matched to codes by name); "
                                 "trust medium-low."},
            "obtained_from": [{"repo": "XiaoyeCodes/SparkFlow",
                               "path": "src/data/chinaRegionalEconomy.json",
                               "commit": "7429766d0a806ecf4f62ad4a76e6b427975b778b"}],
            "licence_note": "Official statistics (facts) from a yearbook of China Statistics "
                            "Press, taken from an MIT-licensed repository's conversion; cite "
                            "the yearbook. " + LICENCE_OFFICIAL_VIA_REPO,
            "caveats": [
                "Trust MEDIUM-LOW: a third-hand copy (CNKI -> a dataset repository -> a "
                "converter script); the data year 2023 is the converter's label, and no "
                "independent official copy was found to verify the economic values. Every "
                "row's trust column says so.",
                "Excluded: the row labelled 130102 长安区 (area 1589 km2, 25 sub-districts): "
                "the converter matched Xi'an's Chang'an District by name. Shijiazhuang's "
                "长安区 has no row.",
                "Check on load: primary + secondary + tertiary = GDP within 0.011 in every "
                "row.",
                "Kangbao and Shangyi: hukou population far above the 2020 census residents "
                "(flag hukou_far_above_residents).",
                "Coverage: 118 counties and county-level cities and 18 former-county "
                "districts; the other city districts of Hebei are not in the county yearbook. "
                "Streets is empty where none is listed.",
                "Not built: deposits, loans, farm, telephone and welfare columns (labels "
                "uncertain after conversion). County rows have their code as region.",
            ],
            "citation": "NBS Department of Rural Surveys, China County Statistical Yearbook "
                        "2024 (county volume), main socio-economic indicators of counties, "
                        "Hebei, 2023 (third-hand copy via XiaoyeCodes/SparkFlow).",
        },
        indicators=ECONOMY_INDICATORS,
        flags={"hukou_far_above_residents": FLAG_HUKOU},
        checks=[{"type": "sum", "parts": ["va_primary", "va_secondary", "va_tertiary"],
                 "total": "gdp", "abs_tol": 0.011}],
        extra_fields=[_CODE, {**_PREF_CODE, "constraints": {"required": True}},
                      {"name": "prefecture", "type": "string",
                       "constraints": {"required": True},
                       "description": "English name of the prefecture-level city."},
                      {"name": "trust", "type": "string", "constraints": {"required": True},
                       "description": "Trust rating of the provenance notes for this table "
                                      "(medium-low for every row)."}],
    ),
    Table(
        name="province_industrial_products",
        title="Crude steel, pig iron, cement and plate glass output by province, 2015-2020",
        description=(
            "Annual output of crude steel, pig iron, cement and plate glass by province "
            "(industrial enterprises above designated size, January-December), 2015-2020, "
            "with the sum of the provinces as a China row (derived). Use it for Hebei's share "
            "of China's steel and how it moved."),
        build=build_province_industrial_products,
        origin={
            "producer": "National Bureau of Statistics of China (NBS, 国家统计局)",
            "publication": "NBS online database (data.stats.gov.cn), 分省月度数据 (monthly data "
                           "by province), industry above designated size",
            "table": "主要工业产品产量: 粗钢, 生铁, 水泥, 平板玻璃 (累计值, December)",
            "vintages": {
                V_PROD: "NBS monthly provincial database, December year-to-date value (= "
                        "annual output of enterprises above designated size), crawled before "
                        "July 2022 (trust medium-high).",
                V_PROD_SUM: "Sum of the provinces that have a row (China row), computed by "
                            "the data scout and re-checked by the build; not an NBS figure.",
            },
            "obtained_from": [
                {"repo": "KowComical/CM_China_Database", "path": f"data/Industry/craw/{f}",
                 "commit": "729a6e4ee3a35c5e0b563fa7d497209b3127c823"}
                for f in ("A02020P_水泥.csv", "A02020Q_平板玻璃.csv", "A02020R_生铁.csv",
                          "A02020S_粗钢.csv")],
            "licence_note": LICENCE_UNLICENSED_REPO,
            "caveats": [
                "Above-scale enterprises only; may differ slightly from the yearbook's output "
                "of industrial products by province.",
                "Provinces with no output have no row, and their number varies by product and "
                "year (n_provinces, 27-31).",
                "The China rows are the sum of the provinces (flag derived). They are said to "
                "equal the national totals of the NBS statistical communiques, but that was "
                "not verified: check the communique before citing them as national output.",
                "Missing: 2000-2014 and 2021-2024.",
            ],
            "citation": "National Bureau of Statistics of China, NBS database, output of major "
                        "industrial products by province (monthly, December year-to-date), "
                        "2015-2020 (via KowComical/CM_China_Database).",
        },
        indicators=PRODUCT_INDICATORS,
        flags={"derived": STANDARD_FLAGS["derived"]},
        extra_fields=[{"name": "n_provinces", "type": "number",
                       "description": "China rows: number of provinces summed (empty for "
                                      "province rows)."},
                      {"name": "nbs_indicator_code", "type": "string",
                       "description": "NBS database indicator code of the province row."}],
    ),
    Table(
        name="hebei_county_cluster_statements",
        title="Official statements on Hebei's county industrial clusters, 2019-2025 (not "
              "statistics)",
        description=(
            "What Hebei's provincial government (and two city governments) STATED about the "
            "county characteristic industrial clusters: number, operating income, taxes, "
            "employment and growth, 2019-2025, each with its speaker, occasion and page. These "
            "are statements, not statistics: every row has evidence_class official_statement, "
            "a statement_ vintage and the flag official_statement."),
        build=build_hebei_county_cluster_statements,
        origin={
            "producer": "Hebei provincial government press office; Hebei Department of "
                        "Industry and Information Technology; Xingtai Municipal Bureau of "
                        "Industry and Information Technology; reports of Hebei TV",
            "publication": "Press conferences (20 October 2020, 22 July 2022) and government "
                           "websites, as reported by the pages named in each row",
            "table": "",
            "vintages": {
                "statement_hebei_press_2020-10-20": "Hebei provincial government press "
                                                    "conference on county characteristic "
                                                    "industries, 20 October 2020.",
                "statement_hebei_press_2022-07-22": "Hebei provincial government press "
                                                    "conference on industry in the first half "
                                                    "of 2022, 22 July 2022.",
                "statement_hebei_miit_2025-08": "Hebei Department of Industry and Information "
                                                "Technology, as reported in August 2025.",
                "statement_xingtai_miit_2024-03-08": "Xingtai Municipal Bureau of Industry "
                                                     "and Information Technology, city "
                                                     "government website, 8 March 2024.",
                "statement_baoding_hebtv_2021": "Hebei TV report of the 2021 county-industry "
                                                "assessment (Baoding).",
            },
            "obtained_from": [{"page": p} for p in sorted(STATEMENT_VINTAGES)],
            "licence_note": "Statements of government bodies (facts), quoted from the pages "
                            "that report them, with attribution. The kit's compilation and "
                            "metadata are MIT-licensed like the kit.",
            "caveats": [
                "Statements, not statistics: no statistics bureau publishes a table of the "
                "clusters. Cite each row as a statement of its speaker, with its page "
                "(columns statement_by, publication, page).",
                "The set of clusters changes from year to year (269 county clusters in 2019; "
                "107 provincial key clusters): key_cluster_* figures are a subset, not "
                "comparable with cluster_* figures.",
                "January-September and January-June figures are flagged partial_year and "
                "have their own codes; rounded statements (1.6万亿元, 1.74万亿元) are kept as "
                "stated (flag rounded_as_stated).",
                "Further figures in the notes (taxes of partial years, clusters over 50 and "
                "100 billion yuan, Xingtai's 44 clusters in the provincial statistics) are "
                "kept as text in the note column, not as rows.",
                "Each *_growth row is the year-on-year growth stated with its figure.",
            ],
            "citation": "Hebei provincial government press conferences (2020, 2022) and "
                        "Hebei, Xingtai and Baoding government statements on county "
                        "characteristic industrial clusters, as reported by the pages cited.",
        },
        indicators=STATEMENT_INDICATORS,
        flags={"official_statement": FLAG_STATEMENT, "partial_year": FLAG_PARTIAL,
               "low_trust": FLAG_LOW_TRUST, "rounded_as_stated": FLAG_ROUNDED},
        extra_fields=[
            {"name": "evidence_class", "type": "string",
             "constraints": {"required": True, "enum": [EVIDENCE_CLASS]},
             "description": "Class of evidence: official_statement (never statistics)."},
            {"name": "scope", "type": "string", "description": "The clusters the statement "
                                                               "covers, as in the source."},
            {"name": "period", "type": "string", "description": "Period the figure covers, "
                                                                "as in the source."},
            {"name": "statement_by", "type": "string",
             "description": "Who made the statement, and on which occasion."},
            {"name": "publication", "type": "string",
             "description": "Where the statement was reported."},
            {"name": "page", "type": "string", "description": "Web address of the report."},
            {"name": "trust", "type": "string",
             "description": "The data scout's trust rating of the page."},
            {"name": "note", "type": "string",
             "description": "The statement's own words and further figures, as in the "
                            "source."}],
    ),
]


# --------------------------------------------------------------------------------------------
# Chinese metadata (Table.zh)
# --------------------------------------------------------------------------------------------

ZH_META: dict[str, dict[str, Any]] = {
    "hebei_county_census_population": {
        "title": "河北各县级单位第六次、第七次全国人口普查人口",
        "description": "河北全省、11个设区市和各县级单位在第六次（2010年：172个单位）和第七次"
                       "（2020年：190个单位，开发区单列）全国人口普查时的常住人口（总人口、男、女、"
                       "城镇、乡村）、性别比和少数民族人口比重。县级单位以代码作为 `region`；"
                       "两次普查的代码和区划不同。",
        "producer": "国家统计局、国务院人口普查办公室",
        "publication": "2020年：《中国人口普查分县资料2020》（第七次全国人口普查）；"
                       "2010年：第六次全国人口普查资料（所据仓库称取自第六次人口普查年鉴）",
        "table": "分县人口：总人口、男、女、性别比、少数民族人口比重、城镇人口和乡村人口、户数",
        "citation": "国家统计局，第六次（2010年）和第七次（2020年）全国人口普查分县资料，河北省"
                    "（经 `leiii/census` 获取）。",
        "caveats": [
            "可信度高：构建时核对每次普查中各设区市所辖县级单位之和与该市合计完全相等"
            "（总人口、男、女），11个设区市之和与全省合计完全相等。",
            "2010年和2020年的代码和区划不同：23个代码只见于2010年，41个只见于2020年（标记为 "
            "`code_in_one_census_only`）；两次都有的代码所辖范围也可能改变（130103桥东区只见于"
            "2010年，而130102长安区的人口翻了一番）。切勿按名称连接两次普查。",
            "第七次全国人口普查把23个开发区和新区单列（标记为 `development_zone`，例如130672"
            "保定白沟新城）：所在县2020年的人口不含这些区。",
            "2010年代码130207和130208的名称似乎颠倒了（130207印作丰润区，130208印作丰南区）；"
            "数值与代码对应。标记为 `name_label_swapped`，按原样保留，未作更正。",
            "2010年7个全部为城镇的市辖区乡村人口为空（保留空白）。2010年的户数各列未予收录"
            "（其标注没有说明是哪一类户）。",
        ],
        "vintages": {
            V_C2010: "第六次全国人口普查，标准时点2010年11月1日，2010年的代码和区划（可信度高）。",
            V_C2020: "第七次全国人口普查，标准时点2020年11月1日，2020年的代码和区划（可信度高）。",
        },
        "licence": ZH["licence_via_repo"],
        "flags": zh_flags(
            ["name_label_swapped", "code_in_one_census_only", "development_zone"],
            name_label_swapped="来源把代码130207和130208的名称（丰南区、丰润区）印反了；数值与代码"
                               "对应（130207为丰南区）：`region_zh` 按原样保留，请按代码识别单位",
            code_in_one_census_only="该代码只见于一次普查：该单位在2010—2020年间新设、更名、合并"
                                    "或改变代码（例如藁城市改为藁城区）；不要按代码或名称跨普查"
                                    "比较",
            development_zone="第七次全国人口普查单列的开发区或新区（代码为13xx7x）；"
                             "其人口不计入所在的县"),
    },
    "hebei_county_economy_2023": {
        "title": "河北各县2023年地区生产总值、三次产业和一般公共预算收入（县域统计年鉴转录副本，"
                 "可信度中低）",
        "description": "2023年河北136个县、县级市和由县改设的市辖区的地区生产总值和三次产业增加值、"
                       "一般公共预算收入和支出、户籍人口、面积、规模以上工业企业单位数、中小学在校"
                       "学生数和医疗卫生机构床位数，取自《中国县域统计年鉴2024（县市卷）》的"
                       "第三手副本。可信度中低：没有独立副本可以核实这些数值。",
        "producer": "国家统计局农村社会经济调查司（中国统计出版社）",
        "publication": "《中国县域统计年鉴2024（县市卷）》，数据年份2023年",
        "table": "县(市)社会经济主要指标",
        "citation": "国家统计局农村社会经济调查司，《中国县域统计年鉴2024（县市卷）》，县(市)社会"
                    "经济主要指标，河北省，2023年（经 `XiaoyeCodes/SparkFlow` 获取的第三手副本）。",
        "caveats": [
            "可信度中低：这是第三手副本（中国知网→一个数据集仓库→一个转换脚本）；数据年份2023年是"
            "转换脚本的标注，也没有找到可以核实经济数值的独立官方副本。每行的 `trust` 列都注明了"
            "这一点。",
            "已剔除：标为130102长安区的一行（面积1589平方公里，25个街道）：转换脚本按名称错配了"
            "西安市长安区。石家庄市长安区因此没有数据行。",
            "载入时核对：每行第一、二、三产业增加值之和与地区生产总值相差不超过0.011亿元。",
            "康保县和尚义县：户籍人口远高于2020年普查常住人口（标记为 "
            "`hukou_far_above_residents`）。",
            "覆盖范围：118个县和县级市以及18个由县改设的市辖区；河北其他市辖区不在县域统计年鉴中。"
            "没有列出街道的单位，街道数为空。",
            "未收录：存款、贷款、农业、电话和社会福利各列（转换后的标注不确定）。县级单位以代码"
            "作为 `region`。",
        ],
        "vintages": {V_CCSY: "年鉴该表经中国知网→`data889/dataset`（xlsx，未读取）→由 "
                             "`XiaoyeCodes/SparkFlow` 转换为JSON（万元除以一万换算为亿元，"
                             "按名称匹配代码）；可信度中低。"},
        "licence": "中国统计出版社年鉴中的官方统计数据（事实），取自一个采用MIT许可的仓库的转换"
                   "结果；引用时请注明年鉴。" + ZH["licence_via_repo"],
        "flags": zh_flags(["hukou_far_above_residents"],
                          hukou_far_above_residents="户籍人口远高于2020年普查常住人口（为后者的"
                                                    "1.7—1.9倍）：在此登记户籍的人住在别处；"
                                                    "按公布值保留"),
    },
    "province_industrial_products": {
        "title": "各省粗钢、生铁、水泥和平板玻璃产量，2015—2020年",
        "description": "各省规模以上工业企业1—12月的粗钢、生铁、水泥和平板玻璃产量，2015—2020年，"
                       "另以各省之和作为全国行（推算数）。可用来计算河北粗钢产量占全国的比重及其"
                       "变化。",
        "producer": ZH["nbs"],
        "publication": "国家统计局国家数据库（`data.stats.gov.cn`）“分省月度数据”，规模以上工业",
        "table": "主要工业产品产量：粗钢，生铁，水泥，平板玻璃（累计值，12月）",
        "citation": "国家统计局，国家数据库，分省主要工业产品产量（月度，1—12月累计），"
                    "2015—2020年（经 `KowComical/CM_China_Database` 获取）。",
        "caveats": [
            "只含规模以上工业企业；可能与年鉴的分省工业产品产量略有不同。",
            "没有产量的省份没有数据行，省份个数因产品和年份而异（`n_provinces`，27—31个）。",
            "全国行是各省之和（标记为 `derived`）。据说与国家统计局统计公报的全国合计相等，"
            "但未经核实：作为全国产量引用之前请核对统计公报。",
            "缺2000—2014年和2021—2024年。",
        ],
        "vintages": {
            V_PROD: "国家统计局分省月度数据库，12月累计值（即规模以上工业企业全年产量），"
                    "2022年7月以前抓取（可信度中高）。",
            V_PROD_SUM: "有数据行的各省之和（全国行），由数据采集者计算、构建时复核；"
                        "不是国家统计局公布的数字。",
        },
        "licence": ZH["licence_unlicensed_repo"],
        "flags": zh_flags(["derived"]),
    },
    "hebei_county_cluster_statements": {
        "title": "关于河北县域特色产业集群的官方表述，2019—2025年（不是统计数据）",
        "description": "河北省政府（以及两个设区市政府）就县域特色产业集群所作的表述：集群个数、"
                       "营业收入、上缴税金、从业人员和增速，2019—2025年，每行注明发言机构、场合和"
                       "网页。这些是表述，不是统计数据：每行的 `evidence_class` 都是 "
                       "`official_statement`，版本代码以 `statement_` 开头，并带有 "
                       "`official_statement` 标记。",
        "producer": "河北省人民政府新闻办公室；河北省工业和信息化厅；邢台市工业和信息化局；"
                    "河北广播电视台的报道",
        "publication": "新闻发布会（2020年10月20日、2022年7月22日）和政府网站，"
                       "据各行所列网页的报道",
        "table": "",
        "citation": "河北省人民政府新闻发布会（2020年、2022年）以及河北省、邢台市、保定市关于县域"
                    "特色产业集群的表述，据所引网页的报道。",
        "caveats": [
            "是表述，不是统计数据：没有统计机构发布产业集群的统计表。引用每一行时都应注明发言"
            "机构和网页（`statement_by`、`publication`、`page` 列）。",
            "集群的范围逐年变化（2019年有269个县域特色产业集群；107个省级重点产业集群）："
            "`key_cluster_*` 是其中一部分，与 `cluster_*` 不可比。",
            "前三季度和上半年的数字标记为 `partial_year`，并使用各自的指标代码；取整的表述"
            "（1.6万亿元、1.74万亿元）按原样保留（标记为 `rounded_as_stated`）。",
            "备注中的其他数字（部分时期的税金、超百亿元和超500亿元的集群个数、邢台纳入全省统计的"
            "44个集群）以文字形式保留在 `note` 列中，没有单列成行。",
            "每个 `*_growth` 行是与数字一同表述的同比增速。",
        ],
        "vintages": {
            "statement_hebei_press_2020-10-20": "河北省人民政府新闻办公室县域特色产业发展新闻"
                                                "发布会，2020年10月20日。",
            "statement_hebei_press_2022-07-22": "河北省人民政府新闻办公室2022年上半年工业运行新闻"
                                                "发布会，2022年7月22日。",
            "statement_hebei_miit_2025-08": "河北省工业和信息化厅，2025年8月的报道。",
            "statement_xingtai_miit_2024-03-08": "邢台市工业和信息化局，邢台市政府网站，"
                                                 "2024年3月8日。",
            "statement_baoding_hebtv_2021": "河北广播电视台关于2021年县域特色产业考评的报道"
                                            "（保定）。",
        },
        "licence": "政府机构的表述（事实），引自报道这些表述的网页，注明出处后转载。"
                   "本工具包的汇编和元数据与工具包一样采用MIT许可。",
        "flags": zh_flags(
            ["official_statement", "partial_year", "low_trust", "rounded_as_stated"],
            official_statement="政府机构在新闻发布会上或其网站上的表述，不是统计机构统计表中的"
                               "数字：应作为表述引用并注明网页；切勿与统计数据混用",
            partial_year="数字只涵盖一年中的部分时期（见指标代码和 `period` 列）；与全年数不可比",
            low_trust="来源说明将该网页评为中低可信度（新闻报道或镜像，不是政府自己的网页）",
            rounded_as_stated="按表述原样取整（例如1.6万亿元即16000亿元）"),
    },
}

TABLES = with_zh(TABLES, ZH_META)

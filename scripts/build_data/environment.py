"""Builders for land area, PM2.5, steel reference points, Bohai-coast city GDP and Hebei's
high-tech share (sources ``environment_area/`` and, for steel, ``innovation_digital_env/``).

Tables: ``province_land_area``, ``pm25_city_2017``, ``pm25_hebei_province``,
``steel_reference_points``, ``bohai_city_gdp_2023``, ``hebei_hightech_reference``.

Most of these are reference POINTS quoted from web pages, not panels: every row keeps the
source's ``trust`` rating, its publication and page. Values are copied as printed; a figure
given in another unit (e.g. 亿吨 instead of 万吨) gets its own indicator code instead of being
rescaled. ``city_land_area_candidates_lowtrust.csv`` is deliberately NOT built: its provenance
says it is not an official table and its sources conflict.
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
    canonical_unit,
    read_source,
    set_units,
    to_number,
    with_zh,
    zh_flags,
)
from .innovation import REGION_RENAMES, cells, ind

EA = "environment_area"
IDE = "innovation_digital_env"

#: Units of this folder -> the kit's spelling (labels only).
ENV_UNITS: dict[str, str] = {
    "km2": "km2",
    "percent of PRC total in the list": "percent",
    "10k km2 (万平方公里), approximate": "10k km2",
    "10k km2 (万平方千米)": "10k km2",
    "10k tonnes (万吨)": "10k tonnes",
    "10k tonnes": "10k tonnes",
    "100 million tonnes (亿吨)": "100 million tonnes",
    "10k weight cases (万重量箱)": "10k weight cases",
    "ug/m3 (微克/立方米)": "ug/m3",
    "percent y/y": "percent",
}

#: Indicators published in a second unit get a suffixed code instead of a rescaled value.
SECOND_UNIT_SUFFIX: dict[str, str] = {"10k km2": "_10k_km2", "100 million tonnes": "_100m_t"}

FLAG_LOW_TRUST = ("the data scout rates this point's source as low or low-medium trust (single "
                  "unofficial page, rounded or unverified); see the trust and note columns")
FLAG_YEAR_NOT_STATED = ("the source gives no data year: the year is the kit's nominal reference "
                        "year for the point (see the table's caveats), not a data year")

TRUST_FIELD = {"name": "trust", "type": "string",
               "description": "The data scout's trust rating of the point's source, as in "
                              "the source file."}
PUB_FIELD = {"name": "source_publication", "type": "string",
             "description": "Official publication (or article) the figure is quoted from."}
PAGE_FIELD = {"name": "source_page", "type": "string",
              "description": "Web address (or repository) where the figure was read."}
NOTE_FIELD = {"name": "note", "type": "string", "description": "The data scout's note."}
REF_FIELDS = [TRUST_FIELD, PUB_FIELD, PAGE_FIELD, NOTE_FIELD]

LICENCE_PAGES = (
    "Figures published by statistics offices and government bodies (facts), quoted from web "
    "pages that report them; reproduced with attribution. The kit's compilation and metadata "
    "are MIT-licensed like the kit."
)


def is_low_trust(trust: str) -> bool:
    """True for the scout's 'low' and 'low-medium'/'medium-low' ratings."""
    t = trust.strip().lower()
    return t.startswith("low") or t.startswith("medium-low")


def read_points(root: Path, relpath: str, vintages: dict[str, str],
                indicators: dict[str, dict[str, Any]], nominal_year: int | None = None,
                regions: dict[str, str] | None = None) -> pd.DataFrame:
    """Read one ``environment_area`` file into contract columns plus ``REF_FIELDS``.

    Args:
        vintages: the source's vintage text -> the kit's code; every text must be mapped.
            ``"as above"``-style texts refer to the previous row and are resolved in file
            order before mapping.
        nominal_year: year to use where the source's year is empty (rows then get the flag
            ``year_not_stated``); if None, an empty year is an error.
        regions: extra region renames (e.g. ``"Shandong (province)" -> "Shandong"``).
    """
    src = read_source(root, relpath)
    text = src["vintage"].where(~src["vintage"].str.lower().str.startswith("as "), None).ffill()
    unmapped = sorted(set(text) - set(vintages))
    if unmapped:
        raise BuildError(f"{relpath}: unmapped vintage text(s) {unmapped}")
    unit = src["unit"].map(lambda u: ENV_UNITS.get(u.strip(), canonical_unit(u)))
    indicator = src["indicator"].str.strip() + unit.map(lambda u: SECOND_UNIT_SUFFIX.get(u, ""))
    no_year = src["year"].str.strip() == ""
    if no_year.any() and nominal_year is None:
        raise BuildError(f"{relpath}: {int(no_year.sum())} row(s) without a year")
    df = pd.DataFrame({
        "region": src["region"].str.strip().replace({**REGION_RENAMES, **(regions or {})}),
        "region_zh": src["region_zh"].str.strip(),
        "year": src["year"].where(~no_year, str(nominal_year)).astype(int),
        "indicator": indicator,
        "value": to_number(src["value"], relpath),
        "unit": unit,
        "vintage": text.map(vintages),
        "flag": "",
        "trust": src["trust"] if "trust" in src else "",
        "source_publication": src["source_publication"],
        "source_page": src["source_repo_or_page"],
        "note": src["note"],
    })
    df = set_units(df, indicators, relpath)
    df = add_flag(df, no_year, "year_not_stated")
    return add_flag(df, df["trust"].map(is_low_trust), "low_trust")


def _pages(pages: list[str]) -> list[dict[str, str]]:
    return [{"page": p} for p in pages]


# --------------------------------------------------------------------------------------------
# province_land_area
# --------------------------------------------------------------------------------------------

F_LAND = f"{EA}/province_land_area.csv"
LAND_NOMINAL_YEAR = 2023
_WIKI = ('Wikipedia list as stored (areas "as reported by the national or provincial-level '
         'government"; each row cites a government overview page)')
V_LAND = {
    _WIKI: "wiki_list",
    "Wikipedia list as stored": "wiki_list",
    "commonly cited official round figure": "official_round",
    "current provincial figure": "hebei_current",
    "older provincial figure (2000s)": "hebei_2000s",
    'older encyclopedic vintage (Vietnamese Wikipedia list, "figures from different sources")':
        "vi_wiki_older",
}
LAND_INDICATORS: dict[str, dict[str, Any]] = {
    "land_area": ind("Land area", "土地面积", "km2",
                     "Area of the province (or country) in square kilometres, as reported by "
                     "government overview pages.", "neither", 0, 1e7),
    "land_area_national_share": ind(
        "Share of China's land area", "占全国面积比重", "percent",
        "The province's area as a percentage of the list's PRC total (9,616,400 km2).",
        "neither", 0, 100),
    "land_area_10k_km2": ind(
        "Land area (as stated in 10k km2)", "土地面积(万平方千米)", "10k km2",
        "A rounded land-area figure quoted in units of 10,000 km2 (kept in its own unit).",
        "neither", 0, 1000),
}


def build_province_land_area(root: Path) -> pd.DataFrame:
    """Land area of China's provinces (Wikipedia's government-sourced list) and variants."""
    df = read_points(root, F_LAND, V_LAND, LAND_INDICATORS, nominal_year=LAND_NOMINAL_YEAR,
                     regions={"China (PRC total in list)": "China"})
    # The 960 (10k km2) row is rated low only because of its web page; the provenance says the
    # round figure itself is the standard official one, so it is not flagged low_trust.
    official = (df["vintage"] == "official_round")
    df.loc[official, "flag"] = df.loc[official, "flag"].str.replace("low_trust", "").str.strip(";")
    return df


# --------------------------------------------------------------------------------------------
# pm25_city_2017 and pm25_hebei_province
# --------------------------------------------------------------------------------------------

F_PM_CITY = f"{EA}/pm25_city_annual_mean_ccsy_2017.csv"
F_PM_HEBEI = f"{EA}/pm25_hebei_province_reference_points.csv"
PM25_INDICATORS = {
    "pm25_annual_mean": ind(
        "PM2.5 annual mean concentration", "PM2.5年平均浓度", "ug/m3",
        "Average concentration of fine particles (diameter 2.5 micrometres or less) over "
        "the year, in micrograms per cubic metre. China's standard is 35, WHO's guideline 5.",
        "lower", 0, 250),
}
V_PM_CITY = {"China City Statistical Yearbook 2018 edition (data year 2017), whole city (全市)":
             "ccsy_2018"}
V_PM_HEBEI = {"Hebei Department of Ecology and Environment annual figure": "hebei_dee"}


def build_pm25_city_2017(root: Path) -> pd.DataFrame:
    """PM2.5 annual mean of 222 prefecture-level cities, 2017 (China City Statistical Yearbook)."""
    src = read_source(root, F_PM_CITY)
    df = read_points(root, F_PM_CITY, V_PM_CITY, PM25_INDICATORS)
    df["province"] = src["province"].str.strip()
    df["province_zh"] = src["province_zh"].str.strip()
    df["bohai_rim"] = src["bohai_rim"].str.strip().map({"True": True, "False": False})
    if df["bohai_rim"].isna().any():
        raise BuildError(f"{F_PM_CITY}: bohai_rim is not True/False everywhere")
    # Same pinyin, different cities (苏州/宿州, 福州/抚州, 伊春/宜春): add the province.
    dup = df["region"].duplicated(keep=False)
    df.loc[dup, "region"] = df.loc[dup, "region"] + " (" + df.loc[dup, "province"] + ")"
    suspicious = src["note"].str.contains("SUSPICIOUS", regex=False)
    return add_flag(df, suspicious, "suspicious")


def build_pm25_hebei_province(root: Path) -> pd.DataFrame:
    """Hebei's province-wide PM2.5 annual mean, five reference years 2013-2023."""
    return read_points(root, F_PM_HEBEI, V_PM_HEBEI, PM25_INDICATORS)


# --------------------------------------------------------------------------------------------
# steel_reference_points
# --------------------------------------------------------------------------------------------

F_STEEL_WEB = f"{IDE}/crude_steel_webpage_reference_points.csv"
F_STEEL_REF = f"{EA}/crude_steel_building_materials_reference_points.csv"
V_STEEL = {
    "NBS monthly cumulative Jan-Dec (enterprises above designated size)": "nbs_monthly_cum",
    "Hebei statistical bureau, enterprises above designated size": "hebei_bureau",
    "NBS first-release national figures as quoted": "nbs_first_release",
}
_T = "10k tonnes"
_HT = "100 million tonnes"
STEEL_INDICATORS: dict[str, dict[str, Any]] = {
    "crude_steel_output": ind("Crude steel output", "粗钢产量", _T,
                              "Crude steel produced in the year by enterprises above designated "
                              "size (Jan-Dec cumulative).", "neither", 0, 1.2e5),
    "crude_steel_output_100m_t": ind("Crude steel output (as stated in 100 million tonnes)",
                                     "粗钢产量(亿吨)", _HT,
                                     "National crude steel output as quoted in 亿吨 "
                                     "(100 million tonnes).", "neither", 0, 20),
    "crude_steel_output_top5_sum": ind("Crude steel output of the five largest producers",
                                       "前五省粗钢产量合计", _T,
                                       "Sum for Hebei, Jiangsu, Shandong, Liaoning and Shanxi "
                                       "as printed by the page.", "neither", 0, 1.2e5),
    "crude_steel_share_of_national": ind("Share of national crude steel output",
                                         "粗钢产量占全国比重", "percent",
                                         "The province's crude steel as a percentage of "
                                         "China's.", "neither", 0, 100),
    "pig_iron_output_100m_t": ind("Pig iron output (as stated in 100 million tonnes)",
                                  "生铁产量(亿吨)", _HT, "National pig iron output.", "neither",
                                  0, 20),
    "pig_iron_share_of_national": ind("Share of national pig iron output", "生铁产量占全国比重",
                                      "percent", "The province's pig iron as a percentage of "
                                      "China's.", "neither", 0, 100),
    "steel_products_output": ind("Steel products output", "钢材产量", _T,
                                 "Finished steel products (includes duplicated material).",
                                 "neither", 0, 2e5),
    "steel_products_output_100m_t": ind("Steel products output (as stated in 100 million "
                                        "tonnes)", "钢材产量(亿吨)", _HT,
                                        "National finished steel output, including duplicated "
                                        "material.", "neither", 0, 30),
    "steel_products_share_of_national": ind("Share of national steel products output",
                                            "钢材产量占全国比重", "percent",
                                            "The province's steel products as a percentage of "
                                            "China's.", "neither", 0, 100),
    "cement_output": ind("Cement output", "水泥产量", _T, "Cement produced in the year.",
                         "neither", 0, 3e5),
    "plate_glass_output": ind("Plate glass output", "平板玻璃产量", "10k weight cases",
                              "Plate glass produced, in weight cases (1 case = 50 kg of 2 mm "
                              "glass).", "neither", 0, 2e5),
}


def build_steel_reference_points(root: Path) -> pd.DataFrame:
    """Crude steel (and some building materials) reference points, 2000-2023, with trust."""
    ref = read_points(root, F_STEEL_REF, V_STEEL, STEEL_INDICATORS)
    ref["value_as_quoted"] = ""
    ref["source_file"] = F_STEEL_REF
    web_src = read_source(root, F_STEEL_WEB)
    web = pd.DataFrame({
        "region": web_src["region"].str.strip().replace(REGION_RENAMES),
        "region_zh": web_src["region_zh"].str.strip(),
        "year": web_src["year"].astype(int),
        "indicator": web_src["indicator"].str.strip(),
        "value": to_number(web_src["value"], F_STEEL_WEB),
        "unit": web_src["unit"],
        # 2018 is the NBS Jan-Dec cumulative table; 2019-2020 are quotes from trade press.
        "vintage": web_src["source_says"].map(
            lambda s: "nbs_monthly_cum" if "Jan-Dec 2018 cumulative" in s else "press_quotes"),
        "flag": "",
        "trust": web_src["trust"],
        "source_publication": web_src["source_says"],
        "source_page": web_src["source_page"],
        "note": "",
        "value_as_quoted": web_src["value_as_quoted"],
        "source_file": F_STEEL_WEB,
    })
    web = set_units(web, STEEL_INDICATORS, F_STEEL_WEB)
    web = add_flag(web, web["trust"].map(is_low_trust), "low_trust")
    # The scout converted a value quoted in 亿吨 to 万吨 (Hebei 2020: 2.498亿吨 -> 24980).
    web = add_flag(web, web["value_as_quoted"].str.contains("亿吨", regex=False), "derived")
    return pd.concat([web, ref], ignore_index=True)


# --------------------------------------------------------------------------------------------
# bohai_city_gdp_2023
# --------------------------------------------------------------------------------------------

F_BOHAI = f"{EA}/bohai_city_gdp_2023_communique_points.csv"
V_BOHAI = {"statistical communique / press release (preliminary, pre-5th-census vintage)":
           "communique_pre5th"}
_YI = "100 million yuan"
BOHAI_INDICATORS: dict[str, dict[str, Any]] = {
    "gdp": ind("Gross regional product", "地区生产总值", _YI,
               "Value of all final goods and services produced in the year, current prices, "
               "as first published (before the 5th economic census revision).", "higher", 0,
               2e5),
    "va_primary": ind("Value added of the primary sector", "第一产业增加值", _YI,
                      "Farming, forestry, animal husbandry and fishery.", "neither", 0, 2e5),
    "va_secondary": ind("Value added of the secondary sector", "第二产业增加值", _YI,
                        "Industry and construction.", "neither", 0, 2e5),
    "va_tertiary": ind("Value added of the tertiary sector", "第三产业增加值", _YI,
                       "Services.", "neither", 0, 2e5),
    "gdp_per_capita": ind("GDP per person", "人均地区生产总值", "yuan per person",
                          "GDP divided by the average resident population.", "higher", 5000,
                          400000),
    "pop_yearend_resident": ind("Year-end resident population", "年末常住人口", "10k persons",
                                "People living in the region at year end.", "neither", 0,
                                20000),
}


def build_bohai_city_gdp_2023(root: Path) -> pd.DataFrame:
    """2023 communique GDP of Dalian and Yantai (plus check rows), pre-5th-census vintage."""
    src = read_source(root, F_BOHAI)
    df = read_points(root, F_BOHAI, V_BOHAI, BOHAI_INDICATORS,
                     regions={"Shandong (province)": "Shandong",
                              "Liaoning (province)": "Liaoning"})
    df["province"] = src["province"].str.strip()
    df = df[["region", "region_zh", "year", "indicator", "value", "unit", "vintage", "flag",
             "province", "trust", "source_publication", "source_page", "note"]]
    return add_flag(df, df["year"] == 2023, "preliminary")


# --------------------------------------------------------------------------------------------
# hebei_hightech_reference
# --------------------------------------------------------------------------------------------

F_HT = f"{EA}/hebei_hightech_share_and_clusters.csv"
V_HT = {"Hebei statistical bureau / provincial government statements": "hebei_statements"}
_P = "percent"
HT_INDICATORS: dict[str, dict[str, Any]] = {
    "hightech_industry_va_share_of_above_scale_industry": ind(
        "High-tech industry share of value added of industry above designated size",
        "高新技术产业增加值占规模以上工业比重", _P,
        "Value added of high-tech industries as a percentage of that of all industrial "
        "enterprises above designated size (annual revenue of 20 million yuan or more), full "
        "year.", "higher", 0, 100),
    "hightech_industry_va_growth": ind(
        "High-tech industry value added growth", "高新技术产业增加值增速", _P,
        "Real year-on-year growth of high-tech industry value added (above designated size).",
        "higher", -50, 100),
    "hightech_industry_va_share_of_industry_H1": ind(
        "High-tech industry share of industry, January-June", "上半年高新技术产业占工业比重", _P,
        "Share for the first half-year only (2012 wording: of all industry); not comparable "
        "with full-year values.", "higher", 0, 100),
    "hightech_industry_va_share_of_above_scale_industry_H1": ind(
        "High-tech industry share of industry above designated size, January-June",
        "上半年高新技术产业增加值占规上工业比重", _P,
        "Share for the first half-year only; not comparable with full-year values.",
        "higher", 0, 100),
    "hightech_industry_va_share_of_above_scale_industry_Jan_Apr": ind(
        "High-tech industry share of industry above designated size, January-April",
        "1-4月高新技术产业增加值占规上工业比重", _P,
        "Share for January-April only; not comparable with full-year values.", "higher", 0,
        100),
    "provincial_key_characteristic_industrial_clusters": ind(
        "Provincial key characteristic industrial clusters", "省级重点特色产业集群", "clusters",
        "Number of county-based industrial clusters the province designates as key "
        "characteristic clusters (e.g. Linxi bearings, Qinghe cashmere).", "neither", 0, 1000),
}
PARTIAL_YEAR = [c for c in HT_INDICATORS if c.endswith(("_H1", "_Jan_Apr"))]


def build_hebei_hightech_reference(root: Path) -> pd.DataFrame:
    """Hebei's high-tech industry share (2023 full year, partial years) and cluster count."""
    df = read_points(root, F_HT, V_HT, HT_INDICATORS)
    df = add_flag(df, df["indicator"].isin(PARTIAL_YEAR), "partial_year")
    return add_flag(df, cells(df, [("Hebei", 2025,
                                    "provincial_key_characteristic_industrial_clusters")]),
                    "publication_year")


# --------------------------------------------------------------------------------------------
# Tables
# --------------------------------------------------------------------------------------------

_SCOUT5 = ("Points collected by the data scout from stored web pages (and one repository); "
           "every row names its publication and page.")

TABLES: list[Table] = [
    Table(
        name="province_land_area",
        title="Land area of China's provinces (government figures via Wikipedia's list)",
        description=(
            "Land area in km2 and share of China's area for the 31 provinces, Hong Kong and "
            "Macau, with older or rounded variants for Hebei, the Bohai provinces and China. "
            "Use it to check the claim that the Bohai Rim holds 5.4 % of China's area. Areas "
            "have no data year: year is a nominal 2023."),
        build=build_province_land_area,
        origin={
            "producer": "Central and provincial governments of China (overview pages cited row "
                        "by row)",
            "publication": "Wikipedia, List of Chinese administrative divisions by area (areas "
                           "'as reported by the national or provincial-level government'), plus "
                           "quoted provincial overview figures",
            "table": "Province, area (km2), share of national total (%)",
            "vintages": {
                "wiki_list": "Main list as stored (en.wikipedia rows 1-23, worddisk.com mirror "
                             "of the same article for rows 24-33 and the PRC total 9,616,400).",
                "official_round": "The standard round official figure for China, about 960 "
                                  "(10k km2), quoted on a weak page.",
                "hebei_current": "Hebei's current provincial figure, 18.88 (10k km2).",
                "hebei_2000s": "Hebei's older official figure of the 2000s, 187,693 km2.",
                "vi_wiki_older": "Older encyclopedic vintage (Vietnamese Wikipedia) for the five "
                                 "Bohai provinces and China; kept only to show the 5.4 % share "
                                 "is robust.",
            },
            "obtained_from": _pages([
                "https://en.wikipedia.org/wiki/List_of_Chinese_administrative_divisions_by_area"]),
            "licence_note": "Areas are facts published by governments; the list is Wikipedia "
                            "content (CC BY-SA), used here for the figures only, with "
                            "attribution. " + LICENCE_PAGES,
            "caveats": [
                "No official NBS table of province land areas was found: figures come through "
                "Wikipedia's government-sourced list (trust medium-high).",
                "The source gives no year: every row has the nominal year 2023 (the year of "
                "the seed claim it serves) and the flag year_not_stated.",
                "Figures stated in 10k km2 keep their unit under land_area_10k_km2 (not "
                "rescaled).",
                "Check: Beijing + Tianjin + Hebei + Shandong + Liaoning = 522,628 km2 = 5.44 % "
                "of 9.6 million km2 (5.43 % of the list total); 5.40 % with the older "
                "vintage.",
                "Not built: city land-area candidates (not an official table; sources "
                "conflict).",
            ],
            "citation": "Land area of China's provincial divisions as reported by central and "
                        "provincial governments (Wikipedia, List of Chinese administrative "
                        "divisions by area).",
        },
        indicators=LAND_INDICATORS,
        flags={"year_not_stated": FLAG_YEAR_NOT_STATED, "low_trust": FLAG_LOW_TRUST},
        extra_fields=REF_FIELDS,
    ),
    Table(
        name="pm25_city_2017",
        title="PM2.5 annual mean by city, 2017 (China City Statistical Yearbook)",
        description=(
            "Annual mean PM2.5 concentration of 222 prefecture-level cities in 2017, including "
            "all 11 Hebei cities, Beijing and Tianjin. Columns province and bohai_rim allow "
            "filtering. The only year available by city."),
        build=build_pm25_city_2017,
        origin={
            "producer": "National Bureau of Statistics of China (NBS), with data from the "
                        "Ministry of Ecology and Environment",
            "publication": "China City Statistical Yearbook 2018 (中国城市统计年鉴), data year "
                           "2017",
            "table": "2-8 可吸入细颗粒物年平均浓度和污水及生活垃圾处理率(全市) / Annual Mean "
                     "Concentration of PM2.5 (Total City)",
            "vintages": {"ccsy_2018": "China City Statistical Yearbook 2018 edition (data year "
                                      "2017), whole city, CNKI download."},
            "obtained_from": [{"repo": "KubiaPXH/air_pollution_in_China-M1_thesis",
                               "path": "data/raw/PM 2.5 Concentration.xls",
                               "commit": "80d6f55edadf371ad4aea0f1b11df2d581c47f46"}],
            "licence_note": "Official statistics (facts) reproduced with attribution; taken "
                            "from a thesis repository that states no licence.",
            "caveats": [
                "Data year 2017 only (inferred from the values: Beijing 58, Tianjin 62).",
                "Blank in the yearbook, so absent here: Shenyang, Liaoyang, Qingdao, Dongying, "
                "Yantai, Weifang, Tai'an and Linyi.",
                "Kaifeng (116) and Xiangtan (79) are far above neighbouring cities, probably "
                "yearbook errors: flagged suspicious, kept as published.",
                "Same pinyin for different cities is disambiguated with the province, e.g. "
                "'Suzhou (Jiangsu)' 苏州市 and 'Suzhou (Anhui)' 宿州市.",
                "Simple mean of Hebei's 11 cities = 66.3 against the provincial 65 "
                "(pm25_hebei_province).",
            ],
            "citation": "National Bureau of Statistics of China, China City Statistical "
                        "Yearbook 2018, table 2-8, annual mean PM2.5 concentration by city, "
                        "2017.",
        },
        indicators=PM25_INDICATORS,
        flags={"suspicious": STANDARD_FLAGS["suspicious"]},
        extra_fields=[PUB_FIELD, PAGE_FIELD, NOTE_FIELD] + [
            {"name": "province", "type": "string", "constraints": {"required": True},
             "description": "English name of the city's province."},
            {"name": "province_zh", "type": "string", "constraints": {"required": True},
             "description": "Chinese name of the province."},
            {"name": "bohai_rim", "type": "boolean", "constraints": {"required": True},
             "description": "True for cities of Beijing, Tianjin, Hebei, Liaoning and "
                            "Shandong."},
        ],
    ),
    Table(
        name="pm25_hebei_province",
        title="Hebei's province-wide PM2.5 annual mean, reference years 2013-2023",
        description=(
            "Hebei's average PM2.5 concentration for 2013, 2017, 2018, 2021 and 2023 as "
            "stated by the provincial government and its ecology bulletins. Other years were "
            "not found."),
        build=build_pm25_hebei_province,
        origin={
            "producer": "Hebei Department of Ecology and Environment / Hebei provincial "
                        "government",
            "publication": "Press conferences and the Hebei Ecological Environment Bulletin, as "
                           "reported by Xinhua and other pages (see source_publication)",
            "table": "Province-wide annual mean PM2.5",
            "vintages": {"hebei_dee": "Annual figure stated by Hebei's ecology department or "
                                      "government."},
            "obtained_from": _pages([
                "http://0514f.cn/c/2018-01-05/1923821.shtml",
                "https://jxxfw.com/periodical/37bc741471c1734c519c88ac6f054417.html",
                "http://huabeizxw.com/shizheng/20220602/2475.html",
                "http://xghzsq.com/sh/16401.html"]),
            "licence_note": LICENCE_PAGES,
            "caveats": [
                "Missing: 2014-2016, 2019, 2020 and 2022.",
                "2023 (38.6) comes from a single scrambled repost: flagged low_trust.",
                "Consistent internally: 65 -> 56 is the stated -14 %, 108 -> 65 the stated "
                "-39.8 %.",
            ],
            "citation": "Hebei Department of Ecology and Environment, province-wide annual mean "
                        "PM2.5 (as reported in press releases and bulletins), 2013-2023.",
        },
        indicators=PM25_INDICATORS,
        flags={"low_trust": FLAG_LOW_TRUST},
        extra_fields=REF_FIELDS,
    ),
    Table(
        name="steel_reference_points",
        title="Crude steel and building-materials reference points (no panel exists)",
        description=(
            "Crude steel output by province for 2018 (28 provinces) and 2023 (14 provinces), "
            "Hebei for 2019-2020, national totals 2000-2020 and Hebei's 2023 steel products, "
            "cement and plate glass. Each point keeps its source and trust rating; no "
            "provincial crude-steel panel was found."),
        build=build_steel_reference_points,
        origin={
            "producer": "National Bureau of Statistics of China (NBS) and Hebei Provincial "
                        "Bureau of Statistics",
            "publication": "NBS monthly industrial output statistics (Jan-Dec cumulative, "
                           "enterprises above designated size), NBS first releases and the Hebei "
                           "bureau's 75th-anniversary report, as quoted by web pages",
            "table": "Output of main industrial products: crude steel, pig iron, steel "
                     "products, cement, plate glass",
            "vintages": {
                "nbs_monthly_cum": "NBS monthly statistics, January-December cumulative, "
                                   "enterprises above designated size (2018: 28 provinces; "
                                   "2023: 14 provinces).",
                "press_quotes": "Trade-press or news pages quoting NBS provincial figures for "
                                "2019-2020, some rounded.",
                "hebei_bureau": "Hebei statistical bureau, 75th-anniversary report (2023 "
                                "figures).",
                "nbs_first_release": "NBS first-release national figures as quoted by "
                                     "中国铁合金网; may differ from later yearbook values.",
            },
            "obtained_from": _pages([
                "http://www.visiochats.com/News?id=254379&tp=1",
                "https://www.ferro-alloys.com/News/Details/296412",
                "http://chinaccm.cn/27/20210222/270503_6910745.shtml",
                "https://www.hebtv.com/19/19js/zx/lbhj/11645337.shtml"]),
            "licence_note": LICENCE_PAGES,
            "caveats": [
                "Points, not a panel: do not draw lines through years of different vintages.",
                "Check: the 28 provincial values of 2018 sum to 92,826.4 (10k tonnes) = NBS "
                "national 2018 output; the 2023 top-5 sum equals the page's own total.",
                "Hebei 2023 appears twice, NBS monthly 21,050.63 and Hebei bureau 21,050.6 "
                "(they agree); both are kept under their vintages.",
                "National figures quoted in 100 million tonnes keep that unit under *_100m_t "
                "codes (not rescaled). Hebei 2020 (24,980) was converted by the data scout "
                "from 2.498 (100 million tonnes): flagged derived; value_as_quoted keeps the "
                "quote.",
                "Low or low-medium trust points (single trade-press pages) are flagged "
                "low_trust, e.g. Shandong 2019 (6,357) implies an unverified -11 %.",
                "Beijing is absent: its crude-steel output has been 0 since Shougang moved.",
                "Each row's source_file says which shared file it comes from.",
            ],
            "citation": "NBS and Hebei Provincial Bureau of Statistics, crude steel and "
                        "building-materials output (reference points quoted from web pages, "
                        "2000-2023).",
        },
        indicators=STEEL_INDICATORS,
        flags={"low_trust": FLAG_LOW_TRUST, "derived": STANDARD_FLAGS["derived"]},
        extra_fields=REF_FIELDS + [
            {"name": "value_as_quoted", "type": "string",
             "description": "The figure as printed on the page (web-page file only)."},
            {"name": "source_file", "type": "string",
             "description": "Which file of ../shared/sources the row comes from."},
        ],
    ),
    Table(
        name="bohai_city_gdp_2023",
        title="2023 GDP of Bohai-coast cities from statistical communiques (Dalian, Yantai)",
        description=(
            "GDP and three sectors in 2023 for Dalian and Yantai (plus Dalian's population and "
            "GDP per person), with check rows for Yantai 2020 and the Shandong and Liaoning "
            "provincial totals. Preliminary, pre-5th-census figures: do not mix with the "
            "revised provincial series."),
        build=build_bohai_city_gdp_2023,
        origin={
            "producer": "Municipal and provincial statistics bureaus of Dalian, Yantai, Shandong "
                        "and Liaoning",
            "publication": "Statistical communiques on national economic and social development "
                           "and press releases (see source_publication)",
            "table": "GDP, value added of three sectors, GDP per capita, resident population",
            "vintages": {"communique_pre5th": "Communique / press-release figures, preliminary "
                                              "and published before the 5th economic census "
                                              "revision."},
            "obtained_from": _pages([
                "https://jp.dl.gov.cn/art/2023/11/9/art_1261_2205235.html",
                "http://pifadangkou.com/hkcdweb/content/2024/01/31/content_8621392.html",
                "https://tjgb.hongheiku.com/1230.html",
                "https://tjgb.hongheiku.com/sjtjgb/45559.html",
                "https://m.mysteel.com/a/24011916/730832A96927AAD1_abc.html"]),
            "licence_note": LICENCE_PAGES,
            "caveats": [
                "Preliminary, pre-5th-census figures (flag preliminary on 2023 rows): Shandong "
                "2023 is 92,068.7 here, 94,206.4 in the revised NBS series.",
                "Primary + secondary + tertiary = GDP to the last digit in every row.",
                "Yantai 2020 rows are check rows: they equal the Shandong Statistical Yearbook.",
                "Missing for 2023: Dandong, Jinzhou, Yingkou, Panjin, Huludao, Weifang, "
                "Dongying, Binzhou, and Yantai's population.",
            ],
            "citation": "Statistical communiques of Dalian, Yantai, Shandong and Liaoning on "
                        "2023 national economic and social development (preliminary figures).",
        },
        indicators=BOHAI_INDICATORS,
        flags={"preliminary": STANDARD_FLAGS["preliminary"], "low_trust": FLAG_LOW_TRUST},
        checks=[{"type": "sum", "parts": ["va_primary", "va_secondary", "va_tertiary"],
                 "total": "gdp", "abs_tol": 0.015}],
        extra_fields=[
            {"name": "province", "type": "string", "constraints": {"required": True},
             "description": "English name of the province."},
            *REF_FIELDS],
    ),
    Table(
        name="hebei_hightech_reference",
        title="Hebei: high-tech industry share of industry (2023 and partial years), clusters",
        description=(
            "The share of high-tech industries in the value added of Hebei's industry above "
            "designated size: 21.4 % in 2023 (full year), with partial-year statements for "
            "2012, 2017, 2018, 2021 and 2024 that are NOT comparable with it, and the number "
            "of provincial key industrial clusters (107)."),
        build=build_hebei_hightech_reference,
        origin={
            "producer": "Hebei Provincial Bureau of Statistics and provincial government",
            "publication": "Hebei bureau's 75th-anniversary report (via Hebei TV), half-year "
                           "high-tech industry bulletins and press conferences (via provincial "
                           "newspapers)",
            "table": "High-tech industry value added share of industry above designated size",
            "vintages": {"hebei_statements": "Statements of the Hebei statistics bureau or "
                                             "government, as reported (see source_page)."},
            "obtained_from": _pages([
                "https://www.hebtv.com/19/19js/zx/lbhj/11645337.shtml",
                "http://thebrewdiaries.com/gxrd/zcwj/2843.html",
                "http://finance.hebei.com.cn/system/2017/05/27/018248654.shtml",
                "http://heb.hebei.com.cn/system/2018/05/22/018822663.shtml",
                "https://heb.hebei.com.cn/system/2021/07/23/100724616.shtml",
                "http://czrb.bohaitoday.com/pc/content/202407/28/content_135415.html",
                "https://www.hsrb.com.cn/detail/176250765021381.html"]),
            "licence_note": LICENCE_PAGES,
            "caveats": [
                "Only 2023 is a full-year value; 2014-2022 annual values were not found.",
                "Partial-year values (January-June, January-April) are flagged partial_year "
                "and have their own indicator codes: never plot them as an annual series.",
                "The cluster count's year (2025) is the publication period of a review "
                "article, flagged publication_year.",
                "The source says 2023 is '13.9 points above 2005'; the 2005 level is not "
                "stated and was not computed.",
            ],
            "citation": "Hebei Provincial Bureau of Statistics, high-tech industry share of "
                        "industry above designated size (statements reported 2012-2025).",
        },
        indicators=HT_INDICATORS,
        flags={"partial_year": "the figure covers part of the year only (see the indicator "
                               "code); not comparable with full-year values",
               "publication_year": "year is the publication period of the statement, not a "
                                   "data year",
               "low_trust": FLAG_LOW_TRUST},
        extra_fields=REF_FIELDS,
    ),
]


# --------------------------------------------------------------------------------------------
# Chinese metadata (Table.zh): one entry per table above, caveats in the same order
# --------------------------------------------------------------------------------------------

_YEAR_NOT_STATED = ("来源没有给出数据年份：年份是本工具包为该点设定的名义参考年份"
                    "（见该表的注意事项），不是数据年份")
_HEBEI_75 = "河北省统计局《新中国成立75周年河北经济社会发展成就系列报告》"

ZH_META: dict[str, dict[str, Any]] = {
    "province_land_area": {
        "title": "全国各省土地面积（政府公布的数字，经维基百科列表获取）",
        "description": "31个省（区、市）及香港、澳门的土地面积（平方公里）和占全国面积的比重，"
                       "另有河北、环渤海各省市和全国的旧版本或取整数字。"
                       "可用来核对“环渤海地区占全国面积5.4%”的说法。面积没有数据年份："
                       "年份名义上记为2023年。",
        "producer": "中国中央和各省级政府（逐行引用的概况页面）",
        "publication": "维基百科 *List of Chinese administrative divisions by "
                       "area*（面积为“国家或省级政府公布的数字”），另加引用的各省概况数字",
        "table": "省份，面积（平方公里），占全国总面积的比重（%）",
        "citation": "中央和各省级政府公布的中国省级行政区土地面积（维基百科 *List of Chinese "
                    "administrative divisions by area*）。",
        "caveats": [
            "没有找到国家统计局的各省土地面积官方表格：数字来自维基百科依据政府数字编制的列表（可信"
            "度中高）。",
            "来源没有给出年份：每行的名义年份为2023年（该数据所服务的种子文件说法的年份），并标记 "
            "`year_not_stated`。",
            "以万平方公里表述的数字保留原单位，记在 `land_area_10k_km2` 下（不换算）。",
            "核对：北京、天津、河北、山东、辽宁合计522628平方公里，占960万平方公里的5.44%（占列表合"
            "计的5.43%）；按旧版本为5.40%。",
            "未收录：城市土地面积的候选数据（不是官方表格；各来源互相矛盾）。",
        ],
        "vintages": {
            "wiki_list": "所存的主列表（英文维基百科第1—23行，第24—33行及全国合计9616400平方公里取"
                         "自同一条目的 `worddisk.com` 镜像）。",
            "official_round": "全国的标准官方取整数字，约960万平方公里，引自一个较弱的网页。",
            "hebei_current": "河北现行的全省数字，18.88万平方公里。",
            "hebei_2000s": "河北2000年代的旧官方数字，187693平方公里。",
            "vi_wiki_older": "较早的百科版本（越南文维基百科），涵盖环渤海五省市和全国；"
                             "只用来说明5.4%这一比重是稳健的。",
        },
        "licence": ("面积是政府公布的事实；该列表为维基百科内容（CC BY-SA），此处只使用其中的数字并"
                    "注明出处。" + ZH["licence_pages"]),
        "flags": zh_flags(["year_not_stated", "low_trust"], year_not_stated=_YEAR_NOT_STATED),
    },
    "pm25_city_2017": {
        "title": "各城市PM2.5年平均浓度，2017年（《中国城市统计年鉴》）",
        "description": "2017年222个地级及以上城市的PM2.5年平均浓度，"
                       "包括河北全部11个设区市以及北京、天津。可按 `province` 和 `bohai_rim` "
                       "两列筛选。这是唯一能取得的分城市年份。",
        "producer": f"{ZH['nbs']}，数据来自生态环境部",
        "publication": "《中国城市统计年鉴2018》，数据年份2017年",
        "table": "2-8 可吸入细颗粒物年平均浓度和污水及生活垃圾处理率（全市）",
        "citation": "国家统计局，《中国城市统计年鉴2018》，表2-8，各城市PM2.5年平均浓度，2017年。",
        "caveats": [
            "只有2017年的数据（根据数值推断：北京58微克/立方米，天津62微克/立方米）。",
            "年鉴中为空白，因此本表没有：沈阳、辽阳、青岛、东营、烟台、潍坊、泰安和临沂。",
            "开封（116）和湘潭（79）远高于周边城市，可能是年鉴错误：标记为存疑，按公布值保留。",
            "拼音相同的不同城市用省份区分，例如“Suzhou (Jiangsu)”苏州市和“Suzhou (Anhui)”宿州市。",
            "河北11个设区市的简单平均为66.3，全省数字为65（`pm25_hebei_province`）。",
        ],
        "vintages": {"ccsy_2018": "《中国城市统计年鉴2018》（数据年份2017年），全市口径，"
                                  "从中国知网下载。"},
        "licence": "官方统计数据（事实），注明出处后转载；取自一个未声明许可的论文仓库。",
        "flags": zh_flags(["suspicious"]),
    },
    "pm25_hebei_province": {
        "title": "河北全省PM2.5年平均浓度，2013—2023年的参考年份",
        "description": "河北省政府及其生态环境状况公报公布的2013年、2017年、2018年、"
                       "2021年和2023年全省PM2.5平均浓度。其他年份没有找到。",
        "producer": "河北省生态环境厅、河北省人民政府",
        "publication": "新闻发布会和《河北省生态环境状况公报》，由新华社等网页报道（见 "
                       "`source_publication` 列）",
        "table": "全省PM2.5年平均浓度",
        "citation": "河北省生态环境厅，全省PM2.5年平均浓度（据新闻稿和公报报道），2013—2023年。",
        "caveats": [
            "缺2014—2016年、2019年、2020年和2022年。",
            "2023年（38.6）来自一篇单一的、文字错乱的转载：标记为 `low_trust`。",
            "内部一致：65→56即所述的下降14%，108→65即所述的下降39.8%。",
        ],
        "vintages": {"hebei_dee": "河北省生态环境厅或省政府公布的年度数字。"},
        "licence": ZH["licence_pages"],
        "flags": zh_flags(["low_trust"]),
    },
    "steel_reference_points": {
        "title": "粗钢和建材产量参考点（没有面板数据）",
        "description": "各省粗钢产量2018年（28个省）和2023年（14个省）、河北2019—2020年、"
                       "全国2000—2020年的数字，以及河北2023年的钢材、水泥和平板玻璃产量。"
                       "每个点都保留其来源和可信度评级；没有找到分省粗钢产量的面板数据。",
        "producer": f"{ZH['nbs']}和{ZH['hebei_bureau']}",
        "publication": f"国家统计局月度工业产品产量统计（1—12月累计，规模以上工业）、"
                       f"国家统计局初次发布的数字和{_HEBEI_75}，由网页引用",
        "table": "主要工业产品产量：粗钢、生铁、钢材、水泥、平板玻璃",
        "citation": "国家统计局和河北省统计局，粗钢和建材产量（引自网页的参考点，2000—2023年）。",
        "caveats": [
            "这些是点，不是面板：不要在不同版本的年份之间连线。",
            "核对：2018年28个省的数值之和为92826.4万吨，等于国家统计局公布的2018年全国产量；"
            "2023年前五名之和等于该网页自己给出的合计。",
            "河北2023年出现两次，国家统计局月度数据21050.63万吨和河北省统计局21050.6万吨（两者一致"
            "）；两者都在各自的版本下保留。",
            "以亿吨表述的全国数字保留原单位，记在 `*_100m_t` 代码下（不换算）。"
            "河北2020年（24980万吨）由数据采集者从2.498亿吨换算而来：标记为 `derived`；"
            "`value_as_quoted` 列保留引用的原文。",
            "可信度低或中低的点（单一行业媒体网页）标记为 `low_trust`，例如山东2019年（6357万吨）"
            "意味着未经证实的下降11%。",
            "没有北京：首钢搬迁后北京的粗钢产量为0。",
            "每行的 `source_file` 列说明它来自哪个共享文件。",
        ],
        "vintages": {
            "nbs_monthly_cum": "国家统计局月度统计，1—12月累计，规模以上工业（2018年：28个省；"
                               "2023年：14个省）。",
            "press_quotes": "行业媒体或新闻网页引用的国家统计局2019—2020年分省数字，有的经过取整。",
            "hebei_bureau": f"{_HEBEI_75}（2023年数字）。",
            "nbs_first_release": "中国铁合金网引用的国家统计局初次发布的全国数字；"
                                 "可能与后来的年鉴数字不同。",
        },
        "licence": ZH["licence_pages"],
        "flags": zh_flags(["low_trust", "derived"]),
    },
    "bohai_city_gdp_2023": {
        "title": "渤海沿岸城市2023年地区生产总值，据统计公报（大连、烟台）",
        "description": "大连和烟台2023年的地区生产总值和三次产业增加值（另有大连的人口和人均地区生"
                       "产总值），以及烟台2020年和山东、辽宁全省合计的核对行。"
                       "均为第五次全国经济普查以前的初步数：不要与修订后的各省序列混用。",
        "producer": "大连市、烟台市、山东省和辽宁省的统计局",
        "publication": "国民经济和社会发展统计公报和新闻稿（见 `source_publication` 列），"
                       "例如《大连市2023年国民经济和社会发展统计公报》"
                       "《2023年山东省国民经济和社会发展统计公报》",
        "table": "地区生产总值，三次产业增加值，人均地区生产总值，常住人口",
        "citation": "大连、烟台、山东和辽宁2023年国民经济和社会发展统计公报（初步数）。",
        "caveats": [
            "第五次全国经济普查以前的初步数（2023年各行标记为初步数）："
            "山东2023年此处为92068.7亿元，修订后的国家统计局序列为94206.4亿元。",
            "每一行第一、二、三产业增加值之和都与地区生产总值分毫不差。",
            "烟台2020年各行为核对行：与《山东统计年鉴》一致。",
            "2023年缺：丹东、锦州、营口、盘锦、葫芦岛、潍坊、东营、滨州，以及烟台的人口。",
        ],
        "vintages": {"communique_pre5th": "统计公报或新闻稿的数字，为初步数，"
                                          "在第五次全国经济普查修订以前发布。"},
        "licence": ZH["licence_pages"],
        "flags": zh_flags(["preliminary", "low_trust"]),
    },
    "hebei_hightech_reference": {
        "title": "河北：高新技术产业占工业的比重（2023年及部分时期）和产业集群",
        "description": "高新技术产业增加值占河北规模以上工业增加值的比重：2023年（全年）为21.4%；"
                       "另有2012年、2017年、2018年、2021年和2024年的部分时期数字，与全年数不可比；"
                       "以及省级重点产业集群的个数（107个）。",
        "producer": f"{ZH['hebei_bureau']}和河北省人民政府",
        "publication": f"{_HEBEI_75}（经河北电视台）、高新技术产业半年统计公报和新闻发布会（经省内"
                       f"报纸）",
        "table": "高新技术产业增加值占规模以上工业增加值的比重",
        "citation": "河北省统计局，高新技术产业占规模以上工业的比重（2012—2025年报道的表述）。",
        "caveats": [
            "只有2023年是全年数；没有找到2014—2022年的年度数。",
            "部分时期的数字（1—6月、1—4月）标记为 `partial_year`，并使用各自的指标代码："
            "切勿把它们画成年度序列。",
            "产业集群个数的年份（2025年）是一篇综述文章的发表时期，标记为 `publication_year`。",
            "来源称2023年比2005年提高13.9个百分点；2005年的水平没有公布，也没有推算。",
        ],
        "vintages": {"hebei_statements": "河北省统计局或省政府的表述，按报道原样（见 `source_page` "
                                         "列）。"},
        "licence": ZH["licence_pages"],
        "flags": zh_flags(
            ["partial_year", "publication_year", "low_trust"],
            partial_year="数字只涵盖一年中的部分时期（见指标代码）；与全年数不可比",
            publication_year="年份是该表述的发表时期，不是数据年份"),
    },
}

TABLES = with_zh(TABLES, ZH_META)

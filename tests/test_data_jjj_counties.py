"""Tests of the Beijing-Tianjin-Hebei and Hebei-county tables (scripts/build_data/jjj.py and
counties.py): values equal the source CSVs read here independently with pandas, the identities
the sources allow hold (recomputed here, not taken from the build), flags sit where the
provenance notes put them, the mismatched county row is absent and the official statements are
kept apart from the statistics.

Tests marked ``shared`` need ``../shared/sources`` beside the kit and are skipped without it.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

import helpers
from helpers.data import DataError, load

SOURCES = Path(helpers.KIT_ROOT).parent / "shared" / "sources"
JJJ = SOURCES / "jjj_coordination"
CIE = SOURCES / "counties_industry_energy"
needs_sources = pytest.mark.skipif(not SOURCES.is_dir(), reason="../shared/sources absent")
shared = [pytest.mark.shared, needs_sources]
PKG = json.loads((helpers.DATA_DIR / "datapackage.json").read_text(encoding="utf-8"))
RES = {r["name"]: r for r in PKG["resources"] if r.get("x_kind", "table") == "table"}

NEW_TABLES = ["jjj_income_consumption", "jjj_gdp_pre5th_vintages", "jjj_tech_contracts",
              "jjj_transport_length", "jjj_health_education", "jjj_population_year_end",
              "hebei_county_census_population", "hebei_county_economy_2023",
              "province_industrial_products", "hebei_county_cluster_statements"]


def jjj_src(name: str) -> pd.DataFrame:
    return pd.read_csv(JJJ / f"{name}.csv")


def one(table: str, **where: object) -> float:
    """The single value of ``table`` at the given column values."""
    df = load(table)
    for col, val in where.items():
        df = df[df[col] == val]
    assert len(df) == 1, (table, where, df)
    return float(df["value"].iloc[0])


def src_value(df: pd.DataFrame, **where: object) -> float:
    for col, val in where.items():
        df = df[df[col] == val]
    assert len(df) == 1, (where, df)
    return float(df["value"].iloc[0])


# --------------------------------------------------------------------------------------------
# Every table: loads, carries origin, trust words and Chinese metadata
# --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", NEW_TABLES)
def test_table_loads_with_origin_and_chinese_metadata(name: str) -> None:
    df = load(name)
    assert len(df) == RES[name]["stats"]["rows"] > 0
    origin = RES[name]["x_origin"]
    for key in ("producer", "publication", "vintages", "obtained_from", "licence_note",
                "caveats", "citation"):
        assert origin[key], (name, key)
    assert set(df["vintage"]) <= set(origin["vintages"])
    assert RES[name]["x_zh"]["title"] and len(RES[name]["x_zh"]["caveats"]) == len(
        origin["caveats"])


def test_trust_levels_are_stated_in_words() -> None:
    text = {n: json.dumps(RES[n]["x_origin"]) for n in NEW_TABLES}
    assert "MEDIUM-LOW" in text["hebei_county_economy_2023"]
    assert "Trust high" in text["hebei_county_census_population"]
    assert "trust medium-high" in text["province_industrial_products"]
    assert "trust medium-low" in text["jjj_tech_contracts"]
    assert "Statements, not statistics" in text["hebei_county_cluster_statements"]


@pytest.mark.parametrize("name", [n for n in NEW_TABLES if n.startswith("jjj_")])
@pytest.mark.shared
@needs_sources
def test_jjj_repositories_and_commits_are_those_of_sources_csv(name: str) -> None:
    listed = {(r.repo, r.commit) for r in pd.read_csv(JJJ / "sources.csv").itertuples()}
    got = [(o["repo"], o["commit"]) for o in RES[name]["x_origin"]["obtained_from"]
           if "repo" in o]
    assert got and set(got) <= listed, got


# --------------------------------------------------------------------------------------------
# jjj_income_consumption
# --------------------------------------------------------------------------------------------

@pytest.mark.shared
@needs_sources
def test_income_values_equal_the_source() -> None:
    s = jjj_src("jjj_income_per_capita")
    for sid, vintage, region, year, zh, code in [
            ("A", "nbs_db_2021", "Hebei", 2019, "居民人均可支配收入", "disposable_income_pc"),
            ("A", "nbs_db_2021", "Tianjin", 2016, "农村居民人均消费支出", "consumption_pc_rural"),
            ("B", "nbs_db_2025_rounded", "Beijing", 2024, "居民人均可支配收入",
             "disposable_income_pc"),
            ("B", "nbs_db_2025_rounded", "Hebei", 2013, "居民人均可支配收入",
             "disposable_income_pc")]:
        want = src_value(s, source_id=sid, region_en=region, year=year, indicator_zh=zh)
        assert one("jjj_income_consumption", region=region, year=year, indicator=code,
                   vintage=vintage) == want
    kit = load("jjj_income_consumption")
    assert kit["year"].min() == 2013  # B's pre-2013 values are not the survey series


@pytest.mark.shared
@needs_sources
def test_income_copies_agree_after_rounding() -> None:
    kit = load("jjj_income_consumption", indicators="disposable_income_pc")
    w = kit.pivot_table(index=["region", "year"], columns="vintage", values="value").dropna()
    assert len(w) == 21
    assert (w["nbs_db_2021"].round(0) == w["nbs_db_2025_rounded"]).all()


# --------------------------------------------------------------------------------------------
# jjj_gdp_pre5th_vintages
# --------------------------------------------------------------------------------------------

@pytest.mark.shared
@needs_sources
def test_gdp_vintages_values_and_flag() -> None:
    s = jjj_src("jjj_gdp_vintages")
    assert one("jjj_gdp_pre5th_vintages", region="Hebei", year=2015,
               indicator="gdp_per_capita") == src_value(
        s, source_id="A", region_en="Hebei", year=2015, indicator_zh="人均地区生产总值")
    assert one("jjj_gdp_pre5th_vintages", region="Beijing", year=2022, indicator="gdp") == \
        src_value(s, source_id="F", region_en="Beijing", year=2022, indicator_zh="地区生产总值")
    kit = load("jjj_gdp_pre5th_vintages")
    # only what province_gdp_vintages lacks: F's GDP and A's GDP per person
    assert set(kit["vintage"]) == {"nbs_post4th_2021", "nbs_2023_rounded"}
    a = s[(s["source_id"] == "A") & (s["indicator_zh"] == "地区生产总值")]
    f = kit[(kit["indicator"] == "gdp") & (kit["year"] <= 2019)].merge(
        a, left_on=["region", "year"], right_on=["region_en", "year"])
    assert len(f) == 30
    # F is A rounded half to even (numpy's round): Tianjin 2011 8112.5 -> 8112 included
    assert (f["value_x"] == f["value_y"].round(0)).all()
    half_up = (f["value_y"] + 0.5).apply(int)
    assert (f["value_x"] != half_up).sum() == 1  # the provenance's "off by 1"
    assert (kit["flag"] == "").all()


def test_combined_gdp_2022_above_10_trillion_in_one_vintage_only() -> None:
    late = load("jjj_gdp_pre5th_vintages", indicators="gdp", years=[2022])
    prelim = load("province_gdp_vintages", regions=["Beijing", "Tianjin", "Hebei"],
                  indicators="gdp", years=[2022], vintage="nbs_pre5th_4threvised")
    assert len(late) == len(prelim) == 3
    assert late["value"].sum() > 100000 > prelim["value"].sum()


# --------------------------------------------------------------------------------------------
# jjj_tech_contracts
# --------------------------------------------------------------------------------------------

def test_nbs_tech_turnover_equals_tech_market_outflow() -> None:
    kit = load("jjj_tech_contracts", indicators="tech_market_turnover")
    tm = load("tech_market", regions=["Beijing", "Tianjin", "Hebei"],
              indicators="tech_market_turnover_outflow_value")
    m = kit.merge(tm, on=["region", "year"])
    assert len(m) == 27 and 2011 not in set(m["year"]) and 2011 in set(kit["year"])
    assert ((m["value_x"] - m["value_y"] / 10000).abs() <= 1e-4).all()


@pytest.mark.shared
@needs_sources
def test_tech_values_flags_and_beijing_sales() -> None:
    s = jjj_src("jjj_technology_market")
    want = src_value(s, source_id="J", region_en="Beijing", year=2023)
    assert one("jjj_tech_contracts", indicator="tech_contracts_beijing_to_tianjin_hebei",
               region="Beijing", year=2023) == want
    assert one("jjj_tech_contracts", indicator="rd_intensity_revised", region="Hebei",
               year=2024) == src_value(s, source_id="I", region_en="Hebei", year=2024,
                                       unit="%")
    kit = load("jjj_tech_contracts")
    low = kit["flag"].str.contains("low_trust")
    assert (low == kit["vintage"].isin(["bj_stats_jjj_column_2025",
                                        "bj_gov_work_report_2024"])).all()


# --------------------------------------------------------------------------------------------
# jjj_transport_length
# --------------------------------------------------------------------------------------------

@pytest.mark.shared
@needs_sources
def test_transport_copies_agree_and_values_equal_source() -> None:
    kit = load("jjj_transport_length",
               indicators=["railway_length", "expressway_length", "highway_length"])
    w = kit.pivot_table(index=["region", "year", "indicator"], columns="vintage",
                        values="value").dropna()
    assert len(w) == 90
    assert ((w["nbs_db_2021"].round(2) - w["nbs_db_2025_rounded"]).abs() < 1e-9).all()
    s = jjj_src("jjj_transport_route_length")
    assert one("jjj_transport_length", region="Hebei", year=2023, indicator="railway_length",
               vintage="nbs_db_2025_rounded") == src_value(
        s, source_id="B", region_en="Hebei", year=2023, indicator_zh="铁路营业里程")


def test_transport_growth_2013_2023_as_recomputed() -> None:
    """Rail +~33 %, expressways +~44 % (2013 full precision vs 2023 rounded), the provenance's
    consistency check of the briefing's ">30 %" and "+40 %"."""
    kit = load("jjj_transport_length")
    s13 = kit[(kit["year"] == 2013) & (kit["vintage"] == "nbs_db_2021")].groupby(
        "indicator")["value"].sum()
    s23 = kit[(kit["year"] == 2023)].groupby("indicator")["value"].sum()
    assert 1.30 < s23["railway_length"] / s13["railway_length"] < 1.36
    assert 1.40 < s23["expressway_length"] / s13["expressway_length"] < 1.48


# --------------------------------------------------------------------------------------------
# jjj_health_education and jjj_population_year_end
# --------------------------------------------------------------------------------------------

@pytest.mark.shared
@needs_sources
def test_health_values_and_beds_break() -> None:
    s = jjj_src("jjj_health_education")
    assert one("jjj_health_education", region="Hebei", year=2019, indicator="hospitals") == \
        src_value(s, region_en="Hebei", year=2019, indicator_zh="医院数")
    assert one("jjj_health_education", region="Beijing", year=2012,
               indicator="beds_per_10k_persons") == src_value(
        s, region_en="Beijing", year=2012, indicator_zh="每万人医疗机构床位数")
    kit = load("jjj_health_education")
    brk = kit[kit["flag"].str.contains("series_break")]
    assert set(brk["indicator"]) == {"beds_per_10k_persons"} and set(brk["year"]) == {2012}
    assert len(brk) == 3


def test_population_equals_province_population_where_both_have_it() -> None:
    kit = load("jjj_population_year_end")
    pp = load("province_population", regions=["Beijing", "Tianjin", "Hebei"],
              indicators="pop_yearend_resident")
    m = kit.merge(pp, on=["region", "year"])
    assert len(m) == 27 and (m["value_x"] == m["value_y"]).all()
    assert kit["year"].min() == 2015 < pp["year"].min()


# --------------------------------------------------------------------------------------------
# hebei_county_census_population
# --------------------------------------------------------------------------------------------

def _census_src(year: int) -> pd.DataFrame:
    df = pd.read_csv(CIE / f"hebei_county_population_census{year}.csv", dtype={"code": str})
    return df[df["level"] != "subtotal_no_code"]


@pytest.mark.shared
@needs_sources
@pytest.mark.parametrize("year", [2010, 2020])
def test_census_counties_sum_to_prefectures_and_province(year: int) -> None:
    s = _census_src(year)
    county = s[s["level"] == "county_level"].copy()
    county["pref"] = county["code"].str[:4] + "00"
    pref = s[s["level"] == "prefecture"].set_index("code")["pop_total"]
    assert (county.groupby("pref")["pop_total"].sum().sort_index() == pref.sort_index()).all()
    province = s.loc[s["level"] == "province", "pop_total"].iloc[0]
    assert county["pop_total"].sum() == pref.sum() == province
    kit = load("hebei_county_census_population", indicators="pop_total", years=[year])
    assert one("hebei_county_census_population", region="Hebei", year=year,
               indicator="pop_total") == province
    kc = kit[kit["level"] == "county_level"]
    assert len(kc) == len(county) and kc["value"].sum() == province


@pytest.mark.shared
@needs_sources
def test_census_values_vintages_and_flags() -> None:
    s20 = _census_src(2020)
    baigou = s20[s20["unit_name"] == "保定白沟新城"].iloc[0]
    assert one("hebei_county_census_population", region=baigou["code"], year=2020,
               indicator="pop_total") == baigou["pop_total"]
    kit = load("hebei_county_census_population")
    assert set(kit.groupby("year")["vintage"].unique().map(tuple)) == {
        ("census6_2010",), ("census7_2020",)}
    row = kit[(kit["code"] == baigou["code"]) & (kit["indicator"] == "pop_total")].iloc[0]
    assert "development_zone" in row["flag"] and "code_in_one_census_only" in row["flag"]
    # 丰南/丰润: flagged, names kept as printed, not corrected
    s10 = _census_src(2010)
    swapped = kit[kit["flag"].str.contains("name_label_swapped")]
    assert set(swapped["code"]) == {"130207", "130208"} and set(swapped["year"]) == {2010}
    for code in ("130207", "130208"):
        printed = s10.loc[s10["code"] == code, "unit_name"].iloc[0].strip()
        assert set(kit.loc[(kit["code"] == code) & (kit["year"] == 2010), "region_zh"]) == {
            printed}
    assert not kit[(kit["year"] == 2020) & kit["flag"].str.contains("name_label")].size
    # codes of one census only are flagged in that census
    only10 = set(s10.loc[s10["level"] == "county_level", "code"]) - set(s20["code"])
    got = set(kit.loc[kit["flag"].str.contains("code_in_one_census_only")
                      & (kit["year"] == 2010), "code"])
    assert got == only10 and "130182" in got  # 藁城市


# --------------------------------------------------------------------------------------------
# hebei_county_economy_2023
# --------------------------------------------------------------------------------------------

@pytest.mark.shared
@needs_sources
def test_county_economy_values_exclusion_and_identity() -> None:
    s = pd.read_csv(CIE / "hebei_county_ccsy2024_indicators_2023.csv", dtype={"code": str})
    kit = load("hebei_county_economy_2023")
    assert "130102" not in set(kit["code"]) and "长安区" not in set(kit["region_zh"])
    assert kit["code"].nunique() == len(s) - 1
    assert "长安区" in " ".join(RES["hebei_county_economy_2023"]["x_origin"]["caveats"])
    anping = s[s["unit_name"] == "安平县"].iloc[0]
    for code, col in [("gdp", "gdp100mCny"), ("fiscal_revenue", "fiscalRevenue100mCny"),
                      ("va_secondary", "secondary100mCny")]:
        assert one("hebei_county_economy_2023", code=anping["code"], indicator=code) == \
            anping[col]
    w = kit.pivot_table(index="code", columns="indicator", values="value")
    gap = w["va_primary"] + w["va_secondary"] + w["va_tertiary"] - w["gdp"]
    assert gap.abs().max() <= 0.011
    assert set(kit["trust"]) == {"medium-low"}
    flagged = kit[kit["flag"].str.contains("hukou_far_above_residents")]
    assert set(flagged["region_zh"]) == {"康保县", "尚义县"}
    assert set(flagged["indicator"]) == {"hukou_pop"}


def test_identity_check_fails_on_a_broken_row(tmp_path: Path) -> None:
    """The GDP = sum of sectors check is real: a tampered file is refused on load."""
    shutil.copy(helpers.DATA_DIR / "datapackage.json", tmp_path / "datapackage.json")
    path = helpers.DATA_DIR / "hebei_county_economy_2023.csv"
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    i = df.index[df["indicator"] == "gdp"][0]
    df.loc[i, "value"] = str(float(df.loc[i, "value"]) + 1)
    df.to_csv(tmp_path / path.name, index=False, lineterminator="\n")
    with pytest.raises(DataError, match="identity va_primary"):
        load("hebei_county_economy_2023", data_dir=tmp_path)


# --------------------------------------------------------------------------------------------
# province_industrial_products
# --------------------------------------------------------------------------------------------

@pytest.mark.shared
@needs_sources
def test_industrial_products_values_and_national_sums() -> None:
    s = pd.read_csv(CIE / "province_crude_steel_pigiron_cement_glass_annual_2015_2020.csv")
    kit = load("province_industrial_products")
    hb = s[(s["province"] == "河北省") & (s["product"] == "粗钢")].set_index("year")["value"]
    got = kit[(kit["region"] == "Hebei") & (kit["indicator"] == "crude_steel_output")]
    assert got.set_index("year")["value"].sort_index().equals(hb.sort_index())
    china = kit[kit["region"] == "China"]
    assert (china["flag"] == "derived").all() and set(china["vintage"]) == {"sum_of_provinces"}
    sums = s.groupby(["product", "year"])["value"].agg(["sum", "size"])
    steel = china[china["indicator"] == "crude_steel_output"].set_index("year")
    for year, row in steel.iterrows():
        assert abs(row["value"] - sums.loc[("粗钢", year), "sum"]) < 0.05
        assert row["n_provinces"] == sums.loc[("粗钢", year), "size"]
    share20 = hb[2020] / steel.loc[2020, "value"]
    assert 0.23 < share20 < 0.24  # Hebei: about 23.5 % of the provinces' crude steel, 2020


@pytest.mark.shared
@needs_sources
def test_annual_products_are_the_december_year_to_date_values() -> None:
    m = pd.read_csv(CIE / "province_industrial_output_nbs_monthly_2015_2021.csv",
                    dtype={"yyyymm": str})
    dec = m[m["yyyymm"].str.endswith("12") & m["indicator"].str.endswith("累计值")
            & (m["province"] == "河北省") & m["indicator"].str.startswith("粗钢")]
    kit = load("province_industrial_products", regions="Hebei",
               indicators="crude_steel_output").set_index("year")["value"]
    want = dec.assign(year=dec["yyyymm"].str[:4].astype(int)).set_index("year")["value"]
    want = want[want.index <= 2020]
    assert kit.sort_index().equals(want.sort_index().astype(float))


# --------------------------------------------------------------------------------------------
# hebei_county_cluster_statements
# --------------------------------------------------------------------------------------------

@pytest.mark.shared
@needs_sources
def test_statements_values_equal_the_source() -> None:
    s = pd.read_csv(CIE / "hebei_county_clusters_official_statements.csv")
    row = s[(s["period"] == "2019 (year)") & (s["indicator"] == "operating_income")
            & s["scope"].str.startswith("Hebei county")].iloc[0]
    assert one("hebei_county_cluster_statements", region="Hebei", year=2019,
               indicator="cluster_operating_income") == row["value"]
    assert one("hebei_county_cluster_statements", region="Hebei", year=2019,
               indicator="cluster_operating_income_growth") == row["growth_pct_yoy"]
    n = s[(s["indicator"] == "clusters") & (s["period"] == "2019 (year)")].iloc[0]
    assert one("hebei_county_cluster_statements", indicator="cluster_count",
               year=2019) == n["value"]
    kit = load("hebei_county_cluster_statements")
    assert len(kit[~kit["indicator"].str.endswith("_growth")]) == len(s)
    assert set(kit["page"]) == set(s["url"])


def test_statements_are_kept_apart_from_statistics() -> None:
    kit = load("hebei_county_cluster_statements")
    assert set(kit["evidence_class"]) == {"official_statement"}
    assert kit["vintage"].str.startswith("statement_").all()
    assert kit["flag"].str.contains("official_statement").all()
    assert kit["page"].str.startswith("http").all() and kit["statement_by"].str.len().min() > 5
    partial = kit[kit["flag"].str.contains("partial_year")]
    assert partial["period"].str.contains("Jan-").all() and len(partial) == 6
    # no statistics table uses a statement vintage or a statement indicator code
    codes = set(RES["hebei_county_cluster_statements"]["x_indicators"])
    for name, res in RES.items():
        if name == "hebei_county_cluster_statements":
            continue
        assert not any(v.startswith("statement_") for v in res["x_origin"]["vintages"]), name
        assert not codes & set(res["x_indicators"]), name

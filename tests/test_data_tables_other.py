"""Tests of the innovation, digital, environment and seed tables (scripts/build_data/{innovation,
digital,environment,seeds}.py and their CSVs in data/).

Values are compared with the files of ../shared/sources read inside the tests (marked
``shared``: skipped where ../shared is absent). Synthetic inputs test the build helpers.
"""

from __future__ import annotations

import csv
import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import helpers
from helpers.data import DataError, load, tables
from scripts.build_data import digital, environment, innovation, seeds
from scripts.build_data.common import BuildError, tidy

SHARED = Path(helpers.KIT_ROOT).parent / "shared" / "sources"
needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/sources is absent")

MY_TABLES = {t.name: t for m in (innovation, digital, environment, seeds) for t in m.TABLES}


# --------------------------------------------------------------------------------------------
# Every table is in data/ and loads (validated) with the one loader
# --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(MY_TABLES))
def test_table_loads_and_matches_declaration(name: str) -> None:
    assert name in tables()
    df = load(name)
    assert len(df) > 0
    assert list(df.columns) == MY_TABLES[name].columns
    assert set(df["indicator"]) <= set(MY_TABLES[name].indicators)
    assert not df.duplicated(["region", "year", "indicator", "vintage"]).any()


def test_broken_copy_fails_with_file_named(tmp_path: Path) -> None:
    """A value far outside its declared range is refused, and the message names the file."""
    data = Path(helpers.DATA_DIR)
    for f in data.iterdir():
        if f.is_file():
            (tmp_path / f.name).write_bytes(f.read_bytes())
    path = tmp_path / "rd_inputs.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    cols = lines[1].split(",")
    cols[4] = "1e15"
    lines[1] = ",".join(cols)
    path.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(DataError, match="rd_inputs.csv"):
        load("rd_inputs", data_dir=tmp_path)


# --------------------------------------------------------------------------------------------
# Values equal the sources exactly
# --------------------------------------------------------------------------------------------

def _source_value(relpath: str, **match: str) -> str:
    """The ``value`` text of the one source row matching every column given."""
    with open(SHARED / relpath, encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if all(r[k] == v for k, v in match.items())]
    assert len(rows) == 1, (relpath, match, len(rows))
    return rows[0]["value"]


def _kit_value(table: str, region: str, year: int, indicator: str,
               vintage: str | None = None) -> float:
    df = load(table, regions=region, years=year, indicators=indicator, vintage=vintage)
    assert len(df) == 1, (table, region, year, indicator, vintage, len(df))
    return float(df["value"].iloc[0])


# (table, kit region, year, kit indicator, kit vintage, source file, source match)
EXACT = [
    ("rd_inputs", "Hebei", 2023, "rd_intensity_pct_gdp", None,
     "innovation_digital_env/rd_inputs_provincial.csv", {"region": "Hebei"}),
    ("rd_inputs", "China", 2023, "rd_expenditure_bulletin", None,
     "innovation_digital_env/rd_inputs_provincial.csv", {"region": "China (national)"}),
    ("rd_inputs", "Beijing", 2015, "rd_personnel_fte_total", None,
     "innovation_digital_env/rd_inputs_provincial.csv", {"region": "Beijing"}),
    ("patents", "Hebei", 2021, "patent_grants_invention", None,
     "innovation_digital_env/patents_provincial.csv", {"region": "Hebei"}),
    ("tech_market", "Hebei", 2022, "tech_market_turnover_outflow_value", None,
     "innovation_digital_env/tech_market_provincial.csv", {"region": "Hebei"}),
    ("fiscal_expenditure", "Shandong", 2018, "local_general_budget_expenditure_science_technology",
     None, "innovation_digital_env/fiscal_expenditure_provincial.csv", {"region": "Shandong"}),
    ("high_tech_enterprises", "Hebei", 2022, "high_tech_enterprises_recognized_in_year", None,
     "innovation_digital_env/high_tech_enterprises_recognized_provincial.csv",
     {"region": "Hebei"}),
    ("energy_consumption", "Hebei", 2015, "energy_consumption_total", None,
     "innovation_digital_env/energy_consumption_provincial.csv", {"region": "Hebei"}),
    ("industrial_pollution", "Tianjin", 2016, "industrial_so2_emissions", None,
     "innovation_digital_env/industrial_pollution_env_expenditure_provincial.csv",
     {"region": "Tianjin"}),
    ("digital_indicators", "Hebei", 2020, "software_business_revenue", None,
     "digital_economy/nbs_digital_indicators_provincial_2016_2024.csv", {"region": "Hebei"}),
    ("energy_products", "Hebei", 2024, "coke_output", None,
     "digital_economy/nbs_energy_products_provincial_2016_2024.csv", {"region": "Hebei"}),
    ("pku_dfiic_province", "Hebei", 2022, "pku_dfiic_index_aggregate", None,
     "digital_economy/pku_dfiic_provincial_2011_2022.csv", {"region": "Hebei"}),
    ("pku_dfiic_city", "Tangshan", 2018, "pku_dfiic_city_index_aggregate", None,
     "innovation_digital_env/pku_dfiic_city_bohai.csv", {"city": "Tangshan"}),
    ("telecom", "Hebei", 2019, "telecom_business_volume", None,
     "innovation_digital_env/telecom_postal_optical_cable_provincial.csv", {"region": "Hebei"}),
    ("digital_economy_index_thirdparty", "Hebei", 2021, "digital_economy_index_repo_computed",
     None, "digital_economy/thirdparty_digital_economy_index_yuyangyao_2010_2021.csv",
     {"region": "Hebei"}),
    ("province_land_area", "Hebei", 2023, "land_area", "wiki_list",
     "environment_area/province_land_area.csv",
     {"region": "Hebei", "year": "", "indicator": "land_area", "unit": "km2",
      "trust": "medium-high"}),  # areas have no year in the source (kit: nominal 2023)
    ("pm25_city_2017", "Shijiazhuang", 2017, "pm25_annual_mean", None,
     "environment_area/pm25_city_annual_mean_ccsy_2017.csv", {"region": "Shijiazhuang"}),
    ("steel_reference_points", "Hebei", 2018, "crude_steel_output", "nbs_monthly_cum",
     "innovation_digital_env/crude_steel_webpage_reference_points.csv", {"region": "Hebei"}),
    ("bohai_city_gdp_2023", "Dalian", 2023, "gdp", None,
     "environment_area/bohai_city_gdp_2023_communique_points.csv", {"region": "Dalian"}),
]


@pytest.mark.shared
@needs_shared
@pytest.mark.parametrize("table,region,year,indicator,vintage,relpath,match", EXACT,
                         ids=[f"{e[0]}-{e[1]}-{e[2]}-{e[3]}" for e in EXACT])
def test_value_equals_source(table: str, region: str, year: int, indicator: str,
                             vintage: str | None, relpath: str, match: dict[str, str]) -> None:
    full = {"year": str(year), **match}
    if "indicator" not in full:
        full["indicator"] = indicator
    text = _source_value(relpath, **full)
    assert _kit_value(table, region, year, indicator, vintage) == float(text)


@pytest.mark.shared
@needs_shared
def test_whole_tables_equal_sources() -> None:
    """Every value of three tables equals its source cell (same order-free multiset)."""
    for table, relpath in [("patents", "innovation_digital_env/patents_provincial.csv"),
                           ("energy_products",
                            "digital_economy/nbs_energy_products_provincial_2016_2024.csv"),
                           ("pku_dfiic_province",
                            "digital_economy/pku_dfiic_provincial_2011_2022.csv")]:
        src = pd.read_csv(SHARED / relpath)
        src["region"] = src["region"].replace({"China (national)": "China"})
        kit = load(table)
        merged = kit.merge(src, on=["region", "year", "indicator"], suffixes=("", "_src"),
                           validate="one_to_one")
        assert len(merged) == len(src) == len(kit)
        assert (merged["value"] == merged["value_src"]).all(), table


@pytest.mark.shared
@needs_shared
def test_steel_keeps_both_hebei_2023_sources() -> None:
    df = load("steel_reference_points", regions="Hebei", years=2023,
              indicators="crude_steel_output")
    got = dict(zip(df["vintage"], df["value"], strict=True))
    assert got["nbs_monthly_cum"] == float(_source_value(
        "environment_area/crude_steel_building_materials_reference_points.csv",
        region="Hebei", year="2023", indicator="crude_steel_output",
        note="page quotes y/y change -0.68%; page lists only these 14 of 28 provinces"))
    assert got["hebei_bureau"] == 21050.6
    assert set(df["trust"]) == {"medium", "medium-high"}


# --------------------------------------------------------------------------------------------
# Flags, breaks, exclusions, gaps
# --------------------------------------------------------------------------------------------

def _flags(df: pd.DataFrame) -> pd.Series:
    return df["flag"].str.split(";")


def test_pollution_breaks_at_2011_and_2016_only() -> None:
    df = load("industrial_pollution",
              indicators=["industrial_so2_emissions", "industrial_wastewater_discharge"])
    brk = _flags(df).map(lambda f: "series_break" in f)
    assert set(df.loc[brk, "year"]) == {2011, 2016}
    assert brk[df["year"].isin([2011, 2016])].all()
    spend = load("industrial_pollution",
                 indicators="local_budget_expenditure_energy_saving_env_protection")
    assert not _flags(spend).map(lambda f: "series_break" in f).any()


def test_price_basis_breaks_in_telecom() -> None:
    df = load("telecom")
    brk = df[_flags(df).map(lambda f: "series_break" in f)]
    tel = brk[brk["indicator"] == "telecom_business_volume"]
    assert set(tel["year"]) == {2016, 2021} and len(tel) == 62
    assert set(brk.loc[brk["indicator"] == "postal_business_volume", "year"]) == {2021}
    assert "optical_cable_line_length" not in set(brk["indicator"])
    tel21 = df[(df["year"] == 2021) & (df["indicator"] == "telecom_business_volume")]
    assert tel21["price_basis"].str.contains("previous-year").all()


def test_other_flags_where_provenance_says() -> None:
    e = load("energy_consumption")
    assert set(e.loc[e["flag"] == "series_break", "year"]) == {2013}
    rd = load("rd_inputs", regions="Sichuan", years=2011, indicators="rd_personnel_fte_total")
    assert rd["flag"].iloc[0] == "suspicious"
    pm = load("pm25_city_2017")
    assert set(pm.loc[pm["flag"] == "suspicious", "region"]) == {"Kaifeng", "Xiangtan"}
    for name in ("pku_dfiic_province", "pku_dfiic_city"):
        p = load(name)
        assert set(p.loc[p["flag"] == "release_change", "year"]) == {2016}
    third = load("digital_economy_index_thirdparty")
    assert (third["flag"] == "not_official").all()
    hb = load("steel_reference_points", regions="Hebei", years=2020)
    assert set(_flags(hb).iloc[0]) == {"derived", "low_trust"}


def test_excluded_rows_are_absent() -> None:
    # The low-trust city land-area candidates are not built (no table, no city rows).
    assert not any("city_land_area" in t for t in tables())
    land = load("province_land_area")
    assert not {"Shijiazhuang", "Baoding", "Dalian"} & set(land["region"])
    # The garbled aggregate row of the patents source stays dropped; no region beyond 31 + China.
    assert load("patents")["region"].nunique() == 32


def test_missing_stays_missing() -> None:
    # Source rows with an empty value stay empty (Tibet outflow 2000-2016) ...
    tm = load("tech_market", regions="Tibet", indicators="tech_market_turnover_outflow_value")
    assert tm.loc[tm["year"] <= 2016, "value"].isna().all()
    assert tm.loc[tm["year"] >= 2017, "value"].notna().all()
    # ... and cells the source lacks get no row (Jilin 2019 design applications, Tibet energy).
    pat = load("patents", regions="Jilin", years=2019)
    assert "patent_applications_design" not in set(pat["indicator"])
    assert "Tibet" not in set(load("energy_consumption")["region"])
    # No year is invented between the source's years (tech market has no 2011).
    assert 2011 not in set(load("tech_market")["year"])


@pytest.mark.shared
@needs_shared
def test_empty_source_cells_are_nan_in_kit() -> None:
    src = pd.read_csv(SHARED / "innovation_digital_env/tech_market_provincial.csv",
                      dtype=str, keep_default_na=False)
    empty = src[src["value"] == ""]
    assert len(empty) > 0
    kit = load("tech_market")
    m = kit.merge(empty[["region", "year", "indicator"]].astype({"year": int}),
                  on=["region", "year", "indicator"])
    assert len(m) == len(empty) and m["value"].isna().all()
    assert kit["value"].isna().sum() == len(empty)


# --------------------------------------------------------------------------------------------
# seed_facts
# --------------------------------------------------------------------------------------------

def test_seed_facts_cover_the_key_claims() -> None:
    df = load("seed_facts")
    v = dict(zip(df["indicator"], df["value"], strict=True))
    assert v["seed004_bohai_gdp_share_2023"] == 26
    assert v["seed004_bohai_area_share"] == 5.4 and v["seed004_bohai_population_share"] == 17.7
    assert v["seed001_hebei_hightech_va_share_2014"] == 13.1
    assert set(df["vintage"]) == {"seed000", "seed001", "seed003", "seed004"}
    assert (df["quote"].str.len() < 120).all()
    assert df.apply(lambda r: r["value_as_written"] in r["quote"], axis=1).all()


@pytest.mark.shared
@needs_shared
def test_seed_quotes_are_exact() -> None:
    df = load("seed_facts")
    docs = SHARED.parent / "seeds"
    for _, r in df.iterrows():
        assert r["quote"] in (docs / r["document"]).read_text(encoding="utf-8"), r["indicator"]


def _fake_shared(tmp_path: Path, drop: str | None = None) -> Path:
    """A shared folder whose seed documents contain exactly the quotes (minus ``drop``)."""
    (tmp_path / "sources").mkdir()
    (tmp_path / "seeds").mkdir()
    for code, fname in seeds.DOCS.items():
        quotes = [f.quote for f in seeds.FACTS if f.doc == code and f.code != drop]
        (tmp_path / "seeds" / fname).write_text("\n".join(quotes), encoding="utf-8")
    return tmp_path / "sources"


def test_seed_build_from_synthetic_documents(tmp_path: Path) -> None:
    t = MY_TABLES["seed_facts"]
    df = tidy(t.build(_fake_shared(tmp_path)), t)
    assert len(df) == len(seeds.FACTS)
    row = df[df["indicator"] == "seed004_beijing_tianjin_researcher_share"].iloc[0]
    assert row["value"] == 25 and row["value_as_written"] == "one-fourth"


def test_seed_build_fails_on_a_missing_quote(tmp_path: Path) -> None:
    with pytest.raises(BuildError, match="seed004_bohai_gdp_share_2023"):
        seeds.build_seed_facts(_fake_shared(tmp_path, drop="seed004_bohai_gdp_share_2023"))


# --------------------------------------------------------------------------------------------
# Build helpers on synthetic input
# --------------------------------------------------------------------------------------------

def _write(path: Path, rows: list[dict[str, str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)


def test_read_long_keeps_gaps_and_renames_nation(tmp_path: Path) -> None:
    rows = [{"region": "China (national)", "region_zh": "全国", "year": "2020",
             "indicator": "tech_market_contracts_inflow", "value": "12.0", "unit": "contracts"},
            {"region": "Tibet", "region_zh": "西藏", "year": "2020",
             "indicator": "tech_market_contracts_inflow", "value": "", "unit": "contracts"}]
    _write(tmp_path / "x.csv", rows)
    df = innovation.read_long(tmp_path, "x.csv", innovation.TECH_INDICATORS, "st_yearbook")
    assert list(df["region"]) == ["China", "Tibet"]
    assert df["value"].iloc[0] == 12.0 and math.isnan(df["value"].iloc[1])
    rows[0]["unit"] = "10k contracts"
    _write(tmp_path / "y.csv", rows)
    with pytest.raises(BuildError, match="unit"):
        innovation.read_long(tmp_path, "y.csv", innovation.TECH_INDICATORS, "st_yearbook")


def test_cells_refuses_a_missing_flag_target() -> None:
    df = pd.DataFrame({"region": ["Hebei"], "year": [2020], "indicator": ["x"]})
    assert innovation.cells(df, [("Hebei", 2020, "x")]).tolist() == [True]
    with pytest.raises(BuildError, match="Tianjin 2016"):
        innovation.cells(df, [("Tianjin", 2016, "x")])


def test_second_unit_gets_its_own_code_not_a_rescale(tmp_path: Path) -> None:
    base = {"region": "China (national)", "region_zh": "全国", "year": "2020",
            "vintage": "NBS first-release national figures as quoted",
            "source_publication": "p", "source_repo_or_page": "u", "source_path": "",
            "source_commit": "", "note": "", "trust": "low: one page"}
    _write(tmp_path / "s.csv", [
        {**base, "indicator": "crude_steel_output", "value": "10.53",
         "unit": "100 million tonnes (亿吨)"},
        {**base, "region": "Hebei", "indicator": "crude_steel_output", "value": "24980",
         "unit": "10k tonnes (万吨)", "trust": "medium"}])
    df = environment.read_points(tmp_path, "s.csv", environment.V_STEEL,
                                 environment.STEEL_INDICATORS)
    assert list(df["indicator"]) == ["crude_steel_output_100m_t", "crude_steel_output"]
    assert list(df["value"]) == [10.53, 24980.0]
    assert list(df["flag"]) == ["low_trust", ""]
    assert environment.is_low_trust("low-medium: single page")
    assert not environment.is_low_trust("medium-high")


def test_pm25_duplicate_city_names_are_disambiguated() -> None:
    df = load("pm25_city_2017")
    assert {"Suzhou (Jiangsu)", "Suzhou (Anhui)"} <= set(df["region"])
    assert df["region"].is_unique
    hebei = df[df["province"] == "Hebei"]
    assert len(hebei) == 11 and hebei["bohai_rim"].all()
    assert np.isclose(hebei["value"].mean(), 66.27, atol=0.01)

"""Tests of the data build (scripts/build_data): values equal the official sources, flags follow
the provenance notes, gaps stay gaps, and the build is deterministic.

Tests marked ``shared`` need ``../shared/sources`` beside the kit and are skipped without it.
Expected values are always looked up in the source CSVs, never typed in.
"""

from __future__ import annotations

import filecmp
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import helpers
from helpers.data import load
from scripts.build_data import common
from scripts.build_data.__main__ import build, collect_tables
from scripts.build_data.structure import city_gdp_jumps

SOURCES = Path(helpers.KIT_ROOT).parent / "shared" / "sources"
needs_sources = pytest.mark.skipif(not SOURCES.is_dir(), reason="../shared/sources absent")
shared = [pytest.mark.shared, needs_sources]


def src(rel: str) -> pd.DataFrame:
    """A source CSV as text, with a float column ``v`` (NaN where the cell is empty)."""
    df = pd.read_csv(SOURCES / rel, dtype=str, keep_default_na=False)
    df["v"] = pd.to_numeric(df["value"].where(df["value"] != "", None)).astype(float) \
        if "value" in df.columns else np.nan
    df["y"] = df["year"].astype(int) if "year" in df.columns else 0
    return df


def kit_value(table: str, region: str, year: int, indicator: str, vintage: str | None = None
              ) -> float:
    df = load(table, regions=region, years=[year], indicators=indicator, vintage=vintage)
    assert len(df) == 1, (table, region, year, indicator, vintage, df)
    return float(df["value"].iloc[0])


def assert_same_values(kit: pd.DataFrame, source: pd.DataFrame, region_col: str = "region"
                       ) -> int:
    """Every kit value equals the source value of the same region, year and indicator."""
    s = source.rename(columns={region_col: "region"})
    merged = kit.merge(s[["region", "y", "indicator", "v"]],
                       left_on=["region", "year", "indicator"],
                       right_on=["region", "y", "indicator"], how="left", validate="1:1")
    assert merged["v"].notna().all() or (merged["v"].isna() == merged["value"].isna()).all()
    same = (merged["value"] == merged["v"]) | (merged["value"].isna() & merged["v"].isna())
    assert same.all(), merged.loc[~same, ["region", "year", "indicator", "value", "v"]].head()
    return len(merged)


# --------------------------------------------------------------------------------------------
# Spot values across tables (more than 20), each looked up in the source file
# --------------------------------------------------------------------------------------------

SPOTS = [
    # (kit table, vintage or None, source file, region, year, indicator)
    ("province_gdp", None, "structure/province_gdp_structure_nbs_2016_2024.csv",
     "Hebei", 2023, "gdp"),
    ("province_gdp", None, "structure/province_gdp_structure_nbs_2016_2024.csv",
     "Hebei", 2024, "gdp"),
    ("province_gdp", None, "structure/province_gdp_structure_nbs_2016_2024.csv",
     "Hebei", 2020, "va_secondary"),
    ("province_gdp", None, "structure/province_gdp_structure_nbs_2016_2024.csv",
     "Beijing", 2019, "va_tertiary"),
    ("province_gdp", None, "structure/province_gdp_structure_nbs_2016_2024.csv",
     "Guangdong", 2025, "gdp_per_capita"),
    ("province_gdp", None, "structure/province_gdp_structure_nbs_2016_2024.csv",
     "Tianjin", 2018, "va_industry"),
    ("province_gdp_index", None, "structure/province_gdp_index_nbs_2016_2024.csv",
     "Hebei", 2020, "gdp_index_prev_year_100"),
    ("province_gdp_index", None, "structure/province_gdp_index_nbs_2016_2024.csv",
     "Shandong", 2024, "va_secondary_index_prev_year_100"),
    ("province_population", None, "structure/province_population_nbs_2016_2024.csv",
     "Hebei", 2019, "pop_yearend_resident"),
    ("province_population", None, "structure/province_population_nbs_2016_2024.csv",
     "Liaoning", 2024, "pop_urban"),
    ("province_gdp_vintages", "nbs_pre5th_4threvised",
     "structure/province_gdp_nbs_2004_2023_pre5thcensus.csv", "Hebei", 2023, "gdp"),
    ("province_gdp_vintages", "nbs_pre5th_4threvised",
     "structure/province_gdp_nbs_2004_2023_pre5thcensus.csv", "Hebei", 2019, "gdp"),
    ("province_gdp_vintages", "nbs_original_2018-12",
     "structure_gaps/province_gdp_other_vintages_1993_2024.csv", "Tianjin", 2017, "gdp"),
    ("province_gdp_vintages", "nbs_post5th_2026-03",
     "structure_gaps/province_gdp_other_vintages_1993_2024.csv", "Hebei", 2006, "gdp"),
    ("province_employment", None, "structure_gaps/province_employment_three_sectors.csv",
     "Hebei", 2018, "emp_primary"),
    ("province_employment", None, "structure_gaps/province_employment_three_sectors.csv",
     "Tianjin", 2020, "emp_tertiary"),
    ("province_employment_vintages", "hebei_yearbook_2012",
     "structure_gaps/province_employment_three_sectors.csv", "Hebei", 2007, "emp_total"),
    ("national_employment", "csy2025", "structure_gaps/national_employment_three_sectors.csv",
     "China", 2024, "emp_total"),
    ("national_gdp", "nbs_post5th_2025-03", "structure_gaps/national_gdp_three_sectors.csv",
     "China", 2023, "gdp"),
    ("national_gdp", "csy2020", "structure_gaps/national_gdp_three_sectors.csv",
     "China", 2019, "gdp"),
    ("hebei_city_gdp", None, "structure_gaps/hebei_city_gdp_structure_compiled_2000_2023.csv",
     "Tangshan", 2022, "gdp"),
    ("hebei_city_gdp", None, "structure_gaps/hebei_city_gdp_structure_compiled_2000_2023.csv",
     "Hengshui", 2022, "va_tertiary"),
    ("hebei_city_gdp_anchors", "city_list_2021", "structure_gaps/hebei_city_anchor_values.csv",
     "Baoding", 2021, "gdp"),
    ("beijing_tianjin_gdp", None,
     "structure_gaps/beijing_tianjin_gdp_structure_compiled_2000_2023.csv",
     "Beijing", 2010, "va_secondary"),
]
_VINTAGE_TEXT = {  # kit vintage code -> the source's vintage text, for the spot look-ups
    "nbs_original_2018-12": "nbs_database_2018-12_pre4thcensus_original",
    "nbs_post5th_2026-03": "nbs_database_2026-03_post5thcensus",
    "hebei_yearbook_2012": "provincial_yearbook_2012_edition",
    "csy2025": "csy2025", "csy2020": "csy2020_vintage",
    "nbs_post5th_2025-03": "nbs_database_2025-03_post5thcensus",
    "city_list_2021": "compiled_from_2021_city_communiques",
}


@pytest.mark.shared
@needs_sources
@pytest.mark.parametrize(("table", "vintage", "rel", "region", "year", "indicator"), SPOTS)
def test_spot_value_equals_source(table, vintage, rel, region, year, indicator) -> None:
    s = src(rel)
    rows = s[(s["region"] == region) & (s["y"] == year) & (s["indicator"] == indicator)]
    if vintage in _VINTAGE_TEXT:
        rows = rows[rows["vintage"] == _VINTAGE_TEXT[vintage]]
    if table == "province_employment":
        rows = rows[rows["source_repo_or_page"] == "indulgers/dataVisible"]
    assert len(rows) == 1, rows
    assert kit_value(table, region, year, indicator, vintage) == rows["v"].iloc[0]


def test_enough_spot_values() -> None:
    assert len(SPOTS) >= 20 and len({s[0] for s in SPOTS}) >= 10


@pytest.mark.shared
@needs_sources
def test_census_and_shandong_spot_values() -> None:
    c = pd.read_csv(SOURCES / "structure/bohai_city_census_population_2010_2020.csv", dtype=str)
    row = c[c["city"] == "Tangshan"].iloc[0]
    assert kit_value("city_census_population", "Tangshan", 2020, "pop_census") == float(
        row["pop_2020"])
    assert kit_value("city_census_population", "Tangshan", 2010, "age_65_plus_share") == float(
        row["age_65_2010"])
    sd = src("structure/shandong_city_gdp_structure_yearbook_2012_2022.csv")
    latest = sd[(sd["city"] == "Qingdao") & (sd["y"] == 2018) & (sd["indicator"] == "gdp")
                & (sd["is_latest_edition"] == "True")].iloc[0]
    assert kit_value("shandong_city_gdp", "Qingdao", 2018, "gdp") == latest["v"]
    kit = load("shandong_city_gdp", regions="Qingdao", years=[2018], indicators="gdp")
    assert kit["vintage"].iloc[0] == f"sd_yearbook_{latest['yearbook_edition']}"


# --------------------------------------------------------------------------------------------
# Whole tables against their sources
# --------------------------------------------------------------------------------------------

@pytest.mark.shared
@needs_sources
@pytest.mark.parametrize(("table", "rel"), [
    ("province_gdp", "structure/province_gdp_structure_nbs_2016_2024.csv"),
    ("province_gdp_index", "structure/province_gdp_index_nbs_2016_2024.csv"),
    ("province_population", "structure/province_population_nbs_2016_2024.csv"),
])
def test_whole_nbs_tables_equal_source(table, rel) -> None:
    s = src(rel)
    kit = load(table)
    assert len(kit) == len(s)  # nothing dropped, nothing added
    assert assert_same_values(kit, s) == len(s)


@pytest.mark.shared
@needs_sources
def test_vintages_never_spliced() -> None:
    kit = load("province_gdp_vintages")
    pre5 = src("structure/province_gdp_nbs_2004_2023_pre5thcensus.csv")
    assert assert_same_values(kit[kit["vintage"] == "nbs_pre5th_4threvised"], pre5) == len(pre5)
    other = src("structure_gaps/province_gdp_other_vintages_1993_2024.csv")
    for code, text in [("nbs_original_2018-12", "nbs_database_2018-12_pre4thcensus_original"),
                       ("nbs_post5th_2026-03", "nbs_database_2026-03_post5thcensus")]:
        part = other[other["vintage"] == text]
        assert assert_same_values(kit[kit["vintage"] == code], part) == len(part)
    # the two Hebei 2023 figures differ and both stay, each under its own vintage
    h = kit[(kit["region"] == "Hebei") & (kit["year"] == 2023) & (kit["indicator"] == "gdp")]
    assert h["vintage"].nunique() == len(h) >= 2 and h["value"].nunique() == len(h)


@pytest.mark.shared
@needs_sources
def test_employment_flags_follow_provenance() -> None:
    s = src("structure_gaps/province_employment_three_sectors.csv")
    s = s[s["source_repo_or_page"] == "indulgers/dataVisible"]
    kit = load("province_employment")
    assert len(kit) == len(s) and assert_same_values(kit, s) == len(s)
    brk = kit["flag"].str.contains("series_break")
    assert (brk == kit["year"].isin([2020, 2021])).all()
    assert sorted(kit["year"].unique()) == list(range(2012, 2022))
    noted = s[s["note"].str.contains("copy error|sector sum is")]
    sus = kit[kit["flag"].str.contains("suspicious")]
    assert set(zip(sus["region"], sus["year"], sus["indicator"], strict=True)) == set(
        zip(noted["region"], noted["y"], noted["indicator"], strict=True))
    assert {"Hebei", "Tianjin"} == set(sus["region"])
    # the provinces the source lacks have no rows (nothing invented)
    assert not set(kit["region"]) - set(s["region"])
    assert not {"Inner Mongolia", "Tibet", "Gansu"} & set(kit["region"])


def test_city_gdp_jump_caveat_quotes_the_data() -> None:
    # every percentage the hebei_city_gdp caveat quotes is recomputed from the kit's tables
    import json

    package = json.loads((helpers.DATA_DIR / "datapackage.json").read_text())
    table = next(r for r in package["resources"] if r["name"] == "hebei_city_gdp")
    caveat = next(c for c in table["x_origin"]["caveats"] if "flag jump" in c)
    gdp = load("hebei_city_gdp", indicators="gdp").set_index(["region", "year"])["value"]
    for region, year in (("Baoding", 2005), ("Cangzhou", 2005), ("Shijiazhuang", 2018)):
        change = 100 * (gdp[(region, year)] / gdp[(region, year - 1)] - 1)
        assert f"{region} {year} ({change:+.1f}%)" in caveat
    prov = load("province_gdp_vintages", regions="Hebei", indicators="gdp",
                vintage="nbs_original_2018-12").set_index("year")["value"]
    assert f"grew {100 * (prov[2005] / prov[2004] - 1):.1f}% in 2005" in caveat
    assert "vintage nbs_original_2018-12" in caveat


def test_city_gdp_jumps_hand_computed() -> None:
    # A: 100 -> 131 (+31 %, jump) -> 127 (-3.05 %, jump) -> 2019 +50 % (break year: not
    # flagged); B: 100 -> (2001 missing) -> 200 in 2002 (no previous calendar year: not
    # flagged) -> 2003 +30 % exactly (not flagged); sector rows are never flagged
    rows = [("A", 2000, 100.0), ("A", 2001, 131.0), ("A", 2002, 127.0), ("A", 2018, 100.0),
            ("A", 2019, 150.0), ("B", 2000, 100.0), ("B", 2002, 200.0), ("B", 2003, 260.0)]
    df = pd.DataFrame(rows, columns=["region", "year", "value"]).assign(indicator="gdp")
    df = pd.concat([df, df.assign(indicator="va_primary")], ignore_index=True)
    mask = city_gdp_jumps(df)
    got = set(zip(df.loc[mask, "region"], df.loc[mask, "year"], df.loc[mask, "indicator"],
                  strict=True))
    assert got == {("A", 2001, "gdp"), ("A", 2002, "gdp")}
    assert mask.index.equals(df.index)


@pytest.mark.shared
@needs_sources
def test_hebei_cities_respect_quality_flags() -> None:
    s = src("structure_gaps/hebei_city_gdp_structure_compiled_2000_2023.csv")
    kit = load("hebei_city_gdp")
    bad = s[s["quality_flag"].str.contains("do_not_use")]
    assert len(bad) > 0
    keys = set(zip(kit["region"], kit["year"], kit["indicator"], strict=True))
    for _, r in bad.iterrows():
        assert (r["region"], r["y"], r["indicator"]) not in keys
    kept = s[~s["quality_flag"].str.contains("do_not_use")]
    assert len(kit) == len(kept) and assert_same_values(kit, kept) == len(kept)
    m = kit.merge(kept, left_on=["region", "year", "indicator"],
                  right_on=["region", "y", "indicator"])
    assert (m["flag"].str.contains("derived")
            == m["quality_flag"].str.contains("sectors_derived")).all()
    assert (kit["flag"].str.contains("series_break") == (kit["year"] == 2019)).all()
    # flag jump: GDP rows whose change on the calendar year before is > +30 % or < -3 %,
    # outside the 2019 break (recomputed here from the published values)
    gdp = kit[kit["indicator"] == "gdp"].set_index(["region", "year"])["value"]
    expected = set()
    for (region, year), value in gdp.items():
        before = gdp.get((region, year - 1))
        if before is not None and year != 2019 and not -3 <= 100 * (value / before - 1) <= 30:
            expected.add((region, year))
    flagged = kit[kit["flag"].str.contains("jump")]
    assert set(flagged["indicator"]) == {"gdp"}
    assert set(zip(flagged["region"], flagged["year"], strict=True)) == expected
    assert expected == {("Baoding", 2005), ("Cangzhou", 2005), ("Shijiazhuang", 2018)}
    assert sorted(kit["region"].unique()) == sorted(s["region"].unique())
    assert len(kit["region"].unique()) == 11 and set(kit["province"]) == {"Hebei"}


@pytest.mark.shared
@needs_sources
def test_shandong_latest_edition_only() -> None:
    s = src("structure/shandong_city_gdp_structure_yearbook_2012_2022.csv")
    latest = s[s["is_latest_edition"] == "True"].copy()
    latest["city"] = latest["city"].replace({"Shandong (province total)": "Shandong"})
    kit = load("shandong_city_gdp")
    assert len(kit) == len(latest)
    assert assert_same_values(kit, latest, region_col="city") == len(latest)
    # 2012 has no tertiary in the source: no row, not an empty or filled one
    assert kit[(kit["year"] == 2012) & (kit["indicator"] == "va_tertiary")].empty


@pytest.mark.shared
@needs_sources
def test_census_long_form_complete() -> None:
    c = pd.read_csv(SOURCES / "structure/bohai_city_census_population_2010_2020.csv", dtype=str)
    kit = load("city_census_population")
    assert len(kit) == len(c) * 9 * 2
    assert set(kit["year"]) == {2010, 2020}
    coastal = set(c.loc[c["coastal_city"] == "True", "city"])
    assert set(kit.loc[kit["coastal_city"], "region"]) == coastal
    hebei = kit[(kit["province"] == "Hebei") & (kit["indicator"] == "pop_census")
                & (kit["year"] == 2020)]
    assert hebei["value"].sum() == c.loc[c["province"] == "Hebei", "pop_2020"].astype(int).sum()


@pytest.mark.shared
@needs_sources
def test_gaps_stay_missing_against_sources() -> None:
    """For each structure table: NaN count = empty source cells, and no key the source lacks."""
    cases = {
        "province_gdp": ["structure/province_gdp_structure_nbs_2016_2024.csv"],
        "province_gdp_vintages": ["structure/province_gdp_nbs_2004_2023_pre5thcensus.csv",
                                  "structure_gaps/province_gdp_other_vintages_1993_2024.csv",
                                  "structure_gaps/province_three_sector_snapshots_2001_2015.csv"],
        "national_gdp": ["structure_gaps/national_gdp_three_sectors.csv"],
        "national_employment": ["structure_gaps/national_employment_three_sectors.csv"],
        "hebei_city_gdp": ["structure_gaps/hebei_city_gdp_structure_compiled_2000_2023.csv"],
        "beijing_tianjin_gdp": [
            "structure_gaps/beijing_tianjin_gdp_structure_compiled_2000_2023.csv"],
    }
    for table, files in cases.items():
        s = pd.concat([src(f) for f in files], ignore_index=True)
        kit = load(table)
        src_keys = set(zip(s["region"], s["y"], s["indicator"], strict=True))
        kit_keys = set(zip(kit["region"], kit["year"], kit["indicator"], strict=True))
        assert kit_keys <= src_keys, (table, sorted(kit_keys - src_keys)[:5])
        assert set(kit["year"]) <= set(s["y"]), table
        kept = s.merge(kit[["region", "year", "indicator"]].drop_duplicates(),
                       left_on=["region", "y", "indicator"],
                       right_on=["region", "year", "indicator"])
        assert int(kit["value"].isna().sum()) == int(kept["v"].isna().sum()), table


# --------------------------------------------------------------------------------------------
# Determinism and --check
# --------------------------------------------------------------------------------------------

@pytest.mark.shared
@needs_sources
def test_build_twice_identical_bytes(tmp_path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    wa = build(SOURCES, a, aux_dir=helpers.DATA_DIR)
    wb = build(SOURCES, b, aux_dir=helpers.DATA_DIR)
    assert wa == wb
    for f in wa:
        assert (a / f).read_bytes() == (b / f).read_bytes(), f
        assert b"\r\n" not in (a / f).read_bytes(), f
    # and equal to the committed data/
    for f in wa:
        assert filecmp.cmp(a / f, helpers.DATA_DIR / f, shallow=False), f"{f} is stale"


def _run_check(out: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "scripts.build_data", "--check", "--out",
                           str(out), "--sources", str(SOURCES)], cwd=helpers.KIT_ROOT,
                          capture_output=True, text=True, timeout=300)


@pytest.mark.shared
@needs_sources
def test_check_passes_on_committed_data() -> None:
    r = _run_check(helpers.DATA_DIR)
    assert r.returncode == 0, r.stderr


@pytest.mark.shared
@needs_sources
def test_script_path_form_runs(tmp_path) -> None:
    # `python scripts/build_data/__main__.py` works from any folder, like `-m`
    r = subprocess.run([sys.executable, str(helpers.KIT_ROOT / "scripts/build_data/__main__.py"),
                        "--check", "--sources", str(SOURCES)], cwd=tmp_path,
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr


@pytest.mark.shared
@needs_sources
def test_check_fails_on_tampered_copy(tmp_path) -> None:
    out = tmp_path / "data"
    shutil.copytree(helpers.DATA_DIR, out)
    p = out / "province_gdp.csv"
    p.write_text(p.read_text(encoding="utf-8").replace("45660", "45661", 1), encoding="utf-8")
    r = _run_check(out)
    assert r.returncode == 1 and "province_gdp.csv" in r.stderr


# --------------------------------------------------------------------------------------------
# Build helpers (no sources needed)
# --------------------------------------------------------------------------------------------

def test_format_value_keeps_published_digits() -> None:
    assert common.format_value(float("1030.60")) == "1030.6"
    assert common.format_value(float("107.0")) == "107"
    assert common.format_value(float("0.00001")) == "0.00001"
    assert common.format_value(float("15695.046")) == "15695.046"
    assert common.format_value(float("nan")) == ""


def test_to_number_rejects_text_and_keeps_empty() -> None:
    out = common.to_number(pd.Series(["1.5", "", " 2 "]), "x.csv")
    assert out.iloc[0] == 1.5 and np.isnan(out.iloc[1]) and out.iloc[2] == 2.0
    with pytest.raises(common.BuildError, match="x.csv"):
        common.to_number(pd.Series(["1.5", "n/a"]), "x.csv")


def test_set_units_rejects_unit_mismatch() -> None:
    inds = {"gdp": {"unit": "100 million yuan"}}
    df = pd.DataFrame({"indicator": ["gdp", "gdp"], "unit": ["100 million yuan (亿元)",
                                                             "billion yuan"]})
    with pytest.raises(common.BuildError, match="billion yuan"):
        common.set_units(df, inds, "f.csv")
    ok = common.set_units(df.iloc[:1], inds, "f.csv")
    assert ok["unit"].iloc[0] == "100 million yuan"


def test_tidy_rejects_duplicate_keys() -> None:
    t = common.Table(name="t", title="t", description="t", build=lambda _: pd.DataFrame(),
                     origin={}, indicators={})
    row = dict(region="Hebei", region_zh="河北", year=2020, indicator="gdp", value=1.0,
               unit="u", vintage="v", flag="")
    with pytest.raises(common.BuildError, match="duplicate"):
        common.tidy(pd.DataFrame([row, row]), t)


def test_every_builder_module_present_and_tables_unique() -> None:
    tables = collect_tables(strict=True)
    names = [t.name for t in tables]
    assert len(names) == len(set(names))
    for required in ["province_gdp", "province_gdp_index", "province_population",
                     "province_gdp_vintages", "province_employment", "national_employment",
                     "national_gdp", "hebei_city_gdp", "city_census_population",
                     "shandong_city_gdp"]:
        assert required in names
    for t in tables:
        assert t.indicators and t.origin.get("vintages"), t.name
        for m in t.indicators.values():
            assert m["better"] in {"higher", "lower", "neither"} and m["min"] <= m["max"]

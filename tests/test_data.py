"""Tests of helpers.data: every table loads, the catalogue is consistent, and each validation
rule rejects a deliberately broken copy of a file with a message naming the file and the check.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import helpers
from helpers import data as hd
from helpers.data import DataError, catalogue, cite, indicator_info, load, source

DATA = helpers.DATA_DIR
PKG = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
TABLES = sorted(r["name"] for r in PKG["resources"] if r.get("x_kind") == "table")


def _hash_dir(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


@pytest.fixture
def broken(tmp_path: Path):
    """Copy data/ into tmp_path; return (folder, editor) where editor rewrites one CSV."""
    for p in DATA.iterdir():
        if p.is_file():
            shutil.copy(p, tmp_path / p.name)

    def edit(name: str, fn, restamp: bool = True) -> Path:
        """Rewrite one CSV. ``restamp``: also declare the new size and sha256 in the copy's
        datapackage.json, as a rebuild would, so the check under test is the content check
        and not the file's fingerprint."""
        path = tmp_path / f"{name}.csv"
        rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
        rows = fn(rows)
        buf = io.StringIO()
        csv.writer(buf, lineterminator="\n").writerows(rows)
        path.write_text(buf.getvalue(), encoding="utf-8")
        if restamp:
            pkg_path = tmp_path / "datapackage.json"
            pkg = json.loads(pkg_path.read_text(encoding="utf-8"))
            data = path.read_bytes()
            for res in pkg["resources"]:
                if res["name"] == name:
                    res["stats"].update(bytes=len(data), sha256=hashlib.sha256(data).hexdigest())
            pkg_path.write_text(json.dumps(pkg, indent=2), encoding="utf-8")
        return path

    return tmp_path, edit


def _col(rows: list[list[str]], name: str) -> int:
    return rows[0].index(name)


def _find(rows, **where) -> int:
    """Index (in rows, header = 0) of the first data row matching all column=value pairs."""
    idx = {k: _col(rows, k) for k in where}
    for i, r in enumerate(rows[1:], start=1):
        if all(r[idx[k]] == str(v) for k, v in where.items()):
            return i
    raise LookupError(where)


# --------------------------------------------------------------------------------------------
# Every table loads; catalogue and files agree
# --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", TABLES)
def test_every_table_loads(name: str) -> None:
    df = load(name)
    assert len(df) > 0
    res = next(r for r in PKG["resources"] if r["name"] == name)
    assert list(df.columns) == [f["name"] for f in res["schema"]["fields"]]
    assert len(df) == res["stats"]["rows"]
    assert df["year"].dtype.kind == "i" and df["value"].dtype.kind == "f"


def test_expected_tables_present() -> None:
    for name in ["province_gdp", "province_gdp_index", "province_population"]:
        assert name in TABLES


def test_frictionless_validates_package() -> None:
    # frictionless is used only here, in the tests: it takes seconds, too slow for load().
    frictionless = pytest.importorskip("frictionless")
    report = frictionless.validate(str(DATA / "datapackage.json"))
    assert report.valid, report.flatten(["taskNumber", "rowNumber", "fieldName", "type", "note"])


def test_every_csv_in_catalogue_and_back() -> None:
    on_disk = {p.name for p in DATA.glob("*.csv")}
    declared = {r["path"] for r in PKG["resources"]}
    assert on_disk == declared
    for r in PKG["resources"]:
        assert (DATA / r["path"]).is_file()


def test_readme_lists_every_table_and_no_other() -> None:
    text = (DATA / "README.md").read_text(encoding="utf-8")
    listed = set(pd.Series(text.splitlines()).str.extract(r"^## (\w+)$")[0].dropna())
    listed -= {"Tables", "Flags", "Other"}
    assert listed == set(TABLES)
    for r in PKG["resources"]:
        if r.get("x_kind") == "table":
            assert f"| {r['stats']['rows']} |" in text.split(f"[`{r['name']}`]")[1].split("\n")[0]


def test_indicators_csv_matches_catalogue() -> None:
    ind = pd.read_csv(DATA / "indicators.csv", keep_default_na=False)
    assert list(ind.columns) == ["indicator", "table", "name_en", "name_zh", "unit",
                                 "description", "better"]
    declared = {(r["name"], c) for r in PKG["resources"] if r.get("x_kind") == "table"
                for c in r["x_indicators"]}
    assert set(zip(ind["table"], ind["indicator"], strict=True)) == declared
    assert set(ind["better"]) <= {"higher", "lower", "neither"}
    assert (ind["name_zh"] != "").all() and (ind["description"] != "").all()


def test_every_table_has_origin() -> None:
    for r in PKG["resources"]:
        if r.get("x_kind") != "table":
            continue
        o = r["x_origin"]
        for key in ["producer", "publication", "vintages", "obtained_from", "licence_note",
                    "citation"]:
            assert o.get(key), (r["name"], key)
        assert r["sources"], r["name"]


def test_catalogue_source_cite_indicator_info() -> None:
    cat = catalogue()
    assert set(cat["name"]) == set(TABLES)
    assert (cat["rows"] > 0).all()
    text = source("province_gdp")
    assert "National Bureau of Statistics" in text and "nbs_post5th_2026-04" in text
    assert "preliminary" in text  # the flag meaning is explained
    lines = cite(["province_gdp", "province_population"]).splitlines()
    assert len(lines) == 2 and all(ln.startswith("- **") for ln in lines)
    info = indicator_info("va_secondary")
    assert info["unit"] == "100 million yuan" and "province_gdp" in info["tables"]
    with pytest.raises(DataError, match="va_secondary"):
        indicator_info("va_secundary")


# --------------------------------------------------------------------------------------------
# Filters, wide form, copies, caching
# --------------------------------------------------------------------------------------------

def test_filters() -> None:
    df = load("province_gdp", regions=["Hebei", "Beijing"], indicators="gdp", years=(2018, 2020))
    assert set(df["region"]) == {"Hebei", "Beijing"}
    assert set(df["indicator"]) == {"gdp"}
    assert sorted(df["year"].unique()) == [2018, 2019, 2020]
    assert len(load("province_gdp", regions="Hebei", years=[2016, 2024], indicators="gdp")) == 2


def test_unknown_filter_values_suggest() -> None:
    with pytest.raises(DataError, match="Hebei"):
        load("province_gdp", regions="Hebie")
    with pytest.raises(DataError, match="indicator"):
        load("province_gdp", indicators="gpd")


def test_wide_matches_long() -> None:
    long = load("province_gdp", regions="Hebei", indicators=["gdp", "va_primary"])
    wide = load("province_gdp", regions="Hebei", indicators=["gdp", "va_primary"], wide=True)
    for _, r in long.iterrows():
        assert wide.loc[(r["region"], r["year"]), r["indicator"]] == r["value"]


def test_load_returns_copies() -> None:
    a = load("province_population")
    a.loc[0, "value"] = -1.0
    b = load("province_population")
    assert b.loc[0, "value"] != -1.0


def test_load_does_not_write_to_data() -> None:
    before = _hash_dir(DATA)
    hd._CACHE.clear()
    for name in TABLES:
        load(name)
        source(name)
    catalogue()
    assert _hash_dir(DATA) == before


def test_gaps_stay_missing() -> None:
    # NaN in the frame exactly where the CSV cell is empty: nothing filled on load.
    for name in TABLES:
        raw = pd.read_csv(DATA / f"{name}.csv", dtype=str, keep_default_na=False)
        df = load(name)
        assert (df["value"].isna().to_numpy() == (raw["value"] == "").to_numpy()).all(), name
    # and the wide form does not invent rows or fill values
    wide = load("province_gdp", wide=True)
    long = load("province_gdp")
    assert int(wide.notna().sum().sum()) == int(long["value"].notna().sum())


def test_env_var_overrides_data_dir(broken, monkeypatch) -> None:
    folder, edit = broken
    edit("province_population", lambda rows: rows[:1] + rows[1:][::-1])  # unsorted is fine
    monkeypatch.setenv("HEBEI_KIT_DATA_DIR", str(folder))
    assert hd._data_dir(None) == folder
    assert len(load("province_population")) == len(load("province_population", data_dir=DATA))


# --------------------------------------------------------------------------------------------
# Each validation rule, with a deliberately broken copy
# --------------------------------------------------------------------------------------------

def test_unknown_table_lists_available(tmp_path) -> None:
    with pytest.raises(DataError) as e:
        load("province_gpd")
    msg = str(e.value)
    assert "province_gpd.csv" in msg and "province_gdp" in msg and "Available tables" in msg


def test_missing_file(broken) -> None:
    folder, _ = broken
    (folder / "province_gdp.csv").unlink()
    with pytest.raises(DataError, match=r"province_gdp\.csv.*file present"):
        load("province_gdp", data_dir=folder)


def test_missing_catalogue(tmp_path) -> None:
    with pytest.raises(DataError, match="datapackage.json"):
        load("province_gdp", data_dir=tmp_path)


def test_truncated_mid_line(broken) -> None:
    folder, _ = broken
    path = folder / "province_gdp.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: len(text) // 2].rsplit(",", 3)[0], encoding="utf-8")
    with pytest.raises(DataError, match=r"province_gdp\.csv: row \d+ .*(check: field count)"):
        load("province_gdp", data_dir=folder)


def test_truncated_at_line_end(broken) -> None:
    folder, edit = broken
    edit("province_gdp", lambda rows: rows[: len(rows) // 2])
    with pytest.raises(DataError, match=r"province_gdp\.csv: .*truncated.*(check: row count)"):
        load("province_gdp", data_dir=folder)


def test_empty_file(broken) -> None:
    folder, _ = broken
    (folder / "province_gdp.csv").write_text("", encoding="utf-8")
    with pytest.raises(DataError, match=r"province_gdp\.csv.*empty"):
        load("province_gdp", data_dir=folder)


def test_text_in_number_column(broken) -> None:
    folder, edit = broken

    def corrupt(rows):
        rows[10][_col(rows, "value")] = "12,3x"
        return rows

    edit("province_gdp", corrupt)
    with pytest.raises(DataError) as e:
        load("province_gdp", data_dir=folder)
    msg = str(e.value)
    assert "province_gdp.csv" in msg and "row 10 (line 11" in msg and "'value'" in msg
    assert "not a number" in msg


def test_text_in_year_column(broken) -> None:
    folder, edit = broken

    def corrupt(rows):
        rows[5][_col(rows, "year")] = "2O20"
        return rows

    edit("province_population", corrupt)
    with pytest.raises(DataError, match=r"province_population\.csv: row 5 .*'year'.*integer"):
        load("province_population", data_dir=folder)


def test_duplicate_key(broken) -> None:
    folder, edit = broken
    edit("province_gdp", lambda rows: rows[:3] + [rows[2]] + rows[3:-1])
    with pytest.raises(DataError) as e:
        load("province_gdp", data_dir=folder)
    msg = str(e.value)
    assert "province_gdp.csv" in msg and "unique primary key" in msg and "rows [2, 3]" in msg


@pytest.mark.parametrize("change", ["rename", "drop", "swap"])
def test_wrong_header(broken, change) -> None:
    folder, edit = broken

    def corrupt(rows):
        if change == "rename":
            rows[0][_col(rows, "unit")] = "units"
        elif change == "drop":
            rows = [r[:-1] for r in rows]
        else:
            rows[0][0], rows[0][1] = rows[0][1], rows[0][0]
        return rows

    edit("province_gdp_index", corrupt)
    with pytest.raises(DataError) as e:
        load("province_gdp_index", data_dir=folder)
    msg = str(e.value)
    assert "province_gdp_index.csv" in msg and "(check: header)" in msg
    expected = {"rename": "'unit'", "drop": "'flag'", "swap": "wrong order"}[change]
    assert expected in msg


def test_unit_tampered(broken) -> None:
    folder, edit = broken

    def corrupt(rows):
        i = _find(rows, region="Hebei", year=2020, indicator="gdp")
        rows[i][_col(rows, "unit")] = "billion yuan"
        return rows

    edit("province_gdp", corrupt)
    with pytest.raises(DataError) as e:
        load("province_gdp", data_dir=folder)
    msg = str(e.value)
    assert "province_gdp.csv" in msg and "Hebei 2020 gdp" in msg and "(check: unit)" in msg


def test_out_of_range_value(broken) -> None:
    folder, edit = broken

    def corrupt(rows):
        i = _find(rows, region="Hebei", year=2019, indicator="gdp_per_capita")
        rows[i][_col(rows, "value")] = "-46348"
        return rows

    edit("province_gdp", corrupt)
    with pytest.raises(DataError, match=r"province_gdp\.csv: .*Hebei 2019 gdp_per_capita.*"
                                        r"(check: value range)"):
        load("province_gdp", data_dir=folder)


def test_unknown_indicator_code(broken) -> None:
    folder, edit = broken

    def corrupt(rows):
        rows[7][_col(rows, "indicator")] = "gdp_usd"
        return rows

    edit("province_gdp", corrupt)
    with pytest.raises(DataError, match=r"province_gdp\.csv: row 7 .*gdp_usd"):
        load("province_gdp", data_dir=folder)


def test_unknown_flag_code(broken) -> None:
    folder, edit = broken

    def corrupt(rows):
        rows[3][_col(rows, "flag")] = "guessed"
        return rows

    edit("province_population", corrupt)
    with pytest.raises(DataError, match=r"province_population\.csv: row 3 .*flag code known"):
        load("province_population", data_dir=folder)


def test_broken_three_sector_identity(broken) -> None:
    folder, edit = broken

    def corrupt(rows):
        i = _find(rows, region="Hebei", year=2021, indicator="va_tertiary")
        v = float(rows[i][_col(rows, "value")])
        rows[i][_col(rows, "value")] = str(round(v + 500.0, 1))
        return rows

    edit("province_gdp", corrupt)
    with pytest.raises(DataError) as e:
        load("province_gdp", data_dir=folder)
    msg = str(e.value)
    assert "province_gdp.csv" in msg and "Hebei 2021" in msg
    assert "va_primary + va_secondary + va_tertiary = gdp" in msg and "+500" in msg


def test_broken_population_identity(broken) -> None:
    folder, edit = broken

    def corrupt(rows):
        i = _find(rows, region="Tianjin", year=2017, indicator="pop_urban")
        rows[i][_col(rows, "value")] = str(float(rows[i][_col(rows, "value")]) - 30)
        return rows

    edit("province_population", corrupt)
    with pytest.raises(DataError, match=r"province_population\.csv: Tianjin 2017 .*-30"):
        load("province_population", data_dir=folder)


def test_empty_value_is_allowed_and_stays_nan(broken) -> None:
    folder, edit = broken

    def blank(rows):
        i = _find(rows, region="Hebei", year=2018, indicator="va_finance")
        rows[i][_col(rows, "value")] = ""
        return rows

    edit("province_gdp", blank)
    # the row count and sha in the catalogue do not change the semantic checks: loads fine
    df = load("province_gdp", data_dir=folder, regions="Hebei", years=2018,
              indicators="va_finance")
    assert len(df) == 1 and np.isnan(df["value"].iloc[0])


def test_cache_sees_changes(broken) -> None:
    folder, edit = broken
    assert len(load("province_gdp", data_dir=folder)) > 0
    edit("province_gdp", lambda rows: rows[:1] + rows[1:-1])
    with pytest.raises(DataError, match="row count"):
        load("province_gdp", data_dir=folder)



# ------------------------------------------------------------ issue 21: files and filters
def test_same_size_edit_of_one_value_is_refused_by_its_sha256(broken) -> None:
    folder, edit = broken

    def nudge(rows):  # 4683 -> 4684: same size, still a valid number in range
        i, c = 2, _col(rows, "value")
        v = rows[i][c]
        rows[i][c] = v[:-1] + ("1" if v[-1] != "1" else "2")
        return rows

    edit("energy_consumption", nudge, restamp=False)  # a table with no identity to break
    with pytest.raises(DataError,
                       match=r"energy_consumption\.csv: .*value was edited.*check: sha256"):
        load("energy_consumption", data_dir=folder)


def test_size_mismatch_is_named(broken) -> None:
    folder, edit = broken

    def pad(rows):  # 4683 -> 4683.0: the same number, one more byte
        rows[2][_col(rows, "value")] += ".0"
        return rows

    edit("energy_consumption", pad, restamp=False)
    with pytest.raises(DataError, match=r"bytes but the catalogue declares .*check: size"):
        load("energy_consumption", data_dir=folder)


def test_bom_is_named(broken) -> None:
    folder, _ = broken
    path = folder / "province_gdp.csv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    with pytest.raises(DataError, match=r"byte-order mark \(BOM\).*check: encoding"):
        load("province_gdp", data_dir=folder)


@pytest.mark.parametrize(("kwargs", "needle"), [
    ({"years": 2016.7}, "whole years"),
    ({"years": (2020, 2016)}, "reversed"),
    ({"years": (1900, 1901)}, "matches no year"),
    ({"years": [1800]}, "matches no year"),
    ({"years": []}, "empty list of years"),
    ({"regions": []}, "empty list of regions"),
    ({"indicators": []}, "empty list of indicators"),
    ({"vintage": []}, "empty list of vintages"),
    ({"years": ("2016", 2020)}, "whole years"),
])
def test_filters_that_cannot_match_are_refused(kwargs, needle) -> None:
    with pytest.raises(DataError, match=needle) as info:
        load("province_gdp", **kwargs)
    assert "province_gdp.csv" in str(info.value) and "check: filter values" in str(info.value)
    if needle in ("reversed", "matches no year"):
        assert "the table covers" in str(info.value)  # the allowed years are named


def test_open_ended_year_range() -> None:
    all_years = load("province_gdp")["year"]
    upto = load("province_gdp", years=(None, 2020))["year"]
    since = load("province_gdp", years=(2020, None))["year"]
    assert upto.min() == all_years.min() and upto.max() == 2020
    assert since.min() == 2020 and since.max() == all_years.max()


@pytest.mark.parametrize(("content", "needle"), [
    ("[]", "must be a JSON object"),
    ('{"resources": {}}', "'resources' must be a list"),
    ('{"resources": [1]}', r"resources\[0\] must be an object"),
    ('{"resources": [{"path": "x.csv"}]}', r"resources\[0\] has no 'name'"),
    ('{"resources": [{"name": "t", "path": "t.csv"}]}', "table 't'.*no schema"),
    ('{"resources": [{"name": "t", "schema": {"fields": []}}]}', "table 't'.*no 'path'"),
])
def test_malformed_catalogue_is_a_data_error_naming_the_entry(tmp_path, content, needle) -> None:
    (tmp_path / "datapackage.json").write_text(content, encoding="utf-8")
    with pytest.raises(DataError, match=needle) as info:
        load("t", data_dir=tmp_path)
    assert "datapackage.json" in str(info.value) and "check: catalogue structure" in str(
        info.value)

"""Tests for helpers.digital: indicator scaling, explicit sample, entropy-weighted index.

Hand-computed values on tiny synthetic frames; on the real data, the numbers lessons 04 and 05
print (their stored NBVAL_CHECK_OUTPUT outputs) are reproduced.
"""

from __future__ import annotations

import math
import re

import nbformat
import numpy as np
import pandas as pd
import pytest

from conftest import KIT_ROOT
from helpers import digital

IDX = pd.MultiIndex.from_tuples([("A", 2016), ("A", 2017), ("B", 2016), ("B", 2017)],
                                names=["region", "year"])


def test_derive_indicators_by_hand():
    raw = {
        "digital_indicators": pd.DataFrame({
            "internet_broadband_subscribers": [50.0, 60.0, 30.0, np.nan],  # 10k
            "software_business_revenue": [2e4, 4e4, 1e4, 1e4],  # 10k yuan
            "mobile_internet_traffic": [200.0, 300.0, 100.0, 150.0],  # 10k GB
        }, index=IDX),
        "pku_dfiic_province": pd.DataFrame({"pku_dfiic_index_aggregate": [250.0, 260.0,
                                                                          240.0, 245.0]},
                                           index=IDX),
    }
    pop = pd.Series([100.0, 120.0, 60.0, 50.0], index=IDX)  # 10k persons
    gdp = pd.Series([10.0, 20.0, 5.0, 4.0], index=IDX)  # 100 million yuan
    out = digital.derive_indicators(raw, pop, gdp, ["broadband_per_100",
                                                    "software_revenue_pct_gdp",
                                                    "mobile_traffic_per_person", "pku_dfiic"])
    # 100 * 50 / 100 = 50 per 100 people; 30 / 60 -> 50; B 2017 missing stays missing
    assert out.loc[("A", 2016), "broadband_per_100"] == 50.0
    assert out.loc[("B", 2016), "broadband_per_100"] == 50.0
    assert math.isnan(out.loc[("B", 2017), "broadband_per_100"])
    # 2e4 (10k yuan) = 2 (100 million yuan); 100 * 2 / 10 = 20 % of GDP
    assert out.loc[("A", 2016), "software_revenue_pct_gdp"] == pytest.approx(20.0)
    assert out.loc[("B", 2017), "software_revenue_pct_gdp"] == pytest.approx(25.0)
    assert out.loc[("A", 2017), "mobile_traffic_per_person"] == pytest.approx(2.5)
    assert out.loc[("B", 2016), "pku_dfiic"] == 240.0  # as published
    with pytest.raises(ValueError, match="unknown indicator"):
        digital.derive_indicators(raw, pop, gdp, ["broadband"])


def _panel() -> pd.DataFrame:
    """Scaled panel: 2 regions x 3 years, one gap (B 2018 broadband)."""
    idx = pd.MultiIndex.from_product([["A", "B"], [2016, 2017, 2018]],
                                     names=["region", "year"])
    return pd.DataFrame({
        "broadband_per_100": [0.0, 1.0, 2.0, 5.0, 6.0, np.nan],
        "computers_per_100_employees": [0.0, 0.0, 2.0, 1.0, 1.0, 1.0],
        "software_revenue_pct_gdp": [1.0, math.e, math.e ** 2, 1.0, 1.0, 1.0],
    }, index=idx)


def test_frame_drops_incomplete_rows_reports_them_and_logs_money_flows():
    frame, report = digital.digital_indicators_frame(
        ["broadband_per_100", "software_revenue_pct_gdp"], panel=_panel())
    assert list(frame.index) == [("A", 2016), ("A", 2017), ("A", 2018), ("B", 2016),
                                 ("B", 2017)]
    np.testing.assert_allclose(frame.loc["A", "software_revenue_pct_gdp"], [0.0, 1.0, 2.0])
    assert report.region_years_dropped == {"B": [2018]} and report.regions_dropped == {}
    assert report.rows_kept == 5 and report.rows_dropped == 1
    assert report.sample_years == [2016, 2017, 2018] and report.years_dropped == {}
    assert "- **B** loses 2018 (a chosen indicator is missing)." in report.lines()
    # a window where B has no broadband at all: B drops out, named with the indicator
    frame, report = digital.digital_indicators_frame(["broadband_per_100"], 2018, 2018,
                                                     panel=_panel())
    assert list(frame.index) == [("A", 2018)]
    assert report.regions_dropped == {"B": ["broadband_per_100"]}
    assert report.lines()[1] == ("- **B drops out**: no value for `broadband_per_100` in any "
                                 "year (the source does not publish it); nothing is filled in.")
    assert report.lines("zh")[0] == "- **年份**：2018-2018（1年）。"
    assert report.lines("zh")[1].startswith("- **B被剔除**：任何年份都没有`broadband_per_100`")
    unlogged, _ = digital.digital_indicators_frame(["software_revenue_pct_gdp"],
                                                   panel=_panel(), log=False)
    assert unlogged.loc[("A", 2017), "software_revenue_pct_gdp"] == pytest.approx(math.e)


def test_year_without_any_value_is_reported_once():
    p = _panel()
    p.loc[(slice(None), 2018), "computers_per_100_employees"] = np.nan
    frame, report = digital.digital_indicators_frame(
        ["broadband_per_100", "computers_per_100_employees"], panel=p)
    assert report.years_dropped == {2018: ["computers_per_100_employees"]}
    assert report.region_years_dropped == {} and report.last_year[
        "computers_per_100_employees"] == 2017
    assert report.lines()[1].startswith("- **Years dropped**: 2018, because "
                                        "`computers_per_100_employees` has no value then")


def test_entropy_weights_and_index_by_hand():
    # A: broadband 0, 1, 2 (B: 5, 6 excluded by choosing region A's rows only)
    # z_broadband = (0, .5, 1), p = (0, 1/3, 2/3): e = 1 - 2 ln 2 / (3 ln 3), d = 2 ln 2 / 3 ln 3
    # z_computers = (0, 0, 1), p = (0, 0, 1): e = 0, d = 1
    rows = [("A", 2016), ("A", 2017), ("A", 2018)]
    index, weights = digital.digital_index(["broadband_per_100",
                                            "computers_per_100_employees"], panel=_panel(),
                                           rows=rows)
    d1 = 2 * math.log(2) / (3 * math.log(3))
    assert weights["broadband_per_100"] == pytest.approx(d1 / (d1 + 1))
    assert weights["computers_per_100_employees"] == pytest.approx(1 / (d1 + 1))
    w1 = d1 / (d1 + 1)
    np.testing.assert_allclose(index.to_numpy(), [0.0, 0.5 * w1, 1.0])
    assert index.name == "digital_economy_index" and list(index.index) == rows


def test_index_errors():
    with pytest.raises(ValueError, match="No province-year in 2018-2018"):
        digital.digital_index(["broadband_per_100", "computers_per_100_employees"], 2018, 2018,
                              panel=_panel())
    with pytest.raises(ValueError, match="missing values"):
        digital.digital_indicators_frame(["broadband_per_100"], panel=_panel(),
                                         rows=[("B", 2018)])
    bad = _panel().assign(software_revenue_pct_gdp=0.0)
    with pytest.raises(ValueError, match="cannot be logged"):
        digital.digital_indicators_frame(["software_revenue_pct_gdp"], panel=bad)


# ------------------------------------------------------------------------------ real data
def _checked_output(name: str, startswith: str) -> str:
    nb = nbformat.read(KIT_ROOT / "notebooks" / name, as_version=4)
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            for line in out.get("text", "").splitlines():
                if line.startswith(startswith):
                    return line
    raise AssertionError(f"{name}: no stored output starting {startswith!r}")


def test_real_data_reproduces_lesson_04_defaults():
    index, weights = digital.digital_index(digital.DEFAULT_INDICATORS, 2016, 2024)
    printed = _checked_output("04_digital_economy_index.ipynb", "weights:")
    assert printed == "weights: " + ", ".join(
        f"{c} {w:.3f}" for c, w in weights.sort_values(ascending=False).items())
    hebei = index.xs("Hebei", level="region")
    assert _checked_output("04_digital_economy_index.ipynb", "index:") == "index: " + ", ".join(
        f"{y} {v:.3f}" for y, v in hebei.items())
    _, report = digital.digital_indicators_frame(digital.DEFAULT_INDICATORS, 2016, 2024)
    years = report.sample_years
    assert _checked_output("04_digital_economy_index.ipynb", "years ") == (
        f"years {years[0]}-{years[-1]}, provinces {index.index.get_level_values(0).nunique()}, "
        f"region-years {len(index)}")
    assert list(report.regions_dropped) == re.findall(
        r"\w+", _checked_output("04_digital_economy_index.ipynb", "dropped provinces:")
        .split(":", 1)[1])


def test_real_data_reproduces_lesson_05_subsystem():
    line = _checked_output("05_digital_mechanisms.ipynb", "index rows")
    start, end = map(int, re.search(r"years (\d+)-(\d+)", line).groups())
    index, _ = digital.digital_index(digital.DEFAULT_INDICATORS, start, end)
    assert line == f"index rows {len(index)}, years {start}-{end}"
    hebei = _checked_output("05_digital_mechanisms.ipynb", "Hebei: index")
    assert hebei.startswith(f"Hebei: index {index[('Hebei', end)]:.3f},")

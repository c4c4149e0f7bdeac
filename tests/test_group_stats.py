"""helpers.group_stats: sector shares of GDP, group totals and means, census GDP per person."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from helpers import group_stats as gs


@pytest.fixture()
def wide() -> pd.DataFrame:
    rows = [("A", 2000, 200, 20, 80, 100), ("B", 2000, 100, 10, 60, 30),
            ("A", 2001, 100, 10, 50, 40), ("B", 2001, 100, 10, 50, 40), ("C", 2001, 50, 5, 5, 40)]
    return pd.DataFrame(rows, columns=["region", "year", "gdp", "va_primary", "va_secondary",
                                       "va_tertiary"]).set_index(["region", "year"])


def test_sector_shares_of_gdp(wide):
    out = gs.sector_shares_of_gdp(wide).set_index(["region", "year", "indicator"])["value"]
    assert out[("A", 2000, "primary_share")] == pytest.approx(10.0)
    assert out[("A", 2000, "secondary_share")] == pytest.approx(40.0)
    assert out[("B", 2000, "tertiary_share")] == pytest.approx(30.0)
    assert len(out) == 3 * len(wide)


def test_group_shares_add_members_first_and_leave_incomplete_years_out(wide):
    out = gs.group_shares(wide, {"g1": ["A", "B"], "g2": ["C"]}, [2000, 2001])
    out = out.set_index(["group", "year", "indicator"])["value"]
    assert out[("g1", 2000, "secondary_share")] == pytest.approx(100 * 140 / 300)
    assert out[("g1", 2001, "secondary_share")] == pytest.approx(50.0)
    assert math.isnan(out[("g2", 2000, "secondary_share")])  # C has no 2000 row
    assert out[("g2", 2001, "tertiary_share")] == pytest.approx(80.0)


def test_group_means_and_gap():
    values = pd.Series({"A": 1.0, "B": 3.0, "C": 10.0})
    wide = pd.DataFrame({2000: values, 2001: 2 * values})
    means = gs.group_means(wide, {"g1": ["A", "B"], "g2": ["C"]})
    assert means.loc["g1", 2000] == pytest.approx(2.0)
    assert means.loc["g2", 2001] == pytest.approx(20.0)
    assert gs.group_gap(values, ["C"]) == pytest.approx(8.0)
    assert gs.group_gap(values, ["A"]) == pytest.approx(1 - 6.5)


def test_census_per_capita_with_fallback():
    gdp = pd.DataFrame({2010: [1.0, np.nan], 2020: [3.0, 4.0]}, index=["A", "B"])  # 1e8 yuan
    pop = pd.DataFrame({2010: [1e4, 2e4], 2020: [1e4, 2e4]}, index=["A", "B"])
    fallback = pd.Series({("B", 2010): 2.0})
    out = gs.census_per_capita(gdp, pop, [2010, 2020], fallback, source="main",
                               fallback_source="list")
    assert list(out["value"]) == pytest.approx([1e4, 1e4, 3e4, 2e4])
    assert list(out["gdp_source"]) == ["main", "list", "main", "main"]
    no_fallback = gs.census_per_capita(gdp, pop, [2010])
    assert math.isnan(no_fallback["value"].iloc[1])  # never filled


def test_top_region():
    frame = pd.DataFrame({"region": ["A", "B", "A", "B"], "year": [2000, 2000, 2001, 2001],
                          "indicator": "x", "value": [1.0, 2.0, 5.0, 4.0]})
    assert gs.top_region(frame, "x", 2000) == "B"
    assert gs.top_region(frame, "x", 2001) == "A"
    with pytest.raises(ValueError):
        gs.top_region(frame, "x", 1999)


def test_city_shares_equal_value_added_over_gdp_in_the_real_table():
    from helpers.data import load

    city = load("hebei_city_gdp")
    wide = city.pivot_table(index=["region", "year"], columns="indicator", values="value")
    shares = gs.sector_shares_of_gdp(wide).set_index(["region", "year", "indicator"])["value"]
    row = city[(city["region"] == "Tangshan") & (city["year"] == 2023)].set_index("indicator")
    expected = 100 * row.loc["va_secondary", "value"] / row.loc["gdp", "value"]
    assert shares[("Tangshan", 2023, "secondary_share")] == pytest.approx(expected)

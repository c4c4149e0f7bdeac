"""helpers.data_quality: cell status from flags, checks against anchors, year-on-year jumps."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from helpers import data_quality as dq


def test_cell_status_follows_the_precedence_of_flags():
    assert dq.cell_status(["", None]) == "flag_published"
    assert dq.cell_status(["", "derived"]) == "flag_derived"
    assert dq.cell_status(["rounded", "derived"]) == "flag_rounded"
    assert dq.cell_status(["derived", "rounded;series_break"]) == "flag_break"
    assert dq.cell_status(["jump"]) == "flag_published"  # a code without a status of its own


def test_first_flag_year_finds_whole_codes_only():
    frame = pd.DataFrame({"year": [2017, 2018, 2019, 2020],
                          "flag": ["", "jump", "derived;series_break", "series_break"]})
    assert dq.first_flag_year(frame, "series_break") == 2019
    assert dq.first_flag_year(frame, "jump") == 2018
    with pytest.raises(ValueError, match="release_change"):
        dq.first_flag_year(frame, "release_change")
    with pytest.raises(ValueError):
        dq.first_flag_year(frame, "series")  # part of a code is not the code


def test_status_grid_marks_missing_region_years_left_out():
    frame = pd.DataFrame({"region": ["A", "A", "A", "B", "B"],
                          "year": [2000, 2000, 2001, 2000, 2000],
                          "flag": ["", "derived", "rounded", "", ""]})
    grid = dq.status_grid(frame, ["B", "A"], [2000, 2001])
    assert list(grid.index) == ["B", "A"]
    assert grid.loc["A", 2000] == "flag_derived"
    assert grid.loc["A", 2001] == "flag_rounded"
    assert grid.loc["B", 2000] == "flag_published"
    assert grid.loc["B", 2001] == "flag_left_out"
    assert set(grid.to_numpy().ravel()) <= set(dq.STATUS_ORDER)
    assert len(dq.STATUS_ORDER) == len(dq.STATUS_COLORS)


def test_anchor_check_verdicts():
    compiled = pd.Series({("A", 2020): 100.0, ("A", 2021): 100.4, ("B", 2020): 50.0})
    anchors = pd.DataFrame({"region": ["A", "A", "B", "C"], "year": [2020, 2021, 2020, 2020],
                            "vintage": ["list"] * 4, "value": [100.02, 100.0, 49.0, 7.0]})
    out = dq.anchor_check(compiled, anchors)
    assert list(out["verdict"]) == ["equal", "rounded", "different", "left_out"]
    assert list(out["difference"].iloc[:3]) == [-0.02, 0.4, 1.0]
    assert np.isnan(out["compiled"].iloc[3])
    assert list(out.columns) == ["region", "year", "anchor_vintage", "anchor", "compiled",
                                 "difference", "verdict"]


def test_yoy_jumps_outside_the_band_and_never_into_the_break():
    wide = pd.DataFrame({2000: [100.0, 100.0], 2001: [140.0, 96.0], 2002: [139.0, 97.0]},
                        index=["A", "B"])
    # A 2000-2001: +40 % (> 30); B 2000-2001: -4 % (< -3); A 2001-2002: -0.7 % (inside)
    assert dq.yoy_jumps(wide, [2000, 2001, 2002]) == [("A", 2001, pytest.approx(40.0)),
                                                       ("B", 2001, pytest.approx(-4.0))]
    assert dq.yoy_jumps(wide, [2000, 2001, 2002], break_year=2001) == []
    assert dq.yoy_jumps(wide, [2001, 2002]) == []  # 2000 is outside the years


def test_real_city_table_has_its_documented_break_and_left_out_cells():
    from helpers.data import load
    from helpers.regions import HEBEI_CITIES

    gdp = load("hebei_city_gdp")
    assert dq.first_flag_year(gdp, "series_break") == 2019
    grid = dq.status_grid(gdp, list(HEBEI_CITIES), range(2000, 2024))
    left = grid.stack()[grid.stack() == "flag_left_out"].index.tolist()
    assert left == [("Baoding", 2020), ("Baoding", 2021)]

"""The reading functions added to helpers.structure (measure_frame, step_changes, theil_of),
by hand, and the Theil index of the lesson's regions against plain pandas on the real data."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from helpers.data import load
from helpers.structure import (
    STRUCTURE_MEASURES,
    measure_frame,
    step_changes,
    structure_measures,
    theil_of,
)


def test_measure_frame_selects_and_drops_missing():
    m = pd.DataFrame({"region": ["A", "A", "A", "B"], "year": [2018, 2019, 2020, 2019],
                      "measure": ["x", "x", "y", "x"], "value": [1.0, np.nan, 3.0, 4.0]})
    assert measure_frame(m, "x").to_dict("list") == {"region": ["A", "B"], "year": [2018, 2019],
                                                     "value": [1.0, 4.0]}
    assert measure_frame(m, "x", (2019, 2020))["region"].tolist() == ["B"]


def test_step_changes_by_hand():
    f = pd.DataFrame({"region": ["A"] * 4 + ["B"] * 3,
                      "year": [2018, 2019, 2020, 2021, 2018, 2019, 2020],
                      "value": [0.30, 0.20, 0.50, 0.45, 0.1, 0.2, 0.3]})
    ch = step_changes(f, ["B", "A"], [(2018, 2019), (2020, 2021)])
    assert list(ch.index) == ["A"]  # B has no 2021: left out
    assert list(ch.columns) == ["2018-2019", "2020-2021"]
    assert ch.loc["A"].tolist() == pytest.approx([-0.10, -0.05])
    assert step_changes(f, ["B"], [(2018, 2020)]).loc["B", "2018-2020"] == pytest.approx(0.2)


def test_theil_of_by_hand():
    out = pd.DataFrame({"region": "A", "year": 2021,
                        "indicator": ["va_primary", "va_secondary", "va_tertiary"],
                        "value": [10.0, 50.0, 40.0]})
    emp = pd.DataFrame({"region": "A", "year": 2021,
                        "indicator": ["emp_primary", "emp_secondary", "emp_tertiary"],
                        "value": [30.0, 30.0, 40.0]})
    # TL = 0.1 ln(0.1/0.3) + 0.5 ln(0.5/0.3) + 0.4 ln(0.4/0.4)
    expected = 0.1 * math.log(1 / 3) + 0.5 * math.log(5 / 3)
    assert theil_of(out, emp, "A", 2021) == pytest.approx(expected)
    with pytest.raises(KeyError):
        theil_of(out, emp, "A", 2020)


def test_structure_measures_names():
    assert STRUCTURE_MEASURES[0] == "theil_rationalization" and len(STRUCTURE_MEASURES) == 4


def test_real_theil_against_plain_pandas():
    gdp = load("province_gdp")
    out = gdp[gdp["indicator"].isin(["va_primary", "va_secondary", "va_tertiary"])]
    emp = load("province_employment")
    tl = measure_frame(structure_measures(out, emp), "theil_rationalization", (2018, 2021))
    for region in ("Beijing", "Hebei", "Shandong"):
        for year in (2018, 2021):
            y = out[(out["region"] == region) & (out["year"] == year)].sort_values("indicator")
            e = emp[(emp["region"] == region) & (emp["year"] == year)].sort_values("indicator")
            ys, ls = y["value"].to_numpy(), e["value"].to_numpy()
            ys, ls = ys / ys.sum(), ls / ls.sum()
            expected = float((ys * np.log(ys / ls)).sum())
            got = tl[(tl["region"] == region) & (tl["year"] == year)]["value"].item()
            assert got == pytest.approx(expected, rel=1e-12), (region, year)
            assert theil_of(out, emp, region, year) == pytest.approx(expected, rel=1e-12)

"""helpers.intensity: per-GDP intensities, series breaks, the fall since the last break."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.data import load
from helpers.intensity import fall_since_break, intensity_summary, per_gdp
from helpers.source_flags import breaks_of

YEARS = pd.Index([2010, 2011, 2012, 2013], name="year")


def _wide(values: dict[str, list[float]]) -> pd.DataFrame:
    return pd.DataFrame(values, index=YEARS)


def test_per_gdp_by_hand_and_drops_empty_rows_and_columns():
    q = _wide({"A": [10.0, 20.0, 30.0, 40.0], "B": [None] * 4})
    gdp = _wide({"A": [100.0, 100.0, 200.0, 400.0], "B": [1.0] * 4})
    out = per_gdp(q, gdp, factor=1000)
    assert list(out.columns) == ["A"]  # B has no quantity at all
    assert out["A"].tolist() == pytest.approx([100.0, 200.0, 150.0, 100.0])


def test_fall_since_break_by_hand():
    s = pd.Series([4.0, 3.0, 2.0, 1.5], index=YEARS)
    assert fall_since_break(s, [2012]) == (2012, 2013, pytest.approx(25.0))  # 1 - 1.5/2
    assert fall_since_break(s, []) == (2010, 2013, pytest.approx(62.5))      # 1 - 1.5/4
    assert fall_since_break(s, [2010, 2020]) == (2010, 2013, pytest.approx(62.5))
    rising = pd.Series([1.0, 2.0], index=[2010, 2011])
    assert fall_since_break(rising, [])[2] == pytest.approx(-100.0)  # negative = it rose


def test_intensity_summary_by_hand():
    q = _wide({"A": [10.0, 20.0, 30.0, 40.0], "B": [5.0, 5.0, 5.0, 80.0]})
    gdp = _wide({"A": [10.0, 10.0, 20.0, 40.0], "B": [1.0, 1.0, 1.0, 100.0]})
    s = intensity_summary(per_gdp(q, gdp), q, "A", [2012])
    # A 2013: 40 / 40 = 1.0 (rank 1 of 2 against B's 0.8); total 40 < 80 -> rank 2
    assert s == {"year": 2013, "value": 1.0, "rank": 1, "n": 2, "total_rank": 2, "base": 2012,
                 "fall": pytest.approx(100 * (1 - 1.0 / 1.5))}


def test_hebei_energy_intensity_against_plain_pandas():
    en = load("energy_consumption", regions="Hebei").set_index("year")["value"]
    gdp = load("province_gdp_vintages", regions="Hebei", indicators="gdp",
               vintage="nbs_post5th_2026-03").set_index("year")["value"]
    ei = (en / gdp).dropna()
    last = int(ei.index.max())
    want = 100 * (1 - ei[last] / ei[2013])  # the energy series breaks in 2013
    energy = load("energy_consumption")
    wide = energy.pivot(index="year", columns="region", values="value")
    gdp_w = load("province_gdp_vintages", indicators="gdp", vintage="nbs_post5th_2026-03").pivot(
        index="year", columns="region", values="value")
    intensity = per_gdp(wide, gdp_w)
    assert 2013 in breaks_of(energy)
    base, year, fall = fall_since_break(intensity["Hebei"], breaks_of(energy))
    assert (base, year) == (2013, last)
    assert fall == pytest.approx(want)

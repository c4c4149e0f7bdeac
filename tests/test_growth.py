"""helpers.growth: windows that never cross a break, compound and year-on-year growth."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from helpers import growth


def test_break_windows():
    assert growth.break_windows(2000, 2023, 2019) == [(2000, 2018), (2019, 2023)]
    assert growth.break_windows(2019, 2020, 2019) == [(2019, 2020)]
    assert growth.break_windows(2018, 2019, 2019) == []  # one year on each side: no span
    assert growth.break_windows(2000, 2005, None) == [(2000, 2005)]
    assert growth.break_windows(2000, 2005, 2019) == [(2000, 2005)]


def test_cagr_by_hand():
    assert growth.cagr(pd.Series({2000: 100.0, 2002: 121.0}), 2000, 2002) == pytest.approx(10.0)
    wide = pd.DataFrame({2000: [100.0, 50.0], 2001: [150.0, 50.0]}, index=["A", "B"])
    assert list(growth.cagr(wide, 2000, 2001)) == pytest.approx([50.0, 0.0])
    with pytest.raises(ValueError):
        growth.cagr(wide, 2001, 2001)


def test_yoy_growth_skips_the_break_year():
    s = pd.Series({2017: 100.0, 2018: 110.0, 2019: 99.0, 2020: 108.9})
    out = growth.yoy_growth(s, [2017, 2018, 2019, 2020], 2019)
    assert list(out.index) == [2018, 2020]
    assert list(out) == pytest.approx([10.0, 10.0])


def test_compare_growth_totals_and_pairs():
    wide = pd.DataFrame({2000: [100.0, 100.0, 100.0], 2002: [121.0, 144.0, 100.0]},
                        index=["A", "B", "C"])
    out = growth.compare_growth(wide, ["A"], ["B", "C"], 2000, 2002)
    assert out["first"] == pytest.approx(10.0)
    assert out["second"] == pytest.approx(100 * (math.sqrt(244 / 200) - 1))
    assert out["faster"] == 1 and out["pairs"] == 2
    assert out["slower"] == {"A": ["B"]}
    assert out["rates"]["B"] == pytest.approx(20.0)


def test_compare_growth_total_is_nan_when_a_member_lacks_a_value():
    wide = pd.DataFrame({2000: [100.0, float("nan")], 2001: [110.0, 50.0]}, index=["A", "B"])
    assert math.isnan(growth.compare_growth(wide, ["A", "B"], ["A"], 2000, 2001)["first"])


def test_price_part_by_hand():
    nominal = pd.Series({2016: 100.0, 2017: 110.0, 2018: 121.0})
    index = pd.Series({2017: 105.0, 2018: 104.0, 2019: 103.0})
    out = growth.price_part(nominal, index, [2017, 2018, 2019])
    assert list(out.index) == [2017, 2018]  # 2019 has no level
    assert list(out["nominal"]) == pytest.approx([10.0, 10.0])
    assert list(out["real"]) == pytest.approx([5.0, 4.0])
    assert list(out["price"]) == pytest.approx([5.0, 6.0])
    assert growth.price_part(nominal, index, []).empty

"""helpers.innovation_indicators: the five ratios by hand on a small frame, the latest-values
table, and "rose every year" against plain pandas on the real R&D data."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.data import load
from helpers.innovation_indicators import (
    INDICATORS,
    innovation_indicators,
    latest_table,
    rose_every_year,
)

FIS = "local_general_budget_expenditure_"


def _tidy(rows):
    return pd.DataFrame(rows, columns=["region", "year", "indicator", "value"])


def _inputs():
    rd = _tidy([("A", 2020, "rd_intensity_pct_gdp", 2.0), ("A", 2020, "rd_personnel_fte_total",
                                                            5000.0),
                ("B", 2020, "rd_intensity_pct_gdp", 1.0), ("China", 2020, "rd_intensity_pct_gdp",
                                                           2.4)])
    fis = _tidy([("A", 2020, FIS + "total", 200.0), ("A", 2020, FIS + "education", 30.0),
                 ("A", 2020, FIS + "science_technology", 10.0)])
    pat = _tidy([("A", 2020, "patent_grants_total", 1000.0)])
    tm = _tidy([("A", 2020, "tech_market_turnover_outflow_value", 50_000.0)])  # 10k yuan
    pop = _tidy([("A", 2020, "pop_yearend_resident", 100.0),  # 10k persons
                 ("B", 2020, "pop_yearend_resident", 50.0)])
    gdp = _tidy([("A", 2020, "gdp", 100.0), ("A", 2020, "va_primary", 7.0)])  # 100m yuan
    return rd, fis, pat, tm, pop, gdp


def test_five_ratios_by_hand():
    out = innovation_indicators(*_inputs())
    got = {(r, i): v for r, i, v in zip(out["region"], out["indicator"], out["value"],
                                        strict=True)}
    assert got == pytest.approx({
        ("A", "rd_intensity"): 2.0, ("B", "rd_intensity"): 1.0,
        ("A", "rd_personnel_per_10k"): 50.0,            # 5000 FTE / 100 (10k persons)
        ("A", "fiscal_edu_st_share"): 20.0,             # 100 * (30 + 10) / 200
        ("A", "patents_per_10k"): 10.0,                 # 1000 / 100
        ("A", "tech_market_turnover_pct_gdp"): 5.0,     # 100 * 50000 / 1e4 / 100
    })
    assert "China" not in set(out["region"])             # national rows dropped
    assert ("B", "rd_personnel_per_10k") not in got       # no FTE for B: left out, not filled
    assert set(out.columns) == {"region", "year", "indicator", "value"}


def test_latest_table_labels_and_years():
    ind = _tidy([("A", 2020, "rd_intensity", 2.0), ("A", 2021, "rd_intensity", 2.5),
                 ("B", 2020, "rd_intensity", 1.0), ("A", 2019, "patents_per_10k", 9.0)])
    tab = latest_table(ind, ["A", "B"], "en")
    assert list(tab.index) == ["A", "B"]
    assert tab.columns[0].endswith("(2021)") and tab.columns[1].endswith("(2019)")
    assert tab.iloc[0, 0] == 2.5 and tab.iloc[1, 0] == 1.0  # B's own latest value
    zh = latest_table(ind.assign(region=ind["region"].replace({"A": "Hebei"})), ["Hebei"], "zh")
    assert zh.index[0] == "河北" and zh.columns[0].endswith("（2021年）")


@pytest.mark.parametrize(("values", "expected"), [
    ([1.0, 2.0, 3.0], True), ([1.0, 2.0, 2.0], False), ([1.0, 3.0, 2.0], False), ([5.0], True),
])
def test_rose_every_year_by_hand(values, expected):
    ind = _tidy([("A", 2015 + i, "rd_intensity", v) for i, v in enumerate(values)])
    assert rose_every_year(ind, "A", "rd_intensity", (2015, 2019)) is expected


def test_rose_every_year_respects_the_window():
    ind = _tidy([("A", 2014, "x", 9.0), ("A", 2015, "x", 1.0), ("A", 2016, "x", 2.0)])
    assert rose_every_year(ind, "A", "x", (2015, 2016))
    assert not rose_every_year(ind, "A", "x", (2014, 2016))


def test_real_rd_intensity_against_pandas():
    rd = load("rd_inputs", indicators=["rd_intensity_pct_gdp", "rd_personnel_fte_total"])
    tm = load("tech_market", indicators="tech_market_turnover_outflow_value")
    ind = innovation_indicators(rd, load("fiscal_expenditure"),
                                load("patents", indicators="patent_grants_total"), tm,
                                load("province_population", indicators="pop_yearend_resident"),
                                load("province_gdp", indicators="gdp"))
    assert set(ind["indicator"]) <= set(INDICATORS)
    for region in ("Beijing", "Tianjin", "Hebei", "Liaoning", "Shandong"):
        s = rd[(rd["region"] == region) & (rd["indicator"] == "rd_intensity_pct_gdp")
               & rd["year"].between(2015, 2019)].sort_values("year")
        v = s["value"].tolist()
        rises = all(b > a for a, b in zip(v[:-1], v[1:], strict=True))
        assert rose_every_year(ind, region, "rd_intensity", (2015, 2019)) is rises, region

"""helpers.volume_index: chain-linking previous-year = 100 indices, average annual growth."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from helpers.data import load
from helpers.volume_index import average_annual_growth, chain_index


def test_chain_index_by_hand():
    # 2021: +10 %, 2022: +5 %  ->  100, 110, 115.5 (the base year's own index is not used)
    idx = pd.DataFrame({"A": [999.0, 110.0, 105.0], "B": [50.0, 100.0, 90.0]},
                       index=pd.Index([2020, 2021, 2022], name="year"))
    chain = chain_index(idx, 2020, 2022)
    assert chain["A"].tolist() == pytest.approx([100.0, 110.0, 115.5])
    assert chain["B"].tolist() == pytest.approx([100.0, 100.0, 90.0])
    assert chain.index.tolist() == [2020, 2021, 2022]


def test_average_annual_growth_by_hand():
    chain = pd.Series([100.0, 110.0, 115.5], index=[2020, 2021, 2022])
    # (115.5 / 100) ^ (1/2) - 1 = 7.4709 %
    assert average_annual_growth(chain, 2020, 2022) == pytest.approx(100 * (math.sqrt(1.155) - 1))
    assert average_annual_growth(chain, 2021, 2022) == pytest.approx(5.0)


def test_a_missing_year_stops_the_chain():
    idx = pd.Series([110.0, float("nan"), 105.0], index=[2021, 2022, 2023])
    chain = chain_index(idx, 2020, 2023)
    assert chain[2021] == pytest.approx(110.0)
    assert chain[[2022, 2023]].isna().all()  # never bridged over the gap


def test_span_must_have_two_years():
    s = pd.Series([105.0], index=[2021])
    with pytest.raises(ValueError, match="after start"):
        chain_index(s, 2021, 2021)
    with pytest.raises(ValueError, match="after start"):
        average_annual_growth(s, 2021, 2020)


def test_hebei_real_growth_matches_a_plain_product():
    gi = load("province_gdp_index", regions="Hebei", indicators="gdp_index_prev_year_100")
    by_year = gi.set_index("year")["value"]
    product = 100.0
    for year in range(2017, 2025):
        product *= by_year[year] / 100
    chain = chain_index(by_year, 2016, 2024)
    assert chain[2024] == pytest.approx(product)
    assert average_annual_growth(chain, 2016, 2024) == pytest.approx(
        100 * ((product / 100) ** (1 / 8) - 1))

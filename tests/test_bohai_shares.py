"""helpers.bohai_shares: shares of a total by hand, the coastal members' data coverage, and the
Bohai Rim's shares of China recomputed with plain pandas from the kit's tables."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.bohai_shares import (
    bohai_shares,
    coastal_coverage,
    coverage_table,
    share_chart,
    share_of_total,
)
from helpers.data import load
from helpers.plots import get_alt_text
from helpers.regions import bohai_rim

FIVE = ["Beijing", "Tianjin", "Hebei", "Liaoning", "Shandong"]


def _tidy(rows):
    return pd.DataFrame(rows, columns=["region", "year", "indicator", "value"])


# ------------------------------------------------------------------------------ by hand
def test_share_of_total_by_hand():
    df = _tidy([("A", 2023, "gdp", 10.0), ("B", 2023, "gdp", 30.0), ("C", 2023, "gdp", 60.0),
                ("A", 2022, "gdp", 90.0), ("A", 2023, "pop", 1000.0)])
    assert share_of_total(df, ["A", "B"], indicator="gdp", year=2023) == pytest.approx(40.0)
    assert share_of_total(df, ["C"], indicator="gdp", year=2023) == pytest.approx(60.0)
    assert share_of_total(df, ["A"], indicator="gdp", year=2022) == pytest.approx(100.0)
    assert share_of_total(df, ["Z"], indicator="gdp", year=2023) == 0.0
    with pytest.raises(ValueError, match="2021"):
        share_of_total(df, ["A"], indicator="gdp", year=2021)


def _coverage():
    census = _tidy([("Beijing", 2020, "pop_census", 1.0), ("Tangshan", 2020, "pop_census", 1.0)])
    hebei = _tidy([("Tangshan", 2023, "gdp", 1.0)])
    bohai = _tidy([("Dalian", 2023, "gdp", 1.0)])
    shandong = _tidy([("Dongying", 2020, "gdp", 1.0), ("Dongying", 2022, "gdp", 1.0)])
    members = ["Beijing", "Tangshan", "Dalian", "Dongying", "Weifang"]
    return coastal_coverage(members, census, hebei, bohai, shandong)


def test_coastal_coverage_by_hand():
    cov = _coverage()
    assert list(cov["region"]) == ["Beijing", "Tangshan", "Dalian", "Dongying", "Weifang"]
    assert list(cov["census_2020"]) == [True, True, False, False, False]
    assert list(cov["gdp_2023"]) == ["province", "hebei", "communique", "shandong_ends",
                                     "missing"]
    assert cov.loc[3, "gdp_last_year"] == 2022 and pd.isna(cov.loc[0, "gdp_last_year"])


def test_coverage_table_speaks_both_languages():
    en, zh = coverage_table(_coverage(), "en"), coverage_table(_coverage(), "zh")
    assert list(en.columns[1:]) == ["census 2020", "GDP 2023", "land area"]
    assert en.iloc[3, 2] == "missing for 2023 (shandong_city_gdp ends 2022)"
    assert list(en.iloc[:, 1]) == ["yes", "yes", "no", "no", "no"]
    assert zh.iloc[0, 0] == "北京"
    assert zh.iloc[3, 2] == "缺少2023年数据（shandong_city_gdp止于2022年）"
    assert set(zh.iloc[:, 3]) == {"缺失"}


# ------------------------------------------------------------------- against the real data
@pytest.fixture(scope="module")
def shares():
    return bohai_shares()


def test_area_share_is_five_provinces_over_china(shares):
    la = load("province_land_area", indicators="land_area", vintage="wiki_list")
    five = la.loc[la["region"].isin(FIVE), "value"]
    assert len(five) == 5
    china = la.loc[la["region"] == "China", "value"].item()
    assert shares.area == pytest.approx(100 * five.sum() / china)


def test_population_share_is_five_over_31_in_2023(shares):
    pop = load("province_population", indicators="pop_yearend_resident", years=2023)
    pop = pop[pop["region"] != "China"]
    assert pop["region"].nunique() == 31 and shares.population_year == 2023
    expected = 100 * pop.loc[pop["region"].isin(FIVE), "value"].sum() / pop["value"].sum()
    assert shares.population == pytest.approx(expected)


def test_gdp_share_is_five_over_national_gdp_2023(shares):
    gdp = load("province_gdp", indicators="gdp", years=2023)
    nat = load("national_gdp", indicators="gdp", years=2023)["value"].item()
    assert shares.gdp == pytest.approx(100 * gdp.loc[gdp["region"].isin(FIVE), "value"].sum()
                                       / nat)


def test_coastal_population_share_is_census_members_over_provinces(shares):
    members = bohai_rim("coastal")
    cen = load("city_census_population", indicators="pop_census", years=2020)
    pop = load("province_population", indicators="pop_yearend_resident", years=2020)
    pop = pop[pop["region"] != "China"]
    num = cen.loc[cen["region"].isin(members), "value"].sum()  # persons
    assert shares.population_coastal == pytest.approx(100 * num / (pop["value"].sum() * 1e4))


def test_coastal_gdp_range_and_paper_figures(shares):
    assert 0 < shares.gdp_coastal_low < shares.gdp_coastal_high < shares.gdp
    assert (shares.area_paper, shares.population_paper, shares.gdp_paper) == (5.4, 17.7, 26.0)
    assert set(shares.as_dict()) >= {"area", "population", "gdp", "gdp_coastal_high"}


def test_share_chart_has_three_series_and_alt_text(shares):
    fig = share_chart(shares, source="t", lang="zh")
    ax = fig.axes[0]
    assert len(ax.containers) >= 3  # three bar groups (+ the whisker)
    alt = get_alt_text(fig)
    assert alt.startswith("环渤海地区占全国比重") and f"{shares.area:.1f}%" in alt

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


# ------------------------------------------------------------------------ lesson helpers
def test_report_speaks_both_languages_from_the_catalogue():
    from helpers.i18n import t

    _, report = digital.digital_indicators_frame(["broadband_per_100"], 2018, 2018,
                                                 panel=_panel())
    # A kept, B dropped: 1 of the 2 regions in the window
    assert report.regions_kept == 1 and report.regions_in_window == 2
    md = report.markdown("en").splitlines()
    assert md[1] == "- **Provinces**: 1 of 2."
    assert report.markdown("zh").splitlines()[1] == "- **省份**：2个省份中的1个。"
    assert md[0] == t("digital_report_years", "en", first=2018, last=2018, n=1)
    # years joined the Chinese way in Chinese
    p = _panel()
    p.loc[(slice(None), [2017, 2018]), "computers_per_100_employees"] = np.nan
    _, report = digital.digital_indicators_frame(
        ["broadband_per_100", "computers_per_100_employees"], panel=p)
    assert report.lines("zh")[1].startswith("- **剔除的年份**：2017、2018，因为")
    assert report.lines("en")[1].startswith("- **Years dropped**: 2017, 2018, because")


def test_indicator_labels_and_labelled_tables():
    en, zh = digital.indicator_labels("en"), digital.indicator_labels("zh")
    assert set(en) == set(zh) == set(digital.CANDIDATES)
    assert all(en[c] != zh[c] for c in en)
    assert "(log)" in en["software_revenue_pct_gdp"]
    frame = pd.DataFrame({"region": ["Hebei", "Atlantis"], "unit": ["10k yuan", "10k subscribers"],
                          "rank": [1, 2], "no_such_column": [0, 0]},
                         index=pd.Index(["a", "b"], name="left out"))
    out = digital.labelled(frame, "zh")
    assert list(out.columns) == ["地区", "单位", "排名", "no_such_column"]
    assert out.index.name == "剔除的指标"
    assert list(out["地区"]) == ["河北", "Atlantis"]  # unknown names pass through
    assert list(out["单位"]) == ["万元", "万户"]
    assert list(frame.columns) == ["region", "unit", "rank", "no_such_column"]  # not changed


def test_candidates_table_by_hand():
    table = digital.candidates_table(_panel(), ["broadband_per_100",
                                                "software_revenue_pct_gdp"], "en")
    assert table.index.name == "code" and list(table.index) == list(digital.CANDIDATES)
    row = table.loc["broadband_per_100"]
    # A 2016-2018, B 2016-2017: years 2016-2018, two provinces
    assert (row["years"], row["provinces"], row["in this index"]) == ("2016-2018", 2, "yes")
    assert row["published as"] == "digital_indicators: internet_broadband_subscribers"
    assert table.loc["software_revenue_pct_gdp", "scaled to"] == "% of GDP, log"
    assert table.loc["computers_per_100_employees", "in this index"] == ""
    assert table.loc["pku_dfiic", "provinces"] == 0  # not in the synthetic panel
    zh = digital.candidates_table(_panel(), ["broadband_per_100", "pku_dfiic"], "zh")
    assert zh.loc["broadband_per_100", "维度"] == "数字基础设施"
    assert zh.loc["pku_dfiic", "纳入本指数"] == "是"


def test_year_ranks_and_position_third():
    idx = pd.MultiIndex.from_tuples([("A", 1), ("B", 1), ("C", 1), ("A", 2), ("B", 2), ("C", 2)],
                                    names=["region", "year"])
    ranks = digital.year_ranks(pd.Series([0.1, 0.5, 0.5, 0.9, 0.2, 0.3], index=idx))
    assert list(ranks) == [3, 1, 1, 1, 3, 2]  # ties share the better rank
    assert ranks.dtype.kind == "i"
    assert [digital.position_third(r, 30) for r in (1, 10, 11, 20, 21, 30)] == [
        "upper", "upper", "middle", "middle", "lower", "lower"]
    with pytest.raises(ValueError, match="between 1 and n"):
        digital.position_third(31, 30)


def _three() -> pd.DataFrame:
    """3 regions x 2 years; without mobile_internet, A > B > C on both other indicators."""
    idx = pd.MultiIndex.from_product([["A", "B", "C"], [2016, 2017]], names=["region", "year"])
    return pd.DataFrame({
        "broadband_per_100": [5.0, 6.0, 3.0, 4.0, 1.0, 2.0],
        "computers_per_100_employees": [9.0, 10.0, 5.0, 6.0, 1.0, 2.0],
        "mobile_internet_per_100": [0.0, 0.0, 0.0, 0.0, 50.0, 60.0],
    }, index=idx)


def test_leave_one_out_by_hand():
    from helpers.composite import entropy_index, entropy_weights

    codes = list(_three().columns)
    loo = digital.leave_one_out(codes, None, None, "C", panel=_three())
    assert loo.index.name == "left out" and list(loo.index) == codes
    # without mobile_internet, C is last in 2017 whatever the weights
    assert loo.loc["mobile_internet_per_100", "rank"] == 3
    # the full index, computed independently: C's 2017 rank with all three indicators
    full = entropy_index(_three(), entropy_weights(_three()))
    full_rank = int(full.xs(2017, level="year").rank(ascending=False, method="min")["C"])
    assert loo.loc["mobile_internet_per_100", "change"] == 3 - full_rank
    rest = _three().drop(columns="broadband_per_100")
    w = entropy_weights(rest)
    r = entropy_index(rest, w).xs(2017, level="year").rank(ascending=False, method="min")
    fr = full.xs(2017, level="year").rank(ascending=False, method="min")
    assert loo.loc["broadband_per_100", "rank"] == r["C"]
    assert loo.loc["broadband_per_100", "mean_abs_change"] == pytest.approx((r - fr).abs().mean())
    assert loo.loc["broadband_per_100", "largest_weight"] == w.idxmax()


def test_compare_indices_by_hand():
    idx = pd.MultiIndex.from_tuples([("A", 2016), ("B", 2016), ("C", 2016), ("A", 2017),
                                     ("B", 2017), ("C", 2017), ("D", 2017)],
                                    names=["region", "year"])
    ours = pd.Series([3.0, 2.0, 1.0, 3.0, 2.0, 1.0, 9.0], index=idx)
    other = pd.Series([1.0, 2.0, 3.0, 30.0, 20.0, 10.0], index=idx[:6])  # no D
    cmp = digital.compare_indices(ours, other)
    assert list(cmp.spearman.index) == [2016, 2017] and cmp.spearman.index.name == "year"
    np.testing.assert_allclose(cmp.spearman.to_numpy(), [-1.0, 1.0])  # reversed, then same
    assert len(cmp.values) == 6 and ("D", 2017) not in cmp.ranks.index
    assert cmp.ranks.loc[("A", 2016)].tolist() == [1.0, 3.0]
    empty = digital.compare_indices(ours, other.iloc[:0])
    assert empty.spearman.empty


def test_index_explorer_texts_and_figures():
    from helpers.digital_explorer import IndexExplorer
    from helpers.widgets import Selection, SelectionError

    view = IndexExplorer(_three(), "C", lang="en")
    sel = Selection(("broadband_per_100", "computers_per_100_employees"), "ranks",
                    (2016, 2017), "level")
    spec = view.prepare(sel)
    assert spec["title"] == "Digital economy index (rank), 2017 (C: 3/3)"
    assert list(spec["data"]["region"]) == ["A", "B", "C"]
    status = view.status(sel)
    assert status.startswith("2 indicators; index on 3 provinces, 2016-2017; left out: ")
    assert "Hebei" in status and status.endswith(".")
    weights = view.prepare(Selection(sel.regions, "weights", (2016, 2017), "level"))
    assert weights["data"]["value"].sum() == pytest.approx(1.0)
    assert weights["title"] == "Entropy weight method, 2016-2017"
    assert view.compute(view.chosen(sel), sel.years) is view.compute(view.chosen(sel), sel.years)
    with pytest.raises(SelectionError, match="at least two"):
        view.prepare(Selection(("broadband_per_100",), "ranks", (2016, 2017), "level"))
    zh = IndexExplorer(_three(), "C", lang="zh")
    assert zh.status(sel).startswith("2个指标；指数覆盖3个省份，2016-2017年；未纳入：")
    assert "河北" in zh.status(sel)


def test_param_spec_checks_the_followed_region_has_data():
    from helpers.params import ParameterError, validate

    spec = digital.index_param_spec(range(2016, 2025))
    base = {"language": "en", "region": "Hebei", "start_year": 2016, "end_year": 2024,
            "indicators": list(digital.DEFAULT_INDICATORS)}
    assert validate(base, spec)["region"] == "Hebei"
    assert validate({**base, "region": "河北", "language": "zh-CN"}, spec)["language"] == "zh"
    with pytest.raises(ParameterError) as err:
        validate({**base, "region": "Tibet"}, spec)
    text = str(err.value)
    assert "region, indicators, start_year, end_year" in text
    assert "Tibet has no data for indicator(s) software_revenue_pct_gdp in 2016-2024" in text
    allowed = text.split("provinces with data for all chosen indicators: ")[1]
    assert "Hebei" in allowed and "Tibet" not in allowed
    with pytest.raises(ParameterError, match="没有指标software_revenue_pct_gdp的数据"):
        validate({**base, "region": "Tibet", "language": "zh"}, spec)
    # without software revenue Tibet can be followed
    ok = [c for c in digital.DEFAULT_INDICATORS if c != "software_revenue_pct_gdp"]
    assert validate({**base, "region": "Tibet", "indicators": ok}, spec)["region"] == "Tibet"
    with pytest.raises(ParameterError, match="at least two indicators"):
        validate({**base, "indicators": ["pku_dfiic"]}, spec)
    with pytest.raises(ParameterError, match="pku_dfiic"):
        validate({**base, "indicators": ["broadband_per_100", "pku_dfiik"]}, spec)


def test_flagged_values_match_the_csv():
    frame, _ = digital.digital_indicators_frame(digital.DEFAULT_INDICATORS, 2016, 2024)
    got = digital.flagged_values(digital.DEFAULT_INDICATORS, frame.index)
    raw = pd.read_csv(KIT_ROOT / "data" / "digital_indicators.csv")
    sources = {digital.CANDIDATES[c].source for c in digital.DEFAULT_INDICATORS}
    rows = set(frame.index)
    want = raw[raw["flag"].fillna("").str.contains("large_jump") & raw["indicator"].isin(sources)
               & np.array([(r, y) in rows
                           for r, y in zip(raw["region"], raw["year"], strict=True)])]
    assert sorted(zip(got["region"], got["year"], got["indicator"], strict=True)) == sorted(
        zip(want["region"], want["year"], want["indicator"], strict=True))
    assert ("Hebei", 2020, "software_revenue_pct_gdp") in set(
        zip(got["region"], got["year"], got["index_indicator"], strict=True))


def test_index_explorer_cache_is_bounded():
    """Every cache in a lesson kernel is bounded (issue 21): 2^13 indicator sets exist."""
    import itertools

    from helpers import digital, digital_explorer

    panel = digital.scaled_panel()
    explorer = digital_explorer.IndexExplorer(panel, "Hebei", "en")
    explorer.CACHE_SIZE = 3
    codes = list(digital.DEFAULT_INDICATORS)
    pairs = list(itertools.combinations(codes, 2))[:5]
    years = (2016, 2022)
    for pair in pairs:
        explorer.compute(pair, years)
    assert len(explorer._cache) == 3
    assert list(explorer._cache) == [(p, years) for p in pairs[-3:]]  # least recent dropped

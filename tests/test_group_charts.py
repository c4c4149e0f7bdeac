"""helpers.group_charts: what each chart draws (from the data, in the groups' colours), that
lines are never joined across a series break, and that every chart carries alt text."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from matplotlib.colors import to_hex

from helpers import group_charts as charts
from helpers.plots import get_alt_text

GROUP_OF = {"A": "coastal", "B": "inland", "C": "inland"}
COLORS = {"coastal": "#D55E00", "inland": "#0072B2"}
YEARS = [2017, 2018, 2019, 2020]


def _shares() -> tuple[pd.DataFrame, pd.DataFrame]:
    rows = [(r, y, ind, 10.0 + i + y - 2017) for i, r in enumerate(GROUP_OF) for y in YEARS
            for ind in ("primary_share", "secondary_share", "tertiary_share")]
    shares = pd.DataFrame(rows, columns=["region", "year", "indicator", "value"])
    totals = shares.replace({"region": GROUP_OF}).groupby(
        ["region", "year", "indicator"], as_index=False)["value"].mean().rename(
        columns={"region": "group"})
    return shares, totals


def test_sector_share_chart_splits_lines_at_the_break():
    shares, totals = _shares()
    fig, axes = charts.sector_share_chart(shares, totals, YEARS, GROUP_OF, COLORS,
                                          title="Shares", source="t", breaks={2019: "census"},
                                          lang="en")
    assert len(axes) == 3
    lines = [ln for ln in axes[1].get_lines() if len(ln.get_xdata()) > 2]
    assert len(lines) == 3 + 2  # three regions, two groups
    for ln in lines:
        x, y = np.asarray(ln.get_xdata(), float), np.asarray(ln.get_ydata(), float)
        assert np.isnan(y[list(x).index(2018.5)]), "a line is joined across the break"
    assert any(list(ln.get_xdata()) == [2018.5, 2018.5] for ln in axes[0].get_lines())
    assert to_hex(lines[0].get_color()) == COLORS["coastal"].lower()
    assert "Series break between 2018 and 2019 (census)" in get_alt_text(fig)


def test_group_lines_chart_without_split_keeps_lines_whole():
    members = pd.DataFrame({2015: [1.0, 2.0, 3.0], 2016: [2.0, 3.0, 4.0]}, index=list("ABC"))
    totals = pd.DataFrame({2015: [1.0, 2.5], 2016: [2.0, 3.5]}, index=["coastal", "inland"])
    fig, ax = charts.group_lines_chart(members, totals, GROUP_OF, COLORS, title="Index",
                                       ylabel="i", source="t", breaks={2016: "release"},
                                       split=False, lang="en")
    data = [np.asarray(ln.get_ydata(), float) for ln in ax.get_lines()[:5]]
    assert all(not np.isnan(d).any() and len(d) == 2 for d in data)
    assert "release" in [tx.get_text() for tx in ax.texts]
    assert "not joined" not in get_alt_text(fig)


def test_group_bar_chart_orders_and_colours_by_group():
    values = pd.Series({"Tangshan": 9.0, "Handan": 4.0, "Baoding": np.nan})
    fig, ax = charts.group_bar_chart(values, {"Tangshan": "coastal", "Handan": "inland",
                                              "Baoding": "inland"}, COLORS, title="GDP",
                                     xlabel="yuan", source="t", lang="zh")
    widths = [p.get_width() for p in ax.patches[:3]]
    assert widths == [4.0, 9.0, 0.0]  # ascending, missing last with no bar
    assert [tx.get_text() for tx in ax.get_yticklabels()] == ["邯郸", "唐山", "保定"]
    assert "无数据" in [tx.get_text().strip() for tx in ax.texts]
    assert get_alt_text(fig) == "GDP. 邯郸 4.000; 唐山 9.000"


def test_decomposition_chart_stacks_between_under_within():
    decomp = {("T", 2010): {"between": 0.03, "within": 0.01},
              ("L", 2010): {"between": 0.01, "within": 0.03}}
    fig, ax = charts.decomposition_chart(decomp, title="Theil", source="t", lang="en")
    heights = [p.get_height() for p in ax.patches]
    assert heights == pytest.approx([0.03, 0.01, 0.01, 0.03])
    assert [tx.get_text() for tx in ax.texts] == ["75%", "25%"]
    assert "between 0.0300, within 0.0100" in get_alt_text(fig)


def test_beta_chart_draws_the_fitted_line():
    table = pd.DataFrame({"ln_y_start": [1.0, 2.0, 3.0], "growth": [0.3, 0.2, 0.1]},
                         index=list("ABC"))
    fit = {"table": table, "alpha": 0.4, "beta": -0.1, "p_value": 0.01, "n": 3}
    fig, ax = charts.beta_chart(fit, GROUP_OF, COLORS, title="beta", xlabel="x", ylabel="y",
                                source="t", lang="en")
    line = ax.get_lines()[0]
    x, y = np.asarray(line.get_xdata()), np.asarray(line.get_ydata())
    assert y == pytest.approx(0.4 - 0.1 * x)
    assert "beta = -0.1000" in get_alt_text(fig)


def test_two_year_chart_and_status_chart_describe_what_they_draw():
    wide = pd.DataFrame({2010: [1.0, 5.0], 2020: [3.0, 2.0]}, index=["Tangshan", "Handan"])
    fig, ax = charts.two_year_chart(wide, {"Tangshan": "coastal", "Handan": "inland"}, COLORS,
                                    title="pc", xlabel="yuan", source="t", lang="en")
    assert [tx.get_text() for tx in ax.get_yticklabels()] == ["Handan", "Tangshan"]
    assert get_alt_text(fig) == "pc. Handan 5.000 -> 2.000; Tangshan 1.000 -> 3.000"
    grid = pd.DataFrame({2018: ["flag_published", "flag_derived"],
                         2019: ["flag_break", "flag_left_out"]}, index=["Tangshan", "Handan"])
    order = ["flag_published", "flag_derived", "flag_break", "flag_left_out"]
    fig, ax = charts.status_chart(grid, order, ["#009E73", "#56B4E9", "#E69F00", "#D55E00"],
                                  title="flags", source="t", breaks={2019: "census"}, lang="en")
    assert ax.images[0].get_array().tolist() == [[0, 2], [1, 3]]
    assert any(list(ln.get_xdata()) == [0.5, 0.5] for ln in ax.get_lines())
    assert "As compiled (no flag): 1" in get_alt_text(fig)

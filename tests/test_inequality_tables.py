"""helpers.inequality's table functions: several measures, groupings and leave-one-out fits
at once, equal to the single measures and to hand computations."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from helpers import inequality as ineq

Y = pd.DataFrame({2010: [1.0, 2.0, 4.0, 8.0], 2020: [2.0, 3.0, 4.0, 5.0]},
                 index=["A", "B", "C", "D"])
W = pd.DataFrame({2010: [1.0, 1.0, 1.0, 1.0], 2020: [4.0, 3.0, 2.0, 1.0]}, index=Y.index)


def test_inequality_table_rows_and_hand_values():
    tab = ineq.inequality_table(Y, W)
    assert list(tab.index) == [(k, w) for k in ineq.INDICES
                               for w in ("unweighted", "population_weighted")]
    assert list(tab.columns) == [2010, 2020]
    # Theil T, unweighted, 2010 by hand: mean 3.75, T = (1/n) sum (y/mu) ln(y/mu)
    y, mu = Y[2010].to_numpy(), 3.75
    assert tab.loc[("theil_t", "unweighted"), 2010] == pytest.approx(
        float(np.mean(y / mu * np.log(y / mu))))
    # equal weights give the unweighted index
    assert tab.loc[("theil_l", "population_weighted"), 2010] == pytest.approx(
        tab.loc[("theil_l", "unweighted"), 2010])
    # CV with weights 4,3,2,1 on 2,3,4,5: mean 3, variance (4+0+2+4)/10 = 1
    assert tab.loc[("coefficient_of_variation", "population_weighted"), 2020] == pytest.approx(
        1 / 3)
    assert tab.loc[("gini", "unweighted"), 2020] == pytest.approx(ineq.gini(Y[2020]))


def test_between_shares_equal_the_decomposition():
    groupings = {"halves": {"low": ["A", "B"], "high": ["C", "D"]},
                 "odd": {"x": ["A", "C"], "y": ["B", "D"]}}
    tab = ineq.between_shares(Y, W, groupings)
    assert list(tab.index) == [("halves", 2010), ("halves", 2020), ("odd", 2010), ("odd", 2020)]
    for (g, year), row in tab.iterrows():
        for kind in ("T", "L"):
            d = ineq.theil_decomposition(Y[year], groupings[g], w=W[year], kind=kind)
            assert row[f"theil_{kind.lower()}"] == pytest.approx(d["between_share"])
    # by hand, unweighted 2010, halves, Theil T: Y_g = income shares, mu_g group means
    mu, total = 3.75, ineq.theil_t(Y[2010])
    between = (3 / 15) * math.log(1.5 / mu) + (12 / 15) * math.log(6 / mu)
    assert tab.loc[("halves", 2010), "theil_t"] == pytest.approx(between / total)


def test_leave_one_out_beta_refits_without_each_region():
    frame = pd.DataFrame({"region": list("ABCDE") * 2, "year": [2010] * 5 + [2020] * 5,
                          "value": [1.0, 2.0, 3.0, 4.0, 6.0, 3.0, 4.0, 5.0, 5.5, 7.0]})
    loo = ineq.leave_one_out_beta(frame, 2010, 2020)
    assert list(loo.index) == list("ABCDE")
    assert list(loo.columns) == ["beta", "p_value", "half_life"]
    without_a = frame[frame["region"] != "A"]
    g = np.log(without_a[without_a.year == 2020].value.to_numpy()
               / without_a[without_a.year == 2010].value.to_numpy()) / 10
    x = np.log(without_a[without_a.year == 2010].value.to_numpy())
    slope = float(np.polyfit(x, g, 1)[0])
    assert loo.loc["A", "beta"] == pytest.approx(slope)
    assert loo.loc["E", "beta"] == pytest.approx(
        ineq.beta_convergence(frame[frame.region != "E"], 2010, 2020)["beta"])

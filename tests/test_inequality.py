"""Tests for helpers.inequality: hand-computed values, properties, pysal agreement, errors."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from inequality.gini import Gini
from inequality.theil import Theil, TheilD

from helpers import regions
from helpers.inequality import (
    beta_convergence,
    coefficient_of_variation,
    gini,
    sigma_convergence,
    theil_decomposition,
    theil_l,
    theil_t,
)

Y = [1.0, 2.0, 7.0]


def _random_cases(k: int = 8):
    rng = np.random.default_rng(20240611)
    for _ in range(k):
        n = int(rng.integers(4, 25))
        y = rng.lognormal(mean=10, sigma=0.6, size=n)
        w = rng.integers(50, 5000, size=n).astype(float)
        g = rng.integers(0, 3, size=n)
        g[:3] = [0, 1, 2]  # every group non-empty
        yield y, w, g


# --------------------------------------------------------------------------------------------
# hand-computed values
# --------------------------------------------------------------------------------------------


def test_theil_t_and_l_differ_and_are_labelled_right():
    # y = [1, 2, 7], equal weights: mu = 10/3, y/mu = 0.3, 0.6, 2.1
    # T = (1/3)[0.3 ln 0.3 + 0.6 ln 0.6 + 2.1 ln 2.1]
    #   = (1/3)[-0.3611918 - 0.3064954 + 1.5580684] = 0.8903812 / 3 = 0.2967937
    # L = (1/3)[ln(1/0.3) + ln(1/0.6) + ln(1/2.1)] = -(1/3) ln(0.3*0.6*2.1)
    #   = -(1/3) ln 0.378 = 0.9728610 / 3 = 0.3242870
    assert theil_t(Y) == pytest.approx(0.2967937, abs=1e-7)
    assert theil_l(Y) == pytest.approx(0.3242870, abs=1e-7)
    assert abs(theil_t(Y) - theil_l(Y)) > 0.02  # really different, so a swap would fail


def test_weighted_theil_by_hand():
    # y = [1, 2, 7], w = [1, 2, 1]: s = [1/4, 1/2, 1/4], mu = 1/4 + 1 + 7/4 = 3
    # T = 1/4 (1/3) ln(1/3) + 1/2 (2/3) ln(2/3) + 1/4 (7/3) ln(7/3)
    #   = -0.0915510 - 0.1351550 + 0.4942571 = 0.2675510
    # L = 1/4 ln 3 + 1/2 ln(3/2) + 1/4 ln(3/7) = 0.2746531 + 0.2027326 - 0.2118245 = 0.2655612
    t_hand = (
        0.25 * (1 / 3) * math.log(1 / 3)
        + 0.5 * (2 / 3) * math.log(2 / 3)
        + 0.25 * (7 / 3) * math.log(7 / 3)
    )
    assert theil_t(Y, [1, 2, 1]) == pytest.approx(t_hand, rel=1e-12)
    assert theil_t(Y, [1, 2, 1]) == pytest.approx(0.2675510, abs=1e-7)
    assert theil_l(Y, [1, 2, 1]) == pytest.approx(0.2655612, abs=1e-7)


def test_gini_by_hand_unweighted_and_weighted():
    # unweighted [1, 2, 7]: ordered-pair |differences| 2*(1 + 6 + 5) = 24; 2 n^2 mu = 2*9*10/3
    # = 60; G = 24 / 60 = 0.4
    assert gini(Y) == pytest.approx(0.4, abs=1e-12)
    # weighted, w = [1, 2, 1] -> s = [.25, .5, .25], mu = 3
    # sum_ij s_i s_j |y_i - y_j| = 2 (.25*.5*1 + .25*.25*6 + .5*.25*5) = 2 * 1.125 = 2.25
    # G = 2.25 / (2 * 3) = 0.375
    assert gini(Y, [1, 2, 1]) == pytest.approx(0.375, abs=1e-12)
    assert gini(Y, [10, 20, 10]) == pytest.approx(0.375, abs=1e-12)  # weights any scale


def test_cv_by_hand():
    # mu = 10/3; deviations -7/3, -4/3, 11/3; variance = (49 + 16 + 121) / 27 = 186/27
    # CV = sqrt(186/27) / (10/3) = 0.7874008
    assert coefficient_of_variation(Y) == pytest.approx(0.7874008, abs=1e-7)
    # weighted w = [1, 2, 1]: mu = 3; var = .25*4 + .5*1 + .25*16 = 5.5; CV = sqrt(5.5)/3
    assert coefficient_of_variation(Y, [1, 2, 1]) == pytest.approx(math.sqrt(5.5) / 3)


def test_decomposition_by_hand_theil_l():
    # y = [1, 2, 7], groups {a, b} and {c}, unweighted (L uses population shares 2/3, 1/3)
    # means: 1.5 and 7, overall 10/3
    # between = 2/3 ln((10/3)/1.5) + 1/3 ln((10/3)/7) = 0.5323385 - 0.2473124 = 0.2850260
    # within  = 2/3 * L({1, 2}) = 2/3 * 1/2 ln(1.5 * 0.75) = 2/3 * 0.0588915 = 0.0392610
    y = pd.Series(Y, index=["a", "b", "c"])
    d = theil_decomposition(y, {"g1": ["a", "b"], "g2": ["c"]}, kind="L")
    assert d["between"] == pytest.approx(0.2850260, abs=1e-7)
    assert d["within"] == pytest.approx(0.0392610, abs=1e-7)
    assert d["total"] == pytest.approx(0.3242870, abs=1e-7)
    assert d["by_group"].loc["g1", "weight"] == pytest.approx(2 / 3)  # population share


def test_decomposition_by_hand_theil_t():
    # same data, T uses income shares: g1 has 3/10, g2 has 7/10
    # between = 0.3 ln(1.5/(10/3)) + 0.7 ln(7/(10/3)) = 0.3 ln 0.45 + 0.7 ln 2.1
    #         = -0.2395523 + 0.5193561 = 0.2798038
    # within  = 0.3 * T({1, 2}) = 0.3 * [1/2 (2/3 ln 2/3 + 4/3 ln 4/3)]
    #         = 0.3 * 1/2 (-0.2703101 + 0.3835761) = 0.3 * 0.0566330 = 0.0169899
    y = pd.Series(Y, index=["a", "b", "c"])
    d = theil_decomposition(y, {"g1": ["a", "b"], "g2": ["c"]}, kind="T")
    assert d["between"] == pytest.approx(0.2798038, abs=1e-7)
    assert d["within"] == pytest.approx(0.0169899, abs=1e-7)
    assert d["by_group"].loc["g1", "weight"] == pytest.approx(0.3)  # income share
    assert d["between_share"] == pytest.approx(0.2798038 / 0.2967937, abs=1e-6)


# --------------------------------------------------------------------------------------------
# agreement with pysal (unweighted)
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("case", range(8))
def test_unweighted_equals_pysal(case):
    y, _, g = list(_random_cases())[case]
    assert theil_t(y) == pytest.approx(float(np.asarray(Theil(y).T).item()), rel=1e-12)
    assert gini(y) == pytest.approx(float(Gini(y).g), rel=1e-12)
    d = theil_decomposition(y, g, kind="T")
    pysal_d = TheilD(y, g)
    assert d["between"] == pytest.approx(float(np.asarray(pysal_d.bg).item()), rel=1e-9)
    assert d["within"] == pytest.approx(float(np.asarray(pysal_d.wg).item()), rel=1e-9)


def test_weighted_theil_t_differs_from_pysal_when_populations_differ():
    # guards against "weighted" silently ignoring w
    assert theil_t(Y, [1, 2, 1]) != pytest.approx(float(np.asarray(Theil(np.array(Y)).T).item()))


# --------------------------------------------------------------------------------------------
# properties
# --------------------------------------------------------------------------------------------

INDICES = [theil_t, theil_l, gini, coefficient_of_variation]


@pytest.mark.parametrize("index", INDICES, ids=lambda f: f.__name__)
def test_properties(index):
    for y, w, _ in _random_cases():
        unweighted, weighted = index(y), index(y, w)
        assert unweighted >= 0 and weighted >= 0
        # equal populations (any common size) = unweighted index
        assert index(y, np.full(len(y), 731.0)) == pytest.approx(unweighted, rel=1e-10)
        # scale invariance (yuan vs 100 million yuan; persons vs 10k persons)
        assert index(y * 1e-4, w) == pytest.approx(weighted, rel=1e-10)
        assert index(y, w * 1e4) == pytest.approx(weighted, rel=1e-10)
    # equality -> 0, with or without weights
    assert index([5.0, 5.0, 5.0, 5.0]) == pytest.approx(0.0, abs=1e-14)
    assert index([5.0, 5.0, 5.0], [1, 2, 3]) == pytest.approx(0.0, abs=1e-14)


@pytest.mark.parametrize("index", INDICES, ids=lambda f: f.__name__)
def test_integer_weights_equal_replicating_regions(index):
    # weight 2 on the middle region = that region listed twice, unweighted
    assert index(Y, [1, 2, 1]) == pytest.approx(index([1.0, 2.0, 2.0, 7.0]), rel=1e-12)


def test_more_spread_means_higher_index():
    for index in INDICES:
        assert index([4.0, 5.0, 6.0]) < index([1.0, 5.0, 9.0])


@pytest.mark.parametrize("kind", ["T", "L"])
@pytest.mark.parametrize("weighted", [False, True])
def test_between_plus_within_equals_total(kind, weighted):
    direct = theil_t if kind == "T" else theil_l
    for y, w, g in _random_cases():
        ww = w if weighted else None
        d = theil_decomposition(y, g, w=ww, kind=kind)
        assert d["total"] == pytest.approx(direct(y, ww), rel=1e-12)
        assert d["between"] + d["within"] == pytest.approx(d["total"], rel=1e-10)
        assert d["between"] >= 0 and d["within"] >= 0
        bg = d["by_group"]
        assert bg["pop_share"].sum() == pytest.approx(1.0)
        assert bg["income_share"].sum() == pytest.approx(1.0)
        assert bg["contribution"].sum() == pytest.approx(d["within"])
        expected_weight = bg["income_share"] if kind == "T" else bg["pop_share"]
        np.testing.assert_allclose(bg["weight"], expected_weight)


def test_decomposition_one_group_is_all_within_and_singletons_all_between():
    y = np.array([3.0, 4.0, 9.0, 10.0])
    one = theil_decomposition(y, ["x"] * 4, kind="L")
    assert one["between"] == pytest.approx(0.0, abs=1e-15)
    assert one["within"] == pytest.approx(theil_l(y))
    single = theil_decomposition(y, ["a", "b", "c", "d"], kind="T")
    assert single["within"] == pytest.approx(0.0, abs=1e-15)
    assert single["between"] == pytest.approx(theil_t(y))


def test_decomposition_with_kit_grouping_and_labelled_weights():
    cities = list(regions.HEBEI_CITIES)
    rng = np.random.default_rng(7)
    y = pd.Series(rng.uniform(30_000, 120_000, len(cities)), index=cities)
    pop = pd.Series(rng.uniform(300, 1100, len(cities)), index=cities[::-1])  # other order
    d = theil_decomposition(y, regions.groups("coastal"), w=pop, kind="T")
    assert list(d["by_group"].index) == ["coastal", "inland"]
    assert d["by_group"].loc["coastal", "n"] == 3
    # same as passing aligned labels and arrays
    labels = [regions.group_of(c) for c in cities]
    d2 = theil_decomposition(y.to_numpy(), labels, w=pop[cities].to_numpy(), kind="T")
    assert d2["between"] == pytest.approx(d["between"])


def test_decomposition_refuses_to_drop_regions():
    y = pd.Series([1.0, 2.0, 3.0], index=["Tangshan", "Handan", "Xingtai"])
    with pytest.raises(ValueError, match="not in y"):
        theil_decomposition(y, regions.groups("coastal"))
    with pytest.raises(ValueError, match="in no group"):
        theil_decomposition(y, {"a": ["Tangshan", "Handan"]})
    with pytest.raises(ValueError, match="two groups"):
        theil_decomposition(y, {"a": ["Tangshan", "Handan"], "b": ["Handan", "Xingtai"]})
    with pytest.raises(ValueError, match="kind"):
        theil_decomposition(y, ["a", "a", "b"], kind="G")
    with pytest.raises(ValueError, match="3 values but groups has 2"):
        theil_decomposition(y, ["a", "b"])


# --------------------------------------------------------------------------------------------
# input errors
# --------------------------------------------------------------------------------------------


def test_nan_is_an_error_naming_the_region_or_position():
    y = pd.Series([1.0, np.nan, 3.0], index=["Shijiazhuang", "Tangshan", "Handan"])
    for index in INDICES:
        with pytest.raises(ValueError, match="Tangshan"):
            index(y)
    with pytest.raises(ValueError, match="position 2"):
        theil_l([1.0, 2.0, float("nan")])


def test_non_positive_values_rejected_for_log_measures():
    with pytest.raises(ValueError, match=r"> 0.*Handan"):
        theil_t(pd.Series([1.0, 0.0], index=["Tangshan", "Handan"]))
    with pytest.raises(ValueError, match="logarithms"):
        theil_l([1.0, -2.0, 3.0])
    # Gini and CV accept a zero but not a negative value
    assert gini([0.0, 1.0]) == pytest.approx(0.5)
    with pytest.raises(ValueError, match="non-negative"):
        gini([1.0, -1.0, 3.0])
    with pytest.raises(ValueError, match="mean"):
        coefficient_of_variation([0.0, 0.0])


def test_empty_and_bad_weights():
    for index in INDICES:
        with pytest.raises(ValueError, match="empty"):
            index([])
    with pytest.raises(ValueError, match="3 values but w has 2"):
        theil_t(Y, [1, 2])
    with pytest.raises(ValueError, match="weights"):
        theil_t(Y, [1, 0, 1])
    with pytest.raises(ValueError, match="no weight"):
        theil_t(pd.Series(Y, index=list("abc")), pd.Series([1.0, 1.0], index=["a", "b"]))


# --------------------------------------------------------------------------------------------
# sigma convergence
# --------------------------------------------------------------------------------------------


def _frame(values: dict[int, list[float]], regions_=("A", "B", "C")) -> pd.DataFrame:
    rows = [
        {"region": r, "year": year, "indicator": "gdp_per_capita", "value": v}
        for year, vals in values.items()
        for r, v in zip(regions_, vals, strict=True)
    ]
    return pd.DataFrame(rows)


def test_sigma_convergence_by_hand():
    e = math.e
    f = _frame({2000: [1.0, e, e], 2010: [e, e, e]})
    out = sigma_convergence(f)
    # 2000: logs [0, 1, 1], mean 2/3, sd = sqrt((4/9 + 1/9 + 1/9)/3) = sqrt(2/9) = 0.4714045
    assert out.loc[2000, "sd_log"] == pytest.approx(math.sqrt(2 / 9))
    # CV 2000: mean (1 + 2e)/3; sd = sqrt(((1-m)^2 + 2(e-m)^2)/3)
    m = (1 + 2 * e) / 3
    assert out.loc[2000, "cv"] == pytest.approx(
        math.sqrt(((1 - m) ** 2 + 2 * (e - m) ** 2) / 3) / m
    )
    # 2010: everyone equal -> 0: sigma convergence
    assert out.loc[2010, "sd_log"] == pytest.approx(0.0, abs=1e-15)
    assert list(out["n"]) == [3, 3]


def test_sigma_convergence_refuses_unbalanced_and_mixed_frames():
    f = _frame({2000: [1.0, 2.0, 3.0], 2010: [2.0, 3.0, 4.0]}).iloc[:-1]  # drop C 2010
    with pytest.raises(ValueError, match=r"unbalanced.*'C', 2010"):
        sigma_convergence(f)
    assert list(sigma_convergence(f, balanced=False)["n"]) == [3, 2]
    mixed = pd.concat([_frame({2000: [1.0, 2.0, 3.0]}), _frame({2000: [1.0, 2.0, 3.0]})])
    with pytest.raises(ValueError, match="several rows"):
        sigma_convergence(mixed)
    other = _frame({2000: [1.0, 2.0, 3.0]}).assign(indicator=["a", "b", "a"])
    with pytest.raises(ValueError, match="indicator"):
        sigma_convergence(other)
    missing = _frame({2000: [1.0, float("nan"), 3.0]})
    with pytest.raises(ValueError, match="'B'"):
        sigma_convergence(missing)


# --------------------------------------------------------------------------------------------
# beta convergence
# --------------------------------------------------------------------------------------------


def _line_frame(beta: float, alpha: float, start: int, end: int, y0: list[float]) -> pd.DataFrame:
    years = end - start
    y_end = [math.exp(math.log(v) + years * (alpha + beta * math.log(v))) for v in y0]
    names = [f"R{i}" for i in range(len(y0))]
    return _frame({start: y0, end: y_end}, regions_=names)


def test_beta_convergence_recovers_an_exact_line():
    # g_i = 0.25 - 0.02 ln y_i0 exactly, T = 10
    # lambda = -ln(1 - 0.02 * 10) / 10 = -ln(0.8) / 10 = 0.0223144
    # half-life = ln 2 / 0.0223144 = 31.06 years
    f = _line_frame(-0.02, 0.25, 2010, 2020, [20_000, 35_000, 50_000, 80_000, 120_000])
    r = beta_convergence(f, 2010, 2020)
    assert r["beta"] == pytest.approx(-0.02, abs=1e-12)
    assert r["alpha"] == pytest.approx(0.25, abs=1e-10)
    assert r["se"] == pytest.approx(0.0, abs=1e-12)
    assert r["speed"] == pytest.approx(0.0223144, abs=1e-7)
    assert r["half_life"] == pytest.approx(31.0628, abs=1e-3)
    assert r["converging"] is True and r["n"] == 5 and r["years"] == 10
    assert r["table"].loc["R0", "growth"] == pytest.approx(0.25 - 0.02 * math.log(20_000))


def test_beta_convergence_with_noise_has_a_standard_error():
    rng = np.random.default_rng(3)
    y0 = rng.uniform(10_000, 100_000, 40)
    f = _line_frame(-0.03, 0.4, 2000, 2010, list(y0))
    f.loc[f["year"] == 2010, "value"] *= np.exp(rng.normal(0, 0.05, 40))
    r = beta_convergence(f, 2000, 2010)
    assert r["se"] > 0
    assert abs(r["beta"] + 0.03) < 4 * r["se"]


def test_beta_convergence_no_convergence_is_nan_and_explained():
    f = _line_frame(0.01, 0.0, 2010, 2020, [1.0, 2.0, 4.0, 8.0])
    r = beta_convergence(f, 2010, 2020)
    assert r["beta"] == pytest.approx(0.01, abs=1e-12)
    assert math.isnan(r["speed"]) and math.isnan(r["half_life"])
    assert r["converging"] is False and "no beta-convergence" in r["note"]
    # overshooting: 1 + beta T = 1 - 0.15 * 10 < 0
    f = _line_frame(-0.15, 0.0, 2010, 2020, [1.0, 2.0, 4.0, 8.0])
    r = beta_convergence(f, 2010, 2020)
    assert r["converging"] is True and math.isnan(r["speed"]) and "undefined" in r["note"]


def test_beta_convergence_input_errors():
    f = _line_frame(-0.02, 0.25, 2010, 2020, [1.0, 2.0, 4.0, 8.0])
    with pytest.raises(ValueError, match="R3"):
        beta_convergence(f.drop(index=f.index[-1]), 2010, 2020)
    with pytest.raises(ValueError, match="after"):
        beta_convergence(f, 2020, 2010)
    with pytest.raises(ValueError, match="no data for year 2015"):
        beta_convergence(f, 2010, 2015)
    with pytest.raises(ValueError, match="at least 3"):
        beta_convergence(f[f["region"].isin(["R0", "R1"])], 2010, 2020)
    bad = f.copy()
    bad.loc[0, "value"] = 0.0
    with pytest.raises(ValueError, match="logarithms"):
        beta_convergence(bad, 2010, 2020)

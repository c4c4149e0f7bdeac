"""helpers.panel against hand computation with numpy on small synthetic panels.

* beta: two-way demeaning by the textbook formula (balanced) and least squares with unit and
  year dummies (unbalanced) -- the Frisch-Waugh-Lovell theorem, not linearmodels;
* the clustered standard error, the 95 % interval and p (the conventions lesson 05 prints);
* the within points, the mediation steps, the coefficient table and the explorer's rows.

The lesson's real numbers are checked in ``test_nb05.py`` (the same helpers on the real data).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from helpers import i18n, panel
from helpers.widgets import FigurePanel, Selection, SelectionError

UNITS = [f"u{i}" for i in range(8)]
YEARS = list(range(2010, 2016))


def _synthetic(seed: int = 5, drop: int = 0) -> pd.DataFrame:
    """8 units x 6 years: y = 0.7 x - 0.3 z + unit + year + noise, m correlated with x;
    ``drop`` rows removed at random (an unbalanced panel)."""
    rng = np.random.default_rng(seed)
    idx = pd.MultiIndex.from_product([UNITS, YEARS], names=["region", "year"])
    n = len(idx)
    unit = np.repeat(rng.normal(size=len(UNITS)), len(YEARS))
    year = np.tile(rng.normal(size=len(YEARS)), len(UNITS))
    x = rng.normal(size=n) + unit
    z = rng.normal(size=n) + year
    m = 0.5 * x + rng.normal(size=n)
    y = 0.7 * x - 0.3 * z + 0.4 * m + unit + year + rng.normal(size=n)
    df = pd.DataFrame({"y": y, "x": x, "z": z, "m": m}, index=idx)
    if drop:
        df = df.drop(df.index[rng.choice(n, size=drop, replace=False)])
    return df


def _demean(df: pd.DataFrame) -> pd.DataFrame:
    """Two-way demeaning of a balanced panel: v_it - mean_i - mean_t + overall mean."""
    return (df - df.groupby(level="region").transform("mean")
            - df.groupby(level="year").transform("mean") + df.mean())


def _lsdv(df: pd.DataFrame, y: str, xs: list[str]) -> np.ndarray:
    """Coefficients of ``xs`` from least squares with a constant, unit and year dummies."""
    units = pd.get_dummies(df.index.get_level_values("region"), drop_first=True, dtype=float)
    years = pd.get_dummies(df.index.get_level_values("year"), drop_first=True, dtype=float)
    design = np.column_stack([df[xs].to_numpy(), np.ones(len(df)), units, years])
    return np.linalg.lstsq(design, df[y].to_numpy(), rcond=None)[0][:len(xs)]


def test_beta_equals_frisch_waugh_lovell_on_a_balanced_panel():
    df = _synthetic()
    r = panel.TwoWayFE(df, "x").fit("y", ("z",))
    w = _demean(df)
    b = np.linalg.lstsq(w[["x", "z"]].to_numpy(), w["y"].to_numpy(), rcond=None)[0]
    assert r.beta == pytest.approx(b[0], abs=1e-10)
    assert r.params["z"] == pytest.approx(b[1], abs=1e-10)
    assert (r.n, r.provinces, r.years) == (48, 8, "2010-2015")


def test_beta_equals_dummy_variable_regression_on_an_unbalanced_panel():
    df = _synthetic(drop=7)
    r = panel.TwoWayFE(df, "x").fit("y", ("z",))
    assert r.beta == pytest.approx(_lsdv(df, "y", ["x", "z"])[0], abs=1e-9)
    assert r.n == 41


def test_clustered_standard_error_interval_and_p_by_hand():
    """V = (X'X)^-1 [sum_g X_g'e_g e_g'X_g] (X'X)^-1 n / (n - k - G - T + 1), t quantiles."""
    df = _synthetic()
    r = panel.TwoWayFE(df, "x").fit("y", ("z",))
    w = _demean(df)
    x, yv = w[["x", "z"]].to_numpy(), w["y"].to_numpy()
    e = yv - x @ np.linalg.lstsq(x, yv, rcond=None)[0]
    g = df.index.get_level_values("region").to_numpy()
    scores = [x[g == u].T @ e[g == u] for u in UNITS]
    meat = sum(np.outer(s, s) for s in scores)
    bread = np.linalg.inv(x.T @ x)
    n, k = len(df), 2
    dof = n - k - len(UNITS) - len(YEARS) + 1
    se = np.sqrt((bread @ meat @ bread)[0, 0] * n / dof)
    assert r.se == pytest.approx(se, rel=1e-9)
    q = stats.t.ppf(0.975, dof)
    assert (r.lo, r.hi) == (pytest.approx(r.beta - q * se, rel=1e-9),
                            pytest.approx(r.beta + q * se, rel=1e-9))
    assert r.p == pytest.approx(2 * stats.t.sf(abs(r.beta / se), dof), rel=1e-6)
    assert r.excludes_zero == (r.lo > 0 or r.hi < 0)


def test_within_r2_is_the_share_of_within_variation_explained():
    df = _synthetic()
    r = panel.TwoWayFE(df, "x").fit("y", ("z",))
    w = _demean(df)
    x, yv = w[["x", "z"]].to_numpy(), w["y"].to_numpy()
    e = yv - x @ np.linalg.lstsq(x, yv, rcond=None)[0]
    assert r.within_r2 == pytest.approx(1 - (e @ e) / (yv @ yv), abs=1e-9)


@pytest.mark.parametrize("drop", [0, 7])
def test_within_points_have_beta_as_their_slope(drop):
    df = _synthetic(drop=drop)
    fe = panel.TwoWayFE(df, "x")
    pts = fe.within("y", ("z",))
    slope = np.polyfit(pts["x"], pts["y"], 1)[0]
    assert slope == pytest.approx(fe.fit("y", ("z",)).beta, abs=1e-9)
    if not drop:  # balanced: the points are the hand-demeaned values, z partialled out
        w = _demean(df)
        zz = w[["z"]].to_numpy()
        hand = w[["y", "x"]].to_numpy()
        hand = hand - zz @ np.linalg.lstsq(zz, hand, rcond=None)[0]
        np.testing.assert_allclose(pts[["y", "x"]].to_numpy(), hand, atol=1e-10)


def test_sample_drops_missing_values_and_keeps_the_years_asked():
    df = _synthetic()
    df.loc[("u0", 2011), "z"] = np.nan
    fe = panel.TwoWayFE(df, "x")
    r = fe.fit("y", ("z",), (2011, 2014))
    assert (r.n, r.first_year, r.last_year) == (8 * 4 - 1, 2011, 2014)
    assert fe.fit("y", (), (2011, 2014)).n == 32  # z not used: the row stays


def test_too_few_years_is_a_selection_error_that_says_so():
    fe = panel.TwoWayFE(_synthetic(), "x", labels={"y": "Outcome Y"})
    with pytest.raises(SelectionError, match="Outcome Y: only 2 year.*at least 3 years"):
        fe.fit("y", (), (2014, 2015))
    assert len(fe.fit("y", (), (2013, 2015)).params) == 1


def test_the_cache_is_bounded():
    fe = panel.TwoWayFE(_synthetic(), "x", cache_size=3)
    first = fe.fit("y", ())
    assert fe.fit("y", ()) is first  # remembered
    for lo in (2010, 2011, 2012, 2013):
        fe.fit("y", (), (lo, 2015))
    info = fe.fit.cache_info()
    assert (info.maxsize, info.currsize) == (3, 3)
    assert fe.fit("y", ()) is not first  # dropped, fitted again


def test_mediation_steps_use_one_sample_and_match_dummy_regressions():
    df = _synthetic(drop=3)
    df.loc[df.index[:2], "m"] = np.nan  # the mediator is missing in two rows
    med = panel.TwoWayFE(df, "x").mediation("y", "m", ("z",))
    common = df.dropna()
    assert med.n == len(common) == len(df) - 2
    assert med.c == pytest.approx(_lsdv(common, "y", ["x", "z"])[0], abs=1e-9)
    assert med.a == pytest.approx(_lsdv(common, "m", ["x", "z"])[0], abs=1e-9)
    c_prime, b, _ = _lsdv(common, "y", ["x", "m", "z"])
    assert (med.c_prime, med.b) == (pytest.approx(c_prime, abs=1e-9), pytest.approx(b, abs=1e-9))
    assert med.ab == pytest.approx(med.a * med.b)
    lo, hi = med.direct.interval("m")
    assert med.clear == (med.first.excludes_zero and (lo > 0 or hi < 0))
    table = med.table("Y", "M", "en")
    assert list(table.index) == ["c: Y on the index", "a: M on the index",
                                 "c': Y on the index, given M", "b: Y on M, given the index",
                                 "a x b (descriptive)"]
    assert table.iloc[3, 1] == f"[{lo:.3f}, {hi:.3f}]"
    assert "系数" in med.table("Y", "M", "zh").columns[0]


def test_effect_text_and_coefficient_table():
    assert panel.effect_text(0.5, logged=True) == "+5.1 %"  # 100 (e^0.05 - 1) = 5.13
    assert panel.effect_text(-0.264, logged=False) == "-0.0264"
    fe = panel.TwoWayFE(_synthetic(), "x")
    fits = {"y": fe.fit("y", ("z",)), "m": fe.fit("m", ("z",))}
    table = panel.coef_table(fits, logged=["m"])
    assert list(table.columns) == ["beta", "95% CI", "p", "+0.1 index", "n", "provinces",
                                   "years", "within R2"]
    assert table.index.name == "outcome"
    r = fits["y"]
    assert table.loc["y", "95% CI"] == f"[{r.lo:.3f}, {r.hi:.3f}]"
    assert table.loc["m", "+0.1 index"].endswith(" %")
    assert table.loc["y", "n"] == 48


def test_control_sets_are_every_subset_smallest_first():
    assert panel.control_sets(["a", "b"]) == [(), ("a",), ("b",), ("a", "b")]
    assert len(panel.control_sets(["a", "b", "c"])) == 8


def test_coefficient_explorer_rows_status_and_alt_text():
    i18n.set_language("en")
    df = _synthetic()
    df["w"] = np.random.default_rng(1).normal(size=len(df))
    fe = panel.TwoWayFE(df, "x")
    view = panel.CoefficientExplorer(fe, ["z", "w"], {"z": "Z", "w": "W"}, {"y": "Why"},
                                     no_controls="none")
    sel = Selection(("w",), "y", (2010, 2015), "level", None)
    spec = view.prepare(sel)
    assert list(spec["data"]["region"]) == ["none", "Z", "W", "Z + W"]
    fits = [fe.fit("y", s) for s in [(), ("z",), ("w",), ("z", "w")]]
    assert list(spec["data"]["value"]) == [f.beta for f in fits]
    assert spec["chosen_name"] == "W" and spec["title"] == f"Why: β = {fits[2].beta:.3f}"
    assert view.status(sel).startswith(f"β = {fits[2].beta:.3f}, 95% CI [{fits[2].lo:.3f}, ")
    fp = FigurePanel("bar", updater=panel.draw_coefficients, figsize=(8.0, 4.5), dpi=80)
    fp.update(spec.pop("data"), **spec)
    k = sum(f.lo <= 0 <= f.hi for f in fits)
    assert f"{k} of 4 intervals include zero" in fp.alt
    assert f"Highlighted, W: β = {fits[2].beta:.3f}" in fp.alt
    assert fp.png.startswith(b"\x89PNG") and fp.highlight == "W"



def test_require_years_refuses_a_window_some_outcome_cannot_serve():
    """Every accepted window serves every outcome (issue 21): a parameter error names the
    parameters, the outcome short of years and the windows that work."""
    import pandas as pd

    from helpers.panel import TwoWayFE
    from helpers.params import ParameterError

    idx = pd.MultiIndex.from_product([["A", "B", "C"], range(2016, 2023)],
                                     names=["region", "year"])
    rng = np.random.default_rng(0)
    frame = pd.DataFrame({"dei": rng.normal(size=len(idx)), "y1": rng.normal(size=len(idx)),
                          "y2": rng.normal(size=len(idx))}, index=idx)
    frame.loc[frame.index.get_level_values("year") > 2019, "y2"] = np.nan  # y2 ends in 2019
    fe = TwoWayFE(frame, "dei", min_years=3)
    assert fe.years_with_data("y2", (), (2016, 2022)) == [2016, 2017, 2018, 2019]
    fe.require_years(["y1", "y2"], (), (2016, 2022))  # fine
    fe.require_years(["y1", "y2"], (), (2017, 2019))  # exactly 3 years: fine
    with pytest.raises(ParameterError) as info:
        fe.require_years(["y1", "y2"], (), (2018, 2022))
    msg = str(info.value)
    assert "start_year, end_year" in msg and "y2" in msg and "y1 (" not in msg
    assert "has 2 year(s) with data in 2018-2022" in msg
    assert "choose start_year <= 2017 and end_year >= 2018" in msg

"""Lesson 03 (Hebei's cities): the key numbers come from the kit's helpers, which equal numbers
recomputed here with plain pandas/numpy from ``helpers.data`` (and, for the decomposition, by
hand); two end-to-end checks confirm that the kept outputs print what the helpers compute; the
lesson stays short (issue 14), reruns with other parameters, and bad parameters fail with a
message naming the parameter and the allowed values."""

from __future__ import annotations

import json
import math
import re

import numpy as np
import pandas as pd
import pytest

from conftest import KIT_ROOT

NB = KIT_ROOT / "notebooks" / "03_hebei_cities.ipynb"
CITIES = ["Shijiazhuang", "Tangshan", "Qinhuangdao", "Handan", "Xingtai", "Baoding",
          "Zhangjiakou", "Chengde", "Cangzhou", "Langfang", "Hengshui"]
COASTAL = {"Tangshan", "Qinhuangdao", "Cangzhou"}


def _cells() -> list[dict]:
    return json.loads(NB.read_text(encoding="utf-8"))["cells"]


def _checked_output() -> str:
    """Stored text of every NBVAL_CHECK_OUTPUT cell (nbval compares it with a fresh run)."""
    out = []
    for c in _cells():
        if c["cell_type"] == "code" and "NBVAL_CHECK_OUTPUT" in "".join(c["source"]):
            assert c["metadata"].get("keep_output"), "checked cells must keep their output"
            for o in c.get("outputs", []):
                out.append("".join(o.get("text", "")))
    return "\n".join(out)


def _number(label: str, text: str) -> list[float]:
    line = next(ln for ln in text.splitlines() if ln.startswith(label))
    return [float(x) for x in re.findall(r"(?<![\w.])-?\d+\.\d+", line)]


@pytest.fixture(scope="module")
def percap() -> pd.DataFrame:
    """GDP per person at the censuses, recomputed independently of the notebook's code."""
    from helpers.data import load

    gdp = load("hebei_city_gdp", regions=CITIES, indicators=["gdp"])
    pop = load("city_census_population", regions=CITIES, indicators=["pop_census"])
    anchors = load("hebei_city_gdp_anchors", regions=CITIES, indicators=["gdp"])
    anchors = anchors[anchors["vintage"] == "city_list_2021"]
    rows = []
    for year in (2010, 2020):
        for c in CITIES:
            g = gdp[(gdp["region"] == c) & (gdp["year"] == year)]["value"]
            if g.empty:  # Baoding 2020 is left out of the compilation: the city list has it
                g = anchors[(anchors["region"] == c) & (anchors["year"] == year)]["value"]
            p = pop[(pop["region"] == c) & (pop["year"] == year)]["value"]
            rows.append({"region": c, "year": year, "y": float(g.iloc[0]) * 1e8 / float(p.iloc[0]),
                         "pop": float(p.iloc[0])})
    return pd.DataFrame(rows)


def _code(cells: list[dict]) -> list[str]:
    return ["".join(c["source"]) for c in cells if c["cell_type"] == "code"]


def test_shape_parameters_and_checked_cells():
    cells = _cells()
    tagged = [c for c in cells if "parameters" in c["metadata"].get("tags", [])]
    assert len(tagged) == 1
    src = "".join(tagged[0]["source"])
    for name in ("language", "grouping", "start_year", "end_year", "indicator"):
        assert re.search(rf"^{name} = ", src, flags=re.M), name
    # the cell right after the parameters cell validates them (helpers.lesson.start_lesson)
    after = cells[cells.index(tagged[0]) + 1]
    assert "start_lesson(globals(), SPEC)" in "".join(after["source"])
    checked = [c for c in cells if "NBVAL_CHECK_OUTPUT" in "".join(c["source"])]
    assert 1 <= len(checked) <= 3
    assert all(c.get("outputs") for c in checked), "run and strip the notebook (keep_output)"
    n_exercises = sum(bool(re.search(r"\bask\(\"03-\d\"", "".join(c["source"]))) for c in cells)
    assert 2 <= n_exercises <= 4


def test_lesson_cells_are_short_and_define_nothing():
    """Issue 14: at most 250 non-blank code lines, no cell over 30, no def or class."""
    code = _code(_cells())
    lines = [sum(1 for ln in src.splitlines() if ln.strip()) for src in code]
    assert sum(lines) <= 250 and max(lines) <= 30, (sum(lines), max(lines))
    defined = [m for src in code for m in re.findall(r"^\s*(?:def|class) \w+", src, flags=re.M)]
    assert not defined, defined
    # series breaks go through helpers.plots (breaks=), never an axvline drawn by hand
    assert not [src for src in code if "axvline" in src]


# ------------------------------------------------------------------------------------------
# Key numbers: the kit's helpers against independent plain pandas / numpy
# ------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def helper_percap() -> pd.DataFrame:
    """GDP per person as the lesson computes it (helpers.group_stats.census_per_capita)."""
    from helpers.data import load
    from helpers.group_stats import census_per_capita

    gdp = load("hebei_city_gdp", regions=CITIES, indicators=["gdp"]).pivot(
        index="region", columns="year", values="value")
    pop = load("city_census_population", regions=CITIES, indicators=["pop_census"]).pivot(
        index="region", columns="year", values="value")
    anchors = load("hebei_city_gdp_anchors", regions=CITIES, indicators=["gdp"])
    city_list = anchors[anchors["vintage"] == "city_list_2021"].set_index(
        ["region", "year"])["value"]
    return census_per_capita(gdp, pop.reindex(CITIES), [2010, 2020], city_list,
                             source="hebei_city_gdp", fallback_source="city_list_2021")


def test_per_capita_helper_equals_independent_computation(helper_percap, percap):
    got = helper_percap.set_index(["region", "year"])
    want = percap.set_index(["region", "year"])
    assert len(got) == len(want) == 22
    for key, row in want.iterrows():
        assert got.loc[key, "value"] == pytest.approx(row["y"], rel=1e-12)
        assert got.loc[key, "population"] == row["pop"]
    assert got.loc[("Baoding", 2020), "gdp_source"] == "city_list_2021"


def _wide(frame, col):
    return frame.pivot(index="region", columns="year", values=col)


def test_inequality_helpers_equal_numpy_formulas(helper_percap, percap):
    from helpers import inequality as ineq

    tab = ineq.inequality_table(_wide(helper_percap, "value"), _wide(helper_percap, "population"))
    for year in (2010, 2020):
        d = percap[percap["year"] == year]
        y, s = d["y"].to_numpy(), d["pop"].to_numpy() / d["pop"].sum()
        mu = s @ y
        assert tab.loc[("theil_t", "population_weighted"), year] == pytest.approx(
            float(np.sum(s * y / mu * np.log(y / mu))))
        assert tab.loc[("theil_l", "population_weighted"), year] == pytest.approx(
            float(np.sum(s * np.log(mu / y))))
        gini = np.abs(y[:, None] - y[None, :]).mean() / (2 * y.mean())
        assert tab.loc[("gini", "unweighted"), year] == pytest.approx(float(gini))


def test_coastal_decomposition_equals_hand_computation(helper_percap, percap):
    """Population-weighted Theil T, between = sum_g Y_g ln(mu_g / mu), computed by hand."""
    from helpers import inequality as ineq
    from helpers.regions import groups

    shares = ineq.between_shares(_wide(helper_percap, "value"),
                                 _wide(helper_percap, "population"),
                                 {"coastal": groups("coastal")})
    for year in (2010, 2020):
        d = percap[percap["year"] == year]
        s = d["pop"].to_numpy() / d["pop"].sum()
        y = d["y"].to_numpy()
        mu = s @ y
        total = float(np.sum(s * (y / mu) * np.log(y / mu)))
        between = 0.0
        for members in (d["region"].isin(COASTAL).to_numpy(), ~d["region"].isin(COASTAL)
                        .to_numpy()):
            income_share = float(s[members] @ y[members]) / mu
            mu_g = float(s[members] @ y[members]) / float(s[members].sum())
            between += income_share * math.log(mu_g / mu)
        assert 0 < between < total
        assert shares.loc[("coastal", year), "theil_t"] == pytest.approx(between / total)


def test_convergence_helpers_equal_statsmodels_and_numpy(helper_percap, percap):
    import statsmodels.api as sm

    from helpers import inequality as ineq

    frame = helper_percap[["region", "year", "value"]]
    sigma = ineq.sigma_convergence(frame)
    for year in (2010, 2020):
        logs = np.log(percap[percap["year"] == year]["y"].to_numpy())
        assert sigma.loc[year, "sd_log"] == pytest.approx(float(logs.std(ddof=0)))
    wide = percap.pivot(index="region", columns="year", values="y")
    growth = np.log(wide[2020] / wide[2010]) / 10
    fit = sm.OLS(growth.to_numpy(), sm.add_constant(np.log(wide[2010]).to_numpy())).fit()
    beta = ineq.beta_convergence(frame, 2010, 2020)
    assert beta["beta"] == pytest.approx(float(fit.params[1]))
    assert beta["se"] == pytest.approx(float(fit.bse[1]))
    assert beta["half_life"] == pytest.approx(
        math.log(2) / (-math.log(1 + float(fit.params[1]) * 10) / 10))
    loo = ineq.leave_one_out_beta(frame, 2010, 2020)
    assert loo["beta"].idxmin() == "Tangshan"  # the lesson's "one city moves beta a lot"


def test_digital_finance_cv_equals_numpy():
    from helpers import inequality as ineq
    from helpers.data import load

    df = load("pku_dfiic_city", regions=CITIES)
    sigma = ineq.sigma_convergence(df[["region", "year", "value"]])
    for year in (2011, 2020):
        v = df[df["year"] == year]["value"].to_numpy()
        assert sigma.loc[year, "cv"] == pytest.approx(float(v.std(ddof=0) / v.mean()))


def test_growth_claim_helpers_equal_plain_pandas():
    from helpers.data import load
    from helpers.growth import break_windows, compare_growth

    gdp = load("hebei_city_gdp", regions=CITIES, indicators=["gdp"]).pivot(
        index="region", columns="year", values="value")
    trio, pair = ["Tangshan", "Qinhuangdao", "Cangzhou"], ["Xingtai", "Handan"]
    assert break_windows(2000, 2023, 2019) == [(2000, 2018), (2019, 2023)]
    for a, b in ((2000, 2018), (2019, 2023)):
        got = compare_growth(gdp, trio, pair, a, b)
        t_sum, p_sum = gdp.loc[trio].sum(), gdp.loc[pair].sum()
        assert got["first"] == pytest.approx(100 * ((t_sum[b] / t_sum[a]) ** (1 / (b - a)) - 1))
        assert got["second"] == pytest.approx(100 * ((p_sum[b] / p_sum[a]) ** (1 / (b - a)) - 1))
        rates = 100 * ((gdp[b] / gdp[a]) ** (1 / (b - a)) - 1)
        assert got["faster"] == sum(rates[x] > rates[y] for x in trio for y in pair)


def test_anchor_check_counts_equal_a_plain_merge():
    from helpers.data import load
    from helpers.data_quality import anchor_check

    gdp = load("hebei_city_gdp", indicators=["gdp"])
    anchors = load("hebei_city_gdp_anchors", regions=CITIES, indicators=["gdp"])
    anchors = anchors[anchors["year"] <= 2023]
    merged = anchors.merge(gdp[["region", "year", "value"]], on=["region", "year"], how="left",
                           suffixes=("_anchor", ""))
    diff = (merged["value"] - merged["value_anchor"]).round(2).abs()
    verdicts = anchor_check(gdp.set_index(["region", "year"])["value"], anchors)["verdict"]
    assert (verdicts == "left_out").sum() == merged["value"].isna().sum() == 2
    assert (verdicts == "equal").sum() == (diff <= 0.05).sum()
    assert (verdicts == "rounded").sum() == ((diff > 0.05) & (diff <= 0.5)).sum()
    assert not (verdicts == "different").any()


# ------------------------------------------------------------------------------------------
# End to end: the kept outputs print what the helpers compute
# ------------------------------------------------------------------------------------------


def test_kept_inequality_output_is_what_the_helpers_compute(helper_percap):
    from helpers import inequality as ineq
    from helpers.regions import groups

    pc, pop = _wide(helper_percap, "value"), _wide(helper_percap, "population")
    d = {(k, y): ineq.theil_decomposition(pc[y], groups("coastal"), w=pop[y], kind=k)
         for k in ("T", "L") for y in (2010, 2020)}
    expected = (
        f"GDP per person, Theil T (population-weighted): 2010 {d['T', 2010]['total']:.4f}, "
        f"2020 {d['T', 2020]['total']:.4f}\n"
        f"Theil L (population-weighted): 2010 {d['L', 2010]['total']:.4f}, "
        f"2020 {d['L', 2020]['total']:.4f}\n"
        f"Gini (unweighted): 2010 {ineq.gini(pc[2010]):.4f}, 2020 {ineq.gini(pc[2020]):.4f}\n"
        f"Between-group share of Theil T (coastal): 2010 {d['T', 2010]['between_share']:.3f}, "
        f"2020 {d['T', 2020]['between_share']:.3f}\n")
    assert expected in _checked_output()


def test_kept_convergence_output_is_what_the_helpers_compute(helper_percap):
    from helpers import inequality as ineq

    frame = helper_percap[["region", "year", "value"]]
    sigma, b = ineq.sigma_convergence(frame), ineq.beta_convergence(frame, 2010, 2020)
    expected = (f"sigma (sd of log GDP per person): 2010 {sigma.loc[2010, 'sd_log']:.4f}, "
                f"2020 {sigma.loc[2020, 'sd_log']:.4f}\n"
                f"beta 2010-2020: {b['beta']:.4f} (se {b['se']:.4f}, p {b['p_value']:.3f}, "
                f"n {b['n']}), half-life {b['half_life']:.1f} years\n")
    assert expected in _checked_output()
    shown = _number("beta 2010-2020", _checked_output())
    assert shown[0] == round(b["beta"], 4)


# ------------------------------------------------------------------------------------------
# papermill reruns (slow)
# ------------------------------------------------------------------------------------------


def _run(tmp_path, **params):
    import papermill as pm

    out = tmp_path / "out.ipynb"
    pm.execute_notebook(str(NB), str(out), parameters=params, kernel_name="python3",
                        cwd=str(NB.parent), progress_bar=False, log_output=False)
    return json.loads(out.read_text(encoding="utf-8"))


@pytest.mark.slow
def test_reruns_in_chinese_for_another_grouping_and_years(tmp_path):
    before = NB.read_bytes()
    nb = _run(tmp_path, language="zh", grouping="north_central_south", start_year=2010,
              end_year=2018, indicator="gdp")
    assert NB.read_bytes() == before, "papermill must not write over the lesson"
    outputs = [o for c in nb["cells"] for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    stderr = [o for o in outputs if o.get("output_type") == "stream" and o.get("name") == "stderr"]
    assert not stderr, stderr[:2]
    text = "\n".join("".join(o.get("text", "")) for o in outputs)
    assert "Between-group share of Theil T (north_central_south)" in text
    markdown = "\n".join("".join(o.get("data", {}).get("text/markdown", "")) for o in outputs)
    assert "2010—2018年（名义）" in markdown  # the growth verdict follows language and years
    assert "冀北" in markdown or "冀北" in "\n".join(
        "".join(o.get("data", {}).get("text/html", "")) for o in outputs)


@pytest.mark.slow
@pytest.mark.parametrize("params, words", [
    ({"grouping": "coastl"}, ["grouping", "'coastal'", "north_central_south"]),
    ({"start_year": 2019, "end_year": 2019}, ["start_year", "end_year"]),
    ({"end_year": 2030}, ["end_year", "2000..2023"]),
    ({"indicator": "gdp_per_head"}, ["indicator", "gdp_per_capita_census"]),
])
def test_bad_parameters_fail_naming_the_parameter(tmp_path, params, words):
    from papermill.exceptions import PapermillExecutionError

    with pytest.raises(PapermillExecutionError) as err:
        _run(tmp_path, **params)
    message = str(err.value)
    assert "ParameterError" in message
    for word in words:
        assert word in message, (word, message[-800:])

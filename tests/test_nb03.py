"""Lesson 03 (Hebei's cities): the key numbers it shows equal numbers recomputed here from
``helpers.data`` and, for the decomposition, by hand; it reruns with other parameters; bad
parameters fail with a message naming the parameter and the allowed values."""

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


def test_shape_parameters_and_checked_cells():
    cells = _cells()
    tagged = [c for c in cells if "parameters" in c["metadata"].get("tags", [])]
    assert len(tagged) == 1
    src = "".join(tagged[0]["source"])
    for name in ("language", "grouping", "start_year", "end_year", "indicator"):
        assert re.search(rf"^{name} = ", src, flags=re.M), name
    # the cell right after the parameters cell validates them with helpers.params
    after = cells[cells.index(tagged[0]) + 1]
    assert "check_params(globals(), SPEC)" in "".join(after["source"])
    checked = [c for c in cells if "NBVAL_CHECK_OUTPUT" in "".join(c["source"])]
    assert 1 <= len(checked) <= 3
    assert all(c.get("outputs") for c in checked), "run and strip the notebook (keep_output)"
    n_exercises = sum("Exercise(" in "".join(c["source"]) for c in cells)
    assert 2 <= n_exercises <= 4


def test_inequality_numbers_shown_equal_recomputed(percap):
    from helpers import inequality as ineq

    text = _checked_output()
    for year, shown in zip((2010, 2020), _number("GDP per person, Theil T", text)[:2],
                           strict=True):
        d = percap[percap["year"] == year]
        assert round(ineq.theil_t(d["y"].to_numpy(), d["pop"].to_numpy()), 4) == shown
    for year, shown in zip((2010, 2020), _number("Theil L", text), strict=True):
        d = percap[percap["year"] == year]
        assert round(ineq.theil_l(d["y"].to_numpy(), d["pop"].to_numpy()), 4) == shown
    for year, shown in zip((2010, 2020), _number("Gini", text), strict=True):
        assert round(ineq.gini(percap[percap["year"] == year]["y"].to_numpy()), 4) == shown


def test_coastal_decomposition_shown_equals_hand_computation(percap):
    """Population-weighted Theil T, between = sum_g Y_g ln(mu_g / mu), computed by hand."""
    text = _checked_output()
    shown = _number("Between-group share of Theil T (coastal)", text)
    for year, share in zip((2010, 2020), shown, strict=True):
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
        assert round(between / total, 3) == share
        assert 0 < between < total


def test_convergence_numbers_shown_equal_recomputed(percap):
    import statsmodels.api as sm

    text = _checked_output()
    sig = _number("sigma", text)
    for year, shown in zip((2010, 2020), sig, strict=True):
        logs = np.log(percap[percap["year"] == year]["y"].to_numpy())
        assert round(float(logs.std(ddof=0)), 4) == shown
    wide = percap.pivot(index="region", columns="year", values="y")
    growth = np.log(wide[2020] / wide[2010]) / 10
    fit = sm.OLS(growth.to_numpy(), sm.add_constant(np.log(wide[2010]).to_numpy())).fit()
    beta = float(fit.params[1])
    shown_beta, shown_se, shown_p, *rest = _number("beta 2010-2020", text)
    assert round(beta, 4) == shown_beta
    assert round(float(fit.bse[1]), 4) == shown_se
    half_life = math.log(2) / (-math.log(1 + beta * 10) / 10)
    assert round(half_life, 1) == rest[-1]


def test_digital_finance_numbers_shown_equal_recomputed():
    from helpers.data import load

    df = load("pku_dfiic_city", regions=CITIES)
    shown = _number("Digital finance index, CV", _checked_output())
    for year, value in zip((2011, 2020), shown, strict=True):
        v = df[df["year"] == year]["value"].to_numpy()
        assert round(float(v.std(ddof=0) / v.mean()), 4) == value


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

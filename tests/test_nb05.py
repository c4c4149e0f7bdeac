"""Lesson 05 (on lesson 04's index): the helpers the lesson calls give the numbers of an
independent recomputation from the CSV files in ``data/``, and the lesson prints them.

The recomputation reads the CSVs with plain pandas (not ``helpers.data``), scales the
indicators as the lessons' text describes, and uses ``helpers.composite`` for the entropy and
coupling formulas (those are tested by hand in ``test_composite.py``); the regressions are
recomputed with the Frisch-Waugh-Lovell theorem and a cluster sandwich in numpy, not
linearmodels (``helpers.panel`` is tested by hand in ``test_panel.py``). End-to-end checks
compare the kept ``# NBVAL_CHECK_OUTPUT`` text with the helpers' numbers, formatted as the
lesson formats them; nbval checks that a fresh run prints the kept text.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest
from digital_recompute import (  # noqa: F401 - panel and index are fixtures
    DATA,
    DEFAULT,
    NB04,
    NB05,
    index,
    panel,
)
from digital_recompute import (
    kept_text as _kept_text,
)
from digital_recompute import (
    wide as _wide,
)

from helpers.composite import (
    coordination_band,
    coupling_coordination,
    entropy_index,
    entropy_weights,
)
from helpers.digital import DEFAULT_INDICATORS, digital_index
from helpers.panel import TwoWayFE


def test_nb05_index_helper_equals_the_recomputation(index):
    """helpers.digital's index over every year its indicators share (what lesson 05 uses)
    equals the plain-pandas recomputation; 30 provinces, 2016-2022."""
    _, s = index
    dei, _ = digital_index(DEFAULT_INDICATORS)
    pd.testing.assert_series_equal(dei.sort_index(), s.sort_index(), check_names=False,
                                   atol=1e-12, rtol=0)
    assert dei.index.unique("region").size == 30
    assert (dei.index.unique("year").min(), dei.index.unique("year").max()) == (2016, 2022)


def test_nb05_prints_the_index_of_nb04(index):
    """End to end: lesson 05's kept line is the index formatted, and lesson 04 prints the
    same value."""
    _, s = index
    m = re.search(r"Hebei: index ([\d.]+), upgrading subsystem ([\d.]+) in (\d{4})",
                  _kept_text(NB05))
    assert m is not None
    assert m.group(1) == f"{s[('Hebei', int(m.group(3)))]:.3f}"
    nb04_last = re.search(r"^index: .*(\d{4}) ([\d.]+)$", _kept_text(NB04), flags=re.M)
    assert m.group(1) == nb04_last.group(2), "lessons 04 and 05 print different index values"


def _structure(rows) -> pd.DataFrame:
    va = _wide("province_gdp", vintage=["nbs_post5th_2026-04", "nbs_post5th_2024final_2026-05"])
    va = va[["va_primary", "va_secondary", "va_tertiary"]].reindex(rows)
    shares = va.div(va.sum(axis=1), axis=0).to_numpy()
    norm = np.linalg.norm(shares, axis=1)
    theta = np.arccos(np.clip(shares / norm[:, None], -1, 1))
    return pd.DataFrame({
        "level_coefficient": shares @ np.array([1.0, 2.0, 3.0]),
        "advancement_ratio": va["va_tertiary"] / va["va_secondary"],
        "advancement_angle": theta @ np.array([3.0, 2.0, 1.0]),
    }, index=rows)


def test_nb05_structure_measures_equal_the_recomputation(index):
    """The upgrading measures the lesson takes from helpers.structure (through helpers.data)
    equal the numpy recomputation on the index's province-years."""
    from helpers.data import load
    from helpers.structure import structure_measures

    _, s = index
    va = load("province_gdp", indicators=["va_primary", "va_secondary", "va_tertiary"],
              vintage=["nbs_post5th_2026-04", "nbs_post5th_2024final_2026-05"])
    got = structure_measures(va).pivot(index=["region", "year"], columns="measure",
                                       values="value").reindex(s.index)
    want = _structure(s.index)
    pd.testing.assert_frame_equal(got[want.columns], want, check_names=False, atol=1e-12)


def test_nb05_coupling_coordination_matches(index):
    _, s = index
    st = _structure(s.index)
    upg = entropy_index(st, entropy_weights(st))
    c = coupling_coordination(s, upg)
    text = _kept_text(NB05)
    line = re.search(r"^Hebei D by year: (.+)$", text, flags=re.M).group(1)
    for item in line.split(", "):
        year, d = item.split()
        assert float(d) == pytest.approx(c.D[("Hebei", int(year))], abs=0.0015), year
    last = s.index.get_level_values("year").max()
    assert f"Hebei band {last}: {coordination_band(c.D[('Hebei', last)], 'en')}" in text


@pytest.fixture(scope="module")
def lesson_panel(index) -> pd.DataFrame:
    """Lesson 05's regression panel for three outcomes and the default controls, from the
    CSV files with plain pandas (real GDP: 2016 GDP chained with the official growth index)."""
    _, s = index
    pop = _wide("province_population")
    gdp = _wide("province_gdp", vintage=["nbs_post5th_2026-04", "nbs_post5th_2024final_2026-05"])
    growth = _wide("province_gdp_index")["gdp_index_prev_year_100"] / 100
    growth[growth.index.get_level_values("year") == 2016] = 1.0
    base = gdp["gdp"].xs(2016, level="year")
    real = growth.groupby(level="region").cumprod() * base.reindex(
        growth.index.get_level_values("region")).to_numpy()
    return pd.DataFrame({
        "dei": s,
        "upgrading": _structure(s.index)["level_coefficient"],
        "patents_per_10k": np.log(_wide("patents")["patent_grants_total"]
                                  / pop["pop_yearend_resident"]),
        "energy_per_gdp": np.log(_wide("energy_consumption")["energy_consumption_total"]
                                 / real),
        "log_gdp_per_capita": np.log(gdp["gdp_per_capita"]),
        "urbanisation": 100 * pop["pop_urban"] / pop["pop_yearend_resident"],
    }).reindex(s.index)


CONTROLS = ("log_gdp_per_capita", "urbanisation")


def _fwl(d: pd.DataFrame, y: str, xs: list[str]) -> tuple[float, float, int]:
    """beta, clustered se and residual degrees of freedom by two-way demeaning (balanced
    panel) and least squares with numpy: the conventions in helpers.panel's docstring."""
    assert d.groupby(level="region").size().nunique() == 1, "panel must be balanced"
    w = (d - d.groupby(level="region").transform("mean")
         - d.groupby(level="year").transform("mean") + d.mean())
    x, yv = w[xs].to_numpy(), w[y].to_numpy()
    b = np.linalg.lstsq(x, yv, rcond=None)[0]
    e = yv - x @ b
    g = d.index.get_level_values("region").to_numpy()
    meat = sum(np.outer(x[g == u].T @ e[g == u], x[g == u].T @ e[g == u]) for u in set(g))
    bread = np.linalg.inv(x.T @ x)
    n, units, years = len(d), len(set(g)), d.index.get_level_values("year").nunique()
    dof = n - len(xs) - units - years + 1
    return b[0], float(np.sqrt((bread @ meat @ bread)[0, 0] * n / dof)), dof


@pytest.mark.parametrize("outcome", ["upgrading", "patents_per_10k", "energy_per_gdp"])
def test_nb05_fits_equal_frisch_waugh_lovell(lesson_panel, outcome):
    """helpers.panel on the lesson's data: beta, se and the 95 % interval of each outcome on
    the index with the default controls, against numpy."""
    from scipy import stats

    r = TwoWayFE(lesson_panel, "dei").fit(outcome, CONTROLS, (2016, 2022))
    d = lesson_panel[[outcome, "dei", *CONTROLS]].dropna()
    beta, se, dof = _fwl(d, outcome, ["dei", *CONTROLS])
    assert r.beta == pytest.approx(beta, abs=1e-9)
    assert r.se == pytest.approx(se, rel=1e-7)
    assert r.lo == pytest.approx(beta - stats.t.ppf(0.975, dof) * se, rel=1e-7)
    assert (r.n, r.provinces) == (len(d), 30)


def test_nb05_energy_regression_uses_only_years_with_energy_data(lesson_panel):
    energy = _wide("energy_consumption")["energy_consumption_total"]
    last = int(energy.dropna().index.get_level_values("year").max())
    r = TwoWayFE(lesson_panel, "dei").fit("energy_per_gdp", CONTROLS, (2016, 2022))
    assert (r.first_year, r.last_year) == (2016, min(last, 2022))
    assert r.n == 30 * (r.last_year - r.first_year + 1)


def test_nb05_mediation_steps_equal_frisch_waugh_lovell(lesson_panel):
    med = TwoWayFE(lesson_panel, "dei").mediation("upgrading", "patents_per_10k", CONTROLS,
                                                   (2016, 2022))
    d = lesson_panel[["upgrading", "patents_per_10k", "dei", *CONTROLS]].dropna()
    assert med.n == len(d)
    assert med.a == pytest.approx(_fwl(d, "patents_per_10k", ["dei", *CONTROLS])[0], abs=1e-9)
    assert med.c_prime == pytest.approx(
        _fwl(d, "upgrading", ["dei", "patents_per_10k", *CONTROLS])[0], abs=1e-9)
    b = _fwl(d, "upgrading", ["patents_per_10k", "dei", *CONTROLS])[0]
    assert med.b == pytest.approx(b, abs=1e-9)


def test_nb05_prints_what_the_helpers_compute(lesson_panel):
    """End to end: the kept regression and mediation lines are the helpers' numbers,
    formatted as the lesson formats them."""
    fe = TwoWayFE(lesson_panel, "dei")
    text = _kept_text(NB05)
    for y in ("upgrading", "patents_per_10k", "energy_per_gdp"):
        r = fe.fit(y, CONTROLS, (2016, 2022))
        assert (f"{y}: beta {r.beta:.3f} [{r.lo:.3f}, {r.hi:.3f}], n {r.n}, years {r.years}, "
                f"within R2 {r.within_r2:.2f}") in text.splitlines()
    med = fe.mediation("upgrading", "patents_per_10k", CONTROLS, (2016, 2022))
    assert (f"mediation of upgrading through patents_per_10k, n {med.n}: c {med.c:.3f}, "
            f"a {med.a:.3f}, c' {med.c_prime:.3f}, b {med.b:.3f}, a*b {med.ab:.3f}") in text


@pytest.mark.slow
@pytest.mark.parametrize(("nb", "params", "needle"), [
    (NB05, {"outcome": "energy"}, "energy_per_gdp"),
    (NB05, {"start_year": 2021, "end_year": 2022}, "at least 3 years"),
    # accepted by the parameter cell, but the energy data end in 2019: refused with the windows
    # that work (issue 21), not a raw traceback later
    (NB05, {"start_year": 2018, "end_year": 2022}, "choose start_year <= 2017"),
])
def test_bad_parameters_fail_with_a_clear_message(nb, params, needle, tmp_path):
    papermill = pytest.importorskip("papermill")
    with pytest.raises(papermill.PapermillExecutionError) as err:
        papermill.execute_notebook(str(nb), str(tmp_path / nb.name), parameters=params,
                                   kernel_name="python3", progress_bar=False, cwd=str(nb.parent))
    assert "ParameterError" in str(err.value)
    assert needle in str(err.value)

"""Lesson 05 (on lesson 04's index): the key numbers kept in the notebooks
(``# NBVAL_CHECK_OUTPUT`` cells)
equal an independent recomputation from the CSV files in ``data/``.

The recomputation reads the CSVs with plain pandas (not ``helpers.data``), scales the
indicators as the lessons' text describes, and uses ``helpers.composite`` for the entropy and
coupling formulas (those are tested by hand in ``test_composite.py``); the regression check uses
the Frisch-Waugh-Lovell theorem with numpy, not linearmodels. nbval checks that a fresh run
prints the kept numbers; these tests check that the kept numbers are right.
"""

from __future__ import annotations

import json
import re

import numpy as np
import pandas as pd
import pytest

from conftest import KIT_ROOT
from helpers.composite import (
    coordination_band,
    coupling_coordination,
    entropy_index,
    entropy_weights,
)

NB04 = KIT_ROOT / "notebooks" / "04_digital_economy_index.ipynb"
NB05 = KIT_ROOT / "notebooks" / "05_digital_mechanisms.ipynb"
DATA = KIT_ROOT / "data"
DEFAULT = ["broadband_per_100", "mobile_internet_per_100", "mobile_traffic_per_person",
           "software_revenue_pct_gdp", "ecommerce_sales_pct_gdp", "computers_per_100_employees",
           "websites_per_100_enterprises", "share_enterprises_with_ecommerce", "pku_dfiic"]


def _kept_text(path) -> str:
    """All stream output of the notebook's kept (NBVAL_CHECK_OUTPUT) cells."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    out = []
    for c in nb["cells"]:
        if c["cell_type"] == "code" and "NBVAL_CHECK_OUTPUT" in "".join(c["source"]):
            assert c.get("outputs"), f"{path.name}: a checked cell has no stored output"
            out += ["".join(o.get("text", "")) for o in c["outputs"]]
    return "\n".join(out)


def _wide(name: str, **filters) -> pd.DataFrame:
    df = pd.read_csv(DATA / f"{name}.csv", dtype={"value": float})
    for col, allowed in filters.items():
        df = df[df[col].isin(allowed)]
    return df.pivot(index=["region", "year"], columns="indicator", values="value")


@pytest.fixture(scope="module")
def panel() -> pd.DataFrame:
    """The default indicators of lesson 04, scaled as its section 1 says (money flows logged)."""
    d = _wide("digital_indicators")
    pop = _wide("province_population")["pop_yearend_resident"]
    gdp = _wide("province_gdp", vintage=["nbs_post5th_2026-04",
                                         "nbs_post5th_2024final_2026-05"])["gdp"]
    pku = _wide("pku_dfiic_province")["pku_dfiic_index_aggregate"]
    p = pd.DataFrame({
        "broadband_per_100": 100 * d["internet_broadband_subscribers"] / pop,
        "mobile_internet_per_100": 100 * d["mobile_internet_subscribers"] / pop,
        "mobile_traffic_per_person": d["mobile_internet_traffic"] / pop,
        "software_revenue_pct_gdp": np.log(100 * d["software_business_revenue"] / 1e4 / gdp),
        "ecommerce_sales_pct_gdp": np.log(100 * d["ecommerce_sales"] / gdp),
        "computers_per_100_employees": d["computers_per_100_employees"],
        "websites_per_100_enterprises": d["websites_per_100_enterprises"],
        "share_enterprises_with_ecommerce": d["share_enterprises_with_ecommerce"],
        "pku_dfiic": pku,
    })
    years = p.index.get_level_values("year")
    return p[(years >= 2016) & (years <= 2024)][DEFAULT].dropna()


@pytest.fixture(scope="module")
def index(panel):
    w = entropy_weights(panel)
    return w, entropy_index(panel, w)


def test_nb05_uses_the_same_index_as_nb04(index):
    _, s = index
    m = re.search(r"Hebei: index ([\d.]+), upgrading subsystem ([\d.]+) in (\d{4})",
                  _kept_text(NB05))
    assert m is not None
    assert float(m.group(1)) == pytest.approx(s[("Hebei", int(m.group(3)))], abs=0.0005)
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


def test_nb05_upgrading_beta_equals_frisch_waugh_lovell(index):
    """beta of upgrading on the index, two-way FE, default controls (log GDP per person,
    urbanisation), computed by demeaning and least squares (balanced panel)."""
    _, s = index
    st = _structure(s.index)
    pop = _wide("province_population")
    gpc = _wide("province_gdp", vintage=["nbs_post5th_2026-04",
                                         "nbs_post5th_2024final_2026-05"])["gdp_per_capita"]
    d = pd.DataFrame({
        "y": st["level_coefficient"], "dei": s,
        "lgpc": np.log(gpc).reindex(s.index),
        "urb": (100 * pop["pop_urban"] / pop["pop_yearend_resident"]).reindex(s.index),
    }).dropna()
    assert d.groupby(level="region").size().nunique() == 1, "panel must be balanced"
    w = (d - d.groupby(level="region").transform("mean")
         - d.groupby(level="year").transform("mean") + d.mean())
    beta = np.linalg.lstsq(w[["dei", "lgpc", "urb"]].to_numpy(), w["y"].to_numpy(),
                           rcond=None)[0][0]
    m = re.search(r"^upgrading: beta (-?[\d.]+) \[(-?[\d.]+), (-?[\d.]+)\], n (\d+)",
                  _kept_text(NB05), flags=re.M)
    assert m is not None
    assert float(m.group(1)) == pytest.approx(beta, abs=0.0005)
    assert float(m.group(2)) < float(m.group(1)) < float(m.group(3))
    assert int(m.group(4)) == len(d)


def test_nb05_energy_regression_uses_only_years_with_energy_data():
    energy = _wide("energy_consumption")["energy_consumption_total"]
    last = int(energy.dropna().index.get_level_values("year").max())
    m = re.search(r"^energy_per_gdp: .* n (\d+), years (\d{4})-(\d{4})", _kept_text(NB05),
                  flags=re.M)
    assert m is not None
    assert int(m.group(3)) == min(last, 2022)
    assert int(m.group(1)) == 30 * (int(m.group(3)) - int(m.group(2)) + 1)


@pytest.mark.slow
@pytest.mark.parametrize(("nb", "params", "needle"), [
    (NB05, {"outcome": "energy"}, "energy_per_gdp"),
    (NB05, {"start_year": 2021, "end_year": 2022}, "at least 3 years"),
])
def test_bad_parameters_fail_with_a_clear_message(nb, params, needle, tmp_path):
    papermill = pytest.importorskip("papermill")
    with pytest.raises(papermill.PapermillExecutionError) as err:
        papermill.execute_notebook(str(nb), str(tmp_path / nb.name), parameters=params,
                                   kernel_name="python3", progress_bar=False, cwd=str(nb.parent))
    assert "ParameterError" in str(err.value)
    assert needle in str(err.value)

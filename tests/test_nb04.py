"""Lesson 04 (and the index lesson 05 reuses): the key numbers kept in the notebooks
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


def test_nb04_sample_is_stated(panel):
    text = _kept_text(NB04)
    years = sorted(panel.index.get_level_values("year").unique())
    regions = panel.index.get_level_values("region").unique()
    assert f"years {years[0]}-{years[-1]}, provinces {len(regions)}, region-years {len(panel)}" \
        in text
    missing = sorted({"Tibet"} - set(regions))
    assert f"dropped provinces: {', '.join(missing) or 'none'}" in text


def test_nb04_weights_printed_sum_to_one_and_match(index):
    w, _ = index
    line = re.search(r"^weights: (.+)$", _kept_text(NB04), flags=re.M).group(1)
    printed = {k: float(v) for k, v in (item.rsplit(" ", 1) for item in line.split(", "))}
    assert set(printed) == set(DEFAULT)
    # nine values rounded to 3 decimals: their sum is 1 within 9 x 0.0005
    assert abs(sum(printed.values()) - 1) <= 9 * 0.0005
    for k, v in printed.items():
        assert v == pytest.approx(w[k], abs=0.0005), k
    assert re.search(r"sum of weights: 1\.000000", _kept_text(NB04))


def test_nb04_hebei_index_and_ranks_match(index):
    _, s = index
    text = _kept_text(NB04)
    idx_line = re.search(r"^index: (.+)$", text, flags=re.M).group(1)
    rank_line = re.search(r"^rank:\s+(.+)$", text, flags=re.M).group(1)
    ranks = s.groupby(level="year").rank(ascending=False, method="min")
    for item in idx_line.split(", "):
        year, value = item.split()
        assert float(value) == pytest.approx(s[("Hebei", int(year))], abs=0.0005), year
    for item in rank_line.split(", "):
        year, rank = item.split()
        assert int(rank) == ranks[("Hebei", int(year))], year


def test_nb04_leave_one_out_ranks(panel):
    text = _kept_text(NB04)
    last = panel.index.get_level_values("year").max()
    for code in DEFAULT:
        rest = panel.drop(columns=code)
        s = entropy_index(rest, entropy_weights(rest))
        rank = int(s.xs(last, level="year").rank(ascending=False, method="min")["Hebei"])
        row = re.search(rf"^{code}\s+(\d+)\s+(-?\d+)$", text, flags=re.M)
        assert row is not None, code
        assert int(row.group(1)) == rank, code


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


@pytest.mark.slow
@pytest.mark.parametrize(("nb", "params", "needle"), [
    (NB04, {"indicators": ["broadband_per_100", "pku_dfiik"]}, "pku_dfiic"),
    (NB04, {"indicators": ["broadband_per_100"]}, "at least two indicators"),
    (NB04, {"region": "Tibet"}, "software_revenue_pct_gdp"),
])
def test_bad_parameters_fail_with_a_clear_message(nb, params, needle, tmp_path):
    papermill = pytest.importorskip("papermill")
    with pytest.raises(papermill.PapermillExecutionError) as err:
        papermill.execute_notebook(str(nb), str(tmp_path / nb.name), parameters=params,
                                   kernel_name="python3", progress_bar=False, cwd=str(nb.parent))
    assert "ParameterError" in str(err.value)
    assert needle in str(err.value)

"""What lessons 04 and 05's tests share: the lessons' paths, their kept outputs, and the
default digital-economy panel recomputed from the CSV files with plain pandas (not
``helpers.data``), scaled as lesson 04's section 1 says."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from conftest import KIT_ROOT
from helpers.composite import entropy_index, entropy_weights

NB04 = KIT_ROOT / "notebooks" / "04_digital_economy_index.ipynb"
NB05 = KIT_ROOT / "notebooks" / "05_digital_mechanisms.ipynb"
DATA = KIT_ROOT / "data"
DEFAULT = ["broadband_per_100", "mobile_internet_per_100", "mobile_traffic_per_person",
           "software_revenue_pct_gdp", "ecommerce_sales_pct_gdp", "computers_per_100_employees",
           "websites_per_100_enterprises", "share_enterprises_with_ecommerce", "pku_dfiic"]


def kept_text(path) -> str:
    """All stream output of the notebook's kept (NBVAL_CHECK_OUTPUT) cells."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    out = []
    for c in nb["cells"]:
        if c["cell_type"] == "code" and "NBVAL_CHECK_OUTPUT" in "".join(c["source"]):
            assert c.get("outputs"), f"{path.name}: a checked cell has no stored output"
            out += ["".join(o.get("text", "")) for o in c["outputs"]]
    return "\n".join(out)


def wide(name: str, **filters) -> pd.DataFrame:
    df = pd.read_csv(DATA / f"{name}.csv", dtype={"value": float})
    for col, allowed in filters.items():
        df = df[df[col].isin(allowed)]
    return df.pivot(index=["region", "year"], columns="indicator", values="value")


@pytest.fixture(scope="module")
def panel() -> pd.DataFrame:
    """The default indicators of lesson 04, scaled as its section 1 says (money flows logged)."""
    d = wide("digital_indicators")
    pop = wide("province_population")["pop_yearend_resident"]
    gdp = wide("province_gdp", vintage=["nbs_post5th_2026-04",
                                         "nbs_post5th_2024final_2026-05"])["gdp"]
    pku = wide("pku_dfiic_province")["pku_dfiic_index_aggregate"]
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

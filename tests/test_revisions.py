"""helpers.revisions: the revision of one vintage by another (gap and % of the old figure)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from helpers.data import load
from helpers.revisions import revision, vintage_columns


def test_revision_by_hand_and_only_where_both_exist():
    old = pd.Series([100.0, 200.0, np.nan], index=[2020, 2021, 2022])
    new = pd.Series([110.0, 190.0, 300.0, 5.0], index=[2020, 2021, 2022, 2023])
    r = revision(old, new)
    assert r.index.tolist() == [2020, 2021]
    assert r["gap"].tolist() == pytest.approx([10.0, -10.0])
    assert r["gap_pct"].tolist() == pytest.approx([10.0, -5.0])  # of the OLD figure


def test_vintage_columns_keeps_the_order_given_and_refuses_mixed_regions():
    tidy = pd.DataFrame({"region": "A", "indicator": "gdp", "year": [2020, 2020, 2021],
                         "vintage": ["new", "old", "old"], "value": [2.0, 1.0, 3.0]})
    wide = vintage_columns(tidy, ["old", "new"])
    assert list(wide.columns) == ["old", "new"]
    assert wide.loc[2021, "old"] == 3.0 and np.isnan(wide.loc[2021, "new"])
    with pytest.raises(ValueError, match="one region"):
        vintage_columns(tidy.assign(region=["A", "B", "A"]), ["old", "new"])


def test_hebei_5th_census_revision_against_plain_pandas():
    v = load("province_gdp_vintages", regions="Hebei", indicators="gdp")
    by = v.pivot(index="year", columns="vintage", values="value")
    old, new = by["nbs_pre5th_4threvised"], by["nbs_post5th_2026-03"]
    r = revision(old, new)
    assert r.index.max() == 2023
    assert r.loc[2023, "gap"] == pytest.approx(new[2023] - old[2023])
    assert r.loc[2023, "gap_pct"] == pytest.approx(100 * (new[2023] - old[2023]) / old[2023])
    assert r["gap_pct"].min() > 0  # the 5th census raised Hebei's GDP in every year


def test_newest_vintage_equals_province_gdp():
    """The lesson reads shares from province_gdp and revisions from the vintages table: both
    must be the same post-5th-census figures where they overlap."""
    g = load("province_gdp", regions="Hebei", indicators="gdp").set_index("year")["value"]
    v = load("province_gdp_vintages", regions="Hebei", indicators="gdp",
             vintage="nbs_post5th_2026-03").set_index("year")["value"]
    both = g.index.intersection(v.index)
    assert len(both) >= 8
    assert np.allclose(g[both], v[both])

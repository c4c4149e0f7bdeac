"""helpers.national_share: share of the provinces' total, rank, highest and lowest."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.data import load
from helpers.national_share import highest_and_lowest, share_and_rank


def test_share_and_rank_by_hand_missing_left_out():
    v = pd.Series({"A": 50.0, "B": 30.0, "C": None, "D": 20.0})
    assert share_and_rank(v, "B") == {"value": 30.0, "share": pytest.approx(30.0), "rank": 2,
                                      "n": 3}
    assert share_and_rank(v, "A")["rank"] == 1
    with pytest.raises(KeyError, match="'C'"):
        share_and_rank(v, "C")


def test_highest_and_lowest_by_hand_and_in_both_languages():
    out = highest_and_lowest(pd.Series({"Hebei": 3.0, "Beijing": 1.0, "Tianjin": None}))
    assert (out["top_v"], out["bottom_v"]) == (3.0, 1.0)
    assert out["top"].render("en") == "Hebei" and out["top"].render("zh") == "河北"
    assert out["bottom"].render("zh") == "北京"
    with pytest.raises(ValueError):
        highest_and_lowest(pd.Series({"A": None}, dtype=float))


def test_hebei_crude_steel_2018_against_plain_pandas():
    st = load("steel_reference_points", indicators="crude_steel_output",
              vintage="nbs_monthly_cum", years=2018).set_index("region")["value"].dropna()
    got = share_and_rank(st, "Hebei")
    assert got["share"] == pytest.approx(100 * st["Hebei"] / st.sum())
    assert got["rank"] == int((st > st["Hebei"]).sum()) + 1
    assert got["n"] == len(st)

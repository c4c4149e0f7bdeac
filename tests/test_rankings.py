"""helpers.rankings: extremes and top/bottom regions as values for catalogue sentences."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from helpers.i18n import Msg, t
from helpers.rankings import extremes, top_and_bottom


def test_extremes_ignore_missing_values_and_name_regions():
    out = extremes(pd.Series({"Tangshan": 8.0, "Xingtai": 2.0, "Baoding": np.nan}))
    assert out["max_val"] == 8.0 and out["min_val"] == 2.0 and out["ratio"] == 4.0
    assert out["max_city"] == Msg("region_tangshan")
    assert out["min_city"].render("zh") == "邢台"
    with pytest.raises(ValueError):
        extremes(pd.Series({"Tangshan": np.nan}))


def test_extremes_fill_the_lesson_sentence():
    text = t("nb03_key_percap", "zh", year=2020,
             **extremes(pd.Series({"Tangshan": 9.0, "Xingtai": 3.0, "Handan": 4.0})))
    assert "唐山" in text and "邢台" in text and "3.0" in text


def test_top_and_bottom():
    out = top_and_bottom(pd.Series({"Hengshui": 2.06, "Handan": 1.5, "Langfang": 1.95,
                                    "Tangshan": 1.6}))
    assert (out["top1"], out["g1"]) == (Msg("region_hengshui"), 2.06)
    assert (out["top2"], out["g2"]) == (Msg("region_langfang"), 1.95)
    assert (out["low"], out["g0"]) == (Msg("region_handan"), 1.5)
    with pytest.raises(ValueError):
        top_and_bottom(pd.Series({"Handan": 1.0, "Hengshui": 2.0}))

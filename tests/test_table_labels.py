"""helpers.table_labels: tables shown with catalogue texts in place of codes."""

from __future__ import annotations

import pandas as pd

from helpers.table_labels import label_of, labelled


def test_label_of_tries_prefixes_then_the_code_then_regions():
    assert label_of("verdict", ("l03_col_",), "zh") == "核对结论"
    assert label_of("equal", ("l03_col_", "l03_verdict_"), "en") == "equal"
    assert label_of("equal", ("l03_verdict_",), "zh") == "相同"
    assert label_of("theil_t", (), "zh") == "泰尔T指数"
    assert label_of("Tangshan", (), "zh") == "唐山"
    assert label_of("no_such_code", (), "zh") == "no_such_code"
    assert label_of(2020, ("l03_col_",), "zh") == 2020


def test_labelled_translates_headers_index_levels_and_coded_values_only():
    frame = pd.DataFrame({"region": ["Tangshan", "Handan"], "verdict": ["equal", "rounded"],
                          "difference": [0.0, 0.4]})
    out = labelled(frame, ("l03_col_", "l03_verdict_"), values=["region", "verdict"], lang="zh")
    assert list(out.columns) == ["地区", "核对结论", "差额（汇编值−核对值）"]
    assert list(out["地区"]) == ["唐山", "邯郸"]
    assert list(out["核对结论"]) == ["相同", "仅取整差异"]
    assert list(out["差额（汇编值−核对值）"]) == [0.0, 0.4]  # numbers unchanged
    assert list(frame.columns) == ["region", "verdict", "difference"]  # the input is untouched
    multi = pd.DataFrame({2010: [0.1, 0.2]}, index=pd.MultiIndex.from_tuples(
        [("theil_t", "unweighted"), ("theil_t", "population_weighted")]))
    assert list(labelled(multi, lang="en").index) == [("Theil T index", "Unweighted"),
                                                      ("Theil T index", "Population-weighted")]

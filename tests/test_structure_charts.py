"""helpers.structure_charts: the grey band split at a series break, and the dashboard view of a
structure-measures frame."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from helpers.plots import get_alt_text
from helpers.structure_charts import _segments, band_chart, measure_view


def _frame():
    rows = [(r, y, v + (0.5 if y >= 2020 else 0.0))
            for r, v in (("Hebei", 1.0), ("Beijing", 2.0), ("Gansu", 3.0))
            for y in range(2017, 2022)]
    return pd.DataFrame(rows, columns=["region", "year", "value"])


def test_segments_cut_before_each_break():
    band = _frame().groupby("year")["value"].agg(["min", "max"])
    parts = _segments(band, {2020: "new basis"})
    assert [list(p.index) for p in parts] == [[2017, 2018, 2019], [2020, 2021]]
    assert [list(p.index) for p in _segments(band, None)] == [[2017, 2018, 2019, 2020, 2021]]
    assert len(_segments(band, {2017: "x"})) == 1  # an empty piece before the first year


def test_band_chart_draws_band_segments_and_lines():
    fig = band_chart(_frame(), ["Hebei", "Beijing"], highlight="Hebei", title="T",
                     band_label="range of all 3", source="s", breaks={2020: "new basis"},
                     lang="en")
    ax = fig.axes[0]
    bands = [c for c in ax.collections if type(c).__name__ in ("PolyCollection",
                                                                 "FillBetweenPolyCollection")]
    assert len(bands) == 2                      # one band piece each side of the break
    _, labels = ax.get_legend_handles_labels()
    assert labels.count("range of all 3") <= 1  # the band is named once
    ymin = min(p.vertices[:, 1].min() for c in bands for p in c.get_paths())
    ymax = max(p.vertices[:, 1].max() for c in bands for p in c.get_paths())
    assert (ymin, ymax) == (1.0, 3.5)           # min and max over all regions, Gansu included
    # the kit's style puts titles on the left (axes.titlelocation), matplotlib's in the centre
    assert "T" in (get_alt_text(fig) or "") and "T" in (ax.get_title("left"), ax.get_title())
    plain = band_chart(_frame(), ["Hebei"], highlight="Hebei", title="T", band_label="b",
                       source="s")
    assert len([c for c in plain.axes[0].collections
                if type(c).__name__ in ("PolyCollection", "FillBetweenPolyCollection")]) == 1


def test_measure_view_filters_and_names_the_selection():
    m = pd.DataFrame({"region": ["A", "A", "B", "A"], "year": [2018, 2019, 2019, 2019],
                      "measure": ["tl", "tl", "tl", "lc"], "value": [0.1, 0.2, None, 2.3]})
    view = measure_view(m, {"tl": "Theil", "lc": "Level"}, source="province_gdp, v",
                        notes={"tl": "; emp"}, breaks={"tl": {2020: "note"}})
    out = view(SimpleNamespace(regions=["A", "B"], indicator="tl", years=(2019, 2021)))
    assert out["data"].to_dict("list") == {"region": ["A"], "year": [2019], "value": [0.2]}
    assert (out["title"], out["source"], out["breaks"]) == ("Theil", "province_gdp, v; emp",
                                                            {2020: "note"})
    out = view(SimpleNamespace(regions=["A"], indicator="lc", years=(2018, 2019)))
    assert out["source"] == "province_gdp, v" and out["breaks"] is None
    assert out["data"]["value"].tolist() == [2.3]

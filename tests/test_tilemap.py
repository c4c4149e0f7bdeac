"""helpers.tilemap: the layout of Hebei's 11 city tiles, the values a selection shows, the
drawing (artists created once, colours and texts updated) and the alt text."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from matplotlib.colors import to_hex

from helpers import tilemap
from helpers.plots import OKABE_ITO, fmt_number
from helpers.regions import HEBEI_CITIES, groups
from helpers.widgets import FigurePanel, Selection, SelectionError

CITIES = list(HEBEI_CITIES)


def test_layout_has_one_tile_per_city_and_no_overlaps():
    assert sorted(tilemap.TILES) == sorted(CITIES)
    cells = list(tilemap.TILES.values()) + list(tilemap.GHOSTS.values())
    assert len(set(cells)) == len(cells)
    # north to south: Zhangjiakou and Chengde in the top row, Handan alone at the bottom
    assert tilemap.TILES["Handan"][1] == max(r for _, r in tilemap.TILES.values())
    assert {c for c, (_, r) in tilemap.TILES.items() if r == 0} == {"Zhangjiakou", "Chengde"}


def test_group_colors_follow_the_grouping_order():
    assert tilemap.group_colors("coastal") == {"coastal": OKABE_ITO["vermillion"],
                                               "inland": OKABE_ITO["blue"]}
    assert list(tilemap.group_colors("functional_zone")) == list(groups("functional_zone"))


def _frame() -> pd.DataFrame:
    rows = [(c, y, "gdp", 10.0 * (i + 1) * (2 if y == 2020 else 1))
            for i, c in enumerate(CITIES) for y in (2018, 2019, 2020)]
    return pd.DataFrame(rows, columns=["region", "year", "indicator", "value"])


def test_tile_values_level_and_index():
    frame = _frame()
    level = tilemap.tile_values(frame, "gdp", (2018, 2020), "level")
    assert level[CITIES[0]] == 20.0
    index = tilemap.tile_values(frame, "gdp", (2019, 2020), "index")
    assert list(index) == pytest.approx([200.0] * 11)  # 2020 = twice 2019 everywhere


@pytest.mark.parametrize("years, mode, key", [
    ((2018, 2021), "level", "nb03_msg_no_year"),
    ((2020, 2020), "index", "nb03_msg_same_year"),
    ((2017, 2020), "index", "nb03_msg_no_year"),
    ((2018, 2020), "index", "nb03_msg_break"),
])
def test_tile_values_refuse_what_cannot_be_shown(years, mode, key):
    with pytest.raises(ValueError) as err:
        tilemap.tile_values(_frame(), "gdp", years, mode, break_year=2019, no_crossing={"gdp"})
    assert err.value.args[0] == key


def test_index_across_the_break_is_allowed_for_other_indicators():
    out = tilemap.tile_values(_frame(), "gdp", (2018, 2020), "index", break_year=2019)
    assert list(out) == pytest.approx([200.0] * 11)


def test_opening_year():
    frame = _frame()
    assert tilemap.opening_year(frame, "gdp", 2019) == 2019
    assert tilemap.opening_year(frame, "gdp", 2023) == 2020
    assert tilemap.opening_year(frame, "gdp", 2000) == 2020  # none before: the last year


def test_alt_text_gives_range_and_unweighted_group_means():
    values = pd.Series({c: float(i + 1) for i, c in enumerate(CITIES)})
    values["Hengshui"] = np.nan
    coastal = values[groups("coastal")["coastal"]].mean()
    inland = values[groups("coastal")["inland"]].mean()  # NaN skipped
    alt = tilemap.tile_alt_text(values, "coastal", title="GDP", label="yuan", lang="en")
    assert "Tile map of Hebei's cities: GDP." in alt
    assert f"Coastal {fmt_number(coastal)}" in alt and f"Inland {fmt_number(inland)}" in alt
    assert "1 value(s) missing" in alt
    zh = tilemap.tile_alt_text(values, "coastal", title="GDP", label="元", lang="zh")
    assert "河北各市瓦片地图" in zh and "沿海" in zh


def test_draw_tiles_creates_artists_once_and_marks_missing_values():
    panel = FigurePanel("bar", figsize=(7.5, 6.2), lang="en", updater=tilemap.draw_tiles)
    data = pd.DataFrame({"region": CITIES, "value": [float(i) for i in range(11)]})
    data.loc[data["region"] == "Baoding", "value"] = np.nan
    panel.update(data, title="x", grouping_sel="coastal", cbar_label="%", alt_title="x")
    tiles = dict(panel.tiles)
    assert panel.tiles["Baoding"].get_hatch() == "//"
    assert panel.values["Baoding"].get_text() == "n/a"
    assert to_hex(panel.tiles["Tangshan"].get_edgecolor()) == OKABE_ITO["vermillion"].lower()
    assert to_hex(panel.tiles["Handan"].get_edgecolor()) == OKABE_ITO["blue"].lower()
    assert panel.alt.startswith("Tile map of Hebei's cities")
    panel.update(data.fillna(5.0), title="y", grouping_sel="north_central_south",
                 cbar_label="%", alt_title="y")
    assert all(panel.tiles[c] is tiles[c] for c in CITIES)  # updated in place
    assert panel.tiles["Baoding"].get_hatch() is None
    assert panel.render_count == 2


def test_prepare_and_explorer_refuse_a_break_and_draw_a_level():
    frame = _frame()
    prepare = tilemap.tile_prepare(frame, break_year=2019, no_crossing={"gdp"}, lang="zh")
    spec = prepare(Selection((), "gdp", (2018, 2020), "level", "coastal"))
    assert spec["grouping_sel"] == "coastal" and "2020年" in spec["title"]
    assert spec["cbar_label"] == "亿元"
    with pytest.raises(SelectionError, match="2018/2019"):
        prepare(Selection((), "gdp", (2018, 2020), "index", "coastal"))
    board = tilemap.tile_explorer(frame, range(2018, 2021), grouping="coastal", indicator="gdp",
                                  start=2018, end=2020, break_year=2019, no_crossing={"gdp"},
                                  lang="en")
    assert board.figure.render_count == 1 and "Tile map" in board.figure.alt
    board.panel.mode_widget.value = "index"  # 2018-2020 crosses the break: refused, kept
    assert "2018/2019" in board.panel.status_text and board.figure.render_count == 1

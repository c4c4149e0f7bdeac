"""Tests for helpers.widgets: control panel validation, fast figure panel, dashboard wiring.

No browser here: widgets are driven by setting their values in Python, as the front end would.
"""

from __future__ import annotations

import html
import warnings

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from helpers import plots
from helpers.widgets import (
    ControlPanel,
    DataTable,
    FigurePanel,
    Selection,
    SelectionError,
    apply_mode,
    build_dashboard,
    explorer,
    validate_selection,
)

BOHAI = ["Hebei", "Beijing", "Tianjin", "Shandong", "Liaoning"]
YEARS = list(range(2016, 2025))


def tidy(regions=BOHAI, years=YEARS) -> pd.DataFrame:
    """Synthetic tidy table: gdp = 100 * (i + 1) + 10 * (year - 2016); va_secondary = gdp / 4."""
    rows = []
    for i, r in enumerate(regions):
        for y in years:
            gdp = 100.0 * (i + 1) + 10.0 * (y - years[0])
            rows += [(r, y, "gdp", gdp, "100 million yuan"),
                     (r, y, "va_secondary", gdp / 4, "100 million yuan")]
    return pd.DataFrame(rows, columns=["region", "year", "indicator", "value", "unit"])


def series(df: pd.DataFrame, indicator: str = "gdp") -> pd.DataFrame:
    return df[df.indicator == indicator][["region", "year", "value"]].reset_index(drop=True)


# ------------------------------------------------------------------------------ FigurePanel
@pytest.mark.parametrize("kind", ["line", "bar"])
def test_update_changes_image_and_alt_text(kind):
    fp = FigurePanel(kind)
    d1 = series(tidy())
    fp.update(d1, title="GDP", ylabel="yuan", source="tbl, v1")
    png1, alt1 = fp.png, fp.alt
    assert png1.startswith(b"\x89PNG") and "GDP" in alt1
    d2 = d1.assign(value=d1.value * 3)
    fp.update(d2, title="GDP x3", ylabel="yuan", source="tbl, v1")
    assert fp.png != png1
    assert fp.alt != alt1 and "GDP x3" in fp.alt
    assert fp.render_count == 2
    assert f'alt="{html.escape(fp.alt, quote=True)}"' in fp.image.value
    assert "data:image/png;base64," in fp.image.value


def test_cache_hit_returns_identical_bytes_without_render():
    fp = FigurePanel("line")
    d1, d2 = series(tidy()), series(tidy(), "va_secondary")
    fp.update(d1, title="A", key="a")
    png_a = fp.png
    fp.update(d2, title="B", key="b")
    assert fp.render_count == 2 and fp.png != png_a
    fp.update(d1, title="A", key="a")  # revisit
    assert fp.render_count == 2
    assert fp.png == png_a and fp.alt.startswith("Line chart: A.")
    assert fp.show_cached("b") and fp.render_count == 2
    assert not fp.show_cached("zzz")


def test_cache_is_lru_and_bounded():
    fp = FigurePanel("line", cache_size=2)
    d = series(tidy())
    for k in "abc":
        fp.update(d, title=k, key=k)
    assert not fp.show_cached("a")  # evicted
    assert fp.show_cached("b") and fp.show_cached("c")


def test_line_artists_are_reused_not_rebuilt():
    fp = FigurePanel("line")
    d = series(tidy())
    fp.update(d, title="A")
    lines = dict(fp._lines)
    fp.update(d[d.region.isin(["Hebei", "Beijing"])], title="B")
    assert fp._lines["Hebei"] is lines["Hebei"]
    assert not fp._lines["Tianjin"].get_visible()
    assert fp._lines["Hebei"].get_color() == plots.HIGHLIGHT_COLOR
    np.testing.assert_allclose(fp._lines["Hebei"].get_ydata(), d[d.region == "Hebei"].value)
    assert fp.ax.get_ylim()[0] < 100 < 280 < fp.ax.get_ylim()[1]


def test_bar_panel_31_bars_sorted_with_hebei_highlighted():
    regions = [f"R{i:02d}" for i in range(30)] + ["Hebei"]
    d = pd.DataFrame({"region": regions, "year": 2024, "value": np.arange(31.0)})
    fp = FigurePanel("bar")
    fp.update(d, title="GDP", source="tbl, v")
    widths = [p.get_width() for p in fp.bars]
    assert widths == sorted(widths, reverse=True) and len(widths) == 31
    hebei = [p for p in fp.bars if p.get_facecolor()[:3] == plots.mpl.colors.to_rgb(
        plots.HIGHLIGHT_COLOR)]
    assert len(hebei) == 1 and hebei[0].get_width() == 30.0
    assert "rank 1 of 31" in fp.alt


def test_bar_panel_reuses_its_rectangles_when_the_count_changes():
    # 5 bars, then 3 (two hidden, the same rectangles), then 6 (one new): every shown bar sits
    # on its own tick, sorted, and hidden bars stay out of the picture
    def frame(vals):
        return pd.DataFrame({"region": [f"R{i}" for i in range(len(vals))], "year": 2024,
                             "value": vals})

    fp = FigurePanel("bar", highlight="R1")
    fp.update(frame([1.0, 5.0, 3.0, 2.0, 4.0]))
    first = list(fp.bars)
    fp.update(frame([2.0, 7.0, 1.0]))
    assert fp.bars == first[:3]
    assert [r.get_width() for r in fp.bars] == [7.0, 2.0, 1.0]
    assert [r.get_visible() for r in fp._bars] == [True] * 3 + [False] * 2
    centres = [r.get_y() + r.get_height() / 2 for r in fp.bars]
    assert centres == [2.0, 1.0, 0.0]
    assert fp.ax.get_ylim() == (-0.6, 2.6)
    assert list(fp.ax.yaxis.get_major_formatter().seq) == ["R1", "R0", "R2"]
    fp.update(frame([6.0, 5.0, 4.0, 3.0, 2.0, 1.0]))
    assert fp.bars[:5] == first and len(fp.bars) == 6
    assert all(r.get_visible() for r in fp.bars)
    assert [r.get_y() + r.get_height() / 2 for r in fp.bars] == [5.0, 4.0, 3.0, 2.0, 1.0, 0.0]
    assert fp.bars[1].get_facecolor()[:3] == plots.mpl.colors.to_rgb(plots.HIGHLIGHT_COLOR)


def test_figure_panel_leaks_no_pyplot_figure_and_no_warnings():
    before = plt.get_fignums()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fp = FigurePanel("line", lang="zh")
        fp.update(series(tidy()), title="地区生产总值", ylabel="亿元", source="表, 2025")
    assert plt.get_fignums() == before


def test_figure_panel_rejects_unknown_kind():
    with pytest.raises(ValueError, match="line, bar"):
        FigurePanel("pie")


# ----------------------------------------------------------------------------- ControlPanel
def panel_and_calls(**kwargs):
    panel = ControlPanel(BOHAI, ["gdp", "va_secondary"], YEARS, **kwargs)
    calls: list[Selection] = []
    panel.observe(calls.append)
    return panel, calls


def test_valid_change_calls_callback_with_selection():
    panel, calls = panel_and_calls()
    assert panel.value == Selection(("Hebei",), "gdp", (2016, 2024), "level")
    panel.regions_widget.value = ("Hebei", "Beijing")
    panel.years_widget.value = (2018, 2022)
    assert calls[-1] == Selection(("Hebei", "Beijing"), "gdp", (2018, 2022), "level")
    assert panel.last_valid == calls[-1]


def test_empty_region_selection_shows_message_and_skips_update():
    panel, calls = panel_and_calls()
    fp = FigurePanel("line")
    panel.observe(lambda sel: fp.update(series(tidy()), title=str(sel.regions)))
    panel.regions_widget.value = ("Beijing",)
    n_calls, n_renders, png = len(calls), fp.render_count, fp.png
    panel.regions_widget.value = ()
    msg = panel.status_text
    assert "No region selected" in msg
    for r in BOHAI:  # names the allowed values
        assert r in msg
    assert len(calls) == n_calls and fp.render_count == n_renders and fp.png == png
    assert panel.last_valid.regions == ("Beijing",)
    assert 'role="status"' in panel.status.value


def test_year_range_without_data_years_shows_message():
    panel = ControlPanel(["Hebei", "Tangshan"], ["pop"], [2010, 2020])
    calls = []
    panel.observe(calls.append)
    panel.years_widget.value = (2012, 2018)
    msg = panel.status_text
    assert "2012" in msg and "2018" in msg and "2010, 2020" in msg
    assert calls == []
    panel.years_widget.value = (2012, 2020)
    assert len(calls) == 1 and panel.status_text == ""


def test_callback_error_is_shown_not_lost():
    panel, _ = panel_and_calls()

    def boom(sel):
        raise RuntimeError("drawing failed")

    panel.observe(boom)
    panel.regions_widget.value = ("Tianjin",)  # must not raise
    assert "Could not update the figure: RuntimeError: drawing failed" in panel.status_text
    assert "drawing failed" in "".join(o.get("text", "") for o in panel.log.outputs)
    assert panel.last_valid.regions == ("Hebei",)


def test_selection_error_message_shown_as_is():
    panel, _ = panel_and_calls()
    panel.observe(lambda sel: (_ for _ in ()).throw(SelectionError("Share needs gdp")))
    panel.mode_widget.value = "share"
    assert panel.status_text == "Share needs gdp"


def test_panel_labels_follow_language():
    zh = ControlPanel(BOHAI, ["gdp"], YEARS, lang="zh")
    assert zh.regions_widget.description == "地区"
    assert zh.indicator_widget.description == "指标"
    assert zh.years_widget.description == "年份范围"
    assert [o[0] for o in zh.mode_widget.options] == ["水平值", "占比", "指数"]
    assert zh.regions_widget.options[0] == ("河北", "Hebei")
    assert zh.indicator_widget.options[0] == ("地区生产总值", "gdp")
    zh.regions_widget.value = ()
    assert "未选择地区" in zh.status_text and "北京" in zh.status_text
    en = ControlPanel(BOHAI, ["gdp"], YEARS)
    assert en.regions_widget.description == "Regions"


def test_panel_constructor_errors_and_from_frame():
    with pytest.raises(ValueError, match="default_regions"):
        ControlPanel(BOHAI, ["gdp"], YEARS, default_regions=["Atlantis"])
    with pytest.raises(ValueError, match="modes"):
        ControlPanel(BOHAI, ["gdp"], YEARS, modes=("level", "log"))
    with pytest.raises(ValueError, match="at least one"):
        ControlPanel([], ["gdp"], YEARS)
    p = ControlPanel.from_frame(tidy(), modes=("level",))
    assert p.regions == BOHAI and p.indicators == ["gdp", "va_secondary"]
    assert (p.years_widget.min, p.years_widget.max) == (2016, 2024)
    assert p.mode_widget.layout.display is None


def test_validate_selection_messages():
    ok = Selection(("Hebei",), "gdp", (2016, 2024), "level")
    kw = dict(regions=BOHAI, indicators=["gdp"], years=YEARS)
    assert validate_selection(ok, **kw) is None
    bad_region = Selection(("Atlantis",), "gdp", (2016, 2024), "level")
    assert "Atlantis" in validate_selection(bad_region, **kw)
    bad_ind = Selection(("Hebei",), "gdpx", (2016, 2024), "level")
    assert "gdpx" in validate_selection(bad_ind, **kw)
    bad_mode = Selection(("Hebei",), "gdp", (2016, 2024), "log")
    assert "level, share, index" in validate_selection(bad_mode, **kw)


# ------------------------------------------------------------------------- modes, wiring
def test_apply_mode_share_and_index_by_hand():
    df = tidy(["Hebei", "Beijing"], [2016, 2017])
    sel = Selection(("Beijing", "Hebei"), "va_secondary", (2016, 2017), "share")
    d, title, ylabel = apply_mode(df, sel, {"va_secondary": "gdp"})
    assert list(d.region) == ["Beijing", "Beijing", "Hebei", "Hebei"]  # selection order
    np.testing.assert_allclose(d.value, 25.0)
    assert ylabel == "%" and "as % of GDP" in title
    sel = Selection(("Hebei",), "gdp", (2016, 2017), "index")
    d, _, ylabel = apply_mode(df, sel)
    np.testing.assert_allclose(d.value, [100.0, 110.0])  # 100 -> 110
    assert ylabel == "Index (2016 = 100)"
    with pytest.raises(SelectionError, match="Share is not defined"):
        apply_mode(df, Selection(("Hebei",), "gdp", (2016, 2017), "share"), {})
    d, _, unit = apply_mode(df, Selection(("Hebei",), "gdp", (2016, 2016), "level"), lang="zh")
    assert unit == "亿元" and d.value.tolist() == [100.0]


def test_explorer_end_to_end():
    dash = explorer(tidy(), source="province_gdp, test vintage",
                    denominators={"va_secondary": "gdp"})
    p, fp = dash.panel, dash.figure
    assert fp.render_count == 1 and "Hebei" in fp.alt and "Showing 1 region" in p.status_text
    first = fp.png
    p.indicator_widget.value = "va_secondary"
    p.mode_widget.value = "share"
    assert fp.render_count == 3 and fp.png != first
    assert "as % of GDP" in fp.alt and "test vintage" in fp.alt
    p.indicator_widget.value = "gdp"  # share of gdp: not defined -> message, figure kept
    assert "Share is not defined" in p.status_text and fp.render_count == 3
    p.mode_widget.value = "level"  # back to the first selection: cache hit
    assert fp.render_count == 3 and fp.png == first
    assert dash.widget.children[0] is p.widget


def test_explorer_without_denominators_hides_share_and_checks_vintage():
    dash = explorer(tidy(), source="s")
    assert "share" not in dash.panel.modes
    two = pd.concat([tidy().assign(vintage="a"), tidy().assign(vintage="b")])
    with pytest.raises(ValueError, match="one vintage"):
        explorer(two, source="s")


def test_no_data_for_selection_keeps_figure():
    df = tidy()
    df.loc[df.region == "Tianjin", "value"] = np.nan
    dash = explorer(df, source="s")
    n = dash.figure.render_count
    dash.panel.regions_widget.value = ("Tianjin",)
    assert "No data for this selection" in dash.panel.status_text
    assert dash.figure.render_count == n


def test_build_dashboard_with_custom_prepare():
    panel = ControlPanel(BOHAI, ["gdp"], YEARS)
    fp = FigurePanel("line", show_table=False)
    seen = []

    def prepare(sel):
        seen.append(sel)
        d = series(tidy())
        return {"data": d[d.region.isin(sel.regions)], "title": "Custom", "source": "x, y"}

    dash = build_dashboard(panel, fp, prepare)
    assert dash.figure is fp and len(seen) == 1 and fp.table is None and "Custom" in fp.alt


def test_data_table_toggle_shows_table_and_source():
    dt = DataTable("en")
    dt.set_data(series(tidy(["Hebei"], [2016, 2017])), "province_gdp, v")
    assert dt.html.value == ""  # hidden: nothing built
    dt.toggle.value = True
    assert "<table" in dt.html.value and "2017" in dt.html.value and "110" in dt.html.value
    assert "Source: province_gdp, v" in dt.html.value
    assert dt.toggle.description == "Hide the data"
    dt.toggle.value = False
    assert dt.html.value == "" and dt.toggle.description == "Show the data"


def test_large_values_get_thousands_separators():
    d = series(tidy()).assign(value=lambda x: x.value * 1000)  # 100,000 .. 580,000
    fp = FigurePanel("line")
    fp.update(d, title="GDP")
    fp.fig.canvas.draw()
    labels = [t.get_text() for t in fp.ax.get_yticklabels() if t.get_text()]
    assert labels and all("," in s for s in labels if len(s) > 4)
    fp.update(series(tidy()), title="GDP small")  # back to small values: default formatter
    fp.fig.canvas.draw()
    assert not any("," in t.get_text() for t in fp.ax.get_yticklabels())


# ---------------------------------------------------------------------------- series breaks
def _segments(line) -> list[list[float]]:
    """The x values of each unbroken run of a Line2D (split at NaN y values)."""
    runs, cur = [], []
    for x, y in zip(line.get_xdata(), line.get_ydata(), strict=True):
        if np.isnan(y):
            runs, cur = runs + [cur], []
        else:
            cur.append(float(x))
    return [r for r in runs + [cur] if r]


def test_line_panel_with_break_draws_two_segments_marker_and_note():
    fp = FigurePanel("line", breaks={2020: "employment basis changes"})
    d = series(tidy(["Hebei", "Beijing"]))
    fp.update(d, title="Theil", source="tbl, v")
    line = fp._lines["Hebei"]
    assert _segments(line) == [[2016, 2017, 2018, 2019], [2020, 2021, 2022, 2023, 2024]]
    (vline, note), = fp._break_marks
    assert vline.get_visible() and list(vline.get_xdata()) == [2019.5, 2019.5]
    assert vline.get_linestyle() == "--" and note.get_text() == "employment basis changes"
    assert "between 2019 and 2020 (employment basis changes)" in fp.alt
    assert "not joined" in fp.alt


def test_breaks_update_in_place_and_can_be_overridden_per_update():
    fp = FigurePanel("line", breaks=[2020])
    d = series(tidy(["Hebei"]))
    fp.update(d, title="A")
    line, marks = fp._lines["Hebei"], list(fp._break_marks)
    fp.update(d[d.year <= 2019], title="B")  # break outside the years: hidden, line whole
    assert fp._lines["Hebei"] is line and fp._break_marks == marks
    assert not marks[0][0].get_visible() and not marks[0][1].get_visible()
    assert not np.isnan(line.get_ydata()).any() and "break" not in fp.alt
    fp.update(d, title="C", breaks={})  # per-update override: no break for this indicator
    assert not np.isnan(line.get_ydata()).any() and not marks[0][0].get_visible()
    fp.update(d, title="D", breaks={2018: "census"})  # another break reuses the same artists
    assert fp._break_marks == marks and marks[0][0].get_visible()
    assert list(marks[0][0].get_xdata()) == [2017.5, 2017.5]
    assert marks[0][1].get_text() == "census" and np.isnan(line.get_ydata()).sum() == 1
    fp.update(d, title="E")  # back to the panel's default break (2020), default note
    assert list(marks[0][0].get_xdata()) == [2019.5, 2019.5]
    assert marks[0][1].get_text() == "Series break"


def test_break_in_dashboard_prepare_and_chinese_note():
    panel = ControlPanel(BOHAI, ["gdp", "va_secondary"], YEARS, modes=(), lang="zh")
    fp = FigurePanel("line", lang="zh", show_table=False)

    def prepare(sel):
        d = series(tidy(), sel.indicator)
        return {"data": d[d.region.isin(sel.regions)], "title": sel.indicator,
                "breaks": [2020] if sel.indicator == "gdp" else {}}

    build_dashboard(panel, fp, prepare)
    assert np.isnan(fp._lines["Hebei"].get_ydata()).sum() == 1
    assert fp._break_marks[0][1].get_text() == "统计口径变化" and "断开" in fp.alt
    panel.indicator_widget.value = "va_secondary"
    assert not np.isnan(fp._lines["Hebei"].get_ydata()).any()
    assert not fp._break_marks[0][0].get_visible()


def test_explorer_passes_breaks():
    dash = explorer(tidy(), source="tbl, v", denominators={"va_secondary": "gdp"},
                    breaks={2019: "revision"})
    assert dash.figure.breaks == {2019: "revision"}
    assert np.isnan(dash.figure._lines["Hebei"].get_ydata()).sum() == 1


def test_malformed_breaks_fail_early():
    with pytest.raises(TypeError, match="year"):
        FigurePanel("line", breaks=["2020"])


# ------------------------------------------------------------------ round 2: vintages
def _two_vintages(overlap: bool) -> pd.DataFrame:
    """One series published in two pieces: 2016-2023 in vintage a, 2024 (or 2023-2024) in b."""
    df = tidy()
    b_years = (2023, 2024) if overlap else (2024,)
    a = df[df.year <= 2023].assign(vintage="a")
    b = df[df.year.isin(b_years)].assign(vintage="b")
    return pd.concat([a, b], ignore_index=True)


def test_explorer_accepts_vintages_whose_years_do_not_overlap_and_names_them():
    dash = explorer(_two_vintages(overlap=False), source="province_gdp",
                    denominators={"va_secondary": "gdp"})
    fp = dash.figure
    assert fp.render_count == 1
    assert "a (2016-2023)" in fp.alt and "b (2024)" in fp.alt  # every vintage named
    assert fp._lines["Hebei"].get_xdata()[-1] == 2024  # the 2024 piece is drawn
    # a source that already names both vintages is left as it is
    dash = explorer(_two_vintages(overlap=False), source="province_gdp, a, b")
    assert "Source: province_gdp, a, b." in dash.figure.alt


def test_explorer_refuses_overlapping_vintages_naming_years():
    with pytest.raises(ValueError, match="one vintage") as err:
        explorer(_two_vintages(overlap=True), source="s")
    assert "'a' and 'b' both cover 2023" in str(err.value)


def test_vintage_helpers():
    from helpers.widgets import check_vintages, vintage_source

    spans = check_vintages(_two_vintages(overlap=False))
    assert spans == {"a": (2016, 2023), "b": (2024, 2024)}
    # different indicators may come from different vintages in the same years
    df = tidy()
    mixed = pd.concat([df[df.indicator == "gdp"].assign(vintage="a"),
                       df[df.indicator == "va_secondary"].assign(vintage="b")])
    assert set(check_vintages(mixed)) == {"a", "b"}
    assert vintage_source("t", {"a": (2016, 2016)}) == "t"
    assert vintage_source("t, a", spans) == "t, a; vintages a (2016-2023), b (2024)"


# ------------------------------------------------------- round 2: control panel options
def test_choice_dropdown_value_reaches_the_selection():
    panel = ControlPanel(BOHAI, ["gdp"], YEARS, choices={"coastal": "Coastal / inland",
                                                          "zones": "Functional zones"},
                         choice_label="Grouping", default_choice="zones")
    calls = []
    panel.observe(calls.append)
    assert panel.value.choice == "zones" and panel.choice_widget.description == "Grouping"
    assert panel.choice_widget.options[0] == ("Coastal / inland", "coastal")
    panel.choice_widget.value = "coastal"
    assert calls[-1].choice == "coastal" and calls[-1].key[-1] == "coastal"
    assert Selection(("Hebei",), "gdp", (2016, 2024), "level").choice is None  # old form
    with pytest.raises(ValueError, match="default_choice"):
        ControlPanel(BOHAI, ["gdp"], YEARS, choices=["a"], default_choice="b")


def test_panel_without_items_list_when_a_choice_is_given():
    panel = ControlPanel([], ["gdp"], YEARS, choices=["coastal", "zones"], modes=())
    assert panel.regions_widget.layout.display == "none"
    assert panel.validate() is None and panel.value.regions == ()
    assert panel.ok_text() == "Showing 2016-2024."
    with pytest.raises(ValueError, match="at least one"):
        ControlPanel([], ["gdp"], YEARS)  # still refused without choices


def test_items_label_words_messages_for_the_list():
    inds = ["broadband", "software", "pku"]
    panel = ControlPanel(inds, ["ranks"], YEARS, modes=(), default_regions=inds,
                         items_label="Indicators", region_labels={"pku": "PKU index"},
                         indicator_label="View")
    assert panel.regions_widget.description == "Indicators"
    assert panel.indicator_widget.description == "View"
    assert panel.ok_text() == "Indicators: 3 selected; 2016-2024."
    panel.regions_widget.value = ()
    msg = panel.status_text
    assert msg.startswith("Nothing selected in Indicators") and "PKU index" in msg
    assert "region" not in msg.lower()
    zh = ControlPanel(inds, ["ranks"], YEARS, modes=(), items_label="指标", lang="zh")
    zh.regions_widget.value = ()
    assert zh.status_text.startswith("指标未选择任何项")


def test_allow_empty_list_calls_back_with_no_items():
    panel = ControlPanel(["urbanisation", "rd"], ["upgrading"], YEARS, modes=(),
                         default_regions=[], items_label="Controls", allow_empty=True)
    calls = []
    panel.observe(calls.append)
    assert panel.validate() is None
    panel.regions_widget.value = ("rd",)
    panel.regions_widget.value = ()
    assert [c.regions for c in calls] == [("rd",), ()] and panel.status_text == ""


def test_ok_message_template_and_function_in_dashboard():
    panel = ControlPanel(BOHAI, ["gdp"], YEARS, ok_message="{n} shown, {start} to {end}")
    build_dashboard(panel, FigurePanel("line", show_table=False),
                    lambda sel: {"data": series(tidy())[lambda d: d.region.isin(sel.regions)]})
    assert panel.status_text == "1 shown, 2016 to 2024"
    panel = ControlPanel(BOHAI, ["gdp"], YEARS,
                         ok_message=lambda sel: f"sample: {', '.join(sel.regions)}")
    build_dashboard(panel, FigurePanel("line", show_table=False),
                    lambda sel: {"data": series(tidy())[lambda d: d.region.isin(sel.regions)]})
    panel.regions_widget.value = ("Hebei", "Tianjin")
    assert panel.status_text == "sample: Hebei, Tianjin"


# ---------------------------------------------------------- round 2: alt text, rendering
def _dots(fp, data, *, color="black", **_):
    """A custom updater: one dot per region; returns its own description."""
    if not hasattr(fp, "dots"):
        (fp.dots,) = fp.ax.plot([], [], "o")
    fp.dots.set(data=(data["value"], np.arange(len(data))), color=color)
    fp.ax.set_xlim(0, data["value"].max() * 1.1)
    return f"Dot plot of {len(data)} values."


def test_custom_updater_supplies_alt_text_and_update_can_override():
    d = series(tidy()).query("year == 2024")
    fp = FigurePanel("bar", updater=_dots)
    fp.update(d, title="Dots", source="tbl, v")
    assert fp.alt == "Dot plot of 5 values. Source: tbl, v."
    assert not fp.alt.startswith("Bar chart")
    fp.update(d, title="Dots", alt="Coefficient plot: beta 0.1 [0.0, 0.2].", color="red")
    assert fp.alt == "Coefficient plot: beta 0.1 [0.0, 0.2]."
    # cached revisits keep the supplied text
    fp.update(d, title="Dots", alt="First.", key="k")
    fp.update(d.assign(value=d.value * 2), title="Dots", key="k2")
    fp.update(d, title="Dots", key="k")
    assert fp.alt == "First."


def test_figure_panel_renders_at_80_dpi_with_fast_canvas():
    fp = FigurePanel("line")
    fp.update(series(tidy()), title="GDP")
    from io import BytesIO

    from PIL import Image

    img = Image.open(BytesIO(fp.png))
    assert img.size == (640, 360) and img.mode == "RGB"  # 8 x 4.5 in at 80 dpi, opaque
    assert isinstance(fp.fig.canvas, plots.FastCanvas)


def test_line_legend_is_rebuilt_only_when_entries_change():
    fp = FigurePanel("line")
    d = series(tidy())
    fp.update(d, title="A")
    legend = fp.ax.get_legend()
    fp.update(d.assign(value=d.value + 1), title="B")  # same regions: same legend
    assert fp.ax.get_legend() is legend
    fp.update(d[d.region.isin(["Hebei", "Beijing"])], title="C")
    assert fp.ax.get_legend() is not legend
    assert [t.get_text() for t in fp.ax.get_legend().get_texts()] == ["Hebei", "Beijing"]

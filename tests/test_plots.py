"""Tests for helpers.plots: palette, CJK font, source note, alt text, builders."""

from __future__ import annotations

import itertools
import shutil
import subprocess
import sys
import warnings

import matplotlib as mpl
import matplotlib.font_manager as fm
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from helpers import fonts, plots
from helpers.plots import CONTEXT_COLOR, HIGHLIGHT_COLOR, OKABE_ITO, region_colors

BOHAI = ["Hebei", "Beijing", "Tianjin", "Shandong", "Liaoning"]


def _cjk_installed() -> bool:
    if shutil.which("fc-list") is None:
        return False
    out = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True)
    return bool(out.stdout.strip())


needs_cjk = pytest.mark.skipif(not _cjk_installed(),
                               reason="no CJK font installed (apt-get install fonts-noto-cjk)")


def frame(regions=BOHAI, years=range(2016, 2025)) -> pd.DataFrame:
    """Synthetic tidy frame: value = 10 * (region index + 1) + (year - first year)."""
    years = list(years)
    return pd.DataFrame(
        [(r, y, float(10 * (i + 1) + (y - years[0]))) for i, r in enumerate(regions)
         for y in years],
        columns=["region", "year", "value"],
    )


@pytest.fixture(autouse=True)
def _restore_font_state():
    yield
    fonts._fallback_reported = False
    plots.setup_cjk_font()


# ---------------------------------------------------------------------------------- palette
def _lab(hex_color: str, matrix: np.ndarray) -> np.ndarray:
    """CIELAB of a colour as seen through a dichromacy simulation matrix (linear RGB)."""
    c = np.array([int(hex_color[i:i + 2], 16) / 255 for i in (1, 3, 5)])
    lin = np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    lin = np.clip(matrix @ lin, 0, 1)
    xyz = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722],
                    [0.0193, 0.1192, 0.9505]]) @ lin / np.array([0.95047, 1.0, 1.08883])
    f = np.where(xyz > 0.008856, np.cbrt(xyz), 7.787 * xyz + 16 / 116)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


# Machado, Oliveira and Fernandes (2009), severity 1.0
CVD = {
    "protanopia": np.array([[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216],
                            [-0.003882, -0.048116, 1.051998]]),
    "deuteranopia": np.array([[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413],
                              [-0.011820, 0.042940, 0.968881]]),
    "tritanopia": np.array([[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602],
                            [0.004733, 0.691367, 0.303900]]),
    "normal": np.eye(3),
}


def test_palette_is_okabe_ito():
    assert HIGHLIGHT_COLOR == OKABE_ITO["vermillion"] == "#D55E00"
    assert len(set(OKABE_ITO.values())) == 8
    cols = region_colors(BOHAI + ["China", "Shanxi", "Henan", "Jiangsu", "Anhui"])
    assert set(cols.values()) <= set(OKABE_ITO.values()) | {CONTEXT_COLOR}


@pytest.mark.parametrize("perm", list(itertools.permutations(BOHAI + ["Shanxi"]))[::97])
def test_colors_do_not_depend_on_order(perm):
    ref = region_colors(BOHAI + ["Shanxi"])
    cols = region_colors(perm)
    assert cols["Hebei"] == HIGHLIGHT_COLOR
    assert cols == ref  # same colour for every region, whatever the order
    assert list(cols) == list(perm)  # returned in the order given


def test_hebei_is_highlighted_alone_and_others_distinct():
    cols = region_colors(["Beijing", "Hebei", "Henan", "Shanxi", "Jilin", "Gansu"])
    assert cols["Hebei"] == HIGHLIGHT_COLOR
    others = [c for r, c in cols.items() if r != "Hebei"]
    assert HIGHLIGHT_COLOR not in others
    assert len(set(others)) == len(others)  # up to 7 regions: all distinct


def test_fixed_comparators_and_context():
    assert region_colors(["Beijing"])["Beijing"] == region_colors(["Hebei", "Beijing",
                                                                   "Tianjin"])["Beijing"]
    ctx = region_colors(BOHAI, context=True)
    assert ctx["Hebei"] == HIGHLIGHT_COLOR
    assert {c for r, c in ctx.items() if r != "Hebei"} == {CONTEXT_COLOR}
    many = region_colors([f"R{i}" for i in range(12)] + ["Hebei"])
    assert list(many.values()).count(CONTEXT_COLOR) == 12 - 7  # palette used up -> grey
    tangshan = region_colors(["Tangshan", "Baoding"], highlight="Tangshan")["Tangshan"]
    assert tangshan == HIGHLIGHT_COLOR


@pytest.mark.parametrize("vision", list(CVD))
def test_hebei_stands_out_under_colour_blindness(vision):
    """CIE76 distance >= 15 between Hebei and every colour a comparator can get."""
    m = CVD[vision]
    hebei = _lab(HIGHLIGHT_COLOR, m)
    cols = region_colors(["Hebei", *[f"R{i}" for i in range(7)], *plots.FIXED_COLORS])
    for region, col in cols.items():
        if region == "Hebei":
            continue
        dist = float(np.linalg.norm(_lab(col, m) - hebei))
        assert dist >= 15, f"{region} {col} vs Hebei under {vision}: dE={dist:.1f}"


# ------------------------------------------------------------------------------- CJK fonts
@needs_cjk
def test_setup_cjk_font_finds_family_with_hebei_glyphs():
    family = plots.setup_cjk_font()
    assert family is not None
    path = fm.findfont(fm.FontProperties(family=family), fallback_to_default=False)
    charmap = fm.get_font(path).get_charmap()
    assert ord("河") in charmap and ord("北") in charmap
    assert mpl.rcParams["font.sans-serif"][0] == family
    assert plots.plot_lang("zh") == "zh"


@needs_cjk
def test_chinese_title_emits_no_warnings():
    plots.use_kit_style()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig, ax = plots.line_chart(frame(), title="河北省第二产业增加值占比", ylabel="占比（%）",
                                   source="province_gdp，2025年", lang="zh")
        ax.set_xlabel("年份")
        png = plots.figure_png(fig)
    assert png.startswith(b"\x89PNG")


def test_no_cjk_font_falls_back_to_english_with_one_message(tmp_path):
    family = plots.setup_cjk_font(candidates=("No Such CJK Font",), font_dirs=(tmp_path,),
                                  rebuild=False)
    assert family is None
    fonts._fallback_reported = False
    with pytest.warns(plots.CJKFontWarning, match="fonts-noto-cjk"):
        assert plots.plot_lang("zh") == "en"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert plots.plot_lang("zh") == "en"  # the message is given once only
        assert plots.plot_lang("en") == "en"


def _glyph_warnings(setup: bool, tmp_path) -> list[str]:
    """Glyph warnings when drawing Chinese with only a Latin font (after setup or not)."""
    with mpl.rc_context({"font.sans-serif": ["DejaVu Sans"], "font.family": ["sans-serif"]}):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            if setup:
                plots.setup_cjk_font(candidates=("No Such CJK Font",), font_dirs=(tmp_path,),
                                     rebuild=False)
            fig, ax = plots.new_figure()
            ax.set_title("河北")
            plots.figure_png(fig)
    return [str(w.message) for w in caught if "Glyph" in str(w.message)]


def test_without_cjk_font_no_glyph_warnings(tmp_path):
    # control: matplotlib does warn when nothing is set up, so the check below can fail
    assert _glyph_warnings(setup=False, tmp_path=tmp_path)
    # stray Chinese text after a failed font search: boxes, but no "Glyph missing" warnings
    assert _glyph_warnings(setup=True, tmp_path=tmp_path) == []


def test_no_cjk_font_builders_use_english_labels(tmp_path):
    plots.setup_cjk_font(candidates=("No Such CJK Font",), font_dirs=(tmp_path,), rebuild=False)
    fonts._fallback_reported = True  # message already given
    fig, _ = plots.line_chart(frame(), title="t", ylabel="y", source="s", lang="zh")
    alt = plots.get_alt_text(fig)
    assert alt.startswith("Line chart") and "Hebei" in alt and "河北" not in alt


# --------------------------------------------------------------------------- source, alt
def test_source_note_beneath_chart_and_not_duplicated():
    fig, ax = plots.new_figure()
    ax.plot([1, 2], [3, 4])
    plots.add_source_note(ax, "province_gdp, 2025 yearbook")
    plots.add_source_note(fig, "province_gdp, 2024 yearbook")
    texts = [t.get_text() for t in fig.findobj(mpl.text.Text) if "Source" in t.get_text()]
    assert texts == ["Source: province_gdp, 2024 yearbook"]
    fig.canvas.draw()
    note = next(t for t in fig.findobj(mpl.text.Text) if t.get_text().startswith("Source"))
    renderer = fig.canvas.get_renderer()
    assert note.get_window_extent(renderer).y1 <= ax.get_tightbbox(renderer).y0 + 1  # beneath


@needs_cjk
def test_source_line_in_chinese():
    assert plots.source_line("province_gdp, 2025", "zh") == "资料来源：province_gdp, 2025"
    assert plots.source_line("Source: x", "en") == "Source: x"


def test_alt_text_line_describes_chart():
    df = frame(["Hebei", "Beijing"], range(2016, 2019))
    df.loc[(df.region == "Beijing") & (df.year == 2017), "value"] = np.nan
    alt = plots.alt_text(df, title="Secondary share", ylabel="% of GDP", source="tbl, v1")
    # regions, years, min 10 (Hebei 2016), max 22 (Beijing 2018), Hebei 2018 = 12
    assert "Line chart: Secondary share." in alt
    assert "2 region(s) (Hebei, Beijing), 2016 to 2018" in alt
    assert "from 10.00 (Hebei, 2016) to 22.00 (Beijing, 2018)" in alt
    assert "Hebei in 2018: 12.00." in alt
    assert "1 value(s) missing." in alt
    assert alt.endswith("Source: tbl, v1.")


def test_alt_text_bar_gives_rank():
    df = frame(["Beijing", "Hebei", "Tianjin"], [2024])  # 10, 20, 30
    alt = plots.alt_text(df, kind="bar", title="GDP", ylabel="yuan")
    assert "Bar chart: GDP. yuan for 3 region(s) in 2024." in alt
    assert "Hebei: 20.00, rank 2 of 3." in alt
    with pytest.raises(ValueError, match="kind"):
        plots.alt_text(df, kind="pie")


@needs_cjk
def test_alt_text_chinese():
    alt = plots.alt_text(frame(["Hebei"], [2020, 2021]), title="标题", ylabel="亿元", lang="zh")
    assert alt.startswith("折线图：标题。") and "河北2021年：11.00。" in alt


@pytest.mark.parametrize("value, text", [(12345.6, "12,346"), (42.3456, "42.35"),
                                         (0.12345, "0.1235"), (0.0, "0"), (-3.14159, "-3.142"),
                                         (float("nan"), "n/a")])
def test_fmt_number(value, text):
    assert plots.fmt_number(value) == text


# ------------------------------------------------------------------------------- builders
def test_line_chart_is_not_managed_by_pyplot():
    before = plt.get_fignums()
    fig, ax = plots.line_chart(frame(), title="T", ylabel="Y", source="tbl, v")
    assert plt.get_fignums() == before
    lines = {ln.get_label(): ln for ln in ax.get_lines()}
    assert lines["Hebei"].get_color() == HIGHLIGHT_COLOR
    assert lines["Hebei"].get_linewidth() > lines["Beijing"].get_linewidth()
    assert ax.get_legend().get_texts()[0].get_text() == "Hebei"  # Hebei first in legend
    assert "Hebei in 2024: 18.00" in plots.get_alt_text(fig)


def test_line_chart_context_mode():
    _, ax = plots.line_chart(frame(), context=True)
    greys = [ln for ln in ax.get_lines() if ln.get_color() == CONTEXT_COLOR]
    assert len(greys) == 4
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["Hebei"]


def test_bar_chart_sorted_with_hebei_highlighted():
    df = frame(["Beijing", "Hebei", "Tianjin"], [2023, 2024])
    fig, ax = plots.bar_chart(df, title="T", ylabel="Y", source="tbl, v", horizontal=False)
    heights = [p.get_height() for p in ax.patches]
    assert heights == sorted(heights, reverse=True) == [31.0, 21.0, 11.0]
    labels = [t.get_text() for t in ax.get_xticklabels()]
    assert labels == ["Tianjin", "Hebei", "Beijing"]
    assert mpl.colors.to_hex(ax.patches[1].get_facecolor()).upper() == HIGHLIGHT_COLOR
    assert "rank 2 of 3" in plots.get_alt_text(fig)


def test_show_displays_img_with_alt(monkeypatch):
    shown = []
    monkeypatch.setattr("IPython.display.display", lambda obj: shown.append(obj))
    fig, _ = plots.line_chart(frame(), title="T & <b>", ylabel="Y")
    plots.show(fig)
    html = shown[0].data
    assert html.startswith('<img src="data:image/png;base64,')
    assert 'alt="Line chart: T &amp; &lt;b&gt;.' in html


# ------------------------------------------------------------------- legends with any handle
def test_line_chart_legend_accepts_fill_and_patch_handles():
    # a labelled fill_between (FillBetweenPolyCollection / PolyCollection: no get_color) and a
    # labelled patch were already on the axes: the legend sort used to raise AttributeError
    fig, ax = plots.new_figure()
    ax.fill_between([2016, 2024], [0, 0], [50, 50], color=CONTEXT_COLOR, alpha=0.3,
                    label="range of all provinces")
    ax.add_patch(mpl.patches.Rectangle((2016, 0), 1, 1, color=OKABE_ITO["blue"], label="box"))
    plots.line_chart(frame(["Beijing", "Hebei"]), ax=ax, title="T")
    names = [t.get_text() for t in ax.get_legend().get_texts()]
    # highlight first, then the chart's own regions, then the artists that were there before
    assert names == ["Hebei", "Beijing", "range of all provinces", "box"]


def test_highlight_handle_detection_for_any_artist():
    fig, ax = plots.new_figure()
    line, = ax.plot([0, 1], [0, 1], color=HIGHLIGHT_COLOR)
    fill = ax.fill_between([0, 1], [0, 0], [1, 1], color=HIGHLIGHT_COLOR, alpha=0.2)
    grey = ax.fill_between([0, 1], [0, 0], [1, 1], color=CONTEXT_COLOR)
    assert plots.is_highlight_handle(line) and plots.is_highlight_handle(fill)
    assert not plots.is_highlight_handle(grey)
    assert not plots.is_highlight_handle(object())


# --------------------------------------------------------------------------- series breaks
def test_normalize_breaks_forms():
    assert plots.normalize_breaks(None) == []
    assert plots.normalize_breaks({2020: "basis"}) == [(2020.0, "basis")]
    assert plots.normalize_breaks([(2020, ""), 2011]) == [(2011.0, "Series break"),
                                                         (2020.0, "Series break")]
    assert plots.normalize_breaks([2020], "zh") == [(2020.0, "统计口径变化")]
    with pytest.raises(TypeError, match="year"):
        plots.normalize_breaks(["2020"])


def test_split_at_breaks_inserts_nan_between_sides_only():
    x = np.array([2017.0, 2018, 2019, 2020, 2021])
    y = np.array([1.0, 2, 3, 4, 5])
    xs, ys = plots.split_at_breaks(x, y, {2020: "b"})
    np.testing.assert_array_equal(xs, [2017, 2018, 2019, 2019.5, 2020, 2021])
    assert np.isnan(ys[3]) and list(ys[[0, 1, 2, 4, 5]]) == [1, 2, 3, 4, 5]
    # a break at a gap in the years still cuts the line between its neighbours
    xs, ys = plots.split_at_breaks(np.array([2018.0, 2021]), np.array([1.0, 2]), [2020])
    assert list(xs) == [2018, 2019.5, 2021] and np.isnan(ys[1])
    # a break outside the data changes nothing
    xs, ys = plots.split_at_breaks(x, y, [2030])
    np.testing.assert_array_equal(xs, x)
    np.testing.assert_array_equal(ys, y)


def test_line_chart_breaks_segments_marker_and_alt_text():
    fig, ax = plots.line_chart(frame(["Hebei", "Beijing"]), breaks={2020: "new basis"},
                               title="T")
    hebei = next(ln for ln in ax.get_lines() if ln.get_label() == "Hebei")
    i = list(hebei.get_xdata()).index(2019.5)
    assert np.isnan(hebei.get_ydata()[i])  # not joined across the break
    dashed = [ln for ln in ax.get_lines() if ln.get_linestyle() == "--"]
    assert len(dashed) == 1 and list(dashed[0].get_xdata()) == [2019.5, 2019.5]
    assert "new basis" in [t.get_text() for t in ax.texts]
    assert "between 2019 and 2020 (new basis)" in plots.get_alt_text(fig)


def test_break_note_stays_inside_near_right_edge():
    _, ax = plots.line_chart(frame(["Hebei"], range(2016, 2022)), breaks={2021: "late"})
    assert ax.texts[-1].get_ha() == "right"  # 2020.5 is in the right part of 2016-2021
    _, ax = plots.line_chart(frame(["Hebei"], range(2016, 2022)), breaks={2018: "early"})
    assert ax.texts[-1].get_ha() == "left"


# ------------------------------------------------------------- round 2: colours by key
def _sectors() -> pd.DataFrame:
    """Three sector-share series keyed by language-independent codes."""
    keys = ["share_primary", "share_secondary", "share_tertiary"]
    return frame(keys, range(2016, 2020)).rename(columns={"region": "sector"})


EN = {"share_primary": "Primary industry", "share_secondary": "Secondary industry",
      "share_tertiary": "Tertiary industry"}
ZH = {"share_primary": "第一产业", "share_secondary": "第二产业", "share_tertiary": "第三产业"}


def _colors_by_key(ax, names: dict[str, str]) -> dict[str, str]:
    by_label = {ln.get_label(): ln.get_color() for ln in ax.get_lines()}
    return {k: by_label[v] for k, v in names.items()}


def test_line_colours_follow_the_data_key_not_the_translated_label():
    kw = dict(group="sector", highlight="share_secondary")
    _, ax_en = plots.line_chart(_sectors(), labels=EN, **kw)
    _, ax_zh = plots.line_chart(_sectors(), labels=ZH, lang="zh", **kw)
    en, zh = _colors_by_key(ax_en, EN), _colors_by_key(ax_zh, ZH)
    assert en == zh and en["share_secondary"] == HIGHLIGHT_COLOR
    assert len(set(en.values())) == 3


def test_line_chart_colors_override_by_key_or_label_and_alt_uses_labels():
    fig, ax = plots.line_chart(_sectors(), group="sector", labels=EN, highlight="share_secondary",
                               colors={"share_primary": "#123456",
                                       "Tertiary industry": "#654321"})
    cols = _colors_by_key(ax, EN)
    assert cols["share_primary"] == "#123456" and cols["share_tertiary"] == "#654321"
    alt = plots.get_alt_text(fig)
    assert "Primary industry, Secondary industry, Tertiary industry" in alt
    assert "share_" not in alt and "Secondary industry in 2019" in alt


def test_grouped_bar_chart_sides_colours_legend_and_alt_text():
    d = pd.DataFrame({"year": [2004, 2005, 2004, 2005], "series": ["rev4", "rev4", "rev5", "rev5"],
                      "value": [-5.0, -4.0, 2.0, np.nan]})
    fig, ax = plots.grouped_bar_chart(d, labels={"rev4": "4th census", "rev5": "5th census"},
                                      colors={"rev5": HIGHLIGHT_COLOR}, title="Revisions",
                                      ylabel="%", source="tbl, v")
    bars = ax.patches
    assert [round(b.get_x() + b.get_width() / 2, 2) for b in bars] == [2003.8, 2004.8, 2004.2]
    assert mpl.colors.to_hex(bars[2].get_facecolor()).upper() == HIGHLIGHT_COLOR
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["4th census", "5th census"]
    alt = plots.get_alt_text(fig)
    assert alt.startswith("Grouped bar chart: Revisions. % for 2 series (4th census, 5th "
                          "census), 2004 to 2005.")
    assert "4th census: from -5.000 (2004) to -4.000 (2005)." in alt
    assert "1 value(s) missing." in alt and alt.endswith("Source: tbl, v.")


# ------------------------------------------------------------------ round 2: fast style
def test_use_kit_style_does_not_import_seaborn():
    code = ("import sys; from helpers import plots; plots.use_kit_style(); "
            "print('seaborn' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"


def test_theme_matches_seaborn_whitegrid():
    sns = pytest.importorskip("seaborn")
    with mpl.rc_context():
        mpl.rcdefaults()
        sns.set_theme(style="whitegrid", context="notebook")
        for key, value in plots.SEABORN_WHITEGRID_RC.items():
            expected = mpl.rcParams[key]
            if key == "lines.solid_capstyle":
                expected = str(getattr(expected, "value", expected))
            assert value == expected, key
    with mpl.rc_context():
        plots.use_kit_style()
        assert mpl.rcParams["axes.grid"] and not mpl.rcParams["xtick.bottom"]
        assert mpl.rcParams["font.size"] == 12  # KIT_RC on top


@needs_cjk
def test_cjk_font_found_without_rebuilding_the_font_cache(monkeypatch, tmp_path):
    """A matplotlib font list without the CJK fonts (a stale cache): fontconfig's files only."""
    family = plots.setup_cjk_font()
    saved = list(fm.fontManager.ttflist)
    cjk_files = {f.fname for f in saved if f.name in plots.CJK_FAMILIES}
    monkeypatch.setattr(fm.fontManager, "ttflist", [f for f in saved if f.fname not in cjk_files])
    fm.fontManager._findfont_cached.cache_clear()
    monkeypatch.setattr(fm, "findSystemFonts", lambda *a, **k: pytest.fail("full font scan"))
    monkeypatch.setattr(fm, "json_dump", lambda *a, **k: pytest.fail("font cache rewritten"))
    monkeypatch.setattr(mpl, "get_cachedir", lambda: str(tmp_path))
    assert plots.setup_cjk_font(font_dirs=()) == family
    added = {f.fname for f in fm.fontManager.ttflist} - {f.fname for f in saved
                                                          if f.fname not in cjk_files}
    family_files = {f.fname for f in saved if f.name == family}
    assert added == family_files  # only the chosen family's files were registered
    remembered = (tmp_path / fonts.CJK_CACHE_NAME).read_text(encoding="utf-8")
    assert family in remembered
    fm.fontManager._findfont_cached.cache_clear()


# ----------------------------------------------------------- round 2: fast rendering
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_fast_canvas_is_pixel_identical_to_agg(lang):
    def draw(canvas_cls):
        fig = mpl.figure.Figure(figsize=(4, 3), dpi=80)
        canvas = canvas_cls(fig)
        ax = fig.add_subplot()
        ax.plot([2016, 2020], [1, 3], label="河北" if lang == "zh" else "Hebei")
        ax.set_title("地区生产总值 GDP" if lang == "zh" else "GDP, 100 million yuan")
        ax.set_yticks([1, 2, 3], ["Inner Mongolia", "内蒙古", "Hebei"])
        ax.legend()
        for _ in range(2):  # the second draw uses the cached layouts
            canvas.draw()
        return np.asarray(canvas.buffer_rgba()).copy()

    from matplotlib.backends.backend_agg import FigureCanvasAgg

    np.testing.assert_array_equal(draw(plots.FastCanvas), draw(FigureCanvasAgg))


def test_canvas_png_size_and_mode():
    from io import BytesIO

    from PIL import Image

    fig, ax = plots.new_figure(figsize=(5, 2), layout=None, dpi=60)
    ax.plot([0, 1], [0, 1])
    img = Image.open(BytesIO(plots.canvas_png(fig)))
    assert img.size == (300, 120) and img.mode == "RGB"
    fig.set_facecolor((1, 1, 1, 0))
    assert Image.open(BytesIO(plots.canvas_png(fig))).mode == "RGBA"

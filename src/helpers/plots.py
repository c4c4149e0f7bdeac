"""The kit's charts and their one theme: palette, source notes, series breaks and alt text.

Two concerns live beside it: :mod:`helpers.fonts` (the CJK font) and :mod:`helpers.render`
(the fast PNG renderer, and why the kit has its own); their public names are re-exported here
so that a lesson needs only ``from helpers import plots``.

Every figure in the kit

* uses :func:`use_kit_style` (one seaborn/matplotlib theme, readable on a projector);
* colours regions with :func:`region_colors`: the Okabe-Ito palette, which stays distinguishable
  for the common colour-vision deficiencies, with the highlighted region (Hebei by default)
  in :data:`HIGHLIGHT_COLOR`;
* shows "Source: <table>, <vintage>" beneath the chart (:func:`add_source_note`);
* carries a plain-language description for screen readers (:func:`alt_text`, :func:`show`);
* renders Chinese labels with a CJK font (:func:`setup_cjk_font`), or falls back to English
  labels with ONE clear message when no CJK font is installed - never "Glyph missing" warnings.

Static figures in notebooks::

    from helpers.plots import use_kit_style, line_chart, show
    use_kit_style()
    fig, ax = line_chart(df, title="Secondary industry's share of GDP", ylabel="%",
                         source="province_gdp, 2025 yearbook", lang=language)
    show(fig)       # PNG with alt text; no "<Figure size ...>" repr in the output

Figures are created with :class:`matplotlib.figure.Figure` (not ``pyplot``), so nothing is shown
twice and nothing leaks into cell outputs; :func:`show` displays them.

Reference: Okabe, M. and Ito, K. (2008), *Color Universal Design (CUD): How to make figures and
presentations that are friendly to colorblind people*, https://jfly.uni-koeln.de/color/.
"""

from __future__ import annotations

import math
import weakref
from collections.abc import Iterable, Mapping, Sequence

import matplotlib as mpl
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator, StrMethodFormatter

from helpers.fonts import (  # noqa: F401 - re-exported: a lesson needs only helpers.plots
    CJK_FAMILIES,
    CJK_PROBE,
    CJKFontWarning,
    cjk_family,
    plot_lang,
    setup_cjk_font,
)
from helpers.i18n import join, region_label, resolve_lang, t
from helpers.render import (  # noqa: F401 - re-exported
    FastCanvas,
    _LayoutCachingRenderer,
    canvas_png,
    figure_png,
    img_html,
)

# --------------------------------------------------------------------------------------------
# Palette
# --------------------------------------------------------------------------------------------

#: The Okabe-Ito colour-blind-safe palette (Okabe and Ito 2008), by name.
OKABE_ITO: dict[str, str] = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}
#: Colour of the highlighted region in every figure of the kit (Hebei by default, or the
#: region a lesson is rerun for); the other regions are muted or take the rotation.
HIGHLIGHT_COLOR: str = OKABE_ITO["vermillion"]
#: Muted grey for context regions (e.g. "all other provinces" behind Hebei).
CONTEXT_COLOR: str = "#B0B0B0"
#: Colours of the regions that recur as comparators, fixed so that they match across notebooks.
FIXED_COLORS: dict[str, str] = {
    "Beijing": OKABE_ITO["blue"],
    "Tianjin": OKABE_ITO["bluish_green"],
    "Shandong": OKABE_ITO["reddish_purple"],
    "Liaoning": OKABE_ITO["sky_blue"],
    "China": OKABE_ITO["black"],
}
# Order in which other regions take the remaining colours. Orange (closest to vermillion for
# deuteranopes) and yellow (low contrast on white) come last.
_ROTATION: tuple[str, ...] = tuple(
    OKABE_ITO[k]
    for k in ("blue", "bluish_green", "reddish_purple", "sky_blue", "black", "orange", "yellow")
)
#: Line width of highlighted regions and of the others.
HIGHLIGHT_LINEWIDTH, OTHER_LINEWIDTH, CONTEXT_LINEWIDTH = 3.2, 2.0, 1.0


def region_colors(
    regions: Iterable[str],
    highlight: str | Iterable[str] = "Hebei",
    context: bool = False,
) -> dict[str, str]:
    """Colour of each region, independent of the order in which regions are given.

    Rules: highlighted regions (default Hebei) get :data:`HIGHLIGHT_COLOR`; recurring
    comparators get their :data:`FIXED_COLORS`; the remaining regions take the unused
    Okabe-Ito colours in alphabetical order of their names; once the palette is used up (or
    with ``context=True``) they are drawn in :data:`CONTEXT_COLOR`.

    Args:
        regions: English region names as in the data (``"Hebei"``, ``"Beijing"``, ...).
        highlight: region name(s) to highlight.
        context: if True, every non-highlighted region is muted grey (Hebei against the
            distribution of all provinces).

    Returns:
        ``{region: hex colour}``, in the order the regions were given.
    """
    regions = list(dict.fromkeys(regions))
    hi = {highlight} if isinstance(highlight, str) else set(highlight)
    colors: dict[str, str] = {}
    for r in regions:
        if r in hi:
            colors[r] = HIGHLIGHT_COLOR
        elif context:
            colors[r] = CONTEXT_COLOR
        elif r in FIXED_COLORS:
            colors[r] = FIXED_COLORS[r]
    free = [c for c in _ROTATION if c not in colors.values()]
    for r in sorted(r for r in regions if r not in colors):
        colors[r] = free.pop(0) if free else CONTEXT_COLOR
    return {r: colors[r] for r in regions}



# --------------------------------------------------------------------------------------------
# Theme
# --------------------------------------------------------------------------------------------

#: seaborn's ``set_theme(style="whitegrid", context="notebook")`` as rcParams (the keys it
#: changes from matplotlib's defaults), so that the theme does not import seaborn: importing
#: it (with scipy) cost ~0.8-1.2 s per kernel. tests/test_plots.py checks these against
#: seaborn itself. Left out: the colour cycle and sizes (:data:`KIT_RC` sets them),
#: ``image.cmap`` ("rocket" exists only once seaborn is imported) and seaborn's colour codes.
SEABORN_WHITEGRID_RC: dict[str, object] = {
    "axes.axisbelow": True,
    "axes.edgecolor": ".8",
    "axes.grid": True,
    "axes.labelcolor": ".15",
    "axes.linewidth": 1.25,
    "font.sans-serif": ["Arial", "DejaVu Sans", "Liberation Sans", "Bitstream Vera Sans",
                        "sans-serif"],
    "grid.color": ".8",
    "grid.linewidth": 1.0,
    "legend.title_fontsize": 12.0,
    "lines.solid_capstyle": "round",
    "patch.edgecolor": "w",
    "patch.force_edgecolor": True,
    "text.color": ".15",
    "xtick.bottom": False,
    "xtick.color": ".15",
    "xtick.major.size": 6.0,
    "xtick.major.width": 1.25,
    "xtick.minor.size": 4.0,
    "xtick.minor.width": 1.0,
    "ytick.color": ".15",
    "ytick.left": False,
    "ytick.major.size": 6.0,
    "ytick.major.width": 1.25,
    "ytick.minor.size": 4.0,
    "ytick.minor.width": 1.0,
}

#: rcParams of the kit theme (applied on top of seaborn's "whitegrid").
KIT_RC: dict[str, object] = {
    "figure.figsize": (8.0, 4.5),
    "figure.dpi": 100,
    "savefig.dpi": 150,
    "font.size": 12,
    "axes.titlesize": 15,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.titlepad": 12,
    "axes.labelsize": 13,
    "xtick.labelsize": 12,
    "ytick.labelsize": 12,
    "legend.fontsize": 12,
    "legend.frameon": False,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.edgecolor": "#555555",
    "grid.color": "#E2E2E2",
    "lines.linewidth": OTHER_LINEWIDTH,
    "axes.prop_cycle": mpl.cycler(color=list(_ROTATION)),
    "axes.unicode_minus": True,
}


def use_kit_style() -> None:
    """Apply the kit theme (seaborn "whitegrid" + :data:`KIT_RC`) and set up a CJK font.

    Large, left-aligned titles with padding; no top/right spines; light grid; 8 x 4.5 inch
    figures with 12-15 pt text, readable on a projector. Call once, after the imports.
    Returns None, so a notebook cell ending with it prints nothing; :func:`cjk_family` tells
    which CJK font is in use.

    Builders (:func:`line_chart`, :func:`bar_chart`) use constrained layout; for your own
    figures pass ``layout="constrained"`` (not set globally: it would slow the fast
    :class:`helpers.widgets.FigurePanel`).

    Fast (~10-20 ms once matplotlib is imported): seaborn's theme is applied from
    :data:`SEABORN_WHITEGRID_RC` without importing seaborn, and the CJK font is looked up as
    :func:`setup_cjk_font` describes (never by rebuilding matplotlib's font cache).
    """
    mpl.rcParams.update(SEABORN_WHITEGRID_RC)
    mpl.rcParams.update(KIT_RC)
    setup_cjk_font()


# --------------------------------------------------------------------------------------------
# Source notes, number formatting, alt text
# --------------------------------------------------------------------------------------------

SOURCE_NOTE_SIZE = 10
SOURCE_NOTE_COLOR = "#555555"
_source_notes: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_alt_texts: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def source_line(source: str, lang: str | None = None) -> str:
    """``"Source: <source>"`` in ``lang`` (unchanged if it already starts with the prefix)."""
    prefix = t("source_line", lang, source="").strip()
    if source.startswith((prefix, "Source:", "资料来源")):
        return source
    return t("source_line", lang, source=source)


def add_source_note(target: Axes | Figure, text: str, lang: str | None = None) -> None:
    """Put "Source: <table>, <vintage>" beneath the chart, bottom left, in small grey text.

    Calling it again on the same figure replaces the note (no duplicates). With constrained
    layout (the kit default) space is reserved for it; otherwise the note sits in the
    bottom margin of the figure.

    Args:
        target: the Axes or Figure.
        text: e.g. ``"province_gdp, NBS China Statistical Yearbook 2025"``; ``"Source: "``
            is added in ``lang``.
        lang: language of the prefix.
    """
    fig = target.figure if isinstance(target, Axes) else target
    note = source_line(text, plot_lang(lang))
    old = _source_notes.get(fig)
    if old is not None:
        old.set_text(note)
        return
    if fig.get_layout_engine() is not None and "Constrained" in type(
        fig.get_layout_engine()
    ).__name__:
        # supxlabel takes part in constrained layout, so the note never overlaps tick labels
        artist = fig.supxlabel(note, x=0.01, ha="left", fontsize=SOURCE_NOTE_SIZE,
                               color=SOURCE_NOTE_COLOR)
    else:
        artist = fig.text(0.01, 0.01, note, ha="left", va="bottom", fontsize=SOURCE_NOTE_SIZE,
                          color=SOURCE_NOTE_COLOR)
    _source_notes[fig] = artist


def fmt_number(value: float) -> str:
    """Four significant digits with thousands separators (``12,346``; ``42.35``; ``0.1234``)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "n/a"
    v = float(value)
    if v == 0:
        return "0"
    decimals = max(0, 3 - math.floor(math.log10(abs(v))))
    return f"{v:,.{decimals}f}"


def alt_text(
    data: pd.DataFrame,
    *,
    kind: str = "line",
    title: str = "",
    ylabel: str = "",
    highlight: str = "Hebei",
    source: str | None = None,
    lang: str | None = None,
    x: str = "year",
    y: str = "value",
    group: str = "region",
    labels: Mapping[str, str] | None = None,
) -> str:
    """A plain-language description of a chart for screen readers.

    Says what is plotted, for which regions and years, the minimum and maximum (with where and
    when), the highlighted region's value in the last year (its rank in a bar chart), how many
    values are missing, and the source.

    Args:
        data: tidy frame with ``group`` (region), ``x`` (year) and ``y`` (value) columns.
        kind: ``"line"`` or ``"bar"`` (bar: one value per region, the last year in ``data``).
        title, ylabel: the chart's title and what the values are (with unit).
        highlight: region whose latest value is reported.
        source: table and vintage (see :func:`add_source_note`).
        lang: ``"en"`` or ``"zh"``.
        labels: display names by group key (e.g. ``{"share_secondary": "第二产业"}``),
            overriding the glossary's region names.
    """
    lang = resolve_lang(lang)
    if kind not in ("line", "bar"):
        raise ValueError(f"kind must be 'line' or 'bar'; got {kind!r}")

    def name_of(r: object) -> str:
        return (labels or {}).get(r, region_label(str(r), lang))

    d = data[[group, x, y]]
    regions = list(dict.fromkeys(d[group]))
    names = [name_of(r) for r in regions]
    sep = " " if lang == "en" else ""
    valid = d.dropna(subset=[y])
    if kind == "line":
        years = sorted(d[x].unique())
        shown = names if len(names) <= 8 else [*names[:8], "..."]
        parts = [t("alt_line", lang, title=title, ylabel=ylabel, n=len(regions),
                   regions=join(shown, lang), start=years[0] if years else "",
                   end=years[-1] if years else "")]
    else:
        year = d[x].max()
        valid = valid[valid[x] == year]
        parts = [t("alt_bar", lang, title=title, ylabel=ylabel, n=len(regions), year=year)]
    if not valid.empty:
        lo, hi = valid.loc[valid[y].idxmin()], valid.loc[valid[y].idxmax()]

        def where(row: pd.Series) -> str:
            name = name_of(row[group])
            if kind == "bar":
                return name
            return f"{name}, {row[x]}" if lang == "en" else f"{name}，{row[x]}年"

        parts.append(t("alt_range", lang, min=fmt_number(lo[y]), min_where=where(lo),
                       max=fmt_number(hi[y]), max_where=where(hi)))
        hv = valid[valid[group] == highlight]
        if not hv.empty:
            last = hv.loc[hv[x].idxmax()]
            if kind == "bar":
                rank = int((valid[y] > last[y]).sum()) + 1
                parts.append(t("alt_rank", lang, region=name_of(highlight),
                               value=fmt_number(last[y]), rank=rank, n=len(valid)))
            else:
                parts.append(t("alt_highlight", lang, region=name_of(highlight),
                               year=last[x], value=fmt_number(last[y])))
    n_missing = int(d[y].isna().sum())
    if n_missing:
        parts.append(t("alt_missing", lang, n=n_missing))
    if source:
        parts.append(t("alt_source", lang, source=source))
    return sep.join(parts)


def get_alt_text(fig: Figure) -> str | None:
    """The alt text a kit builder attached to ``fig`` (None if there is none)."""
    return _alt_texts.get(fig)


def set_alt_text(fig: Figure, text: str) -> None:
    """Attach alt text to ``fig`` (used by :func:`show`)."""
    _alt_texts[fig] = text


# --------------------------------------------------------------------------------------------
# Figures
# --------------------------------------------------------------------------------------------


def new_figure(figsize: tuple[float, float] | None = None, layout: str | None = "constrained",
               dpi: float | None = None) -> tuple[Figure, Axes]:
    """A figure with one Axes, NOT managed by pyplot (nothing is auto-displayed or leaked)."""
    fig = Figure(figsize=figsize or mpl.rcParams["figure.figsize"],
                 dpi=dpi or mpl.rcParams["figure.dpi"], layout=layout)
    FigureCanvasAgg(fig)
    return fig, fig.add_subplot()




def show(fig: Figure, alt: str | None = None, dpi: float = 110) -> None:
    """Display ``fig`` as a PNG ``<img>`` with alt text (in JupyterLab, Voila and HTML export).

    Uses the alt text attached by :func:`line_chart`/:func:`bar_chart` unless ``alt`` is given.
    Prints nothing else, so notebook outputs hold no ``<Figure size ...>`` repr.
    """
    from IPython.display import HTML, display

    text = alt if alt is not None else (get_alt_text(fig) or "")
    display(HTML(img_html(figure_png(fig, dpi=dpi, tight=True), text, width="100%")))


def _thousands(axis, values: pd.Series) -> None:
    """Tick labels with thousands separators (500,000) when values reach 10,000."""
    if values.abs().max() >= 10_000:
        axis.set_major_formatter(StrMethodFormatter("{x:,.0f}"))


def _axis_labels(ax: Axes, title: str, xlabel: str, ylabel: str) -> None:
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)


def is_highlight_handle(handle: object, color: str = HIGHLIGHT_COLOR) -> bool:
    """Whether a legend handle of any kind is drawn in ``color`` (default Hebei's).

    Works for lines (``get_color``), patches and collections such as ``fill_between`` bands
    (``get_facecolor``, an RGBA array), comparing RGB only (alpha ignored). A handle without
    any colour getter is not highlighted.
    """
    target = np.asarray(mpl.colors.to_rgb(color))
    for getter in ("get_color", "get_facecolor", "get_edgecolor"):
        fn = getattr(handle, getter, None)
        if fn is None:
            continue
        try:
            rgba = mpl.colors.to_rgba_array(fn())
        except (TypeError, ValueError):
            continue
        if len(rgba):
            return bool(np.allclose(rgba[:, :3], target, atol=1e-3))
    return False


# --------------------------------------------------------------------------------------------
# Series breaks
# --------------------------------------------------------------------------------------------

#: A series-break specification: None, ``{first_year_of_new_series: note}``, or a sequence of
#: years and/or ``(year, note)`` pairs. See :func:`normalize_breaks`.
BreakSpec = Mapping[float, str | None] | Sequence[float | tuple[float, str | None]] | None
BREAK_COLOR = "#333333"


def normalize_breaks(breaks: BreakSpec, lang: str | None = None) -> list[tuple[float, str]]:
    """Series breaks as a sorted list of ``(year, note)``.

    A break at ``year`` means the series changes basis between the last observation BEFORE
    ``year`` and the first one AT or after it: ``2020`` is the employment basis change
    between 2019 and 2020 (2020 is the first year on the new basis).

    Args:
        breaks: None/empty (no break), ``{2020: "employment basis changes"}``, ``[2020]`` or
            ``[(2020, "employment basis changes"), 2019]``. A missing or empty note becomes
            the glossary's "Series break" in ``lang``.
        lang: language of the default note.
    """
    if not breaks:
        return []
    items = breaks.items() if isinstance(breaks, Mapping) else (
        b if isinstance(b, tuple) else (b, None) for b in breaks)
    default = t("series_break", lang)
    out = {}
    for year, note in items:
        if isinstance(year, bool) or not isinstance(year, (int, float, np.number)):
            raise TypeError(f"a series break is a year (number); got {year!r}")
        out[float(year)] = note or default
    return sorted(out.items())


def split_at_breaks(x: np.ndarray, y: np.ndarray, breaks: BreakSpec) -> tuple[np.ndarray,
                                                                               np.ndarray]:
    """Insert a NaN point between observations on the two sides of each break.

    Matplotlib does not join a line across NaN, so one line is drawn as separate segments
    (pandas/seaborn have no "do not join here" option; a NaN row is the standard idiom).
    ``x`` must be sorted. Values themselves are never changed, filled or interpolated.

    Returns:
        New ``(x, y)`` arrays (unchanged copies when no break falls between two points).
    """
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    years = [b for b, _ in normalize_breaks(breaks)]
    cuts = [i for i in range(1, len(x)) for b in years if x[i - 1] < b <= x[i]]
    cuts = sorted(set(cuts))
    if not cuts:
        return x.copy(), y.copy()
    mids = [(x[i - 1] + x[i]) / 2 for i in cuts]
    return np.insert(x, cuts, mids), np.insert(y, cuts, np.nan)


def break_marks(years: Iterable[float], breaks: BreakSpec,
                lang: str | None = None) -> list[tuple[float, float, float, str]]:
    """Where to mark each break that falls inside the data's years.

    Returns:
        ``(x, before, after, note)`` per break with data years on both sides: ``before`` is
        the last data year before the break, ``after`` the first at or after it, and ``x``
        the midpoint where the dashed line is drawn.
    """
    ys = np.unique(np.asarray(list(years), dtype=float))
    ys = ys[np.isfinite(ys)]
    out = []
    for b, note in normalize_breaks(breaks, lang):
        before, after = ys[ys < b], ys[ys >= b]
        if len(before) and len(after):
            out.append(((before[-1] + after[0]) / 2, before[-1], after[0], note))
    return out


def _year_text(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else f"{v:g}"


def break_alt_text(mark: tuple[float, float, float, str], lang: str | None = None) -> str:
    """Alt-text sentence for one break mark from :func:`break_marks`."""
    _, before, after, note = mark
    return t("alt_break", lang, before=_year_text(before), after=_year_text(after), note=note)


def draw_break_mark(ax: Axes, x: float, note: str, artists: tuple | None = None,
                    note_left: bool = False) -> tuple:
    """A dashed vertical line at ``x`` with ``note`` at the top; reuses ``artists`` if given.

    Args:
        note_left: put the note left of the line (for a break near the right edge, so the
            note stays inside the axes).

    Returns:
        ``(line, annotation)``, to pass back as ``artists`` on the next update (in place).
    """
    if artists is None:
        line = ax.axvline(x, color=BREAK_COLOR, lw=1, ls="--", zorder=1.5)
        ann = ax.annotate(note, xy=(x, 1.0), xycoords=("data", "axes fraction"),
                          xytext=(3, -3), textcoords="offset points", ha="left", va="top",
                          fontsize=9, color=BREAK_COLOR)
    else:
        line, ann = artists
        line.set_xdata([x, x])
        ann.xy = (x, 1.0)
        ann.set_text(note)
        line.set_visible(True)
        ann.set_visible(True)
    ann.set_horizontalalignment("right" if note_left else "left")
    ann.set_position((-3 if note_left else 3, -3))  # offset in points from (x, top)
    return line, ann


def note_on_left(x: float, years: Iterable[float]) -> bool:
    """Whether a break note at ``x`` goes left of its line (break in the right 40% of years)."""
    ys = np.asarray(list(years), dtype=float)
    ys = ys[np.isfinite(ys)]
    lo, hi = (ys.min(), ys.max()) if ys.size else (x, x)
    return hi > lo and (x - lo) / (hi - lo) > 0.6


def mark_breaks(ax: Axes, breaks: BreakSpec, years: Iterable[float],
                lang: str | None = None) -> list[tuple[float, float, float, str]]:
    """Draw a dashed line and note for each break inside ``years``; returns the marks."""
    years = list(years)
    marks = break_marks(years, breaks, lang)
    for x_, _, _, note in marks:
        draw_break_mark(ax, x_, note, note_left=note_on_left(x_, years))
    return marks


def line_chart(
    data: pd.DataFrame,
    *,
    title: str = "",
    ylabel: str = "",
    source: str | None = None,
    highlight: str = "Hebei",
    context: bool = False,
    lang: str | None = None,
    ax: Axes | None = None,
    x: str = "year",
    y: str = "value",
    group: str = "region",
    labels: Mapping[str, str] | None = None,
    breaks: BreakSpec = None,
    colors: Mapping[str, str] | None = None,
) -> tuple[Figure, Axes]:
    """One line per region over the years; Hebei highlighted and drawn on top.

    Lines that are not regions (sectors, vintages): put the language-independent KEY in the
    ``group`` column (``"share_secondary"``, ``"nbs_post5th_2026-03"``) and the translated
    names in ``labels``. Colours are assigned from the keys (:func:`region_colors`), so a
    sector keeps its colour in English and Chinese; ``colors`` fixes any of them.

    Args:
        data: tidy frame with ``region``, ``year``, ``value`` (other column names via
            ``group``, ``x``, ``y``). Missing values stay gaps (never interpolated).
        title, ylabel: text in the chosen language (use :func:`helpers.i18n.t`).
        source: ``"<table>, <vintage>"`` for the source note.
        highlight: region drawn in :data:`HIGHLIGHT_COLOR`, thicker.
        context: draw the other regions thin and grey, without legend entries (Hebei against
            the distribution of all provinces).
        lang: language of region names, the source prefix and the alt text.
        ax: draw into this Axes instead of a new figure.
        labels: legend names by region (or group key), overriding the glossary's region
            names; also used in the alt text.
        breaks: series breaks (see :func:`normalize_breaks`), e.g. ``{2020: "employment
            basis changes"}``: lines are not joined across a break, which is marked by a
            dashed vertical line with its note (and mentioned in the alt text).
        colors: colour by group key (or by displayed label), overriding the automatic
            colours, e.g. ``{"share_secondary": HIGHLIGHT_COLOR}``.

    Returns:
        ``(fig, ax)``; alt text is attached for :func:`show`.
    """
    lang = plot_lang(lang)
    fig, ax = (ax.figure, ax) if ax is not None else new_figure()
    regions = list(dict.fromkeys(data[group]))
    palette = region_colors(regions, highlight, context=context)
    for r in regions:
        fixed = (colors or {}).get(r, (colors or {}).get((labels or {}).get(r, r)))
        if fixed is not None:
            palette[r] = fixed
    own: list = []  # this call's lines: legend entries before other labelled artists
    for r in sorted(regions, key=lambda r: r == highlight):  # highlight last = on top
        d = data[data[group] == r].sort_values(x)
        is_hi = r == highlight
        name = (labels or {}).get(r, region_label(r, lang))
        xs, ys = split_at_breaks(d[x].to_numpy(dtype=float), d[y].to_numpy(dtype=float),
                                 breaks)
        own += ax.plot(xs, ys, color=palette[r],
                lw=HIGHLIGHT_LINEWIDTH if is_hi else (CONTEXT_LINEWIDTH if context
                                                     else OTHER_LINEWIDTH),
                zorder=3 if is_hi else 2, label=name if (is_hi or not context) else None,
                marker="o" if is_hi else None, markersize=4)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    _thousands(ax.yaxis, data[y])
    _axis_labels(ax, title, "", ylabel)
    hi_name = (labels or {}).get(highlight, region_label(highlight, lang))
    handles, names = ax.get_legend_handles_labels()
    if handles:
        # highlighted entries first, then this chart's regions, then labelled artists already
        # on the axes (fills, patches, collections such as a grey range band: not every
        # handle is a Line2D, so colours are read with is_highlight_handle)
        mine = {id(h) for h in own}

        def rank(i: int) -> tuple[bool, bool]:
            hi = names[i] == hi_name or is_highlight_handle(handles[i])
            return (not hi, id(handles[i]) not in mine)

        order = sorted(range(len(handles)), key=rank)
        ax.legend([handles[i] for i in order], [names[i] for i in order], loc="upper left",
                  bbox_to_anchor=(1.01, 1.0), borderaxespad=0)
    marks = mark_breaks(ax, breaks, data[x], lang) if breaks else []
    if source:
        add_source_note(fig, source, lang)
    alt = alt_text(data, kind="line", title=title, ylabel=ylabel, highlight=highlight,
                   source=source, lang=lang, x=x, y=y, group=group, labels=labels)
    set_alt_text(fig, " ".join([alt, *(break_alt_text(b, lang) for b in marks)]))
    return fig, ax


def bar_chart(
    data: pd.DataFrame,
    *,
    year: int | None = None,
    title: str = "",
    ylabel: str = "",
    source: str | None = None,
    highlight: str = "Hebei",
    lang: str | None = None,
    sort: bool = True,
    horizontal: bool | None = None,
    ax: Axes | None = None,
    x: str = "year",
    y: str = "value",
    group: str = "region",
) -> tuple[Figure, Axes]:
    """One bar per region in one year; Hebei in :data:`HIGHLIGHT_COLOR`, the others grey.

    Args:
        data: tidy frame (``region``, ``year``, ``value``).
        year: the year shown (default: the last year in ``data``).
        sort: bars in descending order of value (missing values last, no bar).
        horizontal: horizontal bars (default when more than 8 regions, e.g. 31 provinces).
        Other arguments as in :func:`line_chart`.
    """
    lang = plot_lang(lang)
    year = int(data[x].max()) if year is None else year
    d = data[data[x] == year][[group, x, y]]
    if sort:
        d = d.sort_values(y, ascending=False, na_position="last")
    horizontal = len(d) > 8 if horizontal is None else horizontal
    if ax is None:
        fig, ax = new_figure(figsize=(8.0, max(4.5, 0.25 * len(d) + 1.5)) if horizontal
                             else None)
    else:
        fig = ax.figure
    names = [region_label(r, lang) for r in d[group]]
    colors = [HIGHLIGHT_COLOR if r == highlight else CONTEXT_COLOR for r in d[group]]
    vals = d[y].to_numpy(dtype=float)
    if horizontal:
        pos = np.arange(len(d))[::-1]
        ax.barh(pos, np.nan_to_num(vals), color=colors)
        ax.set_yticks(pos, names)
        ax.grid(axis="y", visible=False)
        _thousands(ax.xaxis, d[y])
        _axis_labels(ax, title, ylabel, "")
    else:
        ax.bar(np.arange(len(d)), np.nan_to_num(vals), color=colors)
        ax.set_xticks(np.arange(len(d)), names, rotation=45 if len(d) > 5 else 0,
                      ha="right" if len(d) > 5 else "center")
        ax.grid(axis="x", visible=False)
        _thousands(ax.yaxis, d[y])
        _axis_labels(ax, title, "", ylabel)
    if source:
        add_source_note(fig, source, lang)
    set_alt_text(fig, alt_text(d, kind="bar", title=title, ylabel=ylabel, highlight=highlight,
                               source=source, lang=lang, x=x, y=y, group=group))
    return fig, ax


def grouped_bar_chart(
    data: pd.DataFrame,
    *,
    title: str = "",
    ylabel: str = "",
    source: str | None = None,
    lang: str | None = None,
    ax: Axes | None = None,
    x: str = "year",
    y: str = "value",
    group: str = "series",
    labels: Mapping[str, str] | None = None,
    colors: Mapping[str, str] | None = None,
    highlight: str | None = None,
    zero_line: bool = True,
) -> tuple[Figure, Axes]:
    """Bars of several series side by side at each x (e.g. two census revisions by year).

    Args:
        data: tidy frame with ``x`` (year), ``group`` (series key) and ``y`` (value).
            Missing values leave an empty slot (no bar, never zero-filled in the alt text).
        title, ylabel: text in the chosen language.
        source: ``"<table>, <vintage>"`` for the source note.
        lang: language of the source prefix and the alt text.
        labels: legend names by series key (keys stay language-independent, so colours
            do not change with the language).
        colors: colour by series key; the others follow :func:`region_colors` on the keys
            (``highlight`` gets :data:`HIGHLIGHT_COLOR`).
        zero_line: draw a black line at 0 (for changes and gaps).

    Returns:
        ``(fig, ax)``; alt text (series, years, each series' range, source) is attached for
        :func:`show`.
    """
    lang = plot_lang(lang)
    fig, ax = (ax.figure, ax) if ax is not None else new_figure()
    keys = list(dict.fromkeys(data[group]))
    palette = region_colors(keys, highlight if highlight is not None else ())
    palette.update({k: c for k, c in (colors or {}).items() if k in palette})
    width = 0.8 / max(len(keys), 1)
    for i, k in enumerate(keys):
        d = data[data[group] == k].dropna(subset=[y]).sort_values(x)
        offset = (i - (len(keys) - 1) / 2) * width
        ax.bar(d[x].to_numpy(dtype=float) + offset, d[y].to_numpy(dtype=float), width=width,
               color=palette[k], label=(labels or {}).get(k, k))
    if zero_line:
        ax.axhline(0, color="black", lw=1)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.grid(axis="x", visible=False)
    _thousands(ax.yaxis, data[y])
    _axis_labels(ax, title, "", ylabel)
    if keys:
        ax.legend(loc="best")
    if source:
        add_source_note(fig, source, lang)
    set_alt_text(fig, grouped_bar_alt_text(data, title=title, ylabel=ylabel, source=source,
                                           lang=lang, x=x, y=y, group=group, labels=labels))
    return fig, ax


def grouped_bar_alt_text(
    data: pd.DataFrame,
    *,
    title: str = "",
    ylabel: str = "",
    source: str | None = None,
    lang: str | None = None,
    x: str = "year",
    y: str = "value",
    group: str = "series",
    labels: Mapping[str, str] | None = None,
) -> str:
    """Alt text of :func:`grouped_bar_chart`: what is drawn, each series' range, the source."""
    lang = resolve_lang(lang)
    keys = list(dict.fromkeys(data[group]))
    names = [(labels or {}).get(k, k) for k in keys]
    xs = sorted(data[x].dropna().unique())
    parts = [t("alt_grouped_bar", lang, title=title, ylabel=ylabel, n=len(keys),
               series=join(names, lang), start=_year_text(xs[0]) if xs else "",
               end=_year_text(xs[-1]) if xs else "")]
    for k, name in zip(keys, names, strict=True):
        d = data[(data[group] == k)].dropna(subset=[y])
        if d.empty:
            continue
        lo, hi = d.loc[d[y].idxmin()], d.loc[d[y].idxmax()]
        parts.append(t("alt_series_range", lang, name=name, min=fmt_number(lo[y]),
                       min_x=_year_text(lo[x]), max=fmt_number(hi[y]),
                       max_x=_year_text(hi[x])))
    n_missing = int(data[y].isna().sum())
    if n_missing:
        parts.append(t("alt_missing", lang, n=n_missing))
    if source:
        parts.append(t("alt_source", lang, source=source))
    return (" " if lang == "en" else "").join(parts)

"""A tile map of Hebei's 11 cities: one square per city, placed roughly where it lies.

No offline map boundaries come with the kit (``cnmaps`` would need cartopy, geopandas and
GDAL), so each city is a tile in a 5 x 6 grid sketched from the map of Hebei; dashed tiles
show Beijing and Tianjin for orientation. A tile's **fill is the value** (cividis, a
colour-blind-safe sequential map: darker = lower) and its **border is its group** (Okabe-Ito
colours), so one picture shows both the indicator and a grouping of the cities.

* :data:`TILES`, :data:`GHOSTS`: the layout, ``{city: (column, row)}``, row 0 in the north.
* :func:`draw_tiles`: a :class:`helpers.widgets.FigurePanel` updater; it creates the artists
  once and then only changes colours and texts (fast redraws in the explorer).
* :func:`tile_alt_text`: what the map shows, for screen readers (range and group means).
* :func:`tile_values`: the values a selection of the explorer shows (level in the last year,
  or the last year relative to the first = 100, refused across a series break).
* :func:`tile_explorer`: the explorer itself (grouping, indicator, years, level/index), built
  from the kit's :class:`~helpers.widgets.ControlPanel` and :class:`~helpers.widgets.FigurePanel`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import numpy as np
import pandas as pd
from matplotlib import colormaps
from matplotlib.cm import ScalarMappable
from matplotlib.colors import Normalize
from matplotlib.patches import Patch, Rectangle

from helpers.i18n import has_term, join, region_label, resolve_lang, say, t
from helpers.plots import OKABE_ITO, fmt_number
from helpers.regions import GROUPINGS, HEBEI_CITIES, groups

__all__ = ["CITY_INDICATORS", "GHOSTS", "GROUP_PALETTE", "TILES", "draw_tiles", "group_colors",
           "indicator_labels", "opening_year", "tile_alt_text", "tile_explorer", "tile_prepare",
           "tile_values"]

#: (column, row) of each city's tile: a rough sketch of Hebei's map; row 0 is the north.
TILES: dict[str, tuple[int, int]] = {
    "Zhangjiakou": (0, 0), "Chengde": (2, 0), "Tangshan": (3, 1), "Qinhuangdao": (4, 1),
    "Baoding": (1, 2), "Langfang": (2, 2), "Shijiazhuang": (0, 3), "Hengshui": (1, 3),
    "Cangzhou": (2, 3), "Xingtai": (0, 4), "Handan": (0, 5)}
#: Neighbours drawn as dashed, empty tiles for orientation.
GHOSTS: dict[str, tuple[int, int]] = {"Beijing": (1, 1), "Tianjin": (3, 2)}
#: Colours given to the groups of a grouping, in the grouping's order (Okabe-Ito).
GROUP_PALETTE: tuple[str, ...] = tuple(OKABE_ITO[k] for k in (
    "vermillion", "blue", "bluish_green", "reddish_purple"))
CMAP = colormaps["cividis"]
MISSING_FILL = "#EEEEEE"


def group_colors(grouping: str) -> dict[str, str]:
    """``{group: colour}`` for the groups of ``grouping`` (:func:`helpers.regions.groups`),
    in order: vermillion, blue, bluish green, reddish purple."""
    return dict(zip(groups(grouping), GROUP_PALETTE, strict=False))


def _shown(v: float) -> str:
    return fmt_number(v) if np.isfinite(v) else "-"


def tile_alt_text(values: pd.Series, grouping: str, *, title: str = "", label: str = "",
                  lang: str | None = None) -> str:
    """Alt text of the tile map: what it shows, the range (with where) and the group means.

    Args:
        values: value by city (NaN = no data).
        grouping: the grouping drawn as tile borders (its group means are unweighted).
        title, label: the map's title and the values' unit, in ``lang``.
        lang: ``"en"``/``"zh"``; ``None``: the run's language.
    """
    lang = resolve_lang(lang)
    finite = values[np.isfinite(values.to_numpy(dtype=float))]
    parts = [t("alt_tile_map", lang, title=title, ylabel=label, n=len(finite))]
    if len(finite):
        parts.append(t("alt_range", lang, min=fmt_number(finite.min()),
                       min_where=region_label(finite.idxmin(), lang),
                       max=fmt_number(finite.max()),
                       max_where=region_label(finite.idxmax(), lang)))
    means = {g: values.reindex(ms).mean() for g, ms in groups(grouping).items()}
    parts.append(t("alt_group_means", lang, grouping=t("grouping_" + grouping, lang),
                   means=join([f"{t('group_' + g, lang)} {_shown(m)}" for g, m in means.items()],
                              lang)))
    if values.isna().any():
        parts.append(t("alt_missing", lang, n=int(values.isna().sum())))
    return (" " if lang == "en" else "").join(parts)


def _create_artists(panel: Any, lang: str) -> None:
    """The tiles, names, value texts and colour bar, created once per panel."""
    ax, fig = panel.ax, panel.fig
    fig.subplots_adjust(left=0.02, right=0.8, top=0.9, bottom=0.08)
    ax.set_axis_off()
    ax.set_xlim(-0.1, 5.1)
    ax.set_ylim(-6.1, 0.1)
    panel.tiles, panel.names, panel.values = {}, {}, {}
    for name, (cx, cy) in GHOSTS.items():
        ax.add_patch(Rectangle((cx + 0.04, -cy - 0.96), 0.92, 0.92, facecolor="white",
                               edgecolor="#999999", ls="--", lw=1))
        ax.text(cx + 0.5, -cy - 0.5, region_label(name, lang), ha="center", va="center",
                color="#777777", fontsize=10)
    for c, (cx, cy) in TILES.items():
        panel.tiles[c] = ax.add_patch(Rectangle((cx + 0.06, -cy - 0.94), 0.88, 0.88, lw=4))
        panel.names[c] = ax.text(cx + 0.5, -cy - 0.35, region_label(c, lang), ha="center",
                                 va="center", fontsize=10, fontweight="bold")
        panel.values[c] = ax.text(cx + 0.5, -cy - 0.65, "", ha="center", va="center",
                                  fontsize=10)
    panel.mappable = ScalarMappable(norm=Normalize(0, 1), cmap=CMAP)
    panel.cbar = fig.colorbar(panel.mappable, cax=fig.add_axes([0.84, 0.2, 0.025, 0.6]))
    panel.legend = None


def draw_tiles(panel: Any, data: pd.DataFrame, *, grouping_sel: str, cbar_label: str,
               alt_title: str = "") -> str:
    """Update a :class:`~helpers.widgets.FigurePanel` to show ``data`` on the tile map.

    Fill: the value on a colour scale from the smallest to the largest value shown (hatched
    grey = no data); border: the city's group under ``grouping_sel``; legend: the groups'
    unweighted means. Pass it as ``FigurePanel(..., updater=draw_tiles)``.

    Args:
        panel: the figure panel (its ``ax``, ``fig`` and ``plot_lang`` are used).
        data: tidy rows ``region, value`` of the cities (others ignored).
        grouping_sel: grouping drawn as borders (a key of :data:`helpers.regions.GROUPINGS`).
        cbar_label: label of the colour bar (the unit).
        alt_title: the map's title, for the alt text.

    Returns:
        The alt text (:func:`tile_alt_text`).
    """
    lang = panel.plot_lang
    if not hasattr(panel, "tiles"):
        _create_artists(panel, lang)
    vals = data.set_index("region")["value"].astype(float).reindex(list(HEBEI_CITIES))
    finite = vals[np.isfinite(vals)]
    lo, hi = (finite.min(), finite.max()) if len(finite) else (0.0, 1.0)
    hi = hi if hi > lo else lo + 1.0
    panel.mappable.set_clim(lo, hi)
    panel.cbar.set_label(cbar_label)
    members = groups(grouping_sel)
    owner = {c: g for g, ms in members.items() for c in ms}
    colors = group_colors(grouping_sel)
    for c in HEBEI_CITIES:
        v = vals[c]
        missing = not np.isfinite(v)
        share = 0.0 if missing else (v - lo) / (hi - lo)
        panel.tiles[c].set(facecolor=MISSING_FILL if missing else CMAP(share),
                           edgecolor=colors[owner[c]], hatch="//" if missing else None)
        ink = "black" if missing or share > 0.55 else "white"
        panel.names[c].set(color=ink)
        panel.values[c].set(text=t("nb03_not_available", lang) if missing else fmt_number(v),
                            color=ink)
    if panel.legend is not None:
        panel.legend.remove()
    panel.legend = panel.ax.legend(
        [Patch(facecolor="white", edgecolor=colors[g], lw=3) for g in members],
        [f"{t('group_' + g, lang)}: {_shown(vals[ms].mean())}" for g, ms in members.items()],
        loc="lower left", bbox_to_anchor=(0.24, 0.0), fontsize=9, alignment="left",
        title=f"{t('grouping_' + grouping_sel, lang)} · {t('nb03_group_means', lang)}",
        title_fontsize=9)
    return tile_alt_text(vals, grouping_sel, title=alt_title, label=cbar_label, lang=lang)


def tile_values(frame: pd.DataFrame, indicator: str, years: tuple[int, int], mode: str, *,
                break_year: int | None = None, no_crossing: Iterable[str] = ()) -> pd.Series:
    """The value by city that the explorer shows for one selection.

    ``mode == "level"``: the value in the last year. ``mode == "index"``: the last year
    relative to the first, ``100 * v_end / v_start`` (100 = unchanged).

    Args:
        frame: tidy ``region, year, indicator, value`` of the cities.
        indicator: the indicator code.
        years: ``(start, end)``.
        mode: ``"level"`` or ``"index"``.
        break_year: first year of a new series basis; an index of an indicator in
            ``no_crossing`` across it is refused.
        no_crossing: indicators whose levels are not comparable across ``break_year``.

    Raises:
        ValueError: with ``args = (catalogue key, values)`` for a year without data, an index
            over one year, or an index across the break (the explorer shows the message).
    """
    d = frame[frame["indicator"] == indicator]
    have = sorted(int(y) for y in d.loc[d["value"].notna(), "year"].unique())
    start, end = years
    allowed = ", ".join(map(str, have))
    if end not in have:
        raise ValueError("nb03_msg_no_year", {"year": end, "allowed": allowed})
    cur = d[d["year"] == end].set_index("region")["value"]
    if mode != "index":
        return cur
    if start == end:
        raise ValueError("nb03_msg_same_year", {"end": end})
    if start not in have:
        raise ValueError("nb03_msg_no_year", {"year": start, "allowed": allowed})
    if break_year is not None and indicator in set(no_crossing) and start < break_year <= end:
        raise ValueError("nb03_msg_break", {"start": start, "end": end,
                                            "before": break_year - 1, "after": break_year})
    return 100 * cur / d[d["year"] == start].set_index("region")["value"].reindex(cur.index)


#: The indicators the city explorer offers: ``{code: (label key, unit key, source)}``; a unit
#: key that is not in the catalogue is shown as it is ("%").
CITY_INDICATORS: dict[str, tuple[str, str, str]] = {
    "secondary_share": ("secondary_share", "%", "hebei_city_gdp"),
    "tertiary_share": ("tertiary_share", "%", "hebei_city_gdp"),
    "primary_share": ("primary_share", "%", "hebei_city_gdp"),
    "gdp": ("gdp", "unit_100_million_yuan", "hebei_city_gdp"),
    "gdp_per_capita_census": ("gdp_per_capita_census", "unit_yuan_per_person",
                              "hebei_city_gdp / city_census_population"),
    "pku_dfiic_city_index_aggregate": ("digital_finance_index", "unit_index",
                                       "pku_dfiic_city, repo_exp_ln"),
    "pm25_annual_mean": ("pm25_annual_mean", "µg/m³", "pm25_city_2017, ccsy_2018"),
}


def indicator_labels(lang: str | None = None) -> dict[str, str]:
    """Display name of each of :data:`CITY_INDICATORS` in ``lang``."""
    return {code: t(key, lang) for code, (key, _, _) in CITY_INDICATORS.items()}


def opening_year(frame: pd.DataFrame, indicator: str, year: int) -> int:
    """The last year up to ``year`` in which ``indicator`` has data in ``frame`` (the year the
    explorer opens at); the indicator's last year if it has none up to ``year``."""
    d = frame[(frame["indicator"] == indicator) & frame["value"].notna()]
    have = sorted(int(y) for y in d["year"].unique())
    return max([y for y in have if y <= year], default=have[-1])


def tile_prepare(frame: pd.DataFrame, *, break_year: int | None = None,
                 no_crossing: Iterable[str] = (), lang: str | None = None,
                 ) -> Callable[[Any], dict[str, Any]]:
    """``prepare(selection)`` for :func:`helpers.widgets.build_dashboard` with :func:`draw_tiles`.

    Args:
        frame: tidy ``region, year, indicator, value`` of the cities, for indicators of
            :data:`CITY_INDICATORS`.
        break_year, no_crossing: see :func:`tile_values`.
        lang: language of the status messages (``None``: the run's language); titles and
            labels follow :func:`helpers.plots.plot_lang` of it.

    The returned function raises :class:`helpers.widgets.SelectionError` with a catalogue
    message for a selection it cannot draw (the panel shows it in its status line); the
    selection's ``choice`` is the grouping drawn as tile borders.
    """
    from helpers.plots import plot_lang
    from helpers.widgets import SelectionError  # late: ipywidgets only for the explorer

    msg_lang = resolve_lang(lang)
    fig_lang = plot_lang(msg_lang)
    by_indicator = dict(iter(frame.groupby("indicator")))

    def prepare(sel: Any) -> dict[str, Any]:
        start, end = sel.years
        key, unit, source = CITY_INDICATORS[sel.indicator]
        try:
            vals = tile_values(by_indicator[sel.indicator], sel.indicator, sel.years, sel.mode,
                               break_year=break_year, no_crossing=no_crossing)
        except ValueError as exc:
            what, values = exc.args
            raise SelectionError(t(what, msg_lang, indicator=t(key, msg_lang), **values)) \
                from None
        name = t(key, fig_lang)
        if sel.mode == "index":
            title = t("nb03_tile_index_title", fig_lang, indicator=name, start=start, end=end)
            label = t("index_label", fig_lang, year=start)
        else:
            title = t("nb03_tile_title", fig_lang, indicator=name, year=end)
            label = t(unit, fig_lang) if has_term(unit) else unit
        data = pd.DataFrame({"region": vals.index, "year": end, "value": vals.to_numpy()})
        return {"data": data, "title": title, "source": source, "ylabel": label,
                "grouping_sel": sel.choice, "cbar_label": label, "alt_title": title}

    return prepare


def tile_explorer(frame: pd.DataFrame, years: Iterable[int], *, grouping: str, indicator: str,
                  start: int, end: int, break_year: int | None = None,
                  no_crossing: Iterable[str] = (), lang: str | None = None) -> Any:
    """The city explorer: a control panel (grouping, indicator, years, level/index) wired to
    the tile map (:func:`draw_tiles`, :func:`tile_prepare`).

    Args:
        frame: tidy ``region, year, indicator, value`` for the :data:`CITY_INDICATORS`.
        years: the years the slider spans.
        grouping, indicator: what the explorer opens with.
        start, end: the opening years; if ``indicator`` has no data in ``end`` it opens at
            :func:`opening_year` and says so beneath the explorer's cell (a Markdown line).
        break_year, no_crossing: see :func:`tile_values`.
        lang: ``"en"``/``"zh"``; ``None``: the run's language.

    Returns:
        The :class:`helpers.widgets.Dashboard` (it displays itself).
    """
    from helpers import widgets  # late: ipywidgets only for the explorer

    lang = resolve_lang(lang)
    open_end = opening_year(frame, indicator, end)
    if open_end != end:
        say("l03_explorer_opens", indicator=indicator_labels(lang)[indicator], year=end,
            open=open_end)
    city_groupings = [g for g in GROUPINGS if g != "bohai_rim"]
    panel = widgets.ControlPanel(
        [], list(CITY_INDICATORS), years, modes=("level", "index"),
        choices={g: t("grouping_" + g, lang) for g in city_groupings},
        choice_label=t("grouping", lang), default_choice=grouping, default_indicator=indicator,
        default_years=(min(start, open_end), open_end), lang=lang,
        indicator_labels=indicator_labels(lang))
    figure = widgets.FigurePanel("bar", figsize=(7.5, 6.2), lang=lang, updater=draw_tiles)
    return widgets.build_dashboard(panel, figure, tile_prepare(
        frame, break_year=break_year, no_crossing=no_crossing, lang=lang))

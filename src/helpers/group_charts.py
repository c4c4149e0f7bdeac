"""Charts of regions coloured by their group (e.g. Hebei's cities: coastal / inland).

Each region is drawn in its group's colour (:func:`helpers.tilemap.group_colors`); thin lines
or small marks are the regions, thick ones the groups. Series breaks go through
:mod:`helpers.plots` (:func:`~helpers.plots.split_at_breaks`, :func:`~helpers.plots.mark_breaks`):
lines are never joined across a break, which is marked with a dashed line and its note. Every
function returns ``(fig, ax or axes)`` with alt text attached for :func:`helpers.plots.show`;
titles and labels are passed in the figure's language.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.colors import ListedColormap
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from helpers import plots
from helpers.i18n import join, region_label, t

__all__ = ["beta_chart", "decomposition_chart", "group_bar_chart", "group_legend",
           "group_lines", "group_lines_chart", "sector_share_chart", "status_chart",
           "two_year_chart"]


def _group_names(colors: Mapping[str, str], lang: str) -> list[str]:
    return [t("group_" + g, lang) for g in colors]


def group_legend(ax: Axes, colors: Mapping[str, str], lang: str, *, lines: bool = False,
                 **kwargs) -> None:
    """Legend with one entry per group: a thick line (``lines``) or a patch in its colour."""
    handles = [Line2D([], [], color=c, lw=3) if lines else Patch(color=c)
               for c in colors.values()]
    ax.legend(handles, _group_names(colors, lang), **kwargs)


def group_lines(ax: Axes, members: pd.DataFrame, totals: pd.DataFrame,
                group_of: Mapping[str, str], colors: Mapping[str, str], *,
                breaks: plots.BreakSpec = None, split: bool = True,
                markers: bool = True) -> list:
    """Thin lines for the regions and thick lines for the groups, in the groups' colours.

    Args:
        ax: the Axes.
        members: regions as rows, years as columns.
        totals: groups as rows, years as columns (group totals or means).
        group_of: ``{region: group}``; colors: ``{group: colour}``.
        breaks: series breaks (:func:`helpers.plots.normalize_breaks`), marked on the axes.
        split: do not join lines across a break (False: continuous lines, the break only
            marked, e.g. a change of release that does not change the basis).
        markers: dots on the group lines.

    Returns:
        The break marks drawn (:func:`helpers.plots.mark_breaks`).
    """
    def xy(row: pd.Series) -> tuple[np.ndarray, np.ndarray]:
        x, y = row.index.to_numpy(dtype=float), row.to_numpy(dtype=float)
        return plots.split_at_breaks(x, y, breaks) if split else (x, y)

    for r, row in members.iterrows():
        ax.plot(*xy(row), color=colors[group_of[r]], lw=0.8 if markers else 1.2,
                alpha=0.45 if markers else 0.6)
    for g, row in totals.iterrows():
        ax.plot(*xy(row), color=colors[g], lw=3, marker="o" if markers else None, ms=3)
    return plots.mark_breaks(ax, breaks, list(members.columns)) if breaks else []


def sector_share_chart(shares: pd.DataFrame, totals: pd.DataFrame, years: Sequence[int],
                       group_of: Mapping[str, str], colors: Mapping[str, str], *,
                       title: str, source: str, breaks: plots.BreakSpec = None,
                       lang: str | None = None) -> tuple[Figure, np.ndarray]:
    """Three panels (primary, secondary, tertiary share of GDP): regions thin, groups thick.

    Args:
        shares: tidy ``region, year, indicator, value`` (:func:`helpers.group_stats.
            sector_shares_of_gdp`); totals: tidy ``group, year, indicator, value``
            (:func:`helpers.group_stats.group_shares`).
        years: the years drawn.
        Other arguments as in :func:`group_lines`; title and source in ``lang``.
    """
    lang = plots.plot_lang(lang)
    fig = plots.new_figure(figsize=(11, 4.2))[0]
    fig.clear()
    axes = fig.subplots(1, 3, sharey=False)
    marks = []
    for ax, name in zip(axes, ("primary_share", "secondary_share", "tertiary_share"),
                        strict=True):
        wide = shares[shares["indicator"] == name].pivot(index="region", columns="year",
                                                         values="value")
        tot = totals[totals["indicator"] == name].pivot(index="group", columns="year",
                                                        values="value")
        marks = group_lines(ax, wide.reindex(index=list(group_of), columns=list(years)),
                            tot.reindex(index=list(colors), columns=list(years)), group_of,
                            colors, breaks=breaks)
        ax.set_title(t(name, lang), fontsize=12)
        ax.set_ylabel("%")
    group_legend(axes[-1], colors, lang, lines=True, loc="upper left",
                 bbox_to_anchor=(1.02, 1.0))
    fig.suptitle(title, x=0.01, ha="left", fontweight="bold")
    plots.add_source_note(fig, source, lang)
    plots.set_alt_text(fig, " ".join([f"{title}, {years[0]}-{years[-1]}.",
                                      *(plots.break_alt_text(m, lang) for m in marks)]))
    return fig, axes


def group_lines_chart(members: pd.DataFrame, totals: pd.DataFrame,
                      group_of: Mapping[str, str], colors: Mapping[str, str], *, title: str,
                      ylabel: str, source: str, breaks: plots.BreakSpec = None,
                      split: bool = True, lang: str | None = None) -> tuple[Figure, Axes]:
    """One panel of :func:`group_lines` (regions thin, group means thick) with a legend."""
    lang = plots.plot_lang(lang)
    fig, ax = plots.new_figure(figsize=(9, 4.5))
    marks = group_lines(ax, members, totals, group_of, colors, breaks=breaks, split=split,
                        markers=False)
    group_legend(ax, colors, lang, lines=True, loc="upper left")
    ax.set_title(title)
    ax.set_ylabel(ylabel)
    plots.add_source_note(fig, source, lang)
    years = list(members.columns)
    plots.set_alt_text(fig, " ".join([f"{title}, {years[0]}-{years[-1]}.",
                                      *(plots.break_alt_text(m, lang) for m in marks if split)]))
    return fig, ax


def group_bar_chart(values: pd.Series, group_of: Mapping[str, str],
                    colors: Mapping[str, str], *, title: str, xlabel: str, source: str,
                    lang: str | None = None) -> tuple[Figure, Axes]:
    """Horizontal bars, one per region in ascending order, coloured by group, value written
    beside each bar (a missing value: no bar, "n/a")."""
    lang = plots.plot_lang(lang)
    values = values.sort_values()
    fig, ax = plots.new_figure(figsize=(8, 5))
    ax.barh([region_label(r, lang) for r in values.index], values.fillna(0).to_numpy(),
            color=[colors[group_of[r]] for r in values.index])
    for i, v in enumerate(values.to_numpy()):
        ax.text(v if np.isfinite(v) else 0, i, " " + (plots.fmt_number(v) if np.isfinite(v)
                                                        else t("nb03_not_available", lang)),
                va="center", fontsize=10)
    group_legend(ax, colors, lang, loc="lower right")
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.grid(axis="y", visible=False)
    plots.add_source_note(fig, source, lang)
    plots.set_alt_text(fig, title + ". " + "; ".join(
        f"{region_label(r, lang)} {plots.fmt_number(v)}" for r, v in values.dropna().items()))
    return fig, ax


def two_year_chart(wide: pd.DataFrame, group_of: Mapping[str, str], colors: Mapping[str, str],
                   *, title: str, xlabel: str, source: str,
                   lang: str | None = None) -> tuple[Figure, Axes]:
    """A dot per region and year (first year hollow circles, last year squares) joined by a
    grey line; regions ordered by the last year's value.

    Args:
        wide: regions as rows, exactly the two years as columns (e.g. GDP per person at the
            2010 and 2020 censuses).
    """
    lang = plots.plot_lang(lang)
    first, last = wide.columns[0], wide.columns[-1]
    order = wide[last].sort_values().index
    fig, ax = plots.new_figure(figsize=(8, 5))
    for i, r in enumerate(order):
        ax.plot(wide.loc[r, [first, last]], [i, i], color="#999999", lw=1.5, zorder=1)
        for y, marker in ((first, "o"), (last, "s")):
            ax.scatter(wide.loc[r, y], i, color=colors[group_of[r]], marker=marker, s=55,
                       zorder=2, facecolor="white" if y == first else None)
    ax.set_yticks(range(len(order)), [region_label(r, lang) for r in order])
    ax.set_xlabel(xlabel)
    ax.legend([Line2D([], [], color="#555555", marker=m, ls="", mfc=f)
               for m, f in (("o", "white"), ("s", "#555555"))]
              + [Patch(color=c) for c in colors.values()],
              [str(first), str(last), *_group_names(colors, lang)], loc="lower right",
              fontsize=10)
    ax.set_title(title)
    ax.grid(axis="y", visible=False)
    plots.add_source_note(fig, source, lang)
    plots.set_alt_text(fig, title + ". " + "; ".join(
        f"{region_label(r, lang)} {plots.fmt_number(wide.loc[r, first])} -> "
        f"{plots.fmt_number(wide.loc[r, last])}" for r in order))
    return fig, ax


def decomposition_chart(decomp: Mapping[tuple[str, int], Mapping[str, float]], *, title: str,
                        source: str, lang: str | None = None) -> tuple[Figure, Axes]:
    """Stacked bars of Theil indices: between-group part below, within-group part above, the
    between-group share written on top.

    Args:
        decomp: ``{(kind, year): theil_decomposition(...)}`` with kind ``"T"`` or ``"L"``.
    """
    lang = plots.plot_lang(lang)
    keys = list(decomp)
    labels = [f"{t('theil_' + k.lower(), lang).split(' (')[0]}\n{y}" for k, y in keys]
    between = [decomp[k]["between"] for k in keys]
    within = [decomp[k]["within"] for k in keys]
    fig, ax = plots.new_figure(figsize=(8, 4.5))
    x = np.arange(len(keys))
    ax.bar(x, between, color=plots.OKABE_ITO["vermillion"], label=t("between_groups", lang))
    ax.bar(x, within, bottom=between, color=plots.OKABE_ITO["sky_blue"],
           label=t("within_groups", lang))
    for i, (b, w) in enumerate(zip(between, within, strict=True)):
        ax.text(i, b + w, f"{b / (b + w):.0%}", ha="center", va="bottom", fontsize=10)
    ax.set_xticks(x, labels)
    ax.legend(loc="upper right")
    ax.set_title(title)
    ax.grid(axis="x", visible=False)
    plots.add_source_note(fig, source, lang)
    plots.set_alt_text(fig, title + ". " + join(
        [t("nb03_alt_between_within", lang, label=lab.replace("\n", " "), between=b, within=w)
         for lab, b, w in zip(labels, between, within, strict=True)], lang))
    return fig, ax


def beta_chart(fit: Mapping[str, object], group_of: Mapping[str, str],
               colors: Mapping[str, str], *, title: str, xlabel: str, ylabel: str,
               source: str, lang: str | None = None) -> tuple[Figure, Axes]:
    """β-convergence scatter: initial log level against average log growth, each region in
    its group's colour and named, with the fitted OLS line (dashed).

    Args:
        fit: the result of :func:`helpers.inequality.beta_convergence`.
    """
    lang = plots.plot_lang(lang)
    tab = fit["table"]
    fig, ax = plots.new_figure(figsize=(8, 5))
    for i, (r, row) in enumerate(tab.sort_values("ln_y_start").iterrows()):
        ax.scatter(row["ln_y_start"], row["growth"], color=colors[group_of[r]], s=50, zorder=3)
        ax.annotate(region_label(r, lang), (row["ln_y_start"], row["growth"]),
                    textcoords="offset points", xytext=(5, 4 if i % 2 else -12), fontsize=9)
    xs = np.linspace(tab["ln_y_start"].min(), tab["ln_y_start"].max(), 20)
    ax.plot(xs, fit["alpha"] + fit["beta"] * xs, color="#333333", lw=1.5, ls="--")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    group_legend(ax, colors, lang, loc="upper right", fontsize=10)
    plots.add_source_note(fig, source, lang)
    plots.set_alt_text(fig, title + ". " + t("nb03_alt_beta", lang, beta=fit["beta"],
                                             p=fit["p_value"], n=fit["n"]))
    return fig, ax


def status_chart(grid: pd.DataFrame, order: Sequence[str], palette: Sequence[str], *,
                 title: str, source: str, breaks: plots.BreakSpec = None,
                 lang: str | None = None) -> tuple[Figure, Axes]:
    """A grid of region-years coloured by status (e.g. :func:`helpers.data_quality.
    status_grid`), with a legend of the statuses and series breaks marked.

    Args:
        grid: status keys, regions as rows, years as columns.
        order: the status keys (catalogue labels), in legend order; palette: their colours.
    """
    lang = plots.plot_lang(lang)
    years = list(grid.columns)
    fig, ax = plots.new_figure(figsize=(10, 5.2))
    ax.imshow(grid.map(list(order).index).to_numpy(), aspect="auto",
              cmap=ListedColormap(list(palette)), vmin=-0.5, vmax=len(order) - 0.5,
              interpolation="none")
    ax.set_yticks(range(len(grid)), [region_label(r, lang) for r in grid.index])
    ax.set_xticks(range(0, len(years), 2), years[::2], rotation=45)
    ax.grid(False)
    for b, note in plots.normalize_breaks(breaks, lang):  # imshow's x is the column position
        if years[0] < b <= years[-1]:
            x = years.index(int(b)) - 0.5
            plots.draw_break_mark(ax, x, note, note_left=plots.note_on_left(x, range(len(years))))
    ax.legend([Patch(color=c) for c in palette], [t(k, lang) for k in order],
              loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=10)
    ax.set_title(title)
    plots.add_source_note(fig, source, lang)
    counts = grid.stack().value_counts()
    plots.set_alt_text(fig, title + ". " + t("nb03_alt_city_years", lang, counts=join(
        [f"{t(k, lang)}: {int(counts.get(k, 0))}" for k in order], lang)))
    return fig, ax

"""Charts of the structure measures (:mod:`helpers.structure`) against their national context.

* :func:`band_chart`: the chosen regions' lines over a grey band, the range (min to max) of
  every region in the frame each year. With a series break the band and the lines are drawn in
  separate segments around it (a dashed line and a note, :mod:`helpers.plots`), so values are
  never joined across a change of statistical basis.
* :func:`measure_view`: what a dashboard (:func:`helpers.widgets.build_dashboard`) draws for a
  selection of regions, one measure and a year range.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import pandas as pd

from helpers import plots

__all__ = ["band_chart", "measure_view"]


def _segments(band: pd.DataFrame, breaks: Mapping[int, str] | None) -> list[pd.DataFrame]:
    """``band`` (indexed by year) cut before each break year; empty pieces dropped."""
    cuts = sorted(breaks or {})
    pieces, start = [], None
    for year in cuts:
        pieces.append(band.loc[start:year - 1])
        start = year
    pieces.append(band.loc[start:])
    return [p for p in pieces if len(p)]


def band_chart(frame: pd.DataFrame, regions: Sequence[str], *, highlight: str, title: str,
               band_label: str, source: str, breaks: Mapping[int, str] | None = None,
               lang: str | None = None):
    """Lines of ``regions`` over the grey range band of every region in ``frame``.

    Args:
        frame: columns region, year, value (e.g. :func:`helpers.structure.measure_frame`),
            holding every region of the context band.
        regions: regions drawn as lines (``highlight`` in the highlight colour).
        title: the chart title; ``band_label``: legend text of the band.
        source: the source note (``"<table>, <vintage>"``).
        breaks: ``{first year of the new series: note}``; band and lines split there.
        lang: language of the source prefix and alt text (None: the run's).

    Returns:
        The matplotlib Figure (alt text attached; show it with :func:`helpers.plots.show`).
    """
    fig, ax = plots.new_figure(figsize=(8.5, 4.5))
    band = frame.groupby("year")["value"].agg(["min", "max"])
    for i, seg in enumerate(_segments(band, breaks)):
        ax.fill_between(seg.index, seg["min"], seg["max"], color=plots.CONTEXT_COLOR, alpha=0.35,
                        lw=0, label=None if i else band_label)
    mine = frame[frame["region"].isin(list(regions))]
    plots.line_chart(mine, ax=ax, highlight=highlight, lang=lang, title=title, ylabel="",
                     source=source, breaks=breaks or None)
    return fig


def measure_view(measures: pd.DataFrame, titles: Mapping[str, str], *, source: str,
                 notes: Mapping[str, str] | None = None,
                 breaks: Mapping[str, Mapping[int, str]] | None = None,
                 ) -> Callable[[Any], dict[str, Any]]:
    """A dashboard's ``prepare(selection)`` for a :func:`helpers.structure.structure_measures`
    frame: the selected regions, measure (``selection.indicator``) and years.

    Args:
        measures: output of ``structure_measures`` (every region and year).
        titles: chart title by measure.
        source: the source note of every measure; ``notes`` adds text to it by measure (e.g.
            the employment table for the Theil index).
        breaks: series breaks by measure (``{measure: {year: note}}``).
    """
    notes, breaks = dict(notes or {}), dict(breaks or {})
    frames = {m: measures.loc[(measures["measure"] == m) & measures["value"].notna(),
                              ["region", "year", "value"]] for m in titles}

    def prepare(sel: Any) -> dict[str, Any]:
        d = frames[sel.indicator]
        d = d[d["region"].isin(sel.regions) & d["year"].between(*sel.years)]
        return {"data": d.reset_index(drop=True), "title": titles[sel.indicator], "ylabel": "",
                "source": source + notes.get(sel.indicator, ""),
                "breaks": breaks.get(sel.indicator)}

    return prepare

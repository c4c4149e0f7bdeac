"""What the digital-index explorer draws: weights or ranks for any choice of indicators.

Lesson 04's explorer lets a student pick indicators and years in a
:class:`helpers.widgets.ControlPanel`; for each selection, :class:`IndexExplorer` recomputes the
entropy weights and the index (:func:`helpers.digital.digital_index`) on the province-years
that have every selected indicator, and says which sample that was. The lesson wires it up::

    view = IndexExplorer(PANEL, region)
    panel = ControlPanel(list(CANDIDATES), list(view.views), DATA_YEARS, modes=(), ...,
                         indicator_labels=view.views, ok_message=view.status)
    dashboard = build_dashboard(panel, FigurePanel("bar", highlight=region), view.prepare)

Results are cached by (indicators, years), so going back to an earlier selection is instant.
Every text comes from the catalogue (``digital_explorer_*``) in the run's language.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

import pandas as pd

from helpers import regions
from helpers.digital import CANDIDATES, digital_index, indicator_labels, year_ranks
from helpers.i18n import join, region_label, resolve_lang, t
from helpers.widgets import Selection, SelectionError

__all__ = ["IndexExplorer"]

Result = tuple[pd.Series, pd.Series, pd.Series]


class IndexExplorer:
    """Weights, index and ranks for a selection of indicators, and the explorer's texts.

    Args:
        panel: a :func:`helpers.digital.scaled_panel`.
        region: the province whose rank the title names.
        lang: ``"en"`` or ``"zh"`` (``None``: the run's language).

    Attributes:
        views: ``{"ranks": label, "weights": label}``, the two things the figure can show.
    """

    #: Index computations kept (least recently used dropped first).
    CACHE_SIZE = 128

    def __init__(self, panel: pd.DataFrame, region: str, lang: str | None = None) -> None:
        self.panel = panel
        self.region = region
        self.lang = resolve_lang(lang)
        self.labels = indicator_labels(self.lang)
        self.views = {"ranks": t("digital_explorer_view_ranks", self.lang),
                      "weights": t("entropy_weight", self.lang)}
        self._cache: OrderedDict[tuple, Result] = OrderedDict()  # LRU, CACHE_SIZE entries

    def compute(self, indicators: tuple[str, ...], years: tuple[int, int]) -> Result:
        """``(weights, index, ranks)`` of ``indicators`` over ``years`` (cached).

        Raises:
            SelectionError: fewer than two indicators, or no complete province-year.
        """
        key = (tuple(indicators), tuple(years))
        if key in self._cache:
            self._cache.move_to_end(key)
        else:
            if len(indicators) < 2:
                raise SelectionError(t("digital_explorer_two", self.lang))
            try:
                index, weights = digital_index(indicators, years[0], years[1], panel=self.panel)
            except ValueError:
                raise SelectionError(t("digital_explorer_no_sample", self.lang, start=years[0],
                                       end=years[1], codes=join(indicators, self.lang))) from None
            self._cache[key] = (weights, index, year_ranks(index))
            if len(self._cache) > self.CACHE_SIZE:  # bounded: 2^13 indicator sets exist
                self._cache.popitem(last=False)
        return self._cache[key]

    @staticmethod
    def chosen(sel: Selection) -> tuple[str, ...]:
        """The selected indicators, in the order of :data:`helpers.digital.CANDIDATES`."""
        return tuple(c for c in CANDIDATES if c in sel.regions)

    def status(self, sel: Selection) -> str:
        """The status line after an update: how many indicators, provinces, years, who is out."""
        w, s, _ = self.compute(self.chosen(sel), sel.years)
        yrs = s.index.get_level_values("year")
        out = sorted(set(regions.PROVINCES) - set(s.index.get_level_values("region")))
        left_out = (t("digital_explorer_left_out", self.lang,
                      regions=join((region_label(r, self.lang) for r in out), self.lang))
                    if out else "")
        return t("digital_explorer_status", self.lang, k=len(w),
                 n=s.index.get_level_values("region").nunique(), start=yrs.min(),
                 end=yrs.max(), left_out=left_out)

    def prepare(self, sel: Selection) -> dict[str, Any]:
        """What :class:`helpers.widgets.FigurePanel` draws for ``sel`` (data, title, labels)."""
        w, s, ranks = self.compute(self.chosen(sel), sel.years)
        yrs = sorted(s.index.get_level_values("year").unique())
        first, last = yrs[0], yrs[-1]
        name = region_label(self.region, self.lang)
        if sel.indicator == "weights":
            data = pd.DataFrame({"region": [self.labels[c] for c in w.index], "year": last,
                                 "value": w.to_numpy()})
            title = t("digital_explorer_title_weights", self.lang, view=self.views["weights"],
                      start=first, end=last)
            ylabel = t("entropy_weight", self.lang)
        else:
            data = s.xs(last, level="year").rename("value").reset_index().assign(year=last)
            rank = ranks.get((self.region, last))
            title = (t("digital_explorer_title_ranks", self.lang, view=self.views["ranks"],
                       year=last, region=name, rank=rank, n=len(data)) if rank is not None
                     else t("digital_explorer_title_unranked", self.lang,
                            view=self.views["ranks"], year=last, region=name))
            ylabel = t("digital_axis_index", self.lang)
        return {"data": data[["region", "year", "value"]], "title": title, "ylabel": ylabel,
                "source": t("digital_explorer_source", self.lang, start=first, end=last,
                            n=s.index.get_level_values("region").nunique())}

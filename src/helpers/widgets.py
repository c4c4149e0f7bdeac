"""One reusable control panel for every lesson, and a figure panel fast enough for Voila.

* :class:`ControlPanel` - regions, indicator, year range and level/share/index, with labels from
  the glossary (``lang``). An invalid choice (no region, a year range without data years) is
  explained in the panel's status line, naming the problem and the allowed values; callbacks
  are not called, so the figure keeps its last valid state. The list may hold other items
  (``items_label``: indicators, regression controls; ``allow_empty``), an extra single-choice
  dropdown gives ``selection.choice`` (``choices``), and ``ok_message`` words the status line.
* :class:`FigurePanel` - ONE matplotlib figure, created once (Agg, not pyplot-managed), whose
  artists are updated in place and rendered to a PNG ``<img>`` with alt text (a custom
  updater may return its own); rendered images are cached per selection, so revisiting a
  selection costs no drawing at all. A full seaborn redraw into an ``Output`` widget measured
  156 ms of kernel time per change. Kernel time per uncached update on this 2-core machine
  (median of 30, load ~1.5): 31 provinces as bars ~36-42 ms, 2-5 lines ~29-36 ms (before the
  80 dpi / text-layout cache / direct PNG encoding changes: ~53-60 and ~40-47 ms).
* :class:`DataTable` - an OWID-style "Show the data" toggle with the table and its source.
* :func:`build_dashboard` wires a panel to a figure; :func:`explorer` builds all of it from a
  tidy frame in one call.
* Series breaks (a change of statistical basis, a census revision): ``FigurePanel("line",
  breaks={2020: note})`` or ``update(..., breaks=...)`` draws separate segments, never joined
  across the break, with a dashed vertical line and the note.

Usage in a lesson::

    from helpers.data import load
    from helpers.widgets import explorer
    df = load("province_gdp", regions=BOHAI_RIM, years=(2016, 2024))
    explorer(df, source="province_gdp, post-5th-census vintage", lang=language,
             denominators={"va_primary": "gdp", "va_secondary": "gdp", "va_tertiary": "gdp"})
"""

from __future__ import annotations

import html
import traceback
from collections import OrderedDict
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import ipywidgets as widgets
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import (
    FixedFormatter,
    FixedLocator,
    MaxNLocator,
    ScalarFormatter,
    StrMethodFormatter,
)

from helpers import plots, render
from helpers.i18n import join, label, region_label, resolve_lang, t, unit_label

#: Display modes of the control panel.
MODES: tuple[str, ...] = ("level", "share", "index")


class SelectionError(ValueError):
    """A selection that cannot be drawn; its message is shown in the panel's status line."""


@dataclass(frozen=True)
class Selection:
    """The current choice in a :class:`ControlPanel`.

    Attributes:
        regions: selected region names (English, as in the data), in the panel's order.
        indicator: indicator code (e.g. ``"va_secondary"``).
        years: ``(start, end)``, inclusive.
        mode: ``"level"``, ``"share"`` or ``"index"``.
        choice: value of the panel's optional single-choice dropdown (``choices=``), or None
            when the panel has none (e.g. the grouping of lesson 03, the outcome of 05).
    """

    regions: tuple[str, ...]
    indicator: str
    years: tuple[int, int]
    mode: str
    choice: str | None = None

    @property
    def key(self) -> tuple:
        """Hashable key for caches."""
        base = (self.regions, self.indicator, self.years, self.mode)
        return base if self.choice is None else (*base, self.choice)


def _listing(values: Sequence[object], limit: int = 12) -> str:
    vals = [str(v) for v in values]
    return ", ".join(vals) if len(vals) <= limit else ", ".join(vals[:limit]) + ", ..."


def validate_selection(
    sel: Selection,
    *,
    regions: Sequence[str],
    indicators: Sequence[str],
    years: Sequence[int],
    modes: Sequence[str] = MODES,
    lang: str | None = None,
    allow_empty: bool = False,
    items_label: str | None = None,
    item_labels: Mapping[str, str] | None = None,
) -> str | None:
    """The problem with ``sel`` as a message naming the allowed values, or None if it is valid.

    Checks, in order: at least one region (unless ``allow_empty``), all regions known, the
    indicator known, the mode offered, and at least one data year inside the year range.

    Args:
        allow_empty: an empty selection list is valid (e.g. "no controls").
        items_label: what the selection list holds when it is not regions (e.g.
            "Indicators"); messages then name it instead of "region".
        item_labels: display names of the list's items (default: region names).
    """
    def shown(r: str) -> str:
        return (item_labels or {}).get(r, region_label(r, lang))

    if not sel.regions and not allow_empty:
        allowed = _listing([shown(r) for r in regions])
        if items_label is None:
            return t("msg_no_regions", lang, allowed=allowed)
        return t("msg_no_items", lang, items=items_label, allowed=allowed)
    bad = [r for r in sel.regions if r not in regions]
    if bad:
        if items_label is None:
            return t("msg_unknown_regions", lang, bad=", ".join(bad), allowed=_listing(regions))
        return t("msg_unknown_items", lang, items=items_label, bad=", ".join(bad),
                 allowed=_listing(regions))
    if sel.indicator not in indicators:
        return t("msg_unknown_indicator", lang, bad=sel.indicator, allowed=_listing(indicators))
    if modes and sel.mode not in modes:
        return t("msg_unknown_mode", lang, bad=sel.mode, allowed=", ".join(modes))
    start, end = sel.years
    if not any(start <= y <= end for y in years):
        return t("msg_empty_years", lang, start=start, end=end, allowed=_listing(sorted(years)))
    return None


def _status_html(text: str, kind: str) -> str:
    if not text:
        return '<div role="status" aria-live="polite"></div>'
    color, mark = {"error": ("#A4161A", "&#9888; "), "info": ("#444444", "")}[kind]
    return (f'<div role="status" aria-live="polite" style="color:{color};font-size:1.05em">'
            f"{mark}{html.escape(text)}</div>")


class ControlPanel:
    """The kit's one control panel: regions, indicator, year range and display mode.

    The multi-select list usually offers regions; with ``items_label`` it offers anything
    else (indicators, regression controls), and ``allow_empty`` lets it be empty. An optional
    single-choice dropdown (``choices``) adds one more setting (a grouping, an outcome) whose
    value arrives as ``selection.choice``.

    Args:
        regions: region names offered (English, as in the data).
        indicators: indicator codes offered.
        years: the data years (any iterable of ints; the slider spans min..max).
        modes: display modes offered (subset of :data:`MODES`); empty hides the toggle.
        default_regions: initially selected regions (default Hebei if offered, else the first).
        default_indicator: initial indicator (default the first).
        default_years: initial ``(start, end)`` (default the full span).
        default_mode: initial mode (default the first of ``modes``).
        lang: ``"en"`` or ``"zh"`` for every description and message.
        region_labels, indicator_labels: display names overriding the glossary.
        items_label: description of the multi-select list when it does not hold regions
            (e.g. ``t("indicators", lang)``, ``t("controls", lang)``); status messages then
            name it ("Nothing selected in Indicators", "Indicators: 3 selected; ...").
        allow_empty: an empty list is a valid selection (e.g. "no controls"); the callbacks
            then get ``selection.regions == ()``.
        indicator_label: description of the indicator dropdown (default "Indicator").
        choices: options of an extra single-choice dropdown: codes, or ``{code: label}``.
            Its value is ``selection.choice``. With ``choices``, ``regions`` may be empty:
            the list is then hidden and ``selection.regions`` is ``()``.
        choice_label: description of that dropdown.
        default_choice: its initial value (default the first option).
        ok_message: status text after a successful update (:meth:`ok_text`): a template
            with ``{n}``, ``{start}``, ``{end}``, ``{items}``, ``{choice}``, or a function of
            the selection returning the text (e.g. the sample an index was computed on).
            Default: "Showing N region(s), start-end" (worded for ``items_label`` if given).

    Attributes:
        widget: the ipywidgets ``VBox`` (the panel also displays itself).
        status: ``HTML`` status line (``role="status"``) with validation messages.
        log: ``Output`` widget holding tracebacks of failed callbacks.
        choice_widget: the single-choice ``Dropdown`` (None without ``choices``).

    Example::

        panel = ControlPanel(["Hebei", "Beijing"], ["gdp"], range(2016, 2025), lang="zh")
        panel.observe(lambda sel: print(sel.regions, sel.years))
        panel

        # a list of regression controls (may be empty) and an outcome dropdown
        ControlPanel(["urbanisation", "rd_intensity"], ["beta"], range(2016, 2023), modes=(),
                     items_label=t("controls", lang), allow_empty=True, default_regions=[],
                     choices={"upgrading": "Upgrading", "advancement": "Advancement"},
                     choice_label=t("outcome", lang))
    """

    def __init__(
        self,
        regions: Sequence[str],
        indicators: Sequence[str],
        years: Sequence[int],
        modes: Sequence[str] = MODES,
        *,
        default_regions: Sequence[str] | None = None,
        default_indicator: str | None = None,
        default_years: tuple[int, int] | None = None,
        default_mode: str | None = None,
        lang: str | None = None,
        region_labels: Mapping[str, str] | None = None,
        indicator_labels: Mapping[str, str] | None = None,
        items_label: str | None = None,
        allow_empty: bool = False,
        indicator_label: str | None = None,
        choices: Sequence[str] | Mapping[str, str] | None = None,
        choice_label: str | None = None,
        default_choice: str | None = None,
        ok_message: str | Callable[[Selection], str] | None = None,
    ) -> None:
        self.lang = resolve_lang(lang)
        self.regions = list(dict.fromkeys(regions))
        self.indicators = list(dict.fromkeys(indicators))
        self.years = sorted({int(y) for y in years})
        self.modes = tuple(modes)
        self.items_label = items_label
        self.allow_empty = bool(allow_empty)
        self.ok_message = ok_message
        choice_opts = (dict(choices) if isinstance(choices, Mapping)
                       else {c: c for c in choices} if choices is not None else {})
        self.choices = list(choice_opts)
        if choices is not None and not self.choices:
            raise ValueError("choices must offer at least one option")
        if ((not self.regions and not self.choices) or not self.indicators
                or not self.years):
            raise ValueError("ControlPanel needs at least one region, indicator and year; got "
                             f"{len(self.regions)}, {len(self.indicators)}, {len(self.years)}")
        bad_modes = [m for m in self.modes if m not in MODES]
        if bad_modes:
            raise ValueError(f"unknown modes {bad_modes}; allowed: {', '.join(MODES)}")
        if default_choice is not None and default_choice not in choice_opts:
            raise ValueError(f"default_choice {default_choice!r} is not among the choices "
                             f"offered: {_listing(self.choices)}")
        rl, il = dict(region_labels or {}), dict(indicator_labels or {})
        self._item_labels = rl
        if default_regions is None:
            default_regions = ["Hebei"] if "Hebei" in self.regions else self.regions[:1]
        missing = [r for r in default_regions if r not in self.regions]
        if missing:
            raise ValueError(f"default_regions {missing} are not among the regions offered: "
                             f"{_listing(self.regions)}")
        lo, hi = self.years[0], self.years[-1]
        default_years = default_years or (lo, hi)
        L = self.lang
        style = {"description_width": "8em"}
        self.regions_widget = widgets.SelectMultiple(
            options=[(rl.get(r, region_label(r, L)), r) for r in self.regions],
            value=tuple(default_regions), rows=max(1, min(8, len(self.regions))),
            description=items_label or t("regions", L), style=style,
            layout=widgets.Layout(display=None if self.regions else "none"),
        )
        self.choice_widget = widgets.Dropdown(
            options=[(lab, c) for c, lab in choice_opts.items()],
            value=default_choice or self.choices[0], description=choice_label or "",
            style=style, layout=widgets.Layout(width="28em"),
        ) if self.choices else None
        self.indicator_widget = widgets.Dropdown(
            options=[(il.get(i, label(i, L)), i) for i in self.indicators],
            value=default_indicator or self.indicators[0],
            description=indicator_label or t("indicator", L),
            style=style, layout=widgets.Layout(width="28em"),
        )
        self.years_widget = widgets.IntRangeSlider(
            min=lo, max=hi, step=1, value=tuple(default_years), description=t("year_range", L),
            continuous_update=False, style=style, layout=widgets.Layout(width="28em"),
        )
        self.mode_widget = widgets.ToggleButtons(
            options=[(t(m, L), m) for m in self.modes] or [("", "level")],
            value=default_mode or (self.modes[0] if self.modes else "level"),
            description=t("mode", L), style=style,
            layout=widgets.Layout(display=None if self.modes else "none"),
        )
        self.status = widgets.HTML(_status_html("", "info"))
        self.log = widgets.Output(layout=widgets.Layout(max_height="12em", overflow="auto"))
        column = [self.choice_widget] if self.choice_widget is not None else []
        self.widget = widgets.VBox([
            widgets.HBox([self.regions_widget,
                          widgets.VBox([*column, self.indicator_widget, self.years_widget,
                                        self.mode_widget])]),
            self.status,
        ])
        self._callbacks: list[Callable[[Selection], Any]] = []
        self.last_valid: Selection | None = self.value if self.validate() is None else None
        for w in (self.regions_widget, self.indicator_widget, self.years_widget,
                  self.mode_widget, *column):
            w.observe(self._on_change, names="value")

    @classmethod
    def from_frame(cls, data: pd.DataFrame, **kwargs: Any) -> ControlPanel:
        """A panel offering the regions, indicators and years found in a tidy frame.

        Region order follows the data; Hebei is selected by default. Keyword arguments are
        passed to the constructor (``modes``, ``lang``, defaults, labels).
        """
        return cls(list(dict.fromkeys(data["region"])), list(dict.fromkeys(data["indicator"])),
                   sorted(data["year"].dropna().astype(int).unique()), **kwargs)

    # -- state ----------------------------------------------------------------------------
    @property
    def value(self) -> Selection:
        """The current :class:`Selection` (valid or not; see :meth:`validate`)."""
        start, end = self.years_widget.value
        choice = self.choice_widget.value if self.choice_widget is not None else None
        return Selection(tuple(self.regions_widget.value), self.indicator_widget.value,
                         (int(start), int(end)), self.mode_widget.value, choice)

    def validate(self, sel: Selection | None = None) -> str | None:
        """Problem with ``sel`` (default: the current selection) or None."""
        return validate_selection(sel or self.value, regions=self.regions,
                                  indicators=self.indicators, years=self.years,
                                  modes=self.modes, lang=self.lang,
                                  allow_empty=self.allow_empty or not self.regions,
                                  items_label=self.items_label, item_labels=self._item_labels)

    def ok_text(self, sel: Selection | None = None) -> str:
        """Status text after a successful update of ``sel`` (see ``ok_message``)."""
        sel = sel or self.value
        start, end = sel.years
        if callable(self.ok_message):
            return self.ok_message(sel)
        if self.ok_message is not None:
            return self.ok_message.format(n=len(sel.regions), start=start, end=end,
                                          items=self.items_label or t("regions", self.lang),
                                          choice=sel.choice)
        if not self.regions:
            return t("msg_ok_years", self.lang, start=start, end=end)
        if self.items_label is not None:
            return t("msg_ok_items", self.lang, items=self.items_label, n=len(sel.regions),
                     start=start, end=end)
        return t("msg_ok", self.lang, n=len(sel.regions), start=start, end=end)

    def set_status(self, text: str = "", kind: str = "info") -> None:
        """Show ``text`` in the status line (``kind``: ``"info"`` or ``"error"``)."""
        self.status.value = _status_html(text, kind)

    @property
    def status_text(self) -> str:
        """The status line as plain text (for tests and logs)."""
        import re

        return html.unescape(re.sub(r"<[^>]+>", "", self.status.value)).replace("\u26a0 ", "")

    # -- callbacks ------------------------------------------------------------------------
    def observe(self, callback: Callable[[Selection], Any]) -> Callable[[Selection], Any]:
        """Call ``callback(selection)`` after every change that gives a VALID selection.

        Invalid selections show a message instead. If the callback raises, the status line
        says so (:class:`SelectionError` messages are shown as they are) and the traceback
        goes to :attr:`log`; the figure keeps its last valid state. Returns ``callback``, so
        it can be used as a decorator.
        """
        self._callbacks.append(callback)
        return callback

    def notify(self) -> bool:
        """Validate the current selection and call the callbacks; True if all succeeded."""
        sel = self.value
        problem = self.validate(sel)
        if problem is not None:
            self.set_status(problem, "error")
            return False
        self.set_status("")
        for cb in self._callbacks:
            try:
                cb(sel)
            except SelectionError as exc:
                self.set_status(str(exc), "error")
                return False
            except Exception as exc:  # noqa: BLE001 - shown to the user instead of vanishing
                self.set_status(t("msg_error", self.lang, error=f"{type(exc).__name__}: {exc}"),
                                "error")
                self.log.append_stderr(traceback.format_exc())
                return False
        self.last_valid = sel
        return True

    def _on_change(self, change: dict) -> None:  # noqa: ARG002 - traitlets signature
        self.notify()

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self.widget._repr_mimebundle_(**kwargs)


# ------------------------------------------------------------------------------------------
# Figure panel
# ------------------------------------------------------------------------------------------


class DataTable:
    """OWID-style "Show the data" toggle: the numbers behind the chart and their source.

    The table is only built when shown (and rebuilt on :meth:`set_data` while shown), so a
    hidden table costs nothing per update.
    """

    def __init__(self, lang: str | None = None) -> None:
        self.lang = resolve_lang(lang)
        self.toggle = widgets.ToggleButton(value=False, description=t("show_data", self.lang),
                                           icon="table", layout=widgets.Layout(width="auto"))
        self.html = widgets.HTML("")
        self.widget = widgets.VBox([self.toggle, self.html])
        self._data: pd.DataFrame | None = None
        self._source: str | None = None
        self.toggle.observe(self._refresh, names="value")

    def set_data(self, data: pd.DataFrame | None, source: str | None = None) -> None:
        """Table to show: a tidy frame (region, year, value), shown regions x years."""
        self._data, self._source = data, source
        if self.toggle.value:
            self._refresh()

    def table_html(self) -> str:
        """The HTML of the table and its source line."""
        if self._data is None or self._data.empty:
            return ""
        d = self._data
        wide = d.pivot_table(index="region", columns="year", values="value", aggfunc="first",
                             dropna=False, sort=False)
        wide.index = [region_label(r, self.lang) for r in wide.index]
        wide.columns.name = t("region", self.lang)
        body = wide.to_html(na_rep="\u2013", float_format=plots.fmt_number, border=0,
                            classes="kit-data-table")
        src = f"<p><small>{html.escape(plots.source_line(self._source, self.lang))}</small></p>" \
            if self._source else ""
        return f'<div style="overflow-x:auto">{body}</div>{src}'

    def _refresh(self, change: dict | None = None) -> None:  # noqa: ARG002
        shown = self.toggle.value
        self.toggle.description = t("hide_data" if shown else "show_data", self.lang)
        self.html.value = self.table_html() if shown else ""


Updater = Callable[..., str | None]


def _set_text(text: Any, value: str) -> None:
    """Set a Text artist's string only if it changed (keeps matplotlib's caches warm)."""
    if text.get_text() != value:
        text.set_text(value)
_DEFAULT = object()  # "not given": use the panel's setting


_THOUSANDS = StrMethodFormatter("{x:,.0f}")


def _set_value_formatter(axis: Any, magnitude: float) -> None:
    """Thousands separators (``500,000``) for large values; matplotlib's default otherwise."""
    if magnitude >= 10_000:
        axis.set_major_formatter(_THOUSANDS)
    elif axis.get_major_formatter() is _THOUSANDS:
        axis.set_major_formatter(ScalarFormatter())


def _update_lines(panel: FigurePanel, data: pd.DataFrame, *,
                  breaks: plots.BreakSpec | object = _DEFAULT, **_: Any) -> None:
    """Line updater: one Line2D per region, reused across updates (data set in place).

    ``breaks`` (default: the panel's :attr:`FigurePanel.breaks`): lines are cut at each
    series break (a NaN point, :func:`helpers.plots.split_at_breaks`) and a dashed line with
    the break's note marks it; the marker artists are reused too.
    """
    ax, lang = panel.ax, panel.plot_lang
    breaks = panel.breaks if breaks is _DEFAULT else breaks
    regions = list(dict.fromkeys(data["region"]))
    colors = plots.region_colors(regions, panel.highlight)
    groups = {r: g for r, g in data.groupby("region", sort=False)}
    for r, line in panel._lines.items():
        if r not in groups:
            line.set_visible(False)
    handles = []
    for r in regions:
        g = groups[r].sort_values("year")
        xs, ys = plots.split_at_breaks(g["year"].to_numpy(dtype=float),
                                       g["value"].to_numpy(dtype=float), breaks)
        line = panel._lines.get(r)
        if line is None:
            (line,) = ax.plot(xs, ys)
            panel._lines[r] = line
        else:
            line.set_data(xs, ys)
        is_hi = r == panel.highlight
        line.set(visible=True, color=colors[r], zorder=3 if is_hi else 2,
                 linewidth=plots.HIGHLIGHT_LINEWIDTH if is_hi else plots.OTHER_LINEWIDTH,
                 marker="o" if is_hi else "", markersize=4, label=region_label(r, lang))
        handles.append(line)
    handles.sort(key=lambda h: h.get_color() != plots.HIGHLIGHT_COLOR)
    # a new legend only when its entries change (building one measures every entry)
    legend_key = tuple((id(h), h.get_label(), h.get_color()) for h in handles)
    if ax.get_legend() is None or getattr(panel, "_legend_key", None) != legend_key:
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0),
                  borderaxespad=0, fontsize=11, handlelength=1.6)
        panel._legend_key = legend_key
    years = data["year"].to_numpy(dtype=float)
    marks = plots.break_marks(years, breaks, lang)
    for i, (x, _, _, note) in enumerate(marks):
        prev = panel._break_marks[i] if i < len(panel._break_marks) else None
        artists = plots.draw_break_mark(ax, x, note, prev,
                                        note_left=plots.note_on_left(x, years))
        if prev is None:
            panel._break_marks.append(artists)
    for artist in (a for pair in panel._break_marks[len(marks):] for a in pair):
        artist.set_visible(False)
    panel._alt_extra = [plots.break_alt_text(m, lang) for m in marks]
    vals = data["value"].to_numpy(dtype=float)
    finite = vals[np.isfinite(vals)]
    if len(years):
        lo, hi = years.min(), years.max()
        ax.set_xlim(lo - 0.3, hi + 0.3 if hi > lo else lo + 0.7)
    if finite.size:
        vmin, vmax = finite.min(), finite.max()
        pad = (vmax - vmin) * 0.06 or abs(vmax) * 0.06 or 1.0
        ax.set_ylim(vmin - pad, vmax + pad)
        _set_value_formatter(ax.yaxis, max(abs(vmin), abs(vmax)))


_BAR_HEIGHT = 0.75


def _update_bars(panel: FigurePanel, data: pd.DataFrame, **_: Any) -> None:
    """Bar updater: horizontal bars for the last year, sorted; rectangles reused in place.

    The rectangles are a pool that only grows: when the number of bars changes, the first
    ``n`` are moved into place and the rest hidden (a new ``barh`` for every change of count
    cost ~29 ms of the ~75 ms lesson 04 update, whose sample size moves with the indicators).
    """
    ax, lang = panel.ax, panel.plot_lang
    year = data["year"].max()
    d = data[data["year"] == year].sort_values("value", ascending=False, na_position="last")
    n = len(d)
    vals = d["value"].to_numpy(dtype=float)
    if len(panel._bars) < n:
        more = n - len(panel._bars)
        panel._bars.extend(ax.barh(np.zeros(more), np.zeros(more), height=_BAR_HEIGHT))
    if n != panel._nbars:
        for i, rect in enumerate(panel._bars):
            rect.set_visible(i < n)
            rect.set_y(n - 1 - i - _BAR_HEIGHT / 2)
        ax.set_ylim(-0.6, n - 0.4)
        ax.yaxis.set_major_locator(FixedLocator(np.arange(n)[::-1]))
        panel._nbars = n
    for rect, v, r in zip(panel._bars[:n], vals, d["region"], strict=True):
        rect.set_width(0.0 if np.isnan(v) else v)
        rect.set_color(plots.HIGHLIGHT_COLOR if r == panel.highlight else plots.CONTEXT_COLOR)
    # names change order with the values: swap the formatter (only when the order changed),
    # keep the fixed locator
    names = [region_label(r, lang) for r in d["region"]]
    fmt = ax.yaxis.get_major_formatter()
    if not (isinstance(fmt, FixedFormatter) and list(fmt.seq) == names):
        ax.yaxis.set_major_formatter(FixedFormatter(names))
    finite = vals[np.isfinite(vals)]
    if finite.size:
        lo, hi = min(0.0, finite.min()), max(0.0, finite.max())
        ax.set_xlim(lo * 1.05, hi * 1.05 or 1.0)
        _set_value_formatter(ax.xaxis, max(abs(lo), abs(hi)))


_UPDATERS: dict[str, Updater] = {"line": _update_lines, "bar": _update_bars}


class FigurePanel:
    """One figure, created once and updated in place, shown as a PNG ``<img>`` with alt text.

    Each :meth:`update` changes the existing artists (line data, bar widths, limits, title,
    labels, source note), renders the figure to PNG with the Agg canvas and puts it in an
    ``ipywidgets.HTML`` as ``<img alt="..." src="data:image/png;base64,...">``. Results are
    kept in an LRU cache by selection key: a revisit shows the cached PNG without drawing.

    Args:
        kind: ``"line"`` (one line per region over the years) or ``"bar"`` (one bar per region
            in the last year of the data), or use ``updater``.
        figsize: inches (default 8 x 4.5; 8 x 7.5 for bars, room for 31 provinces).
        dpi: render resolution (default 80: an 8-inch figure is 640 px wide, sharp in a
            notebook column and ~20% cheaper to draw and encode than 90).
        cache_size: number of rendered selections kept.
        highlight: region drawn in :data:`helpers.plots.HIGHLIGHT_COLOR`.
        lang: language of region names, the source prefix and the alt text.
        updater: ``updater(panel, data, **kwargs)`` that updates ``panel.ax``'s artists for a
            custom chart; title, labels, source note and rendering are done by the panel.
            It may return the chart's alt text (a string describing what it draws: "Coefficient
            plot: ..."); otherwise the alt text is the generic line/bar description, unless
            :meth:`update` gets ``alt=``.
        show_table: add a :class:`DataTable` ("Show the data") beneath the figure.
        breaks: series breaks of a ``"line"`` panel, e.g. ``{2020: "employment basis
            changes"}`` (2020 = first year of the new series; forms in
            :func:`helpers.plots.normalize_breaks`). Lines are drawn as separate segments,
            never joined across a break, with a dashed vertical line and the note; the alt text
            says where the break is. Override per update with ``update(..., breaks=...)``
            (e.g. from ``prepare``: a break for one indicator only, ``{}`` for none).

    Example (a series break, e.g. the 2019/2020 employment basis change)::

        fp = FigurePanel("line", breaks={2020: t("emp_basis_break", language)})
        fp.update(theil_frame, title="Theil index", source="province_employment, ...")

    Attributes:
        widget: the ``VBox`` to display; image: the ``HTML`` widget holding the ``<img>``.
        png, alt: the PNG bytes and alt text currently shown.
        render_count: number of renders so far (cache hits do not count).
    """

    def __init__(
        self,
        kind: str = "line",
        *,
        figsize: tuple[float, float] | None = None,
        dpi: float = 80,
        cache_size: int = 64,
        highlight: str = "Hebei",
        lang: str | None = None,
        updater: Updater | None = None,
        show_table: bool = True,
        breaks: plots.BreakSpec = None,
    ) -> None:
        if updater is None and kind not in _UPDATERS:
            raise ValueError(f"kind must be one of {', '.join(_UPDATERS)} (or pass updater=); "
                             f"got {kind!r}")
        self.kind = kind
        self.lang = resolve_lang(lang)
        self.plot_lang = plots.plot_lang(self.lang)
        self.highlight = highlight
        self.dpi = dpi
        self.cache_size = cache_size
        self._updater = updater or _UPDATERS[kind]
        # A plain Figure with its own Agg canvas: pyplot never sees it, so it is never
        # auto-displayed in a cell output and never leaks between cells.
        figsize = figsize or ((8.0, 7.5) if kind == "bar" else (8.0, 4.5))
        self.fig = Figure(figsize=figsize, dpi=dpi, layout="none")
        # render.FastCanvas: Agg with text layout cached across redraws (same pixels)
        render.FastCanvas(self.fig)
        self.ax = self.fig.add_subplot()
        # Fixed margins instead of constrained layout: the layout solver would run on every
        # render. Room on the right for the legend (line) / on the left for names (bar).
        # Fixed x-label coordinates spare matplotlib measuring every tick label on each draw.
        inch_w, inch_h = self.fig.get_size_inches()
        bottom, top = 0.7 / inch_h, 1 - 0.55 / inch_h
        if kind == "bar":
            self.fig.subplots_adjust(left=1.6 / inch_w, right=0.96, top=top, bottom=bottom)
            self.ax.grid(axis="y", visible=False)
            self.ax.tick_params(axis="y", labelsize=10, length=0)
            self.ax.yaxis.set_label_coords(-1.5 / (inch_w * (0.96 - 1.6 / inch_w)), 0.5)
        else:
            self.fig.subplots_adjust(left=1.15 / inch_w, right=1 - 2.0 / inch_w, top=top,
                                     bottom=bottom)
            self.ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        self.ax.xaxis.set_label_coords(0.5, -0.35 / (inch_h * (top - bottom)))
        # a fixed title position spares the per-draw search for the top tick labels
        self._title = self.ax.set_title("", y=1.02)
        self._source = self.fig.text(0.01, 0.015, "", ha="left", va="bottom",
                                     fontsize=plots.SOURCE_NOTE_SIZE,
                                     color=plots.SOURCE_NOTE_COLOR)
        plots.normalize_breaks(breaks)  # fail early on a malformed specification
        self.breaks = breaks
        self._lines: dict[str, Any] = {}
        self._break_marks: list[tuple[Any, Any]] = []
        self._alt_extra: list[str] = []
        self._bars: list[Any] = []  # pool of bar rectangles (see _update_bars)
        self._nbars = 0  # how many of them are shown
        self._cache: OrderedDict[Hashable, tuple[bytes, str, pd.DataFrame, str | None]] = \
            OrderedDict()
        self.png, self.alt, self.render_count = b"", "", 0
        self.image = widgets.HTML("", layout=widgets.Layout(width="100%"))
        self.table = DataTable(self.lang) if show_table else None
        self.widget = widgets.VBox([self.image] + ([self.table.widget] if self.table else []))

    @property
    def bars(self) -> list[Any]:
        """The bar rectangles shown, top to bottom (a ``"bar"`` panel; empty otherwise)."""
        return self._bars[:self._nbars]

    def show_cached(self, key: Hashable) -> bool:
        """Show the cached image for ``key`` if there is one; True on a cache hit."""
        hit = self._cache.get(key)
        if hit is None:
            return False
        self._cache.move_to_end(key)
        png, alt, data, source = hit
        self._show(png, alt, data, source)
        return True

    def update(
        self,
        data: pd.DataFrame,
        *,
        title: str = "",
        xlabel: str = "",
        ylabel: str = "",
        source: str | None = None,
        key: Hashable | None = None,
        alt: str | None = None,
        **kwargs: Any,
    ) -> None:
        """Show ``data`` (tidy: region, year, value), reusing the cache when ``key`` is given.

        Args:
            data: rows to plot; missing values stay gaps.
            title, xlabel, ylabel: text in the panel's language.
            source: ``"<table>, <vintage>"``; shown beneath the chart and in the alt text.
            key: cache key (e.g. ``(selection.key, lang)``); None disables caching.
            alt: alt text describing the chart (what kind of chart, what it shows, key
                values), for custom charts; the source sentence is added. Default: the text
                the updater returns, else the generic line/bar description.
            **kwargs: passed to the updater: ``breaks=`` for a ``"line"`` panel (overrides
                the panel's ``breaks`` for this update), anything for a custom ``updater``.
        """
        if key is not None and self.show_cached(key):
            return
        self._alt_extra = []
        described = self._updater(self, data, **kwargs)
        _set_text(self._title, title)
        _set_text(self.ax.xaxis.label, xlabel)
        _set_text(self.ax.yaxis.label, ylabel)
        _set_text(self._source, plots.source_line(source, self.plot_lang) if source else "")
        # draw + encode on the panel's own canvas: no savefig set-up, no layout engine (the
        # margins are fixed), no tight bbox
        png = render.canvas_png(self.fig, compress_level=1)
        self.render_count += 1
        if alt is None and isinstance(described, str) and described.strip():
            alt = described.strip()
        if alt is None:
            alt = plots.alt_text(data, kind="bar" if self.kind == "bar" else "line",
                                 title=title, ylabel=ylabel, highlight=self.highlight,
                                 source=source, lang=self.plot_lang)
        elif source:
            alt = " ".join([alt, t("alt_source", self.plot_lang, source=source)])
        alt = " ".join([alt, *self._alt_extra])
        if key is not None:
            self._cache[key] = (png, alt, data, source)
            while len(self._cache) > self.cache_size:
                self._cache.popitem(last=False)
        self._show(png, alt, data, source)

    def _show(self, png: bytes, alt: str, data: pd.DataFrame, source: str | None) -> None:
        self.png, self.alt = png, alt
        self.image.value = plots.img_html(png, alt)
        if self.table is not None:
            self.table.set_data(data, source)

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self.widget._repr_mimebundle_(**kwargs)


# ------------------------------------------------------------------------------------------
# Wiring
# ------------------------------------------------------------------------------------------


@dataclass
class Dashboard:
    """A control panel wired to a figure panel; displays itself in a notebook or Voila.

    Attributes:
        panel: the :class:`ControlPanel`; figure: the :class:`FigurePanel`;
        widget: the ``VBox`` holding both and the error log.
    """

    panel: ControlPanel
    figure: FigurePanel
    widget: widgets.VBox

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self.widget._repr_mimebundle_(**kwargs)


def build_dashboard(
    panel: ControlPanel,
    figure_panel: FigurePanel,
    prepare: Callable[[Selection], Mapping[str, Any]],
    *,
    header: widgets.Widget | None = None,
) -> Dashboard:
    """Wire ``panel`` to ``figure_panel``: every valid change redraws through ``prepare``.

    Args:
        panel: the control panel.
        figure_panel: the figure to update.
        prepare: ``prepare(selection) -> dict`` of :meth:`FigurePanel.update` arguments
            (``data``, ``title``, ``ylabel``, ``source``, ...). Raise :class:`SelectionError`
            for a selection that cannot be drawn (the message is shown in the panel). A cache
            hit skips ``prepare`` entirely.
        header: optional widget above the panel.

    Returns:
        A :class:`Dashboard` whose widget stacks header, panel, figure (with its data table)
        and the error log. Errors never escape a callback: they are shown in the status line
        and the log.
    """
    lang = panel.lang

    def redraw(sel: Selection) -> None:
        key = (sel.key, figure_panel.plot_lang)
        if not figure_panel.show_cached(key):
            spec = dict(prepare(sel))
            data = spec.pop("data")
            if data is None or data.empty or data["value"].isna().all():
                what = ", ".join([*([_listing(sel.regions)] if sel.regions else []),
                                  sel.indicator, f"{sel.years[0]}-{sel.years[1]}"])
                raise SelectionError(t("msg_no_data", lang, what=what))
            figure_panel.update(data, key=key, **spec)
        panel.set_status(panel.ok_text(sel), "info")

    panel.observe(redraw)
    panel.notify()  # draw the initial selection
    box = widgets.VBox(([header] if header else []) + [panel.widget, figure_panel.widget,
                                                        panel.log])
    return Dashboard(panel, figure_panel, box)


def apply_mode(
    data: pd.DataFrame,
    sel: Selection,
    denominators: Mapping[str, str] | None = None,
    lang: str | None = None,
) -> tuple[pd.DataFrame, str, str]:
    """Rows of ``sel`` from a tidy frame, transformed by the display mode, a title and a y label.

    * ``level``: values as published (title: the indicator; y label: its unit).
    * ``share``: ``100 * value / value of denominators[indicator]`` for the same region and
      year (e.g. va_secondary / gdp); missing if either is missing.
    * ``index``: ``100 * value / value in the first year of the range`` per region
      (missing for a region whose base-year value is missing - never re-based silently).

    Returns:
        ``(frame with region, year, value in the selection's region order, title, ylabel)``.

    Raises:
        SelectionError: share requested for an indicator without a denominator.
    """
    start, end = sel.years
    inrange = data[data["region"].isin(sel.regions) & data["year"].between(start, end)]
    order = {r: i for i, r in enumerate(sel.regions)}
    cur = inrange[inrange["indicator"] == sel.indicator][["region", "year", "value"]]
    cur = cur.sort_values(["region", "year"], key=lambda c: c.map(order) if c.name == "region"
                          else c).reset_index(drop=True)
    name = label(sel.indicator, lang)
    if sel.mode == "level":
        unit = ""
        if "unit" in data.columns:
            units = data.loc[data["indicator"] == sel.indicator, "unit"].dropna().unique()
            unit = unit_label(units[0], lang) if len(units) == 1 else ""
        return cur, name, unit
    if sel.mode == "share":
        den = (denominators or {}).get(sel.indicator)
        if den is None:
            others = [t(m, lang) for m in MODES if m != "share"]
            raise SelectionError(t("msg_no_share", lang, indicator=name,
                                   allowed=join(others, lang)))
        base = inrange[inrange["indicator"] == den][["region", "year", "value"]]
        m = cur.merge(base, on=["region", "year"], how="left", suffixes=("", "_den"))
        m["value"] = 100.0 * m["value"] / m["value_den"]
        return (m[["region", "year", "value"]],
                t("share_label", lang, part=name, whole=label(den, lang)), "%")
    if sel.mode == "index":
        first = cur[cur["year"] == start].set_index("region")["value"]
        out = cur.copy()
        out["value"] = 100.0 * out["value"] / out["region"].map(first)
        return out, name, t("index_label", lang, year=start)
    raise SelectionError(t("msg_unknown_mode", lang, bad=sel.mode, allowed=", ".join(MODES)))


def vintage_spans(data: pd.DataFrame) -> dict[str, tuple[int, int]]:
    """First and last year of each vintage in a tidy frame, in order of first year."""
    if "vintage" not in data.columns:
        return {}
    spans = data.dropna(subset=["vintage"]).groupby("vintage")["year"].agg(["min", "max"])
    spans = spans.sort_values(["min", "max"])
    return {str(v): (int(lo), int(hi)) for v, (lo, hi) in spans.iterrows()}


def check_vintages(data: pd.DataFrame) -> dict[str, tuple[int, int]]:
    """Vintages of ``data`` that together form ONE series, or ValueError for a silent splice.

    Several vintages are accepted when, for every indicator, their years do not overlap: one
    revised series published in pieces (e.g. ``province_gdp``: 2016-2023 in one NBS export,
    2024 in the next). Overlapping years would mean two publications of the same figures, and
    a chart mixing them would splice revisions silently.

    Returns:
        ``{vintage: (first year, last year)}`` (see :func:`vintage_spans`).

    Raises:
        ValueError: naming the indicator, the vintages and the years they share.
    """
    if "vintage" not in data.columns or data["vintage"].nunique() <= 1:
        return vintage_spans(data)
    for ind, g in data.groupby("indicator", sort=False):
        years = g.groupby("vintage")["year"].apply(lambda y: set(y.astype(int)))
        seen: dict[int, str] = {}
        for vin, ys in years.items():
            shared = sorted(y for y in ys if y in seen)
            if shared:
                raise ValueError(
                    f"explorer() needs one vintage per indicator and year; for {ind!r} the "
                    f"vintages {seen[shared[0]]!r} and {vin!r} both cover {_listing(shared)} (two "
                    "publications of the same figures: a chart would splice them silently). "
                    "Filter one with data[data['vintage'] == ...] and compare vintages in "
                    "their own chart.")
            seen.update(dict.fromkeys(ys, str(vin)))
    return vintage_spans(data)


def vintage_source(source: str, spans: Mapping[str, tuple[int, int]]) -> str:
    """``source`` naming every vintage: those it does not mention are appended with years.

    ``vintage_source("province_gdp", {"a": (2016, 2023), "b": (2024, 2024)})`` gives
    ``"province_gdp; vintages a (2016-2023), b (2024)"``.
    """
    missing = [v for v in spans if v not in source]
    if len(spans) < 2 or not missing:
        return source
    parts = [f"{v} ({lo}-{hi})" if lo != hi else f"{v} ({lo})"
             for v, (lo, hi) in spans.items()]
    return f"{source}; vintages {', '.join(parts)}"


def explorer(
    data: pd.DataFrame,
    *,
    source: str | Callable[[Selection], str],
    kind: str = "line",
    lang: str | None = None,
    modes: Sequence[str] = MODES,
    denominators: Mapping[str, str] | None = None,
    title: Callable[[Selection], str] | None = None,
    highlight: str = "Hebei",
    breaks: plots.BreakSpec = None,
    **panel_kwargs: Any,
) -> Dashboard:
    """A complete explorer for one tidy table: control panel + fast figure + data table.

    Args:
        data: tidy frame (region, year, indicator, value[, unit, vintage]) of ONE series per
            indicator: one vintage, or several whose years do not overlap (one revised
            series published in pieces, e.g. ``province_gdp`` 2016-2023 + 2024).
        source: ``"<table>, <vintage>"`` shown beneath the chart, or a function of the
            selection returning it. With several vintages, any vintage it does not name is
            added with its years (:func:`vintage_source`).
        kind: ``"line"`` or ``"bar"`` (bar shows the last year of the range).
        lang: ``"en"`` or ``"zh"``.
        modes: display modes offered; ``"share"`` needs ``denominators``.
        denominators: ``{indicator: denominator indicator}`` for shares, e.g.
            ``{"va_secondary": "gdp"}``.
        title: function of the selection returning the title (default: indicator label).
        highlight: region drawn in Hebei's colour.
        breaks: series breaks of a line chart (see :class:`FigurePanel`).
        **panel_kwargs: passed to :class:`ControlPanel` (defaults, labels).

    Raises:
        ValueError: if two vintages cover the same years of an indicator (a silent splice;
            compare vintages in their own chart), see :func:`check_vintages`.
    """
    lang = resolve_lang(lang)
    spans = check_vintages(data)
    if "share" in modes and not denominators:
        modes = tuple(m for m in modes if m != "share")
    by_indicator = {k: g for k, g in data.groupby("indicator", sort=False)}
    panel = ControlPanel.from_frame(data, modes=modes, lang=lang, **panel_kwargs)
    fig = FigurePanel(kind, lang=lang, highlight=highlight, breaks=breaks)

    def prepare(sel: Selection) -> dict[str, Any]:
        needed = [sel.indicator] + ([denominators[sel.indicator]] if sel.mode == "share" and
                                    denominators and sel.indicator in denominators else [])
        sub = pd.concat([by_indicator[i] for i in needed if i in by_indicator])
        d, default_title, ylabel = apply_mode(sub, sel, denominators, fig.plot_lang)
        ttl = title(sel) if title else default_title
        src = source(sel) if callable(source) else source
        return {"data": d, "title": ttl, "ylabel": ylabel,
                "source": vintage_source(src, spans) if src else src}

    return build_dashboard(panel, fig, prepare)

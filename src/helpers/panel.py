"""Fixed-effects panel regressions of outcomes on one regressor, the mediation steps, a tidy
coefficient table and the coefficient plot.

The model, for unit (province) ``i`` and year ``t``::

    y_it = beta * x_it + gamma' z_it + alpha_i + lambda_t + e_it

with the regressor of interest ``x`` (e.g. the digital economy index), controls ``z``, unit
effects ``alpha_i`` and year effects ``lambda_t``. ``beta`` is identified only from the
within-unit changes of ``x`` relative to the common year path. Estimation is
``linearmodels.PanelOLS(entity_effects=True, time_effects=True)`` with standard errors
clustered by unit (``cov_type="clustered", cluster_entity=True`` and linearmodels' defaults
``debiased=True``, ``group_debias=False``): with the two-way demeaned regressors ``X`` and
residuals ``e``, ``V = (X'X)^-1 [sum_g X_g' e_g e_g' X_g] (X'X)^-1 * n / (n - k - G - T + 1)``
(``n`` province-years, ``k`` regressors, ``G`` units, ``T`` years: the effects count in the
degrees of freedom), and the 95 % interval is ``beta +- t(0.975, n - k - G - T + 1) se``.
These are the conventions of the numbers lesson 05 prints; ``tests/test_panel.py`` recomputes
them with numpy.

* :class:`TwoWayFE` -- the fits on one panel, remembered in a BOUNDED cache
  (``functools.lru_cache(maxsize=cache_size)``); :meth:`TwoWayFE.within` gives the points of
  the Frisch-Waugh-Lovell picture (both variables two-way demeaned by
  ``linearmodels.panel.data.PanelData.demean("both")``, then residualised on the controls),
  whose least-squares slope is exactly ``beta``.
* :class:`Mediation` -- the Baron-Kenny steps on one common sample: ``c`` (outcome on ``x``),
  ``a`` (mediator on ``x``), ``c'`` and ``b`` (outcome on ``x`` and the mediator); ``a * b``
  is the part of ``c`` that goes with the mediator. Descriptive: it assumes nothing else
  drives both the mediator and the outcome (Jiang Ting 2022).
* :func:`coef_table` -- one row per outcome (beta, interval, p, what +0.1 of ``x`` goes
  with, n, units, years, within R^2).
* :class:`CoefficientExplorer` and :func:`draw_coefficients` -- beta with its 95 % interval
  for every set of controls, for a :class:`helpers.widgets.FigurePanel`.

References: Baron, R.M. and Kenny, D.A. (1986), *Journal of Personality and Social
Psychology* 51(6); Jiang Ting (2022), 因果推断经验研究中的中介效应与调节效应, 中国工业经济 (5);
Sheppard, K., linearmodels, https://bashtage.github.io/linearmodels/ (PanelOLS).
"""

from __future__ import annotations

import functools
import warnings
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Any

import numpy as np
import pandas as pd
from linearmodels import PanelOLS
from linearmodels.panel.data import PanelData

from helpers import plots
from helpers.i18n import region_label, t
from helpers.widgets import SelectionError

__all__ = [
    "CoefficientExplorer",
    "FEFit",
    "Mediation",
    "TwoWayFE",
    "coef_table",
    "control_sets",
    "draw_coefficients",
    "effect_text",
    "within_scatter",
]


@dataclass(frozen=True, eq=False)
class FEFit:
    """One two-way fixed-effects fit: the coefficient of the regressor of interest and its
    sample. ``params`` and ``ci`` hold every regressor's coefficient and 95 % interval."""

    y: str
    regressor: str
    controls: tuple[str, ...]
    beta: float
    se: float
    lo: float
    hi: float
    p: float
    n: int
    provinces: int
    first_year: int
    last_year: int
    within_r2: float
    params: pd.Series
    ci: pd.DataFrame

    @property
    def years(self) -> str:
        """The sample's years, ``"2016-2022"``."""
        return f"{self.first_year}-{self.last_year}"

    @property
    def excludes_zero(self) -> bool:
        """Whether the 95 % interval of ``beta`` leaves out zero."""
        return bool(self.lo > 0 or self.hi < 0)

    def interval(self, name: str | None = None) -> tuple[float, float]:
        """95 % interval of ``name``'s coefficient (default: the regressor of interest)."""
        name = name or self.regressor
        return float(self.ci.loc[name, "lower"]), float(self.ci.loc[name, "upper"])


def _interval_text(lo: float, hi: float) -> str:
    return f"[{lo:.3f}, {hi:.3f}]"


def control_sets(controls: Sequence[str]) -> list[tuple[str, ...]]:
    """Every subset of ``controls``, smallest first, in the order given: ``()``, ``(a,)``,
    ``(b,)``, ``(a, b)`` ..."""
    return [tuple(c) for k in range(len(controls) + 1) for c in combinations(controls, k)]


class TwoWayFE:
    """Two-way (unit and year) fixed-effects regressions on one panel, remembered.

    Args:
        panel: frame indexed ``(unit, year)`` (e.g. ``region``, ``year``), one column per
            variable; missing values drop the province-year from the fits that use it.
        regressor: the column whose coefficient is reported (``beta``).
        min_years: fewest distinct years a sample may have (fixed effects need 3: with 2
            years, unit and year effects leave one difference per unit).
        cache_size: number of fits kept (least recently used dropped first).
        labels: display names of the variables for messages (default: the column names).

    Example::

        fe = TwoWayFE(panel, "dei")
        r = fe.fit("upgrading", ("urbanisation",), (2016, 2022))
        r.beta, r.interval(), r.n
    """

    def __init__(self, panel: pd.DataFrame, regressor: str, *, min_years: int = 3,
                 cache_size: int = 256, labels: Mapping[str, str] | None = None) -> None:
        if panel.index.nlevels != 2:
            raise ValueError("panel must be indexed (unit, year)")
        self.panel = panel
        self.regressor = regressor
        self.min_years = min_years
        self.unit, self.time = panel.index.names
        self.labels = dict(labels or {})
        self.fit = functools.lru_cache(maxsize=cache_size)(self._fit)

    def sample(self, y: str, controls: Sequence[str] = (), years: tuple[int, int] | None = None,
               extra: Sequence[str] = (), need: Sequence[str] = ()) -> pd.DataFrame:
        """The province-years in ``years`` where ``y``, the regressor, ``extra``, ``controls``
        and the columns ``need`` all have data (columns: ``y``, regressor, extra, controls,
        need)."""
        cols = list(dict.fromkeys([y, self.regressor, *extra, *controls, *need]))
        yrs = self.panel.index.get_level_values(self.time)
        keep = np.ones(len(yrs), bool) if years is None else (yrs >= years[0]) & (yrs <= years[1])
        return self.panel.loc[keep, cols].dropna()

    def _fit(self, y: str, controls: tuple[str, ...] = (), years: tuple[int, int] | None = None,
             extra: tuple[str, ...] = (), need: tuple[str, ...] = ()) -> FEFit:
        """``y`` on the regressor (+ ``extra``) and ``controls``, unit and year effects,
        clustered by unit, on :meth:`sample`. Raises :class:`SelectionError` for too few
        years."""
        d = self.sample(y, controls, years, extra, need)
        cols = [self.regressor, *extra, *controls]
        yv = d.index.get_level_values(self.time)
        n_years = yv.nunique()
        if n_years < self.min_years:
            lo, hi = years or (self.panel.index.get_level_values(self.time).min(),
                               self.panel.index.get_level_values(self.time).max())
            raise SelectionError(t("panel_too_few_years", y=self.labels.get(y, y), n=n_years,
                                   span=f"{lo}-{hi}", min=self.min_years))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # absorbed-variable notices
            res = PanelOLS(d[y], d[cols], entity_effects=True, time_effects=True,
                           drop_absorbed=True).fit(cov_type="clustered", cluster_entity=True)
        ci = res.conf_int()
        x = self.regressor
        return FEFit(
            y=y, regressor=x, controls=tuple(controls), beta=float(res.params[x]),
            se=float(res.std_errors[x]), lo=float(ci.loc[x, "lower"]),
            hi=float(ci.loc[x, "upper"]), p=float(res.pvalues[x]), n=int(res.nobs),
            provinces=int(d.index.get_level_values(self.unit).nunique()),
            first_year=int(yv.min()), last_year=int(yv.max()), within_r2=float(res.rsquared),
            params=res.params, ci=ci,
        )

    def years_with_data(self, y: str, controls: Sequence[str] = (),
                        years: tuple[int, int] | None = None) -> list[int]:
        """The years in ``years`` that have at least one complete province-year for ``y``."""
        d = self.sample(y, controls, years)
        return sorted(int(v) for v in d.index.get_level_values(self.time).unique())

    def require_years(self, outcomes: Iterable[str], controls: Sequence[str],
                      years: tuple[int, int], names: tuple[str, str] = ("start_year",
                                                                        "end_year")) -> None:
        """Refuse, as a parameter error, a window in which some outcome (with these controls)
        has fewer than ``min_years`` years of data: the lesson fits every outcome, so every
        accepted window must serve all of them. The message names the parameters, the
        outcome short of years, the years it has, and the windows that would work."""
        from helpers.params import ParameterError, Problem

        short = {}
        for y in outcomes:
            have = self.years_with_data(y, controls, years)
            if len(have) < self.min_years:
                short[y] = self.years_with_data(y, controls)
        if not short:
            return
        parts = []
        for y, all_years in short.items():
            if len(all_years) >= self.min_years:
                last_start = all_years[-self.min_years]
                first_end = all_years[self.min_years - 1]
                hint = (f"it has data in {all_years[0]}-{all_years[-1]}, so choose "
                        f"{names[0]} <= {last_start} and {names[1]} >= {first_end}")
            else:
                hint = f"it has data only in {all_years or 'no year'}"
            n = len(self.years_with_data(y, controls, years))
            parts.append(f"{y} ({self.labels.get(y, y)}) has {n} year(s) with data in "
                         f"{years[0]}-{years[1]}, fewer than the {self.min_years} fixed effects "
                         f"need; {hint}")
        raise ParameterError([Problem(", ".join(names), {names[0]: years[0], names[1]: years[1]},
                                      "; ".join(parts) + ".")])

    def warm(self, outcomes: Iterable[str], sets: Iterable[tuple[str, ...]],
             years: tuple[int, int]) -> None:
        """Fit every outcome with every control set once (an explorer then only reads)."""
        sets = list(sets)
        for y in outcomes:
            for xs in sets:
                self.fit(y, tuple(xs), years)

    def within(self, y: str, controls: Sequence[str] = (),
               years: tuple[int, int] | None = None) -> pd.DataFrame:
        """Frisch-Waugh-Lovell points: ``y`` and the regressor after removing unit and year
        effects (``PanelData.demean("both")``, exact also for an unbalanced panel) and the
        controls (least-squares residuals). Columns ``y`` and the regressor; the slope of
        ``y`` on the regressor through these points equals :meth:`fit`'s ``beta``."""
        d = self.sample(y, controls, years)
        w = PanelData(d).demean("both").dataframe
        z = w[list(controls)].to_numpy()
        r = w[[y, self.regressor]].to_numpy()
        if z.size:
            r = r - z @ np.linalg.lstsq(z, r, rcond=None)[0]
        return pd.DataFrame(r, index=d.index, columns=[y, self.regressor])

    def mediation(self, y: str, m: str, controls: Sequence[str] = (),
                  years: tuple[int, int] | None = None) -> Mediation:
        """The Baron-Kenny steps of ``y`` through the mediator ``m`` on one common sample."""
        xs = tuple(controls)
        direct = self.fit(y, xs, years, extra=(m,))
        total, first = self.fit(y, xs, years, need=(m,)), self.fit(m, xs, years, need=(y,))
        if not total.n == first.n == direct.n:
            raise ValueError(f"mediation steps use different samples: {total.n}, {first.n}, "
                             f"{direct.n}")
        return Mediation(y=y, m=m, total=total, first=first, direct=direct)


@dataclass(frozen=True, eq=False)
class Mediation:
    """The Baron-Kenny steps: ``total`` (y on x: c), ``first`` (m on x: a), ``direct``
    (y on x and m: c' and b), all on the same province-years."""

    y: str
    m: str
    total: FEFit
    first: FEFit
    direct: FEFit

    @property
    def n(self) -> int:
        return self.direct.n

    @property
    def c(self) -> float:
        return self.total.beta

    @property
    def a(self) -> float:
        return self.first.beta

    @property
    def c_prime(self) -> float:
        return self.direct.beta

    @property
    def b(self) -> float:
        return float(self.direct.params[self.m])

    @property
    def ab(self) -> float:
        """``a * b``: the part of ``c`` that goes with the mediator (descriptive)."""
        return self.a * self.b

    @property
    def clear(self) -> bool:
        """Whether the intervals of ``a`` and ``b`` both leave out zero."""
        lo, hi = self.direct.interval(self.m)
        return self.first.excludes_zero and (lo > 0 or hi < 0)

    def table(self, y_label: str, m_label: str, lang: str | None = None) -> pd.DataFrame:
        """The five rows (c, a, c', b, a x b) with their 95 % intervals, labelled in
        ``lang``."""
        v = {"y": y_label, "m": m_label}
        rows = [("panel_med_c", self.c, (self.total.lo, self.total.hi)),
                ("panel_med_a", self.a, (self.first.lo, self.first.hi)),
                ("panel_med_c_prime", self.c_prime, (self.direct.lo, self.direct.hi)),
                ("panel_med_b", self.b, self.direct.interval(self.m)),
                ("panel_med_ab", self.ab, None)]
        return pd.DataFrame({
            t("panel_col_coefficient", lang): [b for _, b, _ in rows],
            t("panel_col_ci", lang): [_interval_text(*ci) if ci else t("panel_med_no_ci", lang)
                                      for _, _, ci in rows],
        }, index=[t(k, lang, **v) for k, _, _ in rows])


def effect_text(beta: float, logged: bool, step: float = 0.1) -> str:
    """What ``+step`` of the regressor goes with: ``100 (exp(step beta) - 1)`` percent for a
    logged outcome (``"+1.2 %"``), else ``step * beta`` in the outcome's units."""
    return f"{100 * (np.exp(step * beta) - 1):+.1f} %" if logged else f"{step * beta:+.4f}"


def coef_table(fits: Mapping[str, FEFit], logged: Iterable[str] = ()) -> pd.DataFrame:
    """One row per outcome: ``beta``, ``95% CI`` (text), ``p``, ``+0.1 index``
    (:func:`effect_text`), ``n``, ``provinces``, ``years``, ``within R2``."""
    logged = set(logged)
    table = pd.DataFrame([{
        "beta": r.beta, "95% CI": _interval_text(r.lo, r.hi), "p": r.p,
        "+0.1 index": effect_text(r.beta, y in logged), "n": r.n, "provinces": r.provinces,
        "years": r.years, "within R2": r.within_r2} for y, r in fits.items()],
        index=pd.Index(list(fits), name="outcome"))
    return table


def within_scatter(points: pd.DataFrame, x: str, y: str, slope: float, *,
                   highlight: str = "Hebei", title: str = "", xlabel: str = "",
                   ylabel: str = "", source: str | None = None, lang: str | None = None):
    """Scatter of the within points (:meth:`TwoWayFE.within`), ``highlight``'s in
    :data:`helpers.plots.HIGHLIGHT_COLOR`, with the line through the origin of the given
    slope. Returns ``(fig, ax)``; show it with :func:`helpers.plots.show`."""
    lang = plots.plot_lang(lang)
    fig, ax = plots.new_figure()
    is_h = points.index.get_level_values(0) == highlight
    ax.scatter(points.loc[~is_h, x], points.loc[~is_h, y], s=14, color=plots.CONTEXT_COLOR)
    ax.scatter(points.loc[is_h, x], points.loc[is_h, y], s=30, color=plots.HIGHLIGHT_COLOR,
               label=region_label(highlight, lang))
    line = np.linspace(points[x].min(), points[x].max(), 2)
    ax.plot(line, slope * line, color="#333333", lw=1.5)
    ax.set(title=title, xlabel=xlabel, ylabel=ylabel)
    ax.legend(loc="upper left")
    if source:
        plots.add_source_note(fig, source, lang)
    return fig, ax


def draw_coefficients(fp: Any, data: pd.DataFrame, *, lo: Sequence[float],
                      hi: Sequence[float], chosen_name: str, outcome_name: str,
                      **_: Any) -> str:
    """:class:`~helpers.widgets.FigurePanel` updater: one row per control set (``data``'s
    ``region`` column holds the set names, ``value`` the betas), a dot at beta and a bar for
    its 95 % interval, the chosen set in the highlight colour, a line at zero. Artists are
    created once and reused. Returns the alt text (in the panel's language)."""
    ax, n = fp.ax, len(data)
    ys = np.arange(n)[::-1]
    if getattr(fp, "ci_lines", None) is None:
        fp.fig.subplots_adjust(left=0.3, bottom=0.2)  # room for the set names
        ax.axvline(0, color="#555555", lw=1)
        fp.ci_lines = [ax.plot([], [], lw=2.5, solid_capstyle="butt")[0] for _ in range(n)]
        fp.points = [ax.plot([], [], "o", ms=7)[0] for _ in range(n)]
    fp.highlight = chosen_name
    for line, pt, yy, b_, l_, h_, name in zip(fp.ci_lines, fp.points, ys, data["value"], lo, hi,
                                              data["region"], strict=True):
        color = plots.HIGHLIGHT_COLOR if name == chosen_name else plots.CONTEXT_COLOR
        line.set(data=([l_, h_], [yy, yy]), color=color)
        pt.set(data=([b_], [yy]), color=color)
    ax.set_yticks(ys, list(data["region"]), fontsize=9)
    span = max(hi) - min(lo)
    ax.set_xlim(min(min(lo), 0) - 0.05 * span, max(max(hi), 0) + 0.05 * span)
    ax.set_ylim(-0.6, n - 0.4)
    i = list(data["region"]).index(chosen_name)
    k = sum(lo_ <= 0 <= hi_ for lo_, hi_ in zip(lo, hi, strict=True))
    return t("panel_coef_alt", fp.lang, outcome=outcome_name, n=n, chosen=chosen_name,
             beta=data["value"].iloc[i], lo=lo[i], hi=hi[i], k=k)


class CoefficientExplorer:
    """What the coefficient explorer shows: beta of the chosen outcome for every control set.

    Args:
        model: the fits (:class:`TwoWayFE`).
        controls: the control codes offered, in display order.
        control_labels: short name of each control (the chart's rows).
        outcome_labels: short name of each outcome (title and alt text).
        no_controls: the row name of the empty set.

    :meth:`prepare` is the ``prepare`` of :func:`helpers.widgets.build_dashboard` (the
    selection's ``regions`` are the chosen controls, ``indicator`` the outcome);
    :meth:`status` its panel's ``ok_message``. Texts are in the run's language.
    """

    def __init__(self, model: TwoWayFE, controls: Sequence[str],
                 control_labels: Mapping[str, str], outcome_labels: Mapping[str, str],
                 no_controls: str) -> None:
        self.model = model
        self.controls = list(controls)
        self.sets = control_sets(self.controls)
        self.control_labels = dict(control_labels)
        self.outcome_labels = dict(outcome_labels)
        self.no_controls = no_controls

    def chosen(self, selected: Iterable[str]) -> tuple[str, ...]:
        """The selected controls in display order."""
        selected = set(selected)
        return tuple(c for c in self.controls if c in selected)

    def set_name(self, xs: Sequence[str]) -> str:
        """Short name of a control set: ``"GDP/person + urban"``, or ``no_controls``."""
        return " + ".join(self.control_labels[c] for c in xs) if xs else self.no_controls

    def prepare(self, sel: Any) -> dict[str, Any]:
        """:meth:`helpers.widgets.FigurePanel.update` arguments for a selection."""
        rows = [(self.set_name(s), self.model.fit(sel.indicator, s, sel.years))
                for s in self.sets]
        chosen_name = self.set_name(self.chosen(sel.regions))
        r = dict(rows)[chosen_name]
        name = self.outcome_labels[sel.indicator]
        data = pd.DataFrame({"region": [n for n, _ in rows], "year": sel.years[1],
                             "value": [x.beta for _, x in rows]})
        return {"data": data, "lo": [x.lo for _, x in rows], "hi": [x.hi for _, x in rows],
                "chosen_name": chosen_name, "outcome_name": name,
                "title": f"{name}: β = {r.beta:.3f}",
                "xlabel": t("panel_coef_xlabel", n=r.n, years=r.years),
                "source": t("panel_coef_source")}

    def status(self, sel: Any) -> str:
        """The status line: the highlighted regression's beta, interval, p and sample."""
        r = self.model.fit(sel.indicator, self.chosen(sel.regions), sel.years)
        return t("panel_coef_status", beta=r.beta, lo=r.lo, hi=r.hi, p=r.p, n=r.n,
                 provinces=r.provinces, years=r.years, r2=r.within_r2)


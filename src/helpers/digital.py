"""The kit's digital economy index: indicators as ratios, an explicit sample, entropy weights.

Lesson 04 builds the index and lesson 05 uses it; both call this module, so the two lessons
cannot drift apart.

* :data:`CANDIDATES` - the official indicators a province-level index can use, each with its
  table, published indicator, scaling and dimension; :data:`DEFAULT_INDICATORS` - the nine
  of lesson 04's index.
* :func:`derive_indicators` - published figures -> ratios (per 100 people, per person, % of
  GDP), a pure function; :func:`scaled_panel` applies it to the kit's data.
* :func:`digital_indicators_frame` - the frame the entropy method sees: chosen indicators,
  years, money-flow ratios in logs, complete province-years only, with a
  :class:`DroppedReport` saying what was left out and why (nothing is filled in).
* :func:`digital_index` - entropy weights and the index (``helpers.composite``).

Formula. With ``x_ij`` the scaled indicator ``j`` of province-year ``i`` (logged for
:data:`LOGGED`), ``z_ij = (x_ij - min_j) / (max_j - min_j)`` pooled over all province-years
(so years are comparable), ``p_ij = z_ij / sum_i z_ij``, entropy
``e_j = -(1 / ln n) sum_i p_ij ln p_ij``, weight ``w_j = (1 - e_j) / sum_k (1 - e_k)`` and
index ``S_i = sum_j w_j z_ij`` in [0, 1]; higher = more digital RELATIVE to the sample's
weakest and strongest province-years. A large weight means "separates provinces a lot", not
"matters more".

References: Zhao Tao, Zhang Zhi and Liang Shangkun (2020), "Digital economy,
entrepreneurship, and high-quality economic development: empirical evidence from urban
China", *Management World* 36(10): 65-76 (indicator set and entropy weighting); the entropy
method as in :mod:`helpers.composite`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np
import pandas as pd

from helpers.composite import entropy_scores
from helpers.i18n import region_label, resolve_lang

__all__ = [
    "Candidate",
    "CANDIDATES",
    "DEFAULT_INDICATORS",
    "LOGGED",
    "GDP_VINTAGES",
    "SCALINGS",
    "DroppedReport",
    "derive_indicators",
    "scaled_panel",
    "digital_indicators_frame",
    "digital_index",
]


class Candidate(NamedTuple):
    """One candidate indicator: where it is published and how it is scaled."""

    table: str  #: kit table (``helpers.data.load`` name)
    source: str  #: indicator code in that table
    scaling: str  #: key of :data:`SCALINGS`
    dimension: str  #: part of the digital economy it measures


#: Candidate indicators of the index, by code (lesson 04, section 1).
CANDIDATES: dict[str, Candidate] = {
    "broadband_per_100": Candidate("digital_indicators", "internet_broadband_subscribers",
                                   "per_100_people", "infrastructure"),
    "broadband_ports_per_100": Candidate("digital_indicators", "internet_broadband_ports",
                                         "per_100_people", "infrastructure"),
    "mobile_internet_per_100": Candidate("digital_indicators", "mobile_internet_subscribers",
                                         "per_100_people", "infrastructure"),
    "mobile_traffic_per_person": Candidate("digital_indicators", "mobile_internet_traffic",
                                           "per_person", "use"),
    "domain_names_per_100": Candidate("digital_indicators", "domain_names", "per_100_people",
                                      "use"),
    "software_revenue_pct_gdp": Candidate("digital_indicators", "software_business_revenue",
                                          "pct_gdp_10k_yuan", "digital industry"),
    "ecommerce_sales_pct_gdp": Candidate("digital_indicators", "ecommerce_sales", "pct_gdp",
                                         "e-commerce"),
    "computers_per_100_employees": Candidate("digital_indicators",
                                             "computers_per_100_employees", "as_published",
                                             "enterprise digitalisation"),
    "websites_per_100_enterprises": Candidate("digital_indicators",
                                              "websites_per_100_enterprises", "as_published",
                                              "enterprise digitalisation"),
    "share_enterprises_with_ecommerce": Candidate("digital_indicators",
                                                  "share_enterprises_with_ecommerce",
                                                  "as_published", "e-commerce"),
    "pku_dfiic": Candidate("pku_dfiic_province", "pku_dfiic_index_aggregate", "as_published",
                           "digital finance"),
}

#: The nine indicators of lesson 04's default index (also lesson 05's digital subsystem).
DEFAULT_INDICATORS: tuple[str, ...] = (
    "broadband_per_100", "mobile_internet_per_100", "mobile_traffic_per_person",
    "software_revenue_pct_gdp", "ecommerce_sales_pct_gdp", "computers_per_100_employees",
    "websites_per_100_enterprises", "share_enterprises_with_ecommerce", "pku_dfiic",
)

#: Money flows booked where firms have their headquarters: their ratios to GDP span three
#: orders of magnitude (Beijing's software revenue is about half its GDP), so they enter the
#: index in natural logs; min-max scaling would otherwise squeeze every other province into
#: the bottom tenth and the entropy method would give them most of the weight.
LOGGED: tuple[str, ...] = ("software_revenue_pct_gdp", "ecommerce_sales_pct_gdp")

#: GDP used for the per-GDP ratios: ``province_gdp``'s post-5th-census series (2016-2023 and
#: the final 2024 figures, one series published in two pieces).
GDP_VINTAGES: tuple[str, ...] = ("nbs_post5th_2026-04", "nbs_post5th_2024final_2026-05")

Scaler = Callable[[pd.Series, pd.Series, pd.Series], pd.Series]

#: Scaling of a published figure ``x`` given population ``pop`` (10k persons, year-end
#: resident) and ``gdp`` (100 million yuan), with the resulting unit.
SCALINGS: dict[str, tuple[Scaler, str]] = {
    # both in 10k: x / pop is per person, x 100 per 100 people
    "per_100_people": (lambda x, pop, gdp: 100 * x / pop, "per 100 residents"),
    # 10k GB / 10k persons
    "per_person": (lambda x, pop, gdp: x / pop, "GB per resident"),
    # 10k yuan -> 100 million yuan (/ 1e4), then percent of GDP
    "pct_gdp_10k_yuan": (lambda x, pop, gdp: 100 * (x / 1e4) / gdp, "% of GDP"),
    # both in 100 million yuan
    "pct_gdp": (lambda x, pop, gdp: 100 * x / gdp, "% of GDP"),
    "as_published": (lambda x, pop, gdp: x, "as published"),
}


def _codes(indicators: Iterable[str] | str) -> list[str]:
    codes = [indicators] if isinstance(indicators, str) else list(dict.fromkeys(indicators))
    unknown = [c for c in codes if c not in CANDIDATES]
    if unknown:
        raise ValueError(f"unknown indicator(s) {unknown}; allowed: {', '.join(CANDIDATES)}")
    if not codes:
        raise ValueError("no indicators given; choose from: " + ", ".join(CANDIDATES))
    return codes


def derive_indicators(
    raw: Mapping[str, pd.DataFrame],
    population: pd.Series,
    gdp: pd.Series,
    indicators: Iterable[str] = tuple(CANDIDATES),
) -> pd.DataFrame:
    """Published figures -> the indicators as ratios (see :data:`SCALINGS`); not logged.

    Args:
        raw: wide tables by name (``helpers.data.load(name, wide=True)``: index
            ``(region, year)``, a column per published indicator), holding every table of
            the chosen :data:`CANDIDATES`.
        population: year-end resident population, 10k persons, index ``(region, year)``.
        gdp: GDP, 100 million yuan, index ``(region, year)``.
        indicators: codes of :data:`CANDIDATES`.

    Returns:
        Wide frame, index ``(region, year)`` (the union of the tables' rows), one column per
        indicator. Missing stays missing (a ratio with a missing part is missing).
    """
    cols = {}
    for code in _codes(indicators):
        cand = CANDIDATES[code]
        values = raw[cand.table][cand.source].astype(float)
        func, _unit = SCALINGS[cand.scaling]
        cols[code] = func(values, population, gdp).reindex(values.index).rename(code)
    return pd.DataFrame(cols)


def scaled_panel(indicators: Iterable[str] = tuple(CANDIDATES),
                 data_dir: str | None = None) -> pd.DataFrame:
    """:func:`derive_indicators` on the kit's data, for the years of ``digital_indicators``.

    Population: ``province_population`` (``pop_yearend_resident``); GDP: ``province_gdp``,
    :data:`GDP_VINTAGES`. Years: those of ``digital_indicators`` (the NBS series start in
    2016; the PKU index's earlier years come from another release and are left out).
    """
    from helpers.data import load  # the data layer; imported here so tests can use synthetic frames

    codes = _codes(indicators)
    pop = load("province_population", indicators="pop_yearend_resident", wide=True,
               data_dir=data_dir)["pop_yearend_resident"]
    gdp = load("province_gdp", indicators="gdp", vintage=list(GDP_VINTAGES), wide=True,
               data_dir=data_dir)["gdp"]
    tables = sorted({CANDIDATES[c].table for c in codes} | {"digital_indicators"})
    raw = {name: load(name, wide=True, data_dir=data_dir) for name in tables}
    panel = derive_indicators(raw, pop, gdp, codes)
    years = raw["digital_indicators"].index.get_level_values("year").unique()
    return panel[panel.index.get_level_values("year").isin(years)]


@dataclass
class DroppedReport:
    """What :func:`digital_indicators_frame` left out of the sample, and why.

    Attributes:
        indicators: the chosen indicators.
        years_in_range: data years between start and end.
        sample_years: years with at least one complete province-year.
        years_dropped: years in range where some chosen indicator has no value at all,
            with those indicators (e.g. ``{2023: ["pku_dfiic"]}``).
        last_year: last year with any value, per indicator.
        regions_dropped: provinces with no complete year, with the indicators they lack in
            every year of the window (e.g. ``{"Tibet": ["software_revenue_pct_gdp"]}``).
        region_years_dropped: provinces that lose only some years (a chosen indicator is
            missing then), with those years.
        rows_kept, rows_dropped: complete and incomplete province-years in the window.
    """

    indicators: list[str]
    years_in_range: list[int]
    sample_years: list[int]
    years_dropped: dict[int, list[str]] = field(default_factory=dict)
    last_year: dict[str, int] = field(default_factory=dict)
    regions_dropped: dict[str, list[str]] = field(default_factory=dict)
    region_years_dropped: dict[str, list[int]] = field(default_factory=dict)
    rows_kept: int = 0
    rows_dropped: int = 0

    def lines(self, lang: str | None = None) -> list[str]:
        """The report as Markdown bullet lines in ``lang`` (``"en"`` or ``"zh"``)."""
        zh = resolve_lang(lang) == "zh"
        ys = self.sample_years
        if not ys:
            out = ["- **年份**：无（没有完整的省份-年份）。" if zh else
                   "- **Years**: none (no complete province-year)."]
        else:
            out = [f"- **年份**：{ys[0]}-{ys[-1]}（{len(ys)}年）。" if zh else
                   f"- **Years**: {ys[0]}-{ys[-1]} ({len(ys)} years)."]
        if self.years_dropped:
            why = sorted({c for cs in self.years_dropped.values() for c in cs})
            years = ", ".join(map(str, self.years_dropped))
            last = {c: self.last_year.get(c, "-") for c in why}
            out.append(
                f"- **剔除的年份**：{years}，因为"
                + "；".join(f"`{c}`在这些年份没有数值（最后年份为{last[c]}）" for c in why) + "。"
                if zh else
                f"- **Years dropped**: {years}, because "
                + "; ".join(f"`{c}` has no value then (last year {last[c]})" for c in why) + ".")
        for r, miss in self.regions_dropped.items():
            codes = ", ".join(f"`{c}`" for c in miss)
            out.append(f"- **{region_label(r, 'zh')}被剔除**：任何年份都没有{codes}的数值"
                       "（来源未公布）；未作任何填补。" if zh else
                       f"- **{r} drops out**: no value for {codes} in any year (the source does "
                       "not publish it); nothing is filled in.")
        for r, yrs in self.region_years_dropped.items():
            years = ", ".join(map(str, yrs))
            out.append(f"- **{region_label(r, 'zh')}**缺少{years}年的数据（所选指标有缺失）。"
                       if zh else
                       f"- **{r}** loses {years} (a chosen indicator is missing).")
        return out


def _years_of(frame: pd.DataFrame) -> pd.Index:
    return frame.index.get_level_values("year")


def digital_indicators_frame(
    indicators: Iterable[str] = DEFAULT_INDICATORS,
    start_year: int | None = None,
    end_year: int | None = None,
    *,
    panel: pd.DataFrame | None = None,
    rows: Sequence[tuple[str, int]] | None = None,
    log: bool = True,
) -> tuple[pd.DataFrame, DroppedReport]:
    """The wide frame the entropy method sees, and a report of what was dropped.

    Steps: take the chosen indicators (:func:`scaled_panel`, or ``panel``) in
    ``start_year``..``end_year``; keep only complete province-years (every chosen indicator
    has a value - nothing is filled, interpolated or invented); take natural logs of the
    :data:`LOGGED` money-flow ratios (``log=True``).

    Args:
        indicators: codes of :data:`CANDIDATES` (default :data:`DEFAULT_INDICATORS`).
        start_year, end_year: inclusive window (default: all years of the panel).
        panel: a precomputed :func:`scaled_panel` (saves reloading in loops and widgets).
        rows: use exactly these ``(region, year)`` rows instead of the complete cases (e.g.
            the full index's sample, so that leaving one indicator out changes only the
            indicator, not the sample). They must be complete for ``indicators``.
        log: log the :data:`LOGGED` columns (False: the ratios as scaled).

    Returns:
        ``(frame, report)``: frame indexed ``(region, year)``, one column per indicator;
        report a :class:`DroppedReport`.

    Raises:
        ValueError: for unknown indicators, rows with missing values, or a non-positive
            value that would be logged.
    """
    codes = _codes(indicators)
    panel = scaled_panel(codes) if panel is None else panel
    window, complete = _sample(panel, codes, start_year, end_year, rows)
    incomplete = window[window.isna().any(axis=1)]
    wy = _years_of(window)
    years_in_range = sorted(int(y) for y in wy.unique())
    has = window.notna().groupby(wy).any()
    years_dropped = {int(y): [c for c in codes if not has.loc[y, c]] for y in years_in_range
                     if not has.loc[y].all()}
    last_year = {c: int(_years_of(panel[c].dropna()).max()) for c in codes
                 if panel[c].notna().any()}
    kept_regions = set(complete.index.get_level_values("region"))
    # regions and years judged on the years where every indicator exists somewhere (a year
    # dropped for everyone is reported once, under years_dropped)
    live = incomplete[~_years_of(incomplete).isin(list(years_dropped))]
    live_window = window[~wy.isin(list(years_dropped))]
    regions_dropped = {}
    region_years_dropped = {}
    for r in dict.fromkeys(live.index.get_level_values("region")):
        if r in kept_regions:
            region_years_dropped[r] = sorted(int(y) for y in _years_of(live.loc[[r]]))
        else:
            regions_dropped[r] = [c for c in codes if live_window.loc[r, c].isna().all()]
    regions_dropped = dict(sorted(regions_dropped.items()))
    region_years_dropped = dict(sorted(region_years_dropped.items()))
    report = DroppedReport(
        indicators=codes, years_in_range=years_in_range,
        sample_years=sorted(int(y) for y in _years_of(complete).unique()),
        years_dropped=years_dropped, last_year=last_year, regions_dropped=regions_dropped,
        region_years_dropped=region_years_dropped, rows_kept=len(complete),
        rows_dropped=len(window) - len(complete),
    )
    return _logged(complete) if log else complete.astype(float).copy(), report


def _sample(panel: pd.DataFrame, codes: list[str], start_year: int | None,
            end_year: int | None, rows: Sequence[tuple[str, int]] | None,
            ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``(window, complete)``: the chosen columns in the year window, and its complete rows
    (or exactly ``rows``, which must be complete)."""
    years = _years_of(panel)
    lo = years.min() if start_year is None else start_year
    hi = years.max() if end_year is None else end_year
    window = panel.loc[(years >= lo) & (years <= hi), codes]
    if rows is not None:
        complete = window.loc[list(rows)]
        if complete.isna().any().any():
            raise ValueError("the rows given have missing values for: "
                             + ", ".join(complete.columns[complete.isna().any()]))
    else:
        complete = window.dropna()
    return window, complete


def _logged(complete: pd.DataFrame) -> pd.DataFrame:
    """A float copy with the :data:`LOGGED` columns in natural logs (refusing values <= 0)."""
    frame = complete.astype(float).copy()
    for c in frame.columns:
        if c in LOGGED:
            if (frame[c] <= 0).any():
                raise ValueError(f"{c} has values <= 0, which cannot be logged")
            frame[c] = np.log(frame[c])
    return frame


def digital_index(
    indicators: Iterable[str] = DEFAULT_INDICATORS,
    start_year: int | None = None,
    end_year: int | None = None,
    *,
    panel: pd.DataFrame | None = None,
    rows: Sequence[tuple[str, int]] | None = None,
) -> tuple[pd.Series, pd.Series]:
    """The entropy-weighted digital economy index and its weights (formula: module docstring).

    Args:
        indicators, start_year, end_year, panel, rows: as in
            :func:`digital_indicators_frame` (the sample is its complete province-years).

    Returns:
        ``(index, weights)``: index named ``"digital_economy_index"``, in [0, 1], indexed
        ``(region, year)``, higher = more digital relative to the sample; weights by
        indicator, summing to 1.

    Raises:
        ValueError: when fewer than two province-years have all the indicators.
    """
    codes = _codes(indicators)
    panel = scaled_panel(codes) if panel is None else panel
    # the sample without the DroppedReport (lesson 04's explorer recomputes the index on
    # every change; the report is only needed to explain a failure)
    _window, complete = _sample(panel, codes, start_year, end_year, rows)
    if len(complete) < 2:
        _frame, report = digital_indicators_frame(codes, start_year, end_year, panel=panel,
                                                  rows=rows)
        years = report.years_in_range
        span = f"{years[0]}-{years[-1]}" if years else f"{start_year}-{end_year}"
        raise ValueError(f"No province-year in {span} has all of: "
                         f"{', '.join(report.indicators)}.")
    index, weights = entropy_scores(_logged(complete))
    return index.rename("digital_economy_index"), weights

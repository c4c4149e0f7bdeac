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
* For a lesson that builds the index: :func:`index_param_spec` (its parameters, with the
  data-derived rule :func:`region_has_data`), :func:`year_ranks`, :func:`leave_one_out`,
  :func:`compare_indices` (Spearman by year against another index), :func:`position_third`,
  :func:`flagged_values`, and the tables and labels it shows (:func:`candidates_table`,
  :func:`labelled`, :func:`indicator_labels`). Every text comes from the kit's catalogue
  (``helpers/catalogue/digital.csv``, keys ``digital_*``) in the run's language.

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

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np
import pandas as pd

from helpers.composite import entropy_scores
from helpers.i18n import has_term, join, label, region_label, resolve_lang, t, unit_label

if TYPE_CHECKING:
    from helpers.params import ParamSpec

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
    "indicator_labels",
    "candidates_table",
    "flagged_values",
    "regions_with_data",
    "region_has_data",
    "index_param_spec",
    "year_ranks",
    "leave_one_out",
    "position_third",
    "labelled",
    "IndexComparison",
    "compare_indices",
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
        regions_kept, regions_in_window: provinces with a complete year, and provinces in the
            window.
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
    regions_kept: int = 0
    regions_in_window: int = 0

    def lines(self, lang: str | None = None) -> list[str]:
        """The report as Markdown bullet lines in ``lang`` (``"en"``, ``"zh"``; ``None``: the
        run's language). The sentences are the catalogue's ``digital_report_*`` texts."""
        lang = resolve_lang(lang)
        ys = self.sample_years
        out = [t("digital_report_years", lang, first=ys[0], last=ys[-1], n=len(ys)) if ys
               else t("digital_report_years_none", lang)]
        if self.years_dropped:
            why = sorted({c for cs in self.years_dropped.values() for c in cs})
            reasons = t("digital_report_sep", lang).join(
                t("digital_report_no_value_then", lang, code=c, last=self.last_year.get(c, "-"))
                for c in why)
            out.append(t("digital_report_years_dropped", lang,
                         years=join(self.years_dropped, lang), reasons=reasons))
        for r, miss in self.regions_dropped.items():
            out.append(t("digital_report_region_drops", lang, region=region_label(r, lang),
                         codes=join((f"`{c}`" for c in miss), lang)))
        for r, yrs in self.region_years_dropped.items():
            out.append(t("digital_report_region_loses", lang, region=region_label(r, lang),
                         years=join(yrs, lang)))
        return out

    def markdown(self, lang: str | None = None) -> str:
        """:meth:`lines` with the number of provinces kept after the year lines, as one
        Markdown list (what lesson 04 shows under "what drops out")."""
        out = self.lines(lang)
        out.insert(1 + bool(self.years_dropped),
                   t("digital_report_provinces", lang, n=self.regions_kept,
                     total=self.regions_in_window))
        return "\n".join(out)


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
        rows_dropped=len(window) - len(complete), regions_kept=len(kept_regions),
        regions_in_window=window.index.get_level_values("region").nunique(),
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


# --------------------------------------------------------------------------- lesson support
def indicator_labels(lang: str | None = None) -> dict[str, str]:
    """Short display names of :data:`CANDIDATES` (catalogue ``digital_ind_<code>``), by code;
    money flows carry "(log)" because they enter the index in logs (:data:`LOGGED`)."""
    return {code: t(f"digital_ind_{code}", lang) for code in CANDIDATES}


def _slug(text: object) -> str:
    return re.sub(r"[^a-z0-9]+", "_", str(text).strip().lower()).strip("_")


def _unit(unit: str, lang: str) -> str:
    """A unit's display form: the glossary's, else the catalogue's ``digital_unit_<unit>``."""
    key = f"digital_unit_{_slug(unit)}"
    shown = unit_label(unit, lang)
    return t(key, lang) if shown == unit and has_term(key) else shown


def labelled(frame: pd.DataFrame, lang: str | None = None) -> pd.DataFrame:
    """A table ready to show: column and index names from the catalogue (``digital_col_<name>``,
    else the glossary term ``<name>``; unknown names stay), region names and units in ``lang``.

    The data are not changed (a copy is relabelled), so a lesson computes with the codes and
    shows the labels.
    """
    lang = resolve_lang(lang)

    def name(col: object) -> object:
        if col is None:
            return None
        key = f"digital_col_{_slug(col)}"
        return t(key, lang) if has_term(key) else label(_slug(col), lang) if has_term(
            _slug(col)) else col

    out = frame.copy()
    if "region" in out.columns:
        out["region"] = out["region"].map(lambda r: region_label(r, lang))
    if "unit" in out.columns:
        out["unit"] = out["unit"].map(lambda u: _unit(u, lang))
    out.columns = [name(c) for c in out.columns]
    out.index = out.index.set_names([name(n) for n in out.index.names])
    return out


def candidates_table(panel: pd.DataFrame, indicators: Iterable[str] = DEFAULT_INDICATORS,
                     lang: str | None = None) -> pd.DataFrame:
    """The candidate indicators as a table to show (lesson 04, section 1), labelled in ``lang``.

    One row per code of :data:`CANDIDATES`: display name, dimension, where it is published
    (``table: indicator``), its scaling (and whether it is logged), the years and number of
    provinces with a value in ``panel`` (a :func:`scaled_panel`), and whether it is among
    ``indicators``. A code missing from ``panel`` shows years ``-`` and 0 provinces.
    """
    lang = resolve_lang(lang)
    chosen = set(_codes(indicators))
    rows = {}
    for code, cand in CANDIDATES.items():
        have = panel[code].dropna().index if code in panel.columns else panel.index[:0]
        years = have.get_level_values("year")
        unit = t(f"digital_scale_{cand.scaling}", lang)
        rows[code] = {
            "indicator": t(f"digital_ind_{code}", lang),
            "dimension": t(f"digital_dim_{_slug(cand.dimension)}", lang),
            "published_as": f"{cand.table}: {cand.source}",
            "scaled_to": t("digital_scaled_logged", lang, unit=unit) if code in LOGGED else unit,
            "years": f"{years.min()}-{years.max()}" if len(years) else "-",
            "provinces": have.get_level_values("region").nunique(),
            "in_index": t("digital_yes", lang) if code in chosen else "",
        }
    frame = pd.DataFrame.from_dict(rows, orient="index")
    frame.index.name = "code"
    return labelled(frame, lang)


def flagged_values(indicators: Iterable[str], rows: Iterable[tuple[str, int]],
                   data_dir: str | None = None) -> pd.DataFrame:
    """Published values of the chosen indicators that the data layer flags ``large_jump`` (an
    implausible one-year jump, kept as published), in the province-years ``rows``.

    Returns:
        Columns ``region, year, index_indicator`` (code of :data:`CANDIDATES`), ``indicator``
        (published code), ``value, unit``; only indicators of ``digital_indicators`` are
        flagged this way.
    """
    from helpers.data import load

    flags = load("digital_indicators", data_dir=data_dir)
    flags = flags[flags["flag"].str.contains("large_jump")]
    src_codes = {CANDIDATES[c].source: c for c in _codes(indicators)
                 if CANDIDATES[c].table == "digital_indicators"}
    wanted = pd.MultiIndex.from_tuples(list(rows), names=["region", "year"])
    keep = (flags["indicator"].isin(list(src_codes))
            & flags.set_index(["region", "year"]).index.isin(wanted))
    out = flags[keep]
    out = out.assign(index_indicator=out["indicator"].map(src_codes))
    return out[["region", "year", "index_indicator", "indicator", "value", "unit"]].reset_index(
        drop=True)


def regions_with_data(indicators: Iterable[str], start_year: int, end_year: int,
                      data_dir: str | None = None) -> dict[str, set[str]]:
    """For each chosen indicator, the regions with a PUBLISHED value in at least one year of
    ``start_year``..``end_year`` (the raw table, before scaling)."""
    from helpers.data import load

    out = {}
    for code in _codes(indicators):
        cand = CANDIDATES[code]
        raw = load(cand.table, indicators=cand.source, years=(start_year, end_year),
                   data_dir=data_dir)
        out[code] = set(raw.dropna(subset=["value"])["region"])
    return out


def region_has_data(data_dir: str | None = None) -> Callable[[Mapping[str, Any]], str | None]:
    """Rule for a lesson's :class:`~helpers.params.ParamSpec`: the followed ``region`` has a
    value for every chosen indicator in at least one year of ``start_year``..``end_year``
    (else it cannot be ranked).

    The error (catalogue ``digital_err_region_lacks_data``, in the ``language`` parameter's
    language) names the indicators it lacks and the provinces that have them all.
    """
    from helpers.params import rule

    def test(v: Mapping[str, Any]) -> str | None:
        have = regions_with_data(v["indicators"], v["start_year"], v["end_year"], data_dir)
        lacking = [code for code, regs in have.items() if v["region"] not in regs]
        if not lacking:
            return None
        lang = v.get("language")
        return t("digital_err_region_lacks_data", lang, region=v["region"],
                 missing=", ".join(lacking), start=v["start_year"], end=v["end_year"],
                 allowed=", ".join(sorted(set.intersection(*have.values()))) or "-")

    return rule(("region", "indicators", "start_year", "end_year"), test, "region_has_data")


def _two_or_more(codes: Sequence[str]) -> str | None:
    return None if len(codes) >= 2 else t("digital_err_two_indicators")


def index_param_spec(years: Sequence[int], data_dir: str | None = None) -> ParamSpec:
    """The parameters of a lesson that builds the index (lesson 04), with their checks.

    ``language``, ``region`` (one of the 31 provinces, Chinese names accepted), ``start_year``
    and ``end_year`` within ``years`` (in order), ``indicators`` (at least two distinct codes of
    :data:`CANDIDATES`), and the data-derived rule :func:`region_has_data`.
    """
    from helpers import regions
    from helpers.params import (
        Param,
        ParamSpec,
        language_param,
        region_param,
        year_param,
    )

    return ParamSpec(
        language=language_param(),
        region=region_param(regions.PROVINCES, "province to follow"),
        start_year=year_param(years, "first year of the index"),
        end_year=year_param(years, "last year of the index"),
        indicators=Param(list[str], choices=tuple(CANDIDATES), unique=True, check=_two_or_more,
                         doc="indicators of the index"),
        order=[("start_year", "end_year")],
        checks=[region_has_data(data_dir)],
    )


def year_ranks(index: pd.Series) -> pd.Series:
    """Rank of each region within its year, 1 = highest score (ties share the lower rank,
    ``method="min"``), as ints; ``index`` is indexed ``(region, year)``."""
    return index.groupby(level="year").rank(ascending=False, method="min").astype(int)


def leave_one_out(indicators: Iterable[str], start_year: int | None, end_year: int | None,
                  region: str, *, panel: pd.DataFrame | None = None,
                  rows: Sequence[tuple[str, int]] | None = None) -> pd.DataFrame:
    """How the index ranks move when one indicator is left out (lesson 04, section 6).

    For each chosen indicator ``c``, weights and index are recomputed without ``c`` on the SAME
    province-years as the full index (``rows``; default its complete province-years), so that
    only the indicator changes, not the sample. Ranks are those of the last sample year.

    Returns:
        Frame indexed ``"left out"`` (the code dropped) with ``rank`` (``region``'s rank
        without it, 1 = highest), ``change`` (that rank minus the full index's rank; + = the
        region falls, i.e. it was helped by the indicator), ``mean_abs_change`` (mean absolute
        rank change over all provinces) and ``largest_weight`` (code with the largest weight
        without ``c``).
    """
    codes = _codes(indicators)
    panel = scaled_panel(codes) if panel is None else panel
    full, _ = digital_index(codes, start_year, end_year, panel=panel, rows=rows)
    rows = tuple(full.index) if rows is None else rows
    last = int(_years_of(full.to_frame()).max())
    base = year_ranks(full).xs(last, level="year")
    out = []
    for c in codes:
        index, weights = digital_index([x for x in codes if x != c], start_year, end_year,
                                       panel=panel, rows=rows)
        ranks = year_ranks(index).xs(last, level="year")
        out.append({"left out": c, "rank": int(ranks[region]),
                    "change": int(ranks[region] - base[region]),
                    "mean_abs_change": float((ranks - base.reindex(ranks.index)).abs().mean()),
                    "largest_weight": weights.idxmax()})
    return pd.DataFrame(out).set_index("left out")


def position_third(rank: int, n: int) -> str:
    """``"upper"``, ``"middle"`` or ``"lower"``: the third of ``n`` ranked regions that rank
    ``rank`` (1 = highest) falls in (upper: rank <= n/3; middle: rank <= 2n/3)."""
    if not 1 <= rank <= n:
        raise ValueError(f"rank must be between 1 and n = {n}; got {rank}")
    return "upper" if rank <= n / 3 else "middle" if rank <= 2 * n / 3 else "lower"


class IndexComparison(NamedTuple):
    """Two indices on their common region-years (:func:`compare_indices`)."""

    values: pd.DataFrame  #: columns ``ours``, ``other``, index ``(region, year)``
    ranks: pd.DataFrame  #: their ranks within each year, 1 = highest
    spearman: pd.Series  #: Spearman rank correlation of the two, by year


def compare_indices(ours: pd.Series, other: pd.Series) -> IndexComparison:
    """Compare two indices indexed ``(region, year)`` on the region-years both have.

    Spearman's rank correlation by year (1 = the same order of provinces, 0 = unrelated); ranks
    with ``method="min"``. An empty comparison (no common region-year) gives empty frames.
    """
    common = ours.index.intersection(other.index)
    values = pd.DataFrame({"ours": ours.reindex(common), "other": other.reindex(common)})
    ranks = values.groupby(level="year").rank(ascending=False, method="min")
    spearman = values.groupby(level="year").apply(
        lambda d: d["ours"].corr(d["other"], method="spearman"))
    return IndexComparison(values, ranks, spearman)

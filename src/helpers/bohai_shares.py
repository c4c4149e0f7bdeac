"""The Bohai Rim's shares of China (land area, population, GDP) under the kit's two definitions,
the paper's stated figures beside them, and which city figures the coastal definition lacks.

Two definitions (:func:`helpers.regions.bohai_rim`): ``"provinces"`` (Beijing, Tianjin, Hebei,
Liaoning, Shandong, whole) and ``"coastal"`` (Beijing, Tianjin + 13 coastal cities, seed 004's
wording). The share figures are those of the claims registry (:mod:`helpers.claims`, claims
``seed004_*_share_*``), so a lesson and the registry can never disagree:

* area share = 100 * (land area of the five provinces) / (China's land area);
* population share = 100 * (five provinces' year-end residents) / (31 provinces'), 2023;
  coastal: 2020 census population of the members / 31 provinces' 2020 year-end residents;
* GDP share = 100 * (five provinces' 2023 GDP) / (national GDP); coastal: a range, from the
  members with 2023 data (lower bound) to each missing city taking its province's whole
  remainder (upper bound), pre-5th-census vintage throughout.

Reference: Fei Miao (2024), *Research on the Development of an Innovation-Driven Economy in the
Bohai Rim* (seed document 004): 5.4% of area, 17.7% of population, 26% of GDP (2023).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass

import pandas as pd

from helpers.i18n import region_label, t

__all__ = ["BohaiShares", "bohai_shares", "coastal_coverage", "coverage_table", "share_of_total",
           "share_verdicts"]

#: Claims of seed 004 that the shares come from (definition -> claim id), by figure.
SHARE_CLAIMS: dict[str, str] = {
    "area": "seed004_area_share_provinces",
    "population": "seed004_population_share_provinces",
    "gdp": "seed004_gdp_share_2023_provinces",
    "population_coastal": "seed004_population_share_coastal",
    "gdp_coastal": "seed004_gdp_share_2023_coastal",
}


@dataclass(frozen=True)
class BohaiShares:
    """The Bohai Rim's shares of China in percent (see the module docstring for formulas).

    ``*_paper`` are the paper's stated figures; ``gdp_coastal_low``/``_high`` bound the coastal
    GDP share (8 member cities have no 2023 GDP in the kit). The coastal area share is unknown
    (the kit has no city land areas): it is below ``area``.
    """

    area: float
    population: float
    population_year: int
    gdp: float
    population_coastal: float
    gdp_coastal_low: float
    gdp_coastal_high: float
    area_paper: float
    population_paper: float
    gdp_paper: float

    def as_dict(self) -> dict[str, float | int]:
        """The fields by name (for a catalogue sentence's placeholders)."""
        return asdict(self)


def share_verdicts() -> dict[str, object]:
    """The registry's verdict on each share claim as a label in the asking language
    (``area_verdict``, ``population_verdict``, ...), for the sentence beside the figures."""
    from helpers.claims import evaluate, verdict_label

    return {f"{k}_verdict": verdict_label(evaluate(cid).verdict)
            for k, cid in SHARE_CLAIMS.items()}


def bohai_shares() -> BohaiShares:
    """The shares as the claims registry computes them (one evaluation per claim)."""
    from helpers.claims import evaluate, get

    fig = {k: evaluate(cid).figures for k, cid in SHARE_CLAIMS.items()}
    return BohaiShares(
        area=fig["area"]["share_pct"],
        population=fig["population"]["share_pct"],
        population_year=int(fig["population"]["year"]),
        gdp=fig["gdp"]["share_of_national_pct"],
        population_coastal=fig["population_coastal"]["share_pct"],
        gdp_coastal_low=fig["gdp_coastal"]["lower_bound_pct"],
        gdp_coastal_high=fig["gdp_coastal"]["upper_bound_pct"],
        area_paper=get(SHARE_CLAIMS["area"]).stated,
        population_paper=get(SHARE_CLAIMS["population"]).stated,
        gdp_paper=get(SHARE_CLAIMS["gdp"]).stated,
    )


def share_of_total(frame: pd.DataFrame, regions: Iterable[str], *, indicator: str,
                   year: int) -> float:
    """Percent share of ``regions`` in the sum over all regions of ``frame``.

    Formula: ``100 * sum(value of regions) / sum(value of every region)`` for one indicator and
    year (e.g. the five provinces' GDP over the 31 provinces' combined GDP).

    Args:
        frame: tidy frame (region, year, indicator, value) holding only the regions of the
            total (no "China" row).
        regions: the regions whose share is wanted.
        indicator: indicator code, e.g. ``"gdp"``.
        year: the year.

    Raises:
        ValueError: no row for that indicator and year.
    """
    d = frame[(frame["indicator"] == indicator) & (frame["year"] == year)]
    if d.empty:
        raise ValueError(f"no {indicator!r} values for {year}")
    return float(100 * d.loc[d["region"].isin(list(regions)), "value"].sum() / d["value"].sum())


def coastal_coverage(members: Sequence[str], census: pd.DataFrame, hebei_gdp: pd.DataFrame,
                     bohai_gdp: pd.DataFrame, shandong_gdp: pd.DataFrame) -> pd.DataFrame:
    """Which figures the kit holds for each member of the coastal Bohai Rim.

    Args:
        members: the coastal members (``bohai_rim("coastal")``).
        census: ``city_census_population`` rows for 2020.
        hebei_gdp, bohai_gdp: ``hebei_city_gdp`` and ``bohai_city_gdp_2023`` rows for 2023.
        shandong_gdp: ``shandong_city_gdp`` rows, every year (to say where each city ends).

    Returns:
        One row per member: ``region``, ``census_2020`` (bool), ``gdp_2023`` (a code:
        ``province``, ``hebei``, ``communique``, ``shandong_ends`` or ``missing``) and
        ``gdp_last_year`` (last Shandong city year, else NA). Land area is missing for all.
    """
    ends = shandong_gdp.groupby("region")["year"].max()
    rows = []
    for m in members:
        last = pd.NA
        if m in ("Beijing", "Tianjin"):
            code = "province"
        elif m in set(hebei_gdp["region"]):
            code = "hebei"
        elif m in set(bohai_gdp["region"]):
            code = "communique"
        elif m in ends.index:
            code, last = "shandong_ends", int(ends[m])
        else:
            code = "missing"
        rows.append({"region": m, "census_2020": m in set(census["region"]), "gdp_2023": code,
                     "gdp_last_year": last})
    return pd.DataFrame(rows)


def coverage_table(coverage: pd.DataFrame, lang: str | None = None) -> pd.DataFrame:
    """:func:`coastal_coverage` as a table to show, labelled in ``lang`` (None: the run's)."""
    yes, no = t("l02_yes", lang), t("l02_no", lang)
    gdp = [t(f"l02_gdp_src_{c}", lang, year=y) if c == "shandong_ends"
           else t(f"l02_gdp_src_{c}", lang)
           for c, y in zip(coverage["gdp_2023"], coverage["gdp_last_year"], strict=True)]
    return pd.DataFrame({
        t("region", lang): [region_label(r, lang) for r in coverage["region"]],
        t("l02_col_census_2020", lang): [yes if c else no for c in coverage["census_2020"]],
        t("l02_col_gdp_2023", lang): gdp,
        t("l02_col_land_area", lang): t("l02_missing", lang),
    })


def share_chart(shares: BohaiShares, *, source: str, lang: str | None = None):
    """Bars of the paper's figures beside the two definitions' shares, with alt text.

    The coastal GDP share is a range (bar = lower bound, whisker = upper bound); the coastal
    area share is unknown (a "?"). Returns the matplotlib Figure (show it with
    :func:`helpers.plots.show`; its alt text is set).
    """
    import numpy as np

    from helpers import plots

    groups = [t("l02_area", lang), t("l02_population", lang), t("l02_gdp2023", lang)]
    paper = [shares.area_paper, shares.population_paper, shares.gdp_paper]
    five = [shares.area, shares.population, shares.gdp]
    coastal = [np.nan, shares.population_coastal, shares.gdp_coastal_low]
    names = [t("l02_paper", lang), t("l02_def_provinces", lang), t("l02_def_coastal", lang)]
    colors = [plots.CONTEXT_COLOR, plots.HIGHLIGHT_COLOR, plots.OKABE_ITO["blue"]]
    fig, ax = plots.new_figure(figsize=(8.0, 4.2))
    x, wdt = np.arange(3), 0.26
    for k, (vals, name, color) in enumerate(zip((paper, five, coastal), names, colors,
                                                strict=True)):
        ax.bar(x + (k - 1) * wdt, vals, wdt, color=color, label=name)
    ax.errorbar([x[2] + wdt], [shares.gdp_coastal_low],
                yerr=[[0], [shares.gdp_coastal_high - shares.gdp_coastal_low]], fmt="none",
                ecolor="black", capsize=4)
    ax.text(x[0] + wdt, 0.5, "?", ha="center", fontsize=14)
    ax.set_xticks(x, groups)
    ax.set_ylabel(t("percent", lang))
    title = t("l02_share_title", lang)
    ax.set_title(title)
    ax.legend(loc="upper left")
    plots.add_source_note(fig, source, lang)
    alt = "; ".join(f"{g}: {names[0]} {p:g}%, {names[1]} {f:.1f}%"
                    for g, p, f in zip(groups, paper, five, strict=True))
    plots.set_alt_text(fig, f"{title}: {alt}")
    return fig

"""Innovation inputs and outputs of the provinces as one tidy frame of ratios.

Five indicators, each a ratio so that money is never compared across years (current prices):

* ``rd_intensity``: R&D expenditure as % of GDP (``rd_inputs``, as published);
* ``rd_personnel_per_10k``: R&D personnel (full-time equivalent) / year-end residents in 10k
  persons, i.e. per 10,000 residents (``rd_inputs`` / ``province_population``);
* ``fiscal_edu_st_share``: 100 * (local budget spending on education + on science and
  technology) / all local budget spending (``fiscal_expenditure``);
* ``patents_per_10k``: domestic patents granted / year-end residents in 10k persons
  (``patents`` / ``province_population``);
* ``tech_market_turnover_pct_gdp``: technology contract turnover by seller region, in 10k yuan,
  / 10^4 (-> 100 million yuan, GDP's unit) / GDP * 100 (``tech_market`` / ``province_gdp``).

Higher means more innovation input or output; none of them is "better" on its own. A ratio is
left out (never filled) where its numerator or denominator is missing.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from helpers.i18n import region_label, t

__all__ = ["INDICATORS", "innovation_indicators", "latest_table", "rose_every_year"]

#: The indicators in the order the lesson shows them.
INDICATORS: tuple[str, ...] = ("rd_intensity", "rd_personnel_per_10k", "fiscal_edu_st_share",
                               "patents_per_10k", "tech_market_turnover_pct_gdp")


def _wide(df: pd.DataFrame) -> pd.DataFrame:
    df = df[df["region"] != "China"]
    return df.pivot_table(index=["region", "year"], columns="indicator", values="value")


def innovation_indicators(rd: pd.DataFrame, fiscal: pd.DataFrame, patents: pd.DataFrame,
                          tech_market: pd.DataFrame, population: pd.DataFrame,
                          gdp: pd.DataFrame) -> pd.DataFrame:
    """The five indicators of the module docstring for every province-year with data.

    Args:
        rd: ``rd_inputs`` (``rd_intensity_pct_gdp``, ``rd_personnel_fte_total``).
        fiscal: ``fiscal_expenditure`` (``local_general_budget_expenditure_{total,education,
            science_technology}``).
        patents: ``patents`` (``patent_grants_total``).
        tech_market: ``tech_market`` (``tech_market_turnover_outflow_value``, 10k yuan).
        population: ``province_population`` (``pop_yearend_resident``, 10k persons).
        gdp: ``province_gdp`` (``gdp``, 100 million yuan); other indicators are ignored.

    Returns:
        Tidy frame region, year, value, indicator (rows of "China" are dropped).
    """
    w_rd, w_fis = _wide(rd), _wide(fiscal)
    w_pop = _wide(population)["pop_yearend_resident"]
    w_gdp = _wide(gdp[gdp["indicator"] == "gdp"])["gdp"]
    fis = "local_general_budget_expenditure_"
    parts = {
        "rd_intensity": w_rd["rd_intensity_pct_gdp"],
        "rd_personnel_per_10k": (w_rd["rd_personnel_fte_total"] / w_pop).dropna(),
        "fiscal_edu_st_share": 100 * (w_fis[fis + "education"] + w_fis[fis + "science_technology"])
        / w_fis[fis + "total"],
        "patents_per_10k": (_wide(patents)["patent_grants_total"] / w_pop).dropna(),
        "tech_market_turnover_pct_gdp": (
            100 * _wide(tech_market)["tech_market_turnover_outflow_value"] / 1e4 / w_gdp
        ).dropna(),
    }
    out = pd.concat([s.rename("value").reset_index().assign(indicator=k)
                     for k, s in parts.items()], ignore_index=True)
    return out[out["value"].notna()].reset_index(drop=True)


def latest_table(indicators: pd.DataFrame, regions: Sequence[str],
                 lang: str | None = None) -> pd.DataFrame:
    """Each region's latest value of each indicator, labelled for display.

    Rows: ``regions`` that have data (display names); columns: indicator label with the latest
    year any of these regions has, e.g. "R&D intensity (2023)". A region without a value in
    that latest year shows its own latest value.
    """
    d = indicators[indicators["region"].isin(list(regions))]
    last = d.sort_values("year").groupby(["indicator", "region"]).tail(1)
    order = [c for c in INDICATORS if c in set(last["indicator"])]
    tab = last.pivot(index="region", columns="indicator", values="value")[order]
    years = last.groupby("indicator")["year"].max()
    tab.columns = [t("l02_label_year", lang, label=t(c, lang), year=int(years[c])) for c in order]
    tab.index = [region_label(r, lang) for r in tab.index]
    return tab


def rose_every_year(indicators: pd.DataFrame, region: str, indicator: str,
                    years: tuple[int, int]) -> bool:
    """Whether ``indicator`` of ``region`` rose in every year-on-year step within ``years``.

    A step with no change (difference <= 0) counts as "did not rise". Years missing from the
    data are skipped (the step is then between the neighbouring years present).
    """
    s = indicators[(indicators["indicator"] == indicator) & (indicators["region"] == region)
                   & indicators["year"].between(*years)].set_index("year")["value"].sort_index()
    return not bool((s.diff().dropna() <= 0).any())

"""Statistics of regions and of groups of regions: sector shares of GDP, group totals and
means, the gap between one group and the rest, and GDP per person at the censuses.

A **group total** share adds up the members first (sum of value added over sum of GDP), so
big members weigh more; it is left out (NaN) in a year when a member is missing, rather than
computed on fewer members. A **group mean** is the unweighted mean of the members' values
(each region counts once). Nothing is interpolated or filled.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

__all__ = ["SECTOR_SHARES", "census_per_capita", "group_gap", "group_means", "group_shares",
           "sector_shares_of_gdp", "top_region"]

#: Share indicator -> value-added indicator whose share of GDP it is.
SECTOR_SHARES: dict[str, str] = {"primary_share": "va_primary",
                                 "secondary_share": "va_secondary",
                                 "tertiary_share": "va_tertiary"}


def sector_shares_of_gdp(wide: pd.DataFrame,
                         sectors: Mapping[str, str] = SECTOR_SHARES) -> pd.DataFrame:
    """Each sector's value added as a percent of GDP, ``100 va / gdp``, per region-year.

    Args:
        wide: one row per ``(region, year)`` (MultiIndex), columns ``gdp`` and the value-added
            indicators (e.g. ``pivot_table`` of a tidy frame).
        sectors: ``{share indicator: value-added column}`` (default :data:`SECTOR_SHARES`).

    Returns:
        Tidy ``region, year, indicator, value``.
    """
    return pd.concat(
        [pd.DataFrame({"region": wide.index.get_level_values("region"),
                       "year": wide.index.get_level_values("year"), "indicator": name,
                       "value": 100 * wide[va].to_numpy() / wide["gdp"].to_numpy()})
         for name, va in sectors.items()], ignore_index=True)


def group_shares(wide: pd.DataFrame, groups: Mapping[str, Sequence[str]],
                 years: Sequence[int],
                 sectors: Mapping[str, str] = SECTOR_SHARES) -> pd.DataFrame:
    """Group totals of the sector shares: ``100 sum_members va / sum_members gdp``.

    Args:
        wide: as in :func:`sector_shares_of_gdp`.
        groups: ``{group: [regions]}`` (:func:`helpers.regions.groups`).
        years: the years computed.
        sectors: as in :func:`sector_shares_of_gdp`.

    Returns:
        Tidy ``group, year, indicator, value``; NaN in a year when a member has no row.
    """
    rows = []
    for name, va in sectors.items():
        for g, members in groups.items():
            for y in years:
                keys = [(r, y) for r in members]
                if all(k in wide.index for k in keys):
                    sub = wide.loc[keys]
                    value = 100 * sub[va].sum() / sub["gdp"].sum()
                else:
                    value = np.nan
                rows.append({"group": g, "year": y, "indicator": name, "value": value})
    return pd.DataFrame(rows)


def group_means(wide: pd.DataFrame, groups: Mapping[str, Sequence[str]]) -> pd.DataFrame:
    """Unweighted mean of each group's members: rows groups, columns those of ``wide``.

    Args:
        wide: values with regions as rows (e.g. years as columns).
        groups: ``{group: [regions]}``.
    """
    return pd.DataFrame({g: wide.loc[list(ms)].mean() for g, ms in groups.items()}).T


def group_gap(values: pd.Series, members: Sequence[str]) -> float:
    """Mean of ``members`` minus the mean of every other region in ``values`` (unweighted).

    Positive: the group is above the rest.
    """
    inside = values.index.isin(list(members))
    return float(values[inside].mean() - values[~inside].mean())


def census_per_capita(gdp: pd.DataFrame, population: pd.DataFrame, years: Sequence[int],
                      fallback: pd.Series | None = None, *, source: str = "",
                      fallback_source: str = "") -> pd.DataFrame:
    """GDP per person in yuan in census years: ``gdp * 1e8 / population``.

    Args:
        gdp: GDP in 100 million yuan, regions as rows and years as columns.
        population: census population (persons), regions as rows and census years as columns.
        years: the census years.
        fallback: GDP by ``(region, year)`` from another table, used only where ``gdp`` has no
            value (e.g. a city-year the compilation left out); None: no fallback.
        source, fallback_source: labels recorded in the ``gdp_source`` column.

    Returns:
        Tidy ``region, year, gdp, gdp_source, population, value`` (value = GDP per person).
        A region-year still without GDP keeps a NaN value (never filled).
    """
    rows = []
    for y in years:
        for r in population.index:
            v, src = gdp.loc[r].get(y, np.nan) if r in gdp.index else np.nan, source
            if not np.isfinite(v) and fallback is not None and (r, y) in fallback.index:
                v, src = fallback[(r, y)], fallback_source
            p = population.loc[r, y]
            rows.append({"region": r, "year": y, "gdp": v, "gdp_source": src,
                         "population": p, "value": v * 1e8 / p})
    return pd.DataFrame(rows)


def top_region(frame: pd.DataFrame, indicator: str, year: int) -> str:
    """The region with the largest value of ``indicator`` in ``year`` in a tidy frame
    (``region, year, indicator, value``); ties: the first in the frame's order."""
    d = frame[(frame["indicator"] == indicator) & (frame["year"] == year)]
    if d["value"].notna().sum() == 0:
        raise ValueError(f"top_region: no value of {indicator!r} in {year}")
    return str(d.set_index("region")["value"].idxmax())

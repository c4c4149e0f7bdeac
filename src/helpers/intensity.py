"""Intensity per unit of GDP (energy, SO2) and its fall within one comparable stretch of years.

An intensity divides a quantity by GDP, year by year and region by region::

    intensity_{r,y} = factor * Q_{r,y} / GDP_{r,y}

e.g. energy in 10k tonnes of standard coal / GDP in 100 million yuan = tonnes per 10k yuan
(factor 1); SO2 in 10k tonnes / GDP in 100 million yuan * 1000 = kg per 10k yuan (factor 1000).
Lower = less energy or pollution per yuan of output. With GDP at current prices part of any
fall is inflation in the denominator, so the robust comparison is between regions in one year.

A series break (a change of method or a revised series joined to older years) makes the years
before and after it incomparable, so the fall is measured only from the last break to the last
year::

    fall = 100 (1 - intensity_last / intensity_base)    [%],  base = the last break year
                                                          (or the first year if none)
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

__all__ = ["fall_since_break", "intensity_summary", "per_gdp"]


def per_gdp(quantity: pd.DataFrame, gdp: pd.DataFrame, factor: float = 1.0) -> pd.DataFrame:
    """``factor * quantity / gdp`` for the years and regions both hold (formula: module doc).

    Args:
        quantity: years as rows, regions as columns (e.g. energy use, SO2 emissions).
        gdp: GDP in the same layout (one vintage; 100 million yuan).
        factor: unit conversion (1000 turns 10k tonnes / 100 million yuan into kg / 10k yuan).

    Returns:
        The intensity, without rows or columns that are entirely missing.
    """
    return (factor * quantity / gdp).dropna(how="all").dropna(axis=1, how="all")


def fall_since_break(series: pd.Series, breaks: Iterable[int]) -> tuple[int, int, float]:
    """How much an intensity fell from the last series break to its last year.

    Args:
        series: one region's intensity indexed by year.
        breaks: first years of a new basis (see :func:`helpers.source_flags.breaks_of`); a
            break at the series' first year or outside its years is ignored.

    Returns:
        ``(base_year, last_year, fall_pct)``: base = the last break after the first year and
        not after the last one (else the first year); fall in percent (positive = it fell).
    """
    s = series.dropna()
    first, last = int(s.index.min()), int(s.index.max())
    base = max([b for b in breaks if first < b <= last] or [first])
    return base, last, float(100 * (1 - s[last] / s[base]))


def intensity_summary(intensity: pd.DataFrame, totals: pd.DataFrame, region: str,
                      breaks: Iterable[int]) -> dict[str, float | int]:
    """The numbers a lesson quotes about one region's intensity, in its last year.

    Args:
        intensity: per-GDP values, years as rows, regions as columns (:func:`per_gdp`).
        totals: the quantity itself in the same layout (energy use, emissions).
        region: the region quoted.
        breaks: series breaks (:func:`helpers.source_flags.breaks_of`).

    Returns:
        ``year`` (the region's last year), ``value`` (its intensity), ``rank`` (1 = highest
        intensity, i.e. the most per yuan), ``n`` (regions with a value that year),
        ``total_rank`` (1 = largest total), ``base`` and ``fall`` (:func:`fall_since_break`).
    """
    from helpers.regions import rank_of

    base, year, fall = fall_since_break(intensity[region], breaks)
    row = intensity.loc[year]
    return {"year": year, "value": float(row[region]), "rank": rank_of(row, region),
            "n": int(row.notna().sum()), "total_rank": rank_of(totals.loc[year], region),
            "base": base, "fall": fall}

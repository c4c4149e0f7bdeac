"""Growth rates that never cross a series break: windows, compound rates, group comparisons.

A series break (e.g. 2019, the first year after China's 4th economic census revised GDP)
makes levels before and after it incomparable, so a growth rate from one side to the other
measures the revision as much as the economy. Every function here takes the break year and
keeps to one side of it.

Formulas (values v, years a < b)::

    compound annual growth  g = 100 ((v_b / v_a)^(1 / (b - a)) - 1)   [% a year]
    year-on-year growth     g_y = 100 (v_y / v_{y-1} - 1)              [%]

Higher = faster growth. These are nominal when the values are at current prices.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

__all__ = ["break_windows", "cagr", "compare_growth", "price_part", "yoy_growth"]


def break_windows(start: int, end: int, break_year: int | None) -> list[tuple[int, int]]:
    """The longest spans inside ``[start, end]`` that do not cross ``break_year``.

    ``break_windows(2000, 2023, 2019)`` -> ``[(2000, 2018), (2019, 2023)]``; a side with
    fewer than two years is left out; no break: ``[(start, end)]``.
    """
    if break_year is None:
        spans = [(start, end)]
    else:
        spans = [(start, min(end, break_year - 1)), (max(start, break_year), end)]
    return [(a, b) for a, b in spans if b > a]


def cagr(values: pd.DataFrame | pd.Series, a: int, b: int) -> pd.Series | float:
    """Compound annual growth in percent from year ``a`` to year ``b`` (formula: module doc).

    Args:
        values: a Series indexed by year, or a frame with years as columns (one rate per row).
        a, b: first and last year (``b > a``).
    """
    if b <= a:
        raise ValueError(f"cagr: the last year ({b}) must be after the first ({a})")
    return 100 * ((values[b] / values[a]) ** (1 / (b - a)) - 1)


def yoy_growth(series: pd.Series, years: Sequence[int],
               break_year: int | None = None) -> pd.Series:
    """Year-on-year growth in percent for each year of ``years`` whose previous year is also
    in ``years``, except ``break_year`` (the change into the new basis is not computed)."""
    years = list(years)
    keep = [y for y in years if y - 1 in years and y != break_year]
    return pd.Series([100 * (series[y] / series[y - 1] - 1) for y in keep], index=keep,
                     dtype=float)


def compare_growth(wide: pd.DataFrame, first: Sequence[str], second: Sequence[str],
                   a: int, b: int) -> dict[str, object]:
    """How the members of two groups grew from ``a`` to ``b``, as totals and pair by pair.

    Args:
        wide: levels with regions as rows and years as columns.
        first, second: the two groups' regions (e.g. the coastal trio, Xingtai and Handan).
        a, b: first and last year (on one side of any break: see :func:`break_windows`).

    Returns:
        dict with ``rates`` (each region's compound rate, %), ``first`` and ``second`` (the
        compound rate of each group's total; NaN if a member lacks a value), ``faster``
        (number of pairs (x in first, y in second) with x growing faster than y), ``pairs``
        (number of pairs) and ``slower`` (``{x: [y, ...]}``: the members of ``second`` that
        x did not outgrow).
    """
    rates = cagr(wide, a, b)
    total = {name: cagr(wide.loc[list(ms)].sum(min_count=len(ms)), a, b)
             for name, ms in (("first", first), ("second", second))}
    slower = {x: [y for y in second if not rates[x] > rates[y]] for x in first}
    return {"rates": rates, **total,
            "faster": sum(bool(rates[x] > rates[y]) for x in first for y in second),
            "pairs": len(first) * len(second), "slower": {x: ys for x, ys in slower.items() if ys}}


def price_part(nominal: pd.Series, real_index: pd.Series, years: Sequence[int]) -> pd.DataFrame:
    """Nominal growth, real growth and their difference (the price part), year by year.

    ``nominal_y = 100 (V_y / V_{y-1} - 1)`` from current-price levels, ``real_y = I_y - 100``
    from a volume index with the previous year = 100, and ``price_y = nominal_y - real_y``
    (percentage points; approximately the growth of the implicit deflator). A positive price
    part means prices rose: nominal growth overstates real growth by that much.

    Args:
        nominal: current-price levels indexed by year.
        real_index: volume index (previous year = 100) indexed by year.
        years: the years wanted; those without the level, the previous level or the index
            are left out.

    Returns:
        Frame indexed by year with columns ``nominal``, ``real``, ``price`` (%).
    """
    keep = [y for y in years if {y - 1, y} <= set(nominal.index) and y in real_index.index]
    out = pd.DataFrame({"nominal": [100 * (nominal[y] / nominal[y - 1] - 1) for y in keep],
                        "real": [real_index[y] - 100 for y in keep]}, index=pd.Index(keep),
                       dtype=float)
    out["price"] = out["nominal"] - out["real"]
    return out

"""Real growth from volume indices: chain-linking "previous year = 100" indices into one index.

NBS publishes real (constant-price) growth as a volume index with the previous year = 100
(``province_gdp_index``: 106.1 means 6.1 % real growth on the year before). Chaining the
yearly indices gives an index with a chosen base year = 100, and from it the average annual
growth over the span::

    chain index      I_a = 100,  I_y = I_{y-1} * x_y / 100      (x_y: index, previous year = 100)
    total growth     G = I_b - 100                               [% from year a to year b]
    average growth   g = 100 ((I_b / I_a)^(1 / (b - a)) - 1)    [% a year, compound]

Higher = faster real growth (price changes removed). Reference: NBS, "Indices of Gross Regional
Product" (explanatory notes of the China Statistical Yearbook, chapter 3).
"""

from __future__ import annotations

import pandas as pd

__all__ = ["average_annual_growth", "chain_index"]


def chain_index(prev_year_100: pd.DataFrame | pd.Series, start: int, end: int
                ) -> pd.DataFrame | pd.Series:
    """Chain a previous-year = 100 volume index into an index with ``start`` = 100.

    Args:
        prev_year_100: volume indices indexed by year (one column per region, or a Series);
            the value of year y is output of y relative to y - 1, times 100.
        start: base year (its value is 100; its own index value is not used).
        end: last year (``end > start``).

    Returns:
        The chained index for the years ``start..end`` (NaN from the first missing year on).
    """
    if end <= start:
        raise ValueError(f"chain_index: end ({end}) must be after start ({start})")
    chain = (prev_year_100.loc[start + 1:end] / 100).cumprod(skipna=False) * 100
    chain.loc[start] = 100.0
    return chain.sort_index()


def average_annual_growth(chain: pd.DataFrame | pd.Series, start: int, end: int
                          ) -> pd.Series | float:
    """Compound average annual growth in percent between years ``start`` and ``end`` of a
    chained index (formula: module doc); one value per column of a frame."""
    if end <= start:
        raise ValueError(f"average_annual_growth: end ({end}) must be after start ({start})")
    return ((chain.loc[end] / chain.loc[start]) ** (1 / (end - start)) - 1) * 100

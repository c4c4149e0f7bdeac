"""How much a new vintage of a statistic revised the old one (e.g. GDP after an economic census).

After each economic census NBS revises past GDP; the old and the new figure of the same year
are two vintages of one statistic and are never joined into one series. The revision is::

    gap     = new - old                       (in the data's unit)
    gap_pct = 100 (new / old - 1)             [% of the old figure]

Positive = the census found more output than first recorded. Reference: NBS, communiques on
the 4th (2018) and 5th (2023) national economic census and the revised GDP series.
"""

from __future__ import annotations

import pandas as pd

__all__ = ["revision", "vintage_columns"]


def vintage_columns(tidy: pd.DataFrame, vintages: list[str]) -> pd.DataFrame:
    """One column per vintage (in the order given), years as rows, from a tidy table of ONE
    region and ONE indicator (columns year, vintage, value)."""
    if tidy["region"].nunique() > 1 or tidy["indicator"].nunique() > 1:
        raise ValueError("vintage_columns needs one region and one indicator")
    wide = tidy[tidy["vintage"].isin(vintages)].pivot(index="year", columns="vintage",
                                                       values="value")
    return wide.reindex(columns=vintages)


def revision(old: pd.Series, new: pd.Series) -> pd.DataFrame:
    """The revision of ``old`` by ``new`` year by year (formula: module doc).

    Args:
        old, new: the two vintages, indexed by year.

    Returns:
        Columns ``old``, ``new``, ``gap`` and ``gap_pct`` for the years both vintages hold.
    """
    both = pd.concat([old.rename("old"), new.rename("new")], axis=1).dropna()
    both["gap"] = both["new"] - both["old"]
    both["gap_pct"] = 100 * (both["new"] / both["old"] - 1)
    return both

"""A region's share of the provinces' total and its rank, and the highest and lowest region.

    share_r = 100 * x_r / sum_i x_i        [% of the provinces with a figure]
    rank_r  = 1 + number of provinces with a larger x   (1 = largest; ties share a rank)

Missing values are left out of both the total and the ranking (never filled), so ``n`` says
how many provinces the share and the rank are of. The total of the provinces is not China's
national figure (which the provinces' figures need not add up to).
"""

from __future__ import annotations

import pandas as pd

from helpers.regions import rank_of

__all__ = ["highest_and_lowest", "share_and_rank"]


def share_and_rank(values: pd.Series, region: str) -> dict[str, float | int]:
    """``value``, ``share`` (%), ``rank`` and ``n`` of ``region`` in ``values`` (a Series
    indexed by region, e.g. coke output in one year); formula in the module doc.

    Raises:
        KeyError: ``region`` has no value.
    """
    present = values.dropna()
    rank = rank_of(present, region)
    return {"value": float(present[region]), "share": float(100 * present[region] / present.sum()),
            "rank": rank, "n": int(len(present))}


def highest_and_lowest(values: pd.Series) -> dict[str, object]:
    """The regions with the highest and the lowest value (missing values left out), for a
    sentence: ``top`` and ``bottom`` are region names as catalogue texts
    (:func:`helpers.i18n.name_of`, said in the run's language), ``top_v`` and ``bottom_v``
    their values. Ties: the first region in ``values``' order."""
    from helpers.i18n import name_of

    present = values.dropna()
    if present.empty:
        raise ValueError("highest_and_lowest: no value to compare")
    return {"top": name_of(str(present.idxmax())), "top_v": float(present.max()),
            "bottom": name_of(str(present.idxmin())), "bottom_v": float(present.min())}

"""Which regions are at the top and the bottom of a ranking, as values for catalogue sentences.

The lessons quote extremes ("from 25.2 % (Zhangjiakou) to 51.0 % (Tangshan)", "Tangshan had
3.0 times the level of Xingtai"). These functions find them in a Series indexed by region and
return the values under the placeholder names the sentences use, with the regions as
:func:`helpers.i18n.name_of` texts (so a Chinese sentence names 唐山). Missing values are
ignored, never filled.
"""

from __future__ import annotations

import pandas as pd

from helpers.i18n import name_of

__all__ = ["extremes", "top_and_bottom"]


def _finite(values: pd.Series) -> pd.Series:
    v = pd.to_numeric(values, errors="coerce").dropna()
    if v.empty:
        raise ValueError("no value to rank")
    return v


def extremes(values: pd.Series) -> dict[str, object]:
    """The smallest and largest value and where they are, and their ratio.

    Returns:
        ``min_val``, ``min_city``, ``max_val``, ``max_city`` (region names as
        :class:`~helpers.i18n.Msg`) and ``ratio = max_val / min_val``.
    """
    v = _finite(values)
    return {"min_val": float(v.min()), "min_city": name_of(str(v.idxmin())),
            "max_val": float(v.max()), "max_city": name_of(str(v.idxmax())),
            "ratio": float(v.max() / v.min())}


def top_and_bottom(values: pd.Series) -> dict[str, object]:
    """The two largest values and the smallest, with where they are.

    Returns:
        ``top1``, ``g1`` (largest), ``top2``, ``g2`` (second largest), ``low``, ``g0``
        (smallest); region names as :class:`~helpers.i18n.Msg`. Ties keep the order of
        ``values``.
    """
    v = _finite(values).sort_values(kind="stable")
    if len(v) < 3:
        raise ValueError(f"top_and_bottom needs at least 3 values, got {len(v)}")
    return {"top1": name_of(str(v.index[-1])), "g1": float(v.iloc[-1]),
            "top2": name_of(str(v.index[-2])), "g2": float(v.iloc[-2]),
            "low": name_of(str(v.index[0])), "g0": float(v.iloc[0])}

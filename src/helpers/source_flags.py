"""The cells a source flags (``suspicious``, ``series_break``, ``preliminary``): as rows, as text
for a note, and the years where a series breaks.

Curated tables carry a ``flag`` column with the source's own notes; a lesson keeps the flagged
values as published and names them, so a reader knows which figures to doubt, and never joins a
line across a break (a change of method or basis: the years on either side are not comparable).
"""

from __future__ import annotations

import pandas as pd

from helpers import i18n

__all__ = ["breaks_of", "flagged", "flagged_text"]


def flagged(frame: pd.DataFrame, code: str) -> pd.DataFrame:
    """Rows of a tidy table whose ``flag`` contains ``code`` (none if there is no flag)."""
    if "flag" not in frame.columns:
        return frame.iloc[0:0]
    return frame[frame["flag"].fillna("").astype(str).str.contains(code)]


def flagged_text(frame: pd.DataFrame, code: str, by: str = "indicator",
                 lang: str | None = None) -> str:
    """``"<label> <year>: <value>"`` for each flagged row, joined for running text.

    Args:
        frame: tidy table with ``year``, ``value``, ``flag`` and the ``by`` column.
        code: the flag, e.g. ``"suspicious"``.
        by: ``"indicator"`` (labelled with its glossary term) or ``"region"`` (its name).
        lang: language (``None``: the run's).
    """
    rows = flagged(frame, code)
    label = i18n.region_label if by == "region" else i18n.label
    return i18n.join([f"{label(k, lang)} {y}: {v:g}"
                      for k, y, v in rows[[by, "year", "value"]].itertuples(index=False)], lang)


def breaks_of(frame: pd.DataFrame, code: str = "series_break",
              between: tuple[int, int] | None = None) -> list[int]:
    """Years whose ``flag`` contains ``code`` in a tidy table (the first year of a new basis).

    Args:
        frame: a tidy table with ``year`` and ``flag`` columns.
        code: the flag to look for.
        between: ``(first, last)``: keep only breaks a chart of these years shows, i.e.
            ``first < break <= last`` (a break at the first year separates nothing).
    """
    flags = frame["flag"].fillna("").astype(str)
    years = sorted(int(y) for y in frame.loc[flags.str.contains(code), "year"].unique())
    if between is not None:
        years = [y for y in years if between[0] < y <= between[1]]
    return years

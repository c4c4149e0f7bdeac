"""How far a compiled regional table can be trusted: cell status, checks against anchors, jumps.

A compiled table (e.g. ``hebei_city_gdp``) carries a ``flag`` per row: ``derived`` (computed
by the compiler), ``rounded``, ``series_break`` (first year on a new basis), ``jump``. These
functions turn the flags into one status per region-year, compare the compilation with
independent figures ("anchors"), and list year-on-year changes too large to be ordinary.
Nothing here changes or fills a value: they only describe.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

__all__ = ["STATUS_COLORS", "STATUS_ORDER", "anchor_check", "cell_status", "first_flag_year",
           "status_grid", "yoy_jumps"]

#: Status keys (catalogue labels), from most to least usable, and their colours.
STATUS_ORDER: tuple[str, ...] = ("flag_published", "flag_derived", "flag_rounded",
                                 "flag_break", "flag_left_out")
STATUS_COLORS: tuple[str, ...] = ("#009E73", "#56B4E9", "#F0E442", "#E69F00", "#D55E00")
# flag code -> status key, in order of precedence (a break outranks rounding and derivation)
_PRECEDENCE = (("series_break", "flag_break"), ("rounded", "flag_rounded"),
               ("derived", "flag_derived"))


def first_flag_year(frame: pd.DataFrame, code: str) -> int:
    """The first year in which any row's ``flag`` (``;``-separated codes) contains ``code``.

    E.g. ``first_flag_year(city_gdp, "series_break")`` -> 2019, the first year after the 4th
    economic census revision. Raises ``ValueError`` if no row carries it.
    """
    flags = frame["flag"].fillna("").astype(str).str.split(";")
    years = frame.loc[flags.map(lambda f: code in f), "year"]
    if years.empty:
        raise ValueError(f"no row carries the flag {code!r}")
    return int(years.min())


def cell_status(flags: Iterable[str | None]) -> str:
    """One status for a region-year from the flags of its rows (GDP and the sectors).

    Precedence: any ``series_break`` -> ``flag_break``; else any ``rounded`` ->
    ``flag_rounded``; else any ``derived`` -> ``flag_derived``; else ``flag_published``.
    """
    codes = {c for f in flags for c in str(f or "").split(";") if c}
    for code, key in _PRECEDENCE:
        if code in codes:
            return key
    return "flag_published"


def status_grid(frame: pd.DataFrame, regions: Sequence[str], years: Sequence[int]) -> pd.DataFrame:
    """Status key (:data:`STATUS_ORDER`) of every region-year: regions as rows, years as columns.

    A region-year with no row in ``frame`` is ``flag_left_out`` (the kit left it out).
    """
    status = frame.groupby(["region", "year"])["flag"].agg(cell_status)
    return (status.unstack("year").reindex(index=list(regions), columns=list(years))
            .fillna("flag_left_out"))


def anchor_check(compiled: pd.Series, anchors: pd.DataFrame, *, equal: float = 0.05,
                 rounding: float = 0.5) -> pd.DataFrame:
    """Compare a compilation with independent figures ("anchors"), one row per anchor.

    Args:
        compiled: the compiled values indexed by ``(region, year)``.
        anchors: tidy rows ``region, year, vintage, value`` of the independent figures.
        equal: largest absolute difference counted as equal (same units as the values).
        rounding: largest absolute difference explained by the compiler's rounding.

    Returns:
        ``region, year, anchor_vintage, anchor, compiled, difference, verdict`` with
        ``difference = compiled - anchor`` (rounded to 0.01) and ``verdict`` one of
        ``"left_out"`` (no compiled value), ``"equal"``, ``"rounded"``, ``"different"``.
    """
    out = anchors[["region", "year", "vintage", "value"]].rename(
        columns={"value": "anchor", "vintage": "anchor_vintage"}).reset_index(drop=True)
    out["compiled"] = [compiled.get((r, y), np.nan)
                       for r, y in zip(out["region"], out["year"], strict=True)]
    out["difference"] = (out["compiled"] - out["anchor"]).round(2)
    out["verdict"] = np.select(
        [out["compiled"].isna(), out["difference"].abs() <= equal,
         out["difference"].abs() <= rounding], ["left_out", "equal", "rounded"], "different")
    return out


def yoy_jumps(wide: pd.DataFrame, years: Sequence[int], *, break_year: int | None = None,
              above: float = 30.0, below: float = -3.0) -> list[tuple[str, int, float]]:
    """Year-on-year changes in percent outside ``[below, above]``, never across the break.

    Args:
        wide: values with regions as rows and years as columns.
        years: the years considered (a change from y-1 to y needs both in ``years``).
        break_year: first year of a new basis; the change into it is not computed.
        above, below: thresholds in percent.

    Returns:
        ``(region, year, change %)`` for each change ``100 (v_y / v_{y-1} - 1)`` outside the
        band, in the order of ``wide``'s rows and then years.
    """
    years = list(years)
    out = []
    for region, row in wide.iterrows():
        for y in years:
            if y - 1 not in years or y == break_year or y - 1 not in row.index:
                continue
            g = 100 * (row[y] / row[y - 1] - 1)
            if np.isfinite(g) and (g > above or g < below):
                out.append((str(region), int(y), float(g)))
    return out

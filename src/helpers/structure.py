"""Industrial-structure indices: rationalization, upgrading and advancement.

Scalar functions take three-sector values in the order **primary, secondary, tertiary** (a
sequence or numpy array of length 3) and return a float. Their companions apply them to the
kit's tidy long frames (columns ``region, year, indicator, value``; optional ``vintage``,
``flag``) for every region-year and return a tidy frame ``region, year, measure, value``.

Measures (seed 004 uses the first three families; notebook 02 recomputes them):

- rationalization: :func:`theil_rationalization` (lower is better, 0 = balanced);
- upgrading: :func:`level_coefficient` (higher = weight shifted to later sectors);
- advancement: :func:`advancement_ratio` and :func:`advancement_angle` (higher = more
  service-oriented).

No library computes these (they are a few lines of numpy), so they are written by hand here.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import numpy as np
import pandas as pd

__all__ = [
    "OUTPUT_INDICATORS",
    "EMPLOYMENT_INDICATORS",
    "SECTORS",
    "theil_rationalization",
    "level_coefficient",
    "advancement_ratio",
    "advancement_angle",
    "relative_productivities",
    "structure_measures",
    "sector_shares",
    "relative_labour_productivity",
]

#: Sector names, in the order every function expects.
SECTORS: tuple[str, str, str] = ("primary", "secondary", "tertiary")
#: Default output (value added) indicator codes, primary/secondary/tertiary.
OUTPUT_INDICATORS: tuple[str, str, str] = ("va_primary", "va_secondary", "va_tertiary")
#: Default employment indicator codes, primary/secondary/tertiary.
EMPLOYMENT_INDICATORS: tuple[str, str, str] = ("emp_primary", "emp_secondary", "emp_tertiary")

ArrayLike3 = Sequence[float] | np.ndarray


# --------------------------------------------------------------------------- validation
def _sectors(values: ArrayLike3, name: str) -> np.ndarray:
    """Return ``values`` as a float array of length 3, refusing bad input with a clear error."""
    try:
        arr = np.asarray(values, dtype=float)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{name}: expected three numbers (primary, secondary, tertiary)") from exc
    if arr.shape != (3,):
        raise ValueError(
            f"{name}: expected three sector values (primary, secondary, tertiary), "
            f"got shape {arr.shape}"
        )
    if not np.all(np.isfinite(arr)):
        raise ValueError(f"{name}: values must be finite (no NaN or inf), got {arr.tolist()}")
    if np.any(arr < 0):
        raise ValueError(f"{name}: values must be non-negative, got {arr.tolist()}")
    if arr.sum() <= 0:
        raise ValueError(f"{name}: the three sectors sum to zero; shares are undefined")
    return arr


def _shares(values: ArrayLike3, name: str = "output") -> np.ndarray:
    arr = _sectors(values, name)
    return arr / arr.sum()


# --------------------------------------------------------------------------- scalar measures
def theil_rationalization(output: ArrayLike3, employment: ArrayLike3) -> float:
    """Theil index of industrial-structure rationalization (产业结构合理化, 泰尔指数).

    Formula::

        TL = Σ_i (Y_i/Y) · ln[(Y_i/L_i) / (Y/L)]      i = primary, secondary, tertiary

    with ``Y_i`` output (value added) and ``L_i`` employment of sector i, ``Y = Σ Y_i``,
    ``L = Σ L_i``.

    Direction: **lower is better**; 0 means output and employment are distributed alike
    (every sector has the economy's average labour productivity). Some papers report 1/TL or
    -TL so that higher is better; this function does not.

    Why TL ≥ 0 (it is never negative, not even in degenerate cases): with shares
    ``y_i = Y_i/Y`` and ``l_i = L_i/L`` the ratio ``(Y_i/L_i)/(Y/L) = y_i/l_i``, so
    ``TL = Σ y_i ln(y_i/l_i)``, the Kullback-Leibler divergence of the output shares from the
    employment shares. Using ``ln x ≤ x - 1``:
    ``-TL = Σ_{y_i>0} y_i ln(l_i/y_i) ≤ Σ_{y_i>0} (l_i - y_i) ≤ 0``, with equality iff
    ``l_i = y_i`` for every i. A negative result can only be floating-point rounding
    (|TL| < 1e-15); it is returned as 0.0.

    Zeros: a sector with zero output contributes 0 (the limit ``y ln y → 0``), whatever its
    employment. A sector with positive output and zero employment has infinite productivity:
    the index is undefined and a ``ValueError`` is raised.

    Args:
        output: value added of the primary, secondary, tertiary sector (any one unit).
        employment: employment of the same sectors (any one unit).

    Returns:
        TL ≥ 0 (unitless; unchanged when output or employment is rescaled).

    Raises:
        ValueError: wrong length, negative or non-finite values, zero totals, or a sector with
            output but no employment.

    Reference:
        Gan Chunhui 干春晖, Zheng Ruogu 郑若谷, Yu Dianfan 余典范 (2011), 中国产业结构变迁对
        经济增长和波动的影响, 经济研究 (Economic Research Journal) 2011(5).
    """
    y = _shares(output, "output")
    lab = _sectors(employment, "employment")
    l_share = lab / lab.sum()
    bad = (y > 0) & (l_share == 0)
    if np.any(bad):
        names = [SECTORS[i] for i in np.flatnonzero(bad)]
        raise ValueError(
            f"theil_rationalization: sector(s) {names} have output but zero employment "
            "(infinite productivity); the index is undefined"
        )
    pos = y > 0
    tl = float(np.sum(y[pos] * np.log(y[pos] / l_share[pos])))
    return max(tl, 0.0)


def level_coefficient(output: ArrayLike3) -> float:
    """Industrial-structure level coefficient (产业结构层次系数), a measure of upgrading.

    Formula::

        H = Σ_i i · (Y_i/Y),   i = 1 (primary), 2 (secondary), 3 (tertiary)

    Bounds: 1 ≤ H ≤ 3 (H = 1 if all output is primary, 3 if all is tertiary).
    Direction: higher = output weighted towards later sectors ("more upgraded").

    Args:
        output: value added of the primary, secondary, tertiary sector.

    Returns:
        H in [1, 3]; unchanged when output is rescaled.

    Reference:
        Xu Min 徐敏, Jiang Yong 姜勇 (2015), 中国产业结构升级能缩小城乡消费差距吗?,
        数量经济技术经济研究 2015(3); used by seed 004 ("industrial structure level
        coefficient").
    """
    y = _shares(output, "output")
    return float(np.dot(np.arange(1, 4), y))


def advancement_ratio(output: ArrayLike3) -> float:
    """Advancement ratio (产业结构高级化, TS): tertiary over secondary value added.

    Formula::

        TS = Y_3 / Y_2

    Direction: higher = more service-oriented. Caveat for students: TS also rises when industry
    shrinks without services growing (deindustrialisation), so a rise is not always progress.

    Args:
        output: value added of the primary, secondary, tertiary sector (primary is only
            validated, not used).

    Returns:
        TS ≥ 0; unchanged when output is rescaled.

    Raises:
        ValueError: bad input, zero secondary output (ratio undefined), or a secondary
            output so small against the tertiary that the ratio overflows a float.

    Reference:
        Gan Chunhui, Zheng Ruogu, Yu Dianfan (2011), 经济研究 2011(5).
    """
    arr = _sectors(output, "output")
    if arr[1] == 0:
        raise ValueError("advancement_ratio: secondary output is zero; the ratio is undefined")
    with np.errstate(over="ignore"):
        ratio = float(arr[2] / arr[1])
    if not np.isfinite(ratio):
        raise ValueError(f"advancement_ratio: secondary output {arr[1]:g} is too small against "
                         f"tertiary output {arr[2]:g}; the ratio overflows")
    return ratio


def advancement_angle(output: ArrayLike3) -> float:
    """Vector-angle measure of advancement (产业结构高级化, 向量夹角法).

    Formula: with the share vector ``y = (y_1, y_2, y_3)``, ``y_j = Y_j/Y``, and the unit
    basis vectors ``e_1 = (1,0,0)``, ``e_2 = (0,1,0)``, ``e_3 = (0,0,1)`` ordered from low to
    high sector::

        θ_j = arccos(y·e_j / ‖y‖) = arccos(y_j / ‖y‖)
        W   = Σ_{k=1..3} Σ_{j≤k} θ_j = 3θ_1 + 2θ_2 + θ_3

    Direction: higher = output shifted away from the primary and secondary sectors.

    Bounds: **3π/2 ≤ W ≤ 5π/2** (≈ 4.712 to 7.854). W = 3π/2 only when all output is primary,
    W = 5π/2 only when all output is tertiary (all secondary gives 2π). Proof: the unit vector
    ``u = y/‖y‖`` has ``u_j = cos θ_j ≥ 0`` and ``Σ cos²θ_j = 1``, so each θ_j is in [0, π/2].
    Lower bound: ``cos²θ_i + cos²θ_j ≤ 1`` gives ``cos θ_i ≤ sin θ_j``, i.e.
    ``θ_i + θ_j ≥ π/2``; hence ``W = 2(θ_1 + θ_2) + (θ_1 + θ_3) ≥ 3π/2``. Upper bound: with
    ``a_j = π/2 - θ_j`` (so ``Σ sin²a_j = 1``) one shows ``a_1 + a_2 + a_3 ≥ π/2`` (if the sum
    were smaller, ``sin²a_3 < cos²(a_1+a_2)`` and ``sin²a_1 + sin²a_2 ≤ sin²(a_1+a_2)`` would
    make ``Σ sin²a_j < 1``), hence ``W = 3π - (3a_1 + 2a_2 + a_3) ≤ 3π - π/2 = 5π/2``.

    Args:
        output: value added of the primary, secondary, tertiary sector.

    Returns:
        W in radians, in [3π/2, 5π/2]; unchanged when output is rescaled.

    Reference:
        Fu Linghui 付凌晖 (2010), 我国产业结构高级化与经济增长关系的实证研究,
        统计研究 (Statistical Research) 2010(8).
    """
    y = _shares(output, "output")
    # θ_j = arccos(y_j/‖y‖) = atan2(‖y without j‖, y_j); arccos loses half the digits near 1
    # (θ ≈ 1e-8 came out as 0 and W fell below 3π/2), atan2 does not.
    rest = np.hypot(y[[1, 0, 0]], y[[2, 2, 1]])  # norm of the two other components
    theta = np.arctan2(rest, y)
    return float(np.dot(np.array([3.0, 2.0, 1.0]), theta))


def relative_productivities(output: ArrayLike3, employment: ArrayLike3) -> np.ndarray:
    """Relative labour productivity of each sector: output share over employment share.

    Formula::

        R_i = (Y_i/Y) / (L_i/L) = (Y_i/L_i) / (Y/L)

    Direction: R_i = 1 means sector i has the economy's average productivity; rationalization
    is perfect when every R_i = 1 (``theil_rationalization = Σ (Y_i/Y) ln R_i``).

    Args:
        output: value added of the primary, secondary, tertiary sector.
        employment: employment of the same sectors.

    Returns:
        Array of three ratios; NaN for a sector with neither output nor employment (0/0).

    Raises:
        ValueError: bad input, or a sector with output but zero employment.

    Reference:
        Gan Chunhui, Zheng Ruogu, Yu Dianfan (2011), 经济研究 2011(5) (the ratio inside TL).
    """
    y = _shares(output, "output")
    lab = _sectors(employment, "employment")
    l_share = lab / lab.sum()
    if np.any((y > 0) & (l_share == 0)):
        raise ValueError(
            "relative_productivities: a sector has output but zero employment "
            "(infinite productivity)"
        )
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(l_share > 0, y / np.where(l_share > 0, l_share, 1.0), np.nan)


# --------------------------------------------------------------------------- tidy companions
_KEY = ["region", "year"]


def _merge_flags(flags: pd.Series) -> str:
    """Union of ';'-separated flag codes, sorted; '' when none."""
    codes: set[str] = set()
    for item in flags.dropna():
        codes.update(code.strip() for code in str(item).split(";") if code.strip())
    return ";".join(sorted(codes))


def _wide(long: pd.DataFrame, indicators: Sequence[str], prefix: str, arg: str) -> pd.DataFrame:
    """Pivot a tidy frame to one row per region-year (per vintage, if the frame has one).

    Columns: region, year, [``{prefix}vintage``], the indicators (NaN when missing),
    [``{prefix}flag``]. Every region-year present in ``long`` gets a row, even if none of
    the indicators is there, so that missing inputs show up as NaN rather than vanish.
    """
    missing = {"region", "year", "indicator", "value"} - set(long.columns)
    if missing:
        raise ValueError(f"{arg}: missing column(s) {sorted(missing)}; expected a tidy frame")
    if len(indicators) != 3:
        raise ValueError(f"{arg}: expected three indicator codes, got {list(indicators)}")
    key = _KEY + (["vintage"] if "vintage" in long.columns else [])
    frame = long.assign(value=pd.to_numeric(long["value"], errors="raise"))
    sub = frame[frame["indicator"].isin(indicators)]
    dup = sub.duplicated(key + ["indicator"], keep=False)
    if dup.any():
        first = sub.loc[dup, key + ["indicator"]].iloc[0].to_dict()
        raise ValueError(
            f"{arg}: several rows for the same region, year and indicator (e.g. {first}); "
            "filter to one vintage first or add a 'vintage' column"
        )
    universe = frame[key].drop_duplicates().set_index(key).index
    wide = sub.pivot(index=key, columns="indicator", values="value")
    wide = wide.reindex(index=universe, columns=list(indicators))
    if "flag" in frame.columns:
        flags = sub.groupby(key)["flag"].agg(_merge_flags)
        wide[f"{prefix}flag"] = flags.reindex(universe).fillna("")
    wide = wide.reset_index()
    wide.columns.name = None
    return wide.rename(columns={"vintage": f"{prefix}vintage"})


def _apply(
    wide: pd.DataFrame,
    columns: Sequence[Sequence[str]],
    func: Callable[..., float],
    measure: str,
) -> pd.DataFrame:
    """Apply ``func`` row by row; NaN when an input is missing, context added to errors."""
    values: list[float] = []
    for record in wide.to_dict("records"):
        args = [[record[c] for c in group] for group in columns]
        if any(pd.isna(v) for group in args for v in group):
            values.append(math.nan)
            continue
        try:
            values.append(func(*args))
        except ValueError as exc:
            raise ValueError(f"{measure} for {record['region']} {record['year']}: {exc}") from exc
    inputs = {c for group in columns for c in group}
    keep = [
        c
        for c in wide.columns
        if c in _KEY or (c not in inputs and c.endswith(("vintage", "flag")))
    ]
    out = wide[keep].copy()
    out.insert(2, "measure", measure)
    out.insert(3, "value", np.asarray(values, dtype=float))
    return out


def _finish(parts: list[pd.DataFrame]) -> pd.DataFrame:
    out = pd.concat(parts, ignore_index=True)
    order = _KEY + ["measure"] + [c for c in out.columns if c.endswith("vintage")]
    return out.sort_values(order, kind="stable", na_position="first").reset_index(drop=True)


def _safe_ratio(output: list[float]) -> float:
    """advancement_ratio, but NaN (not an error) when secondary output is zero."""
    return math.nan if output[1] == 0 else advancement_ratio(output)


def structure_measures(
    output_long: pd.DataFrame,
    employment_long: pd.DataFrame | None = None,
    *,
    output_indicators: Sequence[str] = OUTPUT_INDICATORS,
    employment_indicators: Sequence[str] = EMPLOYMENT_INDICATORS,
) -> pd.DataFrame:
    """All structure measures for every region-year of tidy frames.

    Applies :func:`level_coefficient`, :func:`advancement_ratio`, :func:`advancement_angle`
    to ``output_long`` and, if ``employment_long`` is given, :func:`theil_rationalization`
    to both (joined on region and year).

    Missing inputs are never filled: a measure is NaN when any of its sector values is missing
    (row absent or value empty); the ratio is also NaN when secondary output is zero. Invalid
    values (negative, output with zero employment) raise ``ValueError`` naming region and year.

    Provenance is kept, so different series are never joined silently: if a frame has a
    ``vintage`` column, vintages are kept apart (one result per vintage, column
    ``va_vintage`` / ``emp_vintage``); if it has a ``flag`` column, the union of the sector
    rows' flags is in ``va_flag`` / ``emp_flag`` (e.g. ``series_break`` on the 2020-2021
    employment basis change). Employment columns are NaN for measures that do not use
    employment.

    Args:
        output_long: tidy frame with columns region, year, indicator, value (+ vintage, flag).
        employment_long: tidy employment frame, same columns; ``None`` to skip the Theil index.
        output_indicators: codes of primary, secondary, tertiary value added.
        employment_indicators: codes of primary, secondary, tertiary employment.

    Returns:
        Tidy frame: region, year, measure, value [, va_vintage, va_flag, emp_vintage,
        emp_flag], sorted by region, year, measure. Measure names are the function names.
    """
    out_w = _wide(output_long, output_indicators, "va_", "output_long")
    cols = [list(output_indicators)]
    parts = [
        _apply(out_w, cols, level_coefficient, "level_coefficient"),
        _apply(out_w, cols, _safe_ratio, "advancement_ratio"),
        _apply(out_w, cols, advancement_angle, "advancement_angle"),
    ]
    if employment_long is not None:
        emp_w = _wide(employment_long, employment_indicators, "emp_", "employment_long")
        both = out_w.merge(emp_w, on=_KEY, how="outer")
        cols2 = [list(output_indicators), list(employment_indicators)]
        parts.append(_apply(both, cols2, theil_rationalization, "theil_rationalization"))
    return _finish(parts)


def sector_shares(
    long: pd.DataFrame, *, indicators: Sequence[str] = OUTPUT_INDICATORS
) -> pd.DataFrame:
    """Percent share of each sector in the sum of the three sectors, per region-year.

    Formula: ``share_i = 100 · Y_i / (Y_1 + Y_2 + Y_3)``. The denominator is the sum of the three
    sectors (equal to GDP by definition in China's accounts, up to rounding), so shares sum to
    100. Works for employment too (pass the ``emp_*`` codes).

    Args:
        long: tidy frame (region, year, indicator, value [, vintage, flag]).
        indicators: codes of the primary, secondary, tertiary values.

    Returns:
        Tidy frame region, year, measure (``share_primary`` ...), value in percent, with
        ``vintage`` / ``flag`` (union of the sector rows' flags) if the input has them; NaN
        when any sector is missing.
    """
    wide = _wide(long, indicators, "", "long")
    parts = [
        _apply(wide, [list(indicators)], lambda v, i=i: 100.0 * _shares(v)[i], f"share_{s}")
        for i, s in enumerate(SECTORS)
    ]
    return _finish(parts)


def relative_labour_productivity(
    output_long: pd.DataFrame,
    employment_long: pd.DataFrame,
    *,
    output_indicators: Sequence[str] = OUTPUT_INDICATORS,
    employment_indicators: Sequence[str] = EMPLOYMENT_INDICATORS,
) -> pd.DataFrame:
    """Relative labour productivity of each sector (output share / employment share).

    See :func:`relative_productivities` for the formula. NaN when an input is missing;
    provenance columns as in :func:`structure_measures`.

    Returns:
        Tidy frame region, year, measure (``rlp_primary`` ...), value [, provenance columns].
    """
    out_w = _wide(output_long, output_indicators, "va_", "output_long")
    emp_w = _wide(employment_long, employment_indicators, "emp_", "employment_long")
    both = out_w.merge(emp_w, on=_KEY, how="outer")
    cols = [list(output_indicators), list(employment_indicators)]
    parts = [
        _apply(both, cols, lambda o, e, i=i: float(relative_productivities(o, e)[i]), f"rlp_{s}")
        for i, s in enumerate(SECTORS)
    ]
    return _finish(parts)


# --------------------------------------------------------------------------------------------
# Reading the measures: one measure's frame, year-on-year steps, one region-year by hand
# --------------------------------------------------------------------------------------------
#: The measures of :func:`structure_measures`, in the order the lessons show them.
STRUCTURE_MEASURES: tuple[str, ...] = ("theil_rationalization", "level_coefficient",
                                       "advancement_ratio", "advancement_angle")


def measure_frame(measures: pd.DataFrame, measure: str,
                  years: tuple[int, int] | None = None) -> pd.DataFrame:
    """One measure of a :func:`structure_measures` frame: columns region, year, value.

    Args:
        measures: output of :func:`structure_measures`.
        measure: e.g. ``"theil_rationalization"``.
        years: inclusive ``(first, last)``; ``None`` for every year.

    Rows with a missing value are dropped (a measure is never filled in).
    """
    d = measures[(measures["measure"] == measure) & measures["value"].notna()]
    if years is not None:
        d = d[d["year"].between(*years)]
    return d[["region", "year", "value"]].reset_index(drop=True)


def step_changes(frame: pd.DataFrame, regions: Sequence[str],
                 steps: Sequence[tuple[int, int]]) -> pd.DataFrame:
    """Change of ``value`` over each step ``(a, b)``: ``value[b] - value[a]``, per region.

    Only regions with a value in every year of every step are kept (a step across a series
    break should not be listed: compare years within one series only).

    Args:
        frame: columns region, year, value (e.g. :func:`measure_frame`).
        regions: regions wanted, in order.
        steps: year pairs, e.g. ``((2018, 2019), (2020, 2021))``.

    Returns:
        Frame indexed by region, one column per step named ``"a-b"``. For the Theil index a
        negative change is a move towards rationality (lower is better).
    """
    rows = {}
    for r in regions:
        s = frame[frame["region"] == r].set_index("year")["value"]
        if all(a in s.index and b in s.index for a, b in steps):
            rows[r] = {f"{a}-{b}": float(s[b] - s[a]) for a, b in steps}
    return pd.DataFrame.from_dict(rows, orient="index",
                                  columns=[f"{a}-{b}" for a, b in steps])


def theil_of(output_long: pd.DataFrame, employment_long: pd.DataFrame, region: str,
             year: int, *, output_indicators: Sequence[str] = OUTPUT_INDICATORS,
             employment_indicators: Sequence[str] = EMPLOYMENT_INDICATORS) -> float:
    """:func:`theil_rationalization` of one region-year, from tidy output and employment.

    Raises:
        KeyError: a sector value is missing for that region-year.
    """
    def pick(df: pd.DataFrame, codes: Sequence[str]) -> np.ndarray:
        d = df[(df["region"] == region) & (df["year"] == year)].set_index("indicator")["value"]
        return d[list(codes)].to_numpy()

    return theil_rationalization(pick(output_long, output_indicators),
                                 pick(employment_long, employment_indicators))

"""Composite indices: entropy weights and the coupling coordination degree model.

- :func:`normalise`, :func:`entropy_weights`, :func:`entropy_index`: an objective-weight
  composite index (e.g. a digital-economy index) from a wide frame whose rows are region-years
  and whose columns are indicators.
- :func:`coupling_coordination`, :func:`coordination_band`: how well n subsystems (each scored
  in [0, 1]) develop together.

Why written by hand rather than taken from a library: pymcdm's entropy weights ignore an
indicator's direction (whether smaller is better) and give a column that contains a zero an
entropy of 0 (so such a column gets no weight); pydecision reverses a negative indicator as
1/x instead of (max - x), which is not a min-max reversal and blows up near 0; older
scikit-criteria weighted by the entropy e itself instead of the divergence 1 - e. No library
implements the coupling coordination degree model.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, NamedTuple

import numpy as np
import pandas as pd
from scipy.special import xlogy

__all__ = [
    "normalise",
    "entropy_weights",
    "entropy_index",
    "entropy_scores",
    "Coupling",
    "coupling_coordination",
    "COORDINATION_BANDS",
    "coordination_band",
]

_TOL = 1e-9


# --------------------------------------------------------------------------- entropy method
def _names(negative: Iterable[str]) -> tuple[str, ...]:
    """Indicator names as a tuple (a single string is one name, not its characters)."""
    return (negative,) if isinstance(negative, str) else tuple(negative)


def _clean(frame: pd.DataFrame, negative: Iterable[str], dropna: bool) -> pd.DataFrame:
    """Validate a wide indicator frame; drop rows with NaN only when asked to."""
    if not isinstance(frame, pd.DataFrame):
        raise ValueError("expected a wide pandas DataFrame (rows region-years, columns indicators)")
    if frame.shape[1] == 0:
        raise ValueError("the frame has no indicator columns")
    unknown = sorted(set(negative) - set(frame.columns))
    if unknown:
        raise ValueError(f"negative indicator(s) {unknown} are not columns of the frame")
    non_numeric = [c for c in frame.columns if not pd.api.types.is_numeric_dtype(frame[c])]
    if non_numeric:
        raise ValueError(f"indicator column(s) {non_numeric} are not numeric")
    data = frame.astype(float)
    if np.isinf(data.to_numpy()).any():
        bad = [c for c in data.columns if np.isinf(data[c]).any()]
        raise ValueError(f"indicator column(s) {bad} contain infinite values")
    nan_counts = data.isna().sum()
    if nan_counts.any():
        if not dropna:
            detail = ", ".join(f"{c!r} ({n} rows)" for c, n in nan_counts[nan_counts > 0].items())
            raise ValueError(
                f"missing values in column(s) {detail}; values are never filled silently: "
                "drop or impute them yourself, or pass dropna=True to drop those rows"
            )
        data = data.dropna()
    return data


def normalise(
    frame: pd.DataFrame, negative: Iterable[str] = (), *, dropna: bool = False
) -> pd.DataFrame:
    """Min-max normalise each indicator, pooled across all rows.

    Formula (pooled over every region-year, so one year's scores are comparable with another's)::

        positive indicator: z_ij = (x_ij - min_j) / (max_j - min_j)
        negative indicator: z_ij = (max_j - x_ij) / (max_j - min_j)

    Marking an indicator negative is the same as negating it. A constant column (max = min)
    carries no information; it is set to 0 (and gets zero entropy weight).

    Args:
        frame: wide frame, rows region-years, numeric columns indicators.
        negative: names of indicators for which smaller is better (e.g. energy per unit GDP).
        dropna: if False (default) refuse missing values with an error naming the columns; if
            True drop every row with a missing value (explicitly, never fill).

    Returns:
        Frame of the same shape (minus dropped rows) with values in [0, 1]; 1 = best.
    """
    negative = _names(negative)
    data = _clean(frame, negative, dropna)
    if data.empty:
        return data
    x = data.to_numpy()
    lo, hi = x.min(axis=0), x.max(axis=0)
    span = hi - lo
    safe = np.where(span > 0, span, 1.0)
    z = np.where(data.columns.isin(negative), (hi - x) / safe, (x - lo) / safe)
    z[:, span <= 0] = 0.0
    return pd.DataFrame(z, index=data.index, columns=data.columns)


def entropy_weights(
    frame: pd.DataFrame, negative: Iterable[str] = (), *, dropna: bool = False
) -> pd.Series:
    """Entropy (objective) weights of indicators.

    Formula, for n rows (region-years, pooled) and indicators j::

        z_ij = pooled min-max normalisation (see :func:`normalise`)
        p_ij = z_ij / Σ_i z_ij
        e_j  = -(1 / ln n) · Σ_i p_ij ln p_ij        (entropy, 0 ≤ e_j ≤ 1)
        d_j  = 1 - e_j                               (degree of divergence)
        w_j  = d_j / Σ_j d_j

    Direction: a larger weight means the indicator separates region-years more (its values
    are more unequal), not that it matters more economically.

    Zeros: min-max normalisation puts a 0 in every non-constant column. This function uses the
    limit convention **0 · ln 0 = 0** (``scipy.special.xlogy``), which is exact: a zero
    contributes nothing to the entropy and the column keeps its weight. It does NOT add a small
    shift (z + 0.0001 or z + 0.01, common in applied papers): the shift is arbitrary and changes
    the weights. A constant column has Σ_i z_ij = 0, so p is undefined; it gets d_j = 0, hence
    weight 0.

    Caveats: weights depend on the pooled sample (adding a year or a province changes them); the
    index is relative to the sample's minimum and maximum.

    Args:
        frame: wide frame, rows region-years, numeric columns indicators; at least 2 rows.
        negative: indicators for which smaller is better.
        dropna: see :func:`normalise`.

    Returns:
        Series of weights indexed by indicator, each ≥ 0, summing to 1.

    Raises:
        ValueError: missing values (unless ``dropna``), non-numeric or infinite values, fewer
            than 2 rows, unknown negative indicators, or every indicator constant.

    Reference:
        Hwang, C.L. and Yoon, K. (1981), Multiple Attribute Decision Making, Springer (entropy
        weights); applied to provincial digital-economy indices e.g. by Wang Jun 王军, Zhu Jie
        朱杰, Luo Qian 罗茜 (2021), 中国数字经济发展水平及演变测度, 数量经济技术经济研究 2021(7).
    """
    z = normalise(frame, _names(negative), dropna=dropna)
    return pd.Series(_entropy_weights_of(z.to_numpy()), index=z.columns, name="weight")


def _entropy_weights_of(z: np.ndarray) -> np.ndarray:
    """The weights of :func:`entropy_weights` from normalised values ``z`` (rows x indicators).

    The numpy core shared by :func:`entropy_weights` and :func:`entropy_scores`.
    """
    n = z.shape[0]
    if n < 2:
        raise ValueError(f"entropy weights need at least 2 rows, got {n}")
    totals = z.sum(axis=0)
    informative = totals > 0  # False only for constant columns (normalised to all zeros)
    p = z[:, informative] / totals[informative]
    divergence = np.zeros(z.shape[1])
    divergence[informative] = np.clip(1.0 + xlogy(p, p).sum(axis=0) / math.log(n), 0.0, None)
    if divergence.sum() <= 0:
        raise ValueError("every indicator is constant: there is nothing to weight")
    return divergence / divergence.sum()


def entropy_scores(
    frame: pd.DataFrame, negative: Iterable[str] = (), *, dropna: bool = False
) -> tuple[pd.Series, pd.Series]:
    """Entropy weights and the composite index in one pass: ``(index, weights)``.

    The same numbers as ``w = entropy_weights(frame, negative)`` and
    ``entropy_index(frame, w, negative)``, normalising once instead of twice (for widgets
    that recompute an index on every change).

    Returns:
        ``(index, weights)``: index named ``"index"`` (rows of ``frame`` minus dropped ones),
        weights named ``"weight"``.
    """
    z = normalise(frame, _names(negative), dropna=dropna)
    zv = z.to_numpy()
    w = _entropy_weights_of(zv)
    return (pd.Series(zv @ w, index=z.index, name="index"),
            pd.Series(w, index=z.columns, name="weight"))


def _check_index_weights(weights: Mapping[str, float] | pd.Series, columns: Sequence[str]):
    w = pd.Series(weights, dtype=float)
    if set(w.index) != set(columns):
        raise ValueError(
            f"weights are for {sorted(map(str, w.index))} but the frame has columns "
            f"{sorted(map(str, columns))}; give exactly one weight per indicator"
        )
    if not np.all(np.isfinite(w)) or (w < 0).any():
        raise ValueError(f"weights must be finite and non-negative, got {w.to_dict()}")
    if abs(w.sum() - 1.0) > _TOL:
        raise ValueError(f"weights must sum to 1, got {w.sum():.6g}")
    return w.reindex(columns)


def entropy_index(
    frame: pd.DataFrame,
    weights: Mapping[str, float] | pd.Series,
    negative: Iterable[str] = (),
    *,
    dropna: bool = False,
) -> pd.Series:
    """Composite score per row: the weighted sum of normalised indicators.

    Formula::

        S_i = Σ_j w_j · z_ij      (z_ij from :func:`normalise`, same pooling and ``negative``)

    Direction: higher is better; ``S_i`` is in [0, 1] and is relative to the pooled sample.

    Args:
        frame: the RAW wide frame given to :func:`entropy_weights` (not normalised: it is
            normalised here with the same rules).
        weights: one weight per column (e.g. the output of :func:`entropy_weights`), ≥ 0,
            summing to 1.
        negative: indicators for which smaller is better (same as for the weights).
        dropna: see :func:`normalise`.

    Returns:
        Series named ``"index"`` with the frame's index (minus dropped rows).
    """
    z = normalise(frame, negative, dropna=dropna)
    w = _check_index_weights(weights, list(z.columns))
    return (z * w).sum(axis=1).rename("index")


# --------------------------------------------------------------------------- coupling model
class Coupling(NamedTuple):
    """Result of :func:`coupling_coordination`: coupling C, development T, coordination D."""

    C: Any
    T: Any
    D: Any


def _system_weights(weights: Sequence[float] | None, n: int) -> np.ndarray:
    if weights is None:
        return np.full(n, 1.0 / n)
    alpha = np.asarray(weights, dtype=float)
    if alpha.shape != (n,):
        raise ValueError(f"expected {n} weights (one per system), got {alpha.size}")
    if not np.all(np.isfinite(alpha)) or np.any(alpha < 0):
        raise ValueError(f"weights must be finite and non-negative, got {alpha.tolist()}")
    if abs(alpha.sum() - 1.0) > _TOL:
        raise ValueError(f"weights must sum to 1, got {alpha.sum():.6g}")
    return alpha


def coupling_coordination(*systems: Any, weights: Sequence[float] | None = None) -> Coupling:
    """Coupling coordination degree of n ≥ 2 subsystems.

    Formula, for subsystem scores U_1 ... U_n in [0, 1] (e.g. entropy indices)::

        C = n · (Π_i U_i)^(1/n) / Σ_i U_i      coupling degree (geometric / arithmetic mean)
        T = Σ_i α_i U_i,  Σ α_i = 1, α_i ≥ 0   comprehensive development (equal α by default)
        D = √(C · T)                           coupling coordination degree

    For two systems C = 2√(U_1 U_2) / (U_1 + U_2). All three lie in [0, 1]: C ≤ 1 by the
    inequality of arithmetic and geometric means, with C = 1 exactly when all U_i are equal.
    C = 0 when any U_i = 0. When every U_i = 0, C is undefined (0/0) and returned as NaN,
    while T = 0 and D = 0. Direction: higher D = more coordinated development.

    Why D and not C alone: C only measures how equal the U_i are; two equally poor systems
    (U = 0.01, 0.01) have C = 1. D multiplies in the level T.

    Common erroneous variants (do not use them, and be careful comparing with papers that do):

    - coefficient lost: ``C = (Π U_i)^(1/n) / Σ U_i`` without the factor n; then C ≤ 1/n (for
      two systems C ≤ 0.5), so the upper coordination bands can never be reached;
    - coefficient doubled: ``C = n · {Π U_i / [(Σ U_i)/n]^n}^(1/n)`` (both the factor n and the
      mean in the denominator); this is n times the correct C, in [0, n], not [0, 1];
    - wrong exponent: ``C = {U_1 U_2 / [(U_1 + U_2)/2]^2}^k`` with k ≠ 1/2 (e.g. k = 2); still
      in [0, 1] but a distorted scale (U = 0.2, 0.8: correct C = 0.8, k = 2 gives 0.41), so the
      0.1-step bands mean something different in every paper;
    - pairwise sums for three systems:
      ``C = 3 {U_1 U_2 U_3 / [(U_1+U_2)(U_1+U_3)(U_2+U_3)]}^(1/3)``; since each
      ``U_i + U_j ≥ 2√(U_i U_j)`` this reaches 3/2 when the U are equal, not 1;
    - weights misused: weights inside C, or α not summing to 1 (T and D leave [0, 1]); this
      function refuses such weights.

    Args:
        *systems: n ≥ 2 subsystem scores, each a float or an aligned array / pandas Series of
            the same shape (e.g. one value per region-year), every value in [0, 1].
        weights: α_1 ... α_n for T, non-negative, summing to 1; default equal weights.

    Returns:
        ``Coupling(C, T, D)``: floats for scalar input, numpy arrays for arrays, Series (same
        index as the input Series) if any input is a Series.

    Raises:
        ValueError: fewer than 2 systems, shapes or Series indexes that differ, values outside
            [0, 1] or not finite, or weights of the wrong count, negative or not summing to 1.

    Reference:
        Wang Shujia 王淑佳, Kong Wei 孔伟, Ren Liang 任亮, Zhi Dandan 治丹丹, Dai Binting 戴彬婷
        (2021), 国内耦合协调度模型的误区及修正 (Research on misuses and modification of coupling
        coordination degree model in China), 自然资源学报 (Journal of Natural Resources) 36(3):
        793-810, doi:10.31497/zrzyxb.20210319. Liu Chunlin 刘春林 (2017), 耦合度计算的常见错误
        分析 (found about half of 379 papers using the static model miscomputed C).
    """
    n = len(systems)
    if n < 2:
        raise ValueError(f"coupling coordination needs at least 2 systems, got {n}")
    alpha = _system_weights(weights, n)
    series = [s for s in systems if isinstance(s, pd.Series)]
    index = series[0].index if series else None
    if any(not s.index.equals(index) for s in series):
        raise ValueError("the Series passed as systems have different indexes; align them first")
    arrays = [np.asarray(s, dtype=float) for s in systems]
    shape = arrays[0].shape
    if any(a.shape != shape for a in arrays):
        raise ValueError(f"systems have different shapes: {[a.shape for a in arrays]}")
    u = np.stack(arrays)
    if not np.all(np.isfinite(u)):
        raise ValueError("system scores must be finite (no NaN or inf)")
    if np.any((u < 0) | (u > 1)):
        raise ValueError(
            "system scores must lie in [0, 1] (normalise them first, e.g. with entropy_index)"
        )
    total = u.sum(axis=0)
    geometric = np.prod(u, axis=0) ** (1.0 / n)
    safe_total = np.where(total > 0, total, 1.0)
    # min(., 1) only removes rounding: GM ≤ AM mathematically
    c = np.where(total > 0, np.minimum(n * geometric / safe_total, 1.0), np.nan)
    t = np.tensordot(alpha, u, axes=1)
    d = np.where(total > 0, np.sqrt(np.nan_to_num(c) * t), 0.0)
    if index is not None:
        c, t, d = (pd.Series(v, index=index, name=k) for k, v in zip("CTD", (c, t, d), strict=True))
        return Coupling(c, t, d)
    if not shape:
        return Coupling(float(c), float(t), float(d))
    return Coupling(c, t, d)


#: The common 10-band classification of D: (lower, upper, Chinese label, English label).
#: Bands are closed below and open above, except the last, which includes 1.
COORDINATION_BANDS: tuple[tuple[float, float, str, str], ...] = (
    (0.0, 0.1, "极度失调", "extreme imbalance"),
    (0.1, 0.2, "严重失调", "serious imbalance"),
    (0.2, 0.3, "中度失调", "moderate imbalance"),
    (0.3, 0.4, "轻度失调", "mild imbalance"),
    (0.4, 0.5, "濒临失调", "on the verge of imbalance"),
    (0.5, 0.6, "勉强协调", "barely coordinated"),
    (0.6, 0.7, "初级协调", "primary coordination"),
    (0.7, 0.8, "中级协调", "intermediate coordination"),
    (0.8, 0.9, "良好协调", "good coordination"),
    (0.9, 1.0, "优质协调", "quality coordination"),
)


def coordination_band(d: float, lang: str | None = None) -> str:
    """Label of the coupling coordination degree D in the common 10-band scheme (0.1 steps).

    Bands: [0, 0.1) extreme imbalance 极度失调, [0.1, 0.2) serious imbalance 严重失调, ...,
    [0.9, 1] quality coordination 优质协调 (see ``COORDINATION_BANDS``). D is rounded to 9
    decimals before banding so that 0.3 computed as 0.29999999999999993 is in [0.3, 0.4).
    The bands are a convention, not a statistical test; they only make sense with the correct
    C (see :func:`coupling_coordination`).

    Args:
        d: coupling coordination degree in [0, 1].
        lang: ``"en"`` or ``"zh"``.

    Returns:
        The band label.

    Raises:
        ValueError: D not finite or outside [0, 1], or an unknown language.

    Reference:
        A convention of the Chinese applied literature (no single origin); used with the correct
        model as in Wang Shujia et al. (2021), 自然资源学报 36(3).
    """
    from helpers.i18n import resolve_lang

    lang = resolve_lang(lang)
    value = float(d)
    if not math.isfinite(value) or not 0.0 <= value <= 1.0:
        raise ValueError(f"D must be a number in [0, 1], got {d!r}")
    band = min(int(math.floor(round(value * 10, 9))), 9)
    _, _, zh, en = COORDINATION_BANDS[band]
    return zh if lang == "zh" else en

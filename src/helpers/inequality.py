"""Regional inequality and convergence: Theil T and L, Gini, CV, sigma and beta convergence.

All inequality indices here are 0 when every region has the same value and grow as regions
drift apart: **lower = more equal**. They are scale invariant (measuring GDP in yuan or in
100 million yuan gives the same index).

Weights. Every index takes optional weights ``w`` (normally population). Weights need not sum
to one; they are normalised internally to shares s_i = w_i / sum(w). Without weights every
region counts equally (s_i = 1/n), which answers a different question: "how unequal are the
regions?" rather than "how unequal are the people, if each had their region's average?".

pysal. pysal's ``inequality`` package (``inequality.theil.Theil``, ``TheilD``,
``inequality.gini.Gini``) is used for the unweighted Theil T and Gini, where its formula is
exactly ours. It has no population weights and no Theil L, so the weighted indices, Theil L and
the weighted decompositions are written by hand here (each place says so).

Input rules (no silent fixing): empty input, missing or infinite values, and, for the log-based
measures (Theil T, Theil L, sigma and beta convergence), values <= 0 raise ``ValueError`` naming
the region (when the input is a pandas Series or a mapping) or the position.

References:
    Theil, H. (1967). *Economics and Information Theory*. Amsterdam: North-Holland.
    Shorrocks, A. F. (1980). The class of additively decomposable inequality measures.
        *Econometrica* 48(3), 613-625.
    Cowell, F. A. (2011). *Measuring Inequality*, 3rd ed. Oxford University Press.
    Barro, R. J. & Sala-i-Martin, X. (1992). Convergence. *Journal of Political Economy*
        100(2), 223-251.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

__all__ = [
    "INDICES",
    "beta_convergence",
    "between_shares",
    "inequality_table",
    "leave_one_out_beta",
    "coefficient_of_variation",
    "gini",
    "sigma_convergence",
    "theil_decomposition",
    "theil_l",
    "theil_t",
]

Values = Sequence[float] | np.ndarray | pd.Series | Mapping[Any, float]


# --------------------------------------------------------------------------------------------
# input checks
# --------------------------------------------------------------------------------------------


def _labels_and_values(y: Values, name: str) -> tuple[list[str] | None, np.ndarray]:
    if isinstance(y, pd.Series):
        labels: list[str] | None = [str(i) for i in y.index]
        values = y.to_numpy(dtype=float, na_value=np.nan)
    elif isinstance(y, Mapping):
        labels = [str(k) for k in y]
        values = np.asarray(list(y.values()), dtype=float)
    else:
        labels = None
        values = np.asarray(y, dtype=float)
    if values.ndim != 1:
        raise ValueError(
            f"{name} must be one-dimensional (one value per region); got shape {values.shape}"
        )
    if values.size == 0:
        raise ValueError(f"{name} is empty: an inequality index needs at least one region")
    return labels, values


def _where(labels: list[str] | None, positions: np.ndarray, values: np.ndarray) -> str:
    parts = []
    for i in positions[:10]:
        who = f"region {labels[i]!r}" if labels is not None else f"position {i}"
        parts.append(f"{who} (value {float(values[i])!r})")
    more = f" and {len(positions) - 10} more" if len(positions) > 10 else ""
    return ", ".join(parts) + more


def _prepare(
    y: Values, w: Values | None, *, positive: bool, measure: str
) -> tuple[np.ndarray, np.ndarray, list[str] | None]:
    """Validate y (and w); return y, population shares s (sum 1) and region labels."""
    labels, values = _labels_and_values(y, "y")
    bad = np.flatnonzero(~np.isfinite(values))
    if bad.size:
        raise ValueError(
            f"{measure}: y has missing or infinite values at {_where(labels, bad, values)}. "
            "Drop or replace these regions explicitly before computing the index."
        )
    if positive:
        bad = np.flatnonzero(values <= 0)
        if bad.size:
            raise ValueError(
                f"{measure} takes logarithms, so every value must be > 0; y is <= 0 at "
                f"{_where(labels, bad, values)}."
            )
    else:
        bad = np.flatnonzero(values < 0)
        if bad.size:
            raise ValueError(
                f"{measure} needs non-negative values; y is < 0 at {_where(labels, bad, values)}."
            )
        if values.sum() <= 0:
            raise ValueError(f"{measure}: the mean of y is 0, so the index is undefined.")
    if w is None:
        weights = np.ones_like(values)
    else:
        wlabels, weights = _labels_and_values(w, "w")
        if labels is not None and wlabels is not None:
            # align labelled weights to labelled values
            lookup = dict(zip(wlabels, weights, strict=True))
            missing = [lab for lab in labels if lab not in lookup]
            if missing:
                raise ValueError(f"{measure}: no weight for region(s) {missing}.")
            weights = np.array([lookup[lab] for lab in labels], dtype=float)
        elif weights.size != values.size:
            raise ValueError(
                f"{measure}: y has {values.size} values but w has {weights.size} weights."
            )
        bad = np.flatnonzero(~np.isfinite(weights) | (weights <= 0))
        if bad.size:
            raise ValueError(
                f"{measure}: weights (populations) must be finite and > 0; w is invalid at "
                f"{_where(labels, bad, weights)}."
            )
    return values, weights / weights.sum(), labels


# --------------------------------------------------------------------------------------------
# Theil indices
# --------------------------------------------------------------------------------------------


def _nonneg(x: float) -> float:
    """Clip round-off below zero (also turns -0.0 into 0.0): the indices are >= 0."""
    return float(x) if x > 0 else 0.0


def _theil_t_core(y: np.ndarray, s: np.ndarray) -> float:
    # Hand-written because pysal's Theil has no population weights.
    ratio = y / (s @ y)
    # The index is >= 0 (Jensen's inequality); clip round-off such as -1e-17 for equal values.
    return _nonneg(float(s @ (ratio * np.log(ratio))))


def _theil_l_core(y: np.ndarray, s: np.ndarray) -> float:
    # Hand-written: pysal has no Theil L (mean log deviation) at all.
    ratio = y / (s @ y)
    return _nonneg(float(-(s @ np.log(ratio))))


def theil_t(y: Values, w: Values | None = None) -> float:
    """Theil T index (GE(1), Theil's first measure): inequality weighted by income shares.

    Formula, with population shares s_i = w_i / sum(w) (s_i = 1/n without weights) and the
    (weighted) mean mu = sum_i s_i y_i::

        T = sum_i s_i (y_i / mu) ln(y_i / mu)
          = sum_i (Y_i / Y) ln[(Y_i / Y) / (P_i / P)]     (Y_i = P_i y_i: region totals)

    0 = every region has the same value; the maximum is ln(n) (ln(1/min s) weighted) when one
    region has everything. **Lower = more equal.** T is most sensitive to gaps among the rich.

    Args:
        y: per-capita values (e.g. GDP per person), one per region, all > 0. A pandas Series
            or mapping keyed by region names makes error messages name the region.
        w: optional weights (populations), > 0, any scale. A Series/mapping is aligned to y by
            region name.

    Returns:
        The index (float).

    Unweighted, this is exactly pysal's ``inequality.theil.Theil(y).T``, which is used. pysal
    has no population weights, so the weighted version is hand-written.

    References: Theil (1967); Shorrocks (1980); Cowell (2011), ch. 3.
    """
    values, shares, _ = _prepare(y, w, positive=True, measure="Theil T")
    if w is None:
        from inequality.theil import Theil

        return _nonneg(float(np.asarray(Theil(values).T).item()))
    return _theil_t_core(values, shares)


def theil_l(y: Values, w: Values | None = None) -> float:
    """Theil L index (GE(0), mean log deviation, Theil's second measure).

    Formula, with population shares s_i and weighted mean mu as in :func:`theil_t`::

        L = sum_i s_i ln(mu / y_i)
          = sum_i (P_i / P) ln[(P_i / P) / (Y_i / Y)]

    0 = every region has the same value; **lower = more equal.** L is most sensitive to gaps
    at the bottom (a very poor region raises L more than T).

    Args:
        y: per-capita values, one per region, all > 0 (Series/mapping: errors name regions).
        w: optional weights (populations), > 0, any scale.

    pysal's ``inequality`` has no Theil L (and no weights), so this is hand-written.

    References: Theil (1967); Shorrocks (1980); Cowell (2011), ch. 3.
    """
    values, shares, _ = _prepare(y, w, positive=True, measure="Theil L")
    return _theil_l_core(values, shares)


def _group_labels(
    groups: Sequence[Any] | Mapping[Any, Sequence[str]] | pd.Series,
    labels: list[str] | None,
    n: int,
) -> list[Any]:
    if isinstance(groups, Mapping):
        if labels is None:
            raise ValueError(
                "groups is a mapping {group: [regions]}, so y must be labelled by region "
                "(a pandas Series or a mapping)."
            )
        owner: dict[str, Any] = {}
        for group, members in groups.items():
            for m in [members] if isinstance(members, str) else members:
                if m in owner:
                    raise ValueError(f"region {m!r} is in two groups: {owner[m]!r} and {group!r}")
                owner[m] = group
        unassigned = [lab for lab in labels if lab not in owner]
        if unassigned:
            raise ValueError(f"region(s) {unassigned} of y are in no group")
        absent = [m for m in owner if m not in labels]
        if absent:
            raise ValueError(
                f"the groups name region(s) {absent} that are not in y. Remove them from the "
                "groups (or supply their values) so the decomposition covers the same regions."
            )
        return [owner[lab] for lab in labels]
    if isinstance(groups, pd.Series) and labels is not None:
        lookup = {str(k): v for k, v in groups.items()}
        missing = [lab for lab in labels if lab not in lookup]
        if missing:
            raise ValueError(f"no group for region(s) {missing}")
        out = [lookup[lab] for lab in labels]
    else:
        out = list(groups)
    if len(out) != n:
        raise ValueError(f"y has {n} values but groups has {len(out)} labels")
    missing_pos = [
        i for i, g in enumerate(out) if g is None or (isinstance(g, float) and math.isnan(g))
    ]
    if missing_pos:
        who = [labels[i] for i in missing_pos] if labels is not None else missing_pos
        raise ValueError(f"missing group label for {who}")
    return out


def theil_decomposition(
    y: Values,
    groups: Sequence[Any] | Mapping[Any, Sequence[str]] | pd.Series,
    w: Values | None = None,
    kind: str = "T",
) -> dict[str, Any]:
    """Between/within-group decomposition of Theil T or Theil L for any grouping.

    With group g's population share P_g = sum_{i in g} s_i, income share
    Y_g = sum_{i in g} s_i y_i / mu, mean mu_g and within-group index I_g (the same index
    computed on the group's regions alone, with their weights)::

        T:  total = sum_g Y_g ln(mu_g / mu)  +  sum_g Y_g T_g     (within weights: income shares)
        L:  total = sum_g P_g ln(mu / mu_g)  +  sum_g P_g L_g     (within weights: pop. shares)
                    ----------- between -----   --- within ---

    Between = inequality if every region had its group's mean; within = what is left. Both
    are >= 0 and, for these two indices (Shorrocks 1980), add up exactly to the total.
    **Lower = more equal**; ``between_share`` says how much of the gap is *between* groups
    (e.g. coastal versus inland).

    Args:
        y: per-capita values (> 0), one per region; a Series/mapping keyed by region name.
        groups: either one label per value (same order as y, or a Series keyed by region), or
            a mapping ``{group: [regions]}`` such as ``helpers.regions.groups("coastal")``.
            Every region of y must be in exactly one group, and every region named in the
            groups must be in y (nothing is dropped silently).
        w: optional weights (populations), > 0.
        kind: ``"T"`` (GE(1)) or ``"L"`` (GE(0)).

    Returns:
        dict with ``total``, ``between``, ``within`` (floats), ``between_share``
        (between / total; NaN when total is 0), ``kind``, ``weighted`` and ``by_group``: a
        DataFrame indexed by group with columns n, pop_share, income_share, mean, index (the
        within-group index), weight (income share for T, population share for L) and
        contribution (weight * index; these sum to ``within``).

    Unweighted Theil T matches pysal's ``inequality.theil.TheilD`` (``bg`` = between); it is
    hand-written here because pysal has no population weights and no Theil L.

    References: Theil (1967); Shorrocks (1980); Cowell (2011), ch. 7.
    """
    kind_u = str(kind).upper()
    if kind_u not in ("T", "L"):
        raise ValueError(f"kind must be 'T' or 'L', got {kind!r}")
    measure = f"Theil {kind_u} decomposition"
    values, shares, labels = _prepare(y, w, positive=True, measure=measure)
    glabels = _group_labels(groups, labels, values.size)
    core = _theil_t_core if kind_u == "T" else _theil_l_core
    mu = float(shares @ values)
    total = core(values, shares)

    # groups in the mapping's order (e.g. coastal before inland), else in order of appearance
    order = list(groups) if isinstance(groups, Mapping) else list(dict.fromkeys(glabels))
    order = [g for g in order if g in set(glabels)]
    garr = np.array([order.index(g) for g in glabels])
    rows = []
    between = 0.0
    for k, g in enumerate(order):
        mask = garr == k
        p_g = float(shares[mask].sum())
        y_g = float(shares[mask] @ values[mask]) / mu
        mu_g = y_g * mu / p_g
        index_g = core(values[mask], shares[mask] / p_g)
        weight = y_g if kind_u == "T" else p_g
        if kind_u == "T":
            between += y_g * math.log(mu_g / mu)
        else:
            between += p_g * math.log(mu / mu_g)
        rows.append(
            {
                "group": g,
                "n": int(mask.sum()),
                "pop_share": p_g,
                "income_share": y_g,
                "mean": mu_g,
                "index": index_g,
                "weight": weight,
                "contribution": weight * index_g,
            }
        )
    by_group = pd.DataFrame(rows).set_index("group")
    between = _nonneg(between)  # >= 0 mathematically; clip round-off
    within = float(by_group["contribution"].sum())
    return {
        "total": total,
        "between": between,
        "within": within,
        "between_share": between / total if total > 0 else float("nan"),
        "kind": kind_u,
        "weighted": w is not None,
        "by_group": by_group,
    }


# --------------------------------------------------------------------------------------------
# Gini and coefficient of variation
# --------------------------------------------------------------------------------------------


def gini(y: Values, w: Values | None = None) -> float:
    """Gini coefficient (relative mean absolute difference over 2), optionally weighted.

    Formula, with population shares s_i and weighted mean mu::

        G = sum_i sum_j s_i s_j |y_i - y_j| / (2 mu)

    Computed without the n x n matrix: with regions sorted by y and cumulative shares
    C_i = s_1 + ... + s_i,  G = sum_i s_i y_i (2 C_i - s_i - 1) / mu.
    0 = equal values; 1 - 1/n (unweighted) when one region has everything. **Lower = more
    equal.** No small-sample correction n/(n-1) is applied.

    Args:
        y: values >= 0 with a positive mean, one per region.
        w: optional weights (populations), > 0.

    Unweighted, this is pysal's ``inequality.gini.Gini(y).g``, which is used; pysal has no
    weights, so the weighted form is hand-written.

    References: Gini, C. (1912). *Variabilità e mutabilità*; Cowell (2011), ch. 2.
    """
    values, shares, _ = _prepare(y, w, positive=False, measure="Gini")
    if w is None:
        from inequality.gini import Gini

        return _nonneg(float(Gini(values).g))
    # Hand-written: pysal's Gini has no population weights.
    order = np.argsort(values, kind="stable")
    ys, ss = values[order], shares[order]
    cum = np.cumsum(ss)
    mu = float(ss @ ys)
    return _nonneg(float(np.sum(ss * ys * (2 * cum - ss - 1)) / mu))


def coefficient_of_variation(y: Values, w: Values | None = None) -> float:
    """Coefficient of variation: standard deviation over mean, optionally population-weighted.

    Formula (population standard deviation, ddof = 0, weights as shares s_i)::

        CV = sqrt( sum_i s_i (y_i - mu)^2 ) / mu,   mu = sum_i s_i y_i

    0 = equal values. **Lower = more equal.** Note that many Chinese regional studies use the
    sample standard deviation (ddof = 1) for the unweighted CV, which is larger by
    sqrt(n/(n-1)); the weighted CV (Williamson 1965) uses population shares as here.

    Args:
        y: values >= 0 with a positive mean, one per region.
        w: optional weights (populations), > 0.

    Hand-written: pysal's ``inequality`` has no CV (numpy's std has no weights).

    References: Williamson, J. G. (1965). Regional inequality and the process of national
    development. *Economic Development and Cultural Change* 13(4), 1-84; Cowell (2011).
    """
    values, shares, _ = _prepare(y, w, positive=False, measure="Coefficient of variation")
    mu = float(shares @ values)
    return math.sqrt(float(shares @ (values - mu) ** 2)) / mu


# --------------------------------------------------------------------------------------------
# convergence
# --------------------------------------------------------------------------------------------


def _check_frame(frame: pd.DataFrame, value: str, measure: str) -> pd.DataFrame:
    missing = [c for c in ("region", "year", value) if c not in frame.columns]
    if missing:
        raise ValueError(
            f"{measure}: frame lacks column(s) {missing}; needs region, year, "
            f"{value} (the kit's tidy layout)"
        )
    if frame.empty:
        raise ValueError(f"{measure}: frame is empty")
    for col in ("indicator", "vintage", "unit"):
        if col in frame.columns and frame[col].nunique(dropna=False) > 1:
            raise ValueError(
                f"{measure}: frame mixes several {col}s {sorted(frame[col].astype(str).unique())};"
                f" filter it to one {col} first"
            )
    dup = frame.duplicated(["region", "year"], keep=False)
    if dup.any():
        pairs = frame.loc[dup, ["region", "year"]].drop_duplicates().to_records(index=False)
        raise ValueError(f"{measure}: several rows for (region, year) {list(pairs)[:10]}")
    vals = pd.to_numeric(frame[value], errors="coerce")
    bad = frame.loc[~np.isfinite(vals.to_numpy(dtype=float, na_value=np.nan)), ["region", "year"]]
    if len(bad):
        raise ValueError(
            f"{measure}: missing {value} for (region, year) "
            f"{list(bad.to_records(index=False))[:10]}; drop these rows explicitly"
        )
    bad = frame.loc[vals <= 0, ["region", "year"]]
    if len(bad):
        raise ValueError(
            f"{measure} takes logarithms; {value} <= 0 for (region, year) "
            f"{list(bad.to_records(index=False))[:10]}"
        )
    out = frame[["region", "year"]].copy()
    out["value"] = vals.astype(float)
    return out


def sigma_convergence(
    frame: pd.DataFrame, *, value: str = "value", balanced: bool = True
) -> pd.DataFrame:
    """Sigma convergence: the cross-region dispersion of per-capita values, year by year.

    For each year t, over the regions i observed that year (unweighted, ddof = 0)::

        sd_log_t = sqrt( (1/n) sum_i (ln y_it - mean_i ln y_it)^2 )
        cv_t     = std(y_it) / mean(y_it)

    Sigma convergence = the dispersion falls over time. **Lower = more equal.**

    Args:
        frame: tidy frame with columns region, year and ``value`` (one indicator, one
            vintage; e.g. per-capita GDP from ``load(...)`` filtered to one indicator).
        value: name of the value column.
        balanced: if True (default), every year must cover the same regions, otherwise a
            ValueError lists the missing region-years (dispersion over a changing set of
            regions is not comparable). Pass False to compute each year on what it has; the
            ``n`` column then shows the changing count.

    Returns:
        DataFrame indexed by year with columns n, mean_log, sd_log, cv.

    Hand-written with numpy/pandas (pysal has no sigma-convergence helper).

    Reference: Barro & Sala-i-Martin (1992); Sala-i-Martin, X. (1996). The classical approach
    to convergence analysis. *Economic Journal* 106(437), 1019-1036.
    """
    data = _check_frame(frame, value, "sigma_convergence")
    if balanced:
        regions = sorted(data["region"].unique())
        have = set(zip(data["region"], data["year"], strict=True))
        gaps = [
            (r, int(t))
            for t in sorted(data["year"].unique())
            for r in regions
            if (r, t) not in have
        ]
        if gaps:
            raise ValueError(
                f"sigma_convergence: unbalanced panel, missing (region, year) {gaps[:10]}"
                f"{' ...' if len(gaps) > 10 else ''}; drop those regions or years, or pass "
                "balanced=False"
            )
    rows = []
    for year, g in data.groupby("year", sort=True):
        y = g["value"].to_numpy()
        logs = np.log(y)
        rows.append(
            {
                "year": year,
                "n": len(y),
                "mean_log": float(logs.mean()),
                "sd_log": float(logs.std(ddof=0)),
                "cv": float(y.std(ddof=0) / y.mean()),
            }
        )
    return pd.DataFrame(rows).set_index("year")


def beta_convergence(
    frame: pd.DataFrame, start: int, end: int, *, value: str = "value"
) -> dict[str, Any]:
    """Absolute beta convergence between two years (Barro & Sala-i-Martin 1992).

    Cross-section OLS of average annual log growth on the initial log level, T = end - start::

        g_i = ln(y_i,end / y_i,start) / T = alpha + beta ln y_i,start + e_i

    beta < 0: initially poorer regions grew faster (convergence). The implied speed of
    convergence and half-life (years to close half of the gap) are::

        lambda = -ln(1 + beta T) / T          half_life = ln 2 / lambda

    **More negative beta / larger lambda / shorter half-life = faster catch-up.** When
    beta >= 0 there is no convergence: ``speed`` and ``half_life`` are NaN and ``note`` says
    why (beta > 0 with a small p-value means divergence). When 1 + beta T <= 0 the speed is
    undefined (the poor overtook the rich), also NaN with a note.

    Args:
        frame: tidy frame with columns region, year and ``value`` (one indicator, one vintage;
            per-capita values > 0, ideally at constant prices).
        start, end: the two years; every region must have both (no silent dropping).
        value: name of the value column.

    Returns:
        dict with beta, se (its OLS standard error), t, p_value, alpha, r2, n, years (T),
        speed (lambda), half_life, converging (beta < 0), note and ``table`` (DataFrame per
        region: y_start, y_end, ln_y_start, growth).

    Uses statsmodels OLS (classical standard errors; with few regions, read p-values with care).

    Reference: Barro, R. J. & Sala-i-Martin, X. (1992). Convergence. *JPE* 100(2), 223-251.
    """
    import statsmodels.api as sm

    if int(end) <= int(start):
        raise ValueError(f"beta_convergence: end ({end}) must be after start ({start})")
    data = _check_frame(frame, value, "beta_convergence")
    wide = data[data["year"].isin([start, end])].pivot(
        index="region", columns="year", values="value"
    )
    for year in (start, end):
        if year not in wide.columns:
            raise ValueError(f"beta_convergence: no data for year {year}")
    lacking = wide.index[wide[[start, end]].isna().any(axis=1)].tolist()
    if lacking:
        raise ValueError(
            f"beta_convergence: region(s) {lacking} lack a value in {start} or {end}; drop them "
            "explicitly"
        )
    if len(wide) < 3:
        raise ValueError(f"beta_convergence needs at least 3 regions, got {len(wide)}")
    years = int(end) - int(start)
    table = pd.DataFrame({"y_start": wide[start], "y_end": wide[end]})
    table["ln_y_start"] = np.log(table["y_start"])
    table["growth"] = np.log(table["y_end"] / table["y_start"]) / years
    model = sm.OLS(table["growth"].to_numpy(), sm.add_constant(table["ln_y_start"].to_numpy()))
    with np.errstate(divide="ignore", invalid="ignore"):
        fit = model.fit()
        alpha, beta = (float(v) for v in fit.params)
        se = float(fit.bse[1])
        t = float(fit.tvalues[1])
        p = float(fit.pvalues[1])
    speed = half_life = float("nan")
    if beta >= 0:
        note = (
            "beta >= 0: no beta-convergence (initially poorer regions did not grow faster); "
            "a positive beta with a small p-value indicates divergence"
        )
    elif 1 + beta * years <= 0:
        note = (
            f"beta <= -1/T (T = {years}): implied speed undefined; the initially poorer regions "
            "overtook the richer ones"
        )
    else:
        speed = -math.log(1 + beta * years) / years
        half_life = math.log(2) / speed
        note = f"beta < 0: convergence at {speed:.2%} a year, half-life {half_life:.1f} years"
    return {
        "beta": beta,
        "se": se,
        "t": t,
        "p_value": p,
        "alpha": alpha,
        "r2": float(fit.rsquared),
        "n": int(len(table)),
        "years": years,
        "speed": speed,
        "half_life": half_life,
        "converging": beta < 0,
        "note": note,
        "table": table,
    }


# --------------------------------------------------------------------------------------------
# tables of several measures (additions for the lessons' tables)
# --------------------------------------------------------------------------------------------

#: The four indices of :func:`inequality_table`, by catalogue key.
INDICES: dict[str, Any] = {"theil_t": theil_t, "theil_l": theil_l, "gini": gini,
                           "coefficient_of_variation": coefficient_of_variation}


def inequality_table(values: Mapping[Any, pd.Series], weights: Mapping[Any, pd.Series]
                     ) -> pd.DataFrame:
    """Theil T, Theil L, Gini and CV, unweighted and weighted, for several cross-sections.

    Args:
        values: ``{column label (e.g. year): values by region}``.
        weights: ``{same label: weights by region}`` (e.g. census population).

    Returns:
        Rows ``(index key, "unweighted" | "population_weighted")`` (catalogue keys, index
        order of :data:`INDICES`), one column per label. **Lower = more equal.**
    """
    rows = {(name, kind): {k: fn(values[k], weights[k] if kind != "unweighted" else None)
                           for k in values}
            for name, fn in INDICES.items() for kind in ("unweighted", "population_weighted")}
    return pd.DataFrame(rows).T


def between_shares(values: Mapping[Any, pd.Series], weights: Mapping[Any, pd.Series],
                   groupings: Mapping[str, Mapping[str, Sequence[str]]],
                   kinds: Sequence[str] = ("T", "L")) -> pd.DataFrame:
    """Between-group share of the weighted Theil indices under several groupings.

    Args:
        values, weights: as in :func:`inequality_table` (``{label: Series by region}``).
        groupings: ``{grouping: {group: [regions]}}`` (:func:`helpers.regions.groups`).
        kinds: Theil kinds (``"T"``, ``"L"``).

    Returns:
        Rows ``(grouping, label)``, columns ``theil_t``/``theil_l``: the share of the total
        that lies between the groups (:func:`theil_decomposition`'s ``between_share``).
    """
    rows = {(g, k): {f"theil_{kind.lower()}": theil_decomposition(
        values[k], members, w=weights[k], kind=kind)["between_share"] for kind in kinds}
        for g, members in groupings.items() for k in values}
    return pd.DataFrame(rows).T


def leave_one_out_beta(frame: pd.DataFrame, start: int, end: int, *,
                       value: str = "value") -> pd.DataFrame:
    """:func:`beta_convergence` re-estimated with each region left out in turn.

    With few regions one of them can move beta a lot; this table shows how much.

    Returns:
        Rows by the region left out (in order of first appearance in ``frame``), columns
        ``beta``, ``p_value``, ``half_life``.
    """
    rows = {}
    for r in dict.fromkeys(frame["region"]):
        fit = beta_convergence(frame[frame["region"] != r], start, end, value=value)
        rows[r] = {"beta": fit["beta"], "p_value": fit["p_value"], "half_life": fit["half_life"]}
    return pd.DataFrame(rows).T

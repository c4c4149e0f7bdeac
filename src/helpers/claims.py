"""The seed documents' quantitative claims, each checked against the kit's data.

Every figure or trend statement of seed 004 (Fei Miao, *Research on the Development of an
Innovation-Driven Economy in the Bohai Rim*, 2024), every figure of seeds 001 and 003 (China
Daily, 2024 and 2020) and the structure statements of seed 000 (Zihe Liu, *Analysis of the Role
of Digital Economy in Hebei Province's Economic Transformation*, 2024, sections 1 and 3; lesson
01 section 6) is a :class:`Claim`: the words of the document, the file and section it
comes from, the regional definition it implies, its year(s), and an evaluator that recomputes it
from the kit's tables (read ONLY through :func:`helpers.data.load`) and returns a
:class:`Result`:

* ``verdict`` - one of :data:`VERDICTS`: ``"supported"``, ``"not supported"`` or
  ``"cannot be checked with the kit's data"``;
* ``figures`` - the computed number(s), named;
* ``reason`` - one line: the rule and tolerance used, and exactly what was (not) checked.

Public API::

    from helpers.claims import CLAIMS, evaluate, claims_table
    evaluate("seed004_area_share_provinces").verdict     # 'supported'
    claims_table(document="004", lang="zh")                # DataFrame for a notebook
    claims_html(document="004")                            # the same as an HTML table

Rules used by the evaluators (stated once here, repeated in each reason):

* **Shares** stated with d decimals are supported when the computed share rounds to the stated
  figure, i.e. lies within half a unit of its last digit (5.4 -> +-0.05 points; 26 -> +-0.5).
* **Stable** (upgrading, advancement, fiscal shares): over the window, each province moves by at
  most :data:`STABLE_FRACTION` of the spread between China's highest and lowest province in the
  window's first year. A scale-free rule, so the level coefficient (range 1-3), the ratio
  (0.2-5.5) and the angle (4.7-7.9) are judged alike.
* **Rising / falling every year**: every year-on-year change in the window has that sign.
  A Theil change smaller than :data:`FLAT_REL` (relative) counts as "no change".
* **Among the top / reliant on** (seed 000): Hebei ranks at most :data:`TOP_RANK` among the
  provinces with a figure in the table's last year (1 = largest); "ranks among the highest"
  for one product (crude steel): at most :data:`TOP_PRODUCT_RANK`. A statement with two
  readings (industry's share of GDP, or the steel-linked industries) is two claims.
* **Vintages** (seed 000): a statement about the present is judged on the newest vintage;
  older first-published figures are read within their own vintage only and named in the
  reason, never compared with revised figures. An input flagged ``suspicious`` in the source
  notes is not used (the reason says so), or the verdict is "cannot be checked".
* **Employment break**: ``province_employment`` changes basis between 2019 and 2020 and ends in
  2021, so Theil changes are only compared between consecutive years of the SAME vintage
  (2018->2019 and 2020->2021 inside the paper's 2018-2022); 2019->2020 and 2021->2022 are
  never checked.

Why a hand-written registry: the claims are prose, and no library maps prose to tables.
"""

from __future__ import annotations

import html
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from helpers.data import load
from helpers.regions import bohai_rim, rank_of
from helpers.structure import structure_measures

__all__ = [
    "CANNOT",
    "CLAIMS",
    "DOCUMENTS",
    "FLAT_REL",
    "NOT_SUPPORTED",
    "STABLE_FRACTION",
    "TOP_PRODUCT_RANK",
    "TOP_RANK",
    "SUPPORTED",
    "VERDICTS",
    "Claim",
    "Result",
    "claims_html",
    "claims_table",
    "evaluate",
    "get",
    "verdict_counts",
]

SUPPORTED = "supported"
NOT_SUPPORTED = "not supported"
CANNOT = "cannot be checked with the kit's data"
#: The three possible verdicts.
VERDICTS: tuple[str, str, str] = (SUPPORTED, NOT_SUPPORTED, CANNOT)

#: A province is "stable" if it moves by at most this fraction of the 31-province spread.
STABLE_FRACTION = 0.10
#: A relative Theil change smaller than this counts as "no change" (neither rise nor fall).
FLAT_REL = 0.01

#: Seed documents: short code -> (file name, short citation).
DOCUMENTS: dict[str, tuple[str, str]] = {
    "000": ("000_1aef761589647f02.txt",
            "Zihe Liu (2024), 'Analysis of the Role of Digital Economy in Hebei Province's "
            "Economic Transformation'"),
    "001": ("001_9e6ddf144e60c395.txt",
            "Zheng Jinran & Zhang Yu, 'Beijing-Tianjin-Hebei coordination nets results', "
            "China Daily, 7 March 2024"),
    "003": ("003_4589358bf7039e5b.txt",
            "Yuan Shenggao, 'County industries given chance to grow in Hebei', China Daily, "
            "21 September 2020"),
    "004": ("004_8a45d32aa1466518.txt",
            "Fei Miao (2024), 'Research on the Development of an Innovation-Driven Economy in "
            "the Bohai Rim'"),
}

FIVE = "five provinces (Beijing, Tianjin, Hebei, Liaoning, Shandong)"
COASTAL = "Beijing, Tianjin + 13 coastal cities (helpers.regions.bohai_rim('coastal'))"

_S004_2 = "2. Conditions and Current Status of Innovative Economic Development in the Bohai Rim"
_S004_21 = "2.1. Conditions for Innovative Economic Development in the Bohai Rim"
_S004_221 = "2.2.1. Steady Increase in Innovation Investment"
_S004_223 = "2.2.3. Improvement in the Quality of Innovation Output"
_S004_311 = "3.1.1. Regional Disparities"
_S004_312 = "3.1.2. Weak Industrial Competitiveness"
_S001 = "article body (China Daily, 7 March 2024)"
_S003 = "article body (China Daily, 21 September 2020)"

_OUTPUT = ["va_primary", "va_secondary", "va_tertiary"]


# ------------------------------------------------------------------------------------------
# Data classes
# ------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Result:
    """The outcome of checking one claim.

    Attributes:
        claim_id: id of the claim.
        verdict: one of :data:`VERDICTS`.
        figures: named computed figures (floats; NaN where a figure cannot be computed).
        reason: one line: rule, tolerance, and what exactly was checked.
    """

    claim_id: str
    verdict: str
    figures: dict[str, float]
    reason: str

    def __post_init__(self) -> None:
        if self.verdict not in VERDICTS:
            raise ValueError(f"verdict must be one of {VERDICTS}, got {self.verdict!r}")
        if not self.reason.strip():
            raise ValueError(f"{self.claim_id}: a result needs a reason")

    @property
    def summary(self) -> str:
        """The figures as short text, e.g. ``'share=5.43'`` (for tables)."""
        return "; ".join(f"{k}={_fmt(v)}" for k, v in self.figures.items())


@dataclass(frozen=True)
class Claim:
    """One quantitative statement of a seed document.

    Attributes:
        id: unique id, ``seed<doc>_<topic>`` (matches ``seed_facts`` codes where one exists).
        document: seed file name (see :data:`DOCUMENTS`).
        section: section (or part) of the document.
        text: the statement, quoted or closely paraphrased from the document.
        definition: the regional definition it implies (or the region it is about).
        years: the year(s) it refers to, as text (e.g. ``"2018-2022"``).
        stated: the figure as stated, if the claim has one number; else None.
        unit: unit of ``stated``.
        tables: the kit tables the evaluator reads.
        check: evaluator; ``check(claim) -> (verdict, figures, reason)``.
        fact_code: code of the same figure in the ``seed_facts`` table, if any.
    """

    id: str
    document: str
    section: str
    text: str
    definition: str
    years: str
    check: Callable[[Claim], tuple[str, dict[str, float], str]] = field(repr=False)
    stated: float | None = None
    unit: str = ""
    tables: tuple[str, ...] = ()
    fact_code: str | None = None

    @property
    def doc_code(self) -> str:
        """Short document code, e.g. ``"004"``."""
        return self.document[:3]

    def evaluate(self) -> Result:
        """Run the evaluator on the kit's data and return a :class:`Result`."""
        verdict, figures, reason = self.check(self)
        return Result(self.id, verdict, {k: float(v) for k, v in figures.items()}, reason)


# ------------------------------------------------------------------------------------------
# Small helpers
# ------------------------------------------------------------------------------------------
def _fmt(v: float) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "n/a"
    if float(v).is_integer():
        return f"{v:,.0f}" if abs(v) >= 10000 else f"{v:.0f}"
    return f"{v:.4g}" if abs(v) < 100 else f"{v:,.1f}"


def _decimals(x: float) -> int:
    """Decimals a stated figure was written with (5.4 -> 1, 26 -> 0, 14.85 -> 2)."""
    text = f"{x:.6f}".rstrip("0").rstrip(".")
    return len(text.split(".")[1]) if "." in text else 0


def _rounds_to(value: float, stated: float) -> tuple[bool, float]:
    """Whether ``value`` rounds to ``stated`` at the stated precision, and the tolerance."""
    tol = 0.5 * 10 ** (-_decimals(stated))
    return bool(abs(value - stated) <= tol + 1e-9), tol


def _value(df: pd.DataFrame, region: str, year: int | None = None,
           indicator: str | None = None) -> float:
    sel = df["region"] == region
    if year is not None:
        sel &= df["year"] == year
    if indicator is not None:
        sel &= df["indicator"] == indicator
    vals = df.loc[sel, "value"]
    if len(vals) != 1:
        return math.nan
    return float(vals.iloc[0])


def _five() -> list[str]:
    return bohai_rim("provinces")


def _flags(df: pd.DataFrame, code: str) -> list[str]:
    """'Region year' of rows whose flag contains ``code``."""
    if "flag" not in df.columns:
        return []
    hit = df[df["flag"].fillna("").str.contains(code)]
    return sorted({f"{r} {y}" for r, y in zip(hit["region"], hit["year"], strict=True)})


# ------------------------------------------------------------------------------------------
# Evaluators: shares of China (area, population, GDP) under both definitions
# ------------------------------------------------------------------------------------------
def _area_provinces(c: Claim) -> tuple[str, dict[str, float], str]:
    la = load("province_land_area", indicators="land_area", vintage="wiki_list")
    five = _five()
    num = la.loc[la["region"].isin(five), "value"].sum()
    china = _value(la, "China")
    if la["region"].isin(five).sum() != 5 or math.isnan(china):
        return CANNOT, {}, "land area of a Bohai province or of China missing"
    share = 100 * num / china
    ok, tol = _rounds_to(share, c.stated)
    verdict = SUPPORTED if ok else NOT_SUPPORTED
    return verdict, {"share_pct": share, "bohai_km2": num, "china_km2": china}, (
        f"five provinces' land area / China's (government figures via Wikipedia's list) = "
        f"{share:.2f}%; supported if within +-{tol:g} points of {c.stated:g}")


def _area_coastal(c: Claim) -> tuple[str, dict[str, float], str]:
    la = load("province_land_area", indicators="land_area", vintage="wiki_list")
    five = _five()
    upper = 100 * la.loc[la["region"].isin(five), "value"].sum() / _value(la, "China")
    return CANNOT, {"upper_bound_pct": upper}, (
        "the kit has no city land areas; the coastal set lies strictly inside the five "
        f"provinces, so its share is below {upper:.2f}% - 5.4% fits the five provinces, "
        "not this definition")


def _population_provinces(c: Claim) -> tuple[str, dict[str, float], str]:
    pop = load("province_population", indicators="pop_yearend_resident")
    five = _five()
    by_year = {}
    for year, d in pop.groupby("year"):
        if d["value"].notna().sum() == 31:
            by_year[int(year)] = 100 * d.loc[d["region"].isin(five), "value"].sum() / \
                d["value"].sum()
    if not by_year:
        return CANNOT, {}, "no year with all 31 provinces' population"
    year = 2023 if 2023 in by_year else max(by_year)
    share = by_year[year]
    ok, tol = _rounds_to(share, c.stated)
    any_year = [y for y, s in by_year.items() if _rounds_to(s, c.stated)[0]]
    lo, hi = min(by_year.values()), max(by_year.values())
    verdict = SUPPORTED if ok else NOT_SUPPORTED
    return verdict, {"share_pct": share, "year": year, "min_pct": lo, "max_pct": hi}, (
        f"five provinces / 31 provinces, year-end residents {year} = {share:.2f}% "
        f"(+-{tol:g} needed); {min(by_year)}-{max(by_year)} range {lo:.2f}-{hi:.2f}%, "
        + (f"matches in {any_year}" if any_year else "no year matches"))


def _population_coastal(c: Claim) -> tuple[str, dict[str, float], str]:
    cen = load("city_census_population", indicators="pop_census", years=2020)
    members = bohai_rim("coastal")
    have = cen[cen["region"].isin(members)]
    pop = load("province_population", indicators="pop_yearend_resident", years=2020)
    if len(have) != len(members) or pop["value"].notna().sum() != 31:
        return CANNOT, {}, "census population missing for a member city or a province"
    share = 100 * have["value"].sum() / (pop["value"].sum() * 1e4)
    ok, tol = _rounds_to(share, c.stated)
    verdict = SUPPORTED if ok else NOT_SUPPORTED
    return verdict, {"share_pct": share, "members_persons": have["value"].sum()}, (
        f"2020 census population of the {len(members)} members / 31 provinces' 2020 "
        f"year-end residents = {share:.2f}% (2020 is the only city year; +-{tol:g} needed)")


def _gdp_provinces(c: Claim) -> tuple[str, dict[str, float], str]:
    year = 2023
    gdp = load("province_gdp", indicators="gdp", years=year)
    nat = load("national_gdp", indicators="gdp", years=year)
    five = _five()
    if gdp["value"].notna().sum() != 31 or nat.empty:
        return CANNOT, {}, f"{year} GDP missing for a province or China"
    num = gdp.loc[gdp["region"].isin(five), "value"].sum()
    share_sum = 100 * num / gdp["value"].sum()
    share_nat = 100 * num / float(nat["value"].iloc[0])
    ok1, tol = _rounds_to(share_sum, c.stated)
    ok2, _ = _rounds_to(share_nat, c.stated)
    verdict = SUPPORTED if (ok1 or ok2) else NOT_SUPPORTED
    return verdict, {"share_of_31_pct": share_sum, "share_of_national_pct": share_nat}, (
        f"five provinces' {year} GDP (post-5th-census NBS) = {share_sum:.2f}% of the 31 "
        f"provinces, {share_nat:.2f}% of national GDP; +-{tol:g} points needed")


def _gdp_coastal(c: Claim) -> tuple[str, dict[str, float], str]:
    # One vintage throughout: pre-5th-census provincial GDP and 2023 city communiques.
    year = 2023
    prov = load("province_gdp_vintages", indicators="gdp", years=year,
                vintage="nbs_pre5th_4threvised")
    heb = load("hebei_city_gdp", indicators="gdp", years=year)
    cities = load("bohai_city_gdp_2023", indicators="gdp", years=year)
    members = bohai_rim("coastal")
    if prov["value"].notna().sum() != 31:
        return CANNOT, {}, f"pre-5th-census {year} GDP missing for a province"
    china = prov["value"].sum()
    known: dict[str, float] = {}
    for src in (prov, heb, cities):
        for r, v in zip(src["region"], src["value"], strict=True):
            if r in members and not math.isnan(v):
                known.setdefault(r, float(v))
    missing = [m for m in members if m not in known]
    lower = sum(known.values())
    # Upper bound: a missing city is at most its province's GDP minus the known cities.
    upper = lower
    for p in ("Liaoning", "Shandong", "Hebei"):
        miss_p = [m for m in missing if _province_of(m) == p]
        if miss_p:
            known_p = sum(v for k, v in known.items() if _province_of(k) == p)
            upper += max(_value(prov, p) - known_p, 0.0)
    lo, hi = 100 * lower / china, 100 * upper / china
    figures = {"lower_bound_pct": lo, "upper_bound_pct": hi, "missing_cities": len(missing)}
    tol = 0.5 * 10 ** (-_decimals(c.stated))
    if hi < c.stated - tol or lo > c.stated + tol:
        verdict = NOT_SUPPORTED
    elif not missing:
        verdict = SUPPORTED
    else:
        verdict = CANNOT
    return verdict, figures, (
        f"{year} GDP, pre-5th-census vintage, / 31 provinces: {lo:.1f}% from the "
        f"{len(known)} members with data, at most {hi:.1f}% even if each missing city "
        f"({len(missing)}: {', '.join(missing)}) took its province's whole remainder")


def _province_of(region: str) -> str:
    from helpers.regions import table

    t = table()
    row = t[t["region"] == region]
    return str(row["province"].iloc[0]) if len(row) else ""


# ------------------------------------------------------------------------------------------
# Evaluators: industrial structure 2018-2022
# ------------------------------------------------------------------------------------------
_MEASURE_CACHE: dict[tuple[bool, int, int], pd.DataFrame] = {}


def _fingerprint(df: pd.DataFrame | None) -> int:
    if df is None:
        return 0
    return int(pd.util.hash_pandas_object(df[["region", "year", "indicator", "value"]],
                                          index=False).sum())


def _measures(with_employment: bool) -> pd.DataFrame:
    """structure_measures of province_gdp (and employment), cached by the data's content."""
    out = load("province_gdp", indicators=_OUTPUT)
    emp = load("province_employment") if with_employment else None
    key = (with_employment, _fingerprint(out), _fingerprint(emp))
    if key not in _MEASURE_CACHE:
        _MEASURE_CACHE.clear()  # keep one entry per flavour at most: data rarely change
        _MEASURE_CACHE[key] = structure_measures(out, emp)
    return _MEASURE_CACHE[key]


def _theil_steps(region: str, window: tuple[int, int]) -> tuple[list[tuple[int, int, float]],
                                                                 pd.DataFrame]:
    """Year-on-year relative Theil changes inside ``window`` between same-vintage years."""
    m = _measures(True)
    tl = m[(m["measure"] == "theil_rationalization") & (m["region"] == region)
           & m["year"].between(*window) & m["value"].notna()].sort_values("year")
    steps = []
    rows = tl.to_dict("records")
    for a, b in zip(rows, rows[1:], strict=False):
        if b["year"] == a["year"] + 1 and a.get("emp_vintage") == b.get("emp_vintage"):
            steps.append((int(a["year"]), int(b["year"]), (b["value"] - a["value"]) / a["value"]))
    return steps, tl


def _direction(rel: float) -> str:
    return "flat" if abs(rel) < FLAT_REL else ("fall" if rel < 0 else "rise")


def _steps_text(steps: list[tuple[int, int, float]]) -> str:
    return ", ".join(f"{a}->{b} {100 * r:+.1f}%" for a, b, r in steps)


def _theil_note(tl: pd.DataFrame, window: tuple[int, int]) -> str:
    note = (f"only {window[0]}-2019 and 2020-2021 steps are comparable (employment basis "
            "changes 2019/2020, ends 2021)")
    susp = tl[tl.get("emp_flag", pd.Series("", index=tl.index)).fillna("")
              .str.contains("suspicious")]
    if len(susp):
        note += f"; employment of {', '.join(str(y) for y in susp['year'])} flagged suspicious"
    return note


def _theil_falls(region: str, window: tuple[int, int] = (2018, 2022)):
    def check(c: Claim) -> tuple[str, dict[str, float], str]:
        steps, tl = _theil_steps(region, window)
        figs = {f"TL_{int(y)}": v for y, v in zip(tl["year"], tl["value"], strict=True)}
        if not steps:
            return CANNOT, figs, f"no two consecutive comparable years of {region}'s Theil index"
        dirs = [_direction(r) for _, _, r in steps]
        verdict = SUPPORTED if all(d == "fall" for d in dirs) else NOT_SUPPORTED
        return verdict, figs, (
            f"TL must fall (by >{100 * FLAT_REL:g}%) in every comparable step: "
            f"{_steps_text(steps)}; {_theil_note(tl, window)}")
    return check


def _theil_fluctuates(region: str, window: tuple[int, int] = (2018, 2022)):
    def check(c: Claim) -> tuple[str, dict[str, float], str]:
        steps, tl = _theil_steps(region, window)
        figs = {f"TL_{int(y)}": v for y, v in zip(tl["year"], tl["value"], strict=True)}
        if len(steps) < 2:
            return CANNOT, figs, "fewer than two comparable steps: fluctuation cannot be seen"
        dirs = {_direction(r) for _, _, r in steps}
        verdict = SUPPORTED if {"rise", "fall"} <= dirs else NOT_SUPPORTED
        return verdict, figs, (
            f"fluctuation = at least one rise and one fall (>{100 * FLAT_REL:g}%) among "
            f"comparable steps: {_steps_text(steps)}; {_theil_note(tl, window)}")
    return check


def _stable(measure: str, window: tuple[int, int] = (2018, 2022)):
    def check(c: Claim) -> tuple[str, dict[str, float], str]:
        m = _measures(False)
        d = m[(m["measure"] == measure) & m["value"].notna()]
        first = d[d["year"] == window[0]]["value"]
        spread = float(first.max() - first.min())
        five = _five()
        w = d[d["region"].isin(five) & d["year"].between(*window)]
        if spread <= 0 or w["region"].nunique() < len(five):
            return CANNOT, {}, f"{measure} not available for all five provinces in {window}"
        moved = w.groupby("region")["value"].agg(lambda s: s.max() - s.min()) / spread
        figs = {f"{r}_moved_share": float(v) for r, v in moved.items()}
        unstable = [r for r, v in moved.items() if v > STABLE_FRACTION]
        verdict = NOT_SUPPORTED if unstable else SUPPORTED
        worst = moved.idxmax()
        return verdict, figs, (
            f"{measure} {window[0]}-{window[1]}: stable if a province's range <= "
            f"{STABLE_FRACTION:g} x the {window[0]} spread across provinces ({spread:.3g}); "
            f"largest: {worst} {moved[worst]:.2f}"
            + (f"; unstable: {', '.join(unstable)}" if unstable else ""))
    return check


def _beijing_advanced(window: tuple[int, int] = (2018, 2022)):
    def check(c: Claim) -> tuple[str, dict[str, float], str]:
        m = _measures(False)
        five = _five()
        figs: dict[str, float] = {}
        years_top: dict[str, int] = {}
        n_years = window[1] - window[0] + 1
        for meas in ("advancement_ratio", "advancement_angle"):
            d = m[(m["measure"] == meas) & m["region"].isin(five) & m["year"].between(*window)]
            piv = d.pivot_table(index="year", columns="region", values="value")
            if "Beijing" not in piv.columns or len(piv) < n_years:
                return CANNOT, {}, f"{meas} missing for {window}"
            years_top[meas] = int((piv.idxmax(axis=1) == "Beijing").sum())
            others = piv.drop(columns="Beijing")
            figs[f"{meas}_beijing_mean"] = float(piv["Beijing"].mean())
            figs[f"{meas}_next_best_mean"] = float(others.max(axis=1).mean())
            figs[f"{meas}_beijing_change"] = float(piv["Beijing"].iloc[-1] - piv["Beijing"].iloc[0])
        ok = all(v == n_years for v in years_top.values())
        return (SUPPORTED if ok else NOT_SUPPORTED), figs, (
            f"read as a level: Beijing highest of the five in every year {window[0]}-{window[1]} "
            f"by ratio ({years_top['advancement_ratio']}/{n_years} years) and angle "
            f"({years_top['advancement_angle']}/{n_years}); its change over the window is "
            "in figures")
    return check


def _secondary_dominant(c: Claim) -> tuple[str, dict[str, float], str]:
    years = (2018, 2023)
    g = load("province_gdp", regions=_five(), indicators=_OUTPUT, years=years)
    tot = g.groupby(["year", "indicator"])["value"].sum().unstack()
    if tot.empty or tot.isna().any().any():
        return CANNOT, {}, "sector value added missing"
    share = 100 * tot.div(tot.sum(axis=1), axis=0)
    last = int(share.index.max())
    w = g.pivot_table(index=["region", "year"], columns="indicator", values="value")
    n_sec = int((w["va_secondary"] > w["va_tertiary"]).sum())
    dominant = bool((share["va_secondary"] > share["va_tertiary"]).all())
    return (SUPPORTED if dominant else NOT_SUPPORTED), {
        f"secondary_share_{last}_pct": float(share.loc[last, "va_secondary"]),
        f"tertiary_share_{last}_pct": float(share.loc[last, "va_tertiary"]),
        "province_years_secondary_larger": n_sec}, (
        f"five provinces together, {years[0]}-{years[1]}: the secondary sector must be the "
        f"largest; in {last} it is {share.loc[last, 'va_secondary']:.1f}% against "
        f"{share.loc[last, 'va_tertiary']:.1f}% tertiary (larger in {n_sec} province-years)")


def _shandong_outperforms(window: tuple[int, int] = (2018, 2022), margin: float = 5.0):
    def check(c: Claim) -> tuple[str, dict[str, float], str]:
        regs = ["Shandong", "Hebei", "Liaoning"]
        gi = load("province_gdp_index", regions=regs, indicators="gdp_index_prev_year_100",
                  years=(window[0] + 1, window[1]))
        piv = gi.pivot_table(index="year", columns="region", values="value")
        if len(piv) != window[1] - window[0] or piv.isna().any().any():
            return CANNOT, {}, "GDP index missing in the window"
        growth = 100 * ((piv / 100).prod() - 1)
        figs = {f"{r}_real_growth_pct": float(growth[r]) for r in regs}
        gaps = {r: growth["Shandong"] - growth[r] for r in ("Hebei", "Liaoning")}
        ok = all(g >= margin for g in gaps.values())
        return (SUPPORTED if ok else NOT_SUPPORTED), figs, (
            f"real GDP growth {window[0]}-{window[1]} (chained NBS indices): Shandong must beat "
            f"each by >= {margin:g} points; gap to Hebei {gaps['Hebei']:+.1f}, to Liaoning "
            f"{gaps['Liaoning']:+.1f}")
    return check


# ------------------------------------------------------------------------------------------
# Evaluators: innovation inputs (section 2.2.1: yearbooks 2016-2020 = data years 2015-2019)
# ------------------------------------------------------------------------------------------
_INPUT_WINDOW = (2015, 2019)


def _falls_in(series: pd.Series) -> list[int]:
    s = series.sort_index()
    return [int(y) for y, d in zip(s.index[1:], np.diff(s.to_numpy()), strict=True) if d <= 0]


def _rd_intensity_except_shandong(c: Claim) -> tuple[str, dict[str, float], str]:
    r = load("rd_inputs", regions=_five(), indicators="rd_intensity_pct_gdp")
    piv = r.pivot_table(index="year", columns="region", values="value")

    def holds(win: tuple[int, int]) -> tuple[bool, dict[str, list[int]]]:
        sub = piv.loc[win[0]:win[1]]
        falls = {reg: _falls_in(sub[reg].dropna()) for reg in sub.columns}
        others_rise = all(not falls[reg] for reg in falls if reg != "Shandong")
        return others_rise and bool(falls.get("Shandong")), falls

    windows = [_INPUT_WINDOW, (2016, 2020), (2018, 2022)]
    if any(piv.loc[w[0]:w[1]].shape[0] != w[1] - w[0] + 1 for w in windows[:1]):
        return CANNOT, {}, "R&D intensity missing for a year of 2015-2019"
    ok, falls = holds(windows[0])
    alt = [f"{a}-{b}" for a, b in windows[1:] if holds((a, b))[0]]
    figs = {f"{reg}_years_not_rising": float(len(v)) for reg, v in falls.items()}
    bad = {reg: v for reg, v in falls.items() if reg != "Shandong" and v}
    return (SUPPORTED if ok else NOT_SUPPORTED), figs, (
        "bulletin R&D intensity 2015-2019 (yearbooks 2016-2020): every non-Shandong province "
        "must rise every year; "
        + ("; ".join(f"{k} fell/flat in {v}" for k, v in bad.items()) or "all rose")
        + f"; Shandong fell/flat in {falls.get('Shandong', [])}"
        + (f"; holds in {alt}" if alt else "; also fails for 2016-2020 and 2018-2022"))


def _upward_trend(regions: Sequence[str], indicators: Sequence[str]):
    def check(c: Claim) -> tuple[str, dict[str, float], str]:
        r = load("rd_inputs", regions=list(regions), indicators=list(indicators),
                 years=_INPUT_WINDOW)
        figs: dict[str, float] = {}
        bad, notes = [], []
        n = _INPUT_WINDOW[1] - _INPUT_WINDOW[0] + 1
        for (reg, ind), d in r.groupby(["region", "indicator"]):
            d = d.dropna(subset=["value"]).sort_values("year")
            if len(d) != n:
                return CANNOT, {}, f"{ind} of {reg} incomplete in 2015-2019"
            slope = float(np.polyfit(d["year"], d["value"], 1)[0])
            change = 100 * (d["value"].iloc[-1] / d["value"].iloc[0] - 1)
            figs[f"{reg}_{ind}_change_pct"] = change
            if slope <= 0 or change <= 0:
                bad.append(f"{reg} {ind}")
            falls = _falls_in(d.set_index("year")["value"])
            if falls:
                notes.append(f"{reg} {ind.replace('rd_', '')} dipped in {falls}")
        return (NOT_SUPPORTED if bad else SUPPORTED), figs, (
            "increasing trend = positive least-squares slope and 2019 above 2015; "
            + (f"fails: {', '.join(bad)}" if bad else "holds for all")
            + (f" (not every year: {'; '.join(notes)})" if notes else ""))
    return check


def _fiscal_wide() -> pd.DataFrame:
    f = load("fiscal_expenditure", regions=_five(), years=_INPUT_WINDOW)
    return f.pivot_table(index=["region", "year"], columns="indicator", values="value")


_EDU = "local_general_budget_expenditure_education"
_ST = "local_general_budget_expenditure_science_technology"
_TOT = "local_general_budget_expenditure_total"


def _fiscal_share_stable(c: Claim) -> tuple[str, dict[str, float], str]:
    f = load("fiscal_expenditure", indicators=[_EDU, _ST, _TOT], years=_INPUT_WINDOW[0])
    w0 = f[f["region"] != "China"].pivot_table(index="region", columns="indicator",
                                               values="value")
    s0 = 100 * (w0[_EDU] + w0[_ST]) / w0[_TOT]
    spread = float(s0.max() - s0.min())
    w = _fiscal_wide()
    share = 100 * (w[_EDU] + w[_ST]) / w[_TOT]
    moved = share.groupby("region").agg(lambda s: s.max() - s.min())
    figs = {f"{r}_range_pts": float(v) for r, v in moved.items()}
    unstable = [r for r, v in moved.items() if v > STABLE_FRACTION * spread]
    return (NOT_SUPPORTED if unstable else SUPPORTED), figs, (
        f"(education + S&T) / local budget spending 2015-2019: stable if each province's range "
        f"<= {STABLE_FRACTION:g} x the 2015 spread across provinces ({spread:.1f} points); "
        + (f"unstable: {', '.join(f'{r} {moved[r]:.1f}' for r in unstable)}" if unstable
           else "all stable"))


def _fiscal_rising(columns: Sequence[str], what: str):
    def check(c: Claim) -> tuple[str, dict[str, float], str]:
        w = _fiscal_wide()
        total = w[list(columns)].sum(axis=1, min_count=len(columns))
        figs, bad = {}, []
        for reg, s in total.groupby("region"):
            s = s.droplevel("region")
            if s.isna().any() or len(s) != _INPUT_WINDOW[1] - _INPUT_WINDOW[0] + 1:
                return CANNOT, {}, f"{what} incomplete for {reg} in 2015-2019"
            falls = _falls_in(s)
            figs[f"{reg}_years_not_rising"] = float(len(falls))
            if falls:
                bad.append(f"{reg} in {falls}")
        return (NOT_SUPPORTED if bad else SUPPORTED), figs, (
            f"{what} must rise every year 2015-2019 in each province; "
            + (f"fell in: {'; '.join(bad)}" if bad else "it did"))
    return check


def _rd_expenditure_region(c: Claim) -> tuple[str, dict[str, float], str]:
    r = load("rd_inputs", regions=_five(), indicators="rd_expenditure_bulletin",
             years=_INPUT_WINDOW)
    piv = r.pivot_table(index="year", columns="region", values="value")
    if piv.shape != (5, 5) or piv.isna().any().any():
        return CANNOT, {}, "R&D expenditure incomplete 2015-2019"
    total = piv.sum(axis=1)
    falls = _falls_in(total)
    prov_falls = {reg: _falls_in(piv[reg]) for reg in piv.columns if _falls_in(piv[reg])}
    return (NOT_SUPPORTED if falls else SUPPORTED), {
        "five_total_2015": float(total.iloc[0]), "five_total_2019": float(total.iloc[-1])}, (
        "five provinces' R&D expenditure (bulletin, current prices) must rise every year "
        "2015-2019: " + ("it did" if not falls else f"fell in {falls}")
        + (f"; but not every province: {prov_falls}" if prov_falls else ""))


# ------------------------------------------------------------------------------------------
# Evaluators: other figures
# ------------------------------------------------------------------------------------------
def _city_count(c: Claim) -> tuple[str, dict[str, float], str]:
    cen = load("city_census_population", indicators="pop_census", years=2020)
    three = cen[cen["province"].isin(["Hebei", "Liaoning", "Shandong"])]
    n_coastal = int(three["coastal_city"].astype(bool).sum())
    n_shore = len([r for r in bohai_rim("bohai_shore") if r not in ("Beijing", "Tianjin")])
    return CANNOT, {"coastal_cities_census": n_coastal, "bohai_shore_cities": n_shore}, (
        f"the paper lists no cities; the census file flags {n_coastal} coastal cities in the "
        f"three provinces, {n_shore} with a Bohai shore (helpers.regions): 13 needs a choice")


def _researcher_share(c: Claim) -> tuple[str, dict[str, float], str]:
    r = load("rd_inputs", regions=["Beijing", "Tianjin", "China"],
             indicators="rd_personnel_fte_total")
    year = int(r["year"].max())
    d = r[r["year"] == year]
    share = 100 * (_value(d, "Beijing") + _value(d, "Tianjin")) / _value(d, "China")
    return CANNOT, {f"all_rd_personnel_share_{year}_pct": share}, (
        "the kit has R&D personnel by province, not by performer (universities, institutes); "
        f"context: Beijing + Tianjin hold {share:.1f}% of ALL R&D personnel FTE in {year}")


def _hebei_reference(indicator: str, year: int, what: str):
    def check(c: Claim) -> tuple[str, dict[str, float], str]:
        h = load("hebei_hightech_reference", indicators=indicator)
        row = h[h["year"] == year]
        if row.empty or row["value"].isna().all():
            return CANNOT, {}, (f"hebei_hightech_reference has no full-year {what} for {year} "
                                "(partial-year figures are not comparable)")
        v = float(row["value"].iloc[0])
        ok, tol = _rounds_to(v, c.stated)
        trust = str(row["trust"].iloc[0]) if "trust" in row.columns else "?"
        return (SUPPORTED if ok else NOT_SUPPORTED), {"kit_value": v}, (
            f"kit: {v:g} {what} (hebei_hightech_reference, {year}, a Hebei government "
            f"statement, trust {trust}); +-{tol:g} needed; not an independent statistic")
    return check


def _cannot(reason: str) -> Callable[[Claim], tuple[str, dict[str, float], str]]:
    def check(c: Claim) -> tuple[str, dict[str, float], str]:
        return CANNOT, {}, reason
    return check


# ------------------------------------------------------------------------------------------
# Evaluators: seed 000 (Liu 2024), Hebei's structure and the costs of heavy industry
# ------------------------------------------------------------------------------------------
#: Older first-published snapshots of Hebei's three sectors, each its own vintage (year, vintage).
_SNAPSHOTS: tuple[tuple[int, str], ...] = (
    (2001, "csy2002_first_print"), (2007, "csy2008_reprint_rounded"), (2009, "preliminary_2009"))
_SNAPSHOT_SHARES = (2015, "sd_yearbook2016_shares")
#: "Among the top": at most this rank among the provinces (1 = largest).
TOP_RANK = 5
#: "Among the highest" for a single product (crude steel, coke): at most this rank.
TOP_PRODUCT_RANK = 3


def _vintages(df: pd.DataFrame) -> str:
    return ", ".join(dict.fromkeys(df["vintage"].dropna().astype(str)))


def _hebei_gdp() -> tuple[pd.DataFrame, int]:
    """province_gdp of all provinces, wide by (region, year), and the last year with GDP."""
    g = load("province_gdp")
    w = g.pivot_table(index=["region", "year"], columns="indicator", values="value")
    last = int(g.loc[(g["indicator"] == "gdp") & (g["region"] == _HB), "year"].max())
    return w, last


def _rank_text(rank: int, n: int) -> str:
    return f"rank {rank} of {n}"


def _secondary_dominated_000(c: Claim) -> tuple[str, dict[str, float], str]:
    g = load("province_gdp", regions=_HB, indicators=_OUTPUT)
    w = g.pivot_table(index="year", columns="indicator", values="value").dropna()
    v = load("province_gdp_vintages", regions=_HB)
    if w.empty:
        return CANNOT, {}, "Hebei's sector value added missing in province_gdp"
    share = 100 * w.div(w.sum(axis=1), axis=0)
    first, last = int(share.index.min()), int(share.index.max())
    n_sec = int((share["va_secondary"] > share["va_tertiary"]).sum())
    old: list[str] = []
    figs: dict[str, float] = {}
    for year, vintage in _SNAPSHOTS:
        s = v[(v["year"] == year) & (v["vintage"] == vintage)].set_index("indicator")["value"]
        if {"gdp", "va_secondary", "va_tertiary"} <= set(s.index):
            figs[f"secondary_{year}_pct"] = 100 * s["va_secondary"] / s["gdp"]
            figs[f"tertiary_{year}_pct"] = 100 * s["va_tertiary"] / s["gdp"]
    year, vintage = _SNAPSHOT_SHARES
    s = v[(v["year"] == year) & (v["vintage"] == vintage)].set_index("indicator")["value"]
    if {"share_secondary", "share_tertiary"} <= set(s.index):
        figs[f"secondary_{year}_pct"] = float(s["share_secondary"])
        figs[f"tertiary_{year}_pct"] = float(s["share_tertiary"])
    for year, vintage in (*_SNAPSHOTS, _SNAPSHOT_SHARES):
        if f"secondary_{year}_pct" in figs:
            bigger = figs[f"secondary_{year}_pct"] > figs[f"tertiary_{year}_pct"]
            old.append(f"{year} {'secondary' if bigger else 'tertiary'} larger ({vintage})")
    figs.update({f"secondary_{first}_pct": share.loc[first, "va_secondary"],
                 f"secondary_{last}_pct": share.loc[last, "va_secondary"],
                 f"tertiary_{last}_pct": share.loc[last, "va_tertiary"],
                 "newest_years_secondary_larger": n_sec})
    verdict = SUPPORTED if n_sec == len(share) else NOT_SUPPORTED
    return verdict, figs, (
        f"stated in 2024, so judged on the newest vintage (province_gdp, {_vintages(g)}): "
        f"secondary must exceed tertiary in every year {first}-{last}; it does in {n_sec} of "
        f"{len(share)} ({last}: {share.loc[last, 'va_secondary']:.1f}% vs "
        f"{share.loc[last, 'va_tertiary']:.1f}%); older figures, each read within its own "
        f"vintage and never compared with the revised ones: {'; '.join(old) or 'none'} - no "
        f"vintage holds the sectors both before and after {first}, so the step into {first} "
        "is partly a change of vintage")


def _industry_share_rank_000(c: Claim) -> tuple[str, dict[str, float], str]:
    w, last = _hebei_gdp()
    share = (100 * w["va_industry"] / w["gdp"]).xs(last, level="year").dropna()
    rank = rank_of(share, _HB)
    return (SUPPORTED if rank <= TOP_RANK else NOT_SUPPORTED), {
        "industry_share_pct": share[_HB], "rank": rank, "provinces": len(share),
        "median_pct": share.median()}, (
        f"read as industry's share of GDP (province_gdp, {last}): supported if in the top "
        f"{TOP_RANK} provinces; Hebei {share[_HB]:.1f}%, {_rank_text(rank, len(share))} "
        f"(median province {share.median():.1f}%)")


def _steel_2018() -> pd.Series:
    st = load("steel_reference_points", indicators="crude_steel_output",
              vintage="nbs_monthly_cum", years=2018)
    return st.set_index("region")["value"].dropna()


def _coke_latest() -> tuple[pd.Series, int]:
    ep = load("energy_products", indicators="coke_output")
    year = int(ep.loc[(ep["region"] == _HB) & ep["value"].notna(), "year"].max())
    return ep[ep["year"] == year].set_index("region")["value"].dropna(), year


def _heavy_products_rank_000(c: Claim) -> tuple[str, dict[str, float], str]:
    steel = _steel_2018()
    coke, year = _coke_latest()
    if _HB not in steel.index or _HB not in coke.index:
        return CANNOT, {}, "Hebei's crude steel (2018) or coke output missing"
    rs, rc = rank_of(steel, _HB), rank_of(coke, _HB)
    ok = max(rs, rc) <= TOP_RANK
    return (SUPPORTED if ok else NOT_SUPPORTED), {
        "crude_steel_rank_2018": rs, f"coke_rank_{year}": rc,
        "crude_steel_share_pct": 100 * steel[_HB] / steel.sum(),
        "coke_share_pct": 100 * coke[_HB] / coke.sum()}, (
        f"read as the size of steel-linked heavy industry: supported if Hebei is in the top "
        f"{TOP_RANK} for both crude steel (2018, the only provincial year, "
        f"{_rank_text(rs, len(steel))}) and coke output ({year}, {_rank_text(rc, len(coke))}); "
        "chemicals and building materials have no table")


def _steel_rank_000(c: Claim) -> tuple[str, dict[str, float], str]:
    steel = _steel_2018()
    if _HB not in steel.index:
        return CANNOT, {}, "Hebei's 2018 crude-steel output missing"
    rank = rank_of(steel, _HB)
    share = 100 * steel[_HB] / steel.sum()
    return (SUPPORTED if rank <= TOP_PRODUCT_RANK else NOT_SUPPORTED), {
        "rank": rank, "provinces": len(steel), "share_pct": share}, (
        f"crude steel 2018 (NBS monthly, cumulated; the only provincial year): supported if in "
        f"the top {TOP_PRODUCT_RANK}; Hebei {_rank_text(rank, len(steel))}, {share:.1f}% of the "
        "provinces' total")


def _top_total(table: str, indicator: str | None, what: str):
    def check(c: Claim) -> tuple[str, dict[str, float], str]:
        d = load(table, indicators=indicator) if indicator else load(table)
        year = int(d.loc[(d["region"] == _HB) & d["value"].notna(), "year"].max())
        values = d[d["year"] == year].set_index("region")["value"].dropna()
        rank = rank_of(values, _HB)
        doubtful = [f for f in _flags(d[d["year"] == year], "suspicious") if f.startswith(_HB)]
        if doubtful:
            return CANNOT, {"rank": rank}, (f"{what} of {', '.join(doubtful)} is flagged "
                                           "doubtful in the source notes")
        return (SUPPORTED if rank <= TOP_RANK else NOT_SUPPORTED), {
            "rank": rank, "provinces": len(values), "year": year}, (
            f"read as total {what} ({table}, {year}, the last year): supported if in the top "
            f"{TOP_RANK}; Hebei {_rank_text(rank, len(values))}")
    return check


def _labour_productivity_000(c: Claim) -> tuple[str, dict[str, float], str]:
    w, last = _hebei_gdp()
    emp = load("province_employment", regions=_HB,
               indicators=["emp_primary", "emp_secondary", "emp_tertiary"])
    nat = load("national_gdp", vintage="nbs_post5th_2025-03").pivot_table(
        index="year", columns="indicator", values="value")
    ne = load("national_employment", vintage="csy2025").pivot_table(
        index="year", columns="indicator", values="value")
    doubtful = {int(f.rsplit(" ", 1)[1]) for f in _flags(emp, "suspicious")}
    years = [int(y) for y in sorted(emp["year"].unique(), reverse=True)
             if (_HB, y) in w.index and y in nat.index and y in ne.index and y not in doubtful]
    if not years:
        return CANNOT, {}, "no year with Hebei's GDP, employment and China's figures unflagged"
    y = years[0]
    workers = emp.loc[emp["year"] == y, "value"].sum()
    hebei = w.loc[(_HB, y), "gdp"] / workers
    china = nat.loc[y, "gdp"] / ne.loc[y, "emp_total"]
    pc = w["gdp_per_capita"].xs(last, level="year").dropna()
    skipped = f"; employment of {sorted(doubtful)} flagged doubtful, not used" if doubtful else ""
    return (SUPPORTED if hebei < china else NOT_SUPPORTED), {
        "gdp_per_worker_hebei": hebei, "gdp_per_worker_china": china,
        "pct_of_china": 100 * hebei / china, f"gdp_per_person_rank_{last}": rank_of(pc, _HB)}, (
        f"read as GDP per employed person (10k yuan, {y}, GDP post-5th-census, employment not "
        f"revised to it): supported if below China's; Hebei {hebei:.2f}, China {china:.2f} "
        f"({100 * hebei / china:.0f}%); GDP per person {last}: "
        f"{_rank_text(rank_of(pc, _HB), len(pc))}{skipped}")


def _services_lag_000(c: Claim) -> tuple[str, dict[str, float], str]:
    w, last = _hebei_gdp()
    s3 = (100 * w["va_tertiary"] / w["gdp"]).xs(last, level="year")
    nat = load("national_gdp", vintage="nbs_post5th_2025-03", years=last).set_index(
        "indicator")["value"]
    china = 100 * nat["va_tertiary"] / nat["gdp"]
    pc = w["gdp_per_capita"].xs(last, level="year")
    others = {"Beijing": s3["Beijing"], "Tianjin": s3["Tianjin"], "China": china}
    ok = s3[_HB] < min(others.values())
    return (SUPPORTED if ok else NOT_SUPPORTED), {
        "hebei_tertiary_pct": s3[_HB], **{f"{k.lower()}_tertiary_pct": v
                                          for k, v in others.items()},
        "gdp_per_person_pct_of_beijing": 100 * pc[_HB] / pc["Beijing"],
        "gdp_per_person_pct_of_tianjin": 100 * pc[_HB] / pc["Tianjin"]}, (
        f"read as the tertiary share of GDP in {last} (province_gdp; China from national_gdp, "
        f"nbs_post5th_2025-03): supported if Hebei's is below Beijing's, Tianjin's and "
        f"China's; Hebei {s3[_HB]:.1f}%, Beijing {others['Beijing']:.1f}%, Tianjin "
        f"{others['Tianjin']:.1f}%, China {china:.1f}%; modern services and high-tech "
        "industries themselves have no table")


# ------------------------------------------------------------------------------------------
# The registry
# ------------------------------------------------------------------------------------------
_D4 = DOCUMENTS["004"][0]
_D1 = DOCUMENTS["001"][0]
_D3 = DOCUMENTS["003"][0]
_D0 = DOCUMENTS["000"][0]
_S000_1 = "1. Introduction"
_S000_31 = "3.1. Economic development quality issues"
_S000_33 = "3.3. Environmental and resource issues"
_HEAVY = ("Its growth model remains reliant on traditional heavy industries such as steel, "
          "chemicals, and building materials.")
_TOP = ("Hebei Province ranks among the top in the country in terms of resource consumption "
        "and pollution emissions.")
_HB = "Hebei"

_NO_FIRM = "firm- or zone-level figure; the kit has only provincial and city statistics"
_NO_COUNTY = "county-level figure; the kit has no county or industrial-cluster statistics"
_NO_POLICY = "a count of policy programmes or designations; no statistical table records it"

CLAIMS: list[Claim] = [
    # ---- seed 000 (Liu 2024): Hebei's structure and the costs of heavy industry
    Claim("seed000_hebei_secondary_dominant", _D0, _S000_1,
          "The province's economic structure has long been dominated by secondary industries.",
          _HB, "2016-2024 (newest vintage); older first prints 2001-2015",
          _secondary_dominated_000, None, "", ("province_gdp", "province_gdp_vintages")),
    Claim("seed000_hebei_heavy_industry_share", _D0, _S000_31, _HEAVY,
          "Hebei; read as industry's share of GDP among the 31 provinces", "2024 (latest)",
          _industry_share_rank_000, None, "", ("province_gdp",)),
    Claim("seed000_hebei_heavy_industry_products", _D0, _S000_31, _HEAVY,
          "Hebei; read as crude-steel and coke output among the provinces",
          "2018 (steel), 2024 (coke)", _heavy_products_rank_000, None, "",
          ("steel_reference_points", "energy_products")),
    Claim("seed000_hebei_steel_rank", _D0, _S000_1,
          "Notably, Hebei's steel production ranks among the highest nationwide.",
          "Hebei among the 28 provinces with a figure", "2018", _steel_rank_000, None, "",
          ("steel_reference_points",)),
    Claim("seed000_hebei_resource_consumption_top", _D0, _S000_33, _TOP,
          "Hebei; resource consumption read as total energy use, 30 provinces", "2019 (latest)",
          _top_total("energy_consumption", None, "energy use"), None, "",
          ("energy_consumption",)),
    Claim("seed000_hebei_pollution_emissions_top", _D0, _S000_33, _TOP,
          "Hebei; pollution emissions read as industrial SO2 emissions, 30 provinces",
          "2023 (latest)", _top_total("industrial_pollution", "industrial_so2_emissions",
                                      "industrial SO2 emissions"), None, "",
          ("industrial_pollution",)),
    Claim("seed000_hebei_labour_productivity", _D0, _S000_31,
          "... with limited production efficiency and labor productivity.",
          "Hebei against China", "2021 (last employment year)", _labour_productivity_000,
          None, "", ("province_gdp", "province_employment", "national_gdp",
                     "national_employment")),
    Claim("seed000_hebei_services_lag", _D0, _S000_31,
          "The development of high-tech industries and modern services lags behind.",
          "Hebei against Beijing, Tianjin and China", "2024 (latest)", _services_lag_000,
          None, "", ("province_gdp", "national_gdp")),
    # ---- seed 004, section 2: size of the Bohai Rim (both definitions)
    Claim("seed004_area_share_provinces", _D4, _S004_2,
          "The area ... account[s] for 5.4% ... of the country.", FIVE, "not stated (2023)",
          _area_provinces, 5.4, "percent", ("province_land_area",), "seed004_bohai_area_share"),
    Claim("seed004_area_share_coastal", _D4, _S004_2,
          "The area ... account[s] for 5.4% ... of the country.", COASTAL, "not stated (2023)",
          _area_coastal, 5.4, "percent", ("province_land_area",), "seed004_bohai_area_share"),
    Claim("seed004_population_share_provinces", _D4, _S004_2,
          "The ... population account[s] for ... 17.7% of the country.", FIVE,
          "not stated (2023)", _population_provinces, 17.7, "percent",
          ("province_population",), "seed004_bohai_population_share"),
    Claim("seed004_population_share_coastal", _D4, _S004_2,
          "The ... population account[s] for ... 17.7% of the country.", COASTAL,
          "not stated (2020 census used)", _population_coastal, 17.7, "percent",
          ("city_census_population", "province_population"), "seed004_bohai_population_share"),
    Claim("seed004_gdp_share_2023_provinces", _D4, _S004_2,
          "Its GDP in 2023 accounted for 26% of the national total.", FIVE, "2023",
          _gdp_provinces, 26, "percent", ("province_gdp", "national_gdp"),
          "seed004_bohai_gdp_share_2023"),
    Claim("seed004_gdp_share_2023_coastal", _D4, _S004_2,
          "Its GDP in 2023 accounted for 26% of the national total.", COASTAL, "2023",
          _gdp_coastal, 26, "percent",
          ("province_gdp_vintages", "hebei_city_gdp", "bohai_city_gdp_2023"),
          "seed004_bohai_gdp_share_2023"),
    Claim("seed004_bohai_cities", _D4, _S004_2,
          "Beijing, Tianjin ... and 13 prefecture-level cities in Shandong, Hebei, and Liaoning "
          "provinces, surrounding the Bohai Bay.", COASTAL, "not stated", _city_count, 13,
          "cities", ("city_census_population",), "seed004_bohai_cities"),
    # ---- seed 004, section 2.1
    Claim("seed004_bohai_ports", _D4, _S004_21,
          "More than 40 ports such as Tianjin, Qinhuangdao, Yantai, and Dalian.", COASTAL,
          "not stated", _cannot("the kit has no port statistics"), 40, "ports", (),
          "seed004_bohai_ports"),
    Claim("seed004_bohai_universities", _D4, _S004_21,
          "The Bohai Rim region has nearly 300 universities.", COASTAL, "not stated",
          _cannot("the kit has no education statistics (number of higher-education "
                  "institutions)"), 300, "universities", (), "seed004_bohai_universities"),
    Claim("seed004_beijing_tianjin_researcher_share", _D4, _S004_21,
          "The number of researchers in universities and research institutes in Beijing and "
          "Tianjin alone accounts for one-fourth of the national total.", "Beijing and Tianjin",
          "not stated", _researcher_share, 25, "percent", ("rd_inputs",),
          "seed004_beijing_tianjin_researcher_share"),
    # ---- seed 004, section 2.2.1 (China S&T Statistical Yearbook 2016-2020)
    Claim("seed004_rd_expenditure_rising", _D4, _S004_221,
          "Steady increase in innovation investment (R&D expenditure).", FIVE, "2015-2019",
          _rd_expenditure_region, None, "", ("rd_inputs",)),
    Claim("seed004_fiscal_share_stable", _D4, _S004_221,
          "The proportion of science and technology and education expenditure in local fiscal "
          "expenditure has remained stable.", FIVE, "2015-2019", _fiscal_share_stable, None, "",
          ("fiscal_expenditure",)),
    Claim("seed004_fiscal_st_education_rising", _D4, _S004_221,
          "... and the total [science, technology and education] expenditure has steadily "
          "increased.", FIVE, "2015-2019", _fiscal_rising([_EDU, _ST], "education + S&T "
                                                          "spending"), None, "",
          ("fiscal_expenditure",)),
    Claim("seed004_fiscal_total_rising", _D4, _S004_221,
          "Local fiscal expenditure has also been increasing year by year.", FIVE, "2015-2019",
          _fiscal_rising([_TOT], "local budget spending"), None, "", ("fiscal_expenditure",)),
    Claim("seed004_rd_intensity_except_shandong", _D4, _S004_221,
          "Except for Shandong Province, the intensity of R&D funding has been increasing "
          "annually.", FIVE, "2015-2019", _rd_intensity_except_shandong, None, "",
          ("rd_inputs",)),
    Claim("seed004_rd_personnel_expenditure_trend", _D4, _S004_221,
          "In the past five years, Liaoning and Hebei provinces have shown an increasing trend "
          "in the number of R&D personnel and internal expenditure on R&D.", "Liaoning, Hebei",
          "2015-2019", _upward_trend(["Liaoning", "Hebei"], ["rd_personnel_fte_total",
                                                              "rd_expenditure_internal_total"]),
          None, "", ("rd_inputs",)),
    Claim("seed004_legal_entities_rising", _D4, _S004_221,
          "The number of legal entities in scientific research and technical services ... "
          "increased annually, excluding Shandong.", FIVE, "2015-2019",
          _cannot("the kit has no count of legal entities by industry"), None, "", ()),
    Claim("seed004_industrial_rd_rising", _D4, _S004_221,
          "R&D expenditure of industrial enterprises above the designated size ... increased "
          "annually, excluding Shandong.", FIVE, "2015-2019",
          _cannot("rd_inputs splits R&D by source of funds, not by performer; industrial "
                  "enterprises above designated size are not separated"), None, "", ()),
    Claim("seed004_high_tech_enterprises_rising", _D4, _S004_221,
          "The number of high-tech enterprises [has] increased annually, excluding Shandong.",
          FIVE, "2015-2019",
          _cannot("high_tech_enterprises starts in 2018 and is a yearly flow of recognitions, "
                  "not the stock the claim is about"), None, "", ("high_tech_enterprises",)),
    Claim("seed004_hightech_industry_rd_rising", _D4, _S004_221,
          "R&D investment in high-tech industries has been continuously increasing.", FIVE,
          "not stated", _cannot("the kit has no R&D expenditure by industry"), None, "", ()),
    # ---- seed 004, section 2.2.3: industrial structure 2018-2022
    Claim("seed004_theil_beijing_rational", _D4, _S004_223,
          "The industrial structure in Beijing ... is becoming increasingly rational (Theil "
          "index falling towards 0).", "Beijing", "2018-2022", _theil_falls("Beijing"), None, "",
          ("province_gdp", "province_employment")),
    Claim("seed004_theil_tianjin_rational", _D4, _S004_223,
          "The industrial structure in ... Tianjin ... is becoming increasingly rational.",
          "Tianjin", "2018-2022", _theil_falls("Tianjin"), None, "",
          ("province_gdp", "province_employment")),
    Claim("seed004_theil_shandong_rational", _D4, _S004_223,
          "The industrial structure in ... Shandong is becoming increasingly rational.",
          "Shandong", "2018-2022", _theil_falls("Shandong"), None, "",
          ("province_gdp", "province_employment")),
    Claim("seed004_theil_liaoning_fluctuates", _D4, _S004_223,
          "There are fluctuations in Liaoning [rationalization].", "Liaoning", "2018-2022",
          _theil_fluctuates("Liaoning"), None, "", ("province_gdp", "province_employment")),
    Claim("seed004_theil_hebei_fluctuates", _D4, _S004_223,
          "There are fluctuations in ... Hebei [rationalization].", _HB, "2018-2022",
          _theil_fluctuates(_HB), None, "", ("province_gdp", "province_employment")),
    Claim("seed004_upgrading_stable", _D4, _S004_223,
          "The upgrading levels (industrial structure level coefficient) of each region ... "
          "have remained relatively stable over the past five years.", FIVE, "2018-2022",
          _stable("level_coefficient"), None, "", ("province_gdp",)),
    Claim("seed004_advancement_stable_ratio", _D4, _S004_223,
          "The advancement levels of each region ... have remained relatively stable (measured "
          "by tertiary/secondary value added).", FIVE, "2018-2022", _stable("advancement_ratio"),
          None, "", ("province_gdp",)),
    Claim("seed004_advancement_stable_angle", _D4, _S004_223,
          "The advancement levels of each region ... have remained relatively stable (measured "
          "by the vector angle).", FIVE, "2018-2022", _stable("advancement_angle"), None, "",
          ("province_gdp",)),
    Claim("seed004_beijing_advancement", _D4, _S004_223,
          "... with Beijing showing particularly significant advancement.", "Beijing vs the "
          "other four provinces", "2018-2022", _beijing_advanced(), None, "", ("province_gdp",)),
    # ---- seed 004, section 3
    Claim("seed004_shandong_outperforms", _D4, _S004_311,
          "Shandong ... has developed rapidly in recent years, significantly outperforming "
          "Hebei and Liaoning.", "Shandong vs Hebei, Liaoning", "2018-2022 (paper's window)",
          _shandong_outperforms(), None, "", ("province_gdp_index",)),
    Claim("seed004_secondary_dominant", _D4, _S004_312,
          "The industrial structure of the Bohai Rim region is dominated by the secondary "
          "industry.", FIVE, "2018-2023", _secondary_dominant, None, "", ("province_gdp",)),
    # ---- seed 001 (China Daily, 7 March 2024)
    Claim("seed001_hebei_major_industries_transformed", _D1, _S001,
          "Hebei ... accelerate[d] the transformation in six major industries, including "
          "steel, coal, cement and thermal power.", _HB, "2014-2024", _cannot(_NO_POLICY), 6,
          "industries", (), "seed001_hebei_major_industries_transformed"),
    Claim("seed001_zgc_branches_tianjin_hebei", _D1, _S001,
          "Enterprises in Zhongguancun had established more than 10,000 branches in Tianjin and "
          "Hebei.", "Tianjin and Hebei", "end of 2023", _cannot(_NO_FIRM), 10000, "branches",
          (), "seed001_zgc_branches_tianjin_hebei"),
    Claim("seed001_hebei_companies_attracted", _D1, _S001,
          "Hebei has attracted around 43,000 companies.", _HB, "2014-2024",
          _cannot("no table of relocated or attracted companies"), 43000, "companies", (),
          "seed001_hebei_companies_attracted"),
    Claim("seed001_hebei_leading_industries", _D1, _S001,
          "It has nurtured 12 leading industries.", _HB, "not stated", _cannot(_NO_POLICY), 12,
          "industries", (), "seed001_hebei_leading_industries"),
    Claim("seed001_hebei_county_distinctive_industries", _D1, _S001,
          "... and 107 distinctive industries at the county level.", _HB, "not stated",
          _hebei_reference("provincial_key_characteristic_industrial_clusters", 2025,
                           "county-based provincial key characteristic industrial clusters"), 107,
          "industries", ("hebei_hightech_reference",),
          "seed001_hebei_county_distinctive_industries"),
    Claim("seed001_hebei_hightech_va_share_2023", _D1, _S001,
          "The proportion of the value-added of high-tech industries in industrial enterprises "
          "above a designated size has increased to 21.4 percent ...", _HB, "2023 (inferred)",
          _hebei_reference("hightech_industry_va_share_of_above_scale_industry", 2023,
                           "% high-tech share of industry above designated size"), 21.4,
          "percent", ("hebei_hightech_reference",), "seed001_hebei_hightech_va_share_2023"),
    Claim("seed001_hebei_hightech_va_share_2014", _D1, _S001,
          "... from 13.1 percent in 2014.", _HB, "2014",
          _hebei_reference("hightech_industry_va_share_of_above_scale_industry", 2014,
                           "high-tech share of industry above designated size"), 13.1,
          "percent", ("hebei_hightech_reference",), "seed001_hebei_hightech_va_share_2014"),
    Claim("seed001_above_designated_size_threshold", _D1, _S001,
          "Industrial enterprises above a designated size are those with 20 million yuan or "
          "more in annual revenue.", "China", "definition",
          _cannot("a statistical definition (NBS, since 2011), not a figure in any data table"),
          20, "million yuan", (), "seed001_above_designated_size_threshold"),
    Claim("seed001_luquan_firms_from_beijing_tianjin", _D1, _S001,
          "At least 50 companies from Beijing and Tianjin have thrived in the [Luquan] zone.",
          "Luquan Economic Development Zone (Shijiazhuang)", "2024", _cannot(_NO_FIRM), 50,
          "companies", (), "seed001_luquan_firms_from_beijing_tianjin"),
    Claim("seed001_luquan_electronic_info_enterprises", _D1, _S001,
          "The Luquan Economic Development Zone is home to 1,060 electronic information "
          "enterprises.", "Luquan Economic Development Zone (Shijiazhuang)", "2024",
          _cannot(_NO_FIRM), 1060, "enterprises", (),
          "seed001_luquan_electronic_info_enterprises"),
    Claim("seed001_luquan_operating_income_2023", _D1, _S001,
          "In 2023, total operating income surpassed 85 billion yuan.",
          "Luquan Economic Development Zone (Shijiazhuang)", "2023", _cannot(_NO_FIRM), 85,
          "billion yuan", (), "seed001_luquan_operating_income_2023"),
    Claim("seed001_luquan_operating_income_growth_2023", _D1, _S001,
          "... marking a year-on-year growth of 34.9 percent.",
          "Luquan Economic Development Zone (Shijiazhuang)", "2023", _cannot(_NO_FIRM), 34.9,
          "percent", (), "seed001_luquan_operating_income_growth_2023"),
    Claim("seed001_shenyue_employees", _D1, _S001,
          "Hebei Shenyue Soft has grown ... to over 1,500 [employees].", "one company",
          "2024", _cannot(_NO_FIRM), 1500, "employees", (), "seed001_shenyue_employees"),
    Claim("seed001_shenyue_branches", _D1, _S001,
          "... with 13 branches in China.", "one company", "2024", _cannot(_NO_FIRM), 13,
          "branches", (), "seed001_shenyue_branches"),
    # ---- seed 003 (China Daily, 21 September 2020)
    Claim("seed003_hebei_cluster_counties_2019", _D3, _S003,
          "Hallmark industrial clusters in 269 counties in Hebei.", _HB, "2019",
          _cannot(_NO_COUNTY), 269, "counties", (), "seed003_hebei_cluster_counties_2019"),
    Claim("seed003_hebei_cluster_income_2019", _D3, _S003,
          "In 2019, the operating income of hallmark industrial clusters ... was 1.98 trillion "
          "yuan.", _HB, "2019", _cannot(_NO_COUNTY), 1.98, "trillion yuan", (),
          "seed003_hebei_cluster_income_2019"),
    Claim("seed003_hebei_cluster_income_usd_2019", _D3, _S003,
          "... 1.98 trillion yuan ($290 billion).", _HB, "2019",
          _cannot("the kit has no exchange rates to check the newspaper's conversion"), 290,
          "billion US dollars", (), "seed003_hebei_cluster_income_usd_2019"),
    Claim("seed003_hebei_cluster_income_growth_2019", _D3, _S003,
          "... a year-on-year increase of 14.85 percent.", _HB, "2019", _cannot(_NO_COUNTY),
          14.85, "percent", (), "seed003_hebei_cluster_income_growth_2019"),
    Claim("seed003_hebei_industrial_clusters_developed", _D3, _S003,
          "The province has developed 12 industrial clusters including intelligence "
          "manufacturing, green transformation, ...", _HB, "2020", _cannot(_NO_POLICY), 12,
          "clusters", (), "seed003_hebei_industrial_clusters_developed"),
    Claim("seed003_hebei_digital_workshops", _D3, _S003,
          "Campaigns ... which included 251 digital workshops ...", _HB, "2020",
          _cannot(_NO_POLICY), 251, "workshops", (), "seed003_hebei_digital_workshops"),
    Claim("seed003_hebei_companies_to_cloud", _D3, _S003,
          "... and more than 8,000 companies.", _HB, "2020", _cannot(_NO_POLICY), 8000,
          "companies", (), "seed003_hebei_companies_to_cloud"),
    Claim("seed003_visionox_standards", _D3, _S003,
          "Gu'an Visionox ... has formulated and revised 10 of its high-end standards ...",
          "one company (Gu'an, Langfang)", "2020", _cannot(_NO_FIRM), 10, "standards", (),
          "seed003_visionox_standards"),
    Claim("seed003_visionox_patented_technologies", _D3, _S003,
          "... with 5,562 patented technologies.", "one company (Gu'an, Langfang)", "2020",
          _cannot("the kit's patents table is by province, not by firm"), 5562,
          "patented technologies", ("patents",), "seed003_visionox_patented_technologies"),
    Claim("seed003_duofu_output_value_2019", _D3, _S003,
          "Last year, the output value of [Hebei Duofu Food] was nearly 100 million yuan ...",
          "one company (Qiuxian, Handan)", "2019", _cannot(_NO_FIRM), 100, "million yuan", (),
          "seed003_duofu_output_value_2019"),
    Claim("seed003_duofu_output_growth_2019", _D3, _S003,
          "... a year-on-year increase of 20 percent.", "one company (Qiuxian, Handan)", "2019",
          _cannot(_NO_FIRM), 20, "percent", (), "seed003_duofu_output_growth_2019"),
    Claim("seed003_qiuxian_projects_signed_2020h1", _D3, _S003,
          "In the first half of this year, Qiuxian county signed 20 projects ...",
          "Qiuxian county (Handan)", "2020 H1", _cannot(_NO_COUNTY), 20, "projects", (),
          "seed003_qiuxian_projects_signed_2020h1"),
    Claim("seed003_qiuxian_food_companies_2020h1", _D3, _S003,
          "... including seven well-known food companies from Beijing and Tianjin.",
          "Qiuxian county (Handan)", "2020 H1", _cannot(_NO_COUNTY), 7, "companies", (),
          "seed003_qiuxian_food_companies_2020h1"),
    Claim("seed003_guan_supply_chain_enterprises", _D3, _S003,
          "Visionox and BOE ... have brought about 32 upstream and downstream enterprises.",
          "Gu'an county (Langfang)", "2020", _cannot(_NO_COUNTY), 32, "enterprises", (),
          "seed003_guan_supply_chain_enterprises"),
    Claim("seed003_bazhou_revenue_2019", _D3, _S003,
          "[Bazhou] achieved a revenue of 3.64 billion yuan in 2019 ...",
          "Bazhou (county-level city, Langfang)", "2019", _cannot(_NO_COUNTY), 3.64,
          "billion yuan", (), "seed003_bazhou_revenue_2019"),
    Claim("seed003_bazhou_revenue_growth_2019", _D3, _S003,
          "... a growth rate of 15.6 percent year-on-year.",
          "Bazhou (county-level city, Langfang)", "2019", _cannot(_NO_COUNTY), 15.6, "percent",
          (), "seed003_bazhou_revenue_growth_2019"),
]

_BY_ID: dict[str, Claim] = {c.id: c for c in CLAIMS}


# ------------------------------------------------------------------------------------------
# Public functions
# ------------------------------------------------------------------------------------------
def get(claim_id: str) -> Claim:
    """The claim with this id (``KeyError`` listing close ids if unknown)."""
    try:
        return _BY_ID[claim_id]
    except KeyError:
        import difflib

        close = difflib.get_close_matches(claim_id, list(_BY_ID), n=3, cutoff=0.5)
        raise KeyError(f"unknown claim {claim_id!r}" + (f"; did you mean {close}?" if close
                                                          else "")) from None


def evaluate(claim_id: str) -> Result:
    """Evaluate one claim on the kit's data.

    Args:
        claim_id: a :attr:`Claim.id`, e.g. ``"seed004_gdp_share_2023_provinces"``.

    Returns:
        :class:`Result` (verdict, figures, reason).
    """
    return get(claim_id).evaluate()


def _select(document: str | None) -> list[Claim]:
    if document is None:
        return list(CLAIMS)
    key = str(document).removeprefix("seed")
    codes = {code for code, (fname, _) in DOCUMENTS.items() if key in (code, fname)}
    if not codes:
        raise ValueError(f"unknown document {document!r}; allowed: "
                         f"{', '.join(DOCUMENTS)} or a seed file name")
    return [c for c in CLAIMS if c.doc_code in codes]


#: Column keys of :func:`claims_table` (English); their labels are glossary terms ``claims_<key>``.
_COLUMNS: tuple[str, ...] = ("id", "document", "section", "claim", "definition", "years",
                             "stated", "computed", "verdict", "reason")


def _label(key: str, lang: str) -> str:
    # a column key or a verdict -> its label in the kit glossary (term claims_<key>)
    from helpers import i18n

    return i18n.t("claims_" + key.replace(" ", "_").replace("'", ""), lang)


def _raw_table(document: str | None) -> pd.DataFrame:
    """Claims and results with the English column keys of ``_COLUMNS`` (verdicts in English)."""
    rows = []
    for c in _select(document):
        res = c.evaluate()
        rows.append({
            "id": c.id, "document": c.document, "section": c.section, "claim": c.text,
            "definition": c.definition, "years": c.years,
            "stated": "" if c.stated is None else f"{c.stated:g} {c.unit}".strip(),
            "computed": res.summary, "verdict": res.verdict, "reason": res.reason,
        })
    return pd.DataFrame(rows, columns=list(_COLUMNS))


def claims_table(document: str | None = None, lang: str | None = None) -> pd.DataFrame:
    """Every claim (of one document) with its verdict, as a DataFrame for notebooks.

    Args:
        document: ``"000"``, ``"001"``, ``"003"``, ``"004"`` (or ``"seed004"`` or the file name);
            None for all.
        lang: ``"en"`` or ``"zh"``: column names and verdicts (claim text and reasons stay in
            English, the language of the documents).

    Returns:
        One row per claim: id, document, section, claim, regional definition, year(s), stated,
        computed, verdict, reason (column names in ``lang``; in English the keys are
        id, document, section, claim, definition, years, stated, computed, verdict, reason).
    """
    from helpers.i18n import resolve_lang

    lang = resolve_lang(lang)
    df = _raw_table(document)
    if lang == "en":
        return df
    df["verdict"] = [_label(v, lang) for v in df["verdict"]]
    return df.rename(columns={k: _label(k, lang) for k in df.columns})


_COLOURS = {SUPPORTED: "#1b7837", NOT_SUPPORTED: "#b2182b", CANNOT: "#555555"}


def claims_html(document: str | None = None, lang: str | None = None,
                columns: Iterable[str] | None = None) -> str:
    """The claims table as a self-contained HTML table (renders in JupyterLab and Voila).

    Verdicts are coloured (green supported, red not supported, grey cannot be checked) AND
    written out, so colour is never the only cue. Text is HTML-escaped.

    Args:
        document, lang: as in :func:`claims_table`.
        columns: English column keys to show (default all but ``document``).
    """
    from helpers.i18n import resolve_lang

    lang = resolve_lang(lang)
    keys = list(columns) if columns is not None else [
        "id", "section", "claim", "definition", "years", "stated", "computed", "verdict",
        "reason"]
    table = _raw_table(document)
    verdict_en = table["verdict"].tolist()
    head = "".join(f"<th style='text-align:left'>{html.escape(_label(k, lang))}</th>"
                   for k in keys)
    body = []
    for i, row in table.iterrows():
        cells = []
        for k in keys:
            text = str(row[k])
            if k == "verdict":
                colour = _COLOURS[verdict_en[i]]
                text = _label(verdict_en[i], lang)
                cells.append(f"<td style='color:{colour};font-weight:bold'>"
                             f"{html.escape(text)}</td>")
            else:
                cells.append(f"<td style='text-align:left'>{html.escape(text)}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return ("<div style='overflow-x:auto'><table class='kit-claims' "
            "style='border-collapse:collapse;font-size:0.9em'>"
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div>")


def verdict_counts(document: str | None = None) -> dict[str, int]:
    """Number of claims per verdict (used by notebooks for key-number checks)."""
    counts = {v: 0 for v in VERDICTS}
    for c in _select(document):
        counts[c.evaluate().verdict] += 1
    return counts

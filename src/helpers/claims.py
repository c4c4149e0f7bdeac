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
import itertools
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from helpers.data import load
from helpers.i18n import Msg, name_of
from helpers.regions import bohai_rim, rank_of
from helpers.structure import structure_measures

__all__ = [
    "CANNOT",
    "CLAIMS",
    "MIN_STEPS",
    "ROUGHLY",
    "ROUGH_REL",
    "ROUGH_STABLE_FRACTION",
    "STATEMENT",
    "STATISTICS",
    "TOO_LITTLE",
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
    "claim_texts",
    "claims_explorer",
    "claims_html",
    "claims_table",
    "evaluate",
    "get",
    "judge_figure",
    "judge_stability",
    "judge_steps",
    "verdict_counts",
    "verdict_label",
    "verdict_summary",
]

SUPPORTED = "supported"
ROUGHLY = "roughly supported"
NOT_SUPPORTED = "not supported"
TOO_LITTLE = "too little data to judge"
CANNOT = "cannot be checked with the kit's data"
#: The five verdicts, from the firmest yes to "no table measures it".
VERDICTS: tuple[str, ...] = (SUPPORTED, ROUGHLY, NOT_SUPPORTED, TOO_LITTLE, CANNOT)

#: A province is "stable" if it moves by at most this fraction of the 31-province spread ...
STABLE_FRACTION = 0.10
#: ... and "roughly stable" up to this fraction.
ROUGH_STABLE_FRACTION = 0.20
#: A stated figure off its data by more than its rounding but at most this fraction of itself
#: (5 %: 17.7 stated, 17.2 computed) is "roughly supported".
ROUGH_REL = 0.05
#: A trend word ("increasingly", "fluctuates") needs at least this many comparable year-steps.
MIN_STEPS = 3
#: A relative Theil change smaller than this counts as "no change" (neither rise nor fall).
FLAT_REL = 0.01

#: Classes of evidence: a verdict rests on one of them, never on both silently.
STATISTICS = "official statistics"
STATEMENT = "official statement"

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
        message: the reason as a catalogue text (:class:`helpers.i18n.Msg`): the rule, the
            tolerance, and exactly what was (not) checked, said in either language.
        evidence: :data:`STATISTICS` or :data:`STATEMENT` (what the verdict rests on); empty
            when nothing could be checked.
    """

    claim_id: str
    verdict: str
    figures: dict[str, float]
    message: Msg
    evidence: str = STATISTICS

    def __post_init__(self) -> None:
        if self.verdict not in VERDICTS:
            raise ValueError(f"verdict must be one of {VERDICTS}, got {self.verdict!r}")
        if not isinstance(self.message, Msg):
            raise TypeError(f"{self.claim_id}: a result's reason is a catalogue Msg")
        if self.evidence not in (STATISTICS, STATEMENT, ""):
            raise ValueError(f"{self.claim_id}: evidence must be {STATISTICS!r}, "
                             f"{STATEMENT!r} or empty, got {self.evidence!r}")

    @property
    def reason(self) -> str:
        """The reason in English (one line)."""
        return self.message.render("en")

    def explain(self, lang: str | None = None) -> str:
        """The reason in ``lang`` (None: the run language)."""
        return self.message.render(lang)

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
        check: evaluator; ``check(claim) -> (verdict, figures, reason Msg)``.
        fact_code: code of the same figure in the ``seed_facts`` table, if any.
        evidence: what a verdict rests on, :data:`STATISTICS` or :data:`STATEMENT`.
    """

    id: str
    document: str
    section: str
    text: str
    definition: str
    years: str
    check: Callable[[Claim], tuple[str, dict[str, float], Msg]] = field(repr=False)
    stated: float | None = None
    unit: str = ""
    tables: tuple[str, ...] = ()
    fact_code: str | None = None
    evidence: str = STATISTICS

    @property
    def doc_code(self) -> str:
        """Short document code, e.g. ``"004"``."""
        return self.document[:3]

    def evaluate(self) -> Result:
        """Run the evaluator on the kit's data and return a :class:`Result` (remembered while
        the data package and the data reader are the same: a lesson asks for a verdict
        several times, and a dashboard viewer should not wait for the registry twice)."""
        from helpers.data import _data_dir, _stamp

        reader = globals()["load"]  # tests swap the reader for synthetic tables
        stamp = _stamp(_data_dir(None) / "datapackage.json")
        hit = _RESULTS.get(self.id)
        if hit is not None and hit[0] is reader and hit[1] == stamp:
            return hit[2]
        verdict, figures, message = self.check(self)
        result = Result(self.id, verdict, {k: float(v) for k, v in figures.items()}, message,
                        "" if verdict == CANNOT else self.evidence)
        _RESULTS[self.id] = (reader, stamp, result)  # one entry per claim: bounded
        return result


#: Last result of each claim, with the reader and the data package stamp it was computed from.
_RESULTS: dict[str, tuple[Callable[..., pd.DataFrame], tuple[str, int, int], Result]] = {}


# ------------------------------------------------------------------------------------------
# The verdict rules, as pure functions (tested on synthetic data at their edges)
# ------------------------------------------------------------------------------------------
def judge_figure(value: float, stated: float) -> tuple[str, float, float]:
    """Verdict on a stated figure against the value the data give.

    Rule: **supported** when ``|value - stated| <= r``, the statement's own rounding
    (half a unit of its last digit: 5.4 -> r = 0.05; 26 -> r = 0.5); **roughly supported** when
    ``|value - stated| <= max(r, ROUGH_REL * |stated|)`` (5 % of the figure); otherwise
    **not supported**; a missing value is **too little data**.

    Returns:
        (verdict, r, rough tolerance).
    """
    tol = 0.5 * 10 ** (-_decimals(stated))
    rough = max(tol, ROUGH_REL * abs(stated))
    if value is None or math.isnan(value):
        return TOO_LITTLE, tol, rough
    gap = abs(value - stated)
    if gap <= tol + 1e-9:
        return SUPPORTED, tol, rough
    return (ROUGHLY if gap <= rough + 1e-9 else NOT_SUPPORTED), tol, rough


def judge_steps(directions: Sequence[str], claim: str, min_steps: int = MIN_STEPS) -> str:
    """Verdict on a trend statement from its comparable year-steps.

    Args:
        directions: each comparable step's direction, ``"rise"``, ``"fall"`` or ``"flat"``.
        claim: ``"fall"`` (falls every step: "increasingly rational") or ``"fluctuate"``
            (at least one rise and one fall).
        min_steps: fewer comparable steps than this is **too little data to judge** (two
            year-steps cannot show a trend or a fluctuation).
    """
    if claim not in ("fall", "fluctuate"):
        raise ValueError(f"claim must be 'fall' or 'fluctuate', got {claim!r}")
    if len(directions) < min_steps:
        return TOO_LITTLE
    if claim == "fall":
        return SUPPORTED if all(d == "fall" for d in directions) else NOT_SUPPORTED
    return SUPPORTED if {"rise", "fall"} <= set(directions) else NOT_SUPPORTED


def judge_stability(largest_move: float) -> str:
    """Verdict on "stable": the largest move of any province as a fraction of the spread
    across provinces (see :data:`STABLE_FRACTION`): **supported** up to 0.10, **roughly
    supported** up to 0.20 (:data:`ROUGH_STABLE_FRACTION`), otherwise **not supported**."""
    if math.isnan(largest_move):
        return TOO_LITTLE
    if largest_move <= STABLE_FRACTION + 1e-12:
        return SUPPORTED
    return ROUGHLY if largest_move <= ROUGH_STABLE_FRACTION + 1e-12 else NOT_SUPPORTED


def _why(key: str, **values: object) -> Msg:
    """The reason ``claimr_<key>`` of the catalogue (src/helpers/catalogue/claims.csv)."""
    return Msg("claimr_" + key, **values)


class _Items:
    """Names (regions, years, steps) joined in the asking language; ``empty`` (a catalogue
    key) when there are none."""

    def __init__(self, items: Iterable[object], empty: str = "claimw_none") -> None:
        self.items = list(items)
        self.empty = empty

    def render(self, lang: str | None = None) -> str:
        from helpers.i18n import join, t

        return join(self.items, lang) if self.items else t(self.empty, lang)


def _names(regions: Iterable[str]) -> _Items:
    return _Items([name_of(r) for r in regions])


class _Indicator:
    """An indicator's name in the asking language (from the data package's metadata)."""

    def __init__(self, code: str) -> None:
        self.code = code

    def render(self, lang: str | None = None) -> str:
        from helpers.data import indicator_info
        from helpers.i18n import resolve_lang

        info = indicator_info(self.code)
        return str(info["name_zh"] if resolve_lang(lang) == "zh" else info["name_en"])


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
def _area_provinces(c: Claim) -> tuple[str, dict[str, float], Msg]:
    la = load("province_land_area", indicators="land_area", vintage="wiki_list")
    five = _five()
    num = la.loc[la["region"].isin(five), "value"].sum()
    china = _value(la, "China")
    if la["region"].isin(five).sum() != 5 or math.isnan(china):
        return TOO_LITTLE, {}, _why("area_missing")
    share = 100 * num / china
    verdict, tol, rough = judge_figure(share, c.stated)
    return verdict, {"share_pct": share, "bohai_km2": num, "china_km2": china}, _why(
        "area_provinces", share=f"{share:.2f}", tol=f"{tol:g}", rough=f"{rough:.2g}",
        stated=f"{c.stated:g}")


def _area_coastal(c: Claim) -> tuple[str, dict[str, float], Msg]:
    la = load("province_land_area", indicators="land_area", vintage="wiki_list")
    five = _five()
    upper = 100 * la.loc[la["region"].isin(five), "value"].sum() / _value(la, "China")
    return CANNOT, {"upper_bound_pct": upper}, _why("area_coastal", upper=f"{upper:.2f}")


def _population_provinces(c: Claim) -> tuple[str, dict[str, float], Msg]:
    pop = load("province_population", indicators="pop_yearend_resident")
    five = _five()
    by_year = {}
    for year, d in pop.groupby("year"):
        if d["value"].notna().sum() == 31:
            by_year[int(year)] = 100 * d.loc[d["region"].isin(five), "value"].sum() / \
                d["value"].sum()
    if not by_year:
        return TOO_LITTLE, {}, _why("population_missing")
    year = 2023 if 2023 in by_year else max(by_year)
    share = by_year[year]
    verdict, tol, rough = judge_figure(share, c.stated)
    any_year = [y for y, s in by_year.items() if judge_figure(s, c.stated)[0] == SUPPORTED]
    lo, hi = min(by_year.values()), max(by_year.values())
    return verdict, {"share_pct": share, "year": year, "min_pct": lo, "max_pct": hi}, _why(
        "population_provinces", year=year, share=f"{share:.2f}", tol=f"{tol:g}",
        rough=f"{rough:.2g}", first=min(by_year), last=max(by_year), lo=f"{lo:.2f}",
        hi=f"{hi:.2f}", matches=_Items(any_year, "claimw_no_year"))


def _population_coastal(c: Claim) -> tuple[str, dict[str, float], Msg]:
    cen = load("city_census_population", indicators="pop_census", years=2020)
    members = bohai_rim("coastal")
    have = cen[cen["region"].isin(members)]
    pop = load("province_population", indicators="pop_yearend_resident", years=2020)
    if len(have) != len(members) or pop["value"].notna().sum() != 31:
        return TOO_LITTLE, {}, _why("census_missing")
    share = 100 * have["value"].sum() / (pop["value"].sum() * 1e4)
    verdict, tol, rough = judge_figure(share, c.stated)
    return verdict, {"share_pct": share, "members_persons": have["value"].sum()}, _why(
        "population_coastal", n=len(members), share=f"{share:.2f}", tol=f"{tol:g}",
        rough=f"{rough:.2g}")


def _gdp_provinces(c: Claim) -> tuple[str, dict[str, float], Msg]:
    year = 2023
    gdp = load("province_gdp", indicators="gdp", years=year)
    nat = load("national_gdp", indicators="gdp", years=year)
    five = _five()
    if gdp["value"].notna().sum() != 31 or nat.empty:
        return TOO_LITTLE, {}, _why("gdp_missing", year=year)
    num = gdp.loc[gdp["region"].isin(five), "value"].sum()
    share_sum = 100 * num / gdp["value"].sum()
    share_nat = 100 * num / float(nat["value"].iloc[0])
    v1, tol, rough = judge_figure(share_sum, c.stated)
    v2, _, _ = judge_figure(share_nat, c.stated)
    verdict = min(v1, v2, key=VERDICTS.index)  # either reading of "national total" may hold
    return verdict, {"share_of_31_pct": share_sum, "share_of_national_pct": share_nat}, _why(
        "gdp_provinces", year=year, share_sum=f"{share_sum:.2f}", share_nat=f"{share_nat:.2f}",
        tol=f"{tol:g}", rough=f"{rough:.2g}")


def _gdp_coastal(c: Claim) -> tuple[str, dict[str, float], Msg]:
    # One vintage throughout: pre-5th-census provincial GDP and 2023 city communiques.
    year = 2023
    prov = load("province_gdp_vintages", indicators="gdp", years=year,
                vintage="nbs_pre5th_4threvised")
    heb = load("hebei_city_gdp", indicators="gdp", years=year)
    cities = load("bohai_city_gdp_2023", indicators="gdp", years=year)
    members = bohai_rim("coastal")
    if prov["value"].notna().sum() != 31:
        return TOO_LITTLE, {}, _why("gdp_missing", year=year)
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
    _, _, rough = judge_figure(c.stated, c.stated)
    if hi < c.stated - rough or lo > c.stated + rough:
        verdict = NOT_SUPPORTED
    elif not missing:
        verdict = judge_figure(lo, c.stated)[0]
    else:
        verdict = TOO_LITTLE
    return verdict, figures, _why(
        "gdp_coastal", year=year, lo=f"{lo:.1f}", hi=f"{hi:.1f}", n_known=len(known),
        n_missing=len(missing), missing=_names(missing), rough=f"{rough:.2g}")


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
                                                                 pd.DataFrame, list[int]]:
    """Year-on-year relative Theil changes inside ``window`` between same-vintage years whose
    employment is not flagged doubtful; also the doubtful years left out."""
    m = _measures(True)
    tl = m[(m["measure"] == "theil_rationalization") & (m["region"] == region)
           & m["year"].between(*window) & m["value"].notna()].sort_values("year")
    flags = tl.get("emp_flag", pd.Series("", index=tl.index)).fillna("")
    doubtful = sorted(int(y) for y in tl.loc[flags.str.contains("suspicious"), "year"])
    steps = []
    rows = tl.to_dict("records")
    for a, b in zip(rows, rows[1:], strict=False):
        if (b["year"] == a["year"] + 1 and a.get("emp_vintage") == b.get("emp_vintage")
                and a["year"] not in doubtful and b["year"] not in doubtful):
            steps.append((int(a["year"]), int(b["year"]), (b["value"] - a["value"]) / a["value"]))
    return steps, tl, doubtful


def _direction(rel: float) -> str:
    return "flat" if abs(rel) < FLAT_REL else ("fall" if rel < 0 else "rise")


def _steps_text(steps: list[tuple[int, int, float]]) -> _Items:
    return _Items([f"{a}->{b} {100 * r:+.1f}%" for a, b, r in steps])


def _theil_trend(region: str, claim: str, window: tuple[int, int] = (2018, 2022)):
    """Evaluator of "increasingly rational" (``claim="fall"``) or "fluctuates" for ``region``."""
    def check(c: Claim) -> tuple[str, dict[str, float], Msg]:
        steps, tl, doubtful = _theil_steps(region, window)
        figs = {f"TL_{int(y)}": v for y, v in zip(tl["year"], tl["value"], strict=True)}
        verdict = judge_steps([_direction(r) for _, _, r in steps], claim)
        return verdict, figs, _why(
            "theil_" + claim, flat=f"{100 * FLAT_REL:g}", n=len(steps), min_steps=MIN_STEPS,
            steps=_steps_text(steps), first=window[0], doubtful=_Items(doubtful))
    return check


def _stable(measure: str, window: tuple[int, int] = (2018, 2022)):
    def check(c: Claim) -> tuple[str, dict[str, float], Msg]:
        m = _measures(False)
        d = m[(m["measure"] == measure) & m["value"].notna()]
        first = d[d["year"] == window[0]]["value"]
        spread = float(first.max() - first.min())
        five = _five()
        w = d[d["region"].isin(five) & d["year"].between(*window)]
        if spread <= 0 or w["region"].nunique() < len(five):
            return TOO_LITTLE, {}, _why("measure_missing", measure=Msg(measure),
                                        first=window[0], last=window[1])
        moved = w.groupby("region")["value"].agg(lambda s: s.max() - s.min()) / spread
        figs = {f"{r}_moved_share": float(v) for r, v in moved.items()}
        worst = moved.idxmax()
        verdict = judge_stability(float(moved[worst]))
        over = [r for r, v in moved.items() if v > STABLE_FRACTION]
        return verdict, figs, _why(
            "stable", measure=Msg(measure), first=window[0], last=window[1],
            fraction=f"{STABLE_FRACTION:g}", rough=f"{ROUGH_STABLE_FRACTION:g}",
            spread=f"{spread:.3g}", worst=name_of(worst), moved=f"{moved[worst]:.2f}",
            over=_names(over))
    return check


def _beijing_advanced(window: tuple[int, int] = (2018, 2022)):
    def check(c: Claim) -> tuple[str, dict[str, float], Msg]:
        m = _measures(False)
        five = _five()
        figs: dict[str, float] = {}
        years_top: dict[str, int] = {}
        n_years = window[1] - window[0] + 1
        for meas in ("advancement_ratio", "advancement_angle"):
            d = m[(m["measure"] == meas) & m["region"].isin(five) & m["year"].between(*window)]
            piv = d.pivot_table(index="year", columns="region", values="value")
            if "Beijing" not in piv.columns or len(piv) < n_years:
                return TOO_LITTLE, {}, _why("measure_missing", measure=Msg(meas),
                                            first=window[0], last=window[1])
            years_top[meas] = int((piv.idxmax(axis=1) == "Beijing").sum())
            others = piv.drop(columns="Beijing")
            figs[f"{meas}_beijing_mean"] = float(piv["Beijing"].mean())
            figs[f"{meas}_next_best_mean"] = float(others.max(axis=1).mean())
            figs[f"{meas}_beijing_change"] = float(piv["Beijing"].iloc[-1] - piv["Beijing"].iloc[0])
        ok = all(v == n_years for v in years_top.values())
        return (SUPPORTED if ok else NOT_SUPPORTED), figs, _why(
            "beijing_advanced", first=window[0], last=window[1],
            ratio=years_top["advancement_ratio"], angle=years_top["advancement_angle"],
            n=n_years)
    return check


def _secondary_dominant(c: Claim) -> tuple[str, dict[str, float], Msg]:
    years = (2018, 2023)
    g = load("province_gdp", regions=_five(), indicators=_OUTPUT, years=years)
    tot = g.groupby(["year", "indicator"])["value"].sum().unstack()
    if tot.empty or tot.isna().any().any():
        return TOO_LITTLE, {}, _why("sectors_missing")
    share = 100 * tot.div(tot.sum(axis=1), axis=0)
    last = int(share.index.max())
    w = g.pivot_table(index=["region", "year"], columns="indicator", values="value")
    n_sec = int((w["va_secondary"] > w["va_tertiary"]).sum())
    dominant = bool((share["va_secondary"] > share["va_tertiary"]).all())
    return (SUPPORTED if dominant else NOT_SUPPORTED), {
        f"secondary_share_{last}_pct": float(share.loc[last, "va_secondary"]),
        f"tertiary_share_{last}_pct": float(share.loc[last, "va_tertiary"]),
        "province_years_secondary_larger": n_sec}, _why(
        "secondary_dominant", first=years[0], last_window=years[1], last=last,
        secondary=f"{share.loc[last, 'va_secondary']:.1f}",
        tertiary=f"{share.loc[last, 'va_tertiary']:.1f}", n=n_sec)


def _shandong_outperforms(window: tuple[int, int] = (2018, 2022), margin: float = 5.0):
    def check(c: Claim) -> tuple[str, dict[str, float], Msg]:
        regs = ["Shandong", "Hebei", "Liaoning"]
        gi = load("province_gdp_index", regions=regs, indicators="gdp_index_prev_year_100",
                  years=(window[0] + 1, window[1]))
        piv = gi.pivot_table(index="year", columns="region", values="value")
        if len(piv) != window[1] - window[0] or piv.isna().any().any():
            return TOO_LITTLE, {}, _why("index_missing", first=window[0], last=window[1])
        growth = 100 * ((piv / 100).prod() - 1)
        figs = {f"{r}_real_growth_pct": float(growth[r]) for r in regs}
        gaps = {r: growth["Shandong"] - growth[r] for r in ("Hebei", "Liaoning")}
        ok = all(g >= margin for g in gaps.values())
        return (SUPPORTED if ok else NOT_SUPPORTED), figs, _why(
            "shandong_outperforms", first=window[0], last=window[1], margin=f"{margin:g}",
            hebei=f"{gaps['Hebei']:+.1f}", liaoning=f"{gaps['Liaoning']:+.1f}")
    return check


# ------------------------------------------------------------------------------------------
# Evaluators: innovation inputs (section 2.2.1: yearbooks 2016-2020 = data years 2015-2019)
# ------------------------------------------------------------------------------------------
_INPUT_WINDOW = (2015, 2019)


def _falls_in(series: pd.Series) -> list[int]:
    s = series.sort_index()
    return [int(y) for y, d in zip(s.index[1:], np.diff(s.to_numpy()), strict=True) if d <= 0]


def _rd_intensity_except_shandong(c: Claim) -> tuple[str, dict[str, float], Msg]:
    r = load("rd_inputs", regions=_five(), indicators="rd_intensity_pct_gdp")
    piv = r.pivot_table(index="year", columns="region", values="value")

    def holds(win: tuple[int, int]) -> tuple[bool, dict[str, list[int]]]:
        sub = piv.loc[win[0]:win[1]]
        falls = {reg: _falls_in(sub[reg].dropna()) for reg in sub.columns}
        others_rise = all(not falls[reg] for reg in falls if reg != "Shandong")
        return others_rise and bool(falls.get("Shandong")), falls

    windows = [_INPUT_WINDOW, (2016, 2020), (2018, 2022)]
    if any(piv.loc[w[0]:w[1]].shape[0] != w[1] - w[0] + 1 for w in windows[:1]):
        return TOO_LITTLE, {}, _why("rd_intensity_missing")
    ok, falls = holds(windows[0])
    alt = [f"{a}-{b}" for a, b in windows[1:] if holds((a, b))[0]]
    figs = {f"{reg}_years_not_rising": float(len(v)) for reg, v in falls.items()}
    bad = {reg: v for reg, v in falls.items() if reg != "Shandong" and v}
    return (SUPPORTED if ok else NOT_SUPPORTED), figs, _why(
        "rd_intensity_except_shandong",
        bad=_Items([Msg("claimw_fell_in", region=name_of(k), years=_Items(v))
                    for k, v in bad.items()], "claimw_all_rose"),
        shandong=_Items(falls.get("Shandong", [])), alt=_Items(alt))


def _upward_trend(regions: Sequence[str], indicators: Sequence[str]):
    def check(c: Claim) -> tuple[str, dict[str, float], Msg]:
        r = load("rd_inputs", regions=list(regions), indicators=list(indicators),
                 years=_INPUT_WINDOW)
        figs: dict[str, float] = {}
        bad, notes = [], []
        n = _INPUT_WINDOW[1] - _INPUT_WINDOW[0] + 1
        for (reg, ind), d in r.groupby(["region", "indicator"]):
            d = d.dropna(subset=["value"]).sort_values("year")
            if len(d) != n:
                return TOO_LITTLE, {}, _why("series_incomplete", what=_Indicator(ind),
                                            region=name_of(reg))
            slope = float(np.polyfit(d["year"], d["value"], 1)[0])
            change = 100 * (d["value"].iloc[-1] / d["value"].iloc[0] - 1)
            figs[f"{reg}_{ind}_change_pct"] = change
            if slope <= 0 or change <= 0:
                bad.append(Msg("claimw_region_what", region=name_of(reg), what=_Indicator(ind)))
            falls = _falls_in(d.set_index("year")["value"])
            if falls:
                notes.append(Msg("claimw_dipped_in", region=name_of(reg), what=_Indicator(ind),
                                 years=_Items(falls)))
        return (NOT_SUPPORTED if bad else SUPPORTED), figs, _why(
            "upward_trend", fails=_Items(bad), dips=_Items(notes))
    return check


def _fiscal_wide() -> pd.DataFrame:
    f = load("fiscal_expenditure", regions=_five(), years=_INPUT_WINDOW)
    return f.pivot_table(index=["region", "year"], columns="indicator", values="value")


_EDU = "local_general_budget_expenditure_education"
_ST = "local_general_budget_expenditure_science_technology"
_TOT = "local_general_budget_expenditure_total"


def _fiscal_share_stable(c: Claim) -> tuple[str, dict[str, float], Msg]:
    f = load("fiscal_expenditure", indicators=[_EDU, _ST, _TOT], years=_INPUT_WINDOW[0])
    w0 = f[f["region"] != "China"].pivot_table(index="region", columns="indicator",
                                               values="value")
    s0 = 100 * (w0[_EDU] + w0[_ST]) / w0[_TOT]
    spread = float(s0.max() - s0.min())
    w = _fiscal_wide()
    share = 100 * (w[_EDU] + w[_ST]) / w[_TOT]
    moved = share.groupby("region").agg(lambda s: s.max() - s.min())
    figs = {f"{r}_range_pts": float(v) for r, v in moved.items()}
    over = [r for r, v in moved.items() if v > STABLE_FRACTION * spread]
    worst = moved.idxmax()
    verdict = judge_stability(float(moved[worst]) / spread)
    return verdict, figs, _why(
        "fiscal_share_stable", fraction=f"{STABLE_FRACTION:g}",
        rough=f"{ROUGH_STABLE_FRACTION:g}", spread=f"{spread:.1f}", worst=name_of(worst),
        moved=f"{moved[worst]:.1f}", over=_names(over))


def _fiscal_rising(columns: Sequence[str], what: str):
    def check(c: Claim) -> tuple[str, dict[str, float], Msg]:
        w = _fiscal_wide()
        total = w[list(columns)].sum(axis=1, min_count=len(columns))
        figs, bad = {}, []
        for reg, s in total.groupby("region"):
            s = s.droplevel("region")
            if s.isna().any() or len(s) != _INPUT_WINDOW[1] - _INPUT_WINDOW[0] + 1:
                return TOO_LITTLE, {}, _why("series_incomplete", what=Msg(what),
                                            region=name_of(reg))
            falls = _falls_in(s)
            figs[f"{reg}_years_not_rising"] = float(len(falls))
            if falls:
                bad.append(Msg("claimw_fell_in", region=name_of(reg), years=_Items(falls)))
        return (NOT_SUPPORTED if bad else SUPPORTED), figs, _why(
            "fiscal_rising", what=Msg(what), fell=_Items(bad, "claimw_none_fell"))
    return check


def _rd_expenditure_region(c: Claim) -> tuple[str, dict[str, float], Msg]:
    r = load("rd_inputs", regions=_five(), indicators="rd_expenditure_bulletin",
             years=_INPUT_WINDOW)
    piv = r.pivot_table(index="year", columns="region", values="value")
    if piv.shape != (5, 5) or piv.isna().any().any():
        return TOO_LITTLE, {}, _why("rd_expenditure_missing")
    total = piv.sum(axis=1)
    falls = _falls_in(total)
    prov_falls = {reg: _falls_in(piv[reg]) for reg in piv.columns if _falls_in(piv[reg])}
    return (NOT_SUPPORTED if falls else SUPPORTED), {
        "five_total_2015": float(total.iloc[0]), "five_total_2019": float(total.iloc[-1])}, _why(
        "rd_expenditure_region", fell=_Items(falls, "claimw_none_fell"),
        provinces=_Items([Msg("claimw_fell_in", region=name_of(r), years=_Items(v))
                          for r, v in prov_falls.items()], "claimw_none_fell"))


# ------------------------------------------------------------------------------------------
# Evaluators: other figures
# ------------------------------------------------------------------------------------------
def _city_count(c: Claim) -> tuple[str, dict[str, float], Msg]:
    cen = load("city_census_population", indicators="pop_census", years=2020)
    three = cen[cen["province"].isin(["Hebei", "Liaoning", "Shandong"])]
    n_coastal = int(three["coastal_city"].astype(bool).sum())
    n_shore = len([r for r in bohai_rim("bohai_shore") if r not in ("Beijing", "Tianjin")])
    return CANNOT, {"coastal_cities_census": n_coastal, "bohai_shore_cities": n_shore}, _why(
        "city_count", coastal=n_coastal, shore=n_shore)


def _researcher_share(c: Claim) -> tuple[str, dict[str, float], Msg]:
    r = load("rd_inputs", regions=["Beijing", "Tianjin", "China"],
             indicators="rd_personnel_fte_total")
    year = int(r["year"].max())
    d = r[r["year"] == year]
    share = 100 * (_value(d, "Beijing") + _value(d, "Tianjin")) / _value(d, "China")
    return CANNOT, {f"all_rd_personnel_share_{year}_pct": share}, _why(
        "researcher_share", share=f"{share:.1f}", year=year)


def _hebei_reference(indicator: str, year: int, what: str):
    def check(c: Claim) -> tuple[str, dict[str, float], Msg]:
        h = load("hebei_hightech_reference", indicators=indicator)
        row = h[h["year"] == year]
        if row.empty or row["value"].isna().all():
            return CANNOT, {}, _why("reference_missing", what=Msg(what), year=year)
        v = float(row["value"].iloc[0])
        verdict, tol, rough = judge_figure(v, c.stated)
        trust = str(row["trust"].iloc[0]) if "trust" in row.columns else "?"
        return verdict, {"kit_value": v}, _why(
            "reference", value=f"{v:g}", what=Msg(what), year=year, trust=trust,
            tol=f"{tol:g}", rough=f"{rough:.2g}")
    return check


def _cannot(key: str) -> Callable[[Claim], tuple[str, dict[str, float], Msg]]:
    """Evaluator of a claim no table of the kit measures; ``claimr_cannot_<key>`` names the
    data that would check it."""
    message = _why("cannot_" + key)

    def check(c: Claim) -> tuple[str, dict[str, float], Msg]:
        return CANNOT, {}, message
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


def _secondary_dominated_000(c: Claim) -> tuple[str, dict[str, float], Msg]:
    g = load("province_gdp", regions=_HB, indicators=_OUTPUT)
    w = g.pivot_table(index="year", columns="indicator", values="value").dropna()
    v = load("province_gdp_vintages", regions=_HB)
    if w.empty:
        return TOO_LITTLE, {}, _why("hebei_sectors_missing")
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
            old.append(Msg("claimw_secondary_larger" if bigger else "claimw_tertiary_larger",
                           year=year, vintage=vintage))
    figs.update({f"secondary_{first}_pct": share.loc[first, "va_secondary"],
                 f"secondary_{last}_pct": share.loc[last, "va_secondary"],
                 f"tertiary_{last}_pct": share.loc[last, "va_tertiary"],
                 "newest_years_secondary_larger": n_sec})
    verdict = SUPPORTED if n_sec == len(share) else NOT_SUPPORTED
    return verdict, figs, _why(
        "secondary_dominated_000", vintages=_vintages(g), first=first, last=last, n=n_sec,
        years=len(share), secondary=f"{share.loc[last, 'va_secondary']:.1f}",
        tertiary=f"{share.loc[last, 'va_tertiary']:.1f}", old=_Items(old))


def _industry_share_rank_000(c: Claim) -> tuple[str, dict[str, float], Msg]:
    w, last = _hebei_gdp()
    share = (100 * w["va_industry"] / w["gdp"]).xs(last, level="year").dropna()
    rank = rank_of(share, _HB)
    return (SUPPORTED if rank <= TOP_RANK else NOT_SUPPORTED), {
        "industry_share_pct": share[_HB], "rank": rank, "provinces": len(share),
        "median_pct": share.median()}, _why(
        "industry_share_rank", last=last, top=TOP_RANK, share=f"{share[_HB]:.1f}", rank=rank,
        n=len(share), median=f"{share.median():.1f}")


def _steel_latest() -> tuple[pd.Series, int]:
    """Crude steel by province in the last year with Hebei's figure (province_industrial_products,
    NBS December year-to-date; the derived China row left out)."""
    st = load("province_industrial_products", indicators="crude_steel_output",
              vintage="nbs_monthly_dec_ytd")
    year = int(st.loc[(st["region"] == _HB) & st["value"].notna(), "year"].max())
    return st[st["year"] == year].set_index("region")["value"].dropna(), year


def _coke_latest() -> tuple[pd.Series, int]:
    ep = load("energy_products", indicators="coke_output")
    year = int(ep.loc[(ep["region"] == _HB) & ep["value"].notna(), "year"].max())
    return ep[ep["year"] == year].set_index("region")["value"].dropna(), year


def _heavy_products_rank_000(c: Claim) -> tuple[str, dict[str, float], Msg]:
    steel, steel_year = _steel_latest()
    coke, year = _coke_latest()
    if _HB not in steel.index or _HB not in coke.index:
        return TOO_LITTLE, {}, _why("steel_coke_missing")
    rs, rc = rank_of(steel, _HB), rank_of(coke, _HB)
    ok = max(rs, rc) <= TOP_RANK
    return (SUPPORTED if ok else NOT_SUPPORTED), {
        f"crude_steel_rank_{steel_year}": rs, f"coke_rank_{year}": rc,
        "crude_steel_share_pct": 100 * steel[_HB] / steel.sum(),
        "coke_share_pct": 100 * coke[_HB] / coke.sum()}, (
        _why("heavy_products", top=TOP_RANK, steel_year=steel_year, steel_rank=rs,
             steel_n=len(steel), year=year,
             coke_rank=rc, coke_n=len(coke)))


def _steel_rank_000(c: Claim) -> tuple[str, dict[str, float], Msg]:
    steel, year = _steel_latest()
    if _HB not in steel.index:
        return TOO_LITTLE, {}, _why("steel_missing")
    rank = rank_of(steel, _HB)
    share = 100 * steel[_HB] / steel.sum()
    return (SUPPORTED if rank <= TOP_PRODUCT_RANK else NOT_SUPPORTED), {
        "rank": rank, "provinces": len(steel), "share_pct": share}, (
        _why("steel_rank", year=year, top=TOP_PRODUCT_RANK, rank=rank, n=len(steel),
             share=f"{share:.1f}"))


def _top_total(table: str, indicator: str | None, what: str):
    def check(c: Claim) -> tuple[str, dict[str, float], Msg]:
        d = load(table, indicators=indicator) if indicator else load(table)
        year = int(d.loc[(d["region"] == _HB) & d["value"].notna(), "year"].max())
        values = d[d["year"] == year].set_index("region")["value"].dropna()
        rank = rank_of(values, _HB)
        doubtful = [f for f in _flags(d[d["year"] == year], "suspicious") if f.startswith(_HB)]
        if doubtful:
            return TOO_LITTLE, {"rank": rank}, _why("top_total_doubtful", what=Msg(what),
                                                     doubtful=_Items(doubtful))
        return (SUPPORTED if rank <= TOP_RANK else NOT_SUPPORTED), {
            "rank": rank, "provinces": len(values), "year": year}, (
            _why("top_total", what=Msg(what), table=table, year=year, top=TOP_RANK, rank=rank,
                 n=len(values)))
    return check


def _labour_productivity_000(c: Claim) -> tuple[str, dict[str, float], Msg]:
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
        return TOO_LITTLE, {}, _why("productivity_missing")
    y = years[0]
    workers = emp.loc[emp["year"] == y, "value"].sum()
    hebei = w.loc[(_HB, y), "gdp"] / workers
    china = nat.loc[y, "gdp"] / ne.loc[y, "emp_total"]
    pc = w["gdp_per_capita"].xs(last, level="year").dropna()

    return (SUPPORTED if hebei < china else NOT_SUPPORTED), {
        "gdp_per_worker_hebei": hebei, "gdp_per_worker_china": china,
        "pct_of_china": 100 * hebei / china, f"gdp_per_person_rank_{last}": rank_of(pc, _HB)}, (
        _why("labour_productivity", year=y, hebei=f"{hebei:.2f}", china=f"{china:.2f}",
             pct=f"{100 * hebei / china:.0f}", last=last, rank=rank_of(pc, _HB), n=len(pc),
             doubtful=_Items(sorted(doubtful))))


def _services_lag_000(c: Claim) -> tuple[str, dict[str, float], Msg]:
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
        _why("services_lag", last=last, hebei=f"{s3[_HB]:.1f}",
             beijing=f"{others['Beijing']:.1f}", tianjin=f"{others['Tianjin']:.1f}",
             china=f"{china:.1f}"))


def _expressway_000(c: Claim) -> tuple[str, dict[str, float], Msg]:
    """Seed 000 section 2.1: "the mileage of expressways is more than 1,000 kilometers"."""
    tr = load("jjj_transport_length", regions=_HB, indicators="expressway_length")
    tr = tr[tr["value"].notna()]
    if tr.empty:
        return TOO_LITTLE, {}, _why("cannot_expressways")
    last = tr[tr["year"] == tr["year"].max()].sort_values("vintage").iloc[-1]
    km = 1e4 * float(last["value"])  # the table is in 10k km
    return (SUPPORTED if km > c.stated else NOT_SUPPORTED), {"expressway_km": km,
                                                             "year": float(last["year"])}, _why(
        "expressway", year=int(last["year"]), km=f"{km:,.0f}", stated=f"{c.stated:,.0f}",
        vintage=str(last["vintage"]), times=f"{km / c.stated:.0f}")


def _statement(indicator: str, year: int, scale: float = 1.0):
    """Evaluator of a figure against an official statement in hebei_county_cluster_statements
    (value x ``scale`` in the claim's unit), judged by :func:`judge_figure` and said to be a
    statement, not a statistic."""
    def check(c: Claim) -> tuple[str, dict[str, float], Msg]:
        st = load("hebei_county_cluster_statements", regions=_HB, indicators=indicator,
                  years=year)
        if st.empty or st["value"].isna().all():
            return CANNOT, {}, _why("cannot_county")
        row = st.iloc[0]
        value = float(row["value"]) * scale
        verdict, tol, rough = judge_figure(value, c.stated)
        return verdict, {"statement_value": value}, _why(
            "statement", value=f"{value:g}", stated=f"{c.stated:g}", tol=f"{tol:g}",
            rough=f"{rough:.2g}", by=str(row["statement_by"]), page=str(row["page"]),
            period=str(row["period"]), vintage=str(row["vintage"]))
    return check


def _cluster_counties_003(c: Claim) -> tuple[str, dict[str, float], Msg]:
    """Seed 003: "hallmark industrial clusters in 269 counties": the provincial statement
    counts 269 clusters; the 2020 census has far fewer county-level units."""
    st = load("hebei_county_cluster_statements", regions=_HB, indicators="cluster_count",
              years=2019)
    cen = load("hebei_county_census_population", indicators="pop_total", years=2020)
    units = int(cen.loc[cen["level"] == "county_level", "region"].nunique())
    if st.empty or not units:
        return CANNOT, {}, _why("cannot_county")
    clusters = float(st["value"].iloc[0])
    verdict = NOT_SUPPORTED if units < c.stated else SUPPORTED
    return verdict, {"statement_clusters": clusters, "county_level_units_2020": units}, _why(
        "cluster_counties", clusters=f"{clusters:g}", units=units,
        by=str(st["statement_by"].iloc[0]), vintage=str(st["vintage"].iloc[0]))


_TRIO = ("Qinhuangdao", "Tangshan", "Cangzhou")
_PAIR = ("Xingtai", "Handan")


def _city_gdp_wide() -> tuple[pd.DataFrame, int, list[tuple[int, int]]]:
    """Hebei's cities' GDP (regions x years), the first year of the series break, and the
    longest windows on one side of it (helpers.growth.break_windows)."""
    from helpers.data_quality import first_flag_year
    from helpers.growth import break_windows

    g = load("hebei_city_gdp", indicators="gdp")
    wide = g.pivot_table(index="region", columns="year", values="value")
    brk = first_flag_year(g, "series_break")
    years = sorted(int(y) for y in wide.columns)
    return wide, brk, break_windows(years[0], years[-1], brk)


def _coastal_growth_000(each_city: bool):
    """Seed 000 section 3.2: the coastal trio grew faster than Xingtai and Handan, read for the
    groups' totals or for every pair of cities, in every window on one side of the break."""
    def check(c: Claim) -> tuple[str, dict[str, float], Msg]:
        from helpers.growth import compare_growth

        wide, brk, windows = _city_gdp_wide()
        if not windows:
            return TOO_LITTLE, {}, _why("city_growth_missing")
        figs: dict[str, float] = {}
        holds, parts = [], []
        for a, b in windows:
            res = compare_growth(wide, _TRIO, _PAIR, a, b)
            if math.isnan(res["first"]) or math.isnan(res["second"]):
                return TOO_LITTLE, {}, _why("city_growth_missing")
            figs[f"coastal_{a}_{b}_pct"] = res["first"]
            figs[f"xingtai_handan_{a}_{b}_pct"] = res["second"]
            ok = (res["faster"] == res["pairs"]) if each_city else res["first"] > res["second"]
            holds.append(ok)
            parts.append(Msg("claimw_growth_window", start=a, end=b, trio=f"{res['first']:.1f}",
                             pair=f"{res['second']:.1f}", k=res["faster"], n=res["pairs"]))
        return (SUPPORTED if all(holds) else NOT_SUPPORTED), figs, _why(
            "coastal_growth_each" if each_city else "coastal_growth", brk=brk,
            windows=_Items(parts))
    return check


def _coastal_level_000(c: Claim) -> tuple[str, dict[str, float], Msg]:
    """Seed 000 section 3.2: the coastal trio's development level is relatively high, read as
    GDP per person at the 2020 census: every coastal city above the median of the 11 cities."""
    from helpers.group_stats import census_per_capita
    from helpers.regions import HEBEI_CITIES

    wide, _, _ = _city_gdp_wide()
    pop = load("city_census_population", regions=list(HEBEI_CITIES), indicators="pop_census")
    year = int(pop["year"].max())
    anchors = load("hebei_city_gdp_anchors", indicators="gdp", vintage="city_list_2021")
    per = census_per_capita(wide.reindex(HEBEI_CITIES),
                            pop.pivot_table(index="region", columns="year", values="value")
                            .reindex(HEBEI_CITIES), [year],
                            anchors.set_index(["region", "year"])["value"])
    pc = per.set_index("region")["value"]
    if pc.isna().any():
        return TOO_LITTLE, {}, _why("city_level_missing", year=year)
    median = float(pc.median())
    ranks = pc.rank(ascending=False).astype(int)
    below = [r for r in _TRIO if pc[r] <= median]
    figs = {f"{r.lower()}_yuan": float(pc[r]) for r in (*_TRIO, *_PAIR)}
    figs["median_yuan"] = median
    return (NOT_SUPPORTED if below else SUPPORTED), figs, _why(
        "coastal_level", year=year, median=f"{median:,.0f}",
        ranks=_Items([Msg("claimw_city_rank", city=name_of(r), rank=int(ranks[r]))
                      for r in _TRIO]), below=_names(below))


# ------------------------------------------------------------------------------------------
# The registry
# ------------------------------------------------------------------------------------------
_D4 = DOCUMENTS["004"][0]
_D1 = DOCUMENTS["001"][0]
_D3 = DOCUMENTS["003"][0]
_D0 = DOCUMENTS["000"][0]
_S000_1 = "1. Introduction"
_S000_21 = "2.1. Geographical Location and Transportation Advantages"
_S000_22 = "2.2. Resource advantages"
_S000_31 = "3.1. Economic development quality issues"
_S000_32 = "3.2. Unbalanced regional development"
_S000_33 = "3.3. Environmental and resource issues"
_HEAVY = ("Its growth model remains reliant on traditional heavy industries such as steel, "
          "chemicals, and building materials.")
_TOP = ("Hebei Province ranks among the top in the country in terms of resource consumption "
        "and pollution emissions.")
_HB = "Hebei"
_GROWTH_000 = ("The coastal areas of Hebei, such as Qinhuangdao, Tangshan and Cangzhou, ... the "
               "total economic growth is relatively fast. ... the central and western regions "
               "of Hebei, such as Xingtai and Handan, ... relatively lagging economic growth "
               "rate.")


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
          _top_total("energy_consumption", None, "claimw_energy_use"), None, "",
          ("energy_consumption",)),
    Claim("seed000_hebei_pollution_emissions_top", _D0, _S000_33, _TOP,
          "Hebei; pollution emissions read as industrial SO2 emissions, 30 provinces",
          "2023 (latest)", _top_total("industrial_pollution", "industrial_so2_emissions",
                                      "claimw_so2"), None, "",
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
    # ---- seed 000, sections 2.1-2.2: geography, transport and resources (numeric facts)
    Claim("seed000_hebei_coastline_length", _D0, _S000_21,
          "The coastal areas of Hebei Province include Qinhuangdao, Tangshan and Cangzhou, with "
          "a coastline of 487.3 kilometers.", _HB, "not stated", _cannot("coastline"), 487.3,
          "km"),
    Claim("seed000_hebei_expressway_length", _D0, _S000_21,
          "... the mileage of expressways is more than 1,000 kilometers.", _HB, "not stated",
          _expressway_000, 1000, "km", ("jjj_transport_length",)),
    Claim("seed000_hebei_road_density", _D0, _S000_21,
          "The road network density and access depth are higher than the national average.",
          "Hebei against China", "not stated", _cannot("road_density")),
    Claim("seed000_hebei_port_capacity", _D0, _S000_21,
          "The three major ports - Qinhuangdao Port, Tangshan Port and Huanghua Port, have an "
          "annual throughput capacity of more than 500 million tons.",
          "Qinhuangdao, Tangshan and Huanghua ports", "not stated", _cannot("ports"), 500,
          "million tons"),
    Claim("seed000_hebei_iron_ore_reserves", _D0, _S000_22,
          "It has significant iron ore reserves of 5.96 billion tons.", _HB, "not stated",
          _cannot("mineral_reserves"), 5.96, "billion tons"),
    Claim("seed000_hebei_coastal_developable_land", _D0, _S000_22,
          "Hebei's coastal areas offer over 5 million mu of developable land, including tidal "
          "flats and saline-alkali land.", "Hebei's coastal areas", "not stated",
          _cannot("coastal_land"), 5, "million mu"),
    Claim("seed000_hebei_deepwater_coastline", _D0, _S000_22,
          "... the province boasts a 80.7-kilometer deep-water coastline.", _HB, "not stated",
          _cannot("coastline"), 80.7, "km"),
    # ---- seed 000, section 3.2: coastal against inland cities (lesson 03)
    Claim("seed000_coastal_growth_groups", _D0, _S000_32,
          _GROWTH_000,
          "Qinhuangdao, Tangshan, Cangzhou together against Xingtai and Handan together "
          "(nominal GDP)", "not stated (2000-2023 in the kit, each side of the break)",
          _coastal_growth_000(False), None, "", ("hebei_city_gdp",)),
    Claim("seed000_coastal_growth_each_city", _D0, _S000_32,
          _GROWTH_000,
          "each of Qinhuangdao, Tangshan, Cangzhou against each of Xingtai and Handan "
          "(nominal GDP)", "not stated (2000-2023 in the kit, each side of the break)",
          _coastal_growth_000(True), None, "", ("hebei_city_gdp",)),
    Claim("seed000_coastal_development_level", _D0, _S000_32,
          "The coastal areas of Hebei, such as Qinhuangdao, Tangshan and Cangzhou, rely on "
          "superior location and resource conditions, with relatively high economic "
          "development levels.", "each coastal city against the 11 cities' median GDP per "
          "person", "2020 (census)", _coastal_level_000, None, "",
          ("hebei_city_gdp", "city_census_population", "hebei_city_gdp_anchors")),
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
          "not stated", _cannot("ports"), 40, "ports", (),
          "seed004_bohai_ports"),
    Claim("seed004_bohai_universities", _D4, _S004_21,
          "The Bohai Rim region has nearly 300 universities.", COASTAL, "not stated",
          _cannot("universities"), 300, "universities", (), "seed004_bohai_universities"),
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
          "increased.", FIVE, "2015-2019", _fiscal_rising([_EDU, _ST], "claimw_edu_st_spending"),
          None, "",
          ("fiscal_expenditure",)),
    Claim("seed004_fiscal_total_rising", _D4, _S004_221,
          "Local fiscal expenditure has also been increasing year by year.", FIVE, "2015-2019",
          _fiscal_rising([_TOT], "claimw_budget_spending"), None, "", ("fiscal_expenditure",)),
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
          _cannot("legal_entities"), None, "", ()),
    Claim("seed004_industrial_rd_rising", _D4, _S004_221,
          "R&D expenditure of industrial enterprises above the designated size ... increased "
          "annually, excluding Shandong.", FIVE, "2015-2019",
          _cannot("industrial_rd"), None, "", ()),
    Claim("seed004_high_tech_enterprises_rising", _D4, _S004_221,
          "The number of high-tech enterprises [has] increased annually, excluding Shandong.",
          FIVE, "2015-2019",
          _cannot("hightech_stock"), None, "", ("high_tech_enterprises",)),
    Claim("seed004_hightech_industry_rd_rising", _D4, _S004_221,
          "R&D investment in high-tech industries has been continuously increasing.", FIVE,
          "not stated", _cannot("rd_by_industry"), None, "", ()),
    # ---- seed 004, section 2.2.3: industrial structure 2018-2022
    Claim("seed004_theil_beijing_rational", _D4, _S004_223,
          "The industrial structure in Beijing ... is becoming increasingly rational (Theil "
          "index falling towards 0).", "Beijing", "2018-2022", _theil_trend("Beijing", "fall"),
          None, "",
          ("province_gdp", "province_employment")),
    Claim("seed004_theil_tianjin_rational", _D4, _S004_223,
          "The industrial structure in ... Tianjin ... is becoming increasingly rational.",
          "Tianjin", "2018-2022", _theil_trend("Tianjin", "fall"), None, "",
          ("province_gdp", "province_employment")),
    Claim("seed004_theil_shandong_rational", _D4, _S004_223,
          "The industrial structure in ... Shandong is becoming increasingly rational.",
          "Shandong", "2018-2022", _theil_trend("Shandong", "fall"), None, "",
          ("province_gdp", "province_employment")),
    Claim("seed004_theil_liaoning_fluctuates", _D4, _S004_223,
          "There are fluctuations in Liaoning [rationalization].", "Liaoning", "2018-2022",
          _theil_trend("Liaoning", "fluctuate"), None, "", ("province_gdp", "province_employment")),
    Claim("seed004_theil_hebei_fluctuates", _D4, _S004_223,
          "There are fluctuations in ... Hebei [rationalization].", _HB, "2018-2022",
          _theil_trend(_HB, "fluctuate"), None, "", ("province_gdp", "province_employment")),
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
          "steel, coal, cement and thermal power.", _HB, "2014-2024", _cannot("policy_count"), 6,
          "industries", (), "seed001_hebei_major_industries_transformed"),
    Claim("seed001_zgc_branches_tianjin_hebei", _D1, _S001,
          "Enterprises in Zhongguancun had established more than 10,000 branches in Tianjin and "
          "Hebei.", "Tianjin and Hebei", "end of 2023", _cannot("firm"), 10000, "branches",
          (), "seed001_zgc_branches_tianjin_hebei"),
    Claim("seed001_hebei_companies_attracted", _D1, _S001,
          "Hebei has attracted around 43,000 companies.", _HB, "2014-2024",
          _cannot("attracted_companies"), 43000, "companies", (),
          "seed001_hebei_companies_attracted"),
    Claim("seed001_hebei_leading_industries", _D1, _S001,
          "It has nurtured 12 leading industries.", _HB, "not stated", _cannot("policy_count"), 12,
          "industries", (), "seed001_hebei_leading_industries"),
    Claim("seed001_hebei_county_distinctive_industries", _D1, _S001,
          "... and 107 distinctive industries at the county level.", _HB, "not stated",
          _hebei_reference("provincial_key_characteristic_industrial_clusters", 2025,
                           "claimw_key_clusters"), 107,
          "industries", ("hebei_hightech_reference",),
          "seed001_hebei_county_distinctive_industries", evidence=STATEMENT),
    Claim("seed001_hebei_hightech_va_share_2023", _D1, _S001,
          "The proportion of the value-added of high-tech industries in industrial enterprises "
          "above a designated size has increased to 21.4 percent ...", _HB, "2023 (inferred)",
          _hebei_reference("hightech_industry_va_share_of_above_scale_industry", 2023,
                           "claimw_hightech_share"), 21.4,
          "percent", ("hebei_hightech_reference",), "seed001_hebei_hightech_va_share_2023",
          evidence=STATEMENT),
    Claim("seed001_hebei_hightech_va_share_2014", _D1, _S001,
          "... from 13.1 percent in 2014.", _HB, "2014",
          _hebei_reference("hightech_industry_va_share_of_above_scale_industry", 2014,
                           "claimw_hightech_share"), 13.1,
          "percent", ("hebei_hightech_reference",), "seed001_hebei_hightech_va_share_2014",
          evidence=STATEMENT),
    Claim("seed001_above_designated_size_threshold", _D1, _S001,
          "Industrial enterprises above a designated size are those with 20 million yuan or "
          "more in annual revenue.", "China", "definition",
          _cannot("definition"),
          20, "million yuan", (), "seed001_above_designated_size_threshold"),
    Claim("seed001_luquan_firms_from_beijing_tianjin", _D1, _S001,
          "At least 50 companies from Beijing and Tianjin have thrived in the [Luquan] zone.",
          "Luquan Economic Development Zone (Shijiazhuang)", "2024", _cannot("firm"), 50,
          "companies", (), "seed001_luquan_firms_from_beijing_tianjin"),
    Claim("seed001_luquan_electronic_info_enterprises", _D1, _S001,
          "The Luquan Economic Development Zone is home to 1,060 electronic information "
          "enterprises.", "Luquan Economic Development Zone (Shijiazhuang)", "2024",
          _cannot("firm"), 1060, "enterprises", (),
          "seed001_luquan_electronic_info_enterprises"),
    Claim("seed001_luquan_operating_income_2023", _D1, _S001,
          "In 2023, total operating income surpassed 85 billion yuan.",
          "Luquan Economic Development Zone (Shijiazhuang)", "2023", _cannot("firm"), 85,
          "billion yuan", (), "seed001_luquan_operating_income_2023"),
    Claim("seed001_luquan_operating_income_growth_2023", _D1, _S001,
          "... marking a year-on-year growth of 34.9 percent.",
          "Luquan Economic Development Zone (Shijiazhuang)", "2023", _cannot("firm"), 34.9,
          "percent", (), "seed001_luquan_operating_income_growth_2023"),
    Claim("seed001_shenyue_employees", _D1, _S001,
          "Hebei Shenyue Soft has grown ... to over 1,500 [employees].", "one company",
          "2024", _cannot("firm"), 1500, "employees", (), "seed001_shenyue_employees"),
    Claim("seed001_shenyue_branches", _D1, _S001,
          "... with 13 branches in China.", "one company", "2024", _cannot("firm"), 13,
          "branches", (), "seed001_shenyue_branches"),
    # ---- seed 003 (China Daily, 21 September 2020)
    Claim("seed003_hebei_cluster_counties_2019", _D3, _S003,
          "Hallmark industrial clusters in 269 counties in Hebei.", _HB, "2019",
          _cluster_counties_003, 269, "counties",
          ("hebei_county_cluster_statements", "hebei_county_census_population"),
          "seed003_hebei_cluster_counties_2019", evidence=STATEMENT),
    Claim("seed003_hebei_cluster_income_2019", _D3, _S003,
          "In 2019, the operating income of hallmark industrial clusters ... was 1.98 trillion "
          "yuan.", _HB, "2019", _statement("cluster_operating_income", 2019, 1e-4), 1.98,
          "trillion yuan", ("hebei_county_cluster_statements",),
          "seed003_hebei_cluster_income_2019", evidence=STATEMENT),
    Claim("seed003_hebei_cluster_income_usd_2019", _D3, _S003,
          "... 1.98 trillion yuan ($290 billion).", _HB, "2019",
          _cannot("exchange_rate"), 290,
          "billion US dollars", (), "seed003_hebei_cluster_income_usd_2019"),
    Claim("seed003_hebei_cluster_income_growth_2019", _D3, _S003,
          "... a year-on-year increase of 14.85 percent.", _HB, "2019",
          _statement("cluster_operating_income_growth", 2019), 14.85, "percent",
          ("hebei_county_cluster_statements",), "seed003_hebei_cluster_income_growth_2019",
          evidence=STATEMENT),
    Claim("seed003_hebei_industrial_clusters_developed", _D3, _S003,
          "The province has developed 12 industrial clusters including intelligence "
          "manufacturing, green transformation, ...", _HB, "2020", _cannot("policy_count"), 12,
          "clusters", (), "seed003_hebei_industrial_clusters_developed"),
    Claim("seed003_hebei_digital_workshops", _D3, _S003,
          "Campaigns ... which included 251 digital workshops ...", _HB, "2020",
          _cannot("policy_count"), 251, "workshops", (), "seed003_hebei_digital_workshops"),
    Claim("seed003_hebei_companies_to_cloud", _D3, _S003,
          "... and more than 8,000 companies.", _HB, "2020", _cannot("policy_count"), 8000,
          "companies", (), "seed003_hebei_companies_to_cloud"),
    Claim("seed003_visionox_standards", _D3, _S003,
          "Gu'an Visionox ... has formulated and revised 10 of its high-end standards ...",
          "one company (Gu'an, Langfang)", "2020", _cannot("firm"), 10, "standards", (),
          "seed003_visionox_standards"),
    Claim("seed003_visionox_patented_technologies", _D3, _S003,
          "... with 5,562 patented technologies.", "one company (Gu'an, Langfang)", "2020",
          _cannot("firm_patents"), 5562,
          "patented technologies", ("patents",), "seed003_visionox_patented_technologies"),
    Claim("seed003_duofu_output_value_2019", _D3, _S003,
          "Last year, the output value of [Hebei Duofu Food] was nearly 100 million yuan ...",
          "one company (Qiuxian, Handan)", "2019", _cannot("firm"), 100, "million yuan", (),
          "seed003_duofu_output_value_2019"),
    Claim("seed003_duofu_output_growth_2019", _D3, _S003,
          "... a year-on-year increase of 20 percent.", "one company (Qiuxian, Handan)", "2019",
          _cannot("firm"), 20, "percent", (), "seed003_duofu_output_growth_2019"),
    Claim("seed003_qiuxian_projects_signed_2020h1", _D3, _S003,
          "In the first half of this year, Qiuxian county signed 20 projects ...",
          "Qiuxian county (Handan)", "2020 H1", _cannot("county"), 20, "projects", (),
          "seed003_qiuxian_projects_signed_2020h1"),
    Claim("seed003_qiuxian_food_companies_2020h1", _D3, _S003,
          "... including seven well-known food companies from Beijing and Tianjin.",
          "Qiuxian county (Handan)", "2020 H1", _cannot("county"), 7, "companies", (),
          "seed003_qiuxian_food_companies_2020h1"),
    Claim("seed003_guan_supply_chain_enterprises", _D3, _S003,
          "Visionox and BOE ... have brought about 32 upstream and downstream enterprises.",
          "Gu'an county (Langfang)", "2020", _cannot("county"), 32, "enterprises", (),
          "seed003_guan_supply_chain_enterprises"),
    Claim("seed003_bazhou_revenue_2019", _D3, _S003,
          "[Bazhou] achieved a revenue of 3.64 billion yuan in 2019 ...",
          "Bazhou (county-level city, Langfang)", "2019", _cannot("county"), 3.64,
          "billion yuan", (), "seed003_bazhou_revenue_2019"),
    Claim("seed003_bazhou_revenue_growth_2019", _D3, _S003,
          "... a growth rate of 15.6 percent year-on-year.",
          "Bazhou (county-level city, Langfang)", "2019", _cannot("county"), 15.6, "percent",
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


def _select(document: str | None, section: str | None = None) -> list[Claim]:
    if section is not None:
        chosen = [c for c in _select(document) if c.section.startswith(section)]
        if not chosen:
            known = sorted({c.section for c in _select(document)})
            raise ValueError(f"no claim in section {section!r}; sections: {'; '.join(known)}")
        return chosen
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
                             "stated", "computed", "verdict", "evidence", "reason", "tables")

#: Where a table's documentation lives (data/README.md, one anchor per table), for links.
TABLE_URL = ("https://github.com/hebei-economy-kit/hebei-economy-kit/blob/main/data/README.md"
             "#{name}")


def _label(key: str, lang: str) -> str:
    # a column key, a verdict or an evidence class -> its label in the kit glossary
    from helpers import i18n

    return i18n.t("claims_" + key.replace(" ", "_").replace("'", ""), lang)


def _slug(text: str) -> str:
    import re

    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")[:60]


#: English magnitudes written the Chinese way: unit -> (factor, Chinese unit).
_ZH_MAGNITUDES: dict[str, tuple[float, str]] = {
    "billion yuan": (10, "亿元"), "billion US dollars": (10, "亿美元"),
    "billion tons": (10, "亿吨"), "million yuan": (100, "万元"), "million tons": (100, "万吨"),
    "million mu": (100, "万亩"), "trillion yuan": (1, "万亿元"),
}


def claim_texts(claim: Claim, lang: str | None = None) -> dict[str, str]:
    """A claim's words in ``lang``: ``claim``, ``definition``, ``years``, ``section``,
    ``document``, ``stated``. English is the registry itself; Chinese comes from the catalogue
    (claims_text.csv: keys ``claimtext_<id>``, ``claimdef_<id>``, ``claimyears_<id>``,
    ``claimsec_<slug>``, ``claimunit_<slug>``, ``claimdoc_<code>``)."""
    from helpers.i18n import resolve_lang, t

    lang = resolve_lang(lang)
    stated = "" if claim.stated is None else f"{claim.stated:g}"
    if lang == "en":
        return {"claim": claim.text, "definition": claim.definition, "years": claim.years,
                "section": claim.section, "document": DOCUMENTS[claim.doc_code][1],
                "stated": f"{stated} {claim.unit}".strip()}
    if claim.unit in _ZH_MAGNITUDES and claim.stated is not None:
        factor, unit = _ZH_MAGNITUDES[claim.unit]  # 3.64 billion yuan -> 36.4亿元
        value = claim.stated * factor
        if unit.startswith("万") and value >= 10000:  # 500 million tons -> 5亿吨, not 50000万吨
            value, unit = value / 10000, "亿" + unit[1:]
        stated = f"{value:g}"
    else:
        unit = t("claimunit_" + _slug(claim.unit), lang) if claim.unit else ""
    return {"claim": t("claimtext_" + claim.id, lang),
            "definition": t("claimdef_" + claim.id, lang),
            "years": t("claimyears_" + claim.id, lang),
            "section": t("claimsec_" + _slug(claim.section), lang),
            "document": t("claimdoc_" + claim.doc_code, lang),
            "stated": f"{stated}{unit}" if stated else ""}


def _raw_table(document: str | None, lang: str, section: str | None = None) -> pd.DataFrame:
    """Claims and results; verdict and evidence as their English keys, texts in ``lang``."""
    rows = []
    for c in _select(document, section):
        res = c.evaluate()
        words = claim_texts(c, lang)
        rows.append({
            "id": c.id, "document": words["document"], "section": words["section"],
            "claim": words["claim"], "definition": words["definition"],
            "years": words["years"], "stated": words["stated"], "computed": res.summary,
            "verdict": res.verdict, "evidence": res.evidence, "reason": res.explain(lang),
            "tables": ", ".join(c.tables),
        })
    return pd.DataFrame(rows, columns=list(_COLUMNS))


def claims_table(document: str | None = None, lang: str | None = None) -> pd.DataFrame:
    """Every claim (of one document) with its verdict, as a DataFrame for notebooks.

    Args:
        document: ``"000"``, ``"001"``, ``"003"``, ``"004"`` (or ``"seed004"`` or the file name);
            None for all.
        lang: ``"en"`` or ``"zh"`` (None: the run language). In Chinese the claim is the
            catalogue's translation of the document's words.

    Returns:
        One row per claim: id, document, section, claim, regional definition, year(s), stated,
        computed, verdict, evidence, reason, tables (column names in ``lang``; in English the
        keys of ``_COLUMNS``).
    """
    from helpers.i18n import resolve_lang

    lang = resolve_lang(lang)
    df = _raw_table(document, lang)
    if lang == "en":
        return df
    df["verdict"] = [_label(v, lang) for v in df["verdict"]]
    df["evidence"] = [_label(v, lang) if v else "" for v in df["evidence"]]
    return df.rename(columns={k: _label(k, lang) for k in df.columns})


#: Verdict colours (ColorBrewer PRGn/greys, readable on white); the word is always written too.
_COLOURS = {SUPPORTED: "#1b7837", ROUGHLY: "#4d7f17", NOT_SUPPORTED: "#b2182b",
            TOO_LITTLE: "#8c510a", CANNOT: "#555555"}


def _table_links(tables: str) -> str:
    links = [f"<a href='{html.escape(TABLE_URL.format(name=n))}' target='_blank' "
             f"rel='noopener'><code>{html.escape(n)}</code></a>"
             for n in (x.strip() for x in tables.split(",")) if n]
    return ", ".join(links)


def claims_html(document: str | None = None, lang: str | None = None,
                columns: Iterable[str] | None = None,
                verdicts: Iterable[str] | None = None, section: str | None = None) -> str:
    """The claims table as a self-contained HTML table (renders in JupyterLab and Voila).

    Rows are grouped by document and section (a heading row each). Verdicts are coloured AND
    written out in ``lang``, so colour is never the only cue; each row carries
    ``data-verdict`` (its English key) and links every table it used to its documentation.
    Text is HTML-escaped.

    Args:
        document, lang: as in :func:`claims_table`.
        columns: English column keys to show (default all but ``id``, ``document``).
        verdicts: show only these verdicts (default all); an unknown one is refused.
        section: only the claims of the sections starting with this text (e.g. ``"3.2."``).
    """
    from helpers.i18n import resolve_lang

    lang = resolve_lang(lang)
    keys = list(columns) if columns is not None else [
        "claim", "definition", "years", "stated", "computed", "verdict", "evidence", "reason",
        "tables"]
    unknown = [k for k in keys if k not in _COLUMNS]
    if unknown:
        raise ValueError(f"unknown column(s) {unknown}; allowed: {', '.join(_COLUMNS)}")
    return _html(_raw_table(document, lang, section), keys, lang, verdicts)


def _html(table: pd.DataFrame, keys: list[str], lang: str,
          verdicts: Iterable[str] | None) -> str:
    """claims_html's rendering of an evaluated table (so a filter need not re-evaluate)."""
    from helpers.i18n import t

    wanted = set(VERDICTS if verdicts is None else verdicts)
    if not wanted <= set(VERDICTS):
        raise ValueError(f"unknown verdict(s) {sorted(wanted - set(VERDICTS))}; allowed: "
                         f"{', '.join(VERDICTS)}")
    table = table[table["verdict"].isin(wanted)]
    head = "".join(f"<th style='text-align:left'>{html.escape(_label(k, lang))}</th>"
                   for k in keys)
    body = []
    group = None
    for _, row in table.iterrows():
        if (row["document"], row["section"]) != group:
            group = (row["document"], row["section"])
            seed = t("claims_group_seed", lang, code=row["id"][4:7])  # "seed 004" / 种子文献004
            body.append(f"<tr class='kit-claims-group'><th colspan='{len(keys)}' "
                        "style='text-align:left;background:#f0f0f0'>"
                        f"{html.escape(seed)} · {html.escape(row['section'])}</th></tr>")
        cells = []
        for k in keys:
            if k == "verdict":
                colour = _COLOURS[row["verdict"]]
                cells.append(f"<td style='color:{colour};font-weight:bold'>"
                             f"{html.escape(_label(row['verdict'], lang))}</td>")
            elif k == "evidence":
                text = _label(row["evidence"], lang) if row["evidence"] else ""
                cells.append(f"<td style='text-align:left'>{html.escape(text)}</td>")
            elif k == "tables":
                cells.append(f"<td style='text-align:left'>{_table_links(row['tables'])}</td>")
            else:
                cells.append(f"<td style='text-align:left'>{html.escape(str(row[k]))}</td>")
        body.append(f"<tr data-verdict='{html.escape(row['verdict'])}' "
                    f"data-v='{VERDICTS.index(row['verdict'])}' "
                    f"title='{html.escape(row['id'])}'>" + "".join(cells) + "</tr>")
    if table.empty:
        body.append(f"<tr><td colspan='{len(keys)}'>{html.escape(t('claims_none_shown', lang))}"
                    "</td></tr>")
    return ("<div style='overflow-x:auto'><table class='kit-claims' "
            "style='border-collapse:collapse;font-size:0.9em'>"
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div>")


def claims_explorer(document: str | None = None, lang: str | None = None,
                    columns: Iterable[str] | None = None, section: str | None = None):
    """The claims table with a verdict filter, for the dashboards and the offline pages.

    The filter is a row of radio buttons (all, or one verdict, each with its count) that hides
    the other rows with CSS alone: it needs no kernel, so it works in JupyterLab, in Voila, in
    an exported HTML page and on the offline site alike (an ipywidgets filter would go blank
    without a kernel). Arguments as in :func:`claims_html`. Returns an ``IPython.display.HTML``.
    """
    from IPython.display import HTML

    from helpers.i18n import resolve_lang, t

    lang = resolve_lang(lang)
    keys = list(columns) if columns is not None else [
        "claim", "definition", "years", "stated", "computed", "verdict", "evidence", "reason",
        "tables"]
    table = _raw_table(document, lang, section)
    counts = table["verdict"].value_counts().to_dict()
    uid = f"kit-claims-{next(_EXPLORER_IDS)}"
    radios = [f"<input type='radio' name='{uid}' id='{uid}-all' checked>"
              f"<label for='{uid}-all' style='margin-right:1em'>"
              f"{html.escape(t('claims_all_verdicts', lang))} ({len(table)})</label>"]
    css = []
    for i, v in enumerate(VERDICTS):
        if not counts.get(v):
            continue
        radios.append(f"<input type='radio' name='{uid}' id='{uid}-{i}'>"
                      f"<label for='{uid}-{i}' style='margin-right:1em;color:{_COLOURS[v]}'>"
                      f"{html.escape(_label(v, lang))} ({counts[v]})</label>")
        css.append(f"#{uid}-{i}:checked ~ div tr[data-v]:not([data-v='{i}']),"
                   f"#{uid}-{i}:checked ~ div tr.kit-claims-group{{display:none}}")
    legend = (f"<span style='margin-right:0.5em;font-weight:bold'>"
              f"{html.escape(t('claims_verdict', lang))}:</span>")
    return HTML(f"<div class='kit-claims-explorer' id='{uid}'><style>{''.join(css)}</style>"
                f"{legend}{''.join(radios)}{_html(table, keys, lang, None)}</div>")


_EXPLORER_IDS = itertools.count(1)


def verdict_label(verdict: str) -> Msg:
    """A verdict's word as a catalogue text (glossary term ``claims_<verdict>``)."""
    if verdict not in VERDICTS:
        raise ValueError(f"unknown verdict {verdict!r}; allowed: {', '.join(VERDICTS)}")
    return Msg("claims_" + verdict.replace(" ", "_").replace("'", ""))


def verdict_summary(counts: dict[str, int]) -> object:
    """``{verdict: n}`` as running text in the asking language: "8 supported, 2 roughly
    supported, ..." (verdicts with no claim left out)."""
    return _Items([Msg("claimw_count", n=n, verdict=verdict_label(v))
                   for v, n in counts.items() if n])


def verdict_counts(document: str | None = None) -> dict[str, int]:
    """Number of claims per verdict (used by notebooks for key-number checks)."""
    counts = {v: 0 for v in VERDICTS}
    for c in _select(document):
        counts[c.evaluate().verdict] += 1
    return counts

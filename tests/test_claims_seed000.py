"""helpers.claims, seed 000 (Liu 2024; lesson 01 section 6): verdicts on the real data against
plain-pandas computations, and verdict flips on small synthetic tables (the loader is
monkeypatched), so every evaluator can fail."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers import claims
from helpers.claims import NOT_SUPPORTED, SUPPORTED
from helpers.data import load

IDS = [c.id for c in claims.CLAIMS if c.doc_code == "000"]


# ------------------------------------------------------------------------------------------
# Registry and table
# ------------------------------------------------------------------------------------------
def test_seed000_claims_are_registered_with_the_registry_words():
    # 8 structure statements, 7 numeric facts (sections 2.1-2.2), 3 readings of section 3.2
    assert len(IDS) == 18
    assert {c.section for c in claims.CLAIMS if c.doc_code == "000"} == {
        "1. Introduction", "2.1. Geographical Location and Transportation Advantages",
        "2.2. Resource advantages", "3.1. Economic development quality issues",
        "3.2. Unbalanced regional development", "3.3. Environmental and resource issues"}
    for cid in IDS:
        assert claims.evaluate(cid).verdict in claims.VERDICTS


def test_table_in_both_languages_uses_the_claims_labels():
    en = claims.claims_html(document="000", lang="en")
    zh = claims.claims_html(document="000", lang="zh")
    assert en.count("<tr data-verdict=") == len(IDS)
    assert "verdict" in en and "结论" in zh and "论断" in zh
    assert "支持" in zh and "不支持" in zh
    # only the registry's verdict words (no "partly" or "outdated")
    assert set(claims.claims_table("000")["verdict"]) <= set(claims.VERDICTS)


# ------------------------------------------------------------------------------------------
# Real data, against plain pandas
# ------------------------------------------------------------------------------------------
def _gdp_wide() -> pd.DataFrame:
    g = load("province_gdp")
    return g[g["year"] <= 2024].pivot_table(index=["region", "year"], columns="indicator",
                                            values="value")


def test_secondary_dominant_compares_vintages_only_within_themselves():
    r = claims.evaluate("seed000_hebei_secondary_dominant")
    w = _gdp_wide().loc["Hebei"]
    three = w[["va_primary", "va_secondary", "va_tertiary"]].sum(axis=1)
    assert r.figures["secondary_2024_pct"] == pytest.approx(100 * w.loc[2024, "va_secondary"]
                                                            / three[2024])
    assert r.figures["newest_years_secondary_larger"] == int(
        (w["va_secondary"] > w["va_tertiary"]).sum())
    assert r.verdict == NOT_SUPPORTED  # tertiary larger in every year of the newest vintage
    v = load("province_gdp_vintages", regions="Hebei", vintage="csy2008_reprint_rounded")
    s = v.set_index("indicator")["value"]
    assert r.figures["secondary_2007_pct"] == pytest.approx(100 * s["va_secondary"] / s["gdp"])
    for vintage in ("csy2002_first_print", "sd_yearbook2016_shares", "nbs_post5th"):
        assert vintage in r.reason  # the reason says which vintages are compared


def test_heavy_industry_two_readings():
    share = _gdp_wide().xs(2024, level="year")
    share = (100 * share["va_industry"] / share["gdp"]).dropna()
    rank = int((share > share["Hebei"]).sum()) + 1
    r = claims.evaluate("seed000_hebei_heavy_industry_share")
    assert r.figures["rank"] == rank and r.figures["industry_share_pct"] == pytest.approx(
        share["Hebei"])
    assert r.verdict == (SUPPORTED if rank <= claims.TOP_RANK else NOT_SUPPORTED)
    p = claims.evaluate("seed000_hebei_heavy_industry_products")
    assert p.figures["crude_steel_rank_2020"] == 1  # the newest year of the NBS panel
    assert p.verdict == SUPPORTED


def test_labour_productivity_against_plain_pandas():
    r = claims.evaluate("seed000_hebei_labour_productivity")
    emp = load("province_employment", regions="Hebei", years=2021,
               indicators=["emp_primary", "emp_secondary", "emp_tertiary"])
    gdp = load("province_gdp", regions="Hebei", indicators="gdp", years=2021)["value"].iloc[0]
    nat = load("national_gdp", vintage="nbs_post5th_2025-03", indicators="gdp", years=2021)
    ne = load("national_employment", vintage="csy2025", indicators="emp_total", years=2021)
    hebei = gdp / emp["value"].sum()
    china = nat["value"].iloc[0] / ne["value"].iloc[0]
    assert r.figures["gdp_per_worker_hebei"] == pytest.approx(hebei)
    assert r.figures["gdp_per_worker_china"] == pytest.approx(china)
    assert r.verdict == (SUPPORTED if hebei < china else NOT_SUPPORTED)
    assert "flagged doubtful" in r.reason  # Hebei's 2018-2019 farm employment


def test_services_and_totals_on_real_data():
    w = _gdp_wide().xs(2024, level="year")
    s3 = 100 * w["va_tertiary"] / w["gdp"]
    r = claims.evaluate("seed000_hebei_services_lag")
    assert r.figures["beijing_tertiary_pct"] == pytest.approx(s3["Beijing"])
    assert r.verdict == SUPPORTED
    en = load("energy_consumption", years=2019).set_index("region")["value"].dropna()
    e = claims.evaluate("seed000_hebei_resource_consumption_top")
    assert e.figures["rank"] == int((en > en["Hebei"]).sum()) + 1
    assert claims.evaluate("seed000_hebei_steel_rank").verdict == SUPPORTED


# ------------------------------------------------------------------------------------------
# Synthetic tables: verdicts flip
# ------------------------------------------------------------------------------------------
def _frame(rows) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=["region", "year", "indicator", "value", "vintage", "flag"])
    return df


def _install(monkeypatch, tables: dict[str, pd.DataFrame]) -> None:
    def as_list(x):
        return [x] if isinstance(x, str | int) else list(x)

    def fake_load(name, *, regions=None, years=None, indicators=None, vintage=None, **_):
        df = tables[name].copy()
        for col, want in (("region", regions), ("indicator", indicators), ("vintage", vintage)):
            if want is not None:
                df = df[df[col].isin(as_list(want))]
        if years is not None:
            df = df[df["year"].between(*years) if isinstance(years, tuple)
                    else df["year"].isin(as_list(years))]
        return df.reset_index(drop=True)

    monkeypatch.setattr(claims, "load", fake_load)


def _sectors(secondary: float, tertiary: float) -> dict[str, pd.DataFrame]:
    rows = [("Hebei", y, ind, v, "new", "") for y in (2016, 2017)
            for ind, v in (("va_primary", 10.0), ("va_secondary", secondary),
                           ("va_tertiary", tertiary))]
    old = [("Hebei", 2001, ind, v, "csy2002_first_print", "")
           for ind, v in (("gdp", 100.0), ("va_secondary", 50.0), ("va_tertiary", 35.0))]
    return {"province_gdp": _frame(rows), "province_gdp_vintages": _frame(old)}


def test_secondary_dominant_flips(monkeypatch):
    _install(monkeypatch, _sectors(60.0, 30.0))
    r = claims.evaluate("seed000_hebei_secondary_dominant")
    assert r.verdict == SUPPORTED and r.figures["secondary_2016_pct"] == pytest.approx(60.0)
    _install(monkeypatch, _sectors(30.0, 60.0))
    r = claims.evaluate("seed000_hebei_secondary_dominant")
    assert r.verdict == NOT_SUPPORTED
    assert "2001 secondary larger (csy2002_first_print)" in r.reason  # read in its own vintage


def _steel(hebei: float) -> dict[str, pd.DataFrame]:
    rows = [(r, 2020, "crude_steel_output", v, "nbs_monthly_dec_ytd", "") for r, v in
            (("Hebei", hebei), ("A", 40.0), ("B", 30.0), ("C", 20.0))]
    rows.append(("Hebei", 2019, "crude_steel_output", 99.0, "nbs_monthly_dec_ytd", ""))
    return {"province_industrial_products": _frame(rows)}


def test_steel_rank_flips(monkeypatch):
    _install(monkeypatch, _steel(50.0))
    assert claims.evaluate("seed000_hebei_steel_rank").verdict == SUPPORTED
    _install(monkeypatch, _steel(10.0))  # rank 4 > TOP_PRODUCT_RANK
    r = claims.evaluate("seed000_hebei_steel_rank")
    assert r.verdict == NOT_SUPPORTED and r.figures["rank"] == 4  # the last year, not 2019
    assert "crude steel 2020" in r.reason


def _energy(hebei: float, flag: str = "") -> dict[str, pd.DataFrame]:
    rows = [(r, 2019, "energy_consumption", v, "v", flag if r == "Hebei" else "")
            for r, v in [("Hebei", hebei)] + [(f"P{i}", 10.0 * i) for i in range(1, 7)]]
    return {"energy_consumption": _frame(rows)}


def test_top_total_flips_and_refuses_a_doubtful_figure(monkeypatch):
    cid = "seed000_hebei_resource_consumption_top"
    _install(monkeypatch, _energy(100.0))
    assert claims.evaluate(cid).verdict == SUPPORTED
    _install(monkeypatch, _energy(5.0))  # smallest of seven: rank 7
    assert claims.evaluate(cid).verdict == NOT_SUPPORTED
    _install(monkeypatch, _energy(100.0, flag="suspicious"))
    r = claims.evaluate(cid)
    assert r.verdict == claims.TOO_LITTLE and "Hebei 2019" in r.reason


def _productivity(hebei_gdp: float, flag_2021: str) -> dict[str, pd.DataFrame]:
    gdp = [("Hebei", y, "gdp", hebei_gdp, "new", "") for y in (2020, 2021)]
    gdp += [("Hebei", y, "gdp_per_capita", 1.0, "new", "") for y in (2020, 2021)]
    gdp += [("Other", y, "gdp_per_capita", 2.0, "new", "") for y in (2020, 2021)]
    emp = [("Hebei", y, ind, 10.0, "e", flag_2021 if y == 2021 else "") for y in (2020, 2021)
           for ind in ("emp_primary", "emp_secondary", "emp_tertiary")]
    nat = [("China", y, "gdp", 1000.0, "nbs_post5th_2025-03", "") for y in (2020, 2021)]
    ne = [("China", y, "emp_total", 100.0, "csy2025", "") for y in (2020, 2021)]
    return {"province_gdp": _frame(gdp), "province_employment": _frame(emp),
            "national_gdp": _frame(nat), "national_employment": _frame(ne)}


def test_labour_productivity_flips_and_skips_doubtful_years(monkeypatch):
    cid = "seed000_hebei_labour_productivity"
    _install(monkeypatch, _productivity(150.0, ""))  # 150 / 30 = 5 < 1000 / 100 = 10
    r = claims.evaluate(cid)
    assert r.verdict == SUPPORTED and r.figures["gdp_per_worker_hebei"] == pytest.approx(5.0)
    assert "(10k yuan, 2021" in r.reason
    _install(monkeypatch, _productivity(600.0, ""))  # 20 > 10
    assert claims.evaluate(cid).verdict == NOT_SUPPORTED
    _install(monkeypatch, _productivity(150.0, "suspicious"))
    r = claims.evaluate(cid)
    assert "(10k yuan, 2020" in r.reason and "flagged doubtful, not used: 2021" in r.reason


@pytest.mark.parametrize("cid", IDS)
def test_every_seed000_reason_is_one_line(cid):
    r = claims.evaluate(cid)
    assert r.reason.strip() and "\n" not in r.reason


# ------------------------------------------------------------------------------------------
# Section 3.2: coastal against inland cities, recomputed with plain pandas
# ------------------------------------------------------------------------------------------
def _city_gdp() -> pd.DataFrame:
    g = load("hebei_city_gdp", indicators="gdp")
    return g.pivot_table(index="region", columns="year", values="value")


def test_coastal_growth_groups_match_plain_pandas():
    wide = _city_gdp()
    r = claims.evaluate("seed000_coastal_growth_groups")
    for a, b in ((2000, 2018), (2019, 2023)):  # the series breaks in 2019 (flag series_break)
        trio = wide.loc[["Qinhuangdao", "Tangshan", "Cangzhou"], [a, b]].sum()
        pair = wide.loc[["Xingtai", "Handan"], [a, b]].sum()
        g_trio = 100 * ((trio[b] / trio[a]) ** (1 / (b - a)) - 1)
        g_pair = 100 * ((pair[b] / pair[a]) ** (1 / (b - a)) - 1)
        assert r.figures[f"coastal_{a}_{b}_pct"] == pytest.approx(g_trio)
        assert r.figures[f"xingtai_handan_{a}_{b}_pct"] == pytest.approx(g_pair)
        assert g_trio > g_pair
    assert "2019->2020" not in r.reason and "2018-2019" not in r.reason  # never across


def test_coastal_growth_each_city_fails_on_a_named_pair():
    wide = _city_gdp()
    slower = []
    for a, b in ((2000, 2018), (2019, 2023)):
        rate = 100 * ((wide[b] / wide[a]) ** (1 / (b - a)) - 1)
        slower += [(x, y) for x in ("Qinhuangdao", "Tangshan", "Cangzhou")
                   for y in ("Xingtai", "Handan") if not rate[x] > rate[y]]
    assert slower  # some coastal city did not outgrow a southern one
    assert claims.evaluate("seed000_coastal_growth_each_city").verdict == NOT_SUPPORTED


def test_coastal_level_matches_plain_pandas():
    wide = _city_gdp()
    pop = load("city_census_population", indicators="pop_census", years=2020)
    pop = pop[pop["province"] == "Hebei"].set_index("region")["value"]
    gdp = wide[2020].reindex(pop.index)
    anchors = load("hebei_city_gdp_anchors", indicators="gdp", vintage="city_list_2021",
                   years=2020).set_index("region")["value"]
    gdp = gdp.fillna(anchors)  # Baoding's 2020, left out of the compilation
    per = gdp * 1e8 / pop
    r = claims.evaluate("seed000_coastal_development_level")
    assert r.figures["median_yuan"] == pytest.approx(per.median())
    assert r.figures["qinhuangdao_yuan"] == pytest.approx(per["Qinhuangdao"])
    assert all(per[c] > per.median() for c in ("Qinhuangdao", "Tangshan", "Cangzhou"))
    assert r.verdict == SUPPORTED


def test_steel_rank_and_share_match_plain_pandas():
    st = load("province_industrial_products", indicators="crude_steel_output",
              vintage="nbs_monthly_dec_ytd", years=2020).set_index("region")["value"]
    r = claims.evaluate("seed000_hebei_steel_rank")
    assert r.figures["share_pct"] == pytest.approx(100 * st["Hebei"] / st.sum())
    assert r.figures["rank"] == int((st > st["Hebei"]).sum()) + 1


def test_expressway_fact_against_the_transport_table():
    tr = load("jjj_transport_length", regions="Hebei", indicators="expressway_length")
    last = tr[tr["year"] == tr["year"].max()]
    r = claims.evaluate("seed000_hebei_expressway_length")
    assert r.figures["expressway_km"] == pytest.approx(1e4 * last["value"].max())
    assert r.figures["expressway_km"] > 1000 and r.verdict == SUPPORTED

"""Lesson 01 (notebooks/01_hebei_structure.ipynb): shape, key numbers, reruns for other regions.

The key numbers the lesson prints come from kit helpers (``structure.sector_shares``,
``regions.rank_of``, ``volume_index``, ``revisions``, ``structure.relative_labour_productivity``).
Each is recomputed here twice: through the helper, and independently with plain pandas straight
from ``helpers.data.load``; the two must agree. Two end-to-end checks then make sure the cells
marked ``# NBVAL_CHECK_OUTPUT`` (kept outputs, re-checked by nbval on every run) print exactly
what the helpers compute, formatted the same way.
"""

from __future__ import annotations

import json
import re

import papermill as pm
import pytest

from conftest import KIT_ROOT
from helpers import revisions, volume_index
from helpers.data import load
from helpers.regions import rank_of
from helpers.structure import relative_labour_productivity, sector_shares

NB = KIT_ROOT / "notebooks" / "01_hebei_structure.ipynb"
PARAMS = {"language", "region", "comparison_regions", "start_year", "end_year"}
SECTORS = ["va_primary", "va_secondary", "va_tertiary"]


def _cells(nb: dict) -> list[dict]:
    return nb["cells"]


def _src(cell: dict) -> str:
    return "".join(cell["source"])


def _text(cell: dict) -> str:
    """All text a cell shows: stdout, Markdown and HTML outputs."""
    parts = []
    for o in cell.get("outputs", []):
        if o["output_type"] == "stream":
            parts.append("".join(o["text"]))
        for mime in ("text/markdown", "text/html", "text/plain"):
            if mime in o.get("data", {}):
                parts.append("".join(o["data"][mime]))
                break
    return "\n".join(parts)


def _checked_output(nb: dict) -> str:
    return "\n".join(_text(c) for c in _cells(nb) if "NBVAL_CHECK_OUTPUT" in _src(c))


def _headline(nb: dict) -> str:
    (cell,) = [c for c in _cells(nb) if "headline" in c["metadata"].get("tags", [])]
    return _text(cell)


# ---------------------------------------------------------------- the lesson's numbers, twice
def _helper_shares(region: str, start: int, end: int) -> dict[str, float]:
    """As the lesson computes them: sector_shares of province_gdp, rank_of industry's share."""
    g = load("province_gdp", years=(start, end))
    sh = sector_shares(g[g["indicator"].isin(SECTORS)]).pivot(
        index=["region", "year"], columns="measure", values="value")
    w = g.pivot(index=["region", "year"], columns="indicator", values="value")
    industry = (100 * w["va_industry"] / w["gdp"]).xs(end, level="year")
    return {"s2_start": sh.loc[(region, start), "share_secondary"],
            "s2_end": sh.loc[(region, end), "share_secondary"],
            "s3_end": sh.loc[(region, end), "share_tertiary"],
            "ind_end": industry[region], "ind_rank": rank_of(industry, region),
            "n": sh.index.get_level_values("region").nunique()}


def _plain_shares(region: str, start: int, end: int) -> dict[str, float]:
    g = load("province_gdp")
    w = g[g["indicator"] != "gdp_per_capita"].pivot(index=["region", "year"],
                                                    columns="indicator", values="value")

    def share(year, part):
        row = w.loc[(region, year)]
        return 100 * row[part] / sum(row[s] for s in SECTORS)

    ind = (w["va_industry"] / w["gdp"]).xs(end, level="year").dropna()
    return {"s2_start": share(start, "va_secondary"), "s2_end": share(end, "va_secondary"),
            "s3_end": share(end, "va_tertiary"), "ind_end": 100 * ind[region],
            "ind_rank": int((ind > ind[region]).sum()) + 1,
            "n": w.xs(end, level="year")["gdp"].notna().sum()}


def _helper_growth(region: str, start: int, end: int) -> tuple[float, float]:
    gi = load("province_gdp_index", indicators="gdp_index_prev_year_100").pivot(
        index="year", columns="region", values="value")
    chain = volume_index.chain_index(gi, start, end)
    return (chain.loc[end, region] - 100,
            volume_index.average_annual_growth(chain, start, end)[region])


def _helper_census(region: str) -> tuple[int, float, float, float, float, float, float]:
    v = load("province_gdp_vintages", regions=region, indicators="gdp")
    cols = revisions.vintage_columns(v, ["nbs_original_2018-12", "nbs_pre5th_4threvised",
                                         "nbs_post5th_2026-03"])
    rev5 = revisions.revision(cols["nbs_pre5th_4threvised"], cols["nbs_post5th_2026-03"])
    rev4 = revisions.revision(cols["nbs_original_2018-12"], cols["nbs_pre5th_4threvised"])
    y1 = int(rev5.index.max())
    return (y1, rev5.loc[y1, "old"], rev5.loc[y1, "new"], rev5.loc[y1, "gap"],
            rev5.loc[y1, "gap_pct"], rev4["gap_pct"].min(), rev4["gap_pct"].max())


def _pc(region: str, year: int) -> tuple[float, int, int]:
    g = load("province_gdp", indicators="gdp_per_capita", years=year).set_index("region")["value"]
    return g[region], rank_of(g, region), len(g)


@pytest.mark.parametrize(("region", "start", "end"), [("Hebei", 2016, 2024),
                                                      ("Shandong", 2018, 2023)])
def test_shares_from_helpers_equal_plain_pandas(region, start, end):
    got, want = _helper_shares(region, start, end), _plain_shares(region, start, end)
    for key in ("s2_start", "s2_end", "s3_end", "ind_end"):
        assert got[key] == pytest.approx(want[key], rel=1e-9), key
    assert got["ind_rank"] == want["ind_rank"] and got["n"] == want["n"] == 31


def test_real_growth_from_helpers_equals_a_plain_product():
    gi = load("province_gdp_index", regions="Hebei", indicators="gdp_index_prev_year_100")
    factors = gi.set_index("year")["value"].loc[2017:2024] / 100
    total = 100 * factors.prod()
    real, avg = _helper_growth("Hebei", 2016, 2024)
    assert real == pytest.approx(total - 100)
    assert avg == pytest.approx(100 * ((total / 100) ** (1 / 8) - 1))


def test_census_revision_from_helpers_equals_plain_pandas():
    y1, old, new, gap, pct, lo4, hi4 = _helper_census("Hebei")
    v = load("province_gdp_vintages", regions="Hebei", indicators="gdp")
    by = v.pivot(index="year", columns="vintage", values="value")
    assert y1 == 2023
    assert old == by.loc[2023, "nbs_pre5th_4threvised"]
    assert new == by.loc[2023, "nbs_post5th_2026-03"]
    assert gap == pytest.approx(new - old) and pct == pytest.approx(100 * (new - old) / old)
    r4 = (100 * (by["nbs_pre5th_4threvised"] / by["nbs_original_2018-12"] - 1)).dropna()
    assert (lo4, hi4) == (pytest.approx(r4.min()), pytest.approx(r4.max()))


def test_gdp_per_person_rank_equals_counting():
    pc, rank, n = _pc("Hebei", 2024)
    g = load("province_gdp", indicators="gdp_per_capita", years=2024).set_index("region")["value"]
    assert rank == int((g > g["Hebei"]).sum()) + 1 and n == 31


def test_relative_productivity_from_helper_matches_formula():
    """R_i = (Y_i / Y) / (L_i / L), computed by hand from the two tables for 2021."""
    out = load("province_gdp", regions="Hebei", indicators=SECTORS, years=(2016, 2024))
    emp = load("province_employment", regions="Hebei")
    rlp = relative_labour_productivity(out, emp).dropna(subset=["value"])
    assert int(rlp["year"].max()) == 2021
    got = rlp[rlp["year"] == 2021].set_index("measure")["value"]
    va = out[out["year"] == 2021].set_index("indicator")["value"]
    lab = emp[emp["year"] == 2021].set_index("indicator")["value"]
    for s in ("primary", "secondary", "tertiary"):
        want = (va[f"va_{s}"] / va[SECTORS].sum()) / (
            lab[f"emp_{s}"] / lab[[f"emp_{x}" for x in ("primary", "secondary", "tertiary")]].sum())
        assert got[f"rlp_{s}"] == pytest.approx(want), s


# ---------------------------------------------------------------- stored notebook
def test_parameters_cell_and_validation_follow_it():
    nb = json.loads(NB.read_text())
    cells = _cells(nb)
    (i,) = [k for k, c in enumerate(cells) if "parameters" in c["metadata"].get("tags", [])]
    assert set(re.findall(r"^(\w+)\s*=", _src(cells[i]), flags=re.M)) == PARAMS
    assert "start_lesson(globals(), SPEC)" in _src(cells[i + 1])
    # the headline is a catalogue sentence filled from data (so that it follows the region)
    (head,) = [c for c in cells if "headline" in c["metadata"].get("tags", [])]
    assert 'say("l01_headline"' in _src(head)
    # seed 000's statements are the registry's, shown with the claims table
    assert any('claims_explorer(document="000"' in _src(c) for c in cells)


def test_kept_outputs_print_what_the_helpers_compute():
    """End to end: the stored NBVAL_CHECK_OUTPUT text holds the helpers' numbers, formatted as
    the lesson formats them (nbval then checks a fresh run against this text)."""
    out = _checked_output(json.loads(NB.read_text()))
    s = _helper_shares("Hebei", 2016, 2024)
    assert (f"Hebei, secondary share of GDP: 2016 {s['s2_start']:.1f}%, 2024 {s['s2_end']:.1f}%"
            in out)
    assert (f"Hebei, industry share of GDP 2024: {s['ind_end']:.1f}% (rank {s['ind_rank']} of "
            f"{s['n']})" in out)
    real, avg = _helper_growth("Hebei", 2016, 2024)
    assert f"Hebei, real GDP 2016-2024: {real:+.1f}% ({avg:.1f}% a year)" in out
    pc, rank, n = _pc("Hebei", 2024)
    assert f"Hebei, GDP per person 2024: {pc:,.0f} yuan (rank {rank} of {n})" in out
    y1, old, new, gap, pct, lo4, hi4 = _helper_census("Hebei")
    assert (f"Hebei, 5th-census revision of {y1} GDP: {old:,.1f} -> {new:,.1f} ({gap:+,.1f}, "
            f"{pct:+.2f}%)" in out)
    assert f"Hebei, 4th-census revision 2004-2017: {lo4:+.1f}% to {hi4:+.1f}%" in out


# ---------------------------------------------------------------- reruns (papermill)
def _run(tmp_path, name: str, **params) -> dict:
    out = tmp_path / f"{name}.ipynb"
    pm.execute_notebook(str(NB), str(out), parameters=params, kernel_name="python3",
                        cwd=str(NB.parent), progress_bar=False, log_output=False)
    nb = json.loads(out.read_text())
    errors = [o for c in nb["cells"] for o in c.get("outputs", []) if o["output_type"] == "error"]
    assert not errors
    stderr = [o for c in nb["cells"] for o in c.get("outputs", [])
              if o["output_type"] == "stream" and o["name"] == "stderr"]
    assert not stderr, stderr[:2]
    return nb


@pytest.mark.slow
def test_rerun_for_shandong_follows_the_region(tmp_path):
    nb = _run(tmp_path, "shandong", region="Shandong", start_year=2018)
    head = _headline(nb)
    assert "Shandong" in head and "Hebei" not in head
    out = _checked_output(nb)
    s = _helper_shares("Shandong", 2018, 2024)
    assert (f"Shandong, secondary share of GDP: 2018 {s['s2_start']:.1f}%, 2024 "
            f"{s['s2_end']:.1f}%" in out)
    y1, old, new, *_ = _helper_census("Shandong")
    assert f"Shandong, 5th-census revision of {y1} GDP: {old:,.1f} -> {new:,.1f}" in out
    # Hebei is now a comparison region, drawn in the comparison charts
    assert "Hebei" in "\n".join(_text(c) for c in nb["cells"])


@pytest.mark.slow
def test_rerun_in_chinese_for_a_province_with_gaps(tmp_path):
    """Tibet has no employment, energy or SO2 data: the notebook says so and carries on; in
    Chinese the headline and figure descriptions are Chinese."""
    nb = _run(tmp_path, "tibet_zh", region="Tibet", language="zh")
    head = _headline(nb)
    assert "西藏" in head and "河北" not in head and "Tibet" not in head
    text = "\n".join(_text(c) for c in nb["cells"])
    assert "西藏没有就业数据" in text
    assert "西藏没有能源消费数据" in text
    assert "折线图" in text  # figure alt text in Chinese
    assert "种子论文的表述针对河北" in text  # the claims are Hebei's whatever the region


@pytest.mark.slow
@pytest.mark.parametrize(
    ("params", "names"),
    [
        ({"region": "Hebie"}, ["region", "'Hebei'"]),
        ({"start_year": 2020, "end_year": 2019}, ["start_year", "end_year"]),
        ({"start_year": 2012}, ["start_year", "2016..2024"]),
        ({"comparison_regions": ["Hebei"]}, ["comparison_regions", "region"]),
        ({"regoin": "Shandong"}, ["regoin", "'region'"]),
    ],
)
def test_bad_parameters_fail_with_a_clear_message(tmp_path, params, names):
    with pytest.raises(pm.PapermillExecutionError) as err:
        pm.execute_notebook(str(NB), str(tmp_path / "bad.ipynb"), parameters=params,
                            kernel_name="python3", cwd=str(NB.parent), progress_bar=False,
                            log_output=False)
    assert err.value.ename == "ParameterError"
    for name in names:
        assert name in err.value.evalue


def test_the_census_sentence_matches_the_vintages():
    """Section 5's 'What to notice' counts the provinces the 4th census cut (issue 15: a
    comparative word stands on the data beside it)."""
    from helpers.data import load

    v = load("province_gdp_vintages", indicators="gdp")
    p = v.pivot_table(index=["region", "year"], columns="vintage", values="value")
    cut = (p["nbs_pre5th_4threvised"] < p["nbs_original_2018-12"]).groupby("year").sum()
    both = p[["nbs_pre5th_4threvised", "nbs_original_2018-12"]].dropna().groupby("year").size()
    early, late = cut.loc[2004:2014], cut.loc[2015:2017]
    nb = json.loads(NB.read_text(encoding="utf-8"))
    text = "".join(_src(c) for c in nb["cells"] if c["cell_type"] == "markdown")
    assert set(both.loc[2004:2017]) == {31}
    assert (f"{early.min()} to {early.max()} of the 31 in each year 2004-2014; "
            f"{late.min()} to {late.max()} in 2015-2017") in text
    assert (early > 15.5).all()  # "most provinces" holds in each of those years

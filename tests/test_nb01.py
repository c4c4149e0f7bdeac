"""Lesson 01 (notebooks/01_hebei_structure.ipynb): shape, key numbers, reruns for other regions.

The key numbers the notebook prints (cells marked ``# NBVAL_CHECK_OUTPUT``, whose outputs are
kept and re-checked by nbval on every run) are recomputed here independently, straight from
``helpers.data.load`` with plain pandas, so a wrong formula in the notebook or in a helper fails
here even though nbval would happily compare a wrong number with itself.
"""

from __future__ import annotations

import json
import re

import papermill as pm
import pytest

from conftest import KIT_ROOT
from helpers.data import load

NB = KIT_ROOT / "notebooks" / "01_hebei_structure.ipynb"
PARAMS = {"language", "region", "comparison_regions", "start_year", "end_year"}


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


def _num(pattern: str, text: str) -> tuple[float, ...]:
    m = re.search(pattern, text)
    assert m, f"pattern {pattern!r} not found in:\n{text}"
    return tuple(float(g.replace(",", "")) for g in m.groups())


# ---------------------------------------------------------------- independent computations
def _wide():
    g = load("province_gdp")
    return g[g["indicator"] != "gdp_per_capita"].pivot(
        index=["region", "year"], columns="indicator", values="value")


def _secondary_share(wide, region: str, year: int) -> float:
    row = wide.loc[(region, year)]
    return 100 * row["va_secondary"] / row["gdp"]


def _industry_rank(wide, region: str, year: int) -> int:
    share = (wide["va_industry"] / wide["gdp"]).xs(year, level="year").dropna()
    return int((share > share[region]).sum()) + 1


def _census_gap(region: str, year: int) -> tuple[float, float]:
    v = load("province_gdp_vintages", regions=[region], indicators=["gdp"], years=(year, year))
    by = v.set_index("vintage")["value"]
    return by["nbs_pre5th_4threvised"], by["nbs_post5th_2026-03"]


def _pc_rank(region: str, year: int) -> int:
    g = load("province_gdp", indicators=["gdp_per_capita"], years=(year, year))
    pc = g.set_index("region")["value"]
    return int((pc > pc[region]).sum()) + 1


# ---------------------------------------------------------------- fast checks (stored notebook)
def test_parameters_cell_and_validation_follow_it():
    nb = json.loads(NB.read_text())
    cells = _cells(nb)
    (i,) = [k for k, c in enumerate(cells) if "parameters" in c["metadata"].get("tags", [])]
    assigned = set(re.findall(r"^(\w+)\s*=", _src(cells[i]), flags=re.M))
    assert assigned == PARAMS
    assert "check_params(globals(), SPEC)" in _src(cells[i + 1])
    # the headline is generated from data (so that it follows the region)
    assert "show_md(tx(\"headline\"" in "".join(_src(c) for c in cells
                                                if "headline" in c["metadata"].get("tags", []))


def test_stored_key_numbers_equal_independent_computation():
    """The kept outputs (checked against a fresh run by nbval) equal a plain-pandas computation."""
    nb = json.loads(NB.read_text())
    out = _checked_output(nb)
    wide = _wide()
    s_start, s_end = _num(r"Hebei, secondary share of GDP: 2016 ([\d.]+)%, 2024 ([\d.]+)%", out)
    assert s_start == pytest.approx(_secondary_share(wide, "Hebei", 2016), abs=0.051)
    assert s_end == pytest.approx(_secondary_share(wide, "Hebei", 2024), abs=0.051)
    ind, rank, n = _num(r"industry share of GDP 2024: ([\d.]+)% \(rank (\d+) of (\d+)\)", out)
    assert ind == pytest.approx(100 * wide.loc[("Hebei", 2024), "va_industry"]
                                / wide.loc[("Hebei", 2024), "gdp"], abs=0.051)
    assert rank == _industry_rank(wide, "Hebei", 2024)
    assert n == wide.index.get_level_values("region").nunique()
    old, new, gap, pct = _num(r"revision of 2023 GDP: ([\d,.]+) -> ([\d,.]+) \(\+([\d,.]+), "
                              r"\+([\d.]+)%\)", out)
    want_old, want_new = _census_gap("Hebei", 2023)
    assert (old, new) == (want_old, want_new)
    assert gap == pytest.approx(want_new - want_old, abs=0.051)
    assert pct == pytest.approx(100 * (want_new / want_old - 1), abs=0.0051)
    (pc_rank,) = _num(r"GDP per person 2024: [\d,]+ yuan \(rank (\d+) of 31\)", out)
    assert pc_rank == _pc_rank("Hebei", 2024)


def test_relative_productivity_printed_matches_formula():
    """R_i = (Y_i / Y) / (L_i / L), computed by hand from the two tables for 2021."""
    nb = json.loads(NB.read_text())
    r1, r2, r3 = _num(r"relative labour productivity 2021: primary ([\d.]+), secondary "
                      r"([\d.]+), tertiary ([\d.]+)", _checked_output(nb))
    va = load("province_gdp", regions=["Hebei"], years=(2021, 2021)).set_index("indicator")["value"]
    emp = load("province_employment", regions=["Hebei"], years=(2021, 2021)).set_index(
        "indicator")["value"]
    y = [va[f"va_{s}"] for s in ("primary", "secondary", "tertiary")]
    lab = [emp[f"emp_{s}"] for s in ("primary", "secondary", "tertiary")]
    want = [(yi / sum(y)) / (li / sum(lab)) for yi, li in zip(y, lab, strict=True)]
    assert (r1, r2, r3) == pytest.approx(want, abs=0.0051)


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
    wide = _wide()
    s_start, s_end = _num(r"Shandong, secondary share of GDP: 2018 ([\d.]+)%, 2024 ([\d.]+)%", out)
    assert s_start == pytest.approx(_secondary_share(wide, "Shandong", 2018), abs=0.051)
    assert s_end == pytest.approx(_secondary_share(wide, "Shandong", 2024), abs=0.051)
    old, new = _num(r"Shandong, 5th-census revision of 2023 GDP: ([\d,.]+) -> ([\d,.]+)", out)
    assert (old, new) == _census_gap("Shandong", 2023)
    # Hebei is now a comparison region, drawn in the comparison charts
    alts = "\n".join(_text(c) for c in nb["cells"])
    assert "Hebei" in alts


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

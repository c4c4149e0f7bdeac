"""Notebook 02: its key numbers come from the kit's helpers and agree with plain pandas; the
kept (nbval-checked) outputs print what the helpers compute; with non-default parameters the
text follows the parameters, and a bad parameter stops the run with one message naming it and
the allowed values."""

from __future__ import annotations

import json

import numpy as np
import papermill as pm
import pytest

from conftest import KIT_ROOT
from helpers.bohai_shares import bohai_shares, share_of_total
from helpers.claims import verdict_counts
from helpers.data import load
from helpers.structure import measure_frame, step_changes, structure_measures

NB = KIT_ROOT / "notebooks" / "02_bohai_rim.ipynb"
FIVE = ["Beijing", "Tianjin", "Hebei", "Liaoning", "Shandong"]  # the default `regions`
SECTORS = ("primary", "secondary", "tertiary")


@pytest.fixture(scope="module")
def theil():
    gdp = load("province_gdp")
    out = gdp[gdp["indicator"].isin([f"va_{s}" for s in SECTORS])]
    return measure_frame(structure_measures(out, load("province_employment")),
                         "theil_rationalization", (2016, 2024))


def _kept_text(marker: str) -> str:
    """The stored output of the kept (NBVAL_CHECK_OUTPUT) cell whose source contains marker."""
    nb = json.loads(NB.read_text())
    cells = [c for c in nb["cells"] if c["cell_type"] == "code"
             and "NBVAL_CHECK_OUTPUT" in "".join(c["source"]) and marker in "".join(c["source"])]
    assert len(cells) == 1, marker
    return "".join(_text(o) for o in cells[0]["outputs"])


# ------------------------------------------------------------ key numbers: helpers vs pandas
def test_theil_index_of_the_five_equals_plain_pandas(theil):
    gdp, emp = load("province_gdp"), load("province_employment")
    for region in FIVE:
        for year in (2018, 2019, 2020, 2021):
            y = np.array([gdp[(gdp["region"] == region) & (gdp["year"] == year)
                              & (gdp["indicator"] == f"va_{s}")]["value"].item() for s in SECTORS])
            e = np.array([emp[(emp["region"] == region) & (emp["year"] == year)
                              & (emp["indicator"] == f"emp_{s}")]["value"].item() for s in SECTORS])
            y, e = y / y.sum(), e / e.sum()
            got = theil[(theil["region"] == region) & (theil["year"] == year)]["value"].item()
            assert got == pytest.approx(float((y * np.log(y / e)).sum()), rel=1e-12)


def test_theil_steps_fell_and_rose(theil):
    ch = step_changes(theil, FIVE, [(2018, 2019), (2020, 2021)])
    for region in FIVE:
        s = theil[theil["region"] == region].set_index("year")["value"]
        assert ch.loc[region].tolist() == pytest.approx([s[2019] - s[2018], s[2021] - s[2020]])


def test_exercise_2_gdp_share_equals_plain_pandas():
    gdp = load("province_gdp", indicators="gdp")
    g = gdp[gdp["year"] == 2023]
    expected = 100 * g[g["region"].isin(FIVE)]["value"].sum() / g["value"].sum()
    assert share_of_total(gdp, FIVE, indicator="gdp", year=2023) == pytest.approx(expected)


# ------------------------------------------------- end to end: the kept outputs, the helpers
def test_kept_outputs_print_the_helpers_numbers(theil):
    s = bohai_shares()
    text = _kept_text("five provinces: area")
    assert (f"area {s.area:.2f}%, population {s.population:.2f}% ({s.population_year}), "
            f"GDP 2023 {s.gdp:.2f}%") in text
    assert f"GDP 2023 {s.gdp_coastal_low:.1f}-{s.gdp_coastal_high:.1f}%" in text
    text = _kept_text('"Theil"')
    for region in FIVE:
        v = theil[theil["region"] == region].set_index("year")["value"]
        assert f"{region} Theil 2018: {v[2018]:.4f}, 2019: {v[2019]:.4f}" in text
    assert f"seed 004 verdicts: {verdict_counts('004')}" in _kept_text("seed 004 verdicts")


def _outputs(path):
    nb = json.loads(path.read_text())
    for c in nb["cells"]:
        yield from c.get("outputs", [])


def _text(o) -> str:
    if o.get("output_type") == "stream":
        return "".join(o.get("text", ""))
    data = o.get("data", {})
    return "".join(data.get("text/markdown", "")) + "".join(data.get("text/plain", ""))


@pytest.mark.slow
def test_runs_in_chinese_for_other_provinces(tmp_path):
    out = tmp_path / "out.ipynb"
    pm.execute_notebook(
        str(NB), str(out), kernel_name="python3", cwd=str(NB.parent), progress_bar=False,
        parameters={"language": "zh", "regions": ["Jiangsu", "Zhejiang"], "start_year": 2018,
                    "end_year": 2021, "measure": "advancement_angle"},
    )
    outs = list(_outputs(out))
    assert not [o for o in outs if o.get("output_type") == "error"]
    assert not [o for o in outs if o.get("name") == "stderr" and "warn" in _text(o).lower()]
    text = "\n".join(_text(o) for o in outs)
    assert "江苏" in text and "泰尔指数" in text  # key sentences follow region and language
    assert "Jiangsu Theil 2018" in text          # key numbers printed for the chosen regions
    assert "Beijing Theil" not in text


@pytest.mark.slow
def test_bad_parameters_fail_with_one_clear_message(tmp_path):
    out = tmp_path / "bad.ipynb"
    with pytest.raises(pm.PapermillExecutionError) as info:
        pm.execute_notebook(
            str(NB), str(out), kernel_name="python3", cwd=str(NB.parent), progress_bar=False,
            parameters={"regions": ["Hebi"], "start_year": 2024, "end_year": 2016},
        )
    msg = str(info.value)
    assert "regions" in msg and "Hebei" in msg           # close match suggested
    assert "start_year" in msg and "end_year" in msg     # order rule named


def test_whats_next_rerun_command_is_accepted(tmp_path):
    """The rerun command the lesson's "What's next" gives parses and plans one run."""
    import re
    import shlex
    import subprocess
    import sys

    nb = json.loads(NB.read_text())
    md = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
    cmd = re.search(r"`(python -m helpers\.rerun [^`]+)`", md)
    assert cmd, "no rerun command in the lesson"
    args = shlex.split(cmd[1])[1:]  # drop "python"
    out = subprocess.run([sys.executable, *args, "--dry-run", "--reports-dir", str(tmp_path)],
                         cwd=KIT_ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "02_bohai_rim" in out.stdout and "Jiangsu" in out.stdout


def test_the_rd_intensity_sentence_matches_the_data():
    """'What to notice' compares Beijing's 2023 R&D intensity with the others' (issue 15: a
    comparative word stands on the data beside it)."""
    import json

    from helpers.data import load

    r = load("rd_inputs", indicators="rd_intensity_pct_gdp", years=2023).set_index("region")
    ratio = r.loc["Beijing", "value"] / r["value"]
    assert 1.75 <= ratio["Tianjin"] <= 2.25  # "about twice"
    assert f"{ratio['Shandong']:.1f} times Shandong's" in "".join(
        "".join(c["source"]) for c in json.loads(NB.read_text(encoding="utf-8"))["cells"])
    assert ratio["Liaoning"] >= 2.995 and ratio["Hebei"] >= 2.995  # "three times or more"

"""Tests for helpers.rerun: run planning (pure) and a real parallel sweep with one failing run."""

from __future__ import annotations

import csv
import hashlib
import shutil
from pathlib import Path

import nbformat
import pytest

from helpers import regions, rerun
from helpers.rerun import RerunError, expand_runs, plan_runs, resolve_notebook, slug

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture()
def nb_dir(tmp_path) -> Path:
    """A private notebooks folder holding copies of the fixture notebooks."""
    d = tmp_path / "notebooks"
    d.mkdir()
    for name in ("params_demo", "sweep_demo"):
        shutil.copy(FIXTURES / f"{name}.ipynb", d / f"{name}.ipynb")
    return d


def _hashes(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.glob("*.ipynb"))}


# ---------------------------------------------------------------- planning (no kernels)
def test_expand_grid_is_cartesian_product():
    runs = expand_runs({"language": "zh"}, ["region=Hebei,Beijing", "scale=1,2.5"])
    assert runs == [
        {"language": "zh", "region": "Hebei", "scale": 1},
        {"language": "zh", "region": "Hebei", "scale": 2.5},
        {"language": "zh", "region": "Beijing", "scale": 1},
        {"language": "zh", "region": "Beijing", "scale": 2.5},
    ]


def test_sweep_bohai_and_years():
    runs = expand_runs(sweep="bohai", years="2016-2020,2018-2024")
    bohai = regions.bohai_rim("provinces")
    assert len(bohai) == 5 and "Hebei" in bohai
    assert len(runs) == 10
    assert [r["region"] for r in runs[::2]] == bohai
    assert runs[0] == {"region": bohai[0], "start_year": 2016, "end_year": 2020}
    assert runs[1] == {"region": bohai[0], "start_year": 2018, "end_year": 2024}
    assert expand_runs(years="2019") == [{"start_year": 2019, "end_year": 2019}]


def test_no_axis_gives_one_run_with_fixed_values():
    assert expand_runs({"region": "Hebei"}) == [{"region": "Hebei"}]
    assert expand_runs() == [{}]


def test_grid_semicolon_gives_list_string():
    assert expand_runs(grids=["regions=Hebei;Beijing,Tianjin"]) == [
        {"regions": "Hebei,Beijing"}, {"regions": "Tianjin"}]


@pytest.mark.parametrize(("kwargs", "needle"), [
    ({"years": "2020-2016"}, "starts after it ends"),
    ({"years": "twenty"}, "cannot read 'twenty'"),
    ({"grids": ["region"]}, "write name=v1,v2"),
    ({"grids": ["region="]}, "no values"),
    ({"sweep": "bohia"}, "Did you mean 'bohai'"),
    ({"fixed": {"region": "Hebei"}, "sweep": "bohai"}, "'region' is set twice"),
])
def test_expand_rejects_bad_requests(kwargs, needle):
    with pytest.raises(RerunError, match=needle):
        expand_runs(**kwargs)


def test_resolve_value_matches_papermill_p():
    assert [rerun.resolve_value(v) for v in ["True", "None", "2015", "1.5", "Hebei", "2015-16"]] \
        == [True, None, 2015, 1.5, "Hebei", "2015-16"]


def test_slug_is_safe_distinct_and_bounded():
    a = slug({"region": "Inner Mongolia", "years": [2016, 2018]})
    assert a == "region-Inner-Mongolia_years-2016,2018"
    assert slug({}) == "defaults"
    assert slug({"x": "../../etc"}) == "x-..-..-etc"  # no path separators survive
    long1, long2 = slug({"r": "A" * 300}), slug({"r": "A" * 299 + "B"})
    assert len(long1) <= 150 and long1 != long2
    # file names are limited in bytes: a long Chinese value (3 bytes a character) fits too
    zh1, zh2 = slug({"r": "河北省" * 100}), slug({"r": "河北省" * 99 + "天津"})
    assert len(zh1.encode("utf-8")) <= 150 and zh1 != zh2 and zh1.startswith("r-河北省")


def test_unknown_notebook_lists_allowed_with_close_match(nb_dir):
    with pytest.raises(RerunError) as info:
        resolve_notebook("sweep_dmeo", nb_dir)
    msg = str(info.value)
    assert "Allowed: params_demo, sweep_demo" in msg and "Did you mean 'sweep_demo'" in msg
    assert resolve_notebook("sweep_demo.ipynb", nb_dir) == nb_dir / "sweep_demo.ipynb"


def test_lesson_number_resolves(tmp_path):
    (tmp_path / "01_hebei_structure.ipynb").write_text("{}")
    (tmp_path / "02_other.ipynb").write_text("{}")
    assert resolve_notebook("01", tmp_path).name == "01_hebei_structure.ipynb"


def test_misspelt_parameter_fails_before_launch_with_allowed_names(nb_dir, tmp_path):
    with pytest.raises(RerunError) as info:
        plan_runs(["sweep_demo"], [{"regoin": "Hebei"}], notebooks_dir=nb_dir,
                  reports_dir=tmp_path / "reports")
    assert "unknown parameter 'regoin' (did you mean 'region'?)" in str(info.value)
    assert "Allowed parameters: region, start_year, end_year" in str(info.value)
    assert not (tmp_path / "reports").exists()


def test_refuses_reports_inside_notebooks_dir(nb_dir):
    with pytest.raises(RerunError, match="inside the notebooks folder"):
        plan_runs(["sweep_demo"], [{}], notebooks_dir=nb_dir, reports_dir=nb_dir / "out")
    with pytest.raises(RerunError, match="inside the notebooks folder"):
        plan_runs(["sweep_demo"], [{}], notebooks_dir=nb_dir, reports_dir=nb_dir)


def test_all_mode_passes_each_notebook_only_its_parameters(nb_dir, tmp_path):
    runs, notes = plan_runs(None, [{"region": "Hebei", "scale": 2.0},
                                   {"region": "Beijing", "scale": 2.0}],
                            notebooks_dir=nb_dir, reports_dir=tmp_path)
    by_nb = {}
    for r in runs:
        by_nb.setdefault(r.notebook, []).append(r.parameters)
    assert by_nb["params_demo"] == [{"region": "Hebei", "scale": 2.0},
                                    {"region": "Beijing", "scale": 2.0}]
    assert by_nb["sweep_demo"] == [{"region": "Hebei"}, {"region": "Beijing"}]
    assert notes == ["sweep_demo: does not declare scale; not passed"]
    with pytest.raises(RerunError, match="for any notebook"):
        plan_runs(None, [{"nonsense": 1}], notebooks_dir=nb_dir, reports_dir=tmp_path)


def test_cli_dry_run_lists_runs_and_writes_nothing(nb_dir, tmp_path, capsys):
    reports = tmp_path / "reports"
    code = rerun.main(["-n", "sweep_demo", "--sweep", "bohai", "--years", "2016-2020,2018-2024",
                       "--notebooks-dir", str(nb_dir), "--reports-dir", str(reports),
                       "--dry-run"])
    out = capsys.readouterr().out
    assert code == 0
    assert "10 run(s) planned" in out
    assert "region-Shandong_start_year-2018_end_year-2024.ipynb" in out
    assert not reports.exists()


def test_cli_unknown_notebook_exits_2(nb_dir, tmp_path, capsys):
    code = rerun.main(["-n", "sweep_dem0", "--notebooks-dir", str(nb_dir),
                       "--reports-dir", str(tmp_path)])
    err = capsys.readouterr().err
    assert code == 2
    assert "unknown notebook 'sweep_dem0'" in err and "sweep_demo" in err


def test_console_script_declared(kit_root):
    text = (kit_root / "pyproject.toml").read_text(encoding="utf-8")
    assert 'hebei-rerun = "helpers.rerun:main"' in text


# ---------------------------------------------------------------- real runs (kernels)
@pytest.mark.slow
def test_sweep_one_failure_summary_exit_code_and_untouched_sources(nb_dir, tmp_path, capsys):
    reports = tmp_path / "reports"
    before = _hashes(nb_dir)
    fixture_before = _hashes(FIXTURES)
    code = rerun.main(["-n", "sweep_demo", "--grid", "region=Hebei,Shandong,Beijing",
                       "-p", "start_year", "2017", "--jobs", "2",
                       "--notebooks-dir", str(nb_dir), "--reports-dir", str(reports)])
    out = capsys.readouterr().out
    assert code == 1  # one run failed
    assert _hashes(nb_dir) == before  # sources byte-identical
    assert _hashes(FIXTURES) == fixture_before
    assert sorted(p.name for p in nb_dir.iterdir()) == ["params_demo.ipynb", "sweep_demo.ipynb"]

    table = out[out.index("notebook  "):]
    rows = {line.split()[2]: line for line in table.splitlines()
            if line.split()[:2] == ["sweep_demo", "start_year=2017"]}
    assert set(rows) == {"region='Hebei'", "region='Shandong'", "region='Beijing'"}
    assert " ok " in rows["region='Hebei'"] and " ok " in rows["region='Beijing'"]
    assert "FAILED" in rows["region='Shandong'"]
    assert "RuntimeError: deliberate failure for Shandong" in rows["region='Shandong'"]
    assert "2 ok, 1 failed, 3 runs" in out

    for region in ("Hebei", "Shandong", "Beijing"):
        stem = reports / "sweep_demo" / f"start_year-2017_region-{region}"
        assert stem.with_suffix(".ipynb").exists() and stem.with_suffix(".html").exists()
    ok_nb = nbformat.read(reports / "sweep_demo" / "start_year-2017_region-Hebei.ipynb", 4)
    printed = "".join(o.get("text", "") for c in ok_nb.cells if c.cell_type == "code"
                      for o in c.get("outputs", []))
    assert "ran for Hebei, 2017-2020" in printed  # parameter injected, cwd = notebooks folder
    with (reports / "rerun-summary.csv").open(encoding="utf-8") as f:
        summary = list(csv.DictReader(f))
    assert [r["status"] for r in summary] == ["ok", "failed", "ok"]


@pytest.mark.slow
def test_bad_value_fails_run_with_parameter_message_and_no_input_html(nb_dir, tmp_path, capsys):
    reports = tmp_path / "reports"
    code = rerun.main(["-n", "sweep_demo", "-p", "region", "Hebie", "--no-input",
                       "--notebooks-dir", str(nb_dir), "--reports-dir", str(reports)])
    out = capsys.readouterr().out
    assert code == 1
    assert "ParameterError: 1 problem with notebook parameters: region" in out
    html = (reports / "sweep_demo" / "region-Hebie.html").read_text(encoding="utf-8")
    assert "Did you mean" in html and "check_params(globals()" not in html


# ---------------------------------------------------------------- issue 21: odds and ends
def test_unwritable_reports_folder_is_refused_before_any_run(nb_dir, tmp_path, capsys):
    import os

    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        if os.access(locked, os.W_OK):  # root ignores the mode bits: use a file as the folder
            locked = tmp_path / "a-file"
            locked.write_text("")
        code = rerun.main(["-n", "sweep_demo", "--notebooks-dir", str(nb_dir), "--reports-dir",
                           str(locked / "reports")])
    finally:
        (tmp_path / "locked").chmod(0o700)
    err = capsys.readouterr().err
    assert code == 2 and "cannot write reports into" in err and "--reports-dir" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("value", ["-1", "0"])
def test_timeout_below_one_second_is_refused(nb_dir, tmp_path, capsys, value):
    code = rerun.main(["-n", "sweep_demo", "--notebooks-dir", str(nb_dir), "--reports-dir",
                       str(tmp_path / "r"), "--timeout", value, "--dry-run"])
    assert code == 2 and "--timeout must be" in capsys.readouterr().err


def test_parameter_sets_with_the_same_file_name_both_run(nb_dir, tmp_path):
    # "Hebei Beijing" and "Hebei/Beijing" both read region-Hebei-Beijing as a file name
    runs, notes = plan_runs(["sweep_demo"], [{"region": "Hebei Beijing"},
                                             {"region": "Hebei/Beijing"}],
                            notebooks_dir=nb_dir, reports_dir=tmp_path / "r")
    assert len(runs) == 2 and runs[0].output_ipynb != runs[1].output_ipynb
    assert any("share the file name" in n for n in notes)
    same, _ = plan_runs(["sweep_demo"], [{"region": "Hebei"}, {"region": "Hebei"}],
                        notebooks_dir=nb_dir, reports_dir=tmp_path / "r")
    assert len(same) == 1  # the very same run twice is run once


def test_html_report_loads_nothing_from_outside_and_says_its_language(tmp_path):
    """Reports are the offline site's pages (issue 20): no script, no CDN; a Chinese report
    says lang="zh-CN"; --no-input leaves the code out."""
    import re

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# 标题\n\n河北的产业结构。"),
                nbformat.v4.new_code_cell("x = 1\nx", outputs=[nbformat.v4.new_output(
                    "execute_result", data={"text/plain": "1"}, execution_count=1)])]
    src = tmp_path / "in.ipynb"
    for lang, no_input in (("en", False), ("zh-CN", True)):
        nb.metadata["kit_language"] = lang
        nbformat.write(nb, src)
        out = tmp_path / f"{lang}.html"
        rerun._export_html(src, out, no_input)
        page = out.read_text(encoding="utf-8")
        assert f'<html lang="{lang}"' in page
        assert not re.search(r"<(script|link)\b[^>]*(src|href)=[\"']?(https?:)?//", page)
        assert "<script" not in page
        assert ("<details class=\"kit-code\">" in page) is (not no_input)

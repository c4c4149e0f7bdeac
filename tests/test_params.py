"""Tests for helpers.params: bad parameters fail with ONE error naming the parameter and the
allowed values; unambiguous values are coerced; a real papermill run with a misspelt parameter
fails (papermill alone would only warn and exit 0)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from helpers.params import (
    Param,
    ParameterError,
    ParamSpec,
    check_params,
    close_matches,
    describe,
    injected_names,
    validate,
)
from helpers.regions import PROVINCES

FIXTURES = Path(__file__).resolve().parent / "fixtures"

SPEC = ParamSpec(
    region=Param(str, choices=PROVINCES, aliases={"河北": "Hebei"}, doc="Province to study"),
    start_year=Param(int, min=2016, max=2024),
    end_year=Param(int, min=2016, max=2024),
    regions=Param(list[str], choices=PROVINCES, unique=True),
    years=Param(list[int], min=2016, max=2024),
    scale=Param(float, min=0),
    show_table=Param(bool),
    language=Param(str, choices=["en", "zh"]),
    order=[("start_year", "end_year")],
)
GOOD = {
    "region": "Hebei", "start_year": 2016, "end_year": 2020, "regions": ["Hebei", "Beijing"],
    "years": [2016, 2020], "scale": 1.0, "show_table": False, "language": "en",
}


def _problems(**changes) -> ParameterError:
    with pytest.raises(ParameterError) as info:
        validate({**GOOD, **changes}, SPEC)
    return info.value


# (changes, bad parameter, substrings the message must contain: what was expected / allowed)
BAD_CASES = [
    pytest.param({"start_year": "abc"}, "start_year", ["'abc'", "integer", "2016..2024"],
                 id="wrong-type-str-for-int"),
    pytest.param({"start_year": "2015.5"}, "start_year", ["integer", "2016..2024"],
                 id="non-integer-string-rejected"),
    pytest.param({"start_year": 2010}, "start_year", ["out of range", "2016..2024"],
                 id="year-below-data"),
    pytest.param({"end_year": 2031}, "end_year", ["out of range", "2016..2024"],
                 id="year-above-data"),
    pytest.param({"start_year": 2022, "end_year": 2018}, "start_year",
                 ["end_year = 2018", "start_year ≤ end_year", "2016..2024"],
                 id="start-after-end"),
    pytest.param({"region": "Hebie"}, "region", ["not allowed", "'Beijing'", "'Hebei'",
                                                 "Did you mean 'Hebei'"],
                 id="unknown-region-with-suggestion"),
    pytest.param({"regions": ["Hebei", "Bejing"]}, "regions",
                 ["item 2 ('Bejing')", "'Tianjin'", "Did you mean 'Beijing'"],
                 id="unknown-region-in-list"),
    pytest.param({"regions": []}, "regions", ["empty", "non-empty list of strings", "'Hebei'"],
                 id="empty-list"),
    pytest.param({"regions": " , "}, "regions", ["empty", "non-empty list"],
                 id="empty-list-from-string"),
    pytest.param({"regions": ["Hebei", "Hebei"]}, "regions", ["repeats Hebei"],
                 id="duplicate-list-items"),
    pytest.param({"years": [2016, "x"]}, "years", ["item 2 ('x')", "integer", "2016..2024"],
                 id="list-item-wrong-type"),
    pytest.param({"years": {"a": 1}}, "years", ["dict", "list of integers"],
                 id="dict-for-list"),
    pytest.param({"show_table": "maybe"}, "show_table", ["bool (True/False)"],
                 id="bool-from-unclear-string"),
    pytest.param({"start_year": True}, "start_year", ["bool", "integer", "2016..2024"],
                 id="bool-for-int"),
    pytest.param({"scale": "abc"}, "scale", ["number", ">= 0"], id="text-for-float"),
    pytest.param({"scale": float("nan")}, "scale", ["finite"], id="nan-for-float"),
    pytest.param({"scale": -1}, "scale", ["out of range", ">= 0"], id="negative-scale"),
    pytest.param({"region": ["Hebei"]}, "region", ["list", "string", "'Hebei'"],
                 id="list-for-str"),
    pytest.param({"region": 3.5}, "region", ["float", "string"], id="float-for-str"),
    pytest.param({"region": None}, "region", ["no value", "'Beijing'"], id="none-not-optional"),
    pytest.param({"region": ""}, "region", ["empty string", "'Hebei'"], id="empty-string"),
    pytest.param({"language": "fr"}, "language", ["'en', 'zh'"], id="language-not-allowed"),
    pytest.param({"yeer": 2015}, "yeer", ["not a parameter", "Allowed parameters: region, "
                                          "start_year, end_year"], id="unknown-name-in-dict"),
]


@pytest.mark.parametrize(("changes", "name", "needles"), BAD_CASES)
def test_bad_parameter_is_named_with_allowed_values(changes, name, needles):
    err = _problems(**changes)
    assert [p.name for p in err.problems] == [name]
    text = str(err)
    assert text.splitlines()[0].endswith(f": {name}")  # first line names the parameter
    for needle in needles:
        assert needle in text, (needle, text)


def test_all_problems_reported_at_once():
    err = _problems(region="Hebie", start_year="x", regions=[], show_table="perhaps")
    assert {p.name for p in err.problems} == {"region", "start_year", "regions", "show_table"}
    assert str(err).startswith("4 problems with notebook parameters:")
    assert isinstance(err, ValueError)


def test_misspelt_injected_name_detected_by_check_params():
    ns = {**GOOD, "yeer": 2015, "regoin": "Beijing",
          "In": ["", "import x", "# Parameters\nyeer = 2015\nregoin = \"Beijing\"\n"]}
    with pytest.raises(ParameterError) as info:
        check_params(ns, SPEC)
    problems = {p.name: p for p in info.value.problems}
    assert set(problems) == {"yeer", "regoin"}
    assert problems["regoin"].suggestions[0] == "region"
    assert "Allowed parameters: region, start_year, end_year, regions" in str(info.value)
    assert "Did you mean 'region' or 'regions'?" in str(info.value)


def test_check_params_ignores_other_globals_without_injection():
    # imports, constants and IPython's own names are not parameters and must not be flagged
    ns = {**GOOD, "pd": sys, "KIT_ROOT": Path("."), "_": 1, "Out": {},
          "In": ["", "import pandas as pd", 'region = "Hebei"']}
    assert check_params(ns, SPEC)["region"] == "Hebei"


def test_check_params_reports_param_missing_from_parameters_cell():
    ns = {k: v for k, v in GOOD.items() if k != "scale"}
    with pytest.raises(ParameterError, match="scale = None: is declared in the spec but not set"):
        check_params(ns, SPEC, injected=[])


def test_coercions_are_written_back_into_the_namespace():
    ns = {**GOOD, "start_year": "2017", "end_year": 2020.0, "regions": "hebei, Tianjin",
          "years": 2018, "scale": 2, "show_table": "yes", "region": "河北",
          "In": ["# Parameters\nstart_year = \"2017\"\n"]}
    params = check_params(ns, SPEC)
    expected = {"start_year": 2017, "end_year": 2020, "regions": ["Hebei", "Tianjin"],
                "years": [2018], "scale": 2.0, "show_table": True, "region": "Hebei"}
    for name, value in expected.items():
        assert params[name] == value and type(params[name]) is type(value), name
        assert ns[name] == value and type(ns[name]) is type(value), name
    assert params.start_year == 2017  # attribute access


@pytest.mark.parametrize(("param", "raw", "expected"), [
    (Param(str), 130100, "130100"),  # papermill -p code 130100 injects an int
    (Param(list[str]), "['Hebei', 'Beijing']", ["Hebei", "Beijing"]),
    (Param(list[int]), "2016,2018", [2016, 2018]),
    (Param(int), " 2015 ", 2015),
    (Param(bool), 0, False),
    (Param(float), "0.25", 0.25),
    (Param(str, optional=True), None, None),
])
def test_unambiguous_values_are_coerced(param, raw, expected):
    assert validate({"x": raw}, {"x": param}) == {"x": expected}


def test_case_insensitive_choice_only_when_unambiguous():
    spec = {"x": Param(str, choices=["ab", "AB"])}
    with pytest.raises(ParameterError, match="'ab', 'AB'"):
        validate({"x": "Ab"}, spec)


def test_injected_names_reads_papermill_header_only():
    assert injected_names({}) is None  # not IPython: no history
    assert injected_names({"In": ["", "x = 1"]}) == []
    hist = ["", "# Parameters\nyear = 2015\n", "y = 2", "# Parameters\nregion = 'A'\nn = 1\n"]
    assert injected_names({"_ih": hist}) == ["region", "n"]  # the most recent injected cell
    # an author's comment that merely starts with the same words is not papermill's header
    assert injected_names({"In": ["# Parameters (papermill replaces these)\nlanguage = 'en'"]}) \
        == []


def test_describe_lists_every_parameter_and_rule():
    md = describe(SPEC, defaults=GOOD)
    lines = md.splitlines()
    assert lines[0] == "| Parameter | Type | Allowed values | Default | Description |"
    row = next(line for line in lines if line.startswith("| `start_year`"))
    assert "`int`" in row and "2016..2024" in row and "`2016`" in row
    assert "Province to study" in md and "`list[str]`" in md
    assert "(31 values)" in md  # long choice lists are shortened
    assert "Rules: `start_year` ≤ `end_year`." in md


def test_spec_rejects_unsupported_types_and_unknown_order_names():
    with pytest.raises(TypeError, match="Param type"):
        Param(dict)
    with pytest.raises(KeyError, match="nope"):
        ParamSpec(a=Param(int), order=[("a", "nope")])
    with pytest.raises(TypeError, match="must be a Param"):
        ParamSpec(a=int)


def test_cross_parameter_check_runs():
    spec = ParamSpec(a=Param(int), b=Param(int),
                     checks=[lambda v: "a and b must differ" if v["a"] == v["b"] else None])
    with pytest.raises(ParameterError, match="a and b must differ"):
        validate({"a": 1, "b": 1}, spec)
    assert validate({"a": 1, "b": 2}, spec) == {"a": 1, "b": 2}


def test_close_matches_case_insensitive():
    assert close_matches("shandon", PROVINCES)[0] == "Shandong"
    assert close_matches("zzzz", PROVINCES) == ()


# ------------------------------------------------------------------ real papermill runs
@pytest.mark.slow
def test_papermill_misspelt_parameter_fails_with_clear_message(tmp_path):
    import papermill as pm
    from papermill.exceptions import PapermillExecutionError

    out = tmp_path / "out.ipynb"
    with pytest.raises(PapermillExecutionError) as info:
        pm.execute_notebook(str(FIXTURES / "params_demo.ipynb"), str(out),
                            parameters={"yeer": 2015, "region": "Hebie"},
                            kernel_name="python3", progress_bar=False, cwd=str(tmp_path))
    err = info.value
    assert err.ename == "ParameterError"
    assert "yeer = 2015: is not a parameter of this notebook" in err.evalue
    assert "Allowed parameters: region, start_year, end_year, regions, scale, show_table" \
        in err.evalue
    assert "region = 'Hebie'" in err.evalue and "Did you mean 'Hebei'?" in err.evalue
    # the traceback shown to the reader is the message, not the helper's internals
    assert not any("params.py" in line for line in err.traceback)


@pytest.mark.slow
def test_papermill_valid_strings_are_coerced_in_the_kernel(tmp_path):
    import papermill as pm

    out = tmp_path / "out.ipynb"
    pm.execute_notebook(str(FIXTURES / "params_demo.ipynb"), str(out),
                        parameters={"start_year": "2017", "regions": "Tianjin, hebei",
                                    "show_table": "true", "scale": 3},
                        kernel_name="python3", progress_bar=False, cwd=str(tmp_path))
    nb = nbformat.read(out, as_version=4)
    printed = json.loads(nb.cells[-1].outputs[0]["text"])
    assert printed["start_year"] == ["int", 2017]
    assert printed["regions"] == ["list", ["Tianjin", "Hebei"]]
    assert printed["show_table"] == ["bool", True]
    assert printed["scale"] == ["float", 3.0]


@pytest.mark.slow
def test_papermill_cli_exits_nonzero_on_misspelt_parameter(tmp_path):
    papermill = Path(sys.executable).with_name("papermill")
    proc = subprocess.run(
        [str(papermill), "-k", "python3", "--cwd", str(tmp_path),
         str(FIXTURES / "params_demo.ipynb"), str(tmp_path / "out.ipynb"), "-p", "yeer", "2015"],
        capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 1
    assert "yeer = 2015: is not a parameter of this notebook" in proc.stderr


@pytest.mark.slow
def test_papermill_without_parameters_runs_clean(tmp_path):
    import papermill as pm

    out = tmp_path / "out.ipynb"
    pm.execute_notebook(str(FIXTURES / "params_demo.ipynb"), str(out), kernel_name="python3",
                        progress_bar=False, cwd=str(tmp_path))
    nb = nbformat.read(out, as_version=4)
    assert json.loads(nb.cells[-1].outputs[0]["text"])["region"] == ["str", "Hebei"]


def test_rules_on_several_parameters_name_them_and_their_values():
    """Issue 21: not '<lambda>' with the whole dict, but the parameters and their values."""
    from helpers.params import Param, ParameterError, ParamSpec, span_at_least, validate

    spec = ParamSpec(language=Param(str), start_year=Param(int), end_year=Param(int),
                     checks=[span_at_least(3, why="fixed effects need at least 3 years")])
    with pytest.raises(ParameterError) as info:
        validate({"language": "en", "start_year": 2021, "end_year": 2022}, spec)
    problem = info.value.problems[0]
    assert problem.name == "start_year, end_year"
    assert problem.value == {"start_year": 2021, "end_year": 2022}
    assert "<lambda>" not in str(info.value) and "language" not in str(problem.value)
    assert "at least 3 are needed (fixed effects need at least 3 years)" in str(info.value)

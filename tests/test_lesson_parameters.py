"""Every lesson's parameters are the same kind of thing everywhere (issues 14 and 21): what its
parameters cell declares is what papermill and the rerun command see, and the shared parameters
accept the same spellings in every lesson."""

from __future__ import annotations

import ast
import json

import papermill as pm
import pytest

from conftest import NOTEBOOKS


def _parameters_cell(path) -> str:
    nb = json.loads(path.read_text(encoding="utf-8"))
    (cell,) = [c for c in nb["cells"] if "parameters" in c["metadata"].get("tags", [])]
    return "".join(cell["source"])


@pytest.mark.parametrize("nb_path", NOTEBOOKS, ids=lambda p: p.stem)
def test_papermill_sees_every_parameter_the_cell_declares(nb_path, recwarn):
    declared = [t.id for node in ast.parse(_parameters_cell(nb_path)).body
                if isinstance(node, ast.Assign) for t in node.targets if isinstance(t, ast.Name)]
    seen = list(pm.inspect_notebook(str(nb_path)))  # what papermill and helpers.rerun read
    assert seen == declared, f"papermill reads {seen}, the cell declares {declared}"
    unparsable = [str(w.message) for w in recwarn if "Unable to parse" in str(w.message)]
    assert not unparsable, unparsable


@pytest.mark.parametrize("nb_path", NOTEBOOKS, ids=lambda p: p.stem)
def test_shared_parameters_use_the_shared_presets(nb_path):
    """language (and region/regions where a lesson has them) come from helpers.params' presets,
    so -p language zh-CN and 河北 work in every lesson."""
    nb = json.loads(nb_path.read_text(encoding="utf-8"))
    code = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code")
    params = _parameters_cell(nb_path)
    assert "language_param()" in code or "index_param_spec(" in code
    if "\nregion = " in "\n" + params:
        assert "region_param(" in code or "index_param_spec(" in code
    if "\nregions = " in "\n" + params:
        assert "regions_param(" in code
    assert "start_lesson(globals(), SPEC" in code


def test_presets_accept_the_same_aliases():
    from helpers.params import ParamSpec, language_param, region_param, validate

    spec = ParamSpec(language=language_param(), region=region_param(["Hebei", "Beijing"]))
    for raw in ("zh", "zh-CN", "zh_CN", "ZH", "中文", "chinese", "Chinese"):
        assert validate({"language": raw, "region": "Hebei"}, spec)["language"] == "zh", raw
    for raw in ("河北", "河北省", "hebei", "Hebei"):
        assert validate({"language": "en", "region": raw}, spec)["region"] == "Hebei", raw


def test_rerun_accepts_lesson_01_comparison_regions(capsys):
    """The documented comparison_regions of lesson 01 reaches papermill (issue 21)."""
    from helpers import rerun

    assert rerun.main(["--notebook", "01_hebei_structure", "-p", "comparison_regions",
                       "Beijing,Tianjin", "--dry-run"]) == 0
    assert "comparison_regions='Beijing,Tianjin'" in capsys.readouterr().out

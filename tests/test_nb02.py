"""Notebook 02 with non-default parameters: the text follows the parameters, and a bad
parameter stops the run with one message naming it and the allowed values."""

from __future__ import annotations

import json

import papermill as pm
import pytest

from conftest import KIT_ROOT

pytestmark = pytest.mark.slow

NB = KIT_ROOT / "notebooks" / "02_bohai_rim.ipynb"


def _outputs(path):
    nb = json.loads(path.read_text())
    for c in nb["cells"]:
        yield from c.get("outputs", [])


def _text(o) -> str:
    if o.get("output_type") == "stream":
        return "".join(o.get("text", ""))
    data = o.get("data", {})
    return "".join(data.get("text/markdown", "")) + "".join(data.get("text/plain", ""))


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

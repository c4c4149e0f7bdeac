"""Every lesson runs headless with papermill and its default parameters, and the source
notebook is left byte-identical (outputs go to a temporary folder)."""

from __future__ import annotations

import hashlib
import json

import papermill as pm
import pytest

from conftest import NOTEBOOKS

pytestmark = pytest.mark.slow


def _sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("nb_path", NOTEBOOKS, ids=lambda p: p.stem)
def test_runs_with_default_parameters(nb_path, tmp_path):
    before = _sha(nb_path)
    out = tmp_path / nb_path.name
    pm.execute_notebook(
        str(nb_path), str(out), kernel_name="python3", cwd=str(nb_path.parent),
        progress_bar=False, log_output=False,
    )
    assert _sha(nb_path) == before, "papermill must never write over a source notebook"
    executed = json.loads(out.read_text())
    errors = [o for c in executed["cells"] for o in c.get("outputs", [])
              if o.get("output_type") == "error"]
    assert not errors
    stderr = [o for c in executed["cells"] for o in c.get("outputs", [])
              if o.get("output_type") == "stream" and o.get("name") == "stderr"
              and "warn" in "".join(o.get("text", "")).lower()]
    assert not stderr, f"warnings on stderr: {stderr[:2]}"

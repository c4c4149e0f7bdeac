"""Analysts' promise (issue 9): every lesson reruns with a non-default, valid parameter set through
the kit's rerun command, writes its reports outside notebooks/, and leaves every source notebook
byte-identical. The README's rerun example is run exactly as written."""

from __future__ import annotations

import csv
import hashlib
import re
import subprocess
import sys

import pytest

from conftest import KIT_ROOT, NOTEBOOKS

pytestmark = pytest.mark.slow


def _hashes() -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in NOTEBOOKS}


def _rerun(args: list[str], reports) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "helpers.rerun", *args, "--reports-dir", str(reports)],
        cwd=KIT_ROOT, capture_output=True, text=True, timeout=900,
    )


def test_every_lesson_reruns_with_non_default_parameters(tmp_path):
    before = _hashes()
    # Chinese labels, another province, a shorter year range: each lesson receives the
    # parameters it declares (00 only `language`).
    out = _rerun(["--all", "-p", "language", "zh", "-p", "region", "Shandong",
                  "-p", "start_year", "2017", "--no-html"], tmp_path)
    assert out.returncode == 0, out.stdout[-4000:] + out.stderr[-4000:]
    assert _hashes() == before, "a rerun changed a source notebook"
    with (tmp_path / "rerun-summary.csv").open() as fh:
        rows = list(csv.DictReader(fh))
    ran = {r["notebook"] for r in rows}
    assert ran == {p.stem for p in NOTEBOOKS}, ran
    assert all(r["status"] == "ok" for r in rows), rows
    for p in NOTEBOOKS:
        produced = list((tmp_path / p.stem).glob("*.ipynb"))
        assert produced, f"no executed notebook for {p.stem}"
    # (notebooks/zh/ is the Chinese edition, a folder of the kit's own: no report goes there)
    leaked = [q for q in (KIT_ROOT / "notebooks").rglob("*language-zh*")]
    assert not leaked, f"reports leaked into notebooks/: {leaked}"


def test_readme_rerun_example_works_as_written(tmp_path):
    readme = (KIT_ROOT / "README.md").read_text()
    match = re.search(r"^python -m helpers\.rerun (--notebook \S+ .*)$", readme, flags=re.M)
    assert match, "the README shows a rerun example"
    args = match.group(1).split("#")[0].split()
    before = _hashes()
    out = _rerun(args, tmp_path)
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-3000:]
    assert _hashes() == before
    assert list(tmp_path.rglob("*.html")), "the example writes an HTML report"


def test_misspelt_parameter_fails_fast_with_allowed_names(tmp_path):
    out = _rerun(["--notebook", "01_hebei_structure", "-p", "regoin", "Shandong"], tmp_path)
    assert out.returncode != 0
    text = out.stdout + out.stderr
    assert "regoin" in text and "region" in text
    assert not list(tmp_path.rglob("*.ipynb")), "nothing runs when a parameter name is wrong"

"""Ctrl-C during a rerun (issue 21): nothing false is left under a report's name.

A notebook made here sleeps as long as ``SLOW_DEMO`` says for its parameter ``n``. A first rerun
writes a good report for ``n=2``; a second rerun (``n=1,2,3``, one at a time, ``n=2`` slow) is
interrupted while ``n=2`` runs, either as a terminal does it (SIGINT to the whole process group:
the command, its workers and their kernels) or with SIGINT to the command's process alone.
Then: the finished ``n=1`` report is kept, the earlier good ``n=2`` report (notebook and HTML)
is intact, no partial file stands anywhere, the queued ``n=3`` never ran, the summary marks both
as interrupted, the exit status is 130 with a message, and no process of the rerun is left.
"""

from __future__ import annotations

import csv
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest

from conftest import KIT_ROOT

SLOW_CELL = """import os, time
delays = dict(item.split("=") for item in os.environ.get("SLOW_DEMO", "").split(",") if item)
time.sleep(float(delays.get(str(n), 0)))
print("finished", n)"""


def _notebook(folder: Path) -> None:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("n = 1", metadata={"tags": ["parameters"]}),
                nbformat.v4.new_code_cell(SLOW_CELL)]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nbformat.write(nb, folder / "slow_demo.ipynb")


def _rerun(nb_dir: Path, reports: Path, *args: str, slow: str = "") -> subprocess.Popen:
    env = {**os.environ, "SLOW_DEMO": slow}
    return subprocess.Popen(
        [sys.executable, "-m", "helpers.rerun", "--notebook", "slow_demo", "--notebooks-dir",
         str(nb_dir), "--reports-dir", str(reports), *args],
        cwd=KIT_ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        start_new_session=True)


def _wait_until(test, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not test():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.2)


def _session_processes(sid: int) -> list[str]:
    out = subprocess.run(["ps", "-e", "-o", "sid=,pid=,args="], capture_output=True, text=True)
    return [line for line in out.stdout.splitlines() if line.split()[0] == str(sid)]


@pytest.mark.parametrize("target", ["process_group", "main_process"])
def test_interrupted_rerun_keeps_finished_reports_and_leaves_no_partial_file(tmp_path, target):
    nb_dir, reports = tmp_path / "notebooks", tmp_path / "reports"
    nb_dir.mkdir()
    _notebook(nb_dir)
    first = _rerun(nb_dir, reports, "-p", "n", "2")
    out, err = first.communicate(timeout=300)
    assert first.returncode == 0, out + err
    good_ipynb, good_html = reports / "slow_demo" / "n-2.ipynb", reports / "slow_demo" / "n-2.html"
    before = good_ipynb.read_bytes(), good_html.read_bytes()

    proc = _rerun(nb_dir, reports, "--grid", "n=1,2,3", "--jobs", "1", slow="2=60")
    partial = reports / "slow_demo" / ".n-2.partial.ipynb"
    try:
        _wait_until(lambda: (reports / "slow_demo" / "n-1.ipynb").exists() and partial.exists(),
                    240, "run n=1 to finish and n=2 to start")
        time.sleep(1.0)  # n=2's kernel is now sleeping in its cell
        if target == "process_group":
            os.killpg(proc.pid, signal.SIGINT)
        else:
            os.kill(proc.pid, signal.SIGINT)
        out, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == 130, out + err
    assert "interrupted" in err and "Traceback" not in err, err
    assert (good_ipynb.read_bytes(), good_html.read_bytes()) == before  # earlier report intact
    assert "finished 1" in (reports / "slow_demo" / "n-1.ipynb").read_text()
    assert not (reports / "slow_demo" / "n-3.ipynb").exists()
    assert not list(reports.rglob("*partial*")), list(reports.rglob("*partial*"))
    with (reports / "rerun-summary.csv").open(encoding="utf-8") as f:
        status = {row["parameters"]: row["status"] for row in csv.DictReader(f)}
    assert status == {"n=1": "ok", "n=2": "interrupted", "n=3": "interrupted"}
    _wait_until(lambda: not _session_processes(proc.pid), 30, "the rerun's processes to end")

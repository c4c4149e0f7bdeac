"""Install anywhere (issue 19): the students' set-up works on Python 3.12 and 3.13 too.

CI runs the suite on the machine's default Python (3.11); this test takes the two others from
pyenv (or ``python3.12``/``python3.13`` on PATH, or ``KIT_TEST_PYTHONS=/path/a:/path/b``), and for
each one, in a fresh clone of the committed kit: ``make setup PYTHON=...`` completes, every
helper module imports, JupyterLab answers 200 on the lesson URL, and ``python -m
helpers.present`` (``make present``) renders lesson 00 as a dashboard. It also checks that the
students' environment holds none of the test or maintainer tools. About 1 minute per Python
with a warm pip cache.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import KIT_ROOT
from voila_harness import free_port, stop

OTHER_PYTHONS = ("3.12", "3.13")
TOOLS = ("pytest", "nbval", "playwright", "ruff", "hypothesis", "frictionless", "inequality",
         "repo2docker", "geopandas")


def _find_python(minor: str) -> str | None:
    for path in filter(None, os.environ.get("KIT_TEST_PYTHONS", "").split(os.pathsep)):
        if _version(path) == minor:
            return path
    root = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv")) / "versions"
    for candidate in sorted(root.glob(f"{minor}.*"), reverse=True):
        exe = candidate / "bin" / "python"
        if _version(str(exe)) == minor:
            return str(exe)
    exe = shutil.which(f"python{minor}")
    return exe if exe and _version(exe) == minor else None


def _version(exe: str) -> str | None:
    try:
        out = subprocess.run([exe, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
                             capture_output=True, text=True, timeout=30)
    except OSError:
        return None
    return out.stdout.strip() if out.returncode == 0 else None


def _wait_for(url: str, proc: subprocess.Popen, seconds: float = 90) -> int:
    deadline = time.monotonic() + seconds
    while True:
        assert proc.poll() is None, proc.stdout.read() if proc.stdout else "server exited"
        try:
            with urllib.request.urlopen(url, timeout=60) as resp:
                return resp.status
        except OSError:
            assert time.monotonic() < deadline, f"no answer from {url}"
            time.sleep(0.5)


@pytest.fixture(scope="module")
def clone(tmp_path_factory) -> Path:
    where = tmp_path_factory.mktemp("install") / "kit"
    subprocess.run(["git", "clone", "-q", str(KIT_ROOT), str(where)], check=True)
    return where


@pytest.mark.parametrize("minor", OTHER_PYTHONS)
def test_setup_imports_and_serves_on_other_pythons(minor, clone, tmp_path):
    python = _find_python(minor)
    if python is None:
        pytest.skip(f"no Python {minor} on this machine (set KIT_TEST_PYTHONS)")
    venv = tmp_path / f"venv-{minor}"
    env = {**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    out = subprocess.run(["make", "setup", f"PYTHON={python}", f"VENV={venv}"], cwd=clone,
                         capture_output=True, text=True, env=env, timeout=1200)
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-3000:]
    py = str(venv / "bin" / "python")
    assert _version(py) == minor

    modules = sorted(p.stem for p in (clone / "src" / "helpers").glob("*.py")
                     if p.stem != "__init__")
    code = ("import importlib, sys\n"
            f"for m in {modules!r}: importlib.import_module('helpers.' + m)\n"
            "import helpers; print(helpers.KIT_ROOT)")
    out = subprocess.run([py, "-c", code], capture_output=True, text=True, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert Path(out.stdout.strip()) == clone  # the clone's package, installed editable

    listed = subprocess.run([py, "-m", "pip", "list", "--format=freeze"], capture_output=True,
                            text=True, check=True).stdout.lower()
    names = {line.split("==")[0] for line in listed.splitlines()}
    present_tools = [t for t in TOOLS if any(n == t or n.startswith(t + "-") for n in names)]
    assert not present_tools, f"the students' environment holds {present_tools}"

    port, token = free_port(), "install-test-token"
    lab = subprocess.Popen(
        [str(venv / "bin" / "jupyter"), "lab", "--no-browser", "--allow-root",
         "--ip=127.0.0.1", f"--port={port}", f"--IdentityProvider.token={token}"],
        cwd=clone, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        start_new_session=True, env={**env, "JUPYTER_PLATFORM_DIRS": "1"})
    try:
        url = f"http://127.0.0.1:{port}/lab/tree/notebooks/00_start_here.ipynb?token={token}"
        assert _wait_for(url, lab) == 200
    finally:
        stop(lab)

    port = free_port()
    voila = subprocess.Popen([py, "-m", "helpers.present", "--port", str(port)], cwd=clone,
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                             start_new_session=True, env=env)
    try:
        _wait_for(f"http://127.0.0.1:{port}/", voila)
        with urllib.request.urlopen(
                f"http://127.0.0.1:{port}/voila/render/00_start_here.ipynb", timeout=120) as r:
            page = r.read().decode()
        assert "application/vnd.jupyter.widget-view+json" in page
        assert "There was an error when executing cell" not in page
    finally:
        stop(voila)

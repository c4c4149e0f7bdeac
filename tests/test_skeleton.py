"""The skeleton's promises: one source of versions, a Binder config that repo2docker reads as
intended, the README's two commands matching CI, and clean notebooks."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name
from packaging.version import Version

from conftest import KIT_ROOT, NOTEBOOKS

# conda-forge splits some packages; these are the PyPI names their versions follow.
CONDA_TO_PYPI = {"matplotlib-base": "matplotlib", "seaborn-base": "seaborn"}


def _lock(name: str = "runtime") -> dict[str, Version]:
    """The pins of requirements/<name>.txt (a universal lock: a line may carry a marker)."""
    pins: dict[str, Version] = {}
    for line in (KIT_ROOT / "requirements" / f"{name}.txt").read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if not line or line.startswith("-"):
            continue
        req = Requirement(line)
        (spec,) = list(req.specifier)
        assert spec.operator == "==", f"requirements/{name}.txt must pin exactly: {line}"
        pins[canonicalize_name(req.name)] = Version(spec.version)
    return pins


# Test, lint, browser and maintainer tools: in requirements/test.txt, never in the runtime.
TOOLS = ("pytest", "nbval", "playwright", "ruff", "hypothesis", "frictionless", "nbstripout",
         "jupyter-repo2docker", "inequality", "uv", "pytest-xdist")


def test_runtime_lock_is_lean_and_the_test_lock_holds_it():
    runtime, test = _lock("runtime"), _lock("test")
    assert not [t for t in TOOLS if t in runtime], "a test or maintainer tool in the runtime"
    assert all(t in test for t in TOOLS)
    for heavy in ("geopandas", "pyproj", "shapely", "scikit-learn", "docker"):
        assert heavy not in runtime, f"{heavy} is not needed by the lessons"
    differ = {n: (v, test[n]) for n, v in runtime.items() if n in test and test[n] != v}
    assert not differ, f"the test lock moves runtime pins: {differ}"
    assert set(runtime) <= set(test)


def _environment(path: Path) -> tuple[dict[str, SpecifierSet], list[str]]:
    env = yaml.safe_load(path.read_text())
    conda: dict[str, SpecifierSet] = {}
    pip: list[str] = []
    for dep in env["dependencies"]:
        if isinstance(dep, dict):
            pip.extend(dep["pip"])
            continue
        name, _, spec = dep.partition(" ")
        conda[name] = SpecifierSet(re.sub(r"^=(\d+\.\d+)$", r"==\1.*", spec.replace(" ", ""))
                                   if name == "python" else spec.replace(" ", ""))
    return conda, pip


def test_binder_environment_is_the_root_environment():
    assert (KIT_ROOT / "binder" / "environment.yml").read_text() == (
        KIT_ROOT / "environment.yml"
    ).read_text(), "binder/environment.yml must be a copy of environment.yml"


def test_lock_pins_lie_inside_environment_ranges():
    lock = _lock()
    conda, pip = _environment(KIT_ROOT / "environment.yml")
    problems = []
    for name, spec in conda.items():
        if name in {"python", "pip"}:
            continue
        pypi = canonicalize_name(CONDA_TO_PYPI.get(name, name))
        if pypi not in lock:
            problems.append(f"{name}: in environment.yml but not in requirements/runtime.txt")
        elif lock[pypi] not in spec:
            problems.append(f"{name}: lock pins {lock[pypi]}, environment.yml allows {spec}")
    for line in pip:
        req = Requirement(line)
        pinned = lock.get(canonicalize_name(req.name))
        if pinned is None or pinned not in req.specifier:
            problems.append(f"{line}: lock pins {pinned}")
    assert not problems, "\n".join(problems)


def test_python_version_agrees():
    conda, _ = _environment(KIT_ROOT / "environment.yml")
    assert Version("3.12.1") in conda["python"]  # what Binder and conda users get
    pyproject = (KIT_ROOT / "pyproject.toml").read_text()
    assert 'requires-python = ">=3.11,<3.14"' in pyproject
    makefile = (KIT_ROOT / "Makefile").read_text()
    assert "(3, 11) <= sys.version_info[:2] <= (3, 13)" in makefile  # checked before install
    assert (3, 11) <= sys.version_info[:2] <= (3, 13)


def test_widget_stack_majors_in_step():
    """ipywidgets 8 needs jupyterlab_widgets 3 and widgetsnbextension 4; voila 0.5 serves
    ipywidgets 8. Mismatched majors render blank widgets."""
    lock = _lock()
    assert lock["ipywidgets"].major == 8
    assert lock["jupyterlab-widgets"].major == 3
    assert lock["widgetsnbextension"].major == 4
    assert (lock["voila"].major, lock["voila"].minor) == (0, 5)
    assert lock["jupyterlab"].major == 4


@pytest.mark.skipif(shutil.which("jupyter-repo2docker") is None
                    and not (Path(sys.prefix) / "bin" / "jupyter-repo2docker").exists(),
                    reason="repo2docker not installed")
def test_repo2docker_reads_binder_config():
    exe = shutil.which("jupyter-repo2docker") or str(
        Path(sys.prefix) / "bin" / "jupyter-repo2docker"
    )
    out = subprocess.run(
        [exe, "--no-build", "--debug", str(KIT_ROOT)],
        capture_output=True, text=True, timeout=120, check=True,
    )
    dockerfile = out.stdout + out.stderr
    assert "python=3.12" in dockerfile
    assert '--file "binder/environment.yml"' in dockerfile
    assert "RUN ./binder/postBuild" in dockerfile
    assert "fonts-noto-cjk" in dockerfile  # binder/apt.txt


def test_postbuild_is_strict_and_installs_the_package():
    text = (KIT_ROOT / "binder" / "postBuild").read_text()
    assert text.startswith("#!/bin/bash")
    assert "set -euo pipefail" in text
    assert "pip install --no-deps -e ." in text
    assert "python -m helpers.present --write-config" in text
    assert (KIT_ROOT / "binder" / "postBuild").stat().st_mode & 0o111


def test_readme_test_command_is_what_ci_runs():
    ci = [
        ln.strip() for ln in (KIT_ROOT / ".ci" / "run").read_text().splitlines()
        if ln.strip() and not ln.lstrip().startswith(("#", "set ", "cd "))
    ]
    readme = (KIT_ROOT / "README.md").read_text()
    assert ci[-1] == "make test"
    assert "make test" in readme and "make start" in readme
    # the two commands come first, before any other fenced command
    fenced = re.findall(r"```(?:bash|sh)?\n(.*?)```", readme, flags=re.S)
    first = " ".join(fenced[:2])
    assert "make start" in first and "make test" in first


def test_readme_binder_badges():
    readme = (KIT_ROOT / "README.md").read_text()
    assert "mybinder.org/v2/" in readme
    assert "urlpath=lab/tree/notebooks/00_start_here.ipynb" in readme
    assert "urlpath=voila/render/notebooks/" in readme


def _git_files() -> list[str]:
    out = subprocess.run(["git", "ls-files"], cwd=KIT_ROOT, capture_output=True, text=True)
    if out.returncode != 0:
        pytest.skip("not a git checkout")
    return out.stdout.splitlines()


def test_no_scratch_files_tracked():
    bad = [f for f in _git_files()
           if "Untitled" in f or ".ipynb_checkpoints" in f or "__pycache__" in f]
    assert not bad


def _checked(cell) -> bool:
    return cell.get("metadata", {}).get("keep_output", False) or "NBVAL_CHECK_OUTPUT" in "".join(
        cell.get("source", "")
    )


@pytest.mark.parametrize("nb_path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_hygiene_and_shape(nb_path: Path):
    nb = json.loads(nb_path.read_text())
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    with_outputs = [c for c in code if c.get("outputs") and not _checked(c)]
    assert not with_outputs, f"{nb_path.name}: strip outputs (make strip)"
    for c in code:
        if c.get("outputs"):
            assert "NBVAL_CHECK_OUTPUT" in "".join(c["source"]), (
                "a kept output must be checked by nbval (# NBVAL_CHECK_OUTPUT)"
            )
    tags = [t for c in nb["cells"] for t in c.get("metadata", {}).get("tags", [])]
    assert tags.count("parameters") == 1, f"{nb_path.name}: needs one cell tagged 'parameters'"
    md = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
    h1 = re.findall(r"^# ", md, flags=re.M)
    assert len(h1) == 1, f"{nb_path.name}: exactly one H1 title"
    sections = ("## Overview", "## Prerequisites", "## Summary", "## What's next", "## Sources")
    for section in sections:
        assert section in md, f"{nb_path.name}: missing section {section!r}"
    assert nb["metadata"]["kernelspec"]["name"] == "python3"


def test_ruff_clean():
    ruff = shutil.which("ruff") or str(Path(sys.prefix) / "bin" / "ruff")
    out = subprocess.run([ruff, "check", "src", "tests", "notebooks"], cwd=KIT_ROOT,
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr


def test_setup_is_up_to_date_after_install():
    """Running the README commands again changes nothing: the set-up stamps are newer than the
    locks and pyproject, so make has nothing to do."""
    if not (KIT_ROOT / ".venv" / ".kit-test").exists():
        pytest.skip("not installed through `make setup-test`")
    for target in ("setup", "setup-test"):
        out = subprocess.run(["make", "-q", target], cwd=KIT_ROOT)
        assert out.returncode == 0, f"make {target} would reinstall: stamp older than the lock"


def test_hosted_config_matches_present_and_is_written(tmp_path):
    """Binder's postBuild writes the same Voila settings that `make present` uses."""
    from helpers import present

    server, voila = present.hosted_config()
    args = present.voila_args(8866)
    assert f"--template={voila['VoilaConfiguration']['template']}" in args
    assert "--strip_sources=True" in args and voila["VoilaConfiguration"]["strip_sources"]
    culling = server["MappingKernelManager"]
    assert f"--MappingKernelManager.cull_idle_timeout={culling['cull_idle_timeout']}" in args
    paths = present.write_hosted_config(tmp_path)
    conf = json.loads((tmp_path / "etc" / "jupyter" / "voila.json").read_text())
    assert conf == voila
    template = tmp_path / "share" / "jupyter" / "voila" / "templates" / "kit"
    assert (template / "conf.json").exists() and template in paths


def test_hosted_server_config_does_not_depend_on_the_kit(tmp_path):
    """A hub whose home volume hides the repository: the server's config must still load, and
    the kit's websocket class is set only when the kit imports (issue 19)."""
    from helpers import present

    present.write_hosted_config(tmp_path)
    etc = tmp_path / "etc" / "jupyter"
    assert "helpers" not in (etc / "jupyter_server_config.json").read_text()
    source = (etc / "jupyter_server_config.py").read_text()
    probe = ("import builtins, sys, types\n"
             "c = types.SimpleNamespace(ServerApp=types.SimpleNamespace())\n"
             "{hide}"
             f"exec(compile({source!r}, 'cfg', 'exec'), {{'c': c}})\n"
             "print(getattr(c.ServerApp, 'kernel_websocket_connection_class', 'DEFAULT'))\n")
    hide = "sys.modules['helpers'] = None\n"  # import helpers -> ImportError, as on such a hub
    for hidden, expected in ((True, "DEFAULT"), (False, "NoDelayKernelWebsocketConnection")):
        code = probe.replace("{hide}", hide if hidden else "")
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
        assert out.returncode == 0, out.stderr
        assert out.stdout.strip().endswith(expected), (hidden, out.stdout, out.stderr)


def test_package_docstring_names_only_modules_that_exist():
    import helpers

    named = set(re.findall(r"``([a-z_]+)``", helpers.__doc__ or ""))
    named -= {"glossary", "start_lesson"}
    modules = {p.stem for p in (KIT_ROOT / "src" / "helpers").glob("*.py")}
    assert named, "the docstring names no module"
    assert named <= modules, f"named but missing: {sorted(named - modules)}"

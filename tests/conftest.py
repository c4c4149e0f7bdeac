"""Test-session set-up shared by every test.

Jupyter, IPython, matplotlib and Chromium write into the home folder. Point all of them into
one temporary folder for the whole session, *before* any Jupyter module is imported, so that
tests neither change nor depend on the user's home.
"""

from __future__ import annotations

import os
import shutil
import socket
import tempfile
from pathlib import Path

import pytest

_TMP = Path(tempfile.mkdtemp(prefix="hebei-kit-tests-"))
for _var, _sub in {
    "JUPYTER_CONFIG_DIR": "jupyter-config",
    "JUPYTER_DATA_DIR": "jupyter-data",
    "JUPYTER_RUNTIME_DIR": "jupyter-runtime",
    "IPYTHONDIR": "ipython",
    "MPLCONFIGDIR": "matplotlib",
    "XDG_CACHE_HOME": "cache",
    "XDG_CONFIG_HOME": "config",
}.items():
    (_TMP / _sub).mkdir(parents=True, exist_ok=True)
    os.environ[_var] = str(_TMP / _sub)
# jupyter_core warns about the platformdirs move; fix the behaviour instead of printing it
os.environ.setdefault("JUPYTER_PLATFORM_DIRS", "1")
os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
os.environ.setdefault("MPLBACKEND", "Agg")

KIT_ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((KIT_ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
SHARED_SOURCES = KIT_ROOT.parent / "shared" / "sources"


def pytest_sessionfinish(session, exitstatus):  # noqa: ARG001 - pytest hook signature
    shutil.rmtree(_TMP, ignore_errors=True)


def pytest_collection_modifyitems(config, items):  # noqa: ARG001 - pytest hook signature
    """Skip tests marked ``shared`` when ../shared/sources is not beside the clone."""
    if SHARED_SOURCES.is_dir():
        return
    skip = pytest.mark.skip(reason="../shared/sources is absent (only maintainers have it)")
    for item in items:
        if "shared" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def kit_root() -> Path:
    return KIT_ROOT


@pytest.fixture(scope="session")
def shared_sources() -> Path:
    if not SHARED_SOURCES.is_dir():
        pytest.skip("../shared/sources is absent")
    return SHARED_SOURCES


def free_port() -> int:
    """A free TCP port on 127.0.0.1 (each test server gets its own)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# Browser tests: one Voila server (the kit's settings) and one Chromium per test module.
# Modules that need other settings define their own `server` fixture.
@pytest.fixture(scope="module")
def server():
    from voila_harness import voila_server

    with voila_server() as srv:
        yield srv


@pytest.fixture(scope="module")
def browser():
    from voila_harness import chromium_browser

    with chromium_browser() as b:
        yield b


@pytest.fixture(scope="session")
def executed_lessons(tmp_path_factory):
    """Every lesson executed once in each language, with the bilingual probe appended
    (tests/lesson_runs.py): ``{(stem, lang): executed notebook path}``."""
    from lesson_runs import execute_all

    return execute_all(tmp_path_factory.mktemp("lessons"), list(NOTEBOOKS))

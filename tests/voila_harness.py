"""Start a Voila server and a headless Chromium for browser tests and benchmarks.

Shared by ``tests/test_browser*.py`` and ``bench/``: one way to serve the lessons (the kit's own
``helpers.present.voila_args``) and one way to drive Debian's chromium with Playwright's Python
package (``playwright install`` cannot download a browser here).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from helpers.present import voila_args, voila_env

CHROMIUM = os.environ.get("KIT_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
#: Text Voila shows (with HTTP 200) when a cell fails.
VOILA_CELL_ERROR = "There was an error when executing cell"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def chromium_available() -> bool:
    return Path(CHROMIUM).exists() or shutil.which("chromium") is not None


@dataclass
class VoilaServer:
    url: str
    process: subprocess.Popen
    log_path: Path

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def render_url(self, notebook: str) -> str:
        name = notebook if notebook.endswith(".ipynb") else f"{notebook}.ipynb"
        return f"{self.url}/voila/render/{name}"


@contextlib.contextmanager
def voila_server(
    *, preheat: int = 0, cull_idle_timeout: int = 300, cull_interval: int = 30,
    extra_args: list[str] | None = None, notebook_dir: Path | None = None,
    startup_timeout: float = 60,
) -> Iterator[VoilaServer]:
    """Serve ``notebooks/`` with the kit's Voila settings on a free port of 127.0.0.1."""
    port = free_port()
    kwargs = {} if notebook_dir is None else {"notebook_dir": notebook_dir}
    args = voila_args(port, preheat=preheat, cull_idle_timeout=cull_idle_timeout,
                      cull_interval=cull_interval, **kwargs) + (extra_args or [])
    log = Path(tempfile.mkstemp(prefix="voila-", suffix=".log")[1])
    with log.open("w") as fh:
        proc = subprocess.Popen(args, stdout=fh, stderr=subprocess.STDOUT, env=voila_env(),
                                start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    server = VoilaServer(url, proc, log)
    try:
        deadline = time.monotonic() + startup_timeout
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"Voila exited with {proc.returncode}:\n{server.log()}")
            try:
                with urllib.request.urlopen(url + "/", timeout=2):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"Voila did not answer in {startup_timeout}s:\n"
                                       f"{server.log()}") from None
                time.sleep(0.3)
        yield server
    finally:
        stop(proc)
        log.unlink(missing_ok=True)


def stop(proc: subprocess.Popen, timeout: float = 30) -> None:
    """SIGTERM the server's process group and wait (Voila takes 5-15 s to shut kernels down)."""
    if proc.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)


@contextlib.contextmanager
def chromium_browser(headless: bool = True):
    """A Playwright Browser on Debian's chromium with the flags this machine needs."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS,
                                     headless=headless)
        try:
            yield browser
        finally:
            browser.close()


def open_dashboard(page, server: VoilaServer, notebook: str, timeout_ms: int = 120_000) -> float:
    """Open a lesson in Voila, wait until its widgets are rendered; return seconds taken."""
    t0 = time.perf_counter()
    page.goto(server.render_url(notebook), timeout=timeout_ms)
    page.wait_for_selector(".jupyter-widgets", state="visible", timeout=timeout_ms)
    # Voila adds its kernel-idle marker once every cell has run
    page.wait_for_function(
        "() => !document.querySelector('#loading') || "
        "getComputedStyle(document.querySelector('#loading')).display === 'none'",
        timeout=timeout_ms,
    )
    return time.perf_counter() - t0


def page_errors(page) -> list[str]:
    """Error output a dashboard shows: Voila's cell-error banner or stderr/traceback outputs."""
    problems = []
    body = page.inner_text("body")
    if VOILA_CELL_ERROR in body:
        problems.append(VOILA_CELL_ERROR)
    selectors = ('[data-mime-type="application/vnd.jupyter.stderr"]',
                 ".jp-RenderedText.jp-mod-error")
    for sel in selectors:
        for el in page.query_selector_all(sel):
            problems.append(f"{sel}: {el.inner_text()[:300]}")
    return problems

"""Start a Voila server (or JupyterLab, as Binder runs it) and a headless Chromium for browser
tests and benchmarks.

Shared by ``tests/test_browser*.py`` and ``bench/``: one way to serve the lessons (the kit's own
``helpers.present.voila_args``) and one way to drive Debian's chromium with Playwright's Python
package (``playwright install`` cannot download a browser here).
"""

from __future__ import annotations

import contextlib
import math
import os
import shutil
import signal
import socket
import subprocess
import sys
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
#: Text Voila shows (with HTTP 200) when the server failed, e.g. a kernel that did not start.
VOILA_SERVER_ERROR = "An exception occurred at the server"


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
    url = f"http://127.0.0.1:{port}"

    def probe() -> None:
        with urllib.request.urlopen(url + "/", timeout=2):
            pass

    with _server_process("Voila", args, voila_env(), probe, startup_timeout) as (proc, log):
        yield VoilaServer(url, proc, log)


@contextlib.contextmanager
def _server_process(name: str, args: list[str], env: dict[str, str], probe,
                    startup_timeout: float) -> Iterator[tuple[subprocess.Popen, Path]]:
    """Start ``args`` in its own process group with its output in a log file; wait until
    ``probe()`` stops raising ``OSError``; stop the group and delete the log afterwards."""
    log = Path(tempfile.mkstemp(prefix=f"{name.lower()}-", suffix=".log")[1])
    with log.open("w") as fh:
        proc = subprocess.Popen(args, stdout=fh, stderr=subprocess.STDOUT, env=env,
                                start_new_session=True)
    try:
        deadline = time.monotonic() + startup_timeout
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"{name} exited with {proc.returncode}:\n"
                                   f"{log.read_text(errors='replace')}")
            try:
                probe()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"{name} did not answer in {startup_timeout}s:\n"
                                       f"{log.read_text(errors='replace')}") from None
                time.sleep(0.3)
        yield proc, log
    finally:
        stop(proc)
        log.unlink(missing_ok=True)


@dataclass
class LabServer:
    url: str
    token: str
    process: subprocess.Popen
    log_path: Path

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def lab_url(self, notebook: str) -> str:
        # reset: a fresh workspace with only this notebook open (JupyterLab otherwise reopens
        # every notebook of earlier visits)
        return f"{self.url}/lab/tree/{notebook}?reset&token={self.token}"

    def voila_url(self, notebook: str) -> str:
        return f"{self.url}/voila/render/{notebook}?token={self.token}"

    def api(self, path: str, method: str = "GET"):
        import json

        req = urllib.request.Request(f"{self.url}/api/{path}?token={self.token}",
                                     method=method)
        with urllib.request.urlopen(req, timeout=30) as r:
            body = r.read()
        return json.loads(body) if body else None

    def shutdown_kernels(self) -> None:
        """End every session and its kernel (a student closing the notebooks)."""
        for session in self.api("sessions"):
            self.api(f"sessions/{session['id']}", method="DELETE")


@contextlib.contextmanager
def lab_server(root_dir: Path, *, config_prefix: Path | None = None,
               startup_timeout: float = 90) -> Iterator[LabServer]:
    """JupyterLab on a free port of 127.0.0.1 serving ``root_dir``, as Binder runs it.

    ``config_prefix``: an environment prefix holding the hosted configuration
    (``python -m helpers.present --write-config PREFIX``, as ``binder/postBuild`` does); its
    ``etc/jupyter`` and ``share/jupyter`` are searched first. The app is exposed as
    ``window.jupyterapp`` so a test can run JupyterLab commands (e.g. run all cells).
    """
    import secrets

    port, token = free_port(), secrets.token_hex(12)
    env = voila_env()
    if config_prefix is not None:
        env["JUPYTER_CONFIG_PATH"] = str(config_prefix / "etc" / "jupyter")
        env["JUPYTER_PATH"] = os.pathsep.join(
            [str(config_prefix / "share" / "jupyter"), env.get("JUPYTER_PATH", "")])
    args = [sys.executable, "-m", "jupyterlab", "--no-browser", "--ip=127.0.0.1",
            f"--port={port}", f"--IdentityProvider.token={token}",
            f"--ServerApp.root_dir={root_dir}", "--LabApp.expose_app_in_browser=True"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        args.append("--allow-root")
    url = f"http://127.0.0.1:{port}"

    def probe() -> None:
        with urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=2):
            pass

    with _server_process("JupyterLab", args, env, probe, startup_timeout) as (proc, log):
        yield LabServer(url, token, proc, log)


#: True once every code cell of the open notebook shows an execution count ("[12]:").
ALL_CELLS_RAN_JS = r"""
() => {
  const p = [...document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) '
                                          + '.jp-CodeCell .jp-InputPrompt')];
  return p.length > 0 && p.every((e) => /\[\d+\]/.test(e.textContent));
}
"""


def run_all_in_lab(page, server: LabServer, notebook: str, timeout_ms: int = 240_000) -> None:
    """Open ``notebook`` in JupyterLab, wait for its kernel, clear the kept outputs, run all
    cells and wait for them."""
    page.goto(server.lab_url(notebook), timeout=timeout_ms)
    page.wait_for_selector(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Cell", timeout=timeout_ms)
    deadline = time.monotonic() + timeout_ms / 1000
    while True:  # the kernel of this notebook's session is up and idle
        sessions = [s for s in server.api("sessions") if s["path"].endswith(notebook)]
        if sessions and sessions[0]["kernel"]["execution_state"] == "idle":
            break
        if time.monotonic() > deadline:
            raise TimeoutError(f"no idle kernel for {notebook}: {sessions}")
        time.sleep(0.3)
    # outputs and execution counts kept in the file (cells whose output a test checks) are
    # cleared first, so the wait below can only end after this kernel ran every cell
    page.evaluate("window.jupyterapp.commands.execute('notebook:clear-all-cell-outputs')")
    page.wait_for_function("() => !document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)"
                           " .jp-CodeCell .jp-OutputArea-output')", timeout=timeout_ms)
    page.evaluate("window.jupyterapp.commands.execute('notebook:run-all-cells')")
    page.wait_for_function(ALL_CELLS_RAN_JS, timeout=timeout_ms)


def lab_outputs(page, mime: str) -> list[str]:
    """Texts of the open notebook's outputs of one MIME type (e.g. the error outputs)."""
    return page.eval_on_selector_all(
        f'.jp-NotebookPanel:not(.lm-mod-hidden) [data-mime-type="{mime}"]',
        "els => els.map((e) => e.textContent.slice(0, 500))")


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
    for text in (VOILA_CELL_ERROR, VOILA_SERVER_ERROR):
        if text in body:
            problems.append(text)
    selectors = ('[data-mime-type="application/vnd.jupyter.stderr"]',
                 ".jp-RenderedText.jp-mod-error")
    for sel in selectors:
        for el in page.query_selector_all(sel):
            problems.append(f"{sel}: {el.inner_text()[:300]}")
    return problems


# ------------------------------------------------------------------------------------------
# Processes and memory of a running server (psutil)
# ------------------------------------------------------------------------------------------


def server_processes(server: VoilaServer) -> list:
    """``psutil.Process`` objects of the server and all its children (kernels included)."""
    import psutil

    try:
        root = psutil.Process(server.process.pid)
        return [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return []


def kernel_processes(server: VoilaServer) -> list:
    """The server's kernel processes (``ipykernel_launcher`` children)."""
    import psutil

    out = []
    for p in server_processes(server)[1:]:
        try:
            if any("ipykernel" in part for part in p.cmdline()):
                out.append(p)
        except psutil.Error:
            continue
    return out


def rss_mb(procs) -> float:
    """Total resident memory of ``procs`` in MB (processes that vanished count 0)."""
    import psutil

    total = 0
    for p in procs:
        with contextlib.suppress(psutil.Error):
            total += p.memory_info().rss
    return total / 2**20


def peak_rss_mb(proc) -> float:
    """Peak resident memory of one process in MB (Linux ``VmHWM``; current RSS elsewhere)."""
    try:
        for line in Path(f"/proc/{proc.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return rss_mb([proc])


def wait_quiet(server: VoilaServer, *, cpu_percent: float = 15.0, timeout: float = 120,
               min_kernels: int = 0) -> float:
    """Wait until the server has ``min_kernels`` kernels and its process tree is idle.

    Idle means the summed CPU use of the server and its kernels stayed below ``cpu_percent``
    (of one core) over a 0.5 s window, e.g. once preheated kernels have run their notebooks.
    Returns the seconds waited; raises ``TimeoutError`` after ``timeout``.
    """
    t0 = time.monotonic()
    while time.monotonic() - t0 < timeout:
        procs = server_processes(server)
        if len(kernel_processes(server)) >= min_kernels:
            for p in procs:
                with contextlib.suppress(Exception):
                    p.cpu_percent(None)
            time.sleep(0.5)
            used = 0.0
            for p in procs:
                with contextlib.suppress(Exception):
                    used += p.cpu_percent(None)
            if used < cpu_percent:
                return time.monotonic() - t0
        else:
            time.sleep(0.5)
    raise TimeoutError(f"server not idle with {min_kernels} kernels after {timeout}s")


# ------------------------------------------------------------------------------------------
# Dashboards in the page: find the kit's control panels and figures, time round trips
# ------------------------------------------------------------------------------------------

#: Installed with ``page.add_init_script`` BEFORE the page loads (see :func:`new_timed_page`):
#: records when the page sends and receives websocket messages, when the user's input event
#: happens, and when a figure's ``<img>`` gets a new ``src`` - all with performance.now().
TIMING_INIT_JS = r"""
(() => {
  const K = window.__kit = {armed: false, t_input: null, sends: [], recvs: [], quietMs: 1000,
                           onQuiet: null, quietTimer: null};
  const Orig = window.WebSocket;
  class TimedWebSocket extends Orig {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (ev) => {
        const d = ev.data;
        const n = typeof d === 'string' ? d.length : (d.byteLength || d.size || 0);
        if (K.armed) {
          K.recvs.push([performance.now(), n]);
          // the kernel answered but the figure did not change: after a quiet spell, resolve
          clearTimeout(K.quietTimer);
          if (K.onQuiet) K.quietTimer = setTimeout(K.onQuiet, K.quietMs);
        }
      });
    }
    send(data) {
      if (K.armed) K.sends.push(performance.now());
      return super.send(data);
    }
  }
  window.WebSocket = TimedWebSocket;
  for (const type of ['pointerdown', 'mousedown', 'keydown', 'input', 'change', 'click']) {
    document.addEventListener(type, () => {
      if (K.armed && K.t_input === null) K.t_input = performance.now();
    }, {capture: true});
  }
  const figImg = (el) => el && el.querySelector('img');
  // Arm before an interaction: remember the figure's src; resolve when it changes.
  K.arm = (figSelector, statusSelector) => {
    const fig = document.querySelector(figSelector);
    const status = statusSelector ? document.querySelector(statusSelector) : null;
    if (!fig) throw new Error('no figure ' + figSelector);
    const img0 = figImg(fig);
    const src0 = img0 ? img0.getAttribute('src') : null;
    K.armed = true; K.t_input = null; K.sends = []; K.recvs = [];
    K.result = new Promise((resolve) => {
      let finished = false;
      const done = (how) => {
        if (finished) return;
        finished = true;
        K.onQuiet = null;
        clearTimeout(K.quietTimer);
        obs.disconnect();
        const t_dom = performance.now();
        const img = figImg(fig);
        K.armed = false;
        const res = {how, t_input: K.t_input, t_dom, alt: img ? img.getAttribute('alt') : null,
                     src_len: img ? (img.getAttribute('src') || '').length : 0,
                     t_send: K.sends.length ? K.sends[0] : null, t_recv: null, t_paint: null};
        const big = K.recvs.filter((r) => r[0] <= t_dom && r[1] > 2000);
        if (big.length) res.t_recv = big[big.length - 1][0];
        if (img && how === 'figure') {
          img.decode().catch(() => null).then(() => requestAnimationFrame(() => {
            res.t_paint = performance.now(); resolve(res);
          }));
        } else {
          resolve(res);
        }
      };
      const obs = new MutationObserver(() => {
        const img = figImg(fig);
        const src = img ? img.getAttribute('src') : null;
        if (src && src !== src0) done('figure');
      });
      obs.observe(fig, {subtree: true, childList: true, attributes: true,
                        attributeFilter: ['src']});
      // an invalid selection: the panel's status line shows a warning, the figure stays
      if (status) {
        new MutationObserver(() => {
          if (K.armed && status.textContent.includes('\u26a0')) done('status');
        }).observe(status, {subtree: true, childList: true, characterData: true});
      }
      K.cancel = () => done('timeout');
      K.onQuiet = () => done('quiet');
    });
    return true;
  };
  K.wait = (timeoutMs) => {
    const timer = setTimeout(() => K.cancel(), timeoutMs);
    return K.result.then((r) => { clearTimeout(timer); return r; });
  };
})();
"""

#: Finds every kit ControlPanel (its status line is ``role="status"``) and the figure it
#: drives (the nearest ``<img>`` outside the panel); marks them ``data-kit-panel=i`` and
#: ``data-kit-fig=i``. Returns one entry per panel with its controls, in DOM order.
LOCATE_JS = r"""
() => {
  const out = [];
  const statuses = [...document.querySelectorAll('.widget-html [role="status"]')];
  statuses.forEach((st, i) => {
    const panel = st.closest('.widget-html').parentElement;
    let anc = panel.parentElement, img = null;
    while (anc && !img) {
      img = [...anc.querySelectorAll('img')].find((im) => !panel.contains(im));
      anc = anc.parentElement;
    }
    const fig = img ? (img.closest('.widget-html') || img.closest('.widget-output')) : null;
    panel.setAttribute('data-kit-panel', String(i));
    st.closest('.widget-html').setAttribute('data-kit-status', String(i));
    if (fig) fig.setAttribute('data-kit-fig', String(i));
    const controls = [];
    const visible = (el) => !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length);
    for (const el of panel.querySelectorAll(
        '.widget-select-multiple, .widget-dropdown, .widget-hslider, .widget-toggle-buttons')) {
      if (!visible(el)) continue;
      const kind = el.classList.contains('widget-select-multiple') ? 'multiselect'
        : el.classList.contains('widget-dropdown') ? 'dropdown'
        : el.classList.contains('widget-hslider') ? 'slider' : 'toggle';
      const c = {kind, index: controls.length};
      el.setAttribute('data-kit-control', `${i}-${controls.length}`);
      if (kind === 'multiselect' || kind === 'dropdown') {
        c.options = [...el.querySelectorAll('option')].map((o) => o.value);
      } else if (kind === 'toggle') {
        c.options = [...el.querySelectorAll('button')].map((b) => b.innerText.trim());
      } else {
        c.handles = el.querySelectorAll('.noUi-handle').length;
      }
      controls.push(c);
    }
    out.push({index: i, has_figure: !!fig, controls,
              alt: img ? img.getAttribute('alt') : null});
  });
  return out;
}
"""


def new_timed_page(browser, *, width: int = 1280, height: int = 2000):
    """A page in a fresh browser context (no shared cache) with :data:`TIMING_INIT_JS`."""
    context = browser.new_context(viewport={"width": width, "height": height})
    context.add_init_script(TIMING_INIT_JS)
    return context.new_page()


def time_to_first_widget(page, url: str, timeout_ms: int = 120_000) -> tuple[float, float]:
    """Open ``url``; seconds until the first widget is visible and until the page is idle."""
    t0 = time.perf_counter()
    page.goto(url, timeout=timeout_ms, wait_until="commit")
    page.wait_for_selector(".jupyter-widgets", state="visible", timeout=timeout_ms)
    first = time.perf_counter() - t0
    page.wait_for_load_state("load", timeout=timeout_ms)
    page.wait_for_function(
        "() => !document.querySelector('#loading') || "
        "getComputedStyle(document.querySelector('#loading')).display === 'none'",
        timeout=timeout_ms,
    )
    return first, time.perf_counter() - t0


def locate_panels(page) -> list[dict]:
    """The kit's control panels in the page (see :data:`LOCATE_JS`), in DOM order."""
    return page.evaluate(LOCATE_JS)


def figure_state(page, panel: int) -> dict:
    """``{"src": ..., "alt": ...}`` of the figure driven by panel ``panel``."""
    return page.evaluate(
        """(i) => { const im = document.querySelector(`[data-kit-fig="${i}"] img`);
                    return im ? {src: im.getAttribute('src'), alt: im.getAttribute('alt')}
                              : {src: null, alt: null}; }""", panel)


def control_locator(page, panel: int, control: int):
    return page.locator(f'[data-kit-control="{panel}-{control}"]')


def apply_change(page, panel: int, control: dict, value) -> None:
    """Change one control like a user: select options, click a toggle, press an arrow key.

    ``value``: for ``multiselect`` a list of option values, for ``dropdown`` an option value,
    for ``toggle`` a button label, for ``slider`` ``(handle_index, key)`` with key
    ``"ArrowLeft"``/``"ArrowRight"``.
    """
    loc = control_locator(page, panel, control["index"])
    kind = control["kind"]
    if kind == "multiselect":
        loc.locator("select").select_option(value=list(value))
    elif kind == "dropdown":
        loc.locator("select").select_option(value=value)
    elif kind == "toggle":
        loc.locator("button", has_text=value).first.click()
    elif kind == "slider":
        handle, key = value
        loc.locator(".noUi-handle").nth(handle).focus()
        page.keyboard.press(key)
    else:
        raise ValueError(f"unknown control kind {kind!r}")


def timed_change(page, fig_selector: str, action, timeout_ms: int = 5000,
                 status_selector: str | None = None, quiet_ms: int = 1000) -> dict:
    """Run ``action()`` (an interaction) and time it in the browser.

    Returns a dict with ``how`` ("figure" when the figure's ``src`` changed, "status" when the
    status line at ``status_selector`` showed a warning instead, "quiet" when the kernel
    answered but nothing changed for ``quiet_ms``, else "timeout"),
    ``ms`` (input event to new ``src``), ``paint_ms`` (to the decoded image's next frame),
    ``send_ms`` (input to the first websocket send), ``recv_ms`` (input to the last large
    websocket message before the change) and the new ``alt``.
    """
    page.evaluate("([f, s, q]) => { window.__kit.quietMs = q; return window.__kit.arm(f, s); }",
                  [fig_selector, status_selector, quiet_ms])
    action()
    r = page.evaluate("(t) => window.__kit.wait(t)", timeout_ms)
    t_in = r["t_input"]
    out = {"how": r["how"], "alt": r["alt"], "src_len": r["src_len"]}
    for name, key in (("ms", "t_dom"), ("paint_ms", "t_paint"), ("send_ms", "t_send"),
                      ("recv_ms", "t_recv")):
        out[name] = None if (t_in is None or r[key] is None) else r[key] - t_in
    if out["how"] != "figure":
        out["ms"] = out["paint_ms"] = None
    return out


def slider_position(page, panel, control: int, handle: int = 0) -> tuple[int, int, int]:
    """``(value, min, max)`` of a slider handle, from noUiSlider's ARIA attributes."""
    h = control_locator(page, panel, control).locator(".noUi-handle").nth(handle)
    vals = [h.get_attribute(a) for a in ("aria-valuenow", "aria-valuemin", "aria-valuemax")]
    return tuple(int(float(v)) for v in vals)  # type: ignore[return-value]


def _subsets(current: tuple, options: list) -> list[tuple]:
    """Selections of a multi-select to visit, the current one first, then the likeliest to be
    valid: swap one chosen option for another (same count: a panel may need exactly one or at
    least two), drop one, add one, then small combinations."""
    import itertools

    cur = [o for o in options if o in current]
    rest = [o for o in options if o not in current]
    order = lambda sel: tuple(o for o in options if o in sel)  # noqa: E731 - DOM order
    swaps = [order((set(cur) - {a}) | {b}) for b in rest for a in reversed(cur)]
    drops = [order(set(cur) - {a}) for a in cur] if len(cur) > 1 else []
    adds = [order(set(cur) | {b}) for b in rest]
    combos = [s for k in (1, 2, 3) for s in itertools.combinations(options[:8], k)]
    return list(dict.fromkeys([tuple(cur), *swaps, *drops, *adds, *combos]))


def plan_changes(page, panel, controls: list[dict], n: int) -> list[tuple[dict, object, object]]:
    """Up to ``n`` interactions, each changing ONE control, that visit distinct selections.

    Returns ``(control, value, undo)`` triples for :func:`apply_change`; ``undo`` is the value
    that restores the previous selection (to time revisits, which the cache serves).

    Distinct selections matter: the kit's figure panel caches rendered images per selection,
    so a benchmark that revisits selections would time cache hits, not renders. The first
    control varies fastest; further controls are only used when the first alone cannot give
    ``n`` distinct selections (boustrophedon order, so each step changes one control).
    """

    dims: list[tuple[dict, list]] = []
    for c in controls:
        if c["kind"] == "multiselect":
            loc = control_locator(page, panel, c["index"]).locator("select")
            current = tuple(loc.evaluate("(s) => [...s.selectedOptions].map((o) => o.value)"))
            dims.append((c, _subsets(current, c["options"])))
        elif c["kind"] == "dropdown":
            cur = control_locator(page, panel, c["index"]).locator("select").input_value()
            dims.append((c, [cur] + [o for o in c["options"] if o != cur]))
        elif c["kind"] == "toggle":
            loc = control_locator(page, panel, c["index"])
            cur = loc.locator("button.mod-active").first.inner_text().strip()
            dims.append((c, [cur] + [o for o in c["options"] if o != cur]))
        elif c["kind"] == "slider":
            value, lo, hi = slider_position(page, panel, c["index"], 0)
            if c.get("handles", 1) > 1:  # a range: the lower handle stays below the upper
                hi = slider_position(page, panel, c["index"], 1)[0] - 1
            # handle 0 walks towards the farther end; its offsets from the start are the values
            step = -1 if value - lo >= hi - value else 1
            far = lo if step < 0 else hi
            dims.append((c, [("slider", k) for k in range(0, far - value + step, step)]))
        if math.prod(len(v) for _, v in dims) - 1 >= n:
            break
    if not dims:
        return []
    # boustrophedon walk over the grid of values: consecutive states differ in one control
    state = [0] * len(dims)
    direction = [1] * len(dims)
    plan: list[tuple[dict, object, object]] = []
    while len(plan) < n:
        for d in range(len(dims)):
            nxt = state[d] + direction[d]
            if 0 <= nxt < len(dims[d][1]):
                break
            direction[d] = -direction[d]
        else:
            break  # every selection visited
        ctrl, values = dims[d]
        prev, state[d] = values[state[d]], nxt
        val, undo = values[nxt], prev
        if ctrl["kind"] == "slider":
            left = val[1] < prev[1]
            val, undo = (0, "ArrowLeft" if left else "ArrowRight"), \
                (0, "ArrowRight" if left else "ArrowLeft")
        plan.append((ctrl, val, undo))
    return plan

"""Speed and memory of the kit's dashboards in Voila and Chromium (``make bench``; not a test).

For every lesson in ``notebooks/`` (and ``bench/kit_explorer.ipynb``, the kit's explorer on
real data) this prints:

* **time to first widget**: from navigation to the first visible widget, in a fresh browser
  context (nothing cached): *cold* (Voila starts a kernel and runs the notebook) and
  *preheated* (``--preheat`` pool: the notebook already ran in a waiting kernel);
* **widget round trip**: median and p95 over ``--changes`` interactions with the lesson's first
  control panel, each visiting a NEW selection (the figure panel caches images per selection,
  so revisits are timed apart as "cached"). Measured IN the browser: from the input event
  (``performance.now()`` in a capturing listener) to the figure ``<img>``'s new ``src``
  (MutationObserver), with the split browser -> websocket send -> last large message received
  -> new ``src``, and the time until the decoded image is painted;
* the same for ``bench/baseline_seaborn.ipynb`` (one slider redrawing a seaborn figure into an
  ``Output`` widget) **side by side**: the baseline page is open at the same time and its
  changes alternate with the lesson's, so the ratios hold on a noisy machine;
* **headless execution** time of the whole notebook (nbclient, fresh kernel) and the
  **kernel-side callback** time (the same kind of changes, timed in the kernel: what the
  round trip costs before any message leaves the kernel);
* **kernel peak memory** (``VmHWM`` of the Voila kernel after the interactions, psutil).

Prints two tables and writes ``bench/results/bench-<timestamp>.json`` (gitignored).

Usage::

    python bench/run.py [--changes 30] [--revisits 10] [--only 01_hebei] [--skip-preheat]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
KIT_ROOT = HERE.parent
sys.path.insert(0, str(KIT_ROOT / "tests"))

# Jupyter, IPython and matplotlib write into $HOME: keep the benchmark's files in a temp dir
_TMP = Path(tempfile.mkdtemp(prefix="hebei-kit-bench-"))
for _var in ("JUPYTER_CONFIG_DIR", "JUPYTER_DATA_DIR", "JUPYTER_RUNTIME_DIR", "IPYTHONDIR",
             "MPLCONFIGDIR"):
    os.environ.setdefault(_var, str(_TMP / _var.lower()))
os.environ.setdefault("JUPYTER_PLATFORM_DIRS", "1")
os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
os.environ.setdefault("MPLBACKEND", "Agg")

from voila_harness import (  # noqa: E402 - after the environment above
    apply_change,
    chromium_available,
    chromium_browser,
    kernel_processes,
    locate_panels,
    new_timed_page,
    page_errors,
    peak_rss_mb,
    plan_changes,
    slider_position,
    time_to_first_widget,
    timed_change,
    voila_server,
    wait_quiet,
)

BASELINE = "baseline_seaborn"
REFERENCE = "kit_explorer"
#: targets from the issue (Chromium, this machine)
TARGET_MEDIAN_MS, TARGET_P95_MS = 100.0, 200.0
CULL = {"cull_idle_timeout": 20, "cull_interval": 5}

MARK_BASELINE_JS = """() => {
  const out = document.querySelector('.widget-output');
  const slider = document.querySelector('.widget-hslider');
  if (!out || !slider) return false;
  out.setAttribute('data-kit-fig', 'base');
  slider.setAttribute('data-kit-control', 'base-0');
  return true;
}"""
BASE_SLIDER = {"kind": "slider", "index": 0}


def pct(values: list[float], q: float) -> float | None:
    """The q-th percentile (nearest rank, as load-testing tools report it)."""
    vals = sorted(v for v in values if v is not None)
    if not vals:
        return None
    rank = max(1, -(-len(vals) * q // 100))  # ceil
    return vals[int(rank) - 1]


def summary(values: list[float | None]) -> dict:
    vals = [v for v in values if v is not None]
    return {"n": len(vals), "median": statistics.median(vals) if vals else None,
            "p95": pct(vals, 95), "max": max(vals) if vals else None}


class Baseline:
    """The seaborn baseline page, driven one slider step at a time (bouncing end to end)."""

    def __init__(self, page):
        self.page = page
        if not page.evaluate(MARK_BASELINE_JS):
            raise RuntimeError("the baseline notebook shows no slider and Output widget")
        self.value, self.lo, self.hi = slider_position(page, "base", 0)
        self.step = -1

    def change(self) -> dict:
        if not self.lo <= self.value + self.step <= self.hi:
            self.step = -self.step
        key = "ArrowRight" if self.step > 0 else "ArrowLeft"
        r = timed_change(self.page, '[data-kit-fig="base"]',
                         lambda: apply_change(self.page, "base", BASE_SLIDER, (0, key)))
        self.value += self.step
        return r


def open_page(browser, server, name: str):
    page = new_timed_page(browser)
    first, loaded = time_to_first_widget(page, server.render_url(name), timeout_ms=240_000)
    return page, first, loaded


def drive(browser, lessons_srv, bench_srv, name: str, n: int, revisits: int) -> dict:
    """Cold open of ``name`` and the baseline, then interleaved round trips."""
    srv = bench_srv if name == REFERENCE else lessons_srv
    before = {p.pid for p in kernel_processes(srv)}
    page, first, loaded = open_page(browser, srv, name)
    kernels = [p for p in kernel_processes(srv) if p.pid not in before]
    res: dict = {"notebook": name, "first_widget_cold_s": first, "page_ready_cold_s": loaded,
                 "errors": page_errors(page)}
    panels = [p for p in locate_panels(page) if p["has_figure"] and p["controls"]]
    res["panels"] = len(panels)
    if not panels:
        res["note"] = "no kit control panel driving a figure"
        page.context.close()
        return res
    wait_quiet(bench_srv)
    bbefore = {p.pid for p in kernel_processes(bench_srv)}
    bpage, bfirst, bloaded = open_page(browser, bench_srv, BASELINE)
    bkernels = [p for p in kernel_processes(bench_srv) if p.pid not in bbefore]
    res["baseline_first_widget_cold_s"] = bfirst
    try:
        main = panels[0]
        idx = main["index"]
        res["controls"] = [c["kind"] for c in main["controls"]]
        # plan more than needed: invalid selections (the panel explains them in its status
        # line and keeps the figure) are skipped by size, and only NEW selections are timed
        plan = plan_changes(page, idx, main["controls"], 4 * n)
        base = Baseline(bpage)
        fig, status = f'[data-kit-fig="{idx}"]', f'[data-kit-status="{idx}"]'
        lesson, baseline, invalid, done = [], [], [], []
        state = {c["index"]: None for c in main["controls"]}
        seen, bad_sizes = set(), set()
        for ctrl, value, undo in plan:
            if len(lesson) >= n:
                break
            new = dict(state)
            if ctrl["kind"] == "slider":
                new[ctrl["index"]] = (state[ctrl["index"]] or 0) + \
                    (1 if value[1] == "ArrowRight" else -1)
            else:
                new[ctrl["index"]] = value
            key = tuple(sorted(new.items()))
            skip = key in seen or (ctrl["kind"] == "multiselect" and len(value) in bad_sizes)
            if skip and ctrl["kind"] != "slider":
                continue  # absolute values: skipping keeps the walk consistent
            r = timed_change(page, fig, lambda c=ctrl, v=value: apply_change(page, idx, c, v),
                             status_selector=status)
            if ctrl["kind"] != "slider" and state[ctrl["index"]] is not None:
                undo = state[ctrl["index"]]  # the value actually shown before this change
            state = new
            seen.add(key)
            if r["how"] in ("status", "quiet"):
                invalid.append(r)
                if ctrl["kind"] == "multiselect":
                    bad_sizes.add(len(value))
                continue
            lesson.append(r)
            done.append((ctrl, value, undo))
            # (an invalid change leaves the figure on the last valid selection; the next
            # valid change is timed from there, so it is still a new selection)
            baseline.append(base.change())
        cached = []
        for ctrl, _value, undo in list(reversed(done))[:revisits]:
            cached.append(timed_change(page, fig,
                                       lambda c=ctrl, v=undo: apply_change(page, idx, c, v)))
        res["kernel_peak_mb"] = max((peak_rss_mb(k) for k in kernels), default=None)
        res["baseline_kernel_peak_mb"] = max((peak_rss_mb(k) for k in bkernels), default=None)
        res["raw"] = {"lesson": lesson, "baseline": baseline, "cached": cached}
        res["rt"] = summary([r["ms"] for r in lesson])
        res["rt_paint"] = summary([r["paint_ms"] for r in lesson])
        res["rt_cached"] = summary([r["ms"] for r in cached])
        res["baseline_rt"] = summary([r["ms"] for r in baseline])
        res["no_change"] = sum(r["how"] != "figure" for r in lesson)
        res["invalid_selections"] = len(invalid)
        ok = [r for r in lesson if r["how"] == "figure" and r["send_ms"] is not None
              and r["recv_ms"] is not None]
        res["split_ms"] = {
            "input_to_send": statistics.median([r["send_ms"] for r in ok]) if ok else None,
            "send_to_recv": statistics.median([r["recv_ms"] - r["send_ms"] for r in ok])
            if ok else None,
            "recv_to_src": statistics.median([r["ms"] - r["recv_ms"] for r in ok])
            if ok else None,
        }
        res["alt_texts_distinct"] = len({r["alt"] for r in lesson if r["alt"]})
        return res
    finally:
        page.context.close()
        bpage.context.close()


def preheated_first_widget(browser, srv, name: str) -> float:
    wait_quiet(srv, timeout=120)
    page, first, _ = open_page(browser, srv, name)
    page.context.close()
    return first


KERNEL_HOOK = """
import helpers.widgets as _kit_w
_kit_w._bench_dashboards = []
if not hasattr(_kit_w, "_bench_build"):
    _kit_w._bench_build = _kit_w.build_dashboard
    def _kit_record(panel, figure_panel, *a, **k):
        _kit_w._bench_dashboards.append((panel, figure_panel))
        return _kit_w._bench_build(panel, figure_panel, *a, **k)
    _kit_w.build_dashboard = _kit_record
"""

# Changes like the browser's: new item subsets when the panel lists items; otherwise (a
# lesson without a list, e.g. 03's tile map) each indicator with each end year. Only changes
# that render a new figure are timed (an invalid selection only updates the status line).
KERNEL_TIMING = """
import itertools as _it, json as _json, time as _time
_res = {}
if _kit_w._bench_dashboards:
    _p, _f = _kit_w._bench_dashboards[0]
    if _p.regions:
        _cur = tuple(_p.regions_widget.value)
        _plan = [("regions", s) for k in (1, 2, 3) for s in _it.combinations(_p.regions[:8], k)
                 if s != _cur]
    else:
        _lo, _hi = _p.years_widget.min, _p.years_widget.max
        _plan = [("indicator_years", (i, (_lo, e))) for i in _p.indicators
                 for e in range(_hi, _lo, -1)]
    def _apply(kind, value):
        if kind == "regions":
            _p.regions_widget.value = value
        else:
            _p.indicator_widget.value = value[0]
            _p.years_widget.value = value[1]
    _ts, _seen = [], []
    for _kind, _v in _plan:
        if len(_ts) >= N:
            break
        _n0 = _f.render_count
        _t = _time.perf_counter()
        _apply(_kind, _v)
        _dt = 1000 * (_time.perf_counter() - _t)
        if _f.render_count == _n0 + 1:
            _ts.append(_dt)
            _seen.append((_kind, _v))
    _cached = []
    for _kind, _v in _seen[::-1][:10]:
        _t = _time.perf_counter()
        _apply(_kind, _v)
        _cached.append(1000 * (_time.perf_counter() - _t))
    _res = {"callback_ms": _ts, "cached_ms": _cached} if _ts else {}
print(_json.dumps(_res))
"""


def headless(path: Path, n: int) -> dict:
    """Run the notebook with nbclient in a fresh kernel; then time callbacks in that kernel."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    out: dict = {}
    hook = nbformat.v4.new_code_cell(KERNEL_HOOK)
    timing = nbformat.v4.new_code_cell(KERNEL_TIMING.replace(">= N:", f">= {n}:"))
    cells = list(nb.cells)
    nb.cells = [hook, *cells, timing]  # nbclient stores each cell back at its index
    with client.setup_kernel():
        client.execute_cell(hook, 0)
        t0 = time.perf_counter()
        for i, cell in enumerate(cells, start=1):
            client.execute_cell(cell, i)
        out["headless_s"] = time.perf_counter() - t0
        client.execute_cell(timing, len(nb.cells) - 1)
        text = "".join(o.get("text", "") for o in timing.outputs if o.get("name") == "stdout")
        data = json.loads(text.strip().splitlines()[-1]) if text.strip() else {}
        if data:
            out["callback"] = summary(data["callback_ms"])
            out["callback_cached"] = summary(data["cached_ms"])
        proc = getattr(client.km.provisioner, "process", None)
        if proc is not None:
            import psutil

            out["headless_kernel_peak_mb"] = peak_rss_mb(psutil.Process(proc.pid))
    return out


def fmt(v, spec: str = ".0f") -> str:
    return "-" if v is None else format(v, spec)


def ratio(a, b) -> str:
    return "-" if a is None or not b else f"{a / b:.2f}"


def print_tables(results: list[dict], base_headless: dict) -> None:
    head = (f"{'notebook':28} {'1st widget s':>12} {'round trip ms':>14} {'baseline ms':>12} "
            f"{'ratio':>11} {'cached':>7} {'headless':>9} {'kernel':>7}")
    sub = (f"{'':28} {'cold/heat':>12} {'median/p95':>14} {'median/p95':>12} "
           f"{'median/p95':>11} {'median':>7} {'s':>9} {'peak MB':>7}")
    print("\n" + head + "\n" + sub + "\n" + "-" * len(head))
    for r in results:
        rt, b = r.get("rt", {}), r.get("baseline_rt", {})
        print(f"{r['notebook'][:28]:28} "
              f"{fmt(r.get('first_widget_cold_s'), '.1f'):>5}/"
              f"{fmt(r.get('first_widget_heated_s'), '.1f'):<6} "
              f"{fmt(rt.get('median')):>6}/{fmt(rt.get('p95')):<7} "
              f"{fmt(b.get('median')):>5}/{fmt(b.get('p95')):<6} "
              f"{ratio(rt.get('median'), b.get('median')):>5}/"
              f"{ratio(rt.get('p95'), b.get('p95')):<5} "
              f"{fmt(r.get('rt_cached', {}).get('median')):>7} "
              f"{fmt(r.get('headless_s'), '.1f'):>9} {fmt(r.get('kernel_peak_mb')):>7}"
              + (f"   ({r['note']})" if r.get("note") else ""))
    bl = [r for r in results if r.get("baseline_first_widget_cold_s") is not None]
    if bl:
        cold = statistics.median(r["baseline_first_widget_cold_s"] for r in bl)
        print(f"{BASELINE + ' (baseline)':28} {cold:>5.1f}/"
              f"{fmt(base_headless.get('first_widget_heated_s'), '.1f'):<6} "
              f"{'':>14} {'':>12} {'':>11} {'':>7} "
              f"{fmt(base_headless.get('headless_s'), '.1f'):>9} "
              f"{fmt(base_headless.get('kernel_peak_mb')):>7}")
    print("\nWhere a round trip's time goes (medians, ms): in the kernel (callback, timed "
          "headless) and in the browser")
    head = (f"{'notebook':28} {'kernel cb':>9} {'input->send':>11} {'send->recv':>10} "
            f"{'recv->src':>9} {'->painted':>9} {'no change':>9} {'alts':>5}")
    print(head + "\n" + "-" * len(head))
    for r in results:
        s = r.get("split_ms", {})
        print(f"{r['notebook'][:28]:28} {fmt(r.get('callback', {}).get('median')):>9} "
              f"{fmt(s.get('input_to_send'), '.1f'):>11} {fmt(s.get('send_to_recv')):>10} "
              f"{fmt(s.get('recv_to_src'), '.1f'):>9} "
              f"{fmt(r.get('rt_paint', {}).get('median')):>9} "
              f"{fmt(r.get('no_change'), 'd'):>9} {fmt(r.get('alt_texts_distinct'), 'd'):>5}")
    print(f"\nTargets: round trip median <= {TARGET_MEDIAN_MS:.0f} ms, p95 <= "
          f"{TARGET_P95_MS:.0f} ms (input event to new figure src, Chromium).")
    for r in results:
        rt = r.get("rt", {})
        if rt.get("median") is None:
            continue
        ok = rt["median"] <= TARGET_MEDIAN_MS and rt["p95"] <= TARGET_P95_MS
        print(f"  {r['notebook']}: {'meets' if ok else 'MISSES'} the targets")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python bench/run.py", description=__doc__.split("\n")[0])
    ap.add_argument("--changes", type=int, default=30, help="new selections per dashboard")
    ap.add_argument("--revisits", type=int, default=10, help="revisited (cached) selections")
    ap.add_argument("--only", default="", help="only notebooks whose name contains this")
    ap.add_argument("--skip-preheat", action="store_true")
    ap.add_argument("--skip-headless", action="store_true")
    ns = ap.parse_args(argv)
    if not chromium_available():
        print("Debian's chromium is not installed (make system-deps).", file=sys.stderr)
        return 2
    t_start = time.perf_counter()
    lessons = sorted((KIT_ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    paths = {p.stem: p for p in lessons}
    paths[REFERENCE] = HERE / f"{REFERENCE}.ipynb"
    names = [n for n in paths if ns.only in n]
    results = {n: {"notebook": n} for n in names}
    base_extra: dict = {}

    print(f"Benchmarking {len(names)} dashboards against {BASELINE} "
          f"({ns.changes} changes each, {ns.revisits} revisits) ...", flush=True)
    with chromium_browser() as browser:
        # short culling: the kernels of closed pages go away between dashboards
        with voila_server(notebook_dir=KIT_ROOT / "notebooks", **CULL) as lsrv, \
                voila_server(notebook_dir=HERE, **CULL) as bsrv:
            for n in names:
                wait_quiet(lsrv)
                wait_quiet(bsrv)
                print(f"  {n}: cold open and {ns.changes} round trips ...", flush=True)
                try:
                    results[n].update(drive(browser, lsrv, bsrv, n, ns.changes, ns.revisits))
                except Exception as exc:  # noqa: BLE001 - one failing dashboard is reported
                    results[n]["note"] = f"failed: {type(exc).__name__}: {str(exc)[:200]}"
                    # what the servers said, so that a failure can be diagnosed afterwards
                    results[n]["server_log_tail"] = {"lessons": lsrv.log()[-6000:],
                                                     "baseline": bsrv.log()[-2000:]}
                    tail = lsrv.log().strip().splitlines()[-15:]
                    print(f"    {results[n]['note']}\n    Voila's last lines:\n      "
                          + "\n      ".join(tail), flush=True)
        if not ns.skip_preheat:
            print("  preheated kernels: waiting for the pools ...", flush=True)
            lesson_names = [n for n in names if n != REFERENCE]
            with voila_server(notebook_dir=KIT_ROOT / "notebooks", preheat=1) as lsrv, \
                    voila_server(notebook_dir=HERE, preheat=1) as bsrv:
                wait_quiet(lsrv, min_kernels=len(lessons), timeout=300)
                wait_quiet(bsrv, min_kernels=2, timeout=300)
                for n in lesson_names:
                    results[n]["first_widget_heated_s"] = preheated_first_widget(browser, lsrv, n)
                for n in [REFERENCE, BASELINE]:
                    if n == REFERENCE and REFERENCE not in names:
                        continue
                    first = preheated_first_widget(browser, bsrv, n)
                    (base_extra if n == BASELINE else results[n])["first_widget_heated_s"] = first
    if not ns.skip_headless:
        for n in [*names, BASELINE]:
            print(f"  {n}: headless run ...", flush=True)
            h = headless(paths.get(n, HERE / f"{n}.ipynb"), ns.changes)
            if n == BASELINE:
                base_extra.update(h)
                base_extra["kernel_peak_mb"] = h.get("headless_kernel_peak_mb")
            else:
                results[n].update(h)
    rows = list(results.values())
    print_tables(rows, base_extra)
    total = time.perf_counter() - t_start
    print(f"\nTotal benchmark time: {total:.0f} s")
    out_dir = HERE / "results"
    out_dir.mkdir(exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    out = out_dir / f"bench-{stamp}.json"
    out.write_text(json.dumps({
        "when": stamp, "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                                   "platform": platform.platform()},
        "targets_ms": {"median": TARGET_MEDIAN_MS, "p95": TARGET_P95_MS},
        "total_s": total, "baseline": base_extra, "dashboards": rows,
    }, indent=1, default=str))
    print(f"Results: {out.relative_to(KIT_ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

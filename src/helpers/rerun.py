"""Rerun lessons with papermill over a set of parameter values (``python -m helpers.rerun``).

Examples (from the repository root)::

    python -m helpers.rerun --notebook 01_hebei_structure -p region Beijing
    python -m helpers.rerun --notebook 01_hebei_structure --sweep bohai --years 2016-2020,2018-2024
    python -m helpers.rerun --all --grid language=en,zh --jobs 4
    python -m helpers.rerun --all --dry-run            # list the runs, run nothing

Each run executes a copy of ``notebooks/<name>.ipynb`` with papermill (kernel ``python3``, working
directory ``notebooks/`` so relative paths work) and writes the executed notebook and an HTML
report to ``reports/<name>/<param-slug>.ipynb`` / ``.html``. Source notebooks are only read;
an output folder inside ``notebooks/`` is refused. Runs go in parallel (one process each, up to
the number of cores); a failing run does not stop the others. A summary table (notebook,
parameters, ok/failed, seconds, output, first line of the error) is printed and saved as
``reports/rerun-summary.csv``; the exit status is 1 if any run failed and 2 if the request was
invalid (unknown notebook or parameter: nothing is run).

Parameter names are checked against each notebook's ``parameters`` cell (papermill's
``inspect_notebook``) before anything is launched, so a misspelt name fails at once with the
allowed names. Values are checked inside the notebook by :mod:`helpers.params` (the cell after
the parameters cell), which is why a bad value shows up as a failed run whose error names the
parameter and the allowed values.

Values on the command line are read like papermill's ``-p``: ``True``/``False``/``None``, ints
and floats are converted, anything else is a string (``-r`` keeps the raw string). A list
parameter takes a comma-separated string (``-p regions Hebei,Beijing``) which
:mod:`helpers.params` splits; inside ``--grid`` commas separate grid values, so give list values
there with ``;`` (``--grid "regions=Hebei;Beijing,Hebei;Tianjin"``).
"""

from __future__ import annotations

import argparse
import csv
import difflib
import hashlib
import itertools
import os
import re
import signal
import sys
import time
import traceback
from collections.abc import Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from helpers import KIT_ROOT, NOTEBOOKS_DIR

__all__ = [
    "RerunError",
    "Run",
    "RunResult",
    "expand_runs",
    "main",
    "notebook_names",
    "plan_runs",
    "resolve_notebook",
    "run_all",
    "slug",
    "summary_table",
]

KERNEL_NAME = "python3"
DEFAULT_REPORTS_DIR = KIT_ROOT / "reports"
#: Longest slug in bytes (UTF-8): file names are limited to 255 bytes, not characters, and
#: the partial name adds a dot, ".partial" and the suffix.
_SLUG_MAX = 150


class RerunError(ValueError):
    """An invalid rerun request (unknown notebook, unknown parameter, bad option)."""


@dataclass(frozen=True)
class Run:
    """One papermill execution: a notebook and the parameters injected into it.

    The run writes under :attr:`partial_ipynb` / :attr:`partial_html` (hidden names beside the
    final ones); only the main process renames them to ``output_ipynb`` / ``output_html``, and
    only when the run finished and the rerun was not interrupted. A final name therefore always
    holds a finished report.
    """

    notebook: str
    source: Path
    parameters: dict[str, Any]
    output_ipynb: Path
    output_html: Path | None
    cwd: Path

    @property
    def partial_ipynb(self) -> Path:
        return self.output_ipynb.with_name(f".{self.output_ipynb.stem}.partial.ipynb")

    @property
    def partial_html(self) -> Path | None:
        if self.output_html is None:
            return None
        return self.output_html.with_name(f".{self.output_html.stem}.partial.html")


@dataclass
class RunResult:
    run: Run
    ok: bool
    seconds: float
    error: str = ""
    details: str = field(default="", repr=False)
    interrupted: bool = False

    @property
    def status(self) -> str:
        return "interrupted" if self.interrupted else ("ok" if self.ok else "failed")

    @property
    def error_line(self) -> str:
        return self.error.strip().splitlines()[0] if self.error.strip() else ""


# --------------------------------------------------------------------------------------------
# Planning (pure: no kernels)
# --------------------------------------------------------------------------------------------
def resolve_value(text: str) -> Any:
    """Read a command-line value the way papermill's ``-p`` does (True/False/None/int/float/str)."""
    if text == "True":
        return True
    if text == "False":
        return False
    if text == "None":
        return None
    for cast in (int, float):
        try:
            return cast(text)
        except ValueError:
            pass
    return text


def _sweep_groups() -> dict[str, tuple[str, ...]]:
    """Named region lists for ``--sweep`` (taken from :mod:`helpers.regions`, kept as data)."""
    from helpers import regions

    return {
        "bohai": tuple(regions.bohai_rim("provinces")),
        "jingjinji": ("Beijing", "Tianjin", "Hebei"),
        "provinces": tuple(regions.PROVINCES),
        "hebei_cities": tuple(regions.HEBEI_CITIES),
    }


def _parse_years(text: str) -> list[dict[str, int]]:
    pairs = []
    for part in (p.strip() for p in text.split(",") if p.strip()):
        m = re.fullmatch(r"(\d{4})(?:\s*[-:]\s*(\d{4}))?", part)
        if not m:
            raise RerunError(f"--years: cannot read {part!r}; write e.g. 2016-2020,2018-2024")
        start, end = int(m.group(1)), int(m.group(2) or m.group(1))
        if start > end:
            raise RerunError(f"--years: {part!r} starts after it ends")
        pairs.append({"start_year": start, "end_year": end})
    if not pairs:
        raise RerunError("--years: no year range given")
    return pairs


def _parse_grid(text: str) -> list[dict[str, Any]]:
    name, sep, values = text.partition("=")
    name = name.strip()
    if not sep or not name.isidentifier():
        raise RerunError(f"--grid: cannot read {text!r}; write name=v1,v2,...")
    items = [v.strip() for v in values.split(",") if v.strip()]
    if not items:
        raise RerunError(f"--grid {name}: no values given")
    # inside a grid value ';' stands for the ',' of a list parameter
    return [{name: resolve_value(v.replace(";", ","))} for v in items]


def expand_runs(
    fixed: Mapping[str, Any] | None = None,
    grids: Sequence[str] = (),
    sweep: str | None = None,
    sweep_param: str = "region",
    years: str | None = None,
) -> list[dict[str, Any]]:
    """The parameter sets to run: the cartesian product of every axis, merged with ``fixed``.

    Args:
        fixed: parameters set for every run (``-p``/``-r``).
        grids: ``"name=v1,v2"`` strings (``--grid``), one axis each.
        sweep: a group name (``bohai``, ``jingjinji``, ``provinces``, ``hebei_cities``) swept as
            ``sweep_param``.
        sweep_param: the parameter that receives the swept region (default ``region``).
        years: ``"2016-2020,2018-2024"``: one axis of (start_year, end_year) pairs.

    Returns:
        A list of dicts; ``[{**fixed}]`` (one run) when no axis is given.
    """
    fixed = dict(fixed or {})
    axes: list[list[dict[str, Any]]] = [_parse_grid(g) for g in grids]
    if sweep is not None:
        groups = _sweep_groups()
        if sweep not in groups:
            raise RerunError(
                f"--sweep: unknown group {sweep!r}; allowed: {', '.join(groups)}"
                + _did_you_mean(sweep, groups)
            )
        axes.append([{sweep_param: r} for r in groups[sweep]])
    if years is not None:
        axes.append(_parse_years(years))
    seen: dict[str, str] = {n: "-p" for n in fixed}
    for axis, label in zip(axes, [*(f"--grid {g}" for g in grids),
                                  *(["--sweep"] if sweep else []),
                                  *(["--years"] if years else [])], strict=True):
        for n in axis[0]:
            if n in seen:
                raise RerunError(f"parameter {n!r} is set twice ({seen[n]} and {label})")
            seen[n] = label
    combos = []
    for parts in itertools.product(*axes):
        params = dict(fixed)
        for p in parts:
            params.update(p)
        combos.append(params)
    return combos


def notebook_names(notebooks_dir: Path) -> list[str]:
    """Lesson names (file stems) in ``notebooks_dir``, sorted; checkpoints excluded."""
    return sorted(
        p.stem for p in Path(notebooks_dir).glob("*.ipynb")
        if not p.name.startswith((".", "Untitled"))
    )


def resolve_notebook(name: str, notebooks_dir: Path) -> Path:
    """Path of lesson ``name`` (with or without ``.ipynb``, or just its number ``01``).

    Raises:
        RerunError: unknown name; the message lists the allowed names and close matches.
    """
    stem = Path(name).name.removesuffix(".ipynb")
    names = notebook_names(notebooks_dir)
    if stem not in names:
        # a bare lesson number is unambiguous: "01" -> "01_hebei_structure"
        prefix = [n for n in names if n.startswith(f"{stem}_")] if stem.isdigit() else []
        if len(prefix) == 1:
            stem = prefix[0]
        else:
            raise RerunError(
                f"unknown notebook {name!r} in {notebooks_dir}. Allowed: "
                f"{', '.join(names) or '(none)'}" + _did_you_mean(stem, names)
            )
    return Path(notebooks_dir) / f"{stem}.ipynb"


def slug(params: Mapping[str, Any]) -> str:
    """File-name-safe, readable name for a parameter set (``region-Beijing_start_year-2016``)."""
    if not params:
        return "defaults"

    def clean(v: Any) -> str:
        text = ",".join(map(str, v)) if isinstance(v, list | tuple) else str(v)
        return re.sub(r"[^\w.,+-]+", "-", text, flags=re.UNICODE).strip("-") or "empty"

    text = "_".join(f"{k}-{clean(v)}" for k, v in params.items())
    if len(text.encode("utf-8")) > _SLUG_MAX:
        digest = hashlib.sha1(repr(sorted(params.items())).encode()).hexdigest()[:10]
        head = text.encode("utf-8")[:_SLUG_MAX - 11].decode("utf-8", errors="ignore")
        text = f"{head}-{digest}"
    return text


def _params_key(params: Mapping[str, Any]) -> str:
    return repr(sorted((k, v) for k, v in params.items()))


def _inside(path: Path, folder: Path) -> bool:
    return path.resolve().is_relative_to(folder.resolve())


def plan_runs(
    notebooks: Sequence[str] | None,
    param_sets: Sequence[Mapping[str, Any]],
    *,
    notebooks_dir: Path = NOTEBOOKS_DIR,
    reports_dir: Path = DEFAULT_REPORTS_DIR,
    html: bool = True,
) -> tuple[list[Run], list[str]]:
    """Check the request and list the runs; nothing is executed.

    Args:
        notebooks: lesson names, or None for every notebook in ``notebooks_dir`` (``--all``).
        param_sets: from :func:`expand_runs`.
        notebooks_dir: folder of the source notebooks (also the working directory of each run).
        reports_dir: output folder; refused if inside ``notebooks_dir``.
        html: also write an HTML report per run.

    Returns:
        (runs, notes). With one named notebook every parameter must be declared in its
        parameters cell. With ``--all`` each notebook gets the parameters it declares (a note says
        which were dropped) and identical runs are merged; a parameter no notebook declares is an
        error.

    Raises:
        RerunError: unknown notebook (with close matches), unknown parameter (with the allowed
            names), or an output folder inside the notebooks folder.
    """
    import papermill as pm

    notebooks_dir = Path(notebooks_dir).resolve()
    reports_dir = Path(reports_dir).resolve()
    if _inside(reports_dir, notebooks_dir):
        raise RerunError(
            f"refusing to write reports into {reports_dir}: it is inside the notebooks folder "
            f"{notebooks_dir}; source notebooks are never overwritten. Choose another "
            "--reports-dir."
        )
    _check_writable(reports_dir)
    all_mode = notebooks is None
    paths = ([notebooks_dir / f"{n}.ipynb" for n in notebook_names(notebooks_dir)] if all_mode
             else [resolve_notebook(n, notebooks_dir) for n in notebooks])
    if not paths:
        raise RerunError(f"no notebooks found in {notebooks_dir}")
    requested = list(dict.fromkeys(k for ps in param_sets for k in ps))
    declared = {p: list(pm.inspect_notebook(str(p))) for p in paths}
    notes: list[str] = []
    if all_mode:
        everywhere = {n for names in declared.values() for n in names}
        unknown = [n for n in requested if n not in everywhere]
        if unknown:
            raise RerunError(_unknown_params_message(unknown, sorted(everywhere), "any notebook"))
    else:
        for p, names in declared.items():
            unknown = [n for n in requested if n not in names]
            if unknown:
                raise RerunError(_unknown_params_message(unknown, names, p.stem))
    runs: list[Run] = []
    for p, names in declared.items():
        if not names:
            notes.append(f"{p.stem}: no cell tagged 'parameters'; run with its own values")
        dropped = [n for n in requested if n not in names]
        if dropped:
            notes.append(f"{p.stem}: does not declare {', '.join(dropped)}; not passed")
        seen: dict[str, str] = {}  # slug -> parameters it stands for
        done: set[str] = set()
        for ps in param_sets:
            params = {k: v for k, v in ps.items() if k in names}
            key = _params_key(params)
            if key in done:  # the same run twice (e.g. --all drops a parameter): run once
                continue
            done.add(key)
            name = slug(params)
            if name in seen and seen[name] != key:
                # two different parameter sets that read the same as a file name: keep both
                digest = hashlib.sha1(key.encode()).hexdigest()[:8]
                notes.append(f"{p.stem}: {_params_text(params)} and another run share the file "
                             f"name {name!r}; this one is written as {name}-{digest}")
                name = f"{name}-{digest}"
            seen[name] = key
            out = reports_dir / p.stem / f"{name}.ipynb"
            runs.append(Run(p.stem, p, params, out, out.with_suffix(".html") if html else None,
                            notebooks_dir))
    return runs, notes


def _check_writable(folder: Path) -> None:
    """Refuse, before any run (and without creating anything), an output folder that cannot
    be created or written: the folder if it exists, else its nearest existing parent."""
    existing = folder
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if existing.is_file() or (existing == folder and not folder.is_dir()):
        problem = f"{existing} is a file, not a folder"
    elif not os.access(existing, os.W_OK | os.X_OK):
        problem = f"{existing} is not writable"
    else:
        return
    raise RerunError(f"cannot write reports into {folder}: {problem}. Choose a folder you can "
                     "write with --reports-dir (default: reports/ in the kit).")


def _unknown_params_message(unknown: Sequence[str], allowed: Sequence[str], where: str) -> str:
    parts = []
    for n in unknown:
        hits = difflib.get_close_matches(n, list(allowed), n=3, cutoff=0.6)
        parts.append(f"{n!r}" + (f" (did you mean {', '.join(map(repr, hits))}?)" if hits else ""))
    return (f"unknown parameter{'s' if len(unknown) > 1 else ''} {', '.join(parts)} for "
            f"{where}. Allowed parameters: {', '.join(allowed) or '(none: no parameters cell)'}")


def _did_you_mean(word: str, candidates: Sequence[str] | Mapping[str, Any]) -> str:
    hits = difflib.get_close_matches(word, list(candidates), n=3, cutoff=0.6)
    return f". Did you mean {', '.join(map(repr, hits))}?" if hits else ""


# --------------------------------------------------------------------------------------------
# Execution
# --------------------------------------------------------------------------------------------
def _worker_init() -> None:
    """In each worker: Ctrl-C is the main process's to handle (it cancels the queue and stops
    the workers); SIGTERM from it becomes SystemExit, so nbclient's clean-up shuts the kernel
    down instead of leaving it orphaned."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # the kernels' own log lines (and their tracebacks when stopped) are not the user's to
    # read: a run's outcome comes back as its RunResult
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)
    os.close(devnull)

    def _stop(signum: int, frame: object) -> None:  # noqa: ARG001 - signal handler signature
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, _stop)


def _execute(run: Run, no_input: bool, timeout: int | None) -> RunResult:
    """Worker: run one notebook with papermill into its partial name, then export HTML into its
    partial name. Never raises for a failing notebook; the main process publishes the files."""
    import papermill as pm

    t0 = time.perf_counter()
    error, details = "", ""
    try:
        if _inside(run.output_ipynb, run.cwd) or run.output_ipynb.resolve() == run.source.resolve():
            raise RerunError(f"refusing to write {run.output_ipynb}: inside the notebooks folder")
        run.output_ipynb.parent.mkdir(parents=True, exist_ok=True)
        pm.execute_notebook(
            str(run.source), str(run.partial_ipynb), parameters=dict(run.parameters),
            kernel_name=KERNEL_NAME, cwd=str(run.cwd), progress_bar=False,
            execution_timeout=timeout,
        )
    except Exception as exc:  # noqa: BLE001 - a failing run is reported, not fatal
        error = _error_text(exc)
        details = traceback.format_exc()
    # a kernel that got the terminal's Ctrl-C (same process group) fails with KeyboardInterrupt:
    # that is an interrupted run, not a finished one
    interrupted = error.startswith("KeyboardInterrupt")
    if run.partial_html is not None and run.partial_ipynb.exists() and not interrupted:
        try:
            _export_html(run.partial_ipynb, run.partial_html, no_input)
        except Exception as exc:  # noqa: BLE001
            error = error or f"HTML export failed: {exc}"
    return RunResult(run, not error, time.perf_counter() - t0, error, details,
                     interrupted=interrupted)


def _publish(res: RunResult) -> None:
    """Main process: rename a finished run's partial files to their final names (atomic on one
    file system), replacing an earlier report of the same run; an HTML report that this run did
    not produce is removed, so no old page stands beside a new notebook."""
    run = res.run
    if not run.partial_ipynb.exists():
        return
    os.replace(run.partial_ipynb, run.output_ipynb)
    if run.output_html is not None:
        if run.partial_html is not None and run.partial_html.exists():
            os.replace(run.partial_html, run.output_html)
        elif run.output_html.exists():
            run.output_html.unlink()


def _discard(run: Run) -> None:
    """Remove an unfinished run's partial files; its final names are left as they were."""
    for path in (run.partial_ipynb, run.partial_html):
        if path is not None:
            path.unlink(missing_ok=True)


def _error_text(exc: BaseException) -> str:
    ename, evalue = getattr(exc, "ename", None), getattr(exc, "evalue", None)
    if ename:  # PapermillExecutionError: the kernel's exception name and message
        return f"{ename}: {evalue}"
    return f"{type(exc).__name__}: {exc}"


def _export_html(ipynb: Path, html: Path, no_input: bool) -> None:
    import nbformat

    nb = nbformat.read(ipynb, as_version=4)
    # a Chinese report says so (<html lang="zh-CN">): the Chinese edition's metadata, or a run
    # with language zh
    params = next((c.source for c in nb.cells if "injected-parameters" in
                   c.get("metadata", {}).get("tags", [])), "")
    chinese = nb.metadata.get("kit_language") == "zh-CN" or re.search(
        r"""^language\s*=\s*['"](zh|zh-CN|zh_CN|cn|chinese|中文)['"]""", params, re.M | re.I)
    # the offline site's page (helpers.site): no script, no CDN, explorers' default views
    from helpers.site import report_page

    html.write_text(report_page(nb, "zh" if chinese else "en", no_input=no_input),
                    encoding="utf-8")


def run_all(
    runs: Sequence[Run],
    *,
    jobs: int | None = None,
    no_input: bool = False,
    timeout: int | None = None,
    progress: bool = True,
) -> list[RunResult]:
    """Execute ``runs`` in parallel processes (``jobs``, default: number of cores).

    Each worker is a fresh ``spawn`` process (no forked ZMQ state) that starts its own kernel.
    Results come back in the order of ``runs``.
    """
    if not runs:
        return []
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(runs)))
    results: dict[int, RunResult] = {}
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=get_context("spawn"),
                               initializer=_worker_init)
    futures = {pool.submit(_execute, r, no_input, timeout): i for i, r in enumerate(runs)}
    try:
        for fut in as_completed(futures):
            i = futures[fut]
            try:
                res = fut.result()
            except Exception as exc:  # noqa: BLE001 - e.g. a worker process died
                res = RunResult(runs[i], False, 0.0, _error_text(exc))
            if res.interrupted:
                raise KeyboardInterrupt  # the kernel got the Ctrl-C before this process did
            _publish(res)
            results[i] = res
            if progress:
                print(f"[{len(results)}/{len(runs)}] {res.status:6} {res.run.notebook} "
                      f"{_params_text(res.run.parameters)} ({res.seconds:.1f} s)", flush=True)
    except KeyboardInterrupt:
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C waits
        try:
            _stop_pool(pool, futures)
            for i, run in enumerate(runs):
                if i not in results:
                    _discard(run)
                    results[i] = RunResult(run, False, 0.0, "interrupted before it finished",
                                           interrupted=True)
        finally:
            signal.signal(signal.SIGINT, previous)
        if progress:
            n_done = sum(not r.interrupted for r in results.values())
            print(f"interrupted: {n_done} finished report(s) kept, "
                  f"{len(runs) - n_done} run(s) stopped or not started", flush=True)
    else:
        pool.shutdown(wait=True)
    return [results[i] for i in range(len(runs))]


def _stop_pool(pool: ProcessPoolExecutor, futures: Mapping[Any, int]) -> None:
    """Cancel the queued runs and stop the running ones (SIGTERM: each worker's kernel is shut
    down by nbclient on the SystemExit it raises)."""
    for fut in futures:
        fut.cancel()
    procs = list(getattr(pool, "_processes", {}).values())
    for proc in procs:
        if proc.is_alive():
            proc.terminate()
    for proc in procs:
        proc.join(timeout=30)
        if proc.is_alive():
            proc.kill()
    pool.shutdown(wait=False, cancel_futures=True)


# --------------------------------------------------------------------------------------------
# Reporting
# --------------------------------------------------------------------------------------------
def _params_text(params: Mapping[str, Any]) -> str:
    return " ".join(f"{k}={v!r}" for k, v in params.items()) or "(defaults)"


def _rel(path: Path | None) -> str:
    if path is None:
        return ""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def summary_table(results: Sequence[RunResult], width: int = 60) -> str:
    """Plain-text table: notebook, parameters, status, seconds, output, first error line."""
    head = ("notebook", "parameters", "status", "seconds", "output", "error")
    rows = [head]
    for r in results:
        err = r.error_line
        rows.append((r.run.notebook, _params_text(r.run.parameters),
                     {"ok": "ok", "failed": "FAILED"}.get(r.status, r.status.upper()),
                     f"{r.seconds:.1f}", _rel(r.run.output_html or r.run.output_ipynb),
                     err if len(err) <= width else err[: width - 3] + "..."))
    widths = [max(len(row[i]) for row in rows) for i in range(len(head))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip()
             for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    n_cut = sum(r.interrupted for r in results)
    n_bad = sum(not r.ok for r in results) - n_cut
    tail = f", {n_cut} interrupted" if n_cut else ""
    lines.append(f"\n{len(results) - n_bad - n_cut} ok, {n_bad} failed{tail}, {len(results)} runs")
    return "\n".join(lines)


def _write_summary_csv(results: Sequence[RunResult], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["notebook", "parameters", "status", "seconds", "output_ipynb", "output_html",
                    "error"])
        for r in results:
            done = not r.interrupted
            w.writerow([r.run.notebook, _params_text(r.run.parameters), r.status,
                        f"{r.seconds:.1f}", r.run.output_ipynb if done else "",
                        (r.run.output_html or "") if done else "", r.error_line])


# --------------------------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------------------------
def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m helpers.rerun",
        description="Rerun kit lessons with papermill over parameter values; write executed "
        "notebooks and HTML reports into reports/<notebook>/.",
        epilog="Example: python -m helpers.rerun --notebook 01_hebei_structure --sweep bohai "
        "--years 2016-2020,2018-2024",
    )
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--notebook", "-n", action="append", metavar="NAME",
                       help="lesson to run, e.g. 01_hebei_structure (repeatable)")
    which.add_argument("--all", action="store_true", help="run every lesson in the notebooks dir")
    p.add_argument("-p", "--parameter", nargs=2, action="append", default=[],
                   metavar=("NAME", "VALUE"), help="set a parameter (typed like papermill -p)")
    p.add_argument("-r", "--raw", nargs=2, action="append", default=[], metavar=("NAME", "VALUE"),
                   help="set a parameter to a raw string")
    p.add_argument("--grid", action="append", default=[], metavar="NAME=V1,V2",
                   help="one run per value; several --grid make a cartesian product")
    p.add_argument("--sweep", metavar="GROUP",
                   help="one run per region of GROUP (bohai, jingjinji, provinces, hebei_cities)")
    p.add_argument("--sweep-param", default="region", metavar="NAME",
                   help="parameter that receives the swept region (default: region)")
    p.add_argument("--years", metavar="Y1-Y2,...",
                   help="start_year/end_year pairs, e.g. 2016-2020,2018-2024")
    p.add_argument("--jobs", "-j", type=int, default=None,
                   help="parallel runs (default: number of cores)")
    p.add_argument("--reports-dir", type=Path, default=DEFAULT_REPORTS_DIR,
                   help="output folder (default: reports/ in the kit)")
    p.add_argument("--notebooks-dir", type=Path, default=NOTEBOOKS_DIR,
                   help="folder of the source notebooks (default: notebooks/ in the kit)")
    p.add_argument("--no-html", action="store_true", help="skip the HTML reports")
    p.add_argument("--no-input", action="store_true", help="hide code cells in the HTML reports")
    p.add_argument("--timeout", type=int, default=None, help="seconds per cell (default: none)")
    p.add_argument("--dry-run", action="store_true", help="list the runs and exit")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point; returns the exit status (0 ok, 1 a run failed, 2 bad request,
    130 interrupted by Ctrl-C)."""
    args = build_parser().parse_args(argv)
    fixed = {n: resolve_value(v) for n, v in args.parameter}
    for n, v in args.raw:
        if n in fixed:
            print(f"error: parameter {n!r} given with both -p and -r", file=sys.stderr)
            return 2
        fixed[n] = v
    try:
        if args.jobs is not None and args.jobs < 1:
            raise RerunError("--jobs must be at least 1")
        if args.timeout is not None and args.timeout < 1:
            raise RerunError(f"--timeout must be a whole number of seconds of at least 1 (or "
                             f"left out for no limit); got {args.timeout}")
        param_sets = expand_runs(fixed, args.grid, args.sweep, args.sweep_param, args.years)
        runs, notes = plan_runs(None if args.all else args.notebook, param_sets,
                                notebooks_dir=args.notebooks_dir, reports_dir=args.reports_dir,
                                html=not args.no_html)
    except RerunError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for note in notes:
        print(f"note: {note}")
    if args.dry_run:
        print(f"{len(runs)} run(s) planned:")
        for r in runs:
            print(f"  {r.notebook}  {_params_text(r.parameters)}  -> {_rel(r.output_ipynb)}")
        return 0
    results = run_all(runs, jobs=args.jobs, no_input=args.no_input, timeout=args.timeout)
    print()
    print(summary_table(results))
    summary_csv = Path(args.reports_dir) / "rerun-summary.csv"
    try:
        _write_summary_csv(results, summary_csv)
    except OSError as exc:
        print(f"error: could not save the summary to {summary_csv}: {exc.strerror or exc}",
              file=sys.stderr)
        return 2
    print(f"summary saved to {_rel(summary_csv)}")
    if any(r.interrupted for r in results):
        print("interrupted (Ctrl-C): finished reports are kept under their names; runs that "
              "did not finish left no file; rerun them with the same command.", file=sys.stderr)
        return 130
    return 0 if all(r.ok for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())

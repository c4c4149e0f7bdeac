"""Serve the lessons as Voila dashboards with the kit's configuration (``make present``).

One place defines how the kit runs Voila, so that the README's presentation command, the
browser tests and the benchmarks all serve the same thing:

* bound to 127.0.0.1 unless told otherwise (Voila has no token by default);
* code cells stripped, tracebacks hidden from the audience;
* idle kernels culled (each holds 140-165 MB, and Voila never shuts a kernel down when its
  page closes unless culling is set);
* an executor timeout, so a stuck cell fails instead of hanging a class;
* optionally preheated kernels (cannot be combined with progressive rendering);
* the kit's "kit" template (Voila's lab template, larger text and figures for a projector);
* TCP_NODELAY on the kernel websockets (a widget round trip 35-40 ms shorter).

Usage::

    python -m helpers.present [--port 8866] [--ip 127.0.0.1] [--preheat N] [--token T] [--open]

See docs/presenting.md for serving a class.
"""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from helpers import NOTEBOOKS_DIR

#: Extra Jupyter data folder holding the kit's Voila template ("kit": lab, projector-sized).
SHARE_DIR = Path(__file__).resolve().parent / "share"
TEMPLATE = "kit"

#: Seconds a kernel may stay idle before Voila's kernel manager shuts it down. Tuned for a
#: class: only kernels of CLOSED pages are culled (cull_connected is off, so a projected or
#: open dashboard keeps its kernel however long it sits untouched), and a reopened page starts
#: a new kernel anyway, so nothing is gained by keeping a closed page's kernel for long; 120 s
#: frees a class's 100-280 MB per kernel within about 2 minutes of the bell (was 300 s).
CULL_IDLE_TIMEOUT = 120
#: How often (seconds) the kernel manager looks for idle kernels.
CULL_INTERVAL = 15
#: Seconds one cell may run while a dashboard is built.
EXECUTE_TIMEOUT = 120


def voila_args(
    port: int,
    *,
    ip: str = "127.0.0.1",
    notebook_dir: Path = NOTEBOOKS_DIR,
    preheat: int = 0,
    cull_idle_timeout: int = CULL_IDLE_TIMEOUT,
    cull_interval: int = CULL_INTERVAL,
    cull_connected: bool = False,
    open_browser: bool = False,
    token: str | None = None,
    max_kernels: int | None = None,
) -> list[str]:
    """Build the command line that serves ``notebook_dir`` with the kit's Voila settings.

    Args:
        port: TCP port to listen on.
        ip: address to bind; 127.0.0.1 keeps the server private to this machine.
        notebook_dir: folder whose notebooks are served (``/voila/render/<name>.ipynb``).
        preheat: number of preheated kernels per notebook (0 = none).
        cull_idle_timeout: seconds of idleness after which a kernel is shut down.
        cull_interval: seconds between two culling passes.
        cull_connected: also cull idle kernels whose page is still open. Off by default: a
            projected dashboard (or a student reading) may stay untouched for many minutes
            and must keep working; kernels of CLOSED pages are culled either way.
        open_browser: open the system browser on start.
        token: require this token in the URL (``?token=...``); Voila has none by default.
        max_kernels: most kernels at once (a page beyond gets HTTP 503 and says so);
            ``None``: :func:`default_max_kernels` of this machine's memory; 0: no cap.

    Returns:
        The argument list, starting with the Python interpreter (``python -m voila``).
    """
    if not 0 < port < 65536:
        raise ValueError(f"port must be between 1 and 65535, got {port}")
    if preheat < 0:
        raise ValueError(f"preheat must be 0 or a positive number of kernels, got {preheat}")
    if max_kernels is None:
        max_kernels = default_max_kernels()
    if max_kernels < 0:
        raise ValueError(f"max_kernels must be 0 (no cap) or a positive number, got {max_kernels}")
    args = [
        sys.executable,
        "-m",
        "voila",
        str(notebook_dir),
        f"--port={port}",
        f"--Voila.ip={ip}",
        "--strip_sources=True",
        "--show_tracebacks=False",
        "--theme=light",
        f"--template={TEMPLATE}",
        f"--VoilaExecutor.timeout={EXECUTE_TIMEOUT}",
        f"--MappingKernelManager.cull_interval={cull_interval}",
        f"--MappingKernelManager.cull_idle_timeout={cull_idle_timeout}",
        f"--MappingKernelManager.cull_connected={cull_connected}",
        # A lesson's page needs its own notebook folder as working directory.
        f"--Voila.root_dir={notebook_dir}",
        # Send every widget update at once (TCP_NODELAY): see NoDelayKernelWebsocketConnection
        "--Voila.kernel_websocket_connection_class=helpers.present.NoDelayKernelWebsocketConnection",
        # a cap on concurrent kernels (Voila has none): see CappedKernelManager
        "--VoilaConfiguration.multi_kernel_manager_class=helpers.present.CappedKernelManager",
        f"--CappedKernelManager.max_kernels={max_kernels}",
    ]
    if preheat:
        args += ["--preheat_kernel=True", f"--pool_size={preheat}"]
    if token:
        # the token itself travels in the environment (JUPYTER_TOKEN, see voila_env), never on
        # the command line where the process list shows it; Voila then logs it as "..."
        args.append("--Voila.auto_token=True")
    if not open_browser:
        args.append("--no-browser")
    return args


#: Shortest token accepted: 16 characters (secrets.token_urlsafe(12) gives 16).
MIN_TOKEN_LENGTH = 16
_LOOPBACK = ("127.0.0.1", "localhost", "::1")


class TokenError(ValueError):
    """A token that would leave the room open: empty, blank or too short."""


def choose_token(token: str | None, ip: str) -> str | None:
    """The token to serve with: ``token`` if it is long enough, a generated one for a network
    address given none, ``None`` (no token) only on loopback.

    Raises:
        TokenError: an empty or blank token (typically ``--token "$TOKEN"`` with the variable
            unset) or one shorter than :data:`MIN_TOKEN_LENGTH`; never silently "no token".
    """
    if token is None:
        return None if ip in _LOOPBACK else secrets.token_urlsafe(12)
    if not token.strip():
        raise TokenError(
            "--token is empty (an unset shell variable, as in --token \"$TOKEN\"?). Give a "
            f"token of at least {MIN_TOKEN_LENGTH} characters, or leave --token out: on a "
            "network address one is generated.")
    if len(token) < MIN_TOKEN_LENGTH or token != token.strip():
        raise TokenError(
            f"--token must be at least {MIN_TOKEN_LENGTH} characters with no surrounding "
            f"spaces (got {len(token)}); leave it out to have one generated.")
    return token


def masked(token: str) -> str:
    """A token as the log shows it: its first 4 characters and an ellipsis."""
    return f"{token[:4]}…"


def voila_env(base: dict[str, str] | None = None, token: str | None = None) -> dict[str, str]:
    """Environment for the Voila process: matplotlib without a display, quiet debugger, and
    the token (``JUPYTER_TOKEN``; removed when there is none, so an inherited one cannot
    apply by surprise)."""
    env = dict(os.environ if base is None else base)
    env.pop("JUPYTER_TOKEN", None)
    if token:
        env["JUPYTER_TOKEN"] = token
    env.setdefault("MPLBACKEND", "Agg")
    env.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    # the kit's Voila template lives in the package (JUPYTER_PATH: searched first)
    paths = [p for p in env.get("JUPYTER_PATH", "").split(os.pathsep) if p]
    if str(SHARE_DIR) not in paths:
        env["JUPYTER_PATH"] = os.pathsep.join([str(SHARE_DIR), *paths])
    return env


def hosted_config() -> tuple[dict, dict]:
    """Server and Voila configuration for a hosted kit (Binder, JupyterHub), as JSON-ready dicts.

    The same settings as :func:`voila_args`, for a Jupyter server where Voila runs as a server
    extension (``/voila/render/...``) next to JupyterLab. Culling spares connected kernels, so a
    student reading in JupyterLab does not lose a kernel; kernels of closed pages are culled.

    Returns:
        ``(jupyter_server_config, voila_config)``.
    """
    culling = {
        "cull_interval": CULL_INTERVAL,
        "cull_idle_timeout": CULL_IDLE_TIMEOUT,
        "cull_connected": False,
    }
    voila = {
        "VoilaConfiguration": {
            "strip_sources": True,
            "show_tracebacks": False,
            "template": TEMPLATE,
            "theme": "light",
        },
        "VoilaExecutor": {"timeout": EXECUTE_TIMEOUT},
        "MappingKernelManager": culling,
    }
    server = {
        "MappingKernelManager": culling,
        # the server extension reads VoilaConfiguration from the server's config
        "VoilaConfiguration": voila["VoilaConfiguration"],
        "VoilaExecutor": voila["VoilaExecutor"],
    }
    # Not here: the TCP_NODELAY websocket class. Naming a class of the kit's package in the
    # server's JSON config makes the Jupyter server itself fail to start where the package
    # cannot be imported (a hub whose home volume hides the repository: Zero to JupyterHub's
    # default). NODELAY_CONFIG_PY sets it only when the import works.
    return server, voila


#: A Python config file for the hosted server: the TCP_NODELAY websocket class when the kit
#: imports, the server's own class otherwise (widget round trips 35-40 ms slower, nothing
#: broken). Written beside the JSON config by :func:`write_hosted_config`.
NODELAY_CONFIG_PY = """\
# Written by `python -m helpers.present --write-config` (the Hebei Economy Kit).
# TCP_NODELAY on kernel websockets, only if the kit's package can be imported: a server
# configuration must never depend on it (a hub's home volume may hide the repository).
try:
    from helpers.present import NoDelayKernelWebsocketConnection  # noqa: F401
except Exception as exc:  # the kit is not importable here: keep the server's default class
    import logging

    logging.getLogger("hebei-kit").warning("kit not importable (%s): default websockets", exc)
else:
    c.ServerApp.kernel_websocket_connection_class = (  # noqa: F821 - c is Jupyter's config
        "helpers.present.NoDelayKernelWebsocketConnection")
"""


def write_hosted_config(prefix: Path) -> list[Path]:
    """Write :func:`hosted_config` into ``prefix/etc/jupyter`` and the kit's Voila template into
    ``prefix/share/jupyter/voila/templates`` (used by ``binder/postBuild``); returns the paths."""
    import json

    etc = prefix / "etc" / "jupyter"
    etc.mkdir(parents=True, exist_ok=True)
    server, voila = hosted_config()
    written = []
    for name, conf in (("jupyter_server_config.json", server), ("voila.json", voila)):
        path = etc / name
        path.write_text(json.dumps(conf, indent=2) + "\n")
        written.append(path)
    py = etc / "jupyter_server_config.py"
    py.write_text(NODELAY_CONFIG_PY)
    written.append(py)
    target = prefix / "share" / "jupyter" / "voila" / "templates" / TEMPLATE
    shutil.copytree(SHARE_DIR / "voila" / "templates" / TEMPLATE, target, dirs_exist_ok=True)
    written.append(target)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m helpers.present",
        description="Serve the kit's lessons as Voila dashboards (code hidden).",
    )
    parser.add_argument("--port", type=int, default=8866)
    parser.add_argument(
        "--ip",
        default="127.0.0.1",
        help="address to bind (default 127.0.0.1; see the README before serving a class)",
    )
    parser.add_argument("--preheat", type=int, default=0,
                        help="preheated kernels per lesson (first widget ~2x sooner; each "
                             "kernel holds ~150 MB and is never culled)")
    parser.add_argument("--token", default=None,
                        help=f"require ?token=... in the URL (at least {MIN_TOKEN_LENGTH} "
                             "characters; generated when --ip is not 127.0.0.1 and none is "
                             "given; an empty one is refused)")
    parser.add_argument("--url-file", default=str(Path.home() / ".hebei-kit-present-url"),
                        help="where the full URL with its token is written (mode 0600)")
    parser.add_argument("--max-kernels", type=int, default=None,
                        help="most lesson kernels at once; a page beyond it is told the server "
                             "is full (default: (memory - 1 GB) / 280 MB on this machine, "
                             f"{default_max_kernels()} here; 0: no cap)")
    parser.add_argument("--open", action="store_true", help="open a browser on start")
    parser.add_argument("--write-config", metavar="PREFIX", type=Path, default=None,
                        help="write the hosted (Binder/JupyterHub) configuration and template "
                             "into an environment PREFIX, then exit")
    ns = parser.parse_args(argv)
    if ns.write_config is not None:
        for path in write_hosted_config(ns.write_config):
            print(f"wrote {path}")
        return 0
    if shutil.which("voila") is None and not _voila_importable():
        print("Voila is not installed: run `make setup` first.", file=sys.stderr)
        return 2
    try:
        # Voila has no token by default: never serve a network without one
        token = choose_token(ns.token, ns.ip)
    except TokenError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if ns.max_kernels is not None and ns.max_kernels < 0:
        print(f"error: --max-kernels must be 0 (no cap) or a positive number, got "
              f"{ns.max_kernels}", file=sys.stderr)
        return 2
    if ns.max_kernels and ns.preheat and ns.preheat >= ns.max_kernels:
        print(f"error: --preheat {ns.preheat} needs fewer kernels than --max-kernels "
              f"{ns.max_kernels} (preheated kernels count towards the cap)", file=sys.stderr)
        return 2
    args = voila_args(ns.port, ip=ns.ip, preheat=ns.preheat, open_browser=ns.open, token=token,
                      max_kernels=ns.max_kernels)
    url = f"http://{ns.ip}:{ns.port}/"
    if token:
        # the full URL goes to a file only its owner can read, not into the log
        url_file = _write_private(Path(ns.url_file), f"{url}?token={token}\n")
        print(f"Serving the lessons at {url}?token={masked(token)}  (Ctrl-C to stop)\n"
              f"The full URL with its token is in {url_file} (readable by you only).",
              flush=True)
    else:
        print(f"Serving the lessons at {url}  (Ctrl-C to stop)", flush=True)
    return subprocess.call(args, env=voila_env(token=token))


def _write_private(path: Path, text: str) -> Path:
    """Write ``text`` to ``path`` with mode 0600 (created so from the start)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)
    os.chmod(path, 0o600)
    return path


#: Memory kept free for the server, the browser and the system when the kernel cap is derived.
RESERVED_MB = 1024
#: What one lesson kernel holds at its peak (measured: 140-280 MB; lesson 05 with every
#: selection reached is the top of that range).
KERNEL_MB = 280


def default_max_kernels(total_mb: float | None = None) -> int:
    """Kernels one server may run at once: (memory - :data:`RESERVED_MB`) / :data:`KERNEL_MB`,
    at least 2. ``total_mb`` defaults to this machine's physical memory."""
    if total_mb is None:
        total_mb = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**20
    return max(2, int((total_mb - RESERVED_MB) // KERNEL_MB))


def __getattr__(name: str) -> type:
    """``NoDelayKernelWebsocketConnection`` and ``CappedKernelManager``, built on first use
    (Voila's process only), so that importing this module does not import jupyter_server."""
    if name == "CappedKernelManager":
        from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
        from tornado import web
        from traitlets import Int

        class CappedKernelManager(AsyncMappingKernelManager):
            """Voila's kernel manager with a cap: beyond ``max_kernels`` running kernels a new
            page gets HTTP 503 and a page that says so, instead of another kernel.

            Voila has no such setting; without it every page load starts a kernel (about
            100-280 MB each), so a class reloading pages can exhaust the machine.
            """

            max_kernels = Int(0, config=True,
                              help="most kernels running at once (0: no cap)")

            _starting = 0  # kernels being started: counted at once, or a burst slips past

            async def start_kernel(self, *args, **kwargs):  # type: ignore[override]
                running = len(self.list_kernel_ids()) + self._starting
                if self.max_kernels and running >= self.max_kernels:
                    raise web.HTTPError(
                        503, "This dashboard server is full: %d of %d lesson kernels are in use. "
                        "Try again in a few minutes (idle pages are closed after %d s), or ask "
                        "your instructor to raise --max-kernels.",
                        running, self.max_kernels, CULL_IDLE_TIMEOUT,
                        reason=f"Server full: all {self.max_kernels} lesson kernels are in use, "
                               "try again in a few minutes")
                self._starting += 1
                try:
                    return await super().start_kernel(*args, **kwargs)
                finally:
                    self._starting -= 1

        globals()["CappedKernelManager"] = CappedKernelManager
        return CappedKernelManager
    if name == "NoDelayKernelWebsocketConnection":
        from jupyter_server.services.kernels.connection.channels import (
            ZMQChannelsWebsocketConnection,
        )

        class NoDelayKernelWebsocketConnection(ZMQChannelsWebsocketConnection):
            """The kernel websocket with TCP_NODELAY: widget updates leave at once.

            jupyter_server leaves Nagle's algorithm on for kernel websockets. A widget update
            is several small messages (status busy, the comm update, status idle); with Nagle on,
            the second one waits for the browser's delayed ACK - 40 ms on Linux loopback - so
            about half of all round trips took 40 ms longer (measured: median 52 ms for an echo
            widget, bimodal 10-20 ms / 60 ms; see bench/run.py). Message filtering (Voila drops
            execute_request) is done by the kernel manager and is unchanged.
            """

            def connect(self):  # type: ignore[override]
                self.websocket_handler.set_nodelay(True)
                return super().connect()

        globals()[name] = NoDelayKernelWebsocketConnection
        return NoDelayKernelWebsocketConnection
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _voila_importable() -> bool:
    try:
        import voila  # noqa: F401
    except ImportError:
        return False
    return True


if __name__ == "__main__":
    raise SystemExit(main())

"""A dashboard's audience cannot run code, and the kit's server is private by default.

Voila gives every page a kernel and a websocket to it (the kernel id is in the page's HTML).
Anyone who can open the page can write to that websocket, so the kernel must only accept the
messages widgets need: Voila's kernel manager drops ``execute_request``. These tests check it
on the kit's own server settings (``helpers.present.voila_args``, including the kit's websocket
connection class), on both kernel wire protocols and on the shell and control channels; a
``kernel_info_request`` on the same socket is the positive control (the socket really reaches
the kernel). Only 127.0.0.1 traffic.
"""

from __future__ import annotations

import json
import re
import time
import urllib.request
import uuid

import nbformat
import pytest

from voila_harness import server_processes, voila_server

websocket = pytest.importorskip("websocket")  # websocket-client


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    nb_dir = tmp_path_factory.mktemp("dash")
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("import ipywidgets as w\nw.IntSlider(value=3)")]
    nbformat.write(nb, nb_dir / "light.ipynb")
    with voila_server(notebook_dir=nb_dir) as srv:
        yield srv


def kernel_id_of_page(srv) -> str:
    """Open the dashboard over plain HTTP and read its kernel id from the HTML."""
    with urllib.request.urlopen(srv.render_url("light"), timeout=120) as resp:
        page = resp.read().decode()
    m = re.search(r'"kernelId":\s*"([0-9a-f-]{36})"', page)
    assert m, "no kernel id in the dashboard's HTML"
    return m.group(1)


def message(msg_type: str, content: dict, channel: str) -> dict:
    return {
        "header": {"msg_id": uuid.uuid4().hex, "msg_type": msg_type, "username": "student",
                   "session": uuid.uuid4().hex, "date": "", "version": "5.3"},
        "parent_header": {}, "metadata": {}, "content": content, "channel": channel,
        "buffers": [],
    }


def v1_frame(msg: dict) -> bytes:
    """A message in the ``v1.kernel.websocket.jupyter.org`` binary protocol."""
    from jupyter_client.session import Session
    from jupyter_server.services.kernels.connection.base import serialize_msg_to_ws_v1

    return serialize_msg_to_ws_v1(msg, msg["channel"], pack=Session().pack)


def replies(ws, until_type: str, timeout: float = 30.0) -> list[str]:
    """Message types received until one of type ``until_type`` (or the timeout)."""
    from jupyter_server.services.kernels.connection.base import deserialize_msg_from_ws_v1

    seen: list[str] = []
    deadline = time.monotonic() + timeout
    ws.settimeout(1.0)
    while time.monotonic() < deadline:
        try:
            raw = ws.recv()
        except websocket.WebSocketTimeoutException:
            continue
        if isinstance(raw, bytes):
            _channel, parts = deserialize_msg_from_ws_v1(raw)
            msg_type = json.loads(parts[0])["msg_type"]
        else:
            msg_type = json.loads(raw)["header"]["msg_type"]
        seen.append(msg_type)
        if msg_type == until_type:
            return seen
    return seen


@pytest.mark.parametrize("protocol", ["legacy-json", "v1-binary"])
def test_execute_request_over_the_page_websocket_is_not_executed(served, tmp_path, protocol):
    kernel_id = kernel_id_of_page(served)
    marker = tmp_path / f"executed-{protocol}.txt"
    code = f"open({str(marker)!r}, 'w').write('the audience ran code')"
    url = (served.url.replace("http://", "ws://") + f"/api/kernels/{kernel_id}/channels"
           f"?session_id={uuid.uuid4().hex}")
    v1 = protocol == "v1-binary"
    ws = websocket.create_connection(
        url, timeout=30, subprotocols=["v1.kernel.websocket.jupyter.org"] if v1 else None)
    try:
        def send(msg: dict) -> None:
            if v1:
                ws.send_binary(v1_frame(msg))
            else:
                ws.send(json.dumps(msg))

        execute = {"code": code, "silent": False, "store_history": False,
                   "user_expressions": {}, "allow_stdin": False, "stop_on_error": True}
        send(message("execute_request", execute, "shell"))
        send(message("execute_request", execute, "control"))
        # Positive control, AFTER the execute requests on the same shell channel: the kernel
        # answers messages in order, so once this reply is back, an execute_request that had
        # reached the kernel would have run.
        send(message("kernel_info_request", {}, "shell"))
        seen = replies(ws, "kernel_info_reply")
        assert "kernel_info_reply" in seen, f"the websocket does not reach the kernel: {seen}"
        time.sleep(1.0)  # the control channel is served on its own; give it time
        seen += replies(ws, "execute_reply", timeout=2.0)
        assert "execute_reply" not in seen and "execute_input" not in seen, seen
        assert not marker.exists(), "code sent over the dashboard's websocket was executed"
    finally:
        ws.close()
    assert "not allowed" in served.log(), "Voila did not report dropping execute_request"


def test_server_listens_on_loopback_only(served):
    import psutil

    addrs = set()
    for p in server_processes(served)[:1]:  # the server itself (kernels bind loopback too)
        for c in p.net_connections(kind="inet"):
            if c.status == psutil.CONN_LISTEN:
                addrs.add(c.laddr.ip)
    assert addrs, "found no listening socket of the Voila server"
    assert addrs <= {"127.0.0.1"}, f"the server listens on {addrs}"


def test_presentation_defaults_are_private_and_bounded():
    from helpers import present

    args = present.voila_args(8866)
    assert "--Voila.ip=127.0.0.1" in args
    assert "--strip_sources=True" in args and "--show_tracebacks=False" in args
    assert any(a.startswith("--MappingKernelManager.cull_idle_timeout=") for a in args)
    assert any(a.startswith("--VoilaExecutor.timeout=") for a in args)
    # another address only when asked for
    assert "--Voila.ip=0.0.0.0" in present.voila_args(8866, ip="0.0.0.0")



def test_serving_a_network_requires_a_token(monkeypatch, capsys, tmp_path):
    """``python -m helpers.present --ip 0.0.0.0`` never serves without a token, and the token
    is neither on the command line (process list) nor in full in the log (issue 21)."""
    from helpers import present

    calls = []
    monkeypatch.setattr(present.subprocess, "call",
                        lambda args, env: calls.append((args, env)) or 0)
    url_file = tmp_path / "url"
    assert present.main(["--ip", "0.0.0.0", "--port", "8999", "--url-file", str(url_file)]) == 0
    args, env = calls[0]
    token = env["JUPYTER_TOKEN"]
    assert len(token) >= present.MIN_TOKEN_LENGTH and "--Voila.auto_token=True" in args
    assert not any(token in a for a in args)  # not visible in the process list
    out = capsys.readouterr().out
    assert token not in out and f"token={token[:4]}…" in out  # masked in the log
    assert url_file.read_text() == f"http://0.0.0.0:8999/?token={token}\n"
    assert url_file.stat().st_mode & 0o777 == 0o600
    calls.clear()
    assert present.main(["--port", "8999"]) == 0  # loopback: no token needed
    args, env = calls[0]
    assert "JUPYTER_TOKEN" not in env and "--Voila.auto_token=True" not in args
    assert "--Voila.ip=127.0.0.1" in args


@pytest.mark.parametrize(("token", "ip", "needle"), [
    ("", "0.0.0.0", "empty"), ("   ", "0.0.0.0", "empty"), ("", "127.0.0.1", "empty"),
    ("short", "0.0.0.0", "at least 16"), (" " + "x" * 20, "0.0.0.0", "surrounding spaces"),
])
def test_blank_or_short_token_is_refused(monkeypatch, capsys, token, ip, needle):
    from helpers import present

    monkeypatch.setattr(present.subprocess, "call", lambda *a, **k: pytest.fail("served"))
    assert present.main(["--ip", ip, "--port", "8999", "--token", token]) == 2
    assert needle in capsys.readouterr().err


def test_choose_token_rules():
    from helpers.present import TokenError, choose_token

    assert choose_token(None, "127.0.0.1") is None
    generated = choose_token(None, "192.0.2.1")
    assert generated and len(generated) >= 16 and generated != choose_token(None, "192.0.2.1")
    assert choose_token("x" * 16, "0.0.0.0") == "x" * 16
    with pytest.raises(TokenError):
        choose_token("", "127.0.0.1")


def test_served_network_address_needs_the_token_and_hides_it(tmp_path):
    """A real `python -m helpers.present` on a non-default loopback address (127.0.0.2, which
    the kit treats as a network address): without the token the page is refused, with it it
    renders; the token appears neither in the log nor in any process's command line."""
    import subprocess
    import sys
    import time
    import urllib.error
    import urllib.request

    from conftest import KIT_ROOT
    from voila_harness import free_port, stop

    port, url_file = free_port(), tmp_path / "url"
    proc = subprocess.Popen(
        [sys.executable, "-m", "helpers.present", "--ip", "127.0.0.2", "--port", str(port),
         "--url-file", str(url_file)],
        cwd=KIT_ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        start_new_session=True)
    try:
        base = f"http://127.0.0.2:{port}"
        deadline = time.monotonic() + 60
        while not url_file.exists() or not url_file.read_text():
            assert time.monotonic() < deadline and proc.poll() is None, "no URL written"
            time.sleep(0.2)
        token = url_file.read_text().strip().split("token=", 1)[1]
        page = f"{base}/voila/render/00_start_here.ipynb"

        class NoRedirect(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, *args, **kwargs):  # noqa: ARG002
                return None

        opener = urllib.request.build_opener(NoRedirect)
        while True:
            try:
                opener.open(page, timeout=60)
                status = 200
            except urllib.error.HTTPError as exc:
                status = exc.code
            except OSError:
                assert time.monotonic() < deadline, "Voila did not start"
                time.sleep(0.3)
                continue
            break
        assert status in (302, 401, 403), f"served without the token: {status}"
        with urllib.request.urlopen(f"{page}?token={token}", timeout=120) as resp:
            assert resp.status == 200
            assert "application/vnd.jupyter.widget-view+json" in resp.read().decode()
        cmdlines = subprocess.run(["ps", "-e", "-o", "args="], capture_output=True,
                                  text=True).stdout
        assert token not in cmdlines, "the token is visible in the process list"
    finally:
        stop(proc)
    log = proc.stdout.read() if proc.stdout else ""
    assert token not in log and f"token={token[:4]}…" in log

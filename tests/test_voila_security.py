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



def test_serving_a_network_requires_a_token(monkeypatch, capsys):
    """``python -m helpers.present --ip 0.0.0.0`` never serves without a token."""
    from helpers import present

    calls = []
    monkeypatch.setattr(present.subprocess, "call", lambda args, env: calls.append(args) or 0)
    assert present.main(["--ip", "0.0.0.0", "--port", "8999"]) == 0
    tokens = [a for a in calls[0] if a.startswith("--Voila.token=")]
    assert tokens and len(tokens[0]) > len("--Voila.token=") + 10
    assert tokens[0].split("=", 1)[1] in capsys.readouterr().out  # the URL shows it
    calls.clear()
    assert present.main(["--port", "8999"]) == 0  # loopback: no token needed
    assert not any(a.startswith("--Voila.token=") for a in calls[0])
    assert "--Voila.ip=127.0.0.1" in calls[0]

"""`make present` (python -m helpers.present) really serves a lesson: the command line it builds
must be importable from Voila's own process, not only from a test that imports the module."""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.request

from conftest import KIT_ROOT
from voila_harness import free_port, stop


def test_present_command_serves_a_dashboard():
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "helpers.present", "--port", str(port)],
        cwd=KIT_ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            assert proc.poll() is None, proc.stdout.read()
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2):
                    break
            except OSError:
                assert time.monotonic() < deadline, "Voila did not start"
                time.sleep(0.3)
        url = f"http://127.0.0.1:{port}/voila/render/00_start_here.ipynb"
        with urllib.request.urlopen(url, timeout=120) as resp:
            page = resp.read().decode()
        assert "application/vnd.jupyter.widget-view+json" in page
        assert "kit/static" in page, "the kit's projector template is used"
        assert "There was an error when executing cell" not in page
    finally:
        stop(proc)

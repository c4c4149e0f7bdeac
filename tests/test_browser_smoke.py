"""Every lesson renders as a Voila dashboard in a real browser (Debian's chromium driven by
Playwright): widgets visible, no code, no error banner, no stderr output."""

from __future__ import annotations

import pytest

from conftest import NOTEBOOKS
from voila_harness import (
    chromium_available,
    open_dashboard,
    page_errors,
    voila_server,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not chromium_available(), reason="Debian's chromium is not installed"),
]


@pytest.mark.parametrize("nb", [p.stem for p in NOTEBOOKS])
def test_dashboard_renders_without_code_or_errors(server, browser, nb):
    page = browser.new_page(viewport={"width": 1280, "height": 2000})
    try:
        open_dashboard(page, server, nb)
        assert page.locator(".jupyter-widgets").count() > 0, "no widget rendered"
        assert page_errors(page) == [], server.log()[-3000:]
        # sources are stripped: no code cell input reaches the audience
        assert page.locator(".jp-InputArea-editor").count() == 0
        assert page.locator(".jp-CodeMirrorEditor").count() == 0
    finally:
        page.close()


def test_harness_sees_a_failing_cell(tmp_path, browser):
    """Negative control: a dashboard whose cell fails returns HTTP 200 from Voila; the harness
    must still report it."""
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell("import ipywidgets as w\nw.IntSlider()"),
        nbformat.v4.new_code_cell("1 / 0"),
    ]
    nbformat.write(nb, tmp_path / "broken.ipynb")
    with voila_server(notebook_dir=tmp_path) as srv:
        page = browser.new_page()
        try:
            page.goto(srv.render_url("broken"), timeout=120_000)
            page.wait_for_selector("body", timeout=60_000)
            page.wait_for_timeout(500)
            page.wait_for_function(
                "() => document.body.innerText.includes('error') "
                "|| document.querySelectorAll('.jupyter-widgets').length > 0",
                timeout=60_000,
            )
            page.wait_for_timeout(1000)
            assert page_errors(page), "a failing cell went unnoticed"
        finally:
            page.close()

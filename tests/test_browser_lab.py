"""The students' path, in a real browser: every lesson in JupyterLab as Binder serves it.

One JupyterLab server with the hosted configuration ``binder/postBuild`` writes
(``python -m helpers.present --write-config``), serving a COPY of ``notebooks/`` (running a
lesson in JupyterLab changes it; the kit's own notebooks are never opened). For each lesson:
run all cells from JupyterLab, then every code cell has run, no output is an error or stderr,
and the lesson's first control panel changes its figure when a control is changed. The
claims table keeps its verdict colours in JupyterLab (its HTML sanitiser could strip styles),
and the Voila badge's URL (``/voila/render/...``) renders through the same server.
"""

from __future__ import annotations

import shutil

import pytest

from conftest import KIT_ROOT, NOTEBOOKS
from voila_harness import (
    apply_change,
    chromium_available,
    lab_outputs,
    lab_server,
    locate_panels,
    new_timed_page,
    page_errors,
    plan_changes,
    run_all_in_lab,
    timed_change,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not chromium_available(), reason="Debian's chromium is not installed"),
]

#: JupyterLab renders tracebacks AND warnings with this MIME type (the negative control below
#: checks that a failing cell is caught by it)
STDERR = "application/vnd.jupyter.stderr"


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    from helpers.present import write_hosted_config

    root = tmp_path_factory.mktemp("lab")
    shutil.copytree(KIT_ROOT / "notebooks", root / "notebooks",
                    ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    prefix = tmp_path_factory.mktemp("prefix")
    write_hosted_config(prefix)
    with lab_server(root, config_prefix=prefix) as srv:
        yield srv, root


@pytest.fixture()
def page(browser, lab):
    p = new_timed_page(browser, width=1400, height=1000)
    try:
        yield p
    finally:
        p.context.close()
        lab[0].shutdown_kernels()


@pytest.mark.parametrize("nb", [p.name for p in NOTEBOOKS])
def test_lesson_runs_in_jupyterlab_and_its_explorer_answers(lab, page, nb):
    srv, _root = lab
    run_all_in_lab(page, srv, f"notebooks/{nb}")
    assert lab_outputs(page, STDERR) == [], srv.log()[-3000:]
    assert page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jupyter-widgets").count() > 0
    panels = [p for p in locate_panels(page) if p["has_figure"] and p["controls"]]
    if nb.startswith("00_"):
        assert panels == []  # the start page has no explorer
        return
    assert panels, "no kit control panel driving a figure"
    main = panels[0]
    idx = main["index"]
    assert main["alt"], "the figure has no alt text"
    for ctrl, value, _undo in plan_changes(page, idx, main["controls"], 8):
        r = timed_change(page, f'[data-kit-fig="{idx}"]',
                         lambda c=ctrl, v=value: apply_change(page, idx, c, v),
                         status_selector=f'[data-kit-status="{idx}"]', timeout_ms=15_000)
        if r["how"] == "figure":
            assert r["alt"] and r["alt"] != main["alt"]
            break
        # an invalid selection explains itself in the status line; try the next change
        assert r["how"] == "status", r
    else:
        pytest.fail("no change of the explorer's controls redrew its figure")


def test_claims_table_keeps_its_verdict_colours_in_jupyterlab(lab, page):
    srv, _root = lab
    run_all_in_lab(page, srv, "notebooks/02_bohai_rim.ipynb")
    cells = page.eval_on_selector_all(
        ".jp-NotebookPanel:not(.lm-mod-hidden) table.kit-claims td[style*='color']",
        "els => els.map((e) => [getComputedStyle(e).color, e.textContent.trim()])")
    colours = {text: colour for colour, text in cells}
    assert colours.get("supported") == "rgb(27, 120, 55)", colours
    assert colours.get("not supported") == "rgb(178, 24, 43)", colours


def test_a_failing_cell_shows_as_an_error_in_jupyterlab(lab, page):
    """Negative control: the checks above would see a lesson that fails in JupyterLab."""
    import nbformat

    srv, root = lab
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("x = 1"), nbformat.v4.new_code_cell("1 / 0")]
    # (without a kernelspec JupyterLab asks which kernel to start, as it would for a lesson)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nbformat.write(nb, root / "broken.ipynb")
    run_all_in_lab(page, srv, "broken.ipynb", timeout_ms=60_000)
    assert any("ZeroDivisionError" in t for t in lab_outputs(page, STDERR))


def test_voila_badge_url_renders_through_the_hosted_server(lab, page):
    srv, _root = lab
    page.goto(srv.voila_url("notebooks/05_digital_mechanisms.ipynb"), timeout=180_000)
    page.wait_for_selector(".jupyter-widgets", state="visible", timeout=180_000)
    page.wait_for_function(
        "() => !document.querySelector('#loading') || "
        "getComputedStyle(document.querySelector('#loading')).display === 'none'",
        timeout=180_000)
    assert page_errors(page) == []
    # the hosted configuration strips the code, as `make present` does
    assert page.locator(".jp-InputArea-editor").count() == 0



def test_chinese_lesson_in_jupyterlab_is_chinese_with_real_glyphs(lab, page):
    """The Chinese edition run from JupyterLab (issue 17): no error, no English paragraph,
    Chinese drawn with a CJK font (not boxes); screenshot to docs/zh_lab.png with
    KIT_UPDATE_SCREENSHOTS=1."""
    import os

    from test_browser_zh import CANVAS_JS, MARK_CJK_JS, english_blocks

    srv, root = lab
    run_all_in_lab(page, srv, "notebooks/zh/01_hebei_structure.ipynb")
    assert lab_outputs(page, STDERR) == [], srv.log()[-3000:]
    english = english_blocks(page, ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook")
    assert not english, f"English text in the Chinese lesson: {english[:5]}"
    page.evaluate(MARK_CJK_JS)
    g = page.evaluate(CANVAS_JS, ["河", "北", "\U000e01f0"])["glyphs"]
    assert g["河"]["ink"] > 20 and g["河"]["hash"] != g["北"]["hash"] != g["\U000e01f0"]["hash"]
    update = os.environ.get("KIT_UPDATE_SCREENSHOTS") == "1"
    target = KIT_ROOT / "docs" / "zh_lab.png" if update else root / "zh_lab.png"
    first_cell = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Cell").first
    first_cell.scroll_into_view_if_needed()
    page.screenshot(path=str(target))
    from PIL import Image

    with Image.open(target) as im:
        assert len(im.convert("RGB").getcolors(maxcolors=1 << 20) or []) > 50

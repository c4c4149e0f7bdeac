"""The offline website (``make site``, :mod:`helpers.site`; issue 20).

The site is built ONCE for this module (``site`` fixture): every lesson executed in both
languages (about 110 s on the 2-core machine, 2 jobs) and exported, into a temporary folder.
``KIT_SITE_EXECUTED=DIR`` reuses lessons already executed there (``DIR/en/<lesson>/
defaults.ipynb``, as ``python -m helpers.rerun`` writes them) instead of running them.

Pure parts are tested on hand-made inputs (link rewriting, language-switch targets, widget
flattening, math, the data page's rows read back against datapackage.json by json alone).
The browser test serves the site with ``python -m http.server`` on a free port in Debian's
chromium, blocks every request whose host is not that server, opens every page and checks:
no failed or blocked request, every <img> decoded, every download link answers 200 with the
file's sha256 from the data package, and Chinese pages draw CJK glyphs, not boxes (the canvas
method of test_browser_zh). The start page is also opened with file://.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import nbformat
import pytest

from conftest import KIT_ROOT
from helpers import site
from voila_harness import chromium_available, chromium_browser, free_port

PKG = json.loads((KIT_ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))
RESOURCES = {r["name"]: r for r in PKG["resources"]}
STEMS = sorted(p.stem for p in (KIT_ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
BLOB = "https://github.com/owner/repo/blob/main/"


# ------------------------------------------------------------------------------------------
# pure parts
# ------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("href", "lang", "expected"), [
    ("02_bohai_rim.ipynb", "en", "02_bohai_rim.html"),
    ("02_bohai_rim.ipynb#sources", "zh", "02_bohai_rim.html#sources"),
    ("../02_bohai_rim.ipynb", "zh", "02_bohai_rim.html"),
    ("../data/province_gdp.csv", "en", "data/province_gdp.csv"),
    ("../../data/province_gdp.csv", "zh", "../data/province_gdp.csv"),
    ("../data/README.md#patents", "en", "data.html#patents"),
    (BLOB + "data/README.md#province_gdp", "zh", "data.html#province_gdp"),
    (BLOB + "data/province_gdp.csv", "zh", "../data/province_gdp.csv"),
    (BLOB + "src/helpers/data.py", "en", BLOB + "src/helpers/data.py"),
    ("../README.md", "en", BLOB + "README.md"),
    ("../README.md", "zh", BLOB + "notebooks/README.md"),
    ("../../README.md", "zh", BLOB + "README.md"),
    ("https://example.org/a.ipynb", "en", "https://example.org/a.ipynb"),
    ("#overview", "zh", "#overview"),
    ("zh/index.html", "en", "zh/index.html"),
])
def test_rewrite_href(href, lang, expected):
    assert site.rewrite_href(href, lang, tables=["province_gdp.csv"], repo_blob=BLOB) == expected


def test_rewrite_links_handles_both_quotes_and_leaves_other_attributes():
    page = """<a href="01_x.ipynb">a</a> <a href='../data/README.md#t'>b</a> <img src="01.ipynb">"""
    out = site.rewrite_links(page, "en", tables=[], repo_blob=BLOB)
    assert out == """<a href="01_x.html">a</a> <a href='data.html#t'>b</a> <img src="01.ipynb">"""


@pytest.mark.parametrize(("stem", "lang", "target", "lands_on"), [
    ("index", "en", "zh/index.html", "zh/index.html"),
    ("01_hebei_structure", "zh", "../01_hebei_structure.html", "01_hebei_structure.html"),
    ("data", "en", "zh/data.html", "zh/data.html"),
])
def test_language_switch_targets_the_same_page_in_the_other_language(stem, lang, target,
                                                                     lands_on):
    href = site.other_language_href(stem, lang)
    assert href == target
    here = Path(site.page_path(stem, lang)).parent
    assert os.path.normpath(here / href) == lands_on


def test_binder_url_is_the_readmes_opened_on_the_lesson():
    readme = "[![b](https://mybinder.org/badge.svg)](https://mybinder.org/v2/gh/o/r/main?urlpath=lab/tree/notebooks/00_start_here.ipynb)"
    assert site.binder_url(readme) == \
        "https://mybinder.org/v2/gh/o/r/main?urlpath=lab/tree/notebooks/00_start_here.ipynb"
    opened = site.binder_url(readme, "notebooks/zh/02_b.ipynb")
    assert opened.endswith("?urlpath=lab/tree/notebooks/zh/02_b.ipynb")
    with pytest.raises(ValueError):
        site.binder_url("no link here")


def _widget_notebook() -> nbformat.NotebookNode:
    def model(name, **state):
        return {"model_name": name, "model_module": "@jupyter-widgets/controls",
                "model_module_version": "2.0.0", "state": state}

    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("explorer()")
    cell.outputs = [nbformat.v4.new_output("display_data", data={
        site.WIDGET_VIEW: {"model_id": "box", "version_major": 2, "version_minor": 0},
        "text/plain": "VBox(...)"}), nbformat.v4.new_output("stream", text="after\n")]
    nb.cells = [cell]
    nb.metadata["widgets"] = {site.WIDGET_STATE: {"version_major": 2, "version_minor": 0,
                                                  "state": {
        "box": model("VBoxModel", children=["IPY_MODEL_dd", "IPY_MODEL_fig", "IPY_MODEL_out",
                                            "IPY_MODEL_img"]),
        "dd": model("DropdownModel", value="Hebei", _options_labels=["Hebei"]),
        "fig": model("HTMLModel", value='<img alt="a" src="data:image/png;base64,AAAA">'),
        "out": model("OutputModel", outputs=[{"output_type": "stream", "name": "stdout",
                                              "text": "log"}]),
        "img": {**model("ImageModel", format="png"),
                "buffers": [{"path": ["value"], "encoding": "base64", "data": "iVBO"}]},
    }}}
    return nb


def test_flatten_widgets_keeps_the_default_view_after_the_note_and_drops_the_controls():
    nb = _widget_notebook()
    assert site.flatten_widgets(nb, "<p>NOTE</p>") == 1
    outs = nb.cells[0].outputs
    # note, the HTML figure, the Output widget's output, the Image; the dropdown gives nothing
    assert [o.output_type for o in outs] == ["display_data", "display_data", "stream",
                                             "display_data", "stream"]
    assert outs[0].data == {"text/html": "<p>NOTE</p>"}
    assert outs[1].data == {"text/html": '<img alt="a" src="data:image/png;base64,AAAA">'}
    assert outs[2].text == "log"
    assert outs[3].data == {"image/png": "iVBO"}
    assert outs[4].text == "after\n"
    assert "widgets" not in nb.metadata
    assert all(site.WIDGET_VIEW not in o.get("data", {}) for o in outs)


def test_render_math_draws_formulas_and_keeps_code_and_plain_dollars():
    out = site.render_math("Let $Y_i$ be output; `$x$` stays.\n\n$$TL = 0$$")
    assert "`$x$`" in out
    imgs = re.findall(r'<img class="([^"]+)" alt="([^"]*)" src="data:image/svg\+xml;base64,', out)
    assert imgs == [("kit-math", "Y_i"), ("kit-math kit-math-display", "TL = 0")]
    assert site.render_math("costs 5 $ or 6 $ each") == "costs 5 $ or 6 $ each"


def test_lesson_summary_is_the_h1_and_the_paragraph_under_it():
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# A title\n\nOne promise\nover two lines.\n\nMore")]
    assert site.lesson_summary(nb) == ("A title", "One promise over two lines.")


@pytest.mark.parametrize("name", sorted(RESOURCES))
def test_data_rows_match_the_data_package(name):
    res = RESOURCES[name]
    en, zh = site.data_rows(res, "en"), site.data_rows(res, "zh")
    assert en["title"] == res["title"] and en["description"] == res["description"]
    assert en["sha256"] == zh["sha256"] == res["stats"]["sha256"]
    assert en["csv"] == res["path"]
    origin = res.get("x_origin", {})
    assert en["citation"] == origin.get("citation", "")
    assert list(en["vintages"]) == list(origin.get("vintages", {}))
    x_zh = res.get("x_zh") or {}
    for field in ("title", "description", "citation", "producer"):
        if x_zh.get(field):
            assert zh[field] == x_zh[field]
        else:
            assert zh[field] == en[field]
            assert field in zh["english"] or not en[field]


def test_data_rows_show_english_with_a_note_where_x_zh_lacks_a_field():
    res = json.loads(json.dumps(RESOURCES["province_gdp"]))
    res["x_zh"].pop("description")
    row = site.data_rows(res, "zh")
    assert row["description"] == res["description"] and row["english"] == ["description"]
    assert "本表的中文元数据尚缺 description" in site.data_section(row, "zh")


# ------------------------------------------------------------------------------------------
# the built site
# ------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def built(tmp_path_factory, executed_lessons):
    out = tmp_path_factory.mktemp("site") / "site"
    executed = os.environ.get("KIT_SITE_EXECUTED")
    if not executed:  # the session's one execution of the lessons, without the probe cell
        from lesson_runs import without_probe

        executed = without_probe(executed_lessons, tmp_path_factory.mktemp("site-executed"))
    t0 = time.perf_counter()
    info = site.build(out, Path(executed), jobs=2)
    info["total"] = time.perf_counter() - t0
    print(f"\nsite built in {info['total']:.1f} s ({info['seconds']})")
    return out, info


#: an element that would load something from another host
OUTSIDE = r"""<(?:script|link|img|iframe|source)[^>]+(?:src|href)=["']?(?:https?:)?//"""


def _pages(out: Path) -> list[str]:
    return sorted(str(p.relative_to(out)) for p in out.rglob("*.html"))


def test_every_page_is_built_in_both_languages(built):
    out, info = built
    expected = sorted(site.page_path(s, lang) for s in [*STEMS, "index", "data"]
                      for lang in site.LANGS)
    assert _pages(out) == expected == sorted(info["pages"])


def test_pages_load_nothing_from_outside_and_chinese_pages_say_so(built):
    out, _ = built
    for rel in _pages(out):
        text = (out / rel).read_text(encoding="utf-8")
        lang = "zh-CN" if rel.startswith("zh/") else "en"
        assert f'<html lang="{lang}"' in text[:200], rel
        assert not re.search(OUTSIDE, text), rel
        assert not re.search(r"@import|url\(\s*['\"]?(?:https?:)?//", text), rel
        assert "require.js" not in text and "mathjax" not in text.lower(), rel


def test_lesson_pages_fold_code_and_solutions_and_flatten_every_widget(built):
    out, _ = built
    for rel in (site.page_path(s, lang) for s in STEMS for lang in site.LANGS):
        text = (out / rel).read_text(encoding="utf-8")
        inputs = len(re.findall(r'class="jp-Cell jp-CodeCell', text))
        assert inputs and text.count('<details class="kit-code">') == inputs, rel
        assert site.WIDGET_VIEW not in text, rel
        source = (KIT_ROOT / "notebooks" / rel.replace(".html", ".ipynb")).read_text()
        solutions = source.count("reveal(")  # each exercise's solution: a folded <details>
        word = "答案与解析" if rel.startswith("zh/") else "Solution"
        assert text.count(f"<details><summary><b>{word} ") == solutions, rel


def test_explorers_keep_their_default_figure_with_the_kernel_note(built):
    out, _ = built
    for lang in site.LANGS:
        text = (out / site.page_path("01_hebei_structure", lang)).read_text(encoding="utf-8")
        note = text.index('<p class="kit-note">')
        assert "make start" in text[note:note + 600] and "mybinder.org" in text[note:note + 600]
        assert "data:image/png;base64," in text[note:note + 200_000]


def test_data_copies_have_the_data_packages_checksums(built):
    out, _ = built
    for res in PKG["resources"]:
        data = (out / "data" / res["path"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == res["stats"]["sha256"], res["name"]
        meta = json.loads((out / "data" / (Path(res["path"]).stem + ".json")).read_text())
        assert meta["resource"] == res


# ------------------------------------------------------------------------------------------
# in the browser
# ------------------------------------------------------------------------------------------
needs_chromium = pytest.mark.skipif(not chromium_available(), reason="no chromium")


@pytest.fixture(scope="module")
def served(built):
    out, _ = built
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind",
                             "127.0.0.1", "--directory", str(out)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}/"
    for _ in range(100):
        try:
            urllib.request.urlopen(base, timeout=1).close()
            break
        except OSError:
            time.sleep(0.1)
    yield out, base
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture(scope="module")
def browser():
    if not chromium_available():
        pytest.skip("no chromium")
    with chromium_browser() as b:
        yield b


def _guarded_page(browser, allowed: re.Pattern[str]):
    """A page whose requests outside ``allowed`` are aborted and listed; failures listed."""
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    blocked: list[str] = []
    failed: list[str] = []

    def guard(route):
        if allowed.match(route.request.url):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    page.route("**/*", guard)
    page.on("requestfailed", lambda r: failed.append(f"{r.url} {r.failure}"))
    page.on("response", lambda r: failed.append(f"{r.url} {r.status}") if r.status >= 400
            else None)
    return page, blocked, failed


IMAGES_JS = """() => Array.from(document.images).map(i => [i.alt.slice(0, 40), i.complete,
  i.naturalWidth])"""
DOWNLOADS_JS = """() => Array.from(document.querySelectorAll('a[download]')).map(a => a.href)"""


@needs_chromium
def test_every_page_loads_only_from_the_site_with_images_downloads_and_glyphs(served, browser):
    from test_browser_zh import CANVAS_JS

    out, base = served
    page, blocked, failed = _guarded_page(browser, re.compile(re.escape(base)))
    checked_downloads = 0
    for rel in _pages(out):
        page.goto(base + rel, wait_until="load")
        images = page.evaluate(IMAGES_JS)
        bad = [i for i in images if not (i[1] and i[2] > 0)]
        assert not bad, (rel, bad)
        if rel.startswith("zh/"):
            tofu = "\U000e01f0"  # an unassigned code point: drawn as the missing-glyph box
            g = page.evaluate(CANVAS_JS, ["河", "北", tofu])["glyphs"]
            assert g["河"]["ink"] > 0 and g["河"]["hash"] != g["北"]["hash"], (rel, g)
            assert g[tofu]["hash"] not in (g["河"]["hash"], g["北"]["hash"]), (rel, g)
        for href in page.evaluate(DOWNLOADS_JS) if rel.endswith("data.html") else []:
            resp = page.request.get(href)
            assert resp.status == 200, href
            name = href.rsplit("/", 1)[1]
            if name.endswith(".csv"):
                res = next(r for r in PKG["resources"] if r["path"] == name)
                assert hashlib.sha256(resp.body()).hexdigest() == res["stats"]["sha256"], href
            else:
                assert json.loads(resp.body())["resource"]["path"] == name[:-5] + ".csv"
            checked_downloads += 1
    assert checked_downloads == 2 * 2 * len(PKG["resources"])
    assert not blocked and not failed, (blocked[:5], failed[:5])


@needs_chromium
def test_the_start_page_loads_fast_and_links_every_lesson(served, browser):
    out, base = served
    page, blocked, failed = _guarded_page(browser, re.compile(re.escape(base)))
    times = []
    for _ in range(3):
        page.goto(base + "index.html", wait_until="load")
        times.append(page.evaluate(
            "() => { const n = performance.getEntriesByType('navigation')[0];"
            " return n.loadEventStart - n.startTime; }"))
    print(f"\nstart page: navigation to load event {sorted(times)[1]:.1f} ms (median of 3)")
    assert sorted(times)[1] < 2000
    links = page.evaluate("() => Array.from(document.querySelectorAll('table a'))"
                          ".map(a => a.getAttribute('href'))")
    assert links == [f"{s}.html" for s in STEMS]
    assert not blocked and not failed


@needs_chromium
def test_the_site_works_from_file_urls(built, browser):
    out, _ = built
    page, blocked, failed = _guarded_page(browser, re.compile(r"^file://"))
    page.goto((out / "index.html").as_uri(), wait_until="load")
    page.click(f"a[href='{STEMS[1]}.html']")
    page.wait_for_load_state("load")
    assert page.url.endswith(f"/{STEMS[1]}.html")
    images = page.evaluate(IMAGES_JS)
    assert images and all(i[1] and i[2] > 0 for i in images)
    page.click("a.kit-lang")
    page.wait_for_load_state("load")
    assert page.url.endswith(f"/zh/{STEMS[1]}.html")
    assert page.evaluate("() => document.documentElement.lang") == "zh-CN"
    assert not blocked and not failed, (blocked, failed)


@needs_chromium
def test_the_request_guard_blocks_and_reports_an_outside_request(served, browser):
    """The checks above can fail: a page that asks another host is caught."""
    out, base = served
    page, blocked, failed = _guarded_page(browser, re.compile(re.escape(base)))
    page.goto(base + "index.html", wait_until="load")
    page.set_content('<img src="http://cdn.example.invalid/x.png">', wait_until="load")
    assert blocked == ["http://cdn.example.invalid/x.png"] and failed
    assert page.evaluate(IMAGES_JS)[0][2] == 0


def test_a_missing_executed_lesson_stops_the_build_before_the_old_site_is_removed(tmp_path):
    old = tmp_path / "site"
    old.mkdir()
    (old / "index.html").write_text("old")
    with pytest.raises(FileNotFoundError, match="no executed lesson"):
        site.build(old, tmp_path / "executed")
    assert (old / "index.html").read_text() == "old"

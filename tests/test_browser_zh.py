"""The Chinese edition served by Voila shows Chinese, and only Chinese, with real glyphs
(issues 10 and 17).

The test serves a copy of ``notebooks/zh/01_hebei_structure.ipynb`` (the generated Chinese
lesson, ``language = "zh"``) with a probe cell appended, in a temporary folder (the kit's
notebooks are never changed), with the kit's Voila settings. In Debian's chromium it checks
that:

* the page says it is Chinese (``<html lang="zh-CN">``) and no paragraph, list item, heading or
  table cell of the lesson is English (the citations under the Sources heading aside);

* the dashboard renders without an error, its widget labels and figure alt texts are Chinese;
* Chinese text is drawn with a CJK font, not as boxes ("tofu"): Chromium's DevTools protocol
  reports which platform font drew each text node (``CSS.getPlatformFontsForNode``), and a canvas
  test draws 河 and 北 in the page's font: two distinct glyphs, both unlike the box drawn for an
  unassigned code point;
* the kernel Voila started found a CJK font for matplotlib (a probe cell appended to the copy);
* a change of a control redraws the figure with Chinese alt text.

A screenshot of the dashboard goes to ``docs/zh_dashboard.png`` when ``KIT_UPDATE_SCREENSHOTS=1``
(else into the test's temporary folder).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from conftest import KIT_ROOT
from voila_harness import (
    apply_change,
    chromium_available,
    chromium_browser,
    figure_state,
    locate_panels,
    new_timed_page,
    page_errors,
    time_to_first_widget,
    timed_change,
    voila_server,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not chromium_available(), reason="Debian's chromium is not installed"),
]

LESSON = KIT_ROOT / "notebooks" / "zh" / "01_hebei_structure.ipynb"
SCREENSHOT = KIT_ROOT / "docs" / "zh_dashboard.png"
CJK = re.compile(r"[\u4e00-\u9fff]")
CJK_FONT = re.compile(r"(?i)cjk|hei|song|ming|kai|wenquanyi|wqy|droid sans fallback|source han")

# Shows, in the page, the font the Voila kernel's matplotlib uses (an empty, invisible span).
KERNEL_PROBE = """\
import matplotlib as _mpl
from IPython.display import HTML as _HTML, display as _display
from helpers.plots import cjk_family as _cjk_family
_display(_HTML('<span id="kit-cjk-probe" data-family="%s" data-first="%s"></span>'
               % (_cjk_family() or "", _mpl.rcParams["font.sans-serif"][0])))
"""

# Leaf-most elements whose own text holds Chinese characters; marks up to 12 of them.
MARK_CJK_JS = r"""
() => {
  const re = /[\u4e00-\u9fff]/g;
  const out = [];
  for (const el of document.querySelectorAll('body *')) {
    if (out.length >= 12) break;
    if (!(el.offsetWidth || el.offsetHeight)) continue;
    const own = [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.data).join('');
    const n = (own.match(re) || []).length;
    if (n >= 2) {
      el.setAttribute('data-kit-cjk', String(out.length));
      out.push({tag: el.tagName, cls: el.className, text: own.trim().slice(0, 60), n});
    }
  }
  return out;
}
"""

# Draws single characters in the page's font on a canvas; returns a hash of the pixels
# and the advance width of each. Tofu (no glyph) draws the same box for every character.
CANVAS_JS = r"""
(chars) => {
  const sample = document.querySelector('[data-kit-cjk]') || document.body;
  const cs = getComputedStyle(sample);
  const font = `32px ${cs.fontFamily}`;
  const out = {font, glyphs: {}};
  for (const ch of chars) {
    const c = document.createElement('canvas');
    c.width = 48; c.height = 48;
    const ctx = c.getContext('2d');
    ctx.font = font; ctx.fillStyle = '#000'; ctx.textBaseline = 'top';
    ctx.fillText(ch, 4, 4);
    const px = ctx.getImageData(0, 0, 48, 48).data;
    let h = 0, ink = 0;
    for (let i = 3; i < px.length; i += 4) { h = (h * 31 + px[i]) >>> 0; if (px[i]) ink++; }
    out.glyphs[ch] = {hash: h, ink, width: ctx.measureText(ch).width};
  }
  return out;
}
"""


# Text blocks a reader reads (Markdown and generated text), up to the Sources heading.
PROSE_BLOCKS_JS = r"""
(root) => {
  const out = [];
  const sel = 'p, li, h1, h2, h3, h4, td, th, figcaption, .widget-html-content';
  for (const el of (document.querySelector(root) || document).querySelectorAll(sel)) {
    if (el.closest('pre, code, .jp-OutputArea-output[data-mime-type="text/plain"]')) continue;
    if (!(el.offsetWidth || el.offsetHeight)) continue;
    const t = el.innerText.trim();
    if (/^(资料来源|Sources)/.test(t) && /^H[1-4]$/.test(el.tagName)) break;
    if (t) out.push(t);
  }
  return out;
}
"""


def english_blocks(page, root: str = "body") -> list[str]:
    """Text blocks under ``root`` whose prose is mostly English (four English words or more)."""
    from helpers.edition import chinese_share, language_words

    blocks = page.evaluate(PROSE_BLOCKS_JS, root)
    assert blocks, "no text blocks found"
    return [b[:120] for b in blocks
            if language_words(b)[1] >= 4 and chinese_share(b) < 0.5]


def zh_copy(folder: Path) -> Path:
    """Copy of the Chinese lesson plus a probe cell."""
    import nbformat

    nb = nbformat.read(LESSON, as_version=4)
    params = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(params) == 1, "the lesson needs exactly one cell tagged parameters"
    assert re.search(r'^language\s*=\s*"zh"', params[0].source, flags=re.M), params[0].source
    nb.cells.append(nbformat.v4.new_code_cell(KERNEL_PROBE))
    out = folder / LESSON.name
    nbformat.write(nb, out)
    return out


@pytest.fixture(scope="module")
def zh_dashboard(tmp_path_factory):
    folder = tmp_path_factory.mktemp("zh-voila")
    before = LESSON.read_bytes()
    copy = zh_copy(folder)
    with voila_server(notebook_dir=folder) as server, chromium_browser() as browser:
        page = new_timed_page(browser, width=1280, height=2400)
        try:
            time_to_first_widget(page, server.render_url(copy.stem), timeout_ms=240_000)
            yield page, server, folder
        finally:
            page.context.close()
    assert LESSON.read_bytes() == before, "the source notebook was changed"


def test_page_renders_chinese_without_errors(zh_dashboard):
    page, server, _ = zh_dashboard
    assert page_errors(page) == [], server.log()[-3000:]
    text = page.inner_text("body")
    assert len(CJK.findall(text)) >= 200, f"little Chinese text in the page: {text[:500]}"
    # widget descriptions (labels of the control panel) are Chinese
    labels = [s.strip() for s in page.eval_on_selector_all(
        ".widget-label", "els => els.map((e) => e.innerText)") if s.strip()]
    assert labels and all(CJK.search(s) for s in labels), labels


def test_page_says_it_is_chinese_and_shows_no_english_paragraph(zh_dashboard):
    page, _, _ = zh_dashboard
    assert page.evaluate("() => document.documentElement.lang") == "zh-CN"
    english = english_blocks(page)
    assert not english, f"English text in the Chinese lesson: {english[:5]}"


def test_the_english_paragraph_check_can_fail(zh_dashboard):
    """Negative control: an English paragraph added to the page is found."""
    page, _, _ = zh_dashboard
    page.evaluate("""() => { const p = document.createElement('p');
        p.id = 'kit-english-probe';
        p.innerText = 'The secondary sector produced most of the output in that year.';
        document.querySelector('h2').after(p); }""")
    try:
        assert any("secondary sector produced" in b for b in english_blocks(page))
    finally:
        page.evaluate("() => document.getElementById('kit-english-probe').remove()")


def test_figure_alt_texts_are_chinese(zh_dashboard):
    page, _, _ = zh_dashboard
    alts = page.eval_on_selector_all("img", "els => els.map((e) => e.getAttribute('alt') || '')")
    assert len(alts) >= 5, f"only {len(alts)} images"
    not_chinese = [a[:100] for a in alts if not CJK.search(a)]
    assert not not_chinese, not_chinese


def test_chinese_text_is_drawn_with_a_cjk_font(zh_dashboard):
    page, _, _ = zh_dashboard
    marked = page.evaluate(MARK_CJK_JS)
    assert len(marked) >= 3, marked
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
    checked = 0
    for i, info in enumerate(marked):
        node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": f'[data-kit-cjk="{i}"]'})
        fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node["nodeId"]})["fonts"]
        cjk_glyphs = sum(f["glyphCount"] for f in fonts if CJK_FONT.search(f["familyName"]))
        # every Chinese character of the element was drawn by a CJK font (none as tofu)
        assert cjk_glyphs >= info["n"], (info, fonts)
        assert not [f for f in fonts if re.search(r"(?i)last ?resort", f["familyName"])], fonts
        checked += 1
    assert checked == len(marked)


def test_chinese_glyphs_are_not_tofu(zh_dashboard):
    page, _, _ = zh_dashboard
    page.evaluate(MARK_CJK_JS)
    tofu = "\U000e01f0"  # unassigned code point: drawn as the missing-glyph box
    res = page.evaluate(CANVAS_JS, ["河", "北", tofu])
    g = res["glyphs"]
    assert g["河"]["ink"] > 20 and g["北"]["ink"] > 20, res
    assert g["河"]["hash"] != g["北"]["hash"], f"河 and 北 draw the same shape (boxes): {res}"
    assert g["河"]["hash"] != g[tofu]["hash"] and g["北"]["hash"] != g[tofu]["hash"], res


def test_voila_kernel_found_a_cjk_font_for_matplotlib(zh_dashboard):
    page, _, _ = zh_dashboard
    probe = page.locator("#kit-cjk-probe")
    assert probe.count() == 1, "the probe cell did not run"
    family = probe.get_attribute("data-family")
    assert family and CJK_FONT.search(family), f"matplotlib has no CJK font: {family!r}"
    assert probe.get_attribute("data-first") == family


def test_screenshot(zh_dashboard):
    """Screenshot of the first control panel and its figure (docs/zh_dashboard.png)."""
    page, _, folder = zh_dashboard
    locate_panels(page)
    box = page.evaluate("""() => {
        const p = document.querySelector('[data-kit-panel="0"]');
        const f = document.querySelector('[data-kit-fig="0"]');
        let a = p;
        while (a && !(a.contains(f))) a = a.parentElement;
        if (!a) return null;
        a.scrollIntoView();
        a.setAttribute('data-kit-shot', '1');
        const r = a.getBoundingClientRect();
        return {width: r.width, height: r.height};
    }""")
    assert box and box["width"] > 400 and box["height"] > 300, box
    update = os.environ.get("KIT_UPDATE_SCREENSHOTS") == "1"
    target = SCREENSHOT if update else folder / SCREENSHOT.name
    target.parent.mkdir(parents=True, exist_ok=True)
    page.locator('[data-kit-shot="1"]').screenshot(path=str(target))
    from PIL import Image

    with Image.open(target) as im:
        assert im.width >= 400 and im.height >= 300
        colours = im.convert("RGB").getcolors(maxcolors=1 << 20)
        assert colours is not None and len(colours) > 50, "the screenshot is blank"


def test_control_change_redraws_with_chinese_alt_text(zh_dashboard):
    page, server, _ = zh_dashboard
    panels = [p for p in locate_panels(page) if p["has_figure"] and p["controls"]]
    assert panels, "no kit control panel driving a figure"
    idx = panels[0]["index"]
    toggles = [c for c in panels[0]["controls"] if c["kind"] == "toggle"]
    assert toggles and all(CJK.search(o) for o in toggles[0]["options"]), toggles
    before = figure_state(page, idx)
    assert before["alt"] and CJK.search(before["alt"])
    current = page.locator(f'[data-kit-control="{idx}-{toggles[0]["index"]}"] '
                           "button.mod-active").first.inner_text().strip()
    target = next(o for o in toggles[0]["options"] if o != current)
    r = timed_change(page, f'[data-kit-fig="{idx}"]',
                     lambda: apply_change(page, idx, toggles[0], target), timeout_ms=30_000)
    assert r["how"] == "figure", (r, server.log()[-2000:])
    after = figure_state(page, idx)
    assert after["src"] != before["src"]
    assert after["alt"] and CJK.search(after["alt"]) and after["alt"] != before["alt"], after
    assert page_errors(page) == []


def test_claims_table_is_chinese_and_its_verdict_filter_works_without_a_kernel(zh_dashboard):
    """The seed-000 claims table (helpers.claims.claims_explorer) is Chinese, and a click on a
    verdict shows that verdict's rows only (CSS radio buttons: no kernel round trip)."""
    page, _, _ = zh_dashboard
    explorer = page.locator(".kit-claims-explorer").first
    explorer.scroll_into_view_if_needed()
    rows = explorer.locator("tr[data-v]")
    total = rows.count()
    assert total >= 10, total
    assert not english_blocks(page, ".kit-claims-explorer")
    labels = explorer.locator("label")
    assert CJK.search(labels.first.inner_text())  # 全部 (n)
    shown = {}
    for i in range(1, labels.count()):
        label = labels.nth(i)
        label.click()
        want = int(re.search(r"\((\d+)\)", label.inner_text()).group(1))
        visible = [r for r in range(total) if rows.nth(r).is_visible()]
        shown[label.inner_text()] = len(visible)
        assert len(visible) == want, (label.inner_text(), len(visible))
        v = label.get_attribute("for").rsplit("-", 1)[1]
        assert all(rows.nth(r).get_attribute("data-v") == v for r in visible)
    labels.first.click()
    assert sum(rows.nth(r).is_visible() for r in range(total)) == total
    assert len(shown) >= 2, shown

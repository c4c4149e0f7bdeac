"""The course as an offline static website, in English and Chinese (``python -m helpers.site``).

``make site`` (or ``python -m helpers.site [--out site] [--executed DIR] [--jobs 2]``) builds::

    site/index.html            course map (English)       site/zh/index.html   (Chinese)
    site/<lesson>.html         each lesson, executed      site/zh/<lesson>.html
    site/data.html             every table with its metadata and downloads   site/zh/data.html
    site/data/<table>.csv      a copy of each table, byte for byte (sha256 as in datapackage.json)
    site/data/<table>.json     the table's entry of data/datapackage.json (its metadata)

How:

* every lesson (``notebooks/*.ipynb`` and the Chinese edition ``notebooks/zh/*.ipynb``) is executed
  with its default parameters by :mod:`helpers.rerun` (papermill, 2 jobs), or read from
  ``--executed DIR`` (``DIR/en/<lesson>/defaults.ipynb``, ``DIR/zh/...``, as rerun writes them);
* each is exported with nbconvert's ``HTMLExporter`` and the kit's template
  (``helpers/share/site/templates/kit_site``): figures are embedded (data URIs), code cells are
  folded under a "Code" summary (the page reads as the lesson's story; a student who wants the
  step to retype opens it), exercise solutions stay folded (``<details>`` from
  :func:`helpers.exercises.reveal`), every page has a switch to the same page in the other
  language, Chinese pages say ``<html lang="zh-CN">``;
* widgets: a page has no kernel, so a control could not change anything. Each explorer keeps its
  default view (the PNG and status line the kernel put into its ``HTML``/``Image``/``Output``
  widgets, read from the executed notebook's widget state) with a note that exploring needs a
  kernel (Binder, or ``make start``). No widget JavaScript is shipped;
* LaTeX math is drawn at build time with matplotlib's mathtext as small SVG images (about 3 KB a
  formula; a vendored MathJax 3 ``tex-svg.js`` alone is 2.1 MB), so no script loads at all;
* nothing is loaded from outside: no require.js, MathJax, widget renderer, mermaid or web font
  (the page's font stack names the reader's system CJK fonts); every link is relative, so the
  site works from any static server and from a zip opened with ``file://``.

The words of the site come from the catalogue (``catalogue/site.csv``, keys ``site_*``); lesson
titles and one-line summaries from the notebooks themselves (the H1 and the paragraph under it);
table metadata from ``data/datapackage.json`` (Chinese from each table's ``x_zh``; a field that
``x_zh`` lacks is shown in English with a note, never translated here).
"""

from __future__ import annotations

import argparse
import base64
import html
import io
import json
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path, PurePosixPath
from typing import Any

from helpers import DATA_DIR, KIT_ROOT, NOTEBOOKS_DIR, i18n

__all__ = [
    "LANGS",
    "binder_url",
    "build",
    "data_rows",
    "execute",
    "flatten_widgets",
    "lesson_summary",
    "main",
    "math_to_img",
    "other_language_href",
    "page_path",
    "render_math",
    "rewrite_href",
    "rewrite_links",
]

LANGS: tuple[str, ...] = ("en", "zh")
HTML_LANG = {"en": "en", "zh": "zh-CN"}
TEMPLATE_DIR = Path(__file__).parent / "share" / "site" / "templates"
TEMPLATE_NAME = "kit_site"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
#: widget models whose content is the explorer's picture or text (the rest are controls,
#: layouts and styles, which need a kernel to mean anything)
_CONTENT_MODELS = ("HTMLModel", "HTMLMathModel", "ImageModel", "OutputModel")
_SCHEMES = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|#|//)", re.I)


# --------------------------------------------------------------------------------------------
# Paths and links (pure)
# --------------------------------------------------------------------------------------------
def page_path(stem: str, lang: str) -> str:
    """Path of a page inside the site: ``index``/``data``/a lesson stem -> ``X.html`` (English)
    or ``zh/X.html`` (Chinese)."""
    return f"{stem}.html" if lang == "en" else f"zh/{stem}.html"


def _prefix(lang: str) -> str:
    """From a page of ``lang`` to the site's root: ``""`` (English, at the root) or ``"../"``."""
    return "" if lang == "en" else "../"


def other_language_href(stem: str, lang: str) -> str:
    """Relative link from page ``stem`` in ``lang`` to the same page in the other language:
    ``X.html`` (en) -> ``zh/X.html``; ``zh/X.html`` -> ``../X.html``."""
    return f"zh/{stem}.html" if lang == "en" else f"../{stem}.html"


def binder_url(readme: str, notebook: str | None = None) -> str:
    """The README's first Binder link (``https://mybinder.org/v2/gh/...``), opened on
    ``notebook`` (a path like ``notebooks/01_hebei_structure.ipynb``) when given.

    Raises:
        ValueError: the README has no Binder link.
    """
    m = re.search(r"\((https://mybinder\.org/v2/[^)\s]+)\)", readme)
    if not m:
        raise ValueError("README.md has no Binder link (https://mybinder.org/v2/...)")
    url = m.group(1)
    if notebook:
        url = re.sub(r"(urlpath=lab/tree/)[^&#]+", lambda g: g.group(1) + notebook, url)
    return url


def _repo_blob(binder: str) -> str | None:
    """``https://github.com/OWNER/REPO/blob/REF/`` from a Binder ``/v2/gh/OWNER/REPO/REF`` link."""
    m = re.match(r"https://mybinder\.org/v2/gh/([^/]+)/([^/]+)/([^?#/]+)", binder)
    return f"https://github.com/{m.group(1)}/{m.group(2)}/blob/{m.group(3)}/" if m else None


def rewrite_href(href: str, lang: str, *, tables: Iterable[str] = (),
                 repo_blob: str | None = None) -> str:
    """Where a link written in a lesson points on the site.

    Args:
        href: the link as the notebook has it (relative to ``notebooks/`` for English lessons,
            ``notebooks/zh/`` for Chinese ones).
        lang: the page's language.
        tables: file names of the data tables (``province_gdp.csv``): links to them go to the
            site's copy.
        repo_blob: base URL of the repository's files (from the Binder link): other repository
            files are linked there.

    Returns:
        external links, anchors, ``data:`` and ``.html`` pages unchanged, except links into
        ``repo_blob`` + ``data/`` (the kit's table links), which go to the site's data page or
        copy; ``X.ipynb`` -> ``X.html`` (the lesson
        in the same language); ``data/X.csv`` (any prefix) -> the site's ``data/X.csv``;
        ``data/datapackage.json`` and ``data/README.md#table`` -> the data page (at that
        table); another repository file -> ``repo_blob`` +
        its path (unchanged when there is no ``repo_blob``).
    """
    tables = set(tables)
    if repo_blob and href.startswith(repo_blob + "data/"):
        # the kit's own links to the repository's data/README.md or tables: the site's copy
        name, hash_, frag = href[len(repo_blob + "data/"):].partition("#")
        if name in ("README.md", "datapackage.json"):
            return "data.html" + hash_ + frag
        return f"{_prefix(lang)}data/{name}{hash_}{frag}" if name in tables else href
    if not href or _SCHEMES.match(href):
        return href
    path, hash_, frag = href.partition("#")
    tail = hash_ + frag
    name = PurePosixPath(path).name
    if name.endswith(".html"):  # a page of the site itself
        return href
    if name.endswith(".ipynb"):
        return name.removesuffix(".ipynb") + ".html" + tail
    if name in tables and "data" in PurePosixPath(path).parts:
        return f"{_prefix(lang)}data/{name}{tail}"
    if name == "datapackage.json" or (name == "README.md"
                                      and PurePosixPath(path).parent.name == "data"):
        return "data.html" + tail
    if repo_blob is None:
        return href
    base = PurePosixPath("notebooks") if lang == "en" else PurePosixPath("notebooks/zh")
    parts: list[str] = []
    for part in (base / path).parts:
        if part == "..":
            if parts:
                parts.pop()
        elif part != ".":
            parts.append(part)
    return repo_blob + "/".join(parts) + tail


def rewrite_links(page: str, lang: str, **kw: Any) -> str:
    """Every ``href="..."`` (or ``'...'``) of an HTML page passed through
    :func:`rewrite_href`."""
    def sub(m: re.Match[str]) -> str:
        quote, old = m.group(1), html.unescape(m.group(2))
        return f"href={quote}{html.escape(rewrite_href(old, lang, **kw), quote=True)}{quote}"

    return re.sub(r"""href=(["'])(.*?)\1""", sub, page)


# --------------------------------------------------------------------------------------------
# Notebook content (pure on notebook nodes)
# --------------------------------------------------------------------------------------------
def lesson_summary(nb: Any) -> tuple[str, str]:
    """(title, one-line summary) of a lesson: its ``# H1`` and the first paragraph under it
    (the lesson's promise, STYLE.md); Markdown emphasis is left as written."""
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        m = re.search(r"^#\s+(.+)$", cell.source, re.M)
        if m:
            rest = cell.source[m.end():].strip()
            para = rest.split("\n\n")[0].strip() if rest else ""
            return m.group(1).strip(), " ".join(para.split())
    raise ValueError("the notebook has no '# title' Markdown heading")


def _model_ref(value: Any) -> str | None:
    if isinstance(value, str) and value.startswith("IPY_MODEL_"):
        return value.removeprefix("IPY_MODEL_")
    return None


def _widget_outputs(model_id: str, state: Mapping[str, Any], seen: set[str]) -> list[dict]:
    """The static content of widget ``model_id`` and its children, in display order, as
    nbformat outputs: HTML widgets' values, Image widgets' pictures, Output widgets' outputs.
    Controls (dropdowns, sliders, buttons) have no static content and give nothing."""
    if model_id in seen or model_id not in state:
        return []
    seen.add(model_id)
    model = state[model_id]
    name, st = model.get("model_name", ""), model.get("state", {})
    out: list[dict] = []
    if name in ("HTMLModel", "HTMLMathModel") and st.get("value"):
        out.append({"output_type": "display_data", "metadata": {},
                    "data": {"text/html": st["value"]}})
    elif name == "ImageModel":
        buf = next((b for b in model.get("buffers", []) if b.get("path") == ["value"]), None)
        fmt = st.get("format", "png")
        if buf and fmt in ("png", "jpeg"):
            out.append({"output_type": "display_data", "metadata": {},
                        "data": {f"image/{fmt}": buf["data"]}})
    elif name == "OutputModel":
        out += [dict(o) for o in st.get("outputs", [])]
    for child in st.get("children", []):
        ref = _model_ref(child)
        if ref:
            out += _widget_outputs(ref, state, seen)
    return out


def flatten_widgets(nb: Any, note_html: str) -> int:
    """Replace each widget view in ``nb``'s outputs by its static content (see
    :func:`_widget_outputs`), after a note (``note_html``) that exploring needs a kernel; drop
    the notebook's widget state so no widget renderer is asked for. Changes ``nb`` in place.

    Returns:
        the number of widget views replaced.
    """
    import nbformat

    state = nb.metadata.get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    n = 0
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        new: list[Any] = []
        for o in cell.get("outputs", []):
            view = o.get("data", {}).get(WIDGET_VIEW) if o.get("output_type") in (
                "display_data", "execute_result") else None
            if view is None:
                new.append(o)
                continue
            n += 1
            note = {"output_type": "display_data", "metadata": {},
                    "data": {"text/html": note_html}}
            new += [nbformat.from_dict(x) for x in
                    (note, *_widget_outputs(view.get("model_id", ""), state, set()))]
        cell.outputs = new
    nb.metadata.pop("widgets", None)
    return n


def math_to_img(tex: str, display: bool = False, size: float = 11.0) -> str:
    """An ``<img>`` of LaTeX ``tex`` drawn by matplotlib's mathtext as SVG (glyphs as paths, no
    font needed), embedded as a data URI, its LaTeX as alt text, baseline-aligned."""
    import matplotlib

    matplotlib.use("agg")
    from matplotlib import mathtext
    from matplotlib.font_manager import FontProperties

    buf = io.BytesIO()
    with matplotlib.rc_context({"svg.fonttype": "path", "svg.hashsalt": "kit"}):
        depth = mathtext.math_to_image(f"${tex}$", buf, prop=FontProperties(size=size),
                                       format="svg")
    svg = re.sub(rb"<metadata>.*?</metadata>", b"", buf.getvalue(), flags=re.S)
    src = "data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii")
    cls = "kit-math kit-math-display" if display else "kit-math"
    style = "" if display else f' style="vertical-align:-{depth:.1f}pt"'
    img = f'<img class="{cls}" alt="{html.escape(tex, quote=True)}" src="{src}"{style}>'
    return f'<div class="kit-math-block">{img}</div>' if display else img


_MATH = re.compile(r"\$\$(.+?)\$\$|(?<![\\$\w])\$(?=\S)([^$\n]+?)(?<=\S)\$(?![\w$])", re.S)


def _math_match(m: re.Match[str]) -> str:
    if m.group(1) is not None:  # $$...$$: a display formula, a little larger
        return math_to_img(m.group(1), True, 14.0)
    return math_to_img(m.group(2))


def render_math(markdown: str) -> str:
    """Markdown with each ``$$...$$`` and ``$...$`` (outside code spans and fences) replaced by
    :func:`math_to_img`. Text without math is returned unchanged."""
    if "$" not in markdown:
        return markdown
    # keep code (fenced blocks and inline spans) as written
    pieces = re.split(r"(```.*?```|`[^`\n]*`)", markdown, flags=re.S)
    for i in range(0, len(pieces), 2):
        pieces[i] = _MATH.sub(_math_match, pieces[i])
    return "".join(pieces)


def prepare(nb: Any, note_html: str) -> Any:
    """A copy of executed notebook ``nb`` ready for the site's exporter: widgets flattened,
    math drawn (Markdown cells and Markdown outputs)."""
    import copy

    nb = copy.deepcopy(nb)
    flatten_widgets(nb, note_html)
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            cell.source = render_math(cell.source)
        for o in cell.get("outputs", []):
            if "text/markdown" in o.get("data", {}):
                o["data"]["text/markdown"] = render_math(o["data"]["text/markdown"])
    return nb


# --------------------------------------------------------------------------------------------
# Data page (pure on the data package)
# --------------------------------------------------------------------------------------------
_ZH_FIELDS = ("title", "description", "producer", "publication", "table", "citation",
              "caveats", "vintages", "licence")


def _english_fields(res: Mapping[str, Any]) -> dict[str, Any]:
    o = res.get("x_origin", {})
    return {"title": res.get("title", res["name"]), "description": res.get("description", ""),
            **{k: o.get(k, "") for k in ("producer", "publication", "table", "citation")},
            "caveats": o.get("caveats", []), "vintages": o.get("vintages", {}),
            "licence": o.get("licence_note", "")}


def _units(res: Mapping[str, Any]) -> list[str]:
    """Units of a table: its ``unit`` column's allowed values, else its indicators' units."""
    for f in res.get("schema", {}).get("fields", []):
        if f["name"] == "unit" and f.get("constraints", {}).get("enum"):
            return list(f["constraints"]["enum"])
    return list(dict.fromkeys(v["unit"] for v in res.get("x_indicators", {}).values()
                              if v.get("unit")))


def _years(res: Mapping[str, Any]) -> tuple[Any, Any] | None:
    for f in res.get("schema", {}).get("fields", []):
        if f["name"] == "year":
            c = f.get("constraints", {})
            return c.get("minimum"), c.get("maximum")
    return None


def data_rows(res: Mapping[str, Any], lang: str) -> dict[str, Any]:
    """The metadata shown for one table of the data package, in ``lang``.

    Returns:
        a dict with ``name``, ``title``, ``description``, ``units`` (list; display form via
        :func:`helpers.i18n.unit_label`), ``producer``, ``publication``, ``table``,
        ``vintages`` (code -> text), ``licence``, ``citation``, ``caveats`` (list), ``years``
        ((first, last) or None), ``rows``, ``csv`` (file name), ``sha256``, and ``english``:
        the fields shown in English on a Chinese page because ``x_zh`` lacks them (empty in
        English). Empty fields are kept empty (the page leaves them out).
    """
    en = _english_fields(res)
    english: list[str] = []
    if lang == "en":
        texts = en
    else:
        zh = res.get("x_zh") if isinstance(res.get("x_zh"), dict) else {}
        texts = {}
        for k in _ZH_FIELDS:
            value = zh.get(k)
            if value in (None, "", [], {}) and en[k] not in ("", [], {}):
                texts[k] = en[k]
                english.append(k)
            else:
                texts[k] = value if value is not None else en[k]
    return {"name": res["name"], **{k: texts[k] for k in _ZH_FIELDS},
            "units": [i18n.unit_label(u, lang) for u in _units(res)],
            "years": _years(res), "rows": res.get("stats", {}).get("rows"),
            "csv": PurePosixPath(res["path"]).name,
            "sha256": res.get("stats", {}).get("sha256", ""), "english": english}


def _md_inline(text: str) -> str:
    """Inline Markdown (code spans, emphasis) of a metadata text as HTML."""
    import mistune

    out = mistune.html(text).strip()
    return re.sub(r"^<p>(.*)</p>$", r"\1", out, flags=re.S)


def data_section(row: Mapping[str, Any], lang: str) -> str:
    """HTML of one table on the data page: heading, metadata list, download links."""
    t = lambda key, **kw: i18n.t(key, lang, **kw)  # noqa: E731
    pre = _prefix(lang)
    items: list[tuple[str, str]] = []
    if row["description"]:
        items.append((t("site_field_description"), _md_inline(row["description"])))
    if row["units"]:
        items.append((t("site_field_units"), html.escape(i18n.join(row["units"], lang))))
    if row["years"]:
        items.append((t("site_field_years"), html.escape(
            t("data_years", first=row["years"][0], last=row["years"][1]))))
    if row["rows"] is not None:
        items.append((t("site_field_rows"), str(row["rows"])))
    for key in ("producer", "publication", "table"):
        if row[key]:
            items.append((t(f"site_field_{key}"), _md_inline(row[key])))
    if row["vintages"]:
        lis = "".join("<li>" + t("site_vintage_item", code=html.escape(c), text=_md_inline(v))
                      + "</li>" for c, v in row["vintages"].items())
        items.append((t("site_field_vintages"), f"<ul>{lis}</ul>"))
    if row["licence"]:
        items.append((t("site_field_licence"), _md_inline(row["licence"])))
    if row["citation"]:
        items.append((t("site_field_citation"), _md_inline(row["citation"])))
    if row["caveats"]:
        lis = "".join(f"<li>{_md_inline(c)}</li>" for c in row["caveats"])
        items.append((t("site_field_caveats"), f"<ul>{lis}</ul>"))
    dl = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in items)
    missing = ", ".join(row["english"])
    note = (f'<p class="kit-note">{html.escape(t("site_zh_missing", fields=missing))}</p>'
            if missing else "")
    csv_name, json_name = row["csv"], PurePosixPath(row["csv"]).stem + ".json"
    links = (f'<p class="kit-downloads"><a href="{pre}data/{csv_name}" download>'
             f'{html.escape(t("site_download_csv", file=csv_name))}</a> · '
             f'<a href="{pre}data/{json_name}" download>'
             f'{html.escape(t("site_download_meta", file=json_name))}</a> · '
             f'<span class="kit-sha">sha256 <code>{row["sha256"]}</code></span></p>')
    return (f'<section id="{html.escape(row["name"])}"><h2>{html.escape(row["title"])} '
            f'<code>{html.escape(row["name"])}</code></h2>{note}<dl>{dl}</dl>{links}</section>')


# --------------------------------------------------------------------------------------------
# Pages
# --------------------------------------------------------------------------------------------
_CSS = """
:root { --kit-font: system-ui, -apple-system, "Segoe UI", Helvetica, Arial, "Noto Sans CJK SC",
  "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif;
  --jp-content-font-family: var(--kit-font); --jp-ui-font-family: var(--kit-font); }
body { font-family: var(--kit-font); }
main, .kit-page { max-width: 1100px; margin: 0 auto; }
.kit-page { padding: 0 1.5em 3em; line-height: 1.55; }
nav.kit-nav { display: flex; gap: 1.2em; align-items: center; padding: .6em 1.5em;
  border-bottom: 1px solid #ccc; font-family: var(--kit-font); background: #f7f7f7; }
nav.kit-nav .kit-lang { margin-left: auto; font-weight: bold; }
.kit-note { background: #fff7e0; border-left: 4px solid #e0a800; padding: .5em .8em; }
table.kit-map { border-collapse: collapse; } table.kit-map td, table.kit-map th {
  border-bottom: 1px solid #ddd; padding: .4em .6em; text-align: left; vertical-align: top; }
dl { display: grid; grid-template-columns: 11em 1fr; gap: .3em 1em; } dt { font-weight: bold; }
dd { margin: 0; } section { border-top: 1px solid #ddd; margin-top: 1.5em; }
details.kit-code > summary { cursor: pointer; color: #555; font-size: 90%; }
img.kit-math { display: inline; margin: 0 .1em; }
.kit-math-block { text-align: center; margin: .6em; }
.kit-sha code { font-size: 80%; color: #666; }
"""


def nav_html(stem: str, lang: str) -> str:
    """The bar on top of every page: start page, data page, the same page in the other
    language (``hreflang`` and ``lang`` set, so the link text is read in its own language)."""
    t = lambda key: html.escape(i18n.t(key, lang))  # noqa: E731
    other = "zh" if lang == "en" else "en"
    return (f'<nav class="kit-nav"><a href="index.html">{t("site_title")}</a>'
            f'<a href="index.html">{t("site_course_map")}</a>'
            f'<a href="data.html">{t("site_data")}</a>'
            f'<a class="kit-lang" href="{other_language_href(stem, lang)}" '
            f'hreflang="{HTML_LANG[other]}" lang="{HTML_LANG[other]}">'
            f'{t("site_other_language")}</a></nav>')


def standalone_page(stem: str, lang: str, title: str, body: str) -> str:
    """A whole page of the site (start page, data page) around ``body``."""
    return (f'<!DOCTYPE html>\n<html lang="{HTML_LANG[lang]}">\n<head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<title>{html.escape(title)}</title><style>{_CSS}</style></head>\n<body>'
            f'{nav_html(stem, lang)}<div class="kit-page">{body}</div></body>\n</html>\n')


def index_body(lessons: Sequence[tuple[str, str, str]], lang: str, binder: str) -> str:
    """The course map: one row per lesson (stem, title, summary), linked to its page."""
    t = lambda key, **kw: i18n.t(key, lang, **kw)  # noqa: E731
    rows = "".join(
        f'<tr><td>{html.escape(stem[:2])}</td><td><a href="{stem}.html">{html.escape(title)}</a>'
        f'</td><td>{_md_inline(summary)}</td></tr>' for stem, title, summary in lessons)
    head = "".join(f"<th>{html.escape(t(k))}</th>"
                   for k in ("site_col_lesson", "site_col_title", "site_col_summary"))
    return (f'<h1>{html.escape(t("site_title"))}</h1><p>{html.escape(t("site_index_intro"))}</p>'
            f'<h2>{html.escape(t("site_course_map"))}</h2>'
            f'<table class="kit-map"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'
            f'<h2>{html.escape(t("site_data"))}</h2><p><a href="data.html">'
            f'{html.escape(t("site_data_link"))}</a></p>'
            f'<h2>{html.escape(t("site_run_heading"))}</h2>'
            f'<p>{t("site_run_text", binder=html.escape(binder, quote=True))}</p>')


def _exporter(lang: str) -> Any:
    from nbconvert import HTMLExporter

    return HTMLExporter(extra_template_basedirs=[str(TEMPLATE_DIR)], template_name=TEMPLATE_NAME,
                        language_code=lang, exclude_input_prompt=True,
                        exclude_output_prompt=True)


def lesson_page(nb: Any, stem: str, lang: str, binder: str, tables: Iterable[str],
                repo_blob: str | None) -> str:
    """One lesson page: the executed notebook prepared (:func:`prepare`) and exported with the
    kit's template; links rewritten (:func:`rewrite_links`)."""
    note = i18n.t("site_kernel_note", lang, binder=html.escape(binder, quote=True))
    ready = prepare(nb, f'<p class="kit-note">{note}</p>')
    title, _ = lesson_summary(nb)
    ready.metadata["title"] = title
    body, _ = _exporter(lang).from_notebook_node(ready, resources={"kit": {
        "nav": nav_html(stem, lang), "code": i18n.t("site_code", lang), "css": _CSS}})
    # nbconvert accepts only ISO 639-1 codes ("zh", not "zh-CN") for <html lang>
    body = re.sub(r'<html lang="[^"]*"', f'<html lang="{HTML_LANG[lang]}"', body, count=1)
    return rewrite_links(body, lang, tables=tables, repo_blob=repo_blob)


def report_page(nb: Any, lang: str, *, no_input: bool = False) -> str:
    """A rerun's HTML report (``helpers.rerun``): the same script-free page as the site's
    lessons, without the site's navigation, so a report opened offline loads nothing from
    outside and its explorers show their default views (a widget renderer from a CDN would
    leave them blank). ``no_input`` leaves the code out instead of folding it."""
    from nbconvert import HTMLExporter

    readme = (KIT_ROOT / "README.md").read_text(encoding="utf-8") \
        if (KIT_ROOT / "README.md").exists() else ""
    binder = binder_url(readme) if "mybinder.org/v2/" in readme else "https://mybinder.org"
    note = i18n.t("site_kernel_note", lang, binder=html.escape(binder, quote=True))
    ready = prepare(nb, f'<p class="kit-note">{note}</p>')
    try:
        ready.metadata["title"] = lesson_summary(nb)[0]
    except ValueError:  # an analyst's own notebook need not have a '# title'
        pass
    exporter = HTMLExporter(extra_template_basedirs=[str(TEMPLATE_DIR)],
                            template_name=TEMPLATE_NAME, language_code=lang,
                            exclude_input=no_input, exclude_input_prompt=True,
                            exclude_output_prompt=True)
    body, _ = exporter.from_notebook_node(ready, resources={"kit": {
        "nav": "", "code": i18n.t("site_code", lang), "css": _CSS}})
    return re.sub(r'<html lang="[^"]*"', f'<html lang="{HTML_LANG[lang]}"', body, count=1)


# --------------------------------------------------------------------------------------------
# Building
# --------------------------------------------------------------------------------------------
def lesson_stems(notebooks_dir: Path = NOTEBOOKS_DIR) -> list[str]:
    """The lessons (English stems), each of which must have its Chinese edition."""
    from helpers.rerun import notebook_names

    stems = notebook_names(notebooks_dir)
    missing = [s for s in stems if not (notebooks_dir / "zh" / f"{s}.ipynb").exists()]
    if missing:
        raise FileNotFoundError(f"no Chinese edition for {', '.join(missing)} in "
                                f"{notebooks_dir / 'zh'}: run `make zh`")
    return stems


def executed_path(folder: Path, lang: str, stem: str) -> Path:
    """Where :func:`execute` (helpers.rerun) writes a lesson run with its defaults."""
    return Path(folder) / lang / stem / "defaults.ipynb"


def execute(folder: Path, *, jobs: int = 2, notebooks_dir: Path = NOTEBOOKS_DIR) -> None:
    """Execute every lesson in both languages with its default parameters into ``folder``
    (:func:`helpers.rerun.run_all`, ``jobs`` at a time).

    Raises:
        RuntimeError: a lesson failed (naming it and the first line of its error).
    """
    from helpers.rerun import plan_runs, run_all

    runs = []
    for lang, src in (("en", notebooks_dir), ("zh", notebooks_dir / "zh")):
        planned, _ = plan_runs(None, [{}], notebooks_dir=src, reports_dir=Path(folder) / lang,
                               html=False)
        runs += planned
    failed = [r for r in run_all(runs, jobs=jobs) if not r.ok]
    if failed:
        raise RuntimeError("lessons failed: " + "; ".join(
            f"{r.run.source}: {r.error_line}" for r in failed))


def build(out: Path, executed: Path | None = None, *, jobs: int = 2,
          notebooks_dir: Path = NOTEBOOKS_DIR, data_dir: Path = DATA_DIR) -> dict[str, Any]:
    """Build the site into ``out`` (replaced if it exists).

    Args:
        out: the site folder.
        executed: a folder of executed lessons (``<lang>/<lesson>/defaults.ipynb``); ``None``:
            execute them now into a temporary folder.
        jobs: lessons executed at a time.

    Returns:
        ``{"pages": [...], "seconds": {"execute": s, "export": s}}``.
    """
    import nbformat

    t0 = time.perf_counter()
    stems = lesson_stems(notebooks_dir)
    tmp = None
    if executed is None:
        tmp = tempfile.TemporaryDirectory(prefix="kit-site-")
        executed = Path(tmp.name)
        execute(executed, jobs=jobs, notebooks_dir=notebooks_dir)
    t1 = time.perf_counter()
    readme = (KIT_ROOT / "README.md").read_text(encoding="utf-8")
    pkg = json.loads((Path(data_dir) / "datapackage.json").read_text(encoding="utf-8"))
    tables = [PurePosixPath(r["path"]).name for r in pkg["resources"]]
    blob = _repo_blob(binder_url(readme))
    missing = [p for lang in LANGS for stem in stems
               if not (p := executed_path(executed, lang, stem)).exists()]
    if missing:  # checked before the old site is removed
        raise FileNotFoundError(f"{missing[0]}: no executed lesson (run without --executed)")
    out = Path(out)
    if out.exists():
        shutil.rmtree(out)
    (out / "zh").mkdir(parents=True)
    (out / "data").mkdir()
    pages: list[str] = []
    for lang in LANGS:
        summaries = []
        for stem in stems:
            nb = nbformat.read(executed_path(executed, lang, stem), as_version=4)
            summaries.append((stem, *lesson_summary(nb)))
            nb_path = f"notebooks/{stem}.ipynb" if lang == "en" else f"notebooks/zh/{stem}.ipynb"
            page = lesson_page(nb, stem, lang, binder_url(readme, nb_path), tables, blob)
            pages.append(_write(out, page_path(stem, lang), page))
        binder = binder_url(readme)
        pages.append(_write(out, page_path("index", lang), standalone_page(
            "index", lang, i18n.t("site_title", lang), index_body(summaries, lang, binder))))
        sections = "".join(data_section(data_rows(r, lang), lang) for r in pkg["resources"])
        intro = (f'<h1>{html.escape(i18n.t("site_data_title", lang))}</h1>'
                 f'<p>{html.escape(i18n.t("site_data_intro", lang))}</p>')
        pages.append(_write(out, page_path("data", lang), standalone_page(
            "data", lang, i18n.t("site_data_title", lang), intro + sections)))
    for res in pkg["resources"]:
        src = Path(data_dir) / res["path"]
        shutil.copyfile(src, out / "data" / PurePosixPath(res["path"]).name)
        meta = {"licenses": pkg.get("licenses", []), "resource": res}
        (out / "data" / (PurePosixPath(res["path"]).stem + ".json")).write_text(
            json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    if tmp is not None:
        tmp.cleanup()
    return {"pages": pages, "seconds": {"execute": round(t1 - t0, 1),
                                        "export": round(time.perf_counter() - t1, 1)}}


def _write(out: Path, rel: str, text: str) -> str:
    (out / rel).write_text(text, encoding="utf-8")
    return rel


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m helpers.site",
                                description="Build the course as an offline static website.")
    p.add_argument("--out", type=Path, default=KIT_ROOT / "site", help="site folder (site/)")
    p.add_argument("--executed", type=Path, default=None,
                   help="folder of executed lessons (<lang>/<lesson>/defaults.ipynb) to reuse")
    p.add_argument("--jobs", type=int, default=2, help="lessons executed at a time (2)")
    args = p.parse_args(argv)
    t0 = time.perf_counter()
    try:
        info = build(args.out, args.executed, jobs=args.jobs)
    except (RuntimeError, FileNotFoundError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"{len(info['pages'])} pages in {args.out} ({time.perf_counter() - t0:.1f} s: "
          f"execute {info['seconds']['execute']} s, export {info['seconds']['export']} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

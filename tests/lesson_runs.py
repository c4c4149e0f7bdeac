"""The probe appended to every lesson for the bilingual tests, and the one execution of every
lesson in both languages that the bilingual and the site tests share (tests/conftest.py,
fixture ``executed_lessons``): the lessons run once per session, not once per module."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat

PROBE_MARK = "KIT_BILINGUAL_PROBE "

# Appended as the last cell of a temporary copy of each notebook. It runs in the lesson's
# kernel, after every lesson cell, and prints one JSON line the tests read.
PROBE = r'''
import io as _io
import json as _json
import numbers as _numbers
import warnings as _warnings

import matplotlib as _mpl
from matplotlib import font_manager as _fm
from matplotlib.figure import Figure as _Figure

from helpers import exercises as _ex
from helpers import plots as _plots
from helpers.i18n import t as _t, validate_lang as _vl

_lang = _vl(language)
_report = {"lang": _lang, "exercises": [], "widgets": []}

# --- fonts: the CJK family matplotlib uses, the file it resolves to, and a render with every
# warning recorded (a missing glyph would warn here)
_family = _plots.cjk_family()
_report["cjk_family"] = _family
_report["sans_serif_first"] = _mpl.rcParams["font.sans-serif"][0]
_report["font_file"] = (_fm.findfont(_fm.FontProperties(family=_family), fallback_to_default=False)
                        if _family else None)
_labels = [_t(k, "zh") for k in ("secondary_industry", "tertiary_industry", "region_hebei",
                                 "theil_index", "digital_economy_index")]
with _warnings.catch_warnings(record=True) as _caught:
    _warnings.simplefilter("always")
    _f = _Figure(figsize=(3, 2))
    _a = _f.add_subplot()
    _a.set_title(_labels[0]); _a.set_xlabel(_labels[1]); _a.set_ylabel(_labels[2])
    _a.text(0.1, 0.5, " ".join(_labels[3:]))
    _f.savefig(_io.BytesIO(), format="png")
_report["render_warnings"] = [str(w.message) for w in _caught]
_report["font_has_labels"] = bool(_family) and all(
    ord(ch) in _fm.get_font(_report["font_file"]).get_charmap()
    for ch in "".join(_labels) if not ch.isascii())

# --- widgets alive in this kernel: descriptions and option labels
try:
    from ipywidgets.widgets.widget import _instances as _live
except ImportError:  # ipywidgets 7
    import ipywidgets as _ipw
    _live = _ipw.Widget.widgets
for _w in list(_live.values()):
    _d = getattr(_w, "description", "")
    _o = [str(x) for x in getattr(_w, "_options_labels", ())]
    if _d or _o:
        _report["widgets"].append({"cls": type(_w).__name__, "description": _d, "options": _o})

# --- exercises: right answer, a wrong answer, each typical mistake, x100, the solution
def _wrong(e, exp):
    if isinstance(exp, bool):
        return not exp
    if isinstance(exp, _numbers.Real):
        return exp + max(1.0, abs(exp)) * 0.37 + 1
    if isinstance(exp, str):
        others = [c for c in (e.choices or []) if c.casefold() != exp.casefold()]
        return others[0] if others else exp + "_wrong"
    items = list(exp)
    return items[:-1] if len(items) > 1 else items + ["__not_an_item__"]

def _hint(e):
    return _ex._text(e.hint, _lang)  # a catalogue Msg, a str, or an en/zh dict

for _e in _ex.exercises():
    _exp = _e.expected()
    _row = {"id": _e.id, "type": type(_exp).__name__, "hint": _hint(_e),
            "question": _e.markdown(_lang)}
    _fb = _ex.check(_e, _exp, lang=_lang)
    _row["right"] = [bool(_fb), _fb.message]
    _fb = _ex.check(_e, _wrong(_e, _exp), lang=_lang)
    _row["wrong"] = [bool(_fb), _fb.message]
    _row["mistakes"] = []
    for _m in _e.mistakes:
        _v = _m.answer_fn()
        _mh = _ex._text(_m.hint, _lang)
        _same = _ex.check(_e, _v, lang=_lang)
        _row["mistakes"].append([bool(_same), _same.message, _mh])
    if isinstance(_exp, _numbers.Real) and not isinstance(_exp, bool) and _exp != 0:
        _fb = _ex.check(_e, _exp * 100, lang=_lang)
        _row["times100"] = [bool(_fb), _fb.message]
    _row["solution"] = _ex.reveal(_e, lang=_lang).data
    _report["exercises"].append(_row)

print("KIT_BILINGUAL_PROBE " + _json.dumps(_report, ensure_ascii=False, default=str))
'''


def execute_all(folder: Path, notebooks: list[Path], langs: tuple[str, ...] = ("en", "zh")
                ) -> dict[tuple[str, str], Path]:
    """Execute every lesson in every language (the Chinese run is the Chinese edition), the
    probe appended as the last cell tagged ``kit-probe``, two at a time.

    Returns ``{(stem, lang): executed notebook}`` at ``folder/<lang>/<stem>/defaults.ipynb``
    (the layout ``helpers.site.build(executed=...)`` reads).
    """
    from helpers.rerun import Run, run_all

    plan = []
    for nb_path in notebooks:
        for lang in langs:
            edition = nb_path.parent / "zh" / nb_path.name
            source_nb = edition if lang == "zh" and edition.exists() else nb_path
            nb = nbformat.read(source_nb, as_version=4)
            probe = nbformat.v4.new_code_cell(PROBE)
            probe.metadata["tags"] = ["kit-probe"]
            nb.cells.append(probe)
            src = folder / "src" / lang / nb_path.name
            src.parent.mkdir(parents=True, exist_ok=True)
            nbformat.write(nb, src)
            plan.append(Run(notebook=nb_path.stem, source=src, parameters={"language": lang},
                            output_ipynb=folder / lang / nb_path.stem / "defaults.ipynb",
                            output_html=None, cwd=nb_path.parent))
    # the slowest lessons first, so the two workers finish close together
    plan.sort(key=lambda r: r.notebook.startswith("00_"))
    results = run_all(plan, jobs=2, timeout=300, progress=False)
    failed = [f"{r.run.notebook} {r.run.parameters}: {r.error}" for r in results if not r.ok]
    assert not failed, "\n".join(failed)
    return {(r.run.notebook, r.run.parameters["language"]): r.run.output_ipynb for r in results}


def without_probe(executed: dict[tuple[str, str], Path], folder: Path) -> Path:
    """Copies of the executed lessons without the probe cell, in the same layout."""
    for (stem, lang), path in executed.items():
        nb = nbformat.read(path, as_version=4)
        nb.cells = [c for c in nb.cells if "kit-probe" not in c.metadata.get("tags", [])]
        out = folder / lang / stem / "defaults.ipynb"
        out.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, out)
    return folder


def as_json(executed: dict[tuple[str, str], Path]) -> dict[tuple[str, str], dict]:
    return {k: json.loads(p.read_text(encoding="utf-8")) for k, p in executed.items()}

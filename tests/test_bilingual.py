"""Issue 10: a Chinese/English kit with exercise self-checks.

* Every notebook runs with papermill in Chinese (``language="zh"``) and in English: the Chinese
  run shows no missing-glyph or CJK-font warning anywhere, its figures carry Chinese alt text
  (the kit's ``plots.show`` writes the title and axis label into it), its generated key text and
  its widget labels are Chinese and differ from the English run.
* In the same kernels, a probe cell appended to a temporary copy of each lesson (the source
  notebooks are never changed) checks every exercise: the answer computed from the data passes,
  a wrong answer fails and shows the exercise's hint, each typical mistake shows its own hint,
  and the solution can be revealed. It also checks in-kernel that matplotlib found a CJK font
  whose glyph map covers the labels, and renders Chinese labels with warnings turned on.
* Unit tests: every literal glossary term the notebooks pass to ``t(...)`` exists, with both
  languages filled; the zh-CN JupyterLab language pack is installed and discoverable.

The twelve runs go two at a time through ``helpers.rerun.run_all`` (about 2 minutes on 2 cores).
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import nbformat
import pytest
from lesson_runs import PROBE_MARK, as_json

from conftest import KIT_ROOT, NOTEBOOKS

CJK = re.compile(r"[\u4e00-\u9fff]")
GLYPH_PROBLEMS = ("Glyph", "missing from font", "CJKFontWarning", "missing from current font")
LANGS = ("en", "zh")
LESSONS = [p.stem for p in NOTEBOOKS if not p.stem.startswith("00_")]
NUMBER_TYPES = ("int", "float")
# three English words in a row (outside code): text left untranslated in a Chinese run
ENGLISH_PHRASE = re.compile(r"\b[A-Za-z]{2,}(?:[ ,'-]+[A-Za-z]{2,}){2,}\b")



# ------------------------------------------------------------------------------------------
# Running the notebooks (once per session, both languages, two at a time)
# ------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def runs(executed_lessons) -> dict[tuple[str, str], dict]:
    """``{(notebook stem, lang): executed notebook JSON}`` for every notebook and language
    (executed once per session, shared with the site tests: tests/lesson_runs.py)."""
    return as_json(executed_lessons)


def _outputs(nb: dict, *, before_sources: bool = False):
    """(cell index, output) pairs; optionally without the Sources section (citations of
    English-language publications, from the ``## Sources`` heading or ``cite(...)`` cells)."""
    for i, cell in enumerate(nb["cells"]):
        src = "".join(cell["source"])
        if before_sources and cell["cell_type"] == "markdown" and re.match(r"##\s+Sources", src):
            return
        if before_sources and re.search(r"\bcite\(", src):
            continue
        if PROBE_MARK.strip() in src:
            return  # the probe cell is ours, not the lesson's
        for out in cell.get("outputs", []):
            yield i, out


def _text(out: dict) -> str:
    if out.get("output_type") == "stream":
        return "".join(out.get("text", ""))
    if out.get("output_type") == "error":
        return f"{out.get('ename')}: {out.get('evalue')}"
    return "\n".join("".join(v) if isinstance(v, list) else str(v)
                     for k, v in out.get("data", {}).items() if k.startswith("text/"))


def _probe(nb: dict) -> dict:
    for out in nb["cells"][-1].get("outputs", []):
        for line in _text(out).splitlines():
            if line.startswith(PROBE_MARK):
                return json.loads(line[len(PROBE_MARK):])
    raise AssertionError("the probe cell printed no report")


def _alts(nb: dict) -> list[str]:
    import html

    return [html.unescape(a) for _, o in _outputs(nb)
            for a in re.findall(r'<img[^>]*\balt="([^"]*)"', _text(o))]


def _markdown(nb: dict) -> list[tuple[int, str]]:
    """Generated Markdown outputs (key text) before the Sources section."""
    return [(i, "".join(o["data"]["text/markdown"])) for i, o in _outputs(nb, before_sources=True)
            if "text/markdown" in o.get("data", {})
            and not re.match(r"\*\*(Exercise|练习) ", "".join(o["data"]["text/markdown"]))
            and not re.match(r"[✅❌] \[", "".join(o["data"]["text/markdown"]))]


ALL = [(p.stem, lang) for p in NOTEBOOKS for lang in LANGS]
pytestmark = pytest.mark.slow


# ------------------------------------------------------------------------------------------
# Chinese runs: glyphs, figures, key text, widgets
# ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("nb", "lang"), ALL)
def test_runs_clean_with_no_glyph_or_font_warning(runs, nb, lang):
    executed = runs[(nb, lang)]
    problems = []
    for i, out in _outputs(executed):
        text = _text(out)
        if out.get("output_type") == "error":
            problems.append(f"cell {i}: {text}")
        if out.get("name") == "stderr":
            problems.append(f"cell {i} wrote to stderr: {text[:300]}")
        problems += [f"cell {i}: {p!r} in output: {text[:300]}" for p in GLYPH_PROBLEMS
                     if p in text]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("nb", [p.stem for p in NOTEBOOKS])
def test_kernel_uses_a_cjk_font_that_covers_the_labels(runs, nb):
    probe = _probe(runs[(nb, "zh")])
    assert probe["lang"] == "zh"
    assert probe["cjk_family"], "matplotlib found no CJK font in the lesson's kernel"
    assert probe["sans_serif_first"] == probe["cjk_family"], probe
    assert re.search(r"(?i)cjk|noto|wqy|hei|song|ming|kai", Path(probe["font_file"]).name)
    assert probe["font_has_labels"], f"{probe['font_file']} lacks glyphs of the labels"
    assert probe["render_warnings"] == [], probe["render_warnings"]


@pytest.mark.parametrize("nb", LESSONS)
def test_figures_carry_chinese_titles_and_labels(runs, nb):
    zh, en = _alts(runs[(nb, "zh")]), _alts(runs[(nb, "en")])
    assert zh, f"{nb}: no figure with alt text in the Chinese run"
    not_chinese = [a[:120] for a in zh if not CJK.search(a)]
    assert not not_chinese, f"{nb}: figure alt text without Chinese: {not_chinese}"
    assert len(en) == len(zh), (len(en), len(zh))
    same = [a[:120] for a, b in zip(en, zh, strict=True) if a == b]
    assert not same, f"{nb}: identical alt text in both languages: {same}"


@pytest.mark.parametrize("nb", LESSONS)
def test_key_text_is_chinese_and_differs_from_english(runs, nb):
    zh, en = _markdown(runs[(nb, "zh")]), _markdown(runs[(nb, "en")])
    assert zh and en, f"{nb}: no generated Markdown text"
    missing = [f"cell {i}: {m[:150]}" for i, m in zh if not CJK.search(m)]
    assert not missing, f"{nb}: generated text without Chinese:\n" + "\n".join(missing)
    # the headline (first generated text) is Chinese in zh and different from the English one
    assert zh[0][1] != en[0][1]
    assert not CJK.search(en[0][1]), en[0][1][:200]
    en_by_cell = dict(en)
    same = [i for i, m in zh if en_by_cell.get(i) == m]
    assert not same, f"{nb}: cells whose generated text is the same in en and zh: {same}"


@pytest.mark.parametrize("nb", [p.stem for p in NOTEBOOKS])
def test_widget_labels_follow_the_language(runs, nb):
    zh, en = _probe(runs[(nb, "zh")])["widgets"], _probe(runs[(nb, "en")])["widgets"]
    descriptions = [w["description"] for w in zh if w["description"]]
    assert descriptions, f"{nb}: no widget with a description"
    not_chinese = [d for d in descriptions if not CJK.search(d)]
    assert not not_chinese, f"{nb}: widget descriptions not in Chinese: {not_chinese}"
    assert not [w["description"] for w in en if CJK.search(w["description"])]
    # options are labels, not data codes left untranslated (e.g. "va_finance")
    codes = sorted({o for w in zh for o in w["options"]
                    if re.fullmatch(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)+", o)})
    assert not codes, f"{nb}: widget options shown as codes in Chinese: {codes}"


def test_start_here_shows_the_chinese_english_glossary(runs):
    from helpers.i18n import define, glossary, t

    zh = "\n".join(_text(o) for _, o in _outputs(runs[("00_start_here", "zh")]))
    en = "\n".join(_text(o) for _, o in _outputs(runs[("00_start_here", "en")]))
    terms = glossary()
    assert len(terms) >= 50
    for term in ("three_sectors", "rationalization", "entropy_weight", "coupling_coordination"):
        assert t(term, "zh") in zh and t(term, "en") in zh, term  # both columns
        assert define(term, "zh") in zh and define(term, "zh") not in en, term
        assert define(term, "en") in en and define(term, "en") not in zh, term


# ------------------------------------------------------------------------------------------
# Exercises: right answers pass, wrong ones get the hint (in both languages)
# ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("nb", "lang"), [(n, lang) for n in LESSONS for lang in LANGS])
def test_exercise_checks(runs, nb, lang):
    probe = _probe(runs[(nb, lang)])
    prefix = nb[:2] + "-"
    exs = [e for e in probe["exercises"] if e["id"].startswith(prefix)]
    assert 2 <= len(exs) <= 4, f"{nb}: {len(exs)} exercises ({[e['id'] for e in exs]})"
    for e in exs:
        where = f"{nb} exercise {e['id']} ({lang})"
        ok, msg = e["right"]
        assert ok, f"{where}: the computed answer fails: {msg}"
        ok, msg = e["wrong"]
        assert not ok, f"{where}: a wrong answer passes: {msg}"
        assert e["hint"], f"{where}: no hint"
        assert e["hint"] in msg, f"{where}: the hint is not shown: {msg}"
        if e["type"] in NUMBER_TYPES:  # text/list mistakes: see the next test
            for same_ok, same_msg, mistake_hint in e["mistakes"]:
                if not same_ok:  # a mistake equal to the answer (e.g. same rank) cannot be told
                    assert mistake_hint in same_msg, f"{where}: mistake hint missing: {same_msg}"
        if "times100" in e:
            assert not e["times100"][0], f"{where}: 100 x answer passes"
        title = {"en": "Solution", "zh": "答案与解析"}[lang]
        assert "<details>" in e["solution"] and title in e["solution"], where
        if lang == "zh":
            assert CJK.search(e["question"]), f"{where}: question not in Chinese"
            assert CJK.search(e["hint"]), f"{where}: hint not in Chinese"
            assert CJK.search(msg), f"{where}: feedback not in Chinese"
            prose = re.sub(r"<code>.*?</code>|<[^>]+>", " ", e["solution"], flags=re.S)
            english = ENGLISH_PHRASE.search(prose)
            assert not english, f"{where}: English prose in the Chinese solution: {english[0]!r}"


def test_text_answer_mistakes_get_their_own_hint(runs):
    rows = [(nb, e) for nb in LESSONS for e in _probe(runs[(nb, "en")])["exercises"]
            if e["id"].startswith(nb[:2] + "-") and e["type"] not in NUMBER_TYPES
            and any(not ok for ok, _, _ in e["mistakes"])]
    assert rows, "no text or list exercise with a typical mistake"
    missing = [f"{nb} {e['id']}: {msg}" for nb, e in rows for ok, msg, hint in e["mistakes"]
               if not ok and hint not in msg]
    assert not missing, "\n".join(missing)


# ------------------------------------------------------------------------------------------
# Unit tests: glossary terms used by the notebooks; JupyterLab language pack
# ------------------------------------------------------------------------------------------


def _code(nb_path: Path) -> str:
    nb = nbformat.read(nb_path, as_version=4)
    return "\n".join(c.source for c in nb.cells if c.cell_type == "code")


# t("term", ...), define("term", ...), label("term", ...) with a literal first argument
TERM_CALL = re.compile(r"\b(?:t|define|label|say|Msg)\(\s*[\"']([A-Za-z0-9_]+)[\"']\s*[,)]")
# t(f"prefix_{...}") or t("prefix_" + ...): at least one glossary term must start with the prefix
PREFIX_CALL = re.compile(
    r"\b(?:t|define|label)\(\s*(?:f[\"']([A-Za-z0-9_]+)\{|[\"']([A-Za-z0-9_]+)[\"']\s*\+)")


@pytest.mark.parametrize("nb_path", NOTEBOOKS, ids=lambda p: p.stem)
def test_terms_used_by_notebooks_are_in_the_glossary(nb_path):
    from helpers.i18n import _glossary

    table = _glossary()
    code = _code(nb_path)
    used = set(TERM_CALL.findall(code))
    missing = sorted(u for u in used if u not in table)
    assert not missing, f"{nb_path.stem} uses terms not in glossary.csv: {missing}"
    empty = sorted(u for u in used if not (table[u]["en"].strip() and table[u]["zh"].strip()))
    assert not empty, f"{nb_path.stem}: glossary terms with an empty en or zh label: {empty}"
    for prefix in ("".join(m) for m in PREFIX_CALL.findall(code)):
        assert any(k.startswith(prefix) for k in table), f"no glossary term starts {prefix!r}"


def test_term_scanner_finds_calls():
    """The regex must find the forms the notebooks use (else the test above proves nothing)."""
    code = ('t("gdp", L) + t( \'region_hebei\', language, year=1) + label("x_y", L)'
            ' + say("l01_headline", v=1) + Msg("ex_hint")')
    assert TERM_CALL.findall(code) == ["gdp", "region_hebei", "x_y", "l01_headline", "ex_hint"]
    assert ["".join(m) for m in PREFIX_CALL.findall('t(f"group_{g}", L) + t("theil_" + k)')] \
        == ["group_", "theil_"]
    assert sum(len(TERM_CALL.findall(_code(p))) for p in NOTEBOOKS) >= 20


def test_glossary_has_both_languages_in_every_row():
    from helpers.i18n import _glossary

    rows = _glossary()
    empty = [k for k, r in rows.items() for c in ("en", "zh") if not r[c].strip()]
    assert not empty, f"glossary rows with an empty label: {empty}"
    # terms (glossary.csv) carry definitions; the catalogue's sentences (catalogue/*.csv) do not
    no_def = [k for k, r in rows.items() if r["file"] == "glossary.csv" and not (
        r["definition_en"].strip() and r["definition_zh"].strip())]
    assert not no_def, f"glossary rows without a definition in both languages: {no_def}"


def test_zh_cn_jupyterlab_language_pack_is_installed():
    import importlib.metadata as md

    version = md.version("jupyterlab-language-pack-zh-CN")
    pin = f"jupyterlab-language-pack-zh-CN=={version}"
    for env_file in ("requirements/runtime.txt", "environment.yml"):
        text = (KIT_ROOT / env_file).read_text().lower()  # uv writes names in lower case
        assert pin.lower() in text, f"{env_file} does not pin {pin}"
    eps = {ep.name: ep.value for ep in md.entry_points(group="jupyterlab.languagepack")}
    assert eps.get("zh_CN") == "jupyterlab_language_pack_zh_CN", eps

    # JupyterLab's own discovery (what the Settings -> Language menu lists)
    from jupyterlab_server.translation_utils import get_language_pack, get_language_packs

    packs, message = get_language_packs("en")
    assert "zh_CN" in packs, (packs, message)
    assert "中文" in packs["zh_CN"]["nativeName"]
    pack, message = get_language_pack("zh_CN")
    menu = pack.get("jupyterlab", {})
    assert "编辑" in str(menu.get("Edit")), message  # the Edit menu is translated


# ------------------------------------------------------------------------------------------
# Issue 17: the Chinese edition is Chinese; the English one holds no Chinese prose
# ------------------------------------------------------------------------------------------


#: Outputs left out of the measure: the glossary table is bilingual on purpose.
BILINGUAL_ON_PURPOSE = re.compile(r"\bglossary_table\(")


def _prose(nb: dict, *, skip: re.Pattern | None = None) -> str:
    """What a reader reads: Markdown cells and generated text (Markdown, HTML, plain), without
    the key-number fixtures nbval compares (``NBVAL_CHECK_OUTPUT`` cells print them in one
    fixed form for every language), the probe, the citations ``cite()`` prints, style sheets,
    and the text form of widgets (their view is what a reader sees)."""
    parts = []
    for cell in nb["cells"]:
        src = "".join(cell["source"])
        if PROBE_MARK.strip() in src:
            break
        if cell["cell_type"] == "markdown":
            parts.append(src)
            continue
        if "NBVAL_CHECK_OUTPUT" in src:
            continue
        if skip is not None and skip.search(src):
            continue
        for out in cell.get("outputs", []):
            if out.get("output_type") in ("display_data", "execute_result"):
                data = out.get("data", {})
                if "application/vnd.jupyter.widget-view+json" in data:
                    continue
                for mime in ("text/markdown", "text/html", "text/plain"):
                    if mime in data:
                        text = "".join(data[mime])
                        text = re.sub(r"<(style|script)\b.*?</\1>", " ", text, flags=re.S)
                        # a reader sees "&" and "->", not "&amp;" and "-&gt;"
                        parts.append(html.unescape(re.sub(r"<[^>]+>", " ", text))
                                     if mime == "text/html" else text)
                        break
    return "\n\n".join(parts)


@pytest.mark.parametrize("nb", [p.stem for p in NOTEBOOKS])
def test_chinese_lesson_prose_is_at_least_95_percent_chinese(runs, nb):
    from helpers.edition import chinese_share, language_words

    text = _prose(runs[(nb, "zh")], skip=BILINGUAL_ON_PURPOSE)
    share = chinese_share(text)
    assert share >= 0.95, f"{nb}: {share:.1%} Chinese, words (zh, en) = {language_words(text)}"


def _allowed_chinese() -> set[str]:
    """Chinese an English lesson may show: names (regions, cities) and the glossary's labels."""
    from helpers.i18n import _glossary

    rows = _glossary().values()
    return {r["zh"] for r in rows if r["file"] == "glossary.csv"} | {
        r["zh"] for r in rows if r["term"].startswith("region_")}


@pytest.mark.parametrize("nb", [p.stem for p in NOTEBOOKS])
def test_english_lesson_holds_no_chinese_prose_outside_names_and_the_glossary(runs, nb):
    text = _prose(runs[(nb, "en")], skip=BILINGUAL_ON_PURPOSE)
    # the Sources section cites Chinese works by their published titles (经济研究 2011(5)):
    # a citation names a work as it was published, so it is not prose to translate
    text = re.split(r"(?m)^##\s+Sources\b", text)[0]
    allowed = _allowed_chinese()
    runs_of_han = re.findall(r"[\u3400-\u9fff][\u3400-\u9fff（）、·]*", text)
    foreign = sorted({r for r in runs_of_han if r not in allowed and r.strip("（）、·") not in
                      allowed})
    assert not foreign, f"{nb}: Chinese in the English lesson: {foreign[:10]}"

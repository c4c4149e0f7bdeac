"""The Chinese edition (中文版): every lesson in Chinese, generated from the English one.

The English lessons in ``notebooks/`` are the source. Their Markdown cells are translated in
the kit's catalogue, one file per lesson (``catalogue/prose_NN.csv``, columns ``key, en, zh``):
``key`` is ``mdNN_`` + the first 12 hex digits of the SHA-1 of the English cell, ``en`` the
English cell exactly as translated, ``zh`` its translation. :func:`build` writes
``notebooks/zh/NN_*.ipynb``: the same code cells, the Markdown in Chinese, ``language = "zh"``
in the parameters cell and ``kit_language: zh-CN`` in the notebook's metadata (the Voila
template and the HTML exports then carry ``lang="zh-CN"``).

Why keyed by the English text's hash rather than by cell id: ids are renumbered when a cell is
inserted (nbstripout), while a passage's text changes only when its meaning may have. A
changed English passage has a new hash, so its old translation no longer matches: the build
refuses to write a Chinese lesson with a stale or missing translation, and ``python -m
helpers.edition --check`` (a test runs it) fails, naming the passages.

Command line (``make zh``)::

    python -m helpers.edition           # regenerate notebooks/zh/*.ipynb
    python -m helpers.edition --check   # fail if a translation is stale or a lesson is out of date
    python -m helpers.edition --todo 01_hebei_structure   # the passages to translate, as CSV
"""

from __future__ import annotations

import argparse
import copy
import csv
import hashlib
import io
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import nbformat

from helpers import NOTEBOOKS_DIR

__all__ = ["EditionError", "Problem", "build", "check", "chinese_share", "language_words",
           "prose_key", "translate"]

ZH_DIR_NAME = "zh"
LANGUAGE_LINE = re.compile(r'^language\s*=\s*"en"(.*)$', re.M)


class EditionError(ValueError):
    """The Chinese edition cannot be built as it stands (stale, missing or orphan texts)."""


@dataclass(frozen=True)
class Problem:
    lesson: str
    kind: str  # "missing" (no translation for this English passage) or "orphan" (unused row)
    key: str
    english: str

    def __str__(self) -> str:
        first = self.english.strip().splitlines()[0][:70] if self.english.strip() else ""
        what = {"missing": "no translation of this English passage (new or changed)",
                "orphan": "a translation whose English passage is gone (update or remove it)"}
        return f"{self.lesson} {self.key}: {what[self.kind]}: {first!r}"


# ------------------------------------------------------------------------------------------
# How Chinese a text is
# ------------------------------------------------------------------------------------------
#: Latin-script words that a Chinese lesson keeps as they are: tools and formats a student
#: types or clicks, and abbreviations Chinese statistics use as they are.
LATIN_NAMES = frozenset("""
GDP CPI R&D RD NBS PKU SO2 CO2 PM CCD DEI FE OLS CSV HTML PNG URL API ID IDE Binder Voila
Voilà JupyterLab Jupyter Python pandas papermill nbval ipywidgets seaborn matplotlib linearmodels
statsmodels numpy NumPy Markdown Theil Gini Okabe Ito Frictionless Excel Chromium Chrome
Ctrl Shift Enter Run Kernel Restart All Cells Settings Language Tab
""".split())
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_NOT_PROSE = [
    re.compile(r"```.*?```", re.S),            # code blocks
    re.compile(r"`[^`]*`"),                     # inline code: table and indicator codes
    re.compile(r"\$\$.*?\$\$", re.S),             # display formulas
    re.compile(r"\$[^$]*\$"),                   # inline formulas
    re.compile(r"\]\([^)]*\)"),                 # link targets
    re.compile(r"https?://\S+"),               # URLs
    re.compile(r"<[^>]+>"),                     # HTML tags
    re.compile(r"(?<!\*)\*(?!\*)[^*\n]+\*(?!\*)"),  # *titles of works* (cited as they are)
    re.compile(r"\b\w*[_\d]\w*\b"),            # codes with _ or digits (va_secondary, 2016)
]
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]")
#: Characters per Chinese word (a run of Han characters counts len / 2 words): modern Chinese
#: words are mostly one or two characters, so this counts Chinese words conservatively.
CHARS_PER_WORD = 2


def language_words(text: str) -> tuple[float, int]:
    """(Chinese words, English words) in the prose of ``text`` (Markdown or plain).

    Not prose, and not counted: code (fenced and inline, so table and indicator codes),
    formulas, URLs and link targets, HTML tags, italic titles of cited works, identifiers with
    digits or underscores, and :data:`LATIN_NAMES`. A Chinese word is :data:`CHARS_PER_WORD`
    Han characters; an English word is a Latin-script word of two letters or more.
    """
    for pattern in _NOT_PROSE:
        text = pattern.sub(" ", text)
    zh = len(_CJK.findall(text)) / CHARS_PER_WORD
    en = sum(1 for w in _LATIN_WORD.findall(text) if w not in LATIN_NAMES and not w.isupper())
    return zh, en


def chinese_share(text: str) -> float:
    """Share of the prose's words that are Chinese (1.0 for a text with no prose)."""
    zh, en = language_words(text)
    return 1.0 if zh + en == 0 else zh / (zh + en)


def lesson_number(stem: str) -> str:
    return stem[:2]


def prose_key(stem: str, english: str) -> str:
    """Catalogue key of one English Markdown cell of lesson ``stem``."""
    digest = hashlib.sha1(english.encode("utf-8")).hexdigest()[:12]
    return f"md{lesson_number(stem)}_{digest}"


def _prose_file(stem: str) -> str:
    return f"catalogue/prose_{lesson_number(stem)}.csv"


def translations(stem: str) -> dict[str, dict[str, str]]:
    """The lesson's translated passages: key -> {"en": ..., "zh": ...} (empty if none yet)."""
    path = resources.files("helpers").joinpath(_prose_file(stem))
    if not path.is_file():
        return {}
    rows = csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"), newline=""))
    return {r["key"]: {"en": r["en"], "zh": r["zh"]} for r in rows}


def _markdown_cells(nb: nbformat.NotebookNode) -> list[nbformat.NotebookNode]:
    return [c for c in nb.cells if c.cell_type == "markdown"]


def translate(nb: nbformat.NotebookNode, stem: str) -> tuple[nbformat.NotebookNode,
                                                             list[Problem]]:
    """The Chinese lesson made from English lesson ``nb``, and what stands in its way."""
    table = translations(stem)
    out = copy.deepcopy(nb)
    problems: list[Problem] = []
    used: set[str] = set()
    for cell in _markdown_cells(out):
        key = prose_key(stem, cell.source)
        row = table.get(key)
        if row is None or row["en"] != cell.source:
            problems.append(Problem(stem, "missing", key, cell.source))
            continue
        used.add(key)
        cell.source = row["zh"]
    for key, row in table.items():
        if key not in used and not any(p.key == key for p in problems):
            problems.append(Problem(stem, "orphan", key, row["en"]))
    for cell in out.cells:
        if cell.cell_type == "code" and "parameters" in cell.metadata.get("tags", []):
            cell.source, n = LANGUAGE_LINE.subn(r'language = "zh"\1', cell.source, count=1)
            if n != 1:
                raise EditionError(f"{stem}: its parameters cell has no line language = \"en\"")
    out.metadata["kit_language"] = "zh-CN"
    out.metadata["kit_source"] = f"notebooks/{stem}.ipynb"
    return out, problems


def _lessons(notebooks_dir: Path) -> list[Path]:
    return sorted(notebooks_dir.glob("[0-9][0-9]_*.ipynb"))


def _render(nb: nbformat.NotebookNode) -> str:
    return nbformat.writes(nb) + "\n"


def check(notebooks_dir: Path = NOTEBOOKS_DIR) -> list[str]:
    """Everything that keeps the Chinese edition from being in step with the English one:
    stale, missing or orphan translations, and generated lessons that are out of date."""
    messages: list[str] = []
    for path in _lessons(notebooks_dir):
        zh_nb, problems = translate(nbformat.read(path, as_version=4), path.stem)
        messages += [str(p) for p in problems]
        target = notebooks_dir / ZH_DIR_NAME / path.name
        if not problems:
            if not target.exists():
                messages.append(f"{path.stem}: notebooks/zh/{path.name} is missing (make zh)")
            elif target.read_text(encoding="utf-8") != _render(zh_nb):
                messages.append(f"{path.stem}: notebooks/zh/{path.name} is out of date with the "
                                "English lesson or its translation (make zh)")
    return messages


def build(notebooks_dir: Path = NOTEBOOKS_DIR) -> list[Path]:
    """Write every Chinese lesson; refuses (writing nothing) while any translation is stale."""
    made = []
    problems: list[Problem] = []
    for path in _lessons(notebooks_dir):
        zh_nb, found = translate(nbformat.read(path, as_version=4), path.stem)
        problems += found
        made.append((path.name, zh_nb))
    if problems:
        raise EditionError("the Chinese edition is not in step with the English lessons:\n"
                           + "\n".join(f"  - {p}" for p in problems))
    folder = notebooks_dir / ZH_DIR_NAME
    folder.mkdir(exist_ok=True)
    written = []
    for name, zh_nb in made:
        target = folder / name
        text = _render(zh_nb)
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
        written.append(target)
    return written


def todo(stem: str, notebooks_dir: Path = NOTEBOOKS_DIR) -> str:
    """The lesson's passages still to translate, as CSV rows (key, en, zh empty)."""
    nb = nbformat.read(notebooks_dir / f"{stem}.ipynb", as_version=4)
    _, problems = translate(nb, stem)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(["key", "en", "zh"])
    for p in problems:
        if p.kind == "missing":
            writer.writerow([p.key, p.english, ""])
    return buf.getvalue()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m helpers.edition",
                                     description="Build the Chinese edition of the lessons.")
    parser.add_argument("--check", action="store_true",
                        help="only check that translations and generated lessons are current")
    parser.add_argument("--todo", metavar="LESSON", help="print the passages to translate")
    parser.add_argument("--notebooks-dir", type=Path, default=NOTEBOOKS_DIR)
    ns = parser.parse_args(argv)
    if ns.todo:
        sys.stdout.write(todo(ns.todo, ns.notebooks_dir))
        return 0
    if ns.check:
        messages = check(ns.notebooks_dir)
        for m in messages:
            print(f"stale: {m}", file=sys.stderr)
        return 1 if messages else 0
    try:
        for path in build(ns.notebooks_dir):
            print(f"wrote {path}")
    except EditionError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Lessons read like lessons (issue 14): little code, short cells, no plumbing defined in them.

Each lesson holds at most 250 non-blank code lines and no code cell over 30; a function or class
defined in a notebook is plumbing a helper should hold, and one defined in two notebooks is
copied code: neither is allowed. Every text a user sees comes from the catalogue, so a lesson
holds no per-notebook sentence dictionary ({"en": ..., "zh": ...}).
"""

from __future__ import annotations

import ast
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from conftest import NOTEBOOKS

MAX_LESSON_LINES = 250
MAX_CELL_LINES = 30
BILINGUAL_DICT = re.compile(r"""["']en["']\s*:\s*(?:f?["']|\()""")


def _code_cells(path: Path) -> list[str]:
    nb = json.loads(path.read_text(encoding="utf-8"))
    return ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code"]


def _lines(source: str) -> int:
    return sum(1 for line in source.splitlines() if line.strip())


def _definitions(source: str) -> list[str]:
    tree = ast.parse(source)
    return [n.name for n in ast.walk(tree)
            if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)]


@pytest.mark.parametrize("nb_path", NOTEBOOKS, ids=lambda p: p.stem)
def test_lesson_code_is_short(nb_path):
    sizes = [_lines(c) for c in _code_cells(nb_path)]
    assert sum(sizes) <= MAX_LESSON_LINES, f"{nb_path.stem}: {sum(sizes)} code lines"
    longest = max(sizes)
    assert longest <= MAX_CELL_LINES, f"{nb_path.stem}: a code cell of {longest} lines"


@pytest.mark.parametrize("nb_path", NOTEBOOKS, ids=lambda p: p.stem)
def test_lesson_defines_no_function_or_class_and_no_sentence_dictionary(nb_path):
    cells = _code_cells(nb_path)
    defined = [name for c in cells for name in _definitions(c)]
    assert not defined, f"{nb_path.stem} defines {defined}: move them into src/helpers/"
    dicts = [c.splitlines()[0] for c in cells if BILINGUAL_DICT.search(c)]
    assert not dicts, f"{nb_path.stem}: inline en/zh texts (use the catalogue): {dicts}"


def test_no_definition_is_shared_between_notebooks():
    names = Counter(name for p in NOTEBOOKS for name in
                    {n for c in _code_cells(p) for n in _definitions(c)})
    assert not [n for n, k in names.items() if k > 1]


def test_the_checks_can_fail():
    """The scanners find what they look for (else the tests above prove nothing)."""
    assert _definitions("def f():\n    pass\nclass A:\n    pass\n") == ["f", "A"]
    assert BILINGUAL_DICT.search('x = {"en": "Hebei", "zh": "河北"}')
    assert BILINGUAL_DICT.search("hint={'en': f'{year}', 'zh': '年'}")
    assert not BILINGUAL_DICT.search('t("secondary_industry", "en")')
    assert _lines("a = 1\n\n   \nb = 2\n") == 2

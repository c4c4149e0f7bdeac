"""The Chinese edition (issue 17): generated from the English lessons and the catalogue, and in
step with them. How Chinese its prose is, and that the Chinese pages say lang="zh-CN", are
checked on the executed lessons in tests/test_bilingual.py and in the browser tests."""

from __future__ import annotations

import shutil

import nbformat
import pytest

from conftest import KIT_ROOT, NOTEBOOKS
from helpers import edition

ZH_DIR = KIT_ROOT / "notebooks" / "zh"


def test_every_lesson_has_a_current_chinese_edition():
    problems = edition.check()
    assert not problems, "run `make zh` after translating:\n" + "\n".join(problems)
    assert sorted(p.name for p in ZH_DIR.glob("*.ipynb")) == sorted(p.name for p in NOTEBOOKS)


@pytest.mark.parametrize("nb_path", NOTEBOOKS, ids=lambda p: p.stem)
def test_chinese_lesson_runs_in_chinese_and_keeps_the_code(nb_path):
    zh = nbformat.read(ZH_DIR / nb_path.name, as_version=4)
    en = nbformat.read(nb_path, as_version=4)
    assert zh.metadata["kit_language"] == "zh-CN"
    (params,) = [c for c in zh.cells if "parameters" in c.metadata.get("tags", [])]
    assert 'language = "zh"' in params.source
    en_code = [c.source for c in en.cells if c.cell_type == "code"]
    zh_code = [c.source for c in zh.cells if c.cell_type == "code"]
    assert [s.replace('language = "en"', 'language = "zh"', 1) for s in en_code] == zh_code
    md = "\n\n".join(c.source for c in zh.cells if c.cell_type == "markdown")
    assert edition.chinese_share(md) >= 0.95, edition.language_words(md)


def _copy_lesson(tmp_path, stem: str):
    """A temporary notebooks folder with one English lesson and its Chinese edition."""
    folder = tmp_path / "notebooks"
    (folder / "zh").mkdir(parents=True)
    shutil.copy(KIT_ROOT / "notebooks" / f"{stem}.ipynb", folder)
    shutil.copy(ZH_DIR / f"{stem}.ipynb", folder / "zh")
    return folder


def test_a_changed_english_passage_makes_the_translation_stale(tmp_path):
    """The staleness check can fail: change one English sentence in a temporary copy."""
    stem = "02_bohai_rim"
    folder = _copy_lesson(tmp_path, stem)
    assert edition.check(folder) == []
    nb = nbformat.read(folder / f"{stem}.ipynb", as_version=4)
    cell = next(c for c in nb.cells if c.cell_type == "markdown" and "## Summary" in c.source)
    cell.source = cell.source.replace("## Summary", "## Summary\n\nA sentence added in English.")
    nbformat.write(nb, folder / f"{stem}.ipynb")
    before = (folder / "zh" / f"{stem}.ipynb").read_bytes()
    problems = edition.check(folder)
    assert len(problems) == 2, problems  # the changed passage, and its orphaned translation
    assert any("no translation of this English passage" in p for p in problems)
    assert any("English passage is gone" in p for p in problems)
    with pytest.raises(edition.EditionError, match="not in step"):
        edition.build(folder)
    assert (folder / "zh" / f"{stem}.ipynb").read_bytes() == before  # nothing written
    assert edition.main(["--check", "--notebooks-dir", str(folder)]) == 1


def test_an_edited_generated_lesson_is_out_of_date(tmp_path):
    stem = "04_digital_economy_index"
    folder = _copy_lesson(tmp_path, stem)
    zh = folder / "zh" / f"{stem}.ipynb"
    zh.write_text(zh.read_text(encoding="utf-8").replace("概览", "概述", 1), encoding="utf-8")
    assert any("out of date" in p for p in edition.check(folder))
    edition.build(folder)
    assert edition.check(folder) == []


def test_chinese_share_counts_prose_only():
    assert edition.chinese_share("河北第二产业占比较高。") == 1.0
    assert edition.chinese_share("The secondary sector of Hebei") == 0.0
    zh, en = edition.language_words("用 `load('province_gdp')` 读取 GDP，见 https://data.stats.gov.cn")
    assert en == 0 and zh == 2.0  # 用, 读取, 见: 4 characters = 2 words; code and URL not counted
    assert edition.language_words("*Analysis of the Role of Digital Economy*（论文）")[1] == 0
    zh, en = edition.language_words("河北省 (Hebei) grew fast")
    assert (zh, en) == (1.5, 3)

"""helpers.course: the course map of lesson 00, from the catalogue, in both languages."""

from __future__ import annotations

import re

from helpers import course, i18n


def test_course_map_lists_each_lesson_once_with_its_texts(tmp_path):
    (tmp_path / "01_hebei_structure.ipynb").write_text("{}")
    en = course.course_map("en", tmp_path)
    assert list(en.columns) == ["notebook", "title", "question", "you will use", "ready"]
    assert en["notebook"].tolist()[:2] == ["01_hebei_structure", "02"]
    assert en["ready"].tolist()[:2] == ["yes", "coming"]  # only 01 exists in tmp_path
    assert en.loc[0, "title"] == i18n.t("course_01_title", "en")
    zh = course.course_map("zh", tmp_path)
    assert list(zh.columns) == ["课程文件", "标题", "问题", "你将用到", "状态"]
    assert zh.iloc[0, 1] == "河北的产业结构" and zh.iloc[1, 4] == "即将推出"
    assert len(en) == len(zh) == len([k for k in i18n.terms()
                                      if re.fullmatch(r"course_\d\d_title", k)])


def test_course_map_follows_the_run_language():
    try:
        i18n.set_language("zh")
        assert course.course_map().columns[0] == "课程文件"
    finally:
        i18n.set_language("en")
    assert course.course_map().columns[0] == "notebook"


def test_lesson_picker_card_shows_the_chosen_lesson():
    box = course.lesson_picker("en")
    picker, card = box.children
    assert picker.value == "01_hebei_structure"
    assert "How heavy is Hebei" in card.value and "notebooks/01_hebei_structure.ipynb" in card.value
    picker.value = "03_hebei_cities"
    assert "coastal cities" in card.value and "01_hebei" not in card.value


def test_glossary_table_has_both_names_and_one_definition():
    en, zh = course.glossary_table("en"), course.glossary_table("zh")
    assert list(en.columns) == ["term", "English", "中文", "definition"]
    assert list(zh.columns) == ["术语代码", "English", "中文", "定义"]
    row = en.set_index("term").loc["coupling_coordination"]
    assert row["definition"] == i18n.define("coupling_coordination", "en")
    assert zh.set_index("术语代码").loc["coupling_coordination", "定义"] == i18n.define(
        "coupling_coordination", "zh")

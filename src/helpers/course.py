"""The course map: which lesson answers which question, in the run's language.

The lessons' titles, questions and methods are catalogue texts (``catalogue/course.csv``, keys
``course_NN_title``, ``course_NN_question``, ``course_NN_uses``); a lesson appears on the map
once its three texts are there, and is marked ready once its notebook exists. Lesson 00 shows
the map as a table and as a picker (:func:`lesson_picker`).
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from helpers import NOTEBOOKS_DIR, data, i18n

__all__ = ["course_map", "data_table", "glossary_table", "lesson_picker"]

_TITLE = re.compile(r"^course_(\d\d)_title$")


def _lesson_numbers() -> list[str]:
    return sorted(m.group(1) for key in i18n.terms() if (m := _TITLE.match(key)))


def _notebook(number: str, folder: Path) -> str | None:
    found = sorted(folder.glob(f"{number}_*.ipynb"))
    return found[0].stem if found else None


def course_map(lang: str | None = None, notebooks_dir: Path = NOTEBOOKS_DIR) -> pd.DataFrame:
    """One row per lesson: notebook, title, question, what the student will use, ready.

    Args:
        lang: ``"en"``/``"zh"``; ``None``: the run's language. Column names follow it too.
        notebooks_dir: where the lessons are (a lesson with no notebook yet is "coming").
    """
    lang = i18n.resolve_lang(lang)
    rows = []
    for n in _lesson_numbers():
        stem = _notebook(n, notebooks_dir)
        rows.append({
            "notebook": stem or n,
            "title": i18n.t(f"course_{n}_title", lang),
            "question": i18n.t(f"course_{n}_question", lang),
            "uses": i18n.t(f"course_{n}_uses", lang),
            "ready": i18n.t("course_ready_yes" if stem else "course_ready_coming", lang),
        })
    frame = pd.DataFrame(rows, columns=["notebook", "title", "question", "uses", "ready"])
    return frame.rename(columns={c: i18n.t(f"course_col_{c}", lang) for c in frame.columns})


def lesson_picker(lang: str | None = None, notebooks_dir: Path = NOTEBOOKS_DIR):
    """A dropdown of the lessons and a card with the chosen lesson's question (ipywidgets)."""
    import ipywidgets as widgets  # late: only lesson 00's picker needs it

    lang = i18n.resolve_lang(lang)
    table = course_map(lang, notebooks_dir)
    table.columns = ["notebook", "title", "question", "uses", "ready"]
    rows = table.set_index("notebook")
    picker = widgets.Dropdown(options=[(f"{nb}: {r.title}", nb) for nb, r in rows.iterrows()],
                              description=i18n.t("nb00_lesson", lang),
                              layout=widgets.Layout(width="480px"))
    card = widgets.HTML()

    def show_card(_change: object = None) -> None:
        row = rows.loc[picker.value]
        card.value = i18n.t("course_card", lang, title=row.title, question=row.question,
                            uses=row.uses, ready=row.ready, notebook=picker.value,
                            question_label=i18n.t("nb00_question", lang),
                            uses_label=i18n.t("nb00_you_will_use", lang),
                            open_label=i18n.t("nb00_open_it", lang))

    picker.observe(show_card, names="value")
    show_card()
    return widgets.VBox([picker, card])


def glossary_table(lang: str | None = None) -> pd.DataFrame:
    """The kit's terms with their English and Chinese names and the definition in ``lang``."""
    lang = i18n.resolve_lang(lang)
    terms = i18n.glossary()[["term", "en", "zh", f"definition_{lang}"]]
    terms.columns = [i18n.t("course_col_term", lang), "English", "中文",
                     i18n.t("course_col_definition", lang)]
    return terms


def data_table(lang: str | None = None) -> pd.DataFrame:
    """Lesson 00's table of the data catalogue: each table's name, title, years and rows.

    Args:
        lang: ``"en"``/``"zh"``; ``None``: the run's language. Titles and column names follow
            it (:func:`helpers.data.catalogue`; Chinese titles from the tables' ``x_zh``).
    """
    lang = i18n.resolve_lang(lang)
    frame = data.catalogue(lang=lang)
    return frame[[i18n.t(f"data_col_{c}", lang) for c in ("name", "title", "years", "rows")]]

"""Tests for helpers.exercises: a right answer passes, a wrong one gets the matching hint.

The expected answers are computed from a small synthetic frame with the kit's tidy columns
(region, year, indicator, value), exactly as lessons compute them from helpers.data.load.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from helpers import exercises, i18n
from helpers.exercises import Exercise, Feedback, Mistake, check, reveal

FRAME = pd.DataFrame(
    [
        ("Hebei", 2022, "gdp", 42370.4), ("Hebei", 2022, "va_secondary", 17050.1),
        ("Hebei", 2023, "gdp", 43944.1), ("Hebei", 2023, "va_secondary", 16435.0),
        ("Beijing", 2023, "gdp", 43760.7), ("Beijing", 2023, "va_secondary", 6525.6),
    ],
    columns=["region", "year", "indicator", "value"],
)
CITIES = ["Shijiazhuang", "Tangshan", "Qinhuangdao", "Handan", "Cangzhou"]


def _value(df: pd.DataFrame, region: str, year: int, indicator: str) -> float:
    row = df[(df.region == region) & (df.year == year) & (df.indicator == indicator)]
    return float(row["value"].iloc[0])


def _share(df: pd.DataFrame, region: str, year: int) -> float:
    return _value(df, region, year, "va_secondary") / _value(df, region, year, "gdp")


@pytest.fixture()
def share_ex() -> Exercise:
    return Exercise(
        id="t-share",
        question={"en": "Share of the secondary sector in Hebei's GDP, 2023 (fraction)?",
                  "zh": "2023年河北第二产业占GDP的比重（小数）？"},
        answer_fn=lambda: _share(FRAME, "Hebei", 2023),
        tolerance=0.001,
        hint={"en": "Divide va_secondary by gdp.", "zh": "用第二产业增加值除以GDP。"},
        mistakes=[Mistake(lambda: _share(FRAME, "Hebei", 2022),
                          {"en": "Check the year: that is the 2022 share.",
                           "zh": "检查年份：这是2022年的比重。"}),
                  Mistake(lambda: _share(FRAME, "Beijing", 2023),
                          "Check the region: that is Beijing.")],
        solution_markdown="`va_secondary / gdp` for 2023 = **{answer:.3f}**",
    )


def test_right_answer_passes(share_ex):
    student = 16435.0 / 43944.1  # what a student computes from the same rows
    fb = check("t-share", student)
    assert isinstance(fb, Feedback) and fb and fb.correct
    assert fb.message == "Correct!"
    assert check(share_ex, round(student, 3))  # rounded within the tolerance
    assert check(share_ex, np.float64(student))
    assert check(share_ex, pd.Series([student]))  # a one-value Series is accepted
    assert check(share_ex, student, lang="zh").message == "回答正确！"


@pytest.mark.parametrize(("answer", "needle"), [
    (100 * 16435.0 / 43944.1, "share in percent instead of a fraction"),
    (17050.1 / 42370.4, "Check the year: that is the 2022 share."),
    (6525.6 / 43760.7, "Check the region: that is Beijing."),
    (16435.0 / 43944.1 * 1e4, "factor of 10,000: check the unit"),
    (-16435.0 / 43944.1, "wrong sign"),
    (43944.1 / 16435.0, "divided the other way round"),
    (16435.0 / 43944.1 + 0.002, "Close, but outside the tolerance (±0.001)"),
])
def test_wrong_number_gets_specific_hint(share_ex, answer, needle):
    fb = check(share_ex, answer)
    assert not fb
    assert needle in fb.message
    assert fb.message.startswith("Not quite.")
    assert "Hint: Divide va_secondary by gdp." in fb.message


@pytest.mark.parametrize(("answer", "needle"), [
    (None, "No answer yet"),
    (..., "No answer yet"),
    ("0.374", "is text: remove the quotes"),
    ("about a third", "Expected a number, got the text 'about a third'"),
    (True, "Expected a number, got the bool True"),
    (pd.Series([0.3, 0.4]), "Expected ONE value, got a pandas Series with 2 values"),
    ({"a": 1}, "Expected a number, got a dict"),
    (float("nan"), "NaN (a missing value)"),
])
def test_type_problems_are_named(share_ex, answer, needle):
    fb = check(share_ex, answer)
    assert not fb and needle in fb.message


def test_unexplained_wrong_answer_still_gets_general_hint(share_ex):
    fb = check(share_ex, 0.9)
    assert not fb
    assert fb.message == "Not quite. Hint: Divide va_secondary by gdp."


def test_chinese_messages(share_ex):
    fb = check(share_ex, 100 * _share(FRAME, "Hebei", 2023), lang="zh")
    assert "百分数" in fb.message and "提示：用第二产业增加值除以GDP。" in fb.message
    exercises.set_language("zh")
    try:
        assert "检查年份" in check(share_ex, _share(FRAME, "Hebei", 2022)).message
        assert "练习 t-share" in share_ex._repr_markdown_()
    finally:
        exercises.set_language("en")
    with pytest.raises(ValueError, match="language"):
        exercises.set_language("fr")


def test_expected_answer_follows_the_data():
    df = FRAME.copy()
    ex = Exercise("t-live", "Hebei GDP 2023?", lambda: _value(df, "Hebei", 2023, "gdp"))
    assert check(ex, 43944.1)
    df.loc[(df.region == "Hebei") & (df.year == 2023) & (df.indicator == "gdp"), "value"] = 1.0
    assert not check(ex, 43944.1) and check(ex, 1.0)


def test_answer_must_be_computed_not_typed():
    with pytest.raises(TypeError, match="computes the answer"):
        Exercise("t-typed", "?", 0.374)


def test_text_answer_case_insensitive_with_suggestion():
    def largest_city() -> str:
        return max(CITIES, key=len)  # "Shijiazhuang", computed rather than typed in

    Exercise("t-city", "Longest city name?", largest_city, choices=CITIES,
             hint="Count the letters.")
    assert check("t-city", "  shijiazhuang ")
    fb = check("t-city", "Shijiazhang")
    assert not fb and "Did you mean 'Shijiazhuang'?" in fb.message
    assert "'Shijiazhang' is not one of the possible names" in fb.message
    fb = check("t-city", "Tangshan")  # a valid name, just wrong: no suggestion, the hint
    assert not fb and "Did you mean" not in fb.message and "Count the letters." in fb.message
    assert "Expected a name (text), got the integer 3" in check("t-city", 3).message


def test_list_answers_unordered_and_ordered():
    coastal = Exercise("t-coast", "Coastal cities?",
                       lambda: [c for c in CITIES if c in ("Tangshan", "Qinhuangdao", "Cangzhou")],
                       choices=CITIES)
    assert check(coastal, {"Cangzhou", "tangshan", "Qinhuangdao"})
    fb = check(coastal, ["Tangshan", "Handan"])
    assert not fb
    assert "1 of 3 items are right." in fb.message
    assert "Not in the answer: 'Handan'." in fb.message and "2 item(s) missing." in fb.message
    assert "Did you mean 'Handan'" in check(coastal, ["Tangshan", "Handn"]).message
    assert "Expected a list of items" in check(coastal, "Tangshan").message

    ranking = Exercise("t-rank", "Rank 2023 GDP, largest first", ordered=True,
                       answer_fn=lambda: FRAME[(FRAME.year == 2023) & (FRAME.indicator == "gdp")]
                       .sort_values("value", ascending=False)["region"].tolist())
    assert check(ranking, ["Hebei", "Beijing"])
    assert "wrong order" in check(ranking, ["Beijing", "Hebei"]).message
    assert check(ranking, pd.Series(["Hebei", "Beijing"]))


def test_bool_answer():
    Exercise("t-bool", "Did Hebei's secondary share fall from 2022 to 2023?",
             lambda: _share(FRAME, "Hebei", 2023) < _share(FRAME, "Hebei", 2022))
    assert check("t-bool", True)
    assert not check("t-bool", False)
    assert "Expected True or False, got the text 'yes'" in check("t-bool", "yes").message


def test_unknown_id_suggests(share_ex):
    with pytest.raises(KeyError, match="Did you mean 't-share'"):
        check("t-shar", 0.3)


def test_reveal_details_and_accordion(share_ex):
    html = reveal(share_ex).data
    assert html.startswith("<details><summary><b>Solution t-share</b></summary>")
    assert f"<strong>{_share(FRAME, 'Hebei', 2023):.3f}</strong>" in html  # computed, formatted
    acc = reveal("t-share", lang="zh", widget=True)
    assert acc.titles == ("答案与解析 t-share",) and acc.selected_index is None
    assert "<code>va_secondary / gdp</code>" in acc.children[0].value


def test_question_markdown_tells_how_to_check(share_ex):
    md = share_ex.markdown("en")
    assert md.startswith("**Exercise t-share.** Share of the secondary sector")
    assert 'check("t-share", your_answer)' in md


def test_text_answer_matching_a_typical_mistake_gets_its_own_hint():
    ex = Exercise(
        "t-text", "Which city has the highest secondary share?",
        answer_fn=lambda: "Tangshan", hint="Look at the last year.",
        mistakes=[Mistake(lambda: "Handan", "Handan led in 2000, not in the last year.")],
    )
    fb = check(ex, " handan ")
    assert not fb and "Handan led in 2000" in fb.message
    other = check(ex, "Xingtai")
    assert not other and "Handan led" not in other.message and "Look at the last year" in (
        other.message)


def test_list_answer_matching_a_typical_mistake_gets_its_own_hint():
    ex = Exercise(
        "t-list", "The three coastal cities, largest first.",
        answer_fn=lambda: ["Tangshan", "Cangzhou", "Qinhuangdao"], hint="Sort by GDP.",
        ordered=True,
        mistakes=[Mistake(lambda: ["Qinhuangdao", "Cangzhou", "Tangshan"],
                          "That is smallest first.")],
    )
    fb = check(ex, ["Qinhuangdao", "Cangzhou", "Tangshan"])
    assert not fb and "smallest first" in fb.message
    assert not check(ex, ["Tangshan", "Qinhuangdao", "Cangzhou"]).message.count("smallest")
    assert check(ex, ["Tangshan", "Cangzhou", "Qinhuangdao"])


def test_ask_takes_the_exercise_texts_from_the_catalogue():
    """ask("04-2", ...) reads l04_ex2_question/_hint/_solution and l04_ex2_mistake_<name>."""
    from helpers.exercises import ask, check, reveal

    ex = ask("04-1", lambda: 3, tolerance=0, values={"region": "Hebei", "year": 2022},
             mistakes={"first_year": lambda: 7})
    assert ex.id == "04-1" and exercises.get("04-1") is ex
    assert "Hebei" in ex.markdown("en") and "2022" in ex.markdown("en")
    assert ex.question.key == "l04_ex1_question" and ex.hint.key == "l04_ex1_hint"
    assert check("04-1", 3, lang="en").correct
    wrong = check("04-1", 7, lang="zh")
    assert not wrong.correct
    assert i18n.t("l04_ex1_mistake_first_year", "zh", region="Hebei", year=2022) in wrong.message
    assert "3" in reveal("04-1", lang="en").data  # the computed answer fills {answer}
    with pytest.raises(Exception, match="l04_ex9_question"):
        ask("04-9", lambda: 1)  # no such texts: the missing key is named

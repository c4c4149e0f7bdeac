"""Exercises with self-checks: a student's answer is compared with one COMPUTED from the data.

An exercise never stores its answer as a typed-in number: ``answer_fn`` computes it from the
kit's data when the student checks (so a rerun with other data or parameters stays right).

Usage in a lesson::

    from helpers.exercises import Exercise, Mistake, check, reveal

    ex1 = Exercise(
        id="01-1",
        question={"en": "What share of Hebei's GDP did the secondary sector produce in 2023? "
                        "Give a fraction between 0 and 1.",
                  "zh": "2023年河北第二产业增加值占GDP的比重是多少？请用0到1之间的小数作答。"},
        answer_fn=lambda: share(wide, "Hebei", 2023),
        tolerance=0.001,
        hint={"en": "Divide va_secondary by gdp for 2023.",
              "zh": "用2023年的第二产业增加值除以GDP。"},
        mistakes=[Mistake(lambda: share(wide, "Hebei", 2022),
                          {"en": "Check the year: that is the 2022 share.",
                           "zh": "检查年份：这是2022年的比重。"})],
        solution_markdown="`wide.loc[('Hebei', 2023), 'va_secondary'] / "
                          "wide.loc[('Hebei', 2023), 'gdp']` = **{answer:.3f}**",
    )
    ex1                        # shows the question
    check("01-1", my_answer)   # -> Feedback: correct, or wrong with a hint
    reveal(ex1)                # collapsible solution (HTML <details>; widget=True: Accordion)

What the check diagnoses (each with a bilingual message):

* type problems: no answer yet (``None``/``...``), text where a number is expected ("remove
  the quotes"), a Series/list where one value is expected, NaN, a bool;
* numbers: the exercise's own ``mistakes`` (a typical wrong answer computed from the data, e.g.
  the value for the wrong year); percent instead of fraction (x100) and the reverse; a unit
  factor (10k yuan vs 100 million yuan: x10^4, x10^8, x10^3); a flipped sign; a ratio divided
  the wrong way round (1/x); close but outside the tolerance (rounded too early);
* text: case and surrounding spaces are ignored; a name that is not among ``choices`` gets
  close-match suggestions (difflib);
* lists/sets: how many items are right, which given items are wrong, how many are missing,
  and "right items, wrong order" when order matters.
"""

from __future__ import annotations

import difflib
import html
import math
import numbers
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from helpers import i18n
from helpers.i18n import Msg

__all__ = [
    "Exercise",
    "ask",
    "Feedback",
    "Mistake",
    "check",
    "exercises",
    "get",
    "reveal",
    "set_language",
]

Text = str | Msg | Mapping[str, str]
LANGS = i18n.LANGS
_REGISTRY: dict[str, Exercise] = {}

# Every message a student sees is in the kit's catalogue (helpers/catalogue/exercises.csv,
# keys ex_*), like every other text of the kit; the language is the run's (helpers.i18n).
# factor -> label; 10^4 (万 vs 亿 yuan, 10k persons vs persons), 10^8 (亿 vs yuan), 10^3
_UNIT_FACTORS = (1e4, 1e8, 1e3, 1e6)


def set_language(lang: str) -> None:
    """Set the run's language (the same as :func:`helpers.i18n.set_language`)."""
    i18n.set_language(lang)


def _lang(lang: str | None) -> str:
    return i18n.get_language() if lang is None else i18n.validate_lang(lang)


def _text(value: Text, lang: str) -> str:
    """The ``lang`` version of a text: a catalogue :class:`~helpers.i18n.Msg`, a plain string,
    or (older lessons) a ``{"en": ..., "zh": ...}`` dict."""
    if isinstance(value, Msg):
        return value.render(lang)
    if isinstance(value, str):
        return value
    return value.get(lang) or value.get("en") or next(iter(value.values()), "")


def _msg(key: str, lang: str, **kw: Any) -> str:
    return i18n.t(f"ex_{key}", lang, **kw)


@dataclass(frozen=True)
class Mistake:
    """A typical wrong answer, computed from the data, and the hint to give when it is seen.

    Example: ``Mistake(lambda: share(df, "Hebei", 2022), "Check the year.")``.
    """

    answer_fn: Callable[[], Any]
    hint: Text


@dataclass
class Exercise:
    """One exercise.

    Args:
        id: short unique id, e.g. ``"01-2"`` (lesson-number). Registered so ``check(id, ...)``
            finds it; redefining an id (rerunning the cell) replaces the old one.
        question: Markdown text, or ``{"en": ..., "zh": ...}``.
        answer_fn: function of no arguments that COMPUTES the expected answer from the data
            (a number, a str, a bool, or a list/tuple/set of those).
        tolerance: absolute tolerance for numbers; default ``1e-6 * max(1, |expected|)``.
        hint: general hint shown when the answer is wrong (str or bilingual dict).
        solution_markdown: Markdown shown by :func:`reveal`; ``{answer}`` is replaced by the
            computed answer (format specs allowed: ``{answer:.3f}``).
        mistakes: typical wrong answers with their specific hints (:class:`Mistake`).
        choices: possible names for a text answer (e.g. the 11 Hebei cities); a typo gets
            close-match suggestions.
        ordered: for a list answer, whether order matters (default False: compared as sets).
    """

    id: str
    question: Text
    answer_fn: Callable[[], Any]
    tolerance: float | None = None
    hint: Text = ""
    solution_markdown: Text = ""
    mistakes: Sequence[Mistake] = field(default_factory=tuple)
    choices: Sequence[str] | None = None
    ordered: bool = False

    def __post_init__(self) -> None:
        if not callable(self.answer_fn):
            raise TypeError(
                f"Exercise {self.id!r}: answer_fn must be a function that computes the answer "
                "from the data (never a typed-in value)"
            )
        _REGISTRY[self.id] = self

    def expected(self) -> Any:
        """The expected answer, computed now by ``answer_fn`` (numpy/pandas scalars unwrapped)."""
        return _plain(self.answer_fn())

    def markdown(self, lang: str | None = None) -> str:
        lang = _lang(lang)
        return (f"**{_msg('exercise', lang)} {self.id}.** {_text(self.question, lang)}\n\n"
                f"{_msg('how_to_check', lang, id=self.id)}")

    def _repr_markdown_(self) -> str:
        return self.markdown()


@dataclass(frozen=True)
class Feedback:
    """Result of :func:`check`: truthy when correct; shows its message in a notebook."""

    exercise_id: str
    correct: bool
    message: str

    def __bool__(self) -> bool:
        return self.correct

    def __str__(self) -> str:
        return f"{'✅' if self.correct else '❌'} [{self.exercise_id}] {self.message}"

    def __repr__(self) -> str:
        return str(self)

    def _repr_markdown_(self) -> str:
        return str(self)


def get(exercise_id: str) -> Exercise:
    """The registered exercise with this id (KeyError lists known ids and close matches)."""
    try:
        return _REGISTRY[exercise_id]
    except KeyError:
        known = sorted(_REGISTRY)
        msg = _msg("unknown_id", "en", id=exercise_id, known=", ".join(known) or "(none)")
        close = difflib.get_close_matches(str(exercise_id), known, n=3, cutoff=0.5)
        if close:
            msg += " " + _msg("did_you_mean", "en", names=", ".join(map(repr, close)))
        raise KeyError(msg) from None


def exercises() -> list[Exercise]:
    """All registered exercises, by id."""
    return [_REGISTRY[k] for k in sorted(_REGISTRY)]


def check(exercise: str | Exercise, answer: Any, lang: str | None = None) -> Feedback:
    """Check a student's answer against the answer computed from the data.

    Args:
        exercise: the :class:`Exercise` or its id.
        answer: the student's answer.
        lang: ``"en"`` or ``"zh"``; default set by :func:`set_language` (``"en"``).

    Returns:
        :class:`Feedback` -- ``bool(feedback)`` is True when correct; its message names a type
        problem, a diagnosed mistake (percent vs fraction, unit, sign, year, ...) and the hint.
    """
    lang = _lang(lang)
    ex = exercise if isinstance(exercise, Exercise) else get(exercise)
    expected = ex.expected()
    if answer is None or answer is Ellipsis:
        return Feedback(ex.id, False, _msg("no_answer", lang))
    if isinstance(expected, bool):
        ok, notes = _check_bool(answer, expected, lang)
    elif isinstance(expected, numbers.Real):
        ok, notes = _check_number(ex, answer, float(expected), lang)
    elif isinstance(expected, str):
        ok, notes = _check_text(ex, answer, expected, lang)
    elif isinstance(expected, list | tuple | set | frozenset):
        ok, notes = _check_list(ex, answer, expected, lang)
    else:
        raise TypeError(f"Exercise {ex.id!r}: answer_fn returned {type(expected).__name__}; "
                        "expected a number, str, bool or list")
    notes = [n for n in notes if n]
    if ok:
        return Feedback(ex.id, True, " ".join([_msg("correct", lang), *notes]))
    hint = _text(ex.hint, lang)
    parts = [_msg("wrong", lang), *notes]
    if hint:
        parts.append(_msg("hint", lang, hint=hint))
    return Feedback(ex.id, False, " ".join(parts))


def ask(exercise_id: str, answer_fn: Callable[[], Any], *,
        values: Mapping[str, Any] | None = None,
        mistakes: Mapping[str, Callable[[], Any]] | None = None,
        **options: Any) -> Exercise:
    """Register exercise ``exercise_id`` whose texts are in the catalogue, and return it (a
    notebook cell ending with ``ask(...)`` shows the question).

    For ``"04-2"`` the texts are the catalogue keys ``l04_ex2_question``, ``l04_ex2_hint`` and
    ``l04_ex2_solution``, and each typical mistake ``name`` has ``l04_ex2_mistake_<name>``;
    ``values`` fill their placeholders (the solution also gets ``{answer}``, computed). So a
    lesson states only what is particular to the exercise::

        ask("04-2", lambda: str(WEIGHTS.idxmax()), choices=list(indicators))

    Args:
        exercise_id: ``"NN-k"``: lesson NN, exercise k.
        answer_fn: computes the expected answer from the data (see :class:`Exercise`).
        values: placeholder values for all the exercise's texts.
        mistakes: mistake name -> function computing that typical wrong answer.
        **options: ``tolerance``, ``choices``, ``ordered`` (see :class:`Exercise`).
    """
    lesson, number = exercise_id.split("-")
    prefix = f"l{lesson}_ex{number}_"
    vals = dict(values or {})
    return Exercise(
        id=exercise_id, answer_fn=answer_fn,
        question=Msg(prefix + "question", **vals), hint=Msg(prefix + "hint", **vals),
        solution_markdown=Msg(prefix + "solution", **vals),
        mistakes=[Mistake(fn, Msg(f"{prefix}mistake_{name}", **vals))
                  for name, fn in (mistakes or {}).items()],
        **options)


def reveal(exercise: str | Exercise, lang: str | None = None, *, widget: bool = False) -> Any:
    """The solution, collapsed until the student opens it.

    Returns an ``IPython.display.HTML`` ``<details>`` element (works in JupyterLab, Voila and
    exported HTML), or with ``widget=True`` an ``ipywidgets.Accordion`` (needs a live kernel).
    """
    lang = _lang(lang)
    ex = exercise if isinstance(exercise, Exercise) else get(exercise)
    sol = ex.solution_markdown
    if isinstance(sol, Msg):  # a catalogue text: the computed answer is one of its values
        md = i18n.t(sol.key, lang, **{**sol.values, "answer": ex.expected()})
    else:
        md = _text(sol, lang)
    if "{answer" in md:
        md = md.format(answer=ex.expected())
    import mistune  # nbconvert's Markdown renderer, already in the environment

    body = mistune.html(md)
    title = f"{_msg('solution', lang)} {ex.id}"
    if widget:
        import ipywidgets as w

        acc = w.Accordion(children=[w.HTML(body)], titles=(title,))
        acc.selected_index = None
        return acc
    from IPython.display import HTML

    return HTML(f"<details><summary><b>{html.escape(title)}</b></summary>\n{body}</details>")


# --------------------------------------------------------------------------------------------
# Checks by answer type
# --------------------------------------------------------------------------------------------
def _plain(value: Any) -> Any:
    """numpy/pandas scalars -> Python scalars; other values unchanged."""
    if hasattr(value, "item") and getattr(value, "ndim", None) == 0:
        return value.item()
    return value


def _kind(value: Any, lang: str) -> str:
    name = type(value).__name__
    key = f"ex_kind_{name}"
    if i18n.has_term(key):
        return i18n.t(key, lang)
    return i18n.t("ex_kind_other", lang, name=name)


def _short(value: Any, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _single(answer: Any, lang: str) -> tuple[Any, list[str], str | None]:
    """Unwrap a one-element Series/array/list; error message for several values."""
    notes: list[str] = []
    if isinstance(answer, str | bytes | bool | numbers.Number):
        return _plain(answer), notes, None
    size = getattr(answer, "size", None)
    if size is None and isinstance(answer, list | tuple):
        size = len(answer)
    if size is None:
        return _plain(answer), notes, None
    if size == 1:
        kind = _kind(answer, lang)
        value = answer[0] if isinstance(answer, list | tuple) else (
            answer.to_numpy().ravel()[0] if hasattr(answer, "to_numpy") else answer.ravel()[0])
        notes.append(_msg("took_single", lang, kind=kind))
        return _plain(value), notes, None
    return None, notes, _msg("many_values", lang, kind=_kind(answer, lang), n=size)


def _close(a: float, b: float, tol: float) -> bool:
    return math.isfinite(a) and math.isfinite(b) and abs(a - b) <= tol


def _tolerance(ex: Exercise, expected: float) -> float:
    return ex.tolerance if ex.tolerance is not None else 1e-6 * max(1.0, abs(expected))


def _check_number(ex: Exercise, answer: Any, expected: float, lang: str) -> tuple[bool, list[str]]:
    value, notes, error = _single(answer, lang)
    if error:
        return False, [error]
    if isinstance(value, bool):
        return False, [_msg("bool_for_number", lang, value=value)]
    if isinstance(value, str):
        try:
            float(value.replace(",", ""))
        except ValueError:
            return False, [_msg("want_number", lang, kind=_kind(value, lang), value=_short(value))]
        return False, [_msg("quoted_number", lang, value=_short(value))]
    if not isinstance(value, numbers.Real):
        return False, [_msg("want_number", lang, kind=_kind(value, lang), value=_short(value))]
    a = float(value)
    if math.isnan(a):
        return False, [_msg("nan", lang)]
    tol = _tolerance(ex, expected)
    if _close(a, expected, tol):
        return True, notes
    diagnosis = _diagnose_number(ex, a, expected, tol, lang)
    return False, notes + ([diagnosis] if diagnosis else [])


def _diagnose_number(ex: Exercise, a: float, e: float, tol: float, lang: str) -> str:
    for m in ex.mistakes:  # the exercise's own typical mistakes come first
        try:
            wrong = _plain(m.answer_fn())
        except Exception:  # noqa: BLE001 - a broken mistake function must not hide the check
            continue
        if isinstance(wrong, numbers.Real) and _close(a, float(wrong), tol):
            return _text(m.hint, lang)
    if e != 0:
        # scale the tolerance with the factor so a rounded x100 answer is still recognised
        if _close(a, e * 100, tol * 100):
            return _msg("percent", lang)
        if _close(a, e / 100, tol / 100):
            return _msg("fraction", lang)
        for f in _UNIT_FACTORS:
            if _close(a, e * f, tol * f) or _close(a, e / f, tol / f):
                return _msg("unit", lang, factor=f"{f:,.0f}")
        if _close(a, -e, tol):
            return _msg("sign", lang)
        if a != 0 and _close(1 / a, e, tol) and abs(e) != 1:
            return _msg("reciprocal", lang)
        if abs(a - e) <= max(10 * tol, 0.01 * abs(e)):
            return _msg("close", lang, tol=f"{tol:.3g}")
    return ""


def _own_mistake(ex: Exercise, value: Any, lang: str) -> str:
    """The hint of the exercise's own typical mistake that ``value`` (text or list) matches.

    Text is compared ignoring case and spaces; lists item by item (in order when the exercise
    is ``ordered``, else as sets). Numbers go through :func:`_diagnose_number` instead.
    """
    for m in ex.mistakes:
        try:
            wrong = _plain(m.answer_fn())
        except Exception:  # noqa: BLE001 - a broken mistake function must not hide the check
            continue
        if isinstance(value, str) and isinstance(wrong, str):
            if _norm(value) == _norm(wrong):
                return _text(m.hint, lang)
        elif isinstance(value, list) and isinstance(wrong, list | tuple | set | frozenset):
            given = [_item_key(x) for x in value]
            typical = [_item_key(_plain(x)) for x in wrong]
            ordered = ex.ordered and not isinstance(wrong, set | frozenset)
            same = given == typical if ordered else (
                len(given) == len(typical) and set(given) == set(typical))
            if same:
                return _text(m.hint, lang)
    return ""


def _check_bool(answer: Any, expected: bool, lang: str) -> tuple[bool, list[str]]:
    value = _plain(answer)
    if not isinstance(value, bool):
        return False, [_msg("want_bool", lang, kind=_kind(value, lang), value=_short(value))]
    return value == expected, []


def _norm(s: str) -> str:
    return " ".join(s.split()).casefold()


def _check_text(ex: Exercise, answer: Any, expected: str, lang: str) -> tuple[bool, list[str]]:
    value, notes, error = _single(answer, lang)
    if error:
        return False, [error]
    if not isinstance(value, str):
        return False, [_msg("want_text", lang, kind=_kind(value, lang), value=_short(value))]
    if _norm(value) == _norm(expected):
        return True, notes
    own = _own_mistake(ex, value, lang)
    return False, notes + ([own] if own else []) + _name_notes(ex, [value], lang)


def _name_notes(ex: Exercise, values: Iterable[str], lang: str) -> list[str]:
    """For names not among ``ex.choices``: say so and suggest close matches."""
    if not ex.choices:
        return []
    folded = {_norm(c): c for c in ex.choices}
    notes = []
    for v in values:
        if not isinstance(v, str) or _norm(v) in folded:
            continue
        notes.append(_msg("not_a_choice", lang, value=repr(v)))
        close = difflib.get_close_matches(_norm(v), list(folded), n=3, cutoff=0.6)
        if close:
            notes.append(_msg("did_you_mean", lang,
                              names=", ".join(repr(folded[c]) for c in close)))
    return notes


def _item_key(x: Any) -> Any:
    x = _plain(x)
    return _norm(x) if isinstance(x, str) else x


def _check_list(
    ex: Exercise, answer: Any, expected: Iterable[Any], lang: str
) -> tuple[bool, list[str]]:
    ordered = ex.ordered and not isinstance(expected, set | frozenset)
    exp = [_plain(x) for x in expected]
    if isinstance(answer, str | bytes) or not isinstance(answer, Iterable) or isinstance(
        answer, Mapping
    ):
        return False, [_msg("want_list", lang, kind=_kind(answer, lang), value=_short(answer))]
    given = [_plain(x) for x in (answer.tolist() if hasattr(answer, "tolist") else answer)]
    tol = ex.tolerance if ex.tolerance is not None else 1e-6

    def same(a: Any, b: Any) -> bool:
        if isinstance(a, numbers.Real) and isinstance(b, numbers.Real) and not isinstance(
            a, bool
        ):
            return _close(float(a), float(b), tol * max(1.0, abs(float(b))))
        return _item_key(a) == _item_key(b)

    matched = [any(same(g, e) for e in exp) for g in given]
    extra = [g for g, m in zip(given, matched, strict=True) if not m]
    missing = sum(not any(same(g, e) for g in given) for e in exp)
    dupes = len({_item_key(g) for g in given}) < len(given) if all(
        isinstance(_item_key(g), str | int | float) for g in given) else False
    if not extra and not missing and not dupes:
        if not ordered or all(same(g, e) for g, e in zip(given, exp, strict=False)):
            return True, []
        return False, [n for n in (_own_mistake(ex, given, lang), _msg("list_order", lang)) if n]
    notes = [_msg("list_score", lang, right=len(set(map(_item_key, (
        g for g, m in zip(given, matched, strict=True) if m)))), total=len(exp))]
    own = _own_mistake(ex, given, lang)
    if own:
        notes.insert(0, own)
    if extra:
        notes.append(_msg("list_extra", lang, items=", ".join(map(repr, extra))))
        notes += _name_notes(ex, [x for x in extra if isinstance(x, str)], lang)
    if missing:
        notes.append(_msg("list_missing", lang, n=missing))
    if dupes:
        notes.append(_msg("list_dupes", lang))
    return False, notes

"""Validate a lesson's papermill parameters and fail with ONE clear error.

papermill does no type checking and only *warns* about parameters a notebook does not declare:
``-p year abc`` injects the string ``'abc'``, ``-r`` always injects a string, ``-p code 130100``
injects an int, and ``-p yeer 2015`` silently creates a new global ``yeer`` while the lesson runs
on with its default ``year``. This module turns all of that into one :class:`ParameterError`
raised in the cell right after the ``parameters`` cell.

Usage in a lesson (the cell right after the cell tagged ``parameters``)::

    from helpers.params import Param, ParamSpec, check_params
    SPEC = ParamSpec(region=Param(str, choices=PROVINCES),
                     start_year=Param(int, min=2016, max=2024),
                     end_year=Param(int, min=2016, max=2024), order=[("start_year", "end_year")])
    P = check_params(globals(), SPEC)

``check_params``

* finds the names papermill assigned in its ``injected-parameters`` cell (see
  :func:`injected_names`) and reports every one the spec does not declare, with close matches;
* checks each declared parameter's type, allowed values, range, emptiness and the ordering
  constraints (``start_year <= end_year``);
* coerces values where the intent is unambiguous (``'2015'`` -> ``2015`` for an int,
  ``'Hebei, Beijing'`` -> ``['Hebei', 'Beijing']`` for a ``list[str]``, ``'hebei'`` -> ``'Hebei'``
  when exactly one allowed value matches ignoring case, ``130100`` -> ``'130100'`` for a str) and
  writes the coerced values back into the namespace so later cells see clean values;
* raises ONE :class:`ParameterError` listing every problem: the parameter, the bad value, what
  was expected (type, allowed values, range) and close-match suggestions.

How injected names are found (and why this way): papermill runs its injected cell in the same
kernel, and IPython keeps every executed cell's source in the input history (``In``/``_ih`` in
the user namespace). The injected cell always starts with papermill's header line
``# Parameters`` followed only by ``name = value`` lines, so parsing the most recent such cell
with :mod:`ast` gives exactly the names papermill set -- no guessing from ``globals()`` (which
also holds imports, constants and IPython's own names) and nothing to add to the parameters
cell. This works under papermill, nbclient/nbval, Voila (including its papermill pre-launch
hook) and plain Jupyter (no injected cell: nothing to report). Outside IPython (no history),
pass ``injected=`` explicitly or use :func:`validate` on a dict.
"""

from __future__ import annotations

import ast
import difflib
import math
import numbers
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, get_args, get_origin

__all__ = [
    "INJECTED_HEADER",
    "Param",
    "ParamSpec",
    "ParameterError",
    "Params",
    "Problem",
    "check_params",
    "close_matches",
    "describe",
    "injected_names",
    "validate",
    "language_param",
    "region_param",
    "regions_param",
    "year_param",
    "rule",
    "span_at_least",
]

#: First line of the cell papermill injects (``PythonTranslator.codify`` with comment
#: ``"Parameters"``); the cell is also tagged ``injected-parameters`` in the output notebook.
INJECTED_HEADER = "# Parameters"

_SCALARS = (int, float, str, bool)
_TRUE = {"true", "yes", "y", "1", "on"}
_FALSE = {"false", "no", "n", "0", "off"}
_MAX_LISTED = 40  # allowed values listed in a message before it is shortened


# --------------------------------------------------------------------------------------------
# Spec
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Param:
    """One notebook parameter.

    Args:
        type: ``int``, ``float``, ``str``, ``bool`` or ``list[int]``/``list[float]``/``list[str]``.
        choices: allowed values (for a list: allowed items), e.g. region names. ``None``: any.
        min: smallest allowed value (for a list: of each item), e.g. first year the data cover.
        max: largest allowed value (for a list: of each item).
        non_empty: reject ``""`` for a str and ``[]`` for a list (default True).
        optional: accept ``None`` (default False).
        unique: reject repeated items in a list (default False).
        aliases: other spellings mapped to an allowed value, e.g. ``{"河北": "Hebei"}``.
        doc: one-line description shown by :func:`describe`.
        check: extra rule ``value -> error text or None`` run after the built-in checks.
    """

    type: Any
    choices: Sequence[Any] | None = None
    min: float | None = None
    max: float | None = None
    non_empty: bool = True
    optional: bool = False
    unique: bool = False
    aliases: Mapping[str, Any] | None = None
    doc: str = ""
    check: Callable[[Any], str | None] | None = None

    def __post_init__(self) -> None:
        item = self.item_type
        if item not in _SCALARS:
            raise TypeError(
                f"Param type must be int, float, str, bool or list[...] of those, got {self.type!r}"
            )
        if self.choices is not None:
            object.__setattr__(self, "choices", tuple(self.choices))

    @property
    def is_list(self) -> bool:
        return self.type is list or get_origin(self.type) is list

    @property
    def item_type(self) -> type:
        if self.is_list:
            args = get_args(self.type)
            return args[0] if args else str
        return self.type

    @property
    def type_name(self) -> str:
        return f"list[{self.item_type.__name__}]" if self.is_list else self.item_type.__name__

    def expected(self) -> str:
        """Human-readable description of what this parameter accepts."""
        if self.is_list:
            empty = "non-empty " if self.non_empty else ""
            parts = [f"a {empty}list of {_PLURAL_WORDS[self.item_type]}"]
        else:
            parts = [_TYPE_WORDS[self.item_type]]
        if self.min is not None or self.max is not None:
            each = "each " if self.is_list else ""
            parts.append(f"{each}in {_range_text(self.min, self.max)}")
        if self.choices is not None:
            each = "each " if self.is_list else ""
            parts.append(f"{each}one of {_list_text(self.choices)}")
        if self.optional:
            parts.append("or None")
        return " ".join(parts)


_TYPE_WORDS = {int: "an integer", float: "a number", str: "a string", bool: "a bool (True/False)"}
_PLURAL_WORDS = {int: "integers", float: "numbers", str: "strings", bool: "bools"}


class ParamSpec(Mapping[str, Param]):
    """The parameters a lesson declares, plus rules that involve several of them.

    Build it with keyword arguments (``ParamSpec(region=Param(str), year=Param(int))``) or a
    mapping (``ParamSpec({"region": Param(str)})``). ``order`` lists pairs ``(a, b)`` that must
    satisfy ``a <= b`` (e.g. ``("start_year", "end_year")``); ``checks`` lists functions
    ``values_dict -> error text or None`` for other cross-parameter rules. The names ``order``
    and ``checks`` are therefore reserved and cannot be parameter names.
    """

    def __init__(
        self,
        params: Mapping[str, Param] | None = None,
        /,
        *,
        order: Iterable[tuple[str, str]] = (),
        checks: Iterable[Callable[[Mapping[str, Any]], str | None]] = (),
        **kwargs: Param,
    ) -> None:
        merged: dict[str, Param] = dict(params or {})
        merged.update(kwargs)
        for name, p in merged.items():
            if not isinstance(p, Param):
                raise TypeError(f"spec entry {name!r} must be a Param, got {type(p).__name__}")
        self.params: dict[str, Param] = merged
        self.order: tuple[tuple[str, str], ...] = tuple((a, b) for a, b in order)
        for a, b in self.order:
            for n in (a, b):
                if n not in merged:
                    raise KeyError(f"order rule names {n!r}, which is not in the spec")
        self.checks = tuple(checks)

    def __getitem__(self, key: str) -> Param:
        return self.params[key]

    def __iter__(self):
        return iter(self.params)

    def __len__(self) -> int:
        return len(self.params)

    def __repr__(self) -> str:
        return f"ParamSpec({', '.join(f'{k}: {v.type_name}' for k, v in self.params.items())})"


def _as_spec(spec: ParamSpec | Mapping[str, Param]) -> ParamSpec:
    return spec if isinstance(spec, ParamSpec) else ParamSpec(spec)


# --------------------------------------------------------------------------------------------
# Presets: the same parameter names, types and aliases in every lesson
# --------------------------------------------------------------------------------------------
def language_param() -> Param:
    """``language``: ``"en"`` or ``"zh"``, with every alias :mod:`helpers.i18n` accepts
    (``"zh-CN"``, ``"中文"``, ``"English"`` ...)."""
    from helpers.i18n import _ALIASES, LANGS

    aliases = {k: v for k, v in _ALIASES.items() if k not in LANGS}
    aliases.update({k.upper(): v for k, v in aliases.items() if k.isascii()})
    aliases.update({"zh-CN": "zh", "zh_CN": "zh", "zh-Hans": "zh", "English": "en",
                    "Chinese": "zh"})
    return Param(str, choices=LANGS, aliases=aliases, doc="language of the lesson's text")


def _region_aliases(names: Iterable[str]) -> dict[str, str]:
    """Chinese names, full and short (河北省, 河北), of the regions that have them."""
    from helpers import regions

    out: dict[str, str] = {}
    for name in names:
        try:
            out[regions.zh(name)] = name
            out[regions.zh(name, short=True)] = name
        except ValueError:  # a name the region table does not hold (e.g. "China")
            continue
    return out


def region_param(choices: Sequence[str], doc: str = "region the lesson is about",
                 *, optional: bool = False) -> Param:
    """One region among ``choices``; Chinese names (河北, 河北省) are accepted as aliases."""
    return Param(str, choices=tuple(choices), aliases=_region_aliases(choices),
                 optional=optional, doc=doc)


def regions_param(choices: Sequence[str], doc: str = "regions compared", *,
                  optional: bool = False, non_empty: bool = True) -> Param:
    """A list of distinct regions among ``choices``; Chinese names accepted as aliases."""
    return Param(list[str], choices=tuple(choices), aliases=_region_aliases(choices),
                 optional=optional, unique=True, non_empty=non_empty, doc=doc)


def year_param(years: Sequence[int], doc: str = "year") -> Param:
    """A year within the span of ``years`` (the years the lesson's data hold)."""
    years = sorted(int(y) for y in years)
    return Param(int, min=years[0], max=years[-1], doc=doc)


def rule(params: Sequence[str], test: Callable[[Mapping[str, Any]], str | None],
         name: str) -> Callable[[Mapping[str, Any]], str | None]:
    """A rule on several parameters: ``test(values) -> error text or None``.

    The error is reported under the parameters' names with their values only (not under a
    function's name with every parameter), e.g. ``start_year, end_year = {...}: ...``.
    """
    def check(values: Mapping[str, Any]) -> str | None:
        return test(values)

    check.params = tuple(params)  # type: ignore[attr-defined]
    check.__name__ = name
    return check


def span_at_least(n_years: int, first: str = "start_year", last: str = "end_year",
                  why: str = "") -> Callable[[Mapping[str, Any]], str | None]:
    """Rule: ``last - first + 1 >= n_years`` (e.g. growth needs two years, fixed effects three)."""
    def test(v: Mapping[str, Any]) -> str | None:
        if v[last] - v[first] + 1 >= n_years:
            return None
        return (f"the years {v[first]}-{v[last]} span {v[last] - v[first] + 1}; at least "
                f"{n_years} are needed{f' ({why})' if why else ''}: move {first} earlier or "
                f"{last} later.")

    return rule((first, last), test, f"span_at_least_{n_years}")


# --------------------------------------------------------------------------------------------
# Errors
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Problem:
    """One thing wrong with one parameter (or one rule between parameters)."""

    name: str
    value: Any
    message: str
    suggestions: tuple[str, ...] = field(default=())

    def __str__(self) -> str:
        text = f"{self.name} = {self.value!r}: {self.message}"
        if self.suggestions:
            text += f" Did you mean {_or_text(self.suggestions)}?"
        return text


class ParameterError(ValueError):
    """Invalid notebook parameters. ``.problems`` holds one :class:`Problem` per issue.

    The first line of the message names every bad parameter (it is what papermill and the
    rerun summary show); the following lines give each problem in full.
    """

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        names = ", ".join(dict.fromkeys(p.name for p in self.problems))
        n = len(self.problems)
        lines = [f"{n} problem{'s' if n != 1 else ''} with notebook parameters: {names}"]
        lines += [f"  - {p}" for p in self.problems]
        super().__init__("\n".join(lines))

    def _render_traceback_(self) -> list[str]:
        """IPython hook: show the problems, not the helper's internal frames."""
        return [f"\x1b[0;31mParameterError\x1b[0m: {self}",
                "Fix the values passed with papermill -p/-r (or in the parameters cell)."]


class _Bad(Exception):
    """Internal: a value cannot be coerced/accepted; carries the reason."""

    def __init__(self, message: str, suggestions: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.suggestions = tuple(suggestions)


# --------------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------------
class Params(dict):
    """The validated parameters: a dict that also allows ``P.region``."""

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None


def close_matches(word: str, candidates: Iterable[Any], n: int = 3) -> tuple[str, ...]:
    """Allowed values that look like ``word`` (case-insensitive difflib ratio >= 0.6).

    difflib is used directly (rather than ``helpers.regions.validate_regions``) because here
    every parameter's suggestions must be collected into one aggregated error.
    """
    cands = [str(c) for c in candidates]
    folded = {c.casefold(): c for c in cands}
    hits = difflib.get_close_matches(str(word).casefold(), list(folded), n=n, cutoff=0.6)
    return tuple(folded[h] for h in hits)


def injected_names(ns: Mapping[str, Any]) -> list[str] | None:
    """Names assigned in papermill's injected-parameters cell, or None if there is no history.

    Looks at IPython's input history (``_ih``/``In`` in ``ns``) for the most recent executed
    cell whose first line is exactly ``# Parameters`` (papermill's header) and returns the
    names it assigns. Returns ``[]`` when the history has no such cell (plain Jupyter, Voila
    without parameters, nbval) and ``None`` when ``ns`` has no IPython history at all.
    """
    history = ns.get("_ih", ns.get("In"))
    if not isinstance(history, list):
        return None
    for source in reversed(history):
        if isinstance(source, str) and source.split("\n", 1)[0].rstrip() == INJECTED_HEADER:
            return _assigned_names(source)
    return []


def _assigned_names(source: str) -> list[str]:
    try:
        tree = ast.parse(source)
    except SyntaxError:  # should not happen for papermill output; fall back to a line scan
        return re.findall(r"^([A-Za-z_]\w*)\s*=", source, flags=re.M)
    names: list[str] = []
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else (
            [node.target] if isinstance(node, ast.AnnAssign | ast.AugAssign) else [])
        for t in targets:
            for sub in ast.walk(t):
                if isinstance(sub, ast.Name) and sub.id not in names:
                    names.append(sub.id)
    return names


def validate(
    values: Mapping[str, Any], spec: ParamSpec | Mapping[str, Param], *, partial: bool = False
) -> Params:
    """Validate and coerce a dict of parameter values against ``spec``.

    Args:
        values: parameter name -> value (e.g. ``{"region": region, "year": year}``).
        spec: a :class:`ParamSpec` or a mapping name -> :class:`Param`.
        partial: if True, parameters of the spec missing from ``values`` are not an error.

    Returns:
        :class:`Params` with coerced values, in spec order.

    Raises:
        ParameterError: listing every unknown name, missing name, bad type, disallowed value,
            out-of-range value, empty list and violated ordering rule.
    """
    __tracebackhide__ = True  # pytest and IPython debuggers skip this frame
    spec = _as_spec(spec)
    problems = [_unknown_problem(n, values[n], spec) for n in values if n not in spec]
    out, more = _check_values(values, spec, partial=partial)
    problems += more
    if problems:
        raise ParameterError(problems)
    return out


def check_params(
    ns: dict[str, Any],
    spec: ParamSpec | Mapping[str, Param],
    *,
    injected: Iterable[str] | None = None,
    writeback: bool = True,
) -> Params:
    """Validate a notebook's parameters in place; call it as ``check_params(globals(), SPEC)``.

    Args:
        ns: the notebook's global namespace (``globals()``).
        spec: the lesson's :class:`ParamSpec` (or mapping name -> :class:`Param`).
        injected: names papermill injected; default: read from IPython's history with
            :func:`injected_names`.
        writeback: write coerced values back into ``ns`` (so ``start_year`` becomes an int
            even if papermill injected ``'2015'``).

    Returns:
        :class:`Params` (dict with attribute access) of the coerced values.

    Raises:
        ParameterError: one error listing every problem (see :func:`validate`).
    """
    __tracebackhide__ = True  # pytest and IPython debuggers skip this frame
    spec = _as_spec(spec)
    if injected is None:
        injected = injected_names(ns) or []
    problems = [
        _unknown_problem(n, ns.get(n), spec) for n in dict.fromkeys(injected) if n not in spec
    ]
    values = {n: ns[n] for n in spec if n in ns}
    for n in spec:
        if n not in ns:
            problems.append(Problem(n, None, "is declared in the spec but not set in the "
                                    "parameters cell (add a default value there)."))
    out, more = _check_values(values, spec, partial=True)
    problems += more
    if problems:
        raise ParameterError(problems)
    if writeback:
        for name, value in out.items():
            ns[name] = value
    return out


def describe(
    spec: ParamSpec | Mapping[str, Param], defaults: Mapping[str, Any] | None = None
) -> str:
    """A Markdown table of the parameters (for a README or a notebook's Markdown output).

    Args:
        spec: the lesson's spec.
        defaults: optional name -> default value (e.g. ``globals()``), shown in a column.
    """
    spec = _as_spec(spec)
    head = ["Parameter", "Type", "Allowed values"]
    if defaults is not None:
        head.append("Default")
    head.append("Description")
    rows = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for name, p in spec.items():
        allowed = []
        if p.choices is not None:
            allowed.append(_list_text(p.choices, limit=12))
        if p.min is not None or p.max is not None:
            allowed.append(_range_text(p.min, p.max))
        if p.is_list and p.non_empty:
            allowed.append("non-empty")
        if p.optional:
            allowed.append("or None")
        cells = [f"`{name}`", f"`{p.type_name}`", "; ".join(allowed) or "any"]
        if defaults is not None:
            cells.append(f"`{defaults[name]!r}`" if name in defaults else "")
        cells.append(p.doc)
        rows.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    rules = [f"`{a}` ≤ `{b}`" for a, b in spec.order]
    if rules:
        rows.append("")
        rows.append("Rules: " + ", ".join(rules) + ".")
    return "\n".join(rows)


# --------------------------------------------------------------------------------------------
# Internals
# --------------------------------------------------------------------------------------------
def _unknown_problem(name: str, value: Any, spec: ParamSpec) -> Problem:
    allowed = ", ".join(spec) or "(none)"
    return Problem(
        name, value,
        f"is not a parameter of this notebook (it would be ignored and the default used). "
        f"Allowed parameters: {allowed}.",
        close_matches(name, spec),
    )


def _check_values(
    values: Mapping[str, Any], spec: ParamSpec, *, partial: bool
) -> tuple[Params, list[Problem]]:
    out = Params()
    problems: list[Problem] = []
    for name, p in spec.items():
        if name not in values:
            if not partial:
                problems.append(Problem(name, None, f"is missing; expected {p.expected()}."))
            continue
        raw = values[name]
        try:
            out[name] = _check_one(raw, p)
        except _Bad as bad:
            problems.append(Problem(name, raw, bad.message, bad.suggestions))
    for a, b in spec.order:
        if a in out and b in out and out[a] is not None and out[b] is not None:
            if out[a] > out[b]:
                problems.append(Problem(
                    a, out[a], f"must not be after {b} = {out[b]!r} ({a} ≤ {b}); allowed "
                    f"range {_range_text(spec[a].min, spec[b].max)}."))
    if not problems:
        for rule in spec.checks:
            msg = rule(out)
            if msg:
                names = getattr(rule, "params", None)
                if names:  # a named rule: report its parameters and their values only
                    value = {n: out.get(n) for n in names}
                    problems.append(Problem(", ".join(names), value, msg))
                else:
                    problems.append(Problem(getattr(rule, "__name__", "rule"), dict(out), msg))
    return out, problems


def _check_one(value: Any, p: Param) -> Any:
    if value is None:
        if p.optional:
            return None
        raise _Bad(f"no value given; expected {p.expected()}.")
    if p.is_list:
        items = _as_items(value, p)
        if p.non_empty and not items:
            raise _Bad(f"is empty; expected {p.expected()}.")
        good, errors, suggestions = [], [], []
        for i, item in enumerate(items):
            try:
                good.append(_check_scalar(item, p))
            except _Bad as bad:
                errors.append(f"item {i + 1} ({item!r}) {bad.message}")
                suggestions += bad.suggestions
        if errors:
            raise _Bad("; ".join(errors), suggestions)
        if p.unique:
            dupes = sorted({str(x) for x in good if good.count(x) > 1})
            if dupes:
                raise _Bad(f"repeats {', '.join(dupes)}; each item may appear once.")
        result: Any = good
    else:
        result = _check_scalar(value, p)
    if p.check is not None:
        msg = p.check(result)
        if msg:
            raise _Bad(msg)
    return result


def _as_items(value: Any, p: Param) -> list[Any]:
    if isinstance(value, str):
        text = value.strip()
        if text.startswith("["):  # e.g. -r regions "['Hebei', 'Beijing']"
            try:
                parsed = ast.literal_eval(text)
            except (ValueError, SyntaxError):
                raise _Bad(f"could not be read as a list; expected {p.expected()}, e.g. "
                           f"'Hebei,Beijing'.") from None
            if not isinstance(parsed, list | tuple):
                raise _Bad(f"is not a list; expected {p.expected()}.")
            return list(parsed)
        return [part.strip() for part in text.split(",") if part.strip()]
    if isinstance(value, list | tuple):
        return list(value)
    if isinstance(value, _SCALARS):  # a single value where a list is expected: -p years 2015
        return [value]
    raise _Bad(f"has type {type(value).__name__}; expected {p.expected()}.")


def _check_scalar(value: Any, p: Param) -> Any:
    typ = p.item_type
    v = _coerce(value, typ, p)
    if typ is str and p.non_empty and not v.strip():
        raise _Bad(f"is an empty string; expected {p.expected()}.")
    if p.choices is not None and v not in p.choices:
        v = _match_choice(v, p)
    if p.min is not None and v < p.min or p.max is not None and v > p.max:
        raise _Bad(f"is out of range; allowed {_range_text(p.min, p.max)}.")
    return v


def _match_choice(v: Any, p: Param) -> Any:
    assert p.choices is not None
    if p.aliases and v in p.aliases:
        return p.aliases[v]
    if isinstance(v, str):
        folded = [c for c in p.choices if isinstance(c, str) and c.casefold() == v.casefold()]
        if len(folded) == 1:  # 'hebei' -> 'Hebei': unambiguous, accept the canonical spelling
            return folded[0]
    cands = list(p.choices) + list(p.aliases or {})
    raise _Bad(f"is not allowed; allowed values: {_list_text(p.choices)}.",
               close_matches(str(v), cands))


def _coerce(value: Any, typ: type, p: Param) -> Any:
    name = type(value).__name__
    if typ is bool:
        if isinstance(value, bool):
            return value
        if isinstance(value, numbers.Integral) and value in (0, 1):
            return bool(value)
        if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
            return value.strip().lower() in _TRUE
        raise _Bad(f"has type {name}; expected {p.expected()}.")
    if isinstance(value, bool):  # bool is an int subclass: never accept True as a year
        raise _Bad(f"is a bool; expected {p.expected()}.")
    if typ is int:
        if isinstance(value, numbers.Integral):
            return int(value)
        if isinstance(value, numbers.Real) and float(value).is_integer():
            return int(value)
        if isinstance(value, str) and re.fullmatch(r"\s*[+-]?\d+\s*", value):
            return int(value)  # papermill -r / -p with quotes: '2015' -> 2015
        raise _Bad(f"has type {name}; expected {p.expected()}.")
    if typ is float:
        if isinstance(value, numbers.Real):
            f = float(value)
        elif isinstance(value, str):
            try:
                f = float(value)
            except ValueError:
                raise _Bad(f"has type {name}; expected {p.expected()}.") from None
        else:
            raise _Bad(f"has type {name}; expected {p.expected()}.")
        if not math.isfinite(f):
            raise _Bad(f"is not a finite number; expected {p.expected()}.")
        return f
    # str
    if isinstance(value, str):
        return value
    if isinstance(value, numbers.Integral):  # -p code 130100 arrives as an int
        return str(value)
    raise _Bad(f"has type {name}; expected {p.expected()}.")


def _range_text(lo: float | None, hi: float | None) -> str:
    if lo is not None and hi is not None:
        return f"{lo}..{hi}"
    if lo is not None:
        return f">= {lo}"
    return f"<= {hi}"


def _list_text(values: Sequence[Any], limit: int = _MAX_LISTED) -> str:
    shown = ", ".join(repr(v) for v in values[:limit])
    if len(values) > limit:
        shown += f", ... ({len(values)} values)"
    return shown


def _or_text(words: Sequence[str]) -> str:
    quoted = [repr(w) for w in words]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]

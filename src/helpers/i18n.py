"""The kit's one bilingual catalogue: every label, sentence, status line and message, in
English and Chinese side by side, kept as data and looked up by key.

The catalogue is package data in two kinds of file with one key space (a key defined twice, in
any file, is an error that names both files):

* ``helpers/glossary.csv`` -- ``term, en, zh, definition_en, definition_zh``: the kit's economic
  terms (three sectors, value added, rationalization, coupling coordination, ...), indicator
  codes (``va_secondary``), region names (``region_hebei``), units, widget labels and the
  shared message templates. Every term has a definition; lesson 00 shows it as the glossary.
* ``helpers/catalogue/*.csv`` -- ``key, en, zh``: the sentences of the lessons and the kit's
  messages (exercise feedback, reports), one file per area (``lesson_01.csv``,
  ``exercises.csv``, ...). These are text, not terms, so they carry no definition.

Templates contain ``{name}`` (or ``{name:.1f}``) placeholders that :func:`t` fills from keyword
arguments; a value that is itself a catalogue text (:class:`Msg`) is rendered in the same
language, so ``t("headline", region=name_of("Hebei"))`` says 河北 in Chinese.

The language of a run is set once, by :func:`set_language` (a lesson's ``start_lesson`` does
it); every function here that takes ``lang=None`` uses it.

Notebooks never type a label twice: ``t("secondary_industry")`` gives "Secondary industry" or
"第二产业", and ``say("headline", ...)`` shows a catalogue sentence as Markdown.

Example::

    from helpers.i18n import t, validate_lang
    language = validate_lang(language)          # papermill parameter -> "en" or "zh"
    t("secondary_industry", language)           # 'Secondary industry' / '第二产业'
    t("index_label", "zh", year=2016)           # '指数（2016年=100）'
    region_label("Hebei", "zh")                 # '河北'
"""

from __future__ import annotations

import csv
import difflib
import io
import re
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

import pandas as pd

#: Languages the kit supports, in order of preference for fallbacks.
LANGS: tuple[str, ...] = ("en", "zh")
#: The language of this run (set by :func:`set_language`; read by every ``lang=None``).
_CURRENT = {"lang": "en"}

# Spellings a papermill user may pass for the two languages.
_ALIASES = {
    "en": "en", "eng": "en", "english": "en", "en-us": "en", "en-gb": "en",
    "zh": "zh", "zh-cn": "zh", "zh_cn": "zh", "zh-hans": "zh", "zh_hans": "zh", "cn": "zh",
    "chinese": "zh", "中文": "zh",
}


class UnknownTermError(KeyError):
    """A term that is not in the glossary. The message names the term and close matches."""

    def __str__(self) -> str:  # KeyError would print the message in quotes
        return str(self.args[0]) if self.args else ""


def validate_lang(lang: object) -> str:
    """Return the canonical language code (``"en"`` or ``"zh"``) for ``lang``.

    Args:
        lang: a language code as a papermill parameter may give it (``"en"``, ``"zh"``,
            ``"zh-CN"``, ``"ZH"``; case and surrounding spaces are ignored).

    Raises:
        ValueError: naming the value received and the allowed values.
    """
    if isinstance(lang, str):
        code = _ALIASES.get(lang.strip().lower())
        if code is not None:
            return code
    raise ValueError(
        f"language must be one of {', '.join(repr(x) for x in LANGS)} "
        f"(aliases such as 'zh-CN' are accepted); got {lang!r}"
    )


def set_language(lang: object) -> str:
    """Set the language of this run for every catalogue look-up; returns the canonical code."""
    _CURRENT["lang"] = validate_lang(lang)
    return _CURRENT["lang"]


def get_language() -> str:
    """The language of this run (``"en"`` until :func:`set_language` is called)."""
    return _CURRENT["lang"]


def resolve_lang(lang: object | None) -> str:
    """``lang`` as a canonical code; ``None`` means this run's language (:func:`get_language`)."""
    return _CURRENT["lang"] if lang is None else validate_lang(lang)


_resolve = resolve_lang


def catalogue_files() -> list[str]:
    """The catalogue's files, relative to the package: the glossary first, then the texts."""
    folder = resources.files("helpers").joinpath("catalogue")
    texts = sorted(f"catalogue/{p.name}" for p in folder.iterdir() if p.name.endswith(".csv"))
    return ["glossary.csv", *texts]


def _read_rows(name: str) -> list[dict[str, str]]:
    text = resources.files("helpers").joinpath(name).read_text(encoding="utf-8")
    # a StringIO, not splitlines(): a quoted field may hold line breaks (a bulleted summary)
    return list(csv.DictReader(io.StringIO(text, newline="")))


@lru_cache(maxsize=1)
def _catalogue() -> dict[str, dict[str, str]]:
    table: dict[str, dict[str, str]] = {}
    where: dict[str, str] = {}
    for name in catalogue_files():
        for row in _read_rows(name):
            key = row.get("term") or row.get("key") or ""
            if key in table:
                raise ValueError(f"catalogue: key {key!r} is defined in {where[key]} and again "
                                 f"in {name}; keys are unique across the catalogue")
            where[key] = name
            table[key] = {"term": key, "en": row["en"], "zh": row["zh"],
                          "definition_en": row.get("definition_en", ""),
                          "definition_zh": row.get("definition_zh", ""), "file": name}
    return table


def _glossary() -> dict[str, dict[str, str]]:
    """The whole catalogue (kept under its old name for the modules that call it)."""
    return _catalogue()


def terms() -> list[str]:
    """All glossary terms, sorted."""
    return sorted(_glossary())


def has_term(term: str) -> bool:
    """Whether ``term`` is in the glossary."""
    return term in _glossary()


def _unknown(term: str) -> UnknownTermError:
    table = _glossary()
    close = difflib.get_close_matches(term, list(table), n=3, cutoff=0.6)
    # also match the English or Chinese label, e.g. "Secondary industry" -> secondary_industry
    by_label = {row[lang].lower(): key for key, row in table.items() for lang in LANGS}
    for label in difflib.get_close_matches(term.lower(), list(by_label), n=3, cutoff=0.75):
        if by_label[label] not in close:
            close.append(by_label[label])
    hint = f" Did you mean: {', '.join(close)}?" if close else ""
    return UnknownTermError(
        f"{term!r} is not in the glossary (src/helpers/glossary.csv).{hint} "
        "Add a row there (term, en, zh, definition_en, definition_zh) for a new term."
    )


def t(term: str, lang: str | None = None, **values: object) -> str:
    """The text of ``term`` in ``lang``, with ``{placeholders}`` filled from ``values``.

    Args:
        term: a catalogue key, e.g. ``"secondary_industry"``, ``"va_secondary"``,
            ``"region_hebei"``, ``"msg_no_regions"``, ``"l01_headline"``.
        lang: ``"en"`` or ``"zh"`` (see :func:`validate_lang`); ``None``: this run's language.
        **values: values for the template's placeholders (e.g. ``year=2016``); a :class:`Msg`
            value (or any value with a ``render(lang)`` method) is rendered in the same
            language.

    Raises:
        UnknownTermError: (a ``KeyError``) naming the term and the closest glossary terms.
        ValueError: for an unknown language.
    """
    lang = _resolve(lang)
    row = _glossary().get(term)
    if row is None:
        raise _unknown(term)
    text = row[lang] or row["en"]
    if values:
        # a Msg (or any value with .render(lang), e.g. a list of names) speaks the same language
        values = {k: (v.render(lang) if callable(getattr(v, "render", None)) else v)
                  for k, v in values.items()}
        try:
            text = text.format(**values)
        except KeyError as exc:
            wanted = re.findall(r"{(\w+)}", text)
            raise KeyError(
                f"glossary template {term!r} needs a value for {exc.args[0]!r}; "
                f"placeholders: {wanted}"
            ) from None
    return text


def define(term: str, lang: str | None = None) -> str:
    """The plain-language definition of ``term`` in ``lang`` (formula and direction of better)."""
    lang = _resolve(lang)
    row = _glossary().get(term)
    if row is None:
        raise _unknown(term)
    return row[f"definition_{lang}"] or row["definition_en"]


def label(term: str, lang: str | None = None) -> str:
    """Like :func:`t`, but an unknown term returns itself instead of raising.

    For labels that may or may not be in the glossary (e.g. indicator codes a data table adds
    later): the widget then shows the code rather than failing.
    """
    return t(term, lang) if has_term(term) else term


def region_key(region: str) -> str:
    """Glossary key of a region name: ``"Inner Mongolia"`` -> ``"region_inner_mongolia"``."""
    return "region_" + re.sub(r"[^a-z0-9]+", "_", region.strip().lower()).strip("_")


def region_label(region: str, lang: str | None = None) -> str:
    """Display name of a region (``"Hebei"`` -> ``"河北"`` in zh); unknown names pass through."""
    key = region_key(region)
    return t(key, lang) if has_term(key) else region


def unit_label(unit: str, lang: str | None = None) -> str:
    """Display form of a data unit (``"100 million yuan"`` -> ``"亿元"``); unknown units pass."""
    key = "unit_" + re.sub(r"[^a-z0-9]+", "_", unit.strip().lower()).strip("_")
    return t(key, lang) if has_term(key) else unit


def join(items: Iterable[object], lang: str | None = None) -> str:
    """Join items for running text: ``"a, b, c"`` in English, ``"a、b、c"`` in Chinese."""
    lang = _resolve(lang)
    sep = "、" if lang == "zh" else ", "
    return sep.join(x.render(lang) if isinstance(x, Msg) else str(x) for x in items)


def glossary(lang: str | None = None, kind: str = "terms") -> pd.DataFrame:
    """The glossary as a DataFrame, e.g. for the Chinese-English table in ``00_start_here``.

    Args:
        lang: ``None`` for all columns, or ``"en"``/``"zh"`` for term, label and definition
            in that language only.
        kind: ``"terms"`` (economic terms and indicators: no messages, templates, region
            names, claims-table labels or lesson sentences), or ``"all"`` (the glossary file's
            every row; the lessons' sentences in ``catalogue/`` are not glossary rows).
    """
    rows = [r for r in _glossary().values() if r["file"] == "glossary.csv"]
    df = pd.DataFrame(rows).drop(columns="file")
    if kind == "terms":
        ui = df["term"].str.match(r"^(msg_|alt_|region_|unit_|claims_|nb\d\d_)")
        ui |= df["en"].str.contains("{", regex=False)
        df = df[~ui]
    elif kind != "all":
        raise ValueError(f"kind must be 'terms' or 'all'; got {kind!r}")
    if lang is not None:
        lang = validate_lang(lang)
        df = df[["term", lang, f"definition_{lang}"]]
    return df.sort_values("term").reset_index(drop=True)


class Msg:
    """A catalogue text not yet rendered: a key and its values, said in whichever language asks.

    Exercises, status lines and reports keep a ``Msg`` and render it when shown, so one object
    serves both languages: ``Msg("l01_ex1_question", year=2024).render("zh")``.
    """

    __slots__ = ("key", "values")

    def __init__(self, key: str, **values: object) -> None:
        if not has_term(key):
            raise _unknown(key)
        self.key = key
        self.values = values

    def render(self, lang: str | None = None) -> str:
        """The text in ``lang`` (``None``: this run's language)."""
        return t(self.key, lang, **self.values)

    def __str__(self) -> str:
        return self.render()

    def __repr__(self) -> str:
        return f"Msg({self.key!r}, {self.values!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Msg) and (self.key, self.values) == (other.key, other.values)

    def __hash__(self) -> int:
        return hash((self.key, tuple(sorted(self.values))))


def name_of(region: str) -> Msg | str:
    """A region's display name as a :class:`Msg` (rendered in the asking language); unknown
    names pass through as they are."""
    key = region_key(region)
    return Msg(key) if has_term(key) else region


def say(key: str, **values: object) -> None:
    """Show the catalogue sentence ``key`` as Markdown in this run's language (a lesson's one
    way to put a computed number into prose)."""
    from IPython.display import Markdown, display  # late: the helpers also run outside IPython

    display(Markdown(t(key, **values)))

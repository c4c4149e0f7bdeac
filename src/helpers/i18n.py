"""Chinese/English labels for the kit, looked up in one glossary kept as data.

The glossary is ``helpers/glossary.csv`` (package data), with columns
``term, en, zh, definition_en, definition_zh``. It holds the kit's economic terms (three sectors,
value added, rationalization, coupling coordination, ...), indicator codes (``va_secondary``),
region names (``region_hebei``), widget labels and message templates. Templates contain
``{name}`` placeholders that :func:`t` fills from keyword arguments.

Notebooks never type a label twice: ``t("secondary_industry", language)`` gives
"Secondary industry" or "第二产业".

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
import re
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

import pandas as pd

#: Languages the kit supports, in order of preference for fallbacks.
LANGS: tuple[str, ...] = ("en", "zh")

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


@lru_cache(maxsize=1)
def _glossary() -> dict[str, dict[str, str]]:
    text = resources.files("helpers").joinpath("glossary.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(text.splitlines()))
    table: dict[str, dict[str, str]] = {}
    for row in rows:
        term = row["term"]
        if term in table:
            raise ValueError(f"glossary.csv: duplicate term {term!r}")
        table[term] = row
    return table


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


def t(term: str, lang: str = "en", **values: object) -> str:
    """The label of ``term`` in ``lang``, with ``{placeholders}`` filled from ``values``.

    Args:
        term: a glossary key, e.g. ``"secondary_industry"``, ``"va_secondary"``,
            ``"region_hebei"``, ``"msg_no_regions"``.
        lang: ``"en"`` or ``"zh"`` (see :func:`validate_lang`).
        **values: values for the template's placeholders (e.g. ``year=2016``).

    Raises:
        UnknownTermError: (a ``KeyError``) naming the term and the closest glossary terms.
        ValueError: for an unknown language.
    """
    lang = validate_lang(lang)
    row = _glossary().get(term)
    if row is None:
        raise _unknown(term)
    text = row[lang] or row["en"]
    if values:
        try:
            text = text.format(**values)
        except KeyError as exc:
            wanted = re.findall(r"{(\w+)}", text)
            raise KeyError(
                f"glossary template {term!r} needs a value for {exc.args[0]!r}; "
                f"placeholders: {wanted}"
            ) from None
    return text


def define(term: str, lang: str = "en") -> str:
    """The plain-language definition of ``term`` in ``lang`` (formula and direction of better)."""
    lang = validate_lang(lang)
    row = _glossary().get(term)
    if row is None:
        raise _unknown(term)
    return row[f"definition_{lang}"] or row["definition_en"]


def label(term: str, lang: str = "en") -> str:
    """Like :func:`t`, but an unknown term returns itself instead of raising.

    For labels that may or may not be in the glossary (e.g. indicator codes a data table adds
    later): the widget then shows the code rather than failing.
    """
    return t(term, lang) if has_term(term) else term


def region_key(region: str) -> str:
    """Glossary key of a region name: ``"Inner Mongolia"`` -> ``"region_inner_mongolia"``."""
    return "region_" + re.sub(r"[^a-z0-9]+", "_", region.strip().lower()).strip("_")


def region_label(region: str, lang: str = "en") -> str:
    """Display name of a region (``"Hebei"`` -> ``"河北"`` in zh); unknown names pass through."""
    key = region_key(region)
    return t(key, lang) if has_term(key) else region


def unit_label(unit: str, lang: str = "en") -> str:
    """Display form of a data unit (``"100 million yuan"`` -> ``"亿元"``); unknown units pass."""
    key = "unit_" + re.sub(r"[^a-z0-9]+", "_", unit.strip().lower()).strip("_")
    return t(key, lang) if has_term(key) else unit


def join(items: Iterable[object], lang: str = "en") -> str:
    """Join items for running text: ``"a, b, c"`` in English, ``"a、b、c"`` in Chinese."""
    sep = "、" if validate_lang(lang) == "zh" else ", "
    return sep.join(str(x) for x in items)


def glossary(lang: str | None = None, kind: str = "terms") -> pd.DataFrame:
    """The glossary as a DataFrame, e.g. for the Chinese-English table in ``00_start_here``.

    Args:
        lang: ``None`` for all columns, or ``"en"``/``"zh"`` for term, label and definition
            in that language only.
        kind: ``"terms"`` (economic terms and indicators: no messages, templates, region
            names, claims-table labels or lesson-specific strings ``nbNN_*``), or ``"all"``.
    """
    df = pd.DataFrame(list(_glossary().values()))
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

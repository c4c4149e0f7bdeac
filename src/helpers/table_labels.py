"""Tables shown in the run's language: column names, index labels and coded values.

A lesson's tables keep language-independent codes while they are computed (``"verdict"``,
``"equal"``, ``"Tangshan"``, ``("theil_t", "unweighted")``); :func:`labelled` returns a copy for
display in which each code is replaced by its catalogue text, so a Chinese run shows Chinese
headers. Numbers are never changed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pandas as pd

from helpers.i18n import has_term, region_key, resolve_lang, t

__all__ = ["label_of", "labelled"]


def label_of(code: object, prefixes: Sequence[str] = (), lang: str | None = None) -> object:
    """Catalogue text of ``code``: the first of ``prefix + code`` (for each prefix), ``code``
    itself, or the region ``code`` that is a catalogue key; anything else (a number, an
    unknown code) is returned unchanged."""
    if not isinstance(code, str):
        return code
    for key in (*(p + code for p in prefixes), code, region_key(code)):
        if has_term(key):
            return t(key, lang)
    return code


def labelled(frame: pd.DataFrame, prefixes: str | Sequence[str] = (), *,
             values: Iterable[str] = (), lang: str | None = None) -> pd.DataFrame:
    """A copy of ``frame`` for display, its codes replaced by catalogue texts (:func:`label_of`).

    Args:
        frame: the table (index and columns may be a MultiIndex).
        prefixes: key prefixes tried first, e.g. ``"l03_col_"`` (``"difference"`` ->
            ``l03_col_difference``) or ``("group_",)`` for group codes.
        values: columns whose cell values are codes to translate too (e.g. ``"verdict"``,
            ``"region"``).
        lang: ``"en"``/``"zh"``; ``None``: the run's language.
    """
    lang = resolve_lang(lang)
    prefixes = (prefixes,) if isinstance(prefixes, str) else tuple(prefixes)

    def lab(x: object) -> object:
        return label_of(x, prefixes, lang)

    out = frame.copy()
    for col in values:
        out[col] = out[col].map(lab)
    out.index, out.columns = _relabel(out.index, lab), _relabel(out.columns, lab)
    return out


def _relabel(index: pd.Index, lab) -> pd.Index:
    if isinstance(index, pd.MultiIndex):
        return pd.MultiIndex.from_tuples([tuple(lab(x) for x in tup) for tup in index],
                                         names=[lab(n) for n in index.names])
    return index.map(lab).rename(lab(index.name))

"""Shared pieces of the data build: the ``Table`` description and small helpers.

A builder module exposes ``TABLES: list[Table]``. ``Table.build(sources_root)`` returns a tidy
frame with the contract columns (``CONTRACT_COLUMNS``) in that order, optionally followed by the
extra columns declared in ``Table.extra_fields``. Values stay NaN where the source is empty:
nothing is filled, interpolated or invented.

``Table.origin`` keys (all plain JSON):
    producer, publication, table, vintages ({code: description}), obtained_from
    ([{repo, path, commit}] or [{page}]), licence_note, caveats ([str]), citation (one line).
``Table.indicators``: {code: {name_en, name_zh, unit, description, better, min, max}}, where
    better is "higher" | "lower" | "neither" and min/max bound plausible values (checked on load).
``Table.flags``: {code: meaning} for the codes the table uses (see ``STANDARD_FLAGS``).
``Table.checks``: identity checks applied per (region, year, vintage) on load, e.g.
    {"type": "sum", "parts": ["va_primary", "va_secondary", "va_tertiary"], "total": "gdp",
     "abs_tol": 0.6}   -> |sum(parts) - total| <= abs_tol (+ rel_tol * |total| if given)
    {"type": "sum", "parts": ["share_primary", "share_secondary", "share_tertiary"],
     "total_value": 100, "abs_tol": 0.15}   -> parts sum to a constant
    {"type": "le", "part": "va_industry", "total": "va_secondary", "abs_tol": 0.05}
                       -> part <= total + abs_tol
    A check is skipped for a region-year-vintage where any of its values is missing, and for
    rows whose flag contains one of the codes in the check's optional "skip_flags" list.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

#: Columns every table has, in this order (see the contract).
CONTRACT_COLUMNS: list[str] = [
    "region", "region_zh", "year", "indicator", "value", "unit", "vintage", "flag",
]
#: Primary key of every table.
PRIMARY_KEY: list[str] = ["region", "year", "indicator", "vintage"]

#: Flag codes with one meaning across the kit; a table may define more in ``Table.flags``.
STANDARD_FLAGS: dict[str, str] = {
    "derived": "computed by the source's compiler (or by this kit, as stated in the table's "
    "caveats) from other published figures, not itself published",
    "series_break": "the definition or basis of the series changes at this year: do not compare "
    "the level with earlier years without care",
    "suspicious": "the provenance notes name this cell as doubtful (e.g. it breaks an identity "
    "or jumps implausibly); kept as published",
    "preliminary": "preliminary figure, later revised by the producer",
    "estimated_by_source": "the producer itself marks the figure as an estimate",
}

#: Source unit spellings -> the kit's one English unit per indicator.
UNIT_ALIASES: dict[str, str] = {
    "100 million yuan (亿元)": "100 million yuan",
    "10 thousand persons": "10k persons",
    "10k persons (万人)": "10k persons",
    "10 thousand persons (万人)": "10k persons",
    "yuan per person (元/人)": "yuan per person",
    "yuan (元)": "yuan",
    "previous year = 100": "previous year = 100",
}


class BuildError(RuntimeError):
    """A source file does not look the way its builder expects."""


@dataclass(frozen=True)
class Table:
    """One curated table of ``data/`` and everything needed to document and check it.

    Args:
        name: file stem, e.g. ``"province_gdp"`` -> ``data/province_gdp.csv``.
        title: short human title.
        description: plain-language description for a student.
        build: ``build(sources_root) -> DataFrame`` with ``CONTRACT_COLUMNS`` (+ extra columns).
        origin: provenance (see module docstring).
        indicators: per-indicator metadata (see module docstring).
        flags: meaning of each flag code used in the table.
        checks: identity checks (see module docstring).
        extra_fields: Frictionless field dicts for columns after ``flag``
            (``{"name", "type", "description"}``, optional ``constraints``).
        origin_files: source files (relative to the sources root) whose ``source_repo`` (or
            ``source_repo_or_page``), ``source_path`` and ``source_commit`` columns are added
            to ``origin["obtained_from"]`` at build time (see ``resolve_origin``).
        zh: the Chinese metadata, written to the resource as ``x_zh``: ``title``,
            ``description``, ``producer``, ``publication`` (the official Chinese title, e.g.
            ``国家统计局《中国统计年鉴2025》``), ``table`` (the official Chinese table title),
            ``citation``, ``caveats`` (list, one per English caveat) and ``vintages``
            (vintage code -> Chinese description). Empty until translated.
    """

    name: str
    title: str
    description: str
    build: Callable[[Path], pd.DataFrame]
    origin: dict[str, Any]
    indicators: dict[str, dict[str, Any]]
    flags: dict[str, str] = field(default_factory=dict)
    checks: list[dict[str, Any]] = field(default_factory=list)
    extra_fields: list[dict[str, Any]] = field(default_factory=list)
    origin_files: list[str] = field(default_factory=list)
    zh: dict[str, Any] = field(default_factory=dict)

    @property
    def columns(self) -> list[str]:
        """Header of the table's CSV."""
        return CONTRACT_COLUMNS + [f["name"] for f in self.extra_fields]


# --------------------------------------------------------------------------------------------
# Reading sources
# --------------------------------------------------------------------------------------------

def read_source(root: Path, relpath: str) -> pd.DataFrame:
    """Read a source CSV as text (every column ``str``, empty cells ``""``).

    Reading as text keeps the source's spelling; convert values with ``to_number``.
    """
    path = Path(root) / relpath
    if not path.is_file():
        raise BuildError(f"source file missing: {path}")
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")


def to_number(text: pd.Series, where: str = "") -> pd.Series:
    """Convert source text to float; empty cells become NaN, anything else non-numeric fails."""
    stripped = text.astype(str).str.strip()
    out = pd.to_numeric(stripped.where(stripped != "", None), errors="coerce")
    bad = out.isna() & (stripped != "")
    if bad.any():
        first = stripped[bad].iloc[0]
        raise BuildError(f"{where}: non-numeric value {first!r} in {int(bad.sum())} cell(s)")
    return out.astype(float)


def canonical_unit(unit: str) -> str:
    """Map a source's unit spelling to the kit's (``UNIT_ALIASES``); unknown ones pass through."""
    unit = unit.strip()
    return UNIT_ALIASES.get(unit, unit)


def set_units(df: pd.DataFrame, indicators: dict[str, dict[str, Any]], where: str) -> pd.DataFrame:
    """Replace ``df["unit"]`` (source spelling) with the indicator's declared unit.

    Raises ``BuildError`` if a source unit, once made canonical, differs from the declaration,
    or if an indicator is not declared.
    """
    df = df.copy()
    unknown = sorted(set(df["indicator"]) - set(indicators))
    if unknown:
        raise BuildError(f"{where}: undeclared indicator(s) {unknown}")
    declared = df["indicator"].map(lambda c: indicators[c]["unit"])
    if "unit" in df.columns:
        src = df["unit"].map(canonical_unit)
        bad = src != declared
        if bad.any():
            row = df[bad].iloc[0]
            raise BuildError(
                f"{where}: unit {row['unit']!r} of {row['indicator']} does not match the "
                f"declared {indicators[row['indicator']]['unit']!r}"
            )
    df["unit"] = declared
    return df


def obtained_from(df: pd.DataFrame, repo: str = "source_repo", path: str = "source_path",
                  commit: str = "source_commit") -> list[dict[str, str]]:
    """Distinct (repo, path, commit) triples of a source frame, sorted, as origin entries.

    A repo cell that is a web address becomes ``{"page": url}``.
    """
    out: list[dict[str, str]] = []
    seen: set[tuple[str, str, str]] = set()
    for r, p, c in zip(df[repo], df[path], df[commit], strict=True):
        key = (str(r), str(p), str(c))
        if key in seen:
            continue
        seen.add(key)
        if key[0].startswith("http") or key[1].startswith("(web page"):
            out.append({"page": key[0]})
        else:
            out.append({"repo": key[0], "path": key[1], "commit": key[2]})
    uniq = {tuple(sorted(d.items())): d for d in out}
    return [uniq[k] for k in sorted(uniq)]


def resolve_origin(table: Table, root: Path) -> dict[str, Any]:
    """``table.origin`` with ``obtained_from`` completed from ``table.origin_files``."""
    origin = dict(table.origin)
    entries = list(origin.get("obtained_from", []))
    for rel in table.origin_files:
        src = read_source(root, rel)
        repo = "source_repo_or_page" if "source_repo_or_page" in src.columns else "source_repo"
        entries += obtained_from(src, repo=repo)
    uniq = {tuple(sorted(d.items())): d for d in entries}
    origin["obtained_from"] = [uniq[k] for k in sorted(uniq)]
    return origin


def join_flags(*flags: Iterable[str] | str) -> str:
    """Join flag codes with ';' (sorted, distinct, empties dropped)."""
    codes: set[str] = set()
    for f in flags:
        items = [f] if isinstance(f, str) else list(f)
        for item in items:
            codes.update(c for c in str(item).split(";") if c)
    return ";".join(sorted(codes))


def add_flag(df: pd.DataFrame, mask: pd.Series, code: str) -> pd.DataFrame:
    """Return a copy of ``df`` with ``code`` added to ``flag`` where ``mask`` is true."""
    df = df.copy()
    df.loc[mask, "flag"] = [join_flags(f, code) for f in df.loc[mask, "flag"]]
    return df


# --------------------------------------------------------------------------------------------
# Tidying and writing
# --------------------------------------------------------------------------------------------

def tidy(df: pd.DataFrame, table: Table) -> pd.DataFrame:
    """Order columns, fix dtypes and sort by the primary key; fail on duplicate keys."""
    missing = [c for c in table.columns if c not in df.columns]
    if missing:
        raise BuildError(f"{table.name}: builder output lacks column(s) {missing}")
    out = df[table.columns].copy()
    out["year"] = out["year"].astype(int)
    out["value"] = pd.to_numeric(out["value"], errors="raise").astype(float)
    for c in ["region", "region_zh", "indicator", "unit", "vintage", "flag"]:
        out[c] = out[c].fillna("").astype(str)
    dup = out.duplicated(PRIMARY_KEY, keep=False)
    if dup.any():
        raise BuildError(f"{table.name}: duplicate primary key(s):\n{out[dup].head(6)}")
    out = out.sort_values(PRIMARY_KEY, kind="mergesort").reset_index(drop=True)
    return out


def format_value(x: float) -> str:
    """Shortest decimal text that reads back as the same float ("" for NaN).

    The sources publish at most a few decimals, so the shortest round-trip text reproduces the
    published digits (minus trailing zeros, e.g. source "107.0" -> "107").
    """
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return ""
    return np.format_float_positional(float(x), unique=True, trim="-")


def to_csv_text(df: pd.DataFrame, table: Table) -> str:
    """Deterministic CSV text (UTF-8, LF, fixed value formatting) of a tidied frame."""
    out = df.copy()
    out["value"] = [format_value(v) for v in out["value"]]
    for f in table.extra_fields:
        if f.get("type") == "boolean":
            out[f["name"]] = out[f["name"]].map(lambda b: "true" if bool(b) else "false")
        elif f.get("type") == "number":
            out[f["name"]] = [format_value(v) for v in out[f["name"]]]
    return out.to_csv(index=False, lineterminator="\n")

"""Load the kit's curated tables from ``data/``, validated, with their provenance.

This is the ONE way notebooks and helpers read data::

    from helpers.data import load, catalogue, source, cite
    df = load("province_gdp", regions=["Hebei"], indicators=["gdp"], years=(2016, 2024))
    wide = load("province_gdp", wide=True)     # index (region, year), one column per indicator
    print(source("province_gdp"))              # where the numbers come from, in plain words
    cite(["province_gdp"])                     # Markdown lines for a notebook's Sources section
    cite(["province_gdp"], lang="zh")          # the same in Chinese (lang=None: the run's language)

Every table is a tidy CSV (region, region_zh, year, indicator, value, unit, vintage, flag and
optional extra columns) described in ``data/datapackage.json`` (a Frictionless data package
written by ``python -m scripts.build_data``). ``load`` checks the file against that description
each time the file changes on disk and raises :class:`DataError` naming the file, the row or
column and the check that failed:

* the file exists (an unknown name lists the tables available and close matches);
* the header is exactly the declared one (names the missing, extra or misplaced column);
* every row has the declared number of fields, and the row count is the declared one
  (a truncated file fails here);
* types: ``year`` is an integer, ``value`` a number or empty (names the row and the text);
* required cells are filled; the primary key (region, year, indicator, vintage) is unique;
* indicator, unit, vintage and flag codes are the declared ones; each indicator has its unit;
* values lie within the indicator's declared range; years within the declared range;
* accounting identities hold within rounding (e.g. the three sectors sum to GDP), per
  region, year and vintage, naming the region-year and the gap.

``catalogue``, ``source`` and ``cite`` speak the run's language: Chinese output reads each
table's Chinese metadata (``x_zh``, from ``Table.zh`` in ``scripts/build_data``) and the words
around it from the catalogue (``catalogue/data.csv``); a table without ``x_zh`` raises
:class:`DataError` in Chinese rather than showing English.

Missing values stay NaN. Nothing is ever written to ``data/``. The Frictionless library is not
used here (it takes seconds per table); the tests run it on the whole package instead.
"""

from __future__ import annotations

import csv
import difflib
import hashlib
import io
import json
import numbers
import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from helpers import DATA_DIR, i18n

__all__ = ["DataError", "load", "catalogue", "source", "cite", "indicator_info", "tables"]

CONTRACT_COLUMNS = ["region", "region_zh", "year", "indicator", "value", "unit", "vintage", "flag"]
PRIMARY_KEY = ["region", "year", "indicator", "vintage"]
_REQUIRED_TEXT = ["region", "region_zh", "indicator", "unit", "vintage"]
_INT_RE = re.compile(r"^-?\d+$")
_SEMANTIC_ENUMS = {"indicator", "unit", "vintage"}

# Validated frames, keyed by (csv path, mtime_ns, size, datapackage mtime_ns, size).
_CACHE: dict[tuple[Any, ...], pd.DataFrame] = {}
_PKG_CACHE: dict[tuple[Any, ...], dict[str, Any]] = {}


class DataError(ValueError):
    """A data file is missing or fails a check; the message names the file and the check."""


# --------------------------------------------------------------------------------------------
# Locating files and reading the catalogue
# --------------------------------------------------------------------------------------------

def _data_dir(data_dir: str | os.PathLike[str] | None) -> Path:
    """``data_dir`` argument, else ``$HEBEI_KIT_DATA_DIR``, else the kit's ``data/``."""
    if data_dir is not None:
        return Path(data_dir)
    env = os.environ.get("HEBEI_KIT_DATA_DIR")
    return Path(env) if env else DATA_DIR


def _stamp(path: Path) -> tuple[str, int, int]:
    st = path.stat()
    return (str(path.resolve()), st.st_mtime_ns, st.st_size)


def _package(folder: Path) -> dict[str, Any]:
    """The parsed ``datapackage.json`` of ``folder`` (cached while the file is unchanged)."""
    path = folder / "datapackage.json"
    if not path.is_file():
        raise DataError(f"{path}: catalogue missing (check: file present). "
                        "Rebuild it with `python -m scripts.build_data`.")
    key = _stamp(path)
    if key not in _PKG_CACHE:
        try:
            pkg = json.loads(path.read_text(encoding="utf-8-sig"))
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise DataError(f"{path}: not valid JSON (check: catalogue readable): {exc}") from exc
        _check_package(path, pkg)
        _PKG_CACHE[key] = pkg
    return _PKG_CACHE[key]


def _check_package(path: Path, pkg: Any) -> None:
    """The catalogue's shape: an object whose ``resources`` list holds, for every table, a
    name, a path and a schema with fields; anything else is a :class:`DataError` naming the
    entry, not a traceback later."""
    def bad(detail: str) -> DataError:
        return DataError(f"{path}: {detail} (check: catalogue structure). Rebuild it with "
                         "`python -m scripts.build_data`.")

    if not isinstance(pkg, dict):
        raise bad(f"the catalogue must be a JSON object, got a {type(pkg).__name__}")
    resources = pkg.get("resources")
    if not isinstance(resources, list):
        raise bad("'resources' must be a list of tables")
    for i, res in enumerate(resources):
        where = f"resources[{i}]"
        if not isinstance(res, dict):
            raise bad(f"{where} must be an object, got a {type(res).__name__}")
        name = res.get("name")
        if not isinstance(name, str) or not name:
            raise bad(f"{where} has no 'name'")
        where = f"table {name!r} ({where})"
        if res.get("x_kind", "table") != "table":
            continue
        if not isinstance(res.get("path"), str):
            raise bad(f"{where} has no 'path'")
        fields = (res.get("schema") or {}).get("fields") if isinstance(res.get("schema"),
                                                                       dict) else None
        if not isinstance(fields, list) or not fields or not all(
                isinstance(f, dict) and isinstance(f.get("name"), str) for f in fields):
            raise bad(f"{where} has no schema with named fields")
        stats = res.get("stats", {})
        if not isinstance(stats, dict):
            raise bad(f"{where}: 'stats' must be an object")


def _tidy_resources(pkg: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {r["name"]: r for r in pkg.get("resources", []) if r.get("x_kind", "table") == "table"}


def tables(*, data_dir: str | os.PathLike[str] | None = None) -> list[str]:
    """Names of the tables in the catalogue, sorted."""
    return sorted(_tidy_resources(_package(_data_dir(data_dir))))


def _resource(name: str, folder: Path) -> dict[str, Any]:
    res = _tidy_resources(_package(folder))
    if name not in res:
        close = difflib.get_close_matches(name, list(res), n=3, cutoff=0.5)
        hint = f" Did you mean {', '.join(repr(c) for c in close)}?" if close else ""
        raise DataError(
            f"{folder / (name + '.csv')}: unknown table {name!r} (check: table in catalogue).{hint}"
            f" Available tables: {', '.join(sorted(res))}."
        )
    return res[name]


# --------------------------------------------------------------------------------------------
# Validation
# --------------------------------------------------------------------------------------------

def _fail(path: Path, check: str, detail: str) -> DataError:
    return DataError(f"{path}: {detail} (check: {check})")


def _check_bytes(path: Path, data: bytes, stats: dict[str, Any]) -> None:
    """The file's size and sha256 against what the catalogue declares (``stats.bytes``,
    ``stats.sha256``): an edited, truncated or swapped file is refused, even if it still parses
    and keeps its size. Checked once per file version and process (:func:`_validated` caches)."""
    size = stats.get("bytes")
    if size is not None and len(data) != int(size):
        raise _fail(path, "size", f"{len(data)} bytes but the catalogue declares {size}: the "
                                  "file was changed or truncated; restore it (git checkout "
                                  "data/) or rebuild data/ with `python -m scripts.build_data`")
    digest = stats.get("sha256")
    if digest is not None and hashlib.sha256(data).hexdigest() != digest:
        raise _fail(path, "sha256", "the content differs from what the catalogue declares "
                                    "(same size, other bytes: a value was edited); restore it "
                                    "(git checkout data/) or rebuild data/")


def _read_rows(path: Path, fields: list[str], expected_rows: int | None) -> pd.DataFrame:
    """Read the CSV as text, checking encoding, header, field counts and row count."""
    data = path.read_bytes()
    if data.startswith(b"\xef\xbb\xbf"):
        raise _fail(path, "encoding", "the file starts with a UTF-8 byte-order mark (BOM), as "
                                      "spreadsheet programs write it; save it as UTF-8 without "
                                      "BOM, or restore it (git checkout data/)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _fail(path, "encoding", f"not UTF-8 text ({exc})") from exc
    if not text.strip():
        raise _fail(path, "file not empty", "the file is empty")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    header = rows[0]
    if header != fields:
        missing = [f for f in fields if f not in header]
        extra = [h for h in header if h not in fields]
        parts = []
        if missing:
            parts.append(f"missing column(s) {missing}")
        if extra:
            parts.append(f"unexpected column(s) {extra}")
        if not parts:
            parts.append(f"columns in the wrong order: {header} instead of {fields}")
        raise _fail(path, "header", "; ".join(parts))
    body = rows[1:]
    for i, row in enumerate(body):
        if len(row) != len(fields):
            raise _fail(path, "field count",
                        f"row {i + 1} (line {i + 2}) has {len(row)} fields, expected "
                        f"{len(fields)}: the file looks truncated or corrupted")
    if expected_rows is not None and len(body) != expected_rows:
        raise _fail(path, "row count",
                    f"{len(body)} data rows but the catalogue declares {expected_rows}: "
                    "the file looks truncated or has extra rows")
    return pd.DataFrame(body, columns=fields, dtype=str)


def _row_ref(df: pd.DataFrame, mask: pd.Series | np.ndarray) -> str:
    idx = int(np.flatnonzero(np.asarray(mask))[0])
    r = df.iloc[idx]
    return f"row {idx + 1} (line {idx + 2}; {r['region']} {r['year']} {r['indicator']})"


def _check_types(path: Path, raw: pd.DataFrame, fields: list[dict[str, Any]]) -> pd.DataFrame:
    """Convert typed columns; fail naming the row and column of the first bad cell."""
    out = raw.copy()
    for f in fields:
        name, ftype = f["name"], f.get("type", "string")
        col = raw[name].str.strip()
        required = f.get("constraints", {}).get("required", False)
        empty = col == ""
        if required and empty.any():
            raise _fail(path, "required value", f"{_row_ref(raw, empty)}: column {name!r} is empty")
        if ftype == "integer":
            bad = ~empty & ~col.str.match(_INT_RE)
            if bad.any():
                raise _fail(path, f"type of column {name!r}",
                            f"{_row_ref(raw, bad)}: {raw[name][bad].iloc[0]!r} in column "
                            f"{name!r} is not an integer")
            out[name] = pd.to_numeric(col.where(~empty, None)).astype("Int64")
            if required:
                out[name] = out[name].astype(int)
        elif ftype == "number":
            num = pd.to_numeric(col.where(~empty, None), errors="coerce")
            bad = ~empty & (num.isna() | ~np.isfinite(num.astype(float)))
            if bad.any():
                raise _fail(path, f"type of column {name!r}",
                            f"{_row_ref(raw, bad)}: {raw[name][bad].iloc[0]!r} in column "
                            f"{name!r} is not a number")
            out[name] = num.astype(float)
        elif ftype == "boolean":
            low = col.str.lower()
            bad = ~empty & ~low.isin(["true", "false"])
            if bad.any():
                raise _fail(path, f"type of column {name!r}",
                            f"{_row_ref(raw, bad)}: {raw[name][bad].iloc[0]!r} in column "
                            f"{name!r} is not true/false")
            out[name] = low.map({"true": True, "false": False})
        else:
            out[name] = col
        enum = f.get("constraints", {}).get("enum")
        # indicator, unit and vintage codes get richer messages in _check_semantics
        if enum is not None and ftype == "string" and name not in _SEMANTIC_ENUMS:
            bad = ~empty & ~col.isin(enum)
            if bad.any():
                raise _fail(path, f"allowed values of column {name!r}",
                            f"{_row_ref(raw, bad)}: {raw[name][bad].iloc[0]!r} in column "
                            f"{name!r} is not one of the declared codes")
        cons = f.get("constraints", {})
        if ftype in ("integer", "number") and ("minimum" in cons or "maximum" in cons):
            vals = out[name].astype(float)
            bad = (vals < cons.get("minimum", -np.inf)) | (vals > cons.get("maximum", np.inf))
            if bad.any():
                raise _fail(path, f"range of column {name!r}",
                            f"{_row_ref(raw, bad)}: {name} {raw[name][bad].iloc[0]} outside "
                            f"[{cons.get('minimum')}, {cons.get('maximum')}]")
    return out


def _check_semantics(path: Path, df: pd.DataFrame, res: dict[str, Any]) -> None:
    """Codes, units, ranges, unique key and identities."""
    indicators: dict[str, dict[str, Any]] = res.get("x_indicators", {})
    unknown = ~df["indicator"].isin(list(indicators))
    if unknown.any():
        raise _fail(path, "indicator code known",
                    f"{_row_ref(df, unknown)}: indicator {df['indicator'][unknown].iloc[0]!r} "
                    "is not defined in the catalogue")
    want_unit = df["indicator"].map(lambda c: indicators[c]["unit"])
    bad = df["unit"] != want_unit
    if bad.any():
        i = bad[bad].index[0]
        raise _fail(path, "unit",
                    f"{_row_ref(df, bad)}: unit {df.at[i, 'unit']!r} for indicator "
                    f"{df.at[i, 'indicator']!r}, expected {want_unit[i]!r}")
    vintages = res.get("x_origin", {}).get("vintages", {})
    bad = ~df["vintage"].isin(list(vintages))
    if bad.any():
        raise _fail(path, "vintage code known",
                    f"{_row_ref(df, bad)}: vintage {df['vintage'][bad].iloc[0]!r} is not "
                    "defined in the catalogue")
    flags = set(res.get("x_flags", {}))
    for i, f in df["flag"][df["flag"] != ""].items():
        codes = set(f.split(";")) - flags
        if codes:
            raise _fail(path, "flag code known",
                        f"{_row_ref(df, df.index == i)}: flag {sorted(codes)} not defined "
                        "in the catalogue")
    lo = df["indicator"].map(lambda c: indicators[c].get("min", -np.inf)).astype(float)
    hi = df["indicator"].map(lambda c: indicators[c].get("max", np.inf)).astype(float)
    bad = df["value"].notna() & ((df["value"] < lo) | (df["value"] > hi))
    if bad.any():
        i = bad[bad].index[0]
        raise _fail(path, "value range",
                    f"{_row_ref(df, bad)}: value {df.at[i, 'value']} outside the declared "
                    f"range [{lo[i]:g}, {hi[i]:g}] of {df.at[i, 'indicator']!r} "
                    f"({int(bad.sum())} value(s) out of range)")
    key = res.get("schema", {}).get("primaryKey", PRIMARY_KEY)
    dup = df.duplicated(key, keep=False)
    if dup.any():
        first = df[dup].iloc[0]
        rows = [int(j) + 1 for j in np.flatnonzero(
            (df[key] == first[key]).all(axis=1).to_numpy())]
        raise _fail(path, "unique primary key",
                    f"duplicate key {dict(first[key])} in rows {rows}")
    for check in res.get("x_checks", []):
        _check_identity(path, df, check)


def _check_identity(path: Path, df: pd.DataFrame, check: dict[str, Any]) -> None:
    """Apply one identity check per (region, year, vintage); see ``scripts/build_data/common``."""
    kind = check["type"]
    if kind == "sum":
        parts, total = list(check["parts"]), check.get("total")
        label = f"{' + '.join(parts)} = {total if total else check.get('total_value')}"
    elif kind == "le":
        parts, total = [check["part"]], check["total"]
        label = f"{check['part']} <= {total}"
    else:
        raise _fail(path, "identity check", f"unknown check type {kind!r} in the catalogue")
    codes = parts + ([total] if total else [])
    sub = df[df["indicator"].isin(codes)]
    skip = check.get("skip_flags", [])
    if skip and len(sub):
        flagged = sub["flag"].map(lambda f: bool(set(f.split(";")) & set(skip)))
        bad_keys = sub.loc[flagged, ["region", "year", "vintage"]].drop_duplicates()
        if len(bad_keys):
            sub = sub.merge(bad_keys, how="left", indicator="_m")
            sub = sub[sub["_m"] == "left_only"].drop(columns="_m")
    if sub.empty:
        return
    wide = sub.pivot_table(index=["region", "year", "vintage"], columns="indicator",
                           values="value", aggfunc="first")
    if any(c not in wide.columns for c in codes):
        return
    wide = wide[codes].dropna()
    target = wide[total] if total else pd.Series(float(check["total_value"]), index=wide.index)
    tol = check.get("abs_tol", 0.0) + check.get("rel_tol", 0.0) * target.abs()
    if kind == "sum":
        gap = wide[parts].sum(axis=1) - target
        bad = gap.abs() > tol + 1e-9
    else:
        gap = wide[parts[0]] - target
        bad = gap > tol + 1e-9
    if bad.any():
        (region, year, vintage) = bad[bad].index[0]
        g = gap[bad].iloc[0]
        t = tol[bad].iloc[0] if isinstance(tol, pd.Series) else tol
        raise _fail(path, f"identity {label}",
                    f"{region} {year} (vintage {vintage}): {label} fails by {g:+.4g} "
                    f"(tolerance {t:.4g}); {int(bad.sum())} region-year(s) fail")


def _validated(name: str, folder: Path) -> pd.DataFrame:
    """The table as a validated frame (cached while the file and catalogue are unchanged)."""
    res = _resource(name, folder)
    path = folder / res["path"]
    if not path.is_file():
        raise _fail(path, "file present", f"table {name!r} is in the catalogue but its file "
                                          "is missing")
    key = (_stamp(path), _stamp(folder / "datapackage.json"))
    if key in _CACHE:
        return _CACHE[key]
    for old in [k for k in _CACHE if k[0][0] == key[0][0]]:  # one version per file: bounded
        del _CACHE[old]
    fields = res["schema"]["fields"]
    names = [f["name"] for f in fields]
    stats = res.get("stats", {})
    raw = _read_rows(path, names, stats.get("rows"))
    df = _check_types(path, raw, fields)
    _check_semantics(path, df, res)
    # last, so that a broken file is first named by what is wrong in it (truncated, a bad
    # value...); what passes every other check but is not the published file stops here
    _check_bytes(path, path.read_bytes(), stats)
    df["year"] = df["year"].astype(int)
    _CACHE[key] = df
    return df


# --------------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------------

def _as_list(x: str | Iterable[Any] | None, path: Path | None = None,
             what: str = "filter") -> list[Any] | None:
    if x is None:
        return None
    if isinstance(x, str | numbers.Number):
        return [x]
    items = list(x)
    if not items and path is not None:
        raise DataError(f"{path}: an empty list of {what} selects nothing; pass None for all, "
                        f"or at least one value (check: filter values)")
    return items


def _whole_year(path: Path, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or value != int(value):
        raise DataError(f"{path}: years must be whole years (e.g. 2016), got {value!r} "
                        "(check: filter values)")
    return int(value)


def _year_mask(path: Path, column: pd.Series, years: Any) -> pd.Series:
    """``years`` as a mask: one year, an inclusive ``(first, last)`` tuple (either may be
    None for an open end), or a list; refused when it is not whole years, reversed, empty, or
    matches no year of the table (the message gives the table's years)."""
    present = sorted(column.unique())
    span = f"{present[0]}-{present[-1]}" if present else "none"
    if isinstance(years, tuple) and len(years) == 2:
        lo = None if years[0] is None else _whole_year(path, years[0])
        hi = None if years[1] is None else _whole_year(path, years[1])
        if lo is not None and hi is not None and lo > hi:
            raise DataError(f"{path}: years=({lo}, {hi}) is reversed; give (first, last) with "
                            f"first <= last; the table covers {span} (check: filter values)")
        mask = column.between(present[0] if lo is None else lo, present[-1] if hi is None else hi)
        shown = f"({lo}, {hi})"
    else:
        wanted = [_whole_year(path, y) for y in _as_list(years, path, "years") or []]
        mask = column.isin(wanted)
        shown = str(wanted)
    if not mask.any():
        raise DataError(f"{path}: years={shown} matches no year; the table covers {span} "
                        "(check: filter values)")
    return mask


def _require_known(path: Path, what: str, asked: list[str], present: Sequence[str]) -> None:
    unknown = [a for a in asked if a not in set(present)]
    if unknown:
        hints = []
        for u in unknown:
            close = difflib.get_close_matches(str(u), [str(p) for p in present], n=3, cutoff=0.5)
            hints.append(f"{u!r}" + (f" (did you mean {', '.join(map(repr, close))}?)"
                                     if close else ""))
        raise DataError(f"{path}: unknown {what} {', '.join(hints)}; available: "
                        f"{', '.join(map(str, sorted(set(present))))} (check: filter values)")


def load(
    name: str,
    *,
    regions: str | Iterable[str] | None = None,
    years: int | tuple[int, int] | Iterable[int] | None = None,
    indicators: str | Iterable[str] | None = None,
    vintage: str | Iterable[str] | None = None,
    wide: bool = False,
    data_dir: str | os.PathLike[str] | None = None,
) -> pd.DataFrame:
    """Load one curated table, validated against ``data/datapackage.json``.

    Args:
        name: table name, e.g. ``"province_gdp"`` (see :func:`catalogue`).
        regions: English region name(s) to keep, e.g. ``["Hebei", "Beijing"]``.
        years: one year, an inclusive ``(first, last)`` tuple, or a list of years.
        indicators: indicator code(s) to keep (see ``data/indicators.csv``).
        vintage: vintage code(s) to keep (see :func:`source`).
        wide: if true, return one column per indicator, indexed by (region, year); this
            needs one value per region, year and indicator, so pass ``vintage`` for tables
            holding several vintages of the same figure.
        data_dir: folder to read instead of the kit's ``data/`` (default: ``$HEBEI_KIT_DATA_DIR``
            or ``helpers.DATA_DIR``).

    Returns:
        A new DataFrame (a copy: changing it does not affect later loads). Missing values
        are NaN, never filled.

    Raises:
        DataError: unknown table, file missing or failing a check, unknown filter value, or
            ``wide=True`` with several vintages of one figure.
    """
    folder = _data_dir(data_dir)
    df = _validated(name, folder)
    path = folder / f"{name}.csv"
    mask = pd.Series(True, index=df.index)
    reg = _as_list(regions, path, "regions")
    if reg is not None:
        _require_known(path, "region(s)", reg, df["region"].unique())
        mask &= df["region"].isin(reg)
    ind = _as_list(indicators, path, "indicators")
    if ind is not None:
        _require_known(path, "indicator(s)", ind, df["indicator"].unique())
        mask &= df["indicator"].isin(ind)
    vin = _as_list(vintage, path, "vintages")
    if vin is not None:
        _require_known(path, "vintage(s)", vin, df["vintage"].unique())
        mask &= df["vintage"].isin(vin)
    if years is not None:
        mask &= _year_mask(path, df["year"], years)
    out = df[mask].reset_index(drop=True).copy()
    if not wide:
        return out
    dup = out.duplicated(["region", "year", "indicator"], keep=False)
    if dup.any():
        raise DataError(f"{path}: wide=True needs one value per region, year and indicator, but "
                        f"{int(dup.sum())} rows share them across vintages "
                        f"{sorted(out.loc[dup, 'vintage'].unique())}; pass vintage=... "
                        "(check: single vintage)")
    w = out.pivot(index=["region", "year"], columns="indicator", values="value")
    w.columns.name = None
    return w.sort_index()


#: Keys of a table's Chinese metadata (``x_zh``, written from ``Table.zh`` by the build) that
#: every Chinese catalogue, source and citation reads.
ZH_KEYS = ("title", "description", "producer", "publication", "table", "citation", "caveats",
           "vintages")
#: What :func:`source` shows (``licence`` and ``flags`` too: ``x_zh`` of the kit's builders
#: carries them, see ``scripts/build_data/common.ZH_KEYS``).
_SOURCE_FIELDS = (*ZH_KEYS, "licence", "flags")


def _zh(res: dict[str, Any], *keys: str) -> dict[str, Any]:
    """The table's Chinese metadata (``x_zh``), checked to hold ``keys``; a table without it
    raises :class:`DataError` naming the table and the key, so that no table slips into a
    Chinese lesson in English."""
    zh = res.get("x_zh")
    missing = ["x_zh"] if not isinstance(zh, dict) else [k for k in keys if k not in zh]
    if missing:
        raise DataError(i18n.t("data_missing_zh", "zh", table=res["name"],
                               key=", ".join(missing)))
    return zh


def _texts(res: dict[str, Any], lang: str, needs: Sequence[str]) -> dict[str, Any]:
    """The fields ``needs`` of a table in ``lang`` (title, description, producer, publication,
    table, citation, caveats, vintages, licence, flags): the English ones from the resource
    and ``x_origin``, the Chinese ones from ``x_zh``. In Chinese, a field the English table
    has but ``x_zh`` lacks raises :class:`DataError`, as do caveats, vintage or flag codes that
    do not match the English ones; codes and ``obtained_from`` are the same in both."""
    o = res.get("x_origin", {})
    en = {"title": res.get("title", res["name"]), "description": res.get("description", ""),
          **{k: o.get(k, "") for k in ("producer", "publication", "table", "citation")},
          "caveats": o.get("caveats", []), "vintages": o.get("vintages", {}),
          "licence": o.get("licence_note", ""), "flags": res.get("x_flags", {})}
    if lang == "en":
        return {k: en[k] for k in needs}
    zh = _zh(res, *[k for k in needs if en[k] or k in ("title", "description")])
    out = {k: zh.get(k, en[k]) for k in needs}
    shape = {"caveats": len, "vintages": list, "flags": list}
    bad = [k for k, f in shape.items() if k in needs and f(out[k]) != f(en[k])]
    if bad:
        raise DataError(i18n.t("data_missing_zh", "zh", table=res["name"], key=", ".join(bad)))
    return out


def catalogue(*, data_dir: str | os.PathLike[str] | None = None,
              lang: str | None = None) -> pd.DataFrame:
    """One row per table: name, title, description, rows, years (first-last), indicators.

    Args:
        data_dir: folder to read instead of the kit's ``data/``.
        lang: ``"en"``/``"zh"``; ``None``: the run's language (:func:`helpers.i18n.
            resolve_lang`). Titles, descriptions and column names follow it (catalogue keys
            ``data_col_*``); in Chinese a table without ``x_zh`` raises :class:`DataError`.
    """
    lang = i18n.resolve_lang(lang)
    pkg = _package(_data_dir(data_dir))
    rows = []
    for name, res in sorted(_tidy_resources(pkg).items()):
        year = next(f for f in res["schema"]["fields"] if f["name"] == "year")
        c = year.get("constraints", {})
        texts = _texts(res, lang, ("title", "description"))
        rows.append({
            "name": name,
            "title": texts["title"],
            "description": texts["description"],
            "rows": res.get("stats", {}).get("rows"),
            "years": i18n.t("data_years", lang, first=c.get("minimum"), last=c.get("maximum")),
            "indicators": ", ".join(res.get("x_indicators", {})),
        })
    frame = pd.DataFrame(rows)
    return frame.rename(columns={c: i18n.t(f"data_col_{c}", lang) for c in frame.columns})


def _obtained(o: dict[str, str], lang: str = "en") -> str:
    if "page" in o:
        return i18n.t("data_code", lang, code=o["page"])
    commit = o.get("commit", "")
    return i18n.t("data_obtained_repo", lang, repo=o["repo"], path=o["path"],
                  commit=i18n.t("data_commit", lang, commit=commit[:10]) if commit else "")


def source(name: str, *, data_dir: str | os.PathLike[str] | None = None,
           lang: str | None = None) -> str:
    """Readable origin of a table: producer, publication and table, vintages, where the file
    was obtained, licence, caveats and the meaning of its flags.

    ``lang``: ``"en"``/``"zh"``; ``None``: the run's language. The Chinese text reads the
    table's ``x_zh`` (a table without it raises :class:`DataError`); the words around it come
    from the catalogue (keys ``data_*``)."""
    lang = i18n.resolve_lang(lang)
    res = _resource(name, _data_dir(data_dir))
    o = res.get("x_origin", {})
    x = _texts(res, lang, _SOURCE_FIELDS)

    def t(key: str, **values: object) -> str:
        return i18n.t(key, lang, **values)

    def items(mapping: dict[str, str]) -> list[str]:
        return [t("data_item", code=k, text=v) for k, v in mapping.items()]

    lines = [t("data_source_heading", title=x["title"], name=name), "", x["description"], ""]
    lines.append(t("data_producer", producer=x["producer"]))
    lines.append(t("data_publication", publication=x["publication"]))
    if o.get("table"):
        lines.append(t("data_table", table=x["table"]))
    lines.append(t("data_vintages"))
    lines += items(x["vintages"])
    lines.append(t("data_obtained"))
    lines += [t("data_bullet", text=_obtained(v, lang)) for v in o.get("obtained_from", [])]
    if o.get("licence_note"):
        lines.append(t("data_licence", licence=x["licence"]))
    if o.get("caveats"):
        lines.append(t("data_caveats"))
        lines += [t("data_bullet", text=c) for c in x["caveats"]]
    if res.get("x_flags"):
        lines.append(t("data_flags"))
        lines += items(x["flags"])
    if o.get("citation"):
        lines.append(t("data_cite_as", citation=x["citation"]))
    return "\n".join(lines)


def cite(names: str | Iterable[str], *, data_dir: str | os.PathLike[str] | None = None,
         lang: str | None = None) -> str:
    """Markdown bullet lines, one per table, for a notebook's **Sources** section.

    ``lang``: ``"en"``/``"zh"``; ``None``: the run's language (Chinese reads ``x_zh``; a
    table without it raises :class:`DataError`)."""
    lang = i18n.resolve_lang(lang)
    folder = _data_dir(data_dir)
    out = []
    for name in _as_list(names) or []:
        res = _resource(name, folder)
        o = res.get("x_origin", {})
        field = "citation" if o.get("citation") else "publication"
        x = _texts(res, lang, ("title", field))
        vint = i18n.t("data_list_sep", lang).join(
            i18n.t("data_code", lang, code=v) for v in o.get("vintages", {}))
        out.append(i18n.t("data_cite_line", lang, title=x["title"], path=res["path"],
                          citation=x[field], vintages=vint))
    return "\n".join(out)


def indicator_info(code: str, *, data_dir: str | os.PathLike[str] | None = None
                   ) -> dict[str, Any]:
    """Metadata of an indicator code: name_en, name_zh, unit, description, better, min, max,
    and ``tables`` (the tables that hold it)."""
    pkg = _package(_data_dir(data_dir))
    found: dict[str, Any] | None = None
    where: list[str] = []
    known: set[str] = set()
    for name, res in sorted(_tidy_resources(pkg).items()):
        inds = res.get("x_indicators", {})
        known.update(inds)
        if code in inds:
            where.append(name)
            found = found or dict(inds[code])
    if found is None:
        close = difflib.get_close_matches(code, sorted(known), n=3, cutoff=0.5)
        raise DataError(f"unknown indicator {code!r} (check: indicator code known)"
                        + (f"; did you mean {', '.join(map(repr, close))}?" if close else ""))
    found["code"] = code
    found["tables"] = where
    return found


def table_source(name: str, frame: pd.DataFrame) -> str:
    """A short source line for a figure: the table's name and the vintages ``frame`` holds.

    ``table_source("province_gdp", df)`` -> ``"province_gdp, nbs_post5th_2026-03"``. The full
    citation (producer, publication, licence) is :func:`source`; this short form is what a
    figure's source note carries, so a reader can find the table in ``data/README.md``.
    """
    vintages = frame["vintage"].dropna().astype(str) if "vintage" in frame else []
    return ", ".join([name, *dict.fromkeys(vintages)])

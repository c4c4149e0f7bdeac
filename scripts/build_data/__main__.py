"""Regenerate ``data/`` from ``../shared/sources``: ``python -m scripts.build_data``.

Options:
    --sources PATH  folder of official sources (default: ``<kit>/../shared/sources``)
    --out PATH      output folder (default: ``<kit>/data``)
    --check         build into a temporary folder and compare with ``--out``; exit 1 on any
                    difference (use in CI: the committed data must be what the build gives)
    --allow-missing skip (with a warning) builder modules that are not present; for
                    development only: by default every module in BUILDER_MODULES must exist

Writes one CSV per table, ``indicators.csv``, ``datapackage.json`` (Frictionless data package
with the kit's custom properties ``x_origin``, ``x_indicators``, ``x_flags``, ``x_checks``) and
``README.md``. The output depends only on the sources: building twice gives identical bytes.
After writing, every table is loaded back with ``helpers.data.load`` so a build can never
produce data the kit would refuse.
"""

from __future__ import annotations

import argparse
import filecmp
import hashlib
import importlib
import json
import sys
import tempfile
import urllib.parse
from pathlib import Path
from typing import Any

import pandas as pd

if __package__ in (None, ""):
    # `python scripts/build_data/__main__.py` as well as `python -m scripts.build_data` (PEP 366)
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    import scripts.build_data  # noqa: F401

    __package__ = "scripts.build_data"

from .common import (  # noqa: E402
    CONTRACT_COLUMNS,
    PRIMARY_KEY,
    STANDARD_FLAGS,
    Table,
    resolve_origin,
    tidy,
    to_csv_text,
)

KIT_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_SOURCES = KIT_ROOT.parent / "shared" / "sources"
DEFAULT_OUT = KIT_ROOT / "data"

#: Builder modules, in catalogue order. The data layer owns ``structure``; the others are
#: written by other contributors and must all be present (``--allow-missing`` skips them).
BUILDER_MODULES = ["structure", "innovation", "digital", "environment", "seeds", "jjj", "counties"]

#: Files in data/ that the build does not generate but declares (owned by other modules).
AUX_FILES = {
    "glossary.csv": ("glossary", "Glossary of economic terms, English and Chinese, read by "
                     "helpers.i18n. Not a statistical table."),
}

GENERATED_META = ["indicators.csv", "datapackage.json", "README.md"]

PACKAGE_LICENSE = {
    "name": "other-at",
    "title": "Official statistics reproduced with attribution to their producers; see each "
             "resource's x_origin.licence_note. Kit code and metadata: MIT.",
}

FIELD_DOCS = {
    "region": "English name of the province, city or country.",
    "region_zh": "Chinese name as in the source.",
    "year": "Calendar year the figure refers to.",
    "indicator": "Indicator code, defined in x_indicators and data/indicators.csv.",
    "value": "The figure as published; empty when the source has none (never filled).",
    "unit": "Unit of the value (one per indicator).",
    "vintage": "Code of the publication or revision the figure comes from (see x_origin).",
    "flag": "Empty, or ';'-separated flag codes defined in x_flags.",
}


def collect_tables(strict: bool = False) -> list[Table]:
    """TABLES of every builder module present, in ``BUILDER_MODULES`` order."""
    tables: list[Table] = []
    for mod in BUILDER_MODULES:
        try:
            module = importlib.import_module(f"{__package__}.{mod}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{__package__}.{mod}" or strict:
                raise
            print(f"warning: builder module {mod!r} not present yet; its tables are skipped",
                  file=sys.stderr)
            continue
        tables.extend(module.TABLES)
    names = [t.name for t in tables]
    dups = {n for n in names if names.count(n) > 1}
    if dups:
        raise SystemExit(f"table name(s) defined twice: {sorted(dups)}")
    return tables


# --------------------------------------------------------------------------------------------
# Catalogue
# --------------------------------------------------------------------------------------------

def _fields(table: Table, df: pd.DataFrame) -> list[dict[str, Any]]:
    units = sorted({i["unit"] for i in table.indicators.values()})
    text = {"type": "string"}
    fields: list[dict[str, Any]] = [
        {"name": "region", **text, "constraints": {"required": True}},
        {"name": "region_zh", **text, "constraints": {"required": True}},
        {"name": "year", "type": "integer",
         "constraints": {"required": True, "minimum": int(df["year"].min()),
                         "maximum": int(df["year"].max())}},
        {"name": "indicator", **text,
         "constraints": {"required": True, "enum": list(table.indicators)}},
        {"name": "value", "type": "number"},
        {"name": "unit", **text, "constraints": {"required": True, "enum": units}},
        {"name": "vintage", **text,
         "constraints": {"required": True, "enum": list(table.origin["vintages"])}},
        {"name": "flag", **text},
    ]
    for f in fields:
        f["description"] = FIELD_DOCS[f["name"]]
    return fields + [dict(f) for f in table.extra_fields]


def _sources(origin: dict[str, Any]) -> list[dict[str, str]]:
    out = []
    for o in origin.get("obtained_from", []):
        if "page" in o:
            out.append({"title": o["page"], "path": o["page"]} if o["page"].startswith("http")
                       else {"title": f"web page: {o['page']}"})
        else:
            url = (f"https://github.com/{o['repo']}/blob/{o['commit']}/"
                   f"{urllib.parse.quote(o['path'])}")
            out.append({"title": f"{o['repo']}: {o['path']}", "path": url})
    return out


def resource(table: Table, df: pd.DataFrame, csv_bytes: bytes) -> dict[str, Any]:
    """The Frictionless resource descriptor of one table, with the kit's x_ properties."""
    used_flags = sorted({c for f in df["flag"] for c in f.split(";") if c})
    undeclared = [c for c in used_flags if c not in table.flags]
    if undeclared:
        raise SystemExit(f"{table.name}: flag(s) {undeclared} used but not declared")
    return {
        "name": table.name,
        "path": f"{table.name}.csv",
        "profile": "tabular-data-resource",
        "title": table.title,
        "description": table.description,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "dialect": {"delimiter": ",", "header": True},
        "schema": {"fields": _fields(table, df), "primaryKey": list(PRIMARY_KEY),
                   "missingValues": [""]},
        "sources": _sources(table.origin),
        "licenses": [PACKAGE_LICENSE],
        "stats": {"rows": len(df), "bytes": len(csv_bytes),
                  "sha256": hashlib.sha256(csv_bytes).hexdigest()},
        "x_kind": "table",
        "x_origin": table.origin,
        "x_indicators": table.indicators,
        "x_flags": table.flags,
        "x_checks": table.checks,
        **({"x_zh": table.zh} if table.zh else {}),
    }


def _simple_resource(name: str, path: str, description: str, header: list[str],
                     data: bytes, kind: str) -> dict[str, Any]:
    return {
        "name": name, "path": path, "profile": "tabular-data-resource", "title": name,
        "description": description, "format": "csv", "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": {"fields": [{"name": h, "type": "string"} for h in header],
                   "missingValues": [""]},
        "stats": {"bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()},
        "x_kind": kind,
    }


def indicators_frame(tables: list[Table]) -> pd.DataFrame:
    rows = [{"indicator": code, "table": t.name, "name_en": m["name_en"],
             "name_zh": m["name_zh"], "unit": m["unit"], "description": m["description"],
             "better": m["better"]}
            for t in tables for code, m in t.indicators.items()]
    return pd.DataFrame(rows).sort_values(["table", "indicator"], kind="mergesort")


def readme(tables: list[Table], frames: dict[str, pd.DataFrame]) -> str:
    """Human catalogue generated from the same metadata as datapackage.json."""
    L = ["# data/ — the kit's curated tables", "",
         "Generated by `python -m scripts.build_data` from `../shared/sources`; do not edit by "
         "hand (a test keeps this file, `datapackage.json` and the CSVs in step).", "",
         "Every table is a tidy CSV with the columns " + ", ".join(f"`{c}`" for c in
                                                                   CONTRACT_COLUMNS)
         + " (some add columns after `flag`). The primary key is (region, year, indicator, "
         "vintage). An empty `value` means the source has no figure: nothing is filled or "
         "interpolated. Load tables with `helpers.data.load(name)`, which validates them.", "",
         "## Tables", "", "| table | title | 标题 | rows | years | vintages |",
         "|---|---|---|---|---|---|"]
    for t in tables:
        df = frames[t.name]
        L.append(f"| [`{t.name}`](#{t.name}) | {t.title} | {t.zh.get('title', '')} | {len(df)} | "
                 f"{df['year'].min()}-{df['year'].max()} | {', '.join(t.origin['vintages'])} |")
    L += ["", "## Flags used across tables", ""]
    L += [f"- `{k}`: {v}" for k, v in STANDARD_FLAGS.items()]
    for t in tables:
        df, o = frames[t.name], t.origin
        L += ["", f"## {t.name}", "", f"**{t.title}**", "", t.description, "",
              f"- File: `{t.name}.csv`, {len(df)} rows, years {df['year'].min()}-"
              f"{df['year'].max()}, {df['region'].nunique()} regions, "
              f"{int(df['value'].isna().sum())} missing values.",
              f"- Producer: {o['producer']}", f"- Publication: {o['publication']}"]
        if o.get("table"):
            L.append(f"- Table: {o['table']}")
        L.append("- Vintages:")
        L += [f"  - `{k}`: {v}" for k, v in o["vintages"].items()]
        L.append("- Obtained from:")
        for x in o.get("obtained_from", []):
            L.append(f"  - {x['page']}" if "page" in x else
                     f"  - `{x['repo']}` `{x['path']}` (commit `{x['commit'][:12]}`)")
        L.append(f"- Licence: {o.get('licence_note', '')}")
        L.append(f"- Cite as: {o.get('citation', '')}")
        if o.get("caveats"):
            L += ["", "Caveats:", ""] + [f"- {c}" for c in o["caveats"]]
        L += ["", "| indicator | name | 名称 | unit | better |", "|---|---|---|---|---|"]
        L += [f"| `{c}` | {m['name_en']} | {m['name_zh']} | {m['unit']} | {m['better']} |"
              for c, m in t.indicators.items()]
        if t.flags:
            L += ["", "Flags:", ""] + [f"- `{k}`: {v}" for k, v in t.flags.items()]
        if t.checks:
            L += ["", "Checks on load:", ""]
            for c in t.checks:
                if c["type"] == "sum":
                    L.append(f"- {' + '.join(c['parts'])} = "
                             f"{c.get('total', c.get('total_value'))} within "
                             f"{c.get('abs_tol', 0)}" + (f" + {c['rel_tol']} x total"
                                                         if c.get("rel_tol") else ""))
                else:
                    L.append(f"- {c['part']} <= {c['total']} (+{c.get('abs_tol', 0)})")
        if t.extra_fields:
            L += ["", "Extra columns:", ""]
            L += [f"- `{f['name']}` ({f['type']}): {f.get('description', '')}"
                  for f in t.extra_fields]
    L += ["", "## Other files", "",
          "- `indicators.csv`: every indicator code with its table, names, unit, description "
          "and direction of \"better\".",
          "- `datapackage.json`: the machine-readable catalogue (Frictionless data package).",
          ""]
    return "\n".join(L)


# --------------------------------------------------------------------------------------------
# Build
# --------------------------------------------------------------------------------------------

def build(sources: Path, out: Path, strict: bool = False, aux_dir: Path | None = None
          ) -> list[str]:
    """Build every table into ``out``; return the list of files written."""
    tables = collect_tables(strict)
    out.mkdir(parents=True, exist_ok=True)
    frames: dict[str, pd.DataFrame] = {}
    resources: list[dict[str, Any]] = []
    written: list[str] = []
    tables = [Table(**{**t.__dict__, "origin": resolve_origin(t, sources)}) for t in tables]
    for t in tables:
        df = tidy(t.build(sources), t)
        frames[t.name] = df
        data = to_csv_text(df, t).encode("utf-8")
        (out / f"{t.name}.csv").write_bytes(data)
        written.append(f"{t.name}.csv")
        resources.append(resource(t, df, data))
    ind = indicators_frame(tables).to_csv(index=False, lineterminator="\n").encode("utf-8")
    (out / "indicators.csv").write_bytes(ind)
    written.append("indicators.csv")
    resources.append(_simple_resource(
        "indicators", "indicators.csv", "Every indicator code of the tables: table, names, "
        "unit, plain-language description and direction of 'better'.",
        ["indicator", "table", "name_en", "name_zh", "unit", "description", "better"], ind,
        "metadata"))
    for fname, (name, desc) in AUX_FILES.items():
        src = (aux_dir or out) / fname
        if src.is_file():
            data = src.read_bytes()
            header = data.decode("utf-8").splitlines()[0].split(",")
            resources.append(_simple_resource(name, fname, desc, header, data, "auxiliary"))
    pkg = {
        "name": "hebei-economy-kit-data",
        "title": "Hebei Economy Kit: curated official statistics",
        "description": "Tidy tables of official Chinese statistics on Hebei and its neighbours, "
                       "each with its origin, vintage, units, flags and checks.",
        "profile": "tabular-data-package",
        "licenses": [PACKAGE_LICENSE],
        "x_flags": STANDARD_FLAGS,
        "resources": resources,
    }
    text = json.dumps(pkg, ensure_ascii=False, indent=2) + "\n"
    (out / "datapackage.json").write_text(text, encoding="utf-8", newline="\n")
    (out / "README.md").write_text(readme(tables, frames), encoding="utf-8", newline="\n")
    written += ["datapackage.json", "README.md"]
    # Stale CSVs of tables no longer built would break the catalogue-matches-files test.
    keep = set(written) | set(AUX_FILES)
    for p in sorted(out.glob("*.csv")):
        if p.name not in keep:
            print(f"removing stale {p}", file=sys.stderr)
            p.unlink()
    _verify(out, [t.name for t in tables])
    return written


def _verify(out: Path, names: list[str]) -> None:
    """Load every table back through the kit's validator."""
    sys.path.insert(0, str(KIT_ROOT / "src"))
    from helpers.data import load  # noqa: PLC0415 - after sys.path set-up

    for n in names:
        load(n, data_dir=out)


def check(sources: Path, out: Path, strict: bool) -> int:
    """Rebuild into a temporary folder and compare with ``out``; 0 when identical."""
    with tempfile.TemporaryDirectory() as tmp:
        written = build(sources, Path(tmp), strict, aux_dir=out)
        diffs = [f for f in written
                 if not (out / f).is_file() or not filecmp.cmp(Path(tmp) / f, out / f,
                                                               shallow=False)]
        committed = {p.name for p in out.glob("*.csv")} - set(AUX_FILES)
        extra = sorted(committed - set(written))
    for f in diffs:
        print(f"differs from a fresh build: {out / f}", file=sys.stderr)
    for f in extra:
        print(f"not produced by the build: {out / f}", file=sys.stderr)
    if diffs or extra:
        print("data/ is out of date: run `python -m scripts.build_data`", file=sys.stderr)
        return 1
    print(f"{out}: up to date ({len(written)} files)")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m scripts.build_data", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sources", type=Path, default=DEFAULT_SOURCES)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--allow-missing", action="store_true")
    args = ap.parse_args(argv)
    if not args.sources.is_dir():
        print(f"sources folder not found: {args.sources}", file=sys.stderr)
        return 2
    if args.check:
        return check(args.sources, args.out, not args.allow_missing)
    written = build(args.sources, args.out, not args.allow_missing)
    print(f"wrote {len(written)} files to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

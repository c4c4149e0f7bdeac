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
            (vintage code -> Chinese description); the builders of ``BUILDER_MODULES`` also
            give ``licence`` (the licence note) and ``flags`` (flag code -> meaning) and set it
            with :func:`with_zh`, which checks it against the English. Empty until translated.
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


# --------------------------------------------------------------------------------------------
# Chinese metadata (Table.zh)
# --------------------------------------------------------------------------------------------

#: Keys every ``Table.zh`` holds (see ``Table``); ``licence`` and ``flags`` are the Chinese
#: ``origin["licence_note"]`` and ``flags`` (code -> meaning), so that ``helpers.data.source``
#: can print a table's whole origin in Chinese.
ZH_KEYS: tuple[str, ...] = ("title", "description", "producer", "publication", "table",
                            "citation", "caveats", "vintages", "licence", "flags")

#: Chinese strings shared by several tables' ``Table.zh`` (producers, publications, licence
#: notes, the meaning of the standard flags), written once here.
ZH: dict[str, str] = {
    # producers
    "nbs": "国家统计局",
    "most": "科学技术部",
    "mof": "财政部",
    "miit": "工业和信息化部",
    "hebei_bureau": "河北省统计局",
    "shandong_bureau": "山东省统计局",
    "compiled_by_seller": "（由商业数据卖家汇编）",
    # publications
    "nbs_db": "国家统计局国家数据库（`data.stats.gov.cn`）“分省年度数据”",
    "csy": "《中国统计年鉴》",
    "csyst": "《中国科技统计年鉴》",
    "st_bulletin": "《全国科技经费投入统计公报》",
    "moyan": "商业数据汇编《2000-2023全国330个地级市第一二三产业增加值》（淘宝店铺“莫言小店”）",
    "pku_dfiic": "北京大学数字普惠金融指数",
    # licence notes (``origin["licence_note"]``)
    "licence_nbs": "国家统计局发布的官方统计数据（`data.stats.gov.cn`）；数字属于事实，"
                   "注明出处后转载。本工具包的汇编和元数据与工具包一样采用MIT许可。",
    "licence_compilation": "数字原由统计机构发布（统计年鉴、统计公报）；"
                           "此份为公开仓库中的第三方汇编，注明出处后用于教学；"
                           "引用某个数字前请核对官方出版物。",
    "licence_via_repo": "官方统计数据（事实，注明生产者后转载），取自公开的GitHub仓库；"
                        "该仓库的许可只涵盖其代码，不涵盖官方数字。"
                        "本工具包的汇编和元数据与工具包一样采用MIT许可。",
    "licence_unlicensed_repo": "数字由一个未声明许可的公开GitHub仓库的作者据官方出版物汇编；"
                               "本工具包注明出处并致谢该仓库后转载这些数字（事实）。"
                               "本工具包的汇编和元数据与工具包一样采用MIT许可。",
    "licence_pages": "统计机构和政府部门发布的数字（事实），引自转载这些数字的网页，"
                     "注明出处后转载。本工具包的汇编和元数据与工具包一样采用MIT许可。",
    "licence_pku": "北京大学数字普惠金融指数由北京大学发布，注明引用即可用于研究；"
                   "此处注明出处后转载。",
    # the standard flags (``STANDARD_FLAGS``)
    "flag_derived": "由数据来源的汇编者（或本工具包，见该表的注意事项）根据其他已发布的数字计算，"
                    "本身未经发布",
    "flag_series_break": "序列的口径或基础自该年起改变：与此前各年比较水平时须谨慎",
    "flag_suspicious": "来源说明指出该数值存疑（例如不满足恒等式或跳变不合理）；按公布值保留",
    "flag_preliminary": "初步数，生产者后来作了修订",
    "flag_estimated_by_source": "生产者本身标明该数字为估计数",
    # flags several tables share
    "flag_low_trust": "数据采集者将该点的来源评为低或中低可信度（单一非官方网页、"
                      "经过取整或未经核实）；见 `trust` 和 `note` 列",
    "flag_release_change": "自该年起数值为全精度，可能来自比此前各年更晚发布的指数版本："
                           "跨越此界限比较变化时须谨慎",
    # sentences several tables share
    "row_china": "31个省（区、市）另加全国行（地区为“China”，即全国）。",
    "current_prices": "按当年价格计算。",
    "no_national_row": "31个省（区、市），没有全国行（全国数字须将各省相加）。",
    "st_yearbook_vintage": "《中国科技统计年鉴》（国家统计局、科学技术部编）分地区表；"
                           "数值属于数据年份（年鉴版次晚一年）。",
    "nbs_api_vintage": "国家统计局数据库新接口提供的数据，2026年抓取",
}


def zh_flags(codes: Iterable[str], **own: str) -> dict[str, str]:
    """Chinese meaning of each flag code (in the table's order): a code's own meaning from
    ``own``, else the shared one in ``ZH`` (``flag_<code>``); fails on a code left untranslated."""
    out: dict[str, str] = {}
    for code in codes:
        text = own.get(code, ZH.get(f"flag_{code}"))
        if text is None:
            raise BuildError(f"flag {code!r} has no Chinese meaning")
        out[code] = text
    return out


def with_zh(tables: list[Table], meta: dict[str, dict[str, Any]]) -> list[Table]:
    """``tables`` with ``Table.zh`` set from ``meta`` (table name -> Chinese metadata).

    Fails (``BuildError``) when a table has no Chinese metadata or ``meta`` names an unknown
    table, when a key of ``ZH_KEYS`` is missing, when the caveats are not one per English
    caveat, or when the vintage or flag codes differ from the English ones.
    """
    names = {t.name for t in tables}
    if set(meta) - names:
        raise BuildError(f"Chinese metadata for unknown table(s) {sorted(set(meta) - names)}")
    out = []
    for t in tables:
        zh = meta.get(t.name)
        if zh is None:
            raise BuildError(f"{t.name}: no Chinese metadata (Table.zh)")
        missing = [k for k in ZH_KEYS if k not in zh]
        if missing:
            raise BuildError(f"{t.name}: Chinese metadata lacks {missing}")
        if len(zh["caveats"]) != len(t.origin.get("caveats", [])):
            raise BuildError(f"{t.name}: {len(zh['caveats'])} Chinese caveats for "
                             f"{len(t.origin.get('caveats', []))} English ones")
        if list(zh["vintages"]) != list(t.origin["vintages"]):
            raise BuildError(f"{t.name}: Chinese vintages {list(zh['vintages'])} differ from "
                             f"{list(t.origin['vintages'])}")
        if list(zh["flags"]) != list(t.flags):
            raise BuildError(f"{t.name}: Chinese flags {list(zh['flags'])} differ from "
                             f"{list(t.flags)}")
        out.append(Table(**{**t.__dict__, "zh": {k: zh[k] for k in ZH_KEYS}}))
    return out

"""The Chinese texts of the claims registry: what is missing or stale, and how to add it.

``src/helpers/catalogue/claims_text.csv`` (columns ``key,en,zh``) holds, for every claim ``c``
of :data:`helpers.claims.CLAIMS`, the rows ``claimtext_<c.id>`` (en = ``c.text``),
``claimdef_<c.id>`` (``c.definition``) and ``claimyears_<c.id>`` (``c.years``); one
``claimsec_<slug>`` per distinct section, one ``claimunit_<slug>`` per distinct non-empty unit
and one ``claimdoc_<code>`` per document of :data:`helpers.claims.DOCUMENTS` (en = its short
citation). A row is *stale* when its ``en`` is no longer the registry's text: its Chinese
translates words the registry no longer has.

Usage (from the repository root)::

    python -m scripts.claims_text_todo > todo.csv       # rows to translate (exit 1 if any)
    # fill the zh column of todo.csv (a stale row shows its old zh), then:
    python -m scripts.claims_text_todo --merge todo.csv  # add them to the catalogue
    python -m scripts.claims_text_todo --prune           # drop rows no claim uses any more

The catalogue is written sorted by key, UTF-8 without BOM, by the csv module with ``\\n`` line
ends. ``--merge`` refuses a row whose key the registry does not use, whose ``en`` is not the
registry's current text, or whose ``zh`` is empty (the message names the key).
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from helpers.claims import CLAIMS, DOCUMENTS, Claim, _slug

#: The catalogue file this script maintains.
CATALOGUE = Path(__file__).resolve().parents[1] / "src/helpers/catalogue/claims_text.csv"
COLUMNS = ("key", "en", "zh")


@dataclass(frozen=True)
class Todo:
    """One row to translate: ``status`` is ``"missing"`` or ``"stale"``; ``zh`` the old text."""

    key: str
    en: str
    zh: str
    status: str


def expected_rows(claims: Iterable[Claim],
                  documents: Mapping[str, tuple[str, str]]) -> dict[str, str]:
    """key -> English text that the catalogue must hold for ``claims`` and ``documents``.

    Three rows per claim (text, definition, years), one per distinct section, one per distinct
    non-empty unit (keys ``claimsec_``/``claimunit_`` + :func:`helpers.claims._slug`), one per
    document (``claimdoc_<code>``, the short citation).
    """
    rows: dict[str, str] = {}
    for c in claims:
        rows["claimtext_" + c.id] = c.text
        rows["claimdef_" + c.id] = c.definition
        rows["claimyears_" + c.id] = c.years
        rows["claimsec_" + _slug(c.section)] = c.section
        if c.unit:
            rows["claimunit_" + _slug(c.unit)] = c.unit
    for code, (_file, citation) in documents.items():
        rows["claimdoc_" + code] = citation
    return rows


def read_catalogue(path: Path) -> dict[str, dict[str, str]]:
    """The catalogue's rows, key -> {"en", "zh"} (empty if the file does not exist yet)."""
    if not path.is_file():
        return {}
    rows = csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"), newline=""))
    return {r["key"]: {"en": r["en"], "zh": r["zh"]} for r in rows}


def todo(expected: Mapping[str, str], current: Mapping[str, Mapping[str, str]]) -> list[Todo]:
    """Rows whose key is missing from ``current`` or whose ``en`` differs from ``expected``,
    sorted by key; a stale row carries its old ``zh`` so that it can be edited, not retyped."""
    out = []
    for key in sorted(expected):
        row = current.get(key)
        if row is None:
            out.append(Todo(key, expected[key], "", "missing"))
        elif row["en"] != expected[key]:
            out.append(Todo(key, expected[key], row["zh"], "stale"))
    return out


def unused(expected: Mapping[str, str], current: Mapping[str, object]) -> list[str]:
    """Keys of ``current`` that no claim, section, unit or document uses, sorted."""
    return sorted(set(current) - set(expected))


def merge(current: Mapping[str, Mapping[str, str]], finished: Iterable[Mapping[str, str]],
          expected: Mapping[str, str]) -> dict[str, dict[str, str]]:
    """``current`` with the ``finished`` rows (key, en, zh) added or replacing their key.

    Raises:
        ValueError: naming the key of a row that no claim uses, whose ``en`` is not the
            registry's current text, or whose ``zh`` is empty.
    """
    out = {k: dict(v) for k, v in current.items()}
    for row in finished:
        key, en, zh = row["key"], row["en"], row["zh"].strip()
        if key not in expected:
            raise ValueError(f"{key}: no claim, section, unit or document uses this key")
        if en != expected[key]:
            raise ValueError(f"{key}: en is not the registry's current text {expected[key]!r}")
        if not zh:
            raise ValueError(f"{key}: zh is empty")
        out[key] = {"en": en, "zh": zh}
    return out


def catalogue_text(rows: Mapping[str, Mapping[str, str]]) -> str:
    """The catalogue file's text: header ``key,en,zh`` and rows sorted by key, ``\\n`` ends."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(COLUMNS)
    for key in sorted(rows):
        writer.writerow((key, rows[key]["en"], rows[key]["zh"]))
    return buf.getvalue()


def _todo_text(items: Iterable[Todo]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(COLUMNS)
    for item in items:
        writer.writerow((item.key, item.en, item.zh))
    return buf.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--merge", type=Path, metavar="FILE",
                        help="CSV (key,en,zh) of finished rows to add to the catalogue")
    parser.add_argument("--prune", action="store_true",
                        help="drop the catalogue's rows that no claim uses any more")
    parser.add_argument("--catalogue", type=Path, default=CATALOGUE, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    expected = expected_rows(CLAIMS, DOCUMENTS)
    current = read_catalogue(args.catalogue)
    if args.merge or args.prune:
        rows = current
        if args.merge:
            text = args.merge.read_text(encoding="utf-8")
            rows = merge(rows, csv.DictReader(io.StringIO(text, newline="")), expected)
        if args.prune:
            rows = {k: v for k, v in rows.items() if k in expected}
        args.catalogue.write_text(catalogue_text(rows), encoding="utf-8", newline="")
        current = rows

    items = todo(expected, current)
    orphans = unused(expected, current)
    if not (args.merge or args.prune):
        sys.stdout.write(_todo_text(items))
    for item in items:
        print(f"{item.status}: {item.key}", file=sys.stderr)
    for key in orphans:
        print(f"unused (drop with --prune): {key}", file=sys.stderr)
    print(f"{len(expected)} rows expected, {len(items)} to translate, {len(orphans)} unused",
          file=sys.stderr)
    return 1 if items or orphans else 0


if __name__ == "__main__":
    raise SystemExit(main())

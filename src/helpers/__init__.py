"""Helpers for the Hebei Economy Kit.

One module per concern: ``data`` (loading and provenance), ``regions`` (region groups),
``structure`` (industrial-structure indices), ``inequality``, ``composite`` (entropy index,
coupling coordination), ``plots``, ``widgets``, ``params`` (papermill parameters), ``rerun``
(papermill sweeps), ``exercises`` and ``i18n`` (glossary).
"""

from __future__ import annotations

from pathlib import Path

__version__ = "0.1.0"

#: Root of the kit (the folder holding ``data/`` and ``notebooks/``).
KIT_ROOT: Path = Path(__file__).resolve().parents[2]
#: The kit's curated data folder; the only data the kit reads at run time.
DATA_DIR: Path = KIT_ROOT / "data"
NOTEBOOKS_DIR: Path = KIT_ROOT / "notebooks"

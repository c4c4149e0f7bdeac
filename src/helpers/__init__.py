"""Helpers for the Hebei Economy Kit: what the lessons compute, draw and say.

One module per concern:

* data and text: ``data`` (loading, validation, provenance), ``i18n`` (the bilingual
  catalogue: ``glossary.csv`` + ``catalogue/*.csv``), ``regions`` (region names and groups),
  ``course`` (lesson 00's course map);
* measures: ``structure`` (industrial-structure indices), ``inequality``, ``composite``
  (entropy index, coupling coordination), ``digital`` (lesson 04's digital economy index),
  ``claims`` (the seeds' statements checked on the data), and the modules the lessons' own
  computations moved into (see each lesson's imports);
* figures and widgets: ``plots`` (charts and theme), ``fonts`` (the CJK font), ``render``
  (the fast PNG renderer), ``widgets`` (the one way to build an explorer panel);
* running a lesson: ``lesson`` (``start_lesson``), ``params`` (papermill parameters and
  presets), ``exercises`` (self-checks), ``rerun`` (papermill sweeps), ``present`` (Voila).

``tests/test_skeleton.py`` checks that every module named here exists.
"""

from __future__ import annotations

from pathlib import Path

__version__ = "0.1.0"

#: Root of the kit (the folder holding ``data/`` and ``notebooks/``).
KIT_ROOT: Path = Path(__file__).resolve().parents[2]
#: The kit's curated data folder; the only data the kit reads at run time.
DATA_DIR: Path = KIT_ROOT / "data"
NOTEBOOKS_DIR: Path = KIT_ROOT / "notebooks"

"""Build the kit's curated ``data/`` folder from the official sources in ``../shared/sources``.

Each builder module (``structure``, ``innovation``, ``digital``, ``environment``, ``seeds``)
exposes ``TABLES: list[common.Table]``; ``__main__`` collects them, writes one tidy CSV per
table, ``indicators.csv``, ``datapackage.json`` and ``README.md``. Run::

    python -m scripts.build_data [--sources PATH] [--out PATH] [--check]
"""

"""Maintainer scripts of the Hebei Economy Kit (not used at run time)."""

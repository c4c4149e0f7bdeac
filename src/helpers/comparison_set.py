"""Which regions a lesson draws beside its own: the comparison set, and the rule that it holds
at least one other region.

``comparison_regions=None`` means the other Bohai Rim provinces (``helpers.regions.bohai_rim``);
a list given by the user is kept in its order, without the lesson's own region (which is drawn
once, highlighted).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from helpers.params import rule
from helpers.regions import bohai_rim

__all__ = ["comparison_set", "holds_another_region"]


def comparison_set(region: str, chosen: Sequence[str] | None) -> list[str]:
    """The regions drawn beside ``region``: ``chosen`` without ``region``, or (``None``) the
    other Bohai Rim provinces."""
    pool = bohai_rim("provinces") if chosen is None else list(chosen)
    return [r for r in pool if r != region]


def holds_another_region(choices: Sequence[str], regions: str = "comparison_regions",
                         region: str = "region") -> Callable[[Mapping[str, Any]], str | None]:
    """Parameter rule: the list ``regions`` (if given) names a region other than ``region``."""
    def test(v: Mapping[str, Any]) -> str | None:
        if v[regions] is None or comparison_set(v[region], v[regions]):
            return None
        return (f"{regions} = {v[regions]!r} holds no province other than {region} = "
                f"{v[region]!r}; give at least one other of: {', '.join(choices)}.")

    return rule((regions, region), test, "holds_another_region")

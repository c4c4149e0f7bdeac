"""helpers.comparison_set: the regions drawn beside a lesson's region and its parameter rule."""

from __future__ import annotations

import pytest

from helpers.comparison_set import comparison_set, holds_another_region
from helpers.params import Param, ParameterError, ParamSpec, check_params
from helpers.regions import bohai_rim


def test_default_is_the_other_bohai_provinces():
    assert comparison_set("Hebei", None) == [r for r in bohai_rim("provinces") if r != "Hebei"]
    assert comparison_set("Tibet", None) == bohai_rim("provinces")
    assert comparison_set("Hebei", ["Tianjin", "Hebei", "Jiangsu"]) == ["Tianjin", "Jiangsu"]


def test_rule_names_both_parameters():
    rule = holds_another_region(["Hebei", "Tianjin"])
    assert rule({"region": "Hebei", "comparison_regions": None}) is None
    assert rule({"region": "Hebei", "comparison_regions": ["Tianjin"]}) is None
    msg = rule({"region": "Hebei", "comparison_regions": ["Hebei"]})
    assert "comparison_regions" in msg and "region = 'Hebei'" in msg and "Tianjin" in msg
    spec = ParamSpec(region=Param(str), comparison_regions=Param(list[str], optional=True),
                     checks=[rule])
    with pytest.raises(ParameterError, match="comparison_regions"):
        check_params({"region": "Hebei", "comparison_regions": ["Hebei"]}, spec)

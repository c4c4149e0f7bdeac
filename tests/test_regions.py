"""Tests for helpers.regions: the region table, groupings, name lookups and validation."""

from __future__ import annotations

import csv

import pytest

from helpers import KIT_ROOT, regions
from helpers.regions import (
    BOHAI_RIM_PROVINCES,
    GROUPINGS,
    HEBEI_CITIES,
    HEBEI_COASTAL_CITIES,
    PROVINCES,
    bohai_rim,
    cities,
    en,
    group_of,
    groups,
    validate_regions,
    zh,
)

SOURCES = KIT_ROOT.parent / "shared" / "sources" / "structure"
needs_shared = pytest.mark.skipif(not SOURCES.is_dir(), reason="../shared/sources absent")

HEBEI_11 = [
    "Shijiazhuang", "Tangshan", "Qinhuangdao", "Handan", "Xingtai", "Baoding",
    "Zhangjiakou", "Chengde", "Cangzhou", "Langfang", "Hengshui",
]  # fmt: skip


def test_hebei_cities_and_coast():
    assert list(HEBEI_CITIES) == HEBEI_11  # the contract's list, in admin-code order
    assert sorted(HEBEI_COASTAL_CITIES) == ["Cangzhou", "Qinhuangdao", "Tangshan"]
    assert cities("Hebei") == HEBEI_11
    assert len(cities("Liaoning")) == 14
    assert len(cities("Shandong")) == 16
    assert "Laiwu" in cities("Shandong", include_abolished=True)


def test_provinces():
    assert len(PROVINCES) == 31 and len(set(PROVINCES)) == 31
    assert PROVINCES[:3] == ("Beijing", "Tianjin", "Hebei")
    assert {"Inner Mongolia", "Tibet", "Xinjiang", "Shaanxi", "Shanxi"} <= set(PROVINCES)
    assert list(BOHAI_RIM_PROVINCES) == ["Beijing", "Tianjin", "Hebei", "Liaoning", "Shandong"]


@pytest.mark.parametrize("grouping", ["coastal", "north_central_south", "functional_zone"])
def test_hebei_groupings_partition_the_11_cities(grouping):
    g = groups(grouping)
    members = [c for cs in g.values() for c in cs]
    assert sorted(members) == sorted(HEBEI_11)  # every city ...
    assert len(members) == len(set(members))  # ... exactly once
    assert all(g.values())  # no empty group
    for group, cs in g.items():
        for c in cs:
            assert group_of(c, grouping) == group
        assert group in regions.GROUP_LABELS_ZH


def test_named_groups():
    assert groups("coastal")["coastal"] == ["Tangshan", "Qinhuangdao", "Cangzhou"]
    assert len(groups("coastal")["inland"]) == 8
    ncs = groups("north_central_south")
    assert list(ncs) == ["north", "central", "south"]
    assert sorted(ncs["south"]) == ["Handan", "Xingtai"]
    assert sorted(ncs["north"]) == ["Chengde", "Qinhuangdao", "Tangshan", "Zhangjiakou"]
    zones = groups("functional_zone")
    assert sorted(zones["eastern_coastal"]) == sorted(groups("coastal")["coastal"])
    assert sorted(zones["northwestern_ecological"]) == ["Chengde", "Zhangjiakou"]
    assert group_of("tangshan") == "coastal"  # case-insensitive
    assert group_of("Hebei", "bohai_rim") == "bohai_rim"
    assert group_of("Jiangsu", "bohai_rim") == "other"
    assert set(GROUPINGS) == {"coastal", "north_central_south", "functional_zone", "bohai_rim"}


def test_group_of_errors():
    with pytest.raises(ValueError, match="Allowed values"):
        group_of("Beijing", "coastal")
    with pytest.raises(ValueError, match="did you mean 'coastal'"):
        groups("costal")


def test_bohai_rim_definitions():
    coastal = bohai_rim("coastal")
    assert coastal[:2] == ["Beijing", "Tianjin"]
    assert len(coastal) == 2 + 13  # seed 004: two municipalities + 13 prefecture cities
    assert {"Tangshan", "Qinhuangdao", "Cangzhou", "Dalian", "Dandong", "Yantai"} <= set(coastal)
    assert not {"Qingdao", "Weihai", "Rizhao", "Shenyang", "Jinan"} & set(coastal)
    shore = bohai_rim("bohai_shore")
    assert "Beijing" not in shore and "Dandong" not in shore and len(shore) == 13
    assert set(shore) - {"Tianjin"} <= set(coastal)
    wide = bohai_rim("coastal_all")
    assert len(wide) == 2 + 16 and set(coastal) <= set(wide)
    assert bohai_rim() == list(BOHAI_RIM_PROVINCES)
    with pytest.raises(ValueError, match="Bohai Rim definition"):
        bohai_rim("coast")


def test_zh_en_round_trip():
    for name in (*PROVINCES, *HEBEI_CITIES, *cities("Liaoning"), *cities("Shandong"), "China"):
        assert en(zh(name)) == name
        assert en(zh(name, short=True)) == name
    assert zh("Hebei") == "河北省" and zh("Hebei", short=True) == "河北"
    assert zh("Shijiazhuang") == "石家庄市"
    assert zh("inner mongolia") == "内蒙古自治区" and zh("Inner Mongolia", short=True) == "内蒙古"
    assert en("河北") == en("河北省") == "Hebei"
    assert en("北京") == "Beijing" and en("新疆") == "Xinjiang" and en(" 唐山市 ") == "Tangshan"
    assert en("全国") == en("中国") == "China"


def test_lookup_errors_suggest_close_matches():
    with pytest.raises(ValueError, match="did you mean 'Hebei'"):
        zh("Hebie")
    with pytest.raises(ValueError, match="Chinese region name"):
        en("河北道")


def test_validate_regions_message():
    assert validate_regions(["Hebei", "Beijing"], PROVINCES) == ["Hebei", "Beijing"]
    assert validate_regions("Hebei", PROVINCES) == ["Hebei"]
    with pytest.raises(ValueError) as err:
        validate_regions(["Hebie", "Beijing", "Atlantis"], PROVINCES)
    msg = str(err.value)
    assert "'Hebie' (did you mean 'Hebei'" in msg
    assert "'Atlantis'" in msg and "'Beijing'" not in msg.split("Allowed")[0]
    allowed = msg.split("Allowed values: ")[1]
    assert allowed.split(", ") == list(PROVINCES)  # lists every allowed value
    # case mismatch is an error, but the suggestion shows the right spelling
    with pytest.raises(ValueError, match="did you mean 'Hebei'"):
        validate_regions("hebei", PROVINCES)


def test_validate_regions_general_use():
    # papermill may inject an int or a misspelt indicator code; empty lists are refused
    with pytest.raises(ValueError, match=r"130100 \(of type int"):
        validate_regions([130100], HEBEI_CITIES, what="city")
    with pytest.raises(ValueError, match="Unknown indicator: 'gdp_per_capta'"):
        validate_regions("gdp_per_capta", ["gdp", "gdp_per_capita"], what="indicator")
    with pytest.raises(ValueError, match="No region given"):
        validate_regions([], PROVINCES)
    assert validate_regions([], PROVINCES, allow_empty=True) == []


def test_table_is_consistent():
    t = regions.table()
    assert t["region"].is_unique
    assert t["region_zh"].is_unique and t["region_zh_short"].is_unique
    assert (t["level"] == "province").sum() == 31
    assert set(t["level"]) == {"country", "province", "city"}
    cities_ = t[t["level"] == "city"]
    assert cities_["region_zh"].str.endswith("市").all()
    assert set(cities_["coastal"]) == {"True", "False"}


@needs_shared
def test_names_match_the_sources():
    with (SOURCES / "province_gdp_structure_nbs_2016_2024.csv").open(encoding="utf-8") as f:
        nbs = {(r["region"], r["region_zh"]) for r in csv.DictReader(f)}
    assert nbs == {(p, zh(p)) for p in PROVINCES}
    with (SOURCES / "bohai_city_census_population_2010_2020.csv").open(encoding="utf-8") as f:
        census = list(csv.DictReader(f))
    t = regions.table().set_index("region")
    for r in census:
        if r["province"] in ("Beijing", "Tianjin"):
            assert r["city"] == r["province"]
            assert t.loc[r["city"], "coastal"] == r["coastal_city"]
            continue
        row = t.loc[r["city"]]
        assert row["region_zh"] == r["city_zh"]
        assert row["admin_code"] == r["city_code"]
        assert row["province"] == r["province"]
        assert row["coastal"] == r["coastal_city"]  # the coastal flag follows the census file
    with (SOURCES / "shandong_city_gdp_structure_yearbook_2012_2022.csv").open(
        encoding="utf-8"
    ) as f:
        shandong = {
            (r["city"], r["coastal_bohai_or_yellow_sea"])
            for r in csv.DictReader(f)
            if "province" not in r["city"]
        }
    for city, flag in shandong:
        assert t.loc[city, "coastal"] == flag
        assert t.loc[city, "province"] == "Shandong"

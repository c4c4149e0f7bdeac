"""Tests for helpers.i18n and the glossary (src/helpers/glossary.csv)."""

from __future__ import annotations

import csv
import re
from importlib import resources

import pytest

from helpers import i18n
from helpers.i18n import LANGS, UnknownTermError, t, validate_lang

# The 31 provinces as the contract spells them.
PROVINCES = (
    "Beijing Tianjin Hebei Shanxi|Inner Mongolia|Liaoning Jilin Heilongjiang Shanghai Jiangsu "
    "Zhejiang Anhui Fujian Jiangxi Shandong Henan Hubei Hunan Guangdong Guangxi Hainan Chongqing "
    "Sichuan Guizhou Yunnan Tibet Shaanxi Gansu Qinghai Ningxia Xinjiang"
)
PROVINCES = [p for chunk in PROVINCES.split("|") for p in
             ([chunk] if chunk == "Inner Mongolia" else chunk.split())]
CITIES = ["Shijiazhuang", "Tangshan", "Qinhuangdao", "Handan", "Xingtai", "Baoding",
          "Zhangjiakou", "Chengde", "Cangzhou", "Langfang", "Hengshui"]
HAN = re.compile(r"[\u4e00-\u9fff]")


def _rows() -> list[dict[str, str]]:
    text = resources.files("helpers").joinpath("glossary.csv").read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


def test_provinces_list_is_complete():
    assert len(PROVINCES) == 31 and "Inner Mongolia" in PROVINCES


def test_chinese_and_english_labels():
    assert t("secondary_industry", "zh") == "第二产业"
    assert t("secondary_industry", "en") == "Secondary industry"
    assert t("secondary_industry") == "Secondary industry"
    assert t("coupling_coordination", "zh") == "耦合协调度"
    assert i18n.region_label("Hebei", "zh") == "河北"
    assert i18n.region_label("Inner Mongolia", "zh") == "内蒙古"
    assert i18n.region_label("Atlantis", "zh") == "Atlantis"  # unknown names pass through
    assert i18n.unit_label("100 million yuan", "zh") == "亿元"


def test_templates_are_filled():
    assert t("index_label", "zh", year=2016) == "指数（2016年=100）"
    assert t("index_label", "en", year=2016) == "Index (2016 = 100)"
    with pytest.raises(KeyError, match="year"):
        t("index_label", "en", yr=2016)


def test_unknown_term_names_term_and_close_matches():
    with pytest.raises(UnknownTermError) as info:
        t("secondry_industry", "zh")
    msg = str(info.value)
    assert "'secondry_industry'" in msg
    assert "secondary_industry" in msg
    assert "glossary.csv" in msg
    assert isinstance(info.value, KeyError)


def test_unknown_term_suggests_from_labels():
    with pytest.raises(UnknownTermError, match="value_added"):
        t("Value Added")


@pytest.mark.parametrize("raw, code", [("en", "en"), ("ZH", "zh"), (" zh-CN ", "zh"),
                                       ("zh_CN", "zh"), ("English", "en")])
def test_validate_lang_accepts_aliases(raw, code):
    assert validate_lang(raw) == code


@pytest.mark.parametrize("bad", ["fr", "", None, 1, "zh-TW-x"])
def test_validate_lang_rejects_with_allowed_values(bad):
    with pytest.raises(ValueError) as info:
        validate_lang(bad)
    assert "'en'" in str(info.value) and "'zh'" in str(info.value)
    assert repr(bad) in str(info.value)
    if bad is None:  # t(term, None) means "this run's language" (helpers.i18n.set_language)
        assert t("gdp", None) == t("gdp", i18n.get_language())
        return
    with pytest.raises(ValueError):
        t("gdp", bad)


def test_langs():
    assert LANGS == ("en", "zh")


def test_glossary_rows_are_complete_and_unique():
    rows = _rows()
    assert list(rows[0]) == ["term", "en", "zh", "definition_en", "definition_zh"]
    terms = [r["term"] for r in rows]
    assert len(terms) == len(set(terms))
    assert terms == sorted(terms)
    for r in rows:
        for col in ("en", "zh", "definition_en", "definition_zh"):
            assert r[col].strip(), f"{r['term']}: empty {col}"
        assert re.fullmatch(r"[a-z0-9_]+", r["term"]), r["term"]


def test_chinese_columns_hold_chinese():
    for r in _rows():
        if r["term"].startswith("unit_") or r["term"] in {"percent"}:
            continue
        assert HAN.search(r["zh"]), f"{r['term']}: zh label has no Chinese: {r['zh']!r}"
        assert HAN.search(r["definition_zh"]), f"{r['term']}: zh definition has no Chinese"


def test_templates_have_same_placeholders_in_both_languages():
    for r in _rows():
        en, zh = (set(re.findall(r"{(\w+)}", r[c])) for c in ("en", "zh"))
        assert en == zh, f"{r['term']}: en {en} vs zh {zh}"


REQUIRED = [
    "three_sectors", "primary_industry", "secondary_industry", "tertiary_industry",
    "value_added", "gdp", "gdp_per_capita", "share", "index", "rationalization",
    "upgrading", "advancement", "coupling_coordination", "entropy_weight",
    "digital_economy_index", "bohai_rim", "coastal", "inland", "region", "indicator",
    "year_range", "level", "source", "missing_value", "series_break", "show_data",
    "msg_no_regions", "msg_empty_years", "msg_no_cjk_font",
    # helpers.claims table labels and verdicts, notebook 02, FigurePanel breaks
    "claims_id", "claims_document", "claims_section", "claims_claim", "claims_definition",
    "claims_years", "claims_stated", "claims_computed", "claims_verdict", "claims_reason",
    "claims_supported", "claims_not_supported", "claims_cannot_be_checked_with_the_kits_data",
    "theil_rationalization", "advancement_ratio", "advancement_angle", "rd_intensity",
    "rd_personnel_per_10k", "patents_per_10k", "tech_market_turnover",
    "tech_market_turnover_pct_gdp", "fiscal_edu_st_share", "emp_basis_break", "alt_break",
]


@pytest.mark.parametrize("term", REQUIRED)
def test_required_terms_exist(term):
    assert i18n.has_term(term)


def test_every_region_has_a_chinese_name():
    for name in PROVINCES + CITIES + ["China"]:
        zh = i18n.region_label(name, "zh")
        assert HAN.search(zh), f"{name} has no Chinese label"


def test_definitions_and_glossary_table():
    assert "TL" in i18n.define("rationalization")
    assert "泰尔" in i18n.define("rationalization", "zh") or "Σ" in i18n.define(
        "rationalization", "zh")
    zh = i18n.glossary("zh")
    assert list(zh.columns) == ["term", "zh", "definition_zh"]
    assert "secondary_industry" in set(zh["term"])
    assert not zh["term"].str.startswith(("msg_", "region_", "unit_", "alt_", "claims_")).any()
    assert "rd_intensity" in set(zh["term"])
    assert len(i18n.glossary(kind="all")) == len(_rows())
    with pytest.raises(ValueError, match="kind"):
        i18n.glossary(kind="everything")


def test_label_falls_back_to_code_and_join():
    assert i18n.label("not_a_code_xyz", "zh") == "not_a_code_xyz"
    assert i18n.label("va_secondary", "zh") == "第二产业增加值"
    assert i18n.join(["a", "b"], "zh") == "a、b"
    assert i18n.join(["a", "b"], "en") == "a, b"


def test_claims_verdict_labels_match_the_registry():
    from helpers import claims

    # every verdict of helpers.claims has a glossary label (claims_<verdict>) in both languages
    for verdict in claims.VERDICTS:
        key = "claims_" + verdict.replace(" ", "_").replace("'", "")
        assert t(key, "en") == verdict
        assert HAN.search(t(key, "zh"))
    assert t("claims_cannot_be_checked_with_the_kits_data", "zh") == "无法用本工具包数据核验"
    assert t("rd_intensity", "zh").startswith("研发投入强度")
    assert t("alt_break", "en", before=2019, after=2020, note="x").startswith(
        "Series break between 2019 and 2020 (x)")


def test_run_language_is_one_state_for_labels_and_exercises():
    from helpers import exercises

    try:
        i18n.set_language("zh-CN")
        assert i18n.get_language() == "zh"
        assert t("secondary_industry") == "第二产业"
        exercises.set_language("en")
        assert t("secondary_industry") == "Secondary industry"
    finally:
        i18n.set_language("en")


def test_catalogue_keys_are_unique_across_files_and_msg_renders_in_each_language():
    files = i18n.catalogue_files()
    assert files[0] == "glossary.csv" and "catalogue/exercises.csv" in files
    seen: dict[str, str] = {}
    for name in files:
        text = resources.files("helpers").joinpath(name).read_text(encoding="utf-8")
        for row in csv.DictReader(text.splitlines()):
            key = row.get("term") or row["key"]
            assert key not in seen, f"{key} in {seen.get(key)} and {name}"
            seen[key] = name
            assert row["en"].strip() and row["zh"].strip(), f"{name}: {key} lacks a language"
            en, zh = (set(re.findall(r"{(\w+)", row[c])) for c in ("en", "zh"))
            assert en == zh, f"{name}: {key}: placeholders en {en} vs zh {zh}"
    m = i18n.Msg("ex_list_missing", n=2)
    assert m.render("en") == "2 item(s) missing." and m.render("zh") == "还缺 2 项。"
    assert t("ex_hint", "zh", hint=i18n.name_of("Hebei")) == "提示：河北"
    with pytest.raises(UnknownTermError):
        i18n.Msg("no_such_key_anywhere")

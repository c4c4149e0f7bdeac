"""The data catalogue and source citations in Chinese (issue 17): every table carries Chinese
metadata (``x_zh`` in ``data/datapackage.json``, from ``Table.zh``), and ``helpers.data``'s
``catalogue``, ``cite`` and ``source`` speak the run's language; English output is unchanged."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

from helpers import DATA_DIR, i18n
from helpers.course import data_table
from helpers.data import DataError, catalogue, cite, source, tables
from helpers.edition import chinese_share

PKG = json.loads((DATA_DIR / "datapackage.json").read_text(encoding="utf-8"))
RES = {r["name"]: r for r in PKG["resources"] if r.get("x_kind", "table") == "table"}
KEYS = ("title", "description", "producer", "publication", "table", "citation", "caveats",
        "vintages", "licence", "flags")
HAN_RUN = re.compile(r"[\u3400-\u9fff]{4,}")
#: Four Latin-script words in a row, outside code and cited titles: an English sentence.
ENGLISH_RUN = re.compile(r"[A-Za-z][\w'’&.-]*(?:[ ,;:]+[A-Za-z][\w'’&.-]*){3,}")


def _prose_only(text: str) -> str:
    """``text`` without what a Chinese text keeps in Latin script: `code` and paths, URLs and
    *titles of works* cited as they are."""
    text = re.sub(r"`[^`]*`", " ", text)
    text = re.sub(r"https?://\S+", " ", text)
    return re.sub(r"(?<!\*)\*(?!\*)[^*\n]+\*(?!\*)", " ", text)


def _assert_chinese(text: str, where: str, least: float = 0.9) -> None:
    # digits apart from the words they touch: chinese_share drops a "word" holding a digit,
    # and Chinese writes 2016—2024年 with no space, so a whole clause would go uncounted
    share = chinese_share(re.sub(r"\d+", " ", re.sub(r"`[^`]*`", " ", text)))
    assert share >= least, f"{where}: {share:.0%} Chinese: {text[:200]!r}"
    english = ENGLISH_RUN.findall(_prose_only(text))
    assert not english, f"{where}: English sentence(s) {english[:3]}"


# --------------------------------------------------------------------------------------------
# The metadata
# --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(RES))
def test_every_table_has_complete_chinese_metadata(name: str) -> None:
    res = RES[name]
    zh, origin = res.get("x_zh"), res["x_origin"]
    assert isinstance(zh, dict), f"{name}: no x_zh"
    assert [k for k in KEYS if k not in zh] == [], name
    assert len(zh["caveats"]) == len(origin.get("caveats", [])), name
    assert list(zh["vintages"]) == list(origin["vintages"]), name
    assert list(zh["flags"]) == list(res.get("x_flags", {})), name
    for key in ("title", "description", "producer", "publication", "citation", "licence"):
        assert zh[key].strip(), (name, key)
    assert bool(zh["table"]) == bool(origin.get("table")), name
    for key in ("title", "description"):
        share = chinese_share(zh[key])
        assert share >= 0.9, f"{name} {key}: {share:.0%} Chinese: {zh[key]!r}"
    for text in [*zh["caveats"], *zh["vintages"].values(), *zh["flags"].values()]:
        assert re.search(r"[\u3400-\u9fff]", text), (name, text)


@pytest.mark.parametrize("name", sorted(RES))
def test_chinese_titles_named_in_the_english_origin_are_kept(name: str) -> None:
    """Where the English origin quotes a Chinese publication or table title (e.g. "China
    Statistical Yearbook on Science and Technology (中国科技统计年鉴)"), the Chinese origin
    uses that title (not a translation back from English)."""
    res = RES[name]
    zh, origin = res["x_zh"], res["x_origin"]
    for key in ("publication", "table"):
        for run in HAN_RUN.findall(origin.get(key, "")):
            assert run in zh[key] + zh["publication"] + zh["table"], (name, key, run)


def test_official_titles_read_from_the_sources() -> None:
    """Spot checks against the publications named in the shared sources' notes (read here
    from the files, not copied from the metadata)."""
    root = Path(__file__).resolve().parents[2] / "shared" / "sources"
    if not root.is_dir():
        pytest.skip("shared sources not present")
    notes = "\n".join(p.read_text(encoding="utf-8") for p in root.glob("*/PROVENANCE.md"))
    for name, title in [("rd_inputs", "全国科技经费投入统计公报"),
                        ("shandong_city_gdp", "山东统计年鉴"),
                        ("province_employment_vintages", "河北经济年鉴2012"),
                        ("hebei_city_gdp_anchors", "2022年衡水市国民经济和社会发展统计公报")]:
        assert title in notes, title
        assert title in RES[name]["x_zh"]["publication"], name
    ccsy = (root / "environment_area" / "pm25_city_annual_mean_ccsy_2017.csv").read_text(
        encoding="utf-8")
    assert "中国城市统计年鉴2018" in ccsy and "可吸入细颗粒物年平均浓度" in ccsy
    assert RES["pm25_city_2017"]["x_zh"]["publication"].startswith("《中国城市统计年鉴2018》")
    assert "可吸入细颗粒物年平均浓度" in RES["pm25_city_2017"]["x_zh"]["table"]


def test_non_official_tables_say_so_in_chinese() -> None:
    assert RES["digital_economy_index_thirdparty"]["x_zh"]["title"].startswith("非官方")
    assert "不是官方统计" in RES["digital_economy_index_thirdparty"]["x_zh"]["description"]
    for name in ("hebei_city_gdp", "beijing_tianjin_gdp"):
        assert "商业汇编" in RES[name]["x_zh"]["description"] + RES[name]["x_zh"]["citation"]
    assert "不是统计数据" in RES["seed_facts"]["x_zh"]["title"]


# --------------------------------------------------------------------------------------------
# catalogue, cite and source in Chinese
# --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(RES))
def test_source_and_cite_in_chinese_hold_no_english_sentence(name: str) -> None:
    text = source(name, lang="zh")
    _assert_chinese(text, f"source({name!r})", least=0.85)
    zh = RES[name]["x_zh"]
    assert text.splitlines()[0] == f"{zh['title']}（`{name}`）"
    assert f"发布机构：{zh['producer']}" in text and f"引用格式：{zh['citation']}" in text
    for code, meaning in zh["vintages"].items():
        assert f"  - `{code}`：{meaning}" in text
    line = cite(name, lang="zh")
    _assert_chinese(line, f"cite({name!r})", least=0.7)  # authors of English works: Latin
    codes = "、".join(f"`{c}`" for c in RES[name]["x_origin"]["vintages"])
    assert line == (f"- **{zh['title']}**（`data/{name}.csv`）：{zh['citation']}版本：{codes}。")


def test_cite_of_several_tables_and_the_run_language() -> None:
    names = ["province_gdp", "national_gdp"]
    assert cite(names, lang="zh").splitlines() == [cite(n, lang="zh") for n in names]
    before = i18n.get_language()
    try:
        i18n.set_language("zh")
        assert cite(names) == cite(names, lang="zh")
        assert source("patents") == source("patents", lang="zh")
        assert catalogue().equals(catalogue(lang="zh"))
    finally:
        i18n.set_language(before)
    assert cite("province_gdp", lang="zh").startswith(
        "- **各省地区生产总值、三次产业和行业增加值，2016—2024年**（`data/province_gdp.csv`）："
        "国家统计局，国家数据库")


def test_catalogue_in_chinese() -> None:
    cat = catalogue(lang="zh")
    assert list(cat.columns) == ["表名", "标题", "说明", "行数", "年份", "指标"]
    assert set(cat["表名"]) == set(tables())
    for _, row in cat.iterrows():
        _assert_chinese(f"{row['标题']}\n{row['说明']}", row["表名"])
    gdp = cat.set_index("表名").loc["province_gdp"]
    assert gdp["年份"] == "2016—2025" and gdp["行数"] == RES["province_gdp"]["stats"]["rows"]
    table = data_table("zh")  # lesson 00's table
    assert list(table.columns) == ["表名", "标题", "年份", "行数"]
    assert table["标题"].tolist() == cat["标题"].tolist()


def _without_zh(tmp_path: Path, name: str) -> Path:
    pkg = json.loads((DATA_DIR / "datapackage.json").read_text(encoding="utf-8"))
    for r in pkg["resources"]:
        if r["name"] == name:
            del r["x_zh"]
    (tmp_path / "datapackage.json").write_text(json.dumps(pkg, ensure_ascii=False),
                                               encoding="utf-8")
    return tmp_path


def test_a_table_without_chinese_metadata_raises_in_chinese_only(tmp_path: Path) -> None:
    folder = _without_zh(tmp_path, "telecom")
    for call in (lambda: cite(["patents", "telecom"], data_dir=folder, lang="zh"),
                 lambda: source("telecom", data_dir=folder, lang="zh"),
                 lambda: catalogue(data_dir=folder, lang="zh")):
        with pytest.raises(DataError, match="telecom.*x_zh"):
            call()
    assert cite("patents", data_dir=folder, lang="zh") == cite("patents", lang="zh")
    assert source("telecom", data_dir=folder, lang="en") == source("telecom", lang="en")
    assert cite("telecom", data_dir=folder, lang="en") == cite("telecom", lang="en")


def test_each_function_needs_only_the_chinese_it_shows(tmp_path: Path) -> None:
    """A table whose x_zh lacks its licence (as a builder may write it from the Table.zh
    docstring's core keys) still has a Chinese catalogue row and citation; its full origin
    (``source``) refuses to print the English licence in a Chinese text."""
    pkg = json.loads((DATA_DIR / "datapackage.json").read_text(encoding="utf-8"))
    for r in pkg["resources"]:
        if r["name"] == "telecom":
            del r["x_zh"]["licence"]
    (tmp_path / "datapackage.json").write_text(json.dumps(pkg, ensure_ascii=False),
                                               encoding="utf-8")
    assert catalogue(data_dir=tmp_path, lang="zh").equals(catalogue(lang="zh"))
    assert cite("telecom", data_dir=tmp_path, lang="zh") == cite("telecom", lang="zh")
    with pytest.raises(DataError, match="telecom.*licence"):
        source("telecom", data_dir=tmp_path, lang="zh")


def test_chinese_caveats_that_do_not_match_the_english_raise(tmp_path: Path) -> None:
    shutil.copy(DATA_DIR / "datapackage.json", tmp_path / "datapackage.json")
    pkg = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    for r in pkg["resources"]:
        if r["name"] == "patents":
            r["x_zh"]["caveats"] = r["x_zh"]["caveats"][:-1]
    (tmp_path / "datapackage.json").write_text(json.dumps(pkg, ensure_ascii=False),
                                               encoding="utf-8")
    with pytest.raises(DataError, match="patents"):
        source("patents", data_dir=tmp_path, lang="zh")


# --------------------------------------------------------------------------------------------
# English output unchanged: compared with an independent formatting of the package's fields
# --------------------------------------------------------------------------------------------

def _english_cite(res: dict) -> str:
    o = res["x_origin"]
    return (f"- **{res['title']}** (`data/{res['path']}`): {o['citation']} Vintage(s): "
            f"{'; '.join(o['vintages'])}.")


def _english_source(res: dict) -> str:
    o = res["x_origin"]
    out = [f"{res['title']} ({res['name']})", "", res["description"], "",
           f"Producer: {o['producer']}", f"Publication: {o['publication']}"]
    out += [f"Table: {o['table']}"] if o.get("table") else []
    out += ["Vintages (column 'vintage'):"] + [f"  - {k}: {v}" for k, v in o["vintages"].items()]
    out += ["Obtained from:"]
    for x in o["obtained_from"]:
        out.append(f"  - {x['page']}" if "page" in x else
                   f"  - github.com/{x['repo']}, file {x['path']} (commit {x['commit'][:10]})")
    out += [f"Licence: {o['licence_note']}"] if o.get("licence_note") else []
    out += ["Caveats:"] + [f"  - {c}" for c in o["caveats"]] if o.get("caveats") else []
    if res.get("x_flags"):
        out += ["Flags (column 'flag'):"] + [f"  - {k}: {v}" for k, v in res["x_flags"].items()]
    out += [f"Cite as: {o['citation']}"]
    return "\n".join(out)


@pytest.mark.parametrize("name", sorted(RES))
def test_english_source_and_cite_are_unchanged(name: str) -> None:
    assert cite(name, lang="en") == _english_cite(RES[name])
    assert source(name, lang="en") == _english_source(RES[name])


def test_english_catalogue_is_unchanged() -> None:
    cat = catalogue(lang="en")
    assert list(cat.columns) == ["name", "title", "description", "rows", "years", "indicators"]
    want = pd.DataFrame([{
        "name": n, "title": r["title"], "description": r["description"],
        "rows": r["stats"]["rows"],
        "years": "{minimum}-{maximum}".format(**next(
            f for f in r["schema"]["fields"] if f["name"] == "year")["constraints"]),
        "indicators": ", ".join(r["x_indicators"])} for n, r in sorted(RES.items())])
    pd.testing.assert_frame_equal(cat, want)
    assert data_table("en").equals(want[["name", "title", "years", "rows"]])


# --------------------------------------------------------------------------------------------
# The build refuses Chinese metadata that does not match the English
# --------------------------------------------------------------------------------------------

def test_with_zh_refuses_missing_or_mismatched_chinese_metadata() -> None:
    from scripts.build_data import common
    from scripts.build_data.innovation import TABLES as INNOVATION
    from scripts.build_data.innovation import ZH_META

    table = next(t for t in INNOVATION if t.name == "patents")
    assert common.with_zh([table], {"patents": ZH_META["patents"]})[0].zh == table.zh
    with pytest.raises(common.BuildError, match="patents: no Chinese metadata"):
        common.with_zh([table], {})
    with pytest.raises(common.BuildError, match="3 Chinese caveats for 4 English"):
        common.with_zh([table], {"patents": {**ZH_META["patents"],
                                             "caveats": ZH_META["patents"]["caveats"][:3]}})
    with pytest.raises(common.BuildError, match="lacks \\['licence'\\]"):
        common.with_zh([table], {"patents": {k: v for k, v in ZH_META["patents"].items()
                                             if k != "licence"}})
    with pytest.raises(common.BuildError, match="unknown table"):
        common.with_zh([table], {"patents": ZH_META["patents"], "no_such": {}})
    with pytest.raises(common.BuildError, match="no Chinese meaning"):
        common.zh_flags(["not_a_flag"])
    assert common.zh_flags(["derived", "own"], own="自定义") == {
        "derived": common.ZH["flag_derived"], "own": "自定义"}

"""The Chinese texts of the claims registry (``helpers/catalogue/claims_text.csv``).

Every claim of :data:`helpers.claims.CLAIMS` needs its statement, definition and years in
Chinese; every section, unit and document its label. The English column must be the registry's
CURRENT text: when the lead changes a claim's words, its translation is stale and the test
below fails naming the claim (``python -m scripts.claims_text_todo`` lists what to redo).
Expected keys are built here from the registry by the rule of the brief, not by the script.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import re
from importlib import resources

import pytest

from helpers import i18n
from helpers.claims import CLAIMS, DOCUMENTS, claim_texts
from helpers.edition import chinese_share
from scripts import claims_text_todo as todo_script

FILE = "catalogue/claims_text.csv"
#: Per claim: key prefix -> Claim attribute holding the English.
PER_CLAIM = {"claimtext_": "text", "claimdef_": "definition", "claimyears_": "years"}
#: Rows whose Chinese holds no Han character, and why.
NO_HAN = {"claimunit_percent": "the sign % is the Chinese unit of 'percent'"}
#: Proper names kept in Latin script in the Chinese texts (no verified Chinese name; a
#: person's name is never given guessed characters): not counted as English prose.
LATIN_NAMES = ("Zihe Liu", "Zheng Jinran", "Zhang Yu", "Yuan Shenggao", "Fei Miao",
               "Shenyue Soft", "Duofu")
#: A Python reference a student can type, e.g. helpers.regions.bohai_rim('coastal').
CODE_REF = re.compile(r"helpers\.[\w.]+\([^)]*\)")
#: An English title cited as published, in Chinese quotation marks (claimdoc rows).
QUOTED_TITLE = re.compile(r"“[^”]*”")
NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
MIN_SHARE = 0.6


def slug(text: str) -> str:
    """The brief's rule: lowercase, runs of non-alphanumerics -> '_', stripped, 60 chars."""
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")[:60]


def _raw() -> str:
    return resources.files("helpers").joinpath(FILE).read_text(encoding="utf-8")


def _rows() -> dict[str, dict[str, str]]:
    return {r["key"]: r for r in csv.DictReader(io.StringIO(_raw(), newline=""))}


def _expected() -> dict[str, str]:
    """key -> English, from the registry by the brief's rule."""
    out = {p + c.id: getattr(c, a) for c in CLAIMS for p, a in PER_CLAIM.items()}
    out.update({"claimsec_" + slug(c.section): c.section for c in CLAIMS})
    out.update({"claimunit_" + slug(c.unit): c.unit for c in CLAIMS if c.unit})
    out.update({"claimdoc_" + code: cite for code, (_f, cite) in DOCUMENTS.items()})
    return out


def test_file_is_sorted_utf8_without_bom_and_as_the_csv_module_writes_it():
    raw = resources.files("helpers").joinpath(FILE).read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf") and b"\r" not in raw
    text = raw.decode("utf-8")
    table = list(csv.reader(io.StringIO(text, newline="")))
    assert table[0] == ["key", "en", "zh"]
    keys = [r[0] for r in table[1:]]
    assert keys == sorted(keys) and len(keys) == len(set(keys))
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(table)
    assert buf.getvalue() == text


def test_every_claim_has_its_text_definition_and_years():
    rows = _rows()
    missing = [p + c.id for c in CLAIMS for p in PER_CLAIM if p + c.id not in rows]
    assert not missing, f"claims without a Chinese row: {missing}"


def test_english_is_the_registrys_current_text():
    rows = _rows()
    stale = [f"{c.id}.{attr}: registry {getattr(c, attr)!r}, catalogue {rows[p + c.id]['en']!r}"
             for c in CLAIMS for p, attr in PER_CLAIM.items()
             if p + c.id in rows and rows[p + c.id]["en"] != getattr(c, attr)]
    assert not stale, "stale translations (run python -m scripts.claims_text_todo):\n" + \
        "\n".join(stale)


def test_every_section_unit_and_document_has_its_row():
    rows = _rows()
    want = {k: en for k, en in _expected().items() if not k.startswith(tuple(PER_CLAIM))}
    assert len([k for k in want if k.startswith("claimdoc_")]) == 4  # 000, 001, 003, 004
    wrong = {k: (en, rows.get(k, {}).get("en")) for k, en in want.items()
             if rows.get(k, {}).get("en") != en}
    assert not wrong, f"missing or stale label rows (key: registry, catalogue): {wrong}"


def test_no_key_is_unused():
    unused = sorted(set(_rows()) - set(_expected()))
    assert not unused, f"rows no claim, section, unit or document uses: {unused}"


def test_slug_rule_on_hand_examples():
    assert slug("2.2.1. Steady Increase in Innovation Investment") == \
        "2_2_1_steady_increase_in_innovation_investment"
    assert slug("article body (China Daily, 7 March 2024)") == \
        "article_body_china_daily_7_march_2024"
    long = "2. Conditions and Current Status of Innovative Economic Development in the Bohai Rim"
    assert slug(long) == "2_conditions_and_current_status_of_innovative_economic_devel"


def _prose_share(key: str, zh: str) -> float:
    text = CODE_REF.sub(" ", zh)
    if key.startswith("claimdoc_"):
        text = QUOTED_TITLE.sub(" ", text)
    for name in LATIN_NAMES:
        text = text.replace(name, " ")
    return chinese_share(text)


def test_chinese_is_chinese():
    rows = _rows()
    low = {k: (round(_prose_share(k, r["zh"]), 2), r["zh"]) for k, r in rows.items()
           if _prose_share(k, r["zh"]) < MIN_SHARE}
    assert not low, f"zh texts under {MIN_SHARE:.0%} Chinese: {low}"
    han = re.compile(r"[\u3400-\u9fff]")
    no_han = sorted(k for k, r in rows.items() if not han.search(r["zh"]))
    assert no_han == sorted(NO_HAN), f"zh texts without a Chinese character: {no_han}"
    assert rows["claimunit_percent"]["zh"] == "%"


def test_measure_can_fail():
    """The share used above flags an untranslated text and a Latin name not on the list."""
    assert _prose_share("claimtext_x", "The area ... accounts for 5.4%") == 0.0
    assert _prose_share("claimtext_x", "Hebei Shenyue Soft Company的员工") < MIN_SHARE
    cited = "Fei Miao（2024）：“Research on the Bohai Rim”（中译《研究》）"
    assert _prose_share("claimdoc_x", cited) >= MIN_SHARE


def test_editorial_marks_and_numbers_are_kept():
    rows = _rows()
    bad = []
    for c in CLAIMS:
        zh = rows["claimtext_" + c.id]["zh"]
        marks_en = (c.text.count("..."), c.text.count("["), c.text.count("]"))
        marks_zh = (zh.count("……"), zh.count("〔"), zh.count("〕"))
        if marks_en != marks_zh or "..." in zh or "[" in zh:
            bad.append(f"{c.id}: ... [ ] {marks_en} vs …… 〔 〕 {marks_zh}")
        # million/billion become 万/亿 in Chinese (85 billion = 850亿): only there may digits move
        if not re.search(r"million|billion", c.text):
            lost = [n for n in NUMBER.findall(c.text) if n.rstrip(",") not in zh]
            if lost:
                bad.append(f"{c.id}: numbers {lost} not in {zh!r}")
    assert not bad, "\n".join(bad)


def test_catalogue_serves_the_claims_tables():
    assert i18n.t("claimtext_seed004_area_share_provinces", "zh") == "面积……〔占〕全国的5.4%……"
    assert i18n.t("claimdef_seed004_area_share_provinces", "zh") == \
        "环渤海五省市（北京、天津、河北、辽宁、山东）"
    assert i18n.t("claimyears_seed003_qiuxian_projects_signed_2020h1", "zh") == "2020年上半年"
    rows = _rows()
    for c in CLAIMS:
        words = claim_texts(c, "zh")
        assert words["claim"] == rows["claimtext_" + c.id]["zh"], c.id
        assert words["definition"] == rows["claimdef_" + c.id]["zh"], c.id
        assert words["years"] == rows["claimyears_" + c.id]["zh"], c.id
        assert words["section"] == rows["claimsec_" + slug(c.section)]["zh"], c.id
        assert words["document"].endswith(("）", "日")), c.id


# ------------------------------------------------------------------------------------------
# scripts/claims_text_todo.py: the lead's tool for new and changed claims
# ------------------------------------------------------------------------------------------


def test_todo_script_agrees_with_this_test_and_finds_nothing_to_do():
    expected = todo_script.expected_rows(CLAIMS, DOCUMENTS)
    assert expected == _expected()
    current = todo_script.read_catalogue(todo_script.CATALOGUE)
    assert todo_script.todo(expected, current) == []
    assert todo_script.unused(expected, current) == []
    assert todo_script.catalogue_text(current) == _raw()


def test_a_changed_claim_text_is_reported_stale_by_name():
    claim = CLAIMS[0]
    changed = dataclasses.replace(claim, text=claim.text + " (revised)")
    expected = todo_script.expected_rows([changed], {})
    current = todo_script.read_catalogue(todo_script.CATALOGUE)
    items = todo_script.todo(expected, current)
    assert [(i.key, i.status) for i in items] == [("claimtext_" + claim.id, "stale")]
    assert items[0].zh == current["claimtext_" + claim.id]["zh"]  # old zh, to be edited


def test_todo_missing_unused_and_merge_on_synthetic_rows():
    expected = {"claimtext_a": "A new claim.", "claimtext_b": "Kept."}
    current = {"claimtext_b": {"en": "Kept.", "zh": "保留。"},
               "claimtext_gone": {"en": "Old.", "zh": "旧。"}}
    assert todo_script.todo(expected, current) == [
        todo_script.Todo("claimtext_a", "A new claim.", "", "missing")]
    assert todo_script.unused(expected, current) == ["claimtext_gone"]
    merged = todo_script.merge(current, [{"key": "claimtext_a", "en": "A new claim.",
                                          "zh": "新的说法。"}], expected)
    assert merged["claimtext_a"] == {"en": "A new claim.", "zh": "新的说法。"}
    assert todo_script.catalogue_text(merged).splitlines()[1].startswith("claimtext_a,")
    for row, word in (({"key": "claimtext_a", "en": "Other words.", "zh": "别的。"}, "current"),
                      ({"key": "claimtext_a", "en": "A new claim.", "zh": " "}, "empty"),
                      ({"key": "claimtext_x", "en": "X.", "zh": "某。"}, "no claim")):
        with pytest.raises(ValueError, match=word):
            todo_script.merge(current, [row], expected)


def test_todo_script_main_writes_and_reports(tmp_path, capsys):
    path = tmp_path / "claims_text.csv"
    rc = todo_script.main(["--catalogue", str(path)])
    out = capsys.readouterr()
    todo_rows = list(csv.DictReader(io.StringIO(out.out)))
    assert rc == 1 and len(todo_rows) == len(_expected()) and "missing: claimtext_" in out.err
    finished = tmp_path / "finished.csv"
    finished.write_text(todo_script.catalogue_text(todo_script.read_catalogue(
        todo_script.CATALOGUE)), encoding="utf-8")
    assert todo_script.main(["--catalogue", str(path), "--merge", str(finished)]) == 0
    assert path.read_text(encoding="utf-8") == _raw()

"""helpers.source_flags: the cells a source flags, as text for a note."""

from __future__ import annotations

import pandas as pd

from helpers.data import load
from helpers.source_flags import breaks_of, flagged, flagged_text

FRAME = pd.DataFrame({"region": ["Hebei", "Hebei", "Tianjin"], "year": [2018, 2019, 2016],
                      "indicator": ["emp_primary", "emp_secondary", "emp_primary"],
                      "value": [938.0, 1.5, 2.205],
                      "flag": ["suspicious", None, "series_break; suspicious"]})


def test_flagged_rows():
    assert flagged(FRAME, "suspicious")["year"].tolist() == [2018, 2016]
    assert flagged(FRAME.drop(columns="flag"), "suspicious").empty


def test_flagged_text_in_both_languages():
    en = flagged_text(FRAME, "suspicious", lang="en")
    zh = flagged_text(FRAME, "suspicious", lang="zh")
    assert en == "Employment, primary industry 2018: 938, Employment, primary industry 2016: 2.205"
    assert "、" in zh and "第一产业" in zh
    by_region = flagged_text(FRAME, "suspicious", by="region", lang="zh")
    assert by_region.startswith("河北 2018: 938") and "天津 2016: 2.205" in by_region
    assert flagged_text(FRAME, "preliminary") == ""


def test_hebei_employment_flags_match_the_table():
    emp = load("province_employment", regions="Hebei")
    doubtful = emp[emp["flag"].fillna("").str.contains("suspicious")]
    assert len(doubtful) >= 1
    text = flagged_text(emp, "suspicious", lang="en")
    assert text.count(":") == len(doubtful)


def test_breaks_of_reads_flags_and_keeps_those_a_chart_shows():
    tidy = pd.DataFrame({"year": [2010, 2011, 2012, 2013],
                         "flag": ["", "series_break", None, "series_break; suspicious"]})
    assert breaks_of(tidy) == [2011, 2013]
    assert breaks_of(tidy, between=(2011, 2013)) == [2013]  # a break at the first year
    assert breaks_of(tidy, between=(2010, 2012)) == [2011]
    assert breaks_of(tidy, code="suspicious") == [2013]

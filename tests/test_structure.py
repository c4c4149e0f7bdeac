"""Tests of helpers.structure: hand-computed values, properties and the tidy companions.

Property tests run twice: on a fixed, seeded sample (always) and with hypothesis (if installed).
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from helpers.structure import (
    advancement_angle,
    advancement_ratio,
    level_coefficient,
    relative_labour_productivity,
    relative_productivities,
    sector_shares,
    structure_measures,
    theil_rationalization,
)

try:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    HAVE_HYPOTHESIS = True
except ImportError:  # pragma: no cover - hypothesis is optional
    HAVE_HYPOTHESIS = False

PI = math.pi
OUT = [10.0, 50.0, 40.0]  # shares y = (0.1, 0.5, 0.4)
EMP = [30.0, 30.0, 40.0]  # shares l = (0.3, 0.3, 0.4)


# --------------------------------------------------------------------------- hand-computed
def test_theil_hand_computed():
    # TL = Σ y_i ln(y_i / l_i) = 0.1 ln(0.1/0.3) + 0.5 ln(0.5/0.3) + 0.4 ln(0.4/0.4)
    #    = -0.109861 + 0.255413 + 0 = 0.145552
    expected = 0.1 * math.log(1 / 3) + 0.5 * math.log(5 / 3)
    assert theil_rationalization(OUT, EMP) == pytest.approx(expected, rel=1e-12)
    assert theil_rationalization(OUT, EMP) == pytest.approx(0.145552, abs=1e-6)


def test_theil_zero_output_sector_contributes_nothing():
    # y = (0, .6, .4), l = (.2, .4, .4): TL = 0 + 0.6 ln(1.5) + 0.4 ln(1) = 0.243279
    assert theil_rationalization([0, 60, 40], [20, 40, 40]) == pytest.approx(
        0.6 * math.log(1.5), rel=1e-12
    )
    # a sector with neither output nor employment is simply absent:
    # y = (0, .5, .5), l = (0, .4, .6): TL = 0.5 ln(1.25) + 0.5 ln(5/6) = 0.020411
    assert theil_rationalization([0, 50, 50], [0, 40, 60]) == pytest.approx(
        0.5 * math.log(1.25) + 0.5 * math.log(5 / 6), rel=1e-12
    )


def test_theil_output_without_employment_is_refused():
    with pytest.raises(ValueError, match="zero employment"):
        theil_rationalization([10, 50, 40], [0, 60, 40])


def test_theil_zero_when_productivities_equal():
    # every sector produces 3 per worker
    assert theil_rationalization([30, 150, 120], [10, 50, 40]) == pytest.approx(0, abs=1e-15)


def test_level_coefficient_hand_computed():
    # 1·0.1 + 2·0.5 + 3·0.4 = 2.3
    assert level_coefficient(OUT) == pytest.approx(2.3, rel=1e-12)
    assert level_coefficient([5, 0, 0]) == pytest.approx(1.0)
    assert level_coefficient([0, 0, 5]) == pytest.approx(3.0)


def test_advancement_ratio_hand_computed():
    assert advancement_ratio(OUT) == pytest.approx(0.8)  # 40 / 50
    with pytest.raises(ValueError, match="secondary output is zero"):
        advancement_ratio([10, 0, 40])


def test_advancement_ratio_refuses_an_overflowing_ratio():
    with pytest.raises(ValueError, match="too small against tertiary output 1e\\+06; the ratio "
                       "overflows"):
        advancement_ratio([0.0, 1e-305, 1e6])


def test_advancement_angle_hand_computed():
    # y ∝ (3, 4, 0), ‖y‖ ∝ 5: θ1 = arccos .6 = 0.927295, θ2 = arccos .8 = 0.643501, θ3 = π/2
    # W = 3θ1 + 2θ2 + θ3 = 2.781886 + 1.287002 + 1.570796 = 5.639684
    assert advancement_angle([3, 4, 0]) == pytest.approx(5.639684, abs=1e-6)
    # corners: all primary 3π/2, all secondary 2π, all tertiary 5π/2
    assert advancement_angle([1, 0, 0]) == pytest.approx(1.5 * PI)
    assert advancement_angle([0, 1, 0]) == pytest.approx(2 * PI)
    assert advancement_angle([0, 0, 1]) == pytest.approx(2.5 * PI)
    # equal shares: every θ = arccos(1/√3), W = 6 arccos(1/√3) = 5.731984
    assert advancement_angle([1, 1, 1]) == pytest.approx(6 * math.acos(1 / math.sqrt(3)))


def test_relative_productivities_hand_computed():
    # (0.1/0.3, 0.5/0.3, 0.4/0.4)
    np.testing.assert_allclose(relative_productivities(OUT, EMP), [1 / 3, 5 / 3, 1.0])
    # 0/0 for a sector with neither output nor employment is NaN
    r = relative_productivities([0, 50, 50], [0, 40, 60])
    assert math.isnan(r[0])
    np.testing.assert_allclose(r[1:], [1.25, 5 / 6])


@pytest.mark.parametrize(
    "bad, message",
    [
        ([1, 2], "three sector values"),
        ([1, 2, 3, 4], "three sector values"),
        ([[1, 2, 3]], "three sector values"),
        ([1, -2, 3], "non-negative"),
        ([1, float("nan"), 3], "finite"),
        ([1, float("inf"), 3], "finite"),
        ([0, 0, 0], "sum to zero"),
        (["a", "b", "c"], "three numbers"),
    ],
)
def test_invalid_inputs_are_refused(bad, message):
    for func in (level_coefficient, advancement_ratio, advancement_angle):
        with pytest.raises(ValueError, match=message):
            func(bad)
    with pytest.raises(ValueError, match=message):
        theil_rationalization(bad, EMP)
    with pytest.raises(ValueError, match=message):
        theil_rationalization(OUT, bad)


def test_numpy_input_accepted():
    assert level_coefficient(np.array(OUT)) == level_coefficient(OUT)


# --------------------------------------------------------------------------- properties
def _check_properties(output, employment, scale):
    out = np.asarray(output, dtype=float)
    emp = np.asarray(employment, dtype=float)
    tl = theil_rationalization(out, emp)
    assert tl >= 0
    # TL = 0 when every sector's productivity is equal (employment proportional to output)
    assert theil_rationalization(out, out * 0.37) == pytest.approx(0, abs=1e-12)
    assert 1 - 1e-12 <= level_coefficient(out) <= 3 + 1e-12
    w = advancement_angle(out)
    assert 1.5 * PI - 1e-9 <= w <= 2.5 * PI + 1e-9
    # scale invariance of every measure
    approx = {"rel": 1e-9, "abs": 1e-12}
    assert theil_rationalization(out * scale, emp) == pytest.approx(tl, **approx)
    assert theil_rationalization(out, emp * scale) == pytest.approx(tl, **approx)
    assert theil_rationalization(out * scale, emp * scale) == pytest.approx(tl, **approx)
    assert level_coefficient(out * scale) == pytest.approx(level_coefficient(out), **approx)
    assert advancement_angle(out * scale) == pytest.approx(w, **approx)
    if out[1] > 0 and out[2] < out[1] * 1e300:  # (a larger ratio may overflow: refused)
        ratio = advancement_ratio(out)
        assert advancement_ratio(out * scale) == pytest.approx(ratio, **approx)
    # TL is the output-weighted mean log relative productivity
    r = relative_productivities(out, emp)
    y = out / out.sum()
    pos = y > 0
    assert tl == pytest.approx(float(np.sum(y[pos] * np.log(r[pos]))), **approx)


def _seeded_cases():
    rng = np.random.default_rng(20240501)
    cases = [
        ([1, 0, 0], [1, 1, 1], 10.0),
        ([0, 0, 1], [5, 1, 1], 0.001),
        ([0, 3, 0], [1, 2, 3], 7.0),
        ([1e-9, 1e6, 1], [1e-6, 1, 1e6], 123.0),
    ]
    for _ in range(40):
        out = rng.dirichlet([0.5, 0.5, 0.5]) * rng.uniform(1, 1e5)
        emp = rng.dirichlet([0.5, 0.5, 0.5]) * rng.uniform(1, 1e4) + 1e-3
        cases.append((out, emp, float(rng.uniform(1e-3, 1e3))))
    return cases


@pytest.mark.parametrize("output, employment, scale", _seeded_cases())
def test_properties_seeded(output, employment, scale):
    _check_properties(output, employment, scale)


def test_angle_bounds_dense_sample():
    rng = np.random.default_rng(7)
    shares = rng.dirichlet([0.2, 0.2, 0.2], size=5000)
    w = np.array([advancement_angle(s) for s in shares])
    assert w.min() >= 1.5 * PI - 1e-9 and w.max() <= 2.5 * PI + 1e-9
    assert w.min() < 1.5 * PI + 0.2 and w.max() > 2.5 * PI - 0.2  # the bounds are tight


if HAVE_HYPOTHESIS:
    _sector = st.floats(0, 1e6, allow_nan=False, allow_infinity=False, allow_subnormal=False)
    _worker = st.floats(1e-3, 1e6, allow_nan=False, allow_infinity=False)
    _outputs = st.lists(_sector, min_size=3, max_size=3).filter(lambda v: sum(v) > 1e-6)

    @settings(max_examples=300, deadline=None, database=None)
    @given(
        output=_outputs,
        employment=st.lists(_worker, min_size=3, max_size=3),
        scale=st.floats(1e-3, 1e3),
    )
    def test_properties_hypothesis(output, employment, scale):
        _check_properties(output, employment, scale)

else:  # pragma: no cover

    @pytest.mark.skip(reason="hypothesis is not installed (seeded property tests still run)")
    def test_properties_hypothesis():
        pass


# --------------------------------------------------------------------------- tidy companions
def _long(rows, indicators, extra=None):
    records = []
    for (region, year), values in rows.items():
        for code, value in zip(indicators, values, strict=True):
            if value is not None:
                records.append({"region": region, "year": year, "indicator": code, "value": value})
    frame = pd.DataFrame.from_records(records)
    if extra:
        for column, func in extra.items():
            frame[column] = frame.apply(func, axis=1)
    return frame


VA = ("va_primary", "va_secondary", "va_tertiary")
EM = ("emp_primary", "emp_secondary", "emp_tertiary")
OUTPUT_ROWS = {
    ("Hebei", 2019): OUT,
    ("Hebei", 2020): [11.0, 48.0, 52.0],
    ("Beijing", 2019): [1.0, 30.0, 180.0],
    ("Beijing", 2020): [1.0, None, 190.0],  # secondary missing
}
EMP_ROWS = {
    ("Hebei", 2019): EMP,
    ("Hebei", 2020): [28.0, 31.0, 41.0],
    ("Beijing", 2019): [0.5, 2.0, 10.0],
    ("Beijing", 2020): [0.5, 2.0, 10.0],
}


def _value(result, region, year, measure):
    hit = result[
        (result.region == region) & (result.year == year) & (result.measure == measure)
    ]
    assert len(hit) == 1, hit
    return hit["value"].iloc[0]


def test_structure_measures_match_scalars_and_keep_nan():
    out = _long(OUTPUT_ROWS, VA)
    emp = _long(EMP_ROWS, EM)
    result = structure_measures(out, emp)
    assert list(result.columns[:4]) == ["region", "year", "measure", "value"]
    assert len(result) == 4 * 4  # 4 region-years × 4 measures
    scalar = {
        "level_coefficient": level_coefficient,
        "advancement_ratio": advancement_ratio,
        "advancement_angle": advancement_angle,
    }
    for (region, year), values in OUTPUT_ROWS.items():
        emp_values = EMP_ROWS[(region, year)]
        if None in values:
            for measure in [*scalar, "theil_rationalization"]:
                assert math.isnan(_value(result, region, year, measure)), measure
            continue
        for measure, func in scalar.items():
            assert _value(result, region, year, measure) == pytest.approx(func(values))
        assert _value(result, region, year, "theil_rationalization") == pytest.approx(
            theil_rationalization(values, emp_values)
        )


def test_structure_measures_without_employment():
    result = structure_measures(_long(OUTPUT_ROWS, VA))
    assert set(result.measure) == {"level_coefficient", "advancement_ratio", "advancement_angle"}
    assert _value(result, "Hebei", 2019, "level_coefficient") == pytest.approx(2.3)


def test_missing_employment_year_gives_nan_not_a_dropped_row():
    emp_rows = {k: v for k, v in EMP_ROWS.items() if k != ("Hebei", 2020)}
    result = structure_measures(_long(OUTPUT_ROWS, VA), _long(emp_rows, EM))
    assert math.isnan(_value(result, "Hebei", 2020, "theil_rationalization"))
    assert not math.isnan(_value(result, "Hebei", 2020, "level_coefficient"))


def test_empty_value_is_nan_not_zero():
    out = _long(OUTPUT_ROWS, VA)
    out.loc[(out.region == "Hebei") & (out.year == 2019) & (out.indicator == "va_primary"),
            "value"] = np.nan
    result = structure_measures(out)
    assert math.isnan(_value(result, "Hebei", 2019, "level_coefficient"))


def test_employment_flags_and_vintages_are_carried():
    def flag(row):
        return "series_break" if row["year"] == 2020 else ""

    def vintage(row):
        return "yb2021" if row["year"] == 2020 else "yb2020"

    emp = _long(EMP_ROWS, EM, extra={"flag": flag, "vintage": vintage})
    emp.loc[(emp.region == "Beijing") & (emp.year == 2019) & (emp.indicator == "emp_primary"),
            "flag"] = "suspicious"
    result = structure_measures(_long(OUTPUT_ROWS, VA), emp)
    theil = result[result.measure == "theil_rationalization"].set_index(["region", "year"])
    assert theil.loc[("Hebei", 2020), "emp_flag"] == "series_break"
    assert theil.loc[("Hebei", 2019), "emp_flag"] == ""
    assert theil.loc[("Beijing", 2019), "emp_flag"] == "suspicious"
    assert theil.loc[("Hebei", 2020), "emp_vintage"] == "yb2021"
    # output-only measures do not claim an employment series
    level = result[result.measure == "level_coefficient"]
    assert level["emp_vintage"].isna().all()


def test_two_employment_vintages_are_not_merged():
    emp = pd.concat(
        [
            _long(EMP_ROWS, EM).assign(vintage="old"),
            _long({("Hebei", 2020): [20.0, 35.0, 45.0]}, EM).assign(vintage="new"),
        ]
    )
    result = structure_measures(_long(OUTPUT_ROWS, VA), emp)
    rows = result[
        (result.region == "Hebei") & (result.year == 2020)
        & (result.measure == "theil_rationalization")
    ].set_index("emp_vintage")
    assert set(rows.index) == {"old", "new"}
    assert rows.loc["new", "value"] == pytest.approx(
        theil_rationalization(OUTPUT_ROWS[("Hebei", 2020)], [20, 35, 45])
    )
    assert rows.loc["old", "value"] != rows.loc["new", "value"]


def test_duplicate_rows_without_vintage_are_refused():
    out = _long(OUTPUT_ROWS, VA)
    with pytest.raises(ValueError, match="several rows"):
        structure_measures(pd.concat([out, out.iloc[:1]]))


def test_missing_columns_are_refused():
    with pytest.raises(ValueError, match="missing column"):
        structure_measures(_long(OUTPUT_ROWS, VA).drop(columns="indicator"))


def test_invalid_value_error_names_region_and_year():
    out = _long(OUTPUT_ROWS, VA)
    out.loc[(out.region == "Hebei") & (out.year == 2020) & (out.indicator == "va_primary"),
            "value"] = -1.0
    with pytest.raises(ValueError, match="Hebei 2020.*non-negative"):
        structure_measures(out)


def test_custom_indicator_names():
    codes = ("gva1", "gva2", "gva3")
    result = structure_measures(_long(OUTPUT_ROWS, codes), output_indicators=codes)
    assert _value(result, "Hebei", 2019, "advancement_ratio") == pytest.approx(0.8)


def test_sector_shares():
    result = sector_shares(_long(OUTPUT_ROWS, VA))
    assert _value(result, "Hebei", 2019, "share_primary") == pytest.approx(10.0)
    assert _value(result, "Hebei", 2019, "share_tertiary") == pytest.approx(40.0)
    # 11 / (11 + 48 + 52) · 100 = 9.9099
    assert _value(result, "Hebei", 2020, "share_primary") == pytest.approx(1100 / 111)
    totals = result.dropna().groupby(["region", "year"])["value"].sum()
    np.testing.assert_allclose(totals, 100.0)
    assert math.isnan(_value(result, "Beijing", 2020, "share_tertiary"))


def test_sector_shares_keep_flag():
    out = _long(OUTPUT_ROWS, VA).assign(flag="", vintage="v1")
    out.loc[out.year == 2020, "flag"] = "preliminary"
    result = sector_shares(out)
    assert set(result.loc[result.year == 2020, "flag"]) == {"preliminary"}
    assert set(result["vintage"]) == {"v1"}


def test_relative_labour_productivity_matches_scalar():
    result = relative_labour_productivity(_long(OUTPUT_ROWS, VA), _long(EMP_ROWS, EM))
    expected = relative_productivities(OUTPUT_ROWS[("Hebei", 2019)], EMP_ROWS[("Hebei", 2019)])
    for i, sector in enumerate(("primary", "secondary", "tertiary")):
        assert _value(result, "Hebei", 2019, f"rlp_{sector}") == pytest.approx(expected[i])
        assert math.isnan(_value(result, "Beijing", 2020, f"rlp_{sector}"))

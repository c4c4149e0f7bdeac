"""Lesson 04 (and the index lesson 05 reuses): the key numbers are right and the notebook
prints them.

The key numbers come from the helpers the lesson calls (``helpers.digital``); each is compared
with an independent recomputation from the CSV files in ``data/`` with plain pandas (not
``helpers.data``), scaling the indicators as the lesson's text describes and using
``helpers.composite`` only for the entropy formula (tested by hand in ``test_composite.py``).
End-to-end checks then compare the kept ``# NBVAL_CHECK_OUTPUT`` text with the helpers' values
formatted as the lesson prints them (nbval checks that a fresh run prints the kept text).
"""

from __future__ import annotations

import pandas as pd
import pytest
from digital_recompute import (  # noqa: F401 - panel and index are fixtures
    DATA,
    DEFAULT,
    NB04,
    NB05,
    index,
    panel,
)
from digital_recompute import (
    kept_text as _kept_text,
)

from helpers import digital
from helpers.composite import (
    entropy_index,
    entropy_weights,
)


@pytest.fixture(scope="module")
def lesson():
    """The lesson's key numbers, from the helpers it calls, with its default parameters."""
    panel = digital.scaled_panel()
    frame, report = digital.digital_indicators_frame(DEFAULT, 2016, 2024, panel=panel)
    index, weights = digital.digital_index(DEFAULT, 2016, 2024, panel=panel)
    loo = digital.leave_one_out(DEFAULT, 2016, 2024, "Hebei", panel=panel,
                                rows=tuple(frame.index))
    return {"frame": frame, "report": report, "index": index, "weights": weights,
            "ranks": digital.year_ranks(index), "loo": loo}


def test_nb04_sample(panel, lesson):
    report, frame = lesson["report"], lesson["frame"]
    assert sorted(frame.index) == sorted(panel.index)
    assert report.sample_years == sorted(panel.index.get_level_values("year").unique())
    # independently: provinces with a raw value somewhere but no complete province-year
    raw = pd.read_csv(DATA / "digital_indicators.csv")
    out = sorted(set(raw["region"]) - set(panel.index.get_level_values("region")))
    assert list(report.regions_dropped) == out == ["Tibet"]
    # end to end: the notebook prints these
    text = _kept_text(NB04)
    years = report.sample_years
    assert (f"years {years[0]}-{years[-1]}, provinces {report.regions_kept}, "
            f"region-years {len(frame)}") in text
    assert f"dropped provinces: {', '.join(report.regions_dropped) or 'none'}" in text


def test_nb04_weights(index, lesson):
    w, _ = index
    got = lesson["weights"]
    assert set(got.index) == set(DEFAULT)
    for code in DEFAULT:
        assert got[code] == pytest.approx(w[code], abs=1e-12), code
    assert got.sum() == pytest.approx(1.0, abs=1e-12)
    # end to end: the printed line is the helper's weights, formatted as the lesson does
    assert "weights: " + ", ".join(f"{c} {v:.3f}" for c, v in got.sort_values(
        ascending=False).items()) in _kept_text(NB04)


def test_nb04_hebei_index_and_ranks(index, lesson):
    _, s = index
    ranks = s.groupby(level="year").rank(ascending=False, method="min")
    got, got_ranks = lesson["index"], lesson["ranks"]
    pd.testing.assert_series_equal(got.sort_index(), s.sort_index(), check_names=False,
                                   atol=1e-12, rtol=0)
    assert (got_ranks.sort_index() == ranks.sort_index().astype(int)).all()
    hebei = got.xs("Hebei", level="region")
    assert "index: " + ", ".join(f"{y} {v:.3f}" for y, v in hebei.items()) in _kept_text(NB04)


def test_nb04_leave_one_out(panel, lesson):
    loo = lesson["loo"]
    last = panel.index.get_level_values("year").max()
    full = entropy_index(panel, entropy_weights(panel))
    base = full.xs(last, level="year").rank(ascending=False, method="min")
    for code in DEFAULT:
        rest = panel.drop(columns=code)
        s = entropy_index(rest, entropy_weights(rest))
        rank = s.xs(last, level="year").rank(ascending=False, method="min")
        assert loo.loc[code, "rank"] == int(rank["Hebei"]), code
        assert loo.loc[code, "change"] == int(rank["Hebei"] - base["Hebei"]), code
        assert loo.loc[code, "mean_abs_change"] == pytest.approx(
            (rank - base).abs().mean()), code
    # end to end: the kept table is the helper's
    assert loo[["rank", "change"]].to_string() in _kept_text(NB04)


def test_nb04_third_party_rank_correlation(lesson):
    third = pd.read_csv(DATA / "digital_economy_index_thirdparty.csv")
    third = third[third["indicator"] == "digital_economy_index_repo_computed"].set_index(
        ["region", "year"])["value"]
    ours = lesson["index"]
    both = pd.concat({"ours": ours, "third": third}, axis=1, join="inner")
    want = {int(y): g["ours"].rank().corr(g["third"].rank()) for y, g in both.groupby(
        level="year")}
    got = digital.compare_indices(ours, third).spearman
    assert {int(y): v for y, v in got.items()} == pytest.approx(want, abs=1e-12)
    assert got.round(2).to_string() in _kept_text(NB04)


@pytest.mark.slow
@pytest.mark.parametrize(("nb", "params", "needle"), [
    (NB04, {"indicators": ["broadband_per_100", "pku_dfiik"]}, "pku_dfiic"),
    (NB04, {"indicators": ["broadband_per_100"]}, "at least two indicators"),
    (NB04, {"region": "Tibet"}, "software_revenue_pct_gdp"),
])
def test_bad_parameters_fail_with_a_clear_message(nb, params, needle, tmp_path):
    papermill = pytest.importorskip("papermill")
    with pytest.raises(papermill.PapermillExecutionError) as err:
        papermill.execute_notebook(str(nb), str(tmp_path / nb.name), parameters=params,
                                   kernel_name="python3", progress_bar=False, cwd=str(nb.parent))
    assert "ParameterError" in str(err.value)
    assert needle in str(err.value)

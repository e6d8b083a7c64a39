"""Tests of iasante.scores on hand-made patients (points computed by hand)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from iasante import IASanteError, datasets
from iasante.scores import (
    TIMI_PARTIAL_COLUMNS,
    TIMI_PARTIAL_MAX,
    observed_risk_by_level,
    timi_partial,
    timi_partial_points,
    timi_stemi_items,
)

# age, sysbp, hr, chf, sho -> expected points (age, sysbp, hr, killip, total)
PATIENTS = [
    ((58, 135, 78, 0, 0), (0, 0, 0, 0, 0)),
    ((64.9, 100, 100, 0, 0), (0, 0, 0, 0, 0)),  # every threshold just not reached
    ((65, 99, 101, 0, 0), (2, 3, 2, 0, 7)),  # every threshold just reached
    ((74, 120, 90, 1, 0), (2, 0, 0, 2, 4)),
    ((75, 120, 90, 0, 1), (3, 0, 0, 2, 5)),  # cardiogenic shock = Killip IV
    ((81, 85, 120, 1, 1), (3, 3, 2, 2, 10)),  # both Killip proxies count once
]


def _frame(rows):
    return pd.DataFrame([r for r, _ in rows], columns=list(TIMI_PARTIAL_COLUMNS))


def test_points_of_hand_made_patients():
    points = timi_partial_points(_frame(PATIENTS))
    expected = pd.DataFrame([e for _, e in PATIENTS], columns=["age", "sysbp", "hr", "killip", "total"])
    pd.testing.assert_frame_equal(points, expected, check_dtype=False)
    assert points.dtypes.map(lambda d: d.kind == "i").all()


def test_total_is_a_named_series_with_the_same_index():
    frame = _frame(PATIENTS)
    frame.index = [f"p{i}" for i in range(len(frame))]
    frame["extra"] = "ignorée"
    total = timi_partial(frame)
    assert isinstance(total, pd.Series) and total.name == "timi_partiel"
    assert list(total.index) == list(frame.index)
    assert total.tolist() == [e[-1] for _, e in PATIENTS]


def test_one_patient_as_a_dict_gives_an_int():
    patient = {"age": 70, "sysbp": 95, "hr": 105, "chf": 1, "sho": 0}
    assert timi_partial(patient) == 9
    assert isinstance(timi_partial(patient), int)
    assert timi_partial(pd.Series(patient)) == 9


def test_booleans_are_accepted_for_binary_items():
    frame = pd.DataFrame({"age": [50], "sysbp": [130], "hr": [80], "chf": [True], "sho": [False]})
    assert timi_partial(frame).iloc[0] == 2


def test_missing_column_is_a_french_error():
    with pytest.raises(IASanteError, match="absente.*sho"):
        timi_partial(pd.DataFrame({"age": [70], "sysbp": [120], "hr": [80], "chf": [0]}))


def test_missing_value_and_bad_coding_are_french_errors():
    frame = _frame(PATIENTS)
    frame.loc[1, "sysbp"] = np.nan
    with pytest.raises(IASanteError, match="manquante"):
        timi_partial(frame)
    frame = _frame(PATIENTS)
    frame.loc[0, "chf"] = 2
    with pytest.raises(IASanteError, match="0/1"):
        timi_partial(frame)
    frame = _frame(PATIENTS).astype({"hr": object})
    frame.loc[0, "hr"] = "rapide"
    with pytest.raises(IASanteError, match="non numérique"):
        timi_partial(frame)


@pytest.mark.parametrize("bad", [None, 3, "patient", [1, 2], {"age": [70, 80], "sysbp": [1, 2]}])
def test_bad_inputs_are_french_errors(bad):
    with pytest.raises(IASanteError):
        timi_partial(bad)


def test_items_table():
    items = timi_stemi_items()
    assert len(items) == 9
    assert items["points"].sum() - 2 == 14  # age counts once: 0 to 14 points in all
    partial = items[items["dans le score partiel"]]
    assert partial["points"].sum() - 2 == TIMI_PARTIAL_MAX


def test_whas500_distribution():
    df = datasets.outcome_by_horizon(datasets.load("whas500"), 365, "lenfol", "fstat", "death_1y")
    score = timi_partial(df)
    assert score.between(0, TIMI_PARTIAL_MAX).all()
    assert not score.isin([1]).any()  # no item is worth 1 point
    assert score.value_counts()[0] == 118


def test_observed_risk_by_level_with_wilson_interval():
    score = [0] * 10 + [1] * 10 + [2] * 4
    y = [0] * 10 + [1] * 5 + [0] * 5 + [1] * 4
    table = observed_risk_by_level(score, y)
    assert table["n"].tolist() == [10, 10, 4]
    assert table["events"].tolist() == [0, 5, 4]
    assert table["observed"].tolist() == [0.0, 0.5, 1.0]
    # Wilson 95 % for 5/10: 0.2366 to 0.7634; for 0/10: 0 to 0.2775
    assert table.loc[1, "low"] == pytest.approx(0.2366, abs=1e-3)
    assert table.loc[1, "high"] == pytest.approx(0.7634, abs=1e-3)
    assert table.loc[0, "low"] == 0 and table.loc[0, "high"] == pytest.approx(0.2775, abs=1e-3)
    assert (table["low"] <= table["observed"]).all() and (table["observed"] <= table["high"]).all()


@pytest.mark.parametrize(
    "score, y, conf",
    [([1, 2], [0], 0.95), ([], [], 0.95), ([1, np.nan], [0, 1], 0.95), ([1, 2], [0, 2], 0.95), ([1, 2], [0, 1], 1.5)],
)
def test_observed_risk_by_level_errors(score, y, conf):
    with pytest.raises(IASanteError):
        observed_risk_by_level(score, y, confidence=conf)

"""Exercises M1.17–M1.19 (notebook M1.6): right, wrong and garbage answers."""

from __future__ import annotations

import pytest
from exercise_cases import stable_id

from iasante import datasets, scores
from iasante.checks import evaluate
from iasante.exercises.m1_06 import MORTALITY_AT_5, N_HIGH_RISK

GARBAGE = [None, ..., "", "abc", [1, 2], {"a": 1}, float("nan"), object(), float("inf"), True, -1]
RIGHT = {
    "m1.ex17": [N_HIGH_RISK, "152", 152.0],
    "m1.ex18": [MORTALITY_AT_5, 0.46, "0,46", "46 %"],
    "m1.ex19": ["c", "C", "C)", "l'apprentissage profond (réseau de neurones convolutif)"],
}
WRONG = {
    "m1.ex17": [74, 500, 0.304, 151],
    "m1.ex18": [46, 0.30, 0.60, 0.4],
    "m1.ex19": ["a", "b", "d", "a, c"],
}


def test_expected_values_match_the_data():
    df = datasets.outcome_by_horizon(datasets.load("whas500"), 365, "lenfol", "fstat", "death_1y")
    score = scores.timi_partial(df)
    assert int((score >= 5).sum()) == N_HIGH_RISK
    table = scores.observed_risk_by_level(score, df["death_1y"])
    assert table.loc[5, "observed"] == pytest.approx(MORTALITY_AT_5)


@pytest.mark.parametrize("ex_id, answer", [(k, a) for k, v in RIGHT.items() for a in v])
def test_right_answers(ex_id, answer):
    assert evaluate(ex_id, answer).status == "correct"


@pytest.mark.parametrize("ex_id, answer", [(k, a) for k, v in WRONG.items() for a in v])
def test_wrong_answers(ex_id, answer):
    assert evaluate(ex_id, answer).status == "incorrect"


@pytest.mark.parametrize("ex_id", sorted(RIGHT))
@pytest.mark.parametrize("answer", GARBAGE, ids=stable_id)
def test_garbage_never_raises_nor_passes(ex_id, answer):
    fb = evaluate(ex_id, answer)
    assert fb.status != "correct"
    assert fb.message


def test_helpful_messages():
    assert "strictement" in evaluate("m1.ex17", 74).message
    assert "pourcentage" in evaluate("m1.ex18", 46).message

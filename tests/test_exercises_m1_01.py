"""Exercises of notebook M1.1 (M1.1–M1.3): right, wrong and garbage answers."""

from __future__ import annotations

import numpy as np
import pytest
from exercise_cases import stable_id

from iasante import datasets
from iasante.checks import evaluate
from iasante.exercises import m1_01

GARBAGE = [None, ..., "", "abc", [1, 2], {"a": 1}, float("nan"), object(), float("inf"), True, (1, 2, 3)]

RIGHT = {
    "m1.ex1": [0.4, 200 / 500, "0.4", "40%", "0,4", np.float64(0.4), np.array([0.4])],
    "m1.ex2": [17 / 22, 0.77, "0.773", np.float64(17 / 22)],
    "m1.ex3": ["b", "B", "b)", " b "],
}

WRONG = {
    "m1.ex1": [0.6, 200, 300, 40, 0.5, 0],
    "m1.ex2": [0.43, 198 / 478, 17, 22, 0.044, 0.5, 1],
    "m1.ex3": ["a", "c", "d", "a, b", ["a"]],
}


@pytest.mark.parametrize(("exercise_id", "answer"), [(k, a) for k, v in RIGHT.items() for a in v])
def test_right_answers(exercise_id, answer):
    assert evaluate(exercise_id, answer).status == "correct"


@pytest.mark.parametrize(("exercise_id", "answer"), [(k, a) for k, v in WRONG.items() for a in v])
def test_wrong_answers(exercise_id, answer):
    fb = evaluate(exercise_id, answer)
    assert fb.status == "incorrect"
    assert "Indice" in fb.message


@pytest.mark.parametrize("exercise_id", sorted(RIGHT))
@pytest.mark.parametrize("answer", GARBAGE, ids=stable_id)
def test_garbage_never_raises_nor_passes(exercise_id, answer):
    fb = evaluate(exercise_id, answer)
    assert fb.status != "correct"
    assert fb.message


@pytest.mark.parametrize("exercise_id", ["m1.ex1", "m1.ex2"])
def test_decimal_comma_is_explained(exercise_id):
    # reponse = 0,4 in Python is the tuple (0, 4)
    fb = evaluate(exercise_id, (0, 4))
    assert fb.status == "incorrect"
    assert "point" in fb.message


def test_targeted_messages():
    assert "nombre de femmes" in evaluate("m1.ex1", 200).message
    assert "pourcentage" in evaluate("m1.ex1", 40).message
    assert "SANS choc" in evaluate("m1.ex2", 198 / 478).message
    assert "toute la cohorte" in evaluate("m1.ex2", 0.43).message


def test_constants_match_the_data():
    df = datasets.load("whas500")
    assert len(df) == m1_01.N_PATIENTS
    assert int((df["gender"] == 1).sum()) == m1_01.N_WOMEN
    assert int((df["sho"] == 1).sum()) == m1_01.N_SHOCK
    assert int(df.loc[df["sho"] == 1, "fstat"].sum()) == m1_01.N_SHOCK_DEATHS
    assert int(df["fstat"].sum()) == m1_01.N_DEATHS
    expected = df.loc[df["sho"] == 1, "fstat"].mean()
    assert evaluate("m1.ex2", expected).status == "correct"

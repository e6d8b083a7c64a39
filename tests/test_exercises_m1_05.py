"""Exercises M1.14–M1.16 (notebook M1.5 — Biais et équité)."""

import numpy as np
import pandas as pd
import pytest
from exercise_cases import stable_id

from iasante.checks import evaluate

GARBAGE = [None, ..., "", "abc", [1, 2], {"a": 1}, float("nan"), object()]

# Ten patients: women have 2 survivors (1 selected), men have 4 survivors (0 selected).
Y_TRUE = pd.Series([0, 0, 1, 1, 0, 0, 0, 0, 1, 1])
Y_PRED = np.array([1, 0, 1, 0, 0, 0, 0, 0, 1, 1])
SEX = pd.Series(["femme"] * 4 + ["homme"] * 6, name="sexe")
# FPR: femme 1/2, homme 0/4 -> difference 0.5, ratio 0 ; TPR: femme 1/2, homme 2/2 -> difference 0.5.
Y_PRED_2 = np.array([1, 0, 1, 1, 1, 0, 0, 0, 1, 0])
# FPR: femme 0.5, homme 0.25 -> difference 0.25, ratio 0.5 ; TPR: 1 and 0.5 -> 0.5.


def test_m1_14():
    assert evaluate("m1.ex14", "a").status == "correct"
    assert evaluate("m1.ex14", "64 ans ou moins").status == "correct"
    assert evaluate("m1.ex14", "c").status == "incorrect"
    assert evaluate("m1.ex14", "80 ans ou plus").status == "incorrect"


def test_m1_15_right_and_wrong():
    assert evaluate("m1.ex15", 0.25, Y_TRUE, Y_PRED_2, SEX).status == "correct"
    assert evaluate("m1.ex15", np.float64(0.25), Y_TRUE, Y_PRED_2, SEX).status == "correct"
    ratio = evaluate("m1.ex15", 0.5, Y_TRUE, Y_PRED_2, SEX)
    assert ratio.status == "incorrect" and "ratio" in ratio.message
    assert evaluate("m1.ex15", 0.5, Y_TRUE, Y_PRED, SEX).status == "correct"
    assert evaluate("m1.ex15", 0.9, Y_TRUE, Y_PRED, SEX).status == "incorrect"
    assert evaluate("m1.ex15", -0.25, Y_TRUE, Y_PRED_2, SEX).status == "incorrect"


def test_m1_15_with_fairlearn():
    from fairlearn.metrics import MetricFrame, false_positive_rate

    mf = MetricFrame(metrics=false_positive_rate, y_true=Y_TRUE, y_pred=Y_PRED_2, sensitive_features=SEX)
    assert evaluate("m1.ex15", mf.difference(), Y_TRUE, Y_PRED_2, SEX).status == "correct"
    frame = evaluate("m1.ex15", mf, Y_TRUE, Y_PRED_2, SEX)
    assert frame.status == "incorrect" and ".difference()" in frame.message


def test_m1_16():
    assert evaluate("m1.ex16", "b").status == "correct"
    assert evaluate("m1.ex16", "B)").status == "correct"
    for wrong in ("a", "c", "d"):
        assert evaluate("m1.ex16", wrong).status == "incorrect"


@pytest.mark.parametrize("answer", GARBAGE, ids=stable_id)
def test_garbage_never_correct(answer):
    for ex_id, args in [("m1.ex14", ()), ("m1.ex15", (Y_TRUE, Y_PRED_2, SEX)), ("m1.ex16", ())]:
        assert evaluate(ex_id, answer, *args).status != "correct"


def test_m1_15_garbage_data_does_not_raise():
    assert evaluate("m1.ex15", 0.25, None, None, None).status != "correct"
    assert evaluate("m1.ex15", 0.25, [0, 1], [1], ["a"]).status != "correct"
    assert evaluate("m1.ex15", 0.25).status != "correct"

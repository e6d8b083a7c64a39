"""Exercises M1.7–M1.10 (notebook M1.3): right answers pass, wrong ones fail, garbage never raises."""

import numpy as np
import pandas as pd
import pytest
from exercise_cases import case_tests

from iasante.checks import evaluate
from iasante.exercises.m1_03 import upper_useful_threshold
from iasante.metrics import clinical_metrics, decision_curve, expected_calibration_error

RNG = np.random.default_rng(7)
Y = (RNG.random(300) < 0.3).astype(int)
P = np.clip(0.2 + 0.15 * Y + RNG.normal(0, 0.15, 300), 0.001, 0.999)
M03 = clinical_metrics(Y, (P >= 0.3).astype(int))
M05 = clinical_metrics(Y, (P >= 0.5).astype(int))
BRIER = float(np.mean((P - Y) ** 2))
CURVE = decision_curve(Y, P)

GARBAGE = [None, ..., "", "abc", [1, 2], {"a": 1}, float("nan"), object(), True, "0,5 %", (np.nan, 0.5),
           ("a", "b"), [[1, 2], [3, 4]], pd.DataFrame({"a": [1]})]

# (exercise id, extra args, right answers, wrong answers)
CASES = {
    "m1.ex7": ((), [0.0833, 0.083, "0,083", "8,3 %", np.float64(0.08333)], [0.9, 0.5, 0.01, 8.3, 0.917]),
    "m1.ex8": (
        (Y, P),
        [
            (M03["sensitivity"], M03["specificity"]),
            [round(M03["sensitivity"], 3), round(M03["specificity"], 3)],
            {"sensibilité": M03["sensitivity"], "spécificité": M03["specificity"]},
            {"sensitivity": M03["sensitivity"], "specificity": M03["specificity"]},
            np.array([M03["sensitivity"], M03["specificity"]]),
        ],
        [
            (M03["specificity"], M03["sensitivity"]),
            (M05["sensitivity"], M05["specificity"]),
            (100 * M03["sensitivity"], 100 * M03["specificity"]),
            (M03["sensitivity"], 0.1),
            (0.1, M03["specificity"]),
            (0.5, 0.5),
        ],
    ),
    "m1.ex9": (
        (Y, P),
        [BRIER, round(BRIER, 3), f"{BRIER:.4f}".replace(".", ",")],
        [np.sqrt(BRIER), float(np.mean(np.abs(P - Y))), BRIER * len(Y), 1 - BRIER,
         expected_calibration_error(Y, P), 0.5],
    ),
    "m1.ex10": (
        (CURVE,),
        [upper_useful_threshold(CURVE), upper_useful_threshold(CURVE) + 0.04,
         upper_useful_threshold(CURVE) - 0.04],
        [0.05, 0.99, upper_useful_threshold(CURVE) + 0.2, upper_useful_threshold(CURVE) * 100],
    ),
}


@pytest.mark.parametrize("exercise_id", ["m1.ex8", "m1.ex9", "m1.ex10"])
def test_garbage_data_arguments_never_raise(exercise_id):
    args, right, _ = CASES[exercise_id]
    bad_args = [None] * len(args)
    fb = evaluate(exercise_id, right[0], *bad_args)
    assert fb.status == "invalid"
    fb = evaluate(exercise_id, right[0])  # data arguments forgotten
    assert fb.status == "invalid"


def test_the_synthetic_curve_has_an_interior_crossing():
    assert 0.3 < upper_useful_threshold(CURVE) < 0.8


def test_specific_feedback():
    swapped = evaluate("m1.ex8", (M03["specificity"], M03["sensitivity"]), Y, P)
    assert "inversées" in swapped.message
    at_half = evaluate("m1.ex8", (M05["sensitivity"], M05["specificity"]), Y, P)
    assert "0,5" in at_half.message
    assert "racine" in evaluate("m1.ex9", np.sqrt(BRIER), Y, P).message
    assert "ECE" in evaluate("m1.ex9", expected_calibration_error(Y, P), Y, P).message
    assert "droite" in evaluate("m1.ex10", 0.05, CURVE).message
    assert "pourcentage" in evaluate("m1.ex7", 8.3).message


def test_upper_useful_threshold_on_a_simple_curve():
    curve = pd.DataFrame({"threshold": [0.1, 0.2, 0.3, 0.4, 0.5],
                          "model": [0.30, 0.25, 0.10, 0.0, 0.01],
                          "treat_all": [0.30, 0.20, 0.05, -0.1, -0.2],
                          "treat_none": [0.0] * 5})
    assert upper_useful_threshold(curve) == 0.4
    always = curve.assign(model=[0.31, 0.3, 0.3, 0.3, 0.3])
    assert upper_useful_threshold(always) == 0.5
    with pytest.raises(ValueError):
        upper_useful_threshold("courbe")


test_right_answers_are_correct, test_wrong_answers_are_incorrect, test_garbage_never_raises_and_is_never_correct = (
    case_tests(CASES, GARBAGE)
)

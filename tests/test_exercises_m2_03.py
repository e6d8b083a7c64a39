"""Exercises of notebook M2.3 (M2.7–M2.9): right answers pass, wrong ones fail, garbage never raises."""

import numpy as np
import pytest

from iasante.checks import evaluate
from iasante.exercises.m2_03 import SSR_TO_HOME

GARBAGE = [None, ..., "", "abc", [1, 2], {"a": 1}, float("nan"), object()]

# a small test set: 10 stays, scores from high to low, 4 readmissions
Y = np.array([1, 0, 1, 1, 0, 0, 0, 1, 0, 0])
SCORES = np.linspace(0.9, 0.1, 10)


def test_m2_7_transition_matrix():
    assert evaluate("m2.ex7", SSR_TO_HOME).status == "correct"
    assert evaluate("m2.ex7", round(SSR_TO_HOME, 2)).status == "correct"
    assert evaluate("m2.ex7", f"{SSR_TO_HOME:.2f}".replace(".", ",")).status == "correct"
    assert evaluate("m2.ex7", 0.21).status == "incorrect"  # SSR -> EHPAD
    fb = evaluate("m2.ex7", 100 * SSR_TO_HOME)
    assert fb.status == "incorrect" and "pourcentage" in fb.message


def test_m2_8_precision_at_k():
    assert evaluate("m2.ex8", 2 / 3, Y, SCORES, 3).status == "correct"
    assert evaluate("m2.ex8", 0.4, Y, SCORES, 10).status == "correct"
    assert evaluate("m2.ex8", np.float64(0.75), Y, SCORES, 4).status == "correct"
    assert evaluate("m2.ex8", 0.5, Y, SCORES, 3).status == "incorrect"
    fb = evaluate("m2.ex8", 2, Y, SCORES, 3)  # a count instead of a proportion
    assert fb.status == "incorrect" and "divisez" in fb.message
    fb = evaluate("m2.ex8", 0.0, Y, SCORES, 2)  # precision of the 2 LOWEST scores
    assert fb.status == "incorrect" and "FAIBLES" in fb.message
    fb = evaluate("m2.ex8", 200 / 3, Y, SCORES, 3)
    assert fb.status == "incorrect" and "pourcentage" in fb.message


def test_m2_8_ties_broken_either_way():
    scores = np.array([0.9, 0.5, 0.5, 0.1])
    y = np.array([1, 1, 0, 0])
    for answer in (0.5, 1.0):  # the tied second place may go to either stay
        assert evaluate("m2.ex8", answer, y, scores, 2).status == "correct"
    assert evaluate("m2.ex8", 0.0, y, scores, 2).status == "incorrect"


def test_m2_8_needs_its_data():
    assert evaluate("m2.ex8", 0.5).status == "invalid"
    assert evaluate("m2.ex8", 0.5, Y, SCORES[:5], 3).status != "correct"
    assert evaluate("m2.ex8", 0.5, Y, SCORES, 0).status != "correct"


def test_m2_9_fairness_table():
    for answer in ("b", "B", " b) ", ["b"]):
        assert evaluate("m2.ex9", answer).status == "correct"
    for answer in ("a", "c", "d", "a, b"):
        assert evaluate("m2.ex9", answer).status == "incorrect"


@pytest.mark.parametrize("answer", GARBAGE)
@pytest.mark.parametrize("exercise, args", [("m2.ex7", ()), ("m2.ex8", (Y, SCORES, 3)), ("m2.ex9", ())])
def test_garbage_never_raises_nor_passes(exercise, args, answer):
    fb = evaluate(exercise, answer, *args)
    assert fb.status != "correct"

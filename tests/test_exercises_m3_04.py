"""Exercises M3.10–M3.12 (notebook M3.4): right answers pass, wrong ones fail, garbage never raises."""

import numpy as np
import pandas as pd
import pytest
from exercise_cases import case_tests
from scipy import signal

from iasante.checks import evaluate
from iasante.convolution import KERNELS
from iasante.metrics import clinical_metrics

RNG = np.random.default_rng(3)
IMAGE = RNG.random((12, 10))
SOBEL_Y = KERNELS["sobel_y"]
Y = (RNG.random(200) < 0.7).astype(int)
PRED = np.where(RNG.random(200) < 0.85, Y, 1 - Y)
M = clinical_metrics(Y, PRED)
BALANCED = (M["sensitivity"] + M["specificity"]) / 2


def loops(image, kernel):
    h, w = image.shape
    out = np.zeros((h - 2, w - 2))
    for i in range(h - 2):
        for j in range(w - 2):
            out[i, j] = np.sum(image[i:i + 3, j:j + 3] * kernel)
    return out


def via_scipy(image, kernel):
    return signal.correlate2d(image, kernel, mode="valid")


def flipped(image, kernel):
    return loops(image, kernel[::-1, ::-1])


def transposed(image, kernel):
    return loops(image, kernel.T)


def padded(image, kernel):
    return signal.correlate2d(image, kernel, mode="same")


def off_by_one(image, kernel):
    return loops(image, kernel)[:-1]


def returns_nothing(image, kernel):
    loops(image, kernel)


def wrong_values(image, kernel):
    out = loops(image, kernel)
    out[2, 3] += 1
    return out


def raises(image, kernel):
    raise RuntimeError("bug")


GARBAGE = [None, ..., "", "abc", [1, 2], {"a": 1}, float("nan"), object(), True, 0.5, (np.nan, 0.5),
           [[1, 2], [3, 4]], pd.DataFrame({"a": [1]}), np.zeros((10, 8))]

# (exercise id, extra args, right answers, wrong answers)
CASES = {
    "m3.ex10": ((IMAGE, SOBEL_Y), [loops, via_scipy],
                [flipped, transposed, padded, off_by_one, returns_nothing, wrong_values]),
    "m3.ex11": ((), ["b", "B", "b)"], ["a", "c", "d", "a, b"]),
    "m3.ex12": ((Y, PRED), [BALANCED, round(BALANCED, 3), f"{BALANCED:.3f}".replace(".", ",")],
                [M["accuracy"], M["sensitivity"], M["specificity"], 100 * BALANCED, 0.5, 1 - BALANCED + 0.2]),
}


def _id(value):
    return type(value).__name__ if " at 0x" in repr(value) else repr(value)


@pytest.mark.parametrize("exercise_id", ["m3.ex10", "m3.ex12"])
def test_garbage_data_arguments_never_raise(exercise_id):
    args, right, _ = CASES[exercise_id]
    fb = evaluate(exercise_id, right[0], *([None] * len(args)))
    assert fb.status == "invalid"
    fb = evaluate(exercise_id, right[0])  # data arguments forgotten
    assert fb.status == "invalid"


def test_a_function_that_raises_is_reported_not_raised():
    fb = evaluate("m3.ex10", raises, IMAGE, SOBEL_Y)
    assert fb.status == "invalid" and "RuntimeError" in fb.message


def test_specific_feedback():
    assert "convolution des mathématiciens" in evaluate("m3.ex10", flipped, IMAGE, SOBEL_Y).message
    assert "transposé" in evaluate("m3.ex10", transposed, IMAGE, SOBEL_Y).message
    assert "same" in evaluate("m3.ex10", padded, IMAGE, SOBEL_Y).message
    assert "None" in evaluate("m3.ex10", returns_nothing, IMAGE, SOBEL_Y).message
    assert "(10, 8)" in evaluate("m3.ex10", off_by_one, IMAGE, SOBEL_Y).message
    assert "fonction" in evaluate("m3.ex10", 3, IMAGE, SOBEL_Y).message
    assert "exactitude simple" in evaluate("m3.ex12", M["accuracy"], Y, PRED).message
    assert "sensibilité" in evaluate("m3.ex12", M["sensitivity"], Y, PRED).message
    assert "pourcentage" in evaluate("m3.ex12", 100 * BALANCED, Y, PRED).message


test_right_answers_are_correct, test_wrong_answers_are_incorrect, test_garbage_never_raises_and_is_never_correct = (
    case_tests(CASES, GARBAGE)
)

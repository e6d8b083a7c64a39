"""Exercises M3.16–M3.18 (notebook M3.6 — Défi ScanCovid-IA)."""

import numpy as np
import pytest

from iasante import datasets
from iasante.checks import evaluate

GARBAGE = [None, ..., "", "abc", [1, 2], {"a": 1}, float("nan"), object()]
GARBAGE_IDS = ["None", "Ellipsis", "empty", "abc", "list", "dict", "nan", "object"]


@pytest.fixture(scope="module")
def test_split():
    """Official test images and labels of PneumoniaMNIST (the challenge's hidden data)."""
    return datasets.load_pneumoniamnist().get("test")


def test_m3_16_right_answer(test_split):
    images, labels = test_split
    rng = np.random.default_rng(0)
    proba = np.clip(0.35 * labels + 0.65 * rng.random(len(labels)), 0, 1)  # weak but better than chance
    feedback = evaluate("m3.ex16", proba, images)
    assert feedback.status == "correct", feedback.message
    assert "AUC" in feedback.message
    assert evaluate("m3.ex16", list(proba), images).status == "correct"


def test_m3_16_wrong_answers(test_split):
    images, labels = test_split
    rng = np.random.default_rng(1)
    proba = np.clip(0.35 * labels + 0.65 * rng.random(len(labels)), 0, 1)
    inverted = evaluate("m3.ex16", 1 - proba, images)
    assert inverted.status == "incorrect" and "hasard" in inverted.message
    hard = evaluate("m3.ex16", labels.astype(float), images)
    assert hard.status == "incorrect" and "classes" in hard.message
    short = evaluate("m3.ex16", proba[:524], images)
    assert short.status == "incorrect" and "624" in short.message
    two_columns = evaluate("m3.ex16", np.column_stack([1 - proba, proba]), images)
    assert two_columns.status == "incorrect" and "[:, 1]" in two_columns.message
    percent = evaluate("m3.ex16", 100 * proba, images)
    assert percent.status == "incorrect" and "100" in percent.message
    with_nan = proba.copy()
    with_nan[3] = np.nan
    assert evaluate("m3.ex16", with_nan, images).status == "incorrect"
    wrong_images = evaluate("m3.ex16", proba, images[:, ::-1])
    assert wrong_images.status == "incorrect" and "X_test" in wrong_images.message


@pytest.mark.parametrize("garbage", GARBAGE, ids=GARBAGE_IDS)
def test_m3_16_garbage(garbage, test_split):
    images, _ = test_split
    assert evaluate("m3.ex16", garbage, images).status != "correct"
    assert evaluate("m3.ex16", np.full(624, 0.5), garbage).status != "correct"


def test_m3_17():
    assert evaluate("m3.ex17", "b").status == "correct"
    assert evaluate("m3.ex17", "B)").status == "correct"
    for wrong in ("a", "c", "d"):
        assert evaluate("m3.ex17", wrong).status == "incorrect"


def test_m3_18():
    assert evaluate("m3.ex18", "a, b, c").status == "correct"
    assert evaluate("m3.ex18", "c, a, b").status == "correct"
    assert evaluate("m3.ex18", ["a", "b", "c"]).status == "correct"
    incomplete = evaluate("m3.ex18", "a, b")
    assert incomplete.status == "incorrect" and "incomplet" in incomplete.message
    for wrong in ("a, b, c, d", "d", "e", "a, b, c, e", "d, e"):
        assert evaluate("m3.ex18", wrong).status == "incorrect"


@pytest.mark.parametrize("exercise", ["m3.ex17", "m3.ex18"])
@pytest.mark.parametrize("garbage", GARBAGE, ids=GARBAGE_IDS)
def test_choices_garbage(exercise, garbage):
    assert evaluate(exercise, garbage).status != "correct"

"""Exercises M3.7–M3.9 (notebook M3.3 — Des caractéristiques radiomiques à la classification)."""

import numpy as np
import pytest
from exercise_cases import stable_id
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from threadpoolctl import threadpool_limits

from iasante import datasets, radiomics
from iasante.checks import evaluate

GARBAGE = [None, ..., "", "abc", [1, 2], {"a": 1}, float("nan"), object()]


@pytest.fixture(scope="module", autouse=True)
def one_thread():
    """Small fits: one thread is faster than two competing ones (and reproducible)."""
    with threadpool_limits(limits=1):
        yield


@pytest.fixture(scope="module")
def hog_data():
    """HOG features of PneumoniaMNIST, official train and validation splits (as in the notebook)."""
    data = datasets.load_pneumoniamnist()
    keep = data.split != "test"
    X = radiomics.hog_features(data.images[keep]).to_numpy()
    y, split = data.labels[keep], data.split[keep]
    return X[split == "train"], y[split == "train"], X[split == "val"], y[split == "val"]


def _logistic(C=0.1):
    return make_pipeline(StandardScaler(), LogisticRegression(C=C, max_iter=1000))


def test_m3_7():
    assert evaluate("m3.ex7", "d").status == "correct"
    assert evaluate("m3.ex7", "HOG").status == "correct"
    assert evaluate("m3.ex7", "D)").status == "correct"
    for wrong in ("a", "b", "c", "texture GLCM"):
        assert evaluate("m3.ex7", wrong).status == "incorrect"


def test_m3_8_right_answer(hog_data):
    X_train, y_train, X_val, y_val = hog_data
    model = _logistic().fit(X_train, y_train)
    feedback = evaluate("m3.ex8", model, X_val, y_val)
    assert feedback.status == "correct", feedback.message
    assert "0.98" in feedback.message


def test_m3_8_wrong_answers(hog_data):
    X_train, y_train, X_val, y_val = hog_data
    unfitted = evaluate("m3.ex8", _logistic(), X_val, y_val)
    assert unfitted.status == "incorrect" and "entraîné" in unfitted.message
    dummy = DummyClassifier(strategy="prior").fit(X_train, y_train)
    weak = evaluate("m3.ex8", dummy, X_val, y_val)
    assert weak.status == "incorrect" and "0.500" in weak.message
    cheat = evaluate("m3.ex8", _logistic(C=1.0).fit(X_val, y_val), X_val, y_val)
    assert cheat.status == "incorrect" and "validation" in cheat.message
    wrong_features = _logistic().fit(X_train[:, :10], y_train)
    assert evaluate("m3.ex8", wrong_features, X_val, y_val).status == "incorrect"
    assert evaluate("m3.ex8", LogisticRegression, X_val, y_val).status == "incorrect"
    assert evaluate("m3.ex8", _logistic().fit(X_train, y_train), X_val, np.zeros(len(y_val))).status == "incorrect"


def test_m3_9():
    assert evaluate("m3.ex9", "b").status == "correct"
    assert evaluate("m3.ex9", "B").status == "correct"
    for wrong in ("a", "c"):
        assert evaluate("m3.ex9", wrong).status == "incorrect"


@pytest.mark.parametrize("answer", GARBAGE, ids=stable_id)
def test_garbage_never_correct(answer, hog_data):
    _, _, X_val, y_val = hog_data
    for ex_id, args in [("m3.ex7", ()), ("m3.ex8", (X_val, y_val)), ("m3.ex9", ())]:
        assert evaluate(ex_id, answer, *args).status != "correct"


def test_m3_8_garbage_data_does_not_raise(hog_data):
    X_train, y_train, _, _ = hog_data
    model = _logistic().fit(X_train, y_train)
    for X, y in [(None, None), ("abc", [1, 2]), (np.zeros((3, 324)), [0, 1, 2])]:
        assert evaluate("m3.ex8", model, X, y).status != "correct"

"""Exercises M3.13–M3.15 (notebook M3.5 — Expliquer et auditer un modèle d'image): right answers pass,
wrong ones fail, garbage never raises and is never correct."""

import numpy as np
import pytest
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from iasante import datasets
from iasante.checks import evaluate
from iasante.shortcut import add_marker

GARBAGE = [None, ..., "", "abc", [1, 2], {"a": 1}, float("nan"), object(), True, "e", (0.5, 0.6),
           np.zeros((3, 3)), float("inf"), -0.5, 1.5]


def _ids(value):
    return type(value).__name__ if " at 0x" in repr(value) else repr(value)


@pytest.fixture(scope="module")
def shortcut():
    """A shortcut model trained as in the notebook (on a subset, for speed), and clean test images."""
    pneumo = datasets.load_pneumoniamnist()
    X_train, y_train = pneumo.get("train")
    X_test, y_test = pneumo.get("test")
    X_train, y_train = X_train[:1500], y_train[:1500]
    marked, _ = add_marker(X_train, y_train, p_positive=1.0, p_negative=0.05, random_state=0)
    model = make_pipeline(StandardScaler(), LogisticRegression(C=0.01, max_iter=1000))
    model.fit(marked.reshape(len(marked), -1) / 255, y_train)
    marked_test, _ = add_marker(X_test, y_test, p_positive=1.0, p_negative=0.05, random_state=2)
    return model, X_test, y_test, marked_test


def _auc(model, images, labels):
    return roc_auc_score(labels, model.predict_proba(images.reshape(len(images), -1) / 255)[:, 1])


# ------------------------------------------------------------------ M3.13
def test_m3_13_right(shortcut):
    model, X_test, y_test, _ = shortcut
    auc = _auc(model, X_test, y_test)
    assert evaluate("m3.ex13", auc, model, X_test, y_test).status == "correct"
    assert evaluate("m3.ex13", round(auc, 3), model, X_test, y_test).status == "correct"
    assert evaluate("m3.ex13", f"{auc:.3f}".replace(".", ","), model, X_test, y_test).status == "correct"
    score = model.decision_function(X_test.reshape(len(X_test), -1) / 255)  # same order, same AUC
    assert evaluate("m3.ex13", roc_auc_score(y_test, score), model, X_test, y_test).status == "correct"


def test_m3_13_wrong_gets_a_diagnosis(shortcut):
    model, X_test, y_test, marked_test = shortcut
    auc_marked = _auc(model, marked_test, y_test)
    assert auc_marked >= 0.97
    fb = evaluate("m3.ex13", auc_marked, model, X_test, y_test)
    assert fb.status == "incorrect" and "marquées" in fb.message
    labels_auc = roc_auc_score(y_test, model.predict(X_test.reshape(len(X_test), -1) / 255))
    fb = evaluate("m3.ex13", labels_auc, model, X_test, y_test)
    assert fb.status == "incorrect" and "probabilités" in fb.message
    for wrong in (0.5, _auc(model, X_test, y_test) - 0.05, 1 - _auc(model, X_test, y_test)):
        assert evaluate("m3.ex13", wrong, model, X_test, y_test).status == "incorrect"


@pytest.mark.parametrize("answer", GARBAGE, ids=_ids)
def test_m3_13_garbage(answer, shortcut):
    model, X_test, y_test, _ = shortcut
    assert evaluate("m3.ex13", answer, model, X_test, y_test).status != "correct"


def test_m3_13_garbage_arguments(shortcut):
    model, X_test, y_test, _ = shortcut
    auc = _auc(model, X_test, y_test)
    assert evaluate("m3.ex13", auc, "abc", X_test, y_test).status != "correct"
    assert evaluate("m3.ex13", auc, model, X_test[:10], y_test).status != "correct"
    assert evaluate("m3.ex13", auc, model, X_test).status == "invalid"  # a missing argument


# ------------------------------------------------------------------ M3.14
@pytest.mark.parametrize("answer", ["b", "B", "b)", "le coin supérieur gauche de l'image", ["b"]])
def test_m3_14_right(answer):
    assert evaluate("m3.ex14", answer).status == "correct"


@pytest.mark.parametrize("answer", ["a", "c", "d", "les champs pulmonaires", "a, b"])
def test_m3_14_wrong(answer):
    assert evaluate("m3.ex14", answer).status == "incorrect"


# ------------------------------------------------------------------ M3.15
@pytest.mark.parametrize("answer", ["a", "A", "le contraste réduit", "le contraste reduit"])
def test_m3_15_right(answer):
    assert evaluate("m3.ex15", answer).status == "correct"


@pytest.mark.parametrize("answer", ["b", "c", "d", "le bruit gaussien", "a, b"])
def test_m3_15_wrong(answer):
    assert evaluate("m3.ex15", answer).status == "incorrect"


@pytest.mark.parametrize("exercise", ["m3.ex14", "m3.ex15"])
@pytest.mark.parametrize("answer", GARBAGE, ids=_ids)
def test_choice_garbage(exercise, answer):
    assert evaluate(exercise, answer).status != "correct"

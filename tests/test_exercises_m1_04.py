"""Exercises of notebook M1.4 — Expliquer un modèle (M1.11–M1.13): right, wrong and garbage answers."""

import math
from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest

from iasante.checks import evaluate
from iasante.exercises.m1_04 import OR_AGE_PER_SD

GARBAGE = [None, ..., "", "abc", [1, 2], {"a": 1}, float("nan"), object()]

NAMES = ["âge", "insuffisance cardiaque", "choc cardiogénique"]
VALUES = np.array([[0.10, -0.05, 0.00], [-0.08, 0.12, 0.01], [0.02, -0.04, 0.03], [0.12, 0.10, -0.01]])


def _explanation():
    """A stand-in for shap.Explanation: only .values and .feature_names are used."""
    return SimpleNamespace(values=VALUES, feature_names=NAMES)


def _right_series():
    return pd.Series(np.abs(VALUES).mean(axis=0), index=NAMES).sort_values(ascending=False)


GOOD_TEXT = (
    "D'après ce calcul, votre risque de décéder dans l'année est estimé à environ 60 %, contre 28 % en "
    "moyenne. Ce qui pèse le plus est l'insuffisance cardiaque survenue lors de l'infarctus. "
    "C'est une estimation, pas une certitude."
)


# ---------------------------------------------------------------- M1.11
@pytest.mark.parametrize("answer", [OR_AGE_PER_SD, round(OR_AGE_PER_SD, 2), "2,33", np.float64(2.33)])
def test_ex11_right(answer):
    assert evaluate("m1.ex11", answer).status == "correct"


@pytest.mark.parametrize("answer", [1.0, 1.83, 0.58, 3.5])
def test_ex11_wrong(answer):
    assert evaluate("m1.ex11", answer).status == "incorrect"


def test_ex11_hints_for_usual_confusions():
    assert "exponentielle" in evaluate("m1.ex11", math.log(OR_AGE_PER_SD)).message
    assert "par année" in evaluate("m1.ex11", 1.06).message


@pytest.mark.parametrize("answer", GARBAGE)
def test_ex11_garbage(answer):
    assert evaluate("m1.ex11", answer).status != "correct"


# ---------------------------------------------------------------- M1.12
def test_ex12_right():
    fb = evaluate("m1.ex12", _right_series(), _explanation())
    assert fb.status == "correct", fb.message


def test_ex12_right_as_one_column_frame():
    assert evaluate("m1.ex12", _right_series().to_frame("shap"), _explanation()).status == "correct"


@pytest.mark.parametrize(
    "answer, words",
    [
        (pd.Series(VALUES.mean(axis=0), index=NAMES).sort_values(ascending=False), "valeur absolue"),
        (pd.Series(np.abs(VALUES).mean(axis=0), index=NAMES).sort_values(), "triez"),
        (pd.Series(np.abs(VALUES).mean(axis=1)), "patient"),
        (np.abs(VALUES).mean(axis=0), "pd.Series"),
        (pd.Series(np.abs(VALUES).mean(axis=0), index=["a", "b", "c"]), "index"),
        (pd.Series([0.3, 0.2, 0.1], index=NAMES), "ne correspondent pas"),
    ],
)
def test_ex12_wrong_with_helpful_message(answer, words):
    fb = evaluate("m1.ex12", answer, _explanation())
    assert fb.status == "incorrect"
    assert words in fb.message


@pytest.mark.parametrize("answer", GARBAGE)
def test_ex12_garbage(answer):
    assert evaluate("m1.ex12", answer, _explanation()).status != "correct"


def test_ex12_missing_argument_never_raises():
    assert evaluate("m1.ex12", _right_series()).status == "invalid"


# ---------------------------------------------------------------- M1.13
@pytest.mark.parametrize("feature", ["chf", "insuffisance cardiaque", "l'insuffisance cardiaque"])
def test_ex13_right(feature):
    fb = evaluate("m1.ex13", GOOD_TEXT, feature)
    assert fb.status == "correct", fb.message


@pytest.mark.parametrize(
    "feature, text",
    [
        ("age", "Votre âge, 84 ans, est ce qui augmente le plus ce risque estimé par rapport à la moyenne des patients."),
        ("sho", "Le choc survenu à votre arrivée est ce qui augmente le plus ce risque estimé, plus que la moyenne."),
        ("hr", "Votre cœur battait vite à l'arrivée (fréquence cardiaque élevée) : c'est ce qui pèse le plus ici."),
        ("bmi", "Votre poids est plutôt bas pour votre taille, et c'est ce qui pèse le plus dans cette estimation."),
    ],
)
def test_ex13_right_for_other_features(feature, text):
    assert evaluate("m1.ex13", text, feature).status == "correct"


def test_ex13_gives_advice_on_jargon_but_stays_lenient():
    text = GOOD_TEXT + " La contribution SHAP de ce facteur vaut +0,13."
    fb = evaluate("m1.ex13", text, "chf")
    assert fb.status == "correct" and "jargon" in fb.message


@pytest.mark.parametrize(
    "text, words",
    [
        ("Votre risque est élevé.", "trop court"),
        ("Votre risque de décès à un an est estimé à 60 %, plus que la moyenne, surtout à cause de votre âge.", "insuffisance cardiaque"),
        ("mot " * 400, "long"),
    ],
)
def test_ex13_wrong_with_helpful_message(text, words):
    fb = evaluate("m1.ex13", text, "chf")
    assert fb.status == "incorrect"
    assert words in fb.message


def test_ex13_age_is_a_whole_word():
    # « message » or « visage » contain the letters « age » but do not speak of age.
    text = "Le message de ce calcul sur votre visage fatigué : un risque estimé plus élevé que la moyenne."
    assert evaluate("m1.ex13", text, "age").status == "incorrect"


@pytest.mark.parametrize("answer", GARBAGE)
def test_ex13_garbage(answer):
    assert evaluate("m1.ex13", answer, "chf").status != "correct"


def test_ex13_unknown_feature_never_raises():
    assert evaluate("m1.ex13", GOOD_TEXT, "not_a_feature").status == "invalid"

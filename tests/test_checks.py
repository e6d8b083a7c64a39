"""iasante.checks: right answers, wrong answers and garbage (never raises)."""

import math
import re

import numpy as np
import pandas as pd
import pytest
from sklearn.linear_model import LogisticRegression

from iasante import IASanteError
from iasante.checks import (
    Exercise,
    assert_solved,
    check,
    choice,
    custom,
    evaluate,
    get_exercise,
    list_exercises,
    numeric,
    register,
)

GARBAGE = [
    None, ..., "", "   ", "abc", "0,5x", [1, 2], (1,), {"a": 1}, set(), float("nan"), float("inf"),
    -float("inf"), object(), LogisticRegression(), np.array([[1, 2], [3, 4]]), np.array([]),
    pd.DataFrame({"a": [1]}), lambda x: x, True, 1j, b"bytes", Exception("x"), type,
]


@pytest.fixture(scope="module")
def demo():
    ex_num = Exercise("m6.ex901", "démo numérique", "interpreter", numeric(0.083, tol=0.001), "indice num")
    ex_choice = Exercise("m6.ex902", "démo choix", "interpreter",
                         choice("b", {"a": "la sensibilité", "b": "la spécificité", "c": "la VPP"}), "indice choix")
    ex_multi = Exercise("m6.ex903", "démo multiple", "interpreter",
                        choice({"a", "c"}, {"a": "un", "b": "deux", "c": "trois"}), "indice multiple")

    def must_be_fitted(model, X):
        return bool(model.predict(X).shape), "modèle utilisable"

    ex_custom = Exercise("m6.ex904", "démo modèle", "coder", custom(must_be_fitted), "indice modèle", n_args=1)
    for ex in (ex_num, ex_choice, ex_multi, ex_custom):
        register(ex)
    return ex_num, ex_choice, ex_multi, ex_custom


def test_numeric_right_and_wrong(demo):
    assert evaluate("m6.ex901", 0.083).correct
    assert evaluate("m6.ex901", np.float32(0.0832)).correct
    assert evaluate("m6.ex901", "0,083").correct
    assert evaluate("m6.ex901", "8,3 %").correct
    assert evaluate("m6.ex901", np.array([0.083])).correct
    wrong = evaluate("m6.ex901", 0.5)
    assert wrong.status == "incorrect" and "indice num" in wrong.message
    assert "pourcentage" in evaluate("m6.ex901", 8.3).message
    assert "complément" in evaluate("m6.ex901", 0.917).message


def test_choice_variants(demo):
    for answer in ["b", "B", " b) ", "(b)", "la spécificité", "LA SPECIFICITE", ["b"]]:
        assert evaluate("m6.ex902", answer).correct, answer
    assert evaluate("m6.ex902", "a").status == "incorrect"
    typo = evaluate("m6.ex902", "la specifcité")
    assert typo.status == "incorrect" and "vouliez-vous dire" in typo.message.lower()
    assert evaluate("m6.ex903", "a, c").correct and evaluate("m6.ex903", ["c", "a"]).correct
    assert "incomplet" in evaluate("m6.ex903", "a").message


def test_custom_with_explicit_args(demo):
    X = np.array([[0.0], [1.0], [2.0], [3.0]])
    model = LogisticRegression().fit(X, [0, 0, 1, 1])
    assert evaluate("m6.ex904", model, X).correct
    unfitted = evaluate("m6.ex904", LogisticRegression(), X)
    assert unfitted.status == "invalid" and "NotFittedError" in unfitted.message
    assert evaluate("m6.ex904", model).status == "invalid"  # missing explicit argument


@pytest.mark.parametrize("answer", GARBAGE, ids=[f"garbage{i}" for i in range(len(GARBAGE))])
def test_garbage_never_raises_never_correct(demo, answer, capsys):
    for ex_id, args in [("m6.ex901", ()), ("m6.ex902", ()), ("m6.ex903", ()), ("m6.ex904", (np.zeros((2, 1)),))]:
        fb = evaluate(ex_id, answer, *args)
        assert not fb.correct
        assert fb.status in {"missing", "incorrect", "invalid"}
        check(ex_id, answer, *args)
        out = capsys.readouterr().out
        assert out.startswith(("⏳", "❌")) and "Exercice M6." in out


def test_missing_answer_says_pas_encore(demo):
    for answer in (None, ..., "", "..."):
        fb = evaluate("m6.ex901", answer)
        assert fb.status == "missing" and "pas encore" in fb.message


def test_unknown_exercise_is_a_clear_french_error():
    with pytest.raises(IASanteError, match="exercice inconnu.*m1.ex4"):
        get_exercise("m1.exx4")
    with pytest.raises(IASanteError, match="exercice inconnu"):
        check(42, 1)


def test_assert_solved(demo):
    evaluate("m6.ex901", 0.083)
    assert_solved(["m6.ex901"])
    evaluate("m6.ex901", 0.5)
    with pytest.raises(AssertionError, match="incorrect"):
        assert_solved(["m6.ex901"])


def test_registry_ids_and_texts():
    exercises = [ex for ex in list_exercises() if not ex.id.startswith("m6.ex9")]
    assert exercises, "no exercise registered"
    for ex in exercises:
        assert re.fullmatch(r"m[1-6]\.ex\d+", ex.id)
        assert ex.kind in {"interpreter", "coder"}
        assert ex.title and ex.hint and not math.isnan(len(ex.hint))
    with pytest.raises(ValueError):
        register(Exercise("bad id", "x", "coder", numeric(1), "h"))

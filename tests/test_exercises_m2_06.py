"""Exercises M2.16–M2.18 (notebook M2.6): right answers pass, wrong ones fail, garbage never raises."""

import numpy as np
import pandas as pd
import pytest
from sklearn.dummy import DummyClassifier
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline

from iasante import datasets
from iasante.checks import evaluate
from iasante.text import nir_key

GARBAGE = [None, ..., "", "abc", [1, 2], {"a": 1}, float("nan"), object(), True, float("inf"), "0,5 %",
           np.array([1, 2]), pd.DataFrame({"a": [1]}), ("a", "b")]
IDS = lambda v: type(v).__name__ if " at 0x" in repr(v) else repr(v)  # noqa: E731 - stable ids under xdist

NIR_CORSE = "1 69 05 2B 033 051"
KEY = nir_key(NIR_CORSE)
NOTES = datasets.load("clinical_notes")
X_TRAIN, X_TEST, Y_TRAIN, Y_TEST = train_test_split(
    NOTES["text"], NOTES["specialty"], test_size=0.25, stratify=NOTES["specialty"], random_state=0)
SPLIT = (X_TRAIN, Y_TRAIN, X_TEST, Y_TEST)


def test_key_by_hand_for_the_notebook_number():
    assert KEY == 97 - 1690518033051 % 97 == 69


CASES = {
    "m2.ex16": ((NIR_CORSE,), [KEY, f"{KEY:02d}", float(KEY), np.int64(KEY), f" {KEY} "],
                [97 - 1690519033051 % 97, 97 - 1690520033051 % 97, 1690518033051 % 97, 0, 97, 69.5, -69]),
    "m2.ex17": ((), ["b, d", "d,b", ["b", "d"], ("B", "D"), "b et d", "b;d"],
                ["b", "d", "a, b", "a, c", "a, b, c, d", "c"]),
}


@pytest.mark.parametrize("exercise_id", sorted(CASES))
def test_right_answers_are_correct(exercise_id):
    args, right, _ = CASES[exercise_id]
    for answer in right:
        fb = evaluate(exercise_id, answer, *args)
        assert fb.status == "correct", (answer, fb.message)


@pytest.mark.parametrize("exercise_id", sorted(CASES))
def test_wrong_answers_are_incorrect(exercise_id):
    args, _, wrong = CASES[exercise_id]
    for answer in wrong:
        fb = evaluate(exercise_id, answer, *args)
        assert fb.status == "incorrect", (answer, fb.message)


def test_key_feedback_names_the_mistake():
    assert "inversé" in evaluate("m2.ex16", 97 - 1690519033051 % 97, NIR_CORSE).message
    assert "20" in evaluate("m2.ex16", 97 - 1690520033051 % 97, NIR_CORSE).message
    assert "reste" in evaluate("m2.ex16", 1690518033051 % 97, NIR_CORSE).message


def test_pipeline_right_answers():
    for model in (make_pipeline(TfidfVectorizer(), LogisticRegression(max_iter=1000)),
                  make_pipeline(TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True),
                                LogisticRegression(max_iter=1000))):
        fb = evaluate("m2.ex18", model, *SPLIT)
        assert fb.status == "correct", fb.message


@pytest.mark.parametrize("model", [
    LogisticRegression(max_iter=1000),  # not a pipeline
    make_pipeline(CountVectorizer(), LogisticRegression(max_iter=1000)),  # no TF-IDF
    make_pipeline(TfidfVectorizer(), DummyClassifier()),  # always the majority class
    make_pipeline(TfidfVectorizer()),  # no classifier
], ids=["no-pipeline", "counts", "dummy", "no-classifier"])
def test_pipeline_wrong_answers(model):
    fb = evaluate("m2.ex18", model, *SPLIT)
    assert fb.status in {"incorrect", "invalid"} and fb.status != "correct", fb.message


@pytest.mark.parametrize("exercise_id, args", [("m2.ex16", (NIR_CORSE,)), ("m2.ex17", ()), ("m2.ex18", SPLIT)],
                         ids=["m2.ex16", "m2.ex17", "m2.ex18"])
@pytest.mark.parametrize("garbage", GARBAGE, ids=IDS)
def test_garbage_never_raises_nor_passes(exercise_id, args, garbage):
    fb = evaluate(exercise_id, garbage, *args)
    assert fb.status != "correct"


def test_wrong_number_of_arguments():
    assert evaluate("m2.ex16", KEY).status == "invalid"
    assert evaluate("m2.ex18", make_pipeline(TfidfVectorizer(), LogisticRegression()), X_TRAIN).status == "invalid"

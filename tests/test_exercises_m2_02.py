"""Exercises M2.4–M2.6 (notebook M2.2): right answers pass, wrong ones fail, garbage never raises."""

import numpy as np
import pandas as pd
from exercise_cases import case_tests
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.experimental import enable_iterative_imputer  # noqa: F401
from sklearn.impute import IterativeImputer, SimpleImputer
from sklearn.linear_model import LinearRegression, LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.tree import DecisionTreeClassifier

from iasante import datasets, quality
from iasante.checks import evaluate
from iasante.exercises.m2_02 import NOISE_SELECTION_GAP

FEATURES = ["age", "gender", "hr", "sysbp", "diasbp", "bmi", "cvd", "afb", "sho", "chf", "av3", "miord", "mitype"]
COHORT = datasets.outcome_by_horizon(datasets.load("whas500"), 365, "lenfol", "fstat", "death_1y")
X_FULL, Y = COHORT[FEATURES], COHORT["death_1y"]
X_MISS = quality.inject_missing(X_FULL, "bmi", "MAR", rate=0.3, driver="age", random_state=0)
X_MISS = quality.inject_missing(X_MISS, "hr", "MCAR", rate=0.1, random_state=0)

GARBAGE = [None, ..., "", "abc", [1, 2], {"a": 1}, float("nan"), object(), True, 3.5, ("a", "b"),
           pd.DataFrame({"a": [1]}), np.array([1.0, 2.0])]


def _lr():
    return LogisticRegression(max_iter=1000)


CASES = {
    "m2.ex4": (
        (),
        [["MNAR", "MCAR", "MAR"], ("mnar", "mcar", "mar"), "MNAR, MCAR, MAR", "mnar mcar mar",
         ["NMAR", "MCAR", "MAR"], [" MNAR ", "MCAR", "MAR"]],
        [["MCAR", "MAR", "MNAR"], ["MAR", "MCAR", "MAR"], ["MNAR", "MCAR", "MNAR"], ["MNAR", "MAR", "MAR"],
         ["MNAR", "MCAR"], ["MNAR", "MCAR", "MAR", "MAR"], "MAR", ["MNAR", "MCAR", "XYZ"]],
    ),
    "m2.ex5": (
        (X_MISS, Y),
        [make_pipeline(SimpleImputer(strategy="median", add_indicator=True), StandardScaler(), _lr()),
         make_pipeline(SimpleImputer(), StandardScaler(), _lr()),
         make_pipeline(IterativeImputer(random_state=0), StandardScaler(), _lr())],
        [make_pipeline(StandardScaler(), _lr()),                                   # no imputer: NaN
         _lr(),                                                                      # not a pipeline
         make_pipeline(SimpleImputer(), _lr()),                                      # no scaling
         make_pipeline(SimpleImputer(), StandardScaler(), DecisionTreeClassifier()),  # not a logistic model
         make_pipeline(HistGradientBoostingClassifier()),                            # handles NaN, no imputer
         make_pipeline(SimpleImputer(), StandardScaler(), LinearRegression())],      # regressor
    ),
    "m2.ex6": (
        (),
        [NOISE_SELECTION_GAP, round(NOISE_SELECTION_GAP, 2), f"{NOISE_SELECTION_GAP:.2f}".replace(".", ","),
         100 * NOISE_SELECTION_GAP, round(100 * NOISE_SELECTION_GAP), np.float64(NOISE_SELECTION_GAP),
         pd.Series([NOISE_SELECTION_GAP]).iloc[0]],
        [-NOISE_SELECTION_GAP, 0.9190, 0.5058, 0.2, 0.0, 1.0, NOISE_SELECTION_GAP + 0.05,
         pd.Series([NOISE_SELECTION_GAP, 0.2])],
    ),
}


def test_pipeline_without_imputer_gets_a_helpful_message():
    message = evaluate("m2.ex5", make_pipeline(StandardScaler(), _lr()), X_MISS, Y).message
    assert "imputation" in message and "NaN" in message and "SimpleImputer" in message


def test_pipeline_check_needs_the_data_with_missing_values():
    right = make_pipeline(SimpleImputer(), StandardScaler(), _lr())
    fb = evaluate("m2.ex5", right, X_FULL, Y)  # no missing value: wrong data passed
    assert fb.status == "incorrect" and "X_miss" in fb.message
    assert evaluate("m2.ex5", right, X_MISS, Y.iloc[:-1]).status == "incorrect"


def test_mechanism_messages_point_to_the_wrong_scenario():
    message = evaluate("m2.ex4", ["MAR", "MCAR", "MAR"]).message
    assert "scénario 1" in message and "scénario 2" not in message


def test_noise_gap_sign_and_auc_confusion_are_explained():
    assert "signe" in evaluate("m2.ex6", -NOISE_SELECTION_GAP).message
    assert "AUC" in evaluate("m2.ex6", 0.9190).message


test_right_answers_are_correct, test_wrong_answers_are_incorrect, test_garbage_never_raises_and_is_never_correct = (
    case_tests(CASES, GARBAGE)
)

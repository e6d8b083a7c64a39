"""Exercises M2.13–M2.15 (notebook M2.5): right answers pass, wrong ones fail, garbage never raises."""

import numpy as np
import pandas as pd
import pytest
from exercise_cases import case_tests
from scipy import stats
from sklearn.decomposition import PCA
from sklearn.preprocessing import StandardScaler

from iasante import datasets, omics
from iasante.checks import evaluate
from iasante.exercises.m2_05 import N_COMPONENTS_50

GARBAGE = [None, ..., "", "abc", [1, 2], {"a": 1}, float("nan"), object(), True, "0,5 %", (np.nan, 0.5),
           ("a", "b"), [[1, 2], [3, 4]], pd.DataFrame({"a": [1]}), float("inf")]

DF = datasets.load("breast_cancer_genes")
GENES = list(datasets.probe_annotation().index)
D5 = datasets.outcome_by_horizon(DF, 5 * 365.25, "time_to_metastasis", "metastasis", "metastasis_5y")
P_VALUES = omics.univariate_tests(D5[GENES], D5["metastasis_5y"])["p_value"].to_numpy()
Q_VALUES = stats.false_discovery_control(P_VALUES)
N_BH = int((Q_VALUES < 0.05).sum())
N_RAW = int((P_VALUES < 0.05).sum())
N_BONFERRONI = int((P_VALUES < 0.05 / len(P_VALUES)).sum())


def test_pca_constant_matches_the_data():
    cumulative = np.cumsum(PCA().fit(StandardScaler().fit_transform(DF[GENES])).explained_variance_ratio_)
    assert int(np.argmax(cumulative >= 0.5)) + 1 == N_COMPONENTS_50


def test_the_three_counts_differ():
    # The feedback tells raw, Bonferroni and BH apart only if they differ (here 22, 3, 9).
    assert N_BONFERRONI < N_BH < N_RAW


def test_bh_by_hand_matches_scipy():
    # Benjamini–Hochberg step-up: largest k with p_(k) <= 0.05 k / m.
    p = np.sort(P_VALUES)
    m = len(p)
    passed = np.flatnonzero(p <= 0.05 * np.arange(1, m + 1) / m)
    assert (passed.max() + 1 if passed.size else 0) == N_BH


# (exercise id, extra args, right answers, wrong answers)
CASES = {
    "m2.ex13": ((), [N_COMPONENTS_50, N_COMPONENTS_50 - 1, N_COMPONENTS_50 + 1, f"{N_COMPONENTS_50}", np.int64(12)],
                [1, 2, 5, 32, 0.5, 50, 76]),
    "m2.ex14": ((P_VALUES,), [N_BH, float(N_BH), str(N_BH), np.int64(N_BH), pd.Series([N_BH])],
                [N_RAW, N_BONFERRONI, 0, 76, N_BH + 1, N_BH - 1, 4.5, Q_VALUES, Q_VALUES < 0.05]),
    "m2.ex15": ((), ["b", "B", "b)", " b "], ["a", "c", "d", "a, b"]),
}


def test_feedback_explains_common_mistakes():
    assert "brutes" in evaluate("m2.ex14", N_RAW, P_VALUES).message
    assert "Bonferroni" in evaluate("m2.ex14", N_BONFERRONI, P_VALUES).message
    assert "vecteur" in evaluate("m2.ex14", Q_VALUES, P_VALUES).message
    assert "entier" in evaluate("m2.ex14", 4.5, P_VALUES).message
    assert f"{N_BH} gènes" in evaluate("m2.ex14", N_BH, P_VALUES).message


@pytest.mark.parametrize(
    "pvals",
    [None, "p_values", [], [0.1, 1.5], [0.01, np.nan], [[0.01, 0.2], [0.3, 0.04]], {"a": 0.01}, object()],
    ids=["none", "text", "empty", "above-one", "nan", "matrix", "dict", "object"],
)
def test_bad_check_arguments_never_raise(pvals):
    fb = evaluate("m2.ex14", N_BH, pvals)
    assert fb.status != "correct"


test_right_answers_are_correct, test_wrong_answers_are_incorrect, test_garbage_never_raises_and_is_never_correct = (
    case_tests(CASES, GARBAGE)
)

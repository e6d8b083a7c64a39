"""iasante.omics: tests against SciPy and hand computations; synthetic signal is found; bad input is explained."""

import numpy as np
import pandas as pd
import pytest
from scipy import stats
from sklearn.linear_model import LinearRegression, LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from iasante import IASanteError, omics

RNG = np.random.default_rng(42)
N, P = 200, 20
Y = np.r_[np.zeros(N // 2, dtype=int), np.ones(N // 2, dtype=int)]
X = pd.DataFrame(RNG.normal(size=(N, P)), columns=[f"g{j}" for j in range(P)])
X[["g0", "g1", "g2"]] += 1.5 * Y[:, None]  # three genes truly associated with the outcome
LASSO = make_pipeline(StandardScaler(), LogisticRegression(C=0.05, l1_ratio=1.0, solver="liblinear", random_state=0))


def test_univariate_tests_match_scipy_and_hand_means():
    small = pd.DataFrame({"a": [1.0, 2.0, 3.0, 4.0, 6.0, 9.0], "b": [5.0, 3.0, 4.0, 1.0, 2.0, 2.5]})
    y = [0, 0, 0, 1, 1, 1]
    out = omics.univariate_tests(small, y)
    assert list(out.index) == ["a", "b"] and list(out.columns) == ["mean_diff", "statistic", "p_value"]
    assert out.loc["a", "mean_diff"] == pytest.approx(19 / 3 - 2)  # (4 + 6 + 9) / 3 − (1 + 2 + 3) / 3
    welch = stats.ttest_ind([4.0, 6.0, 9.0], [1.0, 2.0, 3.0], equal_var=False)
    assert out.loc["a", "p_value"] == pytest.approx(welch.pvalue)
    assert out.loc["a", "statistic"] == pytest.approx(welch.statistic)
    mw = omics.univariate_tests(small, y, method="mannwhitney")
    assert mw.loc["b", "p_value"] == pytest.approx(stats.mannwhitneyu([1.0, 2.0, 2.5], [5.0, 3.0, 4.0]).pvalue)


def test_univariate_tests_accept_arrays_and_find_the_signal():
    out = omics.univariate_tests(X.to_numpy(), Y)
    assert list(out.index[:2]) == ["x0", "x1"]
    assert (out["p_value"].iloc[:3] < 1e-6).all() and (out["mean_diff"].iloc[:3] > 1).all()


def test_permutation_counts_under_the_null():
    counts = omics.permutation_counts(X.drop(columns=["g0", "g1", "g2"]), Y, n_permutations=200, random_state=0)
    assert counts.shape == (200,) and counts.dtype.kind == "i"
    assert 0.3 < counts.mean() < 1.5  # about 0.05 × 17 = 0.85 false positives per shuffle
    again = omics.permutation_counts(X.drop(columns=["g0", "g1", "g2"]), Y, n_permutations=200, random_state=0)
    assert (counts == again).all()


def test_selection_frequency_keeps_true_genes_and_is_reproducible():
    freq = omics.selection_frequency(LASSO, X, Y, n_resamples=30, random_state=0)
    assert list(freq.index) == list(X.columns) and freq.between(0, 1).all()
    assert (freq[["g0", "g1", "g2"]] >= 0.9).all()
    assert freq.drop(["g0", "g1", "g2"]).mean() < 0.3
    assert freq.equals(omics.selection_frequency(LASSO, X, Y, n_resamples=30, random_state=0))
    half = omics.selection_frequency(LASSO, X, Y, n_resamples=30, sample_fraction=0.5, random_state=0)
    assert (half[["g0", "g1", "g2"]] >= 0.8).all()


def test_selection_frequency_does_not_touch_the_estimator():
    omics.selection_frequency(LASSO, X, Y, n_resamples=2)
    assert not hasattr(LASSO[-1], "coef_")


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: omics.univariate_tests(X, Y[:-1]), "une par patient"),
        (lambda: omics.univariate_tests(X, Y * 2), "0/1"),
        (lambda: omics.univariate_tests(X, np.zeros(N)), "une seule classe"),
        (lambda: omics.univariate_tests(X.assign(g0=np.nan), Y), "manquantes"),
        (lambda: omics.univariate_tests(X.assign(txt="a"), Y), "numériques"),
        (lambda: omics.univariate_tests(X, Y, method="wilcoxon"), "méthode inconnue"),
        (lambda: omics.univariate_tests([1, 2, 3], [0, 1, 0]), "deux dimensions"),
        (lambda: omics.permutation_counts(X, Y, n_permutations=0), "entier positif"),
        (lambda: omics.permutation_counts(X, Y, alpha=5), "strictement compris"),
        (lambda: omics.selection_frequency(LASSO, X, Y, n_resamples=0), "entier positif"),
        (lambda: omics.selection_frequency(LASSO, X, Y, sample_fraction=1.5), "fraction"),
        (lambda: omics.selection_frequency("lasso", X, Y), "modèle scikit-learn"),
    ],
    ids=["length", "not-binary", "one-class", "missing", "text-column", "method", "1-d", "n-perm", "alpha",
         "n-resamples", "fraction", "not-a-model"],
)
def test_bad_input_is_a_french_error(call, message):
    with pytest.raises(IASanteError, match=message):
        call()


def test_model_without_coefficients_is_explained():
    from sklearn.tree import DecisionTreeClassifier

    with pytest.raises(IASanteError, match="coef_"):
        omics.selection_frequency(DecisionTreeClassifier(), X, Y, n_resamples=1)
    # A regression model with coef_ also works (one coefficient per column).
    freq = omics.selection_frequency(LinearRegression(), X, Y, n_resamples=2)
    assert (freq == 1).all()

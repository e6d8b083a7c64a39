"""Helpers for omics data: gene-by-gene tests, permutation null, stability of a sparse selection.

Used by notebook M2.5 (breast-cancer gene expression) and reusable on any
table « patients × features » with a binary outcome:

- :func:`univariate_tests` compares every feature between patients with and
  without the outcome (Welch's t-test or Mann–Whitney);
- :func:`permutation_counts` counts how many features pass a p-value
  threshold when the outcome is shuffled (what chance alone produces);
- :func:`selection_frequency` refits a sparse model (Lasso, L1 logistic
  regression) on resamples of the patients and returns how often each feature
  is selected, in the spirit of stability selection (Meinshausen & Bühlmann,
  J R Stat Soc B 2010;72:417–473).

Multiple-testing adjustments themselves come from SciPy
(``scipy.stats.false_discovery_control`` for Benjamini–Hochberg).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from scipy import stats

from ._errors import IASanteError

__all__ = ["univariate_tests", "permutation_counts", "selection_frequency"]

_METHODS = ("welch", "mannwhitney")


def _as_frame(X: Any) -> pd.DataFrame:
    if isinstance(X, pd.DataFrame):
        frame = X
    else:
        try:
            arr = np.asarray(X, dtype=float)
        except (TypeError, ValueError) as err:
            raise IASanteError("« X » doit être un tableau numérique (patients en lignes, variables en colonnes).") from err
        if arr.ndim != 2:
            raise IASanteError("« X » doit être un tableau à deux dimensions (patients × variables).")
        frame = pd.DataFrame(arr, columns=[f"x{j}" for j in range(arr.shape[1])])
    if frame.shape[0] == 0 or frame.shape[1] == 0:
        raise IASanteError("« X » est vide.")
    if not all(pd.api.types.is_numeric_dtype(t) for t in frame.dtypes):
        raise IASanteError("« X » ne doit contenir que des colonnes numériques (retirez les variables cliniques "
                           "textuelles).")
    if frame.isna().any().any():
        raise IASanteError("« X » contient des valeurs manquantes.")
    return frame


def _as_binary(y: Any, n: int) -> np.ndarray:
    arr = np.asarray(y)
    if arr.ndim != 1 or len(arr) != n:
        raise IASanteError(f"« y » doit être un vecteur de {n} valeurs, une par patient (reçu : forme {arr.shape}).")
    try:
        values = arr.astype(float)
    except (TypeError, ValueError) as err:
        raise IASanteError("« y » doit être codé 0/1 (1 = événement).") from err
    if not np.isin(values, (0.0, 1.0)).all():
        raise IASanteError("« y » doit être codé 0/1 (1 = événement).")
    if values.min() == values.max():
        raise IASanteError("« y » ne contient qu'une seule classe : il faut des patients avec et sans événement.")
    return values.astype(int)


def _p_values(values: np.ndarray, y: np.ndarray, method: str) -> tuple[np.ndarray, np.ndarray]:
    cases, controls = values[y == 1], values[y == 0]
    if method == "welch":
        res = stats.ttest_ind(cases, controls, axis=0, equal_var=False)
    else:
        res = stats.mannwhitneyu(cases, controls, axis=0, alternative="two-sided")
    return np.asarray(res.statistic, dtype=float), np.asarray(res.pvalue, dtype=float)


def _check_method(method: str) -> None:
    if method not in _METHODS:
        raise IASanteError(f"méthode inconnue : « {method} ». Choix : {', '.join(_METHODS)}.")


def univariate_tests(X: Any, y: Any, method: str = "welch") -> pd.DataFrame:
    """Compare each feature between patients with (``y == 1``) and without (``y == 0``) the outcome.

    Parameters
    ----------
    X : DataFrame or 2-D array (patients × features), numeric, without missing values.
    y : 0/1 outcome, one value per patient, both classes present.
    method : ``"welch"`` (two-sample t-test without equal variances, default)
        or ``"mannwhitney"`` (two-sided Mann–Whitney U test on ranks).

    Returns
    -------
    DataFrame
        One row per feature (index: column names of ``X``), columns
        ``mean_diff`` (mean in ``y == 1`` minus mean in ``y == 0``),
        ``statistic`` and ``p_value`` (raw, not adjusted for multiple testing).
    """
    _check_method(method)
    frame = _as_frame(X)
    target = _as_binary(y, len(frame))
    values = frame.to_numpy(dtype=float)
    statistic, p_value = _p_values(values, target, method)
    mean_diff = values[target == 1].mean(axis=0) - values[target == 0].mean(axis=0)
    return pd.DataFrame({"mean_diff": mean_diff, "statistic": statistic, "p_value": p_value}, index=frame.columns)


def permutation_counts(X: Any, y: Any, n_permutations: int = 200, alpha: float = 0.05,
                       method: str = "welch", random_state: int | None = 0) -> np.ndarray:
    """Number of features with ``p < alpha`` after each random shuffle of the outcome.

    Shuffling ``y`` breaks any link between the features and the outcome while
    keeping the features' correlations: the counts show how many « significant »
    features chance alone produces (about ``alpha × n_features`` on average).

    Parameters
    ----------
    X, y, method : as in :func:`univariate_tests`.
    n_permutations : number of shuffles (a positive integer).
    alpha : p-value threshold, strictly between 0 and 1.
    random_state : seed of the shuffles.

    Returns
    -------
    ndarray of int, shape (n_permutations,)
    """
    _check_method(method)
    if isinstance(n_permutations, bool) or not isinstance(n_permutations, int | np.integer) or n_permutations < 1:
        raise IASanteError("« n_permutations » doit être un entier positif (par exemple 200).")
    if isinstance(alpha, bool) or not isinstance(alpha, int | float) or not 0 < alpha < 1:
        raise IASanteError("« alpha » doit être un seuil strictement compris entre 0 et 1 (par exemple 0,05).")
    frame = _as_frame(X)
    target = _as_binary(y, len(frame))
    values = frame.to_numpy(dtype=float)
    rng = np.random.default_rng(random_state)
    counts = np.empty(n_permutations, dtype=int)
    for i in range(n_permutations):
        _, p_value = _p_values(values, rng.permutation(target), method)
        counts[i] = int((p_value < alpha).sum())
    return counts


def _final_coef(model: Any) -> np.ndarray:
    final = model.steps[-1][1] if hasattr(model, "steps") else model
    coef = getattr(final, "coef_", None)
    if coef is None:
        raise IASanteError("le modèle ajusté n'a pas d'attribut coef_ : utilisez un modèle linéaire pénalisé "
                           "(Lasso, LogisticRegression avec l1_ratio=1).")
    coef = np.asarray(coef, dtype=float)
    return np.abs(coef).reshape(-1, coef.shape[-1]).max(axis=0)


def selection_frequency(estimator: Any, X: Any, y: Any, n_resamples: int = 100,
                        sample_fraction: float | None = None, random_state: int | None = 0) -> pd.Series:
    """How often each feature is selected (non-zero coefficient) when the model is refitted on resamples.

    Each resample keeps the number of patients with and without the outcome
    (stratified resampling). With ``sample_fraction=None`` the resamples are
    bootstrap samples (drawn with replacement, same size as the data); with a
    fraction, they are subsamples drawn without replacement, as in the
    stability selection of Meinshausen & Bühlmann (who use one half).

    Parameters
    ----------
    estimator : unfitted scikit-learn estimator or pipeline whose last step
        exposes ``coef_`` after fitting (e.g. ``LogisticRegression(l1_ratio=1,
        solver="liblinear", C=...)``). It is cloned, never modified.
    X : DataFrame or 2-D array (patients × features).
    y : 0/1 outcome, one value per patient.
    n_resamples : number of refits (a positive integer; 100 is usually enough).
    sample_fraction : ``None`` (bootstrap) or a fraction in (0, 1) for subsampling.
    random_state : seed of the resampling.

    Returns
    -------
    Series
        Selection frequency of each feature, between 0 and 1 (index: column
        names of ``X``), in the order of the columns.
    """
    from sklearn.base import clone

    if not hasattr(estimator, "fit"):
        raise IASanteError("« estimator » doit être un modèle scikit-learn (avec une méthode fit).")
    if isinstance(n_resamples, bool) or not isinstance(n_resamples, int | np.integer) or n_resamples < 1:
        raise IASanteError("« n_resamples » doit être un entier positif (par exemple 100).")
    if sample_fraction is not None and (
        isinstance(sample_fraction, bool) or not isinstance(sample_fraction, int | float) or not 0 < sample_fraction < 1
    ):
        raise IASanteError("« sample_fraction » doit valoir None (bootstrap) ou une fraction entre 0 et 1 (par exemple 0,5).")
    frame = _as_frame(X)
    target = _as_binary(y, len(frame))
    rng = np.random.default_rng(random_state)
    groups = [np.flatnonzero(target == k) for k in (0, 1)]
    selected = np.zeros(frame.shape[1])
    for _ in range(n_resamples):
        parts = []
        for idx in groups:
            if sample_fraction is None:
                parts.append(rng.choice(idx, size=len(idx), replace=True))
            else:
                parts.append(rng.choice(idx, size=max(1, round(sample_fraction * len(idx))), replace=False))
        rows = np.concatenate(parts)
        model = clone(estimator).fit(frame.iloc[rows], target[rows])
        coef = _final_coef(model)
        if coef.shape[0] != frame.shape[1]:
            raise IASanteError("le modèle renvoie un nombre de coefficients différent du nombre de colonnes de « X ».")
        selected += coef != 0
    return pd.Series(selected / n_resamples, index=frame.columns, name="selection_frequency")

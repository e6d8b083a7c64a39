"""Scoring and ranking for the course's challenges (ScanCovid-IA, COVIDrug-19, CoIoT-19).

A challenge keeps its test labels apart: teams develop on the training and
validation data, then hand in **one** final submission, a vector with one
prediction per test item, in the order of the test set. This module

* checks a submission and explains in French what is wrong with it
  (:func:`validate_submission`): wrong length, missing values, values out of
  range; a submission that is usable but doubtful (hard 0/1 labels instead of
  probabilities, constant predictions) is accepted with a
  :class:`ChallengeWarning`;
* scores it (:func:`score`, :func:`score_submission`) with the challenge's main
  metric, its percentile bootstrap confidence interval (resampling the test
  items with replacement, Efron & Tibshirani 1993) and secondary metrics;
* compares two submissions on the same test items with a paired bootstrap
  (:func:`paired_difference`);
* ranks submissions in memory (:class:`Leaderboard`); nothing is written to disk.

Three metrics are known (:data:`METRICS`), all "higher is better":

``"auc"``
    Binary task, predictions are probabilities of the positive class (1).
    Secondary: sensitivity and specificity at 0.5 and at a threshold fixed
    beforehand (on validation data), Brier score.
``"spearman"``
    Continuous target (e.g. pIC50), predictions are real numbers; Spearman's
    rank correlation. Secondary: root-mean-square and mean absolute errors.
``"macro_f1"``
    Several classes (e.g. activities), predictions are class labels; F1 score
    averaged over classes. Secondary: accuracy, balanced accuracy.

The ScanCovid-IA challenge (module 3) is registered under ``"scancovid"``: its
hidden labels are the official **test** split of PneumoniaMNIST.

Examples
--------
>>> import numpy as np
>>> y = np.array([0, 0, 0, 0, 1, 1, 1, 1])
>>> result = score(y, [0.1, 0.2, 0.3, 0.6, 0.4, 0.7, 0.8, 0.9], n_boot=200)
>>> result["auc"], result["sensitivity_05"], result["specificity_05"]
(0.9375, 0.75, 0.75)
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from scipy.stats import rankdata

from ._errors import IASanteError, IASanteWarning

__all__ = [
    "METRICS",
    "CHALLENGES",
    "Challenge",
    "ChallengeWarning",
    "register_challenge",
    "get_challenge",
    "hidden_labels",
    "validate_submission",
    "choose_threshold",
    "score",
    "score_submission",
    "paired_difference",
    "Leaderboard",
]


class ChallengeWarning(IASanteWarning):
    """A submission is accepted but something in it deserves attention (message in French)."""


# ------------------------------------------------------------------ metrics
#: Known metrics: French name of the main score, kind of prediction expected.
METRICS: dict[str, dict[str, str]] = {
    "auc": {"label": "AUC", "predictions": "probabilités de la classe positive (entre 0 et 1)"},
    "spearman": {"label": "corrélation de Spearman", "predictions": "valeurs numériques prédites"},
    "macro_f1": {"label": "macro-F1", "predictions": "classes prédites"},
}

#: French column names of the secondary results in :meth:`Leaderboard.table`.
_SECONDARY_FR: dict[str, dict[str, str]] = {
    "auc": {
        "sensitivity_05": "sensibilité (0,5)",
        "specificity_05": "spécificité (0,5)",
        "threshold": "seuil choisi",
        "sensitivity_threshold": "sensibilité (seuil)",
        "specificity_threshold": "spécificité (seuil)",
        "brier": "Brier",
    },
    "spearman": {"rmse": "RMSE", "mae": "MAE"},
    "macro_f1": {"accuracy": "exactitude", "balanced_accuracy": "exactitude équilibrée"},
}

_CHUNK = 2_000_000  # elements per bootstrap block, to bound memory on large test sets


def _check_metric(metric: Any) -> str:
    if not isinstance(metric, str) or metric not in METRICS:
        raise IASanteError(f"Métrique inconnue : « {metric} ». Choix : {', '.join(METRICS)}.")
    return metric


def _auc_rows(y: np.ndarray, s: np.ndarray) -> np.ndarray:
    """AUC of each row (Mann-Whitney statistic from average ranks); NaN if a row has one class."""
    sick = y == 1
    ranks = rankdata(s, axis=1)
    n1 = sick.sum(axis=1)
    n0 = y.shape[1] - n1
    with np.errstate(divide="ignore", invalid="ignore"):
        auc = ((ranks * sick).sum(axis=1) - n1 * (n1 + 1) / 2) / (n1 * n0)
    return np.where((n1 > 0) & (n0 > 0), auc, np.nan)


def _spearman_rows(y: np.ndarray, s: np.ndarray) -> np.ndarray:
    """Spearman correlation of each row (Pearson correlation of average ranks); NaN if constant."""
    ry = rankdata(y, axis=1)
    rs = rankdata(s, axis=1)
    ry -= ry.mean(axis=1, keepdims=True)
    rs -= rs.mean(axis=1, keepdims=True)
    den = np.sqrt((ry ** 2).sum(axis=1) * (rs ** 2).sum(axis=1))
    with np.errstate(divide="ignore", invalid="ignore"):
        rho = (ry * rs).sum(axis=1) / den
    return np.where(den > 0, rho, np.nan)


def _macro_f1_rows(y: np.ndarray, s: np.ndarray) -> np.ndarray:
    """Macro-averaged F1 of each row over the classes present in its truth or predictions.

    Same definition as ``sklearn.metrics.f1_score(average="macro")``; ``y`` and
    ``s`` hold integer class codes.
    """
    n_classes = int(max(y.max(), s.max())) + 1
    total = np.zeros(y.shape[0])
    present = np.zeros(y.shape[0])
    for c in range(n_classes):
        yc, sc = y == c, s == c
        tp = (yc & sc).sum(axis=1)
        denom = yc.sum(axis=1) + sc.sum(axis=1)
        total += np.where(denom > 0, 2 * tp / np.maximum(denom, 1), 0.0)
        present += denom > 0
    return total / np.maximum(present, 1)


_ROWS: dict[str, Callable[[np.ndarray, np.ndarray], np.ndarray]] = {
    "auc": _auc_rows,
    "spearman": _spearman_rows,
    "macro_f1": _macro_f1_rows,
}


def _point(metric: str, y: np.ndarray, s: np.ndarray) -> float:
    return float(_ROWS[metric](y[None, :], s[None, :])[0])


def _bootstrap_indices(n: int, n_boot: int, random_state: int) -> np.ndarray:
    rng = np.random.default_rng(random_state)
    return rng.integers(0, n, size=(n_boot, n))


def _bootstrap_values(metric: str, y: np.ndarray, s: np.ndarray, idx: np.ndarray) -> np.ndarray:
    rows = max(1, _CHUNK // max(len(y), 1))
    func = _ROWS[metric]
    return np.concatenate([func(y[block], s[block]) for block in np.array_split(idx, range(rows, len(idx), rows))])


def _interval(values: np.ndarray, confidence: float) -> tuple[float, float]:
    finite = values[np.isfinite(values)]
    if finite.size == 0:
        return float("nan"), float("nan")
    if finite.size < 0.9 * values.size:
        warnings.warn(
            f"{values.size - finite.size} rééchantillonnages sur {values.size} ne permettent pas de calculer "
            "le score (une seule classe tirée, par exemple) : l'intervalle de confiance est fragile. "
            "Le jeu de test est-il trop petit ?",
            ChallengeWarning,
            stacklevel=3,
        )
    alpha = (1 - confidence) / 2
    low, high = np.percentile(finite, [100 * alpha, 100 * (1 - alpha)])
    return float(low), float(high)


def _check_bootstrap(n_boot: Any, confidence: Any, random_state: Any) -> None:
    if isinstance(n_boot, bool) or not isinstance(n_boot, int | np.integer) or n_boot < 100:
        raise IASanteError("« n_boot » doit être un entier d'au moins 100 (1 000 conseillé).")
    if isinstance(confidence, bool) or not isinstance(confidence, float | int) or not 0.5 <= confidence < 1:
        raise IASanteError("« confidence » doit être un niveau de confiance entre 0,5 et 1 (par exemple 0.95).")
    if isinstance(random_state, bool) or not isinstance(random_state, int | np.integer):
        raise IASanteError("« random_state » doit être un entier (la graine du rééchantillonnage).")


# ------------------------------------------------------------ validation
def _as_vector(values: Any, name: str) -> np.ndarray:
    """Turn a list, array, Series or one-column DataFrame into a 1-D array (French errors)."""
    if values is None or values is Ellipsis:
        raise IASanteError(f"« {name} » est vide (None ou ...) : donnez un tableau avec une valeur par élément du test.")
    if isinstance(values, str | bytes | dict | set):
        raise IASanteError(f"« {name} » doit être une liste ou un tableau, pas {type(values).__name__}.")
    if isinstance(values, pd.DataFrame):
        if values.shape[1] != 1:
            raise IASanteError(f"« {name} » est un tableau de {values.shape[1]} colonnes : une seule colonne est attendue.")
        values = values.iloc[:, 0]
    try:
        arr = np.asarray(values)
    except Exception:  # noqa: BLE001 - ragged lists and exotic objects
        raise IASanteError(f"« {name} » ne peut pas être lu comme un tableau de valeurs.") from None
    if arr.ndim == 2 and arr.shape[1] == 2 and arr.shape[0] > 2:
        raise IASanteError(
            f"« {name} » a deux colonnes (forme {arr.shape}) : c'est sans doute la sortie complète de "
            "predict_proba. Gardez la probabilité de la classe 1 : proba[:, 1]."
        )
    if arr.ndim == 2 and 1 in arr.shape:
        arr = arr.ravel()
    if arr.ndim != 1:
        raise IASanteError(f"« {name} » doit être à une dimension : une valeur par élément (forme reçue {arr.shape}).")
    if arr.size == 0:
        raise IASanteError(f"« {name} » est vide.")
    return arr


def _as_numbers(arr: np.ndarray, name: str) -> np.ndarray:
    if arr.dtype.kind == "b":
        return arr.astype(float)
    if arr.dtype.kind not in "iuf":
        try:
            arr = arr.astype(float)
        except (TypeError, ValueError):
            raise IASanteError(f"« {name} » doit contenir uniquement des nombres.") from None
    arr = arr.astype(float)
    missing = np.flatnonzero(np.isnan(arr))
    if missing.size:
        raise IASanteError(
            f"« {name} » contient {missing.size} valeur(s) manquante(s) (NaN), la première à la position "
            f"{missing[0]} : chaque élément du test doit recevoir une prédiction."
        )
    return arr


def _check_length(arr: np.ndarray, n_expected: int | None, name: str, item: str = "élément") -> None:
    if n_expected is None or arr.size == n_expected:
        return
    gap = f"{n_expected - arr.size} en moins" if arr.size < n_expected else f"{arr.size - n_expected} en trop"
    raise IASanteError(
        f"« {name} » contient {arr.size} valeurs ({gap}) ; {n_expected} sont attendues, une par {item} du "
        "jeu de test, dans l'ordre du jeu de test. Avez-vous prédit sur le bon jeu (test, et non "
        "entraînement ou validation) ?"
    )


def validate_submission(predictions: Any, n_expected: int | None = None, metric: str = "auc",
                        classes: Any = None, item: str = "élément") -> np.ndarray:
    """Check a submission and return it as a 1-D array.

    Parameters
    ----------
    predictions : array-like
        One prediction per test item, in the order of the test set: a
        probability of the positive class for ``"auc"``, a number for
        ``"spearman"``, a class label for ``"macro_f1"``.
    n_expected : int, optional
        Number of test items; a submission of another length is refused.
    metric : {"auc", "spearman", "macro_f1"}
        The challenge's main metric, which decides what a valid prediction is.
    classes : array-like, optional
        For ``"macro_f1"``: the allowed class labels.
    item : str
        French name of one test item, used in the messages (``"image"``...).

    Returns
    -------
    numpy.ndarray
        Floats for ``"auc"`` and ``"spearman"``, the labels for ``"macro_f1"``.

    Raises
    ------
    IASanteError
        With a French explanation when the submission cannot be scored.

    Warns
    -----
    ChallengeWarning
        Hard 0/1 labels instead of probabilities (``"auc"``: accepted, but the
        AUC then measures a single point of the ROC curve), or identical
        predictions for every item.
    """
    metric = _check_metric(metric)
    name = "predictions"
    arr = _as_vector(predictions, name)
    _check_length(arr, n_expected, name, item)
    if metric == "macro_f1":
        if arr.dtype.kind == "f" and np.isnan(arr).any():
            raise IASanteError(f"« {name} » contient des valeurs manquantes (NaN) : chaque élément doit recevoir une classe.")
        if arr.dtype.kind == "O" and any(v is None for v in arr):
            raise IASanteError(f"« {name} » contient des valeurs manquantes (None) : chaque élément doit recevoir une classe.")
        if classes is not None:
            allowed = set(np.asarray(classes).tolist())
            unknown = sorted({str(v) for v in arr.tolist() if v not in allowed})
            if unknown:
                raise IASanteError(
                    f"Classes inconnues dans « {name} » : {', '.join(unknown[:5])}. "
                    f"Classes possibles : {', '.join(map(str, sorted(allowed, key=str)))}."
                )
        if np.unique(arr.astype(str)).size == 1:
            warnings.warn("Toutes les prédictions sont la même classe : le macro-F1 sera faible.",
                          ChallengeWarning, stacklevel=2)
        return arr
    values = _as_numbers(arr, name)
    if not np.isfinite(values).all():
        raise IASanteError(f"« {name} » contient des valeurs infinies : des nombres finis sont attendus.")
    if metric == "auc":
        if values.min() < 0 or values.max() > 1:
            if values.min() >= 0 and values.max() <= 100:
                hint = " Des pourcentages ? Divisez par 100."
            elif values.min() < 0:
                hint = (" Des valeurs négatives : sans doute un score de decision_function ; "
                        "utilisez predict_proba(...)[:, 1].")
            else:
                hint = ""
            raise IASanteError(
                f"« {name} » doit contenir des probabilités entre 0 et 1 (reçu de {values.min():.4g} "
                f"à {values.max():.4g}).{hint}"
            )
        if np.isin(values, (0.0, 1.0)).all():
            warnings.warn(
                "La soumission ne contient que des 0 et des 1 : des classes, pas des probabilités. Elle est "
                "acceptée, mais son AUC ne décrit qu'un seul point de la courbe ROC (un seul seuil) et ne peut "
                "pas classer les images entre elles. Soumettez plutôt predict_proba(...)[:, 1].",
                ChallengeWarning,
                stacklevel=2,
            )
            return values
    if np.unique(values).size == 1:
        warnings.warn(
            "Toutes les prédictions sont identiques : elles ne classent pas les éléments du test "
            "(AUC de 0,5, corrélation non définie).",
            ChallengeWarning,
            stacklevel=2,
        )
    return values


def _truth(y_true: Any, metric: str) -> np.ndarray:
    arr = _as_vector(y_true, "y_true")
    if metric == "macro_f1":
        if np.unique(arr.astype(str)).size < 2:
            raise IASanteError("« y_true » doit contenir au moins deux classes différentes.")
        return arr
    values = _as_numbers(arr, "y_true")
    if metric == "auc":
        if not np.isin(values, (0.0, 1.0)).all():
            raise IASanteError("« y_true » doit contenir seulement 0 (négatif) et 1 (positif).")
        if np.unique(values).size < 2:
            raise IASanteError("« y_true » doit contenir les deux classes (0 et 1) pour calculer une AUC.")
        return values.astype(int)
    if not np.isfinite(values).all() or np.unique(values).size < 2:
        raise IASanteError("« y_true » doit contenir des nombres finis, pas tous égaux.")
    return values


def _codes(y: np.ndarray, s: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Integer codes of two label vectors over their union of classes."""
    both = np.concatenate([y.astype(str), s.astype(str)])
    _, codes = np.unique(both, return_inverse=True)
    return codes[: len(y)], codes[len(y):]


# -------------------------------------------------------------- threshold
def choose_threshold(y_true: Any, y_score: Any, min_sensitivity: float | None = None) -> float:
    """Decision threshold chosen on validation data (predict positive when score ≥ threshold).

    Parameters
    ----------
    y_true : array-like of 0/1
        Validation labels.
    y_score : array-like
        Validation probabilities (or scores).
    min_sensitivity : float, optional
        If given, the highest threshold whose sensitivity on these data is at
        least ``min_sensitivity`` (a screening rule: "miss at most 5 %").
        Otherwise the threshold maximising Youden's index, sensitivity +
        specificity − 1 (Youden 1950).

    Returns
    -------
    float
        One of the scores, to be applied unchanged to the test predictions.
    """
    y = _truth(y_true, "auc")
    s = _as_numbers(_as_vector(y_score, "y_score"), "y_score")
    if s.size != y.size:
        raise IASanteError(f"« y_true » et « y_score » n'ont pas la même longueur ({y.size} contre {s.size}).")
    if min_sensitivity is not None:
        if isinstance(min_sensitivity, bool) or not isinstance(min_sensitivity, float | int) \
                or not 0 < min_sensitivity <= 1:
            raise IASanteError("« min_sensitivity » doit être une proportion entre 0 et 1 (par exemple 0.95).")
        positives = np.sort(s[y == 1])[::-1]
        k = math.ceil(min_sensitivity * positives.size - 1e-9)
        return float(positives[max(k, 1) - 1])
    from sklearn.metrics import roc_curve

    fpr, tpr, thresholds = roc_curve(y, s, drop_intermediate=False)  # thresholds decreasing, rule s ≥ t
    youden = (tpr - fpr)[1:]  # the first threshold (+inf) flags nobody
    best = np.flatnonzero(youden >= youden.max() - 1e-12)[0]  # the highest threshold among ties
    return float(thresholds[1:][best])


# ------------------------------------------------------------------ score
def _rates(y: np.ndarray, s: np.ndarray, threshold: float) -> tuple[float, float]:
    predicted = s >= threshold
    return float(predicted[y == 1].mean()), float((~predicted[y == 0]).mean())


def score(y_true: Any, y_score: Any, metric: str = "auc", *, threshold: float | None = None,
          n_boot: int = 1000, confidence: float = 0.95, random_state: int = 0) -> dict[str, Any]:
    """Score a submission against the true test labels, with a bootstrap confidence interval.

    Parameters
    ----------
    y_true : array-like
        True test labels (0/1 for ``"auc"``).
    y_score : array-like
        The submission, checked by :func:`validate_submission`.
    metric : {"auc", "spearman", "macro_f1"}
        Main metric.
    threshold : float, optional
        ``"auc"`` only: a decision threshold fixed **before** looking at the
        test (on validation data, see :func:`choose_threshold`); sensitivity
        and specificity are reported at 0.5 and at this threshold (0.5 when
        not given).
    n_boot, confidence, random_state : int, float, int
        Number of bootstrap resamples of the test items, level of the
        percentile interval, seed (the same seed gives the same resamples for
        every team: intervals are comparable and differences paired).

    Returns
    -------
    dict
        ``metric``, ``score`` (the main metric), ``ci_low``, ``ci_high``,
        ``confidence``, ``n`` and the metric's own keys: for ``"auc"``,
        ``auc``, ``sensitivity_05``, ``specificity_05``, ``threshold``,
        ``sensitivity_threshold``, ``specificity_threshold``, ``brier``,
        ``hard_labels``; for ``"spearman"``, ``spearman``, ``rmse``, ``mae``;
        for ``"macro_f1"``, ``macro_f1``, ``accuracy``, ``balanced_accuracy``.
    """
    metric = _check_metric(metric)
    _check_bootstrap(n_boot, confidence, random_state)
    y = _truth(y_true, metric)
    s = _validated(y_score, y.size, metric)
    return _score_arrays(y, s, metric, threshold, n_boot, confidence, random_state)


def _validated(predictions: Any, n: int, metric: str, item: str = "élément") -> np.ndarray:
    """validate_submission, with its warnings re-emitted at the caller's caller."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        values = validate_submission(predictions, n_expected=n, metric=metric, item=item)
    for w in caught:
        warnings.warn(w.message, w.category, stacklevel=3)
    return values


def _score_arrays(y: np.ndarray, s: np.ndarray, metric: str, threshold: Any, n_boot: int, confidence: float,
                  random_state: int) -> dict[str, Any]:
    if threshold is not None and metric != "auc":
        raise IASanteError("Un seuil « threshold » n'a de sens que pour la métrique « auc ».")
    if metric == "auc":
        if threshold is None:
            threshold = 0.5
        if isinstance(threshold, bool) or not isinstance(threshold, float | int | np.floating | np.integer) \
                or not 0 <= threshold <= 1:
            raise IASanteError("« threshold » doit être un seuil entre 0 et 1, choisi sur la validation.")
    if metric == "macro_f1":
        y_num, s_num = _codes(y, s)
    else:
        y_num, s_num = y, s
    main = _point(metric, y_num, s_num)
    boot = _bootstrap_values(metric, y_num, s_num, _bootstrap_indices(y.size, n_boot, random_state))
    low, high = _interval(boot, confidence)
    result: dict[str, Any] = {"metric": metric, "score": main, "ci_low": low, "ci_high": high,
                              "confidence": float(confidence), "n": int(y.size), metric: main}
    if metric == "auc":
        result["sensitivity_05"], result["specificity_05"] = _rates(y, s, 0.5)
        result["threshold"] = float(threshold)
        result["sensitivity_threshold"], result["specificity_threshold"] = _rates(y, s, float(threshold))
        result["brier"] = float(np.mean((s - y) ** 2))
        result["hard_labels"] = bool(np.isin(s, (0.0, 1.0)).all())
    elif metric == "spearman":
        result["rmse"] = float(np.sqrt(np.mean((s - y) ** 2)))
        result["mae"] = float(np.mean(np.abs(s - y)))
    else:
        result["accuracy"] = float(np.mean(y_num == s_num))
        recalls = [np.mean(s_num[y_num == c] == c) for c in np.unique(y_num)]
        result["balanced_accuracy"] = float(np.mean(recalls))
    return result


def paired_difference(y_true: Any, score_a: Any, score_b: Any, metric: str = "auc", *, n_boot: int = 1000,
                      confidence: float = 0.95, random_state: int = 0) -> dict[str, float]:
    """Difference of the main metric between two submissions on the same test items (a − b).

    Both submissions are scored on the **same** bootstrap resamples, so the
    interval accounts for the fact that they are evaluated on the same items
    (a paired comparison). If the interval contains 0, the test set does not
    separate the two submissions.

    Returns
    -------
    dict
        ``difference``, ``ci_low``, ``ci_high``, ``confidence`` and
        ``share_a_better`` (proportion of resamples where a scores higher).
    """
    metric = _check_metric(metric)
    _check_bootstrap(n_boot, confidence, random_state)
    y = _truth(y_true, metric)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ChallengeWarning)
        a = validate_submission(score_a, n_expected=y.size, metric=metric)
        b = validate_submission(score_b, n_expected=y.size, metric=metric)
    if metric == "macro_f1":
        ya, a = _codes(y, a)
        yb, b = _codes(y, b)
    else:
        ya = yb = y
    idx = _bootstrap_indices(y.size, n_boot, random_state)
    boot_a = _bootstrap_values(metric, ya, a, idx)
    boot_b = _bootstrap_values(metric, yb, b, idx)
    diff = boot_a - boot_b
    low, high = _interval(diff, confidence)
    finite = np.isfinite(diff)
    return {"difference": _point(metric, ya, a) - _point(metric, yb, b), "ci_low": low, "ci_high": high,
            "confidence": float(confidence), "share_a_better": float(np.mean(diff[finite] > 0))}


# ------------------------------------------------------------- challenges
@dataclass(frozen=True)
class Challenge:
    """A challenge of the course: its name, metric and how to load its hidden test data.

    ``load_test`` returns ``(inputs, labels)``: the test items in their
    official order (images, molecules, windows of signal...) and their labels.
    """

    name: str
    title: str
    metric: str
    description: str
    load_test: Callable[[], tuple[Any, np.ndarray]]
    item: str = "élément"  # what one test item is, in French ("image", "molécule", "fenêtre"...)


CHALLENGES: dict[str, Challenge] = {}


def register_challenge(challenge: Challenge) -> Challenge:
    """Add a challenge to :data:`CHALLENGES` (names are unique)."""
    _check_metric(challenge.metric)
    if challenge.name in CHALLENGES and CHALLENGES[challenge.name] is not challenge:
        raise ValueError(f"challenge {challenge.name!r} registered twice")
    CHALLENGES[challenge.name] = challenge
    return challenge


def get_challenge(name: str) -> Challenge:
    """The challenge registered under ``name`` (French error otherwise)."""
    if not isinstance(name, str) or name not in CHALLENGES:
        raise IASanteError(f"Défi inconnu : « {name} ». Défis disponibles : {', '.join(sorted(CHALLENGES))}.")
    return CHALLENGES[name]


def hidden_labels(name: str = "scancovid") -> np.ndarray:
    """The hidden test labels of a challenge (for the organisers' scoring, not for the teams)."""
    return np.asarray(get_challenge(name).load_test()[1])


def _scancovid_test() -> tuple[np.ndarray, np.ndarray]:
    from .datasets import load_pneumoniamnist

    return load_pneumoniamnist().get("test")


register_challenge(Challenge(
    name="scancovid",
    title="ScanCovid-IA",
    metric="auc",
    description=("Probabilité de pneumonie pour chacune des 624 radiographies du jeu de test officiel de "
                 "PneumoniaMNIST, dans l'ordre du jeu de test."),
    load_test=_scancovid_test,
    item="image",
))


def score_submission(team: str, predictions: Any, challenge: str = "scancovid", *,
                     threshold: float | None = None, n_boot: int = 1000, confidence: float = 0.95,
                     random_state: int = 0) -> dict[str, Any]:
    """Score a team's submission on a challenge's hidden test labels.

    For ScanCovid-IA, ``predictions`` holds one probability of pneumonia per
    test image of PneumoniaMNIST, in the order of ``load_pneumoniamnist().get("test")``;
    ``threshold`` is the decision threshold the team fixed on the validation
    split. Returns :func:`score`'s dictionary with ``team`` and ``challenge``.
    """
    if not isinstance(team, str) or not team.strip():
        raise IASanteError("« team » doit être le nom de l'équipe (un texte non vide).")
    spec = get_challenge(challenge)
    _check_bootstrap(n_boot, confidence, random_state)
    labels = _truth(hidden_labels(challenge), spec.metric)
    values = _validated(predictions, labels.size, spec.metric, spec.item)
    result = _score_arrays(labels, values, spec.metric, threshold, n_boot, confidence, random_state)
    return {"team": team.strip(), "challenge": spec.title, **result}


# ------------------------------------------------------------ leaderboard
class Leaderboard:
    """An in-memory leaderboard: one final submission per team, ranked by the main metric.

    Parameters
    ----------
    challenge : str, optional
        A registered challenge (default ``"scancovid"``): its hidden labels and
        metric are used. To rank submissions on other data, pass
        ``challenge=None`` with ``y_true`` (and ``metric``, ``title``).
    y_true : array-like, optional
        Test labels, when no registered challenge is used.
    metric : str, optional
        Main metric (default: the challenge's, or ``"auc"``).
    n_boot, confidence, random_state
        Bootstrap settings, the same for every submission (paired resamples).
    title : str, optional
        Name shown in the caption of :meth:`show`.

    Examples
    --------
    >>> board = Leaderboard(None, y_true=[0, 0, 1, 1, 0, 1], n_boot=200)
    >>> _ = board.submit("A", [0.1, 0.3, 0.7, 0.9, 0.2, 0.6])
    >>> _ = board.submit("B", [0.4, 0.3, 0.2, 0.9, 0.1, 0.6])
    >>> board.table()["rang"].tolist()
    [1, 2]
    """

    def __init__(self, challenge: str | None = "scancovid", *, y_true: Any = None, metric: str | None = None,
                 n_boot: int = 1000, confidence: float = 0.95, random_state: int = 0,
                 title: str | None = None) -> None:
        _check_bootstrap(n_boot, confidence, random_state)
        if y_true is not None:
            self.title = get_challenge(challenge).title if challenge in CHALLENGES else "du défi"
            self.item = get_challenge(challenge).item if challenge in CHALLENGES else "élément"
            self.metric = _check_metric(metric or (get_challenge(challenge).metric if challenge in CHALLENGES
                                                   else "auc"))
            self.y_true = _truth(y_true, self.metric)
        else:
            if challenge is None:
                raise IASanteError("Donnez un défi (par exemple « scancovid ») ou les étiquettes « y_true ».")
            spec = get_challenge(challenge)
            self.title = spec.title
            self.item = spec.item
            self.metric = _check_metric(metric or spec.metric)
            self.y_true = _truth(hidden_labels(challenge), self.metric)
        if title is not None:
            self.title = str(title)
        self.n_boot, self.confidence, self.random_state = int(n_boot), float(confidence), int(random_state)
        self._entries: dict[str, dict[str, Any]] = {}

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, team: object) -> bool:
        return team in self._entries

    def __repr__(self) -> str:
        return f"Leaderboard({self.title!r}, metric={self.metric!r}, {len(self)} soumission(s))"

    @property
    def teams(self) -> list[str]:
        """Names in the order of submission."""
        return list(self._entries)

    def submit(self, team: str, predictions: Any, *, threshold: float | None = None, model: str = "",
               reference: bool = False, replace: bool = False) -> dict[str, Any]:
        """Score and record a team's final submission; returns its results.

        A second submission from the same team is refused (one final
        submission per team); ``replace=True`` lets the organiser replace it,
        for instance after a technical error, and the table counts it.
        ``reference=True`` marks the organisers' baseline, shown but not ranked.
        A submission that fails validation is not recorded and does not count.
        """
        if not isinstance(team, str) or not team.strip():
            raise IASanteError("« team » doit être le nom de l'équipe (un texte non vide).")
        team = team.strip()
        if team in self._entries and not replace:
            raise IASanteError(
                f"L'équipe « {team} » a déjà remis sa soumission finale : une seule soumission par équipe. "
                "Seul l'animateur peut la remplacer (replace=True), et le classement l'indiquera."
            )
        values = _validated(predictions, self.y_true.size, self.metric, self.item)
        result = _score_arrays(self.y_true, values, self.metric, threshold, self.n_boot, self.confidence,
                               self.random_state)
        count = self._entries[team]["submissions"] + 1 if team in self._entries else 1
        self._entries[team] = {"result": {"team": team, **result}, "predictions": values.copy(),
                               "model": str(model), "reference": bool(reference), "submissions": count}
        return dict(self._entries[team]["result"])

    def result(self, team: str) -> dict[str, Any]:
        """The results of one submission (a copy)."""
        if team not in self._entries:
            raise IASanteError(f"Aucune soumission de « {team} ». Équipes : {', '.join(self.teams) or 'aucune'}.")
        return dict(self._entries[team]["result"])

    def table(self) -> pd.DataFrame:
        """The leaderboard, best first; ``rang`` ranks the teams only (ties share a rank)."""
        secondary = _SECONDARY_FR[self.metric]
        label = METRICS[self.metric]["label"]
        level = f"{round(100 * self.confidence):g} %"
        columns = ["rang", "modèle", label, f"IC {level} bas", f"IC {level} haut", *secondary.values(),
                   "référence", "soumissions"]
        rows = []
        for team, entry in self._entries.items():
            res = entry["result"]
            rows.append({"équipe": team, "modèle": entry["model"], label: res["score"],
                         f"IC {level} bas": res["ci_low"], f"IC {level} haut": res["ci_high"],
                         **{fr: res[key] for key, fr in secondary.items()},
                         "référence": entry["reference"], "soumissions": entry["submissions"]})
        if not rows:
            return pd.DataFrame(columns=columns, index=pd.Index([], name="équipe"))
        frame = pd.DataFrame(rows).sort_values([label, "équipe"], ascending=[False, True], kind="stable")
        teams = ~frame["référence"]
        frame["rang"] = pd.array([pd.NA] * len(frame), dtype="Int64")
        frame.loc[teams, "rang"] = frame.loc[teams, label].rank(method="min", ascending=False).astype(int)
        return frame.set_index("équipe")[columns]

    def show(self, digits: int = 3):
        """The leaderboard as a styled table (pandas Styler) for a notebook or the book."""
        frame = self.table()
        label = METRICS[self.metric]["label"]
        level = f"{round(100 * self.confidence):g} %"
        low, high = f"IC {level} bas", f"IC {level} haut"
        shown = frame.drop(columns=[low, high, "référence"]).reset_index()
        shown.insert(4, f"IC à {level}", [f"[{a:.{digits}f} ; {b:.{digits}f}]" for a, b in zip(
            frame[low], frame[high], strict=True)])
        shown["rang"] = ["réf." if ref else str(r) for r, ref in zip(frame["rang"], frame["référence"], strict=True)]
        shown = shown[["rang", *[c for c in shown.columns if c != "rang"]]]
        numeric = [c for c in shown.columns if c not in {"rang", "équipe", "modèle", f"IC à {level}", "soumissions"}]
        is_reference = frame["référence"].to_numpy()
        is_first = (frame["rang"] == 1).fillna(False).to_numpy()

        def highlight(row: pd.Series) -> list[str]:
            if is_reference[row.name]:
                return ["font-style: italic; background-color: #eeeeee"] * len(row)
            if is_first[row.name]:
                return ["font-weight: bold"] * len(row)
            return [""] * len(row)

        n_boot = f"{self.n_boot:,}".replace(",", "\u00a0")
        caption = (f"Classement {self.title} — {label} sur {self.y_true.size} {self.item}s de test ; intervalle de "
                   f"confiance par bootstrap ({n_boot} rééchantillonnages). En italique : modèle de référence.")
        styler = shown.style.format({c: f"{{:.{digits}f}}" for c in numeric}).apply(highlight, axis=1)
        lower = 0.5 if self.metric == "auc" else 0.0
        styler = styler.bar(subset=[label], vmin=lower, vmax=1.0, color="#56B4E9")
        styler = styler.set_properties(subset=[f"IC à {level}"], **{"white-space": "nowrap"})
        return styler.hide(axis="index").set_caption(caption)

    def compare(self, team_a: str, team_b: str) -> dict[str, float]:
        """Paired bootstrap difference of the main metric between two submissions (a − b)."""
        for team in (team_a, team_b):
            if team not in self._entries:
                raise IASanteError(f"Aucune soumission de « {team} ». Équipes : {', '.join(self.teams) or 'aucune'}.")
        return paired_difference(self.y_true, self._entries[team_a]["predictions"],
                                 self._entries[team_b]["predictions"], self.metric, n_boot=self.n_boot,
                                 confidence=self.confidence, random_state=self.random_state)

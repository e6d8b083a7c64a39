"""Clinical evaluation of a binary classifier.

Vocabulary (positive class = disease present, coded 1):

* sensitivity (sensibilité) = TP / (TP + FN)
* specificity (spécificité) = TN / (TN + FP)
* positive predictive value (valeur prédictive positive, VPP) = TP / (TP + FP)
* negative predictive value (valeur prédictive négative, VPN) = TN / (TN + FN)

Predictive values depend on prevalence (Bayes' theorem, see Altman & Bland,
BMJ 1994;309:102); net benefit and decision curves follow Vickers & Elkin,
Med Decis Making 2006;26:565-574.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from ._errors import IASanteError

__all__ = [
    "LABELS_FR",
    "clinical_metrics",
    "ppv_from_prevalence",
    "npv_from_prevalence",
    "net_benefit",
    "decision_curve",
    "expected_calibration_error",
    "bootstrap_ci",
]


#: French names of the indicators returned by :func:`clinical_metrics`, in the
#: order clinicians read them (``pd.DataFrame(...).rename(columns=LABELS_FR)``).
LABELS_FR: dict[str, str] = {
    "sensitivity": "sensibilité",
    "specificity": "spécificité",
    "ppv": "VPP",
    "npv": "VPN",
    "accuracy": "exactitude",
}


# --------------------------------------------------------------------- checks
def _as_1d(values, name: str) -> np.ndarray:
    """Return ``values`` as a 1-D float array or raise a French error."""
    if values is None or values is Ellipsis:
        raise IASanteError(f"« {name} » est vide (None ou ...) : donnez un tableau de valeurs.")
    if isinstance(values, str | bytes | dict):
        raise IASanteError(f"« {name} » doit être une liste ou un tableau de nombres, pas {type(values).__name__}.")
    try:
        arr = np.asarray(values, dtype=float)
    except (TypeError, ValueError):
        raise IASanteError(f"« {name} » doit contenir uniquement des nombres.") from None
    if arr.ndim == 2 and 1 in arr.shape:
        arr = arr.ravel()
    if arr.ndim != 1:
        raise IASanteError(f"« {name} » doit être à une dimension (reçu la forme {arr.shape}).")
    if arr.size == 0:
        raise IASanteError(f"« {name} » est vide.")
    if np.isnan(arr).any():
        raise IASanteError(f"« {name} » contient des valeurs manquantes (NaN) : retirez-les ou imputez-les d'abord.")
    return arr


def _binary(values, name: str) -> np.ndarray:
    arr = _as_1d(values, name)
    if not np.isin(arr, (0.0, 1.0)).all():
        found = sorted(set(np.unique(arr).tolist()))[:5]
        raise IASanteError(
            f"« {name} » doit contenir seulement 0 (négatif) et 1 (positif) ; valeurs trouvées : {found}. "
            "Pour des scores ou probabilités, choisissez d'abord un seuil."
        )
    return arr.astype(int)


def _paired(y_true, other, other_name: str, *, binary_other: bool) -> tuple[np.ndarray, np.ndarray]:
    yt = _binary(y_true, "y_true")
    yo = _binary(other, other_name) if binary_other else _as_1d(other, other_name)
    if yt.shape != yo.shape:
        raise IASanteError(
            f"« y_true » et « {other_name} » n'ont pas la même longueur ({yt.size} contre {yo.size})."
        )
    return yt, yo


def _proportion(value, name: str, *, open_interval: bool = False) -> np.ndarray:
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise IASanteError(f"« {name} » doit être un nombre entre 0 et 1.") from None
    if np.isnan(arr).any():
        raise IASanteError(f"« {name} » ne peut pas être NaN.")
    if open_interval:
        ok = ((arr > 0) & (arr < 1)).all()
        rule = "strictement entre 0 et 1"
    else:
        ok = ((arr >= 0) & (arr <= 1)).all()
        rule = "entre 0 et 1"
    if not ok:
        hint = " (une proportion, pas un pourcentage : 0.01 pour 1 %)" if (arr > 1).any() else ""
        raise IASanteError(f"« {name} » doit être {rule}{hint}.")
    return arr


def _ratio(num: float, den: float) -> float:
    return float(num / den) if den > 0 else float("nan")


# -------------------------------------------------------------------- metrics
def clinical_metrics(y_true: Sequence[int], y_pred: Sequence[int]) -> dict[str, float]:
    """Sensitivity, specificity, PPV, NPV and accuracy of binary predictions.

    Parameters
    ----------
    y_true, y_pred : array-like of 0/1
        Reference diagnosis and predicted class (1 = disease / positive).

    Returns
    -------
    dict
        ``sensitivity``, ``specificity``, ``ppv``, ``npv``, ``accuracy``,
        ``prevalence`` (as floats; ``nan`` where a denominator is zero) and the
        counts ``tp``, ``fp``, ``fn``, ``tn`` (ints).
    """
    yt, yp = _paired(y_true, y_pred, "y_pred", binary_other=True)
    tp = int(((yt == 1) & (yp == 1)).sum())
    tn = int(((yt == 0) & (yp == 0)).sum())
    fp = int(((yt == 0) & (yp == 1)).sum())
    fn = int(((yt == 1) & (yp == 0)).sum())
    n = yt.size
    return {
        "sensitivity": _ratio(tp, tp + fn),
        "specificity": _ratio(tn, tn + fp),
        "ppv": _ratio(tp, tp + fp),
        "npv": _ratio(tn, tn + fn),
        "accuracy": _ratio(tp + tn, n),
        "prevalence": _ratio(tp + fn, n),
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "tn": tn,
    }


def _scalar_or_array(arr: np.ndarray):
    return float(arr) if arr.ndim == 0 else arr


def ppv_from_prevalence(sensitivity, specificity, prevalence):
    """Positive predictive value from sensitivity, specificity and prevalence.

    ``PPV = Se·p / (Se·p + (1 − Sp)·(1 − p))`` (Bayes' theorem). Arguments are
    proportions in [0, 1]; arrays broadcast (useful to draw PPV against
    prevalence).

    Examples
    --------
    >>> round(ppv_from_prevalence(0.9, 0.9, 0.01), 3)
    0.083
    """
    se = _proportion(sensitivity, "sensitivity")
    sp = _proportion(specificity, "specificity")
    p = _proportion(prevalence, "prevalence")
    num = se * p
    den = num + (1 - sp) * (1 - p)
    with np.errstate(invalid="ignore", divide="ignore"):
        out = np.where(den > 0, num / np.where(den > 0, den, 1), np.nan)
    return _scalar_or_array(out)


def npv_from_prevalence(sensitivity, specificity, prevalence):
    """Negative predictive value: ``Sp·(1 − p) / (Sp·(1 − p) + (1 − Se)·p)``.

    Examples
    --------
    >>> round(npv_from_prevalence(0.9, 0.9, 0.01), 4)
    0.9989
    """
    se = _proportion(sensitivity, "sensitivity")
    sp = _proportion(specificity, "specificity")
    p = _proportion(prevalence, "prevalence")
    num = sp * (1 - p)
    den = num + (1 - se) * p
    with np.errstate(invalid="ignore", divide="ignore"):
        out = np.where(den > 0, num / np.where(den > 0, den, 1), np.nan)
    return _scalar_or_array(out)


def net_benefit(y_true: Sequence[int], y_score: Sequence[float], threshold: float) -> float:
    """Net benefit of treating patients whose score is at least ``threshold``.

    ``NB = TP/n − FP/n · pt / (1 − pt)`` where ``pt`` is the threshold
    probability (Vickers & Elkin 2006). ``y_score`` should be a predicted risk
    in [0, 1].
    """
    yt, ys = _paired(y_true, y_score, "y_score", binary_other=False)
    pt = float(_proportion(threshold, "threshold", open_interval=True))
    treat = ys >= pt
    n = yt.size
    tp = np.sum(treat & (yt == 1))
    fp = np.sum(treat & (yt == 0))
    return float(tp / n - fp / n * pt / (1 - pt))


def decision_curve(
    y_true: Sequence[int], y_score: Sequence[float], thresholds: Sequence[float] | None = None
) -> pd.DataFrame:
    """Decision-curve analysis: net benefit of the model, treat-all and treat-none.

    Parameters
    ----------
    y_true : array-like of 0/1
    y_score : array-like of predicted risks in [0, 1]
    thresholds : array-like of threshold probabilities in (0, 1); default
        0.01 to 0.99 by 0.01.

    Returns
    -------
    pandas.DataFrame
        Columns ``threshold``, ``model``, ``treat_all``, ``treat_none``.
    """
    yt, ys = _paired(y_true, y_score, "y_score", binary_other=False)
    if thresholds is None:
        thresholds = np.round(np.arange(0.01, 1.0, 0.01), 2)
    pts = _as_1d(thresholds, "thresholds")
    _proportion(pts, "thresholds", open_interval=True)
    prevalence = yt.mean()
    model = [net_benefit(yt, ys, pt) for pt in pts]
    treat_all = prevalence - (1 - prevalence) * pts / (1 - pts)
    return pd.DataFrame(
        {"threshold": pts, "model": model, "treat_all": treat_all, "treat_none": np.zeros_like(pts)}
    )


def expected_calibration_error(y_true: Sequence[int], y_prob: Sequence[float], n_bins: int = 10) -> float:
    """Expected calibration error with ``n_bins`` equal-width bins on [0, 1].

    ``ECE = Σ_b (n_b / n) · |mean(y in b) − mean(p in b)|`` (Naeini et al.,
    AAAI 2015). The last bin includes 1.0; empty bins are skipped.
    """
    yt, yp = _paired(y_true, y_prob, "y_prob", binary_other=False)
    _proportion(yp, "y_prob")
    if isinstance(n_bins, bool) or not isinstance(n_bins, int | np.integer) or n_bins < 1:
        raise IASanteError("« n_bins » doit être un entier positif (par exemple 10).")
    bins = np.minimum((yp * n_bins).astype(int), n_bins - 1)
    ece = 0.0
    for b in range(n_bins):
        mask = bins == b
        if mask.any():
            ece += mask.mean() * abs(yt[mask].mean() - yp[mask].mean())
    return float(ece)


def _auc_by_ranks(y: np.ndarray, s: np.ndarray) -> np.ndarray:
    """AUC of each row (Mann–Whitney statistic, ties counted as one half), vectorised."""
    from scipy.stats import rankdata

    sick = y == 1
    ranks = rankdata(s, axis=1)
    n1, n0 = sick.sum(axis=1), (~sick).sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        return ((ranks * sick).sum(axis=1) - n1 * (n1 + 1) / 2) / (n1 * n0)


def bootstrap_ci(y_true: Sequence[int], y_score: Sequence[float], metric="auc", n_boot: int = 1000,
                 confidence: float = 0.95, random_state: int = 0) -> dict:
    """Percentile bootstrap confidence interval of a metric on a test set (Efron & Tibshirani, 1993).

    The test patients are resampled with replacement ``n_boot`` times and the
    metric recomputed each time.

    Parameters
    ----------
    y_true : array-like of 0/1
    y_score : array-like of scores or predicted risks
    metric : "auc" (computed by ranks, equal to ``roc_auc_score``) or a
        function ``metric(y_true, y_score) -> float``.
    n_boot, confidence, random_state : number of resamples, level, seed.

    Returns
    -------
    dict
        ``estimate`` (on the whole test set), ``low``, ``high`` and the
        ``samples`` (resamples with a single class, where the AUC is
        undefined, are dropped).
    """
    yt, ys = _paired(y_true, y_score, "y_score", binary_other=False)
    if isinstance(n_boot, bool) or not isinstance(n_boot, int | np.integer) or n_boot < 10:
        raise IASanteError("« n_boot » doit être un entier d'au moins 10 (1000 est un bon choix).")
    conf = float(_proportion(confidence, "confidence", open_interval=True))
    idx = np.random.default_rng(random_state).integers(0, yt.size, size=(n_boot, yt.size))
    if metric == "auc":
        if yt.min() == yt.max():
            raise IASanteError("L'AUC demande des patients des deux classes (0 et 1) dans « y_true ».")
        estimate = float(_auc_by_ranks(yt[None], ys[None])[0])
        samples = _auc_by_ranks(yt[idx], ys[idx])
    elif callable(metric):
        estimate = float(metric(yt, ys))
        samples = np.array([metric(yt[i], ys[i]) if 0 < yt[i].sum() < yt.size else np.nan for i in idx], float)
    else:
        raise IASanteError("« metric » doit valoir \"auc\" ou être une fonction metric(y_true, y_score).")
    samples = samples[np.isfinite(samples)]
    low, high = np.percentile(samples, [50 * (1 - conf), 50 * (1 + conf)])
    return {"estimate": estimate, "low": float(low), "high": float(high), "samples": samples}

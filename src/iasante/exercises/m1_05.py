"""Exercises of notebook M1.5 — Biais et équité : premier audit (M1.14–M1.16)."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from ..checks import _Builder, _to_number, choice, custom

m1 = _Builder(module=1)

_AGE_GROUPS = {"a": "64 ans ou moins", "b": "65–79 ans", "c": "80 ans ou plus"}

# ------------------------------------------------------------ 05_equite
m1.add(
    14,
    "Lire un MetricFrame : quel groupe a la sensibilité la plus basse ?",
    "interpreter",
    choice("a", _AGE_GROUPS),
    "Regardez la colonne « sensibilité » de mf_age.by_group : c'est la proportion, parmi les patients "
    "qui vont mourir dans l'année, de ceux que le modèle inclut dans le programme.",
    "Attention : dans le jeu de test, ce groupe ne compte que quelques décès. La section 5 mesure "
    "l'incertitude de cette sensibilité.",
)


def _rates_by_group(y_true: Any, y_pred: Any, sex: Any) -> dict[str, np.ndarray]:
    """False and true positive rates and selection rate in each group."""
    yt = np.asarray(y_true).astype(int).ravel()
    yp = np.asarray(y_pred).astype(int).ravel()
    groups = np.asarray(sex).ravel()
    if not (yt.size == yp.size == groups.size) or yt.size == 0:
        raise ValueError("y_true, y_pred et sex doivent avoir la même longueur")
    fpr, tpr, sel = [], [], []
    for group in np.unique(groups):
        in_group = groups == group
        fpr.append(yp[in_group & (yt == 0)].mean())
        tpr.append(yp[in_group & (yt == 1)].mean())
        sel.append(yp[in_group].mean())
    return {"fpr": np.array(fpr), "tpr": np.array(tpr), "sel": np.array(sel)}


def _check_fpr_difference(answer: Any, y_true: Any, y_pred: Any, sex: Any) -> tuple[bool, str]:
    """The difference (max − min) of the false positive rate between sexes, recomputed from the data."""
    if type(answer).__name__ == "MetricFrame":
        return False, "Vous avez renvoyé le MetricFrame lui-même : appliquez-lui la méthode .difference()."
    try:
        value = _to_number(answer)
    except (TypeError, ValueError):
        return False, (f"Un nombre est attendu (reçu : {type(answer).__name__}). Si votre MetricFrame contient "
                       "plusieurs indicateurs, .difference() renvoie une série : gardez seulement le taux de faux positifs.")
    if not math.isfinite(value):
        return False, "Votre réponse n'est pas un nombre fini (NaN ou infini)."
    rates = _rates_by_group(y_true, y_pred, sex)
    expected = float(rates["fpr"].max() - rates["fpr"].min())
    if math.isclose(value, expected, abs_tol=0.005):
        return True, f"Écart de taux de faux positifs entre les sexes : {expected:.3f}."
    fpr_ratio = float(rates["fpr"].min() / rates["fpr"].max()) if rates["fpr"].max() > 0 else float("nan")
    if math.isclose(value, fpr_ratio, abs_tol=0.005):
        return False, "Vous avez calculé le ratio (.ratio()) ; la différence (.difference()) est demandée."
    if math.isclose(value, float(np.ptp(rates["tpr"])), abs_tol=0.005):
        return False, "C'est l'écart de sensibilité (true_positive_rate) ; le taux de faux positifs est demandé."
    if math.isclose(value, float(np.ptp(rates["sel"])), abs_tol=0.005):
        return False, "C'est l'écart de taux de sélection ; le taux de faux positifs est demandé."
    if math.isclose(value, -expected, abs_tol=0.005):
        return False, "Le signe est inversé : .difference() renvoie la plus grande valeur moins la plus petite."
    return False, f"Votre réponse : {value:.3f}."


m1.add(
    15,
    "Écart de taux de faux positifs entre femmes et hommes",
    "coder",
    custom(_check_fpr_difference),
    "MetricFrame(metrics=false_positive_rate, y_true=y_test, y_pred=y_pred, sensitive_features=sex_test)"
    ".difference() ; un seul indicateur donne un seul nombre.",
    "Cet écart est-il dû au sexe ? La section 5.2 le recalcule à l'intérieur de chaque groupe d'âge.",
    n_args=3,
)

m1.add(
    16,
    "Le prix d'une correction par seuils",
    "interpreter",
    choice("b", {
        "a": "l'écart a diminué sans aucun coût : la sensibilité globale et l'exactitude ont augmenté",
        "b": "l'écart a diminué, mais la sensibilité globale a baissé : des patients de 80 ans ou plus "
             "qui vont mourir ne sont plus inclus",
        "c": "le modèle a été réentraîné : ses coefficients ont changé",
        "d": "le modèle corrigé n'a plus besoin de connaître l'âge du patient pour décider",
    }),
    "Comparez les lignes « sensibilité » et « exactitude » des deux colonnes, et la barre des 80 ans ou plus "
    "sur la figure. Rappel : prefit=True garde le modèle tel quel, et predict demande sensitive_features.",
    "La correction réduit l'écart en partie « par le bas » : elle abaisse la sensibilité du groupe le mieux "
    "servi. Elle ne touche pas au modèle mais applique des seuils selon le groupe d'âge, qu'il faut donc connaître.",
)

"""Exercises of notebook M1.3 — Évaluer un modèle comme un clinicien (M1.7–M1.10)."""

from __future__ import annotations

import math
import unicodedata
from typing import Any

import numpy as np

from ..checks import _Builder, _to_number, custom, numeric
from ..metrics import _paired, _proportion, clinical_metrics, ppv_from_prevalence

m1 = _Builder(module=1)

#: Threshold of exercise M1.8.
THRESHOLD_M1_8 = 0.3


# ------------------------------------------------------------------ helpers
def _number(value: Any, name: str) -> float:
    """A finite number, or a French ValueError."""
    try:
        x = _to_number(value)
    except (TypeError, ValueError):
        raise ValueError(f"la {name} doit être un nombre") from None
    if not math.isfinite(x):
        raise ValueError(f"la {name} n'est pas un nombre fini")
    return x


def _key(text: Any) -> str:
    text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    return text.lower().strip()


_SE_KEYS = {"sensitivity", "sensibilite", "se", "sens"}
_SP_KEYS = {"specificity", "specificite", "sp", "spec"}


def _se_sp(answer: Any) -> tuple[float, float] | str:
    """Read (sensitivity, specificity) from a pair or a dict; a French message if impossible."""
    if isinstance(answer, dict):
        found = {_key(k): v for k, v in answer.items()}
        se = [v for k, v in found.items() if k in _SE_KEYS]
        sp = [v for k, v in found.items() if k in _SP_KEYS]
        if len(se) != 1 or len(sp) != 1:
            return ("Avec un dictionnaire, utilisez les clés « sensibilité » et « spécificité », "
                    "par exemple {\"sensibilité\": 0.7, \"spécificité\": 0.8}.")
        return _number(se[0], "sensibilité"), _number(sp[0], "spécificité")
    if isinstance(answer, tuple | list | np.ndarray) and len(answer) == 2:
        return _number(answer[0], "sensibilité"), _number(answer[1], "spécificité")
    return "Donnez un couple (sensibilité, spécificité), par exemple (0.7, 0.8)."


# ------------------------------------------------------------------- M1.7
m1.add(
    7,
    "VPP d'un bon test dans une population peu malade",
    "interpreter",
    numeric(ppv_from_prevalence(0.9, 0.9, 0.01), tol=0.002, rel=0.0),
    "Sur 10 000 personnes à 1 % de prévalence : 100 malades dont 90 détectés ; 9 900 non malades dont "
    "10 % (990) faussement positifs. VPP = 90 / (90 + 990). Ou : ppv_from_prevalence(0.9, 0.9, 0.01).",
    "Moins d'un test positif sur dix correspond à un vrai malade : en dépistage, un résultat positif "
    "appelle une confirmation, pas un diagnostic.",
)


# ------------------------------------------------------------------- M1.8
def _check_se_sp(answer: Any, y_true: Any, y_score: Any) -> tuple[bool, str]:
    """Sensitivity and specificity at threshold 0.3 (a patient is positive when score ≥ 0.3)."""
    parsed = _se_sp(answer)
    if isinstance(parsed, str):
        return False, parsed
    se, sp = parsed
    yt, ys = _paired(y_true, y_score, "y_score", binary_other=False)
    m = clinical_metrics(yt, (ys >= THRESHOLD_M1_8).astype(int))
    want = (m["sensitivity"], m["specificity"])
    tol = 0.01
    if abs(se - want[0]) <= tol and abs(sp - want[1]) <= tol:
        return True, f"Sensibilité {want[0]:.3f}, spécificité {want[1]:.3f} au seuil {THRESHOLD_M1_8}."
    if abs(se - want[1]) <= tol and abs(sp - want[0]) <= tol:
        return False, "Les deux valeurs semblent inversées : la sensibilité d'abord, la spécificité ensuite."
    if max(se, sp) > 1 and abs(se / 100 - want[0]) <= tol and abs(sp / 100 - want[1]) <= tol:
        return False, "Vous semblez avoir donné des pourcentages : des proportions entre 0 et 1 sont attendues."
    at_half = clinical_metrics(yt, (ys >= 0.5).astype(int))
    if abs(se - at_half["sensitivity"]) <= tol and abs(sp - at_half["specificity"]) <= tol:
        return False, "Ce sont les valeurs au seuil 0,5 : recalculez les prédictions avec proba_test >= 0.3."
    if abs(se - want[0]) <= tol:
        return False, "La sensibilité est juste, pas la spécificité."
    if abs(sp - want[1]) <= tol:
        return False, "La spécificité est juste, pas la sensibilité."
    return False, f"Votre réponse : sensibilité {se:.3f}, spécificité {sp:.3f}."


m1.add(
    8,
    "Sensibilité et spécificité à un autre seuil",
    "coder",
    custom(_check_se_sp),
    "y_pred_03 = (proba_test >= 0.3).astype(int), puis clinical_metrics(y_test, y_pred_03) ; "
    "répondez (m[\"sensitivity\"], m[\"specificity\"]).",
    "Abaisser le seuil rend le modèle plus sensible et moins spécifique : on repère plus de patients "
    "à risque, au prix de plus de fausses alertes.",
    n_args=2,
)


# ------------------------------------------------------------------- M1.9
def _check_brier(answer: Any, y_true: Any, y_prob: Any) -> tuple[bool, str]:
    """Brier score: mean squared difference between predicted risk and observed outcome."""
    from ..metrics import expected_calibration_error

    if np.ndim(answer) != 0:
        return False, "Un seul nombre est attendu (le score de Brier), pas un tableau."
    try:
        value = _to_number(answer)
    except (TypeError, ValueError):
        return False, "Un nombre est attendu (le score de Brier)."
    if not math.isfinite(value):
        return False, "Votre réponse n'est pas un nombre fini (NaN ou infini)."
    yt, yp = _paired(y_true, y_prob, "y_prob", binary_other=False)
    _proportion(yp, "y_prob")
    brier = float(np.mean((yp - yt) ** 2))
    if abs(value - brier) <= 6e-4:
        return True, f"Score de Brier : {brier:.4f}."
    if abs(value - math.sqrt(brier)) <= 6e-4:
        return False, "C'est la racine carrée du score de Brier : ne prenez pas la racine."
    if abs(value - float(np.mean(np.abs(yp - yt)))) <= 6e-4:
        return False, "Vous avez fait la moyenne des écarts absolus : le score de Brier élève les écarts au carré."
    if abs(value - brier * yt.size) <= 6e-4 * yt.size:
        return False, "C'est la somme des carrés : divisez par le nombre de patients (la moyenne)."
    if abs(value - expected_calibration_error(yt, yp)) <= 6e-4:
        return False, "C'est l'erreur de calibration attendue (ECE), pas le score de Brier."
    if abs(value - (1 - brier)) <= 6e-4:
        return False, "Vous avez calculé 1 − score de Brier."
    return False, f"Votre réponse : {value:.4g}."


m1.add(
    9,
    "Calculer le score de Brier",
    "coder",
    custom(_check_brier),
    "Le score de Brier est la moyenne des carrés des écarts : np.mean((proba_test - y_test) ** 2).",
    "0 serait parfait ; un modèle qui prédirait à tous la prévalence obtiendrait prévalence × (1 − prévalence).",
    n_args=2,
)


# ------------------------------------------------------------------ M1.10
def upper_useful_threshold(curve: Any) -> float:
    """First threshold, after the model's largest advantage, where it is no better than both strategies.

    ``curve`` is the output of :func:`iasante.metrics.decision_curve`. The
    model's advantage is its net benefit minus the best of « treat all » and
    « treat none ».
    """
    import pandas as pd

    needed = {"threshold", "model", "treat_all", "treat_none"}
    if not isinstance(curve, pd.DataFrame) or not needed <= set(curve.columns):
        raise ValueError("le tableau de la courbe de décision (decision_curve) est attendu")
    curve = curve.sort_values("threshold")
    advantage = (curve["model"] - curve[["treat_all", "treat_none"]].max(axis=1)).to_numpy()
    thresholds = curve["threshold"].to_numpy()
    start = int(np.argmax(advantage))
    after = np.nonzero(advantage[start:] <= 0)[0]
    if after.size == 0:
        return float(thresholds[-1])
    return float(thresholds[start + after[0]])


def _check_decision(answer: Any, curve: Any) -> tuple[bool, str]:
    """Read on the decision curve where the model stops being useful (± 0.06)."""
    if np.ndim(answer) != 0:
        return False, "Un seul nombre est attendu : un seuil entre 0 et 1, lu sur l'axe horizontal."
    try:
        value = _to_number(answer)
    except (TypeError, ValueError):
        return False, "Un nombre est attendu : un seuil entre 0 et 1, lu sur l'axe horizontal."
    if not math.isfinite(value):
        return False, "Votre réponse n'est pas un nombre fini (NaN ou infini)."
    expected = upper_useful_threshold(curve)
    if abs(value - expected) <= 0.06:
        return True, f"La courbe du modèle rejoint « ne traiter personne » vers {expected:.2f}."
    if 1 < value <= 100 and abs(value / 100 - expected) <= 0.06:
        return False, "Vous semblez avoir donné un pourcentage : un seuil entre 0 et 1 est attendu."
    if value < expected:
        return False, (f"Au seuil {value:.2f}, le bénéfice net du modèle est encore au-dessus des deux "
                       "stratégies de référence : cherchez plus à droite.")
    return False, f"Au seuil {value:.2f}, le modèle n'apporte déjà plus rien : cherchez plus à gauche."


m1.add(
    10,
    "Lire une courbe de décision",
    "interpreter",
    custom(_check_decision),
    "Suivez la courbe du modèle vers la droite à partir de son plus grand écart avec les deux "
    "références : où rejoint-elle (ou passe-t-elle sous) la ligne « ne traiter personne » (bénéfice net 0) ?",
    "Au-delà, un médecin aussi exigeant (qui n'accepte d'intervenir qu'à un risque si élevé) ferait "
    "aussi bien sans le modèle ; la courbe y est de plus très bruitée, car peu de patients sont concernés.",
    n_args=1,
)

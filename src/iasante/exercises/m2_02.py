"""Exercises of notebook M2.2 — Qualité des données, valeurs manquantes et fuites (M2.4–M2.6).

Numbering runs through module 2 in teaching order: notebook 02 (qualité,
manquants, fuites) holds M2.4–M2.6.
"""

from __future__ import annotations

import math
import re
import unicodedata
from typing import Any

import numpy as np
import pandas as pd

from ..checks import _Builder, _to_number, custom

m2 = _Builder(module=2)

#: AUC gained by selecting the 20 « best » of 2,000 pure-noise features on all
#: 100 patients before cross-validation, compared with the selection done inside
#: the pipeline: mean over 10 noise draws (seeds 0–9) in notebook M2.2,
#: section 4.3 (0.9190 − 0.5058).
NOISE_SELECTION_GAP = 0.4132

# --------------------------------------------------------- 02_qualite_fuites
#: Scenarios of exercise M2.4, in the order of the statement.
MECHANISM_ANSWERS = ("MNAR", "MCAR", "MAR")
_MECHANISM_HINTS = {
    "MNAR": "la consommation d'alcool manque d'autant plus souvent qu'elle est élevée : "
            "la valeur manquante elle-même explique qu'elle manque",
    "MCAR": "la panne frappe des jours sans lien avec les patients ni avec leurs valeurs",
    "MAR": "l'absence de dosage ne dépend que d'une information renseignée pour tous (le diabète connu)",
}
_ALIASES = {
    "MCAR": "MCAR", "MAR": "MAR", "MNAR": "MNAR", "NMAR": "MNAR",
    "COMPLETEMENT ALEATOIRE": "MCAR", "MANQUANT COMPLETEMENT AU HASARD": "MCAR",
    "ALEATOIRE": "MAR", "NON ALEATOIRE": "MNAR",
}


def _mechanism(token: Any) -> str | None:
    if not isinstance(token, str):
        return None
    text = unicodedata.normalize("NFKD", token).encode("ascii", "ignore").decode().upper()
    text = re.sub(r"[^A-Z ]+", " ", text)
    text = re.sub(r"\s+", " ", text).strip()
    return _ALIASES.get(text)


def _check_mechanisms(answer: Any) -> tuple[bool, str]:
    """Three mechanisms, one per scenario, in order (list, tuple or comma-separated text)."""
    if isinstance(answer, str):
        tokens = [t for t in re.split(r"[,;/\s]+", answer.strip()) if t]
    elif isinstance(answer, list | tuple):
        tokens = list(answer)
    else:
        return False, ('Donnez une liste de trois mécanismes entre guillemets, dans l\'ordre des scénarios, '
                       'par exemple ["MAR", "MCAR", "MNAR"].')
    if len(tokens) != 3:
        return False, f"Trois réponses sont attendues, une par scénario (reçu : {len(tokens)})."
    picked = [_mechanism(t) for t in tokens]
    unknown = [str(t) for t, p in zip(tokens, picked, strict=True) if p is None]
    if unknown:
        return False, f"Réponse(s) non reconnue(s) : {', '.join(unknown)}. Utilisez « MCAR », « MAR » ou « MNAR »."
    wrong = [i for i, (p, e) in enumerate(zip(picked, MECHANISM_ANSWERS, strict=True)) if p != e]
    if not wrong:
        return True, ""
    details = " ; ".join(f"scénario {i + 1} : {_MECHANISM_HINTS[MECHANISM_ANSWERS[i]]}" for i in wrong)
    return False, f"{len(wrong)} scénario(s) mal classé(s). Relisez : {details}."


m2.add(
    4,
    "Reconnaître le mécanisme des données manquantes",
    "interpreter",
    custom(_check_mechanisms),
    "Pour chaque scénario, demandez-vous de quoi dépend la probabilité qu'une valeur manque : de rien "
    "(MCAR), d'une autre variable observée pour tous (MAR), ou de la valeur manquante elle-même (MNAR).",
    "Seul le cas MCAR laisse l'analyse des cas complets sans biais ; le cas MAR se corrige en imputant à "
    "partir des variables observées ; le cas MNAR demande des hypothèses externes (analyse de sensibilité).",
)


def _check_imputation_pipeline(model: Any, X: Any, y: Any) -> tuple[bool, str]:
    """A Pipeline imputer → scaler → LogisticRegression with cross-validated AUC ≥ 0.75 on data with NaN."""
    from sklearn.base import clone, is_classifier
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold, cross_val_score
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import MinMaxScaler, RobustScaler, StandardScaler

    if not isinstance(X, pd.DataFrame) or not X.isna().to_numpy().any():
        return False, "La vérification attend le tableau X_miss, qui contient des valeurs manquantes, puis y."
    if len(np.asarray(y)) != len(X):
        return False, "X_miss et y n'ont pas le même nombre de patients."
    if not isinstance(model, Pipeline):
        return False, f"Un objet Pipeline est attendu (reçu : {type(model).__name__}). Utilisez make_pipeline(...)."
    if not is_classifier(model):
        return False, "La dernière étape du pipeline doit être un classifieur : LogisticRegression(max_iter=1000)."
    if not isinstance(model.steps[-1][1], LogisticRegression):
        return False, (f"La dernière étape est {type(model.steps[-1][1]).__name__} : l'énoncé demande une "
                       "régression logistique, LogisticRegression(max_iter=1000).")
    transformers = [step for _, step in model.steps[:-1]]
    has_imputer = any("Imputer" in type(step).__name__ for step in transformers)
    has_scaler = any(isinstance(step, StandardScaler | MinMaxScaler | RobustScaler) for step in transformers)
    if not has_imputer:
        return False, ("Votre pipeline n'a pas d'étape d'imputation : la régression logistique ne sait pas traiter "
                       "les valeurs manquantes (NaN) et échoue. Ajoutez SimpleImputer(...) en tête du pipeline.")
    if not has_scaler:
        return False, "Il manque une étape de standardisation (StandardScaler) avant la régression logistique."
    cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
    try:
        scores = cross_val_score(clone(model), X, y, cv=cv, scoring="roc_auc", error_score="raise")
    except ValueError as err:
        if "NaN" in str(err):
            return False, ("Le pipeline échoue sur les valeurs manquantes (NaN) : l'imputation doit venir "
                           "avant toute étape qui ne les accepte pas.")
        raise
    auc = float(np.mean(scores))
    if not math.isfinite(auc) or auc < 0.75:
        return False, f"AUC moyenne en validation croisée : {auc:.3f} (au moins 0,75 attendu)."
    return True, f"AUC moyenne en validation croisée à 5 plis, imputation comprise : {auc:.3f}."


m2.add(
    5,
    "Imputer, standardiser et prédire dans un seul pipeline",
    "coder",
    custom(_check_imputation_pipeline),
    "make_pipeline(SimpleImputer(strategy=\"median\", add_indicator=True), StandardScaler(), "
    "LogisticRegression(max_iter=1000)) : l'imputation est apprise sur les plis d'entraînement seulement.",
    "Comme la standardisation, l'imputation est un prétraitement appris sur les données : la placer dans le "
    "pipeline garantit qu'elle est réapprise à chaque pli, sans regarder les patients de validation.",
    n_args=2,
)


def _check_noise_gap(answer: Any) -> tuple[bool, str]:
    """Gap between the leaky and the honest AUC of section 4.3, in AUC units (or points)."""
    if isinstance(answer, pd.Series | pd.DataFrame) and np.asarray(answer).size > 1:
        return False, "Vous avez renvoyé plusieurs valeurs : une seule différence est attendue."
    value = _to_number(answer)
    if not math.isfinite(value):
        return False, "Votre réponse n'est pas un nombre fini (NaN ou infini)."
    gap = NOISE_SELECTION_GAP
    if abs(value - gap) <= 0.02 or abs(value - 100 * gap) <= 2:
        return True, f"La sélection faite hors de la validation croisée gonfle l'AUC de {gap:.2f} ({100 * gap:.0f} points)."
    if abs(value + gap) <= 0.02 or abs(value + 100 * gap) <= 2:
        return False, "Le signe est inversé : calculez AUC avec fuite − AUC honnête."
    if 0.5 <= value <= 1:
        return False, "Cette valeur ressemble à une AUC : la question demande l'écart entre les deux AUC."
    return False, f"Votre réponse : {value:.3g}."


m2.add(
    6,
    "Chiffrer la fuite d'une sélection de variables",
    "interpreter",
    custom(_check_noise_gap),
    "Dans le tableau de synthèse, ligne « sélection de variables sur toutes les données » : "
    "AUC avec fuite − AUC honnête.",
    "Les 2 000 variables sont du pur bruit : toute AUC nettement au-dessus de 0,5 est une illusion créée par "
    "la fuite. Dans un article, un tel écart passerait pour une découverte.",
)

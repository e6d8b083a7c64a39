"""Exercises of notebook M1.2 — Un premier modèle supervisé (M1.4–M1.6).

Numbering runs through the module (M1.1 … M1.n) in teaching order:
notebook 02 (premier modèle) holds M1.4–M1.6.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ..checks import _Builder, choice, custom, numeric

m1 = _Builder(module=1)


# --------------------------------------------------- 02_premier_modele
m1.add(
    4,
    "Lire une matrice de confusion",
    "interpreter",
    numeric(6, tol=0.0, rel=0.0),
    "Les faux négatifs sont les tumeurs réellement malignes que le modèle a prédites bénignes : "
    "ligne « réellement malin », colonne « prédit bénin ».",
    "Ce sont les erreurs les plus graves ici : un cancer non détecté retarde le traitement.",
)

m1.add(
    5,
    "Reconnaître le surapprentissage",
    "interpreter",
    choice("b", {"a": "le sous-apprentissage", "b": "le surapprentissage",
                 "c": "une fuite de données", "d": "un biais de sélection"}),
    "Comparez le score sur les données d'entraînement (parfait) et sur des données jamais vues.",
    "Le modèle a « appris par cœur » les patients d'entraînement (bruit compris) et généralise moins bien.",
)


def _check_pipeline(model: Any, X: Any, y: Any) -> tuple[bool, str]:
    """A scikit-learn pipeline with a scaling step, reaching a cross-validated AUC ≥ 0.98."""
    from sklearn.base import clone, is_classifier
    from sklearn.model_selection import StratifiedKFold, cross_val_score
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import MinMaxScaler, RobustScaler, StandardScaler

    if not isinstance(model, Pipeline):
        return False, f"Un objet Pipeline est attendu (reçu : {type(model).__name__}). Utilisez make_pipeline(...)."
    if not is_classifier(model):
        return False, "La dernière étape du pipeline doit être un classifieur (par exemple LogisticRegression)."
    scalers = (StandardScaler, MinMaxScaler, RobustScaler)
    if not any(isinstance(step, scalers) for _, step in model.steps[:-1]):
        return False, "Il manque une étape de mise à l'échelle (StandardScaler) avant le classifieur."
    cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
    scores = cross_val_score(clone(model), X, y, cv=cv, scoring="roc_auc")
    auc = float(np.mean(scores))
    if auc < 0.98:
        return False, f"AUC moyenne en validation croisée : {auc:.3f} (au moins 0,98 attendu)."
    return True, f"AUC moyenne en validation croisée à 5 plis : {auc:.3f}."


m1.add(
    6,
    "Construire un pipeline avec mise à l'échelle",
    "coder",
    custom(_check_pipeline),
    "make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000)) : la mise à l'échelle est "
    "apprise sur les plis d'entraînement seulement, à l'intérieur de la validation croisée.",
    n_args=2,
)

"""Exercises of notebook M3.3 — Des caractéristiques radiomiques à la classification (M3.7–M3.9)."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from ..checks import _Builder, choice, custom

m3 = _Builder(module=3)

#: Validation AUC a fitted HOG model must reach (the notebook's logistic regressions: 0.978–0.984).
HOG_AUC_MIN = 0.97
#: Above this validation AUC, the model has almost surely been fitted on the validation images.
HOG_AUC_SUSPICIOUS = 0.995

# -------------------------------------------------------------- 03_radiomique
m3.add(
    7,
    "Choisir une famille de caractéristiques sur le jeu de validation",
    "interpreter",
    choice("d", {"a": "intensité", "b": "texture GLCM", "c": "LBP", "d": "HOG"}),
    "Dans le tableau, cherchez la plus grande valeur de la colonne « AUC (validation) » : c'est le "
    "jeu de validation, et lui seul, qui sert à choisir.",
    "Les gradients orientés décrivent la forme et la position des contours (coupoles, bord du cœur, "
    "opacités) : sur ces vignettes, c'est l'information la plus discriminante. Le jeu de test n'a "
    "pas servi à ce choix.",
)


def _check_hog_model(model: Any, X_val: Any, y_val: Any) -> tuple[bool, str]:
    """A fitted classifier whose validation AUC on the HOG features is at least HOG_AUC_MIN."""
    from sklearn.base import is_classifier
    from sklearn.exceptions import NotFittedError
    from sklearn.metrics import roc_auc_score

    if isinstance(model, type) or not hasattr(model, "predict_proba") or not hasattr(model, "fit"):
        return False, (f"Un modèle scikit-learn entraîné est attendu (reçu : {type(model).__name__}), "
                       "par exemple make_pipeline(StandardScaler(), LogisticRegression(...)).fit(...).")
    if not is_classifier(model):
        return False, "Le modèle doit être un classifieur (par exemple une régression logistique)."
    y = np.asarray(y_val).astype(int).ravel()
    if y.size == 0 or not set(np.unique(y)) <= {0, 1} or y.min() == y.max():
        return False, "La vérification attend les étiquettes de validation y_val (0 et 1)."
    try:
        proba = np.asarray(model.predict_proba(X_val))
    except NotFittedError:
        return False, "Le modèle n'est pas encore entraîné : appelez .fit(X_train_hog, y_train)."
    except ValueError as err:
        return False, (f"Le modèle ne s'applique pas à X_val_hog ({str(err)[:80]}…) : entraînez-le "
                       "sur les seules caractéristiques HOG (X_train_hog).")
    if proba.ndim != 2 or proba.shape[0] != y.size:
        return False, "predict_proba doit renvoyer une probabilité par image de validation."
    auc = float(roc_auc_score(y, proba[:, -1]))
    if not math.isfinite(auc):
        return False, "L'AUC de validation n'a pas pu être calculée."
    if auc > HOG_AUC_SUSPICIOUS:
        return False, (f"AUC de validation de {auc:.3f}, presque parfaite : le modèle a-t-il été "
                       "entraîné sur le jeu de validation ? Entraînez-le sur X_train_hog, y_train.")
    if auc < HOG_AUC_MIN:
        return False, f"AUC de validation : {auc:.3f} (au moins {HOG_AUC_MIN:.2f} attendu)."
    return True, f"AUC de validation sur les caractéristiques HOG : {auc:.3f}."


m3.add(
    8,
    "Entraîner une régression logistique sur les gradients orientés",
    "coder",
    custom(_check_hog_model),
    "modele_hog = make_pipeline(StandardScaler(), LogisticRegression(C=0.1, max_iter=1000)), puis "
    "modele_hog.fit(X_train_hog, y_train) : on entraîne sur le jeu d'entraînement, la vérification "
    "mesure l'AUC sur le jeu de validation.",
    n_args=2,
)

m3.add(
    9,
    "Lire un diagramme de fiabilité",
    "interpreter",
    choice("b", {
        "a": "le risque annoncé est inférieur à la fréquence observée : le modèle sous-estime le risque",
        "b": "le risque annoncé est supérieur à la fréquence observée : le modèle surestime le risque",
        "c": "les points suivent la diagonale : le modèle est bien calibré",
    }),
    "Pour les points situés à droite (risque prédit au-delà de 0,6), comparez l'ordonnée (fréquence "
    "observée de pneumonie) à l'abscisse (risque prédit) : le point est-il sous la diagonale ?",
    "Sous la diagonale, le modèle annonce plus de pneumonies qu'il n'en survient : il est trop sûr "
    "de lui. Une partie de l'écart vient de la prévalence, plus basse dans le jeu de test qu'à "
    "l'entraînement.",
)

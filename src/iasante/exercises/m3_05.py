"""Exercises of notebook M3.5 — Expliquer et auditer un modèle d'image (M3.13–M3.15).

Numbering runs through module 3 in teaching order: notebook 05 (explainability
lab: occlusion, SHAP, shortcut learning, acquisition shift) holds M3.13–M3.15.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from ..checks import _Builder, _to_number, choice, custom

mx = _Builder(module=3)


# ------------------------------------------------------- 05_expliquer_auditer
def _check_clean_auc(answer: Any, model: Any, images: Any, labels: Any) -> tuple[bool, str]:
    """The AUC of ``model`` on the clean ``images`` (probabilities from 784 pixels scaled to 0–1)."""
    from sklearn.metrics import roc_auc_score

    try:
        value = _to_number(answer)
    except (TypeError, ValueError):
        return False, "Un nombre est attendu : l'AUC calculée par roc_auc_score(...)."
    if not math.isfinite(value):
        return False, "Votre réponse n'est pas un nombre fini (NaN ou infini)."
    if not 0.0 <= value <= 1.0:
        return False, f"Votre réponse : {value:.4g}. Une AUC est comprise entre 0 et 1."
    arr = np.asarray(images, dtype=float)
    rows = arr.reshape(len(arr), -1) / 255
    y = np.asarray(labels).reshape(-1)
    expected = roc_auc_score(y, model.predict_proba(rows)[:, 1])
    if abs(value - expected) <= 0.002:
        return True, f"AUC sur les images propres : {expected:.3f}."
    if abs(value - roc_auc_score(y, model.predict(rows))) <= 0.002:
        return False, ("Vous avez calculé l'AUC à partir des classes prédites (0 ou 1) : "
                       "l'AUC se calcule sur les probabilités (predict_proba).")
    if value >= 0.97:
        return False, (f"Votre réponse : {value:.3f}. C'est le niveau obtenu sur des images marquées : "
                       "calculez-la sur X_test, les images propres, sans marqueur.")
    return False, f"Votre réponse : {value:.3f}."


mx.add(
    13,
    "Mesurer l'AUC du modèle à raccourci sur des images propres",
    "coder",
    custom(_check_clean_auc),
    "roc_auc_score(y_test, proba_pneumonia(shortcut_model, X_test)) : les étiquettes vraies d'abord, "
    "les probabilités de pneumonie prédites sur les images propres ensuite.",
    "Sans le marqueur, le modèle ne garde que ce qu'il a appris des poumons, et il en a appris moins que le "
    "modèle de référence puisque le marqueur faisait le travail.",
    n_args=3,
)

mx.add(
    14,
    "Lire une carte d'occlusion du modèle à raccourci",
    "interpreter",
    choice("b", {"a": "les champs pulmonaires", "b": "le coin supérieur gauche de l'image",
                 "c": "le cœur et le médiastin", "d": "les coupoles diaphragmatiques"}),
    "Repérez où se concentrent les zones orange (cacher la zone fait baisser le score de pneumonie) "
    "sur la ligne du modèle à raccourci, et comparez avec la position du marqueur.",
    "Le modèle a appris que le petit carré blanc signale une pneumonie : le cacher suffit à faire chuter sa "
    "prédiction. C'est exactement ce que DeGrave et al. (2021) ont mis en évidence sur des modèles COVID-19 : "
    "marqueurs de latéralité et inscriptions plutôt que poumons.",
)


mx.add(
    15,
    "Lire les courbes de robustesse",
    "interpreter",
    choice("a", {"a": "le contraste réduit", "b": "le bruit gaussien", "c": "le flou",
                 "d": "la résolution réduite"}),
    "Regardez le panneau de la spécificité au seuil 0,5, au niveau 4 : quelle courbe descend le plus bas ? "
    "Une spécificité basse signifie beaucoup d'enfants sains classés « pneumonie ».",
    "Le contraste réduit laisse l'AUC presque intacte : l'ordre des enfants change peu. Mais toutes les "
    "probabilités montent (une image terne ressemble à une image « voilée ») : au seuil choisi dans l'hôpital "
    "d'origine, presque tous les enfants sains deviennent des faux positifs. L'AUC seule ne l'aurait pas montré.",
)

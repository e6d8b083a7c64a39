"""Exercises of notebook M2.3 — Parcours de soins ville–hôpital–domicile (M2.7–M2.9)."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from ..checks import _Builder, _to_number, choice, custom, numeric

m2 = _Builder(module=2)

#: Share of SSR stays followed by a return home, in the notebook's simulated data
#: (``load_care_pathways(2000, random_state=0)``); pinned by the notebook's hidden checks.
SSR_TO_HOME = 0.6036


m2.add(
    7,
    "Lire une matrice de transition",
    "interpreter",
    numeric(SSR_TO_HOME, tol=0.015, rel=0.0),
    "Prenez la ligne « SSR » (lieu de départ) et la colonne « domicile » (lieu suivant) : "
    "c'est la proportion des séjours en SSR suivis d'un retour à domicile.",
    "Les autres séjours en SSR se terminent par une entrée en EHPAD, un retour en MCO, une HAD ou un décès : "
    "la ligne somme à 1.",
)


def _precision_bounds(y: np.ndarray, scores: np.ndarray, k: int) -> tuple[float, float]:
    """Lowest and highest precision at k over all ways of breaking ties between equal scores."""
    threshold = np.sort(scores)[::-1][k - 1]
    above, tied = scores > threshold, scores == threshold
    need = k - int(above.sum())
    pos_above, tied_pos, tied_n = float(y[above].sum()), float(y[tied].sum()), int(tied.sum())
    low = (pos_above + max(0.0, need - (tied_n - tied_pos))) / k
    high = (pos_above + min(float(need), tied_pos)) / k
    return low, high


def _check_precision_at_k(answer: Any, y_true: Any, scores: Any, k: Any) -> tuple[bool, str]:
    """Precision among the ``k`` highest scores (ties may be broken either way)."""
    y = np.asarray(y_true, dtype=float).ravel()
    s = np.asarray(scores, dtype=float).ravel()
    if y.size != s.size or y.size == 0:
        return False, "Les étiquettes et les scores passés à la vérification n'ont pas la même longueur."
    k = int(k)
    if not 1 <= k <= y.size:
        return False, f"k doit être compris entre 1 et {y.size}."
    try:
        value = _to_number(answer)
    except (TypeError, ValueError) as err:
        return False, f"Une proportion entre 0 et 1 est attendue ({err})."
    if not math.isfinite(value):
        return False, "Votre réponse n'est pas un nombre fini (NaN ou infini)."
    low, high = _precision_bounds(y, s, k)
    if low - 1e-6 <= value <= high + 1e-6:
        return True, f"Parmi les {k} scores les plus élevés, {value:.0%} des patients sont réellement réhospitalisés."
    if low - 1e-6 <= value / 100 <= high + 1e-6:
        return False, "Vous semblez avoir donné un pourcentage : une proportion entre 0 et 1 est attendue."
    if low * k - 1e-6 <= value <= high * k + 1e-6:
        return False, f"Vous avez donné un nombre de patients réhospitalisés : divisez-le par k = {k}."
    low_rev, high_rev = _precision_bounds(y, -s, k)
    if low_rev - 1e-6 <= value <= high_rev + 1e-6:
        return False, "Vous avez gardé les k scores les plus FAIBLES : triez par score décroissant (np.argsort(-scores))."
    return False, f"Votre réponse : {value:.4g}."


m2.add(
    8,
    "Calculer la précision à k",
    "coder",
    custom(_check_precision_at_k),
    "np.argsort(-proba_test)[:60] donne les positions des 60 scores les plus élevés ; "
    "y_test.to_numpy()[positions].mean() est la proportion de réhospitalisés parmi eux.",
    "C'est la valeur prédictive positive de la règle « appeler les k premiers » ; son inverse est le nombre "
    "nécessaire à évaluer (NNE).",
    n_args=3,
)

m2.add(
    9,
    "Lire un audit d'équité par groupe d'âge",
    "interpreter",
    choice("b", {
        "a": "le modèle défavorise les 85 ans ou plus : ils ont la plus faible sensibilité",
        "b": "les 85 ans ou plus sont plus souvent appelés et plus souvent réhospitalisés ; "
             "leur taux de faux positifs est plus élevé",
        "c": "il faudrait appeler la même proportion de patients dans chaque groupe d'âge",
        "d": "les écarts viennent du hasard et disparaîtraient avec 20 000 séjours",
    }),
    "Comparez, d'un groupe d'âge à l'autre, le taux d'appel, la réhospitalisation observée et le taux de faux "
    "positifs ; rappelez-vous que le tableau porte déjà sur 20 000 séjours simulés.",
    "Un taux d'appel plus élevé dans un groupe plus souvent réhospitalisé n'est pas injuste en soi : la parité "
    "démographique serait ici un mauvais critère. L'égalité des chances (même sensibilité) est le critère à "
    "surveiller, et les faux positifs ont un coût : du temps d'appel.",
)

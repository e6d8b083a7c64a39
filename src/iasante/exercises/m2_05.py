"""Exercises of notebook M2.5 — Médecine de précision : données omiques (M2.13–M2.15).

Numbering runs through module 2 in teaching order: notebook 05 (omique)
holds M2.13–M2.15. Data: ``iasante.datasets.load("breast_cancer_genes")``
(TRANSBIG, GSE7390), 76 standardised gene-expression columns.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from ..checks import _Builder, _to_number, choice, custom, numeric

m2 = _Builder(module=2)

#: Number of principal components needed to reach 50 % of the variance of the
#: 76 standardised genes (all 198 patients); the notebook's hidden cell pins it.
N_COMPONENTS_50 = 12

# ---------------------------------------------------------------- 05_omique
m2.add(
    13,
    "Lire la variance expliquée d'une ACP",
    "interpreter",
    numeric(N_COMPONENTS_50, tol=1, rel=0.0),
    "Suivez la courbe de variance cumulée jusqu'à ce qu'elle franchisse la ligne horizontale à 50 %, "
    "puis lisez le numéro de la composante sur l'axe horizontal.",
    "Il faut une dizaine de composantes pour résumer la moitié de l'information de 76 gènes : "
    "l'expression ne se réduit pas à un ou deux axes, même si la première composante (prolifération) "
    "domine.",
)


def _bh_counts(p: np.ndarray, alpha: float = 0.05) -> tuple[int, int, int]:
    """Discoveries without correction, with Bonferroni and with Benjamini–Hochberg."""
    from scipy.stats import false_discovery_control

    raw = int((p < alpha).sum())
    bonferroni = int((p < alpha / len(p)).sum())
    bh = int((false_discovery_control(p) < alpha).sum())
    return raw, bonferroni, bh


def _check_bh(answer: Any, pvals: Any) -> tuple[bool, str]:
    """Number of Benjamini–Hochberg discoveries at FDR 5 % among ``pvals``."""
    try:
        p = np.asarray(pvals, dtype=float).ravel()
    except (TypeError, ValueError):
        p = np.array([])
    if p.size == 0 or not np.isfinite(p).all() or (p < 0).any() or (p > 1).any():
        return False, "La vérification attend le vecteur p_values (des p-valeurs entre 0 et 1), tel que calculé plus haut."
    if not isinstance(answer, str | bytes) and np.ndim(answer) >= 1 and np.size(answer) == p.size and p.size > 1:
        return False, ("Vous avez renvoyé un vecteur (une valeur par gène) : comptez les gènes retenus, par exemple "
                       "avec (p_ajustees < 0.05).sum().")
    value = _to_number(answer)
    if not math.isfinite(value):
        return False, "Votre réponse n'est pas un nombre fini (NaN ou infini)."
    raw, bonferroni, bh = _bh_counts(p)
    if value == bh:
        return True, (f"{bh} gènes au seuil de FDR 5 %, contre {bonferroni} avec Bonferroni et {raw} "
                      "sans aucune correction.")
    if value == raw:
        return False, "C'est le nombre de p-valeurs brutes inférieures à 0,05, sans correction pour les tests multiples."
    if value == bonferroni:
        return False, "C'est le résultat de la correction de Bonferroni (0,05 / nombre de gènes), plus stricte que Benjamini-Hochberg."
    if value != int(value):
        return False, "Un nombre entier de gènes est attendu."
    return False, f"Votre réponse : {value:.0f} gène(s)."


m2.add(
    14,
    "Appliquer la procédure de Benjamini-Hochberg",
    "coder",
    custom(_check_bh),
    "stats.false_discovery_control(p_values) renvoie les p-valeurs ajustées (q-valeurs) ; "
    "comptez celles qui sont inférieures à 0,05 avec (… < 0.05).sum().",
    "Parmi les gènes « découverts », on accepte qu'en moyenne 5 % au plus soient de faux positifs : "
    "un compromis adapté à une étape exploratoire, dont les résultats restent à confirmer sur une autre cohorte.",
    n_args=1,
)

m2.add(
    15,
    "Juger la stabilité d'un gène sélectionné",
    "interpreter",
    choice("b", {
        "a": "c'est un biomarqueur fiable : le Lasso l'a retenu sur l'ensemble des patientes",
        "b": "sa sélection dépend surtout des patientes tirées : il ne faut pas l'interpréter comme un "
             "biomarqueur sans réplication sur une autre cohorte",
        "c": "il n'a sûrement aucun lien avec le risque de métastase",
        "d": "il suffit d'augmenter C (pénalité plus faible) pour le rendre stable",
    }),
    "Un gène sélectionné dans 30 % des rééchantillonnages seulement est absent de 7 modèles sur 10 "
    "ajustés sur des patientes à peine différentes.",
    "Un gène instable peut être corrélé à d'autres gènes qui portent la même information (le Lasso en "
    "choisit un presque au hasard) ou ne refléter que le bruit de l'échantillon. Seuls les gènes "
    "sélectionnés de façon répétée, puis confirmés sur une cohorte indépendante, méritent une "
    "interprétation biologique.",
)

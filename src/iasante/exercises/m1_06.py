"""Exercises of notebook M1.6 — Panorama : de la règle experte à l'apprentissage (M1.17–M1.19).

Expected values are those of WHAS500, 1-year mortality (500 patients, none
censored before one year), with the partial TIMI-STEMI-inspired score of
:mod:`iasante.scores`.
"""

from __future__ import annotations

import math
from typing import Any

from ..checks import _Builder, _to_number, choice, custom, numeric

m1 = _Builder(module=1)

#: Patients of WHAS500 (1-year cohort) with a partial score of at least 5 points.
N_HIGH_RISK = 152
#: Observed 1-year mortality among the 78 patients with exactly 5 points (36 deaths).
MORTALITY_AT_5 = 36 / 78


def _check_high_risk(answer: Any) -> tuple[bool, str]:
    """Count of patients with a partial score ≥ 5, with hints for the usual slips."""
    try:
        value = _to_number(answer)
    except (TypeError, ValueError) as err:
        return False, f"Un nombre entier de patients est attendu ({err})."
    if not math.isfinite(value):
        return False, "Votre réponse n'est pas un nombre fini."
    if value == N_HIGH_RISK:
        return True, f"{N_HIGH_RISK} patients sur 500 ont au moins 5 points."
    if value == 74:
        return False, "Vous avez compté les scores strictement supérieurs à 5 : « au moins 5 » inclut 5 (>=)."
    if 0 < value < 1:
        return False, "Une proportion a été donnée : le nombre de patients est attendu."
    return False, f"Votre réponse : {value:g} patients."


m1.add(
    17,
    "Appliquer le score partiel à la cohorte",
    "coder",
    custom(_check_high_risk),
    "Calculez scores.timi_partial(whas) (une valeur par patient), comparez-la à 5 avec >= puis "
    "additionnez les True avec .sum().",
    "Un score à points se calcule pour toute une cohorte en une ligne : c'est sa force (aucun "
    "entraînement), mais le seuil de 5 points reste un choix à justifier.",
)

m1.add(
    18,
    "Lire la mortalité observée par niveau de score",
    "interpreter",
    numeric(MORTALITY_AT_5, tol=0.02, rel=0.0),
    "Repérez la barre « 5 points » : sa hauteur (et l'étiquette au-dessus) donne la proportion de "
    "décès à 1 an. Répondez par une proportion entre 0 et 1 (par exemple 0.30 pour 30 %).",
    "Environ un patient sur deux avec 5 points est décédé dans l'année : c'est le risque observé dans "
    "cette cohorte, pas celui publié pour le score TIMI complet (mortalité à 30 jours, autre population).",
)

m1.add(
    19,
    "Choisir une famille de méthodes",
    "interpreter",
    choice(
        "c",
        {
            "a": "un système à base de règles écrites par des experts",
            "b": "l'apprentissage automatique classique sur des variables tabulaires",
            "c": "l'apprentissage profond (réseau de neurones convolutif)",
            "d": "un grand modèle de langage généraliste",
        },
    ),
    "Les données sont des images (des millions de pixels), il en existe beaucoup et elles sont annotées : "
    "quelle famille apprend elle-même les motifs utiles dans une image ?",
    "Les réseaux de neurones profonds apprennent directement à partir des pixels quand on dispose de "
    "nombreuses images annotées ; c'est l'objet du module 3. Des règles écrites à la main décriraient mal "
    "des lésions très variables, et un modèle de langage généraliste n'est pas conçu ni validé pour cela.",
)

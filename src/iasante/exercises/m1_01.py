"""Exercises of notebook M1.1 — Premiers pas avec des données cliniques (M1.1–M1.3).

Numbering runs through the module (M1.1 … M1.n) in teaching order:
notebook 01 (premiers pas) holds M1.1–M1.3. The expected values are facts of
the WHAS500 cohort (500 patients, 200 women; 22 patients in cardiogenic shock,
17 of whom died during follow-up); the notebook's hidden checks pin them.
"""

from __future__ import annotations

import math
from typing import Any

from ..checks import Validator, _Builder, _to_number, choice, custom, numeric

m1 = _Builder(module=1)

# Facts of the WHAS500 cohort (iasante.datasets.load("whas500")).
N_PATIENTS = 500
N_WOMEN = 200
N_SHOCK = 22
N_SHOCK_DEATHS = 17
N_DEATHS = 215
N_NO_SHOCK_DEATHS = N_DEATHS - N_SHOCK_DEATHS  # 198 deaths among 478 patients without shock


def _decimal_comma(answer: Any) -> bool:
    """True for ``(0, 4)``: what Python makes of ``0,4`` typed with a French decimal comma."""
    return (
        isinstance(answer, tuple)
        and len(answer) == 2
        and all(isinstance(a, int) and not isinstance(a, bool) for a in answer)
    )


_COMMA_MESSAGE = (
    "En Python, le séparateur décimal est le point : écrivez 0.4 et non 0,4 "
    "(la virgule fabrique deux nombres séparés)."
)


def _proportion(expected: float, tol: float, traps: dict[float, str]) -> Validator:
    """A proportion in [0, 1], with French messages for common wrong answers."""
    base = numeric(expected, tol=tol, rel=0.0)

    def validate(answer: Any) -> tuple[bool, str]:
        if _decimal_comma(answer):
            return False, _COMMA_MESSAGE
        ok, message = base(answer)
        if ok:
            return True, message
        try:
            value = _to_number(answer)
        except (TypeError, ValueError, OverflowError):
            return False, message
        if not math.isfinite(value):
            return False, message
        for trap, explanation in traps.items():
            if math.isclose(value, trap, abs_tol=tol):
                return False, explanation
        return False, message

    return validate


# --------------------------------------------------- 01_premiers_pas
m1.add(
    1,
    "Lire une proportion dans un comptage",
    "interpreter",
    custom(
        _proportion(
            N_WOMEN / N_PATIENTS,
            0.005,
            {
                float(N_WOMEN): "C'est le nombre de femmes : divisez-le par le nombre total de patients.",
                float(N_PATIENTS - N_WOMEN): "C'est le nombre d'hommes (gender == 0), pas de femmes.",
            },
        )
    ),
    "Proportion de femmes = nombre de femmes (ligne 1 du comptage) / nombre total de patients "
    "(hommes + femmes). Écrivez par exemple reponse_m1_1 = 30 / 120 avec vos propres nombres.",
    "Une proportion se donne entre 0 et 1 ; multipliée par 100, c'est un pourcentage.",
)

m1.add(
    2,
    "Mortalité brute en cas de choc cardiogénique",
    "coder",
    custom(
        _proportion(
            N_SHOCK_DEATHS / N_SHOCK,
            0.005,
            {
                float(N_SHOCK_DEATHS): "C'est le nombre de décès : divisez par le nombre de patients en choc, "
                "ou prenez directement la moyenne de fstat.",
                float(N_SHOCK): "C'est le nombre de patients en choc cardiogénique, pas la proportion de décès.",
                N_DEATHS / N_PATIENTS: "C'est la mortalité de toute la cohorte : filtrez d'abord les patients "
                "avec df[\"sho\"] == 1.",
                N_NO_SHOCK_DEATHS / (N_PATIENTS - N_SHOCK): "C'est la mortalité des patients SANS choc "
                "(sho == 0) : le filtre doit garder sho == 1.",
                N_SHOCK / N_PATIENTS: "C'est la proportion de patients en choc dans la cohorte, pas leur "
                "mortalité : prenez la moyenne de fstat chez ces patients.",
            },
        )
    ),
    "Même modèle que pour l'insuffisance cardiaque : df[df[\"sho\"] == 1] garde les patients en choc, "
    "puis [\"fstat\"].mean() donne la proportion de décès (moyenne d'une colonne 0/1).",
    "Une mortalité brute pendant le suivi, calculée sur un petit effectif : elle est imprécise "
    "et ne tient compte ni de l'âge ni de la durée de suivi.",
)

m1.add(
    3,
    "Reconnaître une confusion par l'âge",
    "interpreter",
    choice(
        "b",
        {
            "a": "être une femme augmente en soi le risque de décès après un infarctus : "
            "la différence brute suffit à le montrer",
            "b": "les femmes de la cohorte sont plus âgées et la mortalité augmente fortement avec l'âge : "
            "la différence brute mélange l'effet de l'âge et celui du sexe (confusion par l'âge)",
            "c": "la différence vient des données manquantes, plus nombreuses chez les femmes",
            "d": "la cohorte compte moins de femmes que d'hommes, ce qui gonfle la proportion de décès des femmes",
        },
    ),
    "Comparez la figure brute (tous âges) à la figure par classe d'âge, et relisez la répartition des âges "
    "selon le sexe (section 9). Une différence brute peut venir d'une troisième variable liée aux deux.",
    "L'âge est lié au sexe (les femmes sont plus âgées) et au décès : c'est un facteur de confusion. "
    "À âge comparable, l'écart entre les sexes n'est plus le même et change de sens chez les plus âgés.",
)

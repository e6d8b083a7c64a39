"""Exercises of notebook M2.4 — Analyse de survie (M2.10–M2.12).

Numbering runs through module 2 in teaching order: notebook 04 (survie)
holds M2.10–M2.12. Data: GBSG2 (``iasante.datasets.load("gbsg2")``), time
converted to years (days / 365.25).
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd

from ..checks import _Builder, _to_number, choice, custom

m2 = _Builder(module=2)

#: Median recurrence-free survival of GBSG2, in years: the Kaplan–Meier curve
#: of all 686 patients (``KaplanMeierFitter().fit(time / 365.25, cens)``)
#: first falls to 0.5 or below at 1,807 days (test_exercises_m2_04 recomputes it).
MEDIAN_RFS_YEARS = 1807 / 365.25
_DAYS_PER_YEAR = 365.25


# --------------------------------------------------------------- 04_survie
def _check_median(answer: Any) -> tuple[bool, str]:
    """Median read on the Kaplan–Meier curve, in years, within 3 months."""
    value = _to_number(answer)
    if not math.isfinite(value):
        return False, "Votre réponse n'est pas un nombre fini (NaN ou infini)."
    if abs(value - MEDIAN_RFS_YEARS) <= 0.25:
        return True, (f"La médiane estimée vaut {MEDIAN_RFS_YEARS:.2f} ans "
                      f"(environ {MEDIAN_RFS_YEARS * 12:.0f} mois).")
    if abs(value - MEDIAN_RFS_YEARS * _DAYS_PER_YEAR) <= 0.25 * _DAYS_PER_YEAR:
        return False, "Vous avez répondu en jours : la réponse est attendue en années (jours / 365,25)."
    if abs(value - MEDIAN_RFS_YEARS * 12) <= 3:
        return False, "Vous avez répondu en mois : la réponse est attendue en années."
    if 0 <= value <= 1:
        return False, ("Cette valeur ressemble à une probabilité : la médiane est un temps, "
                       "lu sur l'axe horizontal.")
    return False, f"Votre réponse : {value:.3g} an(s)."


m2.add(
    10,
    "Lire la médiane de survie sans récidive",
    "interpreter",
    custom(_check_median),
    "Partez de 0,5 sur l'axe vertical, allez horizontalement jusqu'à la courbe, puis descendez "
    "sur l'axe du temps ; répondez en années.",
    "La moitié des patientes a présenté une récidive ou est décédée avant ce délai. La médiane "
    "se lit tant que la courbe descend sous 0,5 ; sinon elle n'est pas estimable.",
)


def _fit_horth_hr(frame: pd.DataFrame, columns: list[str]) -> float:
    from lifelines import CoxPHFitter

    data = frame[list(columns) + ["years", "cens"]]
    model = CoxPHFitter().fit(data, duration_col="years", event_col="cens")
    return float(model.hazard_ratios_["horTh"])


def _check_cox_hr(answer: Any, frame: Any, columns: Any) -> tuple[bool, str]:
    """Hazard ratio of ``horTh`` in a Cox model fitted on ``columns`` of ``frame``."""
    if not isinstance(frame, pd.DataFrame) or not {"years", "cens"} <= set(frame.columns):
        return False, "La vérification attend le tableau cox_df (colonnes « years » et « cens »)."
    columns = [str(c) for c in columns]
    if "horTh" not in columns:
        return False, "La liste de colonnes doit contenir « horTh »."
    if isinstance(answer, pd.Series | pd.DataFrame) and np.asarray(answer).size > 1:
        return False, "Vous avez renvoyé tout le tableau : sélectionnez la seule valeur de « horTh »."
    value = _to_number(answer)
    if not math.isfinite(value):
        return False, "Votre réponse n'est pas un nombre fini (NaN ou infini)."
    expected = _fit_horth_hr(frame, columns)
    if math.isclose(value, expected, rel_tol=0.005):
        return True, f"HR de l'hormonothérapie ajusté sur {', '.join(c for c in columns if c != 'horTh')} : {expected:.3f}."
    if math.isclose(value, math.log(expected), rel_tol=0.01, abs_tol=1e-3):
        return False, "Vous avez donné le coefficient β (log du HR) : prenez son exponentielle (hazard_ratios_)."
    if math.isclose(value, 1 / expected, rel_tol=0.005):
        return False, "C'est l'inverse du HR attendu : vérifiez le codage de horTh (1 = traitée)."
    if len(columns) > 1 and math.isclose(value, _fit_horth_hr(frame, ["horTh"]), rel_tol=0.005):
        return False, "C'est le HR brut (horTh seule) : ajustez sur toutes les colonnes de la liste."
    return False, f"Votre réponse : {value:.3f}."


m2.add(
    11,
    "Ajuster un modèle de Cox et lire un rapport de risques",
    "coder",
    custom(_check_cox_hr),
    "CoxPHFitter().fit(cox_df[cols_m2_11 + [\"years\", \"cens\"]], duration_col=\"years\", "
    "event_col=\"cens\"), puis .hazard_ratios_[\"horTh\"].",
    "Ajuster sur la gravité de la tumeur change peu le HR de l'hormonothérapie : ces variables "
    "ne confondent guère l'association ici. D'autres facteurs, non mesurés, le pourraient.",
    n_args=2,
)

m2.add(
    12,
    "Interpréter un rapport de risques instantanés de 0,7",
    "interpreter",
    choice("b", {
        "a": "l'hormonothérapie réduit de 30 % la proportion de patientes qui récidivent à 5 ans",
        "b": "à chaque instant du suivi, chez les patientes encore sans récidive, le risque instantané de "
             "récidive ou de décès est environ 30 % plus faible sous hormonothérapie, à autres variables égales",
        "c": "les patientes sous hormonothérapie restent sans récidive 30 % plus longtemps",
        "d": "70 % des patientes sous hormonothérapie ne récidivent pas",
    }),
    "Un HR compare des vitesses de survenue de l'événement (risques instantanés) à chaque instant, "
    "pas des proportions à une date ni des durées.",
    "Traduire un HR en bénéfice absolu à 5 ans demande le risque de base (la courbe de survie). "
    "Et l'hormonothérapie n'étant pas tirée au sort pour toutes les patientes de GBSG2, c'est une "
    "association ajustée, pas la preuve d'un effet causal.",
)

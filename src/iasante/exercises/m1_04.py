"""Exercises of notebook M1.4 — Expliquer un modèle (M1.11–M1.13).

Numbering runs through the module (M1.1 … M1.n) in teaching order:
notebook 04 (expliquer) holds M1.11–M1.13.
"""

from __future__ import annotations

import math
import re
from typing import Any

import numpy as np
import pandas as pd

from ..checks import _Builder, _normalise, _to_number, custom, numeric

m1 = _Builder(module=1)

# ------------------------------------------------------------ 04_expliquer
#: Odds ratio per standard deviation of age in the notebook's standardised
#: logistic regression (WHAS500, death within one year, random_state=0).
OR_AGE_PER_SD = 2.329

_or_age = numeric(OR_AGE_PER_SD, tol=0.0, rel=0.02)


def _check_or_age(answer: Any) -> tuple[bool, str]:
    """The odds ratio of age per standard deviation, with hints for the usual confusions."""
    ok, message = _or_age(answer)
    if ok:
        return True, ""
    try:
        value = _to_number(answer)
    except (TypeError, ValueError):
        return False, message
    if math.isfinite(value) and math.isclose(value, math.log(OR_AGE_PER_SD), rel_tol=0.03):
        return False, "Vous avez donné le coefficient β (le logarithme) : l'odds ratio est son exponentielle, exp(β)."
    if math.isfinite(value) and 1.0 < value < 1.1:
        return False, ("Cette valeur ressemble à un odds ratio par année d'âge : la figure donne l'odds ratio "
                       "par écart-type (environ 15 ans).")
    return False, message


m1.add(
    11,
    "Lire un odds ratio par écart-type",
    "interpreter",
    custom(_check_or_age),
    "Cherchez la ligne « âge » sur la figure (le point) ou la ligne « age » dans la colonne "
    "« OR par écart-type » du tableau ; donnez la valeur avec deux décimales, par exemple 1.25.",
    "À autres caractéristiques égales dans le modèle, un écart-type d'âge de plus (environ 15 ans) multiplie "
    "la cote de décès à un an par ce facteur. C'est une association, pas une cause.",
)


def _check_shap_importance(answer: Any, explanation: Any) -> tuple[bool, str]:
    """Mean absolute SHAP value per feature, as a Series indexed by feature names, sorted descending."""
    values = np.asarray(explanation.values, dtype=float)
    names = list(explanation.feature_names)
    if values.ndim != 2 or values.shape[1] != len(names):
        raise ValueError("l'objet SHAP passé en second argument n'a pas la forme attendue")
    expected = pd.Series(np.abs(values).mean(axis=0), index=names)
    if isinstance(answer, pd.DataFrame) and answer.shape[1] == 1:
        answer = answer.iloc[:, 0]
    if not isinstance(answer, pd.Series):
        return False, (f"Une pd.Series est attendue (reçu : {type(answer).__name__}). "
                       "Enveloppez le calcul : pd.Series(valeurs, index=sv.feature_names).")
    if len(answer) == values.shape[0] and len(answer) != len(names):
        return False, ("Votre Series a une valeur par patient : moyennez sur les patients, c'est-à-dire "
                       "les lignes (axis=0), pour obtenir une valeur par caractéristique.")
    if len(answer) != len(names) or set(map(str, answer.index)) != set(names):
        return False, (f"L'index doit contenir les {len(names)} noms de caractéristiques "
                       "(index=sv.feature_names).")
    got = pd.to_numeric(answer, errors="coerce").set_axis(list(map(str, answer.index))).reindex(names)
    if got.isna().any():
        return False, "Certaines valeurs ne sont pas des nombres."
    got = got.to_numpy(dtype=float)
    if not np.allclose(got, expected.to_numpy(), rtol=1e-6, atol=1e-9):
        if np.allclose(got, values.mean(axis=0), rtol=1e-6, atol=1e-9):
            return False, ("Ce sont les moyennes des contributions signées : les contributions positives et "
                           "négatives se compensent. Prenez d'abord la valeur absolue (np.abs).")
        return False, "Les valeurs ne correspondent pas à la moyenne des valeurs absolues par caractéristique."
    if not answer.is_monotonic_decreasing:
        return False, "Les valeurs sont justes, mais triez-les de la plus grande à la plus petite (.sort_values(ascending=False))."
    top = expected.idxmax()
    return True, (f"En tête : {top} ({expected.max():.3f} point de probabilité en moyenne), "
                  "le même ordre que le diagramme en essaim.")


m1.add(
    12,
    "Calculer l'importance SHAP globale",
    "coder",
    custom(_check_shap_importance),
    "np.abs(sv.values).mean(axis=0) donne une valeur par caractéristique ; mettez-la dans "
    "pd.Series(..., index=sv.feature_names) puis .sort_values(ascending=False).",
    "La moyenne des valeurs absolues mesure l'ampleur de l'effet d'une caractéristique sur les prédictions, "
    "quel que soit son sens : c'est l'importance SHAP « globale ».",
    n_args=1,
)

#: Words a patient-friendly French text may use for each WHAS500 admission feature
#: (accents and capitals removed before matching, whole words only).
PATIENT_WORDS: dict[str, tuple[str, ...]] = {
    "age": ("age", "agee", "ages", "agees", "ans", "annees", "vieillissement"),
    "gender": ("sexe", "femme", "femmes", "homme", "hommes"),
    "hr": ("frequence cardiaque", "pouls", "rythme cardiaque", "battements", "coeur bat", "tachycardie"),
    "sysbp": ("pression", "tension", "systolique"),
    "diasbp": ("pression", "tension", "diastolique"),
    "bmi": ("poids", "masse corporelle", "imc", "corpulence", "maigreur", "mince"),
    "cvd": ("antecedent", "antecedents", "maladie cardiovasculaire", "maladies cardiovasculaires"),
    "afb": ("fibrillation", "arythmie", "rythme irregulier"),
    "sho": ("choc",),
    "chf": ("insuffisance cardiaque", "defaillance cardiaque", "coeur pompe", "oedeme pulmonaire"),
    "av3": ("bloc", "conduction"),
    "miord": ("recidive", "precedent", "premier infarctus", "second infarctus", "deuxieme infarctus",
              "nouvel infarctus", "deja eu"),
    "mitype": ("onde q", "type d infarctus", "type de l infarctus", "etendue de l infarctus"),
}
_FRENCH_NAMES = {
    "age": "l'âge", "gender": "le sexe", "hr": "la fréquence cardiaque", "sysbp": "la pression systolique",
    "diasbp": "la pression diastolique", "bmi": "l'indice de masse corporelle (le poids)",
    "cvd": "un antécédent cardiovasculaire", "afb": "la fibrillation atriale", "sho": "le choc cardiogénique",
    "chf": "l'insuffisance cardiaque", "av3": "le bloc auriculo-ventriculaire", "miord": "la récidive d'infarctus",
    "mitype": "le type d'infarctus (onde Q)",
}
#: The names the notebook gives the features in its figures (NOMS_FR).
_NOTEBOOK_NAMES = {
    "age": "âge", "gender": "sexe féminin", "hr": "fréquence cardiaque", "sysbp": "pression systolique",
    "diasbp": "pression diastolique", "bmi": "indice de masse corporelle", "cvd": "antécédent cardiovasculaire",
    "afb": "fibrillation atriale", "sho": "choc cardiogénique", "chf": "insuffisance cardiaque",
    "av3": "bloc auriculo-ventriculaire complet", "miord": "récidive d'infarctus", "mitype": "infarctus avec onde Q",
}
_JARGON = ("shap", "shapley", "contribution", "log odds", "odds ratio", "cote", "feature", "base value",
           "valeur de base", "predict proba")


def _mentions(text: str, words: tuple[str, ...]) -> bool:
    return any(re.search(rf"\b{re.escape(w)}\b", text) for w in words)


def _check_patient_text(answer: Any, feature: Any) -> tuple[bool, str]:
    """A short French text for a patient that names the feature weighing most on their prediction."""
    key = str(feature)
    if key not in PATIENT_WORDS:  # also accept the French names used in the notebook and in feedback
        by_name = {_normalise(v): k for names in (_NOTEBOOK_NAMES, _FRENCH_NAMES) for k, v in names.items()}
        key = by_name.get(_normalise(key), "")
        if not key:
            raise ValueError(f"caractéristique inconnue : {feature!r}")
    if not isinstance(answer, str):
        return False, ("Un texte entre guillemets est attendu, par exemple "
                       "reponse_m1_13 = \"D'après ce calcul, ...\".")
    text = " ".join(answer.split())
    if len(text) < 60 or len(text.split()) < 10:
        return False, (f"Votre texte est trop court ({len(text.split())} mots) : écrivez deux à cinq phrases "
                       "(risque estimé, facteur principal, limite).")
    if len(text) > 1500:
        return False, (f"Votre texte est long ({len(text)} caractères) pour une explication orale : "
                       "gardez l'essentiel en deux à cinq phrases.")
    norm = _normalise(text)
    if not _mentions(norm, PATIENT_WORDS[key]):
        return False, (f"Votre texte ne nomme pas le facteur qui pèse le plus pour ce patient : "
                       f"{_FRENCH_NAMES[key]}. Relisez la barre la plus longue du diagramme en cascade.")
    advice = []
    if _mentions(norm, _JARGON):
        advice.append("évitez le jargon (SHAP, contribution, cote…) : un patient ne le comprendra pas")
    if not _mentions(norm, ("moyenne", "moyen", "compare", "comparaison", "autres patients", "plus eleve",
                            "plus faible", "superieur", "inferieur")):
        advice.append("situez le risque par rapport à une référence (le risque moyen des patients)")
    if not _mentions(norm, ("estimation", "estime", "estimee", "certitude", "incertain", "incertitude",
                            "probabilite", "environ", "statistique", "limite", "peut se tromper")):
        advice.append("dites que c'est une estimation, pas une certitude")
    tips = (" Pour l'améliorer : " + " ; ".join(advice) + ".") if advice else ""
    return True, f"Le facteur principal ({_FRENCH_NAMES[key]}) est bien nommé.{tips} Comparez votre texte avec celui d'un voisin."


m1.add(
    13,
    "Expliquer une prédiction à un patient",
    "interpreter",
    custom(_check_patient_text),
    "Écrivez deux à cinq phrases entre guillemets, en mots courants : le risque estimé comparé au risque "
    "moyen, le facteur qui pèse le plus (la barre la plus longue du diagramme en cascade), une limite.",
    "Une bonne explication pour un patient est sélective (peu de raisons), contrastive (par rapport à une "
    "référence) et honnête sur l'incertitude ; elle ne dit pas ce qu'un traitement changerait.",
    n_args=1,
)

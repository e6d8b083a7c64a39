"""Exercises of notebook M2.6 — Le texte clinique en français (M2.16–M2.18)."""

from __future__ import annotations

import math
from typing import Any

from ..checks import _Builder, _to_number, choice, custom
from ..text import nir_key

m2 = _Builder(module=2)

#: Macro-F1 on the test notes that the pipeline of M2.18 must reach.
F1_THRESHOLD = 0.85

FEVER_SENTENCES = {
    "a": "Pas de fièvre ni de frissons depuis l'admission.",
    "b": "Fièvre à 38,9 °C le soir, sans frissons.",
    "c": "Le patient nie toute fièvre.",
    "d": "Pas d'amélioration de la fièvre malgré l'antibiothérapie.",
}


def _check_key(answer: Any, body: str) -> tuple[bool, str]:
    """The control key of the 13 characters ``body`` (Corsica: 2A → 19, 2B → 18)."""
    expected = nir_key(body)
    try:
        value = _to_number(answer)
    except (TypeError, ValueError):
        return False, "Un nombre entier entre 1 et 97 est attendu (la clé, par exemple 42)."
    if not math.isfinite(value) or value != int(value):
        return False, "La clé est un nombre entier entre 1 et 97."
    value = int(value)
    if value == expected:
        return True, f"Clé = 97 − (N mod 97) = {expected:02d}."
    digits = body.replace(" ", "").replace(".", "").upper()
    department = digits[5:7]
    number = int(digits[:5] + {"2A": "19", "2B": "18"}.get(department, department) + digits[7:])
    if value == number % 97:
        return False, "C'est le reste de la division par 97 : la clé est 97 moins ce reste."
    if department in {"2A", "2B"}:
        swapped = digits[:5] + ("18" if department == "2A" else "19") + digits[7:]
        if value == 97 - int(swapped) % 97:
            return False, "Vous avez inversé les codes : 2A devient 19 et 2B devient 18."
        if value == 97 - int(digits[:5] + "20" + digits[7:]) % 97:
            return False, f"Le département « {department} » ne se remplace pas par 20 dans le calcul."
    return False, f"Votre réponse : {value}."


m2.add(
    16,
    "Calculer la clé d'un NIR né en Corse",
    "coder",
    custom(_check_key),
    "Remplacez « 2A » par 19 ou « 2B » par 18, enlevez les espaces, convertissez en entier N avec int(), "
    "puis calculez 97 - N % 97.",
    "La clé ne dépend que des 13 premiers caractères : une faute de frappe sur un seul chiffre la change "
    "toujours, ce qui permet de la détecter.",
    n_args=1,
)

m2.add(
    17,
    "Repérer la fièvre affirmée malgré les négations",
    "interpreter",
    choice(("b", "d"), FEVER_SENTENCES),
    "Cherchez pour chaque phrase si la fièvre est présente chez le patient, et non si le mot « pas » apparaît : "
    "« pas d'amélioration de la fièvre » signifie que la fièvre persiste.",
    "a et c nient la fièvre ; b l'affirme (« sans » porte sur les frissons) ; d l'affirme aussi : "
    "« pas d'amélioration » est une pseudo-négation.",
)


def _check_pipeline(model: Any, X_train: Any, y_train: Any, X_test: Any, y_test: Any) -> tuple[bool, str]:
    """A Pipeline with a TF-IDF step and a classifier, reaching macro-F1 ≥ F1_THRESHOLD on the test notes."""
    from sklearn.base import clone, is_classifier
    from sklearn.feature_extraction.text import TfidfTransformer, TfidfVectorizer
    from sklearn.metrics import f1_score
    from sklearn.pipeline import Pipeline
    from threadpoolctl import threadpool_limits

    if not isinstance(model, Pipeline):
        return False, f"Un objet Pipeline est attendu (reçu : {type(model).__name__}). Utilisez make_pipeline(...)."
    if not any(isinstance(step, TfidfVectorizer | TfidfTransformer) for _, step in model.steps[:-1]):
        return False, "Il manque l'étape TfidfVectorizer(...) qui transforme les textes en vecteurs TF-IDF."
    if not is_classifier(model):
        return False, "La dernière étape doit être un classifieur, par exemple LogisticRegression(max_iter=1000)."
    with threadpool_limits(limits=1):  # small data: one core is faster
        fitted = clone(model).fit(X_train, y_train)
        score = float(f1_score(y_test, fitted.predict(X_test), average="macro"))
    if score < F1_THRESHOLD:
        return False, f"F1 macro sur les notes de test : {score:.3f} (au moins {F1_THRESHOLD:.2f} attendu)."
    return True, f"F1 macro sur les notes de test : {score:.3f}."


m2.add(
    18,
    "Classer les notes avec TF-IDF et une régression logistique",
    "coder",
    custom(_check_pipeline),
    "make_pipeline(TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True), "
    "LogisticRegression(max_iter=1000)) : le vocabulaire et les poids IDF sont appris sur les seules notes "
    "d'entraînement.",
    "Le pipeline est réentraîné ici sur les notes d'entraînement puis évalué une fois sur les notes de test.",
    n_args=4,
)

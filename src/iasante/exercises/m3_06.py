"""Exercises of notebook M3.6 — Défi ScanCovid-IA (M3.16–M3.18).

Numbering runs through module 3 in teaching order: notebook 06 (the
ScanCovid-IA challenge) holds M3.16–M3.18.
"""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np

from .._errors import IASanteError
from ..checks import _Builder, choice, custom

mx = _Builder(module=3)


# ---------------------------------------------------------- 06_defi_scancovid
def _check_submission(answer: Any, images: Any) -> tuple[bool, str]:
    """A valid ScanCovid-IA submission (one probability per test image) that beats chance."""
    from sklearn.metrics import roc_auc_score

    from ..challenge import ChallengeWarning, get_challenge, validate_submission

    test_images, labels = get_challenge("scancovid").load_test()
    try:
        given = np.asarray(images)
    except Exception:  # noqa: BLE001 - anything may be passed
        given = None
    if given is None or given.shape != test_images.shape or not np.array_equal(given, test_images):
        return False, ("Le second argument de check doit être X_test, les images de test officielles : "
                       "la soumission se fait sur elles, et seulement sur elles.")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            values = validate_submission(answer, n_expected=len(labels), metric="auc")
        except IASanteError as err:
            return False, f"Soumission refusée : {err}"
    if any(issubclass(w.category, ChallengeWarning) and "0 et des 1" in str(w.message) for w in caught):
        return False, ("Votre soumission ne contient que des 0 et des 1 : des classes. Une probabilité de "
                       "pneumonie par image est attendue (predict_proba(...)[:, 1]).")
    auc = roc_auc_score(labels, values)
    if auc <= 0.5:
        hint = " Avez-vous pris la probabilité de la classe 0 (proba[:, 0]) au lieu de la classe 1 ?" \
            if auc < 0.3 else ""
        return False, f"Soumission valide, mais son AUC sur le test ({auc:.3f}) ne dépasse pas le hasard.{hint}"
    return True, f"Soumission valide : {len(values)} probabilités, AUC sur le test {auc:.3f}."


mx.add(
    16,
    "Remettre une soumission valide",
    "coder",
    custom(_check_submission),
    "Entraînez votre modèle sur le jeu d'entraînement, puis soumettez model.predict_proba(...)[:, 1] calculé "
    "sur les caractéristiques des images de test (par exemple avec develop(modele, textures), qui renvoie "
    "les probabilités de validation puis de test) : une probabilité par image, dans l'ordre du jeu de test.",
    "Une soumission valide n'est que le début : c'est son intervalle de confiance, sa calibration et ses erreurs "
    "qui diront ce qu'elle vaut.",
    n_args=1,
)

mx.add(
    17,
    "Départager deux équipes",
    "interpreter",
    choice("b", {"a": "oui : la première a une AUC plus élevée, elle a gagné",
                 "b": "non : leurs intervalles se recouvrent largement et l'intervalle de la différence contient 0",
                 "c": "oui : l'écart d'AUC dépasse 0,001",
                 "d": "on ne peut rien dire sans connaître les étiquettes du test"}),
    "Regardez l'intervalle de confiance de la différence appariée : contient-il 0 ? Si oui, le jeu de test "
    "ne permet pas de dire laquelle des deux équipes est la meilleure.",
    "Sur quelques centaines d'images, des écarts d'AUC de quelques millièmes sont du bruit d'échantillonnage ; "
    "un classement de défi n'est pas robuste au choix des images de test (Maier-Hein et al., 2018).",
)

mx.add(
    18,
    "Choisir les preuves exigées avant un usage clinique",
    "interpreter",
    choice({"a", "b", "c"}, {
        "a": "une validation externe sur des radiographies d'autres hôpitaux, en pleine résolution",
        "b": "une étude prospective mesurant l'effet sur les décisions et le devenir des enfants",
        "c": "le marquage CE du logiciel comme dispositif médical",
        "d": "une AUC plus élevée sur ce même jeu de test",
        "e": "des cartes d'occlusion plausibles sur quelques images"}),
    "Demandez-vous ce qui montrerait que le modèle marche ailleurs, qu'il aide réellement les patients, et "
    "qu'il a le droit d'être utilisé. Un meilleur score sur le même test ou de jolies cartes ne montrent "
    "rien de cela ; plusieurs réponses sont justes.",
    "Validation externe, étude prospective d'impact et conformité réglementaire (règlement 2017/745, règle 11) "
    "sont les trois marches qu'aucun modèle du défi n'a franchies ; TRIPOD+AI et DECIDE-AI disent comment "
    "en rendre compte.",
)

"""Exercises of notebook M3.2 — Traiter et segmenter (M3.4–M3.6)."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from ..checks import _Builder, _to_number, custom, numeric

mx = _Builder(module=3)

#: Upper multi-Otsu threshold (grey | white matter) of the MNI152 1-mm axial slice z = 18 mm.
GM_WM_THRESHOLD = 0.748
#: Proportion of DAB-positive nuclei found by the notebook's pipeline on skimage's IHC image.
POSITIVE_PROPORTION = 0.5513
#: Minimal Dice expected between the learner's white-matter mask and the reference.
MIN_DICE_WM = 0.90

mx.add(
    4,
    "Lire un seuil sur un histogramme",
    "interpreter",
    numeric(GM_WM_THRESHOLD, tol=0.05, rel=0.0),
    "Repérez les deux pics de droite (substance grise vers 0,65, substance blanche vers 0,85) : "
    "le seuil est au fond du creux qui les sépare.",
    "La méthode d'Otsu à trois classes place ce seuil au même endroit : elle cherche les seuils qui rendent "
    "les groupes les plus homogènes, ce qui tombe près des creux quand les pics sont bien séparés.",
)


def _check_white_matter(answer: Any, reference: Any) -> tuple[bool, str]:
    """A boolean mask of the slice's shape whose Dice with ``reference`` is at least MIN_DICE_WM."""
    from ..imaging import dice, iou

    ref = np.asarray(reference).astype(bool)
    if not isinstance(answer, np.ndarray):
        return False, f"Un tableau NumPy (un masque) est attendu, pas {type(answer).__name__}."
    if answer.shape != ref.shape:
        return False, f"Le masque a la forme {answer.shape}, la coupe a la forme {ref.shape}."
    if answer.dtype != bool:
        if answer.dtype.kind not in "iuf" or not np.isin(answer, (0, 1)).all():
            return False, "Le masque doit être booléen (True/False), par exemple le résultat d'une comparaison t1 > seuil."
    mask = answer.astype(bool)
    if not mask.any():
        return False, "Le masque est vide : aucun voxel n'est retenu."
    d, j = dice(mask, ref), iou(mask, ref)
    if d >= MIN_DICE_WM:
        return True, f"Dice = {d:.3f}, IoU = {j:.3f}."
    detail = f"Dice = {d:.3f} (au moins {MIN_DICE_WM:.2f} attendu)."
    if mask.sum() > 2 * ref.sum():
        detail += " Votre masque est bien plus grand que la référence : le seuil est-il trop bas ?"
    elif d < 0.3:
        detail += " Presque aucun recouvrement : avez-vous pris la substance grise ou le LCS au lieu de la blanche ?"
    return False, detail


mx.add(
    5,
    "Segmenter la substance blanche et la comparer à une référence",
    "coder",
    custom(_check_white_matter),
    "brain & (t1 > thresholds[1]) : les voxels du cerveau plus clairs que le second seuil multi-Otsu "
    "(ou tissues == 3).",
    "Le Dice élevé tient au gabarit, moyenne de 152 sujets sans bruit ni inhomogénéité ; sur l'IRM d'un patient, "
    "le même seuillage ferait nettement moins bien.",
    n_args=1,
)


def _check_positive_proportion(answer: Any) -> tuple[bool, str]:
    """The proportion of positive nuclei (0–1), or the same as a percentage (1–100)."""
    try:
        value = _to_number(answer)
    except (TypeError, ValueError) as err:
        return False, f"Un nombre est attendu ({err})."
    if not math.isfinite(value):
        return False, "Votre réponse n'est pas un nombre fini (NaN ou infini)."
    if value < 0:
        return False, "Une proportion ne peut pas être négative."
    if value > 100:
        return False, "C'est plus de 100 : avez-vous donné un nombre de noyaux au lieu d'une proportion ?"
    proportion = value / 100 if value > 1 else value
    if math.isclose(proportion, POSITIVE_PROPORTION, abs_tol=0.015):
        return True, f"{proportion:.1%} des noyaux sont positifs."
    if math.isclose(proportion, 1 - POSITIVE_PROPORTION, abs_tol=0.015):
        return False, "C'est la proportion de noyaux négatifs (le complément)."
    return False, f"Votre réponse : {proportion:.1%} de noyaux positifs."


mx.add(
    6,
    "Calculer la proportion de noyaux positifs",
    "coder",
    custom(_check_positive_proportion),
    "(nuclei_table[\"dab_ring\"] > dab_threshold).mean() : la comparaison donne une série de True/False, "
    "sa moyenne est la proportion de True.",
    "Le dénominateur compte ici tous les noyaux, glandes et stroma mêlés ; un indice clinique comme Ki-67 ne "
    "compte que les cellules tumorales.",
)

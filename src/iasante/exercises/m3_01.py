"""Exercises of notebook M3.1 — L'image médicale et le format DICOM (M3.1–M3.3)."""

from __future__ import annotations

from typing import Any

import numpy as np

from ..checks import _Builder, choice, custom

mx = _Builder(module=3)

mx.add(
    1,
    "Relier une valeur en unités Hounsfield à l'en-tête DICOM",
    "interpreter",
    choice("b", {
        "a": "une calcification de la paroi de l'aorte",
        "b": "le produit de contraste iodé injecté par voie veineuse",
        "c": "de la graisse autour de l'aorte",
        "d": "de l'air dans l'aorte",
    }),
    "Comparez la valeur mesurée dans l'aorte à celle du sang sans injection (environ 30 à 60 UH), "
    "puis relisez les attributs Contrast/Bolus Agent et Contrast/Bolus Route de l'en-tête.",
    "L'iode absorbe fortement les rayons X : le sang opacifié dépasse nettement les 30 à 60 UH du sang non injecté. "
    "Une calcification donnerait des valeurs bien plus élevées, localisées dans la paroi ; "
    "la graisse et l'air ont des valeurs négatives.",
)


def _check_hounsfield(answer: Any, dataset: Any) -> tuple[bool, str]:
    """The learner's HU array must equal iasante.imaging.to_hounsfield(dataset)."""
    from ..imaging import to_hounsfield

    expected = to_hounsfield(dataset)
    if not isinstance(answer, np.ndarray | list | tuple):
        return False, f"Un tableau NumPy de la taille de l'image est attendu (reçu : {type(answer).__name__})."
    values = np.asarray(answer)
    if values.dtype.kind not in "iuf":
        return False, "Le tableau doit contenir des nombres."
    if values.shape != expected.shape:
        return False, f"Le tableau a la forme {values.shape}, l'image a la forme {expected.shape}."
    values = values.astype(float)
    if np.allclose(values, expected):
        return True, f"Valeurs de {expected.min():.0f} à {expected.max():.0f} UH."
    raw = dataset.pixel_array.astype(float)
    slope, intercept = float(dataset.RescaleSlope), float(dataset.RescaleIntercept)
    if np.allclose(values, raw) or np.allclose(values, raw * slope):
        return False, "Ce sont encore les valeurs brutes : il manque l'ordonnée à l'origine (RescaleIntercept)."
    if np.allclose(values, raw * slope - intercept):
        return False, f"Erreur de signe : il faut AJOUTER RescaleIntercept (qui vaut ici {intercept:g})."
    if np.allclose(values, (raw + intercept) * slope) and slope != 1:
        return False, "Multipliez d'abord par la pente, puis ajoutez l'ordonnée à l'origine."
    return False, f"Les valeurs vont de {values.min():.0f} à {values.max():.0f} ; l'écart maximal avec les UH " \
                  f"attendues est de {np.abs(values - expected).max():.0f}."


mx.add(
    2,
    "Convertir les valeurs brutes en unités Hounsfield",
    "coder",
    custom(_check_hounsfield),
    "UH = valeur brute × RescaleSlope + RescaleIntercept : ct.pixel_array * float(ct.RescaleSlope) "
    "+ float(ct.RescaleIntercept).",
    "C'est la table de correspondance de modalité (modality LUT) de la norme DICOM, que "
    "pydicom.pixels.apply_modality_lut applique aussi.",
    n_args=1,
)

mx.add(
    3,
    "Repérer les attributs à retirer avant un partage",
    "interpreter",
    choice(("a", "c", "e", "f"), {
        "a": "Patient's Name (0010,0010)",
        "b": "Pixel Spacing (0028,0030)",
        "c": "Institution Name (0008,0080)",
        "d": "Rescale Intercept (0028,1052)",
        "e": "Study Instance UID (0020,000D)",
        "f": "l'attribut privé (0009,1027)",
        "g": "Slice Thickness (0018,0050)",
    }),
    "Quatre réponses sont attendues. Un attribut est à traiter s'il désigne une personne ou un lieu, "
    "s'il permet de retrouver l'examen dans le système d'archivage de l'hôpital, ou si l'on ne sait pas ce qu'il contient. "
    "Les attributs de géométrie et de calibration sont indispensables pour mesurer.",
    "Le nom et l'établissement identifient ; l'UID de l'étude relie l'image à l'examen dans le PACS de l'hôpital "
    "(il est remplacé, pas supprimé) ; l'attribut privé (0009,1027) contient la date et l'heure d'acquisition "
    "en secondes depuis 1970. Espacement des pixels, ordonnée à l'origine et épaisseur de coupe restent : "
    "sans eux, plus de millimètres ni d'unités Hounsfield.",
)

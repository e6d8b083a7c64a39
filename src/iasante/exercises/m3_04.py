"""Exercises of notebook M3.4 — Réseaux de neurones et convolution (M3.10–M3.12)."""

from __future__ import annotations

from typing import Any

import numpy as np

from ..checks import _Builder, _to_number, choice, custom

mx = _Builder(module=3)


# ------------------------------------------------------------------ M3.10
def _check_correlation(func: Any, image: Any, kernel: Any) -> tuple[bool, str]:
    """The learner's function must compute the 'valid' cross-correlation of ``image`` by ``kernel``."""
    from scipy import signal

    if not callable(func):
        return False, (f"Une fonction est attendue (reçu : {type(func).__name__}). "
                       "Écrivez def ma_correlation(image, noyau): ... puis reponse_m3_10 = ma_correlation.")
    img = np.asarray(image, dtype=float)
    ker = np.asarray(kernel, dtype=float)
    if img.ndim != 2 or ker.shape != (3, 3):
        raise ValueError("la vérification attend une image 2-D et un noyau 3 × 3")
    expected = signal.correlate2d(img, ker, mode="valid")
    result = func(img.copy(), ker.copy())
    if result is None:
        return False, "Votre fonction ne renvoie rien (None) : terminez-la par return sortie."
    try:
        out = np.asarray(result, dtype=float)
    except (TypeError, ValueError):
        return False, "Votre fonction doit renvoyer un tableau de nombres."
    if out.shape == img.shape:
        same = signal.correlate2d(img, ker, mode="same")
        if np.allclose(out, same):
            return False, (f"Votre carte a la taille de l'image {img.shape} : vous avez complété les bords par des "
                           f"zéros (mode « same »). On attend le mode « valid », de forme {expected.shape}.")
    if out.shape != expected.shape:
        return False, (f"Votre fonction renvoie un tableau de forme {out.shape} ; pour une image {img.shape} et un "
                       f"noyau 3 × 3, la carte « valid » a la forme {expected.shape}.")
    if not np.isfinite(out).all():
        return False, "Votre tableau contient des valeurs manquantes ou infinies."
    if np.allclose(out, expected):
        return True, (f"Carte {out.shape[0]} × {out.shape[1]} identique à scipy.signal.correlate2d "
                      "(et à ce que calcule une couche Conv2d de PyTorch).")
    if np.allclose(out, signal.convolve2d(img, ker, mode="valid")):
        return False, ("Vous avez retourné le noyau : c'est la convolution des mathématiciens "
                       "(scipy.signal.convolve2d). Les réseaux convolutifs calculent la corrélation, sans retournement.")
    if np.allclose(out, signal.correlate2d(img, ker.T, mode="valid")):
        return False, "Vous avez transposé le noyau (lignes et colonnes inversées) : utilisez noyau[u, v] tel quel."
    bad = np.argwhere(~np.isclose(out, expected))
    i, j = (int(v) for v in bad[0])
    return False, (f"{len(bad)} valeurs diffèrent, la première en position ({i}, {j}) : {out[i, j]:.3f} au lieu "
                   f"de {expected[i, j]:.3f} (= somme de image[{i}:{i + 3}, {j}:{j + 3}] × noyau).")


mx.add(
    10,
    "Programmer la corrélation d'une image par un noyau 3 × 3",
    "coder",
    custom(_check_correlation),
    "Deux boucles for sur i (0 à hauteur − 3) et j (0 à largeur − 3) ; en chaque position, "
    "sortie[i, j] = np.sum(image[i:i + 3, j:j + 3] * noyau). La sortie a la forme (hauteur − 2, largeur − 2).",
    "C'est exactement ce que calcule la première couche d'un réseau convolutif, pour chacun de ses filtres ; "
    "seule différence : les 9 poids du noyau y sont appris au lieu d'être choisis.",
    n_args=2,
)


# ------------------------------------------------------------------ M3.11
LEARNING_CURVE_OPTIONS = {
    "a": "beaucoup : la courbe de validation monte encore, doubler les images ferait gagner plusieurs centièmes d'AUC",
    "b": "peu sur ce critère : l'AUC de validation ne peut guère dépasser celle d'entraînement, dont elle n'est plus "
         "qu'à quelques millièmes ; mieux vaudrait une meilleure représentation (filtres appris) ou des données plus "
         "variées",
    "c": "rien, car le modèle est en surapprentissage sévère : il faudrait moins d'images",
    "d": "on ne peut pas répondre sans regarder le jeu de test",
}

mx.add(
    11,
    "Lire une courbe d'apprentissage",
    "interpreter",
    choice("b", LEARNING_CURVE_OPTIONS),
    "Regardez l'écart entre les courbes d'entraînement et de validation avec toutes les images : c'est, à peu "
    "près, tout ce que des images supplémentaires du même lot pourraient encore faire gagner.",
    "Quand les deux courbes se rejoignent, le modèle est limité par ce qu'il sait représenter, pas par la quantité "
    "d'images. Et plus d'images du même hôpital ne corrigent pas l'écart entre validation et test.",
)


# ------------------------------------------------------------------ M3.12
def _check_balanced_accuracy(answer: Any, y_true: Any, y_pred: Any) -> tuple[bool, str]:
    """Balanced accuracy = (sensitivity + specificity) / 2 of the given predictions."""
    from ..metrics import clinical_metrics

    m = clinical_metrics(y_true, y_pred)
    expected = (m["sensitivity"] + m["specificity"]) / 2
    try:
        value = _to_number(answer)
    except (TypeError, ValueError) as err:
        return False, f"Un nombre est attendu ({err})."
    if not np.isfinite(value):
        return False, "Votre réponse n'est pas un nombre fini (NaN ou infini)."
    if abs(value - expected) <= 0.006:
        return True, f"Exactitude équilibrée : {expected:.3f} (exactitude simple : {m['accuracy']:.3f})."
    if abs(value / 100 - expected) <= 0.006:
        return False, "Vous semblez avoir donné un pourcentage : une proportion entre 0 et 1 est attendue."
    if abs(value - m["accuracy"]) <= 0.003:
        return False, ("C'est l'exactitude simple, qui dépend de la prévalence ; l'exactitude équilibrée est la "
                       "moyenne de la sensibilité et de la spécificité.")
    for key, name in (("sensitivity", "la sensibilité"), ("specificity", "la spécificité")):
        if abs(value - m[key]) <= 0.003:
            return False, f"C'est {name} seule : faites la moyenne des deux."
    return False, f"Votre réponse : {value:.3f}."


mx.add(
    12,
    "Calculer une exactitude équilibrée",
    "interpreter",
    custom(_check_balanced_accuracy),
    "Exactitude équilibrée = (sensibilité + spécificité) / 2, lues dans le tableau au seuil 0,5.",
    "Elle vaut 0,5 pour un modèle qui répond toujours « pneumonie », quelle que soit la prévalence : "
    "contrairement à l'exactitude simple, elle ne récompense pas le fait de suivre la classe majoritaire.",
    n_args=2,
)

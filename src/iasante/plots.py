"""One plotting style for the whole course, and the figures every module reuses.

Colours follow the Okabe–Ito palette, distinguishable with the common forms of
colour-vision deficiency (Okabe & Ito, 2008; Wong, *Nat Methods* 8:441, 2011).
"""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from cycler import cycler
from sklearn.metrics import roc_auc_score, roc_curve

from ._errors import IASanteError
from .metrics import _paired, clinical_metrics, expected_calibration_error

__all__ = [
    "OKABE_ITO",
    "set_style",
    "plot_confusion_matrix",
    "plot_roc",
    "plot_calibration",
    "plot_decision_curve",
]

#: Okabe–Ito colour-blind-safe palette (black last, used for references).
OKABE_ITO: dict[str, str] = {
    "bleu": "#0072B2",
    "orange": "#E69F00",
    "vert": "#009E73",
    "vermillon": "#D55E00",
    "bleu_ciel": "#56B4E9",
    "violet": "#CC79A7",
    "jaune": "#F0E442",
    "noir": "#000000",
}


def set_style() -> None:
    """Apply the course's plotting style (palette, sizes, grid, colour map)."""
    mpl.rcParams.update(
        {
            "axes.prop_cycle": cycler(color=list(OKABE_ITO.values())),
            "image.cmap": "cividis",
            "figure.figsize": (6.4, 4.2),
            "figure.dpi": 100,
            "savefig.dpi": 150,
            "savefig.bbox": "tight",
            "font.size": 11,
            "axes.titlesize": 12,
            "axes.titleweight": "bold",
            "axes.labelsize": 11,
            "axes.grid": True,
            "grid.alpha": 0.3,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "legend.frameon": False,
            "figure.constrained_layout.use": True,
        }
    )


def _ax(ax):
    if ax is None:
        _, ax = plt.subplots()
    return ax


def plot_confusion_matrix(
    y_true: Sequence[int],
    y_pred: Sequence[int],
    labels: tuple[str, str] = ("malade", "non malade"),
    ax=None,
    title: str = "Matrice de confusion",
):
    """Draw a 2×2 table in clinical words.

    Rows are the truth (positive first), columns the prediction:
    ``[[VP, FN], [FP, VN]]`` (vrais positifs, faux négatifs, faux positifs,
    vrais négatifs). ``labels`` names the positive then the negative class.
    Returns the matplotlib ``Axes``.
    """
    m = clinical_metrics(y_true, y_pred)
    table = np.array([[m["tp"], m["fn"]], [m["fp"], m["tn"]]])
    names = np.array([["Vrais positifs (VP)", "Faux négatifs (FN)"],
                      ["Faux positifs (FP)", "Vrais négatifs (VN)"]])
    ax = _ax(ax)
    ax.imshow(np.array([[1, 0], [0, 1]]), cmap=mpl.colors.ListedColormap(["#F7DDD0", "#D5E8F2"]))
    for i in range(2):
        for j in range(2):
            ax.text(j, i, f"{table[i, j]}\n{names[i, j]}", ha="center", va="center", fontsize=11)
    pos, neg = labels
    ax.set_xticks([0, 1], [f"prédit {pos}", f"prédit {neg}"])
    ax.set_yticks([0, 1], [f"réellement\n{pos}", f"réellement\n{neg}"])
    ax.set_xlabel("Prédiction du modèle")
    ax.set_ylabel("Réalité (diagnostic de référence)")
    ax.grid(False)
    ax.set_title(title)
    return ax


def plot_roc(y_true: Sequence[int], y_score: Sequence[float], ax=None, label: str = "modèle",
             title: str = "Courbe ROC"):
    """ROC curve (sensitivity against 1 − specificity) with the AUC in the legend."""
    yt, ys = _paired(y_true, y_score, "y_score", binary_other=False)
    if yt.min() == yt.max():
        raise IASanteError("La courbe ROC demande des patients des deux classes (0 et 1) dans « y_true ».")
    fpr, tpr, _ = roc_curve(yt, ys)
    auc = roc_auc_score(yt, ys)
    ax = _ax(ax)
    ax.plot(fpr, tpr, lw=2, label=f"{label} (AUC = {auc:.3f})")
    ax.plot([0, 1], [0, 1], ls="--", color=OKABE_ITO["noir"], lw=1, label="hasard (AUC = 0,5)")
    ax.set_xlabel("1 − spécificité (taux de faux positifs)")
    ax.set_ylabel("Sensibilité (taux de vrais positifs)")
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1.01)
    ax.set_aspect("equal")
    ax.set_title(title)
    ax.legend(loc="lower right")
    return ax


def plot_calibration(y_true: Sequence[int], y_prob: Sequence[float], n_bins: int = 10, ax=None,
                     label: str = "modèle", title: str = "Diagramme de fiabilité (calibration)"):
    """Reliability diagram: observed frequency against mean predicted risk per bin.

    Bins are equal-width on [0, 1]; marker size grows with the number of
    patients in the bin. The expected calibration error is in the legend.
    """
    yt, yp = _paired(y_true, y_prob, "y_prob", binary_other=False)
    ece = expected_calibration_error(yt, yp, n_bins)
    bins = np.minimum((yp * n_bins).astype(int), n_bins - 1)
    frame = pd.DataFrame({"bin": bins, "y": yt, "p": yp}).groupby("bin").agg(
        predit=("p", "mean"), observe=("y", "mean"), n=("y", "size"))
    ax = _ax(ax)
    ax.plot([0, 1], [0, 1], ls="--", color=OKABE_ITO["noir"], lw=1, label="calibration parfaite")
    ax.plot(frame["predit"], frame["observe"], "-", lw=1.5, alpha=0.7)
    ax.scatter(frame["predit"], frame["observe"], s=20 + 180 * frame["n"] / frame["n"].max(),
               label=f"{label} (ECE = {ece:.3f})", zorder=3)
    ax.set_xlabel("Risque prédit moyen (par intervalle)")
    ax.set_ylabel("Fréquence observée de l'événement")
    ax.set_xlim(0, 1)
    ax.set_ylim(-0.02, 1.02)
    ax.set_aspect("equal")
    ax.set_title(title)
    ax.legend(loc="upper left")
    return ax


def plot_decision_curve(curve: pd.DataFrame, ax=None, label: str = "modèle",
                        title: str = "Courbe de décision (bénéfice net)"):
    """Plot the output of :func:`iasante.metrics.decision_curve`."""
    required = {"threshold", "model", "treat_all", "treat_none"}
    if not isinstance(curve, pd.DataFrame) or not required <= set(curve.columns):
        raise IASanteError("Donnez le tableau renvoyé par iasante.metrics.decision_curve(...).")
    ax = _ax(ax)
    ax.plot(curve["threshold"], curve["model"], lw=2, label=label)
    ax.plot(curve["threshold"], curve["treat_all"], lw=1.5, ls="-.", label="traiter tout le monde")
    ax.plot(curve["threshold"], curve["treat_none"], lw=1.5, ls="--", color=OKABE_ITO["noir"],
            label="ne traiter personne")
    top = max(float(curve["model"].max()), float(curve["treat_all"].max()), 0.05)
    ax.set_ylim(-0.05 * top - 0.01, top * 1.1)
    ax.set_xlim(float(curve["threshold"].min()), float(curve["threshold"].max()))
    ax.set_xlabel("Seuil de probabilité pour traiter")
    ax.set_ylabel("Bénéfice net (vrais positifs par patient)")
    ax.set_title(title)
    ax.legend(loc="upper right")
    return ax

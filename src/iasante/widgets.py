"""Interactive widgets for the notebooks (they run in JupyterLab, not in the static book).

Each widget is split in two: a pure function that computes what is shown
(tested like any other function) and a thin ``ipywidgets`` layer that draws
it. In the book, a widget cell is tagged ``hide-output`` and followed by a
static figure built from the same pure function.
"""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib.pyplot as plt
import numpy as np

from ._errors import IASanteError
from .metrics import (
    _paired,
    _proportion,
    clinical_metrics,
    npv_from_prevalence,
    ppv_from_prevalence,
)

__all__ = ["threshold_summary", "threshold_explorer"]

#: Range of the sliders of :func:`threshold_explorer`.
THRESHOLD_RANGE: tuple[float, float] = (0.05, 0.95)
PREVALENCE_RANGE: tuple[float, float] = (0.001, 0.5)


def _scalar_proportion(value, name: str, *, open_interval: bool) -> float:
    if isinstance(value, bool) or value is None or isinstance(value, str | bytes):
        raise IASanteError(f"« {name} » doit être un nombre entre 0 et 1.")
    arr = _proportion(value, name, open_interval=open_interval)
    if arr.ndim != 0:
        raise IASanteError(f"« {name} » doit être un seul nombre, pas un tableau.")
    return float(arr)


def _scores(y_true, y_score) -> tuple[np.ndarray, np.ndarray]:
    yt, ys = _paired(y_true, y_score, "y_score", binary_other=False)
    _proportion(ys, "y_score")
    if yt.min() == yt.max():
        raise IASanteError(
            "« y_true » doit contenir des patients des deux classes (0 et 1) pour calculer "
            "sensibilité et spécificité."
        )
    return yt, ys


def threshold_summary(
    y_true: Sequence[int], y_score: Sequence[float], threshold: float, prevalence: float | None = None
) -> dict[str, float]:
    """Clinical indicators at one decision threshold, and PPV/NPV at another prevalence.

    A patient is predicted positive when ``y_score >= threshold``.

    Parameters
    ----------
    y_true : array-like of 0/1
        Observed outcome (1 = event / disease).
    y_score : array-like of predicted risks in [0, 1]
    threshold : float in [0, 1]
        Decision threshold.
    prevalence : float in (0, 1), optional
        Prevalence of the population where the test would be used; default:
        the prevalence of ``y_true``.

    Returns
    -------
    dict
        Every key of :func:`iasante.metrics.clinical_metrics` (``prevalence``
        there is the prevalence *of the sample*), plus ``threshold``,
        ``target_prevalence``, and ``ppv_at_prevalence`` / ``npv_at_prevalence``
        recomputed with Bayes' theorem for ``target_prevalence``.
    """
    yt, ys = _scores(y_true, y_score)
    t = _scalar_proportion(threshold, "threshold", open_interval=False)
    out: dict[str, float] = {"threshold": t}
    out.update(clinical_metrics(yt, (ys >= t).astype(int)))
    if prevalence is None:
        target = float(yt.mean())
    else:
        target = _scalar_proportion(prevalence, "prevalence", open_interval=True)
    out["target_prevalence"] = target
    out["ppv_at_prevalence"] = ppv_from_prevalence(out["sensitivity"], out["specificity"], target)
    out["npv_at_prevalence"] = npv_from_prevalence(out["sensitivity"], out["specificity"], target)
    return out


def _report(s: dict[str, float]) -> str:
    """French text summarising :func:`threshold_summary`."""
    return (
        f"Au seuil {s['threshold']:.2f} : sensibilité {s['sensitivity']:.2f} ; spécificité "
        f"{s['specificity']:.2f} ; VPP {s['ppv']:.2f} ; VPN {s['npv']:.2f} "
        f"(prévalence de l'échantillon : {s['prevalence']:.1%}).\n"
        f"Pour une prévalence de {s['target_prevalence']:.1%} : VPP {s['ppv_at_prevalence']:.3f} ; "
        f"VPN {s['npv_at_prevalence']:.3f}."
    )


def threshold_explorer(
    y_true: Sequence[int],
    y_score: Sequence[float],
    prevalence: float | None = None,
    *,
    labels: tuple[str, str] = ("malade", "non malade"),
):
    """Two sliders (threshold, prevalence) that redraw the confusion matrix and the indicators.

    Parameters
    ----------
    y_true, y_score : as in :func:`threshold_summary`.
    prevalence : float in (0, 1), optional
        Initial position of the prevalence slider (default: the sample's
        prevalence, kept within 0.1 %–50 %).
    labels : names of the positive then the negative class, as in
        :func:`iasante.plots.plot_confusion_matrix`.

    Returns
    -------
    ipywidgets.interactive
        A widget to display in JupyterLab (in a static page it does not run).
    """
    import ipywidgets as widgets
    from IPython.display import display

    from .plots import plot_confusion_matrix

    yt, ys = _scores(y_true, y_score)
    if (
        not isinstance(labels, tuple | list)
        or len(labels) != 2
        or not all(isinstance(label, str) for label in labels)
    ):
        raise IASanteError("« labels » doit donner deux noms : la classe positive puis la négative.")
    start = threshold_summary(yt, ys, 0.5, prevalence)["target_prevalence"]
    start = float(np.clip(start, *PREVALENCE_RANGE))

    def draw(threshold: float, prevalence: float) -> None:
        summary = threshold_summary(yt, ys, threshold, prevalence)
        fig, ax = plt.subplots(figsize=(5.2, 4.2))
        plot_confusion_matrix(yt, (ys >= threshold).astype(int), labels=tuple(labels), ax=ax,
                              title=f"Matrice de confusion au seuil {threshold:.2f}")
        display(fig)
        plt.close(fig)
        print(_report(summary))

    class _Explorer(widgets.interactive):
        """The widget, with a French text shown where widgets cannot run (the static book)."""

        def __repr__(self) -> str:
            return ("Explorateur interactif (seuil et prévalence) : ouvrez ce notebook dans JupyterLab "
                    "pour faire glisser les curseurs.")

    lo, hi = np.log10(PREVALENCE_RANGE)
    return _Explorer(
        draw,
        threshold=widgets.FloatSlider(value=0.5, min=THRESHOLD_RANGE[0], max=THRESHOLD_RANGE[1], step=0.01,
                                      description="Seuil", continuous_update=False),
        prevalence=widgets.FloatLogSlider(value=start, base=10, min=lo, max=hi, step=0.05,
                                          description="Prévalence", readout_format=".1%",
                                          continuous_update=False),
    )

"""Figures for time-to-event (survival) data, in French, in the course's style.

- :func:`number_at_risk` — how many patients are still followed and event-free
  at given times (the « effectifs à risque » printed under a Kaplan–Meier plot);
- :func:`plot_kaplan_meier` — Kaplan–Meier curves (one per group) with 95 %
  confidence bands, censoring marks and a number-at-risk table, as recommended
  by Morris et al., *BMJ Open* 9:e030215 (2019, « KMunicate »);
- :func:`plot_forest` — a forest plot of ratios (hazard ratios, odds ratios)
  with their confidence intervals on a logarithmic axis.

The Kaplan–Meier estimates come from :class:`lifelines.KaplanMeierFitter`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.ticker import FixedLocator, FuncFormatter, NullFormatter

from ._errors import IASanteError
from .plots import OKABE_ITO

__all__ = ["number_at_risk", "plot_kaplan_meier", "plot_forest"]

_COLOURS = [c for name, c in OKABE_ITO.items() if name not in ("jaune", "noir")]


def _durations(durations: Any, name: str = "durations") -> np.ndarray:
    try:
        values = np.asarray(durations, dtype=float).ravel()
    except (TypeError, ValueError) as err:
        raise IASanteError(f"« {name} » doit contenir des durées numériques.") from err
    if values.size == 0:
        raise IASanteError(f"« {name} » est vide : il faut au moins un patient.")
    if not np.all(np.isfinite(values)) or np.any(values < 0):
        raise IASanteError(f"« {name} » doit contenir des durées positives ou nulles, sans valeur manquante.")
    return values


def _events(events: Any, n: int) -> np.ndarray:
    try:
        values = np.asarray(events, dtype=float).ravel()
    except (TypeError, ValueError) as err:
        raise IASanteError("« events » doit valoir 1 (événement) ou 0 (censuré) pour chaque patient.") from err
    if values.size != n:
        raise IASanteError(f"« events » a {values.size} valeurs pour {n} durées : une par patient est attendue.")
    if not np.all(np.isin(values, (0, 1))):
        raise IASanteError("« events » doit valoir 1 (événement) ou 0 (censuré) pour chaque patient.")
    return values.astype(int)


def number_at_risk(durations: Sequence[float], times: Sequence[float]) -> np.ndarray:
    """Number of patients at risk at each time: follow-up time ≥ ``t``.

    A patient is at risk at time ``t`` if neither the event nor censoring
    happened before ``t`` (the convention of R's ``survival`` package and of
    published Kaplan–Meier tables).

    Parameters
    ----------
    durations : sequence of float
        Follow-up time of each patient (until the event or censoring).
    times : sequence of float
        Times at which to count.

    Returns
    -------
    ndarray of int
        One count per time.

    Examples
    --------
    >>> number_at_risk([1, 2, 2, 5], [0, 2, 3])
    array([4, 3, 1])
    """
    d = _durations(durations)
    t = _durations(times, "times")
    return (d[None, :] >= t[:, None]).sum(axis=1)


def _km_fitter(durations: np.ndarray, events: np.ndarray, label: str):
    from lifelines import KaplanMeierFitter

    return KaplanMeierFitter(label=label).fit(durations, events)


def plot_kaplan_meier(
    durations: Sequence[float],
    events: Sequence[int],
    groups: Sequence[Any] | None = None,
    *,
    labels: Mapping[Any, str] | None = None,
    times: Sequence[float] | None = None,
    ci: bool = True,
    at_risk: bool = True,
    ax=None,
    label: str = "tous les patients",
    title: str = "Courbe de Kaplan-Meier",
    xlabel: str = "Temps depuis l'inclusion (années)",
    ylabel: str = "Probabilité de survie",
):
    """Kaplan–Meier curves with 95 % confidence bands and a number-at-risk table.

    Parameters
    ----------
    durations : sequence of float
        Follow-up time of each patient, in the unit of ``xlabel``.
    events : sequence of int
        1 if the event was observed, 0 if the patient was censored.
    groups : sequence, optional
        Group of each patient (one curve per group, in sorted order).
    labels : mapping, optional
        Display name of each group, e.g. ``{0: "sans traitement", 1: "avec"}``.
    label : str
        Legend of the single curve when ``groups`` is None.
    times : sequence of float, optional
        Times of the number-at-risk table (default: the x-axis ticks).
    ci : bool
        Draw the 95 % pointwise confidence band (Greenwood, exponential formula).
    at_risk : bool
        Print the number of patients at risk under the axes, one row per group.
    ax : matplotlib Axes, optional
    title, xlabel, ylabel : str

    Returns
    -------
    matplotlib Axes
    """
    d = _durations(durations)
    e = _events(events, d.size)
    if groups is None:
        g = np.zeros(d.size, dtype=int)
        names = {0: label}
    else:
        g = np.asarray(groups, dtype=object).ravel()
        if g.size != d.size:
            raise IASanteError(f"« groups » a {g.size} valeurs pour {d.size} durées : une par patient est attendue.")
        if pd.isna(pd.Series(g)).any():
            raise IASanteError("« groups » contient des valeurs manquantes.")
        names = {}
    levels = sorted(pd.unique(pd.Series(g)), key=str) if groups is not None else [0]
    if len(levels) > len(_COLOURS):
        raise IASanteError(f"Trop de groupes ({len(levels)}) : au plus {len(_COLOURS)} courbes lisibles.")
    labels = dict(labels or {})
    if ax is None:
        _, ax = plt.subplots(figsize=(6.4, 4.6 + (0.35 * len(levels) if at_risk else 0)))
    fitters = []
    for colour, level in zip(_COLOURS, levels, strict=False):
        mask = g == level
        name = str(labels.get(level, names.get(level, level)))
        kmf = _km_fitter(d[mask], e[mask], name)
        sf = kmf.survival_function_.iloc[:, 0]
        ax.step(sf.index, sf.to_numpy(), where="post", color=colour, lw=2, label=f"{name} (n = {mask.sum()})")
        if ci:
            band = kmf.confidence_interval_survival_function_
            ax.fill_between(band.index, band.iloc[:, 0], band.iloc[:, 1], step="post", color=colour, alpha=0.2,
                            lw=0)
        censored = d[mask][e[mask] == 0]
        ax.plot(censored, kmf.survival_function_at_times(censored).to_numpy(), "|", color=colour, ms=6, mew=1)
        fitters.append((name, colour, d[mask]))
    ax.set_xlim(0, float(d.max()) * 1.02)
    ax.set_ylim(0, 1.02)
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.legend(loc="lower left")
    if at_risk:
        _at_risk_table(ax, fitters, times)
    return ax


def _at_risk_table(ax, fitters, times) -> None:
    """Write the number at risk under the x axis, one coloured row per group."""
    lo, hi = ax.get_xlim()
    ticks = np.asarray(times if times is not None else ax.get_xticks(), dtype=float)
    ticks = ticks[(ticks >= lo) & (ticks <= hi)]
    ax.set_xticks(ticks)
    top = -48  # points below the axes: under the tick labels and the axis label
    ax.annotate("Effectifs à risque", xy=(0, 0), xycoords="axes fraction", xytext=(-40, top),
                textcoords="offset points", ha="left", va="top", fontsize=9, fontweight="bold")
    y = top
    for label, colour, durations in fitters:
        if len(fitters) > 1:  # the group's name above its row, so that colour is not the only cue
            y -= 11
            ax.annotate(label, xy=(0, 0), xycoords="axes fraction", xytext=(-40, y), textcoords="offset points",
                        ha="left", va="top", fontsize=8, color=colour, fontstyle="italic")
        y -= 12
        counts = number_at_risk(durations, ticks)
        for t, n in zip(ticks, counts, strict=True):
            ax.annotate(f"{n}", xy=(t, 0), xycoords=("data", "axes fraction"), xytext=(0, y),
                        textcoords="offset points", ha="center", va="top", fontsize=9, color=colour)


def plot_forest(
    estimates: Sequence[float],
    lower: Sequence[float],
    upper: Sequence[float],
    labels: Sequence[str],
    *,
    reference: float = 1.0,
    ax=None,
    title: str = "Rapports de risques instantanés (IC 95 %)",
    xlabel: str = "Rapport de risques instantanés (échelle logarithmique)",
    ylabel: str = "Variable",
):
    """Forest plot of ratios with confidence intervals, first label at the top.

    Parameters
    ----------
    estimates, lower, upper : sequence of float
        The ratios (e.g. hazard ratios) and the bounds of their confidence
        intervals; all strictly positive.
    labels : sequence of str
        One label per ratio.
    reference : float
        Value of « no effect », drawn as a dashed vertical line (1 for a ratio).
    ax : matplotlib Axes, optional
    title, xlabel, ylabel : str

    Returns
    -------
    matplotlib Axes
    """
    try:
        est, lo, hi = (np.asarray(v, dtype=float).ravel() for v in (estimates, lower, upper))
    except (TypeError, ValueError) as err:
        raise IASanteError("« estimates », « lower » et « upper » doivent être numériques.") from err
    labels = [str(label) for label in labels]
    if not (est.size == lo.size == hi.size == len(labels)) or est.size == 0:
        raise IASanteError("« estimates », « lower », « upper » et « labels » doivent avoir la même longueur (≥ 1).")
    if not (np.all(np.isfinite(np.r_[est, lo, hi])) and np.all(np.r_[est, lo, hi] > 0)):
        raise IASanteError("Les rapports et leurs bornes doivent être des nombres strictement positifs.")
    if np.any(lo > est) or np.any(hi < est):
        raise IASanteError("Chaque intervalle doit contenir son estimation (lower ≤ estimate ≤ upper).")
    if ax is None:
        _, ax = plt.subplots(figsize=(6.4, 1.2 + 0.4 * est.size))
    y = np.arange(est.size)[::-1]
    ax.errorbar(est, y, xerr=[est - lo, hi - est], fmt="o", color=OKABE_ITO["bleu"], ecolor=OKABE_ITO["bleu"],
                capsize=3, ms=6)
    ax.axvline(reference, ls="--", lw=1, color=OKABE_ITO["noir"])
    ax.set_xscale("log")
    left, right = min(lo.min(), reference) / 1.15, max(hi.max(), reference) * 1.15
    ax.set_xlim(left, right)
    nice = np.array([0.05, 0.1, 0.2, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4, 5, 10, 20, 50])
    ax.xaxis.set_major_locator(FixedLocator(np.union1d(nice[(nice >= left) & (nice <= right)], [reference])))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:g}"))
    ax.xaxis.set_minor_formatter(NullFormatter())
    ax.set_yticks(y)
    ax.set_yticklabels(labels)
    ax.set_ylim(-0.7, est.size - 0.3)
    ax.grid(axis="y", visible=False)
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    return ax

"""Rule-based clinical scores, written by hand so that learners can read them.

A clinical score adds points for a few risk factors chosen and weighted by
experts or by a regression fitted once on a derivation cohort; it is then used
as a fixed rule. This module holds:

* :func:`timi_stemi_items`: the items of the TIMI risk score for
  ST-elevation myocardial infarction (Morrow et al., *Circulation*
  2000;102:2031–2037), with the WHAS500 column used for each, when any;
* :func:`timi_partial_points` and :func:`timi_partial`: a **partial**,
  TIMI-STEMI-inspired score restricted to the four items available in WHAS500
  (age, systolic blood pressure, heart rate, Killip class ≥ II approximated by
  heart failure or cardiogenic shock). It is **not** the validated TIMI score:
  five of its nine items are missing and the cohort is not the one it was
  built for;
* :func:`observed_risk_by_level`: observed event rate per score level with a
  Wilson confidence interval, to check what the points mean in a population.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
from scipy.stats import norm

from ._errors import IASanteError

__all__ = [
    "TIMI_PARTIAL_COLUMNS",
    "TIMI_PARTIAL_MAX",
    "timi_stemi_items",
    "timi_partial_points",
    "timi_partial",
    "observed_risk_by_level",
]

#: Columns that :func:`timi_partial` needs (WHAS500 names).
TIMI_PARTIAL_COLUMNS: tuple[str, ...] = ("age", "sysbp", "hr", "chf", "sho")

#: Highest possible partial score (3 + 3 + 2 + 2).
TIMI_PARTIAL_MAX: int = 10

_ITEMS = [
    # (criterion in French, points, WHAS500 column(s) used or None)
    ("Âge 65–74 ans", 2, "age"),
    ("Âge ≥ 75 ans", 3, "age"),
    ("Pression artérielle systolique < 100 mmHg", 3, "sysbp"),
    ("Fréquence cardiaque > 100 battements/min", 2, "hr"),
    ("Classe de Killip II à IV", 2, "chf ou sho (approximation)"),
    ("Diabète, hypertension artérielle ou angor", 1, None),
    ("Poids < 67 kg", 1, None),
    ("Sus-décalage ST antérieur ou bloc de branche gauche", 1, None),
    ("Délai avant traitement > 4 h", 1, None),
]


def timi_stemi_items() -> pd.DataFrame:
    """The nine items of the TIMI-STEMI risk score and their availability in WHAS500.

    Returns
    -------
    DataFrame
        One row per item, columns ``critère`` (French), ``points``,
        ``variable WHAS500`` (the column used, or « — ») and
        ``dans le score partiel`` (bool). The full score ranges from 0 to 14
        points (Morrow et al., 2000); the partial one from 0 to 10.
    """
    return pd.DataFrame(
        [
            {"critère": c, "points": p, "variable WHAS500": v or "—", "dans le score partiel": v is not None}
            for c, p, v in _ITEMS
        ]
    )


def _as_frame(frame) -> tuple[pd.DataFrame, bool]:
    """Return (DataFrame, single) where ``single`` is True for one patient given as a mapping."""
    if isinstance(frame, pd.DataFrame):
        return frame, False
    if isinstance(frame, pd.Series | Mapping):
        values = dict(frame)
        if any(isinstance(v, list | tuple | np.ndarray | pd.Series) for v in values.values()):
            raise IASanteError(
                "Pour plusieurs patients, donnez un DataFrame (une ligne par patient), pas un dictionnaire de listes."
            )
        return pd.DataFrame([values]), True
    raise IASanteError(
        "Donnez un DataFrame pandas (une ligne par patient) ou, pour un seul patient, un dictionnaire "
        f"{{'age': ..., 'sysbp': ..., 'hr': ..., 'chf': ..., 'sho': ...}} (reçu : {type(frame).__name__})."
    )


def _validated(frame: pd.DataFrame) -> pd.DataFrame:
    missing = [c for c in TIMI_PARTIAL_COLUMNS if c not in frame.columns]
    if missing:
        raise IASanteError(
            f"colonne(s) absente(s) pour le score partiel : {', '.join(missing)}. Colonnes attendues : "
            "age (années), sysbp (pression systolique, mmHg), hr (fréquence cardiaque, /min), "
            "chf (insuffisance cardiaque, 0/1), sho (choc cardiogénique, 0/1)."
        )
    data = frame[list(TIMI_PARTIAL_COLUMNS)]
    for col in TIMI_PARTIAL_COLUMNS:
        values = pd.to_numeric(data[col], errors="coerce")
        if values.isna().any():
            n = int(values.isna().sum())
            raise IASanteError(
                f"colonne « {col} » : {n} valeur(s) manquante(s) ou non numérique(s). Le score n'est pas "
                "défini pour ces patients : complétez ou excluez-les avant de le calculer."
            )
        if col in ("chf", "sho") and not values.isin([0, 1]).all():
            raise IASanteError(f"colonne « {col} » : codage 0/1 attendu (1 = oui).")
    return data.apply(pd.to_numeric)


def timi_partial_points(frame: pd.DataFrame | Mapping) -> pd.DataFrame:
    """Points of each item of the partial TIMI-STEMI-inspired score, one row per patient.

    Items (Morrow et al., 2000): age 65–74 years → 2 points, ≥ 75 → 3;
    systolic blood pressure < 100 mmHg → 3; heart rate > 100 /min → 2;
    Killip class II–IV → 2, approximated here by ``chf == 1`` (heart failure)
    or ``sho == 1`` (cardiogenic shock, Killip IV).

    Parameters
    ----------
    frame : DataFrame with the columns ``age``, ``sysbp``, ``hr``, ``chf`` and
        ``sho`` (WHAS500 names; other columns are ignored), or one patient as a
        dictionary.

    Returns
    -------
    DataFrame
        Columns ``age``, ``sysbp``, ``hr``, ``killip`` (points of each item) and
        ``total``, with the index of ``frame``.
    """
    data = _validated(_as_frame(frame)[0])
    age = data["age"].to_numpy()
    points = pd.DataFrame(
        {
            "age": np.select([age >= 75, age >= 65], [3, 2], default=0),
            "sysbp": np.where(data["sysbp"].to_numpy() < 100, 3, 0),
            "hr": np.where(data["hr"].to_numpy() > 100, 2, 0),
            "killip": np.where((data["chf"].to_numpy() == 1) | (data["sho"].to_numpy() == 1), 2, 0),
        },
        index=data.index,
    )
    points["total"] = points.sum(axis=1)
    return points.astype(int)


def timi_partial(frame: pd.DataFrame | Mapping) -> pd.Series | int:
    """Partial TIMI-STEMI-inspired score (0 to 10 points), vectorised.

    **This is not the validated TIMI risk score**: only 4 of its 9 items
    (age, systolic blood pressure, heart rate, Killip class approximated by
    heart failure or shock) are available in WHAS500. See
    :func:`timi_partial_points` for the rules.

    Parameters
    ----------
    frame : DataFrame (one row per patient) with ``age``, ``sysbp``, ``hr``,
        ``chf`` and ``sho``; or a single patient as a dictionary / Series.

    Returns
    -------
    Series of int named ``timi_partiel`` (same index as ``frame``), or an
    ``int`` when a single patient is given as a dictionary or Series.

    Raises
    ------
    IASanteError
        In French, when a column is missing, a value is missing or not
        numeric, or ``chf``/``sho`` are not coded 0/1.
    """
    data, single = _as_frame(frame)
    total = timi_partial_points(data)["total"].rename("timi_partiel")
    return int(total.iloc[0]) if single else total


def observed_risk_by_level(score: Sequence, y: Sequence[int], confidence: float = 0.95) -> pd.DataFrame:
    """Observed event rate per score level, with a Wilson confidence interval.

    Parameters
    ----------
    score : the score of each patient (any discrete values).
    y : the outcome of each patient, coded 0/1.
    confidence : level of the Wilson interval (default 0.95).

    Returns
    -------
    DataFrame indexed by score level (sorted), columns ``n`` (patients),
    ``events``, ``observed`` (events / n), ``low`` and ``high`` (interval).
    """
    s = pd.Series(np.asarray(score).ravel())
    t = pd.Series(np.asarray(y).ravel())
    if len(s) != len(t) or len(s) == 0:
        raise IASanteError(f"« score » et « y » doivent avoir la même longueur non nulle ({len(s)} et {len(t)}).")
    if s.isna().any():
        raise IASanteError("« score » contient des valeurs manquantes.")
    if not t.isin([0, 1]).all():
        raise IASanteError("« y » doit être codé 0/1 (1 = événement).")
    if not (isinstance(confidence, float | int) and 0 < confidence < 1):
        raise IASanteError("« confidence » doit être strictement entre 0 et 1 (par exemple 0.95).")
    table = t.astype(int).groupby(s).agg(n="size", events="sum").sort_index()
    n, k = table["n"].to_numpy(float), table["events"].to_numpy(float)
    z = norm.ppf(0.5 + confidence / 2)
    p = k / n
    centre = (p + z**2 / (2 * n)) / (1 + z**2 / n)
    half = z / (1 + z**2 / n) * np.sqrt(p * (1 - p) / n + z**2 / (4 * n**2))
    table["observed"] = p
    table["low"] = np.clip(centre - half, 0, 1)
    table["high"] = np.clip(centre + half, 0, 1)
    table.index.name = "niveau"
    return table

"""Data quality and missing data: a per-column report, near-duplicates, seeded corruptions.

Used in notebook M2.2 (« Qualité des données, valeurs manquantes et fuites »)
and reusable on any tidy table:

* :func:`quality_report` — one row per column: type, missing values,
  distinct values, min/max and the number of values outside a plausible range
  (the dimensions *completeness* and *plausibility* of Kahn et al., eGEMs
  2016;4(1):1244);
* :func:`near_duplicates` — pairs of rows that differ in at most a few
  columns (the same patient entered twice, once with a typo);
* :func:`inject_missing` — deletes values of one column under a chosen
  mechanism, MCAR, MAR or MNAR (Rubin, Biometrika 1976;63:581-592), with a
  fixed seed, to study what each mechanism does to an estimate;
* :func:`mix_units` — rescales a seeded fraction of a column, as when some
  records were entered in another unit (cm instead of mm, lb instead of kg);
* :func:`repeated_measures` — turns a one-row-per-patient table into several
  rows per patient (repeated visits with measurement noise), to show why
  splits must be made by patient.

Every function returns a new object and leaves its input unchanged.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from ._errors import IASanteError

__all__ = [
    "quality_report",
    "near_duplicates",
    "inject_missing",
    "mix_units",
    "repeated_measures",
    "MECHANISMS",
]

#: Missing-data mechanisms understood by :func:`inject_missing`.
MECHANISMS: tuple[str, ...] = ("MCAR", "MAR", "MNAR")


# --------------------------------------------------------------------- checks
def _check_frame(frame: object, name: str = "frame") -> pd.DataFrame:
    if not isinstance(frame, pd.DataFrame):
        raise IASanteError(f"« {name} » doit être un DataFrame pandas (reçu : {type(frame).__name__}).")
    if frame.empty:
        raise IASanteError(f"« {name} » est vide.")
    return frame


def _check_column(frame: pd.DataFrame, column: object, name: str = "column") -> str:
    if not isinstance(column, str) or column not in frame.columns:
        known = ", ".join(map(str, frame.columns[:12]))
        raise IASanteError(f"« {name} » doit être le nom d'une colonne du tableau ({known}…), reçu : {column!r}.")
    return column


def _check_fraction(value: object, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value < 1:
        raise IASanteError(f"« {name} » doit être une proportion entre 0 et 1 (1 exclu), reçu : {value!r}.")
    return float(value)


def _rng(random_state: object) -> np.random.Generator:
    if random_state is not None and (isinstance(random_state, bool) or not isinstance(random_state, int | np.integer)):
        raise IASanteError(f"« random_state » doit être un entier (la graine) ou None, reçu : {random_state!r}.")
    return np.random.default_rng(random_state)


# ------------------------------------------------------------ quality report
def quality_report(frame: pd.DataFrame, ranges: Mapping[str, tuple[float, float]] | None = None) -> pd.DataFrame:
    """Describe the quality of each column of ``frame``.

    Parameters
    ----------
    frame : DataFrame
        One row per record.
    ranges : dict, optional
        ``{column: (low, high)}``: plausible range of a numeric column, bounds
        included. Values outside it are counted in « hors plage ».

    Returns
    -------
    DataFrame
        One row per column of ``frame`` (same order) and the columns
        « type », « manquants » (count), « % manquants », « valeurs distinctes »,
        « min », « max » (numeric columns only, missing values ignored) and
        « hors plage » (count of non-missing values outside ``ranges``; ``<NA>``
        for a column without a range).
    """
    frame = _check_frame(frame)
    ranges = {} if ranges is None else ranges
    if not isinstance(ranges, Mapping):
        raise IASanteError("« ranges » doit être un dictionnaire {colonne: (minimum, maximum)}.")
    for column, bounds in ranges.items():
        _check_column(frame, column, "ranges")
        try:
            low, high = (float(b) for b in bounds)
        except (TypeError, ValueError):
            raise IASanteError(f"plage de « {column} » : deux nombres (minimum, maximum) sont attendus.") from None
        if low > high:
            raise IASanteError(f"plage de « {column} » : le minimum ({low:g}) dépasse le maximum ({high:g}).")
        if not pd.api.types.is_numeric_dtype(frame[column]):
            raise IASanteError(f"« {column} » n'est pas numérique : une plage de valeurs n'a pas de sens.")
    rows = {}
    for column in frame.columns:
        values = frame[column]
        numeric = pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values)
        n_missing = int(values.isna().sum())
        out_of_range: object = pd.NA
        if column in ranges:
            low, high = (float(b) for b in ranges[column])
            observed = values.dropna()
            out_of_range = int(((observed < low) | (observed > high)).sum())
        rows[column] = {
            "type": str(values.dtype),
            "manquants": n_missing,
            "% manquants": 100 * n_missing / len(values),
            "valeurs distinctes": int(values.nunique(dropna=True)),
            "min": float(values.min()) if numeric and n_missing < len(values) else np.nan,
            "max": float(values.max()) if numeric and n_missing < len(values) else np.nan,
            "hors plage": out_of_range,
        }
    report = pd.DataFrame.from_dict(rows, orient="index")
    report["hors plage"] = report["hors plage"].astype("Int64")
    report.index.name = "colonne"
    return report


# ------------------------------------------------------------- duplicates
def near_duplicates(frame: pd.DataFrame, max_differences: int = 1,
                    columns: Sequence[str] | None = None) -> pd.DataFrame:
    """Find pairs of rows that differ in at most ``max_differences`` columns.

    Exact duplicates (0 difference) are found too. Two missing values count as
    equal. The comparison is exact (72.0 and 72.1 differ): a typo changes a
    value, it does not add a little noise. Cost grows as the square of the
    number of rows (fine up to a few thousand rows).

    Parameters
    ----------
    frame : DataFrame
    max_differences : int
        Largest number of differing columns for a pair to be reported (≥ 0).
    columns : list of str, optional
        Columns to compare (default: all).

    Returns
    -------
    DataFrame
        One row per pair, with the index labels ``ligne_1`` < ``ligne_2`` (in
        the order of ``frame``), ``n_differences`` and ``colonnes_differentes``
        (comma-separated names), sorted by number of differences then rows.
    """
    frame = _check_frame(frame)
    if isinstance(max_differences, bool) or not isinstance(max_differences, int | np.integer) or max_differences < 0:
        raise IASanteError(f"« max_differences » doit être un entier positif ou nul, reçu : {max_differences!r}.")
    columns = list(frame.columns) if columns is None else list(columns)
    if not columns:
        raise IASanteError("« columns » ne doit pas être vide.")
    for column in columns:
        _check_column(frame, column, "columns")
    # Integer codes per column: equal values (and two NaN) share a code.
    codes = np.column_stack([pd.factorize(frame[c], use_na_sentinel=False)[0] for c in columns])
    labels = frame.index.to_numpy()
    names = np.asarray(columns)
    records = []
    for i in range(len(codes) - 1):
        diff = codes[i + 1:] != codes[i]
        counts = diff.sum(axis=1)
        for offset in np.flatnonzero(counts <= max_differences):
            j = i + 1 + offset
            records.append((labels[i], labels[j], int(counts[offset]), ", ".join(names[diff[offset]])))
    result = pd.DataFrame(records, columns=["ligne_1", "ligne_2", "n_differences", "colonnes_differentes"])
    return result.sort_values(["n_differences", "ligne_1", "ligne_2"], kind="stable").reset_index(drop=True)


# ------------------------------------------------------------ missing data
def _standardise(values: pd.Series, name: str) -> np.ndarray:
    if not pd.api.types.is_numeric_dtype(values):
        raise IASanteError(f"« {name} » doit être une colonne numérique.")
    arr = values.to_numpy(dtype=float)
    if np.isnan(arr).any():
        raise IASanteError(f"« {name} » contient déjà des valeurs manquantes : le mécanisme ne peut pas en dépendre.")
    sd = arr.std()
    return (arr - arr.mean()) / sd if sd > 0 else np.zeros_like(arr)


def inject_missing(frame: pd.DataFrame, column: str, mechanism: str, rate: float, *,
                   driver: str | None = None, strength: float = 1.5,
                   random_state: int | None = None) -> pd.DataFrame:
    """Delete values of ``column`` under a missing-data mechanism (seeded).

    Exactly ``round(rate × n)`` values become missing (NaN), so that mechanisms
    can be compared at the same amount of missing data. Rows are drawn without
    replacement with weights:

    * ``"MCAR"`` (missing completely at random): equal weights;
    * ``"MAR"`` (missing at random): ``exp(strength × z)``, ``z`` the
      standardised value of another, fully observed column ``driver``
      (e.g. the oldest patients lack their weight more often);
    * ``"MNAR"`` (missing not at random): ``exp(strength × z)``, ``z`` the
      standardised value of ``column`` itself (e.g. the highest values are
      missing more often).

    A negative ``strength`` makes the lowest values more often missing.

    Parameters
    ----------
    frame : DataFrame
        Complete data (``column``, and ``driver`` for MAR, without missing values).
    column : str
        Column whose values are deleted.
    mechanism : {"MCAR", "MAR", "MNAR"}
    rate : float
        Proportion of values to delete, in [0, 1).
    driver : str, optional
        Observed column that drives MAR missingness (required for MAR only).
    strength : float
        Log of the weight ratio for one standard deviation of the driver.
    random_state : int, optional
        Seed.

    Returns
    -------
    DataFrame
        A copy of ``frame`` with NaN in ``column`` (integer columns become float).
    """
    frame = _check_frame(frame)
    column = _check_column(frame, column)
    if not isinstance(mechanism, str) or mechanism.upper() not in MECHANISMS:
        raise IASanteError(f"« mechanism » doit valoir « MCAR », « MAR » ou « MNAR », reçu : {mechanism!r}.")
    mechanism = mechanism.upper()
    rate = _check_fraction(rate, "rate")
    if isinstance(strength, bool) or not isinstance(strength, int | float) or not np.isfinite(strength):
        raise IASanteError(f"« strength » doit être un nombre fini, reçu : {strength!r}.")
    if frame[column].isna().any():
        raise IASanteError(f"« {column} » contient déjà des valeurs manquantes : partez de données complètes.")
    rng = _rng(random_state)
    if mechanism == "MAR":
        if driver is None:
            raise IASanteError("le mécanisme MAR dépend d'une autre colonne observée : précisez « driver ».")
        driver = _check_column(frame, driver, "driver")
        if driver == column:
            raise IASanteError("« driver » doit être une autre colonne : si la colonne elle-même décide, c'est MNAR.")
        z = _standardise(frame[driver], driver)
    elif mechanism == "MNAR":
        z = _standardise(frame[column], column)
    else:
        z = np.zeros(len(frame))
    weights = np.maximum(np.exp(strength * z - np.max(strength * z)), 1e-12)
    n_missing = int(round(rate * len(frame)))
    rows = rng.choice(len(frame), size=n_missing, replace=False, p=weights / weights.sum())
    out = frame.copy()
    if not pd.api.types.is_float_dtype(out[column]):
        out[column] = out[column].astype(float)
    out.iloc[rows, out.columns.get_loc(column)] = np.nan
    return out


# ------------------------------------------------------------------- units
def mix_units(values: pd.Series, factor: float, fraction: float,
              random_state: int | None = None) -> tuple[pd.Series, np.ndarray]:
    """Multiply a seeded fraction of ``values`` by ``factor`` (a unit mix-up).

    For example ``factor=0.1`` turns millimetres into centimetres for
    ``round(fraction × n)`` records drawn at random, as if a centre had entered
    tumour sizes in cm in a column documented in mm.

    Returns
    -------
    (Series, ndarray of bool)
        The corrupted copy (float) and the mask of the rescaled records.
    """
    if not isinstance(values, pd.Series) or not pd.api.types.is_numeric_dtype(values):
        raise IASanteError("« values » doit être une colonne numérique (Series pandas).")
    if isinstance(factor, bool) or not isinstance(factor, int | float) or not np.isfinite(factor) or factor <= 0:
        raise IASanteError(f"« factor » doit être un nombre strictement positif, reçu : {factor!r}.")
    fraction = _check_fraction(fraction, "fraction")
    rng = _rng(random_state)
    mask = np.zeros(len(values), dtype=bool)
    mask[rng.choice(len(values), size=int(round(fraction * len(values))), replace=False)] = True
    out = values.astype(float).copy()
    out[mask] = out[mask] * factor
    return out, mask


# -------------------------------------------------------- repeated measures
def repeated_measures(frame: pd.DataFrame, n_visits: int | tuple[int, int], noise: Mapping[str, float],
                      *, decimals: int | None = 0, id_column: str = "patient_id",
                      visit_column: str = "visite", random_state: int | None = None) -> pd.DataFrame:
    """Turn one row per patient into several rows (visits) per patient.

    Each patient keeps the same values for every column except those in
    ``noise``, which receive Gaussian measurement noise at each visit (for
    example heart rate or blood pressure measured again). The patient is
    identified by ``id_column`` (the row label of ``frame``).

    Parameters
    ----------
    frame : DataFrame
        One row per patient.
    n_visits : int or (int, int)
        Number of rows per patient, or the inclusive range ``(low, high)`` from
        which each patient's number of visits is drawn.
    noise : dict
        ``{column: standard deviation}`` of the noise, in the column's unit.
    decimals : int or None
        Noisy values are rounded to this number of decimals (None: no rounding).
    id_column, visit_column : str
        Names of the new columns (patient label, visit number from 1).
    random_state : int, optional
        Seed.

    Returns
    -------
    DataFrame
        ``id_column``, ``visit_column`` then the columns of ``frame``, with a
        fresh index 0..N-1 and patients in the order of ``frame``.
    """
    frame = _check_frame(frame)
    rng = _rng(random_state)
    if isinstance(n_visits, int | np.integer) and not isinstance(n_visits, bool):
        if n_visits < 1:
            raise IASanteError("« n_visits » doit valoir au moins 1.")
        counts = np.full(len(frame), int(n_visits))
    elif (isinstance(n_visits, tuple) and len(n_visits) == 2
          and all(isinstance(v, int | np.integer) and not isinstance(v, bool) for v in n_visits)
          and 1 <= n_visits[0] <= n_visits[1]):
        counts = rng.integers(n_visits[0], n_visits[1] + 1, size=len(frame))
    else:
        raise IASanteError(f"« n_visits » doit être un entier ≥ 1 ou un couple (min, max), reçu : {n_visits!r}.")
    if not isinstance(noise, Mapping):
        raise IASanteError("« noise » doit être un dictionnaire {colonne: écart-type du bruit}.")
    for column, sd in noise.items():
        _check_column(frame, column, "noise")
        if not pd.api.types.is_numeric_dtype(frame[column]):
            raise IASanteError(f"« {column} » n'est pas numérique : impossible d'y ajouter un bruit de mesure.")
        if isinstance(sd, bool) or not isinstance(sd, int | float) or not sd >= 0:
            raise IASanteError(f"écart-type du bruit de « {column} » : un nombre positif est attendu.")
    for name in (id_column, visit_column):
        if name in frame.columns:
            raise IASanteError(f"la colonne « {name} » existe déjà : choisissez un autre nom.")
    positions = np.repeat(np.arange(len(frame)), counts)
    out = frame.iloc[positions].reset_index(drop=True)
    for column, sd in noise.items():
        noisy = out[column].to_numpy(dtype=float) + rng.normal(0.0, float(sd), size=len(out))
        out[column] = np.round(noisy, decimals) if decimals is not None else noisy
    visit = np.concatenate([np.arange(1, c + 1) for c in counts])
    out.insert(0, visit_column, visit)
    out.insert(0, id_column, frame.index.to_numpy()[positions])
    return out

"""Exercises of notebook M2.1 — Les données de santé et leurs standards (M2.1–M2.3)."""

from __future__ import annotations

import math
import re
import threading
from typing import Any

import numpy as np
import pandas as pd

from ..checks import _Builder, choice, custom

mx = _Builder(module=2)

#: Condition of exercise M2.2: Otitis media (SNOMED 65363002), OMOP concept 372328.
OTITIS_CONCEPT_ID = 372328
GI_BLEED_CONCEPT_ID = 192671
HEART_RATE_LOINC = "8867-4"
SQL_TIMEOUT_S = 10.0

mx.add(
    1,
    "Choisir la terminologie d'un médicament et d'un examen de biologie",
    "interpreter",
    choice("b", {
        "a": "CIM-10 pour le médicament, CCAM pour l'examen",
        "b": "ATC pour le médicament, LOINC pour l'examen",
        "c": "LOINC pour le médicament, ATC pour l'examen",
        "d": "SNOMED CT pour le médicament, CIM-10 pour l'examen",
    }),
    "Relisez le tableau de la section 2 : quelle classification range les médicaments par organe et par "
    "classe thérapeutique, et quelle terminologie identifie un examen de biologie et son résultat ?",
    "L'oméprazole est classé A02BC01 dans l'ATC (A = voies digestives et métabolisme, A02 = médicaments "
    "des troubles de l'acidité, A02BC = inhibiteurs de la pompe à protons) ; le dosage de l'HbA1c est identifié en LOINC (4548-4 en %, "
    "59261-8 en mmol/mol). La CIM-10 code des diagnostics, la CCAM des actes médicaux.",
)


# ------------------------------------------------------------------ M2.2
def _strip_sql(sql: str) -> str:
    """Remove SQL comments and trailing semicolons/whitespace."""
    text = re.sub(r"/\*.*?\*/", " ", sql, flags=re.S)
    text = re.sub(r"--[^\n]*", " ", text)
    return text.strip().rstrip(";").strip()


def _run_read_only(sql: str) -> pd.DataFrame:
    """Run ``sql`` on a fresh read-only Eunomia connection, interrupted after SQL_TIMEOUT_S seconds."""
    from .. import omop

    con = omop.connect_eunomia()
    timer = threading.Timer(SQL_TIMEOUT_S, con.interrupt)
    timer.start()
    try:
        return omop.query(sql, con)
    finally:
        timer.cancel()
        con.close()


_REFERENCE: dict[str, int] = {}


def _reference_counts() -> dict[str, int]:
    """Expected answer (distinct persons) and the usual wrong ones, computed once from Eunomia."""
    if not _REFERENCE:
        frame = _run_read_only(
            "SELECT COUNT(DISTINCT person_id) AS persons, COUNT(*) AS rows FROM condition_occurrence "
            f"WHERE condition_concept_id = {OTITIS_CONCEPT_ID}"
        )
        gi = _run_read_only(
            "SELECT COUNT(DISTINCT person_id) AS persons FROM condition_occurrence "
            f"WHERE condition_concept_id = {GI_BLEED_CONCEPT_ID}"
        )
        _REFERENCE.update(persons=int(frame["persons"].iloc[0]), rows=int(frame["rows"].iloc[0]),
                          gi_bleed=int(gi["persons"].iloc[0]))
    return _REFERENCE


def expected_otitis_persons() -> int:
    """Number of distinct persons with at least one « Otitis media » condition in Eunomia."""
    return _reference_counts()["persons"]


def _check_sql(answer: Any) -> tuple[bool, str]:
    """The learner's SQL (a SELECT) must return the number of distinct persons with otitis media."""
    if not isinstance(answer, str):
        return False, ("Une requête SQL entre guillemets est attendue, par exemple "
                       "\"SELECT COUNT(DISTINCT person_id) FROM ...\".")
    sql = _strip_sql(answer)
    if not sql:
        return False, "La requête est vide."
    if ";" in sql:
        return False, "Une seule requête est attendue : retirez les « ; » au milieu du texte."
    first = sql.split(None, 1)[0].lower()
    if first not in {"select", "with"}:
        return False, (f"La requête commence par « {first.upper()} » : seules les requêtes de lecture "
                       "(SELECT ... ou WITH ... SELECT ...) sont acceptées, la base est en lecture seule.")
    try:
        result = _run_read_only(sql)
    except Exception as err:  # noqa: BLE001 - any failure of the learner's SQL becomes a message
        text = str(err).splitlines()[0] if str(err) else type(err).__name__
        text = text.split("DuckDB : ", 1)[-1]
        if "INTERRUPT" in text.upper():
            return False, f"La requête a été interrompue après {SQL_TIMEOUT_S:g} s : simplifiez-la."
        return False, f"La requête n'a pas pu s'exécuter : {text}"
    if "condition_occurrence" not in sql.lower():
        return False, "La requête doit interroger la table condition_occurrence, où sont rangés les diagnostics."
    if result.shape != (1, 1):
        return False, (f"La requête renvoie {result.shape[0]} ligne(s) et {result.shape[1]} colonne(s) : "
                       "une seule valeur est attendue (une ligne, une colonne : le nombre de personnes).")
    value = result.iloc[0, 0]
    if isinstance(value, bool | np.bool_) or not isinstance(value, int | float | np.integer | np.floating) \
            or (isinstance(value, float | np.floating) and not math.isfinite(value)):
        return False, f"La requête renvoie « {value} » : un nombre est attendu."
    ref = _reference_counts()
    if value == ref["persons"]:
        return True, f"Votre requête renvoie {int(value)} personnes distinctes."
    if value == ref["rows"]:
        return False, (f"Votre requête renvoie {int(value)} : c'est le nombre de diagnostics (lignes), pas de "
                       "personnes ; une même personne peut avoir plusieurs otites.")
    if value == ref["gi_bleed"]:
        return False, (f"Votre requête renvoie {int(value)} : c'est la cohorte « hémorragie digestive » de "
                       "l'exemple ; changez le concept.")
    return False, f"Votre requête renvoie {value}."


mx.add(
    2,
    "Compter en SQL les personnes ayant un diagnostic donné",
    "coder",
    custom(_check_sql),
    "Partez de la requête de la section 3 : SELECT COUNT(DISTINCT person_id) FROM condition_occurrence "
    "WHERE condition_concept_id = ... ; le concept_id de « Otitis media » figure dans le tableau des "
    "diagnostics les plus fréquents (ou cherchez-le dans la table concept).",
    "COUNT(DISTINCT person_id) compte chaque personne une seule fois, même si son otite est codée plusieurs fois : "
    "une cohorte se compte en personnes, pas en lignes.",
)


# ------------------------------------------------------------------ M2.3
def expected_mean_heart_rate(observations: pd.DataFrame) -> pd.Series:
    """Mean heart rate (LOINC 8867-4) per patient_id, from the observations table of bundle_to_tables."""
    rows = observations[observations["code"] == HEART_RATE_LOINC]
    return rows.groupby("patient_id")["value"].mean()


def _as_series(answer: Any) -> pd.Series | None:
    if isinstance(answer, pd.Series):
        return answer
    if isinstance(answer, pd.DataFrame):
        frame = answer
        if "patient_id" in frame.columns:
            frame = frame.set_index("patient_id")
        numeric = frame.select_dtypes("number")
        if numeric.shape[1] == 1:
            return numeric.iloc[:, 0]
        return None
    if isinstance(answer, dict):
        return pd.Series(answer, dtype=object)
    return None


def _check_mean_heart_rate(answer: Any, observations: Any) -> tuple[bool, str]:
    """Mean heart rate per patient: a Series (or one-column table) indexed by patient_id."""
    if not isinstance(observations, pd.DataFrame) or not {"patient_id", "code", "value"} <= set(observations):
        return False, ("Passez en second argument la table des observations (tables[\"observations\"]), "
                       "avec ses colonnes patient_id, code et value.")
    expected = expected_mean_heart_rate(observations)
    if isinstance(answer, int | float | np.number) and not isinstance(answer, bool):
        return False, "Une seule valeur reçue : une moyenne par patient est attendue (groupby)."
    series = _as_series(answer)
    if series is None:
        return False, ("Une Series pandas indexée par patient_id est attendue, par exemple le résultat de "
                       "....groupby(\"patient_id\")[\"value\"].mean().")
    values = pd.to_numeric(series, errors="coerce")
    values.index = values.index.astype(str)
    if values.isna().any():
        return False, "Certaines valeurs ne sont pas des nombres."
    if not values.index.is_unique:
        return False, "Chaque patient doit apparaître une seule fois dans l'index (une moyenne par patient)."
    missing = sorted(set(expected.index) - set(values.index))
    extra = sorted(set(values.index) - set(expected.index))
    if missing or extra:
        detail = []
        if missing:
            detail.append(f"il manque {len(missing)} patient(s) ({', '.join(missing[:3])}...)")
        if extra:
            detail.append(f"{len(extra)} identifiant(s) inattendu(s) ({', '.join(map(str, extra[:3]))})")
        return False, "L'index doit contenir les identifiants des patients : " + " ; ".join(detail) + "."
    gap = (values[expected.index] - expected).abs()
    if (gap <= 0.051).all():
        return True, f"Moyennes de {len(expected)} patients, de {expected.min():.0f} à {expected.max():.0f} /min."
    everything = observations.groupby("patient_id")["value"].mean()
    if set(everything.index) == set(values.index) and \
            ((values[everything.index] - everything).abs() <= 0.051).all():
        return False, ("Vous avez fait la moyenne de toutes les observations (pression artérielle, HbA1c...) : "
                       f"ne gardez que la fréquence cardiaque (code LOINC {HEART_RATE_LOINC}).")
    worst = gap.idxmax()
    return False, (f"Écart pour le patient {worst} : {values[worst]:.1f} au lieu de la valeur attendue "
                   "(vérifiez le filtre sur le code et la colonne moyennée).")


mx.add(
    3,
    "Extraire des tables FHIR la fréquence cardiaque moyenne de chaque patient",
    "coder",
    custom(_check_mean_heart_rate),
    "Filtrez les lignes dont le code LOINC vaut \"8867-4\" (fréquence cardiaque), puis "
    ".groupby(\"patient_id\")[\"value\"].mean().",
    "Filtrer sur un code standard plutôt que sur un libellé (« FC », « pouls », « Heart rate »...) rend la "
    "requête indépendante de la langue et du logiciel qui a produit la donnée.",
    n_args=1,
)

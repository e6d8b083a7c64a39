"""Exercises M2.1–M2.3 (notebook M2.1): right answers pass, wrong ones fail, garbage never raises."""

import numpy as np
import pandas as pd
from exercise_cases import case_tests

from iasante import fhir
from iasante.checks import evaluate
from iasante.exercises.m2_01 import expected_mean_heart_rate, expected_otitis_persons

OBS = fhir.bundle_to_tables(fhir.demo_bundle())["observations"]
HR = expected_mean_heart_rate(OBS)

GARBAGE = [None, ..., "", "abc", [1, 2], {"a": 1}, float("nan"), object(), True, 3.5, ("a", "b"),
           pd.DataFrame({"a": [1]}), np.array([1.0, 2.0])]

RIGHT_SQL = [
    "SELECT COUNT(DISTINCT person_id) FROM condition_occurrence WHERE condition_concept_id = 372328",
    "select count(distinct person_id) as n from condition_occurrence where condition_concept_id = 372328;",
    "-- personnes avec une otite moyenne\nSELECT COUNT(DISTINCT co.person_id)\nFROM condition_occurrence co\n"
    "JOIN concept c ON c.concept_id = co.condition_concept_id\nWHERE c.concept_name = 'Otitis media'",
    "WITH o AS (SELECT DISTINCT person_id FROM condition_occurrence WHERE condition_concept_id = 372328) "
    "SELECT COUNT(*) FROM o",
]
WRONG_SQL = [
    "SELECT COUNT(*) FROM condition_occurrence WHERE condition_concept_id = 372328",  # rows, not persons
    "SELECT COUNT(DISTINCT person_id) FROM condition_occurrence WHERE condition_concept_id = 192671",
    "SELECT COUNT(DISTINCT person_id) FROM condition_occurrence",
    "SELECT person_id FROM condition_occurrence WHERE condition_concept_id = 372328",  # many rows
    "SELECT COUNT(DISTINCT person_id), COUNT(*) FROM condition_occurrence WHERE condition_concept_id = 372328",
    "SELECT 2025",  # does not query the table
    "DROP TABLE condition_occurrence",
    "DELETE FROM condition_occurrence WHERE condition_concept_id = 372328",
    "CREATE TABLE condition_occurrence_copy AS SELECT * FROM condition_occurrence",
    "SELECT 1 FROM condition_occurrence; DROP TABLE person",
    "COPY condition_occurrence TO 'fuite.csv'",
    "SELECT COUNT(DISTINCT person_id) FROM condition_occurence WHERE condition_concept_id = 372328",  # typo
    "SELECT * FROM read_csv('/etc/passwd') , condition_occurrence LIMIT 1",
    "SELECT 'abc' FROM condition_occurrence LIMIT 1",
]

CASES = {
    "m2.ex1": ((), ["b", "B", "b)", "ATC pour le médicament, LOINC pour l'examen"], ["a", "c", "d"]),
    "m2.ex2": ((), RIGHT_SQL, WRONG_SQL),
    "m2.ex3": (
        (OBS,),
        [HR, HR.round(1), HR.to_dict(), HR.rename("fc").reset_index(), HR.to_frame("moyenne"),
         OBS[OBS.display == "Fréquence cardiaque"].groupby("patient_id")["value"].mean()],
        [OBS.groupby("patient_id")["value"].mean(),
         OBS[OBS.code == "8480-6"].groupby("patient_id")["value"].mean(),
         HR.iloc[:-1], HR + 5, float(HR.mean()), HR.reset_index(drop=True),
         OBS[OBS.code == "8867-4"].groupby("patient_id")["value"].median(),
         pd.concat([HR, HR])],
    ),
}


def test_expected_count_is_the_known_value():
    assert expected_otitis_persons() == 2025


def test_sql_messages_are_specific():
    assert "personnes" in evaluate("m2.ex2", WRONG_SQL[0]).message
    assert "lecture" in evaluate("m2.ex2", WRONG_SQL[6]).message
    assert "une seule valeur" in evaluate("m2.ex2", WRONG_SQL[3]).message
    assert "une seule requête" in evaluate("m2.ex2", WRONG_SQL[9]).message.lower()
    assert "n'a pas pu" in evaluate("m2.ex2", WRONG_SQL[11]).message
    assert "toutes les observations" in evaluate("m2.ex3", CASES["m2.ex3"][2][0], OBS).message


def test_heart_rate_check_needs_the_observations_table():
    fb = evaluate("m2.ex3", HR, pd.DataFrame({"a": [1]}))
    assert fb.status == "incorrect" and "observations" in fb.message


def test_the_database_is_unchanged_after_the_checks():
    from iasante import omop

    for statement in WRONG_SQL:
        evaluate("m2.ex2", statement)
    assert omop.query("SELECT COUNT(*) AS n FROM condition_occurrence")["n"].iloc[0] == 65332


test_right_answers_are_correct, test_wrong_answers_are_incorrect, test_garbage_never_raises_and_is_never_correct = (
    case_tests(CASES, GARBAGE)
)

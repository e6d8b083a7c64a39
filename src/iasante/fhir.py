"""Turn a FHIR R4 bundle into tidy pandas tables (module 2).

FHIR (HL7 Fast Healthcare Interoperability Resources) exchanges health data as
*resources* (Patient, Encounter, Observation, Condition, MedicationRequest...)
serialised in JSON. A *Bundle* groups resources. :func:`bundle_to_tables`
flattens the resources the course uses into one table per kind, one row per
fact, with readable terminology names (``"LOINC"``, ``"CIM-10"``...) instead
of the system URIs. :func:`demo_bundle` returns the small fictitious bundle
written for the course (``iasante/data/fhir``).

Only the elements the course needs are read; identity elements (names,
street addresses) are deliberately left out of the tables (data minimisation).
"""

from __future__ import annotations

import json
import math
import numbers
from collections.abc import Mapping
from typing import Any

import pandas as pd

from ._errors import IASanteError

__all__ = ["bundle_to_tables", "demo_bundle", "SYSTEM_NAMES", "TABLE_COLUMNS", "DEMO_SHA256"]

DEMO_FILE = "fhir/bundle_demo.json"
DEMO_SHA256 = "b09d5a857c3c88d2acbdc6ad98c338de460e89ea1e2c376bdd901e59a9740694"

#: Readable names of the code systems met in the course.
SYSTEM_NAMES = {
    "http://loinc.org": "LOINC",
    "http://snomed.info/sct": "SNOMED CT",
    "http://hl7.org/fhir/sid/icd-10": "CIM-10",
    "http://hl7.org/fhir/sid/icd-10-cm": "ICD-10-CM",
    "http://www.whocc.no/atc": "ATC",
    "http://www.nlm.nih.gov/research/umls/rxnorm": "RxNorm",
    "http://unitsofmeasure.org": "UCUM",
}

#: Columns of each table returned by :func:`bundle_to_tables`.
TABLE_COLUMNS = {
    "patients": ["patient_id", "gender", "birth_date", "postal_code", "deceased"],
    "encounters": ["encounter_id", "patient_id", "class", "start", "end"],
    "observations": ["observation_id", "patient_id", "encounter_id", "date", "category", "system", "code",
                     "display", "value", "unit"],
    "conditions": ["condition_id", "patient_id", "encounter_id", "system", "code", "display", "onset",
                   "clinical_status"],
    "medications": ["medication_request_id", "patient_id", "encounter_id", "authored_on", "system", "code",
                    "display", "status", "dosage"],
    "codings": ["resource_type", "resource_id", "element", "system", "code", "display"],
}
_DATE_COLUMNS = {"patients": ["birth_date"], "encounters": ["start", "end"], "observations": ["date"],
                 "conditions": ["onset"], "medications": ["authored_on"]}
_TZ = "Europe/Paris"


def demo_bundle() -> dict:
    """The course's fictitious FHIR R4 bundle (10 invented patients), as a dict.

    The file ships in ``iasante/data/fhir`` and is checked against its SHA-256
    before being read. Each call returns a fresh copy.
    """
    from .datasets import data_file

    path = data_file(DEMO_FILE, DEMO_SHA256)
    return json.loads(path.read_text(encoding="utf-8"))


# ------------------------------------------------------------------ helpers
def _where(index: int, resource: Mapping) -> str:
    rid = resource.get("id")
    return f"entrée n° {index} ({resource.get('resourceType')}{' ' + repr(rid) if rid is not None else ''})"


def _id(index: int, resource: Mapping) -> str:
    rid = resource.get("id")
    if not isinstance(rid, str) or not rid.strip():
        raise IASanteError(f"{_where(index, resource)} : identifiant « id » absent ou vide.")
    return rid


def _reference(value: Any, expected: str, index: int, resource: Mapping, field: str,
               full_urls: Mapping[str, tuple[str, str]], required: bool = True) -> str | None:
    """Id of the resource of type ``expected`` that a FHIR Reference points to."""
    if value is None and not required:
        return None
    ref = value.get("reference") if isinstance(value, Mapping) else None
    if not isinstance(ref, str) or not ref.strip():
        raise IASanteError(f"{_where(index, resource)} : référence « {field} » absente ou mal formée "
                           f"(attendu {{\"reference\": \"{expected}/<id>\"}}).")
    if ref in full_urls:  # urn:uuid:... or an absolute URL given as fullUrl
        kind, rid = full_urls[ref]
    else:
        parts = ref.rstrip("/").split("/")
        if len(parts) < 2:
            raise IASanteError(f"{_where(index, resource)} : référence « {field} » illisible : {ref!r}.")
        kind, rid = parts[-2], parts[-1]
    if kind != expected:
        raise IASanteError(f"{_where(index, resource)} : « {field} » doit désigner une ressource {expected}, "
                           f"pas {kind}.")
    return rid


def _codings(concept: Any) -> list[Mapping]:
    if not isinstance(concept, Mapping):
        return []
    codings = concept.get("coding", [])
    return [c for c in codings if isinstance(c, Mapping)] if isinstance(codings, list) else []


def _first_code(concept: Any) -> tuple[str | None, str | None, str | None]:
    """(system name, code, display) of the first coding; display prefers the concept's text."""
    codings = _codings(concept)
    text = concept.get("text") if isinstance(concept, Mapping) else None
    if not codings:
        return None, None, text
    first = codings[0]
    system = first.get("system")
    return SYSTEM_NAMES.get(system, system), first.get("code"), text or first.get("display")


def _quantity(value: Any, index: int, resource: Mapping) -> tuple[float, str | None]:
    if value is None:
        return math.nan, None
    number = value.get("value") if isinstance(value, Mapping) else None
    if isinstance(number, bool) or not isinstance(number, numbers.Real):
        raise IASanteError(f"{_where(index, resource)} : « valueQuantity.value » doit être un nombre "
                           f"(reçu : {number!r}).")
    return float(number), value.get("unit") or value.get("code")


def _first_status(concept: Any) -> str | None:
    codings = _codings(concept)
    return codings[0].get("code") if codings else None


def _to_datetime(values: pd.Series, table: str, column: str) -> pd.Series:
    """FHIR date/dateTime strings -> naive datetimes in French legal time (Europe/Paris)."""
    text = values.astype("string")
    try:
        with_offset = text.str.contains(r"T.*(?:[+-]\d\d:\d\d|Z)$", regex=True, na=False)
        out = pd.Series(pd.NaT, index=values.index, dtype="datetime64[ns]")
        if with_offset.any():
            aware = pd.to_datetime(text[with_offset], utc=True, format="ISO8601")
            out[with_offset] = aware.dt.tz_convert(_TZ).dt.tz_localize(None)
        plain = ~with_offset & text.notna()
        if plain.any():
            out[plain] = pd.to_datetime(text[plain], format="ISO8601")
        return out
    except (ValueError, TypeError) as err:
        raise IASanteError(f"table {table}, colonne {column} : date FHIR illisible ({err}).") from None


# --------------------------------------------------------------- main entry
def bundle_to_tables(bundle: Mapping | str) -> dict[str, pd.DataFrame]:
    """Flatten a FHIR R4 Bundle into tidy tables, one row per fact.

    Parameters
    ----------
    bundle : dict or str
        A ``Bundle`` resource already parsed from JSON (``json.loads``), or
        its JSON text.

    Returns
    -------
    dict of DataFrame
        ``patients`` (one row per Patient: ``patient_id``, ``gender``,
        ``birth_date``, ``postal_code``, ``deceased`` 0/1), ``encounters``
        (``class`` is the HL7 code: AMB = consultation, EMER = urgences,
        IMP = hospitalisation), ``observations`` (one row per value: a blood
        pressure with systolic and diastolic components gives two rows with
        the same ``observation_id``), ``conditions``, ``medications``
        (MedicationRequest) and ``codings`` (every coding of every coded
        element, e.g. a diagnosis coded both in CIM-10 and SNOMED CT). Coded
        columns hold the first coding: ``system`` (readable name, see
        :data:`SYSTEM_NAMES`; other systems keep their URI), ``code`` and
        ``display`` (the concept's ``text`` if present, otherwise the
        coding's ``display``). Dates are converted to naive datetimes in
        French legal time (Europe/Paris). Other resource types are ignored.

    Raises
    ------
    IASanteError
        With a French message if the input is not a Bundle, an entry has no
        resource, a resource has no ``id`` (or an ``id`` used twice), a
        clinical resource does not reference its Patient, a quantity is not a
        number or a date cannot be read.
    """
    if isinstance(bundle, str):
        try:
            bundle = json.loads(bundle)
        except json.JSONDecodeError as err:
            raise IASanteError(f"le texte fourni n'est pas du JSON valide ({err.msg}, ligne {err.lineno}).") \
                from None
    if not isinstance(bundle, Mapping):
        raise IASanteError("« bundle » doit être une ressource FHIR Bundle lue depuis le JSON (un dictionnaire), "
                           f"pas {type(bundle).__name__}.")
    if bundle.get("resourceType") != "Bundle":
        raise IASanteError(f"ressource de type « {bundle.get('resourceType')} » reçue : un Bundle est attendu "
                           "(champ resourceType = \"Bundle\").")
    entries = bundle.get("entry", [])
    if not isinstance(entries, list):
        raise IASanteError("le champ « entry » du Bundle doit être une liste d'entrées.")

    resources: list[tuple[int, Mapping]] = []
    full_urls: dict[str, tuple[str, str]] = {}
    for i, entry in enumerate(entries):
        resource = entry.get("resource") if isinstance(entry, Mapping) else None
        if not isinstance(resource, Mapping) or not isinstance(resource.get("resourceType"), str):
            raise IASanteError(f"entrée n° {i} : pas de ressource (« resource » avec un « resourceType »).")
        resources.append((i, resource))
        if isinstance(entry.get("fullUrl"), str) and isinstance(resource.get("id"), str):
            full_urls[entry["fullUrl"]] = (resource["resourceType"], resource["id"])

    rows: dict[str, list[dict]] = {name: [] for name in TABLE_COLUMNS}
    seen: set[tuple[str, str]] = set()

    def add_codings(kind: str, rid: str, element: str, concept: Any) -> None:
        for c in _codings(concept):
            system = c.get("system")
            rows["codings"].append({"resource_type": kind, "resource_id": rid, "element": element,
                                    "system": SYSTEM_NAMES.get(system, system), "code": c.get("code"),
                                    "display": c.get("display")})

    for i, res in resources:
        kind = res["resourceType"]
        if kind not in {"Patient", "Encounter", "Observation", "Condition", "MedicationRequest"}:
            continue
        rid = _id(i, res)
        if (kind, rid) in seen:
            raise IASanteError(f"{_where(i, res)} : identifiant en double pour {kind}.")
        seen.add((kind, rid))
        if kind == "Patient":
            address = res.get("address") or [{}]
            first = address[0] if isinstance(address, list) and address and isinstance(address[0], Mapping) else {}
            deceased = bool(res.get("deceasedBoolean", False)) or "deceasedDateTime" in res
            rows["patients"].append({"patient_id": rid, "gender": res.get("gender"),
                                     "birth_date": res.get("birthDate"), "postal_code": first.get("postalCode"),
                                     "deceased": int(deceased)})
            continue
        patient = _reference(res.get("subject"), "Patient", i, res, "subject", full_urls)
        if kind == "Encounter":
            cls = res.get("class")
            period = res.get("period") if isinstance(res.get("period"), Mapping) else {}
            rows["encounters"].append({"encounter_id": rid, "patient_id": patient,
                                       "class": cls.get("code") if isinstance(cls, Mapping) else None,
                                       "start": period.get("start"), "end": period.get("end")})
            continue
        encounter = _reference(res.get("encounter"), "Encounter", i, res, "encounter", full_urls,
                               required=False)
        if kind == "Observation":
            category = _first_status((res.get("category") or [None])[0])
            base = {"observation_id": rid, "patient_id": patient, "encounter_id": encounter,
                    "date": res.get("effectiveDateTime"), "category": category}
            add_codings(kind, rid, "code", res.get("code"))
            components = res.get("component") or []
            parts = components if components else [res]
            for part in parts:
                if not isinstance(part, Mapping):
                    raise IASanteError(f"{_where(i, res)} : composant mal formé.")
                if part is not res:
                    add_codings(kind, rid, "component", part.get("code"))
                system, code, display = _first_code(part.get("code"))
                value, unit = _quantity(part.get("valueQuantity"), i, res)
                rows["observations"].append({**base, "system": system, "code": code, "display": display,
                                             "value": value, "unit": unit})
        elif kind == "Condition":
            system, code, display = _first_code(res.get("code"))
            add_codings(kind, rid, "code", res.get("code"))
            rows["conditions"].append({"condition_id": rid, "patient_id": patient, "encounter_id": encounter,
                                       "system": system, "code": code, "display": display,
                                       "onset": res.get("onsetDateTime"),
                                       "clinical_status": _first_status(res.get("clinicalStatus"))})
        else:  # MedicationRequest
            concept = res.get("medicationCodeableConcept")
            system, code, display = _first_code(concept)
            add_codings(kind, rid, "medication", concept)
            dosage = res.get("dosageInstruction") or [{}]
            text = dosage[0].get("text") if isinstance(dosage, list) and isinstance(dosage[0], Mapping) else None
            rows["medications"].append({"medication_request_id": rid, "patient_id": patient,
                                        "encounter_id": encounter, "authored_on": res.get("authoredOn"),
                                        "system": system, "code": code, "display": display,
                                        "status": res.get("status"), "dosage": text})

    tables = {}
    for name, columns in TABLE_COLUMNS.items():
        frame = pd.DataFrame(rows[name], columns=columns)
        for column in _DATE_COLUMNS.get(name, []):
            frame[column] = _to_datetime(frame[column], name, column)
        if name == "observations":
            frame["value"] = frame["value"].astype(float)
        if name == "patients":
            frame["deceased"] = frame["deceased"].astype(int)
        tables[name] = frame
    return tables

"""De-identification of DICOM headers (module 3), after DICOM PS3.15 Annex E, simplified.

:func:`deidentify` applies a documented subset of the *Basic Application Level
Confidentiality Profile* (DICOM PS3.15, Annex E, Table E.1-1) to a pydicom
dataset; :func:`find_identifiers` lists what still identifies the patient.
Both are teaching tools: a real de-identification pipeline also cleans the
pixels (burned-in text, faces), free-text descriptions and structured reports,
and is validated by the data protection officer.

Simplifications with respect to the standard, all deliberate:

* the attributes of :data:`ACTIONS` are emptied (action Z, Type 2 attributes
  that must stay present) or removed (action X); the standard lists several
  hundred attributes, this list keeps those found in everyday CT, MR and
  radiotherapy headers;
* every person name (value representation PN) is emptied, wherever it is;
* every date and time (DA, DT, TM) is emptied, or dates are shifted by a fixed
  number of days (option *Retain Longitudinal Temporal Information with
  Modified Dates*), which keeps the intervals between examinations;
* every instance UID (VR UI, except the standard ``1.2.840.10008.`` UIDs such
  as SOP classes and transfer syntaxes) is replaced by a UUID-derived UID
  ``2.25.<n>`` (PS3.5 B.2) where ``n`` is the first 128 bits of
  HMAC-SHA-256(salt, original UID): the same original UID always gives the same
  new one, so the links between files (study, series, referenced images) stay
  consistent (action U), and nobody without the salt can recompute them;
* all private attributes are removed (their content is not documented);
* the attributes named in ``keep`` are left unchanged (for instance the
  options *Retain Patient Characteristics*: ``keep=("PatientSex", "PatientAge")``).
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import hmac
import numbers
from collections.abc import Iterable

import pandas as pd

from ._errors import IASanteError

__all__ = ["ACTIONS", "DIRECT_IDENTIFIERS", "METHOD", "deidentify", "find_identifiers", "new_uid"]

#: Attributes handled by name: "Z" = replaced by an empty value, "X" = removed (PS3.15 Table E.1-1).
ACTIONS: dict[str, str] = {
    # patient identity
    "PatientName": "Z", "PatientID": "Z", "PatientBirthDate": "Z", "PatientSex": "Z",
    "IssuerOfPatientID": "X", "OtherPatientIDs": "X", "OtherPatientIDsSequence": "X",
    "OtherPatientNames": "X", "PatientBirthName": "X", "PatientMotherBirthName": "X",
    "PatientBirthTime": "X", "PatientAddress": "X", "PatientTelephoneNumbers": "X",
    "MedicalRecordLocator": "X", "CountryOfResidence": "X", "RegionOfResidence": "X",
    "MilitaryRank": "X", "Occupation": "X", "EthnicGroup": "X", "PatientReligiousPreference": "X",
    # patient characteristics (kept by the option Retain Patient Characteristics)
    "PatientAge": "X", "PatientSize": "X", "PatientWeight": "X",
    "AdditionalPatientHistory": "X", "PatientComments": "X", "MedicalAlerts": "X", "Allergies": "X",
    "PregnancyStatus": "X", "SmokingStatus": "X",
    # visit, request, people involved
    "AccessionNumber": "Z", "StudyID": "Z", "AdmissionID": "X", "ReferringPhysicianName": "Z",
    "ReferringPhysicianAddress": "X", "ReferringPhysicianTelephoneNumbers": "X",
    "PhysiciansOfRecord": "X", "PerformingPhysicianName": "X", "NameOfPhysiciansReadingStudy": "X",
    "OperatorsName": "X", "RequestingPhysician": "X", "RequestAttributesSequence": "X",
    "PerformedProcedureStepID": "X", "ScheduledProcedureStepID": "X", "RequestedProcedureID": "X",
    # institution and device
    "InstitutionName": "X", "InstitutionAddress": "X", "InstitutionalDepartmentName": "X",
    "StationName": "X", "DeviceSerialNumber": "X", "TimezoneOffsetFromUTC": "X",
    # free text that may hold anything
    "StudyDescription": "X", "SeriesDescription": "X", "ImageComments": "X",
    "RequestedProcedureDescription": "X", "PerformedProcedureStepDescription": "X",
    "AcquisitionComments": "X", "DerivationDescription": "X",
}

#: Attributes that name or point to the person directly (the others are indirect identifiers).
DIRECT_IDENTIFIERS: frozenset[str] = frozenset({
    "PatientName", "PatientID", "PatientBirthDate", "IssuerOfPatientID", "OtherPatientIDs",
    "OtherPatientIDsSequence", "OtherPatientNames", "PatientBirthName", "PatientMotherBirthName",
    "PatientAddress", "PatientTelephoneNumbers", "MedicalRecordLocator", "AccessionNumber",
    "AdmissionID", "ReferringPhysicianAddress", "ReferringPhysicianTelephoneNumbers",
})

#: Value written in De-identification Method (0012,0063).
METHOD = "PS3.15 Annex E Basic Profile (simplified, iasante)"

_STANDARD_UID_ROOT = "1.2.840.10008."
_DATE_VRS = {"DA", "DT", "TM"}


def new_uid(uid: str, salt: str | bytes) -> str:
    """Deterministic replacement UID ``2.25.<n>``, ``n`` = 128 bits of HMAC-SHA-256(salt, uid).

    Examples
    --------
    >>> new_uid("1.2.3", "sel") == new_uid("1.2.3", "sel") != new_uid("1.2.3", "autre")
    True
    """
    key = _salt_bytes(salt)
    digest = hmac.new(key, str(uid).strip().encode("ascii", "replace"), hashlib.sha256).digest()
    return f"2.25.{int.from_bytes(digest[:16], 'big')}"


def _salt_bytes(salt) -> bytes:
    if isinstance(salt, str):
        salt = salt.encode("utf-8")
    if not isinstance(salt, bytes) or len(salt) < 8:
        raise IASanteError("Le sel « salt » doit être une chaîne secrète d'au moins 8 caractères.")
    return salt


def _check_dataset(dataset) -> None:
    from pydicom.dataset import Dataset

    if not isinstance(dataset, Dataset):
        raise IASanteError("Un objet DICOM lu par pydicom.dcmread(...) est attendu "
                           f"(reçu : {type(dataset).__name__}).")


def _is_empty(value) -> bool:
    if value is None:
        return True
    if isinstance(value, str | bytes):
        return not str(value).strip("\x00 ")
    try:
        return len(value) == 0 or all(_is_empty(v) for v in value)
    except TypeError:
        return False


def _shift_date(value: str, days: int, vr: str) -> str:
    text = str(value)
    if len(text) < 8:
        return ""
    moved = dt.datetime.strptime(text[:8], "%Y%m%d") + dt.timedelta(days=days)
    return moved.strftime("%Y%m%d") + (text[8:] if vr == "DT" else "")


def deidentify(dataset, *, salt: str | bytes, keep: Iterable[str] = (), date_shift_days: int | None = None,
               pseudonym: str | None = None):
    """De-identified copy of a DICOM dataset (the input is not modified).

    Parameters
    ----------
    dataset : pydicom.dataset.Dataset
        The dataset read with :func:`pydicom.dcmread`.
    salt : str or bytes
        Secret (at least 8 characters) from which the new UIDs are derived; keep it
        apart from the data: whoever holds it can relink the new UIDs to the old ones.
    keep : iterable of str
        DICOM keywords left unchanged (e.g. ``("PatientSex", "PatientAge")``).
    date_shift_days : int or None
        ``None`` (default): dates and times are emptied. An integer: dates are shifted
        by that many days and times kept, which preserves intervals.
    pseudonym : str or None
        If given, written in Patient's Name and Patient ID instead of an empty value.

    Returns
    -------
    pydicom.dataset.Dataset
        The de-identified copy, with Patient Identity Removed (0012,0062) = ``YES``,
        De-identification Method (0012,0063) and Longitudinal Temporal Information
        Modified (0028,0303) filled in.
    """
    _check_dataset(dataset)
    _salt_bytes(salt)
    if isinstance(keep, str):
        keep = (keep,)
    keep = set(keep)
    if date_shift_days is not None:
        if isinstance(date_shift_days, bool) or not isinstance(date_shift_days, numbers.Integral):
            raise IASanteError("« date_shift_days » doit être un nombre entier de jours, ou None.")
        date_shift_days = int(date_shift_days)
    out = copy.deepcopy(dataset)
    out.remove_private_tags()

    def clean(ds) -> None:
        for elem in list(ds):
            kw = elem.keyword
            if kw in keep:
                continue
            if elem.VR == "SQ" and kw not in ACTIONS:
                for item in elem.value:
                    clean(item)
                continue
            action = ACTIONS.get(kw)
            if action == "X":
                del ds[elem.tag]
            elif action == "Z" or elem.VR == "PN":
                elem.value = ""
            elif elem.VR in _DATE_VRS:
                if date_shift_days is None:
                    elem.value = ""
                elif elem.VR in {"DA", "DT"} and not _is_empty(elem.value):
                    values = elem.value if elem.VM > 1 else [elem.value]
                    shifted = [_shift_date(v, date_shift_days, elem.VR) for v in values]
                    elem.value = shifted if elem.VM > 1 else shifted[0]
            elif elem.VR == "UI" and not _is_empty(elem.value):
                values = elem.value if elem.VM > 1 else [elem.value]
                new = [v if str(v).startswith(_STANDARD_UID_ROOT) else new_uid(v, salt) for v in values]
                elem.value = new if elem.VM > 1 else new[0]

    clean(out)
    if pseudonym is not None:
        for kw in ("PatientName", "PatientID"):
            if kw not in keep:
                setattr(out, kw, str(pseudonym))
    meta = getattr(out, "file_meta", None)
    if meta is not None:
        if "MediaStorageSOPInstanceUID" in meta and "SOPInstanceUID" in out:
            meta.MediaStorageSOPInstanceUID = out.SOPInstanceUID
        if "SourceApplicationEntityTitle" in meta:
            del meta.SourceApplicationEntityTitle
    out.PatientIdentityRemoved = "YES"
    out.DeidentificationMethod = METHOD
    out.LongitudinalTemporalInformationModified = "REMOVED" if date_shift_days is None else "MODIFIED"
    return out


def _row(elem, kind: str, reason: str) -> dict:
    value = str(elem.value) if elem.VR != "SQ" else f"<séquence de {len(elem.value)} élément(s)>"
    return {"tag": str(elem.tag), "keyword": elem.keyword or "(privée)", "value": value[:60],
            "kind": kind, "reason": reason}


def find_identifiers(dataset, original=None) -> pd.DataFrame:
    """List the attributes of ``dataset`` that may still identify the patient.

    Rules: non-empty attributes of :data:`ACTIONS` (direct identifier if in
    :data:`DIRECT_IDENTIFIERS`, indirect otherwise); any non-empty person name
    (PN); any non-empty date (DA, DT) unless Longitudinal Temporal Information
    Modified is ``MODIFIED``; private attributes; Burned In Annotation = ``YES``
    (text inside the pixels). If ``original`` (the dataset before
    de-identification) is given, also any UID of the original found unchanged
    and any text value that contains the original patient's name or ID.

    Returns
    -------
    pandas.DataFrame
        One row per finding: ``tag``, ``keyword``, ``value``, ``kind``
        (``"direct"``, ``"indirect"``, ``"private"`` or ``"pixels"``) and ``reason``
        (in French). Empty when nothing is found.
    """
    _check_dataset(dataset)
    if original is not None:
        _check_dataset(original)
    dates_modified = str(dataset.get("LongitudinalTemporalInformationModified", "")) == "MODIFIED"
    old_uids: set[str] = set()
    secrets_: set[str] = set()
    if original is not None:
        for elem in original.iterall():
            if elem.VR == "UI" and not _is_empty(elem.value):
                values = elem.value if elem.VM > 1 else [elem.value]
                old_uids |= {str(v) for v in values if not str(v).startswith(_STANDARD_UID_ROOT)}
        for kw in ("PatientName", "PatientID"):
            text = str(original.get(kw, "") or "")
            secrets_ |= {part.lower() for part in text.replace("^", " ").split() if len(part) >= 4}
    rows = []
    for elem in dataset.iterall():
        kw = elem.keyword
        empty = elem.VR != "SQ" and _is_empty(elem.value)
        if elem.tag.is_private:
            rows.append(_row(elem, "private", "attribut privé : contenu non documenté (dates, identifiants…)"))
        elif kw in ACTIONS and not empty and not (elem.VR == "SQ" and len(elem.value) == 0):
            kind = "direct" if kw in DIRECT_IDENTIFIERS else "indirect"
            rows.append(_row(elem, kind, "attribut à retirer ou à vider (PS3.15, tableau E.1-1)"))
        elif elem.VR == "PN" and not empty:
            rows.append(_row(elem, "direct", "nom d'une personne"))
        elif elem.VR in {"DA", "DT"} and not empty and not dates_modified:
            rows.append(_row(elem, "indirect", "date réelle"))
        elif kw == "BurnedInAnnotation" and str(elem.value).upper() == "YES":
            rows.append(_row(elem, "pixels", "texte incrusté dans les pixels : nettoyer l'image"))
        elif elem.VR == "UI" and not empty and old_uids:
            values = elem.value if elem.VM > 1 else [elem.value]
            if any(str(v) in old_uids for v in values):
                rows.append(_row(elem, "indirect", "UID d'origine : retrouve l'examen dans le PACS"))
        elif secrets_ and not empty and elem.VR in {"LO", "SH", "ST", "LT", "UT", "CS", "UC"}:
            if any(s in str(elem.value).lower() for s in secrets_):
                rows.append(_row(elem, "direct", "texte contenant le nom ou l'identifiant du patient"))
    return pd.DataFrame(rows, columns=["tag", "keyword", "value", "kind", "reason"])

"""iasante.dicom on pydicom's bundled test files (CT, MR, RT structure set)."""

import numpy as np
import pydicom
import pytest
from pydicom.data import get_testdata_file
from pydicom.dataset import Dataset
from pydicom.sequence import Sequence

from iasante import IASanteError
from iasante.dicom import ACTIONS, METHOD, deidentify, find_identifiers, new_uid

SALT = "un-sel-secret-de-test"


@pytest.fixture(scope="module")
def ct():
    return pydicom.dcmread(get_testdata_file("CT_small.dcm"))


@pytest.fixture(scope="module")
def mr():
    return pydicom.dcmread(get_testdata_file("MR_small.dcm"))


@pytest.fixture(scope="module")
def rtstruct():
    return pydicom.dcmread(get_testdata_file("rtstruct.dcm"), force=True)


def test_original_files_are_identifying(ct, mr, rtstruct):
    found = find_identifiers(ct)
    assert {"PatientName", "PatientID", "InstitutionName", "StudyDate"} <= set(found["keyword"])
    assert (found["kind"] == "private").sum() > 100  # GE private groups
    assert "1CT1" in set(found["value"])
    assert "OperatorsName" in set(find_identifiers(rtstruct)["keyword"])  # 'dmason'
    assert "PatientBirthDate" in set(find_identifiers(rtstruct)["keyword"])
    assert set(find_identifiers(mr)["kind"]) >= {"direct", "indirect"}


@pytest.mark.parametrize("name", ["ct", "mr", "rtstruct"])
def test_nothing_identifying_remains(name, request):
    original = request.getfixturevalue(name)
    anon = deidentify(original, salt=SALT)
    found = find_identifiers(anon, original=original)
    assert found.empty, found.to_string()
    assert anon.PatientIdentityRemoved == "YES" and anon.DeidentificationMethod == METHOD
    assert anon.LongitudinalTemporalInformationModified == "REMOVED"
    assert not any(elem.tag.is_private for elem in anon.iterall())
    # Type 2 attributes stay present but empty; Type 3 ones are removed
    assert anon.PatientName == "" and anon.PatientID == "" and "PatientBirthDate" in anon
    assert "InstitutionName" not in anon and "OperatorsName" not in anon


def test_input_is_not_modified_and_pixels_are_kept(ct):
    before = ct.PatientName
    anon = deidentify(ct, salt=SALT)
    assert ct.PatientName == before and "InstitutionName" in ct
    np.testing.assert_array_equal(anon.pixel_array, ct.pixel_array)
    assert anon.PixelSpacing == ct.PixelSpacing and anon.RescaleIntercept == ct.RescaleIntercept


def test_uids_are_replaced_deterministically(ct):
    a = deidentify(ct, salt=SALT)
    b = deidentify(ct, salt=SALT)
    c = deidentify(ct, salt="un-autre-sel-secret")
    assert a.StudyInstanceUID == b.StudyInstanceUID != c.StudyInstanceUID
    assert a.StudyInstanceUID != ct.StudyInstanceUID and a.StudyInstanceUID.startswith("2.25.")
    assert len(a.StudyInstanceUID) <= 64 and a.StudyInstanceUID == new_uid(ct.StudyInstanceUID, SALT)
    assert a.SOPClassUID == ct.SOPClassUID  # standard UIDs are kept
    assert a.file_meta.MediaStorageSOPInstanceUID == a.SOPInstanceUID
    assert a.file_meta.TransferSyntaxUID == ct.file_meta.TransferSyntaxUID
    assert "SourceApplicationEntityTitle" not in a.file_meta


def test_references_between_files_stay_consistent(rtstruct):
    anon = deidentify(rtstruct, salt=SALT)
    frame = rtstruct.ReferencedFrameOfReferenceSequence[0].FrameOfReferenceUID
    new_frame = anon.ReferencedFrameOfReferenceSequence[0].FrameOfReferenceUID
    assert new_frame == new_uid(frame, SALT)
    for old, new in zip(rtstruct.StructureSetROISequence, anon.StructureSetROISequence, strict=True):
        assert new.ReferencedFrameOfReferenceUID == new_frame
        assert old.ROIName == new.ROIName  # clinical content kept
    assert anon.ReferencedFrameOfReferenceSequence[0].RTReferencedStudySequence[0].ReferencedSOPClassUID == \
        rtstruct.ReferencedFrameOfReferenceSequence[0].RTReferencedStudySequence[0].ReferencedSOPClassUID


def test_keep_and_pseudonym(ct):
    anon = deidentify(ct, salt=SALT, keep=("PatientSex", "PatientAge"), pseudonym="SUJET-001")
    assert anon.PatientSex == "O" and anon.PatientAge == "000Y"
    assert anon.PatientName == "SUJET-001" and anon.PatientID == "SUJET-001"
    found = find_identifiers(anon, original=ct)
    assert set(found["keyword"]) == {"PatientSex", "PatientAge", "PatientName", "PatientID"}
    assert set(found.loc[found["keyword"].isin(["PatientSex", "PatientAge"]), "kind"]) == {"indirect"}
    assert deidentify(ct, salt=SALT, keep="PatientSex").PatientSex == "O"


def test_date_shift_keeps_intervals(ct):
    anon = deidentify(ct, salt=SALT, date_shift_days=-100)
    assert anon.StudyDate == "20031011"  # 2004-01-19 minus 100 days
    assert anon.AcquisitionDate == "19970120"  # 1997-04-30 minus 100 days
    assert anon.StudyTime == ct.StudyTime
    assert anon.LongitudinalTemporalInformationModified == "MODIFIED"
    assert find_identifiers(anon, original=ct).empty


def test_find_identifiers_rules():
    ds = Dataset()
    ds.PatientName = ""
    ds.ROIInterpreter = "Dupont^Jean"  # a person name anywhere (PN)
    ds.BurnedInAnnotation = "YES"
    item = Dataset()
    item.StudyDate = "20200101"
    ds.ReferencedStudySequence = Sequence([item])
    ds.ImageComments = "ok"
    found = find_identifiers(ds).set_index("keyword")
    assert found.loc["ROIInterpreter", "kind"] == "direct"
    assert found.loc["BurnedInAnnotation", "kind"] == "pixels"
    assert found.loc["StudyDate", "kind"] == "indirect"  # inside a sequence
    assert "PatientName" not in found.index  # empty value
    original = Dataset()
    original.PatientName = "Martin^Alice"
    original.StudyInstanceUID = "1.2.3.4"
    copy = Dataset()
    copy.StudyInstanceUID = "1.2.3.4"
    copy.ContrastBolusAgent = "iode, patiente MARTIN"
    leaks = find_identifiers(copy, original=original).set_index("keyword")
    assert leaks.loc["StudyInstanceUID", "reason"].startswith("UID d'origine")
    assert leaks.loc["ContrastBolusAgent", "kind"] == "direct"


def test_actions_are_valid_keywords():
    from pydicom.datadict import tag_for_keyword

    assert all(tag_for_keyword(kw) is not None for kw in ACTIONS)
    assert set(ACTIONS.values()) == {"X", "Z"}


def test_errors_in_french(ct):
    with pytest.raises(IASanteError, match="pydicom"):
        deidentify(np.zeros(3), salt=SALT)
    with pytest.raises(IASanteError, match="sel"):
        deidentify(ct, salt="court")
    with pytest.raises(IASanteError, match="entier"):
        deidentify(ct, salt=SALT, date_shift_days=1.5)
    with pytest.raises(IASanteError, match="pydicom"):
        find_identifiers({"PatientName": "x"})

"""Exercises M3.1–M3.3 (notebook M3.1 — L'image médicale et le format DICOM)."""

import numpy as np
import pydicom
import pytest
from exercise_cases import stable_id
from pydicom.data import get_testdata_file

from iasante.checks import evaluate
from iasante.imaging import to_hounsfield

GARBAGE = [None, ..., "", "abc", [1, 2], {"a": 1}, float("nan"), object()]


@pytest.fixture(scope="module")
def ct():
    return pydicom.dcmread(get_testdata_file("CT_small.dcm"))


def test_m3_1():
    assert evaluate("m3.ex1", "b").status == "correct"
    assert evaluate("m3.ex1", "B)").status == "correct"
    for wrong in ("a", "c", "d"):
        assert evaluate("m3.ex1", wrong).status == "incorrect"


def test_m3_2_right_answers(ct):
    by_hand = ct.pixel_array * float(ct.RescaleSlope) + float(ct.RescaleIntercept)
    assert evaluate("m3.ex2", by_hand, ct).status == "correct"
    assert evaluate("m3.ex2", to_hounsfield(ct), ct).status == "correct"
    assert evaluate("m3.ex2", ct.pixel_array - 1024, ct).status == "correct"  # integers are fine
    assert evaluate("m3.ex2", by_hand.tolist(), ct).status == "correct"


def test_m3_2_wrong_answers_get_a_diagnosis(ct):
    raw = evaluate("m3.ex2", ct.pixel_array, ct)
    assert raw.status == "incorrect" and "RescaleIntercept" in raw.message
    sign = evaluate("m3.ex2", ct.pixel_array + 1024, ct)
    assert sign.status == "incorrect" and "signe" in sign.message
    assert evaluate("m3.ex2", to_hounsfield(ct)[:64], ct).status == "incorrect"
    assert evaluate("m3.ex2", to_hounsfield(ct) + 1, ct).status == "incorrect"
    assert evaluate("m3.ex2", to_hounsfield(ct).astype(str), ct).status == "incorrect"


def test_m3_3():
    for right in ("a, c, e, f", "f,e,c,a", ["a", "c", "e", "f"], "a et c et e et f"):
        assert evaluate("m3.ex3", right).status == "correct", right
    incomplete = evaluate("m3.ex3", "a, c")
    assert incomplete.status == "incorrect" and "incomplet" in incomplete.message
    for wrong in ("a, b, c, e, f", "b, d, g", "a"):
        assert evaluate("m3.ex3", wrong).status == "incorrect"


@pytest.mark.parametrize("answer", GARBAGE, ids=stable_id)
def test_garbage_never_correct(answer, ct):
    for ex_id, args in [("m3.ex1", ()), ("m3.ex2", (ct,)), ("m3.ex3", ())]:
        assert evaluate(ex_id, answer, *args).status != "correct"


def test_m3_2_garbage_data_does_not_raise(ct):
    answer = to_hounsfield(ct)
    assert evaluate("m3.ex2", answer, None).status != "correct"
    assert evaluate("m3.ex2", answer, np.zeros((128, 128))).status != "correct"
    assert evaluate("m3.ex2", answer).status != "correct"

"""Exercises M3.4–M3.6 (notebook M3.2 — Traiter et segmenter): right answers pass, wrong ones fail,
garbage never raises and is never correct."""

import numpy as np
import pytest

from iasante.checks import evaluate
from iasante.exercises.m3_02 import GM_WM_THRESHOLD, MIN_DICE_WM, POSITIVE_PROPORTION
from iasante.imaging import dice

GARBAGE = [None, ..., "", "abc", [1, 2], {"a": 1}, float("nan"), object(), True, "cinquante", (0.5, 0.6),
           [[1, 2], [3, 4]], np.zeros((3, 3)), float("inf"), -0.5]


def _ids(value):
    return type(value).__name__ if " at 0x" in repr(value) else repr(value)


@pytest.fixture(scope="module")
def reference():
    """A white-matter-like reference: a filled ellipse in a 60 × 50 slice."""
    yy, xx = np.mgrid[:60, :50]
    return ((yy - 30) / 20) ** 2 + ((xx - 25) / 15) ** 2 <= 1


# ------------------------------------------------------------------ M3.4
@pytest.mark.parametrize("answer", [GM_WM_THRESHOLD, 0.75, 0.77, "0,78", 0.72, np.float64(0.7484)])
def test_m3_4_right(answer):
    assert evaluate("m3.ex4", answer).status == "correct"


@pytest.mark.parametrize("answer", [0.53, 0.65, 0.86, 0.9, 0.5, 75, 0.25])
def test_m3_4_wrong(answer):
    fb = evaluate("m3.ex4", answer)
    assert fb.status == "incorrect" and "Indice" in fb.message


# ------------------------------------------------------------------ M3.5
def test_m3_5_right(reference):
    assert evaluate("m3.ex5", reference.copy(), reference).status == "correct"
    assert evaluate("m3.ex5", reference.astype(int), reference).status == "correct"   # 0/1 accepted
    eroded = reference.copy()
    eroded[np.nonzero(reference)[0].min()] = False                                    # one row fewer
    assert dice(eroded, reference) >= MIN_DICE_WM
    assert evaluate("m3.ex5", eroded, reference).status == "correct"


def test_m3_5_wrong_gets_a_diagnosis(reference):
    everything = evaluate("m3.ex5", np.ones_like(reference), reference)
    assert everything.status == "incorrect" and "plus grand" in everything.message
    complement = evaluate("m3.ex5", ~reference, reference)
    assert complement.status == "incorrect"
    empty = evaluate("m3.ex5", np.zeros_like(reference), reference)
    assert empty.status == "incorrect" and "vide" in empty.message
    half = reference.copy()
    half[:30] = False
    assert dice(half, reference) < MIN_DICE_WM
    assert evaluate("m3.ex5", half, reference).status == "incorrect"
    assert evaluate("m3.ex5", reference[:30], reference).status == "incorrect"          # wrong shape
    assert evaluate("m3.ex5", reference * 2.5, reference).status == "incorrect"         # not a mask
    assert evaluate("m3.ex5", reference.tolist(), reference).status == "incorrect"      # not an array


# ------------------------------------------------------------------ M3.6
@pytest.mark.parametrize("answer", [POSITIVE_PROPORTION, 129 / 234, round(POSITIVE_PROPORTION, 2),
                                    100 * POSITIVE_PROPORTION, "55,1 %", np.float64(0.55)])
def test_m3_6_right(answer):
    assert evaluate("m3.ex6", answer).status == "correct"


def test_m3_6_wrong():
    complement = evaluate("m3.ex6", 1 - POSITIVE_PROPORTION)
    assert complement.status == "incorrect" and "complément" in complement.message
    count = evaluate("m3.ex6", 129)
    assert count.status == "incorrect" and "nombre de noyaux" in count.message
    for wrong in (0.39, 0.3, 0.61, 0.0, 1.0, 20):
        assert evaluate("m3.ex6", wrong).status == "incorrect", wrong


# ------------------------------------------------------------------ garbage
@pytest.mark.parametrize("answer", GARBAGE, ids=_ids)
def test_garbage_never_raises_and_is_never_correct(answer, reference):
    for ex_id, args in [("m3.ex4", ()), ("m3.ex5", (reference,)), ("m3.ex6", ())]:
        fb = evaluate(ex_id, answer, *args)
        assert fb.status != "correct", (ex_id, answer)


@pytest.mark.parametrize("bad_reference", [None, "abc", np.zeros((2, 2))], ids=_ids)
def test_m3_5_bad_reference_does_not_raise(bad_reference, reference):
    fb = evaluate("m3.ex5", reference, bad_reference)
    assert fb.status != "correct"

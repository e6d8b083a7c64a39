"""Exercises M2.10–M2.12 (notebook M2.4): right answers pass, wrong ones fail, garbage never raises."""

import math

import numpy as np
import pandas as pd
import pytest
from exercise_cases import case_tests
from lifelines import CoxPHFitter, KaplanMeierFitter

from iasante import datasets
from iasante.checks import evaluate
from iasante.exercises.m2_04 import MEDIAN_RFS_YEARS

GARBAGE = [None, ..., "", "abc", [1, 2], {"a": 1}, float("nan"), object(), True, "0,5 %", (np.nan, 0.5),
           ("a", "b"), [[1, 2], [3, 4]], pd.DataFrame({"a": [1]}), float("inf")]

GBSG2 = datasets.load("gbsg2")
COX_DF = pd.DataFrame({
    "horTh": GBSG2["horTh"], "pnodes": GBSG2["pnodes"], "age_10": GBSG2["age"] / 10,
    "tgrade_II": (GBSG2["tgrade"] == "II").astype(int), "tgrade_III": (GBSG2["tgrade"] == "III").astype(int),
    "years": GBSG2["time"] / 365.25, "cens": GBSG2["cens"],
})
COLS = ["horTh", "pnodes", "tgrade_II", "tgrade_III"]


def _hr(columns, frame=COX_DF):
    model = CoxPHFitter().fit(frame[columns + ["years", "cens"]], duration_col="years", event_col="cens")
    return model, float(model.hazard_ratios_["horTh"])


MODEL, HR = _hr(COLS)
_, HR_CRUDE = _hr(["horTh"])


def test_median_constant_matches_the_data():
    kmf = KaplanMeierFitter().fit(GBSG2["time"] / 365.25, GBSG2["cens"])
    assert kmf.median_survival_time_ == pytest.approx(MEDIAN_RFS_YEARS, abs=1e-9)


def test_hazard_ratio_is_invariant_to_the_time_unit():
    frame = COX_DF.assign(years=GBSG2["time"])  # days instead of years: same ordering, same HR
    assert _hr(COLS, frame)[1] == pytest.approx(HR, rel=1e-6)


# (exercise id, extra args, right answers, wrong answers)
CASES = {
    "m2.ex10": ((), [MEDIAN_RFS_YEARS, 4.9, 5, "5,0", 4.75, np.float64(5.1), pd.Series([4.95])],
                [1807, 59, 0.5, 4.5, 5.5, 3, -4.9]),
    "m2.ex11": ((COX_DF, COLS),
                [HR, round(HR, 3), MODEL.hazard_ratios_[["horTh"]], np.float64(HR), f"{HR:.4f}".replace(".", ",")],
                [math.log(HR), 1 / HR, HR_CRUDE, _hr(["horTh", "age_10"])[1], 1.0, 0.5, HR * 1.05]),
    "m2.ex12": ((), ["b", "B", "b)", " b "], ["a", "c", "d", "a, b"]),
}


def test_feedback_explains_common_mistakes():
    assert "jours" in evaluate("m2.ex10", 1807).message
    assert "mois" in evaluate("m2.ex10", 59).message
    assert "probabilité" in evaluate("m2.ex10", 0.5).message
    assert "exponentielle" in evaluate("m2.ex11", math.log(HR), COX_DF, COLS).message
    assert "inverse" in evaluate("m2.ex11", 1 / HR, COX_DF, COLS).message
    assert "brut" in evaluate("m2.ex11", HR_CRUDE, COX_DF, COLS).message
    assert "tableau" in evaluate("m2.ex11", MODEL.hazard_ratios_, COX_DF, COLS).message


@pytest.mark.parametrize(
    "args",
    [(None, COLS), (COX_DF.drop(columns="cens"), COLS), (COX_DF, ["pnodes"]), (COX_DF, ["horTh", "absent"]),
     (COX_DF, None), ("cox_df", COLS)],
    ids=["no-frame", "no-event", "no-horTh", "unknown-column", "no-columns", "text-frame"],
)
def test_bad_check_arguments_never_raise(args):
    fb = evaluate("m2.ex11", HR, *args)
    assert fb.status != "correct"


test_right_answers_are_correct, test_wrong_answers_are_incorrect, test_garbage_never_raises_and_is_never_correct = (
    case_tests(CASES, GARBAGE)
)

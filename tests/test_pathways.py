"""The synthetic care-pathway generator (notebook M2.3): seeded, fast, calibrated, chronologically valid."""

import time

import numpy as np
import pandas as pd
import pytest

from iasante import IASanteError, datasets
from iasante.datasets import _pathways as pw
from iasante.datasets import load_care_pathways

STAYS = ["MCO", "SSR", "HAD"]


@pytest.fixture(scope="module")
def big():
    return load_care_pathways(10_000, random_state=0)


@pytest.fixture(scope="module")
def small():
    return load_care_pathways(2000, random_state=0)


def test_registered_and_reexported(small):
    info = datasets.DATASETS["care_pathways"]
    assert datasets.load_care_pathways is load_care_pathways
    assert info.loader is load_care_pathways and info.target == "readmission_30d"
    assert list(small.frame.columns) == list(info.columns) == list(pw.FRAME_COLUMNS)
    assert len(small.frame) == info.n_rows == len(small)
    assert list(small.events.columns) == list(pw.EVENT_COLUMNS)
    assert list(small.patients.columns) == list(pw.PATIENT_COLUMNS)
    assert not small.frame.isna().any().any()


def test_column_descriptions_complete():
    for table in (pw.FRAME_COLUMNS, pw.EVENT_COLUMNS, pw.PATIENT_COLUMNS):
        for col, text in table.items():
            assert len(text) > 10 and text.endswith("."), col
    info = datasets.DATASETS["care_pathways"]
    for _, label, value, tol, source in pw.TARGETS:  # every target, tolerance and source is on the card
        assert f"{label} : {value:g} (± {tol:g}, {source})" in info.description
    assert "SYNTHÉTIQUES" in info.limits


def test_same_seed_same_tables_other_seed_differs(small):
    again = load_care_pathways(2000, random_state=0)
    for name in ("events", "patients", "frame"):
        pd.testing.assert_frame_equal(getattr(small, name), getattr(again, name))
    other = load_care_pathways(2000, random_state=1)
    assert not small.patients.equals(other.patients)
    assert not small.events.equals(other.events)
    assert not small.frame["readmission_30d"].equals(other.frame["readmission_30d"])


def test_default_is_what_the_registry_loads(small):
    pd.testing.assert_frame_equal(datasets.load("care_pathways").frame, small.frame)


def test_ten_thousand_patients_under_five_seconds():
    load_care_pathways(500, random_state=3)  # warm-up (imports, numpy caches)
    start = time.perf_counter()
    data = load_care_pathways(10_000, random_state=7)
    assert time.perf_counter() - start < 5.0
    assert data.patients["patient_id"].nunique() == 10_000


@pytest.mark.parametrize("seed", [0, 11])
def test_marginal_rates_within_stated_tolerance(seed, big):
    data = big if seed == 0 else load_care_pathways(10_000, random_state=seed)
    table = data.calibration()
    assert list(table.index) == [t[0] for t in pw.TARGETS]
    bad = table.loc[~table["dans la tolérance"], ["cible", "tolérance", "simulé"]]
    assert bad.empty, bad


def test_calibration_is_computed_from_the_tables(small):
    """Recompute two targets by hand from the raw tables."""
    pat, ev = small.patients, small.events
    safes = pat.loc[(pat["age"] >= 75) & (pat["admission_via_ed"] == 1), "patient_id"]
    readm = small.frame.loc[small.frame["patient_id"].isin(safes), "readmission_30d"].mean()
    ssr = ev.loc[ev["event"] == "SSR", "length_of_stay"].mean()
    table = small.calibration()
    assert table.loc["readmission_30d", "simulé"] == pytest.approx(readm)
    assert table.loc["ssr_mean_los", "simulé"] == pytest.approx(ssr)


def test_overall_readmission_and_population(big):
    frame, pat = big.frame, big.patients
    assert 0.10 <= frame["readmission_30d"].mean() <= 0.16  # ATIH/HAS order of magnitude for older adults
    assert pat["age"].min() >= 65 and pat["age"].max() <= 100
    assert set(frame["deprivation_quintile"]) == {1, 2, 3, 4, 5}
    assert set(frame["discharge_to"].cat.categories) == set(pw.DISCHARGE)
    assert frame["ed_visit_30d"][frame["readmission_30d"] == 1].mean() > 0.75  # most readmissions go through the ED


def test_valid_chronology(big):
    ev = big.events
    # sorted by patient then step, steps numbered 1..m, times within follow-up
    assert ev["patient_id"].is_monotonic_increasing
    assert (ev.groupby("patient_id")["step"].diff().fillna(1) == 1).all()
    assert (ev.groupby("patient_id")["start_day"].diff().fillna(0) >= 0).all()
    assert ev["start_day"].between(0, pw.HORIZON).all()
    assert (ev["end_day"] >= ev["start_day"]).all()
    # every patient starts with the index stay (possibly after the emergency visit), on day 0
    first = ev.loc[ev["event"] != "urgences"].groupby("patient_id").first()
    assert (first["event"] == "MCO").all() and (first["start_day"] == 0).all()
    # no event after death, and death is the last event
    death = ev.loc[ev["event"] == "décès"].set_index("patient_id")["start_day"]
    assert death.index.is_unique
    last = ev.groupby("patient_id").last()
    assert (last.loc[death.index, "event"] == "décès").all()
    joined = ev.join(death.rename("death"), on="patient_id")
    assert (joined["end_day"] <= joined["death"].fillna(np.inf)).all()
    # hospital stays (MCO, SSR, HAD) never overlap
    stays = ev.loc[ev["event"].isin(STAYS)]
    gap = stays.groupby("patient_id")["start_day"].shift(-1) - stays["end_day"]
    assert (gap.dropna() >= 0).all()
    assert (stays["length_of_stay"] >= 1).all()
    # only MCO stays say whether they were planned
    assert ev.loc[ev["event"] == "MCO", "unplanned"].notna().all()
    assert ev.loc[ev["event"] != "MCO", "unplanned"].isna().all()


def test_community_events_happen_at_home(big):
    ev = big.events
    stays = ev.loc[ev["event"].isin(STAYS), ["patient_id", "start_day", "end_day"]]
    stays = stays.rename(columns={"start_day": "start_day_stay", "end_day": "end_day_stay"})
    acts = ev.loc[ev["event"] == "consultation MG", ["patient_id", "start_day"]]
    both = acts.merge(stays, on="patient_id")
    inside = (both["start_day"] > both["start_day_stay"]) & (both["start_day"] < both["end_day_stay"])
    assert not inside.any()  # no GP visit during a hospital stay
    nursing = ev.loc[ev["event"] == "soins infirmiers"]
    assert (nursing["length_of_stay"] >= 1).all()
    both = nursing[["patient_id", "start_day", "end_day"]].merge(stays, on="patient_id")
    overlap = (both["start_day"] < both["end_day_stay"]) & (both["start_day_stay"] < both["end_day"])
    assert not overlap.any()  # home nursing stops when the patient is admitted


def test_target_matches_the_events(small):
    frame = small.frame.set_index("patient_id")
    ev = small.events.merge(small.patients[["patient_id", "index_length_of_stay"]], on="patient_id")
    delay = ev["start_day"] - ev["index_length_of_stay"]
    readm = ev.loc[(ev["event"] == "MCO") & (ev["unplanned"] == 1) & (delay >= 1) & (delay <= 30), "patient_id"]
    assert set(readm) == set(frame.index[frame["readmission_30d"] == 1])
    died_in_index = small.patients.loc[
        small.patients["death_day"].astype(float) == small.patients["index_length_of_stay"], "patient_id"]
    assert not frame.index.isin(died_in_index).any()  # index stays ended by death are not in .frame


@pytest.mark.parametrize("n", [0, -5, 2.5, "100", None, True, 10**7])
def test_bad_n_patients_is_a_french_error(n):
    with pytest.raises(IASanteError, match="n_patients"):
        load_care_pathways(n)


@pytest.mark.parametrize("seed", [-1, 1.5, "0", None, True, np.random.default_rng(0)])
def test_bad_random_state_is_a_french_error(seed):
    with pytest.raises(IASanteError, match="random_state"):
        load_care_pathways(100, random_state=seed)


def test_numpy_integers_accepted():
    data = load_care_pathways(np.int64(50), random_state=np.int32(2))
    assert data.patients.shape[0] == 50


@pytest.mark.parametrize("n", [1, 3])
def test_tiny_cohorts_work(n):
    for seed in range(40):  # includes seeds where the only patient dies during the index stay
        data = load_care_pathways(n, random_state=seed)
        assert len(data.patients) == n and len(data.frame) <= n
        assert len(data.calibration()) == len(pw.TARGETS)

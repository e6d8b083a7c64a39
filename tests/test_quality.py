"""iasante.quality: report, near-duplicates and seeded corruptions checked on small hand-made tables."""

import numpy as np
import pandas as pd
import pytest

from iasante import IASanteError, quality

SMALL = pd.DataFrame({
    "age": [30.0, 45.0, np.nan, 120.0],
    "sexe": ["F", "M", "F", None],
    "pas": [120, 80, 300, 10],
})


def test_quality_report_by_hand():
    report = quality.quality_report(SMALL, ranges={"age": (18, 110), "pas": (50, 250)})
    assert list(report.index) == ["age", "sexe", "pas"]
    assert report.loc["age", "manquants"] == 1 and report.loc["age", "% manquants"] == 25.0
    assert report.loc["sexe", "manquants"] == 1 and report.loc["sexe", "valeurs distinctes"] == 2
    assert report.loc["age", "min"] == 30.0 and report.loc["age", "max"] == 120.0
    assert np.isnan(report.loc["sexe", "min"])
    assert report.loc["age", "hors plage"] == 1      # 120 (the NaN is not counted)
    assert report.loc["pas", "hors plage"] == 2      # 300 and 10
    assert pd.isna(report.loc["sexe", "hors plage"])  # no range given
    assert report.loc["pas", "type"] == "int64"


def test_quality_report_bounds_are_inclusive_and_input_unchanged():
    frame = pd.DataFrame({"x": [0.0, 1.0, 2.0]})
    before = frame.copy()
    assert quality.quality_report(frame, {"x": (0, 2)}).loc["x", "hors plage"] == 0
    pd.testing.assert_frame_equal(frame, before)


@pytest.mark.parametrize("bad", [
    {"inconnue": (0, 1)}, {"age": (10, 5)}, {"age": "abc"}, {"sexe": (0, 1)}, [("age", (0, 1))],
])
def test_quality_report_rejects_bad_ranges(bad):
    with pytest.raises(IASanteError):
        quality.quality_report(SMALL, ranges=bad)


@pytest.mark.parametrize("bad", [None, pd.DataFrame(), [1, 2], "tableau"])
def test_functions_reject_non_frames(bad):
    with pytest.raises(IASanteError):
        quality.quality_report(bad)
    with pytest.raises(IASanteError):
        quality.near_duplicates(bad)


def test_near_duplicates_finds_exact_and_typo_pairs():
    frame = pd.DataFrame({
        "age": [82, 51, 82, 51, 60],
        "imc": [23.1, 24.3, 23.1, 24.3, np.nan],
        "fc": [62, 133, 62, 133, 70],
    }, index=["a", "b", "c", "d", "e"])
    frame.loc["d", "age"] = 15  # typo on the copy of "b"
    pairs = quality.near_duplicates(frame, max_differences=1)
    assert pairs[["ligne_1", "ligne_2", "n_differences"]].values.tolist() == [["a", "c", 0], ["b", "d", 1]]
    assert pairs.loc[1, "colonnes_differentes"] == "age"
    assert len(quality.near_duplicates(frame, max_differences=0)) == 1
    assert len(quality.near_duplicates(frame, max_differences=3)) == 10  # all pairs of 5 rows
    assert quality.near_duplicates(frame, columns=["imc"]).shape[0] == 10  # 1 column: every pair differs by ≤ 1


def test_near_duplicates_counts_two_missing_values_as_equal():
    frame = pd.DataFrame({"a": [np.nan, np.nan], "b": [1, 1]})
    assert quality.near_duplicates(frame, max_differences=0)["n_differences"].tolist() == [0]


@pytest.mark.parametrize("kwargs", [{"max_differences": -1}, {"max_differences": 1.5},
                                    {"max_differences": True}, {"columns": []}, {"columns": ["zz"]}])
def test_near_duplicates_rejects_bad_arguments(kwargs):
    with pytest.raises(IASanteError):
        quality.near_duplicates(SMALL, **kwargs)


def _cohort(n=2000, seed=1):
    rng = np.random.default_rng(seed)
    age = rng.normal(65, 12, n)
    bmi = 35 - 0.13 * age + rng.normal(0, 4, n)  # BMI falls with age, as in WHAS500
    return pd.DataFrame({"age": age, "bmi": bmi, "sexe": rng.integers(0, 2, n)})


@pytest.mark.parametrize("mechanism", ["MCAR", "MAR", "MNAR", "mnar"])
def test_inject_missing_deletes_the_exact_amount_and_is_seeded(mechanism):
    frame = _cohort()
    kwargs = {"driver": "age"} if mechanism == "MAR" else {}
    out = quality.inject_missing(frame, "bmi", mechanism, 0.3, random_state=3, **kwargs)
    again = quality.inject_missing(frame, "bmi", mechanism, 0.3, random_state=3, **kwargs)
    assert out["bmi"].isna().sum() == 600
    pd.testing.assert_frame_equal(out, again)
    assert frame["bmi"].notna().all()  # input unchanged
    assert out.drop(columns="bmi").equals(frame.drop(columns="bmi"))


def test_inject_missing_mechanisms_have_the_expected_direction():
    frame = _cohort()
    truth = frame["bmi"].mean()
    mcar = quality.inject_missing(frame, "bmi", "MCAR", 0.3, random_state=0)
    mar = quality.inject_missing(frame, "bmi", "MAR", 0.3, driver="age", random_state=0)
    mnar = quality.inject_missing(frame, "bmi", "MNAR", 0.3, random_state=0)
    low = quality.inject_missing(frame, "bmi", "MNAR", 0.3, strength=-1.5, random_state=0)
    assert abs(mcar["bmi"].mean() - truth) < 0.3
    assert frame.loc[mar["bmi"].isna(), "age"].mean() > frame.loc[mar["bmi"].notna(), "age"].mean() + 5
    assert mar["bmi"].mean() > truth + 0.3            # the old (lighter) are missing
    assert mnar["bmi"].mean() < truth - 1.0           # the heaviest are missing
    assert low["bmi"].mean() > truth + 1.0            # negative strength: the lightest are missing


def test_inject_missing_integer_column_becomes_float():
    out = quality.inject_missing(_cohort(100), "sexe", "MCAR", 0.1, random_state=0)
    assert out["sexe"].dtype == float and out["sexe"].isna().sum() == 10


@pytest.mark.parametrize("kwargs", [
    {"column": "zz", "mechanism": "MCAR", "rate": 0.1},
    {"column": "bmi", "mechanism": "MXAR", "rate": 0.1},
    {"column": "bmi", "mechanism": "MCAR", "rate": 1.0},
    {"column": "bmi", "mechanism": "MCAR", "rate": -0.1},
    {"column": "bmi", "mechanism": "MCAR", "rate": "0.1"},
    {"column": "bmi", "mechanism": "MAR", "rate": 0.1},                       # no driver
    {"column": "bmi", "mechanism": "MAR", "rate": 0.1, "driver": "bmi"},      # driver = column
    {"column": "bmi", "mechanism": "MCAR", "rate": 0.1, "random_state": 1.5},
    {"column": "bmi", "mechanism": "MNAR", "rate": 0.1, "strength": float("inf")},
])
def test_inject_missing_rejects_bad_arguments(kwargs):
    with pytest.raises(IASanteError):
        quality.inject_missing(_cohort(50), **kwargs)


def test_inject_missing_refuses_a_column_that_already_has_missing_values():
    frame = quality.inject_missing(_cohort(50), "bmi", "MCAR", 0.2, random_state=0)
    with pytest.raises(IASanteError):
        quality.inject_missing(frame, "bmi", "MCAR", 0.1)
    with pytest.raises(IASanteError):
        quality.inject_missing(frame, "age", "MAR", 0.1, driver="bmi")


def test_mix_units_rescales_the_masked_fraction_only():
    values = pd.Series(np.arange(10, 110, dtype=float))
    mixed, mask = quality.mix_units(values, factor=0.1, fraction=0.2, random_state=0)
    assert mask.sum() == 20
    np.testing.assert_allclose(mixed[mask], values[mask] / 10)
    np.testing.assert_array_equal(mixed[~mask], values[~mask])
    again, mask2 = quality.mix_units(values, factor=0.1, fraction=0.2, random_state=0)
    np.testing.assert_array_equal(mask, mask2)
    assert values.iloc[0] == 10  # input unchanged


@pytest.mark.parametrize("kwargs", [{"values": [1, 2]}, {"factor": 0}, {"factor": -2},
                                    {"fraction": 1.5}, {"values": pd.Series(["a", "b"])}])
def test_mix_units_rejects_bad_arguments(kwargs):
    args = {"values": pd.Series([1.0, 2.0]), "factor": 0.1, "fraction": 0.5} | kwargs
    with pytest.raises(IASanteError):
        quality.mix_units(**args)


def test_repeated_measures_structure_and_noise():
    frame = pd.DataFrame({"age": [50, 70], "fc": [60.0, 90.0], "deces": [0, 1]}, index=[10, 20])
    visits = quality.repeated_measures(frame, n_visits=3, noise={"fc": 5}, random_state=0)
    assert list(visits.columns) == ["patient_id", "visite", "age", "fc", "deces"]
    assert visits["patient_id"].tolist() == [10, 10, 10, 20, 20, 20]
    assert visits["visite"].tolist() == [1, 2, 3, 1, 2, 3]
    assert visits["age"].tolist() == [50, 50, 50, 70, 70, 70]    # not noisy: identical
    assert (visits["fc"] == visits["fc"].round()).all()           # rounded to integers
    assert visits["fc"].nunique() > 2                             # noisy
    assert abs(visits.loc[visits.patient_id == 20, "fc"].mean() - 90) < 15


def test_repeated_measures_variable_number_of_visits_is_seeded():
    frame = pd.DataFrame({"x": np.arange(200.0)})
    a = quality.repeated_measures(frame, n_visits=(2, 5), noise={"x": 1}, decimals=None, random_state=4)
    b = quality.repeated_measures(frame, n_visits=(2, 5), noise={"x": 1}, decimals=None, random_state=4)
    pd.testing.assert_frame_equal(a, b)
    counts = a.groupby("patient_id").size()
    assert counts.min() == 2 and counts.max() == 5 and len(counts) == 200
    assert not (a["x"] == a["x"].round()).all()  # decimals=None keeps the raw noise


@pytest.mark.parametrize("kwargs", [{"n_visits": 0}, {"n_visits": (3, 2)}, {"n_visits": "2"},
                                    {"n_visits": True}, {"noise": {"zz": 1}}, {"noise": {"x": -1}},
                                    {"noise": [1]}, {"id_column": "x"}])
def test_repeated_measures_rejects_bad_arguments(kwargs):
    args = {"frame": pd.DataFrame({"x": [1.0, 2.0]}), "n_visits": 2, "noise": {"x": 1}} | kwargs
    with pytest.raises(IASanteError):
        quality.repeated_measures(**args)

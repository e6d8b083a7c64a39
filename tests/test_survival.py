"""iasante.survival: numbers at risk and Kaplan–Meier steps checked by hand; bad input is explained."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from iasante import IASanteError, survival  # noqa: E402
from iasante.plots import OKABE_ITO  # noqa: E402

# Five patients: events at 1, 3 and 4; censored at 2 and 5.
# Kaplan–Meier by hand: S(1) = 4/5 = 0.8; S(3) = 0.8 × 2/3; S(4) = 0.8 × 2/3 × 1/2.
TIMES = [1, 2, 3, 4, 5]
EVENTS = [1, 0, 1, 1, 0]


def teardown_function():
    plt.close("all")


def test_number_at_risk_by_hand():
    # At risk at t: follow-up time ≥ t.
    assert survival.number_at_risk(TIMES, [0, 1, 2, 2.5, 5, 6]).tolist() == [5, 5, 4, 3, 1, 0]
    assert survival.number_at_risk([1, 2, 2, 5], [0, 2, 3]).tolist() == [4, 3, 1]


def test_kaplan_meier_steps_match_hand_computation():
    ax = survival.plot_kaplan_meier(TIMES, EVENTS, ci=False, at_risk=False)
    line = ax.get_lines()[0]
    steps = dict(zip(line.get_xdata(), line.get_ydata(), strict=True))
    assert steps[0] == 1.0
    assert steps[1] == pytest.approx(0.8)
    assert steps[2] == pytest.approx(0.8)
    assert steps[3] == pytest.approx(0.8 * 2 / 3)
    assert steps[4] == pytest.approx(0.8 * 2 / 3 / 2)
    assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
    assert ax.get_ylim() == (0, 1.02)


def test_censoring_marks_sit_on_the_curve():
    ax = survival.plot_kaplan_meier(TIMES, EVENTS, ci=False, at_risk=False)
    marks = ax.get_lines()[1]
    assert marks.get_xdata().tolist() == [2, 5]
    assert np.allclose(marks.get_ydata(), [0.8, 0.8 * 2 / 3 / 2])


def test_groups_colours_legend_and_at_risk_table():
    durations = [1, 2, 3, 4, 5, 2, 4, 6]
    events = [1, 0, 1, 1, 0, 1, 1, 0]
    groups = ["a"] * 5 + ["b"] * 3
    ax = survival.plot_kaplan_meier(durations, events, groups, labels={"a": "groupe A", "b": "groupe B"},
                                    times=[0, 2, 4])
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["groupe A (n = 5)", "groupe B (n = 3)"]
    curves = [line for line in ax.get_lines() if line.get_linestyle() == "-"]
    assert [c.get_color() for c in curves] == [OKABE_ITO["bleu"], OKABE_ITO["orange"]]
    texts = [t.get_text() for t in ax.texts]
    assert "Effectifs à risque" in texts
    # Group A at 0, 2, 4: 5, 4, 2; group B: 3, 3, 2.
    assert texts[1] == "groupe A" and texts[2:5] == ["5", "4", "2"]
    assert texts[5] == "groupe B" and texts[6:9] == ["3", "3", "2"]
    assert list(ax.get_xticks()) == [0, 2, 4]


def test_single_curve_label_and_table_without_group_name():
    ax = survival.plot_kaplan_meier(TIMES, EVENTS, label="toutes les patientes", times=[0, 3])
    assert ax.get_legend().get_texts()[0].get_text() == "toutes les patientes (n = 5)"
    assert [t.get_text() for t in ax.texts] == ["Effectifs à risque", "5", "3"]


@pytest.mark.parametrize(
    ("durations", "events", "groups"),
    [
        ([1, 2, -3], [1, 0, 1], None),
        ([1, 2, np.nan], [1, 0, 1], None),
        (["a", "b"], [1, 0], None),
        ([], [], None),
        ([1, 2, 3], [1, 0], None),
        ([1, 2, 3], [1, 2, 0], None),
        ([1, 2, 3], [1, 0, 1], ["a", "b"]),
        ([1, 2, 3], [1, 0, 1], ["a", None, "b"]),
    ],
    ids=["negative", "nan", "text", "empty", "short-events", "event-2", "short-groups", "missing-group"],
)
def test_kaplan_meier_bad_input_is_explained(durations, events, groups):
    with pytest.raises(IASanteError):
        survival.plot_kaplan_meier(durations, events, groups)


def test_forest_plot():
    ax = survival.plot_forest([0.7, 1.05, 2.2], [0.55, 1.03, 1.3], [0.9, 1.07, 3.7],
                              ["hormonothérapie", "ganglions", "grade III"])
    assert ax.get_xscale() == "log"
    assert [t.get_text() for t in ax.get_yticklabels()] == ["hormonothérapie", "ganglions", "grade III"]
    # First label at the top.
    points = ax.lines[0].get_xydata()
    assert points[0].tolist() == [0.7, 2] and points[2].tolist() == [2.2, 0]
    assert 1.0 in list(ax.get_xticks())
    assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()


@pytest.mark.parametrize(
    ("est", "lo", "hi", "labels"),
    [
        ([0.7], [0.8], [0.9], ["x"]),
        ([0.7], [0.5], [0.6], ["x"]),
        ([0.7, 1.2], [0.5], [0.9], ["x"]),
        ([0.7], [0.5], [0.9], ["x", "y"]),
        ([-0.7], [-0.9], [0.9], ["x"]),
        ([np.nan], [0.5], [0.9], ["x"]),
        (["a"], [0.5], [0.9], ["x"]),
        ([], [], [], []),
    ],
    ids=["lower-above", "upper-below", "lengths", "labels", "negative", "nan", "text", "empty"],
)
def test_forest_bad_input_is_explained(est, lo, hi, labels):
    with pytest.raises(IASanteError):
        survival.plot_forest(est, lo, hi, labels)

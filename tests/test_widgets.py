"""iasante.widgets: the pure computation agrees with iasante.metrics; the widget builds; bad input is explained."""

import matplotlib

matplotlib.use("Agg")
import math  # noqa: E402

import ipywidgets  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from iasante import IASanteError  # noqa: E402
from iasante.metrics import clinical_metrics, npv_from_prevalence, ppv_from_prevalence  # noqa: E402
from iasante.widgets import threshold_explorer, threshold_summary  # noqa: E402

RNG = np.random.default_rng(3)
Y = RNG.integers(0, 2, 300)
P = np.clip(0.3 + 0.35 * Y + RNG.normal(0, 0.2, 300), 0, 1)


def teardown_function():
    plt.close("all")


@pytest.mark.parametrize("threshold", [0.05, 0.3, 0.5, 0.77, 0.95])
def test_summary_matches_clinical_metrics(threshold):
    s = threshold_summary(Y, P, threshold, 0.01)
    expected = clinical_metrics(Y, (P >= threshold).astype(int))
    for key, value in expected.items():
        assert s[key] == pytest.approx(value, nan_ok=True), key
    assert s["threshold"] == threshold
    assert s["ppv_at_prevalence"] == pytest.approx(
        ppv_from_prevalence(expected["sensitivity"], expected["specificity"], 0.01))
    assert s["npv_at_prevalence"] == pytest.approx(
        npv_from_prevalence(expected["sensitivity"], expected["specificity"], 0.01))


def test_default_prevalence_is_the_sample_one():
    s = threshold_summary(Y, P, 0.5)
    assert s["target_prevalence"] == pytest.approx(Y.mean())
    # at the sample's own prevalence, Bayes gives back the observed predictive values
    assert s["ppv_at_prevalence"] == pytest.approx(s["ppv"])
    assert s["npv_at_prevalence"] == pytest.approx(s["npv"])


def test_ppv_falls_with_prevalence():
    low = threshold_summary(Y, P, 0.5, 0.001)["ppv_at_prevalence"]
    high = threshold_summary(Y, P, 0.5, 0.5)["ppv_at_prevalence"]
    assert low < 0.05 < 0.5 < high


def test_threshold_is_inclusive_and_extremes_work():
    s = threshold_summary([0, 1, 1], [0.2, 0.5, 0.9], 0.5)
    assert (s["tp"], s["fn"], s["fp"], s["tn"]) == (2, 0, 0, 1)
    nobody = threshold_summary(Y, P, 1.0, 0.1)
    assert nobody["sensitivity"] <= 0.05 and nobody["specificity"] == 1.0
    assert threshold_summary(Y, P, 0.0)["sensitivity"] == 1.0
    empty = threshold_summary([0, 1], [0.1, 0.2], 0.9, 0.1)
    assert math.isnan(empty["ppv"]) and math.isnan(empty["ppv_at_prevalence"])


@pytest.mark.parametrize(
    "args",
    [
        (None, P, 0.5, None),
        (Y, None, 0.5, None),
        (Y[:10], P, 0.5, None),
        (Y + 1, P, 0.5, None),
        (np.zeros(20), np.linspace(0, 1, 20), 0.5, None),  # one class only
        (Y, P * 100, 0.5, None),  # percentages instead of probabilities
        (Y, P, 1.5, None),
        (Y, P, -0.1, None),
        (Y, P, "0.5", None),
        (Y, P, [0.3, 0.5], None),
        (Y, P, True, None),
        (Y, P, float("nan"), None),
        (Y, P, 0.5, 0.0),
        (Y, P, 0.5, 1.0),
        (Y, P, 0.5, 30),
        (Y, P, 0.5, "1 %"),
    ],
)
def test_bad_input_raises_french_error(args):
    with pytest.raises(IASanteError):
        threshold_summary(*args)


def test_explorer_returns_a_widget_with_two_sliders():
    widget = threshold_explorer(Y, P, 0.01, labels=("décédé", "vivant"))
    assert isinstance(widget, ipywidgets.Widget)
    sliders = [w for w in widget.children if isinstance(w, ipywidgets.FloatSlider | ipywidgets.FloatLogSlider)]
    assert len(sliders) == 2
    threshold, prevalence = sliders
    assert (threshold.min, threshold.max, threshold.value) == (0.05, 0.95, 0.5)
    assert prevalence.value == pytest.approx(0.01)
    assert prevalence.min == pytest.approx(-3) and 10 ** prevalence.max == pytest.approx(0.5)
    threshold.value = 0.3  # redraws without error
    prevalence.value = 0.2


def test_explorer_default_prevalence_and_bad_input():
    widget = threshold_explorer(Y, P)
    slider = [w for w in widget.children if isinstance(w, ipywidgets.FloatLogSlider)][0]
    assert slider.value == pytest.approx(Y.mean())
    with pytest.raises(IASanteError):
        threshold_explorer(Y, P, 2.0)
    with pytest.raises(IASanteError):
        threshold_explorer(Y, None)
    with pytest.raises(IASanteError):
        threshold_explorer(Y, P, labels="décédé")

"""iasante.plots: every figure has a title and labelled axes; bad input is explained."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from iasante import IASanteError, plots  # noqa: E402
from iasante.metrics import decision_curve  # noqa: E402

RNG = np.random.default_rng(1)
Y = RNG.integers(0, 2, 200)
P = np.clip(0.25 + 0.5 * Y + RNG.normal(0, 0.2, 200), 0, 1)


def teardown_function():
    plt.close("all")


def _labelled(ax):
    return ax.get_title() and ax.get_xlabel() and ax.get_ylabel()


def test_style_uses_okabe_ito():
    plots.set_style()
    colours = [c["color"] for c in matplotlib.rcParams["axes.prop_cycle"]]
    assert colours[:3] == ["#0072B2", "#E69F00", "#009E73"]


@pytest.mark.parametrize(
    "draw",
    [
        lambda: plots.plot_confusion_matrix(Y, (P > 0.5).astype(int)),
        lambda: plots.plot_roc(Y, P),
        lambda: plots.plot_calibration(Y, P),
        lambda: plots.plot_decision_curve(decision_curve(Y, P)),
    ],
)
def test_figures_are_labelled(draw):
    assert _labelled(draw())


def test_confusion_matrix_counts_in_clinical_words():
    ax = plots.plot_confusion_matrix([1, 1, 0, 0, 0], [1, 0, 0, 0, 1])
    texts = sorted(t.get_text() for t in ax.texts)
    assert texts == sorted(["1\nVrais positifs (VP)", "1\nFaux négatifs (FN)",
                            "1\nFaux positifs (FP)", "2\nVrais négatifs (VN)"])


def test_roc_legend_has_auc():
    ax = plots.plot_roc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])
    assert "AUC = 0.750" in ax.get_legend().get_texts()[0].get_text()


def test_bad_inputs():
    with pytest.raises(IASanteError, match="deux classes"):
        plots.plot_roc([1, 1], [0.2, 0.3])
    with pytest.raises(IASanteError, match="decision_curve"):
        plots.plot_decision_curve([1, 2, 3])

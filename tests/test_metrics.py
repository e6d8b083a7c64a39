"""iasante.metrics against textbook values and scikit-learn."""

import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import confusion_matrix, precision_score, recall_score

from iasante import IASanteError
from iasante.metrics import (
    clinical_metrics,
    decision_curve,
    expected_calibration_error,
    net_benefit,
    npv_from_prevalence,
    ppv_from_prevalence,
)

RNG = np.random.default_rng(0)
Y_TRUE = RNG.integers(0, 2, 300)
Y_SCORE = np.clip(Y_TRUE * 0.3 + RNG.uniform(0, 0.7, 300), 0, 1)
Y_PRED = (Y_SCORE >= 0.5).astype(int)


def test_textbook_ppv_npv():
    # Se = Sp = 0.9, prevalence 1 % -> PPV 0.083 (Altman & Bland 1994)
    assert round(ppv_from_prevalence(0.9, 0.9, 0.01), 3) == 0.083
    assert round(npv_from_prevalence(0.9, 0.9, 0.01), 4) == 0.9989
    # prevalence 50 %, Se = Sp -> PPV = NPV = Se
    assert ppv_from_prevalence(0.8, 0.8, 0.5) == pytest.approx(0.8)
    assert npv_from_prevalence(0.8, 0.8, 0.5) == pytest.approx(0.8)


def test_ppv_vectorised_and_monotone():
    prev = np.linspace(0.001, 0.5, 50)
    ppv = ppv_from_prevalence(0.9, 0.9, prev)
    assert ppv.shape == prev.shape and np.all(np.diff(ppv) > 0)


def test_clinical_metrics_match_sklearn():
    m = clinical_metrics(Y_TRUE, Y_PRED)
    tn, fp, fn, tp = confusion_matrix(Y_TRUE, Y_PRED).ravel()
    assert (m["tp"], m["fp"], m["fn"], m["tn"]) == (tp, fp, fn, tn)
    assert m["sensitivity"] == pytest.approx(recall_score(Y_TRUE, Y_PRED))
    assert m["specificity"] == pytest.approx(recall_score(Y_TRUE, Y_PRED, pos_label=0))
    assert m["ppv"] == pytest.approx(precision_score(Y_TRUE, Y_PRED))
    assert m["npv"] == pytest.approx(precision_score(Y_TRUE, Y_PRED, pos_label=0))
    assert m["accuracy"] == pytest.approx(np.mean(Y_TRUE == Y_PRED))


def test_clinical_metrics_undefined_is_nan():
    m = clinical_metrics([0, 0, 1], [0, 0, 0])
    assert np.isnan(m["ppv"]) and m["sensitivity"] == 0 and m["npv"] == pytest.approx(2 / 3)


def test_clinical_metrics_accepts_pandas_and_bool():
    m = clinical_metrics(pd.Series([True, False, True]), np.array([1, 0, 0]))
    assert m["sensitivity"] == 0.5


def test_net_benefit_by_hand():
    # 10 patients, 4 events; at threshold 0.2 the model treats 5: 3 TP, 2 FP
    y = [1, 1, 1, 1, 0, 0, 0, 0, 0, 0]
    s = [0.9, 0.8, 0.7, 0.1, 0.6, 0.5, 0.1, 0.1, 0.1, 0.1]
    assert net_benefit(y, s, 0.2) == pytest.approx(3 / 10 - 2 / 10 * 0.25)


def test_decision_curve_columns_and_reference_strategies():
    curve = decision_curve(Y_TRUE, Y_SCORE, [0.1, 0.2, 0.5])
    assert list(curve.columns) == ["threshold", "model", "treat_all", "treat_none"]
    prev = Y_TRUE.mean()
    assert curve["treat_all"].tolist() == pytest.approx([prev - (1 - prev) * t / (1 - t) for t in [0.1, 0.2, 0.5]])
    assert (curve["treat_none"] == 0).all()
    # treating everyone (score 1 for all) gives exactly the treat-all net benefit
    all_one = decision_curve(Y_TRUE, np.ones_like(Y_SCORE, dtype=float), [0.1, 0.3])
    assert all_one["model"].tolist() == pytest.approx(all_one["treat_all"].tolist())
    assert len(decision_curve(Y_TRUE, Y_SCORE)) == 99


def test_ece_by_hand_and_perfect():
    y = [0, 1, 1, 0]
    p = [0.1, 0.9, 0.4, 0.4]
    # bins: 0.1 -> bin 1 (|0 - 0.1|), 0.9 -> bin 9 (|1 - 0.9|), 0.4 x2 -> bin 4 (|0.5 - 0.4|)
    assert expected_calibration_error(y, p, 10) == pytest.approx(0.25 * 0.1 + 0.25 * 0.1 + 0.5 * 0.1)
    assert expected_calibration_error([0, 1], [0.0, 1.0]) == 0.0


@pytest.mark.parametrize(
    "call, words",
    [
        (lambda: clinical_metrics([0, 1, 2], [0, 1, 1]), "seulement 0"),
        (lambda: clinical_metrics([0, 1], [0, 1, 1]), "même longueur"),
        (lambda: clinical_metrics(None, [0]), "vide"),
        (lambda: clinical_metrics("0101", [0, 1, 0, 1]), "liste ou un tableau"),
        (lambda: clinical_metrics([], []), "vide"),
        (lambda: clinical_metrics([0, np.nan], [0, 1]), "NaN"),
        (lambda: clinical_metrics([[0, 1], [1, 0]], [[0, 1], [1, 0]]), "une dimension"),
        (lambda: ppv_from_prevalence(0.9, 0.9, 5), "pourcentage"),
        (lambda: ppv_from_prevalence(0.9, "abc", 0.1), "entre 0 et 1"),
        (lambda: npv_from_prevalence(float("nan"), 0.9, 0.1), "NaN"),
        (lambda: net_benefit([0, 1], [0.2, 0.8], 1.0), "strictement"),
        (lambda: decision_curve([0, 1], [0.2, 0.8], [0.0, 0.5]), "strictement"),
        (lambda: expected_calibration_error([0, 1], [0.2, 1.5]), "entre 0 et 1"),
        (lambda: expected_calibration_error([0, 1], [0.2, 0.5], n_bins=0), "entier positif"),
    ],
)
def test_bad_input_gets_french_error(call, words):
    with pytest.raises(IASanteError, match=words):
        call()


def test_error_renders_without_traceback_in_ipython():
    err = IASanteError("« x » est vide.")
    assert err._render_traceback_() == ["❌ Erreur : « x » est vide."]


def test_course_warnings_are_one_french_line_on_stdout(capsys):
    import warnings

    from iasante import IASanteWarning
    from iasante._errors import _install_warning_display

    seen = []
    with warnings.catch_warnings():
        warnings.simplefilter("always")
        warnings.showwarning = lambda message, category, *args, **kwargs: seen.append(category)
        _install_warning_display()  # as importing iasante does, over whatever display is in place
        warnings.warn("la soumission contient des classes.", IASanteWarning, stacklevel=1)
        warnings.warn("autre avertissement", RuntimeWarning, stacklevel=1)
    assert capsys.readouterr().out == "⚠️ Attention : la soumission contient des classes.\n"
    assert seen == [RuntimeWarning]  # other warnings keep their usual display


def test_bootstrap_ci_agrees_with_a_plain_loop():
    from sklearn.metrics import roc_auc_score

    from iasante.metrics import bootstrap_ci

    ci = bootstrap_ci(Y_TRUE, Y_SCORE, n_boot=200, random_state=3)
    idx = np.random.default_rng(3).integers(0, Y_TRUE.size, size=(200, Y_TRUE.size))
    loop = [roc_auc_score(Y_TRUE[i], Y_SCORE[i]) for i in idx]
    assert ci["samples"] == pytest.approx(loop)
    assert ci["estimate"] == pytest.approx(roc_auc_score(Y_TRUE, Y_SCORE))
    assert (ci["low"], ci["high"]) == pytest.approx(tuple(np.percentile(loop, [2.5, 97.5])))
    by_callable = bootstrap_ci(Y_TRUE, Y_SCORE, metric=roc_auc_score, n_boot=200, random_state=3)
    assert by_callable["samples"] == pytest.approx(loop)
    with pytest.raises(IASanteError, match="n_boot"):
        bootstrap_ci(Y_TRUE, Y_SCORE, n_boot=5)
    with pytest.raises(IASanteError, match="deux classes"):
        bootstrap_ci([1, 1, 1], [0.2, 0.3, 0.4])
    with pytest.raises(IASanteError, match="metric"):
        bootstrap_ci(Y_TRUE, Y_SCORE, metric="f1")

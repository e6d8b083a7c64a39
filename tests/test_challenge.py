"""iasante.challenge: scores against scikit-learn/SciPy, validation messages, thresholds, leaderboard."""

import os
import warnings

import numpy as np
import pandas as pd
import pytest
from scipy.stats import spearmanr
from sklearn.metrics import balanced_accuracy_score, brier_score_loss, f1_score, roc_auc_score

from iasante import IASanteError
from iasante import challenge as ch
from iasante.challenge import (
    Challenge,
    ChallengeWarning,
    Leaderboard,
    choose_threshold,
    get_challenge,
    hidden_labels,
    paired_difference,
    register_challenge,
    score,
    score_submission,
    validate_submission,
)

RNG = np.random.default_rng(0)
Y = RNG.integers(0, 2, 200)
P = np.clip(0.3 * Y + 0.7 * RNG.random(200), 0, 1)
P[:20] = np.round(P[:20], 1)  # some ties


# ------------------------------------------------------------------- AUC
def test_auc_score_matches_sklearn_and_hand_values():
    result = score(Y, P, n_boot=200)
    assert result["metric"] == "auc" and result["n"] == 200
    assert result["auc"] == pytest.approx(roc_auc_score(Y, P)) and result["score"] == result["auc"]
    assert result["brier"] == pytest.approx(brier_score_loss(Y, P))
    assert result["sensitivity_05"] == pytest.approx(np.mean(P[Y == 1] >= 0.5))
    assert result["specificity_05"] == pytest.approx(np.mean(P[Y == 0] < 0.5))
    assert result["threshold"] == 0.5 and result["sensitivity_threshold"] == result["sensitivity_05"]
    assert result["hard_labels"] is False
    small = score([0, 0, 1, 1] * 3, [0.1, 0.4, 0.35, 0.8] * 3, n_boot=100)
    assert small["auc"] == 0.75 and small["sensitivity_05"] == 0.5 and small["specificity_05"] == 1.0


def test_auc_threshold_fixed_beforehand():
    result = score(Y, P, threshold=0.3, n_boot=100)
    assert result["threshold"] == 0.3
    assert result["sensitivity_threshold"] == pytest.approx(np.mean(P[Y == 1] >= 0.3))
    assert result["specificity_threshold"] == pytest.approx(np.mean(P[Y == 0] < 0.3))
    for bad in (1.5, -0.1, "0.5", True):
        with pytest.raises(IASanteError, match="seuil"):
            score(Y, P, threshold=bad, n_boot=100)


def test_bootstrap_interval_matches_a_plain_loop_and_is_seeded():
    result = score(Y, P, n_boot=300, random_state=7)
    idx = np.random.default_rng(7).integers(0, len(Y), size=(300, len(Y)))
    loop = [roc_auc_score(Y[i], P[i]) for i in idx]
    low, high = np.percentile(loop, [2.5, 97.5])
    assert result["ci_low"] == pytest.approx(low) and result["ci_high"] == pytest.approx(high)
    assert result["ci_low"] < result["auc"] < result["ci_high"]
    assert score(Y, P, n_boot=300, random_state=7) == result
    assert score(Y, P, n_boot=300, random_state=8)["ci_low"] != result["ci_low"]
    wider = score(Y, P, n_boot=300, random_state=7, confidence=0.99)
    assert wider["ci_low"] <= result["ci_low"] and wider["ci_high"] >= result["ci_high"]


def test_bootstrap_in_blocks_gives_the_same_values(monkeypatch):
    reference = score(Y, P, n_boot=250)
    monkeypatch.setattr(ch, "_CHUNK", 1000)  # 5 resamples per block
    assert score(Y, P, n_boot=250) == reference


def test_resamples_with_one_class_are_skipped_with_a_warning():
    with pytest.warns(ChallengeWarning, match="rééchantillonnages"):
        result = score([0, 0, 0, 0, 1], [0.1, 0.2, 0.3, 0.4, 0.9], n_boot=200)
    assert result["auc"] == 1.0 and np.isfinite(result["ci_low"])


# ------------------------------------------------------- other metrics
def test_spearman_matches_scipy():
    y = RNG.normal(6, 1, 80)
    s = np.round(y + RNG.normal(0, 0.8, 80), 1)  # ties in the predictions
    result = score(y, s, "spearman", n_boot=200)
    assert result["spearman"] == pytest.approx(spearmanr(y, s).statistic)
    assert result["rmse"] == pytest.approx(np.sqrt(np.mean((y - s) ** 2)))
    assert result["mae"] == pytest.approx(np.mean(np.abs(y - s)))
    idx = np.random.default_rng(0).integers(0, 80, size=(200, 80))
    loop = [spearmanr(y[i], s[i]).statistic for i in idx]
    assert result["ci_low"] == pytest.approx(np.percentile(loop, 2.5))
    with pytest.raises(IASanteError, match="seuil"):
        score(y, s, "spearman", threshold=0.5, n_boot=100)


def test_macro_f1_matches_sklearn_with_text_labels():
    classes = np.array(["assis", "debout", "marche", "allongé"])
    y = classes[RNG.integers(0, 4, 150)]
    s = np.where(RNG.random(150) < 0.7, y, classes[RNG.integers(0, 3, 150)])  # "allongé" rarely predicted
    result = score(y, s, "macro_f1", n_boot=150)
    assert result["macro_f1"] == pytest.approx(f1_score(y, s, average="macro"))
    assert result["accuracy"] == pytest.approx(np.mean(y == s))
    assert result["balanced_accuracy"] == pytest.approx(balanced_accuracy_score(y, s))
    idx = np.random.default_rng(0).integers(0, 150, size=(150, 150))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        loop = [f1_score(y[i], s[i], average="macro") for i in idx]
    assert result["ci_low"] == pytest.approx(np.percentile(loop, 2.5))
    assert result["ci_high"] == pytest.approx(np.percentile(loop, 97.5))


def test_unknown_metric_and_bad_bootstrap_settings():
    with pytest.raises(IASanteError, match="Métrique inconnue"):
        score(Y, P, "accuracy")
    for kwargs in ({"n_boot": 10}, {"n_boot": 1000.0}, {"confidence": 95}, {"random_state": "0"}):
        with pytest.raises(IASanteError):
            score(Y, P, **kwargs)


# ------------------------------------------------------------ validation
@pytest.mark.parametrize(("bad", "match"), [
    (None, "vide"),
    ("0.5", "liste ou un tableau"),
    ({"a": 0.5}, "liste ou un tableau"),
    (np.full(199, 0.5), "1 en moins"),
    (np.full(201, 0.5), "1 en trop"),
    (np.r_[np.nan, np.full(199, 0.5)], "NaN"),
    (np.r_[np.inf, np.full(199, 0.5)], "infinies"),
    (np.full(200, 50.0), "pourcentages"),
    (np.r_[-2.0, np.full(199, 0.5)], "decision_function"),
    (np.full((200, 2), 0.5), r"\[:, 1\]"),
    (np.full((200, 3), 0.5), "une dimension"),
    (np.array(["a"] * 200), "nombres"),
    (pd.DataFrame({"a": np.full(200, 0.5), "b": np.full(200, 0.5)}), "une seule colonne"),
], ids=["none", "text", "dict", "short", "long", "nan", "inf", "percent", "negative", "two-columns", "matrix",
        "strings", "frame"])
def test_invalid_submissions_are_refused_in_french(bad, match):
    with pytest.raises(IASanteError, match=match):
        validate_submission(bad, n_expected=200)


def test_accepted_formats():
    expected = P.copy()
    assert np.array_equal(validate_submission(list(P), 200), expected)
    assert np.array_equal(validate_submission(pd.Series(P), 200), expected)
    assert np.array_equal(validate_submission(pd.DataFrame({"proba": P}), 200), expected)
    assert np.array_equal(validate_submission(P[:, None], 200), expected)
    assert validate_submission(P).shape == (200,)


def test_hard_labels_are_accepted_with_a_warning():
    with pytest.warns(ChallengeWarning, match="0 et des 1"):
        values = validate_submission(Y, 200)
    assert values.dtype == float
    with pytest.warns(ChallengeWarning, match="0 et des 1"):
        result = score(Y, Y.astype(bool), n_boot=100)
    assert result["hard_labels"] is True and result["auc"] == 1.0
    hard = (P >= 0.5).astype(int)
    with pytest.warns(ChallengeWarning):
        degenerate = score(Y, hard, n_boot=100)
    sens, spec = np.mean(hard[Y == 1]), np.mean(1 - hard[Y == 0])
    assert degenerate["auc"] == pytest.approx((sens + spec) / 2)  # one point of the ROC curve


def test_constant_predictions_warn():
    with pytest.warns(ChallengeWarning, match="identiques"):
        result = score(Y, np.full(200, 0.3), n_boot=100)
    assert result["auc"] == 0.5


def test_labels_of_a_classification_submission():
    with pytest.raises(IASanteError, match="Classes inconnues"):
        validate_submission(["a", "b", "z"], 3, "macro_f1", classes=["a", "b"])
    with pytest.raises(IASanteError, match="manquantes"):
        validate_submission(["a", None, "b"], 3, "macro_f1")
    with pytest.warns(ChallengeWarning, match="même classe"):
        validate_submission(["a", "a", "a"], 3, "macro_f1")


def test_bad_truth():
    with pytest.raises(IASanteError, match="0 .*et 1"):
        score([0, 1, 2], [0.1, 0.5, 0.9], n_boot=100)
    with pytest.raises(IASanteError, match="deux classes"):
        score([1, 1, 1], [0.1, 0.5, 0.9], n_boot=100)


# ------------------------------------------------------------- threshold
def test_threshold_for_a_minimum_sensitivity():
    y = np.array([0, 0, 0, 1, 1, 1, 1])
    s = np.array([0.1, 0.5, 0.7, 0.2, 0.6, 0.8, 0.9])
    assert choose_threshold(y, s, min_sensitivity=0.75) == 0.6  # 3 of 4 positives ≥ 0.6
    assert choose_threshold(y, s, min_sensitivity=1.0) == 0.2
    assert choose_threshold(y, s, min_sensitivity=0.25) == 0.9
    for target in (0.5, 0.8, 0.95):
        t = choose_threshold(Y, P, min_sensitivity=target)
        assert np.mean(P[Y == 1] >= t) >= target
        higher = P[P > t]
        if higher.size:
            assert np.mean(P[Y == 1] >= higher.min()) < target  # the highest such threshold


def test_youden_threshold_is_the_best_by_brute_force():
    t = choose_threshold(Y, P)
    def youden(c):
        return np.mean(P[Y == 1] >= c) + np.mean(P[Y == 0] < c) - 1
    assert youden(t) == pytest.approx(max(youden(c) for c in np.unique(P)))
    with pytest.raises(IASanteError, match="même longueur"):
        choose_threshold(Y, P[:10])
    with pytest.raises(IASanteError, match="proportion"):
        choose_threshold(Y, P, min_sensitivity=95)


# --------------------------------------------------------- paired tests
def test_paired_difference():
    same = paired_difference(Y, P, P, n_boot=200)
    assert same["difference"] == 0 and same["ci_low"] == 0 and same["ci_high"] == 0
    noisy = np.clip(P + RNG.normal(0, 0.3, 200), 0, 1)
    diff = paired_difference(Y, P, noisy, n_boot=300)
    a, b = score(Y, P, n_boot=300), score(Y, noisy, n_boot=300)
    assert diff["difference"] == pytest.approx(a["auc"] - b["auc"])
    assert diff["ci_low"] > 0 and 0.9 < diff["share_a_better"] <= 1
    reverse = paired_difference(Y, noisy, P, n_boot=300)
    assert reverse["ci_high"] == pytest.approx(-diff["ci_low"])


# ------------------------------------------------------------ challenges
def test_scancovid_uses_the_official_test_split():
    spec = get_challenge("scancovid")
    images, labels = spec.load_test()
    assert spec.metric == "auc" and images.shape == (624, 28, 28)
    assert np.array_equal(hidden_labels("scancovid"), labels) and labels.sum() == 390
    perfect = score_submission("Oracle", labels * 0.9 + 0.05, n_boot=100)
    assert perfect["team"] == "Oracle" and perfect["challenge"] == "ScanCovid-IA" and perfect["auc"] == 1.0
    with pytest.raises(IASanteError, match="624 sont attendues, une par image du jeu de test"):
        score_submission("Équipe", np.full(524, 0.5))
    with pytest.raises(IASanteError, match="nom de l'équipe"):
        score_submission("", labels * 0.5)


def test_registry():
    with pytest.raises(IASanteError, match="Défi inconnu"):
        get_challenge("covidrug")
    spec = Challenge("demo-test", "Démo", "spearman", "test", lambda: (None, np.arange(5.0)))
    assert register_challenge(spec) is spec and register_challenge(spec) is spec
    with pytest.raises(ValueError, match="twice"):
        register_challenge(Challenge("demo-test", "Autre", "auc", "test", lambda: (None, np.arange(2))))
    with pytest.raises(IASanteError, match="Métrique inconnue"):
        register_challenge(Challenge("demo-bad", "Démo", "kappa", "test", lambda: (None, None)))
    ch.CHALLENGES.pop("demo-test")


# ----------------------------------------------------------- leaderboard
@pytest.fixture
def board():
    b = Leaderboard(None, y_true=Y, n_boot=200, title="test")
    b.submit("Référence", P, reference=True, model="baseline")
    b.submit("Bruit", np.clip(P + RNG.normal(0, 0.4, 200), 0, 1))
    b.submit("Copie A", P, threshold=0.4)
    b.submit("Copie B", P.copy())
    return b


def test_leaderboard_ranks_teams_with_ties_and_an_unranked_reference(board):
    table = board.table()
    assert list(table.columns[:5]) == ["rang", "modèle", "AUC", "IC 95 % bas", "IC 95 % haut"]
    assert table.index.tolist() == ["Copie A", "Copie B", "Référence", "Bruit"]
    assert table["rang"].tolist()[:2] == [1, 1] and pd.isna(table.loc["Référence", "rang"])
    assert table.loc["Bruit", "rang"] == 3
    assert table.loc["Copie A", "seuil choisi"] == 0.4 and table.loc["Copie B", "seuil choisi"] == 0.5
    assert table["AUC"].is_monotonic_decreasing
    assert board.result("Copie A")["auc"] == pytest.approx(roc_auc_score(Y, P))
    assert len(board) == 4 and "Bruit" in board and board.teams[0] == "Référence"


def test_one_final_submission_per_team(board):
    with pytest.raises(IASanteError, match="une seule soumission"):
        board.submit("Bruit", P)
    board.submit("Bruit", P, replace=True)
    assert board.table().loc["Bruit", "soumissions"] == 2 and board.table().loc["Bruit", "rang"] == 1
    with pytest.raises(IASanteError, match="624|200"):
        board.submit("Nouvelle", P[:50])
    assert "Nouvelle" not in board  # a refused submission is not recorded


def test_leaderboard_show_and_compare(board):
    html = board.show().to_html()
    for text in ("Copie A", "réf.", "[", "Classement test", "AUC"):
        assert text in html
    duel = board.compare("Copie A", "Copie B")
    assert duel["difference"] == 0 and duel["ci_low"] == duel["ci_high"] == 0
    assert board.compare("Copie A", "Bruit")["ci_low"] > 0
    with pytest.raises(IASanteError, match="Aucune soumission"):
        board.compare("Copie A", "Fantôme")


def test_leaderboard_stays_in_memory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    b = Leaderboard(n_boot=100)
    assert b.title == "ScanCovid-IA" and b.y_true.size == 624
    empty = b.table()
    assert empty.empty and "rang" in empty.columns
    b.submit("Équipe", hidden_labels() * 0.8 + 0.1)
    assert "ScanCovid-IA — AUC sur 624 images de test" in b.show().to_html()
    assert os.listdir(tmp_path) == []


def test_leaderboard_other_metrics():
    y = np.array(["a", "b", "c"] * 20)
    b = Leaderboard(None, y_true=y, metric="macro_f1", n_boot=100)
    b.submit("Parfaite", y)
    with pytest.warns(ChallengeWarning, match="même classe"):
        b.submit("Constante", np.array(["a"] * 60))
    table = b.table()
    assert table.index.tolist() == ["Parfaite", "Constante"] and "exactitude équilibrée" in table.columns
    assert table.loc["Parfaite", "macro-F1"] == 1.0
    with pytest.raises(IASanteError, match="défi"):
        Leaderboard(None)

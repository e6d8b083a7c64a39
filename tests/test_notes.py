"""The synthetic French clinical notes (notebook M2.6): seeded, fast, fictitious identities, consistent ground truth."""

import re
import time
import unicodedata

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_score
from sklearn.pipeline import make_pipeline

from iasante import IASanteError, datasets
from iasante.datasets import _notes, load_clinical_notes
from iasante.text import deidentify, negated_terms, nir_is_valid

FICTION = ("0199 00", "0261 91", "0353 01", "0465 71", "0536 49", "0639 98")


@pytest.fixture(scope="module")
def notes():
    return load_clinical_notes()


def _fold(text):
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def _items(cell):
    return [x for x in cell.split(_notes.SEPARATOR) if x]


def test_registered_and_reexported(notes):
    info = datasets.DATASETS["clinical_notes"]
    assert datasets.load_clinical_notes is load_clinical_notes and info.loader is load_clinical_notes
    assert list(notes.columns) == list(info.columns) == list(_notes.NOTE_COLUMNS)
    assert len(notes) == info.n_rows == 600 and info.target == "specialty"
    assert not notes.isna().any().any()
    assert notes["note_id"].is_unique


def test_deterministic_and_seeded(notes):
    assert load_clinical_notes(random_state=0).equals(notes)
    other = load_clinical_notes(random_state=1)
    assert not other["text"].equals(notes["text"])
    assert load_clinical_notes(5, random_state=0)["text"].tolist() == notes["text"].head(5).tolist()


def test_fast():
    start = time.perf_counter()
    big = load_clinical_notes(10_000, random_state=3)
    assert time.perf_counter() - start < 5.0
    assert len(big) == 10_000


def test_labels_balanced_and_described(notes):
    shares = notes["specialty"].value_counts(normalize=True)
    assert set(shares.index) == set(_notes.SPECIALTIES) and shares.between(0.2, 0.3).all()
    assert set(notes["note_type"]) == set(_notes.NOTE_TYPES)
    assert set(notes["secondary_specialty"]) == {*_notes.SPECIALTIES, "aucune"}
    assert (notes["secondary_specialty"] != notes["specialty"]).all()
    assert 0.4 < (notes["secondary_specialty"] != "aucune").mean() < 0.6
    for col in ("fever", "dyspnea"):
        assert set(notes[col]) == set(_notes.STATUSES)


def test_ground_truth_of_findings_matches_the_text(notes):
    words = {"fever": r"\b(fievre|febrile)", "dyspnea": r"\bdyspnee"}
    synonyms = {"fever": r"\b(apyretique|afebrile)", "dyspnea": r"\beupneique"}
    for col, pattern in words.items():
        for text, status in zip(notes["text"], notes[col], strict=True):
            folded = _fold(text)
            if status == "non mentionné":
                assert not re.search(pattern, folded), text
                assert not re.search(synonyms[col], folded), text


def test_negation_rules_beat_keywords_but_are_not_perfect(notes):
    truth = notes["fever"].eq("affirmé")
    keyword = notes["text"].map(lambda t: bool(re.search(r"\b(fièvre|fébrile)", t, re.I)))
    rules = notes["text"].map(lambda t: "affirmé" in negated_terms(t, ["fièvre", "fébrile"]).values())
    kw_precision = (keyword & truth).sum() / keyword.sum()
    rules_precision = (rules & truth).sum() / rules.sum()
    assert kw_precision < 0.3 and rules_precision > 0.9
    assert 0.6 < (rules & truth).sum() / truth.sum() < 1.0  # the traps are missed


def test_identifiers_are_in_the_text_and_fictitious(notes):
    for row in notes.itertuples():
        for col in ("names", "dates", "phones", "emails", "nirs"):
            for item in _items(getattr(row, col)):
                assert item in row.text, (col, item)
        for phone in _items(row.phones):
            digits = re.sub(r"\D", "", phone)
            national = "0" + digits[2:] if digits.startswith("33") else digits
            assert len(national) == 10 and f"{national[:4]} {national[4:6]}" in FICTION, phone
        for email in _items(row.emails):
            assert email.endswith("@hopital.example")


def test_nirs_mostly_valid_some_with_errors_or_without_key(notes):
    nirs = [re.sub(r"[ .]", "", n) for cell in notes["nirs"] for n in _items(cell)]
    full = [n for n in nirs if len(n) == 15]
    without_key = [n for n in nirs if len(n) == 13]
    assert len(full) + len(without_key) == len(nirs) > 250
    valid = np.mean([nir_is_valid(n) for n in full])
    assert 0.85 < valid < 0.97  # about 8 % mistyped
    assert 0.05 < len(without_key) / len(nirs) < 0.15
    assert any(n[5:7] in {"2A", "2B"} for n in full)


def test_rule_based_deidentification_leaves_a_residual_risk(notes):
    leaks = {col: 0 for col in ("names", "dates", "phones", "emails", "nirs")}
    totals = dict.fromkeys(leaks, 0)
    for row in notes.itertuples():
        out = deidentify(row.text)
        for col in leaks:
            for item in _items(getattr(row, col)):
                totals[col] += 1
                leaks[col] += item in out
    assert leaks["phones"] == leaks["emails"] == 0
    for col in ("names", "dates", "nirs"):  # relatives, dates without year, NIRs without key
        assert 0 < leaks[col] / totals[col] < 0.15, (col, leaks[col], totals[col])


def test_classification_is_learnable_but_not_trivial(notes):
    model = make_pipeline(TfidfVectorizer(), LogisticRegression(max_iter=1000))
    cv = StratifiedKFold(5, shuffle=True, random_state=0)
    f1 = cross_val_score(model, notes["text"], notes["specialty"], cv=cv, scoring="f1_macro").mean()
    assert 0.8 < f1 < 0.98


@pytest.mark.parametrize("kwargs", [{"n_notes": 0}, {"n_notes": 2.5}, {"n_notes": "600"}, {"n_notes": True},
                                    {"random_state": -1}, {"random_state": 1.0}, {"random_state": None}],
                         ids=lambda v: repr(v))
def test_bad_arguments_are_french_errors(kwargs):
    with pytest.raises(IASanteError):
        load_clinical_notes(**kwargs)

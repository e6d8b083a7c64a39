"""Quizzes: well formed, one right answer among three or four, every answer explained, the module covered."""

import json
from importlib import resources

import pytest

from iasante import IASanteError
from iasante.quiz import load_quiz, validate_quiz

QUIZ_DIR = resources.files("iasante") / "data" / "quizzes"
MODULES = sorted(p.name[:-5] for p in QUIZ_DIR.iterdir() if p.name.endswith(".json"))

#: what each module's quiz must touch (words searched in questions, answers and feedback)
TOPICS = {
    "m1": ("entraînement", "surapprentissage", "validation croisée", "prévalence", "calibration",
           "décision", "shap", "équité"),
    "m2": ("omop", "cim-10", "fhir", "snds", "mnar", "fuite", "précision à k", "kaplan-meier", "cox",
           "concordance", "benjamini", "lasso", "nir", "négation", "pseudonymisation", "hds", "halluciner"),
    "m3": ("uh", "dicom", "otsu", "dice", "glcm", "validation", "convolution", "augment", "occlusion",
           "shap", "raccourci", "contraste", "covid"),
}


def _raw(module: str) -> list[dict]:
    return json.loads((QUIZ_DIR / f"{module}.json").read_text(encoding="utf-8"))


def test_validate_quiz_finds_problems():
    good = [{"question": "Q ?", "type": "multiple_choice",
             "answers": [{"answer": "a", "correct": True, "feedback": "Oui."},
                         {"answer": "b", "correct": False, "feedback": "Non."}]}]
    assert validate_quiz(good) == []
    bad = [{"question": "Q ?", "type": "multiple_choice",
            "answers": [{"answer": "a", "correct": True, "feedback": ""},
                        {"answer": "b", "correct": True, "feedback": "x"}]}]
    problems = validate_quiz(bad)
    assert any("feedback" in p for p in problems) and any("bonnes réponses" in p for p in problems)
    assert validate_quiz([]) == ["la liste de questions est vide"]


def test_every_taught_module_has_a_quiz():
    assert {"m1", "m2", "m3"} <= set(MODULES)


@pytest.mark.parametrize("module", MODULES)
def test_quiz_is_valid_and_long_enough(module):
    questions = _raw(module)
    assert validate_quiz(questions) == []
    assert len(questions) >= 10
    assert load_quiz(module) == questions


@pytest.mark.parametrize("module", MODULES)
def test_one_right_answer_among_three_or_four(module):
    for i, q in enumerate(_raw(module), 1):
        assert q["type"] == "multiple_choice", i
        assert 3 <= len(q["answers"]) <= 4, i
        assert all(isinstance(a["correct"], bool) for a in q["answers"]), i
        assert sum(a["correct"] for a in q["answers"]) == 1, i


@pytest.mark.parametrize("module", MODULES)
def test_feedback_explains_every_answer(module):
    for q in _raw(module):
        texts = [a["answer"] for a in q["answers"]]
        assert len(set(texts)) == len(texts), q["question"]
        for a in q["answers"]:
            feedback = a["feedback"].strip()
            assert len(feedback) >= 40, feedback
            assert feedback.startswith("Exact" if a["correct"] else "Non"), feedback


@pytest.mark.parametrize("module", sorted(TOPICS))
def test_quiz_covers_the_module(module):
    text = " ".join(q["question"] + " " + " ".join(a["answer"] + " " + a["feedback"] for a in q["answers"])
                    for q in _raw(module)).lower()
    missing = [topic for topic in TOPICS[module] if topic not in text]
    assert not missing, missing


def test_unknown_quiz():
    with pytest.raises(IASanteError, match="quiz inconnu"):
        load_quiz("m9")

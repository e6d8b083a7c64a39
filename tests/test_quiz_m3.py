"""The module 3 quiz is well formed: enough questions, one right answer each, French feedback everywhere."""

from __future__ import annotations

import json
from importlib import resources

from iasante.quiz import load_quiz, validate_quiz


def _raw() -> list[dict]:
    path = resources.files("iasante") / "data" / "quizzes" / "m3.json"
    return json.loads(path.read_text(encoding="utf-8"))


def test_quiz_m3_is_valid_and_long_enough():
    questions = _raw()
    assert validate_quiz(questions) == []
    assert len(questions) >= 10
    assert load_quiz("m3") == questions


def test_quiz_m3_has_one_right_answer_among_three_or_four():
    for i, q in enumerate(_raw(), 1):
        assert q["type"] == "multiple_choice", i
        assert 3 <= len(q["answers"]) <= 4, i
        assert sum(a["correct"] is True for a in q["answers"]) == 1, i
        assert all(isinstance(a["correct"], bool) for a in q["answers"]), i


def test_quiz_m3_feedback_explains_every_answer():
    for q in _raw():
        texts = [a["answer"] for a in q["answers"]]
        assert len(set(texts)) == len(texts), q["question"]
        for a in q["answers"]:
            feedback = a["feedback"].strip()
            assert len(feedback) >= 40, feedback
            assert feedback.startswith("Exact" if a["correct"] else "Non"), feedback


def test_quiz_m3_covers_the_module():
    text = " ".join(q["question"] + " " + " ".join(a["answer"] + a["feedback"] for a in q["answers"])
                    for q in _raw()).lower()
    for topic in ("uh", "dicom", "otsu", "dice", "glcm", "validation", "convolution", "augment", "occlusion",
                  "shap", "raccourci", "contraste", "covid"):
        assert topic in text, topic

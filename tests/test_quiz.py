"""Quizzes: well formed, every answer explained."""

from importlib import resources

import pytest

from iasante import IASanteError
from iasante.quiz import load_quiz, validate_quiz


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


@pytest.mark.parametrize(
    "module",
    sorted(p.name[:-5] for p in (resources.files("iasante") / "data" / "quizzes").iterdir()
           if p.name.endswith(".json")),
)
def test_shipped_quizzes(module):
    questions = load_quiz(module)
    assert len(questions) >= 10


def test_unknown_quiz():
    with pytest.raises(IASanteError, match="quiz inconnu"):
        load_quiz("m9")

"""Multiple-choice quizzes that render in JupyterLab and in the HTML book.

Each module's questions live in ``iasante/data/quizzes/mN.json`` as a list of
questions in the jupyterquiz format::

    {"question": "…", "type": "multiple_choice",
     "answers": [{"answer": "…", "correct": true, "feedback": "Exact : …"}, …]}

Every answer carries a French explanation (``feedback``) shown when it is
chosen. :func:`show_quiz` displays a module's quiz with jupyterquiz (its
JavaScript is embedded in the output: no network needed).
"""

from __future__ import annotations

import json
from importlib import resources

from ._errors import IASanteError

__all__ = ["load_quiz", "show_quiz", "validate_quiz"]


def load_quiz(module: str) -> list[dict]:
    """Return the questions of a module's quiz (``"m1"`` … ``"m6"``)."""
    path = resources.files("iasante") / "data" / "quizzes" / f"{module}.json"
    if not isinstance(module, str) or not path.is_file():
        raise IASanteError(f"quiz inconnu : « {module} » (attendu « m1 » … « m6 » avec un fichier de questions).")
    questions = json.loads(path.read_text(encoding="utf-8"))
    problems = validate_quiz(questions)
    if problems:
        raise IASanteError(f"quiz {module} mal formé : " + " ; ".join(problems))
    return questions


def validate_quiz(questions: list[dict]) -> list[str]:
    """List the problems of a quiz (empty when it is well formed)."""
    problems = []
    if not isinstance(questions, list) or not questions:
        return ["la liste de questions est vide"]
    for i, q in enumerate(questions, 1):
        answers = q.get("answers", [])
        if not q.get("question") or q.get("type") not in {"multiple_choice", "many_choice"}:
            problems.append(f"question {i} : texte ou type manquant")
        if len(answers) < 2:
            problems.append(f"question {i} : moins de deux réponses")
        n_correct = sum(bool(a.get("correct")) for a in answers)
        if n_correct < 1 or (q.get("type") == "multiple_choice" and n_correct != 1):
            problems.append(f"question {i} : nombre de bonnes réponses incohérent ({n_correct})")
        if any(not str(a.get("feedback", "")).strip() for a in answers):
            problems.append(f"question {i} : une réponse sans explication (feedback)")
    return problems


def show_quiz(module: str, shuffle_answers: bool = False) -> None:
    """Display a module's quiz (interactive in JupyterLab and in the book)."""
    from jupyterquiz import display_quiz

    display_quiz(load_quiz(module), shuffle_answers=shuffle_answers, max_width=760)

"""Shared test scaffolding for the exercise registries (tests/test_exercises_*.py).

Each exercise file declares ``CASES = {exercise_id: (args, right_answers, wrong_answers)}``
and a list of ``GARBAGE`` answers, then::

    test_right, test_wrong, test_garbage = case_tests(CASES, GARBAGE)

which gives three parametrised tests: right answers are "correct", wrong ones
"incorrect" with a hint, and garbage never raises and is never "correct".
"""

import pytest

from iasante.checks import evaluate


def stable_id(value) -> str:
    """Same test id in every pytest-xdist worker (no memory addresses)."""
    text = repr(value)
    return type(value).__name__ if " at 0x" in text else text


def case_tests(cases: dict, garbage: list):
    ids = sorted(cases)

    @pytest.mark.parametrize("exercise_id", ids)
    def test_right(exercise_id):
        args, right, _ = cases[exercise_id]
        for answer in right:
            fb = evaluate(exercise_id, answer, *args)
            assert fb.status == "correct", (answer, fb.message)

    @pytest.mark.parametrize("exercise_id", ids)
    def test_wrong(exercise_id):
        args, _, wrong = cases[exercise_id]
        for answer in wrong:
            fb = evaluate(exercise_id, answer, *args)
            assert fb.status == "incorrect", (answer, fb.message)
            assert "Indice" in fb.message

    @pytest.mark.parametrize("exercise_id", ids)
    @pytest.mark.parametrize("answer", garbage, ids=stable_id)
    def test_garbage(exercise_id, answer):
        args, _, _ = cases[exercise_id]
        fb = evaluate(exercise_id, answer, *args)
        assert fb.status != "correct"

    return test_right, test_wrong, test_garbage

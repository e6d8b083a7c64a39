"""Automatic feedback for exercises.

Each exercise of the course has an id such as ``"m1.ex3"`` (module 1,
exercise 3) registered in :mod:`iasante.exercises`. In a notebook::

    from iasante.checks import check
    check("m1.ex3", reponse)

prints French feedback: ✅ (correct), ❌ with a hint (incorrect or unusable
answer) or ⏳ (no answer yet: ``...`` or ``None``). :func:`check` never raises
on a learner's answer, whatever its type; only an unknown exercise id (an
author's mistake) raises a French :class:`IASanteError`.
"""

from __future__ import annotations

import difflib
import importlib
import math
import numbers
import pkgutil
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ._errors import IASanteError

__all__ = [
    "Exercise",
    "Feedback",
    "check",
    "evaluate",
    "register",
    "get_exercise",
    "list_exercises",
    "numeric",
    "choice",
    "custom",
    "assert_solved",
]

# A validator receives the answer (and explicit extra arguments) and returns
# (is_correct, message). It may raise: evaluate() turns that into feedback.
Validator = Callable[..., tuple[bool, str]]


@dataclass(frozen=True)
class Exercise:
    """One exercise: its id, title, track, how to validate, and a hint."""

    id: str
    title: str
    kind: str  # "interpreter" (🩺) or "coder" (🛠)
    validator: Validator
    hint: str
    explanation: str = ""  # shown after a correct answer
    n_args: int = 0  # number of explicit extra arguments check() expects


@dataclass(frozen=True)
class Feedback:
    """Result of evaluating an answer."""

    exercise_id: str
    status: str  # "correct", "incorrect", "missing" or "invalid"
    message: str

    @property
    def correct(self) -> bool:
        return self.status == "correct"

    def __str__(self) -> str:
        return self.message


_REGISTRY: dict[str, Exercise] = {}
_LAST: dict[str, Feedback] = {}
_LOADED = False
_KINDS = {"interpreter": "🩺 Interpréter", "coder": "🛠 Coder"}


# ------------------------------------------------------------------ registry
def register(exercise: Exercise) -> Exercise:
    """Add an exercise to the registry (ids are unique)."""
    if not re.fullmatch(r"m[1-6]\.ex\d+", exercise.id):
        raise ValueError(f"invalid exercise id {exercise.id!r} (expected e.g. 'm1.ex3')")
    if exercise.kind not in _KINDS:
        raise ValueError(f"unknown kind {exercise.kind!r} for {exercise.id}")
    if exercise.id in _REGISTRY and _REGISTRY[exercise.id] is not exercise:
        raise ValueError(f"exercise {exercise.id} registered twice")
    _REGISTRY[exercise.id] = exercise
    return exercise


def _load_all() -> None:
    global _LOADED
    if _LOADED:
        return
    from . import exercises

    for mod in pkgutil.iter_modules(exercises.__path__):
        importlib.import_module(f"{exercises.__name__}.{mod.name}")
    _LOADED = True


def list_exercises() -> list[Exercise]:
    """All registered exercises, sorted by module then number."""
    _load_all()

    def key(ex: Exercise) -> tuple[int, int]:
        m, n = re.fullmatch(r"m(\d)\.ex(\d+)", ex.id).groups()
        return int(m), int(n)

    return sorted(_REGISTRY.values(), key=key)


def get_exercise(exercise_id: str) -> Exercise:
    """Return the exercise registered under ``exercise_id`` (French error otherwise)."""
    _load_all()
    if not isinstance(exercise_id, str) or exercise_id not in _REGISTRY:
        known = sorted(_REGISTRY)
        close = difflib.get_close_matches(str(exercise_id), known, n=1)
        extra = f" Vouliez-vous dire « {close[0]} » ?" if close else ""
        raise IASanteError(f"exercice inconnu : « {exercise_id} ».{extra}")
    return _REGISTRY[exercise_id]


# ----------------------------------------------------------------- evaluation
def _is_missing(answer: Any) -> bool:
    if answer is None or answer is Ellipsis:
        return True
    return isinstance(answer, str) and answer.strip() in {"", "...", "…"}


def evaluate(exercise_id: str, answer: Any, *args: Any) -> Feedback:
    """Evaluate ``answer`` without printing; never raises on the answer."""
    ex = get_exercise(exercise_id)
    if _is_missing(answer):
        fb = Feedback(
            ex.id,
            "missing",
            f"⏳ {_label(ex.id)} — pas encore de réponse : remplacez « ... » par votre réponse, "
            "puis relancez la cellule.",
        )
        _LAST[ex.id] = fb
        return fb
    if len(args) != ex.n_args:
        fb = Feedback(
            ex.id,
            "invalid",
            f"❌ {_label(ex.id)} — après l'identifiant, cet exercice attend {1 + ex.n_args} valeur(s) "
            f"(votre réponse puis {ex.n_args} donnée(s)) ; reçu {1 + len(args)}. "
            "Relisez la cellule de vérification.",
        )
        _LAST[ex.id] = fb
        return fb
    try:
        ok, detail = ex.validator(answer, *args)
    except Exception as err:  # noqa: BLE001 - a learner's answer must never crash the check
        fb = Feedback(
            ex.id,
            "invalid",
            f"❌ {_label(ex.id)} — je n'arrive pas à évaluer cette réponse "
            f"({type(err).__name__} : {_short(err)}). Indice : {ex.hint}",
        )
        _LAST[ex.id] = fb
        return fb
    if ok:
        msg = f"✅ {_label(ex.id)} — exact !"
        if detail:
            msg += f" {detail}"
        if ex.explanation:
            msg += f"\n   {ex.explanation}"
        fb = Feedback(ex.id, "correct", msg)
    else:
        msg = f"❌ {_label(ex.id)} — pas tout à fait."
        if detail:
            msg += f" {detail}"
        msg += f"\n   Indice : {ex.hint}"
        fb = Feedback(ex.id, "incorrect", msg)
    _LAST[ex.id] = fb
    return fb


def check(exercise_id: str, answer: Any, *args: Any) -> None:
    """Print French feedback on ``answer`` for the exercise ``exercise_id``.

    Parameters
    ----------
    exercise_id : str
        For example ``"m1.ex3"``.
    answer : any
        The learner's answer (a number, a letter, a model, a DataFrame...).
    *args
        Extra explicit inputs some exercises need (e.g. test data).
    """
    print(evaluate(exercise_id, answer, *args).message)


def assert_solved(exercise_ids: Iterable[str]) -> None:
    """Raise ``AssertionError`` unless each exercise was last checked as correct.

    Used in the teachers' notebooks (hidden cells) so that a solution that no
    longer passes its own check fails the test suite.
    """
    for ex_id in exercise_ids:
        get_exercise(ex_id)
        fb = _LAST.get(ex_id)
        status = fb.status if fb else "never checked"
        assert fb is not None and fb.correct, f"{ex_id}: {status}"


def _label(exercise_id: str) -> str:
    """'m1.ex4' -> 'Exercice M1.4'."""
    return "Exercice " + exercise_id.upper().replace(".EX", ".")


def _short(err: Exception, limit: int = 120) -> str:
    text = str(err).strip().splitlines()[0] if str(err).strip() else "sans message"
    return text if len(text) <= limit else text[: limit - 1] + "…"


# ------------------------------------------------------------ validator kinds
def _to_number(answer: Any) -> float:
    """Convert a learner's answer to a float, or raise TypeError/ValueError in French."""
    if isinstance(answer, bool | np.bool_):
        raise TypeError("la réponse est un booléen (True/False), un nombre est attendu")
    if isinstance(answer, numbers.Number):
        value = complex(answer) if isinstance(answer, complex) else answer
        if isinstance(value, complex):
            raise TypeError("la réponse est un nombre complexe")
        return float(value)
    if isinstance(answer, str):
        text = answer.strip().replace("\u202f", "").replace(" ", "").replace(",", ".")
        percent = text.endswith("%")
        value = float(text.rstrip("%"))
        return value / 100 if percent else value
    arr = np.asarray(answer)
    if arr.size == 1 and arr.dtype.kind in "iuf":
        return float(arr.reshape(()))
    raise TypeError(f"un nombre est attendu, pas {type(answer).__name__}")


def numeric(expected: float, *, tol: float = 0.0, rel: float = 0.01, unit: str = "") -> Validator:
    """Validator for a numeric answer within ``tol`` (absolute) or ``rel`` (relative)."""

    def validate(answer: Any) -> tuple[bool, str]:
        try:
            value = _to_number(answer)
        except (TypeError, ValueError) as err:
            return False, f"Un nombre est attendu ({_short(err)})."
        if not math.isfinite(value):
            return False, "Votre réponse n'est pas un nombre fini (NaN ou infini)."
        close = math.isclose(value, expected, rel_tol=rel, abs_tol=tol)
        if close:
            return True, ""
        if expected != 0 and math.isclose(value / 100, expected, rel_tol=rel, abs_tol=tol):
            return False, "Vous semblez avoir donné un pourcentage : une proportion entre 0 et 1 est attendue."
        if expected != 0 and math.isclose(value, 1 - expected, rel_tol=rel, abs_tol=tol):
            return False, "Vous avez peut-être calculé le complément (1 − la valeur demandée)."
        return False, f"Votre réponse : {value:.4g}{(' ' + unit) if unit else ''}."

    return validate


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    text = re.sub(r"[^a-z0-9 ]+", " ", text.lower())
    return re.sub(r"\s+", " ", text).strip()


def choice(expected: str | Iterable[str], options: dict[str, str]) -> Validator:
    """Validator for a multiple-choice answer.

    ``options`` maps a letter to its text, e.g. ``{"a": "la sensibilité", ...}``.
    The learner may answer with the letter (``"b"``, ``"B)"``) or the text,
    with or without accents or capitals. ``expected`` is one letter or several
    (the answer then must give all of them, e.g. ``"a, c"``).
    """
    wanted = {expected} if isinstance(expected, str) else set(expected)
    letters = {_normalise(k): k for k in options}
    texts = {_normalise(v): k for k, v in options.items()}
    listing = " ; ".join(f"{k}) {v}" for k, v in options.items())

    def one(token: str) -> str | None:
        norm = _normalise(token)
        return letters.get(norm) or texts.get(norm)

    def validate(answer: Any) -> tuple[bool, str]:
        if isinstance(answer, str):
            tokens = [answer] if one(answer) else re.split(r"[,;/+]|\bet\b", answer)
        elif isinstance(answer, list | tuple | set):
            tokens = [str(a) for a in answer]
        else:
            return False, f"Répondez par la lettre de votre choix entre guillemets, par exemple \"a\". Choix : {listing}."
        picked = set()
        for token in tokens:
            if not str(token).strip():
                continue
            key = one(token)
            if key is None:
                close = difflib.get_close_matches(_normalise(token), list(letters) + list(texts), n=1, cutoff=0.6)
                if close:
                    guess = letters.get(close[0]) or texts.get(close[0])
                    return False, f"Réponse « {token} » non reconnue : vouliez-vous dire « {guess} » ? Choix : {listing}."
                return False, f"Réponse « {token} » non reconnue. Choix : {listing}."
            picked.add(key)
        if picked == wanted:
            return True, ""
        if len(wanted) > 1 and picked < wanted:
            return False, "C'est incomplet : plusieurs réponses sont justes."
        return False, f"Vous avez choisi : {', '.join(sorted(picked))}."

    return validate


def custom(func: Callable[..., tuple[bool, str]]) -> Validator:
    """Validator from a function ``func(answer, *args) -> (ok, message)``."""
    return func


@dataclass
class _Builder:
    """Small helper used by the exercise modules to register exercises tersely."""

    module: int
    exercises: list[Exercise] = field(default_factory=list)

    def add(self, number: int, title: str, kind: str, validator: Validator, hint: str,
            explanation: str = "", n_args: int = 0) -> Exercise:
        ex = Exercise(f"m{self.module}.ex{number}", title, kind, validator, hint, explanation, n_args)
        self.exercises.append(register(ex))
        return ex

"""A French error for learners: shown as one clear line, without a traceback."""

from __future__ import annotations


class IASanteError(ValueError):
    """Bad input to an ``iasante`` function, explained in French.

    In Jupyter (IPython), the error is displayed as a single line starting with
    « ❌ » instead of a long traceback: the learner sees what to change, not the
    library's internals. Elsewhere it behaves like a normal ``ValueError``.
    """

    def _render_traceback_(self) -> list[str]:  # IPython hook
        return [f"❌ Erreur : {self}"]

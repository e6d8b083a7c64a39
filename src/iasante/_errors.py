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


class IASanteWarning(UserWarning):
    """A notice for the learner, in French (e.g. an answer accepted with a caveat).

    Shown as one line on standard output (« ⚠️ Attention : … ») instead of
    Python's default warning format (file path, line number, on stderr), so
    that it reads like the rest of the course and the book shows it plainly.
    Filters, ``pytest.warns`` and ``warnings.catch_warnings`` work as usual.
    """


def _install_warning_display() -> None:
    import warnings

    previous = warnings.showwarning
    if getattr(previous, "_iasante", False):
        return

    def showwarning(message, category, filename, lineno, file=None, line=None):
        if isinstance(category, type) and issubclass(category, IASanteWarning):
            print(f"⚠️ Attention : {message}")
        else:
            previous(message, category, filename, lineno, file, line)

    showwarning._iasante = True
    warnings.showwarning = showwarning

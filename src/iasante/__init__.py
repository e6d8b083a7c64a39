"""iasante — helpers shared by the notebooks of the IA Santé course.

Sub-modules: :mod:`iasante.datasets` (data registry and loaders),
:mod:`iasante.checks` (exercise feedback), :mod:`iasante.metrics` (clinical
evaluation), :mod:`iasante.plots` (style and reusable figures),
:mod:`iasante.student` (learner versions of the notebooks).
"""

from ._errors import IASanteError, IASanteWarning, _install_warning_display

__version__ = "0.1.0"
__all__ = ["IASanteError", "IASanteWarning", "__version__"]

_install_warning_display()

"""iasante — helpers shared by the notebooks of the IA Santé course.

Sub-modules: :mod:`iasante.datasets` (data registry and loaders),
:mod:`iasante.checks` (exercise feedback), :mod:`iasante.metrics` (clinical
evaluation), :mod:`iasante.plots` (style and reusable figures),
:mod:`iasante.student` (learner versions of the notebooks).
"""

from ._errors import IASanteError

__version__ = "0.1.0"
__all__ = ["IASanteError", "__version__"]

"""The exercise registry, one file per module (``m1.py`` ... ``m6.py``).

Each file registers its exercises with :func:`iasante.checks.register` when it
is imported; :func:`iasante.checks.get_exercise` imports them all on first use.
"""

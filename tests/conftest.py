"""Shared pytest configuration for the package tests."""

import re


def pytest_make_parametrize_id(config, val, argname):
    """Stable test ids for objects whose repr holds a memory address.

    With pytest-xdist every worker must collect the same ids; ``object()`` or
    an estimator's default repr would differ between processes.
    """
    if re.search(r" at 0x[0-9a-f]+", repr(val)):
        return type(val).__name__
    return None

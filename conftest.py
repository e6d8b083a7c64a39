"""Per-notebook execution times for nbval runs.

When pytest runs notebooks (``pytest --nbval-lax module*/*.ipynb``), the time
of every cell is summed per notebook, the table is printed slowest first, it
is written to ``_build/timings/<IASANTE_STAGE>.json``, and the run fails if a
notebook takes longer than ``IASANTE_NOTEBOOK_BUDGET`` seconds (default 60,
the course's rule).
"""

from __future__ import annotations

import json
import os
from collections import defaultdict
from pathlib import Path

import pytest

_TIMES: dict[str, float] = defaultdict(float)
_BUDGET = float(os.environ.get("IASANTE_NOTEBOOK_BUDGET", "60"))


def pytest_runtest_logreport(report):
    path = report.nodeid.split("::", 1)[0]
    if path.endswith(".ipynb"):
        _TIMES[path] += report.duration


def _too_slow() -> dict[str, float]:
    return {nb: t for nb, t in _TIMES.items() if t > _BUDGET}


def pytest_terminal_summary(terminalreporter):
    if not _TIMES:
        return
    tr = terminalreporter
    tr.section("Durée d'exécution par notebook (la plus longue d'abord)")
    for nb, seconds in sorted(_TIMES.items(), key=lambda kv: -kv[1]):
        flag = "  ⚠ dépasse le budget" if seconds > _BUDGET else ""
        tr.write_line(f"{seconds:7.1f} s  {nb}{flag}")
    tr.write_line(f"{sum(_TIMES.values()):7.1f} s  total ({len(_TIMES)} notebooks, budget {_BUDGET:.0f} s chacun)")
    out = Path("_build/timings")
    out.mkdir(parents=True, exist_ok=True)
    stage = os.environ.get("IASANTE_STAGE", "notebooks")
    (out / f"{stage}.json").write_text(json.dumps(dict(_TIMES), indent=1, ensure_ascii=False))


def pytest_sessionfinish(session, exitstatus):
    slow = _too_slow()
    if slow and exitstatus == 0:
        names = ", ".join(f"{nb} ({t:.0f} s)" for nb, t in slow.items())
        print(f"\nÉCHEC : notebook(s) au-delà de {_BUDGET:.0f} s : {names}")
        session.exitstatus = pytest.ExitCode.TESTS_FAILED

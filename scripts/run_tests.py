"""Everything `make test` checks, stage by stage, with timings.

Stages: lint · unit and structure tests · notebooks (nbval) · learner versions
(nbval) · book build (-W) · headless-browser pass over the built site.
Notebooks, the book build and the browser pass run without network
(scripts/offline). The run goes on after a failing stage so that every problem
is reported, then exits non-zero. The last line sums the tests of all stages.
"""

from __future__ import annotations

import glob
import json
import os
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin"
OFFLINE = [str(ROOT / "scripts" / "offline")]
REPORTS = ROOT / "_build" / "reports-tests"


def notebooks(root: str = ".") -> list[str]:
    return sorted(glob.glob(f"{root}/module*/*.ipynb", root_dir=ROOT))


def pytest_cmd(name: str, *args: str) -> list[str]:
    return [str(BIN / "python"), "-m", "pytest",
            f"--junitxml={REPORTS / (name + '.xml')}", *args]


# Notebooks run two at a time (pytest-xdist) on two cores: one BLAS/OpenMP thread
# each avoids oversubscription, which slowed some scikit-learn fits tenfold.
ONE_THREAD = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


def stages() -> list[tuple[str, list[str], dict[str, str]]]:
    nbs = notebooks()
    student = [str(Path("_build/student-test") / nb) for nb in nbs]  # never the learners' own copies
    return [
        # the pre-commit hooks (outputs stripped, ruff, file sizes, YAML/JSON), on every tracked file
        ("lint", [str(BIN / "pre-commit"), "run", "--all-files", "--show-diff-on-failure"],
         {"PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}),
        ("unit", OFFLINE + pytest_cmd("unit", "tests", "--ignore=tests/browser", "-n", "2", "-q"), {}),
        ("notebooks", OFFLINE + pytest_cmd("notebooks", "--nbval-lax", "-n", "2", "--dist", "loadfile",
                                           "-q", *nbs), {"IASANTE_STAGE": "notebooks", **ONE_THREAD}),
        ("student", [str(BIN / "python"), "-m", "iasante.student", "--force", "_build/student-test", *nbs], {}),
        ("student-run", OFFLINE + pytest_cmd("student", "--nbval-lax", "-n", "2", "--dist", "loadfile",
                                             "-q", *student), {"IASANTE_STAGE": "student", **ONE_THREAD}),
        ("book", OFFLINE + [str(BIN / "jupyter-book"), "build", ".", "-W", "-n", "--keep-going"], ONE_THREAD),
        ("browser", OFFLINE + pytest_cmd("browser", "tests/browser", "-q"), {}),
    ]


def count(xml_file: Path) -> tuple[int, int, int]:
    """(passed, failed, skipped) from a JUnit XML report."""
    if not xml_file.exists():
        return 0, 0, 0
    root = ET.parse(xml_file).getroot()
    suites = [root] if root.tag == "testsuite" else list(root)
    tests = sum(int(s.get("tests", 0)) for s in suites)
    failed = sum(int(s.get("failures", 0)) + int(s.get("errors", 0)) for s in suites)
    skipped = sum(int(s.get("skipped", 0)) for s in suites)
    return tests - failed - skipped, failed, skipped


def main() -> int:
    os.chdir(ROOT)
    REPORTS.mkdir(parents=True, exist_ok=True)
    for old in REPORTS.glob("*.xml"):
        old.unlink()
    results = []
    for name, cmd, env in stages():
        env = dict(env)
        stdout_path = env.pop("_stdout", None)
        print(f"\n=== {name} ===", flush=True)
        start = time.monotonic()
        if stdout_path:
            with open(stdout_path, "w", encoding="utf-8") as fh:
                code = subprocess.call(cmd, stdout=fh, env={**os.environ, **env})
        else:
            code = subprocess.call(cmd, env={**os.environ, **env})
        results.append((name, code, time.monotonic() - start))
        print(f"=== {name} : {'OK' if code == 0 else f'ÉCHEC (code {code})'} en {results[-1][2]:.0f} s ===",
              flush=True)

    print("\n=== Résumé ===")
    for name, code, seconds in results:
        print(f"{'OK   ' if code == 0 else 'ÉCHEC'}  {seconds:6.0f} s  {name}")
    for stage in ("notebooks", "student"):
        path = ROOT / "_build" / "timings" / f"{stage}.json"
        if path.exists():
            times = json.loads(path.read_text())
            print(f"\nDurées par notebook ({stage}), la plus longue d'abord :")
            for nb, t in sorted(times.items(), key=lambda kv: -kv[1]):
                print(f"  {t:6.1f} s  {nb}")
    passed = failed = skipped = 0
    for xml_file in sorted(REPORTS.glob("*.xml")):
        p, f, s = count(xml_file)
        passed, failed, skipped = passed + p, failed + f, skipped + s
    failed_stages = [name for name, code, _ in results if code != 0]
    if failed_stages:
        print(f"\nÉtapes en échec : {', '.join(failed_stages)}")
        failed = max(failed, 1)  # a failing stage without failing tests (lint, book) still fails
    print(f"\n{passed} passed, {failed} failed" + (f", {skipped} skipped" if skipped else ""))
    return 1 if failed_stages else 0


if __name__ == "__main__":
    sys.exit(main())

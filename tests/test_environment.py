"""pyproject.toml, environment.yml and requirements-lock.txt agree."""

import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def _pins():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    return project["dependencies"] + project["optional-dependencies"]["test"]


def _norm(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def test_every_direct_dependency_is_pinned():
    for req in _pins():
        assert re.fullmatch(r"[A-Za-z0-9_.\-]+==[0-9][0-9A-Za-z.\-+]*", req), req


def test_environment_yml_matches_pyproject():
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    pip_list = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    assert pip_list == _pins()
    assert "python=3.11" in env["dependencies"]


def test_lock_file_agrees_with_pins():
    lock = {}
    for line in (ROOT / "requirements-lock.txt").read_text().splitlines():
        if "==" in line and not line.startswith("#"):
            name, version = line.split("==")
            lock[_norm(name)] = version.strip()
    for req in _pins():
        name, version = req.split("==")
        assert lock.get(_norm(name)) == version, f"{name}: lock has {lock.get(_norm(name))}, pyproject {version}"


def test_jupyterlab_extensions_are_compatible():
    """jupyterlab-myst (MyST admonitions, {term}, {cite} in JupyterLab) and the widget manager load."""
    import subprocess
    import sys

    jupyter = Path(sys.executable).with_name("jupyter")
    out = subprocess.run([str(jupyter), "labextension", "list"], capture_output=True, text=True, timeout=120)
    text = out.stdout + out.stderr
    assert "not compatible" not in text, text
    for ext in ("jupyterlab-myst", "@jupyter-widgets/jupyterlab-manager"):
        assert re.search(rf"{re.escape(ext)} v\S+ .*enabled.*OK", text), f"{ext} not enabled: {text}"

"""The repository's shape: layout, licences, CI entry point, file sizes, book table of contents."""

import re
import subprocess
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
MODULES = ["module1_foundations", "module2_data", "module3_imaging", "module4_drugs",
           "module5_robotics", "module6_ethics_regulation"]


def _tracked():
    out = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    return [ROOT / p for p in out.decode().split("\0") if p]


def test_layout():
    for name in ["README.md", "Makefile", "pyproject.toml", "environment.yml", "_config.yml", "_toc.yml",
                 ".ci/run", "LICENSE", "LICENSE-CONTENT.md", "src/iasante/__init__.py", "book/references.bib"]:
        assert (ROOT / name).is_file(), name
    for module in MODULES:
        assert (ROOT / module / "index.md").is_file(), module


def test_ci_runs_the_readme_test_command():
    assert "make test" in (ROOT / ".ci" / "run").read_text()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make test" in readme and "make book" in readme and "make lab" in readme


def test_no_tracked_file_over_5_mb():
    big = [str(p.relative_to(ROOT)) for p in _tracked() if p.is_file() and p.stat().st_size > 5 * 1024 * 1024]
    assert not big, big


def _toc_files(node):
    if isinstance(node, dict):
        if "file" in node:
            yield node["file"]
        for key in ("parts", "chapters", "sections"):
            for child in node.get(key, []):
                yield from _toc_files(child)


def test_toc_lists_existing_files_and_every_notebook():
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    files = [toc["root"], *_toc_files(toc)]
    for f in files:
        assert any((ROOT / f"{f}{ext}").is_file() for ext in (".md", ".ipynb")), f
    notebooks = {str(p.relative_to(ROOT))[:-6] for p in ROOT.glob("module*/*.ipynb")}
    assert notebooks <= set(files), notebooks - set(files)
    # teaching order: notebooks of a module appear in numeric order
    for module in MODULES:
        listed = [f for f in files if f.startswith(module + "/") and re.match(r".*/\d\d_", f)]
        assert listed == sorted(listed)


def test_pre_commit_config_is_local():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())
    assert all(repo["repo"] == "local" for repo in config["repos"]), "hooks must work offline"

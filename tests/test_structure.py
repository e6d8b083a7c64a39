"""Every notebook follows the skeleton of DESIGN.md §4 and the exercise rules of §5."""

import re
from pathlib import Path

import nbformat
import pytest

from iasante import datasets
from iasante.checks import list_exercises

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted(ROOT.glob("module*/*.ipynb"))
KNOWN_TAGS = {"solution", "hide-input", "hide-output", "hide-cell", "remove-cell", "remove-input",
              "raises-exception"}
EXERCISE = re.compile(r"^### Exercice M(\d)\.(\d+) — (🩺 Interpréter|🛠 Coder) : \S", re.M)
PLOTTING = re.compile(r"plt\.|\bplot_\w+\(|\.plot\(|shap\.plots\.|Display\.from_|\.imshow\(|\.hist\(")
GLOSSARY = "\n".join(p.read_text(encoding="utf-8")
                     for p in [ROOT / "book" / "glossaire.md", *sorted((ROOT / "book" / "glossaire").glob("*.md"))])
BIB = "\n".join(p.read_text(encoding="utf-8")
                for p in [ROOT / "book" / "references.bib", *sorted((ROOT / "book" / "bib").glob("*.bib"))])


def _id(path):
    return str(path.relative_to(ROOT))


def _tags(cell):
    return cell.get("metadata", {}).get("tags", [])


def _md_without_code(text):
    return re.sub(r"```.*?```", "", text, flags=re.S)


@pytest.fixture(scope="module", params=NOTEBOOKS, ids=_id)
def nb(request):
    notebook = nbformat.read(request.param, as_version=4)
    nbformat.validate(notebook)
    notebook.path = request.param
    return notebook


def test_there_are_notebooks():
    assert NOTEBOOKS


def test_kernel_and_no_outputs(nb):
    assert nb.metadata["kernelspec"]["name"] == "python3"
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, "strip outputs (nbstripout)"


def test_title_and_admonition(nb):
    module = int(nb.path.parent.name[6])
    number = int(nb.path.name[:2])
    first = nb.cells[0]
    assert first.cell_type == "markdown"
    assert first.source.startswith(f"# M{module}.{number} — "), "title must be '# M<module>.<n> — <Titre>'"
    h1 = [line for c in nb.cells if c.cell_type == "markdown"
          for line in _md_without_code(c.source).splitlines() if line.startswith("# ")]
    assert len(h1) == 1, h1
    for word in ("**Objectifs**", "**Prérequis**", "**Durée**", "**Données**", "| notion | importance |"):
        assert word in first.source, word


def test_sections(nb):
    headings = [line for c in nb.cells if c.cell_type == "markdown"
                for line in _md_without_code(c.source).splitlines() if line.startswith("## ")]
    assert headings[0] == "## Mise en place"
    assert headings[-2:] == ["## À retenir", "## Pour aller plus loin"]
    assert any(re.match(r"## \d+\. ", h) for h in headings), "numbered sections"
    md = {c.source.split("\n", 1)[0]: c.source for c in nb.cells if c.cell_type == "markdown"}
    recap = next(s for s in md.values() if "## À retenir" in s)
    assert "Dans ce notebook, nous avons" in recap
    further = next(s for s in md.values() if "## Pour aller plus loin" in s)
    assert "{cite" in further


def test_setup_cell_holds_all_imports(nb):
    idx = next(i for i, c in enumerate(nb.cells) if c.cell_type == "markdown" and "## Mise en place" in c.source)
    setup = next(c for c in nb.cells[idx + 1:] if c.cell_type == "code")
    assert "import" in setup.source and "SEED" in setup.source and "set_style()" in setup.source
    for cell in nb.cells:
        if cell.cell_type == "code" and cell is not setup and "remove-cell" not in _tags(cell):
            assert not re.search(r"^\s*(import |from \S+ import )", cell.source, re.M), cell.source[:80]


def test_tags_and_forbidden_code(nb):
    for cell in nb.cells:
        assert set(_tags(cell)) <= KNOWN_TAGS, _tags(cell)
        if cell.cell_type == "code":
            src = cell.source
            for bad in ("!pip", "%pip", "import *", "../", "http://", "https://", "open("):
                assert bad not in src, f"{bad!r} in: {src[:80]}"
            # data come through iasante.datasets (one loader, one card per dataset)
            for bad in ("get_testdata_file", "load_mni152_", "from skimage import data", "skimage.data",
                        "sklearn.datasets", "sksurv.datasets", "read_csv(", "np.load("):
                assert bad not in src, f"load data with iasante.datasets, not {bad!r}: {src[:80]}"


def test_exercises(nb):
    module = int(nb.path.parent.name[6])
    cells = nb.cells
    found = []
    for i, cell in enumerate(cells):
        if cell.cell_type != "markdown":
            continue
        for m, n, kind in EXERCISE.findall(cell.source):
            assert int(m) == module
            learner, solution, checker = cells[i + 1], cells[i + 2], cells[i + 3]
            assert learner.cell_type == "code" and "..." in learner.source and not _tags(learner), \
                f"M{m}.{n}: a cell to complete with '...' must follow the statement"
            assert set(_tags(solution)) == {"solution", "hide-input"}, f"M{m}.{n}: solution cell"
            assert f'check("m{m}.ex{n}"' in checker.source, f"M{m}.{n}: check cell"
            found.append((int(n), kind))
    assert len(found) >= 2, "at least two exercises"
    assert {k for _, k in found} == {"🩺 Interpréter", "🛠 Coder"}, "both kinds of exercise"
    solutions = [i for i, c in enumerate(cells) if "solution" in _tags(c)]
    assert len(solutions) == len(found)
    for i in solutions:
        assert "check(" in cells[i + 1].source


def test_hidden_assertions(nb):
    hidden = [c for c in nb.cells if "remove-cell" in _tags(c)]
    assert hidden and any("assert" in c.source for c in hidden)
    ids = re.findall(r'check\("(m\d\.ex\d+)"', "".join(c.source for c in nb.cells))
    solved = "".join(c.source for c in hidden)
    for ex_id in ids:
        assert f'"{ex_id}"' in solved, f"{ex_id} missing from assert_solved"


def test_figures_have_alt_text(nb):
    for cell in nb.cells:
        if cell.cell_type == "code" and PLOTTING.search(cell.source) and "remove-cell" not in _tags(cell):
            alt = cell.metadata.get("mystnb", {}).get("image", {}).get("alt", "")
            assert len(alt) > 30, f"figure without alt text: {cell.source[:80]}"


def test_datasets_are_registered(nb):
    code = "".join(c.source for c in nb.cells if c.cell_type == "code")
    for name in re.findall(r'datasets\.load\("([^"]+)"\)', code):
        assert name in datasets.DATASETS, name
    for func in re.findall(r"datasets\.(load_\w+)\(", code):
        assert any(info.loader.__name__ == func for info in datasets.DATASETS.values()), func


def test_terms_and_citations_exist(nb):
    text = "".join(c.source for c in nb.cells if c.cell_type == "markdown")
    for term in re.findall(r"\{term\}`([^`]+)`", text):
        target = re.sub(r".*<(.+)>$", r"\1", term).strip()
        assert re.search(rf"^{re.escape(target)}$", GLOSSARY, re.M | re.I), f"glossary: {target}"
    for keys in re.findall(r"\{cite(?::\w+)?\}`([^`]+)`", text):
        for key in keys.split(","):
            assert f"{{{key.strip()}," in BIB, f"bibliography: {key}"


def test_every_registered_exercise_is_used_once():
    code = "".join(c.source for p in NOTEBOOKS for c in nbformat.read(p, as_version=4).cells
                   if c.cell_type == "code" and "solution" not in c.metadata.get("tags", []))
    for ex in list_exercises():
        if ex.id.startswith("m6.ex9"):  # demo exercises of the unit tests
            continue
        assert code.count(f'check("{ex.id}"') == 1, ex.id

"""Learner versions of the notebooks.

The notebooks in the repository are the teachers' versions. A learner's
version keeps everything except:

* cells tagged ``solution`` become a stub (``# À compléter``);
* cells tagged ``remove-cell`` (the authors' hidden checks of their own
  results) are dropped;
* outputs and execution counts are emptied;
* a banner at the top says which version this is.

Usage: ``python -m iasante.student [--force] OUTPUT_DIR NOTEBOOK...`` (``make student``).
A learner's notebook that already exists in ``OUTPUT_DIR`` is **kept** (it may
hold the learner's answers); ``--force`` overwrites (used by the tests).
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat

__all__ = ["STUB", "make_student_notebook", "write_student_versions"]

STUB = (
    "# À compléter : écrivez votre réponse dans la cellule au-dessus,\n"
    "# puis lancez la cellule de vérification ci-dessous."
)
BANNER = (
    "> **Version apprenant** — les cellules de solution sont remplacées par « # À compléter ». "
    "Les solutions sont dans la version enseignant et, masquées, dans le livre."
)


def make_student_notebook(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Return a learner's copy of a teacher's notebook (the input is not modified)."""
    out = nbformat.from_dict(nb)  # deep copy
    cells = []
    for cell in out.cells:
        tags = cell.get("metadata", {}).get("tags", [])
        if "remove-cell" in tags:
            continue
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
            if "solution" in tags:
                cell.source = STUB
                cell.metadata["tags"] = [t for t in tags if t not in {"solution", "hide-input"}]
        cells.append(cell)
    banner = nbformat.v4.new_markdown_cell(BANNER)
    banner.metadata["tags"] = ["student-banner"]
    out.cells = cells[:1] + [banner] + cells[1:]
    return out


def write_student_versions(
    notebooks: list[Path], output_dir: Path, root: Path | None = None, overwrite: bool = False
) -> list[Path]:
    """Write learner versions of ``notebooks`` under ``output_dir``, keeping relative paths.

    An existing learner notebook is left untouched unless ``overwrite`` is true,
    so that regenerating the versions never erases a learner's answers.
    Returns the paths written.
    """
    root = Path.cwd() if root is None else root
    written = []
    for path in notebooks:
        target = output_dir / Path(path).resolve().relative_to(root.resolve())
        if target.exists() and not overwrite:
            continue
        nb = nbformat.read(path, as_version=4)
        target.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(make_student_notebook(nb), target)
        written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    force = "--force" in args
    args = [a for a in args if a != "--force"]
    if len(args) < 2:
        print("usage : python -m iasante.student [--force] DOSSIER_SORTIE CARNET.ipynb...", file=sys.stderr)
        return 2
    notebooks = [Path(a) for a in args[1:]]
    written = write_student_versions(notebooks, Path(args[0]), overwrite=force)
    kept = len(notebooks) - len(written)
    print(f"{len(written)} notebook(s) apprenant écrit(s) dans {args[0]}/")
    if kept:
        print(f"{kept} notebook(s) déjà présent(s) conservé(s) tel(s) quel(s) (vos réponses) ; "
              "pour repartir d'une copie neuve, déplacez ou supprimez le fichier puis relancez « make student ».")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())

"""Remove outputs, execution counts and volatile metadata from notebooks (like nbstripout)."""

import sys

import nbformat


def strip(path: str) -> bool:
    nb = nbformat.read(path, as_version=4)
    changed = False
    for cell in nb.cells:
        if cell.cell_type == "code" and (cell.outputs or cell.execution_count is not None):
            cell.outputs, cell.execution_count, changed = [], None, True
        for key in ("execution", "collapsed", "scrolled"):
            changed |= cell.metadata.pop(key, None) is not None
    if changed:
        nbformat.write(nb, path)
    return changed


if __name__ == "__main__":
    changed = [p for p in sys.argv[1:] if strip(p)]
    for p in changed:
        print(f"sorties retirées : {p}")
    sys.exit(1 if changed else 0)

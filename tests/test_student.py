"""Learner versions: solutions become stubs, hidden checks go, outputs are empty."""

import nbformat

from iasante.student import STUB, make_student_notebook, write_student_versions


def _teacher():
    nb = nbformat.v4.new_notebook()
    sol = nbformat.v4.new_code_cell("reponse = 42")
    sol.metadata["tags"] = ["solution", "hide-input"]
    hidden = nbformat.v4.new_code_cell("assert reponse == 42")
    hidden.metadata["tags"] = ["remove-cell"]
    out = nbformat.v4.new_code_cell("print(1)", execution_count=3,
                                    outputs=[nbformat.v4.new_output("stream", text="1\n")])
    nb.cells = [nbformat.v4.new_markdown_cell("# Titre"), nbformat.v4.new_code_cell("reponse = ..."),
                sol, nbformat.v4.new_code_cell('check("m1.ex4", reponse)'), hidden, out]
    return nb


def test_student_version():
    teacher = _teacher()
    student = make_student_notebook(teacher)
    sources = [c.source for c in student.cells]
    assert "reponse = 42" not in sources and STUB in sources
    assert not any("assert reponse" in s for s in sources)
    assert "Version apprenant" in student.cells[1].source
    for cell in student.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None
            assert "solution" not in cell.metadata.get("tags", [])
    # the teacher's notebook is untouched
    assert teacher.cells[2].source == "reponse = 42" and teacher.cells[5].outputs


def test_write_student_versions(tmp_path):
    src = tmp_path / "module9" / "nb.ipynb"
    src.parent.mkdir()
    nbformat.write(_teacher(), src)
    written = write_student_versions([src], tmp_path / "out", root=tmp_path)
    assert written == [tmp_path / "out" / "module9" / "nb.ipynb"]
    assert STUB in nbformat.read(written[0], as_version=4).cells[3].source


def test_existing_learner_notebooks_are_kept(tmp_path, capsys, monkeypatch):
    from iasante.student import main

    src = tmp_path / "module9" / "nb.ipynb"
    src.parent.mkdir()
    nbformat.write(_teacher(), src)
    out = tmp_path / "out"
    assert write_student_versions([src], out, root=tmp_path)
    mine = out / "module9" / "nb.ipynb"
    answered = nbformat.read(mine, as_version=4)
    answered.cells[2].source = "reponse = 41  # ma réponse"
    nbformat.write(answered, mine)
    assert write_student_versions([src], out, root=tmp_path) == []  # kept
    assert "ma réponse" in mine.read_text(encoding="utf-8")
    assert write_student_versions([src], out, root=tmp_path, overwrite=True) == [mine]
    assert "ma réponse" not in mine.read_text(encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    nbformat.write(answered, mine)
    assert main([str(out), str(src.relative_to(tmp_path))]) == 0
    assert "conservé" in capsys.readouterr().out and "ma réponse" in mine.read_text(encoding="utf-8")

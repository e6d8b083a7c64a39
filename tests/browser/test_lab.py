"""What a learner sees in JupyterLab: the course opens, MyST renders, a cell runs."""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOK = "module1_foundations/02_premier_modele.ipynb"


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    token = "iasante-test"
    home = tmp_path_factory.mktemp("labhome")
    course = tmp_path_factory.mktemp("course")  # a learner's copy: the repository is never modified
    shutil.copytree(ROOT / "module1_foundations", course / "module1_foundations")
    env = {**os.environ, "JUPYTER_CONFIG_DIR": str(home / "config"), "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
           "JUPYTERLAB_WORKSPACES_DIR": str(home / "workspaces")}
    jupyter = Path(sys.executable).with_name("jupyter")
    proc = subprocess.Popen(
        [str(jupyter), "lab", "--no-browser", "--allow-root", f"--port={port}", "--ip=127.0.0.1",
         f"--IdentityProvider.token={token}", "--ServerApp.open_browser=False", f"--ServerApp.root_dir={course}"],
        cwd=course, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(120):
        try:
            urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=1)
            break
        except OSError:
            time.sleep(0.5)
    yield url, token
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=10)


def test_notebook_opens_with_myst_rendered(lab, visit):
    url, token = lab
    v = visit()
    page = v.page
    page.goto(f"{url}/lab/tree/{NOTEBOOK}?token={token}", wait_until="domcontentloaded")
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=60000)
    # the "En bref" admonition is rendered by jupyterlab-myst, not shown as raw ```{admonition}
    page.wait_for_selector(".jp-Notebook .myst-admonition", timeout=30000)
    text = page.locator(".jp-Notebook").inner_text()
    assert "```{admonition}" not in text
    assert "Objectifs" in text
    # the first code cell (imports, seed, style) runs in the course kernel
    page.wait_for_function("document.body.innerText.includes('| Idle')", timeout=120000)
    first_code = page.locator(".jp-CodeCell").first
    first_code.locator(".cm-content").click()
    page.wait_for_function(
        "document.querySelector('.jp-CodeCell').classList.contains('jp-mod-active')", timeout=30000)
    page.keyboard.press("Shift+Enter")
    try:
        page.wait_for_selector(".jp-CodeCell .jp-InputPrompt:has-text('[1]')", timeout=120000)
    finally:  # kept for diagnosis when the test fails
        page.screenshot(path=str(ROOT / "_build" / "jupyterlab.png"))
    assert page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']").count() == 0
    assert v.external == [], f"external requests: {v.external[:5]}"

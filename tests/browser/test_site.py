"""The built book, read in a real (headless) browser, offline."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "_build" / "html"
NOTEBOOK_PAGES = sorted(str(p.relative_to(ROOT).with_suffix(".html")) for p in ROOT.glob("module*/*.ipynb"))
ALL_PAGES = sorted(str(p.relative_to(SITE)) for p in SITE.glob("**/*.html")
                   if not str(p.relative_to(SITE)).startswith(("_", "reports")))


def test_site_has_every_notebook():
    assert NOTEBOOK_PAGES and all((SITE / p).is_file() for p in NOTEBOOK_PAGES)


@pytest.mark.parametrize("page_path", ALL_PAGES)
def test_page_loads_offline(visit, base_url, page_path):
    v = visit()
    page = v.goto(f"{base_url}/{page_path}")
    assert page.locator("main h1").count() >= 1
    assert v.external == [], f"external requests: {v.external[:5]}"
    assert v.failed == [], f"failed requests: {v.failed[:5]}"
    assert v.errors == [], f"JavaScript errors: {v.errors[:3]}"
    lang = page.locator("html").get_attribute("lang")
    assert lang == "fr"


@pytest.mark.parametrize("page_path", NOTEBOOK_PAGES)
def test_notebook_page(visit, base_url, page_path):
    page = visit().goto(f"{base_url}/{page_path}")
    article = page.locator("article")
    text = article.inner_text()
    # hidden checks (remove-cell) are not published
    assert "assert_solved" not in text
    # figures are real images with alt text
    images = article.locator("img")
    assert images.count() >= 1
    for i in range(images.count()):
        img = images.nth(i)
        assert len(img.get_attribute("alt") or "") > 20, "image without alt text"
        assert img.evaluate("el => el.complete && el.naturalWidth > 0")
    # solutions are collapsed until the learner asks for them
    solutions = article.locator(".cell.tag_solution")
    assert solutions.count() >= 2
    first = solutions.first
    code = first.locator(".cell_input")
    assert not code.is_visible()
    first.locator("summary").first.click()
    assert code.is_visible()
    # glossary links resolve
    assert article.locator("a[href*='glossaire.html#term-']").count() >= 1


def test_internal_links_resolve():
    broken = []
    for html in SITE.glob("**/*.html"):
        for href in re.findall(r'href="([^"#?:]+\.html)', html.read_text(encoding="utf-8")):
            if not (html.parent / href).resolve().is_file():
                broken.append(f"{html.relative_to(SITE)} -> {href}")
    assert not broken, broken[:10]


def test_math_renders_offline(visit, base_url):
    pages = [p for p in ALL_PAGES if "math notranslate" in (SITE / p).read_text(encoding="utf-8")]
    assert pages, "no page with mathematics to test"
    v = visit()
    page = v.goto(f"{base_url}/{pages[0]}")
    page.wait_for_selector("mjx-container", timeout=15000)
    assert v.external == []


def test_search_finds_a_french_word(visit, base_url):
    page = visit().goto(f"{base_url}/search.html?q=sensibilit%C3%A9")
    page.wait_for_selector("#search-results li", timeout=15000)
    assert page.locator("#search-results li").count() >= 1


def test_quiz_answers_are_explained(visit, base_url):
    quiz_pages = [p for p in NOTEBOOK_PAGES if "jupyterquiz" in (SITE / p).read_text(encoding="utf-8").lower()]
    assert quiz_pages, "no page with a quiz"
    page = visit().goto(f"{base_url}/{quiz_pages[0]}")
    answer = page.locator(".MCButton").first
    answer.click()
    feedback = page.locator(".Feedback").first
    assert feedback.inner_text().strip()

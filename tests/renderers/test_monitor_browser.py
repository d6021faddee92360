"""The progress report in a real browser (Debian's chromium, driven by Playwright), opened from
disk as an emailed file is: no errors, charts that are images with words, statuses that read in
greyscale. Screenshots land in out/test-artifacts/ for people to look at."""

from __future__ import annotations


import pytest

from browser_support import ARTIFACTS, NEEDS_CHROMIUM, launched
from conftest import EXAMPLES
from toc.cli import main


sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
pytestmark = NEEDS_CHROMIUM


@pytest.fixture(scope="module")
def browser():
    yield from launched(sync_api)


@pytest.fixture
def sefton_report(browser, tmp_path):
    out = tmp_path / "report.html"
    assert main(["monitor", str(EXAMPLES / "sefton.toc.yaml"), "-o", str(out)]) == 0
    page = browser.new_page(viewport={"width": 1100, "height": 1400})
    problems: list[str] = []
    page.on("console", lambda message: message.type in ("error", "warning") and problems.append(message.text))
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.goto(out.resolve().as_uri())
    yield page
    assert problems == []
    page.close()


def test_the_report_opens_with_the_headline_and_what_to_examine(sefton_report):
    page = sefton_report
    assert page.locator(".headline").inner_text().startswith("2 of 3 outcomes off track, 1 at risk;")
    suspects = page.locator(".suspect")
    assert suspects.count() == 2
    assert "Partner organisations share data on risk factors" in suspects.nth(0).inner_text()
    headings = page.locator("h2").all_inner_texts()
    assert headings.index("Links where delivery is on track but the outcome is not") < headings.index("Outputs")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "sefton-progress.png"), full_page=True)


def test_every_chart_is_an_image_with_a_title_and_a_description_in_words(sefton_report):
    charts = sefton_report.locator("svg.chart")
    assert charts.count() >= 8
    for index in range(charts.count()):
        chart = charts.nth(index)
        assert chart.get_attribute("role") == "img"
        title_id, desc_id = chart.get_attribute("aria-labelledby").split()
        title = sefton_report.locator(f"#{title_id}").text_content()
        description = sefton_report.locator(f"#{desc_id}").text_content()
        assert title.startswith("Trend: ") and ("latest" in description or "no figures" in description)
        box = chart.bounding_box()
        assert box["width"] > 300 and box["height"] > 150  # drawn, not collapsed


def test_statuses_read_in_greyscale_each_has_its_words_and_its_own_shape(sefton_report):
    page = sefton_report
    page.emulate_media(forced_colors="active")  # a high-contrast mode also drops colour
    shapes = {}
    badges = page.locator(".badge")
    for index in range(badges.count()):
        badge = badges.nth(index)
        words = badge.inner_text().strip()
        shape = badge.locator("svg > *").first.evaluate("element => element.tagName + (element.getAttribute('points') "
                                                         "? element.getAttribute('points').split(' ').length : '')")
        shapes.setdefault(words.lower(), set()).add(shape)
    assert {"on track", "off track", "no data", "at risk"} <= set(shapes)
    distinct = {words: next(iter(found)) for words, found in shapes.items() if len(found) == 1}
    assert len(set(distinct[w] for w in ("on track", "off track", "no data", "at risk"))) == 4
    page.emulate_media(forced_colors="none")
    page.add_style_tag(content="html { filter: grayscale(1); }")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "sefton-progress-greyscale.png"), full_page=True)


def test_print_layout_fits_a4(browser, tmp_path):
    out = tmp_path / "report.html"
    assert main(["monitor", str(EXAMPLES / "wirral.toc.yaml"), "-o", str(out)]) == 0
    page = browser.new_page()
    page.goto(out.resolve().as_uri())
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and pdf.count(b"/Type /Page") >= 2
    page.close()


@pytest.mark.skipif(__import__("shutil").which("dot") is None, reason="Graphviz `dot` is not installed")
def test_the_workshop_pages_panel_shows_status_and_trend(browser, tmp_path):
    out = tmp_path / "page.html"
    assert main(["render", str(EXAMPLES / "wirral.toc.yaml"), "-o", str(out)]) in (0, 1)
    page = browser.new_page(viewport={"width": 1600, "height": 900})
    problems: list[str] = []
    page.on("console", lambda message: message.type in ("error", "warning") and problems.append(message.text))
    page.goto(out.resolve().as_uri())
    page.locator('g.node[data-node="confident"]').click()
    progress = page.locator('#panel [data-section="monitoring"]').inner_text()
    assert "Off track (red)" in progress and "2022-Q4: 63 (expected 74)" in progress
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "wirral-panel-progress.png"))
    assert problems == []
    page.close()

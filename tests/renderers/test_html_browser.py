"""The workshop page in a real browser: Debian's chromium, driven by Playwright.

The page is opened from disk (file://), as a facilitator would open an emailed
file. Screenshots land in out/test-artifacts/ for people to look at.
"""

from __future__ import annotations

import textwrap

import networkx as nx
import pytest

from browser_support import ARTIFACTS, NEEDS_CHROMIUM, NEEDS_DOT, launched
from conftest import EXAMPLES
from toc.checker import check_file
from toc.cli import main


sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
pytestmark = [NEEDS_CHROMIUM, NEEDS_DOT]

HOSTILE_MODEL = """\
toc: 1
title: "<script>alert('title')</script>"
nodes:
  xss:
    type: activity
    label: "<script>alert(1)</script>"
    description: "<img src=x onerror=alert(2)> & </script><script>alert(3)</script>"
    leads_to:
      - to: "<b>"
        assumption: "</script><svg onload=alert(4)>"
  "<b>":
    type: output
    label: "\\u2028 line separator <iframe src=javascript:alert(5)>"
    indicators:
      - measure: "<a href=javascript:alert(6)>click</a>"
"""


@pytest.fixture(scope="module")
def browser():
    yield from launched(sync_api)


class Opened:
    """A page with everything the browser complained about collected."""

    def __init__(self, browser, path):
        self.page = browser.new_page(viewport={"width": 1600, "height": 900})
        self.problems: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("console", lambda message: message.type in ("error", "warning")
                     and self.problems.append(f"{message.type}: {message.text}"))
        self.page.on("pageerror", lambda error: self.problems.append(f"page error: {error}"))
        self.page.on("dialog", self._dialog)
        self.page.goto(path.resolve().as_uri())

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def node(self, node_id):
        return self.page.locator(f'g.node[data-node="{node_id}"]')

    def classes(self, node_id) -> set[str]:
        return set(self.node(node_id).get_attribute("class").split())

    def shoot(self, name):
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(ARTIFACTS / name))


def render(tmp_path, model_path, name="page.html"):
    out = tmp_path / name
    assert main(["render", str(model_path), "-o", str(out)]) in (0, 1)
    return out


@pytest.fixture
def wirral_page(browser, tmp_path):
    opened = Opened(browser, render(tmp_path, EXAMPLES / "wirral.toc.yaml"))
    yield opened
    assert opened.problems == [] and opened.dialogs == []
    opened.page.close()


def wirral_graph():
    model = check_file(str(EXAMPLES / "wirral.toc.yaml")).model
    graph = nx.DiGraph()
    graph.add_nodes_from(model.nodes)
    graph.add_edges_from((l.source, l.target) for l in model.links() if not l.feedback and l.target in model.nodes)
    return model, graph


def test_clicking_confident_shows_how_it_is_measured_and_why_it_leads_on(wirral_page):
    page = wirral_page.page
    wirral_page.node("confident").click()
    panel = page.locator("#panel")
    assert panel.locator("h2").inner_text() == "Practitioners confident to identify and support parental conflict"
    indicators = panel.locator('[data-section="indicators"]').inner_text()
    for text in ("Responding delegates who feel confident", "Post-course evaluation form", "Training provider",
                 "after each course", "not collected yet", "Follow-up practitioner survey"):
        assert text in indicators
    onward = panel.locator('[data-section="outgoing"]').inner_text()
    assert "Practitioners who feel confident will raise parental conflict" in onward
    assert "Confidence gained in training turns into practitioners" in onward
    incoming = panel.locator('[data-section="incoming"]').inner_text()
    assert "Professionals trained to support parents in conflict" in incoming
    wirral_page.shoot("wirral-confident.png")


def test_the_paths_upstream_and_downstream_light_up(wirral_page):
    model, graph = wirral_graph()
    wirral_page.node("confident").click()
    upstream, downstream = nx.ancestors(graph, "confident"), nx.descendants(graph, "confident")
    assert upstream and downstream
    for node_id in model.nodes:
        classes = wirral_page.classes(node_id)
        assert ("is-upstream" in classes) == (node_id in upstream), node_id
        assert ("is-downstream" in classes) == (node_id in downstream), node_id
        assert ("on-path" in classes) == (node_id in upstream | downstream | {"confident"}), node_id
    assert wirral_page.node("confident").get_attribute("aria-pressed") == "true"
    lit = wirral_page.page.locator("g.edge.on-path").count()
    assert lit == sum(1 for s, t in graph.edges if {s, t} <= upstream | {"confident"}
                      or {s, t} <= downstream | {"confident"})


def test_panel_buttons_move_to_the_linked_box_and_escape_clears(wirral_page):
    page = wirral_page.page
    wirral_page.node("confident").click()
    page.locator('[data-section="outgoing"] button', has_text="Practitioners routinely").click()
    assert page.locator("#panel h2").inner_text().startswith("Practitioners routinely")
    assert page.evaluate("location.hash") == "#practitioners-support"
    page.keyboard.press("Escape")
    assert page.locator("body.has-selection").count() == 0
    assert page.locator("#panel h2").inner_text() == "Wirral - reducing parental conflict"


def test_search_narrows_to_the_right_boxes(wirral_page):
    page = wirral_page.page
    page.fill("#search", "front door")
    assert page.locator("#search-count").inner_text() == "2 boxes"
    assert set(page.locator("#search-results button").all_inner_texts()) == {
        "Triage of police and partner contacts at the Integrated Front Door",
        "Fewer families come back to the front door for conflict",
    }
    assert "dimmed" not in wirral_page.classes("ifd-triage")
    assert "dimmed" in wirral_page.classes("confident")
    page.fill("#search", "confident")  # an id works as well as words of a label
    page.press("#search", "Enter")
    assert page.locator("#panel h2").inner_text().startswith("Practitioners confident")
    page.press("#search", "Escape")
    assert page.locator("g.node.dimmed").count() == 0


def test_keyboard_alone_reaches_and_opens_a_box(wirral_page):
    page = wirral_page.page
    for _ in range(20):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('g.node[data-node]')"):
            break
    else:
        pytest.fail("Tab never reached a box")
    focused = page.evaluate("document.activeElement.getAttribute('data-node')")
    label = page.evaluate("document.activeElement.getAttribute('aria-label')")
    assert page.evaluate("document.activeElement.getAttribute('role')") == "button"
    page.keyboard.press("Enter")
    assert label.startswith(page.locator("#panel h2").inner_text())
    assert page.evaluate("location.hash") == "#" + focused
    page.keyboard.press("Tab")  # on to the next box
    assert page.evaluate("document.activeElement.matches('g.node[data-node]')")
    page.keyboard.press(" ")
    assert page.evaluate("document.activeElement.getAttribute('data-node')") != focused
    wirral_page.shoot("wirral-keyboard-focus.png")


def test_measured_filter_and_findings_toggle(browser, tmp_path):
    opened = Opened(browser, render(tmp_path, EXAMPLES / "flawed.toc.yaml"))
    page = opened.page
    model = check_file(str(EXAMPLES / "flawed.toc.yaml")).model
    drawn = [node_id for node_id in model.nodes if opened.node(node_id).count()]
    assert drawn
    page.check('input[name="measured"][value="unmeasured"]')
    for node_id in drawn:
        assert ("dimmed" in opened.classes(node_id)) == bool(model.nodes[node_id].indicators), node_id
    page.check('input[name="measured"][value="all"]')
    assert page.locator("g.node.dimmed").count() == 0
    assert page.locator("body.show-findings").count() == 1
    assert page.locator("g.node.finding-error").count() >= 1
    opened.shoot("flawed-findings.png")
    page.uncheck("#show-findings")
    assert page.locator("body.show-findings").count() == 0
    assert "error" in page.locator('#panel [data-section="findings"]').inner_text()
    assert opened.problems == [] and opened.dialogs == []


def test_print_hides_the_panel_and_controls(wirral_page):
    page = wirral_page.page
    wirral_page.node("confident").click()
    page.emulate_media(media="print")
    assert page.locator("#panel").is_hidden() and page.locator(".controls").is_hidden()
    assert page.locator("#diagram-svg").is_visible()
    assert page.locator("g.node.dimmed, g.node.on-path").first.evaluate("e => getComputedStyle(e).opacity") == "1"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.pdf(path=str(ARTIFACTS / "wirral-print.pdf"), landscape=True)


def test_script_labels_show_as_text_and_run_nothing(browser, tmp_path):
    model = tmp_path / "hostile.toc.yaml"
    model.write_text(HOSTILE_MODEL)
    opened = Opened(browser, render(tmp_path, model))
    page = opened.page
    assert page.title() == "<script>alert('title')</script>"
    opened.node("xss").click()
    assert page.locator("#panel h2").inner_text() == "<script>alert(1)</script>"
    panel = page.locator("#panel").inner_text()
    assert "<img src=x onerror=alert(2)> & </script><script>alert(3)</script>" in panel
    assert "</script><svg onload=alert(4)>" in panel
    opened.node("<b>").click()
    assert "<a href=javascript:alert(6)>click</a>" in page.locator("#panel").inner_text()
    # Only the page's own two script blocks exist; nothing from the model became markup.
    assert page.locator("script").count() == 2
    assert page.locator("#panel img, #panel iframe, #panel a, #panel b, #panel svg").count() == 0
    opened.shoot("hostile-labels.png")
    assert opened.dialogs == []
    assert opened.problems == []


def test_a_file_that_does_not_load_shows_its_findings(browser, tmp_path):
    from toc.renderers.html import render_unloadable_html
    from toc.checker import check_text

    report = check_text(textwrap.dedent("toc: 1\nnodes: [\n"), "broken.toc.yaml")
    path = tmp_path / "broken.html"
    path.write_text(render_unloadable_html("broken.toc.yaml", report.findings))
    opened = Opened(browser, path)
    assert "TOC001" in opened.page.locator("#panel").inner_text()
    assert opened.page.locator(".no-diagram").is_visible()
    assert opened.problems == [] and opened.dialogs == []


def test_fit_shows_the_whole_drawing_and_zoom_enlarges_it(browser, tmp_path):
    model = tmp_path / "small.toc.yaml"
    model.write_text("toc: 1\nnodes:\n  a: {type: activity, label: Train, leads_to: [b]}\n"
                     "  b: {type: output, label: Trained, indicators: [{measure: Count, source: Register}]}\n")
    opened = Opened(browser, render(tmp_path, model))
    page = opened.page
    fitted = page.locator("#diagram-svg").bounding_box()
    room = page.locator("#diagram").bounding_box()
    assert fitted["width"] <= room["width"] and fitted["height"] <= room["height"]
    page.click("#zoom-in")
    assert page.locator("#diagram-svg").bounding_box()["width"] > fitted["width"] * 1.2
    page.click("#zoom-fit")
    assert page.locator("#diagram-svg").bounding_box()["width"] == pytest.approx(fitted["width"], abs=1)
    opened.node("b").click()
    opened.shoot("small-model.png")
    assert opened.problems == [] and opened.dialogs == []


def test_changing_the_address_selects_that_box(wirral_page):
    page = wirral_page.page
    wirral_page.node("confident").click()
    page.evaluate("location.hash = '#trained'")
    page.wait_for_function("document.querySelector('#panel h2').innerText.startsWith('Professionals trained')")
    assert wirral_page.node("trained").get_attribute("aria-pressed") == "true"

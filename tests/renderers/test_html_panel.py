"""The workshop page's data (pure: no browser, no Graphviz) and its safe embedding."""

from __future__ import annotations

import json
import re
import shutil
import textwrap

import pytest

from conftest import EXAMPLES
from toc.renderers.html.page import embed_json, inline_svg, script_hash
from toc.renderers.html.panel import SECTIONS, PanelContext, node_data, page_data, unloadable_page_data
from toc.checker import check_file, check_text

needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz `dot` is not installed")


def wirral():
    report = check_file(str(EXAMPLES / "wirral.toc.yaml"))
    return report.model, report.findings


def node_entry(data, node_id):
    [entry] = [node for node in data["nodes"] if node["id"] == node_id]
    return entry


def section(entry, section_id):
    [found] = [s for s in entry["sections"] if s["id"] == section_id]
    return found


def test_confident_shows_its_indicators_with_every_field():
    model, findings = wirral()
    confident = node_entry(page_data(model, findings), "confident")
    assert confident["label"] == "Practitioners confident to identify and support parental conflict"
    assert confident["kind"] == "short-term outcome" and confident["measured"] is True
    indicators = section(confident, "indicators")["items"]
    assert [item["heading"] for item in indicators] == [
        "Responding delegates who feel confident to use RPC skills in their role",
        "Practitioners still confident to raise parental conflict 3 months after training",
    ]
    assert dict(indicators[0]["fields"]) == {
        "Id": "delegates-confident", "Source": "Post-course evaluation form", "Owner": "Training provider",
        "Frequency": "after each course", "Unit": "%", "Baseline": "100", "Target": "90",
        "Data": "collected by us", "Notes": "100% of delegates who responded; response rate not published.",
    }
    assert dict(indicators[1]["fields"])["Data"] == "not collected yet"


def test_links_carry_their_assumptions_evidence_and_the_other_end():
    model, findings = wirral()
    confident = node_entry(page_data(model, findings), "confident")
    outgoing = section(confident, "outgoing")["items"]
    [onward] = outgoing
    assert onward["node"] == "practitioners-support"
    assert onward["heading"] == model.nodes["practitioners-support"].label
    assumptions = [value for name, value in onward["fields"] if name == "Assumption"]
    assert assumptions[0].startswith("Practitioners who feel confident will raise parental conflict")
    # A shared assumption is shown by its text, with its evidence and criticality.
    assert assumptions[1].startswith("Confidence gained in training turns into practitioners")
    assert assumptions[1].endswith("(evidence weak, criticality medium)")
    assert ["Evidence", "weak"] in onward["fields"]
    incoming = section(confident, "incoming")["items"]
    assert {item["node"] for item in incoming} == {
        link.source for link in model.links() if link.target == "confident"
    }


def test_sections_come_in_the_documented_order_and_can_be_extended():
    model, findings = wirral()
    context = PanelContext.build(model, findings)
    node = model.nodes["confident"]
    assert [s["id"] for s in node_data(context, node)["sections"]] == [
        "indicators", "monitoring", "incoming", "outgoing", "evaluation", "findings"]  # (Wirral is monitored)

    def costs_section(context, node):
        return {"id": "costs", "title": "Costs", "empty": "No costs yet.", "items": []}

    extended = SECTIONS + (costs_section,)
    ids = [s["id"] for s in node_data(context, node, extended)["sections"]]
    assert ids[-1] == "costs"
    assert "costs" in json.dumps(page_data(model, findings, extended))


def test_evaluation_section_shows_questions_and_methods_with_reasons():
    report = check_file(str(EXAMPLES / "east-midlands.toc.yaml"))
    context = PanelContext.build(report.model, report.findings)
    less_conflict = node_data(context, report.model.nodes["less-conflict"])
    evaluation = next(s for s in less_conflict["sections"] if s["id"] == "evaluation")
    headings = [item["heading"] for item in evaluation["items"]]
    assert headings[0] == "Question q3"
    assert "Parent survey with validated measures (pre, post and follow-up)" in headings
    needs = node_data(context, report.model.nodes["children-exposed"])
    assert "evaluation" not in [s["id"] for s in needs["sections"]]
    wirral_model, wirral_findings = wirral()
    suggested = node_data(PanelContext.build(wirral_model, wirral_findings), wirral_model.nodes["confident"])
    methods = next(s for s in suggested["sections"] if s["id"] == "evaluation")["items"]
    assert methods and all(["Chosen or suggested", "suggested by toc"] in item["fields"] for item in methods)


def test_findings_go_to_their_node_and_their_link():
    report = check_text(textwrap.dedent("""\
        toc: 1
        nodes:
          train: {type: activity, label: Train, leads_to: [wellbeing]}
          wellbeing: {type: impact, label: Wellbeing}
    """), "m.toc.yaml")
    data = page_data(report.model, report.findings)
    train = node_entry(data, "train")
    codes = [item["heading"].split()[1] for item in section(train, "findings")["items"]]
    assert "TOC206" in codes  # the stage leap, reported on the activity
    [link] = section(train, "outgoing")["items"]
    assert link["severity"] == "warning"
    assert any(name == "Finding" and "TOC206 stage-leap" in value for name, value in link["fields"])
    assert train["severity"] == "warning"
    wellbeing = node_entry(data, "wellbeing")
    assert section(wellbeing, "indicators")["empty"] == "Not measured: no indicators yet."
    assert wellbeing["measured"] is False
    # Every finding is also listed for the whole model, with where it is.
    assert len(data["findings"]) == len(report.findings)
    assert all(re.fullmatch(r"m\.toc\.yaml:\d+:\d+", dict(item["fields"])["Where"]) for item in data["findings"])


def test_unknown_link_targets_are_named_not_linked():
    report = check_text("toc: 1\nnodes:\n  a: {type: activity, label: A, leads_to: [ghost]}\n", "m.toc.yaml")
    [item] = section(node_entry(page_data(report.model, report.findings), "a"), "outgoing")["items"]
    assert item["node"] is None and item["heading"] == "ghost (no such box in the model)"


def test_svg_ids_map_back_to_model_ids():
    model, findings = wirral()
    data = page_data(model, findings)
    assert len(data["dot_ids"]) == len(model.nodes)
    for entry in data["nodes"]:
        assert entry["svg"] == "node-" + next(k for k, v in data["dot_ids"].items() if v == entry["id"])


def test_unloadable_file_still_gives_a_page_of_findings():
    report = check_text("toc: 1\nnodes: [\n", "broken.toc.yaml")
    data = unloadable_page_data("broken.toc.yaml", report.findings)
    assert data["nodes"] == [] and data["findings"][0]["heading"].startswith("error TOC001")


@pytest.mark.parametrize("text", ["</script><script>alert(1)</script>", "<!-- x", "a & b", "\u2028\u2029", "]]>"])
def test_embedded_json_cannot_break_out_of_its_script_block(text):
    embedded = embed_json({"label": text})
    assert "<" not in embedded and ">" not in embedded and "&" not in embedded
    assert "\u2028" not in embedded and "\u2029" not in embedded
    assert json.loads(embedded) == {"label": text}


def test_inline_svg_drops_the_prolog_and_keeps_the_size_for_zooming():
    svg = ('<?xml version="1.0"?>\n<!DOCTYPE svg PUBLIC "x"\n "y">\n<!-- Generated -->\n'
           '<svg width="200pt" height="100pt" viewBox="0 0 200 100" xmlns="http://www.w3.org/2000/svg"><g/></svg>')
    assert inline_svg(svg) == (
        '<svg viewBox="0 0 200 100" xmlns="http://www.w3.org/2000/svg" id="diagram-svg" focusable="false"'
        ' data-width="200" data-height="100"><g/></svg>'
    )


@needs_dot
def test_page_is_deterministic_self_contained_and_allows_only_its_own_script():
    from toc.commands.drawing import workshop_page

    model, findings = wirral()
    page = workshop_page(model, findings)
    assert page == workshop_page(model, findings)
    assert "http://" not in page.replace("http://www.w3.org/", "")  # no CDN, no network
    assert "https://" not in page
    [script] = re.findall(r"<script>(.*?)</script>", page, flags=re.DOTALL)
    assert f"script-src '{script_hash(script)}'" in page
    data = json.loads(re.search(r'<script type="application/json" id="toc-data">(.*?)</script>', page).group(1))
    assert data["model"]["title"] == "Wirral - reducing parental conflict" and data["live"] is None


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(foreground: str, background: str) -> float:
    light, dark = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("name", ["text", "muted", "accent", "error", "warning", "info", "upstream", "downstream"])
def test_page_colours_pass_wcag_aa_on_white_and_on_the_toolbar(name):
    from toc.renderers.html.page import _asset

    colours = dict(re.findall(r"--([a-z-]+):\s*(#[0-9a-fA-F]{6})", _asset("page.css")))
    for background in ("#ffffff", colours["soft"]):
        assert _contrast(colours[name], background) >= 4.5, (name, background)


def test_evaluation_section_says_when_no_question_covers_the_box():
    model, findings = wirral()
    context = PanelContext.build(model, findings)
    section = next(s for s in node_data(context, model.nodes["confident"])["sections"] if s["id"] == "evaluation")
    assert section["title"] == "Evaluation: no question covers this box yet; methods toc suggests"

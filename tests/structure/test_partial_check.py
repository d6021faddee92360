"""After a syntax error, the parts of the file that read are checked, and only by the rules that
judge each item by itself: nothing is reported because of what the broken part held."""

from __future__ import annotations

import json

from toc.checker import check_text
from toc.renderers.findings.json import render_json

MODEL = """\
toc: 1
title: Parenting programme
assumptions:
  parents-attend:
    text: Parents take up the sessions they are offered.
    evidence: weak
    criticality: high
nodes:
  sessions:
    type: activity
    label: Eight weekly group sessions
    leads_to:
      - to: skills
        assumptions: [parents-attend]
  skills:
    type: output
    label: Parents practise new skills
    leads_to: [calmer]
  calmer:
    type: outcome
    term: long
    label: Calmer homes
    indicators:
      - id: climate
        measure: Home climate scale
evaluation:
  purpose: Learn whether sessions calm homes
  questions:
    - id: q1
      text: Did homes get calmer?
      kind: impact
      nodes: [calmer]
"""


def _codes(text):
    report = check_text(text, "m.toc.yaml")
    return report, [(f.code, f.location.line) for f in report.findings]


def test_the_whole_model_reads():
    report, _ = _codes(MODEL)
    assert report.model is not None and not report.partial


def test_a_broken_node_hides_no_finding_elsewhere_and_causes_none():
    broken = MODEL.replace("    label: Parents practise new skills\n", "  label: Parents practise new skills\n")
    report, found = _codes(broken)
    assert report.partial and report.model is None
    assert ("TOC001", 17) in found
    # the outcome's own problems are still found ...
    assert ("TOC302", 24) in found  # its indicator has no source
    # ... but nothing about what the broken node held: no unknown id "skills" for the link
    # that names it, no outcome "unreached", no unused assumption
    assert not {code for code, _ in found} & {"TOC101", "TOC201", "TOC202", "TOC203", "TOC204", "TOC403", "TOC501"}
    [syntax] = [f for f in report.findings if f.code == "TOC001"]
    assert [r.message for r in syntax.related] == [
        'not checked (lines 15-18, node "skills"): fix the syntax error to check it']


def test_a_broken_assumption_leaves_the_nodes_checked():
    broken = MODEL.replace("    evidence: weak\n", "     evidence: weak\n")
    report, found = _codes(broken)
    assert report.partial and found[0] == ("TOC001", 6)
    assert report.findings[0].message == ("`evidence` is indented more than the other fields of `parents-attend`; "
                                          "line it up with `text` above")
    assert ("TOC302", 24) in found
    assert "TOC101" not in {code for code, _ in found}  # the link names the assumption that did not read


def test_a_broken_section_without_entries_is_left_out_whole():
    broken = MODEL.replace("  purpose: Learn", "  purpose: Learn: whether")
    report, found = _codes(broken)
    assert report.partial and ("TOC001", 27) in found
    [syntax] = [f for f in report.findings if f.code == "TOC001"]
    assert syntax.message == "the text of `purpose` contains ': ', which YAML reads as the start of another field"
    assert [r.message for r in syntax.related] == [
        "not checked (lines 26-32, the `evaluation:` section): fix the syntax error to check it"]
    assert ("TOC302", 24) in found


def test_two_broken_nodes_are_two_findings():
    broken = MODEL.replace("    label: Parents practise new skills\n", "  label: Parents practise new skills\n") \
        .replace("    label: Calmer homes\n", "      label: Calmer homes\n")
    report, found = _codes(broken)
    assert [line for code, line in found if code == "TOC001"] == [17, 22]


def test_the_check_section_and_a_node_ignore_still_apply():
    broken = MODEL.replace("    label: Parents practise new skills\n", "  label: Parents practise new skills\n") \
        .replace("    term: long\n", "    term: long\n    ignore: [TOC302]\n")
    _, found = _codes(broken)
    assert "TOC302" not in {code for code, _ in found}


def test_json_says_the_check_was_partial():
    broken = MODEL.replace("    label: Parents practise new skills\n", "  label: Parents practise new skills\n")
    document = json.loads(render_json([check_text(broken, "m.toc.yaml")]))
    assert document["files"][0]["loaded"] is False and document["files"][0]["partial"] is True


def test_a_file_that_is_no_model_at_all_reads_nothing():
    report, found = _codes("just: [some\n")
    assert report.model is None and found == [("TOC001", 2)]

"""Indentation mistakes a new user makes, each explained at the line where it is.

Every fixture is tests/structure/base.toc.yaml (cut down from examples/kirklees.toc.yaml)
with one mistake. libyaml notices most of them a line late, in words about parsers;
toc names the line that does not line up and says what to line it up with.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from toc.checker import check_file

HERE = Path(__file__).resolve().parent

# fixture -> (code, line, column, message) of its one finding about the mistake
MISTAKES = {
    "dedented-label": (
        "TOC001", 20, 3,
        "`label` is indented less than the other fields of `commission`; line it up with `type` above"),
    "dedented-leads-to-between": (
        "TOC001", 21, 4,
        "`leads_to` is indented less than the other fields of `commission`; line it up with `label` above"),
    "over-indented-leads-to": (
        "TOC001", 21, 7,
        "`leads_to` is indented more than the other fields of `commission`; line it up with `label` above"),
    "over-indented-indicator-field": (
        "TOC001", 29, 11,
        "`source` is indented more than the other fields of this `indicators` item `specialist-places` (line 27); "
        "line it up with `measure` above"),
    "misaligned-dash": (
        "TOC001", 47, 8,
        "this list item's `-` is indented 7 spaces, the first `indicators` item's 6 spaces (line 42); "
        "line it up with the `-` on line 42"),
    "field-lined-up-with-dash": (
        "TOC001", 47, 7,
        "`leads_to` starts where the `-` of the `indicators` items do, so it is read as part of that list; "
        "if it is a field of `parents-access`, line it up with `indicators` (4 spaces)"),
    "tab": (
        "TOC001", 20, 1, "`label` is indented with a tab; YAML allows only spaces for indentation"),
    "text-without-field": (
        "TOC001", 21, 5,
        "this line has no `field:`, and it is lined up with `label` above, so YAML cannot read it as part of "
        "`label`'s value"),
    "no-space-after-colon": (
        "TOC001", 19, 5, "`type:activity` has no space after the colon, so YAML reads it as text, not a field"),
    "dedented-leads-to-last": (
        "TOC003", 21, 3,
        '`leads_to` is indented as a node under `nodes:`, but it is a field; line it up with `type` of '
        '"commission" above'),
}


def _report(name: str):
    return check_file(str(HERE / f"{name}.toc.yaml"))


def _errors(report):
    return [(f.code, f.location.line, f.location.column, f.message) for f in report.findings if f.severity == "error"]


@pytest.mark.parametrize("name", sorted(MISTAKES))
def test_the_mistake_is_named_at_its_line_in_words(name):
    report = _report(name)
    assert _errors(report) == [MISTAKES[name]]
    [finding] = [f for f in report.findings if f.severity == "error"]
    assert "needs quotes" not in (finding.hint or "")  # the old, misleading hint


def test_the_base_model_has_no_errors():
    assert _errors(_report("base")) == []


@pytest.mark.parametrize("name", sorted(name for name, mistake in MISTAKES.items() if mistake[0] == "TOC001"))
def test_after_a_syntax_error_the_rest_is_checked_and_marked_partial(name):
    report = _report(name)
    assert report.partial and report.model is None
    [syntax] = [f for f in report.findings if f.code == "TOC001"]
    assert syntax.related and all("not checked" in related.message for related in syntax.related)
    base = {(f.code, f.message) for f in _report("base").findings}
    rest = {(f.code, f.message) for f in report.findings if f.code != "TOC001"}
    assert rest <= base  # nothing false from the part that did not read, only what the base has too


def test_the_part_that_did_not_read_is_named():
    [syntax] = _report("dedented-label").findings[:1]
    assert [(r.location.line, r.message) for r in syntax.related] == [
        (18, 'not checked (lines 18-21, node "commission"): fix the syntax error to check it')]


def test_a_field_indented_as_a_node_is_one_finding_and_read_as_meant():
    report = _report("dedented-leads-to-last")
    assert report.model is not None and not report.partial
    assert [link.target for link in report.model.nodes["commission"].links] == ["specialist-commissioned"]
    assert "leads_to" not in report.model.nodes
    assert {f.code for f in report.findings} == {f.code for f in _report("base").findings} | {"TOC003"}


def test_a_value_with_a_colon_is_told_to_quote_it():
    from conftest import only

    [finding] = only("toc: 1\nnodes:\n  a:\n    label: Outcome: better relationships\n", "TOC001")
    assert (finding.location.line, finding.location.column) == (4, 19)
    assert finding.message == "the text of `label` contains ': ', which YAML reads as the start of another field"
    assert finding.hint == 'put the text in quotes: label: "Outcome: better relationships"'


def test_fields_indented_under_an_empty_text_field_are_explained_and_what_they_cause_follows():
    from toc.checker import check_text

    text = "toc: 1\nnodes:\n  a:\n    type: activity\n    label:\n      leads_to: [b]\n  b: {type: impact, label: B}\n"
    findings = check_text(text).findings
    assert [(f.code, f.location.line, f.location.column, f.caused_by and f.caused_by.code) for f in findings[:3]] == [
        ("TOC004", 6, 7, None), ("TOC201", 3, 3, "TOC004"), ("TOC201", 7, 3, "TOC004")]
    assert findings[0].hint == ("the lines under `label:` are indented more than it, so YAML reads `leads_to` as part "
                                "of `label`: write the text after `label:` and line `leads_to` up with `label`")

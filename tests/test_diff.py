"""`toc diff`: a semantic diff of two versions, snapshotted on the Sefton draft and refined pair."""

from __future__ import annotations

import json
import subprocess
import textwrap

import pytest
import yaml

from conftest import EXAMPLES, ROOT
from toc.renderers.diff import render_json, render_markdown, render_text
from toc.checker import check_file, check_text
from toc.cli import main
from toc.diff import diff_models
from toc import fields

DRAFT = "examples/history/sefton-draft.toc.yaml"
REFINED = "examples/sefton.toc.yaml"


def sefton_diff(monkeypatch):
    monkeypatch.chdir(ROOT)
    old, new = check_file(DRAFT), check_file(REFINED)
    return diff_models(old.model, new.model, old.findings, new.findings)


@pytest.mark.parametrize("render, extension", [(render_text, ".txt"), (render_markdown, ".md"),
                                               (render_json, ".json")])
def test_sefton_draft_to_refined_snapshot(render, extension, monkeypatch, file_regression):
    file_regression.check(render(sefton_diff(monkeypatch)), basename="sefton-draft-to-refined", extension=extension)


def test_sefton_pair_reports_what_the_second_workshop_changed(monkeypatch):
    diff = sefton_diff(monkeypatch)
    kinds = {(n.kind, n.id) for n in diff.nodes}
    assert ("renamed", "distinguish-da") in kinds and ("added", "refine-workshop") in kinds
    renamed = next(n for n in diff.nodes if n.kind == "renamed")
    assert renamed.old_id == "pc-vs-da"
    less_exposure = next(n for n in diff.nodes if n.id == "less-exposure")
    assert ("stage", "medium-term outcome", "long-term outcome") in [(c.field, c.old, c.new)
                                                                    for c in less_exposure.changes]
    # Links into the renamed box are not reported as removed and added again.
    assert not [link for link in diff.links if "pc-vs-da" in (link.source, link.target)]
    target = next(i for i in diff.indicators if i.id == "sf-conflict-closed-improved")
    assert [(c.field, c.old, c.new) for c in target.changes] == [("target", 60, 70)]


def _models(old_text, new_text):
    old = check_text(textwrap.dedent(old_text), "old.toc.yaml")
    new = check_text(textwrap.dedent(new_text), "new.toc.yaml")
    return diff_models(old.model, new.model, old.findings, new.findings)


BASE = """\
    toc: 1
    # a comment that does not matter
    nodes:
      training:
        type: activity
        label: Training
        leads_to:
          - to: confident
            evidence: weak
      confident:
        type: outcome
        term: short
        label: Confident practitioners
        indicators:
          - {id: survey, measure: Survey, source: Post-training survey, baseline: 10, target: 80}
    """


def test_layout_comments_and_key_order_are_not_changes():
    reordered = BASE.replace("    # a comment that does not matter\n", "").replace(
        "        type: activity\n        label: Training\n", "        label: Training\n        type: activity\n")
    diff = _models(BASE, reordered)
    assert diff.is_empty
    assert "summary: no changes in meaning" in render_text(diff)


def test_retyped_relabelled_link_and_indicator_changes():
    changed = (BASE.replace("evidence: weak", "evidence: strong").replace("target: 80", "target: 90")
               .replace("label: Confident practitioners", "label: Practitioners feel confident")
               .replace("type: activity", "type: output"))
    diff = _models(BASE, changed)
    fields = {(n.id, c.field) for n in diff.nodes for c in n.changes}
    assert {("training", "type"), ("training", "stage"), ("confident", "label")} <= fields
    assert [(l.source, l.target, [(c.field, c.old, c.new) for c in l.changes]) for l in diff.links] == [
        ("training", "confident", [("evidence", "weak", "strong")])]
    assert [(c.field, c.old, c.new) for c in diff.indicators[0].changes] == [("target", 80, 90)]


def test_colour_only_when_asked():
    diff = _models(BASE, BASE.replace("target: 80", "target: 90"))
    assert "\033[" not in render_text(diff)
    assert "\033[33m" in render_text(diff, colour=True)


def test_json_has_a_summary(monkeypatch):
    document = json.loads(render_json(sefton_diff(monkeypatch)))
    assert document["summary"]["nodes renamed"] == 1
    assert set(document) >= {"nodes", "links", "indicators", "assumptions", "findings", "model", "summary"}


def test_cli_formats_exit_code_and_output_file(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    assert main(["diff", DRAFT, REFINED]) == 0
    assert "is now \"distinguish-da\"" in capsys.readouterr().out
    assert main(["diff", "--exit-code", DRAFT, REFINED]) == 1
    assert main(["diff", "--exit-code", REFINED, REFINED]) == 0
    out = tmp_path / "changes.md"
    assert main(["diff", "--format", "markdown", "-o", str(out), DRAFT, REFINED]) == 0
    assert out.read_text().startswith("## Changes from examples/history/sefton-draft.toc.yaml to")
    capsys.readouterr()
    assert main(["diff", "-o", REFINED, DRAFT, REFINED]) == 2
    assert "refusing to overwrite the input model" in capsys.readouterr().err


def test_cli_unreadable_model_is_a_located_finding(tmp_path, capsys):
    broken = tmp_path / "broken.toc.yaml"
    broken.write_text("toc: 1\nnodes: [\n")
    # 2, not 1: with --exit-code, 1 means the models differ.
    assert main(["diff", "--exit-code", str(broken), str(EXAMPLES / "sefton.toc.yaml")]) == 2
    err = capsys.readouterr().err
    assert "broken.toc.yaml:" in err and "error TOC001 yaml-syntax" in err


def test_cli_git_revisions(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run(["git", "init", "-q"], check=True)
    model = tmp_path / "m.toc.yaml"
    model.write_text(textwrap.dedent(BASE))
    subprocess.run(git + ["add", "."], check=True)
    subprocess.run(git + ["commit", "-qm", "first"], check=True)
    model.write_text(textwrap.dedent(BASE).replace("target: 80", "target: 95"))
    assert main(["diff", "git:HEAD:m.toc.yaml", "m.toc.yaml"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("toc diff git:HEAD:m.toc.yaml -> m.toc.yaml") and "target: 80 -> 95" in out
    assert main(["diff", "git:nosuchrev:m.toc.yaml", "m.toc.yaml"]) == 2
    assert capsys.readouterr().err.startswith("toc: error: git:nosuchrev:m.toc.yaml: ")
    assert main(["diff", "git:HEAD", "m.toc.yaml"]) == 2
    assert "write git:REVISION:PATH" in capsys.readouterr().err


def test_history_examples_pass_check(monkeypatch):
    monkeypatch.chdir(ROOT)
    for path in sorted((EXAMPLES / "history").glob("*.toc.yaml")):
        findings = check_file(str(path.relative_to(ROOT))).findings
        assert [f for f in findings if f.severity != "info"] == [], path


def test_a_removed_links_reason_is_what_it_had_not_what_it_has():
    from toc.checker import check_text
    from toc.diff import diff_models

    old = check_text("toc: 1\nnodes:\n  a: {type: activity, label: A, leads_to: [{to: b, assumption: Because}]}\n"
                     "  b: {type: impact, label: B}\n", "old.toc.yaml").model
    new = check_text("toc: 1\nnodes:\n  a: {type: activity, label: A}\n  b: {type: impact, label: B}\n",
                     "new.toc.yaml").model
    [removed] = diff_models(old, new).links
    assert removed.kind == "removed"
    assert [(c.field, c.old, c.new) for c in removed.changes] == [("assumption", "Because", None)]


# ------------------------------------------------- every field of every table
# A model that sets every field of every table in toc/fields.py, so that changing any one
# of them can be tried. A field added to a table must be set here too (the test says so).
EVERYTHING = """\
toc: 1
title: Everything
area: Testshire
owner: Early help
version: draft 1
horizon: 2024-2027
description: Every field set once.
meta: {cost-centre: RPC-01}
uses: [eif-rpc]
catalogues: [our-catalogue.yaml]
pathway:
  levels: {universal: Universal, targeted: Targeted, specialist: Specialist}
  populations: {all-parents: All parents, fathers: Fathers and carers}
  coverage: 0.5
assumptions:
  a1: {text: Practitioners have time for training, evidence: weak, criticality: high}
mechanisms:
  m1: {label: Practitioners model calm disagreement, description: In sessions, evidence: moderate}
nodes:
  need:
    type: need
    label: Parents in conflict
    leads_to: [course]
    figures:
      - id: conflict-rate
        measure: Families with parental conflict
        value: 12.5
        unit: '%'
        source: Survey
        year: '2023'
        geography: East Testshire
        population: 8000
        level: targeted
        comparator: {label: England, value: 10.1}
        notes: Illustrative
  course:
    type: activity
    group: Training
    label: Parenting course
    description: A ten-week course.
    status: draft
    notes: Started in 2024
    details: [ten weeks, two facilitators]
    maps_to: [eif-rpc:central-risk]
    level: targeted
    populations: [all-parents]
    provider: Family hub
    delivery: group
    area: North
    eif_rating: '3'
    capacity: 120
    methods: [contribution-analysis]
    mechanisms: [m1]
    ignore: [TOC303]
    meta: {funder: DWP}
    leads_to:
      - to: calmer
        assumption: Parents attend
        evidence: weak
        assumptions: [a1]
        mechanisms: [m1]
        status: agreed
        feedback: false
        meta: {reviewed: 2024}
  calmer:
    type: outcome
    term: short
    label: Calmer homes
    indicators:
      - id: wellbeing
        measure: Parent wellbeing
        instrument: swemwbs
        source: Questionnaire
        owner: Hub
        frequency: pre/post
        unit: score
        baseline: 20
        target: 25
        availability: collected
        notes: Short form
        sample: 120
        sd: 3.9
        trajectory: {2025-Q2: 21, 2025-Q4: 23}
        direction: increase
        accumulate: latest
methods:
  our-survey:
    name: Our survey
    family: monitoring
    description: A survey we run.
    types: [outcome]
    terms: [short]
    questions: [process]
    strength: descriptive
    sms: 1
    needs_comparison: false
    respondents: [parents]
    data: [questionnaires]
    cost: low
    duration: 3 months
    ethics: [personal-data]
    limitations: Self-report
measures:
  our-scale:
    name: Our scale
    measures: Calm
    aliases: [OS]
    construct: parent-wellbeing
    role: outcome
    respondent: parent
    min_age: 16
    max_age: 99
    min_score: 0
    max_score: 40
    population: any
    length: 5 items
    licence: free
    ethics: [sensitive]
    safeguarding: Refer to the hub
evaluation:
  purpose: Decide whether to recommission
  users: The partnership board
  budget: "£40,000"
  timeline: 2025-2027
  lead: University
  deliverables: [final report]
  questions:
    - id: q1
      text: Did it work?
      kind: impact
      nodes: [calmer]
      links: [course -> calmer]
      assumptions: [a1]
      methods: [contribution-analysis]
      owner: Evaluator
      timing: month 9
      comparison: families on the waiting list
      sample: 120
monitoring:
  start: 2025-Q1
  end: 2026-Q4
  actuals: []
  tolerance: 0.1
check:
  ignore: [TOC4]
  severity: {TOC301: warning}
"""


def _records(document: dict, section: str) -> list[dict]:
    """The mappings of ``document`` that are records of ``section`` (a key of fields.SECTIONS)."""
    nodes = list(document["nodes"].values())
    evaluation = document["evaluation"]
    found = {
        "top level": [document],
        "node": nodes,
        "link": [link for node in nodes for link in node.get("leads_to", []) if isinstance(link, dict)],
        "indicator": [item for node in nodes for item in node.get("indicators", [])],
        "figure": [item for node in nodes for item in node.get("figures", [])],
        "comparator": [item["comparator"] for node in nodes for item in node.get("figures", [])],
        "assumption": list(document["assumptions"].values()),
        "mechanism": list(document["mechanisms"].values()),
        "check": [document["check"]],
        "evaluation": [evaluation],
        "question": evaluation["questions"],
        "method": list(document["methods"].values()),
        "measure": list(document["measures"].values()),
        "pathway": [document["pathway"]],
        "monitoring": [document["monitoring"]],
    }
    assert section in found, f"tests/test_diff.py _records does not know the section {section!r}: add it"
    return found[section]


def _another(spec, value):
    """A different value of the field's kind, that the loader reads as given."""
    kind = spec.kind
    if kind == "choice":
        return next(choice for choice in spec.choices if choice != str(value))
    if kind == "choices":
        return [next(choice for choice in spec.choices if choice not in value)]
    if kind in ("integer", "number", "scalar"):
        return value + 1
    if kind == "boolean":
        return not value
    if kind == "period":
        return "2027-Q1"
    if kind == "data paths":
        return [*value, "other.csv"]
    if kind in ("texts", "ids", "paths"):
        return [*value, "eif-rpc:child-physical" if spec.name == "maps_to" else "other.yaml" if kind == "paths"
                else "other"]
    if kind == "codes":
        return [*value, "TOC5"]
    if kind == "links":
        return [*value, "need -> course"]
    if kind == "meta":
        return {**value, "added-field": "new value"}
    if kind == "section":  # a mapping of id to text (levels, populations, severity)
        first = next(iter(value))
        return {**value, first: "error" if spec.name == "severity" else "Changed label"}
    return f"{value} (changed)"  # text, id


@pytest.mark.parametrize("section, spec", [pytest.param(section, spec, id=f"{section}.{spec.name}")
                                           for section, table in fields.SECTIONS.items() for spec in table])
def test_every_field_of_every_table_is_diffed(section, spec, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "our-catalogue.yaml").write_text("methods: {}\n")
    document = yaml.safe_load(EVERYTHING)
    records = [record for record in _records(document, section) if spec.name in record]
    assert records, f"EVERYTHING in tests/test_diff.py sets no `{spec.name}` of a {section}: add one"
    before = check_text(EVERYTHING, "old.toc.yaml").model
    record = records[0]
    if spec.kind == "section" and not isinstance(record[spec.name], dict):
        del record[spec.name]  # a list of records (nodes' indicators...): taking them away must show
    elif spec.kind == "section" and not all(isinstance(v, str) for v in record[spec.name].values()):
        del record[spec.name]  # a mapping of records (nodes:, methods:, evaluation:...)
    else:
        record[spec.name] = _another(spec, record[spec.name])
    after = check_text(yaml.safe_dump(document, allow_unicode=True), "new.toc.yaml").model
    # Without findings: a change that only shows through a finding is not a change diff saw.
    diff = diff_models(before, after)
    assert not diff.is_empty, f"changing `{spec.name}` of a {section} is not reported by toc diff"
    assert "no changes in meaning" not in render_text(diff)
    json.loads(render_json(diff))


def test_every_field_sample_loads_cleanly(tmp_path, monkeypatch):
    # The mutations above are meaningful only if the sample is read as written.
    monkeypatch.chdir(tmp_path)
    (tmp_path / "our-catalogue.yaml").write_text("methods: {}\n")
    report = check_text(EVERYTHING, "m.toc.yaml")
    assert [(f.code, f.message) for f in report.findings if f.severity == "error"] == []


# ----------------------------------------------- fields diff used to miss
SERVICE = """\
toc: 1
nodes:
  need:
    type: need
    label: Parents in conflict
    figures:
      - {id: conflict-rate, measure: Families in conflict, value: 12.5, unit: '%'}
    leads_to: [course]
  course:
    type: activity
    label: Parenting course
    level: targeted
    delivery: group
    methods: [process-evaluation]
    leads_to: [calmer]
  calmer:
    type: outcome
    term: short
    label: Calmer homes
    indicators:
      - {id: wellbeing, measure: Parent wellbeing, instrument: swemwbs}
evaluation:
  budget: "£40,000"
  questions:
    - {id: q1, text: Was it delivered as planned?, kind: process, nodes: [course]}
"""


def _cli_diff(tmp_path, capsys, old_text, new_text, *options):
    (tmp_path / "old.toc.yaml").write_text(old_text)
    (tmp_path / "new.toc.yaml").write_text(new_text)
    code = main(["diff", "--exit-code", *options, str(tmp_path / "old.toc.yaml"), str(tmp_path / "new.toc.yaml")])
    return code, capsys.readouterr().out


@pytest.mark.parametrize("before, after, expected", [
    ("methods: [process-evaluation]", "methods: [contribution-analysis]",
     "methods: [process-evaluation] -> [contribution-analysis]"),
    ("instrument: swemwbs", "instrument: wemwbs", "instrument: swemwbs -> wemwbs"),
    ('budget: "£40,000"', 'budget: "£60,000"', "budget: £40,000 -> £60,000"),
    ("delivery: group", "delivery: one-to-one", "delivery: group -> one-to-one"),
    ("text: Was it delivered as planned?", "text: Was it delivered to the families planned?",
     'text: "Was it delivered as planned?" -> "Was it delivered to the families planned?"'),
    ("value: 12.5", "value: 14.0", "value: 12.5 -> 14.0"),
], ids=["node-method", "instrument", "budget", "delivery", "question", "figure"])
def test_fields_diff_used_to_miss_are_changes(before, after, expected, tmp_path, capsys):
    assert before in SERVICE
    code, out = _cli_diff(tmp_path, capsys, SERVICE, SERVICE.replace(before, after))
    assert expected in out
    assert "no changes in meaning" not in out
    assert code == 1


def test_new_kinds_of_change_in_every_format(tmp_path, capsys):
    changed = (SERVICE.replace("delivery: group", "delivery: online").replace("value: 12.5", "value: 14")
               .replace('budget: "£40,000"', 'budget: "£60,000"').replace("kind: process", "kind: impact"))
    code, out = _cli_diff(tmp_path, capsys, SERVICE, changed)
    assert code == 1
    assert "\nFigures (needs assessment)\n  ~ changed    \"conflict-rate\" on \"need\": Families in conflict\n" in out
    assert "\nEvaluation plan\n  ~ budget: £40,000 -> £60,000\n" in out
    assert ('\nEvaluation questions\n  ~ changed    "q1": Was it delivered as planned?\n'
            "      kind: process -> impact\n") in out
    assert out.rstrip().endswith("summary: 1 box changed, 1 figure changed, 1 evaluation field changed, "
                                 "1 evaluation question changed")
    code, out = _cli_diff(tmp_path, capsys, SERVICE, changed, "--format", "markdown")
    assert "### Evaluation plan" in out and "| changed | budget | budget: £40,000 -> £60,000 |" in out
    code, out = _cli_diff(tmp_path, capsys, SERVICE, changed, "--format", "json")
    document = json.loads(out)
    assert document["evaluation"] == [{"field": "budget", "old": "£40,000", "new": "£60,000"}]
    assert document["figures"][0]["changes"] == [{"field": "value", "old": 12.5, "new": 14}]
    assert document["summary"]["evaluation fields changed"] == 1


def test_pathway_levels_reordered_and_catalogue_entries():
    base = EVERYTHING
    reordered = base.replace("levels: {universal: Universal, targeted: Targeted, specialist: Specialist}",
                             "levels: {universal: Universal, specialist: Specialist, targeted: Targeted}")
    diff = _models(base, reordered)
    assert [(e.id, e.kind, [(c.field, c.old, c.new) for c in e.changes]) for e in diff.levels] == [
        ("targeted", "moved", [("position", 2, 3)]), ("specialist", "moved", [("position", 3, 2)])]
    # Writing out the default levels is no change: they applied already.
    default = base.replace("  levels: {universal: Universal, targeted: Targeted, specialist: Specialist}\n", "")
    assert _models(base, default).levels == []
    diff = _models(base, base.replace("    sms: 1\n", "    sms: 2\n").replace("  severity: {TOC301: warning}",
                                                                              "  severity: {TOC301: info}"))
    assert [(e.id, [(c.field, c.old, c.new) for c in e.changes]) for e in diff.methods] == [
        ("our-survey", [("sms", 1, 2)])]
    assert [(c.field, c.old, c.new) for c in diff.check] == [("severity.TOC301", "warning", "info")]


def test_zero_and_false_are_values_not_absence():
    diff = _models(BASE, BASE.replace("baseline: 10", "baseline: 0"))
    assert [(c.field, c.old, c.new) for c in diff.indicators[0].changes] == [("baseline", 10, 0)]


# -------------------------------------------------- issue 15, items 8 and 9
def test_json_never_has_infinity_or_nan_and_nan_to_nan_is_no_change(tmp_path, capsys):
    old = BASE.replace("baseline: 10", "baseline: .nan").replace("target: 80", "target: 80")
    new = BASE.replace("baseline: 10", "baseline: .nan").replace("target: 80", "target: .inf")
    diff = _models(old, old)
    assert diff.is_empty, "nan -> nan is not a change"
    code, out = _cli_diff(tmp_path, capsys, textwrap.dedent(old), textwrap.dedent(new), "--format", "json")
    assert code == 1

    def refuse(constant):
        raise AssertionError(f"{constant} is not JSON")

    document = json.loads(out, parse_constant=refuse)
    [indicator] = document["indicators"]
    assert indicator["changes"] == [{"field": "target", "old": 80, "new": "inf"}]
    code, out = _cli_diff(tmp_path, capsys, textwrap.dedent(old), textwrap.dedent(old), "--format", "json")
    assert code == 0 and json.loads(out, parse_constant=refuse)["indicators"] == []


def test_git_revision_is_never_an_option(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run(["git", "init", "-q"], check=True)
    (tmp_path / "m.toc.yaml").write_text(textwrap.dedent(BASE))
    subprocess.run(git + ["add", "."], check=True)
    subprocess.run(git + ["commit", "-qm", "first"], check=True)
    before = sorted(path.name for path in tmp_path.iterdir())
    assert main(["diff", "git:--output=pwn:m.toc.yaml", "m.toc.yaml"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == "toc: error: git:--output=pwn:m.toc.yaml: a revision cannot start with '-'\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == before, "git wrote a file"


def test_hostile_labels_are_inert_in_diff_markdown_and_text():
    from toc.diff import diff_models
    from toc.loading import load_text
    from toc.renderers.diff import render_markdown, render_text

    old = load_text("toc: 1\nnodes:\n  a: {type: activity, label: A}\n", "old.toc.yaml").model
    new = load_text('toc: 1\nnodes:\n  a: {type: activity, label: "<script>x</script> [y](javascript:z) \\e[2J"}\n',
                    "new.toc.yaml").model
    diff = diff_models(old, new)
    markdown = render_markdown(diff)
    import re

    assert "<script" not in markdown and "\x1b" not in markdown
    assert re.search(r"(?<!\\)\]\(javascript:", markdown) is None  # an escaped bracket makes no link
    text = render_text(diff)
    assert "\x1b" not in text and "\\x1b[2J" in text


def test_git_revision_reads_catalogues_beside_the_model_in_the_working_tree(tmp_path, monkeypatch, capsys):
    # The catalogue base used to be the folder "git:HEAD:sub", so an unchanged model "resolved" errors.
    monkeypatch.chdir(tmp_path)
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run(["git", "init", "-q"], check=True)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "cat.yaml").write_text(
        "methods:\n  my-survey: {name: My survey, family: monitoring, types: [outcome]}\n")
    (tmp_path / "sub" / "m.toc.yaml").write_text(
        "toc: 1\ncatalogues: [cat.yaml]\nnodes:\n  a: {type: activity, label: A, leads_to: [b]}\n"
        "  b: {type: impact, label: B, methods: [my-survey]}\n")
    subprocess.run(git + ["add", "."], check=True)
    subprocess.run(git + ["commit", "-qm", "first"], check=True)
    assert main(["diff", "--exit-code", "git:HEAD:sub/m.toc.yaml", "sub/m.toc.yaml"]) == 0, capsys.readouterr().out

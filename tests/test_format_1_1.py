"""Format 1.1: root causes, mechanisms of change, status, notes, details, `meta:`, questions about
links and assumptions, and link evidence from shared assumptions, through every consumer."""

from __future__ import annotations

import json

from conftest import check, located, only
from toc import fields
from toc.checker import check_text
from toc.diff import diff_models
from toc.evaluation.plan import plan_evaluation
from toc.loading import load_text
from toc.model import Evidence, Stage, Status
from toc.reformat import format_text
from toc.renderers.diff import render_text as diff_text
from toc.renderers.dot import DiagramOptions, render_dot
from toc.renderers.html.panel import page_data
from toc.renderers.mermaid import render_mermaid
from toc.renderers.outline import render_outline

MODEL = """\
toc: 1
title: Format 1.1
meta: {funder: DWP, years: 3}
mechanisms:
  skills: {label: Practitioners gain skills, description: Practice in training., evidence: moderate}
assumptions:
  engage: {text: Parents take up support, evidence: weak, criticality: medium}
  time: {text: Managers release staff, evidence: strong}
nodes:
  poverty:
    type: cause
    label: Low income and poverty
    leads_to: [conflict]
  conflict:
    type: need
    label: Parental conflict
    leads_to: [training]
  training:
    type: activity
    label: Multi-agency training
    status: in-development
    notes: Commissioned in 2024.
    details: [one day, classroom]
    mechanisms: [skills]
    meta: {budget-line: workforce, partners: [police, health]}
    leads_to:
      - to: confident
        mechanisms: [skills]
        status: draft
        meta: {reviewed: 2024}
      - to: calmer
        assumptions: [time, engage]
  confident:
    type: outcome
    term: short
    label: Practitioners confident
    indicators: [{id: conf, measure: Confidence, source: Survey}]
    leads_to: [{to: calmer, evidence: strong, assumptions: [engage]}]
  calmer:
    type: impact
    label: Calmer homes
    indicators: [{id: calm, measure: Calm, source: Survey}]
evaluation:
  questions:
    - id: q1
      text: Does training lead to confidence?
      kind: impact
      links: [training -> confident]
      assumptions: [engage]
"""


def model_of(text=MODEL):
    result = load_text(text, "m.toc.yaml")
    assert [f.code for f in result.findings] == []
    return result.model


# ------------------------------------------------------------------ loading
def test_every_new_field_is_read_onto_the_typed_model():
    model = model_of()
    assert model.meta == {"funder": "DWP", "years": 3}
    skills = model.mechanisms["skills"]
    assert (skills.label, skills.description, skills.evidence) == (
        "Practitioners gain skills", "Practice in training.", Evidence.MODERATE)
    poverty, training = model.nodes["poverty"], model.nodes["training"]
    assert poverty.stage is Stage.CAUSE and poverty.kind == "root cause"
    assert training.status is Status.IN_DEVELOPMENT
    assert training.notes == "Commissioned in 2024."
    assert training.details == ("one day", "classroom")
    assert [r.id for r in training.mechanisms] == ["skills"]
    assert training.meta == {"budget-line": "workforce", "partners": ("police", "health")}
    link = training.links[0]
    assert (link.status, [r.id for r in link.mechanisms], link.meta) == (Status.DRAFT, ["skills"], {"reviewed": 2024})
    question = model.evaluation.questions[0]
    assert [str(step) for step in question.links] == ["training -> confident"]
    assert (question.links[0].location.line, question.links[0].location.column) == (48, 15)
    assert [r.id for r in question.assumptions] == ["engage"]


def test_the_format_revision_is_stated_once_and_files_still_say_toc_1():
    assert fields.FORMAT_VERSION == 1 and fields.FORMAT_REVISION == "1.1"
    from toc.json_schema import json_schema

    assert json_schema()["title"] == "Theory of change model (toc format 1.1)"
    assert (fields.FORMAT_REVISION in open("docs/format.md").readline())


def test_meta_takes_any_key_and_is_never_an_unknown_field():
    text = MODEL.replace("meta: {funder: DWP, years: 3}", "meta: {Local Code: X1, 'odd: key': yes, n: 1.5, l: []}")
    assert located(text, "TOC003") == []
    assert model_of(text).meta == {"Local Code": "X1", "odd: key": "yes", "n": 1.5, "l": ()}


def test_bad_values_are_located_exactly():
    text = """\
toc: 1
mechanisms:
  skills: {description: No label}
  other: {label: L, evidence: good, colour: red}
nodes:
  a:
    type: cause
    label: A
    status: in development
    meta: {budget: {year: 1}}
    leads_to: [{to: b, status: drafted, mechanisms: skills}]
  b: {type: need, label: B}
evaluation:
  questions:
    - {id: q1, text: T, kind: process, links: [a b, a -> b -> c]}
"""
    found = [(f.code, f.location.line, f.location.column, f.message) for f in check(text)
             if f.code.startswith("TOC00")]
    assert found == [
        ("TOC005", 3, 3, 'mechanism "skills" has no label'),
        ("TOC004", 4, 31, "`evidence: good` is not one of none | weak | moderate | strong"),
        ("TOC003", 4, 37, "unknown field `colour` in a mechanism"),
        ("TOC004", 9, 13, "`status: in development` is not one of draft | agreed | in-development"),
        ("TOC004", 10, 20, "`meta` field `budget` should be text, a number or a list of text, not a mapping"),
        ("TOC004", 11, 32, "`status: drafted` is not one of draft | agreed | in-development"),
        ("TOC004", 11, 53, "`mechanisms` should be a list of ids, not \"skills\""),
        ("TOC004", 15, 48, '"a b" is not a link: write it as `from -> to`, two node ids'),
        ("TOC004", 15, 53, '"a -> b -> c" is not a link: write it as `from -> to`, two node ids'),
    ]
    hints = {f.location.line: f.hint for f in check(text) if f.code == "TOC004"}
    assert hints[9] == 'did you mean "in-development"?'


# -------------------------------------------------------------------- rules
CHAIN = """\
toc: 1
nodes:
  poverty: {type: cause, label: Poverty, leads_to: [stress]}
  stress: {type: cause, label: Stress, leads_to: [conflict]}
  conflict: {type: need, label: Conflict, leads_to: [work]}
  work: {type: activity, label: Work, leads_to: [done]}
  done: {type: output, label: Done, leads_to: [calmer]}
  calmer:
    type: outcome
    term: short
    label: Calmer
    ignore: [TOC206]
    indicators: [{id: i, measure: M, source: S, baseline: 1, target: 2}]
    leads_to: [{to: impact, evidence: weak}]
  impact: {type: impact, label: Impact, indicators: [{id: j, measure: M, source: S, baseline: 1, target: 2}]}
"""


def test_a_chain_of_root_causes_into_needs_is_sound():
    assert [f.code for f in check(CHAIN) if f.severity != "info"] == []


def test_stage_rules_treat_root_causes_as_the_first_column():
    text = CHAIN + """\
  lone: {type: cause, label: Leads nowhere, indicators: [{id: k, measure: M, source: S}]}
  back: {type: need, label: Back, leads_to: [poverty, work]}
  leap: {type: cause, label: Leap, leads_to: [done, lone]}
"""
    assert located(text, "TOC207") == [("TOC207", 17, 46)]  # need -> root cause runs backwards
    assert located(text, "TOC206") == [("TOC206", 18, 47)]  # root cause -> output skips the activities
    assert located(text, "TOC202") == [("TOC202", 16, 3)]  # a root cause that leads nowhere
    assert located(text, "TOC303") == []  # a root cause is context: no baseline or target asked
    loop = CHAIN.replace("leads_to: [conflict]", "leads_to: [conflict, poverty]")
    assert located(loop, "TOC208") == [("TOC208", 3, 53)]  # causes in a loop: a cycle, as anywhere


def test_a_root_cause_whose_need_leads_nowhere_has_no_path_to_impact():
    text = CHAIN + "  side: {type: cause, label: Side, leads_to: [stuck]}\n  stuck: {type: need, label: Stuck}\n"
    assert located(text, "TOC204") == [("TOC204", 16, 3)]
    assert located(text, "TOC202") == [("TOC202", 17, 3)]


def test_unknown_mechanisms_assumptions_and_links_are_reported_with_did_you_mean():
    text = MODEL.replace("    mechanisms: [skills]\n    meta", "    mechanisms: [skils]\n    meta").replace(
        "        mechanisms: [skills]\n        status", "        mechanisms: [skill]\n        status").replace(
        "links: [training -> confident]", "links: [training -> confidnt, confident -> training, training -> calmer]"
    ).replace("assumptions: [engage]\n\"\"\"", "assumptions: [engag]\n")
    found = [(f.location.line, f.location.column, f.message, f.hint) for f in only(text + "", "TOC101")]
    assert found == [
        (24, 18, 'mechanism "skils" is not defined', 'did you mean "skills"?'),
        (28, 22, 'mechanism "skill" is not defined', 'did you mean "skills"?'),
        (48, 15, 'question "q1" tests the link "training -> confidnt", but "confidnt" is not a node',
         'did you mean "confident"?'),
        (48, 37, 'question "q1" tests the link "confident -> training", which the model does not have',
         '"confident" leads to "calmer"; name one of its links, or add the link'),
    ]
    bad_assumption = MODEL.replace("      assumptions: [engage]\n", "      assumptions: [engag]\n")
    assert [(f.location.line, f.location.column, f.message, f.hint) for f in only(bad_assumption, "TOC101")] == [
        (49, 21, 'question "q1" tests assumption "engag", which is not defined', 'did you mean "engage"?')]


def test_a_question_about_a_link_covers_the_change_it_leads_to():
    # TOC501 reports outcomes no question or method covers: the link's end is covered.
    assert located(MODEL, "TOC501") == []
    assert located(MODEL.replace("links: [training -> confident]", "links: []"), "TOC501") == [("TOC501", 33, 3)]


def test_a_link_naming_a_mechanism_is_explained():
    text = MODEL.replace("      - to: calmer\n        assumptions: [time, engage]\n", "      - to: calmer\n")
    assert located(text, "TOC401") == [("TOC401", 31, 9)]  # (the mechanism-named link is not reported)


# ----------------------------------------------------------------- evidence
def test_a_link_without_evidence_has_its_weakest_shared_assumptions():
    model = model_of()
    to_confident, to_calmer = model.nodes["training"].links
    assert model.link_evidence(to_calmer) == (Evidence.WEAK, "engage")  # of strong and weak: the weaker
    assert model.link_evidence(to_confident) == (None, None)
    own = model.nodes["confident"].links[0]
    assert model.link_evidence(own) == (Evidence.STRONG, None)  # a link's own evidence wins


# -------------------------------------------------------------- renderers
def test_dot_draws_causes_status_mechanisms_and_details():
    dot = render_dot(model_of())
    assert 'column_cause [shape="plain", label=<<B>Root causes</B>>' in dot
    assert 'shape="folder"' in dot
    training = next(line for line in dot.splitlines() if line.strip().startswith("n2 ["))
    assert 'style="filled,dotted"' in training and "<I>in development</I>" in training
    assert "• one day<BR/>• classroom" in training and "mechanism: Practitioners gain<BR/>skills" in training
    edge = next(line for line in dot.splitlines() if line.strip().startswith("n2 -> n3") and "tooltip" in line)
    assert 'label="Practitioners gain skills\\n(draft)"' in edge
    weak = next(line for line in dot.splitlines() if line.strip().startswith("n2 -> n4") and "tooltip" in line)
    assert 'style="dashed"' in weak and "Evidence: weak (from assumption engage)" in weak
    assert "mechanism of change" in dot and "not yet agreed" in dot and "Root cause (folder)" in dot


def test_a_1_0_model_has_the_key_it_had():
    dot = render_dot(model_of(CHAIN.replace("type: cause", "type: need")))
    assert "Root cause" not in dot and "mechanism of change" not in dot and "not yet agreed" not in dot


def test_mermaid_outline_and_page_show_the_new_parts():
    model = model_of()
    mermaid = render_mermaid(model)
    assert 'subgraph colcause["Root causes"]' in mermaid and "class n0 scause" in mermaid
    assert 'n2 -->|"Practitioners gain skills #183; #40;draft#41;"| n3' in mermaid.replace(" · ", " #183; ")
    assert "class n2 unsettled" in mermaid
    outline = render_outline(model)
    assert "### Root causes" in outline and "## Mechanisms of change" in outline
    assert "- **Practitioners gain skills** (skills): Practice in training; evidence: moderate" in outline
    assert "  - status: in-development" in outline and "  - partners: police, health" in outline
    assert "evidence: weak, from assumption engage" in outline
    data = page_data(model)
    training = next(node for node in data["nodes"] if node["id"] == "training")
    about = training["sections"][0]
    assert about["id"] == "about" and training["status"] == "in-development"
    assert [item["heading"] for item in about["items"]] == [
        "About this box", "Details", "Mechanism: Practitioners gain skills", "Your own fields"]
    assert ["partners", "police, health"] in about["items"][3]["fields"]
    assert ["funder", "DWP"] in data["model"]["details"]
    assert [item["heading"] for item in data["model"]["mechanisms"]["items"]] == ["Mechanism: Practitioners gain skills"]
    assert "from root causes to impact" in data["model"]["summary"]
    from toc.renderers.html.page import render_html

    page = render_html(model, "")
    assert "Root cause</li>" in page and "DWP" not in page.split('<header class="top">')[1].split("</header>")[0]
    assert "Root cause</li>" not in render_html(model_of(CHAIN.replace("type: cause", "type: need")), "")
    calmer = next(node for node in data["nodes"] if node["id"] == "calmer")
    incoming = next(section for section in calmer["sections"] if section["id"] == "incoming")
    assert ["Evidence", "weak (from assumption engage)"] in incoming["items"][0]["fields"]
    json.dumps(data)


def test_hostile_text_in_new_fields_stays_inert():
    hostile = '"<b>x</b> [a](javascript:y) \\\\N =cmd \\u202e"'
    text = MODEL.replace("label: Practitioners gain skills,", f"label: {hostile},").replace(
        "notes: Commissioned in 2024.", f"notes: {hostile}").replace("budget-line: workforce", f"budget: {hostile}")
    model = model_of(text)
    labels = [line.split("label=<", 1)[1].split(">, tooltip=")[0] for line in render_dot(model).splitlines()
              if "label=<<TABLE" in line and "tooltip=" in line]
    assert "<b>x</b>" not in " ".join(labels) and "&lt;b&gt;x&lt;/b&gt;" in " ".join(labels)
    assert "<b>" not in render_mermaid(model) and "\u202e" not in render_mermaid(model)
    outline = render_outline(model)
    assert "[a](javascript" not in outline and "<b>" not in outline


# -------------------------------------------------------------- fmt and diff
def test_fmt_orders_the_new_fields_and_keeps_meta_as_written():
    text = """\
toc: 1
nodes:
  a:
    leads_to: []
    meta:
      zeta: 1
      Alpha: [x, y]   # kept
    status: draft
    label: A
    type: cause
mechanisms:
  m: {label: M}
"""
    formatted = format_text(text)
    assert formatted == """\
toc: 1
mechanisms:
  m: {label: M}
nodes:
  a:
    type: cause
    label: A
    status: draft
    meta:
      zeta: 1
      Alpha: [x, y]   # kept
    leads_to: []
"""
    assert format_text(formatted) == formatted


def test_diff_compares_meta_status_mechanisms_and_question_links():
    before = check_text(MODEL, "old.toc.yaml").model
    changed = (MODEL.replace("budget-line: workforce", "budget-line: early help")
               .replace("status: in-development", "status: agreed")
               .replace("links: [training -> confident]", "links: [training -> calmer]")
               .replace("  skills: {label: Practitioners gain skills,", "  skills: {label: Practitioners practise,"))
    after = check_text(changed, "new.toc.yaml").model
    text = diff_text(diff_models(before, after))
    assert 'meta.budget-line: workforce -> "early help"' in text
    assert "status: in-development -> agreed" in text
    assert "links: [training -> confident] -> [training -> calmer]" in text
    assert "Mechanisms of change" in text and "label: \"Practitioners gain skills\" -> \"Practitioners practise\"" in text


# ---------------------------------------------------------------- the plan
def test_a_question_testing_a_causal_step_gets_methods_for_testing_steps():
    plan = plan_evaluation(model_of())
    question = plan.questions[0]
    assert question.nodes == ("confident", "calmer")  # the link's end, and the ends of links resting on `engage`
    assert question.design.methods == ("contribution-analysis", "process-tracing")
    assert not question.named_methods


def test_render_groups_by_status_or_a_field_of_your_own(tmp_path, capsys):
    from toc.cli import main

    path = tmp_path / "m.toc.yaml"
    path.write_text(MODEL)
    assert main(["render", str(path), "-o", "-", "--group-by", "meta.budget-line"]) == 0
    out = capsys.readouterr().out
    assert 'label=<<B>workforce</B>>' in out and "subgraph cluster_group_0" in out
    assert main(["render", str(path), "-o", "-", "--group-by", "status"]) == 0
    assert "<B>in-development</B>" in capsys.readouterr().out
    try:
        code = main(["render", str(path), "-o", "-", "--group-by", "colour"])
    except SystemExit as exit:
        code = exit.code
    assert code == 2
    assert "'colour' is not group, type, term, status or meta.NAME" in capsys.readouterr().err


def test_a_box_or_link_with_many_long_mechanisms_stays_within_graphviz_limits():
    many = "".join(f"  m{i}: {{label: {'x' * 5000}}}\n" for i in range(40))
    ids = ", ".join(f"m{i}" for i in range(40))
    text = MODEL.replace("mechanisms:\n", "mechanisms:\n" + many, 1).replace(
        "    mechanisms: [skills]\n    meta", f"    mechanisms: [{ids}]\n    meta").replace(
        "        mechanisms: [skills]\n", f"        mechanisms: [{ids}]\n")
    dot = render_dot(model_of(text))
    assert max(len(line.encode()) for line in dot.splitlines()) < 16_384
    assert "and 37 more mechanisms" in dot


def test_an_unknown_field_of_a_box_points_at_meta():
    text = "toc: 1\nnodes:\n  a: {type: input, label: A, input_class: staff}\n"
    assert [(f.code, f.location.line, f.location.column, f.hint) for f in check(text) if f.code == "TOC003"] == [
        ("TOC003", 3, 30, "a field of your own goes under `meta:`, e.g. meta: {input_class: ...}")]


def test_the_plan_reads_a_links_evidence_as_the_diagram_does():
    # One rule for every consumer: the weakest shared assumption (the link holds only if all do).
    from toc.evaluation.suggestions import _evidence

    model = model_of()
    to_calmer = model.nodes["training"].links[1]
    assert _evidence(model, to_calmer) == Evidence.WEAK == model.link_evidence(to_calmer)[0]


def test_a_single_link_not_in_a_list_gets_a_hint_in_the_links_own_form():
    text = MODEL.replace("links: [training -> confident]", "links: training -> confident")
    found = [(f.code, f.location.line, f.location.column, f.hint) for f in check(text) if f.code == "TOC004"]
    assert found == [("TOC004", 48, 14, "write a list: links: [training -> confident]")]

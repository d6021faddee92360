"""`toc import` of workshop notes: messy real-world CSVs and outlines become drafts that load."""

from __future__ import annotations

from toc.capture.notes import read_notes
from toc.capture.outline import read_outline
from toc.checker import check_text
from toc.cli import main


def loads_cleanly(text: str):
    """The draft loads: no TOC0xx finding (the graph rules may still have things to say)."""
    report = check_text(text, "draft.toc.yaml")
    assert report.model is not None
    assert [f for f in report.findings if f.code.startswith("TOC0")] == []
    return report.model


# Typed up by three people after the Wirral-style workshop: Excel's semicolon CSV in
# Windows-1252 (the £), CRLF, numbered headings, a blank separator row, a note over two
# lines, the same note twice, a typo'd stage, a number list and text in "leads to".
MESSY = (
    "No.;Sticky note;Column heading;Theme;Arrows to\r\n"
    "1;DWP grant (£60,000);1. Inputs;;2\r\n"
    "2;Multi-agency RPC training for frontline practitioners ;2. Activities;Workforce;#3, #4\r\n"
    ";;;;\r\n"
    "3;Over 170 professionals trained;3. Outputs;Workforce;5\r\n"
    '4;"Triage at the Integrated\r\nFront Door";Activities;Front door;446 contacts triaged as parental conflict\r\n'
    "5;Practitioners confident to support parents;Short term outcomes (0-6 months);Workforce;6\r\n"
    "6;Less destructive conflict between parents;Intermediate outcomes;;\"7; 9\"\r\n"
    "7;Children's wellbeing improves;Impact / Goal;;\r\n"
    "8;Over 170 professionals trained;Outputs;;\r\n"
    "9;Fewer children looked after;Long-term outcomes;;7\r\n"
    "10;Parents get help earlier;Outcoms;;\r\n"
    "11;Poor interparental relationships seen as domestic abuse;Needs / Problems;;2\r\n"
).encode("cp1252")


def test_messy_workshop_notes():
    draft = read_notes(MESSY, "notes.csv", "Wirral draft")
    found = [(f.code, f.location.line, f.location.column) for f in draft.findings]
    assert found == [
        ("TOC902", 6, 5),   # "446 contacts triaged..." was never typed up as a note
        ("TOC904", 10, 2),  # note 8 repeats note 3
        ("TOC901", 12, 3),  # "Outcoms"
    ]
    model = loads_cleanly(draft.text)
    assert model.title == "Wirral draft"
    assert model.nodes["dwp-grant-60-000"].label == "DWP grant (£60,000)"
    triage = model.nodes["triage-integrated-front-door"]
    assert triage.label == "Triage at the Integrated\nFront Door" and triage.group == "Front door"
    assert [link.target for link in model.nodes["multi-agency-rpc-training-frontline"].links] == [
        "over-170-professionals-trained", "triage-integrated-front-door"]
    assert [link.target for link in model.nodes["less-destructive-conflict-parents"].links] == [
        "children-s-wellbeing-improves", "fewer-children-looked-after"]
    assert model.nodes["less-destructive-conflict-parents"].term.value == "medium"
    assert model.nodes["poor-interparental-relationships-seen-domestic"].type.value == "need"
    assert draft.boxes == 9
    assert "#   notes.csv:12:2 (Outcoms): Parents get help earlier" in draft.text


def test_ids_are_stable_and_unique():
    first = read_notes(MESSY, "notes.csv").text
    assert read_notes(MESSY, "notes.csv").text == first
    draft = read_notes(b"text,stage\nTraining,Activities\nTraining!,Outputs\nTRAINING,Short-term outcomes\n",
                       "n.csv")
    model = loads_cleanly(draft.text)
    assert list(model.nodes) == ["training", "training-2", "training-3"]


def test_hostile_and_yaml_special_texts_come_back_exactly():
    texts = ["yes", "null", "1.5", "- a list?", "#hashtag", "key: value", "@mention", "'quoted'", "=SUM(A1)",
             "a" * 20_000, "Gwell perthynas rhwng rhieni", "Mniej konfliktów w rodzinie", "🙂🙂", "tab\there",
             "\u2028line separator", "back\\slash \"quote\""]
    rows = "text,stage\n" + "".join('"' + text.replace('"', '""') + '",Activities\n' for text in texts)
    draft = read_notes(rows.encode(), "n.csv")
    model = loads_cleanly(draft.text)
    assert sorted(node.label for node in model.nodes.values()) == sorted(text.strip() for text in texts)
    assert "note" in model.nodes  # the emoji-only note: nothing to make an id of
    assert "gwell-perthynas-rhwng-rhieni" in model.nodes and "mniej-konfliktów-w-rodzinie" in model.nodes
    assert all(len(node_id) <= 48 for node_id in model.nodes)


def test_one_column_per_stage_the_wall_itself():
    draft = read_notes(b"Inputs,Activities,Outputs,Short-term outcomes\nFunding,Training,170 trained,Confidence\n"
                       b",Triage,,\n", "wall.csv")
    model = loads_cleanly(draft.text)
    assert {node_id: node.kind for node_id, node in model.nodes.items()} == {
        "funding": "input", "training": "activity", "triage": "activity", "170-trained": "output",
        "confidence": "short-term outcome"}
    assert draft.findings == []


def test_outline():
    outline = """\
# Sefton: reducing parental conflict

Typed up after the second workshop.

## Needs / problems
- Parents argue in front of children
  - leads to: Relationship support for parents

## Activities
1. Relationship support for parents
   - Output: Parents complete a programme
     - leads to: Less destructive conflict
     - group: Specialist support
2. Practitioner training
   - leads to: 1

## Medium-term outcomes
- Less destructive conflict
  - Impact: Better outcomes for children
"""
    draft = read_outline(outline.encode(), "outline.md")
    assert draft.findings == []
    model = loads_cleanly(draft.text)
    assert model.title == "Sefton: reducing parental conflict"
    links = sorted((link.source, link.target) for link in model.links())
    assert links == [
        ("less-destructive-conflict", "better-outcomes-children"),
        ("parents-argue-front-children", "relationship-support-parents"),
        ("parents-complete-programme", "less-destructive-conflict"),
        ("practitioner-training", "relationship-support-parents"),
        ("relationship-support-parents", "parents-complete-programme"),
    ]
    assert model.nodes["parents-complete-programme"].group == "Specialist support"


def test_the_command_writes_the_draft_and_reports(tmp_path, capsys):
    (tmp_path / "notes.csv").write_bytes(MESSY)
    draft = tmp_path / "draft.toc.yaml"
    assert main(["import", str(tmp_path / "notes.csv"), "-o", str(draft)]) == 1  # errors to look at
    err = capsys.readouterr().err
    assert "notes.csv:12:3: error TOC901 unknown-stage" in err
    assert f"wrote {draft}: 9 boxes" in err
    loads_cleanly(draft.read_text())
    (tmp_path / "clean.md").write_text("## Activities\n- Training\n  - Output: Trained\n")
    assert main(["import", str(tmp_path / "clean.md"), "-o", str(tmp_path / "d.toc.yaml")]) == 0
    assert main(["check", str(tmp_path / "d.toc.yaml"), "--select", "TOC0"]) == 0


def test_the_input_is_never_overwritten(tmp_path, capsys):
    notes = tmp_path / "notes.csv"
    notes.write_text("text,stage\nTraining,Activities\n")
    assert main(["import", str(notes), "-o", str(notes)]) == 2
    assert notes.read_text() == "text,stage\nTraining,Activities\n"

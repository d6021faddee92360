"""toc.editing: each edit changes only its own lines, keeps every comment, and never overwrites newer work."""

from __future__ import annotations

import difflib

import pytest

from toc.checker import check_text
from toc.editing import (EditError, EditRefused, StaleModel, UndoHistory, add_indicator, add_link, add_node,
                         content_hash, delete_indicator, delete_link, delete_node, derive_id, edit_file, edit_text,
                         set_indicator, set_link, set_node_field)

MODEL = """\
# A small model, written by hand.
toc: 1
title: Family support   # the title comment

nodes:
  # ---- needs
  conflict:
    type: need
    label: Parents in conflict
    leads_to: [workshop]      # flow style stays

  # ---- activities
  workshop:
    type: activity
    label: "Parenting workshop"   # quoted, with a comment
    leads_to:
      - to: calmer
        assumption: Parents who attend use what they learn.
        evidence: moderate

  # ---- outcomes
  calmer:
    type: outcome
    term: short
    label: Calmer homes
    indicators:
      - id: arguments
        measure: Arguments per week (self-report)
        baseline: 5
"""


def changed_lines(before: str, after: str) -> tuple[list[str], list[str]]:
    """The lines removed and added, as a diff sees them."""
    removed, added = [], []
    for line in difflib.ndiff(before.splitlines(), after.splitlines()):
        if line.startswith("- "):
            removed.append(line[2:])
        elif line.startswith("+ "):
            added.append(line[2:])
    return removed, added


def comments(text: str) -> list[str]:
    return [line[line.index("#"):] for line in text.splitlines() if "#" in line]


def loads_cleanly(text: str) -> None:
    report = check_text(text)
    assert report.model is not None
    assert not [f for f in report.findings if f.code in ("TOC001", "TOC002", "TOC006")]


def test_add_node_adds_only_its_own_lines_after_its_column():
    new, node_id = edit_text(MODEL, lambda d: add_node(d, "Parents argue less", "outcome", "short"))
    assert node_id == "parents-argue-less"
    removed, added = changed_lines(MODEL, new)
    assert removed == []
    assert added == ["  parents-argue-less:", "    type: outcome", "    term: short", "    label: Parents argue less"]
    assert comments(new) == comments(MODEL)
    loads_cleanly(new)


def test_a_new_activity_goes_above_the_comment_that_heads_the_outcomes():
    new, node_id = edit_text(MODEL, lambda d: add_node(d, "Home visits", "activity"))
    lines = new.splitlines()
    assert lines.index("  home-visits:") < lines.index("  # ---- outcomes")
    assert lines.index("  home-visits:") > lines.index("  workshop:")
    assert changed_lines(MODEL, new)[0] == []
    loads_cleanly(new)


def test_set_label_changes_one_line_and_keeps_its_quotes_style_elsewhere():
    new, _ = edit_text(MODEL, lambda d: set_node_field(d, "calmer", "label", "Calmer homes for children"))
    assert changed_lines(MODEL, new) == (["    label: Calmer homes"], ["    label: Calmer homes for children"])
    new, _ = edit_text(MODEL, lambda d: set_node_field(d, "workshop", "group", "Schools"))
    removed, added = changed_lines(MODEL, new)
    assert removed == [] and added == ["    group: Schools"]
    # In the format's order: group before label.
    assert new.index("group: Schools") < new.index('label: "Parenting workshop"')


def test_delete_node_takes_its_links_and_says_which():
    new, links = edit_text(MODEL, lambda d: delete_node(d, "workshop"))
    assert [(link.source, link.target) for link in links] == [("conflict", "workshop"), ("workshop", "calmer")]
    assert "workshop" not in new.replace("# ---- activities", "")
    # The comments heading the next box stay, and so does the one on the link line that went.
    assert "  # ---- outcomes" in new
    assert "  # ---- activities" in new
    loads_cleanly(new)


def test_links_are_added_edited_and_deleted():
    new, _ = edit_text(MODEL, lambda d: add_link(d, "conflict", "calmer"))
    assert "leads_to: [workshop, calmer] # flow style stays" in new
    new, _ = edit_text(MODEL, lambda d: add_link(d, "conflict", "calmer", assumption="Less stress", evidence="weak"))
    loads_cleanly(new)
    # A link with words does not go into [workshop]: the list becomes one line per link.
    assert "    leads_to:                 # flow style stays\n      - workshop\n      - to: calmer\n        assumption: Less stress\n" in new
    assert check_text(new).model.nodes["conflict"].links[-1].assumption == "Less stress"
    new, _ = edit_text(MODEL, lambda d: set_link(d, "workshop", "calmer", "evidence", "strong"))
    assert changed_lines(MODEL, new) == (["        evidence: moderate"], ["        evidence: strong"])
    new, _ = edit_text(MODEL, lambda d: set_link(d, "conflict", "workshop", "assumption", "They come"))
    loads_cleanly(new)
    new, _ = edit_text(MODEL, lambda d: delete_link(d, "workshop", "calmer"))
    removed, added = changed_lines(MODEL, new)
    assert added == [] and "        assumption: Parents who attend use what they learn." in removed
    loads_cleanly(new)


def test_indicators_are_added_and_edited_with_numbers_as_numbers():
    new, indicator = edit_text(MODEL, lambda d: add_indicator(d, "calmer", "Children's wellbeing score",
                                                             source="School survey", target="40",
                                                             availability="partner"))
    assert indicator == "children-s-wellbeing-score"
    removed, added = changed_lines(MODEL, new)
    assert removed == []
    assert added == ["      - id: children-s-wellbeing-score", "        measure: Children's wellbeing score",
                     "        source: School survey", "        target: 40", "        availability: partner"]
    new, _ = edit_text(MODEL, lambda d: set_indicator(d, "calmer", "arguments", "baseline", "4.5"))
    assert changed_lines(MODEL, new) == (["        baseline: 5"], ["        baseline: 4.5"])
    new, _ = edit_text(MODEL, lambda d: delete_indicator(d, "calmer", "arguments"))
    loads_cleanly(new)


@pytest.mark.parametrize("change, message", [
    (lambda d: add_node(d, "X", "box"), "not one of"),
    (lambda d: add_node(d, "X", "need", node_id="conflict"), "already a box"),
    (lambda d: set_node_field(d, "nowhere", "label", "X"), 'no box "nowhere"'),
    (lambda d: set_node_field(d, "calmer", "label", ""), "needs a label"),
    (lambda d: add_link(d, "conflict", "workshop"), "already a link"),
    (lambda d: add_link(d, "conflict", "conflict"), "not to itself"),
    (lambda d: set_indicator(d, "calmer", "arguments", "id", "x"), "edits an indicator's"),
])
def test_impossible_edits_are_refused_with_a_reason(change, message):
    with pytest.raises(EditError, match=message):
        edit_text(MODEL, change)


def test_derived_ids_are_unique_and_readable():
    assert derive_id("Parents’ wellbeing improves", {"parents-wellbeing-improves"}) == "parents-wellbeing-improves-2"
    assert len(derive_id("word " * 50)) <= 40


def test_a_file_in_another_indentation_keeps_every_untouched_line(tmp_path):
    text = MODEL.replace("      - to: calmer", "    - to: calmer").replace("        assumption", "      assumption") \
        .replace("        evidence", "      evidence").replace("\n", "\r\n")
    new, _ = edit_text(text, lambda d: set_node_field(d, "conflict", "label", "Conflict at home"))
    assert changed_lines(text, new) == (["    label: Parents in conflict"], ["    label: Conflict at home"])
    assert new.count("\r\n") == text.count("\r\n")


def test_a_broken_file_is_not_edited():
    with pytest.raises(EditRefused, match="TOC001"):
        edit_text(MODEL + "  broken: [\n", lambda d: add_node(d, "X", "need"))
    with pytest.raises(EditRefused, match="TOC002"):
        edit_text(MODEL.replace("  calmer:", "  conflict:"), lambda d: add_node(d, "X", "need"))


def test_edit_file_refuses_a_file_changed_since_it_was_loaded(tmp_path):
    path = tmp_path / "model.toc.yaml"
    path.write_text(MODEL)
    loaded = content_hash(path.read_bytes())
    path.write_text(MODEL + "# saved in a text editor\n")
    newer = path.read_bytes()
    with pytest.raises(StaleModel, match="changed on disk"):
        edit_file(str(path), loaded, lambda d: add_node(d, "X", "need"))
    assert path.read_bytes() == newer


def test_edit_file_writes_and_undo_puts_back_the_bytes(tmp_path):
    path = tmp_path / "model.toc.yaml"
    path.write_text(MODEL)
    history = UndoHistory(depth=2)
    first = edit_file(str(path), content_hash(MODEL.encode()), lambda d: add_node(d, "A", "need"), history)
    second = edit_file(str(path), first.hash, lambda d: add_node(d, "B", "need"), history)
    assert second.result == "b" and "  b:\n" in path.read_text()
    history.undo(str(path))
    assert path.read_bytes() == first.after
    history.undo(str(path))
    assert path.read_text() == MODEL
    with pytest.raises(EditRefused, match="nothing to undo"):
        history.undo(str(path))


def test_undo_never_undoes_an_edit_made_elsewhere(tmp_path):
    path = tmp_path / "model.toc.yaml"
    path.write_text(MODEL)
    history = UndoHistory()
    edit_file(str(path), None, lambda d: add_node(d, "A", "need"), history)
    path.write_text(path.read_text() + "# later, by hand\n")
    with pytest.raises(StaleModel):
        history.undo(str(path))
    assert path.read_text().endswith("# later, by hand\n")


def test_every_example_keeps_all_other_bytes_when_a_label_changes(examples_dir):
    for path in sorted(examples_dir.glob("*.toc.yaml")):
        if path.name == "flawed.toc.yaml":
            continue
        text = path.read_text()
        model = check_text(text).model
        node_id = next(iter(model.nodes))
        new, _ = edit_text(text, lambda d: set_node_field(d, node_id, "label", "A new label"))
        removed, added = changed_lines(text, new)
        assert len(removed) == 1 and added[0].replace('"', "") == "    label: A new label", path.name
        new, _ = edit_text(text, lambda d: delete_node(d, node_id))
        assert set(comments(text)) == set(comments(new)), path.name


def test_successive_edits_of_a_new_box_stay_together_above_the_next_sections_comment(examples_dir):
    # The second and third edits reuse the document the first left (see toc.editing.document),
    # whose comments ruamel places differently from the file: the splice must still put the
    # new lines inside the new box, above the comment that heads the next column.
    text = (examples_dir / "wirral.toc.yaml").read_text()
    first, node_id = edit_text(text, lambda d: add_node(d, "Parents argue less in front of children", "outcome",
                                                        "short"))
    second, _ = edit_text(first, lambda d: add_link(d, node_id, "less-conflict", "Less in front, less overall.",
                                                    "moderate"))
    third, _ = edit_text(second, lambda d: add_indicator(d, node_id, "Arguments in front of children",
                                                         baseline="not yet known"))
    removed, added = changed_lines(text, third)
    assert removed == []
    lines = third.splitlines()
    start = lines.index(f"  {node_id}:")
    assert lines[start:start + len(added)] == added  # one block
    assert lines[start + len(added):start + len(added) + 2] == [
        "", "  # ---------------------------------------------------------------- medium-term outcomes"]
    loads_cleanly(third)
    model = check_text(third).model
    assert [link.target for link in model.nodes[node_id].links] == ["less-conflict"]
    assert [indicator.measure for indicator in model.nodes[node_id].indicators] == ["Arguments in front of children"]

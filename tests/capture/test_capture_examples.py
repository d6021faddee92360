"""The workshop notes shipped in examples/workshop/ import as the docs say, into drafts toc check passes."""

from conftest import EXAMPLES

from toc.capture.notes import read_notes
from toc.capture.outline import read_outline
from toc.checker import check_text

WORKSHOP = EXAMPLES / "workshop"


def errors(text: str):
    return [f for f in check_text(text, "draft.toc.yaml").findings if f.severity == "error"]


def test_the_sefton_sticky_notes():
    path = WORKSHOP / "sefton-second-workshop.csv"
    draft = read_notes(path.read_bytes(), "notes.csv")
    assert [(f.code, f.location.line, f.location.column) for f in draft.findings] == [
        ("TOC901", 13, 3),  # the "Parking lot" column: kept in a comment, not in the model
        ("TOC904", 14, 2),  # "Families referred ... are counted" twice: one box
    ]
    assert (draft.boxes, draft.links) == (11, 10)
    assert "#   notes.csv:13:2 (Parking lot): Data held by partners" in draft.text
    assert errors(draft.text) == []


def test_the_sefton_outline():
    draft = read_outline((WORKSHOP / "sefton-outline.md").read_bytes(), "outline.md")
    assert draft.findings == []
    assert (draft.boxes, draft.links) == (9, 7)
    assert errors(draft.text) == []

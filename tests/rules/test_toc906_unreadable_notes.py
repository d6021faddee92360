from toc.capture.notes import read_notes
from toc.capture.outline import read_outline


def located(findings):
    return [(f.code, f.location.line, f.location.column) for f in findings]


def test_a_header_without_text_and_stage_columns():
    draft = read_notes(b"\n\nPost-its,Where on the wall\nTraining,Activities\n", "notes.csv")
    assert located(draft.findings) == [("TOC906", 3, 1)]
    assert "no text column and no stage column" in draft.findings[0].message
    assert draft.boxes == 0


def test_an_empty_file():
    assert located(read_notes(b"", "notes.csv").findings) == [("TOC906", 1, 1)]


def test_outline_lines_that_are_not_notes():
    draft = read_outline(b"## Activities\n- Training\n  - more about training\n  continued text\n", "outline.md")
    assert located(draft.findings) == [("TOC906", 3, 5), ("TOC906", 4, 3)]
    assert draft.boxes == 1

from toc.capture.notes import read_notes


def test_a_row_without_text_is_reported_and_a_blank_row_is_not():
    draft = read_notes(b"text,stage,group\nTraining,Activities,Workforce\n,,\n\n,Outputs,Workforce\n", "notes.csv")
    assert [(f.code, f.location.line, f.location.column) for f in draft.findings] == [("TOC905", 5, 1)]
    assert draft.boxes == 1

from toc.capture.notes import read_notes


def test_control_characters_in_a_note_are_removed_and_reported():
    draft = read_notes(b"text,stage\n\"Train\x1b[2Jing\xe2\x80\xae\",Activities\n", "notes.csv")
    assert [(f.code, f.location.line, f.location.column) for f in draft.findings] == [("TOC907", 2, 1)]
    assert "label: \"Train[2Jing\"" in draft.text

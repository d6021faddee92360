from toc.capture.notes import read_notes


def test_the_same_note_twice_in_a_stage_is_one_box_with_both_links():
    draft = read_notes(b"#,text,stage,leads to\n1,Professionals trained,Outputs,3\n"
                       b"2,professionals  trained.,Outputs,4\n3,Confident staff,Short-term outcomes,\n"
                       b"4,Staff know where to refer,Short-term outcomes,\n", "notes.csv")
    found = [(f.code, f.location.line, f.location.column) for f in draft.findings]
    assert found == [("TOC904", 3, 2)]
    assert draft.findings[0].severity == "warning"
    assert draft.boxes == 3
    assert "leads_to: [confident-staff, staff-know-where-refer]" in draft.text


def test_the_same_words_in_two_stages_stay_two_boxes():
    draft = read_notes(b"text,stage\nConfident practitioners,Outputs\nConfident practitioners,Short-term outcomes\n",
                       "notes.csv")
    assert [(f.code, f.location.line) for f in draft.findings] == [("TOC904", 3)]
    assert "kept as two boxes" in draft.findings[0].message
    assert draft.boxes == 2

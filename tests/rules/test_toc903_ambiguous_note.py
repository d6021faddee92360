from toc.capture.notes import read_notes


def test_a_text_two_stages_share_makes_no_link():
    draft = read_notes(b"#,text,stage,leads to\n1,Training,Activities,Confident practitioners\n"
                       b"2,Confident practitioners,Outputs,\n3,Confident practitioners,Short-term outcomes,\n",
                       "notes.csv")
    found = [(f.code, f.location.line, f.location.column) for f in draft.findings if f.code == "TOC903"]
    assert found == [("TOC903", 2, 4)]
    assert [str(r.location) for r in draft.findings[0].related] == ["notes.csv:3:2", "notes.csv:4:2"]
    assert "leads_to" not in draft.text


def test_by_number_the_same_text_is_not_ambiguous():
    draft = read_notes(b"#,text,stage,leads to\n1,Training,Activities,3\n"
                       b"2,Confident practitioners,Outputs,\n3,Confident practitioners,Short-term outcomes,\n",
                       "notes.csv")
    assert not [f for f in draft.findings if f.code == "TOC903"]
    assert "leads_to: [confident-practitioners-2]" in draft.text

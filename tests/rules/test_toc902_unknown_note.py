from toc.capture.notes import read_notes
from toc.capture.outline import read_outline


def located(findings, code):
    return [(f.code, f.location.line, f.location.column) for f in findings if f.code == code]


def test_leads_to_an_unknown_number_or_text():
    draft = read_notes("#,text,stage,leads to\n1,Training,Activities,7\n2,Trained,Outputs,Confident staf\n"
                       "3,Confident staff,Short-term outcomes,\n".encode(), "notes.csv")
    assert located(draft.findings, "TOC902") == [("TOC902", 2, 4), ("TOC902", 3, 4)]
    assert "there is no note 7" in draft.findings[0].message
    assert draft.findings[1].hint == 'did you mean "Confident staff"?'
    assert "leads_to" not in draft.text  # no link was guessed


def test_outline_leads_to_unknown_text():
    draft = read_outline(b"## Activities\n- Training\n  - leads to: Nothing like it\n", "outline.md")
    assert located(draft.findings, "TOC902") == [("TOC902", 3, 5)]

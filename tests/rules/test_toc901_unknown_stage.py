from toc.capture.notes import read_notes
from toc.capture.outline import read_outline


def located(findings, code):
    return [(f.code, f.location.line, f.location.column) for f in findings if f.code == code]


def test_unknown_stage_heading_is_found_at_its_cell_and_the_note_is_kept_in_a_comment():
    draft = read_notes(b"text,stage\nTraining,Activities\nBetter housing,Outcomez\n", "notes.csv")
    assert located(draft.findings, "TOC901") == [("TOC901", 3, 2)]
    assert "did you mean outcomes?" in draft.findings[0].hint
    assert "Better housing" not in draft.text.split("# Notes toc could not place")[0]
    assert "#   notes.csv:3:1 (Outcomez): Better housing" in draft.text


def test_outcomes_without_a_term_and_a_missing_stage_are_asked_for_not_guessed():
    draft = read_notes(b"note,column\nFewer arguments,Outcomes\nNo stage here,\n", "notes.csv")
    assert located(draft.findings, "TOC901") == [("TOC901", 2, 2), ("TOC901", 3, 2)]
    assert "does not say which outcomes" in draft.findings[0].message
    assert "has no stage" in draft.findings[1].message
    assert draft.boxes == 0


def test_a_typo_gets_the_nearest_heading():
    draft = read_notes(b"text,stage\nTraining,Actvities\n", "notes.csv")
    assert located(draft.findings, "TOC901") == [("TOC901", 2, 2)]
    assert 'did you mean "Activities"?' in draft.findings[0].hint


def test_outline_prefix_that_is_no_stage():
    draft = read_outline(b"- Parking lot: ideas for later\n", "outline.md")
    assert located(draft.findings, "TOC901") == [("TOC901", 1, 3)]

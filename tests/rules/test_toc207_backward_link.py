from conftest import located

MODEL = """\
toc: 1
nodes:
  a: {type: activity, label: A, leads_to: [o]}
  o: {type: output, label: O, leads_to: [s]}
  s:
    type: outcome
    term: short
    label: S
    leads_to:
      - e
      - o
      - {to: a, feedback: true}
  e: {type: impact, label: E, leads_to: [x]}
  x: {type: input, label: X}
"""


def test_backward_links_not_marked_as_feedback():
    # s -> o closes a loop (TOC208 reports it), s -> a is feedback.
    assert located(MODEL, "TOC207") == [("TOC207", 13, 42)]


def test_loops_are_reported_as_cycles_not_backward_links():
    assert [code for code, *_ in located(MODEL) if code in ("TOC207", "TOC208")] == ["TOC208", "TOC207"]

from conftest import located, only

MODEL = """\
toc: 1
nodes:
  need: {type: need, label: N, leads_to: [a]}
  a: {type: activity, label: A, leads_to: [o, s, m]}
  o: {type: output, label: O, leads_to: [l]}
  s: {type: outcome, term: short, label: S, leads_to: [m]}
  m: {type: outcome, term: medium, label: M, leads_to: [l, e]}
  l: {type: outcome, term: long, label: L, leads_to: [e]}
  e: {type: impact, label: E}
"""


def test_leaps_are_links_that_skip_an_activity_or_outcome_stage():
    # need -> activity (skips input) and activity -> short (skips output) are fine.
    assert located(MODEL, "TOC206") == [("TOC206", 4, 50), ("TOC206", 5, 42), ("TOC206", 7, 60)]


def test_message_names_the_skipped_stages():
    messages = [f.message for f in only(MODEL, "TOC206")]
    assert messages[0] == 'activity "a" leads straight to medium-term outcome "m", skipping output and short-term outcome'
    assert messages[1].endswith("skipping short-term outcome and medium-term outcome")
    assert messages[2].endswith("skipping long-term outcome")

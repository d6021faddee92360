from conftest import located, only

MODEL = """\
toc: 1
assumptions:
  relevant:
    text: Training is relevant
nodes:
  training:
    type: activity
    label: Training
    leads_to:
      - trainde
      - to: nowhere
        assumptions: [relevent]
  trained:
    type: output
    label: Trained
"""


def test_unknown_targets_and_assumptions_are_located_at_the_id():
    assert located(MODEL, "TOC101") == [("TOC101", 10, 9), ("TOC101", 11, 13), ("TOC101", 12, 23)]


def test_did_you_mean_for_nodes_and_assumptions():
    hints = [f.hint for f in only(MODEL, "TOC101")]
    assert hints[0] == 'did you mean "trained"?'
    assert hints[2] == 'did you mean "relevant"?'


def test_the_same_words_in_another_order_are_the_suggestion():
    # For "home-climate-better" the outcome "better-home-climate", not the need "home-climate".
    from conftest import only

    text = """\
toc: 1
nodes:
  home-climate: {type: need, label: Conflict at home, leads_to: [talks]}
  talks: {type: activity, label: Talks, leads_to: [home-climate-better]}
  better-home-climate: {type: outcome, term: short, label: A calmer home}
"""
    [finding] = only(text, "TOC101")
    assert finding.hint == 'did you mean "better-home-climate"?'

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


def test_the_suggestion_prefers_a_node_a_link_from_here_can_reach():
    # "parents-confidence" is one letter from the need "parent-confidence", two from the outcome
    # "parents-confident": a link from an output leads on to outcomes, so the outcome is the suggestion.
    [finding] = only("""
        toc: 1
        nodes:
          parent-confidence: {type: need, label: Low confidence, leads_to: [training]}
          training: {type: activity, label: Training, leads_to: [trained]}
          trained: {type: output, label: Trained, leads_to: [parents-confidence]}
          parents-confident: {type: outcome, term: short, label: Confident}
        """, "TOC101")
    assert (finding.location.line, finding.location.column) == (6, 54)
    assert finding.hint == 'did you mean "parents-confident"?'


def test_from_the_need_itself_the_nearest_id_is_suggested():
    # Nothing is later than an impact: the nearer id wins as before.
    [finding] = only("""
        toc: 1
        nodes:
          parent-confidence: {type: need, label: Low confidence}
          parents-confident: {type: outcome, term: short, label: Confident}
          end: {type: impact, label: End, leads_to: [parents-confidence]}
        """, "TOC101")
    assert finding.hint == 'did you mean "parent-confidence"?'


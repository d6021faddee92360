from conftest import located


def test_no_impact_and_no_long_term_outcome():
    text = "toc: 1\nnodes:\n  a: {type: activity, label: A, leads_to: [b]}\n  b: {type: output, label: B}\n"
    assert located(text, "TOC205") == [("TOC205", 3, 3)]


def test_long_term_outcome_is_enough():
    text = "toc: 1\nnodes:\n  a: {type: activity, label: A, leads_to: [b]}\n  b: {type: outcome, term: long, label: B}\n"
    assert located(text, "TOC205") == []

"""Reading who an outcome is about, and whether an evaluation field is really stated."""

from toc.evaluation.evaluability import _stated
from toc.evaluation.reading import subject
from toc.loading import load_text


def _node(label: str):
    return load_text(f"toc: 1\nnodes:\n  a: {{type: outcome, term: long, label: '{label}'}}\n").model.nodes["a"]


def test_school_as_a_place_in_an_outcome_is_not_an_organisation():
    assert subject(_node("Less antisocial behaviour, school exclusion and offending")) != "organisations"
    assert subject(_node("Children ready for school")) == "children"


def test_schools_that_change_are_organisations():
    assert subject(_node("Partner schools refer families earlier")) == "organisations"
    assert subject(_node("Schools identify conflict")) == "organisations"


def test_placeholders_are_not_a_stated_budget():
    for placeholder in ("not yet known", "TBC", "to be confirmed", "Unknown", "?", "n/a", ""):
        assert not _stated(placeholder), placeholder
    assert _stated("£40,000 over two years")

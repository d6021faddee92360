"""The shipped catalogues load cleanly and hold what a specification needs."""

from toc.evaluation.catalogue import shipped, shipped_files

REQUIRED_MEASURES = {"sdq", "cpic", "kansas-marital-satisfaction", "rdas", "acrimony-scale", "wemwbs", "swemwbs",
                     "phq-9", "gad-7"}


def test_shipped_catalogues_have_no_findings():
    for loaded in shipped_files():
        assert [(f.code, f.location.line, f.message) for f in loaded.findings] == []


def test_at_least_fifteen_methods_each_fully_described():
    methods = shipped().methods
    assert len(methods) >= 15
    for method in methods.values():
        assert method.name and method.family and method.types and method.questions, method.id
        assert method.cost and method.duration and method.strength and method.limitations, method.id
        assert method.respondents and method.data, method.id


def test_every_family_and_question_kind_is_served():
    methods = shipped().methods.values()
    assert {m.family for m in methods} == {"monitoring", "process", "impact", "economic"}
    assert {kind for m in methods for kind in m.questions} == {"process", "impact", "economic"}
    assert {m.sms for m in methods} >= {1, 3, 5}


def test_the_validated_measures_are_there_with_licence_notes():
    measures = shipped().measures
    assert REQUIRED_MEASURES <= set(measures)
    for measure in measures.values():
        assert measure.name and measure.measures and measure.respondent and measure.length, measure.id
        assert measure.licence, measure.id


def test_sensitive_child_measure_carries_a_safeguarding_route():
    cpic = shipped().measures["cpic"]
    assert {"children", "sensitive"} <= set(cpic.ethics)
    assert "safeguarding route" in cpic.safeguarding

from conftest import check, located, only

MODEL = """\
toc: 1
pathway:
  levels:
    universal: Universal
    specialist: Specialist
  populations:
    all-parents: All parents
    young-parents: Young parents
nodes:
  workshops:
    type: activity
    label: Workshops
    level: universal
    populations: [all-parents, young-parents]
    leads_to: [better]
  better: {type: outcome, term: long, label: Parents manage conflict better}
"""


def test_a_level_with_no_service_is_one_warning_at_the_level():
    assert located(MODEL, "TOC603") == [("TOC603", 5, 5)]
    assert [(f.severity, f.message) for f in only(MODEL, "TOC603")] == [
        ("warning", 'no service at all at pathway level "Specialist"')]


def test_it_stands_for_the_levels_gaps():
    codes = [f.code for f in check(MODEL)]
    assert "TOC601" not in codes and codes.count("TOC603") == 1


def test_a_served_level_is_not_empty():
    served = MODEL.replace("  better:", "  couple:\n    type: activity\n    label: Couple therapy\n"
                           "    level: specialist\n    populations: [all-parents]\n    leads_to: [better]\n  better:")
    assert located(served, "TOC603") == []

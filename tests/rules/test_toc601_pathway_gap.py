from conftest import check, located, only

CUSTOM = """\
toc: 1
pathway:
  levels:
    universal: Universal
    early-help: Early Help
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
  youth-group:
    type: activity
    label: Young parents group
    level: early-help
    populations: [young-parents]
    leads_to: [better]
  better:
    type: outcome
    term: long
    label: Parents manage conflict better
"""


def test_empty_cells_are_info_at_the_population():
    # Specialist has no service at all: TOC603 says so once, and its cells are left out here.
    assert located(CUSTOM, "TOC601") == [("TOC601", 8, 5)]
    assert [(f.severity, f.message) for f in only(CUSTOM, "TOC601")] == [
        ("info", 'no service for "All parents" at level "Early Help"')]


def test_ignoring_the_empty_level_brings_back_its_gaps():
    ignored = CUSTOM.replace("toc: 1\n", "toc: 1\ncheck:\n  ignore: [TOC603]\n")
    assert located(ignored, "TOC601") == [("TOC601", 10, 5), ("TOC601", 10, 5), ("TOC601", 11, 5)]


def test_default_pathway_points_at_the_first_service_of_the_level():
    text = """\
toc: 1
nodes:
  workshops:
    type: activity
    label: Workshops
    level: universal
    populations: [all-parents, separating, lgbtq, minority-ethnic, mental-health, send, fathers-carers]
    leads_to: [better]
  mediation:
    type: activity
    label: Mediation
    level: specialist
    populations: [separating]
    leads_to: [better]
  better: {type: outcome, term: long, label: Better}
"""
    findings = only(text, "TOC601")
    # Targeted has no service at all (TOC603); specialist misses six populations.
    assert [(f.severity, f.location.line) for f in findings] == [("info", 9)] * 6


def test_models_without_a_pathway_are_not_checked():
    assert located("""\
toc: 1
nodes:
  training: {type: activity, label: Training, leads_to: [better]}
  better: {type: outcome, term: long, label: Better}
""", "TOC601") == []


def test_an_empty_pathway_section_still_maps_the_defaults():
    findings = check("""\
toc: 1
pathway:
nodes:
  training: {type: activity, label: Training, leads_to: [better]}
  better: {type: outcome, term: long, label: Better}
""")
    assert [(f.code, f.severity, f.location.line) for f in findings if f.code in ("TOC601", "TOC603")] == [
        ("TOC603", "warning", 2)] * 3

"""The pathway matrix (pure) and how the loader reads services, the pathway section and figures."""

from __future__ import annotations

import textwrap

from conftest import check, located, only
from toc.checker import check_text
from toc.pathway import DEFAULT_LEVELS, build_matrix, find_duplications


def load(text: str):
    return check_text(textwrap.dedent(text), "m.toc.yaml").model


CUSTOM = """\
toc: 1
pathway:
  levels: {hubs: Family Hubs, clusters: Cluster teams, clinical: Clinical}
  populations: {all: All parents, young: Young parents}
nodes:
  a: {type: activity, label: A, level: hubs, populations: [all, young], delivery: group, leads_to: [z]}
  b: {type: activity, label: B, level: hubs, populations: [all], delivery: group, leads_to: [z]}
  c: {type: activity, label: C, level: clusters, populations: [young], delivery: one-to-one, leads_to: [z]}
  d: {type: activity, label: D, leads_to: [z]}
  z: {type: outcome, term: long, label: Z}
"""


def test_matrix_uses_the_models_own_levels_in_order():
    matrix = build_matrix(load(CUSTOM))
    assert [level.id for level in matrix.levels] == ["hubs", "clusters", "clinical"]
    assert [pop.label for pop in matrix.populations] == ["All parents", "Young parents"]
    assert [node.id for node in matrix.cell("hubs", "all").services] == ["a", "b"]
    assert [node.id for node in matrix.services] == ["a", "b", "c"]  # d is not a service
    assert [(cell.level.id, cell.population.id) for cell in matrix.gaps] == [
        ("clusters", "all"), ("clinical", "all"), ("clinical", "young")]
    assert [level.id for level in matrix.empty_levels] == ["clinical"]
    [duplication] = matrix.duplications
    assert (duplication.level.id, duplication.population.id, duplication.delivery) == ("hubs", "all", "group")
    assert [node.id for node in duplication.services] == ["a", "b"]


def test_a_pathway_section_may_give_only_one_list():
    model = load("""\
        toc: 1
        pathway:
          populations: {all: All parents}
        nodes:
          a: {type: activity, label: A, level: specialist, populations: [all], leads_to: [z]}
          z: {type: outcome, term: long, label: Z}
        """)
    matrix = build_matrix(model)
    assert matrix.levels == DEFAULT_LEVELS
    assert [node.id for node in matrix.cell("specialist", "all").services] == ["a"]


def test_duplication_needs_overlapping_areas_and_the_same_delivery():
    model = load("""\
        toc: 1
        nodes:
          a: {type: activity, label: A, level: universal, populations: [send], delivery: group, area: North, leads_to: [z]}
          b: {type: activity, label: B, level: universal, populations: [send], delivery: group, area: north , leads_to: [z]}
          c: {type: activity, label: C, level: universal, populations: [send], delivery: group, area: South, leads_to: [z]}
          d: {type: activity, label: D, level: universal, populations: [send], delivery: online, leads_to: [z]}
          z: {type: outcome, term: long, label: Z}
        """)
    cell = build_matrix(model).cell("universal", "send")
    [duplication] = find_duplications(cell.level, cell.population, cell.services)
    assert [node.id for node in duplication.services] == ["a", "b"]


def test_unknown_level_and_population_are_invalid_values_with_suggestions():
    text = """\
toc: 1
pathway:
  levels: {hubs: Family Hubs}
  populations: {young-parents: Young parents}
nodes:
  a:
    type: activity
    label: A
    level: hub
    populations: [young-parent, universal]
    leads_to: [z]
  z: {type: outcome, term: long, label: Z}
"""
    assert located(text, "TOC004") == [("TOC004", 9, 12), ("TOC004", 10, 19), ("TOC004", 10, 33)]
    hints = [finding.hint for finding in only(text, "TOC004")]
    assert hints[:2] == ['did you mean "hubs"? (or, if "hub" is right, correct the id under pathway: levels:)',
                         'did you mean "young-parents"? (or, if "young-parent" is right, correct the id under '
                         'pathway: populations:)']
    assert "pathway: section" in only(text, "TOC004")[0].message


def test_default_populations_are_checked_too():
    text = """\
toc: 1
nodes:
  a: {type: activity, label: A, level: targetted, populations: [fathers], leads_to: [z]}
  z: {type: outcome, term: long, label: Z}
"""
    hints = [finding.hint for finding in only(text, "TOC004")]
    assert hints == ['did you mean "targeted"?', 'did you mean "fathers-carers"?']


def test_service_fields_belong_on_activities_and_figures_on_needs():
    text = """\
toc: 1
nodes:
  n:
    type: need
    label: N
    provider: Council
    leads_to: [a]
  a:
    type: activity
    label: A
    figures: [{id: x, value: 1}]
    leads_to: [z]
  z: {type: outcome, term: long, label: Z}
"""
    assert located(text, "TOC004") == [("TOC004", 6, 15), ("TOC004", 11, 14)]


def test_a_service_needs_level_and_populations():
    text = """\
toc: 1
nodes:
  a: {type: activity, label: A, provider: Council, delivery: group, leads_to: [z]}
  z: {type: outcome, term: long, label: Z}
"""
    messages = [finding.message for finding in only(text, "TOC005")]
    assert messages == ['service "a" has `provider`, `delivery` but no level',
                        'service "a" has `provider`, `delivery` but no populations']


def test_bad_delivery_and_rating_are_invalid_values():
    text = """\
toc: 1
nodes:
  a: {type: activity, label: A, level: universal, populations: [send], delivery: groups, eif_rating: 5, leads_to: [z]}
  z: {type: outcome, term: long, label: Z}
"""
    assert [f.hint for f in only(text, "TOC004")] == ['did you mean "group"?', None]


def test_figures_are_read_with_their_comparator():
    model = load("""\
        toc: 1
        area: Leicester
        nodes:
          n:
            type: need
            label: N
            figures:
              - id: conceptions
                value: 17.8
                unit: per 1,000
                year: 2021
                comparator: {label: England, value: 13.1}
            leads_to: [a]
          a: {type: activity, label: A, leads_to: [z]}
          z: {type: outcome, term: long, label: Z}
        """)
    [figure] = model.nodes["n"].figures
    assert (figure.id, figure.value, figure.unit, figure.year) == ("conceptions", 17.8, "per 1,000", "2021")
    assert (figure.comparator.label, figure.comparator.value) == ("England", 13.1)


def test_figure_problems_are_located():
    text = """\
toc: 1
nodes:
  n:
    type: need
    label: N
    figures:
      - {id: a, value: 12%}
      - {id: a, value: 3, comparator: {label: England}}
      - {measure: no id or value}
      - {id: b, value: 1, colour: red}
    leads_to: [x]
  x: {type: activity, label: X, leads_to: [z]}
  z: {type: outcome, term: long, label: Z}
"""
    found = [(f.code, f.location.line, f.location.column) for f in check(text) if f.code.startswith("TOC00")]
    assert found == [
        ("TOC004", 7, 24),  # 12% is not a number
        ("TOC004", 8, 14),  # id "a" used twice
        ("TOC005", 8, 39),  # comparator without value
        ("TOC005", 9, 9), ("TOC005", 9, 9),  # no id, no value
        ("TOC003", 10, 27),  # unknown field in a figure
    ]
    assert only(text, "TOC004")[0].hint == "write the number alone and the unit in `unit:`"


def test_empty_or_malformed_pathway_lists():
    text = """\
toc: 1
pathway:
  levels:
  populations: [all-parents]
nodes:
  a: {type: activity, label: A, leads_to: [z]}
  z: {type: outcome, term: long, label: Z}
"""
    assert [(f.code, f.location.line) for f in check(text) if f.code.startswith("TOC00")] == [
        ("TOC005", 3), ("TOC004", 4)]


def test_duplication_is_reported_per_pair_and_named_areas_do_not_overlap():
    from toc.checker import check_text

    text = """\
toc: 1
nodes:
  north: {type: activity, label: N, level: universal, populations: [all-parents], delivery: group, area: North, leads_to: [o]}
  south: {type: activity, label: S, level: universal, populations: [all-parents], delivery: group, area: South, leads_to: [o]}
  everywhere: {type: activity, label: E, level: universal, populations: [all-parents], delivery: group, leads_to: [o]}
  o: {type: impact, label: O}
"""
    findings = [f for f in check_text(text, "m.toc.yaml").findings if f.code == "TOC602"]
    assert [(f.location.line, f.message.split(":")[0]) for f in findings] == [
        (5, '"everywhere" duplicates "north"'), (5, '"everywhere" duplicates "south"')]


def test_infinite_and_nan_figures_are_findings():
    from toc.checker import check_text

    text = ("toc: 1\nnodes:\n  n:\n    type: need\n    label: N\n    figures:\n"
            "      - {id: a, value: .inf}\n      - {id: b, value: -.Inf}\n      - {id: c, value: .nan}\n")
    found = [(f.location.line, f.location.column, f.message) for f in check_text(text, "m.toc.yaml").findings
             if f.code == "TOC004"]
    assert found == [(7, 24, "`value` should be a number, not .inf"), (8, 24, "`value` should be a number, not -.Inf"),
                     (9, 24, "`value` should be a number, not .nan")]

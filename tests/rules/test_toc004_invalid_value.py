from conftest import located, only


def test_bad_enum_with_suggestion():
    text = "toc: 1\nnodes:\n  a:\n    type: outcom\n    label: A\n"
    [finding] = only(text, "TOC004")
    assert (finding.location.line, finding.location.column) == (4, 11)
    assert finding.hint == 'did you mean "outcome"?'


def test_wrong_types():
    text = """\
toc: 1
nodes:
  a:
    type: activity
    label: [not, text]
    leads_to: b
  b:
    type: impact
    label: B
    indicators: {id: x}
"""
    assert located(text, "TOC004") == [("TOC004", 5, 12), ("TOC004", 6, 15), ("TOC004", 10, 17)]
    assert only(text, "TOC004")[1].hint == "write a list: leads_to: [b]"


def test_id_with_a_space():
    text = "toc: 1\nnodes:\n  my node:\n    type: impact\n    label: A\n"
    [finding] = only(text, "TOC004")
    assert (finding.location.line, finding.location.column) == (3, 3)
    assert finding.hint == 'use hyphens, e.g. "my-node"'


def test_term_on_a_non_outcome():
    text = "toc: 1\nnodes:\n  a:\n    type: activity\n    term: short\n    label: A\n"
    assert located(text, "TOC004") == [("TOC004", 5, 11)]


def test_tags_are_reported_never_run():
    text = """\
toc: 1
title: !!python/object/apply:os.system [echo hacked]
nodes:
  a:
    type: impact
    label: !local thing
"""
    assert located(text, "TOC004") == [("TOC004", 2, 8), ("TOC004", 6, 12)]
    assert "!!python/object/apply:os.system" in only(text, "TOC004")[0].message


def test_unsupported_format_version():
    assert located("toc: 2\nnodes: {}\n", "TOC004") == [("TOC004", 1, 6)]


def test_unknown_rule_code_in_check_section():
    text = "toc: 1\ncheck:\n  ignore: [TOC999, TOC3]\n  severity: {TOC30: info, TOC2O1: error}\nnodes: {}\n"
    assert located(text, "TOC004") == [("TOC004", 3, 12), ("TOC004", 4, 27)]


def test_yaml_booleans_stay_text_in_text_fields():
    from toc.loading import load_text

    model = load_text("toc: 1\ntitle: No\nnodes:\n  a: {type: impact, label: yes}\n").model
    assert model.title == "No" and model.nodes["a"].label == "yes"


def test_a_node_or_link_that_is_not_a_mapping_is_a_finding_about_that_node():
    # Like every other finding inside a node, so `toc check` JSON names the node and
    # the node's own `ignore:` applies to it.
    text = "toc: 1\nnodes:\n  a: [x]\n  b: {type: activity, label: B, leads_to: [!thing {to: a}]}\n"
    assert [(f.code, f.location.line, f.location.column, f.node) for f in only(text, "TOC004")] == [
        ("TOC004", 3, 6, "a"), ("TOC004", 4, 44, "b")]


def test_ids_on_lines_without_dashes_get_a_list_of_them_as_the_hint():
    from conftest import only

    text = ("toc: 1\nnodes:\n  a:\n    type: activity\n    label: A\n    leads_to:\n      b\n      c\n"
            "  b: {type: output, label: B}\n  c: {type: output, label: C}\n")
    [finding] = [f for f in only(text, "TOC004") if "leads_to" in f.message]
    assert finding.hint == "write a list: leads_to: [b, c]"

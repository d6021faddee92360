from conftest import located, only


def test_missing_toc_and_nodes():
    assert located("title: x\n") == [("TOC005", 1, 1), ("TOC005", 1, 1)]


def test_empty_file():
    [finding] = only("", "TOC005")
    assert "empty" in finding.message


def test_node_without_type_or_label_and_outcome_without_term():
    text = """\
toc: 1
nodes:
  a:
    label: A
    leads_to: [b]
  b:
    type: outcome
    leads_to: [c]
  c:
    type: impact
    label: C
"""
    assert located(text, "TOC005") == [("TOC005", 3, 3), ("TOC005", 6, 3), ("TOC005", 6, 3)]
    messages = [f.message for f in only(text, "TOC005")]
    assert messages == ['node "a" has no type', 'node "b" has no label', 'outcome "b" has no term']


def test_link_without_to_and_indicator_without_id():
    text = """\
toc: 1
nodes:
  a:
    type: activity
    label: A
    leads_to:
      - assumption: forgot the target
  b:
    type: impact
    label: B
    indicators:
      - measure: something
"""
    assert located(text, "TOC005") == [("TOC005", 7, 9), ("TOC005", 12, 9)]


def test_empty_label_counts_as_missing():
    assert located("toc: 1\nnodes:\n  a:\n    type: impact\n    label:\n", "TOC005") == [("TOC005", 3, 3)]


def test_an_empty_file_points_at_toc_init():
    # examples/ and docs/ are not installed with the package; toc init is.
    from conftest import only

    [finding] = only("", "TOC005")
    assert (finding.location.line, finding.location.column) == (1, 1)
    assert finding.hint == "`toc init FILE` writes a commented starter model to fill in"

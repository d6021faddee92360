from conftest import located, only

TEXT = """\
toc: 1
nodes:
  a:
    type: outcome
    term: short
    label: A
    methods: [parent-surveys, parent-survey]
    indicators:
      - id: i
        instrument: swembws
methods:
  our-audit: {name: Our audit, family: process}
evaluation:
  questions:
    - {id: q1, text: Q, kind: impact, nodes: [a], methods: [our-audit, rtc]}
"""


def test_unknown_method_and_measure_ids_are_located_where_written():
    assert located(TEXT, "TOC503") == [("TOC503", 7, 15), ("TOC503", 10, 21), ("TOC503", 15, 72)]


def test_suggests_the_catalogue_id_meant():
    hints = [finding.hint for finding in only(TEXT, "TOC503")]
    assert hints[0] == 'did you mean "parent-survey"?'
    assert hints[1] == 'did you mean "swemwbs"?'


def test_the_models_own_methods_count(tmp_path):
    assert "our-audit" not in " ".join(f.message for f in only(TEXT, "TOC503"))


def test_catalogue_files_named_by_the_model_count(tmp_path):
    from toc.checker import check_file

    (tmp_path / "ours.yaml").write_text("measures:\n  goals: {name: Goals, measures: Goal progress}\n")
    model = tmp_path / "m.toc.yaml"
    model.write_text("toc: 1\ncatalogues: [ours.yaml, missing.yaml]\nnodes:\n"
                     "  a: {type: impact, label: A, indicators: [{id: i, instrument: goals}]}\n")
    findings = check_file(str(model)).findings
    assert [(f.code, f.location.line, f.location.column) for f in findings if f.code.startswith("TOC50")] == []
    missing = [f for f in findings if f.code == "TOC004"]
    assert [(f.location.line, f.location.column) for f in missing] == [(2, 25)]
    assert "no such file" in missing[0].message

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


# Catalogue files a model names: only its own folder (or below), unless TOC_CATALOGUE_DIRS allows more.
def _catalogue_findings(model_dir, catalogues: str):
    from toc.checker import check_file

    model = model_dir / "m.toc.yaml"
    model.write_text(f"toc: 1\ncatalogues: {catalogues}\nnodes:\n  a: {{type: impact, label: A}}\n")
    return [(f.code, f.location.line, f.location.column, f.message) for f in check_file(str(model)).findings
            if f.code == "TOC004"]


def test_catalogue_outside_the_models_folder_is_refused_unread(tmp_path):
    outside = tmp_path / "secret.yaml"
    outside.write_text("password: hunter2\n")
    (tmp_path / "area").mkdir()
    assert _catalogue_findings(tmp_path / "area", "[../secret.yaml, /etc/os-release]") == [
        ("TOC004", 2, 14, 'catalogue "../secret.yaml" is outside the model\'s folder'),
        ("TOC004", 2, 30, 'catalogue "/etc/os-release" is not a .yaml or .yml file'),
    ]


def test_a_link_cannot_lead_a_catalogue_outside(tmp_path):
    (tmp_path / "secret.yaml").write_text("methods: {}\n")
    (tmp_path / "area").mkdir()
    (tmp_path / "area" / "shared.yaml").symlink_to(tmp_path / "secret.yaml")
    assert _catalogue_findings(tmp_path / "area", "[shared.yaml]") == [
        ("TOC004", 2, 14, 'catalogue "shared.yaml" is outside the model\'s folder')]


def test_catalogue_dirs_allow_a_shared_folder(tmp_path, monkeypatch):
    (tmp_path / "shared").mkdir()
    (tmp_path / "shared" / "ours.yaml").write_text("methods: {}\n")
    (tmp_path / "area").mkdir()
    monkeypatch.setenv("TOC_CATALOGUE_DIRS", str(tmp_path / "shared"))
    assert _catalogue_findings(tmp_path / "area", "[../shared/ours.yaml]") == []


def test_a_yaml_file_that_is_not_a_catalogue_is_one_finding_without_its_content(tmp_path):
    (tmp_path / "settings.yaml").write_text("database_password: hunter2\napi_key: abc\n")
    findings = _catalogue_findings(tmp_path, "[settings.yaml]")
    assert [(code, message) for code, _, _, message in findings] == [
        ("TOC004", "not a catalogue file: it has no methods: or measures: section")]
    assert "hunter2" not in repr(findings) and "api_key" not in repr(findings)

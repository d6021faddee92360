from monitoring_support import MODEL
from toc.checker import check_file


def test_a_missing_file_is_a_warning_located_at_its_name_in_the_model(tmp_path):
    path = tmp_path / "m.toc.yaml"
    path.write_text(MODEL)
    found = [f for f in check_file(str(path)).findings if f.code.startswith("TOC80")]
    assert [(f.code, f.severity, f.location.path, f.location.line, f.location.column) for f in found] == \
        [("TOC807", "warning", str(path), 5, 13)]
    assert found[0].message == 'actuals file "actuals.csv" is not there'

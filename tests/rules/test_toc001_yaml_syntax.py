from conftest import located, only
from toc.checker import check_text
from toc.loading import load_text


def test_unclosed_bracket_points_at_the_problem():
    assert located("toc: 1\nnodes:\n  a:\n    label: [x\n") == [("TOC001", 5, 1)]


def test_tab_indentation_gets_a_hint():
    [finding] = only("toc: 1\nnodes:\n\ta: 1\n", "TOC001")
    assert (finding.location.line, finding.location.column) == (3, 1)
    assert "tabs" in finding.hint


def test_control_character_is_located():
    assert located("toc: 1\ntitle: a\x00b\n") == [("TOC001", 2, 9)]


def test_two_documents_are_one_too_many():
    [finding] = only("toc: 1\n---\ntoc: 1\n", "TOC001")
    assert finding.location.line == 2
    assert "one YAML document" in finding.hint


def test_invalid_utf8_is_a_finding_with_position(tmp_path):
    from toc.checker import check_file

    path = tmp_path / "bad.toc.yaml"
    path.write_bytes(b"toc: 1\ntitle: caf\xe9 au lait\n")
    [finding] = check_file(str(path)).findings
    assert (finding.code, finding.location.line, finding.location.column) == ("TOC001", 2, 11)


def test_byte_order_mark_is_accepted(tmp_path):
    from toc.checker import check_file

    path = tmp_path / "bom.toc.yaml"
    path.write_bytes(b"\xef\xbb\xbftoc: 1\nnodes:\n  a: {type: impact, label: A, indicators: [{id: i, source: s, baseline: 1, target: 2}]}\n")
    report = check_file(str(path))
    assert report.model is not None and list(report.model.nodes) == ["a"]
    assert [f.code for f in report.findings if f.code.startswith("TOC0")] == []


def test_utf16_is_named(tmp_path):
    from toc.checker import check_file

    path = tmp_path / "utf16.toc.yaml"
    path.write_bytes("toc: 1\n".encode("utf-16"))
    [finding] = check_file(str(path)).findings
    assert finding.code == "TOC001" and "UTF-16" in finding.message


def test_broken_yaml_gives_no_model():
    assert load_text("a: [\n").model is None
    assert check_text("a: [\n").model is None


def test_utf32_is_named_not_taken_for_utf16(tmp_path):
    from toc.checker import check_file

    path = tmp_path / "utf32.toc.yaml"
    path.write_bytes("toc: 1\n".encode("utf-32"))
    [finding] = check_file(str(path)).findings
    assert finding.code == "TOC001" and "UTF-32" in finding.message


def test_lines_ended_by_carriage_returns_alone_are_counted_as_editors_do():
    from conftest import located

    # Old Mac line endings: every finding used to be reported on line 1.
    text = "toc: 1\rnodes:\r  a: {type: activity, label: A, leads_to: [b]}\r  b: {type: bogus, label: B}\r"
    assert ("TOC004", 4, 13) in located(text)


def test_invalid_utf8_after_carriage_returns_is_on_its_line(tmp_path):
    from toc.checker import check_file

    path = tmp_path / "bad.toc.yaml"
    path.write_bytes(b"toc: 1\rnodes:\r  a: {type: activity, label: \xff}\r")
    [finding] = check_file(str(path)).findings
    assert (finding.code, finding.location.line, finding.location.column) == ("TOC001", 3, 30)

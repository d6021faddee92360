"""The command line as users run it: exit codes, formats, paths, one-line errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from conftest import ROOT
from toc.cli import main

FLAWED = str(ROOT / "examples" / "flawed.toc.yaml")
CLEAN = """\
toc: 1
title: Clean
nodes:
  training:
    type: activity
    label: Training
    leads_to:
      - {to: confident, assumption: Training is relevant, evidence: moderate}
  confident:
    type: outcome
    term: short
    label: Practitioners confident
    indicators:
      - {id: confidence, source: Post-training survey, baseline: 2.5, target: 4}
    leads_to:
      - {to: less-conflict, assumption: Confident practitioners support parents, evidence: weak}
  less-conflict:
    type: outcome
    term: medium
    label: Less destructive conflict
    indicators:
      - {id: acrimony, source: Parent survey, baseline: 40, target: 32}
    leads_to:
      - {to: children, assumption: Less conflict improves children's outcomes, evidence: strong}
  children:
    type: outcome
    term: long
    label: Children's outcomes improve
    indicators:
      - {id: sdq, measure: SDQ total difficulties, instrument: sdq, source: Parent survey, baseline: 16, target: 13}
"""
WARNING_ONLY = """\
toc: 1
nodes:
  a: {type: activity, label: A, leads_to: [b]}
  b: {type: output, label: B}
"""


@pytest.fixture
def clean_model(tmp_path):
    path = tmp_path / "clean.toc.yaml"
    path.write_text(CLEAN)
    return str(path)


def run(capsys, *argv):
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_clean_model_exits_0(capsys, clean_model):
    code, out, err = run(capsys, "check", clean_model)
    assert code == 0
    assert out == "0 errors, 0 warnings, 0 info in 1 file\n"


def test_errors_exit_1(capsys):
    code, out, _ = run(capsys, "check", FLAWED)
    assert code == 1
    assert "flawed.toc.yaml:34:5: error TOC003 unknown-field: unknown field `indicator` in a node" in out
    assert '    hint: did you mean "indicators"?' in out


def test_warnings_fail_only_with_strict(capsys, tmp_path):
    path = tmp_path / "w.toc.yaml"
    path.write_text(WARNING_ONLY)
    assert run(capsys, "check", str(path))[0] == 0
    assert run(capsys, "check", "--strict", str(path))[0] == 1


@pytest.mark.parametrize(
    "argv, message",
    [
        (["check", "missing.toc.yaml"], "toc: error: missing.toc.yaml: no such file\n"),
        (["check", "--select", "TOC99", "x"], None),
        (["check", "--format", "xml", "x"], None),
        (["rules", "TOC999"], None),
        ([], None),
    ],
)
def test_usage_errors_exit_2_with_one_line(capsys, argv, message):
    code, out, err = run(capsys, *argv)
    assert code == 2
    if argv:
        assert err.count("\n") == 1 and err.startswith("toc: error: ")
    if message:
        assert err == message


def test_directory_without_models_is_a_warning_not_an_error(capsys, tmp_path):
    code, _, err = run(capsys, "check", str(tmp_path))
    assert code == 0 and err.startswith("toc: warning: ") and "no *.toc.yaml or *.toc.yml files" in err


def test_directory_is_searched_for_models(capsys, tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.toc.yaml").write_text(CLEAN)
    (tmp_path / "notes.yaml").write_text("not: a model\n")
    code, out, _ = run(capsys, "check", str(tmp_path))
    assert code == 0 and out.endswith("in 1 file\n")


def test_fifo_is_refused_without_blocking(capsys, tmp_path):
    fifo = tmp_path / "pipe.toc.yaml"
    os.mkfifo(fifo)
    code, _, err = run(capsys, "check", str(fifo))
    assert code == 2 and "not a regular file" in err


def test_unreadable_file(capsys, tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root can read anything")
    path = tmp_path / "secret.toc.yaml"
    path.write_text(CLEAN)
    path.chmod(0)
    code, _, err = run(capsys, "check", str(path))
    assert code == 2 and "Permission denied" in err


def test_select_and_ignore_by_prefix(capsys):
    _, out, _ = run(capsys, "check", "--select", "TOC3", "--ignore", "TOC303", "--format", "json", FLAWED)
    codes = {finding["code"] for finding in json.loads(out)["findings"]}
    assert codes == {"TOC301", "TOC302", "TOC304"}


def test_check_section_ignores_and_overrides(capsys, tmp_path):
    path = tmp_path / "configured.toc.yaml"
    path.write_text(
        "toc: 1\ncheck:\n  ignore: [TOC205]\n  severity: {TOC202: error}\n" + WARNING_ONLY.split("\n", 1)[1]
    )
    code, out, _ = run(capsys, "check", "--format", "json", str(path))
    findings = json.loads(out)["findings"]
    assert [(f["code"], f["severity"]) for f in findings] == [("TOC202", "error")]
    assert code == 1


def test_node_ignore(capsys, tmp_path):
    path = tmp_path / "n.toc.yaml"
    path.write_text(WARNING_ONLY.replace("{type: output, label: B}", "{type: output, label: B, ignore: [TOC202]}"))
    _, out, _ = run(capsys, "check", "--format", "json", str(path))
    assert [f["code"] for f in json.loads(out)["findings"]] == ["TOC205"]


def test_json_shape(capsys):
    _, out, _ = run(capsys, "check", "--format", "json", FLAWED)
    document = json.loads(out)
    assert document["schema"] == "toc-findings/1"
    assert document["files"] == [{"path": FLAWED, "loaded": True, "findings": len(document["findings"]),
                                  "partial": False}]
    first = document["findings"][0]
    assert set(first) == {"code", "name", "severity", "message", "path", "line", "column", "node", "hint", "related",
                          "caused_by"}
    assert document["summary"]["files"] == 1


def test_github_annotations(capsys):
    _, out, _ = run(capsys, "check", "--format", "github", FLAWED)
    line = next(line for line in out.splitlines() if "TOC003" in line)
    assert line.startswith(f"::error file={FLAWED},line=34,col=5,title=TOC003 unknown-field::")
    assert "%0Adid you mean" in line


def test_sarif_is_valid_sarif_2_1_0(capsys):
    from sarif_pydantic import Sarif

    _, out, _ = run(capsys, "check", "--format", "sarif", FLAWED)
    document = json.loads(out)
    log = Sarif.model_validate(document)
    assert log.version == "2.1.0"
    run_ = document["runs"][0]
    rule_ids = [rule["id"] for rule in run_["tool"]["driver"]["rules"]]
    for result in run_["results"]:
        assert rule_ids[result["ruleIndex"]] == result["ruleId"]
        assert result["level"] in ("error", "warning", "note")
        region = result["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1


def test_report_to_a_file_never_overwrites_the_model(capsys, tmp_path, clean_model):
    report = tmp_path / "report.json"
    assert run(capsys, "check", "--format", "json", "-o", str(report), clean_model)[0] == 0
    assert json.loads(report.read_text())["summary"]["error"] == 0
    code, _, err = run(capsys, "check", "-o", clean_model, clean_model)
    assert code == 2 and "refusing to overwrite the input model" in err
    assert open(clean_model).read() == CLEAN


def test_rules_list_and_doc(capsys):
    code, out, _ = run(capsys, "rules")
    assert code == 0 and "TOC206  stage-leap" in out
    code, out, _ = run(capsys, "rules", "stage-leap")
    assert code == 0 and out.startswith("TOC206 stage-leap (default: warning)")
    assert "## Example" in out and "## Use instead" in out


def test_schema_is_json(capsys):
    code, out, _ = run(capsys, "schema")
    assert code == 0 and json.loads(out)["properties"]["toc"] == {
        "description": "Format version. Always 1 for this format.",
        "type": "integer",
        "const": 1,
    }


def test_python_dash_m_and_no_traceback_on_garbage(tmp_path):
    garbage = tmp_path / "garbage.toc.yaml"
    garbage.write_bytes(os.urandom(4096))
    result = subprocess.run([sys.executable, "-m", "toc", "check", str(garbage)], capture_output=True, text=True)
    assert result.returncode in (1, 2)
    assert "Traceback" not in result.stderr + result.stdout


def test_a_closed_pipe_ends_quietly(examples_dir):
    # `toc catalogue | head -1`: the reader goes away; no error line, success.
    result = subprocess.run(f"{sys.executable} -m toc catalogue | head -1", shell=True, capture_output=True,
                            text=True, env={**os.environ, "PYTHONUNBUFFERED": ""})
    assert result.stdout.count("\n") == 1
    assert result.stderr == ""


def test_a_terminal_that_is_not_utf8_gets_escapes_not_a_crash(tmp_path):
    model = tmp_path / "m.toc.yaml"
    model.write_text("toc: 1\nnodes:\n  café: {type: activity, label: Café → talks, leads_to: [gone]}\n",
                     encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "toc", "check", str(model)], capture_output=True,
                            env={**os.environ, "PYTHONIOENCODING": "ascii"})
    assert result.returncode == 1, result.stderr
    assert b"caf\\xe9" in result.stdout and b"internal error" not in result.stderr


@pytest.mark.parametrize("name, expected", [
    ("plain.toc.yaml", "plain.toc.yaml"),
    ("sp ace#1/m%20.toc.yaml", "sp%20ace%231/m%2520.toc.yaml"),
])
def test_sarif_uris_are_valid_uri_references(tmp_path, monkeypatch, capsys, name, expected):
    from urllib.parse import unquote

    monkeypatch.chdir(tmp_path)
    (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / name).write_text("toc: 1\nnodes:\n  a: {type: activity, label: A}\n")
    main(["check", "--format", "sarif", name])
    relative = json.loads(capsys.readouterr().out)["runs"][0]["results"][0]["locations"][0]
    assert relative["physicalLocation"]["artifactLocation"]["uri"] == expected
    main(["check", "--format", "sarif", str(tmp_path / name)])
    absolute = json.loads(capsys.readouterr().out)["runs"][0]["results"][0]["locations"][0]
    uri = absolute["physicalLocation"]["artifactLocation"]["uri"]
    assert uri.startswith("file:///") and " " not in uri and unquote(uri[len("file://"):]) == str(tmp_path / name)


def test_a_suffix_becomes_a_format_in_one_place():
    # Every command that takes its format from -o's suffix asks toc.commands.common.format_of_output.
    import re

    commands = sorted((ROOT / "toc" / "commands").glob("*.py"))
    by_hand = [path.name for path in commands if path.name != "common.py"
               and re.search(r"splitext\(|rfind\(\"\.\"\)", path.read_text())]
    assert by_hand == []


@pytest.mark.parametrize("arguments, message", [
    (["render", "m.toc.yaml", "-o", "out.docx"], "cannot tell the format of 'out.docx' from its suffix; use one of"),
    (["spec", "m.toc.yaml", "-o", "out.xyz"], "cannot tell the format of 'out.xyz' from its suffix; use one of"),
    (["compare", "m.toc.yaml", "m.toc.yaml", "-o", "out.pdf"], "cannot tell the format of 'out.pdf'"),
])
def test_an_unknown_suffix_is_one_clear_line(tmp_path, monkeypatch, capsys, arguments, message):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "m.toc.yaml").write_text("toc: 1\nnodes:\n  a: {type: activity, label: A}\n")
    assert main(arguments) == 2
    error = capsys.readouterr().err
    assert message in error and error.count("\n") == 1


def test_check_and_diff_take_the_format_from_the_output_suffix(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "m.toc.yaml").write_text("toc: 1\nnodes:\n  a: {type: activity, label: A}\n")
    main(["check", "m.toc.yaml", "-o", "r.sarif"])
    assert json.loads((tmp_path / "r.sarif").read_text())["version"] == "2.1.0"
    main(["check", "m.toc.yaml", "-o", "r.txt"])
    assert (tmp_path / "r.txt").read_text().startswith("m.toc.yaml:")
    main(["diff", "m.toc.yaml", "m.toc.yaml", "-o", "d.md"])
    assert (tmp_path / "d.md").read_text().startswith("## Changes from")
    main(["diff", "m.toc.yaml", "m.toc.yaml", "-o", "d.json", "--format", "text"])
    assert (tmp_path / "d.json").read_text().startswith("toc diff")  # --format wins

"""Project configuration: discovery (pyproject.toml [tool.toc], toc.toml, .toc.yaml), precedence
(command line > the file's check: section > project > defaults), and invalid configuration as one
clean error naming file:line."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import textwrap

import pytest

from toc.cli import main
from toc.project_config import ConfigError, find_config, read_config

# Findings: TOC301 (warning) on "b" and "c", TOC206 (warning) on b -> c, TOC401 (info) on both links.
MODEL = textwrap.dedent("""\
    toc: 1
    title: T
    nodes:
      a: {type: activity, label: A, leads_to: [b]}
      b: {type: outcome, term: short, label: B, leads_to: [c]}
      c: {type: impact, label: C}
""")


def _codes(capsys) -> list[str]:
    """(code, severity) of each finding line main() printed."""
    out = capsys.readouterr().out
    found = []
    for line in out.splitlines():
        if not line.startswith(" ") and ": " in line and " TOC" in line:
            severity, code = line.split(": ", 1)[1].split()[:2]
            found.append(f"{code}:{severity}")
    return sorted(found)


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A git repository with a model in models/; the current folder is its root."""
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / "models").mkdir()
    (tmp_path / "models" / "m.toc.yaml").write_text(MODEL)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_defaults_without_a_configuration(project, capsys):
    assert main(["check", "models"]) == 0
    assert _codes(capsys) == ["TOC206:warning", "TOC301:warning", "TOC301:warning", "TOC401:info", "TOC401:info"]
    assert find_config(str(project / "models")) is None


def _baseline(capsys):
    assert main(["check", "--isolated", "models"]) in (0, 1)
    return _codes(capsys)


@pytest.mark.parametrize("name, text", [
    ("pyproject.toml", '[project]\nname = "x"\n\n[tool.toc]\nignore = ["TOC401"]\n\n[tool.toc.severity]\nTOC301 = "error"\n'),
    ("toc.toml", 'ignore = ["TOC401"]\nseverity = {TOC301 = "error"}\n'),
    (".toc.yaml", "ignore: [TOC401]\nseverity:\n  TOC301: error\n"),
    (".toc.yml", "ignore: TOC401\nseverity: {TOC301: error}\n"),
])
def test_each_kind_of_file_is_found_from_the_models_folder_upwards(project, capsys, name, text):
    before = _baseline(capsys)
    assert "TOC401:info" in before and "TOC301:warning" in before
    (project / name).write_text(text)
    assert main(["check", "models"]) == 1  # TOC301 is now an error
    after = _codes(capsys)
    assert "TOC401:info" not in after and "TOC301:warning" not in after and "TOC301:error" in after
    config = find_config(str(project / "models"))
    assert config.path == str(project / name) and config.ignore == ("TOC401",)
    # A model named directly, and a model on standard input (its folder: the current one), too.
    assert main(["check", "models/m.toc.yaml"]) == 1
    assert _codes(capsys) == after


def test_a_pyproject_without_tool_toc_is_passed_by(project, capsys):
    (project / "models" / "pyproject.toml").write_text('[project]\nname = "models"\n')
    (project / "toc.toml").write_text('ignore = ["TOC401"]\n')
    assert find_config(str(project / "models")).path == str(project / "toc.toml")


def test_the_nearest_folder_wins_and_its_first_file_in_order(project):
    (project / "toc.toml").write_text('ignore = ["TOC401"]\n')
    (project / "models" / "toc.toml").write_text('ignore = ["TOC3"]\n')
    (project / "models" / ".toc.yaml").write_text("ignore: [TOC2]\n")
    assert find_config(str(project / "models")).ignore == ("TOC2",)  # .toc.yaml before toc.toml
    assert find_config(str(project)).ignore == ("TOC401",)


def test_the_search_stops_at_the_repository_root(tmp_path):
    (tmp_path / "toc.toml").write_text('ignore = ["TOC401"]\n')  # outside the repository
    repository = tmp_path / "repo"
    (repository / "models").mkdir(parents=True)
    subprocess.run(["git", "init", "-q", str(repository)], check=True)
    assert find_config(str(repository / "models")) is None
    # Without a repository the search goes on up.
    (tmp_path / "plain" / "models").mkdir(parents=True)
    assert find_config(str(tmp_path / "plain" / "models")).path == str(tmp_path / "toc.toml")


def test_the_files_own_check_section_overrides_the_project(project, capsys):
    (project / "toc.toml").write_text('ignore = ["TOC4"]\n[severity]\nTOC301 = "error"\nTOC2 = "info"\n')
    model = project / "models" / "m.toc.yaml"
    model.write_text(MODEL + "check:\n  severity:\n    TOC301: info\n    TOC401: warning\n")
    assert main(["check", "models"]) == 0
    found = _codes(capsys)
    # The file's severity beats the project's; TOC401, ignored by the project as TOC4, is brought
    # back by the file naming it more specifically.
    assert found == ["TOC206:info", "TOC301:info", "TOC301:info", "TOC401:warning", "TOC401:warning"]


def test_the_command_line_overrides_both(project, capsys):
    (project / "toc.toml").write_text('select = ["TOC4"]\nignore = ["TOC401"]\n')
    assert main(["check", "models"]) == 0
    assert _codes(capsys) == []  # only TOC4 selected, and TOC401 ignored
    assert main(["check", "--select", "TOC401", "models"]) == 0
    assert _codes(capsys) == ["TOC401:info"] * 2  # --select replaces the project's select and names TOC401
    assert main(["check", "--select", "TOC3", "models"]) == 0
    assert {code.split(":")[0] for code in _codes(capsys)} == {"TOC301"}
    assert main(["check", "--isolated", "--ignore", "TOC3", "models"]) == 0
    assert "TOC401:info" in _codes(capsys)


def test_exclude_leaves_files_out_of_directory_search_only(project, capsys):
    (project / "models" / "drafts").mkdir()
    (project / "models" / "drafts" / "d.toc.yaml").write_text("toc: 1\nnodes: {a: {type: outcom, label: A}}\n")
    (project / "models" / "old.toc.yml").write_text("toc: 1\nnodes: {a: {type: outcom, label: A}}\n")
    assert main(["check", "models"]) == 1
    capsys.readouterr()
    (project / "pyproject.toml").write_text('[tool.toc]\nexclude = ["drafts/", "*.toc.yml"]\n')
    assert main(["check", "models"]) == 0
    assert capsys.readouterr().out.endswith("in 1 file\n")
    assert main(["check", "models/drafts/d.toc.yaml"]) == 1  # named on the command line: checked


def test_standard_input_uses_the_configuration_of_the_current_folder(project, monkeypatch, capsys):
    (project / ".toc.yaml").write_text("ignore: [TOC401]\nseverity: {TOC301: error}\n")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(MODEL.encode())))
    assert main(["check", "-"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("<stdin>:") and "TOC401" not in out and "error TOC301" in out


def test_render_findings_follow_the_project_configuration(project, capsys):
    (project / "toc.toml").write_text('ignore = ["TOC3", "TOC4", "TOC2"]\n')
    assert main(["render", "models/m.toc.yaml", "-o", "m.dot", "--findings"]) == 0
    assert "TOC301" not in (project / "m.dot").read_text()
    (project / "toc.toml").write_text('ignore = ["TOC4"]\n')
    assert main(["render", "models/m.toc.yaml", "-o", "m.dot", "--findings"]) == 0
    assert "TOC301" in (project / "m.dot").read_text()


# ---------------------------------------------------------------- invalid configuration
@pytest.mark.parametrize("name, text, message", [
    ("toc.toml", 'ignore = ["TOC401"\n', 'toc.toml:1: not valid TOML: '),
    ("toc.toml", 'select = ["TOC3"]\nignroe = ["TOC401"]\n',
     'toc.toml:2: unknown setting `ignroe`; did you mean "ignore"? (toc\'s settings: select, ignore, severity, exclude)'),
    ("toc.toml", 'ignore = ["TOC401", "TOC999"]\n', 'toc.toml:1: `ignore`: unknown rule code "TOC999"'),
    ("toc.toml", 'ignore = 3\n', 'toc.toml:1: `ignore` should be a list of rule codes such as ["TOC303", "TOC4"], not a number'),
    ("toc.toml", '\n[severity]\nTOC301 = "fatal"\n', "toc.toml:3: severity of TOC301 should be error, warning or info, not 'fatal'"),
    ("pyproject.toml", '[project]\nname = "x"\n\n[tool.toc]\nselect = ["TOC3"]\nseverity = "error"\n',
     "pyproject.toml:6: `severity` should be a table of rule code = error, warning or info, not text"),
    ("pyproject.toml", '[tool.toc]\nselect = ["TOC3"]\n\n[tool.toc.severity]\nTOC3O1 = "error"\n',
     'pyproject.toml:5: `severity`: unknown rule code "TOC3O1"'),
    ("pyproject.toml", '[tool.toc]\nexlude = ["drafts/"]\n', 'pyproject.toml:2: unknown setting `exlude` in [tool.toc]; did you mean "exclude"?'),
    (".toc.yaml", "ignore: [TOC401]\nseverity:\n  TOC301: eror\n", ".toc.yaml:3: severity of TOC301 should be error, warning or info, not 'eror'"),
    (".toc.yaml", "ignore: [TOC401\nselect: x\n", ".toc.yaml:2: not valid YAML: "),
    (".toc.yaml", "- TOC401\n", ".toc.yaml:1: the file should be a table of settings (select, ignore, severity, exclude), not a list"),
    (".toc.yaml", "exclude: {a: b}\n", '.toc.yaml:1: `exclude` should be a list of patterns'),
    (".toc.yaml", "# a model saved without a name\ntoc: 1\nnodes: {}\n",
     ".toc.yaml:3: this looks like a model, not toc's configuration: name the model something.toc.yaml"),
])
def test_an_invalid_configuration_is_one_clean_error(project, capsys, name, text, message):
    (project / name).write_text(text)
    assert main(["check", "models"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(f"toc: error: {message}"), captured.err
    assert captured.err.count("\n") == 1
    with pytest.raises(ConfigError):
        read_config(str(project / name))


def test_an_invalid_configuration_outside_the_current_folder_is_named_in_full(tmp_path, monkeypatch, capsys):
    subprocess.run(["git", "init", "-q", str(tmp_path / "repo")], check=True)
    (tmp_path / "repo" / "toc.toml").write_text("ignore = [\n")
    (tmp_path / "repo" / "m.toc.yaml").write_text(MODEL)
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")
    assert main(["check", str(tmp_path / "repo")]) == 2
    assert capsys.readouterr().err.startswith(f"toc: error: {tmp_path / 'repo' / 'toc.toml'}:")


def test_rule_names_work_as_well_as_codes(project, capsys):
    (project / ".toc.yaml").write_text("ignore: [unexplained-link, unmeasured-outcome]\n")
    assert main(["check", "models"]) == 0
    found = _codes(capsys)
    assert not any(code.startswith(("TOC401", "TOC301")) for code in found)


def test_fmt_compare_and_needs_search_folders_with_the_same_excludes(project, capsys):
    (project / "models" / "drafts").mkdir()
    messy = "toc: 1\nnodes:\n  a: {label: A, type: impact}\ntitle: Messy\n"
    (project / "models" / "drafts" / "d.toc.yaml").write_text(messy)
    (project / "toc.toml").write_text('exclude = ["drafts/"]\n')
    assert main(["fmt", "--check", "models"]) == 0
    assert "of 1 file" in capsys.readouterr().err
    assert (project / "models" / "drafts" / "d.toc.yaml").read_text() == messy


def test_diff_compares_findings_under_the_project_configuration(project, capsys):
    import json
    import shutil

    from conftest import EXAMPLES

    shutil.copy(EXAMPLES / "history" / "sefton-draft.toc.yaml", project / "models" / "old.toc.yaml")
    shutil.copy(EXAMPLES / "sefton.toc.yaml", project / "models" / "new.toc.yaml")
    shutil.copy(EXAMPLES / "sefton-actuals.csv", project / "models")  # the figures its monitoring: names
    arguments = ["diff", "--format", "json", "models/old.toc.yaml", "models/new.toc.yaml"]
    assert main(arguments) == 0
    assert {finding["code"] for finding in json.loads(capsys.readouterr().out)["findings"]} == {"TOC304"}
    (project / "toc.toml").write_text('ignore = ["TOC304"]\n')
    assert main(arguments) == 0
    assert json.loads(capsys.readouterr().out)["findings"] == []


def test_the_error_quoted_in_docs_configuration_is_the_real_one(project, capsys):
    from conftest import ROOT

    quoted = next(line for line in (ROOT / "docs" / "configuration.md").read_text().splitlines()
                  if line.startswith("toc: error: pyproject.toml:12:"))
    (project / "pyproject.toml").write_text(
        '[project]\nname = "our-models"\nversion = "1"\n\n[tool.ruff]\nline-length = 100\n\n'
        '[tool.toc]\nselect = ["TOC2", "TOC3"]\nexclude = ["drafts/"]\n\nignroe = ["TOC401"]\n')
    assert main(["check", "models/"]) == 2
    assert capsys.readouterr().err == quoted + "\n"


def test_the_workshop_page_shows_the_findings_under_the_project_configuration(project):
    from toc.serving import LivePage

    page = LivePage(str(project / "models" / "m.toc.yaml"))
    page.refresh()
    assert "TOC301" in page.html
    (project / "toc.toml").write_text('ignore = ["TOC3"]\n')
    (project / "models" / "m.toc.yaml").write_text(MODEL + "# saved again\n")
    page.refresh()
    assert "TOC301" not in page.html and "TOC401" in page.html
    (project / "toc.toml").write_text('ignroe = ["TOC3"]\n')
    (project / "models" / "m.toc.yaml").write_text(MODEL + "# and again\n")
    page.refresh()
    assert "unknown setting `ignroe`" in page.html

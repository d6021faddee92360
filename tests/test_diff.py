"""`toc diff`: a semantic diff of two versions, snapshotted on the Sefton draft and refined pair."""

from __future__ import annotations

import json
import subprocess
import textwrap

import pytest

from conftest import EXAMPLES, ROOT
from toc.renderers.diff import render_json, render_markdown, render_text
from toc.checker import check_file, check_text
from toc.cli import main
from toc.diff import diff_models

DRAFT = "examples/history/sefton-draft.toc.yaml"
REFINED = "examples/sefton.toc.yaml"


def sefton_diff(monkeypatch):
    monkeypatch.chdir(ROOT)
    old, new = check_file(DRAFT), check_file(REFINED)
    return diff_models(old.model, new.model, old.findings, new.findings)


@pytest.mark.parametrize("render, extension", [(render_text, ".txt"), (render_markdown, ".md"),
                                               (render_json, ".json")])
def test_sefton_draft_to_refined_snapshot(render, extension, monkeypatch, file_regression):
    file_regression.check(render(sefton_diff(monkeypatch)), basename="sefton-draft-to-refined", extension=extension)


def test_sefton_pair_reports_what_the_second_workshop_changed(monkeypatch):
    diff = sefton_diff(monkeypatch)
    kinds = {(n.kind, n.id) for n in diff.nodes}
    assert ("renamed", "distinguish-da") in kinds and ("added", "refine-workshop") in kinds
    renamed = next(n for n in diff.nodes if n.kind == "renamed")
    assert renamed.old_id == "pc-vs-da"
    less_exposure = next(n for n in diff.nodes if n.id == "less-exposure")
    assert ("stage", "medium-term outcome", "long-term outcome") in [(c.field, c.old, c.new)
                                                                    for c in less_exposure.changes]
    # Links into the renamed box are not reported as removed and added again.
    assert not [link for link in diff.links if "pc-vs-da" in (link.source, link.target)]
    target = next(i for i in diff.indicators if i.id == "sf-conflict-closed-improved")
    assert [(c.field, c.old, c.new) for c in target.changes] == [("target", 60, 70)]


def _models(old_text, new_text):
    old = check_text(textwrap.dedent(old_text), "old.toc.yaml")
    new = check_text(textwrap.dedent(new_text), "new.toc.yaml")
    return diff_models(old.model, new.model, old.findings, new.findings)


BASE = """\
    toc: 1
    # a comment that does not matter
    nodes:
      training:
        type: activity
        label: Training
        leads_to:
          - to: confident
            evidence: weak
      confident:
        type: outcome
        term: short
        label: Confident practitioners
        indicators:
          - {id: survey, measure: Survey, source: Post-training survey, baseline: 10, target: 80}
    """


def test_layout_comments_and_key_order_are_not_changes():
    reordered = BASE.replace("    # a comment that does not matter\n", "").replace(
        "        type: activity\n        label: Training\n", "        label: Training\n        type: activity\n")
    diff = _models(BASE, reordered)
    assert diff.is_empty
    assert "summary: no changes in meaning" in render_text(diff)


def test_retyped_relabelled_link_and_indicator_changes():
    changed = (BASE.replace("evidence: weak", "evidence: strong").replace("target: 80", "target: 90")
               .replace("label: Confident practitioners", "label: Practitioners feel confident")
               .replace("type: activity", "type: output"))
    diff = _models(BASE, changed)
    fields = {(n.id, c.field) for n in diff.nodes for c in n.changes}
    assert {("training", "type"), ("training", "stage"), ("confident", "label")} <= fields
    assert [(l.source, l.target, [(c.field, c.old, c.new) for c in l.changes]) for l in diff.links] == [
        ("training", "confident", [("evidence", "weak", "strong")])]
    assert [(c.field, c.old, c.new) for c in diff.indicators[0].changes] == [("target", 80, 90)]


def test_colour_only_when_asked():
    diff = _models(BASE, BASE.replace("target: 80", "target: 90"))
    assert "\033[" not in render_text(diff)
    assert "\033[33m" in render_text(diff, colour=True)


def test_json_has_a_summary(monkeypatch):
    document = json.loads(render_json(sefton_diff(monkeypatch)))
    assert document["summary"]["nodes renamed"] == 1
    assert set(document) >= {"nodes", "links", "indicators", "assumptions", "findings", "model", "summary"}


def test_cli_formats_exit_code_and_output_file(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    assert main(["diff", DRAFT, REFINED]) == 0
    assert "is now \"distinguish-da\"" in capsys.readouterr().out
    assert main(["diff", "--exit-code", DRAFT, REFINED]) == 1
    assert main(["diff", "--exit-code", REFINED, REFINED]) == 0
    out = tmp_path / "changes.md"
    assert main(["diff", "--format", "markdown", "-o", str(out), DRAFT, REFINED]) == 0
    assert out.read_text().startswith("## Changes from `examples/history/sefton-draft.toc.yaml`")
    capsys.readouterr()
    assert main(["diff", "-o", REFINED, DRAFT, REFINED]) == 2
    assert "refusing to overwrite the input model" in capsys.readouterr().err


def test_cli_unreadable_model_is_a_located_finding(tmp_path, capsys):
    broken = tmp_path / "broken.toc.yaml"
    broken.write_text("toc: 1\nnodes: [\n")
    assert main(["diff", str(broken), str(EXAMPLES / "sefton.toc.yaml")]) == 1
    err = capsys.readouterr().err
    assert "broken.toc.yaml:" in err and "error TOC001 yaml-syntax" in err


def test_cli_git_revisions(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run(["git", "init", "-q"], check=True)
    model = tmp_path / "m.toc.yaml"
    model.write_text(textwrap.dedent(BASE))
    subprocess.run(git + ["add", "."], check=True)
    subprocess.run(git + ["commit", "-qm", "first"], check=True)
    model.write_text(textwrap.dedent(BASE).replace("target: 80", "target: 95"))
    assert main(["diff", "git:HEAD:m.toc.yaml", "m.toc.yaml"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("toc diff git:HEAD:m.toc.yaml -> m.toc.yaml") and "target: 80 -> 95" in out
    assert main(["diff", "git:nosuchrev:m.toc.yaml", "m.toc.yaml"]) == 2
    assert capsys.readouterr().err.startswith("toc: error: git:nosuchrev:m.toc.yaml: ")
    assert main(["diff", "git:HEAD", "m.toc.yaml"]) == 2
    assert "write git:REVISION:PATH" in capsys.readouterr().err


def test_history_examples_pass_check(monkeypatch):
    monkeypatch.chdir(ROOT)
    for path in sorted((EXAMPLES / "history").glob("*.toc.yaml")):
        findings = check_file(str(path.relative_to(ROOT))).findings
        assert [f for f in findings if f.severity != "info"] == [], path


def test_a_removed_links_reason_is_what_it_had_not_what_it_has():
    from toc.checker import check_text
    from toc.diff import diff_models

    old = check_text("toc: 1\nnodes:\n  a: {type: activity, label: A, leads_to: [{to: b, assumption: Because}]}\n"
                     "  b: {type: impact, label: B}\n", "old.toc.yaml").model
    new = check_text("toc: 1\nnodes:\n  a: {type: activity, label: A}\n  b: {type: impact, label: B}\n",
                     "new.toc.yaml").model
    [removed] = diff_models(old, new).links
    assert removed.kind == "removed"
    assert [(c.field, c.old, c.new) for c in removed.changes] == [("assumption", "Because", None)]

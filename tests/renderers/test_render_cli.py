"""`toc render` from the command line: formats, views, and its one-line errors."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from conftest import EXAMPLES
from toc.cli import main

WIRRAL = str(EXAMPLES / "wirral.toc.yaml")


def run(capsys, *argv):
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_outline_to_stdout(capsys):
    code, out, _ = run(capsys, "render", WIRRAL, "-o", "-", "--format", "md")
    assert code == 0 and out.startswith("# Wirral - reducing parental conflict")


@pytest.mark.parametrize("suffix, start", [(".dot", "digraph toc {"), (".mmd", "---\ntitle:"), (".txt", "Wirral")])
def test_text_formats_from_the_suffix(capsys, tmp_path, suffix, start):
    out = tmp_path / f"d{suffix}"
    assert run(capsys, "render", WIRRAL, "-o", str(out))[0] == 0
    assert out.read_text().startswith(start)


def test_focus_and_hide(capsys):
    _, out, _ = run(capsys, "render", WIRRAL, "-o", "-", "--format", "md", "--focus", "confident", "--depth", "1")
    assert "Practitioners confident" in out and "Wirral children thrive" not in out
    _, out, _ = run(capsys, "render", WIRRAL, "-o", "-", "--format", "md", "--hide", "need", "input")
    assert "### Needs" not in out and "### Inputs" not in out and "### Activities" in out


def test_upstream_only(capsys):
    _, out, _ = run(capsys, "render", WIRRAL, "-o", "-", "--format", "md", "--focus", "trained", "--upstream")
    assert "Practitioners confident" not in out and "DWP-funded classroom" in out


def test_group_by_draws_clusters(capsys):
    _, out, _ = run(capsys, "render", WIRRAL, "-o", "-", "--group-by", "group")
    assert "subgraph cluster_group_0" in out and "cluster_activity" not in out


def test_findings_overlay_marks_nodes_and_links(capsys):
    _, out, _ = run(capsys, "render", str(EXAMPLES / "flawed.toc.yaml"), "-o", "-", "--findings")
    assert "TOC301" in out and "TOC206 stage-leap" in out


@pytest.mark.parametrize(
    "argv, message",
    [
        (["-o", "x.jpg"], "cannot tell the format"),
        (["-o", "-", "--focus", "confidnt"], 'did you mean "confident"?'),
        (["-o", WIRRAL, "--format", "dot"], "refusing to overwrite the input model"),
        (["-o", "-", "--depth", "2"], "--depth needs --focus"),
    ],
)
def test_usage_errors(capsys, argv, message):
    code, _, err = run(capsys, "render", WIRRAL, *argv)
    assert code == 2 and message in err and err.count("\n") == 1


def test_missing_dot_is_one_line_and_text_formats_still_work(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    code, _, err = run(capsys, "render", WIRRAL, "-o", str(tmp_path / "x.svg"))
    assert code == 2 and "apt-get install graphviz" in err and err.count("\n") == 1
    assert not (tmp_path / "x.svg").exists()
    assert run(capsys, "render", WIRRAL, "-o", str(tmp_path / "x.dot"))[0] == 0


def test_model_that_does_not_load(capsys, tmp_path):
    broken = tmp_path / "broken.toc.yaml"
    broken.write_text("toc: 1\nnodes: [\n")
    code, _, err = run(capsys, "render", str(broken), "-o", "-")
    assert code == 1 and "TOC001" in err and "does not load" in err


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz `dot` is not installed")
def test_svg_file(capsys, tmp_path):
    out = tmp_path / "w.svg"
    assert run(capsys, "render", WIRRAL, "-o", str(out), "--workshop", "--page", "A3")[0] == 0
    assert "<desc>Theory of change: Wirral" in out.read_text()


def test_graphviz_failing_is_one_clear_line_and_spec_falls_back_to_the_outline(tmp_path):
    # Graphviz crashes on some graphs ("trouble in init_rank"): that is not a bug in toc.
    fake = tmp_path / "bin"
    fake.mkdir()
    (fake / "dot").write_text("#!/bin/sh\necho 'trouble in init_rank' >&2\nexit 1\n")
    (fake / "dot").chmod(0o755)
    model = tmp_path / "m.toc.yaml"
    model.write_text("toc: 1\nnodes:\n  a: {type: activity, label: A, leads_to: [b]}\n  b: {type: impact, label: B}\n")
    env = {**os.environ, "PATH": f"{fake}{os.pathsep}{os.environ['PATH']}"}
    drawn = subprocess.run([sys.executable, "-m", "toc", "render", str(model), "-o", str(tmp_path / "x.svg")],
                           capture_output=True, text=True, env=env)
    assert drawn.returncode == 2 and drawn.stderr.count("\n") == 1
    assert drawn.stderr.startswith("toc: error: Graphviz could not lay the drawing out (trouble in init_rank)")
    spec = subprocess.run([sys.executable, "-m", "toc", "spec", str(model), "-o", str(tmp_path / "s.html")],
                          capture_output=True, text=True, env=env)
    assert spec.returncode == 0 and "text outline instead of the diagram" in spec.stderr
    assert (tmp_path / "s.html").exists()


def test_svg_title_is_plain_xml_escaping():
    from toc.renderers.graphviz_backend import add_svg_title

    svg = add_svg_title(b'<svg width="1">x</svg>', "A\\B & <C>", "d\x1b").decode()
    assert "<title>A\\B &amp; &lt;C&gt;</title>" in svg and "<desc>d\\x1b</desc>" in svg

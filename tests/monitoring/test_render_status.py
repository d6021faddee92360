"""`toc render --status`: boxes by monitoring status, in words as well as fills; suspect links marked."""

from __future__ import annotations

import shutil

import pytest

from conftest import ROOT
from monitoring_support import write
from toc.cli import main


def _dot(args, capsys) -> tuple[int, str, str]:
    code = main(["render", *args, "-o", "-", "--format", "dot"])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_boxes_say_their_status_and_suspect_links_are_labelled(tmp_path, capsys):
    path = write(tmp_path, "indicator,period,value\nsessions-held,2025-Q1,10\nsdq-total,2025-Q1,17.9\n")
    code, dot, _ = _dot([path, "--status"], capsys)
    lines = {line.strip().split(" ", 1)[0]: line for line in dot.splitlines() if "[shape=" in line}
    assert "● ON TRACK" in lines["n1"] and 'fillcolor="#CDEFE3"' in lines["n1"]
    assert "■ OFF TRACK" in lines["n2"] and 'fillcolor="#F6CDB8"' in lines["n2"]
    assert "ON TRACK" not in lines["n0"] and "NO DATA" not in lines["n0"]  # the activity has no indicators
    suspect = next(line for line in dot.splitlines() if "n1 -> n2" in line and "invis" not in line)
    assert 'label="SUSPECT"' in suspect and "#D55E00" in suspect
    assert "suspect link: on track to off track" in dot  # in the key


def test_the_same_model_without_status_is_unchanged(tmp_path, capsys):
    path = write(tmp_path, "indicator,period,value\nsessions-held,2025-Q1,10\n")
    _, plain, _ = _dot([path], capsys)
    assert "ON TRACK" not in plain and "SUSPECT" not in plain


@pytest.mark.parametrize("extra, message", [
    (["-o", "x.mmd"], "--status is drawn by Graphviz"),
])
def test_status_needs_graphviz_formats(tmp_path, capsys, extra, message):
    path = write(tmp_path, "indicator,period,value\n")
    code = main(["render", path, "--status", *extra])
    assert code == 2 and message in capsys.readouterr().err


def test_status_needs_a_monitoring_section(tmp_path, capsys):
    path = tmp_path / "m.toc.yaml"
    path.write_text("toc: 1\nnodes:\n  a: {type: activity, label: A}\n")
    assert main(["render", str(path), "--status", "-o", "-", "--format", "dot"]) == 2
    assert "no `monitoring:` section" in capsys.readouterr().err


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz `dot` is not installed")
def test_the_wirral_status_picture_is_drawn(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    assert main(["render", "examples/wirral.toc.yaml", "--status", "-o", str(tmp_path / "s.svg")]) == 0
    svg = (tmp_path / "s.svg").read_text()
    assert svg.count("SUSPECT") == 2 and "OFF TRACK" in svg and "NOT JUDGED" in svg


def test_compare_with_status_says_how_each_areas_outcome_stands(monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    assert main(["compare", "examples/sefton.toc.yaml", "examples/wirral.toc.yaml", "examples/kirklees.toc.yaml",
                 "--status"]) == 0
    out = capsys.readouterr().out
    assert "✓ confident (off track)" in out and "✓ less-exposure (at risk)" in out
    assert "(no data)" in out
    assert main(["compare", "examples/sefton.toc.yaml", "examples/wirral.toc.yaml"]) == 0
    assert "(off track)" not in capsys.readouterr().out  # only when asked
